"""Where a batch publishes its events: processes on this machine (the default) or a Dask cluster.

The build (``writer.publish.build``) decides what to publish and commits the
site; an executor only runs ``fn(chunk)`` somewhere and hands back a
``concurrent.futures.Future`` per chunk. Both executors give the build the
same four things:

- ``jobs``: how many chunks can run at once (for sizing chunks);
- ``submit(fn, *args)``: a standard Future, so the build waits with
  ``concurrent.futures.as_completed`` whichever executor runs the work;
- a lost worker surfaces as ``BrokenProcessPool`` (the build turns the chunk's
  events into "internal" rejections, never a traceback);
- ``shutdown(abandon=...)``: ``abandon`` stops workers at once, still setting up
  or mid-event (there turned out to be nothing to do, or the run was stopped).

Every worker process runs the build's initializer once (it builds the Drafter
and the Checker) before its first chunk. The local pool passes it to
``ProcessPoolExecutor``; on Dask the first chunk a worker process receives runs
it (``_set_up_then``), and again only when a later build brings other settings.
Then the objects set-up built are frozen out of the garbage collector's sight
(``gc.freeze``): they live as long as the worker, and every collection would
otherwise walk them again (bench/bench_stages.py: about 8% of a worker's CPU).

The Dask executor needs the optional extra (``pip install 'writer[dask]'``).
Its workers read the fact files and write the article files themselves, so they
must see the fact base and the output folder at the same paths as the machine
running ``writer batch`` (a shared file system); the index, the feed and the
manifest are written by ``writer batch`` itself, last, as in a local build.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path

from writer.errors import WriterError

EXECUTORS = ("local", "dask")
DASK_EXTRA = "pip install 'writer[dask]'"
# How long to wait for a Dask scheduler to answer before giving up (exit 2).
SCHEDULER_TIMEOUT = "20s"


class LocalProcesses:
    """The default: ``processes`` spawned worker processes on this machine.

    Each worker ignores SIGINT (Ctrl-C reaches a terminal's whole process group: the build's
    process stops its workers itself, writer.publish.interrupt), watches its parent and exits
    when the parent is gone (killed with SIGKILL, or a second signal's default action), and
    notes its process id in ``notes`` (a folder, when given) while it runs.
    """

    name = "local"

    def __init__(self, processes: int, initializer: Callable, initargs: tuple, notes: Path | None = None):
        self.jobs = processes
        self._pool = ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_start_local, initargs=(notes, initializer, initargs))

    def submit(self, fn: Callable, *args) -> Future:
        return self._pool.submit(fn, *args)

    def shutdown(self, *, abandon: bool = False) -> None:
        if abandon:
            # Stop workers now, mid-set-up or mid-event, rather than wait for them (the pool's
            # own processes are this process's only multiprocessing children).
            stop_children()
        self._pool.shutdown(wait=True, cancel_futures=True)


# How long a terminated worker is given to end before it is killed.
TERMINATE_GRACE_S = 10.0


def stop_children() -> None:
    """Terminate this process's multiprocessing children and wait until each has ended (killed if it lingers)."""
    children = multiprocessing.active_children()
    for proc in children:
        proc.terminate()
    for proc in children:
        proc.join(TERMINATE_GRACE_S)
        if proc.is_alive():
            proc.kill()
            proc.join()


class DaskCluster:
    """A Dask cluster: the one at ``scheduler`` (an address such as ``tcp://10.0.0.5:8786``), or
    without one a local cluster of ``processes`` single-threaded worker processes, closed at the end."""

    name = "dask"

    def __init__(self, processes: int, initializer: Callable, initargs: tuple, scheduler: str | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise WriterError(f"--executor dask needs Dask's distributed scheduler: {DASK_EXTRA}") from None
        if scheduler:
            check_scheduler(scheduler)  # before a Client exists (a half-built one complains at exit)
        self._cluster = None
        try:
            if scheduler:
                self._client = Client(scheduler, timeout=SCHEDULER_TIMEOUT, set_as_default=False)
            else:
                with _sigint_ignored_by_children():
                    self._cluster = LocalCluster(n_workers=processes, threads_per_worker=1, processes=True,
                                                 dashboard_address=":0", silence_logs=logging.ERROR)
                self._client = Client(self._cluster, set_as_default=False)
        except (OSError, TimeoutError) as exc:  # refused, timed out
            self._close_cluster()
            where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
            raise WriterError(f"cannot reach {where}: {exc}") from None
        self.jobs = max(1, sum(self._client.nthreads().values()))
        blob = pickle.dumps((initializer, initargs))
        self._setup = (hashlib.sha256(blob).hexdigest(), initializer, initargs)
        self._executor = self._client.get_executor(pure=False)  # two chunks with equal inputs are still two tasks

    def submit(self, fn: Callable, *args) -> Future:
        inner = self._executor.submit(_set_up_then, self._setup, fn, *args)
        outer: Future = Future()
        inner.add_done_callback(lambda done: _relay(done, outer))
        return outer

    def shutdown(self, *, abandon: bool = False) -> None:
        self._executor.shutdown(wait=not abandon)
        self._client.close()
        self._close_cluster()

    def _close_cluster(self) -> None:
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


@contextmanager
def _sigint_ignored_by_children() -> Iterator[None]:
    """SIGINT ignored while a local Dask cluster starts its processes, which keep that disposition: Ctrl-C reaches a
    terminal's whole process group, and the build's process stops the cluster itself (writer.publish.interrupt),
    where each worker would otherwise print a KeyboardInterrupt traceback. A Ctrl-C during the start is lost
    (SIGTERM is not); only in the main thread, where signal handlers can be set."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)  # None: set outside Python


def check_scheduler(address: str) -> None:
    """Raise WriterError unless ``address`` reads as a Dask scheduler address (scheme, host, port)."""
    try:
        from distributed.comm import get_address_host_port
    except ImportError:
        raise WriterError(f"--executor dask needs Dask's distributed scheduler: {DASK_EXTRA}") from None
    try:
        get_address_host_port(address)
    except ValueError as exc:
        raise WriterError(f"--scheduler {address!r} is not a Dask scheduler address such as tcp://HOST:8786 ({exc})") from None


def make_executor(kind: str, processes: int, initializer: Callable, initargs: tuple, *, scheduler: str | None = None,
                  notes: Path | None = None):
    """The executor named ``kind`` ("local" or "dask"); ``scheduler`` only with "dask"; ``notes``: the
    folder where local workers note their process ids."""
    if kind == "local":
        if scheduler:
            raise WriterError("--scheduler needs --executor dask")
        return LocalProcesses(processes, initializer, initargs, notes)
    if kind == "dask":
        return DaskCluster(processes, initializer, initargs, scheduler)
    raise WriterError(f"unknown executor {kind!r}; choose one of {', '.join(EXECUTORS)}")


def _start(initializer: Callable, initargs: tuple) -> None:
    initializer(*initargs)
    freeze_set_up()


# A worker whose parent has gone exits with this code (nobody reads it: its parent is gone).
ORPHANED_EXIT = 3
# A local worker's collector thresholds (Python's are 700, 10, 10). Publishing an event makes about 1,900
# container objects, a thousand of them in cycles, and the check's memos keep some for good: at 700 the young
# generation is collected 2.4 times an event and the older ones walk the memos again and again. At 5,000 the
# collector's time per event falls from about 1.1 to 0.7 CPU-ms (gc.callbacks over 299 events, 3 pairs of
# processes, bench/results/batch_stages.md) with the same memory (the cycles are still collected, in larger
# batches). A Dask worker's process is the cluster's: its collector is left as it is.
WORKER_GC_THRESHOLDS = (5000, 20, 10)


def _start_local(notes: Path | None, initializer: Callable, initargs: tuple) -> None:
    """A local worker's start: signals, its parent watched, its process id noted, then the build's set-up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watch_parent()
    if notes is not None:
        notes.mkdir(parents=True, exist_ok=True)
        (notes / str(os.getpid())).write_bytes(b"")
    _start(initializer, initargs)
    gc.set_threshold(*WORKER_GC_THRESHOLDS)


def watch_parent() -> None:
    """In a spawned worker: a thread that ends this process as soon as its parent has ended.

    multiprocessing gives a spawned child a sentinel that becomes ready when the parent
    is gone (``multiprocessing.parent_process().sentinel``); without this, a pool's worker
    whose parent was killed would wait for work forever (its task queue's other end is
    held by the worker itself). ``os._exit``: the public way to end a child at once, without
    running the interpreter's shutdown from a thread.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def wait() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(ORPHANED_EXIT)

    threading.Thread(target=wait, name="writer-watch-parent", daemon=True).start()


def freeze_set_up() -> None:
    """Keep what a worker's set-up built (templates, phrase tables, pipelines) out of later collections."""
    gc.collect()
    gc.freeze()


def _relay(done: Future, outer: Future) -> None:
    """Copy a Dask chunk's result; any failure of the task itself is a lost worker.

    The build's chunk function catches every error of an event (it becomes a
    rejection), so an exception here means the worker or the cluster failed:
    killed, out of memory, unreachable, cancelled.
    """
    if outer.done():
        return
    try:
        outer.set_result(done.result())
    except CancelledError:
        outer.set_exception(BrokenProcessPool("the Dask task was cancelled"))
    except Exception as exc:  # noqa: BLE001 - every failure has the same meaning here
        outer.set_exception(BrokenProcessPool(f"Dask: {type(exc).__name__}: {exc}"))


# In each Dask worker process: the setup last run, and one chunk at a time (a worker
# started with several threads shares one Drafter and Checker, which are not thread-safe).
_READY: list[str] = []
_LOCK = threading.Lock()


def _set_up_then(setup: tuple, fn: Callable, *args):
    key, initializer, initargs = setup
    with _LOCK:
        if _READY != [key]:
            gc.unfreeze()  # what an earlier build's set-up built may be freed now
            initializer(*initargs)
            freeze_set_up()
            _READY[:] = [key]
        return fn(*args)
