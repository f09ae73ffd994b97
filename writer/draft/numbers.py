"""Newsroom number formatting: round like an editor, spell like the locale.

Rounding is a house decision (about three significant figures, "about" when
rounding changed the number), so it lives here; and so does the one rule for a
figure printed after a bound word (see ``_mode``); the digits, grouping, magnitude words and currency symbol
come from babel so they follow the locale rather than hand-written rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel import Locale
from babel.numbers import format_compact_decimal, format_currency, format_decimal, get_currency_symbol, get_minus_sign_symbol

from writer.factbase.vocabulary import CURRENCIES, TIME_UNIT_WORDS

LOCALE = Locale.parse("en_US")  # parsed once: babel re-parses a locale string on every call
SIG_FIGS = 3
COMPACT_FROM = 1_000_000  # below a million a newsroom writes "$286,000", not "$286 thousand"
# babel spends about 0.1 ms on each number it formats (locale data lookups), and a draft formats
# the same few values many times over (headline, lede, sections), so each babel result is kept.
# Keys are a Decimal's exact text: Decimal("1.50") equals Decimal("1.5") but prints its zero.
# Bounded, so a batch worker drafting thousands of events keeps the recent values only.
FORMAT_CACHE_SIZE = 4096


@dataclass(frozen=True)
class Formatted:
    text: str  # the figure as printed, without "about" / "at least"
    approx: bool  # rounding changed the number: print "about"


# The one rule for a value that lies exactly halfway: rounded away from zero (Decimal's ROUND_HALF_UP), as a
# reader rounds ("14.5%" -> "about 15%", "-14.5%" -> "fell about 15%", "$212.5 million" -> "about $213 million").
# Banker's rounding (half to even) would print 14.5 as "about 14%", a half read low for no reason a reader can see.
NEAREST = ROUND_HALF_UP


def _mode(floor: bool, ceil: bool) -> str:
    """The one rule for a bounded figure: the bound word applies to the number as printed, sign included, so
    rounding may move that number only the way that keeps the words true. Under a floor ("more than", "over",
    "at least") the printed number is never above the value (rounded toward minus infinity: "more than 39%" for
    39.67, "more than -40%" for -39.67); under a ceiling ("up to", "less than", "at most") never below it
    (toward plus infinity); with no bound ("about", or none) to the nearest, a half away from zero (``NEAREST``). A change told with its verb prints
    its size ("fell more than 39%"): the caller passes that size, so the bound holds on it. Every formatter
    below takes ``floor``/``ceil`` in this one sense."""
    return ROUND_FLOOR if floor else ROUND_CEILING if ceil else NEAREST


def round_sig(value: float, figs: int = SIG_FIGS, *, floor: bool = False, ceil: bool = False) -> Decimal:
    """``value`` rounded to ``figs`` significant figures (down when ``floor``, up when ``ceil``:
    a lower bound stays a lower bound, and a range rounded outward still holds every report)."""
    d = Decimal(repr(float(value)))
    if d == 0:
        return Decimal(0)
    exponent = d.adjusted() - figs + 1
    quantum = Decimal(1).scaleb(exponent)
    return d.quantize(quantum, rounding=_mode(floor, ceil)).normalize()


def _changed(value: float, rounded: Decimal) -> bool:
    return Decimal(repr(float(value))).normalize() != rounded


def _plain(d: Decimal) -> str:
    """A rounded Decimal as a babel decimal with grouping and only the digits it holds."""
    return _plain_text(str(d))


def _digits_pattern(d: Decimal) -> str:
    """A babel pattern with grouping and exactly the fraction digits ``d`` holds ("#,##0.000" for 0.965)."""
    exp = d.as_tuple().exponent
    frac = max(0, -exp) if isinstance(exp, int) else 0
    return "#,##0" + ("." + "0" * frac if frac else "")


@lru_cache(maxsize=FORMAT_CACHE_SIZE)
def _plain_text(exact: str) -> str:
    d = Decimal(exact)
    return format_decimal(d, format=_digits_pattern(d), locale=LOCALE, decimal_quantization=True)


def _compact(d: Decimal) -> str:
    """1.45e9 -> '1.45 billion' (babel's long compact form, keeping the significant digits)."""
    return _compact_text(str(d))


def _magnitude(d: Decimal) -> Decimal:
    """The power of a thousand the compact form names for ``d``: 10**6 for 2.45 million."""
    return Decimal(10) ** (3 * (d.adjusted() // 3))


@lru_cache(maxsize=FORMAT_CACHE_SIZE)
def _compact_text(exact: str) -> str:
    d = Decimal(exact)
    scaled = d / _magnitude(d)
    exp = scaled.normalize().as_tuple().exponent
    frac = max(0, -exp) if isinstance(exp, int) else 0
    return format_compact_decimal(d, format_type="long", locale=LOCALE, fraction_digits=frac)


@lru_cache(maxsize=FORMAT_CACHE_SIZE)
def _pattern_text(exact: str, pattern: str) -> str:
    """babel's ``format_decimal`` of a Decimal (given by its exact text) with a pattern."""
    return format_decimal(Decimal(exact), format=pattern, locale=LOCALE)


_MINUS = get_minus_sign_symbol(locale=LOCALE)  # the locale's minus sign, written before the currency symbol


@lru_cache(maxsize=64)
def _symbol(currency: str) -> str:
    return get_currency_symbol(currency, locale=LOCALE)


def amount(value: float, *, floor: bool = False, ceil: bool = False, figs: int = SIG_FIGS) -> Formatted:
    """An amount of money or a count, rounded to about three significant figures."""
    rounded = round_sig(value, figs, floor=floor, ceil=ceil)
    body = _compact(rounded) if abs(rounded) >= COMPACT_FROM else _plain(rounded)
    return Formatted(body, _changed(value, rounded))


def _money_text(rounded: Decimal, currency: str = "USD", *, symbol: bool = True) -> str:
    """A rounded amount with the locale's sign before the symbol ("-$0.0044", "-$60 billion", never "$-60
    billion"): babel's currency format below a million; above it babel's long compact form of the size, which
    babel offers for plain numbers only, after the locale's own minus sign and currency symbol."""
    mag = abs(rounded)
    if mag < COMPACT_FROM:
        return _currency_text(str(rounded), currency) if symbol else _plain(rounded)
    return (_MINUS if rounded < 0 else "") + (_symbol(currency) if symbol else "") + _compact(mag)


def money(value: float, *, floor: bool = False, ceil: bool = False, currency: str = "USD", figs: int = SIG_FIGS) -> Formatted:
    """An amount of money: the sign before the symbol ("-$60 billion"); a bound holds on the signed amount (``_mode``)."""
    rounded = round_sig(value, figs, floor=floor, ceil=ceil)
    return Formatted(_money_text(rounded, currency), _changed(value, rounded))


def foreign_money(value: float, code: str, *, floor: bool = False, ceil: bool = False, figs: int = SIG_FIGS) -> Formatted:
    """An amount in a currency other than the dollar, with the currency's word after it ("2.4 trillion won")."""
    f = amount(value, floor=floor, ceil=ceil, figs=figs)
    return Formatted(f"{f.text} {CURRENCIES[code]}", f.approx)


def time_amount(value: float, unit: str, *, floor: bool = False, ceil: bool = False, figs: int = SIG_FIGS) -> Formatted:
    """A duration or a rate with its words ("847 days", "1 per second")."""
    f = amount(value, floor=floor, ceil=ceil, figs=figs)
    one, many = TIME_UNIT_WORDS[unit]
    return Formatted(f"{f.text} {one if f.text == '1' else many}", f.approx)


def range_ends(lo: float, hi: float, figs: int = SIG_FIGS) -> tuple[Decimal, Decimal]:
    """A range's two ends, each rounded to ``figs`` significant figures, except that an end is never
    carried outward further than half the low end's last digit: a high end one digit longer is rounded ten
    times as coarsely, and [9,749, 10,251] would print "9,750 and 10,300", 49 beyond anything the source
    gave. Such an end is rounded at the low end's place instead ("9,750 and 10,250"). Rounded inward
    ([909,504, 1,182,355] as "0.91 million and 1.18 million") it claims nothing the source did not."""
    r_lo, r_hi = round_sig(lo, figs), round_sig(hi, figs)
    if not (0 < lo < hi):
        return r_lo, r_hi
    d_lo, d_hi = Decimal(repr(float(lo))), Decimal(repr(float(hi)))
    quantum = Decimal(1).scaleb(d_lo.adjusted() - figs + 1)  # the low end's last digit
    if r_hi - d_hi > quantum / 2:
        r_hi = d_hi.quantize(quantum, rounding=NEAREST).normalize()
    if d_lo - r_lo > quantum / 2:
        r_lo = d_lo.quantize(quantum, rounding=NEAREST).normalize()
    # A narrow range across a round number ([999,000, 1,001,000]: "0.999 million and 1 million"): the check holds
    # each end to half the printed width (linking._tolerance), so both ends are printed at a finer place, one more
    # digit at a time (at most ``_NARROW_DIGITS``), until neither lies further from its value than that.
    for _ in range(_NARROW_DIGITS):
        if max(abs(r_lo - d_lo), abs(r_hi - d_hi)) * 2 <= r_hi - r_lo:
            break
        quantum /= 10
        r_lo, r_hi = (d.quantize(quantum, rounding=NEAREST).normalize() for d in (d_lo, d_hi))
    return r_lo, r_hi


# How many places finer a narrow range's ends may be printed (``range_ends``): enough for ends a thousandth apart.
_NARROW_DIGITS = 4


def narrow(lo: float, hi: float, figs: int = SIG_FIGS) -> bool:
    """Would a range's ends, each rounded to ``figs`` significant figures, lie further from their values than half the
    printed width (the check's hold on a range's ends, ``linking._tolerance``)? "1 million to 1 million" for 1,000,000
    to 1,001,001, "$99.5 to $100" for 99.5 to 100.4."""
    if not 0 < lo < hi:
        return False
    r_lo, r_hi = round_sig(lo, figs), round_sig(hi, figs)
    d_lo, d_hi = Decimal(repr(float(lo))), Decimal(repr(float(hi)))
    return max(abs(r_lo - d_lo), abs(r_hi - d_hi)) * 2 > r_hi - r_lo


def money_range(lo: float, hi: float, *, figs: int = SIG_FIGS, symbol: bool = True) -> tuple[Formatted, Formatted]:
    """Both ends of a range rounded by ``range_ends``, in one magnitude when it crosses a million ("$0.91
    million and $1.18 million", not "$910,000 and $1.18 million"): a reader compares like with like, and
    "between 675,000 and 1.13 million" would read as 675,000 million. ``symbol=False`` for counts."""
    r_lo, r_hi = range_ends(lo, hi, figs)
    sign = _symbol("USD") if symbol else ""

    def shown(value: float, rounded: Decimal) -> Formatted:
        return Formatted(_money_text(rounded, symbol=symbol), _changed(value, rounded))

    low, high = shown(lo, r_lo), shown(hi, r_hi)
    if not (0 < lo < COMPACT_FROM <= hi):
        return low, high
    word = high.text.rsplit(" ", 1)[-1]  # babel's magnitude word for the high end ("million")
    scaled = (r_lo / _magnitude(r_hi)).normalize()
    if scaled < Decimal("0.1"):  # "$0.005 billion" helps nobody: keep each end in its own magnitude
        return low, full_high(lo, hi, figs=figs, symbol=symbol) or high
    return Formatted(f"{sign}{_plain(scaled)} {word}", low.approx), high


def full_high(lo: float, hi: float, *, figs: int = SIG_FIGS, symbol: bool = True, floor: bool = False, ceil: bool = False) -> Formatted | None:
    """The high end of a range in full digits when the low end, printed bare, would read in the high end's
    magnitude ("between 2 and 2.45 trillion" is 2 trillion to a reader, and to the check); None otherwise."""
    if not (0 < lo < COMPACT_FROM <= hi):
        return None
    rounded_hi = round_sig(hi, figs)
    if round_sig(lo, figs) > (rounded_hi / _magnitude(rounded_hi)).normalize():
        return None  # "between 50 and 2 million": 50 million would exceed the high end, so 50 reads as written
    if floor or ceil:  # a bound on the high end: the one rule (``_mode``)
        rounded_hi = round_sig(hi, figs, floor=floor, ceil=ceil)
    return Formatted(f"{_symbol('USD') if symbol else ''}{_plain(rounded_hi)}", _changed(hi, rounded_hi))


def count(value: float, *, floor: bool = False, ceil: bool = False, figs: int = SIG_FIGS) -> Formatted:
    return amount(value, floor=floor, ceil=ceil, figs=figs)


PRICE_CENT = Decimal("0.01")  # below it, cents would print every price as $0.00 or, rounded up, $0.01
PRICE_FIGS_UNDER_A_DOLLAR = 3  # from a cent to a dollar: a newsroom's three figures ("$0.965"), as for amounts
PRICE_FIGS_UNDER_A_CENT = 2  # under a cent: two, as an index reading under 1 keeps ("$0.0004")


@lru_cache(maxsize=FORMAT_CACHE_SIZE)
def _currency_text(exact: str, currency: str = "USD") -> str:
    """A rounded Decimal (given by its exact text) as babel's currency with only the digits it holds: the
    locale puts the sign before the symbol ("-$0.0044", never "$-0.0044")."""
    d = Decimal(exact)
    return format_currency(d, currency, format="\u00a4" + _digits_pattern(d), locale=LOCALE, currency_digits=False)


def price(value: float, *, floor: bool = False, ceil: bool = False) -> Formatted:
    """A price level or a move in price: editors print it in full ("$96,000"), cents only below $100 (down
    under a floor, up under a ceiling: "over $96,000" for 96,000.4 stays true); a negative one with its sign
    before the symbol, as the locale writes it ("-$0.0044")."""
    rounded = _price_rounded(value, floor=floor, ceil=ceil)
    return Formatted(_currency_text(str(rounded)), _changed(value, rounded))


def _price_rounded(value: float, *, floor: bool = False, ceil: bool = False) -> Decimal:
    d = Decimal(repr(float(value)))
    if 0 < abs(d) < 1:  # under a dollar, cents would blur what moves such a price (a stablecoin at $0.965, not
        # "about $0.96"); a token priced under a cent keeps two significant figures ("$0.0004"), as an index does
        figs = PRICE_FIGS_UNDER_A_CENT if abs(d) < PRICE_CENT else PRICE_FIGS_UNDER_A_DOLLAR
        return round_sig(value, figs, floor=floor, ceil=ceil)
    q = Decimal("0.01") if abs(d) < 100 else Decimal(1)
    rounded = d.quantize(q, rounding=_mode(floor, ceil)).normalize()
    return rounded.quantize(Decimal(1)) if rounded == rounded.to_integral_value() else rounded


def price_range(lo: float, hi: float, *, floor: bool = False, ceil: bool = False) -> tuple[Formatted, Formatted] | None:
    """A narrow range of prices across a place where ``price`` changes its digits ($1, $100): both ends one place finer
    until neither lies further from its value than half the printed width ("between $99.50 and $100.40", not "between
    $99.5 and $100"), as ``percent_range``; ``floor``/``ceil``: the low end under a floor, the high end under a
    ceiling, rounded outward. None when ``price``'s own ends hold."""
    r_lo, r_hi = _price_rounded(lo, floor=floor), _price_rounded(hi, ceil=ceil)
    return _finer_ends(lo, hi, r_lo, r_hi, lambda v, r: Formatted(_currency_text(str(_cents(r))), _changed(v, r)), floor, ceil)


def _cents(d: Decimal) -> Decimal:
    """A price with dimes only is printed with its cents ("$99.50", not "$99.5")."""
    return d.quantize(PRICE_CENT) if d.as_tuple().exponent == -1 else d


def _finer_ends(lo: float, hi: float, r_lo: Decimal, r_hi: Decimal, text, floor: bool = False, ceil: bool = False,
                alike: bool = True):
    """Both ends of a narrow range at the first place, finer than their own, where each lies within half that place and
    within half the printed width of its value (the check's hold on a range's ends, ``linking._tolerance``; an end
    rounded outward under a bound may be a whole place off, so it goes finer too). None when the ends as rounded hold
    (or, with ``alike``, print alike: the caller's "about"); ``alike=False``: the ends are always returned."""
    d_lo, d_hi = Decimal(repr(float(lo))), Decimal(repr(float(hi)))
    e_lo, e_hi = r_lo.normalize().as_tuple().exponent, r_hi.normalize().as_tuple().exponent
    if r_lo == r_hi and alike:
        return None
    if _ends_hold(d_lo, d_hi, r_lo, r_hi, Decimal(1).scaleb(min(max(e_lo, e_hi), 0))):
        return None if alike else (text(lo, r_lo), text(hi, r_hi))
    place = Decimal(1).scaleb(min(max(e_lo, e_hi), 0))  # the coarser end's place
    quantum = Decimal(1).scaleb(min(e_lo, e_hi, 0))  # the finer end's: tried first for both, when it is finer
    if quantum >= place:
        quantum /= 10
    for _ in range(_NARROW_DIGITS):
        r_lo = d_lo.quantize(quantum, rounding=_mode(floor, False))
        r_hi = d_hi.quantize(quantum, rounding=_mode(False, ceil))
        if _ends_hold(d_lo, d_hi, r_lo, r_hi, quantum):
            break
        quantum /= 10
    return text(lo, r_lo), text(hi, r_hi)


def _ends_hold(d_lo: Decimal, d_hi: Decimal, r_lo: Decimal, r_hi: Decimal, place: Decimal) -> bool:
    """Does each printed end lie within half its place and half the printed width of its value?"""
    err = max(abs(r_lo - d_lo), abs(r_hi - d_hi)) * 2
    return err <= place and err <= abs(r_hi - r_lo)


# A whole (100%): a percentage that only rounding would bring to it keeps decimals, down to hundredths (99.96%).
WHOLE_PERCENT = Decimal(100)
MIN_PERCENT_STEP = Decimal("0.01")


def percent(value: float, *, floor: bool = False, ceil: bool = False, signed: bool = False, exact: bool = False) -> Formatted:
    """A percentage: whole numbers from 10%, one decimal below (94%, 6.2%); ``exact``: to its own digits (5.25%)."""
    return _percent_text(value, _percent_rounded(value, floor=floor, ceil=ceil, exact=exact), signed)


def _percent_rounded(value: float, *, floor: bool = False, ceil: bool = False, exact: bool = False) -> Decimal:
    mag = abs(value)
    d = Decimal(repr(float(value)))
    if exact:
        return d.normalize()
    if 0 < mag < 1:  # funding rates: 0.004%, not 0%
        return round_sig(value, 2, floor=floor, ceil=ceil)
    q = Decimal(1) if mag >= 10 else Decimal("0.1")
    rounded = d.quantize(q, rounding=_mode(floor, ceil)).normalize()
    while abs(rounded) == WHOLE_PERCENT and mag != WHOLE_PERCENT and q > MIN_PERCENT_STEP:
        q /= 10  # 99.9% is not 100%: a fall that rounds to a total wipe-out keeps the decimal that says it was not one
        rounded = d.quantize(q, rounding=_mode(floor, ceil)).normalize()
    return rounded


def _percent_text(value: float, rounded: Decimal, signed: bool) -> Formatted:
    size = abs(rounded)
    text = _pattern_text(str(size / 100), _digits_pattern(size) + "%")
    if (signed and value != 0) or value < 0:  # zero has no sign: "0%", never "+0%"
        text = ("-" if value < 0 else "+") + text
    return Formatted(text, _changed(value, rounded))


def percent_range(lo: float, hi: float, *, signed: bool = False, floor: bool = False, ceil: bool = False,
                  alike: bool = True) -> tuple[Formatted, Formatted] | None:
    """A narrow range of percentages whose ends, each rounded by ``percent``, would lie further from their values than
    half the printed width (the check's hold on a range's ends, ``linking._tolerance``): both ends one place finer at a
    time (at most ``_NARROW_DIGITS``) until neither does ("between 0.98% and 1.02%", not "between 0.98% and 1%"). None
    when ``percent``'s own ends hold, or print alike (the caller's "about 10%" for 9.96% to 10.04%) unless ``alike`` is
    False (a range under a word of the source's, printed as two ends). ``floor``/``ceil`` as in ``price_range``."""
    return _finer_ends(lo, hi, _percent_rounded(lo, floor=floor), _percent_rounded(hi, ceil=ceil),
                       lambda v, r: _percent_text(v, r.normalize(), signed), floor, ceil, alike)


# A ratio the desk works out itself (longs against shorts from a provider's two totals) is rounded as a newsroom
# rounds its own arithmetic: whole from 10 ("about 16 to 1", "about 101 to 1"), one decimal from 1 ("about 8 to 1"
# for 7.99, "about 1.1 to 1"), two figures below 1; never "7.99 to 1", a precision the totals' own rounding does not
# carry. A source's own ratio keeps its digits ("a long/short ratio of 2.63").
OUR_RATIO_WHOLE_FROM = 10
OUR_RATIO_TENTHS_FROM = 1


def ratio(value: float, *, floor: bool = False, ceil: bool = False, figs: int = SIG_FIGS, ours: bool = False) -> Formatted:
    """A ratio such as a long/short liquidation ratio: '15.1 to 1'; ``ours``: one the desk computed (rounded as above)."""
    if ours and abs(value) >= OUR_RATIO_TENTHS_FROM:
        step = Decimal(1) if abs(value) >= OUR_RATIO_WHOLE_FROM else Decimal("0.1")
        rounded = Decimal(repr(float(value))).quantize(step, rounding=_mode(floor, ceil)).normalize()
        rounded = rounded.quantize(Decimal(1)) if rounded == rounded.to_integral_value() else rounded
        return Formatted(_plain(rounded) + " to 1", _changed(value, rounded))
    rounded = round_sig(value, min(figs, 2) if ours else figs, floor=floor, ceil=ceil)
    if abs(rounded) >= 100:
        rounded = rounded.quantize(Decimal(1))
    return Formatted(_plain(rounded) + " to 1", _changed(value, rounded))


def multiple(value: float, *, floor: bool = False, ceil: bool = False, figs: int = SIG_FIGS) -> Formatted:
    """Leverage as desks write it: '40x leverage', '2.5x leverage' (the check reads 'Nx leverage' of one position as a
    ratio of N: writer/check/figures.py ``_POSITION_LEVERAGE``)."""
    rounded = round_sig(value, figs, floor=floor, ceil=ceil)
    if abs(rounded) >= 100:
        rounded = rounded.quantize(Decimal(1))
    return Formatted(_plain(rounded) + "x leverage", _changed(value, rounded))


def index(value: float, *, floor: bool = False, ceil: bool = False) -> Formatted:
    """Index points (Fear & Greed 23, Nikkei 50,100): one decimal at most, grouped (down under a
    floor, up under a ceiling); a reading below one keeps two significant figures, as a percentage
    does (0.0004, not 0: one decimal would print a different reading)."""
    d = Decimal(repr(float(value)))
    if 0 < abs(d) < 1:
        rounded = round_sig(value, 2, floor=floor, ceil=ceil)
        return Formatted(_plain(rounded), _changed(value, rounded))
    rounded = d.quantize(Decimal("0.1"), rounding=_mode(floor, ceil)).normalize()
    if rounded == rounded.to_integral_value():
        rounded = rounded.quantize(Decimal(1))
    return Formatted(_plain(rounded), _changed(value, rounded))


def coins(value: float, asset: str, *, floor: bool = False, ceil: bool = False, figs: int = SIG_FIGS) -> Formatted:
    f = amount(value, floor=floor, ceil=ceil, figs=figs)
    return Formatted(f"{f.text} {asset}", f.approx)


def finer(value: float, unit: str, kind: str = "") -> str:
    """A percentage (or a bare number) with two decimals, for a range whose ends would otherwise print alike; an end
    after words stating ``kind`` of bound ("floor", "ceiling", "" for none) rounded by the one rule, ``_mode``."""
    d = Decimal(repr(float(value))).quantize(Decimal("0.01"), rounding=_mode(kind == "floor", kind == "ceiling"))
    text = _pattern_text(str(d), "#,##0.00")
    return text + "%" if unit == "percent" else text  # units printed as a bare number (a ratio's "to 1" cannot sit on both ends)
