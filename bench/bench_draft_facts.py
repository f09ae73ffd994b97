"""Drafting time against the number of facts in one event (issue 8 item 4: it must grow linearly).

    python bench/bench_draft_facts.py [--sizes 125 250 500 1000 2000 5000] [--plain-up-to 1000]

Takes generated event 0 (bench/make_factbase.py) and adds N per-asset
liquidation facts (distinct assets and values, all under the total), then
times `Drafter.draft` without its self-check, with it, and (up to
--plain-up-to facts) with a self-check that links every figure against every
fact (the plain all-pairs scan the SupportIndex replaced), interleaved in this
process, and writes the series, the growth per doubling and the load to
bench/results/draft_facts.md. A linear draft grows about 2x per doubling.
"""

from __future__ import annotations

import argparse
import math
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


def _timed(drafter, event) -> float:
    started = time.perf_counter()
    drafter.draft(event)
    return time.perf_counter() - started


def _growth(rows: list[tuple], i: int, col: int) -> str:
    """Time ratio to the previous size, scaled to one doubling of the facts."""
    if i == 0 or rows[i][col] is None or rows[i - 1][col] is None:
        return ""
    doublings = math.log2(rows[i][0] / rows[i - 1][0])
    return f"{(rows[i][col] / rows[i - 1][col]) ** (1 / doublings):.1f}x"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[125, 250, 500, 1000, 2000, 5000])
    ap.add_argument("--plain-up-to", type=int, default=1000, help="largest size also timed with all-pairs linking (quadratic)")
    args = ap.parse_args()
    from writer.check import Checker
    from writer.draft import Drafter
    from writer.factbase.loader import load_event, load_registry

    plain_checker = Checker()
    plain_checker.link_by_index = False
    without, with_check, plain = Drafter(None, run_check=False), Drafter(None), Drafter(None, checker=plain_checker)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = Path(tmp) / str(n)
            path = event_with(n, folder)
            event = load_event(path, load_registry(folder / "sources.yaml"))
            t_without, t_with = _timed(without, event), _timed(with_check, event)
            t_plain = _timed(plain, event) if n <= args.plain_up_to else None
            rows.append((n, t_without, t_with, t_plain, os.getloadavg()[0]))
            extra = f", {t_plain:.2f} s with all-pairs linking" if t_plain is not None else ""
            print(f"{n} extra facts: {t_without:.2f} s without the self-check, {t_with:.2f} s with it{extra}", flush=True)
    lines = ["# Drafting time against the number of facts", "",
             f"    python bench/bench_draft_facts.py --sizes {' '.join(map(str, args.sizes))} --plain-up-to {args.plain_up_to}", "",
             "Machine: 2 cores shared with other sessions; load is the 1-minute average after each size.",
             "Growth is the time ratio per doubling of the facts (a linear draft: about 2x).", "",
             "| extra facts | draft (s) | growth | draft + self-check (s) | growth | + all-pairs self-check (s) | growth | load |",
             "|---|---|---|---|---|---|---|---|"]
    for i, (n, t_without, t_with, t_plain, load) in enumerate(rows):
        shown = f"{t_plain:.2f}" if t_plain is not None else "not run"
        lines.append(f"| {n} | {t_without:.2f} | {_growth(rows, i, 1)} | {t_with:.2f} | {_growth(rows, i, 2)} | {shown} | {_growth(rows, i, 3)} | {load:.1f} |")
    (ROOT / "bench" / "results" / "draft_facts.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
