"""Do a folder's fact files draft, and do their drafts pass their own check? (issue 10: every valid event drafts)

A desk's fact files of real stories (the held-out sets' ``facts/`` folders, written blind by editors) are drafted one
by one as ``writer draft`` does, with its self-check; each file is counted as drafted, refused by the draft's own
check (with the rule's code), failed another way (the error's class: a drafter bug), or not valid (its own error,
exit 2: the file's fault, not the drafter's). Only codes and classes are printed, never a draft's or an article's
words; ``--counts-only`` also leaves out the file names, for a blind set.

    python bench/draft_selfcheck.py --facts DIR [--templates DIR] [--counts-only]
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

from writer.draft import Drafter
from writer.errors import DraftError, WriterError
from writer.factbase.loader import load_event

# What a folder of fact files holds besides events: the registry, the judgements, the annotations' symlinks.
NOT_EVENTS = ("sources.yaml", "judgements.yml", "judgements.yaml")
_RULE_CODE = re.compile(r"rejects the draft: ([A-Z]\d{3})")


def outcome(drafter: Drafter, path: Path) -> str:
    """One fact file's outcome: "drafted", "own check: CODE", "invalid" or "crash: ErrorClass"."""
    try:
        event = load_event(path)
    except WriterError:
        return "invalid fact file"
    try:
        drafter.draft(event, facts_path=path.name)
    except DraftError as exc:
        code = _RULE_CODE.search(str(exc))
        return f"own check: {code.group(1)}" if code else "template error"
    except Exception as exc:  # noqa: BLE001 (any other exception is a drafter bug, counted by its class)
        return f"crash: {type(exc).__name__}"
    return "drafted"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--facts", type=Path, required=True)
    parser.add_argument("--templates", type=Path, default=None)
    parser.add_argument("--counts-only", action="store_true")
    args = parser.parse_args()
    drafter = Drafter(args.templates, run_check=True)
    files = [p for p in sorted(args.facts.glob("*.yaml")) if p.name not in NOT_EVENTS]
    results = {p.name: outcome(drafter, p) for p in files}
    tally = collections.Counter(results.values())
    print(f"{args.facts}: {tally['drafted']}/{len(files)} draft and pass their own check")
    for what, n in sorted(tally.items()):
        if what != "drafted":
            print(f"  {n}  {what}")
    if not args.counts_only:
        for name, what in results.items():
            if what != "drafted":
                print(f"  {name}: {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
