"""Credits that point back at a source named before: "the same data show", "by the same measure".

A source anaphor (``anaphor_sources``): "the same data", "by the same measure", "on the same figures" stand for
the sources the nearest earlier credit of the figure's section names (a sentence naming sources *as sources*:
``Sentence.attributed``). Read in both modes through ``Analysis.scope_sources``; with no earlier credit in the
section it stands for no one. Pairs ("both dashboards", "the two providers") and role nouns ("the tracker") are
read with the other role nouns, in writer/check/rules/base.py and writer/check/described_groups.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from writer.check.phrasefile import phrase_section


@lru_cache(maxsize=1)
def _anaphor() -> re.Pattern:
    """ "the same data", "the same site", "the dataset": phrases.yaml ``source_anaphors``."""
    words = phrase_section("source_anaphors")
    same = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words["same"])
    definite = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words["definite"])
    shown = _alternation([*words["demonstrative"], *words["series"]])
    return re.compile(rf"(?<![\w-])(?:the\s+same\s+(?:{same})|(?:the|this|that)\s+(?:{definite})|{shown})(?![\w-])",
                      re.IGNORECASE)


def _alternation(patterns) -> str:
    return "(?:" + "|".join(patterns) + ")"


def anaphor_sources(analysis, sentence) -> set[str]:
    """The sources an anaphoric credit in ``sentence`` stands for (empty: none, or nothing credited before it in
    its section). Once per sentence."""
    key = ("anaphor", id(sentence))
    got = analysis._prefixes.get(key)
    if got is None:
        got = analysis._prefixes[key] = _resolve(analysis, sentence)
    return got


# A speaker told by a pronoun at the head of a sentence that reports: "He highlighted that ...", "She later added that ...".
_PRONOUN_HEAD = re.compile(r"(?:he|she)\s+(?:(?:also|later|then|further|again|previously|earlier)\s+)?(?P<verb>[a-z]+)\b", re.IGNORECASE)


def _resolve(analysis, sentence) -> set[str]:
    text = sentence.text
    if _anaphor().search(text) is None and not _speaker_goes_on(sentence):
        return set()
    return next((set(s.attributed) for s in _earlier(analysis, sentence) if s.attributed), set())


def _speaker_goes_on(sentence) -> bool:
    """Does the sentence open with "he" or "she" and a reporting verb that makes the pronoun a source ("He highlighted
    that ...", "She added that ...")? Then the speaker is the nearest one credited before it in the section, a paragraph
    back too: the pronoun points at the speaker, as "the same data" points at the data."""
    m = _PRONOUN_HEAD.match(sentence.text.lstrip(" \"“'‘*_"))
    frames = sentence._reader.phrases.frames
    return m is not None and frames is not None and m.group("verb").lower() in frames.strong


def points_back(analysis, sentence) -> bool:
    """Does an anaphoric credit in ``sentence`` point back at an earlier credit of its section, whoever that credit
    names ("According to Glassnode, ..." then, a paragraph on, "The same data shows ..."; a source no registry holds
    has no id for ``anaphor_sources`` to give)? Any attribution frame before it counts, a named or an unnamed source."""
    if _anaphor().search(sentence.text) is None:
        return False
    return any(s.has_caveat() and "attribution" in s.classes for s in _earlier(analysis, sentence))


def _earlier(analysis, sentence):
    """The sentences of ``sentence``'s section before it, nearest first."""
    section = analysis.article.blocks[sentence.block].section
    members = analysis.sections.get(section, [])
    at = next((i for i, s in enumerate(members) if s is sentence), 0)
    return reversed(members[:at])


__all__ = ["anaphor_sources", "points_back"]
