"""What an editor writes: the pydantic schema of ``sources.yaml`` and event files.

These models validate and normalise input only (``extra="forbid"`` so a typo'd
key is an error, not a silently ignored field); the rules beyond one field's type are
written once in ``specrules`` (which ``plainspec``, the reading of plainly written
valid files without pydantic, runs too). Reconciliation, derivation and
consistency live elsewhere and work on the resolved records in ``records``.
The JSON Schema editors use for completion is generated from these classes.
"""

# No ``from __future__ import annotations`` here: pydantic would then evaluate each field's annotation
# from its text when the class is created (an eval per field, about 0.4% of a cold `writer draft`'s
# instructions: bench/bench_draft_instructions.py); written plainly, Python evaluates them as bytecode.

from datetime import date, datetime
from typing import Annotated, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainValidator, ValidationError, ValidationInfo, WithJsonSchema, field_validator, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from writer.factbase import specrules as rules
from writer.factbase.numbers import parse_amount
from writer.factbase.specrules import ASSET_LENGTH, ASSET_PATTERN, MAX_RANK, QUOTE_STATUSES, Located
from writer.factbase.timestamps import PARTIAL_HINT, TIMESTAMP_PATTERN, YEARS, ZONE_HINT, PartialDate, parse_when
from writer.factbase.vocabulary import (
    AVERAGE_PER,
    CURRENCIES,
    EVENT_ID_RE,
    ID_RE,
    METRICS,
    FIRST_YEAR,
    LAST_YEAR,
    WINDOW_RE,
    Change,
    Direction,
    Hedge,
    Magnitude,
    Side,
    SourceKind,
    Status,
    ToDate,
    Unit,
)

def _when(raw: object):
    return parse_when(raw)  # (one argument: pydantic would pass its ValidationInfo to parse_when's second)


When = Annotated[
    Union[datetime, date, PartialDate],
    PlainValidator(_when),
    WithJsonSchema({
        "anyOf": [
            {"type": "string", "pattern": TIMESTAMP_PATTERN},
            {"type": "integer", "minimum": YEARS.start, "maximum": YEARS.stop - 1, "description": "a year alone"},
        ],
        "description": f"{ZONE_HINT}; {PARTIAL_HINT}",
    }),
]

Asset = Annotated[str, Field(pattern=ASSET_PATTERN, min_length=ASSET_LENGTH[0], max_length=ASSET_LENGTH[1], description="a ticker as the market writes it: BTC, stETH, vBNB, 1000PEPE")]


def _checked(rule, *args):
    """Run one of the rules (writer/factbase/specrules.py, shared with the plain reading of a fact
    file); a problem it places at a field of the item becomes pydantic's error at that field."""
    try:
        return rule(*args)
    except Located as exc:
        raise _located(exc.message, *exc.loc) from None


Amount = Annotated[float, BeforeValidator(parse_amount, json_schema_input_type=float | str)]
FactId = Annotated[str, Field(pattern=ID_RE.pattern, description="lower-case id, unique in the event")]
# A reference to sources.yaml: checked against the registry (with a suggestion by id,
# display name or alias), not against the id pattern, so `CoinGlass` points to `coinglass`.
SourceRef = Annotated[str, Field(min_length=1, description="id from sources.yaml")]
Currency = Annotated[
    str, WithJsonSchema({"type": "string", "enum": list(CURRENCIES), "description": "ISO 4217 code of a currency other than the dollar, or the stablecoin a notional is quoted in (USDT, USDC)"})
]
Window = Annotated[str, Field(pattern=WINDOW_RE.pattern, description="a window such as 60m, 12h, 24h, 1d, 1mo")]


def _empty() -> list:
    """A left-out list field's value. A plain function rather than ``list``: pydantic reads each
    default factory's signature, and a builtin's is parsed from its text signature (the first
    one starts Python's tokenizer: about 4 CPU-ms of a cold ``writer draft``)."""
    return []


class _Strict(BaseModel):
    # defer_build: a model's validator is built when it is first used, not when its class is
    # defined. Only the two documents (EventSpec, RegistrySpec) are ever validated on their own;
    # the figures, observations and the rest are validated inside them, so building a validator
    # for each of the ten nested models at import was wasted: a cold `writer draft` loads its
    # event in about two thirds of the time (bench/bench_draft.py). Validation and its messages
    # are the same (tests/test_factbase_*).
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


# --- the source registry ---------------------------------------------------


class SourceSpec(_Strict):
    id: FactId
    name: str = Field(min_length=1, description="display name as printed in articles")
    kind: SourceKind
    aliases: list[str] = Field(default_factory=_empty, description="other spellings used when matching article text")
    url: str | None = None
    group: bool = Field(
        default=False,
        description="an unnamed group of sources ('several data service providers', 'public data'): plural but nameless; "
        "its figures are `unnamed_group`, never `single_source` or `multi_source`",
    )
    described: bool | None = Field(
        default=None,
        description="the display name describes the source rather than names it ('an unnamed source', 'market data'): "
        "drafts tell it as one source ('a single unnamed source', 'single-source market data'), never as a name after "
        "'a single source,'; false for a name that looks like a description ('the block'); omitted: read from the "
        "name's shape (an opening article or word of number, or several lower-case words)",
    )

    @field_validator("name", "aliases")
    @classmethod
    def _recognisable(cls, v):
        return rules.recognisable(v)


class RegistrySpec(_Strict):
    sources: list[SourceSpec] = Field(min_length=1)


# --- one event -------------------------------------------------------------


HedgeOrPair = Union[Hedge, tuple[Hedge | None, Hedge | None]]
HEDGE_HELP = (
    "the source's own qualifier, printed as given: about, around, approximately, roughly, nearly, almost, close_to "
    "(approximate); over, more_than, above, at_least (a floor); up_to, as_much_as, at_most, under, less_than (a ceiling). "
    "For a range, one word for the whole range or [low, high] for its ends, e.g. [over, null]; for a value, "
    "two words it carries together, in the report's order, e.g. [as_much_as, approximately]"
)


class RevisionSpec(_Strict):
    """An earlier figure from the same source, superseded by the observation that holds it."""

    value: Amount | None = None
    range: tuple[Amount, Amount] | None = None
    magnitude: Magnitude | None = None
    hedge: HedgeOrPair | None = Field(default=None, description=HEDGE_HELP)
    as_of: When = Field(description="when the source published this earlier figure")
    note: str | None = None

    @field_validator("range")
    @classmethod
    def _range_ordered(cls, v):
        return rules.ordered(v, "range")

    @model_validator(mode="after")
    def _shape(self):
        _checked(rules.revision_shape, self)
        return self


class ObservationSpec(_Strict):
    """One source's report of one figure."""

    source: SourceRef = Field(description="id from sources.yaml")
    value: Amount | None = None
    range: tuple[Amount, Amount] | None = Field(default=None, description="[low, high] when the source itself gives a range")
    magnitude: Magnitude | None = Field(
        default=None, description="a vague magnitude given instead of a number ('several million', 'dozens' of traders); printed in words. "
        "Beside a `value`, the words the report gives with the number ('hundreds of millions of dollars, $310 million'): they must hold it")
    hedge: HedgeOrPair | None = Field(default=None, description=HEDGE_HELP)
    reading: str | None = Field(default=None, min_length=1, description="a reading in words, with or without a number ('Extreme Fear', 'the vast majority'); "
                                "a source that gives only words beside another's number ('a similar sum') is credited for its words, never for the number")
    via: SourceRef | None = Field(default=None, description="id from sources.yaml of the outlet that relayed this source's figure ('data compiled by CoinGlass, "
                                  "cited by Bloomberg': source coinglass, via bloomberg); drafts print it ('as cited by Bloomberg') and the check accepts "
                                  "an article that credits the relay")
    unnamed_credit: SourceRef | None = Field(
        default=None, description="id from sources.yaml of the unnamed or described source the report credits this same figure to elsewhere "
        "('on-chain analytics show ...', then 'Lookonchain reported ...': source lookonchain, unnamed_credit: onchain-analytics): one "
        "provider told two ways, never a second source (no `multi_source`); drafts credit the named source")
    spread: bool = Field(default=False, description="the range is the spread between the members of an unnamed group (platforms differ), not one source's own range")
    as_of: When | None = Field(default=None, description="when the source reported it: ISO 8601 with a time zone, or a date alone when the report gives no time; "
                               "a clock time the report gives for this figure ('at 22:25 UTC') goes here")
    as_of_approximate: bool = Field(default=False, description="the as-of time is approximate ('around 10:00')")
    note: str | None = None
    url: str | None = None
    revisions: list[RevisionSpec] = Field(default_factory=_empty, description="earlier figures from this source that this one supersedes, oldest first")

    @field_validator("range")
    @classmethod
    def _range_ordered(cls, v):
        # A field validator (not a model one) so the error points at `range:` itself.
        return rules.ordered(v, "range")

    @model_validator(mode="after")
    def _value_xor_range(self):
        _checked(rules.observation_shape, self)
        return self

    @property
    def has_number(self) -> bool:
        return rules.has_number(self)


class AverageSpec(_Strict):
    """An average across the sources *as the report gives it* ("an average close to $900 million"): never computed by writer."""

    value: Amount
    hedge: Hedge | None = Field(default=None, description=HEDGE_HELP)
    source: SourceRef | None = Field(default=None, description="who gives the average, when not the figure's own sources")
    note: str | None = None


class FactSpec(_Strict):
    """One figure and everything needed to print it honestly."""

    id: FactId
    metric: Annotated[str, WithJsonSchema({"type": "string", "enum": list(METRICS), "description": "what is measured"})] = Field(
        description="what is measured; one of " + ", ".join(METRICS)
    )
    unit: Unit
    currency: Currency | None = Field(
        default=None, description="with `unit: currency`: the currency of the amount when it is not the dollar (KRW for '2.4 trillion won'; USDT for a notional quoted in USDT, not converted)"
    )
    label: str | None = Field(default=None, description="optional noun phrase for articles, e.g. 'liquidations on HTX's BTC-USDT contract'")
    side: Side | None = None
    asset: Asset | None = None
    assets: list[Asset] | None = Field(default=None, min_length=2, description="two or more assets counted together (BTC and ETH)")
    venue: str | None = Field(default=None, description="source id of the exchange or platform the figure is about")
    venues: list[SourceRef] | None = Field(default=None, min_length=2, description="two or more venues counted together (source ids); "
                                           "with `each: true`, venues the figure holds for one by one")
    each: bool = Field(default=False, description="the figure holds for each of the `venues` (or `assets`) on its own, not for "
                       "them counted together ('over 90% on each platform')")
    contract: str | None = Field(
        default=None, description="the exchange's contract (BTC-USDT, BTCUSD_PERP); with `asset`, a contract of that coin (validation refuses another coin's)"
    )
    subject: str | None = Field(default=None, description="who or what, for trader losses, transfers, concentrations")
    direction: Direction | None = Field(default=None, description="above/below the price, for pressure zones and levels")
    change: Change | None = Field(
        default=None, description="which way a change went (rise, fall; inflow, outflow for fund flows): the amount stays positive and is printed in words"
    )
    price_level: Amount | None = None
    price_band: tuple[Amount, Amount] | None = None
    level_hedge: Hedge | None = Field(
        default=None, description="the source's own word on `price_level` or `price_band` ('a cluster around $3,000': around), printed as given; "
        "one of the hedge words (a level is approximate, a floor or a ceiling as a value is)")
    window: Window | None = None
    window_hedge: Hedge | None = Field(
        default=None, description="the source's own bound word on `window` ('in less than 24 hours': less_than; 'over more than a week': "
        "more_than; 'in as much as 3 days': as_much_as), printed as given ('in less than 24 hours')")
    to_date: ToDate | None = Field(
        default=None, description="a running total from the start of the day, week, month or year to the event's `as_of` ('so far this "
        "year': year; 'today so far': day): no fixed length, so give it instead of `window`; printed 'so far this year'")
    year: int | None = Field(
        default=None, ge=FIRST_YEAR, le=LAST_YEAR, description="a whole calendar year's figure ('liquidations in 2021': 2021), instead of "
        "`window`; printed 'in 2021'")
    coverage: str | None = Field(default=None, description="which venues a total covers, e.g. 'network-wide'")
    lower_bound: bool = Field(default=False, description="the feed is sampled: the value is a floor ('at least')")
    status: Status | None = Field(default=None, description="explicit status; derived from observations when omitted")
    tolerance: float | None = Field(default=None, ge=0, le=1, description="relative tolerance for agreement, overriding the event's")
    observations: list[ObservationSpec] = Field(default_factory=_empty)
    reason: str | None = Field(default=None, description="for status unavailable: why no reliable figure exists")
    average: AverageSpec | None = None
    per: Annotated[str, WithJsonSchema({"type": "string", "enum": list(AVERAGE_PER)})] | None = Field(
        default=None,
        description="the value is the report's average per day, hour, trader, account or order over the figure's window "
        "('an average of $300 million a day over the week': `per: day`, `window: 7d`); never computed by writer",
    )
    rank: int | None = Field(
        default=None, ge=1, le=MAX_RANK,
        description="the figure's place by size among figures of its kind, as the report ranks it (1 = the largest; 2 = 'took the second spot')",
    )
    share_of: str | None = Field(
        default=None, min_length=1, description="for a percentage: what it is a share of, as a noun phrase ('all exchanges' liquidations over 4 hours')"
    )
    from_fact: FactId | None = Field(
        default=None, description="for a change: the id of the figure it starts from ('rose from 300,000 ...'); checked against `to_fact`"
    )
    to_fact: FactId | None = Field(default=None, description="for a change: the id of the figure it ends at ('... to 1.4 million')")
    note: str | None = None

    @field_validator("price_band")
    @classmethod
    def _band_ordered(cls, v):
        return rules.ordered(v, "price_band")

    @field_validator("metric")
    @classmethod
    def _known_metric(cls, v: str) -> str:
        return rules.known_metric(v)

    @field_validator("unit")
    @classmethod
    def _unit_fits_metric(cls, v: Unit, info: ValidationInfo) -> Unit:
        # `metric` is declared before `unit`, so it is already validated here;
        # checking in a field validator puts the error on the `unit:` line.
        return rules.unit_fits_metric(v, info.data.get("metric"))

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, v: str | None) -> str | None:
        return rules.known_currency(v)

    @model_validator(mode="after")
    def _shape(self):
        _checked(rules.fact_shape, self)
        return self


def _located(message: str, *loc) -> ValidationError:
    """A problem found by a model-level check, placed at the field that caused it (not at the whole figure)."""
    return ValidationError.from_exception_data(
        "fact", [InitErrorDetails(type=PydanticCustomError("value_error", "{message}", {"message": message}), loc=tuple(loc), input=None)]
    )


class ContextSpec(_Strict):
    """Non-numeric market context with its source: an index record, a policy decision, a funding drought."""

    id: FactId
    kind: Literal["macro", "market", "policy", "exchange_status", "historical", "onchain", "sentiment", "technology", "other"] = "market"
    text: str = Field(min_length=1, description="the claim, in the desk's own words")
    sources: list[SourceRef] = Field(default_factory=_empty)
    status: Status | None = None
    window: Window | None = Field(default=None, description="the span the claim covers when the report gives one ('funding stayed negative for "
                                  "12 hours': 12h); drafts print it after the words ('over 12 hours'), so leave it out of `text`")
    as_of: When | None = None
    as_of_approximate: bool = False


class QuoteSpec(_Strict):
    id: FactId
    speaker: str = Field(min_length=1)
    role: str | None = Field(default=None, description="e.g. 'former U.S. President', 'Binance founder'")
    channel: str | None = Field(default=None, description="where it was said, e.g. 'on X', 'in a Telegram post'")
    words: str = Field(min_length=1, description="the quoted words, exactly; with `paraphrase: true`, the desk's paraphrase of the view")
    paraphrase: bool = Field(default=False, description="the words are a paraphrase of the speaker's view (attributed, not verbatim): never printed in quotation marks")
    source: SourceRef | None = Field(default=None, description="registry id of who reported the quote, when not the speaker")
    # the JSON Schema lists the statuses a quote may take (the validator below words the refusal)
    status: Status | None = Field(default=None, json_schema_extra={"enum": [*(s.value for s in QUOTE_STATUSES), None]})
    as_of: When | None = None
    as_of_approximate: bool = False

    @field_validator("status")
    @classmethod
    def _status_of_words(cls, v: Status | None) -> Status | None:
        return rules.status_of_words(v)


class CaveatSpec(_Strict):
    """A caveat the whole article must carry (the report's own closing caveat on its data)."""

    id: FactId
    text: str = Field(min_length=1, description="the caveat, in the desk's own words")
    sources: list[SourceRef] = Field(default_factory=_empty, description="who gives the caveat, when a source does")


class PeriodSpec(_Strict):
    start: When
    end: When

    @field_validator("start", "end")
    @classmethod
    def _full_date(cls, v):
        return rules.full_date(v)

    @model_validator(mode="after")
    def _ordered(self):
        rules.period_ordered(self)
        return self


class EventSpec(_Strict):
    """One liquidation event: the whole input of one article."""

    id: str = Field(pattern=EVENT_ID_RE.pattern, description="lower-case, digits and dashes; used in file names and URLs")
    title: str | None = Field(default=None, description="working title for the desk; drafting writes its own headline")
    as_of: When | None = Field(
        description="when the event's figures were reported: ISO 8601 with a time zone, a date alone when the report "
        "gives no time, or null when the report gives no date at all (such an event cannot be published)"
    )
    as_of_approximate: bool = Field(default=False, description="the as-of time is approximate")
    period: PeriodSpec | None = Field(default=None, description="the event's time span; observations must fall inside it; a "
                                          "clock time the report gives for the move ('the drop began at 22:25 UTC') is its start or end, not a figure")
    windows: list[Window] = Field(default_factory=_empty, description="windows the event reports figures for: when given, a closed list (a figure's "
                                                   "`window` outside it is refused, catching a typo such as 42h); when left out, any window is accepted "
                                                   "(a file of one figure need not declare it)")
    shape: Literal["long_washout", "short_squeeze", "two_sided", "data_discrepancy", "single_venue"] | None = Field(
        default=None, description="article layout; inferred from the figures when omitted"
    )
    tolerance: float = Field(default=0.02, ge=0, le=1, description="relative gap within which sources agree")
    facts: list[FactSpec] = Field(default_factory=_empty)
    context: list[ContextSpec] = Field(default_factory=_empty)
    quotes: list[QuoteSpec] = Field(default_factory=_empty)
    caveats: list[CaveatSpec] = Field(default_factory=_empty, description="caveats the article must carry as a whole")
    note: str | None = None

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, v: str) -> str:
        return rules.not_reserved(v)
