"""One provenance language: every phrasing the house style can produce is accepted by the check.

Drafting words provenance from ``templates/style.yaml`` (inline caveats, lead-ins,
headline caveats, context caveats); the check recognises provenance with its
own patterns (``writer/check/phrases.yaml`` and the attribution frames). This
test enumerates every phrasing of the style file, fills its placeholders the
way drafting does, puts it beside a figure, and asserts that the check reads
the provenance the status requires (a single source says so, a disputed figure
says the sources differ, an estimate says it is one...) and raises no
fact-free finding. A phrasing added to the style file that the check would not
read fails here, naming the phrasing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from writer.check import Checker

STYLE = Path(__file__).resolve().parents[1] / "templates" / "style.yaml"
DATA = yaml.safe_load(STYLE.read_text(encoding="utf-8"))

# What the check must read in scope of the figure, by status (DESIGN §2).
REQUIRED = {
    "single_source": {"single_source"},
    "single_source_described": {"single_source"},  # a source named by a description: "a single unnamed report"
    "multi_source": {"attribution"},
    "official": {"attribution"},
    "disputed": {"disagreement"},
    "disputed_again": {"disagreement"},  # derived_disputed_again: the same providers' figures, still "which differ"
    "estimate_potential": {"estimate"},
    "estimate_potential_again": {"estimate"},  # the same source's estimate again, its method told once
    "estimate": {"estimate"},
    "pending_verification": {"pending"},
    "rumor": {"rumor"},
    "unnamed_group": {"attribution"},  # several unnamed providers: worded as a group, no single-source claim
    "rumor_unsourced": {"rumor"},  # a rumour whose circulating source is not known
    "derived": {"attribution"},
    "named": set(),  # derived_named: our calculation, its inputs attributed in the sentence before (layer.ours)
}
# Placeholders filled as drafting fills them, with names the check has no registry for.
FILL = {
    "sources": "Kraken Data Desk and CoinAnk",
    "single": "a single unnamed report",  # a described source told as one (records.Source.single_name)
    "possessive": "CoinAnk's",
    "basis": "modelled by CoinAnk from its liquidation heat map",
    "modelled": "modelled by CoinAnk",
}
FIGURE = "$1.361 billion"


def required(status: str) -> set[str]:
    if status.startswith("derived_"):
        return REQUIRED["derived"] | REQUIRED[status.removeprefix("derived_")]
    return REQUIRED[status]


def phrasings():
    for table in ("caveats", "leads", "headline_caveats", "headline_leads", "context_caveats"):
        for status, variants in DATA[table].items():
            for i, text in enumerate(variants):
                yield pytest.param(table, status, text.format(**FILL), id=f"{table}-{status}-{i}")


def sentence(table: str, phrase: str) -> str:
    if table == "leads":
        return f"{phrase[0].upper()}{phrase[1:]} long liquidations reached {FIGURE} over 24 hours."
    if table == "headline_caveats":
        return f"# Longs lose {FIGURE} {phrase}"
    if table == "headline_leads":  # a headline's closing clause, its trailing comma dropped as the drafter does
        return f"# Longs lose {FIGURE} over 24 hours, {phrase.rstrip(',')}"
    return f"Long liquidations reached {FIGURE} {phrase} over 24 hours."


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def test_the_style_file_has_phrasings_for_every_table():
    params = list(phrasings())
    assert len(params) > 40
    assert {p.values[0] for p in params} == {"caveats", "leads", "headline_caveats", "headline_leads", "context_caveats"}


@pytest.mark.parametrize(("table", "status", "phrase"), list(phrasings()))
def test_every_style_phrasing_is_read_by_the_check(checker, table, status, phrase):
    text = sentence(table, phrase) + "\n"
    traced = [t for t in checker.trace(text) if t["figure"] == FIGURE]
    assert traced, f"the check did not read {FIGURE} in {text!r}"
    missing = required(status) - set(traced[0]["in_scope"])
    assert not missing, f"{table}.{status}: {phrase!r} is not read as {sorted(missing)} (read: {traced[0]['in_scope']})"
    findings = [f for f in checker.check_text(text) if f.code.startswith("F")]
    assert not findings, f"{table}.{status}: {phrase!r} draws {[(f.code, f.message) for f in findings]}"


def test_the_style_window_words_are_the_words_the_check_reads_windows_by():
    """One list of window words: the style prints `window_units`; linking reads windows (and the grammar
    durations) by writer.factbase.vocabulary's WINDOW_UNIT_WORDS. A style word the check would not read
    as its window fails here."""
    from writer.check.figures import DURATION_UNITS
    from writer.check.linking import _window_cues
    from writer.check.phrases import build_phrases
    from writer.factbase.vocabulary import WINDOW_UNIT_WORDS, window_minutes

    phrases = build_phrases({})
    units = DATA["names"]["window_units"]
    assert set(units) == set(WINDOW_UNIT_WORDS)
    for key, words in units.items():
        one, many = words.split("|")
        assert (one, many) == WINDOW_UNIT_WORDS[key]
        assert _window_cues(phrases, f"liquidations over 72 {many}") == {f"{window_minutes(f'72{key}')}m"}
    singulars = {one for one, _ in WINDOW_UNIT_WORDS.values()}
    assert set(DURATION_UNITS) <= singulars  # the grammar's duration words are window words
