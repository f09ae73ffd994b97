"""Attributions in paraphrase, read on real liquidation and market articles (tenth round) and each proved here on
sentences of our own, with a near miss that must still be flagged:

- a source's view told with a verb of expectation in the active ("the analyst expects a drop to $80,000", "Lee
  predicts $150,000"): a view held by a named or described source (phrases.yaml ``frames: view_verbs``); the passive
  ("ETFs are expected to draw $1 billion", "a fund is believed to hold") names no one, nor does a market ("Markets
  expect"); a group of the market's people ("Many expect", "Investors believe") is a described speaker since round 13b
  (bench/ANNOTATION.md point 9);
- a comparison written for "according to" by spinners and translators ("in line with X data", "in keeping with
  reporter Dana Lee"): a credit only before a source's data or a titled person (``frames: comparison_prepositions``),
  never before an expectation, a trend or a market ("in line with expectations", "in line with the Nasdaq");
- a source and what it publishes in parentheses closing a clause ("(Coinalyze data)", "(Velo figures, March 3)"),
  as aggregated market posts credit a bullet; not an asset's or a month's data, nor an aside;
- "referencing X data" as a preposition; reporters and journalists as who reports ("reporter Dana Lee said");
  liquidation monitors as who shows the data.

Every sentence is the project's own.
"""

from __future__ import annotations

import pytest

from check_support import f001_figures as flagged



@pytest.mark.parametrize("text, expected", [
    # a source's view in the active: credited
    ("The strategist expects a retest of $80,000 if support gives way.", []),
    ("Dana Lee predicts ether will reach $5,000 before the summer.", []),
    ("Analysts at Velo anticipate $500 million of shorts being squeezed above $110,000.", []),
    ("Sam Ortiz, a trader at the desk, believes the token could halve to $0.40.", []),
    ("Ortiz thinks funding will flip negative once open interest sheds 10%.", []),
    ("Velo, the derivatives tracker, expected $300 million of longs to go below $90,000.", []),
    # the passive names no one; a crowd is no source; a market is no one
    ("Spot funds are expected to draw $1 billion this week.", ["$1 billion"]),
    ("Spot funds are widely expected to draw $1 billion this week.", ["$1 billion"]),
    ("Spot funds were also anticipated to draw $1 billion this week.", ["$1 billion"]),
    ("One fund is forecast to hold $40 million of the token.", ["$40 million"]),
    # (hearsay with no one named, "is believed to", is an unnamed source since round fourteen: no F001)
    ("One fund is believed to hold $40 million of the token.", []),
    ("Markets expect ether to reach $5,000 before the summer.", ["$5,000"]),
    # ...but a group of the market's people is a described speaker (bench/ANNOTATION.md point 9, round 13b:
    # writer/check/described_speakers.py), as "analysts" is
    ("Many expect ether to reach $5,000 before the summer.", []),
    ("Investors expect ether to reach $5,000 before the summer.", []),
    ("Traders think funding will flip negative once open interest sheds 10%.", []),
])
def test_a_view_verb_in_the_active_credits_its_holder(checker, text, expected):
    assert flagged(checker, text) == expected


@pytest.mark.parametrize("text, expected", [
    # before a source's data or a titled person: a credit
    ("Liquidations came to $412 million over the session, in line with Velo data.", []),
    ("Liquidations came to $412 million over the session, in keeping with Velo's figures.", []),
    ("The token slid from $52 to $25 within minutes, in line with Chinese-language reporter Dana Lee.", []),
    ("The token slid from $52 to $25 within minutes, in accordance with analyst Sam Ortiz.", []),
    ("Liquidations came to $412 million over the session, consistent with Coinalyze's own numbers.", []),
    # a comparison with an expectation, a trend, a rule or a market credits no one
    ("Liquidations came to $412 million over the session, in line with expectations.", ["$412 million"]),
    ("Bitcoin slid 3% over the session, in line with the Nasdaq.", ["3%"]),
    ("Bitcoin slid 3% over the session, in line with the Nasdaq's slide.", ["3%"]),
    ("Bitcoin slid 3% over the session, consistent with historical data.", ["3%"]),
    ("Bitcoin slid 3% over the session, in keeping with the trend.", ["3%"]),
    ("Liquidations came to $412 million over the session, in accordance with exchange rules.", ["$412 million"]),
])
def test_a_comparison_credits_only_a_source_s_data_or_a_titled_person(checker, text, expected):
    assert flagged(checker, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("- Liquidated over the session: $140 million (Velo data).", []),
    ("- Split: $75 million long and $65 million short (Velo figures).", []),
    ("Longs lost $300 million over the session (Coinalyze's numbers).", []),
    ("Longs lost $300 million over the session (Velo data, March 3).", []),
    # an asset's, a ticker's or a month's data names no source; nor does an aside or a ticker after its name
    ("Longs lost $300 million over the session (Bitcoin data).", ["$300 million"]),
    ("Longs lost $300 million over the session (BTC data).", ["$300 million"]),
    ("Longs lost $300 million over the session (March data).", ["$300 million"]),
    ("Longs lost $300 million over the session (Binance included).", ["$300 million"]),
    ("Hyperliquid (HYPE) slid 12% over the session.", ["12%"]),
])
def test_a_source_and_its_data_in_parentheses_credit_their_clause(checker, text, expected):
    assert flagged(checker, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Bank analysts, referencing Velo data, put long liquidations at $20 billion.", []),
    ("Long liquidations came to $20 billion, reporter Dana Lee wrote.", []),
    ("Long liquidations came to $20 billion, according to journalists at the scene.", []),
    ("Liquidation monitors show $420 million of longs closed over the day.", []),
    # a monitor that shows nothing, a reporter who is the subject of the news: no credit
    ("Screens and monitors went dark as longs lost $420 million over the day.", ["$420 million"]),
    ("A reporter lost $20,000 on a leveraged long over the day.", ["$20,000"]),
])
def test_referencing_reporters_and_monitors(checker, text, expected):
    assert flagged(checker, text) == expected


_QUOTED = "On the day, 4,200 accounts were liquidated and positions worth $96 million were closed."


@pytest.mark.parametrize("intro, quoted, expected", [
    # a document introduced by its own wording: what follows the colon is the document's
    ("The venue's notice reads as follows:", True, []),
    ("The announcement of the outage is as follows:", False, []),
    ("The exchange's statement in full:", True, []),
    ("The statement from the venue reads:", True, []),
    # the writer's own breakdown, a reason, a bare title: no document, no credit
    ("The breakdown is as follows:", False, ["4,200 accounts", "$96 million"]),
    ("The reason is as follows:", False, ["4,200 accounts", "$96 million"]),
    ("The day in numbers:", True, ["4,200 accounts", "$96 million"]),
])
def test_a_document_introduced_by_its_wording_credits_what_follows(checker, intro, quoted, expected):
    text = f"{intro}\n\n{'> ' if quoted else ''}{_QUOTED}\n"
    assert flagged(checker, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The post reads: longs lost $310 million and shorts $45 million.", []),
    ("The post reads well, though longs lost $310 million over the day.", ["$310 million"]),
])
def test_a_document_s_wording_in_its_own_sentence(checker, text, expected):
    assert flagged(checker, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a label needs its colon right after it: "Source of the sell-off" names a cause, not a source
    ("Source of the sell-off: longs lost $300 million over the day.", ["$300 million"]),
    ("The source of the sell-off was a $300 million long flush.", ["$300 million"]),
    ("Longs lost $300 million over the day (Source: Velo).", []),
])
def test_a_source_label_is_no_word_about_a_cause(checker, text, expected):
    assert flagged(checker, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an adverb of sequence after unnamed data, as a run of credited figures goes on
    ("Data further reveals that longs made up $412 million of the total.", []),
    ("Longs made up $412 million of the total, the figures additionally show.", []),
    # an aside between a source and its verb
    ("Velo's data, meanwhile, shows longs made up $412 million of the total.", []),
    ("Velo, for its part, counted $412 million of long liquidations.", []),
    # still no source: a generic adjective before the data, an aside before no reporting verb
    ("Current data further indicates that longs made up $412 million of the total.", ["$412 million"]),
    ("Velo, meanwhile, listed a new contract as longs lost $412 million.", ["$412 million"]),
])
def test_a_source_and_its_verb_apart(checker, text, expected):
    assert flagged(checker, text) == expected


_REPORT = "Over the last day, 52,000 accounts were wiped out, adding up to $210M.\n\n$95M went on bitcoin and $41M on ether.\n\n"


@pytest.mark.parametrize("ending, expected", [
    # the article's own source line, then only the titles of the charts it closes on: it credits the whole piece
    ("Source: https://example.org/liquidations\n\nTotal Liquidations\n\nLiquidations by Coin\n", []),
    ("Source: Velo\n\nLiquidations by Venue\n", []),
    # a line after it that is prose or states a figure: the credit line closes the paragraph above it only
    ("Source: Velo\n\nRelated: bitcoin steadies near $90,000\n", ["52,000 accounts", "$210M", "$90,000"]),
    ("Source: Velo\n\nTraders now watch the weekly close.\n", ["52,000 accounts", "$210M"]),
])
def test_a_source_line_that_closes_the_article_before_its_charts_titles(checker, ending, expected):
    assert flagged(checker, _REPORT + ending) == expected


@pytest.mark.parametrize("text, expected", [
    # a venue's or tracker's leaderboard and a shared screenshot are what a source publishes
    ("The trader lost $12 million on the week, the Hyperliquid leaderboard shows.", []),
    ("Velo's leaderboard shows the trader lost $12 million on the week.", []),
    ("A Velo screenshot shows $412 million of longs closed over the day.", []),
    # a leaderboard as a place, a screenshot of the writer's own chart: no one named
    ("The trader topped the leaderboard after a $12 million gain.", ["$12 million"]),
    ("A screenshot of the chart shows longs lost $12 million.", ["$12 million"]),
])
def test_a_leaderboard_and_a_screenshot_are_a_source_s_data(checker, text, expected):
    assert flagged(checker, text) == expected
