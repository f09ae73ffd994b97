"""Fact mode on the ninth round's hand-written articles (writer/check/analysis.py ``attributive``, writer/check/linking.py):
shapes an editor writes that the check misread. A name stays the subject of its reporting or tallying verb past an
apposition holding a count, a possessive or a participle ("X, which covers 27 venues, put"; "Y, Bybit's chief
executive, estimated"; "Z, drawing on 18 venues, tallied"), past a restrictive relative clause ("one tracker that
asked not to be named counted") and past a floating word ("X alone reports", "X and Y both show"); a name before a
bare comma and the verb's subject is no list member ("sent ETH to OKX, Arkham said"); a verb of loss makes a figure a
liquidation figure rather than a transfer of the same size, and a transfer needs its own words; a value matched by
the source the sentence credits is not a contradiction of another fact the words describe (the metric named is judged,
P012). Each reading has sentences that must pass and sentences that must still be flagged. Every sentence is ours.
"""

from __future__ import annotations

import pytest

from link_support import codes, event, links_of

_DAY = """facts:
  - {id: day, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinank, value: 880M}]}
  - {id: pair, metric: liquidations, unit: USD, window: 4h, observations: [{source: coinglass, value: 207M}, {source: coinank, value: 207.4M}]}
  - {id: described, metric: liquidations, unit: USD, window: 12h, observations: [{source: unnamed-aggregator, value: 512M}]}
  - {id: guess, metric: liquidations, unit: USD, window: 1d, status: estimate, observations: [{source: ben-zhou, value: 5B}]}
"""


# --- a name past an apposition, a relative clause or a floating word is still the verb's subject -------------------

@pytest.mark.parametrize("text", [
    "CoinAnk, which follows 18 venues, put the day's liquidations at $880 million.",
    "CoinAnk, a single source, tallied $880 million of forced closures over 24 hours.",
    "CoinAnk, drawing on its own venue list, counted $880 million liquidated in 24 hours.",
    "CoinAnk, Shanghai's best-known liquidation tracker, said $880 million was liquidated over the day.",
    "CoinAnk alone reports $880 million of liquidations for the full day.",
    "Over 24 hours, CoinAnk itself counted $880 million of forced selling.",
])
def test_a_name_past_an_apposition_or_a_floating_word_is_credited(text):
    assert "P002" not in codes(event(_DAY), text)


def test_two_names_and_a_floating_both_credit_a_figure_of_both():
    assert "P011" not in codes(event(_DAY), "Four-hour liquidations came to $207 million, CoinGlass and CoinAnk both show.")


def test_an_estimate_credited_past_a_possessive_apposition_is_whose_estimate_it_is():
    text = "Ben Zhou, Bybit's chief executive, estimated the day's true liquidations at $5 billion."
    assert "P004" not in codes(event(_DAY), text)


@pytest.mark.parametrize("text", [
    # the name is not the verb's subject: it does something else
    "CoinAnk, which follows 18 venues, went quiet while $880 million was liquidated over the day.",
    "CoinAnk, drawing on its own venue list, lagged as $880 million was liquidated in 24 hours.",
    "CoinAnk alone went dark as $880 million was liquidated over the day.",
    # an apposition holding an amount is a clause of its own
    "CoinAnk, which lost $2 million of its own, said traders lost $880 million over the day.",
])
def test_a_name_that_is_no_reporting_subject_credits_nothing(text):
    found = codes(event(_DAY), text)
    assert "P002" in found or "P001" in found


@pytest.mark.parametrize("text", [
    "Over 12 hours, one tracker that asked not to be named counted $512 million of liquidations.",
    "One aggregator that declined to be identified put the 12-hour tally at $512 million.",
])
def test_a_restrictive_relative_clause_keeps_a_description_credited(text):
    assert "P002" not in codes(event(_DAY), text)


@pytest.mark.parametrize("text", [
    # an object relative: the tracker is what someone else speaks of
    "Over 12 hours, one tracker that CoinGlass competes with went dark as $512 million was liquidated.",
    # a description never credits a named source's figure
    "One aggregator that declined to be identified put the day's liquidations at $880 million.",
    # the clause's verb is no report
    "One tracker that went offline missed $512 million of liquidations over 12 hours.",
])
def test_a_relative_clause_credits_no_named_figure_and_no_object(text):
    assert "P002" in codes(event(_DAY), text)


# --- a bare comma before the verb's subject ends a list --------------------------------------------------------------

_MOVE = """facts:
  - {id: sent, metric: onchain_transfer, unit: coins, asset: ETH, subject: a fund wallet sending ETH to OKX, observations: [{source: arkham, value: 5000}]}
  - {id: four, metric: liquidations, unit: USD, window: 4h, observations: [{source: coinglass, value: 207M}, {source: coinank, value: 207.4M}]}
"""


@pytest.mark.parametrize("text", [
    "A fund wallet sent 5,000 ETH to OKX, Arkham said.",
    "Shortly before the drop, 5,000 ETH went from a fund wallet to OKX, Arkham reported.",
])
def test_a_destination_before_a_bare_comma_is_no_source(text):
    assert "P008" not in codes(event(_MOVE), text)


@pytest.mark.parametrize("text", [
    "Four-hour liquidations came to $207 million, OKX, CoinAnk and CoinGlass said.",
    "Four-hour liquidations came to $207 million, OKX and CoinAnk said.",
])
def test_a_list_ending_in_and_still_names_every_member(text):
    assert "P008" in codes(event(_MOVE), text)


# --- a verb of loss is a liquidation figure's; a transfer needs its own words ----------------------------------------

_ETHER = """facts:
  - {id: eth_day, metric: liquidations, unit: USD, window: 24h, asset: ETH, observations: [{source: coinglass, value: 41.2M}, {source: coinank, value: 40.8M}]}
  - {id: eth_moved, metric: onchain_transfer, unit: USD, asset: ETH, subject: a fund wallet sending ETH to OKX, observations: [{source: arkham, value: 41.1M}]}
"""


@pytest.mark.parametrize("text, fact", [
    ("Ether longs and shorts together lost roughly $41 million over the day, CoinGlass and CoinAnk show.", "eth_day"),
    # no source named: the words alone decide (the transfer has no window, which words naming none favoured)
    ("Ether positions lost about $41 million, the two dashboards agree.", "eth_day"),
    ("About $41 million of ether bets were wiped out.", "eth_day"),
    ("Ether traders were flushed out of roughly $41 million.", "eth_day"),
    # no verb at all: the transfer still needs its own words
    ("Bitcoin made up most of the day and ether about $41 million, CoinGlass and CoinAnk show.", "eth_day"),
    ("Bitcoin made up most of the day and ether about $41 million.", "eth_day"),
    ("A fund wallet moved about $41 million of ether to OKX, Arkham said.", "eth_moved"),
    ("Some $41 million in ether was sent to OKX, Arkham said.", "eth_moved"),
])
def test_a_loss_verb_picks_the_liquidation_figure_and_transfer_words_the_transfer(text, fact):
    assert [s for fig, s, _ in links_of(event(_ETHER), text) if fig.endswith("million")] == [fact]


@pytest.mark.parametrize("text", [
    # the words say liquidations: the source named did not report them
    "Ether positions lost about $41 million, according to Arkham.",
    # the words say a transfer: CoinGlass did not report it
    "A fund wallet moved about $41 million of ether to an exchange, CoinGlass said.",
])
def test_the_words_decide_before_a_wrong_source_name(text):
    assert "P008" in codes(event(_ETHER), text)


# --- the credited source's own figure is no contradiction of another the words describe ------------------------------

_WHALE = """facts:
  - {id: big_one, metric: largest_single_liquidation, unit: USD, window: 24h, side: long, asset: ETH, venue: hyperliquid, status: official, observations: [{source: hyperliquid, value: 3.1M}]}
  - {id: whale, metric: trader_loss, unit: USD, subject: a trader on 25x leverage, observations: [{source: lookonchain, value: 4.2M}]}
"""


@pytest.mark.parametrize("text", [
    "On Hyperliquid, one ether bull running 25x leverage lost $4.2 million, Lookonchain said.",
    "One long ether position on 25x leverage cost its owner $4.2 million, according to Lookonchain.",
])
def test_a_value_the_credited_source_gave_is_not_a_contradiction(text):
    found = codes(event(_WHALE), text)
    assert "P006" not in found and "P012" not in found


@pytest.mark.parametrize("text, code", [
    # the words name the largest single liquidation: the credited source's figure is of another kind
    ("The largest single liquidation on Hyperliquid, an ether long, was $4.2 million, Lookonchain said.", "P012"),
    # the described fact's own source is credited: a wrong value of it
    ("The largest single liquidation on Hyperliquid, an ether long, was $4.2 million, the exchange said.", "P006"),
    ("The largest single liquidation on Hyperliquid, an ether long, was $4.2 million, according to Hyperliquid.", "P006"),
])
def test_a_credited_value_still_answers_for_the_words(text, code):
    assert code in codes(event(_WHALE), text)


# --- a plural description of the group's kind credits an unnamed group's figure --------------------------------------

_GROUP = """facts:
  - {id: said, metric: liquidations, unit: USD, window: 24h, observations: [{source: mainstream-sources, value: 2.4B}]}
  - {id: named, metric: liquidations, unit: USD, window: 4h, observations: [{source: coinank, value: 610M}]}
"""


@pytest.mark.parametrize("text", [
    "Mainstream reports put the day's liquidations at roughly $2.4 billion.",
    "According to several news outlets, some $2.4 billion was liquidated over the day.",
    "Major outlets said about $2.4 billion of positions were closed out in 24 hours.",
])
def test_a_plural_description_of_the_groups_kind_credits_its_figure(text):
    assert "P011" not in codes(event(_GROUP), text)


@pytest.mark.parametrize("text, code", [
    # a bare plural is hearsay, one outlet is one source, another kind of group is not this one
    ("Reports put the day's liquidations at roughly $2.4 billion.", "P011"),
    ("One outlet put the day's liquidations at roughly $2.4 billion.", "P011"),
    ("Several analytics firms put the day's liquidations at roughly $2.4 billion.", "P011"),
    # a group never credits a named source's figure
    ("Mainstream reports put four-hour liquidations at $610 million.", "P002"),
])
def test_a_plural_description_credits_no_other_kind_no_single_outlet_and_no_named_figure(text, code):
    assert code in codes(event(_GROUP), text)


# --- a role noun of a data provider's trade, and "the two providers", stand for the sources named before -------------

_TRACKED = """facts:
  - {id: four, metric: liquidations, unit: USD, window: 4h, observations: [{source: coinglass, value: 644M}]}
  - {id: people, metric: liquidated_accounts, unit: count, window: 24h, observations: [{source: coinglass, value: 187400}]}
  - {id: both, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 302M}, {source: coinank, value: 301.6M}]}
"""


@pytest.mark.parametrize("text", [
    "Four-hour liquidations hit $644 million, CoinGlass data show.\n\nThe tracker counted 187,400 traders liquidated over the day.",
    "CoinGlass logged a rough session.\n\nOver the day, 187,400 accounts were liquidated, according to the aggregator.",
    "CoinGlass and CoinAnk both tracked the day.\n\nLiquidations came to $302 million over 24 hours, the two providers' figures show.",
    "CoinGlass and CoinAnk both tracked the day. Some $302 million was liquidated in 24 hours, on both dashboards.",
])
def test_a_trade_role_or_a_pair_stands_for_the_sources_named_before(text):
    found = codes(event(_TRACKED), text)
    assert "P002" not in found and "P011" not in found


@pytest.mark.parametrize("text, code", [
    # nothing named before
    ("The tracker counted 187,400 traders liquidated over the day.", "P002"),
    ("Liquidations came to $302 million over 24 hours, the two providers' figures show.", "P011"),
    # the paragraph before names another kind of source: an exchange is no tracker
    ("Binance halted withdrawals briefly.\n\nThe tracker counted 187,400 traders liquidated over the day.", "P002"),
    # two named before: "the tracker" is neither
    ("CoinGlass and CoinAnk disagreed.\n\nThe tracker counted 187,400 traders liquidated over the day.", "P002"),
    # one named before: "the two providers" is not one
    ("Binance and CoinGlass both reported.\n\nLiquidations came to $302 million over 24 hours, the two providers' figures show.", "P011"),
])
def test_a_role_or_pair_with_no_one_fitting_before_credits_nothing(text, code):
    assert code in codes(event(_TRACKED), text)


# --- smaller shapes: a window before the event noun, a weak verb with its own record past an apposition, a map --------

def test_a_figure_heading_a_windowed_event_noun_is_the_total():
    ev = event("""facts:
  - {id: total, metric: liquidations, unit: USD, window: 4h, observations: [{source: coinglass, value: 644M}]}
  - {id: longs, metric: liquidations, unit: USD, window: 4h, side: long, observations: [{source: coinglass, value: 610M}]}
""")
    assert links_of(ev, "Longs bear the brunt of a $644 million four-hour liquidation, CoinGlass says.")[0][1:] == ("total", "supported")
    assert "P006" in codes(ev, "Longs lost $644 million in four hours, CoinGlass says.")


def test_a_weak_verb_with_its_own_record_past_a_long_apposition_credits_the_venue():
    ev = event("""facts:
  - {id: floor, metric: liquidations, unit: USD, window: 24h, venue: okx, status: official, observations: [{source: okx, value: 90M, hedge: at_least}]}
""")
    text = "OKX, whose public feed reports no more than one order per contract per second, logged at least $90 million on its own stream."
    assert "P011" not in codes(ev, text)
    assert "P011" in codes(ev, "OKX, whose public feed reports no more than one order per contract per second, went quiet as at least $90 million was liquidated.")


def test_a_map_is_what_an_estimate_rests_on():
    ev = event("""facts:
  - {id: zone, metric: pressure_zone, unit: USD, side: short, asset: BTC, direction: above, price_level: 99000, status: estimate, observations: [{source: coinglass, value: 315M}]}
""")
    assert "P004" not in codes(ev, "A move to $99,000 would put an estimated $315 million of shorts at risk, a liquidation map indicates.")
    assert "P004" in codes(ev, "A move to $99,000 would put an estimated $315 million of shorts at risk, traders think.")


# --- a sampled feed's floor printed as an exact value is a collapsed range (P005) ------------------------------------

_FLOOR = """facts:
  - {id: feed, metric: liquidations, unit: USD, window: 24h, venue: okx, status: official, lower_bound: true, observations: [{source: okx, value: 95.3M}]}
  - {id: said_over, metric: liquidations, unit: USD, window: 4h, observations: [{source: coinglass, value: 300M, hedge: over}]}
"""


@pytest.mark.parametrize("text", [
    "OKX's own stream shows at least $95.3 million liquidated over the day.",
    "More than $95 million was liquidated on OKX over the day, the exchange's own stream shows.",
    # a source's own "over" dropped in passing is its wording, not a sampled floor
    "Four-hour liquidations came to $300 million, CoinGlass said.",
])
def test_a_floor_printed_as_a_floor_passes(text):
    assert "P005" not in codes(event(_FLOOR), text)


@pytest.mark.parametrize("text", [
    "OKX's own stream shows $95.3 million liquidated over the day.",
    "OKX liquidated about $95 million over the day, the exchange said.",
])
def test_a_sampled_floor_printed_as_a_value_is_collapsed(text):
    assert "P005" in codes(event(_FLOOR), text)


# --- where a move started ("fell to 27 from 41") is no wrong value of the level it reached -----------------------------

_INDEX = """facts:
  - {id: mood, metric: sentiment_index, unit: index, label: the Crypto Fear & Greed Index, observations: [{source: alternative-me, value: 23, note: 'down from 38 the day before'}]}
"""


def test_a_moves_start_printed_in_the_facts_note_is_supported():
    assert codes(event(_INDEX), "The Crypto Fear & Greed Index slid to 23 from 38, per Alternative.me.") <= {"P013"}


@pytest.mark.parametrize("text, code", [
    # a start the facts do not hold: not in the file (P001), not a wrong value of the index
    ("The Crypto Fear & Greed Index slid to 23 from 44, per Alternative.me.", "P001"),
    # the level itself, wrong: still a contradiction
    ("The Crypto Fear & Greed Index slid to 38, per Alternative.me.", "P006"),
])
def test_a_moves_start_not_in_the_facts_is_unsupported_and_a_wrong_level_contradicts(text, code):
    found = codes(event(_INDEX), text)
    assert code in found and ("P006" not in found or code == "P006")


# --- a range printing both ends of a ranged fact is that fact, whatever side the words give ---------------------------

_SPLIT = """facts:
  - {id: total, metric: liquidations, unit: USD, window: 24h, status: disputed, observations: [{source: coinglass, value: 240M}, {source: coinank, value: 205M}]}
  - {id: longs, metric: liquidations, unit: USD, window: 24h, side: long, observations: [{source: coinglass, value: 160M}, {source: coinank, value: 158M}]}
"""


def test_a_range_with_both_ends_of_a_ranged_fact_is_no_contradiction_of_another():
    text = "A long-side washout of $205 million to $240 million, CoinGlass and CoinAnk disagree by that much."
    assert links_of(event(_SPLIT), text)[0][1:] == ("total", "supported")
    assert "P006" in codes(event(_SPLIT), "A long-side washout of $190 million, CoinGlass and CoinAnk show.")


# --- a name whose escaped markup is read as a space before the apposition's comma -------------------------------------

def test_an_apposition_after_an_escaped_name_keeps_its_credit():
    from pathlib import Path

    from draft_support import event_from_yaml
    from writer.factbase.loader import load_registry

    registry = load_registry(Path(__file__).parent / "fixtures" / "link_repros" / "sources.yaml")  # holds "A&B [Research]"
    ev = event_from_yaml("id: case\nas_of: 2026-12-01T12:00:00+00:00\nfacts:\n"
                         "  - {id: hour, metric: liquidations, unit: USD, window: 1h, observations: [{source: bracket-research, value: 412M}]}\n",
                         "case.yaml", registry)
    assert "P002" not in codes(ev, "A&B \\[Research\\], the only firm tracking it, said $412 million was liquidated in the hour.")
    assert "P002" in codes(ev, "A&B \\[Research\\], the only firm tracking it, went quiet as $412 million was liquidated in the hour.")
