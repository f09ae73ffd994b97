"""Resolved records: what drafting, the check and publishing read.

A record is the fact file after validation, reconciliation (status, value,
range) and derivation. They are frozen dataclasses, cheap to build by the
thousand in a batch, and carry the file and line they came from so any later
stage can point an editor back at the YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from writer.factbase.vocabulary import SourceKind, Status


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    kind: SourceKind
    aliases: tuple[str, ...] = ()
    url: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every spelling that refers to this source in article text."""
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


@dataclass(frozen=True)
class Observation:
    source: str
    value: float | None
    range: tuple[float, float] | None
    as_of: datetime | None
    note: str | None = None
    url: str | None = None

    @property
    def bounds(self) -> tuple[float, float]:
        if self.range is not None:
            return self.range
        assert self.value is not None
        return (self.value, self.value)


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
    side: str | None = None
    asset: str | None = None
    venue: str | None = None
    contract: str | None = None
    subject: str | None = None
    direction: str | None = None
    price_level: float | None = None
    price_band: tuple[float, float] | None = None
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

    @property
    def bounds(self) -> tuple[float, float] | None:
        """The smallest interval holding every observation (None for an unavailable figure)."""
        if self.range is not None:
            return self.range
        if self.envelope is not None:
            return self.envelope
        if self.value is not None:
            return (self.value, self.value)
        return None

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


@dataclass(frozen=True)
class Event:
    id: str
    as_of: datetime
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

    def all_facts(self) -> dict[str, Fact]:
        """Typed facts first, then derived ones: every figure an article may print."""
        return {**self.facts, **self.derived}

    def fact(self, fact_id: str) -> Fact:
        return self.facts.get(fact_id) or self.derived[fact_id]

    def source_name(self, source_id: str) -> str:
        return self.registry.name(source_id)
