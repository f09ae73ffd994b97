"""A source's name picks among the facts a value fits, but never makes the value a collapsed range (P005) of one
fact when the words fit another fact the value matches as well: naming the wrong source is P008's finding, on
the fact the figure was written from. Every sentence here is ours.
"""

from __future__ import annotations

import pytest

from link_support import codes, event, links_of

_PRICE_AND_BAND = """facts:
  - {id: eth_px, metric: price_level, unit: USD, asset: ETH, direction: above, observations: [{source: coinmarketcap, value: 3100}]}
  - id: eth_band
    metric: pressure_zone
    unit: USD
    asset: ETH
    side: short
    direction: above
    price_band: [3180, 3240]
    status: estimate
    observations: [{source: hyblock, value: 410M}, {source: coinglass, value: 460M}]
"""


def test_a_wrong_source_on_a_matching_price_is_p008_not_a_collapsed_band():
    text = "The price of ETH hit roughly $3,100, according to Hyblock."
    assert links_of(event(_PRICE_AND_BAND), text)[0][1:] == ("eth_px", "supported")
    found = codes(event(_PRICE_AND_BAND), text)
    assert "P008" in found and "P005" not in found


@pytest.mark.parametrize("text, linked", [
    # the right source: the price
    ("The price of ETH hit roughly $3,100, according to CoinMarketCap.", ("eth_px", "supported")),
    # a point inside the band that no price matches is still the band told as one value
    ("Hyblock's heat map puts a cluster of short liquidations at $3,200 above the price.", ("eth_band", "collapsed")),
])
def test_a_source_still_picks_when_no_match_fits_as_well(text, linked):
    assert links_of(event(_PRICE_AND_BAND), text)[0][1:] == linked
