"""Unnamed groups of sources given by a plural description, read in fact mode (``RuleContext.fact_sources_named``).

A figure whose every source is an unnamed group (the registry's ``group: true``: "mainstream sources", "several data
service providers") is credited by a plural description of sources of the group's kind in a source's place:
"Mainstream reports put the day's liquidations at about $2 billion", "according to several news outlets". The
description needs a word of ``group_modifiers`` before its noun (a bare "reports say" is hearsay, not a group), and
its noun must be of the group's registry kind (``group_nouns``; "sources" is of any kind). It is read where
``attributive`` (writer/check/analysis.py) reads a name: after "according to", before a reporting verb or its data.
It never credits a named source's figure, nor one source's: a group is plural and nameless.

A plural role noun with "the two" or "both" ("..., the two providers' figures show", "on both dashboards") stands for
the two sources of its kinds named last: in its sentence, else the nearest earlier sentence of its paragraph or
paragraph of its section that names sources of those kinds (``pair_of``); when that is not exactly two, no one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from writer.check.phrasefile import phrase_section


@lru_cache(maxsize=1)
def _descriptions() -> dict[str, re.Pattern]:
    """Registry kind -> the pattern of a plural description of that kind (phrases.yaml ``linking``)."""
    words = phrase_section("linking")
    modifiers = "|".join(re.escape(w) for w in sorted(words["group_modifiers"], key=len, reverse=True))
    out = {}
    for kind, nouns in words["group_nouns"].items():
        alt = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
        out[kind] = re.compile(rf"(?<![\w-])(?:{modifiers})\s+(?:[\w-]+\s+)?(?:{alt})(?![\w-])", re.IGNORECASE)
    return out


def describes_groups(text: str, kinds: frozenset[str], phrases, *, label: bool = False) -> bool:
    """Does ``text`` give a plural description of sources of one of ``kinds`` (registry kinds) as a source?"""
    from writer.check.analysis import attributive  # (analysis imports the rules' context: imported when asked)

    patterns = _descriptions()
    for kind in (*sorted(kinds), "any"):
        rx = patterns.get(kind)
        mentions = list(rx.finditer(text)) if rx is not None else []
        if mentions:
            spelling = {m.group(0).lower(): m.group(0).lower() for m in mentions}
            if attributive(text, mentions, spelling, phrases, label=label):
                return True
    return False


@lru_cache(maxsize=1)
def group_lead() -> re.Pattern:
    """A text opening (after quote marks, emphasis or a bracket) on a plural description of sources of any kind."""
    return re.compile(r"[\s\"'“‘*_(]*(?:" + "|".join(rx.pattern for rx in _descriptions().values()) + ")", re.IGNORECASE)


def opens_with_group(text: str) -> bool:
    """Does ``text`` open on a plural description of sources of any kind ("Several outlets paint a consistent picture
    of the sell-off:")? A list's lead-in that does is the items' credit, whatever its verb (analysis ``_list_credit``)."""
    return group_lead().match(text) is not None


# "the two providers", "both dashboards": two sources of a kind, named before (``credited_pair``).
_PAIR = re.compile(r"(?<![\w-])(?:the\s+two|both(?:\s+the)?)\s+(providers|data\s+providers|trackers|aggregators|dashboards|platforms|exchanges|venues)(?![\w-])(?:['’](?!\w))?",
                   re.IGNORECASE)
# The registry kinds each plural role noun may stand for (as phrases.yaml described_sources.role_kinds for the singular).
PAIR_KINDS = {"providers": frozenset({"aggregator", "market_data"}), "trackers": frozenset({"aggregator", "onchain"}),
              "aggregators": frozenset({"aggregator"}), "dashboards": frozenset({"aggregator"}),
              "platforms": frozenset({"exchange", "aggregator", "onchain", "market_data"}),
              "exchanges": frozenset({"exchange"}), "venues": frozenset({"exchange"})}


def credited_pairs(text: str, phrases, *, label: bool = False) -> list[frozenset[str]]:
    """The kinds of every "the two <nouns>" / "both <nouns>" that ``text`` gives as a source ("..., the two providers'
    figures show"): it stands for the two sources of those kinds named last (``pair_of``)."""
    from writer.check.analysis import attributive

    mentions = list(_PAIR.finditer(text))
    if not mentions:
        return []
    spelling = {m.group(0).lower(): m.group(0).lower() for m in mentions}
    picked = attributive(text, mentions, spelling, phrases, label=label)
    return [PAIR_KINDS[m.group(1).split()[-1].lower()] for m in mentions if m.group(0).lower() in picked]


def pair_of(kinds: frozenset[str], named: list[set[str]], registry_kinds: dict[str, str]) -> frozenset[str]:
    """The two sources of ``kinds`` a plural role noun stands for: in its sentence (``named[0]``), else the nearest
    earlier sentence or paragraph (the rest, nearest first) naming sources of those kinds; exactly two, or none."""
    for names in named:
        found = frozenset(sid for sid in names if registry_kinds.get(sid) in kinds)
        if found:
            return found if len(found) == 2 else frozenset()
    return frozenset()


__all__ = ["PAIR_KINDS", "credited_pairs", "describes_groups", "pair_of"]
