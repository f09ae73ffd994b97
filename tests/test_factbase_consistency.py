"""Cross-fact consistency at load time, and the loader's other promises.

Each check has a case that must fail and a case that must pass: a
contradiction is an error naming both facts and their lines; a rounding gap
within the tolerance is not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from writer.errors import InputError
from writer.factbase import Status, load_event, load_registry
from writer.factbase.loader import event_from_text
from writer.factbase.numbers import parse_amount

REGISTRY = load_registry(Path(__file__).parent / "broken" / "sources.yaml")

HEAD = """id: consistency-case
as_of: 2026-11-17T09:00:00+08:00
period:
  start: 2026-11-16T09:00:00+08:00
  end: 2026-11-17T09:00:00+08:00
windows: [24h]
facts:
"""


def liq(fid: str, value: str, *, source: str = "coinank", extra: str = "") -> str:
    return (
        f"  - id: {fid}\n    metric: liquidations\n    unit: USD\n    window: 24h\n{extra}"
        f"    observations:\n      - source: {source}\n        value: {value}\n"
    )


def load(text: str):
    return event_from_text(text, "case.yaml", REGISTRY)


def problems(text: str) -> list:
    with pytest.raises(InputError) as info:
        load(text)
    return info.value.problems


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


# --- long + short against the total ---------------------------------------------


def test_rounding_gap_within_tolerance_is_not_a_contradiction():
    # Seed 000: 1.752B + 110M = 1.862B against a 1.861B total.
    event = load(HEAD + liq("total", "1.861B") + liq("long", "1.752B", extra="    side: long\n") + liq("short", "110M", extra="    side: short\n"))
    assert round(event.derived["long.share_of.total"].value) == 94


def test_sides_above_the_total_name_every_fact_and_line():
    text = HEAD + liq("total", "1.451B") + liq("long", "1.3B", extra="    side: long\n") + liq("short", "500M", extra="    side: short\n")
    [p] = problems(text)
    for fid in ("long", "short", "total"):
        assert f"'{fid}' (line {line_of(text, f'- id: {fid}')})" in p.message
    assert (p.line, p.field) == (line_of(text, "- id: long"), "facts[1]")


def test_sides_below_the_total_are_an_error_unless_a_side_is_a_floor():
    body = liq("total", "1.451B") + liq("long", "900M", extra="    side: long\n")
    [p] = problems(HEAD + body + liq("short", "90M", extra="    side: short\n"))
    assert "falls short of the total" in p.message and "lower_bound" in p.message
    event = load(HEAD + body + liq("short", "90M", extra="    side: short\n    lower_bound: true\n"))
    assert event.facts["short"].lower_bound


def test_a_wider_tolerance_accepts_a_wider_gap():
    text = HEAD + liq("total", "1.0B") + liq("long", "900M", extra="    side: long\n") + liq("short", "150M", extra="    side: short\n")
    assert problems(text)  # 1.05B against 1.0B: 5% > 2%
    load(text.replace("windows: [24h]\n", "windows: [24h]\ntolerance: 0.06\n"))


# --- parts against totals ------------------------------------------------------------


def test_assets_adding_up_past_the_total_are_an_error():
    text = HEAD + liq("total", "1B") + liq("btc", "700M", extra="    asset: BTC\n") + liq("eth", "400M", extra="    asset: ETH\n")
    [p] = problems(text)
    assert "per-asset figures 'btc'" in p.message and "'eth'" in p.message and "'total'" in p.message
    load(HEAD + liq("total", "1B") + liq("btc", "600M", extra="    asset: BTC\n") + liq("eth", "400M", extra="    asset: ETH\n"))


def test_venues_adding_up_past_the_total_are_an_error():
    text = HEAD + liq("total", "100M") + liq("bn", "80M", extra="    venue: binance\n") + liq("ark", "30M", extra="    venue: arkham\n")
    [p] = problems(text)
    assert "per-venue figures" in p.message


def test_an_asset_on_a_venue_is_not_counted_twice():
    # BTC on Binance is part of both the BTC and the Binance figure; summing it in both would double count.
    load(HEAD + liq("total", "100M") + liq("btc", "90M", extra="    asset: BTC\n") + liq("btc_bn", "90M", extra="    asset: BTC\n    venue: binance\n"))


def test_largest_single_liquidation_cannot_exceed_its_total():
    largest = (
        "  - id: largest\n    metric: largest_single_liquidation\n    unit: USD\n    window: 24h\n    venue: binance\n"
        "    status: official\n    observations:\n      - source: binance\n        value: {v}\n"
    )
    [p] = problems(HEAD + liq("total", "50M") + largest.format(v="80M"))
    assert "'largest'" in p.message and "'total'" in p.message
    load(HEAD + liq("total", "50M") + largest.format(v="8M"))


def test_unavailable_facts_take_no_part_in_consistency():
    gap = "  - id: total\n    metric: liquidations\n    unit: USD\n    window: 24h\n    status: unavailable\n    reason: no network total\n"
    event = load(HEAD + gap + liq("long", "900M", extra="    side: long\n"))
    assert event.facts["total"].status is Status.UNAVAILABLE and event.facts["total"].bounds is None


# --- ranges, times, sources, ids ---------------------------------------------------------


def test_range_ends_must_be_ordered():
    text = HEAD + liq("total", "1B").replace("value: 1B", "range: [190M, 150M]")
    [p] = problems(text)
    assert p.field == "facts[0].observations[0].range" and "reversed" in p.message
    assert load(HEAD + liq("total", "1B").replace("value: 1B", "range: [150M, 190M]")).facts["total"].range == (150e6, 190e6)


@pytest.mark.parametrize(
    "section, at",
    [
        ("facts", "facts[0].observations[0].as_of"),
        ("context", "context[0].as_of"),
        ("quotes", "quotes[0].as_of"),
    ],
)
def test_as_of_must_fall_inside_the_event_period(section, at):
    late = "2026-11-18T09:00:00+08:00"
    if section == "facts":
        text = HEAD + liq("total", "1B") + f"        as_of: {late}\n"
    elif section == "context":
        text = HEAD + liq("total", "1B") + f"context:\n  - id: c\n    text: calm\n    sources: [coinank]\n    as_of: {late}\n"
    else:
        text = HEAD + liq("total", "1B") + f"quotes:\n  - id: q\n    speaker: CZ\n    words: calm\n    as_of: {late}\n"
    [p] = problems(text)
    assert p.field == at and "outside the event period" in p.message
    assert p.line == line_of(text, f"as_of: {late}")
    load(text.replace(late, "2026-11-17T08:00:00+08:00"))


@pytest.mark.parametrize(
    "snippet, field",
    [
        (liq("total", "1B", source="coinglas"), "facts[0].observations[0].source"),
        (liq("total", "1B", extra="    venue: binanse\n"), "facts[0].venue"),
        (liq("total", "1B") + "context:\n  - id: c\n    text: calm\n    sources: [nobody]\n", "context[0].sources[0]"),
        (liq("total", "1B") + "quotes:\n  - id: q\n    speaker: CZ\n    words: calm\n    source: nobody\n", "quotes[0].source"),
    ],
)
def test_unknown_source_ids_are_errors(snippet, field):
    [p] = problems(HEAD + snippet)
    assert p.field == field and "unknown" in p.message and "sources.yaml" in p.message


def test_duplicate_ids_across_sections_are_errors():
    text = HEAD + liq("total", "1B") + "context:\n  - id: total\n    text: calm\n    sources: [coinank]\n"
    [p] = problems(text)
    assert p.field == "context[0].id" and f"first used at line {line_of(text, '- id: total')}" in p.message


def test_every_problem_in_a_file_is_reported_at_once():
    schema = problems(HEAD + liq("a", "about 2B") + liq("b", "1B").replace("unit: USD", "unit: dollars"))
    assert [p.field for p in schema] == ["facts[0].observations[0].value", "facts[1].unit"]
    text = HEAD + liq("a", "1B", source="nobody") + liq("a", "2B") + liq("c", "1B").replace("window: 24h", "window: 12h")
    found = problems(text)
    assert [p.field for p in found] == ["facts[0].observations[0].source", "facts[1].id", "facts[2].window"]
    assert found == sorted(found)


def test_schema_problems_and_cross_checks_are_reported_together():
    """A bad item is set aside and the rest still cross-checked, with the file's own indices."""
    text = (
        HEAD
        + liq("broken", "about 2B")
        + liq("total", "1B")
        + liq("total", "1.1B")
        + liq("long", "3B", extra="    side: long\n")
        + liq("ghost", "1B", source="nobody", extra="    asset: BTC\n")
    )
    found = problems(text)
    fields = [p.field for p in found]
    assert fields == ["facts[0].observations[0].value", "facts[2].id", "facts[3]", "facts[4].observations[0].source"]
    assert found[1].line == line_of(text, "- id: total") + 7 and "first used at line" in found[1].message
    assert "'long'" in found[2].message and "larger than the total" in found[2].message


def test_a_malformed_event_is_still_cross_checked():
    # Every problem in one run: a missing as_of does not hide an unknown source.
    found = problems(HEAD.replace("as_of: 2026-11-17T09:00:00+08:00\n", "") + liq("a", "1B", source="nobody"))
    assert [p.field for p in found] == ["as_of", "facts[0].observations[0].source"]


def test_library_never_prints(capsys, tmp_path):
    (tmp_path / "sources.yaml").write_text((Path(__file__).parent / "broken" / "sources.yaml").read_text())
    bad = tmp_path / "bad.yaml"
    bad.write_text(HEAD + liq("total", "about 1B"))
    with pytest.raises(InputError):
        load_event(bad)
    good = tmp_path / "good.yaml"
    good.write_text(HEAD + liq("total", "1B"))
    load_event(good)
    assert capsys.readouterr() == ("", "")


# --- numbers editors type ------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("1.4B", 1.4e9),
        ("1.361B", 1_361_000_000.0),
        ("$80.58 million", 80_580_000.0),
        ("1,451,000,000", 1_451_000_000.0),
        ("90M", 90e6),
        ("USD 12k", 12_000.0),
        ("94%", 94.0),
        (1361000000, 1361000000.0),
        (0.004, 0.004),
    ],
)
def test_amounts_editors_write_are_read_exactly(raw, expected):
    assert parse_amount(raw) == expected


@pytest.mark.parametrize("raw", ["about 1.4B", ">200k", "over 1B", "1.4 gazillion", "", True, None, float("nan"), "1.4B+"])
def test_qualified_or_unreadable_amounts_are_refused(raw):
    with pytest.raises(ValueError):
        parse_amount(raw)


def test_a_magnitude_string_loads_as_its_number():
    assert load(HEAD + liq("total", '"1.4B"')).facts["total"].value == 1.4e9


def test_fact_base_code_neither_prints_nor_exits_nor_knows_the_cli():
    import ast

    package = Path(__file__).resolve().parent.parent / "writer" / "factbase"
    for source in sorted(package.glob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in ("print", "exit", "quit"), f"{source.name}:{node.lineno}"
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                assert (node.value.id, node.attr) != ("sys", "exit"), f"{source.name}:{node.lineno}"
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + ([node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
                assert not any(n.split(".")[0] == "click" or n.startswith(("writer.cli", "writer.draft", "writer.check", "writer.publish")) for n in names), f"{source.name}:{node.lineno}"


def test_a_figure_with_a_subject_is_a_part_not_the_total():
    # "altcoins lost $138 million" beside longs of $770 million: a scoped figure, like an asset's, not the market's total
    load(HEAD + liq("long", "770M", extra="    side: long\n") + liq("alts", "138M", extra="    subject: altcoins\n")
         + liq("btc", "238M", extra="    asset: BTC\n") + liq("eth", "84M", extra="    asset: ETH\n"))
    # a true total is still held to its sides
    assert problems(HEAD + liq("long", "770M", extra="    side: long\n") + liq("total", "138M"))
