"""Instructions of one cold `writer draft` (valgrind's cachegrind): a cold-start figure the load cannot move.

Usage::

    python bench/bench_draft_instructions.py [--base REF] [--no-check] [--runs N] [--write FILE]

On a machine shared by several sessions, wall and CPU times of a half-second
process move by a quarter from one minute to the next; the number of
instructions the process executes does not (cachegrind counts them on a
simulated CPU). This runs the same command line as bench/bench_draft.py's cold
start (bench/coldstart.py: fresh process, bytecode cached, the tree on
``PYTHONPATH``) under ``valgrind --tool=cachegrind --cache-sim=no`` with
``PYTHONHASHSEED=0`` (string hashing is random per process otherwise, which
moves the count by about 0.1%), for this checkout and, with ``--base REF``,
for that commit, and prints the counts and their ratio. Instructions are not
time (a cache miss costs more than an add), so a change is judged by both:
this count, and bench_draft.py's interleaved CPU ratio.

Needs valgrind (about 30 s of CPU per run).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from coldstart import ENTRY, _env, copy_worktree, export_tree

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "factbase" / "events" / "2026-11-17-btc-long-washout-coinank.yaml"
_TOTAL = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(tree: Path, args: list[str], cwd: Path) -> int:
    """Instructions executed by one ``writer *args`` process importing ``tree``."""
    env = {**_env(tree), "PYTHONHASHSEED": "0"}
    argv = [sys.executable, "-c", ENTRY, *args]
    code = subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # bytecode written
    if code.returncode != 0:  # a tree that cannot read this checkout's EXAMPLE would be counted doing less
        raise SystemExit(f"`writer {' '.join(args)}` exits {code.returncode} from {tree}:\n{code.stderr[-2000:]}")
    out = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={os.devnull}", *argv],
                         env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).stderr
    found = _TOTAL.search(out)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{out[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", help="a commit to compare with (its writer/ and templates/)")
    ap.add_argument("--no-check", action="store_true", help="draft with --no-check too")
    ap.add_argument("--runs", type=int, default=1, help="runs of each command (the count moves by about 0.01%%)")
    ap.add_argument("--write", type=Path, help="also write the table to this file")
    a = ap.parse_args()
    commands = [["draft", str(EXAMPLE)]] + ([["draft", str(EXAMPLE), "--no-check"]] if a.no_check else [])
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"this tree": copy_worktree(Path(tmp) / "this")}
        if a.base:
            trees[a.base] = export_tree(a.base, Path(tmp) / "base")
        rows = ["| command | tree | instructions (G) |", "|---|---|---|"]
        notes = []
        for args in commands:
            counts = {}
            for label, tree in trees.items():
                counts[label] = min(instructions(tree, args, Path(tmp)) for _ in range(a.runs))
                rows.append(f"| `writer {' '.join(args[:1] + ['EXAMPLE'] + args[2:])}` | {label} | {counts[label] / 1e9:.4f} |")
            if a.base:
                notes.append(f"`writer {' '.join(args[:1] + ['EXAMPLE'] + args[2:])}`: this tree / {a.base} = {counts['this tree'] / counts[a.base]:.3f}")
    text = "\n".join([
        "## Instructions of one cold `writer draft` (cachegrind)", "",
        f"Command: `python bench/bench_draft_instructions.py {' '.join(sys.argv[1:])}`; EXAMPLE = `{EXAMPLE.relative_to(ROOT)}`; "
        f"PYTHONHASHSEED=0, Python {sys.version.split()[0]}, bytecode cached.", "",
        *rows, "", *notes]) + "\n"
    print(text)
    if a.write:
        a.write.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
