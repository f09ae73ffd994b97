"""Where publishing a few changed events in the build's own process stops paying against a worker pool.

    python bench/bench_batch_crossover.py --site SITE --fb FB [--counts 1 2 4 8 16] [--rounds 3] [--work DIR] [--write FILE]

SITE is a site built from the fact base FB (``bench/bench_batch.py --keep``); it is copied once into
``--work`` (with the fact base), and every run brings that copy up to date again, so each run
starts from a site that is current but for the events it changed. Each round, for each count K,
the first K fact files' BTC price level moves (a new value every run, so every run republishes
exactly K events) and ``writer batch`` runs once per mode, in an order that alternates from one
run to the next:

- ``here``: the K events published in the build's own process (as ``IN_PROCESS_UP_TO`` allows
  today up to its value; raised here so that every K is published in process);
- ``pool``: ``IN_PROCESS_UP_TO`` set to 0, so one worker starts as soon as the fact files' mtimes
  say something changed (while this process reads the manifest and hashes), takes up to two
  events itself and, for more, gives way to a pool of all cores.

Each run is a fresh process running the console script's own code (``writer.cli:run``) with
this checkout on PYTHONPATH; wall clock and CPU (the process and its workers) are recorded;
medians per K and mode, and the ratios pool / here. Both modes publish the same bytes
(``tests/test_batch_in_process.py``).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEVEL = re.compile(r"- id: btc_level\n(?:.*\n)*?\s+value: (\d+)")
MODES = {"here": 10**9, "pool": 0}  # IN_PROCESS_UP_TO for each mode


def child(mode: str, fb: str, site: str) -> None:
    """One `writer batch` run with ``IN_PROCESS_UP_TO`` set for ``mode`` (in this fresh process)."""
    import writer.publish.build as build
    import writer.publish.pool as pool
    from writer.cli import run

    pool.IN_PROCESS_UP_TO = build.IN_PROCESS_UP_TO = MODES[mode]
    sys.argv = ["writer", "batch", fb, "--out", site, "-q"]
    run()


def move(paths: list[Path], value: int) -> None:
    for path in paths:
        text = path.read_text(encoding="utf-8")
        m = LEVEL.search(text)
        path.write_text(text[: m.start(1)] + str(value) + text[m.end(1):], encoding="utf-8")


def timed(mode: str, fb: Path, site: Path) -> tuple[float, float, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-P", str(Path(__file__).resolve()), "--child", mode, str(fb), str(site)],
                          capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"{mode}: batch failed ({proc.returncode}): {proc.stdout}{proc.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), proc.stdout.strip().splitlines()[0]


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        child(*sys.argv[2:5])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, required=True)
    ap.add_argument("--fb", type=Path, required=True)
    ap.add_argument("--counts", type=int, nargs="+", default=[1, 2, 4, 8, 16])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--work", type=Path, default=Path("/tmp/writer-crossover"))
    ap.add_argument("--write", type=Path, default=None)
    args = ap.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    fb, site = args.work / args.fb.name, args.work / "site"
    shutil.copytree(args.fb, fb, symlinks=True)
    shutil.copytree(args.site, site, symlinks=True)
    events = sorted((fb / "events").glob("*.yaml"))[: max(args.counts)]
    levels = [int(LEVEL.search(p.read_text(encoding="utf-8")).group(1)) for p in events]
    timed("here", fb, site)  # bring the copy up to date (nothing should change)
    load = [os.getloadavg()[0]]
    results: dict[tuple[int, str], list[tuple[float, float]]] = {}
    lines = []
    run_no = 0
    for r in range(args.rounds):
        for k in args.counts:
            for mode in (("here", "pool") if (r + k) % 2 == 0 else ("pool", "here")):
                run_no += 1
                move(events[:k], max(levels) + 10 * run_no)
                wall, cpu, said = timed(mode, fb, site)
                if not said.startswith(f"{k} published"):
                    sys.exit(f"run {run_no} ({mode}, {k} changed) did not publish exactly {k}: {said}")
                results.setdefault((k, mode), []).append((wall, cpu))
                lines.append(f"round {r + 1} K={k:<3} {mode:5}: {wall:6.2f} s wall {cpu:6.2f} s CPU  ({said})")
        load.append(os.getloadavg()[0])
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip() or "?"
    out = [f"## K changed events of a {len(list((fb / 'events').glob('*.yaml')))}-event site: in the build's process against a pool ({commit}), "
           f"{args.rounds} rounds",
           "",
           f"Command: `python bench/bench_batch_crossover.py --site {args.site} --fb {args.fb} --counts {' '.join(map(str, args.counts))} "
           f"--rounds {args.rounds}`; {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}; load average "
           f"{min(load):.1f}-{max(load):.1f} during the run. Medians; CPU is the command's and its workers'.",
           "",
           "| K changed | here wall | pool wall | here CPU | pool CPU | pool / here, wall | CPU |",
           "|---|---|---|---|---|---|---|"]
    for k in args.counts:
        h, p = results[(k, "here")], results[(k, "pool")]
        hw, pw = statistics.median(x[0] for x in h), statistics.median(x[0] for x in p)
        hc, pc = statistics.median(x[1] for x in h), statistics.median(x[1] for x in p)
        out.append(f"| {k} | {hw:.2f} s | {pw:.2f} s | {hc:.2f} s | {pc:.2f} s | {pw / hw:.2f}x | {pc / hc:.2f}x |")
    out += ["", "Every run:", "", "    " + "\n    ".join(lines), ""]
    report = "\n".join(out)
    print(report)
    if args.write:
        args.write.parent.mkdir(parents=True, exist_ok=True)
        args.write.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
