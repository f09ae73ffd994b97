"""`writer check`, `writer rules`, `writer rule` through CliRunner: formats, exit codes, config."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from writer.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "check"
BARE = "# Longs flushed\n\nLiquidations reached $1.861 billion in 24 hours.\n\nAn estimated $286 million could go below $80,000.\n"
CLEAN = "# Longs flushed\n\nLiquidations reached $1.861 billion in 24 hours, according to CoinGlass.\n"


def run(*args, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, list(args), catch_exceptions=False)
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "bare.md").write_text(BARE, encoding="utf-8")
    (tmp_path / "a" / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "a" / "notes.txt").write_text(BARE, encoding="utf-8")
    return tmp_path


def test_text_format_and_exit_1(articles):
    r = run("check", "a", cwd=articles)
    assert r.exit_code == 1
    first = r.output.splitlines()[0]
    assert first.startswith(os.path.join("a", "bare.md") + ":3:22: F001 no-attribution ")
    assert "Found 1 finding in 2 files" in r.output  # notes.txt is not an article


def test_clean_exits_0(articles):
    r = run("check", "a/clean.md", cwd=articles)
    assert r.exit_code == 0, r.output
    assert "All checks passed" in r.output


def test_json_shape(articles):
    r = run("check", "a", "--format", "json", cwd=articles)
    assert r.exit_code == 1
    data = json.loads(r.output)
    assert set(data) == {"findings", "summary"}
    f = data["findings"][0]
    assert list(f) == ["path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "figure", "fact"]
    assert (f["line"], f["column"], f["end_column"], f["figure"]) == (3, 22, 36, "$1.861 billion")
    assert data["summary"]["files"] == 2 and data["summary"]["errors"] == 1


def test_output_is_deterministic(articles):
    a = run("check", "a", "--format", "sarif", cwd=articles).output
    b = run("check", "a", "--format", "sarif", cwd=articles).output
    assert a == b


def test_sarif_2_1_0_required_structure(articles):
    r = run("check", "a", "--format", "sarif", cwd=articles)
    doc = json.loads(r.output)
    # Required by the SARIF 2.1.0 schema: version, runs[].tool.driver.name, results[].message.text;
    # locations with artifactLocation.uri and a region of 1-based integers.
    assert doc["version"] == "2.1.0" and doc["$schema"].endswith("sarif-2.1.0.json")
    (run_,) = doc["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "writer" and isinstance(driver["rules"], list)
    ids = [rule["id"] for rule in driver["rules"]]
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["defaultConfiguration"]["level"] in ("error", "warning", "note", "none")
    for res in run_["results"]:
        assert isinstance(res["message"]["text"], str) and res["message"]["text"]
        assert res["level"] in ("error", "warning", "note", "none")
        assert ids[res["ruleIndex"]] == res["ruleId"]
        (loc,) = res["locations"]
        phys = loc["physicalLocation"]
        assert phys["artifactLocation"]["uri"] == "a/bare.md"
        region = phys["region"]
        for key in ("startLine", "startColumn", "endLine", "endColumn"):
            assert isinstance(region[key], int) and region[key] >= 1
    allowed_result_keys = {"ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints"}
    assert set(run_["results"][0]) <= allowed_result_keys


def test_github_annotations_escape(tmp_path):
    (tmp_path / "x,y.md").write_text(BARE, encoding="utf-8")
    r = run("check", "x,y.md", "--format", "github", cwd=tmp_path)
    line = r.output.splitlines()[0]
    assert line.startswith("::error file=x%2Cy.md,line=3,col=22,endLine=3,endColumn=36,title=F001 no-attribution::")


def test_select_ignore_and_fail_on(articles):
    assert run("check", "a", "--ignore", "F001", cwd=articles).exit_code == 0
    assert run("check", "a", "--select", "F002", cwd=articles).exit_code == 0
    assert run("check", "a", "--select", "F", cwd=articles).exit_code == 1
    (articles / "w.md").write_text("The claim that $7 billion sits at $93,000 spread, according to X.\n", encoding="utf-8")
    assert run("check", "w.md", "--fail-on", "error", cwd=articles).exit_code == 0  # F002 is a warning
    assert run("check", "w.md", cwd=articles).exit_code == 1  # and warnings fail by default, as in `writer batch`


def test_unknown_code_is_a_usage_error(articles):
    r = run("check", "a", "--select", "Z999", cwd=articles)
    assert r.exit_code == 2 and "unknown rule code" in r.output


def test_globs(articles):
    r = run("check", "a/*.md", "--format", "json", cwd=articles)
    assert json.loads(r.output)["summary"]["files"] == 2
    r = run("check", "nothing/*.md", cwd=articles)
    assert r.exit_code == 2 and "nothing/*.md:0:0: no file matches this glob" in r.output


def test_missing_path_is_exit_2(articles):
    r = run("check", "missing.md", cwd=articles)
    assert r.exit_code == 2


def test_facts_option_and_front_matter(tmp_path):
    shutil.copytree(FIXTURES / "facts", tmp_path / "facts")
    body = "# Liquidations\n\nLiquidations reached $1.451 billion over 24 hours.\n"
    (tmp_path / "plain.md").write_text(body, encoding="utf-8")
    r = run("check", "plain.md", "--facts", "facts/event.yaml", cwd=tmp_path)
    assert r.exit_code == 1 and " P002 unattributed-single-source " in r.output
    (tmp_path / "fm.md").write_text("---\nfacts: facts/event.yaml\n---\n" + body, encoding="utf-8")
    r = run("check", "fm.md", cwd=tmp_path)
    assert "fm.md:6:22: P002" in r.output


def test_bad_fact_file_and_bad_front_matter_are_exit_2(tmp_path):
    (tmp_path / "fm.md").write_text("---\nfacts: nowhere.yaml\n---\nText $5 million.\n", encoding="utf-8")
    r = run("check", "fm.md", cwd=tmp_path)
    assert r.exit_code == 2 and "fm.md:2:1: facts:" in r.output and "Traceback" not in r.output
    (tmp_path / "bad.md").write_bytes(b"Text \xff\xfe here.\n")
    r = run("check", "bad.md", cwd=tmp_path)
    assert r.exit_code == 2 and "not UTF-8" in r.output
    r = run("check", "bad.md", "--facts", "missing.yaml", cwd=tmp_path)
    assert r.exit_code == 2 and "Traceback" not in r.output


def test_pyproject_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.writer.check]\nignore = ["F001"]\n[tool.writer.check.extra-phrases]\nattribution = ["as tallied by the desk"]\n',
        encoding="utf-8",
    )
    (tmp_path / "a.md").write_text("Liquidations reached $1.861 billion.\n", encoding="utf-8")
    assert run("check", "a.md", cwd=tmp_path).exit_code == 0
    (tmp_path / "pyproject.toml").write_text(
        '[tool.writer.check]\n[tool.writer.check.extra-phrases]\nattribution = ["as tallied by the desk"]\n'
        '[tool.writer.check.source-aliases]\ncoinank = ["Ank Terminal"]\n[tool.writer.check.severity]\nF001 = "warning"\n',
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text("Liquidations reached $1.861 billion, as tallied by the desk.\n\nLongs lost $1.7 billion, Ank Terminal shows.\n", encoding="utf-8")
    assert run("check", "b.md", cwd=tmp_path).exit_code == 0
    r = run("check", "a.md", "--fail-on", "error", cwd=tmp_path)
    assert r.exit_code == 0 and "F001" in r.output  # demoted to a warning
    (tmp_path / "pyproject.toml").write_text('[tool.writer.check]\nselct = ["F"]\n', encoding="utf-8")
    r = run("check", "a.md", cwd=tmp_path)
    assert r.exit_code == 2 and "tool.writer.check.selct" in r.output


def test_rules_and_rule(articles):
    r = run("rules")
    assert r.exit_code == 0 and "P002  unattributed-single-source" in r.output
    data = json.loads(run("rules", "--format", "json").output)
    assert {d["code"] for d in data} >= {"P001", "F001"}
    r = run("rule", "P005")
    assert r.exit_code == 0 and "## Use instead" in r.output
    assert run("rule", "collapsed-range").exit_code == 0
    r = run("rule", "X1")
    assert r.exit_code == 2


def test_parallel_jobs_give_the_same_output(tmp_path):
    for i in range(40):
        (tmp_path / f"a{i:02d}.md").write_text(BARE if i % 3 else CLEAN, encoding="utf-8")
    one = run("check", ".", "--format", "json", "-j", "1", cwd=tmp_path)
    two = run("check", ".", "--format", "json", "-j", "2", cwd=tmp_path)
    assert one.exit_code == two.exit_code == 1
    assert one.output == two.output
    assert json.loads(one.output)["summary"]["files"] == 40


def test_front_matter_path_relative_to_the_working_folder(tmp_path):
    """`writer draft EVENT > articles/x.md` writes the fact path as typed: found from the working folder."""
    shutil.copytree(FIXTURES / "facts", tmp_path / "facts")
    (tmp_path / "articles").mkdir()
    body = "---\nfacts: facts/event.yaml\n---\n# Liquidations\n\nLiquidations reached $1.451 billion over 24 hours, according to a single source, CoinAnk.\n"
    (tmp_path / "articles" / "x.md").write_text(body, encoding="utf-8")
    r = run("check", "articles", cwd=tmp_path)
    assert r.exit_code == 0, r.output
