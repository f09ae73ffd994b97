"""A figure's holder may name a registered source: the draft must describe the holder, never credit it.

An editor writes the subject as the desk knows it ("a trader holding a 25x ETH long on Hyperliquid") while
the figure comes from someone else (an on-chain tracker). Drafting words the holder so that the check does
not read it as the figure's source, and the draft passes its own check (a refusal here is a drafter bug).
"""

from __future__ import annotations

import pytest

from draft_support import ROOT
from writer.draft import Drafter
from writer.factbase.loader import event_from_text, load_registry

REGISTRY = load_registry(ROOT / "factbase" / "sources.yaml")

EVENT = """
id: holder-names
as_of: 2026-12-03T10:00:00Z
windows: [12h]
facts:
  - id: total_12h
    metric: liquidations
    unit: USD
    window: 12h
    observations: [{{source: coinglass, value: 640M}}]
  - id: loss
    metric: {metric}
    unit: USD
    subject: {subject}
    observations: [{{source: lookonchain, value: 28.4M}}]
"""

SUBJECTS = [
    "a trader holding a 25x ETH long on Hyperliquid",
    "an address that had borrowed from Binance",
    "a fund trading on OKX and Bybit",
]


@pytest.mark.parametrize("metric", ["trader_loss", "largest_single_liquidation"])
@pytest.mark.parametrize("subject", SUBJECTS)
def test_a_holder_naming_a_venue_drafts_and_passes_its_check(metric, subject):
    event = event_from_text(EVENT.format(metric=metric, subject=subject), "holder-names.yaml", REGISTRY)
    text = Drafter(run_check=True).draft(event, facts_path="holder-names.yaml").markdown  # raises if its check fails
    if metric == "trader_loss":
        assert subject in text
    assert "attributed to " + subject not in text  # "attributed to" credits a source; the holder is not one
