"""Drafts read as commentary: attribution once per run of figures, length that follows the material,
two events of the same shape that do not read alike, and a run the check still polices."""

from __future__ import annotations

import itertools
import re

import pytest

from draft_support import CORPUS, EVENTS, drafted
from writer.check.scope import RUN_STATUSES

ALL = EVENTS + CORPUS
NUMBER = re.compile(r"\d[\d,.]*")
# A draft may share at most this part of its sentences (figures masked) with a draft of another story.
MAX_SHARED = 0.55
# Words of a draft with at least RICH facts against one with at most THIN facts.
RICH, THIN, RICH_OVER_THIN = 20, 5, 2.0


def _body(markdown: str) -> str:
    body = markdown.split("---\n", 2)[2]
    return body.split("\n---\n")[0]  # without the disclaimer, which every article shares


def _sentences(markdown: str) -> set[str]:
    out = set()
    for line in _body(markdown).split("\n"):
        if line.strip() and not line.startswith("#"):
            out.update(NUMBER.sub("#", s).strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line))
    return out


def _story(markdown: str) -> frozenset[str]:
    """The headline's numbers: two fact files of one story (an example event and its seed article) share them."""
    headline = next(line for line in _body(markdown).split("\n") if line.startswith("# "))
    return frozenset(n.rstrip(".,") for n in NUMBER.findall(headline))


def test_two_stories_do_not_read_alike():
    drafts = {p.stem: drafted(p)[1].markdown for p in ALL}
    worst = []
    for a, b in itertools.combinations(drafts, 2):
        if _story(drafts[a]) == _story(drafts[b]):
            continue  # the same event drafted from two fact files
        sa, sb = _sentences(drafts[a]), _sentences(drafts[b])
        worst.append((len(sa & sb) / min(len(sa), len(sb)), a, b))
    worst.sort(reverse=True)
    assert worst[0][0] <= MAX_SHARED, worst[:3]


def test_length_follows_the_material():
    words = {p.stem: (len(drafted(p)[0].all_facts()), len(_body(drafted(p)[1].markdown).split())) for p in ALL}
    rich = [w for n, w in words.values() if n >= RICH]
    thin = [w for n, w in words.values() if n <= THIN]
    assert rich and thin, words
    assert min(rich) >= RICH_OVER_THIN * max(thin), words


@pytest.mark.parametrize("path", ALL, ids=[p.stem for p in ALL])
def test_a_run_is_attributed_once(path):
    """Two sentences of a paragraph whose figures all share one source and a run status: the second is left to
    the first's attribution (never "In figures from a single source, CoinGlass, ..." twice in a row)."""
    _, draft = drafted(path)
    claims, md = draft.claims, draft.markdown
    figures = claims["figures"]
    by_sentence: dict[int, list[dict]] = {}
    for f in figures:
        by_sentence.setdefault(f["sentence"], []).append(f)
    for i in range(len(claims["sentences"]) - 1):
        a, b = claims["sentences"][i], claims["sentences"][i + 1]
        fa, fb = by_sentence.get(i), by_sentence.get(i + 1)
        if not fa or not fb or a["section"] in ("headline",) or "\n" in md[a["end"]:b["start"]]:
            continue
        keys = {(f["status"], tuple(f["sources"]), bool(f["derived_from"])) for f in fa + fb}
        if len(keys) != 1 or fa[0]["status"] not in RUN_STATUSES or fa[0]["derived_from"]:
            continue
        if all(f["caveat"] is None for f in fb) and not any(f["attribution"] and f["attribution"] in b["text"] for f in fb):
            continue  # left to the run's opening
        opened = [f for f in fb if f["run_opening"] is None]
        assert not opened, f"{path.name}: {b['text']!r} repeats the attribution of {a['text']!r}"


def test_every_run_is_used_somewhere():
    """The machinery is live: the rich drafts leave figures to their run's opening."""
    covered = sum(1 for p in ALL for f in drafted(p)[1].claims["figures"] if f["run_opening"] is not None)
    assert covered >= len(ALL)


def test_deleting_a_run_opening_is_caught():
    """A mutant that deletes the lead-in opening a run leaves the run's later figures unattributed: the check flags them."""
    from writer.check import Checker

    checker = Checker(spacy_pipeline=False)
    tried = 0
    for path in ALL:
        event, draft = drafted(path)
        md = draft.markdown
        for f in draft.claims["figures"]:
            opening = f["run_opening"]
            if opening is None or not f["attribution"]:
                continue
            home = draft.claims["sentences"][opening]
            at = md.find(f["attribution"], home["start"], home["end"])
            if at < 0 or f["attribution"] != md[at:at + len(f["attribution"])] or at != home["start"]:
                continue  # a lead-in that opens its sentence: deleting it leaves a sentence that still reads
            rest = md[at + len(f["attribution"]):].lstrip(", ")
            mutant = md[:at] + rest[:1].upper() + rest[1:]
            findings = checker.check_text(mutant, path=f"<mutant of {path.name}>", event=event)
            line = mutant.count("\n", 0, f["start"] - (len(md) - len(mutant))) + 1
            assert any(x.code in ("P002", "P011") and x.line == line for x in findings), (path.name, f["text"], findings)
            tried += 1
            break
    assert tried >= 3


def test_every_asset_figure_is_printed_even_two_for_one_slot():
    """Two totals for one asset, window and source (a provider's figure and its update) are both printed."""
    from dataclasses import replace

    from draft_support import drafter

    path = next(p for p in CORPUS if p.stem.startswith("14-"))
    event, _ = drafted(path)
    btc = event.fact("btc_24h")
    second = replace(btc, id="btc_24h_second", value=btc.value * 0.6, observations=tuple(
        replace(o, value=o.value * 0.6) for o in btc.observations))
    twice = replace(event, facts={**event.facts, second.id: second})
    printed = {f["fact"] for f in drafter().draft(twice).claims["figures"]}
    assert {"btc_24h", "btc_24h_second", "eth_24h", "eth_long_24h", "btc_short_24h"} <= printed


# --- reasoning from the event's own figures ---------------------------------------------------------

def _rich(extra: str = "", *, long: float = 700e6, short: float = 45e6, total: float = 745e6, window: str = "24h",
          side_source: str = "coinglass") -> str:
    from draft_support import ROOT
    from writer.draft import Drafter
    from writer.factbase.loader import event_from_text, load_registry

    text = f"""
id: reasoning-test
as_of: 2026-11-24T12:00:00+00:00
facts:
  - {{id: tot, metric: liquidations, unit: USD, window: {window}, observations: [{{source: coinglass, value: {total}}}]}}
  - {{id: lng, metric: liquidations, unit: USD, window: {window}, side: long, observations: [{{source: {side_source}, value: {long}}}]}}
  - {{id: sht, metric: liquidations, unit: USD, window: {window}, side: short, observations: [{{source: {side_source}, value: {short}}}]}}
  - {{id: oi, metric: open_interest, unit: USD, observations: [{{source: coinglass, value: 61000000000}}]}}
  - {{id: fund, metric: funding_rate, unit: percent, observations: [{{source: coinglass, value: 0.01}}]}}
  - {{id: lvl, metric: price_level, unit: USD, asset: BTC, direction: below, observations: [{{source: coinmarketcap, value: 88000}}]}}
  - {{id: cap, metric: market_cap, unit: USD, observations: [{{source: coinmarketcap, value: 3100000000000}}]}}
  - {{id: vol, metric: volume, unit: USD, window: 24h, observations: [{{source: coinmarketcap, value: 140000000000}}]}}
""" + extra
    event = event_from_text(text, "reasoning.yaml", load_registry(ROOT / "factbase" / "sources.yaml"))
    return _body(Drafter().draft(event).markdown)


def test_what_the_figures_leave_open_names_only_angles_the_event_lacks():
    bare = _rich()
    assert re.search(r"(?:breakdown by exchange|exchange-by-exchange figures)", bare)
    assert re.search(r"(?:split by coin|total by coin)", bare)
    with_venues_and_coins = _rich("""
  - {id: bn, metric: liquidations, unit: USD, window: 24h, venue: binance, observations: [{source: coinglass, value: 300000000}]}
  - {id: btc, metric: liquidations, unit: USD, window: 24h, asset: BTC, observations: [{source: coinglass, value: 320000000}]}
""")
    assert not re.search(r"(?:breakdown by exchange|exchange-by-exchange figures)", with_venues_and_coins)
    assert not re.search(r"(?:split by coin|total by coin)", with_venues_and_coins)


@pytest.mark.parametrize("longer, said", [(900e6, True), (9000e6, False)])
def test_a_short_window_is_called_a_burst_only_when_it_holds_most_of_the_longer_one(longer, said):
    body = _rich(f"""
  - {{id: tot12, metric: liquidations, unit: USD, window: 12h, observations: [{{source: coinglass, value: {longer}}}]}}
""", window="1h")
    assert (re.search(r"more than half of the 12-hour (?:total|figure)", body) is not None) is said, body


@pytest.mark.parametrize("long, short, said", [(700e6, 45e6, True), (500e6, 245e6, False)])
def test_the_other_sides_small_loss_is_remarked_only_on_a_one_sided_split(long, short, said):
    body = _rich(long=long, short=short, total=long + short)
    remarked = re.search(r"other side of the (?:ledger|book)|how little the shorts lost|what the shorts did not lose", body, re.I) is not None
    assert remarked is said, body


@pytest.mark.parametrize("band, said", [("[92000, 94000]", True), ("[99000, 101000]", False)])
def test_a_claimed_cluster_the_price_has_already_moved_through_is_read_against_the_price(band, said):
    body = _rich(f"""
  - {{id: up, metric: price_level, unit: USD, asset: BTC, direction: above, observations: [{{source: coinmarketcap, value: 96000}}]}}
  - {{id: wall, metric: position_concentration, unit: USD, side: short, asset: BTC, price_band: {band}, status: rumor,
     observations: [{{source: x-posts, value: 5000000000}}]}}
""", long=45e6, short=700e6)
    assert (re.search(r"below the level the price has already cleared", body) is not None) is said, body


@pytest.mark.parametrize("hedge, said", [("over", True), ("about", False)])
def test_a_comparison_with_a_floor_says_it_runs_one_way(hedge, said):
    body = _rich(f"""
  - {{id: past, metric: historical_liquidations, unit: USD, observations: [{{source: coinglass, value: 640000000, hedge: {hedge}}}]}}
""", long=600e6, short=90e6, total=690e6)
    assert (re.search(r"(?:floor, so the comparison runs one way|given only as a minimum)", body) is not None) is said, body


@pytest.mark.parametrize("ratio, estimate, words", [
    (1.05, False, r"(?:ratio near parity after the clear-out|back near one to one)"),
    (1.05, True, r"If that estimate is right, the crowding"),
    (2.4, False, r"still leans towards longs"),
])
def test_a_position_ratio_after_a_washout_is_read_for_what_is_left(ratio, estimate, words):
    status = ", status: estimate" if estimate else ""
    body = _rich(f"""
  - {{id: lsr, metric: long_short_position_ratio, unit: ratio{status}, observations: [{{source: coinglass, value: {ratio}}}]}}
""")
    assert re.search(words, body), body


def test_a_claimed_wall_far_larger_than_the_realised_side_is_said_not_to_have_been_cleared():
    body = _rich("""
  - {id: up, metric: price_level, unit: USD, asset: BTC, direction: above, observations: [{source: coinmarketcap, value: 96000}]}
  - {id: wall, metric: position_concentration, unit: USD, side: short, asset: BTC, price_band: [92000, 94000], status: rumor,
     observations: [{source: x-posts, value: 5000000000}]}
""", long=45e6, short=700e6)
    assert re.search(r"(?:would have left a much larger mark|cannot have been cleared on the way without showing in the count)", body), body


def test_one_side_alone_against_an_earlier_floor():
    body = _rich("""
  - {id: past, metric: historical_liquidations, unit: USD, observations: [{source: coinglass, value: 600000000, hedge: over}]}
""")
    assert re.search(r"(?:long liquidations alone come to more than that floor|the long liquidations clear that bar)", body), body


@pytest.mark.parametrize("second, said", [("ETH", True), ("BTC", False)])
def test_breaks_across_coins_are_called_market_wide_only_for_two_coins(second, said):
    price = 3300 if second == "ETH" else 87000
    body = _rich(f"""
  - {{id: lvl2, metric: price_level, unit: USD, asset: {second}, direction: below, observations: [{{source: coinmarketcap, value: {price}}}]}}
""")
    assert (re.search(r"(?:More than one coin broke|breaks came together across coins)", body) is not None) is said, body


def _disputed(long_lo: float, long_hi: float, total_lo: float, total_hi: float) -> str:
    return _body_of(f"""
id: disputed-reasoning
as_of: 2026-11-24T12:00:00+00:00
facts:
  - {{id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{{source: coinglass, value: {total_hi}}}, {{source: coinank, value: {total_lo}}}]}}
  - {{id: lng, metric: liquidations, unit: USD, window: 24h, side: long, observations: [{{source: coinglass, value: {long_hi}}}, {{source: coinank, value: {long_lo}}}]}}
""")


def _body_of(text: str) -> str:
    from draft_support import ROOT
    from writer.draft import Drafter
    from writer.factbase.loader import event_from_text, load_registry

    event = event_from_text(text, "e.yaml", load_registry(ROOT / "factbase" / "sources.yaml"))
    return _body(Drafter().draft(event).markdown)


def test_a_providers_gap_is_measured_in_words_and_a_split_that_holds_across_the_range_is_said_to():
    body = _disputed(120e6, 150e6, 150e6, 190e6)
    assert re.search(r"more than a quarter larger than (?:the lower one|it)", body), body
    assert re.search(r"(?:about size, not direction|holds whichever count proves right)", body), body
    close = _disputed(60e6, 150e6, 150e6, 190e6)  # the long share runs from under half to over half
    assert not re.search(r"(?:about size, not direction|holds whichever count proves right)", close), close


def test_voices_from_unnamed_groups_are_weighed_as_mood():
    body = _rich("""
quotes:
  - {id: q1, speaker: several desk traders, words: "the flush was overdue", source: data-providers}
  - {id: q2, speaker: some market analyses, words: "leverage had run too hot", source: market-analyses}
""")
    assert re.search(r"(?:come from groups, not from named people|No remark here carries a name)", body), body


@pytest.mark.parametrize("window, said", [("1h", True), ("24h", False)])
def test_a_squeeze_inside_an_hour_is_read_for_its_speed(window, said):
    body = _rich(long=45e6, short=700e6, window=window)
    assert (re.search(r"(?:All of it came within|The window matters: |Inside (?:one|an) hour, )", body) is not None) is said, body


def test_a_single_source_split_is_called_the_firmer_part_of_the_picture():
    body = _rich()  # total and both sides from CoinGlass alone
    assert re.search(r"(?:come from the same count|share one source, the proportions are the firmer part)", body), body
    mixed = _rich(side_source="coinank")  # the sides from another provider than the total: no such claim
    assert not re.search(r"(?:come from the same count|share one source, the proportions are the firmer part)", mixed), mixed


@pytest.mark.parametrize("accounts, said", [(61200, True), (2400, False)])
def test_tens_of_thousands_of_closed_accounts_read_as_a_crowd(accounts, said):
    body = _rich(f"""
  - {{id: acc, metric: liquidated_accounts, unit: count, window: 24h, observations: [{{source: coinglass, value: {accounts}}}]}}
""")
    assert (re.search(r"(?:a crowd was cleared|That is a crowd, not a few)", body) is not None) is said, body


@pytest.mark.parametrize("largest, said", [(8.2e6, True), (210e6, False)])
def test_the_largest_single_order_against_the_total(largest, said):
    body = _rich(f"""
  - {{id: big, metric: largest_single_liquidation, unit: USD, venue: binance, observations: [{{source: coinglass, value: {largest}}}]}}
""")
    assert (re.search(r"less than a tenth", body) is not None) is said, body


@pytest.mark.parametrize("long, short, said", [(700e6, 45e6, True), (500e6, 245e6, False)])
def test_a_one_sided_session_against_its_history_is_read_for_its_shape(long, short, said):
    body = _rich("""
  - {id: past, metric: historical_liquidations, unit: USD, observations: [{source: coinglass, value: 600000000, hedge: over}]}
""", long=long, short=short, total=long + short)
    assert (re.search(r"(?:its shape more than its size|Size is the less telling comparison)", body) is not None) is said, body


def test_a_historical_floor_is_not_explained_as_a_sampled_feed():
    body = _rich("""
  - {id: past, metric: historical_liquidations, unit: USD, lower_bound: true, observations: [{source: coinglass, value: 600000000}]}
""")
    assert "at least $600 million" in body, body
    assert "sample liquidation orders" not in body, body


def test_context_offered_by_unnamed_groups_is_weighed_as_the_least_checkable_part():
    groups = """
context:
  - {id: c1, kind: market, text: "Risk engines on several venues fired at nearly the same price", sources: [data-providers]}
  - {id: c2, kind: market, text: "Funding had been running hot for a week", sources: [market-analyses]}
"""
    body = _rich(groups)
    assert re.search(r"(?:not named individually\. It may well be right|groups rather than named firms)", body), body
    named = _rich(groups.replace("data-providers", "coinglass").replace("market-analyses", "coinank"))
    assert not re.search(r"(?:not named individually\. It may well be right|groups rather than named firms)", named), named


def test_a_single_voice_with_a_role_is_weighed_by_name():
    body = _rich("""
quotes:
  - {id: q1, speaker: Ana Ruiz, role: head of derivatives at a market maker, words: "funding told the story a week early", source: coinglass}
""")
    # the remark is set against the event's own funding figure (its topic), not weighed by the speaker's seat
    assert "The remark turns on the funding rate" in body, body
    assert body.count("Ana Ruiz") == 1, body


def test_a_single_providers_coverage_label_is_read_as_its_own_claim():
    covered = _body_of(f"""
id: coverage-reasoning
as_of: 2026-11-24T12:00:00+00:00
facts:
  - {{id: tot, metric: liquidations, unit: USD, window: 24h, coverage: network-wide, observations: [{{source: coinglass, value: 745000000}}]}}
  - {{id: lng, metric: liquidations, unit: USD, window: 24h, side: long, observations: [{{source: coinglass, value: 700000000}}]}}
  - {{id: sht, metric: liquidations, unit: USD, window: 24h, side: short, observations: [{{source: coinglass, value: 45000000}}]}}
  - {{id: oi, metric: open_interest, unit: USD, observations: [{{source: coinglass, value: 61000000000}}]}}
  - {{id: fund, metric: funding_rate, unit: percent, observations: [{{source: coinglass, value: 0.01}}]}}
  - {{id: lvl, metric: price_level, unit: USD, asset: BTC, direction: below, observations: [{{source: coinmarketcap, value: 88000}}]}}
  - {{id: cap, metric: market_cap, unit: USD, observations: [{{source: coinmarketcap, value: 3100000000000}}]}}
  - {{id: vol, metric: volume, unit: USD, window: 24h, observations: [{{source: coinmarketcap, value: 140000000000}}]}}
""")
    # "network-wide" is whole-market wording: said as every venue the provider tracks, never all of them
    assert re.search(r"(?:That description is the provider's own|label is the provider's own claim about its reach"
                     r"|every (?:venue|exchange) (?:its|the) provider (?:tracks|follows))", covered), covered


@pytest.mark.parametrize("reading, words", [(22, r"(?:fearful reading after a long washout|fear reading is what a washout leaves)"),
                                            (78, r"still reading greed after the washout"), (50, None)])
def test_a_sentiment_reading_is_read_against_the_washout(reading, words):
    body = _rich(f"""
  - {{id: fg, metric: sentiment_index, unit: index, label: the fear and greed gauge, observations: [{{source: alternative-me, value: {reading}}}]}}
""")
    if words is None:
        assert not re.search(r"(?:fearful reading|fear reading is|still reading greed)", body), body
    else:
        assert re.search(words, body), body


def test_the_price_move_set_against_the_total_is_told_once():
    body = _rich("""
  - {id: mv, metric: price_change, unit: percent, asset: BTC, window: 24h, observations: [{source: coinmarketcap, value: -3.4}]}
""")
    assert body.count("fell 3.4%") == 1, body
    assert re.search(r"(?:It did not take a crash|The price move itself was modest)", body), body


@pytest.mark.parametrize("venue_value, said", [(400e6, True), (None, False)])
def test_why_a_venues_share_matters_is_said_only_when_a_venue_carries_one(venue_value, said):
    extra = """
  - {id: big, metric: largest_single_liquidation, unit: USD, venue: binance, observations: [{source: coinglass, value: 8200000}]}
"""
    if venue_value:
        extra += f"""
  - {{id: bn, metric: liquidations, unit: USD, window: 24h, venue: binance, observations: [{{source: coinglass, value: {venue_value}}}]}}
"""
    body = _rich(extra)
    found = re.search(r"(?:Single venues matter because|The venue detail is more than bookkeeping)", body) is not None
    assert found is said, body


@pytest.mark.parametrize("window, argument", [
    ("2h", r"Over a window as short as 2 hours, a few minutes' difference in when each provider starts and stops its clock"),
    ("24h", r"Over a window of 24 hours, timing evens out; what does not is coverage"),
])
def test_why_providers_differ_is_argued_from_the_disputed_figure_and_names_them(window, argument):
    """Two events of one shape do not share one fixed paragraph on provider differences: the disputed figure's
    own window chooses the argument (the clock over a few hours, coverage over a day) and its providers are named."""
    body = _rich(f"""
  - {{id: okx_tot, metric: liquidations, unit: USD, window: {window}, venue: okx,
     observations: [{{source: coinglass, value: 120000000}}, {{source: coinank, value: 180000000}}]}}
""", window=window)
    assert re.search(argument, body), body
    assert re.search(r"CoinAnk and CoinGlass do not count liquidations the same way", body), body
    assert "Providers rarely count liquidations the same way" not in body


def test_with_the_providers_own_reason_no_mechanism_is_guessed():
    body = _rich("""
  - {id: okx_tot, metric: liquidations, unit: USD, window: 24h, venue: okx,
     observations: [{source: coinglass, value: 120000000}, {source: coinank, value: 180000000}]}
context:
  - {id: why, kind: other, sources: [coinglass, coinank], text: CoinAnk counts partial closes that CoinGlass leaves out}
""")
    assert "CoinAnk counts partial closes" in body
    assert not re.search(r"do not count liquidations the same way|timing evens out|starts and stops its clock", body), body
    assert re.search(r"difference of method", body), body


def test_the_lede_without_a_figure_says_what_the_event_holds_instead():
    """No headline-safe figure: the lede says why from what the event has (claims only here), not a stock sentence."""
    from draft_support import ROOT
    from writer.draft import Drafter
    from writer.factbase.loader import event_from_text, load_registry

    event = event_from_text("""
id: claims-only
as_of: 2026-11-24T12:00:00+00:00
facts:
  - {id: wall, metric: position_concentration, unit: USD, side: short, asset: BTC, status: rumor, observations: [{source: x-posts, value: 5000000000}]}
""", "claims-only.yaml", load_registry(ROOT / "factbase" / "sources.yaml"))
    body = _body(Drafter().draft(event).markdown)
    assert "the only large numbers to hand are claims that no source here confirms" in body, body
    assert "the claims circulating in posts on X are a reading of sentiment" in body, body


@pytest.mark.parametrize("below, minefield", [(400e6, True), (900e6, False)])
def test_clusters_on_both_sides_are_a_minefield_only_when_they_are_of_a_size(below, minefield):
    """Both sides mapped: two clusters of a size are "two minefields"; with one clearly larger the heavier side is
    argued and the smaller one, named by its side, is said to release less (a fact of the event chooses the argument)."""
    body = _rich(f"""
  - {{id: up, metric: pressure_zone, unit: USD, side: short, direction: above, status: estimate, observations: [{{source: coinglass, value: 420000000}}]}}
  - {{id: down, metric: pressure_zone, unit: USD, side: long, direction: below, status: estimate, observations: [{{source: coinglass, value: {below}}}]}}
""")
    assert ("two minefields" in body) is minefield, body
    # the smaller cluster is named by its side: here the one above the price (the larger is below)
    assert ("The cluster above the price, the smaller of the two, still matters" in body) is not minefield, body
