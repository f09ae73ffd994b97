"""Drafting speed of this checkout against another commit, as ratios from one interleaved run.

    python bench/draft_compare.py [--base main] [--events 200] [--rounds 7]

The load on the shared 2-core machines moves absolute figures by a factor of
several, so a change is judged by the ratio to a baseline measured in the same
minutes: both trees (``writer/`` and ``templates/`` exported with ``git
archive``) are laid out side by side in a temporary folder and run alternately
with the same interpreter. Cold: a whole process that loads the example event
and drafts it with the provenance check (the default of ``writer draft``).
Warm: one process drafting N synthetic events (bench/make_factbase.py) with
Markdown, claim map and self-check.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "factbase" / "events" / "2026-11-17-btc-long-washout-coinank.yaml"

COLD = """
import sys
from writer.factbase.loader import load_event
from writer.draft import Drafter
Drafter().draft(load_event(sys.argv[1]))
"""

WARM = """
import importlib.util, pathlib, sys, tempfile, time
import writer
assert writer.__file__.startswith(sys.argv[1]), writer.__file__
sys.path.insert(0, str(pathlib.Path(sys.argv[3]).parent))
spec = importlib.util.spec_from_file_location("make_factbase", sys.argv[3])
mf = importlib.util.module_from_spec(spec); spec.loader.exec_module(mf)
from writer.factbase.loader import load_factbase
from writer.draft import Drafter
folder = pathlib.Path(tempfile.mkdtemp()); mf.write_factbase(int(sys.argv[2]), folder, seed=5)
events, _ = load_factbase([folder]); drafter = Drafter(run_check=False); drafter.draft(events[0])
t = time.perf_counter(); words = sum(len(drafter.draft(e).markdown.split()) for e in events)
print(len(events) / (time.perf_counter() - t), words / len(events))
"""


def export(rev: str, into: Path) -> None:
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "writer", "templates"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    (into / "templates").rename(into / "writer" / "templates")  # the wheel's layout: writer.templates


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", default="main")
    ap.add_argument("--events", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    trees = {"base": tmp / "base", "this": tmp / "this"}
    export(args.base, trees["base"])
    export("HEAD", trees["this"])
    cold: dict[str, list[float]] = {k: [] for k in trees}
    warm: dict[str, list[float]] = {k: [] for k in trees}
    words: dict[str, float] = {}
    for _ in range(args.rounds):
        for name, tree in trees.items():
            env = dict(os.environ, PYTHONPATH=str(tree))
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", COLD, str(EXAMPLE)], env=env, check=True, capture_output=True, cwd=tmp)
            cold[name].append(time.perf_counter() - t)
    for _ in range(max(1, args.rounds // 2)):
        for name, tree in trees.items():
            env = dict(os.environ, PYTHONPATH=str(tree))
            out = subprocess.run([sys.executable, "-c", WARM, str(tree), str(args.events), str(ROOT / "bench" / "make_factbase.py")],
                                 env=env, check=True, capture_output=True, text=True, cwd=tmp).stdout.split()
            warm[name].append(float(out[0]))
            words[name] = float(out[1])
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} cores; base = {args.base}, this = HEAD")
    print("| tree | cold process, median | warm articles/s, median | words/article |")
    print("|---|---|---|---|")
    for name in trees:
        print(f"| {name} | {statistics.median(cold[name]):.3f} s | {statistics.median(warm[name]):.1f} | {words[name]:.0f} |")
    print(f"\nratio this/base: cold {statistics.median(cold['this']) / statistics.median(cold['base']):.2f}, "
          f"warm throughput {statistics.median(warm['this']) / statistics.median(warm['base']):.2f}")


if __name__ == "__main__":
    main()
