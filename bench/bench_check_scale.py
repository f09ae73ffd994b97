"""Check time against article size, up to 1M words, for three shapes (issue 11 item 7).

Shapes: many short paragraphs (an ordinary article, repeated), one paragraph
holding every figure (12,500 figures took 30 s before), and one table of
many rows (40,000 rows took over a minute). Each size is checked in process
with one reused Checker; the figure of merit is the time per word, which is
flat when the check is linear. A last step runs the command line on an
article just under the 5,000,000-byte limit and records its exit status
(an article over spaCy's 1,000,000-character limit used to end in a traceback).

    python bench/bench_check_scale.py [--words 10000 100000 1000000] [--write bench/results/check_scale.md]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from writer.check import Checker  # noqa: E402
from writer.check.checker import MAX_ARTICLE_BYTES  # noqa: E402

SENTENCES = (
    "Long positions lost about ${a}.{b} million in the past 24 hours, according to CoinGlass.",
    "Bitcoin slid {c}% as funding turned negative on several venues.",
    "Analysts at a trading desk said the move cleared out crowded leverage.",
    "Short sellers gave up ${d} million on the rebound.",
)


def _sentence(i: int) -> str:
    return SENTENCES[i % len(SENTENCES)].format(a=i % 900 + 1, b=i % 10, c=i % 9 + 1, d=i % 90 + 10)


def paragraphs(words: int) -> str:
    out, n, i = [], 0, 0
    while n < words:
        para = " ".join(_sentence(i + k) for k in range(4))
        out.append(para)
        n += len(para.split())
        i += 4
    return "# A long article\n\n" + "\n\n".join(out) + "\n"


def one_paragraph(words: int) -> str:
    out, n, i = [], 0, 0
    while n < words:
        s = _sentence(i)
        out.append(s)
        n += len(s.split())
        i += 1
    return "# One paragraph\n\n" + " ".join(out) + "\n"


def table(words: int) -> str:
    rows, n, i = [], 0, 0
    while n < words:
        row = f"| asset {i} | ${i % 900 + 1} million | {i % 9 + 1}% |"
        rows.append(row)
        n += 6
        i += 1
    return "# A table\n\n| asset | lost | share |\n|---|---|---|\n" + "\n".join(rows) + "\n"


SHAPES = {"paragraphs": paragraphs, "one paragraph": one_paragraph, "table": table}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--write", type=Path, default=None)
    args = ap.parse_args()
    checker = Checker()
    for make in SHAPES.values():  # warm: compiled patterns and caches are a one-off, not a per-word cost
        checker.check_text(make(2_000))
    load = os.getloadavg()
    rows = []
    for shape, make in SHAPES.items():
        base = None
        for words in args.words:
            text = make(words)
            t0 = time.perf_counter()
            findings = checker.check_text(text, path=f"{shape}.md")
            dt = time.perf_counter() - t0
            per = dt / words * 1e6
            base = base or per
            rows.append(f"| {shape} | {words:,} | {len(text):,} | {len(findings):,} | {dt:.2f} s | {per:.1f} µs | {per / base:.2f} |")
            print(rows[-1], flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.md"
        text = paragraphs(10_000)
        big.write_text((text * (MAX_ARTICLE_BYTES // len(text.encode())))[: MAX_ARTICLE_BYTES - 10], encoding="utf-8")
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "writer.cli", "check", "--format", "json", str(big)],
                              capture_output=True, text=True, cwd=ROOT)
        cli_dt = time.perf_counter() - t0
        size = big.stat().st_size
    traceback = "Traceback" in proc.stderr
    report = "\n".join([
        "## Check time against article size (issue 11 item 7)",
        "",
        "Command: `python bench/bench_check_scale.py --write bench/results/check_scale.md`",
        "",
        f"Machine: {os.cpu_count()} cores; load average at start {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f}. In process, one Checker, fact-free mode.",
        "",
        "| shape | words | characters | findings | time | per word | per word / smallest |",
        "|---|---|---|---|---|---|---|",
        *rows,
        "",
        f"Command line on a {size:,}-byte article (just under the {MAX_ARTICLE_BYTES:,}-byte limit): exit {proc.returncode} "
        f"in {cli_dt:.1f} s, {'a traceback' if traceback else 'no traceback'}.",
        "",
    ])
    print(report)
    if args.write:
        args.write.parent.mkdir(parents=True, exist_ok=True)
        args.write.write_text("# Check time against article size\n\n" + report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
