"""Loading fact files into resolved records, with every problem located.

The pipeline for one event file: read (size limit, UTF-8) -> parse (YAML
with positions) -> validate (pydantic schema) -> resolve (reconcile each
figure's status, value and range) -> cross-check (sources known, ids unique,
times inside the event, sides and parts against totals) -> derive (shares,
ratios). Problems from every stage are gathered and raised together as one
InputError, so an editor fixes a file in one pass rather than one error at a
time.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ValidationError

from writer.errors import InputError, Problem, single_problem
from writer.factbase import consistency, derive
from writer.factbase.reconcile import StatusConflict, distinct_sources, envelope, reconcile
from writer.factbase.records import ContextItem, Event, Fact, Observation, Quote, Source, SourceRegistry
from writer.factbase.spec import ASSET_PATTERN, EventSpec, RegistrySpec
from writer.factbase.vocabulary import EVENT_ID_RE, ID_RE, WINDOW_RE, SourceKind, Status
from writer.factbase.yamlsource import MAX_FILE_BYTES, dotted, locate, parse, read_text

REGISTRY_NAME = "sources.yaml"


# --- schema validation with positions -----------------------------------------


def _validate(model: type[BaseModel], data: object, positions, path: str) -> tuple[BaseModel | None, list[Problem]]:
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [_problem_from_pydantic(err, positions, path, model) for err in exc.errors(include_url=False)]


def _problem_from_pydantic(err: dict, positions, path: str, model: type[BaseModel]) -> Problem:
    loc = tuple(err["loc"])
    line, col = locate(positions, loc)
    kind = err["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _allowed_keys(model, loc[:-1])
        hint = difflib.get_close_matches(key, allowed, n=1)
        message = f"unknown key {key!r}" + (f" (did you mean {hint[0]!r}?)" if hint else f"; allowed keys: {', '.join(allowed)}")
    elif kind == "missing":
        message = f"required field {loc[-1]!r} is missing"
    elif kind == "model_type" or kind == "dict_type":
        if loc:
            message = "expected a mapping of keys to values"
        else:
            message = f"the file must hold one mapping of keys ({', '.join(list(model.model_fields)[:3])}, ...), not a {_yaml_kind(err.get('input'))}"
    elif kind == "string_pattern_mismatch":
        pattern = (err.get("ctx") or {}).get("pattern", "")
        message = f"{err.get('input')!r} is not valid here: " + _PATTERN_HINTS.get(pattern, f"it must match {pattern}")
    else:
        message = err["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
        if kind in ("timezone_aware", "datetime_from_date_parsing", "datetime_parsing", "datetime_type"):
            message += " (write ISO 8601 with a time zone, e.g. 2026-11-18T10:00:00+08:00)"
        if loc and loc[-1] == "tolerance":
            message += " (a tolerance is a fraction: 0.02 means 2%)"
    return Problem(path, line, col, dotted(loc), message)


_PATTERN_HINTS = {
    EVENT_ID_RE.pattern: "an event id uses lower-case letters, digits and dashes (it becomes a file name and a URL)",
    ID_RE.pattern: "an id uses lower-case letters, digits, '_' and '-' (at most 80)",
    WINDOW_RE.pattern: "a window is a number and m, h, d, w or mo, such as 60m, 12h, 24h, 1d",
    ASSET_PATTERN: "an asset is an upper-case ticker such as BTC or ETH",
}


def _yaml_kind(value: object) -> str:
    return {list: "list", str: "single value", type(None): "null value"}.get(type(value), type(value).__name__)


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names allowed at ``loc`` inside ``model`` (for 'did you mean' hints)."""
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(str(part))
        if field is None:
            return []
        current = _model_in(field.annotation)
        if current is None:
            return []
    return list(current.model_fields)


def _model_in(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


# --- the source registry ------------------------------------------------------------


def load_registry(path: str | Path) -> SourceRegistry:
    """Load ``sources.yaml``; raise InputError listing every problem in it."""
    path = Path(path)
    text = read_text(path)
    data, positions = parse(text, path)
    spec, problems = _validate(RegistrySpec, data, positions, str(path))
    if spec is None:
        raise InputError(problems)
    sources: dict[str, Source] = {}
    for i, s in enumerate(spec.sources):
        if s.id in sources:
            line, col = locate(positions, ("sources", i, "id"))
            problems.append(Problem(str(path), line, col, f"sources[{i}].id", f"duplicate source id {s.id!r}"))
            continue
        sources[s.id] = Source(s.id, s.name, s.kind, tuple(s.aliases), s.url)
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


def find_registry(event_path: str | Path) -> Path | None:
    """The nearest ``sources.yaml`` in the event's folder or up to two folders above it."""
    folder = Path(event_path).resolve().parent
    for candidate in (folder, folder.parent, folder.parent.parent):
        if (candidate / REGISTRY_NAME).is_file():
            return candidate / REGISTRY_NAME
    return None


# --- one event --------------------------------------------------------------------


def load_event(path: str | Path, registry: SourceRegistry | None = None, *, max_bytes: int = MAX_FILE_BYTES) -> Event:
    """Load, validate, reconcile, cross-check and derive one event file."""
    path = Path(path)
    if registry is None:
        reg_path = find_registry(path)
        if reg_path is None:
            raise single_problem(path, f"no {REGISTRY_NAME} found beside the event or in the folders above it (pass --sources)")
        registry = load_registry(reg_path)
    text = read_text(path, max_bytes=max_bytes)
    return event_from_text(text, str(path), registry)


def event_from_text(text: str, path: str, registry: SourceRegistry) -> Event:
    """The body of :func:`load_event`, for callers that already hold the text (tests, batch)."""
    data, positions = parse(text, path)
    spec, problems = _validate(EventSpec, data, positions, path)
    kept = None
    if spec is None:
        spec, kept = _salvage(data)
        if spec is None:
            raise InputError(problems)
    builder = _EventBuilder(spec, positions, path, registry, kept)
    event = builder.build(hashlib.sha256(text.encode()).hexdigest())
    if problems or builder.problems:
        raise InputError(problems + builder.problems)
    return event


_SECTIONS = ("facts", "context", "quotes")


def _salvage(data) -> tuple[EventSpec | None, dict[str, list[int]] | None]:
    """The event without its invalid facts, context items and quotes, for a second pass of checks.

    When the only schema problems are inside list items, the rest of the file
    can still be cross-checked (unknown sources, duplicate ids, sides against
    totals), so an editor sees every problem in one run rather than fixing the
    schema first and meeting the rest afterwards. Returns the indices kept per
    section, so problems still point at the right item; (None, None) when the
    event itself is malformed.
    """
    try:
        EventSpec.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    else:  # pragma: no cover - only called after a failure
        return None, None
    bad: set[tuple[str, int]] = set()
    for err in errors:
        loc = tuple(err["loc"])
        if len(loc) < 2 or loc[0] not in _SECTIONS or not isinstance(loc[1], int):
            return None, None
        bad.add((loc[0], loc[1]))
    reduced, kept = dict(data), {}
    for section in _SECTIONS:
        items = data.get(section)
        if isinstance(items, list):
            kept[section] = [i for i in range(len(items)) if (section, i) not in bad]
            reduced[section] = [items[i] for i in kept[section]]
    try:
        return EventSpec.model_validate(reduced), kept
    except ValidationError:
        return None, None


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
        hint = difflib.get_close_matches(source_id, list(self.registry.sources), n=1)
        self.problem(at, f"unknown {role} {source_id!r}: not in {Path(self.registry.path).name or REGISTRY_NAME}" + (f" (did you mean {hint[0]!r}?)" if hint else ""))

    def in_period(self, when, at: tuple) -> None:
        period = self.spec.period
        if when is not None and period is not None and not (period.start <= when <= period.end):
            self.problem(at, f"as_of {when.isoformat()} is outside the event period {period.start.isoformat()} .. {period.end.isoformat()}")

    def build(self, digest: str) -> Event:
        spec = self.spec
        seen_ids: dict[str, int] = {}
        for section in ("facts", "context", "quotes"):
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
        for message, at in consistency.check_all(indexed, spec.tolerance):
            self.problem(at, message)

        derived, notes = derive.standard_derivations(facts)
        return Event(
            id=spec.id,
            as_of=spec.as_of,
            facts=facts,
            derived=derived,
            context=tuple(self.context(self.index("context", i), c) for i, c in enumerate(spec.context)),
            quotes=tuple(self.quote(self.index("quotes", i), q) for i, q in enumerate(spec.quotes)),
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
        at = ("facts", i)
        if fs.window and self.spec.windows and fs.window not in self.spec.windows:
            self.problem(at + ("window",), f"window {fs.window!r} is not one of the event's windows ({', '.join(self.spec.windows)})")
        self.known_source(fs.venue, at + ("venue",), role="venue")
        if fs.venue in self.registry and self.registry[fs.venue].kind not in (SourceKind.EXCHANGE, SourceKind.ONCHAIN):
            self.problem(at + ("venue",), f"venue {fs.venue!r} is not an exchange: the registry lists it as kind {self.registry[fs.venue].kind.value!r} (a venue is where the positions were liquidated)")
        observations = []
        for j, o in enumerate(fs.observations):
            self.known_source(o.source, at + ("observations", j, "source"))
            self.in_period(o.as_of, at + ("observations", j, "as_of"))
            observations.append(Observation(o.source, o.value, tuple(o.range) if o.range else None, o.as_of, o.note, o.url))
        if any(o.source not in self.registry for o in observations):
            return None
        observations = tuple(observations)
        if fs.status is Status.UNAVAILABLE:
            status, value, rng = Status.UNAVAILABLE, None, None
            if not fs.reason:
                self.problem(at + ("status",), "status 'unavailable' needs a `reason` saying why no reliable figure exists")
        else:
            try:
                status, value, rng = reconcile(observations, fs.status, self.registry, fs.tolerance if fs.tolerance is not None else self.spec.tolerance)
            except StatusConflict as exc:
                self.problem(at + (("status",) if fs.status else ("observations",)), str(exc))
                return None
        spread = envelope(observations) if value is not None and observations else None
        return Fact(
            id=fs.id,
            metric=fs.metric,
            unit=fs.unit.value,
            status=status,
            value=value,
            range=rng,
            sources=distinct_sources(observations),
            observations=observations,
            window=fs.window,
            side=fs.side.value if fs.side else None,
            asset=fs.asset,
            venue=fs.venue,
            contract=fs.contract,
            subject=fs.subject,
            direction=fs.direction.value if fs.direction else None,
            price_level=fs.price_level,
            price_band=tuple(fs.price_band) if fs.price_band else None,
            coverage=fs.coverage,
            lower_bound=fs.lower_bound,
            label=fs.label,
            note=fs.note,
            reason=fs.reason,
            path=self.path,
            line=self.line(at),
            envelope=spread if spread is not None and spread[0] != spread[1] else None,
        )

    def context(self, i: int, cs) -> ContextItem:
        at = ("context", i)
        for j, s in enumerate(cs.sources):
            self.known_source(s, at + ("sources", j))
        self.in_period(cs.as_of, at + ("as_of",))
        if not cs.sources and cs.status not in (Status.RUMOR, Status.UNAVAILABLE):
            self.problem(at + ("sources",), "context needs at least one source (or `status: rumor` for an unsourced claim)")
        status = cs.status or (Status.MULTI_SOURCE if len(set(cs.sources)) > 1 else Status.SINGLE_SOURCE)
        if cs.status is Status.SINGLE_SOURCE and len(set(cs.sources)) > 1:
            self.problem(at + ("status",), f"status 'single_source' but {len(set(cs.sources))} sources are listed")
        if cs.status is Status.MULTI_SOURCE and len(set(cs.sources)) < 2:
            self.problem(at + ("status",), "status 'multi_source' needs two or more sources")
        return ContextItem(cs.id, cs.kind, cs.text, tuple(cs.sources), status, cs.as_of, self.path, self.line(at))

    def quote(self, i: int, qs) -> Quote:
        at = ("quotes", i)
        self.known_source(qs.source, at + ("source",))
        self.in_period(qs.as_of, at + ("as_of",))
        status = qs.status or Status.SINGLE_SOURCE
        return Quote(qs.id, qs.speaker, qs.words, status, qs.role, qs.channel, qs.source, qs.as_of, self.path, self.line(at))


# --- many files --------------------------------------------------------------------


def event_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders into event files (``*.yaml``/``*.yml``, never ``sources.yaml``), sorted."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(q for q in p.rglob("*") if q.suffix in (".yaml", ".yml") and q.name != REGISTRY_NAME and q.is_file())
        else:
            out.append(p)
    return sorted(dict.fromkeys(out))


def load_factbase(paths: Iterable[str | Path], registry: SourceRegistry | None = None) -> tuple[list[Event], list[Problem]]:
    """Load every event under ``paths``; one bad file never hides the others.

    Returns the events that loaded and every problem found (including the
    registry's). Registries are loaded once per folder.
    """
    events: list[Event] = []
    problems: list[Problem] = []
    registries: dict[Path, SourceRegistry] = {}
    for path in event_files(paths):
        try:
            reg = registry
            if reg is None:
                if not path.exists():
                    raise single_problem(path, "no such file")
                reg_path = find_registry(path)
                if reg_path is None:
                    raise single_problem(path, f"no {REGISTRY_NAME} found beside the event or in the folders above it (pass --sources)")
                if reg_path not in registries:
                    registries[reg_path] = load_registry(reg_path)
                reg = registries[reg_path]
            events.append(load_event(path, reg))
        except InputError as exc:
            problems.extend(p for p in exc.problems if p not in problems)
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
