"""Drafting's and loading's fast paths give what the plain code gives (bench/bench_draft_paths.py measures what they save).

Each fast path here is compared with the plain computation it replaces, on inputs chosen to
reach the cases where the two could differ.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from babel.numbers import format_compact_decimal, format_decimal, get_currency_symbol
from hypothesis import given, settings
from hypothesis import strategies as st

from writer.draft import numbers as n

# --- number formatting: babel's results kept by the Decimal's exact text ----------------------

AMOUNTS = st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False)


def _plain_uncached(d: Decimal) -> str:
    exp = d.as_tuple().exponent
    frac = max(0, -exp) if isinstance(exp, int) else 0
    return format_decimal(d, format="#,##0" + ("." + "0" * frac if frac else ""), locale=n.LOCALE, decimal_quantization=True)


def _compact_uncached(d: Decimal) -> str:
    scaled = d / Decimal(10 ** (3 * (d.adjusted() // 3)))
    exp = scaled.normalize().as_tuple().exponent
    return format_compact_decimal(d, format_type="long", locale=n.LOCALE, fraction_digits=max(0, -exp) if isinstance(exp, int) else 0)


def test_equal_decimals_that_print_differently_are_kept_apart():
    """Decimal('1.50') == Decimal('1.5'): a cache keyed by the value would print one as the other."""
    for a, b in [("1.50", "1.5"), ("2E+6", "2000000"), ("1.450E+9", "1.45E+9"), ("0.10", "0.1"), ("-0", "0")]:
        assert Decimal(a) == Decimal(b)
        for text in (a, b, a, b):  # each twice: the second answer comes from the cache
            assert n._plain(Decimal(text)) == _plain_uncached(Decimal(text))
            if Decimal(text) >= n.COMPACT_FROM:
                assert n._compact(Decimal(text)) == _compact_uncached(Decimal(text))
    assert n._plain(Decimal("1.50")) == "1.50" and n._plain(Decimal("1.5")) == "1.5"


@settings(max_examples=300, deadline=None)
@given(AMOUNTS, st.sampled_from([1, 2, 3, 4]), st.booleans(), st.booleans())
def test_cached_formatting_equals_babel(value, figs, floor, ceil):
    for _ in range(2):
        rounded = n.round_sig(value, figs, floor=floor, ceil=ceil)
        assert n._plain(rounded) == _plain_uncached(rounded)
        if abs(rounded) >= n.COMPACT_FROM:
            assert n._compact(abs(rounded)) == _compact_uncached(abs(rounded))
        money = n.money(value, floor=floor, ceil=ceil, figs=figs)
        sign = "-" if value < 0 else ""
        body = n.amount(value, floor=floor, ceil=ceil, figs=figs).text.removeprefix("-")  # a bound holds on the signed amount
        assert money.text == sign + get_currency_symbol("USD", locale=n.LOCALE) + body


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=-500, max_value=500, allow_nan=False, allow_infinity=False), st.booleans())
def test_cached_percent_equals_babel(value, signed):
    got = n.percent(value, signed=signed).text
    mag = abs(value)
    if 0 < mag < 1:
        rounded = n.round_sig(mag, 2)
    else:
        rounded = Decimal(repr(float(mag))).quantize(Decimal(1) if mag >= 10 else Decimal("0.1")).normalize()
    exp = rounded.as_tuple().exponent
    frac = max(0, -exp) if isinstance(exp, int) else 0
    text = format_decimal(rounded / 100, format="#,##0" + ("." + "0" * frac if frac else "") + "%", locale=n.LOCALE)
    if (signed and value != 0) or value < 0:  # zero has no sign
        text = ("-" if value < 0 else "+") + text
    assert got == text


# --- the self-check's debris: expressions whose text occurs nowhere are skipped ---------------


def _first(texts, plain=False):
    """Per text, the first debris found and where: searching every expression, or through first_debris."""
    from writer.draft.selfcheck import _DEBRIS, first_debris

    out = []
    for t in texts:
        if plain:
            hit = next(((what, m.span()) for rx, what, _ in _DEBRIS if (m := rx.search(t))), None)
        else:
            found = first_debris(t)
            hit = (found[0], found[1].span()) if found else None
        out.append(hit)
    return out


DEBRIS_ALPHABET = "aNnoOeEAcCdDrRgGtTiI{}%()[],.;: \n\u2063\u0131\u00a01"


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet=DEBRIS_ALPHABET, max_size=40), min_size=1, max_size=4))
def test_first_debris_finds_what_searching_every_expression_finds(texts):
    assert _first(texts) == _first(texts, plain=True)


def test_debris_cases():
    cases = ["None of it", "NaN values", "{{ x }}", "x %} y", "( )", "ACCORDING TO.", "according to", "a , b", "a ,5", "x:.",
             "Nonetheless fine", "banana", "according to CoinGlass.", "costs $1,5 and 2.5", "NONE", "AccordIng to:"]
    found = _first(cases)
    assert found == _first(cases, plain=True)
    assert [hit[0] if hit else None for hit in found] == [
        "'None'", "'nan'", "template syntax", "template syntax", "empty parentheses", "a dangling 'according to'",
        "a dangling 'according to'", "a space before punctuation", None, "doubled punctuation", None, None, None, None, None,
        "a dangling 'according to'"]
    assert _first(["Longs lost $1 billion, according to CoinGlass (a single source)."]) == [None]


def test_debris_needles_hold_every_letter_ignorecase_matches():
    """An IGNORECASE needle is looked for in the lower-cased draft: every character the expression's
    case-blind match accepts for one of its letters must lower-case to that letter."""
    import re
    import sys

    from writer.draft.selfcheck import _DEBRIS

    cased = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).lower() != chr(c) or chr(c).upper() != chr(c) or chr(c).casefold() != chr(c)]
    checked = 0
    for rx, _, needles in _DEBRIS:
        if not rx.flags & re.IGNORECASE:
            continue
        for letter in {ch for n in needles for ch in n}:
            assert letter == letter.lower()
            for ch in cased:
                if re.fullmatch(letter, ch, re.IGNORECASE):
                    assert ch.lower() == letter, (rx.pattern, letter, ch)
                    checked += 1
    assert checked >= 10


# --- fact files: implicit scalar tags kept per text ------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
YAML_FILES = sorted(ROOT.glob("factbase/**/*.yaml")) + sorted(ROOT.glob("tests/**/*.yaml"))


def _parse_or_problems(text, path):
    from writer.errors import InputError
    from writer.factbase.yamlsource import parse

    try:
        return parse(text, path)
    except InputError as exc:
        return [str(p) for p in exc.problems]


def test_kept_tags_parse_every_fact_file_as_the_plain_loader(monkeypatch):
    from writer.factbase import yamlsource

    assert len(YAML_FILES) > 60
    texts = [(p.read_bytes().decode("utf-8", errors="replace"), str(p)) for p in YAML_FILES]
    texts.append(("a: yes\nb: '1'\nc: 1_000\nd: ~\ne: 2026-11-17\nf: 0x1F\ng: .inf\nh: [on, off, null, Null]\ni: 1e3\nj: -0.5\n", "own.yaml"))
    kept = [_parse_or_problems(t, p) for t, p in texts]
    kept_again = [_parse_or_problems(t, p) for t, p in texts]  # answered from what was kept
    monkeypatch.setattr(yamlsource, "_Loader", yamlsource._SafeLoader)
    plain = [_parse_or_problems(t, p) for t, p in texts]
    assert kept == plain == kept_again
    assert kept[-1][0] == {"a": True, "b": "1", "c": 1000, "d": None, "e": "2026-11-17", "f": 31, "g": float("inf"),
                           "h": [True, False, None, None], "i": "1e3", "j": -0.5}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.-+_:eExXoObBtTrRuUfFaAlLsSyYnN~ ", min_size=0, max_size=12), st.booleans(), st.booleans())
def test_kept_tag_equals_the_resolvers(text, plain_implicit, quoted_implicit):
    import yaml

    from writer.factbase.yamlsource import _Loader

    for _ in range(2):
        got = _Loader("").resolve(yaml.ScalarNode, text, (plain_implicit, quoted_implicit))
        assert got == yaml.resolver.Resolver().resolve(yaml.ScalarNode, text, (plain_implicit, quoted_implicit))


# --- writer's own templates without Jinja2's sandbox, under the same rule --------------------------

EVENT_FILES = sorted(ROOT.glob("factbase/events/*.yaml")) + sorted(ROOT.glob("factbase/corpus/*.yaml"))

LAYER_EVENT = """
id: bundled-env
as_of: 2026-11-17T09:00:00+08:00
windows: [24h]
facts:
  - id: total_24h
    metric: liquidations
    unit: USD
    window: 24h
    observations: [{source: coinank, value: 1451000000}]
"""


def test_bundled_templates_draft_every_event_byte_for_byte_as_the_sandbox():
    from writer.draft import Drafter
    from writer.factbase.loader import load_event

    plain, boxed = Drafter(run_check=False), Drafter(run_check=False, sandboxed=True)
    assert not plain.sandboxed and boxed.sandboxed
    assert len(EVENT_FILES) >= 18  # the five examples and the 13 corpus events
    for path in EVENT_FILES:
        event = load_event(path)
        a, b = plain.draft(event), boxed.draft(event)
        assert (a.markdown, a.to_json(), a.html) == (b.markdown, b.to_json(), b.html), path.name


def test_an_editors_templates_run_in_the_sandbox(tmp_path):
    from writer.draft import Drafter

    (tmp_path / "sections").mkdir()
    assert Drafter(tmp_path, run_check=False).sandboxed and not Drafter(run_check=False).sandboxed


@pytest.mark.parametrize("sandboxed", [False, True], ids=["bundled", "sandbox"])
@pytest.mark.parametrize(
    "expression, words",
    [
        ("ev.main.total.value", "value"),  # a reference's number: not one of its declared flags
        ("ev.main.total._fact.value", "_fact"),
        ("ev.main.total['_fact']", "_fact"),
        ("(ev.main.total|attr('_fact')).bounds", "_fact"),
        ("([ev.main.total]|map(attribute='_fact')|first).bounds", "_fact"),
        ("fig.__self__.event", "__self__"),  # a layer function leads back to the facts
        ("'{0._fact.value}'.format(ev.main.total)", "unsafe"),  # refused: the method (bundled), the field (sandbox)
        ("ev.main.total.__class__.__mro__", "__class__"),
        ("(ev.assets|select).gi_frame.f_back", "gi_frame"),  # a generator's frame holds the layer's variables
        ("fig.__func__", "__func__"),
    ],
)
def test_a_template_reaching_a_number_fails_in_either_environment(tmp_path, sandboxed, expression, words):
    from writer.draft import Drafter
    from writer.errors import DraftError
    from writer.factbase.loader import event_from_text, load_registry

    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "figures.md.j2").write_text(f"## Heading\n\nThe total was {{{{ {expression} }}}}.\n", encoding="utf-8")
    event = event_from_text(LAYER_EVENT, "bundled-env.yaml", load_registry(ROOT / "factbase" / "sources.yaml"))
    drafter = Drafter(tmp_path, run_check=False, sandboxed=sandboxed)
    assert drafter.sandboxed is sandboxed
    with pytest.raises(DraftError) as err:
        drafter.draft(event)
    assert "sections/figures.md.j2" in str(err.value) and words in str(err.value) and err.value.line == 3


def test_sandboxed_and_bundled_code_are_cached_apart(tmp_path, monkeypatch):
    """Jinja keys compiled code by template name and file; the sandbox's code differs (its calls go
    through its checks), so one shared entry would hand one environment the other's code."""
    import tempfile

    from writer.draft import Drafter
    from writer.factbase.loader import load_event

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where Jinja puts its cache folder
    event = load_event(EVENT_FILES[0])
    drafts = [Drafter(run_check=False, sandboxed=s).draft(event).markdown for s in (True, False, True, False)]
    assert len(set(drafts)) == 1
    names = [p.name for p in tmp_path.rglob("*.cache")]
    assert any(n.startswith("__writer_sandbox_") for n in names) and any(n.startswith("__writer_bundled_") for n in names)
