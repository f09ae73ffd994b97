"""The round trip: every example draft passes the provenance check (writer check) with no findings."""

from __future__ import annotations

import pytest

from draft_support import EVENTS, example

check = pytest.importorskip("writer.check", reason="the provenance check package is not installed")


@pytest.fixture(scope="module")
def checker():
    return check.Checker()


@pytest.mark.parametrize("path", EVENTS, ids=[p.stem for p in EVENTS])
def test_draft_passes_the_check(checker, path):
    event, draft = example(path.name)
    findings = checker.check_text(draft.markdown, path=str(path), event=event)
    assert not findings, "\n".join(f"{f.line}:{f.column}: {f.code} {f.message}" for f in findings)


def test_drafter_runs_the_check_and_names_the_template(checker):
    from writer.check import Finding
    from writer.draft import Drafter
    from writer.errors import DraftError

    event, plain = example(EVENTS[0].name)
    checked = Drafter(checker=checker).draft(event, facts_path=f"factbase/events/{EVENTS[0].name}")
    assert checked.markdown == plain.markdown  # passes with the check on

    fig = plain.claims["figures"][3]

    class Rejecting:
        """Stands in for a check that flags one figure, to test how a rejection is reported."""

        def check_text(self, text, *, path="<string>", event=None):
            return [Finding(path, fig["line"], fig["column"], fig["line"], fig["column"] + len(fig["text"]),
                            "P002", "unattributed", "error", "single-source figure without attribution", fig["text"], fig["fact"])]

    with pytest.raises(DraftError) as err:
        Drafter(checker=Rejecting()).draft(event, facts_path=f"factbase/events/{EVENTS[0].name}")
    assert err.value.template == fig["template"] and err.value.line == fig["template_line"] > 0
    assert "P002" in str(err.value)


def test_synthetic_drafts_pass_the_check(checker, tmp_path):
    """The round trip beyond the examples: generated events of every shape and status."""
    from draft_support import drafter
    from writer.factbase.loader import load_factbase

    from test_batch_support import generator

    make_factbase = generator()
    make_factbase.write_factbase(60, tmp_path, seed=11)
    events, problems = load_factbase([tmp_path])
    assert not problems
    failures = []
    for event in events:
        draft = drafter().draft(event)
        for f in checker.check_text(draft.markdown, path=event.path, event=event):
            failures.append(f"{event.id} {f.line}:{f.column} {f.code} {f.message}")
    assert not failures, "\n".join(failures[:10])


def test_generated_fact_bases_pass_the_check(checker):
    """Hypothesis-generated events (every status, ranges, floors, gaps) come back from the check clean."""
    from hypothesis import HealthCheck, given, settings

    import test_draft_properties as props

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(props.events())
    def run(event):
        draft = props.drafter().draft(event)
        findings = checker.check_text(draft.markdown, path=event.path, event=event)
        assert not findings, [f"{f.code} {f.message}" for f in findings]

    run()
