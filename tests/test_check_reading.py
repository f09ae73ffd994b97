"""The check reading prose nobody here wrote: figures whose unit the sentence gives, and the
shapes of figure, attribution and caveat real liquidation reporting uses.

Every sentence here is the project's own, written for a pattern seen in real articles
(never copied from one). Two tables:

- the figure grammar in context (``find_figures``): a bare number is a figure where the
  sentence says what it counts ("traders liquidated numbered approximately 277"), a
  duration where the text measures it ("lasted 847 days", "between 653 and 1,050 days"),
  and never a stray number (years, list numbers, versions, times of day);
- the fact-free check on whole sentences: which figures F001 flags (none when the
  sentence attributes or caveats them).
"""

from __future__ import annotations

import pytest

from writer.check.figures import find_figures
from writer.check.phrases import build_phrases

QUALIFIERS = build_phrases({}).qualifiers

# text, figure text, unit, low, high, qualifier
MUST_READ = [
    # a count whose noun is the sentence's subject
    ("Traders liquidated over the session numbered approximately 277.", "277", "count", 277, 277, "approx"),
    ("The number of liquidated accounts climbed to 58,310 by midnight.", "58,310", "count", 58310, 58310, None),
    ("Liquidation orders on OKX totalled about 4,900 in the hour.", "4,900", "count", 4900, 4900, "approx"),
    ("SOL liquidation orders over one hour came to about 12.", "12", "count", 12, 12, "approx"),
    ("A rumour puts the XRP number of users over one week at 415 (unverified).", "415", "count", 415, 415, None),
    ("Wallets hit by the cascade stood at no more than 640.", "640", "count", 640, 640, "at_most"),
    ("The platform's headcount of 312 was a record.", "312", "count", 312, 312, None),
    # an index reading or a ratio named by the subject
    ("The sentiment index level over 24 hours stood at approximately 31.", "31", "index", 31, 31, "approx"),
    ("The long/short ratio on Binance stood at 1.74 on Monday.", "1.74", "ratio", 1.74, 1.74, None),
    ("Flow above the price against flow below it gives a ratio of 1.41 near spot.", "1.41", "ratio", 1.41, 1.41, None),
    ("The ETH long/short ratio stood at about 22.4 to 1, an extreme.", "22.4 to 1", "ratio", 22.4, 22.4, "approx"),
    # durations measured
    ("The streak of short liquidations lasted 19 days.", "19 days", "days", 19, 19, None),
    ("That wallet's position lasted under 41 hours.", "41 hours", "hours", 41, 41, "at_most"),
    ("It broke the level after a 212-day wait.", "212-day", "days", 212, 212, None),
    ("One estimate puts the drawdown at between 653 and 1,050 days.", "between 653 and 1,050 days", "days", 653, 1050, None),
    ("The gap ran less than 675 days to 711 days.", "675 days to 711 days", "days", 675, 711, "at_most"),
    ("The unwind took roughly 0.6 hours.", "0.6 hours", "hours", 0.6, 0.6, "approx"),
    ("A trader has held the short for nearly 1,000 days.", "1,000 days", "days", 1000, 1000, "approx"),
    ("The vault drew down over a span of 3 weeks.", "3 weeks", "days", 21, 21, None),
    # magnitudes in words
    ("Nearly two hundred thousand traders were forced out.", "two hundred thousand traders", "count", 2e5, 2e5, "approx"),
    ("More than three million dollars of longs went in one order.", "three million dollars", "USD", 3e6, 3e6, "at_least"),
    ("Shorts lost forty-five million USD in the squeeze.", "forty-five million USD", "USD", 45e6, 45e6, None),
    # currency and coin forms
    ("Longs accounted for 61,220,400 USD of the total.", "61,220,400 USD", "USD", 61220400, 61220400, None),
    ("A wallet sold ₿1,250 into the drop.", "₿1,250", "coins", 1250, 1250, None),
    ("Funding on BTC perpetuals rose 14 bps overnight.", "14 bps", "percent", 0.14, 0.14, None),
    ("Funding rose 9 basis points after the flush.", "9 basis points", "percent", 0.09, 0.09, None),
    ("Spot volume ran at a 12x multiple of the daily average.", "12x", "ratio", 12, 12, None),
    # hedges and bounds as reports write them
    ("Shorts gave up just shy of $64 million.", "$64 million", "USD", 64e6, 64e6, "at_most"),
    ("As many as 71,000 traders were forced out.", "71,000 traders", "count", 71000, 71000, "at_most"),
    ("Losses ran in the region of $3 billion.", "$3 billion", "USD", 3e9, 3e9, "approx"),
    ("Upward of $410 million of longs went.", "$410 million", "USD", 410e6, 410e6, "at_least"),
    # a figure known by its label, its unit unsaid; an average's number, whatever it counts
    ("The weekend figure #2 came to about 140.", "140", None, 140, 140, "approx"),
    ("The venue's total stood at 48 after the cut.", "48", None, 48, 48, None),
    ("Losses ran at an average of as much as 0.0031 per trader.", "0.0031", None, 0.0031, 0.0031, "at_most"),
    # thousands grouped by dots, as continental outlets print them (two groups or more; one group is a decimal)
    ("Bears lost more than $212.400.000 in the move.", "$212.400.000", "USD", 212.4e6, 212.4e6, "at_least"),
    ("The wallet sent 3.750.000 USDT to the venue.", "3.750.000 USDT", "USDT", 3.75e6, 3.75e6, None),
    ("The token slipped to $1.250 by noon.", "$1.250", "USD", 1.25, 1.25, None),
]

MUST_NOT_READ = [
    # stray numbers: years, list numbers, versions, times of day, names, ranks, windows
    "In 2024 traders numbered in the thousands.",
    "Step 2 of the plan is version 3.1 of the margin engine.",
    "Liquidations peaked at 14:00 UTC, and again at 3 UTC.",
    "Traders at 3 exchanges were hit hardest.",
    "Longs were 4 times likelier to be closed.",
    "Trader #2 was the largest loser; Firm #3 came next.",
    "The 1INCH and 3Commas accounts were at 0x7a2f.",
    "Bitcoin dominance was 2 points lower than the top 10 average.",
    # windows, not durations
    "Liquidations over 24 hours and in the past 7 days ran hot.",
    "The market fell in less than 12 hours, within 60 minutes of the open.",
    "The largest cryptocurrency is down over the last 24 hours.",
    "A 24-hour window and a 30-day average.",
    "Funding stayed negative for 3 days and up to 12 hours after.",
    "ETH slid for the first time in 3 weeks.",
    # words that are not magnitudes
    "Three exchanges and two venues halted trading.",
    # a venue's leverage terms and leverage in general are no figure (one position's is:
    # tests/test_check_reading_leverage.py)
    "The venue cut max leverage to 40x; traders using 2x leverage were hit.",
    "He was long 25x and others used 50x leverage.",
    # a label's number, a year averaged, a count with its noun elsewhere
    "Figure 3 shows the split by venue.",
    "The average of 2024 was lower.",
    "Release 10.250.125 of the client shipped.",
    "In total, 3 exchanges halted withdrawals.",
]


@pytest.mark.parametrize("text, figure, unit, lo, hi, qualifier", MUST_READ)
def test_reads_in_context(text, figure, unit, lo, hi, qualifier):
    figs = find_figures(text, QUALIFIERS)
    assert [f.text for f in figs] == [figure], figs
    f = figs[0]
    assert (f.unit, f.qualifier) == (unit, qualifier)
    assert f.lo == pytest.approx(lo) and f.hi == pytest.approx(hi)


@pytest.mark.parametrize("text", MUST_NOT_READ)
def test_stray_numbers_stay_non_figures(text):
    assert find_figures(text, QUALIFIERS) == []


# family, sentence, figures F001 must flag ([]: the sentence attributes or caveats them all)
SENTENCES = [
    ("per", "Shorts bore $212 million of the damage, per CoinGlass.", []),
    ("per", "Per Coinalyze, longs accounted for $388 million of the day's forced closures.", []),
    ("per", "Roughly $96 million of ETH longs were closed out over four hours, as per Hyblock figures.", []),
    ("data showed", "CoinGlass's data showed longs losing $645 million as bitcoin slid.", []),
    ("data showed", "Coinalyze data show $51 million of shorts were squeezed in the hour.", []),
    ("data showed", "Kingfisher's heat map showed a band of $740 million in shorts above $98,000.", []),
    ("compiled by", "Liquidations reached $1.04 billion, according to figures compiled by CoinGlass.", []),
    ("compiled by", "The day's tally of $318 million was compiled by Coinalyze from eleven venues.", []),
    ("compiled by", "According to numbers gathered by Laevitas, $74 million of options-linked positions were closed.", []),
    ("data from", "Data from CoinGlass suggests $390 million in longs were flushed.", []),
    ("data from", "Data compiled by Velo indicates shorts lost $88 million on Bybit alone.", []),
    ("data from", "Figures from Coinalyze point to $155 million in liquidated shorts.", []),
    ("label", "Long liquidations hit $423 million over the day (CoinGlass).", []),
    ("label", "Liquidations by venue over 24 hours, $512 million in total. Source: CoinGlass", []),
    ("label", "Liquidations by venue over 24 hours, $512 million in total. Data: Coinalyze.", []),
    ("label", "Source: CoinGlass. Longs lost $51 million in the hour.", []),
    ("label", "Liquidations by venue came to $512 million. Shorts were squeezed hardest.", ["$512 million"]),
    ("label", "Long liquidations hit $423 million over the day (Binance included).", ["$423 million"]),
    ("label", "Hyperliquid (HYPE) longs lost $61 million on the day.", ["$61 million"]),
    ("descriptor", "On-chain analyst EmberCN reported that the wallet added $22 million of ETH longs.", []),
    ("descriptor", "Blockchain analytics firm Arkham noted that the trader withdrew 12.4 million USDC.", []),
    ("descriptor", "The derivatives data provider Coinalyze put the hourly figure at $61 million.", []),
    ("bare", "Longs lost $732 million as bitcoin fell below $92,000.", ["$732 million", "$92,000"]),
    ("bare", "Traders were hit with $1.2bn of liquidations on Tuesday.", ["$1.2bn"]),
    ("bare", "Close to 93% of the liquidated positions were longs.", ["93%"]),
    ("estimate", "An estimated $1.9 billion in shorts would be liquidated if bitcoin reclaimed $100,000, according to "
                 "CoinGlass's heat map.", []),
    ("estimate", "Hyblock's model places roughly $610 million of long liquidations between $88,000 and $90,000.", []),
    ("estimate", "Some $2.3 billion of shorts sit above $105,000, by CoinAnk's estimate.", []),
    ("estimate", "By one desk's model, $870 million of longs sit below $91,000.", []),
    ("estimate", "Some $2.3 billion of shorts sit above $105,000.", ["$2.3 billion", "$105,000"]),
    ("bounds", "At least $410 million of longs were wiped out, CoinGlass said.", []),
    ("bounds", "Upwards of $900 million in positions were liquidated, Coinalyze data showed.", []),
    ("bounds", "North of 150,000 traders were liquidated, CoinGlass reported.", []),
    ("bounds", "Upwards of $900 million in positions were liquidated over the day.", ["$900 million"]),
    ("bounds", "Just shy of $300 million in shorts were squeezed in the rally.", ["$300 million"]),
    ("tilde", "BTC longs took ~$61.3 million of losses, CoinGlass data showed.", []),
    ("tilde", "ETH longs took ~$128 million of losses in the flush.", ["$128 million"]),
    ("suffix", "Liquidations topped $1.2B across venues, per CoinGlass.", []),
    ("suffix", "Liquidations topped $1.2B across venues.", ["$1.2B"]),
    ("suffix", "A further 1.2bn dollars of longs went in the second leg.", ["1.2bn dollars"]),
    ("suffix", "Binance alone saw US$287 million of forced closures.", ["US$287 million"]),
    ("suffix", "Total liquidations came to 816 million USD over the day.", ["816 million USD"]),
    ("suffix", "Longs accounted for 61,220,400 USD of the total.", ["61,220,400 USD"]),
    ("coins", "The whale's long of 41,500 ETH was liquidated near $1,880.", ["41,500 ETH", "$1,880"]),
    ("coins", "A wallet sold ₿1,250 into the drop.", ["₿1,250"]),
    ("ratio", "Shorts outnumbered longs in liquidations by a 7:1 margin, CoinGlass figures show.", []),
    ("ratio", "Shorts outnumbered longs in liquidations by a 7:1 margin.", ["7:1"]),
    ("ratio", "Liquidated shorts ran about 6 to 1 against longs over the hour.", ["6 to 1"]),
    ("ratio", "The long/short ratio on Binance stood at 1.74 on Monday.", ["1.74"]),
    ("ratio", "Flow above the price against flow below it gives a ratio of 1.41 near spot.", ["1.41"]),
    ("count", "According to CoinGlass, 143,208 traders were liquidated in the past day.", []),
    ("count", "In the past day 143,208 traders were liquidated.", ["143,208 traders"]),
    ("count", "Traders liquidated over the day numbered roughly 96,000.", ["96,000"]),
    ("count", "The number of liquidated accounts climbed to 58,310 by midnight.", ["58,310"]),
    ("count", "Liquidation orders on OKX totalled about 4,900 in the hour.", ["4,900"]),
    ("count", "Liquidation orders on OKX totalled about 4,900 in the hour, Coinalyze said.", []),
    ("count words", "Nearly two hundred thousand traders were forced out.", ["two hundred thousand traders"]),
    ("count words", "More than three million dollars of longs went in one order.", ["three million dollars"]),
    ("share", "Longs made up 84.6% of the total, according to CoinGlass.", []),
    ("share", "Longs made up just under 84.6% of the total.", ["84.6%"]),
    ("bps", "Funding on BTC perpetuals rose 14 basis points overnight.", ["14 basis points"]),
    ("bps", "Funding on BTC perpetuals rose 14 bps overnight.", ["14 bps"]),
    ("bps", "Funding rose 14 bps overnight, Coinalyze data show.", []),
    ("leverage", "The trader held a 50x leveraged long on ETH, Lookonchain reported.", []),
    ("leverage", "Hyperliquid cut maximum leverage to 40x for BTC and 25x for ETH, the exchange said.", []),
    ("duration", "The streak of short liquidations lasted 19 days.", ["19 days"]),
    ("duration", "It was bitcoin's first break of that level after a 212-day wait.", ["212-day"]),
    ("duration", "The streak of short liquidations lasted 19 days, Coinalyze data show.", []),
    ("window", "Liquidations over the past 24 hours reached $380 million, CoinGlass said.", []),
    # (a multiple in words is a figure too: tests/test_check_reading_multiples.py)
    ("compare", "That was nearly double the previous day's $198 million.", ["$198 million", "double"]),
    ("stray", "In 2024, CoinGlass listed 3 exchanges among the top 10 venues.", []),
    ("stray", "Step 2 of the plan is version 3.1 of the margin engine, live at 08:00 UTC.", []),    ("comes from", "The $4 million loss figure comes straight from the exchange's own post on X.", []),
    ("space dollar", "Some traders lost $ 1.29 billion in the rout.", ["$ 1.29 billion"]),
    ("leverage", "The whale ran leverage ranging from 13X to 19X on a $23 million stake, Lookonchain said.", []),
    # unnamed data told after the figures is an attribution for F001 (tests/test_check_reading_notes.py)
    ("data shows", "That was nearly 30% of all futures liquidated on Binance, the data shows.", []),
    ("via", "Shorts lost $58 million in the hour, via Coinalyze.", []),
    ("courtesy", "Liquidations hit $702 million, courtesy of figures from CoinGlass.", []),
    ("tracked", "As tracked by Hyblock, $310 million of longs were closed in 12 hours.", []),
    ("put", "CoinGlass figures put the day's total at $1.11 billion.", []),
    ("noted", "Santiment noted that whale transfers above $1 million rose 41% on the day.", []),
    ("per the", "Per the exchange's own dashboard, $96 million of positions were closed.", []),
    ("as of", "As of press time, roughly $214 million of futures had been liquidated, CoinGlass data showed.", []),
    ("mixed", "Bitcoin rallied 4.2% to $71,300, while liquidated shorts totalled $190 million per CoinGlass.", []),
    ("bare pct", "Bitcoin rallied 4.2% to $71,300 on Wednesday.", ["4.2%", "$71,300"]),
    ("estimate heat", "Liquidation heat maps suggest roughly $1.1 billion of shorts would be forced out above $75,000.", []),
    ("rumour", "Posts on X claimed a single whale lost $80 million, a figure nobody has verified.", []),
    ("hourly", "In the past hour alone, $48 million of longs were liquidated, Coinalyze data show.", []),
    ("dual", "Long liquidations of $519 million made up just under 76% of the total, per CoinGlass.", []),
    ("count words bare", "Nearly three hundred thousand accounts were liquidated.", ["three hundred thousand accounts"]),
    ("TVL", "The vault's loss was about 1% of its $451 million in deposits, Hyperliquid said in a post.", []),
    ("units", "The trader withdrew 17.09 million USDC after the liquidation.", ["17.09 million USDC"]),
    ("curly", "CoinGlass’s data showed $645 million of longs closed.", []),
    ("curly2", "Per Coinglass’ figures, shorts lost $92 million.", []),
    ("as per", "As per data from CoinAnk, 61% of the day's liquidations were longs.", []),
    ("estimate by", "Roughly $2 billion of longs sit below $60,000, an estimate by Hyblock Capital shows.", []),
    ("pct share bare", "Longs were 61% of the day's liquidations.", ["61%"]),
    ("whale loss", "A Hyperliquid whale lost $4 million when the position was liquidated, Lookonchain data shows.", []),
    ("sleuth", "On-chain sleuth ZachXBT said the wallet moved 3,000 ETH before the crash.", []),
    ("bn spaced", "Liquidations totalled 1.2 bn dollars, per CoinGlass.", []),
    ("bn bare", "Liquidations totalled $1.2 bn over the day.", ["$1.2 bn"]),
    ("paren desc", "According to Coinalyze (a derivatives data aggregator), shorts lost $171 million in the day.", []),
    ("platform reported", "The Coinalyze data platform reported liquidations of $132 million over the day.", []),
    ("list label", "Total liquidations in 24 hours: 612 million USD.", ["612 million USD"]),
    ("venue reporting", "Binance topped the table, reporting $1.04 billion of long liquidations, per CoinGlass.", []),
    ("information", "Information from Coinalyze reveals futures traders lost over $800 million.", []),
    ("approximate decline", "The token fell roughly 8.5% after the liquidation, CoinGecko data show.", []),
    ("korean", "About $1.68 billion (around 2.4 trillion won) was liquidated, according to CoinGlass.", []),
    ("korean bare", "About $1.68 billion (around 2.4 trillion won) was liquidated.", ["$1.68 billion", "2.4 trillion won"]),
    ("since", "It was the largest short wipeout since the October crash, with $718 million of shorts closed, CoinGlass data show.", []),
    ("quote", "\"We saw $90 million of longs go in ten minutes,\" said Lena Ortiz, a trader at Kinetic Desk.", []),
    ("analyst put", "Analysts at K33 Research put the open interest drop at 11%.", []),
    ("tracker", "The Whale Alert tracker flagged a 2,000 BTC transfer to Binance.", []),
    ("hedge words", "Liquidations of well over $500 million hit the market, per CoinGlass.", []),
    ("hedge bare", "Liquidations of well over $500 million hit the market.", ["$500 million"]),
    ("million count", "More than 1.2 million traders were liquidated over the week, CoinGlass said.", []),
    ("million count bare", "More than 1.2 million traders were liquidated over the week.", ["1.2 million traders"]),
    ("liq map", "The liquidation map shows that if BTC clears $115,000, some $7.9 billion of shorts would be at risk.", []),
    ("between the", "Kingfisher data indicates a thick band of liquidations between the $113,300 and $114,500 levels.", []),
    ("data shows trailing", "Leveraged bets on futures climbed to more than $66 billion in the past week, data shows.", []),
    ("fund said", "Leveraged buyers added $2 billion of exposure this week, crypto fund QCP Capital said on a Telegram broadcast.", []),
    ("ratio of", "Longs outnumber shorts by a ratio of 3:1, per Hyblock.", []),
]


@pytest.mark.parametrize("family, sentence, flagged", SENTENCES, ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(SENTENCES)])
def test_fact_free_reading(checker, family, sentence, flagged):
    findings = checker.check_text(sentence)
    assert sorted(f.figure for f in findings if f.code == "F001") == sorted(flagged), [(f.code, f.figure) for f in findings]


def test_a_credit_line_covers_its_own_paragraph_only(checker):
    """A caption's "Source: X" closing a paragraph covers that paragraph's figures, not the next one's."""
    text = "Longs lost $88 million over the day. Shorts lost $12 million. Source: CoinGlass\n\nLongs lost $5 million more.\n"
    flagged = [f.figure for f in checker.check_text(text) if f.code == "F001"]
    assert flagged == ["$5 million"]


# Fact mode: a figure read in context is linked like any other, so an edit to it is caught.
EVENT = "factbase/corpus/05-beincrypto-1-13b.yaml"  # traders: 308,465 (count); ath_wait: 847 days (BeInCrypto)


@pytest.mark.parametrize("sentence, codes", [
    ("Traders liquidated over the day numbered roughly 308,000, according to a single source, CoinGlass.", set()),
    ("Traders liquidated over the day numbered roughly 408,000, according to a single source, CoinGlass.", {"P006"}),
    ("The wait for bitcoin's new all-time high lasted 847 days, according to a single source, BeInCrypto.", set()),
    ("The wait for bitcoin's new all-time high lasted 874 days, according to a single source, BeInCrypto.", {"P006"}),
    ("The wait for bitcoin's new all-time high lasted 847 days.", {"P002"}),
])
def test_figures_read_in_context_are_verified_against_the_facts(checker, sentence, codes):
    from pathlib import Path

    from writer.factbase.loader import load_event

    event = load_event(Path(__file__).resolve().parents[1] / EVENT)
    found = {f.code for f in checker.check_text(sentence, event=event) if f.severity in ("error", "warning")}
    assert found == codes
