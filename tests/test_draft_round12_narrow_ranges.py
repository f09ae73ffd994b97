"""Round 12 (issue 10, item 2): narrow ranges of percentages and prices across a round figure or a place where the
price format changes its digits ($1, $100) print both ends finer, so that neither end lies further from its value
than the check's hold on a range's ends (half the printed width, half the last place: linking._tolerance).
Each case failed before (P006: "between 0.98% and 1%" for 0.98% to 1.02%; "over 9.96% to 10%"; "$99.5 to $101").
"""

from __future__ import annotations

import pytest
import yaml

from test_draft_any_event import drafter, registry
from test_draft_any_event import test_every_valid_event_drafts_and_passes_its_own_check as _property
from writer.draft import numbers as fmt
from writer.factbase.loader import event_from_text


def _event(metric: str, extra: dict, observations: list):
    fact = {"id": "f1", "metric": metric, **extra, "window": "24h", "observations": observations}
    doc = {"id": "narrow", "as_of": "2026-12-01T12:00:00+00:00", "facts": [fact]}
    return event_from_text(yaml.safe_dump(doc), "narrow.yaml", registry())


CASES = [
    # (metric, extra, observations, words the draft prints)
    ("price_change", {"unit": "percent", "asset": "ETH"}, [{"source": "coinglass", "value": 0.98}, {"source": "coinank", "value": 1.02}],
     "0.98% and 1.02%"),
    ("price_change", {"unit": "percent", "asset": "BTC"}, [{"source": "coinglass", "range": [9.96, 10.04], "hedge": "over"}],
     "9.96% and 10.04%"),
    ("liquidation_share", {"unit": "percent", "side": "long"}, [{"source": "coinglass", "range": [19.97, 20.1], "hedge": "over"}],
     "19.97% to 20.1%"),
    ("funding_rate", {"unit": "percent", "asset": "BTC"}, [{"source": "coinglass", "range": [0.0098, 0.0102], "hedge": [None, "up_to"]}],
     "0.0098% and 0.0102%"),
    ("price_level", {"unit": "USD", "asset": "BTC"}, [{"source": "coinglass", "range": [99.5, 100.4]}], "$99.50 and $100.40"),
    ("price_level", {"unit": "USD", "asset": "BTC"}, [{"source": "coinglass", "range": [99.5, 100.4], "hedge": "up_to"}], "$99.50 to $100.40"),
    ("support_level", {"unit": "USD", "asset": "ETH"}, [{"source": "coinglass", "range": [0.995, 1.004], "hedge": "up_to"}], "$0.995 to $1.004"),
]


@pytest.mark.parametrize("metric, extra, observations, printed", CASES, ids=[c[3] for c in CASES])
def test_a_narrow_range_across_a_round_figure_prints_ends_the_check_holds(metric, extra, observations, printed):
    event = _event(metric, extra, observations)
    _property.hypothesis.inner_test(event)  # drafts, passes its own check, prints no number the facts do not hold
    assert printed in drafter().draft(event).markdown


def test_the_finer_ends_are_the_narrow_ranges_only():
    """Ranges that rounding keeps apart keep their own digits; ends that print alike are left to the caller's "about"."""
    assert fmt.percent_range(20, 30) is None and fmt.percent_range(2.3, 2.9) is None
    assert fmt.percent_range(9.96, 10.04) is None  # "about 10%": both ends print alike
    assert [f.text for f in fmt.percent_range(0.98, 1.02)] == ["0.98%", "1.02%"]
    assert [f.text for f in fmt.percent_range(9.96, 10.04, alike=False, floor=True)] == ["9.96%", "10.04%"]
    assert fmt.price_range(99_800, 100_300) is None  # prices print in full: nothing to make finer
    assert [f.text for f in fmt.price_range(99.5, 100.4)] == ["$99.50", "$100.40"]
    assert [f.text for f in fmt.price_range(0.995, 1.004, ceil=True)] == ["$0.995", "$1.004"]
