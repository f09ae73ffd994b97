"""A check leaves nothing for the cyclic collector: an article's analysis (sentences and their figures
point at each other) is let go once its rules have run (``Analysis.release``), so a check of many
articles with the collector paused does not end with one long collection of them."""

from __future__ import annotations

import gc

from writer.check import Checker
from writer.check.analysis import FigureUse, Sentence

ARTICLE = """# Longs lost $300 million

According to CoinGlass, longs lost $300 million. Shorts lost about $40 million.

The claim that $7 billion sits at $93,000 spread quickly.
"""


def _alive(kind) -> int:
    return sum(isinstance(o, kind) for o in gc.get_objects())


def test_no_analysis_is_left_to_the_cyclic_collector():
    checker = Checker()
    checker.check_text("Warm-up: $5 million, according to CoinGlass.")
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        before = _alive(FigureUse), _alive(Sentence)
        found = checker.check_texts([(ARTICLE, f"a{i}.md", None) for i in range(20)])
        after = _alive(FigureUse), _alive(Sentence)
    finally:
        if enabled:
            gc.enable()
    assert all(f for f in found)  # the check found something in each, so it did read their figures
    assert after == before


def test_links_still_hand_out_their_figures_sentences():
    """``links`` (and ``trace``) return figure uses to the caller: those keep their sentences' figures."""
    uses = Checker().links(ARTICLE)
    assert uses and all(fu in fu.sentence.figures for fu, _, _ in uses)
