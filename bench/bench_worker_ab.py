"""A warm batch worker of this checkout against one of another commit, collector included.

    python bench/bench_worker_ab.py REF [--events 300] [--rounds 4] [--write FILE]

Fresh worker-like processes, one per side and round, sides alternating (the load of the shared
machine falls on both alike): each builds a Drafter, a Checker and a Publisher as a batch worker
does, publishes 10 events to warm up, then freezes its set-up and sets the collector's thresholds
as a local worker does (``freeze_set_up``, ``WORKER_GC_THRESHOLDS``) and publishes ``--events``
more. Each child reports its CPU per event, the collector's own CPU per event (``gc.callbacks``),
its collections, and the objects it then finds in reference cycles (a last ``gc.collect()``,
per event). Instruction counts (bench/warm_instructions.py) run with the collector off or see
too few events for its older generations, and the collector's walks are memory-bound: this is the
figure for a change to what an event leaves for the collector. REF's ``writer/`` and
``templates/`` are exported as installed (bench/coldstart.py); this side is the working tree's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from coldstart import copy_worktree, export_tree  # noqa: E402

WARM_UP = 10  # events published before the set-up is frozen (templates, memos and caches made once)

CHILD = r"""
import gc, json, sys, tempfile, time
from datetime import datetime, timezone
from pathlib import Path
from writer.publish.executors import WORKER_GC_THRESHOLDS, freeze_set_up
from writer.publish.settings import SiteSettings
from writer.publish.worker import Publisher, Task, make_checker, make_drafter
facts, warm, n = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
files = sorted((facts / "events").glob("*.yaml"))[: warm + n]
out = Path(tempfile.mkdtemp())
publisher = Publisher(out, out / ".stage", SiteSettings(), make_drafter(None), make_checker(None), datetime(2026, 12, 1, tzinfo=timezone.utc))
tasks = [Task(str(f), f.name, str(facts / "sources.yaml"), None) for f in files]
for t in tasks[:warm]:
    assert publisher.publish(t).entry is not None
freeze_set_up()
gc.set_threshold(*WORKER_GC_THRESHOLDS)
spent, runs, started = [0.0], [0], [0.0]
def timed(phase, info):
    if phase == "start":
        started[0] = time.process_time()
    else:
        spent[0] += time.process_time() - started[0]
        runs[0] += 1
gc.callbacks.append(timed)
begin = time.process_time()
for t in tasks[warm:]:
    publisher.publish(t)
cpu = time.process_time() - begin
gc.callbacks.remove(timed)
left = gc.collect()
print(json.dumps({"cpu_ms": cpu / n * 1000, "gc_ms": spent[0] / n * 1000, "collections": runs[0], "in_cycles": left / n}))
"""


def run_side(tree: Path, facts: Path, events: int) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-c", CHILD, str(facts), str(WARM_UP), str(events)], env=env, capture_output=True, text=True,
                          cwd=facts, check=False)
    if done.returncode:
        sys.exit(f"child failed ({tree}):\n{done.stderr}")
    return json.loads(done.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ref")
    ap.add_argument("--events", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--write", type=Path, default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        facts = tmp / "facts"
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_factbase.py"), str(WARM_UP + args.events), str(facts)], check=True,
                       stdout=subprocess.DEVNULL)
        trees = {args.ref: export_tree(args.ref, tmp / "ref"), "this": copy_worktree(tmp / "this")}
        for tree in trees.values():  # bytecode written once, before anything is timed
            run_side(tree, facts, 1)
        rows: dict[str, list[dict]] = {k: [] for k in trees}
        loads = []
        for r in range(args.rounds):
            for side in (list(trees) if r % 2 == 0 else list(trees)[::-1]):
                rows[side].append(run_side(trees[side], facts, args.events))
            loads.append(os.getloadavg()[0])
            print(f"round {r + 1}: " + "; ".join(f"{k} {v[-1]['cpu_ms']:.2f} CPU-ms/event, collector {v[-1]['gc_ms']:.3f}" for k, v in rows.items()),
                  flush=True)
    lines = [f"Command: `python bench/bench_worker_ab.py {args.ref} --events {args.events} --rounds {args.rounds}`; load average "
             f"{min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores.", "",
             "| side | CPU-ms per event (median) | collector CPU-ms per event | collections | objects left in cycles per event |",
             "|---|---|---|---|---|"]
    for side, got in rows.items():
        med = {key: statistics.median(g[key] for g in got) for key in got[0]}
        lines.append(f"| {side} | {med['cpu_ms']:.2f} | {med['gc_ms']:.3f} | {med['collections']:.0f} | {med['in_cycles']:.1f} |")
    ratios = [a["cpu_ms"] / b["cpu_ms"] for a, b in zip(rows[args.ref], rows["this"])]
    lines += ["", f"CPU per event {args.ref}/this, per round: {', '.join(f'{x:.3f}' for x in ratios)} (median {statistics.median(ratios):.3f})"]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write:
        args.write.write_text(report)


if __name__ == "__main__":
    main()
