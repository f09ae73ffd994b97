"""Per-event cost of the provenance check in fact mode on drafted articles (the batch publishing case).

Generates N events (``bench/make_factbase.py``), drafts each once with a
``Drafter(run_check=False)`` (the draft is not timed), then times
``Checker.check_text(markdown, event=event)`` over all of them in one process,
as a batch worker does: one fresh Checker, every event checked once (no article
is seen twice, so nothing is timed warm that a batch would see cold). The
fact-free rules are timed the same way on the same drafts, with another fresh
Checker. CPU time of this process (``time.process_time``), best of ``--repeat``
runs, each with fresh Checkers.

    python bench/bench_check_facts.py [--events 1000] [--tree DIR] [--write bench/results/check.md]

``--tree`` times another checkout of the project (for example a ``git archive``
of an older commit) with the same events, so before/after figures come from
one command.
"""

from __future__ import annotations

import argparse
import ast
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measure(n: int, repeat: int, fb: Path) -> dict:
    from writer.check import Checker
    from writer.draft import Drafter
    from writer.factbase import load_factbase

    events, problems = load_factbase([fb])
    assert not problems, problems[:3]
    drafter = Drafter(run_check=False)
    drafts = [drafter.draft(e).markdown for e in events]
    out: dict = {"events": len(events), "words": sum(len(d.split()) for d in drafts) / len(drafts)}
    for mode in ("facts", "free"):
        best = float("inf")
        findings = 0
        for _ in range(repeat):
            checker = Checker()
            checker.check_text("Warm-up: $5 million, according to CoinGlass.")  # builds the pipeline (not timed)
            t0 = time.process_time()
            findings = sum(len(checker.check_text(d, event=e if mode == "facts" else None)) for e, d in zip(events, drafts))
            best = min(best, time.process_time() - t0)
        out[mode] = (best, findings)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--tree", type=Path, default=None, help="project checkout to time instead of this one")
    ap.add_argument("--label", default=None, help="how to name the code measured (default: the tree's git commit)")
    ap.add_argument("--write", type=Path, default=None, help="results file whose facts section to replace")
    ap.add_argument("--fb", type=Path, default=None, help="(internal) fact base already generated")
    args = ap.parse_args()
    tree = (args.tree or ROOT).resolve()
    if args.fb is None:
        with tempfile.TemporaryDirectory(prefix="writer-bench-facts-") as tmp:
            fb = Path(tmp) / "fb"
            subprocess.run([sys.executable, str(ROOT / "bench" / "make_factbase.py"), str(args.events), str(fb)], check=True, capture_output=True)
            # A fresh interpreter with the chosen tree first on the path.
            cmd = [sys.executable, str(Path(__file__).resolve()), "--events", str(args.events), "--repeat", str(args.repeat), "--fb", str(fb), "--tree", str(tree)]
            env = {**os.environ, "PYTHONPATH": str(tree)}
            r = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
            result = ast.literal_eval(r.stdout.strip().splitlines()[-1])
    else:
        sys.path.insert(0, str(tree))
        print(repr(measure(args.events, args.repeat, args.fb)))
        return 0
    n = result["events"]
    facts_s, facts_n = result["facts"]
    free_s, free_n = result["free"]
    commit = args.label or subprocess.run(["git", "-C", str(tree), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip() or str(tree)
    lines = [
        "## Fact mode per event on drafted articles (the batch case)",
        "",
        f"Command: `python bench/bench_check_facts.py --events {args.events}`; {n} generated events "
        f"(`bench/make_factbase.py`), each drafted once ({result['words']:.0f} words on average, drafting not timed), "
        f"then checked once each by one fresh `Checker` in one process, as a batch worker does; CPU time, best of "
        f"{args.repeat}; 2-core machine ({platform.machine()}, Python {platform.python_version()}), code at {commit}.",
        "",
        "| mode | ms per event | findings |",
        "|---|---|---|",
        f"| fact mode: `check_text(markdown, event=event)` | {1000 * facts_s / n:.2f} | {facts_n} |",
        f"| fact-free: `check_text(markdown)` | {1000 * free_s / n:.2f} | {free_n} |",
    ]
    text = "\n".join(lines)
    print(text)
    if args.write:
        current = args.write.read_text(encoding="utf-8") if args.write.exists() else ""
        start, end = "<!-- facts:start -->", "<!-- facts:end -->"
        block = f"{start}\n{text}\n{end}"
        if start in current and end in current:
            current = current[:current.index(start)] + block + current[current.index(end) + len(end):]
        else:
            current = current.rstrip("\n") + "\n\n" + block + "\n"
        args.write.write_text(current, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
