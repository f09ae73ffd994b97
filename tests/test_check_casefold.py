"""The case-folded scans (writer/check/casefold.py) against the plain IGNORECASE ones: same answers.

The attribution frames' keywords and every phrase-table finder (marker classes, linking cues) scan
lowered text with lower-cased, case-sensitive patterns when that is safe; each is compared here
with the same object scanning with its IGNORECASE patterns (``folding = False``), on the project's
own articles, on sentences built from the phrase lists themselves, and on texts holding the
characters that make folding unsafe.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from hypothesis import given, settings, strategies as st

from writer.check.casefold import lower_pattern, lowered
from writer.check.frames import Frames
from writer.check.phrases import KeyFinder, build_phrases, default_phrases

ROOT = Path(__file__).resolve().parent
ARTICLES = sorted((ROOT / "golden").glob("*.md")) + sorted((ROOT / "fixtures" / "check").rglob("*.md"))

# Characters IGNORECASE reads as ASCII letters but lower() does not make them so, and others beside.
TRICKY = ["İ", "ı", "ſ", "K", "’", "–", "É", "ß", "Σ", "ς", "ǅ"]


def _sentences() -> list[str]:
    out = []
    for path in ARTICLES:
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            out += [s for s in re.split(r"(?<=[.!?])\s+", block) if s.strip()]
    return out


def _phrase_words() -> list[str]:
    """Words the phrase lists and frames are made of, and some capitalised or spelled oddly."""
    data = default_phrases()
    words = set()
    for items in [*(data[c] for c in ("attribution", "rumor", "pending", "estimate", "claim", "disagreement",
                                       "single_source", "note_backward", "overstated")), *data["frames"].values()]:
        for p in items:
            words.update(w for w in re.findall(r"[A-Za-z][a-z’'-]+", p))
    for table in data["cues"].values():
        for items in (table.values() if isinstance(table, dict) else [table]):
            for p in items:
                words.update(re.findall(r"[A-Za-z][a-z’'-]+", p))
    return sorted(words)


def _mangled(rng: random.Random, words: list[str], n: int) -> str:
    out = []
    for _ in range(n):
        w = rng.choice(words)
        roll = rng.random()
        if roll < 0.2:
            w = w.upper()
        elif roll < 0.35:
            w = w.capitalize()
        elif roll < 0.45:  # a tricky character in place of a letter
            i = rng.randrange(len(w))
            w = w[:i] + rng.choice(TRICKY) + w[i + 1:]
        out.append(w)
        out.append(rng.choice([" ", " ", " ", ", ", ": ", " (", ") ", "\n", " $4.2 million ", " CoinGlass "]))
    return "".join(out)


def _texts() -> list[str]:
    rng = random.Random(15)
    words = _phrase_words()
    return _sentences() + [_mangled(rng, words, rng.randrange(3, 30)) for _ in range(1500)]


def _folded_and_plain_frames():
    vocab = default_phrases()["frames"]
    folded, plain = Frames(vocab), Frames(vocab)
    plain.folding = False
    return folded, plain


def test_frames_scan_lowered_text_with_the_same_answers():
    folded, plain = _folded_and_plain_frames()
    texts = _texts()
    assert len(texts) > 1000
    hits = 0
    for t in texts:
        first = folded.first(t)
        assert first == plain.first(t), t
        assert folded.keyword_ends(t) == plain.keyword_ends(t), t
        assert folded.differs(t) == plain.differs(t), t
        assert folded.labelled(t) == plain.labelled(t), t
        assert folded.framed(t) == plain.framed(t), t
        hits += first is not None
    assert hits > 100  # the texts do hold frames
    assert folded._twins and all(folded._twins.values())  # the twins were used, not the plain patterns


def test_key_finders_scan_lowered_text_with_the_same_answers():
    finders, plains = build_phrases(), build_phrases()
    pairs = [(finders.marker_finder, plains.marker_finder)]
    pairs += [(finders.cue_finders[t], plains.cue_finders[t]) for t in finders.cue_finders]
    for _, plain in pairs:
        plain.folding = False
    found = 0
    for t in _texts():
        for folded, plain in pairs:
            got = folded.found(t)
            assert got == plain.found(t), t
            found += len(got)
    assert found > 1000
    assert all(folded._folded_table() is not None for folded, _ in pairs)  # every default table folds


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("aeiklnorstdyAS ,.$:") + TRICKY + ["ed ", "ing ", "According to ", "DATA ", "report", "said "]),
                max_size=40).map("".join))
def test_any_text_gets_the_same_answers(text):
    folded, plain = _folded_and_plain_frames()
    assert folded.first(text) == plain.first(text)
    assert folded.keyword_ends(text) == plain.keyword_ends(text)
    finders, plains = build_phrases(), build_phrases()
    plains.marker_finder.folding = False
    assert finders.marker_finder.found(text) == plains.marker_finder.found(text)


def test_lowered_refuses_texts_folding_would_read_differently():
    assert lowered("Data From CoinGlass") == "data from coinglass"
    assert lowered("data from coinglass’s feed – K") is not None  # no case, or a lower() that IGNORECASE agrees with
    for tricky in ("İstanbul", "dıfferent", "ſource"):
        assert lowered(tricky) is None, tricky


def test_lower_pattern_keeps_escapes_and_refuses_what_it_cannot_fold():
    assert lower_pattern(r"(?:US)?\$") == r"(?:us)?\$"
    assert lower_pattern(r"\W+(?:[\w-]+\W+){0,2}not named") == r"\W+(?:[\w-]+\W+){0,2}not named"
    assert lower_pattern("Sources differ – ’s") == "sources differ – ’s"
    for unsafe in ("[A-Z]x", r"\x41", "(?i:a)", "(?-i:CoinGlass)", "(?P<n>a)", r"\N{LATIN SMALL LETTER A}", "Éa"):
        assert lower_pattern(unsafe) is None, unsafe


def test_a_table_with_a_pattern_that_cannot_fold_scans_as_before():
    finder = KeyFinder({"a": ["(?-i:Data) from"], "b": ["report(?:ed|s)?"]})
    assert finder.found("Data from X, reported") == {"a", "b"}
    assert finder.found("data from X") == frozenset()  # "(?-i:Data)" stays case-sensitive
    assert finder._folded_table() is None


def test_union_starts_are_the_union_expression_matches():
    from writer.check.analysis import CAVEAT_CLASSES, NOTE_CLASSES
    from writer.check.phrases import MARKER_CLASSES

    phrases = build_phrases()
    found = 0
    for classes in (NOTE_CLASSES, CAVEAT_CLASSES, frozenset(MARKER_CLASSES)):
        plain = phrases.union(classes)
        for t in _texts():
            got = phrases.union_starts(classes, t)
            assert got == [m.start() for m in plain.finditer(t)], (sorted(classes), t)
            found += len(got)
    assert found > 500
    assert all(v is not None for v in phrases._folded_unions.values())


def test_clause_ends_are_found_at_the_same_offsets():
    from writer.check.analysis import _CLAUSE_END, _CLAUSE_END_FOLDED

    ends = 0
    for t in _texts():
        low = lowered(t)
        if low is None:
            continue
        plain, folded = _CLAUSE_END.search(t), _CLAUSE_END_FOLDED.search(low)
        assert (plain and plain.span()) == (folded and folded.span()), t
        ends += plain is not None
    assert ends > 500


def test_mentions_data_is_the_data_noun_expression():
    from writer.check.frames import data_noun_pattern

    vocab = default_phrases()["frames"]
    folded, nouns = Frames(vocab), data_noun_pattern(vocab)
    said = [folded.mentions_data(t) for t in _texts()]
    assert said == [bool(nouns.search(t)) for t in _texts()]
    assert 100 < sum(said) < len(said)


def test_a_reporting_verb_after_a_name_is_read_the_same():
    folded, plain = _folded_and_plain_frames()
    said = 0
    for t in _texts():
        for m in re.finditer(r"[A-Z]\w+", t):
            got = folded.reports_after(t, m.end())
            assert got == plain.reports_after(t, m.end()), (t, m.end())
            said += got
    assert said > 20


def test_marker_ends_are_the_class_expression_matches():
    """Both folded forms of a class (the finder's own twin while it is cold, the headed one once it has read
    ``UNION_FROM`` texts) give the IGNORECASE expression's matches."""
    from writer.check.phrases import MARKER_CLASSES

    cold, warm = build_phrases(), build_phrases()
    warm.marker_finder._read = warm.marker_finder.UNION_FROM + 1
    assert cold.marker_finder.folded_pattern("attribution") is not warm.marker_finder.folded_pattern("attribution")
    ends = 0
    for phrases in (cold, warm):
        for cls in MARKER_CLASSES:
            plain = phrases.markers[cls]
            for t in _texts():
                got = phrases.marker_ends(cls, t)
                assert got == ([m.end() for m in plain.finditer(t)] if plain is not None else []), (cls, t)
                ends += len(got)
    assert ends > 1000


def test_overstated_words_are_read_the_same_folded():
    """``overstated_in`` scans its class case-folded when it can (cold, and headed as a warm finder does): the same
    word (as written) as the IGNORECASE scan, negations and "other sources" included."""
    cold, warm, plain = build_phrases(), build_phrases(), build_phrases()
    warm.marker_finder._read = warm.marker_finder.UNION_FROM + 1
    plain.marker_finder.folding = False
    ours = ["Liquidations were CONFIRMED at $1 billion.", "It was not confirmed, but it is definitely $2 million.",
            "Confirmed by other sources, the total is certain.", "The ſum is confirmed; Kelvin \u212a is definitively so.",
            "Officials haven’t confirmed it; other data sources confirmed the $3 million."]
    found = 0
    for phrases in (cold, warm):
        for t in _texts() + ours:
            got = phrases.overstated_in(t)
            assert got == plain.overstated_in(t), t
            found += got is not None
    assert found > 40


def test_source_names_are_found_at_the_same_offsets():
    from writer.check.phrases import source_pattern

    rx, spelling = source_pattern({"coinglass": ["CoinGlass", "Coinglass"], "x": ["X"], "cz": ["CZ"],
                                   "okx": ["OKX"], "star": ["*Star* Data"], "ab": ["A&B [Research]"], "kaiko": ["Kaiko"]})
    found = 0
    for t in _texts() + ["X said CZ and OKX (Kaiko, A&B Research) differ from *Star* Data; coinglass: İx ıx ſx"]:
        got = [(m.span(), spelling[m.group(0).lower()]) for m in rx.finditer(t)]
        assert got == [(m.span(), spelling[m.group(0).lower()]) for m in rx.plain.finditer(t)], t
        found += len(got)
    assert found > 100
    assert isinstance(rx._folded, re.Pattern)  # the folded scan was the one used


def test_what_folding_relies_on_holds_for_every_code_point():
    """``\\w`` and ``\\s`` read a character and its lower case alike, and the only characters IGNORECASE
    matches to an ASCII letter that ``lower()`` does not turn into one are those ``lowered`` refuses."""
    import sys

    word, space, letter = re.compile(r"\w"), re.compile(r"\s"), re.compile("[a-z]", re.IGNORECASE)
    odd = set()
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if len(low) != 1:
            continue
        assert bool(word.match(c)) == bool(word.match(low)) and bool(space.match(c)) == bool(space.match(low)), hex(cp)
        if letter.match(c) and not ("a" <= low <= "z"):
            odd.add(c)
    assert odd <= {"ı", "ſ"}, odd
    assert lowered("İ") is None  # the third, which lower() turns into two characters


def test_reporting_verbs_twin_opens_with_their_first_letters():
    """The verbs' twin is tried only where a verb can start (``Frames._first_letters``), and finds what the verbs'
    own expression finds on our sentences (``test_frames_scan_lowered_text_with_the_same_answers`` holds every frame
    to the plain scan on many more)."""
    folded, _ = _folded_and_plain_frames()
    twin, scanned = folded._keyword("_verb", "Analysts said so.", "analysts said so.")
    assert twin.pattern.startswith(r"\b(?=[") and scanned == "analysts said so."
    for text in ("Analysts said longs lost $4 million.", "The exchange is said to have lost $4 million.",
                 "Longs lost $4 million, the tracker noted.", "Zhou expects a drop.", "Nobody here speaks."):
        low = lowered(text)
        assert [m.span() for m in twin.finditer(low)] == [m.span() for m in folded._verb.finditer(text)], text



def test_a_keyword_is_not_scanned_for_in_a_text_without_what_its_every_match_holds():
    """``Frames._needs``: the string each keyword's expression holds outside any optional part, so that a text without
    it holds no match; such a text is answered without a scan, with the plain scan's answers."""
    from writer.check import frames

    folded, plain = _folded_and_plain_frames()
    for name, need in folded._needs.items():
        source, _ = folded._keyword_sources[name]
        assert need in source.replace(r"\s+", " ")
        quiet = "Longs lost 4 million dollars in an hour on Tuesday"
        assert need not in quiet.lower() and folded._keyword(name, quiet, lowered(quiet))[0] is frames._NEVER
    for text in ("Source: CoinGlass. Longs lost $4 million.", "A Velo-tracked tally shows $4 million.",
                 "The $4 million was reported by CoinGlass.", "The figure comes from CoinGlass.", "Longs lost $4 million."):
        assert folded.first(text) == plain.first(text) and folded.framed(text) == plain.framed(text), text
