"""Pausing Python's garbage collector over work that makes many objects and little garbage.

The cyclic collector runs whenever enough new objects have been made, and walks
them again each time: reading a 10,000-event manifest and planning make a few
hundred thousand objects, none in a cycle (a third of the read's time), and a
one-event publish in the build's own process imports and builds a Drafter and
a Checker (about a tenth of a one-changed re-run). Collection resumes, as it
was, when the work is over.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
