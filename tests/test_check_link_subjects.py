"""A fact's subject may hold a venue's name ("Bybit Spot", "an OKX whale"): repeated in the sentence, those are the
subject's own words, not a venue the words give the figure. Of two facts of one value, the one whose named subject
the sentence repeats is the figure's (``linking._repeats_subject``: a subject long enough, or holding a name), and
its venue-like words do not make it a mismatch. Every sentence here is ours.
"""

from __future__ import annotations

import pytest

from link_support import codes, event, links_of

_ALIKE = """facts:
  - {id: spot, metric: duration, unit: hours, subject: Bybit Spot, observations: [{source: coinglass, value: 7213}]}
  - {id: mm, metric: duration, unit: hours, venue: okx, subject: a market maker, observations: [{source: coinglass, value: 7213}]}
"""


@pytest.mark.parametrize("text, linked", [
    ("Per CoinGlass, Bybit Spot lasted 7,213 hours.", ["spot"]),
    ("Per CoinGlass, Bybit Spot lasted about 7,200 hours. A market maker on OKX lasted about 7,200 hours.", ["spot", "mm"]),
    ("Per CoinGlass, a market maker on OKX held out for 7,213 hours.", ["mm"]),
])
def test_a_named_subject_repeated_is_its_facts_own(text, linked):
    assert [x[1] for x in links_of(event(_ALIKE), text)] == linked
    assert "P012" not in codes(event(_ALIKE), text)


def test_a_venue_named_outside_the_subject_is_still_a_mismatch():
    """The must-fail side: the market maker's figure given another venue, with no subject repeated to explain it."""
    assert "P012" in codes(event(_ALIKE), "Per CoinGlass, a market maker on Bybit held out for 7,213 hours.")


def test_a_plain_short_subject_does_not_excuse_a_venue():
    """"a market maker" holds no name and is short: repeating it does not make "Bybit" its own words."""
    ev = event("""facts:
  - {id: mm, metric: duration, unit: hours, venue: okx, subject: a market maker, observations: [{source: coinglass, value: 7213}]}
""")
    assert "P012" in codes(ev, "Per CoinGlass, a market maker lasted 7,213 hours on Bybit.")
