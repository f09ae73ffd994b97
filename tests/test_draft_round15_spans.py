"""The time a figure covers, as desks report it (round fifteen's desk reports), held through the whole path with events
and sentences of our own: a window with the source's bound word on it ("in less than 24 hours": `window_hedge`), a
running total since the start of the day, week, month or year ("so far this year": `to_date`) and a whole calendar
year ("in 2021": `year`). Each is refused with its line and field when malformed, drafted with the provenance check's
round trip (so each draft here also passed the check) and linked back to its own fact by the check.
"""

from __future__ import annotations

import pytest

from link_support import ScratchEvent
from writer.factbase.vocabulary import ToDate

HEAD = "id: spans\nas_of: 2026-12-01T12:00:00+00:00\n"
FACT = "  - {id: %s, metric: liquidations, unit: USD%s, observations: [{source: coinglass, value: %s}]}\n"


_SCRATCH = ScratchEvent(HEAD, "spans.yaml")
load, draft, links, refused, line_of = (_SCRATCH.load, _SCRATCH.draft, _SCRATCH.links, _SCRATCH.refused,
                                       _SCRATCH.line_of)


# --- a window with the source's bound word ----------------------------------------------------------------------------

BOUNDED = "facts:\n" + FACT % ("tot", ", window: 24h, window_hedge: less_than", "1.05B") + FACT % ("lng", ", side: long, window: 24h, window_hedge: less_than", "797M")


def test_a_bounded_window_is_printed_with_its_bound_and_linked_to_its_fact():
    md = draft(BOUNDED)
    assert "$1.05 billion in less than 24 hours" in md, md
    assert "over less than" not in md.split("\n# ", 1)[1].split("\n", 1)[0]  # the headline says "in less than 24 hours"
    assert links(BOUNDED)["$1.05 billion"] == {"tot"}


@pytest.mark.parametrize("word, printed", [("more_than", "in more than one week"), ("over", "in more than one week"),
                                           ("as_much_as", "in as much as one week"), ("nearly", "in nearly one week")])
def test_each_bound_word_is_printed_as_the_source_gave_it(word, printed):
    body = "facts:\n" + FACT % ("tot", f", window: 1w, window_hedge: {word}", "310M")
    md = draft(body)
    assert printed in md, md
    assert links(body)["$310 million"] == {"tot"}


def test_a_bound_on_no_window_is_refused_at_its_line_and_field():
    body = "facts:\n" + FACT % ("tot", ", window_hedge: less_than", "310M")
    found = refused(body)
    assert found[0].field == "facts[0].window_hedge" and "give the `window` too" in found[0].message, found[0].message
    assert found[0].line == line_of(body, "window_hedge")


def test_a_bound_word_outside_the_vocabulary_is_refused():
    found = refused("facts:\n" + FACT % ("tot", ", window: 24h, window_hedge: barely", "310M"))
    assert found[0].field == "facts[0].window_hedge", found[0]


def test_a_bounded_window_is_no_second_name_for_the_same_length():
    """"less than 24 hours" beside "one day" is not told as two names of one length (it is not one)."""
    body = "facts:\n" + FACT % ("tot", ", window: 24h, window_hedge: less_than", "1.05B") + FACT % ("day", ", side: long, window: 1d", "797M")
    assert "are the same length" not in draft(body)


# --- a running total and a calendar year ------------------------------------------------------------------------------

@pytest.mark.parametrize("unit", [u.value for u in ToDate])
def test_a_running_total_prints_its_span_and_links_to_its_fact(unit):
    body = "facts:\n" + FACT % ("tot", ", window: 24h", "310M") + FACT % ("run", f", to_date: {unit}", "17B")
    md = draft(body)
    words = {"day": "so far today", "week": "so far this week", "month": "so far this month", "year": "so far this year"}[unit]
    assert f"{words} came to $17 billion" in md or f"$17 billion {words}" in md, md
    assert links(body)["$17 billion"] == {"run"}


def test_a_calendar_year_prints_its_year_and_is_no_figure():
    body = "facts:\n" + FACT % ("tot", ", window: 24h", "310M") + FACT % ("y21", ", year: 2021", "100B")
    md = draft(body)
    assert "in 2021" in md, md
    found = links(body)
    assert found["$100 billion"] == {"y21"} and "2021" not in found


def test_a_running_total_is_not_read_as_a_part_of_the_events_total():
    """A year's running total larger than the event's total is no part exceeding its whole: they cover different spans."""
    body = "facts:\n" + FACT % ("tot", "", "310M") + FACT % ("run", ", side: long, to_date: year", "17B")
    assert load(body).facts["run"].span == "to_date:year"
    assert "so far this year" in draft(body)


@pytest.mark.parametrize("fields, field", [(", window: 24h, to_date: year", "facts[0].to_date"),
                                           (", year: 2021, to_date: year", "facts[0].year"),
                                           (", window: 24h, year: 2021", "facts[0].year")])
def test_two_spans_on_one_figure_are_refused(fields, field):
    found = refused("facts:\n" + FACT % ("tot", fields, "310M"))
    assert found[0].field == field and "one span of time" in found[0].message, found[0]


@pytest.mark.parametrize("value", ["1999", "21", "this_year", "2021.5"])
def test_a_year_outside_the_calendar_or_not_a_year_is_refused(value):
    found = refused("facts:\n" + FACT % ("tot", f", year: {value}", "310M"))
    assert found[0].field == "facts[0].year", found[0]


def test_a_to_date_outside_its_words_is_refused():
    found = refused("facts:\n" + FACT % ("tot", ", to_date: decade", "310M"))
    assert found[0].field == "facts[0].to_date" and "year" in found[0].message, found[0]


# --- a scale alone, in the plural -------------------------------------------------------------------------------------

PLURALS = ("facts:\n" + FACT % ("tot", ", window: 24h", "310M")
           + "  - {id: mil, metric: trader_loss, unit: USD, subject: a group of traders, observations: [{source: bybit, magnitude: millions}]}\n"
           + "  - {id: bil, metric: liquidations, unit: USD, year: 2021, observations: [{source: coinank, magnitude: billions}]}\n")


def test_a_bare_plural_scale_drafts_as_words_and_links_to_its_fact():
    md = draft(PLURALS)
    assert "lost millions of dollars" in md and "billions of dollars in 2021" in md, md
    found = links(PLURALS)
    assert found["millions of dollars"] == {"mil"} and found["billions of dollars"] == {"bil"}


def test_a_bare_plural_scale_reads_as_one_to_a_thousand_of_it():
    from writer.factbase.vocabulary import Magnitude

    assert Magnitude.MILLIONS.interval == (1e6, 1e9) and Magnitude.BILLIONS.interval == (1e9, 1e12)
    assert Magnitude.MILLIONS.words == "millions"


SPANS_ELSEWHERE = ("facts:\n" + FACT % ("tot", ", window: 24h", "310M")
                   + "  - {id: ytdp, metric: price_change, unit: percent, asset: BTC, to_date: year, observations: [{source: coinmarketcap, value: 40}]}\n"
                   + "  - {id: oi, metric: open_interest_change, unit: percent, year: 2024, observations: [{source: coinglass, value: -12}]}\n"
                   + "  - {id: bn, metric: liquidations, unit: USD, to_date: week, venue: bybit, observations: [{source: bybit, value: 90M}]}\n")


def test_a_span_is_printed_wherever_a_window_would_be():
    """A change, a venue's own figure and a market figure each say their span, as a windowed figure says its window."""
    md = draft(SPANS_ELSEWHERE)
    assert "bitcoin rose 40% over the year so far" in md and "fell 12% in 2024" in md, md
    assert "$90 million so far this week" in md, md
    found = links(SPANS_ELSEWHERE)
    assert found["40%"] == {"ytdp"} and found["12%"] == {"oi"} and found["$90 million"] == {"bn"}
