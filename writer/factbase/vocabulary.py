"""The provenance vocabulary of DESIGN §2, in one place.

Everything that names a status, a metric, a unit, a side or a window is
defined here so the loader, drafting and the check agree on spelling and on
the order of strength used when a derived figure inherits "the weakest
provenance of its inputs".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Status(str, Enum):
    """How far a figure can be trusted, from the article's point of view."""

    MULTI_SOURCE = "multi_source"
    OFFICIAL = "official"
    SINGLE_SOURCE = "single_source"
    UNNAMED_GROUP = "unnamed_group"
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
        return self in (Status.MULTI_SOURCE, Status.OFFICIAL, Status.SINGLE_SOURCE, Status.UNNAMED_GROUP, Status.DISPUTED)


# An explicit order rather than enum order: an editor reading this table should
# see at once that a disputed range is weaker than one source's point figure
# (it may be wrong by the width of the range) but stronger than any estimate.
# An unnamed group ("several data service providers", "public data") sits
# below one *named* source: it is plural, but a reader cannot check who it is
# or whether its members are independent; it is above a dispute because its
# members are reported to agree on a point.
_STRENGTH = {
    Status.MULTI_SOURCE: 8,
    Status.OFFICIAL: 7,
    Status.SINGLE_SOURCE: 6,
    Status.UNNAMED_GROUP: 5,
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
    OFFICIAL_STATISTICS = "official_statistics"  # a statistics agency or central bank publishing its own figures (a CPI print, a policy rate)


# Kinds of source whose own figures may be `official`: a venue's statement about itself, a chain's record,
# a statistics agency's or central bank's release. Any other kind reports someone else's figures.
OFFICIAL_KINDS = frozenset({SourceKind.EXCHANGE, SourceKind.ONCHAIN, SourceKind.OFFICIAL_STATISTICS})


class Side(str, Enum):
    LONG = "long"
    SHORT = "short"


class Direction(str, Enum):
    ABOVE = "above"
    BELOW = "below"


class Change(str, Enum):
    """Which way a change went, so the amount itself stays positive ("a fall of $60 billion")."""

    RISE = "rise"
    FALL = "fall"
    INFLOW = "inflow"  # net flows into a fund or an exchange
    OUTFLOW = "outflow"


# Changes a metric may carry: flows move in or out, everything else rises or falls.
FLOW_CHANGES = frozenset({Change.INFLOW, Change.OUTFLOW})


class HedgeKind(str, Enum):
    APPROX = "approx"  # about, nearly: the value is the source's round figure
    FLOOR = "floor"  # over, more than: the value is a floor
    CEILING = "ceiling"  # up to, as much as: the value is a ceiling


class Hedge(str, Enum):
    """A source's own qualifier on its value, kept per observation and printed as given."""

    ABOUT = "about"
    AROUND = "around"
    APPROXIMATELY = "approximately"
    ROUGHLY = "roughly"
    NEARLY = "nearly"
    ALMOST = "almost"
    CLOSE_TO = "close_to"
    OVER = "over"
    MORE_THAN = "more_than"
    ABOVE = "above"
    AT_LEAST = "at_least"
    UP_TO = "up_to"
    AS_MUCH_AS = "as_much_as"
    AT_MOST = "at_most"
    UNDER = "under"
    LESS_THAN = "less_than"
    # The extreme a figure reached, as the source words it ("fell to as low as $30,000", "funding as high as 0.1%"): the
    # high is a ceiling (the check reads "as high as" as one); the low is read as the source's round figure, as "about"
    # is (read as a floor, "as low as $40,000" would fit any higher price a fact file holds); printed as given.
    AS_LOW_AS = "as_low_as"
    AS_HIGH_AS = "as_high_as"

    @property
    def kind(self) -> HedgeKind:
        return _HEDGE_KINDS.get(self, HedgeKind.APPROX)

    @property
    def words(self) -> str:
        """As printed: ``close_to`` -> ``close to``."""
        return self.value.replace("_", " ")


_HEDGE_KINDS = {
    Hedge.OVER: HedgeKind.FLOOR,
    Hedge.MORE_THAN: HedgeKind.FLOOR,
    Hedge.ABOVE: HedgeKind.FLOOR,
    Hedge.AT_LEAST: HedgeKind.FLOOR,
    Hedge.UP_TO: HedgeKind.CEILING,
    Hedge.AS_MUCH_AS: HedgeKind.CEILING,
    Hedge.AT_MOST: HedgeKind.CEILING,
    Hedge.UNDER: HedgeKind.CEILING,
    Hedge.LESS_THAN: HedgeKind.CEILING,
    Hedge.AS_HIGH_AS: HedgeKind.CEILING,
}


@dataclass(frozen=True)
class CompoundHedge:
    """Two of a source's words on one value, in the report's order: a floor or a ceiling and an
    approximation ("as much as approximately 86.5%"). It reads as its floor or ceiling (the
    approximation only softens the number) and prints both words as given."""

    first: Hedge
    second: Hedge

    @property
    def bound(self) -> Hedge:
        return self.second if self.first.kind is HedgeKind.APPROX else self.first

    @property
    def kind(self) -> HedgeKind:
        return self.bound.kind

    @property
    def words(self) -> str:
        return f"{self.first.words} {self.second.words}"

    @property
    def value(self) -> list[str]:
        """As the editor writes it: ``[as_much_as, approximately]``."""
        return [self.first.value, self.second.value]


def compound_hedge(first: Hedge, second: Hedge) -> CompoundHedge:
    """Two words on one value: exactly one floor or ceiling and one approximation, else ValueError."""
    kinds = sorted((first.kind.value, second.kind.value))
    if kinds not in (["approx", "ceiling"], ["approx", "floor"]):
        raise ValueError(
            f"two words on one value must be a floor or a ceiling and an approximation ([as_much_as, approximately]); "
            f"{first.value} and {second.value} are not; for a range give one word per end"
        )
    return CompoundHedge(first, second)


class Magnitude(str, Enum):
    """A vague magnitude a source gives instead of a number ("several million dollars").

    Stored and printed as words, never as a range. ``interval`` is how the words
    are *read* (for consistency checks and for linking an article's figure):
    "several" is 2 to 9 of the unit, "tens of" 10 to 99, "hundreds of" 100 to 999.
    """

    SEVERAL_THOUSAND = "several_thousand"
    TENS_OF_THOUSANDS = "tens_of_thousands"
    HUNDREDS_OF_THOUSANDS = "hundreds_of_thousands"
    SEVERAL_HUNDRED_THOUSAND = "several_hundred_thousand"
    SEVERAL_MILLION = "several_million"
    TENS_OF_MILLIONS = "tens_of_millions"
    HUNDREDS_OF_MILLIONS = "hundreds_of_millions"
    SEVERAL_HUNDRED_MILLION = "several_hundred_million"
    SEVERAL_BILLION = "several_billion"
    TENS_OF_BILLIONS = "tens_of_billions"
    HUNDREDS_OF_BILLIONS = "hundreds_of_billions"
    SEVERAL_HUNDRED_BILLION = "several_hundred_billion"
    SEVERAL_TRILLION = "several_trillion"
    # A count in words with no scale after it ("dozens of traders", "hundreds of accounts", "several hundred wallets"):
    # for `unit: count` only (COUNT_MAGNITUDES); drafts print the counted noun after them.
    DOZENS = "dozens"
    HUNDREDS = "hundreds"
    SEVERAL_HUNDRED = "several_hundred"
    # A scale alone, in the plural ("millions of dollars liquidated", "the billions lost"): one to under a thousand of it, as the
    # check's figure grammar reads the words (writer/check/figures.py ``_PLURAL_COUNT``); for money or counts alike.
    MILLIONS = "millions"
    BILLIONS = "billions"

    @property
    def words(self) -> str:
        return self.value.replace("_", " ")

    @property
    def interval(self) -> tuple[float, float]:
        if self.value in _BARE_COUNTS:
            return _BARE_COUNTS[self.value]
        for quantifier, (lo, hi) in _QUANTIFIER_SPAN.items():
            if self.value.startswith(quantifier + "_"):
                base = _MAGNITUDE_SCALE[self.value[len(quantifier) + 1 :].rstrip("s")]
                return (lo * base, hi * base)
        raise AssertionError(self.value)  # pragma: no cover - every member has a quantifier


# How the bare counts read (the check's figure grammar reads "dozens of" as 24 to 99, "hundreds of" as 100 to 999).
_BARE_COUNTS = {"dozens": (24, 100), "hundreds": (100, 1000), "several_hundred": (200, 1000), "millions": (1e6, 1e9), "billions": (1e9, 1e12)}
# Magnitudes that count things and name no scale: only a count takes them ("dozens of dollars" is no figure a desk prints).
COUNT_MAGNITUDES = frozenset({Magnitude.DOZENS, Magnitude.HUNDREDS, Magnitude.SEVERAL_HUNDRED})
_MAGNITUDE_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Longest prefix first: "several_hundred" before "several".
_QUANTIFIER_SPAN = {"several_hundred": (200, 1000), "hundreds_of": (100, 1000), "tens_of": (10, 100), "several": (2, 10)}


class Unit(str, Enum):
    """Units a figure can carry. Crypto-asset amounts use the asset ticker via ``asset_unit``.

    ``intensity`` is a liquidation heat map's relative intensity at a price level (a pressure zone read off
    the chart): a reading on that map's own scale, which ranks a cluster against its neighbours and is not a
    dollar value of the positions, even where the chart labels its axis in dollars. Drafts print it as a bare
    reading ("an intensity of 474 million"), never as money; two intensities compare only on one provider's map."""

    USD = "USD"
    PERCENT = "percent"
    COUNT = "count"
    RATIO = "ratio"
    INDEX = "index"  # index points (Fear & Greed, Nikkei 225)
    COINS = "coins"  # an amount of the fact's `asset` (21 million BTC, 5,000 ETH moved)
    CURRENCY = "currency"  # an amount of money in the fact's `currency`, not dollars (2.4 trillion won)
    NONE = "none"  # a statement without a number (a reading such as "Extreme Fear", which side dominated)
    DAYS = "days"  # a duration ("an 847-day wait")
    HOURS = "hours"
    MINUTES = "minutes"
    PER_SECOND = "per_second"  # a rate ("one liquidation report per second")
    PER_MINUTE = "per_minute"
    PER_HOUR = "per_hour"
    PER_DAY = "per_day"
    INTENSITY = "intensity"  # a heat map's relative liquidation intensity at a level: the map's own scale, not money


# Currencies other than the US dollar that reports give amounts in, and the word a desk
# writes after the amount ("2.4 trillion won"). Drafting prints these words; the check's
# figure grammar reads them (tests/test_factbase_new_kinds.py keeps the two in step).
CURRENCIES: dict[str, str] = {
    "KRW": "won",
    "JPY": "yen",
    "CNY": "yuan",
    "EUR": "euros",
    "GBP": "pounds",
    "INR": "rupees",
    "RUB": "rubles",
    **{code: code for code in ("USDT", "USDC")},  # see STABLECOIN_QUOTES
}
# Stablecoins a notional may be quoted in (an exchange's own tally of its USDT-margined contracts,
# counted at face value, not converted to dollars): `unit: currency` with `currency: USDT`, printed
# "80.6 million USDT". The check reads such an amount and a dollar amount as the same money (face
# value); a coin held or moved (5,000 USDT sent to an exchange) is still `unit: coins` with its asset.
STABLECOIN_QUOTES = frozenset({"USDT", "USDC"})


# What a contract's name may add to its asset: the quote ("BTC-USDT", "BTCUSDT", "ETHBTC"), the kind
# ("BTC-PERP", "BTCUSD_PERP"), an expiry ("BTC-USDT-251226"); and a venue's own code for a coin. Leading
# digits may be a lot size ("1000PEPE-USDT" trades PEPE in lots of 1,000).
CONTRACT_QUOTES = ("FDUSD", "BUSD", "USDT", "USDC", "PERP", "SWAP", "USD", "BTC", "ETH")
CONTRACT_ASSET_CODES = {"XBT": "BTC"}  # BitMEX's XBTUSD
_NOT_ASSETS = frozenset({"PERP", "SWAP", "USD"})  # a contract's parts that are never what it trades
_CONTRACT_PARTS = re.compile(r"[-/_:.\s]+")
_LOT = re.compile(r"^\d+(?=[A-Z])")


def _coin(ticker: str) -> str:
    """A ticker without its lot size, by its common code: "1000PEPE" and "PEPE" are one coin, "XBT" is BTC."""
    bare = _LOT.sub("", ticker)
    return CONTRACT_ASSET_CODES.get(bare, bare)


def contract_assets(contract: str) -> tuple[str, ...]:
    """The assets a contract's name may trade, read from its first part with or without a quote's
    suffix ("BTCUSDT": BTCUSDT or BTC; "WBTC-USDT": WBTC or W); empty when it names none (an expiry,
    a quote alone)."""
    head = _CONTRACT_PARTS.split(contract.strip().upper(), maxsplit=1)[0]
    readings = [head] + [head[: -len(q)] for q in CONTRACT_QUOTES if head.endswith(q) and len(head) > len(q)]
    return tuple(r for r in readings if r and not r.isdigit() and r not in _NOT_ASSETS)


def contract_names_asset(contract: str, asset: str) -> bool:
    """Whether a contract trades ``asset``, lot sizes and venue codes aside (true when it names no asset)."""
    readings = contract_assets(contract)
    return not readings or _coin(asset.upper()) in {_coin(r) for r in readings}  # a venue writes "STETH-USDT" for stETH


def money_units(allowed: tuple[Unit, ...]) -> bool:
    """Whether a metric measures money (so an amount in another currency fits it too)."""
    return Unit.USD in allowed


# Metrics a fact can measure, with the unit each expects. A dictionary rather than
# an Enum so the help text lives next to the name and the JSON Schema can show it.
METRICS: dict[str, tuple[tuple[Unit, ...], str]] = {
    "liquidations": ((Unit.USD,), "liquidated notional; qualify with side / asset / venue / contract"),
    "liquidated_accounts": ((Unit.COUNT,), "number of traders or accounts liquidated"),
    "largest_single_liquidation": ((Unit.USD,), "the largest single liquidation order"),
    "liquidation_orders": ((Unit.COUNT,), "liquidation orders counted in a feed (orders, not traders or accounts)"),
    "price_level": ((Unit.USD,), "a price level crossed or reached (qualify with asset and direction)"),
    "price_change": ((Unit.PERCENT, Unit.USD), "a price move over the window, in percent or in dollars; a stock or other market index's "
                     "move ('the S&P 500 fell 1.2%') is one too, with `subject` naming the index and no `asset` (index_level is its level)"),
    "pressure_zone": ((Unit.USD, Unit.INTENSITY), "liquidations that would trigger at a price level or band (an estimate); in "
                      "`intensity` when the source gives a heat map's relative intensity rather than a dollar amount"),
    "position_concentration": ((Unit.USD,), "positions said to sit at a price level or band"),
    "open_interest": ((Unit.USD, Unit.COINS), "open interest, in dollars or in coins of its `asset` ('open interest of 310,000 BTC')"),
    "open_interest_change": ((Unit.PERCENT, Unit.USD), "change in open interest"),
    "funding_rate": ((Unit.PERCENT,), "perpetual funding rate, in percent; one printed without a unit ('funding ran at 0.0712') "
                     "is recorded as printed (`value: 0.0712`): the check reads a bare number after funding or a rate as a percentage"),
    "long_short_position_ratio": ((Unit.RATIO,), "a venue's long/short account ratio (not derived from liquidations)"),
    "market_cap": ((Unit.USD,), "total or per-asset market capitalisation"),
    "market_cap_change": ((Unit.USD, Unit.PERCENT), "change in market capitalisation"),
    "sentiment_index": ((Unit.INDEX,), "a sentiment reading such as the Fear & Greed index"),
    "index_level": ((Unit.INDEX,), "a market index level (Nikkei 225, S&P 500)"),
    "trader_loss": ((Unit.USD,), "a named or described trader's loss"),
    "position_size": ((Unit.USD, Unit.COINS), "the size of a trader's or whale's position, in dollars or in coins of its `asset` ('a 9,200 ETH long'); "
                      "say whose with `subject`, and qualify with side / asset / venue"),
    "onchain_transfer": ((Unit.USD, Unit.COINS), "coins moved on chain (qualify with subject and asset)"),
    "historical_liquidations": ((Unit.USD,), "liquidations on a past date, for comparison"),
    "supply": ((Unit.COINS,), "an asset's supply or supply cap"),
    "volume": ((Unit.USD,), "traded volume"),
    "volume_change": ((Unit.PERCENT, Unit.USD), "how much traded volume rose or fell against an earlier period ('volume up 150%')"),
    "liquidation_share": ((Unit.PERCENT,), "a side's, asset's or venue's share of liquidations *as the source gives it* (when it gives the share, not the amounts)"),
    "fund_flow": ((Unit.USD,), "net flow into or out of funds or exchanges (ETF flows); say which with `change: inflow|outflow`"),
    "user_count": ((Unit.COUNT,), "users or accounts of a platform"),
    "user_count_change": ((Unit.PERCENT, Unit.COUNT), "growth or fall in a platform's users"),
    "liquidations_change": ((Unit.PERCENT, Unit.USD), "how much liquidations rose or fell against an earlier period"),
    "dominance": ((Unit.NONE,), "which side, asset or venue dominated, without a number ('the vast majority were longs', 'Binance bore the brunt')"),
    "support_level": ((Unit.USD, Unit.NONE), "a support or resistance level held or lost; with `change: fall` for a level lost"),
    "duration": ((Unit.DAYS, Unit.HOURS, Unit.MINUTES), "how long something lasted or took ('an 847-day wait'); say what with `subject`"),
    "rate": ((Unit.PER_SECOND, Unit.PER_MINUTE, Unit.PER_HOUR, Unit.PER_DAY), "how often something happens ('one liquidation report per second'); say what with `subject`"),
    "open_interest_share": ((Unit.PERCENT,), "a venue's or asset's share of open interest *as the source gives it* ('Binance holds 38% of BTC "
                            "open interest'): 0 to 100; qualify with venue / asset, say of what with `share_of` when the report does"),
    "volume_share": ((Unit.PERCENT,), "a venue's or asset's share of traded volume *as the source gives it*: 0 to 100"),
    "policy_rate": ((Unit.PERCENT,), "a central bank's policy rate, or its target range as a `range` ('5.25%-5.50%'); say whose with "
                    "`subject` ('the Federal Reserve') when the report does"),
    "implied_probability": ((Unit.PERCENT,), "a market-implied probability ('FedWatch puts a December cut at 90%'): 0 to 100; say of "
                            "what with `subject` ('a rate cut in December')"),
    "inflation_rate": ((Unit.PERCENT,), "an inflation print, year on year unless `window` says otherwise ('CPI rose 3.2%'); say which "
                       "index with `subject` ('U.S. consumer prices') when the report does"),
    "tariff_rate": ((Unit.PERCENT,), "a tariff rate ('a 100% tariff'); say on what with `subject` ('Chinese imports')"),
    "trader_share": ((Unit.PERCENT,), "the share of traders or accounts on one side *as the source gives it* ('62% of accounts on "
                     "Bybit are long': 62, `side: long`): 0 to 100; a venue's long/short account ratio as a ratio is long_short_position_ratio"),
    "open_interest_to_market_cap": ((Unit.PERCENT,), "open interest as a percentage of market capitalisation ('open interest stood "
                                    "at 3.1% of market cap'), for an `asset` or the market"),
    "leverage": ((Unit.RATIO,), "leverage as a multiple of margin ('a 40x long': 40), printed '40x'; one position's (say whose with "
                 "`subject`: 'a whale's ETH long'), or what a venue offers or traders use ('up to 100x' on a venue: value 100, hedge "
                 "up_to, `venue`)"),
    "event_count": ((Unit.COUNT,), "how many times something happened or is expected ('two failed attempts to reclaim $100,000', "
                    "'three rate cuts priced in'); say what with `subject`, a plural noun ('failed attempts to reclaim $100,000')"),
}

# Metrics whose ratio is a multiple, printed "40x" rather than "40 to 1".
MULTIPLE_METRICS = frozenset({"leverage"})

# Metrics a percentage of a whole: a value or range end outside 0 to 100 is refused (a typo, or a change
# recorded as a share).
PERCENT_OF_WHOLE = frozenset({"open_interest_share", "volume_share", "implied_probability", "trader_share"})

# Where a unit a metric does not take belongs instead (the unit message's hint): the metric's own family
# (open_interest -> open_interest_share, open_interest_change) is found by name; these are the others.
UNIT_ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "dominance": ("liquidation_share", "open_interest_share", "volume_share"),
    "liquidation_share": ("liquidations", "open_interest_share", "volume_share"),
}

# How drafts print durations and rates after their number (one table for every template).
# (singular, plural) for durations; a rate's words follow any number ("1 per second", "2 per second").
TIME_UNIT_WORDS: dict[str, tuple[str, str]] = {
    "days": ("day", "days"),
    "hours": ("hour", "hours"),
    "minutes": ("minute", "minutes"),
    "per_second": ("per second", "per second"),
    "per_minute": ("per minute", "per minute"),
    "per_hour": ("per hour", "per hour"),
    "per_day": ("per day", "per day"),
}
# An average per day, hour, trader... ("an average of $300 million a day over the week"): `per:` on a
# fact whose value is the report's average per that unit over the figure's window. The words drafts
# print after the amount; the check reads these and "a day", "daily" (writer/check/linking.py).
AVERAGE_PER: dict[str, str] = {
    "day": "per day",
    "hour": "per hour",
    "trader": "per trader",
    "account": "per account",
    "order": "per order",
}
# Units an average per something can be in: amounts, not shares, levels or statements; and the
# metrics that are such amounts over a window (a price level or a pressure zone has no "per day").
AVERAGE_UNITS = frozenset({"USD", "count", "coins", "currency"})
AVERAGE_METRICS = frozenset({"liquidations", "liquidated_accounts", "liquidation_orders", "trader_loss", "volume", "fund_flow",
                             "onchain_transfer", "historical_liquidations"})

# Metrics that say what they measure only through `subject` ("the wait for a new high").
SUBJECT_METRICS = frozenset({"duration", "rate", "implied_probability", "event_count"})

# Metrics that measure a change: their amount may be signed (older files) or
# carry `change: rise|fall` with a positive amount; flows carry inflow|outflow.
CHANGE_METRICS = frozenset(
    {"price_change", "open_interest_change", "market_cap_change", "fund_flow", "support_level", "user_count_change", "liquidations_change",
     "volume_change"}
)

# Metrics whose value can be negative by nature (a rate, a signed change).
SIGNED_METRICS = frozenset(
    {"price_change", "open_interest_change", "market_cap_change", "funding_rate", "fund_flow", "user_count_change", "liquidations_change",
     "volume_change"}
)

# Metrics where a side (long/short) split of a total makes sense; consistency
# checks add sides and parts only for these.
ADDITIVE_METRICS = frozenset({"liquidations", "liquidated_accounts"})

# Metrics whose figures are, by nature, potential rather than realised.
POTENTIAL_METRICS = frozenset({"pressure_zone"})

# At most four digits: the longest window a liquidation story needs is a few
# months, and an unbounded count (999...9h) would overflow date arithmetic.
WINDOW_RE = re.compile(r"^(\d{1,4})(m|h|d|w|mo)$")
_WINDOW_MINUTES = {"m": 1, "h": 60, "d": 60 * 24, "w": 60 * 24 * 7, "mo": 60 * 24 * 30}
# Each window unit's word (singular, plural) as prose writes it: the check reads "over 72 hours" with it
# (writer/check/linking.py); templates/style.yaml's `window_units` prints the same words (a test ties them).
WINDOW_UNIT_WORDS = {"m": ("minute", "minutes"), "h": ("hour", "hours"), "d": ("day", "days"), "w": ("week", "weeks"),
                     "mo": ("month", "months")}


class ToDate(str, Enum):
    """A running total's calendar span, from its start to the event's `as_of` ("so far this year": `to_date: year`):
    no fixed length, so it is no `window`; drafts print it in words (templates/style.yaml ``to_date``)."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


# The calendar years a whole-year figure may name (`year: 2021`, "in 2021"): bitcoin's first block was mined in 2009;
# the last is a bound on typos (a year is four digits), not on what a fact file may hold.
FIRST_YEAR, LAST_YEAR = 2009, 2199


def window_minutes(window: str) -> int:
    """Length of a window such as ``24h`` or ``60m`` in minutes (``1mo`` counts 30 days)."""
    m = WINDOW_RE.match(window)
    if not m:
        raise ValueError(f"not a window: {window!r}")
    return int(m.group(1)) * _WINDOW_MINUTES[m.group(2)]


# A running total's or a calendar year's length at most, for ordering figures by how long a span they cover: a running
# total is no longer than its calendar unit (a month at 30 days, as `1mo`; a year at 365 days).
_SPAN_MINUTES = {"day": 60 * 24, "week": 60 * 24 * 7, "month": 60 * 24 * 30, "year": 60 * 24 * 365}


def span_minutes(span: str) -> int:
    """Length of a figure's span (``Fact.span``) in minutes: a window's, or at most its calendar unit's for a running
    total ("to_date:year") or a whole year ("year:2021")."""
    kind, _, unit = span.partition(":")
    if kind == "to_date":
        return _SPAN_MINUTES[unit]
    if kind == "year":
        return _SPAN_MINUTES["year"]
    return window_minutes(span)


ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
EVENT_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")

# Event ids become folder names next to the site's own files, and some names are
# devices on Windows: refused when a fact file is validated, not only at publishing.
RESERVED_EVENT_IDS = frozenset({"index", "feed", "manifest", "con", "prn", "aux", "nul"})

# The largest amount a fact file may hold. The whole crypto market has never been
# worth 1e13 dollars; anything above 1e15 is a typo or an attack on number
# formatting (1e40 passes a float but not a Decimal context).
MAX_AMOUNT = 1e15
