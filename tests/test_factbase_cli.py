"""`writer facts validate|show|schema` through click's CliRunner: output shapes and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from writer.cli import main

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "factbase" / "events"
SEED_001 = EVENTS / "2026-11-17-btc-long-washout-coinank.yaml"
SAMPLED = EVENTS / "2026-11-21-sampled-exchange-feed.yaml"
DISPUTED = EVENTS / "2026-11-20-disputed-totals.yaml"
BROKEN = ROOT / "tests" / "broken"

# The documented fields of each figure in `writer facts show --format json`.
FACT_KEYS = {"id", "metric", "status", "value", "range", "unit", "window", "side", "asset", "venue", "lower_bound", "sources", "derived_from"}


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def show_json(path: Path) -> dict:
    result = run("facts", "show", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_show_json_shape_for_typed_and_derived_figures():
    data = show_json(SEED_001)
    assert data["event"] == "2026-11-17-btc-long-washout-coinank"
    facts = {f["id"]: f for f in data["facts"]}
    for f in facts.values():
        assert FACT_KEYS <= set(f)
        assert isinstance(f["sources"], list) and isinstance(f["lower_bound"], bool)
    assert {k: facts["total_24h"][k] for k in FACT_KEYS} == {
        "id": "total_24h",
        "metric": "liquidations",
        "status": "single_source",
        "value": 1451000000.0,
        "range": None,
        "unit": "USD",
        "window": "24h",
        "side": None,
        "asset": None,
        "venue": None,
        "lower_bound": False,
        "sources": ["CoinAnk"],
        "derived_from": None,
    }
    htx = facts["htx_btc_usdt"]
    assert htx["venue"] == "HTX" and htx["asset"] == "BTC" and htx["sources"] == ["public data"] and htx["status"] == "unnamed_group"
    share = facts["long_24h.share_of.total_24h"]
    assert share["derived_from"] == ["long_24h", "total_24h"]
    assert share["unit"] == "percent" and share["status"] == "single_source" and round(share["value"]) == 94
    gaps = {f["id"]: f for f in show_json(EVENTS / "2026-11-19-short-squeeze-btc-96k.yaml")["facts"]}
    gap = gaps["total_24h"]
    assert gap["status"] == "unavailable" and gap["value"] is None and gap["range"] is None and gap["sources"] == []
    assert gap["derived_from"] is None and gap["window"] == "24h"


def test_show_json_disputed_range_and_lower_bound():
    disputed = {f["id"]: f for f in show_json(DISPUTED)["facts"]}
    assert disputed["total_24h"]["value"] is None
    assert disputed["total_24h"]["range"] == [150000000.0, 190000000.0]
    assert disputed["total_24h"]["sources"] == ["CoinGlass", "CoinAnk"]
    sampled = {f["id"]: f for f in show_json(SAMPLED)["facts"]}
    assert sampled["binance_long_24h"]["lower_bound"] is True
    assert sampled["binance_long_24h"]["venue"] == "Binance"


def test_show_is_deterministic():
    first, second = run("facts", "show", str(DISPUTED), "--format", "json"), run("facts", "show", str(DISPUTED), "--format", "json")
    assert first.stdout == second.stdout
    assert run("facts", "show", str(SAMPLED)).stdout == run("facts", "show", str(SAMPLED)).stdout


def test_show_table_marks_floors_ranges_and_skipped_derivations():
    out = run("facts", "show", str(SAMPLED)).stdout
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["id", "status", "value"]
    assert any(line.startswith("binance_long_24h") and "≥ 61,300,000" in line for line in lines)
    assert any(line.startswith("zone_short_band_above") and "610,000,000 .. 720,000,000" in line for line in lines)
    assert "derivation skipped: cannot compute binance_long_24h as a share of binance_total_24h" in out


def test_show_broken_file_exits_2_with_location():
    result = CliRunner().invoke(main, ["facts", "show", str(BROKEN / "typo_key.yaml")])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"{BROKEN / 'typo_key.yaml'}:13:5: facts[0].obsrvations: ")
    assert "Traceback" not in result.output


def test_schema_is_json_schema_for_events_and_registry():
    event = json.loads(run("facts", "schema").stdout)
    assert event["$schema"].startswith("https://json-schema.org/")
    assert {"id", "as_of", "facts"} <= set(event["properties"])
    registry = json.loads(run("facts", "schema", "--registry").stdout)
    assert set(registry["properties"]) == {"sources"}


def test_validate_with_an_explicit_registry(tmp_path):
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    event = deep / "event.yaml"
    shutil.copy(SEED_001, event)
    # No sources.yaml beside the event or two folders up: found nowhere, and said so.
    result = run("facts", "validate", str(event))
    assert result.exit_code == 2 and "no sources.yaml found" in result.stderr
    ok = run("facts", "validate", str(event), "--sources", str(ROOT / "factbase" / "sources.yaml"))
    assert ok.exit_code == 0 and ok.stdout.strip() == "1 event file valid"
    # A registry missing the event's sources makes the same file invalid.
    bad = run("facts", "validate", str(event), "--sources", str(BROKEN / "sources.yaml"))
    assert bad.exit_code == 2 and "unknown source 'public-data'" in bad.stderr


def test_validate_usage_errors_exit_2(tmp_path):
    assert run("facts", "validate").exit_code == 2  # no paths
    empty = run("facts", "validate", str(tmp_path))
    assert empty.exit_code == 2 and "no event files found" in empty.stderr
    missing_registry = run("facts", "validate", str(SEED_001), "--sources", str(tmp_path / "nope.yaml"))
    assert missing_registry.exit_code == 2


def test_broken_registry_given_with_sources_is_located(tmp_path):
    reg = tmp_path / "reg.yaml"
    reg.write_text("sources:\n  - id: coinglass\n    name: CoinGlass\n    kind: aggregator\n  - id: coinglass\n    name: Dup\n    kind: aggregator\n")
    result = run("facts", "validate", str(SEED_001), "--sources", str(reg))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{reg}:5:5: sources[1].id: duplicate source id 'coinglass'")


@pytest.mark.parametrize("args", [["facts", "validate", str(EVENTS)], ["facts", "show", str(SEED_001)], ["facts", "schema"]])
def test_success_writes_nothing_to_stderr(args):
    result = run(*args)
    assert result.exit_code == 0 and result.stderr == ""


def test_two_files_with_one_event_id_are_refused(tmp_path):
    shutil.copy(ROOT / "factbase" / "sources.yaml", tmp_path / "sources.yaml")
    shutil.copy(SEED_001, tmp_path / "a.yaml")
    (tmp_path / "b.yaml").write_text(SEED_001.read_text(encoding="utf-8").replace("title: Long washout", "title: Copy of a long washout"))
    result = run("facts", "validate", str(tmp_path))
    assert result.exit_code == 2
    id_line = next(i for i, line in enumerate(SEED_001.read_text(encoding="utf-8").splitlines(), 1) if line.startswith("id:"))
    assert result.stderr.startswith(f"{tmp_path / 'b.yaml'}:{id_line}:1: id: event id '2026-11-17-btc-long-washout-coinank' is also used by {tmp_path / 'a.yaml'}")


def test_a_name_shared_by_two_sources_is_refused(tmp_path):
    reg = tmp_path / "reg.yaml"
    reg.write_text(
        "sources:\n  - id: a\n    name: CoinGlass\n    kind: aggregator\n"
        "  - id: b\n    name: Other\n    kind: aggregator\n    aliases: [X, coinglass]\n"
    )
    result = run("facts", "validate", str(SEED_001), "--sources", str(reg))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{reg}:8:18: sources[1].aliases[1]: 'coinglass' already names source 'a'")
