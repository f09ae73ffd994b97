"""bench/eval_heldout.py writes results about articles that must stay out of the repo: its report
holds counts, figures and file:line positions, never a sentence or caveat phrase of an article.

The articles here are written for the test (never the held-out set, which the suite must not read)."""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass
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


# --- which flagged figure counts as the annotated one (bench/eval_corpus.figure_found) --------------

eval_corpus = eval_heldout.eval_corpus


@dataclass
class _Flag:
    line: int
    column: int  # 1-based, where the flagged text starts on its line
    figure: str
    code: str = "F001"


def _flag_on(line_text: str, figure: str, line: int = 1, after: int = 0) -> _Flag:
    at = line_text.index(figure, after)
    return _Flag(line, at + 1, figure)


def _sentence_span(line_text: str, sentence: str) -> dict:
    start = line_text.index(sentence)
    return {"line": 1, "start": start + 1, "end": start + 1 + len(sentence)}


BOUND_LINE = "More than 52,300 accounts were closed out on Tuesday, for $61.5 million in margin."


def test_a_flag_keeping_its_noun_counts_for_a_figure_annotated_with_its_bound() -> None:
    span = _sentence_span(BOUND_LINE, BOUND_LINE)
    flag = _flag_on(BOUND_LINE, "52,300 accounts")
    # neither text holds the other: the first rule alone misses it
    assert "52,300 accounts" not in "More than 52,300" and "More than 52,300" not in "52,300 accounts"
    assert eval_corpus.figure_found("More than 52,300", BOUND_LINE, span, [flag])


def test_a_flag_on_another_number_of_the_line_does_not_count() -> None:
    span = _sentence_span(BOUND_LINE, BOUND_LINE)
    assert not eval_corpus.figure_found("More than 52,300", BOUND_LINE, span, [_flag_on(BOUND_LINE, "$61.5 million")])


def test_the_same_digits_in_another_sentence_of_the_line_do_not_count() -> None:
    line = "Desk A closed 7,450 orders by noon. Desk B reported over 7,450 by the close."
    second = "Desk B reported over 7,450 by the close."
    flag_in_first = _flag_on(line, "7,450 orders")
    assert not eval_corpus.figure_found("over 7,450", line, _sentence_span(line, second), [flag_in_first])
    flag_in_second = _Flag(1, line.index("7,450 by") + 1, "7,450 by the close")
    assert eval_corpus.figure_found("over 7,450", line, _sentence_span(line, second), [flag_in_second])


def test_a_flag_sharing_only_part_of_a_number_does_not_count() -> None:
    line = "Roughly 3,125 traders were wiped out."
    span = _sentence_span(line, line)
    # a span that starts inside the number holds none of its tokens whole
    partial = _Flag(1, line.index("3,125") + 3, "125 traders")
    assert not eval_corpus.figure_found("3,125", line, span, [partial])
    assert not eval_corpus._share_number(line, (line.index("125 traders"), len(line)),
                                         (line.index("3,125"), line.index("3,125") + 5))


def test_a_flag_whose_text_is_not_at_its_column_is_judged_on_its_text_only() -> None:
    span = _sentence_span(BOUND_LINE, BOUND_LINE)
    misplaced = _Flag(1, 1, "52,300 accounts")  # column 1 holds "More", not the flagged text
    assert not eval_corpus.figure_found("More than 52,300", BOUND_LINE, span, [misplaced])
    assert eval_corpus.figure_found("52,300", BOUND_LINE, span, [misplaced])  # the text rule still holds


class _StubChecker:
    """Findings fixed in advance, so the count depends on the matching alone."""

    def __init__(self, flags: list[_Flag]) -> None:
        self.flags = flags

    def check_text(self, text: str, path: str = "") -> list[_Flag]:
        return self.flags

    def trace(self, text: str, path: str = "") -> list[dict]:
        return []


def test_fact_free_counts_the_bounded_figure_and_not_the_other_one(tmp_path: Path) -> None:
    line = "Over 18,040 positions were liquidated while funding stayed at 0.031%."
    (tmp_path / "01_bound.md").write_text(line + "\n", encoding="utf-8")
    claim = {"line": 1, "sentence": line, "figures": ["Over 18,040", "0.031%"], "metric": "m", "window": None,
             "provenance_in_text": "unattributed", "sources_named": [], "caveat_phrases": [], "caveat_scope": "none"}
    (tmp_path / "01_bound.claims.json").write_text(json.dumps([claim]), encoding="utf-8")
    tot, _ = eval_corpus.fact_free(_StubChecker([_flag_on(line, "18,040 positions")]), [tmp_path / "01_bound.md"])
    assert (tot["figures_found"], tot["figures"]) == (1, 2)
    assert (tot["found"], tot["positives"]) == (1, 1)
