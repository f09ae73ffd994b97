"""The draft's own provenance check, run on every draft before it is returned.

It does not trust the assembler: it re-reads the resolved sentences and asks
what a desk editor would ask. Does every figure's sentence (or paragraph,
per the style's scope; or, for a figure in a run, its sentence and the
sentence opening the run) carry the wording its status requires and name its
sources? Is a word banned for that status used? Did any digit reach the page
outside the provenance layer? Is there a "None", "nan", "{{", "()" or a
dangling "according to"? A failure names the template and line to fix.
"""

from __future__ import annotations

import re

from writer.check.scope import RUN_STATUSES
from writer.draft.assemble import Resolved, Section, Sentence
from writer.draft.layer import TOKEN_OPEN, TOKEN_RE, Span, caveat_kind, span_index
from writer.draft.style import Style
from writer.errors import DraftError
from writer.factbase.records import Event

_DIGIT = re.compile(r"\d")
# Debris: (expression, what it is, text one of which every match holds, in lower case for an
# expression that ignores case; empty: always searched). Searching every sentence with all seven
# expressions was half of the self-check; an expression whose text occurs nowhere in a sentence
# (a plain substring test, far cheaper than a search) cannot match there, so it is skipped. The
# needles avoid letters that IGNORECASE matches beyond their lower case ("i" matches "ı", "s" "ſ",
# "k" the Kelvin sign); tests/test_draft_fast_paths.py holds every needle to its expression.
_DEBRIS = [
    (re.compile(r"\bNone\b"), "'None'", ("None",)),
    (re.compile(r"\bnan\b", re.IGNORECASE), "'nan'", ("nan",)),
    (re.compile(r"\{\{|\}\}|\{%|%\}"), "template syntax", ("{{", "}}", "{%", "%}")),
    (re.compile(r"\(\s*\)"), "empty parentheses", ("(",)),
    (re.compile(r"\baccording to\s*(?:[.,;:)]|$)", re.IGNORECASE), "a dangling 'according to'", ("ccord",)),
    (re.compile(r"\s[,.;:](?!\d)"), "a space before punctuation", ()),
    (re.compile(r"[,;:]\s*\."), "doubled punctuation", ()),
]


_DEBRIS_PLAN = [(rx, what, needles, bool(rx.flags & re.IGNORECASE)) for rx, what, needles in _DEBRIS]  # flags read once: a RegexFlag test costs microseconds


def first_debris(text: str) -> tuple[str, re.Match] | None:
    """The first debris of _DEBRIS in ``text`` and its match, searching only where its needle occurs."""
    lowered = None
    for rx, what, needles, blind in _DEBRIS_PLAN:
        if needles:
            if blind and lowered is None:
                lowered = text.lower()
            within = lowered if blind else text
            for needle in needles:
                if needle in within:
                    break
            else:
                continue
        m = rx.search(text)
        if m:
            return what, m
    return None


def template_line(source: str, snippet: str) -> int:
    """The line of ``source`` holding ``snippet`` (best effort, for literal template text)."""
    snippet = snippet.strip()
    for probe in (snippet, snippet[:40], snippet[-40:]):
        if probe and probe in source:
            return source[: source.index(probe)].count("\n") + 1
    return 0


class SelfCheck:
    def __init__(self, style: Style, sources_of_template: dict[str, str]):
        self.style = style
        self.sources_of_template = sources_of_template  # template name -> source text

    def fail(self, message: str, template: str, line: int, event: Event) -> DraftError:
        return DraftError(message, template=template, line=line, event=event.id)

    def run(self, event: Event, sections: list[Section], spans: list[Span], resolved: Resolved, sentences: list[Sentence]) -> None:
        by_section = {s.name: s for s in sections}
        texts: dict[int, tuple[str, str]] = {}
        for i, sent in enumerate(sentences):
            texts[i] = self.sentence_texts(by_section[sent.section].text[sent.start:sent.end], resolved)
        self.literal_digits(event, sections, resolved, spans)
        scopes: dict[tuple, list[int]] = {}
        for i, sent in enumerate(sentences):
            key = (sent.section, sent.block) if self.style.scope == "paragraph" else (sent.section, i)
            scopes.setdefault(key, []).append(i)
        passed: set[tuple] = set()  # the wording checks already passed (one sentence often gives two figures of one source)
        for members in scopes.values():
            scope_text = None  # joined when a figure in the scope needs it (most sentences hold none)
            for i in members:
                full, ours = texts[i]
                for idx in sentences[i].spans:
                    span = spans[idx]
                    if span.kind != "fig":
                        continue
                    if scope_text is None:
                        scope_text = " ".join(texts[k][0] for k in members)
                    opening = resolved.run_from.get(idx)
                    if opening is None:
                        self.wording(event, span, scope_text, ours, passed, sentences[i].section == "headline")
                        continue
                    # covered by its run's opening: that sentence must carry the wording, for a status a run may cover
                    if caveat_kind(span.fact) not in RUN_STATUSES or sentences[opening].block != sentences[i].block or opening >= i:
                        raise self.fail(f"figure {span.fact.id} ({caveat_kind(span.fact)}) is left to the attribution of another sentence, "
                                        "which only a run of single-source, multi-source, official or unnamed-group figures allows",
                                        span.template, span.line, event)
                    self.wording(event, span, scope_text + " " + texts[opening][0], ours, passed)
                found = first_debris(full)
                if found:
                    what, m = found
                    sec = sections[[s.name for s in sections].index(sentences[i].section)]
                    src = self.sources_of_template.get(sec.template, "")
                    raise self.fail(f"{what} in the sentence {full.strip()!r}", sec.template, template_line(src, full[max(0, m.start() - 20):m.end() + 20]), event)

    def sentence_texts(self, tokenised: str, resolved: Resolved) -> tuple[str, str]:
        """The sentence as printed, and the same with fact-file text blanked (for banned-word checks)."""
        if TOKEN_OPEN not in tokenised:  # nothing to expand: both are the sentence as written
            return tokenised, tokenised
        full, ours = [], []
        pos = 0
        for m in TOKEN_RE.finditer(tokenised):
            full.append(tokenised[pos:m.start()])
            ours.append(tokenised[pos:m.start()])
            for p in resolved.pieces.get(span_index(m), []):
                full.append(p.text)
                ours.append("\u2063" if p.kind == "text" else p.text)
            pos = m.end()
        full.append(tokenised[pos:])
        ours.append(tokenised[pos:])
        return "".join(full), "".join(ours)

    def wording(self, event: Event, span: Span, scope_text: str, sentence_ours: str, passed: set | None = None,
                headline: bool = False) -> None:
        """The figure's required wording and source names in its scope, and no word banned for its status in its
        sentence. ``passed``: the checks of this draft already passed, each by what it reads (a figure of the same
        kind, status and sources in the same scope and sentence passes them too); this one is added to it.
        ``headline``: a status the style words otherwise in a headline (``required_in_headline``) needs that wording,
        and its sources named there."""
        fact = span.fact
        kind = caveat_kind(fact)
        key = (kind, fact.is_derived, fact.status, fact.sources, scope_text, sentence_ours)
        if passed is not None and key in passed:
            return
        required = self.style.required
        own = headline and fact.status.value in self.style.required_in_headline
        if own:
            required = {**required, fact.status.value: self.style.required_in_headline[fact.status.value]}
        needs = list(required.get(kind, []))
        if fact.is_derived:
            needs = list(required.get("derived", [])) + list(required.get(fact.status.value, []))
        for rx in needs:
            if not rx.search(scope_text):
                raise self.fail(
                    f"figure {fact.id} ({fact.status.value}{', derived' if fact.is_derived else ''}) lacks the wording /{rx.pattern}/ in its {self.style.scope}",
                    span.template, span.line, event,
                )
        if fact.status.value in ("single_source", "multi_source", "official", "disputed", "estimate", "pending_verification") or own:
            for s in fact.sources:
                source = event.registry.sources.get(s)
                if event.source_name(s) not in scope_text and (source is None or source.single_name not in scope_text):
                    raise self.fail(f"figure {fact.id}: its source {event.source_name(s)!r} is not named in its {self.style.scope}", span.template, span.line, event)
        for rx in self.style.banned.get(fact.status.value, []):
            m = rx.search(sentence_ours)
            if m:
                raise self.fail(f"figure {fact.id} is {fact.status.value}: the word {m.group(0)!r} is banned in its sentence", span.template, span.line, event)
        if passed is not None:
            passed.add(key)

    def literal_digits(self, event: Event, sections: list[Section], resolved: Resolved, spans: list[Span]) -> None:
        for sec in sections:
            if _DIGIT.search(sec.text) is None:  # a token holds no digit (private-use characters): nothing to blank
                continue
            literal = TOKEN_RE.sub("\u2063", sec.text)
            m = _DIGIT.search(literal)
            if m:
                line_text = literal[literal.rfind("\n", 0, m.start()) + 1:].split("\n", 1)[0]
                src = self.sources_of_template.get(sec.template, "")
                snippet = max(line_text.split("\u2063"), key=len)
                raise self.fail(
                    f"a number printed outside the provenance layer: {line_text.strip()!r} (print figures with fig())",
                    sec.template, template_line(src, snippet), event,
                )
        for idx, pieces in resolved.pieces.items():
            for p in pieces:
                if p.kind == "lit" and _DIGIT.search(p.text):
                    span = spans[idx]
                    raise self.fail(f"a digit in house wording {p.text!r}", span.template, span.line, event)
