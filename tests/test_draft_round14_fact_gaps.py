"""The fact model's gaps that real stories hit (round fourteen's desk reports), each held through the whole path with
events and sentences of our own: the schema and its messages (file, line, field), the draft's wording (drafted with the
provenance check's round trip, so each draft here also passed the check) and what the check accepts or flags.

Relayed credits (an observation's `via`), tickers as written (stETH, vBNB, 1000PEPE), counts in words ("dozens of",
"hundreds of") and a value given with its words, a zone's level with its hedge, context with a window, a change that
names only its end, and a source that gave words, not a number.
"""

from __future__ import annotations

import pytest

from draft_support import checked_drafter, event_from_yaml
from link_support import codes
from writer.check.phrasefile import phrase_section
from writer.errors import InputError
from writer.factbase.vocabulary import Status

HEAD = "id: gaps\nas_of: 2026-12-01T12:00:00+00:00\n"
TOTAL = "  - {id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 310M%s}]}\n"


def load(body: str):
    return event_from_yaml(HEAD + body, "gaps.yaml")


def draft(body: str) -> str:
    return checked_drafter().draft(load(body)).markdown


def refused(body: str):
    """The problems of a fact file the loader refuses (every one, each with its line and field)."""
    with pytest.raises(InputError) as caught:
        load(body)
    return caught.value.problems


def line_of(body: str, needle: str) -> int:
    return next(i for i, line in enumerate((HEAD + body).splitlines(), 1) if needle in line)


# --- a relayed credit ------------------------------------------------------------------------------------------------

RELAYED = "facts:\n" + TOTAL % ", via: decrypt"


def test_a_relayed_figure_drafts_with_the_checks_own_relay_word():
    md = draft(RELAYED)
    verb = phrase_section("relays")["before"][0]  # one word list: the check's (P008) and the draft's
    assert f"CoinGlass, as {verb} by Decrypt" in md, md
    headline = md.split("\n# ", 1)[1].split("\n", 1)[0]
    assert "Decrypt" not in headline  # a headline's short credit names the source, not its relay


def test_a_relay_of_one_of_two_sources_says_whose_figure_it_carried():
    md = draft("facts:\n" + TOTAL % ", via: decrypt}, {source: coinank, value: 311M")
    assert "CoinGlass and CoinAnk (CoinGlass's as cited by Decrypt)" in md, md
    assert "CoinAnk, as cited by Decrypt" not in md  # never read as relaying both


def test_an_article_naming_only_the_relay_is_credited_and_another_outlet_is_not():
    ev = load(RELAYED)
    # the desk's reading of a relay ("figures Decrypt carried"): credited, as a relay beside its source always was
    assert not {"P002", "P008"} & codes(ev, "Liquidations came to $310 million over 24 hours, Decrypt reported.")
    assert not {"P002", "P008"} & codes(ev, "Liquidations came to $310 million over 24 hours, according to CoinGlass data cited by Decrypt.")
    # an outlet that relayed nothing is still a wrong source
    assert "P008" in codes(ev, "Liquidations came to $310 million over 24 hours, The Block reported.")
    # without `via`, the relay alone is no credit of CoinGlass's figure (as before)
    assert {"P002", "P008"} & codes(load("facts:\n" + TOTAL % ""), "Liquidations came to $310 million over 24 hours, Decrypt reported.")


def test_a_relay_must_be_registered_and_is_not_its_own_source():
    found = refused("facts:\n" + TOTAL % ", via: decrpyt")
    assert found[0].field == "facts[0].observations[0].via" and "unknown relay 'decrpyt'" in found[0].message and "'decrypt'" in found[0].message
    assert found[0].line == line_of("facts:\n" + TOTAL % ", via: decrpyt", "decrpyt")
    same = refused("facts:\n" + TOTAL % ", via: coinglass")
    assert same[0].field == "facts[0].observations[0].via" and "itself" in same[0].message


# --- a source that gave words, not a number --------------------------------------------------------------------------

WORDED = "facts:\n" + TOTAL % "}, {source: coinank, reading: a comparable amount"


def test_words_beside_a_number_credit_the_number_to_its_own_source_only():
    ev = load(WORDED)
    tot = ev.facts["tot"]
    assert tot.sources == ("coinglass",) and tot.status is Status.SINGLE_SOURCE
    assert tot.worded == (("coinank", "a comparable amount"),)
    md = draft(WORDED)
    assert "CoinGlass and CoinAnk" not in md and "according to CoinGlass and CoinAnk" not in md.lower()
    assert "CoinAnk gave no figure: \u201ca comparable amount\u201d" in md, md
    assert md.count("a comparable amount") == 1  # told once, with the figure's first credit


def test_the_check_flags_a_number_credited_to_a_source_that_gave_only_words():
    ev = load(WORDED)
    assert "P008" in codes(ev, "According to CoinGlass and CoinAnk, liquidations came to $310 million over 24 hours.")
    ok = "According to a single source, CoinGlass, liquidations came to $310 million over 24 hours; CoinAnk called it a comparable amount."
    assert "P008" not in codes(ev, ok)


def test_a_status_the_numbers_do_not_bear_says_which_sources_gave_only_words():
    body = WORDED.replace("window: 24h,", "window: 24h, status: multi_source,")
    found = refused(body)
    assert found[0].field == "facts[0].status" and "coinank gave words, not a number" in found[0].message, found[0].message


def test_words_that_read_as_a_figure_are_not_quoted_beside_another_figure():
    md = draft("facts:\n" + TOTAL % "}, {source: coinank, reading: hundreds of traders")
    assert "hundreds of traders" not in md  # a count no fact holds; the source keeps its words in the fact file


# --- tickers as written ----------------------------------------------------------------------------------------------


def test_tickers_keep_their_case_and_a_lower_case_ticker_is_caught():
    body = ("facts:\n" + TOTAL % "" +
            "  - {id: st, metric: liquidations, unit: USD, window: 24h, asset: stETH, observations: [{source: coinglass, value: 41M}]}\n"
            "  - {id: vb, metric: onchain_transfer, unit: coins, asset: vBNB, subject: a whale, observations: [{source: lookonchain, value: 12000}]}\n"
            "  - {id: mv, metric: price_change, unit: percent, window: 24h, asset: wBTC, observations: [{source: coinmarketcap, value: -4.2}]}\n")
    md = draft(body)
    assert "stETH" in md and "12,000 vBNB" in md and "wBTC" in md
    assert "StETH" not in md and "WBTC" not in md and "VBNB" not in md  # never capitalised at a sentence's start
    typo = body.replace("asset: stETH", "asset: steth")
    found = refused(typo)
    assert found[0].field == "facts[1].asset" and "with at least one capital" in found[0].message
    assert found[0].line == line_of(typo, "steth")


# --- counts in words, and a value with its words ---------------------------------------------------------------------


def test_dozens_and_hundreds_of_accounts_draft_as_words():
    body = ("facts:\n" + TOTAL % "" +
            "  - {id: acc, metric: liquidated_accounts, unit: count, window: 24h, observations: [{source: coinglass, magnitude: hundreds}]}\n")
    md = draft(body)
    assert "hundreds of accounts" in md, md
    assert load(body).facts["acc"].bounds == (100, 1000)


def test_a_count_word_is_refused_for_money_at_its_field():
    body = "facts:\n" + TOTAL.replace("value: 310M", "magnitude: dozens") % ""
    found = refused(body)
    assert found[0].field == "facts[0].observations[0].magnitude" and "for `unit: count`" in found[0].message


def test_a_value_with_its_words_prints_the_number_and_the_check_reads_either():
    ev = load("facts:\n" + TOTAL % ", magnitude: hundreds_of_millions")
    assert ev.facts["tot"].value == 310_000_000 and ev.facts["tot"].magnitude is None
    assert "$310 million" in draft("facts:\n" + TOTAL % ", magnitude: hundreds_of_millions")
    words = "According to a single source, CoinGlass, liquidations ran to hundreds of millions of dollars over 24 hours."
    assert not {"P001", "P006"} & codes(ev, words)


# --- a zone's level with its hedge, context with a window, a change to its end -------------------------------------

ZONE = ("  - {id: zone, metric: pressure_zone, unit: USD, asset: ETH, side: long, direction: below, price_level: 3000, level_hedge: around,\n"
        "     status: estimate, observations: [{source: hyblock, value: 400M}]}\n")


def test_a_level_keeps_the_sources_hedge_and_the_check_holds_its_value():
    body = "facts:\n" + TOTAL % "" + ZONE
    md = draft(body)
    assert "around $3,000" in md, md
    line = next(x for x in md.splitlines() if "around $3,000" in x)
    assert "P006" in codes(load(body), line.replace("around $3,000", "around $2,500"))


def test_a_level_hedge_needs_a_level():
    body = "facts:\n" + TOTAL % "" + ZONE.replace("price_level: 3000, ", "")
    found = refused(body)
    assert found[0].field == "facts[1].level_hedge" and "has neither" in found[0].message


def test_context_prints_its_window_and_a_window_the_event_lacks_is_refused():
    body = ("facts:\n" + TOTAL % "" +
            "context:\n  - {id: fund, kind: market, text: funding stayed below zero on most venues, window: 12h, sources: [coinglass]}\n")
    assert "funding stayed below zero on most venues over 12 hours" in draft(body).lower()
    closed = "windows: [24h]\n" + body
    found = refused(closed)
    assert found[0].field == "context[0].window" and "not one of the event's windows" in found[0].message


END_ONLY = ("  - {id: lvl, metric: price_level, unit: USD, asset: BTC, observations: [{source: coinmarketcap, value: 90000}]}\n"
            "  - {id: drop, metric: price_change, unit: percent, asset: BTC, window: 24h, change: fall, to_fact: lvl,\n"
            "     observations: [{source: coinmarketcap, value: 5}]}\n")


def test_a_change_that_names_only_its_end_is_told_with_it_and_checked():
    body = "facts:\n" + TOTAL % "" + END_ONLY
    md = draft(body)
    assert "fell 5% to $90,000" in md, md
    line = next(x for x in md.splitlines() if "to $90,000" in x)
    assert "P006" in codes(load(body), line.replace("to $90,000", "to $80,000"))


def test_a_change_that_names_only_its_start_is_refused_at_from_fact():
    body = "facts:\n" + TOTAL % "" + END_ONLY.replace("to_fact: lvl", "from_fact: lvl")
    found = refused(body)
    assert found[0].field == "facts[2].from_fact" and "give `to_fact`" in found[0].message
