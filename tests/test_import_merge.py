"""Merging figures into the round-trip document: new facts, the same reading again, revisions."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

import pytest

from test_import_support import EVENT
from writer.factbase.roundtrip import dump_document, load_document
from writer.importers.feeds import FEEDS
from writer.importers.figures import Capture, Figure, capture_note
from writer.importers.merge import MergeConflict, merge

FEED = FEEDS["binance"]


def figure(value: str, start_h: int, end_h: int) -> Figure:
    capture = Capture(datetime(2026, 11, 20, start_h, tzinfo=timezone.utc), datetime(2026, 11, 20, end_h, tzinfo=timezone.utc))
    return Figure("binance_usdt_total", "liquidations", "USD", Decimal(value), window="4h", venue="binance", lower_bound=True,
                  status="official", as_of=capture.end, obs_note=capture_note(FEED, capture, 3), capture=capture)


def test_revision_keeps_the_earlier_reading_with_its_time():
    doc = load_document(EVENT)
    assert [c.kind for c in merge(doc, [figure("1000.5", 9, 10)], FEED)] == ["added"]
    assert [c.kind for c in merge(doc, [figure("1000.5", 9, 10)], FEED)] == ["unchanged"]
    (change,) = merge(doc, [figure("2500", 9, 12)], FEED)
    assert change.kind == "revised" and change.detail == "1000.5 -> 2500"
    obs = doc["facts"][-1]["observations"][0]
    assert obs["value"] == 2500 and list(obs.keys())[-1] == "revisions"
    (earlier,) = obs["revisions"]
    assert earlier["value"] == 1000.5 and earlier["as_of"].isoformat().startswith("2026-11-20T10:00:00")
    assert "2026-11-20T09:00:00.000Z to 2026-11-20T10:00:00.000Z" in earlier["note"]
    text = dump_document(doc)
    assert "as_of: 2026-11-20T12:00:00+00:00" in text and "as_of: 2026-11-20T10:00:00+00:00" in text


def test_capture_that_is_not_longer_is_refused():
    doc = load_document(EVENT)
    merge(doc, [figure("1000", 9, 12)], FEED)
    with pytest.raises(MergeConflict, match="not a longer capture"):
        merge(doc, [figure("900", 10, 12)], FEED)


def test_closing_comment_moves_after_the_new_facts_and_end_of_line_comment_stays():
    text = (
        "id: 2026-11-20-x\nas_of: 2026-11-21T08:00:00+00:00\nfacts:\n  - id: a\n    metric: liquidations\n    unit: USD\n"
        "    observations:\n      - source: binance\n        value: 5M  # typed from the screenshot\n"
        "# end of the figures\n\nnote: kept last\n"
    )
    doc = load_document(text)
    merge(doc, [figure("10", 9, 10)], FEED)
    out = dump_document(doc)
    assert "        value: 5M  # typed from the screenshot\n  - id: binance_usdt_total\n" in out
    assert out.endswith("imported by writer import binance\n# end of the figures\n\nnote: kept last\n")
