"""The regular expressions a cold `writer draft` compiles, and their compile time, in two trees.

Usage::

    python bench/bench_check_compile.py [--base REF] [--rounds 15] [--write FILE]

Records every ``re.compile(pattern, flags)`` of a fresh ``writer draft EXAMPLE`` process
(the check it runs on its draft included; EXAMPLE is the README's event) in this tree and in
``REF``'s (a ``git archive`` of it), then compiles both lists alternately in this process, each
after ``re.purge()``, ``--rounds`` times: CPU time of the compiling only, which is what the
check's expressions cost a cold draft beyond running them. Prints (and with ``--write`` puts in
its own section of FILE) the medians, the ratio and the load.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "factbase" / "events" / "2026-11-17-btc-long-washout-coinank.yaml"

RECORD = r'''
import json, re, sys
seen = []
_compile = re.compile
def compile(pattern, flags=0):
    if isinstance(pattern, str):
        seen.append((pattern, int(flags)))
    return _compile(pattern, flags)
re.compile = compile
out = sys.argv[1]
sys.argv = ["writer", "draft", sys.argv[2]]
from writer.cli import main
try:
    main()
except SystemExit:
    pass
finally:
    json.dump(seen, open(out, "w"))
'''


def record(tree: Path, tmp: Path) -> list[tuple[str, int]]:
    out = tmp / f"{tree.name}.json"
    env = {**os.environ, "PYTHONPATH": str(tree)}
    subprocess.run([sys.executable, "-c", RECORD, str(out), str(EXAMPLE)], check=True, capture_output=True, env=env, cwd=tmp)
    return [(p, f) for p, f in json.loads(out.read_text())]


def compile_all(patterns: list[tuple[str, int]]) -> float:
    re.purge()
    start = time.process_time()
    for pattern, flags in patterns:
        re.compile(pattern, flags)
    return time.process_time() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default="main")
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--write", type=Path, default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="writer-compile-") as tmp:
        tmp = Path(tmp)
        base = tmp / "base"
        base.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.base], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        this, that = record(ROOT, tmp), record(base, tmp)
    load_before = os.getloadavg()[0]
    mine, theirs = [], []
    for i in range(args.rounds):
        for side in ((this, mine), (that, theirs)) if i % 2 == 0 else ((that, theirs), (this, mine)):
            side[1].append(compile_all(side[0]))
    load_after = os.getloadavg()[0]
    ratios = [b / a for a, b in zip(mine, theirs)]
    text = "\n".join([
        "## Expressions compiled by a cold `writer draft` (the check's share of issue 10's cold draft)",
        "",
        f"Command: `python bench/bench_check_compile.py --base {args.base} --rounds {args.rounds}`; every `re.compile` of "
        f"`writer draft {EXAMPLE.relative_to(ROOT)}` recorded in a fresh process of each tree, then both lists compiled "
        f"alternately in one process after `re.purge()`, CPU time; 2-core machine ({platform.machine()}, Python "
        f"{platform.python_version()}), load average {load_before:.1f} before, {load_after:.1f} after.",
        "",
        "| tree | expressions | characters | compile CPU-ms (median) | min |",
        "|---|---|---|---|---|",
        f"| this tree | {len(this)} | {sum(len(p) for p, _ in this):,} | {1000 * statistics.median(mine):.1f} | {1000 * min(mine):.1f} |",
        f"| {args.base} | {len(that)} | {sum(len(p) for p, _ in that):,} | {1000 * statistics.median(theirs):.1f} | {1000 * min(theirs):.1f} |",
        "",
        f"{args.base} / this tree: **{statistics.median(ratios):.2f}x** (median of {args.rounds} rounds, range "
        f"{min(ratios):.2f}-{max(ratios):.2f}).",
    ])
    print(text)
    if args.write:  # replaces its own section of FILE, or appends it
        current = args.write.read_text(encoding="utf-8") if args.write.exists() else ""
        start, end = "<!-- compile:start -->", "<!-- compile:end -->"
        block = f"{start}\n{text}\n{end}"
        if start in current and end in current:
            current = current[:current.index(start)] + block + current[current.index(end) + len(end):]
        else:
            current = current.rstrip("\n") + "\n\n" + block + "\n"
        args.write.write_text(current, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
