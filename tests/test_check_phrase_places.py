"""One place for each phrase: the verbs that come before a speaker ("said Zhou") and the words that
make a registered name before them a source ("CoinGlass counted") are read from phrases.yaml, as
lemmas of its reporting verbs, and inflected like them."""

from __future__ import annotations

import pytest

from writer.check.phrases import build_phrases, default_phrases

VOCAB = default_phrases()["frames"]


def test_the_verbs_before_a_speaker_and_the_tallying_verbs_are_reporting_verbs_of_the_list():
    assert set(VOCAB["inverted_verbs"]) <= set(VOCAB["strong_verbs"])
    assert set(VOCAB["tallying_verbs"]) <= set(VOCAB["weak_verbs"])


@pytest.mark.parametrize("sentence", [
    "Shorts lost $12 million over the session, writes Okafor.",
    "Shorts lost $12 million over the session, wrote Okafor.",
    "Shorts lost $12 million over the session, argues Okafor.",
    "Shorts lost $12 million over the session, says Okafor.",
])
def test_a_speaker_after_an_inverted_verb_is_a_source(sentence):
    assert build_phrases().frames.first(sentence) is not None


def test_a_gerund_before_a_name_is_no_inversion():
    assert build_phrases().frames.first("Shorts lost $12 million, saying Okafor was wrong.") is None


@pytest.mark.parametrize("after, source", [
    (" counted $5 million in long liquidations.", True),
    (" tallied $5 million in long liquidations.", True),
    ("'s own figures put longs at $5 million.", True),
    (" and Coinalyze differ on the $5 million total.", False),  # the first of two names: the second differs
    (" recorded $5 million in long liquidations.", False),  # a weak verb alone: a venue's figure, not a source
    (" posted a note on $5 million of longs.", False),
])
def test_what_after_a_registered_name_makes_it_a_source(after, source):
    phrases = build_phrases()
    text = "Bybit" + after
    assert phrases.frames.source_before(text, len("Bybit")) is source

