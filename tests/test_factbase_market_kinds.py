"""Figures of the wider market that real stories print (issue 10 item 1, the fact audit's schema limits).

A change in traded volume (`volume_change`) and a figure a statistics agency or a central bank publishes
about itself (source kind `official_statistics`, so the figure can be `official`). Each: it loads and keeps
what the report said, it is refused with a located message where it can be misused, `writer facts show`
shows it, and a draft of an event holding it passes its own provenance check.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from test_draft_any_event import SETTINGS, fact as any_fact, load_generated
from test_factbase_kinds import HEAD, REGISTRY, fact, line_of, load, obs, problems
from writer.factbase.export import event_record
from writer.factbase.vocabulary import CHANGE_METRICS, METRICS, SIGNED_METRICS, Unit


@pytest.fixture(scope="module")
def checked_drafter():
    from writer.draft import Drafter

    return Drafter(run_check=True)


# --- a change in traded volume ------------------------------------------------------------------


def volume_change(value: str, unit: str = "percent", extra: str = "    change: rise\n") -> str:
    return fact("vol_change", obs("coinglass", f"value: {value}"), metric="volume_change", unit=unit, extra=extra)


def volume(fid: str, value: str) -> str:
    return fact(fid, obs("coinglass", f"value: {value}"), metric="volume")


def test_volume_change_is_a_change_metric_in_percent_or_dollars():
    assert METRICS["volume_change"][0] == (Unit.PERCENT, Unit.USD)
    assert "volume_change" in CHANGE_METRICS and "volume_change" in SIGNED_METRICS


@pytest.mark.parametrize("value, unit, extra, shown", [
    ("150", "percent", "    change: rise\n", 150), ("2.1B", "USD", "    change: fall\n", 2.1e9), ("-35", "percent", "", -35)])
def test_a_change_in_volume_loads_as_the_report_gives_it(value, unit, extra, shown):
    event = load(HEAD + volume_change(value, unit, extra))
    f = event.facts["vol_change"]
    assert (f.metric, f.unit, f.value) == ("volume_change", unit, shown)
    assert event_record(event)["facts"][0]["metric"] == "volume_change"


def test_a_change_in_volume_counted_in_traders_is_refused_at_the_unit():
    text = HEAD + volume_change("40", unit="count")
    [p] = [p for p in problems(text) if p.field == "facts[0].unit"]
    assert p.line == line_of(text, "unit: count") and "does not fit metric" in p.message


def test_a_direction_and_a_sign_together_are_refused():
    text = HEAD + volume_change("-35")
    assert any(p.field.startswith("facts[0]") for p in problems(text))


def test_a_change_in_volume_between_two_volumes_is_checked_against_them():
    ends = volume("vol_before", "40B") + volume("vol_after", "100B")
    linked = "    change: rise\n    from_fact: vol_before\n    to_fact: vol_after\n"
    event = load(HEAD + ends + volume_change("150", extra=linked))
    assert (event.facts["vol_change"].from_fact, event.facts["vol_change"].to_fact) == ("vol_before", "vol_after")
    found = problems(HEAD + ends + volume_change("50", extra=linked))
    assert [p.field for p in found] == ["facts[2].observations"]


def test_facts_show_prints_the_change_in_volume(tmp_path):
    from writer.cli import main

    (tmp_path / "sources.yaml").write_text(Path(REGISTRY.path).read_text(encoding="utf-8"), encoding="utf-8")
    event = tmp_path / "e.yaml"
    event.write_text(HEAD + volume_change("150"), encoding="utf-8")
    out = CliRunner().invoke(main, ["facts", "show", str(event), "--format", "json"])
    assert out.exit_code == 0, out.output
    [shown] = json.loads(out.stdout)["facts"]
    assert (shown["metric"], shown["value"], shown["change"]) == ("volume_change", 150, "rise")


@pytest.mark.parametrize("value, unit, extra, printed, wrong", [
    ("150", "percent", "    asset: BTC\n    change: rise\n", "volume rose 150%", "volume rose 190%"),
    ("2.1B", "USD", "    change: fall\n", "volume fell by $2.1 billion", "volume fell by $3.1 billion"),
    ("-35", "percent", "", "volume fell 35%", "volume fell 45%")])
def test_a_draft_tells_the_change_in_volume_and_its_own_check_flags_a_changed_value(checked_drafter, value, unit, extra, printed, wrong):
    from writer.check import Checker

    text = HEAD + fact("total", obs("coinglass", "value: 420M")) + volume_change(value, unit, extra)
    event = load(text)
    draft = checked_drafter.draft(event, facts_path="case.yaml")  # raises DraftError when the check refuses it
    assert printed in draft.markdown
    codes = {f.code for f in Checker().check_text(draft.markdown.replace(printed, wrong), event=event)}
    assert "P006" in codes  # the changed figure contradicts the fact


def test_volume_and_its_change_in_one_draft_are_each_linked_to_their_own_fact(checked_drafter):
    text = HEAD + fact("total", obs("coinglass", "value: 420M")) + volume("vol", "100B") + volume_change("150")
    draft = checked_drafter.draft(load(text), facts_path="case.yaml")
    linked = {f["fact"] for f in draft.claims["figures"]}
    assert {"vol", "vol_change"} <= linked


@st.composite
def events_with_a_volume_change(draw):
    """The property tests' own facts (tests/test_draft_any_event.py), one of them a change in volume."""
    facts = [draw(any_fact("vc", "volume_change"))] + [draw(any_fact(f"f{i}")) for i in range(draw(st.integers(0, 3)))]
    return load_generated({"id": f"vol-{draw(st.integers(0, 10**6))}", "as_of": "2026-11-17T09:00:00+08:00", "facts": facts})


@SETTINGS
@given(events_with_a_volume_change())
def test_any_valid_event_with_a_change_in_volume_drafts_and_passes_its_own_check(event):
    from test_draft_any_event import test_every_valid_event_drafts_and_passes_its_own_check as every_event

    assert event.facts["vc"].metric == "volume_change"
    every_event.hypothesis.inner_test(event)


# --- a figure a statistics agency or a central bank publishes about itself -------------------------

AGENCY = "  - id: stats-office\n    name: National Statistics Office\n    kind: official_statistics\n"
MONTHLY = HEAD.replace("windows: [24h]", "windows: [24h, 1mo]")


def agency_registry():
    from dataclasses import replace

    from writer.factbase.records import Source
    from writer.factbase.vocabulary import SourceKind

    office = Source("stats-office", "National Statistics Office", SourceKind.OFFICIAL_STATISTICS)
    return replace(REGISTRY, sources={**REGISTRY.sources, office.id: office})


def prices(source: str = "stats-office", status: str = "official") -> str:
    return ("  - id: consumer_prices\n    metric: price_change\n    unit: percent\n    subject: consumer prices\n    window: 1mo\n"
            f"    status: {status}\n    observations:\n      - source: {source}\n        value: 0.3\n")


def load_with_agency(text: str):
    from writer.factbase.loader import event_from_text

    return event_from_text(text, "case.yaml", agency_registry())


def test_official_kinds_are_a_venue_a_chain_and_a_statistics_office():
    from writer.factbase.vocabulary import OFFICIAL_KINDS, SourceKind

    assert OFFICIAL_KINDS == {SourceKind.EXCHANGE, SourceKind.ONCHAIN, SourceKind.OFFICIAL_STATISTICS}


def test_a_statistics_office_own_figure_can_be_official():
    event = load_with_agency(MONTHLY + prices())
    assert event.facts["consumer_prices"].status.value == "official"


def test_an_office_figure_without_a_status_is_single_source_as_from_anyone():
    event = load_with_agency(MONTHLY + prices().replace("    status: official\n", ""))
    assert event.facts["consumer_prices"].status.value == "single_source"


def test_an_aggregator_cannot_make_a_figure_official_and_the_message_names_the_kinds():
    from writer.errors import InputError
    from writer.factbase.loader import event_from_text

    text = MONTHLY + prices(source="coinglass")
    with pytest.raises(InputError) as info:
        event_from_text(text, "case.yaml", agency_registry())
    [p] = info.value.problems
    assert p.field == "facts[0].status" and p.line == line_of(text, "status: official")
    assert "official_statistics" in p.message and "coinglass" in p.message


def test_facts_show_prints_the_office_figure_as_official(tmp_path):
    from writer.cli import main

    (tmp_path / "sources.yaml").write_text(Path(REGISTRY.path).read_text(encoding="utf-8") + AGENCY, encoding="utf-8")
    event = tmp_path / "e.yaml"
    event.write_text(MONTHLY + prices(), encoding="utf-8")
    out = CliRunner().invoke(main, ["facts", "show", str(event), "--format", "json"])
    assert out.exit_code == 0, out.output
    [shown] = json.loads(out.stdout)["facts"]
    assert shown["status"] == "official" and [o["source"] for o in shown["observations"]] == ["National Statistics Office"]


def test_a_draft_credits_the_office_own_figures_and_its_own_check_flags_a_changed_value(checked_drafter):
    from writer.check import Checker

    context = ("context:\n  - id: policy\n    kind: policy\n    text: the policy rate was held where it stood\n"
               "    sources: [stats-office]\n    status: official\n")
    event = load_with_agency(MONTHLY + fact("total", obs("coinglass", "value: 420M")) + prices() + context)
    draft = checked_drafter.draft(event, facts_path="case.yaml")  # raises DraftError when the check refuses it
    assert "National Statistics Office's own figures, consumer prices rose 0.3%" in draft.markdown
    assert "(according to National Statistics Office's own statement)" in draft.markdown
    codes = {f.code for f in Checker().check_text(draft.markdown.replace("rose 0.3%", "rose 0.8%"), event=event)}
    assert "P006" in codes


# --- a stock index's move: a price change whose subject names the index (no schema of its own) -------


def test_an_index_move_written_as_the_docs_say_drafts_under_its_name_and_a_changed_value_is_flagged(checked_drafter):
    from writer.check import Checker

    index_move = fact("index_move", obs("coinmarketcap", "value: 1.2"), metric="price_change", unit="percent",
                      extra="    subject: the S&P 500\n    change: fall\n")
    event = load(HEAD + fact("total", obs("coinglass", "value: 420M")) + index_move)
    draft = checked_drafter.draft(event, facts_path="case.yaml")
    assert "the S&P 500 fell 1.2%" in draft.markdown
    codes = {f.code for f in Checker().check_text(draft.markdown.replace("fell 1.2%", "fell 1.7%"), event=event)}
    assert "P006" in codes
    docs = (Path(__file__).parents[1] / "docs" / "fact-file.md").read_text(encoding="utf-8")
    assert "with `subject` naming the index and no `asset`" in docs
