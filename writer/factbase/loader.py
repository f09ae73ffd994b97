"""Loading fact files into resolved records, with every problem located.

The pipeline for one event file: read (size limit, UTF-8) -> parse (YAML
with positions) -> validate (the pydantic schema, writer/factbase/spec.py; a
plainly written valid file is read without pydantic by plainspec.py, to the
same values) -> resolve (reconcile each
figure's status, value and range) -> cross-check (sources known, ids unique,
times inside the event, sides and parts against totals) -> derive (shares,
ratios). Problems from every stage are gathered and raised together as one
InputError, so an editor fixes a file in one pass rather than one error at a
time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from writer.errors import InputError, Problem, single_problem
from writer.factbase import consistency, derive, plainspec
from writer.factbase.reconcile import GROUP_HINT, StatusConflict, distinct_sources, envelope, official_problem, reconcile_all
from writer.factbase.records import Caveat, ContextItem, Event, Fact, Observation, Quote, Revision, Source, SourceRegistry
from writer.factbase.timestamps import PartialDate, day_of, exact, partial_of
from writer.factbase.vocabulary import SourceKind, Status, Unit, compound_hedge
from writer.factbase.nearest import close_matches
# Listing fact files lives apart from loading them (no pydantic); re-exported for the callers of old.
from writer.factbase.files import REGISTRY_NAME, event_files, find_registry  # noqa: F401
from writer.factbase.yamlsource import MAX_FILE_BYTES, check_readable, dotted, locate, parse, read_text

if TYPE_CHECKING:
    from writer.factbase.spec import EventSpec, RegistrySpec


# --- schema validation with positions -----------------------------------------
# A plainly written valid file is read without pydantic (writer/factbase/plainspec.py: its import,
# models and validators are about a sixth of a cold `writer draft`); any other file is validated by
# the pydantic models, which word every problem (so messages never depend on the fast path).


def _validate(name: str, data: object, positions, path: str) -> tuple[object | None, list[Problem]]:
    """The file read as model ``name`` ("EventSpec", "RegistrySpec"), or None and every problem in it."""
    plain = plainspec.read(plainspec.MODELS[name], data)
    if plain is not None:
        return plain, []
    from pydantic import ValidationError

    from writer.factbase import spec
    from writer.factbase.messages import MAX_SUGGESTIONS, problem_from_pydantic

    model = getattr(spec, name)
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        return None, [problem_from_pydantic(err, positions, path, model, suggest_keys=i < MAX_SUGGESTIONS) for i, err in enumerate(errors)]



# --- the source registry ------------------------------------------------------------


def load_registry(path: str | Path) -> SourceRegistry:
    """Load ``sources.yaml``; raise InputError listing every problem in it."""
    path = Path(path)
    text = read_text(path)
    data, positions = parse(text, path)
    spec, problems = _validate("RegistrySpec", data, positions, str(path))
    if spec is None:
        raise InputError(problems)
    sources: dict[str, Source] = {}
    for i, s in enumerate(spec.sources):
        if s.id in sources:
            line, col = locate(positions, ("sources", i, "id"))
            problems.append(Problem(str(path), line, col, f"sources[{i}].id", f"duplicate source id {s.id!r}"))
            continue
        sources[s.id] = Source(s.id, s.name, s.kind, tuple(s.aliases), s.url, s.group, s.described)
    problems += _ambiguous_names(spec, positions, str(path))
    if problems:
        raise InputError(problems)
    return SourceRegistry(sources, str(path), hashlib.sha256(text.encode()).hexdigest())


def _ambiguous_names(spec: RegistrySpec, positions, path: str) -> list[Problem]:
    """A name or alias shared by two sources would let the check credit the wrong one."""
    owner: dict[str, str] = {}
    out: list[Problem] = []
    for i, s in enumerate(spec.sources):
        for j, name in enumerate([s.name, *s.aliases]):
            key = name.casefold()
            if owner.setdefault(key, s.id) != s.id:
                at = ("sources", i, "name") if j == 0 else ("sources", i, "aliases", j - 1)
                line, col = locate(positions, at)
                out.append(Problem(path, line, col, dotted(at), f"{name!r} already names source {owner[key]!r}; each name or alias must point to one source"))
    return out


# --- one event --------------------------------------------------------------------


def nearest_registry(event_path: Path) -> SourceRegistry:
    """The registry beside the event or in the folders above it; a located error when there is none."""
    reg_path = find_registry(event_path)
    if reg_path is None:
        raise single_problem(event_path, f"no {REGISTRY_NAME} found beside the event or in the folders above it (pass --sources)")
    return load_registry(reg_path)


def load_event(path: str | Path, registry: SourceRegistry | None = None, *, max_bytes: int = MAX_FILE_BYTES) -> Event:
    """Load, validate, reconcile, cross-check and derive one event file."""
    path = Path(path)
    check_readable(path)  # a missing file, a folder or a symlink loop is named as such, before any registry search
    if registry is None:
        registry = nearest_registry(path)
    text = read_text(path, max_bytes=max_bytes)
    return event_from_text(text, str(path), registry)


def event_from_text(text: str, path: str, registry: SourceRegistry) -> Event:
    """The body of :func:`load_event`, for callers that already hold the text (tests, batch)."""
    data, positions = parse(text, path)
    spec, problems = _validate("EventSpec", data, positions, path)
    kept = None
    if spec is None:
        spec, kept = _salvage(data)
        if spec is None:
            raise InputError(problems)
    builder = _EventBuilder(spec, positions, path, registry, kept)
    event = builder.build(hashlib.sha256(text.encode()).hexdigest())
    for at, source_id, role in _raw_sources(data, kept):
        builder.known_source(source_id, at, role=role)
    if problems or builder.problems:
        raise InputError(problems + builder.problems)
    return event


_SECTIONS = ("facts", "context", "quotes", "caveats")


def _salvage(data) -> tuple[EventSpec | None, dict[str, list[int]] | None]:
    """The event without its invalid parts, for a second pass of checks.

    So that an editor sees every problem in one run (schema and cross-checks
    together) rather than fixing the schema first and meeting the rest
    afterwards: invalid facts, context items, quotes and caveats are left out,
    an invalid optional top-level field falls back to its default and an
    invalid required one to an empty stand-in; the rest of the file is still
    cross-checked (unknown sources, duplicate ids, sides against totals). The
    stand-ins never reach an editor: the schema problems are reported with the
    cross-checks and the event itself is refused. Returns the indices kept per
    section, so problems still point at the right item; (None, None) when the
    file is not a mapping.
    """
    if not isinstance(data, dict):
        return None, None
    from pydantic import ValidationError

    from writer.factbase.spec import EventSpec

    try:
        EventSpec.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    else:  # pragma: no cover - only called after a failure
        return None, None
    bad: set[tuple[str, int]] = set()
    reduced = dict(data)
    for err in errors:
        loc = tuple(err["loc"])
        if not loc:
            return None, None
        if len(loc) >= 2 and loc[0] in _SECTIONS and isinstance(loc[1], int):
            bad.add((loc[0], loc[1]))
        elif loc[0] in _SECTIONS:
            reduced[loc[0]] = []
        elif loc[0] in _STAND_INS:
            reduced[loc[0]] = _STAND_INS[loc[0]]
        else:
            reduced.pop(loc[0], None)  # an unknown key, or an optional field: its default
    kept = {}
    for section in _SECTIONS:
        items = reduced.get(section)
        if isinstance(items, list):
            kept[section] = [i for i in range(len(items)) if (section, i) not in bad]
            reduced[section] = [items[i] for i in kept[section]]
    try:
        return EventSpec.model_validate(reduced), kept
    except ValidationError:
        return None, None


# Values for required top-level fields that failed the schema, so cross-checks can still run.
_STAND_INS = {"id": "invalid-id", "as_of": None}


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _raw_sources(data, kept: dict[str, list[int]] | None) -> list[tuple[tuple, str, str]]:
    """Source ids written in the items the schema refused, with where they are: (path, id, role).

    An item with a misspelt key is left out of the cross-checks, but an unknown
    source in it is still worth reporting in the same run.
    """
    out: list[tuple[tuple, str, str]] = []
    if kept is None or not isinstance(data, dict):
        return out
    for section in _SECTIONS:
        for i, item in enumerate(_list(data.get(section))):
            if i in kept.get(section, []) or not isinstance(item, dict):
                continue
            at = (section, i)
            if isinstance(item.get("venue"), str):
                out.append((at + ("venue",), item["venue"], "venue"))
            for key in ("sources", "venues"):
                for j, s in enumerate(_list(item.get(key))):
                    if isinstance(s, str):
                        out.append((at + (key, j), s, "venue" if key == "venues" else "source"))
            if isinstance(item.get("source"), str):
                out.append((at + ("source",), item["source"], "source"))
            for j, o in enumerate(_list(item.get("observations"))):
                if isinstance(o, dict) and isinstance(o.get("source"), str):
                    out.append((at + ("observations", j, "source"), o["source"], "source"))
    return out


class _EventBuilder:
    """Turns a validated EventSpec into an Event, collecting located problems on the way."""

    def __init__(self, spec: EventSpec, positions, path: str, registry: SourceRegistry, kept: dict[str, list[int]] | None = None):
        self.spec, self.positions, self.path, self.registry = spec, positions, path, registry
        self.kept = kept  # original indices of the items kept by _salvage, per section
        self.problems: list[Problem] = []

    def index(self, section: str, i: int) -> int:
        """The item's index in the file (items dropped by _salvage shift the spec's indices)."""
        return self.kept[section][i] if self.kept is not None and section in self.kept else i

    def problem(self, at: tuple, message: str) -> None:
        line, col = locate(self.positions, at)
        self.problems.append(Problem(self.path, line, col, dotted(at), message))

    def line(self, at: tuple) -> int:
        return locate(self.positions, at)[0]

    def known_source(self, source_id: str | None, at: tuple, *, role: str = "source") -> None:
        if source_id is None or source_id in self.registry:
            return
        hint = suggest_source(source_id, self.registry)
        self.problem(at, f"unknown {role} {source_id!r}: not in {Path(self.registry.path).name or REGISTRY_NAME}" + (f" (did you mean {hint!r}?)" if hint else ""))

    def in_period(self, when, at: tuple) -> None:
        period = self.spec.period
        if when is None or period is None:
            return
        if outside_period(when, period.start, period.end):
            self.problem(at, f"as_of {when.isoformat()} is outside the event period {period.start.isoformat()} .. {period.end.isoformat()}")

    def build(self, digest: str) -> Event:
        spec = self.spec
        self.in_period(spec.as_of, ("as_of",))
        seen_ids: dict[str, int] = {}
        for section in ("facts", "context", "quotes", "caveats"):
            for i, item in enumerate(getattr(spec, section)):
                at = (section, self.index(section, i), "id")
                if item.id in seen_ids:
                    self.problem(at, f"duplicate id {item.id!r} (first used at line {seen_ids[item.id]})")
                else:
                    seen_ids[item.id] = self.line(at)

        facts: dict[str, Fact] = {}
        indexed: list[tuple[int, Fact]] = []
        for i, fs in enumerate(spec.facts):
            i = self.index("facts", i)
            fact = self.fact(i, fs)
            if fact is not None and fact.id not in facts:
                facts[fact.id] = fact
                indexed.append((i, fact))
        for i, f in indexed:
            for key in ("from_fact", "to_fact"):
                ref = getattr(f, key)
                if ref is not None and ref not in facts:
                    close = close_matches(ref, facts)
                    self.problem(("facts", i, key), f"no figure with id {ref!r} in this event" + (f" (did you mean {close[0]!r}?)" if close else ""))
        for message, at in consistency.check_all(indexed, spec.tolerance):
            self.problem(at, message)

        derived, notes = derive.standard_derivations(facts)
        return Event(
            id=spec.id,
            as_of=exact(spec.as_of),
            as_of_date=day_of(spec.as_of),
            as_of_partial=partial_of(spec.as_of),
            as_of_approximate=spec.as_of_approximate,
            facts=facts,
            derived=derived,
            context=tuple(self.context(self.index("context", i), c) for i, c in enumerate(spec.context)),
            quotes=tuple(self.quote(self.index("quotes", i), q) for i, q in enumerate(spec.quotes)),
            caveats=tuple(self.caveat(self.index("caveats", i), c) for i, c in enumerate(spec.caveats)),
            registry=self.registry,
            title=spec.title,
            period=(spec.period.start, spec.period.end) if spec.period else None,
            windows=tuple(spec.windows),
            shape=spec.shape,
            note=spec.note,
            path=self.path,
            digest=digest,
            derivation_notes=tuple(notes),
        )

    def fact(self, i: int, fs) -> Fact | None:
        """The i-th fact record as a Fact, every problem reported; None when it cannot be built."""
        at = ("facts", i)
        self.check_window_and_venues(fs, at)
        observations = self.observations(fs, at)
        if observations is None:
            return None
        counted, worded = _credited(observations)
        reconciled = self.reconciled(fs, counted, at, worded)
        if reconciled is None:
            return None
        status, value, rng, magnitude, hedge = reconciled
        spread = envelope(counted) if value is not None and any(o.has_number for o in counted) else None
        average = self.average(fs, spread or rng or None, at)
        readings = list(dict.fromkeys(o.reading for o in counted if o.reading))
        return Fact(
            id=fs.id,
            metric=fs.metric,
            unit=fs.currency if fs.unit is Unit.CURRENCY else fs.unit.value,  # the currency's code, as "USD" is
            status=status,
            value=value,
            range=rng,
            sources=distinct_sources(counted),
            observations=observations,
            worded=worded,
            relayed=any(o.via for o in observations),
            window=fs.window,
            window_hedge=fs.window_hedge,
            to_date=fs.to_date,
            year=fs.year,
            side=fs.side.value if fs.side else None,
            asset=fs.asset,
            venue=fs.venue,
            contract=fs.contract,
            subject=fs.subject,
            direction=fs.direction.value if fs.direction else None,
            assets=tuple(fs.assets or ()),
            venues=tuple(fs.venues or ()),
            each=fs.each,
            change=fs.change.value if fs.change else None,
            hedge=hedge,
            magnitude=magnitude,
            reading="; ".join(readings) if readings else None,
            average=average,
            per=fs.per,
            price_level=fs.price_level,
            price_band=tuple(fs.price_band) if fs.price_band else None,
            level_hedge=fs.level_hedge,
            coverage=fs.coverage,
            lower_bound=fs.lower_bound,
            label=fs.label,
            note=fs.note,
            reason=fs.reason,
            path=self.path,
            line=self.line(at),
            envelope=spread if spread is not None and spread[0] != spread[1] else None,
            rank=fs.rank,
            share_of=fs.share_of,
            from_fact=fs.from_fact,
            to_fact=fs.to_fact,
        )

    def check_window_and_venues(self, fs, at: tuple) -> None:
        """The fact's window is one of the event's; each venue is a registered exchange (or chain)."""
        if fs.window and self.spec.windows and fs.window not in self.spec.windows:
            self.problem(at + ("window",), f"window {fs.window!r} is not one of the event's windows ({', '.join(self.spec.windows)})")
        for key, venue in [("venue", fs.venue)] if fs.venue else [(("venues", k), v) for k, v in enumerate(fs.venues or ())]:
            where = at + (key if isinstance(key, tuple) else (key,))
            self.known_source(venue, where, role="venue")
            if venue in self.registry and self.registry[venue].kind not in (SourceKind.EXCHANGE, SourceKind.ONCHAIN):
                self.problem(where, f"venue {venue!r} is not an exchange: the registry lists it as kind {self.registry[venue].kind.value!r} (a venue is where the positions were liquidated)")

    def unnamed_credit(self, o, oat: tuple) -> None:
        """An observation's ``unnamed_credit`` is a registered unnamed or described source, other than the named source it is."""
        if o.unnamed_credit is None:
            return
        where = oat + ("unnamed_credit",)
        self.known_source(o.unnamed_credit, where, role="unnamed credit")
        if o.unnamed_credit not in self.registry or o.source not in self.registry:
            return
        unnamed, named = self.registry[o.unnamed_credit], self.registry[o.source]
        if not (unnamed.group or unnamed.is_described):
            self.problem(where, f"`unnamed_credit` is the unnamed or described source the report also credits this figure to; "
                                f"{o.unnamed_credit!r} is named ({unnamed.name!r}): a named source is an observation of its own")
        elif named.group or named.is_described:
            self.problem(where, f"`unnamed_credit` goes on the named source's observation; {o.source!r} is itself unnamed "
                                f"({named.name!r}): give the named source as `source`")

    def observations(self, fs, at: tuple) -> tuple[Observation, ...] | None:
        """The fact's observations, or None when one names a source the registry does not hold."""
        observations = []
        for j, o in enumerate(fs.observations):
            oat = at + ("observations", j)
            self.known_source(o.source, oat + ("source",))
            self.known_source(o.via, oat + ("via",), role="relay")
            if o.via is not None and o.via == o.source:
                self.problem(oat + ("via",), f"`via` names the outlet that relayed {o.source!r}'s figure; it is {o.source!r} itself (leave `via` out)")
            self.unnamed_credit(o, oat)
            self.in_period(o.as_of, oat + ("as_of",))
            if o.spread and o.source in self.registry and not self.registry[o.source].group:
                self.problem(oat + ("spread",), f"`spread: true` is for an unnamed group of sources; {o.source!r} is one named source (give each platform its own observation)")
            observations.append(self.observation(o, oat))
        if any(o.source not in self.registry for o in observations):
            return None
        return tuple(observations)

    def reconciled(self, fs, observations: tuple[Observation, ...], at: tuple, worded: tuple = ()):
        """(status, value, range, magnitude, hedge) of the observations, or None when they conflict with the status
        (``worded``: the sources that gave only words beside them, named in the message: they count for no status)."""
        if fs.status is Status.UNAVAILABLE:
            if not fs.reason:
                self.problem(at + ("status",), "status 'unavailable' needs a `reason` saying why no reliable figure exists")
            return Status.UNAVAILABLE, None, None, None, None
        tolerance = fs.tolerance if fs.tolerance is not None else self.spec.tolerance
        try:
            return reconcile_all(observations, fs.status, self.registry, tolerance)
        except StatusConflict as exc:
            words = (f"; {', '.join(sid for sid, _ in worded)} gave words, not a number, and count only for their words"
                     if worded else "")
            self.problem(at + (("status",) if fs.status else ("observations",)), str(exc) + words)
            return None

    def average(self, fs, lo_hi, at: tuple):
        """(value, hedge, source) of a stated average, which must lie within the figures it averages."""
        if fs.average is None:
            return None
        self.known_source(fs.average.source, at + ("average", "source"))
        value, tolerance = fs.average.value, self.spec.tolerance
        if lo_hi is not None and not (lo_hi[0] * (1 - tolerance) <= value <= lo_hi[1] * (1 + tolerance)):
            self.problem(at + ("average", "value"), f"the average {value:,.0f} lies outside the figures it averages ({lo_hi[0]:,.0f} .. {lo_hi[1]:,.0f})")
        return value, fs.average.hedge, fs.average.source

    def observation(self, o, at: tuple) -> Observation:
        """One observation record; revisions must be older than the figure that supersedes them."""
        revisions = []
        later = o.as_of
        for k in range(len(o.revisions) - 1, -1, -1):
            r = o.revisions[k]
            rat = at + ("revisions", k, "as_of")
            self.in_period(r.as_of, rat)
            if later is not None and _not_before(r.as_of, later):
                self.problem(rat, f"revision at {r.as_of.isoformat()} is not earlier than the figure that supersedes it ({later.isoformat()}); list revisions oldest first")
            later = r.as_of
        for r in o.revisions:
            revisions.append(Revision(r.value, tuple(r.range) if r.range else None, exact(r.as_of), r.magnitude if r.value is None else None, _hedge(r.hedge, on_range=r.range is not None), r.note, day_of(r.as_of),
                                      partial_of(r.as_of)))
        said = o.magnitude if o.value is not None else None  # words beside the value: the value is the figure
        return Observation(
            o.source, o.value, tuple(o.range) if o.range else None, exact(o.as_of), o.note, o.url,
            magnitude=None if said else o.magnitude, hedge=_hedge(o.hedge, on_range=o.range is not None), reading=o.reading, spread=o.spread,
            as_of_date=day_of(o.as_of), as_of_approximate=o.as_of_approximate, revisions=tuple(revisions), as_of_partial=partial_of(o.as_of),
            via=o.via, words=said, unnamed_credit=o.unnamed_credit,
        )

    def context(self, i: int, cs) -> ContextItem:
        at = ("context", i)
        for j, s in enumerate(cs.sources):
            self.known_source(s, at + ("sources", j))
        self.in_period(cs.as_of, at + ("as_of",))
        if not cs.sources and cs.status not in (Status.RUMOR, Status.UNAVAILABLE):
            self.problem(at + ("sources",), "context needs at least one source (or `status: rumor` for an unsourced claim)")
        groups = [s for s in cs.sources if s in self.registry and self.registry[s].group]
        named = set(cs.sources) - set(groups)
        status = cs.status or self.registry.status_of(cs.sources)
        if cs.status is Status.SINGLE_SOURCE and (len(set(cs.sources)) > 1 or groups):
            why = f"{', '.join(groups)} is an unnamed group of sources ({GROUP_HINT})" if groups else f"{len(set(cs.sources))} sources are listed"
            self.problem(at + ("status",), f"status 'single_source' but {why}")
        if cs.status is Status.MULTI_SOURCE and len(named) < 2:
            hint = f" ({', '.join(groups)} is an unnamed group; {GROUP_HINT})" if groups else ""
            self.problem(at + ("status",), f"status 'multi_source' needs two or more named sources{hint}")
        if cs.status is Status.UNNAMED_GROUP and not groups:
            self.problem(at + ("status",), "status 'unnamed_group' needs a source marked `group: true` in the registry")
        if cs.status is Status.OFFICIAL and official_problem(cs.sources, self.registry):
            self.problem(at + ("status",), official_problem(cs.sources, self.registry))
        if cs.window and self.spec.windows and cs.window not in self.spec.windows:
            self.problem(at + ("window",), f"window {cs.window!r} is not one of the event's windows ({', '.join(self.spec.windows)})")
        return ContextItem(cs.id, cs.kind, cs.text, tuple(cs.sources), status, exact(cs.as_of), self.path, self.line(at), day_of(cs.as_of),
                           partial_of(cs.as_of), window=cs.window)

    def quote(self, i: int, qs) -> Quote:
        at = ("quotes", i)
        self.known_source(qs.source, at + ("source",))
        self.in_period(qs.as_of, at + ("as_of",))
        group = qs.source in self.registry and self.registry[qs.source].group
        status = qs.status or (Status.UNNAMED_GROUP if group else Status.SINGLE_SOURCE)
        if qs.status is Status.SINGLE_SOURCE and group:
            self.problem(at + ("status",), f"status 'single_source' but {qs.source} is an unnamed group of sources ({GROUP_HINT})")
        return Quote(
            qs.id, qs.speaker, qs.words, status, qs.role, qs.channel, qs.source, exact(qs.as_of), self.path, self.line(at),
            paraphrase=qs.paraphrase, as_of_date=day_of(qs.as_of), as_of_partial=partial_of(qs.as_of),
        )

    def caveat(self, i: int, cs) -> Caveat:
        at = ("caveats", i)
        for j, s in enumerate(cs.sources):
            self.known_source(s, at + ("sources", j))
        return Caveat(cs.id, cs.text, tuple(cs.sources), self.path, self.line(at))


def _credited(observations: tuple[Observation, ...]) -> tuple[tuple[Observation, ...], tuple[tuple[str, str], ...]]:
    """The observations a figure's number is credited to, and (source, words) of the sources that gave only words beside
    another's number ("a similar sum"): those are credited for their words, never for the number, and make no status.
    A figure with no number at all (a statement) keeps every observation."""
    numbered = {o.source for o in observations if o.has_number}
    if not numbered:
        return observations, ()
    worded = {o.source: o.reading for o in observations if o.source not in numbered and o.reading}
    counted = tuple(o for o in observations if o.source not in worded)
    return counted, tuple(worded.items())


def _hedge(h, *, on_range: bool = True):
    """The record's hedge: one word, a pair for a range's ends, or two words a single value carries together."""
    if isinstance(h, (list, tuple)):
        return tuple(h) if on_range else compound_hedge(*h)
    return h


def _not_before(a, b) -> bool:
    """``a`` is at or after ``b`` (a date alone compares by day; an incomplete date cannot be ordered)."""
    if isinstance(a, PartialDate) or isinstance(b, PartialDate):
        return False
    if isinstance(a, datetime) and isinstance(b, datetime):
        return a >= b
    return day_of(a) > day_of(b)


def outside_period(when, start, end) -> bool:
    """A time outside the period; a date alone is outside only when no hour of that day can fall inside."""
    if isinstance(when, datetime) and isinstance(start, datetime) and isinstance(end, datetime):
        return not (start <= when <= end)
    # Dates carry no zone: allow the day on either side, where another zone's calendar may put it.
    first, last = day_of(start) - _ONE_DAY, day_of(end) + _ONE_DAY
    if isinstance(when, PartialDate):  # outside when no day it may mean touches the period
        return not any(lo <= last and first <= hi for lo, hi in when.days(range(first.year, last.year + 1)))
    return not (first <= day_of(when) <= last)


_ONE_DAY = timedelta(days=1)


def suggest_source(word: str, registry: SourceRegistry) -> str | None:
    """The registry id an editor probably meant: by id, by display name or by alias (``CoinGlass`` -> ``coinglass``)."""
    by_name = {n.casefold(): s.id for s in registry.sources.values() for n in (s.id, *s.names)}
    if word.casefold() in by_name:
        return by_name[word.casefold()]
    close = close_matches(word.casefold(), by_name)
    return by_name[close[0]] if close else None


# --- many files --------------------------------------------------------------------


def load_factbase(paths: Iterable[str | Path], registry: SourceRegistry | None = None) -> tuple[list[Event], list[Problem]]:
    """Load every event under ``paths``; one bad file never hides the others.

    Returns the events that loaded and every problem found (including the
    registry's). Registries are loaded once per folder.
    """
    events: list[Event] = []
    problems: list[Problem] = []
    seen: set[Problem] = set()
    registries: dict[Path, SourceRegistry] = {}
    for path in event_files(paths):
        try:
            reg = registry
            if reg is None:
                check_readable(path)
                reg_path = find_registry(path)
                if reg_path is None:
                    raise single_problem(path, f"no {REGISTRY_NAME} found beside the event or in the folders above it (pass --sources)")
                if reg_path not in registries:
                    registries[reg_path] = load_registry(reg_path)
                reg = registries[reg_path]
            events.append(load_event(path, reg))
        except InputError as exc:
            for p in exc.problems:
                if p not in seen:  # a registry problem repeats for every event under it
                    seen.add(p)
                    problems.append(p)
    problems.extend(_duplicate_event_ids(events))
    return events, problems


def _duplicate_event_ids(events: list[Event]) -> list[Problem]:
    """Two files claiming one event id would publish over each other's pages."""
    first: dict[str, Event] = {}
    out: list[Problem] = []
    for event in events:
        if event.id not in first:
            first[event.id] = event
            continue
        _, positions = parse(read_text(Path(event.path)), event.path)
        line, col = locate(positions, ("id",))
        out.append(Problem(event.path, line, col, "id", f"event id {event.id!r} is also used by {first[event.id].path}; each event needs its own id"))
    return out
