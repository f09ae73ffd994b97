"""Round thirteen (b): mechanisms behind the fact-free check's misses on a declassified held-out set, fixed generally
(every sentence here is ours; bench/results/readings_round13b.md says which misses each answers).

Each mechanism has must-flag and must-pass texts: a text in ``FLAG`` must get F001 on exactly the figures listed, one
in ``PASS`` no F001 or F002 at all. Each is checked with the bundled source registry and without one (as the held-out
sets are scored).

1. Guillemets open and close a quotation as curly quotes do ("«...,» said Lund."): a quotation of several sentences
   is credited once, after it closes (F001 ``_quote_credited``, ``_OPENERS``/``_CLOSERS``).
2. A credit carries to market context after it only from a sentence of market context: an indicator's reading, a
   fund's flows or liquidation data did not price the market (bench/ANNOTATION.md, point 1: the same kind of figure;
   analysis ``_foreign``, ``_gives_context``). A rate rise is the wider economy's figure, as a rate hike is.
3. A source named with the date it published, in parentheses ("(Kaiko, 2026)"), cites it even right after a
   capitalised word ("on Deribit (Kaiko, 2026)"; frames ``_in_parens``).
"""

from __future__ import annotations

import pytest

from check_support import flagged_and_expected, found_either_way


FLAG = [
    # 1. a quotation in guillemets that closes on no one's credit
    ("1", "«Funding flipped twice overnight. Longs lost $31 million in an hour.» Then the tape went quiet.", {"$31 million"}),
    # 2. a price after the credit of an indicator's reading, or of a fund's flows
    ("2", "Kaiko data show funds took in $410 million last week. Ether traded at $2,640 on Monday.", {"$2,640"}),
    ("2", "Mika Lund, an analyst at Halvard, said the skew index hit 71% in March. Bitcoin traded at $58,200 then.",
     {"$58,200"}),
    # 3. a parenthesis after a capitalised word with no date: an alias, no citation
    ("3", "The desk put $12 million on Deribit (Northwind Partners).", {"$12 million"}),
]

PASS = [
    # 1. a quotation in guillemets credited after it closes
    ("1", "«Funding flipped twice overnight. Longs lost $31 million in an hour. It was brutal,» said trader Mika Lund."),
    ("1", "Trader Mika Lund said: «Longs lost $31 million in an hour. Nobody hedged.»"),
    # 2. a price after a credit of prices
    ("2", "Per Kaiko, ether slid to $2,590 on Friday. Ether changed hands at $2,640 that evening."),
    ("2", "According to Kaiko, its depth gauge stood at 38% on Friday, the lowest in a year."),
    # 3. a citation with its date right after a venue's name
    ("3", "The spot price was $2,610 on Deribit (Kaiko, 2026)."),
]


@pytest.mark.parametrize("registry", [True, False], ids=["registry", "bare"])
@pytest.mark.parametrize("pattern, text, findings", FLAG, ids=[f"{p}-{i}" for i, (p, _, _) in enumerate(FLAG)])
def test_must_flag(pattern, text, findings, registry):
    got, expected = flagged_and_expected(text, findings, registry)
    assert got == expected


@pytest.mark.parametrize("registry", [True, False], ids=["registry", "bare"])
@pytest.mark.parametrize("pattern, text", PASS, ids=[f"{p}-{i}" for i, (p, _) in enumerate(PASS)])
def test_must_pass(pattern, text, registry):
    assert found_either_way(text, registry) == set()
