"""Drafting's speed-ups give what the plain code gives (bench/bench_draft.py measures what they save).

Each fast path here is compared with the plain computation it replaces, on inputs chosen to
reach the cases where the two could differ.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_compact_decimal, format_decimal, get_currency_symbol
from hypothesis import given, settings
from hypothesis import strategies as st

from writer.draft import numbers as n

# --- number formatting: babel's results kept by the Decimal's exact text ----------------------

AMOUNTS = st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False)


def _plain_uncached(d: Decimal) -> str:
    exp = d.as_tuple().exponent
    frac = max(0, -exp) if isinstance(exp, int) else 0
    return format_decimal(d, format="#,##0" + ("." + "0" * frac if frac else ""), locale=n.LOCALE, decimal_quantization=True)


def _compact_uncached(d: Decimal) -> str:
    scaled = d / Decimal(10 ** (3 * (d.adjusted() // 3)))
    exp = scaled.normalize().as_tuple().exponent
    return format_compact_decimal(d, format_type="long", locale=n.LOCALE, fraction_digits=max(0, -exp) if isinstance(exp, int) else 0)


def test_equal_decimals_that_print_differently_are_kept_apart():
    """Decimal('1.50') == Decimal('1.5'): a cache keyed by the value would print one as the other."""
    for a, b in [("1.50", "1.5"), ("2E+6", "2000000"), ("1.450E+9", "1.45E+9"), ("0.10", "0.1"), ("-0", "0")]:
        assert Decimal(a) == Decimal(b)
        for text in (a, b, a, b):  # each twice: the second answer comes from the cache
            assert n._plain(Decimal(text)) == _plain_uncached(Decimal(text))
            if Decimal(text) >= n.COMPACT_FROM:
                assert n._compact(Decimal(text)) == _compact_uncached(Decimal(text))
    assert n._plain(Decimal("1.50")) == "1.50" and n._plain(Decimal("1.5")) == "1.5"


@settings(max_examples=300, deadline=None)
@given(AMOUNTS, st.sampled_from([1, 2, 3, 4]), st.booleans(), st.booleans())
def test_cached_formatting_equals_babel(value, figs, floor, ceil):
    for _ in range(2):
        rounded = n.round_sig(value, figs, floor=floor, ceil=ceil)
        assert n._plain(rounded) == _plain_uncached(rounded)
        if abs(rounded) >= n.COMPACT_FROM:
            assert n._compact(abs(rounded)) == _compact_uncached(abs(rounded))
        money = n.money(value, floor=floor, ceil=ceil, figs=figs)
        sign = "-" if value < 0 else ""
        body = n.amount(abs(value), floor=ceil if value < 0 else floor, ceil=floor if value < 0 else ceil, figs=figs).text
        assert money.text == sign + get_currency_symbol("USD", locale=n.LOCALE) + body


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=-500, max_value=500, allow_nan=False, allow_infinity=False), st.booleans())
def test_cached_percent_equals_babel(value, signed):
    got = n.percent(value, signed=signed).text
    mag = abs(value)
    if 0 < mag < 1:
        rounded = n.round_sig(mag, 2)
    else:
        rounded = Decimal(repr(float(mag))).quantize(Decimal(1) if mag >= 10 else Decimal("0.1")).normalize()
    exp = rounded.as_tuple().exponent
    frac = max(0, -exp) if isinstance(exp, int) else 0
    text = format_decimal(rounded / 100, format="#,##0" + ("." + "0" * frac if frac else "") + "%", locale=n.LOCALE)
    if signed or value < 0:
        text = ("-" if value < 0 else "+") + text
    assert got == text


def test_grouped_whole_numbers():
    for k in (1, 12, 999, 1000, 24_000, 1_000_000, 1000):
        assert n.grouped(k) == format_decimal(k, locale=n.LOCALE)
    assert n.grouped(1000) == "1,000"
