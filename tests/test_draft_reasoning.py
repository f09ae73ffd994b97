"""Sentences that must follow from the event's own figures: each test is a sentence a draft of a real story printed
that its figures did not support, found by reading the weakest drafts (issue 10: every sentence true)."""

from __future__ import annotations

from draft_support import CORPUS, drafted


def test_an_event_with_only_models_of_liquidations_to_come_claims_none_happened():
    """Corpus 20 (a heat map's clusters, nothing liquidated yet) opened "Leveraged positions were forced out during
    the latest swing" under "Leveraged traders face a volatile session": neither follows from its figures."""
    path = next(p for p in CORPUS if p.name.startswith("20-"))
    md = drafted(path)[1].markdown
    assert "were forced out" not in md and "volatile session" not in md
    # its clusters are a heat map's intensities: the headline says where the map is heavier, never "positions at risk"
    assert "# Liquidation map shows a heavier cluster below the price than above it" in md
    body = md.split("\n---\n", 1)[-1]
    assert body.count("Stacked at one price") <= 1  # the second cluster of one shape refers back


def test_a_closing_sentence_claims_no_direction_and_no_backdrop_the_event_lacks():
    """Corpus 24 has no long/short split and context only about how exchanges report: its draft said "the direction
    of the forced selling is not in dispute" and closed its context on "the wider backdrop" of leverage."""
    path = next(p for p in CORPUS if p.name.startswith("24-"))
    md = drafted(path)[1].markdown
    assert "direction of the forced selling is not in dispute" not in md
    assert "wider backdrop" not in md
    assert "It is about the exchanges themselves" in md
