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
    assert _qualifiers_of(DEFAULT_QUALIFIERS) == (plain(DEFAULT_QUALIFIERS), len("approximately"))
    assert _qualifiers_of(desk)[0] is plain(desk) is not plain(DEFAULT_QUALIFIERS)
    text = "Longs lost circa $5 million."
    assert [f.qualifier for f in find_figures(text, desk)] == ["approx"]
    assert [f.qualifier for f in find_figures(text)] == [None]
    for _ in range(20):  # tables made and dropped again: an id reused by a new table never finds the old one's
        table = {**DEFAULT_QUALIFIERS, "at_most": ("circa",)}
        assert [f.qualifier for f in find_figures(text, table)] == ["at_most"]


_SPACES = [c for c in map(chr, range(0x3000 + 1)) if c.isspace()]
_QUALIFIED = st.lists(st.sampled_from(["about", "About", "nearly", "over", "more than", "at least", "up to", "~", "circa ",
                                       "roughly", " ", "  ", *_SPACES, "$5 million", "7%", "x", "wash", "-", ",", "\n"]),
                      max_size=12).map("".join)
_DESK = {"approx": ("about", "circa ", "roughly", "~"), "at_least": ("over", "more than", ""), "at_most": ("up to",)}


@settings(max_examples=500, deadline=None)
@given(_QUALIFIED)
def test_qualifier_searched_from_its_longest_word_back_is_the_plain_search(text):
    """find_figures searches for a qualifier only from the longest word's length before the spaces that
    end the words before a figure (a desk's word may end with a space, or be empty): the same answer."""
    from _pytest.monkeypatch import MonkeyPatch

    from writer.check import figures

    for table in (None, _DESK):
        fast = figures.find_figures(text, table)
        with MonkeyPatch.context() as m:
            kept = figures._qualifiers_of
            m.setattr(figures, "_qualifiers_of", lambda q: (kept(q)[0], 10**9))  # searched from the start
            assert figures.find_figures(text, table) == fast


def test_rstrip_strips_what_the_expressions_read_as_space():
    """The bound above reads the spaces before a figure with str.rstrip; the qualifier expression with \\s."""
    import re
    import sys

    space = re.compile(r"\s")
    assert all(c.isspace() == bool(space.match(c)) for c in map(chr, range(sys.maxunicode + 1)))
