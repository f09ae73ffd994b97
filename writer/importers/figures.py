"""Imported figures: what one import adds to an event file, with the caveats its feed implies.

A :class:`Figure` is one fact the importer owns (its id is derived from the
feed and what is measured, so a re-import finds it again). This module turns
a stream's :class:`Tally` into figures; ``coinglass`` builds its own.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal

from writer.factbase.vocabulary import window_minutes
from writer.importers.aggregate import Tally
from writer.importers.feeds import Feed

# Notionals are stored to the cent: finer digits are noise in a liquidation total.
# A floor is rounded down so that it stays a floor.
CENT = Decimal("0.01")

# The metric for counted liquidation orders. Orders, not traders: one trader can
# have several orders closed, and the feeds carry no account identity at all.
ORDERS_METRIC = "liquidation_orders"


class WindowError(ValueError):
    """The capture does not fit the window asked for, or the event's declared windows."""


@dataclass(frozen=True)
class Capture:
    """The span of a stream capture: its first and last order times."""

    start: datetime
    end: datetime

    @classmethod
    def from_millis(cls, first_ms: int, last_ms: int) -> Capture:
        return cls(_utc(first_ms), _utc(last_ms))

    def supersedes(self, other: Capture) -> bool:
        """A longer capture holding all of ``other`` and running past its end (so its figures are dated later)."""
        return self.start <= other.start and self.end > other.end

    @property
    def minutes(self) -> int:
        """The span in whole minutes, rounded up (at least one)."""
        return max(1, math.ceil((self.end - self.start) / timedelta(minutes=1)))

    def describe(self) -> str:
        return f"{_stamp(self.start)} to {_stamp(self.end)}"


# The observation note of a stream figure names its capture, so a later import can tell
# a longer capture of the same feed (a revision) from an unrelated one. One format, one parser.
_CAPTURE_RE = re.compile(r"capture (\S+) to (\S+?)[,;]")


def capture_note(feed: Feed, capture: Capture, orders: int) -> str:
    return f"{feed.title} capture {capture.describe()}, {orders:,} order{'s' if orders != 1 else ''}; imported by writer import {feed.name}"


def parse_capture(note: str | None) -> Capture | None:
    m = _CAPTURE_RE.search(note or "")
    if not m:
        return None
    try:
        return Capture(datetime.fromisoformat(m.group(1)), datetime.fromisoformat(m.group(2)))
    except ValueError:
        return None


def _utc(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc)


def _stamp(t: datetime) -> str:
    return t.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class Figure:
    id: str
    metric: str
    unit: str
    value: Decimal
    window: str | None = None
    side: str | None = None
    asset: str | None = None
    venue: str | None = None
    contract: str | None = None
    coverage: str | None = None
    lower_bound: bool = False
    status: str | None = None
    note: str | None = None  # the fact's note: what the figure is and why it is (not) a floor
    as_of: datetime | None = None
    obs_note: str | None = None  # the observation's note: which capture or export it came from
    capture: Capture | None = None


def amount(value: Decimal, *, floor: bool) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_DOWN if floor else ROUND_HALF_EVEN)


# --- windows ------------------------------------------------------------------


def window_name(minutes: int) -> str:
    return f"{minutes // 60}h" if minutes % 60 == 0 else f"{minutes}m"


def resolve_window(capture: Capture, requested: str | None, declared: list[str]) -> tuple[str, bool]:
    """The window the figures are filed under, and whether the capture covers only part of it.

    Without ``--window`` the window is the capture's own span, rounded up to the
    minute; the event must then declare it (when it declares windows at all).
    With ``--window`` the capture must fit inside it; a shorter capture only
    shows part of the window, so its sums are floors for it.
    """
    if requested is None:
        window = window_name(capture.minutes)
        if declared and window not in declared:
            raise WindowError(
                f"the capture spans {window} ({capture.describe()}), which is not one of the event's windows "
                f"({', '.join(declared)}); pass --window with one of them (a capture shorter than its window gives floors)"
            )
        return window, False
    length = window_minutes(requested)
    if capture.minutes > length:
        raise WindowError(f"the capture spans {window_name(capture.minutes)} ({capture.describe()}), longer than --window {requested}")
    if declared and requested not in declared:
        raise WindowError(f"--window {requested} is not one of the event's windows ({', '.join(declared)})")
    return requested, capture.minutes < length


# --- stream totals -> figures -------------------------------------------------------


def stream_figures(feed: Feed, tally: Tally, window: str, partial: bool) -> list[Figure]:
    """Totals per quote asset and side, per major asset, the largest order and the order count."""
    capture = Capture.from_millis(tally.first_ms, tally.last_ms)
    floor = feed.sampled or partial
    why = _floor_reason(feed, capture, window, partial)
    common = dict(
        window=window,
        venue=feed.venue,
        lower_bound=floor,
        status="official",  # the venue's own record of its own liquidation orders
        as_of=capture.end.replace(microsecond=0),
        obs_note=capture_note(feed, capture, tally.orders),
        capture=capture,
    )
    out: list[Figure] = []
    several = len(tally.quotes) > 1
    for quote in tally.quotes:
        q = quote.lower()
        money = _quote_words(quote)
        coverage = f"{feed.coverage}; contracts quoted in {quote}"
        # Totals in different quote assets are never added together. When a capture holds
        # several, each total names its contract family, so no check or draft mistakes the
        # USDC total for the venue's whole total.
        family = {"contract": f"{quote}-margined"} if several else {}
        out.append(Figure(f"{feed.name}_{q}_total", "liquidations", "USD", amount(tally.total(quote), floor=floor), coverage=coverage, note=f"sum over the {feed.title}, {money}; {why}", **family, **common))
        for side in ("long", "short"):
            value = tally.by_side.get((quote, side))
            if value is not None:
                out.append(Figure(f"{feed.name}_{q}_{side}", "liquidations", "USD", amount(value, floor=floor), side=side, coverage=coverage, note=f"{side} positions liquidated, {money}; {why}", **family, **common))
    for (asset, quote), value in sorted(tally.by_asset.items()):
        out.append(
            Figure(
                f"{feed.name}_{asset.lower()}_{quote.lower()}", "liquidations", "USD", amount(value, floor=floor),
                asset=asset, contract=f"{asset}-{quote}", coverage=f"{feed.coverage}; {asset}-{quote} contracts",
                note=f"{asset} contracts quoted in {quote}, {_quote_words(quote)}; {why}", **common,
            )
        )
    big = tally.largest
    if big is not None:
        out.append(
            Figure(
                f"{feed.name}_largest", "largest_single_liquidation", "USD", amount(big.notional, floor=floor),
                side=big.side, asset=big.instrument.asset, contract=big.instrument.pair,
                note=f"largest single order in the capture, {big.side} on {big.instrument.symbol} at {_stamp(_utc(big.time_ms))}, {_quote_words(big.instrument.quote)}"
                + ("; a larger order may have gone unseen: " + why if floor else ""),
                **common,  # as_of: when the feed showed it (the capture's end); the order's own time is in the note
            )
        )
    out.append(
        Figure(
            f"{feed.name}_orders", ORDERS_METRIC, "count", Decimal(tally.orders),
            note=f"liquidation orders seen, not traders or accounts; {why}", **common,
        )
    )
    return out


def _quote_words(quote: str) -> str:
    if quote == "USD":
        return "notional in USD (inverse contracts sized in USD)"
    return f"notional in {quote} (the contracts' quote asset), counted at face value, not converted to USD"


def _floor_reason(feed: Feed, capture: Capture, window: str, partial: bool) -> str:
    parts = [f"{feed.sampling_note}, so sums over it are floors" if feed.sampled else feed.sampling_note]
    if partial:
        parts.append(f"the capture covers {window_name(capture.minutes)} of the {window} window, so it is a floor for the window")
    return "; ".join(p for p in parts if p)
