"""The figure grammar: every form DESIGN §4 and the reference articles use, and what is not a figure."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from writer.check.figures import find_figures

READS = [
    # text, figure text, unit, low, high, qualifier
    ("$1.861 billion in liquidations", "$1.861 billion", "USD", 1.861e9, 1.861e9, None),
    ("$80.58 million", "$80.58 million", "USD", 80.58e6, 80.58e6, None),
    ("totals of 1.45B", "1.45B", "USD", 1.45e9, 1.45e9, None),
    ("about 94% of the total", "94%", "percent", 94, 94, "approx"),
    ("94 percent of it", "94 percent", "percent", 94, 94, None),
    ("over 200,000 traders were hit", "200,000 traders", "count", 2e5, 2e5, "at_least"),
    ("bitcoin broke $96,000", "$96,000", "USD", 96000, 96000, None),
    ("between $150 million and $190 million", "between $150 million and $190 million", "USD", 150e6, 190e6, None),
    ("$828 million to $974 million", "$828 million to $974 million", "USD", 828e6, 974e6, None),
    ("the $92,000-$94,000 range", "$92,000-$94,000", "USD", 92000, 94000, None),
    ("$150–190 million", "$150–190 million", "USD", 150e6, 190e6, None),
    ("nearly $8 million", "$8 million", "USD", 8e6, 8e6, "approx"),
    ("several million dollars", "several million dollars", "USD", 2e6, 9e6, "vague"),
    ("tens of billions of dollars", "tens of billions of dollars", "USD", 1e10, 9.9e10, "vague"),
    ("several hundred million dollars in pressure", "several hundred million dollars", "USD", 2e8, 9e8, "vague"),
    ("exceeding a billion are common", "a billion", None, 1e9, 1e9, "at_least"),
    ("closer to 1:1 soon", "1:1", "ratio", 1, 1, None),
    ("a 15.1 to 1 ratio", "15.1 to 1", "ratio", 15.1, 15.1, None),
    ("the hard cap of 21 million coins", "21 million coins", "coins", 21e6, 21e6, None),
    ("5,000 BTC moved", "5,000 BTC", "coins", 5000, 5000, None),
    ("Hundred Billion Level Liquidation", "Hundred Billion", None, 1e11, 1e11, None),
    ("between 90% and 95% of it", "between 90% and 95%", "percent", 90, 95, None),
    ("$1.2bn", "$1.2bn", "USD", 1.2e9, 1.2e9, None),
    ("more than $3m", "$3m", "USD", 3e6, 3e6, "at_least"),
]

NOT_FIGURES = [
    "In 2026 the market changed.",
    "the December 2025 single-day peak",
    "within 24 hours and the past 60 minutes",
    "a 24-hour window and a one-hour window",
    "in the UTC+8 time zone, the East 8 Time Zone",
    "the Nikkei 225 index and the S&P 500",
    "Nvidia's H200 chips",
    "the BTC-USDT contract and BTC-USD perpetuals",
    "the second-largest venue, the 3rd time",
    "the 312 and 519 crashes",
    "three dimensions and three safety valves",
    "at 08:30 local time",
]


@pytest.mark.parametrize("text, figure, unit, lo, hi, qualifier", READS)
def test_reads(text, figure, unit, lo, hi, qualifier):
    figs = find_figures(text)
    assert len(figs) == 1, figs
    f = figs[0]
    assert (f.text, f.unit, f.qualifier) == (figure, unit, qualifier)
    assert f.lo == pytest.approx(lo) and f.hi == pytest.approx(hi)
    assert text[f.start:f.end] == figure


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(text):
    assert find_figures(text) == []


def test_move_from_to_is_two_points():
    figs = find_figures("bitcoin rose from $90,000 to $96,000")
    assert [(f.text, f.point) for f in figs] == [("$90,000", True), ("$96,000", True)]


def test_rounding_implied_by_digits():
    (a,) = find_figures("$1.451 billion")
    (b,) = find_figures("about $1.45 billion")
    assert a.precision == pytest.approx(0.0005e9)
    lo, hi = b.interval()
    assert lo <= 1.451e9 <= hi
    assert not (a.interval()[0] <= 1.46e9 <= a.interval()[1])


@settings(max_examples=80, deadline=None)
@given(
    whole=st.integers(min_value=1, max_value=999),
    frac=st.integers(min_value=0, max_value=999),
    mag=st.sampled_from(["million", "billion"]),
    prefix=st.sampled_from(["", "about ", "over ", "nearly "]),
)
def test_money_round_trip(whole, frac, mag, prefix):
    """Any newsroom money figure is read back to its value, unit and qualifier."""
    num = f"{whole}.{frac:03d}".rstrip("0").rstrip(".")
    text = f"Liquidations reached {prefix}${num} {mag} on the day."
    figs = find_figures(text)
    assert len(figs) == 1
    f = figs[0]
    assert f.unit == "USD" and f.text == f"${num} {mag}"
    assert f.lo == pytest.approx(float(num) * (1e6 if mag == "million" else 1e9))
    assert f.qualifier == {"": None, "about ": "approx", "nearly ": "approx", "over ": "at_least"}[prefix]


@settings(max_examples=60, deadline=None)
@given(year=st.integers(min_value=1990, max_value=2099), hours=st.sampled_from([1, 4, 12, 24, 48, 60]))
def test_years_and_windows_are_never_figures(year, hours):
    assert find_figures(f"In {year}, over the past {hours} hours and in a {hours}-hour window, nothing happened.") == []


GENRE = [
    # Hand-written market-news sentences (not from any template or seed): every figure, nothing else.
    ("Bitcoin fell 4.2% to $91,250 at 08:00 UTC on Nov. 18, its lowest since Q3 2025.", ["4.2%", "$91,250"]),
    ("Open interest dropped by $2.1 billion, while 128,000 traders were liquidated.", ["$2.1 billion", "128,000 traders"]),
    ("Top 10 coins lost ground; traders using 2x leverage and 100x leverage were hit.", []),
    ("The S&P 500 and the Nasdaq 100 both closed higher; the Fear & Greed index read 23.", ["23"]),
    ("ETH slid below $3,000 for the first time in 3 weeks, and SOL dropped 11 percent.", ["$3,000", "11 percent"]),
    ("A whale moved 5,000 BTC (worth roughly $450M) to Coinbase, Lookonchain said.", ["5,000 BTC", "$450M"]),
    ("Funding rates turned negative at -0.01% on Binance's BTCUSDT perpetual.", ["-0.01%"]),
    ("Liquidations totalled $1.2bn-$1.4bn depending on the dashboard.", ["$1.2bn-$1.4bn"]),
    ("On Dec. 5, 2025, about 1,200 accounts were wiped out within 4 hours.", ["1,200 accounts"]),
    ("It was the 2nd-largest day of 2026, with 3 of the 5 largest orders on OKX.", []),
    ("In the 24-hour period through 12:00 ET, longs made up 78.5% of liquidations.", ["78.5%"]),
    # a change and the level it reached are two figures, a spread is one range
    ("The market's value shrank by $190 billion to $2.9 trillion overnight.", ["$190 billion", "$2.9 trillion"]),
    ("Bitcoin shed $2,400 to $88,100 in an hour.", ["$2,400", "$88,100"]),
    ("Losses of $150 million to $190 million were reported.", ["$150 million to $190 million"]),
    ("Open interest moved by -0.4% to +0.6% over the day.", ["-0.4% to +0.6%"]),
    ("Funding fell by up to -0.2% to +0.1% across venues.", ["-0.2% to +0.1%"]),
    # a high or low against a span is a comparison someone made; an indicator's or instrument's span is a name
    ("Ether's share of open interest hit a 3-year high as shorts were squeezed.", ["3-year"]),
    ("SOL slid to a four-month low of $96.", ["four-month", "$96"]),
    ("Bitcoin lost its 200-day moving average while the 10-year yield rose.", []),
    ("The token sank to its weakest level in six years.", []),
]


@pytest.mark.parametrize("text, expected", GENRE)
def test_genre_sentences(text, expected):
    assert [f.text for f in find_figures(text)] == expected


# An amount in a coin the grammar's word list does not know, by its ticker in capitals; an ISO currency code;
# dollars written with the country ("U.S. dollars").
TICKER_AMOUNTS = [
    ("The wallet dumped 3,400 HYPE into the bounce.", "3,400 HYPE", "coins", 3400, "HYPE"),
    ("It shorted 720 HYPE at the open.", "720 HYPE", "coins", 720, "HYPE"),
    ("The fund now holds 4.8 million ARB tokens.", "4.8 million ARB tokens", "coins", 4.8e6, "ARB"),
    ("A trader sold 250k XRP in one block.", "250k XRP", "coins", 250e3, "XRP"),
    ("The address received 61,000 $ETH from a bridge.", "61,000 $ETH", "coins", 61000, "ETH"),
    ("Longs of 90 million DOGE were closed out.", "90 million DOGE", "coins", 90e6, "DOGE"),
    ("The desk withdrew 3.5M USDC after the flush.", "3.5M USDC", "USDC", 3.5e6, None),
    ("Exchanges there saw 41.7 billion KRW of positions closed.", "41.7 billion KRW", "KRW", 41.7e9, None),
    ("It bridged 1800 SUI to the exchange.", "1800 SUI", "coins", 1800, "SUI"),
    ("Longs worth 120 million U.S. dollars were closed.", "120 million U.S. dollars", "USD", 120e6, None),
    ("The exchange paid out 3,250 US dollars per account.", "3,250 US dollars", "USD", 3250, None),
]


@pytest.mark.parametrize("text, figure, unit, value, asset", TICKER_AMOUNTS)
def test_an_amount_of_a_ticker_is_coins_of_that_asset(text, figure, unit, value, asset):
    [fig] = [f for f in find_figures(text) if f.text == figure]
    assert (fig.unit, fig.lo, fig.asset) == (unit, value, asset)


@pytest.mark.parametrize("text", [
    "In 2024 BTC halved for the fourth time.",
    "Since 2021 SOL has tripled.",
    "The desk met at 9 AM UTC before 3 ETF issuers filed.",
    "Binance listed 40 BTC-USDT pairs and 12 SOL-PERP contracts.",
    "The top 10 CEX venues ranked by volume.",
    "LONGS LOSE 1.2 BILLION AS HYPE SLIDES",
])
def test_capitals_after_a_number_that_are_no_coin_amount(text):
    assert not [f for f in find_figures(text) if f.unit == "coins"]


# Parts of a magnitude, a hyphen before the magnitude word, "-plus", Indian magnitudes: the value as written.
MAGNITUDE_FORMS = [
    ("A quarter of a billion dollars of longs went.", "A quarter of a billion dollars", "USD", 250e6, None),
    ("Three quarters of a million dollars went in one order.", "Three quarters of a million dollars", "USD", 750e3, None),
    ("Nearly half a billion dollars was liquidated.", "half a billion dollars", "USD", 500e6, "approx"),
    ("Shorts lost $45-million in the squeeze.", "$45-million", "USD", 45e6, None),
    ("It was a $1.2-billion wipeout.", "$1.2-billion", "USD", 1.2e9, None),
    ("The $500 million-plus wipeout hit longs.", "$500 million-plus", "USD", 500e6, "at_least"),
    ("More than 1.5 lakh traders were hit.", "1.5 lakh traders", "count", 1.5e5, "at_least"),
    ("Longs lost $12 crore on the local venue.", "$12 crore", "USD", 1.2e8, None),
]


@pytest.mark.parametrize("text, figure, unit, value, qualifier", MAGNITUDE_FORMS)
def test_magnitude_forms(text, figure, unit, value, qualifier):
    from writer.check.phrases import build_phrases

    [fig] = find_figures(text, build_phrases({}).qualifiers)
    assert (fig.text, fig.unit, fig.qualifier) == (figure, unit, qualifier)
    assert fig.lo == pytest.approx(value)


@pytest.mark.parametrize("text", ["A $1.2-fold jump followed.", "It cost $3.5-ish, by one count."])
def test_a_figure_never_stops_inside_a_number(text):
    """'$1.2-fold' is no figure at all, never '$1' (the engine backing off the decimals)."""
    assert [f.text for f in find_figures(text)] == []


@pytest.mark.parametrize("text, figures", [
    # a price band told by the part of a level it sits in: the level is the figure
    ("Bitcoin slipped into the mid-$86,000 range overnight.", ["$86,000"]),
    ("BTC held in the high-$60,000 area all week.", ["$60,000"]),
    ("Ether sank to the low-$2,000 zone.", ["$2,000"]),
    # ...not a date or a word with the same prefix, nor another prefix before a price
    ("In mid-2021 the venue listed its first perpetuals.", []),
    ("A mid-cap token led the move.", []),
    ("Prices returned to pre-$50 levels.", []),
])
def test_a_price_band_reads_its_level(text, figures):
    assert [f.text for f in find_figures(text)] == figures
