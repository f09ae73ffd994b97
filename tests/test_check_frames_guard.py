"""The frames with the not-a-name list looked up (``Frames.guarded``) answer as the frames' own
expressions, which hold the list (``guarded = False``, the plain version).

Guarded, a subject, a source after a preposition or a data noun, and a "Name:" label are matched
with a name of any capitalised words, and the word where the name starts is then looked up in
the list. Here both read the golden drafts' and fixtures' sentences, sentences of our own that
put not-a-name words where names go, and generated ones built from the frames' own vocabulary.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from test_cold_start import sentences
from writer.check.frames import Frames
from writer.check.phrases import default_phrases

VOCAB = default_phrases()["frames"]

OURS = [
    "Bitcoin data showed longs lost $300 million.",
    "The Block reported that shorts lost $20 million.",
    "In Bitcoin's own data the total was $1 billion.",
    "In CoinGlass's own data the total was $1 billion.",
    "Figures compiled by The Block put it at $2 billion.",
    "Data from the Bitcoin network show $5 million.",
    "Data from an Ether tracker show $5 million.",
    "Data from a Real-time dashboard show $5 million.",
    "Data from a Real-timer show $5 million.",
    "ETH: longs lost $40 million.",
    "  Glassnode: longs lost $40 million.",
    "BTC ETH data revealed that shorts lost $5 million.",
    "xBitcoin data revealed $5 million.",
    "BitcoinGlass data revealed $5 million.",
    "Longs lost $9 million, said Ether.",
    "Longs lost $9 million, said Zhou.",
    "The figure comes from Binance.",
    "The figure comes from Bitcoin.",
    "A CoinGlass report noted that $4 million was lost.",
    "They said $4 million was lost.",
    "Ether and CoinAnk figures differ by $3 million.",
    "According to Third-party estimates, $7 million.",
    "Third-party data show $7 million.",
]

_WORDS = sorted({*VOCAB["not_names"][:40], "CoinGlass", "Glassnode", "The Block", "Zhou", "K33 Research", "the", "a", "an",
                 "data", "figures", "by", "from", "in", "own", "'s", "analysts", "on-chain", "said", "reported", "showed",
                 "noted that", "according to", "compiled by", "logged", "posted", ":", ",", "$4 million", "he", "they"})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=12))
def test_generated_sentences_read_alike(words):
    _same(" ".join(words) + ".")


def test_the_same_frames_are_found_guarded_and_plain():
    texts = sentences() + OURS
    assert len(texts) > 200
    for t in texts:
        _same(t)


def test_framed_answers_whether_first_finds_a_frame():
    """``framed`` stops at the first frame it finds; ``first`` finds them all and answers where the first starts."""
    guarded, plain = BOTH
    texts = sentences() + OURS
    assert {guarded.framed(t) for t in texts} == {True, False}
    for t in texts:
        assert guarded.framed(t) == (plain.first(t) is not None), t


def test_a_not_a_name_word_is_no_source():
    guarded = Frames(VOCAB)
    assert guarded.label_at("ETH: longs lost $40 million.") is None
    assert guarded.label_at("Glassnode: longs lost $40 million.") == 0
    assert guarded.first("Longs lost $9 million, said Ether.") is None
    assert guarded.first("Longs lost $9 million, said Zhou.") is not None
    assert guarded._not_name_at("Real-time data", 0) and not guarded._not_name_at("Real-timer", 0)


def _both() -> tuple[Frames, Frames]:
    guarded, plain = Frames(VOCAB), Frames(VOCAB)
    guarded.memo(False)
    plain.memo(False)
    plain.guarded = False
    return guarded, plain


BOTH = _both()


def _same(text: str) -> None:
    guarded, plain = BOTH
    assert guarded.first(text) == plain.first(text), text
    assert guarded.label_at(text) == plain.label_at(text), text
    assert guarded.label_at(text) == (0 if plain.label.match(text) else None), text
    # where the frames ask: after a keyword and its space (a source or name), and a verb's start (a subject)
    for at in (i for i in range(len(text)) if i == 0 or text[i - 1] == " " or text[i].isupper()):
        assert guarded._source_at(text, at) == plain._source_at(text, at), (text, at)
        assert guarded._named_at(text, at) == plain._named_at(text, at), (text, at)
        assert guarded._source_after_noun(text, at) == plain._source_after_noun(text, at), (text, at)
    for end in (i for i in range(1, len(text) + 1) if text[i - 1] == " "):
        lo = max(0, end - Frames.WINDOW)
        for strong in (True, False):
            assert guarded._subject(text, lo, end, strong) == plain._subject(text, lo, end, strong), (text, end, strong)
        assert guarded._leftmost(guarded._left_name_any, text, lo, end) == _start(plain._left_name.search(text, lo, end)), (text, end)
        assert guarded._leftmost(guarded._noun_left_any, text, lo, end, group=1) == _start(plain._noun_left.search(text, lo, end)), (text, end)


def _start(m):
    return None if m is None else m.start()
