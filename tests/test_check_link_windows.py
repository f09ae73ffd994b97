"""``link`` asks ``value_match`` only of supports inside the figure's value window, and scores a
support as a candidate contradiction only when it is within the edit factor: the same links as
asking and scoring every support.

The window filter (``linking._meets``) is switched off here by patching it to accept every support;
the edit-factor test is ``plausible_edit``'s own last condition, so scoring a support that fails it
could never make it a candidate. Linked on the bundled and corpus events' drafts, on their edits
(tests/test_linking_index.py's rewrites: values missed, overshot, bounded, swapped) and on generated
fact bases.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import test_linking_index as edits
from draft_support import CORPUS, EVENTS, ROOT, drafter
from writer.check import Checker, linking
from writer.factbase.loader import load_event


def _links(text: str, event) -> list:
    checker = Checker()
    checker.link_by_index = False  # the all-pairs scan, where the filter works
    return [(fu.figure, lk) for fu, lk, _ in checker.links(text, event=event)]


def assert_same_as_unfiltered(text: str, event) -> int:
    filtered = _links(text, event)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(linking, "_meets", lambda s, a, b: True)
        unfiltered = _links(text, event)
    assert filtered == unfiltered
    return len(filtered)


@pytest.mark.parametrize("path", EVENTS + CORPUS, ids=lambda p: p.stem)
def test_drafts_and_their_edits_link_as_without_the_filter(path):
    event = load_event(path)
    draft = drafter().draft(event, facts_path=path.relative_to(ROOT).as_posix())
    assert sum(assert_same_as_unfiltered(text, event) for text in edits.variants(draft.markdown)) > 0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_generated_fact_bases_link_as_without_the_filter(data):
    event, values = data.draw(edits.fact_bases())
    text = "\n\n".join(data.draw(st.lists(edits.sentences(values), min_size=1, max_size=8)))
    assert assert_same_as_unfiltered(text, event) > 0


def test_the_filter_turns_supports_away():
    """The filter does work: a figure far from every fact is asked of none of them."""
    event = load_event(EVENTS[0])
    asked = []
    real = linking.value_match

    def counting(fig, s):
        asked.append(s)
        return real(fig, s)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(linking, "value_match", counting)
        _links("Liquidations came to $3 according to CoinGlass.", event)
    assert asked == []
