"""Benchmark `writer batch`: a cold build of a large generated fact base, a no-change re-run, a one-event re-run.

Usage::

    python bench/bench_batch.py [--events 10000] [--jobs N] [--work DIR] [--keep] [--dask] [--write FILE]

Each step runs the real command line (`python -m writer.cli batch ...`) in a
fresh process and is timed wall-clock, interpreter start and imports
included, because that is what a publishing pipeline pays. Targets (DESIGN
§7): cold build of 10,000 events under 60 s on 2 cores; the two re-runs under
2 s each.

With ``--dask`` the same fact base is also built cold with ``--executor dask`` (a
local Dask cluster of ``--jobs`` worker processes, started by the command) right
after the local cold build, into a sibling folder; the two sites must be
byte-identical, and the report gives the Dask build's wall and CPU time as a
ratio of the process pool's.

Every step runs this checkout's code (``PYTHONPATH`` is set to it), and the
commit is read before and after: a long run on a machine where the code
changes under it measured two versions once (the cold build wrote the
manifest where the old code kept it, the re-runs were a newer writer that
looked for it elsewhere); the report now says INVALID when the commit or the
tree changed, or when a re-run did not do what it is meant to (the no-change
run leaves every event unchanged, the one-changed run publishes exactly the
changed event). ``--write FILE`` also writes the report to FILE.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import make_factbase  # noqa: E402


def batch(fb: Path, out: Path, jobs: int | None, *extra: str) -> tuple[float, dict]:
    # -P: this checkout's writer (PYTHONPATH), whatever the working folder (python -m would put it first on sys.path).
    cmd = [sys.executable, "-P", "-m", "writer.cli", "batch", str(fb), "--out", str(out), "--format", "json", "-q", *extra]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"batch failed ({proc.returncode}):\n{proc.stderr}")
    report = json.loads(proc.stdout)
    # CPU seconds of the command and its workers: a figure the machine's other load does not inflate much.
    report["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, report


def code_version() -> str:
    """The checkout's commit, with "+dirty" when its tracked files differ from it. Results and Markdown files
    (this bench's own ``--write`` target among them) run no code and do not count."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True).stdout.strip()
    changed = git("status", "--porcelain", "--untracked-files=no", "--", ".", *NOT_CODE)
    return git("rev-parse", "--short", "HEAD") + ("+dirty" if changed else "")


NOT_CODE = (":(exclude)bench/results", ":(exclude)*.md")  # git pathspecs of files no step runs


def problems_of(events: int, again: dict, one: dict, changed_id: str) -> list[str]:
    """Why the re-run figures are not what they claim to measure (empty when they are)."""
    out = []
    if again["published"] or len(again["unchanged"]) != events:
        out.append(f"no-change re-run published {len(again['published'])} and left {len(again['unchanged'])} of {events} unchanged "
                   f"(rejected {len(again['rejected'])}, damaged {len(again.get('damaged') or [])})")
    if one["published"] != [changed_id]:
        out.append(f"one-changed re-run published {one['published']} instead of [{changed_id!r}] "
                   f"(rejected {len(one['rejected'])}, damaged {len(one.get('damaged') or [])})")
    return out


def same_site(a: Path, b: Path) -> bool:
    """Every file (writer's .writer/ state excluded) present in both with the same bytes."""
    def files(root: Path) -> dict[str, Path]:
        return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file() and ".writer" not in p.relative_to(root).parts}
    fa, fb_ = files(a), files(b)
    return fa.keys() == fb_.keys() and all(fa[k].read_bytes() == fb_[k].read_bytes() for k in fa)


def change_one(fb: Path) -> str:
    """Move the BTC price level of one event (the first file), a figure its article prints exactly."""
    path = sorted((fb / "events").glob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    m = re.search(r"- id: btc_level\n(?:.*\n)*?\s+value: (\d+)", text)
    path.write_text(text[: m.start(1)] + str(int(m.group(1)) + 1500) + text[m.end(1):], encoding="utf-8")
    return path.stem


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=None, help="worker processes (default: writer's default, all cores)")
    ap.add_argument("--work", type=Path, default=None, help="working folder (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the working folder")
    ap.add_argument("--dask", action="store_true", help="also build cold on a local Dask cluster and compare")
    ap.add_argument("--write", type=Path, default=None, help="also write the report to this file")
    args = ap.parse_args()
    version = code_version()

    work = args.work or Path(tempfile.mkdtemp(prefix="writer-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    fb, out = work / "fb", work / "site"
    shutil.rmtree(fb, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    t = time.perf_counter()
    make_factbase.write_factbase(args.events, fb)
    gen = time.perf_counter() - t

    load0 = f"{os.getloadavg()[0]:.2f}"
    cold, r1 = batch(fb, out, args.jobs)
    if args.dask:
        dask_out = work / "site-dask"
        shutil.rmtree(dask_out, ignore_errors=True)
        load_dask = f"{os.getloadavg()[0]:.2f}"
        dask_wall, rd = batch(fb, dask_out, args.jobs, "--executor", "dask")
        same = same_site(out, dask_out)
    again, r2 = batch(fb, out, args.jobs)
    changed_id = change_one(fb)
    one, r3 = batch(fb, out, args.jobs)

    lines: list[str] = []

    def say(text: str) -> None:
        print(text)
        lines.append(text)

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    say(f"machine: {platform.machine()}, {cores} cores, Python {platform.python_version()}, {platform.system()}")
    say(f"generated {args.events} events in {gen:.1f} s")
    say(f"load average before/after: {load0} / {os.getloadavg()[0]:.2f} (other work on the machine inflates wall times)")
    say(f"cold build:        {cold:7.2f} s wall, {r1['cpu']:7.1f} s CPU ({r1['cpu'] / args.events * 1000:.1f} ms CPU per event)  "
          f"published {len(r1['published'])}, rejected {len(r1['rejected'])}; {size / 1e6:.0f} MB written")
    say(f"no-change re-run:  {again:7.2f} s wall, {r2['cpu']:7.2f} s CPU  published {len(r2['published'])}, unchanged {len(r2['unchanged'])}, "
          f"site files written {r2['site_files_written']}")
    say(f"one event changed: {one:7.2f} s wall, {r3['cpu']:7.2f} s CPU  published {r3['published']} (changed {changed_id}), "
          f"site files written {r3['site_files_written']}")
    if args.dask:
        say(f"cold build, Dask:  {dask_wall:7.2f} s wall, {rd['cpu']:7.1f} s CPU ({rd['cpu'] / args.events * 1000:.1f} ms CPU per event)  "
              f"published {len(rd['published'])}, rejected {len(rd['rejected'])}; load {load_dask} at its start; "
              f"site byte-identical to the process pool's: {same}")
        say(f"Dask / process pool: wall {dask_wall / cold:.2f}x, CPU {rd['cpu'] / r1['cpu']:.2f}x "
              f"(a local cluster of {args.jobs or cores} single-threaded workers against a pool of as many processes)")
    if r1["rejected"]:
        codes: dict[str, int] = {}
        for r in r1["rejected"]:
            codes[r["code"]] = codes.get(r["code"], 0) + 1
        say(f"rejections by code: {codes}; first: {r1['rejected'][0]['reason']}")
    invalid = problems_of(args.events, r2, r3, changed_id)
    after = code_version()
    if after != version or version.endswith("+dirty"):
        invalid.append(f"the code was {version} at the start and {after} at the end: the steps may have run different versions")
    say(f"code: {version}; command: python bench/bench_batch.py {' '.join(sys.argv[1:])}")
    for problem in invalid:
        say(f"INVALID: {problem}")
    if args.write:
        args.write.parent.mkdir(parents=True, exist_ok=True)
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if not args.keep and args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
