"""The most a per-fact-base filter of supports could save in ``linking.link`` (fact mode), as a CPU ratio in one process.

    python bench/link_filter_oracle.py [--events 200] [--rounds 8]

A batch worker's Checker checks ``--events`` generated, drafted events (bench/make_factbase.py, seed 0) and every call
of ``link`` is recorded with its arguments. For each call the supports ``linking._scored`` actually scores (those its
unit, average, value and size tests let through, found by watching ``_score``) and every quote speaker's support are
kept: the pool a perfect filter, worked out for free, would hand ``link``. The script first checks that ``link`` gives
the same answer from that pool as from every support, then times all recorded calls both ways, alternating, and
prints plain / oracle per round and the median: a ceiling, since a real filter pays for its own work.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=8)
    a = ap.parse_args()
    import writer.check.checker as checker_module
    import writer.check.linking as linking
    from writer.factbase.loader import load_event, load_registry
    from writer.publish.worker import check_article, make_checker, make_drafter

    with tempfile.TemporaryDirectory() as tmp:
        facts = Path(tmp) / "facts"
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_factbase.py"), str(a.events), str(facts)], check=True,
                       stdout=subprocess.DEVNULL)
        registry = load_registry(facts / "sources.yaml")
        events = [load_event(str(f), registry) for f in sorted((facts / "events").glob("*.yaml"))]
    drafter, checker = make_drafter(None), make_checker(None)
    drafts = [drafter.draft(e, facts_path="x.yaml") for e in events]
    calls = []
    link = linking.link

    def recorded(*args):
        calls.append(args)
        return link(*args)

    checker_module.link = recorded
    for draft, event in zip(drafts, events):
        check_article(checker, draft.markdown, "a.md", event)
    checker_module.link = link
    score, scored = linking._score, set()

    def watched(s, *args):
        scored.add(id(s))
        return score(s, *args)

    linking._score = watched
    pools = []
    for args in calls:
        scored.clear()
        link(*args)
        pools.append([s for s in args[1] if id(s) in scored or s.speaker is not None])
    linking._score = score
    differing = sum(repr(link(*args)) != repr(link(args[0], pool, *args[2:])) for args, pool in zip(calls, pools))

    def run(oracle: bool) -> float:
        t = time.process_time()
        for args, pool in zip(calls, pools):
            link(args[0], pool if oracle else args[1], *args[2:])
        return time.process_time() - t

    ratios, plain_times = [], []
    for i in range(a.rounds):
        if i % 2:
            oracle = run(True)
            plain = run(False)
        else:
            plain = run(False)
            oracle = run(True)
        ratios.append(plain / oracle)
        plain_times.append(plain)
    print(f"{len(calls)} link calls over {len(events)} events; supports per call {sum(len(c[1]) for c in calls) / len(calls):.1f}, "
          f"in the oracle's pool {sum(map(len, pools)) / len(pools):.1f}; links differing from the plain scan's: {differing}")
    print(f"link CPU per event (plain) {statistics.median(plain_times) / len(events) * 1e3:.3f} ms; plain / oracle per round "
          f"{', '.join(f'{r:.3f}' for r in ratios)}; median {statistics.median(ratios):.3f}")


if __name__ == "__main__":
    main()
