"""Golden Markdown for every example event, compared byte for byte.

After a deliberate change to templates, style or drafting code, regenerate with

    WRITER_REGEN_GOLDEN=1 pytest tests/test_draft_golden.py

and review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import os

import pytest

from draft_support import CORPUS, EVENTS, ROOT, drafted, example

GOLDEN = ROOT / "tests" / "golden"


@pytest.mark.parametrize("path", EVENTS, ids=[p.stem for p in EVENTS])
def test_markdown_matches_golden(path):
    _, draft = example(path.name)
    golden = GOLDEN / f"{path.stem}.md"
    if os.environ.get("WRITER_REGEN_GOLDEN") == "1":
        golden.write_text(draft.markdown, encoding="utf-8", newline="\n")
    assert golden.exists(), f"no golden file for {path.name}: run WRITER_REGEN_GOLDEN=1 pytest {__file__}"
    assert draft.markdown == golden.read_text(encoding="utf-8"), f"{golden.name} differs; regenerate deliberately if intended"


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_real_article_drafts_match_golden(path):
    """The fact files of real articles (factbase/corpus): drafted, passing their own check, byte for byte."""
    _, draft = drafted(path)
    golden = GOLDEN / "corpus" / f"{path.stem}.md"
    if os.environ.get("WRITER_REGEN_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(draft.markdown, encoding="utf-8", newline="\n")
    assert golden.exists(), f"no golden file for {path.name}: run WRITER_REGEN_GOLDEN=1 pytest {__file__}"
    assert draft.markdown == golden.read_text(encoding="utf-8"), f"{golden.name} differs; regenerate deliberately if intended"


def test_every_golden_has_an_event():
    stems = {p.stem for p in EVENTS}
    orphans = [g.name for g in GOLDEN.glob("*.md") if g.stem not in stems]
    orphans += [f"corpus/{g.name}" for g in (GOLDEN / "corpus").glob("*.md") if g.stem not in {p.stem for p in CORPUS}]
    assert not orphans, f"golden files without an event: {orphans}"


@pytest.mark.parametrize("path", EVENTS + CORPUS, ids=[p.stem for p in EVENTS + CORPUS])
def test_every_share_in_words_says_whose_calculation_it_is(path):
    """A share the desk works out and prints in words ("more than a third of the market-wide total") is a figure
    the check reads (unit "part"): its sentence says it is our calculation (layer.ours), whatever else it names."""
    import re

    from writer.check.figures import find_figures

    _, draft = drafted(path)
    body = draft.markdown.split("---\n", 2)[2]
    for sentence in re.split(r"(?<=[.!?])\s+", body):
        if any(f.unit == "part" for f in find_figures(sentence)):
            assert re.search(r"\bby our (?:own )?calculation\b", sentence, re.IGNORECASE), sentence
