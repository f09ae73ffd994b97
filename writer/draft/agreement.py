"""The grammatical number of what a figure describes, so that a verb can agree with it.

A figure's noun phrase is the house's own metric noun ("liquidations", "the number of liquidated accounts"),
or the fact file's free text: a subject that names the figure ("two funds", "Binance Futures", "the GMCI 30
index") or an editor's label. The house nouns are ours, so a final "s" on their head is a plural. Free text is
decided only by what it says plainly: a name in the source registry is one thing ("Binance Futures",
"Coinbase Derivatives"); a number or a plural quantifier in front makes many ("two funds", "several desks");
a head noun without a final "s" is one ("the GMCI 30 index", "a fund"), bar a few irregular plurals.
A head that ends in "s" with nothing else to go by ("ETFs", "Futures") is left undecided, and the template
words the sentence so that no verb has to agree (``agree`` returns "").
"""

from __future__ import annotations

import re

ONE, MANY, UNDECIDED = "one", "many", ""

_NUMBER_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                           "dozens", "hundreds", "thousands", "millions"})
_PLURAL_LEADS = frozenset({"several", "many", "multiple", "various", "both", "few", "these", "those", "numerous"})
# "a few funds", "a number of desks", "a couple of whales": a plural opened by "a"
_PLURAL_OPENINGS = ("a few ", "a number of ", "a couple of ", "a lot of ", "a handful of ", "a series of ", "a pair of ")
# Plurals without a final "s" a market story may name; "data" and "media" are either, as desks differ: left undecided.
_IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "police", "criteria", "phenomena", "cattle"})
_EITHER = frozenset({"data", "media", "staff", "series", "species"})
# Where a noun phrase's head ends: "the loss linked to X", "liquidations on Binance for X".
_HEAD_END = re.compile(r"\s(?:of|on|in|for|at|over|from|by|across|to|with|during|against|since|under|after|before|near|"
                       r"around|between|among|per|via|attributed|linked|recorded|used|held|tracked|seen|that|which|who)\s")
_CARDINAL = re.compile(r"^\d[\d,.]*$")


def head_of(phrase: str) -> str:
    """The head noun of a noun phrase, as the last word before its first preposition or post-modifier."""
    m = _HEAD_END.search(" " + phrase.strip() + " ")
    before = (" " + phrase.strip() + " ")[: m.start()] if m else phrase
    words = before.split()
    return words[-1].strip(".,;:!?\"'()[]") if words else ""


def number_of(phrase: str, *, names: frozenset[str] = frozenset(), own_words: bool = False) -> str:
    """ONE, MANY or UNDECIDED for a noun phrase. ``names``: the registry's spellings, lower-cased (a source's
    name is one thing whatever its last letter). ``own_words``: the phrase is the house's own noun, whose final
    "s" is a plural."""
    text = " ".join(phrase.split())
    low = text.casefold()
    if not low:
        return UNDECIDED
    if low in names or low.removeprefix("the ") in names:
        return ONE
    if low.startswith(_PLURAL_OPENINGS):
        return MANY
    words = low.split()
    first = words[1] if words[0] == "the" and len(words) > 1 else words[0]
    if first in _NUMBER_WORDS or first in _PLURAL_LEADS:
        return MANY
    if _CARDINAL.match(first):
        return ONE if first in ("1", "1.0") else MANY
    head = head_of(low)
    if head in _IRREGULAR_PLURALS:
        return MANY
    if head in _EITHER:
        return UNDECIDED
    plural_look = head.endswith("s") and not head.endswith(("ss", "us", "is", "'s", "’s"))
    if not plural_look:
        return ONE
    return MANY if own_words else UNDECIDED
