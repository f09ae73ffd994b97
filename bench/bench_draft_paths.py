"""Each of drafting's and loading's fast paths against the plain code it replaces, in one process.

    python bench/bench_draft_paths.py [--events 200] [--slices 60] [--write FILE]

On the shared 2-core machines two processes timed one after the other see different loads, so
this bench alternates the two versions inside one process, on short slices of the same events
(10 events per slice, the order flipping every slice), and reports the median of the per-slice
CPU-time ratios, plain / fast (above 1: the fast path pays). The plain versions are the ones
tests/test_draft_fast_paths.py holds the fast paths to:

- numbers: babel called for every figure (numbers.py's caches emptied before every call);
- debris: every debris expression searched in every sentence;
- yaml tags: PyYAML's resolver asked for every scalar (loading);
- sandbox: writer's own templates run in Jinja2's sandbox (``Drafter(sandboxed=True)``, what an
  editor's templates get) instead of the plain environment that applies the same reading rule;
- the three together (drafting).

A path was tried and dropped on this bench's figure: keeping the sandbox's attribute
answers per (class, name) measured 1.005 (60 slices, load 4-6), not worth its code.

Events are bench/make_factbase.py's synthetic ones (seed 7), drafted as a batch worker drafts
them: Markdown, claim map and self-check, no provenance check. Each line starts with the kept
results emptied and never drafts an event twice, so a kept result comes from an earlier event,
as in a batch (``--events`` is raised to slices / 2 x 10 when lower).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLICE = 10  # events per timed slice: about 0.1 s, short enough that both versions see the same load
KEPT_NUMBERS = ("_plain_text", "_compact_text", "_pattern_text", "_symbol")  # numbers.py's kept babel results
DRAFTERS: dict = {}  # "fast": writer's own templates without the sandbox; "sandbox": the same templates in it


@contextmanager
def plain_numbers():
    from writer.draft import numbers

    kept = {name: getattr(numbers, name) for name in KEPT_NUMBERS}
    for name, fn in kept.items():
        setattr(numbers, name, fn.__wrapped__)
    try:
        yield
    finally:
        for name, fn in kept.items():
            setattr(numbers, name, fn)


@contextmanager
def plain_debris():
    from writer.draft import selfcheck

    fast = selfcheck.first_debris

    def every(text):
        for rx, what, _ in selfcheck._DEBRIS:
            m = rx.search(text)
            if m:
                return what, m
        return None

    selfcheck.first_debris = every
    try:
        yield
    finally:
        selfcheck.first_debris = fast


@contextmanager
def plain_tags():
    from writer.factbase import yamlsource

    fast = yamlsource._Loader
    yamlsource._Loader = yamlsource._SafeLoader
    try:
        yield
    finally:
        yamlsource._Loader = fast


@contextmanager
def plain_sandbox():
    DRAFTERS["current"] = DRAFTERS["sandbox"]
    try:
        yield
    finally:
        DRAFTERS["current"] = DRAFTERS["fast"]


@contextmanager
def plain_all():
    with plain_numbers(), plain_debris(), plain_sandbox():
        yield


def forget() -> None:
    """Empty what the fast paths keep, so each line starts as a fresh worker does."""
    from writer.draft import numbers
    from writer.factbase import yamlsource

    for name in KEPT_NUMBERS:
        getattr(numbers, name).cache_clear()
    yamlsource._TAGS.clear()


def compare(work, plain, slices: int, n_events: int) -> tuple[float, float, float]:
    """Median per-slice ratio plain/fast, and the fast and plain CPU ms per event.

    Both versions of a pair of slices handle the same events; every pair has events of its own
    (``n_events`` >= slices / 2 x SLICE), so what the fast paths keep comes only from earlier
    events, as in a batch worker, never from drafting the same event again.
    """
    forget()
    fast_t, plain_t = [], []
    for s in range(slices):
        start = (s // 2 * SLICE) % max(1, n_events - SLICE + 1)
        order = [False, True] if s % 2 == 0 else [True, False]
        for is_plain in order:
            t = time.process_time()
            if is_plain:
                with plain():
                    work(start, start + SLICE)
            else:
                work(start, start + SLICE)
            (plain_t if is_plain else fast_t).append(time.process_time() - t)
    ratios = [p / f for p, f in zip(plain_t, fast_t)]
    return statistics.median(ratios), 1000 * statistics.median(fast_t) / SLICE, 1000 * statistics.median(plain_t) / SLICE


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=200)
    ap.add_argument("--slices", type=int, default=60)
    ap.add_argument("--write", type=Path)
    args = ap.parse_args()
    requested = args.events
    args.events = max(args.events, args.slices * SLICE // 2 + SLICE)  # no event drafted twice in a line
    from writer.draft import Drafter
    from writer.factbase.loader import load_factbase
    from writer.factbase.yamlsource import parse

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_factbase.py"), str(args.events), tmp, "--seed", "7"], check=True, stdout=subprocess.DEVNULL)
        events, problems = load_factbase([tmp])
        files = sorted(Path(tmp).rglob("*.yaml"))
        texts = [(p.read_text(encoding="utf-8"), str(p)) for p in files if p.name != "sources.yaml"]
    assert not problems, problems[:3]
    DRAFTERS.update(fast=Drafter(run_check=False), sandbox=Drafter(run_check=False, sandboxed=True))
    DRAFTERS["current"] = DRAFTERS["fast"]
    for e in events[:SLICE]:
        DRAFTERS["fast"].draft(e)
        DRAFTERS["sandbox"].draft(e)

    def drafting(a, b):
        drafter = DRAFTERS["current"]
        for e in events[a:b]:
            drafter.draft(e)

    def parsing(a, b):
        for text, path in texts[a:b]:
            parse(text, path)

    before = os.getloadavg()
    rows = [
        ("numbers (babel results kept)", *compare(drafting, plain_numbers, args.slices, len(events))),
        ("self-check debris (needles first)", *compare(drafting, plain_debris, args.slices, len(events))),
        ("writer's own templates without the sandbox (same rule on what they read)", *compare(drafting, plain_sandbox, args.slices, len(events))),
        ("all three: drafting", *compare(drafting, plain_all, args.slices, len(events))),
        ("yaml tags kept: parsing a fact file", *compare(parsing, plain_tags, args.slices, len(texts))),
    ]
    after = os.getloadavg()
    lines = [
        f"Command: `python bench/bench_draft_paths.py --events {requested} --slices {args.slices}`",
        "",
        f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; load average {before[0]:.2f} before, {after[0]:.2f} after; "
        f"{args.slices} slices of {SLICE} events per line, plain and fast alternating in one process (CPU time).",
        "",
        "| fast path | plain / fast (median of slices) | fast, CPU ms/event | plain, CPU ms/event |",
        "|---|---|---|---|",
        *(f"| {label} | {r:.3f} | {f:.2f} | {p:.2f} |" for label, r, f, p in rows),
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write:
        args.write.write_text("# Drafting's fast paths against their plain versions\n\n" + report, encoding="utf-8")


if __name__ == "__main__":
    main()
