"""A batch worker's warm paths (loading a fact file, drafting it) give what the plain code gives.

Each shortcut taken for a warm worker's CPU (bench/results/draft_facts.md measures what it saves)
is compared here with the plain computation it replaces, on the example and corpus events.
"""

from __future__ import annotations

import inspect
import shutil

import pytest

from draft_support import CORPUS, EVENTS, ROOT
from writer.draft import Drafter
from writer.draft import layer
from writer.factbase.loader import load_event


def _plain_where(self) -> tuple[str, int]:
    """Render._where without its cache: the compiled template's frame, its line read from the frame."""
    frame = inspect.currentframe().f_back.f_back
    while frame is not None:
        tmpl = self.templates.get(frame.f_code.co_filename)
        if tmpl is not None:
            return tmpl.name or "", tmpl.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back
    return "", 0


@pytest.mark.parametrize("path", EVENTS + CORPUS, ids=[p.stem for p in EVENTS + CORPUS])
def test_template_lines_are_those_the_frames_give(path, monkeypatch):
    """The claim map's template and line of every figure, found through the cache by call offset, are the plain look-up's."""
    drafter = Drafter(run_check=False)
    event = load_event(path)
    fast = drafter.draft(event)
    monkeypatch.setattr(layer.Render, "_where", _plain_where)
    plain = drafter.draft(event)
    assert fast.to_json() == plain.to_json() and fast.markdown == plain.markdown
    assert all(f["template_line"] > 0 for f in fast.claims["figures"])


def test_an_edited_template_reports_its_new_lines(tmp_path):
    """A template edited while writer runs (a preview server) is compiled anew; its figures' lines are the new file's."""
    sections = tmp_path / "sections"
    sections.mkdir()
    source = ROOT / "templates" / "sections" / "figures.md.j2"
    shutil.copy(source, sections / "figures.md.j2")
    event = load_event(EVENTS[0])

    def lines() -> list[int]:
        draft = Drafter(tmp_path, run_check=False).draft(event)
        return [f["template_line"] for f in draft.claims["figures"] if f["template"] == "sections/figures.md.j2"]

    before = lines()
    assert before
    (sections / "figures.md.j2").write_text("{# one #}\n{# two #}\n{# three #}\n" + source.read_text(encoding="utf-8"), encoding="utf-8")
    assert lines() == [n + 3 for n in before]
