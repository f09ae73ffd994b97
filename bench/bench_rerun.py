"""Re-runs of a large built site, this checkout against another writer tree, interleaved.

    python bench/bench_rerun.py --site SITE --fb FB --baseline TREE [--baseline-site SITE2] [--rounds 4] [--write FILE]

SITE is a site already built from the fact base FB (for instance by
``bench/bench_batch.py --keep``); it is copied once per side, and each side
first brings its copy up to date (a manifest in an older format is read and
rewritten once; ``--baseline-site``: the baseline's copy is taken from there instead, a site
the baseline's own templates built, when the two trees' templates differ and bringing one copy up
to date would republish every event). Then, ``--rounds`` times, one event's BTC price level moves
(the same file each round, a new value each time) and each side runs
``writer batch`` on its own copy (the one-changed re-run), then again with
nothing changed (the no-change re-run). The order of the two sides alternates
from round to round, so a change in the machine's other load hits both alike.
Each run is a fresh process (`python -m writer.cli batch`), timed wall clock and
by CPU (the command's and its workers'). TREE is another writer checkout
(``git worktree add /tmp/main-tree main``); each side runs with PYTHONPATH set
to a copy of its own tree's ``writer/`` and ``templates/`` laid out as installed
(its own templates: see ``installed_layout``) and, as an installed package has, its modules'
bytecode (a ``PYTHONPYCACHEPREFIX`` cache of its own, filled by the runs that bring its copy up to
date; ``--from-source``: PYTHONDONTWRITEBYTECODE=1 and no cache, every module compiled on every run,
as this machine's environment runs an editable checkout).

    python bench/bench_rerun.py --site SITE --fb FB --bytecode [--rounds 6]

compares this tree with itself: compiled from source on every run (``PYTHONDONTWRITEBYTECODE=1``
and no cache, as this machine's environment runs it) against a warm bytecode cache
(``PYTHONPYCACHEPREFIX``, what an installed package has), to say what compiling costs.

    python bench/bench_rerun.py --site SITE --fb FB --steps [--rounds 5]

says where a one-changed re-run's CPU goes: each round moves the event's level and runs the
re-run in a fresh process (this tree, compiled from source, then with a warm bytecode cache,
alternating which goes first) that times ``build_site``'s steps by CPU (its own functions,
wrapped: interpreter start and imports before the build, listing, stat'ing, the manifest read,
scanning, deciding, the page templates, the one event's Drafter and Checker, its publish, the
index page, the commit, the stat cache); the table gives each step's median.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def installed_layout(tree: Path, into: Path) -> Path:
    """TREE's ``writer/`` and ``templates/`` laid out as installed (``writer/templates``), in ``into``; the folder to put on
    PYTHONPATH. Run from a checkout, the package ``writer.templates`` is where an editable install maps it, its own
    checkout's folder whatever PYTHONPATH says: before this, every side drafted with the templates of the checkout
    whose environment ran the bench. (bench/coldstart.py lays out commits the same way.)"""
    shutil.rmtree(into, ignore_errors=True)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(tree / "writer", into / "writer", ignore=skip)
    shutil.copytree(tree / "templates", into / "writer" / "templates", ignore=skip)
    return into


def run(tree: Path, fb: Path, site: Path, bytecode: Path | None = None) -> tuple[float, float, str]:
    """One `writer batch` run; ``bytecode``: a cache folder to read and write compiled modules in
    (else, with PYTHONDONTWRITEBYTECODE=1 and no cache, every module is compiled from source)."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    env.pop("PYTHONPYCACHEPREFIX", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if bytecode is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env["PYTHONPYCACHEPREFIX"] = str(bytecode)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # -P: the working folder is not put first on sys.path, or run from a checkout, both sides would
    # import that checkout's writer (python -m puts the working folder before PYTHONPATH).
    proc = subprocess.run([sys.executable, "-P", "-m", "writer.cli", "batch", str(fb), "--out", str(site), "-q"], capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"{tree}: batch failed ({proc.returncode}): {proc.stdout}{proc.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), proc.stdout.strip().splitlines()[0]


# The steps a one-changed re-run is timed by (module, attribute, label), in the order they run.
STEPS = [
    ("writer.factbase.files", "event_file_names", "listing the fact files"),
    ("writer.publish.build", "_likely_changed", "stat'ing them (changed since the manifest?)"),
    ("writer.publish.build", "check_config", "the check's configuration"),
    ("writer.publish.commit", "Layout.read_prior", "reading the manifest"),
    ("writer.publish.build", "Verifier.__init__", "reading the stat cache"),
    ("writer.publish.build", "scan", "scanning (hashes by stat, briefs)"),
    ("writer.publish.build", "decide", "deciding"),
    ("writer.publish.build", "SiteRenderer.compiled", "page templates (Jinja2, babel)"),
    ("writer.publish.pool", "PublishSetup.publisher", "the event's Drafter and Checker (imports)"),
    ("writer.publish.worker", "Publisher.publish", "publishing the event (load, draft, check, page)"),
    ("writer.publish.build", "_stage_site", "the index page (which changed, render)"),
    ("writer.publish.build", "commit", "the commit (journal, renames, manifest)"),
    ("writer.publish.build", "Verifier.save", "saving the stat cache"),
]


def child_steps(fb: Path, site: Path) -> dict:
    """In a fresh process: one re-run of ``site``, CPU ms by step (see STEPS) and before the build."""
    import functools
    import importlib

    started = time.process_time()  # the interpreter's start and this script's own imports
    from writer.publish import BatchOptions, build_site

    imports = time.process_time() - started
    spent: dict[str, float] = {}

    def timed(f, label):
        @functools.wraps(f)
        def g(*a, **k):
            t = time.process_time()
            try:
                return f(*a, **k)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - t
        return g

    for module, attr, label in STEPS:
        owner = importlib.import_module(module)
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part)
        setattr(owner, name, timed(getattr(owner, name), label))
    import writer.factbase.files as files
    import writer.publish.build as build

    build.event_file_names = files.event_file_names  # build.py's own reference, imported before it was wrapped
    t = time.process_time()
    report = build_site(fb, BatchOptions(out=site, one_shot=True))
    total = time.process_time() - t
    out = {"interpreter start (and the bench's imports)": started * 1000, "importing writer.publish": imports * 1000}
    out.update({label: spent.get(label, 0.0) * 1000 for _, _, label in STEPS})
    out["rest of build_site"] = (total - sum(spent.values())) * 1000
    out["whole process"] = time.process_time() * 1000
    out["published"] = report.published
    return out


def steps(args, level: int, event: Path) -> str:
    cache = args.work / "pycache"
    shutil.rmtree(cache, ignore_errors=True)
    site = args.work / "steps-site"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(args.site, site, symlinks=True)
    tree = installed_layout(ROOT, args.work / "this-tree")
    run(tree, args.fb, site)  # bring the copy up to date
    run(tree, args.fb, site, cache)  # and fill the bytecode cache
    load = [os.getloadavg()[0]]
    results: dict[str, list[dict]] = {"source": [], "bytecode": []}
    for r in range(args.rounds):
        for side in (("source", "bytecode") if r % 2 == 0 else ("bytecode", "source")):
            move_level(event, level + 100 * (2 * r + (side == "bytecode") + 1))
            env = {**os.environ, "PYTHONPATH": str(tree)}
            env.pop("PYTHONPYCACHEPREFIX", None)
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            if side == "source":
                env["PYTHONDONTWRITEBYTECODE"] = "1"
            else:
                env["PYTHONPYCACHEPREFIX"] = str(cache)
            proc = subprocess.run([sys.executable, "-P", str(Path(__file__).resolve()), "--child-steps", str(args.fb), str(site)],
                                  capture_output=True, text=True, env=env)
            if proc.returncode != 0:
                sys.exit(f"step run failed: {proc.stderr}")
            found = json.loads(proc.stdout.strip().splitlines()[-1])
            if len(found.pop("published")) != 1:
                sys.exit("a step run did not publish exactly the changed event")
            results[side].append(found)
        load.append(os.getloadavg()[0])
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip() or "?"
    labels = list(results["source"][0])
    med = {side: {k: statistics.median(x[k] for x in runs) for k in labels} for side, runs in results.items()}
    out = [f"## Where a one-changed re-run's CPU goes ({commit}), by step, {args.rounds} rounds", "",
           f"Command: `python bench/bench_rerun.py --site {args.site} --fb {args.fb} --steps --rounds {args.rounds}`; "
           f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}; load average {min(load):.1f}-{max(load):.1f} "
           "during the run. CPU ms, median over the rounds, each a fresh process; from source: PYTHONDONTWRITEBYTECODE=1 and no "
           "cache (this machine's environment); bytecode: a warm PYTHONPYCACHEPREFIX cache (what an installed package has).", "",
           "| step | from source | with bytecode |", "|---|---|---|"]
    for k in labels:
        out.append(f"| {k} | {med['source'][k]:.1f} | {med['bytecode'][k]:.1f} |")
    return "\n".join(out) + "\n"


def move_level(path: Path, value: int) -> None:
    text = path.read_text(encoding="utf-8")
    m = re.search(r"- id: btc_level\n(?:.*\n)*?\s+value: (\d+)", text)
    path.write_text(text[: m.start(1)] + str(value) + text[m.end(1):], encoding="utf-8")


def main() -> int:
    if sys.argv[1:2] == ["--child-steps"]:  # one timed re-run, in a fresh process (see steps)
        print(json.dumps(child_steps(Path(sys.argv[2]), Path(sys.argv[3]))))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, required=True)
    ap.add_argument("--baseline-site", type=Path, default=None,
                    help="the baseline's own copy source (default: --site): a site its templates built, so that neither side starts with a full rebuild")
    ap.add_argument("--fb", type=Path, required=True)
    ap.add_argument("--baseline", type=Path, default=None, help="another writer tree (the baseline)")
    ap.add_argument("--bytecode", action="store_true", help="compare this tree compiled from source against a bytecode cache")
    ap.add_argument("--from-source", action="store_true",
                    help="with --baseline: both sides compiled from source on every run (default: each side with its own warm bytecode cache, as installed)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/writer-rerun"))
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--write", type=Path, default=None)
    ap.add_argument("--steps", action="store_true", help="where a one-changed re-run's CPU goes, by step, from source and with bytecode")
    args = ap.parse_args()
    if args.steps:
        event = sorted((args.fb / "events").glob("*.yaml"))[0]
        original = event.read_bytes()
        level = int(re.search(rb"- id: btc_level\n(?:.*\n)*?\s+value: (\d+)", original).group(1))
        try:
            report = steps(args, level, event)
        finally:
            event.write_bytes(original)
        print(report)
        if args.write:
            args.write.write_text(report, encoding="utf-8")
        return 0
    if (args.baseline is None) == (not args.bytecode):
        ap.error("give --baseline TREE or --bytecode")
    cache = args.work / "pycache"
    trees = {"baseline": ROOT, "this": ROOT} if args.bytecode else {"baseline": args.baseline.resolve(), "this": ROOT}
    sides = {name: installed_layout(tree, args.work / f"{name}-tree") for name, tree in trees.items()}
    if args.bytecode:
        caches = {"baseline": None, "this": cache}
    elif args.from_source:
        caches = {"baseline": None, "this": None}
    else:  # as installed: each side's modules compiled once, by the runs that bring its copy up to date
        caches = {name: args.work / f"pycache-{name}" for name in sides}
    for folder in caches.values():
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
    sites = {}
    for name in sides:
        sites[name] = args.work / name
        shutil.rmtree(sites[name], ignore_errors=True)
        shutil.copytree(args.baseline_site if name == "baseline" and args.baseline_site else args.site, sites[name], symlinks=True)
    event = sorted((args.fb / "events").glob("*.yaml"))[0]
    original = event.read_bytes()
    level = int(re.search(rb"- id: btc_level\n(?:.*\n)*?\s+value: (\d+)", original).group(1))
    for name, tree in sides.items():  # bring each copy up to date (and to its own manifest format)
        run(tree, args.fb, sites[name], caches[name])
        run(tree, args.fb, sites[name], caches[name])
    load = [os.getloadavg()[0]]
    results: dict[str, dict[str, list]] = {name: {"one": [], "none": []} for name in sides}
    lines = []
    try:
        for r in range(args.rounds):
            move_level(event, level + 100 * (r + 1))
            order = list(sides) if r % 2 == 0 else list(reversed(sides))
            for step in ("one", "none"):
                for name in order:
                    wall, cpu, said = run(sides[name], args.fb, sites[name], caches[name])
                    results[name][step].append((wall, cpu))
                    lines.append(f"round {r + 1} {name:8} {step:4}: {wall:6.2f} s wall {cpu:6.2f} s CPU  ({said})")
            load.append(os.getloadavg()[0])
    finally:
        event.write_bytes(original)
    commits = {name: subprocess.run(["git", "-C", str(tree), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip() or "?"
               for name, tree in trees.items()}
    if args.bytecode:
        title = f"## Re-runs of a built site: this tree ({commits['this']}) with a bytecode cache (this) against compiled from source (baseline)"
        command = f"python bench/bench_rerun.py --site {args.site} --fb {args.fb} --bytecode --rounds {args.rounds}"
    else:
        title = f"## Re-runs of a built site: this tree ({commits['this']}) against {args.baseline} ({commits['baseline']}), {args.rounds} interleaved rounds"
        command = (f"python bench/bench_rerun.py --site {args.site} --fb {args.fb} --baseline {args.baseline} --rounds {args.rounds}"
                   + (f" --baseline-site {args.baseline_site}" if args.baseline_site else "") + (" --from-source" if args.from_source else ""))
        title += "; both compiled from source on every run" if args.from_source else "; each side with its own warm bytecode cache (as installed)"
    out = [
        title,
        "",
        f"Command: `{command}`; "
        f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}; load average {min(load):.1f}-{max(load):.1f} "
        "during the run (shared machine: wall times are inflated, CPU times much less).",
        "",
        "| re-run | baseline wall (median) | this wall (median) | baseline CPU | this CPU | this / baseline, wall | CPU |",
        "|---|---|---|---|---|---|---|",
    ]
    for step, label in (("one", "one event changed"), ("none", "nothing changed")):
        b, t = results["baseline"][step], results["this"][step]
        bw, tw = statistics.median(x[0] for x in b), statistics.median(x[0] for x in t)
        bc, tc = statistics.median(x[1] for x in b), statistics.median(x[1] for x in t)
        out.append(f"| {label} | {bw:.2f} s | {tw:.2f} s | {bc:.2f} s | {tc:.2f} s | {tw / bw:.2f}x | {tc / bc:.2f}x |")
    out += ["", "Every run:", "", "    " + "\n    ".join(lines), ""]
    report = "\n".join(out)
    print(report)
    if args.write:
        args.write.parent.mkdir(parents=True, exist_ok=True)
        args.write.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
