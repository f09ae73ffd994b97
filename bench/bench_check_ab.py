"""A/B of the warm fact-free check between two checkouts: CPU, interleaved, as a ratio.

Usage: ``python bench/bench_check_ab.py BASE [--articles 200 --rounds 9 --tree] [--facts N]`` where BASE
is a checkout of the code to compare against (``git worktree add --detach /tmp/base main``);
this checkout is the other side. Both check the same corpus of bench/bench_check.py's
generated articles (its generator, its ``writer_run``: a fresh Checker with the per-process
caches emptied, one untimed pass, then one timed pass), each pass in a fresh process with
that checkout first on ``sys.path``; the sides alternate order every round. Prints each
side's median CPU seconds and the median of the per-round ratios base/this (above 1: this
checkout is faster), with the load.

``--facts N`` times fact mode instead (the batch's check): N events from bench/make_factbase.py,
drafted once by this checkout (not timed), then in each pass ``Checker.check_text(draft, event=event)``
for every event, a fresh Checker per pass (events loaded by each side's own loader, not timed).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]

CHILD = r'''
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1] + "/bench")
import bench_check
paths = [Path(p) for p in json.loads(sys.argv[2])]
prepare, run, run_tree = bench_check.writer_run()
check = run_tree if sys.argv[3] == "tree" else run
prepare(); check(paths); prepare()
start = time.process_time(); check(paths); print(time.process_time() - start)
'''

CHILD_FACTS = r'''
import json, sys, time
from pathlib import Path
from writer.check import Checker
from writer.factbase import load_factbase
fb, drafts = Path(sys.argv[2]), json.loads(Path(sys.argv[3]).read_text())
events, problems = load_factbase([fb])
assert not problems, problems[:3]
by_id = {e.id: e for e in events}
items = [(by_id[i], text) for i, text in drafts]
def one_pass():
    checker = Checker()
    checker.check_text("Warm-up: $5 million, according to CoinGlass.")
    checker.phrases.frames.memo()
    start = time.process_time()
    for event, text in items:
        checker.check_text(text, event=event)
    return time.process_time() - start
one_pass(); print(one_pass())
'''


def _draft_facts(n: int, tmp: Path) -> tuple[Path, Path]:
    """N generated events and their drafts by this checkout (a JSON list of [event id, Markdown])."""
    from writer.draft import Drafter
    from writer.factbase import load_factbase

    fb = tmp / "fb"
    subprocess.run([sys.executable, str(HERE / "bench" / "make_factbase.py"), str(n), str(fb)], check=True, capture_output=True)
    events, problems = load_factbase([fb])
    assert not problems, problems[:3]
    drafter = Drafter(run_check=False)
    out = tmp / "drafts.json"
    out.write_text(json.dumps([[e.id, drafter.draft(e).markdown] for e in events]), encoding="utf-8")
    return fb, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("base", type=Path, help="checkout to compare this one against")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--seed", type=int, default=20261118)
    ap.add_argument("--tree", action="store_true", help="read through the batch's path (writer/publish/worker.py)")
    ap.add_argument("--facts", type=int, default=0, metavar="N", help="time fact mode on N generated, drafted events")
    ap.add_argument("--write", type=Path, default=None,
                    help="results file (bench/results/check.md) whose A/B section for this mode to replace")
    ap.add_argument("--label", default="", help="what the two sides are, for the written section")
    args = ap.parse_args()
    sys.path.insert(0, str(HERE / "bench"))
    import bench_check

    sides = [str(args.base.resolve()), str(HERE)]
    with tempfile.TemporaryDirectory() as tmp:
        if args.facts:
            fb, drafts = _draft_facts(args.facts, Path(tmp))
            argv = ["-c", CHILD_FACTS, "", str(fb), str(drafts)]
        else:
            paths = json.dumps([str(p) for p in bench_check.make_corpus(Path(tmp), args.articles, args.seed)])
        load_before = os.getloadavg()
        cpu: dict[str, list[float]] = {s: [] for s in sides}
        for r in range(args.rounds):
            for side in (sides if r % 2 == 0 else sides[::-1]):
                cmd = argv if args.facts else ["-c", CHILD, side, paths, "tree" if args.tree else "plain"]
                out = subprocess.run([sys.executable, *cmd],
                                     env=dict(os.environ, PYTHONPATH=side), cwd=side, capture_output=True, text=True, check=True)
                cpu[side].append(float(out.stdout.split()[-1]))
    ratios = [b / t for b, t in zip(cpu[sides[0]], cpu[sides[1]])]
    lines = [f"{name} {side}: CPU s median {statistics.median(cpu[side]):.3f} ({', '.join(f'{x:.3f}' for x in cpu[side])})"
             for name, side in (("base", sides[0]), ("this", sides[1]))]
    lines.append(f"base/this: {statistics.median(ratios):.2f}x median (range {min(ratios):.2f}-{max(ratios):.2f}), "
                 f"{f'{args.facts} events in fact mode' if args.facts else f'{args.articles} articles'}, {args.rounds} rounds; "
                 f"load {load_before[0]:.1f} before, {os.getloadavg()[0]:.1f} after")
    print("\n".join(lines))
    if args.write:
        _write(args, lines)
    return 0


def _write(args, lines: list[str]) -> None:
    """Replace (or add) this mode's A/B section of ``args.write``."""
    mode = "facts" if args.facts else "free"
    command = " ".join(["python bench/bench_check_ab.py", "BASE",
                        *([f"--facts {args.facts}"] if args.facts else [f"--articles {args.articles}"]),
                        f"--rounds {args.rounds}", *(["--tree"] if args.tree else [])])
    what = "fact mode (the batch's check: drafted events, each with its fact file)" if args.facts else "the fact-free check"
    block = "\n".join([
        f"<!-- ab-{mode}:start -->",
        f"## A/B of {what}, CPU, one interleaved run",
        "",
        f"Command: `{command}`{f' ({args.label})' if args.label else ''}; 2-core machine ({platform.machine()}, "
        f"Python {platform.python_version()}), shared with other sessions (load below). Each pass is a fresh process "
        "per side, sides alternating; a fresh Checker per pass, one untimed pass first.",
        "",
        "```",
        *lines,
        "```",
        f"<!-- ab-{mode}:end -->",
    ])
    current = args.write.read_text(encoding="utf-8") if args.write.exists() else ""
    start, end = f"<!-- ab-{mode}:start -->", f"<!-- ab-{mode}:end -->"
    if start in current and end in current:
        current = current[:current.index(start)] + block + current[current.index(end) + len(end):]
    else:
        current = current.rstrip("\n") + "\n\n" + block + "\n"
    args.write.write_text(current, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
