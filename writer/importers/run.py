"""One import, all or nothing: read the capture, aggregate, merge, validate, then write or diff.

Nothing is written unless every line of the capture parsed, every figure
merged and the resulting event file validates as a whole; the write itself is
atomic (temporary file, then rename).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from writer.errors import InputError, Problem, single_problem
from writer.factbase.loader import event_from_text, find_registry, load_registry, REGISTRY_NAME
from writer.factbase.records import SourceRegistry
from writer.factbase.roundtrip import dump_document, load_document
from writer.factbase.vocabulary import SourceKind
from writer.factbase.yamlsource import read_text
from writer.importers import coinglass
from writer.importers.aggregate import Tally
from writer.importers.feeds import FEEDS, Feed
from writer.importers.figures import Capture, WindowError, resolve_window, stream_figures
from writer.importers.merge import Change, MergeConflict, merge
from writer.importers.streams import PARSERS, Control, MessageError, identify

# A malformed capture is usually malformed throughout; the first few lines say enough.
MAX_REPORTED = 20
# Floats in JSON become exact decimals; strings stay strings (the streams quote their numbers).
# One decoder for the whole file: json.loads with keyword arguments builds a new one per call.
DECODER = json.JSONDecoder(parse_float=Decimal)
# An aggregator export or a REST response is one JSON document read whole (streams are read a line at a time).
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024


@dataclass
class ImportResult:
    event_path: Path
    feed: Feed
    changes: list[Change]
    old_text: str
    new_text: str
    control: int = 0  # control messages skipped (subscription acknowledgements, pongs)
    skipped: list[str] = field(default_factory=list)  # rows left out, and why

    @property
    def changed(self) -> bool:
        return self.old_text != self.new_text

    def diff(self) -> str:
        name = str(self.event_path)
        return "".join(difflib.unified_diff(self.old_text.splitlines(True), self.new_text.splitlines(True), name, name))


def import_file(fmt: str, capture: Path, event: Path, *, registry: SourceRegistry | None = None, window: str | None = None, as_of: datetime | None = None) -> ImportResult:
    """Import ``capture`` (in format ``fmt``) into the event file ``event``; returns what would change.

    Writes nothing: :func:`write` does, after the caller has decided (``--dry-run`` does not).
    Raises InputError naming the file, line and field of the first problems found.
    """
    feed = FEEDS[fmt]
    registry = registry or _registry(event)
    _check_sources(feed, registry, event)
    old_text = read_text(event)
    doc = load_document(old_text, event)
    if not hasattr(doc, "get"):
        raise single_problem(event, "the event file must hold one mapping (id, as_of, facts, ...)", line=1, column=1)
    declared = [str(w) for w in doc.get("windows") or []]
    result = ImportResult(event, feed, [], old_text, old_text)
    figures = _figures(fmt, capture, registry, window, as_of, declared, result)
    try:
        result.changes = merge(doc, figures, feed)
    except MergeConflict as exc:
        raise single_problem(event, str(exc), line=exc.line or 1, column=1, field=f"facts[id={exc.fact_id}]" if exc.fact_id else "facts") from None
    result.new_text = dump_document(doc)
    if result.changed:
        _validate(result.new_text, event, registry)
    return result


def _figures(fmt, capture: Path, registry, window, as_of, declared, result: ImportResult):
    """The figures a capture or export gives, with the window they are filed under."""
    if fmt == "coinglass":
        try:
            figures, result.skipped = coinglass.figures(_read_document(capture), registry, window=window, as_of=as_of, declared=declared)
        except MessageError as exc:
            raise single_problem(capture, str(exc), line=1, column=1, field=exc.field) from None
        return figures
    tally = _aggregate(fmt, capture, result)
    try:
        chosen, partial = resolve_window(Capture.from_millis(tally.first_ms, tally.last_ms), window, declared)
    except WindowError as exc:
        raise single_problem(capture, str(exc), line=1, column=1) from None
    return stream_figures(FEEDS[fmt], tally, chosen, partial)


def write(result: ImportResult) -> None:
    from writer.atomic import atomic_write  # the project's one temp-then-rename write

    if result.changed:
        atomic_write(result.event_path, result.new_text.encode("utf-8"))


# --- reading captures --------------------------------------------------------------------


def _aggregate(fmt: str, capture: Path, result: ImportResult) -> Tally:
    parse = PARSERS[fmt]
    tally = Tally()
    problems: list[Problem] = []
    for line, message in _messages(capture, problems):
        if len(problems) >= MAX_REPORTED:
            break
        if message is None:
            continue
        kind = identify(message)
        if kind is not None and kind != fmt:
            problems.append(Problem(str(capture), line, 1, "", f"this is a {FEEDS[kind].title} message, but the file is being imported as {fmt}: a file mixing two feeds is refused (split it, one feed per file)"))
            continue
        try:
            for order in parse(message):
                tally.add(order)
        except Control:
            result.control += 1
        except MessageError as exc:
            problems.append(Problem(str(capture), line, 1, exc.field, f"{exc}; expected {_EXPECTED[fmt]}"))
    if problems:
        raise InputError(problems[:MAX_REPORTED])
    if tally.orders == 0:
        raise single_problem(capture, f"no liquidation orders found; expected {_EXPECTED[fmt]}", line=1, column=1)
    return tally


_EXPECTED = {
    "binance": "one forceOrder event per line, as pushed by <symbol>@forceOrder or !forceOrder@arr",
    "bybit": "one allLiquidation message per line, as pushed by the allLiquidation.<symbol> topic",
    "okx": "one liquidation-orders push per line, or a REST response from /api/v5/public/liquidation-orders",
}


def _messages(capture: Path, problems: list[Problem]) -> Iterator[tuple[int, object]]:
    """(line, decoded message) for each non-blank line; a malformed line is recorded and yields None.

    A file whose first line is not JSON on its own but which is one JSON
    document (a pretty-printed REST response) is read as that one message.
    """
    try:
        handle = capture.open("r", encoding="utf-8", newline=None)
    except OSError as exc:
        raise single_problem(capture, f"cannot read: {exc.strerror or exc}") from None
    first = True
    with handle:
        try:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                try:
                    message = DECODER.decode(raw)
                except json.JSONDecodeError as exc:
                    whole = _try_document(capture) if first else None
                    if whole is not None:
                        for item in whole if isinstance(whole, list) else [whole]:
                            yield number, item
                        return
                    problems.append(Problem(str(capture), number, exc.colno, "", f"not valid JSON ({exc.msg})"))
                    message = None
                first = False
                yield number, message
        except UnicodeDecodeError:
            raise single_problem(capture, "not UTF-8 text; a capture is JSON, one message per line") from None


def _try_document(capture: Path):
    if capture.stat().st_size > MAX_DOCUMENT_BYTES:
        return None
    try:
        return json.loads(capture.read_text(encoding="utf-8"), parse_float=Decimal)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None


def _read_document(capture: Path):
    try:
        if capture.stat().st_size > MAX_DOCUMENT_BYTES:
            raise single_problem(capture, f"larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MiB; an aggregator export is a few kilobytes")
        text = capture.read_text(encoding="utf-8")
    except OSError as exc:
        raise single_problem(capture, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise single_problem(capture, "not UTF-8 text; an export is one JSON document") from None
    try:
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise single_problem(capture, f"not valid JSON ({exc.msg}); expected one JSON document (a CoinGlass coin list or exchange list)", line=exc.lineno, column=exc.colno) from None


# --- the event's side ---------------------------------------------------------------------


def _registry(event: Path) -> SourceRegistry:
    found = find_registry(event)
    if found is None:
        raise single_problem(event, f"no {REGISTRY_NAME} found beside the event or in the folders above it (pass --sources)")
    return load_registry(found)


def _check_sources(feed: Feed, registry: SourceRegistry, event: Path) -> None:
    """The feed's publisher and venue must be registered, with the kind their figures imply."""
    wanted = {feed.source: SourceKind.AGGREGATOR if feed.venue is None else SourceKind.EXCHANGE}
    if feed.venue:
        wanted[feed.venue] = SourceKind.EXCHANGE
    for source_id, kind in wanted.items():
        if source_id not in registry:
            raise single_problem(registry.path or event, f"the {feed.name} importer attributes its figures to source {source_id!r}, which is not in the registry; add it (kind {kind.value})", line=1, column=1)
        if registry[source_id].kind is not kind:
            raise single_problem(registry.path or event, f"source {source_id!r} is registered as kind {registry[source_id].kind.value!r}; the {feed.name} importer needs kind {kind.value!r}", line=1, column=1)


def _validate(text: str, event: Path, registry: SourceRegistry) -> None:
    """The merged file must load cleanly; otherwise nothing is written and the problems are shown."""
    try:
        event_from_text(text, str(event), registry)
    except InputError as exc:
        notes = [Problem(p.path, p.line, p.column, p.field, f"after the import (line numbers of the file as --dry-run shows it): {p.message}") for p in exc.problems]
        raise InputError(notes) from None
