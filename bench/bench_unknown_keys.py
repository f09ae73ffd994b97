"""Benchmark `writer facts validate` on fact files with many unknown keys: time must grow linearly.

Usage::

    python bench/bench_unknown_keys.py [--sizes 2000,4000,8000,16000,32000] [--out bench/results/unknown_keys.md]

Issue 8 found 8,000 unknown keys taking 3.6 s and 100,000 over a minute. Each
size is a file with that many misspelt keys inside one fact (the worst place:
every key is matched against the fact's allowed keys for a suggestion) and as
many at the top level. The figure that matters is the ratio per doubling of
keys: 2.0 is linear. Sizes are run interleaved, best of three, in one process
(`load_factbase`, the body of the command without the process start). Times are
CPU seconds of this process (`time.process_time`), so that the other sessions
sharing the two cores change them less than they change wall-clock time.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from writer.factbase.loader import load_factbase  # noqa: E402

REGISTRY = "sources:\n  - id: coinglass\n    name: CoinGlass\n    kind: aggregator\n"


def event_text(n: int, where: str) -> str:
    head = "id: many-keys\nas_of: 2026-11-17T09:00:00+08:00\n"
    top = "".join(f"unknown_top_{i}: {i}\n" for i in range(n)) if where == "top" else ""
    inner = "".join(f"    unknown_{i}: {i}\n" for i in range(n)) if where == "fact" else ""
    return head + top + "facts:\n  - id: t\n    metric: liquidations\n    unit: USD\n" + inner + "    observations:\n      - source: coinglass\n        value: 1M\n"


def measure(sizes: list[int], repeat: int = 3) -> dict[tuple[str, int], float]:
    best: dict[tuple[str, int], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "sources.yaml").write_text(REGISTRY, encoding="utf-8")
        files = {}
        for where in ("fact", "top"):
            for n in sizes:
                path = folder / f"{where}-{n}.yaml"
                path.write_text(event_text(n, where), encoding="utf-8")
                files[(where, n)] = path
        for _ in range(repeat):  # interleaved: every size in every round, so load changes hit all alike
            for key, path in files.items():
                t0 = time.process_time()
                events, problems = load_factbase([path])
                elapsed = time.process_time() - t0
                assert not events and len(problems) >= key[1], (key, len(problems))
                best[key] = min(best.get(key, elapsed), elapsed)
    return best


def report(best: dict[tuple[str, int], float], sizes: list[int]) -> str:
    load = os.getloadavg()
    lines = [
        "# `facts validate` on many unknown keys",
        "",
        f"Command: `python bench/bench_unknown_keys.py --sizes {','.join(map(str, sizes))}`; machine: 2 cores; "
        f"load average at the end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}. CPU seconds, best of three, interleaved.",
        "",
        "| unknown keys | in one fact (s) | ratio to half | at top level (s) | ratio to half |",
        "|---:|---:|---:|---:|---:|",
    ]
    for i, n in enumerate(sizes):
        cells = []
        for where in ("fact", "top"):
            t = best[(where, n)]
            ratio = f"{t / best[(where, sizes[i - 1])]:.2f}" if i and sizes[i - 1] * 2 == n else "-"
            cells += [f"{t:.3f}", ratio]
        lines.append(f"| {n:,} | " + " | ".join(cells) + " |")
    lines += ["", "A ratio of 2.0 per doubling is linear."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,4000,8000,16000,32000")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "unknown_keys.md")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    text = report(measure(sizes), sizes)
    args.out.write_text(text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
