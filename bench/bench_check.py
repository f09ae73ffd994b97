"""Speed of `writer check` (fact-free rules) against textlint and against a practical floor.

One run, one corpus: N generated market-news articles of about 850 words
(deterministic seed), written to a temporary folder. Measured, each on the
same files:

1. writer, in process: ``Checker().check_files`` (spaCy pipeline built once, ``nlp.pipe`` batches);
2. writer, command line: ``writer check CORPUS --format json`` (includes interpreter and spaCy start-up);
3. floor: markdown-it-py parse + one regular-expression scan for figures and attribution words per block;
4. textlint, command line, with ``bench/textlint/rules/writer-no-attribution.js`` (the same figure grammar,
   phrase lists and scope as F001/F002), installed from npm into ``bench/.textlint/``;
5. textlint, in process (its Node API, lint time only).

    python bench/bench_check.py [--articles 500] [--write bench/results/check.md]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TEXTLINT_DIR = ROOT / "bench" / ".textlint"
TEXTLINT_SRC = ROOT / "bench" / "textlint"

ASSETS = [("bitcoin", "BTC"), ("ether", "ETH"), ("XRP", "XRP"), ("solana", "SOL"), ("dogecoin", "DOGE")]
SOURCES = ["CoinGlass", "CoinAnk", "Hyblock Capital", "Arkham", "Lookonchain", "CoinMarketCap"]
VENUES = ["Binance", "OKX", "Bybit", "HTX", "Hyperliquid"]
HEADINGS = [
    "How big the liquidations were", "Where the losses landed", "Venues and large single liquidations",
    "Pressure zones above and below", "Rumours and unverified claims", "Why the data differ",
    "Market and macro backdrop", "What traders should watch", "Leverage and funding", "After the washout",
]


def money(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.6:
        return f"${rng.randint(10, 999)}{rng.choice(['', '.' + str(rng.randint(1, 9))])} million"
    if kind < 0.85:
        return f"${rng.randint(1, 9)}.{rng.randint(100, 999)} billion"
    return f"${rng.randint(60, 110)},{rng.choice(['000', '500'])}"


def figure_sentence(rng: random.Random) -> str:
    src = rng.choice(SOURCES)
    asset, ticker = rng.choice(ASSETS)
    venue = rng.choice(VENUES)
    h = rng.choice([1, 4, 12, 24])
    forms = [
        f"According to a single source, {src}, liquidations across the market came to about {money(rng)} over the past {h} hours.",
        f"Long positions accounted for {money(rng)} and short positions for {money(rng)}, in data from {src}.",
        f"Liquidations tied to {asset} reached {money(rng)} over {h} hours.",
        f"On {venue}, the largest single liquidation was worth {money(rng)}, according to {venue}'s own figures.",
        f"An estimated {money(rng)} of long positions could be liquidated if {ticker} falls below {money(rng)}, based on {src}'s heat map.",
        f"That puts the long share of the total at about {rng.randint(51, 97)}% by our calculation from {src}'s figures.",
        f"An unverified claim circulating on X puts {money(rng)} in short positions between {money(rng)} and {money(rng)}.",
        f"Over {rng.randint(2, 400)},{rng.randint(100, 999)} traders were liquidated in the past day.",
        f"The long/short ratio moved toward {rng.randint(1, 3)}:1 as funding cooled.",
        f"Open interest fell {rng.randint(2, 15)}.{rng.randint(0, 9)}% across major venues, {src} data show.",
        f"The claim that {money(rng)} in shorts sits near {money(rng)} spread quickly among traders.",
        f"Totals between {money(rng)} and {money(rng)} were reported as {src} and CoinAnk differ.",
    ]
    return rng.choice(forms)


FILLER = [
    "When prices move against crowded positions, forced selling feeds on itself and the order book thins out quickly.",
    "Traders who sized their margin for a quiet market found little room to adjust once the move began.",
    "The pattern is familiar from earlier washouts: leverage builds in one direction until a modest move tips it over.",
    "Funding rates had leaned towards longs for most of the week, a sign that optimism was paid for with borrowed money.",
    "Liquidity at key price levels matters more than the headline total, because that is where stops and liquidations gather.",
    "A snapshot of data at a single point in time says little on its own; the trajectory over several sessions says more.",
    "Risk managers tend to cut limits after such days, which can keep volatility elevated for a while.",
    "None of this settles the argument about direction, but it does show how fragile positioning had become.",
    "Spot buyers and low-leverage holders were largely untouched, while the most aggressive accounts bore the cost.",
    "Market makers widened their quotes as the move accelerated, which added to the slippage forced orders suffered.",
]


def article(rng: random.Random, target_words: int = 720) -> str:
    parts = [f"# Liquidations hit {money(rng)} as leveraged {rng.choice(['longs', 'shorts'])} are flushed out", ""]
    lede = " ".join([rng.choice(FILLER), figure_sentence(rng), rng.choice(FILLER)])
    parts += [lede, ""]
    words = len(" ".join(parts).split())
    while words < target_words:
        parts += [f"## {rng.choice(HEADINGS)}", ""]
        if rng.random() < 0.5:
            for _ in range(rng.randint(3, 5)):
                label = rng.choice(["Total", "Sides", "Share", "Venues", "Assets", "Zones", "Claims"])
                item = f"- **{label}:** {figure_sentence(rng)} {rng.choice(FILLER)}"
                parts.append(item)
            parts.append("")
            if rng.random() < 0.4:
                parts += [f"- **Data caveat:** The above figures come from a single source, {rng.choice(SOURCES)}.", ""]
        for _ in range(rng.randint(1, 3)):
            para = " ".join(rng.choice(FILLER) if rng.random() < 0.6 else figure_sentence(rng) for _ in range(rng.randint(3, 6)))
            parts += [para, ""]
        words = len(" ".join(parts).split())
    return "\n".join(parts).rstrip() + "\n"


def make_corpus(folder: Path, n: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        p = folder / f"article-{i:04d}.md"
        p.write_text(article(rng), encoding="utf-8")
        paths.append(p)
    return paths


# --- the floor: markdown-it-py + one regex scan -----------------------------------------------


def floor_scan(paths: list[Path], lean: bool = False) -> int:
    from markdown_it import MarkdownIt

    from writer.check.figures import _FIGURE_RE
    from writer.check.phrases import build_phrases

    phrases = build_phrases()
    caveat = phrases.union(("attribution", "single_source", "rumor", "pending", "estimate", "disagreement"))
    md = MarkdownIt("commonmark").enable("table")
    if lean:
        md.disable(["inline", "text_join"], ignoreInvalid=True)
    hits = 0
    for p in paths:
        for tok in md.parse(p.read_text(encoding="utf-8")):
            if tok.type == "inline":
                if any(True for _ in _FIGURE_RE.finditer(tok.content)) and not caveat.search(tok.content):
                    hits += 1
    return hits


# --- textlint -------------------------------------------------------------------------------------

NODE_API = r"""
const path = require("path");
const { createLinter } = require("textlint");
const { TextlintKernelDescriptor } = require("@textlint/kernel");
const markdown = require("@textlint/textlint-plugin-markdown");
const rule = require(process.argv[2]);
const files = require("fs").readFileSync(process.argv[3], "utf8").split("\n").filter(Boolean);
(async () => {
  const descriptor = new TextlintKernelDescriptor({
    rules: [{ ruleId: "writer-no-attribution", rule }],
    plugins: [{ pluginId: "markdown", plugin: markdown.default || markdown }],
    filterRules: [],
  });
  const linter = createLinter({ descriptor });
  const t0 = process.hrtime.bigint();
  const results = await linter.lintFiles(files);
  const t1 = process.hrtime.bigint();
  const n = results.reduce((a, r) => a + r.messages.length, 0);
  console.log(JSON.stringify({ seconds: Number(t1 - t0) / 1e9, files: results.length, messages: n }));
})().catch((e) => { console.error(e); process.exit(3); });
"""


def install_textlint() -> str | None:
    """npm install into bench/.textlint (a folder of its own); returns a reason when unavailable."""
    if shutil.which("npm") is None or shutil.which("node") is None:
        return "node/npm not installed"
    TEXTLINT_DIR.mkdir(parents=True, exist_ok=True)
    shutil.copy(TEXTLINT_SRC / "package.json", TEXTLINT_DIR / "package.json")
    if not (TEXTLINT_DIR / "node_modules" / ".bin" / "textlint").exists():
        r = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"], cwd=TEXTLINT_DIR, capture_output=True, text=True)
        if r.returncode != 0:
            return f"npm install failed: {r.stderr.strip()[:300]}"
    from writer.check.phrases import default_phrases

    data = default_phrases()
    (TEXTLINT_DIR / "phrases.json").write_text(json.dumps({k: v for k, v in data.items() if isinstance(v, list)}), encoding="utf-8")
    (TEXTLINT_DIR / "api.js").write_text(NODE_API, encoding="utf-8")
    return None


def timed(cmd: list[str], **kw) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    return time.perf_counter() - t0, r


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--seed", type=int, default=20261118)
    ap.add_argument("--repeat", type=int, default=3, help="in-process timings: best of N")
    ap.add_argument("--write", type=Path, default=None)
    args = ap.parse_args()
    env = {**os.environ, "WRITER_PHRASES": str(TEXTLINT_DIR / "phrases.json")}

    with tempfile.TemporaryDirectory(prefix="writer-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        paths = make_corpus(corpus, args.articles, args.seed)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
        n = len(paths)
        rows: list[tuple[str, float, str]] = []

        # 1. writer in process
        from writer.check import Checker

        t0 = time.perf_counter()
        checker = Checker()
        checker.nlp  # build the pipeline (start-up, reported apart)
        startup = time.perf_counter() - t0
        writer_s = float("inf")
        for i in range(args.repeat):  # best of N: the machine is shared
            if i:  # a fresh Checker (sharing the loaded pipeline's spaCy import) so no run reads
                # blocks the previous run already segmented: each run is a first pass over the corpus
                checker = Checker()
                checker.nlp
            t0 = time.perf_counter()
            findings = sum(len(f) for f in checker.check_files(paths))
            writer_s = min(writer_s, time.perf_counter() - t0)
        rows.append(("writer check, in process (F rules)", writer_s, f"{findings} findings; pipeline start-up {startup:.2f} s not counted"))

        # 2. writer CLI
        cli_s, r = timed([sys.executable, "-m", "writer.cli", "check", str(corpus), "--format", "json", "-j", "1"])
        cli_findings = json.loads(r.stdout)["summary"]["findings"] if r.stdout.strip().startswith("{") else "?"
        rows.append(("writer check -j 1, command line", cli_s, f"{cli_findings} findings; includes Python + spaCy start-up"))
        cli2_s, r = timed([sys.executable, "-m", "writer.cli", "check", str(corpus), "--format", "json", "-j", str(os.cpu_count() or 1)])
        rows.append((f"writer check -j {os.cpu_count() or 1}, command line (default for 64+ files)", cli2_s, "forked workers share the loaded pipeline"))

        # 3. floor
        floor_s = lean_s = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            floor_hits = floor_scan(paths)
            floor_s = min(floor_s, time.perf_counter() - t0)
            t0 = time.perf_counter()
            floor_scan(paths, lean=True)
            lean_s = min(lean_s, time.perf_counter() - t0)
        rows.append(("floor: markdown-it-py (default parse) + regex scan", floor_s, f"{floor_hits} blocks with a bare figure"))
        rows.append(("lean floor: markdown-it-py (block parse only, as writer uses it) + regex scan", lean_s, "same scan"))

        # 4/5. textlint
        reason = install_textlint()
        tl_cli_s = tl_api_s = None
        if reason is None:
            bin_ = TEXTLINT_DIR / "node_modules" / ".bin" / "textlint"
            tl_cli_s, r = timed([str(bin_), "--rulesdir", str(TEXTLINT_SRC / "rules"), "--format", "json", *map(str, paths)], cwd=TEXTLINT_DIR, env=env)
            try:
                tl_msgs = sum(len(x["messages"]) for x in json.loads(r.stdout))
            except json.JSONDecodeError:
                tl_msgs = f"error: {r.stderr[:200]}"
            rows.append(("textlint, command line (equivalent rule)", tl_cli_s, f"{tl_msgs} messages; includes Node start-up"))
            listing = Path(tmp) / "files.txt"
            listing.write_text("\n".join(map(str, paths)), encoding="utf-8")
            r = subprocess.run(["node", str(TEXTLINT_DIR / "api.js"), str(TEXTLINT_SRC / "rules" / "writer-no-attribution.js"), str(listing)],
                               cwd=TEXTLINT_DIR, capture_output=True, text=True, env=env)
            if r.returncode == 0:
                api = json.loads(r.stdout.strip().splitlines()[-1])
                tl_api_s = api["seconds"]
                rows.append(("textlint, in process (Node API, lint only)", tl_api_s, f"{api['messages']} messages"))
            else:
                rows.append(("textlint, in process (Node API)", float("nan"), f"failed: {r.stderr.strip()[:200]}"))

    lines = [
        "## Speed: `writer check` vs textlint vs the floor",
        "",
        f"Command: `python bench/bench_check.py --articles {args.articles} --write bench/results/check.md`; "
        f"{n} generated articles, {words / n:.0f} words on average ({words:,} words), seed {args.seed}; "
        f"2-core machine ({platform.processor() or platform.machine()}, Python {platform.python_version()}; in-process runs use one process).",
        "",
        "| run | seconds | files/s | notes |",
        "|---|---|---|---|",
    ]
    for name, secs, note in rows:
        fps = n / secs if secs and secs == secs else float("nan")
        lines.append(f"| {name} | {secs:.2f} | {fps:.0f} | {note} |")
    lines.append("")
    writer_fps = n / writer_s
    lines.append(f"- writer in process vs floor: the floor is {writer_s / floor_s:.2f}x faster (target: within 3x); the lean floor is {writer_s / lean_s:.2f}x faster.")
    if reason is not None:
        lines.append(f"- textlint: not measured ({reason}).")
    else:
        lines.append(f"- writer CLI vs textlint CLI: {tl_cli_s / cli_s:.1f}x textlint's files/s with -j 1, {tl_cli_s / cli2_s:.1f}x with -j {os.cpu_count() or 1} (target: at least 5x).")
        if tl_api_s:
            lines.append(f"- writer in process vs textlint in process: {tl_api_s / writer_s:.1f}x textlint's files/s (target: at least 5x).")
    lines.append(f"- writer in process: {writer_fps:.0f} files/s, {words / writer_s:,.0f} words/s.")
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write:
        from bench.eval_seeds import update_section  # noqa: PLC0415

        update_section(args.write, "speed", report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
