"""The round trip: every draft of every example event passes the check with no findings.

Checked twice: in-process with the event given, and as a user would, through
``writer draft -o`` and ``writer check`` finding the fact file from the
draft's front matter.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from writer.check import Checker
from writer.cli import main
from writer.factbase.loader import load_event

ROOT = Path(__file__).resolve().parents[1]
EVENTS = sorted((ROOT / "factbase" / "events").glob("*.yaml"))


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


@pytest.fixture(scope="module")
def drafter():
    draft = pytest.importorskip("writer.draft")
    return draft.Drafter()


def test_there_are_example_events():
    assert len(EVENTS) >= 3


@pytest.mark.parametrize("event_path", EVENTS, ids=lambda p: p.stem)
def test_draft_has_no_findings(checker, drafter, event_path):
    event = load_event(event_path)
    draft = drafter.draft(event)
    findings = checker.check_text(draft.markdown, path=event_path.name, event=event)
    assert findings == [], "\n".join(f"{f.line}:{f.column} {f.code} {f.message}" for f in findings)
    # every figure the draft's claim map lists is one the check read and linked
    traced = {(t["line"], t["figure"]) for t in checker.trace(draft.markdown, event=event)}
    for fig in draft.claims["figures"]:
        text = fig["text"]
        for word in ("about ", "at least ", "nearly ", "over "):
            text = text.removeprefix(word)
        assert any(line == fig["line"] and (f == text or f in text or text in f) for line, f in traced), (fig["line"], fig["text"])


def test_round_trip_through_the_cli(tmp_path, drafter):
    runner = CliRunner()
    out = tmp_path / "articles"
    for event_path in EVENTS:
        r = runner.invoke(main, ["draft", str(event_path), "-o", str(out / f"{event_path.stem}.md")], catch_exceptions=False)
        assert r.exit_code == 0, r.output
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        r = runner.invoke(main, ["check", "articles", "--format", "json"], catch_exceptions=False)
    finally:
        os.chdir(old)
    assert r.exit_code == 0, r.output
    assert '"findings": []' in r.output


@pytest.mark.parametrize("event_path", EVENTS, ids=lambda p: p.stem)
def test_drafts_also_pass_the_fact_free_rules(checker, drafter, event_path):
    """A draft read with no fact file (as a desk's CI without the fact base would) is still clean."""
    body = drafter.draft(load_event(event_path)).markdown.split("---\n", 2)[2]
    findings = checker.check_text(body)
    assert findings == [], "\n".join(f"{f.line}:{f.column} {f.code} {f.message}" for f in findings)
