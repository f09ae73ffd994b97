"""Round eleven: how real desks attribute, read as patterns by the fact-free check (every sentence here is ours).

Each pattern kind has must-flag and must-pass texts (proselint's table of examples): a text in ``FLAG`` must get
F001 on exactly the figures listed (F002 too, where listed), one in ``PASS`` no F001 or F002 at all. Each is checked
with the bundled source registry and without one (as the held-out sets are scored).

1. A credit told after the figures, in the next sentence when that sentence is a credit and nothing else ("That is
   according to X.", "So says X.", "X compiled the figures.", "Data: X."): it covers the one sentence before it
   (phrases.yaml ``credit_after``; rules/f001_no_attribution.py ``_credit_after``).
2. Reported statements going on in later paragraphs: "It noted that ...", "The report also found ...", a generic
   speaker's employer ("analysts at the bank forecast", frames ``speaker``), "X today announced".
3. A quotation split over paragraphs, credited where a later paragraph reopens and closes it.
4. A chart's caption under the paragraph of its figures ("BTC liquidations. Source: X", "<title> from X data",
   "Image: <a chart> via X"), never a photo's credit, a title with a bare name, or a map of potential liquidations
   under realised figures (writer/check/captions.py ``credits_above``, ``sourced_chart``); nor a figure of another
   kind than the caption's (a chart of liquidations does not price the market: analysis ``caption_for``).
5. A footnote's marker ("... in an hour.[^3]") cites a source listed in the notes.
6. A list under a lead-in that credits it.
7. An issuer's release run as the piece ("The following is a press release from X"; phrases.yaml ``story_basis``).
8. Word ratios are figures and are credited like others.
9. A bare "Forecasts put ..." names no one who holds the view. (Until round fourteen this point also read agentless
   hearsay, "X is rumoured to have lost", as no attribution; bench/ANNOTATION.md point 7 now reads it as an unnamed
   source, so F001 lets it pass: "is reported to" keeps F002, a claim told without "unverified".)
10. (added by the lead) "in what X called ..." names X's words for the event (phrases.yaml ``attribution``); a citation
   marker set after the full stop closes the sentence before it (``credit_after``); a year before "to N%" is a date.
"""

from __future__ import annotations

import pytest

from check_support import flagged_and_expected, found_either_way


# (pattern, text, findings: F001 figures, or (code, figure) pairs where F002 is meant too)
FLAG = [
    # 1. the next sentence credits only what it is: not two sentences back, nor across a sentence of its own
    ("1", "Longs lost $300 million over the day. Shorts lost $80 million. That is according to CoinGlass.", {"$300 million"}),
    ("1", "Longs lost $300 million over the day. Bitcoin slid. CoinGlass compiled the figures.", {"$300 million"}),
    ("1", "Longs lost $300 million over the day. Shorts lost $80 million, Velo data show.", {"$300 million"}),
    # ...a sentence that goes on with its own claim is no credit of the one before
    ("1", "Longs lost $300 million over the day. That is more than any day since March.", {"$300 million"}),
    ("1", "Longs lost $300 million over the day. So much for the rally.", {"$300 million"}),
    # 2. a pronoun's verb that is no speech, a report nobody named before and the market as the subject
    ("2", "Bitcoin fell below $80,000.\n\nIt showed a drop of 4% in an hour.", {"$80,000", "4%"}),
    ("2", "Traders at the desk lost $30 million on the day.", {"$30 million"}),
    # 3. a quotation left open whose later paragraph is not a quotation, or never closes with a credit
    ("3", "“Longs lost $300 million in an hour.\n\nShorts lost $80 million after that.", {"$300 million", "$80 million"}),
    ("3", "“Longs lost $300 million in an hour.\n\n“Shorts lost $80 million after that.”", {"$300 million", "$80 million"}),
    # 4. a photo's credit, a heat map's caption under realised figures, a caption two paragraphs away
    ("4", "Longs lost $300 million in an hour.\n\nBTC/USD price chart. Image: Desk Media", {"$300 million"}),
    ("4", "Longs lost $300 million in an hour.\n\nBTC liquidation heat map | Source: Hyblock", {"$300 million"}),
    ("4", "Longs lost $300 million in an hour.\n\nBitcoin slid.\n\nBTC liquidations. Source: CoinGlass", {"$300 million"}),
    ("4", "Longs lost $300 million in an hour.\n\nImage: traders on a desk floor via Desk Media", {"$300 million"}),
    # ...a caption of liquidations under the market's price: not its chart
    ("4", "The market's capitalisation climbed 4% on the day.\n\nBTC liquidations. Source: CoinGlass", {"4%"}),
    # 5. a footnote's definition alone credits nothing in the prose
    ("5", "Longs lost $300 million in an hour.\n\n[^3]: CoinGlass liquidation data.", {"$300 million"}),
    # 6. a lead-in with no credit
    ("6", "Here is the split:\n\n- Longs lost $300 million.\n- Shorts lost $80 million.", {"$300 million", "$80 million"}),
    # 7. a release not run as the piece: an issuer's figure told by nobody
    ("7", "A $50 million fund now covers traders liquidated during outages.", {"$50 million"}),
    ("7", "Bybit has set up a $50 million fund.\n\nIn a press release, Bybit described the fund.", {"$50 million"}),
    # 8. word ratios are figures
    ("8", "Three in four liquidated positions were longs.", {"Three in four"}),
    ("8", "Nine out of ten liquidated traders held longs.", {"Nine out of ten"}),
    # 9. hearsay with no one named, a rumour word or not; a bare view of the future
    ("9", "Binance is reported to have lost $40 million in the outage.", {("F002", "$40 million")}),
    ("9", "Forecasts put bitcoin at $150,000 by December.", {("F001", "$150,000"), ("F002", "$150,000")}),
    # 10. (lead) a crowd's word for the event is no source's; a year before a move's end is a date, not a figure; a
    # citation marker two sentences on cites nothing here
    ("10", "More than $900 million was liquidated, in what traders dubbed a bloodbath.", {"$900 million"}),
    ("10", "Market share climbed from 40.1% in late 2023 to 55.2% this month.", {"40.1%", "55.2%"}),
    ("10", "Bitcoin slid 4% to $88,000. Ether held steady. [2]", {"4%", "$88,000"}),
    # 6. (lead) a lead-in opening on anything but a plural description of sources credits nothing
    ("6", "Several coins fell sharply on Monday:\n\n- Solana dropped 9% to $128.\n- Ether slid 7%.", {"9%", "$128", "7%"}),
    ("6", "Many traders were caught out:\n\n- Longs lost $300 million.", {"$300 million"}),
]

PASS = [
    # 1. the credit in the next sentence
    ("1", "Longs lost $300 million over the day. That is according to CoinGlass."),
    ("1", "Longs lost $300 million over the day. That's per CoinGlass."),
    ("1", "Longs lost $300 million over the day. So says CoinGlass."),
    ("1", "Longs lost $300 million over the day. CoinGlass compiled the figures."),
    ("1", "Longs lost $300 million over the day. That's what CoinGlass data show."),
    ("1", "Longs lost $300 million over the day. Per CoinGlass."),
    ("1", "Longs lost $300 million over the day. Data from Velo."),
    ("1", "Longs lost $300 million over the day. Data: CoinGlass. Nobody expected it."),
    ("1", "Longs lost $300 million over the day. (Source: Velo.) Nobody expected it."),
    ("1", "Longs lost $300 million over the day. The figure comes from CoinGlass."),
    ("1", "Around $300 million in longs were wiped out over the day, CoinGlass data show."),
    ("1", "Longs lost $300 million over the day — data: CoinGlass"),
    # 2. reported statements going on in the next paragraphs
    ("2", "Bybit said longs lost $300 million over the day.\n\nIt noted that 120,000 traders were liquidated."),
    ("2", "Bybit said longs lost $300 million over the day.\n\nShorts lost $80 million, it added."),
    ("2", "A Kaiko report said longs lost $300 million over the day.\n\nThe report also found that 120,000 traders were "
          "liquidated."),
    ("2", "A Kaiko report said longs lost $300 million over the day.\n\nAccording to the report, 120,000 traders were "
          "liquidated."),
    ("2", "Dana Ortiz, a trader in Chicago, said longs lost $300 million.\n\nShe added that shorts lost $80 million."),
    ("2", "Analysts at the bank forecast bitcoin at $150,000 by December."),
    ("2", "Strategists with a Swiss bank expect ether at $6,000 by June."),
    ("2", "Researchers from Kaiko said longs lost $300 million."),
    ("2", "Bybit today announced a $50 million fund for traders liquidated during outages."),
    ("2", "Bybit on Tuesday said it had paid out $12 million to affected users."),
    ("2", "Binance has unveiled a $400 million fund for users hit by the crash."),
    ("2", "A Kaiko report said longs lost $300 million over the day.\n\nThe analysis further showed 120,000 traders were "
          "liquidated."),
    ("2", "Dana Ortiz, a trader in Chicago, said longs lost $300 million.\n\nIn her view, shorts will lose $80 million more "
          "this week."),
    # 3. a quotation split over paragraphs
    ("3", "Dana Ortiz, a trader in Chicago, said: “Longs lost $300 million in an hour.\n\n“Shorts lost $80 million after that.”"),
    ("3", "“Longs lost $300 million in an hour.\n\n“Shorts lost $80 million after that,” said Dana Ortiz."),
    ("3", "\"Longs lost $300 million in an hour.\n\n\"Shorts lost $80 million after that,\" the trader said."),
    # 4. a chart's caption under the paragraph of its figures
    ("4", "Longs lost $300 million in an hour.\n\nBTC liquidations. Source: CoinGlass"),
    ("4", "Longs lost $300 million in an hour.\n\nLong liquidations by venue | Data: Velo"),
    ("4", "Longs lost $300 million in an hour.\n\n*Daily liquidations by exchange, from CoinGlass data*"),
    ("4", "Longs lost $300 million in an hour.\n\nLong liquidations over the day via Coinalyze"),
    ("4", "Longs lost $300 million in an hour.\n\nImage: BTC long liquidations via CoinGlass"),
    # 5. footnotes and citations
    ("5", "Longs lost $300 million in an hour.[^3]\n\n[^3]: CoinGlass liquidation data."),
    ("5", "Longs lost $300 million in an hour [^cg].\n\n[^cg]: CoinGlass."),
    ("5", "Longs lost $300 million in an hour [2]."),
    ("5", "Longs lost $300 million in an hour (CoinGlass, 2025)."),
    ("5", "Longs lost $300 million in an hour (source: Bybit)."),
    # 6. a list under a lead-in that credits it
    ("6", "According to several outlets:\n\n- Longs lost $300 million.\n- Shorts lost $80 million."),
    ("6", "Data from CoinGlass shows the following:\n\n- Longs: $300 million\n- Shorts: $80 million"),
    ("6", "Key figures (CoinGlass):\n\n- Longs: $300 million\n- Shorts: $80 million"),
    # 7. an issuer's release run as the piece
    ("7", "The following is a press release from Bybit.\n\n## Bybit sets up a fund\n\nThe fund holds $50 million.\n\n"
          "It pays up to $10,000 per account."),
    ("7", "*This is a sponsored announcement by OKX.*\n\n# A new fund\n\nMore than 2 million users are eligible."),
    ("7", "[PRESS RELEASE – Singapore, March 3rd, 2026]\n\nBybit has set up a $50 million fund.\n\nIt pays up to $10,000 "
          "per account."),
    ("7", "SINGAPORE, March 3, 2026 /PRNewswire/ -- Bybit has set up a $50 million fund for liquidated traders."),
    # 8. word ratios credited like other figures
    ("8", "Three in four liquidated positions were longs, CoinGlass data show."),
    ("8", "According to CoinGlass, longs lost $300 million. Nine out of ten liquidated traders held longs."),
    # 9. hearsay with someone named
    ("9", "Binance is rumoured on X to have lost $40 million, according to posts by traders."),
    ("9", "Binance is rumoured to have lost $40 million in the outage."),
    ("9", "According to CoinGlass, longs lost $300 million. One fund is rumoured to have lost $40 million of it."),
    ("9", "One market maker is said by Lookonchain to have dumped $62 million of ether."),
    # 10. (lead) the event in a source's own words credits its figures; a numbered reference after the full stop
    ("10", "Open interest fell 18% in six hours, from $41 billion to $33.6 billion, in what Kaiko called a rare reset."),
    ("10", "Longs lost $610 million over the weekend, in what Lookonchain termed the year's largest flush."),
    ("10", "Bitcoin slid 4% to $88,000 in early Asian trading. [2]"),
    ("10", "Ether lost 6% over the session.[^4]"),
    # 6. (lead) a list's lead-in opening on a plural description of sources credits its items, whatever its verb
    ("6", "Several outlets paint a consistent picture of the Monday sell-off:\n\n- Bitcoin dropped about 5% to near "
          "$91,500.\n- Over $520 million in leveraged positions were wiped out, nearly 85% of them long."),
    ("6", "Major data providers agree on the broad strokes:\n\n- Longs lost about $410 million.\n- Shorts lost $95 million."),
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
