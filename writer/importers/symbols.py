"""Exchange symbols to (asset, quote) and OKX contract values.

Only the majors are mapped to an asset: a symbol such as ``1000PEPEUSDT``
quotes 1,000 coins per unit, and guessing its asset from the name would put a
wrong figure in print. Orders in other symbols still count in the venue's
totals; they simply get no per-asset figure. The quote asset is always kept:
a notional in USDT is USDT, not USD.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal

# Base symbols printed as an asset of their own. A short list on purpose: each entry
# is a coin whose exchange ticker is unambiguous on Binance, Bybit and OKX.
MAJORS = frozenset({"BTC", "ETH", "SOL", "XRP", "DOGE", "BNB", "ADA", "LTC", "AVAX", "LINK", "TON", "TRX", "SUI"})

# Stablecoin quotes of linear (USD-margined) contracts. Inverse (coin-margined) contracts are
# quoted in USD contracts and sized differently; they are refused rather than mis-summed.
LINEAR_QUOTES = ("USDT", "USDC")

_DELIVERY_SUFFIX = re.compile(r"_\d{6}$")  # Binance quarterly contracts: BTCUSDT_250328


class SymbolError(ValueError):
    """A symbol the importer cannot place; the message says what was expected."""


@dataclass(frozen=True)
class Instrument:
    symbol: str  # as the feed spells it
    base: str
    quote: str

    @property
    def asset(self) -> str | None:
        """The asset a per-asset figure is filed under, or None outside the majors."""
        return self.base if self.base in MAJORS else None

    @property
    def pair(self) -> str:
        return f"{self.base}-{self.quote}"


# Captures name a few hundred symbols at most, millions of times: parse each once.
SYMBOL_CACHE = 4096


@lru_cache(maxsize=SYMBOL_CACHE)
def binance_instrument(symbol: str) -> Instrument:
    """``BTCUSDT`` / ``ETHUSDC`` / ``BTCUSDT_250328`` (USD-M futures)."""
    core = _DELIVERY_SUFFIX.sub("", symbol)
    for quote in LINEAR_QUOTES:
        if core.endswith(quote) and len(core) > len(quote):
            return Instrument(symbol, core[: -len(quote)], quote)
    raise SymbolError(f"symbol {symbol!r} is not a USD-M futures symbol (expected a base followed by {' or '.join(LINEAR_QUOTES)}, such as BTCUSDT)")


@lru_cache(maxsize=SYMBOL_CACHE)
def bybit_instrument(symbol: str) -> Instrument:
    """``BTCUSDT`` (USDT perpetual), ``BTCPERP`` / ``BTCUSDC`` (USDC perpetual)."""
    for quote in LINEAR_QUOTES:
        if symbol.endswith(quote) and len(symbol) > len(quote):
            return Instrument(symbol, symbol[: -len(quote)], quote)
    if symbol.endswith("PERP") and len(symbol) > 4:
        return Instrument(symbol, symbol[:-4], "USDC")  # Bybit names its USDC perpetuals BTCPERP, ETHPERP
    raise SymbolError(
        f"symbol {symbol!r} is not a linear contract (expected BTCUSDT, BTCUSDC or BTCPERP); "
        "inverse contracts are sized in USD contracts, not coins, and are not imported"
    )


@dataclass(frozen=True)
class Contract:
    """One OKX instrument: what one contract is worth and in what."""

    inst_id: str
    base: str
    quote: str  # the notional's currency: USDT for linear swaps, USD for inverse ones
    value: Decimal  # contract value (ctVal)
    inverse: bool  # True when `value` is in the quote (USD), False when in the base coin

    @property
    def instrument(self) -> Instrument:
        return Instrument(self.inst_id, self.base, self.quote)

    def notional(self, contracts: Decimal, price: Decimal) -> Decimal:
        """The notional of ``contracts`` at ``price``, in the quote currency."""
        if self.inverse:
            return contracts * self.value
        return contracts * self.value * price


def _c(inst_id: str, value: str, inverse: bool = False) -> Contract:
    base, quote = inst_id.split("-")[:2]
    return Contract(inst_id, base, quote, Decimal(value), inverse)


# OKX contract values (ctVal from /api/v5/public/instruments) for the majors. Anything
# else is refused: a wrong contract value would be off by a factor of ten or a thousand.
OKX_CONTRACTS: dict[str, Contract] = {
    c.inst_id: c
    for c in (
        _c("BTC-USDT-SWAP", "0.01"),
        _c("ETH-USDT-SWAP", "0.1"),
        _c("SOL-USDT-SWAP", "1"),
        _c("XRP-USDT-SWAP", "100"),
        _c("DOGE-USDT-SWAP", "1000"),
        _c("BTC-USD-SWAP", "100", inverse=True),
        _c("ETH-USD-SWAP", "10", inverse=True),
    )
}


def okx_contract(inst_id: str) -> Contract:
    try:
        return OKX_CONTRACTS[inst_id]
    except KeyError:
        raise SymbolError(
            f"unknown OKX instrument {inst_id!r}: its contract value is not in the importer's table "
            f"(known: {', '.join(OKX_CONTRACTS)}); add it to writer/importers/symbols.py with its ctVal"
        ) from None
