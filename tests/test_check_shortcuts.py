"""The check's shortcuts give the same answers as the plain way they replace.

Each shortcut (one scan for a whole phrase table, a first-character filter in
front of a phrase expression, markdown-it block rules left out when they cannot
fire, blocks segmented once per process) is compared here with the plain
computation on generated text, so a shortcut that drifts fails a test rather
than silently changing findings.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from writer.check import Checker
from writer.check.document import _parser, _parser_for
from writer.check.phrases import _alternation, build_phrases, default_phrases

PHRASES = build_phrases()
DATA = default_phrases()

# Words the phrase lists and cue tables are made of, plus noise and punctuation around them.
_WORDS = sorted({w for table in DATA["cues"].values() if isinstance(table, dict) for words in table.values() for p in words
                 for w in re.findall(r"[a-z]+", p)} | {"according", "to", "data", "from", "single", "source", "unverified",
                                                       "estimated", "the", "above", "figures", "confirmed", "not", "sources",
                                                       "said", "CoinGlass", "long-term", "x", "K", "$5", "94%", "(source", ")"})
_TEXT = st.lists(st.sampled_from(_WORDS + [" ", ", ", ". ", "-", "—", "'s", "\n"]), max_size=40).map(" ".join)


def _plain(table: dict, text: str) -> frozenset[str]:
    return frozenset(k for k, words in table.items()
                     if words and re.search(rf"(?<![\w-])(?:{_alternation(words)})(?![\w])", text, re.IGNORECASE))


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_one_scan_per_table_finds_the_keys_each_search_finds(text):
    for name, finder in PHRASES.cue_finders.items():
        assert finder.found(text) == _plain(DATA["cues"][name], text), name
    markers = {name: DATA.get(name, []) for name in PHRASES.raw}
    assert PHRASES.marker_finder.found(text) == _plain(markers, text)


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_first_character_filter_keeps_every_match(text):
    for name, rx in PHRASES.markers.items():
        plain = re.compile(rf"(?<![\w-])(?:{_alternation(DATA.get(name, []))})(?![\w])", re.IGNORECASE)
        assert "(?=[" in rx.pattern, name  # the filter is there, so this compares something
        assert [m.span() for m in rx.finditer(text)] == [m.span() for m in plain.finditer(text)], name


_MD_LINES = ["Longs lost $5 million.", "- item", "* item", "1. one", "---", "***", "- - -", "===", "-", "  ---", "    code",
             "\tcode", "> quote", "```", "~~~", "| a | b |", "|---|---|", "# Title", "## Section", "<div>", "[a]: /url",
             "", "", "  - nested", "-     code", "- ---", "  bar", "**Total:** $1.4 billion"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_MD_LINES), min_size=1, max_size=12))
def test_block_rules_left_out_only_when_they_cannot_fire(lines):
    body = "\n".join(lines)
    def tokens(md):
        return [(t.type, t.map, t.content, t.nesting, t.tag) for t in md.parse(body)]
    assert tokens(_parser_for(body)) == tokens(_parser())


def test_a_block_read_before_is_read_the_same_in_another_article():
    text = ("# Title\n\nAccording to a single source, CoinGlass, longs lost $1.2 billion over 24 hours.\n\n"
            "The move was sharp. Shorts lost about $90 million.\n")
    again = text.replace("# Title", "# Another title")
    warm = Checker()
    warm.check_text(text)
    assert warm.trace(again) == Checker().trace(again)
    assert warm.check_text(again) == Checker().check_text(again)


_NAMES = {"coinglass": ["CoinGlass", "Coinglass data"], "okx": ["OKX"], "x": ["X", "social media"], "desk": ["our calculation"]}


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_WORDS + ["CoinGlass", "OKX", "X", "social media", "our calculation", "Coinglass data", "-X"]),
                max_size=30).map(" ".join))
def test_source_names_found_the_same_with_the_filter(text):
    from writer.check.phrases import source_pattern

    rx, spelling = source_pattern(_NAMES)
    alt = "|".join(re.escape(w) for w in sorted(spelling, key=len, reverse=True))
    plain = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.IGNORECASE)
    assert "(?=[" in rx.pattern
    assert [m.span() for m in rx.finditer(text)] == [m.span() for m in plain.finditer(text)]
