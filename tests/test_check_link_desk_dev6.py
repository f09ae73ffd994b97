"""Fact mode on wordings met in the eleventh round's desk drafts of new stories (dev6): a bare role between a name
and its verb ("X, data tracker, said"), a quotation of two sentences whose second holds the figure, and a sentence that
gives a context item's words whole (a source's name among them, and a figure a fact also reaches by rounding). Every
sentence here is ours."""

from __future__ import annotations

import pytest

from link_support import codes, event, links_of

_SOLO = """facts:
  - {id: solo, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinank, value: 410M}]}
  - {id: said, metric: liquidation_share, unit: percent, share_of: the night's liquidations, observations: [{source: ben-zhou, value: 70}]}
"""


@pytest.mark.parametrize("text, p002, p008", [
    # a role written bare, as newsrooms do: still an apposition before the reporting verb
    ("CoinAnk, data tracker, said $410 million was liquidated over 24 hours, a single-source figure.", False, False),
    ("Ben Zhou, CEO of Bybit, said 70% of the night's liquidations sat on one venue, a single-source figure.", False, False),
    # the wrong tracker before the same bare role is still named as the source
    ("CoinGlass, data tracker, said $410 million was liquidated over 24 hours, a single-source figure.", True, True),
    # a capitalised name after the comma is no bare role: the verb is that name's, and the tracker is not credited
    ("CoinAnk, OKX said $410 million was liquidated over 24 hours, a single-source figure.", True, True),
])
def test_a_bare_role_between_a_name_and_its_verb_keeps_the_credit(text, p002, p008):
    found = codes(event(_SOLO), text)
    assert ("P002" in found, "P008" in found) == (p002, p008)


_QUOTED = """facts:
  - {id: said, metric: liquidation_share, unit: percent, share_of: the night's liquidations, observations: [{source: ben-zhou, value: 70}]}
quotes:
  - {id: night, speaker: Ben Zhou, channel: on X, words: "A rough night for leverage. 70% of it sat on one venue."}
"""


def test_a_figure_in_the_second_sentence_of_a_quotation_is_the_quotes():
    text = "Ben Zhou, exchange founder, said on X: \u201cA rough night for leverage. 70% of it sat on one venue.\u201d"
    assert links_of(event(_QUOTED), text) == [("70%", "quote:night", "supported")]
    assert not codes(event(_QUOTED), text) & {"P002", "P013"}


def test_a_figure_after_the_quotation_closes_is_not_the_quotes():
    text = "Ben Zhou said on X: \u201cA rough night for leverage.\u201d Some 70% of it sat on one venue, he added."
    assert links_of(event(_QUOTED), text)[0][1] == "said"


_GAP = """facts:
  - {id: okx_48h, metric: liquidations, unit: USD, window: 48h, venue: okx, observations: [{source: coinglass, value: 470M}]}
context:
  - {id: gap, kind: market, text: a CoinGlass tally gave OKX $500 million more in forced closes than the next venue on Monday, sources: [decrypt]}
"""


def test_a_sentence_giving_a_context_items_words_gives_its_figure_and_its_names():
    text = "A CoinGlass tally gave OKX $500 million more in forced closes than the next venue on Monday, Decrypt reported."
    assert links_of(event(_GAP), text) == [("$500 million", "context:gap", "supported")]
    assert "P008" not in codes(event(_GAP), text)


def test_the_same_figure_in_other_words_is_still_the_facts():
    text = "CoinGlass said OKX saw $500 million of liquidations over 48 hours, a single-source figure."
    assert links_of(event(_GAP), text)[0][1] == "okx_48h"


_SPLIT = """facts:
  - {id: sht, metric: liquidations, unit: USD, window: 24h, asset: BTC, side: short, observations: [{source: coinglass, value: 59M}]}
  - {id: lng, metric: liquidations, unit: USD, window: 24h, asset: BTC, side: long, observations: [{source: coinglass, value: 8.4M}]}
  - {id: vol, metric: volume, unit: USD, venue: okx, window: 24h, per: day, observations: [{source: coinglass, value: 10B}]}
"""


@pytest.mark.parametrize("text, linked, kind", [
    # the side named right after a figure is its own, whatever side the sentence named before it
    ("Per CoinGlass, the bitcoin book shed $59 million in short positions, far more than the $8.4 million in longs.", "lng", "supported"),
    ("Per CoinGlass, the bitcoin book shed $59 million in short positions, far more than the $8.4 million of long positions.", "lng", "supported"),
    # the side after it says shorts: the long figure's value printed as shorts is wrong
    ("Per CoinGlass, bitcoin saw $59 million in short positions liquidated, and a further $8.4 million of short positions later.",
     "sht", "contradicts"),
])
def test_a_side_named_right_after_a_figure_is_its_own(text, linked, kind):
    assert links_of(event(_SPLIT), text)[-1][1:] == (linked, kind)


def test_daily_after_a_figure_marks_an_average_per_day():
    text = "CoinGlass figures give OKX some $10 billion in daily spot turnover, a single-source figure."
    assert links_of(event(_SPLIT), text) == [("$10 billion", "vol", "supported")]


_LIQ = """facts:
  - {id: liq, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 30M}]}
"""


@pytest.mark.parametrize("text, linked", [
    # words naming another metric of its own noun: a value the liquidation total happens to reach is not it
    ("A token burn plan might absorb tens of millions in spot volumes by spring.", None),
    ("The venue handled $30 million of spot volume on the day.", None),
    # the liquidation words beside the volume words keep the figure the liquidations'
    ("Liquidations reached $30 million over 24 hours as trading volume jumped, CoinGlass data show.", "liq"),
])
def test_a_figure_whose_words_name_another_metric_is_not_a_liquidation_figure(text, linked):
    assert links_of(event(_LIQ), text)[0][1] == linked
