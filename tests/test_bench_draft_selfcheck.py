"""bench/draft_selfcheck.py, a folder's fact files drafted with their own check: a bundled event drafts, a file that
is not valid is counted as the file's fault, and a draft its own check refuses is counted by the rule's code."""

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import draft_selfcheck  # noqa: E402  (bench/draft_selfcheck.py)

from writer.draft import Drafter  # noqa: E402
from writer.errors import DraftError  # noqa: E402


def a_bundled_event(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "factbase" / "sources.yaml", tmp_path / "sources.yaml")
    event = sorted((ROOT / "factbase" / "events").glob("*.yaml"))[0]
    return Path(shutil.copy(event, tmp_path / event.name))


def test_a_bundled_event_drafts(tmp_path: Path):
    assert draft_selfcheck.outcome(Drafter(None, run_check=True), a_bundled_event(tmp_path)) == "drafted"


def test_an_invalid_file_is_the_files_fault(tmp_path: Path):
    path = a_bundled_event(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("status:", "status: not-a-status\n  was:", 1), encoding="utf-8")
    assert draft_selfcheck.outcome(Drafter(None, run_check=True), path) == "invalid fact file"


class _Refusing:
    """A drafter whose draft its own check refuses, as Drafter reports it."""

    def draft(self, event, *, facts_path):
        raise DraftError("the provenance check rejects the draft: P008 names another source at line 3, column 1")


class _Breaking:
    def draft(self, event, *, facts_path):
        raise KeyError("counted")


def test_refusals_and_crashes_are_counted_by_code_and_class(tmp_path: Path):
    path = a_bundled_event(tmp_path)
    assert draft_selfcheck.outcome(_Refusing(), path) == "own check: P008"
    assert draft_selfcheck.outcome(_Breaking(), path) == "crash: KeyError"
