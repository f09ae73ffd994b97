"""Expressions that open with a lookahead of their alternatives' first characters (a cheap filter,
so the alternatives are not all tried at every character) find the same matches as the plain
expressions they were written from, kept here as the reference.

Read: the golden drafts' and fixtures' sentences, sentences of our own, and generated text built
from the characters and words the alternatives start with (capitals, the long s and the Kelvin
sign included: IGNORECASE folds them to the letters the filters name).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from test_cold_start import sentences
from writer.check import analysis, document, figures, linking, phrases
from writer.check.phrases import build_phrases
from writer.check.casefold import lower_pattern, lowered

PLAIN_LEFT_CLAUSE = re.compile(r",|;|:|\(|\)|\band\b|\bas\b|\bwhile\b|\bbut\b|\bwhereas\b|—|–", re.IGNORECASE)
PLAIN_CLAUSE_END = re.compile(r",|;|:|\(|\bwhile\b|\band\b|\bwith\b|\bbut\b|\bwhereas\b|\bas\b|\bamid\b|\bafter\b|\bbefore\b|—|–", re.IGNORECASE)
PLAIN_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)|~~|!?\[|\]")


def plain_qualifier(approx, at_least, at_most) -> re.Pattern:
    def alt(words):
        return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))

    return re.compile(
        rf"(?:(?<![\w])(?P<approx>{alt(approx)})|(?<![\w])(?P<at_least>{alt(at_least)})|(?<![\w])(?P<at_most>{alt(at_most)}))\s*$",
        re.IGNORECASE,
    )


Q = figures.DEFAULT_QUALIFIERS
QUALIFIER = figures._qualifier_re(tuple(Q["approx"]), tuple(Q["at_least"]), tuple(Q["at_most"]))
PLAIN_QUALIFIER = plain_qualifier(Q["approx"], Q["at_least"], Q["at_most"])

OURS = [
    "Longs lost $40 million, while shorts — about $3 million — lost less (CEX) and that was all.",
    "AS the market fell, WHEREAS the index rose: BUT Ether and bitcoin held; WHILE others slid – again.",
    "Asset and asks; ask as; bass; abut; wash-as; as-is and/or but-not.",
    "Over $5 million, more than $4 million, at least $3 million, close to $2 million, ~$1 million.",
    "CLOSE TO 20%, Around 7%, Under $9 million, up to 12 BTC, Exceeding $1 billion, almost 3%",
    "The *bold* and __underlined__ and snake_case_word and ~~struck~~ and ![image](x.png) and [link][ref].",
    "A _lone_ underscore_ and _ another, a ] bracket, an ! alone and a \\[ escaped one.",
    "Amid the sell-off, after the drop and before the bounce, with $5 million gone.",
    "ſome text with the long s: aſ, whereaſ, KELVIN \u212a and ſo on.",
]

ALPHABET = st.sampled_from([
    " ", " ", ",", ";", ":", "(", ")", "—", "–", "*", "_", "~", "!", "[", "]", "\\", "$", "5", "%", "x", "ſ", "\u212a",
    "and", "AND", "as", "As", "while", "but", "whereas", "with", "amid", "after", "before", "band", "ask", "was",
    "about", "over", "under", "more than", "at least", "close to", "up to", "nearly", "~", "roughly", "Bitcoin",
])
TEXTS = st.lists(ALPHABET, max_size=30).map("".join)


def _spans(rx: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


def _qualifier_answer(rx: re.Pattern, text: str):
    m = rx.search(text)
    return None if m is None else (m.span(), m.lastgroup, m.group(m.lastgroup))


def _same(text: str) -> None:
    assert linking._LEFT_CLAUSE.split(text) == PLAIN_LEFT_CLAUSE.split(text)
    assert _spans(analysis._CLAUSE_END, text) == _spans(PLAIN_CLAUSE_END, text)
    low = lowered(text)
    if low is not None:  # the case-folded twin local_context scans
        assert _spans(analysis._CLAUSE_END_FOLDED, low) == _spans(re.compile(lower_pattern(PLAIN_CLAUSE_END.pattern)), low)
    assert document._MASKS[5].sub(document._blank, text) == PLAIN_EMPHASIS.sub(document._blank, text)
    for end in range(len(text) + 1):  # find_figures asks of the words before each figure
        assert _qualifier_answer(QUALIFIER, text[:end]) == _qualifier_answer(PLAIN_QUALIFIER, text[:end])


def test_filters_name_the_first_characters():
    assert linking._LEFT_CLAUSE.pattern.startswith("(?=[")
    assert analysis._CLAUSE_END.pattern.startswith("(?=[")
    assert document._MASKS[5].pattern.startswith("(?=[")
    assert QUALIFIER.pattern.startswith("(?=[")


def test_same_matches_on_drafts_fixtures_and_our_sentences():
    texts = sentences() + OURS
    assert len(texts) > 100
    for text in texts:
        _same(text)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_same_matches_on_generated_text(text):
    _same(text)


def test_qualifier_without_a_filter_when_a_table_is_empty():
    """An empty table's group matches the empty string: no first character can be named for it."""
    for tables in [((), ("over",), ("under",)), (("about",), ("",), ("under",))]:
        rx = figures._qualifier_re(*tables)
        plain = plain_qualifier(*tables)
        assert not rx.pattern.startswith("(?=[")
        for text in ["", "some words ", "about", "over $", "x under"]:
            assert _qualifier_answer(rx, text) == _qualifier_answer(plain, text)


def test_qualifier_filter_escapes_class_characters():
    tables = (("-ish", "]x"), ("^up",), ("\\z", "[a"))
    rx, plain = figures._qualifier_re(*tables), plain_qualifier(*tables)
    for text in ["-ish ", "a ]x", "^up", "\\z  ", "[a", "b-ish", "x^up"]:
        assert _qualifier_answer(rx, text) == _qualifier_answer(plain, text)


# --- a phrase table's one-scan union: literal first characters written out (phrases._dispatch) -----------

PHRASES = build_phrases()
TABLES = {"markers": PHRASES.marker_finder, **{f"cue.{name}": f for name, f in PHRASES.cue_finders.items()}}
PHRASE_WORDS = sorted({w for finder in TABLES.values() for words in finder._table.values() for p in words
                       for w in re.findall(r"[a-z]+", p)})


def _plain_union(patterns) -> re.Pattern:
    """The union as it was written before: every group behind a lookahead of its first characters."""
    return rf"(?<![\w-]){phrases._filter_of(patterns)}(?=(?:{phrases._lookahead_dispatch(patterns)})(?![\w]))"


def _union_pairs():
    """(fast, plain) compiled unions of every table, IGNORECASE on the text and case-sensitive on lowered text."""
    for finder in TABLES.values():
        every = [p for words in finder._table.values() for p in words]
        folded = [p for words in (finder._folded_table() or {}).values() for p in words]
        yield re.compile(finder._union(every), re.IGNORECASE), re.compile(_plain_union(every), re.IGNORECASE), False
        if folded:
            yield re.compile(finder._union(folded)), re.compile(_plain_union(folded)), True


UNIONS = list(_union_pairs())


def _same_positions(text: str) -> None:
    low = lowered(text)
    for fast, plain, on_lowered in UNIONS:
        scanned = low if on_lowered else text
        if scanned is None:
            continue
        assert [m.start() for m in fast.finditer(scanned)] == [m.start() for m in plain.finditer(scanned)], fast.pattern[:80]


def test_unions_write_literal_first_characters_out():
    """Most of a table's patterns open with a literal character once leading groups are written out,
    so the comparison below compares two different expressions."""
    every = [p for words in PHRASES.marker_finder._table.values() for p in words]
    spread = {x for p in every for x in phrases._spread(p)}
    assert len(spread) > len(set(every))
    assert sum(phrases._split_head(p) is not None for p in spread) > 0.9 * len(spread)
    assert phrases._dispatch(every) != phrases._lookahead_dispatch(every)


def test_spread_and_split_keep_what_they_cannot_rewrite():
    assert phrases._spread("(?:a|b)c") == ["ac", "bc"]
    assert phrases._spread("(?:a|b)?c") == ["(?:a|b)?c"]  # an optional group: "c" alone matches too
    assert phrases._spread("(?:a|b)+c") == ["(?:a|b)+c"]
    assert phrases._spread(r"(?:a|b)\1") == [r"(?:a|b)\1"]
    assert phrases._spread("x|(?:y|z) w") == ["x", "y w", "z w"]
    assert phrases._spread("(?:a|b)" + "c" * (phrases._SPREAD_LIMIT + 1)) == ["(?:a|b)" + "c" * (phrases._SPREAD_LIMIT + 1)]
    assert phrases._split_head("ab") == ("a", "b")
    assert phrases._split_head(r"\$5") == (r"\$", "5")
    for pattern in ("a?b", "a*b", "a+b", "a{2}", r"\bab", "(?:a)b", "a|b", "[ab]c", ""):
        assert phrases._split_head(pattern) is None, pattern


def test_union_positions_on_drafts_fixtures_and_our_sentences():
    texts = sentences() + OURS
    assert len(texts) > 100
    for text in texts:
        _same_positions(text)


UNION_TEXTS = st.lists(st.sampled_from(PHRASE_WORDS + [" ", " ", ", ", ". ", "-", "'s", "$", "5", "ſ", "\u212a", "A", "The"]),
                       max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(UNION_TEXTS)
def test_union_positions_on_generated_text(text):
    _same_positions(text)
    _same_positions(text.upper())
