"""A "Name:" opening that is no source: summary markers, kickers and speakers' turns (writer/check/labels.py).

A headline or a news flash may open with its source ("CoinGlass: ..."); a paragraph that opens
with "Bottom Line:", "Market Wrap:" or a speaker's name in a transcript ("Host:", "Dana Whitfield:")
names no source for its figures. Every sentence here is the project's own.
"""

from __future__ import annotations

import pytest

from check_support import f001_figures

from writer.check.labels import brand_shaped


def flagged(checker, text: str) -> list[str]:
    return sorted(f001_figures(checker, text))


# article, figures F001 must flag
CASES = [
    # summary markers and kickers: no source
    ("Bottom Line: Longs lost $310 million in a day as bitcoin slid.\n", ["$310 million"]),
    ("Market Wrap: Shorts gave up $95 million over the session.\n", ["$95 million"]),
    ("# Leverage Flushed: $1.4 Billion Gone In A Day\n\nThe rout was broad.\n", ["$1.4 Billion"]),
    ("The Takeaway: nearly $600 million of longs were closed out.\n", ["$600 million"]),
    # speakers' turns in a transcript: who speaks, not whose data
    ("Host: So roughly $500 million went on Monday alone?\n\nDana Whitfield: Yes, and another $210 million on Tuesday.\n",
     ["$210 million", "$500 million"]),
    ("Guest: We watched $70 million of shorts vanish in ten minutes.\n", ["$70 million"]),
    # a source's label: a brand's shape, an account, or a name the article credits elsewhere
    ("# CoinGlass: $873M Liquidated As Bitcoin Slides\n\nThe drop was sharp.\n", []),
    ("# @tapewatcher: $64M Of Shorts Gone In An Hour\n\nThe squeeze was quick.\n", []),
    ("# Kestrel Analytics: $212M Of Longs Closed\n\nThe figures come from Kestrel Analytics, which tracks 14 venues.\n", []),
    ("# Coinbeam: $212M Of Longs Closed\n\nLater, Coinbeam data showed the pace slowing.\n", []),
    # ...but a name the article mentions only as a venue or a subject stays no source
    ("# Northgate Exchange: $212M Of Longs Closed\n\nNorthgate Exchange halted withdrawals for an hour.\n", ["$212M"]),
    # a heading's one-word label is its source, unless it is one of the desk's kickers; in prose it is a speaker
    ("# Kaiko: Longs Lose $312 Million\n", []),
    ("# Analysis: Longs Lose $312 Million\n", ["$312 Million"]),
    ("# Breaking: Shorts Lose $95 Million In An Hour\n", ["$95 Million"]),
    # a lone news-flash paragraph opening with a one-word name credits it; a transcript's turns and roles do not
    ("Markets opened quietly.\n\nKaiko: longs lost $312 million in the hour.\n", []),
    ("Guest: Shorts lost $95 million in an hour.\n", ["$95 million"]),
    ("Miles: Shorts lost $95 million in an hour, which is wild.\n\nPriya: And longs lost $40 million.\n",
     ["$40 million", "$95 million"]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_a_label_credits_only_a_source(checker, text, expected):
    assert flagged(checker, text) == expected


@pytest.mark.parametrize("name, shaped", [
    ("CoinGlass", True), ("K33 Research", True), ("@whale_alert", True), ("CryptoQuant", True),
    ("Bottom Line", False), ("Host", False), ("Dana Whitfield", False), ("Market Wrap", False), ("McGlone", False), ("Mike McGlone", False), ("MacLeod", False),
])
def test_brand_shape(name, shaped):
    assert brand_shaped(name) is shaped


def test_a_registered_name_is_a_source_label():
    """With a registry, a registered name's label credits its line even with no brand shape ("Lookonchain: ...")."""
    from writer.check.labels import registered
    from writer.check.phrases import source_pattern

    rx, _ = source_pattern({"lookonchain": ["Lookonchain"]})
    assert registered("Lookonchain", rx)
    assert not registered("Lookonchain Daily", rx)
    assert not registered("Host", rx)
