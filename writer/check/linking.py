"""Linking figures to facts: by unit and value within the rounding the text implies,
then by the words around the figure (side, asset, window, venue, metric).

Everything an article may print is a *support*: a fact's value or range, the
price level or band a pressure-zone fact is pinned to, and figures inside a
context item's text or a quote's words (supported by that item, with its
status and sources). A figure that matches no support by value is either a
contradiction (its words clearly name a fact whose value differs), a figure
for a metric the desk marked unavailable, or unsupported.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from writer.check import link_evidence
from writer.check.analysis import FigureUse
from writer.check.figures import Figure, find_figures
from writer.check.lazyre import Deferred
from writer.check.link_fit import bound_swap, echo_bonus, exact_fit, names_other_metric, open_end_swap, prefer_exact, share_step_fits
from writer.check.phrasefile import phrase_section
from writer.check.phrases import PhraseSet
from writer.check.venue_subjects import venue_subjects
from writer.factbase.records import Event, Fact, hedge_kinds
from writer.factbase.vocabulary import STABLECOIN_QUOTES, WINDOW_UNIT_WORDS, HedgeKind, Status, window_minutes
from writer.mdtext import names_within

# A stablecoin notional is dollars at face value: "$80.6 million" and "80.6 million USDT" are one amount.
_UNIT_OK = {
    None: {"USD", "count", "coins", "index", "ratio"},
    "USD": {"USD", "USDT", "USDC"},
    "USDT": {"USDT", "USD"},
    "USDC": {"USDC", "USD"},
    "percent": {"percent"},
    "count": {"count"},
    "coins": {"coins"},
    "ratio": {"ratio"},
    "index": {"index"},
}


@dataclass(frozen=True)
class Support:
    id: str  # fact id, or "context:<id>" / "quote:<id>" / "caveat:<id>"
    unit: str
    lo: float
    hi: float
    status: Status
    sources: tuple[str, ...]
    fact: Fact | None = None
    anchor: bool = False  # a price level a fact is pinned to, not the fact's own value
    point: bool = True
    speaker: str | None = None  # a quote's speaker: two speakers may say the same words
    words: str | None = None  # the words of a quote, context item, caveat or note: a sentence repeating them is theirs, not a fact's
    average: bool = False  # the report's own average of a fact's figures: linked only where the words say "average"
    relayed: bool = False  # a quote whose source is not its speaker: the speaker's words as another source reports them

    @property
    def disputed(self) -> bool:
        return self.status is Status.DISPUTED and not self.point


@dataclass
class Link:
    kind: str  # "supported", "collapsed", "contradicts", "unavailable", "unsupported"
    support: Support | None = None
    fact: Fact | None = None  # the fact named by a contradiction or an unavailable metric
    alternatives: list[Support] = field(default_factory=list)  # equally good supports
    mismatch: tuple[str, ...] = ()  # the value fits, but the figure's own words name another side, asset, window or venue


# A fact's fields of words that may hold figures, and whether such a figure is pinned to the fact (the words
# describe the figure: a subject, a label, a coverage, a share's whole, a reading) or free text (a note, a reason).
_WORDS_FIELDS = (("subject", True), ("label", True), ("coverage", True), ("share_of", True), ("reading", True),
                 ("note", False), ("reason", False))
# A field whose figures have a status of their own, not the fact's. A provider's description of its own reach
# (coverage: "a dozen venues") is its statement about itself: official for that provider, so it needs the
# provider named, not the figure's single-source wording.
_WORDS_STATUS = {"coverage": Status.OFFICIAL}


def supports_of(event: Event, qualifiers: dict) -> tuple[list[Support], list[Fact]]:
    """Every figure the event allows an article to print, and its unavailable facts."""
    out: list[Support] = []
    unavailable: list[Fact] = []
    for fact in event.all_facts().values():
        if fact.status is Status.UNAVAILABLE or fact.bounds is None:
            unavailable.append(fact)
            continue
        lo, hi = fact.bounds
        # A point when the fact has a value (agreeing sources spread within the tolerance
        # still have one); a range only when the fact base refuses a single value.
        out.append(Support(fact.id, _unit_of(fact), lo, hi, fact.status, fact.sources, fact, point=(fact.value is not None)))
        if fact.average is not None:
            out.append(_average(event, fact))
        if fact.price_level is not None:
            out.append(Support(fact.id, "USD", fact.price_level, fact.price_level, fact.status, fact.sources, fact, anchor=True))
        if fact.price_band is not None:
            a, b = fact.price_band
            out.append(Support(fact.id, "USD", a, b, fact.status, fact.sources, fact, anchor=True, point=False))
    for fact in event.facts.values():
        # Figures in a fact's own words. Words that describe the figure (a subject "shorts said to sit between
        # $92,000 and $94,000") are pinned to the fact, as its price level is, so words naming another side or
        # asset still mismatch; a note is free text ("BTC fell below $90,000 on Friday" on an ether figure),
        # supported as a context item's text is. An unavailable fact's words (its reason too) are the desk's
        # own statement: nothing to attribute.
        # A field's own status (``_WORDS_STATUS``) replaces the fact's. Every describing field is read whatever it
        # holds: counts in words ("a dozen venues") have no digit.
        for name, pinned in _WORDS_FIELDS:
            words = getattr(fact, name)
            if words:
                gap = fact.status is Status.UNAVAILABLE
                status, sources = (Status.OFFICIAL, ()) if gap else (_WORDS_STATUS.get(name, fact.status), fact.sources)
                for fig in find_figures(words, qualifiers):
                    if pinned:
                        out.append(Support(fact.id, fig.unit or "USD", fig.lo, fig.hi, status, sources, fact, anchor=True, point=fig.point,
                                           words=words))
                    else:
                        out.append(_from_text(f"text:{fact.id}", fig, status, sources, words=words))
    for item in event.context:
        for fig in find_figures(item.text, qualifiers):
            out.append(_from_text(f"context:{item.id}", fig, item.status, item.sources, words=item.text))
    for caveat in event.caveats:  # "exchanges report at most 1 liquidation per second": the caveat's own figure
        for fig in find_figures(caveat.text, qualifiers):
            out.append(_from_text(f"caveat:{caveat.id}", fig, _caveat_status(event, caveat), caveat.sources, words=caveat.text))
    for quote in event.quotes:
        # With no reporting source, a registered speaker is the quote's source: when two speakers say the
        # same words, the one the sentence names is the one quoted.
        speaker = tuple(sid for sid, src in event.registry.sources.items() if quote.speaker in src.names)
        relayed = quote.source is not None and quote.source not in speaker
        for fig in find_figures(quote.words, qualifiers):
            out.append(replace(_from_text(f"quote:{quote.id}", fig, quote.status, (quote.source,) if quote.source else speaker,
                                          quote.speaker, quote.words), relayed=relayed))
    return out, unavailable


def _caveat_status(event: Event, caveat) -> Status:
    """A caveat's status, read from its sources as a context item's is (``SourceRegistry.status_of``);
    with no source it is the desk's own statement about its data: nothing to attribute or hedge."""
    return event.registry.status_of(caveat.sources) if caveat.sources else Status.OFFICIAL


def _average(event: Event, fact: Fact) -> Support:
    """The report's average of a fact's figures ("an average close to $170 million"), as a point of
    that fact: the fact's status and sources, or its own source's when the average names one (a
    group's average stays a group's; one named source's is that source's alone)."""
    value, _hedge, source = fact.average
    if source is None or (source,) == tuple(fact.sources):
        status, sources = fact.status, tuple(fact.sources)
    else:
        group = getattr(event.registry.sources.get(source), "group", False)
        status, sources = (Status.UNNAMED_GROUP if group else Status.SINGLE_SOURCE), (source,)
    return Support(fact.id, _unit_of(fact), value, value, status, sources, fact, average=True)


def _unit_of(fact: Fact) -> str:
    """The unit a fact's figures are read in: coins of a stablecoin ("a transfer of 310,000 USDT") are
    that stablecoin's amount, as a notional quoted in it is."""
    return fact.asset if fact.unit == "coins" and fact.asset in STABLECOIN_QUOTES else fact.unit


def _from_text(sid: str, fig: Figure, status: Status, sources, speaker: str | None = None, words: str | None = None) -> Support:
    return Support(sid, fig.unit or "USD", fig.lo, fig.hi, status, tuple(sources), None, point=fig.point, speaker=speaker, words=words)


def _item_contradicted(fig: Figure, s: Support, cues: Cues) -> bool:
    """Do the figure's words contradict what an item's own words give its figure (a quote's, a context item's, a
    note's: their supports hold no asset or side, their words do)? Another coin ("5,100 ETH" for the words' "5,100
    BTC"), or the other side ("$900 million of shorts" for the words' "... $900 million of longs ..."): a swapped
    word makes it another claim, not the item's."""
    if s.fact is not None or not s.words or not (fig.unit == "coins" and fig.asset or cues.sides):
        return False
    for f in find_figures(s.words):
        if f.lo != s.lo or f.hi != s.hi:
            continue
        if fig.unit == "coins" and fig.asset and f.unit == "coins" and f.asset and f.asset.casefold() != fig.asset.casefold():
            return True
        side = _ITEM_SIDE.match(s.words, f.end) or _ITEM_SIDE_BEFORE.search(s.words, max(0, f.start - _SIDE_REACH), f.start)
        if side is not None and cues.sides and side.group(1).lower() not in cues.sides:
            return True
    return False


# The side an item's words give the figure right after it: "$900 million in long positions", "$40 million of shorts".
_ITEM_SIDE = re.compile(r"\s+(?:(?:in|of|worth\s+of)\s+)?(?:[\w-]+\s+)?(long|short)s?\b", re.IGNORECASE)
# ...or right before it: "longs worth $900 million", "short positions of $40 million" (two words at most between).
_ITEM_SIDE_BEFORE = re.compile(r"\b(long|short)s?\b(?:\s+[\w-]+){0,2}\s+[~≈]?$", re.IGNORECASE)
_SIDE_REACH = 40  # characters before an item's figure read for its side


# Units a figure of no unit does not fit: a percentage says "%", and a record claimed with no number ("a record high",
# figures.py ``_RECORD_RE``: value 0 only as a placeholder) holds no value a bare "zero" or "0" could print.
_NOT_FOR_BARE = frozenset({"percent", "record"})


def _unit_ok(fig: Figure, unit: str) -> bool:
    return unit == fig.unit or unit in _UNIT_OK.get(fig.unit, set()) or (fig.unit is None and unit not in _NOT_FOR_BARE)


# Metrics that count things a sentence may name as coins or tokens ("only 4 tokens closed green").
COUNTED_THINGS = frozenset({"event_count"})


def _counted_coins(fig: Figure, s: Support) -> bool:
    """Is a figure of coins that names no coin ("only 4 tokens", "six coins") a count of coins, as a fact counting
    things holds it ("only 6 of the 50 largest coins rose": a count, not an amount of some coin)?"""
    return fig.unit == "coins" and fig.asset is None and s.unit == "count" and s.fact is not None \
        and s.fact.metric in COUNTED_THINGS


def _counts_together(target, assets: frozenset[str]) -> bool:
    """A fact (or its support) of several assets counted together, all of them the ones named."""
    fact = target.fact if isinstance(target, Support) else target
    return fact is not None and bool(fact.assets) and assets <= set(fact.assets)


def _is_average(s: Support) -> bool:
    """The report's average of a fact's figures, or a fact that is an average per day, hour, trader..."""
    return s.average or (s.fact is not None and s.fact.per is not None and not s.anchor)


def _average_fits(fig: Figure, s: Support, averaged: bool) -> bool:
    """Whether the figure may be an average support: only where its words say "average" (or "per day"), and
    the report's own average (one value) only as a point: "an average of between $0.45 and $2.94 per trader"
    is a range of averages per trader, not the report's average inside it."""
    if not _is_average(s):
        return True
    return averaged and (fig.point or not s.average)


def _average_bonus(s: Support, averaged: bool, per: str | None = None) -> float:
    """What words of an average add to an average support: "an average of $X" is the report's average, not
    the figure it averages; "$1 per trader" describes a fact that is an average per trader, and "an average of
    $1 per trader" (``per``: the unit named after "average", ``_average_per``) describes it as fully as the
    report's average is described, so of two such supports of one value the other words decide."""
    if s.average:
        return _AVERAGE_BONUS
    if not (averaged and _is_average(s)):
        return 0
    return _AVERAGE_BONUS if per is not None and s.fact.per == per else _PER_BONUS


def _per_unit(fig: Figure, s: Support) -> bool:
    """"340 per hour", "23,000 USDT per day" read as a rate: the figure of an average per hour or day."""
    return fig.unit is not None and fig.unit.startswith("per_") and s.fact is not None and s.fact.per == fig.unit[4:] and not s.anchor


def _tolerance_below(fig: Figure, tol: float) -> float:
    """How far below a plain figure its value may lie. A figure of one significant digit 1 ("10,000", "$1 million")
    is reached from below only by values of the decade below, printed one place finer: 9,500 prints as "10,000",
    5,000 prints as "5,000", not "10,000" (so a fact of 5,000 is not a fit for "stood at 10,000"). A hedged figure
    ("about", "nearly") keeps the whole half unit: writers round such words loosely."""
    unit = 2 * fig.precision
    if fig.qualifier is None and fig.lo > 0 and unit > 0 and abs(fig.lo / unit - 1) < 1e-9:
        return tol / 10
    return tol


def value_match(fig: Figure, s: Support) -> str | None:
    """'match' when the text could have been written from the support, 'collapsed' when a
    point was written for a disputed range, None otherwise."""
    if s.hi < 0 <= fig.lo:  # "fell 3.4%" prints the magnitude of a -3.4 change
        s = Support(s.id, s.unit, -s.hi, -s.lo, s.status, s.sources, s.fact, s.anchor, s.point, s.speaker, s.words, s.average, s.relayed)
    if fig.qualifier == "vague":
        flo, fhi = fig.interval()
        return "match" if flo <= s.hi and s.lo <= fhi else None
    tol = _tolerance(fig)
    if fig.point:
        if fig.qualifier in ("at_least", "at_most") and fig.lo < 0:
            lo, hi = _negative_bound(fig, tol)
            return "match" if s.hi >= lo and s.lo <= hi else None
        if not share_step_fits(fig, s):  # "more than a third" is not how about half is told
            return None
        if fig.qualifier == "at_least":  # "over $1 billion": true (to the bound's own rounding), and not a wild understatement
            return "match" if fig.lo - _bound_rounding(fig, tol) <= s.hi * (1 + 1e-9) and s.lo <= 2 * fig.lo + tol else None
        if fig.qualifier == "at_most":  # "as much as 10,000": not a wild overstatement of 10
            return "match" if s.lo <= fig.lo * (1 + 1e-9) + _bound_rounding(fig, tol) and s.hi >= fig.lo / 2 - _bound_slack(fig, tol) else None
        if s.lo == s.hi:
            below = _tolerance_below(fig, tol)
            return "match" if -below <= s.lo - fig.lo <= tol + 1e-9 * max(1.0, abs(s.lo)) else None
        if s.lo - tol <= fig.lo <= s.hi + tol:
            if fig.qualifier == "approx" and fig.lo - fig.precision <= s.lo and s.hi <= fig.lo + fig.precision:
                return "match"  # "about $1 million" for $1,000,000 to $1,001,001: every value of the range rounds to it
            if s.point:
                return "match"
            if s.disputed and not _one_sources_figure(fig, s, tol):
                return None  # inside a dispute but no source's figure: a value of its own, not one side of the dispute
            return "collapsed"  # the fact base holds a range (disputed, a ranged estimate, a band)
        return None
    # the text gives a range
    if s.lo == s.hi:
        return "match" if fig.lo - tol <= s.lo <= fig.hi + tol else None
    if s.point and fig.hi - fig.lo > s.hi - s.lo:  # one value its sources print a little apart: the range holds them all
        return "match" if fig.lo - tol <= s.lo and s.hi <= fig.hi + tol else None
    ok = abs(fig.lo - s.lo) <= tol + 1e-9 * abs(s.lo) and abs(fig.hi - s.hi) <= tol + 1e-9 * abs(s.hi)
    return "match" if ok else None


def _one_sources_figure(fig: Figure, s: Support, tol: float) -> bool:
    """Is a point printed for a disputed fact what a writer who drops the dispute prints: one of its sources' own
    figures ("$2.1 billion" where Bybit says $2.1 billion and CoinGlass $333 million), the range's middle or the
    report's average of it, within the rounding? A fact with no observations to read is given the benefit of the doubt."""
    observations = [o for o in (s.fact.observations if s.fact is not None else ()) if o.has_number]
    if not observations:
        return True
    # the dispute told as one value: a source's figure, its middle, or the report's own average of it
    spans = [o.bounds for o in observations] + [((s.lo + s.hi) / 2,) * 2]
    if s.fact.average is not None:
        spans.append((s.fact.average[0],) * 2)
    return any(lo - tol <= fig.lo <= hi + tol for lo, hi in spans)


def _meets(s: Support, a: float, b: float) -> bool:
    """May ``value_match`` accept ``s`` for a figure whose ``value_window`` is [a, b]? (The window, or its
    mirror for a negative support, meets the support's interval; a non-finite or unknown window or value
    is always tried.)"""
    lo, hi = s.lo, s.hi
    if lo <= b and hi >= a:
        return True
    if hi < 0 and -hi <= b and -lo >= a:
        return True
    return not (lo == lo and hi == hi and a == a and b == b) or math.isinf(lo) or math.isinf(hi)


def _negative_bound(fig: Figure, tol: float) -> tuple[float, float]:
    """Where a fact may lie for a bound on a negative figure ("at least -58%": not below it; "up to
    -58%": not above it), read by sign as the fact base reads a hedge, within the rounding printed
    (a draft rounds a negative bound to the nearest), and not wildly beyond: at most half-way to
    zero above a floor, twice as far below a ceiling (the mirror of the positive bounds above)."""
    if fig.qualifier == "at_least":
        return fig.lo - tol, fig.lo / 2 + _bound_slack(fig, tol)
    return 2 * fig.lo - tol, fig.lo + tol


# How much of a bound's rounding may widen its "not wildly beyond" side, as a share of the bound: "as much as
# 10,000" is rounded to 5,000 either way, and half the ceiling less all of that is zero, so every value down to
# 10 would fit it (fuzz seed 33, gen-17). A tenth keeps the small bounds' rounding ("up to 3%": 1.2% to 3%).
_BOUND_SLACK_SHARE = 0.1


# How far a bound's own rounding may pass the value it bounds, as a share of the bound: "over $6.230738 billion" for
# a source's "over $6,230,737,981" is the same floor rounded (fuzz_check_links seed 51), but "over $1 billion" is
# no floor of $600 million (its half-unit rounding would be).
_BOUND_ROUNDING_SHARE = 0.005


def _bound_rounding(fig: Figure, tol: float) -> float:
    """How far past the fact a floor or ceiling may lie: its printed rounding, at most ``_BOUND_ROUNDING_SHARE``."""
    return min(tol, abs(fig.lo) * _BOUND_ROUNDING_SHARE)


def _bound_slack(fig: Figure, tol: float) -> float:
    """The rounding a bound's far side allows: the written rounding, at most ``_BOUND_SLACK_SHARE`` of the bound."""
    return min(tol, abs(fig.lo) * _BOUND_SLACK_SHARE)


def _tolerance(fig: Figure) -> float:
    """How far from the written value a fact may lie: the rounding, and 2.5% more for "about". A range's ends
    round no coarser than half its width: a figure's precision is its coarser end's ("$100m" alone rounds to
    $50m), but "between $95m and $100m" is told in steps of five."""
    tol = fig.precision
    if not fig.point and fig.hi > fig.lo:
        tol = min(tol, (fig.hi - fig.lo) / 2)
    if fig.qualifier == "approx":
        tol += max(abs(fig.lo), abs(fig.hi)) * 0.025
    return tol


# Slack added to a window's edges so that the exact tests above (with their own 1e-9 slacks) never
# accept a support the window leaves out.
_WINDOW_SLACK = 1e-6


def value_window(fig: Figure) -> tuple[float, float]:
    """An interval every support ``value_match`` accepts for ``fig`` intersects (after the sign
    mirroring of "fell 3.4%"): the candidate filter of ``SupportIndex``. Kept beside
    ``value_match`` because it must follow every branch there."""
    tol = _tolerance(fig)
    if fig.qualifier == "vague":
        a, b = fig.interval()
    elif fig.point and fig.qualifier in ("at_least", "at_most") and fig.lo < 0:
        a, b = _negative_bound(fig, tol)
    elif fig.point and fig.qualifier == "at_least":
        a, b = fig.lo - _bound_rounding(fig, tol), 2 * fig.lo + tol
    elif fig.point and fig.qualifier == "at_most":
        a, b = fig.lo / 2 - _bound_slack(fig, tol), fig.lo + _bound_rounding(fig, tol)
    else:  # a point within the rounding, a range's ends within it, a point inside a written range
        a, b = fig.lo - tol, fig.hi + tol
    a, b = min(a, b), max(a, b)
    margin = tol + _WINDOW_SLACK * max(1.0, abs(fig.lo), abs(fig.hi), tol)
    return a - margin, b + margin


def edit_window(fig: Figure) -> tuple[float, float] | None:
    """The magnitudes of support midpoints ``plausible_edit`` accepts for ``fig`` (supports with
    midpoint 0 always pass it); None when every support may (a written 0)."""
    val = abs(fig.value)
    if val == 0 or not math.isfinite(val):
        return None
    return val / EDIT_FACTOR * (1 - _WINDOW_SLACK), val * EDIT_FACTOR * (1 + _WINDOW_SLACK)


@dataclass(frozen=True)
class Cues:
    sides: frozenset[str]
    assets: frozenset[str]  # named in the figure's clause
    sentence_assets: frozenset[str]
    windows: frozenset[str]
    venues: frozenset[str]
    metrics: frozenset[str]
    total: bool
    directions: frozenset[str] = frozenset()
    near_exchanges: frozenset[str] = frozenset()  # exchanges named in the figure's own clause
    local_windows: frozenset[str] = frozenset()  # windows named in the figure's own words
    garbled: frozenset[str] = frozenset()  # assets of a name and ticker that disagree in the sentence: "Ethereum (BTC)"
    change: bool = False  # the figure's own words say it is a change ("rose", "up", "higher")
    bound: str | None = None  # the figure's own floor or ceiling ("over", "as much as"): "at_least" / "at_most"
    paragraph_windows: bool = False  # the windows are named only elsewhere in the paragraph, not in the sentence
    publishers: frozenset[str] = frozenset()  # named once in the sentence, as its source ("according to HTX's own figures")
    loss: bool = False  # the figure's own words say it was lost to liquidation ("lost", "wiped out"; phrases.yaml linking)
    bound_assets: frozenset[str] = frozenset()  # for a bounded figure ("over 3%"): every asset its sentence names
    counting: str | None = None  # "each" / "together": how the figure's own words count several venues or assets
    repeated: frozenset[str] = frozenset()  # of ``near_exchanges``, those the sentence names more than once
    level_sides: frozenset[str] = frozenset()  # a level's side named after it: a condition's outcome, what the level sets off
    metric_finder: object = field(default=None, compare=False)  # the metric cue table (phrases.KeyFinder), for ties (_metric_words)


def _counting(phrases: PhraseSet, local: str) -> str | None:
    """"each" when the words count one by one ("on each platform"), "together" when they add up ("combined"); None
    for neither or both (phrases.yaml cues.counting). Read in the whole sentence of a lone figure: "combined" closes
    a list ("in BTC and ETH combined") past the clause break its "and" makes."""
    said = [k for k, rx in (phrases.counting or {}).items() if rx is not None and rx.search(local)]
    return said[0] if len(said) == 1 else None


def event_asset_pattern(event: Event, phrases: PhraseSet) -> re.Pattern | None:
    """The tickers an event's facts name that the asset cue table does not know ("HYPE", "PEPE"),
    as whole words in capitals (as news prose writes tickers: "near" is not NEAR)."""
    tickers = set()
    for fact in event.all_facts().values():
        for asset in (fact.asset, *fact.assets):
            if asset and not phrases.cues("asset", asset):
                tickers.add(asset)
    if not tickers:
        return None
    # Not after a hyphen: the quote currency of a contract ("ETH-USDT") is not the figure's asset.
    return re.compile(r"(?<![\w$-])(?:" + "|".join(re.escape(t) for t in sorted(tickers, key=lambda t: (-len(t), t))) + r")(?![\w])")


def _asset_cues(phrases: PhraseSet, tickers: re.Pattern | None, text: str) -> frozenset[str]:
    found = phrases.cues("asset", text)
    if tickers is not None:
        found = found | frozenset(m.group(0) for m in tickers.finditer(text))
    return found


# A metric's own noun right after a figure, as what it measures ("tens of millions in spot volumes", "$2
# billion of open interest"): only then do the words name that metric for certain ("traded above $71,000" does not).
_OTHER_NOUN_AFTER = re.compile(r"\s*(?:in|of)\s+(?:[\w-]+\s+){0,3}?(?:volumes?|open\s+interest|funding|market\s+cap\w*|"
                               r"(?:in|out)flows?)\b", re.IGNORECASE)


# A figure's clause told of the market as a whole ("and the price moved by 0%", "while the wider market fell 2%"): after
# another figure of its sentence, the assets an earlier clause names are that figure's, not its own ("Bitcoin slid, and
# the price fell 3%" keeps bitcoin: no figure before).
_MARKET_SUBJECT = re.compile(r"\bthe\s+(?:(?:broader|wider|overall|whole)\s+)?(?:price|market)\b", re.IGNORECASE)


# A side named right after a figure, as what it was made of ("$6 million in longs", "$30 million of short positions"):
# the figure's own, whatever side an earlier clause of its sentence named.
_SIDE_AFTER = re.compile(r"\s*(?:in|of)\s+(?:[\w-]+\s+){0,2}?(?:longs?|shorts?)\b", re.IGNORECASE)


def cues_for(fu: FigureUse, phrases: PhraseSet, venue_rx, spelling: dict[str, str], block_text: str,
             exchanges: frozenset[str] = frozenset(), tickers: re.Pattern | None = None,
             kept: dict[str, frozenset[str]] | None = None) -> Cues:
    """The words around a figure; ``tickers``: the event's own assets (``event_asset_pattern``); ``kept``: the
    caller's memo of the windows a text names (the figure's own words, its sentence, its block: every figure
    in a sentence or block asks, and drafts of one template repeat a figure's words; writer/check/checker.py)."""
    left, right = _QUOTED.sub(" ", fu.left), _QUOTED.sub(" ", fu.right)  # quoted words describe something else
    local = left + " " + right
    # the words of the figure's own clause before it ("long liquidations across exchanges (CEX) will hit":
    # an aside in parentheses does not end the clause)
    unbracketed = _ASIDE.sub(lambda m: f" {m.group(0)[1:-1]} ", left) if "(" in left else left
    clause = _LEFT_CLAUSE.split(unbracketed)[-1]
    # "Short positions, conversely, saw $27 million": a word or two between commas does not part a side from its figure
    no_asides = _COMMA_ASIDE.sub(" ", unbracketed)
    side_clause = clause if no_asides == unbracketed else _LEFT_CLAUSE.split(no_asides)[-1]
    if _heads_event_phrase(left, right):
        side_clause = ""  # "Longs flushed in $X wipeout": the side is the subject's, the figure the wipeout's
    own_side = _SIDE_AFTER.match(right)  # "$40 million in shorts, far above $6 million in longs": the side after it is its own
    sides = (own_side and phrases.cues("side", own_side.group(0))) or phrases.cues("side", side_clause) or phrases.cues("side", right)
    # A level's side named after it: the outcome of a condition ("Should ether clear $4,100, shorts
    # worth ... could go") or what the level sets off in its clause ("a slide under $91,000 would set off $610 million of long
    # liquidations"): read for a price level a fact is pinned to (``mismatch``), when the figure's own words name none.
    level_sides = frozenset() if sides or not _SIDE_HINT.search(fu.sentence.text, fu.figure.end - fu.sentence.start) else \
        phrases.cues("side", _outcome(fu) if _CONDITION.search(clause) else _clause_after(fu))
    if sides and _BOTH_SIDES.search(unbracketed):
        sides = frozenset()  # "longs and shorts together accounted for $X": both sides named is no one side's figure
    assets = _asset_cues(phrases, tickers, clause + " " + right)
    joined = _joined(left)  # "bitcoin and ether liquidations": one figure for two assets
    if joined:
        a, b = _asset_cues(phrases, tickers, joined.group(1)), _asset_cues(phrases, tickers, joined.group(2))
        if a and b and a != b:
            assets = assets | a | b
    if fu.figure.asset:
        assets = assets | {fu.figure.asset}
    # The sentence's assets before the figure ("If ether breaks $4,000, shorts worth $300 million..."); a later
    # clause of its own ("..., BTC fell below $90,000 on Friday") speaks of something else.
    # A clause whose own subject is the market's, after an asset's figure ("Solana moved by 0.5%, and the price moved by 0%"),
    # keeps none: that asset is the earlier figure's.
    listed = _MARKET_SUBJECT.search(clause) is not None and fu.sentence.figures[0] is not fu
    respective = _respective_asset(fu, phrases, tickers)
    if respective:  # "ADA, XRP and DOGE shed $41.2, $18.75 and $9.9 million": each figure is its list's place's
        assets = respective
    sentence_assets = assets or (frozenset() if listed else _asset_cues(phrases, tickers, _earlier_words(fu)))
    if not sentence_assets and not listed:
        sentence_assets = _market_after(fu, phrases, tickers)  # "$0.7bn of longs and $0.5bn of shorts in ether futures"
    local_windows = _window_cues_kept(phrases, _own_words(left, right, local), kept)
    windows = local_windows or _window_cues_kept(phrases, own_clause(fu), kept)
    paragraph_only = not windows  # a paragraph holds figures of several windows: its words support, never contradict
    windows = windows or _window_cues_kept(phrases, block_text, kept)
    if venue_rx is not None and venue_rx is fu.sentence._reader.source_rx:
        venues = frozenset(fu.sentence.sources)  # the sentence has already searched for these names
    else:
        venues = frozenset(spelling[m.group(0).lower()] for m in venue_rx.finditer(fu.sentence.text)) if venue_rx else frozenset()
    metrics = phrases.cues("metric", local)
    total = bool(phrases.total_cue and phrases.total_cue.search(local))
    directions = phrases.cues("direction", clause[-60:])
    near = frozenset(spelling[m.group(0).lower()] for m in venue_rx.finditer(local)) & exchanges if venue_rx else frozenset()
    publishers = _publishers(fu.sentence, venues & exchanges, phrases)
    if publishers:  # "OKX shows $2.4 million": the exchange right before the figure's verb is its venue (venue_subjects)
        publishers = publishers - venue_subjects(fu, exchanges)
    return Cues(sides, assets, sentence_assets, windows, venues, metrics, total, directions, near,
                local_windows, _garbled(fu.sentence.text, phrases, tickers),
                bool(phrases.cues("change", local)) and _LEVEL_AFTER_CHANGE.search(fu.left) is None,
                fu.figure.qualifier if fu.figure.qualifier in _BOUND_HEDGES else None, paragraph_only and bool(windows), publishers,
                _loss_verbs().search(_own_words(left, right, local)) is not None,
                _asset_cues(phrases, tickers, fu.sentence.text) if fu.figure.qualifier in _BOUND_HEDGES else frozenset(),
                _counting(phrases, fu.sentence.text if len(fu.sentence.figures) == 1 else local),
                _named_twice(fu.sentence, near) if near else frozenset(), level_sides, (phrases.cue_finders or {}).get("metric"))


# What every side cue holds (phrases.yaml ``cues: side``): a cheap test before the cues are read after a figure.
_SIDE_HINT = re.compile(r"long|short|bull|bear", re.IGNORECASE)
# A condition's clause, the figure in it ("Should ether clear $4,100", "if solana loses $180"): its outcome follows.
_CONDITION = re.compile(r"(?:^|[^\w])(?:if|should|once|unless)\s+[^,;:]*$", re.IGNORECASE)


def _clause_after(fu: FigureUse) -> str:
    """The words after the figure to its clause's end (a comma, a semicolon, a colon or the sentence's end)."""
    rest = fu.sentence.text[fu.figure.end - fu.sentence.start:]
    cut = re.search(r"[,;:]", rest)
    return rest if cut is None else rest[:cut.start()]


def _outcome(fu: FigureUse) -> str:
    """The words after a condition's clause, to the end of the figure's sentence: the outcome the condition leads to."""
    rest = fu.sentence.text[fu.figure.end - fu.sentence.start:]
    cut = re.search(r"[,;:]", rest)
    return "" if cut is None else rest[cut.end():]


# The market a sentence's figures were counted in, named after them: "... in ether futures", "in the SOL perps market".
_MARKET_AFTER = re.compile(r"\bin\s+(?:the\s+)?([\w$]+)\s+(?:futures|perps|perpetuals?|derivatives|options|(?:perpetual\s+)?swaps?|contracts)\b",
                           re.IGNORECASE)


def _market_after(fu: FigureUse, phrases: PhraseSet, tickers: re.Pattern | None) -> frozenset[str]:
    """The one asset whose market the rest of the figure's clause names after it ("$0.7bn of long liquidations and $0.5bn
    of shorts in ether futures and perps": both figures are ether's), or nothing."""
    rest = fu.sentence.text[fu.figure.end - fu.sentence.start:]
    if " in " not in rest:
        return frozenset()
    rest = re.split(r"[;:]|\.\s", rest, maxsplit=1)[0]
    m = _MARKET_AFTER.search(rest)
    if m is None:
        return frozenset()
    found = _asset_cues(phrases, tickers, m.group(1))
    return found if len(found) == 1 else frozenset()


# Between two items of a list: a comma, "and" or "or" ("$41.2, $18.75 and $9.9 million"; "BTC, ETH and SOL").
_ITEM_JOIN = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+)", re.IGNORECASE)
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)


def _respective_asset(fu: FigureUse, phrases: PhraseSet, tickers: re.Pattern | None) -> frozenset[str]:
    """The asset a figure in a list of figures takes by its place, when the words before the list name a list of as
    many assets ("Solana, XRP and Dogecoin saw $9.1, $6.4 and $5.2 million": the second figure is XRP's), as
    "respectively" says outright; else nothing. Each name of the assets' list names one asset."""
    figures = fu.sentence.figures
    if len(figures) < 2:
        return frozenset()
    text, at = fu.sentence.text, fu.sentence.start
    i = next(k for k, f in enumerate(figures) if f is fu)
    lo = hi = i

    def joined(a, b) -> bool:
        return figures[a].block_index == figures[b].block_index and _ITEM_JOIN.fullmatch(
            text[figures[a].figure.end - at:figures[b].figure.start - at]) is not None

    while lo > 0 and joined(lo - 1, lo):
        lo -= 1
    while hi + 1 < len(figures) and joined(hi, hi + 1):
        hi += 1
    count = hi - lo + 1
    if count < 2:
        return frozenset()
    before = text[:figures[lo].figure.start - at]
    items = _ITEM_SPLIT.split(before)
    if len(items) < count:
        return frozenset()
    names = [_item_asset(phrases, tickers, item) for item in items[-count:]]
    # the last name's item runs on to the figures ("Filecoin recorded losses of"); the first may open the clause
    if any(len(n) != 1 for n in names) or len(set().union(*names)) != count:
        return frozenset()
    return names[i - lo]


_TICKER_IN_PARENS = re.compile(r"\(\s*([A-Z][A-Z0-9]{1,9})\s*\)")


def _item_asset(phrases: PhraseSet, tickers: re.Pattern | None, item: str) -> frozenset[str]:
    """The assets one item of a list names: a name with its ticker in parentheses ("Ripple (XRP)", "Bitcoin Cash (BCH)") is the
    ticker's, whatever asset a word of the name is alone."""
    found = _asset_cues(phrases, tickers, item)
    if len(found) > 1:
        m = _TICKER_IN_PARENS.search(item)
        own = _asset_cues(phrases, tickers, m.group(1)) if m else frozenset()
        if len(own) == 1:
            return own
    return found


def _named_twice(sentence, names: frozenset[str]) -> frozenset[str]:
    """Of ``names``, the sources the sentence names more than once."""
    seen: set[str] = set()
    twice: set[str] = set()
    for _, _, sid in sentence.named_at():
        if sid in names:
            (twice if sid in seen else seen).add(sid)
    return frozenset(twice)


# A figure heading a noun phrase of its own after a preposition, the noun naming the whole event: "Longs flushed in
# a $1.45 billion wipeout", "Longs bear the brunt of $1.45 billion liquidation". The side words before the preposition
# are its subject's, not the figure's ("Longs lose $1.36 billion", "$1.36 billion of longs" keep theirs).
_EVENT_PHRASE_BEFORE = Deferred(globals(), r"\b(?:in|of|amid|after|during|from|behind)\s+(?:(?:a|an|the|another)\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _event_noun_after() -> tuple[frozenset[str], re.Pattern]:
    """The event phrase's noun right after the figure (phrases.yaml ``linking: event_total_words, event_nouns``), and
    the first characters it can meet after the spaces, from its own words: most figures are followed by other words,
    which the first character turns away before any expression runs."""
    words = phrase_section("linking")
    totals, nouns, counts = words["event_total_words"], words["event_nouns"], words["event_window_counts"]
    # a window's compound may stand before the noun ("a $758 million four-hour liquidation", "$1.2 billion 24-hour wipeout")
    window = rf"(?:\d+|{'|'.join(counts)})-(?:{'|'.join(words['event_window_units'])})"
    starts = frozenset("-0123456789" + "".join(w[0] + w[0].upper() for w in (*totals, *nouns, *counts)))
    return starts, re.compile(rf"^\s*(?:-\s*)?(?:{window}\s+)?(?:(?:{'|'.join(totals)})\s+)?(?:{'|'.join(nouns)})\b", re.IGNORECASE)


def _heads_event_phrase(left: str, right: str) -> bool:
    """Does the figure head its own noun phrase of the whole event, after a preposition (``_EVENT_PHRASE_BEFORE``)?"""
    rest = right.lstrip()
    starts, after = _event_noun_after()
    return rest[:1] in starts and bool(after.match(rest)) and bool(_EVENT_PHRASE_BEFORE.search(left))


@lru_cache(maxsize=1)
def _loss_verbs() -> re.Pattern:
    """phrases.yaml ``linking: loss_verbs``, as whole words."""
    return re.compile(rf"\b(?:{'|'.join(phrase_section('linking')['loss_verbs'])})\b", re.IGNORECASE)


# Where a sentence joins two statements of its own, each with its subject and credit ("According to X, A, while Y
# reported B."; "A, per X; Y said B."): a window or a credit in one is not the other's.
CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:while|whereas|but)\s+|\s+[—–]\s+", re.IGNORECASE)
_BRACKETED = re.compile(r"\([^()]*\)")  # an aside in parentheses (a figure's caveat): its breaks are its own


def _own_words(left: str, right: str, local: str) -> str:
    """The figure's own words (``local``: since the figure before it, to its clause's end), but not across a clause
    of its own ("... over 60 minutes, while Y reported $623 million overnight": not the 60 minutes)."""
    if "," in left or ";" in left or "—" in left or "–" in left:
        return CLAUSE_BREAK.split(left)[-1] + " " + right
    return local


def own_clause(fu: FigureUse) -> str:
    """The part of the figure's sentence between the ``CLAUSE_BREAK``s around it (the whole sentence when none)."""
    text = fu.sentence.text
    if ";" not in text and "," not in text and "—" not in text and "–" not in text:
        return text
    at = fu.figure.start - fu.sentence.start
    start, end = 0, len(text)
    asides = _BRACKETED.finditer(text) if "(" in text else ()
    inside = [(a.start(), a.end()) for a in asides]
    for m in CLAUSE_BREAK.finditer(text):
        if any(a < m.start() < b for a, b in inside):
            continue  # "(estimated, by X; not a measured figure)": a break inside a caveat ends no clause
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at + len(fu.figure.text):
            end = m.start()
            break
    return text[start:end]


def _publishers(sentence, exchanges: frozenset[str], phrases: PhraseSet) -> frozenset[str]:
    """Exchanges the sentence names once, and there as its source, right after the attribution's words or before
    its data noun: "According to HTX's own figures, 10 accounts ..." names HTX as the publisher of the count, not
    as the venue of another provider's count on HTX."""
    if not exchanges or not (exchanges & sentence.attributed):
        return frozenset()
    text, named = sentence.text, sentence.named_at()
    ends = phrases.marker_ends("attribution", text)
    out = set()
    for sid in exchanges & sentence.attributed:
        spans = [(a, b) for a, b, n in named if n == sid]
        if len(spans) != 1:
            continue
        a, b = spans[0]
        if any(e <= a and not text[e:a].strip() for e in ends) or text[:a].rstrip().endswith("(") \
                or (phrases.frames is not None and phrases.frames.source_before(text, b)):
            out.add(sid)
    return frozenset(out)


# A figure's bound word and the kind of hedge a fact's source gave: "as much as $10,000" is the fact whose
# source said "as much as", of two alike but for that (and a window the sentence does not name).
_BOUND_HEDGES = {"at_least": HedgeKind.FLOOR, "at_most": HedgeKind.CEILING}


def _earlier_words(fu: FigureUse) -> str:
    """The words of the figure's sentence before it, source names and stablecoin units blanked: the
    "USDT" of "4.4 trillion USDT" is the amount's currency, not an asset the sentence is about."""
    text = _without_sources(fu.sentence)[:fu.figure.start - fu.sentence.start]
    for other in fu.sentence.figures:
        f = other.figure
        if f.start >= fu.figure.start:
            break
        if f.unit in STABLECOIN_QUOTES:
            a, b = f.start - fu.sentence.start, f.end - fu.sentence.start
            text = text[:a] + " " * (b - a) + text[b:]
    return text


def _without_sources(sentence) -> str:
    """The sentence with the source names it mentions blanked ("Bitcoin Protocol data" names no asset)."""
    text = sentence.text
    for m in reversed(sentence._source_mentions()):
        text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return text


def _garbled(sentence: str, phrases: PhraseSet, tickers: re.Pattern | None) -> frozenset[str]:
    """Both assets of every "Name (TICKER)" pair of the sentence whose two halves name different assets."""
    out: frozenset[str] = frozenset()
    if "(" not in sentence:
        return out
    for m in _TICKER_PAREN.finditer(sentence):
        word = _WORD_BEFORE.search(sentence, max(0, m.start() - _WORD_REACH), m.start())
        if word is None:
            continue
        name, ticker = _asset_cues(phrases, tickers, word.group(1)), _asset_cues(phrases, tickers, m.group(1))
        if name and ticker and name.isdisjoint(ticker):
            out = out | name | ticker
    return out


@lru_cache(maxsize=None)
def _norm_window(w: str | None) -> str | None:
    """A window by its length, so a fact's "30d" is the "30 days" (cue "1mo") of the words, "1d" is "24h"."""
    return f"{window_minutes(w)}m" if w else w


def _norm_windows(keys: frozenset[str]) -> frozenset[str]:
    return frozenset(_norm_window(k) for k in keys) if keys else keys


# Any window written as a count of units, as drafts print every window a fact file may hold ("over 72 hours",
# "9999 minutes", "one month", "the past minute"), besides the phrase table's idioms ("weekly"); by its length.
_UNIT_KEY = {word: key for key, words in WINDOW_UNIT_WORDS.items() for word in words}  # "hours" -> "h"
# A year is no unit a fact file's window is written in (the schema asks for "12mo"), but prose says "over the past year",
# "a 2-year low": read as that many twelve months, so the words name the fact's own window, not none (or another one
# the sentence names for a figure before it).
_MONTHS_PER_YEAR = 12
_LONGEST_WINDOW = 10_000  # a window's count has at most four digits (vocabulary.WINDOW_RE): "900 years" is none
_YEAR_WORDS = ("year", "years")
_UNIT_KEY.update({word: "y" for word in _YEAR_WORDS})
_NUMBERED_WINDOW = re.compile(rf"(?<![\w.,])(?:(\d{{1,4}})[- ]|(?:one|past|last)\s+)({'|'.join(sorted(_UNIT_KEY, key=len, reverse=True))})\b",
                              re.IGNORECASE)


def _window_cues(phrases: PhraseSet, text: str) -> frozenset[str]:
    """The windows the words name, by length in minutes."""
    found = _norm_windows(phrases.cues("window", text))
    for m in _NUMBERED_WINDOW.finditer(text):
        n = int(m.group(1)) if m.group(1) else 1  # "one day", "the past minute"
        key = _UNIT_KEY[m.group(2).lower()]
        if key == "y" and not m.group(1) and m.group(2).lower() != "year":
            continue  # "in past years", "over the last years": earlier years, no window
        if key == "y":
            n, key = n * _MONTHS_PER_YEAR, "mo"
        if n and n < _LONGEST_WINDOW:
            found = found | {_norm_window(f"{n}{key}")}
    return found


def _window_cues_kept(phrases: PhraseSet, text: str, kept: dict[str, frozenset[str]] | None) -> frozenset[str]:
    """``_window_cues(phrases, text)``, looked up in ``kept`` first when given (and kept there)."""
    if kept is None:
        return _window_cues(phrases, text)
    got = kept.get(text)
    if got is None:
        got = kept[text] = _window_cues(phrases, text)
    return got


_HEARSAY = frozenset({"rumor", "pending", "claim"})
# The facts a verb of loss to liquidation describes (``Cues.loss``), and what it adds to them: less than the
# metric's own noun (1), more than words naming no window add to a fact with none (0.25), which otherwise let a
# transfer of the same size and no window win over the 24-hour liquidation figure the words describe.
_LOSS_METRICS = frozenset({"liquidations"})
_LOSS_BONUS = 0.5
# What a transfer loses where the words say the figure was lost and name no transfer: more than a source's name may
# pick past (``_SOURCE_PICKS``) together with the loss bonus, so "lost $39 million, according to Arkham" is the
# ether liquidations Arkham did not report (P008), not Arkham's transfer of that size.
_NOT_A_LOSS = 1.5
# What a transfer loses where the figure's words name no transfer and no loss: more than words naming no window add
# to a fact with none (0.25), so "ether about $39 million, both trackers show" is the ether liquidations, not a
# transfer of that size; less than any cue of the words (1).
_NO_TRANSFER_WORDS = 0.5
# What naming every source of a fact adds to the source bonus: "the figure comes from Binance" is Binance's own fact,
# not one Binance reports with research institutions. Less than any word's cue: it decides only between such facts.
_EVERY_SOURCE = 0.125
# What naming a fact's venue in the figure's own words adds over naming it elsewhere in the sentence: "Binance shows
# $6.9 million, ahead of OKX at $3.6 million" is Binance's figure. Half a cue: it decides only between venues.
_OWN_CLAUSE_VENUE = 0.5
# How much worse than the best the words may describe a fact that a source's name still picks: a metric's own noun (1)
# is within it, a metric's noun and a verb of loss against it (1.25 and more) are not.
_SOURCE_PICKS = 1.0
# Metrics that are prices or levels, not amounts: a price is never a liquidation total.
PRICE_METRICS = frozenset({"price_level", "price_change", "index_level", "sentiment_index", "funding_rate", "support_level"})
# How far an edited value may be from the fact it contradicts: a typo changes digits, not the order of magnitude.
EDIT_FACTOR = 10.0


def _kind_fits(fact: Fact, cues: Cues) -> bool:
    """Whether words of a price (or of an amount) may be about this fact: a price is never a volume."""
    price_words = bool(cues.metrics & {"price_level"}) and "liquidations" not in cues.metrics
    amount_words = "liquidations" in cues.metrics and "price_level" not in cues.metrics
    return not ((price_words and fact.metric not in PRICE_METRICS) or (amount_words and fact.metric == "price_level"))


def plausible_edit(fig: Figure, s: Support, cues: Cues) -> bool:
    """Could this figure be a mistyped or stale version of this fact (rather than another kind of number)?"""
    fact = s.fact
    if fact is not None and not s.anchor and not _kind_fits(fact, cues):
        return False
    if "fund_flow" in cues.metrics and (fact is None or fact.metric != "fund_flow"):
        return False  # an ETF outflow is not a mistyped liquidation total
    return _near_in_size(fig, s)


def _near_in_size(fig: Figure, s: Support) -> bool:
    """Within the edit factor of the support's midpoint: what a mistyped value never leaves (``plausible_edit``)."""
    mid, val = (s.lo + s.hi) / 2, fig.value
    if mid == 0 or val == 0:
        return True
    ratio = abs(val / mid)
    return 1 / EDIT_FACTOR <= ratio <= EDIT_FACTOR


def _named_asset(cues: Cues) -> frozenset[str]:
    """The asset the figure's words are about: its own clause's, else the only one its sentence names
    ("If ether breaks $4,000, shorts worth $300 million..." is ether's zone)."""
    if cues.assets:
        return cues.assets
    return cues.sentence_assets if len(cues.sentence_assets) == 1 else frozenset()


def mismatch(cues: Cues, s: Support, figures_in_sentence: int = 1) -> tuple[str, ...]:
    """Which of side, asset, window, venue the figure's own words name differently from the fact."""
    fact = s.fact
    if fact is None:
        return ()
    named = _named_asset(cues)
    out = []
    if cues.sides and fact.side is not None and fact.side not in cues.sides:
        out.append("side")  # also a level's: "longs are stacked below $80,000" names whose level it is
    if s.anchor and not cues.sides and cues.level_sides and fact.side is not None and fact.side not in cues.level_sides:
        out.append("side")  # "a slide under $91,000 would set off short liquidations" for the longs' zone under $91,000
    if s.anchor:  # a price level is a price of the fact's asset, whatever window or venue its amount has
        return (*out, "asset") if len(named) == 1 and fact.asset is not None and fact.asset not in named else tuple(out)
    if len(named) == 1 and fact.asset is not None and fact.asset not in named:
        out.append("asset")
    if len(cues.assets) > 1 and fact.asset is not None and figures_in_sentence == 1:
        out.append("asset")  # "BTC and ETH liquidations" is a combined figure (not a list: "X and Y ... $A and $B")
    if cues.local_windows and fact.window and _norm_window(fact.window) not in cues.local_windows:
        out.append("window")
    near = _near_venues(cues, s)
    if near and fact.venue and fact.venue not in near:
        out.append("venue")
    if cues.counting and (fact.venues or fact.assets) and (cues.counting == "each") != fact.each:
        out.append("counting")  # "combined" for a figure each venue shows on its own, or "each" for their sum
    if fact.venues and _other_venues(cues, s):
        out.append("venue")  # "on Binance" for liquidations counted on Bybit and OKX
    return tuple(out)


def _mismatch_in(fu: FigureUse, cues: Cues, s: Support, figures_in_sentence: int) -> tuple[str, ...]:
    """``mismatch``, not counting as a venue an exchange the sentence names only inside the fact's own subject, which
    it repeats: "liquidated on Bitfinex for Binance Futures" holds a figure of Bitfinex whose holder is named for
    another exchange."""
    held = _subject_exchanges(fu, s.fact) & cues.near_exchanges
    return mismatch(replace(cues, near_exchanges=cues.near_exchanges - held) if held else cues, s, figures_in_sentence)


def _subject_exchanges(fu: FigureUse, fact: Fact | None) -> frozenset[str]:
    """The registered names the sentence gives only inside the fact's subject, when it repeats that subject."""
    rx = fu.sentence._reader.source_rx
    if fact is None or not fact.subject or rx is None or not _names(fu.sentence.text, fact.subject):
        return frozenset()
    spelling = fu.sentence._reader.spelling
    inside = Counter(spelling[m.group(0).lower()] for m in rx.finditer(_plain_words(fact.subject)))
    if not inside:
        return frozenset()
    everywhere = Counter(sid for _, _, sid in fu.sentence.named_at())
    return frozenset(sid for sid, n in inside.items() if everywhere[sid] <= n)


def _near_venues(cues: Cues, s: Support) -> frozenset[str]:
    """The exchanges the figure's own words name as its venue: an exchange named there as the figure's source is not
    its venue ("FTX reported $X"), unless it is the fact's venue too and the sentence names it twice, once for each
    ("On figures from FTX, ... on FTX for Binance Futures": FTX is both, and the holder's exchange is not the venue).
    An exchange that gave the fact only words is a source too: "(Bitfinex gave no figure: ...)" names no venue."""
    fact = s.fact
    own = {fact.venue, *fact.venues} & cues.repeated if fact is not None else set()
    worded = {sid for sid, _ in fact.worded} if fact is not None else set()
    return cues.near_exchanges - ((set(s.sources) | worded) - own)


def _other_venues(cues: Cues, s: Support) -> frozenset[str]:
    """The exchanges the figure's words name as its venue that are none of the venues a fact counts together."""
    return _near_venues(cues, s) - set(s.fact.venues)


def _score(s: Support, cues: Cues, potential: bool, hearsay: bool, named: frozenset[str]) -> tuple[float, int, float]:
    """(score, conflicts, source bonus): how well the words around a figure describe a support,
    and how much of the score is only the source's name (which picks among facts the value
    fits, but never makes a figure contradict a fact: a wrong source is P008's business).

    ``potential`` and ``hearsay`` (does the sentence speak of an estimate, of a
    rumour or claim?) are read once per figure by the caller, not per support."""
    score, conflicts, bonus = 0.0, 0, 0.0
    overlap = set(s.sources) & named
    if overlap:
        bonus = 1.5 + 0.5 * len(overlap)  # naming both of a fact's sources beats naming one
        if len(overlap) == len(s.sources):
            bonus += _EVERY_SOURCE  # naming one source is its own fact's, not the fact it shares with another source
        score += bonus
    fact = s.fact
    if fact is not None:
        if cues.sides:
            if fact.side in cues.sides:
                score += 2
            elif fact.side is not None:
                conflicts += 1
            else:
                score -= 1
        if cues.assets:
            if fact.asset in cues.assets:
                score += 2
            elif fact.assets and cues.assets <= set(fact.assets):
                # "BTC and ETH liquidations": a figure of both counted together; one of them named, no conflict
                score += 2.5 if len(cues.assets) > 1 else 0
            elif not cues.total or fact.asset is not None:
                conflicts += 1  # "XRP liquidations" is neither a BTC figure nor the total
        elif cues.sentence_assets:
            if fact.asset in cues.sentence_assets:
                score += 1
        # Unqualified words ("liquidations reached $X") describe the unqualified figure.
        if not cues.sides and fact.side is None:
            score += 0.5
        if not cues.assets and fact.asset is None:
            score += 0.25
        if not cues.near_exchanges and fact.venue is None:
            score += 0.25
        if cues.windows and fact.window:
            if _norm_window(fact.window) in cues.windows:
                # a window named only elsewhere in the paragraph weighs no more than naming none: it must not
                # outweigh a sentence's exact value of a fact with no window ("moved by 0%" beside a 60-minute range)
                score += 0.25 if cues.paragraph_windows else 1
            elif not cues.paragraph_windows:
                conflicts += 1
        elif (not cues.windows or cues.paragraph_windows) and fact.window is None:
            score += 0.25  # words naming no window describe the fact with none (of two alike, one has a window)
        if cues.bound and _BOUND_HEDGES[cues.bound] in hedge_kinds(fact.hedge):
            score += 0.5  # the source's own bound, as printed: it says more than naming no window does
        if fact.venue:
            # an exchange named only as the publisher is the venue of its own figures, not of another source's
            named = fact.venue in cues.venues and (fact.venue not in cues.publishers or fact.venue in s.sources)
            score += 2 if named else -1
            if named and fact.venue in cues.near_exchanges:
                score += _OWN_CLAUSE_VENUE  # of two venues the sentence names, the one in the figure's own words
        elif fact.venues:
            # several venues counted together ("liquidations on Bybit and OKX"): naming them is the fact's own words;
            # another exchange in the figure's words is not one of them
            if _other_venues(cues, s):
                conflicts += 1
            elif cues.near_exchanges & set(fact.venues):
                score += 2  # in the figure's own words: "88% ... and over 80% of those on OKX and Bybit" names them for 80% only
        elif cues.near_exchanges - set(s.sources) and not cues.total:
            conflicts += 1  # "liquidations on Binance" is not a network-wide figure
        if cues.directions and fact.direction and (s.anchor or fact.metric == "price_level"):
            if fact.direction in cues.directions:
                score += 1
            else:
                conflicts += 1
        if cues.total and fact.side is None and fact.asset is None and fact.venue is None:
            score += 1
        if fact.metric in cues.metrics or (s.anchor and "price_level" in cues.metrics):
            score += 1
        elif fact.metric == "onchain_transfer" and not s.anchor:
            # a transfer needs its own words ("moved", "sent"): without them it loses to a figure of the same size the
            # words fit as well; against a verb of loss, to the liquidations the words describe
            score -= _NOT_A_LOSS if cues.loss else _NO_TRANSFER_WORDS
        elif cues.loss and fact.metric in _LOSS_METRICS and not s.anchor and "onchain_transfer" not in cues.metrics:
            score += _LOSS_BONUS  # "ether positions lost $39 million": a liquidation figure
        if cues.change and _CHANGE_OF.get(fact.metric, fact.metric.removesuffix("_change")) in cues.metrics - {fact.metric}:
            score += 2  # "liquidations rose 96%": a change in liquidations (noun and verb), more than the liquidations the
            # noun alone names or a price change the verb alone names
    # Words of potential or of rumour point at such facts, and away from realised ones.
    if s.status is Status.ESTIMATE:
        score += 1 if potential else -1
    elif s.status in (Status.RUMOR, Status.PENDING_VERIFICATION):
        score += 1 if hearsay else -1
    elif hearsay and not potential:
        score -= 1
    return score, conflicts, bonus


@dataclass
class _Reading:
    """What ``link`` knows of a figure before it scores a support: its words' classes, the sources in scope, whether
    it is quoted, averaged ("an average of", "per day"), vague, followed by another metric's noun, and the window of
    values it could be."""

    fu: FigureUse
    cues: Cues
    named: frozenset[str]
    potential: bool  # an estimate word in the sentence
    hearsay: bool
    quoted: bool
    averaged: bool
    per: str | None
    window: tuple[float, float]
    other_noun: bool  # "$X of spot volume": the figure's own noun, after it

    @property
    def fig(self) -> Figure:
        return self.fu.figure


def _reading(fu: FigureUse, cues: Cues, classes: set[str] | None, named: frozenset[str] | None) -> _Reading:
    classes = fu.sentence.classes if classes is None else classes
    # do the figure's own words say "average" (before it), or "per day", "a day" (after it)?
    averaged = _AVERAGE_WORDS.search(fu.left[-_AVERAGE_REACH:]) is not None or _PER_WORDS.match(fu.right) is not None
    return _Reading(
        fu=fu, cues=cues, named=frozenset(fu.sentence.sources) if named is None else named,
        potential="estimate" in classes, hearsay=not _HEARSAY.isdisjoint(classes),
        quoted=_inside_quotes(fu.sentence.text, fu.figure.start - fu.sentence.start),
        averaged=averaged, per=_average_per(fu) if averaged else None,
        # Only supports the value could fit are asked ``value_match`` (every match lies in ``value_window``),
        # and only those within the edit factor are scored as candidate contradictions: most supports are
        # neither, and scoring every one of them was most of the time spent linking.
        window=value_window(fu.figure), other_noun=_OTHER_NOUN_AFTER.match(fu.right) is not None,
    )


def link(fu: FigureUse, supports: list[Support], unavailable: list[Fact], cues: Cues, classes: set[str] | None = None,
         index=None, named: frozenset[str] | None = None) -> Link:
    """The support a figure was written from, or why there is none.

    ``index`` (a ``support_index.SupportIndex`` of ``supports``): score only the supports the
    figure's value could fit; without it every support is tried (the plain all-pairs scan).
    ``named``: the sources in scope of the figure (its sentence's, and its run opening's); by default
    the sentence's."""
    r = _reading(fu, cues, classes, named)
    foreign = []
    if index is not None:
        supports, foreign = index.lookup(fu.figure, cues.assets)
    matched, described, own_words, repeated = _scored(r, supports)
    if foreign:
        matched = _with_foreign(matched, foreign, index, fu, cues, r.potential, r.hearsay, r.named, r.averaged, r.per)
    matched = _narrowed(r, matched, own_words)
    described = _described(r, described, unavailable, matched)
    best_m = max((m[0] for m in matched), default=None)
    # A figure inside quotation marks that the quoted words hold is theirs, whatever else the sentence describes.
    # So is a figure of words the fact file holds that the sentence repeats (a context item's, a note's).
    quoted_match = repeated or (r.quoted and any(m[1].id.startswith(("quote:", "context:")) for m in matched))
    credited_over = None  # a fact the words describe that a credited source's match overrode (``_credited_match``)
    if described and not quoted_match:
        verdict, credited_over = _words_over_value(r, matched, described)
        if verdict is not None:
            return verdict
    if matched:
        return _chosen(r, matched, best_m, foreign, credited_over)
    return Link("unsupported")


def _scored(r: _Reading, supports: list[Support]) -> tuple[list, list, set[str], bool]:
    """Every support the value fits, scored by how well the words describe it (``matched``), and every fact the words
    describe well that the value misses, a candidate contradiction (``described``); the supports whose own words the
    sentence gives, and whether it repeats any."""
    fu, fig, cues, named = r.fu, r.fig, r.cues, r.named
    potential, hearsay, quoted, averaged, per = r.potential, r.hearsay, r.quoted, r.averaged, r.per
    a, b = r.window
    vague = fig.qualifier == "vague"
    other_noun = r.other_noun
    matched: list[tuple[float, Support, str, float, int]] = []  # (score, support, how, words' score, conflicts)
    own_words: set[str] = set()  # supports whose own words the sentence gives (quoted, or repeated whole)
    described: list[tuple[float, object, float]] = []  # (score, support or fact, score without the source bonus)
    repeated = False  # does the sentence repeat the words of a support the value fits?
    for s in supports:
        if not (_unit_ok(fig, s.unit) or _per_unit(fig, s) or (fig.unit == "coins" and _counted_coins(fig, s))):
            continue
        if not _average_fits(fig, s, averaged):
            continue  # a disputed range written as its average is a collapsed range; a daily average is no total
        how = value_match(fig, s) if _meets(s, a, b) and not _item_contradicted(fig, s, cues) else None
        if how is not None and s.fact is not None and other_noun and names_other_metric(s.fact, cues.metrics):
            continue  # "tens of millions in spot volume" is no liquidation total its value happens to reach
        if how is None and (s.fact is None or vague or not _near_in_size(fig, s)):
            continue  # neither a match nor a candidate contradiction: its score is never read
        score, conflicts, bonus = _score(s, cues, potential, hearsay, named)
        if how is not None:
            if conflicts and _repeats_subject(s, fu.sentence.text):
                # the side, asset or venue words are the subject's own ("a Hyperliquid trader who was long on BTC")
                conflicts, repeated = 0, True
            says = False  # does the sentence give the support's own words (quoted, or repeated)?
            if quoted and s.id.startswith(("quote:", "context:")):
                score += 3  # a figure inside quotation marks is the quoted words' figure
                says = True
            elif s.words is not None and _plain_words(s.words).casefold() in _plain_words(fu.sentence.text).casefold():
                score += 3  # a sentence that repeats the words (a quote's without quotation marks, a context item's) is theirs
                repeated = says = True
            elif s.words is not None and s.fact is None and _same_lead_in(fu.left, s.words):
                score += _LEAD_IN_WORDS  # "a mean entry cost near $3,100": the item's own words for its figure
            if says and s.words is not None and (_plain_words(s.words).casefold() in _plain_words(fu.sentence.text).casefold()
                                                 or (quoted and s.id.startswith("quote:") and _gives_words(fu.sentence.text, s.words))):
                own_words.add(s.id)
            if says or s.speaker is not None:
                penalty = _copy_penalty(s, frozenset(fu.sentence.sources), bonus)
                if penalty:  # the bonus it lost is no longer part of its score: its words' score keeps what is left
                    score, bonus = score - penalty, min(bonus, _RUN_COPY)
            else:
                score += echo_bonus(fig, s, fu.sentence.text)  # most of a context item's words, its figure to the digit
            score += _average_bonus(s, averaged, per)
            score += _subject_bonus(s, fu.sentence.text) + _place_bonus(s, fu)
            if s.speaker is not None and _names(fu.sentence.text, s.speaker):
                score += 1  # of two speakers saying the same words, the one the sentence names
                if _named_first(fu.sentence.text, s.speaker, supports):
                    score += _FIRST_SPEAKER  # ...and of two it names, the one it names first ("CZ, a trader at a fund, said")
            if s.relayed and not named.isdisjoint(s.sources):
                score += _RELAYED  # one speaker's words given directly and relayed: naming the relay is the relayed copy
            matched.append((score - 3 * conflicts, s, how, score - bonus - 3 * conflicts, conflicts))
        elif s.fact is not None and fig.qualifier != "vague" and conflicts == 0 and score >= 2 and plausible_edit(fig, s, cues) \
                and not names_other_metric(s.fact, cues.metrics):  # "a dip in volume" is no wrong value of a share
            described.append((score, s, score - bonus))
    return matched, described, own_words, repeated


def _narrowed(r: _Reading, matched: list, own_words: set[str]) -> list:
    """The matches left once exact values, facts over their notes, a quote's own words and a range's own shape have picked."""
    fig = r.fig
    matched = prefer_exact(fig, matched)  # "around $0.725" is the support of $0.725, not one only the hedge reaches
    matched = _credited_of_one_fact(r, matched)
    matched = _facts_over_notes(fig, matched, own_words)
    if own_words:
        # a sentence that gives a quote's or a context item's words whole gives their figure: a fact the value also fits
        # (to its rounding: "$500 million" for $470 million), whose source the sentence names, is not what it prints
        matched = [m for m in matched if m[1].id in own_words]
    if not fig.point and any(_shape_rank(fig, m[1]) == _OWN_SHAPE for m in matched):
        # A range printed with both ends of a fact held as that range is that fact, whatever the words say of a
        # point that only lies inside it ("between $100 million and $161 million" is the disputed level, not
        # the price of $100 million beside it that "broke through" also describes): ``_shape_rank``.
        matched = [m for m in matched if _shape_rank(fig, m[1]) < _OTHER_SHAPE]
    return matched


# A share of what is held ("a fifth of the circulating SOL", "7% of its circulating supply", "12% of all SOL tokens"): a
# part of a stock of coins, which a price or a move of one never is (their words may still name the asset).
_SHARE_OF_HOLDINGS = re.compile(r"\s*\)?\s+of\s+(?:the\s+|its\s+|their\s+|all\s+|[\w-]+['’]s\s+)?(?:total\s+)?(?:[\w-]+\s+){0,2}?"
                                r"(?:circulating|supply|tokens|coins|holdings|addresses|wallets)\b", re.IGNORECASE)


def _a_move(target) -> bool:
    """Is the fact (or a support's fact) a price or a change of a price or amount?"""
    fact = target.fact if isinstance(target, Support) else target
    return fact is not None and (fact.metric.endswith("_change") or fact.metric in PRICE_METRICS)


# What the item's own two words before its figure, standing right before this figure, add to a context item or quote
# the value fits ("mean entry cost about $3,100" for an item "holders sit at a mean entry cost of $3,100"): as much as a metric's
# and an asset's words give a fact, so the item's words are not outweighed by a fact's kind alone.
_LEAD_IN_WORDS = 2
_LEAD_IN_REACH = 60  # characters before the figure read for its two words
# Between the two words and the figure: hedges, a link verb, a preposition ("price near $40K", "cost of about $3").
_LEAD_GAP = r"(?:\s*(?:~|≈|near|nearly|about|around|roughly|approximately|some|almost|at|of|is|was|were|stood at)\s*)*\s*[~$€£\d]"
_FUNCTION_WORDS = frozenset("the a an and or to of in on at by for with from as its their his her this that these those is was "
                            "were are be been near nearly about around roughly approximately some almost over under".split())


def _same_lead_in(left: str, words: str) -> bool:
    """Do the two content words right before the figure (hedges skipped) stand right before a figure in ``words``?"""
    found = re.findall(r"[A-Za-z][\w'’-]*", left[-_LEAD_IN_REACH:])
    while found and found[-1].lower() in _FUNCTION_WORDS:
        found.pop()
    lead = found[-2:]
    if len(lead) < 2 or any(w.lower() in _FUNCTION_WORDS for w in lead):
        return False
    return re.search(r"(?<![\w-])" + r"\s+".join(map(re.escape, lead)) + _LEAD_GAP, words, re.IGNORECASE) is not None


def _credited_of_one_fact(r: _Reading, matched: list) -> list:
    """Of one fact's supports the value fits (its own figure and the report's average of it, when the two values
    meet), those whose sources the sentence credits: "According to X and Y, ... came to an average of 5 billion per
    order" prints the fact X and Y give, not K's average of it, which happens to round to the same digits."""
    facts = {m[1].fact.id if m[1].fact is not None else None for m in matched}
    if len(matched) < 2 or len(facts) != 1 or None in facts:
        return matched
    credited = r.fu.sentence.attributed
    kept = [m for m in matched if not credited.isdisjoint(m[1].sources)]
    return kept if kept and len(kept) < len(matched) else matched


def _described(r: _Reading, described: list, unavailable: list[Fact], matched: list) -> list:
    """The facts the words describe that the value does not fit (unavailable ones too), as far as the words can tell."""
    fu, fig, cues, named = r.fu, r.fig, r.cues, r.named
    potential, hearsay = r.potential, r.hearsay
    for fact in unavailable:
        if (fig.unit is not None and fact.unit != fig.unit) or not _kind_fits(fact, cues):
            continue  # "the price broke through $10,000" does not give an unavailable volume
        score, conflicts, bonus = _score(Support(fact.id, fact.unit, math.nan, math.nan, fact.status, fact.sources, fact), cues, potential, hearsay, named)
        if conflicts == 0 and score >= 2:
            described.append((score + _UNAVAILABLE_TIE, fact, score - bonus + _UNAVAILABLE_TIE))
    if "respectively" in fu.sentence.text:
        described = []  # "BTC and ETH ... $X and $Y, respectively": the words cannot say which fact was meant
    elif fig.unit == "percent" and _SHARE_OF_HOLDINGS.match(fu.right):
        described = [d for d in described if not _a_move(d[1])]  # "40% of the circulating SOL" is no mistyped price move
    elif len(cues.assets) > 1:  # only a figure of those assets counted together can be the one meant
        described = [d for d in described if _counts_together(d[1], cues.assets)]
    if described and matched:
        # The value fits some fact: only the words (not a source's name) may say it was meant for another.
        described = [(words, t, words) for _, t, words in described if words >= 2]
    return described


def _words_over_value(r: _Reading, matched: list, described: list):
    """(a Link, None) when the words name another fact much better than any the value fits (a wrong value, a
    start of a move, an unavailable figure); (None, that fact) when a credited source's own figure overrides it; else (None, None)."""
    fu, fig = r.fu, r.fig
    best_d = max(d[0] for d in described)
    top = [d[1] for d in described if d[0] == best_d]
    # the words' score of the fact the value would be linked to (the best match overall)
    best_words = max(matched, key=lambda m: m[0])[3] if matched else None
    # The words name another fact much better than any fact the value fits: a wrong value.
    if len({t.id for t in top}) == 1 and (best_words is None or best_d >= best_words + 2):
        t = top[0]
        if (fig.qualifier not in _LOOSE_QUALIFIERS and _credited_match(matched, t, frozenset(fu.sentence.attributed))) \
                or _prints_ends(fig, matched):
            return None, t  # the credited source's own figure, or a range's both ends: linked below, its words judged there
        elif isinstance(t, Support) and link_evidence.starts_move(fu):
            return link_evidence.earlier_value(fu, t.fact, Support, Link), None  # "fell to 27 from 41": where it started
        elif isinstance(t, Support):
            return Link("contradicts", t, t.fact), None
        else:
            return Link("unavailable", None, t), None
    return None, None


def _chosen(r: _Reading, matched: list, best_m: float, foreign: list, credited_over) -> Link:
    """The link to the best of the supports the value fits, with what the words contradict of it."""
    fu, fig, cues = r.fu, r.fig, r.cues
    fitting = matched  # every support the value fits, before the words pick (``bound_swap``)
    # A source's name picks among the facts whose words fit about as well as the best (``_SOURCE_PICKS``), never
    # one the words describe much worse: "the fund moved $38.6 million of ether, CoinGlass said" is the transfer
    # (a wrong source, P008), not CoinGlass's ether liquidations of that size.
    best_words = max(m[3] for m in matched)
    near = [m for m in matched if m[3] >= best_words - _SOURCE_PICKS]
    if len(near) < len(matched):
        matched, best_m = near, max(m[0] for m in near)
    top_m = [m for m in matched if m[0] == best_m]
    if all(m[2] != "match" for m in top_m):
        # A source's name picks among the facts a value fits, but never makes it a collapsed range of one fact when
        # the words fit another it matches as well: a wrong source is P008's ("the price hit roughly $95,000,
        # according to X" is the price of $95,000, not X's heat-map band from $96,500 the rounding reaches).
        words = max(m[3] for m in top_m)
        if all(_worded_only(m[1]) for m in top_m):
            words -= _SOURCE_PICKS  # a magnitude in words pins no value: a fact the digits fit, described nearly as well, is meant
        true = [m for m in matched if m[2] == "match" and m[3] >= words]
        if true:
            top_m = [m for m in true if m[0] == max(t[0] for t in true)]
    # Prefer a true match to a collapsed range when both fit equally well, then the value nearest the figure's
    # ("around $66,500" is the fact of $66,500, not its neighbour at $67,000 that the rounding also reaches).
    # Last, the fact of the figure's own shape (``_shape_rank``): a range printed with both ends is the fact held
    # as a range, a single value the fact with one ("about -0.5% to +0.5%" is the ranged fact, not "about 0%"
    # whose hedge also reaches both ends). Among values the digits all round to, one the figure prints exactly
    # comes first (``_prints_exactly``: "fell by 500, from 1,500 to 1,000" ends on the fact of 1,000, not on the
    # start of 1,500 that a round "1,000" also reaches).
    metric_words = _metric_words(r, top_m)
    top_m.sort(key=lambda m: (m[2] != "match", m[1].anchor, _bare_dollars(fig, m[1]), _distance(fig, m[1]),
                              not _prints_exactly(fig, m[1]), _shape_rank(fig, m[1]), -metric_words.get(id(m[1]), 0)))
    kind = "supported" if top_m[0][2] == "match" else "collapsed"
    best = top_m[0][1]
    n = len(fu.sentence.figures)
    wrong = () if "respectively" in fu.sentence.text else _mismatch_in(fu, cues, best, n)  # "X and Y ... $A and $B, respectively"
    if wrong and any(not m[4] and not _mismatch_in(fu, cues, m[1], n) for m in matched):
        wrong = ()  # another fact the value fits agrees with the words (and they contradict nothing of it): not a mismatch
    if credited_over is not None and _other_metric(credited_over, best, cues):
        wrong = (*wrong, "metric")  # "the biggest single liquidation was $9.6 million, X said": X's figure of another kind
    if not wrong and (swapped := bound_swap(fig, best, lambda: _bound_pool(fig, fitting, foreign), _named_asset(cues),
                                            cues.bound_assets)) is not None:
        how = "supported" if value_match(fig, swapped) == "match" else "collapsed"
        return Link(how, swapped, swapped.fact, [], ("asset",))  # "bitcoin rose over 3%": ether's 3%
    if not wrong and (swapped := open_end_swap(fig, best, lambda: _bound_pool(fig, fitting, foreign), cues.sides)) is not None:
        how = "supported" if value_match(fig, swapped) == "match" else "collapsed"
        return Link(how, swapped, swapped.fact, [], ("side",))  # "shorts lost over $156 million": the longs' $156 million
    if best.fact is not None and best.fact.asset in cues.garbled and "asset" not in wrong:
        wrong = (*wrong, "asset")  # "Ethereum (BTC) fell 4%": the words contradict themselves about this fact's asset
    return Link(kind, best, best.fact, [m[1] for m in top_m[1:]], wrong)


def _facts_over_notes(fig: Figure, matched: list, own_words: set[str]) -> list:
    """``matched`` without the figures of a fact's free-text note ("text:<id>") when a fact holds the figure's value to
    its printed digits and the sentence does not repeat the note's words: a note that restates a fact's figure ("$160.9
    million is 70% of the total") is no claim of its own, and must not hide what the words say of that fact (its side,
    its asset: "short positions made up $160.9 million" for the longs' $160.9 million is a side swapped, P012)."""
    if not any(m[1].id.startswith("text:") for m in matched):
        return matched
    if not any(m[1].fact is not None and not m[1].anchor and exact_fit(fig, m[1]) for m in matched):
        return matched
    return [m for m in matched if not m[1].id.startswith("text:") or m[1].id in own_words]


def _worded_only(s: Support) -> bool:
    """Is the support a fact held only as a magnitude in words ("several million", "tens of thousands"), no number? Its
    interval is how the words read, not a range any source printed: "one account lost $4 million" beside a fact of "millions
    of dollars on each venue" and the largest single liquidation of $7 million is the latter, not a collapsed range."""
    fact = s.fact
    return fact is not None and not s.anchor and bool(fact.observations) and all(
        o.magnitude is not None and o.value is None and o.range is None for o in fact.observations)


def _bound_pool(fig: Figure, fitting: list, foreign: list) -> list[Support]:
    """Every support a bounded figure's value fits, whatever its words score: those scored (``fitting``) and, through the
    index, the facts of assets the words do not name (``foreign``, never all opened by ``_with_foreign``), so that
    ``bound_swap`` sees what the all-pairs scan sees."""
    pool = {id(m[1]): m[1] for m in fitting}
    for _, members in foreign:
        for s in members():
            if id(s) not in pool and (_unit_ok(fig, s.unit) or _per_unit(fig, s)) and value_match(fig, s) is not None:
                pool[id(s)] = s
    return list(pool.values())


def _prints_ends(fig: Figure, matched: list) -> bool:
    """Does a range print both ends of a ranged fact its value matches ("a long flush worth $150 million to $190
    million" for a total held as $150 million to $190 million)? Both ends are that fact's, whatever fact the words
    describe better: not a contradiction of the other."""
    return not fig.point and any(m[2] == "match" and _ends_of(fig, m[1]) for m in matched)


# Qualifiers under which a figure fits a span of values, not one ("at least $84 million"): its value matching a
# credited source's fact is no evidence that it is that fact rather than the one its words describe.
_LOOSE_QUALIFIERS = frozenset({"at_least", "at_most", "vague"})


def _metric_words(r: _Reading, top_m: list) -> dict[int, int]:
    """Last, between facts of several metrics the words name alike ("share" names an open-interest share and a volume
    share; a fact's metric scores once however many of its words are there): id(support) -> how many of its metric's
    own phrases the figure's clause holds ("the share of trading volume" is the volume's). Empty for a single metric."""
    metrics = {m[1].fact.metric for m in top_m if m[1].fact is not None}
    finder = r.cues.metric_finder
    if len(metrics) < 2 or finder is None:
        return {}
    clause = own_clause(r.fu)
    found = {metric: finder.phrases_found(metric, clause) for metric in metrics}
    return {id(m[1]): found[m[1].fact.metric] for m in top_m if m[1].fact is not None}


def _credited_match(matched: list, described, credited: frozenset[str]) -> bool:
    """Does the value match a fact whose source the sentence credits (``credited``: named as a source, not as a
    venue), while the fact the words describe better has none of its sources credited? Then the writer took the
    figure from the source credited ("On Hyperliquid, one trader who was long 40x on bitcoin lost $9.6 million,
    Lookonchain said" is Lookonchain's trader, not the exchange's largest long liquidation of $6.4 million that
    "long" and "bitcoin" describe): no contradiction; the words' cues are judged against the fact matched (P012)."""
    if not credited or not isinstance(described, Support) or set(described.sources) & credited:
        return False  # (a figure for a metric marked unavailable stays P007's whoever is credited)
    # a fact's own value: a context item's words the sentence does not repeat are not what the source is credited for
    return any(m[2] == "match" and m[1].fact is not None and not m[1].anchor and set(m[1].sources) & credited for m in matched)


def _other_metric(described, best: Support, cues: Cues) -> bool:
    """Do the figure's words name the metric of the fact they describe (a Support or an unavailable Fact), and not the
    metric of the fact its value matched?"""
    fact = getattr(described, "fact", described)
    return (fact is not None and best.fact is not None and fact.metric != best.fact.metric
            and fact.metric in cues.metrics and best.fact.metric not in cues.metrics)


# What an unavailable fact the words describe gains over an available one they describe as well: the figure printed
# where the file says there is none (P007) before a wrong value (P006). Less than the least cue (0.25: words naming no
# asset describe the fact of no asset), so it breaks exact ties only: "liquidations in the past hour" with a wrong
# value is the hour's total, not an unavailable XRP figure of the same hour (fuzz_check_links seeds 71-73).
_UNAVAILABLE_TIE = 0.125


# What naming the source that relays a speaker's words adds to that relayed copy (``Support.relayed``): a tie-break
# only (as ``_EVERY_SOURCE``), between the words given directly, their speaker their source, and the same words relayed:
# "X said: '...', according to Y" names both X and Y, and is Y's report of X's words.
_RELAYED = 0.125


# What a copy of words the file holds more than once loses when no source of it is named: less than any
# word's cue (1), so it decides only between copies.
_COPY_PENALTY = 0.5


def _copy_penalty(s: Support, named: frozenset[str], bonus: float) -> float:
    """One rule for words the file holds more than once (``Support.words``: a context item posted on X and the
    same with no known source; one speaker's words relayed by two sources; one note on two facts): the copy one of
    whose sources the sentence itself names (``named``) keeps its score; a copy with sources none of which it names
    loses ``_COPY_PENALTY`` and the source bonus ``_score`` gave it (from a run's opening, which named the words
    before, not this copy), so the unsourced copy is preferred to it; a copy with no source loses nothing. Between
    two sourced copies the sentence names neither of, the one whose sources the run's opening named keeps
    ``_RUN_COPY`` ("On data from X, ... stood at 3, BTC fell below $90,000 on Friday" is the note of X's figure, not
    the same note on another source's fact)."""
    if s.words is None or not s.sources or not named.isdisjoint(s.sources):
        return 0.0
    return bonus + _COPY_PENALTY - (_RUN_COPY if bonus else 0.0)


# What a sourced copy of words keeps of its run's source bonus (``_copy_penalty``): less than ``_COPY_PENALTY``, so an
# unsourced copy still comes first; a tie-break between sourced copies only.
_RUN_COPY = 0.125


# How close each printed end of a range must be to a ranged fact's to be its ends as printed: a draft rounds to two
# significant figures or more, which moves no end by more than 5%. (A range's own rounding is its coarser end's,
# "$10 billion" reaching 5 billion either way, so value_match alone would take "$5 billion to $10 billion" as
# $8 billion to $10 billion's ends.)
_ENDS_CLOSE = 0.05


def _ends_of(fig: Figure, s: Support) -> bool:
    """Does a range figure print both ends of this ranged support, each within its rounding (a fall's by their
    magnitudes, as ``value_match`` reads them: "fell between 9.9% and 25%" prints -24.63% to -9.85%)?"""
    lo, hi = (-s.hi, -s.lo) if s.hi < 0 <= fig.lo else (s.lo, s.hi)
    return lo != hi and all(abs(f - e) <= _ENDS_CLOSE * abs(e) for f, e in ((fig.lo, lo), (fig.hi, hi)))


# How well a support's shape fits the figure's (``_shape_rank``), best first.
_OWN_SHAPE, _RANGED, _OTHER_SHAPE = 0, 1, 2


def _shape_rank(fig: Figure, s: Support) -> int:
    """The one rule for a figure's shape among the facts its value fits: a point is a single value's figure
    (``Support.point``: one value, its sources' spread within the rounding); a range printed with both ends of a
    ranged fact (``_ends_of``) is that fact's, before any other fact held as a span and before every single value. ``link``
    drops the single values when a range prints a ranged fact's ends (the words cannot make it a point inside), and
    otherwise breaks ties by this rank."""
    if fig.point:
        return _OWN_SHAPE if s.point else _OTHER_SHAPE
    if _ends_of(fig, s):
        return _OWN_SHAPE
    return _RANGED if s.lo != s.hi else _OTHER_SHAPE


def _with_foreign(matched: list, foreign: list, index, fu: FigureUse, cues: Cues, potential: bool, hearsay: bool,
                  named: frozenset[str], averaged: bool, per: str | None = None) -> list:
    """``matched`` with the value matches among facts of assets the words do not name. Each such
    fact conflicts with the words (so it never explains away a mismatch, nor is read as mistyped):
    it can only matter by scoring as well as the best match, so a group is opened only then."""
    best = max((m[0] for m in matched), default=-math.inf)
    fig, text = fu.figure, fu.sentence.text
    extra = []
    for stand_in, members in foreign:
        score, conflicts, bonus = _score(stand_in, cues, potential, hearsay, named)
        if score - 3 * conflicts + (_AVERAGE_BONUS if averaged else 0) + _SUBJECT_BONUS + _PLACE_BONUS < best:
            continue  # no member can reach the best match (a reported average, a named subject, a zone's place get their bonus in link())
        for s in members():
            if (_unit_ok(fig, s.unit) or _per_unit(fig, s)) and _average_fits(fig, s, averaged):
                how = value_match(fig, s)
                if how is not None:
                    own = score + _average_bonus(s, averaged, per) + _subject_bonus(s, text) + _place_bonus(s, fu)
                    extra.append((own - 3 * conflicts, s, how, own - bonus - 3 * conflicts, conflicts))
    if not extra:
        return matched
    return sorted(matched + extra, key=lambda m: index.position(m[1]))  # the supports' order, as the plain scan has it


# What a change metric is a change of, where its name does not say ("the price fell $2,000").
_CHANGE_OF = {"price_change": "price_level"}
# ...but "rose to $30 billion", "fell to $76,800", "stood at", "fell 554, from 1,554": a level reached or left, not the change.
_LEVEL_AFTER_CHANGE = re.compile(r"\b(?:to|at|from)\s*$", re.IGNORECASE)
_AVERAGE_WORDS = re.compile(r"\b(?:average[sd]?|mean|on\s+average)\b", re.IGNORECASE)
_AVERAGE_REACH = 40  # characters before the figure where "an average (of)" stands
_AVERAGE_BONUS = 3  # what "an average of" adds to the report's average over the figure it averages
_SUBJECT_BONUS = 1  # what naming a fact's own subject, label or contract adds to it among the facts a value fits
# Both sides named as one subject, joined ("longs and shorts", "long or short positions"): no one side's figure.
_BOTH_SIDES = re.compile(r"\b(?:longs?|shorts?)\s+(?:and|or|&)\s+(?:longs?|shorts?)\b", re.IGNORECASE)
_PLACE_BONUS = 1  # what printing a zone's level, or naming its side of the price, adds to it among zones of one size
# Facts placed against the price: an estimated cluster of liquidations, a claimed wall of positions.
_PLACED_METRICS = frozenset({"pressure_zone", "position_concentration"})
_OTHER_SIDE = {"above": "below", "below": "above"}
_SIDE_WORD = {side: re.compile(rf"\b{side}\b", re.IGNORECASE) for side in _OTHER_SIDE}  # the fact's own word for its side
_PER_BONUS = 1  # what "per trader", "a day" add to a fact that is such an average (at most _AVERAGE_BONUS: _with_foreign's bound)
# An average's unit after its figure ("$300 million per day", "a day", "daily"; vocabulary.AVERAGE_PER).
_PER_WORDS = re.compile(r"\s*(?:(?:per|a|an|each)\s+(?P<unit>day|hour|trader|account|order)\b|(?:in\s+)?(?P<adverb>daily|hourly)\b|on\s+average\b)",
                        re.IGNORECASE)  # ("$4 billion in daily turnover")
_PER_ADVERBS = {"daily": "day", "hourly": "hour"}


def _average_per(fu: FigureUse) -> str | None:
    """The unit of "an average of $X per day" (vocabulary.AVERAGE_PER's key): "average" before the figure and its
    unit after it; None when the words do not say both."""
    m = _PER_WORDS.match(fu.right)
    if m is None or _AVERAGE_WORDS.search(fu.left[-_AVERAGE_REACH:]) is None:
        return None
    return m["unit"].lower() if m["unit"] else _PER_ADVERBS.get((m["adverb"] or "").lower())

# "bitcoin and ether liquidations over 24 hours came to": two assets joined, then up to eight words to the figure.
# The rightmost such pair ("CoinGlass, BTC and ETH liquidations": BTC and ETH, not CoinGlass and BTC).
_JOINED = re.compile(r"^.*(?<![\w-])([\w-]+)\s*(?:,|\band\b|&|\+|/|\bplus\b)\s*([\w-]+)(?:\s+[\w-]+){0,8}\s*$", re.IGNORECASE | re.DOTALL)
# What _JOINED cannot match without: one of its joiners (the words in lower case: no other character matches their
# letters under IGNORECASE, tests/test_check_fast_paths.py). Most figures' words join nothing, and the expression,
# anchored at both ends, tries every place of them.
_JOINERS, _JOINER_WORDS = (",", "&", "+", "/"), ("and", "plu")


def _joined(left: str) -> re.Match | None:
    """``_JOINED.search(left)``, not searched when ``left`` holds none of its joiners."""
    if not any(j in left for j in _JOINERS):
        low = left.lower()
        if not any(w in low for w in _JOINER_WORDS):
            return None
    return _JOINED.search(left)


_TICKER_PAREN = re.compile(r"\(\s*([A-Za-z]{2,10})\s*\)")  # "(BTC)"
_WORD_BEFORE = Deferred(globals(), r"([\w-]+)\s*$")  # the name a ticker in parentheses follows
_WORD_REACH = 40  # characters looked back for that name
_COMMA_ASIDE = re.compile(r",\s*[\w-]+(?:\s+[\w-]+)?\s*,")  # ", conversely,", ", in turn,"
_ASIDE = re.compile(r"\([^()\d]{1,40}\)")  # "(CEX)", "(SOL)": an abbreviation or short aside, no figure
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")
# What ends the clause before a figure. The lookahead names every alternative's first character: without
# it the eleven alternatives are tried at every character of the text (3x slower, same matches:
# tests/test_check_regex_filters.py).
_LEFT_CLAUSE = re.compile(r"(?=[,;:()—–abw])(?:,|;|:|\(|\)|\band\b|\bas\b|\bwhile\b|\bbut\b|\bwhereas\b|—|–)", re.IGNORECASE)
_OPEN, _CLOSE = "“‘", "”’"


def _distance(fig: Figure, s: Support) -> float:
    """How far the support's value lies from the figure's beyond the figure's own digits, relative to the figure (its
    mirror for "fell 3.4%"): 0 for every value the digits round to ("about 1.05 million" is as near 1,049,501 as
    1,050,501: the file's order decides), and for a vague figure ("several million": no value to be near)."""
    if fig.qualifier == "vague":
        return 0.0
    mid, val = (s.lo + s.hi) / 2, fig.value
    gap = min(abs(mid - val), abs(-mid - val))
    if gap <= fig.precision * (1 + 1e-9):
        return 0.0
    return gap / abs(val) if val else gap


_DOLLAR_UNITS = frozenset(_UNIT_OK["USD"])


def _bare_dollars(fig: Figure, s: Support) -> bool:
    """Is the support an amount of dollars while the figure prints no currency ("came to 386,000")? A bare number may
    be dollars (``_UNIT_OK``), but of the facts the words fit as well, one counted in the figure's own terms (orders,
    accounts, coins) is the one it prints: "liquidation orders came to 386,000" beside net flows of $386,000."""
    return fig.unit is None and s.unit in _DOLLAR_UNITS


def _prints_exactly(fig: Figure, s: Support) -> bool:
    """Is the support one value that the figure prints to the last digit (or its mirror, "fell 500" for -500)? A round
    figure's digits reach far ("1,000" rounds every value from 500 to 1,500): of the values they reach, the one printed
    as it is."""
    if not fig.point or fig.qualifier == "vague" or s.lo != s.hi:
        return False
    return any(math.isclose(s.lo, v, rel_tol=1e-9, abs_tol=1e-12) for v in (fig.lo, -fig.lo))


def _subject_bonus(s: Support, text: str) -> int:
    """"the loss attributed to @trader_joe": of facts the value fits, the one whose subject is named gains."""
    return _SUBJECT_BONUS if s.fact is not None and not s.anchor and _describes(text, s.fact) else 0


def _place_bonus(s: Support, fu: FigureUse) -> int:
    """Of zones (or claimed positions) alike in size, the one whose place the words give: the price level or
    band it is pinned to, printed in the same sentence ("... about $774,000 near $118"), or the side of the
    price it sits on ("... above the price"), named in the figure's own clause; the other side counts against."""
    fact = s.fact
    if fact is None or s.anchor or fact.metric not in _PLACED_METRICS:
        return 0
    if (fact.price_level is not None or fact.price_band is not None) and _prints_place(fu, fact):
        return _PLACE_BONUS
    if fact.direction in _OTHER_SIDE:
        words = f"{fu.left} {fu.right}"
        if _SIDE_WORD[fact.direction].search(words):
            return _PLACE_BONUS
        if _SIDE_WORD[_OTHER_SIDE[fact.direction]].search(words):
            return -_PLACE_BONUS
    return 0


def _prints_place(fu: FigureUse, fact: Fact) -> bool:
    """Does another figure of the sentence give the fact's price level (or an end of its band)?"""
    ends = (fact.price_level,) if fact.price_level is not None else tuple(fact.price_band)
    for other in fu.sentence.figures:
        f = other.figure
        if other is not fu and f.unit in (None, "USD") and any(abs(f.lo - e) <= _tolerance(f) or abs(f.hi - e) <= _tolerance(f)
                                                                for e in ends):
            return True
    return False


# Words a subject needs to be told apart from ordinary prose when repeated ("a whale" is not; "a Hyperliquid
# trader who was long 40x on BTC" is): only such a subject's own words are kept from conflicting with its fact.
SUBJECT_WORDS = 3


# A subject holding a name ("Binance Futures", "an OKX whale"): a capitalised word that is no determiner opening it.
_NAMED_SUBJECT = re.compile(r"\b(?!(?:A|An|The|One|This|That|Its|Their)\b)[A-Z]")


def _repeats_subject(s: Support, text: str) -> bool:
    """Does the sentence repeat the fact's subject in full, a subject specific enough to be that fact's alone (long
    enough, or holding a name: "Binance Futures" names a venue, and is still the subject's own words, not a venue
    the words give the figure)?"""
    fact = s.fact
    return (fact is not None and not s.anchor and fact.subject is not None
            and (len(fact.subject.split()) >= SUBJECT_WORDS or _NAMED_SUBJECT.search(fact.subject) is not None)
            and names_within(_plain_words(fact.subject), _plain_words(text)))  # whatever the case: it may open the sentence


def _describes(text: str, fact: Fact) -> bool:
    """Whether the text names the fact's own subject, label or contract (the words a draft prints for it: "on the
    BTC-USDT contract" is the contract's largest liquidation, not the venue's of the same size)."""
    return any(words and _names(text, words) for words in (fact.subject, fact.label, fact.contract))


def _names(text: str, name: str) -> bool:
    """Whether ``text`` names ``name``, whatever Markdown made of its escapes and emphasis
    characters ("Ana\\_Trader", read as "Ana\\ Trader"), its first letter capitalised too (at a sentence's start)."""
    words = _plain_words(name)
    if not words:
        return False
    plain = _plain_words(text)
    # case kept, but a sentence opens with a capital: "A whale lasted ..." names the subject "a whale"
    return names_within(words, plain, fold=False) or (words[:1].islower() and names_within(words[:1].upper() + words[1:], plain, fold=False))


# What naming a quote's speaker before any other speaker of the event's quotes adds: a tie-break only (as
# ``_EVERY_SOURCE``), for two speakers of the same words both named, one inside the other's role ("CZ, a trader at a
# fund, said ...": the speaker "a trader" of another quote is CZ's role here, not who speaks).
_FIRST_SPEAKER = 0.125


def _named_first(text: str, speaker: str, supports: list[Support]) -> bool:
    """Is ``speaker`` the first, in ``text``, of the quote speakers of ``supports`` that ``text`` names?"""
    plain = _plain_words(text)
    at = {who: _first_mention(plain, who) for who in {s.speaker for s in supports if s.speaker}}
    named = [i for i in at.values() if i >= 0]
    return len(named) > 1 and at[speaker] == min(named)


def _first_mention(plain: str, name: str) -> int:
    """Where ``plain`` (``_plain_words``) first names ``name`` as ``_names`` reads it (whole words; a lower-case name
    also capitalised, at a sentence's start), or -1."""
    words = _plain_words(name)
    found = [m.start() for w in {words, words[:1].upper() + words[1:]} if w
             for m in [re.search(rf"(?<!\w){re.escape(w)}(?!\w)", plain)] if m is not None]
    return min(found, default=-1)


def _plain_words(text: str) -> str:
    return " ".join(_MARKUP.sub(" ", text).split())


_MARKUP = re.compile(r"[\\_*]")


_DOUBLE_MARK = re.compile("[“”]")
_UNQUOTED = re.compile("[“”\"]")


def _inside_quotes(text: str, offset: int) -> bool:
    """Is ``offset`` inside quotation marks: opened before it in the sentence, or, in a quotation of two sentences or
    more, opened in an earlier one (the sentence opens on no mark and the first curly mark after the figure closes)."""
    before = text[:max(offset, 0)]
    curly = sum(before.count(c) for c in _OPEN) - sum(before.count(c) for c in _CLOSE)
    if curly > 0 or before.count('"') % 2 == 1:
        return True
    if "“" not in before and "”" not in before:  # (double marks only: a single one is also an apostrophe)
        m = _DOUBLE_MARK.search(text, max(offset, 0))
        return m is not None and m.group(0) == "”"
    return False


def _gives_words(sentence_text: str, words: str) -> bool:
    """Does the sentence give the words whole, or (a quotation of several sentences) one sentence of them whole?"""
    said, held = (_UNQUOTED.sub("", _plain_words(x)).casefold().strip().rstrip(".!?") for x in (sentence_text, words))
    if bool(said and held) and (held in said or said in held):
        return True
    # the quotation's first sentence after its lead-in ("X said: “First sentence.”" of a two-sentence quote): the words
    # from the opening mark on are one sentence of the quote's own
    opened = sentence_text.rfind("\u201c")
    if opened < 0:
        return False
    inside = _UNQUOTED.sub("", _plain_words(sentence_text[opened + 1:])).casefold().strip().rstrip(".!?")
    return bool(inside) and inside in held
