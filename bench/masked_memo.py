"""Would the check's text memos pay across events if keyed on the text with its digits masked? (issue 15 item 2)

    python bench/masked_memo.py [--events 1000] [--warm 100] [--rounds 3] [--instructions 30] [--write FILE]

The check remembers what it read per text (a block's sentences and figures, ``FigureComponent.chunks``; a text's
phrase keys, ``KeyFinder.found``): in a batch they hit on the sentences templates repeat word for word, and miss on
a sentence that differs from one seen before only by its numbers. A memo keyed on the text with every digit replaced
by ``0`` (same length, so every offset is the same) would hit there too, where what it keeps does not depend on the
digits. Nothing here changes writer: this measures, on ``--events`` generated events (bench/make_factbase.py, seed
0) drafted and checked in one warm process as a batch worker does (``--warm`` of them first):

1. the most any text memo could save: the check's CPU on each draft read the first time (as in a batch) against the
   same draft read again (every text memo warm; the event loaded again, so memos keyed on the event miss), alternating
   per draft, ``--rounds`` passes over fresh drafts;
2. the block memo (``chunks``: sentence bounds and figures per block): its misses per event and their CPU, how many
   of them a masked key would turn into hits, and on those, whether the kept sentence bounds and figures are those
   of the text read afresh but for the figures' numbers (offsets, unit, point, qualifier, asset);
3. the phrase-key memos (``KeyFinder.found``, every table): the same counts, masked hits only in a table none of whose
   patterns tells one digit from another (``maskable``: not the windows' "1h" nor the metrics' "in 20\\d\\d"), and
   whether the kept keys are those read afresh;
4. with ``--instructions N``: instructions per published event under cachegrind, plain and with the prototype
   (``install_masked_keys``: that second memo for the maskable tables), on the same events.

A masked memo is not in writer: what a figure's digits decide (its value, its precision, "2024" a year or not) must
be read again on a hit, and that is the check's own code (the check's owner weighs it).
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MASK = str.maketrans("0123456789", "0" * 10)
# What a pattern may hold and still treat every ASCII digit alike: a repeat count, ``\d``, a class's ``0-9``.
_DIGIT_BLIND = re.compile(r"\{\d+(?:,\d*)?\}|\\d|0-9")
MASKED_KEPT = 4096  # masked texts a finder keeps (as its exact memo: KeyFinder.CACHE_SIZE)


def maskable(finder) -> bool:
    """A phrase table none of whose patterns tells one digit from another ("1h", "in 20\\d\\d" do): its keys in a text
    are its keys in the text with every digit made 0 (same length, same character classes)."""
    return not any(re.search(r"\d", _DIGIT_BLIND.sub("", w)) for words in finder._table.values() for w in words)


def install_masked_keys() -> None:
    """The prototype: ``KeyFinder.found`` answers a text that differs from one read before only by its digits from
    a second memo keyed on the masked text, for the tables ``maskable`` admits (not writer's code: a measurement)."""
    from writer.check import phrases

    plain = phrases.KeyFinder.found

    def found(self, text):
        hit = self._cache.get(text)
        if hit is not None:
            return hit
        ok = self.__dict__.get("_maskable")
        if ok is None:
            ok = self._maskable = maskable(self)
        if not ok:
            return plain(self, text)
        masked = self.__dict__.setdefault("_masked", {})
        key = text.translate(MASK)
        hit = masked.get(key)
        if hit is None:
            hit = plain(self, text)
            if len(masked) >= MASKED_KEPT:
                masked.clear()
            masked[key] = hit
        return hit

    phrases.KeyFinder.found = found


def _events(n: int, tmp: Path):
    from writer.factbase.loader import load_event, load_registry

    fb = tmp / "fb"
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_factbase.py"), str(n), str(fb)], check=True, capture_output=True)
    reg = load_registry(fb / "sources.yaml")
    return [(f, reg) for f in sorted((fb / "events").glob("*.yaml"))], load_event


def upper_bound(files, load_event, warm: int, rounds: int) -> dict:
    """Check CPU per draft: first read against read again (all text memos warm), alternating per draft."""
    from writer.publish.worker import check_article, make_checker, make_drafter

    drafter, checker = make_drafter(None), make_checker(None)
    for f, reg in files[:warm]:
        e = load_event(f, reg)
        check_article(checker, drafter.draft(e, facts_path="x").markdown, "a.md", e)
    gc.collect()
    gc.freeze()
    rest = files[warm:]
    per = max(1, len(rest) // rounds)
    out = {"first": [], "again": []}
    for r in range(rounds):
        first = again = 0.0
        part = rest[r * per:(r + 1) * per]
        for f, reg in part:
            e = load_event(f, reg)
            md = drafter.draft(e, facts_path="x").markdown
            e2 = load_event(f, reg)
            t = time.process_time()
            a = check_article(checker, md, "a.md", e)
            first += time.process_time() - t
            t = time.process_time()
            b = check_article(checker, md, "a.md", e2)
            again += time.process_time() - t
            assert a == b, f.name
        out["first"].append(first / len(part) * 1000)
        out["again"].append(again / len(part) * 1000)
    gc.unfreeze()
    return out


class _Counts:
    def __init__(self):
        self.c = Counter()
        self.cpu = Counter()


def memo_counts(files, load_event, warm: int) -> dict[str, _Counts]:
    """Per memo: calls, exact misses and their CPU, masked hits among them, their CPU, and agreement."""
    from writer.check import nlp, phrases
    from writer.publish.worker import check_article, make_checker, make_drafter

    counts = {"chunks": _Counts(), "found": _Counts()}
    on = [False]
    seen_chunks: dict[str, tuple] = {}
    orig_chunks = nlp.FigureComponent.chunks

    def figure_shape(figs):
        return tuple((x.start, x.end, x.unit, x.point, x.qualifier, x.qualifier_text, x.qualifier_start, x.asset) for x in figs)

    def chunks(self, text):
        if on[0]:
            k = counts["chunks"]
            for chunk in text.split("\n\n"):
                k.c["calls"] += 1
                if chunk in self._memo:
                    continue
                k.c["misses"] += 1
                t = time.process_time()
                (bounds, figs), = orig_chunks(self, chunk)
                dt = time.process_time() - t
                k.cpu["misses"] += dt
                key, got = chunk.translate(MASK), (bounds, figure_shape(figs))
                kept = seen_chunks.get(key)
                if kept is not None:
                    k.c["masked hits"] += 1
                    k.cpu["masked hits"] += dt
                    k.c["same but for numbers"] += kept == got
                seen_chunks[key] = got
        return orig_chunks(self, text)

    seen_keys: dict[tuple[int, str], frozenset] = {}
    orig_found = phrases.KeyFinder.found

    def found(self, text):
        if on[0] and self._cache.get(text) is None:
            k = counts["found"]
            k.c["misses"] += 1
            t = time.process_time()
            got = orig_found(self, text)
            dt = time.process_time() - t
            k.cpu["misses"] += dt
            key = (id(self), text.translate(MASK))
            kept = seen_keys.get(key) if maskable(self) else None
            if kept is not None:
                k.c["masked hits"] += 1
                k.cpu["masked hits"] += dt
                k.c["same but for numbers"] += kept == got
            seen_keys[key] = got
            return got
        if on[0]:
            counts["found"].c["calls"] += 1
        return orig_found(self, text)

    nlp.FigureComponent.chunks, phrases.KeyFinder.found = chunks, found
    try:
        drafter, checker = make_drafter(None), make_checker(None)
        for i, (f, reg) in enumerate(files):
            on[0] = i >= warm
            e = load_event(f, reg)
            check_article(checker, drafter.draft(e, facts_path="x").markdown, "a.md", e)
    finally:
        nlp.FigureComponent.chunks, phrases.KeyFinder.found = orig_chunks, orig_found
    counts["found"].c["calls"] += counts["found"].c["misses"]
    return counts


def instructions_ab(events: int, tmp: Path) -> dict[str, float]:
    """Instructions per published event (bench/warm_instructions.py's publish child: 1 and 3 passes of fresh events
    under cachegrind, the collector off), plain and with ``install_masked_keys``."""
    sys.path.insert(0, str(ROOT / "bench"))
    from warm_instructions import CHILD  # noqa: PLC0415

    facts = tmp / "facts"
    # the warm-up slice and 3 passes, each of fresh events (the child's ``tasks(k)``)
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_factbase.py"), str(4 * events), str(facts)], check=True, capture_output=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'bench'}"}
    patch = "import masked_memo\nmasked_memo.install_masked_keys()\n"
    subprocess.run([sys.executable, "-c", CHILD, str(facts), "publish", "0", str(events)], env=env, check=True, cwd=facts, capture_output=True)
    out = {}
    for side, code in (("plain", CHILD), ("masked keys", patch + CHILD)):
        counts = []
        for passes in (1, 3):
            run = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", sys.executable, "-c", code,
                                  str(facts), "publish", str(passes), str(events)], env=env, capture_output=True, text=True, check=True, cwd=facts)
            counts.append(int(re.search(r"I\s+refs:\s+([\d,]+)", run.stderr).group(1).replace(",", "")))
        out[side] = (counts[1] - counts[0]) / 2 / events
    return out


def report(args, bound: dict, counts: dict[str, _Counts], load: tuple[str, str], ins: dict | None = None) -> str:
    n = args.events - args.warm
    first, again = statistics.median(bound["first"]), statistics.median(bound["again"])
    lines = [
        "## A memo keyed on the text with its digits masked: what it could save",
        "",
        f"Command: `python bench/masked_memo.py --events {args.events} --warm {args.warm} --rounds {args.rounds}"
        f"{f' --instructions {args.instructions}' if args.instructions else ''}`; Python "
        f"{sys.version.split()[0]}; load average {load[0]} before, {load[1]} after (CPU time in one process: shares and ratios only).",
        "",
        "| the check on a draft (CPU ms, median of rounds) | first read (a batch) | read again (every text memo warm) | first / again |",
        "|---|---|---|---|",
        f"| {n} generated events, {args.rounds} rounds | {first:.2f} | {again:.2f} | {first / again:.3f} "
        f"(rounds: {', '.join(f'{a / b:.3f}' for a, b in zip(bound['first'], bound['again']))}) |",
        "",
        "| memo | calls per event | misses per event | misses' CPU ms per event | masked hits among misses | their CPU ms per event "
        "| kept answer equal to the fresh one (but for numbers) |",
        "|---|---|---|---|---|---|---|",
    ]
    names = {"chunks": "a block's sentences and figures (FigureComponent.chunks)", "found": "a text's phrase keys (KeyFinder.found; masked: the tables `maskable` admits)"}
    for name, k in counts.items():
        misses = k.c["misses"]
        lines.append(f"| {names[name]} | {k.c['calls'] / n:.1f} | {misses / n:.1f} | {k.cpu['misses'] / n * 1000:.3f} | "
                     f"{k.c['masked hits'] / max(1, misses):.1%} | {k.cpu['masked hits'] / n * 1000:.3f} | "
                     f"{k.c['same but for numbers']}/{k.c['masked hits']} |")
    lines.append("")
    if ins:
        plain, masked = ins["plain"], ins["masked keys"]
        lines += [f"Instructions per published event (cachegrind, `--instructions {args.instructions}`: bench/warm_instructions.py's publish "
                  f"child, 1 and 3 passes of fresh events): plain {plain / 1e6:.2f} M, with the masked phrase-key memo {masked / 1e6:.2f} M "
                  f"(plain / masked {plain / masked:.4f}).", ""]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=1000)
    ap.add_argument("--warm", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--write", type=Path, default=None)
    ap.add_argument("--instructions", type=int, default=0, help="also count instructions per published event, plain and with the "
                    "masked phrase-key memo (this many events a pass; needs valgrind; minutes)")
    args = ap.parse_args()
    before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory() as tmp:
        files, load_event = _events(args.events, Path(tmp))
        bound = upper_bound(files, load_event, args.warm, args.rounds)
        counts = memo_counts(files, load_event, args.warm)
        ins = instructions_ab(args.instructions, Path(tmp)) if args.instructions else None
    after = " ".join(f"{x:.2f}" for x in os.getloadavg())
    text = report(args, bound, counts, (before, after), ins)
    print(text)
    if args.write:
        args.write.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
