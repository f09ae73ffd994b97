"""Derived figures: long share, long/short ratio, sums of parts.

Derived figures are computed, never typed into a fact file, so an article's
"94%" can always be traced to the two figures it came from. Each derived
figure inherits the *weakest* status of its inputs, every qualifier they
share, and the union of their sources. Interval arithmetic keeps ranges
honest: a share of a disputed total is itself a range.
"""

from __future__ import annotations

from collections import defaultdict

from writer.errors import DerivationError
from writer.factbase.records import Fact, hedge_kinds
from writer.factbase.vocabulary import WINDOW_RE, Hedge, HedgeKind, Status, weakest, window_minutes


def _same(attr: str, facts: list[Fact], what: str) -> object:
    # Sources are compared as sets: the same two providers listed in another
    # order are the same provenance.
    key = (lambda f: frozenset(getattr(f, attr))) if attr == "sources" else (lambda f: getattr(f, attr))
    values = {key(f) for f in facts}
    if len(values) > 1:
        listing = ", ".join(f"{f.id} ({_shown(getattr(f, attr))})" for f in facts)
        raise DerivationError(f"cannot combine figures of different {what} into a {{kind}}: {listing}")
    return values.pop()


def _shown(value) -> str:
    if isinstance(value, tuple):
        return ", ".join(value) or "none"
    return str(value) if value else "none"


def _common(attr: str, facts: list[Fact]):
    values = {getattr(f, attr) for f in facts}
    return values.pop() if len(values) == 1 else None


def _check_inputs(facts: list[Fact], kind: str, *, same_sources: bool) -> None:
    for f in facts:
        if f.status is Status.UNAVAILABLE or f.bounds is None:
            raise DerivationError(f"cannot compute a {kind} from {f.id}: it has no value (status {f.status.value})")
        if f.magnitude is not None:
            raise DerivationError(f"cannot compute a {kind} from {f.id}: it is a vague magnitude ({f.magnitude.words}), not a number")
        if not f.is_exact:
            raise DerivationError(f"cannot compute a {kind} from {f.id}: its source gives only a floor or a ceiling ({_hedge_words(f)})")
    try:
        _same("unit", facts, "units")
        _same("span", facts, "windows")
        if same_sources:
            _same("sources", facts, "sources")
    except DerivationError as exc:
        raise DerivationError(str(exc).format(kind=kind)) from None
    _same_period(facts, kind)


def _hedge_words(f: Fact) -> str:
    h = f.hedge
    if isinstance(h, tuple):
        return " / ".join(x.words if x else "exact" for x in h)
    return h.words if h else "exact"


def _inherited_hedge(inputs: list[Fact]):
    """A figure computed from approximate inputs is itself approximate."""
    kinds = {k for f in inputs for k in hedge_kinds(f.hedge)}
    return Hedge.ABOUT if HedgeKind.APPROX in kinds else None


def _same_period(facts: list[Fact], kind: str) -> None:
    """Two 4-hour figures read ten hours apart cover different stretches of time.

    A window names a length, not a period; the observations' as-of times place
    it. Figures whose latest readings are more than half a window apart do not
    describe the same period, whatever their window says. Figures without
    as-of times cannot be placed and are taken at their word.
    """
    window = facts[0].window
    stamps = [max(times) for f in facts if (times := [o.as_of for o in f.observations if o.as_of is not None])]
    if window is None or len(stamps) < len(facts) or not WINDOW_RE.match(window):
        return
    if (max(stamps) - min(stamps)).total_seconds() > window_minutes(window) * 30:
        listing = ", ".join(f"{f.id} (as of {max(o.as_of for o in f.observations if o.as_of).isoformat()})" for f in facts)
        raise DerivationError(f"cannot combine figures of different {window} periods into a {kind}: {listing}")


def _derived(kind: str, inputs: list[Fact], *, fact_id: str, metric: str, unit: str, lo: float, hi: float, point: float | None, **extra) -> Fact:
    sources = tuple(dict.fromkeys(s for f in inputs for s in f.sources))
    status = weakest(f.status for f in inputs)
    return Fact(
        id=fact_id,
        metric=metric,
        unit=unit,
        status=status,
        # A point when the inputs give one (its interval kept as the envelope);
        # a range only when they do not, as for typed figures.
        value=point if point is not None else (lo if lo == hi else None),
        range=(lo, hi) if point is None and lo != hi else None,
        envelope=(lo, hi) if point is not None and lo != hi else None,
        sources=sources,
        window=_common("window", inputs),
        window_hedge=_common("window_hedge", inputs),
        to_date=_common("to_date", inputs),
        year=_common("year", inputs),
        side=extra.pop("side", _common("side", inputs)),
        asset=_common("asset", inputs),
        venue=_common("venue", inputs),
        contract=_common("contract", inputs),
        coverage=_common("coverage", inputs),
        assets=_common("assets", inputs) or (),
        venues=_common("venues", inputs) or (),
        hedge=_inherited_hedge(inputs),
        lower_bound=extra.pop("lower_bound", any(f.lower_bound for f in inputs)),
        derived_from=tuple(f.id for f in inputs),
        derivation=kind,
        path=inputs[0].path,
        line=inputs[0].line,
    )


def share(part: Fact, whole: Fact) -> Fact:
    """``part`` as a percentage of ``whole`` (a long share of total liquidations)."""
    _check_inputs([part, whole], "share", same_sources=True)
    if whole.lower_bound:
        raise DerivationError(f"cannot compute {part.id} as a share of {whole.id}: {whole.id} is only a lower bound")
    (plo, phi), (wlo, whi) = part.bounds, whole.bounds
    if wlo <= 0:
        raise DerivationError(f"cannot compute {part.id} as a share of {whole.id}: {whole.id} is not positive")
    lo, hi = 100 * plo / whi, 100 * phi / wlo
    point = 100 * part.value / whole.value if part.value is not None and whole.value is not None else None
    return _derived(
        "share", [part, whole], fact_id=f"{part.id}.share_of.{whole.id}", metric="share", unit="percent",
        lo=lo, hi=hi, point=point, side=part.side, lower_bound=part.lower_bound,
    )


def ratio(numerator: Fact, denominator: Fact) -> Fact:
    """``numerator / denominator`` (a long/short liquidation ratio)."""
    _check_inputs([numerator, denominator], "ratio", same_sources=True)
    if numerator.lower_bound or denominator.lower_bound:
        raise DerivationError(f"cannot compute a ratio of {numerator.id} to {denominator.id}: one of them is only a lower bound")
    (nlo, nhi), (dlo, dhi) = numerator.bounds, denominator.bounds
    if dlo <= 0:
        raise DerivationError(f"cannot compute a ratio to {denominator.id}: its value is not positive")
    point = numerator.value / denominator.value if numerator.value is not None and denominator.value is not None else None
    return _derived(
        "ratio", [numerator, denominator], fact_id=f"{numerator.id}.ratio_to.{denominator.id}", metric="ratio",
        unit="ratio", lo=nlo / dhi, hi=nhi / dlo, point=point, side=None,
    )


def total(parts: list[Fact], *, fact_id: str | None = None) -> Fact:
    """The sum of several parts of one quantity (long + short liquidations)."""
    if len(parts) < 2:
        raise DerivationError("a sum needs at least two figures")
    _check_inputs(parts, "sum", same_sources=False)
    try:
        _same("metric", parts, "metrics")
    except DerivationError as exc:
        raise DerivationError(str(exc).format(kind="sum")) from None
    lo = sum(p.bounds[0] for p in parts)
    hi = sum(p.bounds[1] for p in parts)
    point = sum(p.value for p in parts) if all(p.value is not None for p in parts) else None
    return _derived(
        "sum", parts, fact_id=fact_id or "sum." + "+".join(p.id for p in parts), metric=parts[0].metric,
        unit=parts[0].unit, lo=lo, hi=hi, point=point, side=None,
    )


def standard_derivations(facts: dict[str, Fact]) -> tuple[dict[str, Fact], list[str]]:
    """The derived figures every liquidation article wants, computed where the inputs allow.

    For each group of liquidation figures with the same window, asset, venue
    and contract: the long and short shares of the total, and the long/short
    ratio. A derivation the inputs do not allow (different sources, a lower
    bound) is skipped and the reason returned, so drafting can report it.
    """
    groups: dict[tuple, dict[str | None, Fact]] = defaultdict(dict)
    for f in facts.values():
        if f.metric == "liquidations" and f.status is not Status.UNAVAILABLE and f.bounds is not None and not f.each:  # one figure of several venues is no total of theirs
            key = (f.unit, f.span, f.asset, f.venue, f.contract, f.assets, f.venues, f.per)  # 2.4 trillion won is no share of a dollar total; nor a daily average of a weekly one
            groups[key].setdefault(f.side, f)
    derived: dict[str, Fact] = {}
    notes: list[str] = []
    for group in groups.values():
        whole, long_, short_ = group.get(None), group.get("long"), group.get("short")
        attempts = []
        if whole is not None:
            attempts += [(share, p, whole) for p in (long_, short_) if p is not None]
        if long_ is not None and short_ is not None:
            attempts.append((ratio, long_, short_))
        for fn, a, b in attempts:
            try:
                d = fn(a, b)
            except DerivationError as exc:
                notes.append(str(exc))
                continue
            derived[d.id] = d
    return derived, notes
