"""Running totals over a stream of liquidation orders, in constant memory.

Everything is kept as exact decimals; only the keys grow, and they are bounded
by (quote assets x sides) and (major assets x quote assets), never by the
number of orders.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from writer.importers.streams import Order

ZERO = Decimal(0)


@dataclass
class Tally:
    by_side: dict[tuple[str, str], Decimal] = field(default_factory=lambda: defaultdict(Decimal))  # (quote, side) -> notional
    by_asset: dict[tuple[str, str], Decimal] = field(default_factory=lambda: defaultdict(Decimal))  # (asset, quote) -> notional
    orders: int = 0
    largest: Order | None = None
    first_ms: int | None = None
    last_ms: int | None = None

    def add(self, order: Order) -> None:
        quote = order.instrument.quote
        self.by_side[(quote, order.side)] += order.notional
        asset = order.instrument.asset
        if asset is not None:
            self.by_asset[(asset, quote)] += order.notional
        self.orders += 1
        if self.largest is None or order.notional > self.largest.notional:
            self.largest = order  # ties keep the earlier order: the same file always names the same one
        t = order.time_ms
        if self.first_ms is None or t < self.first_ms:
            self.first_ms = t
        if self.last_ms is None or t > self.last_ms:
            self.last_ms = t

    @property
    def quotes(self) -> list[str]:
        return sorted({q for q, _ in self.by_side})

    def total(self, quote: str) -> Decimal:
        return self.by_side.get((quote, "long"), ZERO) + self.by_side.get((quote, "short"), ZERO)
