"""Drafting time against the number of facts in one event (issue 8 item 4: it must grow linearly).

    python bench/bench_draft_facts.py [--sizes 125 250 500 1000]

Takes generated event 0 (bench/make_factbase.py) and adds N per-asset
liquidation facts (distinct assets and values, all under the total), then
times `Drafter.draft` with and without its self-check, in this process, and
writes the series, the growth per doubling and the load to
bench/results/draft_facts.md. A linear draft grows about 2x per doubling.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def event_with(n: int, folder: Path) -> Path:
    from make_factbase import write_factbase

    [path] = write_factbase(1, folder, 0)
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    template = next(f for f in doc["facts"] if f.get("asset") and f["metric"] == "liquidations")
    for i in range(n):
        fact = dict(template, id=f"extra_{i}", asset=f"T{i}")
        fact["observations"] = [dict(o, value=100 + i) for o in template["observations"]]
        doc["facts"].append(fact)
    out = folder / "events" / f"n{n}.yaml"
    out.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    path.unlink()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[125, 250, 500, 1000])
    args = ap.parse_args()
    from writer.draft import Drafter
    from writer.factbase.loader import load_event, load_registry

    with_check, without = Drafter(None), Drafter(None, run_check=False)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = Path(tmp) / str(n)
            path = event_with(n, folder)
            event = load_event(path, load_registry(folder / "sources.yaml"))
            times = []
            for drafter in (without, with_check):
                started = time.perf_counter()
                drafter.draft(event)
                times.append(time.perf_counter() - started)
            rows.append((n, *times, os.getloadavg()[0]))
            print(f"{n} extra facts: {times[0]:.2f} s without the self-check, {times[1]:.2f} s with it", flush=True)
    lines = ["# Drafting time against the number of facts", "", f"    python bench/bench_draft_facts.py --sizes {' '.join(map(str, args.sizes))}", "",
             "| extra facts | draft (s) | growth | draft + self-check (s) | growth | load |", "|---|---|---|---|---|---|"]
    for i, (n, plain, checked, load) in enumerate(rows):
        g1 = f"{plain / rows[i - 1][1]:.1f}x" if i else ""
        g2 = f"{checked / rows[i - 1][2]:.1f}x" if i else ""
        lines.append(f"| {n} | {plain:.2f} | {g1} | {checked:.2f} | {g2} | {load:.1f} |")
    (ROOT / "bench" / "results" / "draft_facts.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
