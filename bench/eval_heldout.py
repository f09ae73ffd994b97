"""Evaluate `writer check` (fact-free mode) on the blind held-out articles outside the repo.

The held-out set (``/work/heldout``: ``dev/`` and ``test/``, Markdown articles with hand annotations
``*.claims.json`` in the conventions of ``../shared/seeds/README.md``) holds article text, so it never
enters the repo, and neither may anything this script writes: the results file carries figures,
counts and ``file:line`` positions only, never a sentence or a caveat phrase of an article.

The measures are those of ``bench/eval_corpus.py`` (its functions are imported, not copied):
sentence recall on ``unattributed`` sentences, precision of flagged sentences, recall on
``unattributed`` figures and removed attribution noticed. They are computed for the whole folder
and for each article.

    python bench/eval_heldout.py [--dir /work/heldout/test] [--write bench/results/heldout.md] [--section NAME] [--counts-only]

``--counts-only`` leaves out the per-article rows and the file:line notes: for a set that must stay blind
to the helpers who read this repo (its file names name the articles, the kinds of its notes describe its
patterns), only the folder's totals are printed and written.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

try:
    import writer  # noqa: F401  (only to know whether this Python has writer's dependencies)
except ModuleNotFoundError:
    # eval_corpus would re-execute *itself* under the project's .venv; this script must re-execute itself
    venv_python = HERE.parent / ".venv" / "bin" / "python"
    if venv_python.is_file() and Path(sys.prefix).resolve() != venv_python.parent.parent.resolve():
        os.execv(str(venv_python), [str(venv_python), __file__, *sys.argv[1:]])

import eval_corpus  # noqa: E402
from eval_corpus import fact_free, fact_free_table, ratio, redact, removals, update_section  # noqa: E402

DEFAULT_DIR = Path("/work/heldout/test")
RESULTS = eval_corpus.ROOT / "bench" / "results" / "heldout.md"

HEADER = """# Provenance check on blind held-out articles

Articles outside the repo (`/work/heldout`, see its `SOURCES.md`), annotated by hand before the check
ran on them. Figures, counts and file:line positions only: no article text is written here.
"""

def articles_in(folder: Path) -> list[Path]:
    """The annotated articles of a folder: every ``*.md`` with a ``.claims.json`` beside it."""
    return [md for md in sorted(folder.glob("*.md")) if md.with_name(md.stem + ".claims.json").exists()]


def measure(checker, articles: list[Path]) -> dict:
    """Totals for the folder, one row per article and the redacted notes."""
    free, free_notes = fact_free(checker, articles)
    rem, rem_notes = removals(checker, articles)
    rows = []
    for md in articles:
        one, _ = fact_free(checker, [md])
        one_rem, _ = removals(checker, [md])
        rows.append((md.name, one, one_rem))
    return {"free": free, "rem": rem, "rows": rows, "notes": [redact(n) for n in free_notes + rem_notes]}


def git_commit() -> str:
    """HEAD, and the last commit that changed the code the check runs (``writer/``): the figures
    belong to the latter, whatever bench or test commits lie on top of it."""
    def rev(*args: str) -> str:
        out = subprocess.run(["git", "-C", str(eval_corpus.ROOT), *args], capture_output=True, text=True, check=True)
        return out.stdout.strip()

    try:
        return f"{rev('rev-parse', '--short', 'HEAD')} (writer/ as of {rev('log', '-1', '--format=%h', '--', 'writer')})"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def report(folder: Path, result: dict, elapsed: float, command: str, counts_only: bool = False) -> str:
    free, rem = result["free"], result["rem"]
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    lines = [
        f"## `{folder}`: {len(result['rows'])} articles, fact-free mode",
        "",
        f"Command: `{command}`; commit {git_commit()}; load average {load} (2 cores); run time {elapsed:.1f} s.",
        "",
        *fact_free_table(free, rem),
        "",
    ]
    if counts_only:
        lines.append("Totals only: the set stays blind (no per-article rows, no positions).")
        return "\n".join(lines) + "\n"
    lines += [
        "| article | sentence recall | precision | figure recall | removal noticed |",
        "|---|---|---|---|---|",
    ]
    for name, one, one_rem in result["rows"]:
        lines.append(f"| {name} | {ratio(one['found'], one['positives'])} | {ratio(one['flagged_ok'], one['flagged'])} "
                     f"| {ratio(one['figures_found'], one['figures'])} | {ratio(one_rem['detected'], one_rem['candidates'])} |")
    lines.append("")
    if result["notes"]:
        lines += ["### Misses and false positives (positions only)", ""] + [f"- {n}" for n in result["notes"]] + [""]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="folder of held-out articles (default %(default)s)")
    ap.add_argument("--write", type=Path, default=None, help=f"update this Markdown results file (e.g. {RESULTS.relative_to(eval_corpus.ROOT)})")
    ap.add_argument("--section", default=None, help="section name in the results file (default: the folder's name)")
    ap.add_argument("--counts-only", action="store_true",
                    help="totals only: no per-article rows or file:line notes (for a set that must stay blind)")
    args = ap.parse_args()
    articles = articles_in(args.dir)
    if not articles:
        print(f"eval_heldout: no annotated articles (*.md with *.claims.json) in {args.dir}", file=sys.stderr)
        return 2
    command = "python bench/eval_heldout.py " + " ".join(sys.argv[1:])
    t0 = time.perf_counter()
    result = measure(eval_corpus.Checker(), articles)
    text = report(args.dir, result, time.perf_counter() - t0, command.strip(), args.counts_only)
    print(text)
    if args.write:
        if not args.write.exists():
            args.write.parent.mkdir(parents=True, exist_ok=True)
            args.write.write_text(HEADER, encoding="utf-8")
        update_section(args.write, args.section or args.dir.name, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
