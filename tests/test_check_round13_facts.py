"""Fact mode on readings met in the thirteenth round's check of unseen stories (test9), each a pattern of its own:
a year as a window; a list of amounts whose magnitude is written once; figures listed against a list of assets in the
same order; a magnitude in words beside a fact the digits fit exactly; "cautioned" as a reporting verb; the emphatic
floor "at the very least"; "that" as a conjunction, not a pointer back; coins counted as things; a dispute told with
its other side's own figure in the same paragraph. Every sentence and fact file here is ours."""

from __future__ import annotations

import pytest

from link_support import checker, codes, event, links_of
from writer.check.figures import find_figures

# --- a year is a window: "over the past year" is the 12-month fact's own window, not none

_YEAR = """facts:
  - {id: sol_year, metric: price_change, unit: percent, asset: SOL, change: rise, window: 12mo, observations: [{source: coinmarketcap, value: 61}]}
  - {id: sol_top, metric: price_level, unit: USD, asset: SOL, observations: [{source: coinmarketcap, value: 240}]}
  - {id: longs, metric: liquidations, unit: USD, window: 24h, side: long, observations: [{source: coinank, value: 310M}]}
"""


@pytest.mark.parametrize("text", [
    # a month named for the figure before it, the year for this one
    "Solana changes hands near $240, under a peak set last month, yet still 61% higher over the past year, CoinMarketCap data show.",
    "Solana trades near $240 after a top made last week but remains up 61% over the past year, CoinMarketCap data show.",
    "Solana is up 61% in one year, CoinMarketCap data show.",
])
def test_a_year_is_the_twelve_month_window(text):
    assert "P012" not in codes(event(_YEAR), text)


@pytest.mark.parametrize("text", [
    "Solana is up 61% over the past month, CoinMarketCap data show.",
    "Solana is up 61% over 2 years, CoinMarketCap data show.",
    "Longs lost $310 million in the past year, CoinAnk data show.",
])
def test_another_window_than_the_facts_is_still_a_mismatch(text):
    assert "P012" in codes(event(_YEAR), text)


# --- a list of amounts whose magnitude is written once, after the last item

@pytest.mark.parametrize("text, values", [
    ("Three pairs shed $41.2, $18.75 and $9.9 million.", [41.2e6, 18.75e6, 9.9e6]),
    ("The two desks lost $3.1 and $2.2 billion.", [3.1e9, 2.2e9]),
    ("Estimates ran to $1.2, $1.5, or $1.9 billion.", [1.2e9, 1.5e9, 1.9e9]),
    # not a list that closes on "and"/"or": a price, then an amount
    ("XRP sat at $2.10, $3 million in longs gone.", [2.10, 3e6]),
    # an amount with its own magnitude or a large value keeps it
    ("Bitcoin held $95,000 and $4 million changed hands.", [95000.0, 4e6]),
])
def test_a_magnitude_written_once_closes_a_list_of_amounts(text, values):
    assert [f.lo for f in find_figures(text)] == pytest.approx(values)


# --- figures listed against a list of assets: each figure is its place's asset's, as "respectively" says

_PARALLEL = """facts:
  - {id: ada, metric: liquidations, unit: USD, window: 24h, asset: ADA, observations: [{source: coinglass, value: 41.2M}]}
  - {id: xrp, metric: liquidations, unit: USD, window: 24h, asset: XRP, observations: [{source: coinglass, value: 18.75M}]}
  - {id: doge, metric: liquidations, unit: USD, window: 24h, asset: DOGE, observations: [{source: coinglass, value: 9.9M}]}
"""


def test_a_list_of_amounts_against_a_list_of_assets_links_by_place():
    text = "Cardano (ADA), Ripple (XRP) and Dogecoin (DOGE) shed $41.2, $18.75 and $9.9 million, per CoinGlass."
    assert links_of(event(_PARALLEL), text) == [("$41.2", "ada", "supported"), ("$18.75", "xrp", "supported"),
                                                ("$9.9 million", "doge", "supported")]
    assert not codes(event(_PARALLEL), text) & {"P001", "P006", "P012"}


def test_a_list_of_amounts_in_the_wrong_order_of_assets_is_flagged():
    text = "Ripple (XRP), Cardano (ADA) and Dogecoin (DOGE) shed $41.2, $18.75 and $9.9 million, per CoinGlass."
    assert codes(event(_PARALLEL), text) & {"P006", "P012"}


# --- a magnitude in words pins no value: the fact the digits fit exactly is meant

_SIZES = """facts:
  - {id: biggest, metric: largest_single_liquidation, unit: USD, venue: bybit, observations: [{source: coinank, value: 4M}]}
  - {id: each_venue, metric: liquidations, unit: USD, venues: [bybit, okx], each: true, observations: [{source: coinank, magnitude: several_million}]}
"""


def test_an_exact_fit_beats_a_magnitude_in_words():
    text = "A liquidation on Bybit cost one account $4 million, CoinAnk data show."
    assert links_of(event(_SIZES), text) == [("$4 million", "biggest", "supported")]
    assert "P005" not in codes(event(_SIZES), text)


def test_a_point_inside_a_magnitude_with_no_exact_fact_is_still_collapsed():
    assert "P005" in codes(event(_SIZES), "On Bybit, liquidations came to $6 million, CoinAnk data show.")


# --- "cautioned that" reports its speaker's view

_VIEW = """facts:
  - {id: floor, metric: support_level, unit: USD, asset: BTC, observations: [{source: cz, value: 88000}]}
"""


@pytest.mark.parametrize("text", [
    "CZ cautioned that bitcoin must hold $88,000 to keep the rally alive.",
    "Changpeng Zhao, the exchange's founder, cautions that a floor sits near $88,000.",
])
def test_caution_is_a_reporting_verb(text):
    assert "P002" not in codes(event(_VIEW), text)


def test_a_view_with_no_speaker_is_still_unattributed():
    assert "P002" in codes(event(_VIEW), "Traders were cautioned that bitcoin must hold $88,000.")


# --- "at the very least" is a floor

_FLOOR = """facts:
  - {id: bn_floor, metric: liquidations, unit: USD, window: 24h, venue: binance, lower_bound: true, status: official, observations: [{source: binance, value: 64.5M}]}
"""


@pytest.mark.parametrize("text, floor", [
    ("Binance's own feed shows at the very least $64.5 million of positions closed on Binance.", True),
    ("Binance's own feed shows at the least $64.5 million of positions closed on Binance.", True),
    ("Binance's own feed shows $64.5 million of positions closed on Binance.", False),
])
def test_the_emphatic_floor_is_a_floor(text, floor):
    assert ("P005" not in codes(event(_FLOOR), text)) is floor


# --- "that" as a conjunction before a figure does not point back at an earlier one

_REPEAT = """facts:
  - {id: shorts, metric: liquidations, unit: USD, window: 24h, side: short, observations: [{source: hyblock, value: 515M}]}
"""


@pytest.mark.parametrize("text, flagged", [
    ("Shorts lost $515 million, Hyblock data show.\n\nThe squeeze ran so hard that $515 million of shorts went.", True),
    ("Shorts lost $515 million, Hyblock data show.\n\nTraders learned that $515 million of shorts went.", True),
    # a demonstrative still points back
    ("Shorts lost $515 million, Hyblock data show.\n\nMost of that $515 million went in one hour.", False),
])
def test_that_as_a_conjunction_is_no_pointer_back(text, flagged):
    assert ("P002" in codes(event(_REPEAT), text)) is flagged


# --- coins that name no coin, counted as things

_COUNTED = """facts:
  - {id: green, metric: event_count, unit: count, subject: top-50 coins by market value still up on the day, observations: [{source: coinmarketcap, value: 6}]}
"""


def test_coins_counted_as_things_link_to_the_count():
    text = "Of the top 50 by CoinMarketCap's figures, only 6 coins were up on the day."
    assert links_of(event(_COUNTED), text) == [("6 coins", "green", "supported")]
    assert "P001" not in codes(event(_COUNTED), text)


def test_a_coin_amount_of_a_named_coin_is_no_count():
    assert links_of(event(_COUNTED), "A wallet moved 6 BTC to the exchange, CoinMarketCap figures show.")[0][1] != "green"


# --- a dispute told with the other side's own figure in the same paragraph, however that figure is linked

_DISPUTE = """facts:
  - id: total
    metric: liquidations
    unit: USD
    window: 24h
    status: disputed
    observations:
      - {source: coinglass, value: 1.6B}
      - {source: cz, range: [4B, 5B]}
quotes:
  - {id: cz_view, speaker: CZ, words: my guess is that the true wipeout ran from $4 billion to $5 billion}
"""


def test_a_dispute_told_with_both_sides_is_not_collapsed():
    text = "CZ put it plainly: my guess is that the true wipeout ran from $4 billion to $5 billion, well above the $1.6 billion CoinGlass showed."
    assert "P005" not in codes(event(_DISPUTE), text)


def test_one_side_of_a_dispute_alone_is_still_collapsed():
    assert "P005" in codes(event(_DISPUTE), "Liquidations reached $1.6 billion in 24 hours, CoinGlass data show.")


# --- a bounded figure on a side whose printed digits are the other side's fact, not a floor of the total

_SPLIT = """facts:
  - {id: all, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinank, value: 318M}]}
  - {id: longs, metric: liquidations, unit: USD, window: 24h, side: long, observations: [{source: coinank, value: 241M, hedge: over}]}
"""


@pytest.mark.parametrize("text, flagged", [
    ("Shorts gave up more than $241 million over the day, CoinAnk data show.", True),
    ("Longs gave up more than $241 million over the day, CoinAnk data show.", False),
    # no side named: a floor of the day's total is no swap
    ("Traders gave up more than $241 million over the day, CoinAnk data show.", False),
])
def test_a_floor_on_the_other_side_is_a_side_swap(text, flagged):
    assert ("P012" in codes(event(_SPLIT), text)) is flagged


# --- "He highlighted that ...": a pronoun speaker goes on from the speaker credited before, a paragraph back too

_SPEAKER = """facts:
  - {id: share_then, metric: volume_share, unit: percent, subject: market buys from forced closes in 2021, observations: [{source: cz, value: 12}]}
  - {id: share_now, metric: volume_share, unit: percent, subject: market buys from forced closes today, observations: [{source: cz, value: 2}]}
"""


@pytest.mark.parametrize("text, flagged", [
    ("CZ said in a post that forced closes once drove the market.\n\nHe highlighted that back then 12% of market buys came from forced closes.", False),
    ("CZ said in a post that forced closes once drove the market.\n\nShe later added that the share is 2% today.", False),
    # a pronoun with no reporting verb, or no speaker credited before: still bare
    ("CZ said in a post that forced closes once drove the market.\n\nHe bought when 12% of market buys came from forced closes.", True),
    ("Forced closes once drove the market.\n\nHe highlighted that back then 12% of market buys came from forced closes.", True),
])
def test_a_pronoun_speaker_goes_on_from_the_one_credited_before(text, flagged):
    assert ("P002" in codes(event(_SPEAKER), text)) is flagged


def test_past_years_in_the_plural_is_no_window():
    assert "P012" not in codes(event(_YEAR), "Longs lost $310 million, a size common in past years, CoinAnk data show.")


# --- a relay of the figure's source is no wrong source (bench/ANNOTATION.md 8: both names are the credit)

_RELAYED = """facts:
  - {id: hour, metric: liquidations, unit: USD, window: 1h, observations: [{source: coinglass, value: 740M}]}
"""


@pytest.mark.parametrize("text, flagged", [
    ("Figures gathered by CoinGlass and relayed by Decrypt put the first hour's losses at $740 million.", False),
    ("Decrypt, citing CoinGlass, put the first hour's losses at $740 million.", False),
    # the relay alone, or a second source named as a source of its own: a wrong source
    ("Figures relayed by Decrypt put the first hour's losses at $740 million.", True),
    ("CoinGlass and Decrypt both put the first hour's losses at $740 million.", True),
])
def test_a_relay_of_the_source_is_no_wrong_source(text, flagged):
    assert ("P008" in codes(event(_RELAYED), text)) is flagged


# --- where a source spoke, between it and its verb: "CZ in a post mentioned that ..."

_SPOKE = """facts:
  - {id: lvl, metric: price_level, unit: USD, asset: BTC, observations: [{source: cz, value: 30000}]}
"""


@pytest.mark.parametrize("text, flagged", [
    ("CZ in a post mentioned that the coin found a floor near $30,000.", False),
    ("Changpeng Zhao in a recent interview noted a floor near $30,000.", False),
    # a crowd in a state of mind is no channel, and names no one
    ("Traders in a panic said the coin found a floor near $30,000.", True),
])
def test_a_channel_between_a_source_and_its_verb(text, flagged):
    assert ("P002" in codes(event(_SPOKE), text)) is flagged


# --- a fact's note that restates another fact's figure does not hide what the words say of that fact

_NOTED = """facts:
  - {id: all, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 331.8M}]}
  - {id: longs, metric: liquidations, unit: USD, window: 24h, side: long, observations: [{source: coinglass, value: 212.4M}]}
  - id: long_part
    metric: liquidation_share
    unit: percent
    window: 24h
    side: long
    note: the desk's sum; $212.4 million of $331.8 million
    observations: [{source: coinglass, value: 64}]
"""


@pytest.mark.parametrize("text, flagged", [
    ("CoinGlass counted $331.8 million of closures over the day, with shorts making up $212.4 million, or 64%.", True),
    ("CoinGlass counted $331.8 million of closures over the day, with longs making up $212.4 million, or 64%.", False),
])
def test_a_note_restating_a_facts_figure_does_not_hide_a_side_swap(text, flagged):
    assert ("P012" in codes(event(_NOTED), text)) is flagged


# --- the market named after a pair of figures is both figures' ("... in ether futures and perps")

_MARKET = """facts:
  - {id: eth_longs, metric: liquidations, unit: USD, window: 7d, asset: ETH, side: long, observations: [{source: coinglass, value: 0.64B}]}
  - {id: eth_shorts, metric: liquidations, unit: USD, window: 7d, asset: ETH, side: short, observations: [{source: coinglass, value: 0.38B}]}
"""


def flagged_figures(ev, text: str, code: str) -> set[str]:
    """The figures of ``text`` a finding of ``code`` names."""
    return {f.figure for f in checker().check_text("---\nevent: case\n---\n\n" + text + "\n", event=ev) if f.code == code}


@pytest.mark.parametrize("text, flagged", [
    ("Last week's slide cost $0.64bn of longs and $0.38bn of shorts in bitcoin futures, CoinGlass data show.", True),
    ("Last week's slide cost $0.64bn of longs and $0.38bn of shorts in ether futures, CoinGlass data show.", False),
    # a market the sentence names for something else, after a clause break, is not the figures'
    ("Last week's slide cost $0.64bn of longs and $0.38bn of shorts, CoinGlass data show; traders also sold bitcoin futures.", False),
])
def test_the_market_named_after_the_figures_is_theirs(text, flagged):
    # the first figure too, whose own words name no market
    assert ("$0.64bn" in flagged_figures(event(_MARKET), text, "P012")) is flagged


# --- a level in a condition's clause belongs to the side its outcome names

_ZONES = """facts:
  - {id: above, metric: pressure_zone, unit: USD, asset: BTC, side: short, price_level: 104000, observations: [{source: hyblock, value: 380M}]}
"""


@pytest.mark.parametrize("text, flagged", [
    ("Should bitcoin clear $104,000, shorts worth about $380 million could be forced out, Hyblock's map suggests.", False),
    ("Should bitcoin clear $104,000, longs worth about $380 million could be forced out, Hyblock's map suggests.", True),
])
def test_a_level_in_a_condition_takes_the_side_of_its_outcome(text, flagged):
    assert ("$104,000" in flagged_figures(event(_ZONES), text, "P012")) is flagged


_ZONE_BELOW = """facts:
  - {id: below, metric: pressure_zone, unit: USD, asset: BTC, side: long, price_level: 91000, observations: [{source: hyblock, value: 610M}]}
"""


@pytest.mark.parametrize("text, flagged", [
    ("A slide under $91,000 would set off about $610 million of long liquidations, Hyblock's map suggests.", False),
    ("A slide under $91,000 would set off about $610 million of short liquidations, Hyblock's map suggests.", True),
])
def test_a_level_takes_the_side_of_what_it_sets_off(text, flagged):
    assert ("$91,000" in flagged_figures(event(_ZONE_BELOW), text, "P012")) is flagged


# --- a source's data with words of what it is about between the possessive and the noun

_RANKED = """facts:
  - {id: green, metric: event_count, unit: count, subject: top-50 coins by market value still up on the day, observations: [{source: coinmarketcap, value: 6}]}
  - {id: total, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 1.9B}]}
  - {id: fee_cut, metric: price_change, unit: percent, subject: Binance's futures fees, change: fall, observations: [{source: binance, value: 20}]}
  - {id: bnb_drop, metric: price_change, unit: percent, asset: BNB, change: fall, observations: [{source: coinmarketcap, value: 9}]}
"""


@pytest.mark.parametrize("text, code, flagged", [
    ("Of the top 50 in CoinMarketCap's market cap ranking, only 6 coins were up on the day.", "P002", False),
    ("Of the top 50 in CoinMarketCap's ranking, only 6 coins were up on the day.", "P002", False),
    ("Binance's surprise announcement of a 20% cut in futures fees lifted volumes.", "P002", False),
    # a possessive before a speaker and a verb with its object: the speaker's, not the firm's data
    ("CoinGlass put the day's total at $1.9 billion, but Binance's founder estimates the total is higher.", "P008", False),
    # the news a name made is the cause of a move, no credit for it (writer/check/cause_names.py)
    ("Binance's surprise announcement set off a 9% slide in BNB.", "P002", True),
    # data nobody owns
    ("Of the top 50 in the market's ranking, only 6 coins were up on the day.", "P002", True),
])
def test_a_sources_data_with_words_between_possessive_and_noun(text, code, flagged):
    assert (code in codes(event(_RANKED), text)) is flagged


# --- a bound before "the reported $X": the writer's floor on the real value, the figure the report's

_REPORTED = """facts:
  - id: total
    metric: liquidations
    unit: USD
    window: 24h
    status: disputed
    observations:
      - {source: coinglass, value: 1.6B}
      - {source: cz, range: [4B, 5B]}
"""


@pytest.mark.parametrize("text, flagged", [
    ("CZ argued the real wipeout was far larger than the reported $1.6 billion CoinGlass showed.", False),
    ("CZ argued the real wipeout ran well over the official $1.6 billion CoinGlass showed.", False),
    ("CZ argued the real wipeout was much higher than $1.6 billion, CoinGlass's count.", False),
    # the report's figure given as the value, with no bound: one side of the dispute
    ("CZ argued about the reported $1.6 billion CoinGlass showed.", True),
])
def test_a_bound_before_the_reported_figure_is_a_floor(text, flagged):
    assert ("P005" in codes(event(_REPORTED), text)) is flagged


@pytest.mark.parametrize("text, code, flagged", [
    # a speaker's role, closed by where the speaker spoke: the firm in the role is the speaker's, no second source
    ("CZ, founder of Binance in a post mentioned that the coin found a floor near $30,000.", "P002", False),
    ("CZ, founder of Binance in a post mentioned that the coin found a floor near $30,000.", "P008", False),
    # the firm as a source of its own, beside the speaker or alone: a wrong source
    ("CZ and Binance in a post mentioned that the coin found a floor near $30,000.", "P008", True),
    ("Binance in a post mentioned that the coin found a floor near $30,000.", "P008", True),
])
def test_a_role_closed_by_the_channel(text, code, flagged):
    assert (code in codes(event(_SPOKE), text)) is flagged
