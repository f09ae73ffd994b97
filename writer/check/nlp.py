"""The project's spaCy pipeline: the only module that imports spaCy, and only when asked.

The check itself does not load spaCy: it reads no token, so
:class:`FigureComponent` runs without a Language around it (``Checker``'s
default). The pipeline is here for those who want writer's figures and
phrases as spans on a spaCy Doc (``nlp.add_pipe("writer_figures")``), and
``Checker(spacy_pipeline=True)`` runs the check through it (same findings).

spaCy costs about a second to import, so nothing here runs at import time
unless spaCy itself is already loaded (which is how spaCy's entry-point
loader finds the ``writer_figures`` factory declared in pyproject.toml).

The pipeline is ``spacy.blank("en")`` with two project parts:

- a tokenizer for market-news prose: English exceptions ("U.S.", "don't")
  plus prefix/suffix/infix rules for money, percent and range forms ("$",
  "%", "$92,000-$94,000"), with the English default's URL and emoticon
  machinery left out: it is about thirty times faster on this genre (the
  checker's own pipeline skips tokens altogether: no rule reads one);
- ``writer_figures``: a component that finds sentence boundaries (a
  rule-based sentencizer that knows the genre's abbreviations, decimals and
  closing quotes, and never crosses a blank line), every figure
  (``doc._.writer_figures``: normalised ``Figure`` records; spans in
  ``doc.spans["writer_figures"]``) and, when asked, every attribution or caveat
  phrase (``doc.spans["writer_phrases"]``, labelled by class). Anyone can add
  it to a pipeline with ``nlp.add_pipe("writer_figures")``.
"""

from __future__ import annotations

import re
import sys

from writer.check.casefold import lowered
from writer.check.multiples import gated as multiples_gated
from writer.check.sentences import ABBREVIATIONS, sentence_bounds  # noqa: F401 (the one splitter)

FACTORY = "writer_figures"
_registered = False

# The genre's tokenizer rules, compiled only when spaCy's tokenizer is built (the check without spaCy never is).
_PREFIX = r"""^(?:US\$|[\[\("'“‘*$#>~_])"""
_SUFFIX = r"""(?:[\]\)"'”’*.,;:!?%]|['’]s)$"""
_INFIX = r"""(?<=[-–—])\$|(?<=[A-Za-z])[—–/](?=[A-Za-z])|(?<=[\d%])[-–—](?=[\d$])|(?<=[a-z])[—–](?=[\d$])|(?<=\w)[—–](?=\w)|(?<=[a-z]):(?=[A-Za-z])"""
_TOKEN_MATCH = r"^(?:\d+(?:[.,]\d+)*|[A-Z](?:\.[A-Z])+\.?)$"


class FigureComponent:
    """Sentences, figures and (optionally) attribution/caveat phrases on a Doc, by character offsets."""

    # Chunks remembered (a bound, not a tuning knob: enough for every distinct template sentence).
    MEMO_SIZE = 8192

    def __init__(self, nlp, name: str = FACTORY, extra_phrases: dict | None = None, phrase_spans: bool = True,
                 figure_spans: bool = True, sent_starts: bool = True, doc_offsets: bool = True, phrases=None):
        from writer.check.phrases import build_phrases

        self.name = name
        # ``phrases``: a PhraseSet already built by the caller (the checker), compiled once.
        self.phrases = phrases if phrases is not None else build_phrases(extra_phrases or {})
        self.phrase_spans = phrase_spans
        self.figure_spans = figure_spans
        self.sent_starts = sent_starts
        self.doc_offsets = doc_offsets or sent_starts or figure_spans
        self._memo: dict[str, tuple[tuple, tuple]] = {}
        self._figure_free: set[str] = set()  # sentences read before that hold no figure (find_figures)

    def chunks(self, text: str) -> list[tuple[tuple[tuple[int, int], ...], tuple]]:
        """(sentences, figures) of each blank-line-separated chunk, offsets relative to the chunk.

        A blank line ends every sentence (Markdown blocks), so a chunk reads the same
        wherever it sits; drafted articles share most of their paragraphs with other
        drafts of the same templates, so each distinct chunk is read once per process.
        """
        from writer.check.figures import find_figures, small_count_in

        out = []
        memo = self._memo
        for chunk in text.split("\n\n"):
            hit = memo.get(chunk)
            if hit is None:
                bounds = sentence_bounds(chunk)
                figures = find_figures(chunk, self.phrases.qualifiers, sentences=bounds, figure_free=self._figure_free) \
                    if _DIGIT.search(chunk) or _wordy(chunk) or multiples_gated(chunk.lower()) or small_count_in(chunk.lower()) else []
                hit = (tuple(bounds), tuple(figures))
                if len(memo) >= self.MEMO_SIZE:
                    memo.clear()
                memo[chunk] = hit
            out.append(hit)
        return out

    def segment(self, text: str) -> tuple[list[tuple[int, int]], list]:
        """(sentence offsets, figures) of a text: everything the check reads, no tokens needed."""
        return join_chunks(text, self.chunks(text))

    def __call__(self, doc):
        # Doc.text rebuilds the string token by token; the genre tokenizer keeps the original.
        text = doc.user_data.get(TEXT_KEY) if doc.user_data else None
        if text is None:
            text = doc.text
        chunks = self.chunks(text)
        doc.user_data[CHUNKS_KEY] = chunks
        if self.doc_offsets:  # (the checker reads the chunks)
            sentences, figures = join_chunks(text, chunks)
            doc._.writer_sentences = sentences
            doc._.writer_figures = figures
        if self.sent_starts:  # so doc.sents works for other components (the checker reads the offsets)
            starts = {s for s, _ in sentences}
            for tok in doc:
                tok.is_sent_start = tok.idx in starts
        if self.figure_spans:
            spans = []
            for f in figures:
                span = doc.char_span(f.start, f.end, label=f.unit or "NUMBER", alignment_mode="expand")
                if span is not None:
                    spans.append(span)
            doc.spans["writer_figures"] = spans
        if self.phrase_spans:
            marks = []
            for label, rx in self.phrases.markers.items():
                if rx is None:
                    continue
                for m in rx.finditer(text):
                    span = doc.char_span(m.start(), m.end(), label=label, alignment_mode="expand")
                    if span is not None:
                        marks.append(span)
            doc.spans["writer_phrases"] = marks
        return doc


def join_chunks(text: str, chunks) -> tuple[list[tuple[int, int]], list]:
    """Per-chunk (sentences, figures) as offsets in the whole text."""
    sentences, figures = [], []
    pos = 0
    for chunk, (sents, figs) in zip(text.split("\n\n"), chunks):
        sentences.extend((a + pos, b + pos) for a, b in sents)
        figures.extend(f.moved(pos) for f in figs)
        pos += len(chunk) + 2
    return sentences, figures


CHUNKS_KEY = "writer_chunks"

# Word magnitudes are figures without digits ("several million dollars", "a billion").
_DIGIT = re.compile(r"\d")
# (with "dozen" and "scores of": counts in words, figures.py ``_count_words``; "record": ``_records``; "six-figure";
# "half", "third", "quarter", "fifth", "tenth": shares in words, ``_share_words``; multiples and ratios in words have
# their own gate, writer/check/multiples.py ``gated``; "zero" and a rate ("one liquidation per second"): ``_zeros``, ``_rates_in_words``)
_WORDY = re.compile(r"hundred|thousand|million|billion|trillion|dozen|scores of|record|figure|half|third|quarter|fifth|tenth"
                    r"|zero|per second|per minute|per hour|per day", re.IGNORECASE)
_WORDY_FOLDED = re.compile(_WORDY.pattern)  # for lowered text: the engine skips to h, t, m, b, d, s, r, f, q, z, p (4x faster)


def _wordy(text: str) -> bool:
    """``_WORDY.search(text)``, scanned case-folded when that gives the same answer (writer/check/casefold.py)."""
    low = lowered(text)
    return bool(_WORDY_FOLDED.search(low) if low is not None else _WORDY.search(text))


def make_figure_component(nlp, name: str, extra_phrases: dict | None = None, phrase_spans: bool = True,
                          figure_spans: bool = True, sent_starts: bool = True, doc_offsets: bool = True) -> FigureComponent:
    """spaCy factory ``writer_figures`` (declared under ``spacy_factories`` in pyproject.toml)."""
    return FigureComponent(nlp, name, extra_phrases, phrase_spans, figure_spans, sent_starts, doc_offsets)


def register() -> None:
    """Register the factory and the Doc extensions with spaCy (idempotent)."""
    global _registered
    if _registered:
        return
    from spacy.language import Language
    from spacy.tokens import Doc

    for ext in ("writer_figures", "writer_sentences"):
        if not Doc.has_extension(ext):
            Doc.set_extension(ext, default=None)
    if FACTORY not in Language._factory_meta and not Language.has_factory(FACTORY):
        Language.factory(FACTORY, default_config={"extra_phrases": {}, "phrase_spans": True, "figure_spans": True, "sent_starts": True, "doc_offsets": True}, func=make_figure_component)
    _registered = True


TEXT_KEY = "writer_text"


class GenreTokenizer:
    """spaCy's Tokenizer with the genre's rules; keeps the input string on the Doc (``user_data``)."""

    def __init__(self, nlp, tokens: bool = True):
        from spacy.tokenizer import Tokenizer
        from spacy.tokens import Doc

        self._doc = Doc
        self.vocab = nlp.vocab
        self.tokens = tokens
        self.inner = Tokenizer(
            nlp.vocab,
            rules=nlp.Defaults.tokenizer_exceptions,
            prefix_search=re.compile(_PREFIX).search,
            suffix_search=re.compile(_SUFFIX).search,
            infix_finditer=re.compile(_INFIX).finditer,
            token_match=re.compile(_TOKEN_MATCH).match,
        )

    def __call__(self, text: str):
        if self.tokens:
            doc = self.inner(text)
        else:  # the caller reads only character offsets: an empty Doc that carries the text
            doc = self._doc(self.vocab, words=[])
        doc.user_data[TEXT_KEY] = text
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)


def make_tokenizer(nlp, tokens: bool = True) -> GenreTokenizer:
    """English exceptions with the genre's prefix, suffix and infix rules (see the module docstring)."""
    return GenreTokenizer(nlp, tokens)


def build_pipeline(extra_phrases: dict | None = None, *, phrase_spans: bool = False, figure_spans: bool = False,
                   sent_starts: bool = True, tokens: bool = True, doc_offsets: bool = True):
    """``spacy.blank("en")`` + the genre tokenizer + ``writer_figures``.

    The checker passes ``phrase_spans=False, figure_spans=False``: it reads
    figures and phrases from the component's records and skips building Span
    objects nobody looks at. It also passes ``tokens=False, sent_starts=False``:
    no rule reads a token, and tokenizing a drafted article cost as much as
    all of its rules (the Doc then holds no tokens, only the text). With
    ``doc_offsets=False`` the figures and sentences stay per chunk
    (``doc.user_data["writer_chunks"]``), which is how the checker reads them
    block by block.
    """
    import spacy

    register()
    nlp = spacy.blank("en")
    nlp.tokenizer = make_tokenizer(nlp, tokens)
    nlp.add_pipe(FACTORY, config={"extra_phrases": extra_phrases or {}, "phrase_spans": phrase_spans,
                                  "figure_spans": figure_spans, "sent_starts": sent_starts,
                                  "doc_offsets": doc_offsets})
    return nlp


# spaCy imports this module through the ``spacy_factories`` entry point when a
# Language is created; register then, so ``nlp.add_pipe("writer_figures")`` works
# without importing writer first. Otherwise stay lazy.
if "spacy.language" in sys.modules:
    register()
