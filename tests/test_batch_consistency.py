"""A killed update never leaves a site its manifest does not describe; damaged files are noticed
(the site's own files on every run, the articles' with ``--verify``, and any a killed run left pending).

The kill test runs `writer batch` in a child process that SIGKILLs itself
just before its K-th rename (``os.replace``: every file writer makes visible
goes through one), for K = 1, 2, ... until a run finishes. After each kill the
visible site must be consistent with the manifest on disk, and a plain re-run
must end with the bytes of an uninterrupted run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from test_batch_support import listed_files, make_factbase, move_price_level, set_value, tree
from writer import __version__
from writer.atomic import sha256_file
from writer.publish import BatchOptions, build_site
from writer.publish.manifest import Manifest

EPOCH = "1767225600"  # 2026-01-01T00:00:00Z: the correction dates of this test
KILL_BEFORE_RENAME = r"""
import os, signal, sys
if sys.argv.pop(1) == "whole":  # the plain journal: the previous manifest written again with the pending states
    import writer.publish.commit as commit
    from writer import __version__
    commit.write_journal = lambda layout, before, pending: layout.write(layout.manifest, before.journal(pending).to_bytes(__version__))
kill_at, seen, real_replace = int(sys.argv[1]), [0], os.replace
def replace(src, dst, *args, **kwargs):
    seen[0] += 1
    if seen[0] == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
    return real_replace(src, dst, *args, **kwargs)
os.replace = replace
from writer.cli import main
main(sys.argv[2:], prog_name="writer")
"""


def assert_consistent(site: Path) -> None:
    """Every file the manifest lists is on disk as it vouches (current, or the journal's pending state);
    every article the index and the feed link to exists; the feed is well-formed XML."""
    manifest = Manifest.read(site / ".writer" / "manifest.json")
    assert manifest is not None
    for rel in sorted(listed_files(manifest).keys() | manifest.pending.keys()):
        path = site / rel
        digest = sha256_file(path) if path.is_file() else None
        assert manifest.accepts(rel, digest), f"{rel}: on disk {digest}, manifest {listed_files(manifest).get(rel)} / pending {manifest.pending.get(rel)}"
    index = (site / "index.html").read_text(encoding="utf-8")
    for event_id in re.findall(r'<a href="([a-z0-9-]+)/">', index):
        assert (site / event_id / "index.html").is_file(), f"the index links to {event_id}/, which is gone"
    feed = ET.fromstring((site / "feed.xml").read_bytes())
    for link in feed.iter("{http://www.w3.org/2005/Atom}link"):
        href = link.get("href")
        if href.endswith("/") and href != "./":
            assert (site / href / "index.html").is_file(), f"the feed links to {href}, which is gone"


def _update(fb: Path, spare: Path) -> None:
    """One update of every kind: a printed figure corrected, a title changed, an event deleted, one added."""
    events = sorted(fb.glob("*.yaml"))
    move_price_level(events[0])
    set_value(events[1], "title: ", "title: Revised ")
    events[2].unlink()
    shutil.copy(spare, fb / spare.name)


@pytest.mark.parametrize("journal", ["small", "whole"])
def test_a_kill_at_every_rename_of_an_update_leaves_a_site_consistent_with_its_manifest(tmp_path, monkeypatch, journal):
    """``small``: the journal file beside the manifest (what writer does); ``whole``: the plain version it
    replaced (the previous manifest written again with the pending states), which must behave the same."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    paths = make_factbase(tmp_path / "fb", 6)
    spare = tmp_path / "spare.yaml"
    shutil.move(paths[-1], spare)
    fb = tmp_path / "fb" / "events"
    build_site(fb, BatchOptions(out=tmp_path / "before", jobs=1))
    assert_consistent(tmp_path / "before")
    _update(fb, spare)
    shutil.copytree(tmp_path / "before", tmp_path / "ref")
    reference = build_site(fb, BatchOptions(out=tmp_path / "ref", jobs=1))
    assert reference.published and reference.removed and reference.corrected
    expected = tree(tmp_path / "ref")

    env = dict(os.environ, PYTHONUNBUFFERED="1", SOURCE_DATE_EPOCH=EPOCH)
    kills = 0
    for kill_at in range(1, 60):
        site = tmp_path / f"site-{kill_at}"
        shutil.copytree(tmp_path / "before", site)
        proc = subprocess.run([sys.executable, "-c", KILL_BEFORE_RENAME, journal, str(kill_at), "batch", str(fb), "--out", str(site), "--jobs", "1", "-q"],
                              env=env, capture_output=True, text=True, timeout=300)
        if proc.returncode == 0:
            break
        assert proc.returncode == -signal.SIGKILL, proc.stderr
        kills += 1
        assert_consistent(site)
        rerun = build_site(fb, BatchOptions(out=site, jobs=1))
        assert rerun.rejected == []
        assert tree(site) == expected, f"no convergence after a kill before rename {kill_at}"
        assert_consistent(site)
        assert (site / ".writer" / "manifest.json").read_bytes() == (tmp_path / "ref" / ".writer" / "manifest.json").read_bytes()
        assert not (site / ".writer" / "manifest.journal").exists()
        shutil.rmtree(site)
    else:
        raise AssertionError("the update never finished")
    # Journal manifest, 3 new files per added or changed event (at least), index, feed, manifest.
    assert kills >= 9, kills


def test_a_journal_manifest_vouches_for_both_states_and_reads_back(tmp_path):
    make_factbase(tmp_path / "fb", 2)
    build_site(tmp_path / "fb", BatchOptions(out=tmp_path / "site", jobs=1))
    manifest = Manifest.read(tmp_path / "site" / ".writer" / "manifest.json")
    rel = next(iter(next(iter(manifest.entries.values())).files))
    journal = manifest.journal({rel: "a" * 64, "index.html": None})
    again = Manifest._parse(json.loads(journal.to_bytes("test")))
    assert again.pending == {rel: "a" * 64, "index.html": None}
    assert again.accepts(rel, listed_files(manifest)[rel]) and again.accepts(rel, "a" * 64) and not again.accepts(rel, "b" * 64)
    assert again.accepts("index.html", None) and not manifest.accepts("index.html", None)


def _killed_before_the_manifest(fb: Path, out: Path, monkeypatch) -> None:
    """A run killed just after its renames, before the new manifest: the journal is on disk beside the old one."""
    from writer.publish.commit import Layout

    real_write = Layout.write

    def write(self, path, data):
        if path == self.manifest:
            raise _Killed
        real_write(self, path, data)

    with monkeypatch.context() as m:
        m.setattr(Layout, "write", write)
        with pytest.raises(_Killed):
            build_site(fb, BatchOptions(out=out, jobs=1))


def test_the_journal_is_small_bound_to_the_manifest_it_guards_and_ignored_once_another_replaces_it(tmp_path, monkeypatch):
    paths = make_factbase(tmp_path / "fb", 3)
    out = tmp_path / "site"
    build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))
    manifest_file, journal_file = out / ".writer" / "manifest.json", out / ".writer" / "manifest.journal"
    old_manifest = manifest_file.read_bytes()
    move_price_level(paths[0])
    _killed_before_the_manifest(tmp_path / "fb", out, monkeypatch)
    assert manifest_file.read_bytes() == old_manifest  # the manifest itself is not written twice
    journal = json.loads(journal_file.read_bytes())
    assert len(journal_file.read_bytes()) < 2000 and journal["pending"]
    assert Manifest.read(manifest_file).pending == journal["pending"]  # read with its manifest
    assert Manifest.read(manifest_file, journal=False).pending == {}
    assert_consistent(out)
    build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))  # finishes the update, removes the journal
    assert not journal_file.exists()
    journal_file.write_text(json.dumps(journal))  # a journal left by a commit killed after its manifest
    assert Manifest.read(manifest_file).pending == {}  # bound to another manifest: ignored
    report = build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))
    assert report.nothing_built and report.damaged == []


@pytest.mark.parametrize("content", ["{", '{"format": 1, "manifest": "MANIFEST", "pending": {"../../etc/passwd": null}}',
                                     '{"format": 1, "manifest": "MANIFEST", "pending": {"index.html": "not-a-digest"}}',
                                     '{"format": 99, "manifest": "MANIFEST", "pending": {}}', "[]"])
def test_a_damaged_journal_bound_to_the_manifest_is_exit_2_naming_it_and_nothing_is_written(tmp_path, content):
    make_factbase(tmp_path / "fb", 2)
    out = tmp_path / "site"
    build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))
    digest = Manifest.read(out / ".writer" / "manifest.json", journal=False).binding()
    journal = out / ".writer" / "manifest.journal"
    journal.write_text(content.replace("MANIFEST", digest))
    before = tree(out, state=True)
    proc = subprocess.run([sys.executable, "-m", "writer.cli", "batch", str(tmp_path / "fb"), "--out", str(out), "-q"], capture_output=True, text=True)
    assert proc.returncode == 2 and "manifest.journal" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert tree(out, state=True) == before


def test_a_file_named_like_a_journal_beside_the_legacy_manifest_is_the_user_s(tmp_path):
    """Writer before 0.2 kept its manifest in the deployed tree: a 'manifest.journal' there is not writer's."""
    make_factbase(tmp_path / "fb", 2)
    out = tmp_path / "site"
    build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))
    (out / ".writer" / "manifest.json").rename(out / "manifest.json")
    (out / "manifest.journal").write_text("the user's own notes")
    report = build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))
    assert report.rejected == [] and (out / "manifest.journal").read_text() == "the user's own notes"
    assert (out / ".writer" / "manifest.json").is_file() and not (out / "manifest.json").exists()


def test_a_published_file_edited_on_disk_is_noticed_and_force_restores_it(tmp_path):
    make_factbase(tmp_path / "fb", 3)
    out = tmp_path / "site"
    build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))
    published = tree(out)
    page = sorted(out.glob("*/index.html"))[0]
    rel = page.relative_to(out).as_posix()
    page.write_bytes(published[rel].replace(b"<article", b"<article data-edited-by-hand", 1))
    (out / "feed.xml").write_bytes(b"<feed/>")

    trusting = build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))  # articles' files trusted, the site's own checked
    assert trusting.damaged == ["feed.xml"] and trusting.exit_code == 1
    plain = build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1, verify=True))
    assert plain.damaged == sorted([rel, "feed.xml"]) and plain.exit_code == 1
    assert b"data-edited-by-hand" in page.read_bytes() and (out / "feed.xml").read_bytes() == b"<feed/>"  # noticed, not overwritten
    forced = build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1, force=True))
    assert forced.exit_code == 0
    assert tree(out) == published
    assert build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1, verify=True)).damaged == []


def test_a_file_damaged_with_its_size_and_time_kept_is_still_noticed(tmp_path):
    """The stat cache must not hide an edit: same size, same mtime, new bytes (ctime moves)."""
    make_factbase(tmp_path / "fb", 2)
    out = tmp_path / "site"
    build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))
    page = sorted(out.glob("*/*.md"))[0]
    st = page.stat()
    data = page.read_bytes()
    page.write_bytes(data[:-2] + b"X\n")
    os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns))
    report = build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1, verify=True))
    assert report.damaged == [page.relative_to(out).as_posix()]


def test_a_missing_published_file_is_published_again(tmp_path):
    make_factbase(tmp_path / "fb", 2)
    out = tmp_path / "site"
    build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))
    published = tree(out)
    victim = sorted(p for p in out.glob("*/*.json") if p.parent.name != ".writer")[0]
    victim.unlink()
    trusting = build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))  # the manifest vouches for it: not looked at
    assert trusting.published == [] and not victim.exists()
    report = build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1, verify=True))
    assert report.published == [victim.parent.name] and report.damaged == []
    assert tree(out) == published


def test_the_command_line_names_an_edited_file_and_does_not_call_the_site_up_to_date(tmp_path):
    from click.testing import CliRunner

    from writer.cli import main

    make_factbase(tmp_path / "fb", 1)
    args = ["batch", str(tmp_path / "fb"), "--out", str(tmp_path / "site"), "-q", "--jobs", "1"]
    assert CliRunner().invoke(main, args).exit_code == 0
    with open(tmp_path / "site" / "index.html", "a") as fh:
        fh.write("<!-- edited -->\n")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert f"{tmp_path / 'site' / 'index.html'}: differs from what writer published" in result.stdout
    assert "up to date" not in result.stdout and "--force" in result.stdout


class _Killed(BaseException):
    """Stands for a SIGKILL in process: nothing after it runs but cleanup."""


def test_a_fact_file_reverted_after_a_killed_update_converges_back_without_false_damage(tmp_path, monkeypatch):
    from writer.publish.commit import Layout

    paths = make_factbase(tmp_path / "fb", 2)
    out = tmp_path / "site"
    build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))
    published = tree(out)
    original = paths[0].read_text(encoding="utf-8")
    move_price_level(paths[0])
    real_write = Layout.write

    def write(self, path, data):
        if path == self.manifest and not Manifest._parse(json.loads(data)).pending:
            raise _Killed  # killed just before the final manifest: the journal is the manifest on disk
        real_write(self, path, data)

    monkeypatch.setattr(Layout, "write", write)
    try:
        build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))
    except _Killed:
        pass
    monkeypatch.setattr(Layout, "write", real_write)
    assert Manifest.read(out / ".writer" / "manifest.json").pending
    assert_consistent(out)
    paths[0].write_text(original, encoding="utf-8")  # the editor changes their mind
    report = build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))
    assert report.damaged == [] and report.published == [paths[0].stem]
    assert tree(out) == published


class _CountingSha256:
    """hashlib as the manifest module sees it, counting the bytes given to sha256."""

    def __init__(self, real):
        self.real, self.hashed = real, 0

    def sha256(self, data=b""):
        counter, inner = self, self.real.sha256(data)
        self.hashed += len(data)

        class Counted:
            def update(self, more):
                counter.hashed += len(more)
                inner.update(more)

            def hexdigest(self):
                return inner.hexdigest()

        return Counted()


def test_a_one_changed_re_run_hashes_the_manifest_once_for_its_new_seal(tmp_path, monkeypatch):
    """Reading the manifest writer wrote (its stat unchanged) trusts its seal, and the journal is bound to its head,
    which holds that seal: of the 14 MB a 10,000-event manifest has, only the new manifest's are hashed."""
    import hashlib

    import writer.publish.manifest as manifest_module

    paths = make_factbase(tmp_path / "fb", 4)
    out = tmp_path / "site"
    build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))
    manifest_file = out / ".writer" / "manifest.json"
    size = manifest_file.stat().st_size
    move_price_level(paths[0])
    counting = _CountingSha256(hashlib)
    monkeypatch.setattr(manifest_module, "hashlib", counting)
    report = build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))
    assert len(report.published) == 1
    assert size * 0.5 < counting.hashed < size * 1.5  # the new seal alone (before: the read's seal and the journal's binding too)
    assert not (out / ".writer" / "manifest.journal").exists()


def test_a_journal_is_bound_to_the_manifest_s_head_only_while_the_rest_holds_to_its_seal(tmp_path):
    make_factbase(tmp_path / "fb", 3)
    out = tmp_path / "site"
    build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))
    manifest_file = out / ".writer" / "manifest.json"
    raw = manifest_file.read_bytes()
    sealed = Manifest.read(manifest_file, __version__, journal=False)
    plain = Manifest.read(manifest_file, journal=False)  # read whole: the seal is checked for the binding
    assert sealed.sealed and sealed.binding() == plain.binding() and sealed.binding().startswith("head:")
    # One byte of an event line changed (the head and its seal kept): the file no longer holds to its seal, so it is
    # bound by the hash of all its bytes, and no journal bound to the head applies to it.
    at = raw.index(b'"title":"', raw.index(b' "events": {\n')) + len(b'"title":"')
    changed = raw[:at] + raw[at:at + 1].swapcase() + raw[at + 1:]
    assert changed != raw and len(changed) == len(raw)
    manifest_file.write_bytes(changed)
    damaged = Manifest.read(manifest_file, journal=False)
    assert damaged.binding() != sealed.binding() and not damaged.binding().startswith("head:")
