"""The kinds of statement real reporting needs (issue 9 item 1): load, reconcile, derive, consistency, located errors.

Every kind has a case that loads and keeps what the source said, and where it
can be misused, a case that is refused with a located message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from writer.errors import InputError
from writer.factbase import Status, load_registry
from writer.factbase.derive import share
from writer.factbase.loader import event_from_text
from writer.factbase.vocabulary import Hedge, HedgeKind, Magnitude, weakest

REGISTRY = load_registry(Path(__file__).parent / "broken" / "sources.yaml")

HEAD = """id: kinds-case
as_of: 2026-11-17T09:00:00+08:00
period:
  start: 2026-11-16T09:00:00+08:00
  end: 2026-11-17T09:00:00+08:00
windows: [24h]
facts:
"""


def fact(fid: str, observations: str, *, metric: str = "liquidations", unit: str = "USD", extra: str = "") -> str:
    return f"  - id: {fid}\n    metric: {metric}\n    unit: {unit}\n    window: 24h\n{extra}    observations:\n{observations}"


def obs(source: str, body: str) -> str:
    lines = [f"      - source: {source}"] + [f"        {line}" for line in body.strip().splitlines()]
    return "\n".join(lines) + "\n"


def load(text: str):
    return event_from_text(text, "case.yaml", REGISTRY)


def problems(text: str) -> list:
    with pytest.raises(InputError) as info:
        load(text)
    return info.value.problems


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


# --- the order of strength ----------------------------------------------------------


def test_unnamed_group_sits_between_one_named_source_and_a_dispute():
    assert weakest([Status.SINGLE_SOURCE, Status.UNNAMED_GROUP]) is Status.UNNAMED_GROUP
    assert weakest([Status.UNNAMED_GROUP, Status.DISPUTED]) is Status.DISPUTED
    assert weakest([Status.MULTI_SOURCE, Status.UNNAMED_GROUP]) is Status.UNNAMED_GROUP
    strengths = [s.strength for s in Status]
    assert len(set(strengths)) == len(strengths), "every status has its own rank"


# --- hedges ---------------------------------------------------------------------------


@pytest.mark.parametrize("word, kind", [("about", HedgeKind.APPROX), ("nearly", HedgeKind.APPROX), ("close_to", HedgeKind.APPROX),
                                        ("over", HedgeKind.FLOOR), ("more_than", HedgeKind.FLOOR),
                                        ("up_to", HedgeKind.CEILING), ("as_much_as", HedgeKind.CEILING)])
def test_a_source_hedge_is_kept_per_observation_and_on_the_figure(word, kind):
    event = load(HEAD + fact("total", obs("coinglass", f"value: 427M\nhedge: {word}")))
    f = event.facts["total"]
    assert f.hedge is Hedge(word) and f.hedge.kind is kind
    assert f.observations[0].hedge is Hedge(word)
    assert f.value == 427e6  # the number stays the number the source gave


def test_a_floor_opens_the_top_for_consistency_checks():
    # "over $400 million" in total, $420 million of longs: no contradiction, a floor has no top.
    text = HEAD + fact("total", obs("coinglass", "value: 400M\nhedge: over")) + fact("long", obs("coinglass", "value: 420M"), extra="    side: long\n")
    event = load(text)
    assert event.facts["total"].limits == (400e6, float("inf"))


def test_a_ceiling_still_bounds_its_parts():
    text = HEAD + fact("total", obs("coinglass", "value: 400M\nhedge: up_to")) + fact("long", obs("coinglass", "value: 450M"), extra="    side: long\n")
    found = problems(text)
    assert any("is larger than the total" in p.message for p in found)


def test_a_range_whose_ends_differ_in_kind():
    event = load(HEAD + fact("accounts", obs("coinglass", "range: [200000, 430000]\nhedge: [over, null]"), metric="liquidated_accounts", unit="count"))
    f = event.facts["accounts"]
    assert f.range == (200000, 430000)
    assert f.hedge == (Hedge.OVER, None)
    assert f.limits == (200000, 430000)


def test_a_pair_of_hedges_on_a_single_value_is_refused_where_it_is_written():
    text = HEAD + fact("total", obs("coinglass", "value: 400M\nhedge: [over, null]"))
    found = problems(text)
    assert found[0].field == "facts[0].observations[0]" and "pair of hedges" in found[0].message


def test_an_exact_figure_beside_a_floor_is_the_point_and_they_agree():
    text = HEAD + fact("total", obs("coinglass", "value: 400M\nhedge: over") + obs("coinank", "value: 427M"))
    f = load(text).facts["total"]
    assert f.status is Status.MULTI_SOURCE and f.value == 427e6 and f.hedge is None


def test_mixed_approximate_and_exact_figures_read_about():
    text = HEAD + fact("total", obs("coinglass", "value: 427M\nhedge: around") + obs("coinank", "value: 428M"))
    assert load(text).facts["total"].hedge is Hedge.ABOUT


def test_derived_share_of_approximate_inputs_is_approximate_and_floors_are_not_derived():
    text = (HEAD + fact("total", obs("coinglass", "value: 427M")) + fact("long", obs("coinglass", "value: 342M\nhedge: around"), extra="    side: long\n")
            + fact("short", obs("coinglass", "value: 80M\nhedge: over"), extra="    side: short\n"))
    event = load(text)
    assert event.derived["long.share_of.total"].hedge is Hedge.ABOUT
    assert "short.share_of.total" not in event.derived
    assert any("only a floor or a ceiling" in n for n in event.derivation_notes)


# --- vague magnitudes ------------------------------------------------------------------


def test_a_vague_magnitude_is_stored_as_words_not_as_a_range():
    event = load(HEAD + fact("largest", obs("coinglass", "magnitude: several_million"), metric="largest_single_liquidation"))
    f = event.facts["largest"]
    assert f.magnitude is Magnitude.SEVERAL_MILLION
    assert f.value is None and f.range is None  # nothing invented
    assert f.bounds == (2e6, 1e7)  # how the words read, for consistency and linking only


def test_a_magnitude_is_never_derived_from():
    text = HEAD + fact("total", obs("coinglass", "value: 400M")) + fact("long", obs("coinglass", "magnitude: hundreds_of_millions"), extra="    side: long\n")
    event = load(text)
    assert "long.share_of.total" not in event.derived
    with pytest.raises(Exception, match="vague magnitude"):
        share(event.facts["long"], event.facts["total"])


def test_a_magnitude_above_its_total_is_a_contradiction():
    text = HEAD + fact("total", obs("coinglass", "value: 5M")) + fact("btc", obs("coinglass", "magnitude: tens_of_millions"), extra="    asset: BTC\n")
    assert any("per-asset" in p.message for p in problems(text))


def test_sources_giving_different_magnitudes_are_refused():
    text = HEAD + fact("btc", obs("coinglass", "magnitude: tens_of_millions") + obs("coinank", "magnitude: several_million"))
    assert "different magnitudes" in problems(text)[0].message


def test_a_magnitude_is_refused_for_a_percent():
    """"tens of millions" scales an amount or a count: a percent in those words reads as nothing a source prints
    (the drafter printed "open interest rose tens of millions", which the check could not link: P001). A percent's
    number is given as `value` or `range`; the same words on money still load."""
    found = problems(HEAD + fact("oi", obs("coinglass", "magnitude: tens_of_millions"), metric="open_interest_change", unit="percent"))
    assert "not of a percent" in found[0].message and found[0].field.endswith("magnitude"), found[0]
    held = problems(HEAD + fact("oi", obs("coinglass", "magnitude: several_thousand\nvalue: 2500"), metric="open_interest_change", unit="percent"))
    assert "not of a percent" in held[0].message
    assert load(HEAD + fact("oi", obs("coinglass", "magnitude: tens_of_millions"), metric="open_interest_change")).facts["oi"].magnitude


def test_a_value_may_carry_the_words_that_hold_it_and_the_value_is_the_figure():
    """A report giving words and a number together ("tens of millions of dollars, $20 million"): both kept, the number
    printed; words that do not hold the number are refused at `magnitude`, with both spans."""
    f = load(HEAD + fact("btc", obs("coinglass", "magnitude: tens_of_millions\nvalue: 20M"))).facts["btc"]
    assert f.value == 20_000_000 and f.magnitude is None and f.observations[0].words.value == "tens_of_millions"
    found = problems(HEAD + fact("btc", obs("coinglass", "magnitude: hundreds_of_millions\nvalue: 20M")))
    assert "do not hold the value 20,000,000" in found[0].message and found[0].field.endswith("magnitude"), found[0]
    with_range = problems(HEAD + fact("btc", obs("coinglass", "magnitude: tens_of_millions\nrange: [20M, 30M]")))
    assert "not `range` and `magnitude`" in with_range[0].message


# --- unnamed groups and spreads ------------------------------------------------------------


def test_an_unnamed_group_is_its_own_provenance():
    f = load(HEAD + fact("total", obs("providers", "value: 900M"))).facts["total"]
    assert f.status is Status.UNNAMED_GROUP


def test_an_unnamed_group_cannot_be_called_single_source():
    text = HEAD + fact("total", obs("providers", "value: 900M"), extra="    status: single_source\n")
    found = problems(text)
    assert found[0].field == "facts[0].status" and "unnamed group" in found[0].message


def test_a_named_source_beside_a_group_is_not_multi_source():
    text = HEAD + fact("total", obs("providers", "value: 900M") + obs("coinglass", "value: 901M"))
    assert load(text).facts["total"].status is Status.UNNAMED_GROUP
    text = HEAD + fact("total", obs("providers", "value: 900M") + obs("coinglass", "value: 901M"), extra="    status: multi_source\n")
    assert "named sources" in problems(text)[0].message


def test_a_spread_between_platforms_is_disputed_without_per_platform_values():
    f = load(HEAD + fact("total", obs("platforms", "range: [150M, 190M]\nspread: true"))).facts["total"]
    assert f.status is Status.DISPUTED and f.range == (150e6, 190e6) and f.sources == ("platforms",)
    explicit = load(HEAD + fact("total", obs("platforms", "range: [150M, 190M]\nspread: true"), extra="    status: disputed\n")).facts["total"]
    assert explicit.status is Status.DISPUTED


def test_a_spread_from_one_named_source_is_refused():
    text = HEAD + fact("total", obs("coinglass", "range: [150M, 190M]\nspread: true"))
    found = problems(text)
    assert found[0].field == "facts[0].observations[0].spread" and found[0].line == line_of(text, "spread: true")


def test_an_average_as_the_report_gives_it_is_kept_and_checked_against_its_figures():
    text = HEAD + fact("total", obs("coinglass", "value: 828M") + obs("coinank", "value: 974M"), extra="    average:\n      value: 900M\n      hedge: close_to\n")
    f = load(text).facts["total"]
    assert f.status is Status.DISPUTED and f.average == (900e6, Hedge.CLOSE_TO, None)
    bad = HEAD + fact("total", obs("coinglass", "value: 828M") + obs("coinank", "value: 974M"), extra="    average:\n      value: 2B\n")
    assert problems(bad)[0].field == "facts[0].average.value"


# --- several assets and venues ------------------------------------------------------------------


def test_several_assets_and_venues_counted_together():
    text = HEAD + fact("pair", obs("coinglass", "value: 300M"), extra="    assets: [BTC, ETH]\n    venues: [binance, binance2]\n")
    found = problems(text)
    assert found[0].field == "facts[0].venues[1]" and "binance2" in found[0].message
    event = load(HEAD + fact("pair", obs("coinglass", "value: 300M"), extra="    assets: [BTC, ETH]\n"))
    assert event.facts["pair"].assets == ("BTC", "ETH") and event.facts["pair"].asset is None


def test_a_multi_asset_figure_is_not_added_to_single_asset_parts():
    text = (HEAD + fact("total", obs("coinglass", "value: 400M")) + fact("btc", obs("coinglass", "value: 300M"), extra="    asset: BTC\n")
            + fact("both", obs("coinglass", "value: 380M"), extra="    assets: [BTC, ETH]\n"))
    load(text)  # 300 + 380 would exceed 400 if the pair were counted as a part


# --- statements without a number ---------------------------------------------------------------


def test_statements_without_a_number_keep_their_provenance():
    text = HEAD + fact("dominance", obs("coinglass", "reading: the vast majority"), metric="dominance", unit="none", extra="    side: long\n")
    text += fact("fear", obs("coinmarketcap", "reading: Extreme Fear"), metric="sentiment_index", unit="index")
    event = load(text)
    d = event.facts["dominance"]
    assert d.status is Status.SINGLE_SOURCE and d.reading == "the vast majority" and d.bounds is None
    assert event.facts["fear"].reading == "Extreme Fear" and event.facts["fear"].value is None
    assert event.derived == {}


def test_a_number_under_unit_none_is_refused():
    text = HEAD + fact("dominance", obs("coinglass", "value: 90"), metric="dominance", unit="none")
    assert "unit 'none'" in problems(text)[0].message


# --- changes with a direction, and quantities that cannot be negative ------------------------------


def test_a_fall_is_a_positive_amount_with_a_direction():
    event = load(HEAD + fact("cap", obs("coinmarketcap", "value: 60B"), metric="market_cap_change", extra="    change: fall\n"))
    assert event.facts["cap"].change == "fall" and event.facts["cap"].value == 60e9


@pytest.mark.parametrize("value", ["-80580000", "-80.58M", '"-$80.58 million"'])
def test_a_negative_liquidation_is_refused(value):
    text = HEAD + fact("total", obs("coinglass", f"value: {value}"))
    found = problems(text)
    assert "cannot be negative" in found[0].message, found


def test_a_negative_amount_with_a_change_direction_is_refused():
    text = HEAD + fact("cap", obs("coinmarketcap", "value: -60B"), metric="market_cap_change", extra="    change: fall\n")
    assert "direction is in `change`" in problems(text)[0].message


def test_a_signed_change_without_direction_still_loads():
    # Files written before `change` existed keep working.
    event = load(HEAD + fact("btc", obs("coinmarketcap", "value: -3.4"), metric="price_change", unit="percent"))
    assert event.facts["btc"].value == -3.4


def test_change_must_fit_the_metric():
    assert "does not fit metric" in problems(HEAD + fact("flow", obs("coinmarketcap", "value: 1M"), metric="fund_flow", extra="    change: fall\n"))[0].message
    assert "is for changes" in problems(HEAD + fact("t", obs("coinglass", "value: 1M"), extra="    change: fall\n"))[0].message


# --- paraphrase, caveats, dates, revisions -----------------------------------------------------


def test_a_paraphrased_view_sits_beside_verbatim_quotes():
    text = HEAD + fact("total", obs("coinglass", "value: 1M")) + """quotes:
  - id: verbatim
    speaker: A. Analyst
    words: Leverage was the story
  - id: view
    speaker: QCP Capital
    paraphrase: true
    words: the options market signalled the move
"""
    event = load(text)
    assert [q.paraphrase for q in event.quotes] == [False, True]


def test_an_event_caveat_is_kept_with_its_sources():
    text = HEAD + fact("total", obs("coinglass", "value: 1M")) + "caveats:\n  - id: platforms\n    text: platforms count different venues\n    sources: [platforms]\n"
    event = load(text)
    assert event.caveats[0].text == "platforms count different venues" and event.caveats[0].sources == ("platforms",)
    bad = text.replace("sources: [platforms]", "sources: [nobody]")
    assert problems(bad)[0].field == "caveats[0].sources[0]"


def test_dates_without_a_time_and_approximate_times():
    text = HEAD.replace("as_of: 2026-11-17T09:00:00+08:00", "as_of: 2026-11-17\nas_of_approximate: true") + fact(
        "total", obs("coinglass", "value: 1M\nas_of: 2026-11-16"))
    event = load(text)
    assert event.as_of is None and str(event.as_of_date) == "2026-11-17" and event.as_of_approximate
    o = event.facts["total"].observations[0]
    assert o.as_of is None and str(o.as_of_date) == "2026-11-16"


def test_an_event_without_any_date_says_so_explicitly():
    text = HEAD.replace("as_of: 2026-11-17T09:00:00+08:00", "as_of: null") + fact("total", obs("coinglass", "value: 1M"))
    assert load(text).as_of_date is None
    missing = HEAD.replace("as_of: 2026-11-17T09:00:00+08:00\n", "") + fact("total", obs("coinglass", "value: 1M"))
    assert problems(missing)[0].field == "as_of"


def test_a_date_outside_the_period_is_refused_but_a_neighbouring_day_is_not():
    ok = HEAD + fact("total", obs("coinglass", "value: 1M\nas_of: 2026-11-18"))
    load(ok)  # the day after, in some time zone still inside the period
    bad = HEAD + fact("total", obs("coinglass", "value: 1M\nas_of: 2026-11-20"))
    assert "outside the event period" in problems(bad)[0].message


def test_a_revision_is_kept_with_its_time_and_must_be_older():
    body = "value: 61.4M\nas_of: 2026-11-17T08:00:00+08:00\nrevisions:\n  - value: 58.9M\n    as_of: 2026-11-17T06:00:00+08:00\n    note: first figure"
    f = load(HEAD + fact("binance", obs("coinglass", body))).facts["binance"]
    assert f.value == 61.4e6  # the current figure is the one reconciled
    r = f.observations[0].revisions[0]
    assert r.value == 58.9e6 and r.as_of.hour == 6 and r.note == "first figure"
    later = body.replace("06:00:00", "08:30:00")
    text = HEAD + fact("binance", obs("coinglass", later))
    found = problems(text)
    assert found[0].field == "facts[0].observations[0].revisions[0].as_of" and "not earlier" in found[0].message


def test_a_revision_needs_the_time_of_the_figure_that_supersedes_it():
    body = "value: 61.4M\nrevisions:\n  - value: 58.9M\n    as_of: 2026-11-17T06:00:00+08:00"
    assert "needs its own `as_of`" in problems(HEAD + fact("binance", obs("coinglass", body)))[0].message


def test_a_magnitude_against_a_number_it_contradicts_is_refused_not_made_a_range():
    text = HEAD + fact("btc", obs("coinglass", "value: 500M") + obs("coinank", "magnitude: tens_of_millions"))
    assert "cannot be made from words" in problems(text)[0].message
    agreeing = load(HEAD + fact("btc", obs("coinglass", "value: 50M") + obs("coinank", "magnitude: tens_of_millions"))).facts["btc"]
    assert agreeing.value == 50e6 and agreeing.range is None and agreeing.magnitude is None
    assert agreeing.bounds == (50e6, 50e6)  # the words' reading never widens a number's envelope


def test_context_and_quotes_from_an_unnamed_group_are_never_single_source():
    text = HEAD + fact("total", obs("coinglass", "value: 1M")) + """context:
  - id: claim
    text: the providers see funding turning negative
    sources: [providers]
quotes:
  - id: view
    speaker: a desk analyst
    paraphrase: true
    words: leverage had built up for weeks
    source: providers
"""
    event = load(text)
    assert event.context[0].status is Status.UNNAMED_GROUP and event.quotes[0].status is Status.UNNAMED_GROUP
    bad = text.replace("    sources: [providers]\n", "    sources: [providers]\n    status: single_source\n")
    assert "unnamed group" in problems(bad)[0].message
