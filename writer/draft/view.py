"""What templates see of an event: opaque references, grouped by section need.

Templates never receive a Fact. They receive references that name a fact and
expose only qualitative flags (side, direction, status); every number stays
behind the provenance layer, so ``{{ f.value }}`` is an undefined attribute
and ``{{ f }}`` raises. Grouping (which figures are the headline totals, which
are per asset, per venue, estimates of pressure above and below) and the
analysis signals (one-sided washout, squeeze, provider spread, minefield) are
decided here, in code reviewed once, rather than in every template.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field, fields, replace

from writer.draft.potential import is_potential
from writer.factbase.records import ContextItem, Event, Fact, Quote
from writer.factbase.vocabulary import CHANGE_METRICS, SIGNED_METRICS, SUBJECT_METRICS, Status, span_minutes, window_minutes
from writer.mdtext import names_within


class TemplateMisuse(Exception):
    """A template tried to print a reference directly instead of through the layer."""


class Ref:
    """Base of every object handed to templates; printing one directly is an error."""

    PUBLIC: frozenset[str] = frozenset()

    def __str__(self) -> str:
        raise TemplateMisuse(
            f"{type(self).__name__} {getattr(self, 'id', '')!r} printed directly; print figures with fig(), "
            "text with text()/quote(), names with src()/asset()/venue()"
        )

    __html__ = __str__

    def __format__(self, spec: str) -> str:
        return self.__str__()


UNVERIFIED = (Status.RUMOR, Status.PENDING_VERIFICATION)
_INTRADAY_MINUTES = 60  # a price move over a window shorter than this is a burst within the session
_INDEX_WORDS = re.compile(r"\b(?:index|indices|gauge|reading|score)\b", re.I)
_SHORT_WINDOW_MINUTES = 4 * 60  # up to four hours, a provider's start and stop times decide more of a count than its coverage
_BINDING_NOTE = re.compile(r"(?:per|each|every)\s", re.I)  # a note that reads as part of the figure's unit
# A funding rate's period as its note gives it ("per 8 hours", "per hour", "hourly"); a rate with none is taken
# as the usual 8-hour rate (thresholds.neutral_funding).
_FUNDING_PERIOD = re.compile(r"\bper (?:(\d+)[- ]?)?(?:h|hrs?|hours?)\b|\b(hourly)\b", re.I)
_FUNDING_HOURS = 8
# Metrics whose subject is the thing measured ("the GMCI 30 index" fell 6.8%, "U.S. spot bitcoin ETFs" saw
# outflows); for any other metric the subject is who holds it: "the funding rate on Binance for a whale".
SUBJECT_NAMES_FIGURE = frozenset({"duration", "rate", "price_level", "price_change", "index_level", "support_level", "position_concentration",
                                  "fund_flow", "market_cap", "market_cap_change"})
# A position whose subject names a quantity, not a holder ("XRP futures open interest", "the exchange's reserves"): the
# subject is the thing measured, told as a market reading ("... stood at 1.68 billion XRP"), never one that "held a
# position of" its own size.
_QUANTITY_SUBJECT = re.compile(r"\b(?:open interest|volumes?|supply|reserves?|holdings|balances?|exposure|positions)$", re.IGNORECASE)


def names_quantity(fact) -> bool:
    """Is the fact a position whose subject names the quantity measured (``_QUANTITY_SUBJECT``)?"""
    return fact.metric == "position_size" and bool(fact.subject) and _QUANTITY_SUBJECT.search(fact.subject.strip()) is not None


class FigureRef(Ref):
    PUBLIC = frozenset(
        {
            "id", "metric", "status", "side", "direction", "is_derived", "derivation", "is_range", "lower_bound",
            "has_window", "has_asset", "has_venue", "has_contract", "has_subject", "has_level", "has_band",
            "has_note", "has_coverage", "has_reason", "unverified", "is_estimate", "is_gap", "headline_safe",
            "multi_source", "n_sources", "unit", "repeat_subject", "major_asset", "falls", "rises", "is_change", "vs_lead", "window_id",
            "has_reading", "revised", "change_word", "is_flow", "hedged", "vs_realised", "window_unsaid", "note_binds",
            "venue_share", "venue_side_share", "intraday", "has_assets", "positive", "negative", "part_of_total", "ratio_words",
            "start", "end", "zero", "told_elsewhere", "passed", "floor", "ratio_lean", "side_clears", "crowd", "mood", "short_window", "index_unsaid", "has_label",
            "asset_id", "self_reported", "seen_order", "in_context", "whole_market", "method_note", "payer", "recovered", "intensity",
            "list_pos", "has_venues", "pair", "window_twin", "window_length", "zone_link", "note_told", "subject_again", "note_quoted", "list_by", "list_among",
        }
    )

    def __init__(self, fact: Fact):
        self._fact = fact
        self.id = fact.id
        self.metric = fact.metric
        self.unit = fact.unit
        self.intensity = fact.unit == "intensity"  # a heat map's relative intensity: the map's own scale, never money
        self.status = fact.status.value
        self.side = fact.side or ""
        self.direction = fact.direction or ""
        self.asset_id = fact.asset or ""  # for telling whether two figures are of one asset (not for printing: asset())
        self.is_derived = fact.is_derived
        self.derivation = fact.derivation or ""
        # Printed as a range: disputed figures always, agreeing ones only when no point exists.
        self.is_range = fact.range is not None and (fact.value is None or fact.status is Status.DISPUTED)
        self.lower_bound = fact.lower_bound
        self.has_window = bool(fact.span)  # a window, a running total or a calendar year: layer.window says each
        self.window_id = fact.span or ""  # for comparing two figures' windows in a template
        self.window_length = window_minutes(fact.window) if fact.window else 0  # minutes: "1d" and "24h" are one length
        # A figure named by its label or by a subject that names it ("Fund_Alpha", "the GMCI 30 index") is
        # described without its window (layer.describe): the sentence must give the window beside the figure,
        # or the reader (and the check, which reads a paragraph's words) takes the next sentence's window for it.
        self.window_unsaid = bool(fact.window) and bool(fact.label or (fact.subject and (fact.metric in SUBJECT_NAMES_FIGURE or names_quantity(fact))))
        self.has_asset = bool(fact.asset)
        self.has_venue = bool(fact.venue)
        self.has_venues = not fact.venue and bool(fact.venues)  # several venues counted together ("Bybit and OKX")
        # the venue is the figure's only source: the exchange reporting on its own books, named once ("Hyperliquid's
        # own figures"), never as source and subject both ("according to Hyperliquid, Hyperliquid saw")
        self.self_reported = bool(fact.venue) and tuple(fact.sources) == (fact.venue,)
        self.has_contract = bool(fact.contract)
        self.has_subject = bool(fact.subject)
        # an index named by the editor's own words that do not say it is one ("liquidations on the main perpetual"):
        # printed as "an index reading of 48,534", or the number reads as a count of what the words name
        self.has_label = bool(fact.label)  # the editor's own words for the figure, singular or plural: no verb agrees with them
        named = fact.label or fact.subject or ""
        self.index_unsaid = fact.unit == "index" and bool(named) and _INDEX_WORDS.search(named) is None
        self.has_assets = len(fact.assets) > 1  # several assets counted together ("DOGE and SHIB")
        # A move over minutes ("over $1,000 in one minute") is the pace of the fall, not the period's change:
        # printed apart from the changes over hours and days.
        self.intraday = bool(fact.window) and window_minutes(fact.window) < _INTRADAY_MINUTES
        # a window of a few hours at most: the clock each provider keeps moves its count more than its coverage does
        self.short_window = bool(fact.window) and window_minutes(fact.window) <= _SHORT_WINDOW_MINUTES
        self.has_level = fact.price_level is not None
        self.has_band = fact.price_band is not None
        self.has_note = bool(fact.note)
        # A note that qualifies the figure's unit ("per 8 hours, read after the rebound") follows the figure
        # without a comma: "0.004% per 8 hours", never "0.004%, per 8 hours".
        self.note_binds = bool(fact.note) and _BINDING_NOTE.match(fact.note) is not None
        self.has_coverage = bool(fact.coverage)
        self.has_reason = bool(fact.reason)
        self.unverified = fact.status in UNVERIFIED
        self.is_estimate = fact.status is Status.ESTIMATE
        self.is_gap = fact.status is Status.UNAVAILABLE
        self.headline_safe = fact.status.headline_safe
        self.multi_source = len(fact.sources) > 1
        self.n_sources = len(fact.sources)
        lo, hi = fact.bounds or (0.0, 0.0)
        self.positive, self.negative = lo > 0, hi < 0  # the whole figure (both ends of a range) on one side of zero
        self.window_twin = False  # another figure of its metric, side, asset and venue differs from it by its window (_mark_window_twins)
        self.recovered = False  # a level the price fell below, with a later price of the same asset back above it (_mark_recovered)
        self.zone_link = ""  # how a pressure zone stands to the ones before it on its side (_mark_zone_links)
        self.payer = ""  # a funding rate's paying side, "long" or "short", or "" when it is too small to say (_mark_funding)
        # The source recorded nothing ("$0 on Bitfinex"): worded as what the source counted, not "saw liquidations of $0".
        self.zero = fact.bounds == (0.0, 0.0) and fact.hedge is None and not fact.lower_bound and fact.magnitude is None
        self.change_word = fact.change or ""  # rise / fall / inflow / outflow, as the fact file gives it
        self.is_flow = fact.change in ("inflow", "outflow")
        self.is_change = fact.metric.endswith("_change") or fact.metric in ("fund_flow", "support_level") or bool(fact.change)
        self.falls = fact.change == "fall" or (self.is_change and not fact.change and hi < 0)  # "fell 3.4%"
        self.rises = fact.change == "rise" or (self.is_change and not fact.change and lo > 0)
        self.has_reading = bool(fact.reading)
        self.hedged = fact.hedge is not None  # the source's own "about", "close to": "fell below a level close to $64,100"
        self.revised = any(o.revisions for o in fact.observations)
        self.vs_lead = ""  # "larger" / "smaller" than the headline figure (set by build_view for comparisons)
        self.vs_realised = ""  # a pressure zone "larger" / "smaller" than the same side's realised liquidations (build_view)
        self.major_asset = False  # one of the style's major assets (set by build_view)
        self.repeat_subject = False  # same subject as the figure before it in its list (a second unit of one transfer)
        self.ratio_words = ""  # a comparison figure against the headline, in words: "more than twice" / "less than half" (build_view)
        self.part_of_total = ""  # a venue's or contract's part of the main total in words ("more than a third", "less than a tenth"; build_view)
        self.venue_share: FigureRef | None = None  # on a venue's first figure: the venue's share of all liquidations (build_view)
        self.venue_side_share: FigureRef | None = None  # ... and one side's share of the venue's own liquidations
        # A change with its two ends (``from_fact``/``to_fact``), told in one sentence in time order: "rose 367%,
        # from 300,000 to 1.4 million" (set by build_view when neither end is printed anywhere else).
        self.start: FigureRef | None = None
        self.end: FigureRef | None = None
        # A figure that is a floor ("over $1 billion", "at least"): a comparison with it runs one way only.
        self.floor = fact.lower_bound or (fact.hedge is not None and not isinstance(fact.hedge, tuple) and fact.hedge.kind.value == "floor")
        # A long/short position ratio read in words: "even" near parity, else the side it leans to.
        self.ratio_lean = _ratio_lean(fact)
        # A count of liquidated accounts in the tens of thousands or more (both ends): a crowd, not a handful.
        self.crowd = fact.metric == "liquidated_accounts" and bool(fact.bounds) and fact.bounds[0] >= _CROWD
        # A sentiment index read on its usual 0-100 scale: "fear" at or below _FEAR, "greed" at or above _GREED.
        self.mood = _mood(fact)
        self.side_clears = ""  # "long" / "short": that side of the event alone exceeds this earlier floor (build_view)
        self.passed = ""  # "up" / "down": the price has already moved through this band or level (set by build_view)
        self.seen_order = 0  # a price level's place in time among the event's timed levels, 1 first (0: no exact time; build_view)
        self.in_context = False  # a price level a context item of the same source and status tells with its figure (build_view)
        self.method_note = False  # an estimate's note on method to print with it: it does not name the source again and is not told before (build_view)
        # Its place in a list of figures told in one sentence (_mark_lists): "" alone, else "first", "next" or
        # "last" ("Hyperliquid saw liquidations of $598 million, Bybit $339 million and Binance $181 million").
        self.list_pos = ""
        self.list_by = ""  # "asset": a list of one venue's figures by asset (view._mark_venue_asset_lists)
        self.list_among = False  # the first asset after its venue's total: "..., among them $677 million of bitcoin positions"
        self.note_told = False  # a price level's note printed with it (view._mark_level_notes)
        # a note quoting words with a figure in them is the source's wording of the figure the sentence prints: a
        # reading of the market or a move does not print it after the figure as if it said something more
        self.note_quoted = bool(fact.note) and _QUOTE_MARKS.search(fact.note) is not None
        self.subject_again = False  # a market reading of the same subject and sources as the one before it (_mark_subject_runs)
        self.pair: FigureRef | None = None  # a position's value in dollars, told in its size's sentence (_pair_positions)
        self.whole_market = False  # a total whose coverage is the style's whole-market wording ("network-wide"; build_view)
        self.told_elsewhere = False  # a disputed figure another section prints with its range (build_view): the data section names who is higher, not the range again;
        # a missing figure a context item already names (_mark_named_gaps): its gap sentence gives no reason twice


_FEAR, _GREED = 30, 70  # a sentiment index (0-100) at or below / at or above these reads as fear / greed


def _mood(fact: Fact) -> str:
    if fact.metric != "sentiment_index" or not fact.bounds:
        return ""
    lo, hi = fact.bounds
    return "fear" if hi <= _FEAR else "greed" if lo >= _GREED else ""


_CROWD = 10_000  # liquidated accounts from which a count reads as "tens of thousands"
_EVEN_RATIO = 1.25  # a long/short ratio within this factor of 1 (either way) is near parity
_LEANING_RATIO = 1.5  # beyond this factor one side clearly outnumbers the other


def _ratio_lean(fact: Fact) -> str:
    if fact.metric != "long_short_position_ratio" or not fact.bounds or fact.bounds[0] <= 0:
        return ""
    lo, hi = fact.bounds
    if lo >= 1 / _EVEN_RATIO and hi <= _EVEN_RATIO:
        return "even"
    if lo >= _LEANING_RATIO:
        return "long"
    if hi <= 1 / _LEANING_RATIO:
        return "short"
    return ""


class ContextRef(Ref):
    PUBLIC = frozenset({"id", "kind", "status", "unverified", "n_sources", "tells_path"})

    def __init__(self, item: ContextItem):
        self._item = item
        self.id = item.id
        self.kind = getattr(item, "kind", "caveat")  # an event-level caveat has no kind
        status = getattr(item, "status", None)
        self.status = status.value if status is not None else ("single_source" if item.sources else "")
        self.unverified = status in UNVERIFIED
        self.n_sources = len(item.sources)
        self.tells_path = False  # it tells price levels the event also holds as figures (_mark_context_levels)
        self.levels: list = []  # those levels (FigureRef), for the layer to mark in its text; not for templates


def _registered_names(event) -> tuple[str, ...]:
    """Every spelling of every registered source (display names and aliases)."""
    return tuple(n for src in event.registry.sources.values() for n in src.names)


def _spellings(event, source_id: str | None) -> tuple[str, ...]:
    source = event.registry.sources.get(source_id) if source_id else None
    return source.names if source is not None else ()


def _opens_on_name(role: str, names: tuple[str, ...]) -> bool:
    """Does ``role`` open on one of ``names`` followed by more words of a title ("Bybit co-founder"; not "Bybit's
    co-founder", a possessive that already reads as the speaker's, nor the name alone)?"""
    role = role.strip()
    return any(role.startswith(n + " ") and len(role) > len(n) + 1 for n in names if n)


# marks a verbatim quote can end on when the report cut it from a longer sentence; printed as a full stop
QUOTE_CUT_MARKS = (",", ";", ":")


class QuoteRef(Ref):
    PUBLIC = frozenset({"id", "has_role", "has_channel", "has_source", "status", "unverified", "paraphrase", "opens_with_that", "closes", "topic", "topic_sign",
                        "role_first"})

    def __init__(self, quote: Quote, reporter: str | None = None, reporter_names: tuple[str, ...] = (), registered: tuple[str, ...] = ()):
        self._quote = quote
        self.id, self.status = quote.id, quote.status.value
        self.has_role, self.has_channel = bool(quote.role), bool(quote.channel)
        # a role that opens on a registered source's name as a bare title ("Bybit co-founder", "OKX chief executive") goes
        # before the speaker ("Bybit co-founder Ben Zhou said"): set after the name ("Ben Zhou, Bybit co-founder, said"), the
        # title reads as that source's own credit, and the quote's later sentences as the organisation's, not the speaker's
        self.role_first = self.has_role and _opens_on_name(quote.role, registered)
        # "according to X" only when someone other than the speaker reported it: a speaker whose words
        # already name the source by any of its spellings ("multiple data providers and traders") is it.
        names = (reporter, *reporter_names) if reporter else ()
        self.has_source = bool(reporter) and not any(names_within(n, quote.speaker) for n in names)
        self.unverified = quote.status in UNVERIFIED
        self.paraphrase = bool(getattr(quote, "paraphrase", False))  # a view in the desk's words: "said that ..."
        # a paraphrase that opens with its own "that" ("That was 95% longs"): "said that was 95% longs", never "said that that"
        self.opens_with_that = self.paraphrase and re.match(r"that\b", quote.words.strip(), re.I) is not None
        # verbatim words that end on their own full stop, question or exclamation mark close the sentence inside the
        # quotation marks ("said: “... untouchable.”"): the template adds no second full stop
        # words that end on a comma, semicolon or colon (cut from a longer sentence: "..., he said") close on a full
        # stop in its place (layer.words), so they close the sentence too
        self.closes = not self.paraphrase and quote.words.strip().strip('"“”').rstrip()[-1:] in (".", "!", "?", *QUOTE_CUT_MARKS)
        self.topic = None  # a figure of the event the remark is about ("funding flipped negative": the funding rate), _mark_quote_topics
        self.topic_sign = ""  # "agrees" / "differs": the remark's sign word (negative, positive) against that figure's sign


@dataclass
class WindowGroup:
    """Total, long and short liquidations of one window, with their derived shares."""

    total: FigureRef | None = None
    long: FigureRef | None = None
    short: FigureRef | None = None
    long_share: FigureRef | None = None
    short_share: FigureRef | None = None
    ratio: FigureRef | None = None
    accounts: FigureRef | None = None
    minutes: int = 0  # the window's length (0 without a window)
    shorter: bool = False  # a window shorter than the main one (set by build_view)
    part_of_main: str = ""  # "more than half" / "... a third" / "... a quarter" of the main total: this shorter window's total
    main_part: str = ""  # the same words for the main (shorter) window's part of this longer window's total
    lean: str = ""  # "long" / "short": the side that took the dominant share in this window (set by build_view)
    first_leg: str = ""  # "long" / "short": this window's two sides were read at least a window apart, two stretches, and this side's came first (_legs)

    @property
    def present(self) -> bool:
        return any((self.total, self.long, self.short, self.accounts))


@dataclass
class AssetGroup:
    """One asset's liquidations of one window from one source and status: its total and its sides,
    with what the figures themselves say (read in build_view, never printed as numbers)."""

    first: FigureRef  # the largest figure of the group (the total when there is one)
    total: FigureRef | None = None
    long: FigureRef | None = None
    short: FigureRef | None = None
    lopsided: str = ""  # "long" / "short": that side made up the style's one-sided share of this asset's losses
    outranks_btc: bool = False  # the largest asset is not bitcoin although bitcoin's figure is reported
    doubles_next: bool = False  # at least twice the next asset's figure

    @property
    def sides_only(self) -> bool:
        return self.total is None and self.long is not None and self.short is not None


@dataclass(frozen=True)
class SpreadSides:
    """Who reports the higher and who the lower end of a disputed figure (source ids, no numbers)."""

    fact: str
    high: tuple[str, ...]
    low: tuple[str, ...]
    own_venue_high: bool = False  # the venue's own count is the higher one (its books against an aggregator's feed)
    middle: tuple[str, ...] = ()  # a third provider (or more) whose figure lies between the two ends
    gap_words: str = ""  # how far apart the two ends are, against the lower one, in words ("more than a fifth")


@dataclass
class Signals:
    one_sided_long: bool = False
    one_sided_short: bool = False
    long_dominant: bool = False
    short_dominant: bool = False
    two_sided: bool = False
    longs_larger: bool = False  # the long share is over half
    even_split: bool = False  # each side within thresholds.even_split points of half: "close to even"
    squeeze: bool = False
    washout: bool = False
    provider_spread: bool = False
    lead_in_dispute: bool = False  # the headline figure itself is disputed or its providers differ by provider_spread
    minefield: bool = False
    single_source_main: bool = False
    price_break_up: bool = False
    price_break_down: bool = False
    has_gaps: bool = False
    has_unverified: bool = False
    heavier_zone: str = ""  # "above" / "below": where the estimates put more potential liquidations
    zone_exceeds_lead: bool = False  # the largest estimated cluster is bigger than the realised headline figure
    shorts_negligible: bool = False  # longs made up at least _NEARLY_ALL % of the main window's liquidations
    wide_range: bool = False  # one asset's levels crossed up and down lie at least small_price_move (%) apart
    small_move: bool = False  # the lead asset's price change is within the style's small_price_move (%): leverage, not the move, did the damage
    big_move: bool = False  # at least twice that
    rich: bool = False  # enough figures to carry the longer explanatory paragraphs (see RICH_FIGURES)
    only_short_reported: bool = False  # liquidation figures name shorts and never longs
    only_long_reported: bool = False
    lead_single_source: bool = False  # the headline figure rests on one provider
    single_source_kind: str = ""  # the kind (SourceKind value) of the one provider every main-window figure rests on, "" for several
    split_known: bool = False  # the long/short balance is known (from both sides, a side and a total, or a given share)
    split_holds: str = ""  # "long" / "short": with a disputed total, that side's share is above half at both ends of its range
    move_read: bool = False  # the analysis sets the price move against the total (small or big move): the context does not repeat it
    broad_break: bool = False  # two or more assets broke their levels in the story's direction (up in a squeeze, down in a washout)
    mechanism: str = ""  # "burst" / "level" / "fall": what the figures show of how the fall ran (_signals), "" for nothing


@dataclass
class View:
    """Everything a section template may use, as opaque references and flags."""

    id: str
    shape: str
    main: WindowGroup
    other_windows: list[WindowGroup]
    assets: list[FigureRef]
    venues: list[FigureRef]
    largest: list[FigureRef]
    losses: list[FigureRef]
    positions: list[FigureRef]  # position_size: a trader's or whale's position, in dollars or coins
    transfers: list[FigureRef]
    zones_above: list[FigureRef]
    zones_below: list[FigureRef]
    unverified: list[FigureRef]
    unverified_context: list[ContextRef]
    disputed: list[FigureRef]
    lower_bounds: list[FigureRef]
    levels_up: list[FigureRef]
    levels_down: list[FigureRef]
    levels: list[FigureRef]
    changes: list[FigureRef]
    market: list[FigureRef]
    history: list[FigureRef]
    gaps: list[FigureRef]
    context: list[ContextRef]
    quotes: list[QuoteRef]
    main_sources: list[str]
    estimates: list[FigureRef] = field(default_factory=list)
    venue_groups: list[WindowGroup] = field(default_factory=list)  # one venue's total, longs and shorts of one window, together
    asset_groups: list[AssetGroup] = field(default_factory=list)  # per asset: its total and sides together, largest first
    spread_sides: list[SpreadSides] = field(default_factory=list)  # per disputed figure: whose figure is higher
    top_asset_share: str = ""  # "more than half" / "more than a third" / "more than a quarter": the largest asset's part of the main total
    top_venue_share: str = ""  # the same words for the largest venue's part of the main total
    venue_lead: FigureRef | None = None  # the venue share that is largest, when two or more venues give one of the same window
    venue_runner: FigureRef | None = None  # ... and the next largest
    venue_lead_words: str = ""  # "well ahead of" / "only a little ahead of": the leader against the next venue
    side_spread: list = field(default_factory=list)  # [most, least]: one side's share on two venues, when they differ widely
    reasons: list[ContextRef] = field(default_factory=list)  # context the disputing providers give for their difference
    holder_context: list[ContextRef] = field(default_factory=list)  # on-chain context on a trader the losses or positions tell (_about_holder)
    caveats: list[ContextRef] = field(default_factory=list)  # the event-level caveats the article must carry
    realised_estimates: list[FigureRef] = field(default_factory=list)  # estimates of liquidations that happened but were not counted
    statements: list[FigureRef] = field(default_factory=list)  # which side, asset or venue bore the losses, without a number
    # windows of one length under two names ("24h" and "1d"): a figure of each, so the article says how they relate
    twin_windows: list = field(default_factory=list)
    shares: list[FigureRef] = field(default_factory=list)  # a side's, asset's or venue's share of liquidations as the source gives it
    liq_changes: list[FigureRef] = field(default_factory=list)  # how liquidations rose or fell against an earlier period
    supports: list[FigureRef] = field(default_factory=list)  # support or resistance levels held or lost
    path_notes: list[FigureRef] = field(default_factory=list)  # how long an asset's move took, told with its price path (_mark_path_notes)
    revised: list[FigureRef] = field(default_factory=list)  # printed figures their source revised, with what changed and when
    minor_heavy: bool = False  # the smaller coins' liquidations add up to at least _MINOR_WEIGHT of the largest asset's (same unit)
    lone_mover: FigureRef | None = None  # an asset that moved at least twice small_price_move (%) while bitcoin, over the same window, moved within it
    move: FigureRef | None = None  # the price change set against the main total: a percentage over the total's own window
    lead: FigureRef | None = None  # the headline figure (see SALIENCE)
    lede_spread: bool = False  # the lede tells the story as the providers' disagreement (_lede_spread)
    widest_spread: float = 0.0  # the widest gap between providers of one realised figure, against the lower (_signals)
    lead_kind: str = ""  # "total", "side", "asset", "venue", "single", "loss" or "" (nothing headline-safe)
    large_loss: bool = False  # the largest trader loss reaches thresholds.large_loss_usd: "large accounts" is true of it
    move_lead: FigureRef | None = None  # with no figure to lead: the largest headline-safe price move of one asset (_move_lead)
    signals: Signals = field(default_factory=Signals)

    @property
    def zones(self) -> list[FigureRef]:
        return self.zones_above + self.zones_below

    @property
    def potential(self) -> list[FigureRef]:
        """Everything the zones section speaks about: pressure zones and other estimates of potential liquidations."""
        return self.zones_above + self.zones_below + self.estimates


# Counts and amounts of forced closes: a venue's, contract's or subject's go with the venues.
_COUNTED = ("liquidations", "liquidated_accounts", "liquidation_orders")
_LIQ_TOTAL_KEYS = ("asset", "assets", "venue", "venues", "contract", "subject", "per")  # an average per day is no total; assets or venues counted together are a part
_MARKET_METRICS = (
    "market_cap", "market_cap_change", "sentiment_index", "index_level", "open_interest", "open_interest_change",
    "funding_rate", "long_short_position_ratio", "volume", "volume_change", "supply", "fund_flow", "user_count", "user_count_change",
    "open_interest_share", "volume_share", "policy_rate", "implied_probability", "inflation_rate", "tariff_rate", "event_count",
)


def _mag(f: Fact) -> float:
    lo, hi = f.bounds or (0.0, 0.0)
    return (lo + hi) / 2


def _by_size(facts: list[Fact]) -> list[Fact]:
    """Largest first; ties by id so order never depends on dict order."""
    return sorted(facts, key=lambda f: (-_mag(f), f.id))


def _window_groups(event: Event) -> list[tuple[str | None, WindowGroup, int]]:
    groups: dict[str | None, dict[str, Fact]] = {}
    for f in event.facts.values():
        if f.metric not in ("liquidations", "liquidated_accounts") or any(getattr(f, k) for k in _LIQ_TOTAL_KEYS):
            continue
        if f.status in UNVERIFIED or f.status is Status.UNAVAILABLE or f.status is Status.ESTIMATE or f.bounds is None:
            continue
        slot = "accounts" if f.metric == "liquidated_accounts" else (f.side or "total")
        groups.setdefault(f.span, {}).setdefault(slot, f)
    out = []
    for window, g in groups.items():
        wg = WindowGroup(
            total=FigureRef(g["total"]) if "total" in g else None,
            long=FigureRef(g["long"]) if "long" in g else None,
            short=FigureRef(g["short"]) if "short" in g else None,
            accounts=FigureRef(g["accounts"]) if "accounts" in g else None,
            minutes=span_minutes(window) if window else 0,
        )
        t, lo, sh = g.get("total"), g.get("long"), g.get("short")
        for attr, part, whole, kind in (("long_share", lo, t, "share_of"), ("short_share", sh, t, "share_of"), ("ratio", lo, sh, "ratio_to")):
            if part is not None and whole is not None:
                d = event.derived.get(f"{part.id}.{kind}.{whole.id}")
                # A long/short ratio below one reads badly ("0.09 to 1"); the short share says it better.
                if d is not None and not (kind == "ratio_to" and d.bounds and d.bounds[1] < 1):
                    setattr(wg, attr, FigureRef(d))
        richness = sum(x is not None for x in (t, lo, sh)) * 10_000_000 + (span_minutes(window) if window else 0)
        out.append((window, wg, richness))
    return out


def _share(event: Event, part: Fact | None, whole: Fact | None) -> float | None:
    if part is None or whole is None:
        return None
    d = event.derived.get(f"{part.id}.share_of.{whole.id}")
    if d is None or d.bounds is None:
        return None
    return sum(d.bounds) / 2


# The fields a twin repeats: all a Fact compares but its id and line (where the file gives it is no part of the figure).
_TWIN_FIELDS = tuple(f.name for f in fields(Fact) if f.compare and f.name not in ("id", "line"))


def twin_key(f: Fact) -> tuple:
    """What two twins share: the Fact's compared fields but its id and line, as a tuple. Equal and hashed exactly as
    ``replace(f, id="", line=0)`` is (a dataclass compares and hashes the tuple of its fields), without building a Fact
    per fact of every draft (``dataclasses.replace`` was about 3% of drafting; tests/test_draft_speed14.py)."""
    return tuple(getattr(f, name) for name in _TWIN_FIELDS)


def _twins_dropped(facts: list[Fact]) -> list[Fact]:
    """The facts less any that repeats an earlier one in everything but its id (a fact file listing the same figure
    twice): printed twice it would be the same sentence twice, the second read as the first's figure. A fact another
    one refers to (a change's start or end, a derivation's input) is kept."""
    referred = {x for f in facts for x in (f.from_fact, f.to_fact, *f.derived_from) if x}
    seen: dict[tuple, str] = {}
    out = []
    for f in facts:
        key = twin_key(f)
        if key in seen and f.id not in referred:
            continue
        seen.setdefault(key, f.id)
        out.append(f)
    return out


def build_view(event: Event, thresholds: dict) -> View:
    facts = _twins_dropped(list(event.facts.values()))
    groups = _window_groups(event)
    ordered = sorted(groups, key=lambda g: (-g[2], g[0] or ""))
    main = ordered[0][1] if ordered else WindowGroup()
    used = {r.id for g in ordered for r in (g[1].total, g[1].long, g[1].short, g[1].accounts) if r is not None}

    def pick(pred) -> list[Fact]:
        return _by_size([f for f in facts if f.id not in used and pred(f)])

    gaps = [f for f in facts if f.status is Status.UNAVAILABLE]
    # Statements without a number (a reading, which side dominated) have no figure to print here.
    live = [f for f in facts if f.status is not Status.UNAVAILABLE and f.bounds is not None]
    unverified = _by_size([f for f in live if f.status in UNVERIFIED])
    placed = used | {f.id for f in gaps} | {f.id for f in unverified}

    live_by_size = _by_size(live)  # sorted once: every take() walks it in this order

    def take(pred) -> list[FigureRef]:
        chosen = [f for f in live_by_size if f.id not in placed and pred(f)]
        placed.update(f.id for f in chosen)
        return [FigureRef(f) for f in chosen]

    zones_above = take(lambda f: f.metric == "pressure_zone" and (f.direction == "above" or (not f.direction and f.side == "short")))
    zones_below = take(lambda f: f.metric == "pressure_zone")
    # Liquidation estimates are potential, not realised: they belong with the zones, never with "were liquidated".
    # An estimate of what did happen but was not counted ("the real total was $8-10 billion") is set against the
    # reported figures instead.
    # "an average of $300 million per day" of liquidations: set out with the other figures, never a total nor a loss
    # (a venue's average of another metric, its daily volume, is told with the market readings: the venue sentences
    # would print it as "<venue> saw liquidations of")
    averages = take(lambda f: f.per is not None and (f.metric in _COUNTED or not (f.venue or f.venues)))
    realised_estimates = take(lambda f: f.status is Status.ESTIMATE and f.metric == "liquidations" and not is_potential(f))
    estimates = take(lambda f: f.status is Status.ESTIMATE and f.metric in ("liquidations", "liquidated_accounts", "largest_single_liquidation", "trader_loss"))
    # several venues' figure ("on each of Bybit and OKX") goes where its venues are printed, not the per-asset section
    assets = take(lambda f: f.metric == "liquidations" and f.asset and not f.venue and not f.venues and not f.contract)
    majors = set(thresholds.get("major_assets", ("BTC", "ETH")))
    for r in assets:
        r.major_asset = r._fact.asset in majors
    venues = take(lambda f: f.metric in _COUNTED and (f.venue or f.contract or f.subject))
    # Keep one venue's figures together (its total, then longs, then shorts), venues by their largest figure.
    venue_size: dict = {}
    for r in venues:
        venue_size[r._fact.venue] = max(venue_size.get(r._fact.venue, 0.0), _mag(r._fact))
    venues.sort(key=lambda r: (-venue_size[r._fact.venue], r._fact.venue or "", {None: 0, "long": 1, "short": 2}.get(r._fact.side, 3), r.id))
    largest = take(lambda f: f.metric == "largest_single_liquidation")
    losses = take(lambda f: f.metric == "trader_loss")
    # a trader's or whale's position: told beside the losses; a quantity's (names_quantity) with the market readings
    positions = take(lambda f: f.metric == "position_size" and not names_quantity(f))
    transfers = take(lambda f: f.metric == "onchain_transfer")
    transfers.sort(key=lambda r: (r._fact.subject or "", r._fact.unit != "USD", r.id))
    for before, after in zip(transfers, transfers[1:]):
        a, b = after._fact, before._fact
        # "the same transfer amounted to 310,000 HYPE": the same transfer told in another unit, never another
        # window's or asset's transfer of the same holder (a reader would take it for the first one's).
        after.repeat_subject = bool(a.subject) and (a.subject, a.window, a.asset, a.venue) == (b.subject, b.window, b.asset, b.venue) \
            and a.unit != b.unit
    levels_up = take(lambda f: f.metric == "price_level" and f.direction == "above")
    levels_down = take(lambda f: f.metric == "price_level" and f.direction == "below")
    levels = take(lambda f: f.metric == "price_level")
    changes = take(lambda f: f.metric == "price_change")
    # the period's changes first, then the bursts within it; a move on one venue after the market-wide ones (a stable
    # sort): in a list, words after a venue's move are read as that venue's ("fell 99.9% on Binance, 40% over 24 hours")
    changes.sort(key=lambda r: r.intraday)
    first_of: dict = {}
    for i, r in enumerate(changes):
        first_of.setdefault((r.intraday, r._fact.asset), i)
    changes.sort(key=lambda r: (first_of[(r.intraday, r._fact.asset)], bool(r._fact.venue)))  # one asset's moves together
    history = take(lambda f: f.metric == "historical_liquidations")
    shares = take(lambda f: f.metric == "liquidation_share")
    liq_changes = take(lambda f: f.metric == "liquidations_change")
    supports = take(lambda f: f.metric == "support_level")
    market = take(lambda f: f.metric in _MARKET_METRICS)
    # A duration or a rate says what it measures through its subject ("the wait for a new high lasted 847 days").
    market += take(lambda f: f.metric in SUBJECT_METRICS)
    # A statement of which part of the market bore the losses says something only when it names that part
    # (a side, an asset, a venue) or gives the source's own words; one with neither is left out.
    statements = [FigureRef(f) for f in sorted(facts, key=lambda f: f.id)
                  if f.metric == "dominance" and f.status not in (*UNVERIFIED, Status.UNAVAILABLE)
                  and (f.side or f.asset or f.venue or (f.reading or "").strip())]
    # Whatever is left (other windows' side splits, liquidations without a group) still belongs in the article.
    rest = [FigureRef(f) for f in live_by_size if f.id not in placed and f.metric in (*_COUNTED, "position_concentration")]
    placed.update(r.id for r in rest)
    # Every figure of the event appears in its draft: one that no list above claims is set out with the
    # market readings ("<what> stood at <figure>") rather than silently dropped.
    market += take(lambda f: f.metric != "dominance")
    other_windows = [g[1] for g in ordered[1:]]
    _compare_windows(main, other_windows, thresholds)

    disputed = [FigureRef(f) for f in facts if f.status is Status.DISPUTED]
    for d in disputed:
        d.told_elsewhere = d.id in placed or d.id in used
    # The event's own floors (sampled feeds); a comparison figure given as "at least" is read in the history section.
    lower_bounds = [FigureRef(f) for f in facts if f.lower_bound and f.status is not Status.UNAVAILABLE and f.metric != "historical_liquidations"]

    view = View(
        id=event.id,
        shape="",
        main=main,
        other_windows=other_windows,
        assets=assets,
        venues=venues + rest + averages,
        largest=largest,
        losses=losses,
        positions=positions,
        transfers=transfers,
        zones_above=zones_above,
        zones_below=zones_below,
        unverified=[FigureRef(f) for f in unverified],
        unverified_context=[ContextRef(c) for c in event.context if c.status in UNVERIFIED],
        disputed=disputed,
        lower_bounds=lower_bounds,
        levels_up=levels_up,
        levels_down=levels_down,
        levels=levels,
        changes=changes,
        market=_source_runs(market),
        history=history,
        gaps=[FigureRef(f) for f in _unrepeated(gaps, lambda f: (_words_of(f), f.reason))],
        context=[ContextRef(c) for c in event.context if c.status not in UNVERIFIED and not _is_reason(c, facts)
                 and not _about_holder(c, losses + positions)],
        holder_context=[ContextRef(c) for c in event.context if c.status not in UNVERIFIED and not _is_reason(c, facts)
                        and _about_holder(c, losses + positions)],
        reasons=[ContextRef(c) for c in event.context if c.status not in UNVERIFIED and _is_reason(c, facts)],
        caveats=[ContextRef(c) for c in getattr(event, "caveats", ())],
        quotes=[QuoteRef(q, event.source_name(q.source) if q.source else None, _spellings(event, q.source), _registered_names(event))
                for q in event.quotes],
        main_sources=[],
        estimates=estimates,
        realised_estimates=realised_estimates,
        statements=statements,
        shares=shares,
        liq_changes=liq_changes,
        supports=supports,
    )
    _finish_view(view, event, thresholds, facts=facts, live=live, printed_lists=(assets, venues, rest, largest, losses, positions, transfers, market, shares, liq_changes, supports, changes), other_windows=other_windows)
    return view



def _compare_windows(main: WindowGroup, other_windows: list[WindowGroup], thresholds: dict) -> None:
    """Each window's lean, and how the other windows stand to the main one: a shorter window's first leg and its part
    of the main total, the main window's part of a longer one's total when it ran well above that one's pace."""
    dominant = float(thresholds.get("dominant_share", 60))
    for g in [main, *other_windows]:
        g.lean = _lean(g, dominant)
    for g in other_windows:
        g.shorter = bool(g.minutes) and bool(main.minutes) and g.minutes < main.minutes
        g.first_leg = _legs(g) if g.shorter else ""
        if g.shorter and g.total is not None and main.total is not None and g.total.unit == main.total.unit \
                and _same_sources(g.total._fact, main.total._fact):
            part = _lower_upper(g.total._fact)[0] / _lower_upper(main.total._fact)[1] if _lower_upper(main.total._fact)[1] else 0.0
            g.part_of_main = next((w for limit, w in _SHARE_WORDS if part > limit), "") if part <= 1 else ""
        longer = bool(g.minutes) and bool(main.minutes) and g.minutes > main.minutes
        if longer and g.total is not None and main.total is not None and g.total.unit == main.total.unit \
                and _same_sources(g.total._fact, main.total._fact):
            whole = _lower_upper(g.total._fact)[1]
            part = _lower_upper(main.total._fact)[0] / whole if whole and whole != float("inf") else 0.0
            # said only when the shorter window ran at least twice the longer one's average pace ("packed into so short a stretch")
            if part <= 1 and part >= _BURST_PACE * main.minutes / g.minutes:
                g.main_part = next((w for limit, w in _SHARE_WORDS if part > limit), "")


def _finish_view(view: View, event: Event, thresholds: dict, *, facts: list[Fact], live: list[Fact], printed_lists: tuple,
                 other_windows: list[WindowGroup]) -> None:
    """What the templates read beside the lists: the marks on figures (ends of changes, passed levels, lists, parts
    of the total), the lead and its kind, the signals, the disputes' sides and the shape."""
    main = view.main
    _join_change_ends(view)
    _mark_passed(view)
    _mark_named_gaps(view, event)
    _mark_time_order(view)
    _mark_method_notes(view, event)
    _mark_context_levels(view)
    _mark_zone_links(view.zones_below)
    _mark_zone_links(view.zones_above)
    _mark_path_notes(view)
    _mark_funding(view, thresholds)
    _mark_recovered(view)
    _mark_quote_topics(view, live)
    _mark_level_notes(view, event)
    view.twin_windows = _twin_windows(live)
    view.levels = _mark_lists(view.levels, _level_list_key)
    view.market = _mark_lists(view.market, _market_list_key)
    _mark_subject_runs(view.market)
    view.positions = _pair_positions(view.positions)
    if main.total is not None:
        main.total.whole_market = _whole_market(main.total._fact, thresholds)
    main_fact = [event.fact(r.id) for r in (main.total, main.long, main.short) if r is not None]
    view.main_sources = list(dict.fromkeys(s for f in main_fact for s in f.sources))
    view.venue_groups, view.venues = _venue_groups(view.venues)
    for g in view.venue_groups:
        g.lean = _lean(g, float(thresholds.get("dominant_share", 60)))
    view.lead, view.lead_kind = _salient(view, live, event.shape)
    if view.lead_kind == "outage":  # told in the headline and the lede, not again among the market readings
        view.market = [r for r in view.market if r.id != view.lead.id]
    view.move_lead = _move_lead(live) if view.lead is None else None
    view.large_loss = any(_mag(r._fact) >= float(thresholds.get("large_loss_usd", LARGE_LOSS_USD)) for r in view.losses if r.unit == "USD")
    _mark_window_twins(view.largest + ([view.lead] if view.lead is not None else []), event)
    printed = [r for g in [main, *other_windows] for r in (g.total, g.long, g.short, g.accounts) if r is not None]
    printed += [r for rs in printed_lists for r in rs]
    view.revised = sorted((r for r in printed if r.revised), key=lambda r: r.id)
    view.signals = _signals(event, view, thresholds, main_fact)
    view.asset_groups = _asset_groups(view.assets, thresholds)
    view.minor_heavy = _minor_heavy(view.asset_groups)
    view.top_venue_share = _venue_share(view)
    _fold_venue_shares(view)
    view.venues = _mark_venue_asset_lists(_mark_lists(view.venues, _venue_list_key))
    # the market's shares before a venue's or an asset's (stable, so each kind keeps its order), then lists made:
    # the template tells them in this order, so a list's members stay together
    view.shares = _mark_lists(sorted(view.shares, key=lambda r: (r.has_venue, r.has_asset)), _share_list_key)
    total = view.main.total._fact if view.main.total is not None else None
    for r in view.venues:
        f = r._fact
        if total is not None and f.metric == "liquidations" and (f.venue or f.contract) and not f.side:
            r.part_of_total = _part_of(f, total)
    for r in view.largest:  # the biggest single order against the market-wide total ("less than a tenth")
        if total is not None and r._fact.unit == total.unit and (r._fact.span == total.span or not r._fact.span):
            r.part_of_total = _part_of(replace(r._fact, window=total.window), total)
    view.top_asset_share = _asset_share(view)
    sides = [x for x in (_spread_sides(f) for f in facts if f.status is Status.DISPUTED) if x is not None]
    # two disputed figures alike in every word a draft prints ("1h" and "60m") would get the same sentence twice
    view.spread_sides = _unrepeated(sides, lambda x: (_words_of(event.fact(x.fact)), x.high, x.low))
    _compare(view)
    view.shape = event.shape or _infer_shape(view, thresholds)
    view.lede_spread = _lede_spread(view)

# What a remark is about: a figure of the event whose words the remark uses. A metric's words are the check's own
# (phrases.yaml `cues: metric`, the words that tell which metric a sentence measures), and a figure's own words
# (its subject, label or reading: "U.S. spot ether ETFs", "Extreme Fear") name it too. Candidates are the market
# readings a remark interprets (funding, open interest, sentiment, flows, volume, index levels ...) and any other
# figure whose own words the remark names; the liquidation counts, the price path and positions are left out by
# metric, because their words (liquidated, rose, fell, price, longs, shorts) are the vocabulary of every remark on
# a liquidation story and would set any remark against a figure. Market readings first (in _MARKET_METRICS order); first found wins.
_OWN_WORD = re.compile(r"[A-Za-z][A-Za-z&.'-]{3,}")
_SAYS_NEGATIVE = re.compile(r"\bnegative\b", re.I)
_SAYS_POSITIVE = re.compile(r"\bpositive\b", re.I)
# A sign word means something only for a level signed by nature (a funding rate), not for a change with a direction.
_SIGNED_TOPICS = SIGNED_METRICS - CHANGE_METRICS


def _metric_cues() -> dict[str, re.Pattern]:
    from writer.check.phrasefile import phrase_section  # the check's vocabulary, read once per drafter

    cues = phrase_section("cues")["metric"]
    return {m: re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I) for m, words in cues.items()}


_CUES: dict[str, re.Pattern] = {}


def _names_figure(words: str, f: Fact) -> bool:
    """Whether a remark names the figure by its own words: its subject, label or reading (a word of four letters or more)."""
    own = {w.casefold().rstrip(".") for text in (f.subject, f.label, f.reading) if text for w in _OWN_WORD.findall(text)}
    return bool(own) and any(w.casefold().rstrip(".") in own for w in _OWN_WORD.findall(words))


def _topic(words: str, live: list[Fact]) -> Fact | None:
    if not _CUES:
        _CUES.update(_metric_cues())
    verified = [f for f in live if f.status not in UNVERIFIED]
    readings = [f for f in verified if f.metric in _MARKET_METRICS or f.metric in SUBJECT_METRICS]
    for f in sorted(readings, key=lambda f: _MARKET_METRICS.index(f.metric) if f.metric in _MARKET_METRICS else len(_MARKET_METRICS)):
        cue = _CUES.get(f.metric)
        if (cue is not None and cue.search(words)) or _names_figure(words, f):
            return f
    return next((f for f in verified if f.metric not in _NEVER_TOPICS and _names_figure(words, f)), None)


_NEVER_TOPICS = frozenset({*_COUNTED, "liquidation_share", "liquidations_change", "price_level", "price_change", "position_size", "trader_loss"})


def _mark_quote_topics(view: View, live: list[Fact]) -> None:
    """A verified remark whose words name something the event measures ("funding flipped negative") gets that
    figure as its topic, and whether the figure's sign bears out the sign the remark gives it."""
    for q in view.quotes:
        if q.unverified:
            continue
        words = q._quote.words
        found = _topic(words, live)
        if found is None:
            continue
        q.topic = FigureRef(found)
        if found.metric in _SIGNED_TOPICS and (_SAYS_NEGATIVE.search(words) is None) != (_SAYS_POSITIVE.search(words) is None):
            said_negative = _SAYS_NEGATIVE.search(words) is not None
            if q.topic.negative or q.topic.positive:
                q.topic_sign = "agrees" if said_negative == q.topic.negative else "differs"


def _about_holder(item, refs: list[FigureRef]) -> bool:
    """An on-chain context item from the very sources of a trader's loss or position ("the position held about
    9,200 ETH before it was closed", from the tracker that reported the loss) tells that trader's story: it is
    printed beside the loss in the venues section, not among the market backdrop."""
    if item.kind != "onchain" or not item.sources:
        return False
    return any(set(item.sources) <= set(r._fact.sources) for r in refs)


def _lede_spread(view: View) -> bool:
    """Whether the lede tells the story as the providers' disagreement (lede.md.j2): a disputed total with no
    side dominant enough to lead, or a data-discrepancy story. The figures section reads it to know what the
    lede has already printed."""
    total, s = view.main.total, view.signals
    if total is None or not (total.is_range and total._fact.status is Status.DISPUTED):
        return False
    return view.shape == "data_discrepancy" or not (s.one_sided_long or s.squeeze or s.short_dominant or s.long_dominant)


# Lists whose figures stand alone (no group, no comparison built on them): an end of a change found here is
# told inside the change's own sentence instead of in a sentence of its own.
_ENDS_FROM = ("market", "levels", "levels_up", "levels_down")
_CHANGES_IN = ("market", "changes", "liq_changes")


def _mark_passed(view: View) -> None:
    """A claimed or estimated cluster of positions the price has already moved through: a band wholly below a
    level the same asset rose above ("passed up"), or wholly above one it fell below ("passed down")."""
    ups = [(r._fact.asset, _lower_upper(r._fact)[0]) for r in view.levels_up if r._fact.asset and r._fact.bounds]
    downs = [(r._fact.asset, _lower_upper(r._fact)[1]) for r in view.levels_down if r._fact.asset and r._fact.bounds]
    for r in view.unverified + view.zones + view.estimates:
        f = r._fact
        where = f.price_band or ((f.price_level, f.price_level) if f.price_level is not None else None)
        if where is None or not f.asset:
            continue
        if any(asset == f.asset and where[1] < level for asset, level in ups):
            r.passed = "up"
        elif any(asset == f.asset and where[0] > level for asset, level in downs):
            r.passed = "down"


def _words_of(f: Fact) -> tuple:
    """What a draft's words say of a figure (its window by length: "1h" and "60m" read alike)."""
    return (f.metric, f.side, f.asset, f.assets, window_minutes(f.window) if f.window else f.span, f.window_hedge, f.venue, f.venues,
            f.contract, f.subject, f.label, f.per)


def _unrepeated(items: list, key) -> list:
    """The items whose words differ from every earlier item's: a fact file's duplicate is told once."""
    seen: set = set()
    out = []
    for x in items:
        k = key(x)
        if k not in seen:
            seen.add(k)
            out.append(x)
    return out


def _mark_named_gaps(view: View, event: Event) -> None:
    """A missing figure that a context item or caveat already names ("some research compares this event with the
    December 2025 peak, whose scale is still pending verification") is told there: its gap sentence says only that
    no figure is available, and the outlook refers back to it rather than naming it a third time."""
    texts = [item.text.casefold() for item in (*event.context, *getattr(event, "caveats", ())) if getattr(item, "text", "")]
    for g in view.gaps:
        name = (g._fact.label or g._fact.subject or "").casefold()
        g.told_elsewhere = bool(name) and any(name in t for t in texts)


def _zone_place(f: Fact):
    """Where a zone sits on the price axis: its level or band, or None for a size with no price."""
    return f.price_band if f.price_band is not None else f.price_level


def _mark_zone_links(zones: list[FigureRef]) -> None:
    """How each zone after the first on its side follows the ones before it (``zone_link``; zones.md.j2):
    "further" (more positions, "A further $X"), only when every zone so far sits at a price of its own and no two at
    the same one, so that none can hold another; "part" for a venue's zone with no price of
    its own after a zone of the whole market of the same asset and side, which holds it ("Of that, $229 million sits on
    MakerDAO"), "part_more" for the next venue's part of the same zone ("$17 million more sits on Compound"); else
    "apart": a reading that may overlap the ones before it, told with no word that adds it to them."""
    parent = None
    for i, r in enumerate(zones):
        f = r._fact
        if i == 0:
            continue
        before = [z._fact for z in zones[:i]]
        places = [_zone_place(x) for x in (*before, f)]
        if all(p is not None for p in places) and len(set(places)) == len(places):
            r.zone_link = "further"
            continue
        holder = next((x for x in reversed(before) if not x.venue and not x.contract and x.asset == f.asset and x.side == f.side
                       and _mag(x) >= _mag(f)), None) if f.venue and _zone_place(f) is None else None
        if holder is not None:
            r.zone_link = "part_more" if parent is holder and zones[i - 1].zone_link in ("part", "part_more") else "part"
            parent = holder
            continue
        r.zone_link = "apart"


def _mark_method_notes(view: View, event: Event) -> None:
    """An estimate's note on method goes with it once ("projected from liquidation heat maps"), and not at all
    when it only names the estimate's own provider again ("from Hyblock's model" after "modelled by Hyblock
    Capital"): the attribution already says who modelled it."""
    told: set = set()
    for r in view.zones_below + view.zones_above + view.estimates:  # the order the zones section prints them
        f = r._fact
        if not f.note:
            continue
        note = f.note.casefold()
        names = [event.source_name(s) for s in f.sources] + list(f.sources)
        words = {w for n in names for w in re.findall(r"[^\W\d_]{4,}", n.casefold())}
        if not any(re.search(r"\b" + re.escape(w), note) for w in words) and note not in told:
            r.method_note = True
        told.add(note)


def _legs(g: WindowGroup) -> str:
    """The side read first, when a window's long and short figures were read at least one window apart: the
    two sides then come from two stretches of the period (the drop and the rebound), not from the same hours."""
    if g.long is None or g.short is None or not g.minutes:
        return ""
    t_long, t_short = _first_seen(g.long._fact), _first_seen(g.short._fact)
    if t_long is None or t_short is None or abs((t_long - t_short).total_seconds()) < g.minutes * 60:
        return ""
    return "long" if t_long < t_short else "short"


def _first_seen(f: Fact):
    """The earliest exact time a source gave for the figure, or None when any observation lacks one."""
    times = [o.as_of for o in f.observations]
    return min(times) if times and all(t is not None for t in times) else None


def _mark_time_order(view: View) -> None:
    """Each crossed price level's place in time (``seen_order``, 1 first) when every level has an exact time:
    the price path is then told in the order it happened ("fell below $89,000 and then rose above $95,000")."""
    levels = view.levels_up + view.levels_down
    times = [_first_seen(r._fact) for r in levels]
    if len(levels) < 2 or any(t is None for t in times):
        return
    ranks = {t: i for i, t in enumerate(sorted(set(times)), start=1)}
    for r, t in zip(levels, times):
        r.seen_order = ranks[t]


def _full_price(f: Fact) -> str:
    """A whole-dollar price level as the layer prints it in full ("$89,000"); "" for any other figure."""
    v = f.value
    if f.unit != "USD" or v is None or v <= 0 or v != int(v) or f.hedge is not None or f.range is not None:
        return ""
    return f"${int(v):,}"


def _mark_window_twins(refs: list[FigureRef], event: Event) -> None:
    """A figure told without its window ("the largest single liquidation on HTX was worth $10,000") that another figure
    of the event would be told in the same words but for a window, the other's or its own: the sentence gives its window,
    or a reader (and the check, which reads words naming no window as the figure with none) takes it for the other."""
    for r in refs:
        f = r._fact
        key = (f.metric, f.side, f.asset, f.venue)
        r.window_twin = bool(f.window) and any(
            o.id != f.id and (o.metric, o.side, o.asset, o.venue) == key and o.window != f.window and o.bounds is not None
            for o in event.facts.values())


def _mark_recovered(view: View) -> None:
    """A level an asset fell below, where the event also gives the asset's price with no direction (where it
    trades now) above that level: the outlook says the level is won back already, never "a quick return above it".
    Only when that price is the asset's one undirected price: of several (a session told price by price, "$7,353 at
    10:00, $3,978 by 2:00"), none is known to be the latest, so none says the level was won back."""
    for r in view.levels_down:
        f = r._fact
        if not f.asset or not f.bounds:
            continue
        # where the asset trades now: its one plain price level (a level with a label or a note of its own, "Bitcoin's
        # record high earlier in the week", is another moment's price; several unordered prices say nothing of now)
        prices = [o._fact for o in view.levels if o._fact.asset == f.asset and not o._fact.direction and not o._fact.label
                  and not o._fact.note and o._fact.bounds]
        r.recovered = len(prices) == 1 and prices[0].bounds[0] > f.bounds[1]


def _mark_funding(view: View, thresholds: dict) -> None:
    """Which side a funding rate says is paying to stay in (``payer``): longs for a positive rate, shorts for a
    negative one, neither when the rate is within thresholds.neutral_funding of zero (scaled to the period its
    note gives, "per hour"), where what it says about either side's appetite is nothing."""
    neutral = float(thresholds.get("neutral_funding", 0.01))
    for r in view.market:
        f = r._fact
        if f.metric != "funding_rate" or f.unit != "percent" or not f.bounds:
            continue
        m = _FUNDING_PERIOD.search(f.note or "")
        hours = int(m.group(1) or 1) if m else _FUNDING_HOURS  # "per hour", "hourly": 1
        limit = neutral * hours / _FUNDING_HOURS
        lo, hi = f.bounds
        r.payer = "long" if lo > limit else "short" if hi < -limit else ""


def _mark_context_levels(view: View) -> None:
    """A context item that tells the price path with the event's own level figures, from the same sources and
    status ("bitcoin fell to about $89,000 ... and rebounded above $95,000"), tells it once: the context section
    prints the item in place of the level sentences (``tells_path``, ``in_context``), its figures marked as the
    levels' (layer.ctx), never both."""
    levels = view.levels_up + view.levels_down + view.levels
    for c in view.context:
        item = c._item
        if c.kind == "exchange_status" or not item.text:
            continue
        told = [r for r in levels if not r.in_context and r.status == c.status and set(r._fact.sources) <= set(item.sources)
                and _full_price(r._fact) and re.search(re.escape(_full_price(r._fact)) + r"(?![\d,.])", item.text)]
        if told:
            c.tells_path = True
            c.levels = told
            for r in told:
                r.in_context = True


def _whole_market(f: Fact, thresholds: dict) -> bool:
    """A coverage in the style's whole-market words ("network-wide"): a label that says the total is every
    venue its providers track, which the draft says in plain words instead of quoting the label."""
    words = {w.casefold() for w in thresholds.get("whole_market_coverage", ())}
    return bool(f.coverage) and f.coverage.strip().casefold().removeprefix("the ") in words


def _join_change_ends(view: View) -> None:
    """A change whose two ends are plain figures gets them as ``start``/``end``; the ends leave their lists,
    so the article says "rose 367%, from 300,000 to 1.4 million" once instead of three sentences, end first. A
    change that names only its end gets that alone ("fell 5% to $90,000")."""
    where = {r.id: name for name in _ENDS_FROM for r in getattr(view, name)}
    taken: set[str] = set()
    for name in _CHANGES_IN:
        for r in getattr(view, name):
            f = r._fact
            ends = tuple(e for e in (f.from_fact, f.to_fact) if e is not None)  # (a change may name only its end: "to $90,000")
            if f.to_fact is None or any(e not in where or e in taken for e in ends) or r.id in taken:
                continue
            refs = {x.id: x for n in _ENDS_FROM for x in getattr(view, n) if x.id in ends}
            r.start, r.end = refs.get(f.from_fact or ""), refs[f.to_fact]
            taken.update(ends)
    for name in _ENDS_FROM:
        setattr(view, name, [r for r in getattr(view, name) if r.id not in taken])


# An event with fewer printable figures than this gets the short article: the explanatory
# paragraphs about order books and margin rules are kept for events with the material to carry them.
RICH_FIGURES = 8


def _lower_upper(f: Fact) -> tuple[float, float]:
    """Where the true figure may lie: a floor ("at least") has no top."""
    lo, hi = f.bounds or (0.0, 0.0)
    limits = getattr(f, "limits", None)  # a source's own hedge ("over", "up to") widens the bounds
    if limits is not None:
        lo, hi = limits
    return (lo, float("inf") if f.lower_bound else hi)


def _compare(view: View) -> None:
    """Comparisons in words, from the figures themselves: history against the headline, zones against each other."""
    lead = view.lead._fact if view.lead is not None else None
    for h in view.history:  # one side of the event alone against an earlier floor ("longs alone cleared it")
        side = view.main.long if view.signals.long_dominant else view.main.short if view.signals.short_dominant else None
        if h.floor and side is not None and side._fact.unit == h._fact.unit and side._fact.bounds and h._fact.bounds \
                and _lower_upper(side._fact)[0] > _lower_upper(h._fact)[0]:
            h.side_clears = side.side
    for h in view.history + view.realised_estimates:
        f = h._fact
        if lead is None or f.unit != lead.unit or f.bounds is None or lead.bounds is None:
            continue
        if _lower_upper(f)[1] < _lower_upper(lead)[0]:
            h.vs_lead = "smaller"
            h.ratio_words = next((w for k, w in _TIMES_WORDS if _lower_upper(lead)[0] > k * _lower_upper(f)[1]), "")
        elif _lower_upper(f)[0] > _lower_upper(lead)[1]:
            h.vs_lead = "larger"
            h.ratio_words = next((w for k, w in _FRACTION_WORDS if _lower_upper(lead)[1] < k * _lower_upper(f)[0]), "")
    claimed = [u for u in view.unverified if u._fact.metric == "position_concentration"]
    for z in view.zones + claimed:
        realised = {"long": view.main.long, "short": view.main.short}.get(z._fact.side or "")
        if realised is not None and realised._fact.unit == z._fact.unit and realised._fact.bounds and z._fact.bounds:
            if _lower_upper(z._fact)[1] < _lower_upper(realised._fact)[0]:
                z.vs_realised = "smaller"
            elif _lower_upper(z._fact)[0] > _lower_upper(realised._fact)[1]:
                z.vs_realised = "larger"
    above = sum(_mag(z._fact) for z in view.zones_above)
    below = sum(_mag(z._fact) for z in view.zones_below)
    s = view.signals
    # clusters add up and compare only in one unit, and intensities only on one provider's map (its own scale)
    scales = {(z._fact.unit, z._fact.sources if z.intensity else ()) for z in view.zones}
    if above and below and len(scales) == 1:
        s.heavier_zone = "above" if above > below * 1.2 else "below" if below > above * 1.2 else ""
    dollars = [z for z in view.zones if z._fact.unit == "USD"]
    if lead is not None and lead.unit == "USD" and dollars:
        s.zone_exceeds_lead = max(_lower_upper(z._fact)[0] for z in dollars) > _lower_upper(lead)[1]
    printable = [r for r in (view.main.total, view.main.long, view.main.short, view.main.accounts) if r is not None]
    printable += view.assets + view.venues + view.largest + view.losses + view.transfers + view.zones + view.unverified
    printable += view.levels + view.levels_up + view.levels_down + view.changes + view.market + view.history
    printable += [x for r in view.market + view.changes + view.liq_changes for x in (r.start, r.end) if x is not None]  # told in their change's sentence
    s.rich = len(printable) + len(view.context) + len(view.quotes) >= RICH_FIGURES


# SALIENCE: which figure leads the headline and the lede, first match wins.
#  1. the network total of the main window (the richest window: most of total/long/short, then longest);
#  2. the larger side of the main window when no total exists ("$420 million of shorts");
#  3. the largest realised liquidation figure of any scope (an asset, a venue, a contract);
#  3b. a venue's outage or halt, told by its length (a duration on one venue: "the outage at Binance lasted 30
#     minutes"): with no liquidation figure, the venue that stopped working is the story, and a trader's loss in it
#     is a consequence (the same step follows a venue's liquidations under ``shape: single_venue``);
#  4. the larger of the largest single liquidation and the largest trader loss (a single-venue or whale story:
#     its biggest figure leads, whichever kind it is; a tie goes to the single liquidation);
# only headline-safe statuses (multi-source, official, single-source, disputed) qualify; with none,
# the headline says what is known without a number. ``shape: single_venue`` (the editor says one venue, order or
# trader is the story) puts the largest venue-scoped liquidation, single liquidation or trader loss first.
# One coin inside a larger day (every per-asset figure is SOL, its side split is SOL's alone, and a network total
# exists): the network total still leads, by rule 1. It is the largest realised figure of the main window, the size
# of the day; the coin is where the story sits, and the lede then names that coin's own split (or side figure) as
# the guide to which side paid, never "no split" (lede.md.j2). The headline does not switch to the coin: a smaller
# figure chosen because it fits the working title would make salience depend on the editor's wording.
_STORY_KINDS = {"largest_single_liquidation": "single", "trader_loss": "loss"}
_LEAD_STEPS = (
    ("asset", lambda f: f.metric == "liquidations" and bool(f.asset) and not f.venue),
    ("venue", lambda f: f.metric == "liquidations"),
    ("story", lambda f: f.metric in _STORY_KINDS),
)


# What ``shape: single_venue`` leads with, largest first, before the rest of SALIENCE.
_SINGLE_STORY_STEPS = (
    ("venue", lambda f: f.metric == "liquidations" and bool(f.venue or f.contract)),
    ("story", lambda f: f.metric in _STORY_KINDS),
)


def _salient(view: View, live: list[Fact], shape: str | None = None) -> tuple[FigureRef | None, str]:
    """The headline and lede figure and its kind, by SALIENCE above."""
    # largest first (a tie: a single liquidation before a loss, then by id); an average is no headline total
    safe = sorted((f for f in live if f.status.headline_safe and f.unit == "USD" and f.per is None),
                  key=lambda f: (-_mag(f), f.metric != "largest_single_liquidation", f.id))
    outage = _outage(view, live)
    if shape == "single_venue":
        venue = next((f for f in safe if _SINGLE_STORY_STEPS[0][1](f)), None)
        if venue is not None:
            return FigureRef(venue), "venue"
        if outage is not None:
            return outage, "outage"
        story = next((f for f in safe if _SINGLE_STORY_STEPS[1][1](f)), None)
        if story is not None:
            return FigureRef(story), _STORY_KINDS.get(story.metric, "venue")
    m = view.main
    if m.total is not None:
        return m.total, "total"
    sides = [r for r in (m.long, m.short) if r is not None]
    if sides:
        return max(sides, key=lambda r: (_mag(r._fact), r.id)), "side"
    for kind, pred in _LEAD_STEPS:
        if kind == "story" and outage is not None:
            return outage, "outage"
        for f in safe:
            if pred(f):
                return FigureRef(f), _STORY_KINDS.get(f.metric, kind)
    return None, ""


def _outage(view: View, live: list[Fact]) -> FigureRef | None:
    """A venue's outage or halt told by its length (a headline-safe duration on one venue, "the outage at Binance
    lasted 30 minutes"), printed on its own among the market readings: the longest, ties by id."""
    found = [r for r in view.market if r.metric == "duration" and r._fact.venue and r._fact.status.headline_safe
             and not r.list_pos and r._fact.value is not None]
    return max(found, key=lambda r: (abs(r._fact.value) * _MINUTES_IN.get(r._fact.unit, 0), r.id), default=None)


_MINUTES_IN = {"minutes": 1, "hours": 60, "days": 24 * 60}  # a duration's unit in minutes, to compare lengths


# A trader's loss from which "large accounts", "size is no protection" are true of the account (style.yaml
# thresholds.large_loss_usd overrides it): a million dollars, the smallest loss the desk's references call a whale's.
LARGE_LOSS_USD = 1_000_000


def _move_lead(live: list[Fact]) -> FigureRef | None:
    """With no liquidation figure to lead (SALIENCE finds none), the story is the market's own move: the largest
    headline-safe percentage rise or fall of one named asset ("LINK down 99.9% on Binance"); ties by id."""
    moves = [f for f in live if f.metric == "price_change" and f.unit == "percent" and f.asset and f.change in ("rise", "fall")
             and f.status.headline_safe and f.value is not None]
    return FigureRef(_by_size(moves)[0]) if moves else None


def _venue_groups(venues: list[FigureRef]) -> tuple[list[WindowGroup], list[FigureRef]]:
    """A venue's total with its long and short figures of the same window and status become one group
    (printed as one sentence); everything else stays a single figure."""
    slots: dict[tuple, dict[str, FigureRef]] = {}
    for r in venues:
        f = r._fact
        if f.metric == "liquidations" and f.venue and not f.contract and not f.subject and not f.asset and f.per is None:
            slots.setdefault((f.venue, f.span, f.status, f.lower_bound), {}).setdefault(f.side or "total", r)
    groups, grouped = [], set()
    for g in slots.values():
        if len(g) < 2:
            continue
        groups.append(WindowGroup(total=g.get("total"), long=g.get("long"), short=g.get("short")))
        grouped.update(r.id for r in g.values())
    return groups, [r for r in venues if r.id not in grouped]


def _asset_groups(assets: list[FigureRef], th: dict) -> list[AssetGroup]:
    """The per-asset figures gathered by asset, window, status and source (one attribution each),
    largest first, each with what its own split and its rank say."""
    slots: dict[tuple, dict[str, FigureRef]] = {}
    order: list[tuple] = []
    for r in assets:  # already largest first
        f = r._fact
        key = (f.asset, f.span, f.status, f.sources, f.is_derived)
        slot = f.side or "total"
        while slot in slots.get(key, {}):  # a second figure for the same slot starts a group of its own
            key = key + (r.id,)
        if key not in slots:
            slots[key] = {}
            order.append(key)
        slots[key][slot] = r
    groups = []
    one_sided = float(th.get("one_sided_share", 85))
    for key in order:
        g = slots[key]
        refs = list(g.values())
        grp = AssetGroup(first=refs[0], total=g.get("total"), long=g.get("long"), short=g.get("short"))
        lo, sh, tot = (_mag(x._fact) if x is not None else None for x in (grp.long, grp.short, grp.total))
        whole = tot if tot else ((lo or 0.0) + (sh or 0.0) if lo is not None and sh is not None else None)
        if whole and lo is not None and 100 * lo / whole >= one_sided:
            grp.lopsided = "long"
        elif whole and sh is not None and 100 * sh / whole >= one_sided:
            grp.lopsided = "short"
        groups.append(grp)
    if len(groups) > 1:
        top, nxt = groups[0], groups[1]
        same_unit = top.first._fact.unit == nxt.first._fact.unit
        top.outranks_btc = top.first._fact.asset != "BTC" and any(g.first._fact.asset == "BTC" for g in groups[1:]) and same_unit
        top.doubles_next = same_unit and _lower_upper(top.first._fact)[0] >= 2 * _lower_upper(nxt.first._fact)[1]
    return groups


# A shorter window whose share of a longer one is at least this many times its share of the time was a burst.
_BURST_PACE = 2.0
# The largest venue's part of the market-wide total, in words a reader can check against the two figures.
_SHARE_WORDS = ((0.5, "more than half"), (1 / 3, "more than a third"), (0.25, "more than a quarter"))


def _asset_share(view: View) -> str:
    """The largest asset's part of the market-wide total (same window and unit), in words."""
    top = view.asset_groups[0] if view.asset_groups else None
    return _part_words(view, [top.total._fact] if top is not None and top.total is not None else [])


def _venue_share(view: View) -> str:
    candidates = [g.total._fact for g in view.venue_groups if g.total is not None]
    candidates += [r._fact for r in view.venues if r._fact.metric == "liquidations" and r._fact.venue and not r._fact.side
                   and not r._fact.contract and not r._fact.asset]
    return _part_words(view, candidates)


# Two venues' shares of one side this many percentage points apart say their users were positioned differently.
_SIDE_SPREAD_POINTS = 10.0
# A leading venue's share this many times the next venue's puts it "well ahead"; below, only "ahead".
_WELL_AHEAD = 1.5


def _fold_venue_shares(view: View) -> None:
    """Each venue's share of the liquidations (and one side's share of its own) goes into that venue's own
    sentence rather than a list of percentages: set on the venue's first figure and taken out of the shares.
    The venues' shares are then read against each other: which venue led and by how much, and whether one
    side's share differed widely from venue to venue."""
    first: dict[str, FigureRef] = {}
    for g in view.venue_groups:
        f = g.total or g.long
        first.setdefault(f._fact.venue, f)
    for r in view.venues:
        # only a figure whose sentence prints the shares (venues.md.j2): never a contract's, a subject's or a zero count's
        if r._fact.venue and r._fact.metric == "liquidations" and not r._fact.contract and not r._fact.subject and not r.zero \
                and r._fact.per is None:
            first.setdefault(r._fact.venue, r)
    folded: set[str] = set()
    for x in view.shares:
        f = x._fact
        # a share with a subject is that holder's share, not the venue's ("one wallet: 45% of Compound's total")
        host = first.get(f.venue) if f.venue and not f.asset and not f.subject and f.unit == "percent" and f.bounds else None
        if host is None or f.status in UNVERIFIED:
            continue
        if not f.side and host.venue_share is None:
            host.venue_share = x
        elif f.side and host.venue_side_share is None:
            host.venue_side_share = x
        else:
            continue
        folded.add(x.id)
    view.shares = [x for x in view.shares if x.id not in folded]
    whole = [h.venue_share for h in first.values() if h.venue_share is not None]
    windows = {x._fact.span for x in whole}
    if len(whole) >= 2 and len(windows) == 1:
        whole.sort(key=lambda x: -_mag(x._fact))
        lead, runner = whole[0], whole[1]
        if _lower_upper(lead._fact)[0] > _lower_upper(runner._fact)[1]:
            view.venue_lead, view.venue_runner = lead, runner
            view.venue_lead_words = "well ahead of" if _mag(lead._fact) >= _WELL_AHEAD * _mag(runner._fact) else "ahead of"
    sides = [h.venue_side_share for h in first.values() if h.venue_side_share is not None]
    if len(sides) >= 2 and len({(x._fact.side, x._fact.span) for x in sides}) == 1:
        sides.sort(key=lambda x: -_mag(x._fact))
        most, least = sides[0], sides[-1]
        if _lower_upper(most._fact)[0] - _lower_upper(least._fact)[1] >= _SIDE_SPREAD_POINTS:
            view.side_spread = [most, least]


# The headline figure against a comparison figure, in words that hold for both ends of both figures.
_TIMES_WORDS = ((10, "more than ten times"), (5, "more than five times"), (3, "more than three times"), (2, "more than twice"))  # tightest first
# Tightest first: the first fraction the figures stay under at both ends is the one printed ("less than a
# twentieth of" for 3.4-3.7%, never the looser "less than a third of" that is also true).
_FRACTION_WORDS = ((1 / 100, "less than a hundredth of"), (1 / 50, "less than a fiftieth of"), (1 / 20, "less than a twentieth of"),
                   (1 / 10, "less than a tenth of"), (1 / 5, "less than a fifth of"), (1 / 4, "less than a quarter of"),
                   (1 / 3, "less than a third of"), (1 / 2, "less than half of"))
_SMALL_PART = 0.1  # a figure under this part of the total is "less than a tenth" of it


def _part_of(f: Fact, total: Fact) -> str:
    """One figure's part of a total of the same window and unit, in words; "" when it cannot be said."""
    if f.span != total.span or f.unit != total.unit or not f.bounds or not total.bounds or f.lower_bound or not _same_sources(f, total):
        return ""
    lo, hi = _lower_upper(f)
    t_lo, t_hi = _lower_upper(total)
    if not t_lo or not t_hi or hi > t_lo:
        return ""
    if hi / t_lo < _SMALL_PART:
        return "less than a tenth"
    return next((w for limit, w in _SHARE_WORDS if lo / t_hi > limit), "")


# The smaller coins' losses, added up, against the largest asset's: from this part on they "reached well beyond the
# biggest coins"; below it they are a footnote to the core of the market.
_MINOR_WEIGHT = 0.5


def _group_amount(g: AssetGroup) -> float | None:
    if g.total is not None:
        return _mag(g.total._fact)
    sides = [x for x in (g.long, g.short) if x is not None]
    return sum(_mag(x._fact) for x in sides) if sides else None


def _minor_heavy(groups: list[AssetGroup]) -> bool:
    """Do the smaller coins' liquidations add up to a real part of the largest asset's (see _MINOR_WEIGHT)?"""
    if not groups or not groups[0].first.major_asset:
        return True  # the largest is itself a smaller coin: the losses did reach beyond the biggest
    top = _group_amount(groups[0])
    unit = groups[0].first._fact.unit
    minor = [_group_amount(g) for g in groups if not g.first.major_asset and g.first._fact.unit == unit]
    return bool(top) and sum(m for m in minor if m) >= _MINOR_WEIGHT * top


def _lone_mover(view: View, small: float) -> FigureRef | None:
    """The asset whose price moved on its own: at least twice ``small`` percent while bitcoin, over the same
    window, moved no more than ``small`` (an altcoin's squeeze or washout, not the market's)."""
    moves = [c for c in view.changes if c._fact.unit == "percent" and c._fact.bounds and c._fact.asset and not c.intraday]
    for btc in (c for c in moves if c._fact.asset == "BTC" and abs(_mag(c._fact)) <= small):
        others = [c for c in moves if c._fact.asset != "BTC" and c._fact.span == btc._fact.span
                  and min(abs(v) for v in c._fact.bounds) >= 2 * small]
        if others:
            return max(others, key=lambda c: abs(_mag(c._fact)))
    return None


def _source_runs(refs: list[FigureRef]) -> list[FigureRef]:
    """Market readings in the order a desk tells them: by metric, but each source's readings together (the
    sources in the order their first reading comes), so one attribution opens each source's run instead of
    the same source being named again after another's reading interrupted it."""
    by_metric = sorted(refs, key=lambda r: r.metric)
    first: dict[tuple, int] = {}
    for i, r in enumerate(by_metric):
        first.setdefault(_run_key(r._fact), i)
    return sorted(by_metric, key=lambda r: first[_run_key(r._fact)])


def _mark_lists(refs: list[FigureRef], key) -> list[FigureRef]:
    """Figures a desk tells as one list sentence ("Hyperliquid saw liquidations of $598 million, Bybit $339 million
    and Binance $181 million"), never one formula sentence each: those whose ``key`` (what the sentence says of
    each besides its figure) is equal and not None, and which share one attribution, are brought together in
    the order the first of them comes, and each gets its ``list_pos``. Every other figure keeps its place."""
    groups: dict[tuple, list[FigureRef]] = {}
    order: list = []
    for r in refs:
        k = key(r)
        k = (k, _run_key(r._fact)) if k is not None else ("alone", r.id)
        if k not in groups:
            groups[k] = []
            order.append(k)
        groups[k].append(r)
    out: list[FigureRef] = []
    for k in order:
        members = groups[k]
        for i, r in enumerate(members):
            r.list_pos = "" if len(members) == 1 else "first" if i == 0 else "last" if i == len(members) - 1 else "next"
        out += members
    return out


def _venue_list_key(r: FigureRef):
    """A venue's plain count ("<venue> saw liquidations of $X"): listed with the other venues' of the same side,
    asset and window; a figure with a share, a floor, a contract or the venue's own report keeps its sentence."""
    f = r._fact
    if f.metric != "liquidations" or not f.venue or f.contract or f.subject or f.per is not None or r.self_reported \
            or r.zero or f.lower_bound or r.venue_share is not None or r.venue_side_share is not None:
        return None  # a note does not keep a venue out of the list: the venue's sentence never printed it
    return ("venue", f.side, f.asset, f.span)


def _mark_venue_asset_lists(refs: list[FigureRef]) -> list[FigureRef]:
    """One venue's figures by asset (same side, window and attribution), with its own total when the figures hold it:
    one sentence, "FTX saw liquidations of $1.21 billion over the past 48 hours, among them $677 million of bitcoin
    positions and $470 million of ether positions", never one "<venue> saw" sentence per asset. Only figures no other
    list took; the total (no asset) leads, the assets follow in the order they come."""
    def key(r: FigureRef):
        f = r._fact
        if r.list_pos or _venue_list_key(r) is None or f.assets:
            return None
        return (f.venue, f.side, f.span, _run_key(f))

    groups: dict[tuple, list[FigureRef]] = {}
    for r in refs:
        k = key(r)
        if k is not None:
            groups.setdefault(k, []).append(r)
    out = list(refs)
    for members in groups.values():
        totals = [r for r in members if not r._fact.asset]
        parts = [r for r in members if r._fact.asset]
        if len(totals) > 1 or not parts or len({r._fact.asset for r in parts}) < len(parts) or len(members) < 2:
            continue
        ordered = totals + parts
        at = min(out.index(r) for r in ordered)
        out = [r for r in out if r not in ordered]
        out[at:at] = ordered
        for i, r in enumerate(ordered):
            r.list_by = "asset"
            r.list_pos = "first" if i == 0 else "last" if i == len(ordered) - 1 else "next"
        if totals:
            parts[0].list_among = True
    return out


def _pair_positions(refs: list[FigureRef]) -> list[FigureRef]:
    """One holder's position given in coins and in dollars (same holder, side, asset, venue, window and sources) is
    one position: the size in coins leads ("list_pos" first, its ``pair`` the dollar figure), the dollar figure
    follows it ("last", not printed on its own)."""
    def key(r: FigureRef):
        f = r._fact
        return (f.subject, f.side, f.asset, f.venue, f.span, _run_key(f)) if f.subject and not f.note else None

    out = list(refs)
    for coins in refs:
        if coins._fact.unit != "coins" or key(coins) is None or coins.list_pos:
            continue
        usd = next((r for r in refs if r is not coins and r._fact.unit == "USD" and not r.list_pos and key(r) == key(coins)), None)
        if usd is None:
            continue
        coins.list_pos, usd.list_pos, coins.pair = "first", "last", usd
        out.remove(usd)
        out.insert(out.index(coins) + 1, usd)
    return out


def _market_list_key(r: FigureRef):
    """One market reading of one asset on several venues ("open interest on Bybit ..., on Binance ..."): a reading
    the context section words "<what> stood at <figure>" with nothing of its own after the figure."""
    f = r._fact
    if not f.venue or f.label or (f.subject and not names_quantity(f)) or f.note or f.reading or r.is_change or r.unverified \
            or r.is_estimate or r.index_unsaid or r.window_unsaid or f.metric in ("duration", "rate") or f.contract:
        return None
    return ("market", f.metric, f.asset, f.assets, f.side, f.span, f.unit, f.subject)


def _level_list_key(r: FigureRef):
    """An asset's plain price levels (no direction or label): one sentence for the asset, each level with its venue
    and its note ("at $7,353 on BitMEX (the perpetual at 10:00 UTC)"); a note that cannot be printed keeps its level
    out of the list, so no list holds a level whose note says when or where without printing it."""
    f = r._fact
    if not f.asset or f.label or f.direction or r.in_context or (f.note and not r.note_told):
        return None
    return ("level", f.asset, f.span, f.venue)  # a venue in a list sentence would be read as every level's


def _twin_windows(live: list[Fact]) -> list[tuple[FigureRef, FigureRef]]:
    """Windows of the same length written two ways ("24h" and "1d") among the figures: printed as "over the past
    24 hours" and "over the past day", which a reader takes for two periods or for one without being told. For each
    such pair, the first figure (by id) of each name, shortest window first, for a sentence saying what is known: the
    same length, and nothing in the figures saying whether the same hours."""
    by_length: dict[int, dict[str, Fact]] = {}
    for f in sorted(live, key=lambda f: f.id):
        if f.window:
            by_length.setdefault(window_minutes(f.window), {}).setdefault(f.window, f)
    pairs = []
    for minutes in sorted(by_length):
        names = sorted(by_length[minutes])
        for other in names[1:]:
            pairs.append((FigureRef(by_length[minutes][names[0]]), FigureRef(by_length[minutes][other])))
    return pairs


def _mark_level_notes(view: View, event: Event) -> None:
    """A price level's note says when or where the price stood ("the bottom, shortly before 2:00 UTC"): without it
    several levels of one asset read as one price said five times. Printed with the level (``note_told``) unless it
    names a registered source other than the level's own (the check reads a name as a credit, its venue's too, and
    a credit in a sentence ends the run of the attribution before it), or quotes words (the source's own wording of the level, which the figure and its bound already give)."""
    names = {s: _spellings(event, s) for s in event.registry.sources}
    for r in view.levels_up + view.levels_down + view.levels:
        f = r._fact
        if not f.note or r.in_context or _QUOTE_MARKS.search(f.note):
            continue
        others = [n for s, ns in names.items() if s not in f.sources for n in ns if n]
        r.note_told = not any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", f.note) for n in others)


# a note quoting words that hold a figure ('printed "about 80%"'): the source's wording of the figure, not when or where
_QUOTE_MARKS = re.compile("[\"\u201c][^\"\u201d]*\\d[^\"\u201d]*[\"\u201d]")


def _subject_key(f: Fact) -> tuple:
    """What a market reading's sentence names as its subject: the reading (a change with its level's metric), and
    whose, of what and where."""
    return (f.metric.removesuffix("_change"), f.label, f.subject, f.asset, tuple(f.assets), f.venue, tuple(f.venues), f.contract, f.side)


def _mark_subject_runs(refs: list[FigureRef]) -> None:
    """A reading whose subject and sources are those of the reading just before it (not in a list): its sentence
    names the subject once, the next one goes on from it ("... stood at $10.5 million; it fell about 58% over
    the past 15 minutes") instead of naming the same long subject twice in a row."""
    prev = None
    for r in refs:
        if r.list_pos in ("next", "last"):
            continue
        # "It stood at ..." names no window: it goes on from the reading before only where that one's window is its
        # own too (a change prints its window beside its verb, change(over=True))
        r.subject_again = (prev is not None and not prev.list_pos and _subject_key(prev._fact) == _subject_key(r._fact)
                           and _run_key(prev._fact) == _run_key(r._fact)
                           and (r.is_change or prev._fact.span == r._fact.span))
        prev = r


def _share_list_key(r: FigureRef):
    """Shares of one side (of the total, then of one or more venues' liquidations): one sentence for the side; the
    venues' own shares of all the liquidations, of one window: one sentence for the venues; one asset's shares of
    several venues' liquidations: one sentence for the asset."""
    f = r._fact
    if not f.side and f.venue and not f.asset and not f.subject and not f.note:
        return ("share-venue", f.window)  # venues' shares of all the liquidations: "Bybit made up 50% ... and Binance 30%"
    if not f.side and f.venue and f.asset and not f.subject and not f.note:
        return ("share-asset", f.asset, f.window)  # one asset's share on several venues: "... on Bybit and 32% of those on Binance"
    if not f.side or f.subject or f.note:
        return None
    # one side's shares of several wholes (the market's, one asset's, one venue's in one asset): one sentence for the
    # side, "long positions made up 89% of the liquidations and 99% of those in BTC"; a share of one venue's whole
    # alone is folded into that venue's sentence (view._fold_venue_shares) before lists are made
    return ("share", f.side, bool(f.venue))


def _mark_path_notes(view: View) -> None:
    """A duration of one asset ("the wait for bitcoin's new all-time high lasted 847 days") whose source tells that
    asset's price levels too is told in the price path, after those levels, not as a paragraph of its own with nothing
    leading to it: moved from the market readings to ``path_notes``."""
    levels = view.levels_up + view.levels_down + view.levels
    told = {(r._fact.asset, _run_key(r._fact)) for r in levels if r._fact.asset and not r.in_context}
    view.path_notes = [r for r in view.market if r.metric == "duration" and (r._fact.asset, _run_key(r._fact)) in told]
    view.market = [r for r in view.market if r not in view.path_notes]


def _run_key(f: Fact) -> tuple:
    """What one attribution can cover: the figure's status (computed or not) and its sources (layer.attribution_key)."""
    return f.is_derived, f.status.value, tuple(f.sources)


def _same_sources(a: Fact, b: Fact) -> bool:
    """Can one figure be set against another in words? Only when both come from the same sources: a share
    worked out across two providers' counts would mix what each one counts (an aggregator's total holds its own
    reading of a venue, not the venue's own figure; a derived figure never mixes them). Kept here, not left to
    the check: in fact mode a share in words has no fact to link to, so neither its value nor the sources its
    "by our calculation from ..." names are held to anything (tests/test_draft_shares.py)."""
    return set(a.sources) == set(b.sources)


def _part_words(view: View, candidates: list[Fact]) -> str:
    """The largest candidate's part of the main total in words ("more than a third"), or "" below a quarter."""
    total = view.main.total._fact if view.main.total is not None else None
    if total is None or total.bounds is None:
        return ""
    candidates = [f for f in candidates if f.window == total.window and f.unit == total.unit and f.bounds and not f.lower_bound
                  and _same_sources(f, total)]
    if not candidates:
        return ""
    top = max(candidates, key=_mag)
    share = _lower_upper(top)[0] / _lower_upper(total)[1] if _lower_upper(total)[1] else 0.0
    return next((w for limit, w in _SHARE_WORDS if share > limit), "") if share <= 1 else ""


def _lean(g: WindowGroup, dominant: float) -> str:
    """The side whose share of this window's liquidations reaches the style's dominant share, from its own figures."""
    if any(x is not None and x._fact.lower_bound for x in (g.long, g.short)):
        return ""  # floors from a sampled feed say nothing about the balance between the sides
    lo = _mag(g.long._fact) if g.long is not None else None
    sh = _mag(g.short._fact) if g.short is not None else None
    tot = _mag(g.total._fact) if g.total is not None and not g.total._fact.lower_bound else None
    if tot is not None and any(x is not None and not _same_sources(x._fact, g.total._fact) for x in (g.long, g.short)):
        tot = None  # a side and a total from different sources are not one count
    if lo is not None and sh is not None and lo + sh > 0:
        share = 100 * lo / (lo + sh)
    elif tot and lo is not None and lo <= tot:  # one side and the total it is part of (one group: one source)
        share = 100 * lo / tot
    elif tot and sh is not None and sh <= tot:
        share = 100 - 100 * sh / tot
    else:
        return ""
    return "long" if share >= dominant else "short" if 100 - share >= dominant else ""


def _spread_sides(f: Fact) -> SpreadSides | None:
    """The sources at the top and at the bottom of a disputed figure, when they are different sources."""
    mids: dict[str, float] = {}
    for o in f.observations:
        if o.has_number:
            mids[o.source] = max(mids.get(o.source, float("-inf")), sum(o.bounds) / 2)
    if len(mids) < 2:
        return None
    top, bottom = max(mids.values()), min(mids.values())
    if top == bottom:
        return None
    high = tuple(sorted(s for s, v in mids.items() if v == top))
    low = tuple(sorted(s for s, v in mids.items() if v == bottom))
    gap = (top - bottom) / bottom if bottom > 0 else 0.0
    words = next((w for limit, w in _GAP_WORDS if gap > limit), "")
    middle = tuple(sorted(s for s in mids if s not in high and s not in low))
    return SpreadSides(f.id, high, low, own_venue_high=bool(f.venue) and f.venue in high and f.venue not in low, middle=middle, gap_words=words)


# How far apart two providers' figures are, against the lower one (first match wins).
# Gaps of an order of magnitude (an exchange's own estimate against an aggregator's) get rungs of their own: "more than
# four times" is true of a figure nine times the other but tells the reader far less than the gap.
_GAP_WORDS = ((9.0, "more than ten times"), (7.0, "more than eight times"), (4.0, "more than five times"), (3.0, "more than four times"), (2.0, "more than three times"), (1.0, "more than twice"),
              (0.5, "more than half as large again as"), (1 / 3, "more than a third larger than"),
              (0.25, "more than a quarter larger than"), (0.2, "more than a fifth larger than"), (0.1, "more than a tenth larger than"))


def _is_reason(item: ContextItem, facts: list[Fact]) -> bool:
    """A context item from every provider of a disputed figure is their own account of the difference."""
    return any(f.status is Status.DISPUTED and len(f.sources) > 1 and set(f.sources) <= set(item.sources) for f in facts)


def _spread(f: Fact) -> float:
    """How far apart the fact's observations with a number are, against the lowest (0 with fewer than two)."""
    values = [o.bounds for o in f.observations if o.has_number]
    if len(values) < 2:
        return 0.0
    lo, hi = min(v[0] for v in values), max(v[1] for v in values)
    return (hi - lo) / lo if lo > 0 else 0.0


def _signals(event: Event, view: View, th: dict, main_facts: list[Fact]) -> Signals:
    m = view.main
    total = event.fact(m.total.id) if m.total else None
    long_ = event.fact(m.long.id) if m.long else None
    short_ = event.fact(m.short.id) if m.short else None
    long_share = _share(event, long_, total)
    short_share = _share(event, short_, total)
    if long_share is None and long_ is not None and short_ is not None and long_.bounds and short_.bounds:
        lsum, ssum = sum(long_.bounds), sum(short_.bounds)
        long_share = 100 * lsum / (lsum + ssum) if lsum + ssum > 0 else None
        short_share = 100 - long_share if long_share is not None else None
    # The words may also rest on one side against a total from another provider, or on the share a
    # source gives itself: these only choose wording ("longs took most of the losses"), never a printed number.
    for side_fact in (long_, short_):
        if long_share is None and side_fact is not None and total is not None and side_fact.bounds and total.bounds and sum(total.bounds) > 0:
            share = min(100.0, 100 * sum(side_fact.bounds) / sum(total.bounds))
            long_share = share if side_fact is long_ else 100 - share
            short_share = 100 - long_share
    if long_share is None:
        given = [f for f in event.facts.values() if f.metric == "liquidation_share" and f.side and not (f.asset or f.venue or f.assets or f.venues)
                 and f.bounds and f.status not in (*UNVERIFIED, Status.ESTIMATE, Status.UNAVAILABLE)]
        if given:
            share = sum(given[0].bounds) / 2
            long_share = share if given[0].side == "long" else 100 - share
            short_share = 100 - long_share
    if long_share is not None and short_share is None:
        short_share = 100 - long_share  # the total is longs plus shorts: one side's share gives the other's
    elif short_share is not None and long_share is None:
        long_share = 100 - short_share
    one_sided = float(th.get("one_sided_share", 85))
    dominant = float(th.get("dominant_share", 60))
    balanced = float(th.get("balanced_share", 35))
    s = Signals()
    s.split_known = long_share is not None
    if long_share is not None:
        s.one_sided_long = long_share >= one_sided
        s.shorts_negligible = long_share >= _NEARLY_ALL
        s.long_dominant = long_share >= dominant
    if short_share is not None:
        s.one_sided_short = short_share >= one_sided
        s.short_dominant = short_share >= dominant
    if long_share is not None and short_share is not None:
        s.two_sided = balanced <= long_share <= 100 - balanced
        s.even_split = abs(long_share - 50) <= float(th.get("even_split", 5))
        s.longs_larger = long_share > 50
    s.price_break_up = bool(view.levels_up) or any(c.direction == "above" for c in view.levels)
    s.price_break_down = bool(view.levels_down)
    s.squeeze = (s.short_dominant or s.only_short_reported) and (s.price_break_up or event.shape == "short_squeeze")
    s.washout = s.long_dominant
    spread = float(th.get("provider_spread", 0.1))
    counted = [f for f in event.facts.values() if f.metric in ("liquidations", "liquidated_accounts") and f.status is not Status.ESTIMATE]
    view.widest_spread = max((_spread(f) for f in counted), default=0.0)
    s.provider_spread = bool(view.disputed) or view.widest_spread >= spread
    lead = event.fact(view.lead.id) if view.lead is not None else None
    s.lead_in_dispute = lead is not None and (any(r.id == lead.id for r in view.disputed) or _spread(lead) >= spread)
    s.minefield = bool(view.zones_above) and bool(view.zones_below)
    small = float(th.get("small_price_move", 5))
    s.wide_range = any(u.asset == d.asset and u.bounds and d.bounds and d.bounds[1] > 0
                       and 100 * (u.bounds[0] - d.bounds[1]) / d.bounds[1] >= small
                       for u in (r._fact for r in view.levels_up) for d in (r._fact for r in view.levels_down))
    s.single_source_main = bool(main_facts) and all(f.status is Status.SINGLE_SOURCE for f in main_facts)
    lone = {src for f in main_facts for src in f.sources}
    if s.single_source_main and len(lone) == 1 and next(iter(lone)) in event.registry.sources:
        s.single_source_kind = event.registry.sources[next(iter(lone))].kind.value
    realised = [f for f in event.facts.values() if f.metric == "liquidations" and f.status not in (*UNVERIFIED, Status.ESTIMATE, Status.UNAVAILABLE)]
    sided = {f.side for f in realised if f.side and not f.venue and not f.contract}  # one venue's sides are not the market's
    s.only_short_reported = sided == {"short"}
    s.only_long_reported = sided == {"long"}
    said = {f.side for f in event.facts.values() if f.metric == "dominance" and f.side and not (f.asset or f.venue) and f.status not in (*UNVERIFIED, Status.UNAVAILABLE)}
    if long_share is None and len(said) == 1:  # "longs bore the brunt", with no amounts: the source's own words
        s.long_dominant, s.short_dominant = said == {"long"}, said == {"short"}
        s.washout = s.long_dominant
    # Only a move over the total's own window can be said to have forced it out ("fell 3% over 4 hours,
    # and that was enough to force out $X" gives $X the 4-hour window too).
    total_window = view.main.total._fact.window if view.main.total is not None else None
    # with no market-wide total there is no window to match: a change without a window is not the total's move
    same_window = [c for c in view.changes if c._fact.unit == "percent" and c._fact.bounds and c._fact.window == total_window] \
        if view.main.total is not None else []
    if same_window:
        view.move = same_window[0]
        moves = [abs(_mag(c._fact)) for c in same_window]
        small = float(th.get("small_price_move", 5))
        s.small_move = max(moves) <= small
        s.big_move = min(moves) >= 2 * small
    s.move_read = view.move is not None and view.main.total is not None and (s.washout or s.squeeze or s.one_sided_short) \
        and (s.small_move or s.big_move)
    view.lone_mover = _lone_mover(view, float(th.get("small_price_move", 5)))
    up = {r._fact.asset for r in view.levels_up if r._fact.asset}
    down = {r._fact.asset for r in view.levels_down if r._fact.asset}
    s.broad_break = (len(up) > 1 and s.squeeze) or (len(down) > 1 and s.washout)
    # how the fall ran, as the figures show it (the mechanism paragraph and the lede's plan): a burst (a shorter window
    # holding much of the main one's total, or the main window packed into a longer one), a level an asset lost,
    # else an asset's fall over the period; "" when the event shows none of them
    s.mechanism = "burst" if any(g.part_of_main or g.main_part for g in view.other_windows) else "level" if down \
        else "fall" if any(r.falls and not r.intraday and r.has_asset for r in view.changes) else ""
    for share in (m.long_share, m.short_share):
        if share is not None and total is not None and total.status is Status.DISPUTED and share._fact.bounds and share._fact.bounds[0] > 50:
            s.split_holds = share._fact.side or ""
    s.lead_single_source = view.lead is not None and view.lead._fact.status is Status.SINGLE_SOURCE
    s.has_gaps = bool(view.gaps)
    s.has_unverified = bool(view.unverified) or bool(view.unverified_context)
    return s


def _asset_lean(view: View, dominant: float) -> str:
    """The side whose per-asset liquidations, added up (dollars, counted figures only), reach the dominant share."""
    sums = {"long": 0.0, "short": 0.0}
    for r in view.assets:
        f = r._fact
        if f.side in sums and f.unit == "USD" and f.bounds and not f.lower_bound and f.status.headline_safe:
            sums[f.side] += _mag(f)
    both = sums["long"] + sums["short"]
    if both <= 0:
        return ""
    return next((side for side, v in sums.items() if 100 * v / both >= dominant), "")


# A side's share (%) from which the other side barely registers ("shorts barely register in the count").
_NEARLY_ALL = 95.0


# SHAPE: the story's shape from its figures, first match wins (an explicit ``shape:`` overrides it):
#  1. a provider spread as wide as the style's ``discrepancy_story`` (providers half as far apart again): the
#     disagreement is the story, whatever the split;
#  2. a dominant short side (or only shorts reported): a short squeeze;
#  3. a dominant long side (or only longs reported): a long washout;
#  4. any narrower provider spread: the data discrepancy (a dominant side leads over it, and the spread is
#     argued in the data section as one angle of the story);
#  4a. no market-wide split: the per-asset sides added up, when one side dominates (an altcoin squeeze);
#  5. a balanced split: two-sided; a story of one venue, order or trader: single venue.
def _infer_shape(view: View, th: dict) -> str:
    """The story's shape from its figures (see SHAPE above)."""
    s = view.signals
    if s.provider_spread and view.widest_spread >= float(th.get("discrepancy_story", 0.5)):
        return "data_discrepancy"
    if s.squeeze or s.short_dominant or s.only_short_reported:
        return "short_squeeze"
    if s.long_dominant or s.only_long_reported:
        return "long_washout"
    lean = "" if s.split_known else _asset_lean(view, float(th.get("dominant_share", 60)))
    if lean:  # no market-wide split: the per-asset sides, added up, say which side the move caught
        return "short_squeeze" if lean == "short" else "long_washout"
    if s.provider_spread:
        return "data_discrepancy"
    if s.two_sided:
        return "two_sided"
    if view.lead_kind in ("venue", "single", "loss"):
        return "single_venue"
    return "two_sided"
