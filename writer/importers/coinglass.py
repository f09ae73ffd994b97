"""CoinGlass-style aggregator exports (JSON) into figures.

Two documented list shapes, each as the API returns it (``{"code": "0",
"data": [...]}``) or as a bare list:

- a **coin list**: one row per coin with ``symbol`` and
  ``liquidation_usd_<w>``, ``long_liquidation_usd_<w>``,
  ``short_liquidation_usd_<w>`` for w in 1h, 4h, 12h, 24h; optionally for one
  exchange (a top-level ``exchange``);
- an **exchange list**: one row per exchange with ``exchange``,
  ``liquidation_usd``, ``long_liquidation_usd``, ``short_liquidation_usd``
  over one ``range`` (top level, or ``--window``); the row named ``All`` is
  the aggregator's total; optionally for one coin (a top-level ``symbol``).

Older exports spell the fields in camelCase (``longLiquidationUsd24h``,
``exchangeName``); numbers may be JSON numbers or strings. Both are read
exactly (decimal).
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from decimal import Decimal

from writer.factbase.records import SourceRegistry
from writer.factbase.vocabulary import WINDOW_RE
from writer.importers.feeds import FEEDS
from writer.importers.figures import Figure, amount
from writer.importers.streams import MessageError, decimal
from writer.importers.symbols import MAJORS

FEED = FEEDS["coinglass"]
COIN_WINDOWS = ("1h", "4h", "12h", "24h")
PARTS = (("total", None, "liquidation_usd"), ("long", "long", "long_liquidation_usd"), ("short", "short", "short_liquidation_usd"))
ALL_EXCHANGES = "all"  # the exchange-list row holding the aggregator's own total

# Older spellings that are not plain camelCase of today's names.
_ALIASES = {"exchange_name": "exchange", "total_vol_usd": "liquidation_usd", "long_vol_usd": "long_liquidation_usd", "short_vol_usd": "short_liquidation_usd", "time_range": "range"}


def snake(key: str) -> str:
    """``longLiquidationUsd24h`` -> ``long_liquidation_usd_24h``; snake_case passes through."""
    s = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", key)
    s = re.sub(r"(?<=[a-zA-Z])(?=\d+h$)", "_", s).lower()
    return _ALIASES.get(s, s)


def _row(raw, i: int) -> dict:
    if not isinstance(raw, dict):
        raise MessageError(f"expected an object per row, got {type(raw).__name__}", f"data[{i}]")
    return {snake(k): v for k, v in raw.items()}


def figures(document, registry: SourceRegistry, *, window: str | None, as_of: datetime | None, declared: list[str]) -> tuple[list[Figure], list[str]]:
    """The figures of one export, and notes on rows left out (and why)."""
    top = {snake(k): v for k, v in document.items()} if isinstance(document, dict) else {}
    rows = top.get("data") if isinstance(document, dict) else document
    if isinstance(document, dict) and str(top.get("code", "0")) != "0":
        raise MessageError(f"the export holds a failed response (code {top['code']!r}: {top.get('msg', '')!r})", "code")
    if not isinstance(rows, list) or not rows:
        raise MessageError("expected a non-empty list of rows (a coin list or an exchange list), as `data` or as the whole file", "data")
    rows = [_row(r, i) for i, r in enumerate(rows)]
    kinds = {("exchange" if "exchange" in r else "coin" if "symbol" in r else None) for r in rows}
    if None in kinds:
        i = next(i for i, r in enumerate(rows) if "exchange" not in r and "symbol" not in r)
        raise MessageError("expected a coin-list row (with `symbol`) or an exchange-list row (with `exchange`)", f"data[{i}]")
    if len(kinds) > 1:
        raise MessageError("the export mixes coin-list rows and exchange-list rows; import each list from its own file")
    when = as_of or _as_of(top)
    venue = _venue(top.get("exchange"), registry, "exchange") if "coin" in kinds else None
    if "coin" in kinds:
        return _coin_list(rows, venue, when, declared)
    rng = window or top.get("range")
    if not isinstance(rng, str) or not WINDOW_RE.match(rng):
        raise MessageError("an exchange list covers one `range` (1h, 4h, 12h, 24h): give it at the top of the file or with --window", "range")
    asset = top.get("symbol")
    if asset is not None and (not isinstance(asset, str) or asset.upper() not in MAJORS):
        raise MessageError(f"symbol {asset!r} is not one of the majors the importer files per asset ({', '.join(sorted(MAJORS))})", "symbol")
    return _exchange_list(rows, registry, rng, asset.upper() if asset else None, when, declared)


def _as_of(top: dict) -> datetime | None:
    for key in ("as_of", "time", "ts", "update_time"):
        raw = top.get(key)
        if raw is None:
            continue
        if isinstance(raw, int) and not isinstance(raw, bool):
            return datetime.fromtimestamp(raw / 1000, tz=timezone.utc)
        if isinstance(raw, str):
            try:
                t = datetime.fromisoformat(raw.replace("Z", "+00:00"))
            except ValueError:
                raise MessageError(f"expected an ISO 8601 time, got {raw!r}", key) from None
            if t.tzinfo is None:
                raise MessageError(f"the time {raw!r} has no time zone", key)
            return t
        raise MessageError(f"expected a time, got {raw!r}", key)
    return None


def _venue(name, registry: SourceRegistry, field: str) -> str | None:
    """The registry id of an exchange named in the export (by id, name or alias), None for 'All'."""
    if name is None or (isinstance(name, str) and name.casefold() == ALL_EXCHANGES):
        return None
    found = _lookup(name, registry)
    if found is None:
        raise MessageError(f"exchange {name!r} is not in the source registry; add it to sources.yaml (kind exchange)", field)
    return found


def _lookup(name, registry: SourceRegistry) -> str | None:
    if not isinstance(name, str):
        return None
    key = name.casefold()
    for source in registry.sources.values():
        if source.id == key or any(n.casefold() == key for n in source.names):
            return source.id
    return None


def _value(row: dict, key: str, i: int) -> Decimal | None:
    if key not in row or row[key] is None:
        return None
    return decimal(row[key] if not isinstance(row[key], float) else repr(row[key]), f"data[{i}].{key}")


def _coin_list(rows, venue, when, declared) -> tuple[list[Figure], list[str]]:
    out: list[Figure] = []
    skipped: list[str] = []
    for i, row in enumerate(rows):
        symbol = row["symbol"]
        if not isinstance(symbol, str) or symbol.upper() not in MAJORS:
            skipped.append(f"coin {symbol!r}: not one of the majors filed per asset")
            continue
        asset = symbol.upper()
        for w in COIN_WINDOWS:
            values = {part: _value(row, f"{key}_{w}", i) for part, _, key in PARTS}
            if all(v is None for v in values.values()):
                continue
            if declared and w not in declared:
                skipped.append(f"{asset} {w}: the event does not declare the {w} window")
                continue
            scope = f"{venue}_{asset.lower()}" if venue else asset.lower()
            out += _parts(f"coinglass_{scope}_{w}", values, window=w, asset=asset, venue=venue, when=when)
    return out, skipped


def _exchange_list(rows, registry, rng, asset, when, declared) -> tuple[list[Figure], list[str]]:
    if declared and rng not in declared:
        raise MessageError(f"the export's range {rng} is not one of the event's windows ({', '.join(declared)})", "range")
    out: list[Figure] = []
    skipped: list[str] = []
    for i, row in enumerate(rows):
        name = row["exchange"]
        is_all = isinstance(name, str) and name.casefold() == ALL_EXCHANGES
        venue = None if is_all else _lookup(name, registry)
        if not is_all and venue is None:
            skipped.append(f"exchange {name!r}: not in the source registry")
            continue
        values = {part: _value(row, key, i) for part, _, key in PARTS}
        scope = "_".join(x for x in ("all" if is_all else venue, asset.lower() if asset else None) if x)
        out += _parts(f"coinglass_{scope}_{rng}", values, window=rng, asset=asset, venue=venue, when=when)
    return out, skipped


def _parts(prefix: str, values: dict, *, window: str, asset: str | None, venue: str | None, when) -> list[Figure]:
    out = []
    for part, side, _ in PARTS:
        v = values[part]
        if v is None:
            continue
        out.append(
            Figure(
                f"{prefix}_{part}" if part != "total" else prefix, "liquidations", "USD", amount(v, floor=False),
                window=window, side=side, asset=asset, venue=venue,
                coverage=None if venue else "network-wide (" + FEED.coverage + ")",
                as_of=when, obs_note=f"{FEED.title}; imported by writer import coinglass",
            )
        )
    return out
