"""Round 11 (issue 10, points 3 and 4): constructions a desk writes once, not once per figure. Lists of venues,
one asset's price levels, one side's shares and one asset's moves read as one sentence each; the gaps read two to
a sentence, not as one list sentence; a section whose only content is one sentence gets no heading of its own; a
labelled level is told by its label and never read as where the asset trades now. Every event is our own, every
draft passes its own check and links each figure to its own fact (the property test's inner check).
"""

from __future__ import annotations

import re

from test_draft_any_event import drafter
from test_draft_any_event import test_every_valid_event_drafts_and_passes_its_own_check as _property
from test_draft_round10_prose import TOTAL, _event


def _draft(facts: str, eid: str = "round11", extra: str = "") -> str:
    event = _event(facts, eid, extra)
    _property.hypothesis.inner_test(event)  # drafts, passes its own check, every figure linked to its own fact
    return drafter().draft(event).markdown


def _body(md: str) -> str:
    return md.split("\n---\n", 2)[1]


VENUES = """\
  - {id: v1, metric: liquidations, unit: USD, window: 24h, venue: okx, observations: [{source: aicoin, value: 212000000}]}
  - {id: v2, metric: liquidations, unit: USD, window: 24h, venue: bybit, observations: [{source: aicoin, value: 97000000}]}
  - {id: v3, metric: liquidations, unit: USD, window: 24h, venue: htx, observations: [{source: aicoin, value: 41000000}]}
"""


def test_venues_of_one_source_side_and_window_read_as_one_sentence():
    md = _body(_draft(TOTAL + VENUES))
    assert re.search(r"OKX saw liquidations of \$212 million over the past 24 hours, Bybit \$97 million and HTX \$41 million\.", md)
    assert "Bybit saw liquidations" not in md and "HTX saw liquidations" not in md


def test_venues_of_two_sources_keep_their_own_attributions():
    """A list shares one attribution: a venue from another source is never folded into it."""
    facts = VENUES.replace("venue: htx, observations: [{source: aicoin", "venue: htx, observations: [{source: coinank")
    md = _body(_draft(TOTAL + facts))
    assert re.search(r"OKX saw liquidations of \$212 million over the past 24 hours and Bybit \$97 million\.", md)
    assert re.search(r"CoinAnk[^.]*HTX saw liquidations of \$41 million", md)


def test_one_assets_plain_levels_read_as_one_sentence_and_a_labelled_level_by_its_label():
    md = _body(_draft(TOTAL + """\
  - {id: hi, metric: price_level, unit: USD, asset: ETH, observations: [{source: aicoin, value: 3420, hedge: nearly}]}
  - {id: lo, metric: price_level, unit: USD, asset: ETH, observations: [{source: aicoin, value: 3180}]}
  - {id: top, metric: price_level, unit: USD, asset: ETH, label: Ether's peak of the summer, observations: [{source: aicoin, value: 4100}]}
"""))
    assert re.search(r"[Ee]ther (traded at|changed hands at|stood at) nearly \$3,420 and at \$3,180 at different times\.", md)
    assert "Ether's peak of the summer stood at $4,100." in md
    # the labelled level is another moment's price: never "ether traded at $4,100"
    assert not re.search(r"[Ee]ther (traded at|changed hands at|stood at)[^.]*\$4,100", md)


def test_a_labelled_level_above_a_lost_one_is_not_read_as_the_level_won_back():
    """A level the asset fell below and a labelled one above it ("the high of last month"): nothing says the price
    is back above the lost level, so the outlook must not say it was won back."""
    md = _body(_draft(TOTAL + """\
  - {id: down, metric: price_level, unit: USD, asset: BTC, direction: below, observations: [{source: aicoin, value: 88000}]}
  - {id: old, metric: price_level, unit: USD, asset: BTC, label: Bitcoin's high of last month, observations: [{source: aicoin, value: 99000}]}
"""))
    assert "won back" not in md.replace("Won back quickly", "")
    assert "already" not in md or "has already been won back" not in md


def test_one_sides_shares_of_two_wholes_read_as_one_sentence():
    md = _body(_draft(TOTAL + """\
  - {id: s1, metric: liquidation_share, unit: percent, window: 24h, side: long, observations: [{source: coinglass, value: 88}]}
  - id: s2
    metric: liquidation_share
    unit: percent
    window: 24h
    side: long
    venues: [okx, bybit]
    observations: [{source: coinglass, value: 80, hedge: over}]
"""))
    assert re.search(r"long positions made up 88% of the liquidations over the past 24 hours and over 80% of those on OKX and Bybit\.", md)
    assert "Long positions made up over 80%" not in md


def test_one_assets_moves_over_several_windows_say_the_asset_and_verb_once():
    md = _body(_draft(TOTAL + """\
  - {id: c7, metric: price_change, unit: percent, asset: SOL, window: 7d, change: rise, observations: [{source: aicoin, value: 31}]}
  - {id: c1, metric: price_change, unit: percent, asset: SOL, window: 24h, change: rise, observations: [{source: aicoin, value: 9}]}
  - {id: e1, metric: price_change, unit: percent, asset: ETH, window: 24h, change: fall, observations: [{source: aicoin, value: 2}]}
"""))
    sentence = next(s for s in re.split(r"(?<=\.) ", md) if "31%" in s)
    assert sentence.count("Solana") + sentence.count("SOL") == 1, sentence
    assert sentence.count("rose") == 1 and "fell 2%" in sentence, sentence


def test_the_gaps_are_sentences_not_one_list_sentence():
    """A rich event missing venues, coins, accounts and a move: the gaps two to a sentence, never one of four."""
    many = "".join(f"  - {{id: q{i}, metric: open_interest, unit: USD, window: 24h, asset: BTC, venue: {v}, observations: [{{source: aicoin, value: {n}}}]}}\n"
                   for i, (v, n) in enumerate((("okx", 5100000000), ("bybit", 4200000000), ("htx", 900000000), ("binance", 7700000000))))
    sides = """\
  - {id: l, metric: liquidations, unit: USD, window: 24h, side: long, observations: [{source: coinglass, value: 420000000}]}
  - {id: s, metric: liquidations, unit: USD, window: 24h, side: short, observations: [{source: coinglass, value: 80000000}]}
  - {id: w, metric: price_change, unit: percent, asset: BTC, window: 7d, change: fall, observations: [{source: aicoin, value: 8}]}
  - {id: f, metric: funding_rate, unit: percent, asset: BTC, observations: [{source: aicoin, value: 0.004}]}
"""
    md = _body(_draft(TOTAL + sides + many))
    para = next((p for p in md.split("\n\n") if "leave gaps of their own" in p or "worth setting out too" in p), "")
    assert para, md
    sentences = re.split(r"(?<=\.) ", para)
    assert len(sentences) >= 3, para  # four gaps: two sentences of two, then the closing
    assert all(s.count(";") <= 1 for s in sentences), para


def test_a_section_of_one_coverage_sentence_gets_no_heading():
    """The lede tells the only total; the coverage line is all the figures section would hold."""
    md = _body(_draft("  - {id: total, metric: liquidations, unit: USD, window: 24h, coverage: every venue it tracks, "
                      "observations: [{source: coinglass, value: 500000000}]}\n"
                      "  - {id: q, metric: open_interest, unit: USD, asset: BTC, observations: [{source: aicoin, value: 7000000000}]}\n"))
    assert "every venue it tracks" in md
    block = md[: md.index("every venue it tracks")]
    last_heading = block.rfind("\n## ")
    # no heading between the lede and the coverage sentence: it is the lede's second paragraph
    assert last_heading == -1 or "every venue it tracks" not in md[last_heading: last_heading + 400].split("\n\n", 2)[1], md


def test_an_event_caveat_alone_gets_no_section_of_its_own():
    """Two providers agree on the total, so the data section has nothing but the caveat to say: the caveat closes
    the section before it as a paragraph of its own, under no heading of its own."""
    total = TOTAL.replace("[{source: coinglass, value: 500000000}]", "[{source: coinglass, value: 500000000}, {source: coinank, value: 500000000}]")
    md = _body(_draft(total, extra="caveats:\n  - {id: cv, text: the dashboard counts only perpetual contracts, sources: [coinglass]}\n"))
    assert "only perpetual contracts" in md
    i = md.index("only perpetual contracts")
    para_start = md.rfind("\n\n", 0, i)
    assert not md[:para_start].rstrip().split("\n")[-1].startswith("## "), md


def test_one_reading_on_several_venues_reads_as_one_sentence():
    md = _body(_draft(TOTAL + """\
  - {id: o1, metric: open_interest, unit: USD, asset: SOL, venue: okx, observations: [{source: aicoin, value: 640000000}]}
  - {id: o2, metric: open_interest, unit: USD, asset: SOL, venue: bybit, observations: [{source: aicoin, value: 510000000}]}
  - {id: o3, metric: open_interest, unit: USD, asset: SOL, venue: htx, observations: [{source: aicoin, value: 90000000}]}
"""))
    assert re.search(r"SOL open interest on OKX stood at \$640 million, on Bybit \$510 million and on HTX \$90 million\.", md), md
    assert md.count("open interest on") == 1


def test_one_position_in_coins_and_dollars_is_one_sentence():
    md = _body(_draft("""\
  - {id: loss, metric: trader_loss, unit: USD, subject: a fund known as Kestrel, observations: [{source: lookonchain, value: 12000000}]}
  - {id: pc, metric: position_size, unit: coins, asset: ETH, side: long, venue: hyperliquid, subject: a fund known as Kestrel, observations: [{source: lookonchain, value: 4100}]}
  - {id: pu, metric: position_size, unit: USD, asset: ETH, side: long, venue: hyperliquid, subject: a fund known as Kestrel, observations: [{source: lookonchain, value: 13900000, hedge: about}]}
"""))
    assert re.search(r"held a long position of 4,100 ETH, worth about \$13\.9 million, on Hyperliquid\.", md), md
    assert md.count("13.9 million") == 1


def test_a_figure_told_apart_by_its_note_keeps_the_note():
    """A second long figure of the same window, told by its note ("the hour before"): without the note it reads as
    a contradiction of the first."""
    md = _body(_draft("""\
  - {id: l1, metric: liquidations, unit: USD, window: 1h, side: long, observations: [{source: coinglass, value: 300000000}]}
  - {id: l0, metric: liquidations, unit: USD, window: 1h, side: long, note: the hour before that, observations: [{source: coinglass, value: 42000000}]}
"""))
    assert re.search(r"\$42 million, the hour before that\.", md), md


def test_a_described_source_named_with_the_reads_as_one_source():
    """A described name opening on its own article ("the Bitcoin protocol"): "a single source, the ...", never
    "single-source the ..."."""
    from writer.factbase.records import Source

    assert Source(id="desk-memo", name="the desk's morning memo", kind="media", described=True).single_name \
        == "a single source, the desk's morning memo"
    assert Source(id="memo", name="a morning memo", kind="media", described=True).single_name == "a single-source morning memo"


def test_no_modest_move_is_read_without_a_total_to_set_it_against():
    """A venue-led story with a small move of no window and larger moves over days: nothing says a modest move
    did the damage."""
    md = _body(_draft("""\
  - {id: v, metric: liquidations, unit: USD, window: 24h, venue: okx, observations: [{source: aicoin, value: 2100000}]}
  - {id: w, metric: price_change, unit: percent, asset: SOL, window: 7d, change: rise, observations: [{source: aicoin, value: 41}]}
  - {id: n, metric: price_change, unit: percent, asset: SOL, change: rise, observations: [{source: aicoin, value: 2.5}]}
"""))
    assert "modest price move" not in md


def test_a_section_of_one_sentence_goes_under_the_heading_before_it():
    """A thin event: the assets and venues sections would each hold one sentence under a heading of its own. (The
    venues' shares: OKX's 40% was hosted on its contract's figure, whose sentence prints no share, and dropped.)"""
    md = _body(_draft("""\
  - {id: l, metric: liquidations, unit: USD, window: 1h, side: long, observations: [{source: coinglass, value: 150000000}]}
  - {id: s1, metric: liquidation_share, unit: percent, window: 1h, venue: okx, observations: [{source: coinglass, value: 40}]}
  - {id: s2, metric: liquidation_share, unit: percent, window: 1h, venue: bybit, observations: [{source: coinglass, value: 25}]}
  - {id: b, metric: liquidations, unit: USD, window: 1h, asset: BTC, observations: [{source: coinglass, value: 71000000}]}
  - {id: c, metric: liquidations, unit: USD, window: 1h, venue: okx, contract: BTC-USDT-SWAP, observations: [{source: coinglass, value: 21000000}]}
""", extra="shape: long_washout\n"))
    assert re.search(r"OKX made up 40% of the liquidations over the past hour and Bybit 25%\.", md), md
    paragraphs = md.split("\n\n")
    where = next(i for i, p in enumerate(paragraphs) if "BTC-USDT-SWAP" in p)
    assert len(re.findall(r"[.!?](?=\s|$)", paragraphs[where])) == 1  # the venues section's one sentence ...
    assert not paragraphs[where - 1].startswith("## ")  # ... is a paragraph of the section before, not a section


def test_one_assets_shares_on_several_venues_read_as_one_sentence():
    md = _body(_draft(TOTAL + """\
  - {id: a1, metric: liquidation_share, unit: percent, window: 24h, asset: DOGE, venue: okx, observations: [{source: aicoin, value: 41}]}
  - {id: a2, metric: liquidation_share, unit: percent, window: 24h, asset: DOGE, venue: bybit, observations: [{source: aicoin, value: 27}]}
"""))
    assert re.search(r"positions in DOGE made up 41% of the liquidations on OKX over the past 24 hours and 27% of those on Bybit\.", md), md
