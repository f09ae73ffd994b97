"""Generate a synthetic fact base: N valid, varied liquidation events plus a source registry.

Usage::

    python bench/make_factbase.py N OUT [--seed S]

writes ``OUT/sources.yaml`` and ``OUT/events/<id>.yaml`` (N files). Benchmarks
and tests need fact bases far larger than the hand-written examples, and they
must be realistic enough to exercise every path of drafting and the check:
every status (single source, several agreeing sources, disputed ranges,
official, pending verification, rumour, estimate, unavailable), every section
kind (totals and sides, assets, venues and the largest single liquidation,
pressure zones, rumours, data differences, context, quotes, historical
comparisons), lower bounds and explicit gaps.

Each event is generated from its own random stream seeded by ``(seed, index)``,
so event 17 is the same file whether N is 30 or 10,000 and two runs with the
same arguments give byte-identical files. Every event passes
``writer facts validate`` (the generator keeps sides, parts and the largest
single liquidation consistent with the totals).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

try:
    _Dumper = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Dumper = yaml.SafeDumper

SHAPES = ("long_washout", "short_squeeze", "two_sided", "data_discrepancy")
# Long share of the total per shape (low, high).
LONG_SHARE = {"long_washout": (0.82, 0.95), "short_squeeze": (0.05, 0.18), "two_sided": (0.42, 0.58), "data_discrepancy": (0.55, 0.75)}
ASSETS = ("BTC", "ETH", "SOL", "XRP", "DOGE")
ASSET_PRICE = {"BTC": 90000, "ETH": 3100, "SOL": 140, "XRP": 2.1, "DOGE": 0.16}
ZONES = ("+08:00", "+00:00", "-05:00", "+09:00")
BASE_TIME = datetime(2025, 1, 6, 0, 0, tzinfo=timezone.utc)

SPEAKERS = (
    ("CZ", "Binance founder", "on X", "cz"),
    ("Arthur Hayes", "BitMEX co-founder", "in a blog post", "decrypt"),
    ("a derivatives trader", None, "in a Telegram post", "public-reports"),
    ("Ki Young Ju", "CryptoQuant chief executive", "on X", "x-posts"),
)
WORDS = (
    "Leverage always gets flushed out eventually",
    "Every cycle ends with a flush like this one",
    "The market was far too crowded on one side",
    "Funding was screaming that a squeeze was coming",
    "Nobody should be running fifty times leverage into a weekend",
)
CONTEXT = (
    ("macro", "U.S. Treasury yields rose to a three-week high during the session", ["decrypt"], None),
    ("market", "spot trading volumes on major exchanges were thin ahead of the move", ["coinglass", "coinank"], None),
    ("sentiment", "claims that a large fund was forced to close its positions circulated on social media", ["x-posts"], "rumor"),
    ("policy", "a regulator said it would review rules on retail leverage", ["public-reports"], None),
    ("onchain", "a large holder moved coins to an exchange hours before the drop", ["lookonchain"], None),
    ("historical", "the sell-off followed a week of steadily rising open interest", ["research-brief"], None),
)

REGISTRY = {
    "sources": [
        {"id": "coinglass", "name": "CoinGlass", "kind": "aggregator", "aliases": ["Coinglass"], "url": "https://www.coinglass.com"},
        {"id": "coinank", "name": "CoinAnk", "kind": "aggregator", "aliases": ["Coinank"], "url": "https://coinank.com"},
        {"id": "coinmarketcap", "name": "CoinMarketCap", "kind": "market_data", "aliases": ["CMC"]},
        {"id": "hyblock", "name": "Hyblock Capital", "kind": "aggregator", "aliases": ["Hyblock"]},
        {"id": "arkham", "name": "Arkham Intelligence", "kind": "onchain", "aliases": ["Arkham"]},
        {"id": "lookonchain", "name": "Lookonchain", "kind": "onchain"},
        {"id": "htx", "name": "HTX", "kind": "exchange", "aliases": ["Huobi"]},
        {"id": "binance", "name": "Binance", "kind": "exchange"},
        {"id": "okx", "name": "OKX", "kind": "exchange"},
        {"id": "bybit", "name": "Bybit", "kind": "exchange"},
        {"id": "hyperliquid", "name": "Hyperliquid", "kind": "exchange"},
        {"id": "decrypt", "name": "Decrypt", "kind": "media"},
        {"id": "public-reports", "name": "public reports", "kind": "media"},
        {"id": "x-posts", "name": "posts on X", "kind": "social", "aliases": ["social media"]},
        {"id": "research-brief", "name": "a research brief", "kind": "research"},
        {"id": "unnamed-aggregator", "name": "an unnamed liquidation dashboard", "kind": "desk"},
        {"id": "market-data", "name": "market data", "kind": "market_data"},
        {"id": "cz", "name": "CZ", "kind": "person", "aliases": ["Changpeng Zhao"]},
        {"id": "several-providers", "name": "several data providers", "kind": "aggregator", "group": True},
    ]
}


def _sig(x: float, digits: int = 4) -> int | float:
    """Round to a few significant digits, as dashboards print them (1,451,000,000; 3.2 percent)."""
    rounded = float(f"{x:.{digits if abs(x) >= 100 else 2}g}")
    return int(rounded) if rounded.is_integer() else rounded


def _iso(t: datetime) -> str:
    return t.isoformat()


def _obs(source: str, value: float | None = None, *, rng: tuple[float, float] | None = None, as_of: datetime | None = None) -> dict:
    o: dict = {"source": source}
    if rng is not None:
        o["range"] = [_sig(rng[0]), _sig(rng[1])]
    else:
        o["value"] = _sig(value)
    if as_of is not None:
        o["as_of"] = _iso(as_of)
    return o


class _EventMaker:
    """Builds one event dict from one random stream; methods add one section kind each."""

    def __init__(self, seed: int, index: int):
        digest = hashlib.sha256(f"{seed}:{index}".encode()).digest()
        self.r = random.Random(int.from_bytes(digest[:8], "big"))
        self.index = index
        self.shape = SHAPES[index % len(SHAPES)] if self.r.random() < 0.8 else self.r.choice(SHAPES)
        zone = self.r.choice(ZONES)
        sign = -1 if zone[0] == "-" else 1
        tz = timezone(sign * timedelta(hours=int(zone[1:3])))
        self.end = (BASE_TIME + timedelta(minutes=53 * index)).astimezone(tz)
        self.start = self.end - timedelta(hours=24)
        self.seen = self.end - timedelta(minutes=self.r.choice((10, 20, 30, 45)))
        self.windows = ["24h"] + ([self.r.choice(("60m", "12h", "4h"))] if self.r.random() < 0.5 else [])
        self.facts: list[dict] = []
        self.context: list[dict] = []
        self.quotes: list[dict] = []
        self.total = _sig(self.r.uniform(0.15e9, 2.5e9))

    def build(self) -> dict:
        self.totals_and_sides()
        if len(self.windows) > 1:
            self.second_window()
        self.assets()
        self.venues()
        self.accounts()
        self.price_levels()
        self.pressure_zones()
        self.rumours()
        self.gaps()
        self.extras()
        self.add_context()
        self.add_quotes()
        self.spread_values()
        slug = self.shape.replace("_", "-")
        event_id = f"{self.end.date().isoformat()}-{slug}-{self.index:05d}"
        event = {
            "id": event_id,
            "title": f"Synthetic {self.shape.replace('_', ' ')} #{self.index}",
            "as_of": _iso(self.end),
            "period": {"start": _iso(self.start), "end": _iso(self.end)},
            "windows": self.windows,
            "shape": self.shape,
            "facts": self.facts,
        }
        if self.context:
            event["context"] = self.context
        if self.quotes:
            event["quotes"] = self.quotes
        return event

    def spread_values(self) -> None:
        """Keep the dollar figures of an event apart, so no printed figure could stand for two facts.

        Totals, sides and per-asset figures are fixed (they must add up); any
        other figure within 5% of one of them, or between a lower bound and
        twice it ("at least $147 million" is true of $174 million too), is
        moved up until it is clear. Two facts a reader cannot tell apart are
        ambiguous to the check as well; a benchmark corpus should exercise the
        common case, not that accident.
        """
        def fixed(f: dict) -> bool:
            return f["metric"] in ("liquidations", "price_level") and "venue" not in f

        def clash(v: float) -> bool:
            return any(lo <= v <= hi for lo, hi in taken)

        taken: list[tuple[float, float]] = []

        def take(v: float, lower_bound: bool) -> None:
            taken.append((v * 0.95, v * 2.1 if lower_bound else v * 1.05))

        for f in self.facts:
            if f["unit"] == "USD" and fixed(f):
                for o in f.get("observations", []):
                    if "value" in o:
                        take(o["value"], f.get("lower_bound", False))
        for f in self.facts:
            if f["unit"] != "USD" or fixed(f):
                continue
            for o in f.get("observations", []):
                if "value" in o:
                    v = o["value"]
                    while clash(v):
                        v = _sig(v * 1.06)
                    o["value"] = v
                    take(v, f.get("lower_bound", False))

    # --- sections -------------------------------------------------------------

    def totals_and_sides(self) -> None:
        r, total = self.r, self.total
        long_share = r.uniform(*LONG_SHARE[self.shape])
        long_, short_ = total * long_share, total * (1 - long_share)
        base = {"metric": "liquidations", "unit": "USD", "window": "24h", "coverage": "network-wide"}
        if self.shape == "data_discrepancy":
            # Two dashboards disagree on the total; the sides come from one of them.
            other = total * r.uniform(1.12, 1.3)
            self.facts.append({"id": "total_24h", **base, "observations": [_obs("coinglass", total, as_of=self.seen), _obs("coinank", other, as_of=self.seen)]})
            self.facts.append({"id": "long_24h", **base, "side": "long", "observations": [_obs("coinglass", long_)]})
            self.facts.append({"id": "short_24h", **base, "side": "short", "observations": [_obs("coinglass", short_)]})
            return
        if r.random() < 0.4:
            # Two agreeing dashboards: multi-source.
            eps = r.uniform(1.0, 1.008)
            srcs = [("coinglass", 1.0), ("coinank", eps)]
            self.facts.append({"id": "total_24h", **base, "observations": [_obs(s, total * k, as_of=self.seen) for s, k in srcs]})
            self.facts.append({"id": "long_24h", **base, "side": "long", "observations": [_obs(s, long_ * k) for s, k in srcs]})
            self.facts.append({"id": "short_24h", **base, "side": "short", "observations": [_obs(s, short_ * k) for s, k in srcs]})
            return
        src = r.choice(("coinank", "coinglass"))
        self.facts.append({"id": "total_24h", **base, "observations": [_obs(src, total, as_of=self.seen)]})
        self.facts.append({"id": "long_24h", **base, "side": "long", "observations": [_obs(src, long_)]})
        short = {"id": "short_24h", **base, "side": "short", "observations": [_obs(src, short_)]}
        if r.random() < 0.2:
            # The provider's sampled feed only shows a floor for one side.
            short["lower_bound"] = True
            short["observations"] = [_obs(src, short_ * r.uniform(0.6, 0.9))]
        self.facts.append(short)

    def second_window(self) -> None:
        w = self.windows[1]
        scale = {"60m": 0.25, "4h": 0.5, "12h": 0.7}[w]
        value = self.total * scale * self.r.uniform(0.7, 1.0)
        self.facts.append({"id": f"total_{w}", "metric": "liquidations", "unit": "USD", "window": w, "coverage": "network-wide",
                           "observations": [_obs(self.r.choice(("coinglass", "coinank")), value, as_of=self.seen)]})

    def assets(self) -> None:
        r = self.r
        chosen = ["BTC"] + r.sample(ASSETS[1:], r.randint(0, 2))
        remaining = 0.9
        src = self.facts[0]["observations"][0]["source"]
        for asset in chosen:
            share = remaining * r.uniform(0.3, 0.55)
            remaining -= share
            self.facts.append({"id": f"{asset.lower()}_24h", "metric": "liquidations", "unit": "USD", "window": "24h", "asset": asset,
                               "observations": [_obs(src, self.total * share)]})

    def venues(self) -> None:
        r = self.r
        if r.random() < 0.6:
            venue, contract = r.choice((("htx", "BTC-USDT"), ("hyperliquid", "BTC-USD"), ("binance", "ETH-USDT")))
            fact = {"id": f"{venue}_{contract.lower().replace('-', '_')}", "metric": "liquidations", "unit": "USD", "window": "24h",
                    "asset": contract.split("-")[0], "venue": venue, "contract": contract}
            value = self.total * r.uniform(0.02, 0.08)
            if r.random() < 0.5:
                fact["status"] = "official"
                fact["observations"] = [_obs(venue, value)]
            else:
                fact["observations"] = [_obs("unnamed-aggregator", value)]
            self.facts.append(fact)
        if r.random() < 0.7:
            venue = r.choice(("binance", "okx", "bybit"))
            fact = {"id": "largest_single", "metric": "largest_single_liquidation", "unit": "USD", "window": "24h", "venue": venue,
                    "contract": r.choice(("BTC-USDT", "ETH-USDT", "BTCUSD")), "observations": [_obs("coinglass", self.total * r.uniform(0.005, 0.06))]}
            self.facts.append(fact)

    def accounts(self) -> None:
        r = self.r
        if r.random() < 0.6:
            fact = {"id": "accounts_24h", "metric": "liquidated_accounts", "unit": "count", "window": "24h",
                    "observations": [_obs("coinglass", r.uniform(50_000, 400_000))]}
            if r.random() < 0.4:
                fact["lower_bound"] = True
            self.facts.append(fact)

    def price_levels(self) -> None:
        r = self.r
        up = self.shape == "short_squeeze"
        level = r.choice((84000, 86000, 88000, 92000, 96000, 100000))
        self.facts.append({"id": "btc_level", "metric": "price_level", "unit": "USD", "asset": "BTC", "direction": "above" if up else "below",
                           "observations": [_obs("market-data", level)]})
        if r.random() < 0.5:
            self.facts.append({"id": "btc_move", "metric": "price_change", "unit": "percent", "asset": "BTC", "window": "24h",
                               "observations": [_obs("coinmarketcap", (1 if up else -1) * r.uniform(2, 9))]})

    def pressure_zones(self) -> None:
        r = self.r
        if r.random() < 0.75:
            level = r.choice((80000, 82000, 85000, 88000))
            note = "projected from liquidation heat maps and data on derivatives positions"
            self.facts.append({"id": "zone_long_below", "metric": "pressure_zone", "unit": "USD", "asset": "BTC", "side": "long", "direction": "below",
                               "price_level": level, "status": "estimate", "note": note, "observations": [_obs("coinank", r.uniform(150e6, 900e6))]})
            self.facts.append({"id": "zone_short_above", "metric": "pressure_zone", "unit": "USD", "asset": "BTC", "side": "short", "direction": "above",
                               "price_level": level + r.choice((4000, 6000, 8000)), "status": "estimate", "note": note,
                               "observations": [_obs("hyblock", r.uniform(150e6, 1.2e9))]})

    def rumours(self) -> None:
        r = self.r
        if r.random() < 0.5:
            low = r.choice((98000, 100000, 102000))
            self.facts.append({"id": "short_wall", "metric": "position_concentration", "unit": "USD", "asset": "BTC", "side": "short",
                               "price_band": [low, low + 2000], "observations": [_obs("x-posts", r.uniform(2e9, 8e9))]})
        if r.random() < 0.5:
            self.facts.append({"id": "trader_loss", "metric": "trader_loss", "unit": "USD", "subject": r.choice(("a whale's leveraged account", "a well-known trader's account")),
                               "status": "pending_verification", "observations": [_obs("lookonchain", r.uniform(5e6, 40e6))]})

    def gaps(self) -> None:
        r = self.r
        if r.random() < 0.5:
            self.facts.append({"id": "okx_24h", "metric": "liquidations", "unit": "USD", "window": "24h", "venue": "okx", "status": "unavailable",
                               "reason": "the exchange has not published figures and dashboards disagree on its coverage"})

    def extras(self) -> None:
        r = self.r
        if r.random() < 0.4:
            self.facts.append({"id": "transfer", "metric": "onchain_transfer", "unit": "coins", "asset": "BTC", "subject": "a long-dormant wallet",
                               "status": "official", "observations": [_obs("arkham", r.uniform(500, 5000))]})
        if r.random() < 0.4:
            self.facts.append({"id": "fear_greed", "metric": "sentiment_index", "unit": "index", "observations": [_obs("coinmarketcap", r.uniform(10, 40))]})
        if r.random() < 0.3:
            self.facts.append({"id": "history_2024", "metric": "historical_liquidations", "unit": "USD", "subject": "the August 2024 sell-off",
                               "observations": [_obs("coinglass", r.uniform(1e9, 3e9))]})
        if self.index % 7 == 3:  # an unnamed group of providers (drawn from no random number: older streams stay as they were)
            self.facts.append({"id": "history_2022", "metric": "historical_liquidations", "unit": "USD", "subject": "the June 2022 sell-off",
                               "observations": [_obs("several-providers", 1.2e9 + 1e6 * (self.index % 97))]})

    def add_context(self) -> None:
        r = self.r
        for kind, text, sources, status in r.sample(CONTEXT, r.randint(0, 3)):
            item = {"id": f"ctx_{kind}", "kind": kind, "text": text, "sources": sources}
            if status:
                item["status"] = status
            self.context.append(item)

    def add_quotes(self) -> None:
        r = self.r
        for n, (speaker, role, channel, source) in enumerate(r.sample(SPEAKERS, r.randint(0, 2))):
            q = {"id": f"quote_{n + 1}", "speaker": speaker, "channel": channel, "words": r.choice(WORDS), "source": source}
            if role:
                q["role"] = role
            if source == "x-posts":
                q["status"] = "rumor"
            self.quotes.append(q)


def make_event(index: int, seed: int = 0) -> dict:
    """Event number ``index`` of the stream ``seed`` as a plain dict (as it would be written to YAML)."""
    return _EventMaker(seed, index).build()


def dump(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=200)


def write_factbase(n: int, out: Path, seed: int = 0) -> list[Path]:
    """Write ``out/sources.yaml`` and ``n`` event files under ``out/events/``; return the event paths."""
    out = Path(out)
    (out / "events").mkdir(parents=True, exist_ok=True)
    _write(out / "sources.yaml", "# Source registry of a synthetic fact base (bench/make_factbase.py).\n" + dump(REGISTRY))
    paths = []
    for i in range(n):
        event = make_event(i, seed)
        path = out / "events" / f"{event['id']}.yaml"
        _write(path, f"# Synthetic event {i} (seed {seed}), generated by bench/make_factbase.py.\n" + dump(event))
        paths.append(path)
    return paths


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of events")
    parser.add_argument("out", type=Path, help="output folder (sources.yaml and events/)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be >= 0")
    paths = write_factbase(args.n, args.out, args.seed)
    print(f"wrote {len(paths)} events and sources.yaml to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
