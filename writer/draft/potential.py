"""Potential or realised: which kind of estimate a figure is (one rule, for the view and the layer)."""

from __future__ import annotations

from writer.factbase.records import Fact
from writer.factbase.vocabulary import POTENTIAL_METRICS


def is_potential(fact: Fact) -> bool:
    """An estimate of liquidations that could happen (a heat map's cluster, liquidations pinned to a price
    or with no window), as against an estimate of what did happen but was not counted ("the real total
    was $8-10 billion over the day"), which is set against the reported figures."""
    if fact.metric in POTENTIAL_METRICS:
        return True
    pinned = fact.price_level is not None or fact.price_band is not None or bool(fact.direction)
    return fact.metric == "liquidations" and (pinned or not fact.window)
