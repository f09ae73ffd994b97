"""`writer batch` from the command line: isolation of a broken event, SIGKILL mid-run, reports, exit codes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from test_batch_support import make_factbase, set_value, tree
from writer.cli import main
from writer.publish import BatchOptions, SiteSettings, build_site


def run(*args: str):
    return CliRunner().invoke(main, ["batch", *args], catch_exceptions=False)


def test_one_broken_event_among_100_is_rejected_and_the_others_publish(tmp_path):
    paths = make_factbase(tmp_path / "fb", 100)
    broken = paths[41]
    set_value(broken, "unit: USD", "unit: dollars")
    result = run(str(tmp_path / "fb"), "--out", str(tmp_path / "site"), "--format", "json", "--jobs", "2")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert len(report["published"]) == 99 and report["unchanged"] == []
    [rej] = report["rejected"]
    assert rej["event"] == broken.stem
    assert rej["file"].endswith(broken.name) and rej["line"] > 0 and rej["code"] == "facts"
    assert "unit" in rej["reason"] and rej["kept_previous"] is False
    assert isinstance(report["seconds"], float)
    manifest = json.loads((tmp_path / "site" / ".writer" / "manifest.json").read_text())
    assert len(manifest["events"]) == 99 and broken.stem not in manifest["events"]
    assert not (tmp_path / "site" / broken.stem).exists()
    # Plain progress lines (no TTY here), the rejection with file:line:column, and the summary.
    assert f"{broken.name}:{rej['line']}:{rej['column']}: facts: rejected {broken.stem}" in result.stderr
    assert "events processed" in result.stderr and "\r" not in result.stderr


def test_second_run_says_nothing_to_do(tmp_path):
    make_factbase(tmp_path / "fb", 6)
    args = [str(tmp_path / "fb"), "--out", str(tmp_path / "site"), "--jobs", "1"]
    first = run(*args)
    assert first.exit_code == 0 and "6 published" in first.stdout
    second = run(*args)
    assert second.exit_code == 0
    assert "nothing to do: 6 events unchanged" in second.stdout


def test_usage_errors_exit_2(tmp_path):
    make_factbase(tmp_path / "fb", 2)
    out = str(tmp_path / "site")
    assert run(str(tmp_path / "fb"), "--out", out, "--shard", "4/3").exit_code == 2
    assert run(str(tmp_path / "fb"), "--out", out, "--jobs", "0").exit_code == 2
    assert run("--out", out).exit_code == 2
    missing = run(str(tmp_path / "nope"), "--out", out)
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run(str(empty), "--out", out).exit_code == 2
    merge = run("--merge", "--out", out)
    assert merge.exit_code == 2 and "no shard manifests" in merge.stderr
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / ".writer").mkdir()
    (tmp_path / "bad" / ".writer" / "manifest.json").write_text("{not json")
    damaged = run(str(tmp_path / "fb"), "--out", str(tmp_path / "bad"))
    assert damaged.exit_code == 2 and "manifest.json" in damaged.stderr and "Traceback" not in damaged.stderr


def test_shard_runs_and_merge_from_the_command_line(tmp_path):
    make_factbase(tmp_path / "fb", 9)
    out = str(tmp_path / "site")
    published = []
    for k in (1, 2, 3):
        r = run(str(tmp_path / "fb"), "--out", out, "--shard", f"{k}/3", "--desk", "Asia desk", "--format", "json", "-q")
        assert r.exit_code == 0, r.output
        published += json.loads(r.stdout)["published"]
    assert len(published) == 9
    other = run("--merge", "--out", out, "--desk", "Another desk")
    assert other.exit_code == 2 and "other site settings" in other.stderr
    merged = run("--merge", "--out", out, "--format", "json")  # the shards' own settings
    assert merged.exit_code == 0, merged.output
    assert len(json.loads(merged.stdout)["published"]) == 9
    build_site(tmp_path / "fb", BatchOptions(out=tmp_path / "full", jobs=1, settings=SiteSettings(desk="Asia desk")))
    assert tree(tmp_path / "site") == tree(tmp_path / "full")


def test_sigkill_mid_run_leaves_the_previous_site_and_a_rerun_completes_it(tmp_path):
    make_factbase(tmp_path / "fb", 60)
    fb = tmp_path / "fb" / "events"
    build_site(fb, BatchOptions(out=tmp_path / "site", jobs=2))
    old = tree(tmp_path / "site", state=True)
    # The reference: the same build with another desk name, uninterrupted (every page changes).
    desk = SiteSettings(desk="Night desk")
    build_site(fb, BatchOptions(out=tmp_path / "ref", jobs=2, settings=desk))
    ref = tree(tmp_path / "ref")

    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "writer.cli", "batch", str(fb), "--out", str(tmp_path / "site"), "--desk", "Night desk", "--jobs", "1", "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    stage = tmp_path / "site" / ".writer" / "stage"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if len(list(stage.glob("*/index.html"))) >= 3:
                break
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"

    # New pages were staged, none was visible yet: the site, manifest included, is the previous one.
    site = tree(tmp_path / "site", state=True)
    assert {rel: data for rel, data in site.items() if not rel.startswith(".writer/")} == {rel: data for rel, data in old.items() if not rel.startswith(".writer/")}
    assert site[".writer/manifest.json"] == old[".writer/manifest.json"]
    assert any(rel.startswith(".writer/stage/") for rel in site)

    rerun = build_site(fb, BatchOptions(out=tmp_path / "site", jobs=1, settings=desk))
    assert rerun.rejected == []
    assert tree(tmp_path / "site") == ref
    assert not any((tmp_path / "site" / ".writer" / "stage").iterdir())


def test_shards_run_side_by_side_into_one_folder(tmp_path):
    make_factbase(tmp_path / "fb", 12)
    fb, out = str(tmp_path / "fb"), str(tmp_path / "site")
    procs = [subprocess.Popen([sys.executable, "-m", "writer.cli", "batch", fb, "--out", out, "--shard", f"{k}/2", "--jobs", "1", "-q"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for k in (1, 2)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    assert run("--merge", "--out", out).exit_code == 0
    build_site(tmp_path / "fb", BatchOptions(out=tmp_path / "full", jobs=2))
    assert tree(tmp_path / "site") == tree(tmp_path / "full")


def test_a_terminal_gets_a_progress_bar(tmp_path):
    import pty

    make_factbase(tmp_path / "fb", 4)
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "writer.cli", "batch", str(tmp_path / "fb"), "--out", str(tmp_path / "site"), "--jobs", "1"],
                            stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:  # the terminal closed: the command has finished
            break
        if not data:
            break
        chunks.append(data)
    out, _ = proc.communicate(timeout=120)
    os.close(leader)
    terminal = b"".join(chunks).decode()
    assert proc.returncode == 0
    assert "publishing" in terminal and "4/4" in terminal and "#" in terminal
    assert "events processed" not in terminal  # the plain CI lines are for pipes only
    assert b"4 published" in out


def test_templates_that_do_not_compile_are_a_usage_error_without_traceback(tmp_path):
    import shutil as _shutil

    import writer.templates

    make_factbase(tmp_path / "fb", 3)
    templates = tmp_path / "templates"
    _shutil.copytree(Path(writer.templates.__file__).parent, templates, ignore=_shutil.ignore_patterns("__pycache__", "*.py"))
    j2 = sorted(templates.rglob("*.j2"))[0]
    j2.write_text(j2.read_text() + "{% if %}\n")
    proc = subprocess.run([sys.executable, "-m", "writer.cli", "batch", str(tmp_path / "fb"), "--out", str(tmp_path / "site"), "--templates", str(templates), "--jobs", "2"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert j2.name in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "site" / ".writer" / "manifest.json").exists()


def test_verify_checks_the_articles_files_from_the_command_line(tmp_path):
    """`--verify` reaches the build: an article file edited on disk is reported only with it; `--merge` refuses it."""
    make_factbase(tmp_path / "fb", 2)
    args = [str(tmp_path / "fb"), "--out", str(tmp_path / "site"), "-q", "--jobs", "1", "--format", "json"]
    assert run(*args).exit_code == 0
    page = sorted((tmp_path / "site").glob("*/index.html"))[0]
    page.write_bytes(page.read_bytes() + b"<!-- edited -->\n")
    trusting = run(*args)
    assert trusting.exit_code == 0 and json.loads(trusting.stdout)["damaged"] == []
    checked = run(*args, "--verify")
    rel = page.relative_to(tmp_path / "site").as_posix()
    assert checked.exit_code == 1 and json.loads(checked.stdout)["damaged"] == [rel]
    merged = CliRunner().invoke(main, ["batch", "--merge", "--verify", "--out", str(tmp_path / "site")])
    assert merged.exit_code == 2 and "--verify" in merged.output
