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
        if f.metric in ADDITIVE_METRICS and f.limits is not None and not f.each:  # a figure each venue shows adds up to no total
            # an average per day is no part of a total; a subject ('altcoins', 'a whale') scopes a figure like an asset
            groups[(f.metric, f.unit, f.span, f.asset, f.venue, f.contract, f.assets, f.venues, f.subject, f.per)].setdefault(f.side, (i, f))
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
        (f.metric, f.unit, f.span, f.side, f.per): (i, f)
        for i, f in facts
        if f.metric in ADDITIVE_METRICS and f.limits is not None and not (f.asset or f.venue or f.contract or f.assets or f.venues or f.subject)
    }
    for dimension in ("asset", "venue"):
        parts: dict[tuple, list] = defaultdict(list)
        for i, f in facts:
            if f.metric in ADDITIVE_METRICS and f.limits is not None and getattr(f, dimension):
                other = "venue" if dimension == "asset" else "asset"
                if getattr(f, other) or f.contract or f.assets or f.venues or f.subject:
                    continue  # a BTC-on-HTX figure is part of both; checked against neither sum to avoid double counting
                parts[(f.metric, f.unit, f.span, f.side, f.per)].append((i, f))
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
            covers = t.unit == f.unit and t.span == f.span and t.side in (None, f.side) and t.per is None and all(
                getattr(t, a) in (None, getattr(f, a)) for a in ("asset", "venue", "contract", "subject")
            )
            if covers and f.limits[0] > t.limits[1] * (1 + tolerance):
                yield (f"largest single liquidation {_where(f)} = {_money(f.limits[0])} exceeds the liquidations it belongs to, {_where(t)} = {_money(t.limits[1])}", ("facts", i))


def ranks_against_values(facts: list[tuple[int, Fact]], tolerance: float) -> Iterator[Finding]:
    """A figure ranked above another of the same kind cannot be smaller than it ("second spot" below the first)."""
    kinds: dict[tuple, list[tuple[int, Fact]]] = defaultdict(list)
    for i, f in facts:
        if f.rank is not None and f.limits is not None:
            kinds[(f.metric, f.unit, f.span, f.side, bool(f.asset), bool(f.venue), f.per)].append((i, f))
    for ranked in kinds.values():
        for i, higher in ranked:
            for _, lower in ranked:
                if higher.rank < lower.rank and higher.limits[1] * (1 + tolerance) < lower.limits[0]:
                    yield (
                        f"{_where(higher)} is ranked {higher.rank} but is smaller than {_where(lower)}, ranked {lower.rank} "
                        f"({_money(higher.limits[1])} against {_money(lower.limits[0])})",
                        ("facts", i, "rank"),
                    )


def _widened(limits: tuple[float, float], tolerance: float) -> tuple[float, float]:
    """Where a figure's true value may lie, once its rounding (the event's tolerance) is allowed for."""
    lo, hi = limits
    return (lo * (1 - tolerance), hi * (1 + tolerance))


def series_against_ends(facts: list[tuple[int, Fact]], tolerance: float) -> Iterator[Finding]:
    """A change linked to its two ends ("from 300,000 to 1.4 million, up 367%") must follow from them:
    its direction and, within the rounding of all three figures, its size."""
    by_id = {f.id: f for _, f in facts}
    for i, f in facts:
        start, end = by_id.get(f.from_fact or ""), by_id.get(f.to_fact or "")
        if start is None or end is None or start.limits is None or end.limits is None or f.limits is None:
            continue  # an unknown id is reported by the loader; a gap has no size to check
        if start.unit != end.unit:
            yield (f"the ends of {_where(f)} are in different units ({start.unit}, {end.unit})", ("facts", i, "to_fact"))
            continue
        (flo, fhi), (tlo, thi) = _widened(start.limits, tolerance), _widened(end.limits, tolerance)
        if f.unit == "percent":
            if flo <= 0:
                continue  # a change from zero has no percentage
            possible = ((tlo - fhi) / fhi * 100, (thi - flo) / flo * 100)
        elif f.unit == start.unit:
            possible = (tlo - fhi, thi - flo)
        else:
            yield (f"{_where(f)} is in {f.unit!r}, its ends in {start.unit!r}: a change is in percent or in the ends' unit", ("facts", i, "unit"))
            continue
        lo, hi = _widened(f.limits, tolerance)
        stated = (-hi, -lo) if f.change in ("fall", "outflow") else (lo, hi)
        if stated[1] < possible[0] or stated[0] > possible[1]:
            yield (
                f"{_where(f)} does not follow from {_where(start)} to {_where(end)}: those give a change of "
                f"{_signed(possible[0], f.unit)} to {_signed(possible[1], f.unit)}",
                ("facts", i, "observations"),
            )


def _signed(v: float, unit: str) -> str:
    return f"{v:+.1f}%" if unit == "percent" else f"{v:+,.0f}"


CHECKS = (sides_against_totals, parts_against_totals, largest_against_totals, ranks_against_values, series_against_ends)


def check_all(facts: list[tuple[int, Fact]], tolerance: float) -> list[Finding]:
    """Run every cross-fact check on (index in file, fact) pairs; unavailable facts take no part."""
    usable = [(i, f) for i, f in facts if f.status is not Status.UNAVAILABLE]
    return [finding for check in CHECKS for finding in check(usable, tolerance)]
