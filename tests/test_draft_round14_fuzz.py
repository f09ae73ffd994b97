"""Drafting failures the fuzz found after the fourteenth round's merge (bench/fuzz_draft_new_kinds.py, seeds 77,
141 and 143), each held with a small event of our own that fails without its fix."""

from __future__ import annotations

from test_draft_any_event import drafter, mislinked, registry
from test_draft_any_event import test_every_valid_event_drafts_and_passes_its_own_check as _property
from writer.factbase.loader import event_from_text


def _event(facts: str, eid: str = "fuzz14"):
    return event_from_text(f"id: {eid}\nas_of: 2026-12-01T12:00:00+00:00\nfacts:\n{facts}", f"{eid}.yaml", registry())


def test_two_estimates_alike_but_for_their_window_are_told_apart_past_the_caveat():
    """Two estimated ranges with an average, alike but for their window: the second prints "... about $910 million to
    $990 million (estimated, by X, as cited by Y; not a measured figure), with an average of ... over the past 3 days". The ";"
    inside the caveat ended the figure's clause (linking ``own_clause``), so the window was not the range's own
    and the check linked it to the first estimate (fuzz seed 141)."""
    event = _event("""\
  - {id: total, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 310000000}]}
  - {id: days, metric: price_level, unit: USD, asset: ADA, window: 3d, direction: above, status: estimate,
     observations: [{source: research-brief, range: [910000000, 990000000], hedge: [about, null], via: beincrypto}],
     average: {value: 950000000}}
  - {id: week, metric: price_level, unit: USD, asset: ADA, window: 7d, direction: above, status: estimate,
     observations: [{source: research-brief, range: [910000000, 990000000], hedge: [about, null], via: beincrypto}],
     average: {value: 950000000}}
""")
    draft = drafter().draft(event)
    assert not mislinked(event, draft), draft.markdown
    _property.hypothesis.inner_test(event)
