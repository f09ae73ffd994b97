"""Instructions of one warm pass of the check (valgrind's cachegrind), this checkout against another:
a before/after figure the machine's load cannot move.

On this shared 2-core machine a CPU-time ratio of two checkouts moves by 10-20% from round to round
(bench/bench_check_ab.py), more than most single changes to the check gain. The number of instructions
a pass executes does not move with the load. Each side runs in a fresh process (that checkout first on
``PYTHONPATH``, ``PYTHONHASHSEED=0``) under ``valgrind --tool=cachegrind --cache-sim=no``, once with one
warm pass and once with two; the difference is one pass (imports, set-up, drafting and the untimed
warm-up pass cancel out). Both sides check the same texts, built as bench/bench_check_ab.py builds them:

- fact-free (default): ``--articles`` of bench/bench_check.py's generated articles (its ``writer_run``: a
  fresh Checker with the per-process caches emptied before each pass);
- ``--facts N``: N events from bench/make_factbase.py drafted once by this checkout, then
  ``Checker.check_text(draft, event=event)`` for each, a fresh Checker per pass (the batch's check).

    python bench/bench_check_instructions.py BASE [--articles 60] [--facts 40]

BASE is a checkout (``git worktree add --detach /tmp/base main``). Prints each side's instructions per
pass and the ratio base/this (above 1: this checkout executes fewer). Needs valgrind; about a minute of
CPU per side and mode. Instructions are not time (a cache miss or a branch costs more than an add), so
a change is judged by both: this figure, and the CPU ratio of bench/bench_check_ab.py.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE / "bench"))

from bench_check_ab import _draft_facts  # noqa: E402

CHILD_FREE = r'''
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1] + "/bench")
import bench_check
paths = [Path(p) for p in json.loads(Path(sys.argv[2]).read_text())]
prepare, run, _ = bench_check.writer_run()
prepare(); run(paths)
for _ in range(int(sys.argv[3])):
    prepare(); run(paths)
'''

CHILD_FACTS = r'''
import json, sys
from pathlib import Path
from writer.check import Checker
from writer.factbase import load_factbase
fb, drafts = Path(sys.argv[2]), json.loads(Path(sys.argv[4]).read_text())
events, problems = load_factbase([fb])
by_id = {e.id: e for e in events}
items = [(by_id[i], text) for i, text in drafts]
def one_pass():
    checker = Checker()
    checker.check_text("Warm-up: $5 million, according to CoinGlass.")
    checker.phrases.frames.memo()
    for event, text in items:
        checker.check_text(text, event=event)
one_pass()
for _ in range(int(sys.argv[3])):
    one_pass()
'''


def instructions(side: str, argv: list[str]) -> int:
    """Instructions executed by ``python argv`` with ``side`` first on the path (cachegrind's total)."""
    with tempfile.NamedTemporaryFile(suffix=".cg") as out:
        subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out.name}",
                        sys.executable, *argv],
                       env=dict(os.environ, PYTHONPATH=side, PYTHONHASHSEED="0"), cwd=side,
                       capture_output=True, text=True, check=True)
        summary = re.search(r"^summary:\s+(\d+)", Path(out.name).read_text(), re.MULTILINE)
    return int(summary.group(1))


def per_pass(side: str, argv_of) -> int:
    """Instructions of one warm pass: a run with two passes less a run with one."""
    return instructions(side, argv_of(side, 2)) - instructions(side, argv_of(side, 1))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("base", type=Path, help="checkout to compare this one against")
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--facts", type=int, default=0, metavar="N", help="fact mode on N generated, drafted events")
    ap.add_argument("--seed", type=int, default=20261118)
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    import bench_check

    sides = {"base": str(args.base.resolve()), "this": str(HERE)}
    with tempfile.TemporaryDirectory() as tmp:
        if args.facts:
            fb, drafts = _draft_facts(args.facts, Path(tmp))

            def argv_of(side, n):
                return ["-c", CHILD_FACTS, side, str(fb), str(n), str(drafts)]
            what = f"{args.facts} drafted events in fact mode"
        else:
            listing = Path(tmp) / "paths.json"
            listing.write_text(json.dumps([str(p) for p in bench_check.make_corpus(Path(tmp), args.articles, args.seed)]))

            def argv_of(side, n):
                return ["-c", CHILD_FREE, side, str(listing), str(n)]
            what = f"{args.articles} generated articles, fact-free"
        got = {name: per_pass(side, argv_of) for name, side in sides.items()}
    for name, side in sides.items():
        print(f"{name} {side}: {got[name]:,} instructions per warm pass")
    print(f"base/this: {got['base'] / got['this']:.3f}x fewer instructions ({what})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
