"""A count or total whose sources give only words ("scores of traders") beside others: every valid event drafts.

Found by a desk's fact file of a real story (blind set, round 13): a liquidated-accounts fact whose two observations
were readings without a number crashed the drafter when it measured how far the providers' figures are apart.
The events here are our own.
"""

from __future__ import annotations

from test_draft_any_event import drafter, mislinked, registry
from test_draft_any_event import test_every_valid_event_drafts_and_passes_its_own_check as _property
from writer.factbase.loader import event_from_text


def _draft(facts: str) -> str:
    event = event_from_text(f"id: words\nas_of: 2026-12-01T12:00:00+00:00\nfacts:\n{facts}", "words.yaml", registry())
    _property.hypothesis.inner_test(event)  # drafts, passes its own check, prints no number the facts do not hold
    draft = drafter().draft(event)
    assert mislinked(event, draft) == []
    return draft.markdown


def test_a_count_given_only_in_words_by_two_sources_drafts():
    md = _draft("""\
  - {id: traders, metric: liquidated_accounts, unit: count, observations: [{source: coinglass, reading: scores of traders}, {source: lookonchain, reading: a few dozen accounts}]}
  - {id: total, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 310000000}]}
""")
    assert "$310 million" in md


def test_an_unavailable_count_with_worded_observations_drafts():
    md = _draft("""\
  - {id: traders, metric: liquidated_accounts, unit: count, status: unavailable, reason: no count was published, observations: [{source: coinglass, reading: scores of traders}, {source: lookonchain, reading: a few dozen accounts}]}
  - {id: total, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 310000000}]}
""")
    assert "$310 million" in md
