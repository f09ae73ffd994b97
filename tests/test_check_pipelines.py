"""The check gives the same findings with or without spaCy's Language around its component.

`writer draft` checks its own draft with ``Checker(spacy_pipeline=False)`` so a
cold draft does not pay spaCy's import; `writer check` and batch workers use
the spaCy pipeline. These tests hold the two to identical results and hold
drafting to never importing spaCy.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from writer.check import Checker
from writer.draft import Drafter
from writer.factbase.loader import load_event

ROOT = Path(__file__).resolve().parent.parent
EVENTS = sorted((ROOT / "factbase" / "events").glob("*.yaml"))
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "check").rglob("*.md"))


@pytest.fixture(scope="module")
def checkers():
    return Checker(spacy_pipeline=True), Checker()


@pytest.mark.parametrize("path", EVENTS, ids=lambda p: p.stem)
def test_same_findings_on_drafts_and_their_mutations(path, checkers):
    with_spacy, without = checkers
    event = load_event(path)
    text = Drafter(run_check=False).draft(event).markdown
    # A mutated draft (every "according to" dropped) has findings: both must report the same ones.
    for variant in (text, text.replace("According to a single source, ", "").replace("according to a single source, ", "")):
        a = with_spacy.check_text(variant, event=event)
        b = without.check_text(variant, event=event)
        assert a == b
    assert with_spacy.check_text(text.replace("According to a single source, ", ""), event=event) or "According to a single source, " not in text


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_same_findings_on_hand_written_articles(path, checkers):
    with_spacy, without = checkers
    text = path.read_text(encoding="utf-8")
    assert with_spacy.check_text(text, path=str(path)) == without.check_text(text, path=str(path))


def test_writer_draft_never_imports_spacy():
    code = (
        "import sys, runpy\n"
        "sys.argv = ['writer', 'draft', sys.argv[1]]\n"
        "try:\n"
        "    runpy.run_module('writer.cli', run_name='__main__')\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "assert 'spacy' not in sys.modules, 'writer draft imported spaCy'\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(EVENTS[0])], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "# " in done.stdout  # the draft was printed, with its headline
