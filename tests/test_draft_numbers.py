"""Newsroom rounding and locale formatting of figures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from writer.draft import numbers as n


@pytest.mark.parametrize(
    "value, text, approx",
    [
        (1_861_000_000, "$1.86 billion", True),
        (1_451_000_000, "$1.45 billion", True),
        (90_000_000, "$90 million", False),
        (683_000_000, "$683 million", False),
        (80_580_000, "$80.6 million", True),
        (1_500_000_000, "$1.5 billion", False),
        (286_000, "$286,000", False),
        (201_345, "$201,000", True),
        (1_200_000_000_000, "$1.2 trillion", False),
    ],
)
def test_money(value, text, approx):
    assert n.money(value) == n.Formatted(text, approx)


def test_floor_for_lower_bounds_never_rounds_up():
    assert n.money(80_580_000, floor=True).text == "$80.5 million"
    assert n.money(999_600_000, floor=True).text == "$999 million"
    assert n.money(999_600_000).text == "$1 billion"


@pytest.mark.parametrize("value, text", [(93.8, "94%"), (6.203, "6.2%"), (100, "100%"), (0.004, "0.004%")])
def test_percent(value, text):
    assert n.percent(value).text == text


def test_signed_percent_prices_ratios_counts():
    assert n.percent(-3.4, signed=True).text == "-3.4%"
    assert n.percent(2.5, signed=True).text == "+2.5%"
    assert n.price(96_000).text == "$96,000" and not n.price(96_000).approx
    assert n.price(3_300.5).text == "$3,301"  # a half away from zero (numbers.NEAREST)
    assert n.ratio(15.12).text == "15.1 to 1"
    assert n.count(61_240).text == "61,200"
    assert n.coins(12_500, "ETH").text == "12,500 ETH"


@settings(max_examples=100, deadline=None)
@given(st.floats(min_value=1, max_value=1e13, allow_nan=False))
def test_three_significant_figures_within_half_a_unit(value):
    rounded = float(n.round_sig(value))
    assert abs(rounded - value) <= abs(value) * 0.005 + 1e-9
    floor = float(n.round_sig(value, floor=True))
    assert floor <= value + 1e-9 and value - floor <= abs(value) * 0.01


def test_a_range_across_a_million_uses_one_magnitude():
    lo, hi = n.money_range(909_504, 1_182_355)
    assert (lo.text, hi.text) == ("$0.91 million", "$1.18 million")
    lo, hi = n.money_range(150_000_000, 190_000_000)
    assert (lo.text, hi.text) == ("$150 million", "$190 million")
    lo, hi = n.money_range(5_000, 2_500_000_000)
    assert (lo.text, hi.text) == ("$5,000", "$2.5 billion")


@pytest.mark.parametrize(("value", "kw", "text"), [
    (0.0004, {}, "0.0004"),  # one decimal would print "0", a different reading (corners seed 28)
    (0.000437, {"floor": True}, "0.00043"),  # a floor stays a floor
    (0.000437, {"ceil": True}, "0.00044"),
    (-0.000437, {"floor": True}, "-0.00044"),  # below zero the floor is the larger magnitude
    (0.5, {}, "0.5"),
    (50_100.26, {}, "50,100.3"),  # from one up: one decimal, grouped, as before
])
def test_an_index_reading_below_one_keeps_two_significant_figures(value, kw, text):
    assert n.index(value, **kw).text == text


@pytest.mark.parametrize(("value", "kw", "text"), [
    (0.0004, {}, "$0.0004"),  # cents would print $0.00, or $0.01 under a ceiling: a price no source gave (corners seed 32)
    (0.0004, {"ceil": True}, "$0.0004"),
    (0.000437, {"floor": True}, "$0.00043"),
    (0.5, {}, "$0.5"),
    (3_300.5, {}, "$3,301"),  # a half away from zero (numbers.NEAREST)
])
def test_a_price_under_a_cent_keeps_two_significant_figures(value, kw, text):
    assert n.price(value, **kw).text == text


# A negative amount or price carries its sign before the currency symbol, as the locale writes it: "$-0.0044"
# reads as a typo to an editor (and as no figure at all to some readers of the page).
@pytest.mark.parametrize("value, text", [(-0.0044, "-$0.0044"), (-0.0091, "-$0.0091"), (-5.25, "-$5.25"), (-96_400, "-$96,400")])
def test_a_negative_price_has_its_sign_before_the_symbol(value, text):
    assert n.price(value).text == text


@pytest.mark.parametrize("lo, hi, texts", [
    (-50, 20, ("-$50", "$20")),
    (-0.0044, 0.0011, ("-$0.0044", "$0.0011")),
    (-3_000_000, -1_000_000, ("-$3 million", "-$1 million")),
])
def test_a_range_with_a_negative_end_has_its_sign_before_the_symbol(lo, hi, texts):
    assert tuple(f.text for f in n.money_range(lo, hi)) == texts


@given(st.floats(min_value=-1e12, max_value=-1e-6, allow_nan=False))
@settings(max_examples=200)
def test_no_negative_amount_prints_a_sign_after_the_symbol(value):
    low, high = n.money_range(value, abs(value))
    for f in (n.money(value), n.price(value), low):
        assert f.text.startswith("-$"), f.text
    assert not high.text.startswith("-") and "$-" not in low.text + high.text


def test_a_negative_price_move_across_zero_drafts_with_the_sign_before_the_symbol():
    from draft_support import event_from_yaml
    from writer.draft import Drafter

    text = """id: sign-before-symbol
as_of: 2026-12-12T09:00:00Z
windows: [24h]
facts:
  - id: total
    metric: liquidations
    unit: USD
    window: 24h
    observations: [{source: coinglass, value: 210M}]
  - id: token_move
    metric: price_change
    unit: USD
    asset: PEPE
    window: 24h
    observations: [{source: coinmarketcap, range: [-0.0044, 0.0011]}]
"""
    md = Drafter(run_check=True).draft(event_from_yaml(text, "sign.yaml"), facts_path="sign.yaml").markdown
    assert "-$0.0044" in md and "$-" not in md


@pytest.mark.parametrize("value, kw, text", [
    (0.965, {}, "$0.965"),   # a stablecoin under its peg: cents would print "about $0.96", blurring the de-peg itself
    (0.991, {}, "$0.991"),
    (0.4567, {"floor": True}, "$0.456"),
    (0.4561, {"ceil": True}, "$0.457"),
    (1.5, {}, "$1.5"),       # from a dollar, cents as before
])
def test_a_price_under_a_dollar_keeps_three_significant_figures(value, kw, text):
    assert n.price(value, **kw).text == text
