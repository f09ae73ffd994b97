"""Round 11 (issue 10, item 1): events whose facts share a value draft, pass their own check, and have each figure
read as the fact it was drafted from. Each event is our own, cut down from a failing event of
bench/fuzz_draft_new_kinds.py's long runs (seeds 51-56, named in each test); each fails without its fix
(writer/check/linking.py and, for the largest single liquidations, the window the draft now prints).
The check's side of the same readings, on sentences a person would write: tests/test_check_link_equal_values.py.
"""

from __future__ import annotations

from test_draft_any_event import drafter, mislinked, registry
from test_draft_any_event import test_every_valid_event_drafts_and_passes_its_own_check as _property
from writer.factbase.loader import event_from_text


def _event(facts: str, eid: str = "equal"):
    return event_from_text(f"id: {eid}\nas_of: 2026-12-01T12:00:00+00:00\nfacts:\n{facts}", f"{eid}.yaml", registry())


def _drafts_and_links_each_figure_to_its_own_fact(event) -> str:
    _property.hypothesis.inner_test(event)  # drafts, passes its own check, prints no number the facts do not hold
    draft = drafter().draft(event)
    assert mislinked(event, draft) == []
    return draft.markdown


def test_two_largest_single_liquidations_alike_but_for_a_window_print_the_window():
    """Seed 51 gen-2: one venue's largest single liquidation over one hour (on a contract) and another with no window,
    both $10,000: the headline and lede printed neither window nor, in the headline, the contract."""
    md = _drafts_and_links_each_figure_to_its_own_fact(_event("""\
  - {id: hour, metric: largest_single_liquidation, unit: USD, window: 1h, venue: htx, contract: BTC-USDT,
     observations: [{source: desks, value: 10000, hedge: about}]}
  - {id: ever, metric: largest_single_liquidation, unit: USD, venue: htx, observations: [{source: desks, value: 10000, hedge: over}]}
"""))
    assert "$10,000 over the past hour" in md or "$10,000 in one hour" in md


def test_two_claims_alike_but_for_a_second_source_are_each_their_own():
    """Seed 56 gen-2: two pending claims of one XRP cluster, one from Binance alone, one from Binance and research
    institutions; the draft names the sources, the check took the first fact for both."""
    _drafts_and_links_each_figure_to_its_own_fact(_event("""\
  - {id: both, metric: position_concentration, unit: USD, asset: XRP, window: 1h, price_level: 3298, status: pending_verification,
     observations: [{source: binance, value: 36029019, hedge: nearly}, {source: research-institutions, value: 36029019, hedge: less_than}]}
  - {id: alone, metric: position_concentration, unit: USD, asset: XRP, window: 1h, price_level: 3298, status: pending_verification,
     observations: [{source: binance, value: 36029019, hedge: approximately}]}
"""))


def test_a_daily_average_on_several_venues_beside_a_single_liquidation_on_one_of_them():
    """Seed 52 gen-845: XRP liquidations on three venues at an average of $10,000 per day, and a rumoured BTC single
    liquidation of $10,000 on one of those venues; the venues were read as conflicting with a network-wide figure."""
    _drafts_and_links_each_figure_to_its_own_fact(_event("""\
  - {id: daily, metric: liquidations, unit: USD, asset: XRP, window: 7d, venues: [bitmeker, hyperliquid, htx], per: day,
     status: pending_verification, observations: [{source: coinglass, value: 10000, hedge: approximately}]}
  - {id: single, metric: largest_single_liquidation, unit: USD, asset: BTC, venue: hyperliquid, status: rumor,
     observations: [{source: coinglass, value: 10000, hedge: nearly}]}
"""))


def test_a_daily_average_beside_another_estimates_reported_average_of_the_same_value():
    """Seed 56 gen-222: data platforms' volume at $10,000 per day, and CoinGlass's BTC volume range per day whose reported
    average is $10,000; the report's average took the other figure, flagged P004 for CoinGlass."""
    _drafts_and_links_each_figure_to_its_own_fact(_event("""\
  - {id: btc, metric: volume, unit: USD, asset: BTC, window: 24h, per: day, status: estimate,
     observations: [{source: coinglass, range: [8999, 11001]}], average: {value: 10000}}
  - {id: platforms, metric: volume, unit: USD, window: 24h, per: day, status: estimate,
     observations: [{source: data-platforms, value: 10000}]}
"""))


def test_a_disputed_fall_beside_a_rumoured_fall_of_one_of_its_ends():
    """Seed 53 gen-86: a disputed weekly fall of 9.85% to 24.63% printed as a range, with a note saying something "is
    said to" happen, beside a rumoured fall of at least 24.63% of one asset: the range went to the rumour (P003)."""
    _drafts_and_links_each_figure_to_its_own_fact(_event("""\
  - {id: claim, metric: market_cap_change, unit: percent, asset: HYPE, window: 1w, status: rumor,
     observations: [{source: public-data, value: -24.63, hedge: at_least}]}
  - {id: fall, metric: market_cap_change, unit: percent, window: 1w, note: a fund is said to be behind the move,
     observations: [{source: unnamed-report, value: -24.63}, {source: lookonchain, value: -9.85}]}
"""))


def test_a_count_on_a_venue_that_is_also_its_source_held_for_another_exchange():
    """Seed 56 gen-63: a disputed count of accounts on FTX (FTX one of its two sources) whose subject is Binance
    Futures: "on FTX for Binance Futures" was read as naming Binance as the venue (P012)."""
    _drafts_and_links_each_figure_to_its_own_fact(_event("""\
  - {id: accounts, metric: liquidated_accounts, unit: count, asset: BTC, window: 1h, venue: ftx, subject: Binance Futures,
     observations: [{source: market-data, value: 3726}, {source: ftx, value: 5963}]}
"""))
