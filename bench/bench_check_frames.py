"""The memo of attribution frames (``Frames.framed``, ``Frames.differs``) against computing them afresh, one interleaved run.

    python bench/bench_check_frames.py [--articles 300] [--rounds 7]

The check asks whether a sentence holds an attribution frame up to three times
(any caveat? which classes? does it open a run?). ``writer/check/frames.py``
remembers the answer per sentence text. This bench checks the same generated
articles (bench/bench_check.py's generator, fact-free), one at a time, with the memo
and with it off, alternating which goes first, and reports
the CPU time per article and the median ratio; findings must be identical. The memo is
emptied before every article, so the figure is the gain within one article only (the
generated articles share sentences; a batch of real ones shares few).
Results go to bench/results/check_frames.md.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    from bench_check import article

    from writer.check import Checker

    rng = random.Random(11)
    texts = [(article(rng), f"a{i}.md", None) for i in range(args.articles)]
    checker = Checker()
    frames = checker.phrases.frames
    checker.check_texts(texts[:10])  # warm: imports, lazy builds
    per = {"memo": [], "plain": []}
    found = {}
    for r in range(args.rounds):
        order = ("memo", "plain") if r % 2 == 0 else ("plain", "memo")
        for mode in order:
            got = []
            started = time.process_time()
            for item in texts:
                frames.memo(on=mode == "memo")  # emptied before every article: no article reads another's sentences
                got.append(checker.check_texts([item])[0])
            per[mode].append((time.process_time() - started) / len(texts) * 1000)
            found.setdefault(mode, got)
    frames.memo()
    same = found["memo"] == found["plain"]
    ratios = [p / m for m, p in zip(per["memo"], per["plain"])]
    load = os.getloadavg()[0]
    lines = ["# Attribution frames: memo against computing afresh", "",
             f"    python bench/bench_check_frames.py --articles {args.articles} --rounds {args.rounds}", "",
             f"Machine: 2 cores shared with other sessions; load {load:.1f} (1-minute average at the end).", "",
             "| | CPU ms per article (median) |", "|---|---|",
             f"| memo (default) | {statistics.median(per['memo']):.2f} |",
             f"| computed afresh | {statistics.median(per['plain']):.2f} |", "",
             f"Median ratio afresh / memo within a round: {statistics.median(ratios):.2f}x "
             f"(rounds: {', '.join(f'{x:.2f}' for x in ratios)}). Findings identical: {'yes' if same else 'NO'}."]
    print("\n".join(lines))
    (ROOT / "bench" / "results" / "check_frames.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
