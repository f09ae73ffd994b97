"""Drafting benchmarks: cold start of `writer draft` and warm throughput in one process.

Usage::

    python bench/bench_draft.py [--events N] [--runs R] [--base REF] [--cold-only] [--write-cold FILE]

Cold start runs the real command line R times on the README's example event
(whole process: interpreter, imports, loading, drafting, printing), with the
provenance check on (the default) and off, interleaved with a fresh Python
importing the five libraries of issue 15 (bench/coldstart.py: bytecode cached,
load recorded); ``--base REF`` adds the same two commands run from another
commit's tree, so a change is a ratio measured in one run. Warm throughput
generates N synthetic events with bench/make_factbase.py, loads them, and
drafts them all with one Drafter on one core: Markdown plus claim map plus
self-check, and again with the HTML page rendered too. Prints Markdown tables;
``--write-cold`` writes the cold-start one (bench/results/cold_draft.md).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from coldstart import FIVE_LIBRARIES, FIVE_LIBRARIES_LABEL, copy_worktree, export_tree, interleave, load_line, python_command, ratio, table, writer_command

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "factbase" / "events" / "2026-11-17-btc-long-washout-coinank.yaml"


TARGET_S = 0.5  # issue 10: cold `writer draft` under 0.5 s (median)


def cold(runs: int, base: str | None, command: str) -> str:
    """The cold-start table (Markdown), with the ratios it supports."""
    with tempfile.TemporaryDirectory() as tmp:
        this = copy_worktree(Path(tmp) / "this")
        checked = writer_command("draft", str(EXAMPLE), tree=this, label="`writer draft EXAMPLE` (this tree; default: with the provenance check)")
        unchecked = writer_command("draft", str(EXAMPLE), "--no-check", tree=this, label="`writer draft EXAMPLE --no-check` (this tree)")
        libraries = python_command(FIVE_LIBRARIES, FIVE_LIBRARIES_LABEL)
        variants = [checked, unchecked, libraries]
        if base:
            tree = export_tree(base, Path(tmp) / "base")
            variants += [writer_command("draft", str(EXAMPLE), tree=tree, label=f"`writer draft EXAMPLE` ({base})"),
                         writer_command("draft", str(EXAMPLE), "--no-check", tree=tree, label=f"`writer draft EXAMPLE --no-check` ({base})")]
        load = interleave(variants, runs, Path(tmp))
    met = "met" if checked.wall_median < TARGET_S else "not met"
    lines = [
        "## Cold start of `writer draft` (issue 10)",
        "",
        f"Command: `{command}`; EXAMPLE = `{EXAMPLE.relative_to(ROOT)}`.",
        "",
        load_line(runs, load),
        "",
        *table(variants),
        "",
        f"Default draft: {checked.wall_median:.3f} s median wall (target under {TARGET_S} s: {met} at this load); "
        f"draft / five-library import {ratio(checked, libraries)}; --no-check / five-library import {ratio(unchecked, libraries)}.",
    ]
    if base:
        lines += ["", f"This tree / {base}: with the check {ratio(checked, variants[3])}; --no-check {ratio(unchecked, variants[4])}."]
    return "\n".join(lines) + "\n"


def warm(n: int) -> list[tuple[str, float, float, int]]:
    from writer.draft import Drafter
    from writer.factbase.loader import load_factbase

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_factbase.py"), str(n), tmp, "--seed", "7"], check=True, stdout=subprocess.DEVNULL)
        events, problems = load_factbase([tmp])
    assert not problems, problems[:3]
    drafter = Drafter(run_check=False)
    for e in events[:10]:
        drafter.draft(e)  # warm caches (imports, compiled templates)
    rows = []
    for label, with_html in (("Markdown + claim map + self-check", False), ("... + standalone HTML page", True)):
        words = 0
        t = time.perf_counter()
        for e in events:
            d = drafter.draft(e)
            words += len(d.markdown.split())
            if with_html:
                _ = d.html
        elapsed = time.perf_counter() - t
        rows.append((label, len(events) / elapsed, 1000 * elapsed / len(events), words // len(events)))
    checked = Drafter(run_check=True)
    checked.draft(events[0])  # builds the Checker (spaCy) outside the timing
    sample = events[: min(len(events), 300)]
    t = time.perf_counter()
    words = sum(len(checked.draft(e).markdown.split()) for e in sample)
    elapsed = time.perf_counter() - t
    rows.append((f"Markdown + claim map + self-check + the provenance check (first {len(sample)} events)", len(sample) / elapsed, 1000 * elapsed / len(sample), words // len(sample)))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--base", help="also time the cold commands from this commit's tree (e.g. main)")
    ap.add_argument("--cold-only", action="store_true", help="skip the warm throughput")
    ap.add_argument("--write-cold", type=Path, help="write the cold-start table here")
    args = ap.parse_args()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    command = "python bench/bench_draft.py " + " ".join(sys.argv[1:])  # as run (the warm rows need --events)
    report = cold(args.runs, args.base, command)
    print(report)
    if args.write_cold:
        args.write_cold.write_text("# Cold start of `writer draft`\n\n" + report, encoding="utf-8")
    if args.cold_only:
        return
    print(f"| warm drafting, one process, one core, {args.events} synthetic events | articles/s | ms/article | words/article |\n|---|---|---|---|")
    for label, rate, ms, words in warm(args.events):
        print(f"| {label} | {rate:.0f} | {ms:.2f} | {words} |")


if __name__ == "__main__":
    main()
