"""A trader's position size (``metric: position_size``) and the trader's own story beside the loss.

A whale story gives how big the position was ("a 9,200 ETH long", "a $120 million position"): the fact model
holds it in dollars or in coins of its asset, with whose it was (subject), side and venue; drafting tells it in
the venues section beside the losses, and the check links a hand-written "a 9,200 ETH long" to it. On-chain
context from the very source of a trader's loss tells that trader's story, so it stands beside the loss, not
among the market backdrop; and the loss sentence says who lost what in one sentence. Every event here is our own.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from draft_support import repo_registry
from writer.errors import WriterError
from writer.factbase import plainspec, spec
from writer.factbase.loader import event_from_text

ROOT = Path(__file__).resolve().parent.parent

HEAD = """
id: {eid}
as_of: 2026-12-03T10:00:00+00:00
windows: [8h]
facts:
  - {{id: btc_8h, metric: liquidations, unit: USD, window: 8h, asset: BTC, observations: [{{source: coinglass, value: 143M}}]}}
"""


@lru_cache(maxsize=1)
def drafter():
    from writer.draft import Drafter

    return Drafter()  # with the provenance check's round trip: a draft its own check refuses raises


def event(body: str, eid: str = "pos-case"):
    return event_from_text(HEAD.format(eid=eid) + body, f"{eid}.yaml", repo_registry())


def section(markdown: str, *starts: str) -> str:
    """The text of the first section whose heading starts with one of ``starts`` ("" when there is none)."""
    for part in markdown.split("\n## ")[1:]:
        if part.startswith(starts):
            return part
    return ""


VENUE_HEADS = ("Large holders", "The biggest individual", "Venues and", "Exchanges, contracts")
BACKDROP_HEADS = ("Around the move", "The wider market", "Market and macro", "Prices, markets")


# --- the fact model -------------------------------------------------------------------------------

def fact_of(**fields):
    base = {"id": "pos", "metric": "position_size", "observations": [{"source": "hyperliquid", "value": 5400}]}
    return {**base, **fields}


@pytest.mark.parametrize("fields", [
    {"unit": "coins", "asset": "BTC", "side": "short", "subject": "a fund"},
    {"unit": "USD", "asset": "SOL", "side": "long", "venue": "hyperliquid"},
    {"unit": "USD"},
])
def test_a_position_in_dollars_or_coins_is_valid_in_both_readings(fields):
    data = fact_of(**fields)
    model = spec.FactSpec.model_validate(data)
    assert model.metric == "position_size"
    plain = plainspec.read(plainspec.FACT, data)
    assert plain is not None and plain.metric == "position_size" and plain.unit == model.unit


@pytest.mark.parametrize("fields, words", [
    ({"unit": "coins"}, "asset"),  # coins of which coin?
    ({"unit": "percent", "asset": "ETH"}, "position_size"),  # a position is an amount, not a share
])
def test_a_position_without_its_coin_or_in_a_share_is_refused(fields, words):
    with pytest.raises(ValueError, match=words):
        spec.FactSpec.model_validate(fact_of(**fields))
    assert plainspec.read(plainspec.FACT, fact_of(**fields)) is None  # the plain reading leaves it to the models


def test_the_editors_json_schema_offers_the_metric():
    schema = json.loads((ROOT / "factbase" / "event.schema.json").read_text())
    metric = schema["$defs"]["FactSpec"]["properties"]["metric"]
    assert "position_size" in metric["enum"] and "position_size" in metric["description"]


def test_the_fact_file_guide_documents_the_metric():
    assert "position_size" in (ROOT / "docs" / "fact-file.md").read_text()


# --- drafting ---------------------------------------------------------------------------------------

COIN_POSITION = """
  - {id: fund_short, metric: position_size, unit: coins, asset: BTC, side: short, venue: hyperliquid, subject: a macro fund,
     observations: [{source: arkham, value: 1250}]}
"""


def test_a_position_in_coins_is_told_with_whose_it_was_its_side_and_venue():
    d = drafter().draft(event(COIN_POSITION))
    venues = section(d.markdown, *VENUE_HEADS)
    assert "a macro fund held a short position of 1,250 BTC on Hyperliquid" in venues
    assert "Arkham" in venues  # its source, at the sentence
    assert "fund_short" in {fig["fact"] for fig in d.claims["figures"]}


def test_a_position_in_dollars_names_its_coin_before_the_amount():
    body = """
  - {id: pos, metric: position_size, unit: USD, asset: ETH, side: long, observations: [{source: lookonchain, value: 63M}]}
"""
    venues = section(drafter().draft(event(body)).markdown, *VENUE_HEADS)
    assert "held a long position in ETH worth $63 million" in venues
    assert "one account held" in venues.lower()  # no subject: nobody is named


def test_an_event_without_a_position_prints_no_position_sentence():
    d = drafter().draft(event(""))
    assert "held a" not in d.markdown and "position of" not in d.markdown


# --- the check reads a hand-written position ------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "a whale held a position of 7,600 ETH before the drop",
    "a whale's 7,600 ETH long was closed in the drop",
])
def test_a_hand_written_position_links_to_the_position_and_not_to_a_transfer_of_the_same_size(sentence):
    from writer.check import Checker

    ev = event("""
  - {id: moved, metric: onchain_transfer, unit: coins, asset: ETH, subject: a whale, observations: [{source: lookonchain, value: 7600}]}
  - {id: pos, metric: position_size, unit: coins, asset: ETH, subject: a whale, observations: [{source: lookonchain, value: 7600}]}
""")
    text = f"# A test\n\nAccording to a single source, Lookonchain, {sentence}.\n"
    links = {fu.figure.text: lk.support.id for fu, lk, _ in Checker(spacy_pipeline=False).links(text, event=ev) if lk and lk.support}
    assert links.get("7,600 ETH") == "pos"  # the metric's words (phrases.yaml), not the facts' order, decide


# --- the trader's own story beside the loss ---------------------------------------------------------

LOSS = """
  - {id: loss, metric: trader_loss, unit: USD, subject: a trader running a 40x bitcoin short, observations: [{source: lookonchain, value: 6.2M}]}
context:
  - {id: held, kind: onchain, text: the wallet had opened the short two days earlier, sources: [lookonchain]}
  - {id: macro, kind: macro, text: a central bank held rates steady that morning, sources: [coinmarketcap]}
"""


def test_onchain_context_from_the_loss_source_stands_beside_the_loss_not_in_the_backdrop():
    md = drafter().draft(event(LOSS)).markdown
    venues, backdrop = section(md, *VENUE_HEADS), section(md, *BACKDROP_HEADS)
    assert "opened the short two days earlier" in venues
    assert "opened the short two days earlier" not in backdrop
    assert "central bank held rates steady" in backdrop  # another source's, another kind: still the backdrop


def test_onchain_context_from_another_source_stays_in_the_backdrop():
    md = drafter().draft(event(LOSS.replace("sources: [lookonchain]}", "sources: [arkham]}"))).markdown
    assert "opened the short two days earlier" in section(md, *BACKDROP_HEADS)
    assert "opened the short two days earlier" not in section(md, *VENUE_HEADS)


def test_market_context_from_the_loss_source_stays_in_the_backdrop():
    md = drafter().draft(event(LOSS.replace("kind: onchain", "kind: market"))).markdown
    assert "opened the short two days earlier" in section(md, *BACKDROP_HEADS)


def test_the_loss_sentence_says_who_lost_what_in_one_sentence():
    venues = section(drafter().draft(event(LOSS)).markdown, *VENUE_HEADS)
    assert "a trader running a 40x bitcoin short lost $6.2 million" in venues
    assert "single account" not in venues and "The loss is linked to" not in venues


def test_a_loss_without_a_subject_is_one_account_s():
    body = """
  - {id: loss, metric: trader_loss, unit: USD, observations: [{source: lookonchain, value: 6.2M}]}
"""
    venues = section(drafter().draft(event(body)).markdown, *VENUE_HEADS)
    assert "one account lost $6.2 million" in venues


def test_a_leading_loss_keeps_its_trader_context_beside_it():
    text = HEAD.format(eid="pos-lead").replace("windows: [8h]\n", "windows: [8h]\nshape: single_venue\n") + LOSS
    d = drafter().draft(event_from_text(text, "pos-lead.yaml", repo_registry()))
    assert "$6.2 million" in d.title
    venues = section(d.markdown, *VENUE_HEADS)
    assert venues.count("opened the short two days earlier") == 1
    assert "opened the short two days earlier" not in section(d.markdown, *BACKDROP_HEADS)


def test_an_unknown_unit_for_a_position_names_the_file():
    with pytest.raises(WriterError, match="position_size"):
        event("""
  - {id: pos, metric: position_size, unit: ratio, asset: ETH, observations: [{source: lookonchain, value: 2}]}
""")
    assert yaml  # (the events above are YAML written by hand)
