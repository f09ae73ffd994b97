"""Drafts many random valid events that use the fact model's newer kinds and counts those that fail.

The suite runs the same property (tests/test_draft_any_event.py,
test_every_valid_event_with_the_new_kinds_drafts_and_passes_its_own_check) on a fixed
set of examples; this script is the long run with a chosen seed, for finding new failures.

    python bench/fuzz_draft_new_kinds.py [--examples 300] [--seed 1]

Prints the number of events tried and failed, and the first failures' messages; exit 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402

import test_draft_any_event as props  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    tried, failures = 0, []

    @seed(args.seed)
    @settings(max_examples=args.examples, deadline=None, database=None,
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
    print(f"{tried} valid events with the new kinds drafted; {len(failures)} failed")
    for line in failures[:10]:
        print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
