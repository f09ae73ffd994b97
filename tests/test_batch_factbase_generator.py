"""The synthetic fact base generator (bench/make_factbase.py): valid, varied, deterministic."""

from __future__ import annotations


from test_batch_support import generator
from writer.factbase.loader import load_factbase
from writer.factbase.vocabulary import Status

def test_thirty_generated_events_are_valid_and_cover_every_status(tmp_path):
    gen = generator()
    paths = gen.write_factbase(30, tmp_path)
    assert len(paths) == 30 and (tmp_path / "sources.yaml").is_file()
    events, problems = load_factbase([tmp_path / "events"])
    assert problems == []
    assert len(events) == 30
    assert len({e.id for e in events}) == 30
    facts = [f for e in events for f in e.facts.values()]
    assert {f.status for f in facts} == set(Status)
    assert any(f.range is not None for f in facts), "a disputed range"
    assert any(f.lower_bound for f in facts), "a lower bound"
    assert any(f.status is Status.UNAVAILABLE and f.reason for f in facts), "an explicit gap"
    assert {e.shape for e in events} == {"long_washout", "short_squeeze", "two_sided", "data_discrepancy"}
    assert any(e.context for e in events) and any(e.quotes for e in events)
    assert any(e.derived for e in events)


def test_generation_is_deterministic_and_independent_of_n(tmp_path):
    gen = generator()
    a = gen.write_factbase(12, tmp_path / "a")
    b = gen.write_factbase(5, tmp_path / "b")
    for pa, pb in zip(a, b):
        assert pa.name == pb.name
        assert pa.read_bytes() == pb.read_bytes()
    c = gen.write_factbase(5, tmp_path / "c", seed=1)
    assert [p.read_bytes() for p in c] != [p.read_bytes() for p in b]
