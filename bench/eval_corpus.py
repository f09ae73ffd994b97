"""Evaluate `writer check` on the real-article corpus and the reference articles (issue 11 item 6).

Reads ``../shared/seeds`` and ``../shared/corpus`` (Markdown articles with
hand annotations, ``*.claims.json``; conventions in ``../shared/seeds/README.md``).
Nothing here is used by the test suite: the suite never reads ``../shared``.

Fact-free mode (no fact file), at sentence level:

- *recall*: of the annotated sentences holding a figure labelled
  ``unattributed``, the share with an F001 finding inside the sentence;
- *precision*: of the sentences with an F001 finding, the share annotated
  ``unattributed`` (a flag on a sentence annotated as attributed, or on a
  sentence nobody recorded as a claim, is a false positive; a sentence whose
  only label is ``derived`` counts neither way, and is reported);
- *figure recall*: of the figures annotated in ``unattributed`` records, the share an F001
  finding on the sentence's line reports: the two texts hold one another, or the two spans
  hold the same number token at the same place (``figure_found``: "52,300 accounts" flagged
  reports "More than 52,300" annotated);
- *removal detection*: for every annotated sentence whose attribution or
  caveat lies wholly in the sentence (every record of it has scope
  ``same_sentence`` and every caveat phrase is found in it) and that no
  earlier sentence of its paragraph covers (no annotated caveat or source
  there, and no caveat phrase the annotators recorded anywhere in the article
  left in the paragraph up to the sentence), the annotated caveat phrases are deleted from the sentence and the
  article is checked again: detected when F001 now flags that sentence.

Fact mode: each article with a fact file of the fact model issue (front
matter ``facts:`` is not needed: the file is looked up by the article's
name in ``--facts``); findings on the original article are listed and judged
with ``bench/results/corpus_judgements.yaml`` (kept by hand: a finding's
line, code and figure -> true or false); and editor-mistake mutations
(value changed, range collapsed, attribution dropped, source made plural,
estimate stated as realised, side or asset swapped) are applied to the
sentences of linked figures and counted as caught when a P rule fires on
the mutated sentence.

    python bench/eval_corpus.py [--shared ../shared] [--facts factbase/real] [--write bench/results/corpus.md]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

try:
    from writer.check import Checker  # noqa: E402
    # the check imports its Markdown readers on first use: asked for here, so a Python without them is sent on too
    import markdown_it, markdown_it_pyrs  # noqa: E401, E402, F401
except ModuleNotFoundError as exc:  # run by a Python without writer's dependencies (e.g. a bare python3)
    venv = ROOT / ".venv"
    venv_python = venv / "bin" / "python"
    if venv_python.is_file() and Path(sys.prefix).resolve() != venv.resolve():
        os.execv(str(venv_python), [str(venv_python), __file__, *sys.argv[1:]])
    sys.exit(f"eval_corpus: {exc.name} is not installed for {sys.executable}; "
             "run `pip install -c constraints.txt -e .` (README) or use the project's .venv")

UNATTRIBUTED = "unattributed"
NEUTRAL = "derived"  # a computed figure: flagging it or not are both defensible
FREE_CODE = "F001"


# --- reading the annotations ---------------------------------------------------------------


def load(md: Path) -> tuple[str, list[dict]]:
    claims_path = md.with_name(md.stem + ".claims.json")
    claims = json.loads(claims_path.read_text(encoding="utf-8")) if claims_path.exists() else []
    return md.read_text(encoding="utf-8"), claims


def sentence_spans(text: str, claims: list[dict]) -> list[dict]:
    """One span per distinct annotated sentence: line, 1-based start and end columns, labels, records."""
    lines = text.split("\n")
    spans: dict[tuple[int, str], dict] = {}
    for c in claims:
        key = (c["line"], c["sentence"])
        start = lines[c["line"] - 1].find(c["sentence"])
        if start < 0:
            raise SystemExit(f"annotation sentence not found on line {c['line']}: {c['sentence'][:60]!r}")
        span = spans.setdefault(key, {"line": c["line"], "start": start + 1, "end": start + 1 + len(c["sentence"]),
                                      "sentence": c["sentence"], "labels": set(), "records": []})
        if c["figures"]:
            span["labels"].add(c["provenance_in_text"])
        span["records"].append(c)
    return sorted(spans.values(), key=lambda s: (s["line"], s["start"]))


def span_at(spans: list[dict], line: int, column: int) -> dict | None:
    for s in spans:
        if s["line"] == line and s["start"] <= column < s["end"]:
            return s
    return None


# --- fact-free mode ------------------------------------------------------------------------


def fact_free(checker: Checker, articles: list[Path]) -> tuple[dict, list[str]]:
    tot = {"positives": 0, "found": 0, "flagged": 0, "flagged_ok": 0, "fp_attributed": 0, "fp_unannotated": 0,
           "flagged_derived": 0, "figures": 0, "figures_found": 0}
    notes: list[str] = []
    for md in articles:
        text, claims = load(md)
        spans = sentence_spans(text, claims)
        lines = text.split("\n")
        findings = [f for f in checker.check_text(text, path=md.name) if f.code == FREE_CODE]
        flagged: dict[tuple, dict | None] = {}
        traced = {(t["line"], t["column"]): t for t in checker.trace(text, path=md.name)}
        for f in findings:
            s = span_at(spans, f.line, f.column)
            key = (s["line"], s["start"]) if s else ("?", f.line, traced.get((f.line, f.column), {}).get("sentence", f.column))
            flagged.setdefault(key, s)
            if s is None:
                notes.append(f"{md.name}:{f.line}:{f.column} flag on {f.figure!r}: sentence not annotated as a claim (false positive)")
        for key, s in flagged.items():
            tot["flagged"] += 1
            if s is None:
                tot["fp_unannotated"] += 1
            elif UNATTRIBUTED in s["labels"]:
                tot["flagged_ok"] += 1
            elif s["labels"] <= {NEUTRAL} and s["labels"]:
                tot["flagged"] -= 1
                tot["flagged_derived"] += 1
            else:
                tot["fp_attributed"] += 1
                notes.append(f"{md.name}:{s['line']} flag on an attributed sentence ({', '.join(sorted(s['labels']))}): {_short(s['sentence'])}")
        for s in spans:
            if UNATTRIBUTED not in s["labels"]:
                continue
            tot["positives"] += 1
            hit = (s["line"], s["start"]) in flagged
            tot["found"] += hit
            if not hit:
                notes.append(f"{md.name}:{s['line']} missed unattributed sentence: {_short(s['sentence'])}")
            on_line = [f for f in findings if f.line == s["line"]]
            for c in s["records"]:
                if c["provenance_in_text"] != UNATTRIBUTED:
                    continue
                for fig in c["figures"]:
                    tot["figures"] += 1
                    tot["figures_found"] += figure_found(fig, lines[s["line"] - 1], s, on_line)
    return tot, notes


# A number as written: digits, with the thousands separators and decimal point inside it
# ("406,000", "1.7", "0.1692"); it ends on a digit, so a sentence's full stop is not part of it.
_NUMBER_TOKEN = re.compile(r"\d(?:[\d,.]*\d)?")


def figure_found(figure: str, line: str, span: dict, findings: list) -> bool:
    """Whether a finding on the annotated sentence's line reports the annotated figure.

    Two tests, either enough. The text test (this evaluation's first rule): one text holds the
    other, anywhere on the line (``$4M`` flagged, ``$4M`` annotated; ``over $400 million``
    flagged, ``$400 million`` annotated). The place test: the finding's span and the figure's
    span in the annotated sentence hold one and the same number token, the same digits at the
    same place of the line. The check and the annotators may draw a figure's edges differently,
    the check keeping its noun ("81,000 traders") where the annotation keeps its bound ("Over
    81,000"), and neither text holds the other; by the place test a flag on another number of the
    line, or on the same digits outside the sentence, is still not that figure."""
    if any(f.figure and (f.figure in figure or figure in f.figure) for f in findings):
        return True
    figure_spans = _spans_in(line, figure, span["start"] - 1, span["end"] - 1)
    for f in findings:
        at = f.column - 1
        if not f.figure or line[at:at + len(f.figure)] != f.figure:  # no position to compare
            continue
        if any(_share_number(line, (at, at + len(f.figure)), fs) for fs in figure_spans):
            return True
    return False


def _spans_in(line: str, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Every place of ``text`` on ``line`` inside ``[start, end)`` (the annotated sentence)."""
    out, at = [], line.find(text, start)
    while 0 <= at and at + len(text) <= end:
        out.append((at, at + len(text)))
        at = line.find(text, at + 1)
    return out


def _share_number(line: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether one number token of the line lies wholly inside both spans."""
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return any(lo <= m.start() and m.end() <= hi for m in _NUMBER_TOKEN.finditer(line))


def _short(s: str, n: int = 90) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


# What a note says, reduced to a kind: the rest of a note quotes the article (a sentence or a caveat
# phrase), which is printed on the terminal for the one reading it but never written to a results
# file in the repository (no article text enters the project).
NOTE_KINDS = (
    (re.compile(r"^(?P<pos>\S+:\d+) missed unattributed sentence"), "missed unattributed sentence"),
    (re.compile(r"^(?P<pos>\S+:\d+) flag on an attributed sentence \((?P<labels>[\w, ]+)\)"), "flag on a sentence annotated {labels}"),
    (re.compile(r"^(?P<pos>\S+:\d+:\d+) flag on (?P<figure>'[^']*'|\"[^\"]*\"|None): sentence not annotated"),
     "flag on {figure} in a sentence not annotated as a claim"),
    (re.compile(r"^(?P<pos>\S+:\d+) removal of .* not noticed"), "removed attribution or caveat not noticed"),
    (re.compile(r"^(?P<pos>\S+:\d+) removal not counted"), "removal not counted (another annotated caveat still covers the sentence)"),
    (re.compile(r"^(?P<pos>\S+:\d+) (?P<kind>[\w ,-]+?) not caught:"), "{kind} not caught"),
)


def redact(note: str) -> str:
    """A note as ``file:line kind``, with no article text. A bullet holding a finding (it opens with a
    backquoted key: writer's own message and the figure) or a heading is kept; a note of no known kind
    is reported as not written out."""
    bullet = "- " if note.startswith("- ") else ""
    body = note[len(bullet):]
    if body.startswith(("`", "#")) or not body.strip():
        return note
    for rx, kind in NOTE_KINDS:
        m = rx.match(body)
        if m:
            return f"{bullet}{m.group('pos')} {kind.format(**m.groupdict())}"
    return f"{bullet}{body.split(' ', 1)[0]} (note of an unknown kind, not written out)"


# --- removal of an attribution or caveat ---------------------------------------------------


def removal_candidates(text: str, spans: list[dict]) -> list[dict]:
    """Attributed sentences whose every caveat phrase is in the sentence, with nothing earlier in the paragraph."""
    out = []
    for s in spans:
        if not s["labels"] or s["labels"] & {UNATTRIBUTED, NEUTRAL}:
            continue
        recs = [c for c in s["records"] if c["figures"]]
        if not all(c["caveat_scope"] == "same_sentence" and c["caveat_phrases"] for c in recs):
            continue
        phrases = {p for c in recs for p in c["caveat_phrases"]}
        if not all(p in s["sentence"] for p in phrases):
            continue
        earlier = [t for t in spans if t["line"] == s["line"] and t["start"] < s["start"]]
        if any(c["caveat_phrases"] or c["sources_named"] for t in earlier for c in t["records"]):
            continue
        out.append({**s, "phrases": sorted(phrases, key=len, reverse=True)})
    return out


def strip_phrases(sentence: str, phrases: list[str]) -> str:
    out = sentence
    for p in phrases:
        out = out.replace(p, " ")
    out = re.sub(r"\s+([,.;:])", r"\1", out)
    out = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", out)
    out = re.sub(r"^[\s,;:]+", "", out)
    out = re.sub(r"\s{2,}", " ", out).strip()
    return out[:1].upper() + out[1:] if out else out


def removals(checker: Checker, articles: list[Path]) -> tuple[dict, list[str]]:
    tot = {"candidates": 0, "detected": 0}
    notes: list[str] = []
    for md in articles:
        text, claims = load(md)
        spans = sentence_spans(text, claims)
        lines = text.split("\n")
        every_caveat = {p for c in claims for p in c["caveat_phrases"]}
        for s in removal_candidates(text, spans):
            mutated = strip_phrases(s["sentence"], s["phrases"])
            if not re.search(r"\d|million|billion", mutated):
                continue
            line = lines[s["line"] - 1]
            new_line = line[: s["start"] - 1] + mutated + line[s["end"] - 1:]
            still = [p for p in every_caveat if p in new_line[: s["start"] - 1 + len(mutated)]]
            if still:  # another caveat the annotators recorded still covers it (a bullet label, an earlier note)
                notes.append(f"{md.name}:{s['line']} removal not counted: {still[0]!r} still covers the sentence")
                continue
            new_text = "\n".join([*lines[: s["line"] - 1], new_line, *lines[s["line"]:]])
            tot["candidates"] += 1
            end = s["start"] + len(mutated)
            hit = any(f.code == FREE_CODE and f.line == s["line"] and s["start"] <= f.column < end
                      for f in checker.check_text(new_text, path=md.name))
            tot["detected"] += hit
            if not hit:
                notes.append(f"{md.name}:{s['line']} removal of {s['phrases']} not noticed: {_short(mutated)}")
    return tot, notes


# --- fact mode -----------------------------------------------------------------------------


def fact_files(facts: Path | None) -> dict[str, Path]:
    """Fact files by the article stem they were written for (file stem, or ``article:`` in the file)."""
    if facts is None or not facts.is_dir():
        return {}
    out = {}
    for p in sorted(facts.rglob("*.yaml")):
        if p.name == "sources.yaml":
            continue
        head = p.read_text(encoding="utf-8")[:4000]
        m = re.search(r"^(?:article|written_for|source_article):\s*['\"]?([\w.-]+?)(?:\.md)?['\"]?\s*$", head, re.MULTILINE)
        out[_key(m.group(1) if m else p.stem)] = p
    return out


def _key(stem: str) -> str:
    """Article and fact file stems compared without their separators ("02_the-block" = "02-the-block")."""
    return stem.replace("_", "-").lower()


def load_judgements(path: Path) -> dict[str, bool]:
    if not path.exists():
        return {}
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(k): bool(v) for k, v in data.items()}


MISSING_ATTRIBUTION = "no attribution names it"


def judge(f, key: str, spans: list[dict], judgements: dict[str, bool]) -> tuple[bool | None, str]:
    """A finding's verdict: from the hand-kept file, or, for a finding that says a figure's attribution
    is missing (P002), from the annotation made before any check ran: true when the annotators
    found the sentence unattributed, false when they found it attributed."""
    if key in judgements:
        return judgements[key], ""
    if f.code == "P002" and MISSING_ATTRIBUTION in f.message:
        s = span_at(spans, f.line, f.column)
        if s is not None and s["labels"]:
            return UNATTRIBUTED in s["labels"], ", by annotation"
    return None, ""


def finding_key(article: str, f) -> str:
    return f"{article}:{f.line}:{f.code}:{f.figure}"


_SIDE_SWAP = {"long": "short", "short": "long", "longs": "shorts", "shorts": "longs", "Long": "Short", "Short": "Long",
              "Longs": "Shorts", "Shorts": "Longs", "bullish": "bearish", "bearish": "bullish"}
_ASSET_SWAP = {"Bitcoin": "Ethereum", "Ethereum": "Bitcoin", "BTC": "ETH", "ETH": "BTC", "bitcoin": "ethereum", "ether": "bitcoin"}


def _swap_rx(table: dict[str, str]) -> re.Pattern:
    """A side or asset word standing alone: "long-term", "short-term" and "long-short" are not sides."""
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, table)) + r")(?![\w-])")


def _swap(sentence: str, table: dict[str, str]) -> str | None:
    rx = _swap_rx(table)
    m = rx.search(sentence)
    return None if m is None else sentence[: m.start()] + table[m.group(1)] + sentence[m.end():]


def _bump(fig: str) -> str | None:
    """The figure with its first significant digit changed (a typo an editor makes)."""
    m = re.search(r"[1-9]", fig)
    if m is None:
        return None
    d = int(m.group(0))
    return fig[: m.start()] + str(d + 2 if d <= 7 else d - 3) + fig[m.end():]


def mutations(sentence: str, traced: list[dict], checker_phrases) -> list[tuple[str, str]]:
    """(kind, mutated sentence) editor mistakes for one sentence with linked figures."""
    out = []
    figs = [t for t in traced if t["link"] in ("supported", "collapsed") and t["figure"] in sentence]
    for t in figs[:2]:
        b = _bump(t["figure"])
        if b:
            out.append(("value changed", sentence.replace(t["figure"], b, 1)))
        if t["low"] != t["high"]:
            m = re.match(r"(?:between\s+)?(\S+)", t["figure"])
            out.append(("range collapsed", sentence.replace(t["figure"], t["figure"].split(" to ")[-1].split(" and ")[-1], 1)))
    attr = re.search(r"(?:,\s*)?according to [^,.;]+|(?:,\s*)?per [A-Z][\w]+(?: data)?|\b[A-Z]\w+ data (?:shows?|showed|revealed|indicates?)(?: that)?", sentence)
    if attr:
        out.append(("attribution dropped", strip_phrases(sentence, [attr.group(0)])))
    if re.search(r"\ba single source\b|\bone source\b", sentence):
        out.append(("single source made plural", re.sub(r"\ba single source\b|\bone source\b", "several sources", sentence, count=1)))
    elif re.search(r"\baccording to ([A-Z]\w+)", sentence):
        out.append(("single source made plural", re.sub(r"\baccording to ([A-Z]\w+)", r"according to several sources, including \1,", sentence, count=1)))
    est = re.search(r"\b(?:an estimated|estimated|potential|could be liquidated|would be liquidated)\s*", sentence)
    if est:
        out.append(("estimate stated as realised", sentence[: est.start()] + sentence[est.end():]))
    for kind, table in (("side swapped", _SIDE_SWAP), ("asset swapped", _ASSET_SWAP)):
        for t in figs[:2]:
            sw = _swap_near(sentence, t["figure"], table)
            if sw:
                out.append((kind, sw))
                break
    return out


def _swap_near(sentence: str, figure: str, table: dict[str, str]) -> str | None:
    """Swap the side or asset word that qualifies ``figure``: the nearest one in its own clause
    (no comma, semicolon, colon or dash between), the mistake an editor makes; a word elsewhere
    in the sentence describes something else and is left alone."""
    at = sentence.find(figure)
    if at < 0:
        return None
    rx = _swap_rx(table)
    clause_start = max(sentence.rfind(c, 0, at) for c in ",;:—–") + 1
    end = len(sentence)
    for c in ",;:—–":
        j = sentence.find(c, at + len(figure))
        if j >= 0:
            end = min(end, j)
    best = None
    for m in rx.finditer(sentence, clause_start, end):
        if at <= m.start() < at + len(figure):
            continue
        if best is None or abs(m.start() - at) < abs(best.start() - at):
            best = m
    return None if best is None else sentence[: best.start()] + table[best.group(1)] + sentence[best.end():]


def fact_mode(checker: Checker, articles: list[Path], facts: Path | None, judgements: dict[str, bool]) -> tuple[dict, list[str]]:
    from writer.factbase.loader import load_event

    files = fact_files(facts)
    tot = {"articles": 0, "findings": 0, "judged_true": 0, "judged_false": 0, "unjudged": 0, "mutations": 0, "caught": 0, "info": 0}
    by_kind: dict[str, list[int]] = {}
    out: list[str] = []
    missed: list[str] = []
    for md in articles:
        fact_path = files.get(_key(md.stem))
        if fact_path is None:
            continue
        tot["articles"] += 1
        try:
            event = load_event(fact_path)
        except Exception as exc:  # noqa: BLE001 (a report, not a product path)
            out.append(f"- {md.name}: fact file {fact_path} does not load: {exc}")
            continue
        text = md.read_text(encoding="utf-8")
        findings = checker.check_text(text, path=md.name, event=event)
        out.append(f"\n#### {md.name} with `{fact_path.relative_to(ROOT) if fact_path.is_relative_to(ROOT) else fact_path}`\n")
        spans = sentence_spans(text, json.loads(md.with_name(md.stem + ".claims.json").read_text(encoding="utf-8")))
        for f in findings:
            key = finding_key(md.stem, f)
            if f.severity == "info":  # house style (P013), reported apart
                tot["info"] += 1
                out.append(f"- `{key}` (info, not judged): {f.message}")
                continue
            tot["findings"] += 1
            verdict, why = judge(f, key, spans, judgements)
            tot["judged_true" if verdict else ("judged_false" if verdict is False else "unjudged")] += 1
            mark = {True: "true", False: "false", None: "unjudged"}[verdict]
            out.append(f"- `{key}` ({mark}{why}): {f.message}")
        # editor mistakes, one at a time, on sentences whose figures link
        traced = checker.trace(text, path=md.name, event=event)
        lines = text.split("\n")
        seen = set()
        base = {(f.line, f.code, f.figure, f.message) for f in findings}
        for t in traced:
            if t["link"] not in ("supported", "collapsed") or t["sentence"] in seen:
                continue
            seen.add(t["sentence"])
            line = lines[t["line"] - 1]
            if t["sentence"] not in line:
                continue
            for kind, mutated in mutations(t["sentence"], [u for u in traced if u["line"] == t["line"]], checker.phrases):
                if mutated == t["sentence"]:
                    continue
                new_lines = list(lines)
                new_lines[t["line"] - 1] = line.replace(t["sentence"], mutated, 1)
                got = checker.check_text("\n".join(new_lines), path=md.name, event=event)
                caught = any(f.line == t["line"] and f.code.startswith("P") and (f.line, f.code, f.figure, f.message) not in base for f in got)
                tot["mutations"] += 1
                tot["caught"] += caught
                if not caught:
                    missed.append(f"- {md.name}:{t['line']} {kind} not caught: {_short(mutated, 160)}")
                by_kind.setdefault(kind, [0, 0])
                by_kind[kind][0] += 1
                by_kind[kind][1] += caught
    tot["by_kind"] = by_kind
    if missed:
        out += ["", "#### Editor mistakes not caught", ""] + missed
    return tot, out


# --- report --------------------------------------------------------------------------------


def update_section(path: Path, name: str, body: str) -> None:
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Provenance check on real articles\n"
    block = f"{start}\n{body.rstrip()}\n{end}"
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end):]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def ratio(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.2f}" if b else "n/a"


def fact_free_table(free: dict, rem: dict) -> list[str]:
    """The fact-free measures as a Markdown table (this script's and eval_heldout's reports)."""
    return [
        "| measure | value |",
        "|---|---|",
        f"| recall on `unattributed` sentences | {ratio(free['found'], free['positives'])} |",
        f"| precision of flagged sentences | {ratio(free['flagged_ok'], free['flagged'])} |",
        f"| flagged sentences annotated as attributed | {free['fp_attributed']} |",
        f"| flagged sentences not annotated as claims | {free['fp_unannotated']} |",
        f"| flagged sentences labelled only `derived` (not counted) | {free['flagged_derived']} |",
        f"| recall on `unattributed` figures | {ratio(free['figures_found'], free['figures'])} |",
        f"| removed attribution or caveat noticed | {ratio(rem['detected'], rem['candidates'])} |",
    ]


def default_shared() -> Path:
    """``../shared`` beside the checkout (or beside the worktrees' parent folder)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared").is_dir():
            return base / "shared"
    return ROOT.parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=default_shared())
    ap.add_argument("--facts", type=Path, default=ROOT / "factbase" / "corpus", help="folder of fact files written for the corpus articles")
    ap.add_argument("--judgements", type=Path, default=ROOT / "bench" / "results" / "corpus_judgements.yaml")
    ap.add_argument("--write", type=Path, default=None, help="update this Markdown results file")
    ap.add_argument("--section", default="corpus", help="section name in the results file")
    args = ap.parse_args()
    articles = sorted((args.shared / "seeds").glob("[0-9][0-9][0-9]_*.md")) + sorted((args.shared / "corpus").glob("[0-9][0-9]_*.md"))
    if not articles:
        print(f"no articles under {args.shared}/seeds or {args.shared}/corpus", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    checker = Checker()
    free, free_notes = fact_free(checker, articles)
    rem, rem_notes = removals(checker, articles)
    fm, fm_notes = fact_mode(checker, articles, args.facts, load_judgements(args.judgements))
    elapsed = time.perf_counter() - t0
    judged = fm["judged_true"] + fm["judged_false"]
    lines = [
        f"## {len(articles)} articles (`seeds/` and `corpus/`), fact-free mode",
        "",
        "Command: `python bench/eval_corpus.py --write bench/results/corpus.md`",
        "",
        *fact_free_table(free, rem),
        "",
        "## Fact mode",
        "",
    ]
    if fm["articles"]:
        lines += [
            f"Articles with a fact file in `{args.facts}`: {fm['articles']}.",
            "",
            "| measure | value |",
            "|---|---|",
            f"| findings on the original articles (errors and warnings) | {fm['findings']} |",
            f"| `info` findings (P013, house style: the only source not said to be the only one), not judged | {fm['info']} |",
            f"| precision (judged true / judged) | {ratio(fm['judged_true'], judged)} |",
            f"| findings not yet judged | {fm['unjudged']} |",
            f"| editor mistakes caught | {ratio(fm['caught'], fm['mutations'])} |",
            *[f"| — {k} | {ratio(v[1], v[0])} |" for k, v in sorted(fm["by_kind"].items())],
            "",
        ]
    else:
        lines += [f"No fact files found in `{args.facts}`: fact mode not evaluated.", ""]
    lines += [f"Run time {elapsed:.1f} s.", ""]
    notes = free_notes + rem_notes
    if notes:
        lines += ["### Misses and false positives (fact-free)", ""] + [f"- {n}" for n in notes] + [""]
    if fm_notes:
        lines += ["### Fact-mode findings", ""] + fm_notes + [""]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write:
        written = [redact(line) if line.startswith("- ") else line for line in lines]
        update_section(args.write, args.section, "\n".join(written) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
