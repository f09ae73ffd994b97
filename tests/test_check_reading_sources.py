"""The check reading the ways real reporting credits a figure, by family (round 5).

Every sentence is the project's own, written for a pattern seen in real articles (exchange
notices, on-chain tracker stories, newswire briefs, captions), never copied from one. Each
family has sentences the check must read as attributed (no F001) and look-alikes it must not
(the same words in another role: "by midnight" is no "by X's count", "spotted near the lows"
no "spotted by X").
"""

from __future__ import annotations

import pytest


SENTENCES = [
    # an unnamed source described as such (the drafts' wording for a `described` source)
    ("described", "Longs lost $212 million over the day, according to a single unnamed source.", []),
    ("described", "Shorts lost $88 million, according to several unnamed data providers.", []),
    ("described", "Liquidations came to $1.1 billion, according to several data providers.", []),
    ("described", "A single unnamed source puts the day's long liquidations at $212 million.", []),
    # who found it: a participle of discovery before "by"
    ("spotted by", "Spotted by the tracker Onchain Lens, the wallet topped up its margin with $5.2 million.", []),
    ("spotted by", "The long, identified by the analytics platform Arkham, held 500 BTC worth about $36 million.", []),
    ("spotted by", "The address, first spotted by Lookonchain, moved 2,000 ETH to an exchange.", []),
    ("spotted by", "The pattern was uncovered by Nansen after the fund lost $7 million.", []),
    ("spotted by", "Spotted near the lows, the whale added $5.2 million to its margin.", ["$5.2 million"]),
    ("spotted by", "The whale identified a gap and opened a $36 million long.", ["$36 million"]),
    # going by a source's numbers
    ("going by", "Going by CoinGlass figures, shorts lost $96 million in the hour.", []),
    ("going by", "Judging by Coinalyze data, shorts lost $41 million overnight.", []),
    ("going by", "Judging from the Hyblock dashboard, $310 million of longs went in 12 hours.", []),
    ("going by", "It has been learned from CoinAnk data that $96 million of shorts were closed in the hour.", []),
    ("going by", "Going into the weekend, shorts lost $96 million in the hour.", ["$96 million"]),
    ("going by", "Judging the move by its speed, longs lost $96 million in the hour.", ["$96 million"]),
    # where the reader can see it
    ("shown on", "As shown on the CoinGlass dashboard, shorts lost $96 million in the hour.", []),
    ("shown on", "As seen on Coinalyze, longs lost $51 million in the hour.", []),
    # whose count it is
    ("whose count", "By CoinGlass's count, shorts lost $96 million in the hour.", []),
    ("whose count", "On Coinalyze’s count, 4,200 accounts were liquidated in the hour.", []),
    ("whose count", "By the count of CoinAnk, longs lost $61 million in four hours.", []),
    ("whose count", "By the reckoning of Hyblock, longs lost $61 million in four hours.", []),
    ("whose count", "By midnight, shorts had lost $96 million.", ["$96 million"]),
    ("whose count", "By the end of the session, shorts had lost $96 million.", ["$96 million"]),
    ("whose count", "By count, 4,200 accounts were liquidated in the hour.", ["4,200 accounts"]),
    ("whose count", "The count of liquidated traders reached 4,200 by noon.", ["4,200"]),
    # a venue's own notice
    ("notice", "OKX's announcement put the affected accounts at 4,200.", []),
    ("notice", "Bybit’s notice put the shortfall the insurance fund covered at $3.1 million.", []),
    ("notice", "The announcement came after longs lost $96 million in the hour.", ["$96 million"]),
    # the venue or protocol speaking for itself
    ("the exchange", "Shorts lost $96 million in the hour, the exchange disclosed.", []),
    ("the exchange", "The insurance fund absorbed a $4 million loss, the protocol said in a post.", []),
    ("the exchange", "Traders on the exchange lost $96 million in the hour.", ["$96 million"]),
    ("the exchange", "The exchange suffered $96 million of long liquidations in the hour.", ["$96 million"]),
    ("the exchange", "The protocol lost $4 million when the vault absorbed the position.", ["$4 million"]),
    # an adverb between the source and its verb
    ("adverb", "Coinalyze data now shows $51 million of shorts were closed in the hour.", []),
    ("adverb", "CoinGlass figures likewise showed longs losing $640 million.", []),
    ("adverb", "Longs now show $640 million of losses.", ["$640 million"]),
    # who speaks for a venue
    ("spokesperson", "The exchange's chief executive put the losses at $1.2 billion.", []),
    ("spokesperson", "The protocol's founder said the vault absorbed a $4 million loss.", []),
    ("spokesperson", "The founder's wallet absorbed a $4 million loss.", ["$4 million"]),
    # dollars written with the country
    ("dollars", "Close to 120 million U.S. dollars of longs were closed in two hours.", ["120 million U.S. dollars"]),
    ("dollars", "Close to 120 million US dollars of longs were closed, per CoinGlass.", []),
    # a source's description between it and its verb
    ("appositive", "Analysts at Kaiko, a market data firm, noted that depth fell $310 million.", []),
    ("appositive", "Coinalyze, the derivatives data aggregator, said shorts lost $41 million.", []),
    ("appositive", "Bitcoin, the largest coin, fell 6% to $81,200.", ["6%", "$81,200"]),
    ("appositive", "Ether, the second-largest token, lost $41 million of longs.", ["$41 million"]),
    # an X account named by its handle
    ("handle", "The wallet lost $2.1 million, @onchainlens reported.", []),
    ("handle", "Per @whale_alert, 1,200 BTC moved to Coinbase.", []),
    ("handle", "According to @EmberCN, the address withdrew 4.2 million USDC.", []),
    ("handle", "Traders emailed help@venue.io after losing $2.1 million.", ["$2.1 million"]),
    # its own filing
    ("own filing", "Per its own filing, the exchange covered $3.1 million of losses.", []),
    ("own filing", "By their own count, the desks lost $14 million.", []),
    ("own filing", "On its own, the position lost $14 million.", ["$14 million"]),
    # who circulates a claim: a source for F001, still to be called unverified (F002 in free mode, P003 with facts)
    ("circulates", "Social media chatter put the whale's loss at $30 million.", []),
    ("circulates", "Community members claimed the whale lost $30 million, though no one has verified it.", []),
    ("circulates", "Users on Telegram put the loss at $30 million, an unverified figure.", []),
    ("circulates", "Traders on Binance lost $30 million in the hour.", ["$30 million"]),
    ("circulates", "Community members deposited $30 million into the vault.", ["$30 million"]),
    # where positions would be liquidated: an estimate
    ("estimate", "Hyblock's liquidation levels show $800 million of longs below $90,000.", []),
    ("estimate", "Liquidation clusters sit near $90,000, with some $800 million of longs.", []),
    ("estimate", "Roughly $800 million of longs would be at risk below $90,000.", []),
    ("estimate", "Roughly $800 million of longs were liquidated below $90,000.", ["$800 million", "$90,000"]),
    # a credit under a chart
    ("credit line", "Longs lost $212 million over 24 hours. Image credit: CoinGlass", []),
    ("credit line", "Longs lost $212 million over 24 hours. Chart source: Coinalyze", []),
    # a counting verb's past makes any name before it a source, registered or not; a market, a side or the
    # traders who lost do not count
    ("tallied", "CoinDesk tallied more than $1.2 billion in losses on the venue.", []),
    ("tallied", "Velo Data counted 6,300 wallets in the red by the close.", []),
    ("tallied", "The Daily Ledger tallied $310 million of long liquidations over the day.", []),
    ("tallied", "Bitcoin counted $40 million in liquidations.", ["$40 million"]),
    ("tallied", "Traders counted $40 million in losses.", ["$40 million"]),
    ("tallied", "Longs tallied $300 million over the day.", ["$300 million"]),
    ("tallied", "Shorts totalled $300 million as March counted down.", ["$300 million"]),
    # who digs a figure out of public records, unnamed, is a described source
    ("sleuths", "The on-chain sleuths tallied the damage: $15 million lost.", []),
    ("sleuths", "Independent investigators counted 1,200 wallets drained.", []),
    ("sleuths", "Whale watchers flagged a $40 million transfer to the venue.", []),
    ("sleuths", "The sleuths were busy as longs lost $40 million.", ["$40 million"]),
    # the day the data is from, between a source's data and its verb
    ("data when", "Over $41 million of ETH longs were liquidated, Coinglass data on April 19 reveals.", []),
    ("data when", "Velo's figures for Friday show $300 million of shorts closed.", []),
    ("data when", "Kaiko data as of 3 March indicate a 12% drop in depth.", []),
    ("data when", "Bitcoin on April 19 showed a 4% gain.", ["4%"]),
    ("data when", "Longs on Friday recorded $300 million in losses.", ["$300 million"]),
    # a source telling what it remembers
    ("recalls", "The analyst recalls an earlier exploit that drained $37,000 from the vault.", []),
    ("recalls", "Glassnode recalled that a similar flush in 2021 cost longs $2 billion.", []),
    ("recalls", "The crash recalled 2021, when longs lost $2 billion.", ["$2 billion"]),
    # the writer reading a chart named by whose data it shows
    ("chart for", "Looking at the liquidation chart for BitMEX, 182.6 million longs were liquidated over the week.", []),
    ("chart for", "A glance at the data from Coinalyze: longs lost $182 million.", []),
    ("chart for", "According to the chart for BitMEX, longs lost $182 million.", []),
    ("chart for", "Looking at the chart for the week, longs lost $182 million.", ["$182 million"]),
    ("chart for", "Looking at the chart for bitcoin, longs lost $182 million.", ["$182 million"]),
    ("chart for", "Looking at the chart, longs lost $182 million.", ["$182 million"]),
    # the market's gauges read as a source
    ("indicators", "Key indicators suggest that bitcoin could potentially fall to $80,000.", []),
    ("indicators", "On-chain indicators show $2 billion of longs near liquidation.", []),
    ("indicators", "Bitcoin fell to $80,000 as indicators turned red.", ["$80,000"]),
]


@pytest.mark.parametrize("family, sentence, flagged", SENTENCES, ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(SENTENCES)])
def test_fact_free_reading_of_credits(checker, family, sentence, flagged):
    findings = checker.check_text(sentence)
    assert sorted(f.figure for f in findings if f.code == "F001") == sorted(flagged), [(f.code, f.figure) for f in findings]


# A list or a table credited as a whole: by the sentence ending in a colon that introduces it, or (a table) by a
# credit line alone right after it. Anything else before or after credits nothing.
LISTS = [
    ("CoinGlass data for the past day:\n\n- Longs: $860 million\n- Shorts: $164 million\n", []),
    ("According to Coinalyze, over four hours:\n\n1. BTC longs: $96 million\n2. ETH longs: $41 million\n", []),
    ("Over the past day:\n\n- Longs: $860 million\n- Shorts: $164 million\n", ["$860 million", "$164 million"]),
    ("CoinGlass data show a long-heavy day.\n\n- Longs: $860 million\n", ["$860 million"]),
    ("CoinGlass data for the past day:\n\nShorts were squeezed too.\n\n- Longs: $860 million\n", ["$860 million"]),
    ("| venue | longs |\n|---|---|\n| Binance | $58 million |\n| OKX | $31 million |\n\nSource: CoinGlass\n", []),
    ("Liquidations by venue, per Coinalyze:\n\n| venue | longs |\n|---|---|\n| Binance | $58 million |\n", []),
    ("| venue | longs |\n|---|---|\n| Binance | $58 million |\n\nThe day was long-heavy.\n", ["$58 million"]),
]


@pytest.mark.parametrize("text, flagged", LISTS)
def test_a_list_or_table_credited_as_a_whole(checker, text, flagged):
    findings = checker.check_text(text)
    assert sorted(f.figure for f in findings if f.code == "F001") == sorted(flagged), [(f.code, f.figure) for f in findings]


def test_who_circulates_a_claim_does_not_mark_it_unverified(checker):
    """Naming where a claim circulates is attribution, not a caveat: the claim must still be called unverified."""
    findings = checker.check_text("Some on X allege the whale lost $30 million.")
    assert [(f.code, f.figure) for f in findings] == [("F002", "$30 million")]
