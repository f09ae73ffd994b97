"""Resolved records: what drafting, the check and publishing read.

A record is the fact file after validation, reconciliation (status, value,
range) and derivation. They are frozen dataclasses, cheap to build by the
thousand in a batch, and carry the file and line they came from so any later
stage can point an editor back at the YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from writer.factbase.dates import PartialDate
from writer.factbase.vocabulary import CompoundHedge, Hedge, HedgeKind, Magnitude, SourceKind, Status, ToDate

# A source's qualifier on a value (one word, or two it carries together), or on the two ends of a range.
HedgeSpec = Hedge | CompoundHedge | tuple[Hedge | None, Hedge | None] | None


def hedge_kinds(hedge: HedgeSpec) -> tuple[HedgeKind | None, HedgeKind | None]:
    """The kind of qualifier on the low and the high end of a figure."""
    if hedge is None:
        return (None, None)
    if isinstance(hedge, tuple):
        return (hedge[0].kind if hedge[0] else None, hedge[1].kind if hedge[1] else None)
    return (hedge.kind, hedge.kind)


def hedged_limits(bounds: tuple[float, float], hedge: HedgeSpec) -> tuple[float, float]:
    """Where the true figure may lie: a floor ("over X") opens the top, a ceiling ("up to X") the bottom."""
    lo, hi = bounds
    low_kind, high_kind = hedge_kinds(hedge)
    if not isinstance(hedge, tuple):  # one word for a point or a whole range
        if low_kind is HedgeKind.FLOOR:
            return (lo, float("inf"))
        if low_kind is HedgeKind.CEILING:
            return (0.0, hi)
        return (lo, hi)
    if high_kind is HedgeKind.FLOOR:
        hi = float("inf")
    if low_kind is HedgeKind.CEILING:
        lo = 0.0
    return (lo, hi)


# A source whose display name describes it ("an unnamed source", "market data") is one source told as such:
# "a single unnamed source", "single-source market data", never "an unnamed source, a single source". Drafts
# print this form (Source.single_name) and the check reads it as the source (Source.names) and as single-source
# wording (writer/check/phrases.yaml `single_source`, which reads "a single <noun>" for each of DESCRIBED_NOUNS;
# tests/test_draft_wording.py holds the two together).
ONE_SOURCE = "a single"  # before a described name's noun: "a single unnamed report"
SINGLE_SOURCE = "single-source"  # before a described name of another shape: "single-source market data"
DESCRIBED_NOUNS = ("source", "report", "brief", "newsletter", "provider", "dashboard", "tracker", "aggregator", "feed", "desk",
                   "outlet", "analyst", "post")
_DETERMINERS = ("a ", "an ", "one ")
_DEFINITE = ("the ",)  # a described name that opens on an article of its own
_DESCRIPTIVE_OPENINGS = ("a ", "an ", "one ", "some ", "several ", "various ", "many ")


def looks_described(name: str) -> bool:
    """The default for a source without a ``described`` flag, read from its display name's shape: it opens with an
    article or a word of number ("an unnamed source", "several data providers"), or it is a phrase of several words
    without a capital or digit ("market data", "public reports"). "CoinGlass", "3Commas Data", "@whale_alert",
    "dYdX", "on_chain_watch" and "the Bitcoin protocol" are names."""
    if name.casefold().startswith(_DESCRIPTIVE_OPENINGS):
        return True
    return " " in name.strip() and not any(c.isupper() or c.isdigit() for c in name) and not name.startswith(("@", "$", "#"))


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    kind: SourceKind
    aliases: tuple[str, ...] = ()
    url: str | None = None
    group: bool = False  # an unnamed group of sources ("several data service providers")
    # The display name describes the source rather than names it (the registry's `described`); None: read from
    # the name's shape (looks_described)
    described: bool | None = None

    @property
    def is_described(self) -> bool:
        return self.described if self.described is not None else looks_described(self.name)

    @property
    def single_name(self) -> str:
        """The name as one source: "a single unnamed source", "a single-source blog", "single-source market data",
        "a single source, the Fed's press release"; a name that names (not described) is itself."""
        if not self.is_described:
            return self.name
        low = self.name.casefold()
        for det in _DETERMINERS:
            if low.startswith(det):
                rest = self.name[len(det):].strip()
                # the noun the check reads after "a single", as its first or second word ("a single unnamed report")
                told = any(w.casefold() in DESCRIBED_NOUNS for w in rest.split()[:2])
                return f"{ONE_SOURCE} {rest}" if told else f"a {SINGLE_SOURCE} {rest}"
        if low.startswith(_DEFINITE):  # "the Fed's press release": one source by its own words, set after "a single source,"
            return f"{ONE_SOURCE} source, {self.name}"
        if low.startswith(_DESCRIPTIVE_OPENINGS):  # "several brokers" recorded as one source: its data, not "single-source several"
            return f"{SINGLE_SOURCE} data from {self.name}"
        return f"{SINGLE_SOURCE} {self.name}"

    @property
    def names(self) -> tuple[str, ...]:
        """Every spelling that refers to this source in article text (a described source's as one source too)."""
        if self.is_described and not self.group:
            return (self.name, *self.aliases, self.single_name)
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class SourceRegistry:
    sources: dict[str, Source]
    path: str = ""
    digest: str = ""  # sha256 of the file, for incremental builds

    def __contains__(self, source_id: str) -> bool:
        return source_id in self.sources

    def __getitem__(self, source_id: str) -> Source:
        return self.sources[source_id]

    def name(self, source_id: str) -> str:
        return self.sources[source_id].name

    def status_of(self, source_ids) -> Status:
        """The status of a statement that has sources but no observations to compare (a context item, a
        caveat): two or more named sources are several, an unnamed group is a group, one named source is
        a single source. The loader derives a context item's status with it; the check reads a caveat's."""
        groups = {s for s in source_ids if s in self.sources and self.sources[s].group}
        named = set(source_ids) - groups
        return Status.MULTI_SOURCE if len(named) > 1 else Status.UNNAMED_GROUP if groups else Status.SINGLE_SOURCE


@dataclass(frozen=True)
class Revision:
    """An earlier figure a source published and later superseded (oldest first in ``Observation.revisions``)."""

    value: float | None
    range: tuple[float, float] | None
    as_of: datetime | None  # None when the report gives only the day (see ``as_of_date``)
    magnitude: Magnitude | None = None
    hedge: HedgeSpec = None
    note: str | None = None
    as_of_date: date | None = None
    as_of_partial: PartialDate | None = None  # the report gave less than a date ("on July 24")


@dataclass(frozen=True)
class Observation:
    source: str
    value: float | None
    range: tuple[float, float] | None
    as_of: datetime | None  # the exact time; None when unknown or only the day is known
    note: str | None = None
    url: str | None = None
    magnitude: Magnitude | None = None  # "several million": printed in words
    hedge: HedgeSpec = None  # the source's own "about", "over", "up to"
    reading: str | None = None  # a reading in words ("Extreme Fear")
    spread: bool = False  # the range is a spread between an unnamed group's members
    as_of_date: date | None = None  # the day, also when only the day is known
    as_of_approximate: bool = False
    revisions: tuple[Revision, ...] = ()
    as_of_partial: PartialDate | None = None  # the report gave less than a date: "--07-24", "2025"
    via: str | None = None  # the outlet that relayed this source's figure ("cited by Bloomberg")
    unnamed_credit: str | None = None  # the unnamed source the report credits this same figure to elsewhere (one provider)
    words: Magnitude | None = None  # the words the report gives beside its value ("hundreds of millions"); the value is the figure

    @property
    def has_number(self) -> bool:
        return self.value is not None or self.range is not None or self.magnitude is not None

    @property
    def bounds(self) -> tuple[float, float]:
        """The figure as an interval: a point, the range, or how a magnitude's words read."""
        if self.range is not None:
            return self.range
        if self.magnitude is not None:
            return self.magnitude.interval
        assert self.value is not None, "bounds of an observation without a number"
        return (self.value, self.value)

    @property
    def limits(self) -> tuple[float, float]:
        """Where the true figure may lie once the source's hedge is read ("over X" has no top)."""
        return hedged_limits(self.bounds, self.hedge)


@dataclass(frozen=True)
class Fact:
    """One figure, reconciled. ``value`` is a point when the sources allow one; ``range`` when they do not.

    At most one of the two is set, so "is this a range?" is ``range is not
    None``. Agreeing sources that differ within the tolerance give a point
    whose ``envelope`` keeps the spread; ``bounds`` is always the envelope.
    """

    id: str
    metric: str
    unit: str
    status: Status
    value: float | None
    range: tuple[float, float] | None
    sources: tuple[str, ...]
    observations: tuple[Observation, ...] = ()
    window: str | None = None
    window_hedge: Hedge | None = None  # the source's own bound word on the window ("in less than 24 hours")
    to_date: ToDate | None = None  # a running total since the start of the day, week, month or year ("so far this year")
    year: int | None = None  # a whole calendar year's figure ("in 2021")
    side: str | None = None
    asset: str | None = None
    venue: str | None = None
    contract: str | None = None
    subject: str | None = None
    direction: str | None = None
    assets: tuple[str, ...] = ()  # several assets counted together (then ``asset`` is None)
    venues: tuple[str, ...] = ()  # several venues counted together (then ``venue`` is None)
    each: bool = False  # the figure holds for each of ``venues`` / ``assets`` on its own, not counted together
    change: str | None = None  # rise / fall / inflow / outflow: the amount is positive
    hedge: HedgeSpec = None  # the sources' own qualifier on the value, printed as given
    magnitude: Magnitude | None = None  # a vague magnitude instead of a number
    reading: str | None = None  # a reading in words ("Extreme Fear", "the vast majority")
    average: tuple[float, Hedge | None, str | None] | None = None  # (value, hedge, source) as the report gives it
    per: str | None = None  # the value is an average per day, hour, trader... over the window (vocabulary.AVERAGE_PER)
    price_level: float | None = None
    price_band: tuple[float, float] | None = None
    level_hedge: Hedge | None = None  # the source's own word on the level or band ("around $3,000")
    coverage: str | None = None
    lower_bound: bool = False
    label: str | None = None
    note: str | None = None
    reason: str | None = None
    derived_from: tuple[str, ...] = ()
    derivation: str | None = None  # "share", "ratio" or "sum" for computed figures
    path: str = ""
    line: int = 0
    envelope: tuple[float, float] | None = None  # the spread behind an agreed point, when the sources differ within the tolerance
    rank: int | None = None  # place by size among figures of its kind, as the report ranks it (1 = largest)
    share_of: str | None = None  # for a percentage: what it is a share of, in words
    from_fact: str | None = None  # for a change: the figure it starts from ...
    to_fact: str | None = None  # ... and the figure it ends at (checked: the change follows from them)
    # Sources that gave only words beside the others' number ("CoinAnk: a similar sum"), with their words: credited for
    # what they said, never for the number (they are not in ``sources`` and do not make the figure multi-source).
    worded: tuple[tuple[str, str], ...] = ()
    relayed: bool = False  # some observation names the outlet that relayed it (``Observation.via``)

    def relays(self, sources=None) -> tuple[str, ...]:
        """The outlets that relayed these sources' figures (the fact's own by default), in order, each once."""
        if not self.relayed:
            return ()
        among = set(self.sources if sources is None else sources)
        return tuple(dict.fromkeys(o.via for o in self.observations if o.via and o.source in among))

    @property
    def bounds(self) -> tuple[float, float] | None:
        """The smallest interval holding every observation (None for an unavailable figure or a statement without a number).

        For a vague magnitude it is how the words read ("several million": 2 to 10 million),
        used to check consistency and to link an article's words; it is never printed.
        """
        if self.range is not None:
            return self.range
        if self.envelope is not None:
            return self.envelope
        if self.value is not None:
            return (self.value, self.value)
        if self.magnitude is not None:
            return self.magnitude.interval
        return None

    @property
    def limits(self) -> tuple[float, float] | None:
        """``bounds`` widened by the hedge: "over $400 million" may be any amount above it."""
        b = self.bounds
        return None if b is None else hedged_limits(b, self.hedge)

    @property
    def is_exact(self) -> bool:
        """A number printed as a number: no vague magnitude, no floor or ceiling from the source."""
        return self.magnitude is None and set(hedge_kinds(self.hedge)) <= {None, HedgeKind.APPROX}

    @property
    def span(self) -> str | None:
        """What the figure covers in time, as one key: its window ("24h"), a running total ("to_date:year") or a whole
        calendar year ("year:2021"); None for the event's own span. Figures compare, add up and combine only within one span."""
        if self.to_date is not None:
            return f"to_date:{self.to_date.value}"
        if self.year is not None:
            return f"year:{self.year}"
        return self.window

    @property
    def is_derived(self) -> bool:
        return bool(self.derived_from)

    @property
    def is_numeric(self) -> bool:
        return self.bounds is not None


@dataclass(frozen=True)
class ContextItem:
    id: str
    kind: str
    text: str
    sources: tuple[str, ...]
    status: Status
    as_of: datetime | None = None
    path: str = ""
    line: int = 0
    as_of_date: date | None = None
    as_of_partial: PartialDate | None = None
    window: str | None = None  # the span the claim covers ("over 12 hours"), printed after its words


@dataclass(frozen=True)
class Caveat:
    """A caveat the article must carry as a whole (a report's closing caveat on its data)."""

    id: str
    text: str
    sources: tuple[str, ...] = ()
    path: str = ""
    line: int = 0


@dataclass(frozen=True)
class Quote:
    id: str
    speaker: str
    words: str
    status: Status
    role: str | None = None
    channel: str | None = None
    source: str | None = None
    as_of: datetime | None = None
    path: str = ""
    line: int = 0
    paraphrase: bool = False  # the words paraphrase a view: attributed, never in quotation marks
    as_of_date: date | None = None
    as_of_partial: PartialDate | None = None


@dataclass(frozen=True)
class Event:
    id: str
    as_of: datetime | None  # None when the report gives no time (see as_of_date); such an event cannot be published
    facts: dict[str, Fact]
    derived: dict[str, Fact]
    context: tuple[ContextItem, ...]
    quotes: tuple[Quote, ...]
    registry: SourceRegistry
    title: str | None = None
    period: tuple[datetime, datetime] | None = None
    windows: tuple[str, ...] = ()
    shape: str | None = None
    note: str | None = None
    path: str = ""
    digest: str = ""  # sha256 of the fact file's bytes
    derivation_notes: tuple[str, ...] = field(default=())  # derivations skipped, and why
    caveats: tuple[Caveat, ...] = ()
    as_of_date: date | None = None  # the day, also when only the day is known
    as_of_approximate: bool = False
    as_of_partial: PartialDate | None = None  # the report gave less than a date (a day without its year, a year); not publishable

    def all_facts(self) -> dict[str, Fact]:
        """Typed facts first, then derived ones: every figure an article may print."""
        return {**self.facts, **self.derived}

    def fact(self, fact_id: str) -> Fact:
        return self.facts.get(fact_id) or self.derived[fact_id]

    def source_name(self, source_id: str) -> str:
        return self.registry.name(source_id)
