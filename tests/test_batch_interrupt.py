"""Stopping `writer batch` on purpose: SIGTERM or SIGINT stops its workers, commits nothing and exits 128 + N;
a batch killed outright still leaves no worker behind (each watches its parent)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_batch_support import make_factbase, tree
from writer.errors import Interrupted
from writer.publish.interrupt import signals_stop_the_run, uninterrupted

# Enough events that two workers are still publishing when the test has seen them start (about
# 25 CPU-ms an event); waits are generous and nothing is timed: the machine is a shared 2-core one.
EVENTS = 200
JOBS = 2
START_WAIT_S = 300.0
END_WAIT_S = 120.0


def _start_batch(fb: Path, out: Path, *extra: str) -> subprocess.Popen:
    # A session of its own: a signal to its process group reaches the batch and its workers, as Ctrl-C on a terminal does.
    return subprocess.Popen([sys.executable, "-m", "writer.cli", "batch", str(fb), "--out", str(out), "--jobs", str(JOBS), "-q", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ, PYTHONUNBUFFERED="1"), start_new_session=True)


def _workers_publishing(proc: subprocess.Popen, out: Path) -> list[int]:
    """Wait until every worker of the pool is running (noted, alive) and one has staged an article; the ids noted
    (a worker started early for a run that turned out large was stopped already: its note stays, and it is gone)."""
    notes, stage = out / ".writer" / "tmp" / "workers", out / ".writer" / "stage"
    deadline = time.monotonic() + START_WAIT_S
    while time.monotonic() < deadline and proc.poll() is None:
        pids = sorted(int(p.name) for p in notes.glob("*")) if notes.is_dir() else []
        if len([pid for pid in pids if _alive(pid)]) >= JOBS and any(stage.glob("*/index.html")):
            return pids
        time.sleep(0.02)
    proc.kill()
    _, err = proc.communicate()
    pytest.fail(f"the batch ended (or never got going) before it could be stopped: exit {proc.returncode}\n{err.decode()[-2000:]}")


def _descendants(pid: int) -> list[int]:
    """Every process below ``pid`` now (Linux: parents read from /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    """The process exists and is not a zombie waiting to be reaped (it has stopped running)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    except OSError:  # pragma: no cover - no /proc: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return state != "Z"


def _eventually_gone(pids: list[int]) -> list[int]:
    deadline = time.monotonic() + END_WAIT_S
    while time.monotonic() < deadline:
        alive = [pid for pid in pids if _alive(pid)]
        if not alive:
            return []
        time.sleep(0.1)
    return [pid for pid in pids if _alive(pid)]


# SIGTERM to the batch alone (kill PID), Ctrl-C (SIGINT to the whole process group), SIGTERM to the
# whole group (a service manager stopping the service's control group): workers die of it or are stopped.
@pytest.mark.parametrize("sig, group", [(signal.SIGTERM, False), (signal.SIGINT, True), (signal.SIGTERM, True)],
                         ids=["SIGTERM", "Ctrl-C", "SIGTERM-to-group"])
def test_a_signal_stops_the_workers_and_commits_nothing(tmp_path, sig, group):
    make_factbase(tmp_path / "fb", EVENTS)
    out = tmp_path / "site"
    proc = _start_batch(tmp_path / "fb", out)
    try:
        pids = _workers_publishing(proc, out)
        if group:
            os.killpg(proc.pid, sig)
        else:
            proc.send_signal(sig)
        _, err = proc.communicate(timeout=END_WAIT_S)
    finally:
        if proc.poll() is None:
            proc.kill()
    err = err.decode()
    assert proc.returncode == 128 + sig, err
    assert f"stopped by {sig.name}" in err and "nothing committed" in err and "Traceback" not in err
    assert _eventually_gone(pids) == [], "worker processes outlived the batch"
    # Nothing visible, no manifest; the stage and temporary folders (the workers' notes among them) emptied.
    assert tree(out) == {}
    state = out / ".writer"
    assert not (state / "manifest.json").exists()
    assert not any((state / "stage").iterdir()) and not any((state / "tmp").iterdir())


def test_a_batch_killed_outright_leaves_no_worker(tmp_path):
    make_factbase(tmp_path / "fb", EVENTS)
    out = tmp_path / "site"
    proc = _start_batch(tmp_path / "fb", out)
    try:
        pids = _workers_publishing(proc, out)
        proc.kill()  # SIGKILL: no handler runs in the batch; its workers notice their parent is gone
        proc.communicate(timeout=END_WAIT_S)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert _eventually_gone(pids) == [], "worker processes outlived their killed parent"
    assert tree(out) == {}  # nothing was committed; the next run empties the stage


def test_a_signal_during_a_held_step_takes_effect_when_it_ends():
    before = signal.getsignal(signal.SIGTERM)
    done = []
    with signals_stop_the_run():
        with pytest.raises(Interrupted) as raised:
            with uninterrupted():
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(0.01)  # the handler has run by now
                done.append("the step went on to its end")
    assert done == ["the step went on to its end"]
    assert raised.value.committed and raised.value.exit_code == 143
    assert signal.getsignal(signal.SIGTERM) == before


def test_a_signal_outside_a_held_step_stops_at_once_and_the_handlers_come_back():
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    reached = []
    with pytest.raises(Interrupted) as raised:
        with signals_stop_the_run():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)
            reached.append("after the signal")
    assert reached == [] and not raised.value.committed and raised.value.exit_code == 130
    assert str(raised.value) == "stopped by SIGINT"
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before


def test_ctrl_c_stops_a_local_dask_cluster_without_keyboard_interrupt_tracebacks(tmp_path):
    # The cluster's workers ignore SIGINT; the build stops them. (Torn down mid-run, a Dask worker may still log a failed
    # heartbeat with its traceback, Dask's own logging: not asserted here, it depends on timing.)
    pytest.importorskip("distributed")
    make_factbase(tmp_path / "fb", EVENTS)
    out = tmp_path / "site"
    proc = _start_batch(tmp_path / "fb", out, "--executor", "dask")
    try:
        deadline = time.monotonic() + START_WAIT_S
        while time.monotonic() < deadline and proc.poll() is None and not any((out / ".writer" / "stage").glob("*/index.html")):
            time.sleep(0.05)
        assert proc.poll() is None, "the batch ended before it could be stopped"
        below = _descendants(proc.pid)  # the cluster's processes (and multiprocessing's helper)
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=END_WAIT_S)
    finally:
        if proc.poll() is None:
            proc.kill()
    err = err.decode()
    assert proc.returncode == 130, err
    assert "stopped by SIGINT" in err and "KeyboardInterrupt" not in err
    assert below and _eventually_gone(below) == []
    assert tree(out) == {}
