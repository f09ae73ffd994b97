"""Regression cases the long fuzz of any-event drafting found on the check's side (linking and the
figure grammar), each written as a small event of our own: it drafts, passes its own check (the
drafter's round trip), and each figure links to the fact it was written from.

bench/fuzz_draft_new_kinds.py runs the generator of tests/test_draft_any_event.py long; the cases
here are the ones it found, kept so they cannot come back.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from draft_support import ROOT
from writer.check import Checker
from writer.check.figures import find_figures
from writer.check.linking import Support, value_match
from writer.factbase.loader import event_from_text, load_registry
from writer.factbase.vocabulary import Status

REGISTRY = load_registry(ROOT / "factbase" / "sources.yaml")


@lru_cache(maxsize=1)
def drafter():
    from writer.draft import Drafter

    return Drafter()  # with the provenance check's round trip: a draft the check rejects raises


@lru_cache(maxsize=1)
def checker():
    return Checker(spacy_pipeline=False)


def event(body: str, eid: str = "case"):
    return event_from_text(f"id: {eid}\nas_of: 2026-12-01T12:00:00+00:00\n{body}", f"{eid}.yaml", REGISTRY)


def links_of(ev, text: str) -> dict[str, str | None]:
    """figure text -> the id of the support it links to (None when unlinked)."""
    out = {}
    for fu, lk, _ in checker().links(text, event=ev):
        out[fu.figure.text] = lk.support.id if lk and lk.support else None
    return out


def drafted_links(ev) -> dict[str, str]:
    """Draft (the round trip must accept it) and give each printed figure's fact, by its text."""
    draft = drafter().draft(ev)
    return {fig["text"]: fig["fact"] for fig in draft.claims["figures"]}


# --- the figure grammar -------------------------------------------------------------------------

@pytest.mark.parametrize("text, unit, lo, hi", [
    ("a transfer of 25,000 yen", "JPY", 25_000, 25_000),  # a currency word after a number without a magnitude
    ("between 40,000 and 52,000 euros", "EUR", 40_000, 52_000),
    ("between 0.41 million and 2.6 million coins", "coins", 410_000, 2_600_000),
    ("between 815,000 and 2.2 million", None, 815_000, 2_200_000),  # the low end written in full: not 815,000 million
    ("between 3 and 12 million", None, 3_000_000, 12_000_000),  # the low end takes the high end's magnitude
    ("7 per hour", "per_hour", 7, 7),
    ("12 resets per day", "per_day", 12, 12),
    ("about 310 per minute to 480 per minute", "per_minute", 310, 480),  # a rate's words after each end
    ("under 90,000 per second to 1.4 million per second", "per_second", 90_000, 1_400_000),
])
def test_the_grammar_reads_units_and_range_ends_the_drafts_print(text, unit, lo, hi):
    (f,) = find_figures(text)
    assert (f.unit, f.lo, f.hi) == (unit, lo, hi), f


def test_dollar_and_percent_forms_are_not_taken_for_rates_or_currency_words():
    assert [f.unit for f in find_figures("$4 million per day")] == ["USD"]
    assert [f.unit for f in find_figures("31 per cent")] == ["percent"]
    assert [f.unit for f in find_figures("2.4 trillion won")] == ["KRW"]


# --- bounds on negative figures -----------------------------------------------------------------

def _support(v):
    return Support("f", "percent", v, v, Status.SINGLE_SOURCE, ("coinglass",), None)


@pytest.mark.parametrize("text, value, expected", [
    ("at least -44%", -43.62, "match"),  # the floor rounded outward
    ("at least -44%", -44.3, "match"),  # rounded to the nearest: within the rounding printed
    ("at least -44%", -47.0, None),  # below the floor: false
    ("at least -44%", -9.0, None),  # true, but a wild understatement
    ("up to -44%", -44.3, "match"),
    ("up to -44%", -43.7, "match"),  # within the rounding
    ("up to -44%", -41.0, None),  # above the ceiling
    ("up to -44%", -120.0, None),
    ("over 44%", 44.3, "match"),  # positive bounds unchanged
    ("over 44%", 43.7, None),
])
def test_a_bound_on_a_negative_figure_is_read_by_sign_within_its_rounding(text, value, expected):
    (f,) = find_figures(text)
    assert value_match(f, _support(value)) == expected


@pytest.mark.parametrize("observed", ["value: -38.61, hedge: at_least", "value: -38.61, hedge: over", "value: -38.61, hedge: up_to",
                                      "value: -38.61, hedge: under", "range: [-41.2, -33.9], hedge: [over, null]",
                                      "range: [-41.2, -33.9], hedge: [null, under]"])
def test_a_negative_figure_with_a_bound_word_drafts_and_passes_its_check(observed):
    ev = event(f"""facts:
  - {{id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{{source: coinglass, value: 410M}}]}}
  - {{id: fr, metric: funding_rate, unit: percent, asset: SOL, window: 1w,
      observations: [{{source: coingecko, {observed}}}]}}
""")
    assert "fr" in drafted_links(ev).values()


def test_a_negative_bound_written_against_the_wrong_fact_is_still_caught():
    ev = event("""facts:
  - {id: fr, metric: funding_rate, unit: percent, asset: SOL, window: 24h, observations: [{source: coingecko, value: -38.61}]}
""")
    codes = {f.code for f in checker().check_text(
        "---\nevent: case\n---\n\nThe SOL funding rate over 24 hours stood at at least -25%, CoinGecko data show.\n", event=ev)}
    assert "P006" in codes


# --- two facts one value fits ----------------------------------------------------------------------

def test_a_figure_in_a_foreign_currency_links_to_the_fact_its_words_describe():
    """A transfer and an earlier peak of the same amount in yuan; the derived long/short ratio fits the
    bare number too. The peak's sentence names neither window nor asset of the transfer."""
    ev = event("""facts:
  - {id: tot, metric: liquidations, unit: USD, window: 12h, observations: [{source: coinglass, value: 950M}]}
  - {id: lng, metric: liquidations, unit: USD, window: 12h, side: long, observations: [{source: coinglass, value: 948M}]}
  - {id: sht, metric: liquidations, unit: USD, window: 12h, side: short, observations: [{source: coinglass, value: 2M}]}
  - {id: moved, metric: onchain_transfer, unit: currency, currency: CNY, asset: ETH, status: pending_verification,
     observations: [{source: coinglass, value: 10000, hedge: roughly}]}
  - {id: peak, metric: historical_liquidations, unit: currency, currency: CNY, window: 24h, subject: Fund_Nine,
     observations: [{source: data-providers, value: 10000, hedge: up_to}]}
""")
    found = drafted_links(ev)
    assert sorted(f for f in found.values() if f in ("moved", "peak")) == ["moved", "peak"]


def test_earlier_peaks_of_overlapping_values_each_link_to_their_own():
    """Three comparison figures with one description whose values overlap: a range, a point inside it
    from another provider, and the same point as a rumour. Each prints with its own attribution and
    the check links each to its own fact."""
    ev = event("""facts:
  - {id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 640M}]}
  - {id: peak_a, metric: historical_liquidations, unit: USD, window: 24h, observations: [{source: coinglass, range: [1.1B, 1.4B]}]}
  - {id: peak_b, metric: historical_liquidations, unit: USD, window: 24h, observations: [{source: coinank, value: 1.3B}]}
  - {id: peak_c, metric: historical_liquidations, unit: USD, window: 24h, status: rumor, observations: [{source: cz, value: 1.3B}]}
""")
    figures = drafter().draft(ev).claims["figures"]
    assert {"peak_a", "peak_b", "peak_c"} <= {f["fact"] for f in figures}


def test_two_speakers_saying_the_same_words_link_to_the_one_named():
    ev = event("""facts:
  - {id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 640M}]}
quotes:
  - {id: relayed, speaker: Some_Desk, words: "We watched $210 million vanish", source: data-providers}
  - {id: direct, speaker: Ana_Trader, words: "We watched $210 million vanish"}
""")
    text = "---\nevent: case\n---\n\nAna\\_Trader said: “We watched $210 million vanish”.\n"
    assert links_of(ev, text)["$210 million"] == "quote:direct"
    drafter().draft(ev)  # and both quotes draft through the check


def test_a_ranged_rate_with_a_bound_on_its_low_end_drafts_and_passes():
    ev = event("""facts:
  - {id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 640M}]}
  - {id: pace, metric: rate, unit: per_second, subject: a market maker, status: rumor,
     observations: [{source: cz, range: [512000, 1330000], hedge: [under, null]}]}
  - {id: pace2, metric: rate, unit: per_minute, subject: the liquidation engine, status: rumor,
     observations: [{source: whale-alert, range: [310, 480], hedge: roughly}]}
""")
    found = drafted_links(ev)
    assert {"pace", "pace2"} <= set(found.values())
