"""Round eight's readings of unseen articles (fact-free), every sentence the project's own:

- a data firm or an exchange writing about its own data, in the first person ("our data shows", "by our count",
  "we counted"): the publisher is the source;
- unnamed data as the subject ("The data shows ...", "Figures show ..."): an unnamed source (DESIGN §2's
  unnamed groups), hedged but attributed; not after a generic adjective ("Current data indicates"), not a
  demonstrative ("these figures suggest": the article's own numbers);
- a source as a compound modifier ("Velo-tracked", "a CoinGlass-compiled tally", "exchange-reported figures");
- a source cited in parentheses with a date ("(CoinMarketCap, 2025)"); a name with its publisher's title before a
  verb a market also takes ("data provider Coinalyze recorded $X");
- a quotation of several sentences credited once after it closes, and going on after its credit;
- a note that says it covers the whole piece ("All data in this article comes from CoinGlass.", "Unless otherwise
  noted, ..."), both ways in its section;
- a credit over a section, a list or a table: a heading that credits ("## Longs by venue (Data: CoinGlass)"),
  a credit line right above a list or a table, a list opened by a credit item, a table header naming its source;
- currencies before the amount ("€80 million", "HK$88 million", "USDT 1.2 billion") and bound words ("short of",
  "south of", "to the tune of").
"""

from __future__ import annotations

import pytest

from writer.check.figures import find_figures
from writer.check.phrases import build_phrases

FIRST_PERSON = [
    ("Our data shows longs lost $88 million over the day.", []),
    ("By our count, 120,000 traders were liquidated.", []),
    ("Our figures put long liquidations at $88 million.", []),
    ("We counted 120,000 traders liquidated on Tuesday.", []),
    ("In our tracking, longs lost $88 million.", []),
    ("We tracked $88 million in long liquidations over the day.", []),
    ("Our analysts found that longs lost $88 million.", []),
    ("We calculate that longs made up 71% of the day's losses.", []),
    ("Longs lost $88 million over the day, our data shows.", []),
    # first person with no data: a view, a forecast, the market seen
    ("We saw bitcoin fall 4% to $91,200 on Tuesday.", ["4%", "$91,200"]),
    ("In our view, bitcoin could fall to $80,000 by Friday.", ["$80,000"]),
    ("We think longs lost about $88 million.", ["$88 million"]),
    ("Our team lost $4 million on the trade.", ["$4 million"]),
    ("Our readers lost $88 million on the day.", ["$88 million"]),
    # a named source detailing what happened reports it
    ("Arkham Intelligence detailed how one trader lost $4 million.", []),
    ("A detailed breakdown put longs at $88 million.", ["$88 million"]),
]

UNNAMED_DATA = [
    ("The data shows longs lost $88 million over the day.", []),
    ("The figures show longs lost $88 million over the day.", []),
    ("Data shows longs lost $88 million over the day.", []),
    ("The data suggests that shorts lost $12 million in the hour.", []),
    ("Longs lost $88 million over the day, figures show.", []),
    ("Longs lost $88 million over the day, the numbers show.", []),
    ("Market data shows longs lost $88 million over the day.", []),
    ("Liquidation data shows longs lost $88 million over the day.", []),
    ("Stats show that $752 million of the week's liquidations were longs.", []),
    ("As per stats, about $1.01 billion was liquidated over the week.", []),
    ("Going by the figures, longs lost $88 million over the day.", []),
    ("Based on data points gathered last year, bitcoin could reach $150,000.", ["$150,000"]),
    ("The stats were grim: longs lost $88 million.", ["$88 million"]),
    ("Current data indicates that longs lost $88 million over the day.", ["$88 million"]),
    ("These figures suggest longs lost $88 million.", ["$88 million"]),
    ("The data center operator lost $4 million in the outage.", ["$4 million"]),
    ("The market posted a 4% gain on Tuesday.", ["4%"]),
    ("The futures market saw $88 million in long liquidations.", ["$88 million"]),
]

COMPOUNDS = [
    ("The Velo-tracked total came to $88 million in long liquidations.", []),
    ("An Arkham-flagged wallet lost $4 million on the trade.", []),
    ("Exchange-reported figures put long liquidations at $88 million.", []),
    ("The Lookonchain-spotted whale lost $4 million.", []),
    ("The K33-compiled series showed $88 million in long liquidations.", []),
    # a place, a listing, an adverb, a plain word: no source
    ("A Cayman-based fund lost $40 million on the trade.", ["$40 million"]),
    ("A Binance-listed token fell 40% on Tuesday.", ["40%"]),
    ("The widely-reported $88 million loss rattled traders.", ["$88 million"]),
    ("A well-documented $88 million loss rattled traders.", ["$88 million"]),
    ("A hand-compiled list showed $88 million in losses.", ["$88 million"]),
    ("Bitcoin-denominated losses hit $88 million.", ["$88 million"]),
]

PUBLISHER_TITLES = [
    # a name with its publisher's title takes a verb a market also takes ("logged", "recorded", "counted")
    ("The liquidation tracker CoinGlass logged $750 million of short liquidations in the hour.", []),
    ("Data provider Coinalyze recorded $88 million in long liquidations.", []),
    ("Analytics firm Kaiko counted $88 million in long liquidations.", []),
    # ...a venue's title does not: the exchange is where the liquidations happened
    ("Crypto exchange Binance recorded $122 million in liquidations.", ["$122 million"]),
    ("Trading platform Bybit posted $9 million in liquidations.", ["$9 million"]),
    ("The tracker Bitcoin recorded $88 million.", ["$88 million"]),
]

CITATIONS = [
    # a source in parentheses with the date of what it published, as aggregated news cites
    ("Bitcoin traded at $65,000, up 5% on the day (CoinMarketCap, 2025).", []),
    ("Shorts lost $1.2 billion over the week (CoinGlass, March 3).", []),
    ("The venue capped its feed at one order a second, 86% fewer (Bybit, September 2021).", []),
    ("Shorts lost $1.2 billion over the week (CoinGlass, 3 March 2026).", []),
    # ...not a ticker, an asset or a remark after the name
    ("Shorts lost $1.2 billion over the week (BTC, 2025).", ["$1.2 billion"]),
    ("Bitcoin traded at $65,000 (Bitcoin, 2025 high).", ["$65,000"]),
    ("Shorts lost $1.2 billion over the week (Hyperliquid, 2025 peak).", ["$1.2 billion"]),
]

QUOTES = [
    # a quotation of several sentences credited once, after it closes
    ("“Longs lost $88 million in an hour. That is a lot,” Reyes added.", []),
    ("“It was fast. Longs lost $88 million in an hour. That is a lot,” Reyes added.", []),
    ("\"Longs lost $88 million in an hour. That is a lot,\" Reyes added.", []),
    # ...and going on after its credit
    ("“It was fast,” Reyes said. “Longs lost $88 million in an hour. Nobody saw it coming.”", []),
    # ...for as many sentences as it runs, after "X said" or "said X", or a speaker's colon
    ("“It was fast,” said Reyes. “The book was thin. Shorts lost $12 million. Funding flipped to 0.02%.”", []),
    ("Reyes said: “The book was thin. Longs lost $88 million in an hour. Shorts lost $12 million.”", []),
    # ...and into the next paragraph, which opens with a quotation mark (the news convention)
    ("“It was fast,” Reyes said.\n\n“Longs lost $88 million in an hour. Shorts lost $12 million.”", []),
    ("Reyes said: “The book was thin.\n\n“Shorts lost $12 million. Funding hit 0.02%.”", []),
    # ...never a quotation after prose nobody credits, nor prose after the quotation closed
    ("“It was fast.” The desk was busy. “Longs lost $88 million in an hour. Shorts lost $12 million.”",
     ["$88 million", "$12 million"]),
    ("“It was fast,” Reyes said. “Longs lost $88 million in an hour.” Shorts lost $12 million.", ["$12 million"]),
    ("“It was fast,” Reyes said.\n\nLongs lost $88 million in an hour.", ["$88 million"]),
    ("The desk was busy.\n\n“Longs lost $88 million in an hour.”", ["$88 million"]),
    # ...not a quotation nobody credits, nor a credit of a later quotation
    ("“Longs lost $88 million in an hour. That is a lot.” The desk was busy.", ["$88 million"]),
    ("“Longs lost $88 million in an hour. That is a lot.”", ["$88 million"]),
    ("Longs lost $88 million in an hour. “That is a lot,” Reyes added.", ["$88 million"]),
    ("“Longs lost $88 million in an hour.” That is a lot, Reyes added.", ["$88 million"]),
]

NOTES = [
    # a note that says it covers the whole piece covers its section both ways
    ("All data in this article comes from CoinGlass.\n\nLongs lost $88 million over the day.\n", []),
    ("Longs lost $88 million over the day.\n\nAll data in this article comes from CoinGlass.\n", []),
    ("Unless stated otherwise, figures in this report are CoinGlass's.\n\nLongs lost $88 million over the day.\n", []),
    ("Longs lost $88 million over the day.\n\nNote: all figures are from CoinGlass and cover the past 24 hours.\n", []),
    ("All figures cited below come from CoinGlass.\n\nLongs lost $88 million over the day.\n", []),
    # ...its own section only, and only with a source
    ("## Longs\n\nLongs lost $88 million over the day.\n\n## Shorts\n\nShorts lost $12 million. All data in this section "
     "comes from CoinGlass.\n", ["$88 million"]),
    ("The prices in this article are indicative.\n\nBitcoin fell 4% to $91,200.\n", ["4%", "$91,200"]),
    # the writer saying what the whole piece rests on, with its source: every figure after it, in any section
    ("# The saga\n\nWe will base this story on the analysis of Three Sigma, an audit firm.\n\n## First attack\n\n"
     "The whale made $1.8 million and the vault lost $4 million.\n", []),
    ("Longs lost $90 million.\n\nThis article is based on data from CoinGlass.\n\n## More\n\nShorts lost $12 million.\n",
     ["$90 million"]),
    ("Our report draws on Kaiko's figures.\n\nDepth fell 12% on the day.\n", []),
    # ...not without a source, nor a decision based on a figure
    ("We will base this story on what we know.\n\nThe vault lost $4 million.\n", ["$4 million"]),
    ("The exchange based its decision on a $4 million loss.\n\nShorts lost $12 million.\n", ["$4 million", "$12 million"]),
    ("Unless otherwise noted, bitcoin fell 4% on the day.\n", ["4%"]),
]

CREDITS = [
    # a heading that credits covers its section, down to the next heading as high
    ("## Liquidations by venue (Data: CoinGlass)\n\nLongs lost $88 million over the day.\n\nShorts lost $12 million.\n\n"
     "## Outlook\n\nBitcoin could fall 4% more.\n", ["4%"]),
    ("## Data: CoinGlass\n\nLongs lost $88 million over the day.\n\n### By asset\n\nETH longs lost $31 million.\n\n"
     "## Outlook\n\nBitcoin fell 4% on the day.\n", ["4%"]),
    ("## Longs by venue | Source: Coinalyze\n\n- OKX: $12 million\n- Bybit: $9 million\n", []),
    # ...not a photo's credit, not a ticker in brackets
    ("## Liquidations by venue (Photo: Desk Media)\n\nLongs lost $88 million over the day.\n", ["$88 million"]),
    ("## Longs by venue (BTC)\n\nLongs lost $88 million over the day.\n", ["$88 million"]),
    # a credit line right above a list or a table covers it, not the paragraph after it
    ("Source: CoinGlass\n\n- Longs: $88 million\n- Shorts: $12 million\n\nBitcoin fell 4% on the day.\n", ["4%"]),
    ("Data: Velo\n\n| Venue | Longs |\n|---|---|\n| OKX | $12 million |\n| Bybit | $9 million |\n\n"
     "Bitcoin fell 4% on the day.\n", ["4%"]),
    ("Image source: Desk Media\n\n- Longs: $88 million\n", ["$88 million"]),
    # a table header naming its source covers its column; a "Source" column covers its row
    ("| Venue | Longs, 24h (CoinGlass) | Open interest |\n|---|---|---|\n| OKX | $12 million | $3 billion |\n",
     ["$3 billion"]),
    ("| Venue | Longs | Source |\n|---|---|---|\n| OKX | $12 million | CoinGlass |\n| Bybit | $9 million | |\n",
     ["$9 million"]),
    ("| Venue | Longs |\n|---|---|\n| OKX | $12 million |\n", ["$12 million"]),
]


@pytest.mark.parametrize("text, flagged", FIRST_PERSON + UNNAMED_DATA + COMPOUNDS + PUBLISHER_TITLES + CITATIONS + QUOTES + NOTES + CREDITS)
def test_fact_free_reading(checker, text, flagged):
    found = [f.figure for f in checker.check_text(text) if f.code == "F001"]
    assert found == flagged, [(f.code, f.line, f.figure) for f in checker.check_text(text)]


QUALIFIERS = build_phrases({}).qualifiers


@pytest.mark.parametrize("text, figure, unit, value", [
    ("Longs lost €80 million.", "€80 million", "EUR", 80e6),
    ("Longs lost £70m.", "£70m", "GBP", 70e6),
    ("Longs lost ¥12 billion.", "¥12 billion", "JPY", 12e9),
    ("Longs lost ₩120 billion.", "₩120 billion", "KRW", 120e9),
    ("Longs lost HK$88 million.", "HK$88 million", "HKD", 88e6),
    ("Longs lost USDT 1.2 billion.", "USDT 1.2 billion", "USDT", 1.2e9),
    ("Longs lost 1.2 billion USDT.", "1.2 billion USDT", "USDT", 1.2e9),
    ("Longs lost EUR 80 million.", "EUR 80 million", "EUR", 80e6),
    ("Longs lost between €80 million and €90 million.", "between €80 million and €90 million", "EUR", 80e6),
    ("Longs lost US$88 million.", "US$88 million", "USD", 88e6),
    ("Longs lost C$88 million.", "C$88 million", "CAD", 88e6),
    # "A$": as often an article whose space was lost as Australian dollars: read as dollars
    ("The biggest loss? A$201 million long on one venue.", "A$201 million", "USD", 201e6),
    ("Longs lost $88 million.", "$88 million", "USD", 88e6),
    # percent as the British and Gulf press abbreviate it
    ("Bitcoin fell 16pc on the day.", "16pc", "percent", 16),
    ("Altcoins fell between 30pc and 80pc.", "between 30pc and 80pc", "percent", 30),
    ("Altcoins fell 30-80pc.", "30-80pc", "percent", 30),
])
def test_currencies_before_the_amount(text, figure, unit, value):
    figs = find_figures(text, QUALIFIERS)
    assert [(f.text, f.unit, f.lo) for f in figs] == [(figure, unit, value)]


@pytest.mark.parametrize("text, qualifier", [
    ("Longs lost just short of $88 million.", "at_most"),
    ("Longs lost south of $88 million.", "at_most"),
    ("Longs lost just shy of $88 million.", "at_most"),
    ("Longs lost to the tune of $88 million.", "approx"),
    ("Longs lost close on $88 million.", "approx"),
    ("Longs lost nigh on $88 million.", "approx"),
    ("Longs lost north of $88 million.", "at_least"),
    ("Longs lost in the region of $88 million.", "approx"),
    ("Longs lost $88 million.", None),
])
def test_bound_words(text, qualifier):
    (fig,) = find_figures(text, QUALIFIERS)
    assert fig.qualifier == qualifier
