"""Fact mode on readings met in the fourteenth round's check of unseen stories (test12), each a mechanism of its own,
and the words of a caveat the fact file gives (P008). Every sentence and fact file here is ours."""

from __future__ import annotations

import pytest

from link_support import checker, codes, event

# --- a caveat's own words: a name inside them is part of what the caveat says, not the figure's credit (P008)

_CAVEAT = """facts:
  - {{id: total, metric: liquidations, unit: USD, window: 24h, observations: [{{source: coinglass, value: 310M}}]}}
caveats:
  - id: cap
    text: {text}
    sources: [the-block]
"""

_CAVEATS = [
    "the public feed of OKX shows at most one liquidation per second for each contract",
    "Bybit figures cover perpetual swaps only, so they miss about 12% of forced orders",
    "a second tally, from Binance, put the window at 2,400 accounts",
]


@pytest.mark.parametrize("text", _CAVEATS)
def test_a_name_inside_a_caveats_own_words_is_not_its_credit(text):
    sentence = f"One caveat applies: {text} (according to a single source, The Block)."
    assert not codes(event(_CAVEAT.format(text=text)), sentence) & {"P008", "P002"}


@pytest.mark.parametrize("text, sentence", [
    (_CAVEATS[0], "According to CoinAnk, {text}."),
    (_CAVEATS[1], "Lookonchain data show that {text}."),
    (_CAVEATS[2], "As Decrypt reported, {text}."),
])
def test_a_name_outside_the_caveats_words_is_still_a_wrong_source(text, sentence):
    assert "P008" in codes(event(_CAVEAT.format(text=text)), sentence.format(text=text))


@pytest.mark.parametrize("text", [
    "exchanges report at most one liquidation per second, so their counts run low by 40%",
    "the tracker covers 82% of open interest and misses about $2.1 billion",
    "one feed dropped 9,000 orders worth $45 million",
])
def test_a_credit_after_an_items_last_figure_is_the_whole_items(text):
    """An item's words with two figures, credited once after them: the parenthesis follows the last figure, and
    reaches back to the figures of the same words (a parenthesis after a later figure reaches no other figure)."""
    ev = event(_CAVEAT.format(text=text))
    assert "P002" not in codes(ev, f"A caveat: {text} (according to a single source, The Block).")
    assert "P002" in codes(ev, f"A caveat: {text}.")


# --- a rumour told as hearsay with no one named: not stated as fact, but still asked where it circulates (P003)

_RUMOUR = """facts:
  - {id: whale_gain, metric: trader_loss, unit: USD, status: rumor, observations: [{source: x-posts, value: 31M}]}
"""


@pytest.mark.parametrize("text", [
    "Three wallets reportedly lost $31 million on the squeeze.",
    "A fund is said to have lost $31 million on the squeeze.",
    "The desk was exposed for losing $31 million on the squeeze (a sum nobody disputes) and for hiding it.",
    "One trader allegedly lost $31 million on the squeeze.",
])
def test_hearsay_with_no_one_named_is_not_stated_as_fact_but_asks_where_it_circulates(text):
    found = [f for f in checker().check_text("---\nevent: case\n---\n\n" + text + "\n", event=event(_RUMOUR)) if f.code == "P003"]
    assert found and all("say where it circulates" in f.message for f in found), [f.message for f in found]


@pytest.mark.parametrize("text", [
    "Three wallets lost $31 million on the squeeze.",
    "Reports aside, three wallets lost $31 million on the squeeze.",
    # the hedge's own clause ends at its comma: the figure's clause is stated plainly
    "Whales reportedly piled in early, and three wallets lost $31 million on the squeeze.",
])
def test_a_rumour_without_hearsay_in_its_clause_is_still_stated_as_fact(text):
    found = [f for f in checker().check_text("---\nevent: case\n---\n\n" + text + "\n", event=event(_RUMOUR)) if f.code == "P003"]
    assert found and "states it as fact" in found[0].message


# --- a claim told as its own source's ("He alleged that", "Some users speculated that"): told and placed (P003)

_CLAIMS = """facts:
  - {id: wallets, metric: event_count, unit: count, subject: wallets that sold first, status: rumor, observations: [{source: cz, value: 14}]}
  - {id: share, metric: volume_share, unit: percent, status: rumor, observations: [{source: community-chatter, value: 40}]}
  - {id: total, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 310M}]}
"""


@pytest.mark.parametrize("text", [
    "CZ said on X that the sell-off was overdone. He alleged that 14 wallets had sold first.",
    "CZ alleged that 14 wallets had sold first.",
])
def test_a_claim_told_as_its_own_sources_is_told_and_placed(text):
    assert "P003" not in codes(event(_CLAIMS), text)


@pytest.mark.parametrize("group, text", [
    ("mainstream-sources", "Some mainstream sources speculated that 40% of the volume came from a few wallets."),
    ("market-analyses", "A few market analyses speculated that 40% of the volume came from a few wallets."),
    ("data-platforms", "Several data platforms speculated that 40% of the volume came from a few wallets."),
])
def test_a_rumours_group_named_in_its_sentence_says_where_it_circulates(group, text):
    """The group a rumour comes from, named as the subject of a word of rumour ("speculated"): the sentence says where
    it circulates, though the verb is no credit of data."""
    ev = event(_CLAIMS.replace("community-chatter", group))
    assert "P003" not in codes(ev, text)
    assert "P003" in codes(ev, text.split(" that ", 1)[1].capitalize())


@pytest.mark.parametrize("text", [
    "14 wallets had sold first.",
    "It turned out that 40% of the volume came from a few wallets.",
    "CoinGlass counted $310 million in liquidations; 14 wallets had sold first.",
])
def test_a_claim_with_no_claimant_is_still_flagged(text):
    assert "P003" in codes(event(_CLAIMS), text)


# --- a condition's threshold is no realised amount; whose view it is, the main clause says (P004)

_THRESHOLD = """facts:
  - {id: line, metric: price_level, unit: USD, asset: BTC, status: estimate, observations: [{source: ben-zhou, value: 115000}]}
"""


@pytest.mark.parametrize("text", [
    "Unless bitcoin gets back above $115,000 and holds there, Zhou sees more downside.",
    "If bitcoin fails to reclaim $115,000 this week, Ben Zhou expects another flush.",
    "Should bitcoin lose $115,000, Zhou warns, longs will be forced out.",
])
def test_a_threshold_in_a_condition_is_not_stated_as_realised(text):
    assert "P004" not in codes(event(_THRESHOLD), text)


@pytest.mark.parametrize("text", [
    "Bitcoin got back above $115,000 and held there.",
    "Bitcoin reclaimed $115,000, and Zhou sees more upside.",
    # a condition whose holder is not named: an estimate, but whose?
    "Unless bitcoin gets back above $115,000, more downside looms.",
])
def test_a_threshold_stated_or_of_no_one_is_still_flagged(text):
    assert "P004" in codes(event(_THRESHOLD), text)


# --- a sentence may open on a social handle: "@name said ..." is a sentence of its own

@pytest.mark.parametrize("text, n", [
    ("Bitcoin fell 4% on Friday. @trader_joe lost $2 million.", 2),
    ("Longs lost $300 million. @whale_watch flagged the move first.", 2),
    ("Funding flipped negative. \u201c@deskbot counted 40 halts.\u201d", 2),
    ("Email desk@example.com for the data.", 1),
])
def test_a_sentence_may_open_on_a_handle(text, n):
    from writer.check.sentences import split_sentences

    assert len(split_sentences(text)) == n


# --- of one fact's supports the value fits (its figure, the report's average of it), the credited one

_AVERAGED = """facts:
  - id: orders
    metric: liquidated_accounts
    unit: count
    per: order
    observations: [{source: coinfeather, value: 500, hedge: nearly}, {source: qcp-capital, value: 505, hedge: nearly}]
    average: {value: 502.5, source: k33-research}
"""


@pytest.mark.parametrize("text, fits", [
    ("According to Coinfeather and QCP Capital, the count came to an average of nearly 503 per order.", True),
    ("Coinfeather and QCP Capital data put the count at an average of nearly 503 per order.", True),
    ("K33 Research puts the average at 502.5 per order.", True),
    ("According to Coinfeather, the count came to an average of nearly 503 per order.", True),
])
def test_a_credited_sources_figure_is_read_over_an_average_of_the_same_value(text, fits):
    ev = event(_AVERAGED)
    found = codes(ev, text)
    assert not found & {"P002", "P008", "P011"}, found
