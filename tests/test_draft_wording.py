"""Wording bugs found on real events, each fixed at its cause and held here with events of our own.

Every event is drafted with the provenance check's round trip, so each also proves the wording is
accepted by the check.
"""

from __future__ import annotations

import re

import pytest

from draft_support import CORPUS, EVENTS, ROOT, checked_drafter, drafted
from writer.factbase.loader import event_from_text, load_registry
from writer.mdtext import md_escape

REGISTRY = load_registry(ROOT / "factbase" / "sources.yaml")

HEAD = """
id: {eid}
as_of: 2026-11-24T12:00:00+00:00
windows: [{windows}]
facts:
  - id: total_24h
    metric: liquidations
    unit: USD
    window: 24h
    coverage: {coverage}
    observations: [{{source: coinglass, value: 412000000}}]
  - id: long_24h
    metric: liquidations
    unit: USD
    window: 24h
    side: long
    observations: [{{source: coinglass, value: 380000000}}]
"""


def draft(extra: str, *, eid: str = "wording-test", coverage: str = "a dozen derivatives venues", windows: str = "24h") -> str:
    event = event_from_text(HEAD.format(eid=eid, coverage=coverage, windows=windows) + extra, f"{eid}.yaml", REGISTRY)
    return checked_drafter().draft(event).markdown


def test_a_change_with_a_direction_is_worded_by_its_verb():
    md = draft("""
  - id: cap_fall
    metric: market_cap_change
    unit: USD
    window: 24h
    change: fall
    observations: [{source: coinmarketcap, value: 60000000000}]
  - id: index_fall
    metric: price_change
    unit: percent
    window: 24h
    subject: the GMCI 30 index
    change: fall
    observations: [{source: the-block, value: 6.8}]
""")
    assert "fell by $60 billion" in md and "the GMCI 30 index fell 6.8%" in md
    assert not re.search(r"rose down|changed by down|fell down|rose up|by down", md)


def test_a_flow_says_in_or_out_in_words():
    md = draft("""
  - id: etf_outflow
    metric: fund_flow
    unit: USD
    subject: spot bitcoin funds
    change: outflow
    observations: [{source: public-reports, value: 133300000}]
""")
    assert "spot bitcoin funds saw net outflows of $133.3 million" in md  # four figures, as given


@pytest.mark.parametrize("coverage", ["several centralised exchanges", "Binance_only", "the top ten venues by volume"])  # whole-market words: test_draft_reading_faults
def test_the_coverage_sentence_is_grammatical_for_any_subject(coverage):
    md = draft("", coverage=coverage)
    assert "activity." not in md  # "The total covers several centralised exchanges activity."
    # the provider's words in quotation marks, so any wording of them reads as a quotation
    assert re.search(r"(?:describes what the total covers as|its provider calls it|its coverage is|its total covers what it calls) \u201c"
                     + re.escape(md_escape(coverage)) + "\u201d\\.", md), md
    assert "coverage, as its provider describes it" not in md


def test_a_count_in_words_inside_a_coverage_is_the_providers_own_statement_and_wants_it_named():
    from writer.check import Checker

    event = event_from_text(HEAD.format(eid="cov", coverage="a dozen venues", windows="24h"), "cov.yaml", REGISTRY)
    md = checked_drafter().draft(event).markdown  # drafts: the coverage sentence names CoinGlass
    said = re.search(r"According to CoinGlass, (?:its coverage is|its total covers what it calls) \u201ca dozen venues\u201d", md)
    if said is None:  # the other variant: the coverage follows the total's own attributed sentence
        said = re.search(r"(Its provider describes what the total covers as|As for what the total counts, its provider calls it) \u201ca dozen venues", md)
    assert said, md
    unnamed = md.replace(said.group(0), "Its reach, in its own words, is \u201ca dozen venues")
    codes = {f.code for f in Checker().check_text(unnamed, path="cov.md", event=event)}
    assert "P011" in codes or "P002" in codes


def test_a_statement_without_a_number_names_its_source_and_quotes_its_words():
    md = draft("""
  - id: longs_brunt
    metric: dominance
    unit: none
    side: long
    observations: [{source: coinglass, reading: bore the brunt}]
""")
    assert re.search(r"CoinGlass, the heaviest losses fell on long positions \(its words: “bore the brunt”\)", md), md


def test_a_revision_says_what_changed_and_when():
    md = draft("""
  - id: binance_24h
    metric: liquidations
    unit: USD
    window: 24h
    venue: binance
    observations:
      - source: coinglass
        value: 61400000
        as_of: 2026-11-24T11:30:00+00:00
        revisions:
          - {value: 58900000, as_of: 2026-11-24T08:00:00+00:00, note: counted before late fills}
""")
    assert ("CoinGlass first published a lower figure (08:00 UTC on 24 November 2026) and then revised it upwards "
            "(11:30 UTC on 24 November 2026); its note on the earlier figure: counted before late fills") in md


def test_an_estimate_of_what_happened_is_not_called_potential():
    md = draft("""
  - id: true_total
    metric: liquidations
    unit: USD
    window: 24h
    status: estimate
    observations: [{source: research-brief, range: [800000000, 1000000000]}]
""")
    line = next(ln for ln in md.splitlines() if "$800 million" in ln)
    assert "potential" not in line and "could reach" not in line
    assert "estimate" in line and "well above the reported figure" in line


def test_a_bound_word_the_check_reads_rounds_outward_and_others_to_the_nearest():
    md = draft("""
  - id: zone
    metric: position_concentration
    unit: USD
    asset: BTC
    status: single_source
    observations: [{source: hyblock, value: 1560208, hedge: as_much_as}]
  - id: accounts
    metric: liquidated_accounts
    unit: count
    window: 24h
    observations: [{source: coinglass, range: [685, 1145], hedge: about}]
""")
    assert "as much as $1.57 million" in md  # a ceiling stays true
    assert "between 685 and 1,145" in md  # the check reads the range; 1,150 would carry the end outward (numbers.range_ends)


def test_an_unnamed_group_is_never_called_a_single_source():
    md = draft("""
  - id: short_24h
    metric: liquidations
    unit: USD
    window: 24h
    side: short
    observations: [{source: data-providers, value: 32000000, hedge: about}]
""")
    assert not re.search(r"single source, several data", md, re.I)
    assert re.search(r"several data service providers,(?: which are)? not named", md)


def test_closings_vary_across_the_bundled_events():
    """The old fixed closing ended every draft; now the closing follows each event's own shape and figures."""
    closings = []
    for path in EVENTS + CORPUS:
        _, d = drafted(path)
        body = d.markdown.rstrip().rsplit("\n---\n", 1)[0]
        closings.append(body.rstrip().rsplit("\n\n", 1)[-1])
    assert not any("practical lessons do not change" in c for c in closings)
    assert len(set(closings)) >= len(closings) * 0.6, closings


PRICE_MOVE = """
  - id: btc_move
    metric: price_change
    unit: percent
    window: {window}
    asset: BTC
    change: fall
    observations: [{{source: {source}, value: 2.1}}]
"""


def test_a_price_move_is_set_against_the_total_only_over_the_same_window():
    """"Fell 2.1% over 4 hours, and that was enough to force out $412 million" would give the 24-hour
    total a 4-hour window: the move is weighed against the total only when their windows agree."""
    enough = "enough to force out"
    assert enough in draft(PRICE_MOVE.format(window="24h", source="coinglass"), eid="move-same-window")
    other = draft(PRICE_MOVE.format(window="4h", source="coinglass"), eid="move-other-window", windows="24h, 4h")
    assert enough not in other and "fell 2.1%" in other


def test_a_price_move_from_another_source_is_weighed_in_a_sentence_of_its_own():
    """One sentence holding the move (CoinMarketCap's) and the total (CoinGlass's) names both sources
    for both figures, which the check rightly refuses (P008): the total gets its own sentence."""
    md = draft(PRICE_MOVE.format(window="24h", source="coinmarketcap"), eid="move-other-source")
    assert "fell 2.1% over 24 hours. That was enough to force out" in md


CONCENTRATION = """
  - id: desk_book
    metric: position_concentration
    unit: USD
    window: 1h
    subject: Desk_Nine's book
    observations: [{source: coinglass, value: 48300}]
  - id: band_book
    metric: position_concentration
    unit: USD
    window: 4h
    observations: [{source: coinglass, value: 21700}]
"""


def test_a_figure_named_by_its_subject_gives_its_own_window():
    """A subject that names the figure ("Desk_Nine's book") is printed without a window; left there,
    the next sentence's "over 4 hours" is the only window in the paragraph and the $48,300 reads as
    that 4-hour figure (the check said P006). The sentence now gives the figure's own window."""
    md = draft(CONCENTRATION, eid="concentration-window", windows="24h, 1h, 4h")
    assert "positions worth $48,300 linked to Desk_Nine's book were concentrated at a single price area over the past hour." in md
    assert "came to $21,700 over" not in md  # a described figure keeps its window in the description only


def test_a_note_that_qualifies_the_unit_follows_the_figure_without_a_comma():
    """"0.011%, per 8 hours" reads as two things; the period belongs to the rate. Any other note
    is still set off by a comma ("0.011%, taken at the daily close")."""
    rate = """
  - id: eth_funding
    metric: funding_rate
    unit: percent
    asset: ETH
    note: {note}
    observations: [{{source: coinglass, value: 0.011}}]
"""
    md = draft(rate.format(note="per 8 hours, taken at the daily close"), eid="note-binds")
    assert "0.011% per 8 hours, taken at the daily close" in md
    other = draft(rate.format(note="taken at the daily close"), eid="note-apart")
    assert "0.011%, taken at the daily close" in other


VENUE_SHARES = """
  - id: kraken_4h
    metric: liquidations
    unit: USD
    window: 24h
    venue: {first}
    observations: [{{source: coinglass, value: 150000000}}]
  - id: kraken_share
    metric: liquidation_share
    unit: percent
    window: 24h
    venue: {first}
    observations: [{{source: coinglass, value: 36.4}}]
  - id: kraken_long_share
    metric: liquidation_share
    unit: percent
    window: 24h
    venue: {first}
    side: long
    observations: [{{source: coinglass, value: {first_long}}}]
  - id: bitget_4h
    metric: liquidations
    unit: USD
    window: 24h
    venue: {second}
    observations: [{{source: coinglass, value: 61000000}}]
  - id: bitget_share
    metric: liquidation_share
    unit: percent
    window: 24h
    venue: {second}
    observations: [{{source: coinglass, value: 14.8}}]
  - id: bitget_long_share
    metric: liquidation_share
    unit: percent
    window: 24h
    venue: {second}
    side: long
    observations: [{{source: coinglass, value: 88.2}}]
"""


def _paragraph(md: str, words: str) -> str:
    return next(p for p in md.split("\n\n") if words in p)


def test_a_venue_share_is_told_with_its_venue_and_the_venues_are_compared():
    """Each venue's share sits beside that venue's own amount (not in a list of percentages elsewhere);
    the leader is named against the next venue, and a side's share that differs widely between two
    venues is read as the two crowds being positioned differently."""
    md = draft(VENUE_SHARES.format(first="okx", second="bybit", first_long=61.7), eid="venue-shares")
    okx = _paragraph(md, "$150 million")
    assert re.search(r"OKX saw liquidations of \$150 million[^.]*, about 36% of all the liquidations\.", okx)
    assert okx.index("about 36%") < okx.index("about 62%") < okx.index("$61 million") < okx.index("about 15%") < okx.index("about 88%")
    assert "OKX carried the most, well ahead of Bybit" in md or "OKX did more of the forced closing" in md
    assert re.search(r"long positions took a far larger part of the losses on Bybit than on OKX|Bybit's users were caught", md)
    close = draft(VENUE_SHARES.format(first="okx", second="bybit", first_long=84.0), eid="venue-shares-close")
    assert "larger part of the losses on" not in close and "were caught leaning" not in close


def test_a_move_over_minutes_is_told_apart_from_the_periods_changes():
    """A one-minute drop is the pace of the fall; set in a list with 24-hour changes it reads as one of them."""
    md = draft("""
  - id: eth_burst
    metric: price_change
    unit: USD
    asset: ETH
    window: 1m
    change: fall
    observations: [{source: coinglass, value: 85}]
  - id: eth_day
    metric: price_change
    unit: percent
    asset: ETH
    window: 24h
    change: fall
    observations: [{source: coinglass, value: 7.3}]
  - id: sol_day
    metric: price_change
    unit: percent
    asset: SOL
    window: 24h
    change: fall
    observations: [{source: coinglass, value: 9.1}]
""", eid="burst-apart", windows="24h, 1m")
    day = next(s for s in re.split(r"(?<=\.)\s+(?=[A-Z])", md) if "7.3%" in s)
    assert "9.1%" in day and "$85" not in day
    assert re.search(r"(At its fastest, e|The moves came in bursts: e)ther fell \$85 in one minute", md)


READINGS = """
  - id: short_24h
    metric: liquidations
    unit: USD
    window: 24h
    side: short
    observations: [{{source: coinglass, value: 32000000}}]
  - id: oi_move
    metric: open_interest_change
    unit: percent
    window: 24h
    observations: [{{source: coinglass, value: {oi}}}]
  - id: btc_funding
    metric: funding_rate
    unit: percent
    asset: BTC
    observations: [{{source: coinglass, value: {funding}}}]
""" + "".join(f"""
  - id: {code.lower()}_24h
    metric: liquidations
    unit: USD
    window: 24h
    asset: {code}
    observations: [{{{{source: coinglass, value: {value}}}}}]
""" for code, value in (("BTC", 141000000), ("ETH", 97000000), ("SOL", 38000000), ("XRP", 21000000)))


def _together(md: str) -> str:
    return next((p for p in md.split("\n\n") if p.startswith(("Taken together", "Read side by side"))), "")


def test_the_readings_are_taken_together_only_as_far_as_the_figures_go():
    """A rich event's readings are argued together, each clause only when its own figure says so: falling
    open interest reads as leverage cleared; rising open interest with longs still paying funding after a
    long washout is the warning that the same crowd is still there. A thin event gets no such paragraph."""
    cleared = _together(draft(READINGS.format(oi=-6.4, funding=-0.03), eid="readings-cleared"))  # beyond the resting rate (thresholds.neutral_funding)
    assert "open interest" in cleared and ("funding was negative" in cleared or "shorts were paying funding" in cleared)
    assert "same move could repeat" not in cleared and "second round would find it" not in cleared
    crowded = _together(draft(READINGS.format(oi=3.9, funding=0.012), eid="readings-crowded"))
    assert "open interest still rose" in crowded or "open interest grew" in crowded
    assert "same move could repeat" in crowded or "second round would find it" in crowded
    assert _together(draft("", eid="readings-thin")) == ""


HISTORY = """
  - id: past_peak
    metric: historical_liquidations
    unit: USD
    window: 24h
    label: the heaviest day of the spring sell-off
    observations: [{{source: coinglass, value: {value}}}]
"""


@pytest.mark.parametrize("value, words", [(130000000, "more than three times the size of the earlier figure"),
                                          (180000000, "more than twice the size of the earlier figure"),
                                          (300000000, "the larger of the two, and"),
                                          (1300000000, "less than a third of that earlier figure"),
                                          (700000000, "less than that earlier figure")])
def test_a_comparison_with_an_earlier_episode_says_how_much_larger_or_smaller(value, words):
    """The headline total ($412 million) against an earlier figure, in words that hold for both figures as printed."""
    md = draft(HISTORY.format(value=value), eid=f"history-{value}")
    assert words in md


def test_what_the_split_says_follows_the_split_it_reads():
    """With the split given only as a share, the reading of a one-sided split came right after the
    total ("... network-wide. That is not the signature ...") before any split was on the page."""
    text = """
id: split-after-share
as_of: 2026-11-24T12:00:00+00:00
windows: [24h]
facts:
  - id: total_24h
    metric: liquidations
    unit: USD
    window: 24h
    observations: [{source: coinglass, value: 655000000}]
  - id: long_share
    metric: liquidation_share
    unit: percent
    window: 24h
    side: long
    observations: [{source: coinglass, value: 91.5}]
"""
    md = checked_drafter().draft(event_from_text(text, "split-after-share.yaml", REGISTRY)).markdown
    share_at = md.index("92%")
    readings = ("A split this uneven", "That is not the signature")
    found = [md.index(r) for r in readings if r in md]
    assert found and all(at > share_at for at in found)


@pytest.mark.parametrize("speaker, relayed", [
    ("several data providers and a few desks", False),  # an alias of the source, as whole words
    ("Changpeng Zhao, speaking for himself,", False),  # the person's other spelling
    ("Xavier, a derivatives trader", True),  # "X" inside another word names no one
])
def test_a_quote_says_who_relayed_it_only_when_its_speaker_is_not_that_source(speaker, relayed):
    source = "x-posts" if speaker.startswith("Xavier") else "cz" if "Zhao" in speaker else "data-providers"
    md = draft(f"""
quotes:
  - id: q
    speaker: {speaker}
    words: leverage had nowhere left to hide
    source: {source}
""")
    line = next(l for l in md.splitlines() if "nowhere left to hide" in l)
    assert ("according to" in line) is relayed, line


# --- a reported average beside a disputed range -------------------------------------------------

SPREAD_WITH_AVERAGE = """
  - id: oi_spread
    metric: open_interest
    unit: USD
    observations: [{source: coinglass, value: 41000000000}, {source: coinank, value: 47000000000}]
    average: {value: 44000000000, hedge: nearly}
"""


def test_a_reported_average_follows_the_ranges_caveat_in_one_parenthesis_free_clause():
    """The caveat's parenthesis sits right after the range it covers, and the average follows as a
    clause of its own: never two parentheses side by side, never the caveat after the average."""
    event = event_from_text(HEAD.format(eid="avg-test", coverage="x", windows="24h") + SPREAD_WITH_AVERAGE, "avg.yaml", REGISTRY)
    out = checked_drafter().draft(event)
    md = out.markdown
    assert ") (" not in md
    (line,) = [ln for ln in md.splitlines() if "nearly $44 billion" in ln]
    # the caveat, when it is a parenthesis, sits right after the range; the average follows as a clause
    assert re.search(r"between \$41 billion and \$47 billion(?: \([^()]*differ[^()]*\))?, with an average of nearly \$44 billion", line), line
    assert "differ" in line
    roles = {f["role"] for f in out.claims["figures"] if f["fact"] == "oi_spread"}
    assert "average" in roles and "value" in roles


# --- a change with its two ends -----------------------------------------------------------------

CHANGE_WITH_ENDS = """
  - id: users_after
    metric: user_count
    unit: count
    venue: hyperliquid
    observations: [{{source: coinglass, value: {after}}}]
  - id: users_before
    metric: user_count
    unit: count
    venue: hyperliquid
    observations: [{{source: {before_source}, value: {before}}}]
  - id: users_growth
    metric: user_count_change
    unit: percent
    venue: hyperliquid
    change: {word}
    from_fact: users_before
    to_fact: users_after
    observations: [{{source: coinglass, value: {pct}}}]
"""


@pytest.mark.parametrize("before, after, pct, word, before_source", [
    (1423, 13240, 830.4, "rise", "coinglass"),  # both ends rounded: "from about 1,420 to about 13,200"
    (300000, 1400000, 367, "rise", "coinank"),  # the start from another source keeps its own caveat
    (52000, 41000, 21.2, "fall", "coinglass"),
])
def test_a_change_and_its_two_ends_are_one_sentence_in_time_order(before, after, pct, word, before_source):
    md = draft(CHANGE_WITH_ENDS.format(before=before, after=after, pct=pct, word=word, before_source=before_source), eid="ends-test")
    lines = [ln for ln in md.splitlines() if "users" in ln and not ln.startswith(("#", "title:"))]
    (line,) = lines  # one paragraph, not three sentences each restating the subject
    verb = "rose" if word == "rise" else "fell"
    sentence = next(s for s in re.split(r"(?<=\.) ", line) if verb in s)
    at_change = sentence.index(verb)
    at_from = sentence.index(" from ", at_change)
    at_to = sentence.index(" to ", at_from)
    assert at_change < at_from < at_to, sentence  # the change, then the start, then the end
    assert sentence.count("the number of users") + sentence.count("The number of users") == 1, sentence


# --- a figure of zero ---------------------------------------------------------------------------

@pytest.mark.parametrize("side", ["", "\n    side: short"])
def test_a_venue_figure_of_zero_is_told_as_what_the_source_counted(side):
    md = draft(f"""
  - id: quiet_venue
    metric: liquidations
    unit: USD
    window: 24h
    venue: bitfinex{side}
    observations: [{{source: coinglass, value: 0}}]
""", eid="zero-test")
    (line,) = [ln for ln in md.splitlines() if "Bitfinex" in ln and not ln.startswith(("#", "title:"))]
    assert "$0" in line  # the figure itself is printed, with its provenance
    assert not re.search(r"liquidations of \$0|\$0 of (?:\w+ )?liquidations", line), line
    assert re.search(r"count(?: of short liquidations)? for Bitfinex[^.]* stood at \$0: n", line), line


def test_a_venue_that_recorded_nothing_is_never_the_venue_that_absorbed_the_selling():
    md = draft("""
  - id: quiet_venue
    metric: liquidations
    unit: USD
    window: 24h
    venue: bitfinex
    observations: [{source: coinglass, value: 0}]
""", eid="zero-test")
    assert "Open interest on Bitfinex" not in md and "absorbed the forced selling" not in md


# --- a bound and an approximation on one value --------------------------------------------------

@pytest.mark.parametrize("hedge, value, printed", [
    ("[as_much_as, approximately]", 86.5, "as much as approximately 87%"),  # a ceiling rounds up
    ("[approximately, up_to]", 86.5, "approximately up to 87%"),  # in the order the source gave them
    ("[more_than, about]", 71.5, "more than about 71%"),  # a floor rounds down
])
def test_a_bound_and_an_approximation_print_both_as_given_and_stay_true(hedge, value, printed):
    """Both of the source's words (issue 10 item 3: hedges and bounds as the source gave them); the number rounded by
    the bound, which is what the check holds it to (``figures._bound_before``)."""
    md = draft(f"""
  - id: stacked_share
    metric: liquidation_share
    unit: percent
    side: short
    window: 24h
    observations: [{{source: coinank, value: {value}, hedge: {hedge}}}]
""", eid="stacked-hedge-test")
    assert printed in md, md


# --- every figure appears -----------------------------------------------------------------------

@pytest.mark.parametrize("metric, unit, extra, words", [
    ("rate", "per_second", "subject: forced-close reports on OKX", r"forced-close reports on OKX came at a pace of 3 per second"),
    ("duration", "days", "subject: the run without a daily close below the level", r"the run without a daily close below the level lasted 3 days"),
    ("liquidation_orders", "count", "venue: okx", r"liquidation orders on OKX came to 3"),
    ("liquidation_orders", "count", "side: short", r"short liquidation orders came to 3"),
])
def test_a_lone_figure_of_any_metric_is_printed_not_dropped(metric, unit, extra, words):
    event = event_from_text(f"""
id: lone-figure
as_of: 2026-11-24T12:00:00+00:00
facts:
  - id: lone
    metric: {metric}
    unit: {unit}
    {extra}
    observations: [{{source: coinank, value: 3}}]
""", "lone.yaml", REGISTRY)
    out = checked_drafter().draft(event)
    assert out.claims["unprinted_facts"] == []
    assert [f["fact"] for f in out.claims["figures"]] == ["lone"]
    assert re.search(words, out.markdown, re.I), out.markdown


# --- a disputed figure is set out once ----------------------------------------------------------

def test_a_disputed_venue_figure_prints_its_range_once_and_the_data_section_says_who_is_higher():
    md = draft("""
  - id: okx_own
    metric: liquidations
    unit: USD
    window: 24h
    venue: okx
    observations: [{source: okx, value: 910000000}, {source: coinank, value: 270000000}]
""", eid="disputed-once")
    body = md.split("\n---\n", 1)[1].split("\n# ", 1)[1]
    assert body.count("$270 million and $910 million") == 1, body
    assert re.search(r"higher figure comes from OKX and the lower one from CoinAnk|higher figure for .* comes from OKX, the lower one from CoinAnk", body), body
    assert re.search(r"exchange's own|its own books hold", body), body  # the venue's own count is the higher one: said why


def test_a_bound_and_an_approximation_on_a_negative_value_print_both_and_stay_true():
    """"as much as approximately -0.031%": both words, as given. A negative value cannot be rounded outward (the
    check reads a bound on it by sign), so it is rounded to the nearest, within the printed digit the check
    allows a bound; an average per day of such a value reads the same way."""
    md = draft("""
  - id: neg_funding
    metric: funding_rate
    unit: percent
    observations: [{source: coinank, value: -0.0314, hedge: [as_much_as, approximately]}]
""", eid="negative-stacked")
    assert "as much as approximately -0.031%" in md, md
    per_day = draft("""
  - id: neg_avg
    metric: fund_flow
    unit: USD
    asset: PEPE
    window: 7d
    per: day
    observations: [{source: coinank, value: -0.00042, hedge: [as_much_as, approximately]}]
""", eid="negative-stacked-average", windows="24h, 7d")
    assert "as much as approximately -$0.0004" in per_day, per_day


@pytest.mark.parametrize("hedge, bound, words", [("at_least", "at least", "no less than"), ("at_most", "at most", "no more than")])
def test_a_bound_after_the_sentences_own_at_is_reworded_not_doubled(hedge, bound, words):
    md = draft(f"""
  - id: loss
    metric: trader_loss
    unit: USD
    subject: a fund on a derivatives venue
    status: rumor
    observations: [{{source: x-posts, value: 27400000, hedge: {hedge}}}]
""")
    assert f"at {bound}" not in md  # never "puts the loss ... at at least"
    assert re.search(rf"\bat {words} \$27\.4 million", md), md  # the bound survives in words the check reads


def test_which_provider_is_higher_is_said_without_a_verb_that_must_agree_with_its_name():
    md = draft("""
  - id: largest_1h
    metric: largest_single_liquidation
    unit: USD
    window: 24h
    observations: [{source: public-reports, value: 41000000}, {source: coinank, value: 12000000}]
""", eid="plural-source")
    assert not re.search(r"public reports (?:reports|puts|sits)\b", md, re.I), md  # "public reports reports" never
    assert re.search(r"from public reports,? (?:and the lower one |than )from CoinAnk|comes from public reports", md), md


def test_a_hedged_range_with_equal_ends_prints_one_value():
    md = draft("""
  - id: funding
    metric: funding_rate
    unit: percent
    window: 24h
    asset: XRP
    observations: [{source: coinglass, range: [-0.0312, -0.0312], hedge: about}]
""", eid="equal-ends")
    assert not re.search(r"(-?0\.031\d*%) to \1", md), md
    assert re.search(r"about -0\.031\d*%", md), md


def test_a_level_crossed_never_stacks_a_preposition_and_a_hedge():
    """"fell below about 0.328 rubles": a level printed rounded (or with its source's own word) after "fell
    below" / "rose above" reads "a level of about ..."; a level printed in full stays bare ("fell below $89,000")."""
    md = draft("""
  - {id: rub, metric: price_level, unit: currency, currency: RUB, asset: DOGE, direction: below,
     observations: [{source: coinglass, value: 0.32841}]}
  - {id: sol, metric: price_level, unit: USD, asset: SOL, direction: above,
     observations: [{source: coinglass, value: 142.5, hedge: close_to}]}
  - {id: btc, metric: price_level, unit: USD, asset: BTC, direction: below, observations: [{source: coinglass, value: 89000}]}
""")
    assert re.search(r"(?:below|above) (?:about|approximately|close to|nearly|around|over|under|at least) ", md) is None, md
    assert "fell below a level of about 0.328 rubles" in md
    assert re.search(r"rose above a level close to \$143\.(?!\d)", md), md  # 142.5: a half away from zero (numbers.NEAREST)
    assert "fell below $89,000" in md


@pytest.mark.parametrize("name, described", [
    ("an anonymous desk", True), ("a newsletter", True), ("several brokers", True), ("market chatter", True),
    ("exchange filings seen by the desk", True),
    ("CoinGlass", False), ("3Commas Data", False), ("@liq_bot", False), ("dYdX", False), ("on_chain_watch", False),
    ("the Bitcoin protocol", False), ("Ledger (Markets)", False),
])
def test_a_source_name_that_describes_is_told_apart_from_a_name(name, described):
    """The default when the registry does not say (`described` omitted): read from the name's shape."""
    from writer.factbase.records import Source, looks_described
    from writer.factbase.vocabulary import SourceKind

    assert looks_described(name) is described
    assert Source("s", name, SourceKind.MEDIA).is_described is described


@pytest.mark.parametrize("name, flag, single", [
    ("an unnamed source", None, "a single unnamed source"),
    ("an unnamed report", None, "a single unnamed report"),
    ("a research brief", None, "a single research brief"),
    ("a blog", None, "a single-source blog"),
    ("market data", None, "single-source market data"),
    ("several brokers", None, "single-source data from several brokers"),
    # a definite description names one thing: set after "a single source,", never "single-source the ..."
    ("the Fed's press release", True, "a single source, the Fed's press release"),
    ("the exchange's notice", None, "a single source, the exchange's notice"),
    # the registry's flag overrides the name's shape either way
    ("the block", False, "the block"),
    ("Desk Notes", True, "single-source Desk Notes"),
])
def test_a_described_source_is_told_as_one_source(name, flag, single):
    from writer.factbase.records import Source
    from writer.factbase.vocabulary import SourceKind

    source = Source("s", name, SourceKind.MEDIA, described=flag)
    assert source.single_name == single
    assert (single in source.names) is source.is_described or single == name


def test_the_registrys_described_flag_is_read_and_documented(tmp_path):
    from writer.factbase.spec import SourceSpec

    assert "described" in SourceSpec.model_fields and SourceSpec.model_fields["described"].description
    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n  - {id: tb, name: the block, kind: media, described: false}\n"
                    "  - {id: dn, name: Desk Notes, kind: media, described: true}\n  - {id: md, name: market data, kind: market_data}\n")
    reg = load_registry(path)
    assert (reg["tb"].is_described, reg["dn"].is_described, reg["md"].is_described) == (False, True, True)
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources:\n  - {id: tb, name: the block, kind: media, described: maybe}\n")
    from writer.errors import InputError

    with pytest.raises(InputError) as e:
        load_registry(bad)
    assert "described" in str(e.value)


def test_every_described_noun_is_single_source_wording_for_the_check_and_the_self_check():
    """One list: records.DESCRIBED_NOUNS decides when a described name reads "a single <noun>"; the check's
    phrases.yaml and the style's required wording must read each as single-source wording."""
    from writer.check.phrases import build_phrases
    from writer.draft.style import load_style
    from writer.factbase.records import DESCRIBED_NOUNS

    phrases = build_phrases({})
    style = load_style(ROOT / "templates" / "style.yaml")
    for noun in DESCRIBED_NOUNS:
        text = f"According to a single unnamed {noun}, longs lost most."
        assert "single_source" in phrases.classes_in(text), noun
        assert all(rx.search(text) for rx in style.required["single_source"]), noun


MUST_PASS = [
    "According to a single unnamed source, liquidations over the past 12 hours came to $623 million.",
    "In figures from a single unnamed source, liquidations over the past 12 hours came to $623 million.",
    "Liquidations over the past 12 hours came to $623 million (from a single unnamed source).",
]
MUST_FAIL = [
    "Liquidations over the past 12 hours came to $623 million.",  # no source, no single-source wording
    "According to an unnamed source, liquidations over the past 12 hours came to $623 million.",  # not said to be one source
    "According to several unnamed sources, liquidations over the past 12 hours came to $623 million.",
]
SQUEEZE = ROOT / "factbase" / "events" / "2026-11-19-short-squeeze-btc-96k.yaml"


@pytest.mark.parametrize("sentence", MUST_PASS)
def test_the_check_accepts_a_described_source_told_as_one(sentence):
    from writer.check import Checker

    checker = Checker()
    event = checker.load_event(SQUEEZE)
    findings = [f for f in checker.check_text(f"# T\n\n{sentence}\n", event=event) if f.figure == "$623 million"]
    assert not findings, [(f.code, f.message) for f in findings]


@pytest.mark.parametrize("sentence", MUST_FAIL)
def test_the_check_still_flags_a_described_source_not_told_as_one(sentence):
    from writer.check import Checker

    checker = Checker()
    event = checker.load_event(SQUEEZE)
    findings = [f for f in checker.check_text(f"# T\n\n{sentence}\n", event=event) if f.figure == "$623 million"]
    assert findings, sentence


@pytest.mark.parametrize("name", ["an anonymous desk", "market chatter", "exchange filings seen by the desk", "an undisclosed source"])
def test_a_single_source_named_by_a_description_is_worded_as_one_never_after_a_single_source(name):
    """"In figures from a single source, an unnamed source, ..." sets a description out as if it were a name, and
    "according to an unnamed source, a single source," says it twice (corpus 002). A source whose display name
    describes it reads "according to a single unnamed source" or "single-source market chatter"."""
    from dataclasses import replace

    from writer.factbase.records import Source
    from writer.factbase.vocabulary import SourceKind

    sid = "anon-" + "-".join(name.split())
    source = Source(sid, name, SourceKind.MEDIA)
    # a registry of its own digest: the checker keeps the spellings it read per registry digest
    registry = replace(REGISTRY, sources={**REGISTRY.sources, sid: source}, digest=f"{REGISTRY.digest}+{sid}")
    event = event_from_text(HEAD.format(eid=sid, coverage="a dozen venues", windows="24h").replace("coinglass", sid) + f"""
  - {{id: lvl, metric: price_level, unit: USD, asset: BTC, direction: below, observations: [{{source: {sid}, value: 89000}}]}}
context:
  - {{id: c1, kind: policy, text: a regulator opened a review of leverage limits, sources: [{sid}]}}
""", f"{sid}.yaml", registry)
    md = checked_drafter().draft(event).markdown
    escaped = md_escape(name)
    assert f"a single source, {escaped}" not in md and f"single-source data from {escaped}" not in md, md
    assert f"{escaped}, a single source" not in md, md
    assert md.count(md_escape(source.single_name)) >= 2, md


def test_an_assets_name_goes_inside_a_metrics_of_or_in_never_before_its_the_number_of():
    """"The SOL number of users stood at ...": a metric named "the number of users" or "the change in the number of
    users" takes its side and asset after its own "of"/"in"."""
    md = draft("""
  - {id: users, metric: user_count, unit: count, asset: SOL, window: 24h, observations: [{source: coinglass, value: 5120}]}
  - {id: accounts, metric: liquidated_accounts, unit: count, asset: BTC, side: long, window: 24h, venue: okx,
     observations: [{source: coinglass, value: 9400}]}
""", eid="inner-qualifiers")
    assert "number of SOL users" in md, md
    assert re.search(r"number of long BTC liquidated accounts", md), md
    assert not re.search(r"\b(?:SOL|BTC|long) (?:number of|change in)\b", md), md


def test_a_missing_figure_is_told_once_and_referred_back_to():
    """A gap a claim already names and explains ("... compares this event with the March 2024 peak, whose size is
    still unconfirmed") was told three times: in the claim, in the gap sentence with its reason, and again by name
    in the outlook. The claim tells it; the gap sentence only says no figure exists; the outlook refers back."""
    extra = """
  - {id: oi, metric: open_interest, unit: USD, window: 24h, observations: [{source: coinglass, value: 31000000000}]}
  - {id: btc, metric: liquidations, unit: USD, asset: BTC, window: 24h, observations: [{source: coinglass, value: 150000000}]}
  - {id: eth, metric: liquidations, unit: USD, asset: ETH, window: 24h, observations: [{source: coinglass, value: 90000000}]}
  - {id: sol, metric: liquidations, unit: USD, asset: SOL, window: 24h, observations: [{source: coinglass, value: 40000000}]}
  - {id: fall, metric: price_change, unit: percent, asset: BTC, window: 24h, observations: [{source: coinglass, value: -4.2}]}
  - {id: efall, metric: price_change, unit: percent, asset: ETH, window: 24h, observations: [{source: coinglass, value: -6.1}]}
  - {id: peak, metric: historical_liquidations, unit: USD, window: 24h, label: the March 2024 liquidation peak, status: unavailable,
     reason: the March 2024 peak's size has not been confirmed by any provider}
context:
  - {id: claim, kind: historical, status: pending_verification, sources: [coinglass],
     text: "some desks compare this session with the March 2024 liquidation peak, whose size is still unconfirmed"}
"""
    md = draft(extra, eid="told-once")
    body = md.split("\n---\n", 1)[1]
    assert body.count("March 2024 liquidation peak") == 2, body  # the claim, and the gap sentence
    assert "has not been confirmed by any provider" not in body, body
    assert "one figure missing from this account, set out above" in body, body


@pytest.mark.parametrize("words, said", [
    ("That was 95% longs", "said that was 95% longs"),  # its own "that": never "said that That was"
    ("The selling came from 95% longs", "said that the selling came from 95% longs"),
    ("Bitcoin longs made up 95% of it", "said that Bitcoin longs made up 95% of it"),  # a name keeps its capital
])
def test_a_paraphrase_runs_on_after_said_that_in_lower_case_and_never_doubles_that(words, said):
    md = draft(f"""
quotes:
  - {{id: q1, speaker: Jo Park, words: "{words}", paraphrase: true, source: coinglass}}
""", eid="paraphrase-that")
    assert f"Jo Park {said}" in md, md
    assert not re.search(r"\bthat [Tt]hat\b", md)


def test_a_change_of_zero_has_no_sign():
    md = draft("""
  - {id: flat, metric: market_cap_change, unit: percent, asset: HYPE, observations: [{source: coinglass, value: 0.0, hedge: almost}]}
""", eid="zero-change")
    assert "+0%" not in md and "almost 0%" in md, md


def test_no_two_sentences_run_together():
    """"... the same way.A shorter window shows ...": a template's block ending swallowed the line break between two
    paragraphs (a crowd of closed accounts, then a shorter window). Every bundled and corpus draft, and that case."""
    bodies = [drafted(p)[1].markdown.split("\n---\n", 1)[1] for p in EVENTS + CORPUS]
    bodies.append(draft("""
  - {id: accounts, metric: liquidated_accounts, unit: count, window: 24h, observations: [{source: coinglass, value: 61200}]}
  - {id: hour, metric: liquidations, unit: USD, window: 60m, observations: [{source: coinglass, value: 62500000}]}
""", eid="run-together", windows="24h, 60m"))
    for body in bodies:
        assert not re.search(r"[a-z)”][.!?][A-Z]", body), re.search(r".{60}[a-z)”][.!?][A-Z].{20}", body)


def test_two_figures_alike_in_every_printed_word_are_not_told_twice():
    """A fact file holding the same gap twice, or the same disputed figure under "1h" and "60m", printed the same
    sentence twice; each is told once."""
    md = draft("""
  - {id: gap_a, metric: liquidated_accounts, unit: count, asset: HYPE, window: 7d, status: unavailable, reason: the exchange feed is down}
  - {id: gap_b, metric: liquidated_accounts, unit: count, asset: HYPE, window: 7d, status: unavailable, reason: the exchange feed is down}
  - {id: d_a, metric: liquidation_orders, unit: count, asset: DOGE, window: 1h,
     observations: [{source: bybit, value: 1200}, {source: coinank, value: 1900}]}
  - {id: d_b, metric: liquidation_orders, unit: count, asset: DOGE, window: 60m,
     observations: [{source: bybit, value: 1200}, {source: coinank, value: 1900}]}
""", eid="told-twice", windows="24h, 7d, 1h, 60m")
    assert md.count("the exchange feed is down") == 1, md
    assert len(re.findall(r"higher figure (?:for [^,]*)?comes from Bybit|higher figure comes from Bybit", md)) <= 1, md


def test_a_second_estimate_from_the_same_model_does_not_repeat_its_method():
    """Two pressure zones from one provider's heat map printed the same long caveat, method and all, twice in a row;
    the second says it is another estimate of potential liquidations from the same provider."""
    md = draft("""
  - {id: below, metric: pressure_zone, unit: USD, side: long, direction: below, status: estimate, asset: BTC, price_level: 80000,
     note: projected from liquidation heat maps, observations: [{source: coinglass, value: 286000000}]}
  - {id: above, metric: pressure_zone, unit: USD, side: short, direction: above, status: estimate, asset: BTC, price_level: 85000,
     note: projected from liquidation heat maps, observations: [{source: coinglass, value: 698000000}]}
""", eid="estimate-again")
    assert md.count("projected from liquidation heat maps") == 1, md
    assert "another estimate of potential, not realised, liquidations modelled by CoinGlass" in md, md


@pytest.mark.parametrize("phrase, names, own, number", [
    ("two funds", (), False, "many"), ("the three largest desks", (), False, "many"), ("12 wallets", (), False, "many"),
    ("several market makers", (), False, "many"), ("a handful of whales", (), False, "many"), ("people on the desk", (), False, "many"),
    ("the GMCI 30 index", (), False, "one"), ("a fund", (), False, "one"), ("@liq_bot", (), False, "one"), ("the sell-off", (), False, "one"),
    ("Kraken Derivatives", ("kraken derivatives",), False, "one"), ("the Kraken Derivatives", ("kraken derivatives",), False, "one"),
    ("Kraken Derivatives", (), False, ""), ("spot ETFs", (), False, ""), ("market data", (), False, ""),
    ("liquidations", (), True, "many"), ("liquidation orders", (), True, "many"), ("the number of users", (), True, "one"),
    ("trading volume", (), True, "one"), ("the loss attributed to", (), True, "one"), ("the loss linked to", (), True, "one"),
])
def test_a_phrases_number_is_read_from_what_it_says(phrase, names, own, number):
    from writer.draft.agreement import number_of

    assert number_of(phrase, names=frozenset(names), own_words=own) == number


@pytest.mark.parametrize("subject, source, expect", [
    ("two funds", "binance", "two funds are estimated at"),
    ("several OTC desks", "binance", "several OTC desks are estimated at"),
    ("the GMCI 30 index", "binance", "the GMCI 30 index is estimated at"),
    # a registry name ending in "s" is one thing; a plural-looking subject nothing decides gets no verb to agree
    ("The Hodler News", "hodler-news", "The Hodler News is estimated at"),
    ("spot ETFs", "binance", "the figure for spot ETFs over the past 24 hours is"),
])
def test_a_verb_agrees_with_a_subject_of_any_number_or_is_not_needed(subject, source, expect):
    """"two funds is estimated at": the verb after a figure's subject agrees with it where its words or the registry
    say its number, and the sentence needs no agreeing verb where they do not."""
    md = draft(f"""
  - {{id: mc, metric: market_cap, unit: USD, subject: {subject}, window: 24h, status: estimate, observations: [{{source: {source}, value: 52000000000}}]}}
""", eid="agree-" + re.sub(r"[^a-z0-9]+", "-", subject.lower()).strip("-"))
    assert expect in md.replace("\n", " ").replace(f"{expect[0].upper()}{expect[1:]}", expect), md
    assert not re.search(r"\b(?:funds|desks|ETFs) is\b|\bindex are\b|News are\b", md), md


def test_a_realised_estimate_of_liquidations_takes_a_plural_verb():
    md = draft("""
  - {id: est, metric: liquidations, unit: USD, window: 24h, status: estimate, observations: [{source: binance, value: 900000000}]}
""", eid="agree-realised")
    assert "liquidations over 24 hours lies" not in md, md
    assert re.search(r"liquidations over 24 hours lie at", md), md


@pytest.mark.parametrize("fact, said, never", [
    # a bound after a verb of change measures a distance
    ("{id: pc, metric: price_change, unit: percent, asset: BTC, window: 24h, observations: [{source: coinglass, value: -20, hedge: over}]}",
     "bitcoin fell more than 20% over", "fell over 20% over"),
    # a count or an amount moves "by"; a percentage does not
    ("{id: uc, metric: user_count_change, unit: count, window: 24h, observations: [{source: coinglass, value: -554}]}",
     "the number of users fell by 554 over the past 24 hours", "fell 554"),
    ("{id: pc, metric: price_change, unit: percent, asset: ETH, window: 24h, observations: [{source: coinglass, value: 4.5}]}",
     "ether rose 4.5% over", "rose by 4.5%"),
    # what a change measures goes before the change, its window after it
    ("{id: oc, metric: open_interest_change, unit: USD, window: 24h, observations: [{source: coinglass, value: -2000000000}]}",
     "open interest fell by $2 billion over the past 24 hours", "open interest over 24 hours fell"),
    # an asset goes where the noun's head begins, not before its own adjectives
    ("{id: hp, metric: historical_liquidations, unit: USD, asset: PEPE, observations: [{source: coinglass, value: 30000000}]}",
     "the previous PEPE peak used for comparison", "the PEPE previous peak"),
])
def test_a_change_and_its_noun_read_as_a_desk_writes_them(fact, said, never):
    md = draft(f"\n  - {fact}\n", eid="desk-" + re.sub(r"[^a-z0-9]+", "-", said.lower()).strip("-")[:60])
    flat = " ".join(md.split())
    assert said in flat or said[0].upper() + said[1:] in flat, md
    assert never not in flat and never[0].upper() + never[1:] not in flat, md


def test_a_side_and_asset_go_inside_a_noun_that_marks_their_place():
    from writer.draft.layer import Render
    from writer.draft.style import load_style

    event = event_from_text(HEAD.format(eid="slot-test", coverage="a dozen venues", windows="24h") + """
  - {id: big, metric: largest_single_liquidation, unit: USD, side: long, asset: BTC, observations: [{source: coinglass, value: 98000000}]}
""", "slot-test.yaml", REGISTRY)
    render = Render(event, load_style(ROOT / "templates" / "style.yaml"), [], {}, {})
    words = "".join(p.text for p in render.describe(event.facts["big"]))
    assert words == "the largest single long BTC liquidation", words


def test_an_aside_in_a_subject_is_closed_before_its_verb_and_a_change_gives_its_window_before_its_ends():
    md = draft("""
  - {id: mc, metric: market_cap, unit: USD, subject: "the whole token market, at its morning high", observations: [{source: coinglass, value: 2550000000000}]}
  - {id: ff, metric: fund_flow, unit: USD, subject: "two spot funds, on their first day", change: inflow, observations: [{source: coinglass, value: 70000000}]}
""", eid="aside-test")
    flat = " ".join(md.split())
    assert "the whole token market, at its morning high, stood at" in flat.replace("The whole", "the whole"), md
    assert "two spot funds, on their first day, drew net inflows" in flat.replace("Two spot", "two spot"), md
    assert ",," not in md and ",." not in md, md


def test_a_ratio_the_desk_works_out_is_rounded_as_a_newsroom_rounds_and_a_sources_keeps_its_digits():
    """380 against 32 is 11.875 to 1: printed "about 12 to 1" (two figures: the totals' own rounding carries no
    more), where a provider's own long/short ratio of 2.63 stays 2.63; the round trip accepts both."""
    from writer.draft import numbers

    assert numbers.ratio(7.99, ours=True).text == "8 to 1" and numbers.ratio(7.99, ours=True).approx
    assert numbers.ratio(1.08, ours=True).text == "1.1 to 1" and numbers.ratio(26.4, ours=True).text == "26 to 1"
    assert numbers.ratio(7.99).text == "7.99 to 1"
    md = draft("""
  - id: short_24h
    metric: liquidations
    unit: USD
    window: 24h
    side: short
    observations: [{source: coinglass, value: 32000000}]
  - id: ls
    metric: long_short_position_ratio
    unit: ratio
    window: 24h
    observations: [{source: coinank, value: 2.63}]
""")
    assert "about 12 to 1 of long liquidations" in md and "11.9 to 1" not in md
    assert "2.63 to 1" in md


def test_one_assets_levels_crossed_both_ways_from_one_source_make_one_sentence_without_invented_reasons():
    """"bitcoin rose above $95,000 and fell below $89,000" ("and": the facts do not say which came first); a level
    from another source keeps its own sentence; no reason the facts do not give ("where stops had gathered")."""
    md = draft("""
  - {id: up, metric: price_level, unit: USD, asset: BTC, direction: above, observations: [{source: coinmarketcap, value: 95000}]}
  - {id: down, metric: price_level, unit: USD, asset: BTC, direction: below, observations: [{source: coinmarketcap, value: 89000}]}
  - {id: eth_down, metric: price_level, unit: USD, asset: ETH, direction: below, observations: [{source: coingecko, value: 3100}]}
""")
    assert "bitcoin rose above $95,000 and fell below $89,000." in md
    assert re.search(r"ether fell below \$3,100\.", md, re.I) and "rose above $95,000 and fell below $3,100" not in md
    assert "stops had gathered" not in md and "treated as a ceiling" not in md


# A range's ends are rounded at one place value (numbers.range_ends): the high end of a range is never
# rounded more coarsely than the low end, so it never lands further beyond the source than the low end's
# last digit allows.
def test_a_range_high_end_is_not_rounded_outward_at_a_coarser_place():
    from writer.draft import numbers

    low, high = numbers.money_range(9749, 10251)
    assert (low.text, high.text) == ("$9,750", "$10,250")  # not "$10,300": 49 beyond the source's end


@pytest.mark.parametrize("lo, hi", [(9749, 10251), (99_949, 100_051), (909_123, 1_181_999), (148.6e6, 191.4e6), (1_234, 9_876),
                                    (9_996, 10_951), (96_501, 1_049_999)])
def test_no_range_end_is_carried_outward_beyond_half_the_low_ends_last_digit(lo, hi):
    from decimal import Decimal

    from writer.draft import numbers

    r_lo, r_hi = numbers.range_ends(lo, hi)
    low_digit = Decimal(1).scaleb(Decimal(repr(float(lo))).adjusted() - numbers.SIG_FIGS + 1)
    assert r_hi - Decimal(repr(float(hi))) <= low_digit / 2
    assert Decimal(repr(float(lo))) - r_lo <= low_digit / 2
    assert r_lo <= r_hi


def test_ends_a_hundredfold_apart_keep_their_own_rounding():
    from writer.draft import numbers

    low, high = numbers.money_range(1.5e6, 2_400_123_456)
    assert (low.text, high.text) == ("$1.5 million", "$2.4 billion")


def test_a_dominance_naming_no_part_says_only_what_is_true():
    bare = draft("""
  - id: who_bore
    metric: dominance
    unit: none
    observations: [{source: coinglass}]
""")
    assert "one part of the market" not in bare and "heaviest losses fell on" not in bare
    worded = draft("""
  - id: who_bore
    metric: dominance
    unit: none
    observations: [{source: coinglass, reading: lopsided all day}]
""")
    assert "the losses were concentrated, not spread evenly (its words: “lopsided all day”)" in worded, worded
    assert "one part of the market" not in worded


def test_a_share_naming_no_part_says_the_report_does_not_name_it():
    md = draft("""
  - id: part_share
    metric: liquidation_share
    unit: percent
    window: 24h
    observations: [{source: coinglass, value: 45}]
""")
    assert "one part of the market made up" not in md.lower()
    assert re.search(r"a single part of the market, which the report does not name, made up 45% of the liquidations", md, re.IGNORECASE), md


def _own(text: str, eid: str) -> str:
    """A draft (with the check's round trip) of an event written out in full."""
    return checked_drafter().draft(event_from_text(text.format(eid=eid), f"{eid}.yaml", REGISTRY)).markdown


def test_one_venues_split_does_not_make_the_markets_shape():
    md = _own("""
id: {eid}
as_of: 2026-12-02T09:00:00+00:00
windows: [4h, 24h]
facts:
  - id: total_24h
    metric: liquidations
    unit: USD
    window: 24h
    observations: [{{source: coinglass, value: 395000000}}]
  - id: venue_4h
    metric: liquidations
    unit: USD
    window: 4h
    venue: bybit
    status: official
    observations: [{{source: bybit, value: 212000000}}]
  - id: venue_long_4h
    metric: liquidations
    unit: USD
    window: 4h
    venue: bybit
    side: long
    status: official
    observations: [{{source: bybit, value: 180000000}}]
""", "venue-split-only")
    assert "washout" not in md.lower()  # the market's split is unknown: no long washout is claimed
    assert re.search(r"on Bybit, longs took most of the losses|On Bybit's own books the long side took most", md), md
    assert "one exchange" in md  # and says whose split it is


def test_an_altcoin_moving_alone_is_told_as_its_own_move_and_a_narrow_range_is_not_wide():
    md = draft("""
  - id: sol_up
    metric: price_change
    unit: percent
    window: 24h
    asset: SOL
    change: rise
    observations: [{source: coinmarketcap, value: 18.4}]
  - id: btc_flat
    metric: price_change
    unit: percent
    window: 24h
    asset: BTC
    change: rise
    observations: [{source: coinmarketcap, value: 0.6}]
""", eid="alt-alone")
    assert re.search(r"The move was Solana's own|bitcoin held roughly steady while Solana", md), md
    narrow = draft("""
  - id: up
    metric: price_level
    unit: USD
    asset: BTC
    direction: above
    observations: [{source: coinmarketcap, value: 94800}]
  - id: down
    metric: price_level
    unit: USD
    asset: BTC
    direction: below
    observations: [{source: coinmarketcap, value: 91200}]
""", eid="narrow-range")
    assert "a lot of ground" not in narrow and "A range that wide" not in narrow
    assert re.search(r"The range itself was not wide|not far apart", narrow), narrow


def test_market_readings_name_each_source_once_per_run():
    md = draft("""
  - id: a_flow
    metric: fund_flow
    unit: USD
    subject: spot bitcoin funds
    change: outflow
    observations: [{source: the-block, value: 133300000}]
  - id: b_cap
    metric: market_cap
    unit: USD
    observations: [{source: coingecko, value: 2500000000000}]
  - id: a_cap_change
    metric: market_cap_change
    unit: USD
    window: 24h
    change: fall
    observations: [{source: the-block, value: 60000000000}]
""", eid="runs")
    para = next(p for p in md.split("\n\n") if "spot bitcoin funds" in p)
    assert para.count("The Block") == 1, para  # its two readings told together, under one attribution


def test_a_gap_alone_is_not_called_a_circulating_claim():
    md = draft("""
  - id: okx_gap
    metric: liquidations
    unit: USD
    window: 24h
    venue: okx
    status: unavailable
    reason: OKX has not published its own count
""", eid="gap-only")
    assert "circulate without a verifiable source" not in md


def test_a_move_on_one_venue_names_the_venue_and_one_assets_moves_name_it_once():
    """A price change recorded on one exchange (no window) beside the asset's market-wide moves: without "on Bybit"
    the figure reads as the market-wide move of another window (P006 in the draft's own check)."""
    md = draft("""
  - id: xrp_7d
    metric: price_change
    unit: percent
    asset: XRP
    window: 7d
    change: rise
    observations: [{source: coinmarketcap, value: 47.9}]
  - id: xrp_24h
    metric: price_change
    unit: percent
    asset: XRP
    window: 24h
    change: rise
    observations: [{source: coinmarketcap, value: 15.63}]
  - id: xrp_bybit
    metric: price_change
    unit: percent
    asset: XRP
    venue: bybit
    change: rise
    observations: [{source: coinmarketcap, value: 3.41}]
""", windows="24h, 7d")
    assert re.search(r"3\.4% on Bybit", md)
    sentence = next(line for line in md.splitlines() if "3.4%" in line)
    assert sentence.count("XRP rose") == 1, sentence


def test_a_context_item_from_a_source_named_by_a_definite_description_drafts(tmp_path):
    """A registry source called "the Fed's press release" (described): its context item drafts, credited as one
    source in plain grammar, and passes the draft's own check; a from/to pair in another item is credited whole."""
    from writer.factbase.loader import load_registry as load

    registry = tmp_path / "sources.yaml"
    registry.write_text((ROOT / "factbase" / "sources.yaml").read_text()
                        + "  - {id: fed-release, name: the Fed's press release, kind: media, described: true}\n"
                        + "  - {id: cme, name: CME Group, kind: exchange}\n")
    extra = """
context:
  - id: target
    kind: macro
    text: the Fed's press release set out steps to bring inflation back to 2%
    sources: [fed-release]
  - id: odds
    kind: macro
    text: futures-implied odds of a further rate rise went from 10% to 13.5%
    sources: [cme]
"""
    event = event_from_text(HEAD.format(eid="definite", coverage="a dozen venues", windows="24h") + extra,
                            "definite.yaml", load(registry))
    md = checked_drafter().draft(event).markdown
    assert "a single source, the Fed's press release" in md and "single-source the" not in md
    assert "from 10% to 13.5%" in md


# --- eleventh round: desk drafts of new stories (dev6), each fixed at its cause ------------------------------


def test_a_context_item_of_several_figures_ending_on_one_is_credited_whole():
    """A bracketed credit right after the last of an item's figures credits that figure alone (the check's reading):
    the credit follows the item as a clause, and the draft passes its own check."""
    md = draft("""
context:
  - id: spot_share
    kind: market
    text: Kraken handles about 12% of spot volume, Bitstamp 4.5%
    sources: [coinmarketcap]
""", eid="several-figures")
    line = next(line for line in md.splitlines() if "Bitstamp 4.5%" in line)
    assert "4.5% (" not in line and "Bitstamp 4.5%, " in line and "CoinMarketCap" in line


def test_a_quote_of_two_sentences_closes_once_and_its_figure_is_the_quotes():
    """Verbatim words ending on a full stop close the sentence inside the quotation marks (no ".\u201d."), and a
    figure in the quotation's second sentence, after a bare role, is credited to the speaker by the check."""
    md = draft("""
  - id: one_venue
    metric: liquidation_share
    unit: percent
    share_of: the night's liquidations
    observations: [{source: ben-zhou, value: 70}]
quotes:
  - id: night
    speaker: Ben Zhou
    role: exchange founder
    channel: on X
    words: A rough night for leverage. 70% of it sat on one venue.
  - id: calm
    speaker: Ben Zhou
    words: Margins held up
""", eid="two-sentence-quote")
    assert "one venue.\u201d\n" in md and ".\u201d." not in md
    assert "said: \u201cMargins held up\u201d." in md  # words with no stop of their own still end the sentence


def test_a_venues_daily_volume_is_told_as_volume_not_liquidations():
    md = draft("""
  - id: okx_volume
    metric: volume
    unit: USD
    venue: okx
    window: 24h
    per: day
    observations: [{source: coinmarketcap, value: 9000000000}]
""", eid="daily-volume")
    line = next(line for line in md.splitlines() if "$9 billion" in line)
    assert "volume" in line and "liquidations of an average" not in line


def test_liquidations_of_assets_counted_together_are_no_market_total():
    """An XRP-and-SOL figure is a part: it never heads the story as the market's total, nor carries the longs."""
    event = event_from_text("""
id: assets-together
as_of: 2026-11-24T12:00:00+00:00
windows: [24h]
facts:
  - id: long_24h
    metric: liquidations
    unit: USD
    window: 24h
    side: long
    observations: [{source: coinglass, value: 500000000}]
  - id: xrp_sol
    metric: liquidations
    unit: USD
    window: 24h
    assets: [XRP, SOL]
    observations: [{source: coinglass, value: 60000000}]
""", "assets-together.yaml", REGISTRY)
    md = checked_drafter().draft(event).markdown
    headline = next(line for line in md.splitlines() if line.startswith("# "))
    assert "$500 million" in headline and "$60 million" not in headline
    assert "of which" not in md


def test_a_level_lost_is_not_said_to_be_won_back_when_prices_are_told_at_several_times():
    """Several undirected prices of one asset (a session told price by price, with no times) say nothing of which is
    the latest: the outlook does not claim the lost level was won back."""
    md = draft("""
  - id: lost
    metric: price_level
    unit: USD
    asset: BTC
    direction: below
    observations: [{source: coinglass, value: 5700}]
  - id: early
    metric: price_level
    unit: USD
    asset: BTC
    observations: [{source: coinglass, value: 7300}]
  - id: late
    metric: price_level
    unit: USD
    asset: BTC
    observations: [{source: coinglass, value: 3900}]
""", eid="several-prices")
    assert "won back" not in md.replace("Won back quickly", "") and "already back above" not in md


def test_the_data_section_calls_a_dollar_total_without_a_window_a_figure_not_a_count():
    event = event_from_text("""
id: no-window
as_of: 2026-11-24T12:00:00+00:00
facts:
  - id: total
    metric: liquidations
    unit: USD
    observations: [{source: coinglass, value: 700000000}]
""", "no-window.yaml", REGISTRY)
    md = checked_drafter().draft(event).markdown
    assert "The count comes without a window" not in md and "headline figure here rests" not in md
