"""Which of the check's regular expressions cost the most, in a warm fact-mode check (bench/results/speed_round15.md, 7).

    python bench/regex_shares.py [--events 200] [--warm 60] [--top 25]

Before writer is imported, ``re.compile`` is replaced by a stand-in that wraps each compiled pattern and times its
``search``, ``match``, ``fullmatch``, ``finditer`` (consumed whole), ``sub``, ``split`` and ``findall`` calls. Generated
events (bench/make_factbase.py) are drafted, ``--warm`` of them checked, then the rest checked and timed. Prints each
expression's share of the timed check, its calls and its time per call. The wrapper slows the check, and CPU time moves
with the machine's load: read the order of the expressions, not the sizes. A measuring tool only (nothing in writer/
uses it).
"""

from __future__ import annotations

import argparse
import collections
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
SPENT: collections.Counter = collections.Counter()
CALLS: collections.Counter = collections.Counter()
_COMPILE = re.compile


class _Timed:
    """A compiled pattern whose calls are timed under its pattern text."""

    __slots__ = ("_p",)

    def __init__(self, p):
        self._p = p

    def __getattr__(self, name):
        return getattr(self._p, name)

    def __eq__(self, other):
        return self._p == (other._p if isinstance(other, _Timed) else other)

    def __hash__(self):
        return hash(self._p)

    def _timed(self, name, args, kwargs, consume=False):
        t0 = time.perf_counter()
        out = getattr(self._p, name)(*args, **kwargs)
        if consume:
            out = iter(list(out))
        SPENT[self._p.pattern] += time.perf_counter() - t0
        CALLS[self._p.pattern] += 1
        return out

    def search(self, *a, **k): return self._timed("search", a, k)  # noqa: E704
    def match(self, *a, **k): return self._timed("match", a, k)  # noqa: E704
    def fullmatch(self, *a, **k): return self._timed("fullmatch", a, k)  # noqa: E704
    def sub(self, *a, **k): return self._timed("sub", a, k)  # noqa: E704
    def split(self, *a, **k): return self._timed("split", a, k)  # noqa: E704
    def findall(self, *a, **k): return self._timed("findall", a, k)  # noqa: E704
    def finditer(self, *a, **k): return self._timed("finditer", a, k, consume=True)  # noqa: E704


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=200)
    ap.add_argument("--warm", type=int, default=60)
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    re.compile = lambda pattern, flags=0: _Timed(_COMPILE(pattern, flags))  # before writer compiles anything
    from writer.check import Checker
    from writer.draft import Drafter
    from writer.factbase import load_factbase

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(HERE / "bench" / "make_factbase.py"), str(args.events), f"{tmp}/fb"], check=True, capture_output=True)
        events, problems = load_factbase([Path(tmp) / "fb"])
    assert not problems, problems[:3]
    drafter = Drafter(run_check=False)
    items = [(e, drafter.draft(e).markdown) for e in events]
    checker = Checker()
    for event, text in items[:args.warm]:
        checker.check_text(text, event=event)
    SPENT.clear()
    CALLS.clear()
    t0 = time.perf_counter()
    for event, text in items[args.warm:]:
        checker.check_text(text, event=event)
    total = time.perf_counter() - t0
    print(f"{len(items) - args.warm} events checked in {total:.2f} s (wrapped)")
    print("| share | calls | us per call | expression |\n|---|---|---|---|")
    for pattern, spent in SPENT.most_common(args.top):
        shown = pattern.strip().replace("|", "\\|").replace("\n", " ")[:100]
        print(f"| {spent / total:.1%} | {CALLS[pattern]:,} | {spent / CALLS[pattern] * 1e6:.1f} | `{shown}` |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
