"""The asset section says only what its figures hold.

One asset gets no ranking ("led the list", "the largest losses among the assets reported"); an asset's own side
figure from another source is a part of that asset's total, not a second asset "following" it; one smaller coin
alone is not evidence of where the rest of the losses fell; a single major asset is called the core of the
damage only when its share of the market-wide total is known.
"""

from __future__ import annotations

from functools import lru_cache

from draft_support import repo_registry
from writer.factbase.loader import event_from_text

RANKING = ("led the list", "largest losses among the assets", "followed with", "came next with")


@lru_cache(maxsize=1)
def drafter():
    from writer.draft import Drafter

    return Drafter()


def section(text: str) -> str:
    md = drafter().draft(event_from_text(text, "a.yaml", repo_registry())).markdown
    heads = ("## Where the losses landed by asset", "## Asset by asset", "## The assets at the centre")
    start = next(md.index(h) for h in heads if h in md)
    return md[start:].split("\n## ", 1)[0]


ONE_ASSET_TWO_SOURCES = """
id: avax-only
as_of: 2026-12-02T12:00:00+00:00
facts:
  - {id: avax, metric: liquidations, unit: USD, window: 24h, asset: AVAX, observations: [{source: coinglass, value: 64M}, {source: coinank, value: 61M}]}
  - {id: avax_long, metric: liquidations, unit: USD, window: 24h, asset: AVAX, side: long, observations: [{source: coinglass, value: 55M}]}
"""


def test_one_asset_gets_no_ranking_and_its_own_side_is_a_part_of_it():
    text = section(ONE_ASSET_TWO_SOURCES)
    assert not any(word in text for word in RANKING), text
    assert "long positions made up $55 million of that" in text


def test_one_smaller_coin_alone_says_nothing_about_the_largest_coins():
    text = section(ONE_ASSET_TWO_SOURCES)
    assert "smaller token" not in text and "largest coins" not in text


def test_two_smaller_coins_still_get_the_thin_order_book_reading():
    text = section("""
id: two-alts
as_of: 2026-12-02T12:00:00+00:00
facts:
  - {id: avax, metric: liquidations, unit: USD, window: 24h, asset: AVAX, observations: [{source: coinglass, value: 64M}]}
  - {id: link, metric: liquidations, unit: USD, window: 24h, asset: LINK, observations: [{source: coinglass, value: 22M}]}
""")
    assert "smaller token" in text
    assert "led the list" in text or "largest losses among the assets" in text


def test_a_lone_major_asset_is_not_called_the_core_of_the_damage_without_its_share():
    alone = section("""
id: eth-alone
as_of: 2026-12-02T12:00:00+00:00
facts:
  - {id: eth, metric: liquidations, unit: USD, window: 24h, asset: ETH, observations: [{source: coinglass, value: 96M}]}
  - {id: loss, metric: trader_loss, unit: USD, subject: a trader long ether at 20x, observations: [{source: lookonchain, value: 9M}]}
""")
    assert "core of the market" not in alone
    with_share = section("""
id: eth-share
as_of: 2026-12-02T12:00:00+00:00
facts:
  - {id: tot, metric: liquidations, unit: USD, window: 24h, coverage: network-wide, observations: [{source: coinglass, value: 150M}]}
  - {id: eth, metric: liquidations, unit: USD, window: 24h, asset: ETH, observations: [{source: coinglass, value: 96M}]}
""")
    assert "core of the market" in with_share
