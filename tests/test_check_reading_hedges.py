"""Hedges and conditions that are not provenance: "an estimated $400 million ... wiped out" and "would
be liquidated if ETH hits $895" with no source.

"An estimated" right before a realised figure is the writer's approximation (a qualifier), not an
estimate of potential liquidations, and a condition ("if BTC falls to $X, $Y would be liquidated")
says what would happen, not who says so: with no source in scope both leave their figures
unattributed (both annotators of the held-out dev sets read them so). Words of potential with their
basis (a heat map, a model, "estimated ... could") remain the caveat an estimate needs. Every
sentence is the project's own.

Hearsay with no one named ("reportedly", "is said to", "is rumoured to", "allegedly", "is believed to", "were
reported", "a reported $X") tells the reader the figure is someone else's, just not whose: an unnamed source, so F001
does not flag it (bench/ANNOTATION.md point 7, changed in round fourteen: until then "is said to", "is rumoured to" and
"allegedly" were read as no attribution at all, and only "reportedly" and the passive "were reported" as an unnamed
report; the held-out annotators and the seeds read all of them alike). The hedge credits its part of the sentence (up
to a semicolon or a dash; two dashes around an aside cut nothing). An attribution earlier in the paragraph still does
not carry to it, and fact mode still asks for the name. The agentless estimate ("is estimated that", "were estimated
at") is no hearsay: an estimate of no one, flagged.
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
    # hearsay with no one named: an unnamed source (round fourteen; these were flagged until then)
    ("hearsay", "One market maker is said to have dumped $62 million of ether into the drop.", []),
    ("hearsay", "It was said that $45 million of longs went in the first minute.", []),
    ("reported", "The whale's stake was reported to be worth $230 million before the wipeout.", []),
    ("reported", "Binance is rumoured to have lost $40 million in the outage.", []),
    ("reported", "Inflows into spot ETFs reportedly hit a record, surpassing $40 billion.", []),
    ("hearsay", "A Singapore fund allegedly borrowed $85 million against its tokens.", []),
    ("hearsay", "The desk is believed to have shed $120 million of longs before the open.", []),
    ("hearsay", "Roughly $75 million was supposedly moved to an exchange hours before the drop.", []),
    ("hearsay", "The founder purportedly pledged 40 million tokens as collateral.", []),
    ("hearsay", "Two wallets are widely thought to hold 12% of the supply.", []),
    ("hearsay", "Ether rallied 18% — from $2,100 to $2,480 — while a trader reportedly pocketed $6 million.", []),
    # ...its part of the sentence only: a semicolon or a lone dash ends it
    ("reported", "Shorts lost $419 million in the hour; a fund reportedly bought the lows.", ["$419 million"]),
    ("reported", "Shorts lost $419 million in the hour — a fund reportedly bought the lows.", ["$419 million"]),
    ("hearsay", "Ether rallied 18% in a day; a trader is said to have pocketed $6 million.", ["18%"]),
    # ...and a forecast in the passive is no hearsay
    ("hearsay", "Bitcoin is expected to reach $95,000 by March.", ["$95,000"]),
    # ...named, it is attributed (a source, or the agent of the passive)
    ("hearsay", "One market maker is said by Lookonchain to have dumped $62 million of ether.", []),
    ("hearsay", "One market maker dumped $62 million of ether, the desk's head of trading said.", []),
    ("hearsay", "Traders said $45 million of longs went in the first minute.", []),
    # the agentless passive "estimated": hearsay too, unless an agent or a potential follows
    ("hearsay", "It is estimated that $300 million of longs were wiped out overnight.", ["$300 million"]),
    ("hearsay", "Liquidations over the day were estimated at $1.2 billion.", ["$1.2 billion"]),
    ("hearsay", "Liquidations over the day were estimated at $1.2 billion by Coinalyze.", []),
    ("hearsay", "It is estimated that $2 billion of shorts could be liquidated above $100,000.", []),
    # ...and an attribution earlier in the paragraph does not carry to a hearsay sentence (which is credited to its
    # unnamed source all the same), nor past it
    ("hearsay carry", "Longs lost $310 million over the day, according to CoinGlass. One fund allegedly lost $28 million "
                      "of it. Shorts lost $44 million.", []),
    ("hearsay carry", "Per Lookonchain, the wallet sold 3,000 ETH through the day. It is believed to have lost $7 million "
                      "on the trade.", []),
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
