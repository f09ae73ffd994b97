"""Figures real stories print that the fact model lacked (issue 10, the fact audit's schema limits).

A venue's share of open interest or of volume (`open_interest_share`, `volume_share`), a figure that holds for
each of several venues or assets (`each: true`), macro figures (`policy_rate`, `implied_probability`,
`inflation_rate`, `tariff_rate`), and unit messages that name the metric that takes the unit. Each kind: it
loads, it is refused with a located message where it can be misused, a draft holding it passes its own
provenance check, the check flags the figure changed and a near-miss wording of it.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from test_draft_any_event import SETTINGS, VENUES, fact as any_fact, load_generated
from test_factbase_kinds import HEAD, REGISTRY, line_of, problems
from writer.factbase.loader import event_from_text
from writer.factbase.records import Source
from writer.factbase.vocabulary import METRICS, PERCENT_OF_WHOLE, SUBJECT_METRICS, SourceKind, Unit

PERCENT_METRICS = ("open_interest_share", "volume_share", "policy_rate", "implied_probability", "inflation_rate", "tariff_rate")
NEW_METRICS = (*PERCENT_METRICS, "event_count")
OKX = Source("okx", "OKX", SourceKind.EXCHANGE)


def registry():
    return replace(REGISTRY, sources={**REGISTRY.sources, OKX.id: OKX})


def load(text: str):
    return event_from_text(text, "case.yaml", registry())


def figure(fid: str, metric: str, body: str, source: str = "coinglass", extra: str = "") -> str:
    lines = "".join(f"        {line}\n" for line in body.strip().splitlines())
    return f"  - id: {fid}\n    metric: {metric}\n    unit: percent\n{extra}    observations:\n      - source: {source}\n{lines}"


TOTAL = "  - id: total\n    metric: liquidations\n    unit: USD\n    window: 24h\n    observations:\n      - source: coinglass\n        value: 420M\n"


@pytest.fixture(scope="module")
def checked_drafter():
    from writer.draft import Drafter

    return Drafter(run_check=True)


def findings(text: str, event) -> set[str]:
    from writer.check import Checker

    return {f.code for f in Checker().check_text(text, event=event)}


# --- the vocabulary -------------------------------------------------------------------------------


def test_the_new_metrics_units_and_what_must_say_of_what():
    assert all(METRICS[m][0] == (Unit.PERCENT,) for m in PERCENT_METRICS) and METRICS["event_count"][0] == (Unit.COUNT,)
    assert PERCENT_OF_WHOLE == {"open_interest_share", "volume_share", "implied_probability", "trader_share"}
    assert {"implied_probability", "event_count"} <= SUBJECT_METRICS


@pytest.mark.parametrize("metric, extra, value, shown", [
    ("open_interest_share", "    venue: binance\n    asset: BTC\n", "value: 38", 38),
    ("volume_share", "    venue: okx\n", "value: 21.4", 21.4),
    ("policy_rate", "    subject: the central bank\n", "range: [5.25, 5.5]", (5.25, 5.5)),
    ("implied_probability", "    subject: a rate cut in December\n", "value: 90", 90),
    ("inflation_rate", "    window: 1mo\n", "value: 3.2", 3.2),
    ("tariff_rate", "    subject: imported steel\n", "value: 100", 100)])
def test_each_new_metric_loads_as_the_report_gives_it(metric, extra, value, shown):
    f = load(HEAD.replace("[24h]", "[24h, 1mo]") + figure("x", metric, value, extra=extra)).facts["x"]
    assert f.metric == metric and (f.range if isinstance(shown, tuple) else f.value) == shown


@pytest.mark.parametrize("metric, value, said", [("open_interest_share", "138", "0 to 100"), ("volume_share", "-4", "cannot be negative"),
                                                 ("implied_probability", "104", "0 to 100")])
def test_a_share_or_probability_outside_0_to_100_is_refused_at_its_value(metric, value, said):
    extra = "    subject: a cut\n" if metric in SUBJECT_METRICS else ""
    text = HEAD + figure("x", metric, f"value: {value}", extra=extra)
    [p] = problems(text)
    assert p.field == "facts[0].observations[0].value" and p.line == line_of(text, f"value: {value}")
    assert said in p.message


def test_a_probability_without_what_it_is_of_is_refused_at_the_metric():
    text = HEAD + figure("x", "implied_probability", "value: 90")
    [p] = problems(text)
    assert p.field == "facts[0].metric" and p.line == line_of(text, "metric: implied_probability") and "subject" in p.message


def test_a_count_of_events_without_what_it_counts_is_refused_at_the_metric():
    text = HEAD + figure("x", "event_count", "value: 2").replace("unit: percent", "unit: count")
    [p] = problems(text)
    assert p.field == "facts[0].metric" and p.line == line_of(text, "metric: event_count") and "subject" in p.message


def test_a_policy_rate_in_dollars_is_refused_at_the_unit():
    text = HEAD + figure("x", "policy_rate", "value: 5").replace("unit: percent", "unit: USD")
    [p] = problems(text)
    assert p.field == "facts[0].unit" and p.line == line_of(text, "unit: USD")


# --- unit messages name the metric that takes the unit ----------------------------------------------


@pytest.mark.parametrize("metric, unit, named", [
    ("dominance", "percent", ["'liquidation_share'", "'open_interest_share'", "'volume_share'"]),
    ("open_interest", "percent", ["'open_interest_change'", "'open_interest_share'"]),
    ("volume", "percent", ["'volume_change'", "'volume_share'"]),
    ("liquidation_share", "USD", ["'liquidations'"])])
def test_a_unit_the_metric_does_not_take_names_the_metric_that_does(metric, unit, named):
    text = HEAD + figure("x", metric, "value: 38").replace("unit: percent", f"unit: {unit}")
    [p] = [p for p in problems(text) if p.field == "facts[0].unit"]
    assert p.line == line_of(text, f"unit: {unit}")
    assert f"for a figure in {unit}, use metric" in p.message and all(n in p.message for n in named)


def test_open_interest_in_coins_loads():
    text = HEAD + figure("x", "open_interest", "value: 310000", extra="    asset: BTC\n").replace("unit: percent", "unit: coins")
    assert load(text).facts["x"].unit == "coins"


def test_a_unit_with_no_other_home_gets_no_hint():
    text = HEAD + figure("x", "supply", "value: 3").replace("unit: percent", "unit: ratio")
    [p] = [p for p in problems(text) if p.field == "facts[0].unit"]
    assert "use metric" not in p.message


# --- each of several venues or assets ------------------------------------------------------------------


EACH = "    side: long\n    venues: [binance, okx]\n    each: true\n"


def test_each_loads_and_facts_show_says_it():
    from writer.factbase.export import event_record, facts_table

    event = load(HEAD + figure("x", "liquidation_share", "value: 90\nhedge: over", extra=EACH))
    f = event.facts["x"]
    assert f.each and f.venues == ("binance", "okx")
    assert event_record(event)["facts"][0]["each"] is True
    assert "each one" in facts_table(event)


def test_each_without_several_venues_or_assets_is_refused_at_each():
    text = HEAD + figure("x", "liquidation_share", "value: 90", extra="    venue: binance\n    each: true\n")
    [p] = problems(text)
    assert p.field == "facts[0].each" and p.line == line_of(text, "each: true") and "venues" in p.message


def test_figures_each_venue_shows_are_no_parts_of_a_total():
    """Two venues' long liquidations of $300 million each are no sum of $600 million against a $420 million total."""
    text = HEAD + TOTAL + ("  - id: each_longs\n    metric: liquidations\n    unit: USD\n    window: 24h\n    side: long\n"
                           "    venues: [binance, okx]\n    each: true\n    observations:\n      - source: coinglass\n        value: 300M\n")
    assert load(text).facts["each_longs"].each  # no consistency finding: the side of each venue is not the market's side


# --- drafting and the check ------------------------------------------------------------------------------------


CASES = {
    "open_interest_share": (figure("x", "open_interest_share", "value: 38", extra="    venue: binance\n    asset: BTC\n"),
                            "the share of BTC open interest on Binance stood at 38%", "38%", "48%"),
    "volume_share": (figure("x", "volume_share", "value: 21", extra="    venue: okx\n"),
                     "the share of trading volume on OKX stood at 21%", "21%", "31%"),
    "policy_rate": (figure("x", "policy_rate", "range: [5.25, 5.5]", source="coinmarketcap", extra="    subject: the central bank\n"),
                    "the policy rate of the central bank stood at between 5.25% and 5.5%", "between 5.25% and 5.5%", "between 4.25% and 4.5%"),
    "implied_probability": (figure("x", "implied_probability", "value: 87.4", source="coinmarketcap", extra="    subject: a rate cut in December\n"),
                            "the market-implied probability of a rate cut in December stood at 87.4%", "87.4%", "77.4%"),
    "inflation_rate": (figure("x", "inflation_rate", "value: 2.75", source="coinmarketcap", extra="    subject: consumer prices\n"),
                       "the inflation rate for consumer prices stood at 2.75%", "2.75%", "3.75%"),
    "tariff_rate": (figure("x", "tariff_rate", "value: 100", source="coinmarketcap", extra="    subject: imported steel\n"),
                    "the tariff rate on imported steel stood at 100%", "100%", "150%"),
    "event_count": (figure("x", "event_count", "value: 3", source="coinmarketcap", extra="    subject: rate cuts priced in for next year\n")
                    .replace("unit: percent", "unit: count"), "the number of rate cuts priced in for next year stood at 3", "3", "5"),
    "each": (figure("x", "liquidation_share", "value: 90\nhedge: over", extra=EACH),
             "made up over 90% of the liquidations on each of Binance and OKX", "over 90%", "over 95%"),
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_a_draft_prints_the_figure_passes_its_own_check_and_the_check_flags_it_changed(checked_drafter, kind):
    body, printed, figure_text, changed = CASES[kind]
    event = load(HEAD + TOTAL + body)
    draft = checked_drafter.draft(event, facts_path="case.yaml")  # raises DraftError when its own check refuses it
    assert printed in draft.markdown.replace("Long positions", "long positions")
    assert any(c["fact"] == "x" for c in draft.claims["figures"])
    assert not findings(draft.markdown, event) - {"P013"}
    # contradicts its fact (P006), or, a floor moved out of reach of every fact, fits none (P001)
    assert findings(draft.markdown.replace(printed, printed.replace(figure_text, changed)), event) & {"P006", "P001"}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_the_figure_without_its_attribution_is_flagged(checked_drafter, kind):
    """The near miss every single-source figure has: the sentence printed without naming its source."""
    body, printed, _, _ = CASES[kind]
    event = load(HEAD + TOTAL + body)
    md = checked_drafter.draft(event, facts_path="case.yaml").markdown
    line = next(line for line in md.splitlines() if printed in line.replace("Long positions", "long positions"))
    bare = f"In other figures, {printed}."
    assert "P002" in findings(md.replace(line, bare), event)


def test_a_policy_range_printed_as_one_rate_is_flagged_as_a_collapsed_range(checked_drafter):
    body, printed, figure_text, _ = CASES["policy_rate"]
    event = load(HEAD + TOTAL + body)
    md = checked_drafter.draft(event, facts_path="case.yaml").markdown
    assert "P005" in findings(md.replace(figure_text, "5.25%"), event)
    from writer.check import Checker

    [p005] = [f for f in Checker().check_text(md.replace(figure_text, "5.25%"), event=event) if f.code == "P005"]
    assert "5.25 to 5.5" in p005.message  # the fact's ends as held, not rounded to whole numbers


@pytest.mark.parametrize("fact_each, wording, flagged", [
    (True, "made up over 90% of the liquidations on Binance and OKX combined", True),
    (True, "made up over 90% of the liquidations on Binance and OKX altogether", True),
    (True, "made up over 90% of the liquidations on every one of Binance and OKX, each", False),
    (False, "made up over 90% of the liquidations on each of Binance and OKX", True),
    (False, "made up over 90% of the liquidations on Binance and OKX together", False)])
def test_words_that_count_the_venues_the_other_way_are_flagged(checked_drafter, fact_each, wording, flagged):
    """A figure each venue shows printed as their sum ("combined"), or a sum printed as each venue's ("on each of")."""
    body = CASES["each"][0] if fact_each else CASES["each"][0].replace("    each: true\n", "")
    event = load(HEAD + TOTAL + body)
    md = checked_drafter.draft(event, facts_path="case.yaml").markdown
    drafted = next(line for line in md.splitlines() if "90%" in line)
    edited = md.replace(drafted, f"On single-source data from CoinGlass, long positions {wording}.")
    assert ("P012" in findings(edited, event)) is flagged


def test_a_share_of_each_venue_is_not_read_as_the_market_split(checked_drafter):
    """Over 90% longs on each of two venues says nothing of the whole market's split: no one-sided commentary."""
    event = load(HEAD + TOTAL + CASES["each"][0])
    md = checked_drafter.draft(event, facts_path="case.yaml").markdown
    assert "split this uneven" not in md


# --- the property: any valid event holding a new kind drafts and passes its own check --------------------------


@st.composite
def events_with_a_new_kind(draw):
    metric = draw(st.sampled_from(NEW_METRICS + ("liquidation_share",)))
    nk = draw(any_fact("nk", metric))
    if metric in ("liquidation_share", "open_interest_share", "volume_share") and draw(st.booleans()):
        # a share on each of several venues or assets ("over 90% on each platform"), the property's own corner
        for key in ("asset", "venue", "contract", "venues", "assets"):
            nk.pop(key, None)
        several = ("venues", VENUES) if draw(st.booleans()) else ("assets", ["BTC", "ETH", "SOL"])
        nk[several[0]], nk["each"] = draw(st.lists(st.sampled_from(several[1]), min_size=2, max_size=3, unique=True)), True
    facts = [nk] + [draw(any_fact(f"f{i}")) for i in range(draw(st.integers(0, 3)))]
    return load_generated({"id": f"nk-{draw(st.integers(0, 10**6))}", "as_of": "2026-11-17T09:00:00+08:00", "facts": facts})


@SETTINGS
@given(events_with_a_new_kind())
def test_any_valid_event_with_a_new_kind_drafts_and_passes_its_own_check(event):
    from test_draft_any_event import test_every_valid_event_drafts_and_passes_its_own_check as every_event

    assert event.facts["nk"].metric in (*NEW_METRICS, "liquidation_share")
    every_event.hypothesis.inner_test(event)


@pytest.mark.parametrize("sentence, unit", [
    ("The number of rate cuts priced in stood at 3.", "count"),  # events counted: "rate cuts" is no rate
    ("The tally of rate hikes this year stands at 2.", "count"),
    ("The borrow rate was 0.02.", "percent"),  # a rate printed with no unit is still a percentage
    ("Funding on the venue ran high at 0.0712.", "percent")])
def test_the_check_reads_a_count_of_rate_moves_as_a_count_and_a_bare_rate_as_a_percentage(sentence, unit):
    from writer.check.figures import find_figures

    [fig] = find_figures(sentence)
    assert fig.unit == unit


@pytest.mark.parametrize("metric, unit, subject, printed", [
    ("event_count", "count", "halts of OKX withdrawals", "the number of halts of OKX withdrawals stood at 2"),
    ("event_count", "count", "Binance Futures outages", "the number of Binance Futures outages stood at 2"),
    ("implied_probability", "percent", "a Binance listing", "the market-implied probability of a Binance listing stood at 2%"),
    ("policy_rate", "percent", "the OKX lending desk", "the policy rate of the OKX lending desk stood at 2%"),
    ("tariff_rate", "percent", "Binance imports", "the tariff rate on Binance imports stood at 2%")])
def test_a_subject_naming_an_exchange_is_what_the_figure_is_of_not_its_source(checked_drafter, metric, unit, subject, printed):
    """"the number of halts of OKX withdrawals", "the probability of a Binance listing": the exchange is what the figure is
    about, not a source the sentence credits (P008); "according to OKX" before it still is."""
    body = figure("x", metric, "value: 2", extra=f"    subject: {subject}\n").replace("unit: percent", f"unit: {unit}")
    event = load(HEAD + TOTAL + body)
    md = checked_drafter.draft(event, facts_path="case.yaml").markdown  # raises DraftError on P008
    assert printed in md
    assert "P008" in findings(md.replace(printed, f"according to OKX, {printed}"), event)
