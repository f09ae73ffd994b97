"""How much faster would a warm batch worker publish with its hot modules compiled by Cython (unchanged source)?

    pip install -r bench/requirements.txt   # Cython, for this script only
    python bench/compiled_publish.py [--events 150] [--warm 40] [--rounds 4] [--rev HEAD] [--modules M ...]

An experiment, not a build of writer: writer ships as plain Python. ``--rev``'s ``writer/`` and ``templates/``
are exported twice (bench/coldstart.py ``export_tree``); in one copy the modules of ``MODULES`` (the worker's
hot paths: linking, analysis, drafting, loading) are compiled in place by Cython from their unchanged source
(pure-Python mode, no type declarations). Fresh processes then alternate between the two copies, ``--rounds``
times: each loads, drafts, checks and publishes ``--warm`` events (warm-up, then ``gc.freeze()`` as a worker
does), then ``--events`` more, timed by CPU; each prints the SHA-256 of every file it wrote, which must be the
same on both sides (the compiled code decides exactly what the plain code decides).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from coldstart import export_tree  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

MODULES = [
    "writer/check/linking.py", "writer/check/analysis.py", "writer/check/phrases.py", "writer/check/sentences.py",
    "writer/check/document_tree.py", "writer/check/casefold.py", "writer/check/link_fit.py", "writer/check/link_evidence.py",
    "writer/check/checker.py", "writer/check/scope.py", "writer/check/multiples.py",
    "writer/draft/assemble.py", "writer/draft/drafter.py", "writer/draft/layer.py", "writer/draft/view.py",
    "writer/draft/selfcheck.py", "writer/draft/numbers.py", "writer/draft/style.py",
    "writer/factbase/yamlsource.py", "writer/factbase/loader.py", "writer/factbase/plainspec.py", "writer/factbase/records.py",
    "writer/factbase/reconcile.py", "writer/factbase/derive.py", "writer/factbase/consistency.py",
    "writer/publish/worker.py", "writer/publish/pages.py",
]

BUILD = """
import sys
from setuptools import setup
from Cython.Build import cythonize
setup(ext_modules=cythonize(sys.argv[2:], compiler_directives={"language_level": 3, "binding": True, "annotation_typing": False}, quiet=True),
      script_args=["build_ext", "--inplace", "-j", sys.argv[1]])
"""

CHILD = """
import gc, hashlib, sys, time
from datetime import datetime, timezone
from pathlib import Path
import writer.check.linking as probe
from writer.publish.settings import SiteSettings
from writer.publish.worker import Publisher, Task, make_checker, make_drafter
facts, out, warm, n = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
every = sorted((facts / "events").glob("*.yaml"))[:warm + n]
publisher = Publisher(out, out / ".stage", SiteSettings(), make_drafter(None), make_checker(None), datetime(2026, 12, 1, tzinfo=timezone.utc))
tasks = [Task(str(f), f.name, str(facts / "sources.yaml"), None, None) for f in every]
for t in tasks[:warm]:
    assert publisher.publish(t).entry is not None
gc.collect()
gc.freeze()
t0 = time.process_time()
for t in tasks[warm:]:
    assert publisher.publish(t).entry is not None
cpu = time.process_time() - t0
digest = hashlib.sha256()
for p in sorted((out / ".stage").rglob("*")):
    if p.is_file():
        digest.update(str(p.relative_to(out)).encode() + b"\\0" + p.read_bytes())
print(cpu / n * 1000, digest.hexdigest(), probe.__file__.rsplit(".", 1)[-1])
"""


def run(tree: Path, facts: Path, out: Path, warm: int, n: int) -> tuple[float, str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(tree)}
    line = subprocess.run([sys.executable, "-c", CHILD, str(facts), str(out), str(warm), str(n)], env=env, check=True,
                          capture_output=True, text=True, cwd=facts).stdout.split()
    return float(line[0]), line[1], line[2]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=150)
    ap.add_argument("--warm", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--rev", default="HEAD")
    ap.add_argument("--modules", nargs="*", default=MODULES)
    ap.add_argument("--jobs", default="2", help="compiler jobs")
    ap.add_argument("--compiled-tree", type=Path, default=None, help="a tree this script compiled before (kept with --keep): "
                    "compiling takes minutes, and half an hour on a loaded machine")
    ap.add_argument("--keep", type=Path, default=None, help="copy the compiled tree here")
    args = ap.parse_args()
    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        facts = tmp / "facts"
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_factbase.py"), str(args.warm + args.events), str(facts)], check=True,
                       stdout=subprocess.DEVNULL)
        plain = export_tree(args.rev, tmp / "plain")
        if args.compiled_tree is not None:
            compiled = args.compiled_tree
        else:
            compiled = export_tree(args.rev, tmp / "compiled")
            subprocess.run([sys.executable, "-c", BUILD, args.jobs, *args.modules], cwd=compiled, check=True, capture_output=True)
            if args.keep is not None:
                shutil.copytree(compiled, args.keep, ignore=shutil.ignore_patterns("build", "*.c"))
        sides = {"plain": plain, "compiled": compiled}
        cpu: dict[str, list[float]] = {"plain": [], "compiled": []}
        digests: dict[str, set[str]] = {"plain": set(), "compiled": set()}
        for r in range(args.rounds):
            for name in (("plain", "compiled") if r % 2 == 0 else ("compiled", "plain")):
                ms, digest, kind = run(sides[name], facts, tmp / f"out-{name}-{r}", args.warm, args.events)
                assert (kind == "py") == (name == "plain"), (name, kind)
                cpu[name].append(ms)
                digests[name].add(digest)
    ratios = sorted(p / c for p, c in zip(cpu["plain"], cpu["compiled"]))
    med = lambda xs: sorted(xs)[len(xs) // 2]  # noqa: E731
    print(f"Command: `python bench/compiled_publish.py --events {args.events} --warm {args.warm} --rounds {args.rounds} --rev {args.rev}"
          f"{'' if args.modules == MODULES else ' --modules ' + ' '.join(args.modules)}`; Python {sys.version.split()[0]}; "
          f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} before, {' '.join(f'{x:.2f}' for x in os.getloadavg())} after; "
          f"{len(args.modules)} modules compiled.\n")
    print("| side | CPU ms per published event, median of rounds (all) |")
    print("|---|---|")
    for name in cpu:
        print(f"| {name} | {med(cpu[name]):.2f} ({', '.join(f'{x:.2f}' for x in cpu[name])}) |")
    print(f"\n- plain / compiled, per round: median {med(ratios):.3f}x (range {ratios[0]:.3f}-{ratios[-1]:.3f}).")
    same = digests["plain"] == digests["compiled"] and len(digests["plain"]) == 1
    print(f"- files written: {'byte-identical on both sides, every round' if same else 'DIFFERENT: ' + repr(digests)}.")


if __name__ == "__main__":
    main()
