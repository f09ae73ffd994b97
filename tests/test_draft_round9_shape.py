"""An editor's ``shape: single_venue`` makes one venue, order or trader the story.

Without it the salience order leads with the largest realised liquidation figure (here a per-asset total);
with it the headline and lede take the largest venue, single-order or trader figure instead, and the draft
still passes its own check.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from draft_support import repo_registry
from writer.errors import WriterError
from writer.factbase.loader import event_from_text

# A trader's loss beside a larger per-asset total: the figures alone make the asset the lead.
WHALE = """
id: whale-story
as_of: 2026-12-02T09:00:00+00:00
windows: [6h]
{shape}
facts:
  - {{id: eth_6h, metric: liquidations, unit: USD, window: 6h, asset: ETH, observations: [{{source: coinglass, value: 81M}}]}}
  - {{id: loss, metric: trader_loss, unit: USD, subject: a trader running a 30x ether long, observations: [{{source: lookonchain, value: 11.3M}}]}}
  - {{id: okx_big, metric: largest_single_liquidation, unit: USD, venue: okx, status: official, observations: [{{source: okx, value: 4.1M}}]}}
"""


@lru_cache(maxsize=1)
def drafter():
    from writer.draft import Drafter

    return Drafter()  # with the provenance check's round trip


def draft(shape: str):
    return drafter().draft(event_from_text(WHALE.format(shape=shape), "w.yaml", repo_registry()))


def test_without_a_shape_the_larger_asset_total_leads():
    d = draft("")
    assert "$81 million" in d.title and "$11.3 million" not in d.title


def test_single_venue_shape_leads_with_the_trader_and_not_the_asset_total():
    d = draft("shape: single_venue")
    assert d.claims["shape"] == "single_venue"
    assert "$11.3 million" in d.title and "$81 million" not in d.title
    lede = d.markdown.split("\n# ", 1)[1].split("\n\n")[1]
    assert "$11.3 million" in lede and "30x ether long" in lede


def test_single_venue_shape_takes_the_largest_venue_figure_over_a_smaller_loss():
    text = WHALE.format(shape="shape: single_venue").replace("value: 4.1M", "value: 19.5M")
    d = drafter().draft(event_from_text(text, "w.yaml", repo_registry()))
    assert "$19.5 million" in d.title and "OKX" in d.title


def test_single_venue_shape_with_no_venue_or_trader_figure_falls_back_to_the_salience_order():
    text = WHALE.format(shape="shape: single_venue")
    text = "\n".join(line for line in text.splitlines() if "id: loss" not in line and "id: okx_big" not in line)
    d = drafter().draft(event_from_text(text, "w.yaml", repo_registry()))
    assert "$81 million" in d.title


def test_an_unknown_shape_is_refused_with_the_known_ones_named():
    with pytest.raises(WriterError, match="single_venue"):
        event_from_text(WHALE.format(shape="shape: whale_watch"), "w.yaml", repo_registry())
