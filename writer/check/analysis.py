"""An article read for checking: sentences, figures, and what is in scope of each figure.

"In scope" is the rule DESIGN §2 sets for every caveat: the figure's own
sentence, or an explicit note that covers the run of figures it sits in (a
"Data caveat:" bullet, a sentence that says "the above figures come from a
single source"). A paragraph that opens with an attribution is such a note
too: "According to a single source, CoinGlass, ether lost $102 million.
Bitcoin lost $83 million." gives CoinGlass's figures as one run, attributed
once (DESIGN §3). ``run_opening`` reads that run for the fact-mode rules:
a figure whose own sentence names no source is covered by the nearest
earlier sentence of its paragraph that names a source as a source, provided
no sentence between them brings an attribution or caveat of its own (another
source, "according to", an estimate, a rumour: any of those ends the run).
The opening's wording counts for the figure as if it were in its sentence
("single source" there covers the run), but only for the statuses in
``RUN_STATUSES`` (writer/check/scope.py): an estimate, a rumour or a figure pending verification
still says so in its own sentence. A caveat *after* the figures covers them
only when it says so ("the figures above"). The fact-free rules, which only
ask whether the text gives any provenance at all, accept more (``carry``):
any earlier caveat of the paragraph.

Markers and source names are read per sentence on first use: most sentences
of an article hold no figure and are never asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from writer.check import anaphora, captions, cause_names, credit_places, datelines, described_groups, labels
from writer.check.casefold import lower_pattern, lowered
from writer.check.document import Article, Block
from writer.check.lazyre import Deferred
from writer.check.figures import Figure, joins_ends
from writer.check.frames import verb_forms
from writer.check.phrasefile import phrase_section
from writer.check.phrases import PhraseSet, _compile
from writer.check.tails import last_word
from writer.factbase.records import ONE_SOURCE, SINGLE_SOURCE

CAVEAT_CLASSES = frozenset({"attribution", "single_source", "rumor", "pending", "estimate", "disagreement"})


def blank_spans(text: str, spans) -> str:
    """``text`` with each (start, end) span replaced by spaces, every offset kept."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def credited_outside(phrases, text: str, spans) -> bool:
    """Does ``text`` still hold a caveat phrase or an attribution frame once the spans are blanked? (A credit or hedge
    that reaches only part of a sentence, a quotation, a relative clause, a rumour told as a cause, leaves the rest
    of the sentence to be credited by something else.)"""
    rest = blank_spans(text, spans)
    return bool(phrases.classes_in(rest) & CAVEAT_CLASSES) or bool(phrases.framed(rest))
_ATTRIBUTION = frozenset({"attribution"})
NOTE_CLASSES = frozenset({"note_backward", "note_run", "note_forward", "note_label", "note_article"})
_NOTE_RUN = frozenset({"note_run"})
_OVERSTATED = frozenset({"overstated"})  # the one marker class ``classes`` may drop (a negated "confirmed")
# What may stand before a note's opening words: space, quotes, brackets, a list or emphasis mark.
_OPENING_MARKS = " \t\n\"'“‘([*_-–—"
# What lets an earlier sentence of a paragraph cover the figures after it: naming their source or
# qualifying them. "Reported figures differ" alone says nothing of whose the next figure is.
RUN_OPENING = CAVEAT_CLASSES - {"disagreement"}
# What an estimate rests on, and where a rumour circulates (DESIGN §2: "and from what", "where it circulates").
_BASIS = Deferred(globals(), r"heat ?maps?|\bmaps?\b|liquidation charts?|model(?:l)?(?:ed|s)?\b|extrapolat\w*|position data|order[- ]book|derivatives data",
                  re.IGNORECASE)  # ("the same CoinGlass map indicates": a map of liquidation levels is a heat map)
_CIRCULATES = Deferred(globals(), r"social media|\bon X\b|posts on|telegram|forums?|community|chatter|circulat\w+ (?:in|on|among)", re.IGNORECASE)
_PAREN = re.compile(r"\([^()]*\)")
# A sentence that introduces what follows it: "... are below", "the table below", "the following", "here is the split"
_POINTS_BELOW = Deferred(globals(), r"\b(?:below|the\s+following|as\s+follows|here\s+(?:is|are)|here['’]s)\b", re.IGNORECASE)
# A figure that points back at one already given: "this $X", "the same X", "the $X total".
_BACK_BEFORE = Deferred(globals(), r"\b(?:this|that|these|those|the\s+same|the\s+aforementioned|the\s+above|said)\s+(?:(?:approximately|about|around|roughly|nearly|over|some)\s+)?$", re.IGNORECASE)
_THE_BEFORE = Deferred(globals(), r"\bthe\s+(?:(?:approximately|about|around|roughly|nearly|over|some)\s+)?$", re.IGNORECASE)
_BACK_AFTER = Deferred(globals(), r"^\s*(?:figure|total|tally|sum|amount|loss|losses|wipeout|flush|number)\b", re.IGNORECASE)


_DEFINITE = re.compile(r"the\s", re.IGNORECASE)


# "that" as a conjunction, not a demonstrative: after "so <word>" or "such <word>" ("so large that $750 million ..."), a
# verb's past or participle ("found that", "showing that") or a reporting verb's present ("shows that", "says that").
_CONJUNCTION_THAT = Deferred(globals(), r"(?:\b(?:so|such(?:\s+an?)?)\s+[\w-]+|\b[\w-]+(?:ed|ing)|\b(?:says|said|shows|notes|reveals|"
                                        r"suggests|indicates|means|estimates|reports|claims|adds|argues|believes|thinks|found|saw|"
                                        r"knew|told|wrote|thought)),?\s+that\s+$", re.IGNORECASE)


def _refers_back(fu) -> bool:
    if _BACK_BEFORE.search(fu.left):
        return not (fu.left.rstrip().lower().endswith("that") and _CONJUNCTION_THAT.search(fu.left))
    return bool(_THE_BEFORE.search(fu.left) and _BACK_AFTER.match(fu.right))


def _sentence_part(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the part of a sentence's ``text`` that holds offset ``at``: cut at ``_PART_CUT``, a pair of
    dashes around an aside cutting nothing (a semicolon between them unpairs them)."""
    cuts, kept, i = list(_PART_CUT.finditer(text)), [], 0
    while i < len(cuts):
        if ";" not in cuts[i].group() and i + 1 < len(cuts) and ";" not in cuts[i + 1].group():
            i += 2  # an aside: "— from $2,000 to $2,800 —"
            continue
        kept.append(cuts[i])
        i += 1
    lo = max((m.end() for m in kept if m.end() <= at), default=0)
    hi = min((m.start() for m in kept if m.start() >= at), default=len(text))
    return lo, hi


@lru_cache(maxsize=1)
def _carry_words() -> dict[str, re.Pattern]:
    """phrases.yaml ``carry``: the words of liquidation data and of market context, for lowered text (compiled
    as the marker classes are: writer/check/phrases.py ``_compile``)."""
    section = phrase_section("carry")
    return {k: _compile(section[k], 0, fold=True, scan=True) for k in ("liquidations", "context", "hearsay", "price_move", "forecast")}


# A "Name:" label opens its block: only the first few characters (markup blanked to spaces) may precede it.
_LABEL_REACH = 64
# Where a figure's own clause ends: words after these belong to the next figure.
# (the lookahead names every alternative's first character, so they are not all tried at every
# character: the same matches, faster; tests/test_check_regex_filters.py)
_CLAUSE_END_SOURCE = r"(?=[,;:(—–abw])(?:,|;|:|\(|\bwhile\b|\band\b|\bwith\b|\bbut\b|\bwhereas\b|\bas\b|\bamid\b|\bafter\b|\bbefore\b|—|–)"
_CLAUSE_END = Deferred(globals(), _CLAUSE_END_SOURCE, re.IGNORECASE)
_CLAUSE_END_FOLDED = Deferred(globals(), lower_pattern(_CLAUSE_END_SOURCE))
# Where a clause of a sentence ends, for what a hearsay hedge governs (``Analysis.hearsay``): a comma, semicolon or
# colon before a space (not a thousands comma), a bracket, a dash between spaces or an em dash (not a range's en
# dash). Conjunctions are no cut: "... and a fund is said to have lost $X" keeps its hedge.
_HEARSAY_CUT = Deferred(globals(), r"[,;:](?=\s)|[()]|\s[—–-]\s|—")
# Where a part of a sentence ends for what a hearsay hedge credits (``Analysis.hearsay_credited``): a semicolon, or a
# dash between spaces or an em dash (not a range's en dash), save two dashes that set an aside off inside one part
# ("Ether jumped 40% — from $2,000 to $2,800 — and a fund reportedly made $9 million": one part).
_PART_CUT = Deferred(globals(), r"\s*(?:;|\s[—–-]\s|—)\s*")
# A clause that is the hedge alone (the sentence's adverb): nothing else but marks, spaces, and "it".
_ADVERB_ONLY = Deferred(globals(), r"^[\W_]*(?:it\b[\W_]*)?$", re.IGNORECASE)


def _clause_end(text: str, marks, at: int) -> int:
    """Where the clause going on at ``at`` ends: the next mark, past an aside in brackets that opens inside it ("was
    said to have sold 5,000 coins (a tenth of its float) to a desk and bought $40 million back": the
    clause goes on after the aside)."""
    inside = False
    for c in marks:
        if c.start() < at:
            continue
        if c.group(0) == "(":
            inside = True
        elif c.group(0) == ")" and inside:
            inside = False
        elif not inside:  # (a closing bracket with none opened after ``at``: the clause is itself an aside)
            return c.start()
    return len(text)


# Units of a figure that compares two others ("7-to-1", "twice"): no new kind of figure in a run (``_gives_measures``).
_COMPARISONS = frozenset({"ratio", "multiple"})


class Sentence:
    """One sentence of a block; its markers and named sources are read on first use (most
    sentences of an article carry no figure and are never asked)."""

    __slots__ = ("block", "start", "end", "text", "figures", "_reader", "_classes", "_mentions", "_attributed", "_note", "_sources", "_caveat")

    def __init__(self, block: int, start: int, end: int, text: str, reader: _Reader):
        self.block, self.start, self.end, self.text = block, start, end, text
        self.figures: list[FigureUse] = []
        self._reader = reader
        self._classes: set[str] | None = None
        self._mentions = None
        self._attributed: set[str] | None = None
        self._note: str | None | bool = False  # False: not computed yet
        self._sources: set[str] | None = None
        self._caveat: bool | None = None  # has_caveat's answer (None: not read yet)

    @property
    def classes(self) -> set[str]:
        if self._classes is None:
            self._classes = self._reader.phrases.classes_in(self.text, label=self._label_ok())
        return self._classes

    def _source_mentions(self):
        if self._mentions is None:
            rx = self._reader.source_rx
            self._mentions = _naming(self.text, list(rx.finditer(self.text))) if rx is not None else []
        return self._mentions

    @property
    def sources(self) -> set[str]:
        """Source ids named in the sentence (any role)."""
        if self._sources is None:
            spelling = self._reader.spelling
            self._sources = {spelling[m.group(0).lower()] for m in self._source_mentions()}
        return self._sources

    def named_at(self) -> list[tuple[int, int, str]]:
        """Where each registered source is named in the sentence: (start, end, source id), offsets in ``text``."""
        spelling = self._reader.spelling
        return [(m.start(), m.end(), spelling[m.group(0).lower()]) for m in self._source_mentions()]

    @property
    def attributed(self) -> set[str]:
        """Source ids named as sources, not as a venue or subject."""
        if self._attributed is None:
            self._attributed = attributive(self.text, self._source_mentions(), self._reader.spelling, self._reader.phrases,
                                           label=self._label_ok())
            if self._reader.kinds:  # "$X on CoinGlass": the place it was read (writer/check/credit_places.py)
                self._attributed |= credit_places.placed_credits(self.text, self.named_at(), self._reader.kinds)
        return self._attributed

    def has(self, cls: str) -> bool:
        """One marker class, without reading the others."""
        if self._classes is not None:
            return cls in self._classes
        return cls in self._reader.phrases.marker_finder.found(self.text)  # = that class's own search, memoised per text

    def has_any(self, classes: frozenset[str]) -> bool:
        """Is one of these marker classes in ``classes`` (the property), read from the marker words alone when that
        answers: the marker words' classes are the sentence's (less a negated "overstated"), and reading every class
        reads its frames too. Only "attribution" and "disagreement" can then still come from a frame."""
        if self._classes is not None:
            return bool(self._classes & classes)
        return bool(self._reader.phrases.marker_finder.found(self.text) & classes - _OVERSTATED) or bool(self.classes & classes)

    def has_caveat(self) -> bool:
        """Any attribution or caveat word at all (one combined pass; F001 asks only this). Kept: the check asks it of a
        sentence once or twice per figure it holds (and of each sentence of a run before it)."""
        if self._caveat is None:
            self._caveat = self._read_caveat()
        return self._caveat

    def _read_caveat(self) -> bool:
        if self._classes is not None:
            return bool(self._classes & CAVEAT_CLASSES)
        # The marker classes' one-scan finder (memoised per text, shared with ``classes``): the same answer as
        # searching the union of the caveat classes, without compiling that union (writer/check/lazyre.py).
        return bool(self._reader.phrases.marker_finder.found(self.text) & CAVEAT_CLASSES) or self._reader.phrases.framed(self.text, label=self._label_ok())

    def _label_ok(self) -> bool:
        """May "Name: ..." be read as a source label here (a headline's or caption's opening, not a list item's)?"""
        reader = self._reader
        return (reader.labels_ok[self.block] and self.start < _LABEL_REACH and not reader.texts[self.block][:self.start].strip()
                and reader.label_credits(self.block, self.text))

    @property
    def note(self) -> str | None:
        """'backward', 'forward', 'run', 'article' or None: does this sentence cover a run of figures?"""
        if self._note is False:
            self._note = self._read_note()
        return self._note

    def _read_note(self) -> str | None:
        starts = self._reader.note_starts(self.block)
        if not starts or not any(self.start <= p < self.end for p in starts):  # (most blocks hold no note word)
            return None
        if not (self.has_caveat() or self.sources):
            return None
        classes = self.classes
        if "note_article" in classes:  # "All data in this article comes from X.": its section, both ways
            return "article"
        if "note_forward" in classes and "note_backward" not in classes:
            return "forward"
        # "Those figures are X's": the run right before it only (Analysis._in_run), unless a stronger note word
        # ("the above", "data caveat") makes it the section's
        if "note_run" in classes and not classes & {"note_backward", "note_label"}:
            return "run" if self._opens_with(_NOTE_RUN) else None
        return "backward"

    def _opens_with(self, classes: frozenset[str]) -> bool:
        """Does one of these classes' phrases open the sentence? A note pointing back at the figures before it is
        the sentence's subject ("The data are from X."); inside a clause ("..., according to the data from X.")
        the words credit the sentence's own figures only."""
        starts = self._reader.phrases.union_starts(classes, self.text)
        return any(not self.text[:p].strip(_OPENING_MARKS) for p in starts)


# A single source's description set before the name it describes ("according to a single source, BeInCrypto,", "on
# single-source data from the Bitcoin protocol"): those words are that source's, not a mention of the unnamed source
# registered under the same spelling. Only the bare descriptions (records.ONE_SOURCE, SINGLE_SOURCE with their one
# noun), and only before a name set in apposition (closed by a comma or the clause's end) or after "from": a
# described source's own name ("a single-source unnamed dashboard, HTX's contract saw ...") stays a mention.
_DESCRIPTIONS = frozenset({f"{ONE_SOURCE} source", f"{SINGLE_SOURCE} data"})
_FROM_THE_NAME = re.compile(r"\s+from\s+", re.IGNORECASE)
_TO_APPOSED = re.compile(r"\s*,\s*(?:(?:the|an?)\s+)?", re.IGNORECASE)
_APPOSED_END = re.compile(r"\s*[,;:.)]|\s*$")


def _naming(text: str, mentions: list) -> list:
    """The source mentions that name a source: a bare single-source description right before the name it describes is
    dropped."""
    if len(mentions) < 2:
        return mentions
    return [m for m, after in zip(mentions, mentions[1:] + [None]) if after is None or not _describes_next(text, m, after)]


def _describes_next(text: str, m, after) -> bool:
    if m.group(0).lower() not in _DESCRIPTIONS:
        return False
    if _FROM_THE_NAME.fullmatch(text, m.end(), after.start()):
        return True
    return _TO_APPOSED.fullmatch(text, m.end(), after.start()) is not None and _APPOSED_END.match(text, after.end()) is not None


@dataclass(frozen=True)
class _Reader:
    phrases: PhraseSet
    source_rx: object
    spelling: dict
    texts: tuple[str, ...] = ()  # block texts
    _notes: dict = None  # type: ignore[assignment]
    labels_ok: tuple[bool, ...] = ()  # per block: may it open with a "Source:" / "Name:" label?
    _labels: dict = None  # type: ignore[assignment]  # block -> does its opening "Name:" label credit a source?
    headings: tuple[bool, ...] = ()  # per block: is it a heading (or the headline)?
    dialogue: bool = False  # do several paragraphs open with a "Name:" label (a transcript's turns)? (``_dialogue``)
    kinds: dict = None  # type: ignore[assignment]  # source id -> registry kind, when a registry is known

    def label_credits(self, block: int, text: str) -> bool:
        """Does the "Name:" label opening ``text`` (the block's first sentence) name a source, not a speaker or a
        summary marker (writer/check/labels.py)? No label at all: True (nothing to refuse). Once per block."""
        if block not in self._labels:
            frames = self.phrases.frames
            name = frames.label_name(text) if frames is not None else None
            self._labels[block] = name is None or labels.label_credits(
                name, source_rx=self.source_rx, texts=self.texts, block=block, phrases=self.phrases,
                lone=self.headings[block] or not self.dialogue)
        return self._labels[block]

    def note_starts(self, block: int) -> list[int]:
        """Where note words start in a block (one search per block, not per sentence)."""
        if block not in self._notes:
            self._notes[block] = self.phrases.union_starts(NOTE_CLASSES, self.texts[block])
        return self._notes[block]


def _dialogue(phrases: PhraseSet, texts, labels_ok, headings) -> bool:
    """Do several paragraphs (not headings, not list items) open with a "Name:" label: a transcript's turns?"""
    frames = phrases.frames
    if frames is None:
        return False
    turns = sum(1 for text, ok, head in zip(texts, labels_ok, headings)
                if ok and not head and ":" in text[:_LABEL_REACH] and frames.label_at(text[:_LABEL_REACH]) is not None)
    return turns >= labels.DIALOGUE_TURNS


@dataclass(eq=False)
class FigureUse:
    figure: Figure  # offsets relative to the block text
    block_index: int
    sentence: Sentence
    line: int
    column: int
    end_line: int
    end_column: int
    left: str  # this figure's own words before it (since the previous figure)
    right: str  # and after it, up to the end of its clause


@dataclass
class Analysis:
    article: Article
    sentences: list[Sentence]
    figures: list[FigureUse]
    phrases: PhraseSet
    sections: dict[int, list[Sentence]]

    def role(self, fu: FigureUse) -> str:
        return self.article.blocks[fu.block_index].role

    def block(self, fu: FigureUse) -> Block:
        return self.article.blocks[fu.block_index]

    # --- scope ------------------------------------------------------------------

    def covering_notes(self, fu: FigureUse) -> list[Sentence]:
        """Notes in the figure's section that explicitly cover it (before or after, by direction). Kept per
        sentence (not to be changed by the caller): they are its sentence's, and the check asks for them
        two to three times a figure."""
        got = self._covering.get(id(fu.sentence))
        if got is None:
            got = self._covering[id(fu.sentence)] = self.notes_covering(fu.sentence)
        return got

    def notes_covering(self, sentence: Sentence) -> list[Sentence]:
        """``covering_notes`` of the figures of ``sentence``, read afresh."""
        section = self.article.blocks[sentence.block].section
        out = []
        own = self._index.get(id(sentence), -1)
        for s in self._section_notes(section):
            direction = s.note
            if s is sentence:
                continue
            idx = self._index[id(s)]
            if direction == "article" or (direction == "backward" and idx > own) or (direction == "forward" and idx < own) or (
                    direction == "run" and idx > own and self._in_run(s, sentence)):
                out.append(s)
        credit = self._closing_credit(sentence.block)
        if credit is not None and credit is not sentence and credit not in out and self._pos[id(credit)] > self._pos[id(sentence)]:
            out.append(credit)
        lead = self._list_credit(sentence.block)
        if lead is not None and lead not in out:
            out.append(lead)
        caption = self.caption_for(sentence)
        if caption is not None and caption is not sentence and caption not in out:
            out.append(caption)
        return out

    def caption_for(self, sentence: Sentence) -> Sentence | None:
        """The credit line or caption covering the sentence's block (``_caption_credit``), unless its title names a
        kind of figure the sentence is not about (bench/ANNOTATION.md, point 5): a figure of market context under a
        chart of liquidations (as ``_foreign`` reads a run: a chart of liquidations does not price the market), or
        liquidations alone under a chart of anything but liquidations (prices, a premium, funding rates). A credit
        line with no title ("Source: X") covers any figure."""
        caption = self._caption_credit(sentence.block)
        if caption is None or caption is sentence or self._untitled(caption) or self._signs_post(caption, sentence):
            return caption
        context_only = self._context_only(sentence)
        if not (context_only or self._liquidations_only(sentence)):
            return caption
        lines = self._by_block.get(caption.block, (caption,))  # (the caption's title too: "BTC liquidations. Source: X")
        if self._post_form(caption):  # a post's signature: the post's text above it gives the chart's kind
            lines = (*self._by_block.get(caption.block - 1, ()), *lines)
        liquidations = any(self._words(x, "liquidations") for x in lines)
        context = any(self._words(x, "context") or self._words(x, "price_move") for x in lines)
        # (a title of neither kind, "Ether basis premium | Source: X", charts a third kind, not liquidations; the words
        # of market context are too broad to tell prices from a premium that "rose to 1.4%": only a liquidation chart
        # is taken not to price the market)
        other_kind = liquidations and not context if context_only else not liquidations
        if context_only and self._post_form(caption):  # a post's chart prices the market only when its text speaks of prices
            other_kind = not context
        return None if other_kind else caption

    def _signs_post(self, caption: Sentence, sentence: Sentence) -> bool:
        """Is the credit an embedded post's signature, and the sentence the post's own (above it)? Its author said
        all of it, whatever its kind; the prose under a post with a chart is read as under a caption (its kind)."""
        return sentence.block <= caption.block and self._post_form(caption)

    def _post_form(self, caption: Sentence) -> bool:
        """Is the credit an embedded post's signature?"""
        form = captions.credit_form(self.article.blocks[caption.block].text, None)
        return form is not None and form[0] == "post"

    def _untitled(self, caption: Sentence) -> bool:
        """Is the credit line a label and a name alone ("Source: X", "(Data: X)"), with no chart title to give it a kind
        of figure? (Once per credit line.)"""
        key = ("untitled", id(caption))
        if key not in self._prefixes:
            form = captions.credit_form(self.article.blocks[caption.block].text, None)
            self._prefixes[key] = form is not None and form[0] == "bare"
        return self._prefixes[key]

    def _in_run(self, note: Sentence, sentence: Sentence) -> bool:
        """Is ``sentence`` (before ``note``) in the run a back-pointing note covers: its own paragraph's earlier
        sentences, or, when the note opens its paragraph, the paragraph (or list) right before it?"""
        if sentence.block == note.block:
            return True
        before = note.block - 1
        blocks = self.article.blocks
        return (self._pos[id(note)] == 0 and before >= 0 and blocks[before].section == blocks[note.block].section
                and sentence.block in captions.list_run(blocks, before))

    def _caption_credit(self, block_index: int) -> Sentence | None:
        """The credit line or chart caption that credits this block (writer/check/captions.py), if any."""
        got = self._prefixes.get("captions")
        if got is None:
            got = self._prefixes["captions"] = self._find_captions()
        return got.get(block_index)

    def _find_captions(self) -> dict[int, Sentence]:
        """Block index -> the credit covering it (writer/check/captions.py ``place_credits``)."""
        reader = self.sentences[0]._reader if self.sentences else None
        found, names = captions.place_credits(self.article.blocks, self._by_block, reader.source_rx if reader else None,
                                              reader.spelling if reader else {})
        self._credit_names.update(names)
        return found

    def _list_credit(self, block_index: int) -> Sentence | None:
        """What credits a whole list or table: the sentence ending in a colon that introduces it ("CoinGlass
        data for the past day:", the paragraph right before the list's items or the table's cells), or a
        credit line alone right after a table ("Source: CoinGlass"), when it attributes or caveats."""
        key = ("list credit", block_index)
        if key not in self._prefixes:
            self._prefixes[key] = self._find_list_credit(block_index)
        return self._prefixes[key]

    def _find_list_credit(self, block_index: int) -> Sentence | None:
        # (also what a speaker's colon introduces: a block quote, or the one paragraph right after "X wrote:")
        blocks = self.article.blocks
        block = blocks[block_index]
        table = block.kind == "table_cell"
        said = not (block.in_list or table) and block.kind == "paragraph"
        if not (block.in_list or table or said):
            return None

        def member(b) -> bool:
            if said:
                return block.in_quote and b.in_quote and b.section == block.section
            return b.section == block.section and (b.kind == "table_cell" if table else b.in_list)

        first = block_index
        while first > 0 and member(blocks[first - 1]):
            first -= 1
        before = self._by_block.get(first - 1, ()) if first > 0 and blocks[first - 1].section == block.section else ()
        frames = self.phrases.frames
        if said and before and (blocks[first - 1].kind != "paragraph" or blocks[first - 1].in_quote):
            return None
        # (ending in a colon, or, for a list or table, saying it is below: "CoinGlass's figures by venue are below.")
        if before and not blocks[first - 1].in_list and (before[-1].text.rstrip().endswith(":") or (
                not said and _POINTS_BELOW.search(before[-1].text))) and (
                before[-1].has_caveat() or (not said and frames is not None and frames.names_data(before[-1].text))
                or (not said and described_groups.opens_with_group(before[-1].text))):  # "Several outlets report:"
            return before[-1]
        if table:
            last = block_index
            while last + 1 < len(blocks) and member(blocks[last + 1]):
                last += 1
            after = self._by_block.get(last + 1, ()) if last + 1 < len(blocks) and blocks[last + 1].section == block.section else ()
            if (len(after) == 1 and not after[0].figures and frames is not None and frames.labelled(after[0].text)
                    and _CREDIT.match(after[0].text)):
                return after[0]
        return None

    def _closing_credit(self, block_index: int) -> Sentence | None:
        """A paragraph's last sentence when it is only a source credit ("... $512 million in all. Source:
        CoinGlass", a chart's caption): it covers the paragraph it closes, not the section."""
        key = ("credit", block_index)
        if key not in self._prefixes:
            block = self._by_block.get(block_index, ())
            last = block[-1] if len(block) > 1 else None
            frames = self.phrases.frames
            ok = last is not None and not last.figures and frames is not None and frames.labelled(last.text)
            self._prefixes[key] = last if ok and _CREDIT.match(last.text) else None
        return self._prefixes[key]

    def carried(self, fu: FigureUse) -> list[Sentence]:
        """Earlier sentences of the same block (paragraph or list item): a run's opening."""
        return self._by_block[fu.block_index][:self._pos[id(fu.sentence)]]

    def earlier_blocks(self, fu: FigureUse) -> list[list[Sentence]]:
        """The sentences of each block before the figure's in its section, nearest block first (no headline): where a
        role noun ("the tracker") finds the source it stands for when its own paragraph names none."""
        blocks = self.article.blocks
        section = blocks[fu.block_index].section
        out = []
        for b in range(fu.block_index - 1, -1, -1):
            if blocks[b].section != section or blocks[b].role == "headline":
                break
            if b in self._by_block:
                out.append(self._by_block[b])
        return out

    def next_in_block(self, s: Sentence) -> Sentence | None:
        """The sentence right after ``s`` in its block (paragraph or list item), if any: the first of the
        block's sentences that start at or after its end (sentences are in order and never overlap)."""
        block = self._by_block[s.block]
        i = self._pos[id(s)] + 1
        return block[i] if i < len(block) else None

    def _prefix_classes(self, block_index: int) -> list[frozenset[str]]:
        """Per sentence of a block: the caveat classes of the sentences before it (once per block,
        so a paragraph of thousands of figures costs linear time)."""
        got = self._prefixes.get(("classes", block_index))
        if got is None:
            got, acc = [], set()
            for s in self._by_block.get(block_index, ()):
                got.append(frozenset(acc))
                acc |= s.classes & CAVEAT_CLASSES
            self._prefixes[("classes", block_index)] = got
        return got

    def _prefix_named(self, block_index: int) -> list[Sentence | None]:
        """Per sentence of a block: the last sentence before it that names a source (once per block)."""
        got = self._prefixes.get(("named", block_index))
        if got is None:
            got, named = [], None
            for s in self._by_block.get(block_index, ()):
                got.append(named)
                if s.sources:
                    named = s
            self._prefixes[("named", block_index)] = got
        return got

    def run_opening(self, fu: FigureUse) -> Sentence | None:
        """The sentence that opens the figure's run, if any (see the module's docstring): the nearest
        earlier sentence of the paragraph that names a source as a source, with no attribution or
        caveat between; None when the figure's own sentence names a source (it is its own scope), and when its
        clause is hearsay with no one named ("is said to", "was reported to": ``hearsay``), which the fact-free
        reading (``scope_sources`` with ``carry``) does not carry an attribution into either."""
        if fu.sentence.attributed or self.hearsay(fu):
            return None
        return self._openers(fu.block_index)[self._pos[id(fu.sentence)]]

    def _openers(self, block_index: int) -> list[Sentence | None]:
        """Per sentence of a block: the run opening in force before it (once per block)."""
        got = self._prefixes.get(("run", block_index))
        if got is None:
            got, current = [], None
            for s in self._by_block.get(block_index, ()):
                got.append(current)
                if s.attributed or anaphora.anaphor_sources(self, s):
                    current = s  # a new run starts here ("According to the same site, ...": a credit that points back)
                elif s.has_caveat():
                    current = None  # another attribution or caveat ends the run
            self._prefixes[("run", block_index)] = got
        return got

    def scope_classes(self, fu: FigureUse, *, carry: bool = False) -> set[str]:
        classes = set(fu.sentence.classes)
        for s in self.covering_notes(fu):
            classes |= s.classes
        if carry:
            classes |= self._prefix_classes(fu.block_index)[self._pos[id(fu.sentence)]]
        return classes

    def caveat_in_scope(self, fu: FigureUse, *, carry: bool = False) -> bool:
        """Is there any attribution or caveat in scope (sentence, run opening with ``carry``, notes)?"""
        if carry:
            first = self._first_caveat(fu.block_index)  # one search per paragraph, not per sentence
            if first is not None and first < fu.sentence.end and (
                    first >= fu.sentence.start or (not self.hearsay(fu) and self._kind_carried(fu))):
                return True
        elif fu.sentence.has_caveat():
            return True
        return self.covered_from_outside(fu)

    def covered_from_outside(self, fu: FigureUse) -> bool:
        """Is the figure credited from outside its sentence: by a note covering it, its list's or table's credit (even
        when only a name and its data say so: "CoinGlass data:"), or the caption of its paragraph's chart?"""
        return (any(s.has_any(CAVEAT_CLASSES) for s in self.covering_notes(fu)) or self._list_credit(fu.block_index) is not None
                or self.caption_for(fu.sentence) is not None)

    def _context_only(self, s: Sentence) -> bool:
        """Is the sentence about market context (a price, an asset's move, the market's capitalisation, a yield, a
        tariff, a central bank's rate) and not about liquidations? An earlier attribution of liquidation data does not
        carry to it (``carry`` in phrases.yaml): the desk that counted the liquidations did not price the market."""
        return not self._words(s, "liquidations") and (self._words(s, "context") or self._words(s, "price_move"))

    def _forecast(self, s: Sentence) -> bool:
        """Does the sentence forecast ("is expected to reach $95,000 by March")? (phrases.yaml ``carry: forecast``)"""
        return self._words(s, "forecast")

    def _foreign(self, s: Sentence, opener: Sentence) -> bool:
        """Is ``s`` a figure of another kind than the attributed sentence ``opener`` before it gives, so that the
        opener's credit does not carry to it? Market context after a credit of anything but market context (liquidation
        data, an indicator's reading: ``_gives_context``), or a forecast after anything but a forecast (whoever counted
        or priced did not forecast)."""
        if self._context_only(s) and (not self._gives_context(opener) or self._closes_on_credit(opener)):
            return True
        return self._forecast(s) and not self._forecast(opener)

    def _closes_on_credit(self, s: Sentence) -> bool:
        """Is the sentence's credit told after its figures ("Bitcoin fell 12% to $110,000, X reported.")? Such a
        credit closes its own sentence: it does not carry on to market context after it, as a credit opening the
        paragraph's run does ("According to X, bitcoin fell 12%. It traded at $110,000 by noon.")."""
        if not s.figures:
            return False
        key = ("closes on credit", id(s))
        got = self._prefixes.get(key)
        if got is None:
            tail = s.text[s.figures[-1].figure.end - s.start:]
            frames = self.phrases.frames
            got = self._prefixes[key] = bool(self.phrases.union_starts(_ATTRIBUTION, tail)) or (
                frames is not None and frames.first(tail) is not None)
        return got

    def _kind_carried(self, fu: FigureUse) -> bool:
        """May an earlier opening of the paragraph carry to the figure's sentence, by the kinds of figure they give?
        A sentence of neither market context alone nor a forecast takes any; one of those takes only an opening
        not foreign to it (``_foreign``)."""
        s = fu.sentence
        if s.has_caveat():
            return True
        if not (self._context_only(s) or self._forecast(s)):
            return not self.run_interrupted(fu)
        return any(self._may_open(o) and o.has_caveat() and self._opens_run(o)
                   and not self._foreign(s, o) for o in self.carried(fu))

    def run_interrupted(self, fu: FigureUse) -> bool:
        """Did the paragraph's run end before the figure's sentence: after the last sentence that opens a run (a caveat
        that may open one: ``_may_open``, ``_opens_run``), a sentence gave figures of a kind its credit does not carry to
        (``_foreign``: market context after liquidation data, a forecast) with no caveat of its own? A credit reaches the
        sentences after it "while they go on about the same kind of figure" (bench/ANNOTATION.md, point 1): once the
        paragraph has turned to the market's prices, a later liquidation figure is not carried back to the credit
        ("According to X, longs lost $500 million. The market's value fell $90 billion. Shorts lost $40 million.": the
        $40 million is the writer's). Once per block."""
        return self._interruptions(fu.block_index)[self._pos[id(fu.sentence)]]

    def _interruptions(self, block_index: int) -> list[bool]:
        """Per sentence of a block: has the run in force before it been interrupted (``run_interrupted``)?"""
        key = ("interrupted", block_index)
        got = self._prefixes.get(key)
        if got is None:
            got, opener, broken = [], None, False
            for s in self._by_block.get(block_index, ()):
                got.append(broken)
                if s.has_caveat():
                    if self._may_open(s) and self._opens_run(s):
                        opener, broken = s, False
                elif opener is not None and self._gives_measures(s) and self._foreign(s, opener):
                    broken = True
            self._prefixes[key] = got
        return got

    def _gives_measures(self, s: Sentence) -> bool:
        """Does the sentence give a figure other than a comparison ("this 7-to-1 ratio", "twice the longs": units of
        ``_COMPARISONS``)? A comparison of the run's own figures is derived from them (bench/ANNOTATION.md, point 10):
        however its sentence goes on, it turns to no other kind of figure (``_interruptions``)."""
        return any(fu.figure.unit not in _COMPARISONS for fu in s.figures)

    def _may_open(self, s: Sentence) -> bool:
        """May the sentence open a run of figures its credit carries to: it holds a figure, or it speaks of data and
        its credit is not to data no one is named for ("Market metrics point to a recovery.": ``_unnamed_credit``)?"""
        return bool(s.figures) or (self.phrases.speaks_of_data(s.text) and not self._unnamed_credit(s))

    def _unnamed_credit(self, s: Sentence) -> bool:
        """Is the figure-free sentence's only caveat a credit whose subject is data of no one named ("Market metrics
        point to a recovery.", "On-chain data suggest whales are buying.")? It vouches for its own reading, not for the
        figures after it ("CoinGlass data show longs took the brunt." names whose data they are, and carries)."""
        frames = self.phrases.frames
        if frames is None or s.sources or (s.classes & CAVEAT_CLASSES) != {"attribution"}:
            return False
        at = frames.first(s.text)
        subject = frames._generic.match(s.text, at) if at is not None else None
        if subject is None or not self.phrases.speaks_of_data(subject.group(0)):
            return False
        # "the dashboard" right after a sentence of its paragraph that names a source is that source's: named after all
        # ("CoinGlass captured the event on its four-hour view. The dashboard shows longs took most of it.")
        return not (_DEFINITE.match(subject.group(0)) and any(x.sources for x in self._by_block[s.block][:self._pos[id(s)]]))

    def hearsay(self, fu: FigureUse) -> bool:
        """Is the figure hedged with no one named ("reportedly", "is said to"; phrases.yaml ``carry: hearsay``), in a
        sentence with no caveat of its own? The writer says they have it from hearsay, so an earlier attribution of
        the paragraph does not carry to it: it is hedged but unattributed. The hedge governs its own clause
        (``_hearsay_clauses``): "Funding stood at 0.01%, a fund is said to be behind the move" says who moved, not
        who counted. One rule for fact mode (``run_opening``) and the fact-free reading (``carry``)."""
        s = fu.sentence
        if not self._words(s, "hearsay") or s.has_caveat():
            return False
        at = fu.figure.start - s.start
        return any(whole or a <= at < b for a, b, whole in self._hearsay_clauses(s))

    def hearsay_credited(self, fu: FigureUse) -> bool:
        """Is the figure's part of its sentence hedged as hearsay with no one named (phrases.yaml ``carry: hearsay``:
        "reportedly", "is said to", "is rumoured to", "allegedly", "were reported")? The writer tells the reader the
        figure is someone else's, just not whose: an unnamed source for the fact-free rule (bench/ANNOTATION.md point
        7), whatever other caveat the sentence holds. The part runs to a semicolon or a dash (``_sentence_part``):
        "Inflows reportedly hit a record, surpassing $40 billion" hedges both; "Longs lost $300 million; a fund
        reportedly lost $40 million of it" the second only. Fact mode asks for the source's name all the same."""
        s = fu.sentence
        if not self._words(s, "hearsay"):
            return False
        lo, hi = _sentence_part(s.text, fu.figure.start - s.start)
        low = lowered(s.text)
        return _carry_words()["hearsay"].search(low if low is not None else s.text.lower(), lo, hi) is not None

    def _hearsay_clauses(self, s: Sentence) -> list[tuple[int, int, bool]]:
        """(start, end, whole) of each clause of the sentence that holds a hearsay hedge, offsets in its text;
        ``whole`` when the clause is the hedge alone, set off as the sentence's adverb ("Reportedly, ...",
        "..., allegedly."): then it hedges every clause. Once per sentence."""
        key = ("hearsay clauses", id(s))
        got = self._prefixes.get(key)
        if got is None:
            text = s.text
            low = lowered(text)
            marks = list(_HEARSAY_CUT.finditer(text))
            got = []
            for m in _carry_words()["hearsay"].finditer(low if low is not None else text.lower()):
                a = max((c.end() for c in marks if c.end() <= m.start()), default=0)
                b = _clause_end(text, marks, m.end())
                got.append((a, b, _ADVERB_ONLY.match(text[a:m.start()] + text[m.end():b]) is not None))
            self._prefixes[key] = got
        return got

    def _gives_context(self, s: Sentence) -> bool:
        """Does the sentence speak of market context (a price, an asset's move, phrases.yaml ``carry: context`` and
        ``price_move``)? Only such a credit carries to market context after it: one of liquidations, of an indicator's
        reading or of a fund's flows did not price the market (bench/ANNOTATION.md, point 1: the same kind of figure)."""
        return self._words(s, "context") or self._words(s, "price_move")

    def _liquidations_only(self, s: Sentence) -> bool:
        return self._words(s, "liquidations") and not self._words(s, "context")

    def _words(self, s: Sentence, kind: str) -> bool:
        """Does the sentence hold words of ``kind`` (phrases.yaml ``carry``)? Once per sentence and kind."""
        key = (kind, id(s))
        if key not in self._prefixes:
            low = lowered(s.text)
            self._prefixes[key] = bool(_carry_words()[kind].search(low if low is not None else s.text.lower()))
        return self._prefixes[key]

    def _first_caveat(self, block_index: int) -> int | None:
        """Where the first sentence of a block that opens an attributed run starts: one with an
        attribution or caveat that holds a figure or speaks of data ("Iran announced drills" opens
        no run of liquidation figures)."""
        if block_index not in self._caveat_at:
            found = None
            for s in self._by_block.get(block_index, ()):
                # (a figure or data first: most sentences that have neither are never asked for caveats)
                if self._may_open(s) and s.has_caveat() and self._opens_run(s):
                    found = s.start
                    break
            self._caveat_at[block_index] = found
        return self._caveat_at[block_index]

    def _opens_run(self, s: Sentence) -> bool:
        """Does this caveated sentence name or qualify the figures after it? A disagreement does only
        when it names who disagrees ("CoinGlass and CoinAnk differ"), not "reported figures differ"."""
        return s.has_any(RUN_OPENING) or self.phrases.differs(s.text)

    def scope_sources(self, fu: FigureUse, *, carry: bool = False, run: bool = False) -> set[str]:
        """Sources named as sources in the figure's sentence or in notes covering it; with ``run``,
        in the sentence that opens its run (``run_opening``); with ``carry`` (fact-free), in the last
        earlier sentence of its paragraph that names a source at all."""
        named = set(self.own_attributed(fu))
        if carry:
            opener = self._prefix_named(fu.block_index)[self._pos[id(fu.sentence)]]
            if (opener is not None and not self._foreign(fu.sentence, opener) and not self.hearsay(fu)
                    and not self.run_interrupted(fu)):
                named |= opener.attributed
        if run:
            opener = self.run_opening(fu)
            if opener is not None:
                named |= opener.attributed | anaphora.anaphor_sources(self, opener)
        for s in self.covering_notes(fu):
            named |= self.credited_by(s)
        return named | anaphora.anaphor_sources(self, fu.sentence)  # "the same data show" (writer/check/anaphora.py)

    def credited_by(self, note: Sentence) -> set[str]:
        """The sources a note covering figures names as theirs (``covering_notes``): a credit line's name, and
        any name in a back-pointing note; otherwise those it names as sources."""
        return self._credit_names.get(id(note)) or (note.sources if note.note == "run" else note.attributed)

    def own_attributed(self, fu: FigureUse) -> set[str]:
        """Sources the figure's sentence names for *this* figure: a parenthesis right after a later
        figure ("..., about $120 million (in data from X and Y)") attributes that figure and the run
        after it, not the figures before it, except the other end of its move or range ("from 10% to
        13.5% (X)": figures.joins_ends)."""
        s = fu.sentence
        if len(s.figures) < 2 or "(" not in s.text:
            return s.attributed
        text = s.text
        at = fu.figure.start - s.start
        ends = {other.figure.end - s.start: other for other in s.figures}
        kept = []
        for m in _PAREN.finditer(text):
            before = text[:m.start()].rstrip(" ,;:")
            owner = ends.get(len(before))  # the figure the parenthesis directly follows, if any
            # a caveat placed after a later figure does not reach back (it covers its figure and the run after it)
            theirs = (owner is not None and owner.figure.start > fu.figure.start and not (m.start() <= at < m.end())
                      and not joins_ends(text[fu.figure.end - s.start:owner.figure.start - s.start]))
            kept.append(" " * (m.end() - m.start()) if theirs else text[m.start():m.end()])
        blanked = _PAREN.sub(lambda m, it=iter(kept): next(it), text)
        if blanked == text:
            return s.attributed
        reader = s._reader
        mentions = list(reader.source_rx.finditer(blanked)) if reader.source_rx is not None else []
        return attributive(blanked, mentions, reader.spelling, reader.phrases, label=s._label_ok())

    def repeats_attributed(self, fu: FigureUse) -> FigureUse | None:
        """House rule for a repeated figure: every paragraph attributes its own figures, except a
        figure that *refers back* to one already attributed in an earlier paragraph of the same
        section ("this $427 million", "the same 94%", "the $1.45 billion total"): the reader is
        pointed at the attribution they just read. A bare repeat ("Liquidations reached $427
        million." again, or in a heading) is attributed again; the headline neither is covered nor
        covers this way."""
        if self.article.blocks[fu.block_index].role == "headline" or not _refers_back(fu):
            return None
        section = self.article.blocks[fu.block_index].section
        key = (fu.figure.unit, fu.figure.lo, fu.figure.hi)
        for earlier in self._by_value.get(key, ()):
            if earlier.block_index >= fu.block_index:
                break
            if self.article.blocks[earlier.block_index].role == "headline" or self.article.blocks[earlier.block_index].section != section:
                continue
            if self.caveat_in_scope(earlier, carry=True) or self.scope_sources(earlier, carry=True):
                return earlier
        return None

    def basis_in_scope(self, fu: FigureUse) -> bool:
        """An estimate says what it rests on: a heat map, a model, an extrapolation."""
        texts = [fu.sentence.text, *(s.text for s in self.covering_notes(fu))]
        return any(_BASIS.search(t) for t in texts)

    def circulation_in_scope(self, fu: FigureUse) -> bool:
        texts = [fu.sentence.text, *(s.text for s in self.covering_notes(fu))]
        return any(_CIRCULATES.search(t) for t in texts)

    def section_notes(self, fu: FigureUse) -> list[Sentence]:
        """Every note of the figure's section, wherever it sits."""
        return self._section_notes(self.article.blocks[fu.block_index].section)

    def _section_notes(self, section: int) -> list[Sentence]:
        if section not in self._notes:
            self._notes[section] = [s for s in self.sections.get(section, []) if s.note is not None]
        return self._notes[section]

    def single_source_in_scope(self, fu: FigureUse) -> bool:
        """Single-source wording in the sentence, the run's opening or a note covering the figure."""
        if "single_source" in fu.sentence.classes:
            return True
        opener = self.run_opening(fu)
        if opener is not None and "single_source" in opener.classes:
            return True
        return any("single_source" in s.classes for s in self.covering_notes(fu) + self.section_notes(fu))

    def section_sources(self, fu: FigureUse) -> set[str]:
        section = self.article.blocks[fu.block_index].section
        named: set[str] = set()
        for s in self.sections.get(section, []):
            named |= s.sources
        return named

    def release(self) -> None:
        """Let go of the figures' sentences once the rules have run. A sentence and its figures point at
        each other, so without this an article's analysis (about a hundred objects a figure) waits for the
        cyclic collector, which a check of many articles pauses (``Checker.check_texts``): collecting them
        all at the end was about 4% of the bench's check (bench/bench_check.py). Nothing reads the analysis
        after this."""
        for s in self.sentences:
            s.figures = []

    def __post_init__(self):
        self._index = {id(s): i for i, s in enumerate(self.sentences)}
        self._notes: dict[int, list[Sentence]] = {}
        self._covering: dict[int, list[Sentence]] = {}  # id(sentence) -> the notes covering its figures
        self._caveat_at: dict[int, int | None] = {}
        self._by_block: dict[int, list[Sentence]] = {}
        self._pos: dict[int, int] = {}  # id(sentence) -> its index in its block
        for s in self.sentences:
            self._pos[id(s)] = len(self._by_block.setdefault(s.block, []))
            self._by_block[s.block].append(s)
        self._prefixes: dict[int, tuple] = {}
        self._credit_names: dict[int, set[str]] = {}  # id(credit line) -> the sources it names (writer/check/captions.py)
        self._by_value: dict[tuple, list[FigureUse]] = {}
        for fu in self.figures:
            self._by_value.setdefault((fu.figure.unit, fu.figure.lo, fu.figure.hi), []).append(fu)


_BY = re.compile(r"\bby\s+", re.IGNORECASE)
_OPEN_PAREN = re.compile(r"\(")
_JOINER = re.compile(r"^(?:['’]s)?\s*(?:,|and|, and|&|/)?\s*$")
_BARE_COMMA = re.compile(r"\s*,\s*$")  # (matched between two names)


# An apposition or a non-restrictive relative clause after a name, up to the reporting verb: "CoinAnk, the sole
# source for the figure, said ...", "CoinGlass, which tracks 31 venues, put ...", "Ben Zhou, Bybit's chief
# executive, estimated ...", "The Block, citing its own tally, counted ...". A few words between commas, no amount
# or share (a bare count of what the source covers is its description), no clause end. (A space may stand before the
# comma where the name's escaped markup was read as one: "A&B \[Research\], the sole source ...".)
_APPOSITION_REACH = 80  # characters an apposition may hold ("whose public stream caps reports at one order per symbol per second")
# A role may stand bare, as a newsroom writes it: "Ben Zhou, exchange founder, said", "Ben Zhou, CEO of Bybit,
# said": a phrase opening on a word in lower case, or a title's capitals before "of" or "at".
_APPOSITION = re.compile(rf"\s?,\s+(?:the|a|an|which|who|whose|one of|[A-Z][\w.&-]*['’]s|\w+ing|(?-i:[a-z])[\w-]*|(?-i:[A-Z]{{2,5}})\s+(?:of|at))\b"
                         rf"[^,.;:()$%]{{1,{_APPOSITION_REACH}}},(?=\s)")
# A restrictive relative clause whose subject is the name or description before it, up to the main verb: "one
# aggregator that did not wish to be named put ...", "an analyst who follows the venue said ...". It opens with the
# relative pronoun and a word that is no subject of its own ("the exchange that Arkham said ..." is an object clause).
_RELATIVE = re.compile(r"\s+(?:that|who|which)\s+(?!(?:the|a|an|it|its|he|she|they|we|you|i|this|these|those|their|our)\b)"
                       r"[a-z][^,.;:()$%\d]{0,60}?(?=\s)")


@lru_cache(maxsize=1)
def _floating() -> re.Pattern:
    """A word standing between a subject and its verb that is no verb of its own: "CoinGlass alone reports", "CoinGlass
    and CoinAnk both show", "the exchange itself said" (phrases.yaml ``linking: floating_words``)."""
    words = "|".join(map(re.escape, phrase_section("linking")["floating_words"]))
    return re.compile(rf"\s+(?:{words})(?=\s)", re.IGNORECASE)


# A credit line: a label and a name, nothing more ("Source: CoinGlass", "(Data: Coinalyze)").
_CREDIT = Deferred(globals(), r"^\W*\w+(?:\s+\w+)?\s*:\s*[^.;:]{1,60}?[.)]?\s*$")


def attributive(text: str, mentions, spelling: dict[str, str], phrases: PhraseSet, *, label: bool = False) -> set[str]:
    """Sources named *as sources* ("according to X", "X's figures", "(X)"), not as a venue or subject.

    The first names after an attribution formula (within a few words) are
    attributed, with every name joined to them as a list or an apposition
    ("a single source, CoinAnk", "CoinGlass and CoinAnk"); so is a name
    followed by "data", "figures", "said" and the like, through a product word
    ("Binance Futures data show") or an apposition before a reporting verb
    ("CoinAnk, the sole source for the figure, said").
    """
    if not mentions:
        return set()
    joined = [bool(_JOINER.match(text[mentions[k].end():mentions[k + 1].start()])) for k in range(len(mentions) - 1)]
    picked: set[int] = set()

    def chain_forward(k: int) -> None:
        picked.add(k)
        while k < len(joined) and joined[k]:
            k += 1
            picked.add(k)

    def after(ends, verbs: bool = False) -> None:
        for e in ends:
            for k, m in enumerate(mentions):
                if m.start() >= e:
                    # not "One claim says Binance Futures fell ...": the reported clause's subject, not the speaker (the
                    # verb is read only when a name is close enough to be its speaker: most keywords have none after them)
                    if m.start() - e <= 45 and (not verbs or _speaker_follows(text, e, phrases.frames)):
                        chain_forward(k)
                    break

    after(phrases.marker_ends("attribution", text), verbs=True)
    byline = datelines.byline_end(text)  # "SINGAPORE (Outlet) –": who filed the story, not a credit
    after(m.end() for m in _OPEN_PAREN.finditer(text) if m.start() >= byline)
    opening = phrases.frames.label_at(text) if label and phrases.frames is not None else None
    if opening is not None:  # "CoinGlass: ..." opening a headline names its source (a list item's label does not)
        after([opening])
    # the agent of a passive or an estimate: "... by CoinAnk", "by market analyses"
    starts = {m.start(): k for k, m in enumerate(mentions)}
    for b in _BY.finditer(text):
        if b.end() in starts and not cause_names.holds(text, b.end()):  # "ether held by X": the holder
            chain_forward(starts[b.end()])
    for k, m in enumerate(mentions):
        if phrases.frames is not None and _source_after_name(text, m.end(), phrases.frames) \
                and not cause_names.causes(text, m.end()):  # "the X announcement ... set off a slide": the cause
            picked.add(k)
            j = k
            # a list ends in "and" ("X, Y and Z said"): a bare comma before the verb's subject parts it from the
            # name before ("moved ETH to Binance, Arkham said": Binance is where the coins went)
            while j > 0 and joined[j - 1] and (j < k or not _BARE_COMMA.match(text, mentions[j - 1].end(), mentions[j].start())):
                j -= 1
                picked.add(j)
    if len(picked) < len(mentions) and phrases.frames is not None:
        after(phrases.frames.keyword_ends(text), verbs=True)  # "per X", "as tracked by X", "citing X" (only when names are left)
    if 0 not in picked and phrases.frames is not None and _reports_by_participle(text, mentions[0], phrases.frames):
        chain_forward(0)
    return {spelling[mentions[k].group(0).lower()] for k in picked}


# A reporting verb's participle hung after the main clause ("X calmed its clients on Monday, stressing that the reserve kept
# holds $13.5 million", "X met reporters, noting that ..."): its speaker is the sentence's subject. The subject is the
# first name, opening the sentence or after one introductory phrase ("Despite the incident, X ...").
_PARTICIPLE = Deferred(globals(), r",\s+(?:also\s+|further\s+|again\s+)?(?P<verb>[a-z]+ing)\s+(?:that|how)\b")
_SUBJECT_OPENS = Deferred(globals(), r"^[\W_]*(?:(?:[A-Z][\w'’-]*)(?:\s+[\w'’-]+){0,5},\s+)?(?:the\s+)?$")


def _reports_by_participle(text: str, first, frames) -> bool:
    """Is the first name the subject of the sentence, and a reporting verb's participle hung after its clause?"""
    if not _SUBJECT_OPENS.match(text, 0, first.start()):
        return False
    return any(m.group("verb").lower() in frames.strong for m in _PARTICIPLE.finditer(text, first.end()))


# What may stand before an inverted reporting verb: a clause mark (a quote's closing, a comma), or nothing ("..., said
# CoinGlass"; "“...” says Lee"). (The verb is the last word before the keyword's end: writer/check/tails.py.)
_INVERTED_BEFORE = re.compile(r"(?:^|[,;:(\"“”‘’'—–])\s*$")


def _speaker_follows(text: str, end: int, frames) -> bool:
    """May the names right after a keyword ending at ``end`` be its source? After a reporting verb, only when the verb
    is inverted, with nothing but a clause mark before it ("..., said CoinGlass"). A verb with a subject of its own
    has its reported clause after it, and that clause's subject is no source ("One claim says Binance Futures fell",
    "Traders said OKX recorded $X"). Prepositions ("according to", "per") and agents ("tracked by") always may."""
    if frames is None:
        return True
    word = last_word(text, end)
    if word is None or text[word[0]:word[1]].lower() not in frames.strong:
        return True
    return _INVERTED_BEFORE.search(text, 0, word[0]) is not None


def _source_after_name(text: str, at: int, frames) -> bool:
    """Do the words after the name ending at ``at`` make it a source? Its data or a reporting verb
    (``frames.source_before``), a verb past an apposition, a product's data, or its own record of a kind."""
    return (frames.source_before(text, at) or _reports_past_apposition(text, at, frames)
            or _owns_product_data(text, at, frames) or _owns_modified_data(text, at, frames))


# A product or market after a registered name, before its data noun: "Binance Futures data", "OKX derivatives
# figures", "Bybit spot numbers" (one or two words: a capitalised name, or one of these market words). The name
# owns the data: it is named as the source (rules P002, P008, P011 read this one reading through ``attributive``).
_PRODUCT = Deferred(globals(), r"(?:\s+(?:[A-Z][\w-]*|futures|derivatives|perpetuals?|perps|spot|options|margin)){1,2}")


def _owns_product_data(text: str, at: int, frames) -> bool:
    """Is the name ending at ``at`` the owner of a product's data ("Binance Futures data show")?"""
    m = _PRODUCT.match(text, at)
    return m is not None and frames.source_before(text, m.end())


def _reports_past_apposition(text: str, at: int, frames) -> bool:
    """Is the name ending at ``at`` the subject of a reporting or tallying verb past an apposition ("X, the sole
    source for the figure, said", "X, a single source, counted"), a restrictive relative clause ("one aggregator
    that did not wish to be named put") or a floating word ("X alone reports", "X and Y both show")? Only a verb
    counts there: a data noun after an apposition is another noun's."""
    m = _APPOSITION.match(text, at) or _floating().match(text, at)
    if m is not None:
        return _verb_after(text, m.end(), frames)
    if _RELATIVE.match(text, at) is None:
        return False
    # the relative clause ends where a reporting verb follows one of its words
    for word in _WORD_END.finditer(text, at, min(len(text), at + _RELATIVE_REACH)):
        if word.start() > at and _verb_after(text, word.end(), frames):
            return True
    return False


_WORD_END = re.compile(r"\w+")
_RELATIVE_REACH = 70  # characters after the name in which a restrictive relative clause's main verb is looked for


def _verb_after(text: str, at: int, frames) -> bool:
    """A reporting verb (``frames.reports_after``), a tallying verb's past ("counted", "tallied") or a weak verb with
    the subject's own record ("logged $X on its public stream") right after ``at``."""
    if frames.reports_after(text, at) or _tallied().match(text, at) is not None:
        return True
    v = _weak_verb().match(text, at)
    return v is not None and _own_record().search(text, v.end()) is not None


@lru_cache(maxsize=1)
def _tallied() -> re.Pattern:
    """The past of a tallying verb after a subject (phrases.yaml ``frames: tallying_verbs``): "CoinAnk, a single
    source, counted $X"."""
    forms = sorted(verb_forms(lemma)[2] for lemma in phrase_section("frames")["tallying_verbs"])
    return re.compile(rf"\s+(?:{'|'.join(map(re.escape, forms))})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _modified() -> re.Pattern:
    """A possessive and a word of what kind of data, before the data noun: "'s on-chain", "’s own public"."""
    mods = "|".join(re.escape(w) for w in sorted(phrase_section("frames")["data_modifiers"], key=len, reverse=True))
    return re.compile(rf"['’]s?\s+(?:own\s+)?(?:{mods})(?=\s)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _weak_verb() -> re.Pattern:
    """A weak verb right after a name ("Binance logged"): phrases.yaml ``frames: weak_verbs``, every form."""
    forms = sorted({f for lemma in phrase_section("frames")["weak_verbs"] for f in verb_forms(lemma)}, key=len, reverse=True)
    return re.compile(rf"\s+(?:{'|'.join(map(re.escape, forms))})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _own_record() -> re.Pattern:
    """"on its public liquidation stream", "in its own records": the subject's own record (phrases.yaml
    ``frames: after_name_nouns``, what a source publishes)."""
    nouns = "|".join(re.escape(w) for w in sorted(phrase_section("frames")["after_name_nouns"], key=len, reverse=True))
    return re.compile(rf"\b(?:on|in|from|via|through)\s+its\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})\b", re.IGNORECASE)


def _owns_modified_data(text: str, at: int, frames) -> bool:
    """Does the name ending at ``at`` give its own record? Its data of a kind ("X's on-chain records show", "X's
    exchange data"), or a weak verb with "its" record ("Binance logged $X on its public liquidation stream": a
    weak verb alone is a market's too, "Bitcoin logged gains")."""
    if text.startswith(("'", "’"), at):
        m = _modified().match(text, at)
        if m is not None and frames.source_before(text, m.end()):
            return True
    v = _weak_verb().match(text, at)
    return v is not None and _own_record().search(text, v.end()) is not None


def local_context(text: str, fig: Figure, prev_end: int, next_start: int, sent_start: int, sent_end: int) -> tuple[str, str]:
    left = text[max(prev_end, sent_start):fig.qualifier_start if fig.qualifier_start is not None else fig.start]
    right = text[fig.end:min(next_start, sent_end)]
    if "(" in right:  # (most figures have no parenthesis after them: no substitution to run)
        right = _PAREN.sub(lambda m: " " * len(m.group(0)), right)
    low = lowered(right)  # the clause ends scanned case-folded: the same offsets (writer/check/casefold.py)
    m = _CLAUSE_END_FOLDED.search(low) if low is not None else _CLAUSE_END.search(right)
    if m:
        right = right[:m.start()]
    return left, right


_LABEL_COMMA = re.compile(r"[,;]")


def _row_words(blocks) -> dict[int, str]:
    """For each table cell after its row's first: the words that describe it, its column's header and the cells
    before it in its row ("| BTC longs, 24h | $120m |": the label; "| venue | longs |" over "| OKX | $12m |": the
    header and the venue). Cells are blocks in row order, a row's cells on one line; the header is the table's
    first row, read as the cell's header only when its row has as many cells (an empty cell is no block)."""
    out: dict[int, str] = {}
    k = 0
    while k < len(blocks):
        if blocks[k].kind != "table_cell":
            k += 1
            continue
        table = []  # rows of block indexes
        while k < len(blocks) and blocks[k].kind == "table_cell" and (not table or blocks[k].section == blocks[table[-1][0]].section):
            line = blocks[k].positions[0][0]
            if table and blocks[table[-1][0]].positions[0][0] == line:
                table[-1].append(k)
            elif table and line <= blocks[table[-1][0]].positions[0][0]:
                break  # a new table starts (lines go up only within one)
            else:
                table.append([k])
            k += 1
        header = [blocks[i].text.strip() for i in table[0]]
        for row in table[1:]:
            heads = header if len(row) == len(header) else []
            for j, bi in enumerate(row):
                words = ([heads[j]] if heads else []) + [blocks[i].text.strip() for i in row[:j]]
                if words:  # (one clause: a comma inside a label, "longs, past day", does not part it from the figure)
                    out[bi] = _LABEL_COMMA.sub(" ", " ".join(words))
    return out


def analyse(article: Article, docs_sentences: list[list[tuple[int, int]]], docs_figures: list[list[Figure]],
            phrases: PhraseSet, source_rx, spelling: dict[str, str], kinds: dict[str, str] | None = None) -> Analysis:
    """Join blocks, sentence boundaries and figures into sentences and figure uses."""
    texts = tuple(b.text for b in article.blocks)
    labels_ok = tuple(not b.in_list for b in article.blocks)
    headings = tuple(b.kind == "heading" for b in article.blocks)
    reader = _Reader(phrases, source_rx, spelling, texts, {}, labels_ok, {}, headings,
                     _dialogue(phrases, texts, labels_ok, headings) if any(":" in t[:_LABEL_REACH] for t in texts) else False,
                     kinds or {})
    sentences: list[Sentence] = []
    uses: list[FigureUse] = []
    sections: dict[int, list[Sentence]] = {}
    rows = _row_words(article.blocks) if any(b.kind == "table_cell" for b in article.blocks) else {}
    for bi, (block, sents, figs) in enumerate(zip(article.blocks, docs_sentences, docs_figures)):
        text = block.text
        block_sents = [Sentence(bi, start, end, text[start:end], reader) for start, end in sents]
        at = 0  # figures and sentences are both in order: one pointer, not a search per figure
        for i, fig in enumerate(figs):
            while at < len(block_sents) - 1 and fig.start >= block_sents[at].end:
                at += 1
            s = block_sents[at] if block_sents and block_sents[at].start <= fig.start < block_sents[at].end else None
            if s is None:
                s = next((s for s in block_sents if s.start <= fig.start < s.end), block_sents[-1] if block_sents else None)
            if s is None:
                continue
            prev_end = figs[i - 1].end if i > 0 else 0
            next_start = figs[i + 1].start if i + 1 < len(figs) else len(text)
            left, right = local_context(text, fig, prev_end, next_start, s.start, s.end)
            if bi in rows:  # a table cell's figure is described by its row's label and its column's header
                left = f"{rows[bi]} {left}"
            line, col = block.position(fig.start)
            end_line, end_col = block.position(fig.end)
            fu = FigureUse(fig, bi, s, line, col, end_line, end_col, left, right)
            s.figures.append(fu)
            uses.append(fu)
        sentences.extend(block_sents)
        sections.setdefault(block.section, []).extend(block_sents)
    return Analysis(article, sentences, uses, phrases, sections)
