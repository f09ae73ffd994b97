"""Shares in words ("more than half of the liquidations") are figures: someone worked them out, and the
article must say whose calculation or whose figure they are (writer/check/figures.py ``_share_words``;
fact mode: rules/p001). Every sentence here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from writer.check import Checker
from writer.check.figures import find_figures
from writer.factbase.loader import load_event

EVENT = Path(__file__).resolve().parents[1] / "factbase" / "events" / "2026-11-12-long-washout-94pct.yaml"

READ = [
    # text, the share's words, its value (percent of the whole the words name), qualifier
    ("Longs made up more than half of the forced closes.", "half", 50.0, "at_least"),
    ("Two-thirds of the losses came from one exchange.", "Two-thirds", 200 / 3, None),
    ("Ether took nearly a third of the day's total.", "a third", 100 / 3, "approx"),
    ("One quarter of all open positions on the venue were shut.", "One quarter", 25.0, None),
    ("The order was less than a tenth, so no one account explains it.", "a tenth", 10.0, "at_most"),
    ("Shorts carried three quarters of the damage.", "three quarters", 75.0, None),
    ("A fifth of the accounts were wiped out.", "A fifth", 20.0, None),
]

NOT_READ = [
    "Prices climbed through the first half of 2025.",
    "It took half an hour for the book to refill.",
    "A quarter of an hour later the engine caught up.",
    "The other half of the order book was thin.",
    "Volume was cut in half overnight.",
    "The split is half the story.",
    "The rally stalled in the third quarter of the year.",
    "Leverage left the market half done with its reset.",
]


@pytest.mark.parametrize("text, words, value, qualifier", READ)
def test_a_share_in_words_is_a_figure(text, words, value, qualifier):
    parts = [f for f in find_figures(text) if f.unit == "part"]
    assert [(f.text, f.qualifier) for f in parts] == [(words, qualifier)]
    assert parts[0].lo == pytest.approx(value)


@pytest.mark.parametrize("text", NOT_READ)
def test_a_fraction_that_is_no_share_is_not_a_figure(text):
    assert [f.text for f in find_figures(text) if f.unit == "part"] == []


def test_half_a_billion_stays_an_amount():
    figs = find_figures("Traders lost half a billion dollars in an hour.")
    assert [(f.text, f.unit) for f in figs] == [("half a billion dollars", "USD")]


@pytest.fixture(scope="module")
def checker():
    return Checker(spacy_pipeline=False)


MUST_FAIL = [
    "Longs made up more than half of the forced closes on the day.\n",
    "Two-thirds of the losses came from one exchange.\n",
]
MUST_PASS = [
    "Longs made up more than half of the forced closes, by our calculation from Bybit's figures.\n",
    "By our own calculation, two-thirds of the losses came from one exchange.\n",
    "According to Bybit, two-thirds of the losses on its books came from longs.\n",
    "The first half of the session was quiet, and the rally took half an hour to fade.\n",
]


@pytest.mark.parametrize("text", MUST_FAIL)
def test_an_unattributed_share_fails_without_facts(checker, text):
    assert [f.code for f in checker.check_text(text)] == ["F001"]


@pytest.mark.parametrize("text", MUST_PASS)
def test_an_attributed_share_passes_without_facts(checker, text):
    assert checker.check_text(text) == []


def test_fact_mode_asks_a_share_for_its_attribution_only(checker):
    event = load_event(EVENT)
    bare = checker.check_text("Longs took more than three quarters of the day's forced closes.\n", event=event)
    assert [(f.code, f.figure) for f in bare] == [("P001", "three quarters")]
    assert "whose calculation" in bare[0].message
    ours = checker.check_text("By our calculation, longs took more than three quarters of the day's forced closes.\n", event=event)
    assert ours == []
