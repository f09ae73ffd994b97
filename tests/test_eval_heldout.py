"""bench/eval_heldout.py writes results about articles that must stay out of the repo: its report
holds counts, figures and file:line positions, never a sentence or caveat phrase of an article.

The articles here are written for the test (never the held-out set, which the suite must not read)."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load():
    spec = importlib.util.spec_from_file_location("eval_heldout", ROOT / "bench" / "eval_heldout.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


eval_heldout = _load()

# Three sentences; two annotations deliberately disagree with what the text says, so that the
# evaluation is sure to write notes about them: the first sentence (no attribution, flagged by the
# check) is annotated as attributed, the last (attributed) as unattributed. The middle one carries
# its attribution in the sentence, so it is also a removal candidate.
ARTICLE = (
    "Forced closures on perpetual venues summed to $512 million over the session.\n"
    "\n"
    "Short sellers gave up $131 million of that, according to Velo data.\n"
    "\n"
    "Long holders lost $88 million, according to Velo data.\n"
)


def _claim(line: int, sentence: str, figure: str, label: str, caveats: list[str]) -> dict:
    return {"line": line, "sentence": sentence, "figures": [figure], "metric": "m", "window": None,
            "provenance_in_text": label, "sources_named": ["Velo"] if caveats else [], "caveat_phrases": caveats,
            "caveat_scope": "same_sentence" if caveats else "none"}


CLAIMS = [
    _claim(1, "Forced closures on perpetual venues summed to $512 million over the session.", "$512 million",
           "single_source_named", []),
    _claim(3, "Short sellers gave up $131 million of that, according to Velo data.", "$131 million",
           "single_source_named", ["according to Velo data"]),
    _claim(5, "Long holders lost $88 million, according to Velo data.", "$88 million", "unattributed", []),
]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "01_own.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "01_own.claims.json").write_text(json.dumps(CLAIMS), encoding="utf-8")
    (tmp_path / "02_unannotated.md").write_text("A draft with $9 million and no annotation.\n", encoding="utf-8")
    return tmp_path


def test_only_annotated_articles_are_measured(folder: Path) -> None:
    assert [p.name for p in eval_heldout.articles_in(folder)] == ["01_own.md"]


def test_report_holds_positions_and_figures_but_no_article_text(folder: Path) -> None:
    result = eval_heldout.measure(eval_heldout.eval_corpus.Checker(), eval_heldout.articles_in(folder))
    text = eval_heldout.report(folder, result, 0.0, "python bench/eval_heldout.py --dir X")
    for claim in CLAIMS:
        assert claim["sentence"] not in text
        for phrase in claim["caveat_phrases"]:
            assert phrase not in text
    for sentence in ARTICLE.split("\n"):
        if sentence:
            assert sentence[:30] not in text
    notes = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(notes) >= 2, "the two disagreeing annotations leave notes to report"
    for note in notes:
        assert re.match(r"^- 01_own\.md:\d+(:\d+)? \S", note), note
        assert "unknown kind" not in note, note  # eval_corpus's notes are all of a known shape
    assert "| 01_own.md |" in text


def test_counts_only_report_names_no_article_and_no_position(folder: Path) -> None:
    result = eval_heldout.measure(eval_heldout.eval_corpus.Checker(), eval_heldout.articles_in(folder))
    full = eval_heldout.report(folder, result, 0.0, "python bench/eval_heldout.py --dir X")
    text = eval_heldout.report(folder, result, 0.0, "python bench/eval_heldout.py --dir X --counts-only", counts_only=True)
    assert "01_own" not in text, "a blind set's file names name its articles"
    assert not [line for line in text.splitlines() if line.startswith("- ")], "no notes, so no positions"
    # the totals are the same as in the full report
    totals = [line for line in text.splitlines() if line.startswith("| ") and "= " in line]
    assert totals and all(line in full for line in totals)
    assert "01_own" in full


@pytest.mark.parametrize("note, expected", [
    ("a.md:3 missed unattributed sentence: Whole sentence quoted here.", "a.md:3 missed unattributed sentence"),
    ("a.md:4 flag on an attributed sentence (quote_attributed, estimate): Quoted text.",
     "a.md:4 flag on a sentence annotated quote_attributed, estimate"),
    ("a.md:5:12 flag on '$3 million': sentence not annotated as a claim (false positive)",
     "a.md:5:12 flag on '$3 million' in a sentence not annotated as a claim"),
    ("a.md:6 removal of ['per Velo data'] not noticed: Quoted text.", "a.md:6 removed attribution or caveat not noticed"),
    ("a.md:7 removal not counted: 'per Velo data' still covers the sentence",
     "a.md:7 removal not counted (another annotated caveat still covers the sentence)"),
    ("a.md:8 something new: Quoted text.", "a.md:8 (note of an unknown kind, not written out)"),
])
def test_redact_keeps_position_and_kind_only(note: str, expected: str) -> None:
    assert eval_heldout.redact(note) == expected
