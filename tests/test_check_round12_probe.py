"""Round twelve probe: attributions real desks write that the fact-free check misread (every sentence here is ours).

Each construction was found in liquidation and derivatives articles of publishers outside the corpus and the held-out
sets (the list is in the round's report), then written again in our own words with our own figures. A text in ``FLAG``
must get F001 on exactly the figures listed, one in ``PASS`` no F001 or F002 at all; each is checked with the bundled
source registry and without one (as the held-out sets are scored).

1. Data pointing back at an earlier credit of the section, in a later paragraph ("The same data shows ...", "This data
   also shows ..."), whoever the credit names, a registered source or not (writer/check/anaphora.py ``points_back``).
2. A named holder's projection or approximation ("Martinez projects that a 4% slide would ...", "analysts project a
   peak near $96,000", "Rover approximated that ..."): "project" as a verb only, never the noun (phrases.yaml
   ``attribution``), "approximate" a reporting verb (``frames: strong_verbs``).
3. A quotation credited after a dash that ends its paragraph, with no verb ("“...” - Dana Ortiz, PM at Bitwise",
   "“...” — @tapewatcher on X"; rules/f001_no_attribution.py ``_dash_credited``).
4. A chart's caption under the paragraph of its figures, its source's name alone in parentheses at the end of the
   title ("Bitcoin long liquidations jump as prices slide. (Glassnode)"; writer/check/captions.py
   ``parenthesised_chart``): not a photo's, not a line that names no data, not two paragraphs away.
5. A media report relayed with no one named: a passive whose subject is what was reported ("Liquidations of $19
   billion were reported on Friday") or "a reported $410 million", read as "reportedly" is (phrases.yaml
   ``carry: hearsay``); hearsay about the subject ("is reported to have lost", "it was reported that") was read as no
   attribution until round fourteen and is now an unnamed source too (bench/ANNOTATION.md point 7): no F001.
6. A figure listed on a data provider ("the $310 million listed on CoinGlass", "shown on"): where it was read, a credit
   (writer/check/credit_places.py); a token listed there is not. Read with a registry only (``PLACED``): without one a
   name after "on" may be a venue or a provider.
7. The writer's own work through the data it names, in the first person ("We pulled the data: ...", "We dug into the
   records and found ...", "We crunched the numbers"; phrases.yaml ``attribution``), as a research firm's piece writes.
8. A speaker's words in a participial clause after the comma that closes what the speaker did ("Zhou pushed back,
   stating that ...", "Lee weighed in, saying ..."); "adding", "noting" and the like only with "that".
9. An executive by the trade press's names for the role ("the Bybit boss put ...", "the exchange's chief said"), and a
   speaker's own reckoning ("By his estimation, ..."; phrases.yaml ``frames: source_nouns``, ``attribution``).
10. A quotation paragraph after a sentence that introduces it with a colon, whoever speaks ("He remarked:", "She
   wrote:"; rules/f001_no_attribution.py ``_speech_colon``); "remark" is a reporting verb.
"""

from __future__ import annotations

import pytest

from check_support import fact_free_found, found_either_way


# (construction, text, F001 figures)
FLAG = [
    # 1. a demonstrative with nothing credited before it, a data point, a new section, the article's own numbers
    ("1", "Bitcoin slid overnight.\n\nThis data shows that 120,000 traders were liquidated.", {"120,000 traders"}),
    ("1", "According to Glassnode, longs lost $410 million over the day.\n\nThis data point matters: 120,000 traders "
          "were liquidated.", {"120,000 traders"}),
    ("1", "According to Glassnode, longs lost $410 million over the day.\n\n## Next\n\nThis data shows that 120,000 "
          "traders were liquidated.", {"120,000 traders"}),
    ("1", "According to Glassnode, longs lost $410 million over the day.\n\nThese figures suggest 120,000 traders were "
          "liquidated.", {"120,000 traders"}),
    # 2. the noun "project", the passive, a forecast nobody holds, "approximate" as an adjective
    ("2", "DeFi projects lost $50 million in the flush.", {"$50 million"}),
    ("2", "The Hyperliquid project raised $5 million last year.", {"$5 million"}),
    ("2", "Ethena projects drew $200 million of deposits.", {"$200 million"}),
    ("2", "Several new projects lost $40 million in the crash.", {"$40 million"}),
    ("2", "Forecasts project a rally to $150,000 by December.", {"$150,000"}),
    ("2", "An approximate $3 billion of shorts sat above $72,000.", {"$3 billion", "$72,000"}),
    # 3. no quotation, a dash before a clause of prose, a quotation closed before the figure, a lowercase tail
    ("3", "Longs lost $8 billion in the day - Dana Ortiz", {"$8 billion"}),
    ("3", "“The true total was at least $8 billion.” - Bitcoin fell after that", {"$8 billion"}),
    ("3", "“Liquidations were huge.” - Dana Ortiz, PM at Bitwise. Longs lost $8 billion in the day.", {"$8 billion"}),
    ("3", "“It was huge,” Ortiz said. Longs lost $8 billion in the day. “Wild.” - Dana Ortiz", {"$8 billion"}),
    ("3", "“The true total was at least $8 billion.” - yesterday at noon", {"$8 billion"}),
    # 4. a photo's caption, a line naming no data, a caption two paragraphs away, no name in the parentheses
    ("4", "Longs lost $410 million over the day.\n\nTraders on a desk floor in Seoul. (Reuters)", {"$410 million"}),
    ("4", "Longs lost $410 million over the day.\n\nThat was the week's low point. (Glassnode)", {"$410 million"}),
    ("4", "Longs lost $410 million over the day.\n\nBitcoin slid.\n\nLong liquidations jump as prices slide. (Glassnode)",
     {"$410 million"}),
    ("4", "Longs lost $410 million over the day.\n\nLong liquidations jump as prices slide. (see below)", {"$410 million"}),
    # 5. hearsay about the subject (an unnamed source since round fourteen), an agent's report elsewhere, a report of something else in its own clause
    ("5", "Binance is reported to have lost $40 million in the outage.", set()),
    ("5", "It was reported that a fund lost $40 million.", set()),
    ("5", "Longs lost $410 million over the day; the outage was widely reported.", {"$410 million"}),
    ("5", "Longs lost $410 million over the day. The outage was reported on X.", {"$410 million"}),
    # 7. a first person who names no data, someone else's work, a comparison with reports that names no one
    ("7", "We looked at the market: longs lost $410 million over the day.", {"$410 million"}),
    ("7", "They pulled the data: real liquidations ran 19 times higher.", {"19 times"}),
    ("7", "Liquidations were 19 times higher than reported.", {"19 times"}),
    # 8. a participle that adds or writes off, a clause that shows, no comma
    ("8", "Bitcoin jumped 5%, adding $100 billion to its market value.", {"5%", "$100 billion"}),
    ("8", "Longs lost $410 million over the day, writing off a week of gains.", {"$410 million"}),
    ("8", "Traders panicked, showing that longs lost $410 million.", {"$410 million"}),
    ("8", "Bitcoin slid sharply, meaning that the total was at least $8 billion.", {"$8 billion"}),
    # 9. "chief" as an adjective, a speaker's admission that is no count
    ("9", "The chief cause was $2.1 billion of long liquidations.", {"$2.1 billion"}),
    ("9", "Chief among the losers were longs, with $2.1 billion wiped out.", {"$2.1 billion"}),
    ("9", "By his own admission, bitcoin is still above $90,000.", {"$90,000"}),
    # 10. a colon that introduces no one's words
    ("10", "Bitcoin bounced. Here is the picture:\n\n“From $57K, new investors rose 3%, against 4% after FTX.”",
     {"$57K", "3%", "4%"}),
]

PASS = [
    # 1. the data of the credit before, a paragraph on
    ("1", "According to Glassnode, longs lost $410 million over the day.\n\nThe same data shows that 120,000 traders "
          "were liquidated."),
    ("1", "According to Glassnode, longs lost $410 million over the day.\n\nThis data also shows that 120,000 traders "
          "were liquidated."),
    ("1", "Data shows longs lost $410 million over the day.\n\nThese data suggest 120,000 traders were liquidated."),
    ("1", "According to Whalemap, $55,400 is key support.\n\nThe same data puts the next floor at $47,400."),
    # 2. a named holder's projection or approximation
    ("2", "Analyst Ali Martinez projects that a 4% slide would trigger about $60 million in long liquidations."),
    ("2", "Martinez projects a move to $58,000 if support breaks."),
    ("2", "Some analysts project a more cautious peak near $96,000."),
    ("2", "Standard Chartered projected bitcoin at $150,000 by year-end."),
    ("2", "Trader Crypto Rover approximated that roughly $2.5 billion of shorts could be liquidated near $74,000."),
    # 3. a quotation's credit after a dash
    ("3", "\"The true total was at least $8 billion.\" - Ben Zhou, CEO of Bybit"),
    ("3", "“Liquidations topped $20 billion across venues.” - Dana Ortiz, PM at Bitwise"),
    ("3", "“Two desks were wiped out with $1 billion books.” - Ayyyyeandy on X"),
    ("3", "“The true total was at least $8 billion.” — Ben Zhou, Bybit CEO"),
    ("3", "“Liquidations topped $20 billion across venues. Nobody saw it coming.” – Dana Ortiz, PM at Bitwise"),
    # 4. the chart's caption with its source in parentheses
    ("4", "Longs lost $410 million over the day.\n\nBitcoin long liquidations jump as prices slide. (Glassnode)"),
    ("4", "Longs lost $410 million over the day.\n\nDaily long liquidations by venue (CoinGlass)"),
    # 5. a media report relayed with no one named
    ("5", "Over $2 billion in liquidations were reported across exchanges."),
    ("5", "Liquidations of $19 billion were reported on Friday."),
    ("5", "In terms of market metrics, bitcoin was reported at $81,200, down by 6%."),
    ("5", "Longs lost a reported $410 million over the day."),
    ("5", "Losses of $150 million to $190 million have been reported since the crash."),
    # 7. the writer's own work through the data
    ("7", "We pulled the data: real liquidations ran 19 times higher than reported."),
    ("7", "We dug into the data and found liquidations 19 times higher than reported."),
    ("7", "We crunched the numbers: longs lost $410 million over the day."),
    ("7", "We combed through Hyperliquid's records and counted 6,300 wallets in the red."),
    # 8. the speaker's words in a participial clause
    ("8", "Zhou disagreed, saying the total was $8 billion."),
    ("8", "Zhou pushed back on Monday, stating that the real total was at least $8 billion."),
    ("8", "Zhou took to X, noting that Bybit alone saw $2.1 billion of liquidations."),
    ("8", "The analyst weighed in, adding that longs lost $410 million."),
    # 9. an executive by the role's other names, a speaker's reckoning
    ("9", "The Bybit boss put the exchange's liquidations at $2.1 billion."),
    ("9", "The exchange's chief said users lost $300 million in the outage."),
    ("9", "By his estimation, the true count sits nearer $9 billion."),
    # 10. the quotation a pronoun's colon introduces
    ("10", "Axel Adler posits that the count could rise by 40%. He remarked:\n\n“From $57K, new investors rose 3%, "
           "against 4% after FTX.”"),
    ("10", "Axel Adler posits that the count could rise by 40%. She wrote:\n\n“From $57K, new investors rose 3%, "
           "against 4% after FTX.”"),
]


@pytest.mark.parametrize("registry", [True, False], ids=["registry", "bare"])
@pytest.mark.parametrize("construction, text, figures", FLAG, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(FLAG)])
def test_must_flag(construction, text, figures, registry):
    got = found_either_way(text, registry)
    assert {f for code, f in got if code == "F001"} == figures


@pytest.mark.parametrize("registry", [True, False], ids=["registry", "bare"])
@pytest.mark.parametrize("construction, text", PASS, ids=[f"{c}-{i}" for i, (c, _) in enumerate(PASS)])
def test_must_pass(construction, text, registry):
    assert found_either_way(text, registry) == set()


# 6. (registry only) text, F001 figures
PLACED = [
    ("That figure far exceeds the $310 million listed on CoinGlass.", set()),
    ("Bybit's own figure was far above the $310 million listed on CoinGlass.", set()),
    ("That dwarfs the $310 million shown on CoinGlass for the exchange.", set()),
    ("The exchange put its loss at $2.1 billion, against 310 million dollars listed on CoinGlass.", set()),
    ("A token worth $40 million was listed on CoinGlass.", {"$40 million"}),
    ("The token, listed on CoinMarketCap, lost $40 million in value.", {"$40 million"}),
    ("Longs lost $310 million on Binance.", {"$310 million"}),
]


@pytest.mark.parametrize("text, figures", PLACED, ids=[f"6-{i}" for i in range(len(PLACED))])
def test_figure_listed_on_a_provider(text, figures):
    assert {f for code, f in fact_free_found(text) if code == "F001"} == figures
