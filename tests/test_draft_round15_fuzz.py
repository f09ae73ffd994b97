"""Faults the long any-event runs of round fifteen found (bench/fuzz_draft_new_kinds.py, bench/results/fuzz_round15.md),
each as a small event of our own that drafts and passes its own check. Each test fails without its fix."""

from __future__ import annotations

import re

from link_support import codes, event, links_of
from test_draft_any_event import drafter, mislinked, registry
from test_draft_any_event import test_every_valid_event_drafts_and_passes_its_own_check as _property
from writer.factbase.loader import event_from_text


def _event(facts: str, eid: str = "found15"):
    return event_from_text(f"id: {eid}\nas_of: 2026-12-01T12:00:00+00:00\nfacts:\n{facts}", f"{eid}.yaml", registry())


def _body(draft) -> str:
    return draft.markdown.split("---\n", 2)[2]


def test_a_labelled_level_ends_its_sentence_before_the_next_one_opens():
    """A price level told by its label ("the weekend low stood at ...") ended without a line break
    (templates/sections/context.md.j2), so the next level's sentence was glued to it ("... 60 minutes.according to
    ..."): the check read both as one sentence, the first one's window as the second figure's (P012)."""
    ev = _event("""\
  - {id: high, metric: price_level, unit: USD, asset: ETH, window: 1h, label: the weekend high, status: single_source,
     observations: [{source: coinglass, value: 3105}]}
  - {id: sol, metric: price_level, unit: USD, asset: SOL, window: 2w, venue: okx, status: unnamed_group,
     observations: [{source: public-data, value: 127, hedge: at_least}]}
""")
    draft = drafter().draft(ev)  # glued "... over the past hour.according to ..." before
    body = _body(draft)
    assert "the weekend high stood at $3,105 over the past hour. According to public data" in body
    assert not re.search(r"[a-z]\.[A-Za-z]", body), body  # no sentence glued to the one before
    _property.hypothesis.inner_test(ev)


def test_a_labelled_figure_names_its_venue():
    """A label replaces the figure's description, but not its venue: "liquidations on the main perpetual stood at
    0.0004" named no venue, and the check read it as another fact of the same value with none (mislinked)."""
    ev = _event("""\
  - {id: perp, metric: event_count, unit: count, venue: hyperliquid, window: 1m, label: halts on the main perpetual,
     observations: [{source: coinglass, value: 4, hedge: around}]}
  - {id: halts, metric: event_count, unit: count, window: 1m, subject: the big venues,
     observations: [{source: coinglass, value: 4}, {source: data-platforms, value: 4}]}
""")
    draft = drafter().draft(ev)
    assert "halts on the main perpetual on Hyperliquid" in _body(draft)
    assert not mislinked(ev, draft)
    _property.hypothesis.inner_test(ev)


def test_a_label_that_names_its_venue_does_not_name_it_twice():
    ev = _event("""\
  - {id: perp, metric: event_count, unit: count, venue: okx, window: 4h, label: halts on the OKX perpetual,
     observations: [{source: coinglass, value: 41}]}
""")
    body = _body(drafter().draft(ev))
    assert "halts on the OKX perpetual" in body and "perpetual on OKX" not in body


# Two facts carrying one note with a figure: the check reads the note's figure as free text of each (linking.supports_of).
_NOTE_TWICE = """
facts:
  - {id: hours, metric: duration, unit: hours, subject: the halt, observations: [{source: coinglass, value: 7}]}
  - {id: users, metric: user_count, unit: count, note: 'BTC fell below $90,000 on Friday', observations: [{source: coinglass, value: 3}]}
  - {id: days, metric: duration, unit: days, subject: the freeze, note: 'BTC fell below $90,000 on Friday', status: unnamed_group,
     observations: [{source: public-data, value: 2}]}
"""


def test_a_note_held_twice_is_the_copy_of_the_source_its_run_names():
    """In a run opened by CoinGlass, a sentence with no source of its own prints a note that a CoinGlass fact and a
    group's fact both hold: the note is CoinGlass's (the run's), not the group's, which no sentence names (P011 before:
    the copy penalty took the run's bonus from both copies, and the words' score twice from the run's copy)."""
    ev = event(_NOTE_TWICE)
    text = ("On single-source data from CoinGlass, the halt lasted 7 hours. The number of users stood at 3,"
            " BTC fell below $90,000 on Friday.")
    assert ("$90,000", "text:users", "supported") in links_of(ev, text)
    assert "P011" not in codes(ev, text)


def test_a_note_held_twice_is_still_the_copy_its_sentence_names():
    """The run's tie-break decides between copies the sentence names none of: a copy whose source the sentence
    itself names comes first, whatever the run's opening named (an unsourced copy still comes before a sourced one
    the sentence does not name: _RUN_COPY is less than the copy penalty; tests/test_check_link_quotes.py)."""
    ev = event(_NOTE_TWICE)
    named = ("On single-source data from CoinGlass, the halt lasted 7 hours. According to public data, not named"
             " individually, BTC fell below $90,000 on Friday.")
    assert ("$90,000", "text:days", "supported") in links_of(ev, named)


_TWO_SHARES = """
facts:
  - {id: oi, metric: open_interest_share, unit: percent, asset: ETH, window: 2d, observations: [{source: coinglass, value: 40}]}
  - {id: vol, metric: volume_share, unit: percent, asset: ETH, window: 2d, observations: [{source: coinglass, value: 40}]}
"""


def test_of_two_shares_alike_but_for_their_metric_the_words_pick_theirs():
    """"share" names both shares, so each scored its metric once and the first fact won the tie: "the share of ETH trading
    volume ... 40%" was read as the open-interest share (mislinked; corners seed 77). The metric with more of its own
    phrases in the figure's clause comes first (linking ``_metric_words``), a tie-break only."""
    ev = event(_TWO_SHARES)
    text = ("According to CoinGlass, the share of ETH open interest over 2 days stood at 40%."
            " According to CoinGlass, the share of ETH trading volume over 2 days stood at 40%.")
    assert [(f, s) for f, s, _ in links_of(ev, text)] == [("40%", "oi"), ("40%", "vol")]
    head, oi, vol = _TWO_SHARES.rstrip("\n").split("\n  - ")
    reverse = event("\n  - ".join([head, vol, oi]) + "\n")
    assert [s for _, s, _ in links_of(reverse, text)] == ["oi", "vol"]  # whichever fact comes first
    draft = drafter().draft(_event(_TWO_SHARES.split("facts:\n", 1)[1]))
    assert not mislinked(_event(_TWO_SHARES.split("facts:\n", 1)[1]), draft)


def test_a_change_of_one_holders_liquidations_names_the_holder():
    """Two falls in liquidations alike but for whose they were: the change sentence printed no subject ("Liquidations
    fell by several thousand dollars ..."), so the check linked the first sentence's figure to either (mislinked;
    corners seed 166). The holder is printed after the venue (templates/sections/figures.md.j2)."""
    facts = """\
  - {id: desk, metric: liquidations_change, unit: USD, window: 12h, subject: a Singapore market maker, change: fall,
     status: estimate, observations: [{source: data-platforms, magnitude: several_thousand}]}
  - {id: fund, metric: liquidations_change, unit: USD, window: 12h, subject: a Cayman fund, change: fall,
     status: estimate, observations: [{source: data-platforms, magnitude: several_thousand}]}
"""
    ev = _event(facts)
    draft = drafter().draft(ev)
    body = _body(draft)
    assert "liquidations linked to a Singapore market maker fell" in body, body
    assert "Liquidations linked to a Cayman fund fell" in body, body
    assert not mislinked(ev, draft)
    _property.hypothesis.inner_test(ev)
    venue = _event("""\
  - {id: okx, metric: liquidations_change, unit: percent, window: 2d, venue: okx, subject: a Cayman fund,
     observations: [{source: coinglass, value: -35}]}
""")
    assert "on OKX linked to a Cayman fund fell" in _body(drafter().draft(venue))


def test_a_claimed_price_level_says_its_direction():
    """A rumoured level below which the price fell, printed as "puts the SOL price level ... at $X", was read as a
    rumoured market-cap change of the same value and asset (mislinked; new_kinds seed 166): the level's direction is
    what tells them apart, and the claim now says it ("puts ... below $X", templates/sections/rumors.md.j2)."""
    facts = """\
  - {id: cap, metric: market_cap_change, unit: USD, asset: SOL, status: rumor, observations: [{source: x-posts, value: 52000000}]}
  - {id: floor, metric: price_level, unit: USD, asset: SOL, window: 1h, direction: below, status: rumor,
     observations: [{source: x-posts, value: 52000000, hedge: about}]}
"""
    ev = _event(facts)
    draft = drafter().draft(ev)
    assert re.search(r"puts the SOL price level [^.]*below about \$52 million", _body(draft)), _body(draft)
    assert not mislinked(ev, draft)
    _property.hypothesis.inner_test(ev)
    up = _event(facts.replace("direction: below", "direction: above"))
    assert re.search(r"SOL price level [^.]*above about \$52 million", _body(drafter().draft(up)))
    # a subject that says the direction itself keeps "at": never "the level above which ... above $X"
    said = _event(facts.replace("direction: below,", "direction: above, subject: the level above which most traders are long,"))
    assert "the level above which most traders are long at about $52 million" in _body(drafter().draft(said))


def test_a_per_asset_figure_of_several_venues_names_them_and_a_worded_exchange_is_no_venue():
    """A DOGE figure shown on each of three venues went to the per-asset section, which prints no venue, and the
    exchange that gave only words ("(Bitfinex gave no figure: ...)") was read as its venue (P012; new_kinds seed 167).
    Such a figure is told where its venues are (writer/draft/view.py), and an exchange that gave the fact words only is
    one of its sources, never its venue (writer/check/linking.py ``_near_venues``)."""
    facts = """\
  - {id: doge, metric: liquidations, unit: USD, asset: DOGE, window: 4h, venues: [bybit, okx], each: true,
     observations: [{source: data-platforms, magnitude: tens_of_millions}, {source: htx, reading: the bulk of it}]}
"""
    ev = _event(facts)
    draft = drafter().draft(ev)
    body = _body(draft)
    assert "HTX gave no figure" in body and "on each of Bybit and OKX" in body, body
    _property.hypothesis.inner_test(ev)
    # the check alone, on a sentence of our own: the worded exchange is no venue; a venue the fact lacks still is
    sentence = ("According to data platforms, not named individually (HTX gave no figure: “the bulk of it”), DOGE"
                " liquidations on each of Bybit and OKX over 4 hours came to tens of millions of dollars.")
    assert "P012" not in codes(ev, sentence)
    assert "P012" in codes(ev, sentence.replace("on each of Bybit and OKX", "on Binance"))
