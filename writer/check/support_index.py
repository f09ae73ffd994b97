"""Which supports a figure could be linked to, found by value instead of by trying them all.

``linking.link`` scores a figure against a support only when the value fits it
(``value_match``) or could be a mistyped version of it (``plausible_edit``:
within a factor of ten). Scoring every figure against every support made a
draft's self-check quadratic in the number of facts (1,000 facts: 96 s). This
index, built once per fact base, sorts the supports by value so each figure
looks only at those inside the two windows ``linking.value_window`` and
``linking.edit_window`` give.

When the figure's words name assets, a fact of *another* asset conflicts with
them: it can only be the link if nothing the words describe scores as well.
Such facts are grouped by everything the score reads except the asset (one
score per group, not per fact), and a group is opened only when its score can
reach the best one. ``link`` picks exactly what the all-pairs scan picks
(tested against it in tests/test_linking_index.py).
"""

from __future__ import annotations

import bisect
import dataclasses
import math
from collections.abc import Callable

from writer.check.figures import Figure
from writer.check.linking import Support, edit_window, value_window


class _Values:
    """Positions of supports, by value (points) and by low end (ranges), for window queries."""

    def __init__(self, entries: list[tuple[float, float, int]]):
        points = sorted((lo, i) for lo, hi, i in entries if lo == hi)
        self.ranges = sorted((lo, hi, i) for lo, hi, i in entries if lo != hi)
        self.point_values = [v for v, _ in points]
        self.point_ids = [i for _, i in points]
        self.range_los = [lo for lo, _, _ in self.ranges]

    def meeting(self, a: float, b: float) -> list[int]:
        """Supports whose value or range meets [a, b] (ranges are few: disputed facts, bands)."""
        out = self.point_ids[bisect.bisect_left(self.point_values, a):bisect.bisect_right(self.point_values, b)]
        out += [i for lo, hi, i in self.ranges[:bisect.bisect_right(self.range_los, b)] if hi >= a]
        return out


class _Sorted:
    """Support positions sorted by a value, for range queries."""

    def __init__(self, pairs: list[tuple[float, int]]):
        pairs = sorted(pairs)
        self.values = [v for v, _ in pairs]
        self.ids = [i for _, i in pairs]

    def between(self, lo: float, hi: float) -> list[int]:
        return self.ids[bisect.bisect_left(self.values, lo):bisect.bisect_right(self.values, hi)]


def _intervals(s: Support) -> tuple[tuple[float, float], ...]:
    """The support's interval, and its mirror when it is negative ("fell 3.4%" prints the magnitude)."""
    return ((s.lo, s.hi), (-s.hi, -s.lo)) if s.hi < 0 else ((s.lo, s.hi),)


def _signature(s: Support) -> tuple:
    """Everything ``linking._score`` reads of a support but its fact's asset."""
    f = s.fact
    return (s.sources, s.status, s.anchor, f.side, f.window, f.venue, f.direction, f.metric)


# An asset no words name: the stand-in a group is scored with is a fact of "some other asset".
_OTHER_ASSET = "\x00other asset"


def _foreign_stand_in(s: Support) -> Support:
    return dataclasses.replace(s, fact=dataclasses.replace(s.fact, asset=_OTHER_ASSET))


ForeignGroup = tuple[Support, Callable[[], list[Support]]]


class SupportIndex:
    """The supports of one fact base, by value, by asset and by midpoint size."""

    def __init__(self, supports: list[Support]):
        self.supports = supports
        self._position = {id(s): i for i, s in enumerate(supports)}
        by_asset: dict[str | None, list[tuple[float, float, int]]] = {}
        by_signature: dict[tuple, list[tuple[float, float, int]]] = {}
        mids: dict[str | None, list[tuple[float, int]]] = {}
        self._always: list[int] = []  # non-finite values and zero midpoints: never filtered out
        self._representative: dict[tuple, Support] = {}
        for i, s in enumerate(supports):
            if not (math.isfinite(s.lo) and math.isfinite(s.hi)):
                self._always.append(i)
                continue
            asset = s.fact.asset if s.fact is not None else None
            for lo, hi in _intervals(s):
                by_asset.setdefault(asset, []).append((lo, hi, i))
                if asset is not None:
                    sig = _signature(s)
                    if sig not in self._representative:
                        self._representative[sig] = _foreign_stand_in(s)
                    by_signature.setdefault(sig, []).append((lo, hi, i))
            mid = abs((s.lo + s.hi) / 2)
            if mid == 0:
                self._always.append(i)
            elif s.fact is not None:  # only a fact's value can be mistyped
                mids.setdefault(asset, []).append((mid, i))
        self._always_set = frozenset(self._always)
        self._by_asset = {asset: _Values(entries) for asset, entries in by_asset.items()}
        self._all = _Values([e for entries in by_asset.values() for e in entries])
        self._by_signature = {sig: _Values(entries) for sig, entries in by_signature.items()}
        self._mids = {asset: _Sorted(pairs) for asset, pairs in mids.items()}
        self._all_mids = _Sorted([pair for pairs in mids.values() for pair in pairs])

    def position(self, s: Support) -> int:
        return self._position[id(s)]

    def lookup(self, fig: Figure, assets: frozenset[str] = frozenset()) -> tuple[list[Support], list[ForeignGroup]]:
        """(candidates, foreign groups) for ``fig``: every support ``link`` could do anything with,
        in the supports' order; when the words name ``assets`` (``Cues.assets``), the facts of
        other assets apart, per group (a representative, and a function giving the group's
        facts whose value could fit, in order)."""
        a, b = value_window(fig)
        window = edit_window(fig) if fig.qualifier != "vague" else ()  # a vague figure is never read as a mistyped value
        if math.isnan(a) or math.isnan(b) or window is None:
            return self.supports, []
        found = set(self._always)
        if assets:
            for key in (None, *assets):
                if key in self._by_asset:
                    found.update(self._by_asset[key].meeting(a, b))
        else:
            found.update(self._all.meeting(a, b))
        if window:
            groups = [self._mids[key] for key in (None, *assets) if key in self._mids] if assets else [self._all_mids]
            for group in groups:
                found.update(group.between(*window))
        pool = [self.supports[i] for i in sorted(found)]
        if not assets:
            return pool, []
        foreign = [(self._representative[sig], self._members(values, a, b, assets)) for sig, values in self._by_signature.items()]
        return pool, foreign

    def _members(self, values: _Values, a: float, b: float, assets: frozenset[str]) -> Callable[[], list[Support]]:
        def members() -> list[Support]:
            ids = sorted(set(values.meeting(a, b)) - self._always_set)  # those are in the candidates already
            return [self.supports[i] for i in ids if self.supports[i].fact.asset not in assets]
        return members

    def candidates(self, fig: Figure) -> list[Support]:
        """Every support ``link`` could do anything with for ``fig`` (no asset named), in order."""
        return self.lookup(fig)[0]
