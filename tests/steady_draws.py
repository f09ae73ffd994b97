"""Hypothesis draws that follow from a test's source (or a chosen seed) alone, not from what is loaded.

Hypothesis (6.131 and later) also draws, now and then, a number or string written in any *local* module
already imported (not a test file, not site-packages): a pool that grows as modules load. Which writer and
bench modules are loaded when a property starts depends on what ran before it (in the suite: the tests
before; in bench/fuzz_draft_new_kinds.py: the seeds before, and the first draft, which imports
writer.draft), so the same seed drew other events in one process than in another.
``keep_local_constants_out`` keeps that pool empty: Hypothesis's own edge values (0, 1, -1, powers of two,
NaN...) still come. tests/conftest.py calls it for the suite, the fuzz bench for its long runs.
"""

from hypothesis.internal.conjecture import providers
from hypothesis.internal.constants_ast import Constants

NO_LOCAL_CONSTANTS = Constants()


def keep_local_constants_out() -> None:
    """No constants from whichever local modules happen to be loaded: the same empty pool in every run.
    providers._get_local_constants is where Hypothesis 6.170 (constraints.txt) collects them;
    tests/test_hypothesis_reproducible.py fails if a later Hypothesis collects them elsewhere."""
    providers._get_local_constants = lambda: NO_LOCAL_CONSTANTS
