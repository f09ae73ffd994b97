"""Where a batch worker's time goes per event, and whether `gc.freeze()` after its set-up pays.

    python bench/bench_stages.py [--events 400] [--rounds 4] [--write bench/results/batch.md]

1. Stages: one process publishes half the events stage by stage (load the fact file, draft,
   render the HTML, write the claim map JSON, run the check, build the page), timed by
   CPU per stage, and the other half whole, as a worker does (``Publisher.publish``): the
   difference is what joins the stages (hashes, the stage's files, the manifest entry).
2. gc.freeze: fresh worker-like processes (a Drafter and a Checker built, one event
   published to warm up) publish the same events with and without what a batch worker
   does after its set-up (`writer.publish.executors.freeze_set_up`), alternating,
   ``--rounds`` pairs; each child reports its own CPU time for the events. The ratio is
   taken per pair.

    python bench/bench_stages.py --gc [--events 300] [--rounds 3] [--write FILE]

3. Collector thresholds: pairs of fresh worker-like processes, both frozen after set-up as a
   batch worker is, one with Python's thresholds (700, 10, 10), the other with a local
   worker's (``writer.publish.executors.WORKER_GC_THRESHOLDS``), alternating; each reports its
   CPU per event, the collector's own CPU per event (``gc.callbacks``), its collections and
   how much its peak memory grew while publishing.

    python bench/bench_stages.py --base REF [--events 200] [--rounds 4] [--write FILE]

4. Against another commit: fresh processes run the stages of part 1 with this working tree's ``writer/`` and
   ``templates/`` and with REF's (both laid out as installed, bench/coldstart.py), alternating, on the same
   generated events; per stage, each side's median CPU per event and the median of the per-round ratios
   REF/this (above 1: this tree is faster).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if "--stages-child" not in sys.argv:  # a child of --base imports writer from the tree on its PYTHONPATH
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _setup(fb: Path, out: Path):
    from writer.publish.settings import SiteSettings
    from writer.publish.worker import Publisher, Task, make_checker, make_drafter

    from datetime import datetime, timezone

    stage = out / ".stage"
    publisher = Publisher(out, stage, SiteSettings(), make_drafter(None), make_checker(None), datetime(2026, 12, 1, tzinfo=timezone.utc))
    files = sorted((fb / "events").glob("*.yaml"))
    tasks = [Task(str(f), f.name, str(fb / "sources.yaml"), None, None) for f in files]
    return publisher, tasks


def child(fb: Path, freeze: bool) -> dict:
    """One worker-like process: warm up on the first event, then publish the rest."""
    with tempfile.TemporaryDirectory() as tmp:
        publisher, tasks = _setup(fb, Path(tmp))
        publisher.publish(tasks[0])
        if freeze:
            from writer.publish.executors import freeze_set_up

            freeze_set_up()  # what a batch worker does after its set-up
        collections = sum(s["collections"] for s in gc.get_stats())
        t0 = time.process_time()
        for t in tasks[1:]:
            publisher.publish(t)
        cpu = time.process_time() - t0
        return {"cpu": cpu, "events": len(tasks) - 1, "collections": sum(s["collections"] for s in gc.get_stats()) - collections}


def gc_child(fb: Path, worker_thresholds: bool) -> dict:
    """One worker-like process, frozen after its set-up; ``worker_thresholds``: a local worker's collector thresholds."""
    import resource

    from writer.publish.executors import WORKER_GC_THRESHOLDS, freeze_set_up

    spent, started = [0.0], [0.0]

    def timed(phase, info):
        if phase == "start":
            started[0] = time.process_time()
        else:
            spent[0] += time.process_time() - started[0]

    with tempfile.TemporaryDirectory() as tmp:
        publisher, tasks = _setup(fb, Path(tmp))
        publisher.publish(tasks[0])
        freeze_set_up()
        if worker_thresholds:
            gc.set_threshold(*WORKER_GC_THRESHOLDS)
        gc.callbacks.append(timed)
        collections = sum(s["collections"] for s in gc.get_stats())
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.process_time()
        for t in tasks[1:]:
            publisher.publish(t)
        cpu = time.process_time() - t0
        return {"cpu": cpu, "gc": spent[0], "collections": sum(s["collections"] for s in gc.get_stats()) - collections,
                "grew_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak, "thresholds": list(gc.get_threshold())}


def gc_pairs(fb: Path, rounds: int) -> dict[bool, list[dict]]:
    runs: dict[bool, list[dict]] = {False: [], True: []}
    for r in range(rounds):
        for worker in ((False, True) if r % 2 == 0 else (True, False)):
            cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(fb), "--gc"] + (["--worker-thresholds"] if worker else [])
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
            runs[worker].append(json.loads(out.strip().splitlines()[-1]))
    return runs


def gc_report(args, runs: dict[bool, list[dict]], load_before: str, load_after: str) -> str:
    n = args.events - 1
    lines = [
        "## A worker's collector thresholds",
        "",
        f"Command: `python bench/bench_stages.py --gc --events {args.events} --rounds {args.rounds}`; 2-core machine "
        f"({platform.machine()}, Python {platform.python_version()}); load average {load_before} before, {load_after} after "
        f"(shared machine: CPU time). {args.rounds} alternating pairs of fresh worker-like processes publishing {n} events each, "
        "frozen after set-up as a batch worker is.",
        "",
        "| thresholds | CPU ms per event (median) | collector CPU ms per event (median) | collections (median) | peak memory grew (KB, median) |",
        "|---|---|---|---|---|",
    ]
    for worker in (False, True):
        rs = runs[worker]
        lines.append(f"| {tuple(rs[0]['thresholds'])} | {statistics.median(r['cpu'] for r in rs) / n * 1000:.2f} | "
                     f"{statistics.median(r['gc'] for r in rs) / n * 1000:.2f} | {statistics.median(r['collections'] for r in rs):.0f} | "
                     f"{statistics.median(r['grew_kb'] for r in rs):.0f} |")
    ratios = sorted(a["cpu"] / b["cpu"] for a, b in zip(runs[False], runs[True]))
    gc_ratios = sorted(a["gc"] / b["gc"] for a, b in zip(runs[False], runs[True]))
    lines += ["", f"- Python's / the worker's, per pair: CPU {statistics.median(ratios):.3f}x (range {ratios[0]:.3f}-{ratios[-1]:.3f}); "
              f"the collector's own CPU {statistics.median(gc_ratios):.2f}x (range {gc_ratios[0]:.2f}-{gc_ratios[-1]:.2f})."]
    return "\n".join(lines) + "\n"


def stages(fb: Path) -> dict[str, float]:
    from writer.check.document_tree import read_article_tree
    from writer.markdown_html import parse_tree
    from writer.publish.claimmap import claim_map_json
    from writer.publish.worker import check_article
    from writer.factbase.loader import load_event, load_registry

    with tempfile.TemporaryDirectory() as tmp:
        publisher, tasks = _setup(fb, Path(tmp))
        publisher.publish(tasks[0])
        registry = load_registry(fb / "sources.yaml")
        spent = dict.fromkeys(("load", "draft", "html", "claim map JSON", "check", "(check's Markdown read through the tree, part of check)", "page"), 0.0)
        clock = time.process_time
        # Every other event stage by stage, the others published whole as a worker does (Publisher.publish: the
        # stages plus what joins them: the page's inputs, hashes, the stage's files, the manifest entry). Alternating
        # in one loop: no event's text is checked twice (the check keeps per-text memos) and warm caches favour neither.
        # Which half an event falls in is its name's hash: the generator cycles event kinds, which a plain odd/even split could follow.
        staged, whole_spent = 0, 0.0
        for t in tasks[1:]:
            if hashlib.sha256(t.source.encode()).digest()[0] % 2:
                a = clock()
                publisher.publish(t)
                whole_spent += clock() - a
                continue
            staged += 1
            a = clock()
            event = load_event(t.path, registry)
            b = clock()
            draft = publisher.drafter.draft(event, facts_path="facts.yaml")
            c = clock()
            body = draft.body_html
            d = clock()
            claim_map_json(draft.claims)
            e = clock()
            check_article(publisher.checker, draft.markdown, "a.md", event)
            f = clock()
            read_article_tree(draft.markdown, "a.md", parse_tree)
            f2 = clock()
            publisher.pages.article(event_id=event.id, headline=draft.title, body_html=body, description="", published=event.as_of.isoformat(),
                                    modified=event.as_of.isoformat(), sources=[])
            g = clock()
            for name, span in zip(spent, (b - a, c - b, d - c, e - d, f - e, f2 - f, g - f2)):
                spent[name] += span
        out = {k: v / staged * 1000 for k, v in spent.items()}
        whole = whole_spent / (len(tasks) - 1 - staged) * 1000
        out["(whole publish, as a worker: Publisher.publish)"] = whole
        out["(of which around the stages: writing, hashing, the entry)"] = whole - sum(v for k, v in out.items() if not k.startswith("("))
        return out


def base_pairs(fb: Path, base: str, rounds: int, tmp: Path) -> dict[str, list[dict[str, float]]]:
    """Per side ("this", "base"), one stages() dict per round, from fresh processes alternating sides."""
    from coldstart import copy_worktree, export_tree

    trees = {"this": copy_worktree(tmp / "this"), "base": export_tree(base, tmp / "base")}
    runs: dict[str, list[dict[str, float]]] = {"this": [], "base": []}
    for r in range(rounds + 1):  # round 0 untimed: each tree writes its bytecode
        for side in (("this", "base") if r % 2 else ("base", "this")):
            env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(trees[side])}
            cmd = [sys.executable, str(Path(__file__).resolve()), "--stages-child", str(fb)]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env, cwd=tmp).stdout
            if r:
                runs[side].append(json.loads(out.strip().splitlines()[-1]))
    return runs


def base_report(args, runs: dict[str, list[dict[str, float]]], load_before: str, load_after: str) -> str:
    lines = [
        f"## Per stage against {args.base}",
        "",
        f"Command: `python bench/bench_stages.py --base {args.base} --events {args.events} --rounds {args.rounds}`; 2-core machine "
        f"({platform.machine()}, Python {platform.python_version()}); load average {load_before} before, {load_after} after "
        f"(shared machine: CPU time). {args.rounds} rounds of fresh processes, sides alternating, each publishing the same "
        f"{args.events - 1} generated events (half stage by stage, half whole).",
        "",
        f"| stage (CPU ms per event) | {args.base} | this tree | {args.base} / this, median of rounds (range) |",
        "|---|---|---|---|",
    ]
    for stage in runs["this"][0]:
        base = [r[stage] for r in runs["base"]]
        this = [r[stage] for r in runs["this"]]
        ratios = sorted(b / t for b, t in zip(base, this) if t > 0)
        ratio = f"{statistics.median(ratios):.3f} ({ratios[0]:.3f}-{ratios[-1]:.3f})" if ratios else "-"
        lines.append(f"| {stage} | {statistics.median(base):.2f} | {statistics.median(this):.2f} | {ratio} |")
    totals = sorted(sum(v for k, v in b.items() if not k.startswith("(")) / sum(v for k, v in t.items() if not k.startswith("("))
                    for b, t in zip(runs["base"], runs["this"]))
    lines += ["", f"- total of the stages, {args.base} / this, per round: median {statistics.median(totals):.3f}x (range {totals[0]:.3f}-{totals[-1]:.3f})."]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=400)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--write", type=Path, default=None)
    ap.add_argument("--child", type=Path, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--freeze", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--gc", action="store_true", help="compare Python's collector thresholds with a local worker's")
    ap.add_argument("--worker-thresholds", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--base", default=None, help="compare each stage with this commit's writer (fresh processes, alternating)")
    ap.add_argument("--stages-child", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stages_child is not None:
        print(json.dumps(stages(args.stages_child)))
        return 0
    if args.child is not None:
        print(json.dumps(gc_child(args.child, args.worker_thresholds) if args.gc else child(args.child, args.freeze)))
        return 0

    import make_factbase

    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    if args.base:
        with tempfile.TemporaryDirectory(prefix="writer-stages-") as tmp:
            fb = Path(tmp) / "fb"
            make_factbase.write_factbase(args.events, fb)
            runs_ab = base_pairs(fb, args.base, args.rounds, Path(tmp))
        report = base_report(args, runs_ab, load_before, " ".join(f"{x:.2f}" for x in os.getloadavg()))
        print(report)
        if args.write:
            from bench.eval_seeds import update_section  # noqa: PLC0415

            update_section(args.write, "stages-base", report)
        return 0
    if args.gc:
        with tempfile.TemporaryDirectory(prefix="writer-stages-") as tmp:
            fb = Path(tmp) / "fb"
            make_factbase.write_factbase(args.events, fb)
            runs = gc_pairs(fb, args.rounds)
        report = gc_report(args, runs, load_before, " ".join(f"{x:.2f}" for x in os.getloadavg()))
        print(report)
        if args.write:
            from bench.eval_seeds import update_section  # noqa: PLC0415

            update_section(args.write, "thresholds", report)
        return 0
    with tempfile.TemporaryDirectory(prefix="writer-stages-") as tmp:
        fb = Path(tmp) / "fb"
        make_factbase.write_factbase(args.events, fb)
        per_stage = stages(fb)
        runs: dict[bool, list[dict]] = {False: [], True: []}
        for r in range(args.rounds):
            for freeze in ((False, True) if r % 2 == 0 else (True, False)):
                cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(fb)] + (["--freeze"] if freeze else [])
                out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
                runs[freeze].append(json.loads(out.strip().splitlines()[-1]))
    load_after = " ".join(f"{x:.2f}" for x in os.getloadavg())
    n = args.events - 1
    ratios = sorted(a["cpu"] / b["cpu"] for a, b in zip(runs[False], runs[True]))
    lines = [
        "## Where a worker's time goes, and gc.freeze()",
        "",
        f"Command: `python bench/bench_stages.py --events {args.events} --rounds {args.rounds}`; 2-core machine "
        f"({platform.machine()}, Python {platform.python_version()}); load average {load_before} before, {load_after} after "
        "(shared machine: CPU time, not wall time).",
        "",
        "| stage | CPU ms per event |",
        "|---|---|",
        *(f"| {k} | {v:.2f} |" for k, v in per_stage.items()),
        f"| total | {sum(v for k, v in per_stage.items() if not k.startswith('(')):.2f} |",
        "",
        f"freeze_set_up() (gc.collect() then gc.freeze()) after warm-up, {args.rounds} alternating pairs of fresh processes publishing {n} events each:",
        "",
        "| | CPU ms per event (median) | collections (median) |",
        "|---|---|---|",
    ]
    for freeze in (False, True):
        lines.append(f"| {'with' if freeze else 'without'} freeze_set_up() | {statistics.median(r['cpu'] for r in runs[freeze]) / n * 1000:.2f} | "
                     f"{statistics.median(r['collections'] for r in runs[freeze]):.0f} |")
    lines += ["", f"- without / with, per pair: median {statistics.median(ratios):.3f}x (range {ratios[0]:.3f}-{ratios[-1]:.3f})."]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write:
        from bench.eval_seeds import update_section  # noqa: PLC0415

        update_section(args.write, "stages", report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
