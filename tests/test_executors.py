"""The batch's executors: a Dask cluster builds the same site, byte for byte, as the local process pool.

One small local Dask cluster (two single-threaded worker processes) serves the
whole module; the tests need the ``dask`` extra, which the test install carries
(``pip install -e '.[test]'`` pulls it in).
"""

from __future__ import annotations

import json
import operator
import subprocess
import sys
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime, timezone

import pytest

from test_batch_support import make_factbase, move_price_level, tree
from writer.errors import WriterError
from writer.publish import BatchOptions, build_site
from writer.publish.executors import DaskCluster, make_executor

N = 6


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as c:
        yield c


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """A fact base and the site the default executor (local processes, two jobs) builds from it."""
    root = tmp_path_factory.mktemp("executors")
    make_factbase(root / "fb", N, seed=3)
    report = build_site(root / "fb" / "events", BatchOptions(out=root / "local", jobs=2))
    assert report.rejected == [] and len(report.published) == N
    return root


def test_a_dask_cluster_builds_the_same_bytes_as_the_local_pool(base, cluster):
    report = build_site(base / "fb" / "events", BatchOptions(out=base / "dask", executor="dask", scheduler=cluster.scheduler_address))
    assert report.rejected == [] and len(report.published) == N
    assert tree(base / "dask") == tree(base / "local")
    manifest = lambda site: json.loads((site / ".writer" / "manifest.json").read_bytes())["events"]  # noqa: E731
    assert manifest(base / "dask") == manifest(base / "local")
    # The cluster's workers stay up between builds: the second build finds nothing to do.
    again = build_site(base / "fb" / "events", BatchOptions(out=base / "dask", executor="dask", scheduler=cluster.scheduler_address))
    assert again.nothing_built and len(again.unchanged) == N


def test_workers_set_up_again_when_a_build_brings_other_settings(base, cluster):
    """A long-lived cluster serves builds with other site settings: each gets pages of its own settings."""
    from writer.publish import SiteSettings

    settings = SiteSettings(desk="Other Desk")
    report = build_site(base / "fb" / "events", BatchOptions(out=base / "other", executor="dask", scheduler=cluster.scheduler_address, settings=settings))
    assert report.rejected == [] and len(report.published) == N
    pages = sorted((base / "other").glob("*/index.html"))
    assert len(pages) == N and all(b"Other Desk" in p.read_bytes() for p in pages)
    assert not any(b"Other Desk" in p.read_bytes() for p in (base / "local").glob("*/index.html"))


def test_one_changed_event_is_rebuilt_on_the_cluster_like_locally(base, cluster, tmp_path):
    import shutil

    shutil.copytree(base / "fb", tmp_path / "fb")
    shutil.copytree(base / "local", tmp_path / "local")
    shutil.copytree(base / "local", tmp_path / "dask")
    changed = sorted((tmp_path / "fb" / "events").glob("*.yaml"))[4]
    move_price_level(changed)
    # A moved printed figure gives a correction note dated at the run: one moment for both runs.
    now = datetime(2026, 3, 5, 14, 5, tzinfo=timezone.utc)
    local = build_site(tmp_path / "fb" / "events", BatchOptions(out=tmp_path / "local", jobs=2, now=now))
    dask = build_site(tmp_path / "fb" / "events", BatchOptions(out=tmp_path / "dask", executor="dask", scheduler=cluster.scheduler_address, now=now))
    assert local.published == dask.published and len(dask.published) == 1
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")


def test_a_local_dask_cluster_from_the_command_line(base):
    """`--executor dask` without --scheduler starts (and stops) a local cluster of --jobs workers."""
    # (beside the local build: an article names its fact file by a path relative to itself)
    r = subprocess.run([sys.executable, "-m", "writer.cli", "batch", str(base / "fb" / "events"), "--out", str(base / "cli"),
                        "--executor", "dask", "--jobs", "2", "--format", "json", "-q"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)["published"]) == N
    assert tree(base / "cli") == tree(base / "local")


def test_a_failed_dask_task_is_a_lost_worker(cluster):
    """The build turns BrokenProcessPool into 'internal' rejections; Dask's own errors become that."""
    ex = DaskCluster(2, operator.truth, (1,), scheduler=cluster.scheduler_address)
    try:
        assert ex.submit(operator.add, 2, 3).result() == 5
        with pytest.raises(BrokenProcessPool, match="ZeroDivisionError"):
            ex.submit(operator.truediv, 1, 0).result()
    finally:
        ex.shutdown()


def test_without_the_extra_the_message_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if Dask were not installed
    with pytest.raises(WriterError, match=r"pip install 'writer\[dask\]'"):
        make_executor("dask", 2, operator.truth, (1,))


def test_scheduler_needs_the_dask_executor(tmp_path):
    with pytest.raises(WriterError, match="--executor dask"):
        make_executor("local", 2, operator.truth, (1,), scheduler="tcp://127.0.0.1:8786")
    r = subprocess.run([sys.executable, "-m", "writer.cli", "batch", str(tmp_path), "--out", str(tmp_path / "site"),
                        "--scheduler", "tcp://127.0.0.1:8786"], capture_output=True, text=True)
    assert r.returncode == 2 and "--executor dask" in r.stderr and "Traceback" not in r.stderr


def test_a_scheduler_address_that_is_not_one_is_an_input_error(base):
    r = subprocess.run([sys.executable, "-m", "writer.cli", "batch", str(base / "fb" / "events"), "--out", str(base / "never"),
                        "--executor", "dask", "--scheduler", "localhost"], capture_output=True, text=True)
    assert r.returncode == 2 and "not a Dask scheduler address" in r.stderr and "Traceback" not in r.stderr
    assert not (base / "never").exists()  # refused before anything is written
