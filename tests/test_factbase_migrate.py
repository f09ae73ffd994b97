"""`writer facts migrate`: files written before a source became an unnamed group keep working."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from writer.cli import main

ROOT = Path(__file__).resolve().parent.parent

# Written the way a desk wrote files while `research-institutions` was a named source;
# the comments and the odd spacing must survive the rewrite.
OLD_FILE = """\
id: old-group-file
as_of: '2026-11-17T09:00:00+08:00'
facts:
  - id: total_24h
    metric: liquidations
    unit: USD
    window: 24h
    # the desk's own note, kept by the migration
    status: single_source
    observations:
      - source: research-institutions
        value: 2000000
context:
  - id: structure
    kind: market
    text: thin order books turned a local drop into a wider one
    status: multi_source   # one named source and one group
    sources: [coinglass, research-institutions]
quotes:
  - id: q1
    speaker: an analyst
    words: the selling was mechanical
    source: research-institutions
    status: single_source
"""


def _factbase(tmp_path: Path, text: str = OLD_FILE) -> Path:
    (tmp_path / "events").mkdir()
    shutil.copy(ROOT / "factbase" / "sources.yaml", tmp_path / "sources.yaml")
    event = tmp_path / "events" / "old-group-file.yaml"
    event.write_text(text, encoding="utf-8")
    return event


def _run(*args: str):
    return CliRunner().invoke(main, ["facts", *args])


def test_the_old_file_is_refused_with_a_pointer_to_migrate(tmp_path):
    event = _factbase(tmp_path)
    result = _run("validate", str(event))
    assert result.exit_code == 2
    assert f"{event}:9:5: facts[0].status:" in result.output
    assert "writer facts migrate" in result.output
    assert "context[0].status" in result.output and "quotes[0].status" in result.output


def test_migrate_rewrites_only_the_statuses_and_keeps_comments(tmp_path):
    event = _factbase(tmp_path)
    result = _run("migrate", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert f"{event}:9: facts[0].status: single_source -> unnamed_group" in result.output
    assert f"{event}:17: context[0].status: multi_source -> unnamed_group" in result.output
    new = event.read_text(encoding="utf-8")
    expected = (
        OLD_FILE.replace("    status: single_source\n    observations", "    status: unnamed_group\n    observations")
        .replace("status: multi_source   # one", "status: unnamed_group  # one")
        .replace("    source: research-institutions\n    status: single_source", "    source: research-institutions\n    status: unnamed_group")
    )
    assert new == expected
    assert _run("validate", str(event)).exit_code == 0
    again = _run("migrate", str(event))
    assert again.exit_code == 0 and event.read_text(encoding="utf-8") == expected


def test_check_mode_writes_nothing_and_exits_1(tmp_path):
    event = _factbase(tmp_path)
    result = _run("migrate", "--check", str(event))
    assert result.exit_code == 1
    assert event.read_text(encoding="utf-8") == OLD_FILE


def test_a_file_still_invalid_after_migration_is_left_alone_and_no_file_is_written(tmp_path):
    event = _factbase(tmp_path, OLD_FILE.replace("metric: liquidations", "metric: liquidatoins"))
    good = tmp_path / "events" / "other.yaml"
    good.write_text(OLD_FILE.replace("id: old-group-file", "id: other-file"), encoding="utf-8")
    result = _run("migrate", str(tmp_path))
    assert result.exit_code == 2
    assert f"{event}:5:" in result.output and "liquidations" in result.output  # located, with the suggestion
    assert event.read_text(encoding="utf-8").count("single_source") == 2
    assert good.read_text(encoding="utf-8") == OLD_FILE.replace("id: old-group-file", "id: other-file")


def test_the_bundled_fact_files_need_no_migration():
    result = _run("migrate", "--check", str(ROOT / "factbase"))
    assert result.exit_code == 0, result.output
