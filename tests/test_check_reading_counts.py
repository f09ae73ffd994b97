"""Counts and amounts in words with no number: "hundreds of traders", "over a dozen funds", "millions of dollars",
and a record claimed with none ("liquidations reached a record").

A desk that writes "dozens of wallets were liquidated" or "billions in longs were wiped out" takes the
magnitude from someone just as it takes "$2.1 billion": the check reads these as (vague) figures, so an
unattributed one is flagged (writer/check/figures.py ``_count_words``). Words that count no thing ("dozens
of times", "thousands of years") and "hundreds of the traders" stay prose. Every sentence is the
project's own.
"""

from __future__ import annotations

import pytest

from writer.check.figures import find_figures
from writer.check.phrases import build_phrases

QUALIFIERS = build_phrases({}).qualifiers

# text, figure text, unit, low, high, qualifier
READ = [
    ("Hundreds of traders were forced out before dawn.", "Hundreds of traders", "count", 100, 999, "vague"),
    ("Dozens of wallets on the venue went to zero.", "Dozens of wallets", "count", 24, 99, "vague"),
    ("Scores of accounts were margin-called overnight.", "Scores of accounts", "count", 40, 99, "vague"),
    ("Thousands of leveraged holders were closed out.", "Thousands of leveraged holders", "count", 1e3, 999e3, "vague"),
    ("Over a dozen funds trimmed their books.", "a dozen funds", "count", 12, 12, "at_least"),
    ("Nearly a dozen venues paused withdrawals.", "a dozen venues", "count", 12, 12, "approx"),
    ("Millions of dollars of longs vanished in minutes.", "Millions of dollars", "USD", 1e6, 999e6, "vague"),
    ("Billions in leveraged bets were unwound.", "Billions", None, 1e9, 999e9, "vague"),
    ("Some traders lost millions worth of ether.", "millions", None, 1e6, 999e6, "vague"),
    # money taken off or out of something
    ("The crash was slashing billions off the market's value.", "billions", None, 1e9, 999e9, "vague"),
    ("Liquidations knocked billions off open interest by noon.", "billions", None, 1e9, 999e9, "vague"),
    # a small count in words of what the event is made of
    ("Eight liquidations in a row hit the same wallet.", "Eight liquidations", "count", 8, 8, None),
    ("The fund opened three separate accounts on the venue.", "three separate accounts", "count", 3, 3, None),
    ("Twelve wallets were drained before noon.", "Twelve wallets", "count", 12, 12, None),
    # the market's actors counted in words, with what they did or what happened to them
    ("Four whales made a fortune on the squeeze.", "Four whales", "count", 4, 4, None),
    ("Two whales were liquidated within the hour.", "Two whales", "count", 2, 2, None),
    ("Five funds were hit when the basis collapsed.", "Five funds", "count", 5, 5, None),
    ("Six large holders sold into the bounce.", "Six large holders", "count", 6, 6, None),
    ("Three market makers pulled their quotes at once.", "Three market makers", "count", 3, 3, None),
    ("Nine users opened shorts at the top.", "Nine users", "count", 9, 9, None),
    ("Seven traders, all on high leverage, were wiped out.", "Seven traders", "count", 7, 7, None),
    ("Ten investors who bought the top held on.", "Ten investors", "count", 10, 10, None),
    ("The venue froze the books of two speculators.", "two speculators", "count", 2, 2, None),
    # a count that is no coverage: the venues the event touched
    ("Dozens of venues halted withdrawals.", "Dozens of venues", "count", 24, 99, "vague"),
    # a couple of hundred, as "a few hundred" is read
    ("Shorts lost a couple hundred million dollars in the squeeze.", "a couple hundred million dollars", "USD", 2e8, 3e8, "vague"),
    # hedges a desk writes before a figure
    ("Longs lost the better part of $1 billion on the day.", "$1 billion", "USD", 1e9, 1e9, "approx"),
    ("Shorts lost in the neighbourhood of $90 million.", "$90 million", "USD", 9e7, 9e7, "approx"),
    # money told by its size class
    ("A nine-figure long was closed out on the venue.", "nine-figure", "USD", 1e8, 1e9 - 1, "vague"),
    ("It was a billion-dollar flush by lunchtime.", "billion-dollar", "USD", 1e9, 9.99e9, "vague"),
    ("Multimillion-dollar shorts were squeezed in minutes.", "Multimillion-dollar", "USD", 2e6, 999e6, "vague"),
    # a suffixed count is a count, not money
    ("Over 120K traders were margin-called.", "120K traders", "count", 120e3, 120e3, "at_least"),
    # a record claimed with no number
    ("Short liquidations reached a record on Thursday.", "a record", "record", 0, 0, "vague"),
    ("Open interest on the venue climbed to a fresh record high.", "a fresh record high", "record", 0, 0, "vague"),
    ("The squeeze cost shorts a record amount in one session.", "a record amount", "record", 0, 0, "vague"),
]

NOT_READ = [
    # ...not one that points back, nor speakers, venues or anything else the event is not made of
    "The trader pulled margin from the other two accounts.",
    "Its three wallets went quiet afterwards.",
    "Two traders said the move was fast.",
    "The story visits four crypto exchanges.",
    # ...the market's actors counted as speakers (phrases.yaml described_speakers: verbs), as a source, or pointing back
    "Three traders expect a retest of the low.",
    "Two investors are warning of a deeper slide.",
    "Four funds, in letters to clients, argued the sell-off was overdone.",
    "Two whales who spoke to the desk predicted more pain.",
    "Five holders told the desk they had sold nothing.",
    "According to three traders, the book was thin all night.",
    "Two funds are estimated to hold most of the book.",  # (told of by someone: the passive of a reporting verb)
    "Three whales were reported to have exited.",
    "Two traders on the venue said the book was thin.",
    "The two whales sold later in the week.",
    "Their three funds closed the month flat.",
    "Three analysts expect a bounce.",  # (not an actor of the market)
    "Three reasons explain the drop.",
    # what a source covers, told in its description: its reach, not the event's
    "CoinGlass, which tracks dozens of venues, logged the move.",
    "A tracker covering hundreds of markets logged the move.",
    "Coinalyze, which pulls data from over a dozen exchanges, counted the flush.",
    "Dozens of times a day the funding flipped.",
    "Thousands of years of history say little here.",
    "Hundreds of the traders came back the next day.",
    "Billions of people have never held a coin.",  # (no plural noun ending in -s: people)
    # ...no record read where it is denied, is a log, or describes a number it stands beside
    "By size alone the day was not a record.",
    "The flush may not have set a record at all.",
    "The venue keeps a record of every forced closure.",
]


@pytest.mark.parametrize("text, figure, unit, lo, hi, qualifier", READ)
def test_count_words_are_figures(text, figure, unit, lo, hi, qualifier):
    figs = find_figures(text, QUALIFIERS)
    assert [(f.text, f.unit, f.qualifier) for f in figs] == [(figure, unit, qualifier)]
    assert figs[0].lo == pytest.approx(lo) and figs[0].hi == pytest.approx(hi)


@pytest.mark.parametrize("text", NOT_READ)
def test_words_that_count_nothing_stay_prose(text):
    assert find_figures(text, QUALIFIERS) == []


def test_the_vague_forms_already_read_are_not_read_twice():
    """"hundreds of millions of dollars" and "tens of thousands" stay one figure each."""
    assert [f.text for f in find_figures("Hundreds of millions of dollars and tens of thousands of traders.", QUALIFIERS)] == [
        "Hundreds of millions of dollars", "tens of thousands"]


@pytest.mark.parametrize("text, flagged", [
    ("Hundreds of traders were forced out before dawn.", ["Hundreds of traders"]),
    ("Over a dozen funds trimmed their books as bitcoin slid.", ["a dozen funds"]),
    ("Millions of dollars of longs vanished in minutes.", ["Millions of dollars"]),
    ("Hundreds of traders were forced out before dawn, according to CoinGlass.", []),
    ("Three traders lost $2 million each.", ["Three traders", "$2 million"]),
    ("Three traders lost $2 million each, Lookonchain said.", []),
    ("Two traders said the squeeze was engineered.", []),
    ("Lookonchain said dozens of wallets were liquidated on the venue.", []),
    ("Short liquidations reached a record on Thursday.", ["a record"]),
    ("Short liquidations reached a record on Thursday, CoinGlass data show.", []),
    ("Shorts lost a record $1.9 billion on Thursday.", ["$1.9 billion"]),
    ("The 418 traders liquidated in that hour were a record.", ["418 traders"]),
])
def test_an_unattributed_count_word_is_flagged(checker, text, flagged):
    assert [f.figure for f in checker.check_text(text) if f.code == "F001"] == flagged


# Fact mode: a count in words is supported where a fact's own describing words hold it (the coverage a draft
# prints: "across a dozen derivatives venues"); one the fact file never mentions is flagged as unsupported.
EVENT = """
id: counts-test
as_of: 2026-11-24T12:00:00+00:00
windows: [24h]
facts:
  - id: total_24h
    metric: liquidations
    unit: USD
    window: 24h
    coverage: a dozen derivatives venues
    observations: [{source: coinglass, value: 412000000}]
"""


@pytest.mark.parametrize("text, unsupported", [
    ("Liquidations reached $412 million across a dozen derivatives venues over 24 hours, according to a single source, "
     "CoinGlass.\n", []),
    ("Liquidations reached $412 million over 24 hours, according to a single source, CoinGlass. Hundreds of traders "
     "were hit, CoinGlass said.\n", ["Hundreds of traders"]),
])
def test_a_count_in_words_is_supported_by_a_facts_own_words(checker, text, unsupported):
    from draft_support import event_from_yaml

    event = event_from_yaml(EVENT, "counts-test.yaml")
    assert [f.figure for f in checker.check_text(text, event=event) if f.code == "P001"] == unsupported
