"""Round fourteen's figure grammar: figures as desks print them, read whole, with sentences of our own.

A magnitude letter after a space ("$40 K", "$2.53 B", "$1.68 T", "246.6 K traders", "2.35 M BTC"), "Bil" for billion
("$13 Bil."), coins after a suffixed amount ("180.2 K BTC": coins, not dollars), and the rupee and naira signs
("₹800 crore", "₦2 trillion"). Each of these was read short before ("$40", "$2.53", "$13", no unit for "₹800 crore"),
or not at all ("2.35 M BTC"). (Hearsay with no one named, this round's change to F001, is in
tests/test_check_reading_hedges.py.)
"""

from __future__ import annotations

import pytest

from writer.check.figures import find_figures

# (text, [(figure, unit, value)])
FIGURES = [
    ("Bitcoin lost ~$40 K of support.", [("$40 K", "USD", 40e3)]),
    ("Liquidations hit $2.53 B on the day.", [("$2.53 B", "USD", 2.53e9)]),
    ("Close to 187.3 K traders had positions closed.", [("187.3 K traders", "count", 187.3e3)]),
    ("Wallets bought 2.35 M BTC in the range.", [("2.35 M BTC", "coins", 2.35e6)]),
    ("Investors lost $13 Bil. overnight.", [("$13 Bil", "USD", 13e9)]),
    ("Its market cap stood at $1.68 T.", [("$1.68 T", "USD", 1.68e12)]),
    ("The desk moved 4.2K ETH to Binance.", [("4.2K ETH", "coins", 4.2e3)]),
    ("Longs on the venue lost ₹800 crore.", [("₹800 crore", "INR", 8e9)]),
    ("The exchange froze ₦2 trillion of deposits.", [("₦2 trillion", "NGN", 2e12)]),
    # ...not a letter that begins a word of its own, nor a single-digit whole number before a spaced letter
    ("A $5 M-shaped bottom formed.", [("$5", "USD", 5)]),
    ("He spent $40 on a K-pop album.", [("$40", "USD", 40)]),
    ("The $3 T-shirt sold out.", [("$3", "USD", 3)]),
    ("Figure 2 B shows the split.", []),
]


@pytest.mark.parametrize("text, expected", FIGURES, ids=[t for t, _ in FIGURES])
def test_figures_as_desks_print_them(text, expected):
    got = [(f.text, f.unit, f.lo) for f in find_figures(text)]
    assert [(t, u) for t, u, _ in got] == [(t, u) for t, u, _ in expected]
    assert all(v == pytest.approx(w) for (_, _, v), (_, _, w) in zip(got, expected))
