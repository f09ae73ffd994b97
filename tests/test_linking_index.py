"""Linking through the SupportIndex gives exactly the links of the plain all-pairs scan.

The index (writer/check/support_index.py) lets a figure be scored only against
the supports its value could fit or be a mistyped version of. Here every
figure of many texts is linked both ways, on the bundled events, the corpus
fact files and generated fact bases, with figures rewritten to miss, overshoot,
round, bound or swap the facts' values, and the two lists of links must be equal.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draft_support import CORPUS, EVENTS, ROOT, drafter
from writer.check import Checker
from writer.check.figures import find_figures
from writer.check.linking import edit_window, value_match, value_window
from writer.factbase.loader import event_from_text, load_event, load_registry

REGISTRY = load_registry(ROOT / "factbase" / "sources.yaml")
KINDS = sorted((ROOT / "factbase" / "kinds").glob("*.yaml"))


@lru_cache(maxsize=1)
def checkers() -> tuple[Checker, Checker]:
    plain = Checker()
    plain.link_by_index = False
    indexed = Checker()
    indexed.index_from = 0  # the index on every fact base, however small (by default only from 128 supports)
    return indexed, plain


def assert_same_links(text: str, event) -> int:
    indexed, plain = checkers()
    fast = indexed.links(text, event=event)
    slow = plain.links(text, event=event)
    assert [fu.figure for fu, _, _ in fast] == [fu.figure for fu, _, _ in slow]
    for (fu, a, _), (_, b, _) in zip(fast, slow):
        assert a == b, (fu.figure.text, fu.sentence.text)
    return len(fast)


_MONEY = re.compile(r"\$(\d[\d,]*(?:\.\d+)?)(\s(?:million|billion))?")
# How an editor's hand changes a figure: kept, off by a little, by a lot, by more than the edit factor, bounded, hedged.
_REWRITES = [
    lambda v, m: f"${v}{m}",
    lambda v, m: f"${float(v.replace(',', '')) * 1.3:.3g}{m}",
    lambda v, m: f"${float(v.replace(',', '')) * 0.4:.3g}{m}",
    lambda v, m: f"${float(v.replace(',', '')) * 12:.4g}{m}",
    lambda v, m: f"over ${v}{m}",
    lambda v, m: f"under ${v}{m}",
    lambda v, m: f"between ${v}{m} and ${float(v.replace(',', '')) * 1.2:.3g}{m}",
    lambda v, m: f"several{m or ' million'} dollars",
]
_SWAPS = [("long", "short"), ("bitcoin", "ether"), ("BTC", "SOL"), ("24 hours", "4 hours"), ("CoinGlass", "CoinAnk")]


def variants(text: str) -> list[str]:
    out = [text]
    for i, rewrite in enumerate(_REWRITES[1:], start=1):
        out.append(_MONEY.sub(lambda m, i=i: _REWRITES[i](m.group(1), m.group(2) or ""), text))
    for a, b in _SWAPS:
        out.append(text.replace(a, "\0").replace(b, a).replace("\0", b))
    return out


@pytest.mark.parametrize("path", EVENTS + CORPUS + KINDS, ids=lambda p: p.stem)
def test_drafts_and_their_edits_link_alike(path):
    event = load_event(path)
    draft = drafter().draft(event, facts_path=path.relative_to(ROOT).as_posix())
    figures = sum(assert_same_links(text, event) for text in variants(draft.markdown))
    assert figures > 0


def test_the_handwritten_fixture_links_alike():
    folder = ROOT / "tests" / "fixtures" / "check"
    event = load_event(folder / "facts" / "event.yaml", load_registry(folder / "facts" / "sources.yaml"))
    text = (folder / "articles" / "handwritten.md").read_text(encoding="utf-8")
    assert sum(assert_same_links(t, event) for t in variants(text)) > 0


# --- generated fact bases and sentences ----------------------------------------------------------

_ASSETS = ["BTC", "ETH", "SOL", "HYPE", "PEPE", None]
_SIDES = ["long", "short", None]
_WINDOWS = ["24h", "4h", "60m", None]
_SOURCES = ["coinglass", "coinank", "binance"]


@st.composite
def fact_bases(draw):
    n = draw(st.integers(1, 25))
    lines = ["id: gen", "as_of: 2026-11-17T09:00:00+08:00", "windows: [24h, 4h, 60m]", "facts:"]
    values, sided, used = [], {}, set()
    for i in range(n):
        value = draw(st.sampled_from([draw(st.integers(1, 5_000_000_000)), 100 + i, 96_000, 0]))
        asset, side, window = draw(st.sampled_from(_ASSETS)), draw(st.sampled_from(_SIDES)), draw(st.sampled_from(_WINDOWS))
        metric = draw(st.sampled_from(["liquidations", "liquidations", "open_interest"]))
        # One subject once, and one way of splitting each window's metric (by side, by asset, or its
        # total alone): the loader checks that parts add up to their whole.
        split = "side" if side else "asset" if asset else "total"
        if side and asset:
            continue
        if sided.setdefault((window, metric), split) != split or (asset, side, window, metric) in used:
            continue
        used.add((asset, side, window, metric))
        lines += [f"  - id: f{i}", f"    metric: {metric}", "    unit: USD"]
        lines += [f"    {k}: {v}" for k, v in (("asset", asset), ("side", side), ("window", window)) if v]
        if draw(st.booleans()):  # two sources that disagree: a range (with, at times, the report's average of the two)
            lines += ["    observations:", f"      - {{source: coinglass, value: {value}}}", f"      - {{source: coinank, value: {round(value * 1.4)}}}"]
            if value and draw(st.booleans()):
                lines += [f"    average: {{value: {round(value * 1.2)}}}"]
                values.append(round(value * 1.2))
        else:
            lines += ["    observations:", f"      - {{source: {draw(st.sampled_from(_SOURCES))}, value: {value}}}"]
        values.append(value)
    if not values:
        lines += ["  - id: only", "    metric: liquidations", "    unit: USD", "    observations:", "      - {source: coinglass, value: 1000}"]
        values.append(1000)
    return event_from_text("\n".join(lines) + "\n", "gen.yaml", REGISTRY), values


_WORDING = {"BTC": "bitcoin", "ETH": "ETH", "SOL": "Solana", "HYPE": "HYPE", "PEPE": "PEPE"}


def money(v: float) -> str:
    if v >= 1e9:
        return f"${v / 1e9:.3g} billion"
    if v >= 1e6:
        return f"${v / 1e6:.3g} million"
    return f"${v:,.0f}"


@st.composite
def sentences(draw, values):
    value = draw(st.sampled_from(values)) * draw(st.sampled_from([1, 1, 1.02, 1.3, 0.5, 4, 11, 0.09]))
    figure = draw(st.sampled_from(["{m}", "about {m}", "over {m}", "under {m}", "{m} to {m2}", "several million dollars", "an average of {m}"]))
    figure = figure.format(m=money(value), m2=money(value * 1.4))
    asset = draw(st.sampled_from(_ASSETS))
    side = draw(st.sampled_from(_SIDES))
    words = " ".join(w for w in (side, _WORDING.get(asset)) if w)
    source = draw(st.sampled_from(["CoinGlass", "CoinAnk", "Binance", "a tracker"]))
    window = draw(st.sampled_from(["24 hours", "4 hours", "the past hour", "the session"]))
    return f"{words.capitalize() or 'Total'} liquidations came to {figure} over {window}, {source} data show."


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_generated_fact_bases_link_alike(data):
    event, values = data.draw(fact_bases())
    text = "\n\n".join(data.draw(st.lists(sentences(values), min_size=1, max_size=8)))
    assert assert_same_links(text, event) > 0


# --- the windows themselves ----------------------------------------------------------------------

_FIGURES = ["$1.451 billion", "about $1.5 billion", "over $90 million", "under $2 billion", "between $150 million and $190 million",
            "several hundred million dollars", "-3.4%", "94%", "$96,000", "0%", "$0",
            "over -58%", "up to -5.2%", "10,000 yuan", "between 675,000 and 1.13 million", "940 per minute to 1,570 per minute"]


@settings(max_examples=300, deadline=None)
@given(text=st.sampled_from(_FIGURES), factor=st.floats(0.3, 2.5), sign=st.sampled_from([1, 1, -1]),
       width=st.sampled_from([0.0, 0.0, 0.05, 0.3]))
def test_every_value_match_lies_in_the_value_window(text, factor, sign, width):
    """The window may hold supports value_match refuses, never leave out one it accepts."""
    from writer.check.linking import Support
    from writer.factbase.vocabulary import Status

    (fig,) = find_figures(text)
    lo = sign * factor * (fig.lo or 1.0)
    hi = lo + abs(lo) * width
    s = Support("f", fig.unit or "USD", lo, hi, Status.SINGLE_SOURCE, (), None, point=width == 0)
    a, b = value_window(fig)
    mirrored = (-hi, -lo) if hi < 0 else (lo, hi)
    inside = (lo <= b and hi >= a) or (mirrored[0] <= b and mirrored[1] >= a)
    assert inside or value_match(fig, s) is None


def test_value_window_holds_the_matches_of_each_form():
    from writer.check.linking import Support
    from writer.factbase.vocabulary import Status

    for text, value in [("about $1.5 billion", 1.46e9), ("over $90 million", 170e6), ("under $2 billion", 1.1e9),
                        ("several hundred million dollars", 286e6), ("3.4%", -3.4)]:
        (fig,) = find_figures(text)
        s = Support("f", fig.unit or "USD", value, value, Status.SINGLE_SOURCE, (), None)
        assert value_match(fig, s) == "match", text
        a, b = value_window(fig)
        assert a <= abs(value) <= b, text


def test_the_edit_window_is_a_factor_of_ten_either_side():
    (fig,) = find_figures("$50 million")
    lo, hi = edit_window(fig)
    assert lo == pytest.approx(5e6, rel=1e-5) and hi == pytest.approx(5e8, rel=1e-5)
    (zero,) = find_figures("$0")
    assert edit_window(zero) is None


def test_facts_of_another_asset_that_tie_with_the_named_one_are_kept():
    """Two facts of one value, one of the asset the words name and one of another, every mix of
    side and window: wherever the other asset's fact scores as well, both links agree."""
    # bitcoin's facts are all short, ether's all long: "bitcoin long" fits neither fully (no totals: the
    # loader checks that sides add up to them)
    windows = ["4h", "24h", None]
    lines = ["id: tie", "as_of: 2026-11-17T09:00:00+08:00", "windows: [24h, 4h]", "facts:"]
    n = 0
    for asset, sides in (("BTC", ["short"]), ("ETH", ["long"])):
        for side in sides:
            for window in windows:
                lines += [f"  - id: f{n}", "    metric: liquidations", "    unit: USD", f"    asset: {asset}"]
                lines += [f"    {k}: {v}" for k, v in (("side", side), ("window", window)) if v]
                lines += ["    observations:", f"      - {{source: coinglass, value: {50_000_000 + n}}}"]
                n += 1
    event = event_from_text("\n".join(lines) + "\n", "tie.yaml", REGISTRY)
    texts = [f"Bitcoin {side or ''} liquidations came to about $50 million over {window}, CoinGlass data show."
             for side in ("long", "short", "") for window in ("4 hours", "24 hours", "the session")]
    assert sum(assert_same_links(t, event) for t in texts) == len(texts)


def test_a_reported_average_of_another_assets_fact_links_alike():
    """The average of a fact of an asset the words do not name: it scores its bonus in both ways."""
    lines = ["id: avg", "as_of: 2026-11-17T09:00:00+08:00", "windows: [24h]", "facts:",
             "  - {id: btc_long, metric: liquidations, unit: USD, window: 24h, asset: BTC, side: long,",
             "     observations: [{source: coinglass, value: 50000000}, {source: coinank, value: 50000000}], average: {value: 50000000}}",
             "  - {id: eth_long, metric: liquidations, unit: USD, window: 24h, asset: ETH, side: long, observations: [{source: coinglass, value: 900000000}]}"]
    event = event_from_text("\n".join(lines) + "\n", "avg.yaml", REGISTRY)
    texts = [f"Long {w} liquidations came to {f} over 24 hours, CoinGlass data show."
             for w in ("eth", "bitcoin", "") for f in ("an average of $50 million", "$50 million", "an average of $900 million")]
    assert sum(assert_same_links(t, event) for t in texts) == len(texts)
