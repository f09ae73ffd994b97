"""One coin inside a larger day: the network total leads, and the lede names the coin's own split.

Decided (SALIENCE in writer/draft/view.py, README "How a draft is shaped"): the largest realised figure of the
main window leads whatever its scope, so a network total leads over the one coin every per-asset figure is about.
What must not happen is a lede saying no split exists when that coin's split (or one side of it) is to hand.
The events are our own.
"""

from __future__ import annotations

from functools import lru_cache

from draft_support import repo_registry
from writer.factbase.loader import event_from_text

EVENT = """
id: one-coin-day
as_of: 2026-12-06T16:00:00+00:00
windows: [24h]
facts:
  - {{id: total, metric: liquidations, unit: USD, window: 24h, coverage: network-wide, observations: [{{source: coinglass, value: 515M}}]}}
  - {{id: avax, metric: liquidations, unit: USD, window: 24h, asset: AVAX, observations: [{{source: coinglass, value: 133M}}]}}
{sides}
"""
LONG = "  - {id: avax_long, metric: liquidations, unit: USD, window: 24h, asset: AVAX, side: long, observations: [{source: coinglass, value: 118M}]}"
SHORT = "  - {id: avax_short, metric: liquidations, unit: USD, window: 24h, asset: AVAX, side: short, observations: [{source: coinglass, value: 15M}]}"


@lru_cache(maxsize=1)
def drafter():
    from writer.draft import Drafter

    return Drafter()  # with the provenance check's round trip


def draft(sides: str):
    return drafter().draft(event_from_text(EVENT.format(sides=sides), "one-coin-day.yaml", repo_registry()))


def lede(markdown: str) -> str:
    return markdown.split("\n# ", 1)[1].split("\n\n")[1]


def test_the_network_total_leads_over_the_one_coin():
    d = draft(LONG)
    assert "$515 million" in d.title and "$133 million" not in d.title


def test_a_coin_with_one_side_figure_is_named_as_the_guide_instead_of_no_split():
    text = lede(draft(LONG).markdown)
    assert "no long/short split has been published" not in text
    assert "own long figure" in text


def test_a_coin_with_both_sides_is_named_by_its_split():
    text = lede(draft(LONG + "\n" + SHORT).markdown)
    assert "own split" in text and "no long/short split has been published" not in text


def test_without_any_side_figure_the_lede_says_the_figures_to_hand_carry_no_split():
    text = lede(draft("").markdown)
    assert "carry no long/short split" in text
    assert "has been published" not in text  # a fact file lacking a figure is no evidence nobody published one
