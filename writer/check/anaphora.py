"""Credits that point back at a source named before: "the same data show", "on both dashboards", "the tracker".

Two readings, both bounded by the figure's section (a credit under another heading is out of reach):

- a source anaphor (``anaphor_sources``): "the same data", "by the same measure", "on the same figures" stand for
  the sources the nearest earlier credit of the section names (a sentence naming sources *as sources*:
  ``Sentence.attributed``); "both dashboards", "the two providers' figures", "both sources" for the last two
  sources credited before (nearest first, one credit or two). Read in both modes through
  ``Analysis.scope_sources``; with no earlier credit in the section it stands for no one.
- a role noun (``role_source``, fact mode): "the tracker", "that dashboard", "the aggregator", "the data provider",
  as the subject of a verb or where a source stands ("according to the tracker"), stands for the last source of
  its kinds (registry kinds, ``ROLE_KINDS``) named before it in the section, a table's cell included: the
  nearest sentence that names one decides; two of them there leave it standing for no one (as "the exchange"
  does: writer/check/described_sources.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from writer.check.frames import verb_forms
from writer.check.phrasefile import phrase_section

# "the same data", "by the same measure": the nouns of a source's output (not "the same figure", which is a number).
_SAME = re.compile(r"(?<![\w-])the\s+same\s+(?:data(?:set)?|figures|numbers|statistics|stats|records|readings|source|sources|"
                   r"provider|tracker|dashboard|aggregator|feed|measure|count|tally|reckoning|report|platform)(?![\w-])",
                   re.IGNORECASE)
# "both dashboards", "the two providers' figures", "both sources": two sources named before.
_BOTH = re.compile(r"(?<![\w-])(?:both|the\s+two|the\s+pair\s+of)\s+(?:data\s+)?(?:dashboards|trackers|providers|aggregators|"
                   r"sources|feeds|platforms|services)(?![\w-])", re.IGNORECASE)
# How many sources "both" and "the two" stand for.
_PAIR = 2

# A role noun -> the registry kinds of the source it may stand for.
ROLE_KINDS = {
    "tracker": frozenset({"aggregator", "onchain"}),
    "aggregator": frozenset({"aggregator"}),
    "dashboard": frozenset({"aggregator"}),
    "data provider": frozenset({"aggregator", "market_data", "onchain"}),
    "provider": frozenset({"aggregator", "market_data", "onchain"}),
}
_ROLE = re.compile(r"(?<![\w-])(?:the|that|this)\s+(?:same\s+)?(data\s+provider|tracker|aggregator|dashboard|provider)(?![\w-])",
                   re.IGNORECASE)
# What may stand before a role noun that credits: a preposition of attribution ("according to the tracker").
_ROLE_PREP = re.compile(r"(?:according\s+to|per|from|by|on|citing|via)\s+$", re.IGNORECASE)
# Helpers and adverbs between a subject and its verb: "the tracker also logged", "the dashboard has since put".
_AUX = r"(?:\s*,)?(?:\s+(?:has|have|had|was|were|is|also|then|later|since|separately|likewise|further|again|itself|alone|\w+ly))*"


@lru_cache(maxsize=1)
def _role_verb() -> re.Pattern:
    """A reporting or recording verb right after a role noun (phrases.yaml ``frames``: strong and weak verbs), or its
    possessive with a data noun ("the tracker's figures")."""
    frames = phrase_section("frames")
    forms = sorted({f for lemma in [*frames["strong_verbs"], *frames["weak_verbs"]] for f in verb_forms(lemma)},
                   key=len, reverse=True)
    nouns = sorted(set(frames["after_name_nouns"]), key=len, reverse=True)
    return re.compile(rf"(?:{_AUX}\s+(?:{'|'.join(map(re.escape, forms))})|['’]s?\s+(?:own\s+)?(?:{'|'.join(map(re.escape, nouns))}))(?![\w-])",
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
    same, both = _SAME.search(text), _BOTH.search(text)
    if same is None and both is None:
        return set()
    earlier = _earlier(analysis, sentence)
    if both is not None:
        found: list[str] = []
        for s in earlier:
            for sid in _credited_in_order(s):
                if sid not in found:
                    found.append(sid)
            if len(found) >= _PAIR:
                return set(found[:_PAIR])
        return set()
    return next((set(s.attributed) for s in earlier if s.attributed), set())


def _credited_in_order(sentence) -> list[str]:
    """The sources a sentence credits, the last named first."""
    credited = sentence.attributed
    return [sid for _, _, sid in reversed(sentence.named_at()) if sid in credited]


def _earlier(analysis, sentence):
    """The sentences of ``sentence``'s section before it, nearest first."""
    section = analysis.article.blocks[sentence.block].section
    members = analysis.sections.get(section, [])
    at = next((i for i, s in enumerate(members) if s is sentence), 0)
    return reversed(members[:at])


def role_source(analysis, sentence, kinds: dict[str, str]) -> set[str]:
    """The sources the role nouns of ``sentence`` stand for where they credit ("The tracker also logged ...",
    "according to the dashboard"). ``kinds``: source id -> registry kind."""
    out: set[str] = set()
    text = sentence.text
    for m in _ROLE.finditer(text):
        if not (_role_verb().match(text, m.end()) or _ROLE_PREP.search(text, 0, m.start())):
            continue
        fits = ROLE_KINDS[" ".join(m.group(1).lower().split())]
        for s in [sentence, *_earlier(analysis, sentence)]:
            named = {sid for start, _, sid in s.named_at() if (s is not sentence or start < m.start()) and kinds.get(sid) in fits}
            if named:
                if len(named) == 1:
                    out |= named
                break
    return out


__all__ = ["ROLE_KINDS", "anaphor_sources", "role_source"]
