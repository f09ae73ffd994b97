"""Drafts many random valid events that use the fact model's newer kinds and counts those that fail.

The suite runs the same property (tests/test_draft_any_event.py,
test_every_valid_event_with_the_new_kinds_drafts_and_passes_its_own_check) on a fixed
set of examples; this script is the long run with chosen seeds, for finding new failures.

    python bench/fuzz_draft_new_kinds.py [--examples 400] [--seed 1 [--seed 3 ...]] [--write bench/results/fuzz_draft.md]

Prints, per seed, the number of events tried and failed, and the first failures' messages; with
--write, also writes them (with the command and the machine's load) to a Markdown file. Exit 0.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402

import test_draft_any_event as props  # noqa: E402

SHOWN = 10  # failure messages printed per seed


def run_seed(examples: int, chosen: int) -> tuple[int, list[str]]:
    tried, failures = 0, []

    @seed(chosen)
    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(props.events(new_kinds=True))
    def run(event):
        nonlocal tried
        tried += 1
        try:
            props.test_every_valid_event_drafts_and_passes_its_own_check.hypothesis.inner_test(event)
        except Exception as exc:  # a failure is what we count here, whatever its type
            failures.append(f"{event.id}: {type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}")

    run()
    return tried, failures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=400)
    ap.add_argument("--seed", type=int, action="append", help="repeat for several seeds (default: 1)")
    ap.add_argument("--write", type=Path, help="also write the results to this Markdown file")
    args = ap.parse_args()
    seeds = args.seed or [1]
    lines = []
    for chosen in seeds:
        tried, failures = run_seed(args.examples, chosen)
        lines.append(f"| {chosen} | {tried} | {len(failures)} |")
        print(f"seed {chosen}: {tried} valid events with the new kinds drafted; {len(failures)} failed")
        for line in failures[:SHOWN]:
            print("  " + line)
            lines.append(f"|  |  | {line.replace('|', '/')} |")
    if args.write:
        command = "python bench/fuzz_draft_new_kinds.py --examples {} {}".format(args.examples, " ".join(f"--seed {s}" for s in seeds))
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
        text = ("# Any-event drafting with the new fact kinds: long fuzz\n\n"
                f"Command: `{command}` (load average {load} at the end, 2 cores).\n\n"
                "| seed | events drafted | failed |\n|---|---|---|\n" + "\n".join(lines) + "\n")
        args.write.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
