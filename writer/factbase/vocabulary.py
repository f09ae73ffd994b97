"""The provenance vocabulary of DESIGN §2, in one place.

Everything that names a status, a metric, a unit, a side or a window is
defined here so the loader, drafting and the check agree on spelling and on
the order of strength used when a derived figure inherits "the weakest
provenance of its inputs".
"""

from __future__ import annotations

import re
from enum import Enum


class Status(str, Enum):
    """How far a figure can be trusted, from the article's point of view."""

    MULTI_SOURCE = "multi_source"
    OFFICIAL = "official"
    SINGLE_SOURCE = "single_source"
    DISPUTED = "disputed"
    ESTIMATE = "estimate"
    PENDING_VERIFICATION = "pending_verification"
    RUMOR = "rumor"
    UNAVAILABLE = "unavailable"

    @property
    def strength(self) -> int:
        """Higher is stronger. Derived figures take the minimum over their inputs."""
        return _STRENGTH[self]

    @property
    def headline_safe(self) -> bool:
        """Statuses whose numbers may appear in a headline or lede (DESIGN §2 table)."""
        return self in (Status.MULTI_SOURCE, Status.OFFICIAL, Status.SINGLE_SOURCE, Status.DISPUTED)


# An explicit order rather than enum order: an editor reading this table should
# see at once that a disputed range is weaker than one source's point figure
# (it may be wrong by the width of the range) but stronger than any estimate.
_STRENGTH = {
    Status.MULTI_SOURCE: 7,
    Status.OFFICIAL: 6,
    Status.SINGLE_SOURCE: 5,
    Status.DISPUTED: 4,
    Status.ESTIMATE: 3,
    Status.PENDING_VERIFICATION: 2,
    Status.RUMOR: 1,
    Status.UNAVAILABLE: 0,
}


def weakest(statuses) -> Status:
    """The weakest of several statuses (the one a derived figure inherits)."""
    return min(statuses, key=lambda s: s.strength)


class SourceKind(str, Enum):
    AGGREGATOR = "aggregator"  # CoinGlass, CoinAnk: dashboards over many venues
    EXCHANGE = "exchange"  # a venue reporting on itself
    ONCHAIN = "onchain"  # on-chain trackers (Arkham, Lookonchain) and chain records
    MEDIA = "media"  # news outlets
    SOCIAL = "social"  # posts on X, Telegram, community claims
    RESEARCH = "research"  # research briefs, analysts' notes
    PERSON = "person"  # a named individual speaking for themselves
    DESK = "desk"  # the desk's own data or an unnamed provider the desk vouches for
    MARKET_DATA = "market_data"  # price and index feeds (CoinMarketCap, exchanges' tickers)


class Side(str, Enum):
    LONG = "long"
    SHORT = "short"


class Direction(str, Enum):
    ABOVE = "above"
    BELOW = "below"


class Unit(str, Enum):
    """Units a figure can carry. Crypto-asset amounts use the asset ticker via ``asset_unit``."""

    USD = "USD"
    PERCENT = "percent"
    COUNT = "count"
    RATIO = "ratio"
    INDEX = "index"  # index points (Fear & Greed, Nikkei 225)
    COINS = "coins"  # an amount of the fact's `asset` (21 million BTC, 5,000 ETH moved)


# Metrics a fact can measure, with the unit each expects. A dictionary rather than
# an Enum so the help text lives next to the name and the JSON Schema can show it.
METRICS: dict[str, tuple[tuple[Unit, ...], str]] = {
    "liquidations": ((Unit.USD,), "liquidated notional; qualify with side / asset / venue / contract"),
    "liquidated_accounts": ((Unit.COUNT,), "number of traders or accounts liquidated"),
    "largest_single_liquidation": ((Unit.USD,), "the largest single liquidation order"),
    "liquidation_orders": ((Unit.COUNT,), "liquidation orders counted in a feed (orders, not traders or accounts)"),
    "price_level": ((Unit.USD,), "a price level crossed or reached (qualify with asset and direction)"),
    "price_change": ((Unit.PERCENT,), "a price move over the window"),
    "pressure_zone": ((Unit.USD,), "liquidations that would trigger at a price level or band (an estimate)"),
    "position_concentration": ((Unit.USD,), "positions said to sit at a price level or band"),
    "open_interest": ((Unit.USD,), "open interest"),
    "open_interest_change": ((Unit.PERCENT, Unit.USD), "change in open interest"),
    "funding_rate": ((Unit.PERCENT,), "perpetual funding rate"),
    "long_short_position_ratio": ((Unit.RATIO,), "a venue's long/short account ratio (not derived from liquidations)"),
    "market_cap": ((Unit.USD,), "total or per-asset market capitalisation"),
    "market_cap_change": ((Unit.USD, Unit.PERCENT), "change in market capitalisation"),
    "sentiment_index": ((Unit.INDEX,), "a sentiment reading such as the Fear & Greed index"),
    "index_level": ((Unit.INDEX,), "a market index level (Nikkei 225, S&P 500)"),
    "trader_loss": ((Unit.USD,), "a named or described trader's loss"),
    "onchain_transfer": ((Unit.USD, Unit.COINS), "coins moved on chain (qualify with subject and asset)"),
    "historical_liquidations": ((Unit.USD,), "liquidations on a past date, for comparison"),
    "supply": ((Unit.COINS,), "an asset's supply or supply cap"),
    "volume": ((Unit.USD,), "traded volume"),
}

# Metrics where a side (long/short) split of a total makes sense; consistency
# checks add sides and parts only for these.
ADDITIVE_METRICS = frozenset({"liquidations", "liquidated_accounts"})

# Metrics whose figures are, by nature, potential rather than realised.
POTENTIAL_METRICS = frozenset({"pressure_zone"})

WINDOW_RE = re.compile(r"^(\d+)(m|h|d|w|mo)$")
_WINDOW_MINUTES = {"m": 1, "h": 60, "d": 60 * 24, "w": 60 * 24 * 7, "mo": 60 * 24 * 30}


def window_minutes(window: str) -> int:
    """Length of a window such as ``24h`` or ``60m`` in minutes (``1mo`` counts 30 days)."""
    m = WINDOW_RE.match(window)
    if not m:
        raise ValueError(f"not a window: {window!r}")
    return int(m.group(1)) * _WINDOW_MINUTES[m.group(2)]


ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
EVENT_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")
