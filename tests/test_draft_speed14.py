"""The fourteenth round's faster drafting paths, each held to the plain version it replaces.

- ``view.twin_key`` against ``dataclasses.replace(fact, id="", line=0)``: the same facts are twins, on every fact of
  the bundled, kinds and corpus events and on facts built to differ in one field each.
- ``numbers._compact_text`` (the locale's compact pattern applied to the scaled digits) against babel's
  ``format_compact_decimal``, value by value: every three-figure value of every power of ten from a million to
  10**17, both signs, and random values of one to seven significant figures.
"""

from __future__ import annotations

import random
from dataclasses import fields, replace
from decimal import Decimal
from pathlib import Path

import pytest
from babel.numbers import format_compact_decimal

from writer.draft import numbers
from writer.draft.view import _twins_dropped, twin_key
from writer.factbase.loader import load_event, load_registry
from writer.factbase.records import Fact, Status

ROOT = Path(__file__).resolve().parent.parent


def _babel_compact(exact: str) -> str:
    """The plain version: babel's long compact form with the fraction digits that keep every digit."""
    d = Decimal(exact)
    scaled = d / numbers._magnitude(d)
    exp = scaled.normalize().as_tuple().exponent
    frac = max(0, -exp) if isinstance(exp, int) else 0
    return format_compact_decimal(d, format_type="long", locale=numbers.LOCALE, fraction_digits=frac)


def _grid() -> list[str]:
    out = []
    for exponent in range(6, 18):
        for mantissa in range(100, 1000):
            d = Decimal(mantissa).scaleb(exponent - 2).normalize()
            out += [str(d), str(-d)]
    rng = random.Random(14)
    for _ in range(5000):
        value = rng.uniform(1e6, 1e17) * rng.choice((1, -1))
        out.append(str(numbers.round_sig(value, rng.randint(1, 7))))
    return out


def test_compact_text_is_babels_value_by_value():
    plain = numbers._compact_text.__wrapped__  # uncached, so every value goes through the new path
    differing = [(v, plain(v), _babel_compact(v)) for v in _grid() if plain(v) != _babel_compact(v)]
    assert differing == []


@pytest.mark.parametrize("exact, text", [("1.45E+9", "1.45 billion"), ("1E+6", "1 million"), ("-6E+10", "-60 billion"),
                                         ("1.2E+7", "12 million"), ("1.5E+15", "1500 trillion")])
def test_compact_text_examples(exact, text):
    assert numbers._compact_text.__wrapped__(exact) == text


def _events():
    from draft_support import CORPUS, EVENTS

    registry = load_registry(str(ROOT / "factbase" / "sources.yaml"))
    return [load_event(str(path), registry) for path in EVENTS + CORPUS]


def _plain_twins(facts: list[Fact]) -> list[Fact]:
    """``_twins_dropped`` as it was: a Fact with its id and line blanked as the key."""
    referred = {x for f in facts for x in (f.from_fact, f.to_fact, *f.derived_from) if x}
    seen: dict[Fact, str] = {}
    out = []
    for f in facts:
        key = replace(f, id="", line=0)
        if key in seen and f.id not in referred:
            continue
        seen.setdefault(key, f.id)
        out.append(f)
    return out


def test_twin_key_groups_the_facts_replace_groups():
    events = _events()
    assert len(events) > 10
    for event in events:
        facts = list(event.facts.values())
        assert _twins_dropped(facts) == _plain_twins(facts), event.id
        for a in facts:
            for b in facts:
                assert (twin_key(a) == twin_key(b)) == (replace(a, id="", line=0) == replace(b, id="", line=0))


def test_twin_key_reads_every_compared_field_but_id_and_line():
    base = Fact("a", "liquidations", "USD", Status.SINGLE_SOURCE, 1e6, None, ("coinglass",), line=3)
    twin = replace(base, id="b", line=9)
    assert twin_key(base) == twin_key(twin) and hash(twin_key(base)) == hash(twin_key(twin))
    assert _twins_dropped([base, twin]) == [base]
    named = {f.name for f in fields(Fact) if f.compare} - {"id", "line"}
    assert len(twin_key(base)) == len(named)
    for other in (replace(base, value=2e6), replace(base, window="24h"), replace(base, side="long"), replace(base, path="x.yaml")):
        assert twin_key(other) != twin_key(base)
        assert _twins_dropped([base, replace(other, id="c")]) == [base, replace(other, id="c")]


def test_compact_pattern_is_read_by_plural_form_only_where_forms_differ():
    """English words a million the same in every plural form: the pattern is taken without the plural rule; the
    plural path picks what babel would (the "other" form, or "1" for exactly one where the locale has it)."""
    assert numbers._compact_pattern(6).pattern == "0 million"
    assert numbers._compact_pattern(7).pattern == "00 million"
    for number in (Decimal(1), Decimal("1.5"), Decimal(2)):
        assert numbers._plural_pattern(number, 9).pattern == "0 billion"
