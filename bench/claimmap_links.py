"""Could a batch's check take each figure's link from the draft's claim map instead of searching for it?

    python bench/claimmap_links.py [--generated 300] [--fuzz 200] [--seed 1] [--rounds 5] [--write FILE]

The drafter knows which fact each printed figure came from (the claim map). A check that took those links as
given would skip the words around each figure (``cues_for``) and the search over the event's supports
(``link``). It may publish only what ``writer check`` passes, with the same findings, so this measures, on the
golden drafts (factbase/events and factbase/corpus), ``--generated`` events of bench/make_factbase.py and ``--fuzz``
events of tests/test_draft_any_event.py's generator with the newer kinds (the one bench/fuzz_draft_new_kinds.py
runs):

1. agreement: for every figure the check reads, what the full search finds against what the claim map says
   (same fact, a support other than the fact's own value, equally good alternatives, words naming another
   side/asset/window/venue, a figure the claim map does not hold);
2. equality: the findings, and the trace a claim map of an edited article is made from, with claim-map links
   (a figure the claim map does not hold, or whose fact has no support its value matches exactly once, goes
   through the full search) against full linking, per draft;
3. a house template edited to word a figure wrongly (``--templates``: editors own them): what `writer check`
   finds against what the claim-map check finds on the same draft;
4. the most it could save: CPU time of the check on the same drafts, full against claim-map links, in one
   process, alternating, ``--rounds`` times (a ratio, so the machine's load cancels to first order).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from writer.check import Checker  # noqa: E402
from writer.check.checker import link_evidence  # noqa: E402
from writer.check.linking import (Link, Support, _per_unit, _unit_ok, cues_for, event_asset_pattern, link,  # noqa: E402
                                  supports_of, value_match)
from writer.check.support_index import SupportIndex  # noqa: E402
from writer.check.document import read_article  # noqa: E402


class ClaimMapChecker(Checker):
    """The check with each claim-map figure linked to the drafted fact's support its value matches (the experiment)."""

    claims: dict | None = None

    def _link_all(self, ctx, analysis, event, source_rx, spelling) -> None:
        if self.claims is None:
            return super()._link_all(ctx, analysis, event, source_rx, spelling)
        by_place = {}
        for fg in self.claims["figures"]:
            for k in range(len(fg["text"])):
                by_place[(fg["line"], fg["column"] + k)] = fg["fact"]
        entry = self._supports.get(id(event))  # the event's supports, kept as Checker._link_all keeps them
        if entry is None or entry[0] is not event:
            supports, unavailable = supports_of(event, self.phrases.qualifiers)
            index = SupportIndex(supports) if len(supports) >= self.index_from else None
            entry = self._supports[id(event)] = (event, supports, unavailable, index, event_asset_pattern(event, self.phrases))
        _, supports, unavailable, index, tickers = entry
        self._entry = (unavailable, index, tickers)
        rest = []
        for fu in analysis.figures:
            fact = by_place.get((fu.line, fu.column))
            fits = [s for s in supports if s.id == fact and (_unit_ok(fu.figure, s.unit) or _per_unit(fu.figure, s))
                    and value_match(fu.figure, s) == "match"] if fact else []
            if len(fits) == 1:
                ctx.links[id(fu)] = Link("supported", fits[0], fits[0].fact)
            else:
                rest.append(fu)
        for fu in rest:  # the full search for the others, as Checker._link_all does it
            ctx.links[id(fu)] = self._search(fu, analysis, event, source_rx, spelling, supports)
        link_evidence.revise(ctx.links, analysis, Support, Link)

    def _search(self, fu, analysis, event, source_rx, spelling, supports):
        unavailable, index, tickers = self._entry
        exchanges = frozenset(sid for sid, s in event.registry.sources.items() if s.kind.value == "exchange")
        cues = cues_for(fu, self.phrases, source_rx, spelling, analysis.article.blocks[fu.block_index].text, exchanges, tickers, self._windows)
        opening = analysis.run_opening(fu)
        named = frozenset(fu.sentence.sources) | opening.attributed if opening is not None else None
        return link(fu, supports, unavailable, cues, analysis.scope_classes(fu), index if self.link_by_index else None, named)


def golden_drafts():
    from draft_support import CORPUS, EVENTS, drafted

    for p in EVENTS + CORPUS:
        event, draft = drafted(p)
        yield "golden", event, draft


def generated_drafts(n: int, tmp: Path):
    from writer.factbase.loader import load_event, load_registry
    from writer.publish.worker import make_drafter

    facts = tmp / "facts"
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_factbase.py"), str(n), str(facts)], check=True, stdout=subprocess.DEVNULL)
    reg, drafter = load_registry(facts / "sources.yaml"), make_drafter(None)
    for f in sorted((facts / "events").glob("*.yaml")):
        event = load_event(f, reg)
        yield "generated", event, drafter.draft(event, facts_path="facts.yaml")


def fuzz_drafts(n: int, chosen: int):
    from hypothesis import HealthCheck, given, seed, settings

    import test_draft_any_event as props

    out = []

    @seed(chosen)
    @settings(max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(props.events(new_kinds=True))
    def run(event):
        try:
            out.append(("fuzz", event, props.drafter().draft(event)))
        except Exception:  # an event the drafter refuses is fuzz_draft_new_kinds.py's business, not this one's
            pass

    run()
    return out


def agreement(full: Checker, event, draft, c: Counter) -> None:
    places = {}
    for fg in draft.claims["figures"]:
        for k in range(len(fg["text"])):
            places[(fg["line"], fg["column"] + k)] = fg["fact"]
    for fu, lk, _ in full.links(draft.markdown, path="a.md", event=event):
        c["figures read"] += 1
        fact = places.get((fu.line, fu.column))
        if fact is None:
            c["not in the claim map"] += 1
            continue
        c["in the claim map"] += 1
        sid = lk.support.id if lk.support else (lk.fact.id if lk.fact else None)
        c["  linked to another fact than drafted"] += sid != fact
        c["  kind other than 'supported'"] += lk.kind != "supported"
        c["  equally good alternatives (ties)"] += bool(lk.alternatives)
        c["  words name another side/asset/window/venue"] += bool(lk.mismatch)
        c["  support other than the fact's own value"] += bool(lk.support and (lk.support.anchor or lk.support.words or lk.support.average))


def findings_of(checker: Checker, event, draft) -> list:
    return checker.check_article(read_article(draft.markdown, "a.md"), event=event)


def equality(full: Checker, cm: ClaimMapChecker, items, c: Counter, examples: list) -> None:
    for origin, event, draft in items:
        cm.claims = draft.claims
        a, b = findings_of(full, event, draft), findings_of(cm, event, draft)
        ta, tb = full.trace(draft.markdown, path="a.md", event=event), cm.trace(draft.markdown, path="a.md", event=event)
        c[f"{origin}: drafts"] += 1
        c[f"{origin}: findings differ"] += a != b
        c[f"{origin}: trace differs"] += ta != tb
        if (a != b or ta != tb) and len(examples) < 6:
            diff = [(x["figure"], x["support"], y["support"]) for x, y in zip(ta, tb) if x != y][:2]
            examples.append(f"{origin} {event.id}: findings {len(a)} full / {len(b)} claim map; trace (figure, full, claim map): {diff}")


def edited_template(tmp: Path) -> tuple[Path, str]:
    """The house templates with one figure worded as the other side's (an editor's slip the gate must catch)."""
    from writer.templatefiles import default_templates_dir

    dest = tmp / "templates"
    shutil.copytree(default_templates_dir(), dest)
    path = dest / "sections" / "figures.md.j2"
    text = path.read_text(encoding="utf-8")
    old = "{{ fig(m.long) }} of it from long positions and {{ fig(m.short) }} from shorts"
    assert old in text, "figures.md.j2 changed: pick another sentence"
    path.write_text(text.replace(old, "{{ fig(m.long) }} of it from short positions and {{ fig(m.short) }} from longs"), encoding="utf-8")
    return dest, "figures.md.j2: the long and short figures worded as each other's side"


def slip(tmp: Path, full: Checker, cm: ClaimMapChecker, items) -> list[str]:
    from writer.draft import Drafter

    templates, what = edited_template(tmp)
    drafter = Drafter(templates, run_check=False)
    out = [f"template edit: {what}"]
    for origin, event, _ in items:
        try:
            draft = drafter.draft(event, facts_path="facts.yaml")
        except Exception:
            continue
        cm.claims = draft.claims
        a, b = findings_of(full, event, draft), findings_of(cm, event, draft)
        if a != b:
            codes = lambda fs: ", ".join(sorted({f.code for f in fs})) or "none"  # noqa: E731
            out.append(f"{origin} {event.id}: `writer check` finds {len(a)} ({codes(a)}); the claim-map check {len(b)} ({codes(b)})")
            if len(out) >= 4:
                break
    return out


def timing(full: Checker, cm: ClaimMapChecker, items, rounds: int) -> tuple[list[float], float, float]:
    articles = [(read_article(d.markdown, "a.md"), e, d.claims) for _, e, d in items]
    ratios, tf, tc = [], 0.0, 0.0
    for r in range(rounds):
        times = {}
        for name in (("full", "claims") if r % 2 == 0 else ("claims", "full")):
            t = time.process_time()
            for art, event, claims in articles:
                if name == "full":
                    full.check_article(art, event=event)
                else:
                    cm.claims = claims
                    cm.check_article(art, event=event)
            times[name] = time.process_time() - t
        ratios.append(times["full"] / times["claims"])
        tf, tc = tf + times["full"], tc + times["claims"]
    return ratios, tf / rounds / len(articles) * 1000, tc / rounds / len(articles) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--generated", type=int, default=300)
    ap.add_argument("--fuzz", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--write", type=Path, default=None)
    args = ap.parse_args()
    full, cm = Checker(), ClaimMapChecker()
    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        items = [*golden_drafts(), *generated_drafts(args.generated, tmp), *fuzz_drafts(args.fuzz, args.seed)]
        agree: Counter = Counter()
        for _, event, draft in items:
            agreement(full, event, draft, agree)
        same: Counter = Counter()
        examples: list[str] = []
        equality(full, cm, items, same, examples)
        slipped = slip(tmp, full, cm, [i for i in items if i[0] == "generated"][:100])
        timed = [i for i in items if i[0] == "generated"]
        ratios, ms_full, ms_cm = timing(full, cm, timed, args.rounds)
    ratios.sort()
    lines = [
        "## Links from the claim map: agreement, equality, a template slip, the most it could save",
        "",
        f"Command: `python bench/claimmap_links.py --generated {args.generated} --fuzz {args.fuzz} --seed {args.seed} --rounds {args.rounds}`; "
        f"2-core machine (Python {sys.version.split()[0]}); load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} before, "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} after.",
        "",
        "| every figure the check reads, all drafts | count |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in agree.items()],
        "",
        "| drafts | count |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in sorted(same.items())],
        "",
        *[f"- differs: {e}" for e in examples],
        "",
        *[f"- {s}" for s in slipped],
        "",
        f"- check CPU per generated draft: {ms_full:.2f} ms full, {ms_cm:.2f} ms with claim-map links; full / claim map per round: "
        f"median {ratios[len(ratios) // 2]:.3f} (range {ratios[0]:.3f}-{ratios[-1]:.3f}), {args.rounds} alternating rounds in one process.",
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write:
        from bench.eval_seeds import update_section

        update_section(args.write, "claimmap-links", report)


if __name__ == "__main__":
    main()
