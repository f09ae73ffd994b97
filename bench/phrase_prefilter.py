"""A literal prefilter for the phrase tables, measured against the tables' own one-scan finders (issue 15 item 2).

    python bench/phrase_prefilter.py [--events 400]

The idea: derive from each key's compiled patterns (never a second, hand-written list) the literal texts one of which
every match must hold (``needles``), test those on the lowered text (``in``: a C substring search), and run a key's
expression only where one of its needles occurs. This script drafts and checks ``--events`` generated events
(bench/make_factbase.py, seed 0) as a batch worker does, records every text each table (``KeyFinder``: the marker
classes and the six cue tables) was asked, and then, per table, over the distinct texts it was asked (its memo answers
the rest either way), times:

- ``union``: the finder as the check runs it (``KeyFinder.found`` in union mode: one scan of the lowered text);
- ``gated``: every key's needles tested with ``in``, the key's own expression searched only where one occurs;
- ``one scan``: every needle of the table in one literal alternation, one ``finditer``, then the same searches;

and counts answers that differ from ``found`` (a needle derived wrongly would show here). Nothing in writer/ changes.
"""

from __future__ import annotations

import argparse
import gc
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from writer.check.casefold import lower_pattern  # noqa: E402
from writer.check.phrases import _closing_paren, _top_level_alternatives  # noqa: E402

_QUANTIFIERS = ("?", "*", "{", "+")


def needles(expr: str) -> frozenset[str] | None:
    """Literal texts one of which every match of ``expr`` holds (case as written), or None: cannot tell."""
    alternatives = _top_level_alternatives(expr)
    if len(alternatives) > 1:
        out: set[str] = set()
        for alt in alternatives:
            got = needles(alt)
            if got is None:
                return None
            out |= got
        return frozenset(out)
    candidates: list[frozenset[str]] = []
    run = ""
    i = 0

    def close_run() -> None:
        nonlocal run
        if run:
            candidates.append(frozenset({run}))
        run = ""

    while i < len(expr):
        c = expr[i]
        nxt = expr[i + 1:i + 2]
        if c == "\\":
            esc = expr[i + 1:i + 2]
            after = expr[i + 2:i + 3]
            if esc and not esc.isalnum():
                if after in _QUANTIFIERS[:3]:
                    close_run()
                else:
                    run += esc
                    if after == "+":
                        close_run()
            else:
                close_run()  # \b, \s, \w, \d...: no literal
            i += 2
            continue
        if c == "[":
            close_run()
            j = expr.find("]", i + 2)
            i = (j if j >= 0 else len(expr) - 1) + 1
            continue
        if c == "(":
            close_run()
            end = _closing_paren(expr, i)
            if end is None:
                return None
            body = expr[i + 1:end]
            quant = expr[end + 1:end + 2]
            optional = quant in ("?", "*") or expr[end + 1:end + 3] == "{0"
            if body.startswith("?:") and not optional:
                got = needles(body[2:])
                if got:
                    candidates.append(got)
            i = end + 1
            continue
        if c in ".^$|)" or c in _QUANTIFIERS:
            close_run()
            i += 1
            continue
        if nxt in ("?", "*", "{"):
            close_run()
        else:
            run += c
            if nxt == "+":
                close_run()
        i += 1
    close_run()
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(len(x) for x in s), -len(s)))


def key_needles(patterns) -> frozenset[str] | None:
    """A key's needles for lowered text: the union over its patterns (each lowered as the finder lowers it)."""
    out: set[str] = set()
    for p in patterns:
        low = lower_pattern(p)
        got = needles(low) if low is not None else None
        if got is None:
            return None
        out |= got
    return frozenset(out)


def asked_texts(facts: Path, count: int):
    """Each KeyFinder of a warm batch Checker and the texts it was asked, over ``count`` events."""
    from writer.check.phrases import KeyFinder
    from writer.factbase.loader import load_event, load_registry
    from writer.publish.worker import check_article, make_checker, make_drafter

    registry = load_registry(facts / "sources.yaml")
    drafter, checker = make_drafter(None), make_checker(None)
    asked: dict[int, list[str]] = {}
    plain = KeyFinder.found

    def spy(self, text):
        asked.setdefault(id(self), []).append(text)
        return plain(self, text)

    KeyFinder.found = spy
    try:
        for f in sorted((facts / "events").glob("*.yaml"))[:count]:
            event = load_event(f, registry)
            check_article(checker, drafter.draft(event, facts_path="facts.yaml").markdown, "a.md", event)
    finally:
        KeyFinder.found = plain
    tables = {"markers": checker.phrases.marker_finder, **checker.phrases.cue_finders}
    return {name: (finder, asked.get(id(finder), [])) for name, finder in tables.items()}


def best_of(n: int, fn):
    times = []
    for _ in range(n):
        t0 = time.process_time()
        out = fn()
        times.append(time.process_time() - t0)
    return min(times), out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=400)
    args = ap.parse_args()
    from writer.check.casefold import lowered
    from writer.check.phrases import KeyFinder

    with tempfile.TemporaryDirectory() as tmp:
        facts = Path(tmp) / "facts"
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_factbase.py"), str(args.events), str(facts)], check=True, stdout=subprocess.DEVNULL)
        tables = asked_texts(facts, args.events)
    gc.disable()
    totals = [0.0, 0.0, 0.0]
    print("| table | keys | keys with needles | texts asked | distinct | with no key | union ms | gated ms | one scan ms | answers differing |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, (finder, texts) in tables.items():
        distinct = list(dict.fromkeys(texts))
        union = KeyFinder(finder._table, headed=name == "markers")
        union._read = KeyFinder.UNION_FROM  # union mode, as a warm worker's finder
        for t in distinct[:20]:
            union.found(t)  # compile

        def by_union():
            union._cache.clear()
            return [union.found(t) for t in distinct]

        t_union, answers = best_of(3, by_union)
        gates = {k: key_needles(words) for k, words in finder._table.items()}
        own = {k: union.folded_pattern(k) for k in finder._table}
        every = sorted({n for g in gates.values() if g for n in g}, key=lambda n: (-len(n), n))
        # zero-width, so a needle starting inside another's match is found too; a shorter needle at the same start
        # is inside the one found (``within``)
        one = re.compile("(?=(" + "|".join(re.escape(n) for n in every) + "))") if every else None
        within = {s: frozenset(n for n in every if n in s) for s in every}

        def keys_where(low: str, present) -> frozenset[str]:
            out = set()
            for k, g in gates.items():
                if g is not None and not present(g):
                    continue
                rx = own[k]
                if rx is not None and rx.search(low):
                    out.add(k)
            return frozenset(out)

        def gated():
            out = []
            for t in distinct:
                low = lowered(t) or t.lower()
                out.append(keys_where(low, lambda g, low=low: any(n in low for n in g)))
            return out

        def one_scan():
            out = []
            for t in distinct:
                low = lowered(t) or t.lower()
                seen = set().union(*(within[m.group(1)] for m in one.finditer(low))) if one is not None else set()
                out.append(keys_where(low, lambda g, seen=seen: not seen.isdisjoint(g)))
            return out

        t_gated, got_gated = best_of(3, gated)
        t_one, got_one = best_of(3, one_scan)
        wrong = sum(a != b for a, b in zip(answers, got_gated)) + sum(a != b for a, b in zip(answers, got_one))
        totals[0] += t_union
        totals[1] += t_gated
        totals[2] += t_one
        print(f"| {name} | {len(finder.keys)} | {sum(g is not None for g in gates.values())} | {len(texts)} | {len(distinct)} | "
              f"{sum(1 for a in answers if not a)} | {t_union * 1000:.1f} | {t_gated * 1000:.1f} | {t_one * 1000:.1f} | {wrong} |")
    print(f"| all | | | | | | {totals[0] * 1000:.1f} | {totals[1] * 1000:.1f} | {totals[2] * 1000:.1f} | |")
    print(f"per event: union {totals[0] / args.events * 1000:.3f} ms, gated {totals[1] / args.events * 1000:.3f} ms, "
          f"one scan {totals[2] / args.events * 1000:.3f} ms (CPU, best of 3)")


if __name__ == "__main__":
    main()
