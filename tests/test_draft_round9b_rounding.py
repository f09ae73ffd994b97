"""One named rule for a value exactly halfway (numbers.NEAREST): rounded away from zero, as a reader rounds.

Half to even printed a source's 14.5% as "about 14%", a half read low; bounds still round the way that keeps
their words true, and the check still accepts what drafts print. Every figure here is our own.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from draft_support import repo_registry
from writer.draft import numbers as n
from writer.factbase.loader import event_from_text


@pytest.mark.parametrize("call, text", [
    (lambda: n.percent(14.5), "15%"),
    (lambda: n.percent(-14.5, signed=True), "-15%"),  # away from zero on the minus side too, not up
    (lambda: n.money(212_500_000), "$213 million"),
    (lambda: n.money(-212_500_000), "-$213 million"),
    (lambda: n.count(61_250), "61,300"),
    (lambda: n.coins(2_345, "ETH", figs=3), "2,350 ETH"),
])
def test_a_half_rounds_away_from_zero(call, text):
    got = call()
    assert got.text == text and got.approx


@pytest.mark.parametrize("call, text", [
    (lambda: n.percent(14.5, floor=True), "14%"),  # "more than 14%" stays true
    (lambda: n.percent(14.5, ceil=True), "15%"),
    (lambda: n.money(212_500_000, floor=True), "$212 million"),
])
def test_a_bound_still_rounds_the_way_that_keeps_its_words_true(call, text):
    assert call().text == text


def test_a_value_off_the_half_rounds_to_the_nearest_as_before():
    assert n.percent(14.49).text == "14%" and n.percent(14.51).text == "15%"


@lru_cache(maxsize=1)
def drafter():
    from writer.draft import Drafter

    return Drafter()  # its own check must accept every figure it prints


def test_a_draft_prints_the_half_up_and_passes_its_own_check():
    text = """
id: half-case
as_of: 2026-12-05T06:00:00+00:00
windows: [24h]
facts:
  - {id: total, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 176M}]}
  - {id: oi, metric: open_interest_change, unit: percent, asset: ETH, window: 24h, observations: [{source: coinglass, value: -12.5}]}
  - {id: move, metric: price_change, unit: percent, asset: ETH, window: 24h, observations: [{source: coinmarketcap, value: 10.5}]}
"""
    md = drafter().draft(event_from_text(text, "half-case.yaml", repo_registry())).markdown
    assert "fell about 13%" in md and "about 12%" not in md
    assert "rose about 11%" in md and "about 10%" not in md
