"""Every rule has a fixture that must fail and one that must pass (proselint's table of examples).

``tests/fixtures/check/<CODE>/fail.md`` marks each line that must be flagged
with ``<!-- expect: CODE -->`` on the line before; ``pass.md`` must produce no
finding of that rule. A rule without both files fails the suite.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from writer.check import Checker
from writer.check.rules import RULES

FIXTURES = Path(__file__).parent / "fixtures" / "check"
EXPECT = re.compile(r"<!--\s*expect:\s*([A-Z0-9, ]+?)\s*-->")


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def expectations(path: Path) -> list[tuple[int, str]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    out = []
    for i, line in enumerate(lines, start=1):
        m = EXPECT.search(line)
        if not m:
            continue
        j = i + 1
        while j <= len(lines) and (not lines[j - 1].strip() or EXPECT.search(lines[j - 1])):
            j += 1
        out.extend((j, code.strip()) for code in m.group(1).split(",") if code.strip())
    return out


def test_every_rule_has_a_fail_and_a_pass_fixture():
    missing = [f"{code}/{name}" for code in RULES for name in ("fail.md", "pass.md") if not (FIXTURES / code / name).is_file()]
    assert not missing, f"rules without fixtures: {missing}"


def test_no_fixture_for_an_unknown_rule():
    folders = {p.name for p in FIXTURES.iterdir() if p.is_dir() and p.name not in ("facts", "articles")}
    assert folders <= set(RULES), folders - set(RULES)


@pytest.mark.parametrize("code", list(RULES))
def test_fail_fixture_is_flagged_where_marked(checker, code):
    path = FIXTURES / code / "fail.md"
    expected = expectations(path)
    assert any(c == code for _, c in expected), f"{path} marks no line with <!-- expect: {code} -->"
    findings = checker.check_file(path)
    got = {(f.line, f.code) for f in findings}
    for line, c in expected:
        assert (line, c) in got, f"{path}:{line}: expected {c}, got {sorted(got)}"
    # and nothing of this rule on unmarked lines
    marked = {line for line, c in expected if c == code}
    stray = [f for f in findings if f.code == code and f.line not in marked]
    assert not stray, stray


@pytest.mark.parametrize("code", list(RULES))
def test_pass_fixture_is_clean(checker, code):
    path = FIXTURES / code / "pass.md"
    findings = checker.check_file(path)
    assert findings == [], "\n".join(f"{f.line}:{f.column} {f.code} {f.message}" for f in findings)


@pytest.mark.parametrize("code", list(RULES))
def test_rule_metadata_and_docs(code):
    rule = RULES[code]
    assert re.fullmatch(r"[PFS]\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)+", rule.name)
    assert rule.severity in ("error", "warning", "info")
    for heading in ("## What it does", "## Why it matters", "## Example", "## Use instead"):
        assert heading in rule.doc, f"{code} docs lack {heading!r}"
    assert (rule.mode == "facts") == code.startswith("P")


def test_hand_written_article_in_the_genre(checker):
    """An article no template wrote: exactly the marked lines are flagged, with the marked codes."""
    path = FIXTURES / "articles" / "handwritten.md"
    expected = set(expectations(path))
    got = {(f.line, f.code) for f in checker.check_file(path)}
    assert got == expected
