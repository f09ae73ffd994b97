"""Evaluate `writer check` on the reference articles against their hand annotations.

Fact-free mode (no fact file): recall of the claims the annotators labelled
``unattributed`` (a claim counts as found when a finding falls in its
sentence; figure-level recall is reported too) and precision of the flags (a
flag on a sentence whose figures the annotators found attributed, or on a
sentence they did not record as a claim at all, is a false positive).

Fact mode: each seed with its example fact file; every annotated figure is
looked up among the figures the check read on that line, and its link (fact
id, status) is printed next to the annotation's label, with the findings.

    python bench/eval_seeds.py [--seeds ../shared/seeds] [--write bench/results/check.md]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from writer.check import Checker  # noqa: E402
from writer.factbase.loader import load_event  # noqa: E402

FACT_FILES = {
    "000": "factbase/events/2026-11-12-long-washout-94pct.yaml",
    "001": "factbase/events/2026-11-17-btc-long-washout-coinank.yaml",
    "002": "factbase/events/2026-11-19-short-squeeze-btc-96k.yaml",
}
NOT_ATTRIBUTED = {"unattributed", "derived"}
STATUS_FOR_LABEL = {
    "single_source_named": {"single_source"},
    "single_source_unnamed": {"single_source"},
    "multi_source_consistent": {"multi_source", "single_source"},
    "rumor_or_social": {"rumor"},
    "pending_verification": {"pending_verification"},
    "estimate": {"estimate"},
    "derived": {"single_source", "multi_source", "disputed", "estimate"},
    "quote_attributed": {"single_source", "rumor"},
    "media_report": {"single_source"},
    "unattributed": None,  # any status: the text gave none
}


def sentence_spans(md_lines: list[str], claims: list[dict]) -> list[dict]:
    """One span per distinct annotated sentence: (line, start col, end col, labels, figures)."""
    spans: dict[tuple[int, str], dict] = {}
    for c in claims:
        key = (c["line"], c["sentence"])
        line_text = md_lines[c["line"] - 1]
        start = line_text.find(c["sentence"])
        if start < 0:
            raise SystemExit(f"annotation sentence not found on line {c['line']}: {c['sentence'][:60]!r}")
        span = spans.setdefault(key, {"line": c["line"], "start": start + 1, "end": start + len(c["sentence"]) + 1,
                                      "labels": set(), "records": [], "sentence": c["sentence"]})
        span["labels"].add(c["provenance_in_text"] if c["caveat_scope"] != "none" or c["provenance_in_text"] in NOT_ATTRIBUTED else "unattributed")
        span["records"].append(c)
    return list(spans.values())


def where(spans: list[dict], line: int, column: int) -> dict | None:
    for s in spans:
        if s["line"] == line and s["start"] <= column < s["end"]:
            return s
    return None


def fact_free(checker: Checker, seeds: list[Path]) -> tuple[dict, list[str]]:
    tot = {"unattributed_records": 0, "found_records": 0, "unattributed_figures": 0, "found_figures": 0,
           "flags": 0, "flags_ok": 0, "flags_fp": 0, "flags_unannotated": 0}
    notes: list[str] = []
    for md in seeds:
        claims = json.loads(md.with_suffix("").with_suffix(".claims.json").read_text(encoding="utf-8")) if md.with_name(md.stem + ".claims.json").exists() else []
        lines = md.read_text(encoding="utf-8").split("\n")
        spans = sentence_spans(lines, claims)
        findings = checker.check_file(md)
        flagged_spans = []
        for f in findings:
            tot["flags"] += 1
            s = where(spans, f.line, f.column)
            if s is None:
                tot["flags_unannotated"] += 1
                notes.append(f"{md.name}:{f.line}:{f.column} {f.code} on {f.figure!r}: not in an annotated sentence (false positive)")
            elif s["labels"] & NOT_ATTRIBUTED:
                tot["flags_ok"] += 1
                flagged_spans.append(s)
            else:
                tot["flags_fp"] += 1
                notes.append(f"{md.name}:{f.line}:{f.column} {f.code} on {f.figure!r}: annotators found it attributed ({', '.join(sorted(s['labels']))})")
        for c in claims:
            if c["provenance_in_text"] != "unattributed" or not c["figures"]:
                continue
            tot["unattributed_records"] += 1
            span = next(s for s in spans if s["line"] == c["line"] and s["sentence"] == c["sentence"])
            hit = any(where([span], f.line, f.column) for f in findings)
            tot["found_records"] += hit
            if not hit:
                notes.append(f"{md.name}:{c['line']} missed unattributed claim {c['figures']}")
            for fig in c["figures"]:
                tot["unattributed_figures"] += 1
                ok = any(f.line == c["line"] and f.figure and (f.figure in fig or fig in f.figure) for f in findings)
                tot["found_figures"] += ok
                if not ok:
                    notes.append(f"{md.name}:{c['line']} unattributed figure {fig!r} not flagged")
    return tot, notes


def fact_mode(checker: Checker, seeds: list[Path]) -> list[str]:
    out = []
    for md in seeds:
        prefix = md.name[:3]
        if prefix not in FACT_FILES or not (ROOT / FACT_FILES[prefix]).exists():
            out.append(f"\n### {md.name}: no fact file\n")
            continue
        event = load_event(ROOT / FACT_FILES[prefix])
        claims = json.loads(md.with_name(md.stem + ".claims.json").read_text(encoding="utf-8"))
        text = md.read_text(encoding="utf-8")
        traced = checker.trace(text, path=md.name, event=event)
        findings = checker.check_text(text, path=md.name, event=event)
        out.append(f"\n### {md.name} with `{FACT_FILES[prefix]}`\n")
        out.append("| line | figure (annotation) | annotated as | linked to | status | agrees |")
        out.append("|---|---|---|---|---|---|")
        linked = agree = total = 0
        for c in claims:
            for fig in c["figures"]:
                total += 1
                cands = [t for t in traced if t["line"] == c["line"] and t["figure"] and (t["figure"] in fig or fig in t["figure"])]
                t = cands[0] if cands else None
                link = (t["support"] or "-") if t else "(not read)"
                status = t["status"] if t and t["status"] else (t["link"] if t else "-")
                expected = STATUS_FOR_LABEL.get(c["provenance_in_text"])
                ok = bool(t and t["link"] in ("supported", "collapsed") and (expected is None or status in expected))
                linked += bool(t and t["link"] in ("supported", "collapsed"))
                agree += ok
                out.append(f"| {c['line']} | {fig} | {c['provenance_in_text']} | {link} | {status} | {'yes' if ok else 'no'} |")
        out.append(f"\nLinked {linked}/{total} annotated figures; status agrees with the annotation for {agree}/{total}.\n")
        out.append("Findings in fact mode:\n")
        out.extend(f"- `{f.line}:{f.column} {f.code} {f.name}`: {f.message}" for f in findings)
        if not findings:
            out.append("- none")
    return out


def update_section(path: Path, name: str, body: str) -> None:
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Provenance check: results\n"
    block = f"{start}\n{body.rstrip()}\n{end}"
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end):]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def default_shared() -> Path:
    """``../shared`` beside the checkout (or beside the worktrees' parent folder), as bench/eval_corpus.py finds it."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared").is_dir():
            return base / "shared"
    return ROOT.parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=Path, default=default_shared() / "seeds")
    ap.add_argument("--write", type=Path, default=None, help="update this Markdown results file (section 'seeds')")
    args = ap.parse_args()
    seeds = sorted(args.seeds.glob("[0-9][0-9][0-9]_*.md"))
    if not seeds:
        print(f"no seed articles in {args.seeds}", file=sys.stderr)
        return 2
    checker = Checker()
    tot, notes = fact_free(checker, seeds)
    recall = tot["found_records"] / tot["unattributed_records"] if tot["unattributed_records"] else 0.0
    fig_recall = tot["found_figures"] / tot["unattributed_figures"] if tot["unattributed_figures"] else 0.0
    precision = tot["flags_ok"] / tot["flags"] if tot["flags"] else 1.0
    lines = [
        "## Reference articles (`../shared/seeds`), fact-free mode",
        "",
        "Command: `python bench/eval_seeds.py --write bench/results/check.md` (runs `writer check` rules without a fact file on the three seeds).",
        "",
        "| measure | value |",
        "|---|---|",
        f"| recall of `unattributed` claims (sentence level) | {tot['found_records']}/{tot['unattributed_records']} = {recall:.2f} |",
        f"| recall of `unattributed` figures | {tot['found_figures']}/{tot['unattributed_figures']} = {fig_recall:.2f} |",
        f"| precision of flags | {tot['flags_ok']}/{tot['flags']} = {precision:.2f} |",
        f"| flags on sentences annotated as attributed | {tot['flags_fp']} |",
        f"| flags outside annotated sentences | {tot['flags_unannotated']} |",
        "",
        "A flag counts as correct when its sentence holds an `unattributed` claim or a `derived` figure the text gives no caveat for.",
        "",
    ]
    if notes:
        lines += ["Misses and false positives:", ""] + [f"- {n}" for n in notes] + [""]
    lines += ["## Reference articles, fact mode", ""] + fact_mode(checker, seeds)
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write:
        update_section(args.write, "seeds", report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
