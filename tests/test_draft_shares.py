"""A share worked out by the desk is set against a total only when both figures come from the same sources.

A venue's own count against an aggregator's total is not a share of one count: the aggregator's total holds its
own reading of that venue, which may differ from the venue's figures, and the quotient would mix the two. The
check does not hold such a share to either figure in fact mode (a share in words has no fact to link to: a wrong
value, and wrong sources in "by our calculation from ...", pass it), so the drafter keeps the rule itself and prints
both figures, each with its own attribution, and no share between them (view._same_sources).
"""

from __future__ import annotations

import re

from draft_support import ROOT, checked_drafter
from writer.factbase.loader import event_from_text, load_registry

REGISTRY = load_registry(ROOT / "factbase" / "sources.yaml")

EVENT = """
id: {eid}
as_of: 2026-11-24T12:00:00+00:00
facts:
  - id: total_24h
    metric: liquidations
    unit: USD
    window: 24h
    observations: [{{source: coinglass, value: 420000000}}]
  - id: bybit_24h
    metric: liquidations
    unit: USD
    window: 24h
    venue: bybit
    status: {status}
    observations: [{{source: {source}, value: 120000000}}]
"""


def draft(source: str, status: str) -> str:
    event = event_from_text(EVENT.format(eid=f"share-{source}", source=source, status=status), "share.yaml", REGISTRY)
    return checked_drafter().draft(event).markdown


def test_a_venue_part_of_the_same_providers_total_is_said_with_whose_calculation_it_is():
    md = draft("coinglass", "single_source")
    assert "more than a quarter of the market-wide total" in md
    sentence = next(s for s in md.split(". ") if "more than a quarter" in s)
    assert "by our" in sentence.lower()


def test_a_venues_own_figure_is_not_set_against_another_providers_total():
    md = draft("bybit", "official")
    assert "According to Bybit's own figures, liquidations on the exchange came to $120 million" in md  # the venue named once (prose2)
    assert "$420 million" in md
    assert "quarter" not in md and "by our" not in md.lower()


def test_our_calculation_from_the_same_sources_is_told_in_full_once_per_article():
    """2026-11-20 printed "by our calculation from the ranges reported by CoinGlass and CoinAnk, which differ" three
    times, in three sections, and one sentence named the two providers twice for our arithmetic."""
    from draft_support import EVENTS, drafted

    path = next(p for p in EVENTS if p.name.startswith("2026-11-20"))
    md = drafted(path)[1].markdown
    assert md.lower().count("by our calculation from the ranges reported by coinglass and coinank") == 1
    for sentence in re.split(r"(?<=[.!?])\s+", md):
        assert sentence.lower().count("by our calculation from") <= 1, sentence
    assert "By our calculation, bitcoin alone accounts for more than a third" in md  # said, and said whose


def test_a_phrasing_a_template_renders_and_drops_does_not_count_as_told():
    """A template may render both wordings of a sentence and print one: the short form is chosen on the article as
    printed, so the first share of a draft always names its sources (corpus 24's data section)."""
    from draft_support import CORPUS, drafted

    path = next(p for p in CORPUS if p.name.startswith("24-"))
    md = drafted(path)[1].markdown
    first = md.lower().index("by our calculation")
    assert md.lower().startswith("by our calculation from the ranges reported by bybit and coinglass", first)

