"""Round ten, second wave: fact-free readings that disagreed on real articles, read as patterns (every sentence here is
ours). Must-flag and must-pass twins per pattern.

1. Passive hearsay: a reporting verb in the passive whose subject is what is told about ("Binance is said to have
   lost", "the fund is estimated to hold") credits nobody, so it is no attribution frame (writer/check/frames.py
   ``_NOT_PASSIVE``); the active ("Binance said", "X estimated that") and the agent ("estimated by X") still are.
   (Round fourteen, bench/ANNOTATION.md point 7: "is said to", "is believed to", "is thought to" are hearsay that
   credits an unnamed source, phrases.yaml ``carry: hearsay``, so F001 no longer flags them; the passive estimate,
   an estimate of no one, still is no attribution.)
2. A view verb in the active after its holder ("Lee forecasts $150,000") is the holder's view, as the frames read it,
   so it is no claim for F002 either (rules/f002_unmarked_claim.py ``_views_only``); "the forecast of", "Lee's
   forecast" and the passive "was predicted" still are claims.
3. A day of a month before a counted noun is a date ("the March 3 liquidations"), not a count
   (writer/check/figures.py ``_day_of_month``); "3 liquidations" and "March saw 3 liquidations" are counts.
4. A figure-free sentence crediting data no one is named for ("Market metrics point to a recovery.") vouches for its
   own reading only: its credit does not carry to the figures after it (writer/check/analysis.py ``_unnamed_credit``);
   a named source's data ("CoinGlass data show ...") and a figure of its own still open the run.
"""

from __future__ import annotations

import pytest

from check_support import fact_free_found as _found


def _f001(text: str) -> set[str]:
    return {fig for code, fig in _found(text) if code == "F001"}


def _f002(text: str) -> set[str]:
    return {fig for code, fig in _found(text) if code == "F002"}


# --- 1. passive hearsay is no credit ---------------------------------------------------------------------------------

PASSIVE_FLAG = [
    ("Kraken is estimated to have paid out $12 million to users.", {"$12 million"}),
    ("Bybit was estimated to have handled $2 billion of the selling.", {"$2 billion"}),
    # (until round fourteen these were flagged too; hearsay with no one named is now an unnamed source)
    ("Binance is said to have lost $40 million in the breach.", set()),
    ("The Delta fund is believed to hold $300 million in ether.", set()),
    ("Orbit Labs is thought to owe lenders $75 million.", set()),
    ("Both desks were said to have lost $5 million each.", set()),
    ("The market maker is widely said to have sold $90 million of tokens.", set()),
]

PASSIVE_PASS = [
    "Binance said it lost $40 million in the breach.",
    "Kraken estimated that it paid out $12 million to users.",
    "The loss was estimated at $40 million by Chainalysis.",
    "The breach cost Binance $40 million, as estimated by Elliptic.",
    "The exchange is reporting $40 million in losses.",
    "Orbit Labs has said it owes lenders $75 million.",
]


@pytest.mark.parametrize("text, figures", PASSIVE_FLAG)
def test_passive_hearsay_is_no_attribution(text, figures):
    assert _f001(text) == figures


@pytest.mark.parametrize("text", PASSIVE_PASS)
def test_active_voice_and_agents_still_credit(text):
    assert _found(text) == set()


def test_passive_subject_is_no_registered_source_credit():
    """A registered name before a passive reporting verb is its topic ("Binance is said to"), not its source, in the
    fact-free reading and in the attribution of named sources alike."""
    from writer.check.phrases import build_phrases

    frames = build_phrases().frames
    text = "Binance is said to have lost $40 million."
    assert not frames.framed(text)
    assert not frames.reports_after(text, len("Binance"))
    assert frames.reports_after("Binance said it lost $40 million.", len("Binance"))


# --- 2. a named view is no claim ---------------------------------------------------------------------------------------

VIEW_PASS = [
    "Lee forecasts $150,000 for bitcoin by the end of next year.",
    "Bank analysts forecast a fall to $70,000 within weeks.",
    "Dana Ortiz predicted $2 billion of inflows for the quarter.",
    "The strategist forecasts that ether reaches $6,000.",
]

VIEW_FLAG = [
    "The forecast of $150,000 by the end of next year spread quickly.",
    "Lee’s forecast of $150,000 by the end of next year spread quickly.",
    "A rise to $150,000 was predicted for next year.",
    "Lee forecasts $150,000, a claim that spread quickly.",
]


@pytest.mark.parametrize("text", VIEW_PASS)
def test_a_holders_view_is_no_claim(text):
    assert _f002(text) == set()


@pytest.mark.parametrize("text", VIEW_FLAG)
def test_a_forecast_nobody_holds_is_still_a_claim(text):
    assert _f002(text)


def test_view_reading_needs_the_verb_the_claim_word_is():
    from writer.check.phrases import build_phrases

    frames = build_phrases().frames
    text = "Lee forecasts $150,000."
    at = text.index("forecasts")
    assert frames.holds_view(text, at, at + len("forecasts"))
    noun = "The forecast of $150,000."
    at = noun.index("forecast")
    assert not frames.holds_view(noun, at, at + len("forecast"))


# --- 3. a date is no count --------------------------------------------------------------------------------------------

def _figures(text: str) -> list[str]:
    from writer.check.figures import find_figures

    return [f.text for f in find_figures(text)]


@pytest.mark.parametrize("text", [
    "The March 3 liquidations hit longs hardest.",
    "The Oct. 10 liquidations hit longs hardest.",
    "Traders still talk about the 12 September wallets.",
    "The Aug 5 traders who sold early were right.",
])
def test_a_day_of_a_month_before_a_counted_noun_is_a_date(text):
    assert _figures(text) == []
    assert _f001(text) == set()


@pytest.mark.parametrize("text, figure", [
    ("The venue logged 3 liquidations in an hour.", "3 liquidations"),
    ("March saw 3 liquidations on the venue.", "3 liquidations"),
    ("In March, 30 liquidations hit longs.", "30 liquidations"),
    ("The March 45 traders are no date.", "45 traders"),  # no month has a 45th day
    ("Since March 2,300 wallets have closed.", "2,300 wallets"),  # a grouped number is no day
])
def test_a_count_near_a_month_is_still_a_count(text, figure):
    assert figure in _figures(text)
    assert figure in _f001(text)


# --- 4. a figure-free credit to unnamed data does not carry ----------------------------------------------------------

UNNAMED_FLAG = [
    ("Market metrics point to a recovery. Bitcoin rose 5% to $60,000 on Monday.", {"5%", "$60,000"}),
    ("On-chain data suggest whales are buying. Whales bought $40 million of ether.", {"$40 million"}),
    ("Derivatives metrics indicate froth. Open interest reached $30 billion.", {"$30 billion"}),
]

UNNAMED_PASS = [
    "CoinGlass data show longs took the brunt. Longs lost $300 million.",
    "Market metrics from Kaiko point to thin books. Depth fell 20% over the week.",
    "Market metrics point to a recovery, with bitcoin up 5% on the day. Ether rose 3%.",
    "On-chain data suggest whales are buying, and the figures are unverified. Whales bought $40 million of ether.",
]


@pytest.mark.parametrize("text, figures", UNNAMED_FLAG)
def test_a_credit_to_unnamed_data_without_a_figure_does_not_carry(text, figures):
    assert _f001(text) == figures


@pytest.mark.parametrize("text", UNNAMED_PASS)
def test_a_named_or_figured_credit_still_carries(text):
    assert _found(text) == set()
