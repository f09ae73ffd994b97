"""A re-run of a few changed events publishes them in the build's own process (no pool); the site
it gives must be byte for byte the one the worker pool gives."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone

import pytest

import writer.publish.pool as pool
from test_batch_support import make_factbase, move_price_level, tree
from writer.publish import BatchOptions, build_site

N = 20  # more than a run published in-process (pool.IN_PROCESS_UP_TO), so the first build uses the pool
NOW = datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)  # the correction notes' date, the same for both runs


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("inproc")
    make_factbase(root / "fb", N)
    report = build_site(root / "fb", BatchOptions(out=root / "site", jobs=2, now=NOW))
    assert report.rejected == [] and len(report.published) == N
    return root


@pytest.fixture
def pools_started(monkeypatch):
    """The number of worker pools each build starts (recorded, then started as usual)."""
    started = []
    real = pool._Pool

    def counting(*args, **kw):
        started.append(args[1])
        return real(*args, **kw)

    monkeypatch.setattr(pool, "_Pool", counting)
    return started


def _rerun(root, name: str, changed: int):
    fb, site = root / name / "fb", root / name / "site"  # the same relative path from pages to facts
    shutil.copytree(root / "fb", fb)
    shutil.copytree(root / "site", site)
    for path in sorted((fb / "events").glob("*.yaml"))[:changed]:
        move_price_level(path)
    return fb, site


def test_a_few_changed_events_are_published_here_with_the_same_bytes_as_the_pool(built, pools_started, monkeypatch):
    changed = 3
    fb, here = _rerun(built, "here", changed)
    report = build_site(fb, BatchOptions(out=here, jobs=2, now=NOW))
    assert len(report.published) == changed and len(report.corrected) == changed
    assert pools_started == []  # no worker started: the events were published in this process

    monkeypatch.setattr(pool, "IN_PROCESS_UP_TO", 0)  # the same re-run through the worker pool
    fb2, there = _rerun(built, "pool", changed)
    report2 = build_site(fb2, BatchOptions(out=there, jobs=2, now=NOW))
    assert pools_started and report2.published == report.published
    assert tree(here) == tree(there)
    manifest = ".writer/manifest.json"  # what the next run decides from: the same too
    assert (here / manifest).read_bytes() == (there / manifest).read_bytes()
    assert tree(here) != tree(built / "site")  # the change reached the pages


def test_a_run_larger_than_that_starts_the_pool(built, pools_started):
    assert pool.IN_PROCESS_UP_TO + 1 <= N
    fb, site = _rerun(built, "large", pool.IN_PROCESS_UP_TO + 1)
    report = build_site(fb, BatchOptions(out=site, jobs=2, now=NOW))
    assert len(report.published) == pool.IN_PROCESS_UP_TO + 1
    assert pools_started  # a worker started early (the fact files were newer than the manifest), then the pool


def test_one_job_never_starts_a_pool(built, pools_started):
    fb, site = _rerun(built, "one-job", pool.IN_PROCESS_UP_TO + 1)
    build_site(fb, BatchOptions(out=site, jobs=1, now=NOW))
    assert pools_started == []
