"""Figures the grammar used to drop (our own sentences): a falling or high-to-low pair of any unit, a rate printed
with no unit, a rate counted in words, zero given as an amount; and the numbers that must stay no figure."""

from __future__ import annotations

import pytest

from writer.check.figures import find_figures


def _read(text: str) -> list[tuple[str, str | None, float, float, bool]]:
    return [(f.text, f.unit, f.lo, f.hi, f.point) for f in find_figures(text)]


# --- J: a move between two percentages, or a pair written high to low, is two points (as money always was)

@pytest.mark.parametrize("text, expected", [
    ("Odds of a hike dropped from 65% to 40% in a week.", [("65%", "percent", 65, 65, True), ("40%", "percent", 40, 40, True)]),
    ("Its share slipped from 58.2% to 56.9% overnight.", [("58.2%", "percent", 58.2, 58.2, True), ("56.9%", "percent", 56.9, 56.9, True)]),
    ("The long share went from 82 to 35 percent.", [("82", "percent", 82, 82, True), ("35 percent", "percent", 35, 35, True)]),
    ("A basis that ran 75%–15% over the quarter.", [("75%", "percent", 75, 75, True), ("15%", "percent", 15, 15, True)]),
    ("Funding eased from 0.04% to 0.02% by noon.", [("0.04%", "percent", 0.04, 0.04, True), ("0.02%", "percent", 0.02, 0.02, True)]),
    # a rise after "from" is a move too: two points, each checked
    ("Odds climbed from 15% to 55% after the print.", [("15%", "percent", 15, 15, True), ("55%", "percent", 55, 55, True)]),
    # a duration pair written high to low
    ("Lock-ups shortened, 900 to 300 days by the new rules.", [("900", "days", 900, 900, True), ("300 days", "days", 300, 300, True)]),
])
def test_a_move_or_a_pair_high_to_low_is_two_points(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text, figure, lo, hi", [
    ("Estimates ranged from 25% to 65% among desks.", "25% to 65%", 25, 65),  # a word of spread before "from": one range
    ("The models put it at 25%-65% this month.", "25%-65%", 25, 65),
    ("Somewhere between 80% and 35% of the book, by one count.", "between 80% and 35%", 35, 80),  # written high to low
    ("A 10-30% pullback would follow.", "10-30%", 10, 30),
])
def test_a_range_stays_one_figure(text, figure, lo, hi):
    (fig,) = find_figures(text)
    assert (fig.text, fig.lo, fig.hi, fig.point) == (figure, lo, hi, False)


# --- I: a rate or reading printed with no unit, after a verb that says where it rests

@pytest.mark.parametrize("text, number, unit", [
    ("Funding on the venue ran at 0.0451 overnight.", "0.0451", "percent"),
    ("The borrow rate held at 0.02 through the weekend.", "0.02", "percent"),
    ("Funding rates there were fairly elevated, at 0.0833, a dashboard shows.", "0.0833", "percent"),
    ("The funding rate was 0.0127 on Monday.", "0.0127", "percent"),
    ("The long/short ratio sat at 2.3 on Friday.", "2.3", "ratio"),
    ("Fear and Greed came in at 31 on Sunday.", "31", "index"),
    ("Sentiment stayed in extreme greed at 81.", "81", "index"),
])
def test_a_bare_rate_or_reading_is_a_figure(text, number, unit):
    figs = find_figures(text)
    assert [(f.text, f.unit) for f in figs] == [(number, unit)]


@pytest.mark.parametrize("text", [
    "In 2025 the rate was cut twice.",                  # a year
    "The rate was cut in 2025 after 4 meetings.",       # a count of meetings (a noun follows)
    "Funding resets at 8 UTC every day.",               # a time of day
    "Funding flipped at 04:00 and again at 12:00.",     # clock times
    "Rates were raised 3 times that year.",             # a multiple of events, not a rate
    "Step 2 of the funding guide covers rates.",        # a list number
    "Funding ran hot for 5 days.",                      # a window
    "The rate cut came at 3 p.m.",                      # a time
    "She sat at 4 desks before lunch.",                 # no rate or reading is the subject
    "Traders who held at 7 were liquidated.",           # a verb of rest with no reading subject: no count
    "After two failed attempts, the price broke out.",  # a count of events: no fact can hold it (left out on purpose)
])
def test_numbers_near_rates_that_are_no_figure(text):
    assert find_figures(text) == []


# --- rates counted in words, zero as an amount

@pytest.mark.parametrize("text, figure, unit, value", [
    ("Roughly one liquidation per second hit the book.", "one liquidation per second", "per_second", 1),
    ("Eleven trades per minute crossed at the lows.", "Eleven trades per minute", "per_minute", 11),
    ("About forty orders per hour were cancelled.", "forty orders per hour", "per_hour", 40),
])
def test_a_rate_in_words_is_a_figure(text, figure, unit, value):
    (fig,) = find_figures(text)
    assert (fig.text, fig.unit, fig.lo) == (figure, unit, value)


@pytest.mark.parametrize("text, unit", [
    ("Several small tokens fell to near zero on the venue.", None),
    ("Funding held close to zero all week.", None),
    ("Open interest in the contract dropped to zero.", None),
    ("The exchange reported zero liquidations in the hour.", "count"),
])
def test_zero_given_as_an_amount_is_a_figure(text, unit):
    (fig,) = find_figures(text)
    assert (fig.text.lower().split()[0], fig.unit, fig.lo, fig.hi) == ("zero", unit, 0, 0)


@pytest.mark.parametrize("text", [
    "Trading is a zero-sum game.",
    "A zero-day flaw hit the bridge.",
    "The venue has zero tolerance for wash trading.",
    "Zero fees apply to spot pairs.",
    "The district became ground zero for the sell-off.",
    "They went from zero to hero in a week.",
    "Some argue the token could go to zero.",           # the idiom: worthless, no level read from anyone
    "Fees are one per cent of notional.",               # a percentage, no rate
    "A fee per day applies to open loans.",             # no number
])
def test_zero_and_per_words_that_are_no_new_figure(text):
    assert [f.unit for f in find_figures(text)] in ([], ["percent"])


# --- spelled-out numbers the grammar already read (kept so: a desk calls each a figure)

@pytest.mark.parametrize("text, unit", [
    ("Nearly a third of all positions were shut.", "part"),
    ("Half of all longs were closed out.", "part"),
    ("Volume tripled in two sessions.", "multiple"),
    ("Open interest doubled over the month.", "multiple"),
    ("Twenty percent of the book was short.", "percent"),
    ("Forty-two per cent of accounts were long.", "percent"),
    ("Three wallets moved the coins.", "count"),
])
def test_spelled_out_figures_are_read(text, unit):
    assert [f.unit for f in find_figures(text)] == [unit]
