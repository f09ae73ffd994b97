"""What each importable format is, who publishes it and what it covers: one place for each.

The README's table of what each feed does and does not cover is written from
these entries; the caveats attached to imported figures come from here too.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Feed:
    name: str  # FORMAT on the command line
    title: str  # how the capture is described in observation notes
    source: str  # registry id of the publisher (the observation's source)
    venue: str | None  # registry id of the exchange the orders were liquidated on (None for aggregators)
    sampled: bool  # the publisher drops orders, so every sum is a floor
    coverage: str  # what the totals cover, as written into `coverage:`
    sampling_note: str  # what the publisher says about completeness, for the fact's `note:`


FEEDS: dict[str, Feed] = {
    "binance": Feed(
        name="binance",
        title="Binance USD-M forceOrder stream",
        source="binance",
        venue="binance",
        sampled=True,
        coverage="Binance USD-M futures, public liquidation stream (sampled)",
        sampling_note="Binance pushes at most one liquidation order per symbol per second",
    ),
    "bybit": Feed(
        name="bybit",
        title="Bybit allLiquidation topic",
        source="bybit",
        venue="bybit",
        sampled=False,
        coverage="Bybit linear contracts, allLiquidation topic (every liquidation, pushed in 500 ms batches)",
        sampling_note="Bybit documents the allLiquidation topic as pushing every liquidation",
    ),
    "okx": Feed(
        name="okx",
        title="OKX liquidation-orders",
        source="okx",
        venue="okx",
        sampled=True,
        coverage="OKX swaps and futures, liquidation-orders channel (sampled)",
        sampling_note="OKX shows at most one liquidation order per contract per second and says the data is not its total",
    ),
    "coinglass": Feed(
        name="coinglass",
        title="CoinGlass liquidation export",
        source="coinglass",
        venue=None,
        sampled=False,
        coverage="exchanges tracked by CoinGlass",
        sampling_note="",
    ),
}
