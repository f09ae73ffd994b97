"""Drafts of events a desk editor writes from scratch: the story's shape leads, and no sentence says more than
the facts hold. Each event here is written for this test (figures and subjects of our own); each test names the
pattern it guards and has a counterpart that must still print the wording where the facts do support it.
"""

from __future__ import annotations

import re

import pytest

from draft_support import ROOT
from writer.draft import Drafter
from writer.draft.view import build_view
from writer.factbase.loader import event_from_text, load_registry

REGISTRY = load_registry(ROOT / "factbase" / "sources.yaml")
DRAFTER = Drafter(run_check=True)  # every draft here must pass its own provenance check


def _event(text: str, name: str = "shapes"):
    return event_from_text(text, f"{name}.yaml", REGISTRY)


def _draft(text: str, name: str = "shapes"):
    event = _event(text, name)
    return DRAFTER.draft(event, facts_path=f"{name}.yaml")


def _shape(text: str) -> str:
    return build_view(_event(text), DRAFTER.style.thresholds).shape


def _section(markdown: str, heading_words: str) -> str:
    """The body of the first section whose heading holds these words ("" when there is none)."""
    parts = re.split(r"^## ", markdown, flags=re.M)
    return next((p.split("\n", 1)[1] for p in parts[1:] if heading_words in p.split("\n", 1)[0]), "")


def _fact(fid: str, metric: str, value: str, source: str = "coinglass", **extra) -> str:
    lines = [f"  - id: {fid}", f"    metric: {metric}", "    unit: USD"]
    lines += [f"    {k}: {v}" for k, v in extra.items()]
    lines += [f"    observations: [{{source: {source}, value: {value}}}]"]
    return "\n".join(lines)


def _spread_total(fid: str, low: str, high: str, window: str) -> str:
    return (f"  - id: {fid}\n    metric: liquidations\n    unit: USD\n    window: {window}\n"
            f"    observations:\n      - {{source: coinglass, value: {low}}}\n      - {{source: coinank, value: {high}}}")


def _doc(eid: str, window: str, *facts: str, extra: str = "") -> str:
    return f"id: {eid}\nas_of: 2026-12-12T09:00:00Z\nwindows: [{window}]\nfacts:\n" + "\n".join(facts) + "\n" + extra


# --- 1. a dominant side leads over a narrow provider spread (view.py SHAPE) -----------------------------------

BTC_LONGS = _doc("btc-longs", "8h", _spread_total("total", "910M", "1.01B", "8h"),
                 _fact("longs", "liquidations", "790M", window="8h", side="long"))


def test_a_dominant_side_leads_over_a_narrow_provider_spread():
    assert _shape(BTC_LONGS) == "long_washout"
    d = _draft(BTC_LONGS)
    assert not d.title.startswith("Total liquidations put at"), d.title
    assert d.title.startswith("Longs"), d.title
    assert "differ" in d.markdown.split("\n## ", 1)[0]  # the spread is still said where the range is printed
    assert _section(d.markdown, "data differ") or _section(d.markdown, "numbers"), "the spread keeps its own section"


def test_the_spread_still_leads_when_no_side_dominates_or_the_gap_is_wide():
    balanced = _doc("balanced", "8h", _spread_total("total", "910M", "1.01B", "8h"),
                    _fact("longs", "liquidations", "480M", window="8h", side="long"),
                    _fact("shorts", "liquidations", "450M", window="8h", side="short"))
    wide = _doc("wide", "8h", _spread_total("total", "700M", "1.2B", "8h"),
                _fact("longs", "liquidations", "650M", window="8h", side="long"))
    for text in (balanced, wide):
        assert _shape(text) == "data_discrepancy"
        assert _draft(text).title.startswith("Total liquidations put at")


def test_a_dominant_short_side_makes_a_squeeze_despite_a_spread():
    text = _doc("shorts", "4h", _spread_total("total", "300M", "320M", "4h"),
                _fact("shorts", "liquidations", "250M", window="4h", side="short"))
    assert _shape(text) == "short_squeeze"


def test_per_asset_sides_decide_the_shape_when_there_is_no_market_wide_split():
    alts = _doc("alts", "4h",
                _fact("xrp_s", "liquidations", "48M", window="4h", asset="XRP", side="short"),
                _fact("ada_s", "liquidations", "19M", window="4h", asset="ADA", side="short"),
                _fact("xrp_l", "liquidations", "3.1M", window="4h", asset="XRP", side="long"))
    assert _shape(alts) == "short_squeeze"
    even = alts.replace("3.1M", "52M")
    assert _shape(even) != "short_squeeze"


# --- 2. no claim about the other side without a figure for it --------------------------------------------------

ETH_LONGS_ONLY = _doc("eth-longs", "6h", _fact("total", "liquidations", "500M", window="6h"),
                      _fact("longs", "liquidations", "370M", window="6h", side="long"))


def test_no_short_figure_no_sentence_about_the_shorts_losses():
    md = _draft(ETH_LONGS_ONLY).markdown
    assert "not spared" not in md
    assert "shorts took part" not in md.lower()


def test_with_a_short_figure_the_other_side_is_said_to_have_paid():
    text = ETH_LONGS_ONLY + _fact("shorts", "liquidations", "130M", window="6h", side="short") + "\n"
    md = _draft(text).markdown
    assert "shorts were not spared" in md


# --- 3. the tightest comparison that holds -----------------------------------------------------------------------

@pytest.mark.parametrize("total, record, words", [
    ("700M", "25B", "less than a twentieth of"),   # 2.8%
    ("4B", "21B", "less than a fifth of"),          # 19%
    ("6.2B", "19B", "less than a third of"),        # 33% at the top: a quarter would be false
    ("5.5B", "500M", "more than ten times"),
    ("1.3B", "600M", "more than twice"),
])
def test_history_is_compared_in_the_tightest_true_words(total, record, words):
    text = _doc("hist", "24h", _fact("total", "liquidations", total, window="24h"),
                _fact("record", "historical_liquidations", record, window="24h", label="the March 2020 crash"))
    md = _draft(text).markdown
    assert words in md, _section(md, "record")
    looser = {"less than a twentieth of": "less than a third of", "less than a fifth of": "less than half of",
              "more than ten times": "more than three times"}.get(words)
    if looser:
        assert looser not in md


# --- 4 and 8. pressure zones: each comparison once, on the right side, and the closing not doubled -----------------

def test_a_zone_larger_than_what_was_realised_is_said_once():
    text = ETH_LONGS_ONLY + _fact("zone", "pressure_zone", "1.4B", asset="ETH", side="long", direction="below",
                                  price_level=2500, status="estimate") + "\n"
    md = _draft(text).markdown
    assert "downside cluster is larger" in md
    assert "largest estimated cluster is bigger" not in md  # the same point a second time
    outlook = _section(md, "watch") or _section(md, "Outlook") or _section(md, "After the")
    assert outlook.count("cluster below the price") <= 1


SQUEEZE = _doc("sol-squeeze", "2h", _fact("shorts", "liquidations", "230M", window="2h", side="short"),
               _fact("zone", "pressure_zone", "700M", asset="SOL", side="short", direction="above",
                     price_level=260, status="estimate"))


def test_a_squeeze_zone_is_argued_as_the_same_side_and_a_rise():
    md = _draft(SQUEEZE).markdown
    zones = _section(md, "pressure zone") or _section(md, "next liquidations")
    assert "shorts mapped above the price are worth more" in zones
    for wrong in ("On the other side", "rebound", "sell-off", "largest estimated cluster is bigger"):
        assert wrong not in zones, wrong
    outlook = md.split("\n## ")[-1]
    assert outlook.count("cluster above the price") == 1


def test_the_other_side_is_said_only_after_the_cluster_below():
    both = ETH_LONGS_ONLY + "\n".join([
        _fact("shorts", "liquidations", "130M", window="6h", side="short"),
        _fact("zb", "pressure_zone", "900M", asset="ETH", side="long", direction="below", price_level=2500, status="estimate"),
        _fact("za", "pressure_zone", "600M", asset="ETH", side="short", direction="above", price_level=3300, status="estimate"),
    ]) + "\n"
    assert "On the other side, the shorts mapped above" in _draft(both).markdown


# --- 5. a venue reporting on its own books is named once --------------------------------------------------------

@pytest.mark.parametrize("status", ["official", "single_source"])
def test_a_venue_reporting_on_itself_is_named_once_in_its_sentence(status):
    line = f"\n    status: {status}" if status == "official" else ""
    text = _doc("venue-own", "12h", _fact("total", "liquidations", "410M", window="12h"),
                f"  - id: own\n    metric: liquidations\n    unit: USD\n    window: 12h\n    venue: okx{line}\n"
                "    observations: [{source: okx, value: 57M}]")
    md = _draft(text).markdown
    sentence = next(s for s in re.split(r"(?<=\.) ", md) if "$57 million" in s)
    assert sentence.count("OKX") == 1, sentence
    # another source reporting on a venue still names both
    other = text.replace("{source: okx, value: 57M}", "{source: coinglass, value: 57M}").replace(line, "")
    sentence = next(s for s in re.split(r"(?<=\.) ", _draft(other).markdown) if "$57 million" in s)
    assert "OKX" in sentence and "CoinGlass" in sentence


# --- 6. no macro paragraph without a macro item ------------------------------------------------------------------

MOVE = ("  - id: move\n    metric: price_change\n    unit: percent\n    window: 6h\n    asset: ETH\n    change: fall\n"
    "    observations: [{source: coinmarketcap, value: 7.5}]")


def test_no_backdrop_paragraph_without_a_context_item():
    rich = ETH_LONGS_ONLY + "\n".join([
        _fact("shorts", "liquidations", "130M", window="6h", side="short"), MOVE,
        _fact("eth", "liquidations", "210M", window="6h", asset="ETH"),
        _fact("btc", "liquidations", "120M", window="6h", asset="BTC"),
        _fact("bin", "liquidations", "160M", window="6h", venue="binance"),
        _fact("zb", "pressure_zone", "900M", asset="ETH", side="long", direction="below", price_level=2500, status="estimate"),
    ]) + "\n"
    md = _draft(rich).markdown
    for generic in ("Macro news", "macro", "Outside conditions", "The backdrop", "wider backdrop"):
        assert generic not in md, generic
    with_item = rich + "context:\n  - id: fed\n    text: The Federal Reserve held rates and signalled no cut before March\n    sources: [decrypt]\n"
    md = _draft(with_item).markdown
    assert "Federal Reserve" in md


# --- 7. the subject of the largest single liquidation is printed ------------------------------------------------

def test_the_holder_of_the_largest_single_liquidation_is_printed():
    text = _doc("single", "24h", _fact("total", "liquidations", "880M", window="24h"),
                _fact("big", "largest_single_liquidation", "14.2M", venue="bybit", subject="an account trading the BTCUSDT perpetual"))
    assert "an account trading the BTCUSDT perpetual" in _draft(text).markdown


# --- 8. the lede's figure sentence is not the next section's opening ---------------------------------------------

@pytest.mark.parametrize("text, figure", [
    (SQUEEZE, "$230 million"),
    (_doc("total-only", "24h", _fact("total", "liquidations", "615M", window="24h")), "$615 million"),
    (_doc("whale", "24h", _fact("loss", "trader_loss", "9.4M", source="lookonchain", subject="a wallet long PEPE at 20x")),
     "$9.4 million"),
])
def test_the_leading_figure_is_printed_once_in_the_body(text, figure):
    d = _draft(text)
    body = d.markdown.split("\n# ", 1)[1].split("\n", 1)[1]  # after the headline
    assert body.count(figure) == 1, body


# --- a heading never swallows its section's first paragraph (a template comment that strips the blank line after
# a heading joins the two; the paragraph then escapes the check, which reads headings apart) ------------------------

GOLDEN = sorted((ROOT / "tests" / "golden").rglob("*.md"))


@pytest.mark.parametrize("text", [BTC_LONGS, ETH_LONGS_ONLY, SQUEEZE], ids=["spread", "longs", "squeeze"])
def test_headings_of_new_events_are_headings_only(text):
    for line in _draft(text).markdown.split("\n"):
        if line.startswith("#"):
            assert ". " not in line and len(line.split()) <= 30, line


def test_golden_headings_are_headings_only():
    assert GOLDEN
    for path in GOLDEN:
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.startswith("## "):
                assert ". " not in line and len(line.split()) <= 12, f"{path.name}: {line[:120]}"


# --- stories of other shapes: a rumour-led event, a whale story, a squeeze with no level broken ---------------------

RUMOUR_LED = _doc("rumour", "24h",
                  _fact("claimed", "liquidations", "3B", source="x-posts", window="24h"),
                  _fact("fund", "trader_loss", "120M", source="community-chatter", subject="a quantitative fund"),
                  "  - id: move\n    metric: price_change\n    unit: percent\n    window: 24h\n    asset: BTC\n    change: fall\n"
                  "    observations: [{source: coinmarketcap, value: 5.2}]")


def test_nothing_counted_no_closing_that_says_the_market_shed_risk():
    md = _draft(RUMOUR_LED).markdown
    assert "shed some of its borrowed risk" not in md
    assert "Leverage will return" not in md
    assert "is not in the figures to hand" in md or "counts the liquidations themselves" in md
    assert "fell 5.2%" in md  # the market reading the lede promises is printed


def test_one_claim_is_not_spoken_of_as_several():
    one = _doc("one-claim", "4h", _fact("shorts", "liquidations", "180M", window="4h", side="short"),
               _fact("whale", "trader_loss", "22M", source="x-posts", subject="a pseudonymous trader"))
    md = _draft(one).markdown
    assert "Not one of these claims" not in md and "Claims like these" not in md
    two = one + "\n" + _fact("whale2", "trader_loss", "9M", source="x-posts", subject="a second trader") + "\n"
    rumours = _section(_draft(two).markdown, "claim") or _section(_draft(two).markdown, "Rumours")
    assert "Not one of these claims" in rumours or "Claims like these" in rumours


def test_a_squeeze_with_no_level_broken_argues_no_resistance():
    analysis = _section(_draft(SQUEEZE).markdown, "squeeze") or _section(_draft(SQUEEZE).markdown, "shorts were forced")
    assert analysis
    for word in ("resistance", "leaned on a ceiling", "breakout", "broke through"):
        assert word not in analysis, word


def test_a_loss_after_a_largest_order_of_the_same_source_starts_its_sentence():
    text = _doc("whales", "24h", _fact("total", "liquidations", "520M", window="24h"),
                _fact("big", "largest_single_liquidation", "8.8M", source="arkham", venue="hyperliquid"),
                _fact("loss", "trader_loss", "13.1M", source="arkham", subject="a wallet short SOL at 25x"))
    md = _draft(text).markdown
    assert ". a wallet short" not in md and "A wallet short SOL at 25x lost" in md  # who lost what, one sentence
