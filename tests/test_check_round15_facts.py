"""Fact mode on mechanisms met in the fifteenth round's check of test13 and of the real fact files' own drafts: a
bounded share in words against the next step of its ladder, a bare "zero" against a record claimed with no number, a
name after a participle of a ranking ("followed by X") that is no credit. Every sentence and fact file here is ours."""

from __future__ import annotations

import pytest

from link_support import codes, event, links_of

# --- a bounded share in words is told on its ladder: "more than a third" is not how about half is told

_SHARE = """facts:
  - {{id: total, metric: liquidations, unit: USD, window: 24h, observations: [{{source: coinglass, value: 900M}}]}}
  - id: long_share
    metric: liquidation_share
    unit: percent
    side: long
    window: 1h
    observations: [{{source: coinank, value: 50, hedge: about, reading: {reading}}}]
"""


@pytest.mark.parametrize("reading, sentence", [
    ("about half", "By our own calculation, the largest venue makes up more than a third of the total."),
    ("about half", "On our count, one exchange took over a quarter of the forced selling."),
    ("about half", "By our reckoning, just over a third of the forced selling came from one venue."),
    ("two thirds", "By our calculation, fewer than half of the orders were filled in the first minute."),
    ("a quarter", "By our own calculation, less than half of the total sat on one venue."),
])
def test_a_bounded_share_in_words_does_not_reach_the_next_step(reading, sentence):
    ev = event(_SHARE.format(reading=reading))
    got = [(t, sid) for t, sid, _ in links_of(ev, sentence)]
    assert all(sid is None or not sid.startswith("long_share") for _, sid in got), got
    assert not codes(ev, sentence) & {"P002", "P008"}


@pytest.mark.parametrize("reading, sentence", [
    ("about half", "Longs made up nearly half of the liquidations in the hour, CoinAnk data show."),
    ("nearly half", "Longs made up more than a third of the liquidations in the hour, CoinAnk data show."),
    ("more than half", "Longs made up more than half of the liquidations in the hour, CoinAnk data show."),
])
def test_a_share_in_words_still_links_to_a_reading_it_tells(reading, sentence):
    """Within a step: "more than a third" for nearly half (45%), "more than half" for 58% (the next step, two thirds,
    not reached), and a hedge, not a bound, for about half."""
    value = {"about half": 50, "nearly half": 45, "more than half": 58}[reading]
    ev = event(_SHARE.format(reading=reading).replace("value: 50", f"value: {value}"))
    assert any(sid == "long_share" for _, sid, _ in links_of(ev, sentence)), links_of(ev, sentence)
    # ...and its single source, named, is wanted: the link is real
    assert "P002" in codes(ev, sentence.replace(", CoinAnk data show", ""))


# --- a record claimed with no number holds no value a bare "zero" prints

_RECORD = """facts:
  - id: oi
    metric: open_interest
    unit: USD
    asset: BTC
    note: {note}
    observations: [{{source: coinglass, value: 9.3B}}]
quotes:
  - {{id: q, speaker: Ada Lane, words: "{words}", source: the-block}}
"""


@pytest.mark.parametrize("note, sentence", [
    ("a record high for the venue", "Traders feared the price could drop to zero."),
    ("set a new record", "Funding rates fell to zero overnight."),
    ("an all-time record", "Margin balances went down to zero for some."),
])
def test_a_bare_zero_is_no_record_claimed_without_a_number(note, sentence):
    ev = event(_RECORD.format(note=note, words="it went nowhere"))
    got = [sid for t, sid, _ in links_of(ev, sentence) if t.lower() == "zero"]
    assert "text:oi" not in got, got


@pytest.mark.parametrize("words, sentence", [
    ("the price could drop to zero for all I care", "Ada Lane said, according to The Block: “the price could drop to zero for all I care”."),
    ("we were a day away from BTC falling to zero", "Ada Lane told The Block that “we were a day away from BTC falling to zero”."),
])
def test_a_quoted_zero_is_still_the_quotes(words, sentence):
    ev = event(_RECORD.format(note="a record high for the venue", words=words))
    assert [sid for t, sid, _ in links_of(ev, sentence) if t.lower() == "zero"] == ["quote:q"]
    assert not codes(ev, sentence) & {"P002", "P008"}


def test_a_record_claimed_still_links_to_the_record_in_a_note():
    ev = event(_RECORD.format(note="a record high for the venue", words="it went nowhere"))
    assert ("a record high", "text:oi") in [(t, sid) for t, sid, _ in links_of(ev, "Open interest hit a record high.")]


# --- a name after a participle of a ranking is a place in the order, not a credit

_VENUES = """facts:
  - {id: total, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 800M}]}
  - {id: a, metric: liquidations, unit: USD, venue: binance, window: 24h, observations: [{source: coinglass, value: 300M}]}
  - {id: b, metric: liquidations, unit: USD, venue: okx, window: 24h, observations: [{source: coinglass, value: 120M}]}
"""
_OPENING = "According to a single source, CoinGlass, liquidations over the past day came to $800 million. "


@pytest.mark.parametrize("rest", [
    "Binance saw $300 million, followed by OKX with $120 million.",
    "The heaviest losses were on Binance at $300 million, trailed by OKX at $120 million.",
    "The venues were led by Binance with $300 million; OKX came next with $120 million.",
])
def test_a_ranking_participle_does_not_end_the_run(rest):
    assert "P002" not in codes(event(_VENUES), _OPENING + rest)


@pytest.mark.parametrize("text", [
    # no credit opens the paragraph: the ranked name is still no credit
    "Binance saw $300 million, followed by OKX with $120 million.",
    "Liquidations were led by Binance with $300 million and OKX took $120 million.",
    # a real agent after "by" still credits (and is the wrong source here)
    "Binance saw $300 million, as tracked by CoinAnk.",
])
def test_a_ranked_name_is_no_credit_but_an_agent_still_is(text):
    assert "P002" in codes(event(_VENUES), text) or "P008" in codes(event(_VENUES), text)


# --- a provider's own study, research or analysis names it as the source

_ONE = """facts:
  - {id: l, metric: liquidations, unit: USD, side: long, observations: [{source: coinglass, value: 5M}]}
"""


@pytest.mark.parametrize("text", [
    "A CoinGlass study found longs lost $5 million.",
    "CoinGlass research then found that longs lost $5 million.",
    "A CoinGlass survey of desks shows longs lost $5 million over the day.",
])
def test_a_providers_study_credits_it(text):
    assert "P002" not in codes(event(_ONE), text)


@pytest.mark.parametrize("text", [
    "A study found longs lost $5 million.",
    "Research then found that longs lost $5 million.",
    "A CoinAnk study found longs lost $5 million.",  # another provider's study: the wrong source
])
def test_a_study_of_no_one_or_of_another_is_no_credit(text):
    assert codes(event(_ONE), text) & {"P002", "P008"}


# --- "according to the data ..." credits a figure whose only source is unnamed data, never a named source's

_DESCRIBED = """facts:
  - {{id: l, metric: liquidations, unit: USD, side: long, observations: [{{source: {source}, value: 5M}}]}}
"""


@pytest.mark.parametrize("text", [
    "According to the data reviewed, longs lost $5 million.",
    "According to available figures, longs lost $5 million.",
    "According to the numbers, longs lost $5 million in a day.",
])
def test_unnamed_data_after_according_to_credits_a_described_source(text):
    assert "P002" not in codes(event(_DESCRIBED.format(source="market-data")), text)
    assert "P002" in codes(event(_DESCRIBED.format(source="coinglass")), text)


@pytest.mark.parametrize("text", [
    "Longs lost $5 million.",
    "According to analysts, longs lost $5 million.",
])
def test_no_data_credit_leaves_a_described_source_unnamed(text):
    assert "P002" in codes(event(_DESCRIBED.format(source="market-data")), text)


# --- a finely printed bound reaching the named side's fact only through its open end is the other side's figure

_SIDES = """facts:
  - {id: s, metric: liquidations, unit: USD, side: short, window: 24h, observations: [{source: coinglass, value: 37M}]}
  - {id: l, metric: liquidations, unit: USD, side: long, window: 24h, observations: [{source: coinglass, value: 63M}]}
  - {id: s2, metric: liquidations, unit: USD, side: short, window: 1h, observations: [{source: coinglass, value: 209M}]}
  - {id: l2, metric: liquidations, unit: USD, side: long, window: 1h, observations: [{source: coinglass, value: 324M}]}
"""


@pytest.mark.parametrize("text", [
    "According to CoinGlass, more than 209 million dollars of long bets were wiped out within the hour.",
    "According to CoinGlass, more than $209 million of longs were liquidated in an hour.",
    "According to CoinGlass, longs lost over $37 million in a day.",
])
def test_a_fine_bound_on_the_named_side_is_the_other_sides_figure(text):
    assert "P012" in codes(event(_SIDES), text)


@pytest.mark.parametrize("text", [
    "According to CoinGlass, more than $200 million of longs were liquidated in an hour.",  # a round floor
    "According to CoinGlass, longs lost over $60 million in a day.",
    "According to CoinGlass, more than $324 million of longs and more than $209 million of shorts went in an hour.",
    "According to CoinGlass, shorts lost over $37 million in a day.",
])
def test_a_round_floor_or_a_bound_on_its_own_sides_figure_is_no_swap(text):
    assert "P012" not in codes(event(_SIDES), text)


# --- a worked example about a made-up trader is no claim in fact mode either (bench/ANNOTATION.md 10; F001's reading)

_EXAMPLE = """facts:
  - {id: l, metric: liquidations, unit: USD, side: long, observations: [{source: coinglass, value: 5M}]}
context:
  - {id: ex, kind: other, text: "a trader opens a $10,000 position at 10x; a 10% drop wipes out the $1,000 margin", sources: [the-block]}
"""


@pytest.mark.parametrize("text", [
    "For example, if a trader opens a $10,000 position at 10x, a 10% drop wipes out the $1,000 margin.",
    "Hypothetically, if someone opens a $10,000 position at 10x, a 10% drop wipes out the margin.",
    "Imagine a trader opens a $10,000 position at 10x, and a 10% drop wipes out the $1,000 margin.",
    "If you open a $20,000 position at 10x, a 10% drop costs you $2,000.",  # no fact holds it: no P001 either
])
def test_a_worked_example_asks_for_no_source_or_fact(text):
    assert not codes(event(_EXAMPLE), text) & {"P001", "P002", "P011"}


@pytest.mark.parametrize("text", [
    "For example, longs lost $5 million on one venue.",  # a real instance
    "If you had opened a $10,000 position on Monday, a 10% drop would have cost $1,000.",  # tied to the event's days
    "Suppose a trader opens a position at 10x; longs lost $5 million on one venue.",  # another clause
])
def test_a_real_instance_or_an_anchored_example_still_asks(text):
    assert codes(event(_EXAMPLE), text) & {"P001", "P002"}
