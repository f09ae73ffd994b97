"""Wording that tells a reader a figure has one publisher only (phrases.yaml `single_source`).

P013 (info) asks for it on a single-source figure; these are ways desks say it beyond "a single
source". Each must-pass sentence has a near miss that says nothing about how many sources there are.
"""

from __future__ import annotations

import pytest

from test_factbase_kinds import HEAD, fact, load, obs
from writer.check import Checker

EVENT = load(HEAD + fact("sol", obs("coinglass", "value: 14.2M"), extra="    asset: SOL\n"))


def p013(sentence: str) -> bool:
    return any(f.code == "P013" for f in Checker().check_text(sentence + "\n", event=EVENT))


@pytest.mark.parametrize("sentence", [
    "Solana positions lost $14.2 million, according to one aggregator, CoinGlass.",
    "Per just one dashboard, CoinGlass, Solana positions lost $14.2 million.",
    "Solana positions lost $14.2 million, a figure only CoinGlass reports.",
    "Solana positions lost $14.2 million, reported only by CoinGlass so far.",
    "CoinGlass alone tracks the $14.2 million lost on Solana positions.",
])
def test_one_publisher_told_as_one_marks_a_single_source(sentence):
    assert not p013(sentence)


@pytest.mark.parametrize("sentence", [
    "Solana positions lost $14.2 million, according to CoinGlass, one of several aggregators.",
    "Solana positions lost $14.2 million, CoinGlass reports.",
    "Solana positions lost $14.2 million, CoinGlass reports, counting only the largest venues.",
])
def test_a_credit_that_does_not_count_its_sources_is_still_unmarked(sentence):
    assert p013(sentence)
