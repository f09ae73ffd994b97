"""Figures a source gives in words: every valid event drafts, and the words read as English.

- A count or total whose sources give only words ("scores of traders") beside others: a desk's fact file of a real
  story (blind set, round 13) crashed the drafter when it measured how far the providers' figures are apart.
- A vague magnitude of a count or of coins: "tens of thousands of accounts" (not "tens of thousands accounts"),
  "several thousand ETH" (the asset was dropped: "a position of tens of thousands").
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


def _magnitudes(metric_line: str, magnitude: str) -> str:
    return _draft(metric_line.format(m=magnitude) + """\
  - {id: total, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 310000000}]}
""")


def test_a_plural_magnitude_of_accounts_takes_of_before_its_noun():
    line = "  - {{id: traders, metric: liquidated_accounts, unit: count, window: 24h, observations: [{{source: coinglass, magnitude: {m}}}]}}\n"
    assert "tens of thousands of accounts were liquidated" in _magnitudes(line, "tens_of_thousands")
    assert "several thousand accounts were liquidated" in _magnitudes(line, "several_thousand")


def test_a_magnitude_of_coins_names_its_asset():
    line = "  - {{id: moved, metric: onchain_transfer, unit: coins, asset: ETH, subject: a whale, observations: [{{source: lookonchain, magnitude: {m}}}]}}\n"
    assert "a transfer of tens of thousands of ETH" in _magnitudes(line, "tens_of_thousands")
    assert "a transfer of several thousand ETH" in _magnitudes(line, "several_thousand")
