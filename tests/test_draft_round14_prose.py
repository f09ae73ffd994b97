"""Round 14 (issue 10, points 3 and 4): several facts about one subject told with the subject named once; a source's
words used only where they say what the sentence says; windows of one length under two names related. Every event is
our own, every draft passes its own check and links each figure to its own fact (the property test's inner check).
"""

from __future__ import annotations

import re

from test_draft_round10_prose import TOTAL
from test_draft_round11_prose import _body, _draft


def _dominance(reading: str, part: str = "side: long") -> str:
    return f"  - {{id: who, metric: dominance, unit: none, {part}, observations: [{{source: coinglass, reading: {reading}}}]}}\n"


# -- a dominance's words --------------------------------------------------------------------------------------------

def test_words_of_quantity_are_what_the_side_accounted_for():
    md = _body(_draft(TOTAL + _dominance("the bulk")))
    assert "long positions accounted for what it calls \u201cthe bulk\u201d of the liquidations" in md, md
    assert "heaviest losses fell on" not in md


def test_words_that_name_their_whole_get_no_second_whole():
    md = _body(_draft(TOTAL + _dominance("most of the forced closes")))
    assert "long positions accounted for what it calls \u201cmost of the forced closes\u201d." in md, md


def test_words_that_are_not_a_quantity_keep_the_plain_sentence_and_are_quoted_beside_it():
    for words in ("took the worst of it", "the main losers", "the most crowded corner"):
        md = _body(_draft(TOTAL + _dominance(words)))
        assert f"the heaviest losses fell on long positions (its words: \u201c{words}\u201d)" in md, md
        assert "accounted for" not in md


def test_assets_said_together_are_named():
    md = _body(_draft(TOTAL + _dominance("the largest volumes", "assets: [BTC, ETH]")))
    assert "positions in bitcoin and ether accounted for what it calls \u201cthe largest volumes\u201d" in md, md


# -- one subject, named once ----------------------------------------------------------------------------------------

def test_a_price_level_then_a_move_of_the_same_asset_name_it_once():
    md = _body(_draft(TOTAL + """\
  - {id: lvl, metric: price_level, unit: USD, asset: SOL, observations: [{source: aicoin, value: 212}]}
  - {id: mv, metric: price_change, unit: percent, asset: SOL, change: fall, window: 24h, observations: [{source: aicoin, value: 7.5}]}
"""))
    assert re.search(r"Solana (traded at|changed hands at|stood at) \$212\. It fell 7\.5% over 24 hours\.", md), md


def test_the_pronoun_never_crosses_another_subject_or_source():
    md = _body(_draft(TOTAL + """\
  - {id: lvl, metric: price_level, unit: USD, asset: SOL, observations: [{source: aicoin, value: 212}]}
  - {id: mv, metric: price_change, unit: percent, asset: SOL, change: fall, window: 24h, observations: [{source: coinank, value: 7.5}]}
  - {id: eth, metric: price_level, unit: USD, asset: ETH, observations: [{source: aicoin, value: 3100}]}
"""))
    assert "It fell" not in md, md  # another source's move names the asset again with its own attribution
    assert not re.search(r"It (traded|changed|stood) at \$3,100", md), md  # ether is never "it" after Solana


def test_a_market_reading_then_its_change_name_the_subject_once():
    md = _body(_draft(TOTAL + """\
  - {id: oi, metric: open_interest, unit: USD, asset: ETH, observations: [{source: aicoin, value: 21000000000}]}
  - {id: oi_ch, metric: open_interest_change, unit: percent, asset: ETH, change: fall, window: 24h, observations: [{source: aicoin, value: 9}]}
"""))
    assert re.search(r"ETH open interest stood at \$21 billion\. It fell 9% over the past 24 hours\.", md), md


def test_levels_of_one_asset_keep_their_venue_and_their_notes():
    md = _body(_draft(TOTAL + """\
  - {id: a, metric: price_level, unit: USD, asset: BTC, venue: bybit, note: the perpetual at the open, observations: [{source: aicoin, value: 61200}]}
  - {id: b, metric: price_level, unit: USD, asset: BTC, note: the low of the session, observations: [{source: aicoin, value: 58800}]}
  - {id: c, metric: price_level, unit: USD, asset: BTC, note: the close, observations: [{source: aicoin, value: 60100}]}
"""))
    # the venue's level has a sentence of its own (in a list its venue would read as every level's)
    assert re.search(r"\$61,200 on Bybit, the perpetual at the open\.", md), md
    assert "$58,800 (the low of the session)" in md and "$60,100 (the close)" in md, md
    assert md.count("at different times") == 1


def test_a_note_quoting_the_figures_wording_is_not_printed_after_it():
    md = _body(_draft(TOTAL + """\
  - {id: mv, metric: price_change, unit: percent, asset: SOL, change: fall, window: 24h, note: 'worded as "a 7.5% slide"', observations: [{source: aicoin, value: 7.5}]}
  - {id: lv, metric: price_level, unit: USD, asset: ETH, note: 'put as "about 3,100"', observations: [{source: aicoin, value: 3100}]}
"""))
    assert "slide" not in md and "put as" not in md, md
    assert "fell 7.5%" in md and "$3,100" in md


def test_one_venues_figures_by_asset_read_as_one_sentence_under_its_total():
    md = _body(_draft(TOTAL + """\
  - {id: f_all, metric: liquidations, unit: USD, window: 24h, venue: okx, observations: [{source: coinglass, value: 300000000}]}
  - {id: f_btc, metric: liquidations, unit: USD, window: 24h, venue: okx, asset: BTC, observations: [{source: coinglass, value: 140000000}]}
  - {id: f_eth, metric: liquidations, unit: USD, window: 24h, venue: okx, asset: ETH, observations: [{source: coinglass, value: 90000000}]}
"""))
    assert re.search(r"OKX saw liquidations of \$300 million[^.]*, among them \$140 million of bitcoin positions and \$90 million "
                     r"of ether positions\.", md), md
    assert md.count("OKX saw") == 1


def test_one_venues_assets_without_its_total_read_as_one_sentence():
    md = _body(_draft(TOTAL + """\
  - {id: f_btc, metric: liquidations, unit: USD, window: 24h, venue: okx, asset: BTC, observations: [{source: coinglass, value: 140000000}]}
  - {id: f_eth, metric: liquidations, unit: USD, window: 24h, venue: okx, asset: ETH, observations: [{source: coinglass, value: 90000000}]}
"""))
    assert re.search(r"OKX saw liquidations of \$140 million of bitcoin positions[^.]* and \$90 million of ether positions\.", md), md


def test_the_smaller_assets_plain_totals_read_as_one_list():
    assets = "".join(f"  - {{id: a{i}, metric: liquidations, unit: USD, window: 24h, asset: {a}, observations: [{{source: coinglass, value: {v}}}]}}\n"
                     for i, (a, v) in enumerate([("BTC", 200e6), ("ETH", 120e6), ("SOL", 60e6), ("XRP", 31e6), ("DOGE", 22e6)]))
    md = _body(_draft(TOTAL + assets))
    assert re.search(r"XRP saw liquidations of \$31 million and dogecoin \$22 million\.", md), md


def test_one_sides_shares_of_the_market_and_of_one_asset_read_as_one_sentence():
    md = _body(_draft(TOTAL + """\
  - {id: s_all, metric: liquidation_share, unit: percent, side: long, window: 24h, observations: [{source: coinglass, value: 81}]}
  - {id: s_btc, metric: liquidation_share, unit: percent, side: long, asset: BTC, window: 24h, observations: [{source: coinglass, value: 88}]}
"""))
    assert re.search(r"long positions made up 81% of the liquidations[^.]* and 88% of those in BTC\.", md), md


# -- windows of one length ------------------------------------------------------------------------------------------

def test_windows_of_one_length_under_two_names_are_related():
    md = _body(_draft(TOTAL + """\
  - {id: d1, metric: liquidations, unit: USD, window: 1d, asset: ETH, observations: [{source: coinglass, value: 90000000}]}
"""))
    assert "The windows of 24 hours and one day are the same length" in md, md
    alone = _body(_draft(TOTAL))
    assert "the same length" not in alone


def test_it_never_reaches_back_past_a_burst_of_another_asset():
    md = _body(_draft(TOTAL + """\
  - {id: lvl, metric: price_level, unit: USD, asset: SOL, observations: [{source: aicoin, value: 212}]}
  - {id: burst, metric: price_change, unit: percent, asset: ETH, change: fall, window: 5m, observations: [{source: aicoin, value: 3}]}
  - {id: sup, metric: support_level, unit: USD, asset: SOL, direction: below, observations: [{source: aicoin, value: 200}]}
"""))
    assert re.search(r"ether fell 3% in 5 minutes[^.]*\. Solana (broke|lost|held)", md), md  # never "It", which would read as ether


def test_a_venues_total_the_lede_told_is_not_told_again_as_news():
    md = _body(_draft("""\
  - {id: cmp, metric: liquidations, unit: USD, window: 24h, venue: okx, observations: [{source: coinglass, value: 88000000}]}
  - {id: other, metric: liquidations, unit: USD, window: 24h, venue: bybit, observations: [{source: aicoin, value: 9000000}]}
"""))
    body = md.split("\n## ", 1)[1]  # after the lede
    assert "$88 million" not in body and "OKX saw" not in body, md
    assert "Bybit saw liquidations of $9 million" in md, md
