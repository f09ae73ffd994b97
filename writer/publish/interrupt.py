"""Stopping a batch on SIGTERM or SIGINT (Ctrl-C): workers stopped, nothing committed, a documented exit code.

The command line runs a build inside :func:`signals_stop_the_run`: the first
SIGTERM or SIGINT raises :class:`writer.errors.Interrupted` in the build's
process wherever it is (waiting for workers, planning, publishing an event
itself). The build then stops its worker processes at once, mid-event, and
empties its stage (``writer.publish.build.build_site``): what they published
is not committed, the site stays as the last run left it. The exit code is
128 + the signal's number (130 for SIGINT, 143 for SIGTERM), as a shell reports a
process a signal ended.

The commit (moving staged files into the site, index, feed, manifest last) is
the one step a signal does not cut short: it runs :func:`uninterrupted`, and a
signal that arrives meanwhile takes effect when it has finished (the site is
then the new one, whole; the exception says so). A half-done commit is safe on
disk (its journal, ``writer.publish.commit``) but it is partial output, which
stopping on purpose should not leave.

After the first signal the default actions are back: a second SIGTERM or
Ctrl-C ends the process at once. Its workers still stop: each watches its
parent (``writer.publish.executors``) and exits when the parent is gone, however
it went (SIGKILL too).

A library caller gets none of this unless it asks: without the handlers, SIGINT is
Python's KeyboardInterrupt, which the build treats the same way (workers stopped,
stage emptied, nothing committed), and SIGTERM keeps its default action.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from writer.errors import Interrupted

SIGNALS = (signal.SIGTERM, signal.SIGINT)


class _Hold:
    """How many :func:`uninterrupted` blocks are open, and the signal that arrived during them."""

    depth = 0
    pending: int | None = None


def _stop(signum: int, frame) -> None:
    for sig in SIGNALS:  # a second signal: the default action, at once
        signal.signal(sig, signal.SIG_DFL)
    if _Hold.depth:
        _Hold.pending = signum
        return
    raise Interrupted(signum)


@contextmanager
def signals_stop_the_run() -> Iterator[None]:
    """SIGTERM and SIGINT raise Interrupted inside the block (only in the main thread, where Python runs
    signal handlers); the previous handlers come back after it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.getsignal(sig) for sig in SIGNALS}
    for sig in SIGNALS:
        signal.signal(sig, _stop)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextmanager
def uninterrupted() -> Iterator[None]:
    """A block a signal does not cut short: one that arrives inside it is raised when it ends
    (``Interrupted.committed``: the block's work was done)."""
    _Hold.depth += 1
    try:
        yield
    finally:
        _Hold.depth -= 1
        signum = _Hold.pending if _Hold.depth == 0 else None
        if signum is not None:
            _Hold.pending = None  # an error of the block itself goes on as it is
    if signum is not None:
        raise Interrupted(signum, committed=True)
