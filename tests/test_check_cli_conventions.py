"""`writer check` behaves like the linters editors and CI already use (ruff, Vale)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from writer.check.config import DEFAULT_FAIL_ON, load_config
from writer.check.output import RULES_REFERENCE, help_uri, rule_anchor
from writer.check.rules import RULES
from writer.cli import main
from writer.cli_check import use_color
from writer.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
BARE = "# Longs flushed\n\nLiquidations reached $1.861 billion in 24 hours.\n"
CLEAN = "# Longs flushed\n\nLiquidations reached $1.861 billion in 24 hours, according to CoinGlass.\n"


def run(*args, cwd: Path, stdin: str | bytes | None = None, env: dict | None = None):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), input=stdin, env=env, catch_exceptions=False)
    finally:
        os.chdir(old)


# --- stdin -----------------------------------------------------------------------------------


def test_stdin_with_json_and_a_stdin_filename(tmp_path):
    r = run("check", "-", "--format", "json", cwd=tmp_path, stdin=BARE)
    data = json.loads(r.stdout)
    assert r.exit_code == 1 and data["findings"][0]["path"] == "-" and data["findings"][0]["code"] == "F001"
    r = run("check", "-", "--stdin-filename", "desk/today.md", cwd=tmp_path, stdin=BARE)
    assert r.stdout.startswith("desk/today.md:3:22: F001 ")
    assert run("check", "-", cwd=tmp_path, stdin=CLEAN).exit_code == 0


def test_stdin_uses_the_stdin_filename_for_config_and_facts(tmp_path):
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "pyproject.toml").write_text('[tool.writer.check]\nignore = ["F001"]\n', encoding="utf-8")
    assert run("check", "-", "--stdin-filename", "desk/a.md", cwd=tmp_path, stdin=BARE).exit_code == 0
    assert run("check", "-", "--stdin-filename", "a.md", cwd=tmp_path, stdin=BARE).exit_code == 1


def test_stdin_through_a_real_pipe(tmp_path):
    """`cat article.md | writer check - --format json` as an editor's format-on-save runs it."""
    r = subprocess.run([sys.executable, "-m", "writer.cli", "check", "-", "--format", "json"], input=BARE.encode(),
                       capture_output=True, cwd=tmp_path, timeout=120)
    assert r.returncode == 1, r.stderr
    assert json.loads(r.stdout)["summary"]["findings"] == 1


def test_python_dash_m_writer_is_the_same_command_line(tmp_path):
    """`python -m writer check ...` (no console script on PATH) gives the console script's exit code and output."""
    r = subprocess.run([sys.executable, "-m", "writer", "check", "-", "--format", "json"], input=BARE.encode(),
                       capture_output=True, cwd=tmp_path, timeout=120)
    assert r.returncode == 1, r.stderr
    assert json.loads(r.stdout)["summary"]["findings"] == 1


def test_stdin_not_utf8_is_exit_2(tmp_path):
    r = run("check", "-", cwd=tmp_path, stdin=b"ok\n\xff\xfe\n")
    assert r.exit_code == 2 and "-:2:0: not UTF-8 text" in r.stderr


# --- input errors in every format ------------------------------------------------------------------


def test_missing_file_under_sarif_is_valid_sarif_with_a_notification(tmp_path):
    r = run("check", "missing.md", "--format", "sarif", cwd=tmp_path)
    assert r.exit_code == 2
    sarif = json.loads(r.stdout)
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"] == []
    inv = sarif["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    note = inv["toolExecutionNotifications"][0]
    assert note["level"] == "error" and "no such file" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "missing.md"
    jsonschema = pytest.importorskip("jsonschema")  # the suite's own dependency; checks the shape we rely on
    jsonschema.validate(sarif, {"type": "object", "required": ["version", "runs"],
                                "properties": {"runs": {"type": "array", "items": {"required": ["tool", "results"]}}}})


def test_missing_file_under_github_is_an_error_annotation(tmp_path):
    r = run("check", "missing.md", "--format", "github", cwd=tmp_path)
    assert r.exit_code == 2
    assert r.stdout.startswith("::error file=missing.md,title=writer%3A input error::no such file")


def test_missing_file_under_json_has_errors(tmp_path):
    r = run("check", "missing.md", "--format", "json", cwd=tmp_path)
    assert r.exit_code == 2 and json.loads(r.stdout)["errors"][0]["path"] == "missing.md"


def test_broken_config_under_sarif_names_the_file(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.writer.check\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(CLEAN, encoding="utf-8")
    r = run("check", "a.md", "--format", "sarif", cwd=tmp_path)
    assert r.exit_code == 2
    note = json.loads(r.stdout)["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("pyproject.toml")
    assert note["locations"][0]["physicalLocation"]["region"]["startLine"] == 1


# --- configuration ---------------------------------------------------------------------------


def test_configuration_is_found_from_each_articles_folder(tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "pyproject.toml").write_text('[tool.writer.check]\nignore = ["F001"]\n', encoding="utf-8")
    (tmp_path / "desk" / "a.md").write_text(BARE, encoding="utf-8")
    (tmp_path / "b.md").write_text(BARE, encoding="utf-8")
    from_parent = run("check", "desk/a.md", "b.md", "--format", "json", cwd=tmp_path)
    from_inside = run("check", "a.md", "--format", "json", cwd=tmp_path / "desk")
    paths = [f["path"] for f in json.loads(from_parent.stdout)["findings"]]
    assert paths == ["b.md"]  # desk/a.md follows desk/pyproject.toml wherever writer runs from
    assert json.loads(from_inside.stdout)["findings"] == []


@pytest.mark.parametrize("content, line, field, words", [
    ("[tool.writer.check\nselect = 1\n", 1, "", "not valid TOML"),
    ("tool = 5\n", 1, "tool", "expected a table, got an integer"),
    ('[project]\nname = "x"\n\n[tool]\nwriter = "x"\n', 5, "tool.writer", "expected a table, got a string"),
    ('[tool.writer.check]\nselect = ["P"]\nsources = 5\n', 3, "tool.writer.check.sources", "expected the path of a sources.yaml"),
    ('[tool.writer.check]\nfail-on = "never"\n', 2, "tool.writer.check.fail-on", "expected one of"),
    ('[tool.writer.check]\nselect = ["P0X9"]\n', 2, "tool.writer.check.select", "unknown rule code or prefix 'P0X9'"),
])
def test_broken_or_ill_typed_config_beside_an_article_is_exit_2_naming_it(tmp_path, content, line, field, words):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "pyproject.toml").write_text(content, encoding="utf-8")
    (tmp_path / "desk" / "a.md").write_text(CLEAN, encoding="utf-8")
    r = run("check", "desk/a.md", cwd=tmp_path)
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output and "Usage:" not in r.output
    where = f"{tmp_path / 'desk' / 'pyproject.toml'}:{line}:"
    assert where in r.stderr and words in r.stderr and (not field or field in r.stderr)


def test_config_not_utf8_is_exit_2_with_its_line(tmp_path):
    (tmp_path / "pyproject.toml").write_bytes(b'[tool.writer.check]\nignore = ["F\xff"]\n')
    (tmp_path / "a.md").write_text(CLEAN, encoding="utf-8")
    r = run("check", "a.md", cwd=tmp_path)
    assert r.exit_code == 2 and f"{tmp_path / 'pyproject.toml'}:2:" in r.stderr and "not UTF-8" in r.stderr


def test_every_unknown_key_at_once_each_with_its_line(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.writer.check]\nselct = ["F"]\nfail_on = "error"\n\n[tool.writer.check.severity]\nP002 = "warning"\nP999 = "error"\n'
                    '[tool.writer.check.extra-phrases]\nattributoin = ["per"]\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_config(path)
    got = {(p.line, p.field) for p in err.value.problems}
    assert got == {(2, "tool.writer.check.selct"), (3, "tool.writer.check.fail_on"), (7, "tool.writer.check.severity.P999"),
                   (9, "tool.writer.check.extra-phrases.attributoin")}


def test_batch_names_a_broken_config_too(tmp_path):
    shutil_copy_factbase(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.writer.check]\nsources = 5\n", encoding="utf-8")
    r = run("batch", "factbase", "--out", "site", "-q", cwd=tmp_path)
    assert r.exit_code == 2 and "pyproject.toml:2:" in r.output and "tool.writer.check.sources" in r.output
    assert not (tmp_path / "site" / "index.html").exists()


def shutil_copy_factbase(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(ROOT / "factbase", tmp_path / "factbase")


# --- suppressions ------------------------------------------------------------------------------


def test_misspelt_and_unused_suppressions_are_reported(tmp_path):
    (tmp_path / "a.md").write_text(
        "# Desk notes\n\n<!-- writer: disable-next-line F01 -->\nThe cascade cleared $412 million of longs.\n\n"
        "<!-- writer: disable-next-line F001 -->\nShorts lost $97 million, according to CoinGlass.\n", encoding="utf-8")
    r = run("check", "a.md", "--format", "json", cwd=tmp_path)
    found = {(f["line"], f["code"]) for f in json.loads(r.stdout)["findings"]}
    assert found == {(3, "S001"), (4, "F001"), (6, "S002")}
    # S001 means the real finding still shows; S002 is info (reported, not failing alone)
    (tmp_path / "b.md").write_text("<!-- writer: disable-next-line F001 -->\nShorts lost $97 million, according to CoinGlass.\n", encoding="utf-8")
    r = run("check", "b.md", cwd=tmp_path)
    assert r.exit_code == 0 and "b.md:1:1: S002 unused-suppression" in r.stdout
    # a rule that did not run proves nothing: no S002 for it
    assert "S002" not in run("check", "b.md", "--ignore", "F001", cwd=tmp_path).stdout


# --- reporting -------------------------------------------------------------------------------


def test_exit_zero_and_statistics(tmp_path):
    (tmp_path / "a.md").write_text(BARE + "\nShorts lost $97 million.\n", encoding="utf-8")
    assert run("check", "a.md", cwd=tmp_path).exit_code == 1
    assert run("check", "a.md", "--exit-zero", cwd=tmp_path).exit_code == 0
    assert run("check", "missing.md", "--exit-zero", cwd=tmp_path).exit_code == 2
    r = run("check", "a.md", "--statistics", cwd=tmp_path)
    assert r.stdout.splitlines()[0] == "2  F001  no-attribution"


def test_source_line_and_caret_with_colour_and_without(tmp_path):
    (tmp_path / "a.md").write_text(BARE, encoding="utf-8")
    r = run("check", "a.md", "--show-source", "--color", "never", cwd=tmp_path)
    lines = r.stdout.splitlines()
    assert lines[1] == "3 | Liquidations reached $1.861 billion in 24 hours."
    assert lines[2] == "  |                      ^^^^^^^^^^^^^^"
    colored = run("check", "a.md", "--show-source", "--color", "always", cwd=tmp_path).stdout
    assert "\x1b[" in colored and re.sub(r"\x1b\[[0-9;]*m", "", colored) == r.stdout
    assert "\x1b[" not in run("check", "a.md", cwd=tmp_path).stdout  # not a terminal: plain


class _Tty:
    def isatty(self):
        return True


def test_colour_follows_the_terminal_and_no_color():
    assert use_color("auto", _Tty(), {}) is True
    assert use_color("auto", _Tty(), {"NO_COLOR": "1"}) is False
    assert use_color("auto", object(), {}) is False
    assert use_color("always", object(), {"NO_COLOR": "1"}) is True  # an explicit flag wins (no-color.org)


def test_sarif_rules_have_a_help_uri_into_the_rules_reference(tmp_path):
    (tmp_path / "a.md").write_text(BARE, encoding="utf-8")
    sarif = json.loads(run("check", "a.md", "--format", "sarif", cwd=tmp_path).stdout)
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    reference = (ROOT / RULES_REFERENCE).read_text(encoding="utf-8")
    for r in rules:
        assert r["helpUri"] == help_uri(r["id"]) and r["helpUri"].endswith("#" + rule_anchor(r["id"]))
        assert f"\n## {r['id']} {r['name']}\n" in reference  # the anchor exists


def test_check_and_batch_share_one_default_threshold():
    from writer.check import CheckConfig
    from writer.check.findings import severity_rank
    from writer.publish.worker import gate_rank

    assert CheckConfig().fail_on == DEFAULT_FAIL_ON
    assert gate_rank(CheckConfig()) == severity_rank(DEFAULT_FAIL_ON)


def test_an_unreadable_article_is_named_and_the_others_still_checked(tmp_path):
    (tmp_path / "bad.md").write_text("---\nfacts: nope.yaml\n---\n\nText.\n", encoding="utf-8")
    (tmp_path / "good.md").write_text(BARE, encoding="utf-8")
    r = run("check", "bad.md", "good.md", cwd=tmp_path)
    assert r.exit_code == 2
    assert "bad.md:2:1: facts: front matter 'facts' points to 'nope.yaml'" in r.stderr
    assert "good.md:3:22: F001" in r.stdout and "1 of 2 files could not be checked" in r.stdout
    sarif = json.loads(run("check", "bad.md", "good.md", "--format", "sarif", cwd=tmp_path).stdout)
    run_ = sarif["runs"][0]
    assert [r["ruleId"] for r in run_["results"]] == ["F001"]
    assert run_["invocations"][0]["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 2


def test_writer_toml_is_found_first_and_validated_the_same_way(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.writer.check]\nselect = ["P"]\n', encoding="utf-8")
    (tmp_path / "writer.toml").write_text('[check]\nignore = ["F001"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(BARE, encoding="utf-8")
    assert run("check", "a.md", cwd=tmp_path).exit_code == 0
    (tmp_path / "writer.toml").write_text('[check]\nignroe = ["F001"]\n[tool.writer.check]\n', encoding="utf-8")
    r = run("check", "a.md", cwd=tmp_path)
    assert r.exit_code == 2 and "writer.toml:2:1: check.ignroe: unknown key" in r.stderr and "writer.toml:3:1: tool: unknown table" in r.stderr
