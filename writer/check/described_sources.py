"""Sources a sentence gives without their name, read in fact mode (``RuleContext.fact_sources_named``).

Two readings, each of a source in a source's place (where ``attributive`` in writer/check/analysis.py
reads a registered name: after "according to", before a reporting verb or its data):

- a generic singular description: "a", "an", "one" or "a single", then at most an "unnamed" word and one
  more word, then a noun of DESCRIBED_NOUNS ("one aggregator put the total at ...", "according to an
  unnamed data provider"). It names "a described source": it credits a figure whose only source the registry
  describes rather than names (``described``, not a group): no name could be given. It never credits a
  named source's figure, and being singular it never credits an unnamed group's ("several providers").
- unnamed data told as the source: "..., data showed.", "the figures show", "according to the data reviewed"
  (``credits_unnamed_data``): it credits a
  described source's figure as a generic description does.
- a role noun: "the exchange", "the venue", "the protocol", "the platform", "the tracker", "the aggregator"
  ("..., the exchange's on-chain records show", "according to the venue", "the tracker counted"). It stands
  for the one source of its kinds named in the sentence, or else in the earlier sentences of its paragraph
  (``role_venue``), or else, when the paragraph names no source, in the nearest earlier paragraph of its
  section that names one (writer/check/rules/base.py); two such names, or none, leave it standing for no one.

Both are read as names are, by ``attributive`` in writer/check/analysis.py (a role noun giving its own record,
"the exchange's public data show", included).
"""

from __future__ import annotations

import re
from functools import lru_cache

from writer.check.phrasefile import phrase_section
from writer.factbase.records import DESCRIBED_NOUNS


@lru_cache(maxsize=1)
def unnamed_words() -> tuple[str, ...]:
    """Words that say the source is left unnamed ("an unnamed aggregator"): phrases.yaml ``described_sources``."""
    return tuple(phrase_section("described_sources")["unnamed_words"])


@lru_cache(maxsize=1)
def role_kinds() -> dict[str, frozenset[str]]:
    """A role noun -> the registry kinds of the source it may stand for ("the exchange" is an exchange):
    phrases.yaml ``described_sources``."""
    return {role: frozenset(kinds) for role, kinds in phrase_section("described_sources")["role_kinds"].items()}


@lru_cache(maxsize=1)
def _description() -> re.Pattern:
    unnamed = "|".join(unnamed_words())
    nouns = "|".join(DESCRIBED_NOUNS)
    return re.compile(rf"(?<![\w-])(?:a|an|one)(?:\s+single)?\s+(?:(?:{unnamed})\s+)?(?:[\w-]+\s+)?(?:{nouns})(?![\w-])",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _role() -> re.Pattern:
    return re.compile(rf"(?<![\w-])the\s+({'|'.join(role_kinds())})(?![\w-])", re.IGNORECASE)


def _credited(text: str, rx: re.Pattern, phrases, label: bool) -> list[re.Match]:
    """The matches of ``rx`` in ``text`` that stand where a source stands (read as ``attributive`` reads names)."""
    from writer.check.analysis import attributive  # (analysis imports the rules' context: imported when asked)

    mentions = list(rx.finditer(text))
    if not mentions:
        return []
    spelling = {m.group(0).lower(): m.group(0).lower() for m in mentions}
    picked = attributive(text, mentions, spelling, phrases, label=label)
    return [m for m in mentions if m.group(0).lower() in picked]


def describes_a_source(text: str, phrases, *, label: bool = False) -> bool:
    """Does ``text`` give a generic singular description of a source as a source ("one aggregator put ...")?"""
    return bool(_credited(text, _description(), phrases, label))


@lru_cache(maxsize=1)
def _data_credit_end() -> re.Pattern:
    """A data noun of phrases.yaml ``described_sources: data_nouns``, then at most three words to the end of the text."""
    nouns = "|".join(phrase_section("described_sources")["data_nouns"])
    return re.compile(rf"(?<![\w-])(?:{nouns})(?:\W+[\w-]+){{0,3}}\W*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _data_credit_after() -> re.Pattern:
    """A data noun right after an attribution phrase, behind a determiner and one word at most: "according to the data
    reviewed", "according to available figures", "according to the numbers"."""
    nouns = "|".join(phrase_section("described_sources")["data_nouns"])
    return re.compile(rf"\s*(?:(?:the|this|that|these|those)\s+)?(?:[\w-]+\s+)?(?:{nouns})\b", re.IGNORECASE)


# How far back from the end of an attribution phrase its data noun may stand ("data now clearly show": the noun, two
# adverbs and the verb).
_DATA_REACH = 40


_ATTRIBUTION = frozenset({"attribution"})


def credits_unnamed_data(sentence, phrases) -> bool:
    """Does ``sentence`` credit unnamed data and name no source as its source ("..., data showed on Tuesday.", "The
    figures show ...": an ``attribution`` phrase ending on or just after a data noun)? That is a description of a
    source: it credits a figure whose only source the registry describes, as "one unnamed aggregator" does."""
    if sentence.attributed or not sentence.has_any(_ATTRIBUTION):  # (a frame's too: "ledger data indicate")
        return False
    text = sentence.text
    ends = phrases.marker_ends("attribution", text)
    if any(_data_credit_end().search(text, max(0, end - _DATA_REACH), end) or _data_credit_after().match(text, end) for end in ends):
        return True
    frames = phrases.frames
    return frames is not None and any(m.group("verb").lower() in frames.strong for m in _data_subject().finditer(text))


@lru_cache(maxsize=1)
def _data_subject() -> re.Pattern:
    """A data noun as the subject of a reporting verb ("ledger data indicate that ...", "the figures suggest", "on-chain
    numbers now suggest"): the frame the attribution class read, with no phrase of its own to end on."""
    nouns = "|".join(phrase_section("described_sources")["data_nouns"])
    return re.compile(rf"(?<![\w-])(?:{nouns})\s+(?:\w+ly\s+|now\s+|also\s+)?(?P<verb>[a-z]+)\b", re.IGNORECASE)


def credited_roles(text: str, phrases, *, label: bool = False) -> frozenset[str]:
    """The role nouns ``text`` gives as a source ("according to the exchange": {"exchange"})."""
    return frozenset(m.group(1).lower() for m in _credited(text, _role(), phrases, label))


def role_venue(role: str, named_here: list[set[str]], kinds: dict[str, str]) -> str | None:
    """The one source a role noun stands for: of the role's kinds, named in its sentence (``named_here[0]``), else
    in the sentences before it in its paragraph (the rest, nearest first, taken together); None when there are
    none or several. ``kinds``: source id -> registry kind."""
    fits = role_kinds()[role]
    for group in (named_here[:1], named_here[1:]):
        found = {sid for names in group for sid in names if kinds.get(sid) in fits}
        if found:
            return next(iter(found)) if len(found) == 1 else None
    return None


__all__ = ["credited_roles", "credits_unnamed_data", "describes_a_source", "role_kinds", "role_venue", "unnamed_words"]
