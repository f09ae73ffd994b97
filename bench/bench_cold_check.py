"""Cold start of a one-file `writer check` against importing its libraries (issue 15 item 1).

Target: a one-file ``writer check`` within 2.5x of the time a fresh Python
takes to import click, jinja2, pydantic, markdown-it-py and PyYAML. Both are
run as fresh processes, interleaved (A, B, A, B, ...; bench/coldstart.py), so
load on the shared machine hits both alike; the figure is the ratio of the
medians, with the load average recorded beside it. ``--base REF`` adds the same
check run from another commit's tree (e.g. ``main``), for a before/after ratio
in the same run.

    python bench/bench_cold_check.py [--runs 21] [--base main] [--write bench/results/cold_check.md]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from coldstart import ENTRY, FIVE_LIBRARIES, FIVE_LIBRARIES_LABEL, ROOT, copy_worktree, export_tree, interleave, load_line, python_command, ratio, table, writer_command

TARGET = 2.5
ARTICLE = """\
# Longs bear the brunt as bitcoin slides

Traders lost about $412 million to liquidations over 24 hours, according to CoinGlass.
Long positions made up $350 million of that, the data shows.

Bitcoin fell 6% to $91,200 on the day.
"""


def spacy_imported(article: Path) -> str:
    probe = "import atexit, sys; atexit.register(lambda: print('spacy' in sys.modules, file=sys.stderr)); " + ENTRY
    lines = subprocess.run([sys.executable, "-c", probe, "check", str(article)], capture_output=True, text=True, cwd=ROOT).stderr.strip().splitlines()
    return lines[-1] if lines else "unknown"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--base", help="also time the check of this commit's tree (e.g. main)")
    ap.add_argument("--write", type=Path, default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "article.md"
        article.write_text(ARTICLE, encoding="utf-8")
        libraries = python_command(FIVE_LIBRARIES, FIVE_LIBRARIES_LABEL)
        check = writer_command("check", str(article), tree=copy_worktree(Path(tmp) / "this"), label="one-file `writer check` (this tree)")
        variants = [libraries, check]
        if args.base:
            base = writer_command("check", str(article), tree=export_tree(args.base, Path(tmp) / "base"),
                                  label=f"one-file `writer check` ({args.base})")
            variants.append(base)
        load = interleave(variants, args.runs, Path(tmp))
        spacy = spacy_imported(article)
    r = check.wall_median / libraries.wall_median
    command = f"python bench/bench_cold_check.py --runs {args.runs}" + (f" --base {args.base}" if args.base else "") + " --write bench/results/cold_check.md"
    lines = [
        "## Cold start of a one-file `writer check` (issue 15 item 1)",
        "",
        f"Command: `{command}`",
        "",
        load_line(args.runs, load),
        "",
        *table(variants),
        "",
        f"Check / five-library import: **{r:.2f}x** wall (target at most {TARGET}x: {'met' if r <= TARGET else 'not met'}); "
        f"{ratio(check, libraries)}.",
    ]
    if args.base:
        lines += ["", f"This tree / {args.base}: {ratio(check, variants[2])}."]
    lines += ["", f"spaCy imported by the check: {spacy}.", ""]
    report = "\n".join(lines)
    print(report)
    if args.write:
        args.write.parent.mkdir(parents=True, exist_ok=True)
        args.write.write_text("# Cold start of `writer check`\n\n" + report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
