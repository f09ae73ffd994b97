"""Fixtures every test module can use (the real-browser harness, see tests/browser.py), and Hypothesis
settings that make every property test draw the same examples however the suite is run.

Reproducible draws (tests/test_hypothesis_reproducible.py checks both):

- Every Hypothesis test is derandomized, with no example database: its examples follow from its own
  source alone, never from an earlier run's ``.hypothesis/`` folder or a fresh random seed, so a fresh
  clone in CI draws what a desk machine draws. No deadline: a slow example on a loaded machine is no
  failure (Hypothesis's own ``ci`` profile says the same). ``--hypothesis-profile`` and
  ``--hypothesis-seed=N`` still choose otherwise for a long run.
- Hypothesis (6.131 and later) also draws, now and then, a number or string written in any *local*
  module already imported (not a test file, not site-packages): a pool that grows as modules load. Which
  writer and bench modules are loaded when a property test starts depends on what ran before it (alone,
  ``writer.draft`` is imported by its first example; in the full suite, ``writer.publish``, the
  importers and the bench scripts are too), so the same derandomized test drew other examples in the
  full suite than alone. That is how three drafting and linking faults surfaced only in CI. The pool
  is kept empty here; Hypothesis's own edge values (0, 1, -1, powers of two, NaN...) still come, and
  ``bench/fuzz_draft_new_kinds.py`` is the long search with chosen seeds.
"""

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.internal.conjecture import providers
from hypothesis.internal.constants_ast import Constants

pytest_plugins = ("browser",)

settings.register_profile("writer", derandomize=True, database=None, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("writer")  # before the test modules build their own settings on top of it

# No constants from whichever local modules happen to be loaded (see above): the same empty pool in
# every run. providers._get_local_constants is where Hypothesis 6.170 (constraints.txt) collects them;
# the test of this file fails if a later Hypothesis collects them elsewhere.
NO_LOCAL_CONSTANTS = Constants()
providers._get_local_constants = lambda: NO_LOCAL_CONSTANTS


@pytest.fixture(scope="session")
def checker():
    """One fact-free checker with no source registry, shared by the pattern tests (a module may define its own)."""
    from writer.check import Checker

    return Checker()
