"""Fact mode honours every approximation and bound word phrases.yaml lists (``qualifiers``), whatever words the
list gains: an approximate word ("about", "close to") reaches a value near the printed one and no further; a
ceiling ("up to", "no more than") reaches values at or below it, not above; a floor ("more than", "north of")
values at or above it, not below. Read from the list itself, so a word added there is checked here too. Every
sentence here is ours.
"""

from __future__ import annotations

import pytest

from link_support import codes, event
from writer.check.phrasefile import phrase_section

QUALIFIERS = phrase_section("qualifiers")
_TOTAL = """facts:
  - {{id: total, metric: liquidations, unit: USD, window: 24h, observations: [{{source: coinglass, value: {value}}}]}}
"""
_CREDIT = "According to CoinGlass, a single source, liquidations over 24 hours came to {word} $412 million."
_WRONG = {"P001", "P005", "P006", "P012"}
# The fact's value for each kind of word, and whether "{word} $412 million" is true of it.
CASES = {
    "approx": [(405_000_000, True), (418_000_000, True), (300_000_000, False), (560_000_000, False)],
    "at_most": [(405_000_000, True), (412_000_000, True), (560_000_000, False)],
    "at_least": [(418_000_000, True), (412_000_000, True), (300_000_000, False)],
}


def _words(kind: str) -> list[str]:
    # (a word that is also another reading's is left out: "some" and "estimated" are read as words of their own)
    return [w for w in QUALIFIERS[kind] if w.isascii() and w not in ("some", "estimated", "an estimated", "~")]


@pytest.mark.parametrize("kind, word", [(k, w) for k in CASES for w in _words(k)])
def test_every_qualifier_word_bounds_the_fact_it_is_read_for(kind, word):
    for value, true in CASES[kind]:
        found = codes(event(_TOTAL.format(value=value)), _CREDIT.format(word=word))
        assert bool(found & _WRONG) is not true, (word, value, sorted(found))
