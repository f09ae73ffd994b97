"""Fact mode, from the tenth round's audit of desk-written fact files (patterns only: every sentence and fact here is
ours). Each reading has its must-pass case and the near case that must still be flagged.

G. A figure whose right home is a context item (its words echoed, its figure to the digit), a support level, a
   zone's own price level, or no fact at all, is not a wrong value of another fact of the same unit
   (writer/check/link_fit.py).
F. An exchange right before the verb whose object is the figure ("Binance shows $X") is where the figure happened,
   not its publisher (writer/check/venue_subjects.py).
B. A wire dateline ("HONG KONG (Outlet) –") names who filed the story, not a credit (writer/check/datelines.py).
E. A name whose news set the move off ("the X notice ... sent ether down 7%") is the cause, not a source
   (writer/check/cause_names.py).
"""

from __future__ import annotations

import pytest

from link_support import checker, codes, event, links_of
from writer.check.datelines import byline_end
from writer.check.figures import find_figures
from writer.check.link_fit import LOOSE_FIT_PENALTY, echo_bonus, exact_fit, names_other_metric, prefer_exact
from writer.check.linking import Support
from writer.factbase.vocabulary import Status

_LEDE = "Markets were choppy on Thursday.\n\n"


def _codes(facts: str, text: str) -> set[str]:
    return codes(event(facts), _LEDE + text) - {"P013"}


def _links(facts: str, text: str) -> dict[str, tuple]:
    return {fig: (sid, kind) for fig, sid, kind in links_of(event(facts), _LEDE + text)}


# --- G1. a context item's words echoed, its figure to the digit -----------------------------------------------------

_MACRO = """facts:
  - id: dow_move
    metric: price_change
    unit: percent
    subject: the Dow index
    change: fall
    observations: [{source: coinmarketcap, value: 0.9}]
context:
  - id: output
    kind: macro
    text: factory output grew 2.7% month on month in September
    sources: [nikkei]
"""


@pytest.mark.parametrize("text", [
    "The Dow index lost 0.9%. Factory output climbed 2.7% month on month in September, Nikkei figures show.",
    "Output at factories rose 2.7% in September from a month earlier, per Nikkei.",
])
def test_a_sentence_echoing_a_context_item_is_that_items_figure(text):
    assert "P006" not in _codes(_MACRO, text)
    assert _links(_MACRO, text)["2.7%"] == ("context:output", "supported")


@pytest.mark.parametrize("text", [
    "The Dow index lost 2.7% on the day, per CoinMarketCap.",  # the item's number, none of its words: a wrong value
    "The Dow index fell 2.7% in September, per CoinMarketCap.",  # one of its words is not the item's statement
])
def test_the_items_number_without_its_words_is_still_a_contradiction(text):
    assert "P006" in _codes(_MACRO, text)


# --- G2. a support level ---------------------------------------------------------------------------------------------

_LEVELS = """facts:
  - id: sol_price
    metric: price_level
    unit: USD
    asset: SOL
    direction: above
    observations: [{source: coingecko, value: 182}]
  - id: sol_push
    metric: price_level
    unit: USD
    asset: SOL
    observations: [{source: coingecko, value: 190}]
  - id: sol_floor
    metric: support_level
    unit: USD
    asset: SOL
    direction: above
    observations: [{source: coingecko, value: 164}]
"""


@pytest.mark.parametrize("text", [
    "SOL changes hands above $182. The price move builds on a base above the $164 level, with a push past $190.",
    "SOL changes hands above $182. The price rally began above a floor at the $164 level, per CoinGecko.",
])
def test_a_figure_named_as_a_base_or_floor_is_the_support_level(text):
    assert "P006" not in _codes(_LEVELS, text)
    assert _links(_LEVELS, text)["$164"] == ("sol_floor", "supported")


def test_a_wrong_value_of_the_price_or_the_floor_is_still_flagged():
    assert _links(_LEVELS, "SOL changes hands above $158 today, per CoinGecko.")["$158"] == ("sol_price", "contradicts")
    # a floor's words and a value no fact holds: flagged (the words fit the floor and the price alike)
    text = "SOL changes hands above $182. The advance rests on a base built above the $158 mark, per CoinGecko."
    assert _codes(_LEVELS, text) & {"P001", "P006"}
    assert _links(_LEVELS, text)["$158"][1] != "supported"


# --- G3. a zone's own price level before a neighbour only "around" reaches --------------------------------------------

_ZONE = """facts:
  - id: xrp_push
    metric: price_level
    unit: USD
    asset: XRP
    observations: [{source: coingecko, value: 2.45}]
  - id: xrp_short_zone
    metric: pressure_zone
    unit: USD
    asset: XRP
    side: short
    price_level: 2.41
    status: estimate
    observations: [{source: coingecko, value: 36M}]
"""


def test_a_hedged_figure_is_the_support_it_fits_to_the_digit():
    text = "XRP pushed through $2.45. Short liquidation leverage totals $36 million, with dense clusters around $2.41."
    assert _links(_ZONE, text)["$2.41"] == ("xrp_short_zone", "supported")


def test_a_hedged_figure_no_support_fits_to_the_digit_keeps_its_loose_fit():
    text = "XRP pushed through roughly $2.44 on Thursday."
    assert _links(_ZONE, text)["$2.44"] == ("xrp_push", "supported")


def _hedged(text: str):
    fig = next(iter(find_figures(text, checker().phrases.qualifiers)))
    assert fig.qualifier == "approx"
    return fig


def test_prefer_exact_penalises_only_the_loose_fit_and_only_beside_an_exact_one():
    a = Support("a", "USD", 2.45, 2.45, Status.SINGLE_SOURCE, ("coingecko",))
    b = Support("b", "USD", 2.41, 2.41, Status.SINGLE_SOURCE, ("coingecko",))
    matched = [(1.0, a, "match", 1.0, 0), (0.5, b, "match", 0.5, 0)]
    assert prefer_exact(_hedged("around $2.43"), matched) == matched  # neither fits the digits: nothing changes
    fig = _hedged("around $2.41")
    assert exact_fit(fig, b) and not exact_fit(fig, a)
    assert [m[0] for m in prefer_exact(fig, matched)] == [1.0 - LOOSE_FIT_PENALTY, 0.5]


# --- G4. words naming another metric: no fact at all ---------------------------------------------------------------

_VENUE = """facts:
  - id: bybit_funding
    metric: funding_rate
    unit: percent
    venue: bybit
    observations: [{source: coinglass, value: 0.03}]
  - id: bybit_share
    metric: liquidation_share
    unit: percent
    venue: bybit
    share_of: all liquidations
    observations: [{source: coinglass, value: 27.4}]
"""


def test_a_change_in_volume_on_a_venue_contradicts_no_share_or_funding_fact_there():
    text = "Bybit's 24-hour volume slipped 4.1%, though its weekly volume gained 12.6%, CoinGlass data show."
    found = _codes(_VENUE, text)
    assert "P006" not in found and "P001" in found
    assert _links(_VENUE, text)["4.1%"] == (None, "unsupported")


@pytest.mark.parametrize("text", [
    "Bybit took 22% of all liquidations, CoinGlass data show.",  # the share's own words, a wrong value
    "Funding on Bybit stood at 0.08%, CoinGlass data show.",  # the funding rate's noun, a wrong value
    "Bybit's share of the day's volume and liquidations was 22%, CoinGlass data show.",  # volume named, and the share too
])
def test_a_wrong_value_in_its_own_metrics_words_is_still_a_contradiction(text):
    assert "P006" in _codes(_VENUE, text)


def test_names_other_metric_reads_changes_as_their_metric():
    class F:
        metric = "open_interest_change"
    assert not names_other_metric(F, frozenset({"open_interest"}))
    assert names_other_metric(F, frozenset({"volume"}))
    assert not names_other_metric(F, frozenset({"price_change"}))  # no metric of its own noun named: the words decide


# --- F. an exchange before the figure's verb is its venue ---------------------------------------------------------

_EXCHANGES = """facts:
  - id: binance_liq
    metric: liquidations
    unit: USD
    window: 24h
    venue: binance
    observations: [{source: coinglass, value: 5.2M}]
  - id: okx_liq
    metric: liquidations
    unit: USD
    window: 24h
    venue: okx
    observations: [{source: coinglass, value: 3.6M}]
"""


@pytest.mark.parametrize("text", [
    "Per CoinGlass, Binance shows $5.2 million of liquidations in 24 hours, ahead of OKX at $3.6 million.",
    "CoinGlass data put the day's tally this way: Binance showed about $5.2 million in 24 hours and OKX $3.6 million.",
])
def test_an_exchange_before_shows_is_the_venue_of_the_aggregators_figure(text):
    found = _codes(_EXCHANGES, text)
    assert not found & {"P006", "P008"}, found
    assert _links(_EXCHANGES, text)["$5.2 million"] == ("binance_liq", "supported")


@pytest.mark.parametrize("text, figure, fact", [
    ("Per CoinGlass, Binance shows $6.9 million of liquidations in 24 hours, ahead of OKX at $3.6 million.", "$6.9 million",
     "binance_liq"),
    # of two venues the sentence names, the one in the figure's own words: OKX's, not Binance's
    ("Per CoinGlass, Binance shows $5.2 million of liquidations in 24 hours, ahead of OKX at $4.4 million.", "$4.4 million",
     "okx_liq"),
])
def test_a_wrong_value_at_a_venue_contradicts_that_venues_fact(text, figure, fact):
    assert _links(_EXCHANGES, text)[figure] == (fact, "contradicts")


# --- B. a wire dateline is a byline ------------------------------------------------------------------------------------

_SHORTS = """facts:
  - id: short_24h
    metric: liquidations
    unit: USD
    window: 24h
    side: short
    observations: [{source: coinank, value: 31M}]
"""


@pytest.mark.parametrize("text", [
    "HONG KONG (Decrypt) – Shorts lost $31 million in a day, CoinAnk data show.",
    "LONDON, Nov 20 (Decrypt) - Shorts lost $31 million in a day, CoinAnk data show.",
])
def test_a_datelines_outlet_is_no_credit(text):
    assert "P008" not in _codes(_SHORTS, text)


@pytest.mark.parametrize("text", [
    "Shorts lost $31 million in a day (Decrypt).",  # a name alone in parentheses closing the clause: a credit
    "Bitcoin (Decrypt) – shorts lost $31 million in a day.",  # no city in capitals: not a dateline
])
def test_a_parenthesised_credit_outside_a_dateline_is_still_read(text):
    assert "P008" in _codes(_SHORTS, text)


def test_byline_end_marks_only_an_opening_dateline():
    assert byline_end("NEW YORK (Decrypt) – Bitcoin fell.") == len("NEW YORK (Decrypt)")
    assert byline_end("Bitcoin fell (Decrypt) – again.") == 0
    assert byline_end("Bitcoin (BTC) – fell.") == 0


# --- E. the cause of a move named near its channel ------------------------------------------------------------------

_ETHER = """facts:
  - id: eth_drop
    metric: price_change
    unit: percent
    asset: ETH
    change: fall
    observations: [{source: decrypt, value: 7}]
"""


@pytest.mark.parametrize("text", [
    "Binance's announcement, made on its blog, sent ether down 7%, Decrypt reported.",
    "The CZ statement, posted on X, triggered a 7% slide in ether, according to Decrypt.",
])
def test_the_owner_of_news_that_set_a_move_off_is_no_source(text):
    assert "P008" not in _codes(_ETHER, text)


@pytest.mark.parametrize("text", [
    "A Binance statement said ether fell 7%, Decrypt reported.",  # the statement reports the figure: a source
    "Binance data showed ether down 7%, Decrypt reported.",
])
def test_a_named_statement_that_reports_the_figure_is_still_a_source(text):
    assert "P008" in _codes(_ETHER, text)


def test_echo_bonus_needs_the_items_figure_to_the_digit():
    fig = next(iter(find_figures("2.8%", {})))
    item = Support("context:output", "percent", 2.7, 2.7, Status.SINGLE_SOURCE, ("nikkei",),
                   words="factory output grew 2.7% month on month in September")
    assert echo_bonus(fig, item, "Factory output grew 2.8% month on month in September.") == 0
