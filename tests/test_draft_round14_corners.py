"""Drafting corners of the fourteenth round (the corner fuzz, seeds 74-77), each held with events of our own and
drafted with the provenance check's round trip."""

from __future__ import annotations

import re

import pytest

from draft_support import ROOT, checked_drafter
from writer.factbase.loader import event_from_text, load_registry

REGISTRY = load_registry(ROOT / "factbase" / "sources.yaml")


def drafted(body: str, *, eid: str = "round14-corner"):
    head = f"id: {eid}\nas_of: 2026-11-24T12:00:00+00:00\n"
    return checked_drafter().draft(event_from_text(head + body, f"{eid}.yaml", REGISTRY))


def _cluster(fid: str, subject: str, extra: str) -> str:
    return f"""
  - id: {fid}
    metric: position_concentration
    unit: USD
    subject: {subject}
    price_band: [61000, 63000]{extra}
    observations: [{{source: hyblock, value: 40000000}}]
"""


@pytest.mark.parametrize("extra, opening", [
    ("\n    side: long\n    asset: ETH", "Long ETH positions worth"),
    ("\n    side: short", "Short positions worth"),
    ("", "Positions worth"),
])
def test_a_concentration_sentence_with_no_lead_opens_capitalised(extra, opening):
    """Two clusters from one source: the second sentence has no lead of its own ("According to X," once), so it
    opens on its own words. In lower case the check read it as the first sentence's end, and its figure as the first
    cluster's (a mislink: the subjects tell them apart)."""
    facts = "facts:\n" + _cluster("c1", "a cluster of 300 accounts", extra) + _cluster("c2", "the fund's book", extra)
    md = drafted(facts).markdown
    assert re.search(rf"\. {opening} \$40 million linked to the fund's book", md), md
