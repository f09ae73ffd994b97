"""Which supports a figure could be linked to, found by value instead of by trying them all.

``linking.link`` scores a figure against a support only when the value fits it
(``value_match``) or could be a mistyped version of it (``plausible_edit``:
within a factor of ten). Scoring every figure against every support made a
draft's self-check quadratic in the number of facts (1,000 facts: 96 s). This
index, built once per fact base, sorts the supports by value so each figure
looks only at those inside the two windows ``linking.value_window`` and
``linking.edit_window`` give; the candidates come back in the supports' own
order, so ``link`` picks exactly what the all-pairs scan picks (tested against
it in tests/test_linking_index.py).
"""

from __future__ import annotations

import bisect
import math

from writer.check.figures import Figure
from writer.check.linking import Support, edit_window, value_window


class SupportIndex:
    """The supports of one fact base, by value (points), by low end (ranges) and by midpoint size."""

    def __init__(self, supports: list[Support]):
        self.supports = supports
        points: list[tuple[float, int]] = []
        ranges: list[tuple[float, float, int]] = []
        mids: dict[str | None, list[tuple[float, int]]] = {}  # by the fact's asset
        self._always: list[int] = []  # non-finite values and zero midpoints: never filtered out
        for i, s in enumerate(supports):
            if not (math.isfinite(s.lo) and math.isfinite(s.hi)):
                self._always.append(i)
                continue
            for lo, hi in ((s.lo, s.hi), (-s.hi, -s.lo)) if s.hi < 0 else ((s.lo, s.hi),):  # "fell 3.4%"
                if lo == hi:
                    points.append((lo, i))
                else:
                    ranges.append((lo, hi, i))
            mid = abs((s.lo + s.hi) / 2)
            if mid == 0:
                self._always.append(i)
            elif s.fact is not None:  # only a fact's value can be mistyped
                mids.setdefault(s.fact.asset, []).append((mid, i))
        points.sort()
        ranges.sort()
        self._point_values = [v for v, _ in points]
        self._point_ids = [i for _, i in points]
        self._range_los = [lo for lo, _, _ in ranges]
        self._ranges = ranges
        self._mids = {asset: _Sorted(pairs) for asset, pairs in mids.items()}
        self._all_mids = _Sorted([pair for pairs in mids.values() for pair in pairs])

    def candidates(self, fig: Figure, assets: frozenset[str] = frozenset()) -> list[Support]:
        """Every support ``link`` could do anything with for ``fig``, in the supports' order.

        ``assets``: the assets the figure's words name (``Cues.assets``); a fact of another asset
        conflicts with them, so it is never read as the fact a mistyped value was meant for."""
        a, b = value_window(fig)
        if math.isnan(a) or math.isnan(b):
            return self.supports
        found = set(self._always)
        found.update(self._point_ids[bisect.bisect_left(self._point_values, a):bisect.bisect_right(self._point_values, b)])
        # A range meets [a, b] when it starts by b and ends from a (ranges are few: disputed facts, bands).
        for lo, hi, i in self._ranges[:bisect.bisect_right(self._range_los, b)]:
            if hi >= a:
                found.add(i)
        if fig.qualifier != "vague":  # a vague figure is never read as a mistyped value
            window = edit_window(fig)
            if window is None:
                return self.supports
            groups = [self._mids[a] for a in (None, *assets) if a in self._mids] if assets else [self._all_mids]
            for group in groups:
                found.update(group.between(*window))
        return [self.supports[i] for i in sorted(found)]


class _Sorted:
    """Support positions sorted by a value, for range queries."""

    def __init__(self, pairs: list[tuple[float, int]]):
        pairs = sorted(pairs)
        self.values = [v for v, _ in pairs]
        self.ids = [i for _, i in pairs]

    def between(self, lo: float, hi: float) -> list[int]:
        return self.ids[bisect.bisect_left(self.values, lo):bisect.bisect_right(self.values, hi)]
