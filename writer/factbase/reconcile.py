"""From observations to a status, a value and a range (DESIGN §2).

The status of a figure is *derived* from who reported what; an explicit
status written by the editor is accepted only when the observations bear it
out (an editor may downgrade "single source" to "pending verification", but
cannot call one source "multi_source" or a real disagreement "single_source").
"""

from __future__ import annotations

from statistics import median

from writer.factbase.records import Observation, SourceRegistry
from writer.factbase.vocabulary import SourceKind, Status


class StatusConflict(ValueError):
    """The explicit status does not fit the observations; the message says why and what to write."""


def agree(observations: tuple[Observation, ...], tolerance: float) -> bool:
    """True when every source's figure lies within ``tolerance`` (relative) of every other's.

    Each source contributes an interval (a point is a zero-width interval);
    they agree when the highest low and the lowest high are no further apart
    than the tolerance allows, i.e. when one value could honestly stand for all.
    """
    lows = [o.bounds[0] for o in observations]
    highs = [o.bounds[1] for o in observations]
    gap = max(lows) - min(highs)
    scale = max(abs(max(lows)), abs(min(highs)), 1e-12)
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
    """Return (status, value, range) for one figure, or raise StatusConflict.

    Exactly one of ``value`` and ``range`` is set. ``value`` when one point can
    honestly stand for every observation (one source, or sources agreeing
    within the tolerance); ``range`` when it cannot (a dispute, or sources
    that only give ranges), and then it is the envelope of every observation,
    so it always contains them all. The envelope behind an agreed point is
    :func:`envelope`.
    """
    if explicit is Status.UNAVAILABLE:
        return Status.UNAVAILABLE, None, None
    sources = distinct_sources(observations)
    agreeing = agree(observations, tolerance)
    lo = min(o.bounds[0] for o in observations)
    hi = max(o.bounds[1] for o in observations)
    points = [o.value for o in observations if o.value is not None]

    status = explicit or _derived_status(sources, agreeing, registry)
    _check_explicit(status, explicit, sources, agreeing, registry)

    if status is Status.DISPUTED or not points:
        return status, None, (lo, hi)
    if not agreeing:
        return status, None, (lo, hi)
    return status, float(median(points)), None


def envelope(observations) -> tuple[float, float]:
    """The smallest interval holding every observation (what ``Fact.bounds`` reports)."""
    return (min(o.bounds[0] for o in observations), max(o.bounds[1] for o in observations))


def _derived_status(sources, agreeing, registry) -> Status:
    kinds = {registry[s].kind for s in sources if s in registry}
    if kinds == {SourceKind.SOCIAL}:
        return Status.RUMOR
    if len(sources) == 1:
        return Status.SINGLE_SOURCE
    return Status.MULTI_SOURCE if agreeing else Status.DISPUTED


def _check_explicit(status, explicit, sources, agreeing, registry) -> None:
    if explicit is None:
        return
    names = ", ".join(sources)
    if explicit is Status.MULTI_SOURCE:
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
        wrong = [s for s in sources if s in registry and registry[s].kind not in (SourceKind.EXCHANGE, SourceKind.ONCHAIN)]
        if wrong:
            raise StatusConflict(
                f"status 'official' needs the venue's own statement or an on-chain record; {', '.join(wrong)} is not an exchange or on-chain source"
            )
        if not agreeing:
            raise StatusConflict(f"status 'official' but {names} disagree beyond the tolerance")
