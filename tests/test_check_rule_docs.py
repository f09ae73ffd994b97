"""Every rule's documented example triggers that rule, and its "use instead" does not (issue 11 item 8).

The examples are read from each rule's own docs (the Markdown code block under
``## Example`` and ``## Use instead``), so docs and behaviour cannot drift
apart. Fact-mode rules are checked against ``fixtures/check/facts/event.yaml``
(the fact file the rule fixtures share); a "use instead" that is advice rather
than a code block is not checked, and the test says which rules those are.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from writer.check import Checker
from writer.check.rules import RULES

FACTS = Path(__file__).parent / "fixtures" / "check" / "facts" / "event.yaml"
_BLOCK = re.compile(r"```markdown\n(.*?)```", re.DOTALL)
# Rules whose "use instead" is advice (add the figure to the fact file, print the fact's value,
# move the rumour out of the headline), not a sentence to check.
ADVICE_ONLY = {"P001", "P006", "P010"}


def section(doc: str, heading: str) -> str:
    start = doc.index(heading) + len(heading)
    nxt = doc.find("\n## ", start)
    return doc[start: nxt if nxt >= 0 else len(doc)]


def example(doc: str, heading: str) -> str | None:
    m = _BLOCK.search(section(doc, heading))
    return m.group(1) if m else None


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def _codes(checker: Checker, tmp_path: Path, code: str, body: str, name: str) -> set[str]:
    front = f"---\nfacts: {FACTS}\n---\n\n" if RULES[code].mode == "facts" else ""
    path = tmp_path / f"{code}-{name}.md"
    path.write_text(front + body, encoding="utf-8")
    return {f.code for f in checker.check_file(path)}


@pytest.mark.parametrize("code", list(RULES))
def test_documented_example_triggers_its_rule(checker, tmp_path, code):
    body = example(RULES[code].doc, "## Example")
    assert body, f"{code}: the docs give no Markdown example"
    got = _codes(checker, tmp_path, code, body, "example")
    assert code in got, f"{code}: its documented example does not trigger it (got {sorted(got)})"


@pytest.mark.parametrize("code", list(RULES))
def test_use_instead_passes_its_rule(checker, tmp_path, code):
    body = example(RULES[code].doc, "## Use instead")
    if body is None:
        assert code in ADVICE_ONLY, f"{code}: 'Use instead' has no Markdown block and is not listed as advice"
        return
    assert code not in ADVICE_ONLY, f"{code} is listed as advice but has a Markdown block: check it"
    got = _codes(checker, tmp_path, code, body, "instead")
    assert code not in got, f"{code}: its documented 'use instead' still triggers it"
