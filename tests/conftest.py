"""Fixtures every test module can use (the real-browser harness, see tests/browser.py), and Hypothesis
settings that make every property test draw the same examples however the suite is run.

Reproducible draws (tests/test_hypothesis_reproducible.py checks both):

- Every Hypothesis test is derandomized, with no example database: its examples follow from its own
  source alone, never from an earlier run's ``.hypothesis/`` folder or a fresh random seed, so a fresh
  clone in CI draws what a desk machine draws. No deadline: a slow example on a loaded machine is no
  failure (Hypothesis's own ``ci`` profile says the same). ``--hypothesis-profile`` and
  ``--hypothesis-seed=N`` still choose otherwise for a long run.
- Hypothesis also draws, now and then, a number or string written in any *local* module already
  imported, a pool that grows as modules load, so the same derandomized test drew other examples in the
  full suite than alone (three drafting and linking faults surfaced only in CI). tests/steady_draws.py
  keeps the pool empty, here and in ``bench/fuzz_draft_new_kinds.py`` (the long search with chosen seeds).
"""

import pytest
from hypothesis import HealthCheck, settings

from steady_draws import keep_local_constants_out

pytest_plugins = ("browser",)

settings.register_profile("writer", derandomize=True, database=None, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("writer")  # before the test modules build their own settings on top of it

keep_local_constants_out()  # the same draws whatever ran before (tests/steady_draws.py)


@pytest.fixture(scope="session")
def checker():
    """One fact-free checker with no source registry, shared by the pattern tests (a module may define its own)."""
    from writer.check import Checker

    return Checker()
