"""Where a figure was read: "on <data provider>" as a credit ("$301 million on CoinGlass").

A figure printed "on" a data provider, an on-chain tracker or a price feed (registry kinds ``PLACE_KINDS``) was
read there: "Liquidations reached $X on CoinGlass", "$X on CoinGlass and $Y on CoinAnk", "$X on CoinGlass alone"
name CoinGlass as the figure's source, as "according to CoinGlass" would. An exchange after "on" is where the
positions were, a venue ("$X of longs were liquidated on Binance"): no credit, not even of the exchange's own
official figure ("the largest single liquidation on Binance was $X" says where it happened, not who counted it).
A name after "on" that a verb of listing or trading governs ("listed on CoinMarketCap") is no credit either, unless what
is listed there is a figure ("the $333 million listed on CoinGlass").

The reading needs the registry's kinds: without a registry nothing is read here (a capitalised name after "on"
could be either).
"""

from __future__ import annotations

import re

# Registry kinds of a source a figure is read on (writer/factbase/vocabulary.py SourceKind): dashboards over many
# venues, chain trackers, price and index feeds. An exchange is a venue; media and social are where news circulates.
PLACE_KINDS = frozenset({"aggregator", "onchain", "market_data"})
# "on", "on both", "on either", "on the": what may stand right before a name credited as a place.
_ON_BEFORE = re.compile(r"(?<![\w-])on\s+(?:both\s+|either\s+|the\s+)?$", re.IGNORECASE)
# Verbs by which "on X" is where a token or a trade is, not where a figure was read.
_NOT_A_READING = re.compile(r"(?<![\w-])(?:listed|traded|trading|trades|launched|built|deployed|issued|minted|bridged)\s+"
                            r"(?:\w+\s+)?on\s+(?:both\s+|either\s+|the\s+)?$", re.IGNORECASE)
# ...unless what is listed is a figure: "the $333 million listed on CoinGlass" is where that figure was read (a token is
# listed on a venue, an amount on a dashboard).
_FIGURE_LISTED = re.compile(r"(?:[$€£]\s?\d[\d.,]*|\d[\d.,]*\s?%|\d[\d.,]*)(?:\s?(?:thousand|million|billion|trillion|[kmb]n?))?\s+"
                            r"(?:(?:dollars|usd|usdt)\s+)?(?:listed|shown|displayed)\s+(?:\w+\s+)?on\s+(?:both\s+|either\s+|the\s+)?$", re.IGNORECASE)
# How far back from a name its "on" may stand: "on both " is the longest opening read.
_REACH = 16
# Between two names of one list: "and", a comma, "&", "/".
_JOINED = re.compile(r"^(?:['’]s)?\s*(?:,|and|, and|&|/|or)?\s*$")


def kinds_of(registry) -> dict[str, str]:
    """Source id -> registry kind of a ``SourceRegistry`` (None: no registry, an empty map)."""
    return {sid: src.kind.value for sid, src in registry.sources.items()} if registry is not None else {}


def names_on(text: str, named) -> list[str]:
    """Source ids of ``named`` ((start, end, source id) of each registered name in ``text``, in order) that stand
    after "on", with the names joined to them as a list ("on both CoinGlass and CoinAnk")."""
    out: list[str] = []
    k = 0
    while k < len(named):
        start = named[k][0]
        if _ON_BEFORE.search(text[max(0, start - _REACH):start]) and not _not_a_reading(text[max(0, start - 5 * _REACH):start]):
            out.append(named[k][2])
            while k + 1 < len(named) and _JOINED.match(text[named[k][1]:named[k + 1][0]]):
                k += 1
                out.append(named[k][2])
        k += 1
    return out


def _not_a_reading(before: str) -> bool:
    """Does a verb of listing or trading govern the "on" that ends ``before`` ("listed on", "traded on"), with no figure
    as what it lists ("the $333 million listed on")?"""
    return bool(_NOT_A_READING.search(before[-3 * _REACH:])) and not _FIGURE_LISTED.search(before)


def placed_credits(text: str, named, kinds: dict[str, str]) -> set[str]:
    """Source ids credited as the place a figure was read: a provider of ``PLACE_KINDS`` after "on". ``named`` as
    for ``names_on``; ``kinds``: source id -> registry kind (empty: nothing is read)."""
    if not kinds or not named:
        return set()
    return {sid for sid in names_on(text, named) if kinds.get(sid) in PLACE_KINDS}


__all__ = ["PLACE_KINDS", "kinds_of", "names_on", "placed_credits"]
