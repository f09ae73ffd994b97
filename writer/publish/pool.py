"""Running the publish tasks: in this process, or in a pool of local worker processes.

The build asks an executor two things: the templates digest (an input of
every article, needed before it can tell what changed) and the outcomes of a
list of tasks. :class:`LocalExecutor` answers both with the cores of this
machine; another executor (a cluster) can stand behind the same two calls.

A worker's set-up (a spawned interpreter, imports, compiled templates, the
check's phrases) costs about 0.6 CPU-s, and its first event as much again
(expressions compiled on first use). A run of a few events (up to
``IN_PROCESS_UP_TO``) is therefore published in this process, with no pool: it
pays the same set-up once, where a pool pays it again in every worker and
competes with this process for the cores. When more fact files than that look
newer than the manifest, one worker starts before the hashes are compared, so
it sets up on the other core while this one reads and hashes 10,000 fact
files. The mtimes are only a hint for that: what is rebuilt is still decided
by content hashes alone, and either way gives the same bytes
(tests/test_batch_in_process.py). A run that turns out large gets a full pool.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from writer.errors import WriterError
from writer.collector import paused as collector_paused
from writer.publish.settings import SiteSettings
from writer.publish.worker import Outcome, Publisher, Task, make_checker, make_drafter, task_rejection

Progress = Callable[[int, int, Outcome], None]
# Chunks of tasks sent to a worker: small enough to keep every core busy to the end,
# not so small that messaging dominates.
MAX_CHUNK = 32
CHUNKS_PER_WORKER = 8
# Up to this many events are published in the build's own process: at ~30 CPU-ms an event, a
# second process's set-up (~1.2 CPU-s with its first event) is won back only on larger runs. Measured
# on the 10,000-event site (bench/bench_batch_crossover.py, bench/results/batch_crossover.md, load 6-8):
# 1, 2, 4, 8 and 16 changed events cost 1.2-2.1x the CPU in a pool, and more wall time at that load.
IN_PROCESS_UP_TO = 16


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class PublishSetup:
    """What every publisher of one run is built from (sent once to each worker process)."""

    out: Path
    stage: Path
    settings: SiteSettings
    templates_dir: Path | None
    config: object  # the check's configuration
    now: datetime  # the moment of this run (dates of corrections)
    writer_id: str  # writer's version and code as the build found them (writer.publish.identity): every entry records it
    facts_root: str = ""  # the fact base folder's name, which articles name their fact file from (worker.facts_root_name)

    def publisher(self, drafter=None, pages=None) -> Publisher:
        """A Publisher for this process; ``pages``: the site's page renderer when this process already built it."""
        drafter = drafter if drafter is not None else pipeline_part(make_drafter, self.templates_dir)
        return Publisher(self.out, self.stage, self.settings, drafter, pipeline_part(make_checker, self.config), self.now, pages=pages,
                         writer_id=self.writer_id, facts_root=self.facts_root)


def pipeline_part(factory, *args):
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


# --- inside a worker process -----------------------------------------------------------

_WORKER: Publisher | None = None
_START_ERROR: str | None = None


def _init_worker(setup: PublishSetup) -> None:
    """Build this process's Drafter and Checker; a failure is kept, not raised (the pool would print a traceback)."""
    global _WORKER, _START_ERROR
    try:
        checker = make_checker(setup.config)
        # Build the NLP pipeline now (it loads lazily, on the first check), so a worker
        # started early is ready by the time the first event reaches it.
        checker.check_text("Warm-up.\n", path="<warm-up>")
        _WORKER = Publisher(setup.out, setup.stage, setup.settings, make_drafter(setup.templates_dir), checker, setup.now, writer_id=setup.writer_id,
                            facts_root=setup.facts_root)
    except Exception as exc:
        _START_ERROR = f"{type(exc).__name__}: {exc}"


def _run_chunk(tasks: list[Task]) -> list[Outcome]:
    if _WORKER is None:
        reason = f"the worker process could not start: {_START_ERROR}"
        return [Outcome(t.source, t.path, t.event_id, rejection=task_rejection(t, t.event_id, "internal", reason)) for t in tasks]
    return [_WORKER.publish(t) for t in tasks]


def _worker_digest() -> str | None:
    return _WORKER.templates_digest if _WORKER is not None else None


# --- in the build's process ------------------------------------------------------------


class _Pool:
    """Worker processes (spawned: no reliance on fork), started as soon as they are created."""

    def __init__(self, setup: PublishSetup, processes: int, kind: str = "local", scheduler: str | None = None, notes: Path | None = None):
        # Imported here: a re-run that publishes nothing, or a few events in this process, never
        # loads multiprocessing (about 20 ms of a re-run's start).
        from writer.publish.executors import make_executor

        # local spawned processes, or a Dask cluster (writer.publish.executors)
        self.pool = make_executor(kind, processes, _init_worker, (setup,), scheduler=scheduler, notes=notes)
        self.jobs = self.pool.jobs
        self.used = False
        self.closed = False
        self.warm = self.pool.submit(_worker_digest)

    def templates_digest(self) -> str | None:
        """The warm worker's templates digest (waits for it to start); None when it could not start."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.warm.result()
        except BrokenProcessPool:
            return None

    def close(self, *, abandon: bool = False) -> None:
        """Wait for the workers to finish and end; ``abandon`` (the run stopped): stop them at once."""
        if self.closed:
            return
        self.closed = True
        # Nothing to do after all: stop the worker mid-set-up rather than wait for it.
        self.pool.shutdown(abandon=abandon or not self.used)


class LocalExecutor:
    """Publishes tasks with ``jobs`` processes of this machine (1, or a run of a few events: in this process).

    ``likely``: how many fact files look changed (newer than the manifest; a hint only): more than
    ``IN_PROCESS_UP_TO`` starts a worker at once. ``pages``: a function giving the site's page
    renderer, already built in this process (used when events are published here). ``freeze``: the process
    ends after the build (see BatchOptions.one_shot): what an in-process publish's pauses make is frozen.
    ``notes``: the folder where local worker processes note their ids while they run.
    """

    def __init__(self, setup: PublishSetup, jobs: int, *, likely: int, kind: str = "local", scheduler: str | None = None, pages=None,
                 freeze: bool = False, notes: Path | None = None):
        self.setup = setup
        self.notes = notes
        self.freeze = freeze
        self.kind, self.scheduler, self.cluster_size = kind, scheduler, jobs
        self.jobs = jobs if kind == "local" else max(jobs, 2)  # a cluster is used however few cores this machine has
        # A run of this many events is published in this process when no worker has started (a cluster: none).
        self.here_up_to = IN_PROCESS_UP_TO if kind == "local" else 0
        self.drafter = None
        self.pages = pages
        self.pools: list[_Pool] = []
        early = jobs > 1 and likely > self.here_up_to
        self.current: _Pool | None = self._start(1) if early else None
        self.started_early = self.current is not None

    def _start(self, processes: int) -> _Pool:
        if self.kind != "local":
            processes = self.cluster_size  # a cluster starts once, at its full size
        pool = _Pool(self.setup, processes, self.kind, self.scheduler, self.notes)
        self.pools.append(pool)
        return pool

    def templates_digest(self) -> str:
        """The drafts' templates digest, from the template files alone: no Drafter is built and no
        worker waited for, so a run with nothing (or one event) to draft is planned at once."""
        from writer.templatefiles import template_dirs, templates_digest

        return templates_digest(template_dirs(self.setup.templates_dir))

    def run(self, tasks: list[Task], progress: Progress | None) -> list[Outcome]:
        """Publish ``tasks``."""
        if not tasks:
            return []
        if self.kind == "local" and self.current is not None and self.current.jobs < self.jobs and len(tasks) > 2 * self.current.jobs:
            self.current.close()  # a large run: one warm worker is too few (the set-up it saved is lost)
            self.current = None
        few = len(tasks) <= self.here_up_to
        if self.current is None and self.jobs > 1 and not few:
            self.current = self._start(self.jobs)
        if self.current is None:
            return self._in_process(tasks, progress)
        return self._in_pool(self.current, tasks, progress)

    def _in_process(self, tasks: list[Task], progress: Progress | None) -> list[Outcome]:
        with collector_paused(freeze=self.freeze):  # imports, templates, the check's tables: many objects, no garbage
            publisher = self.setup.publisher(self.drafter, self.pages() if self.pages is not None else None)
        outcomes: list[Outcome] = []
        # A few events (a re-run's): no collection while they publish either; a long run (--jobs 1) collects as usual.
        with collector_paused(freeze=self.freeze) if len(tasks) <= IN_PROCESS_UP_TO else nullcontext():
            for t in tasks:
                outcomes.append(publisher.publish(t))
                if progress:
                    progress(len(outcomes), len(tasks), outcomes[-1])
        return outcomes

    def _in_pool(self, pool: _Pool, tasks: list[Task], progress: Progress | None) -> list[Outcome]:
        from concurrent.futures import as_completed
        from concurrent.futures.process import BrokenProcessPool

        pool.used = True
        total = len(tasks)
        outcomes: list[Outcome] = []

        def done(oc: Outcome) -> None:
            outcomes.append(oc)
            if progress:
                progress(len(outcomes), total, oc)

        small = total <= 2 * pool.jobs
        if small:
            # A handful of events: let the warm worker take them rather than start another
            # (the pool starts a process for any task submitted while none is idle).
            if pool.templates_digest() is None:  # it could not start: carry on in this process
                self.current = None
                return self._in_process(tasks, progress)
        size = max(1, min(MAX_CHUNK, total // (pool.jobs * CHUNKS_PER_WORKER) or 1))
        futures: dict = {}
        for chunk in (tasks[i : i + size] for i in range(0, total, size)):
            try:
                futures[pool.pool.submit(_run_chunk, chunk)] = chunk
            except BrokenProcessPool:
                _died(chunk, done)
        for fut in as_completed(futures):
            try:
                results = fut.result()
            except BrokenProcessPool:
                _died(futures[fut], done)
                continue
            for oc in results:
                done(oc)
        return outcomes

    def close(self, *, abandon: bool = False) -> None:
        """End every pool this run started; ``abandon``: the run stopped (an error, a signal): workers
        are stopped mid-event, not waited for."""
        for pool in self.pools:
            pool.close(abandon=abandon)


def _died(chunk: list[Task], done: Callable[[Outcome], None]) -> None:
    """A worker process died (killed, out of memory, a crash in a C extension): its events are rejected, not lost."""
    for t in chunk:
        done(Outcome(t.source, t.path, t.event_id, rejection=task_rejection(t, t.event_id, "internal", "a worker process died while publishing this event")))
