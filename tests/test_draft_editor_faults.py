"""Faults an editor found reading drafts of events of their own (eighth round), each with an event written for
this test: a paraphrase's capital after "said that", a level told twice, a venue reporting on itself named twice in
a headline, a pending figure called "no data", and a whale story led by the smaller figure."""

from __future__ import annotations

import re

import pytest

from draft_support import event_from_yaml
from writer.draft import Drafter
from writer.draft.view import build_view

DRAFTER = Drafter(run_check=True)  # every draft here must pass its own provenance check


def _draft(text: str, name: str):
    return DRAFTER.draft(event_from_yaml(text, f"{name}.yaml"), facts_path=f"{name}.yaml")


def _body(md: str) -> str:
    return md.split("\n---\n", 1)[1]


TOTAL = """id: {eid}
as_of: 2026-12-12T09:00:00Z
windows: [24h]
facts:
  - id: total
    metric: liquidations
    unit: USD
    window: 24h
    observations: [{{source: coinglass, value: 210M}}]
"""


# --- a paraphrase after "said that": lower-case only a word that is no name ----------------------------------

def _paraphrase(words: str, extra: str = "") -> str:
    text = TOTAL.format(eid="paraphrase-case") + extra
    text += f'quotes:\n  - {{id: q1, speaker: Ana Ruiz, words: "{words}", paraphrase: true, source: coinglass}}\n'
    return _draft(text, "paraphrase-case").markdown


@pytest.mark.parametrize("words, said", [
    ("Leverage was the story", "Ana Ruiz said that leverage was the story"),  # a word the house writes in lower case
    ("Margin calls came in waves", "Ana Ruiz said that margin calls came in waves"),
    ("ETF flows turned first", "Ana Ruiz said that ETF flows turned first"),  # an acronym keeps its capitals
    ("Binance paused withdrawals", "Ana Ruiz said that Binance paused withdrawals"),  # a registered source's name
    ("Bitcoin longs bore the brunt", "Ana Ruiz said that Bitcoin longs bore the brunt"),  # an asset's name
])
def test_a_paraphrase_is_lowered_only_where_its_first_word_is_no_name(words, said):
    assert said in _paraphrase(words)


@pytest.mark.parametrize("words", ["Grayscale sold into the drop", "Fed cuts were priced out"])
def test_a_capital_that_may_be_a_name_nobody_here_knows_is_kept_after_a_colon(words):
    md = _paraphrase(words)
    assert f"Ana Ruiz said, in substance: {words}" in md, md
    assert f"said that {words[0].lower()}{words[1:]}" not in md


@pytest.mark.parametrize("words", ["Exchanges paused withdrawals", "Whales sold into the bounce"])
def test_a_capital_off_the_closed_list_keeps_its_casing_after_a_colon(words):
    """Only the style's closed list (names.paraphrase_openers) is lowered: "exchanges" and "whales" are words the
    house templates write in lower case, which once decided it; now any word off the list keeps its capital."""
    md = _paraphrase(words)
    assert f"Ana Ruiz said, in substance: {words}" in md, md


def test_the_paraphrase_openers_are_a_closed_list_of_plain_words(tmp_path):
    """Every entry is a lower-case word; YAML reads a bare on or no as a boolean, which the style loader refuses
    with the file and field rather than failing on the first paraphrase."""
    from draft_support import ROOT
    from writer.draft.style import load_style
    from writer.errors import WriterError
    style = ROOT / "templates" / "style.yaml"
    openers = load_style(style).names["paraphrase_openers"]
    assert openers and all(isinstance(w, str) and w == w.lower() and w.isalpha() for w in openers), openers
    assert {"on", "no", "the", "leverage"} <= set(openers)
    bad = tmp_path / "style.yaml"
    bad.write_text(style.read_text(encoding="utf-8").replace('"on", most', "on, most"), encoding="utf-8")
    with pytest.raises(WriterError, match="paraphrase_openers"):
        load_style(bad)


def test_a_word_the_event_writes_with_a_capital_mid_sentence_is_a_name():
    extra = "context:\n  - {id: c1, kind: other, text: outflows from Tether's treasury came first, sources: [coinglass]}\n"
    md = _paraphrase("Tether moved first", extra)
    assert "Ana Ruiz said that Tether moved first" in md, md


# --- a price level is told once: the outlook refers back to the level the context section set out -------------

def _levels(direction: str, side: str, extra: str = "") -> str:
    verb = "fall" if direction == "below" else "rise"
    return TOTAL.format(eid=f"level-{direction}") + f"""  - id: side
    metric: liquidations
    unit: USD
    window: 24h
    side: {side}
    observations: [{{source: coinglass, value: 180M}}]
  - id: level
    metric: price_level
    unit: USD
    asset: ETH
    direction: {direction}
    observations: [{{source: coinmarketcap, value: 2875}}]
  - id: move
    metric: price_change
    unit: percent
    asset: ETH
    window: 24h
    change: {verb}
    observations: [{{source: coinmarketcap, value: 6.1}}]
""" + extra


@pytest.mark.parametrize("direction, side", [("below", "long"), ("above", "short")])
def test_a_level_crossed_is_told_once_and_the_outlook_refers_back_to_it(direction, side):
    body = _body(_draft(_levels(direction, side), f"level-{direction}").markdown)
    assert body.count("$2,875") == 1, body
    outlook = body.split("\n## ")[-1]
    assert re.search(r"level (?:that (?:gave way|broke)|ether (?:lost|cleared))", outlook), outlook


def test_the_bundled_disputed_event_tells_its_level_once():
    from draft_support import example

    _, draft = example("2026-11-20-disputed-totals.yaml")
    assert _body(draft.markdown).count("$91,000") == 1


# --- a venue reporting on its own books is named once in the headline and the lede --------------------------------

def _own(metric: str, status: str) -> str:
    line = "\n    status: official" if status == "official" else ""
    return f"""id: own-{metric.replace('_', '-')}
as_of: 2026-12-12T09:00:00Z
windows: [12h]
facts:
  - id: own
    metric: {metric}
    unit: USD
    window: 12h
    venue: hyperliquid{line}
    observations: [{{source: hyperliquid, value: 88M}}]
"""


@pytest.mark.parametrize("metric", ["liquidations", "largest_single_liquidation"])
@pytest.mark.parametrize("status", ["official", "single_source"])
def test_a_venue_reporting_on_itself_is_named_once_in_the_headline_and_the_lede(metric, status):
    d = _draft(_own(metric, status), "own")
    assert d.title.count("Hyperliquid") == 1, d.title
    lede = _body(d.markdown).split("\n# ", 1)[1].split("\n\n")[1]
    sentence = next(s for s in re.split(r"(?<=\.) ", lede) if "$88 million" in s)
    assert sentence.count("Hyperliquid") == 1, sentence


def test_another_source_reporting_on_a_venue_still_names_both_in_the_headline():
    d = _draft(_own("liquidations", "single_source").replace("{source: hyperliquid", "{source: coinglass"), "other")
    assert "Hyperliquid" in d.title and "CoinGlass" in d.title, d.title


def test_a_venue_story_without_a_market_total_never_mentions_the_market_wide_totals_or_an_account():
    text = _own("liquidations", "official") + """  - id: own_long
    metric: liquidations
    unit: USD
    window: 12h
    venue: hyperliquid
    side: long
    status: official
    observations: [{source: hyperliquid, value: 71M}]
"""
    md = _body(_draft(text, "own-split").markdown)
    assert "market-wide totals" not in md and "account's loss" not in md, md


# --- a report pending verification is not "no data": the closing weighs it as reported and awaiting a check -----

def _claims(*statuses: str) -> str:
    text = TOTAL.format(eid="claims-" + "-".join(s[:4] for s in statuses))
    sources = {"pending_verification": "lookonchain", "rumor": "x-posts"}
    for i, status in enumerate(statuses):
        text += f"""  - id: claim{i}
    metric: trader_loss
    unit: USD
    subject: a fund short SOL at {10 + i}x
    status: {status}
    observations: [{{source: {sources[status]}, value: {31 + i}M}}]
"""
    return text


# what the closing says of every claim when all are rumours (said of a pending report, it is false)
NO_DATA = re.compile(r"claim comes with no data|not one of these claims comes with data|best read as a measure of sentiment", re.I)


def _closing(text: str) -> str:
    md = _draft(text, "claims").markdown
    return next(p for p in md.split("\n## ") if p.startswith(("Rumours and unverified", "What is claimed")))


@pytest.mark.parametrize("statuses", [("pending_verification",), ("pending_verification", "pending_verification"),
                                      ("pending_verification", "rumor")])
def test_a_report_pending_verification_is_never_said_to_come_with_no_data(statuses):
    section = _closing(_claims(*statuses))
    assert not NO_DATA.search(section), section
    assert re.search(r"confirm", section.split("\n\n", 2)[-1]), section


def test_a_rumour_alone_is_still_said_to_have_no_data_behind_it():
    section = _closing(_claims("rumor"))
    assert re.search(r"no data|measure of sentiment", section), section


# --- a whale story leads with its larger figure, a single liquidation or a trader's loss (view.py SALIENCE 4) -----

def _whale(single: str, loss: str) -> str:
    return f"""id: whale-story
as_of: 2026-12-12T09:00:00Z
windows: [24h]
facts:
  - id: big
    metric: largest_single_liquidation
    unit: USD
    window: 24h
    venue: bybit
    observations: [{{source: coinglass, value: {single}}}]
  - id: loss
    metric: trader_loss
    unit: USD
    subject: a wallet long ETH at 20x
    observations: [{{source: lookonchain, value: {loss}}}]
"""


@pytest.mark.parametrize("single, loss, kind, figure", [
    ("6.4M", "21.7M", "loss", "$21.7 million"),   # the loss is the bigger figure of the story
    ("26.4M", "21.7M", "single", "$26.4 million"),
    ("21.7M", "21.7M", "single", "$21.7 million"),  # a tie: the single liquidation, as before
])
def test_a_whale_story_leads_with_its_larger_figure(single, loss, kind, figure):
    text = _whale(single, loss)
    view = build_view(event_from_yaml(text, "whale.yaml"), DRAFTER.style.thresholds)
    assert view.lead_kind == kind
    d = _draft(text, "whale")
    assert figure in d.title, d.title


def test_a_venue_that_leads_has_its_total_told_once_and_its_split_after_it():
    text = _own("liquidations", "official") + """  - id: own_long
    metric: liquidations
    unit: USD
    window: 12h
    venue: hyperliquid
    side: long
    status: official
    observations: [{source: hyperliquid, value: 71M}]
"""
    body = _body(_draft(text, "own-split").markdown).split("\n# ", 1)[1].split("\n", 1)[1]  # after the headline
    assert body.count("$88 million") == 1, body
    assert "$71 million" in body


def test_a_whale_loss_headline_reads_for_any_holder():
    d = _draft(_whale("6.4M", "21.7M"), "whale")
    assert d.title.startswith("A loss of $21.7 million hits a wallet long ETH at 20x,"), d.title
