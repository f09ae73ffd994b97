"""Unnamed groups of sources given by a plural description, read in fact mode (``RuleContext.fact_sources_named``).

A figure whose every source is an unnamed group (the registry's ``group: true``: "mainstream sources", "several data
service providers") is credited by a plural description of sources of the group's kind in a source's place:
"Mainstream reports put the day's liquidations at about $2 billion", "according to several news outlets". The
description needs a word of ``group_modifiers`` before its noun (a bare "reports say" is hearsay, not a group), and
its noun must be of the group's registry kind (``group_nouns``; "sources" is of any kind). It is read where
``attributive`` (writer/check/analysis.py) reads a name: after "according to", before a reporting verb or its data.
It never credits a named source's figure, nor one source's: a group is plural and nameless.
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


__all__ = ["describes_groups"]
