"""Every valid event drafts: hypothesis strategies over the whole fact schema.

Events are built as YAML mappings across every metric, status, qualifier and
kind of item the fact model accepts (context-only and gap-only events, ranges
from one source, odd source display names such as ``@whale_alert``), loaded
through the real loader (so only valid events reach the drafter) and drafted
with the provenance check's round trip switched on. For each draft: it exists
(a valid event the drafter refuses is a drafter bug), every printed figure
carries the wording its status requires and names its sources, and no number
appears that the facts do not hold, and the check reads every figure as the fact it was drafted from.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from draft_support import repo_registry
from writer.check.scope import RUN_STATUSES
from test_draft_properties import REQUIRED, _WINDOW_WORDS, close, numbers_in
from writer.errors import WriterError
from writer.factbase.loader import event_from_text
from writer.factbase.records import Source
from writer.factbase.vocabulary import (AVERAGE_METRICS, CHANGE_METRICS, CURRENCIES, METRICS, PERCENT_OF_WHOLE, SUBJECT_METRICS, Hedge, HedgeKind,
                                         Magnitude, SourceKind, window_minutes)
from writer.mdtext import md_escape

# Derandomized: the same examples in every run, alone, in the full suite or on a fresh clone (with
# tests/conftest.py's settings, which keep loaded modules' numbers out of the draws), so CI is stable.
# The long search with chosen seeds and many more examples: bench/fuzz_draft_new_kinds.py.
SETTINGS = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

# Source display names an editor may well register: X handles, names with Markdown's
# emphasis characters, brackets, ampersands, a trailing "s".
ODD_SOURCES = {
    "whale-handle": ("@whale_alert", SourceKind.SOCIAL),
    "star-data": ("*Star* Data", SourceKind.AGGREGATOR),
    "under-ex": ("Bits_and_Bobs Exchange", SourceKind.EXCHANGE),
    "bracket-research": ("A&B [Research]", SourceKind.RESEARCH),
    "chain-under": ("on_chain_watch", SourceKind.ONCHAIN),
    "analysts": ("Kraken Analysts", SourceKind.RESEARCH),
    "digits": ("3Commas Data", SourceKind.AGGREGATOR),  # digits in a name are not a figure
    "dotted": ("Data Co.", SourceKind.MEDIA),  # a full stop that does not end a sentence
    "apostrophe": ("O'Brien Analytics", SourceKind.RESEARCH),
    "parens": ("Ledger (Markets)", SourceKind.MEDIA),
}
# Unnamed groups: plural and nameless, never "a single source".
GROUP_SOURCES = {
    "trackers": ("various market_trackers", SourceKind.AGGREGATOR),
    "desks": ("*several* trading desks", SourceKind.RESEARCH),
}


@lru_cache(maxsize=1)
def registry():
    base = repo_registry()
    extra = {sid: Source(sid, name, kind) for sid, (name, kind) in ODD_SOURCES.items()}
    extra.update({sid: Source(sid, name, kind, group=True) for sid, (name, kind) in GROUP_SOURCES.items()})
    return replace(base, sources={**base.sources, **extra})


@lru_cache(maxsize=1)
def drafter():
    from writer.draft import Drafter

    return Drafter()  # with the provenance check's round trip


BY_KIND: dict[SourceKind, list[str]] = {}
for _sid, _src in repo_registry().sources.items():
    BY_KIND.setdefault(_src.kind, []).append(_sid)
for _sid, (_name, _kind) in ODD_SOURCES.items():
    BY_KIND.setdefault(_kind, []).append(_sid)
NAMED = [s for k, ids in BY_KIND.items() if k not in (SourceKind.SOCIAL,) for s in ids]
GROUPS = sorted(GROUP_SOURCES)
# Sources whose display name names them (not a group, not described): the ones an `unnamed_credit` may stand beside.
NAMES_THAT_NAME = frozenset(s for s in NAMED if s in repo_registry().sources
                            and not (repo_registry()[s].group or repo_registry()[s].is_described))
HEDGES = st.sampled_from([h.value for h in Hedge])  # every qualifier the fact model accepts
MAGNITUDES = {
    "USD": ["several_million", "tens_of_millions", "hundreds_of_millions", "several_billion", "tens_of_billions"],
    "count": ["several_thousand", "tens_of_thousands", "hundreds_of_thousands", "dozens", "hundreds", "several_hundred"],
    "coins": ["several_thousand", "tens_of_thousands"],
}
WORDED = st.sampled_from(["scores of traders", "most of it", "a similar sum", "far less"])
READINGS = st.sampled_from(["Extreme Fear", "the vast majority were longs", "Binance_bore the brunt", "greed"])
VENUES = BY_KIND[SourceKind.EXCHANGE]
OFFICIAL = BY_KIND[SourceKind.EXCHANGE] + BY_KIND[SourceKind.ONCHAIN]
SOCIAL = BY_KIND[SourceKind.SOCIAL]

WINDOWS = st.sampled_from([None, "60m", "1h", "4h", "12h", "24h", "7d", "1w"])
# Tickers as the market writes them too: lower-case letters in them (stETH, vBNB) and a lot size (1000PEPE).
ASSETS = st.sampled_from([None, "BTC", "ETH", "XRP", "DOGE", "SOL", "HYPE", "PEPE", "stETH", "vBNB", "1000PEPE"])
TEXTS = st.sampled_from([
    "funding stayed negative through the session",
    "a fund is said to be behind the move",
    "spot ETF flows turned negative",
    "the exchange paused withdrawals_briefly",
    "traders *expect* a rebound",
    "the index closed at a record",
])

SCALES = {  # a plausible magnitude per unit, so generated values look like real ones
    "USD": (10_000, 9_000_000_000),
    "count": (10, 900_000),
    "percent": (-60, 60),
    "ratio": (0, 40),
    "index": (1, 60_000),
    "coins": (1, 900_000),
}


@st.composite
def value(draw, unit: str):
    lo, hi = SCALES.get(unit, SCALES["count"])
    if unit in ("percent", "ratio"):
        v = draw(st.floats(min_value=lo, max_value=hi, allow_nan=False).map(lambda x: round(x, 2)))
        if unit == "ratio" and v <= 0:
            v = 1.5
        return v
    return draw(st.integers(min_value=lo, max_value=hi))


@st.composite
def observations(draw, unit: str, status: str | None, liquidations: bool = False, new_kinds: bool = True):
    """Observations that bear the status (or let the loader derive one), with the new kinds mixed in:
    a source's hedge, a vague magnitude, a reading in words, an unnamed group and its spread."""
    found = draw(plain_observations(unit, status))
    if unit == "none":
        return [{"source": o["source"], "reading": draw(READINGS)} for o in found]
    if not new_kinds:
        return found
    if status in (None, "single_source", "multi_source", "estimate") and draw(st.integers(0, 4)) == 0:
        # an unnamed group (with a spread between its members when it gives a range)
        o = dict(found[0], source=draw(st.sampled_from(GROUPS)))
        if "range" in o and draw(st.booleans()):
            o["spread"] = True
        found = [o]
    for o in found:
        roll = draw(st.integers(0, 9))
        if roll < 2 and unit in MAGNITUDES and status not in ("disputed", "multi_source") and len(found) == 1 and liquidations:
            o.pop("value", None), o.pop("range", None), o.pop("spread", None)
            o["magnitude"] = draw(st.sampled_from(MAGNITUDES[unit]))
        elif roll < 5 and status not in ("disputed", "multi_source"):
            o["hedge"] = draw(HEDGES) if "value" in o or draw(st.booleans()) else [draw(HEDGES), None]
        if draw(st.integers(0, 5)) == 0:
            o["as_of"] = draw(st.sampled_from(["2026-11-16", "2026-11-17T08:00:00+08:00", "--11-16", "2026", "--11-17T08:00+08:00"]))
        if "value" in o and isinstance(o["value"], int) and draw(st.integers(0, 6)) == 0:
            o["revisions"] = [{"value": int(o["value"] * 0.8) + 1, "as_of": "2026-11-16T08:00:00+08:00"}]
        if "value" in o and unit in MAGNITUDES and draw(st.integers(0, 5)) == 0:
            held = holding(o["value"], unit)  # the words a report gives with its number ("hundreds of millions, $310 million")
            if held:
                o["magnitude"] = draw(st.sampled_from(held))
        if draw(st.integers(0, 5)) == 0:  # a relayed credit ("data compiled by CoinGlass, cited by Decrypt")
            o["via"] = draw(st.sampled_from([r for r in RELAYS if r != o["source"]]))
        if o["source"] in NAMES_THAT_NAME and draw(st.integers(0, 7)) == 0:  # the same figure credited unnamed elsewhere in the report
            o["unnamed_credit"] = draw(st.sampled_from(["market-data", "public-data", "data-providers"]))
    if status is None and draw(st.integers(0, 7)) == 0:
        # a further source that gives the figure only in words ("scores of traders", "most of it")
        others = [s for s in NAMED if s not in {o["source"] for o in found}]
        found = [*found, {"source": draw(st.sampled_from(others)), "reading": draw(WORDED)}]
    return found


# Outlets that relay another source's figures (`via`), an odd display name among them.
RELAYS = ["decrypt", "the-block", "beincrypto", "dotted"]


def holding(v, unit: str) -> list[str]:
    """The magnitudes of ``unit`` whose words hold the value ``v`` (a count's bare "dozens" only for a count)."""
    return [m for m in MAGNITUDES[unit] if Magnitude(m).interval[0] <= abs(v) < Magnitude(m).interval[1]]


@st.composite
def plain_observations(draw, unit: str, status: str | None):
    """Observations that bear the status (or let the loader derive one)."""
    def obs(src, v=None, rng=None):
        o = {"source": src}
        if rng is not None:
            o["range"] = rng
        else:
            o["value"] = v
        return o

    v = draw(value(unit))
    as_range = draw(st.booleans()) and unit != "percent" or (unit == "percent" and draw(st.integers(0, 9)) == 0)
    width = abs(v) * draw(st.sampled_from([0.05, 0.2, 0.5])) + 1

    def one(src):
        if as_range:
            lo = round(v - width / 2, 2) if unit in ("percent", "ratio") else int(v - width / 2)
            hi = round(v + width / 2, 2) if unit in ("percent", "ratio") else int(v + width / 2) + 1
            if unit != "percent":
                lo = max(lo, 1 if unit != "ratio" else 0.1)
                hi = max(hi, lo + 1)
            return obs(src, rng=[lo, hi])
        return obs(src, v)

    if status == "official":
        return [one(draw(st.sampled_from(OFFICIAL)))]
    if status == "rumor":
        return [one(draw(st.sampled_from(SOCIAL + NAMED)))]
    if status in ("estimate", "pending_verification"):
        n = draw(st.integers(1, 2))
        return [one(s) for s in draw(st.lists(st.sampled_from(NAMED), min_size=n, max_size=n, unique=True))]
    if status == "disputed":
        a, b = draw(st.lists(st.sampled_from(NAMED), min_size=2, max_size=2, unique=True))
        v2 = v * 1.6 + 1 if v >= 0 else v * 0.4
        return [obs(a, v), obs(b, round(v2, 2) if unit in ("percent", "ratio") else int(v2) + 1)]
    if status == "multi_source":
        a, b = draw(st.lists(st.sampled_from(NAMED), min_size=2, max_size=2, unique=True))
        return [obs(a, v), obs(b, v)]
    # single_source, or derived by the loader
    return [one(draw(st.sampled_from(NAMED)))]


STATUSES = st.sampled_from([None, "single_source", "multi_source", "official", "disputed", "estimate", "pending_verification", "rumor", "unavailable"])


# Shares as a source gives them: of one venue or asset, or of several (counted together, or each on its own).
SHARE_METRICS = ("liquidation_share", "open_interest_share", "volume_share")


def _within_whole(v):
    return round(abs(v) % 100, 2) if isinstance(v, (int, float)) else v


def of_whole(found: list[dict]) -> list[dict]:
    """Observations of a share or a probability (vocabulary.PERCENT_OF_WHOLE): every number folded into 0 to 100."""
    out = []
    for o in found:
        o = dict(o)
        if "value" in o:
            o["value"] = _within_whole(o["value"])
        if o.get("range"):
            o["range"] = sorted(_within_whole(v) for v in o["range"])
        out.append(o)
    return out


@st.composite
def fact(draw, fid: str, metric: str | None = None, new_kinds: bool = True):
    metric = metric or draw(st.sampled_from(sorted(METRICS)))
    unit = draw(st.sampled_from([u.value for u in METRICS[metric][0]]))
    status = draw(STATUSES)
    f: dict = {"id": fid, "metric": metric, "unit": unit}
    asset = draw(ASSETS)
    if unit == "coins":
        asset = asset or "BTC"
    if asset:
        f["asset"] = asset
    window = draw(WINDOWS)
    if window:
        f["window"] = window
        if new_kinds and draw(st.integers(0, 7)) == 0:  # the source's bound on it: "in less than 24 hours"
            f["window_hedge"] = draw(st.sampled_from(["less_than", "under", "more_than", "over", "as_much_as", "nearly", "about"]))
    elif new_kinds and metric in AVERAGE_METRICS and draw(st.integers(0, 5)) == 0:
        # a running total ("so far this year") or a whole calendar year ("in 2021"), instead of a window
        span = draw(st.sampled_from(["day", "week", "month", "year", 2021, 2024]))
        f["to_date" if isinstance(span, str) else "year"] = span
    if metric in ("liquidations", "liquidated_accounts", "pressure_zone", "position_concentration", "liquidation_share") and draw(st.booleans()):
        f["side"] = draw(st.sampled_from(["long", "short"]))
    if metric in ("liquidations", "liquidated_accounts", "largest_single_liquidation", "open_interest", "funding_rate", "volume") and draw(st.integers(0, 3)) == 0:
        f["venue"] = draw(st.sampled_from(VENUES))
        if metric in ("liquidations", "largest_single_liquidation") and draw(st.booleans()):
            base = f.get("asset") or "BTC"  # a contract names the figure's own asset
            f["contract"] = draw(st.sampled_from([f"{base}-USDT", f"{base}_USD perpetual", f"{base}-PERP"]))
    if metric in ("trader_loss", "onchain_transfer", "position_concentration", *SUBJECT_METRICS) or draw(st.integers(0, 7)) == 0:
        if draw(st.integers(0, 3)):
            # a registered name may be the figure's own venue or holder ("Binance Futures"), not its source
            f["subject"] = draw(st.sampled_from(["a whale", "James Wynn", "a market maker", "Trend_Research", "two funds",
                                                 "Binance Futures", "an OKX whale"]))
    if metric in ("pressure_zone", "position_concentration", "price_level") and draw(st.booleans()):
        f["direction"] = draw(st.sampled_from(["above", "below"]))
    if metric in ("pressure_zone", "position_concentration"):
        if draw(st.booleans()):
            f["price_level"] = draw(st.integers(1, 150_000))
        elif draw(st.booleans()):
            lo = draw(st.integers(1, 150_000))
            f["price_band"] = [lo, lo + draw(st.integers(1, 5000))]
        if new_kinds and ("price_level" in f or "price_band" in f) and draw(st.integers(0, 2)) == 0:
            f["level_hedge"] = draw(st.sampled_from(["around", "about", "roughly", "nearly"]))  # "a cluster around $3,000"
    if draw(st.integers(0, 5)) == 0:
        f["coverage"] = draw(st.sampled_from(["network-wide", "the top ten exchanges", "Binance_only"]))
    if draw(st.integers(0, 5)) == 0:
        f["note"] = draw(TEXTS)
    if metric == "liquidations" and draw(st.integers(0, 7)) == 0:  # a label names what the figure measures
        f["label"] = draw(st.sampled_from(["liquidations on the *main* perpetual", "the whale_tracker figure"]))
    if new_kinds and metric in CHANGE_METRICS and unit != "percent" and draw(st.integers(0, 2)) == 0:
        f["change"] = draw(st.sampled_from(["rise", "fall"]))
    if new_kinds and metric == "liquidations" and not f.get("asset") and draw(st.integers(0, 6)) == 0:
        f["assets"] = draw(st.lists(st.sampled_from(["BTC", "ETH", "SOL"]), min_size=2, max_size=3, unique=True))
    if new_kinds and metric == "liquidations" and "venue" in f and draw(st.integers(0, 3)) == 0:
        f.pop("venue"), f.pop("contract", None)
        f["venues"] = draw(st.lists(st.sampled_from(VENUES), min_size=2, max_size=3, unique=True))
    if new_kinds and metric in SHARE_METRICS and not (f.get("asset") or f.get("venue")) and draw(st.integers(0, 2)) == 0:
        several = ("venues", VENUES) if draw(st.booleans()) else ("assets", ["BTC", "ETH", "SOL"])
        f[several[0]] = draw(st.lists(st.sampled_from(several[1]), min_size=2, max_size=3, unique=True))
    if new_kinds and (f.get("venues") or f.get("assets")) and draw(st.booleans()):
        f["each"] = True  # the figure holds for each of them ("over 90% on each platform")
    if status == "unavailable":
        f["status"] = "unavailable"
        f["reason"] = draw(st.sampled_from(["no provider publishes it", "the exchange_feed is down"]))
        return f
    if status and status not in ("multi_source", "disputed", "single_source") or status and draw(st.booleans()):
        f["status"] = status
    f["observations"] = draw(observations(unit, status, liquidations=metric in ("liquidations", "liquidated_accounts"), new_kinds=new_kinds))
    if metric in PERCENT_OF_WHOLE:
        f["observations"] = of_whole(f["observations"])
    if metric == "liquidations" and status in (None, "single_source") and not caps(f["observations"]) and draw(st.integers(0, 5)) == 0:
        f["lower_bound"] = True
    if new_kinds and unit in ("USD", "count") and metric in AVERAGE_METRICS and draw(st.integers(0, 9)) == 0:
        # the report's average per day or per trader ("an average of $300 million a day over the week")
        f["per"] = draw(st.sampled_from(["day", "hour"] if "window" in f else ["trader", "account"]))
    ends = [v for o in f["observations"] for v in (o.get("range") or [o.get("value")]) if isinstance(v, (int, float))]
    if new_kinds and len(set(ends)) > 1 and unit in ("USD", "count") and draw(st.integers(0, 3)) == 0:
        # the report's own average of figures that differ ("an average of close to $170 million")
        f["average"] = {"value": int((min(ends) + max(ends)) / 2)}
        if draw(st.booleans()):
            f["average"]["hedge"] = draw(st.sampled_from(["close_to", "about", "nearly"]))
    obs = f["observations"]
    if len(obs) == 1 and "value" in obs[0] and "hedge" not in obs[0] and not f.get("lower_bound") and draw(st.integers(0, 9)) == 0:
        # two words on one value, in the report's order ("as much as approximately"; the fact helper's kind)
        obs[0]["hedge"] = draw(st.sampled_from([["as_much_as", "approximately"], ["over", "about"], ["nearly", "up_to"]]))
    if draw(st.integers(0, 7)) == 0:  # a place by size ("took the second spot"; the fact helper's kind)
        f["rank"] = draw(st.integers(1, 5))
    if unit == "percent" and draw(st.integers(0, 3)) == 0:  # what a share is a share of
        f["share_of"] = draw(st.sampled_from(["all exchanges' liquidations", "the *main* venue_s total"]))
    if unit == "USD" and metric != "price_level" and draw(st.integers(0, 7)) == 0:
        # an amount in another currency ("2.4 trillion won"): same numbers, its own unit (the fact helper's kind)
        f["unit"], f["currency"] = "currency", draw(st.sampled_from(sorted(CURRENCIES)))
    return f


@st.composite
def split(draw):
    """A total and its long/short split from one source, as most events have."""
    window = draw(st.sampled_from(["1h", "4h", "12h", "24h"]))
    src = draw(st.sampled_from(NAMED))
    long_v, short_v = draw(st.integers(1_000_000, 2_000_000_000)), draw(st.integers(1_000_000, 2_000_000_000))
    parts = draw(st.sets(st.sampled_from(["total", "long", "short"]), min_size=1))
    out = []
    for part, v in (("total", long_v + short_v), ("long", long_v), ("short", short_v)):
        if part in parts:
            f = {"id": f"{part}_{window}", "metric": "liquidations", "unit": "USD", "window": window,
                 "observations": [{"source": src, "value": v}]}
            if part != "total":
                f["side"] = part
            out.append(f)
    return out


@st.composite
def series(draw):
    """Two figures and the change between them ("from 300,000 to 1.4 million, up 367%"), linked by id."""
    start, end = draw(st.integers(1_000, 2_000_000)), draw(st.integers(1_000, 2_000_000))
    assume(start != end)
    src = draw(st.sampled_from(NAMED))
    ends = [{"id": fid, "metric": "user_count", "unit": "count", "observations": [{"source": src, "value": v}]}
            for fid, v in (("users_start", start), ("users_end", end))]
    if draw(st.booleans()):
        change = {"unit": "percent", "value": round(abs(end - start) / start * 100, 1)}
    else:
        change = {"unit": "count", "value": abs(end - start)}
    return ends + [{"id": "users_change", "metric": "user_count_change", "unit": change["unit"], "change": "rise" if end > start else "fall",
                    "from_fact": "users_start", "to_fact": "users_end", "observations": [{"source": src, "value": change["value"]}]}]


@st.composite
def end_only(draw):
    """A price move that names only where it ended ("fell 5% to $90,000"): a change with `to_fact` alone."""
    asset = draw(st.sampled_from(["BTC", "ETH", "stETH"]))
    src = draw(st.sampled_from(NAMED))
    level = {"id": "level_end", "metric": "price_level", "unit": "USD", "asset": asset, "observations": [{"source": src, "value": draw(st.integers(1, 150_000))}]}
    move = {"id": "move_to", "metric": "price_change", "unit": "percent", "asset": asset, "change": draw(st.sampled_from(["rise", "fall"])),
            "to_fact": "level_end", "observations": [{"source": src, "value": draw(st.integers(1, 40))}]}
    if draw(st.booleans()):
        move["window"] = draw(st.sampled_from(["24h", "4h"]))
    return [level, move]


@st.composite
def events(draw, new_kinds: bool = False):
    facts = draw(split()) if draw(st.integers(0, 3)) else []
    n = draw(st.integers(0 if facts else 1, 8))
    facts += [draw(fact(f"f{i}", new_kinds=new_kinds)) for i in range(n)]
    if draw(st.integers(0, 5)) == 0:
        facts += draw(series())
    if new_kinds and draw(st.integers(0, 5)) == 0:
        facts += draw(end_only())
    context = []
    for i in range(draw(st.integers(0, 3))):
        status = draw(st.sampled_from([None, "single_source", "rumor", "official", "pending_verification", "multi_source"]))
        item = {"id": f"c{i}", "kind": draw(st.sampled_from(["macro", "market", "policy", "exchange_status", "historical", "onchain", "sentiment", "technology", "other"])),
                "text": draw(TEXTS)}
        if status == "rumor":
            if draw(st.booleans()):
                item["sources"] = [draw(st.sampled_from(SOCIAL))]
        elif status == "multi_source":
            item["sources"] = draw(st.lists(st.sampled_from(NAMED), min_size=2, max_size=2, unique=True))
        elif status == "official":
            item["sources"] = [draw(st.sampled_from(OFFICIAL))]
        else:
            item["sources"] = [draw(st.sampled_from(NAMED))]
        if status:
            item["status"] = status
        if new_kinds and draw(st.integers(0, 3)) == 0:
            item["window"] = draw(st.sampled_from(["12h", "24h", "7d", "1d"]))  # the span the claim covers
        context.append(item)
    quotes = []
    # The same words may be quoted twice (two speakers, or one relayed with another status).
    quote_words = draw(st.lists(st.sampled_from(["Leverage cuts both ways", "We saw $300 million go in an hour", "Stay *safe* out there"]),
                                min_size=0, max_size=2))
    for i, words in enumerate(quote_words):
        q = {"id": f"q{i}", "speaker": draw(st.sampled_from(["CZ", "Arthur_Hayes", "a trader", "@trader_joe"])),
             "words": words}
        if draw(st.booleans()):
            q["channel"] = "on X"
        if draw(st.booleans()):
            q["role"] = "a trader_at a fund"
        if draw(st.booleans()):
            q["source"] = draw(st.sampled_from(NAMED + SOCIAL))
        if draw(st.booleans()):
            q["status"] = draw(st.sampled_from(["rumor", "single_source", "pending_verification"]))
        if draw(st.integers(0, 2)) == 0:
            q["paraphrase"] = True
        if draw(st.integers(0, 5)) == 0:
            q["as_of"] = draw(st.sampled_from(["2026-11-16", "--11-16", "2026"]))  # a day, or less than a date
        quotes.append(q)
    assume(facts or context or quotes)
    eid = f"gen-{draw(st.integers(0, 10**6))}"
    doc = {"id": eid, "as_of": "2026-11-17T09:00:00+08:00", "facts": facts}
    if draw(st.integers(0, 3)) == 0:
        doc["shape"] = draw(st.sampled_from(["long_washout", "short_squeeze", "two_sided", "data_discrepancy", "single_venue"]))
    if draw(st.integers(0, 3)) == 0:
        doc["note"] = "Figures are from dashboards_with different coverage"
    if context:
        doc["context"] = context
    if new_kinds and draw(st.integers(0, 3)) == 0:
        caveat = {"id": "cav", "text": draw(st.sampled_from(["liquidation data are incomplete_by design", "exchanges cap their *reporting* rate"]))}
        if draw(st.booleans()):
            caveat["sources"] = [draw(st.sampled_from(NAMED))]
        doc["caveats"] = [caveat]
    if quotes:
        doc["quotes"] = quotes
    return load_generated(doc)


# The YAML of the events generated last, by event id, so a long run can write a failing one out
# (bench/fuzz_draft_new_kinds.py --dump) and it can be drafted again with `writer draft`.
GENERATED_TEXT: dict[str, str] = {}


def caps(observations: list[dict]) -> bool:
    """Whether a value is capped by its source ("up to", "at most"): such a fact cannot also be a floor
    (`lower_bound`; writer/factbase/specrules.py ``_check_floor_hedges``)."""
    for o in observations:
        words = o.get("hedge") if isinstance(o.get("hedge"), list) else [o.get("hedge")]
        if "range" not in o and any(w is not None and Hedge(w).kind is HedgeKind.CEILING for w in words):
            return True
    return False


def load_generated(doc: dict):
    """A generated event through the real loader: valid events only reach the drafter."""
    text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
    try:
        event = event_from_text(text, f"{doc['id']}.yaml", registry())
    except WriterError:
        assume(False)
    if len(GENERATED_TEXT) > 1000:
        GENERATED_TEXT.clear()
    GENERATED_TEXT[event.id] = text
    return event


def _masked_body(draft) -> str:
    md = draft.markdown
    masked = list(md)
    for fig in draft.claims["figures"]:
        for i in range(fig["start"], fig["end"]):
            masked[i] = " "
    body_start = md.index("---\n", 4) + 4
    return _REVISION_TIMES.sub(" ", _WINDOW_WORDS.sub(" ", "".join(masked)[body_start:]))


# When a revised figure was first published and revised, and the day of a past episode a comparison names
# (", on 16 November 2026,"): times and days in words, not figures.
_REVISION_TIMES = re.compile(r"\(\d{2}:\d{2} UTC on \d{1,2} [A-Z][a-z]+ \d{4}\)|\(\d{1,2} [A-Z][a-z]+ \d{4}\)|, on \d{1,2} [A-Z][a-z]+ \d{4},")


# A full stop between two letters, the first lower-case: a sentence run into the one before it (source names, which
# may hold one, "Alternative.me", are taken out first).
_GLUED = re.compile(r"[a-z]\.[A-Za-z]")


def _allowed_text_numbers(event) -> str:
    """Numbers that may appear because the fact file's own text holds them (quotes, notes, contracts)."""
    parts = [q.words for q in event.quotes] + [c.text for c in event.context] + [c.text for c in event.caveats]
    parts += [x or "" for q in event.quotes for x in (q.speaker, q.role, q.channel)]
    parts += [s.name for s in event.registry.sources.values()]  # "K33 Research"
    parts += [x or "" for f in event.facts.values()
              for x in (f.contract, f.note, f.subject, f.label, f.coverage, f.share_of, f.reason, f.reading, f.asset, *f.assets)]  # "1000PEPE"
    parts += [str(f.year) for f in event.facts.values() if f.year is not None]  # a calendar year's figure: "in 2021"
    parts += [event.note or ""]
    return " ".join(parts)


def described(fact) -> tuple:
    """What the words of a draft can tell two facts apart by (two facts alike in all of it are one to a reader;
    a window by its length: "1h" and "60m" are one window)."""
    return (fact.metric, fact.side, fact.asset, fact.assets, window_minutes(fact.window) if fact.window else fact.span, fact.venue,
            fact.venues, fact.status, fact.sources, fact.bounds, fact.subject, fact.label, fact.direction, fact.per)


def _check_tie(drafted, linked) -> bool:
    """The check's tie, not drafting's (left to the check's owner, bench/results/fuzz_draft.md): a figure of a
    fact with no window, whose sentence can name none, linked to a fact alike in every other word but with a window."""
    return drafted.window is None and linked.window is not None and described(replace(linked, window=None)) == described(drafted)


def mislinked(event, draft) -> list[str]:
    """Drafted figures the check links to another fact than the one drafted (and not one alike in every word a
    draft can print): the check would pass such a draft but read the figure as another fact's."""
    uses = [(fu, lk) for fu, lk, _ in drafter().checker.links(draft.markdown, event=event)]
    out = []
    for fig in draft.claims["figures"]:
        if fig["role"] != "value":
            continue
        hits = [lk for fu, lk in uses if fu.line == fig["line"] and fig["column"] <= fu.column < fig["column"] + len(fig["text"])]
        s = hits[0].support if hits and hits[0] is not None else None
        if s is None or s.fact is None or s.fact.id == fig["fact"]:
            continue
        drafted = event.fact(fig["fact"])
        if described(s.fact) != described(drafted) and not _check_tie(drafted, s.fact):
            out.append(f"{event.id}: {fig['text']!r} drafted for {fig['fact']}, linked to {s.fact.id}: "
                       + draft.claims["sentences"][fig["sentence"]]["text"][:160])
    return out


@SETTINGS
@given(events())
def test_every_valid_event_drafts_and_passes_its_own_check(event):
    draft = drafter().draft(event)  # raises DraftError when the draft fails its self-check or the round trip
    claims = draft.claims
    assert draft.title and draft.markdown.startswith("---\n")
    for fig in claims["figures"]:
        fact = event.fact(fig["fact"])
        sentence = claims["sentences"][fig["sentence"]]["text"]
        if fig["run_opening"] is not None:  # attributed once for its run: the opening's wording counts (writer/check/scope.py)
            assert fact.status.value in RUN_STATUSES and not fact.is_derived, (fact.id, fact.status)
            sentence = claims["sentences"][fig["run_opening"]]["text"] + " " + sentence
        plain = sentence.replace("\\", "")
        for rx in REQUIRED.get(fact.status.value, []):
            if fact.status.value == "estimate" and rx.startswith("not realised"):
                continue
            assert re.search(rx, sentence, re.I), (fact.id, fact.status, sentence)
        for s in fact.sources:  # by its name, or a described source told as one ("a single research brief")
            assert event.source_name(s) in plain or event.registry[s].single_name in plain, (fact.id, sentence)
        if fig["section"] in ("headline", "lede"):
            assert fact.status.headline_safe, fact.id
        if fig["role"] in ("level", "band"):  # the price a zone is pinned to, printed in full
            ends = [fact.price_level] if fig["role"] == "level" else list(fact.price_band)
            assert all(any(close(v, e, "USD") for e in ends) for v in numbers_in(fig["text"])), (fig["text"], ends)
            continue
        text = re.sub(r" to 1$", "", fig["text"]) if fact.unit == "ratio" else fig["text"]  # "up to 1" is a value
        for ticker in (fact.asset, *fact.assets):  # "6,460 1000PEPE": a ticker's digits are no value
            text = re.sub(rf"(?<!\w){re.escape(ticker)}(?!\w)", " ", text) if ticker else text
        if fact.magnitude is not None:  # vague words stay words ("several thousand 1000PEPE"): no number to compare
            assert not re.search(r"\d", text), fig["text"]
            continue
        for src in event.registry.sources.values():  # an aside naming "3Commas Data" or "Data Co." holds no value
            text = text.replace(md_escape(src.name), " ").replace(src.name, " ")
        values = [v for v in numbers_in(text)]
        assert values, fig["text"]
        if fig["role"] == "value" and fact.bounds:
            lo, hi = fact.bounds
            slack = max(0.01 * max(abs(lo), abs(hi)), 1.0 if fact.unit == "percent" else 0.0) if fact.hedge is not None else 0.0  # a hedged end is rounded towards its word
            assert all(close(v, lo, fact.unit) or close(v, hi, fact.unit) or lo - slack <= v <= hi + slack
                       or (fact.lower_bound and v <= lo) for v in values), (fig["text"], fact.bounds)
    rest = re.sub(r" to 1\b", " ", _masked_body(draft))  # a ratio's "to 1" may follow its figure's span
    allowed = _allowed_text_numbers(event)
    for m in re.finditer(r"\d[\d,.]*", rest):
        assert m.group(0).rstrip(".,") in allowed, rest[max(0, m.start() - 60):m.end() + 20]
    for debris in ("None", "{{", "()", "circulating in )", "circulating in .", "circulating in ,"):
        assert debris not in draft.markdown, debris
    body = draft.markdown.split("---\n", 2)[2]
    for src in event.registry.sources.values():  # "Alternative.me" is a name, not two sentences
        body = body.replace(md_escape(src.name), " ").replace(src.name, " ")
    glued = _GLUED.search(body)  # a sentence run into the one before ("... the past hour.according to ...")
    assert glued is None, body[max(0, glued.start() - 60):glued.end() + 40]
    for src in event.registry.sources.values():
        if getattr(src, "group", False):  # an unnamed group is plural and nameless: never "a single source"
            assert f"single source, {md_escape(src.name)}" not in draft.markdown, src.name
    # every figure is read as the fact it was drafted from: a sentence carries what tells it from a look-alike
    assert not mislinked(event, draft)


@SETTINGS
@given(events(new_kinds=True))
def test_every_valid_event_with_the_new_kinds_drafts_and_passes_its_own_check(event):
    """The same properties over the fact model's newer kinds: hedges per observation and per range end,
    vague magnitudes, unnamed groups and their spreads, readings, revisions, directional changes,
    several assets or venues, event caveats."""
    test_every_valid_event_drafts_and_passes_its_own_check.hypothesis.inner_test(event)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.lists(fact("x", "liquidations", new_kinds=False), min_size=1, max_size=1), st.sampled_from(sorted(ODD_SOURCES)))
def test_odd_source_names_draft_escaped_and_are_recognised(facts, sid):
    f = facts[0]
    f.pop("lower_bound", None)
    f["status"] = "official" if ODD_SOURCES[sid][1] in (SourceKind.EXCHANGE, SourceKind.ONCHAIN) else None
    if f["status"] is None:
        f.pop("status")
    f["observations"] = [{"source": sid, "value": 12_345_678}]
    f.pop("venue", None)
    f.pop("contract", None)
    text = yaml.safe_dump({"id": "odd", "as_of": "2026-11-17T09:00:00+08:00", "facts": [f]}, sort_keys=False)
    try:
        event = event_from_text(text, "odd.yaml", registry())
    except WriterError:
        assume(False)
    draft = drafter().draft(event)
    name = ODD_SOURCES[sid][0]
    escaped = md_escape(name)  # the one escaping rule, shared with the check
    if draft.claims["figures"]:
        assert escaped in draft.markdown, (escaped, draft.markdown)


SQUEEZE = """
id: eth-squeeze
as_of: 2026-12-01T12:00:00+00:00
shape: short_squeeze
facts:
  - {id: shorts_4h, metric: liquidations, unit: USD, window: 4h, side: short, asset: ETH, observations: [{source: coinglass, value: 420M}]}
  - {id: bybit_short, metric: liquidations, unit: USD, window: 4h, venue: bybit, side: short, status: official, observations: [{source: bybit, value: 95M}]}
  - {id: whale, metric: trader_loss, unit: USD, subject: a whale, observations: [{source: whale-handle, value: 50M}]}
  - {id: zone, metric: pressure_zone, unit: USD, asset: ETH, side: short, direction: above, price_level: 4000, status: estimate, observations: [{source: hyblock, value: 1.2B}]}
"""


def test_a_squeeze_without_a_total_leads_with_its_largest_figure_and_says_only_what_is_true():
    event = event_from_text(SQUEEZE, "eth-squeeze.yaml", registry())
    draft = drafter().draft(event)
    md = draft.markdown
    headline = md.split("\n# ", 1)[1].split("\n", 1)[0]
    assert "$420 million" in headline and "squeeze" in headline.lower()
    lede = md.split("\n# ", 1)[1].split("\n## ", 1)[0]
    assert "$420 million" in lede and "no reliable network-wide total" not in lede
    assert "above and below" not in md  # only a cluster above exists
    assert "draft" not in md.split("---\n", 2)[2].lower()
    assert "on a whale" not in md and "@whale\\_alert" not in md and "@whale_alert" in md
    assert "Both sides" not in md and "both sides" not in md
    skipped = dict(draft.skipped)
    assert "rumors" not in skipped  # the whale rumour is printed in the rumours section
    assert draft.claims["shape"] == "short_squeeze"


def test_shape_is_inferred_from_the_figures_and_shape_overrides_it():
    inferred = event_from_text(SQUEEZE.replace("shape: short_squeeze\n", ""), "eth.yaml", registry())
    assert drafter().draft(inferred).claims["shape"] == "short_squeeze"  # only shorts reported
    forced = event_from_text(SQUEEZE.replace("shape: short_squeeze", "shape: data_discrepancy"), "eth.yaml", registry())
    assert drafter().draft(forced).claims["shape"] == "data_discrepancy"


def test_a_venue_only_event_is_a_single_venue_story():
    text = """
id: venue-only
as_of: 2026-12-01T12:00:00+00:00
facts:
  - {id: okx, metric: liquidations, unit: USD, window: 24h, venue: okx, status: official, observations: [{source: okx, value: 88M}]}
  - {id: big, metric: largest_single_liquidation, unit: USD, venue: okx, status: official, observations: [{source: okx, value: 12M}]}
"""
    draft = drafter().draft(event_from_text(text, "v.yaml", registry()))
    assert draft.claims["shape"] == "single_venue"
    assert "$88 million" in draft.title and "OKX" in draft.title


def test_price_changes_are_written_in_words():
    text = """
id: falls
as_of: 2026-12-01T12:00:00+00:00
facts:
  - {id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 300M}]}
  - {id: drop, metric: price_change, unit: percent, asset: BTC, window: 24h, observations: [{source: coinmarketcap, value: -3.4}]}
  - {id: oi, metric: open_interest_change, unit: percent, window: 24h, observations: [{source: coinglass, value: 5}]}
"""
    md = drafter().draft(event_from_text(text, "f.yaml", registry())).markdown
    assert "fell 3.4%" in md and "-3.4%" not in md
    assert "rose +5%" not in md and "rose 5%" in md


def test_an_unsourced_rumour_has_no_empty_attribution():
    text = """
id: unsourced
as_of: 2026-12-01T12:00:00+00:00
facts:
  - {id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 300M}]}
context:
  - {id: c, kind: sentiment, status: rumor, text: a fund is said to be behind the move}
"""
    md = drafter().draft(event_from_text(text, "u.yaml", registry())).markdown
    assert "no named source" in md and "circulating in )" not in md and "circulating in ." not in md


def _body_words(markdown: str) -> int:
    return len(markdown.split("---\n", 2)[2].split())


def test_length_follows_the_material():
    """A one-figure event stays short; the richest example carries the full commentary."""
    thin = """
id: thin
as_of: 2026-12-01T12:00:00+00:00
facts:
  - {id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{source: coinglass, value: 300M}]}
"""
    from draft_support import example

    short = _body_words(drafter().draft(event_from_text(thin, "t.yaml", registry())).markdown)
    _, rich = example("2026-11-21-sampled-exchange-feed.yaml")
    assert short < 500 < 1200 < _body_words(rich.markdown), (short, _body_words(rich.markdown))


def test_two_events_of_the_same_shape_do_not_read_alike():
    text = """
id: {eid}
as_of: 2026-12-01T12:00:00+00:00
facts:
  - {{id: tot, metric: liquidations, unit: USD, window: 24h, observations: [{{source: coinglass, value: 900M}}]}}
  - {{id: lng, metric: liquidations, unit: USD, window: 24h, side: long, observations: [{{source: coinglass, value: 850M}}]}}
  - {{id: sht, metric: liquidations, unit: USD, window: 24h, side: short, observations: [{{source: coinglass, value: 50M}}]}}
"""
    a, b = (drafter().draft(event_from_text(text.format(eid=e), f"{e}.yaml", registry())) for e in ("washout-a", "washout-c"))
    assert a.claims["shape"] == b.claims["shape"] == "long_washout"
    sentences = lambda d: {s["text"] for s in d.claims["sentences"] if len(s["text"]) > 40}  # noqa: E731
    shared = sentences(a) & sentences(b)
    assert len(shared) < 0.5 * len(sentences(a)), shared


def test_the_number_reader_of_these_properties_reads_no_lone_comma():
    """The properties' own reader: a comma between words is no number, one between digit groups is a separator."""
    assert numbers_in("an unverified, circulating claim") == []
    assert numbers_in("1,250 traders, then $4.5 million, then -3%") == [1250.0, 4_500_000.0, -3.0]
