"""Sources a sentence gives without their name, read in fact mode (``RuleContext.fact_sources_named``).

Two readings, each of a source in a source's place (where ``attributive`` in writer/check/analysis.py
reads a registered name: after "according to", before a reporting verb or its data):

- a generic singular description: "a", "an", "one" or "a single", then at most an "unnamed" word and one
  more word, then a noun of DESCRIBED_NOUNS ("one aggregator put the total at ...", "according to an
  unnamed data provider"). It names "a described source": it credits a figure whose only source the registry
  describes rather than names (``described``, not a group): no name could be given. It never credits a
  named source's figure, and being singular it never credits an unnamed group's ("several providers").
- a role noun: "the exchange", "the venue", "the protocol", "the platform" ("..., the exchange's on-chain
  records show", "according to the venue"). It stands for the one source of its kinds named in the
  sentence, or else in the earlier sentences of its paragraph (``role_venue``); two such names, or none,
  leave it standing for no one.

A name giving its own record is read here too (``owns_modified_data``, for registered names and role nouns alike):
its data with a word of what kind between ("Hyperliquid's on-chain records show", "the exchange's public data
show"; phrases.yaml ``frames: data_modifiers``), or a weak verb with "its" record ("Binance logged $X on its public
liquidation stream"; ``weak_verbs`` and ``after_name_nouns``): a weak verb alone is a market's word too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from writer.check.phrasefile import phrase_section
from writer.factbase.records import DESCRIBED_NOUNS

# Words that say the source is left unnamed: "an unnamed aggregator", "one anonymous tracker".
UNNAMED_WORDS = ("unnamed", "anonymous", "undisclosed", "unidentified", "unspecified")
# A role noun -> the registry kinds of the source it may stand for ("the exchange" is an exchange; "the
# platform" is an exchange, a dashboard or a chain tracker).
ROLE_KINDS = {
    "exchange": frozenset({"exchange"}),
    "venue": frozenset({"exchange"}),
    "protocol": frozenset({"exchange", "onchain"}),
    "platform": frozenset({"exchange", "aggregator", "onchain", "market_data"}),
}


@lru_cache(maxsize=1)
def _description() -> re.Pattern:
    unnamed = "|".join(UNNAMED_WORDS)
    nouns = "|".join(DESCRIBED_NOUNS)
    return re.compile(rf"(?<![\w-])(?:a|an|one)(?:\s+single)?\s+(?:(?:{unnamed})\s+)?(?:[\w-]+\s+)?(?:{nouns})(?![\w-])",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _role() -> re.Pattern:
    return re.compile(rf"(?<![\w-])the\s+({'|'.join(ROLE_KINDS)})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _modified() -> re.Pattern:
    """A possessive and a word of what kind of data, before the data noun: "'s on-chain", "’s own public"."""
    mods = "|".join(re.escape(w) for w in sorted(phrase_section("frames")["data_modifiers"], key=len, reverse=True))
    return re.compile(rf"['’]s?\s+(?:own\s+)?(?:{mods})(?=\s)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _weak_verb() -> re.Pattern:
    """A weak verb right after a name ("Binance logged"): phrases.yaml ``frames: weak_verbs``, every form."""
    from writer.check.frames import verb_forms

    forms = sorted({f for lemma in phrase_section("frames")["weak_verbs"] for f in verb_forms(lemma)}, key=len, reverse=True)
    return re.compile(rf"\s+(?:{'|'.join(map(re.escape, forms))})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _own_record() -> re.Pattern:
    """"on its public liquidation stream", "in its own records": the subject's own record (phrases.yaml
    ``frames: after_name_nouns``, what a source publishes)."""
    nouns = "|".join(re.escape(w) for w in sorted(phrase_section("frames")["after_name_nouns"], key=len, reverse=True))
    return re.compile(rf"\b(?:on|in|from|via|through)\s+its\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})\b", re.IGNORECASE)


def owns_modified_data(text: str, at: int, frames) -> bool:
    """Does the name ending at ``at`` give its own record? Its data of a kind ("X's on-chain records show", "X's
    exchange data"), or a weak verb with "its" record ("Binance logged $X on its public liquidation stream": a
    weak verb alone is a market's too, "Bitcoin logged gains")."""
    if text.startswith(("'", "’"), at):
        m = _modified().match(text, at)
        if m is not None and frames.source_before(text, m.end()):
            return True
    v = _weak_verb().match(text, at)
    return v is not None and _own_record().search(text, v.end()) is not None


def _credited(text: str, rx: re.Pattern, phrases, label: bool) -> list[re.Match]:
    """The matches of ``rx`` in ``text`` that stand where a source stands (read as ``attributive`` reads names)."""
    from writer.check.analysis import attributive  # (analysis imports the rules' context: imported when asked)

    mentions = list(rx.finditer(text))
    if not mentions:
        return []
    spelling = {m.group(0).lower(): m.group(0).lower() for m in mentions}
    picked = attributive(text, mentions, spelling, phrases, label=label)
    frames = phrases.frames
    return [m for m in mentions if m.group(0).lower() in picked
            or (frames is not None and owns_modified_data(text, m.end(), frames))]


def describes_a_source(text: str, phrases, *, label: bool = False) -> bool:
    """Does ``text`` give a generic singular description of a source as a source ("one aggregator put ...")?"""
    return bool(_credited(text, _description(), phrases, label))


def credited_roles(text: str, phrases, *, label: bool = False) -> frozenset[str]:
    """The role nouns ``text`` gives as a source ("according to the exchange": {"exchange"})."""
    return frozenset(m.group(1).lower() for m in _credited(text, _role(), phrases, label))


def role_venue(role: str, named_here: list[set[str]], kinds: dict[str, str]) -> str | None:
    """The one source a role noun stands for: of the role's kinds, named in its sentence (``named_here[0]``), else
    in the sentences before it in its paragraph (the rest, nearest first, taken together); None when there are
    none or several. ``kinds``: source id -> registry kind."""
    fits = ROLE_KINDS[role]
    for group in (named_here[:1], named_here[1:]):
        found = {sid for names in group for sid in names if kinds.get(sid) in fits}
        if found:
            return next(iter(found)) if len(found) == 1 else None
    return None


__all__ = ["ROLE_KINDS", "UNNAMED_WORDS", "credited_roles", "describes_a_source", "owns_modified_data", "role_venue"]
