"""Multiples, ratios and shares told in words are figures: "twice Tuesday's total", "liquidations tripled", "four
times as many longs as shorts", "a sevenfold jump", "shorts outnumbered longs two to one", "nine in ten accounts",
"double-digit drops" (writer/check/multiples.py).

A desk that writes "short liquidations quadrupled" compares two amounts someone counted, so an unattributed
multiple is flagged like an unattributed "+300%". How often something happened ("twice this month"), idioms
("doubled down", "doubles as") and leverage ("10x", "a 50x long", "25x leverage": read apart, as before) are not
multiples. Every sentence is the project's own.
"""

from __future__ import annotations

import pytest

from writer.check.figures import find_figures
from writer.check.phrases import build_phrases

QUALIFIERS = build_phrases({}).qualifiers

# text, figure text, unit, low, high, qualifier
READ = [
    ("Forced closures on Friday ran to more than twice Thursday's tally.", "twice", "multiple", 2, 2, "at_least"),
    ("Short liquidations doubled in the hour after the rate decision.", "doubled", "multiple", 2, 2, None),
    ("Long liquidations nearly tripled between the two sessions.", "tripled", "multiple", 3, 3, "approx"),
    ("Ether shorts were hit four times as hard as bitcoin shorts.", "four times", "multiple", 4, 4, None),
    ("The venue closed 12 times more longs than shorts overnight.", "12 times", "multiple", 12, 12, None),
    ("Wednesday's wipeout was roughly three times the weekly average.", "three times", "multiple", 3, 3, "approx"),
    ("Liquidated volume climbed sevenfold from the morning lull.", "sevenfold", "multiple", 7, 7, None),
    ("Open positions grew by a factor of five over the quarter's last week.", "by a factor of five", "multiple", 5, 5, None),
    ("Losses on the perpetuals were double those on quarterly futures.", "double", "multiple", 2, 2, None),
    ("The squeeze could easily quadruple if the level gives way.", "quadruple", "multiple", 4, 4, None),
    ("Margin calls came in at several times the usual pace.", "several times", "multiple", 2, 9, "vague"),
    ("On the venue, longs outnumbered shorts two to one by close.", "two to one", "ratio", 2, 2, None),
    ("Nine in ten of the closed positions were longs.", "Nine in ten", "part", 90, 90, None),
    ("Four out of five wallets flagged were short.", "Four out of five", "part", 80, 80, None),
    ("Several altcoins posted double-digit drops over the weekend.", "double-digit", "percent", 10, 99, "vague"),
    ("Open interest on the pair halved within the session.", "halved", "multiple", 0.5, 0.5, None),
    ("Long liquidations fell by half from the day before.", "half", "multiple", 0.5, 0.5, None),
    ("Shorts made up one-fifth of the forced closures.", "one-fifth", "part", 20, 20, None),
    # a share of a total that belongs to a stretch of time is still a share
    ("Short losses made up less than a tenth of the month's total.", "a tenth", "part", 10, 10, "at_most"),
]

NOT_READ = [
    # how often, not how much
    "The price touched the level twice this month before the break.",
    "Traders were margin-called three times in a single week.",
    "The desk reviewed the data twice a day.",
    # idioms
    "The fund doubled down on its short after the print.",
    "The dashboard doubles as a risk monitor.",
    "The reason for the flush is twofold: thin books and crowded longs.",
    # a move between two counts, and parity
    "The number of active venues went from three to one.",
    # half of a stretch of time or of a unit
    "The matching engine was down for half an hour.",
    "Funding moved by half a point on the day.",
    # a chart pattern, not a multiple
    "Analysts pointed to a double top on the daily chart.",
]


@pytest.mark.parametrize("text, figure, unit, lo, hi, qualifier", READ)
def test_multiples_in_words_are_figures(text, figure, unit, lo, hi, qualifier):
    figs = find_figures(text, QUALIFIERS)
    assert [(f.text, f.unit, f.qualifier) for f in figs] == [(figure, unit, qualifier)]
    assert figs[0].lo == pytest.approx(lo) and figs[0].hi == pytest.approx(hi)


@pytest.mark.parametrize("text", NOT_READ)
def test_words_that_multiply_nothing_stay_prose(text):
    assert find_figures(text, QUALIFIERS) == []


@pytest.mark.parametrize("text, figures", [
    # leverage is read as before: a venue's terms and leverage in general are no figure, one position's is
    ("Traders running 10x leverage were the first to go.", []),
    ("The venue caps leverage at 50x on majors.", []),
    ("A wallet opened a 40x long on ether before the drop.", [("40x", "ratio")]),
    # digits before x stay the grammar's ratio, not a multiple in words
    ("Forced selling saw a 6x jump in an hour.", [("6x", "ratio")]),
    # a multiple beside an amount: both are read
    ("Short liquidations doubled to $210 million.", [("doubled", "multiple"), ("$210 million", "USD")]),
])
def test_leverage_and_digits_are_read_as_before(text, figures):
    assert [(f.text, f.unit) for f in find_figures(text, QUALIFIERS)] == figures


@pytest.mark.parametrize("text, flagged", [
    ("Forced closures on Friday ran to more than twice Thursday's tally.", ["twice"]),
    ("Short liquidations doubled in the hour after the rate decision.", ["doubled"]),
    ("Ether shorts were hit four times as hard as bitcoin shorts.", ["four times"]),
    ("On the venue, longs outnumbered shorts two to one by close.", ["two to one"]),
    ("Nine in ten of the closed positions were longs.", ["Nine in ten"]),
    ("Several altcoins posted double-digit drops over the weekend.", ["double-digit"]),
    # attributed: nothing to flag
    ("Short liquidations doubled in the hour after the rate decision, CoinGlass data show.", []),
    ("According to CoinGlass, ether shorts were hit four times as hard as bitcoin shorts.", []),
    ("Nine in ten of the closed positions were longs, Hyperliquid's own dashboard shows.", []),
    # not a multiple: nothing to flag
    ("The price touched the level twice this month before the break.", []),
    ("The fund doubled down on its short after the print.", []),
])
def test_an_unattributed_multiple_is_flagged(checker, text, flagged):
    assert [f.figure for f in checker.check_text(text) if f.code == "F001"] == flagged


# Fact mode: no fact holds a multiple, so P001 asks for its attribution only, as for a share in words.
EVENT = """
id: multiples-test
as_of: 2026-11-24T12:00:00+00:00
windows: [24h]
facts:
  - id: total_24h
    metric: liquidations
    unit: USD
    window: 24h
    observations: [{source: coinglass, value: 412000000}]
"""


@pytest.mark.parametrize("text, flagged", [
    ("Liquidations reached $412 million over 24 hours, according to a single source, CoinGlass. They doubled "
     "from the day before.\n", []),
    ("Liquidations reached $412 million over 24 hours, according to a single source, CoinGlass.\n\nThe tally "
     "tripled in a day.\n", ["tripled"]),
])
def test_a_multiple_in_fact_mode_asks_for_its_attribution(checker, text, flagged):
    from draft_support import event_from_yaml

    event = event_from_yaml(EVENT, "multiples-test.yaml")
    assert [f.figure for f in checker.check_text(text, event=event) if f.code == "P001"] == flagged
