"""Pausing Python's garbage collector over work that makes many objects and little garbage.

The cyclic collector runs whenever enough new objects have been made, and walks
them again each time. Where it finds next to nothing it is paused: reading a
10,000-event manifest and planning (a third of the read's time), a one-event
publish in the build's own process (about a tenth of a one-changed re-run),
`writer draft`'s one event (about 35 of a cold draft's 500 CPU-ms) and a check of
a very large text (bench/bench_check_scale.py). Collection resumes, as it was,
when the work is over. One place for the pause: the batch, the draft command and
the check use it alike.

Resuming has a cost of its own: every object made during the pause is young, so the
first allocation after ``gc.enable()`` starts a collection that walks them all (about
73,000 objects and 20 CPU-ms after a cold draft: imports, templates, the check's tables).
A one-shot command whose objects live until the process exits passes ``freeze=True``:
they are moved out of the collector's sight (``gc.freeze()``) instead, as the console
script does for everything at exit (writer/cli.py ``run``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused(*, freeze: bool = False) -> Iterator[None]:
    """No collection inside the block; ``freeze``: what exists when it ends is never collected
    (for objects that live until exit; garbage made in the block is kept too)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()
