"""A batch build: decide what to rebuild, publish it across processes, then write the site files.

The order of work is what makes a build safe to interrupt: article files are
written first (each one atomically), then the index and the feed, and the
manifest last. Until the manifest is replaced, the previous manifest still
describes every input the site was last built from, so a run killed at any
moment is followed by a run that rebuilds whatever that manifest does not
vouch for, and ends with the same bytes an uninterrupted run would have written.

Staleness is decided from content hashes only (fact file bytes, registry
bytes, templates digest, writer version, site settings), never timestamps, and
without parsing anything: a run with nothing changed reads and hashes the fact
files, compares with the manifest, and stops.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Callable
from concurrent.futures import as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from writer import __version__
from writer.errors import InputError, Problem, WriterError, single_problem
from writer.factbase.loader import REGISTRY_NAME, event_files, find_registry
from writer.atomic import atomic_write, remove_stale_temps, sha256_bytes, sha256_file
from writer.publish.executors import make_executor
from writer.publish.feed import atom_feed
from writer.publish.lock import build_lock
from writer.publish.manifest import MANIFEST_NAME, STATE_DIR, Entry, Inputs, Manifest, shard_manifest_path
from writer.publish.pages import index_page, newest_first
from writer.publish.settings import SiteSettings
from writer.publish.worker import Outcome, Publisher, Task, check_config, inputs_digest, make_checker, make_drafter, rejection

SITE_FILES = ("index.html", "feed.xml")
Progress = Callable[[int, int, Outcome], None]


@dataclass(frozen=True)
class Shard:
    k: int  # 1-based
    n: int

    @classmethod
    def parse(cls, text: str) -> "Shard":
        m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
        if not m:
            raise ValueError(f"shard must look like K/N (e.g. 2/8), not {text!r}")
        k, n = int(m.group(1)), int(m.group(2))
        if n < 1 or not 1 <= k <= n:
            raise ValueError(f"shard {k}/{n}: K must be between 1 and N")
        return cls(k, n)

    def holds(self, key: str) -> bool:
        """Whether this shard builds the event with id ``key`` (a stable hash, the same on every machine)."""
        return shard_of(key, self.n) == self.k

    def __str__(self) -> str:
        return f"{self.k}/{self.n}"


def shard_of(key: str, n: int) -> int:
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") % n + 1


@dataclass
class BatchOptions:
    out: Path
    jobs: int | None = None  # None: all cores
    shard: Shard | None = None
    force: bool = False
    templates_dir: Path | None = None
    settings: SiteSettings = field(default_factory=SiteSettings)
    registry: Path | None = None  # one registry for every event (default: the nearest sources.yaml)
    executor: str = "local"  # where events are published: "local" processes or "dask" (writer.publish.executors)
    scheduler: str | None = None  # a Dask scheduler's address (default: a local Dask cluster of `jobs` workers)


@dataclass
class BatchReport:
    published: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    site_written: list[str] = field(default_factory=list)  # index.html, feed.xml, manifest.json when (re)written
    files_written: int = 0
    seconds: float = 0.0
    shard: str | None = None
    out: str = ""

    @property
    def exit_code(self) -> int:
        return 1 if self.rejected else 0

    @property
    def nothing_built(self) -> bool:
        return not (self.published or self.removed or self.site_written)

    def as_dict(self) -> dict:
        return {
            "published": self.published,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "removed": self.removed,
            "site_files_written": self.site_written,
            "files_written": self.files_written,
            "shard": self.shard,
            "out": self.out,
            "seconds": round(self.seconds, 3),
        }


@dataclass
class _Item:
    path: Path
    source: str  # relative to the fact base root
    digest: str
    registry: Path
    registry_digest: str
    event_id: str | None
    prior: Entry | None
    inputs: Inputs | None = None


# --- reading ahead ----------------------------------------------------------------

_ID_LINE = re.compile(rb"^id:[ \t]*(['\"]?)([^'\"\s#]+)\1[ \t]*(?:#.*)?$", re.MULTILINE)


def quick_id(data: bytes) -> str | None:
    """The event id of a fact file without validating it (for sharding and duplicate ids).

    A top-level ``id:`` line is read with a regular expression; anything
    unusual falls back to a YAML parse. The worker checks the full load agrees.
    """
    m = _ID_LINE.search(data)
    if m:
        return m.group(2).decode("utf-8", "replace")
    try:
        doc = yaml.load(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    value = doc.get("id") if isinstance(doc, dict) else None
    return value if isinstance(value, str) else None


def _root_of(factbase: Path) -> Path:
    return factbase if factbase.is_dir() else factbase.parent


class _Registries:
    """The registry file and its hash for each folder of fact files (looked up once per folder)."""

    def __init__(self, override: Path | None):
        self.override = override
        self.by_folder: dict[str, tuple[Path, str] | None] = {}
        self.hashes: dict[Path, str] = {}

    def for_file(self, path: Path) -> tuple[Path, str] | None:
        folder = os.path.dirname(path)  # a string key: hashing 10,000 Paths costs more than the lookup saves
        if folder not in self.by_folder:
            reg = self.override if self.override is not None else find_registry(path)
            if reg is None:
                self.by_folder[folder] = None
            else:
                if reg not in self.hashes:
                    self.hashes[reg] = sha256_file(reg)
                self.by_folder[folder] = (reg, self.hashes[reg])
        return self.by_folder[folder]


# --- the build ----------------------------------------------------------------------


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def build_site(factbase: Path, options: BatchOptions, *, progress: Progress | None = None) -> BatchReport:
    """Build (or bring up to date) the site for every event under ``factbase`` into ``options.out``.

    Raises InputError (exit 2) for problems that stop the whole run: no fact
    files, an unreadable manifest, templates that do not compile, another
    build running on the same folder. Problems with one event become
    rejections in the report.
    """
    factbase, out = Path(factbase), Path(options.out)
    if not factbase.exists():
        raise single_problem(factbase, "no such file or folder")
    out.mkdir(parents=True, exist_ok=True)
    shard = options.shard
    pools: list[_Workers] = []
    with build_lock(out / STATE_DIR, f"shard-{shard.k}-of-{shard.n}" if shard else "build"):
        try:
            return _build_site(factbase, options, progress, pools)
        finally:
            for workers in pools:
                workers.close()


def _build_site(factbase: Path, options: BatchOptions, progress: Progress | None, pools: list) -> BatchReport:
    started = time.perf_counter()
    out = Path(options.out)
    files = event_files([factbase])
    if not files:
        raise single_problem(factbase, "no event files (*.yaml) found")
    shard = options.shard
    own_manifest = shard_manifest_path(out, shard.k, shard.n) if shard else out / MANIFEST_NAME
    cache_path = out / STATE_DIR / (f"rejections-{shard.k}-of-{shard.n}.json" if shard else "rejections.json")
    if shard:
        remove_stale_temps(out / STATE_DIR, (own_manifest.name, cache_path.name))
    else:
        remove_stale_temps(out)
        remove_stale_temps(out / STATE_DIR)
    config = _pipeline_part(check_config)
    config_digest = inputs_digest(options.settings, config)
    jobs = options.jobs or default_jobs()
    if options.executor != "local":
        jobs = max(jobs, 2)  # a cluster is used however few cores this machine has
    workers = _Workers(options, out, config, 1) if jobs > 1 and _work_likely(files, own_manifest) else None
    if workers is not None:
        pools.append(workers)
    prior = Manifest.read(own_manifest) or (Manifest.read(out / MANIFEST_NAME) if shard else None) or Manifest()
    prior_by_source = prior.by_source()
    prior_rejections = _read_rejections(cache_path)

    # The templates digest is an input even when nothing changed. A warm worker has a
    # drafter already and reports its digest once it has started (after the hashing
    # below); without one, this process builds the drafter.
    drafter = None if workers is not None else _pipeline_part(make_drafter, options.templates_dir)
    root = _root_of(factbase)
    registries = _Registries(options.registry)
    report = BatchReport(shard=str(shard) if shard else None, out=str(out))

    items: list[_Item] = []
    rejected_items: list[tuple[_Item | None, dict]] = []
    prefix = os.fspath(root) + os.sep
    for path in files:
        text_path = os.fspath(path)
        source = (text_path[len(prefix):] if text_path.startswith(prefix) else text_path).replace(os.sep, "/")
        try:
            data = path.read_bytes()
        except OSError as exc:
            rejected_items.append((None, _plain_rejection(path, None, "facts", f"cannot read file: {exc.strerror or exc}")))
            continue
        digest = sha256_bytes(data)
        entry = prior_by_source.get(source)
        event_id = entry.id if entry is not None and entry.inputs.fact_file == digest else quick_id(data)
        reg = registries.for_file(path)
        if reg is None:
            rejected_items.append((None, _plain_rejection(path, event_id, "facts", f"no {REGISTRY_NAME} found beside the event or in the folders above it")))
            continue
        items.append(_Item(path, source, digest, reg[0], reg[1], event_id, entry))

    if shard:
        items = [it for it in items if shard.holds(it.event_id or it.source)]
        rejected_items = [(it, r) for it, r in rejected_items if shard.holds(r["event"] or r["file"])]

    # Serialising the unchanged entries for the new manifest is most of writing it: do it
    # while a warm worker starts or the workers draft, so a one-event rebuild pays only
    # for that event's lines.
    staged = Manifest()
    if workers is not None:
        staged.prepare(it.prior for it in items if it.prior is not None and it.prior.inputs.fact_file == it.digest)
        templates_digest = workers.templates_digest()
        if templates_digest is None:  # the worker could not start: carry on in this process
            workers = None
            drafter = _pipeline_part(make_drafter, options.templates_dir)
    if drafter is not None:
        templates_digest = drafter.templates_digest

    # Two files claiming one id would write into one folder: the first (in path order) wins.
    first_with_id: dict[str, _Item] = {}
    todo: list[_Item] = []
    unchanged: list[_Item] = []
    for it in items:
        if it.event_id is not None and it.event_id in first_with_id:
            other = first_with_id[it.event_id]
            rejected_items.append((it, _plain_rejection(it.path, it.event_id, "duplicate-id", f"event id {it.event_id!r} is already used by {other.path}", line=1, column=1)))
            continue
        if it.event_id is not None:
            first_with_id[it.event_id] = it
        it.inputs = Inputs(it.digest, it.registry_digest, templates_digest, __version__, config_digest)
        if not options.force and it.prior is not None and it.prior.inputs == it.inputs and _files_present(out, it.prior):
            unchanged.append(it)
            continue
        cached = prior_rejections.get(it.source)
        if not options.force and cached is not None and cached["inputs"] == it.inputs.as_dict():
            # Rejected before from these very inputs: drafting is deterministic, so it would be again.
            rejected_items.append((it, dict(cached["rejection"])))
            continue
        todo.append(it)

    if workers is not None and workers.jobs < jobs and len(todo) > 2 * workers.jobs:
        workers.close()  # a large run: one warm worker is too few (the second of spaCy it saved is lost)
        workers = None
    if workers is None and jobs > 1 and len(todo) > 1:
        workers = _Workers(options, out, config, jobs)
        pools.append(workers)
    outcomes = _run(todo, options, out, drafter, progress, workers, config, lambda: staged.prepare(it.prior for it in unchanged))
    if workers is not None and not todo and own_manifest.is_file():
        # The mtime hint was wrong (files touched, not changed): refresh the manifest's
        # time so the next run does not start workers for nothing again.
        os.utime(own_manifest)

    # --- assemble the new state ------------------------------------------------
    entries: dict[str, Entry] = {it.prior.id: it.prior for it in unchanged}
    report.unchanged = sorted(entries)
    for oc in outcomes:
        if oc.entry is not None:
            entries[oc.entry.id] = oc.entry
            report.published.append(oc.entry.id)
            report.files_written += oc.written
    by_source = {it.source: it for it in todo}
    for oc in outcomes:
        if oc.rejection is not None:
            rejected_items.append((by_source.get(oc.source), oc.rejection | {"_source": oc.source}))
    kept_sources = set()
    rejections: dict[str, dict] = {}
    for it, rej in rejected_items:
        source = rej.pop("_source", None) or (it.source if it else None)
        rej.pop("kept_previous", None)
        if it is not None and it.inputs is not None and rej["code"] not in UNCACHED_CODES:
            rejections[it.source] = {"inputs": it.inputs.as_dict(), "rejection": dict(rej)}
        previous = prior_by_source.get(source) if source else None
        keep = previous is not None and previous.id not in entries and _files_present(out, previous)
        if keep:
            entries[previous.id] = previous
            kept_sources.add(source)
        rej["kept_previous"] = keep
        report.rejected.append(rej)
    report.published.sort()
    report.rejected.sort(key=lambda r: (r["file"], r["event"] or ""))

    # Events published before and gone now (fact file deleted, id changed): remove writer's own files.
    in_scope = [e for e in prior.entries.values() if shard is None or shard.holds(e.id)]
    for old in in_scope:
        if old.id not in entries:
            _remove_files(out, old)
            report.removed.append(old.id)
    report.removed.sort()

    changed = bool(report.published or report.removed) or prior.settings != options.settings.as_dict()
    manifest = Manifest(entries, {}, options.settings.as_dict())
    manifest.adopt(staged)
    if rejections != prior_rejections:
        _write_rejections(cache_path, rejections)
    if shard:
        if changed or not own_manifest.is_file() or set(entries) != set(prior.entries):
            atomic_write(own_manifest, manifest.to_bytes(__version__))
            report.site_written.append(str(own_manifest.relative_to(out)))
    else:
        _write_site(out, manifest, prior, options.settings, report, force=changed)
    report.seconds = time.perf_counter() - started
    return report


def _pipeline_part(factory, *args):
    """Build the drafter or the checker; a template folder that does not compile stops the run (exit 2)."""
    try:
        return factory(*args)
    except WriterError:
        raise
    except Exception as exc:  # e.g. a YAML or Jinja error while compiling the house style
        where = getattr(exc, "filename", None) or getattr(exc, "name", None)
        line = getattr(exc, "lineno", None)
        prefix = f"{where}:{line}: " if where and line else (f"{where}: " if where else "")
        raise WriterError(f"{prefix}cannot set up drafting: {type(exc).__name__}: {exc}") from None


# Rejections that say nothing about the inputs (a crashed worker, a file edited mid-run) are retried.
UNCACHED_CODES = frozenset({"internal", "changed"})


def _read_rejections(path: Path) -> dict[str, dict]:
    """The last run's rejections by fact file, with the inputs they came from (a cache: unreadable means empty)."""
    try:
        data = json.loads(path.read_bytes())
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_rejections(path: Path, rejections: dict[str, dict]) -> None:
    if not rejections and not path.exists():
        return
    atomic_write(path, (json.dumps(dict(sorted(rejections.items())), ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def _plain_rejection(path: Path, event_id: str | None, code: str, reason: str, *, line: int = 0, column: int = 0) -> dict:
    return {"event": event_id, "file": str(path), "line": line, "column": column, "code": code, "reason": reason, "problems": []}


def _files_present(out: Path, entry: Entry) -> bool:
    base = os.fspath(out) + os.sep
    return all(os.path.isfile(base + rel) for rel in entry.files)


def _remove_files(out: Path, entry: Entry) -> None:
    """Delete an entry's files, but only those still holding exactly what writer wrote."""
    for rel, digest in entry.files.items():
        target = out / rel
        try:
            if sha256_file(target) == digest:
                target.unlink()
        except OSError:
            continue
    folder = out / entry.id
    try:
        remove_stale_temps(folder)
        folder.rmdir()  # only when empty: never a file writer did not write
    except OSError:
        pass


def _write_site(out: Path, manifest: Manifest, prior: Manifest, settings: SiteSettings, report: BatchReport, *, force: bool) -> None:
    """Index and feed when some article changed (or they are missing or edited); the manifest last."""
    if not force and prior.entries.keys() == manifest.entries.keys() and (out / MANIFEST_NAME).is_file() and all(
        name in prior.site_files and (out / name).is_file() and sha256_file(out / name) == prior.site_files[name] for name in SITE_FILES
    ):
        return  # nothing changed: the site files on disk are the ones the manifest vouches for
    entries = newest_first(manifest.entries.values())
    site = {"index.html": index_page(entries, settings).encode("utf-8"), "feed.xml": atom_feed(entries, settings)}
    for name, data in site.items():
        digest = sha256_bytes(data)
        manifest.site_files[name] = digest
        target = out / name
        if force or prior.site_files.get(name) != digest or not target.is_file() or sha256_file(target) != digest:
            atomic_write(target, data)
            report.site_written.append(name)
    data = manifest.to_bytes(__version__)
    target = out / MANIFEST_NAME
    if report.site_written or not target.is_file() or sha256_file(target) != sha256_bytes(data):
        atomic_write(target, data)
        report.site_written.append(MANIFEST_NAME)


# --- running the work ---------------------------------------------------------------

_WORKER: Publisher | None = None
_START_ERROR: str | None = None


def _init_worker(out: Path, settings: SiteSettings, templates_dir: Path | None, config) -> None:
    """Build this process's Drafter and Checker; a failure is kept, not raised (the pool would print a traceback)."""
    global _WORKER, _START_ERROR
    try:
        checker = make_checker(config)
        # Build the NLP pipeline now (it loads lazily, on the first check), so a worker
        # started early has spaCy ready by the time the first event reaches it.
        checker.check_text("Warm-up.\n", path="<warm-up>")
        _WORKER = Publisher(out, settings, make_drafter(templates_dir), checker)
    except Exception as exc:
        _START_ERROR = f"{type(exc).__name__}: {exc}"


def _run_chunk(tasks: list[Task]) -> list[Outcome]:
    if _WORKER is None:
        reason = f"the worker process could not start: {_START_ERROR}"
        return [Outcome(t.source, t.path, t.event_id, rejection=rejection(t, t.event_id, "internal", reason)) for t in tasks]
    return [_WORKER.publish(t) for t in tasks]


def _task(it: _Item) -> Task:
    return Task(str(it.path), it.source, str(it.registry), it.event_id, dict(it.prior.files) if it.prior else None)


class _Workers:
    """The worker processes, started early when work is likely so their set-up overlaps the scan.

    Building a Checker loads spaCy (about a second). When the fact files look
    newer than the manifest, the pool starts before the hashes are compared,
    so a one-event rebuild pays for spaCy on the other core while this one
    reads and hashes 10,000 fact files. The mtimes are only a hint for that:
    what is rebuilt is still decided by content hashes alone. The early pool has
    one process (a second spaCy load would only compete with this process); a run that turns out large
    gets a full pool instead.
    """

    def __init__(self, options: BatchOptions, out: Path, config, processes: int):
        if options.executor != "local":  # a cluster starts once, at its full size
            processes = options.jobs or default_jobs()
        self.pool = make_executor(options.executor, processes, _init_worker, (out, options.settings, options.templates_dir, config), scheduler=options.scheduler)
        self.jobs = self.pool.jobs
        self.used = False
        self.closed = False
        self.warm = self.pool.submit(_worker_digest)  # start the workers now

    def templates_digest(self) -> str | None:
        """The warm worker's templates digest (waits for it to start); None when it could not start."""
        try:
            return self.warm.result()
        except BrokenProcessPool:
            return None

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        # Nothing to do after all: stop the worker mid-set-up rather than wait for spaCy.
        self.pool.shutdown(abandon=not self.used)


def _worker_digest() -> str | None:
    return _WORKER.templates_digest if _WORKER is not None else None


def _work_likely(files: list[Path], own_manifest: Path) -> bool:
    try:
        stamp = own_manifest.stat().st_mtime_ns
    except OSError:
        return True
    return any(os.stat(f).st_mtime_ns >= stamp for f in files)


def _run(todo: list[_Item], options: BatchOptions, out: Path, drafter, progress: Progress | None, workers: _Workers | None, config,
         meanwhile: Callable[[], None]) -> list[Outcome]:
    """Publish ``todo``; ``meanwhile`` runs in this process while the workers start or draft."""
    if not todo:
        return []
    tasks = [_task(it) for it in todo]
    total = len(tasks)
    outcomes: list[Outcome] = []
    if workers is None:
        meanwhile()
        publisher = Publisher(out, options.settings, drafter, _pipeline_part(make_checker, config))
        for t in tasks:
            oc = publisher.publish(t)
            outcomes.append(oc)
            if progress:
                progress(len(outcomes), total, oc)
        return outcomes
    workers.used = True
    small = total <= 2 * workers.jobs
    if small:
        meanwhile()  # while the warm worker finishes starting
        # A handful of events: let the warm worker take them rather than start another
        # (the pool starts a process for any task submitted while none is idle).
        try:
            workers.warm.result()
        except BrokenProcessPool:
            pass  # reported per event below
    # Small chunks keep every core busy to the end; not so small that messaging dominates.
    size = max(1, min(32, total // (workers.jobs * 8) or 1))
    chunks = [tasks[i : i + size] for i in range(0, total, size)]
    futures: dict = {}
    for chunk in chunks:
        try:
            futures[workers.pool.submit(_run_chunk, chunk)] = chunk
        except BrokenProcessPool:
            _died(chunk, outcomes, total, progress)
    if not small:
        meanwhile()  # while the workers draft
    for fut in as_completed(futures):
        try:
            results = fut.result()
        except BrokenProcessPool:
            _died(futures[fut], outcomes, total, progress)
            continue
        for oc in results:
            outcomes.append(oc)
            if progress:
                progress(len(outcomes), total, oc)
    return outcomes


def _died(chunk: list[Task], outcomes: list[Outcome], total: int, progress: Progress | None) -> None:
    """A worker process died (killed, out of memory, a crash in a C extension): its events are rejected, not lost."""
    for t in chunk:
        oc = Outcome(t.source, t.path, t.event_id, rejection=rejection(t, t.event_id, "internal", "a worker process died while publishing this event"))
        outcomes.append(oc)
        if progress:
            progress(len(outcomes), total, oc)


# --- joining shards -----------------------------------------------------------------


def merge_shards(out: Path, shard_dirs: list[Path], settings: SiteSettings | None = None) -> BatchReport:
    """Join the outputs of ``--shard K/N`` runs into one site: article files, index, feed and manifest.

    Shard outputs may already be in ``out`` (shards run against one shared
    folder) or in separate folders (a CI matrix's artifacts), whose article
    files are copied in after their hashes are verified. Every shard 1..N must
    be present; a missing shard is an input error, never a silently partial site.
    ``settings`` default to the ones the shards were built with.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with build_lock(out / STATE_DIR, "build"):
        return _merge_shards(out, shard_dirs, settings)


def _merge_shards(out: Path, shard_dirs: list[Path], settings: SiteSettings | None) -> BatchReport:
    started = time.perf_counter()
    remove_stale_temps(out)
    report = BatchReport(out=str(out))
    found: dict[tuple[int, int], tuple[Path, Manifest]] = {}
    for folder in dict.fromkeys([out, *map(Path, shard_dirs)]):
        state = folder / STATE_DIR
        if not state.is_dir():
            continue
        for p in sorted(state.glob("shard-*-of-*.json")):
            m = re.fullmatch(r"shard-(\d+)-of-(\d+)\.json", p.name)
            if m:
                key = (int(m.group(1)), int(m.group(2)))
                manifest = Manifest.read(p)
                if key not in found or folder == out:
                    found[key] = (folder, manifest)
    if not found:
        raise single_problem(out, f"no shard manifests ({STATE_DIR}/shard-K-of-N.json) found in {', '.join(map(str, [out, *shard_dirs]))}")
    counts = {n for _, n in found}
    if len(counts) != 1:
        raise single_problem(out, f"shard manifests from different shard counts: {', '.join(f'{k}/{n}' for k, n in sorted(found))}")
    n = counts.pop()
    missing = [k for k in range(1, n + 1) if (k, n) not in found]
    if missing:
        raise single_problem(out, f"missing shard{'s' if len(missing) > 1 else ''} {', '.join(f'{k}/{n}' for k in missing)}: run them before merging")
    if settings is None:
        # The shards' own settings (they must agree, which the loop below checks).
        first = found[min(found)][1].settings
        try:
            settings = SiteSettings(**first)
        except TypeError:
            raise single_problem(out, f"shard manifests hold unreadable site settings: {first!r}") from None
    problems: list[Problem] = []
    entries: dict[str, Entry] = {}
    for (k, _), (folder, manifest) in sorted(found.items()):
        for entry in manifest.entries.values():
            if entry.id in entries:
                problems.append(Problem(str(folder / STATE_DIR), 0, 0, "", f"event {entry.id!r} appears in two shards"))
                continue
            if manifest.settings != settings.as_dict():
                problems.append(Problem(str(folder / STATE_DIR / f"shard-{k}-of-{n}.json"), 0, 0, "",
                                        f"shard {k}/{n} was built with other site settings ({manifest.settings}); merge with the same --desk, --title, --base-url and --feed-size"))
                break
            entries[entry.id] = entry
            if folder != out:
                report.files_written += _copy_entry(folder, out, entry, problems)
    if problems:
        raise InputError(problems)
    prior = Manifest.read(out / MANIFEST_NAME) or Manifest()
    for old in prior.entries.values():
        if old.id not in entries:
            _remove_files(out, old)
            report.removed.append(old.id)
    report.published = sorted(e for e in entries if prior.entries.get(e) != entries[e])
    report.unchanged = sorted(e for e in entries if prior.entries.get(e) == entries[e])
    changed = bool(report.published or report.removed) or prior.settings != settings.as_dict()
    _write_site(out, Manifest(entries, {}, settings.as_dict()), prior, settings, report, force=changed)
    report.seconds = time.perf_counter() - started
    return report


def _copy_entry(src: Path, out: Path, entry: Entry, problems: list[Problem]) -> int:
    copied = 0
    for rel, digest in entry.files.items():
        source, target = src / rel, out / rel
        try:
            data = source.read_bytes()
        except OSError as exc:
            problems.append(Problem(str(source), 0, 0, "", f"cannot read shard output: {exc.strerror or exc}"))
            continue
        if sha256_bytes(data) != digest:
            problems.append(Problem(str(source), 0, 0, "", "shard output does not match its manifest's hash (edited or half-copied?)"))
            continue
        if target.is_file() and sha256_file(target) == digest:
            continue
        atomic_write(target, data)
        copied += 1
    return copied
