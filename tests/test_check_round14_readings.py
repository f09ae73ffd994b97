"""Round fourteen's fact-free readings, each in must-flag and must-pass sentences of our own, every one run with the
bundled source registry and without one (``check_support.found_either_way``).

1. Liquidations are not carried from a credit of an asset's price alone (bench/ANNOTATION.md point 1: "while they go on
   about the same kind of figure"; analysis ``_prices_only`` in ``_foreign``): whoever priced the market counted no
   liquidations, as a liquidation desk priced nothing (the reading the check already had the other way round).
2. An asset's price moving with the verbs desks use for it ("declined", "tumbled", "slumped", "plummeted", "soared",
   "spiked", "advanced", "retreated", "rebounded", "crashed", "tanked"; phrases.yaml ``carry: price_move``) is market
   context: a liquidation credit earlier in the paragraph does not carry to it.
3. Talk told as the cause of a move ("amid speculation that ...", "on chatter about ...", writer/check/rumour_causes.py)
   hedges the talk, not the move, as a rumour told as the cause does.
4. Figures as desks print them: a magnitude letter after a space ("$40 K", "$2.53 B", "246.6 K traders", "2.35 M BTC"),
   "Bil" for billion ("$13 Bil."), coins after a suffixed amount, and the rupee and naira signs ("₹800 crore",
   "₦2 trillion").
(Hearsay with no one named, this round's fifth change, is in tests/test_check_reading_hedges.py.)
"""

from __future__ import annotations

import pytest
from check_support import found_either_way

from writer.check.figures import find_figures

# (reading, text, F001 figures)
FLAG = [
    # 1. a price credit, then liquidations
    ("1", "Bitcoin fell 4% to $91,200, according to CoinGecko. Longs worth $380 million were wiped out within the hour.",
     {"$380 million"}),
    ("1", "Per Kaiko, ether was changing hands at $2,410 by noon. Roughly 41,000 traders were liquidated on the day.",
     {"41,000 traders"}),
    ("1", "According to CoinMarketCap, solana dropped to $121. Later that week, shorts lost $64 million as it bounced.",
     {"$64 million"}),
    # 2. a price move after a liquidation credit
    ("2", "Longs lost $310 million in an hour, according to CoinGlass. Ether declined 6% to $2,280.", {"6%", "$2,280"}),
    ("2", "CoinGlass data show $95 million of shorts were squeezed. Solana soared 11% to $188 by the close.",
     {"11%", "$188"}),
    ("2", "Per Coinalyze, $420 million of longs went overnight. XRP tumbled 9% as the selling spread.", {"9%"}),
    # 3. talk as the cause of a move
    ("3", "Amid speculation that a fund was unwinding, bitcoin slid 5% to $88,400.", {"5%", "$88,400"}),
    ("3", "Ether jumped 7% on chatter about an ETF filing.", {"7%"}),
    ("3", "On growing listing speculation, the token spiked from $0.41 to $0.77.", {"$0.41", "$0.77"}),
]

PASS = [
    # 1. a price credit carries to prices; a liquidation credit to liquidations; a sentence credits itself
    ("1", "According to CoinGecko, bitcoin fell 4% to $91,200. Ether dropped 6% to $2,310 over the same hours."),
    ("1", "According to CoinGlass, longs lost $380 million. Shorts gave up another $70 million."),
    ("1", "Bitcoin fell 4% to $91,200, according to CoinGecko. Longs worth $380 million were wiped out, CoinGlass said."),
    # 2. a price move with its own credit, or a sentence that mixes the two kinds
    ("2", "Longs lost $310 million in an hour, according to CoinGlass. Ether declined 6% to $2,280, per CoinGecko."),
    ("2", "Per Coinalyze, $420 million of longs went overnight. Ether longs lost $90 million as the token tumbled."),
    # 3. the talk's own figures stay hedged by it; a credited move is credited
    ("3", "Ether jumped on speculation that a fund had bought $300 million of it."),
    ("3", "Amid speculation of a listing, the token rose 30% to $0.52, CoinGecko data show."),
]


@pytest.mark.parametrize("registry", [True, False], ids=["registry", "bare"])
@pytest.mark.parametrize("reading, text, figures", FLAG, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(FLAG)])
def test_must_flag(reading, text, figures, registry):
    assert {f for code, f in found_either_way(text, registry) if code == "F001"} == figures


@pytest.mark.parametrize("registry", [True, False], ids=["registry", "bare"])
@pytest.mark.parametrize("reading, text", PASS, ids=[f"{r}-{i}" for i, (r, _) in enumerate(PASS)])
def test_must_pass(reading, text, registry):
    assert {f for code, f in found_either_way(text, registry) if code == "F001"} == set()


# 4. (text, [(figure, unit, value)])
FIGURES = [
    ("Bitcoin lost ~$40 K of support.", [("$40 K", "USD", 40e3)]),
    ("Liquidations hit $2.53 B on the day.", [("$2.53 B", "USD", 2.53e9)]),
    ("About 246.6 K traders were liquidated.", [("246.6 K traders", "count", 246.6e3)]),
    ("Wallets bought 2.35 M BTC in the range.", [("2.35 M BTC", "coins", 2.35e6)]),
    ("Investors lost $13 Bil. overnight.", [("$13 Bil", "USD", 13e9)]),
    ("The desk moved 4.2K ETH to Binance.", [("4.2K ETH", "coins", 4.2e3)]),
    ("Longs on the venue lost ₹800 crore.", [("₹800 crore", "INR", 8e9)]),
    ("The exchange froze ₦2 trillion of deposits.", [("₦2 trillion", "NGN", 2e12)]),
    # ...not a letter that begins a word of its own, nor a single-digit whole number before a spaced letter
    ("A $5 M-shaped bottom formed.", [("$5", "USD", 5)]),
    ("He spent $40 on a K-pop album.", [("$40", "USD", 40)]),
    ("Figure 2 B shows the split.", []),
]


@pytest.mark.parametrize("text, expected", FIGURES, ids=[t for t, _ in FIGURES])
def test_figures_as_desks_print_them(text, expected):
    got = [(f.text, f.unit, f.lo) for f in find_figures(text)]
    assert [(t, u) for t, u, _ in got] == [(t, u) for t, u, _ in expected]
    assert all(v == pytest.approx(w) for (_, _, v), (_, _, w) in zip(got, expected))
