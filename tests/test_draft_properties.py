"""Property tests over generated fact bases: every figure keeps its wording, no number is invented.

Events are written as YAML text and loaded through the real loader, so they
are valid by the fact base's own rules (sides add up, statuses match
observations). The checks here are independent of the style file: they read
the finished Markdown and the claim map as an editor would.
"""

from __future__ import annotations

import re
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draft_support import ROOT
from writer.factbase.loader import event_from_text, load_registry
from writer.factbase.records import DESCRIBED_NOUNS

REGISTRY = load_registry(ROOT / "factbase" / "sources.yaml")
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@lru_cache(maxsize=1)
def drafter():
    from writer.draft import Drafter

    return Drafter(run_check=False)


amounts = st.integers(min_value=10_000, max_value=5_000_000_000).map(lambda v: float(v))


def fact(fid, metric, unit, obs, **extra) -> str:
    lines = [f"  - id: {fid}", f"    metric: {metric}", f"    unit: {unit}"]
    lines += [f"    {k}: {v}" for k, v in extra.items() if v is not None]
    if obs:
        lines.append("    observations:")
        lines += [f"      - {{source: {s}, value: {v!r}}}" for s, v in obs]
    return "\n".join(lines)


@st.composite
def events(draw):
    window = draw(st.sampled_from(["24h", "60m", "12h", "4h", None]))
    long_v, short_v = draw(amounts), draw(amounts)
    kind = draw(st.sampled_from(["single", "multi", "disputed"]))
    src = draw(st.sampled_from(["coinglass", "coinank", "unnamed-aggregator"]))
    facts = []

    side_src = draw(st.sampled_from([src, "coinglass", "coinank"]))  # sides may come from another provider

    def obs(v, disputed=False, source=None):
        if kind == "single":
            return [(source or src, v)]
        if disputed:
            return [("coinglass", v), ("coinank", round(v * 1.3, 0))]
        return [("coinglass", v), ("coinank", v)]

    parts = draw(st.sets(st.sampled_from(["total", "long", "short"]), min_size=0, max_size=3))
    if "total" in parts:
        facts.append(fact("total", "liquidations", "USD", obs(long_v + short_v, disputed=kind == "disputed"), window=window))
    sides_disputed = kind == "disputed" and draw(st.booleans())
    if "long" in parts:
        facts.append(fact("long", "liquidations", "USD", obs(long_v, disputed=sides_disputed, source=side_src), window=window, side="long"))
    if "short" in parts:
        facts.append(fact("short", "liquidations", "USD", obs(short_v, disputed=sides_disputed, source=side_src), window=window, side="short"))
    if draw(st.booleans()):
        facts.append(fact("btc", "liquidations", "USD", obs(round(min(long_v, short_v) / 3)), window=window, asset="BTC"))
    if draw(st.booleans()):
        facts.append(fact("binance_floor", "liquidations", "USD", [("binance", round(min(long_v, short_v) / 3))], window=window, venue="binance", status="official", lower_bound="true"))
    if draw(st.booleans()):
        # A venue's own split: its shares are derived from official figures.
        small = round(min(long_v, short_v) / 8) + 2
        facts.append(fact("bybit_total", "liquidations", "USD", [("bybit", 2 * small)], window=window, venue="bybit", status="official"))
        facts.append(fact("bybit_long", "liquidations", "USD", [("bybit", small)], window=window, venue="bybit", side="long", status="official"))
        facts.append(fact("bybit_short", "liquidations", "USD", [("bybit", small)], window=window, venue="bybit", side="short", status="official"))
    if draw(st.booleans()):
        facts.append(fact("zone_below", "pressure_zone", "USD", [("hyblock", draw(amounts))], asset="BTC", side="long", direction="below", price_level=draw(st.integers(20_000, 150_000)), status="estimate"))
    if draw(st.booleans()):
        facts.append(fact("zone_above", "pressure_zone", "USD", [("coinglass", draw(amounts))], asset="BTC", side="short", direction="above", price_level=draw(st.integers(20_000, 150_000)), status="estimate", note="modelled from open positions"))
    if draw(st.booleans()):
        facts.append(fact("wall", "position_concentration", "USD", [("x-posts", draw(amounts))], asset="BTC", side="short"))
    if draw(st.booleans()):
        facts.append(fact("pending_total", "liquidations", "USD", [("research-brief", round(min(long_v, short_v) / 4))], window=window, asset="ETH", status="pending_verification"))
    if draw(st.booleans()):
        facts.append(fact("level", "price_level", "USD", [("market-data", draw(st.integers(1_000, 150_000)))], asset="BTC", direction=draw(st.sampled_from(["above", "below"]))))
    if draw(st.booleans()):
        facts.append(fact("largest", "largest_single_liquidation", "USD", [("okx", round(short_v / 10) + 1)], window=window, venue="okx", status="official"))
    if draw(st.booleans()):
        facts.append(fact("accounts", "liquidated_accounts", "count", [(src, draw(st.integers(100, 500_000)))], window=window))
    if draw(st.booleans()) or not facts:
        facts.append(fact("gap_total", "liquidations", "USD", [], window="24h" if window != "24h" else "60m", status="unavailable", reason="no provider publishes it"))
    windows = sorted({window, "24h", "60m"} - {None})
    context = ""
    if draw(st.booleans()):
        context = "context:\n  - id: chatter\n    kind: sentiment\n    status: rumor\n    text: traders on X say a fund is behind the move\n    sources: [x-posts]\n"
    quotes = ""
    if draw(st.booleans()):
        quotes = "quotes:\n  - id: q\n    speaker: CZ\n    channel: on X\n    words: Leverage cuts both ways\n    source: cz\n"
    eid = f"gen-{draw(st.integers(0, 10**6))}"
    text = f"id: {eid}\nas_of: 2026-11-17T09:00:00+08:00\nwindows: [{', '.join(windows)}]\nfacts:\n" + "\n".join(facts) + "\n" + context + quotes
    return event_from_text(text, f"{eid}.yaml", REGISTRY)


_NUM = re.compile(r"([-+]?)\$?(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion))?(?:\s*(%|to 1(?![\d,]|\.\d)|BTC|ETH))?")
_SCALE = {None: 1, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_WINDOW_WORDS = re.compile(r"\b\d+(?:-| )(?:hours?|minutes?|days?|weeks?|months?)\b")


def numbers_in(text: str) -> list[float]:
    """Every number of ``text`` with its sign, magnitude word and unit; a comma is a digit group's
    separator only between digits ("1,250"), never a number of its own ("unverified, circulating")."""
    out = []
    for m in _NUM.finditer(text):
        v = float(m.group(2).replace(",", "")) * _SCALE[m.group(3)]
        out.append(-v if m.group(1) == "-" else v)
    return out


def close(printed: float, true: float, unit: str, *, floor: bool = False) -> bool:
    if unit == "percent":
        return abs(printed - true) <= (0.51 if abs(true) >= 10 else 0.051 if abs(true) >= 1 else abs(true) * 0.05 + 1e-9)
    tol = abs(true) * 0.005 + 0.51
    if floor:
        return printed <= true + 1e-6 and true - printed <= abs(true) * 0.01 + 1
    return abs(printed - true) <= tol


REQUIRED = {
    # "single-source", or "a single unnamed report" for a source named by a description (records.DESCRIBED_NOUNS)
    "single_source": [r"single[- ]source|\ba single (?:[\w-]+ )?(?:" + "|".join(DESCRIBED_NOUNS) + r")\b"],
    "rumor": [r"unverified|rumou?r"],
    "pending_verification": [r"pending verification|unconfirmed"],
    "estimate": [r"estimate", r"not realised|not a measured"],
    "disputed": [r"differ"],
    "official": [r"own (?:figures|data|records)"],
}


@SETTINGS
@given(events())
def test_every_figure_has_its_wording_and_no_number_is_invented(event):
    draft = drafter().draft(event)
    md = draft.markdown
    claims = draft.claims
    body_start = md.index("---\n", 4) + 4
    masked = list(md)
    for fig in claims["figures"]:
        fact = event.fact(fig["fact"])
        sentence = claims["sentences"][fig["sentence"]]["text"]
        for rx in REQUIRED.get(fact.status.value, []):
            assert re.search(rx, sentence, re.I), (fact.id, fact.status, sentence)
        if fact.is_derived:
            assert "by our calculation" in sentence.lower(), sentence
        for s in fact.sources:
            names = (event.source_name(s), event.registry[s].single_name)  # a described source told as one
            assert any(n in sentence.replace("\\", "") for n in names), (fact.id, sentence)
        if fig["section"] in ("headline", "lede"):
            assert fact.status.headline_safe, fact.id
        text = fig["text"]
        values = numbers_in(text)
        assert values, text
        if fig["role"] == "level":
            assert values == [fact.price_level] or close(values[0], fact.price_level, "USD"), (text, fact.price_level)
        elif fig["role"] == "value":
            lo, hi = fact.bounds
            if text.startswith("between"):
                assert fact.status.value == "disputed" or fact.value is None
                assert close(values[0], lo, fact.unit) and close(values[1], hi, fact.unit), (text, lo, hi)
            elif text.startswith("at least"):
                assert fact.lower_bound and close(values[0], fact.value, fact.unit, floor=True), (text, fact.value)
            else:
                assert fact.status.value != "disputed", text
                assert close(values[0], fact.value, fact.unit), (text, fact.value)
        for i in range(fig["start"], fig["end"]):
            masked[i] = " "
    rest = _WINDOW_WORDS.sub(" ", "".join(masked)[body_start:])
    assert not re.search(r"\d", rest), re.search(r".{0,60}\d.{0,20}", rest).group(0)
    assert "None" not in md and "{{" not in md and "()" not in md


@SETTINGS
@given(st.lists(st.sampled_from(["liquidations", "liquidated_accounts", "largest_single_liquidation", "open_interest"]), min_size=1, max_size=4, unique=True))
def test_an_event_with_only_gaps_drafts_and_says_so(metrics):
    facts = "\n".join(
        fact(f"gap_{m}", m, "count" if m == "liquidated_accounts" else "USD", [], window="24h", status="unavailable", reason="no provider publishes it")
        for m in metrics
    )
    event = event_from_text(f"id: only-gaps\nas_of: 2026-11-17T09:00:00+08:00\nwindows: [24h]\nfacts:\n{facts}\n", "only-gaps.yaml", REGISTRY)
    draft = drafter().draft(event)
    assert draft.markdown.count("no reliable figure") + draft.markdown.count("No reliable figure") == len(metrics)
    assert not draft.claims["figures"]
    assert draft.title


def test_synthetic_fact_bases_all_draft(tmp_path):
    """Every event of the benchmark generator (all shapes and statuses) drafts and passes the self-check."""
    from test_batch_support import generator

    make_factbase = generator()
    from writer.factbase.loader import load_factbase

    make_factbase.write_factbase(80, tmp_path, seed=3)
    events, problems = load_factbase([tmp_path])
    assert not problems and len(events) == 80
    shapes = set()
    for event in events:
        draft = drafter().draft(event)
        shapes.add(draft.claims["shape"])
        assert draft.claims["figures"] and "## " in draft.markdown
    assert len(shapes) >= 3
