"""The project's spaCy pipeline: the only module that imports spaCy, and only when asked.

spaCy costs about a second to import, so nothing here runs at import time
unless spaCy itself is already loaded (which is how spaCy's entry-point
loader finds the ``writer_figures`` factory declared in pyproject.toml).
The pipeline is ``spacy.blank("en")`` with a few tokenizer exceptions for the
genre's abbreviations, the rule-based sentencizer, and ``writer_figures``: a
component that marks every figure (``doc.spans["writer_figures"]``, with the
normalised ``Figure`` on ``doc._.writer_figures``) and every attribution or
caveat phrase (``doc.spans["writer_phrases"]``, labelled by class). Anyone can
add it to their own pipeline with ``nlp.add_pipe("writer_figures")``.
"""

from __future__ import annotations

import sys

FACTORY = "writer_figures"
_registered = False

# Abbreviations the blank English tokenizer would otherwise end a sentence on.
_ABBREVIATIONS = ("approx.", "est.", "vs.", "Inc.", "Corp.", "Ltd.", "No.", "Co.", "Gov.", "Sen.", "Rep.", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


class FigureComponent:
    """Marks figures and attribution/caveat phrases on a Doc (character-offset based)."""

    def __init__(self, nlp, name: str = FACTORY, extra_phrases: dict | None = None, phrase_spans: bool = True):
        from writer.check.phrases import build_phrases

        self.name = name
        self.phrases = build_phrases(extra_phrases or {})
        self.phrase_spans = phrase_spans

    def __call__(self, doc):
        from writer.check.figures import find_figures

        figures = find_figures(doc.text, self.phrases.qualifiers)
        doc._.writer_figures = figures
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
                for m in rx.finditer(doc.text):
                    span = doc.char_span(m.start(), m.end(), label=label, alignment_mode="expand")
                    if span is not None:
                        marks.append(span)
            doc.spans["writer_phrases"] = marks
        return doc


def make_figure_component(nlp, name: str, extra_phrases: dict | None = None, phrase_spans: bool = True) -> FigureComponent:
    """spaCy factory ``writer_figures`` (declared under ``spacy_factories`` in pyproject.toml)."""
    return FigureComponent(nlp, name, extra_phrases, phrase_spans)


def register() -> None:
    """Register the factory and the Doc extension with spaCy (idempotent)."""
    global _registered
    if _registered:
        return
    from spacy.language import Language
    from spacy.tokens import Doc

    if not Doc.has_extension("writer_figures"):
        Doc.set_extension("writer_figures", default=None)
    if not Language.has_factory(FACTORY) or FACTORY not in Language._factory_meta:
        Language.factory(FACTORY, default_config={"extra_phrases": {}, "phrase_spans": True}, func=make_figure_component)
    _registered = True


def build_pipeline(extra_phrases: dict | None = None, *, phrase_spans: bool = False):
    """``spacy.blank("en")`` + abbreviations + sentencizer + ``writer_figures``.

    The checker passes ``phrase_spans=False``: it reads phrases per sentence
    itself and skips building Span objects nobody looks at.
    """
    import spacy
    from spacy.symbols import ORTH

    register()
    nlp = spacy.blank("en")
    for abbr in _ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(FACTORY, config={"extra_phrases": extra_phrases or {}, "phrase_spans": phrase_spans})
    return nlp


# spaCy imports this module through the ``spacy_factories`` entry point when a
# Language is created; register then, so ``nlp.add_pipe("writer_figures")`` works
# without importing writer first. Otherwise stay lazy.
if "spacy.language" in sys.modules:
    register()
