"""Parsers for the exchange liquidation streams: one message in, liquidation orders out.

Each parser takes one decoded JSON message and yields :class:`Order` s, or
raises :class:`MessageError` saying what was expected. Side conventions
differ between exchanges and are the whole point of this module:

- Binance ``o.S`` is the side of the *liquidation order*: a ``SELL`` order
  closes a long, so SELL liquidates a long and BUY a short.
- Bybit ``S`` is the side of the *position*: ``Buy`` means a long position
  was liquidated (the opposite spelling of Binance for the same event).
- OKX gives both: ``posSide`` (long/short in hedge mode, ``net`` in net mode)
  and the order ``side``; in net mode a ``sell`` closes a long.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from writer.importers.symbols import Instrument, SymbolError, binance_instrument, bybit_instrument, okx_contract


class MessageError(ValueError):
    """One message is not what its format documents; ``field`` names where (dotted), may be empty."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.field = field


class Control(Exception):
    """A documented control message (subscription acknowledgement, pong): carries no orders."""


@dataclass(frozen=True, slots=True)
class Order:
    instrument: Instrument
    side: str  # "long" or "short": the side of the position that was liquidated
    notional: Decimal  # in instrument.quote
    time_ms: int


# --- shared field readers ---------------------------------------------------------


def _get(obj, key: str, where: str):
    if not isinstance(obj, dict):
        raise MessageError(f"expected an object at {where or 'the top level'}", where)
    if key not in obj:
        raise MessageError(f"missing field {key!r}", _join(where, key))
    return obj[key]


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def decimal(raw, field: str) -> Decimal:
    """An exact, finite, non-negative decimal from a JSON string or number."""
    if isinstance(raw, bool) or not isinstance(raw, (str, int, Decimal)):
        raise MessageError(f"expected a decimal number, got {raw!r}", field)
    try:
        value = Decimal(raw)
    except (InvalidOperation, ValueError):
        raise MessageError(f"expected a decimal number, got {raw!r}", field) from None
    if not value.is_finite() or value < 0:
        raise MessageError(f"expected a finite, non-negative number, got {raw!r}", field)
    return value


def millis(raw, field: str) -> int:
    """A Unix time in milliseconds, as a JSON integer or a string of digits."""
    if isinstance(raw, bool):
        raise MessageError(f"expected a time in milliseconds, got {raw!r}", field)
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and raw.isdigit():
        return int(raw)
    raise MessageError(f"expected a time in milliseconds, got {raw!r}", field)


def _instrument(parse: Callable[[str], Instrument], raw, field: str) -> Instrument:
    if not isinstance(raw, str):
        raise MessageError(f"expected a symbol, got {raw!r}", field)
    try:
        return parse(raw)
    except SymbolError as exc:
        raise MessageError(str(exc), field) from None


# --- Binance USD-M forceOrder --------------------------------------------------------

_BINANCE_SIDES = {"SELL": "long", "BUY": "short"}  # the liquidation order's side -> the position liquidated


def binance(message) -> Iterator[Order]:
    """``{"e": "forceOrder", "E": ..., "o": {...}}``, raw or wrapped as ``{"stream": ..., "data": {...}}``.

    A well-formed message (quoted numbers, as Binance sends them) takes the
    direct path; anything else goes through :func:`binance_checked`, which
    gives the same orders or the located error. The direct path halves the
    cost of a million-line capture (bench/bench_import.py); tests hold the two
    to the same results.
    """
    try:
        if "stream" in message:
            message = message["data"]
        o = message["o"]
        ap, z, t, symbol = o["ap"], o["z"], o["T"], o["s"]
        if message["e"] == "forceOrder" and type(ap) is str and type(z) is str and type(t) is int and type(symbol) is str:
            price, qty = Decimal(ap), Decimal(z)
            if price.is_finite() and qty.is_finite() and price >= 0 and qty >= 0:
                return iter((Order(binance_instrument(symbol), _BINANCE_SIDES[o["S"]], price * qty, t),))
    except (KeyError, TypeError, InvalidOperation, SymbolError):
        pass
    return binance_checked(message)


def binance_checked(message) -> Iterator[Order]:
    """The field-by-field reading of a forceOrder message, with a located error for anything amiss."""
    if isinstance(message, dict) and "stream" in message and "data" in message:
        message = message["data"]
    event = _get(message, "e", "")
    if event != "forceOrder":
        raise MessageError(f"expected event type 'forceOrder', got {event!r}", "e")
    o = _get(message, "o", "")
    side = _get(o, "S", "o")
    if side not in _BINANCE_SIDES:
        raise MessageError(f"expected order side 'SELL' (a long liquidated) or 'BUY' (a short liquidated), got {side!r}", "o.S")
    instrument = _instrument(binance_instrument, _get(o, "s", "o"), "o.s")
    notional = decimal(_get(o, "ap", "o"), "o.ap") * decimal(_get(o, "z", "o"), "o.z")
    yield Order(instrument, _BINANCE_SIDES[side], notional, millis(_get(o, "T", "o"), "o.T"))


# --- Bybit allLiquidation ---------------------------------------------------------------

_BYBIT_SIDES = {"Buy": "long", "Sell": "short"}  # the position's side


def bybit(message) -> Iterator[Order]:
    """``{"topic": "allLiquidation.BTCUSDT", "type": "snapshot", "ts": ..., "data": [{T, s, S, v, p}]}``."""
    if isinstance(message, dict) and "op" in message and "topic" not in message:
        raise Control()
    topic = _get(message, "topic", "")
    if not isinstance(topic, str) or not topic.startswith("allLiquidation."):
        hint = " (the deprecated liquidation topic pushes at most one order per second per symbol; capture allLiquidation)" if str(topic).startswith("liquidation.") else ""
        raise MessageError(f"expected topic 'allLiquidation.<symbol>', got {topic!r}{hint}", "topic")
    data = _get(message, "data", "")
    if not isinstance(data, list):
        raise MessageError("expected a list of liquidations", "data")
    for i, item in enumerate(data):
        at = f"data[{i}]"
        side = _get(item, "S", at)
        if side not in _BYBIT_SIDES:
            raise MessageError(f"expected position side 'Buy' (a long liquidated) or 'Sell' (a short liquidated), got {side!r}", f"{at}.S")
        instrument = _instrument(bybit_instrument, _get(item, "s", at), f"{at}.s")
        notional = decimal(_get(item, "v", at), f"{at}.v") * decimal(_get(item, "p", at), f"{at}.p")
        yield Order(instrument, _BYBIT_SIDES[side], notional, millis(_get(item, "T", at), f"{at}.T"))


# --- OKX liquidation-orders --------------------------------------------------------------

_OKX_NET_SIDES = {"sell": "long", "buy": "short"}  # net mode: the closing order's side -> the position liquidated
_OKX_HEDGE_SIDES = {"long": "sell", "short": "buy"}  # hedge mode: the order that closes each position side


def okx(message) -> Iterator[Order]:
    """A WebSocket push (``{"arg": {"channel": "liquidation-orders"}, "data": [...]}``) or a REST response (``{"code": "0", "data": [...]}``)."""
    if isinstance(message, dict) and "event" in message:
        if message["event"] == "error":
            raise MessageError(f"the capture holds an OKX error message: {message.get('msg', '')!r}", "event")
        raise Control()
    if isinstance(message, dict) and "arg" in message:
        channel = message["arg"].get("channel") if isinstance(message["arg"], dict) else None
        if channel != "liquidation-orders":
            raise MessageError(f"expected channel 'liquidation-orders', got {channel!r}", "arg.channel")
    elif isinstance(message, dict) and "code" in message:
        if str(message["code"]) != "0":
            raise MessageError(f"the capture holds a failed REST response (code {message['code']!r}: {message.get('msg', '')!r})", "code")
    else:
        raise MessageError("expected a liquidation-orders push (with 'arg') or a REST response (with 'code')")
    data = _get(message, "data", "")
    if not isinstance(data, list):
        raise MessageError("expected a list of instruments", "data")
    for i, item in enumerate(data):
        at = f"data[{i}]"
        inst_id = _get(item, "instId", at)
        if not isinstance(inst_id, str):
            raise MessageError(f"expected an instrument id such as BTC-USDT-SWAP, got {inst_id!r}", f"{at}.instId")
        try:
            contract = okx_contract(inst_id)
        except SymbolError as exc:
            raise MessageError(str(exc), f"{at}.instId") from None
        details = _get(item, "details", at)
        if not isinstance(details, list):
            raise MessageError("expected a list of liquidation details", f"{at}.details")
        for j, d in enumerate(details):
            dat = f"{at}.details[{j}]"
            side = _okx_side(_get(d, "posSide", dat), d.get("side"), dat)
            notional = contract.notional(decimal(_get(d, "sz", dat), f"{dat}.sz"), decimal(_get(d, "bkPx", dat), f"{dat}.bkPx"))
            yield Order(contract.instrument, side, notional, millis(_get(d, "ts", dat), f"{dat}.ts"))


def _okx_side(pos_side, order_side, at: str) -> str:
    if pos_side in _OKX_HEDGE_SIDES:
        if order_side is not None and order_side != _OKX_HEDGE_SIDES[pos_side]:
            raise MessageError(f"posSide {pos_side!r} with order side {order_side!r}: a {pos_side} position is closed by a {_OKX_HEDGE_SIDES[pos_side]} order", f"{at}.side")
        return pos_side
    if pos_side == "net":
        if order_side not in _OKX_NET_SIDES:
            raise MessageError(f"posSide 'net' needs order side 'sell' (a long liquidated) or 'buy' (a short liquidated), got {order_side!r}", f"{at}.side")
        return _OKX_NET_SIDES[order_side]
    raise MessageError(f"expected posSide 'long', 'short' or 'net', got {pos_side!r}", f"{at}.posSide")


PARSERS: dict[str, Callable[[object], Iterator[Order]]] = {"binance": binance, "bybit": bybit, "okx": okx}


def identify(message) -> str | None:
    """Which feed a message looks like (for refusing a file that mixes two), or None."""
    if not isinstance(message, dict):
        return None
    if message.get("e") == "forceOrder" or ("stream" in message and isinstance(message.get("data"), dict)):
        return "binance"
    if "topic" in message:
        return "bybit"
    if "arg" in message or ("code" in message and "data" in message) or "event" in message:
        return "okx"
    if "op" in message:
        return "bybit"
    return None
