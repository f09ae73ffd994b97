"""Drafting benchmarks: cold start of `writer draft` and warm throughput in one process.

Usage::

    python bench/bench_draft.py [--events N] [--runs R]

Cold start runs the real console script R times on the README's example event
(whole process: interpreter, imports, loading, drafting, printing), with the
provenance check off and on (the check imports spaCy). Warm throughput
generates N synthetic events with bench/make_factbase.py, loads them, and
drafts them all with one Drafter on one core: Markdown plus claim map plus
self-check, and again with the HTML page rendered too. Prints a Markdown
table for bench/results/draft.md.
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


def cold(runs: int, *flags: str) -> tuple[float, float, float, set[int]]:
    """Median, min and max wall time of the whole process, and the exit codes seen."""
    times, codes = [], set()
    cmd = ["writer", "draft", str(EXAMPLE), *flags]
    for _ in range(runs):
        t = time.perf_counter()
        codes.add(subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode)
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times), max(times), codes


def warm(n: int) -> list[tuple[str, float, float, int]]:
    from writer.draft import Drafter
    from writer.factbase.loader import load_factbase

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_factbase.py"), str(n), tmp, "--seed", "7"], check=True, stdout=subprocess.DEVNULL)
        events, problems = load_factbase([tmp])
    assert not problems, problems[:3]
    drafter = Drafter(run_check=False)
    for e in events[:10]:
        drafter.draft(e)  # warm caches (imports, compiled templates)
    rows = []
    for label, with_html in (("Markdown + claim map + self-check", False), ("... + standalone HTML page", True)):
        words = 0
        t = time.perf_counter()
        for e in events:
            d = drafter.draft(e)
            words += len(d.markdown.split())
            if with_html:
                _ = d.html
        elapsed = time.perf_counter() - t
        rows.append((label, len(events) / elapsed, 1000 * elapsed / len(events), words // len(events)))
    checked = Drafter(run_check=True)
    checked.draft(events[0])  # builds the Checker (spaCy) outside the timing
    sample = events[: min(len(events), 300)]
    t = time.perf_counter()
    words = sum(len(checked.draft(e).markdown.split()) for e in sample)
    elapsed = time.perf_counter() - t
    rows.append((f"Markdown + claim map + self-check + the provenance check (first {len(sample)} events)", len(sample) / elapsed, 1000 * elapsed / len(sample), words // len(sample)))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    print("| measurement | median | min | max | exit codes |\n|---|---|---|---|---|")
    for label, flags in (("`writer draft EXAMPLE --no-check` (cold process)", ("--no-check",)), ("`writer draft EXAMPLE` (cold process, the default: with the provenance check)", ())):
        med, lo, hi, codes = cold(args.runs, *flags)
        print(f"| {label} | {med:.3f} s | {lo:.3f} s | {hi:.3f} s | {', '.join(map(str, sorted(codes)))} |")
    print(f"\n| warm drafting, one process, one core, {args.events} synthetic events | articles/s | ms/article | words/article |\n|---|---|---|---|")
    for label, rate, ms, words in warm(args.events):
        print(f"| {label} | {rate:.0f} | {ms:.2f} | {words} |")


if __name__ == "__main__":
    main()
