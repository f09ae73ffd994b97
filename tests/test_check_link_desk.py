"""Fact mode on desk wordings (bench/fuzz_check_links.py --families desk, seventh round): a data owner named through
a product word credits the figure for every rule that asks for a credit; a source named before an apposition and
its reporting verb is a credit; hearsay with no one named stops a paragraph's run in fact mode as in the fact-free
reading; a table cell's figure is described by its row's label and its column's header; a written range is told
in its own steps, and holds a value its sources print a little apart. Every sentence here is ours.
"""

from __future__ import annotations

import pytest

from link_support import codes, event, links_of


# --- one reading of a product's data owner, for P008 and P011 alike ------------------------------------------

_OWNED = """facts:
  - {id: bf, metric: liquidations, unit: USD, window: 4h, observations: [{source: binance, value: 90M}, {source: coinglass, value: 90M}]}
  - {id: solo, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinank, value: 410M}]}
"""


@pytest.mark.parametrize("text, p011, p008", [
    # the owner of the product's data is one of the figure's sources: credited, and no wrong source
    ("Binance Futures data show $90 million liquidated over 4 hours.", False, False),
    ("Binance derivatives figures put four-hour liquidations at $90 million.", False, False),
    # another exchange's product data: a wrong source, and the figure's own sources are not named
    ("Bybit Futures data show $90 million liquidated over 4 hours.", True, True),
    # a product with no owner named credits no one
    ("Futures data show $90 million liquidated over 4 hours.", True, False),
])
def test_a_product_words_data_owner_is_one_reading_for_p008_and_p011(text, p011, p008):
    found = codes(event(_OWNED), text)
    assert ("P011" in found, "P008" in found) == (p011, p008)


def test_a_product_owner_credits_a_single_source_figure_for_p002():
    found = codes(event(_OWNED), "CoinAnk Futures data show $410 million liquidated over 24 hours, a single-source figure.")
    assert "P002" not in found and "P008" not in found


# --- a name, an apposition, a reporting verb ---------------------------------------------------------------

@pytest.mark.parametrize("text, p002, p008", [
    ("CoinAnk, the sole source for the figure, said $410 million was liquidated over 24 hours.", False, False),
    ("Data provider CoinAnk, a single source, reported that $410 million was liquidated over 24 hours.", False, False),
    ("CoinGlass, the sole source for the figure, said $410 million was liquidated over 24 hours.", True, True),
    # an apposition before no reporting verb names a place, not a source
    ("At CoinAnk, the biggest tracker, $410 million was liquidated over 24 hours, a single-source figure.", True, False),
])
def test_a_source_before_an_apposition_and_its_reporting_verb_is_a_credit(text, p002, p008):
    found = codes(event(_OWNED), text)
    assert ("P002" in found, "P008" in found) == (p002, p008)


# --- hearsay stops a run in fact mode -----------------------------------------------------------------------

_SIDES = """facts:
  - {id: lng, metric: liquidations, unit: USD, window: 1h, side: long, observations: [{source: coinglass, value: 39M}]}
  - {id: sht, metric: liquidations, unit: USD, window: 1h, side: short, observations: [{source: coinglass, value: 419M}]}
"""


@pytest.mark.parametrize("second, flagged", [
    ("Shorts are said to have lost $419 million in the hour.", True),
    ("Shorts were reported to have lost $419 million in the hour.", True),
    ("It is said that shorts lost $419 million in the hour.", True),
    # the run's opening covers a plain sentence, and one whose hedge names who says it
    ("Shorts lost $419 million in the hour.", False),
    ("Shorts lost $419 million in the hour, the same single source said.", False),
])
def test_agentless_hearsay_is_not_covered_by_the_runs_opening(second, flagged):
    text = f"According to CoinGlass, a single source, longs lost $39 million in the past hour. {second}"
    assert ("P002" in codes(event(_SIDES), text)) is flagged


# --- a table cell's figure: its row's label, its column's header ----------------------------------------------

_TABLE = """facts:
  - {id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 230M}]}
  - {id: lng, metric: liquidations, unit: USD, window: 24h, side: long, observations: [{source: coinglass, value: 214M}]}
  - {id: sht, metric: liquidations, unit: USD, window: 24h, side: short, observations: [{source: coinglass, value: 16M}]}
"""


def test_a_row_label_describes_its_figure():
    text = ("According to CoinGlass, a single source:\n\n| measure | figure |\n|---|---|\n"
            "| longs, past day | more than $210 million |\n| all liquidations, past day | $230 million |\n")
    assert links_of(event(_TABLE), text) == [("$210 million", "lng", "supported"), ("$230 million", "tot", "supported")]


def test_a_column_header_describes_its_figures():
    text = ("According to CoinGlass, a single source:\n\n| window | total | longs | shorts |\n|---|---|---|---|\n"
            "| past day | $230 million | more than $210 million | $16 million |\n")
    assert [x[1] for x in links_of(event(_TABLE), text)] == ["tot", "lng", "sht"]


def test_a_row_label_naming_another_side_is_a_mismatch():
    """The must-fail side: the label's words are the figure's, so a label naming shorts for the longs' value is flagged."""
    text = ("According to CoinGlass, a single source:\n\n| measure | figure |\n|---|---|\n"
            "| shorts, past day | $214 million |\n")
    assert codes(event(_TABLE), text) & {"P012", "P006", "P001"}


# --- ranges: told in their own steps; a range holding a multi-source value ------------------------------------

_RANGE = """facts:
  - {id: sht, metric: liquidations, unit: USD, window: 1h, side: short, observations: [{source: coinglass, value: 69M}]}
  - {id: lng, metric: liquidations, unit: USD, window: 24h, side: long, observations: [{source: coinglass, value: 120.4M}, {source: coinank, value: 119.1M}]}
"""


@pytest.mark.parametrize("text, code, flagged", [
    # "$100m" alone rounds to $50m, but beside "$95m" it is told in steps of five: 69 is far outside
    ("Shorts worth between $95m and $100m were liquidated in the past hour, CoinGlass said, a single source.", "P006", True),
    ("Shorts worth between $65m and $70m were liquidated in the past hour, CoinGlass said, a single source.", "P006", False),
    # a range around the value its two sources print a little apart is true of it
    ("Longs worth between $110 million and $160 million were liquidated over 24 hours (source: CoinGlass and CoinAnk).", "P006", False),
    ("Longs worth between $125 million and $160 million were liquidated over 24 hours (source: CoinGlass and CoinAnk).", "P006", True),
])
def test_a_written_range(text, code, flagged):
    assert (code in codes(event(_RANGE), text)) is flagged


# --- a source with no name is credited by a description of it (eval_corpus 002 line 1) -----------------------

_DESCRIBED = """facts:
  - {id: btc, metric: price_level, unit: USD, asset: BTC, observations: [{source: market-data, value: 96000}]}
  - {id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinank, value: 410M}]}
"""


@pytest.mark.parametrize("text, flagged", [
    ("Bitcoin broke through $96,000 (according to a single source).", False),
    ("Bitcoin broke through $96,000.", True),
    # a source that has a name must be named: a description does not stand in for it
    ("Liquidations reached $410 million over 24 hours (according to a single source).", True),
    ("Liquidations reached $410 million over 24 hours (according to a single source, CoinAnk).", False),
])
def test_a_described_source_is_credited_by_a_description(text, flagged):
    assert ("P002" in codes(event(_DESCRIBED), text)) is flagged


# --- a point inside a disputed range: one source's figure, or a value of its own (eval_corpus 24 line 3) ---------

_DISPUTE = """facts:
  - {id: byb, metric: liquidations, unit: USD, window: 24h, venue: bybit, observations: [{source: bybit, value: 2.1B}, {source: coinglass, value: 333M}]}
"""


@pytest.mark.parametrize("figure, code", [
    ("$333 million", "P005"),  # CoinGlass's own figure, the dispute dropped: a collapsed range
    ("$2.1 billion", "P005"),
    ("$533 million", "P006"),  # no source's figure: a wrong value, not a side of the dispute
    ("$900 million", "P006"),
    ("$1.2 billion", "P005"),  # the middle of the range: the dispute told as one value
])
def test_a_point_inside_a_dispute_is_a_sources_figure_or_wrong(figure, code):
    found = codes(event(_DISPUTE), f"Liquidations on Bybit came to {figure} over 24 hours, according to CoinGlass and Bybit.")
    assert code in found and ({"P005", "P006"} - {code}).isdisjoint(found)


# --- a bound rounded past the value it bounds, within its own rounding (fuzz_check_links seed 51) ----------------

_FLOOR = """facts:
  - {id: big, metric: largest_single_liquidation, unit: USD, asset: ETH, observations: [{source: arkham, value: 6230737981, hedge: over}]}
  - {id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinank, value: 600M}]}
"""


@pytest.mark.parametrize("text, fact", [
    ("The largest single liquidation was over $6.230738 billion, Arkham said, a single source.", "big"),
    ("The largest single liquidation was over $6.2 billion, Arkham said, a single source.", "big"),
    # past the value by more than the bound's share: not that floor
    ("The largest single liquidation was over $6.3 billion, Arkham said, a single source.", None),
    # a coarse bound's half-unit rounding is no licence: "over $1 billion" is no floor of $600 million
    ("Liquidations were over $1 billion over 24 hours, CoinAnk said, a single source.", None),
])
def test_a_floor_may_pass_its_value_by_its_own_rounding_only(text, fact):
    ((_, got, kind),) = links_of(event(_FLOOR), text)
    assert (got if kind == "supported" else None) == fact
