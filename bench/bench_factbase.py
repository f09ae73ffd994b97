"""Benchmark the fact base: how fast events load, and what a cold `writer facts validate` costs.

Usage::

    python bench/bench_factbase.py [--events 2000] [--work DIR]

Batch publishing must load 10,000 events well inside its one-minute budget,
so the per-event cost of read + parse + validate + reconcile + cross-check +
derive is the figure that matters; the comment-preserving round trip
(ruamel) is timed beside it to show why reading does not use it. Beside
the loader's parse (node tree with positions, then values) it times what
PyYAML offers without positions (``yaml.load`` with the C loader), the
node tree alone and libyaml's event stream alone: whether plain data,
with positions recovered only for an error, would read faster. In-process
figures are CPU time, best of 3.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _best(fn, repeat: int = 3) -> float:
    """The least CPU time of ``repeat`` runs (CPU, not wall: the machine is shared)."""
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=2000)
    ap.add_argument("--work", type=Path, default=None)
    args = ap.parse_args()

    from writer.factbase.loader import event_files, load_factbase, load_registry
    from writer.factbase.roundtrip import dump_document, load_document
    from writer.factbase.yamlsource import parse

    work = args.work or Path(tempfile.mkdtemp(prefix="bench-factbase-"))
    if not (work / "events").is_dir():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_factbase.py"), str(args.events), str(work)], check=True)
    files = event_files([work / "events"])
    texts = [p.read_text(encoding="utf-8") for p in files]
    n = len(files)
    kb = sum(len(t) for t in texts) / n / 1024

    registry = load_registry(work / "sources.yaml")
    load_s = _best(lambda: load_factbase([work / "events"], registry))
    events, problems = load_factbase([work / "events"], registry)
    assert not problems and len(events) == n, problems[:3]
    parse_s = _best(lambda: [parse(t, "x") and None for t in texts])
    # Ways PyYAML could read the same files (issue 15: could plain data be read faster, with positions only on an
    # error?). Each result is dropped as soon as it is made, as the loader drops its node tree, so the collector
    # does not walk 2,000 kept trees.
    import yaml

    from writer.factbase.yamlsource import _Loader

    plain_s = _best(lambda: [yaml.load(t, Loader=yaml.CSafeLoader) and None for t in texts])
    compose_s = _best(lambda: [list(yaml.compose_all(t, Loader=_Loader)) and None for t in texts])
    events_s = _best(lambda: [list(yaml.parse(t, Loader=yaml.CSafeLoader)) and None for t in texts])
    sample = texts[: min(200, n)]
    rt_s = _best(lambda: [dump_document(load_document(t)) for t in sample], repeat=1) * n / len(sample)

    cold = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "writer.cli", "facts", "validate", str(ROOT / "factbase")], check=True, capture_output=True)
        cold.append(time.perf_counter() - t0)

    print(f"events: {n} (mean {kb:.1f} KiB each), one core, CPU time (best of 3); load average {os.getloadavg()[0]:.2f}")
    print(f"load_factbase (read+parse+validate+reconcile+check+derive): {load_s:.2f} s = {n / load_s:,.0f} events/s = {1000 * load_s / n:.2f} ms/event")
    print(f"  of which YAML parse with positions (libyaml): {parse_s:.2f} s = {1000 * parse_s / n:.2f} ms/event")
    print(f"  plain data without positions (yaml.load, CSafeLoader: libyaml composes, PyYAML's Python constructor builds): "
          f"{1000 * plain_s / n:.2f} ms/event")
    print(f"  composing alone, as the loader does (libyaml's node tree, with marks): {1000 * compose_s / n:.2f} ms/event; "
          f"libyaml's event stream alone: {1000 * events_s / n:.2f} ms/event")
    print(f"ruamel round trip (load+dump, extrapolated from {len(sample)}): {rt_s:.2f} s = {1000 * rt_s / n:.2f} ms/event")
    print(f"cold `python -m writer.cli facts validate factbase/` (5 example events): median {statistics.median(cold):.3f} s")


if __name__ == "__main__":
    main()
