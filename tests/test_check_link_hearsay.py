"""Hearsay with no one named ("is said to", "reportedly") governs its own clause, not its whole sentence.

A figure whose clause is hedged that way is the writer's second-hand claim: an attribution earlier in the
paragraph does not carry to it, in fact mode (P002, P011) and in the fact-free reading (F001) alike; since round
fourteen the fact-free reading credits such a figure to the unnamed source the hedge tells of (bench/ANNOTATION.md
point 7: no F001), so there neither a hedged figure nor one the paragraph's credit reaches is flagged. A hedge in
another clause of the sentence is about that clause's statement ("..., a fund is said to be behind the selling"
says who sold, not who counted): the paragraph's credit still reaches the figure. A hedge set off as the
sentence's own adverb ("Reportedly, ...", "..., allegedly.") hedges the whole sentence. One rule
(``Analysis.hearsay``) for both readings. Every sentence here is ours.
"""

from __future__ import annotations

import pytest

from link_support import codes, event
from writer.check import Checker

_SIDES = """facts:
  - {id: lng, metric: liquidations, unit: USD, window: 1h, side: long, observations: [{source: coinglass, value: 39M}]}
  - {id: sht, metric: liquidations, unit: USD, window: 1h, side: short, observations: [{source: coinglass, value: 419M}]}
"""
_OPENING = "According to CoinGlass, a single source, longs lost $39 million in the past hour."

CASES = [
    # the hedge is in another clause: it speaks of who was behind the move, not of the figure
    ("Shorts lost $419 million in the hour, a fund is said to be behind the selling.", False),
    ("Shorts lost $419 million in the hour; one desk is believed to have taken the other side.", False),
    ("Shorts lost $419 million in the hour (a market maker is thought to have been buying).", False),
    ("Shorts lost $419 million in the hour — one fund allegedly bought the lows.", False),
    # the hedge is the figure's own clause
    ("A fund is said to have lost $419 million of shorts in the hour, the biggest loss of the move.", True),
    ("Shorts lost $419 million in the hour, a sum said to have been lost mostly on one venue.", False),
    ("Shorts, a desk was told, lost $419 million.", False),  # "was told" is no hearsay word
    # a hedge set off as the sentence's adverb hedges all of it
    ("Reportedly, shorts lost $419 million in the hour.", True),
    ("Shorts, allegedly, lost $419 million in the hour.", True),
    ("Shorts lost $419 million in the hour, reportedly.", True),
]


@pytest.mark.parametrize("second, flagged", CASES)
def test_hearsay_governs_its_clause_in_fact_mode(second, flagged):
    assert ("P002" in codes(event(_SIDES), f"{_OPENING} {second}")) is flagged


@pytest.fixture(scope="module")
def free():
    return Checker()


@pytest.mark.parametrize("second, flagged", CASES)
def test_the_fact_free_reading_credits_the_hedge_or_the_paragraph(free, second, flagged):
    # (round fourteen: a hedged figure is the unnamed source's, any other the paragraph's credit reaches; until then a
    # hedged figure but for "reportedly" was flagged, ``flagged`` here)
    found = [f.figure for f in free.check_text(f"{_OPENING} {second}\n") if f.code == "F001"]
    assert "$419 million" not in found, found


def test_a_figure_in_a_hedged_clause_of_a_many_clause_sentence():
    """Two figures, one sentence: in fact mode the hedged clause's figure is flagged, the plain clause's is not; the
    fact-free reading credits the hedged one to its unnamed source (round fourteen) and carries to the other."""
    text = f"{_OPENING} Shorts lost $419 million in the hour; one fund is said to have lost $39 million of longs."
    found = [f for f in codes(event(_SIDES), text)]
    assert "P002" in found
    free_found = [f.figure for f in Checker().check_text(text + "\n") if f.code == "F001"]
    assert free_found == []


_NOTED = """facts:
  - {id: fr, metric: funding_rate, unit: percent, asset: BTC, window: 24h, observations: [{source: coinglass, value: 0.012}]}
  - id: oi
    metric: open_interest
    unit: USD
    asset: BTC
    window: 24h
    note: a fund is said to be behind the move
    observations: [{source: coinglass, value: 52B}]
"""


def test_a_draft_printing_a_hearsay_note_after_its_figure_passes_its_own_check():
    """Drafting prints a fact's note after a comma in its figure's sentence, and a second reading of one source
    in a run without repeating the credit (templates/sections/context.md.j2): the note's hedge must not stop the
    run (fuzz seed 36 of bench/fuzz_draft_new_kinds.py failed so on main)."""
    from writer.draft import Drafter

    text = Drafter(run_check=True).draft(event(_NOTED), facts_path="case.yaml").markdown  # raises if its check fails
    assert "$52 billion, a fund is said to be behind the move." in text
