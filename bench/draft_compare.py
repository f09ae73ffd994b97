"""Drafting and loading speed of this checkout against another commit, as ratios from one interleaved run.

    python bench/draft_compare.py [--base main] [--events 200] [--rounds 7] [--write FILE]

The load on the shared 2-core machines moves absolute figures by a factor of
several, so a change is judged by the ratio to a baseline measured in the same
minutes: both trees (``writer/`` and ``templates/``; the base exported with
``git archive``, this checkout copied as it is on disk, so uncommitted changes
count) are laid out side by side and run alternately (the order flips every
round) with the same interpreter, each run a fresh process. Times are the
process's own CPU time, which moves less with the load than wall time.

Identity: before the timed runs each tree drafts every example, kinds and corpus event and the
generated ones (Markdown, claim map, HTML page) and loads every refused file of ``tests/broken``;
the report says whether the two trees' outputs are byte-identical (the refusals by their messages).

Warm: one process loads N synthetic events (bench/make_factbase.py, written
once and shared) and drafts them all with one Drafter (Markdown, claim map,
self-check; no provenance check, as a batch worker drafts), after drafting
the first event once untimed. Loading is timed too (parse, validate,
reconcile, derive): with drafting it is half of a batch worker's CPU per
event. Cold: a whole process that loads the example event and drafts it with
the provenance check (the default of ``writer draft``), CPU of the child.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from coldstart import copy_worktree, export_tree  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "factbase" / "events" / "2026-11-17-btc-long-washout-coinank.yaml"

COLD = """
import sys
from writer.factbase.loader import load_event
from writer.draft import Drafter
Drafter().draft(load_event(sys.argv[1]))
"""

WARM = """
import sys, time
import writer
assert writer.__file__.startswith(sys.argv[1]), writer.__file__
from writer.factbase.loader import load_factbase
from writer.draft import Drafter
t = time.process_time()
events, problems = load_factbase([sys.argv[2]])
loading = time.process_time() - t
assert not problems, problems[:3]
drafter = Drafter(run_check=False)
drafter.draft(events[0])
t = time.process_time()
words = sum(len(drafter.draft(e).markdown.split()) for e in events)
drafting = time.process_time() - t
print(1000 * loading / len(events), 1000 * drafting / len(events), words / len(events))
"""


# Byte-identity, run once per tree before the timed runs: every draft (Markdown, claim map, HTML page) of the example,
# kinds and corpus events and of the generated ones, and the message of every refused fact file of tests/broken; the
# tree prints the sha256 of it all, so a speed change is shown to change no output.
IDENTITY = """
import hashlib, sys
from pathlib import Path
from writer.errors import InputError, WriterError
from writer.factbase.loader import load_event
from writer.draft import Drafter
root, generated = Path(sys.argv[1]), Path(sys.argv[2])
drafter = Drafter(run_check=False)
files = sorted(root.glob("factbase/*/*.yaml")) + sorted(generated.glob("events/*.yaml")) + sorted(root.glob("tests/broken/*.yaml"))
digest, drafts, refused = hashlib.sha256(), 0, 0
for path in files:
    if path.name == "sources.yaml":
        continue
    try:
        draft = drafter.draft(load_event(path))
        out = draft.markdown + draft.to_json() + draft.html
        drafts += 1
    except (InputError, WriterError) as exc:
        out = str(exc)
        refused += 1
    digest.update(f"{path.relative_to(root) if path.is_relative_to(root) else path.name}\\0{out}\\0".encode())
print(digest.hexdigest(), drafts, refused)
"""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _env(tree: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(tree)
    return env


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", default="main")
    ap.add_argument("--events", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--cold-rounds", type=int, default=0, help="cold runs per tree (default: 2x --rounds)")
    ap.add_argument("--write", type=Path, help="also write the report here")
    args = ap.parse_args()
    cold_rounds = args.cold_rounds or 2 * args.rounds
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        trees = {"base": export_tree(args.base, tmp / "base"), "this": copy_worktree(tmp / "this")}
        facts = tmp / "facts"
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_factbase.py"), str(args.events), str(facts), "--seed", "7"],
                       check=True, stdout=subprocess.DEVNULL)
        for tree in trees.values():  # bytecode written, files in the page cache
            subprocess.run([sys.executable, "-c", COLD, str(EXAMPLE)], env=_env(tree), check=True, capture_output=True, cwd=tmp)
        identity = {name: subprocess.run([sys.executable, "-c", IDENTITY, str(ROOT), str(facts)], env=_env(tree), check=True,
                                          capture_output=True, text=True, cwd=tmp).stdout.split() for name, tree in trees.items()}
        before = os.getloadavg()
        cold: dict[str, list[float]] = {k: [] for k in trees}
        for r in range(cold_rounds):
            for name in (list(trees) if r % 2 == 0 else list(trees)[::-1]):
                c0 = _children_cpu()
                subprocess.run([sys.executable, "-c", COLD, str(EXAMPLE)], env=_env(trees[name]), check=True, capture_output=True, cwd=tmp)
                cold[name].append(_children_cpu() - c0)
        load_ms: dict[str, list[float]] = {k: [] for k in trees}
        draft_ms: dict[str, list[float]] = {k: [] for k in trees}
        words: dict[str, float] = {}
        for r in range(args.rounds):
            for name in (list(trees) if r % 2 == 0 else list(trees)[::-1]):
                out = subprocess.run([sys.executable, "-c", WARM, str(trees[name]), str(facts)], env=_env(trees[name]),
                                     check=True, capture_output=True, text=True, cwd=tmp).stdout.split()
                load_ms[name].append(float(out[0]))
                draft_ms[name].append(float(out[1]))
                words[name] = float(out[2])
        after = os.getloadavg()

    def ratio(series: dict[str, list[float]]) -> str:
        per_round = [b / t for b, t in zip(series["base"], series["this"])]
        return f"{statistics.median(per_round):.2f} (rounds {min(per_round):.2f}-{max(per_round):.2f})"

    med = statistics.median
    lines = [
        f"Command: `python bench/draft_compare.py --base {args.base} --events {args.events} --rounds {args.rounds}`",
        "",
        f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; load average {before[0]:.2f} before, {after[0]:.2f} after; "
        f"base = {args.base}, this = the working tree; CPU time of each process, runs interleaved.",
        "",
        "| tree | cold `load_event` + `Drafter().draft` (with check), CPU median | load, CPU ms/event | draft, CPU ms/event | articles/s/core | words/article |",
        "|---|---|---|---|---|---|",
    ]
    for name in trees:
        lines.append(f"| {name} | {1000 * med(cold[name]):.0f} ms | {med(load_ms[name]):.2f} | {med(draft_ms[name]):.2f} | "
                     f"{1000 / med(draft_ms[name]):.0f} | {words[name]:.0f} |")
    lines += ["", f"base/this (above 1: this tree is faster): cold {ratio(cold)}; loading {ratio(load_ms)}; drafting {ratio(draft_ms)}."]
    same = identity["base"] == identity["this"]
    lines += ["", f"Outputs: {'identical' if same else 'DIFFERENT'} in the two trees ({identity['this'][1]} drafts: Markdown, claim map and HTML "
              f"page of the example, kinds, corpus and generated events; {identity['this'][2]} refusals of tests/broken and the rest, "
              f"by their messages; sha256 {identity['this'][0][:12]}" + ("" if same else f" against {identity['base'][0][:12]}") + ")."]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write:
        args.write.write_text("# Drafting and loading: this tree against a base commit\n\n" + report, encoding="utf-8")


if __name__ == "__main__":
    main()
