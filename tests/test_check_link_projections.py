"""An estimate told with a modal of possibility in its figure's own clause ("could face", "may recover to") is told
as what could happen, not as what happened: P004 asks no more of it than of "an estimated" or "potential". Plain
past or present wording is still an estimate stated as realised, and "May" the month is no modal. Every sentence
here is ours.
"""

from __future__ import annotations

import pytest

from link_support import codes, event

_ZONE = """facts:
  - id: zone
    metric: pressure_zone
    unit: USD
    asset: BTC
    side: short
    direction: above
    price_level: 85000
    status: estimate
    observations: [{source: hyblock, value: 698M}]
  - id: ratio
    metric: long_short_position_ratio
    unit: ratio
    label: the long/short ratio once the flush is over
    status: estimate
    observations: [{source: hyblock, value: 1, hedge: close_to}]
"""


@pytest.mark.parametrize("text, flagged", [
    ("Shorts could face $698 million of liquidations above $85,000, Hyblock said.", False),
    ("Above $85,000, shorts might lose $698 million, Hyblock said.", False),
    ("Hyblock said the long/short ratio may swing back to roughly 1:1 once the flush is over.", False),
    # stated as realised
    ("Shorts lost $698 million above $85,000, Hyblock said.", True),
    ("Hyblock said the long/short ratio is back to roughly 1:1 once the flush is over.", True),
    ("In May, shorts lost $698 million above $85,000, Hyblock said.", True),
    # a modal in another clause of the sentence does not reach the figure
    ("Shorts lost $698 million above $85,000, Hyblock said; more could follow.", True),
])
def test_a_modal_in_the_figures_clause_tells_an_estimate_as_possible(text, flagged):
    assert ("P004" in codes(event(_ZONE), text)) is flagged
