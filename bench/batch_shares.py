"""What share of a warm batch worker's time goes to linking and to the keyword scanners (issue 15 item 2).

    python bench/batch_shares.py [--events 300] [--warm 50]

Generates ``--warm`` + ``--events`` events (bench/make_factbase.py), publishes the first ``--warm`` with one
Publisher as a batch worker does (warm-up, then ``gc.freeze()``), then publishes the rest with some functions
timed, each counted only at its outermost call:

- linking: ``supports_of`` (the event's supports), ``cues_for`` (the words around each figure), ``link`` (the search);
  what links taken from the draft's claim map could skip at most (bench/claimmap_links.py);
- keyword scanners: the PhraseSet and Frames readers that scan a text for phrase classes, cue keys or attribution
  frames; what one shared keyword pass per sentence could replace at most.

CPU time of this process (time.process_time) over the whole loop is the denominator; each timed call
pays a wrapper, whose cost (measured on an empty function) is taken off, call by call.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GROUPS = {
    "linking": [("writer.check.checker", None, n) for n in ("supports_of", "cues_for", "link")],
    "keyword scanners": [("writer.check.phrases", "KeyFinder", "found")]
    + [("writer.check.phrases", "PhraseSet", n) for n in ("classes_in", "marker_ends", "union_starts", "speaks_of_data", "differs", "framed",
                                                          "has_frame")]
    + [("writer.check.frames", "Frames", n) for n in ("differs", "keyword_ends", "reports_after", "source_before", "mentions_data", "names_data",
                                                      "labelled", "first", "framed", "holds_view", "label_at", "label_name")],
}

spent: Counter = Counter()
calls: Counter = Counter()
_depth = [0]


def _wrap(owner, name: str, label: str) -> None:
    f = getattr(owner, name)

    def timed(*a, **k):
        if _depth[0]:
            return f(*a, **k)
        _depth[0] += 1
        t = time.process_time()
        try:
            return f(*a, **k)
        finally:
            spent[label] += time.process_time() - t
            calls[label] += 1
            _depth[0] -= 1

    setattr(owner, name, timed)


def wrapper_cost() -> float:
    class Empty:
        def f(self):
            return None

    _wrap(Empty, "f", "_empty")
    e = Empty()
    for _ in range(200_000):
        e.f()
    cost = spent.pop("_empty") / calls.pop("_empty")
    return cost


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=300)
    ap.add_argument("--warm", type=int, default=50)
    args = ap.parse_args()
    import importlib

    from writer.publish.settings import SiteSettings
    from writer.publish.worker import Publisher, Task, make_checker, make_drafter

    overhead = wrapper_cost()
    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp_name:
        facts = Path(tmp_name) / "facts"
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_factbase.py"), str(args.warm + args.events), str(facts)], check=True,
                       stdout=subprocess.DEVNULL)
        every = sorted((facts / "events").glob("*.yaml"))
        out = Path(tmp_name) / "site"
        publisher = Publisher(out, out / ".stage", SiteSettings(), make_drafter(None), make_checker(None), datetime(2026, 12, 1, tzinfo=timezone.utc))
        tasks = [Task(str(f), f.name, str(facts / "sources.yaml"), None, None) for f in every]
        for t in tasks[:args.warm]:
            assert publisher.publish(t).entry is not None
        for group, names in GROUPS.items():
            for module, cls, name in names:
                owner = importlib.import_module(module)
                _wrap(getattr(owner, cls) if cls else owner, name, f"{group}: {(cls + '.') if cls else ''}{name}")
        gc.collect()
        gc.freeze()
        t0 = time.process_time()
        for t in tasks[args.warm:]:
            publisher.publish(t)
        total = time.process_time() - t0 - overhead * sum(calls.values())
    n = args.events
    print(f"Command: `python bench/batch_shares.py --events {args.events} --warm {args.warm}`; Python {sys.version.split()[0]}; "
          f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} before, {' '.join(f'{x:.2f}' for x in os.getloadavg())} after; "
          f"wrapper cost {overhead * 1e6:.2f} us per timed call, taken off.\n")
    print(f"Whole publish: {total / n * 1000:.2f} CPU ms per event.\n")
    print("| function (outermost calls) | calls per event | ms per event | share of the publish |")
    print("|---|---|---|---|")
    by_group: Counter = Counter()
    for label, s in sorted(spent.items(), key=lambda kv: -kv[1]):
        own = s - overhead * calls[label]
        by_group[label.split(":")[0]] += own
        print(f"| {label} | {calls[label] / n:.1f} | {own / n * 1000:.3f} | {own / total:.1%} |")
    for group, own in by_group.items():
        print(f"| **{group}, all** | | {own / n * 1000:.3f} | {own / total:.1%} |")


if __name__ == "__main__":
    main()
