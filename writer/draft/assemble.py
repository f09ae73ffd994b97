"""From rendered sections with tokens to Markdown, HTML and the claim map.

Caveats are placed here, not in templates: the text is split into sentences
(tokens are opaque, so a "$1.45" inside a figure never ends one), and in each
sentence (or paragraph, per the style's ``attribution_scope``) the first
figure of every run from the same source and status gets its caveat unless a
lead-in in that scope already covers it.

With ``attribution_scope: run`` a sentence whose figures all share the
source and status of the sentence before it, in the same paragraph, is
covered by that sentence's attribution ("According to a single source,
CoinGlass, ether lost $102 million. Bitcoin lost $83.3 million."): the
check's ``Analysis.run_opening`` accepts exactly such runs, for the statuses
in its ``RUN_STATUSES``. The drafter keeps a run narrower than the check
allows: it ends at any sentence without figures, with another source's
figure or with an attribution of its own, so every run it writes is one
the check reads as a run. Fact-file text is escaped for each output format
only when the tokens are expanded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from writer.check.scope import RUN_STATUSES
from writer.check.sentences import sentence_bounds
from writer.draft.layer import HEADLINE_SECTIONS, TOKEN_OPEN, TOKEN_RE, Piece, Render, Span, span_index
from writer.mdtext import md_escape

_TOKEN_START = TOKEN_OPEN  # a sentence may open with a figure still held as a placeholder
_BULLET = re.compile(r"^(\s*[-*] (?:\*\*[^*\n]+\*\*\s*)?)")


@dataclass
class Sentence:
    section: str
    start: int  # in the tokenised section text
    end: int
    block: int
    spans: list[int] = field(default_factory=list)


@dataclass
class Section:
    name: str
    template: str
    text: str  # tokenised Markdown of the section
    heading: str = ""


_BLOCK_GAP = re.compile(r"\n\s*\n")  # a blank line (spaces allowed) between two blocks


def _blocks(text: str):
    """Each block of ``text`` with its offset: the parts ``re.split`` on blank lines gives, where they start."""
    pos = 0
    for gap in _BLOCK_GAP.finditer(text):
        yield pos, text[pos:gap.start()]
        pos = gap.end()
    yield pos, text[pos:]


def split_sentences(section: Section, block_base: int) -> list[Sentence]:
    out: list[Sentence] = []
    text = section.text
    block = block_base
    for start_block, raw_block in _blocks(text):
        next_line = start_block
        for line in raw_block.split("\n"):
            lstart, next_line = next_line, next_line + len(line) + 1
            m = _BULLET.match(line)
            if line.startswith("#"):
                body_start = lstart + len(line) - len(line.lstrip("# "))
            else:
                body_start = lstart + (m.end() if m else 0)
            body = text[body_start:lstart + len(line)]
            if not body.strip():
                continue
            if m and line.startswith(("- ", "* ")) and not line.startswith("-  "):
                block += 1  # each bullet is its own paragraph for attribution scope
            bounds = [(0, len(body))] if line.startswith("#") else sentence_bounds(body, starts=_TOKEN_START)
            tokens = TOKEN_OPEN in body
            for a, b in bounds:
                s = Sentence(section.name, body_start + a, body_start + b, block)
                if tokens:
                    s.spans = [span_index(t) for t in TOKEN_RE.finditer(body, a, b)]
                out.append(s)
        block += 1
    return out


@dataclass
class Resolved:
    """Per span: the pieces that replace its token (the figure plus any caveat the assembler added)."""

    pieces: dict[int, list[Piece]]
    caveat_at: dict[int, int]  # span index -> index in its pieces where the added caveat starts
    carrier: dict[int, int] = field(default_factory=dict)  # figure -> the earlier figure of its run whose caveat covers it
    run_from: dict[int, int] = field(default_factory=dict)  # figure -> the sentence (index) whose attribution opens its run


def resolve(sections: list[Section], spans: list[Span], render: Render, scope: str) -> tuple[Resolved, list[Sentence]]:
    sentences: list[Sentence] = []
    block = 0
    for sec in sections:
        found = split_sentences(sec, block)
        sentences.extend(found)
        block = (found[-1].block + 1) if found else block + 1
    pieces: dict[int, list[Piece]] = {i: list(span.pieces) for i, span in enumerate(spans)}
    caveat_at: dict[int, int] = {}
    carrier: dict[int, int] = {}
    run_from: dict[int, int] = {}
    run_of = _runs(sentences, spans) if scope == "run" else {}
    # Group sentences into attribution scopes.
    scopes: dict[tuple, list[Sentence]] = {}
    for i, s in enumerate(sentences):
        if not s.spans:  # most sentences: nothing to cover or place
            continue
        if i in run_of:
            for j in s.spans:
                if spans[j].kind == "fig":
                    run_from[j] = run_of[i]
            continue
        key = (s.section, s.block) if scope == "paragraph" else (s.section, i)
        scopes.setdefault(key, []).append(s)
    for group in scopes.values():
        covered = {k for s in group for i in s.spans if spans[i].kind == "lead" for k in spans[i].keys}
        given: dict = {}
        for s in group:
            for i in s.spans:  # (each token is in one sentence: its pieces are still the fresh copy made above)
                span = spans[i]
                if span.kind != "fig":
                    continue
                key = span.keys[0]
                if span.ref == "covered" or key in covered:
                    continue
                if key in given:
                    carrier[i] = given[key]
                    continue
                given[key] = i
                ours_named = span.fact.is_derived and any(k[0].startswith("derived_") and k[1] == key[1] for k in covered)
                cav = [Piece("lit", " ", "caveat")] + render.caveat_pieces(span.fact, headline=span.section in HEADLINE_SECTIONS,
                                                                           named=ours_named)
                caveat_at[i] = len(pieces[i])
                pieces[i] = pieces[i] + cav
    _ours_once(sentences, spans, pieces, render)
    resolved = Resolved(pieces, caveat_at, carrier, run_from)
    _polish(sections, resolved, sentences, render.style.names.get("after_at", {}), spans)
    return resolved, sentences


def _runs(sentences: list[Sentence], spans: list[Span]) -> dict[int, int]:
    """Sentences covered by the attribution of an earlier one: sentence index -> the run's opening.

    A sentence opens a run when its figures all share one source and status (one attribution key)
    of a status in RUN_STATUSES and nothing else in it names a source; the next sentences of the
    same paragraph whose figures share that key, and that name no source themselves, belong to the run.
    """
    out: dict[int, int] = {}
    where, key, opening = None, None, None
    for i, s in enumerate(sentences):
        if (s.section, s.block) != where:
            where, key, opening = (s.section, s.block), None, None
        if not s.spans:  # no figure: it opens no run and ends the one before
            key, opening = None, None
            continue
        figs = [spans[j] for j in s.spans if spans[j].kind == "fig"]
        keys = {f.keys[0] for f in figs} | {k for j in s.spans if spans[j].kind == "lead" for k in spans[j].keys}
        names = any(spans[j].kind == "gap" or (spans[j].kind == "text" and spans[j].sources) for j in s.spans)
        leads = any(spans[j].kind == "lead" for j in s.spans)
        plain = figs and not names and not any(f.ref == "covered" for f in figs) and s.section not in HEADLINE_ONLY
        if plain and key is not None and keys == {key} and not leads:
            out[i] = opening
            continue
        if plain and len(keys) == 1 and next(iter(keys))[0] in RUN_STATUSES:
            key, opening = next(iter(keys)), i
        else:
            key, opening = None, None
    return out


HEADLINE_ONLY = frozenset({"headline"})  # the headline is one sentence with its own short caveat


def _ours_once(sentences: list[Sentence], spans: list[Span], pieces: dict[int, list[Piece]], render: Render) -> None:
    """Our calculation from a set of sources' figures is told in full ("by our calculation from the ranges reported
    by CoinGlass and CoinAnk, which differ") once per article, the first time it is printed; after that the article
    has said whose figures they are, and each later one says only whose calculation it is ("by our own
    calculation"). Done here, on the article in print order: a template may render a phrasing it then drops."""
    told: set[tuple] = set()
    for s in sentences:
        for i in s.spans:
            span = spans[i]
            if not span.ref.startswith("ours-"):
                continue
            key = (span.status, span.sources)
            if key in told:
                pieces[i] = render.ours_named(aside=span.ref == "ours-aside")
            told.add(key)


def _polish(sections: list[Section], resolved: Resolved, sentences: list[Sentence], after_at: dict[str, str], spans: list[Span]) -> None:
    """Capitalise a token that opens a sentence; drop a lead's comma before punctuation; reword a
    bound that follows the sentence's own "at" (style ``after_at``: never "at at least")."""
    starts = {(s.section, s.start) for s in sentences}
    for sec in sections:
        for m in TOKEN_RE.finditer(sec.text):
            idx = span_index(m)
            pieces = resolved.pieces.get(idx)
            if not pieces:
                continue
            if (sec.name, m.start()) in starts or sec.text[max(0, m.start() - 4):m.start()].endswith(("- **", "\n**")) or m.start() == 0:
                if spans[idx].opening:  # a headline's closing attribution opening it instead: its body form
                    pieces = list(spans[idx].opening)
                pieces = _capitalise(pieces)
            elif after_at and _AFTER_AT.search(sec.text[max(0, m.start() - _AT_WINDOW):m.start()]):
                pieces = _reword_bound(pieces, after_at)
            nxt = sec.text[m.end():m.end() + 1]
            aside = sec.text[m.end():m.end() + 2] == " ("  # a closing lead before its figure's aside: "modelled by X (note)"
            if (nxt in (".", ",", ";", ":", ")", "", "\n") or aside) and pieces[-1].text.endswith(","):
                last = pieces[-1]
                pieces = pieces[:-1] + [Piece(last.kind, last.text[:-1], last.role)]
            resolved.pieces[idx] = pieces


_AFTER_AT = re.compile(r"(?<![\w-])at $")  # the sentence's own "at" right before a figure
_AT_WINDOW = 4  # " at " and the character before it: enough to tell "at" from "flat"


def _reword_bound(pieces: list[Piece], after_at: dict[str, str]) -> list[Piece]:
    """The figure's opening bound words swapped for their ``after_at`` wording ("at least 5" -> "no less than 5")."""
    out = list(pieces)
    for j, p in enumerate(out):
        if p.text.strip():
            for bound, words in after_at.items():
                if p.text.startswith(bound + " "):
                    out[j] = Piece(p.kind, words + p.text[len(bound):], p.role)
            break
    return out


# A word written with a capital after its lower-case opening keeps its case at a sentence's start: a ticker as the
# market writes it ("stETH's fall", "vBNB"), never "StETH" or "WBTC" (another coin).
_CAMEL = re.compile(r"[a-z]+[A-Z0-9]")


def _capitalise(pieces: list[Piece]) -> list[Piece]:
    out = list(pieces)
    for j, p in enumerate(out):
        if p.text.strip():
            stripped = p.text.lstrip()
            if _CAMEL.match(stripped):
                break
            out[j] = Piece(p.kind, p.text[: len(p.text) - len(stripped)] + stripped[:1].upper() + stripped[1:], p.role)
            break
    return out


@dataclass
class Expanded:
    text: str
    positions: list[tuple[int, int]]  # (tokenised offset, output offset) at every segment start
    span_ranges: dict[int, tuple[int, int]]  # span index -> (start, end) in output
    figure_ranges: dict[int, tuple[int, int]]  # span index -> range of the figure text only
    caveat_ranges: dict[int, tuple[int, int]]

    def __post_init__(self) -> None:
        self._starts = [t for t, _ in self.positions]  # the tokenised offsets alone, for bisecting

    def map(self, tok_offset: int) -> int:
        """The output offset of a tokenised offset (after the last segment starting at or before it)."""
        i = bisect_right(self._starts, tok_offset) - 1
        t0, o0 = self.positions[i]
        return o0 + (tok_offset - t0)


def segments(text: str, resolved: Resolved):
    """Segments of a tokenised text: (tok_start, tok_end, span index or None, pieces or literal)."""
    pos = 0
    for m in TOKEN_RE.finditer(text):
        if m.start() > pos:
            yield pos, m.start(), None, text[pos:m.start()]
        idx = span_index(m)
        yield m.start(), m.end(), idx, resolved.pieces.get(idx, [])
        pos = m.end()
    if pos < len(text):
        yield pos, len(text), None, text[pos:]


def expand_markdown(text: str, resolved: Resolved, base: int = 0) -> Expanded:
    out: list[str] = []
    length = base
    positions: list[tuple[int, int]] = []
    span_ranges, figure_ranges, caveat_ranges = {}, {}, {}
    for t0, t1, idx, content in segments(text, resolved):
        positions.append((t0, length))
        if idx is None:
            out.append(content)
            length += len(content)
            continue
        start = length
        cav_at = resolved.caveat_at.get(idx)
        for j, p in enumerate(content):
            s = md_escape(p.text) if p.kind == "text" else p.text
            if j == cav_at:
                caveat_ranges[idx] = (length, length)
            if p.kind == "fig":  # from the first figure piece to the last (a range and the average beside it)
                figure_ranges[idx] = (figure_ranges[idx][0] if idx in figure_ranges else length, length + len(s))
            out.append(s)
            length += len(s)
        if idx in caveat_ranges:
            caveat_ranges[idx] = (caveat_ranges[idx][0], length)
        span_ranges[idx] = (start, length)
        positions.append((t1, length))
    positions.append((len(text), length))
    return Expanded("".join(out), positions, span_ranges, figure_ranges, caveat_ranges)


def expand_html(rendered_html: str, resolved: Resolved, spans: list[Span], registry_names) -> str:
    """Replace tokens in markdown-it's HTML with escaped text and figure elements carrying their provenance."""
    import html  # here: only the HTML page needs it (its entity table is about 2 CPU-ms of a cold Markdown draft)

    def repl(m: re.Match) -> str:
        idx = span_index(m)
        span = spans[idx]
        pieces = resolved.pieces.get(idx, [])
        cav_at = resolved.caveat_at.get(idx)
        out = []
        for j, p in enumerate(pieces):
            if j == cav_at:
                out.append(f'<span class="caveat" data-fact="{html.escape(span.fact.id)}">')
            if p.kind == "fig":
                out.append(
                    f'<span class="figure" data-fact="{html.escape(span.fact.id)}" data-status="{html.escape(span.status)}"'
                    f' data-sources="{html.escape(" ".join(span.sources))}" title="{html.escape(registry_names(span.sources))}">'
                    f"{html.escape(p.text)}</span>"
                )
            else:
                out.append(html.escape(p.text))
        if cav_at is not None and cav_at < len(pieces):
            out.append("</span>")
        if span.kind == "lead":
            return f'<span class="attribution" data-status="{html.escape(span.status)}">{"".join(out)}</span>'
        if span.kind == "gap":
            return f'<span class="gap" data-fact="{html.escape(span.fact.id)}" data-status="unavailable">{"".join(out)}</span>'
        return "".join(out)

    return TOKEN_RE.sub(repl, rendered_html)
