"""Fact mode on wordings a desk writes by hand (writer/check/described_sources.py, the linking of a figure that heads
its own event phrase): a source the registry only describes is credited by a generic singular description of a
source in a source's place; a role noun ("the exchange") credits the one venue of its kind named in its sentence or
paragraph when that venue is the figure's source; a name's data of a kind ("X's on-chain records") and its
breakdown or snapshot name it as the source; a figure heading "in a $X wipeout" is the event's, not its subject's
side. Each reading has sentences that must pass and sentences that must still be flagged. Every sentence here is ours.
"""

from __future__ import annotations

import pytest

from link_support import codes, event, links_of


# --- a generic singular description credits a described source's figure ----------------------------------

_DESCRIBED = """facts:
  - {id: tally, metric: liquidations, unit: USD, window: 12h, observations: [{source: unnamed-aggregator, value: 512M}]}
  - {id: named, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinank, value: 880M}]}
  - {id: grouped, metric: liquidations, unit: USD, window: 4h, observations: [{source: data-providers, value: 207M}]}
"""


@pytest.mark.parametrize("text", [
    "An anonymous tracker counted $512 million of forced closures in the last 12 hours.",
    "Half a day of selling cost traders $512 million, according to a single analytics dashboard.",
    "One liquidation feed put the 12-hour tally at $512 million.",
    "The 12-hour figure came to $512 million, an undisclosed provider reported.",
    "According to one source, forced selling reached $512 million over 12 hours.",
])
def test_a_generic_singular_description_credits_a_described_source(text):
    assert "P002" not in codes(event(_DESCRIBED), text)


@pytest.mark.parametrize("text, code", [
    # a named source's figure: a description names no one
    ("According to an unnamed tracker, $880 million was liquidated over 24 hours.", "P002"),
    ("One data aggregator put the day's liquidations at $880 million.", "P002"),
    # an unnamed group's figure: one source is not the several it comes from
    ("One data provider put four-hour liquidations at $207 million.", "P011"),
    # the description is not in a source's place
    ("An unnamed tracker went dark while $512 million was liquidated over 12 hours.", "P002"),
    # no description at all
    ("Forced selling reached $512 million over 12 hours.", "P002"),
])
def test_a_description_credits_no_named_source_no_group_and_nothing_out_of_place(text, code):
    assert code in codes(event(_DESCRIBED), text)


@pytest.mark.parametrize("text, p002", [
    ("One unnamed dashboard tracked the whole move. It put 12-hour liquidations at $512 million.", False),
    # another attribution between ends the run; hearsay with no one named is outside it
    ("One unnamed dashboard tracked the whole move. CoinAnk said the day cost $880 million. "
     "Over 12 hours $512 million was liquidated.", True),
    ("One unnamed dashboard tracked the whole move. Traders reportedly lost $512 million over 12 hours.", True),
])
def test_a_description_opening_a_paragraph_credits_its_run(text, p002):
    assert ("P002" in codes(event(_DESCRIBED), text)) == p002


# --- a role noun stands for the one venue named, when that venue is the figure's source ----------------------

_VENUES = """facts:
  - {id: hl_big, metric: largest_single_liquidation, unit: USD, window: 24h, venue: hyperliquid, status: official, observations: [{source: hyperliquid, value: 6.4M}]}
  - {id: okx_day, metric: liquidations, unit: USD, window: 24h, venue: okx, observations: [{source: coinglass, value: 74.5M}]}
"""


@pytest.mark.parametrize("text", [
    "A $6.4 million long was the largest position closed on Hyperliquid in the day, according to the venue.",
    "On Hyperliquid, one BTC long worth $6.4 million was the day's biggest casualty, the protocol's public data show.",
    "Hyperliquid had a rough day. Its largest single liquidation, a $6.4 million long, was disclosed by the exchange.",
    # the name itself, with its data of a kind between
    "Hyperliquid's on-chain records show a $6.4 million long as the day's largest single liquidation.",
])
def test_a_role_noun_credits_the_one_venue_named_when_it_is_the_source(text):
    assert "P011" not in codes(event(_VENUES), text)


@pytest.mark.parametrize("text, code", [
    # the venue named is the figure's venue, not its source (CoinGlass counted OKX's liquidations)
    ("OKX saw $74.5 million of positions liquidated in the day, the exchange said.", "P002"),
    # another venue than the figure's source
    ("On Bybit the day's largest single liquidation was a $6.4 million long, according to the exchange.", "P011"),
    # two venues in the paragraph: the role noun stands for neither
    ("Bybit and Hyperliquid both saw heavy selling. The day's largest single liquidation, a $6.4 million long, "
     "was disclosed by the exchange.", "P011"),
    # the role noun is not in a source's place
    ("The exchange's largest single liquidation on Hyperliquid in the day was a $6.4 million long.", "P011"),
    # another source's data of a kind: a wrong source, and the figure's own is not named
    ("Hyperliquid's largest single liquidation of the day was a $6.4 million long, CoinGlass's on-chain data show.", "P008"),
    ("Hyperliquid's largest single liquidation of the day was a $6.4 million long, CoinGlass's on-chain data show.", "P011"),
])
def test_a_role_noun_credits_no_other_venue_and_nothing_out_of_place(text, code):
    assert code in codes(event(_VENUES), text)


# --- a weak verb with the subject's own record names the subject (the fifth item: a judgement) --------------------

_FEED = """facts:
  - {id: bn_floor, metric: liquidations, unit: USD, window: 24h, venue: binance, lower_bound: true, status: official, observations: [{source: binance, value: 120.2M}]}
"""


@pytest.mark.parametrize("text, p011", [
    ("Over the day Binance counted at least $120.2 million of liquidated positions in its public feed.", False),
    ("Binance recorded no less than $120.2 million of forced selling across the day in its own sampled records.", False),
    # a weak verb alone is a market's word as much as a source's ("bitcoin logged gains")
    ("Binance logged at least $120.2 million of forced selling as the day wore on.", True),
    # the record is not the subject's
    ("Binance logged at least $120.2 million of forced selling in the day, on the public feed of a tracker.", True),
])
def test_a_weak_verb_with_its_own_record_names_the_subject(text, p011):
    assert ("P011" in codes(event(_FEED), text)) == p011


# --- a source's breakdown or snapshot names it as the source ---------------------------------------------------

@pytest.mark.parametrize("text, flagged", [
    ("OKX closed out $74.5 million of positions in the day, CoinGlass's breakdown shows.", set()),
    ("Over the day OKX came to $74.5 million in the latest CoinGlass snapshot.", set()),
    # another source's breakdown: a wrong source, the figure's own unnamed
    ("OKX closed out $74.5 million of positions in the day, CoinAnk's breakdown shows.", {"P002", "P008"}),
    # a breakdown by venue names no one
    ("The breakdown by venue puts OKX at $74.5 million for the day.", {"P002"}),
])
def test_a_sources_breakdown_names_it(text, flagged):
    assert codes(event(_VENUES), text) & {"P002", "P008"} == flagged


# --- a figure heading its own event phrase is the event's, not its subject's side ---------------------------

_SIDES = """facts:
  - {id: total, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinank, value: 1.451B}]}
  - {id: longs, metric: liquidations, unit: USD, window: 24h, side: long, observations: [{source: coinank, value: 1.361B}]}
  - {id: shorts, metric: liquidations, unit: USD, window: 24h, side: short, observations: [{source: coinank, value: 90M}]}
"""


@pytest.mark.parametrize("text, fact", [
    ("# Longs flushed in $1.45 billion wipeout", "total"),
    ("# Longs bear the brunt of a $1.45 billion liquidation", "total"),
    ("Longs took most of the damage amid a $1.45 billion sell-off, CoinAnk's figures show.", "total"),
    # the side's own figure keeps its side
    ("# Longs lose $1.36 billion as bitcoin slides", "longs"),
    ("# Longs flushed in $1.36 billion wipeout", "longs"),
    ("# $1.36 billion of longs wiped out in a day", "longs"),
    ("# Shorts escape with $90 million as longs are flushed", "shorts"),
])
def test_a_figure_heading_its_event_phrase_is_the_events(text, fact):
    ((_, support, kind),) = links_of(event(_SIDES), text)
    assert (support, kind) == (fact, "supported")


@pytest.mark.parametrize("text", [
    # a side's figure printed with the total's value is still caught
    "# Longs lose $1.45 billion as bitcoin slides",
    # the event phrase names the side itself
    "# Traders flushed in $1.45 billion long wipeout",
])
def test_a_side_word_of_the_figures_own_still_links_the_side(text):
    ((_, support, kind),) = links_of(event(_SIDES), text)
    assert support == "longs" and kind != "supported"
    assert "P006" in codes(event(_SIDES), text)


# --- a relative clause between a name and its reporting verb ------------------------------------------------


@pytest.mark.parametrize("text", [
    "CoinAnk, which follows more venues than most, put the day's liquidations at $880 million.",
    "CoinAnk, whose coverage is wide, said $880 million of positions were closed out over 24 hours.",
])
def test_a_relative_clause_between_a_name_and_its_verb_keeps_the_credit(text):
    assert "P002" not in codes(event(_DESCRIBED), text)


@pytest.mark.parametrize("text", [
    # the relative clause says what the name did, but no verb of reporting follows it
    "CoinAnk, which follows more venues than most, went quiet as $880 million was liquidated over 24 hours.",
    # a figure inside the clause ends the apposition: the name is not carried past it
    "CoinAnk, which counted 880 venues, saw $880 million liquidated over 24 hours.",
])
def test_a_relative_clause_without_a_reporting_verb_after_it_credits_nothing(text):
    assert "P002" in codes(event(_DESCRIBED), text)


# --- both sides named as one subject ------------------------------------------------------------------------

_BOTH = """facts:
  - {id: all, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinank, value: 880M}]}
  - {id: longs, metric: liquidations, unit: USD, window: 24h, side: long, observations: [{source: coinank, value: 610M}]}
  - {id: shorts, metric: liquidations, unit: USD, window: 24h, side: short, observations: [{source: coinank, value: 270M}]}
  - {id: doge, metric: liquidations, unit: USD, window: 24h, asset: DOGE, observations: [{source: coinank, value: 31M}]}
"""


@pytest.mark.parametrize("text, fact", [
    ("DOGE longs and shorts combined lost $31 million in the day, CoinAnk data show.", "doge"),
    ("Long and short liquidations together came to $880 million over 24 hours, CoinAnk data show.", "all"),
    ("Shorts or longs, $880 million of bets were wiped out over 24 hours, according to CoinAnk.", "all"),
])
def test_both_sides_named_as_one_subject_is_no_one_sides_figure(text, fact):
    assert [support for _, support, _ in links_of(event(_BOTH), text) if support is not None] == [fact]
    assert "P006" not in codes(event(_BOTH), text)


@pytest.mark.parametrize("text, facts", [
    # each side with its own figure: the side words still decide
    ("Longs lost $610 million and shorts $270 million over 24 hours, CoinAnk data show.", ["longs", "shorts"]),
])
def test_each_side_with_its_own_figure_keeps_its_side(text, facts):
    assert [support for _, support, _ in links_of(event(_BOTH), text) if support is not None] == facts


def test_a_side_figure_that_does_not_fit_is_still_flagged():
    assert "P006" in codes(event(_BOTH), "Shorts lost $290 million over 24 hours, CoinAnk data show.")
