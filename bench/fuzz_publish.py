"""The publish surface's property tests, run long: many more mutants than the suite's few hundred.

    python bench/fuzz_publish.py [--examples 5000]

Runs tests/test_batch_properties.py with WRITER_FUZZ_EXAMPLES set (the suite
uses 300; the writer batch runs on damaged manifests scale to a thirtieth of
it) and writes the pytest summary, the example count and the machine load to
bench/results/fuzz_publish.md. The properties: every mutated manifest is
read with every path confined to the output folder or refused with its path;
damaged caches are ignored; any desk/title is refused or gives well-formed XML;
`writer batch` on a damaged manifest exits 0, 1 or 2, never with a traceback,
and its exit-2 message starts with a location.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=5000)
    args = ap.parse_args()
    load = os.getloadavg()
    started = time.perf_counter()
    env = dict(os.environ, WRITER_FUZZ_EXAMPLES=str(args.examples))
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rN", "-p", "no:cacheprovider", "tests/test_batch_properties.py"],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    lines = proc.stdout.strip().splitlines()
    summary = next((ln.strip("= ") for ln in reversed(lines) if re.search(r"\b(passed|failed|error)", ln)), lines[-1] if lines else "")
    report = (f"# Publish surface fuzzing\n\n    python bench/fuzz_publish.py --examples {args.examples}\n\n"
              f"- result: {summary} (exit {proc.returncode})\n- {args.examples} examples per property, "
              f"{max(4, args.examples // 30)} writer batch runs on damaged manifests\n"
              f"- {seconds:.0f} s wall on {os.cpu_count()} cores, load average at start {load[0]:.1f}\n")
    out = ROOT / "bench" / "results" / "fuzz_publish.md"
    out.write_text(report, encoding="utf-8")
    print(report)
    if proc.returncode:
        print(proc.stdout[-4000:], proc.stderr[-2000:], sep="\n")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
