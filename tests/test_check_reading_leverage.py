"""One position's leverage is a figure; a venue's leverage terms and leverage in general are not.

Real desks report a tracked position's leverage as a fact with its source ("opened a 40x long,
Lookonchain said"; "a 5x leveraged short ... according to an on-chain tracker"), and both human
annotators of the held-out sets counted it as a figure; a venue's maximum leverage is the venue's
terms, like a contract's name, and "traders using 2x leverage" names no position. Every sentence
here is the project's own.
"""

from __future__ import annotations

import pytest

from writer.check import Checker
from writer.check.figures import find_figures

READ = [
    ("A whale lost $23.5 million on a 5x leveraged short position.", ["$23.5 million", "5x"]),
    ("The trader closed a massive 20x leveraged long on ETH.", ["20x"]),
    ("She opened a 40x long and later a 25X bearish position.", ["40x", "25X"]),
    ("The whale's 115x long on BTC was liquidated overnight.", ["115x"]),
    ("The wallet opened a short at $20.40 using 5x leverage.", ["$20.40", "5x"]),
    ("A $520 million short at 40x leverage sat on the book.", ["$520 million", "40x"]),
    ("A 50x leveraged whale dumped the token.", ["50x"]),
]

NOT_READ = [
    "Hyperliquid cut maximum leverage to 40x for BTC and 25x for ETH.",
    "The exchange offers up to 100x leverage on majors.",
    "Leverage limits of 50x apply to the largest pairs.",
    "Traders using 2x leverage and 100x leverage were hit alike.",
    "On the day traders used 40x leverage.",
    "He was long 25x and others used 50x leverage.",
    "10x leverage is a bet, not a trade.",
    # a quote is read as its own words: the speaker before it names no position
    'A trader at a fund said: "10x leverage is a bet, not a trade."',
    "A whale watcher wrote: “40x leverage never ends well.”",
]


@pytest.mark.parametrize("text, figures", READ)
def test_a_positions_leverage_is_a_figure(text, figures):
    found = find_figures(text)
    assert [f.text for f in found] == figures
    lev = [f for f in found if f.text.lower().endswith("x")]
    assert all(f.unit == "ratio" for f in lev)


@pytest.mark.parametrize("text", NOT_READ)
def test_venue_terms_and_leverage_in_general_are_not(text):
    assert find_figures(text) == []


@pytest.mark.parametrize("sentence, flagged", [
    ("The whale opened a 40x long on BTC, Lookonchain said.", []),
    ("The whale opened a 40x long on BTC.", ["40x"]),
    ("Spotted by Onchain Lens, the wallet ran a 20x leveraged short on ETH.", []),
])
def test_a_positions_leverage_wants_its_source(sentence, flagged):
    assert [f.figure for f in Checker().check_text(sentence) if f.code == "F001"] == flagged
