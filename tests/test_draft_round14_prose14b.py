"""Round 14 (prose14b): a dominance's words told as the source's, with the asset named as the draft names it
elsewhere; one length of time under two names related beside the figures, once, only where both names are printed.
Every event is our own; every draft passes its own check and links each figure to its own fact (``_draft``)."""

from __future__ import annotations

import re

from test_draft_round10_prose import TOTAL
from test_draft_round11_prose import _body, _draft

from writer.draft.assemble import Section
from writer.draft.window_names import _append_to_paragraph


def _dominance(reading: str, part: str, sources: tuple[str, ...] = ("coinglass",)) -> str:
    obs = ", ".join(f"{{source: {s}, reading: {reading}}}" for s in sources)
    return f"  - {{id: who, metric: dominance, unit: none, {part}, observations: [{obs}]}}\n"


# -- a dominance's words --------------------------------------------------------------------------------------------

def test_a_part_in_an_assets_words_names_the_asset_as_the_draft_does_and_tells_the_words_as_the_sources():
    md = _body(_draft(TOTAL + _dominance("the biggest portion", "asset: ETH")))
    assert "positions in ether accounted for what it calls \u201cthe biggest portion\u201d of the liquidations" in md, md
    assert "positions in ETH" not in md


def test_words_beside_the_plain_sentence_name_the_asset_too():
    md = _body(_draft(TOTAL + _dominance("felt it hardest", "asset: BTC")))
    assert "the heaviest losses fell on positions in bitcoin (its words: \u201cfelt it hardest\u201d)" in md, md


def test_two_sources_words_are_what_they_call_it():
    md = _body(_draft(TOTAL + _dominance("the lion's share", "side: short", ("coinglass", "coinank"))))
    assert "short positions accounted for what they call \u201cthe lion's share\u201d of the liquidations" in md, md


def test_an_asset_with_no_name_of_its_own_keeps_its_code():
    md = _body(_draft(TOTAL + _dominance("the biggest slice", "asset: PEPE")))
    assert "positions in PEPE accounted for what it calls \u201cthe biggest slice\u201d" in md, md


# -- windows of one length ------------------------------------------------------------------------------------------

TWIN = "The windows of 24 hours and one day are the same length, though not necessarily the same stretch of time."
DAY = "  - {id: d1, metric: liquidations, unit: USD, window: 1d, venue: okx, observations: [{source: coinglass, value: 90000000}]}\n"


def _paragraph_with(md: str, needle: str) -> str:
    return next(p for p in md.split("\n\n") if needle in p)


def test_the_windows_sentence_closes_the_paragraph_that_first_prints_the_second_name():
    md = _body(_draft(TOTAL + DAY))
    assert md.count("the same length, though") == 1, md
    para = _paragraph_with(md, "the same length, though")
    assert re.search(r"\bday\b", para.replace(TWIN, "")), para  # beside the one-day figure it qualifies
    assert para.rstrip().endswith(TWIN), para
    assert "Some figures here cover" not in md


def test_a_past_episodes_day_is_no_second_name_for_the_window():
    """A past year's single-day figure says its window only in its label: no reader sets it against the 24 hours."""
    past = ("  - {id: past, metric: historical_liquidations, unit: USD, window: 1d, label: the heaviest single day of a past"
            " year, observations: [{source: coinglass, value: 1200000000}]}\n")
    md = _body(_draft(TOTAL + past))
    assert "the same length" not in md, md


def test_one_name_only_gets_no_sentence():
    md = _body(_draft(TOTAL + DAY.replace("window: 1d", "window: 24h")))
    assert "the same length" not in md, md


def test_a_paragraph_that_is_not_prose_takes_no_sentence():
    sec = Section("s", "t.md.j2", "Intro line.\n\n- a list item over a day\n- another\n\nAfter.")
    _append_to_paragraph(sec, sec.text.index("over a day"), "Told.")
    assert "Told." not in sec.text
    sec = Section("s", "t.md.j2", "First paragraph over a day. Second sentence.\n\nNext paragraph.")
    _append_to_paragraph(sec, sec.text.index("over a day"), "Told.")
    assert sec.text == "First paragraph over a day. Second sentence. Told.\n\nNext paragraph."
