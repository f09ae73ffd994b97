"""How much of the batch's check could a structural change save at most? Oracles for issue 15 item 2.

    python bench/check_oracles.py [--events 2000] [--warm 100] [--per 80] [--rounds 6] [--instructions 60]
                                  [--oracles phrases keys frames segment article segment+article all] [--sentences]

A batch worker checks each drafted event in fact mode with one long-lived Checker (writer/publish/worker.py
``check_article``). Each lever proposed for the check saves at most the work it would make unnecessary. An *oracle*
makes that work free: a second, reference Checker reads the same drafts first, and what it computed is copied into
the measured Checker's memos before the measured Checker reads them; whatever the lever could not skip is still done.
So ``plain / oracle`` is an upper bound of what the lever can give, never an estimate of it. Nothing in writer/ changes.

Oracles (combine with "+"):

- ``keys``: every phrase table's keys per text (``KeyFinder.found``: the marker classes and the six cue tables);
- ``starts``: ``PhraseSet.union_starts`` (the note words per block) and the windows each text names (``Checker._windows``);
- ``frames``: the attribution frames per sentence (``Frames.framed``, ``Frames.differs``);
- ``phrases``: keys+starts+frames, all that a single prefilter for the phrase tables could skip;
- ``segment``: each block's sentence bounds and figures (``FigureComponent.chunks``): the check's own reading of the text;
- ``article``: the Markdown read (``read_article``: front matter, markdown-it-pyrs's tree, blocks), done before the clock;
- ``all``: every one of them.

CPU: alternating slices of ``--per`` fresh events, plain and with the oracle, in one process (``time.process_time``),
``--rounds`` slices each; the median ratio. ``--instructions N``: cachegrind instruction counts of N checks (a run that
checks them minus one that does not, both with the same set-up), plain and with each oracle; load-independent.
``--sentences``: first reads of a sentence's classes, sources and credits, split by whether it holds a figure.
"""

from __future__ import annotations

import argparse
import collections
import gc
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = {"phrases": ("keys", "starts", "frames"), "all": ("keys", "starts", "frames", "segment", "article")}


def parts_of(oracle: str) -> set[str]:
    """The oracle's parts: "phrases+segment" -> {keys, starts, frames, segment}; "none" -> set()."""
    out: set[str] = set()
    for name in oracle.split("+"):
        if name != "none":
            out |= set(PARTS.get(name, (name,)))
    return out


def drafted(facts: Path, count: int):
    """(event, draft) of the first ``count`` events, drafted as a batch worker drafts them."""
    from writer.factbase.loader import load_event, load_registry
    from writer.publish.worker import make_drafter

    registry = load_registry(facts / "sources.yaml")
    drafter = make_drafter(None)
    events = [load_event(f, registry) for f in sorted((facts / "events").glob("*.yaml"))[:count]]
    return [(e, drafter.draft(e, facts_path="facts.yaml").markdown) for e in events]


def _finders(checker):
    return [checker.phrases.marker_finder, *checker.phrases.cue_finders.values()]


def give_answers(checker, items, parts: set[str]):
    """A reference Checker reads ``items``; what ``parts`` names is copied into ``checker``'s memos. Returns the
    articles already read when ``article`` is a part (else None). The Frames object (and its memo) is shared by every
    Checker of a process: without ``frames``, the reference reads with a memo of its own and ``checker``'s is put back."""
    from writer.check.document import read_article
    from writer.publish.worker import check_article, make_checker

    reference = make_checker(None)
    frames = checker.phrases.frames
    kept = (frames._differs_cached, frames._framed_cached)
    if "frames" not in parts:
        frames.memo()
    for event, text in items:
        check_article(reference, text, "a.md", event)
    if "frames" not in parts:
        frames._differs_cached, frames._framed_cached = kept
    if "keys" in parts:
        for mine, theirs in zip(_finders(checker), _finders(reference)):
            mine._cache.update(theirs._cache)
    if "starts" in parts:
        checker.phrases._starts.update(reference.phrases._starts)
        checker._windows.update(reference._windows)
    if "segment" in parts:
        checker._component._memo.update(reference._component._memo)
        checker._component._figure_free |= reference._component._figure_free
    return [read_article(text, "a.md") for _, text in items] if "article" in parts else None


def check_all(checker, items, articles) -> None:
    from writer.publish.worker import check_article

    if articles is None:
        for event, text in items:
            check_article(checker, text, "a.md", event)
    else:
        for (event, _), article in zip(items, articles):
            checker.check_article(article, event=event)


def cpu(facts: Path, oracle: str, warm: int, per: int, rounds: int) -> tuple[float, float]:
    """Median CPU ms per check, plain and with the oracle, alternating slices of fresh events."""
    from writer.publish.worker import make_checker

    parts = parts_of(oracle)
    items = drafted(facts, warm + 2 * per * rounds)
    checker = make_checker(None)
    gc.disable()
    check_all(checker, items[:warm], None)
    times: dict[str, list[float]] = {"plain": [], "oracle": []}
    pos = warm
    for k in range(rounds):
        first, second = items[pos:pos + per], items[pos + per:pos + 2 * per]
        pos += 2 * per
        for kind, chunk in ((("plain", first), ("oracle", second)) if k % 2 == 0 else (("oracle", first), ("plain", second))):
            articles = give_answers(checker, chunk, parts) if kind == "oracle" else None
            gc.collect()
            t0 = time.process_time()
            check_all(checker, chunk, articles)
            times[kind].append((time.process_time() - t0) / per * 1000)
    return statistics.median(times["plain"]), statistics.median(times["oracle"])


CHILD = """
import gc, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from check_oracles import check_all, drafted, give_answers, parts_of
from writer.publish.worker import make_checker
facts, warm, count, parts, measure = Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), parts_of(sys.argv[5]), sys.argv[6] == "1"
items = drafted(facts, warm + count)
checker = make_checker(None)
gc.disable()
check_all(checker, items[:warm], None)
# the same set-up with and without the measured checks: a reference Checker reads the measured drafts (the oracle) or the warm ones
articles = give_answers(checker, items[warm:], parts) if parts else give_answers(checker, items[:warm], set())
if measure:
    check_all(checker, items[warm:], articles if parts else None)
"""


def instructions(facts: Path, oracle: str, warm: int, count: int) -> float:
    """Instructions per check (cachegrind): a run with the ``count`` checks minus the same run without them."""
    def run(measure: str) -> int:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0"}
        done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", sys.executable, "-c", CHILD,
                               str(ROOT / "bench"), str(facts), str(warm), str(count), oracle, measure],
                              env=env, capture_output=True, text=True, check=True, cwd=facts)
        return int(re.search(r"I\s+refs:\s+([\d,]+)", done.stderr).group(1).replace(",", ""))
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:  # the two runs side by side (instruction counts do not depend on the load)
        with_checks, without = pool.map(run, ("1", "0"))
    return (with_checks - without) / count


def sentence_reads(facts: Path, warm: int, count: int) -> None:
    """First reads of a sentence's classes, sources, credits and caveat, by whether the sentence holds a figure."""
    from writer.check import analysis
    from writer.publish.worker import make_checker

    items = drafted(facts, warm + count)
    checker = make_checker(None)
    gc.disable()
    check_all(checker, items[:warm], None)
    cost: collections.Counter = collections.Counter()
    calls: collections.Counter = collections.Counter()
    sentences: collections.Counter = collections.Counter()
    busy = [False]  # only the outermost first read is timed (classes reads credits, and so on)

    def timed(name, read, unread):
        def wrapper(self, *args):
            if busy[0] or not unread(self):
                return read(self, *args)
            busy[0] = True
            t0 = time.process_time()
            try:
                return read(self, *args)
            finally:
                busy[0] = False
                key = (name, "with a figure" if self.figures else "no figure")
                cost[key] += time.process_time() - t0
                calls[key] += 1
        return wrapper

    S = analysis.Sentence
    for name, slot in (("classes", "_classes"), ("attributed", "_attributed"), ("sources", "_sources")):
        setattr(S, name, property(timed(name, getattr(S, name).fget, lambda s, slot=slot: getattr(s, slot) is None)))
    S.has_caveat = timed("has_caveat", S.has_caveat, lambda s: s._caveat is None)
    for name in ("has", "has_any"):
        setattr(S, name, timed(name, getattr(S, name), lambda s: s._classes is None))
    plain_analyse = analysis.analyse

    def counting_analyse(*args, **kwargs):
        result = plain_analyse(*args, **kwargs)
        for s in result.sentences:
            sentences["with a figure" if s.figures else "no figure"] += 1
        return result

    import writer.check.checker as checker_module
    checker_module.analyse = counting_analyse
    t0 = time.process_time()
    check_all(checker, items[warm:], None)
    total = time.process_time() - t0
    print(f"check: {total / count * 1000:.3f} CPU ms per event (timers on); sentences per event: "
          + ", ".join(f"{k} {v / count:.1f}" for k, v in sorted(sentences.items())))
    for key in sorted(cost):
        print(f"  {key[0]:11s} {key[1]:14s} {calls[key] / count:6.1f} first reads per event, {cost[key] / count * 1000:.3f} ms ({100 * cost[key] / total:.1f}% of the check)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=2000, help="generated events (bench/make_factbase.py, seed 0)")
    ap.add_argument("--warm", type=int, default=100)
    ap.add_argument("--per", type=int, default=80)
    ap.add_argument("--rounds", type=int, default=6, help="0: no CPU figures (instructions only)")
    ap.add_argument("--instructions", type=int, default=0, help="also count instructions of this many checks per oracle")
    ap.add_argument("--oracles", nargs="+", default=["phrases", "keys", "frames", "starts", "segment", "article", "segment+article", "all"])
    ap.add_argument("--sentences", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        facts = Path(tmp) / "facts"
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_factbase.py"), str(args.events), str(facts)], check=True, stdout=subprocess.DEVNULL)
        if args.sentences:
            sentence_reads(facts, args.warm, args.per * args.rounds)
        for oracle in args.oracles if args.rounds else ():
            plain, free = cpu(facts, oracle, args.warm, args.per, args.rounds)
            print(f"{oracle:16s} CPU ms per check: plain {plain:.3f}, oracle {free:.3f}, plain/oracle {plain / free:.3f}", flush=True)
        if args.instructions:
            base = instructions(facts, "none", args.warm, args.instructions)
            print(f"{'none':16s} {base / 1e6:.2f} M instructions per check", flush=True)
            for oracle in args.oracles:
                got = instructions(facts, oracle, args.warm, args.instructions)
                print(f"{oracle:16s} {got / 1e6:.2f} M instructions per check, plain/oracle {base / got:.3f}", flush=True)


if __name__ == "__main__":
    main()
