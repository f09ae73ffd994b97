"""Every property test draws the same examples however the suite is run (tests/conftest.py says how).

The any-event property test drew other events in the full suite than alone, though derandomized:
Hypothesis also draws numbers written in the local modules loaded so far, and what is loaded depends
on what ran before. These tests fail if the draws come to depend on that again, or on a random seed
or an example database.
"""

from __future__ import annotations

import importlib
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

# Numbers a module loaded mid-run might hold (thresholds, sizes, prices), inside the ranges drawn below.
_PROBE = "PROBE = [" + ", ".join(str(1_000 + 7_919 * k) for k in range(1, 80)) + ", " \
         + ", ".join(f"{0.5 + 13.37 * k:.2f}" for k in range(1, 40)) + "]\n"


def _draws() -> list:
    """The examples one derandomized property draws (numbers of the widths the drafting tests draw)."""
    seen: list = []

    @settings(max_examples=150, derandomize=True, database=None)  # as conftest.py's profile; explicit, so this test needs no more
    @given(st.integers(1_000, 2_000_000), st.integers(10, 900_000),
           st.floats(min_value=-60, max_value=600, allow_nan=False), st.sampled_from(list(range(300))))
    def draw(a, b, x, pick):
        seen.append((a, b, x, pick))

    draw()
    return seen


def test_the_draws_do_not_depend_on_the_modules_loaded_before(tmp_path, monkeypatch):
    """The same property, run before and after a module full of numbers in its ranges is loaded, draws
    the same examples (without conftest.py's empty pool of local constants, the second run draws some
    of the module's numbers)."""
    before = _draws()
    (tmp_path / "steady_constants_probe.py").write_text(_PROBE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    probe = importlib.import_module("steady_constants_probe")
    try:
        assert len(probe.PROBE) > 100
        after = _draws()
    finally:
        sys.modules.pop("steady_constants_probe", None)
    assert after == before


def test_every_property_test_is_derandomized_without_an_example_database(request):
    """Unless a run chooses a profile of its own, every settings object a test builds inherits derandomize
    and no database: the draws follow from the test's source, not from a seed or an earlier run's
    .hypothesis/ folder."""
    profile = settings.get_profile("writer")
    assert profile.derandomize and profile.database is None and profile.deadline is None
    if request.config.getoption("hypothesis_profile", None) is None:
        built = settings(max_examples=5)  # as the test modules build theirs
        assert built.derandomize and built.database is None
