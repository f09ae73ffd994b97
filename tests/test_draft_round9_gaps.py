"""The gaps paragraph speaks of the figures the desk holds, never of what nobody published, and a side figure of
one asset is named as the guide to the story's direction when the market-wide split is missing."""

from __future__ import annotations

from functools import lru_cache

from draft_support import repo_registry
from writer.factbase.loader import event_from_text

# Rich enough for the gaps paragraph (RICH_FIGURES): a total, an asset with one side, price, funding, open interest,
# a context item.
EVENT = """
id: avax-flush
as_of: 2026-12-02T12:00:00+00:00
facts:
  - {id: tot, metric: liquidations, unit: USD, window: 24h, coverage: network-wide, observations: [{source: coinglass, value: 505M}]}
  - {id: avax, metric: liquidations, unit: USD, window: 24h, asset: AVAX, observations: [{source: coinglass, value: 140M}, {source: coinank, value: 133M}]}
  - {id: avax_long, metric: liquidations, unit: USD, window: 24h, asset: AVAX, side: long, observations: [{source: coinglass, value: 121M}]}
  - {id: px, metric: price_level, unit: USD, asset: AVAX, direction: below, observations: [{source: coinmarketcap, value: 31}]}
  - {id: chg, metric: price_change, unit: percent, asset: AVAX, window: 24h, observations: [{source: coinmarketcap, value: -9.6}]}
  - {id: fr, metric: funding_rate, unit: percent, asset: AVAX, observations: [{source: coinglass, value: -0.02}]}
  - {id: oi, metric: open_interest_change, unit: percent, asset: AVAX, window: 24h, observations: [{source: coinglass, value: -12.5}]}
  - {id: oi2, metric: open_interest_change, unit: percent, window: 24h, observations: [{source: coinglass, value: -4.1}]}
context:
  - {id: c1, kind: market, text: a large token unlock had been scheduled for the same week, sources: [coinmarketcap]}
"""


@lru_cache(maxsize=1)
def markdown() -> str:
    from writer.draft import Drafter

    return Drafter().draft(event_from_text(EVENT, "g.yaml", repo_registry())).markdown


def gaps() -> str:
    para = [p for p in markdown().split("\n\n") if "leave gaps" in p or "do not show is worth" in p]
    assert len(para) == 1, markdown()
    return para[0]


def test_gaps_are_about_the_figures_to_hand_not_about_what_was_published():
    text = gaps()
    assert "figures to hand" in text
    assert "published" not in text and "was given" not in text


def test_an_asset_side_figure_is_the_guide_when_the_market_split_is_missing():
    text = gaps()
    assert "own long figure is the only guide" in text
    assert "rests on the price alone" not in text


CLOSINGS = ("the range is the story", "Whichever total proves closer")


def test_a_dispute_over_an_asset_figure_does_not_close_the_article_as_a_range_story():
    # the lead is CoinGlass's single-source total; only the AVAX figure has two providers that differ
    assert not any(c in markdown() for c in CLOSINGS)


def test_a_disputed_headline_total_closes_on_the_range():
    text = """
id: split-total
as_of: 2026-12-02T12:00:00+00:00
facts:
  - {id: tot, metric: liquidations, unit: USD, window: 24h, coverage: network-wide, status: disputed, observations: [{source: coinglass, value: 310M}, {source: coinank, value: 240M}]}
  - {id: lng, metric: liquidations, unit: USD, window: 24h, side: long, coverage: network-wide, observations: [{source: coinglass, value: 250M}]}
"""
    from writer.draft import Drafter

    md = Drafter().draft(event_from_text(text, "d.yaml", repo_registry())).markdown
    assert any(c in md for c in CLOSINGS)
