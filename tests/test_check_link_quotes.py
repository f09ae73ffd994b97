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


# A quote of two sentences relayed by another source, whose first sentence holds a figure that a fact of the same
# reporter also holds: the figure in the first sentence, after the lead-in ("X said, according to Y: “First.”"), is
# the quote's own words (linking._gives_words reads the words from the opening mark on), so naming the speaker is
# no wrong source (the speaker here is a registry source, so a wrong link would be P008). Every sentence here is ours.
_RELAYED = """facts:
  - {id: jump, metric: price_change, unit: percent, asset: DAI, venue: okx, change: rise, observations: [{source: the-block, value: 30}]}
quotes:
  - id: q2
    speaker: Ben Zhou
    role: CEO of Bybit
    words: "As I read it, DAI on OKX traded at a premium of around 30%. The lender prices it from there."
    source: the-block
"""


def test_a_figure_in_the_first_sentence_of_a_relayed_two_sentence_quote_is_the_quotes():
    text = ("Ben Zhou, CEO of Bybit, said, according to The Block: \u201cAs I read it, DAI on OKX traded at a premium of "
            "around 30%. The lender prices it from there.\u201d")
    assert not codes(event(_RELAYED), text) & {"P002", "P006", "P008"}


def test_a_figure_in_quotation_marks_that_are_not_the_quotes_words_is_still_read_against_the_facts():
    # must flag: the words inside the marks are no sentence of the recorded quote, so the figure is the jump's, and
    # the speaker is no source of it
    text = "Ben Zhou said: \u201cDAI rose 30% on OKX in a thin book.\u201d"
    assert codes(event(_RELAYED), text) & {"P002", "P008"}
