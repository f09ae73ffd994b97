"""Why the fact-free check (F001) misses or wrongly flags what it does on a held-out folder, as counts by mechanism.

``bench/eval_heldout.py`` says how many sentences the check gets wrong; this says what kind of reading each error is,
without printing any article text, so that it can be run on a blind set and still tell which part of the check to
work on (figure grammar, credit wording, credit scope) rather than which article:

- an ``unattributed`` sentence not flagged: no figure read in it at all (figure grammar), or the check found a credit
  for its figures, and where: in the sentence itself, carried from an earlier sentence of its paragraph, from outside
  the paragraph (a covering note, a list's lead-in, a caption), a source name in scope, a repeat of an attributed
  figure, or a reading of the rule's own (quotation, dash, credit after, pointer back, "reportedly": ``other``);
- an ``unattributed`` figure with no finding (in a flagged sentence or not): no figure read at its place, or read
  and found credited (where, as above);
- an attributed sentence flagged: where the annotators found its credit, judged from the names they recorded
  (``sources_named``): a name in the sentence itself (the wording around it was not read as a credit), a name only
  outside the sentence (scope), or no name recorded (an unnamed source, a speaker described, hearsay).

    python bench/eval_why.py --dir /work/heldout/SET [--notes]

``--notes`` adds one ``file:line category`` row per error (for open sets only: file names name the articles).
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from eval_corpus import FREE_CODE, UNATTRIBUTED, figure_found, load, sentence_spans, span_at  # noqa: E402
from eval_heldout import articles_in  # noqa: E402

from writer.check.checker import Checker  # noqa: E402


def credit_found(analysis, fu) -> str:
    """Where the check found the credit of a figure it did not flag (the first place, in F001's order)."""
    if fu.sentence.has_caveat() or fu.sentence.attributed:
        return "credit in its own sentence"
    if analysis.covered_from_outside(fu):
        return "credit from outside the paragraph (note, list lead-in, caption)"
    if analysis.caveat_in_scope(fu, carry=True):
        return "credit carried from an earlier sentence"
    if analysis.scope_sources(fu, carry=True):
        return "a source named in scope"
    if analysis.repeats_attributed(fu):
        return "a repeat of an attributed figure"
    return "another reading of F001's (quotation, dash, credit after, pointer back, reportedly)"


def credit_missed(span: dict) -> str:
    """Where the annotators found the credit of an attributed sentence the check flagged."""
    labels = span["labels"]
    names = {n for r in span["records"] if r["provenance_in_text"] != UNATTRIBUTED for n in r.get("sources_named") or ()}
    kind = "a speaker's" if "quote_attributed" in labels else "a source's"
    if any(n and n in span["sentence"] for n in names):
        return f"{kind} name in the sentence (its credit wording not read)"
    if names:
        return f"{kind} name only outside the sentence (scope)"
    return f"no name recorded ({', '.join(sorted(labels - {UNATTRIBUTED})) or 'unlabelled'})"


def figure_missed(figure: str, line: str, span: dict, uses: list) -> str:
    """Why an annotated ``unattributed`` figure got no finding: the check read no figure at its place (grammar), or
    read it and found it credited."""
    for fu, analysis in uses:
        if fu.line == span["line"] and figure_found(figure, line, span, [_AsFinding(fu)]):
            return credit_found(analysis, fu)
    return "no figure read (figure grammar)"


class _AsFinding:
    """A figure use seen as a finding on it, for ``figure_found``'s text and place tests."""

    def __init__(self, fu):
        self.figure, self.column = fu.figure.text, fu.column


def diagnose(checker: Checker, articles: list[Path]) -> tuple[collections.Counter, ...]:
    misses, false_flags, figures, notes = collections.Counter(), collections.Counter(), collections.Counter(), []
    for md in articles:
        text, claims = load(md)
        spans = sentence_spans(text, claims)
        findings = [f for f in checker.check_text(text, path=md.name) if f.code == FREE_CODE]
        flagged = {(span["line"], span["start"]) for f in findings for span in [span_at(spans, f.line, f.column)] if span}
        lines = text.split("\n")
        uses = collections.defaultdict(list)
        for fu, _link, analysis in checker.links(text, path=md.name):
            span = span_at(spans, fu.line, fu.column)
            if span is not None:
                uses[(span["line"], span["start"])].append((fu, analysis))
        for span in spans:
            key = (span["line"], span["start"])
            if UNATTRIBUTED in span["labels"] and key not in flagged:
                why = credit_found(*reversed(uses[key][0])) if uses[key] else "no figure read (figure grammar)"
                misses[why] += 1
                notes.append(f"{md.name}:{span['line']} missed: {why}")
            elif key in flagged and UNATTRIBUTED not in span["labels"] and span["labels"] - {"derived"}:
                why = credit_missed(span)
                false_flags[why] += 1
                notes.append(f"{md.name}:{span['line']} flagged: {why}")
            on_line = [f for f in findings if f.line == span["line"]]
            for record in span["records"]:
                for fig in record["figures"] if record["provenance_in_text"] == UNATTRIBUTED else ():
                    if not figure_found(fig, lines[span["line"] - 1], span, on_line):
                        why = figure_missed(fig, lines[span["line"] - 1], span, uses[key])
                        figures[why] += 1
                        notes.append(f"{md.name}:{span['line']} figure missed: {why}")
    return misses, false_flags, figures, notes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--notes", action="store_true", help="one file:line row per error (open sets only)")
    args = parser.parse_args()
    misses, false_flags, figures, notes = diagnose(Checker(), articles_in(args.dir))
    print(f"## {args.dir.name}: unattributed sentences not flagged ({sum(misses.values())})")
    for why, n in misses.most_common():
        print(f"  {n:3}  {why}")
    print(f"## {args.dir.name}: attributed sentences flagged ({sum(false_flags.values())})")
    for why, n in false_flags.most_common():
        print(f"  {n:3}  {why}")
    print(f"## {args.dir.name}: unattributed figures with no finding ({sum(figures.values())})")
    for why, n in figures.most_common():
        print(f"  {n:3}  {why}")
    if args.notes:
        print("\n".join(notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
