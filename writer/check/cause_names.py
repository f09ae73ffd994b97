"""A name as the cause of what a sentence reports, not its source: "The X announcement, made via Y, set off a 9%
slide in ether, Z reported" (Z is the credit; X is who moved the market).

A name right before a news noun ("announcement", "post") reads as that news's owner, and so as a source ("X's
announcement" is X's statement, writer/check/frames.py ``source_before``). When that noun phrase is the subject of a
verb of cause ("set off", "triggered", "sent") it is what happened, and the figure after it is someone else's report
of its effect. The nouns and verbs are phrases.yaml ``linking: cause_nouns, cause_verbs``.

A name after a participle of holding and "by" ("ether held by X", "a wallet owned by X") is the holder, not the
agent of a report (``holds``; phrases.yaml ``linking: holder_participles``); so is a name after a participle of a
ranking and "by" ("..., followed by X with $120 million": a place in the order; ``order_participles``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from writer.check.phrasefile import phrase_section

# An aside between the subject and its verb: ", made via X,", ", posted on Friday," (no figure, no clause end).
_ASIDE = r"(?:\s*,[^,.;:\d$%]{1,60},)?"


@lru_cache(maxsize=1)
def _cause_after() -> re.Pattern:
    """After a name: its possessive, one optional word, a news noun, an optional aside, then a verb of cause."""
    words = phrase_section("linking")
    nouns, verbs = "|".join(words["cause_nouns"]), "|".join(words["cause_verbs"])
    return re.compile(rf"(?:['’]s?)?\s+(?:[\w-]+\s+)?(?:{nouns}){_ASIDE}\s+(?:{verbs})\b", re.IGNORECASE)


CAUSE_REACH = 100  # characters after a name in which its noun, aside and verb are looked for


def causes(text: str, at: int) -> bool:
    """Is the name ending at ``at`` the owner of news that is the subject of a verb of cause?"""
    return _cause_after().match(text, at, min(len(text), at + CAUSE_REACH)) is not None


@lru_cache(maxsize=1)
def _holder_before() -> re.Pattern:
    """A participle of holding or of a ranking, then "by", ending where a name starts."""
    linking = phrase_section("linking")
    words = "|".join(re.escape(w) for w in (*linking["holder_participles"], *linking["order_participles"]))
    return re.compile(rf"(?<![\w-])(?:{words})\s+by\s+$", re.IGNORECASE)


HOLDER_REACH = 30  # characters before a name in which "held by" is looked for


def holds(text: str, at: int) -> bool:
    """Is the name starting at ``at`` the holder after "held by", "owned by", or a place in a ranking after "followed
    by", "trailed by" (phrases.yaml ``linking: order_participles``)?"""
    return _holder_before().search(text, max(0, at - HOLDER_REACH), at) is not None


__all__ = ["causes", "holds"]
