"""How alike two drafts of the same shape read (issue 10: "two events of the same shape must not read alike").

A draft's sentences are compared after masking what differs by construction: every number, and every word
taken from its event's fact file (source names, assets, venues, subjects, labels, context and quote words).
The figure for a pair of drafts is the share of the shorter draft's sentences that the other draft holds
word for word; the lower, the less two stories read alike.

Two sets, one command:

- the bundled example and corpus events (factbase/events, factbase/corpus), pairs of the same shape
  (two fact files of one story, which share their headline figures, are left out);
- events from tests/test_draft_any_event.py's everyday generator (``--generated N``, fixed seed), pairs of the
  same shape among them; and, apart, the pairs among them whose events differ (less than half of the smaller event's
  figures found in the other, by what a figure is: metric, asset, side, window and its values, whoever gives them).
  The generator often draws runs of events that differ only in their id or a source's name (Hypothesis mutates the
  example before), and two events with the same figures should read alike: the highest share of all generated pairs
  is such a run, while the pairs that differ are what "two events of the same shape must not read alike" is about.

    python bench/draft_alike.py [--generated 120] [--seed 5] [--out FILE] [--templates DIR]

With ``--templates`` (an earlier commit's templates/, e.g. from ``git archive``) the same events are drafted with
those templates and this checkout's code: a before/after of the wording alone.

Prints (and with --out writes) the mean and the highest share for each set. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

NUMBER = re.compile(r"[-+$€£¥]?\d[\d,.]*%?")
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z*“\"(])")


def _event_words(event) -> list[str]:
    """The fact file's own words in a draft: longest first, so a name inside a longer text is masked with it."""
    words: set[str] = set()
    for sid in event.registry.sources:
        words.update(event.registry.sources[sid].names)
    for f in event.facts.values():
        words.update(w for w in (f.asset, f.subject, f.label, f.contract, f.note, f.reason, f.coverage, f.reading) if w)
        words.update(f.assets)
    for c in (*event.context, *getattr(event, "caveats", ())):
        words.add(c.text)
    for q in event.quotes:
        words.update(w for w in (q.speaker, q.role, q.channel, q.words) if w)
    return sorted((w.strip() for w in words if w and len(w.strip()) > 1), key=len, reverse=True)


def sentences(markdown: str, event) -> set[str]:
    """The draft's body sentences, numbers and fact-file words masked (headings and the disclaimer left out)."""
    body = markdown.split("---\n", 2)[2].split("\n---\n")[0]
    text = body.replace("\\", "")
    for w in _event_words(event):
        text = re.sub(rf"(?<!\w){re.escape(w)}(?!\w)", "<x>", text, flags=re.IGNORECASE)
    out = set()
    for line in text.split("\n"):
        if line.strip() and not line.startswith("#"):
            out.update(NUMBER.sub("#", s).strip() for s in SENTENCE.split(line) if s.strip())
    return out


# Events "differ" when less than this share of the smaller one's figures is found in the other (see the docstring):
# two events of two figures differ when they share neither.
DIFFER_BELOW = 0.5


def figures(event) -> frozenset:
    """What an event's figures are, without their ids and sources: metric, asset, side, window and the values given."""
    return frozenset((f.metric, f.asset, f.side, f.window, tuple(sorted(((o.value, o.range) for o in f.observations if o.value is not None or o.range), key=repr)))
                     for f in event.facts.values())


def differ(a: frozenset, b: frozenset) -> bool:
    if not a or not b:
        return a != b
    return len(a & b) / min(len(a), len(b)) < DIFFER_BELOW


def shares(drafts: list[tuple[str, str, set[str], frozenset]], *, figures_of: dict | None = None) -> list[tuple[float, str, str]]:
    """(share, a, b) for each pair of drafts of one shape (not two fact files of one story); with ``figures_of``
    (draft name -> figures()), only the pairs whose events differ."""
    out = []
    for (a, shape_a, sa, story_a), (b, shape_b, sb, story_b) in itertools.combinations(drafts, 2):
        if shape_a != shape_b or (story_a and story_a == story_b) or not sa or not sb:
            continue
        if figures_of is not None and not differ(figures_of[a], figures_of[b]):
            continue
        out.append((len(sa & sb) / min(len(sa), len(sb)), a, b))
    return sorted(out, reverse=True)


def _story(markdown: str) -> frozenset[str]:
    body = markdown.split("---\n", 2)[2]
    headline = next((line for line in body.split("\n") if line.startswith("# ")), "")
    return frozenset(n.rstrip(".,") for n in re.findall(r"\d[\d,.]*", headline))


def bundled(templates: Path | None = None) -> list:
    from writer.draft import Drafter
    from writer.factbase.loader import load_event

    drafter = Drafter(templates, run_check=False)
    out = []
    for path in sorted((ROOT / "factbase" / "events").glob("*.yaml")) + sorted((ROOT / "factbase" / "corpus").glob("*.yaml")):
        event = load_event(path)
        d = drafter.draft(event)
        out.append((path.stem, d.claims["shape"], sentences(d.markdown, event), _story(d.markdown)))
    return out


def generated(n: int, chosen: int, templates: Path | None = None, figures_of: dict | None = None) -> list:
    from hypothesis import HealthCheck, given, seed, settings

    import test_draft_any_event as props
    from writer.draft import Drafter

    drafter = Drafter(templates, run_check=False)
    out = []

    @seed(chosen)
    @settings(max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(props.events(new_kinds=True))
    def run(event):
        # a generated id repeats across examples ("gen-0"); each event gets its own, as real events have,
        # so the house's variation (chosen from the id) is measured as it works on a desk's events
        event = replace(event, id=f"gen-{chosen}-{len(out)}")
        try:
            d = drafter.draft(event)
        except Exception:  # noqa: BLE001 - the fuzz counts failures; here only drafts are compared
            return
        out.append((event.id, d.claims["shape"], sentences(d.markdown, event), frozenset()))
        if figures_of is not None:
            figures_of[event.id] = figures(event)

    run()
    return out


def summary(name: str, pairs: list[tuple[float, str, str]]) -> str:
    if not pairs:
        return f"| {name} | 0 | - | - | - |"
    mean = sum(p[0] for p in pairs) / len(pairs)
    top = pairs[0]
    return f"| {name} | {len(pairs)} | {mean:.3f} | {top[0]:.3f} | {top[1]} / {top[2]} |"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--generated", type=int, default=120, help="generated events to draft")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--out", type=Path, help="also write the table to this Markdown file")
    ap.add_argument("--templates", type=Path, help="draft with this template folder (e.g. an earlier commit's, for a before/after)")
    args = ap.parse_args()
    rows = ["| set | same-shape pairs | mean share of identical sentences | highest | pair |", "|---|---|---|---|---|"]
    rows.append(summary("bundled examples and corpus", shares(bundled(args.templates))))
    figures_of: dict = {}
    drafts = generated(args.generated, args.seed, args.templates, figures_of)
    rows.append(summary(f"generated (everyday, seed {args.seed}, {args.generated} events)", shares(drafts)))
    rows.append(summary(f"generated, events that differ (seed {args.seed})", shares(drafts, figures_of=figures_of)))
    table = "\n".join(rows)
    print(table)
    if args.out:
        args.out.write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
