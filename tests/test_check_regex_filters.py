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
    assert phrases._spread("(?:a|b)?c") == ["ac", "bc", "c"]  # an optional group: tried first, then "c" alone
    assert phrases._spread("(?:a|b)??c") == ["(?:a|b)??c"]  # a lazy one tries "c" first: left as it is
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


# --- the figure grammar scanned case-folded (figures._FIGURE_FOLDED) ----------------------------------------

FIGURE_WORDS = st.sampled_from([
    " ", " ", "$", "US$", "USD ", "5", "96,000", "1.45", "-", "−", "+", "%", " percent", " per cent", "between ", " and ",
    " to ", "-to-", ":", "1", "K", "M", "B", "bn", "mn", " million", " Million", " BILLION", " thousand", " hundred",
    "several ", "a ", "A ", "one ", "tens of ", "dozens of ", "a few ", "A Couple Of ", " traders", " Liquidations",
    " BTC", " eth", " coins", " yuan", " Won", " USDT", " dollars", " per second", " Per Minute", "from ", "top ",
    "ſ", "\u212a", "İ", "x", "×", " index", " at ", "half a ", " level", ".", ",",
])
FIGURE_TEXTS = st.lists(FIGURE_WORDS, max_size=25).map("".join)


def _grammar_matches(rx: re.Pattern, scanned: str) -> list:
    return [(m.span(), m.lastgroup, {k: (v.lower() if v else v) for k, v in m.groupdict().items()}) for m in rx.finditer(scanned)]


def _same_figures(text: str, monkeypatch) -> None:
    low = lowered(text)
    if low is not None:
        assert _grammar_matches(figures._FIGURE_FOLDED, low) == _grammar_matches(figures._FIGURE_RE, text)
    folded = figures.find_figures(text)
    with monkeypatch.context() as m:
        m.setattr(figures, "lowered", lambda t: None)  # the plain scan, IGNORECASE over the text as written
        assert figures.find_figures(text) == folded


def test_folded_grammar_differs_only_in_case():
    assert figures._FIGURE_FOLDED.pattern != figures._FIGURE_RE.pattern
    assert figures._FIGURE_FOLDED.groupindex == figures._FIGURE_RE.groupindex
    assert not figures._FIGURE_FOLDED.flags & re.IGNORECASE
    assert "(?i:" not in figures._FIGURE_FOLDED.pattern and "[KMB]" not in figures._FIGURE_FOLDED.pattern


def test_folded_grammar_on_drafts_fixtures_and_our_sentences(monkeypatch):
    texts = sentences() + OURS + ["Between $1.2 Million And $3 MILLION; 5 BTC, 2:1 and 45-to-1; A Few Hundred Million Dollars.",
                                  "Longs lost US$5Bn, 12K and 7M; 40X jump; a 3× move; 10,000 Won and 2 Per Second."]
    assert len(texts) > 100
    for text in texts:
        _same_figures(text, monkeypatch)


@settings(max_examples=400, deadline=None)
@given(FIGURE_TEXTS)
def test_folded_grammar_on_generated_text(text):
    from _pytest.monkeypatch import MonkeyPatch

    with MonkeyPatch.context() as monkeypatch:
        _same_figures(text, monkeypatch)


# The grammar's head as first written: the price band's five lookbehinds before its "$" (figures.py asks "$" first).
_HEAD_NOW = r"(?:(?<![\w$.,/+\-])|(?=\$)(?:(?<=\bmid-)|(?<=\blow-)|(?<=\bhigh-)|(?<=\bupper-)|(?<=\blower-)))"
_HEAD_FIRST = r"(?:(?<![\w$.,/+\-])|(?:(?<=\bmid-)|(?<=\blow-)|(?<=\bhigh-)|(?<=\bupper-)|(?<=\blower-))(?=\$))"
BAND_TEXTS = st.lists(st.sampled_from(["mid-", "low-", "high-", "upper-", "lower-", "Mid-", "the ", "x", "-", "$", "$8", "86,000",
                                       " range", " ", "5", "%", "million", "a ", "us$", "."]), max_size=12).map("".join)


def _head_first_answers(text: str) -> None:
    assert _HEAD_NOW in figures._FIGURE_SOURCE
    first = re.compile(figures._FIGURE_SOURCE.replace(_HEAD_NOW, _HEAD_FIRST), re.VERBOSE | re.IGNORECASE)
    assert _grammar_matches(figures._FIGURE_RE, text) == _grammar_matches(first, text)


def test_grammar_asks_the_bands_dollar_first_on_drafts_fixtures_and_our_sentences():
    texts = sentences() + OURS + ["In the mid-$86,000 range, the low-$90,000s and upper-$2,000 area; a mid-90% share, lower-$5."]
    found = 0
    for text in texts:
        _head_first_answers(text)
        found += sum(m.group(0).startswith("$") and text[max(0, m.start() - 1)] == "-" for m in figures._FIGURE_RE.finditer(text))
    assert found >= 3


@settings(max_examples=500, deadline=None)
@given(BAND_TEXTS)
def test_grammar_asks_the_bands_dollar_first_on_generated_text(text):
    _head_first_answers(text)


def test_the_grammar_as_written_is_compiled_only_when_a_text_needs_it():
    """A process whose texts all fold compiles the folded grammar only (a cold check compiles one, not two)."""
    import subprocess
    import sys

    code = ("from writer.check import figures as F; F.find_figures('Longs lost $5 million.'); a = '_FIGURE_RE' in vars(F); "
            "F.find_figures('Longs loſt $5 million.'); print(a, '_FIGURE_RE' in vars(F))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]


# --- a class's folded expression written headed (phrases._headed) ---------------------------------------------

def _plain_folded(patterns) -> re.Pattern:
    """The folded expression as it was written before: the lookbehind first, then the filter and the alternation."""
    heads = [lower_pattern(p) for p in patterns]
    return re.compile(rf"(?<![\w-]){phrases._filter_of(heads)}(?:{phrases._alternation(patterns, fold=True)})(?![\w])")


CLASS_SETS = [frozenset({name}) for name in PHRASES.raw] + [analysis.NOTE_CLASSES, analysis.CAVEAT_CLASSES]
HEADED = []
for classes in CLASS_SETS:
    patterns = PHRASES._class_patterns(classes)
    if patterns and all(lower_pattern(p) is not None for p in patterns):
        HEADED.append((phrases._compile(patterns, 0, fold=True, scan=True), _plain_folded(patterns)))


def _same_class_matches(text: str) -> None:
    low = lowered(text)
    if low is None:
        return
    for fast, plain in HEADED:
        assert [m.span() for m in fast.finditer(low)] == [m.span() for m in plain.finditer(low)], plain.pattern[:80]
        for at in range(len(low)):  # KeyFinder tries a key's expression where the union found a place
            f, p = fast.match(low, at), plain.match(low, at)
            assert (f and f.span()) == (p and p.span())


def test_headed_class_expressions_are_written_headed():
    """The note union (scanned over every block) and most classes are headed, so the comparisons compare something."""
    headed = [fast for fast, plain in HEADED if not fast.pattern.startswith("(?<!")]
    assert len(headed) >= len(HEADED) - 2
    note = PHRASES._class_patterns(analysis.NOTE_CLASSES)
    assert not phrases._compile(note, 0, fold=True, scan=True).pattern.startswith("(?<!")
    assert PHRASES.union_starts(analysis.NOTE_CLASSES, "x") == [] and not PHRASES._folded_unions[analysis.NOTE_CLASSES].pattern.startswith("(?<!")
    assert phrases._head_split("(?:came|comes|derived) from x") == [("c", "(?:(?:ame)|(?:omes)) from x"), ("d", "(?:(?:erived)) from x")]
    assert phrases._head_split("(?:a |b )?c") == [("a", "(?:(?: ))c"), ("b", "(?:(?: ))c"), ("c", "")]
    assert phrases._head_split(r"\bword") is None and phrases._head_split("(?:a|b)*c") is None


def test_headed_class_expressions_on_drafts_fixtures_and_our_sentences():
    texts = sentences() + OURS + ["The figures above, these numbers and the data below: a data note; data caveat. The above-mentioned."]
    for text in texts:
        _same_class_matches(text)


@settings(max_examples=300, deadline=None)
@given(UNION_TEXTS)
def test_headed_class_expressions_on_generated_text(text):
    _same_class_matches(text)


def test_wordy_blocks_found_the_same_case_folded():
    from writer.check import nlp

    for text in sentences() + OURS + ["Several MILLION dollars", "a Thouſand", "HUNDREDS", "no magnitude here", "billions"]:
        assert nlp._wordy(text) == bool(nlp._WORDY.search(text)), text


# --- the grammar scanned sentence by sentence, figure-free sentences remembered (find_figures(sentences=...)) -----

from writer.check.sentences import sentence_bounds  # noqa: E402

SHARED_MEMO: set[str] = set()  # shared by every text below, so remembered sentences are met again in other texts
PROSE_WORDS = st.sampled_from([
    " ", " ", ". ", "! ", "? ", ".\" ", "?) ", ".’ ", "\n", "U.S. ", "approx. ", "e.g. ", "$5.5 million", "$5. ", "3 traders",
    "The ", "It ", "A ", "a ", "about ", "several ", "hundred ", "million", " Billion", "between $1 and $2", " to ",
    "from ", "$90,000", "-", "5%", "2:1", "40-to-1", "top ", "10 coins", "index ", "at 27", "half a billion", "40x",
    "Longs lost ", "said CoinGlass", "(", ")", ",", "ſ", "İ",
])
PROSE = st.lists(PROSE_WORDS, max_size=30).map("".join)


def _same_by_sentence(text: str) -> None:
    assert figures.find_figures(text, sentences=sentence_bounds(text), figure_free=SHARED_MEMO) == figures.find_figures(text)


def test_sentence_by_sentence_on_drafts_fixtures_and_our_sentences():
    paragraphs = [" ".join(sentences()[i:i + 4]) for i in range(0, len(sentences()), 2)]
    for text in paragraphs + OURS + paragraphs:  # twice: the second time most figure-free sentences are remembered
        _same_by_sentence(text)
    assert SHARED_MEMO  # some sentences were remembered, so the memo's path was taken


@settings(max_examples=500, deadline=None)
@given(PROSE)
def test_sentence_by_sentence_on_generated_text(text):
    _same_by_sentence(text)
    _same_by_sentence(text)  # again, with what the first reading remembered


def test_a_full_memo_is_emptied():
    memo = {f"sentence {i}" for i in range(figures.FIGURE_FREE_KEPT)}
    text = "No figure here. Nor here."
    assert figures.find_figures(text, sentences=sentence_bounds(text), figure_free=memo) == []
    assert len(memo) <= 2


# --- reading in context: the number words' lower-cased twin ----------------------------------------------------

CONTEXT_WORDS = st.sampled_from([
    " ", " ", "-", "–", " to ", "5", "847", "1,050", "0.6", "2026", "$", ",", ".", ":", "#", "x", "a", "Z", "_", "٣",
    " days", " hours", "-day", " minute", " weeks", " wait", "lasted ", "numbered ", "about ", "came to ", "traders ",
    "twenty", "-five", " Twelve", " seventeen", " hundred", " million", " BILLION", " dollars", " traders", "ſ",
])
CONTEXT_TEXTS = st.lists(CONTEXT_WORDS, max_size=30).map("".join)


def _same_in_context(text: str) -> None:
    low = lowered(text)
    if low is not None:  # the number words' case-sensitive twin over the lowered text: the same matches
        twin = [m.span() for m in figures._NUMBER_WORDS_LOWER.finditer(low)]
        assert twin == [m.span() for m in figures._NUMBER_WORDS_RE.finditer(text)], text


def test_in_context_on_drafts_fixtures_and_our_sentences():
    texts = sentences() + OURS + ["The streak lasted 847 days, a 12-day wait; 653 to 1,050 days; traders numbered 277.",
                                  "Twenty-five million dollars, seventeen hundred thousand traders, forty two billion."]
    for text in texts:
        _same_in_context(text)


@settings(max_examples=500, deadline=None)
@given(CONTEXT_TEXTS)
def test_in_context_on_generated_text(text):
    _same_in_context(text)


# --- the numbers the reading in context tries (figures._NUMBER_RE, written digit first) ------------

PLAIN_NUMBER = re.compile(rf"(?=\d)(?<![\w$.,/#+\-−])(?P<num>{figures.NUM})")
NUMBERS = st.lists(st.sampled_from([
    "1", "9", "12", "123", "1234", "1,234", "12,345,678", ",", ".", "0.5", ".5", "1.", "$", "#", "/", "+", "-", "−",
    "a", "x", "_", " ", "  ", ":", "٣", "²", "days", "%", "1,23", "1,2345",
    ".000", ".510",  # dot-grouped thousands: "1.250.000"
]), max_size=20).map("".join)


def _numbers(rx: re.Pattern, text: str) -> list:
    return [(m.span(), m.group("num")) for m in rx.finditer(text)]


def test_numbers_start_with_a_digit_for_the_engine_to_skip_to():
    assert figures._NUMBER_RE.pattern.startswith(r"(?P<num>\d")
    for text in sentences() + OURS:
        assert _numbers(figures._NUMBER_RE, text) == _numbers(PLAIN_NUMBER, text)


@settings(max_examples=1000, deadline=None)
@given(NUMBERS)
def test_numbers_digit_first_are_the_plain_numbers(text):
    assert _numbers(figures._NUMBER_RE, text) == _numbers(PLAIN_NUMBER, text)


# --- other expressions written digit first (figures.NUM_TAIL) or tried only where their words start ---------

PLAIN_MULTIPLE = re.compile(figures._MULTIPLE_RE.pattern.replace(
    rf"(?P<num>\d(?<![\w$.,]\d)(?<!long \d)(?<!short \d)(?<!at \d)(?:{figures.NUM_TAIL}))",
    rf"(?<![\w$.,])(?<!long )(?<!short )(?<!at )(?P<num>{figures.NUM})"), re.IGNORECASE)
PLAIN_TICKER_AMOUNT = re.compile(figures._TICKER_AMOUNT.pattern.replace(
    rf"(?P<num>\d(?<![\w$.,/#+\-−]\d)(?:{figures.NUM_TAIL}))", rf"(?=\d)(?<![\w$.,/#+\-−])(?P<num>{figures.NUM})"))
PLAIN_POSITION_LEVERAGE = re.compile(figures._POSITION_LEVERAGE.pattern.replace(
    rf"(?P<num>\d(?<![\w$.,]\d)(?:{figures.NUM_TAIL}))", rf"(?<![\w$.,])(?P<num>{figures.NUM})"), re.IGNORECASE)
MULTIPLES_AND_TICKERS = st.lists(st.sampled_from([
    "1", "40", "1,234", "0.5", "1.250.000", ",", ".", "$", "-", "a", " ", "x", "X", "×", "long ", "LONG ", "short ", "at ", "At ",
    "leverage", " margin", "bullish ", " position", "ſ", "\u212a", "٣", "k", "bn", " million", " HYPE", " BTC", " UTC",
    " $ETH", " tokens", "2024", "in ", "ETH-", "'", "/", " long", " whale", " leveraged", " cross",
]), max_size=20).map("".join)


def _groups(rx: re.Pattern, text: str) -> list:
    return [(m.span(), m.groupdict()) for m in rx.finditer(text)]


def test_multiples_and_ticker_amounts_start_with_a_digit_for_the_engine_to_skip_to():
    assert PLAIN_MULTIPLE.pattern != figures._MULTIPLE_RE.pattern and PLAIN_TICKER_AMOUNT.pattern != figures._TICKER_AMOUNT.pattern
    assert PLAIN_POSITION_LEVERAGE.pattern != figures._POSITION_LEVERAGE.pattern
    found = leverage = 0
    for text in sentences() + OURS + ["A 40x jump, 3× the average, long 40x, at 5x, 100x leverage, 2X bearish positions.",
                                      "Sold 1,200 HYPE, 2.5 million LIT tokens, 500k XRP and 120,000 $ETH at 09:00 UTC.",
                                      "A whale opened a 25x long; another used 1,000× leverage, and a 3.5x leveraged short closed."]:
        assert _groups(figures._MULTIPLE_RE, text) == _groups(PLAIN_MULTIPLE, text)
        assert _groups(figures._TICKER_AMOUNT, text) == _groups(PLAIN_TICKER_AMOUNT, text)
        assert _groups(figures._POSITION_LEVERAGE, text) == _groups(PLAIN_POSITION_LEVERAGE, text)
        found += len(_groups(figures._MULTIPLE_RE, text)) + len(_groups(figures._TICKER_AMOUNT, text))
        leverage += len(_groups(figures._POSITION_LEVERAGE, text))
    assert found > 5 and leverage >= 3


@settings(max_examples=1000, deadline=None)
@given(MULTIPLES_AND_TICKERS)
def test_multiples_and_ticker_amounts_digit_first_are_the_plain_ones(text):
    assert _groups(figures._MULTIPLE_RE, text) == _groups(PLAIN_MULTIPLE, text)
    assert _groups(figures._TICKER_AMOUNT, text) == _groups(PLAIN_TICKER_AMOUNT, text)
    assert _groups(figures._POSITION_LEVERAGE, text) == _groups(PLAIN_POSITION_LEVERAGE, text)


# --- size classes tried where their words start, counts in words only where their words are ----------------------

SIZE_AND_COUNT_WORDS = st.lists(st.sampled_from([
    "multi", "multi-", "million", "billion", "trillion", "-dollar", " dollar", "six", "nine", "ten", "twelve", "-figure", " figure",
    "a dozen", "dozens", "scores", "hundreds", "thousands", "millions", " of ", " in ", " worth ", "traders", "usd", " dollars",
    " ", "\n", "-", "x", "5 ", "a", "s", "the", "times",
    "seven", "seventeen", "two", "eleven", "wallets", "orders", "positions", "the ", "their ", "its ", "big ", "ab",
]), max_size=14).map("".join)


def _size_class_answers(low: str) -> None:
    tried = _groups_of(figures._tried_where_words_start(figures._SIZE_CLASS_STARTS, figures._SIZE_CLASS_RE, low))
    assert tried == _groups_of(figures._SIZE_CLASS_RE.finditer(low)), low
    assert _groups_of(figures._small_counts(low)) == _groups_of(figures._SMALL_COUNT_RE.finditer(low)), low
    if figures._SIZE_CLASS_RE.search(low):  # the words _count_words asks for before scanning for size classes
        assert figures._holds_any(low, figures._SIZE_CLASS_NEED), low
    assert figures.small_count_in(low) == (any(n in low for n in figures._SMALL_COUNT_NEED) and bool(figures._SMALL_COUNT_RE.search(low)))
    if figures._COUNT_WORDS_RE.search(low):  # the words _count_words asks for before scanning
        assert any(w in low for w in figures._COUNT_WORDS_NEED), low


def _groups_of(matches) -> list:
    return [(m.span(), m.groupdict()) for m in matches]


def test_size_classes_tried_where_their_words_start_and_count_words_where_theirs_are():
    texts = [lowered(t) for t in sentences() + OURS + ["A multimillion-dollar bet, a billion-dollar wipeout, a nine-figure loss and "
                                                       "multi-billion-dollar books; dozens of funds, a dozen desks, millions in longs.",
                                                       "Seventeen wallets, the two accounts, its three big trades, xten orders and "
                                                       "-two positions; six  liquidations, their nine orders, eleven new addresses."]]
    found = 0
    for low in (t for t in texts if t is not None):
        _size_class_answers(low)
        found += len(_groups_of(figures._SIZE_CLASS_RE.finditer(low))) + len(_groups_of(figures._COUNT_WORDS_RE.finditer(low)))
        found += len(_groups_of(figures._SMALL_COUNT_RE.finditer(low)))
    assert found >= 9


@settings(max_examples=1000, deadline=None)
@given(SIZE_AND_COUNT_WORDS)
def test_size_classes_and_count_words_on_generated_text(text):
    _size_class_answers(text)


NUMBER_WORDS = st.lists(st.sampled_from([
    *figures._TENS_WORDS, *figures._UNITS_WORDS, *figures._ONES.split("|"), "hundred", "thousand", "million", "billion", "lakh",
    " ", "  ", "-", "\n", "a", "s", "x", "_", "dollars", "usd", "of", "traders", "often", "eighteen", "$",
]), max_size=14).map("".join)


def _number_word_matches(matches) -> list:
    return [(m.span(), m.groupdict()) for m in matches]


def test_number_words_tried_where_their_words_start_are_the_twins_matches():
    texts = [lowered(t) for t in sentences() + OURS + ["Twenty-five million dollars, eleven thousand traders, often ten billion, "
                                                       "sixty-six-million, xten million, -two million, nine  hundred thousand usd."]]
    found = 0
    for low in (t for t in texts if t is not None):
        assert _number_word_matches(figures._number_words_lower(low)) == _number_word_matches(figures._NUMBER_WORDS_LOWER.finditer(low))
        found += len(_number_word_matches(figures._NUMBER_WORDS_LOWER.finditer(low)))
    assert found >= 4


@settings(max_examples=1000, deadline=None)
@given(NUMBER_WORDS)
def test_number_words_tried_where_their_words_start_on_generated_text(text):
    assert _number_word_matches(figures._number_words_lower(text)) == _number_word_matches(figures._NUMBER_WORDS_LOWER.finditer(text))


LEADS = st.lists(st.sampled_from([
    "lasted", "took", "stood at", "STOOD  AT", "came to", "at", "wait of", "in", "within", "over", "the", "a", "By", "past",
    " ", "  ", "\n", "x", "-", ",", "ſ", "\u212a", "İ", "ı", "Last", "LASTS", "spanned", "run of", "into", "9",
]), max_size=12).map("".join)


def _lead_answers(text: str) -> list:
    low = lowered(text)
    out = []
    for tail in range(len(text) + 1):
        for plain, folded in ((figures._DURATION_LEAD, figures._DURATION_LEAD_FOLDED), (figures._WINDOW_BEFORE, figures._WINDOW_BEFORE_FOLDED)):
            assert figures._ends_with(plain, folded, text, low, tail) == (plain.search(text, tail) is not None), (text, tail, plain.pattern)
            out.append(plain.search(text, tail) is not None)
    return out


def test_duration_leads_folded_are_the_plain_searches():
    assert figures._DURATION_LEAD_FOLDED is not None and figures._WINDOW_BEFORE_FOLDED is not None
    hits = 0
    for text in sentences()[:200] + OURS + ["The streak lasted ", "a wait of  ", "over the past ", "it STOOD AT", "xin "]:
        hits += sum(_lead_answers(text[-60:]))
    assert hits > 20


@settings(max_examples=500, deadline=None)
@given(LEADS)
def test_duration_leads_folded_on_generated_text(text):
    _lead_answers(text)


# --- index readings tried where their words stand -------------------------------------------------------------

INDEX_TEXTS = st.lists(st.sampled_from([
    "index", "Index", "INDEX", "reading", "Readings", "gauge", "score", "scores", "scored", " stood at ", " at ", " of ", " was ",
    " hit ", "27", "12.5", "100", "1,000", "%", " percent", " hours", ".", ";", ":", " ", "\n", "-", "x", "ſ", "İ", "\u212a",
    "Fear & Greed ", "year", "-year ", "week", "day", "month", " high", " low", " peak", " record", " top", "5", "five",
]), max_size=16).map("".join)


def _index_answers(text: str) -> None:
    low = lowered(text)
    plain = _groups_of(figures._INDEX_RE.finditer(text))
    assert _groups_of(figures._index_readings(text, low)) == plain, text
    assert _groups_of(figures._index_readings(text, None)) == plain, text


def test_index_readings_on_our_sentences():
    texts = sentences() + OURS + ["The Fear & Greed Index stood at 27; its reading of 12 and a SCORE of 40, the gauge hit 9.",
                                  "A 5-year high, a three-month low and a 52-week record; indexes at 1,000 hours."]
    found = 0
    for text in texts:
        _index_answers(text)
        found += len(_groups_of(figures._INDEX_RE.finditer(text)))
    assert found >= 4


@settings(max_examples=1000, deadline=None)
@given(INDEX_TEXTS)
def test_index_readings_on_generated_text(text):
    _index_answers(text)
