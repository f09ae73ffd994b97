"""Fact mode on readings met in the fourteenth round's check of unseen stories (test12), each a mechanism of its own,
and the words of a caveat the fact file gives (P008). Every sentence and fact file here is ours."""

from __future__ import annotations

import pytest

from link_support import checker, codes, event

# --- a caveat's own words: a name inside them is part of what the caveat says, not the figure's credit (P008)

_CAVEAT = """facts:
  - {{id: total, metric: liquidations, unit: USD, window: 24h, observations: [{{source: coinglass, value: 310M}}]}}
caveats:
  - id: cap
    text: {text}
    sources: [the-block]
"""

_CAVEATS = [
    "the public feed of OKX shows at most one liquidation per second for each contract",
    "Bybit figures cover perpetual swaps only, so they miss about 12% of forced orders",
    "a second tally, from Binance, put the window at 2,400 accounts",
]


@pytest.mark.parametrize("text", _CAVEATS)
def test_a_name_inside_a_caveats_own_words_is_not_its_credit(text):
    sentence = f"One caveat applies: {text} (according to a single source, The Block)."
    assert not codes(event(_CAVEAT.format(text=text)), sentence) & {"P008", "P002"}


@pytest.mark.parametrize("text, sentence", [
    (_CAVEATS[0], "According to CoinAnk, {text}."),
    (_CAVEATS[1], "Lookonchain data show that {text}."),
    (_CAVEATS[2], "As Decrypt reported, {text}."),
])
def test_a_name_outside_the_caveats_words_is_still_a_wrong_source(text, sentence):
    assert "P008" in codes(event(_CAVEAT.format(text=text)), sentence.format(text=text))


@pytest.mark.parametrize("text", [
    "exchanges report at most one liquidation per second, so their counts run low by 40%",
    "the tracker covers 82% of open interest and misses about $2.1 billion",
    "one feed dropped 9,000 orders worth $45 million",
])
def test_a_credit_after_an_items_last_figure_is_the_whole_items(text):
    """An item's words with two figures, credited once after them: the parenthesis follows the last figure, and
    reaches back to the figures of the same words (a parenthesis after a later figure reaches no other figure)."""
    ev = event(_CAVEAT.format(text=text))
    assert "P002" not in codes(ev, f"A caveat: {text} (according to a single source, The Block).")
    assert "P002" in codes(ev, f"A caveat: {text}.")
