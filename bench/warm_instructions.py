"""Instructions a warm batch worker spends per event drafting (or loading) it, for one or more commits.

    python bench/warm_instructions.py [--what draft|load|publish] [--events 30] [--collector] [--write FILE] COMMIT [COMMIT ...]

The shared 2-core machine moves CPU times by a factor of several, so a small per-call change is measured
in instructions (cachegrind counts them, whatever the load). Each commit's ``writer/`` and ``templates/``
are exported (``git archive``); a child process loads ``--events`` generated events
(bench/make_factbase.py, seed 0), drafts them once as a warm-up (a Drafter as a batch worker builds it)
and then drafts (or loads them, or publishes them whole as a batch worker does: load, draft, check,
HTML, claim map and page, ``Publisher.publish``) N more times with the collector off, under
``valgrind --tool=cachegrind --cache-sim=no``, for N = 1 and N = 3: the difference, over 2 passes and the
events, is the figure (``publish`` takes a fresh slice of events for each pass, since the check remembers texts it
has read), set-up and warm-up cancelled (bytecode is written by an unmeasured run first, so
neither measured run compiles the tree). Repeated runs of one commit agree within about 0.15%.
Needs valgrind; each commit takes a few minutes under it.

``--collector`` runs the measured passes with the collector on, as a local worker does (its set-up frozen, then
``WORKER_GC_THRESHOLDS``): with it off, garbage in reference cycles is never freed, so a change that frees an
event's objects as it goes (no cycles) pays their freeing in the count and is credited nothing for the
collections it saves; with it on, both are counted.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from coldstart import export_tree  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import gc, sys
from pathlib import Path
from writer.factbase.loader import load_event, load_registry
from writer.publish.worker import make_drafter
facts, what, passes, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
collector = sys.argv[5:] == ["collector"]
registry = load_registry(facts / "sources.yaml")
every = sorted((facts / "events").glob("*.yaml"))
files = every[:n]
drafter = make_drafter(None)
gc.disable()
events = [load_event(f, registry) for f in files]
for e in events:
    drafter.draft(e, facts_path="facts.yaml")
if what == "publish":
    import tempfile
    from datetime import datetime, timezone
    from writer.publish.settings import SiteSettings
    from writer.publish.worker import Publisher, Task, make_checker
    out = Path(tempfile.mkdtemp(dir=facts))
    publisher = Publisher(out, out / ".stage", SiteSettings(), drafter, make_checker(None), datetime(2026, 12, 1, tzinfo=timezone.utc))
    def tasks(k):  # the k-th slice of n events: each pass publishes events no earlier pass saw (the check keeps per-text memos)
        return [Task(str(f), f.name, str(facts / "sources.yaml"), None, None) for f in every[k * n:(k + 1) * n]]
    for t in tasks(0):
        assert publisher.publish(t).entry is not None, t
if collector:  # as a local worker runs: its set-up frozen, then its collector on at the worker's thresholds
    from writer.publish.executors import WORKER_GC_THRESHOLDS
    gc.collect()
    gc.freeze()
    gc.set_threshold(*WORKER_GC_THRESHOLDS)
    gc.enable()
for k in range(1, passes + 1):
    if what == "draft":
        for e in events:
            drafter.draft(e, facts_path="facts.yaml")
    elif what == "publish":
        for t in tasks(k):
            publisher.publish(t)
    else:
        for f in files:
            load_event(f, registry)
"""


def _env(tree: Path) -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(tree)}


def instructions(tree: Path, facts: Path, what: str, passes: int, events: int, collector: bool = False) -> int:
    run = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", sys.executable, "-c", CHILD,
                          str(facts), what, str(passes), str(events), *(["collector"] if collector else [])],
                         env=_env(tree), capture_output=True, text=True, check=True, cwd=facts)
    return int(re.search(r"I\s+refs:\s+([\d,]+)", run.stderr).group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("commits", nargs="+")
    ap.add_argument("--what", choices=("draft", "load", "publish"), default="draft")
    ap.add_argument("--events", type=int, default=30)
    ap.add_argument("--collector", action="store_true", help="measured passes with the collector on, as a local worker runs it "
                    "(frozen set-up, WORKER_GC_THRESHOLDS); without it the collector is off, and garbage in cycles is never freed")
    ap.add_argument("--write", type=Path, default=None, help="also write the figures to this Markdown file (its section 'warm-<what>')")
    args = ap.parse_args()
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        facts = tmp / "facts"
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_factbase.py"), "300", str(facts)], check=True, stdout=subprocess.DEVNULL)
        first = None
        for i, commit in enumerate(args.commits):
            tree = export_tree(commit, tmp / f"tree{i}")
            # Bytecode written first, so neither measured run compiles the tree (the first would, the second not).
            subprocess.run([sys.executable, "-c", CHILD, str(facts), args.what, "0", str(args.events)], env=_env(tree), check=True, cwd=facts)
            one, three = (instructions(tree, facts, args.what, p, args.events, args.collector) for p in (1, 3))
            per_event = (three - one) / 2 / args.events
            first = first or per_event
            line = f"{commit}: {per_event / 1e6:.2f} M instructions per {args.what}ed event{' (collector on)' if args.collector else ''} (first/this {first / per_event:.3f})"
            lines.append(f"| {commit} | {subprocess.run(['git', '-C', str(ROOT), 'rev-parse', '--short', commit], capture_output=True, text=True).stdout.strip()} "
                         f"| {per_event / 1e6:.2f} | {first / per_event:.3f} |")
            print(line, flush=True)
    if args.write:
        sys.path.insert(0, str(ROOT))
        from bench.eval_seeds import update_section  # noqa: PLC0415

        report = "\n".join([
            f"## Instructions per warm {args.what}ed event, by commit",
            "",
            f"Command: `python bench/warm_instructions.py --what {args.what} --events {args.events}{' --collector' if args.collector else ''} {' '.join(args.commits)}` (cachegrind: "
            "instruction counts, which the machine's load does not move; set-up and warm-up cancelled by 1 and 3 passes).",
            "",
            "| commit | short | M instructions per event | first / this |",
            "|---|---|---|---|",
            *lines,
        ]) + "\n"
        update_section(args.write, f"warm-{args.what}{'-collector' if args.collector else ''}", report)


if __name__ == "__main__":
    main()
