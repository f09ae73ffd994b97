"""Fast paths of the check held to their plain versions (the standards: speed work that makes code
harder to read is tested against what it replaces)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings, strategies as st

from writer.check.figures import _half_unit, _num


def _half_unit_decimal(text: str) -> float:
    """The plain version: Decimal arithmetic, then a float."""
    digits = text.replace(",", "")
    if "." in digits:
        return float(Decimal(5).scaleb(-len(digits.split(".")[1]) - 1))
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    return float(Decimal(5).scaleb(zeros - 1))


_numbers = st.one_of(
    st.integers(min_value=0, max_value=10**15).map(str),
    st.integers(min_value=1000, max_value=10**15).map(lambda n: f"{n:,}"),
    st.tuples(st.integers(min_value=0, max_value=10**9), st.text(alphabet="0123456789", min_size=1, max_size=9))
    .map(lambda p: f"{p[0]:,}.{p[1]}"),
)


@settings(max_examples=2000, deadline=None)
@given(_numbers)
def test_number_and_precision_are_the_floats_decimal_gives(text):
    assert _num(text) == float(Decimal(text.replace(",", "")))
    assert _half_unit(text) == _half_unit_decimal(text)


def test_examples():
    assert (_num("1,451.5"), _half_unit("1.451"), _half_unit("90"), _half_unit("96,000"), _half_unit("0")) == (1451.5, 0.0005, 5.0, 500.0, 0.5)


def test_qualifier_expression_looked_up_by_table_is_the_tables_own():
    """find_figures looks a qualifier table's expression up by the table's identity (``_qualifiers_of``):
    each table, the default or a desk's, gets the expression built from its own words."""
    from writer.check.figures import DEFAULT_QUALIFIERS, _qualifier_re, _qualifiers_of, find_figures

    def plain(q):
        return _qualifier_re(tuple(q.get("approx", ())), tuple(q.get("at_least", ())), tuple(q.get("at_most", ())))

    desk = {**DEFAULT_QUALIFIERS, "approx": (*DEFAULT_QUALIFIERS["approx"], "circa")}
    assert _qualifiers_of(DEFAULT_QUALIFIERS)[:2] == (plain(DEFAULT_QUALIFIERS), len("approximately"))
    assert _qualifiers_of(desk)[0] is plain(desk) is not plain(DEFAULT_QUALIFIERS)
    text = "Longs lost circa $5 million."
    assert [f.qualifier for f in find_figures(text, desk)] == ["approx"]
    assert [f.qualifier for f in find_figures(text)] == [None]
    for _ in range(20):  # tables made and dropped again: an id reused by a new table never finds the old one's
        table = {**DEFAULT_QUALIFIERS, "at_most": ("circa",)}
        assert [f.qualifier for f in find_figures(text, table)] == ["at_most"]


_SPACES = [c for c in map(chr, range(0x3000 + 1)) if c.isspace()]
_QUALIFIED = st.lists(st.sampled_from(["about", "About", "nearly", "over", "more than", "at least", "up to", "~", "circa ",
                                       "ABOUT", "Up To", "ſ", "İ", "ı", "\u212a", "OVER", "circa",
                                       "roughly", " ", "  ", *_SPACES, "$5 million", "7%", "x", "wash", "-", ",", "\n"]),
                      max_size=12).map("".join)
_DESK = {"approx": ("about", "circa ", "roughly", "~"), "at_least": ("over", "more than", ""), "at_most": ("up to",)}


@settings(max_examples=500, deadline=None)
@given(_QUALIFIED)
def test_qualifier_searched_from_its_longest_word_back_is_the_plain_search(text):
    """find_figures searches for a qualifier only from the longest word's length before the spaces that
    end the words before a figure (a desk's word may end with a space, or be empty), and only when those words
    end with a qualifier word (``_may_be_qualified``): the same answer."""
    from _pytest.monkeypatch import MonkeyPatch

    from writer.check import figures

    for table in (None, _DESK):
        fast = figures.find_figures(text, table)
        with MonkeyPatch.context() as m:
            kept = figures._qualifiers_of
            m.setattr(figures, "_qualifiers_of", lambda q: (kept(q)[0], 10**9, None))  # searched from the start, always
            assert figures.find_figures(text, table) == fast


def test_rstrip_strips_what_the_expressions_read_as_space():
    """The bound above reads the spaces before a figure with str.rstrip; the qualifier expression with \\s."""
    import re
    import sys

    space = re.compile(r"\s")
    assert all(c.isspace() == bool(space.match(c)) for c in map(chr, range(sys.maxunicode + 1)))


def _analyses():
    """Analyses of the check fixtures, the golden drafts and sentences of our own (several per block)."""
    from pathlib import Path

    from writer.check import Checker

    here = Path(__file__).parent
    texts = [p.read_text(encoding="utf-8") for folder in (here / "fixtures" / "check", here / "golden")
             for p in sorted(folder.rglob("*.md"))]
    texts.append("The claim that $7 billion sits at $93,000 spread. It is unverified. Longs lost $5 million.\n\n"
                 "- A rumour: $2 billion moved. Nobody has confirmed it.\n- Shorts lost $3 million. Source: CoinGlass.\n")
    checker = Checker()
    for text in texts:
        uses = checker.links(text)
        if uses:
            yield uses[0][2]


def test_next_sentence_of_a_block_is_the_plain_search():
    """F002 reads the sentence after a claim by its place in its block (``Analysis.next_in_block``), not by
    walking every sentence of the article: the same sentence as the plain search."""
    seen = 0
    for analysis in _analyses():
        for s in analysis.sentences:
            plain = [t for t in analysis.sentences if t.block == s.block and t.start >= s.end]
            assert analysis.next_in_block(s) is (plain[0] if plain else None)
            seen += bool(plain)
    assert seen > 100


def test_has_any_is_the_classes_question():
    """``Sentence.has_any`` answers from the marker words alone when they hold one of the classes asked (a run's opening,
    a note's caveat): the same answer as ``classes``, on sentences whose classes have not been read yet and on those
    whose have; a negated "confirmed" (dropped from ``classes``) answers through ``classes``."""
    from writer.check.analysis import CAVEAT_CLASSES, NOTE_CLASSES, RUN_OPENING

    asked = [CAVEAT_CLASSES, RUN_OPENING, NOTE_CLASSES, frozenset({"overstated"}), frozenset({"attribution"}),
             frozenset({"disagreement"})]
    seen = fresh = 0
    for analysis in _analyses():
        for s in analysis.sentences:
            fresh += s._classes is None
            answers = [s.has_any(classes) for classes in asked]  # (first: before the sentence's classes are read)
            assert answers == [bool(s.classes & classes) for classes in asked], s.text
            assert answers == [s.has_any(classes) for classes in asked], s.text
            seen += any(answers)
    assert seen > 100 and fresh > 0
    text = "Longs lost $5 million. It was not confirmed. CoinGlass and CoinAnk differ on it."
    from writer.check import Checker

    analysis = Checker().links(text)[0][2]
    for s in analysis.sentences:
        assert [s.has_any(c) for c in asked] == [bool(s.classes & c) for c in asked], s.text

_ONE_FACT = """\
id: spellings
as_of: 2026-11-17T09:00:00+08:00
windows: [24h]
facts:
  - id: total_24h
    metric: liquidations
    unit: USD
    window: 24h
    observations:
      - {source: tracker, value: 758M}
"""


def test_source_spellings_are_kept_by_what_the_registry_names():
    """The checker keeps each registry's source expression; two registries that name their sources
    differently never share one, whatever their path and digest say (built in code: none; changed in
    place: the old digest)."""
    from writer.check import Checker
    from writer.factbase.loader import event_from_text
    from writer.factbase.records import Source, SourceRegistry
    from writer.factbase.vocabulary import SourceKind

    def event(name: str, digest: str = ""):
        registry = SourceRegistry({"tracker": Source("tracker", name, SourceKind.AGGREGATOR)}, digest=digest)
        return event_from_text(_ONE_FACT, "spellings.yaml", registry)

    text = "According to Glassline, liquidations reached $758 million over 24 hours."

    def codes(checker, ev):
        return sorted(f.code for f in checker.check_text(text, event=ev))

    fresh = codes(Checker(), event("Glassline"))
    assert codes(Checker(), event("Coinfield")) != fresh  # the name matters to the findings
    for digest in ("", "same-digest"):
        checker = Checker()
        checker.check_text(text)  # fact-free first: no registry
        codes(checker, event("Coinfield", digest))
        assert codes(checker, event("Glassline", digest)) == fresh


def _golden_events():
    """(draft, its event) for the golden drafts of the repository's own fact files."""
    from pathlib import Path

    from writer.factbase.loader import load_event

    root = Path(__file__).resolve().parents[1]
    for draft in sorted((root / "tests" / "golden").glob("*.md")):
        facts = root / "factbase" / "events" / f"{draft.stem}.yaml"
        if facts.is_file():
            yield draft.read_text(encoding="utf-8"), load_event(facts)


def test_window_cues_kept_across_articles_are_the_plain_cues():
    """The checker keeps the windows a text names (a figure's own words, its sentence, its block: cues_for's
    ``kept``) from article to article: every figure's cues are those read without the memo."""
    from writer.check import Checker
    from writer.check.linking import cues_for

    checker = Checker()
    seen = 0
    kept: dict = {}
    for text, event in [*_golden_events(), *_golden_events()]:  # (twice: the second pass reads from the memo)
        uses = checker.links(text, event=event)
        source_rx, spelling = checker._source_rx(event.registry)
        for fu, _, analysis in uses:
            block = analysis.article.blocks[fu.block_index].text
            plain = cues_for(fu, checker.phrases, source_rx, spelling, block)
            assert cues_for(fu, checker.phrases, source_rx, spelling, block, kept=kept) == plain
            seen += 1
        assert kept
    assert seen > 50


def test_covering_notes_kept_per_sentence_are_read_afresh_alike():
    """``Analysis.covering_notes`` keeps each sentence's notes: the same as reading them afresh for every
    figure, in fact mode and without facts."""
    from writer.check import Checker

    checker = Checker()
    seen = 0
    runs = [(text, None) for text in (a.article.source for a in _analyses())] + list(_golden_events())
    for text, event in runs:
        for fu, _, analysis in checker.links(text, event=event):
            assert analysis.covering_notes(fu) == analysis.notes_covering(fu.sentence)
            assert analysis.covering_notes(fu) is analysis.covering_notes(fu)
            seen += bool(analysis.covering_notes(fu))
    assert seen > 10


def _plain_credit_form(text: str, source_rx):
    """writer/check/captions.py's credit_form without the cheap tests it asks first, its titles read by the
    expression they were first written with, ".*?\\w.*?" (the reference)."""
    import dataclasses
    import re

    from writer.check import captions

    author = captions.post_signature(text)  # (an embedded post's signature: read first, as credit_form does)
    if author is not None:
        return "post", author
    if len(text) > captions.CAPTION_CHARS or not text.strip():
        return None
    last = text.rstrip().rsplit("\n", 1)[-1].strip()
    several = "\n" in text.strip()
    words = captions.caption_words()
    fast = r"(?P<title>[^\w\n]*\w.*?)"
    assert fast in words.titled.pattern and fast in words.named.pattern
    words = dataclasses.replace(words, **{f: re.compile(getattr(words, f).pattern.replace(fast, r"(?P<title>.*?\w.*?)"),
                                                        getattr(words, f).flags) for f in ("titled", "named")})
    m = words.bare.match(last)
    if m:
        if words.picture.match(last):
            shown = captions.sourced_chart(m.group("name").strip(), source_rx)  # ("Image: BTC liquidations via X": a chart's)
            return ("titled", shown) if shown is not None else ("picture", m.group("name").strip())
        if " ".join(m.group("label").lower().split()) in captions._title_labels() and captions._title_like(m.group("name").strip(), source_rx):
            return None  # ("Chart: <a title>": no credit)
        return ("titled" if several else "bare"), m.group("name").strip()
    m = words.titled.match(last)
    if m and not captions._PROSE_END.search(m.group("title")):
        return "titled", m.group("name").strip()
    shown = None if several else captions.sourced_chart(last, source_rx)  # ("<title> from X data": no label)
    if shown is not None:
        return "titled", shown
    m = words.named.match(last)
    if m and not captions._PROSE_END.search(m.group("title")):
        name = m.group("name").strip()
        if captions._a_name(name, source_rx):
            return "titled", name
    return None


def test_credit_lines_read_with_cheap_tests_first_are_read_alike():
    """credit_form looks for a colon or bar, and for a separator, before trying the forms that need them, and reads a
    title in one pass: the same answers as trying every form with the titles as first written, on the repository's
    articles and on lines built from the captions' own words."""
    import random
    from pathlib import Path

    from writer.check import captions
    from writer.check.phrasefile import phrase_section
    from writer.check.phrases import source_pattern

    root = Path(__file__).resolve().parent
    texts = [block for p in sorted((root / "golden").glob("*.md")) + sorted((root / "fixtures" / "check").rglob("*.md"))
             for block in p.read_text(encoding="utf-8").split("\n\n")]
    section = phrase_section("captions")
    pieces = ["Source", "source", "Data", "Image source", "Photo", "Chart", "via", ":", "|", " | ", " / ", "/", " – ", "—", " - ",
              "·", " • ", "CoinGlass", "Coinalyze on X", "bitcoin", "Longs by venue", "Liquidations fell.", "(", ")", ".", " ",
              "\n", "Bitcoin", "the data", "and", "24h", *section["pictures"]]
    rng = random.Random(7)
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12))) for _ in range(4000)]
    texts += ["".join(rng.choice([*pieces, "\t", "  ", "_", "-", "é", "…", "\r"]) for _ in range(rng.randrange(1, 40))) for _ in range(1000)]
    rx, _ = source_pattern({"coinglass": ["CoinGlass"], "coinalyze": ["Coinalyze"]})
    found = 0
    for text in texts:
        for source_rx in (None, rx):
            got = captions.credit_form(text, source_rx)
            assert got == _plain_credit_form(text, source_rx), text
            found += got is not None
    assert found > 200


def _marker_words() -> list[str]:
    """Words the marker classes are written in (their patterns' letters, split at everything else)."""
    import re

    from writer.check.phrases import build_phrases

    raw = build_phrases({}).raw
    return sorted({w for patterns in raw.values() for p in patterns for w in re.findall(r"[a-z’']+", p.lower()) if len(w) > 1})


_MARKER_WORDS = _marker_words()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_MARKER_WORDS), st.sampled_from([" ", ", ", "-", "(", ")", "[1]", ". ", "$5 million", "x"])),
                max_size=40).map("".join))
def test_headed_union_of_the_markers_finds_the_unions_places(text):
    """The marker finder's union written headed (``_headed_union``) finds a key at the same places as ``KeyFinder._union``,
    and the finder then the same keys as each key's own expression searched alone."""
    import re

    from writer.check.casefold import lowered
    from writer.check.phrases import KeyFinder, _headed_union, build_phrases

    finder = build_phrases({}).marker_finder
    folded = [p for words in finder._folded_table().values() for p in words]
    headed, plain = re.compile(_headed_union(folded)), re.compile(KeyFinder._union(folded))
    low = lowered(text)
    assert [m.start() for m in headed.finditer(low)] == [m.start() for m in plain.finditer(low)]
    finder._read = finder.UNION_FROM  # past the first texts: the union's scan
    finder._cache.clear()
    assert finder.found(text) == frozenset(finder._key_by_key(text))


def test_headed_union_on_drafted_sentences():
    import re

    from draft_support import EVENTS
    from writer.check.casefold import lowered
    from writer.check.phrases import KeyFinder, _headed_union, build_phrases
    from writer.draft import Drafter
    from writer.factbase.loader import load_event

    finder = build_phrases({}).marker_finder
    folded = [p for words in finder._folded_table().values() for p in words]
    headed, plain = re.compile(_headed_union(folded)), re.compile(KeyFinder._union(folded))
    drafter, places = Drafter(run_check=False), 0
    for path in EVENTS:
        for line in drafter.draft(load_event(path)).markdown.splitlines():
            low = lowered(line)
            found = [m.start() for m in headed.finditer(low)]
            assert found == [m.start() for m in plain.finditer(low)], line
            places += len(found)
    assert places > 50


def _story_basis_words() -> list[str]:
    import re

    from writer.check.phrasefile import phrase_section

    return sorted({w for p in phrase_section("story_basis") for w in re.findall(r"[a-z’'-]+", p.lower()) if len(w) > 1})


def _basis_answers(text: str) -> None:
    """The story basis asked headed (``headed_search`` on the lowered text, as F001 asks it) answers as the plain
    IGNORECASE expression does."""
    from writer.check.rules import f001_no_attribution as f001

    assert f001._tells_basis(text) == bool(f001._story_basis_rx().search(text)), text


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_story_basis_words()),
                          st.sampled_from([" ", " ", ", ", "-", ".", ";", "x", "X", "We ", "The ", "ON", "Based", "ſ", "İ", "7"])),
                max_size=24).map("".join))
def test_story_basis_asked_headed_answers_as_the_plain_expression(text):
    _basis_answers(text)


def test_story_basis_asked_headed_on_our_sentences_and_drafts():
    from test_cold_start import sentences

    ours = ["We base this story on the analysis of a desk.", "OUR REPORT RELIES ON two feeds.", "rebased the story on it",
            "This article is drawn from the desk's notes.", "the piece was built on sand; on", "x-based this report on it"]
    answers = [_basis_answers(t) for t in sentences() + ours]
    from writer.check.rules import f001_no_attribution as f001

    assert f001._story_basis_headed() is not None
    assert [f001._tells_basis(t) for t in ours] == [True, True, False, True, True, False]  # ("rebased", "x-based": no word start)
    assert len(answers) > 100


def test_expressions_kept_per_process_are_built_afresh_alike():
    """The phrase classes' expressions are kept per process by their patterns (``phrases._compiled``, the markers' union
    ``_headed_union_kept``): a second Checker's are the first's, and each is the expression built afresh; other
    patterns (a desk's additions) get their own."""
    from writer.check import phrases
    from writer.check.phrasefile import default_phrases

    table = default_phrases()
    for cls in ("attribution", "note_backward", "example"):
        words = list(table[cls])
        for flags, fold, scan in ((phrases.re.IGNORECASE, False, False), (0, True, False), (0, True, True)):
            kept = phrases._compile(words, flags, fold=fold, scan=scan)
            assert phrases._compile(tuple(words), flags, fold=fold, scan=scan) is kept
            fresh = phrases._compiled.__wrapped__(tuple(words), flags, fold, scan)
            assert (kept.pattern, kept.flags) == (fresh.pattern, fresh.flags)
        assert phrases._compile([*words, "our own desk word"]).pattern != phrases._compile(words).pattern
    assert phrases._compile([]) is None
    folded = [phrases.lower_pattern(p) for p in table["attribution"]]
    assert phrases._headed_union_kept(tuple(folded)) == phrases._headed_union(folded)
    first, second = phrases.build_phrases({}), phrases.build_phrases({})
    assert first.marker_finder is not second.marker_finder
    assert first.marker_finder._positions_lc.pattern == second.marker_finder._positions_lc.pattern


def _hedge_words() -> list[str]:
    import re

    from writer.check.phrasefile import phrase_section

    return sorted({w for p in phrase_section("carry")["hearsay"] for w in re.findall(r"[a-z’'-]+", p.lower()) if len(w) > 1})


def _hedges_answer(text: str) -> None:
    """The hearsay hedges (phrases.yaml ``carry: hearsay``), asked of lowered text by their folded, headed expression
    (``analysis._carry_words``, as ``Analysis.hearsay_credited`` asks them), are the plain IGNORECASE expression's
    matches on the text itself whenever the text lowers in place (``casefold.lowered``)."""
    import re

    from writer.check import analysis
    from writer.check.casefold import lowered
    from writer.check.phrasefile import phrase_section

    low = lowered(text)
    if low is None:
        return
    plain = re.compile(rf"(?<![\w-])(?:{'|'.join(phrase_section('carry')['hearsay'])})(?![\w])", re.IGNORECASE)
    assert bool(analysis._carry_words()["hearsay"].search(low)) == bool(plain.search(text)), text


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_hedge_words()),
                          st.sampled_from([" ", " ", ", ", "-", ".", "x", "IS ", "Was ", "It ", "ſ", "İ", "ı", "7", "$4", "A "])),
                max_size=24).map("".join))
def test_hedges_asked_folded_are_the_plain_expressions_matches(text):
    _hedges_answer(text)


def test_hedges_asked_folded_on_our_sentences_and_drafts():
    from test_cold_start import sentences

    ours = ["A fund is said to have lost $40 million.", "BINANCE WAS RUMOURED TO hold $2 billion.", "It is alleged that",
            "Longs allegedly lost $5 million; shorts supposedly gained.", "unallegedly", "The fund said it lost $4 million.",
            "Liquidations of $19 billion WERE REPORTED on Friday.", "A reported $410 million went.", "It was reported by X."]
    for t in sentences() + ours:
        _hedges_answer(t)
    from writer.check import analysis

    assert [bool(analysis._carry_words()["hearsay"].search(t.lower())) for t in ours] == [True] * 4 + [False, False, True, True, False]


def test_has_caveat_kept_per_sentence_is_read_afresh_alike():
    """``Sentence.has_caveat`` keeps its answer: the same as asking the marker words and frames afresh, and as the
    sentence's classes, whether it was asked before or after them."""
    from writer.check.analysis import CAVEAT_CLASSES

    seen = 0
    for analysis in _analyses():
        for s in analysis.sentences:
            kept = s.has_caveat()
            assert s._read_caveat() == kept == s.has_caveat() == bool(s.classes & CAVEAT_CLASSES), s.text
            seen += kept
    assert seen > 100


def test_union_starts_kept_across_articles_are_read_afresh_alike():
    """``PhraseSet.union_starts`` keeps its answer per (classes, text) from article to article: every block's note words
    and every sentence's opening, asked twice over the golden drafts and the fixtures, are those read afresh, and a
    caller changing the list it was given changes nothing kept."""
    from writer.check import Checker
    from writer.check.analysis import NOTE_CLASSES, _NOTE_RUN

    checker = Checker()
    phrases, asked = checker.phrases, 0
    runs = [(text, None) for text in (a.article.source for a in _analyses())] + list(_golden_events())
    for text, event in [*runs, *runs]:  # (twice: the second pass reads what the first kept)
        for _, _, analysis in checker.links(text, event=event)[:1]:
            for s in analysis.sentences:
                for classes, t in ((NOTE_CLASSES, analysis.article.blocks[s.block].text), (_NOTE_RUN, s.text)):
                    got = phrases.union_starts(classes, t)
                    assert got == phrases._union_starts(classes, t)
                    got.append(-1)
                    assert phrases.union_starts(classes, t) == phrases._union_starts(classes, t)
                    asked += 1
    assert phrases._starts and asked > 200
    assert any(phrases._union_starts(c, t) for c, t in phrases._starts)  # some texts hold note words


def test_word_characters_are_the_expressions():
    """``tails._word_char`` is ``\\w`` of a str pattern, for every character."""
    import re
    import sys

    from writer.check.tails import _word_char

    word = re.compile(r"\w")
    assert all(_word_char(c) == bool(word.match(c)) for c in map(chr, range(sys.maxunicode + 1)))


_TAIL_ALPHABET = "ab_9Zé٣ ,.;:\n\t“”'’-$—()"


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=_TAIL_ALPHABET, max_size=30), st.integers(min_value=0, max_value=35))
def test_last_word_read_from_the_end_is_the_expressions(text, end):
    import re

    from writer.check.tails import last_word

    end = min(end, len(text))
    m = re.compile(r"(\w+)\W*$").search(text, 0, end)
    assert last_word(text, end) == (m.span(1) if m else None)


def test_last_word_cases():
    from writer.check.tails import last_word

    text = "Liquidations hit $2 billion, said CoinGlass"
    assert last_word(text, len("Liquidations hit $2 billion, said")) == (29, 33)
    assert last_word(text, len("Liquidations hit $2 billion, ")) == (20, 27)  # the marks after a word are passed over
    assert last_word("“...” ", 6) is None and last_word("", 0) is None
    assert last_word("per_cent\n", 9) == (0, 8)  # "_" is a word character, the line break is not


def test_joined_assets_looked_for_after_their_joiners_are_the_expressions():
    """``linking._joined`` skips ``_JOINED`` when no joiner occurs: the same match on every figure's words of the golden
    drafts and on words of our own, and no character but the letter itself matches a joiner word's letter case-blind."""
    import re
    import sys

    from writer.check import Checker
    from writer.check.linking import _JOINED, _JOINER_WORDS, _joined

    def same(left):
        a, b = _joined(left), _JOINED.search(left)
        return (a and a.groups()) == (b and b.groups())

    checker = Checker()
    lefts = [fu.left for text, event in _golden_events() for fu, _, _ in checker.links(text, event=event)]
    ours = ["BTC and ETH liquidations over 24 hours came to ", "Bitcoin AND Ether positions lost ", "SOL+DOGE longs worth ",
            "XRP/BNB shorts saw ", "ether plus bitcoin longs, ", "Longs lost ", "Bitcoin, ether and XRP longs lost "]
    assert all(same(t) for t in lefts + ours)
    assert sum(_joined(t) is not None for t in ours) == 5 and sum(_joined(t) is None for t in lefts) > 20
    # (a character with no case of its own matches a letter case-blind only by being it)
    cased = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).lower() != chr(c) or chr(c).upper() != chr(c) or chr(c).casefold() != chr(c)]
    for letter in {ch for w in _JOINER_WORDS for ch in w}:
        assert all(ch.lower() == letter for ch in cased if re.fullmatch(letter, ch, re.IGNORECASE)), letter
