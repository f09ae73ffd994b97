"""A name right after a reporting verb is its speaker only when the verb is inverted ("..., said OKX"; "“...”, says
Lee"): a verb with a subject of its own has the reported clause after it, and that clause's subject is what the
figure is about, not who reports it ("One post says OKX Futures fell ...", "Traders said OKX recorded ...").
``analysis.attributive`` reads this once for every rule that asks who is credited (P002, P008, P011). Every sentence
here is ours.
"""

from __future__ import annotations

import pytest

from link_support import codes, event, links_of

_VENUE = """facts:
  - {id: okx_4h, metric: liquidations, unit: USD, window: 4h, venue: okx, observations: [{source: coinglass, value: 12M}]}
"""


@pytest.mark.parametrize("text, p008", [
    # the name after the verb is the reported clause's subject: the venue, not a source
    ("Traders said OKX recorded $12 million of liquidations over 4 hours, CoinGlass data show.", False),
    ("One desk's note says OKX saw $12 million of positions liquidated over 4 hours, per CoinGlass.", False),
    ("CoinGlass said OKX liquidated $12 million of positions over 4 hours.", False),
    # an inverted verb: the name is its speaker, and not the figure's source (the must-fail side)
    ("OKX liquidated $12 million of positions over 4 hours, said Hyblock.", True),
    ("\u201cOKX liquidated $12 million of positions over 4 hours,\u201d says Hyblock.", True),
    ("Hyblock said OKX liquidated $12 million of positions over 4 hours.", True),
])
def test_a_reported_clauses_subject_is_no_source(text, p008):
    assert ("P008" in codes(event(_VENUE), text)) is p008


_CLAIM = """facts:
  - id: flow
    metric: fund_flow
    unit: USD
    subject: Bybit Futures
    status: rumor
    observations: [{source: lookonchain, value: 7.5M}]
"""


@pytest.mark.parametrize("text, p008", [
    ("One post says Bybit Futures took in $7.5 million, an unverified claim circulating on X.", False),
    ("A rumour on X, unverified, says Lookonchain saw Bybit Futures take in $7.5 million.", False),
    # the must-fail side: the subject named as the claim's speaker
    ("Bybit Futures took in $7.5 million, says Bybit, an unverified claim circulating on X.", True),
])
def test_a_claims_subject_named_like_a_source(text, p008):
    assert ("P008" in codes(event(_CLAIM), text)) is p008


_TWO_SPEAKERS = """facts:
  - {id: total, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 900M}]}
quotes:
  - {id: plain, speaker: a trader, words: "Longs lost $70 million before lunch", channel: on X, source: htx}
  - {id: named, speaker: Lee, role: a trader at a fund, words: "Longs lost $70 million before lunch", channel: on X, source: htx}
"""


def test_of_two_speakers_of_the_same_words_the_one_named_first_speaks():
    """Two quotes of the same words, one by "a trader", one by Lee whose role is "a trader at a fund": "Lee, a trader at
    a fund, said ..." names both, and Lee (named first) is the speaker; the other speaker's words sit in Lee's role (the
    any-event fuzz, seed 65, gen-130: P008 on a draft). "A trader said ..." still speaks for the first quote."""
    ev = event(_TWO_SPEAKERS)
    said = "said on X, according to HTX: \u201cLongs lost $70 million before lunch\u201d."
    assert [link for _, link, _ in links_of(ev, "Lee, a trader at a fund, " + said)] == ["quote:named"]
    assert "P008" not in codes(ev, "Lee, a trader at a fund, " + said)
    assert [link for _, link, _ in links_of(ev, "A trader " + said)] == ["quote:plain"]
