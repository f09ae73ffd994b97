"""Round ten: the fact-free check's misses on real articles, read as patterns (every sentence here is ours).

Each category of the annotator's misses has must-flag and must-pass sentences (proselint's table of examples): a
sentence in ``FLAG`` must get F001 on the figures listed, one in ``PASS`` no F001 or F002 at all.

a. An earlier attribution of a paragraph carries to a later sentence only for figures of its own kind: not from
   liquidation data to an asset's price move, and not from anything but a forecast to a forecast (phrases.yaml
   ``carry``; writer/check/analysis.py ``_foreign``). Never across paragraphs.
b. A source and its verb with an aside between ("the exchange, in a statement, put ..."), a venue's leaderboard, a
   named tool.
c. Figures of the wider economy (a tariff, basis points, inflation, euros) are market context, not liquidation data.
d. A price move hung after a sentence's credit of liquidation data, with no comma ("Per X, liquidations hit $A as
   bitcoin fell to $B"): the credit covers the liquidations only (rules/f001_no_attribution.py ``_context_after_credit``).
g. A venue's role noun ("the platform", "the exchange") with a verb a market also takes ("saw", "recorded") is where
   the figure happened, not who reported it, as a named venue is ("OKX saw ..."); a tracker's is its source.
e. A quotation standing alone in its paragraph after a paragraph that introduces its speaker.
h. A worked example exempts only its own clause, only when its set-up holds a figure and nothing ties it to the
   event's days (phrases.yaml ``example_anchors``).
"""

from __future__ import annotations

import pytest

from check_support import fact_free_found
from link_support import codes, event


def _flagged(text: str) -> set[str]:
    """The figures F001 flags (F002 too: a pass must have neither)."""
    return {figure for _, figure in fact_free_found(text)}


# (category, text, figures that must be flagged)
FLAG = [
    # a. carried credit: not to a price move after liquidation data, not to a forecast, not to the next paragraph
    ("a", "According to CoinGlass, liquidations reached $310 million. Ether fell 6% to $2,950 on the day.", {"6%", "$2,950"}),
    ("a", "According to CoinGlass, liquidations reached $310 million. Bitcoin is expected to climb to $95,000 by March.",
     {"$95,000"}),
    ("a", "CoinMarketCap prices show bitcoin at $81,200 in the evening. Desks see it near $90,000 by the end of the year.",
     {"$90,000"}),
    ("a", "According to CoinGlass, liquidations reached $310 million.\n\nShorts lost $70 million over the same period.",
     {"$70 million"}),
    # a credit told after its sentence's figures closes that sentence: the next price is no longer its
    ("a", "Bitcoin fell 12% to $110,000 on Friday, Bloomberg reported. By Sunday, bitcoin was trading below $105,000.",
     {"$105,000"}),
    # c. figures of the wider economy after a credit of liquidation data
    ("c", "According to CoinGlass, liquidations reached $310 million. The central bank cut by 50 basis points.",
     {"50 basis points"}),
    ("c", "According to CoinGlass, liquidations reached $310 million. Inflation ran at 3.1% in October.", {"3.1%"}),
    ("c", "According to CoinGlass, liquidations reached $310 million. The fine came to €12 million.", {"€12 million"}),
    ("c", "According to CoinGlass, liquidations reached $310 million. Tariffs on imported chips rose to 145%.", {"145%"}),
    # d. a price move after the credit, with or without a comma
    ("d", "Per CoinGlass, liquidations hit $310 million as bitcoin fell to $78,400.", {"$78,400"}),
    ("d", "Per CoinGlass, liquidations hit $310 million while ether slid to $2,950.", {"$2,950"}),
    ("d", "Liquidations hit $310 million, according to CoinGlass, as the price of bitcoin dropped to $78,400.", {"$78,400"}),
    # e. a lone quotation with no speaker introduced before it
    ("e", "Liquidations reached $310 million, according to CoinGlass.\n\n“Longs lost $40 million in an hour.”", {"$40 million"}),
    ("e", "The Nasdaq Composite ended the session without a move.\n\n“Longs lost $40 million in an hour.”", {"$40 million"}),
    ("e", "Dana Ortiz runs a trading desk in Chicago.\n\nLongs lost $40 million in an hour.", {"$40 million"}),
    # b. a name as the venue of a weak verb is no source
    ("b", "OKX saw $30 million in liquidations over the day.", {"$30 million"}),
    ("b", "Traders, in a panic, sold $300 million of bitcoin.", {"$300 million"}),
    # g. a venue's role noun with a verb a market also takes is where the figure happened, as a venue's name is
    ("g", "Bybit runs one of the largest derivatives books.\n\nThe platform saw $45 million in liquidations.", {"$45 million"}),
    ("g", "The exchange, which halted withdrawals, recorded $30 million in liquidations.", {"$30 million"}),
    ("g", "Hyperliquid hosts perpetual futures.\n\nThe protocol logged $45 million of liquidations in an hour.", {"$45 million"}),
    # h. a worked example's exemption, narrowed
    ("h", "If you had bought bitcoin at $74,000 on Monday, you would be up 9% today.", {"$74,000", "9%"}),
    ("h", "If you had opened a 10x long on $1,000, it was gone; shorts on Binance lost $60 million in the day.", {"$60 million"}),
    ("h", "If you're wondering why, longs lost $300 million in an hour.", {"$300 million"}),
    ("h", "If you had shorted ether at $4,100 last week, a 20% gain would be yours.", {"$4,100", "20%"}),
    # f. a headline states its figures with no credit, whatever the body credits
    ("f", "# Longs lose $300M as bitcoin drops to $78K\n\nLiquidations reached $310 million, according to CoinGlass.",
     {"$300M", "$78K"}),
]

PASS = [
    # a. the credit carries within its paragraph to figures of its kind, and to what its data also show
    ("a", "According to CoinGlass, liquidations reached $310 million. Shorts lost $70 million over the same period."),
    ("a", "According to CoinGlass, liquidations reached $310 million. The data also show that bitcoin longs lost $120 million."),
    ("a", "According to a Bernstein note, bitcoin could reach $150,000 by year-end. The note expects ether at $6,000 by then."),
    ("a", "CoinMarketCap prices show bitcoin at $81,200 in the evening. Ether traded at $2,950."),
    ("a", "According to Bloomberg, bitcoin fell 12% to $110,000 on Friday. By Sunday, bitcoin was trading below $105,000."),
    # b. an exchange or tracker reporting its own data, with an aside between it and its verb
    ("b", "Bybit reported $45 million in liquidations on its platform over the day."),
    ("b", "The exchange, in a statement, put the damage at $30 million."),
    ("b", "Bybit, in a post on X, put its losses at $30 million."),
    ("b", "The tracker, which monitors 30 venues, logged $310 million in forced closures."),
    ("b", "Arkham, which follows fund wallets, flagged a 4,000 BTC transfer."),
    ("b", "Hyperliquid's leaderboard showed one trader lost $12 million."),
    ("b", "The CME's FedWatch tool showed the odds of a rate cut rising to 62%."),
    # d. the credit covers a clause about the liquidations themselves
    ("d", "Per CoinGlass, liquidations hit $310 million as longs were flushed across venues."),
    ("d", "Per CoinGlass, liquidations hit $310 million, with longs accounting for $250 million."),
    ("d", "Per CoinGlass, liquidations reached as much as $310 million in the day."),
    # e. the speaker introduced in the paragraph before, the quotation alone in its own
    ("e", "Dana Ortiz, who runs a trading desk in Chicago, was blunt about the day.\n\n“Longs lost $40 million in an hour. "
          "Nobody was ready.”"),
    ("e", "The exchange addressed the outage in a statement on its blog.\n\n\"We processed $30 million of forced closures "
          "in ten minutes.\""),
    ("e", "Dana Ortiz, a trader at a Chicago desk, described the selloff:\n\n“We saw $40 million of longs go in an hour.”"),
    # g. a role noun standing for a source named before
    ("g", "CoinGlass tracks liquidations across 30 venues.\n\nThe tracker counted 120,000 traders liquidated over the day."),
    ("g", "Bybit runs one of the largest derivatives books.\n\nThe platform said longs lost $45 million."),
    ("g", "Bybit runs one of the largest derivatives books.\n\nThe platform's dashboard showed $45 million in liquidations."),
    ("g", "The tracker, which monitors 30 venues, recorded $310 million in forced closures."),
    # h. worked examples about a made-up position
    ("h", "For example, if a trader buys $50,000 of ETH at 20x, a 5% drop wipes out the margin."),
    ("h", "If you open a 10x long with $1,000, a 10% move against you closes it."),
    ("h", "When you're trading nine-figure size, a thin book costs you."),
    ("h", "Suppose a trader opens a $10,000 long at 50x leverage, then a 2% drop is enough to close it."),
]


@pytest.mark.parametrize("category, text, figures", FLAG, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(FLAG)])
def test_must_flag(category, text, figures):
    assert _flagged(text) == figures


@pytest.mark.parametrize("category, text", PASS, ids=[f"{c}-{i}" for i, (c, _) in enumerate(PASS)])
def test_must_pass(category, text):
    assert _flagged(text) == set()


# --- one reading of where a move started, for a matching end and for a wrong one (writer/check/link_evidence.py) ----

_INDEX = """facts:
  - {id: mood, metric: sentiment_index, unit: index, label: the Crypto Fear & Greed Index, observations: [{source: alternative-me, value: 23, note: 'down from 38 the day before'}]}
"""


@pytest.mark.parametrize("text", [
    "The Crypto Fear & Greed Index slid to 23 from 38, per Alternative.me.",  # the end first
    "The Crypto Fear & Greed Index slid from 38 to 23, per Alternative.me.",  # the start first
])
def test_a_moves_start_in_the_facts_words_is_supported_in_either_order(text):
    assert codes(event(_INDEX), text) <= {"P013"}


@pytest.mark.parametrize("text", [
    "The Crypto Fear & Greed Index slid to 23 from 44, per Alternative.me.",
    "The Crypto Fear & Greed Index slid from 44 to 23, per Alternative.me.",
    "The Crypto Fear & Greed Index slid to 21 from 44, per Alternative.me.",  # a wrong end too
])
def test_a_moves_start_the_facts_do_not_hold_is_unsupported_never_a_contradiction_of_the_fact(text):
    from link_support import links_of

    starts = [link for link in links_of(event(_INDEX), text) if link[0] == "44"]
    assert starts and all(link[2] == "unsupported" for link in starts), starts
