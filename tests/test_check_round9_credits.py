"""Round nine: credits the check did not read, read as patterns (every sentence here is ours).

1. "on <data provider>": the place a figure was read is its credit; an exchange after "on" is a venue, not a
   credit, even of its own official figure (writer/check/credit_places.py).
2. "<Name> prices show", "<Name> quotes show": a price feed's output is its data (phrases.yaml ``frames``).
3. "the same data show", "on both dashboards": the sources of the nearest earlier credit of the section
   (writer/check/anaphora.py).
4. "the tracker", "the aggregator": the last source of that kind named before in the section.
5. A negated confirmation in any clause form is a rumour's caveat ("none of it confirmed").
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from link_support import codes, event

REGISTRY = Path(__file__).resolve().parents[1] / "factbase" / "sources.yaml"

_FLUSH = """facts:
  - id: total
    metric: liquidations
    unit: USD
    window: 24h
    observations: [{source: coinglass, value: 287400000}]
  - id: shorts
    metric: liquidations
    unit: USD
    window: 24h
    side: short
    observations: [{source: coinglass, value: 96300000}, {source: coinank, value: 96100000}]
  - id: binance_floor
    metric: liquidations
    unit: USD
    window: 24h
    venue: binance
    status: official
    lower_bound: true
    observations: [{source: binance, value: 58100000}]
  - id: okx_total
    metric: liquidations
    unit: USD
    window: 24h
    venue: okx
    observations: [{source: coinglass, value: 31700000}]
  - id: eth_low
    metric: price_level
    unit: USD
    asset: ETH
    direction: below
    observations: [{source: coinmarketcap, value: 2740}]
  - id: btc_low
    metric: price_level
    unit: USD
    asset: BTC
    direction: below
    observations: [{source: coinmarketcap, value: 80150}]
"""

_LEDE = "Leveraged traders had a rough Tuesday.\n\n"  # (a first paragraph of no figure: the rules for a lede stay out)


def _fact_codes(text: str) -> set[str]:
    return codes(event(_FLUSH), _LEDE + text) - {"P013"}


@lru_cache(maxsize=1)
def _free_checker():
    from writer.check import Checker
    from writer.check.config import CheckConfig

    return Checker(CheckConfig(sources=REGISTRY))


def _free_codes(text: str) -> set[str]:
    return {f.code for f in _free_checker().check_text(text + "\n")}


# --- 1. "on <data provider>" ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, flagged", [
    ("Some $287.4 million of positions were closed out on CoinGlass over the day.", False),
    ("Shorts gave up $96.3 million on CoinGlass and $96.1 million on CoinAnk.", False),
    ("Shorts gave up about $96 million on both CoinGlass and CoinAnk.", False),
    ("OKX traders were hit for $31.7 million on CoinGlass alone.", False),
    ("On CoinGlass, the day's closed positions came to $287.4 million.", False),  # opening the sentence too
    # an exchange after "on" is where the positions were, not who counted them
    ("Some $287.4 million of positions were closed out on Bybit over the day.", True),
    ("OKX traders were hit for $31.7 million on OKX.", True),
    # a name governed by a verb of listing is no place of reading
    ("A coin listed on CoinGlass lost $287.4 million of open positions.", True),
])
def test_a_figure_read_on_a_provider_is_credited(text, flagged):
    found = _fact_codes(text)
    assert bool(found & {"P002", "P011"}) is flagged, found


@pytest.mark.parametrize("text, flagged", [
    ("At least $58.1 million of positions were liquidated, Binance's own feed shows.", False),
    # where it happened is not who counted it, even for the venue's own official figure
    ("At least $58.1 million of positions were liquidated on Binance.", True),
    ("Liquidations topped $58.1 million on Binance alone.", True),
    ("At least $58.1 million of Binance positions were wiped out, on CoinGlass.", True),  # another's name
])
def test_an_exchange_after_on_is_no_credit_even_of_its_official_figure(text, flagged):
    found = _fact_codes(text)
    assert bool(found & {"P011", "P008"}) is flagged, found


@pytest.mark.parametrize("text, flagged", [
    ("Forced closures summed to $512 million on CoinGlass by the close.", False),
    ("Ether slipped to $2,740 on CoinMarketCap late in the day.", False),
    ("Forced closures summed to $512 million on Binance by the close.", True),
    ("Forced closures summed to $512 million on Tuesday.", True),
])
def test_fact_free_reads_on_a_provider_with_a_registry(text, flagged):
    assert ("F001" in _free_codes(text)) is flagged


# --- 2. "<Name> prices show" ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, flagged", [
    ("Bitcoin bottomed at $80,150 before the rebound, CoinMarketCap prices show.", False),
    ("CoinMarketCap quotes show ether under $2,740 at the low.", False),
    ("Kaiko's quotes put ether below $2,740 at the low.", False),
    # a price noun is no source of its own: "prices" with no one's name, or a market's prices
    ("Bitcoin bottomed at $80,150 before the rebound, as prices show.", True),
    ("Bitcoin prices bottomed at $80,150 before the rebound.", True),
])
def test_a_named_price_feed_is_credited(text, flagged):
    assert ("F001" in _free_codes(text)) is flagged


def test_fact_mode_reads_a_named_price_feed():
    assert not _fact_codes("Bitcoin bottomed at $80,150 before the rebound, CoinMarketCap prices show.") & {"P002"}
    assert "P002" in _fact_codes("Bitcoin bottomed at $80,150 before the rebound, Kaiko prices show.")


# --- 3. anaphoric credits -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, flagged", [
    ("Bitcoin fell as low as $80,150, according to CoinMarketCap.\n\nEther sank below $2,740, the same data show.", False),
    ("Bitcoin fell as low as $80,150, according to CoinMarketCap.\n\nEther sank below $2,740 by the same measure.", False),
    ("Bitcoin fell as low as $80,150, according to CoinMarketCap.\n\nEther, on the same figures, sank below $2,740.", False),
    # the nearest credit is another source's
    ("Bitcoin fell as low as $80,150, according to CoinMarketCap.\n\nThe day cost $287.4 million, according to CoinAnk. "
     "Ether sank below $2,740, the same data show.", True),
    # no credit before it in its section
    ("Ether sank below $2,740, the same data show.", True),
    ("Bitcoin fell as low as $80,150, according to CoinMarketCap.\n\n## Ether\n\nEther sank below $2,740 by the same measure.", True),
])
def test_the_same_data_stand_for_the_nearest_earlier_credit(text, flagged):
    assert ("P002" in _fact_codes(text)) is flagged


@pytest.mark.parametrize("text, flagged", [
    ("Shorts lost $55 million in the session, according to CoinGlass. The same data show ether below $2,900.", False),
    ("Ether sank below $2,900 in the session; the same data show it.", True),
])
def test_fact_free_anaphora_needs_an_earlier_credit(text, flagged):
    assert ("F001" in _free_codes(text)) is flagged


# --- 4. role nouns and pairs ("the tracker", "both dashboards"): tests/test_check_link_editor.py (linker's reading)


# --- 5. negated confirmation ------------------------------------------------------------------------------------

_RUMOUR = """facts:
  - id: wall
    metric: price_level
    unit: USD
    asset: BTC
    direction: below
    subject: the level under which bids are said to be stacked
    status: rumor
    observations: [{source: x-posts, value: 78500}]
"""


@pytest.mark.parametrize("text, flagged", [
    ("Posts on X say bids are stacked under $78,500, none of it confirmed.", False),
    ("Posts on X say bids are stacked under $78,500, none of which any exchange has verified.", False),
    ("Posts on X say bids are stacked under $78,500, with no independent confirmation.", False),
    ("Posts on X say bids are stacked under $78,500, without any verification so far.", False),
    ("Posts on X say bids are stacked under $78,500, a level that has yet to be confirmed.", False),
    ("Word of bids stacked under $78,500 has been doing the rounds on X.", False),
    # no negated confirmation: stated as fact
    ("Posts on X say bids are stacked under $78,500, none of it a secret.", True),
    ("Posts on X say bids are stacked under $78,500, and exchanges confirmed it.", True),
    ("Bids stacked under $78,500 did the rounds of trading desks.", True),  # no place where it circulates
])
def test_a_negated_confirmation_tells_a_rumour(text, flagged):
    found = codes(event(_RUMOUR), _LEDE + text)
    assert ("P003" in found) is flagged, found
