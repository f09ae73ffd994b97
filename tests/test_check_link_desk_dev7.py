"""Fact mode on wordings met in the twelfth round's desk reading of new stories (dev7): a reporting window written with
a noun of time ("a 24-hour stretch") is a window, not a duration measured; a clock time written with a space after its
colon ("by 09: 40 GMT") is no ratio. Every sentence here is ours."""

from __future__ import annotations

import pytest

from link_support import codes, event
from writer.check.figures import find_figures

_DAY = """facts:
  - {id: longs, metric: liquidations, unit: USD, window: 24h, side: long, observations: [{source: coinank, value: 140M}]}
  - {id: wait, metric: duration, unit: days, subject: the wait for a new high, observations: [{source: coinank, value: 847}]}
"""


@pytest.mark.parametrize("text, read", [
    # a reporting window named by "stretch" or "span": no figure
    ("Longs lost $140 million during a punishing 24-hour stretch, CoinAnk data show.", ["$140 million"]),
    ("Over a 12-hour span of selling, longs bore the losses.", []),
    # a length no report counts over stays a figure, as do nouns of measure that are no window
    ("The rally ended an 847-day stretch without a new high.", ["847-day"]),
    ("It was the longest 24-hour drought in funding since spring.", ["24-hour"]),
])
def test_a_reporting_window_named_by_a_noun_of_time_is_no_figure(text, read):
    assert [f.text for f in find_figures(text)] == read


def test_a_window_written_as_a_stretch_raises_no_unsupported_figure():
    # must pass: the window is the fact's own; must flag: a length measured that no fact holds
    assert not codes(event(_DAY), "Longs lost $140 million during a punishing 24-hour stretch, a single-source figure from CoinAnk.") & {"P001"}
    assert codes(event(_DAY), "The rally ended a 512-day stretch without a new high, according to a single source, CoinAnk.") & {"P001", "P006"}


@pytest.mark.parametrize("text, read", [
    ("By 09: 40 GMT the token was down to $2.38.", ["$2.38"]),
    ("By 9: 30 am the book had cleared.", []),
    # ratios stay ratios, with or without a space, whatever follows them
    ("Longs outnumbered shorts 7:1 on the day.", ["7:1"]),
    ("The long/short ratio reached 2.5: 1 hours before the drop.", ["2.5: 1"]),
])
def test_a_clock_time_with_a_spaced_colon_is_no_ratio(text, read):
    assert [f.text for f in find_figures(text)] == read
