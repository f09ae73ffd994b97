"""From observations to a status, a value and a range (DESIGN §2).

The status of a figure is *derived* from who reported what; an explicit
status written by the editor is accepted only when the observations bear it
out (an editor may downgrade "single source" to "pending verification", but
cannot call one source "multi_source" or a real disagreement "single_source").
"""

from __future__ import annotations

from statistics import median

from writer.factbase.records import HedgeSpec, Observation, SourceRegistry, hedge_kinds
from writer.factbase.vocabulary import OFFICIAL_KINDS, Hedge, HedgeKind, Magnitude, SourceKind, Status


# Said wherever a status no longer fits because a source is an unnamed group: files written
# before a registry entry became a group (`group: true`) are rewritten by `writer facts migrate`.
GROUP_HINT = "use unnamed_group; `writer facts migrate` rewrites a file written before the source became a group"


class StatusConflict(ValueError):
    """The explicit status does not fit the observations; the message says why and what to write."""


def agree(observations: tuple[Observation, ...], tolerance: float) -> bool:
    """True when every source's figure lies within ``tolerance`` (relative) of every other's.

    Each source contributes an interval (a point is a zero-width interval);
    they agree when the highest low and the lowest high are no further apart
    than the tolerance allows, i.e. when one value could honestly stand for all.
    """
    lows = [o.limits[0] for o in observations]
    highs = [o.limits[1] for o in observations]
    gap = max(lows) - min(highs)
    scale = max(abs(max(lows)), abs(min(highs)), 1e-12)
    if scale == float("inf"):  # every source gives only a floor: they do not contradict each other
        return True
    return gap <= tolerance * scale


def distinct_sources(observations) -> tuple[str, ...]:
    """Source ids in first-seen order, each once."""
    return tuple(dict.fromkeys(o.source for o in observations))


def reconcile(
    observations: tuple[Observation, ...],
    explicit: Status | None,
    registry: SourceRegistry,
    tolerance: float,
) -> tuple[Status, float | None, tuple[float, float] | None]:
    """Status, value and range of a figure from its numeric observations (see :func:`reconcile_all`)."""
    status, value, rng, _, _ = reconcile_all(observations, explicit, registry, tolerance)
    return status, value, rng


def reconcile_all(
    observations: tuple[Observation, ...],
    explicit: Status | None,
    registry: SourceRegistry,
    tolerance: float,
) -> tuple[Status, float | None, tuple[float, float] | None, Magnitude | None, HedgeSpec]:
    """Return (status, value, range) for one figure, or raise StatusConflict.

    Exactly one of ``value`` and ``range`` is set. ``value`` when one point can
    honestly stand for every observation (one source, or sources agreeing
    within the tolerance); ``range`` when it cannot (a dispute, or sources
    that only give ranges), and then it is the envelope of every observation,
    so it always contains them all. The envelope behind an agreed point is
    :func:`envelope`.
    """
    if explicit is Status.UNAVAILABLE:
        return Status.UNAVAILABLE, None, None, None, None
    sources = distinct_sources(observations)
    numeric = tuple(o for o in observations if o.has_number)
    spread = any(o.spread for o in numeric)
    agreeing = agree(numeric, tolerance) and not spread if numeric else True

    status = explicit or _derived_status(sources, agreeing, registry, spread)
    _check_explicit(status, explicit, sources, agreeing, registry, spread)
    if not numeric:  # a statement without a number ("Extreme Fear", "longs dominated")
        return status, None, None, None, None

    hedge = common_hedge(numeric)
    points = [o.value for o in numeric if o.value is not None]
    # An exact or approximate figure says more than a floor or a ceiling beside it.
    plain = [o.value for o in numeric if o.value is not None and set(hedge_kinds(o.hedge)) <= {None, HedgeKind.APPROX}]
    points = plain or points
    magnitudes = {o.magnitude for o in numeric if o.magnitude is not None}
    if not points and not any(o.range is not None for o in numeric):
        if len(magnitudes) > 1:
            raise StatusConflict(
                f"{', '.join(sources)} give different magnitudes ({', '.join(sorted(m.words for m in magnitudes))}); "
                "record each as its own figure, or give the numbers they report"
            )
        return status, None, None, magnitudes.pop(), None
    if magnitudes and not agreeing:
        raise StatusConflict(
            f"{', '.join(sources)} disagree, and some give only a vague magnitude ({', '.join(sorted(m.words for m in magnitudes))}): "
            "a range cannot be made from words without inventing its ends; record the magnitude as its own figure"
        )
    # Words that agree with the numbers add nothing to them; a range is made from numbers only.
    lo, hi = envelope(numeric)
    if status is Status.DISPUTED or not points or not agreeing:
        return status, None, (lo, hi), None, hedge
    return status, float(median(points)), None, None, hedge


def common_hedge(observations) -> HedgeSpec:
    """The qualifier a reconciled figure carries: the sources' own when they share it.

    Approximate words mixed with exact figures read "about"; a floor or a
    ceiling survives only when every source gives it (one exact figure among
    "over" figures is a stronger statement than a floor), otherwise the figure
    carries none. For a single source this is its hedge, as given.
    """
    hedges = {o.hedge for o in observations}
    if len(hedges) == 1:
        return hedges.pop()
    kinds = {k for h in hedges for k in hedge_kinds(h)}
    if kinds <= {None, HedgeKind.APPROX}:
        return Hedge.ABOUT
    return None


def envelope(observations) -> tuple[float, float]:
    """The smallest interval holding every numeric observation (what ``Fact.bounds`` reports)."""
    numeric = [o for o in observations if o.has_number]
    numbers = [o for o in numeric if o.magnitude is None] or numeric  # words beside numbers add no ends
    return (min(o.bounds[0] for o in numbers), max(o.bounds[1] for o in numbers))


def _is_group(registry, source_id: str) -> bool:
    return source_id in registry and registry[source_id].group


def _derived_status(sources, agreeing, registry, spread: bool = False) -> Status:
    kinds = {registry[s].kind for s in sources if s in registry}
    if kinds == {SourceKind.SOCIAL}:
        return Status.RUMOR
    named = [s for s in sources if not _is_group(registry, s)]
    if spread:
        return Status.DISPUTED
    if len(named) >= 2 or (len(sources) >= 2 and not agreeing):
        return Status.MULTI_SOURCE if agreeing else Status.DISPUTED
    if len(named) < len(sources):  # an unnamed group, alone or beside one named source
        return Status.UNNAMED_GROUP
    return Status.SINGLE_SOURCE


def _check_explicit(status, explicit, sources, agreeing, registry, spread: bool = False) -> None:
    if explicit is None:
        return
    names = ", ".join(sources)
    groups = [s for s in sources if _is_group(registry, s)]
    if explicit is Status.SINGLE_SOURCE and groups:
        raise StatusConflict(f"status 'single_source' but {', '.join(groups)} is an unnamed group of sources ({GROUP_HINT})")
    if explicit is Status.UNNAMED_GROUP:
        if not groups:
            raise StatusConflict(f"status 'unnamed_group' needs a source marked `group: true` in the registry; {names} are named sources")
        if not agreeing:
            raise StatusConflict(f"status 'unnamed_group' but the figures differ ({'a spread' if spread else names}); use disputed")
        return
    if explicit is Status.DISPUTED and spread:
        return  # one unnamed group reporting the spread between its members
    if explicit is Status.MULTI_SOURCE:
        if groups and len(sources) - len(groups) < 2:
            raise StatusConflict(f"status 'multi_source' needs two or more named sources; {', '.join(groups)} is an unnamed group ({GROUP_HINT})")
        if len(sources) < 2:
            raise StatusConflict(f"status 'multi_source' needs two or more sources; only {names} reported it (use single_source)")
        if not agreeing:
            raise StatusConflict(f"status 'multi_source' but {names} disagree beyond the tolerance (use disputed)")
    elif explicit is Status.DISPUTED:
        if len(sources) < 2:
            raise StatusConflict(f"status 'disputed' needs two or more sources that disagree; only {names} reported it")
        if agreeing:
            raise StatusConflict(f"status 'disputed' but {names} agree within the tolerance (use multi_source, or lower `tolerance`)")
    elif explicit is Status.SINGLE_SOURCE:
        if len(sources) != 1:
            raise StatusConflict(f"status 'single_source' but {len(sources)} sources reported it ({names}); use multi_source or disputed")
    elif explicit is Status.OFFICIAL:
        problem = official_problem(sources, registry)
        if problem:
            raise StatusConflict(problem)
        if not agreeing:
            raise StatusConflict(f"status 'official' but {names} disagree beyond the tolerance")

def official_problem(sources, registry) -> str | None:
    """Why ``status: official`` does not fit these sources (a figure's or a context item's), or None: only a
    publisher's own figures are official, so every source must be of a kind in OFFICIAL_KINDS."""
    wrong = [s for s in sources if s in registry and registry[s].kind not in OFFICIAL_KINDS]
    if not wrong:
        return None
    return (f"status 'official' needs the publisher's own figures (a venue's statement, an on-chain record, a statistics agency's "
            f"or central bank's release); {', '.join(wrong)} is not an exchange, on-chain or official_statistics source")
