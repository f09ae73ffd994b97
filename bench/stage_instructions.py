"""Instructions a warm batch worker spends on each stage of publishing an event, and inside drafting, for one or more trees.

    python bench/stage_instructions.py [--events 20] [--warm 20] [--collector] [--write FILE] [TREE_OR_COMMIT ...]

One process per tree (``.`` is this working tree; anything else a commit, exported with ``git archive``) runs under
``valgrind --tool=callgrind`` (instruction counts: the machine's load does not move them; ``PYTHONHASHSEED=0``).
It builds a worker's Drafter, Checker and Publisher, publishes ``--warm`` generated events (bench/make_factbase.py,
seed 0) whole as a warm-up, and then takes ``--events`` fresh ones through the stages a worker's
``Publisher.publish`` runs, one stage for all of them before the next: load the fact file, draft, check (the gate,
``check_article``), render (the body's HTML, claim map JSON, summary, figures, citations, dates, corrections, the
page) and write (encode, hash, stage the files, the manifest entry); then ``--events`` more fresh ones published
whole, to show that the stages add up. Between stages the child asks its parent to have callgrind dump its counters
(``vgdb --pid=PID dump``, callgrind's monitor command), so each stage's count is exact for those events; inside drafting, the view, each
section's template, resolving the tokens, the self-check, the Markdown expansion and the claim map are counted
apart the same way (a dump at each one's entry and exit; what falls between is "draft: other").

The child's markers cost a few thousand instructions each (a line written, one read), about 0.1% of an event.
``--collector``: the collector on as a local worker runs it (set-up frozen, ``WORKER_GC_THRESHOLDS``); a collection
is then counted in whichever stage set it off. Needs valgrind; about 3 minutes of CPU per tree at 20 + 20 + 20 events.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from coldstart import copy_worktree, export_tree  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

CHILD = r'''
import gc, sys, functools
from pathlib import Path
from datetime import datetime, timezone
facts, warm, n, collector = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1"

def mark(label):  # the segment that just ended is ``label``; the parent dumps callgrind's counters under it
    sys.stdout.write(label + "\n"); sys.stdout.flush(); sys.stdin.readline()

from writer.factbase.loader import load_event, load_registry
from writer.publish import worker as W
from writer.publish.settings import SiteSettings
from writer.publish.claimmap import claim_map_json
from writer.publish.corrections import corrections_for, modified_with, printed_figures_of_draft
from writer.publish.manifest import PAGE_NAME, Entry, Inputs, claims_name, event_file, markdown_name
from writer.atomic import sha256_bytes
import writer.draft.drafter as D

registry_path = str(facts / "sources.yaml")
every = sorted((facts / "events").glob("*.yaml"))
drafter = W.make_drafter(None)
out = facts / "site"; out.mkdir()
publisher = W.Publisher(out, out / ".stage", SiteSettings(), drafter, W.make_checker(None), datetime(2026, 12, 1, tzinfo=timezone.utc))
def task(f):
    return W.Task(str(f), f"events/{f.name}", registry_path, None)
for f in every[:warm]:
    o = publisher.publish(task(f)); assert o.entry is not None, o.rejection
if collector:
    from writer.publish.executors import WORKER_GC_THRESHOLDS, freeze_set_up
    freeze_set_up(); gc.set_threshold(*WORKER_GC_THRESHOLDS)
else:
    gc.disable()

# drafting's parts: a dump at each wrapped call's entry (what ran before it is "draft: other") and exit
depth = [0]
def counted(label, fn, other="draft: other"):
    @functools.wraps(fn)
    def inner(*a, **k):
        if depth[0]:
            return fn(*a, **k)
        mark(other); depth[0] += 1
        try:
            return fn(*a, **k)
        finally:
            depth[0] -= 1; mark(label)
    return inner
parts = {"build_view": "draft: view", "resolve": "draft: resolve tokens", "expand_markdown": "draft: expand Markdown"}
saved = {name: getattr(D, name) for name in parts} | {"_render": D.Drafter._render, "_claims": D.Drafter._claims}
def wrap_draft_parts():
    for name, label in parts.items():
        setattr(D, name, counted(label, getattr(D, name)))
    D.Drafter._render = counted("draft: section templates", D.Drafter._render)
    D.Drafter._claims = counted("draft: claim map", D.Drafter._claims)
    drafter.selfcheck.run = counted("draft: self-check", drafter.selfcheck.run)

import writer.check.checker as C, writer.check.analysis as A, writer.check.document as DOC
check_parts = [(C, "analyse", "check: analyse"), (C, "cues_for", "check: cues"), (C, "link", "check: link"),
               (C, "supports_of", "check: supports (per event)"), (C, "event_asset_pattern", "check: supports (per event)"),
               (A.Analysis, "run_opening", "check: run opening"), (A.Analysis, "scope_classes", "check: scope classes"),
               (C.link_evidence, "revise", "check: link evidence"), (C.Checker, "_segment", "check: segment"),
               (DOC, "read_article", "check: read Markdown")]
check_saved = [getattr(o, name) for o, name, _ in check_parts]
rule_checks = []
def wrap_check_parts():
    for o, name, label in check_parts:
        setattr(o, name, counted(label, getattr(o, name), "check: other"))
    for rule in publisher.checker.rules:  # frozen dataclasses: their check is a field
        rule_checks.append(rule.check)
        object.__setattr__(rule, "check", counted("check: rules", rule.check, "check: other"))
def unwrap_check_parts():
    for (o, name, _), f in zip(check_parts, check_saved):
        setattr(o, name, f)
    for rule, f in zip(publisher.checker.rules, rule_checks):
        object.__setattr__(rule, "check", f)

batch = every[warm:warm + n]
mark("set-up")
events = [load_event(str(f), publisher.registry(registry_path)) for f in batch]
mark("load")
wrap_draft_parts()
drafts = [drafter.draft(e, facts_path=W.facts_name("", f"events/{f.name}")) for e, f in zip(events, batch)]
mark("draft: other")
for name in parts:
    setattr(D, name, saved[name])
D.Drafter._render, D.Drafter._claims = saved["_render"], saved["_claims"]
del drafter.selfcheck.run
parts_of_check = sys.argv[5:] == ["check-parts"]
if parts_of_check:
    wrap_check_parts()
for d, e in zip(drafts, events):
    assert not publisher._blocking(d.markdown, event_file(e.id, markdown_name(e.id)), e)
mark("check: other" if parts_of_check else "check")
if parts_of_check:
    unwrap_check_parts()
made = []
for d, e in zip(drafts, events):
    body, claims, summary, figures, cites = d.body_html, claim_map_json(d.claims), W.summary_of(d), printed_figures_of_draft(d.claims), W.citations(d, e)
    published, modified = W.event_dates(e)
    corrections = corrections_for(None, figures, e, publisher.now)
    modified = modified_with(modified, corrections)
    page = publisher.pages.article(event_id=e.id, headline=d.title, body_html=body, description=summary, published=published,
                                   modified=modified, sources=cites, corrections=corrections)
    made.append((d, e, page, claims, summary, figures, corrections, published, modified))
mark("render")
for d, e, page, claims, summary, figures, corrections, published, modified in made:
    files = {event_file(e.id, PAGE_NAME): page.encode("utf-8"), event_file(e.id, markdown_name(e.id)): d.markdown.encode("utf-8"),
             event_file(e.id, claims_name(e.id)): claims.encode("utf-8")}
    hashes = {rel: sha256_bytes(data) for rel, data in files.items()}
    publisher._stage(files, hashes)
    inputs = Inputs(e.digest, publisher.registry(registry_path).digest, publisher.pages.digest_with(publisher.templates_digest), publisher.writer_id,
                    publisher.config_digest, "")
    Entry(e.id, f"events/{e.id}.yaml", inputs, d.title, published, modified, summary, hashes, figures, corrections, edited=False)
mark("write")
del made, drafts, events
mark("free")
for f in every[warm + n:warm + 2 * n]:
    o = publisher.publish(task(f)); assert o.entry is not None, o.rejection
mark("whole (Publisher.publish)")
'''

STAGES = ("load", "draft", "check", "render", "write", "free")


def run_tree(tree: Path, facts: Path, warm: int, n: int, collector: bool, check_parts: bool = False) -> dict[str, int]:
    """Instructions per dump label for one tree (callgrind's counters, dumped at each of the child's marks)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    subprocess.run([sys.executable, "-c", CHILD, str(facts), "1", "1", "0"], env=env, check=True, cwd=facts,
                   stdout=subprocess.DEVNULL, input=b"\n" * 100000)  # bytecode written first: no measured run compiles the tree
    subprocess.run(["rm", "-rf", str(facts / "site")], check=True)
    with tempfile.TemporaryDirectory() as dumps:
        proc = subprocess.Popen(["valgrind", "--tool=callgrind", f"--callgrind-out-file={dumps}/cg.out", sys.executable, "-c", CHILD,
                                 str(facts), str(warm), str(n), "1" if collector else "0", *(["check-parts"] if check_parts else [])],
                                env=env, cwd=facts, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        labels: list[str] = []
        for line in proc.stdout:
            labels.append(line.rstrip("\n"))
            subprocess.run(["vgdb", f"--pid={proc.pid}", "dump"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            proc.stdin.write("\n")
            proc.stdin.flush()
        err = proc.stderr.read()
        if proc.wait() != 0:
            raise SystemExit(f"child failed:\n{err[-3000:]}")
        counts: dict[str, int] = defaultdict(int)
        for i, label in enumerate(labels, 1):
            text = Path(f"{dumps}/cg.out.{i}").read_text()
            counts[label] += int(re.search(r"^totals:\s+(\d+)", text, re.M).group(1))
        subprocess.run(["rm", "-rf", str(facts / "site")], check=True)
        return dict(counts)


def table(results: dict[str, dict[str, int]], n: int) -> list[str]:
    names = list(results)
    first = results[names[0]]
    rows = ["| stage | " + " | ".join(f"{t} (M instr. per event)" for t in names) + (" | first / last |" if len(names) > 1 else " | share |"),
            "|---|" + "---|" * len(names) + "---|"]
    labels = [lab for lab in first if lab != "set-up"]
    draft_parts = sorted((lab for lab in labels if lab.startswith("draft")), key=lambda lab: -first[lab])
    check_parts = sorted((lab for lab in labels if lab.startswith("check: ")), key=lambda lab: -first[lab])
    summed = {t: sum(c[lab] for lab in labels if lab != "whole (Publisher.publish)") for t, c in results.items()}
    order = ["load", "draft (all parts)", *draft_parts, "check (all parts)", *check_parts, "render", "write", "free", "sum of stages", "whole (Publisher.publish)"]
    for lab in order:
        vals = {}
        for t, c in results.items():
            if lab == "draft (all parts)":
                vals[t] = sum(v for k, v in c.items() if k.startswith("draft"))
            elif lab == "check (all parts)":
                vals[t] = sum(v for k, v in c.items() if k.startswith("check"))
            elif lab == "sum of stages":
                vals[t] = summed[t]
            else:
                vals[t] = c.get(lab, 0)
        cells = " | ".join(f"{vals[t] / n / 1e6:.2f}" for t in names)
        last = vals[names[-1]]
        tail = f"{vals[names[0]] / last:.3f}" if len(names) > 1 and last else (f"{vals[names[0]] / summed[names[0]]:.1%}" if len(names) == 1 else "")
        indent = "&nbsp;&nbsp;" if lab.startswith(("draft: ", "check: ")) else ""
        rows.append(f"| {indent}{lab} | {cells} | {tail} |")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("trees", nargs="*", default=["."], help="'.' for this working tree, else a commit")
    ap.add_argument("--events", type=int, default=20)
    ap.add_argument("--warm", type=int, default=20)
    ap.add_argument("--collector", action="store_true")
    ap.add_argument("--check-parts", action="store_true", help="split the check too (analysis, cues, link, rules...)")
    ap.add_argument("--write", type=Path)
    a = ap.parse_args()
    results: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        facts = tmp / "facts"
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_factbase.py"), str(a.warm + 2 * a.events), str(facts)], check=True,
                       stdout=subprocess.DEVNULL)
        for i, t in enumerate(a.trees):
            tree = copy_worktree(tmp / f"tree{i}") if t == "." else export_tree(t, tmp / f"tree{i}")
            results[t] = run_tree(tree, facts, a.warm, a.events, a.collector, a.check_parts)
            print(f"{t}: done", file=sys.stderr, flush=True)
    text = "\n".join([
        f"Command: `python bench/stage_instructions.py {' '.join(sys.argv[1:])}` (callgrind, PYTHONHASHSEED=0, "
        f"{a.events} fresh generated events per stage after {a.warm} warm; collector {'on, as a worker' if a.collector else 'off'}).", "",
        *table(results, a.events)]) + "\n"
    print(text)
    if a.write:
        a.write.write_text(text)


if __name__ == "__main__":
    main()
