"""A wrong value whose words describe an available fact is that fact's wrong value (P006), not a figure printed for
an unavailable fact of some narrower scope the words do not name (P007). The unavailable fact is preferred only on
an exact tie of the words (``linking._UNAVAILABLE_TIE``), and always when the words name its own scope. Every
sentence here is ours. (No source is named: a source's name would itself pick the available fact.)
"""

from __future__ import annotations

import pytest

from link_support import codes, event

_GAP = """facts:
  - {id: total_1h, metric: liquidations, unit: USD, window: 1h, observations: [{source: coinglass, value: 230M}]}
  - {id: xrp_1h, metric: liquidations, unit: USD, asset: XRP, window: 1h, status: unavailable, reason: the feed is down}
  - {id: shorts_12h, metric: liquidations, unit: USD, window: 12h, side: short, observations: [{source: coinglass, value: 96M}]}
  - {id: eth_shorts_4h, metric: liquidations, unit: USD, asset: ETH, window: 4h, side: short, status: unavailable, reason: no feed}
"""


@pytest.mark.parametrize("text, code", [
    # the words name no asset: the hour's total, its value wrong
    ("| measure | figure |\n|---|---|\n| liquidations in the past hour | $410 million |", "P006"),
    ("Liquidations in the past hour reached $410 million.", "P006"),
    ("Short sellers lost more than $150 million over 12 hours.", "P006"),
    # the words name the unavailable fact's own scope: a figure where the file says there is none
    ("XRP liquidations in the past hour reached $41 million.", "P007"),
    ("ETH shorts lost $30 million over 4 hours.", "P007"),
])
def test_a_wrong_value_is_the_available_facts_when_the_words_name_no_narrower_scope(text, code):
    found = codes(event(_GAP), text)
    assert code in found and not found & ({"P006", "P007"} - {code})


def test_a_faithful_value_is_supported():
    assert not codes(event(_GAP), "Liquidations in the past hour reached $230 million, CoinGlass said.") & {"P006", "P007", "P001"}
