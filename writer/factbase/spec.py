"""What an editor writes: the pydantic schema of ``sources.yaml`` and event files.

These models validate and normalise input only (``extra="forbid"`` so a typo'd
key is an error, not a silently ignored field). Reconciliation, derivation and
consistency live elsewhere and work on the resolved records in ``records``.
The JSON Schema editors use for completion is generated from these classes.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from writer.factbase.numbers import parse_amount
from writer.factbase.vocabulary import (
    EVENT_ID_RE,
    ID_RE,
    METRICS,
    WINDOW_RE,
    Direction,
    Side,
    SourceKind,
    Status,
    Unit,
)

ASSET_PATTERN = r"^[A-Z0-9]{2,10}$"


def _shown(v: float) -> str:
    """A number as the editor typed it, not in scientific notation (1.9e+08)."""
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"


def _ordered(pair, what: str):
    if pair is not None and pair[0] > pair[1]:
        raise ValueError(f"{what} is reversed: low {_shown(pair[0])} is above high {_shown(pair[1])}; write [low, high]")
    return pair


Amount = Annotated[float, BeforeValidator(parse_amount, json_schema_input_type=float | str)]
FactId = Annotated[str, Field(pattern=ID_RE.pattern, description="lower-case id, unique in the event")]
Window = Annotated[str, Field(pattern=WINDOW_RE.pattern, description="a window such as 60m, 12h, 24h, 1d, 1mo")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --- the source registry ---------------------------------------------------


class SourceSpec(_Strict):
    id: FactId
    name: str = Field(min_length=1, description="display name as printed in articles")
    kind: SourceKind
    aliases: list[str] = Field(default_factory=list, description="other spellings used when matching article text")
    url: str | None = None


class RegistrySpec(_Strict):
    sources: list[SourceSpec] = Field(min_length=1)


# --- one event -------------------------------------------------------------


class ObservationSpec(_Strict):
    """One source's report of one figure."""

    source: FactId = Field(description="id from sources.yaml")
    value: Amount | None = None
    range: tuple[Amount, Amount] | None = Field(default=None, description="[low, high] when the source itself gives a range")
    as_of: AwareDatetime | None = Field(default=None, description="when the source reported it (with a time zone)")
    note: str | None = None
    url: str | None = None

    @field_validator("range")
    @classmethod
    def _range_ordered(cls, v):
        # A field validator (not a model one) so the error points at `range:` itself.
        return _ordered(v, "range")

    @model_validator(mode="after")
    def _value_xor_range(self):
        if self.value is not None and self.range is not None:
            raise ValueError("give either `value` or `range`, not both")
        return self


class FactSpec(_Strict):
    """One figure and everything needed to print it honestly."""

    id: FactId
    metric: str = Field(description="what is measured; one of " + ", ".join(METRICS))
    unit: Unit
    label: str | None = Field(default=None, description="optional noun phrase for articles, e.g. 'liquidations on HTX's BTC-USDT contract'")
    side: Side | None = None
    asset: str | None = Field(default=None, pattern=ASSET_PATTERN)
    venue: str | None = Field(default=None, description="source id of the exchange or platform the figure is about")
    contract: str | None = None
    subject: str | None = Field(default=None, description="who or what, for trader losses, transfers, concentrations")
    direction: Direction | None = Field(default=None, description="above/below the price, for pressure zones and levels")
    price_level: Amount | None = None
    price_band: tuple[Amount, Amount] | None = None
    window: Window | None = None
    coverage: str | None = Field(default=None, description="which venues a total covers, e.g. 'network-wide'")
    lower_bound: bool = Field(default=False, description="the feed is sampled: the value is a floor ('at least')")
    status: Status | None = Field(default=None, description="explicit status; derived from observations when omitted")
    tolerance: float | None = Field(default=None, ge=0, le=1, description="relative tolerance for agreement, overriding the event's")
    observations: list[ObservationSpec] = Field(default_factory=list)
    reason: str | None = Field(default=None, description="for status unavailable: why no reliable figure exists")
    note: str | None = None

    @field_validator("price_band")
    @classmethod
    def _band_ordered(cls, v):
        return _ordered(v, "price_band")

    @field_validator("metric")
    @classmethod
    def _known_metric(cls, v: str) -> str:
        if v not in METRICS:
            raise ValueError(f"unknown metric {v!r}; known metrics: {', '.join(METRICS)}")
        return v

    @field_validator("unit")
    @classmethod
    def _unit_fits_metric(cls, v: Unit, info: ValidationInfo) -> Unit:
        # `metric` is declared before `unit`, so it is already validated here;
        # checking in a field validator puts the error on the `unit:` line.
        metric = info.data.get("metric")
        if metric in METRICS and v not in METRICS[metric][0]:
            allowed = METRICS[metric][0]
            raise ValueError(f"unit {v.value!r} does not fit metric {metric!r} (expected {' or '.join(u.value for u in allowed)})")
        return v

    @model_validator(mode="after")
    def _shape(self):
        if self.unit is Unit.COINS and not self.asset:
            raise ValueError("unit 'coins' needs `asset` to say which coin")
        if self.status is Status.UNAVAILABLE:
            if any(o.value is not None or o.range is not None for o in self.observations):
                raise ValueError("status 'unavailable' cannot carry a value: remove the observations' values or change the status")
        elif not self.observations:
            raise ValueError("a figure needs at least one observation (or `status: unavailable` with a `reason`)")
        else:
            for i, o in enumerate(self.observations):
                if o.value is None and o.range is None:
                    raise ValueError(f"observation {i} has neither `value` nor `range`")
        return self


class ContextSpec(_Strict):
    """Non-numeric market context with its source: an index record, a policy decision, a funding drought."""

    id: FactId
    kind: Literal["macro", "market", "policy", "exchange_status", "historical", "onchain", "sentiment", "technology", "other"] = "market"
    text: str = Field(min_length=1, description="the claim, in the desk's own words")
    sources: list[FactId] = Field(default_factory=list)
    status: Status | None = None
    as_of: AwareDatetime | None = None


class QuoteSpec(_Strict):
    id: FactId
    speaker: str = Field(min_length=1)
    role: str | None = Field(default=None, description="e.g. 'former U.S. President', 'Binance founder'")
    channel: str | None = Field(default=None, description="where it was said, e.g. 'on X', 'in a Telegram post'")
    words: str = Field(min_length=1, description="the quoted words, exactly")
    source: FactId | None = Field(default=None, description="registry id of who reported the quote, when not the speaker")
    status: Status | None = None
    as_of: AwareDatetime | None = None


class PeriodSpec(_Strict):
    start: AwareDatetime
    end: AwareDatetime

    @model_validator(mode="after")
    def _ordered(self):
        if self.start > self.end:
            raise ValueError("period start is after its end")
        return self


class EventSpec(_Strict):
    """One liquidation event: the whole input of one article."""

    id: str = Field(pattern=EVENT_ID_RE.pattern, description="lower-case, digits and dashes; used in file names and URLs")
    title: str | None = Field(default=None, description="working title for the desk; drafting writes its own headline")
    as_of: AwareDatetime
    period: PeriodSpec | None = Field(default=None, description="the event's time span; observations must fall inside it")
    windows: list[Window] = Field(default_factory=list, description="windows the event reports figures for")
    shape: Literal["long_washout", "short_squeeze", "two_sided", "data_discrepancy"] | None = Field(
        default=None, description="article layout; inferred from the figures when omitted"
    )
    tolerance: float = Field(default=0.02, ge=0, le=1, description="relative gap within which sources agree")
    facts: list[FactSpec] = Field(default_factory=list)
    context: list[ContextSpec] = Field(default_factory=list)
    quotes: list[QuoteSpec] = Field(default_factory=list)
    note: str | None = None
