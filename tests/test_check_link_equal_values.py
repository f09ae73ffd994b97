"""Round 11 (issue 10, item 1): facts of one value told apart by the words a sentence gives them, as a human writer
gives them and as a draft prints them. Left by bench/fuzz_draft_new_kinds.py's long runs (seeds 51-56): the check
linked a drafted figure to another fact of the same value and flagged it. Every event and sentence here is our own;
each test names the words that decide and a must-flag sentence beside the must-pass one.
"""

from __future__ import annotations

from link_support import codes, event, links_of

# -- several venues counted together: the words naming them are the fact's, not a conflict ------------------------

VENUES = """\
facts:
  - {id: xrp_daily, metric: liquidations, unit: USD, asset: XRP, window: 7d, venues: [bybit, hyperliquid], per: day,
     status: pending_verification, observations: [{source: coinglass, value: 10000}]}
  - {id: btc_single, metric: largest_single_liquidation, unit: USD, asset: BTC, venue: hyperliquid, status: rumor,
     observations: [{source: coinglass, value: 10000}]}
"""


def test_a_figure_on_the_venues_a_fact_counts_together_is_that_facts():
    """"XRP liquidations on Bybit and Hyperliquid ... per day" is the fact of those two venues; it was read as a
    network-wide figure the venues conflict with, so the rumoured BTC liquidation of the same size on Hyperliquid won
    (P008, P012)."""
    ev = event(VENUES)
    text = ("Still unconfirmed, CoinGlass figures put XRP liquidations on Bybit and Hyperliquid over the week at an average of "
            "$10,000 per day, pending verification.")
    assert links_of(ev, text)[0][1] == "xrp_daily"
    assert not codes(ev, text) & {"P008", "P012"}


def test_a_venue_outside_the_ones_counted_together_still_conflicts():
    ev = event(VENUES)
    text = ("Still unconfirmed, CoinGlass figures put XRP liquidations on Binance over the week at an average of "
            "$10,000 per day, pending verification.")
    assert links_of(ev, text)[0][1] == "xrp_daily" and "P012" in codes(ev, text)


def test_the_single_venues_figure_keeps_its_words():
    ev = event(VENUES)
    text = "A rumour relayed by CoinGlass puts the largest single BTC liquidation on Hyperliquid at $10,000."
    assert links_of(ev, text)[0][1] == "btc_single"


# -- two facts alike but for their sources: the one whose every source the sentence names -----------------------

SOURCES = """\
facts:
  - {id: both, metric: position_concentration, unit: USD, asset: XRP, window: 1h, price_level: 3298,
     status: pending_verification, observations: [{source: binance, value: 36029019, hedge: about},
                                                  {source: research-institutions, value: 36029019, hedge: about}]}
  - {id: alone, metric: position_concentration, unit: USD, asset: XRP, window: 1h, price_level: 3298,
     status: pending_verification, observations: [{source: binance, value: 36029019, hedge: about}]}
"""


def test_of_two_facts_alike_but_for_a_second_source_the_sentence_naming_one_source_is_the_one_sources():
    ev = event(SOURCES)
    text = ("Binance alone, in a report still pending verification, puts XRP positions of about $36 million near "
            "$3,298 in the past hour.")
    assert links_of(ev, text)[0][1] == "alone"


def test_of_two_facts_alike_but_for_a_second_source_the_sentence_naming_both_is_the_two_sources():
    ev = event(SOURCES)
    text = ("Binance and research institutions, in a report still pending verification, put XRP positions of about "
            "$36 million near $3,298 in the past hour.")
    assert links_of(ev, text)[0][1] == "both"


# -- a per-day fact and another fact's reported average of the same value ----------------------------------------

AVERAGES = """\
facts:
  - {id: btc_volume, metric: volume, unit: USD, asset: BTC, window: 24h, per: day, status: estimate,
     observations: [{source: coinglass, range: [8999, 11001]}], average: {value: 10000}}
  - {id: daily_volume, metric: volume, unit: USD, window: 24h, per: day, status: estimate,
     observations: [{source: data-platforms, value: 10000}]}
"""


def test_an_average_per_day_credited_to_its_source_is_that_facts_not_another_facts_average():
    """Both facts are averages per day; the words "average" and "per day" fit both, so the credited source and the
    asset the sentence does not name decide (it linked to CoinGlass's average and flagged P004 for CoinGlass)."""
    ev = event(AVERAGES)
    text = "By estimates of data platforms, trading volume over the day came to an average of $10,000 per day."
    assert links_of(ev, text)[0][1] == "daily_volume"
    assert "P004" not in codes(ev, text)


def test_the_reported_average_of_a_range_keeps_its_words():
    ev = event(AVERAGES)
    text = "CoinGlass estimates BTC trading volume over the day at between $8,999 and $11,001 per day, with an average of $10,000."
    assert [lk[1] for lk in links_of(ev, text)] == ["btc_volume", "btc_volume"]  # the range, its average


# -- a fall told as a range: its ends are the disputed fact's, mirrored -----------------------------------------

FALLS = """\
facts:
  - {id: hype_claim, metric: market_cap_change, unit: percent, asset: HYPE, window: 1w, status: rumor,
     observations: [{source: public-data, value: -24.63, hedge: at_least}]}
  - {id: disputed_fall, metric: market_cap_change, unit: percent, window: 1w,
     observations: [{source: unnamed-report, value: -24.63}, {source: lookonchain, value: -9.85}]}
"""


def test_a_fall_printed_as_a_range_with_both_ends_is_the_disputed_falls():
    """"fell between 9.9% and 25%" prints both ends of the -24.63 to -9.85 fact; a rumoured fall of 24.63% lies
    inside the range, and words of hearsay in the sentence ("is said to") tipped the link to it (P003)."""
    ev = event(FALLS)
    text = ("An unnamed report and Lookonchain differ: market capitalisation fell between 9.9% and 25% over the week, "
            "and a fund is said to be behind the move.")
    assert links_of(ev, text)[0][1] == "disputed_fall"
    assert "P003" not in codes(ev, text)


def test_a_single_fall_inside_the_range_is_still_the_claims():
    ev = event(FALLS)
    text = "A claim relayed by public data, unverified, says HYPE market capitalisation fell at least 24.6% over the week."
    assert links_of(ev, text)[0][1] == "hype_claim"


# -- a venue that is also a source, beside a holder named for another exchange ----------------------------------

HOLDER = """\
facts:
  - {id: accounts, metric: liquidated_accounts, unit: count, asset: BTC, window: 1h, venue: bitfinex,
     subject: Binance Futures, observations: [{source: market-data, value: 3726}, {source: bitfinex, value: 5963}]}
"""


def test_the_venue_a_source_is_also_named_for_is_the_figures_venue():
    """"on Bitfinex for Binance Futures", credited to Bitfinex and market data: Bitfinex is the venue even though it is
    also a source; it was set aside as the source, leaving the holder's exchange as the figure's venue (P012)."""
    ev = event(HOLDER)
    text = ("Going by market data and Bitfinex, which differ, the BTC accounts liquidated on Bitfinex for Binance "
            "Futures in the hour numbered between 3,730 and 5,960.")
    assert "P012" not in codes(ev, text)


def test_another_venue_beside_the_holder_is_still_flagged():
    ev = event(HOLDER)
    text = ("Going by market data and Bitfinex, which differ, the BTC accounts liquidated on Bybit for Binance "
            "Futures in the hour numbered between 3,730 and 5,960.")
    assert "P012" in codes(ev, text)


def test_a_holder_named_for_another_exchange_is_not_the_figures_venue():
    """The holder's exchange ("for Binance Futures", the fact's subject) is who held the positions, not where they were
    liquidated: with the venue named once, or not at all, the figure keeps its venue."""
    ev = event(HOLDER)
    for text in ("For Binance Futures, between 3,730 and 5,960 accounts were liquidated on Bitfinex in the hour, market "
                 "data and the exchange's own count differ.",
                 "Bitfinex and market data differ: for Binance Futures, between 3,730 and 5,960 accounts were liquidated "
                 "in the hour."):
        assert "P012" not in codes(ev, text), text


def test_the_holders_exchange_named_again_as_the_place_is_still_flagged():
    ev = event(HOLDER)
    text = ("Bitfinex and market data differ: for Binance Futures, between 3,730 and 5,960 accounts were liquidated on "
            "Binance in the hour.")
    assert "P012" in codes(ev, text)
