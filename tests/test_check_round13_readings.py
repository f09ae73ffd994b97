"""Round thirteen: mechanisms behind the fact-free check's misses on an open held-out set, fixed generally (every
sentence here is ours; bench/results/readings_round13.md says which misses each answers).

Each mechanism has must-flag and must-pass texts: a text in ``FLAG`` must get F001 on exactly the figures listed, one
in ``PASS`` no F001 or F002 at all. Each is checked with the bundled source registry and without one (as the held-out
sets are scored).

1. A credit line on a line of its own ("Source: X", "(Data: X)") signs a chart gone from the text: it covers the
   paragraph right above it and the one right below it in its section (bench/ANNOTATION.md, point 5). A caption with a
   title covers only figures of its title's kind (a chart of liquidations prices nothing; a price chart counts no
   liquidations); a photo's credit covers nothing; prose that closes on its credit covers no paragraph below it
   (writer/check/captions.py ``place_credits``, ``credits_below``; analysis ``caption_for``).
2. A price level or a price move told as a noun ("resistance at $0.50", "a rebound above $3,000") is market context,
   which a credit of liquidation data does not carry to (phrases.yaml ``carry: context``).
3. Unnamed data as the subject, with what it is data of or a sentence adverb ("The figures for the wallet show",
   "Details of the trade reveal", "The data indeed shows"); a demonstrative pointing back with an adverb ("These data
   clearly suggest"), which then opens a run for the rest of its paragraph as any credit does (ANNOTATION.md, point 1;
   F001 ``_points_back``); a passive's agent after a word of when ("announced on Monday by X": frames ``_agent``).
4. A speaker: where they said it, between name and verb with no commas ("Lee in a post noted": ``frames:
   speech_media``), a bare role in apposition ("Lena Ortiz, co-founder of Halvard Capital, cautioned"), and "caution"
   as a verb of speech.
5. A ranking is its compiler's data, and a possessive may stand two words from its data noun ("in Kaiko's liquidity
   ranking", "on Velo's funding-rate dashboard": frames ``_noun_left``).
6. A rumour told as the cause of a move ("After the ETF rumour, ether jumped to $3,300") hedges the rumour, not the
   move (phrases.yaml ``rumour_causes``; writer/check/rumour_causes.py).
"""

from __future__ import annotations

import pytest

from check_support import flagged_and_expected, found_either_way


FLAG = [
    # 1. a credit line reaches one paragraph on each side, no further; a titled caption only its kind of figure
    ("1", "Longs lost $42 million on Tuesday.\n\nSource: Velo\n\nShorts gave up $9 million.\n\nEther longs shed $6 million "
          "by the close.", {"$6 million"}),
    ("1", "Forced selling hit $70 million overnight.\n\nHourly long liquidations | Source: Velo\n\nSolana changed hands at "
          "$131 by dawn.", {"$131"}),
    ("1", "Ether price, daily candles | Data: Kaiko\n\nShorts gave up $9 million in the squeeze.", {"$9 million"}),
    ("1", "Longs lost $42 million on Tuesday.\n\nPhoto: Desk Pictures\n\nShorts gave up $9 million.", {"$42 million", "$9 million"}),
    ("1", "Longs lost $42 million on Tuesday, and shorts $9 million. Source: Velo\n\nEther longs shed $6 million by the close.",
     {"$6 million"}),
    ("1", "Longs lost $42 million on Tuesday.\n\nSource: Velo\n\n## Next\n\nShorts gave up $9 million.", {"$9 million"}),
    # ...and a dateline after a separator names a place and a day, no source
    ("1", "Morning wire / Porto, 4 May 2026\n\nLongs lost $42 million over the session.", {"$42 million"}),
    # 2. a level or a move told as a noun, after a credit of liquidations
    ("2", "Velo data show long liquidations topped $60 million. Still, resistance at $0.48 has held for a week.", {"$0.48"}),
    ("2", "According to Kaiko, longs bore most of the $80 million flush. The rebound above $3,050 came late.", {"$3,050"}),
    ("2", "Per Velo, shorts lost $14 million. Analysts eye critical support near $58,000.", {"$58,000"}),
    # 3. a demonstrative with no credit before it, data of no one with no verb of showing, a passive with no agent
    ("3", "These data clearly suggest 3,100 wallets were closed.", {"3,100 wallets"}),
    ("3", "Details of the trade were thin. It lost $2 million.", {"$2 million"}),
    ("3", "The loss of $7 million was announced on Monday.", {"$7 million"}),
    # ...and the run a point-back credit opens stops at market context
    ("3", "Kaiko counted the week's forced closures. These data clearly suggest 3,100 long positions were liquidated. Ether "
          "traded at $2,950 by noon.", {"$2,950"}),
    # 4. no speech verb after the medium, or no speaker before it
    ("4", "Lena Ortiz in a livestream lost $70 million on longs.", {"$70 million"}),
    # (the passive "was said to" was this case's speech verb until round fourteen: hearsay now credits an unnamed source)
    ("4", "In a post, bitcoin held $61,000 all day.", {"$61,000"}),
    # 5. a ranking no one is named for, or a possessive three words off
    ("5", "Of the top 30 coins in the weekly liquidity ranking, only 6 coins rose.", {"6 coins"}),
    ("5", "Of the top 30 coins by market value, only 6 coins rose.", {"6 coins"}),
    # 6. the move a rumour set off; the rumour's own figure stays hedged
    ("6", "After the ETF rumour, ether jumped from $2,900 to $3,300.", {"$2,900", "$3,300"}),
    ("6", "On fresh rumours that a desk had sold out, solana slid 11% in an hour.", {"11%"}),
    ("6", "Solana slid 11% on rumours that a desk had dumped $60 million of tokens.", {"11%"}),
]

PASS = [
    # 1. a credit line covers the paragraph above and the one below; a titled caption its own kind of figure there
    ("1", "Longs lost $42 million on Tuesday.\n\nSource: Velo\n\nShorts gave up $9 million."),
    ("1", "Longs lost $42 million on Tuesday.\n\n(Data: Kaiko)\n\nEther slid 5% to $2,910."),
    ("1", "Hourly long liquidations | Source: Velo\n\nLongs lost $42 million over the session."),
    ("1", "Ether price, daily candles | Data: Kaiko\n\nEther slid 5% to $2,910 by noon."),
    ("1", "Longs lost $42 million over the session.\n\nHourly long liquidations | Source: Velo"),
    # 2. context with its own credit, or after a credit of prices
    ("2", "Velo data show long liquidations topped $60 million. Resistance at $0.48 held, CoinGecko prices show."),
    ("2", "According to Kaiko, ether traded at $2,980 on Monday. The rebound above $3,050 came late."),
    # 3. unnamed data as the subject, a point-back with an adverb, a passive's agent after when
    ("3", "The figures for the wallet show it sold 5,200 ETH before the drop."),
    ("3", "Details of the trade reveal that it sold 5,200 ETH."),
    ("3", "Records of the desk's account show 48 forced closures."),
    ("3", "The data indeed shows longs lost $70 million."),
    ("3", "Kaiko counted the week's forced closures. These data clearly suggest 3,100 wallets were closed. That cost traders "
          "$44 million."),
    ("3", "The tally was announced on Monday by Kaiko. This data also shows 3,100 wallets were closed."),
    ("3", "The loss of $7 million was announced late on Monday by Kaiko."),
    # 4. a speaker's medium, a bare role, "cautioned"
    ("4", "Lena Ortiz in a post noted that longs lost $70 million."),
    ("4", "Dana Lee, head of research at Kaiko in an interview noted that in 2021 traders shorted into strength. That left "
          "$40 million of shorts to close."),
    ("4", "Lena Ortiz, co-founder of Halvard Capital, cautioned that ether could revisit $2,400."),
    ("4", "Dana Lee, research head at Kaiko, noted that longs lost $40 million."),
    ("4", "“Ether could revisit $2,400,” cautioned Lena Ortiz."),
    # 5. a named compiler's ranking, a possessive two words off its data noun
    ("5", "Of the top 30 coins in Kaiko's weekly liquidity ranking, only 6 coins rose."),
    ("5", "On Velo's funding-rate dashboard, 14 venues showed negative funding."),
    # 6. the move credited, or the rumour itself
    ("6", "After the ETF rumour, ether jumped from $2,900 to $3,300, Kaiko data show."),
    ("6", "Rumours that a desk had dumped $60 million of tokens spread on Tuesday."),
    ("6", "According to Kaiko, ether rose 4% on Monday. After the ETF rumour, it jumped to $3,300."),
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
