"""Round nine: links chosen against the evidence, read as patterns (every sentence and fact here is ours).

6. A value match whose source the sentence credits (or a range printing a ranged fact's both ends) outweighs the
   venue, side or asset cues that point at another fact: no contradiction of that other fact. An uncredited
   match decides nothing: a real contradiction stays one (writer/check/link_evidence.py).
7. A figure printed in the words of the fact another figure of its sentence is linked to ("short 25x") is supported.
8. The start of a move ("slid to 31 from 52") is never a contradiction of the fact the move's end is: supported when
   the fact's words hold it, else not in the facts (P001).
"""

from __future__ import annotations

import pytest

from link_support import codes, event, links_of

_TRADES = """facts:
  - id: bybit_largest
    metric: largest_single_liquidation
    unit: USD
    window: 24h
    asset: ETH
    venue: bybit
    side: short
    status: official
    observations: [{source: bybit, value: 4.1M}]
  - id: whale
    metric: trader_loss
    unit: USD
    subject: a Bybit trader who was short 25x on ETH
    observations: [{source: lookonchain, value: 7.3M}]
  - id: total
    metric: liquidations
    unit: USD
    window: 24h
    coverage: network-wide
    status: disputed
    observations: [{source: coinglass, value: 260M}, {source: coinank, value: 210M}]
  - id: longs
    metric: liquidations
    unit: USD
    window: 24h
    side: long
    coverage: network-wide
    observations: [{source: coinglass, value: 161.2M}, {source: coinank, value: 160.4M}]
  - id: mood
    metric: sentiment_index
    unit: index
    label: the market mood gauge
    observations:
      - {source: alternative-me, value: 31, note: 'down from 52 the week before'}
"""

_LEDE = "Traders on both sides of the book were squeezed on Sunday.\n\n"


def _codes(text: str) -> set[str]:
    return codes(event(_TRADES), _LEDE + text) - {"P013"}


# --- 6. a credited value match outweighs cues ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "At Bybit, one trader who was 25x short on ether lost some $7.3 million, Lookonchain said.",
    "An ether short on Bybit cost one trader $7.3 million, according to Lookonchain.",
])
def test_a_credited_value_match_is_not_a_contradiction_of_a_cued_fact(text):
    assert "P006" not in _codes(text)
    assert ("$7.3 million", "whale", "supported") in links_of(event(_TRADES), _LEDE + text)


@pytest.mark.parametrize("text", [
    # the matching fact's source is not credited: the venue and side words still point at Bybit's largest
    "At Bybit, the largest ether short liquidated was worth $7.3 million.",
    # credited, but the value fits no fact: still a contradiction
    "At Bybit, one trader who was 25x short on ether lost some $5.8 million, Lookonchain said.",
    # a bound fits many values: its match is no evidence against the words
    "At Bybit, a trader who was 25x short on ether lost at least $6.5 million, Lookonchain said.",
])
def test_without_a_credited_match_a_contradiction_stays(text):
    assert "P006" in _codes(text)


def test_a_credit_shared_by_the_cued_fact_tells_nothing_apart():
    """CoinGlass is a source of both the longs and the total: its credit is no evidence for either, and the side
    word that points at the longs still makes the total's value a contradiction of them (as before)."""
    found = _codes("Longs lost $235 million, CoinGlass data show.")
    assert found & {"P005", "P006"}, found


def test_a_range_printing_a_ranged_facts_ends_is_that_fact():
    found = _codes("A long-heavy washout of $210 million to $260 million, by CoinGlass and CoinAnk counts.")
    assert "P006" not in found, found
    # one end only is no range of its ends: the words still decide, and something is flagged
    assert _codes("A long-heavy washout of $210 million, by CoinGlass and CoinAnk counts.") & {"P005", "P006", "P012"}


# --- 7. a figure in its fact's own words ---------------------------------------------------------------------------

def test_a_figure_in_the_linked_facts_subject_is_supported():
    text = "A trader who was 25x short on ether at Bybit lost some $7.3 million, Lookonchain said."
    assert "P001" not in _codes(text)
    assert ("25x", "whale", "supported") in links_of(event(_TRADES), _LEDE + text)


@pytest.mark.parametrize("text", [
    "A trader who was 30x short on ether at Bybit lost some $7.3 million, Lookonchain said.",  # not the subject's
    "A trader who was 25x short on ether at Bybit.",  # no figure of that fact in the sentence
])
def test_a_figure_not_in_a_linked_facts_words_stays_unsupported(text):
    assert "P001" in _codes(text)


# --- 8. the start of a move -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The market mood gauge slid to 31 from 52, per Alternative.me.",
    "The market mood gauge dropped from 52 to 31, per Alternative.me.",
])
def test_a_moves_start_held_in_the_facts_note_is_supported(text):
    assert not _codes(text) & {"P001", "P006"}, _codes(text)


def test_a_moves_start_stays_supported_when_its_end_is_wrong():
    found = links_of(event(_TRADES), _LEDE + "The market mood gauge slid to 38 from 52, per Alternative.me.")
    # the start is supported by the fact's own words (its observation's note), not read as a contradiction
    assert [(text, kind) for text, _, kind in found] == [("38", "contradicts"), ("52", "supported")], found
    assert found[1][1] in ("mood", "text:mood"), found


@pytest.mark.parametrize("text, code", [
    ("The market mood gauge slid to 31 from 47, per Alternative.me.", "P001"),  # not in the facts: no contradiction
    ("The market mood gauge slid to 47, per Alternative.me.", "P006"),  # the end of a move is the value now
])
def test_a_moves_start_not_in_the_facts_is_unsupported_not_contradicting(text, code):
    found = _codes(text)
    assert code in found, found
    if code == "P001":
        assert "P006" not in found
