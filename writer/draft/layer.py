"""The provenance layer: the only way a template can put a figure on the page.

Every function registered for templates returns an opaque token (two
private-use characters around an index) and records a span: the figure's text
and its fact, or a piece of fact-file text to be escaped later, or a lead-in
attribution covering a run of figures. The template's own literal text never
holds a digit; the assembler later decides, per sentence, where the caveats
go and the self-check rejects any number that did not come through here.
"""

from __future__ import annotations

import re
import inspect
from dataclasses import dataclass, replace
from decimal import Decimal
from datetime import timezone
from functools import lru_cache

from writer.draft import numbers as fmt
from writer.draft.agreement import MANY, ONE, number_of
from writer.draft.potential import is_potential
from writer.draft.style import Style, choose
from writer.draft.view import SUBJECT_NAMES_FIGURE, ContextRef, FigureRef, QUOTE_CUT_MARKS, QuoteRef, TemplateMisuse, names_quantity
from writer.factbase.records import Event, Fact
from writer.factbase.vocabulary import AVERAGE_PER, CURRENCIES, MULTIPLE_METRICS, CompoundHedge, TIME_UNIT_WORDS, WINDOW_RE, Status, weakest

TOKEN_OPEN, TOKEN_CLOSE = "\ue000", "\ue001"
_INDEX_BASE = 0xE100
TOKEN_RE = re.compile(f"{TOKEN_OPEN}(.){TOKEN_CLOSE}", re.S)


def span_index(token: re.Match) -> int:
    """The index in ``Render.spans`` of the span a token (a ``TOKEN_RE`` match) stands for."""
    return ord(token.group(1)) - _INDEX_BASE


HEADLINE_SECTIONS = frozenset({"headline", "lede"})
# (id of a template's code object, offset of the call in it) -> (that code object, (template, template line)).
# Keyed by the call's instruction offset, not by frame.f_lineno: the line is found by scanning the code's
# whole line table, which on a compiled section template made the look-up a sixth of drafting
# (bench/results/draft_facts.md). The code object is kept in the value, so its id cannot be reused while
# the entry lives (an edited, recompiled template gets entries of its own).
_LINES: dict[tuple[int, int], tuple[object, tuple[str, int]]] = {}


# Two ends of a change this close (as a part of the larger) would each fit the other's "about": the check
# reads "about" as 2.5% either way, plus the last printed digit's rounding, so 6% leaves a margin.
CLOSE_ENDS = 0.06
# How far the check reads "about" either way (2.5%, the figure reader's approximation tolerance).
ABOUT_READS = 0.025
# Figures printed for such ends: enough for any count below a million to print in full, without "about".
FINE_FIGURES = 6
# An amount its source gives to one significant figure more than the house rounds to (style ``significant_figures``)
# is printed as given ("$40.22 million", "$1.361 billion" under three): rounding it would add an "about" the source did
# not write for a difference no reader weighs. More digits than that ($40,223,517) are rounded, with "about"; so is a
# number no source gave (the midpoint of two agreeing providers: ``_given``).
AS_GIVEN_EXTRA = 1


def _significant(v: float) -> int:
    """How many significant figures ``v`` is written with (40.22 million: 4; 40 million: 1)."""
    digits = Decimal(repr(float(v))).normalize().as_tuple().digits
    return len(digits) if v else 1


def _close(a: Fact, b: Fact, figs: int) -> bool:
    """Whether two figures of one change are near enough that their rounded forms fit each other: within
    CLOSE_ENDS of each other, or one end rounded to ``figs`` figures shows fewer digits than that (1,001 prints
    "about 1,000", which reads as anything from 500 to 1,500) and the other end lies inside what it reads as."""
    if not a.bounds or not b.bounds:
        return False
    x, y = sum(a.bounds) / 2, sum(b.bounds) / 2
    top = max(abs(x), abs(y))
    return top > 0 and (abs(x - y) <= CLOSE_ENDS * top or _reads_as(x, y, figs) or _reads_as(y, x, figs))


# The most significant figures a change's ends are printed to (``_figures_apart``): a float's own precision.
_MOST_FIGURES = 15


def _figures_apart(a: Fact, b: Fact) -> int:
    """How many significant figures print a change's two ends differently (FINE_FIGURES at least)."""
    x, y = (sum(f.bounds) / 2 for f in (a, b))
    figs = FINE_FIGURES
    while figs < _MOST_FIGURES and x != y and fmt.round_sig(x, figs) == fmt.round_sig(y, figs):
        figs += 1
    return figs


def _reads_as(v: float, other: float, figs: int) -> bool:
    """Whether ``other`` lies inside what ``v``, rounded to ``figs`` figures and printed after "about", reads as:
    half its last printed digit either way (trailing zeros are no digits to a reader), plus "about"'s own margin."""
    if not v:
        return False
    rounded = float(f"{v:.{figs}g}")
    half = Decimal(10) ** Decimal(repr(rounded)).normalize().as_tuple().exponent / 2
    return abs(other - rounded) <= float(half) + ABOUT_READS * abs(rounded)


@dataclass(frozen=True)
class Piece:
    kind: str  # "lit" (house wording), "text" (from a fact file: escaped), "qual" (window), "fig" (a number)
    text: str
    role: str = ""  # for "fig": value, level, band; for "lit": caveat when it belongs to a caveat


@dataclass
class Span:
    kind: str  # "fig", "lead", "text", "gap"
    pieces: list[Piece]
    keys: tuple = ()  # attribution keys this span needs (fig) or covers (lead)
    fact: Fact | None = None
    ref: str = ""  # context or quote id for text spans
    status: str = ""
    sources: tuple[str, ...] = ()
    template: str = ""
    line: int = 0
    section: str = ""
    opening: list[Piece] | None = None  # a headline lead's body form, used where it opens the headline (layer.lead)


def attribution_key(fact: Fact) -> tuple:
    """Figures sharing a key can share one attribution (a run from the same source and status)."""
    return (caveat_kind(fact), fact.sources)


def caveat_kind(fact: Fact) -> str:
    """Which phrasing a figure needs: its status, or 'derived_<status>' for computed figures."""
    if fact.is_derived:
        return f"derived_{fact.status.value}"
    if fact.status is Status.ESTIMATE and is_potential(fact):
        return "estimate_potential"
    return fact.status.value


def window_words(window: str, style: Style) -> str:
    m = WINDOW_RE.match(window)
    if not m:
        return window
    n, unit = int(m.group(1)), m.group(2)
    words = style.names.get("window_units", {}).get(unit, unit)
    singular, plural = (words.split("|") + [words])[:2] if "|" in words else (words, words + "s")
    if n == 1:
        return f"{style.names.get('one', 'one')} {singular}"
    return f"{n} {plural}"  # a label, not a figure: "9999 minutes" (grouped, "9,999" is read as a figure)


def span_words(fact: Fact, style: Style) -> tuple[str, str] | None:
    """The figure's span of time in words, as (the word before it, the words): ("over", "24 hours"); with the source's bound
    word on the window, ("in", "less than 24 hours"); a running total ("", "so far this year"); a calendar year ("in",
    "2021"). None for a figure of the event's own span."""
    words = style.names.get("words", {})
    if fact.to_date is not None:
        return "", style.names.get("to_date", {}).get(fact.to_date.value, f"so far this {fact.to_date.value}")
    if fact.year is not None:
        return words.get("in", "in"), str(fact.year)
    if not fact.window:
        return None
    said = window_words(fact.window, style)
    if fact.window_hedge is None:
        return words.get("over", "over"), said
    bound = style.names.get("after_verb", {}).get(fact.window_hedge.words, fact.window_hedge.words)  # "in more than a week"
    return words.get("in", "in"), f"{bound} {said}"


def span_pieces(fact: Fact, style: Style) -> list[Piece]:
    """" over 24 hours", " in less than 24 hours", " so far this year", " in 2021" after a figure's words; [] for none."""
    said = span_words(fact, style)
    if said is None:
        return []
    before, words = said
    return [Piece("lit", f" {before} " if before else " "), Piece("qual", words)]


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@lru_cache(maxsize=1024)
def _placeholders(phrasing: str) -> tuple[tuple[str, str | None], ...]:
    """A style phrasing cut at its ``{name}`` placeholders: (the text before one, its name), then (the rest, None)."""
    parts: list[tuple[str, str | None]] = []
    pos = 0
    for m in _PLACEHOLDER.finditer(phrasing):
        parts.append((phrasing[pos:m.start()], m.group(1)))
        pos = m.end()
    parts.append((phrasing[pos:], None))
    return tuple(parts)


def join_names(names: list[str], style: Style) -> str:
    conj = style.names.get("and", "and")
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {conj} " + names[-1]


class Render:
    """The state of one section render: the spans its tokens point at."""

    def __init__(self, event: Event, style: Style, spans: list[Span], counters: dict, templates: dict):
        self.event, self.style, self.spans, self.counters = event, style, spans, counters
        self.templates = templates  # filename -> compiled Template, for template line numbers
        self._opener_words: frozenset[str] | None = None
        self.section = ""
        self.averaged: set[str] = set()  # facts whose reported average has been printed
        self.ended: set[str] = set()  # changes whose two ends have been printed beside them
        self.said: set[tuple] = set()  # (table, status, sources, method note) of the caveats printed so far
        self.fine: set[str] = set()  # facts printed with more figures, so that each reads only as itself (see _ends)
        self.fine_figs: dict[str, int] = {}  # of those, ends that FINE_FIGURES still print alike: as many as tell them apart
        self._names: frozenset[str] | None = None  # the registry's spellings, lower-cased (number)
        self.windows: dict[int, str] = {}  # span index -> the window code it prints ("24h"), for window_names.tell_twin_windows

    # -- plumbing -----------------------------------------------------------------

    def _where(self) -> tuple[str, int]:
        """The template and line of the call being rendered (walks up to the compiled template's frame)."""
        frame = inspect.currentframe().f_back.f_back
        while frame is not None:
            filename = frame.f_code.co_filename
            tmpl = self.templates.get(filename)
            if tmpl is not None:
                key = (id(frame.f_code), frame.f_lasti)
                found = _LINES.get(key)
                if found is None:
                    found = _LINES[key] = (frame.f_code, (tmpl.name or "", tmpl.get_corresponding_lineno(frame.f_lineno)))
                return found[1]
            frame = frame.f_back
        return "", 0

    def _token(self, span: Span) -> str:
        span.template, span.line = self._where()
        span.section = self.section
        index = len(self.spans)
        self.spans.append(span)
        return f"{TOKEN_OPEN}{chr(_INDEX_BASE + index)}{TOKEN_CLOSE}"

    def words_token(self, pieces: list[Piece]) -> str:
        """A token for words the draft adds outside the templates (writer/draft/window_names.py), resolved as a
        template's text is (empty pieces dropped)."""
        return self._token(Span("text", [p for p in pieces if p.text]))

    def window_printed(self, token: re.Match) -> str | None:
        """The window code ("24h") the token's span prints, when it prints one (``what``, ``window``, ``over``)."""
        return self.windows.get(span_index(token))

    def fact_of(self, ref) -> Fact:
        if not isinstance(ref, FigureRef):
            raise TemplateMisuse(f"expected a figure reference, got {type(ref).__name__}")
        return ref._fact

    def src_names(self, source_ids) -> str:
        return join_names([self.event.source_name(s) for s in source_ids], self.style)

    # -- figures ------------------------------------------------------------------

    def formatted(self, fact: Fact, *, role: str = "value", moved: bool = False) -> list[Piece]:
        """The figure as printed with its approximation or bound word (``about``, ``at least``, ``between``).

        A change with a direction reads "down $60 billion" (never a negative amount).
        """
        pieces = self._formatted(fact, role="value" if role == "plain" else role, moved=moved)
        if fact.per is not None and role in ("value", "plain"):  # "an average of about $300 million per day" (then "net outflows of ...")
            words = self.style.names.get("words", {})
            pieces = [Piece("fig", f"{words.get('average_of', 'an average of')} {p.text} {AVERAGE_PER[fact.per]}", p.role) for p in pieces]
        if fact.change and role == "value":
            word = self.style.names.get("changes", {}).get(fact.change, _CHANGE_WORDS[fact.change])
            pieces = [Piece("fig", f"{word} {p.text}", p.role) for p in pieces]
        return pieces

    def _average(self, fact: Fact, role: str, ref: str) -> str:
        """The report's own average after the figure, as a span of its own: ", with an average of close
        to $170 million". Its own span, so the figure's caveat lands right after the figure (the
        parenthesis then follows the figure it covers, and the average, sharing the figure's source and
        status, is carried by it: "between $150 million and $190 million (a range: ... differ), with an
        average of close to $170 million"). The check links it to the fact only where the word
        "average" stands before it (a range written as its average is a collapsed range). Printed once
        per article, where the figure is first set out, never in the headline or lede. An average
        credited to a source of its own is not printed: it would need an attribution of its own."""
        if fact.average is None or role != "value" or fact.magnitude is not None or self.section in HEADLINE_SECTIONS \
                or fact.id in self.averaged:
            return ""
        value, hedge, source = fact.average
        if source is not None and (source,) != tuple(fact.sources):
            return ""
        self.averaged.add(fact.id)
        words = self.style.names.get("words", {})
        point = replace(fact, value=value, range=None, envelope=None, hedge=hedge, average=None, lower_bound=False, change=None)
        figure = [Piece("fig", p.text, "average") for p in self._formatted(point)]
        aside = self._token(Span("text", [Piece("lit", ", " + words.get("with_average", "with an average of") + " ")]))
        span = Span("fig", figure, (attribution_key(fact),), fact, ref=ref, status=fact.status.value, sources=fact.sources)
        return aside + self._token(span)

    def _formatted(self, fact: Fact, *, role: str = "value", moved: bool = False) -> list[Piece]:
        words = self.style.names.get("words", {})
        if role == "level":
            return [Piece("fig", _level_hedged(fact, fmt.price(fact.price_level).text), "level")]
        if role == "band":
            lo, hi = fact.price_band
            band = f"{words.get('between', 'between')} {fmt.price(lo).text} {words.get('and', 'and')} {fmt.price(hi).text}"
            return [Piece("fig", _level_hedged(fact, band), "band")]
        if fact.status is Status.UNAVAILABLE or fact.bounds is None:
            raise TemplateMisuse(f"fact {fact.id!r} has no reliable figure (status unavailable); write it with gap()")
        if role == "magnitude":
            # "fell 3.4%": the verb carries the sign, the figure its size (both ends of a range flipped together).
            lo, hi = fact.bounds
            if not (hi < 0 or lo > 0):
                raise TemplateMisuse(f"fact {fact.id!r} has no single direction; print it with fig()")
            flipped = replace(fact, value=abs(fact.value) if fact.value is not None else None,
                              range=tuple(sorted((abs(fact.range[0]), abs(fact.range[1])))) if fact.range else None,
                              metric=fact.metric.removesuffix("_change"), change=None)
            return [Piece("fig", p.text, "magnitude") for p in self.formatted(flipped, moved=True)]

        figs_ = self.fine_figs.get(fact.id, FINE_FIGURES) if fact.id in self.fine else self.style.significant_figures

        def one(v: float, *, floor: bool = False, ceil: bool = False, fine: bool = False) -> fmt.Formatted:
            figs = FINE_FIGURES if fine else figs_
            if fact.unit == "USD":
                # A price level prints in full ("$96,000"); a level of a market value reads as money ("$2.5 trillion").
                as_price = fact.metric in _PRICE_METRICS and abs(v) < _PRICE_IN_FULL_BELOW
                if as_price:
                    return fmt.price(v, floor=floor, ceil=ceil)
                if not fine and not fact.is_derived and figs < _significant(v) <= self.style.significant_figures + AS_GIVEN_EXTRA \
                        and _given(fact, v):
                    figs = _significant(v)  # the source's own "$40.22 million", never "about $40.2 million"
                return fmt.money(v, floor=floor, ceil=ceil, figs=figs)
            if fact.unit == "percent":
                return fmt.percent(v, floor=floor, ceil=ceil, signed=_signed(fact), exact=fact.metric in _AS_GIVEN_METRICS)
            if fact.unit == "ratio" and fact.metric in MULTIPLE_METRICS:
                return fmt.multiple(v, floor=floor, ceil=ceil, figs=figs)  # "40x"
            if fact.unit == "ratio":
                # one the desk computed is rounded as its own arithmetic (numbers.OUR_RATIO_FIGS), unless it must print fine
                return fmt.ratio(v, floor=floor, ceil=ceil, figs=figs, ours=fact.is_derived and figs == self.style.significant_figures)
            if fact.unit == "index":
                return fmt.index(v, floor=floor, ceil=ceil)
            if fact.unit == "coins":
                return fmt.coins(v, fact.asset or "", floor=floor, ceil=ceil, figs=figs)
            if fact.unit in CURRENCIES:
                return fmt.foreign_money(v, fact.unit, floor=floor, ceil=ceil, figs=figs)
            if fact.unit in TIME_UNIT_WORDS:
                return fmt.time_amount(v, fact.unit, floor=floor, ceil=ceil, figs=figs)
            return fmt.count(v, floor=floor, ceil=ceil, figs=figs)

        if fact.magnitude is not None:  # vague words stay words: never an invented range
            return [Piece("fig", _magnitude_words(fact), role)]
        if fact.hedge is not None and not _plain_range(fact):  # the source's own "about", "over", "up to", printed as given
            return [Piece("fig", self._hedged(fact, one, moved=moved or fact.change in ("rise", "fall")), role)]

        # Any figure the fact base holds as a range prints as one, even when the providers agree
        # within the tolerance: the provenance check (P005) reads a point as a collapsed range.
        if fact.range is not None:
            # A floor under the low end and a ceiling over the high end ("between X and Y", _plain_range): ends that
            # rounding would carry inside them are printed in finer digits (the check holds range ends to the
            # precision printed, so they cannot be rounded outward instead).
            r_lo, r_hi = fmt.range_ends(fact.range[0], fact.range[1], figs_)
            fine = fact.hedge is not None and (r_lo > Decimal(repr(float(fact.range[0]))) or r_hi < Decimal(repr(float(fact.range[1]))))
            if fact.unit == "USD" and fact.metric != "price_level":
                lo, hi = fmt.money_range(fact.range[0], fact.range[1], figs=FINE_FIGURES if fine else figs_)
            elif fact.unit in ("count", "coins") or fact.unit in CURRENCIES or fact.unit in _DURATION_UNITS:
                lo, hi = fmt.money_range(fact.range[0], fact.range[1], figs=FINE_FIGURES if fine else figs_, symbol=False)
                word = fact.asset if fact.unit == "coins" else CURRENCIES.get(fact.unit) or _DURATION_UNITS.get(fact.unit)
                # The unit once, at the end: "between 26,900 and 44,800 yuan"; "between 653 and 1,050 days", which the
                # check reads as one range ("653 days" alone is a window's words, not a figure).
                if word:
                    hi = fmt.Formatted(f"{hi.text} {word}", hi.approx)
            elif fact.hedge is not None and fact.unit == "percent" and fact.metric not in _AS_GIVEN_METRICS \
                    and (finer := fmt.percent_range(*fact.range, signed=_signed(fact), floor=True, ceil=True)) is not None:
                lo, hi = finer  # a floor and a ceiling on a narrow range: "between 0.0098% and 0.0102%"
            elif fact.hedge is not None and fact.unit == "percent":
                lo, hi = (fmt.Formatted(fmt.finer(v, fact.unit) if one(v, floor=k == "floor", ceil=k == "ceiling").text != one(v).text
                                        else one(v).text, True) for v, k in zip(fact.range, ("floor", "ceiling")))
            elif fact.unit == "USD" and (finer := fmt.price_range(*fact.range)) is not None:
                lo, hi = finer  # a price level's narrow range across $1 or $100: "between $99.50 and $100.40"
            elif fact.unit == "percent" and fact.metric not in _AS_GIVEN_METRICS \
                    and (finer := fmt.percent_range(*fact.range, signed=_signed(fact))) is not None:
                lo, hi = finer  # a narrow range across a round figure: "between 0.98% and 1.02%"
            else:
                lo, hi = one(fact.range[0], fine=fine), one(fact.range[1], fine=fine)
            if lo.text == hi.text:
                return [Piece("fig", f"{words.get('about', 'about')} {lo.text}", role)]
            low = lo.text
            if fact.unit == "ratio":
                low = low.removesuffix(" to 1").removesuffix(" leverage")  # "between 29 and 49 to 1", "between 5x and 10x leverage"  # "between 363,000 and 581,000 BTC": the unit once, at the end
            return [Piece("fig", f"{words.get('between', 'between')} {low} {words.get('and', 'and')} {hi.text}", role)]
        if fact.lower_bound:
            return [Piece("fig", f"{words.get('at_least', 'at least')} {one(fact.value, floor=True).text}", role)]
        f = one(fact.value)
        return [Piece("fig", f"{words.get('about', 'about')} {f.text}" if f.approx else f.text, role)]

    def _hedged(self, fact: Fact, one, *, moved: bool = False) -> str:
        """A figure with its source's qualifier, printed as given.

        A bound's words are printed in words the check reads as that bound (``_hedge_words``), and the number
        after them is rounded by the one rule for bounded figures (``numbers._mode``): never above the value under
        a floor ("more than 39%" for 39.67), never below it under a ceiling ("up to 40%"), to the nearest after an
        approximation ("about 40%"). The rule holds on the number as printed, sign included ("more than -40%" for
        -39.67); a change told with its verb prints its size, so the bound holds on the size ("fell more than
        39%"). One word on a whole range bounds the end it names: a floor the low end, a ceiling the high end;
        a word on each end bounds that end; the other end is rounded to the nearest.

        ``moved``: the figure follows a verb of change ("rose by", "fell"), where "X to Y" reads as a change of X
        to a level Y; there a range is printed "between X and Y", each end with its own words ("rose by between
        roughly $2.93 million and $3.08 million", "roughly between ...").
        """
        words = self.style.names.get("words", {})
        said_as = self.style.names.get("after_verb", {})
        # a narrow range across a round number ("$1 million to about $1 million" for 1,000,000 to 1,001,001): both ends
        # in finer digits, as ``numbers.range_ends`` prints an unqualified one (the check holds ends to half the width)
        fine_ends = fact.range is not None and fact.unit != "percent" and fmt.narrow(*fact.range)

        priced: dict[float, str] = {}  # a narrow range's ends as ``numbers.price_range``, ``percent_range`` print them

        def bounded_end(v: float, kind: str, *, finer: bool = False, written=None) -> str:
            """A range's end under a bound: to the nearest when that keeps the bound true, else in finer digits
            rounded outward ("more than $47,686 to $50,100", never "$47,700"): the check holds each end of a
            range to the precision printed, so an end rounded outward past that precision reads as another figure."""
            if v in priced:
                return priced[v]
            if finer:
                return fmt.finer(v, fact.unit, kind)
            if written is not None:
                near, out = written("", fine=fine_ends), written(kind, fine=fine_ends)
            else:
                near, out = one(v, fine=fine_ends), one(v, floor=kind == "floor", ceil=kind == "ceiling", fine=fine_ends)
            if not kind or near.text == out.text:
                return near.text
            if fact.unit == "percent":
                return fmt.finer(v, fact.unit, kind)
            if written is not None:
                return written(kind, fine=True).text
            return one(v, floor=kind == "floor", ceil=kind == "ceiling", fine=True).text

        def end(v: float, hedge, *, ranged: bool = False, finer: bool = False, written=None) -> str:
            said, kind = _hedge_words(hedge, said_as)
            if ranged:
                text = bounded_end(v, kind, finer=finer, written=written)
            else:
                text = one(v, floor=kind == "floor", ceil=kind == "ceiling").text
            return f"{said} {text}" if said else text

        if fact.range is not None:
            if fact.unit in _BARE_UNITS or fact.unit in CURRENCIES or fact.unit == "coins":
                # A count, index, ratio, coin or foreign amount has no unit the check reads beside its low end, so
                # "about 685 to 1,140" would read as one number; "between 685 and 1,140" is the range, and says the figure is not exact.
                if fact.unit in ("count", "coins") or fact.unit in CURRENCIES:  # both ends in one magnitude: "0.68 million and 1.12 million"
                    lo, hi = fmt.money_range(fact.range[0], fact.range[1], figs=self.style.significant_figures, symbol=False)
                    word = fact.asset if fact.unit == "coins" else CURRENCIES.get(fact.unit)
                    if word:  # the unit once, at the end: "between 48,800 and 51,300 PEPE"
                        hi = fmt.Formatted(f"{hi.text} {word}", hi.approx)
                else:
                    lo, hi = one(fact.range[0]), one(fact.range[1])
                low = lo.text.removesuffix(" to 1")
                return f"{words.get('between', 'between')} {low} {words.get('and', 'and')} {hi.text}"
            if fact.range[0] == fact.range[1] and not isinstance(fact.hedge, tuple):
                # Two equal ends are one value: "as much as -35.6%", never "as much as -35.6% to -35.6%"
                return end(fact.range[0], fact.hedge)
            whole = None if isinstance(fact.hedge, tuple) else fact.hedge
            lo_h, hi_h = fact.hedge if isinstance(fact.hedge, tuple) else (None, None)
            whole_kind = _hedge_words(whole, said_as)[1]
            lo_kind = _hedge_words(lo_h, said_as)[1] or ("floor" if whole_kind == "floor" else "")
            hi_kind = _hedge_words(hi_h, said_as)[1] or ("ceiling" if whole_kind == "ceiling" else "")

            # Each end keeps its unit ("$1.2 million to $1.5 million", "36% to 39%"); two ends
            # that round to the same text get one more digit, so the range never reads as "46% to 46%".
            # The ends of a narrow range across a round figure, finer ("over 9.96% to 10.04%", not "over 9.96% to 10%",
            # which the check reads as a high end of 10%; "$99.50 to $100.40"): ``numbers.percent_range``, ``price_range``.
            bounds = {"floor": lo_kind == "floor", "ceil": hi_kind == "ceiling"}
            if fact.unit == "USD" and fact.metric in _PRICE_METRICS and fact.range[0] != fact.range[1]:
                ends = fmt.price_range(*fact.range, **bounds)
            elif fact.unit == "percent" and fact.metric not in _AS_GIVEN_METRICS and fact.range[0] != fact.range[1]:
                ends = fmt.percent_range(*fact.range, signed=_signed(fact) and not moved, alike=False, **bounds)
            else:
                ends = None
            priced.update(zip(fact.range, (e.text for e in ends)) if ends is not None else ())
            finer = bounded_end(fact.range[0], lo_kind) == bounded_end(fact.range[1], hi_kind) and fact.unit == "percent"
            # "$2 to $2.45 trillion" reads as 2 trillion: the high end in full when the low end would borrow its magnitude
            far = None
            if fact.unit == "USD" and lo_h is None and fmt.full_high(*fact.range, figs=self.style.significant_figures):
                def far(kind: str, fine: bool = False):
                    return fmt.full_high(*fact.range, figs=FINE_FIGURES if fine else self.style.significant_figures,
                                         floor=kind == "floor", ceil=kind == "ceiling")
            between = moved and whole_kind == ""  # after a verb of change: "between X and Y", never "X to Y"
            joiner = words.get("and", "and") if between else words.get("to", "to")
            opener = words.get("between", "between") + " " if between else ""
            if whole is not None:  # the word before the pair bounds the end it names; printed once, before the pair
                low_text = bounded_end(fact.range[0], lo_kind, finer=finer)
                high_text = bounded_end(fact.range[1], hi_kind, finer=finer, written=far)
                said = _hedge_words(whole, said_as)[0]
                if moved and whole_kind:
                    # after a verb of change, "rose by up to $944,000 to $1.15 million" reads as a change to a level:
                    # the bound goes on the end it names ("rose by between $944,000 and up to $1.15 million"), in the
                    # words that measure a distance (style ``after_verb``: "between more than $1.2 million and ...")
                    said = said_as.get(said, said)
                    low_text, high_text = (f"{said} {low_text}", high_text) if whole_kind == "floor" else (low_text, f"{said} {high_text}")
                    return f"{words.get('between', 'between')} {low_text} {words.get('and', 'and')} {high_text}"
                return f"{said} {opener}{_rate_once(low_text, fact.unit)} {joiner} {high_text}"
            return (f"{opener}{_rate_once(end(fact.range[0], lo_h, ranged=True, finer=finer), fact.unit)} {joiner} "
                    f"{end(fact.range[1], hi_h, ranged=True, finer=finer, written=far)}")
        hedge = fact.hedge if not isinstance(fact.hedge, tuple) else None
        said, kind = _hedge_words(hedge, said_as)
        if fact.lower_bound and said and not kind:
            # a sampled feed's floor on the source's approximate figure: both, as given ("at least around 10,000 yen"),
            # the number rounded down as under any floor; the check reads the pair as the floor (figures._bound_before)
            return f"{words.get('at_least', 'at least')} {said} {one(fact.value, floor=True).text}"
        return end(fact.value, hedge)

    def fig(self, ref, role: str = "value", covered: bool = False) -> str:
        """A figure; ``covered=True`` when the template words the caveat itself (the self-check still verifies it)."""
        fact = self.fact_of(ref)
        if self.section in HEADLINE_SECTIONS and not fact.status.headline_safe:
            raise TemplateMisuse(f"fact {fact.id!r} is {fact.status.value}: it may not appear in the {self.section}")
        if role not in ("value", "level", "band", "magnitude", "plain"):
            raise TemplateMisuse(f"unknown figure role {role!r}")
        if role == "level" and fact.price_level is None or role == "band" and fact.price_band is None:
            raise TemplateMisuse(f"fact {fact.id!r} has no price {role}")
        span = Span("fig", self.formatted(fact, role=role), (attribution_key(fact),), fact, status=fact.status.value, sources=fact.sources)
        span.ref = "covered" if covered else ""
        token = self._token(span)
        return token + self._average(fact, role, span.ref)

    def counted(self, ref, noun: str) -> str:
        """A count and the noun it counts: "12,400 accounts", "tens of thousands of accounts" (a plural magnitude
        takes "of" before its noun, "several thousand accounts" does not)."""
        fact = self.fact_of(ref)
        of = " of" if fact.magnitude is not None and fact.magnitude.words.endswith("s") else ""
        return f"{self.fig(ref)}{of} {noun}"

    def change(self, ref, rise: str = "rose", fall: str = "fell", over: bool = False, verb: bool = True) -> str:
        """A change in words: "fell 3.4%" / "rose 2%"; a flow "saw net outflows of $133 million"; a change
        with no single direction "moved by" its signed range. A fact's own ``change:`` word decides the verb.
        ``over``: its window follows the change, before its two ends ("fell 3.6% over the past 24 hours, from ...").
        ``verb=False``: a rise or fall without its verb, for the next change of a list whose verb is said already
        ("rose about 48% over 7 days and about 16% over 24 hours"); a flow or a change with no direction keeps it."""
        when = " " + self.over(ref) if over and self.fact_of(ref).span else ""
        return self._change(ref, rise, fall, verb) + when + self._ends(ref)

    def _change(self, ref, rise: str, fall: str, verb: bool = True) -> str:
        fact = self.fact_of(ref)
        lo, hi = fact.bounds or (0.0, 0.0)
        if not verb and fact.change in ("rise", "fall", None) and fact.metric == "price_change" and (fact.change or hi < 0 or lo > 0):
            return self._after_verb(self.fig(ref, "plain" if fact.change else "magnitude"))
        if fact.change in ("inflow", "outflow"):
            verb = self.style.names.get("flows", {}).get(fact.change, _FLOW_VERBS[fact.change])
            return self._token(Span("text", [Piece("lit", verb)])) + " " + self.fig(ref, "plain")
        if fact.change in ("rise", "fall"):
            verb = rise if fact.change == "rise" else fall
            return self._token(Span("text", [Piece("lit", self._verb_by(verb, fact))])) + " " + self._after_verb(self.fig(ref, "plain"))
        if hi < 0 or lo > 0:
            verb = fall if hi < 0 else rise
            return self._token(Span("text", [Piece("lit", self._verb_by(verb, fact))])) + " " + self._after_verb(self.fig(ref, "magnitude"))
        return self._token(Span("text", [Piece("lit", "moved by")])) + " " + self.fig(ref)

    def _verb_by(self, verb: str, fact: Fact) -> str:
        """"fell 3.4%" and "bitcoin fell $85", but "fell by 554" and "open interest fell by $2 billion": a bare count
        or amount after a verb of change reads as where the figure went, not how far (style ``names.words.by``)."""
        if fact.unit in _BY_LESS_UNITS or fact.metric == "price_change":  # "bitcoin fell $1,000": a price moves in money
            return verb
        return f"{verb} {self.style.names.get('words', {}).get('by', 'by')}"

    def _after_verb(self, token: str) -> str:
        """A change's own bound after its verb in words that measure a distance: "fell more than 20%", never
        "fell over 20% over 24 hours" (style ``names.after_verb``; both are bound words the check reads)."""
        words = self.style.names.get("after_verb", {})
        m = TOKEN_RE.match(token)
        if not words or m is None:
            return token
        span = self.spans[span_index(m)]
        for j, p in enumerate(span.pieces):
            if p.text.strip():
                for bound, said in words.items():
                    if p.text.startswith(bound + " "):
                        span.pieces[j] = Piece(p.kind, said + p.text[len(bound):], p.role)
                        break
                break
        return token

    def _ends(self, ref) -> str:
        """The two figures a change runs between, in time order, once per article: ", from 300,000, at
        the start of its growth in 2025, to 1.4 million" (each end with its own note and caveat)."""
        start, end = getattr(ref, "start", None), getattr(ref, "end", None)
        if end is None or ref.id in self.ended:
            return ""
        self.ended.add(ref.id)
        words = self.style.names.get("words", {})
        if start is None:  # a change that names only where it ended: "fell 5% to $90,000"
            out = self._token(Span("text", [Piece("lit", " " + words.get("to", "to") + " ")])) + self.fig(end)
            return out + (", " + self.note(end) if end.has_note else "")
        if _close(start._fact, end._fact, self.style.significant_figures):
            # "from about 2,610 to about 2,570": each "about" also fits the other end, so a reader cannot tell
            # which figure is which; printed in full ("from 2,614 to 2,574") they can only be read one way.
            self.fine.update((start.id, end.id))
            figs = _figures_apart(start._fact, end._fact)
            if figs > FINE_FIGURES:  # 2,000,000 and 1,999,999 print alike to six figures: "from 2 million to 1.999999 million"
                self.fine_figs.update({start.id: figs, end.id: figs})
        out = self._token(Span("text", [Piece("lit", ", " + words.get("from", "from") + " ")])) + self.fig(start)
        if start.has_note:
            out += ", " + self.note(start) + ","
        out += self._token(Span("text", [Piece("lit", " " + words.get("to", "to") + " ")])) + self.fig(end)
        if end.has_note:
            out += ", " + self.note(end)
        return out

    def statement(self, ref, lead: bool = True) -> str:
        """A statement without a number (which side, asset or venue bore the losses), with its provenance:
        "according to a single source, CoinGlass, the heaviest losses fell on long positions (its words:
        “the vast majority”)". The source's reading is quoted, so any wording of it stays grammatical.
        ``lead=False``: the sentence before has named the same report ("The same reporting also says ...:")."""
        fact = self.fact_of(ref)
        words = self.style.names.get("words", {})
        who: list[Piece] = []
        if fact.side:
            who.append(Piece("lit", self.style.names.get("sides", {}).get(fact.side, fact.side) + " positions"))
        assets = self.style.names.get("assets", {})  # the asset as the draft names it elsewhere ("ether", not "ETH")
        if fact.asset:
            who += ([Piece("lit", " in ")] if who else [Piece("lit", "positions in ")]) + [Piece("text", assets.get(fact.asset, fact.asset))]
        elif fact.assets:  # several assets said together ("positions in bitcoin and ether"): named, never dropped
            who += ([Piece("lit", " in ")] if who else [Piece("lit", "positions in ")]) + [Piece("text", join_names([assets.get(a, a) for a in fact.assets], self.style))]
        if fact.venue:
            who += ([Piece("lit", " on ")] if who else []) + [Piece("text", self.event.source_name(fact.venue))]
        pieces = self.phrase(self.style.leads, caveat_kind(fact), fact.sources, fact=None, slot="statement") if lead else []
        reading = (fact.reading or "").strip().rstrip(".")
        if who and _names_a_part(reading, self.style.names):
            # the source's words name how much ("the overwhelming majority", "most of the positions"): they are what
            # the part accounted for, told as such, never recast as where the heaviest losses fell; the quoted words told
            # as the source's own ("accounted for what it calls “the largest allocation”"), not as a patch in our sentence
            calls = words.get("what_they_call" if lead and len(fact.sources) > 1 else "what_it_calls", "what it calls")
            pieces += [Piece("lit", " " if lead else "")] + who + [Piece("lit", " " + words.get("accounted_for", "accounted for") + " " + calls + " \u201c"),
                                                                    Piece("text", reading), Piece("lit", "\u201d")]
            if not _reading_has_whole(reading, self.style.names):
                pieces.append(Piece("lit", " " + words.get("of_the_liquidations", "of the liquidations")))
            return self._token(Span("text", pieces, ref=fact.id, status=fact.status.value, sources=fact.sources))
        if who:
            pieces += [Piece("lit", (" " if lead else "") + words.get("losses_fell_on", "the heaviest losses fell on") + " ")] + who
        else:  # no part named (view keeps such a statement only with the source's words): what a dominance says
            pieces += [Piece("lit", (" " if lead else "") + words.get("losses_concentrated", "the losses were concentrated, not spread evenly"))]
        if fact.reading:
            own = words.get("their_words" if len(fact.sources) > 1 else "its_words", "their words" if len(fact.sources) > 1 else "its words")
            pieces += [Piece("lit", f" ({own}: \u201c"), Piece("text", fact.reading.strip().rstrip(".")), Piece("lit", "\u201d)")]
        return self._token(Span("text", pieces, ref=fact.id, status=fact.status.value, sources=fact.sources))

    def reading(self, ref) -> str:
        """A source's reading in words beside its number ("Extreme Fear")."""
        return self._text(self.fact_of(ref).reading, "reading")

    def dated(self, ref) -> str:
        """The day a past figure was recorded, from its observations' own as_of ("19 May 2021"), "" without one: a
        comparison with an earlier episode says which episode ("the previous peak, on 19 May 2021, came to ...")."""
        fact = self.fact_of(ref)
        days = {o.as_of_date for o in fact.observations if getattr(o, "as_of_date", None) is not None}
        if len(days) != 1:
            return ""
        return self._token(Span("text", [Piece("qual", _when(None, days.pop()))]))

    def revised(self, ref) -> str:
        """What changed in a figure since its source first published it, with the times: "CoinGlass first
        published a lower figure (08:00 UTC on 24 November) and revised it upwards (11:30 UTC on 24 November)"."""
        fact = self.fact_of(ref)
        found = [(o, o.revisions[0]) for o in fact.observations if o.revisions]
        if not found:
            raise TemplateMisuse(f"fact {fact.id!r} has no revision (test f.revised)")
        obs, first = found[0]
        words = self.style.names.get("revisions", {})
        old_mid = sum(first.range) / 2 if first.range else first.value
        new_mid = sum(obs.bounds) / 2 if obs.has_number else None
        direction = ""
        if old_mid is not None and new_mid is not None and old_mid != new_mid:
            direction = "up" if new_mid > old_mid else "down"
        pieces = [Piece("text", self.event.source_name(obs.source)), Piece("lit", " " + words.get("first", "first published"))]
        earlier = {"up": "a lower figure", "down": "a higher figure"}.get(direction, "a different figure")
        pieces.append(Piece("lit", " " + words.get(f"earlier_{direction or 'other'}", earlier)))
        when = _when(first.as_of, first.as_of_date)
        if when:
            pieces += [Piece("lit", " ("), Piece("qual", when), Piece("lit", ")")]
        pieces.append(Piece("lit", " " + words.get("then", "and then revised it") + (" " + words.get(direction, {"up": "upwards", "down": "downwards"}[direction]) if direction else "")))
        when = _when(obs.as_of, obs.as_of_date)
        if when:
            pieces += [Piece("lit", " ("), Piece("qual", when), Piece("lit", ")")]
        if first.note:
            pieces += [Piece("lit", "; " + words.get("note", "its note on the earlier figure") + ": "), Piece("text", first.note.strip().rstrip("."))]
        return self._token(Span("text", pieces, ref=fact.id))

    def crossed(self, ref) -> str:
        """A level a price rose above or fell below: "$96,000", and "a level of about 0.328 rubles" or "a level
        close to $64,100" when the figure carries a word of its own ("fell below about 0.328 rubles" stacks two)."""
        fact = self.fact_of(ref)
        printed = self.formatted(fact)[0].text
        if printed[:1].isalpha():
            words = self.style.names.get("words", {})
            article = words.get("a_level", "a level") if fact.hedge is not None else words.get("a_level_of", "a level of")
            return self._token(Span("text", [Piece("lit", article)])) + " " + self.fig(ref)
        return self.fig(ref)

    def level(self, ref) -> str:
        fact = self.fact_of(ref)
        return self.fig(ref, "band" if fact.price_level is None and fact.price_band is not None else "level")

    def lead(self, *refs) -> str:
        """A lead-in attribution ("according to a single source, CoinAnk,") covering the figures given."""
        if not refs:
            raise TemplateMisuse("lead() needs at least one figure or context item")
        first = refs[0]
        if isinstance(first, ContextRef):
            item = first._item
            kind, sources = item.status.value, item.sources
        elif isinstance(first, QuoteRef):
            q = first._quote
            kind, sources = q.status.value, ((q.source,) if q.source else ())
        else:
            fact = self.fact_of(first)
            kind, sources = caveat_kind(fact), fact.sources
        # The phrase names the first item's sources and status, so it covers only the figures that
        # share them; the others keep their own caveat (placed by the assembler).
        keys = (attribution_key(self.fact_of(first)),) if isinstance(first, FigureRef) else ()
        # a headline's own lead where the style has one for the status: "single-source data from X show", never
        # the appositive "in figures from a single source, X" a body sentence can carry
        fact = first._fact if isinstance(first, FigureRef) else None
        opening = None
        if self.section == "headline" and kind in self.style.headline_leads:
            # the body form too, for a headline that opens with its attribution (assemble._polish picks it there);
            # worked out without recording it, so later leads pick their variants as they would without it
            opening = self.phrase(self.style.leads, kind, sources, fact=fact, slot="lead", record=False)
            table = self.style.headline_leads
        else:
            table = self.style.leads
        pieces = self.phrase(table, kind, sources, fact=fact, slot="lead")
        span = Span("lead", pieces, keys, status=kind, sources=tuple(sources))
        span.opening = opening
        return self._token(span)

    def ours(self, *refs, aside: bool = False, named: bool = False) -> str:
        """A lead-in for a comparison the desk works out from the figures given and prints in words ("more
        than a third of the market-wide total"): the check reads such a share as a figure, so it carries
        whose calculation it is and from whose figures, worded as a derived figure of the weakest status
        of its inputs ("by our calculation from CoinGlass's single-source figures,"). ``aside``: the
        parenthetical form, after the share ("(by our calculation from CoinGlass's figures)"). ``named``: every
        input is printed, attributed, in the same sentence or the one before it, so the phrase says only
        whose calculation it is (style ``derived_named``): naming the sources again would repeat them, and
        two inputs of different sources named in one clause would read as one figure's sources."""
        facts = [self.fact_of(r) for r in refs if r is not None]
        if not facts:
            raise TemplateMisuse("ours() needs the figures the comparison is worked out from")
        table = self.style.caveats if aside else self.style.leads
        if named:
            return self._token(Span("lead", self.ours_named(aside), (), status="derived"))
        status = weakest(f.status for f in facts)
        kind = "derived_estimate" if status is Status.ESTIMATE else f"derived_{status.value}"
        sources = tuple(dict.fromkeys(s for f in facts for s in f.sources))
        lean = next((f for f in facts if f.status is status), facts[0])
        pieces = self.phrase(table, kind, sources, fact=lean, slot="caveat" if aside else "lead")
        # "ours-lead"/"ours-aside": told in full once per article; later ones say only whose calculation it is
        # (assemble.resolve, which sees the article in print order)
        return self._token(Span("lead", pieces, (), status=kind, sources=sources, ref="ours-aside" if aside else "ours-lead"))

    def ours_named(self, aside: bool) -> list[Piece]:
        """Whose calculation it is, and no more (style ``derived_named``): "(by our own calculation)"."""
        table = self.style.caveats if aside else self.style.leads
        options = table["derived_named"]
        n = self.counters.get(("ours", aside), 0)
        self.counters[("ours", aside)] = n + 1
        return [Piece("lit", options[choose(self.event.id, f"ours:{aside}:{n}", len(options))], "caveat")]

    def phrase(self, table: dict, kind: str, sources, *, fact: Fact | None, slot: str, record: bool = True) -> list[Piece]:
        """A caveat or lead phrasing with its placeholders filled; fact-file text stays marked for escaping.
        ``record=False``: the phrasing is worked out without counting it as said (neither the variant counters
        nor the "said again" set move), for a form that may never be printed."""
        if kind not in table and kind.startswith("derived_"):
            kind = "derived"
        if kind not in table:
            kind = "single_source" if len(sources) <= 1 else "multi_source"
        registry = self.event.registry.sources
        if sources and kind in ("single_source", "multi_source") and "unnamed_group" in table and all(
            getattr(registry.get(s), "group", False) for s in sources
        ):
            kind = "unnamed_group"  # an unnamed group is plural and nameless: never "a single source"
        if len(sources) == 1 and f"{kind}_described" in table and getattr(registry.get(sources[0]), "is_described", False):
            kind = f"{kind}_described"  # "according to a single unnamed report", never "a single source, an unnamed report"
        if not sources and f"{kind}_unsourced" in table:
            kind = f"{kind}_unsourced"  # no source to name: a phrasing that does not leave an empty slot
        elif not sources:
            raise TemplateMisuse(f"no source to name for a {kind} item, and the style has no '{kind}_unsourced' phrasing")
        options = table[kind]
        said = (id(table), kind, tuple(sources), fact.note if fact is not None else None)
        if said in self.said and f"{kind}_again" in table:
            options = table[f"{kind}_again"]  # the same source's caveat again: its method was given the first time
        n = self.counters.get((slot, kind), 0)
        if record:
            self.said.add(said)
            self.counters[(slot, kind)] = n + 1
        text = options[choose(self.event.id, f"{slot}:{kind}:{n}", len(options))]
        if kind.endswith("unnamed_group"):  # "Bybit and public data, not named individually": the group last
            sources = sorted(sources, key=lambda s: bool(getattr(registry.get(s), "group", False)))
        names = [self.event.source_name(s) for s in sources]
        values = {  # each filled only where the phrasing names it (most name one)
            "sources": lambda: [Piece("text", join_names(names, self.style))],
            "single": lambda: [Piece("text", join_names([registry[s].single_name if s in registry else n for s, n in zip(sources, names)], self.style))],
            "possessive": lambda: [Piece("text", join_names([nm + ("'" if nm.endswith("s") and " " in nm else "'s") for nm in names], self.style))],
            "basis": lambda: self.basis(fact, names),
            "modelled": lambda: [Piece("lit", self._by(fact) + " ", "caveat"), Piece("text", join_names(names, self.style))],
        }
        pieces: list[Piece] = []
        for literal, name in _placeholders(text):
            if literal:
                pieces.append(Piece("lit", literal, "caveat"))
            if name is not None:
                pieces.extend(values[name]() if name in values else [Piece("lit", "{" + name + "}", "caveat")])
        if fact is not None and (fact.worded or fact.relayed) and not kind.startswith("derived"):
            pieces = self._credit_tail(pieces, fact, sources, record, _names_end(text))
        return pieces

    def _credit_tail(self, pieces: list[Piece], fact: Fact, sources, record: bool, named_at: int | None = None) -> list[Piece]:
        """A credit's relay and its words-only sources, inside its closing comma or parenthesis: "according to a single
        source, CoinGlass, as cited by Bloomberg (CoinAnk gave no figure: “a similar sum”)," / "(single-source data
        from CoinGlass, as cited by Bloomberg; CoinAnk gave no figure: “a similar sum”)". A relay of some of the
        credit's sources only names whose figure it relayed, as an aside: "in data from CoinGlass and CoinAnk
        (CoinGlass's as cited by Bloomberg),". A credit with neither closing mark (a headline's "... data from CoinGlass
        show") is left as it is: the relay and the words are the body's. The words are told once per article, with the
        figure's first credit. ``named_at``: where the names end in ``pieces``, when words follow them (a method note):
        a relay of every source goes right after the names."""
        last = pieces[-1].text if pieces else ""
        close = last[-1:] if last.endswith((",", ")")) else ""
        if not close or self.section == "headline":
            return pieces
        words = self.style.names.get("words", {})
        inline: list[Piece] = []
        asides: list[list[Piece]] = []
        relays = fact.relays(sources)
        if relays:
            relay = [Piece("lit", f"{words.get('relayed_as', 'as')} {_relay_verb()} by ", "caveat"), Piece("text", self.src_names(relays))]
            relayed = [s for s in sources if any(o.via and o.source == s for o in fact.observations)]
            if len(relayed) == len(set(sources)):
                inline = [Piece("lit", ", ", "caveat"), *relay]
            else:  # whose figure the relay carried: never read as relaying every source named
                asides.append([Piece("text", join_names([self._possessive(s) for s in relayed], self.style)), Piece("lit", " ", "caveat"), *relay])
        told = self.counters.setdefault(("worded",), set())
        worded = [(sid, said) for sid, said in fact.worded if not _holds_figure(said)] if fact.id not in told else []
        if worded and record:
            told.add(fact.id)
        for sid, said in worded:
            asides.append([Piece("text", self.event.source_name(sid)), Piece("lit", f" {words.get('words_only', 'gave no figure')}: \u201c", "caveat"),
                           Piece("text", said.strip().rstrip(".")), Piece("lit", "\u201d", "caveat")])
        if not inline and not asides:
            return pieces
        if inline and named_at is not None and named_at < len(pieces):
            pieces = [*pieces[:named_at], *inline, *pieces[named_at:]]
            inline = []
        out = [*pieces[:-1], Piece(pieces[-1].kind, last[:-1], pieces[-1].role), *inline]
        for n, aside in enumerate(asides):
            out += [Piece("lit", (" (" if close == "," else "; ") if n == 0 else "; ", "caveat"), *aside]
        if asides and close == ",":
            out.append(Piece("lit", ")", "caveat"))
        return [*out, Piece("lit", close, "caveat")]

    def _possessive(self, source_id: str) -> str:
        name = self.event.source_name(source_id)
        return name + ("'" if name.endswith("s") and " " in name else "'s")

    def _by(self, fact: Fact | None) -> str:
        """"modelled by" a heat map's provider; plain "by" a person or firm estimating what already happened."""
        words = self.style.names.get("words", {})
        if fact is not None and fact.status is Status.ESTIMATE and not is_potential(fact):
            return words.get("estimated_by", "by")
        return words.get("modelled_by", "modelled by")

    def basis(self, fact: Fact | None, names: list[str]) -> list[Piece]:
        """What an estimate rests on: who modelled it, then the fact's own note on method when it has one."""
        pieces = [Piece("lit", self._by(fact) + " ", "caveat"), Piece("text", join_names(names, self.style))]
        if fact is not None and fact.note and fact.status is Status.ESTIMATE:
            pieces += [Piece("lit", ": ", "caveat"), Piece("text", fact.note.rstrip(". "))]
        return pieces

    def caveat_pieces(self, fact: Fact, *, headline: bool, named: bool = False) -> list[Piece]:
        """``named``: a computed figure in a sentence whose own lead already says "by our calculation from" the
        same sources' figures: its caveat says only whose calculation it is (style ``derived_named``), so one
        sentence never names the same providers twice for our arithmetic."""
        table = self.style.headline_caveats if headline else self.style.caveats
        if named and fact.is_derived and not headline:
            return self.ours_named(aside=True)
        return self.phrase(table, caveat_kind(fact), fact.sources, fact=fact, slot="headline" if headline else "caveat")

    def gap(self, ref) -> str:
        fact = self.fact_of(ref)
        if fact.status is not Status.UNAVAILABLE:
            raise TemplateMisuse(f"gap() is for unavailable figures; {fact.id!r} is {fact.status.value}")
        n = self.counters.get(("gap",), 0)
        self.counters[("gap",)] = n + 1
        options = self.style.phrases.get("gap_named") if getattr(ref, "told_elsewhere", False) else None
        options = options or self.style.gap  # a gap a context item already names and explains: no reason repeated
        text = options[choose(self.event.id, f"gap:{n}", len(options))]
        values = {"what": self.describe(fact), "reason": [Piece("text", (fact.reason or "").rstrip(". "))]}
        pieces: list[Piece] = []
        pos = 0
        for m in re.finditer(r"\{(\w+)\}", text):
            if m.start() > pos:
                pieces.append(Piece("lit", text[pos:m.start()], "caveat"))
            pieces.extend(values.get(m.group(1), []))
            pos = m.end()
        pieces.append(Piece("lit", text[pos:], "caveat"))
        return self._token(Span("gap", pieces, (), fact, status="unavailable", sources=fact.sources))

    # -- words about a figure --------------------------------------------------------

    def describe(self, fact: Fact, windowed: bool = True) -> list[Piece]:
        """A noun phrase for a figure ("long liquidations over 24 hours"), for gap sentences and what()."""
        names = self.style.names
        if fact.label:
            return [Piece("text", fact.label)] + self._apart(fact)
        attributed = names.get("attributed", {}).get(fact.metric)
        if fact.subject and attributed and not names_quantity(fact):
            # "the loss attributed to a whale": a noun phrase whatever the subject (one trader, two funds, a handle),
            # with the asset, venue and window that tell it from another such figure ("... in BTC over 60 minutes";
            # without them a reader, and the check, takes the window or asset of the sentence beside it).
            return [Piece("lit", attributed + " "), Piece("text", fact.subject)] + self._qualifiers(fact, asset_word=" in ")
        if fact.subject and (fact.metric in SUBJECT_NAMES_FIGURE or names_quantity(fact)):
            # A subject that names the figure itself ("the GMCI 30 index"); its window goes beside the figure (FigureRef.window_unsaid),
            # its venue follows it (a subject may name another venue: "HTX's insurance fund on Binance").
            venue = [Piece("lit", " on "), Piece("text", self.event.source_name(fact.venue))] if self._venue_unsaid(fact) else []
            if fact.venues and self._venues_unsaid(fact):  # "... on each of Binance and OKX": never the venues dropped
                # (a subject that says "each" already gives the venues plainly: "... each exchange publishes on Binance and OKX")
                each = fact.each and re.search(r"\beach\b", fact.subject, re.IGNORECASE) is None
                venue = [Piece("lit", self._each(" on ", fact) if each else " on "),
                         Piece("text", join_names([self.event.source_name(v) for v in fact.venues], self.style))]
            return [Piece("text", fact.subject)] + self._apart(fact, "subject", venue=False) + venue
        noun = names.get("metrics", {}).get(fact.metric, fact.metric.replace("_", " "))
        if not (fact.side or fact.asset or fact.assets):
            noun = noun.replace(_SLOT, "")
        parts: list[Piece] = []
        if fact.side:
            parts.append(Piece("lit", names.get("sides", {}).get(fact.side, fact.side) + " "))
        if fact.asset:
            parts += [Piece("text", fact.asset), Piece("lit", " ")]
        elif fact.assets and not fact.each:  # several assets counted together: "BTC and ETH liquidations"
            parts += [Piece("text", join_names(list(fact.assets), self.style)), Piece("lit", " ")]
        if parts and _SLOT in noun:
            # the noun says where they go: "the largest single {}liquidation" -> "the largest single long BTC liquidation"
            head, rest = noun.split(_SLOT, 1)
            parts = [Piece("lit", head)] + parts + [Piece("lit", rest.replace(_SLOT, ""))]
        elif parts and noun.startswith("the "):
            # "the number of SOL users", "the change in BTC open interest": the side and asset go inside the
            # noun's own "of"/"in", never before it ("the SOL number of users").
            head, rest = _inner(noun)
            parts = [Piece("lit", head)] + parts + [Piece("lit", rest)]
        else:
            parts.append(Piece("lit", noun))
        if fact.venue and fact.contract:
            # "on the LINK-USDT contract on Binance": never "on Binance's LINK-USDT contract", whose possessive the check
            # reads as the exchange's own credit (a second source in a run of figures that another sentence credits)
            parts += [Piece("lit", " on the "), Piece("text", fact.contract), Piece("lit", " contract on "),
                      Piece("text", self.event.source_name(fact.venue))]
        elif fact.venue:
            parts += [Piece("lit", " on "), Piece("text", self.event.source_name(fact.venue))]
        elif fact.venues:  # counted together ("on Binance and OKX"), or one by one ("on each of Binance and OKX")
            parts += [Piece("lit", self._each(" on ", fact)), Piece("text", join_names([self.event.source_name(v) for v in fact.venues], self.style))]
        elif fact.contract:
            parts += [Piece("lit", " on the "), Piece("text", fact.contract), Piece("lit", " contract")]
        if fact.assets and fact.each:  # "the share of open interest for each of BTC and ETH"
            parts += [Piece("lit", self._each(" for ", fact)), Piece("text", join_names(list(fact.assets), self.style))]
        if fact.subject:
            parts += [Piece("lit", " for "), Piece("text", fact.subject)]
        if windowed:
            parts += span_pieces(fact, self.style)
        return parts

    def _each(self, before: str, fact: Fact) -> str:
        """" on " for venues counted together; " on each of " for a figure that holds for each of them (`each: true`)."""
        return before + self.style.names.get("words", {}).get("each_of", "each of") + " " if fact.each else before

    def _apart(self, fact: Fact, key: str = "label", venue: bool = True) -> list[Piece]:
        """What tells a labelled figure from another figure of the event with the same label ("liquidations on the
        main perpetual" for BTC and for ETH), or a figure its subject names from another so named ("two funds" for
        ETH and for XRP): its side, asset and venue where a twin's differ ("... for BTC on HTX"); its window is
        printed beside the figure (FigureRef.window_unsaid). A label's venue is printed whenever the label does not
        name it ("liquidations on the main perpetual on Hyperliquid"): words naming no venue describe a figure of none
        to a reader and to the check (writer/check/linking.py ``_score``), which another fact of the same value may be."""
        own = getattr(fact, key).casefold()
        twins = [f for f in self.event.facts.values() if f.id != fact.id and (getattr(f, key) or "").casefold() == own
                 and (key == "label" or (not f.label and (f.metric in SUBJECT_NAMES_FIGURE or names_quantity(f))))]
        parts: list[Piece] = []
        side = bool(fact.side) and any(t.side != fact.side for t in twins)
        asset = bool(fact.asset) and any(t.asset != fact.asset for t in twins)
        if side or asset:  # " for BTC", " for long positions", " for long BTC positions"
            parts.append(Piece("lit", " for " + (self.style.names.get("sides", {}).get(fact.side, fact.side) + " " if side else "")))
            if asset:
                parts.append(Piece("text", fact.asset))
            if side:
                parts.append(Piece("lit", (" " if asset else "") + "positions"))
        if venue and fact.venue and (any(t.venue != fact.venue for t in twins) or key == "label" and self._venue_unsaid(fact, fact.label)):
            parts += [Piece("lit", " on "), Piece("text", self.event.source_name(fact.venue))]
        return parts

    def _qualifiers(self, fact: Fact, asset_word: str) -> list[Piece]:
        """The asset, venue and window a figure named by its subject still needs: " in BTC on Binance over 60 minutes"."""
        parts: list[Piece] = []
        if fact.asset:
            parts += [Piece("lit", asset_word), Piece("text", fact.asset)]
        if self._venue_unsaid(fact):
            parts += [Piece("lit", " on "), Piece("text", self.event.source_name(fact.venue))]
        return parts + span_pieces(fact, self.style)

    def _venue_unsaid(self, fact: Fact, words: str | None = None) -> bool:
        """Does the figure's venue still need saying after its subject (or ``words``, its label)? Not when they name it
        already ("the outage at Binance", never "the outage at Binance on Binance")."""
        if not fact.venue:
            return False
        subject = ((fact.subject if words is None else words) or "").casefold()
        return not any(re.search(rf"\b{re.escape(n.casefold())}\b", subject) for n in self._names_of((fact.venue,)))

    def _venues_unsaid(self, fact: Fact) -> bool:
        """Do the figure's venues (``venues:``) still need saying after its subject? Not when it names any of them."""
        subject = (fact.subject or "").casefold()
        return not any(re.search(rf"\b{re.escape(n.casefold())}\b", subject) for n in self._names_of(fact.venues))

    def what(self, ref, base: bool = False) -> str:
        """The figure described; ``base=True`` names what a change measures ("open interest", not "the change in open interest")."""
        fact = self.fact_of(ref)
        if base and fact.metric.endswith("_change") and not fact.label:
            fact = replace(fact, metric=fact.metric.removesuffix("_change"))
        # what a change measures goes without its window, which follows the change: "open interest fell by
        # $2 billion over the past 24 hours", never "open interest over 24 hours fell by $2 billion"
        pieces = self.describe(fact, windowed=not base)
        if any(p.kind == "text" and ", " in p.text for p in pieces):
            # the fact file's words hold an aside ("U.S. spot ether ETFs, on their second trading day"): closed
            # before the verb; the assembler drops the comma before punctuation (_polish)
            pieces.append(Piece("lit", ","))
        if fact.window and fact.window_hedge is None and any(p.kind == "qual" and p.text == window_words(fact.window, self.style) for p in pieces):
            self.windows[len(self.spans)] = fact.window  # "liquidations on Bybit over 24 hours" prints its window
        return self._token(Span("text", pieces))

    def agree(self, ref, one: str, many: str) -> str:
        """``one`` or ``many``, whichever agrees with what the figure is called (``what``); "" when the words do not
        say (a subject or label such as "ETFs" or "Futures" that may be one name or many things): the template then
        words the sentence so that no verb has to agree ("the figure for ... is")."""
        number = self.number(self.fact_of(ref))
        return one if number == ONE else many if number == MANY else ""

    def number(self, fact: Fact) -> str:
        """The grammatical number of ``describe(fact)``'s head (writer/draft/agreement.py)."""
        names = self.style.names
        if fact.label:
            return number_of(fact.label, names=self._spellings())
        if fact.subject and fact.metric in names.get("attributed", {}) and not names_quantity(fact):
            return number_of(names["attributed"][fact.metric], own_words=True)  # "the loss attributed to ..."
        if fact.subject and (fact.metric in SUBJECT_NAMES_FIGURE or names_quantity(fact)):
            return number_of(fact.subject, names=self._spellings())
        return number_of(names.get("metrics", {}).get(fact.metric, fact.metric.replace("_", " ")).replace(_SLOT, ""), own_words=True)

    def _spellings(self) -> frozenset[str]:
        if self._names is None:
            self._names = frozenset(n.casefold() for s in self.event.registry.sources.values() for n in s.names)
        return self._names

    def window(self, ref, adj: bool = False) -> str:
        """The figure's window in words: "24 hours", or "24-hour" before a noun. The window's length alone, for the
        desk's words about the window ("over a window of 24 hours"): a figure's own words print the source's bound on
        it (``over``, ``within``, ``describe``: "in less than 24 hours"), which "a window as short as ..." would misread."""
        fact = self.fact_of(ref)
        if not fact.window:
            if adj:
                return ""  # "total 24-hour liquidations" becomes "total liquidations"
            if fact.span is not None:  # a running total or a calendar year as a window: "over the year so far", "over 2021"
                said = str(fact.year) if fact.year is not None else self.style.names.get("to_date_window", {}).get(fact.to_date.value)
                return self._token(Span("text", [Piece("qual", said or f"the {fact.to_date.value} so far")]))
            raise TemplateMisuse(f"fact {fact.id!r} has no window (test f.has_window, or use over()/within())")
        words = window_words(fact.window, self.style)
        if fact.window_hedge is None:
            self.windows[len(self.spans)] = fact.window  # (a bounded window is no second name of an unbounded one's length)
        if adj:
            n, unit = words.split(" ", 1)
            words = f"{n}-{unit[:-1] if unit.endswith('s') else unit}"
        return self._token(Span("text", [Piece("qual", words)]))

    def over(self, ref) -> str:
        """"over the past 24 hours", or "during the event" for a figure without a window."""
        return self._phrase_window(ref, "over_the_past", "during_the_event")

    def within(self, ref) -> str:
        """"in 24 hours", or "during the event" for a figure without a window."""
        return self._phrase_window(ref, "in", "during_the_event")

    def _phrase_window(self, ref, lead_word: str, fallback: str) -> str:
        fact = self.fact_of(ref)
        words = self.style.names.get("words", {})
        if fact.span is None:
            return self._token(Span("text", [Piece("lit", words.get(fallback, "during the event"))]))
        if fact.window is None or fact.window_hedge is not None:  # "so far this year", "in 2021", "in less than 24 hours"
            before, said = span_words(fact, self.style)
            return self._token(Span("text", ([Piece("lit", before + " ")] if before else []) + [Piece("qual", said)]))
        phrase = window_words(fact.window, self.style)
        one = self.style.names.get("one", "one") + " "
        if lead_word == "over_the_past" and phrase.startswith(one):
            phrase = phrase[len(one):]  # "over the past day", not "over the past one day"
        self.windows[len(self.spans)] = fact.window
        return self._token(Span("text", [Piece("lit", words.get(lead_word, lead_word.replace("_", " ")) + " "),
                                         Piece("qual", phrase)]))

    def ctx(self, ref) -> str:
        """A context item as a clause with its caveat: the desk's words, then who says so and how sure."""
        if not isinstance(ref, ContextRef):
            raise TemplateMisuse("ctx() needs a context item")
        item = ref._item
        if self.section in HEADLINE_SECTIONS and ref.unverified:
            raise TemplateMisuse(f"context {item.id!r} is {ref.status}: it may not appear in the {self.section}")
        text = item.text.rstrip(". ")
        out, pos = [], 0
        for start, end, level in self._levels_in(text, ref):
            # a price level the item tells (view._mark_context_levels): printed as that figure, so it keeps its provenance
            if start > pos:
                out.append(self._token(Span("text", _spaced(text[pos:start]), ref=ref.id, status=ref.status, sources=tuple(item.sources))))
            out.append(self.fig(level, covered=True))
            pos = end
        pieces = _spaced(text[pos:]) if pos < len(text) else []
        if getattr(item, "window", None):  # the span the claim covers: "funding stayed negative over 12 hours"
            pieces += [Piece("lit", " " + self.style.names.get("words", {}).get("over", "over") + " "), Piece("qual", window_words(item.window, self.style))]
        caveat = []
        if not out and item.sources and _credit_reaches_back_short(text) and (ref.status or "single_source") in _CONTEXT_LEAD_KINDS:
            # a parenthesis right after the last of several figures credits that figure alone (the check's
            # ``own_attributed``), and a lead-in before a name reads as a list of sources ("according to X, Binance
            # holds"): the item's lead-in follows it as a clause instead ("A holds 50%, B 8.8%, according to X")
            lead = self.phrase(self.style.leads, ref.status or "single_source", item.sources, fact=None, slot="context")
            *head, last = lead
            tail = [*head, replace(last, text=last.text.rstrip().removesuffix(","))]
            return self._token(Span("text", pieces + [Piece("lit", ", ")] + tail, ref=ref.id, status=ref.status, sources=tuple(item.sources)))
        if item.sources and (ref.status or "single_source") == "single_source" and _credits_itself(text, self._names_of(item.sources)):
            pass  # the desk's words already credit their one source ("..., according to Zhou"): no second credit in brackets
        elif item.sources or ref.status in self.style.caveats:
            caveat = [Piece("lit", " ")] + self.phrase(self.style.context_caveats, ref.status, item.sources, fact=None, slot="context")
        if not out:
            return self._token(Span("text", pieces + caveat, ref=ref.id, status=ref.status, sources=tuple(item.sources)))
        # the item's caveat covers the levels printed in it, as a lead covers its sentence's figures
        keys = tuple(dict.fromkeys(attribution_key(self.fact_of(level)) for level in ref.levels))
        out.append(self._token(Span("text", pieces, ref=ref.id, status=ref.status, sources=tuple(item.sources))))
        return "".join(out) + self._token(Span("lead", caveat, keys, status=ref.status, sources=tuple(item.sources)))

    def _names_of(self, source_ids) -> tuple[str, ...]:
        """Every spelling of the sources: display names and aliases from the registry."""
        out = []
        for sid in source_ids:
            source = self.event.registry.sources.get(sid)
            out += list(source.names) if source is not None else [sid]
        return tuple(out)

    def _levels_in(self, text: str, ref) -> list[tuple[int, int, FigureRef]]:
        """Where the item's text prints each level it tells, as the layer prints the figure ("$89,000"), in order."""
        found = []
        for level in getattr(ref, "levels", ()):
            printed = "".join(p.text for p in self.formatted(self.fact_of(level)))
            m = re.search(re.escape(printed) + r"(?![\d,.])", text)
            if m is None:
                raise TemplateMisuse(f"context {ref.id!r} does not print level {level.id!r} as {printed!r}")
            found.append((m.start(), m.end(), level))
        return sorted(found, key=lambda x: x[0])

    def _text(self, value: str | None, what: str, ref_id: str = "") -> str:
        if not value:
            raise TemplateMisuse(f"no {what} to print")
        return self._token(Span("text", [Piece("text", value)], ref=ref_id))

    def asset(self, ref) -> str:
        return self._text(self.fact_of(ref).asset, "asset")

    def asset_name(self, ref) -> str:
        code = self.fact_of(ref).asset
        return self._text(self.style.names.get("assets", {}).get(code, code), "asset")

    def asset_names(self, ref) -> str:
        """Several assets counted together, by name: "dogecoin and SHIB"."""
        names = self.style.names.get("assets", {})
        return self._text(join_names([names.get(a, a) for a in self.fact_of(ref).assets], self.style), "assets")

    def venue(self, ref) -> str:
        fact = self.fact_of(ref)
        if not fact.venue and fact.venues:  # several venues counted together: "Hyperliquid, Bybit and Binance"
            return self._text(join_names([self.event.source_name(v) for v in fact.venues], self.style), "venue")
        return self._text(self.event.source_name(fact.venue) if fact.venue else None, "venue")

    def among(self, ref) -> str:
        """Where a figure of several venues or assets holds, after its noun: " on Binance and OKX" (counted together),
        " on each of Binance and OKX" (`each: true`), " in each of BTC and ETH"; empty for a figure of one or none."""
        fact = self.fact_of(ref)
        if fact.venues:
            before, names = " on ", [self.event.source_name(v) for v in fact.venues]
        elif fact.assets:
            before, names = " in ", list(fact.assets)
        else:
            return ""
        return self._token(Span("text", [Piece("lit", self._each(before, fact)), Piece("text", join_names(names, self.style))]))

    def contract(self, ref) -> str:
        return self._text(self.fact_of(ref).contract, "contract")

    def subject(self, ref) -> str:
        """Who or what the figure is about; a subject holding an aside ("one wallet, the third-largest farmer") closes it
        with a comma, which the assembler drops before punctuation (_polish), as what() does."""
        subject = self.fact_of(ref).subject
        if subject and ", " in subject:
            return self._token(Span("text", [Piece("text", subject), Piece("lit", ",")]))
        return self._text(subject, "subject")

    def coverage(self, ref) -> str:
        return self._text(self.fact_of(ref).coverage, "coverage")

    def note(self, ref) -> str:
        """A figure's note; an estimate's note on method without the verb its attribution has just used
        ("modelled by Hyblock Capital (from a heat map)", never "(modelled from a heat map)")."""
        fact = self.fact_of(ref)
        return self._text(_without_verb(fact.note, self._by(fact)) if fact.status is Status.ESTIMATE else fact.note, "note")

    def src(self, ref) -> str:
        if isinstance(ref, FigureRef):
            sources = ref._fact.sources
        elif isinstance(ref, ContextRef):
            sources = ref._item.sources
        elif isinstance(ref, QuoteRef):
            sources = (ref._quote.source,) if ref._quote.source else ()
        elif isinstance(ref, (list, tuple)):
            sources = tuple(s for s in ref if isinstance(s, str))
        else:
            raise TemplateMisuse("src() needs a figure, context item, quote or a list of source ids")
        token = self._text(self.src_names(sources), "source")
        self.spans[-1].sources = tuple(sources)  # a sentence that names a source ends a run (assemble._runs)
        return token

    def text(self, ref) -> str:
        if not isinstance(ref, ContextRef):
            raise TemplateMisuse("text() needs a context item")
        return self._text(ref._item.text, "context text", ref.id)

    def speaker(self, ref) -> str:
        return self._text(ref._quote.speaker, "speaker", ref.id)

    def role(self, ref) -> str:
        return self._text(ref._quote.role, "role", ref.id)

    def channel(self, ref) -> str:
        return self._text(ref._quote.channel, "channel", ref.id)

    def words(self, ref) -> str:
        if not isinstance(ref, QuoteRef):
            raise TemplateMisuse("words() needs a quote")
        q = ref._quote
        if self.section in HEADLINE_SECTIONS and ref.unverified:
            raise TemplateMisuse(f"quote {q.id!r} is {q.status.value}: it may not appear in the {self.section}")
        if q.paraphrase:  # a view in the desk's words: attributed, never dressed as a verbatim quote
            said = q.words.strip().rstrip(".")
            if self._opening(ref) in ("lower", "that"):  # mid-sentence after "said that": "Leverage was ..." -> "leverage was ..."
                said = said[0].lower() + said[1:]
            return self._token(Span("text", [Piece("text", said)], ref=ref.id))
        said = q.words.strip().strip('"\u201c\u201d').rstrip()
        stop = [Piece("lit", ".")] if said.endswith(QUOTE_CUT_MARKS) else []  # "..., he said": the cut-off comma becomes a stop
        said = said[:-1] if stop else said
        return self._token(Span("text", [Piece("lit", "\u201c"), Piece("text", said), *stop, Piece("lit", "\u201d")], ref=ref.id))

    def said_that(self, ref) -> str:
        """What joins "said" to a paraphrase (printed by ``words``): " that" before words that run on in lower
        case or open with a name ("said that leverage was ...", "said that Binance ..."), nothing before their own
        "that", and a colon after "in substance" before any other capital ("said, in substance: Grayscale ..."):
        after a colon the paraphrase keeps its casing as given, whatever its first word is."""
        if not isinstance(ref, QuoteRef) or not ref.paraphrase:
            raise TemplateMisuse("said_that() needs a paraphrased quote")
        kind = self._opening(ref)
        return "" if kind == "that" else self.style.names.get("words", {}).get("in_substance", ", in substance:") if kind == "colon" else " that"

    def _opening(self, ref) -> str:
        """How a paraphrase opens after "said": "that" (its own "that"), "lower" (a first word on the house's closed
        list of ordinary openers: lower-cased), "keep" (no capital, an acronym, or a name the event knows: kept as
        it is) or "colon" (any other capital: kept, after a colon)."""
        said = ref._quote.words.strip()
        first = _FIRST_WORD.match(said)
        if ref.opens_with_that:
            return "that"
        if first is None or not said[:1].isupper():
            return "keep"
        word = first.group(0)
        if word.casefold() in self._openers():
            return "lower"
        if not word[1:].islower() or self._is_name(word):  # an acronym ("ETF", "CZ") or a name the event knows
            return "keep"
        return "colon"

    def _openers(self) -> frozenset[str]:
        """The closed list of ordinary words lowered after "said that" (style ``names.paraphrase_openers``)."""
        if self._opener_words is None:
            self._opener_words = frozenset(w.casefold() for w in self.style.names.get("paraphrase_openers", ()))
        return self._opener_words

    def _is_name(self, word: str) -> bool:
        """A name the event or the house knows: a source's spelling, an asset's ticker or name, a venue, a speaker,
        or a word the event's own texts write with a capital mid-sentence ("sold on Binance")."""
        low = word.casefold()
        assets = self.style.names.get("assets", {})
        if low in self._spellings() or low in {a.casefold() for a in (*assets, *assets.values())}:
            return True
        e = self.event
        texts = [getattr(c, "text", "") for c in (*e.context, *getattr(e, "caveats", ()))]
        texts += [x for q in e.quotes for x in (q.speaker, q.role or "", q.words)]
        texts += [x or "" for f in e.facts.values() for x in (f.subject, f.label, f.note, f.venue, f.asset)]
        return any(_mid_sentence(word, t) for t in texts if t and word in t)

    # -- house wording ----------------------------------------------------------------

    def same(self, a, b) -> bool:
        """Do two figures share their source and status (one attribution can cover both)?
        Templates use it to open a sentence with a lead-in only when the attribution changes."""
        if a is None or b is None:
            return False
        return attribution_key(self.fact_of(a)) == attribution_key(self.fact_of(b))

    def say(self, slot: str) -> str:
        options = self.style.phrases.get(slot)
        if not options:
            raise TemplateMisuse(f"no phrase {slot!r} in the style file")
        return options[choose(self.event.id, f"say:{slot}", len(options))]

    def pick(self, slot: str, n: int) -> int:
        return choose(self.event.id, f"pick:{slot}", int(n))

    def functions(self) -> dict:
        names = ("fig", "counted", "dated", "said_that", "crossed", "change", "statement", "reading", "revised", "level", "lead", "ours", "gap", "what", "agree", "window", "asset", "asset_name", "asset_names", "venue", "among", "contract", "subject",
                 "coverage", "note", "src", "text", "ctx", "over", "within", "speaker", "role", "channel", "words", "say", "pick", "same")
        return {n: getattr(self, n) for n in names}


_BARE_UNITS = ("count", "index", "ratio")
_MAGNITUDE_WORDS = (" thousand ", " million ", " billion ", " trillion ")


def _rate_once(low: str, unit: str) -> str:
    """A rate range's low end in a magnitude word gives its unit once, at the range's end ("close to 1 million to
    1.001 million per day"): the check reads "1 million per day to 1.001 million per day" as two figures when the
    ends are that close. A bare number keeps its words ("3 per day to 5 per day": "3 to 5 per day" reads as a count)."""
    if not unit.startswith("per_"):
        return low
    word = " " + TIME_UNIT_WORDS[unit][0]
    return low.removesuffix(word) if low.endswith(word) and any(m in low + " " for m in _MAGNITUDE_WORDS) else low
_SLOT = "{}"  # in a metric's noun (style names.metrics): where its side and asset go
_BY_LESS_UNITS = frozenset({"percent"})  # "fell 3.4%": a percentage moves without "by"
_DURATION_UNITS = {u: TIME_UNIT_WORDS[u][1] for u in ("days", "hours", "minutes")}  # a rate keeps its words on each end
_PRICE_METRICS = ("price_level", "support_level")
# Rates a desk quotes to the digits their publisher gives (a policy range of 5.25% to 5.5%, a 2.75% CPI print, a
# FedWatch 87.4%): rounded, they read as another decision or print, not as the same one approximately.
_AS_GIVEN_METRICS = frozenset({"policy_rate", "inflation_rate", "tariff_rate", "implied_probability"})
_PRICE_IN_FULL_BELOW = 10_000_000  # above this a "level" is a market value, not a coin's price


def _without_verb(note: str | None, by: str) -> str | None:
    """A note without a first word that repeats the attribution's verb ("modelled" after "modelled by"; either
    spelling), when words remain after it."""
    verb = by.removesuffix(" by").replace("ll", "l").casefold()
    head, _, rest = (note or "").partition(" ")
    return rest.lstrip() if verb and verb != by.casefold() and rest.strip() and head.replace("ll", "l").casefold() == verb else note


def _spaced(chunk: str) -> list[Piece]:
    """A piece of fact-file text between two figures, its edge spaces kept as literals (escaping trims text)."""
    core = chunk.strip()
    head, tail = chunk[:len(chunk) - len(chunk.lstrip())], chunk[len(chunk.rstrip()):]
    return [p for p in (Piece("lit", head), Piece("text", core), Piece("lit", tail)) if p.text] if core else [Piece("lit", chunk)]


_FIRST_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# A number as a context item's text prints it: digits, maybe a currency sign before and a percent sign or a scale
# word after ("$2 trillion", "8.8%", "0.25%").
_TEXT_NUMBER = re.compile(r"[$€£]?\d[\d,]*(?:\.\d+)?(?:\s?%|\s(?:thousand|million|billion|trillion)\b)?")
# What makes a number in an item's text no figure the check links: a clock time ("21:36") or a month's day ("October 10").
_NOT_A_FIGURE = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s$")
# Statuses whose lead-in (style ``leads``) names who says so without a modelling basis to fill.
_CONTEXT_LEAD_KINDS = frozenset({"single_source", "multi_source", "official", "unnamed_group", "disputed",
                                 "pending_verification", "rumor"})


def _credits_itself(text: str, names: tuple[str, ...]) -> bool:
    """Do a context item's own words credit one of its sources by name ("..., according to Zhou", "Zhou says ...")?"""
    for name in names:
        n = re.escape(name)
        if re.search(rf"\baccording to (?:the )?{n}\b|\b{n}(?:'s)? (?:said|says|reported|reports|estimated|estimates)\b", text):
            return True
    return False


def _credit_reaches_back_short(text: str) -> bool:
    """Would a caveat in brackets after ``text`` sit right after a figure while another figure comes before it? Then it
    credits only the last ("50% of volume, FTX 8.8% (X)": the check reads X as the 8.8%'s alone)."""
    numbers = [m for m in _TEXT_NUMBER.finditer(text) if ":" not in text[max(0, m.start() - 1):m.end() + 1]
               and not _NOT_A_FIGURE.search(text, 0, m.start())]
    return len(numbers) > 1 and numbers[-1].end() == len(text.rstrip())


def _mid_sentence(word: str, text: str) -> bool:
    """Whether ``text`` writes ``word``, capital and all, after the start of a sentence (where only a name has one)."""
    for m in re.finditer(rf"\b{re.escape(word)}\b", text):
        before = text[:m.start()].rstrip()
        if before and before[-1] not in ".!?:\u201c\"(":
            return True
    return False


_OF_IN = re.compile(r"\b(?:of|in)\s")


def _inner(noun: str) -> tuple[str, str]:
    """Where a metric's noun phrase takes its qualifiers: after its first "of"/"in" and any article there
    ("the change in the number of " + "users"), else after its article ("the " + "price level")."""
    head, rest = "", noun
    while rest.startswith("the "):
        m = _OF_IN.search(rest)
        if m is None:
            return head + "the ", rest[4:]
        head, rest = head + rest[:m.end()], rest[m.end():]
    return head, rest


def _hedge_words(hedge, said_as: dict[str, str]) -> tuple[str, str]:
    """The words printed for a source's hedge, and the bound they state: "floor", "ceiling" or "" (an
    approximation, or no hedge). A floor or ceiling is printed in words the check reads as that bound: the
    source's own words where it reads them, else their ``said_as`` wording (style ``names.after_verb``: "above"
    is "more than"); a bound that cannot be so printed states none, and its number is rounded to the nearest.
    A bound and an approximation on one value print both, in the source's order ("as much as approximately 86.5%",
    "nearly up to $2 million"), the bound in words the check reads as it; the check holds the figure to the bound
    (``figures._bound_before`` reads a bound right before an approximation as that bound)."""
    if hedge is None:
        return "", ""
    if isinstance(hedge, CompoundHedge):
        said, kind = _hedge_words(hedge.bound, said_as)
        if not kind:
            return hedge.words, ""
        approx = hedge.first if hedge.bound is hedge.second else hedge.second
        return (f"{said} {approx.words}" if hedge.bound is hedge.first else f"{approx.words} {said}"), kind
    if hedge.kind.value == "approx":
        return hedge.words, ""
    if _reads_as_bound(hedge.words):
        return hedge.words, hedge.kind.value
    said = said_as.get(hedge.words, hedge.words)
    return (said, hedge.kind.value) if _reads_as_bound(said) else (hedge.words, "")


def _reads_as_bound(said: str) -> bool:
    """Whether the check reads these words as a bound ("over", "up to"): then, and only then, the value is
    rounded outward. The check's own qualifier lists decide, so the two cannot drift."""
    return said.casefold() in _bound_words()


@lru_cache(maxsize=1)
def _bound_words() -> frozenset[str]:
    from writer.check.phrasefile import phrase_section  # the qualifier words alone, not the check

    quals = phrase_section("qualifiers") or {}
    return frozenset(w.casefold() for k in ("at_least", "at_most") for w in quals.get(k, ()))


def _signed(fact: Fact) -> bool:
    """Does a percentage print its sign ("+1%")? A change with no direction word of its own does."""
    return fact.metric.endswith("_change") and not fact.change


def _plain_range(fact: Fact) -> bool:
    """A range whose low end is a floor and high end a ceiling says no more than "between X and Y"."""
    if fact.range is None or not isinstance(fact.hedge, tuple):
        return False
    low, high = (h.kind.value if h is not None else None for h in fact.hedge)
    return low in (None, "floor") and high in (None, "ceiling")


_CHANGE_WORDS = {"rise": "up", "fall": "down", "inflow": "net inflows of", "outflow": "net outflows of"}
_FLOW_VERBS = {"inflow": "drew net inflows of", "outflow": "saw net outflows of"}


def _when(moment, day) -> str:
    """A revision's time in words, in UTC: "08:00 UTC on 24 November 2026", or the day alone."""
    from babel.dates import format_date, format_time

    if moment is not None:
        utc = moment.astimezone(timezone.utc)
        return f"{format_time(utc, 'HH:mm', locale=fmt.LOCALE)} UTC on {format_date(utc.date(), 'd MMMM y', locale=fmt.LOCALE)}"
    if day is not None:
        return format_date(day, "d MMMM y", locale=fmt.LOCALE)
    return ""
_MAGNITUDE_UNITS = {"USD": "dollars", "count": ""}  # coins: the fact's asset ("tens of thousands of ETH")


def _given(fact: Fact, v: float) -> bool:
    """Whether a source gave ``v`` itself (one end of its range or its value): only a source's own "$40.22 million" is
    printed as given; the midpoint of two agreeing sources (412.6 and 409.8: 411.2) is the desk's, rounded as the
    house rounds ("about $411 million"), as the split beside it is ("about $213 million"), never one figure finer."""
    return any(v == o.value or (o.range is not None and v in o.range) for o in fact.observations)


# The placeholders that name a credit's sources, and how many pieces each fills up to the names ("modelled": "modelled
# by " and the names; "basis" the same, then its method note).
_NAME_PIECES = {"sources": 1, "single": 1, "modelled": 2, "basis": 2}


def _names_end(phrasing: str) -> int | None:
    """Where the sources' names end among the pieces ``Render.phrase`` makes of ``phrasing``: a relay follows them
    ("by a research brief, as cited by X; not a measured figure"). None when the phrasing names them with no slot
    of these (a possessive: "CoinGlass's own figures," takes the relay at its end)."""
    count, end = 0, None
    for literal, name in _placeholders(phrasing):
        count += bool(literal)
        if name is not None:
            if name in _NAME_PIECES:
                end = count + _NAME_PIECES[name]
            count += _NAME_PIECES.get(name, 1)
    return end


def _level_hedged(fact: Fact, printed: str) -> str:
    """A zone's level or band with the source's own word on it, as given: "around $3,000", "roughly between ..."."""
    return f"{fact.level_hedge.words} {printed}" if fact.level_hedge is not None else printed


@lru_cache(maxsize=256)
def _holds_figure(words: str) -> bool:
    """Whether a source's words hold what the check reads as a figure ("scores of traders"): such words, quoted beside
    another figure's credit, would be a figure no fact holds, so that source is not credited for them in a draft (its
    words stay in the fact file). Read by the check's own figure grammar (imported only for a fact with such words)."""
    from writer.check.figures import find_figures

    return bool(find_figures(words))


@lru_cache(maxsize=1)
def _relay_verb() -> str:
    """The word a draft relays a source's figure with ("cited" by Bloomberg): the first of the check's relay words
    (phrases.yaml ``relays``, read by P008), so a draft's relay is always one the check reads."""
    from writer.check.phrasefile import phrase_section  # the relay words alone, not the check

    return phrase_section("relays")["before"][0]


def _magnitude_words(fact: Fact) -> str:
    """"several million dollars", "tens of thousands" (a count: its noun follows, see Render.counted), "hundreds of
    millions of dollars", "several thousand ETH"."""
    words = fact.magnitude.words
    unit = (fact.asset or "") if fact.unit == "coins" else _MAGNITUDE_UNITS.get(fact.unit, "") or CURRENCIES.get(fact.unit, "")
    if not unit:
        return words
    # "several million dollars" but "tens of millions of dollars"
    return f"{words} of {unit}" if words.endswith("s") else f"{words} {unit}"


__all__ = ["Render", "Span", "Piece", "TOKEN_RE", "TOKEN_OPEN", "TOKEN_CLOSE", "span_index", "HEADLINE_SECTIONS", "attribution_key", "caveat_kind"]


def _names_a_part(reading: str, names: dict) -> bool:
    """Do a dominance's own words say how much of the liquidations the part took ("the vast majority", "much of the
    liquidations")? They do when they open on a word of quantity (style ``names.part_openers``) or on a determiner
    and one (``names.part_heads``), in one clause: a noun phrase that can follow "accounted for". Any other wording
    ("bore the brunt", "the main casualties; ...", "the most concentrated area") is quoted beside the plainer sentence."""
    words = [w.lower() for w in reading.split()[:2]] if reading and not any(mark in reading for mark in ";:()") else []
    if not words:
        return False
    return words[0] in names.get("part_openers", ()) or (len(words) == 2 and words[1] in names.get("part_heads", ()))


def _reading_has_whole(reading: str, names: dict) -> bool:
    """Does the source's phrase name its own whole ("most of the positions", "the largest liquidation volumes")? Then
    "of the liquidations" is not added after it; "the vast majority" gets it."""
    low = f" {reading.lower()} "
    return any(f" {w} " in low for w in names.get("part_whole_words", ()))
