"""Credits that point back at a source named before: "the same data show", "by the same measure".

A source anaphor (``anaphor_sources``): "the same data", "by the same measure", "on the same figures" stand for
the sources the nearest earlier credit of the figure's section names (a sentence naming sources *as sources*:
``Sentence.attributed``). Read in both modes through ``Analysis.scope_sources``; with no earlier credit in the
section it stands for no one. Pairs ("both dashboards", "the two providers") and role nouns ("the tracker") are
read with the other role nouns, in writer/check/rules/base.py and writer/check/described_groups.py.
"""

from __future__ import annotations

import re

# "the same data", "by the same measure": the nouns of a source's output (not "the same figure", which is a number).
_SAME = re.compile(r"(?<![\w-])the\s+same\s+(?:data(?:set)?|figures|numbers|statistics|stats|records|readings|source|sources|"
                   r"provider|tracker|dashboard|aggregator|feed|measure|count|tally|reckoning|report|platform)(?![\w-])",
                   re.IGNORECASE)


def anaphor_sources(analysis, sentence) -> set[str]:
    """The sources an anaphoric credit in ``sentence`` stands for (empty: none, or nothing credited before it in
    its section). Once per sentence."""
    key = ("anaphor", id(sentence))
    got = analysis._prefixes.get(key)
    if got is None:
        got = analysis._prefixes[key] = _resolve(analysis, sentence)
    return got


def _resolve(analysis, sentence) -> set[str]:
    text = sentence.text
    if _SAME.search(text) is None:
        return set()
    return next((set(s.attributed) for s in _earlier(analysis, sentence) if s.attributed), set())


def _earlier(analysis, sentence):
    """The sentences of ``sentence``'s section before it, nearest first."""
    section = analysis.article.blocks[sentence.block].section
    members = analysis.sections.get(section, [])
    at = next((i for i, s in enumerate(members) if s is sentence), 0)
    return reversed(members[:at])


__all__ = ["anaphor_sources"]
