"""Faults a desk editor found reading a golden draft, each a pattern across events, fixed at its cause and held
here with events of our own (an ether whipsaw with figures and sources made up for this file). Every draft passes
its own provenance check; each test has a counterpart where the facts do support the wording it forbids.
"""

from __future__ import annotations

import re

import pytest

from draft_support import ROOT
from writer.draft import Drafter
from writer.factbase.loader import event_from_text, load_registry

REGISTRY = load_registry(ROOT / "factbase" / "sources.yaml")
DRAFTER = Drafter(run_check=True)


def _draft(text: str, name: str = "desk-reading"):
    return DRAFTER.draft(event_from_text(text, f"{name}.yaml", REGISTRY), facts_path=f"{name}.yaml")


def _section(markdown: str, heading_words: tuple[str, ...]) -> str:
    """The body of the first section whose heading holds any of these words ("" when there is none)."""
    parts = re.split(r"^## ", markdown, flags=re.M)
    return next((p.split("\n", 1)[1] for p in parts[1:] if any(w in p.split("\n", 1)[0] for w in heading_words)), "")


CONTEXT = ("backdrop", "wider market", "macro picture", "Around the move")
ANALYSIS = ("shake-out", "Why both sides")


def _whipsaw(*, eid: str = "eth-whipsaw", legs_timed: bool = True, levels_timed: bool = True, coverage: str = "network-wide",
             context: str = "", zones: bool = True) -> str:
    """Ether drops, then rebounds: both sides hit over 12 hours, the long leg and the short leg in 2-hour figures."""
    down_at = ", as_of: 2026-12-03T06:00:00+00:00" if legs_timed else ""
    up_at = ", as_of: 2026-12-03T11:00:00+00:00" if legs_timed else ""
    low_at = ", as_of: 2026-12-03T05:30:00+00:00" if levels_timed else ""
    high_at = ", as_of: 2026-12-03T10:45:00+00:00" if levels_timed else ""
    zone_facts = """
  - id: zone_below
    metric: pressure_zone
    unit: USD
    asset: ETH
    side: long
    direction: below
    price_level: 2950
    status: estimate
    note: from Hyblock's order-book model
    observations: [{source: hyblock, value: 310000000}]
  - id: zone_above
    metric: pressure_zone
    unit: USD
    asset: ETH
    side: short
    direction: above
    price_level: 3550
    status: estimate
    note: read from liquidation heat maps
    observations: [{source: coinglass, value: 440000000}]
""" if zones else ""
    return f"""
id: {eid}
as_of: 2026-12-03T14:00:00+00:00
windows: [12h, 2h]
shape: two_sided
facts:
  - id: total_12h
    metric: liquidations
    unit: USD
    window: 12h
    coverage: {coverage}
    observations: [{{source: coinglass, value: 262000000}}, {{source: coinank, value: 259000000}}]
  - id: long_12h
    metric: liquidations
    unit: USD
    window: 12h
    side: long
    observations: [{{source: coinglass, value: 137000000}}, {{source: coinank, value: 136000000}}]
  - id: short_12h
    metric: liquidations
    unit: USD
    window: 12h
    side: short
    observations: [{{source: coinglass, value: 125000000}}, {{source: coinank, value: 123000000}}]
  - id: long_leg
    metric: liquidations
    unit: USD
    window: 2h
    side: long
    observations: [{{source: coinglass, value: 88000000{down_at}}}]
  - id: short_leg
    metric: liquidations
    unit: USD
    window: 2h
    side: short
    observations: [{{source: coinglass, value: 71000000{up_at}}}]
  - id: eth_low
    metric: price_level
    unit: USD
    asset: ETH
    direction: below
    observations: [{{source: coinmarketcap, value: 3100{low_at}}}]
  - id: eth_high
    metric: price_level
    unit: USD
    asset: ETH
    direction: above
    observations: [{{source: coinmarketcap, value: 3400{high_at}}}]
  - id: oi_drop
    metric: open_interest_change
    unit: percent
    window: 12h
    observations: [{{source: coinglass, value: -5.5}}]
  - id: okx_accounts
    metric: liquidated_accounts
    unit: count
    window: 12h
    venue: okx
    status: unavailable
    reason: OKX publishes no per-venue account counts
{zone_facts}{context}"""


@pytest.fixture(scope="module")
def whipsaw():
    return _draft(_whipsaw())


# --- 1. a zone's caveat and source in the sentence's own grammar, once -------------------------------------------

def test_a_zone_names_its_estimate_and_model_once_in_the_sentence(whipsaw):
    md = whipsaw.markdown
    sentences = [s for s in re.split(r"(?<=\.) ", md) if "could be liquidated if" in s]
    assert len(sentences) == 2, sentences
    for s in sentences:
        # the figure runs straight into what it counts: no parenthetical between "$310 million" and "of long positions"
        assert re.search(r"\$\d[\d.,]* million of (?:long|short) positions could be liquidated", s), s
        assert "(an estimate" not in s and ": from" not in s, s
        assert re.search(r"estimates? of potential, not realised, liquidations modelled by (?:Hyblock Capital|CoinGlass)", s), s
    # a note that only names the provider again is left out; a note on method is told once, beside its cluster
    assert "Hyblock's order-book model" not in md
    assert md.count("read from liquidation heat maps") == 1


# --- 2. the two-sided analysis argues from the event's own figures, or stays one paragraph ---------------------------

def test_a_two_sided_analysis_reads_the_legs_in_their_order(whipsaw):
    body = _section(whipsaw.markdown, ANALYSIS)
    assert "long liquidations came first and the short liquidations later" in body, body
    assert "measured in stops" not in body and "leverage, not conviction" not in body


def test_two_legs_read_hours_apart_are_not_told_as_the_same_recent_hours(whipsaw):
    body = _section(whipsaw.markdown, ("liquidation figures", "How big", "Totals, sides"))
    assert "over the past 2 hours" not in body, body
    assert re.search(r"long liquidations came to \$88(?:\.0)? million in 2 hours as the price fell, and short liquidations to "
                     r"\$71(?:\.0)? million over a later stretch of the same length", body), body


def test_without_timed_legs_the_two_sided_analysis_is_one_paragraph():
    body = _section(_draft(_whipsaw(eid="eth-untimed", legs_timed=False)).markdown, ANALYSIS)
    paragraphs = [p for p in body.strip().split("\n\n") if p.strip()]
    assert len(paragraphs) == 1, body
    assert "came first" not in body


# --- 3. a whole-market coverage label is said in words, not quoted --------------------------------------------------

def test_a_network_wide_total_is_said_to_count_every_venue_its_providers_track(whipsaw):
    md = whipsaw.markdown
    assert "\u201cnetwork-wide\u201d" not in md and "what they call" not in md
    assert re.search(r"every (?:venue|exchange) its providers (?:track|follow)", md), md


def test_a_coverage_that_says_something_is_still_the_providers_own_words():
    md = _draft(_whipsaw(eid="eth-cover", coverage="nine derivatives venues")).markdown
    assert "\u201cnine derivatives venues\u201d" in md
    assert not re.search(r"every (?:venue|exchange) its providers", md)


# --- 4. the price path in time order, told once --------------------------------------------------------------------

def test_levels_crossed_both_ways_are_told_in_the_order_the_sources_timed_them(whipsaw):
    body = _section(whipsaw.markdown, CONTEXT)
    assert "ether fell below $3,100 and then rose above $3,400" in body, body


def test_untimed_levels_are_joined_by_and_with_no_order_claimed():
    body = _section(_draft(_whipsaw(eid="eth-untimed-levels", levels_timed=False)).markdown, CONTEXT)
    assert "ether rose above $3,400 and fell below $3,100" in body, body
    assert "then" not in body.split("$3,100", 1)[0].rsplit("\n", 1)[-1]


PATH_ITEM = """context:
  - id: path
    kind: market
    text: ether slid to $3,100 before dawn and recovered above $3,400 by midday, catching both camps
    sources: [coinmarketcap]
"""


def test_a_context_item_telling_the_same_path_tells_it_once_with_its_figures_marked():
    draft = _draft(_whipsaw(eid="eth-path", context=PATH_ITEM))
    body = _section(draft.markdown, CONTEXT)
    assert body.count("$3,100") == 1 and body.count("$3,400") == 1, body
    assert "Ether slid to $3,100 before dawn" in body
    placed = {(f["fact"], f["section"]) for f in draft.claims["figures"]}
    assert {("eth_low", "context"), ("eth_high", "context")} <= placed  # the levels keep their provenance marks
    assert not [f for f in draft.claims["unprinted_facts"] if f in ("eth_low", "eth_high")]


def test_a_context_item_from_another_source_does_not_replace_the_levels():
    item = PATH_ITEM.replace("[coinmarketcap]", "[decrypt]")
    body = _section(_draft(_whipsaw(eid="eth-path-other", context=item)).markdown, CONTEXT)
    assert "ether fell below $3,100 and then rose above $3,400" in body and "Ether slid to $3,100" in body, body


# --- 5. no backdrop paragraph without a backdrop ---------------------------------------------------------------------

BACKDROP = ("wider backdrop shapes", "Little of this settles direction")
MOOD = """context:
  - id: mood
    kind: sentiment
    text: traders on the desk called the session a coin toss
    sources: [decrypt]
  - id: venue
    kind: exchange_status
    text: OKX paused withdrawals of ether for an hour
    sources: [okx]
"""
MACRO = MOOD + """  - id: rates
    kind: macro
    text: the Federal Reserve left rates unchanged the evening before
    sources: [decrypt]
"""


def _headings(markdown: str) -> list[str]:
    return re.findall(r"^## (.+)$", markdown, flags=re.M)


def test_no_macro_or_policy_item_means_no_backdrop_paragraph_nor_a_macro_heading():
    md = _draft(_whipsaw(eid="eth-mood", context=MOOD)).markdown
    body = _section(md, CONTEXT)
    assert "coin toss" in body
    assert not any(p in body for p in BACKDROP), body
    assert not [h for h in _headings(md) if "macro" in h], _headings(md)


@pytest.mark.parametrize("eid", ["eth-macro", "eth-macro-2", "eth-macro-3"])
def test_a_macro_item_earns_the_backdrop_paragraph(eid):
    md = _draft(_whipsaw(eid=eid, context=MACRO)).markdown
    body = _section(md, CONTEXT)
    assert "Federal Reserve" in body and any(p in body for p in BACKDROP), body


# --- 6. the outlook refers back to a missing figure in a sentence of its own --------------------------------------------

def test_the_outlook_refers_back_to_the_missing_figure_in_a_sentence(whipsaw):
    body = _section(whipsaw.markdown, ("watch", "Outlook", "After the liquidations"))
    assert "Still to come from the providers:" not in body and "Still outstanding:" not in body
    assert "The one figure missing from this account, set out above," in body, body


# --- 7. a single-source headline ends on a headline's attribution ----------------------------------------------------------

THIN = """
id: thin-total
as_of: 2026-12-03T14:00:00+00:00
windows: [24h]
facts:
  - id: total_24h
    metric: liquidations
    unit: USD
    window: 24h
    observations: [{source: coinglass, value: 1240000000}]
"""


def test_a_single_source_headline_does_not_read_as_a_formula():
    headline = _draft(THIN, "thin-total").markdown.split("\n# ", 1)[1].split("\n", 1)[0]
    assert "from a single source, CoinGlass" not in headline and "according to a single source" not in headline
    assert headline.endswith("single-source data from CoinGlass show"), headline


def test_a_multi_source_headline_keeps_its_lead(whipsaw):
    headline = whipsaw.markdown.split("\n# ", 1)[1].split("\n", 1)[0]
    assert re.search(r"(?:according to|in data from) CoinGlass and CoinAnk$", headline), headline


def test_a_headline_that_opens_with_its_attribution_keeps_the_body_form(tmp_path):
    """A house headline may open with the attribution (a venue reporting on its own books): there the closing
    clause ("..., single-source data from X show") would not read, so the body's lead opens it instead."""
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "headline.md.j2").write_text("{{ lead(ev.lead) }} liquidations reach {{ fig(ev.lead) }}\n", encoding="utf-8")
    event = event_from_text(THIN, "thin-open.yaml", REGISTRY)
    headline = Drafter(templates_dir=tmp_path, run_check=True).draft(event, facts_path="thin-open.yaml").markdown
    headline = headline.split("\n# ", 1)[1].split("\n", 1)[0]
    assert re.match(r"(?:According to a single source, CoinGlass,|On single-source data from CoinGlass,|In figures from a single "
                    r"source, CoinGlass,) liquidations reach \$1\.24 billion$", headline), headline
