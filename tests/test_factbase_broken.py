"""The corpus of broken fact files: every one is refused with a located, useful message.

Each ``tests/broken/*.yaml`` has an entry in ``tests/broken/cases.toml`` giving
the line:column, the field path and a phrase of the first problem reported.
The test runs the real command (``writer facts validate FILE``) and holds it to
the contract editors rely on: exit 2, ``FILE:LINE:COL: FIELD: message``, no
traceback, no partial output on stdout.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from writer.cli import main

BROKEN = Path(__file__).parent / "broken"
CASES = tomllib.loads((BROKEN / "cases.toml").read_text(encoding="utf-8"))
FILES = sorted(p.stem for p in BROKEN.glob("*.yaml") if p.name != "sources.yaml")


def _prefix(name: str, case: dict) -> str:
    where = f"{name}.yaml:{case['at']}: "
    return where + (f"{case['field']}: " if case["field"] else "")


def test_every_broken_file_has_a_case_and_every_case_a_file():
    assert FILES == sorted(CASES)
    assert len(FILES) >= 25


@pytest.fixture
def in_broken(monkeypatch):
    monkeypatch.chdir(BROKEN)


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_file_is_refused_with_location(name, in_broken):
    case = CASES[name]
    result = CliRunner().invoke(main, ["facts", "validate", f"{name}.yaml"])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)  # not an unhandled exception
    assert "Traceback" not in result.output
    assert result.stdout == ""  # nothing that looks like a result
    first = result.stderr.splitlines()[0]
    assert first.startswith(_prefix(name, case)), first
    assert case["message"] in first


@pytest.mark.parametrize("name", ["tab_indent", "python_tag", "alias_bomb", "not_utf8", "empty", "long_short_above_total"])
def test_broken_file_through_a_real_process(name):
    case = CASES[name]
    proc = subprocess.run(
        [sys.executable, "-m", "writer.cli", "facts", "validate", f"{name}.yaml"],
        cwd=BROKEN,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.stdout == ""
    first = proc.stderr.splitlines()[0]
    assert first.startswith(_prefix(name, case)) and case["message"] in first, first


def test_folder_of_broken_files_reports_every_file(in_broken):
    """One bad file never hides another: validating the folder names all of them."""
    result = CliRunner().invoke(main, ["facts", "validate", "."])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    for name in FILES:
        assert f"{name}.yaml:" in result.stderr, name
    assert result.stderr.rstrip().endswith("problems found")


def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path):
    shutil.copy(BROKEN / "sources.yaml", tmp_path / "sources.yaml")
    big = tmp_path / "huge.yaml"
    head = (BROKEN / "missing_unit.yaml").read_bytes()
    with big.open("wb") as fh:
        fh.write(head)
        line = b"# " + b"x" * 1021 + b"\n"
        for _ in range(50 * 1024):
            fh.write(line)
    assert big.stat().st_size > 50_000_000
    result = CliRunner().invoke(main, ["facts", "validate", str(big)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{big}:1:1: ")
    assert "over the 1,048,576-byte limit" in first


def test_missing_file_is_an_input_error(tmp_path):
    shutil.copy(BROKEN / "sources.yaml", tmp_path / "sources.yaml")
    result = CliRunner().invoke(main, ["facts", "validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr
    assert "Traceback" not in result.output


def test_broken_registry_is_located(tmp_path):
    (tmp_path / "sources.yaml").write_text("sources:\n  - id: coinglass\n    name: CoinGlass\n    kind: dashboard\n")
    shutil.copy(BROKEN / "missing_unit.yaml", tmp_path / "event.yaml")
    result = CliRunner().invoke(main, ["facts", "validate", str(tmp_path / "event.yaml")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{tmp_path / 'sources.yaml'}:4:5: sources[0].kind: ")
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "body",
    ["note: " + "[" * 200_000 + "]" * 200_000, "note:\n  " + "- " * 150_000 + "x", "note: " + "{a: " * 100_000 + "1" + "}" * 100_000],
    ids=["flow-sequences", "block-sequences", "flow-mappings"],
)
def test_pathological_nesting_is_refused_not_a_crash(tmp_path, body):
    """Deep nesting must not overflow the C parser's stack (a segfault, exit -11) or Python's."""
    shutil.copy(BROKEN / "sources.yaml", tmp_path / "sources.yaml")
    (tmp_path / "deep.yaml").write_text("id: deep\n" + body + "\n")
    proc = subprocess.run(
        [sys.executable, "-m", "writer.cli", "facts", "validate", "deep.yaml"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-500:])
    assert "Traceback" not in proc.stderr
    assert "nested more than 24 levels deep" in proc.stderr.splitlines()[0]


def test_a_pipe_is_refused_instead_of_blocking(tmp_path):
    import os

    shutil.copy(BROKEN / "sources.yaml", tmp_path / "sources.yaml")
    os.mkfifo(tmp_path / "pipe.yaml")
    result = CliRunner().invoke(main, ["facts", "validate", str(tmp_path / "pipe.yaml")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{tmp_path / 'pipe.yaml'}:1:1: is a named pipe (FIFO)")
