"""Linking faults found by fuzzing (bench/fuzz_draft_new_kinds.py --links, bench/fuzz_check_links.py), each
written again as a small event and sentences of our own: the figure links to the fact its words describe, and
never to one whose value is orders of magnitude away.
"""

from __future__ import annotations

import pytest

from draft_support import ROOT
from link_support import checker, codes, event, links_of
from writer.check import Checker
from writer.check.figures import find_figures
from writer.check.linking import Support, value_match
from writer.factbase.loader import event_from_text, load_registry
from writer.factbase.vocabulary import Status

REGISTRY = load_registry(ROOT / "factbase" / "sources.yaml")


# --- a bound never reaches a value orders of magnitude below it --------------------------------------

def _one(text: str):
    (f,) = find_figures(text, checker().phrases.qualifiers)
    return f


def _point(value: float, unit: str = "index") -> Support:
    return Support("f", unit, value, value, Status.SINGLE_SOURCE, ("coinglass",), None)


@pytest.mark.parametrize("text, value, expected", [
    ("as much as 10,000", 10, None),  # a thousandth of the ceiling: not what "as much as 10,000" reports
    ("as much as 10,000", 10_000, "match"),
    ("as much as 10,000", 6_000, "match"),  # a ceiling of twice the value: loose, still the fact
    ("as much as 10,000", 3_000, None),
    ("up to $1 million", 900, None),
    ("up to $1 million", 700_000, "match"),
    ("at most 50%", 2, None),
])
def test_a_ceiling_written_round_is_not_reached_from_far_below(text, value, expected):
    """"as much as 10,000" is one significant digit: its rounding (5,000 either way) must not let a ceiling
    cover every value down to zero (fuzz seed 33, gen-17: an index of about 10 took it)."""
    unit = "USD" if "$" in text else "percent" if "%" in text else "index"
    assert value_match(_one(text), _point(value, unit)) == expected


_INDEXES = """facts:
  - {id: weekly, metric: index_level, unit: index, window: 1w, observations: [{source: coinglass, value: 10, hedge: about}]}
  - {id: ceiling, metric: index_level, unit: index, observations: [{source: coinglass, value: 10000, hedge: as_much_as}]}
"""


def test_a_ceiling_links_to_the_fact_of_its_size_not_the_paragraphs_window():
    ev = event(_INDEXES)
    text = ("Over the past week the index stood at about 10, CoinGlass data show. By one reckoning from CoinGlass the "
            "index could stand at as much as 10,000.")
    assert [(t, sid) for t, sid, _ in links_of(ev, text)] == [("10", "weekly"), ("10,000", "ceiling")]


def test_a_ceiling_no_fact_of_its_size_supports_is_unsupported():
    ev = event(_INDEXES.split("  - {id: ceiling")[0])
    assert links_of(ev, "By one reckoning from CoinGlass the index could stand at as much as 10,000.")[0][2] != "supported"


# --- two zones of one value: the one whose level the sentence prints ------------------------------------

_ZONES = """facts:
  - {id: above, metric: pressure_zone, unit: USD, asset: XRP, window: 7d, direction: above, status: rumor,
     observations: [{source: x-posts, value: 773980}]}
  - {id: pinned, metric: pressure_zone, unit: USD, asset: XRP, window: 7d, price_level: 118, status: rumor,
     observations: [{source: x-posts, value: 773980}]}
"""


@pytest.mark.parametrize("zones_first", [True, False])
def test_two_zones_of_one_value_link_by_the_level_the_sentence_prints(zones_first):
    """Two claimed clusters of the same size, one above the price and one pinned to $118: the sentence that
    prints $118 beside the size is the pinned cluster's, in whichever order the file holds them (fuzz seed 33,
    gen-524288: both went to the first)."""
    body = _ZONES
    if not zones_first:
        head, a, b = body.split("  - ")
        body = head + "  - " + b.rstrip("\n") + "\n  - " + a
    ev = event(body)
    text = ("A post on X claims roughly $774,000 of XRP positions could be liquidated this week above the price, an "
            "unverified claim. Another unverified post on X puts a cluster worth about $774,000 near $118.")
    got = [(t, sid) for t, sid, _ in links_of(ev, text)]
    assert got == [("$774,000", "above"), ("$774,000", "pinned"), ("$118", "pinned")], got


# --- P008: a wrong source named as the data's owner, or only in a note pointing back ------------------

_P008 = """facts:
  - {id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 300M}]}
  - {id: bf, metric: liquidations, unit: USD, window: 4h, subject: Binance Futures, observations: [{source: coinank, value: 90M}]}
  - {id: ank, metric: liquidations, unit: USD, window: 12h, observations: [{source: coinank, value: 120M}]}
  - {id: okx4, metric: liquidations, unit: USD, window: 4h, venue: okx, observations: [{source: coinglass, value: 45M}]}
"""


@pytest.mark.parametrize("text, flagged", [
    # the opening clause names another provider's data, the trailing credit the fact's own source
    ("Binance Futures data show $300 million liquidated over 24 hours, according to CoinGlass.", True),
    ("OKX derivatives figures put the past day's liquidations at $300 million, according to CoinGlass.", True),
    ("Binance futures data show $300 million liquidated over 24 hours, according to CoinGlass.", True),
    # the data of the figure's own holder or venue, credited to its source: what the figure is about
    ("OKX futures data show $45 million liquidated over 4 hours, according to CoinGlass.", False),
    ("Over 24 hours, $300 million was liquidated, according to CoinGlass.", False),
    ("Binance Futures saw $90 million liquidated over 4 hours, CoinAnk data show.", False),
])
def test_a_data_owner_named_before_the_figure_is_a_named_source(text, flagged):
    assert ("P008" in codes(event(_P008), text)) is flagged


@pytest.mark.parametrize("text, flagged", [
    ("Liquidations over the past day reached $300 million. This information comes from CoinAnk.", True),
    ("Over 12 hours, $120 million was liquidated. That data is from CoinGlass.", True),
    # two figures of two sources, one note naming both: each name is the source of a figure it covers
    ("Over the past day $300 million was liquidated, and over 12 hours $120 million. These figures come from CoinGlass and CoinAnk.",
     False),
    ("Liquidations over the past day reached $300 million. This information comes from CoinGlass.", False),
])
def test_a_wrong_source_named_only_in_a_note_pointing_back_is_p008(text, flagged):
    """A note that credits the run of figures before it ("This information comes from X") names their source as a
    sentence's own credit does: a source none of the covered figures came from is a wrong source."""
    assert ("P008" in codes(event(_P008), text)) is flagged


# --- a subject repeated in full: its words are the holder's, not another fact's cues -----------------------

_HOLDER = """facts:
  - {id: largest, metric: largest_single_liquidation, unit: USD, side: long, asset: BTC, venue: hyperliquid,
     observations: [{source: lookonchain, value: 6.4M}]}
  - {id: loss, metric: trader_loss, unit: USD, subject: a Hyperliquid trader who was long 40x on BTC,
     observations: [{source: lookonchain, value: 9.6M}]}
"""


def test_a_figure_beside_its_facts_whole_subject_is_that_facts():
    """The loss's subject names a venue, a side and an asset; another fact (the largest single liquidation) has
    all three. Repeating the subject in full with the loss's value is the loss, not a mistyped largest liquidation
    (fuzz_check_links: P006 on a faithful sentence, bundled 2026-11-21 event)."""
    ev = event(_HOLDER)
    text = "A Hyperliquid trader who was long 40x on BTC lost $9.6 million, according to a single source, Lookonchain."
    assert [(t, sid, kind) for t, sid, kind in links_of(ev, text) if "$" in t] == [("$9.6 million", "loss", "supported")]
    assert not codes(ev, text) & {"P006", "P012"}
    # the same words with another value still contradict: the subject does not excuse a wrong figure
    assert "P006" in codes(ev, text.replace("$9.6 million", "$6.9 million")) | codes(ev, text.replace("$9.6 million", "$12.8 million"))


_RUMOURS = """facts:
  - {id: loss, metric: trader_loss, unit: USD, subject: a fund manager, status: rumor, observations: [{source: x-posts, value: 25.9M}]}
"""


@pytest.mark.parametrize("text, flagged", [
    ("A fund manager lost $25.9 million, an unverified figure circulating on CoinGlass.", True),
    ("A fund manager lost $25.9 million, a rumour circulating among CoinAnk users that no one has verified.", True),
    ("A fund manager lost $25.9 million, an unverified figure circulating on X.", False),
    ("A fund manager lost $25.9 million, an unverified claim circulating in posts on X.", False),
])
def test_where_a_rumour_circulates_is_its_named_source(text, flagged):
    """"circulating on X" names where the claim comes from: a registered name there that is not the rumour's source
    is a wrong source (fuzz_check_links: missed as the sentence's only credit)."""
    assert ("P008" in codes(event(_RUMOURS), text)) is flagged


# --- two clauses, two credits: each name goes with its own clause's figure ---------------------------------

_TWO = """facts:
  - {id: hour, metric: liquidations, unit: USD, window: 60m, observations: [{source: coinglass, value: 458M}]}
  - {id: half_day, metric: liquidations, unit: USD, window: 12h, observations: [{source: coinank, value: 623M}]}
  - {id: eth_price, metric: price_level, unit: USD, asset: ETH, observations: [{source: coinmarketcap, value: 3200}]}
"""


@pytest.mark.parametrize("text, flagged", [
    ("According to CoinGlass, $458 million was liquidated over 60 minutes, while CoinAnk reported that liquidations "
     "totalled $623 million overnight.", False),
    ("According to CoinAnk, $458 million was liquidated over 60 minutes, while CoinGlass reported that liquidations "
     "totalled $623 million overnight.", True),
    ("$458 million was liquidated over 60 minutes, according to CoinGlass; CoinMarketCap said ether traded at $3,200.", False),
    ("$458 million was liquidated over 60 minutes, according to CoinMarketCap; CoinGlass said ether traded at $3,200.", True),
    # one credit for both clauses names the source of each
    ("According to CoinGlass, $458 million was liquidated over 60 minutes, while ether traded at $3,200, CoinMarketCap data show.",
     False),
])
def test_swapped_credits_in_two_clauses_are_wrong_sources(text, flagged):
    """A sentence of two figures from two sources, each clause with its own credit: the two names swapped are each
    in the sentence's sources, but each names the other clause's figure (fuzz_check_links: 10 such swaps missed)."""
    assert ("P008" in codes(event(_TWO), text)) is flagged


def test_a_window_named_in_another_clause_is_not_the_figures():
    """"..., while an unnamed source reported liquidations of $623 million overnight": the first clause's 60 minutes
    is not this figure's window (fuzz_check_links: P006 on a faithful sentence)."""
    ev = event(_TWO)
    text = ("According to CoinGlass, $458 million was liquidated over 60 minutes, while CoinAnk reported that liquidations "
            "totalled $623 million overnight.")
    assert [(t, sid, kind) for t, sid, kind in links_of(ev, text)] == [("$458 million", "hour", "supported"),
                                                                      ("$623 million", "half_day", "supported")]


def test_a_venue_inside_the_other_clauses_subject_is_not_its_credit():
    """"...; Lookonchain said a Hyperliquid trader who was long 40x on BTC lost $9.6 million": Hyperliquid is in the
    loss's own subject, not a credit of the loss (fuzz_check_links: P008 from the clause reading, a faithful text)."""
    ev = event(_HOLDER.replace("  - {id: largest", "  - {id: hl, metric: liquidations, unit: USD, venue: hyperliquid, asset: BTC, "
                                                   "window: 24h, observations: [{source: coinglass, value: 32M}]}\n  - {id: largest"))
    text = ("BTC liquidations reached $32 million on Hyperliquid in a single day, according to CoinGlass; Lookonchain said a "
            "Hyperliquid trader who was long 40x on BTC lost $9.6 million.")
    assert "P008" not in codes(ev, text)
    assert "P008" in codes(ev, text.replace("Lookonchain said", "CoinAnk said"))


@pytest.mark.parametrize("near_first", [True, False])
def test_of_facts_alike_the_value_the_digits_print_wins(near_first):
    """"around $66,500" reaches $67,000 too (its "around"); of two price levels alike in every word, the one the digits
    print is the one written, in either order in the file (fuzz_check_links: linked to the $67,000 level)."""
    near = "  - {id: now, metric: price_level, unit: USD, asset: BTC, observations: [{source: coinglass, value: 66500, hedge: around}]}\n"
    far = "  - {id: below, metric: price_level, unit: USD, asset: BTC, observations: [{source: coinglass, value: 67000}]}\n"
    ev = event("facts:\n" + (near + far if near_first else far + near))
    assert links_of(ev, "Bitcoin traded at around $66,500, CoinGlass data show.")[0][1] == "now"
    # ("$67,000" is itself a rounding of 66,500: within the digits, the file's order decides, as below)


def test_values_the_digits_cannot_tell_apart_keep_the_files_order():
    """"about 1.05 million" rounds 1,049,501 and 1,050,501 alike: nearness beyond the digits does not pick (the
    any-event property: a count's end level and its change)."""
    ev = event("facts:\n"
               "  - {id: end, metric: user_count, unit: count, observations: [{source: coinglass, value: 1050501}]}\n"
               "  - {id: rise, metric: user_count_change, unit: count, observations: [{source: coinglass, value: 1049501}]}\n")
    assert links_of(ev, "The platform had about 1.05 million users, CoinGlass data show.")[0][1] == "end"


def test_a_holder_in_a_passive_clause_is_not_its_source():
    """"On estimates by CoinGlass, an OKX whale is estimated at ...": the whale (an OKX account) is what is estimated,
    not who estimates (the any-event fuzz, seed 34, gen-8997: P008 on a draft); "OKX estimated ..." still names OKX."""
    ev = event("facts:\n  - {id: wait, metric: duration, unit: minutes, subject: an OKX whale, status: estimate,"
               " observations: [{source: coinglass, value: 2148, hedge: under}, {source: unnamed-aggregator, value: 2148}]}\n")
    assert "P008" not in codes(ev, "On estimates by CoinGlass and an unnamed source, an OKX whale is estimated at under 2,150 minutes.")
    assert "P008" in codes(ev, "On estimates by CoinGlass and an unnamed source, OKX estimated the wait at under 2,150 minutes.")


def test_a_holder_after_held_by_in_the_venue_sentence_is_not_its_source():
    """The drafter's holder sentence ("Hyperliquid liquidated an average of ... per hour of short DOGE positions held by
    Binance Futures"): the holder named after "held by" is the positions' owner, not a credit (the any-event fuzz, seed
    51 x1000, gen-6641: P008 on a draft); the same name given as the credit is still a wrong source."""
    ev = event("facts:\n  - {id: shorts, metric: liquidations, unit: USD, asset: DOGE, side: short, venue: hyperliquid, window: 4h,"
               " per: hour, subject: Binance Futures, observations: [{source: coinglass, value: 22825}]}\n")
    said = "Hyperliquid liquidated an average of about $22,800 per hour of short DOGE positions {} Binance Futures over the past 4 hours."
    assert "P008" not in codes(ev, "According to CoinGlass, " + said.format("held by"))
    assert "P008" not in codes(ev, "According to CoinGlass, " + said.format("owned by"))
    assert "P008" in codes(ev, "According to Binance Futures, " + said.format("of").replace(" of Binance Futures", ""))


TWIN_CONTEXT = """id: twin-context
as_of: 2026-11-17T09:00:00+08:00
facts:
  - id: total_1h
    metric: liquidations
    unit: USD
    window: 1h
    observations: [{source: coinglass, value: 2000000}]
context:
  - id: posted
    kind: macro
    text: the index closed at {value}
    sources: [x-posts]
    status: rumor
  - id: unsourced
    kind: macro
    text: the index closed at {value}
    status: rumor
"""


@pytest.mark.parametrize("value", ["5,012", "a record"])
def test_words_held_twice_link_to_the_item_whose_source_the_sentence_names_or_the_unsourced_one(value):
    """Two rumoured context items with the same words, one posted on X, one with no known source: the sentence
    naming X is the first's; the next one, naming nobody, is the second's, though the run opened with X
    (found by the any-event property test on a generated event)."""
    event = event_from_text(TWIN_CONTEXT.replace("{value}", value), "twin-context.yaml", REGISTRY)
    text = (f"The index closed at {value} (a market rumour, unverified, circulating in posts on X). "
            f"The index closed at {value} (an unverified claim with no named source).\n")
    findings = Checker().check_text(text, path="twin.md", event=event)
    assert "P003" not in {f.code for f in findings}, findings  # (P010 may fire: a rumour in the lede)
    facts = [f.fact for f in findings if f.figure == value]  # P010 (a rumour in the lede) says what each is linked to
    assert facts[:1] == ["context:posted"] and set(facts[1:]) <= {"context:unsourced"}


WINDOWED_TWIN = """id: windowed-twin
as_of: 2026-11-17T09:00:00+08:00
facts:
  - id: flat
    metric: liquidations_change
    unit: percent
    status: official
    observations: [{source: hyperliquid, value: 0.0}]
  - id: hourly
    metric: liquidations_change
    unit: percent
    status: official
    window: 60m
    observations: [{source: hyperliquid, range: [-0.5, 0.5], hedge: about}]
"""


def test_a_window_named_only_elsewhere_in_the_paragraph_does_not_outweigh_an_exact_value():
    """'moved by 0%' (no window of its own) is the fact of 0% with no window, not a collapse of the 60-minute
    range the next sentence names (found by the any-event property test in CI)."""
    event = event_from_text(WINDOWED_TWIN, "windowed-twin.yaml", REGISTRY)
    text = ("Intro paragraph with no figures.\n\nAccording to Hyperliquid's own figures, liquidations moved by 0% against "
            "the period before. According to Hyperliquid, they moved by about -0.5% to +0.5% over the past 60 minutes.\n")
    codes = {f.code for f in Checker().check_text(text, path="windowed.md", event=event)}
    assert "P005" not in codes, codes


def test_a_range_printed_with_both_ends_links_to_the_ranged_fact_not_a_hedged_point_inside_it():
    """'about -0.5% to +0.5%' is the fact held as that range, not 'about 0%' whose hedge reaches both ends
    (found by the any-event property test)."""
    event = event_from_text(WINDOWED_TWIN.replace("value: 0.0}", "value: 0.0, hedge: about}").replace("    window: 60m\n", ""),
                            "ranged-twin.yaml", REGISTRY)
    text = "Intro paragraph with no figures.\n\nAccording to Hyperliquid, liquidations moved by about -0.5% to +0.5% against the period before.\n"
    assert [t["support"] for t in Checker().trace(text, path="ranged.md", event=event)] == ["hourly"]
