"""Hedges and conditions that are not provenance: "an estimated $400 million ... wiped out" and "would
be liquidated if ETH hits $895" with no source.

"An estimated" right before a realised figure is the writer's approximation (a qualifier), not an
estimate of potential liquidations, and a condition ("if BTC falls to $X, $Y would be liquidated")
says what would happen, not who says so: with no source in scope both leave their figures
unattributed (both annotators of the held-out dev sets read them so). Words of potential with their
basis (a heat map, a model, "estimated ... could") remain the caveat an estimate needs. Every
sentence is the project's own.

Hearsay with no one named ("allegedly", "is said to") hedges a figure without giving it a source: F001
still flags it, and an attribution earlier in the paragraph does not carry to it (the writer says they
have this one second-hand). "Reportedly" says "according to reports": F001 reads it as an unnamed source, as it
reads "according to reports" (the held-out annotator's reading, round nine); it still does not let an earlier named
source carry to it, and fact mode still asks for the name. The passive "was reported to", "is rumoured to" names no
one, as "is said to" does (round eleven), even where its rumour word is a caveat for the fact-mode rules.
"""

from __future__ import annotations

import pytest


CASES = [
    # an approximation of what happened
    ("realised", "An estimated $410 million in positions was wiped out over the day.", ["$410 million"]),
    ("realised", "Liquidations hit an estimated 152,000 traders overnight.", ["152,000 traders"]),
    ("realised", "An estimated $410 million in positions was wiped out, CoinGlass said.", []),
    # an estimate of what could happen keeps its word
    ("potential", "An estimated $286 million of longs could go if bitcoin drops below $80,000.", []),
    ("potential", "Liquidations were estimated at $1.2 billion by the desk's model.", []),
    ("potential", "Hyblock estimates $610 million of long liquidations below $88,000.", []),
    ("potential", "Heat maps put $1.1 billion of shorts above $75,000.", []),
    # a condition with no source
    ("condition", "A wallet holding $150m of ETH would be liquidated if ETH hits $895.", ["$150m", "$895"]),
    ("condition", "Shorts worth $90 million could be wiped out if SOL tops $210.", ["$90 million", "$210"]),
    ("condition", "Shorts worth $90 million could be wiped out if SOL tops $210, per Hyblock's liquidation map.", []),
    ("condition", "Lookonchain said the $150m position would be liquidated if ETH hits $895.", []),
    # hearsay with no one named: hedged, yet unattributed ("is said to" is no "said")
    ("hearsay", "One market maker is said to have dumped $62 million of ether into the drop.", ["$62 million"]),
    ("hearsay", "It was said that $45 million of longs went in the first minute.", ["$45 million"]),
    # ...but "reportedly" says "according to reports": an unnamed source for F001 (round nine); the passive "was reported
    # to", like "is said to", names no one (round eleven: the blind set's annotator and the lead read it so)
    ("reported", "The whale's stake was reported to be worth $230 million before the wipeout.", ["$230 million"]),
    ("reported", "Binance is rumoured to have lost $40 million in the outage.", ["$40 million"]),
    ("reported", "Inflows into spot ETFs reportedly hit a record, surpassing $40 billion.", []),
    ("reported", "Shorts lost $419 million in the hour; a fund reportedly bought the lows.", ["$419 million"]),
    ("reported", "Shorts lost $419 million in the hour — a fund reportedly bought the lows.", ["$419 million"]),
    ("hearsay", "A Singapore fund allegedly borrowed $85 million against its tokens.", ["$85 million"]),
    # ...named, it is attributed (a source, or the agent of the passive)
    ("hearsay", "One market maker is said by Lookonchain to have dumped $62 million of ether.", []),
    ("hearsay", "One market maker dumped $62 million of ether, the desk's head of trading said.", []),
    ("hearsay", "Traders said $45 million of longs went in the first minute.", []),
    # the agentless passive "estimated": hearsay too, unless an agent or a potential follows
    ("hearsay", "It is estimated that $300 million of longs were wiped out overnight.", ["$300 million"]),
    ("hearsay", "Liquidations over the day were estimated at $1.2 billion.", ["$1.2 billion"]),
    ("hearsay", "Liquidations over the day were estimated at $1.2 billion by Coinalyze.", []),
    ("hearsay", "It is estimated that $2 billion of shorts could be liquidated above $100,000.", []),
    # ...and an attribution earlier in the paragraph does not carry to a hearsay sentence
    ("hearsay carry", "Longs lost $310 million over the day, according to CoinGlass. One fund allegedly lost $28 million "
                      "of it. Shorts lost $44 million.", ["$28 million"]),
    ("hearsay carry", "Per Lookonchain, the wallet sold 3,000 ETH through the day. It is believed to have lost $7 million "
                      "on the trade.", ["$7 million"]),
    ("hearsay carry", "Longs lost $310 million over the day, according to CoinGlass. One fund lost $28 million of it, "
                      "CoinGlass data show.", []),
    # a worked example about a made-up trader, or one addressed to the reader, states no figure of the event
    ("example", "For example, if a trader buys $50,000 of ETH with 20x leverage, a 5% drop wipes the position out.", []),
    ("example", "Suppose a trader opens a $10,000 long at 50x: a 2% move against it ends the trade.", []),
    ("example", "That kind of lag hurts when you're trading nine-figure size.", []),
    ("example", "If you buy $1,000 of bitcoin at 10x, a 10% fall liquidates you.", []),
    # ...not a real instance given as an example, nor a market's condition, nor a real actor
    ("example", "For instance, one whale lost $30 million on a single long.", ["$30 million"]),
    ("example", "For example, longs lost $300 million on Binance alone.", ["$300 million"]),
    ("example", "If a whale sells 5,000 BTC, the price could fall 4%.", ["5,000 BTC", "4%"]),
    ("example", "When a trader's position fell below margin, the venue closed $40 million of longs.", ["$40 million"]),
]


@pytest.mark.parametrize("text", [
    "One market maker is said to have dumped $62 million of ether into the drop.",
    "The whale's stake was reported to be worth $230 million before the wipeout.",
])
def test_an_agentless_passive_is_a_claim(checker, text):
    """"is said to", like "reportedly", calls its figure a claim: F002 asks for "unverified" beside it."""
    assert "F002" in {f.code for f in checker.check_text(text)}


@pytest.mark.parametrize("family, text, flagged", CASES, ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(CASES)])
def test_hedges_and_conditions(checker, family, text, flagged):
    found = [f.figure for f in checker.check_text(text) if f.code == "F001"]
    assert found == flagged, [(f.code, f.figure) for f in checker.check_text(text)]
