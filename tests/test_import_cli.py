"""`writer import` end to end: dry run, idempotence, all or nothing, layout kept, revisions, drafts."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from test_import_support import EVENT, binance_line, bybit_line, make_event, ms, write_lines
from writer.cli import main

CAPTURE = [
    binance_line("BTCUSDT", "SELL", "2", "90000", ms(9)),  # long 180000
    binance_line("ETHUSDT", "BUY", "30", "3000", ms(9, 30)),  # short 90000
    binance_line("BTCUSDT", "SELL", "1", "89000", ms(10)),  # long 89000
]


def run(*args):
    return CliRunner().invoke(main, ["import", *map(str, args)])


@pytest.fixture
def setup(tmp_path):
    event = make_event(tmp_path)
    capture = write_lines(tmp_path / "binance.jsonl", CAPTURE)
    return event, capture


def test_dry_run_prints_a_diff_and_writes_nothing(setup):
    event, capture = setup
    before = event.read_bytes()
    result = run("binance", capture, "--event", event, "--dry-run")
    assert result.exit_code == 0, result.output
    assert event.read_bytes() == before
    assert f"--- {event}" in result.stdout and f"+++ {event}" in result.stdout
    assert "+  - id: binance_usdt_total" in result.stdout and "+        value: 359000" in result.stdout  # 180000 + 90000 + 89000
    assert "would change" in result.stderr


def test_import_keeps_every_line_comment_and_the_layout(setup):
    event, capture = setup
    assert run("binance", capture, "--event", event).exit_code == 0
    new = event.read_text(encoding="utf-8")
    assert new.startswith(EVENT.split("\ncontext:")[0])  # everything before the end of facts is untouched
    assert new.endswith("\ncontext:\n  - id: whipsaw\n    kind: market\n    text: bitcoin swung between two levels overnight\n    sources: [coinank]\n")
    assert "\n\ncontext:" in new  # the blank line that closed the facts still closes them
    assert "value: 412.6M   # read off the dashboard" in new


def test_reimport_changes_nothing(setup):
    event, capture = setup
    assert run("binance", capture, "--event", event).exit_code == 0
    once = event.read_bytes()
    again = run("binance", capture, "--event", event)
    assert again.exit_code == 0 and event.read_bytes() == once
    assert "nothing to change" in again.stderr
    dry = run("binance", capture, "--event", event, "--dry-run")
    assert dry.stdout == ""


def test_malformed_line_writes_nothing_and_exits_2(setup, tmp_path):
    event, _ = setup
    before = event.read_bytes()
    bad = write_lines(tmp_path / "bad.jsonl", [*CAPTURE, '{"e": "forceOrder", "o": {"s": "BTCUSDT", "S": "SIDEWAYS", "ap": "1", "z": "1", "T": 1}}'])
    result = run("binance", bad, "--event", event)
    assert result.exit_code == 2
    assert f"{bad}:4:1: o.S: expected order side 'SELL'" in result.stderr and "Traceback" not in result.output
    assert event.read_bytes() == before


def test_mixed_feed_file_is_refused(setup, tmp_path):
    event, _ = setup
    before = event.read_bytes()
    mixed = write_lines(tmp_path / "mixed.jsonl", [*CAPTURE, bybit_line(("BTCUSDT", "Buy", "1", "90000", ms(10, 5)))])
    result = run("binance", mixed, "--event", event)
    assert result.exit_code == 2 and f"{mixed}:4:1:" in result.stderr and "mixing two feeds is refused" in result.stderr
    assert event.read_bytes() == before


def test_shorter_or_unrelated_capture_is_refused(setup, tmp_path):
    event, capture = setup
    assert run("binance", capture, "--event", event).exit_code == 0
    before = event.read_bytes()
    shorter = write_lines(tmp_path / "short.jsonl", CAPTURE[1:])
    same_span = write_lines(tmp_path / "same.jsonl", CAPTURE[:1] + [binance_line("BTCUSDT", "SELL", "1", "1", ms(10))])
    for other in (shorter, same_span):
        result = run("binance", other, "--event", event, "--window", "1h")
        assert result.exit_code == 2 and "is not a longer capture holding the one imported before" in result.stderr
        assert event.read_bytes() == before


def test_id_taken_by_a_hand_written_fact_is_refused(tmp_path):
    text = EVENT.replace("  - id: total_24h\n", "  - id: binance_usdt_total\n")
    event = make_event(tmp_path, text)
    capture = write_lines(tmp_path / "binance.jsonl", CAPTURE)
    result = run("binance", capture, "--event", event)
    assert result.exit_code == 2 and "was not written by `writer import binance`" in result.stderr
    assert f"{event}:11:1: facts[id=binance_usdt_total]:" in result.stderr  # the line of the fact holding the id


def test_longer_capture_revises_the_earlier_figure(setup, tmp_path):
    from writer.factbase.loader import load_event

    event, capture = setup
    assert run("binance", capture, "--event", event, "--window", "4h").exit_code == 0
    longer = write_lines(tmp_path / "longer.jsonl", [*CAPTURE, binance_line("SOLUSDT", "BUY", "100", "150", ms(11))])  # short 15000
    result = run("binance", longer, "--event", event, "--window", "4h")
    assert result.exit_code == 0, result.output
    ev = load_event(event)
    total = ev.facts["binance_usdt_total"]
    assert total.value == 359000 + 15000
    (obs,) = total.observations
    assert [(r.value, r.as_of.isoformat()) for r in obs.revisions] == [(359000, "2026-11-20T10:00:00+00:00")]
    assert obs.as_of.isoformat() == "2026-11-20T11:00:00+00:00"
    assert len(total.sources) == 1  # a revision, never a second source agreeing with the first
    largest = ev.facts["binance_largest"]  # the same order is still the largest: read again, not revised
    assert largest.value == 180000 and not largest.observations[0].revisions
    assert "1 added, 3 revised, 4 updated" in result.stderr  # SOL is new; total, shorts, count changed; the rest read again
    again = run("binance", longer, "--event", event, "--window", "4h")
    assert "nothing to change" in again.stderr


def test_draft_after_import_prints_floors_with_the_venue(setup):
    event, capture = setup
    assert run("binance", capture, "--event", event).exit_code == 0
    result = CliRunner().invoke(main, ["draft", str(event)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if "Binance" in line and "$" in line]
    assert lines and all("at least" in line for line in lines), lines
    assert "$359,000" in result.stdout  # 359,000 floors to itself: three significant figures
    assert "trader" not in " ".join(lines).lower()  # the order count is never printed as traders


def test_unknown_format_and_bad_window_are_usage_errors(setup):
    event, capture = setup
    assert run("kraken", capture, "--event", event).exit_code == 2
    result = run("binance", capture, "--event", event, "--window", "a day")
    assert result.exit_code == 2 and "not a window" in result.output


def test_registry_without_the_feed_source_is_refused(tmp_path):
    event = make_event(tmp_path)
    (tmp_path / "sources.yaml").write_text("sources:\n  - id: coinank\n    name: CoinAnk\n    kind: aggregator\n", encoding="utf-8")
    capture = write_lines(tmp_path / "binance.jsonl", CAPTURE)
    result = run("binance", capture, "--event", event)
    assert result.exit_code == 2 and "source 'binance', which is not in the registry" in result.stderr


def test_coinglass_import_then_reimport(tmp_path):
    event = make_event(tmp_path)
    export = tmp_path / "cg.json"
    export.write_text(json.dumps({"range": "1h", "time": "2026-11-20T12:00:00Z", "data": [{"exchange": "All", "liquidation_usd": "1500000", "long_liquidation_usd": "1000000", "short_liquidation_usd": "500000"}]}), encoding="utf-8")
    assert run("coinglass", export, "--event", event).exit_code == 0
    once = event.read_bytes()
    assert run("coinglass", export, "--event", event).exit_code == 0 and event.read_bytes() == once
    older = tmp_path / "older.json"
    older.write_text(export.read_text().replace("12:00:00Z", "11:00:00Z").replace("1500000", "1400000").replace('"1000000"', '"900000"'), encoding="utf-8")
    result = run("coinglass", older, "--event", event)
    assert result.exit_code == 2 and "not newer than the one imported before" in result.stderr
    undated = tmp_path / "undated.json"
    undated.write_text(older.read_text().replace(', "time": "2026-11-20T11:00:00Z"', ""), encoding="utf-8")
    result = run("coinglass", undated, "--event", event)
    assert result.exit_code == 2 and "a revision is dated" in result.stderr


def test_newer_coinglass_export_revises_with_the_earlier_reading_dated(tmp_path):
    from writer.factbase.loader import load_event

    event = make_event(tmp_path)
    first, newer = tmp_path / "cg1.json", tmp_path / "cg2.json"
    first.write_text(json.dumps({"range": "1h", "time": "2026-11-20T12:00:00Z", "data": [{"exchange": "All", "liquidation_usd": "1500000"}]}), encoding="utf-8")
    newer.write_text(json.dumps({"range": "1h", "time": "2026-11-20T13:00:00Z", "data": [{"exchange": "All", "liquidation_usd": "1650000"}]}), encoding="utf-8")
    assert run("coinglass", first, "--event", event).exit_code == 0
    result = run("coinglass", newer, "--event", event)
    assert result.exit_code == 0 and "1 revised" in result.stderr
    (obs,) = load_event(event).facts["coinglass_all_1h"].observations
    assert obs.value == 1650000 and [(r.value, r.as_of.isoformat()) for r in obs.revisions] == [(1500000, "2026-11-20T12:00:00+00:00")]
