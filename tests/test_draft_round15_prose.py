"""Round fifteen (issue 10, items 3-4): sentences that reason from the event's own figures, so two events of one
shape read alike only where their material is alike. Events of our own; each test would fail on the fixed formula
it replaces."""

from __future__ import annotations

import re
import sys

from draft_support import ROOT, drafter
from writer.factbase.loader import event_from_text, load_registry


def _draft(facts: str, eid: str = "round15") -> str:
    text = f"id: {eid}\nas_of: 2026-11-24T12:00:00+00:00\nfacts:\n{facts}"
    event = event_from_text(text, f"{eid}.yaml", load_registry(ROOT / "factbase" / "sources.yaml"))
    body = drafter().draft(event).markdown.split("---\n", 2)[2]
    return body.split("\n---\n")[0]


def _squeeze(window: str, long: str = "", source: str = "coinglass") -> str:
    facts = f"  - {{id: sht, metric: liquidations, unit: USD, window: {window}, side: short, observations: [{{source: {source}, value: 700000000}}]}}\n"
    facts += f"  - {{id: tot, metric: liquidations, unit: USD, window: {window}, observations: [{{source: {source}, value: 745000000}}]}}\n"
    if long:
        facts += f"  - {{id: lng, metric: liquidations, unit: USD, window: {window}, side: long, observations: [{{source: {source}, value: {long}}}]}}\n"
    return _draft(facts)


def _section(body: str, heading: str) -> str:
    m = re.search(rf"## (?:{heading})\n\n(.*?)(?=\n## |\Z)", body, re.S)
    assert m, body
    return m.group(1)


SQUEEZE = "Anatomy of the squeeze|How the shorts were forced out"


def test_a_squeeze_with_no_level_broken_is_argued_from_its_window():
    fast, slow = _section(_squeeze("1h"), SQUEEZE), _section(_squeeze("24h"), SQUEEZE)
    assert re.search(r"Inside one hour, each forced cover", fast), fast
    assert re.search(r"Spread over 24 hours, this was less a single spike", slow), slow
    assert "Inside" not in slow and "Spread over" not in fast


def test_a_squeeze_with_no_level_broken_says_what_its_split_shows():
    one_sided = _section(_squeeze("4h", long="45000000"), SQUEEZE)
    assert re.search(r"nearly all of the forced closing (?:was )?on the short side", one_sided), one_sided
    # no level among the figures: no stops "just above an obvious level"
    assert "obvious level" not in one_sided and "obvious resistance" not in one_sided


def test_a_squeeze_outlook_follows_the_split():
    only_shorts = _draft("  - {id: sht, metric: liquidations, unit: USD, window: 4h, side: short, observations: [{source: coinglass, value: 700000000}]}\n")
    with_longs = _squeeze("4h", long="45000000")
    assert "With no long figure to hand" in only_shorts, only_shorts
    assert "With no long figure to hand" not in with_longs
    assert "the longs barely touched" in with_longs, with_longs


def test_a_lone_provider_is_weighed_by_its_kind():
    """An aggregator's total is as full as the feeds it sums; an exchange sees its own books whole; an outlet runs no
    dashboard: the data section says which, never the same formula for all three."""
    facts = "  - {{id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{{source: {s}, value: 300000000}}]}}\n"
    said = {s: _section(_draft(facts.format(s=s)), "Data caveats and gaps|What the numbers can and cannot tell us") for s in ("coinglass", "binance", "decrypt")}
    assert re.search(r"aggregator", said["coinglass"]), said["coinglass"]
    assert re.search(r"exchange", said["binance"]) and "aggregator" not in said["binance"], said["binance"]
    assert re.search(r"news", said["decrypt"]) and "aggregator" not in said["decrypt"], said["decrypt"]


def test_a_disputed_reading_that_is_no_liquidation_count_gets_no_liquidation_reasons():
    body = _draft("""  - {id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 300000000}]}
  - {id: fr, metric: funding_rate, unit: percent, window: 8h, observations: [{source: coinglass, value: 0.01}, {source: coinank, value: 0.05}]}
""")
    assert "count liquidations the same way" not in body and "forced closes arrive in bursts" not in body, body
    assert "draw on different data" in body, body


def test_a_count_of_accounts_from_another_window_is_not_called_missing():
    body = _draft("""  - {id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 900000000}]}
  - {id: lng, metric: liquidations, unit: USD, window: 24h, side: long, observations: [{source: coinglass, value: 850000000}]}
  - {id: sht, metric: liquidations, unit: USD, window: 24h, side: short, observations: [{source: coinglass, value: 50000000}]}
  - {id: acc, metric: liquidated_accounts, unit: count, observations: [{source: coinglass, value: 232000}]}
  - {id: oi, metric: open_interest, unit: USD, observations: [{source: coinglass, value: 61000000000}]}
  - {id: fund, metric: funding_rate, unit: percent, observations: [{source: coinglass, value: 0.01}]}
  - {id: cap, metric: market_cap, unit: USD, observations: [{source: coinmarketcap, value: 3100000000000}]}
  - {id: vol, metric: volume, unit: USD, window: 24h, observations: [{source: coinmarketcap, value: 140000000000}]}
  - {id: volc, metric: volume_change, unit: percent, window: 24h, change: rise, observations: [{source: coinmarketcap, value: 40}]}
""")
    assert "232,000" in body, body
    assert re.search(r"(?:leave gaps of their own|worth setting out too)", body), body  # the gaps paragraph is there
    assert not re.search(r"no count of (?:the accounts closed|liquidated accounts)", body), body


def test_the_likeness_bench_tells_events_that_differ_from_repeats():
    sys.path.insert(0, str(ROOT / "bench"))
    import draft_alike

    registry = load_registry(ROOT / "factbase" / "sources.yaml")
    one = "id: {i}\nas_of: 2026-11-24T12:00:00+00:00\nfacts:\n  - {{id: {f}, metric: liquidations, unit: USD, window: 24h, observations: [{{source: {s}, value: {v}}}]}}\n"
    a = draft_alike.figures(event_from_text(one.format(i="a", f="x", s="coinglass", v=300e6), "a.yaml", registry))
    same = draft_alike.figures(event_from_text(one.format(i="b", f="y", s="coinank", v=300e6), "b.yaml", registry))
    other = draft_alike.figures(event_from_text(one.format(i="c", f="x", s="coinglass", v=410e6), "c.yaml", registry))
    assert not draft_alike.differ(a, same)  # another id and another provider, the same figure: a repeat
    assert draft_alike.differ(a, other)


GAPS = "Data caveats and gaps|What the numbers can and cannot tell us"


def _venue_story(rich: bool = True) -> str:
    """One exchange's total and its coins leading; ``rich``: with enough readings for the gaps paragraph (and a second
    venue, which puts the lede's venue in a list of venues)."""
    return _draft("""  - {id: ftx, metric: liquidations, unit: USD, window: 48h, venue: binance, observations: [{source: coinglass, value: 1210000000}]}
  - {id: ftx_btc, metric: liquidations, unit: USD, window: 48h, venue: binance, asset: BTC, observations: [{source: coinglass, value: 677000000}]}
  - {id: ftx_eth, metric: liquidations, unit: USD, window: 48h, venue: binance, asset: ETH, observations: [{source: coinglass, value: 470000000}]}
  - {id: vol, metric: volume, unit: USD, window: 24h, observations: [{source: coinmarketcap, value: 140000000000}]}
  - {id: oi, metric: open_interest, unit: USD, observations: [{source: coinglass, value: 61000000000}]}
  - {id: cap, metric: market_cap, unit: USD, observations: [{source: coinmarketcap, value: 3100000000000}]}
""" + ("""  - {id: fund, metric: funding_rate, unit: percent, observations: [{source: coinglass, value: 0.01}]}
  - {id: okx, metric: liquidations, unit: USD, window: 48h, venue: okx, observations: [{source: coinglass, value: 300000000}]}
  - {id: volc, metric: volume_change, unit: percent, window: 24h, change: rise, observations: [{source: coinmarketcap, value: 40}]}
""" if rich else ""))


def test_a_venue_total_the_lede_told_heads_its_coins_without_being_told_again():
    body = _venue_story(rich=False)
    lede, rest = body.split("\n## ", 1)
    assert "$1.21 billion" in lede, lede
    assert "$1.21 billion" not in rest, rest
    assert re.search(r"Binance's total(?: over the past 48 hours)? included \$677 million of bitcoin positions and \$470 million of ether positions", rest), rest


def test_one_exchanges_coins_are_not_called_no_split_by_coin():
    body = _venue_story()
    assert not re.search(r"no split by coin|nothing divides the total by coin", body), body


def test_a_missing_split_with_no_price_among_the_figures_is_not_read_from_the_price():
    body = _venue_story()
    assert "rests on the price alone" not in body and "read from the price" not in body, body
    assert re.search(r"do not say which side paid", body), body


def test_a_move_over_the_same_length_under_another_name_is_not_called_missing():
    body = _draft("""  - {id: tot, metric: liquidations, unit: USD, window: 1d, observations: [{source: coinglass, value: 300000000}]}
  - {id: acc, metric: liquidated_accounts, unit: count, window: 1d, observations: [{source: coinglass, value: 136000}]}
  - {id: mv, metric: price_change, unit: percent, window: 24h, asset: BTC, change: fall, observations: [{source: coinmarketcap, value: 2.5}]}
  - {id: cap, metric: market_cap, unit: USD, observations: [{source: coinmarketcap, value: 3100000000000}]}
  - {id: vol, metric: volume, unit: USD, window: 24h, observations: [{source: coinmarketcap, value: 140000000000}]}
  - {id: oi, metric: open_interest, unit: USD, observations: [{source: coinglass, value: 61000000000}]}
  - {id: fund, metric: funding_rate, unit: percent, observations: [{source: coinglass, value: 0.01}]}
  - {id: volc, metric: volume_change, unit: percent, window: 24h, change: rise, observations: [{source: coinmarketcap, value: 40}]}
""")
    assert "fell 2.5%" in body, body
    assert re.search(r"(?:leave gaps of their own|worth setting out too)", body), body  # the gaps paragraph is there
    assert not re.search(r"no price (?:change|move) (?:is given )?for the same window", body, re.I), body


def test_a_short_piece_has_no_map_of_its_sections():
    thin = _draft("  - {id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 300000000}]}\n")
    lede = thin.split("\n## ", 1)[0]
    assert not re.search(r"(?:This article looks at|What follows covers|The sections below set out)", lede), lede
    squeeze = _squeeze("4h", long="45000000").split("\n## ", 1)[0]
    assert re.search(r"the mechanics that drove the move", squeeze), squeeze


def test_a_venue_led_outlook_asks_once_for_the_market_wide_figures():
    out = _venue_story().rsplit("\n## ", 1)[1]
    asks = re.findall(r"market-wide|across venues|several venues", out)
    assert 1 <= len(asks) <= 2, out
    assert not re.search(r"Two figures would sharpen|What would settle the next step|Open interest and funding rates are the readings", out), out
