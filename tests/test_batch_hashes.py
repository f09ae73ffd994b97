"""Hashes remembered by stat (writer.publish.verify): unchanged files are not read again, changed ones always are."""

from __future__ import annotations

import hashlib
import os

from test_batch_support import make_factbase, move_price_level
from writer.publish import BatchOptions, build_site
from writer.publish import verify
from writer.publish.verify import Verifier


def _verifier(tmp_path):
    return Verifier(tmp_path / "site", tmp_path / "cache.json", tmp_path / "tmp")


def test_a_file_hashed_once_is_not_read_again_until_it_changes(tmp_path, monkeypatch):
    monkeypatch.setattr(verify, "RACY_MARGIN_NS", -10**12)  # every file counts as old enough to remember
    fact = tmp_path / "a.yaml"
    fact.write_bytes(b"id: a\n")
    first = _verifier(tmp_path)
    assert first.fact_digest(str(fact)) == (hashlib.sha256(b"id: a\n").hexdigest(), b"id: a\n")
    first.save()
    assert _verifier(tmp_path).fact_digest(str(fact)) == (hashlib.sha256(b"id: a\n").hexdigest(), None)  # from the cache
    st = fact.stat()
    fact.write_bytes(b"id: b\n")  # same size; the mtime put back: only the ctime tells
    os.utime(fact, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert _verifier(tmp_path).fact_digest(str(fact)) == (hashlib.sha256(b"id: b\n").hexdigest(), b"id: b\n")


def test_a_file_changed_just_before_it_was_read_is_read_again_next_time(tmp_path):
    """Racily clean: a second write within the file system clock's tick would keep the stat, so a
    file younger than RACY_MARGIN_NS is hashed but not remembered."""
    fact = tmp_path / "a.yaml"
    fact.write_bytes(b"id: a\n")
    first = _verifier(tmp_path)
    first.fact_digest(str(fact))
    first.save()
    assert _verifier(tmp_path).fact_digest(str(fact))[1] == b"id: a\n"


def test_not_a_regular_file_is_no_fact_file(tmp_path):
    os.mkfifo(tmp_path / "pipe.yaml")
    assert _verifier(tmp_path).fact_digest(str(tmp_path / "pipe.yaml")) == (None, None)


def test_a_fact_file_edited_after_a_run_is_published_again_whatever_the_cache_holds(tmp_path, monkeypatch):
    monkeypatch.setattr(verify, "RACY_MARGIN_NS", -10**12)
    make_factbase(tmp_path / "fb", 2)
    out = tmp_path / "site"
    build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))
    assert build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1)).published == []  # remembered: nothing to do
    path = sorted((tmp_path / "fb").rglob("*.yaml"))[0]
    if path.name == "sources.yaml":
        path = sorted((tmp_path / "fb").rglob("*.yaml"))[1]
    st = path.stat()
    move_price_level(path, by=1000)  # the same number of digits: the same size
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size
    report = build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))
    assert len(report.published) == 1 and report.rejected == []
