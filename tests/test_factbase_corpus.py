"""The real-reporting fact files (factbase/corpus/: the 3 seed and 10 corpus articles) and the every-kind example (factbase/kinds/).

They validate, hold no invented time (an article without a date says so with
`as_of: null`), use the new kinds where the articles call for them, and draft
(the drafter's own self-check runs; the drafting helper owns the wording).
None of this reads ../shared: the files are the project's own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from draft_support import drafter
from writer.factbase.loader import event_files, load_factbase
from writer.factbase.vocabulary import CompoundHedge, Status

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted(event_files([ROOT / "factbase" / "corpus"]))
KINDS = sorted(event_files([ROOT / "factbase" / "kinds"]))


def test_one_fact_file_per_reference_article_and_all_valid():
    # 3 seed articles (000-002) and 10 corpus articles, each named after its article.
    assert len(CORPUS) == 13
    assert sum(p.name[:3].isdigit() for p in CORPUS) == 3
    events, problems = load_factbase(CORPUS)
    assert problems == []
    assert len({e.id for e in events}) == 13


def test_no_corpus_event_invents_a_time():
    # None of the thirteen articles gives a full date: every event says so, with `as_of: null` or
    # with as much of a date as the article gives (a day without its year), never a guessed year.
    events, _ = load_factbase(CORPUS)
    assert all(e.as_of is None and e.as_of_date is None for e in events)
    assert all(e.as_of_partial is None or e.as_of_partial.year is None for e in events)
    assert sum(e.as_of_partial is not None for e in events) >= 2
    for e in events:
        for f in e.facts.values():
            assert all(o.as_of is None and o.as_of_date is None for o in f.observations), f.id
    for path in CORPUS:
        text = path.read_text(encoding="utf-8")
        assert ("as_of: null" in text or "as_of: --" in text) and "T00:00" not in text


def test_corpus_uses_the_kinds_real_reporting_needs():
    events, _ = load_factbase(CORPUS)
    facts = [f for e in events for f in e.facts.values()]
    assert any(f.hedge is not None for f in facts)
    assert any(f.magnitude is not None for f in facts)
    assert any(f.status is Status.UNNAMED_GROUP for f in facts)
    assert any(f.metric == "dominance" for f in facts)
    assert any(f.change == "fall" for f in facts)
    assert any(f.assets for f in facts)
    assert any(q.paraphrase for e in events for q in e.quotes)
    assert any(e.caveats for e in events)
    assert any(f.status is Status.DISPUTED for f in facts)  # an exchange's own figure against an aggregator's

    # kinds added once the first pass listed what it could not write down
    assert any(f.unit == "KRW" for f in facts)  # "around 2.4 trillion won"
    assert any(f.rank == 2 for f in facts)  # "secured the second spot"
    assert any(f.share_of for f in facts)  # a share of what
    assert any(f.from_fact and f.to_fact for f in facts)  # "from 300,000 to 1.4 million"
    assert any(isinstance(f.hedge, CompoundHedge) for f in facts)  # "as much as approximately"
    assert {f.metric for f in facts} >= {"duration", "rate"}  # an 847-day wait, one report per second
    assert any(o.as_of_partial is not None for f in facts for o in f.observations)  # "on July 24", "in 2025"


@pytest.mark.parametrize("path", CORPUS + KINDS, ids=lambda p: p.stem)
def test_every_real_reporting_file_drafts(path):
    events, problems = load_factbase([path])
    assert not problems
    draft = drafter().draft(events[0], facts_path=path.name)
    assert draft.markdown.startswith("---\n")
    assert "-$" not in draft.markdown  # a fall is printed in words, never as a negative amount


@pytest.fixture(scope="module")
def checked_drafter():
    from writer.draft import Drafter

    return Drafter(run_check=True)


@pytest.mark.parametrize("path", CORPUS + KINDS, ids=lambda p: p.stem)
def test_every_real_reporting_draft_passes_the_provenance_check(path, checked_drafter):
    # A gap's reason is printed in the article: a figure in it would be a figure no fact supports.
    events, _ = load_factbase([path])
    checked_drafter.draft(events[0], facts_path=path.name)  # raises DraftError when the check rejects it


def test_an_undated_event_is_refused_by_publishing_with_a_located_reason(tmp_path):
    import json
    import shutil

    from click.testing import CliRunner

    from writer.cli import main

    (tmp_path / "fb" / "events").mkdir(parents=True)
    shutil.copy(ROOT / "factbase" / "sources.yaml", tmp_path / "fb" / "sources.yaml")
    shutil.copy(CORPUS[0], tmp_path / "fb" / "events" / CORPUS[0].name)
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "fb"), "--out", str(tmp_path / "site"), "--jobs", "1", "--format", "json", "-q"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    [rejected] = report["rejected"]
    as_of_line = next(n for n, line in enumerate(CORPUS[0].read_text(encoding="utf-8").splitlines(), 1) if line.startswith("as_of:"))
    assert "as_of" in rejected["reason"] and rejected["line"] == as_of_line
