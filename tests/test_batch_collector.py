"""``BatchOptions.one_shot`` (the command line's builds): what the build makes while the collector is paused is
frozen instead of collected when the pause ends. The site must be byte for byte the one a library call
(the default, nothing frozen) writes, for a cold build and for a re-run that publishes in this process."""

from __future__ import annotations

import gc
import operator
import shutil
from datetime import datetime, timezone

import pytest

from test_batch_support import make_factbase, move_price_level, tree
from writer.publish import BatchOptions, build_site

MANIFEST = ".writer/manifest.json"  # what the next run decides from: the same too (the stat cache holds inodes: not compared)
NOW = datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def unfrozen():
    """Every test starts and ends with nothing frozen (a frozen object is never collected in this test process)."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def _build_and_rerun(root, name: str, one_shot: bool) -> tuple[dict[str, bytes], dict[str, bytes], int]:
    fb, site = root / name / "fb", root / name / "site"
    shutil.copytree(root / "fb", fb)
    cold = build_site(fb, BatchOptions(out=site, jobs=1, now=NOW, one_shot=one_shot))
    assert cold.rejected == [] and len(cold.published) == 4
    first = {**tree(site), MANIFEST: (site / MANIFEST).read_bytes()}
    move_price_level(sorted((fb / "events").glob("*.yaml"))[0])
    again = build_site(fb, BatchOptions(out=site, jobs=2, now=NOW, one_shot=one_shot))  # one event: published in this process
    assert len(again.published) == 1 and len(again.corrected) == 1
    return first, {**tree(site), MANIFEST: (site / MANIFEST).read_bytes()}, gc.get_freeze_count()


def test_one_shot_freezes_and_writes_the_same_site(tmp_path, unfrozen):
    make_factbase(tmp_path / "fb", 4)
    plain_cold, plain_rerun, frozen_plain = _build_and_rerun(tmp_path, "plain", one_shot=False)
    assert frozen_plain == 0  # a library call leaves everything collectable
    shot_cold, shot_rerun, frozen_shot = _build_and_rerun(tmp_path, "one-shot", one_shot=True)
    assert frozen_shot > 0
    assert shot_cold == plain_cold
    assert shot_rerun == plain_rerun
    assert shot_rerun != shot_cold  # the re-run changed the site


def _thresholds(_):
    return gc.get_threshold()


def test_a_local_worker_collects_with_the_workers_thresholds_and_this_process_keeps_its_own():
    from writer.publish.executors import WORKER_GC_THRESHOLDS, make_executor

    before = gc.get_threshold()
    pool = make_executor("local", 1, operator.truth, (1,))
    try:
        assert pool.submit(_thresholds, None).result(timeout=120) == WORKER_GC_THRESHOLDS
    finally:
        pool.shutdown(abandon=False)
    assert gc.get_threshold() == before and WORKER_GC_THRESHOLDS != before


def test_publishing_an_event_leaves_nothing_for_the_collector(tmp_path, unfrozen):
    """A published event's objects (its references, spans, pieces, draft, page) are freed by reference counting
    as soon as it is done: none is in a cycle the collector must find. A worker's collector then runs a fifth
    as often and each run walks less (bench/results/batch_gc.md). A template's macro, a closure over its
    draft and json's indenting encoder each made such cycles; the standalone HTML page is rendered too."""
    from writer.publish.settings import SiteSettings
    from writer.publish.worker import Publisher, Task, make_checker, make_drafter

    files = make_factbase(tmp_path / "fb", 8)
    registry = str(tmp_path / "fb" / "sources.yaml")
    drafter = make_drafter(None)
    publisher = Publisher(tmp_path / "site", tmp_path / "stage", SiteSettings(), drafter, make_checker(None), NOW)
    tasks = [Task(str(f), f.name, registry, None) for f in sorted(files)]
    assert publisher.publish(tasks[0]).entry is not None  # the first event: modules, caches and memos are made once
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        for task in tasks[1:]:
            assert publisher.publish(task).entry is not None
        from writer.factbase.loader import load_event

        assert drafter.draft(load_event(tasks[1].path, publisher.registry(registry))).html.startswith("<!")
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()
