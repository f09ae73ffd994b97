"""Drafting rules found on the desk's twelfth round of new real stories (dev7), each held with events of our own.

Every event is drafted with the provenance check's round trip, so each test also proves the check accepts the wording.
"""

from __future__ import annotations

import re

from draft_support import ROOT, checked_drafter
from writer.draft.numbers import percent
from writer.factbase.loader import event_from_text, load_registry

REGISTRY = load_registry(ROOT / "factbase" / "sources.yaml")


def draft(body: str, *, eid: str = "desk12-test") -> str:
    head = f"id: {eid}\nas_of: 2026-11-24T12:00:00+00:00\n"
    return checked_drafter().draft(event_from_text(head + body, f"{eid}.yaml", REGISTRY)).markdown


def body_of(md: str) -> str:
    return md.split("\n---\n")[1]


TOTAL = """
facts:
  - id: total_24h
    metric: liquidations
    unit: USD
    window: 24h
    coverage: network-wide
    observations: [{source: coinglass, value: 310000000}]
"""


def test_verbatim_words_carry_their_reporter_before_the_quotation_so_their_figure_is_inside_the_credited_sentence():
    """A quote relayed by another source, whose first sentence holds a figure another fact of that source also holds:
    the reporter goes before the words ("said, according to X: “...”"), never after the closing mark, where it
    would follow the quote's own full stop and leave the figure in a sentence that names only the speaker."""
    md = draft(TOTAL + """
  - id: btc_jump
    metric: price_change
    unit: percent
    asset: BTC
    change: rise
    observations: [{source: the-block, value: 12}]
quotes:
  - id: q
    speaker: Ines Varga
    role: head of trading at a market maker
    words: "The book was thin enough that a jump of about 12% took minutes. Nobody had hedged for it."
    source: the-block
""")
    line = next(l for l in md.splitlines() if "Ines Varga" in l)
    assert re.search(r"Ines Varga, head of trading at a market maker, said, according to The Block: \u201cThe book", line), line
    assert not re.search(r"\u201d, according to", md)


def test_verbatim_words_cut_off_on_a_comma_close_on_a_full_stop():
    """Words the report cut from a longer sentence ("..., she said") end on a comma: printed, they close on a stop
    inside the quotation marks, never as '...,”.'"""
    md = draft(TOTAL + """
quotes:
  - id: q
    speaker: Ines Varga
    words: "Stops were stacked in the same place and the cascade did the rest,"
    source: the-block
""")
    line = next(l for l in md.splitlines() if "Ines Varga" in l)
    assert line.endswith("the cascade did the rest.\u201d"), line
    assert ",\u201d" not in md


def test_a_context_item_whose_words_credit_its_source_gets_no_second_credit():
    md = draft(TOTAL + """
context:
  - id: api_limits
    kind: exchange_status
    text: exchanges throttle their liquidation feeds to one report a second, according to K33 Research
    sources: [k33-research]
  - id: plain
    kind: market
    text: funding stayed positive through the drop
    sources: [coinglass]
""")
    line = next(l for l in md.splitlines() if "throttle" in l)
    assert "one report a second, according to K33 Research." in line, line
    assert line.count("K33 Research") == 1, line
    # an item whose words name no source keeps its bracketed credit
    assert re.search(r"funding stayed positive through the drop \((according to|as reported by) a single source, CoinGlass\)", md, re.I)


def test_a_percentage_that_only_rounding_would_make_whole_keeps_its_decimals():
    assert percent(99.9).text == "99.9%"
    assert percent(99.96).text == "99.96%"
    assert percent(-99.9).text == "-99.9%"
    assert percent(100).text == "100%"
    assert percent(99.4).text == "99%"  # rounding that stops short of 100 is unchanged
    assert percent(57.8).text == "58%"


def test_a_subject_that_names_the_venue_is_not_followed_by_it_again():
    md = draft(TOTAL + """
  - id: halt
    metric: duration
    unit: minutes
    venue: okx
    subject: the matching-engine halt at OKX
    observations: [{source: the-block, value: 40}]
""")
    assert "the matching-engine halt at OKX lasted 40 minutes" in md
    assert "at OKX on OKX" not in md


def test_with_no_liquidation_figure_the_largest_price_move_heads_the_story():
    md = draft("""
facts:
  - id: alt_crash
    metric: price_change
    unit: percent
    asset: LINK
    venue: bybit
    change: fall
    observations: [{source: the-block, value: 99.9}]
  - id: alt_day
    metric: price_change
    unit: percent
    asset: LINK
    window: 24h
    change: fall
    observations: [{source: the-block, value: 35}]
  - id: btc_day
    metric: price_change
    unit: percent
    asset: BTC
    window: 24h
    change: fall
    observations: [{source: the-block, value: 9}]
""")
    headline = next(l for l in md.splitlines() if l.startswith("# "))
    assert headline.startswith("# LINK down 99.9% on Bybit"), headline
    assert "remain thin" not in headline
    # one asset's moves stay together, the venue's last: "fell 35% over 24 hours, 99.9% on Bybit and bitcoin 9%"
    line = next(l for l in body_of(md).splitlines() if "35%" in l)
    assert line.index("35%") < line.index("99.9%") < line.index("9% "), line


def test_a_small_loss_is_not_told_as_a_large_account_s():
    md = draft("""
facts:
  - id: bot_loss
    metric: trader_loss
    unit: USD
    subject: a trader whose bot stalled
    observations: [{source: the-block, value: 45000}]
""")
    assert "Large accounts" not in md and "Size is no protection" not in md and "Large holders" not in md


def test_a_large_loss_keeps_the_large_account_reading():
    md = draft("""
facts:
  - id: fund_loss
    metric: trader_loss
    unit: USD
    subject: a Singapore fund
    observations: [{source: the-block, value: 14000000}]
  - id: bot_loss
    metric: trader_loss
    unit: USD
    subject: a trader whose bot stalled
    observations: [{source: the-block, value: 45000}]
""")
    assert "Large accounts are not immune" in md or "Size is no protection" in md


def test_one_holder_s_liquidations_and_share_on_a_venue_name_the_holder():
    """A holder's liquidations on a venue say whose they were; a holder's share says it is the holder's share of the
    venue's total, not the venue's share of the market."""
    md = draft(TOTAL + """
  - id: venue_total
    metric: liquidations
    unit: USD
    window: 24h
    venue: hyperliquid
    observations: [{source: lookonchain, value: 90000000}]
  - id: fund_liq
    metric: liquidations
    unit: USD
    venue: hyperliquid
    side: long
    subject: one address, a known market maker
    observations: [{source: lookonchain, value: 31000000}]
  - id: fund_share
    metric: liquidation_share
    unit: percent
    venue: hyperliquid
    subject: one address, a known market maker
    observations: [{source: lookonchain, value: 34}]
""")
    assert "Hyperliquid liquidated $31 million of long positions held by one address, a known market maker" in md
    assert re.search(r"one address, a known market maker, made up 34% of the liquidations on Hyperliquid", md), md
    assert "Hyperliquid made up" not in md


SPLIT_ELSEWHERE = """
windows: [24h]
facts:
  - id: total_24h
    metric: liquidations
    unit: USD
    window: 24h
    coverage: network-wide
    observations: [{source: the-block, value: 512000000}]
  - id: long_24h
    metric: liquidations
    unit: USD
    window: 24h
    side: long
    observations: [{source: coinglass, value: 250000000}]
  - id: short_24h
    metric: liquidations
    unit: USD
    window: 24h
    side: short
    observations: [{source: coinglass, value: 262000000}]
"""


def test_a_split_from_another_source_than_the_total_is_credited_in_a_sentence_of_its_own():
    md = draft(SPLIT_ELSEWHERE)
    lede = next(l for l in body_of(md).splitlines() if "$512 million" in l and not l.startswith("#"))
    assert "(single-source data from CoinGlass)" not in lede and "split between" not in lede, lede
    assert re.search(r"\. (On single-source data from|In figures from a single source,|According to a single source,) CoinGlass,? longs accounted for "
                     r"\$250 million of them and shorts for \$262 million\.", lede), lede


def test_figures_from_two_single_sources_are_not_said_to_rest_on_one_alone():
    md = draft(SPLIT_ELSEWHERE)
    assert "rests on The Block alone" not in md and "are The Block's alone" not in md
    assert "Each market-wide figure here rests on one provider, The Block and CoinGlass between them, and the total on The Block alone" in md


def test_a_gap_of_an_order_of_magnitude_is_worded_as_one():
    from writer.draft.view import _GAP_WORDS

    words = lambda gap: next((w for limit, w in _GAP_WORDS if gap > limit), "")  # noqa: E731
    assert words(8.0) == "more than eight times"  # a figure nine times the other
    assert words(10.0) == "more than ten times"
    assert words(5.0) == "more than five times"
    assert words(3.5) == "more than four times"


def test_a_heat_map_of_intensities_is_headed_as_a_map_not_as_positions_at_risk():
    md = draft("""
facts:
  - id: below
    metric: pressure_zone
    unit: intensity
    side: long
    asset: BTC
    direction: below
    price_level: 80000
    status: estimate
    observations: [{source: coinglass, value: 410000000}]
  - id: above
    metric: pressure_zone
    unit: intensity
    side: short
    asset: BTC
    direction: above
    price_level: 84000
    status: estimate
    observations: [{source: coinglass, value: 960000000}]
""")
    headline = next(l for l in md.splitlines() if l.startswith("# "))
    assert headline == "# Liquidation map shows a heavier cluster above the price than below it", headline


def test_a_zone_on_one_venue_names_it_and_a_hedged_further_zone_reads_as_english():
    md = draft("""
facts:
  - id: zone_all
    metric: pressure_zone
    unit: USD
    asset: ETH
    side: long
    direction: below
    price_level: 2100
    status: estimate
    observations: [{source: coinglass, value: 180000000}]
  - id: zone_lender
    metric: pressure_zone
    unit: USD
    asset: ETH
    side: long
    venue: hyperliquid
    status: estimate
    observations: [{source: coinglass, value: 40000000, hedge: around}]
""")
    # the venue's zone has no price of its own and the market's zone before it holds it: its part, not more positions
    # (round 13: "A further" only for zones at prices of their own; tests/test_draft_round13_any_event.py)
    assert "Of that, Hyperliquid accounts for around $40 million" in md
    md = draft("""
facts:
  - id: zone_all
    metric: pressure_zone
    unit: USD
    asset: ETH
    side: long
    direction: below
    price_level: 2100
    status: estimate
    observations: [{source: coinglass, value: 180000000}]
  - id: zone_lower
    metric: pressure_zone
    unit: USD
    asset: ETH
    side: long
    direction: below
    price_level: 1900
    venue: hyperliquid
    status: estimate
    observations: [{source: coinglass, value: 40000000, hedge: around}]
""")
    assert "of long positions on Hyperliquid could be liquidated" in md
    assert "A further around" not in md and "Further, around $40 million" in md


def test_the_closing_on_windows_needs_a_shorter_window_not_a_windowless_total():
    md = draft("""
windows: [24h]
facts:
  - id: total
    metric: liquidations
    unit: USD
    observations: [{source: the-block, value: 400000000}]
  - id: long_24h
    metric: liquidations
    unit: USD
    window: 24h
    side: long
    observations: [{source: the-block, value: 300000000}]
  - id: short_24h
    metric: liquidations
    unit: USD
    window: 24h
    side: short
    observations: [{source: the-block, value: 40000000}]
""")
    assert "The windows tell the same story" not in md and "shorter window" not in md


def test_a_squeeze_with_no_level_crossed_asserts_no_break_through_resistance():
    md = draft("""
windows: [24h]
shape: short_squeeze
facts:
  - id: total_24h
    metric: liquidations
    unit: USD
    window: 24h
    coverage: network-wide
    observations: [{source: coinglass, value: 300000000}]
  - id: short_24h
    metric: liquidations
    unit: USD
    window: 24h
    side: short
    observations: [{source: coinglass, value: 240000000}]
  - id: long_24h
    metric: liquidations
    unit: USD
    window: 24h
    side: long
    observations: [{source: coinglass, value: 60000000}]
""")
    for said in ("resistance", "cleared the level", "treated as a ceiling"):
        assert said not in md, said
    assert "which is how a squeeze feeds itself" in md


def test_a_venue_s_share_after_its_split_names_the_venue_not_that():
    """After "$X of the liquidations on Kraken came from long positions and $Y from shorts", "That came to 80%" reads
    as the shorts' share: the sentence names the venue whose share it is."""
    md = draft("""
windows: [24h]
facts:
  - id: total_24h
    metric: liquidations
    unit: USD
    window: 24h
    coverage: network-wide
    observations: [{source: the-block, value: 500000000}]
  - id: venue_long
    metric: liquidations
    unit: USD
    window: 24h
    venue: okx
    side: long
    observations: [{source: the-block, value: 90000000}]
  - id: venue_short
    metric: liquidations
    unit: USD
    window: 24h
    venue: okx
    side: short
    observations: [{source: the-block, value: 310000000}]
  - id: venue_share
    metric: liquidation_share
    unit: percent
    window: 24h
    venue: okx
    observations: [{source: the-block, value: 80}]
""")
    assert "That came to" not in md and "That was 80%" not in md
    assert re.search(r"Liquidations on OKX (came to|made up) 80% of all the liquidations", md), md


def test_a_comparison_with_a_past_episode_names_its_day_when_the_figure_has_one():
    md = draft("""
windows: [24h]
facts:
  - id: total_24h
    metric: liquidations
    unit: USD
    window: 24h
    coverage: network-wide
    observations: [{source: the-block, value: 2400000000}]
  - id: past
    metric: historical_liquidations
    unit: USD
    window: 24h
    observations: [{source: the-block, value: 1100000000, as_of: 2024-08-05}]
""")
    assert ", on 5 August 2024, came to $1.1 billion" in md, md
