"""`writer draft` through click's CliRunner: formats, -o, errors, skipped sections on stderr."""

from __future__ import annotations

import json

from click.testing import CliRunner

from draft_support import ROOT
from writer.cli import main

EVENT = ROOT / "factbase" / "events" / "2026-11-17-btc-long-washout-coinank.yaml"


def run(*args):
    return CliRunner().invoke(main, ["draft", *map(str, args)])


def test_markdown_to_stdout_is_the_golden_draft():
    result = run(EVENT, "--no-check")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("---\nevent: 2026-11-17-btc-long-washout-coinank\n")
    golden = (ROOT / "tests" / "golden" / f"{EVENT.stem}.md").read_text(encoding="utf-8")
    assert result.stdout.split("---\n", 2)[2] == golden.split("---\n", 2)[2]


def test_json_and_html_formats(tmp_path):
    out = tmp_path / "out" / "draft.json"
    result = run(EVENT, "--format", "json", "-o", out, "--no-check")
    assert result.exit_code == 0 and result.stdout == ""
    claims = json.loads(out.read_text(encoding="utf-8"))
    assert claims["event"] == "2026-11-17-btc-long-washout-coinank"
    assert claims["facts"] == "../../../../work/main/factbase/events/2026-11-17-btc-long-washout-coinank.yaml" or claims["facts"].endswith(EVENT.name)
    assert (out.parent / claims["facts"]).resolve() == EVENT.resolve()
    assert {"title", "sections", "sentences", "figures", "skipped"} <= set(claims)
    html = run(EVENT, "--format", "html", "--no-check").stdout
    assert 'data-fact="total_24h"' in html and 'data-status="single_source"' in html and 'data-sources="coinank"' in html


def test_markdown_front_matter_points_at_the_fact_file_from_the_output(tmp_path):
    out = tmp_path / "a" / "b.md"
    assert run(EVENT, "-o", out, "--no-check").exit_code == 0
    facts = json.loads(out.read_text(encoding="utf-8").split("\n")[2].split(": ", 1)[1])
    assert (out.parent / facts).resolve() == EVENT.resolve()


def test_bad_event_exits_2_and_writes_nothing(tmp_path):
    bad = tmp_path / "events" / "bad.yaml"
    bad.parent.mkdir()
    (tmp_path / "sources.yaml").write_text((ROOT / "factbase" / "sources.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    bad.write_text("id: bad\nas_of: 2026-11-17T09:00:00+08:00\nfacts:\n  - id: x\n    metric: liquidations\n    unit: USD\n    observations: [{source: nobody, value: 1}]\n", encoding="utf-8")
    out = tmp_path / "out.md"
    result = run(bad, "-o", out, "--no-check")
    assert result.exit_code == 2
    assert "bad.yaml:7" in result.stderr and "nobody" in result.stderr
    assert "Traceback" not in result.output and not out.exists()


def test_template_error_exits_non_zero_without_output(tmp_path):
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "figures.md.j2").write_text("## H\n\n{{ ev.main.total }}\n", encoding="utf-8")
    out = tmp_path / "out.md"
    result = run(EVENT, "--templates", tmp_path, "-o", out, "--no-check")
    assert result.exit_code == 1 and "sections/figures.md.j2:3" in result.stderr and not out.exists()


def test_skipped_sections_go_to_stderr():
    event = ROOT / "factbase" / "events" / "2026-11-19-short-squeeze-btc-96k.yaml"
    result = run(event, "--no-check")
    assert result.exit_code == 0
    assert "skipped section 'zones'" in result.stderr
    assert "skipped" not in result.stdout.split("---\n", 2)[2].lower()
