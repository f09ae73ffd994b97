"""Shared helpers for the importer tests (no tests here): a small event, its registry, sample lines.

Every capture the tests use is written here in the exchange's documented
shape, with numbers chosen so the totals can be worked out by hand.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

# An event whose layout and comments the importer must keep.
EVENT = """\
# A desk's event file: comments and layout must survive an import.
id: 2026-11-20-import-test
as_of: 2026-11-21T08:00:00+00:00
period:
  start: 2026-11-20T08:00:00+00:00
  end: 2026-11-21T08:00:00+00:00
windows: [24h, 4h, 1h]

facts:
  # --- typed in by the desk -------------------------------------------
  - id: total_24h
    metric: liquidations
    unit: USD
    window: 24h
    coverage: network-wide
    observations:
      - source: coinank
        value: 412.6M   # read off the dashboard
        as_of: 2026-11-21T07:30:00+00:00

context:
  - id: whipsaw
    kind: market
    text: bitcoin swung between two levels overnight
    sources: [coinank]
"""

REGISTRY = """\
sources:
  - id: coinglass
    name: CoinGlass
    kind: aggregator
  - id: coinank
    name: CoinAnk
    kind: aggregator
  - id: binance
    name: Binance
    kind: exchange
  - id: bybit
    name: Bybit
    kind: exchange
  - id: okx
    name: OKX
    kind: exchange
  - id: htx
    name: HTX
    kind: exchange
    aliases: [Huobi]
"""


def make_event(folder: Path, text: str = EVENT) -> Path:
    (folder / "sources.yaml").write_text(REGISTRY, encoding="utf-8")
    path = folder / "event.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def ms(hour: int, minute: int = 0, second: int = 0, day: int = 20) -> int:
    """Milliseconds since the epoch for a time on 2026-11-20 (or ``day``) UTC."""
    return int(datetime(2026, 11, day, hour, minute, second, tzinfo=timezone.utc).timestamp() * 1000)


def binance_line(symbol: str, side: str, qty: str, avg_price: str, t: int, *, wrapped: bool = False) -> str:
    event = {
        "e": "forceOrder",
        "E": t + 3,
        "o": {"s": symbol, "S": side, "o": "LIMIT", "f": "IOC", "q": qty, "p": avg_price, "ap": avg_price, "X": "FILLED", "l": qty, "z": qty, "T": t},
    }
    return json.dumps({"stream": "!forceOrder@arr", "data": event} if wrapped else event)


def bybit_line(*items: tuple[str, str, str, str, int]) -> str:
    """One allLiquidation message; items are (symbol, S, v, p, T)."""
    data = [{"T": t, "s": s, "S": side, "v": v, "p": p} for s, side, v, p, t in items]
    return json.dumps({"topic": f"allLiquidation.{items[0][0]}", "type": "snapshot", "ts": items[-1][4] + 5, "data": data})


def okx_line(inst_id: str, *details: tuple[str, str, str, str, int]) -> str:
    """One liquidation-orders push; details are (side, posSide, sz, bkPx, ts)."""
    rows = [{"bkLoss": "0", "bkPx": px, "ccy": "", "posSide": pos, "side": side, "sz": sz, "ts": str(t)} for side, pos, sz, px, t in details]
    family = "-".join(inst_id.split("-")[:2])
    return json.dumps({"arg": {"channel": "liquidation-orders", "instType": "SWAP"}, "data": [{"details": rows, "instFamily": family, "instId": inst_id, "instType": "SWAP", "uly": family}]})


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
