"""A paraphrased quote's figure is read in the article as the fact base holds it: "A trader said that 10x leverage
is a bet" reports leverage in general, as the quote's own words do, so the speaker before "said that" is not taken
for the holder of one position (writer/check/figures.py ``_reported_clause``). A holder inside the reported words
is still one ("Lookonchain said that a whale opened a 40x long"). Every sentence here is ours.
"""

from __future__ import annotations

import pytest

from link_support import codes, event
from writer.check.figures import find_figures

_QUOTED = """quotes:
  - {id: q1, speaker: a floor trader, words: 20x leverage is how a good week becomes a bad year, paraphrase: true, as_of: '2026-11-30'}
"""


@pytest.mark.parametrize("text", [
    "A floor trader said that 20x leverage is how a good week becomes a bad year.",
    "One floor trader argued that 20x leverage is how a good week becomes a bad year.",
    # the verb's channel or place before "that" (round 12: a drafted paraphrase, "said on X that", gave P001)
    "A floor trader said on X that 20x leverage is how a good week becomes a bad year.",
    "A floor trader wrote in a weekend newsletter that 20x leverage is how a good week becomes a bad year.",
])
def test_a_paraphrase_after_said_that_reads_as_the_quotes_words(text):
    assert not codes(event(_QUOTED), text) & {"P001", "P006", "P012"}


@pytest.mark.parametrize("text, read", [
    # leverage in general, reported: no one position's figure
    ("A floor trader said that 20x leverage is how a good week becomes a bad year.", []),
    # a holder inside the reported words: one position's leverage, read
    ("Lookonchain said that a whale opened a 40x long worth $3 million.", ["40x", "$3 million"]),
    ("A floor trader said during a livestream that 20x leverage is how a good week becomes a bad year.", []),
    ("Lookonchain said on X that a whale opened a 40x long worth $3 million.", ["40x", "$3 million"]),
    # a channel's words hold no clause break: past one, the holder before it stays
    ("The whale, on X, opened a 40x long worth $3 million.", ["40x", "$3 million"]),
    ("A whale using 40x leverage lost $3 million, Lookonchain said.", ["40x", "$3 million"]),
    # a relative "that" is no reported clause: the holder stays
    ("A trader that used 15x leverage lost $2 million.", ["15x", "$2 million"]),
])
def test_the_speaker_of_a_reported_clause_is_no_holder(text, read):
    assert [f.text for f in find_figures(text)] == read
