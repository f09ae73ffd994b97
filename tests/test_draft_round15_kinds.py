"""The fact model's round-fifteen kinds beyond time spans (tests/test_draft_round15_spans.py), each held through the
whole path with events and sentences of our own: the schema and its messages (file, line, field), the draft's wording
(drafted with the provenance check's round trip, so each draft here also passed the check) and the check's link from
the drafted figure back to its own fact.
"""

from __future__ import annotations

import pytest

from link_support import ScratchEvent
from writer.factbase.vocabulary import Hedge, HedgeKind

HEAD = "id: kinds\nas_of: 2026-12-01T12:00:00+00:00\n"
TOTAL = "  - {id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 310M}]}\n"


_SCRATCH = ScratchEvent(HEAD, "kinds.yaml")
load, draft, links, refused, line_of = (_SCRATCH.load, _SCRATCH.draft, _SCRATCH.links, _SCRATCH.refused,
                                       _SCRATCH.line_of)


# --- an extreme as the source words it ("as low as", "as high as") ----------------------------------------------------

EXTREMES = ("facts:\n" + TOTAL
            + "  - {id: low, metric: price_level, unit: USD, asset: BTC, observations: [{source: coinmarketcap, value: 30000, hedge: as_low_as}]}\n"
            + "  - {id: sht, metric: liquidations, unit: USD, window: 1h, side: short, observations: [{source: coinglass, value: 5M, hedge: as_low_as}]}\n"
            + "  - {id: fr, metric: funding_rate, unit: percent, observations: [{source: coinglass, value: 0.1, hedge: as_high_as}]}\n")


def test_the_high_is_a_ceiling_and_the_low_the_sources_round_figure():
    """Read as a floor, "as low as $40,000" would fit any higher price the fact file holds (a scenario's low linked to
    the day's actual low); it is read as "about" is."""
    assert Hedge.AS_LOW_AS.kind is HedgeKind.APPROX and Hedge.AS_HIGH_AS.kind is HedgeKind.CEILING
    assert Hedge.AS_LOW_AS.words == "as low as"


def test_an_extreme_is_printed_as_the_source_gave_it_and_linked_to_its_fact():
    md = draft(EXTREMES)
    assert "came to as low as $5 million" in md, md
    assert "at a low of $30,000" in md and "at as low as" not in md, md  # never "at as low as"
    assert "stood at no more than 0.1%" in md and "at as high as" not in md, md
    found = links(EXTREMES)
    assert found["$30,000"] == {"low"} and found["$5 million"] == {"sht"} and found["0.1%"] == {"fr"}


def test_an_extreme_outside_the_vocabulary_is_refused_at_its_field():
    body = "facts:\n" + TOTAL.replace("value: 310M", "value: 310M, hedge: as_low")
    found = refused(body)
    assert found[0].field.startswith("facts[0].observations[0].hedge") and "did you mean 'as_low_as'" in found[0].message, found[0]
    assert found[0].line == line_of(body, "as_low")


# --- leverage ---------------------------------------------------------------------------------------------------------

LEVERAGE = ("facts:\n" + TOTAL
            + "  - {id: lev, metric: leverage, unit: ratio, subject: a whale's ETH long, observations: [{source: lookonchain, value: 40}]}\n")


def test_one_positions_leverage_prints_as_desks_write_it_and_links_to_its_fact():
    md = draft(LEVERAGE)
    assert "40x leverage" in md and "40 to 1" not in md, md
    assert links(LEVERAGE)["40x"] == {"lev"}


@pytest.mark.parametrize("subject", ["James Wynn", "a trader on Hyperliquid", "wallet 0x7a2f"])
def test_leverage_links_whoever_holds_the_position(subject):
    body = "facts:\n" + TOTAL + "  - {id: lev, metric: leverage, unit: ratio, subject: %s, observations: [{source: lookonchain, value: 25}]}\n" % subject
    assert "25x leverage" in draft(body)
    assert links(body)["25x"] == {"lev"}


def test_a_venues_leverage_terms_print_with_their_bound_and_are_no_figure_to_the_check():
    """What a venue offers ("up to 100x") is its terms, which bench/ANNOTATION.md reads as no figure: the draft prints
    it with the source's bound and credit, and the check neither reads it nor flags it."""
    body = "facts:\n" + TOTAL + "  - {id: ven, metric: leverage, unit: ratio, venue: binance, observations: [{source: coinglass, value: 100, hedge: up_to}]}\n"
    md = draft(body)
    assert "up to 100x leverage" in md, md
    assert "100x" not in links(body)


def test_leverage_in_another_unit_is_refused_with_its_unit():
    body = "facts:\n" + TOTAL + "  - {id: lev, metric: leverage, unit: percent, observations: [{source: lookonchain, value: 40}]}\n"
    found = refused(body)
    assert found[0].field == "facts[1].unit" and "ratio" in found[0].message, found[0]
    assert found[0].line == line_of(body, "metric: leverage")


# --- one figure credited by an unnamed source in one place and a named one in another ---------------------------------

def _credited(extra: str) -> str:
    return "facts:\n  - {id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 310M%s}]}\n" % extra


def test_an_unnamed_credit_of_a_named_figure_is_one_source_not_two():
    event = load(_credited(", unnamed_credit: market-data"))
    fact = event.facts["tot"]
    assert fact.sources == ("coinglass",) and fact.status.value == "single_source"  # never multi_source
    assert fact.observations[0].unnamed_credit == "market-data"
    md = draft(_credited(", unnamed_credit: market-data"))
    assert "CoinGlass" in md and "market data" not in md  # the draft credits the named source
    assert links(_credited(", unnamed_credit: market-data"))["$310 million"] == {"tot"}


def test_the_export_keeps_the_unnamed_credit():
    from writer.factbase.export import fact_record

    event = load(_credited(", unnamed_credit: market-data"))
    assert fact_record(event, event.facts["tot"])["observations"][0]["unnamed_credit"] == "market data"


@pytest.mark.parametrize("extra, words", [
    (", unnamed_credit: coinank", "'coinank' is named"),  # a named source is an observation of its own
    (", unnamed_credit: market-dta", "unknown unnamed credit 'market-dta'"),
])
def test_a_wrong_unnamed_credit_is_refused_at_its_line_and_field(extra, words):
    body = _credited(extra)
    found = refused(body)
    assert found[0].field == "facts[0].observations[0].unnamed_credit" and words in found[0].message, found[0]
    assert found[0].line == line_of(body, "unnamed_credit")


def test_an_unnamed_credit_on_an_unnamed_source_is_refused():
    body = "facts:\n  - {id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{source: public-data, value: 310M, unnamed_credit: market-data}]}\n"
    found = refused(body)
    assert found[0].field == "facts[0].observations[0].unnamed_credit" and "give the named source" in found[0].message, found[0]


def test_a_range_of_leverage_names_its_unit_once():
    body = "facts:\n" + TOTAL + "  - {id: lev, metric: leverage, unit: ratio, subject: a whale's ETH long, observations: [{source: lookonchain, range: [5, 10]}]}\n"
    md = draft(body)
    assert "between 5x and 10x leverage" in md, md


# --- the share of traders by side, and open interest against market capitalisation -------------------------------------

SHARES = ("facts:\n" + TOTAL
          + "  - {id: ts, metric: trader_share, unit: percent, side: short, venue: binance, observations: [{source: coinglass, value: 55}]}\n"
          + "  - {id: tl, metric: trader_share, unit: percent, side: long, venue: binance, observations: [{source: coinglass, value: 45}]}\n"
          + "  - {id: oim, metric: open_interest_to_market_cap, unit: percent, asset: BTC, observations: [{source: coinglass, value: 3.1}]}\n"
          + "  - {id: ois, metric: open_interest_share, unit: percent, venue: binance, observations: [{source: coinglass, value: 38}]}\n")


def test_traders_by_side_and_open_interest_against_market_cap_draft_and_link_to_their_facts():
    md = draft(SHARES)
    assert "share of short traders on Binance stood at 55%" in md, md
    assert "open interest to market capitalisation stood at 3.1%" in md, md
    found = links(SHARES)
    assert found["55%"] == {"ts"} and found["45%"] == {"tl"} and found["3.1%"] == {"oim"} and found["38%"] == {"ois"}


def test_a_share_of_traders_above_the_whole_is_refused_at_its_line():
    body = "facts:\n" + TOTAL + "  - {id: ts, metric: trader_share, unit: percent, side: short, observations: [{source: coinglass, value: 155}]}\n"
    found = refused(body)
    assert found[0].field.startswith("facts[1]") and "100" in found[0].message, found[0]
    assert found[0].line == line_of(body, "trader_share")
