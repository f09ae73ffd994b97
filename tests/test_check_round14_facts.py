"""Fact mode on readings met in the fourteenth round's check of unseen stories (test12), each a mechanism of its own,
and the words of a caveat the fact file gives (P008). Every sentence and fact file here is ours."""

from __future__ import annotations

import pytest

from link_support import checker, codes, event, links_of

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
    "Unless bitcoin reclaims $115,000 by Friday, Zhou expects a deeper slide.",
    "If bitcoin fails to reclaim $115,000 this week, Ben Zhou expects another flush.",
    "Should bitcoin lose $115,000, Zhou warns, longs will be forced out.",
])
def test_a_threshold_in_a_condition_is_not_stated_as_realised(text):
    assert "P004" not in codes(event(_THRESHOLD), text)


@pytest.mark.parametrize("text", [
    "Bitcoin reclaimed $115,000 on Friday.",
    "Bitcoin reclaimed $115,000, and Zhou expects more gains.",
    # a condition whose holder is not named: an estimate, but whose?
    "Unless bitcoin reclaims $115,000, a deeper slide looms.",
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


# --- a reporting verb's participle hung after the main clause: its speaker is the sentence's subject (P002)

_FUND = """facts:
  - {id: total, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 310M}]}
context:
  - {id: fund, kind: market, text: the reserve kept $13.5 million, sources: [ben-zhou]}
"""


@pytest.mark.parametrize("text", [
    "Ben Zhou calmed users on Monday, adding that the reserve kept $13.5 million.",
    "After the outage, Ben Zhou met reporters, noting that the reserve kept $13.5 million.",
    "Ben Zhou told clients their balances were untouched, stressing that the reserve kept $13.5 million.",
])
def test_a_participles_speaker_is_the_sentences_subject(text):
    assert "P002" not in codes(event(_FUND), text)


@pytest.mark.parametrize("text", [
    "Ben Zhou calmed users on Monday, and the reserve kept $13.5 million.",
    "Traders calmed down after Ben Zhou spoke, adding that the reserve kept $13.5 million.",
    "Ben Zhou spoke, and traders bought, betting that the reserve kept $13.5 million.",
])
def test_no_participle_or_another_subject_leaves_the_figure_bare(text):
    assert "P002" in codes(event(_FUND), text)


# --- unnamed data as the subject of a reporting verb opens a run for a described source (P002)

_CHAIN = """facts:
  - {id: pledged, metric: position_size, unit: USD, asset: ETH, subject: ETH pledged by the fund, observations: [{source: market-data, value: 269M}]}
"""


@pytest.mark.parametrize("opening", [
    "Ledger data indicate the fund keeps three open loans.",
    "The figures suggest the fund keeps three open loans.",
    "On-chain numbers now reveal three open loans for the fund.",
])
def test_unnamed_data_told_as_speaking_credits_the_next_sentence(opening):
    assert "P002" not in codes(event(_CHAIN), f"{opening} The fund's pledged collateral now stands at $269 million in ETH.")


@pytest.mark.parametrize("opening", [
    "The fund keeps three open loans.",
    "Ledger watchers say nothing of the fund's loans.",
    "Data centres in three countries host the fund's nodes.",
])
def test_no_data_speaking_before_leaves_the_figure_bare(opening):
    assert "P002" in codes(event(_CHAIN), f"{opening} The fund's pledged collateral now stands at $269 million in ETH.")


# --- a share of what is held is no mistyped price move (P006)

_SUPPLY = """facts:
  - {id: drop, metric: price_change, unit: percent, asset: CRV, change: fall, observations: [{source: coinglass, value: 17}]}
context:
  - {id: share, kind: onchain, text: one wallet locked 33% of the float, sources: [coinglass]}
"""


@pytest.mark.parametrize("text", [
    "CRV fell 17%, CoinGlass data show, while one wallet locked 33% of CRV's circulating supply.",
    "CoinGlass data show CRV fell 17%; the pledge (about 33% of its circulating supply) was the trigger.",
    "CoinGlass data show CRV fell 17% as one wallet held 33% of all CRV tokens.",
])
def test_a_share_of_holdings_does_not_contradict_a_price_move(text):
    assert "P006" not in codes(event(_SUPPLY), text)


@pytest.mark.parametrize("text", [
    "CRV fell 33%, CoinGlass data show.",
    "CoinGlass data show CRV dropped 33% of its value.",
    "CoinGlass data show a 33% slide in CRV.",
])
def test_a_move_of_the_wrong_size_still_contradicts(text):
    assert "P006" in codes(event(_SUPPLY), text)


# --- an item's own words before its figure tell it from a fact of the same value (P002 on the wrong fact)

_COST = """facts:
  - {id: btc_price, metric: price_level, unit: USD, asset: BTC, observations: [{source: coinmarketcap, value: 40000}]}
context:
  - {id: cost, kind: onchain, text: holders in the red sit at a mean entry cost of $40K, sources: [arkham]}
"""


@pytest.mark.parametrize("text", [
    "According to Arkham, BTC holders in the red carry a mean entry cost of about $40K.",
    "Arkham data show the loss-making BTC cohort has a mean entry cost ~$40K.",
    "Per Arkham, BTC addresses under water show a mean entry cost around $40K.",
])
def test_an_items_own_words_before_its_figure_link_it(text):
    assert links_of(event(_COST), text)[-1][1] == "context:cost"


@pytest.mark.parametrize("text", [
    "According to CoinMarketCap, BTC traded near $40K.",
    "BTC's price hit $40K, CoinMarketCap data show.",
    "According to CoinMarketCap, the BTC price stood at about $40K.",
])
def test_a_price_without_the_items_words_stays_the_price(text):
    assert links_of(event(_COST), text)[-1][1] == "btc_price"


# --- a fact's note printed beside the fact: the fact's venue is no wrong source (P008)

_NOTED = """facts:
  - id: payout
    metric: fund_flow
    unit: USD
    change: outflow
    venue: {venue}
    subject: the exchange's insurance fund
    note: "{note}"
    observations: [{{source: the-block, value: 9M}}]
"""


@pytest.mark.parametrize("venue, name, note", [
    ("bybit", "Bybit", "drawing $9 million from its fund on the day"),
    ("okx", "OKX", "a $9 million draw on the fund"),
    ("htx", "HTX", "used $9 million from its reserve"),
])
def test_a_notes_sentence_may_name_its_facts_venue(venue, name, note):
    ev = event(_NOTED.format(venue=venue, note=note))
    text = f"According to The Block, {name}'s insurance fund paid out $9 million, \u201c{note}\u201d."
    assert "P008" not in codes(ev, text)
    assert "P008" in codes(ev, f"According to Decrypt, {name}'s insurance fund paid out $9 million, \u201c{note}\u201d.")


# --- a quote's speaker named by another of its registered names, in its sentence or its run's opening (P002)

_ZHOU = """facts:
  - {id: total, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 310M}]}
quotes:
  - {id: lines, speaker: Ben Zhou, paraphrase: true, source: the-block, words: "the gauge has to clear 50% before buyers return, and a drop to 20% would deepen the sell-off"}
"""


@pytest.mark.parametrize("text", [
    "Zhou said the gauge has to clear 50% before buyers return.",
    "Before buyers return, Zhou argued, the gauge has to clear 50%.",
    "Zhou said the gauge has to clear 50% before buyers return. A drop to 20% would deepen the sell-off.",
])
def test_a_quotes_speaker_named_by_an_alias_attributes_its_words(text):
    assert "P002" not in codes(event(_ZHOU), text)


@pytest.mark.parametrize("text", [
    "The gauge has to clear 50% before buyers return.",
    "Traders said the gauge has to clear 50% before buyers return.",
    "Zhou spoke on Monday. The gauge has to clear 50% before buyers return.",
])
def test_a_quotes_words_with_no_speaker_named_are_bare(text):
    assert "P002" in codes(event(_ZHOU), text)


# --- an unnamed group's view an outlet relays is named by the group's own words (P011)

_GROUP = """facts:
  - {id: total, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 310M}]}
quotes:
  - {id: split, speaker: traders, paraphrase: true, source: the-block, status: unnamed_group, words: "some see the bounce as brief while others see a climb toward $70,000"}
"""


@pytest.mark.parametrize("text", [
    "Traders are split: some see the bounce as brief while others see a climb toward $70,000.",
    "The bounce has divided traders, with others eyeing a climb toward $70,000.",
    "Some traders see a climb toward $70,000.",
])
def test_an_unnamed_groups_relayed_view_is_named_by_the_group(text):
    assert "P011" not in codes(event(_GROUP), text)


@pytest.mark.parametrize("text", [
    "A climb toward $70,000 is next.",
    "The bounce could run into a climb toward $70,000.",
    "Analysts at one bank expect a climb toward $70,000.",
])
def test_the_view_without_its_group_is_unattributed(text):
    assert "P011" in codes(event(_GROUP), text)


# --- a word swapped in an item's own figure (its coin, its side) makes it another claim, not the item's (P012)

_ITEMS = """facts:
  - {id: held, metric: position_size, unit: coins, asset: BTC, subject: the old wallet, observations: [{source: arkham, value: 69370}]}
  - {id: longs, metric: liquidations, unit: USD, side: long, window: 24h, observations: [{source: coinglass, value: 2.2B}]}
quotes:
  - {id: hold, speaker: Ben Zhou, words: "the old wallet keeps 69,370 BTC untouched"}
  - {id: move, speaker: Ben Zhou, words: "longs worth $2.2 billion were closed before the bounce"}
context:
  - {id: flush, kind: market, text: "the flush came after $2.2 billion of longs were closed", sources: [coinglass]}
"""


@pytest.mark.parametrize("text", [
    "\u201cThe old wallet keeps 69,370 ETH untouched,\u201d said Ben Zhou.",
    "Ben Zhou argued that shorts worth $2.2 billion were closed before the bounce.",
    "According to CoinGlass, the flush came after $2.2 billion of shorts were closed.",
])
def test_a_word_swapped_in_an_items_figure_is_caught(text):
    assert "P012" in codes(event(_ITEMS), text)


@pytest.mark.parametrize("text", [
    "\u201cThe old wallet keeps 69,370 BTC untouched,\u201d said Ben Zhou.",
    "Ben Zhou argued that longs worth $2.2 billion were closed before the bounce.",
    "According to CoinGlass, the flush came after $2.2 billion of longs were closed.",
])
def test_the_items_own_words_pass(text):
    assert not codes(event(_ITEMS), text) & {"P001", "P006", "P012"}


# --- a fact's own note and long label, printed whole beside its figure, are the fact file's words (P008)

_OWN = """facts:
  - id: oi
    metric: open_interest
    unit: USD
    asset: BTC
    label: {label}
    note: "{note}"
    observations: [{{source: coinglass, value: 9.3B}}]
"""


@pytest.mark.parametrize("label, note, text", [
    # the label's name and the note's together (each alone was read before: a holder, or the note's words)
    ("open interest in BTC futures on Bybit", "a record; Bybit data lag by a day",
     "According to CoinGlass, open interest in BTC futures on Bybit stood at $9.3 billion, a record; Bybit data lag by a day."),
    ("BTC futures open interest", "a record; Bybit figures are passed on here unchanged",
     "According to CoinGlass, BTC futures open interest stood at $9.3 billion, a record; Bybit figures are passed on here unchanged."),
    ("BTC futures open interest", "above the level data from OKX gave a week earlier",
     "According to CoinGlass, BTC futures open interest stood at $9.3 billion, above the level data from OKX gave a week earlier."),
])
def test_a_name_inside_a_facts_own_note_or_label_is_not_a_credit(label, note, text):
    assert "P008" not in codes(event(_OWN.format(label=label, note=note)), text)


@pytest.mark.parametrize("text", [
    "According to Bybit, BTC futures open interest stood at $9.3 billion.",
    "OKX data show BTC futures open interest at $9.3 billion, a record high.",
    "According to CoinGlass and Hyblock, BTC futures open interest stood at $9.3 billion.",
])
def test_a_name_outside_the_facts_own_words_is_still_a_wrong_source(text):
    assert "P008" in codes(event(_OWN.format(label="BTC futures open interest", note="a record high")), text)
