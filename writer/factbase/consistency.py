"""Consistency checks across facts, run once an event has loaded (DESIGN §2).

Each check yields ``(message, path_in_document)`` pairs; the loader turns them
into located problems. A contradiction names both facts and their lines so
the editor can decide which one is wrong. A gap within the event's tolerance
(rounding: 1.752 + 0.110 against 1.861) is not a contradiction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from writer.factbase.records import Fact
from writer.factbase.vocabulary import ADDITIVE_METRICS, Status

Finding = tuple[str, tuple]


def _money(v: float) -> str:
    return f"{v:,.0f}"


def _where(fact: Fact) -> str:
    return f"'{fact.id}' (line {fact.line})"


def sides_against_totals(facts: list[tuple[int, Fact]], tolerance: float) -> Iterator[Finding]:
    """Long + short must not exceed the total, nor fall short of it unless a side is a lower bound."""
    groups: dict[tuple, dict] = defaultdict(dict)
    for i, f in facts:
        if f.metric in ADDITIVE_METRICS and f.limits is not None:
            groups[(f.metric, f.unit, f.window, f.asset, f.venue, f.contract, f.assets, f.venues)].setdefault(f.side, (i, f))
    for group in groups.values():
        if None not in group:
            continue
        ti, total = group[None]
        sides = [group[s] for s in ("long", "short") if s in group]
        for si, side in sides:
            if side.limits[0] > total.limits[1] * (1 + tolerance):
                yield (
                    f"{side.side} figure {_where(side)} = {_money(side.limits[0])} is larger than the total {_where(total)} = {_money(total.limits[1])}",
                    ("facts", si),
                )
        if len(sides) == 2:
            (li, long_), (si, short_) = sides
            low = long_.limits[0] + short_.limits[0]
            high = long_.limits[1] + short_.limits[1]
            tlo, thi = total.limits
            if low > thi * (1 + tolerance):
                yield (
                    f"long {_where(long_)} + short {_where(short_)} = {_money(low)} exceeds the total {_where(total)} = {_money(thi)} beyond the tolerance ({tolerance:.0%})",
                    ("facts", li),
                )
            elif high < tlo * (1 - tolerance) and not (long_.lower_bound or short_.lower_bound or total.lower_bound):
                yield (
                    f"long {_where(long_)} + short {_where(short_)} = {_money(high)} falls short of the total {_where(total)} = {_money(tlo)} beyond the tolerance ({tolerance:.0%}); mark a side `lower_bound: true` if the feed is sampled",
                    ("facts", li),
                )


def parts_against_totals(facts: list[tuple[int, Fact]], tolerance: float) -> Iterator[Finding]:
    """Per-asset and per-venue figures must not add up to more than the total they are part of."""
    totals = {
        (f.metric, f.unit, f.window, f.side): (i, f)
        for i, f in facts
        if f.metric in ADDITIVE_METRICS and f.limits is not None and not (f.asset or f.venue or f.contract or f.assets or f.venues)
    }
    for dimension in ("asset", "venue"):
        parts: dict[tuple, list] = defaultdict(list)
        for i, f in facts:
            if f.metric in ADDITIVE_METRICS and f.limits is not None and getattr(f, dimension):
                other = "venue" if dimension == "asset" else "asset"
                if getattr(f, other) or f.contract or f.assets or f.venues:
                    continue  # a BTC-on-HTX figure is part of both; checked against neither sum to avoid double counting
                parts[(f.metric, f.unit, f.window, f.side)].append((i, f))
        for key, items in parts.items():
            if key not in totals or len({getattr(f, dimension) for _, f in items}) != len(items):
                continue
            ti, total = totals[key]
            low = sum(f.limits[0] for _, f in items)
            if low > total.limits[1] * (1 + tolerance):
                names = " + ".join(_where(f) for _, f in items)
                yield (f"per-{dimension} figures {names} add up to {_money(low)}, more than the total {_where(total)} = {_money(total.limits[1])}", ("facts", items[-1][0]))


def largest_against_totals(facts: list[tuple[int, Fact]], tolerance: float) -> Iterator[Finding]:
    """The largest single liquidation cannot exceed the liquidations it is one of."""
    totals = [(i, f) for i, f in facts if f.metric == "liquidations" and f.limits is not None]
    for i, f in facts:
        if f.metric != "largest_single_liquidation" or f.limits is None:
            continue
        for _, t in totals:
            covers = t.unit == f.unit and t.window == f.window and t.side in (None, f.side) and all(
                getattr(t, a) in (None, getattr(f, a)) for a in ("asset", "venue", "contract")
            )
            if covers and f.limits[0] > t.limits[1] * (1 + tolerance):
                yield (f"largest single liquidation {_where(f)} = {_money(f.limits[0])} exceeds the liquidations it belongs to, {_where(t)} = {_money(t.limits[1])}", ("facts", i))


CHECKS = (sides_against_totals, parts_against_totals, largest_against_totals)


def check_all(facts: list[tuple[int, Fact]], tolerance: float) -> list[Finding]:
    """Run every cross-fact check on (index in file, fact) pairs; unavailable facts take no part."""
    usable = [(i, f) for i, f in facts if f.status is not Status.UNAVAILABLE]
    return [finding for check in CHECKS for finding in check(usable, tolerance)]
