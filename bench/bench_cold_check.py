"""Cold start of a one-file `writer check` against importing its libraries (issue 15 item 1).

Target: a one-file ``writer check`` within 2.5x of the time a fresh Python
takes to import click, jinja2, pydantic, markdown-it-py and PyYAML. Both are
run as fresh processes, interleaved (A, B, A, B, ...), so load on the shared
machine hits both alike; the figure is the ratio of the medians, with the
load average recorded beside it.

    python bench/bench_cold_check.py [--runs 15] [--write bench/results/cold_check.md]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 2.5
IMPORTS = "import click, jinja2, pydantic, markdown_it, yaml"
# A one-file check as an editor's on-save hook runs it: the console entry point, one article.
CHECK = "import sys; from writer.cli import main; sys.argv = ['writer', 'check', sys.argv[1]]; main()"
ARTICLE = """\
# Longs bear the brunt as bitcoin slides

Traders lost about $412 million to liquidations over 24 hours, according to CoinGlass.
Long positions made up $350 million of that, the data shows.

Bitcoin fell 6% to $91,200 on the day.
"""


def _run(argv: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(argv, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--write", type=Path, default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "article.md"
        article.write_text(ARTICLE, encoding="utf-8")
        base_cmd = [sys.executable, "-c", IMPORTS]
        check_cmd = [sys.executable, "-c", CHECK, str(article)]
        spacy_loaded = subprocess.run(
            [sys.executable, "-c", "import atexit, sys; atexit.register(lambda: print('spacy' in sys.modules, file=sys.stderr)); " + CHECK, str(article)],
            capture_output=True, text=True, cwd=ROOT).stderr.strip().splitlines()[-1:]
        _run(base_cmd), _run(check_cmd)  # warm the file cache and bytecode
        load = os.getloadavg()
        base, check = [], []
        for _ in range(args.runs):
            base.append(_run(base_cmd))
            check.append(_run(check_cmd))
    mb, mc = statistics.median(base), statistics.median(check)
    ratio = mc / mb
    report = "\n".join([
        "## Cold start of a one-file `writer check` (issue 15 item 1)",
        "",
        "Command: `python bench/bench_cold_check.py --write bench/results/cold_check.md`",
        "",
        f"Machine: {os.cpu_count()} cores; load average at start {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f}; {args.runs} interleaved runs of each.",
        "",
        "| measure | median | min |",
        "|---|---|---|",
        f"| `python -c \"{IMPORTS}\"` | {mb * 1000:.0f} ms | {min(base) * 1000:.0f} ms |",
        f"| one-file `writer check` (console entry point) | {mc * 1000:.0f} ms | {min(check) * 1000:.0f} ms |",
        f"| ratio (medians) | **{ratio:.2f}x** (target at most {TARGET}x: {'met' if ratio <= TARGET else 'not met'}) | {min(check) / min(base):.2f}x |",
        "",
        f"spaCy imported by the check: {spacy_loaded[0] if spacy_loaded else 'unknown'}.",
        "",
    ])
    print(report)
    if args.write:
        args.write.parent.mkdir(parents=True, exist_ok=True)
        args.write.write_text("# Cold start of `writer check`\n\n" + report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
