"""The fourteenth round's faster drafting path, held to the plain version it replaces: ``view.twin_key`` against
``dataclasses.replace(fact, id="", line=0)``: the same facts are twins, on every fact of the bundled, kinds and corpus
events and on facts built to differ in one field each."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

from writer.draft.view import _twins_dropped, twin_key
from writer.factbase.loader import load_event, load_registry
from writer.factbase.records import Fact, Status

ROOT = Path(__file__).resolve().parent.parent


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
