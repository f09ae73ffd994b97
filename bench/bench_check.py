"""Speed of `writer check` (fact-free rules) against textlint doing the same work, and against real floors.

One corpus: N generated market-news articles of about 850 words (deterministic
seed), written to a temporary folder. Every contender reads the same files:

- writer: ``Checker().check_files`` in this process (F001 and F002, no fact file);
- textlint with ``bench/textlint/rules/writer-fact-free.js``: the same two rules, ported step for step,
  reading writer's own figure grammar, phrase classes, masks and sentence boundary (exported here to
  ``bench/.textlint/grammar.json``), in a persistent Node process (``bench/textlint/server.js``);
- floors, one regular-expression scan per prose block (a figure and no caveat word), after
  markdown-it-py (the full parse, and the block-only parse writer uses), after a Rust CommonMark
  parser (markdown-it-pyrs, pyromark), and after a plain split into lines (no parser at all).

How it is timed: every contender runs once untimed (imports done, code warm, textlint's
linter built; the writer and textlint findings of that run are compared for agreement),
then ``--rounds`` rounds run every contender once each, in an order that rotates every
round, timed by the CPU time (user + system) of the process doing the work. Each
writer run gets a fresh Checker (built outside the timing, like textlint's linter) and
empty per-process caches, so no round reads what an earlier round already read.
Ratios are taken within a round, then the median over rounds is reported.

The command lines (a cold start each: `writer check -j 1` against the `textlint` CLI)
are timed the same way, interleaved, by the CPU time of the child process.

    python bench/bench_check.py [--articles 500] [--rounds 7] [--cli-rounds 3] [--write bench/results/check.md]

Needs ``pip install -r bench/requirements.txt`` (the Rust parsers) and node/npm
(textlint is installed from npm into ``bench/.textlint/``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TEXTLINT_DIR = ROOT / "bench" / ".textlint"
TEXTLINT_SRC = ROOT / "bench" / "textlint"
RULE = TEXTLINT_SRC / "rules" / "writer-fact-free.js"
# ../shared beside the main checkout (a worktree sits one level deeper)
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared").is_dir()), ROOT.parent / "shared")

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
    "One reading taken at one moment tells you little by itself; how it moves over several sessions tells you more.",
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


# --- writer's grammar, exported for the textlint rule --------------------------------------------

# The marker classes F001 and F002 read (writer/check/analysis.py).
RULE_CLASSES = ("attribution", "single_source", "rumor", "pending", "estimate", "disagreement", "claim",
                "note_backward", "note_forward", "note_label")


def strip_verbose(pattern: str) -> str:
    """A re.VERBOSE pattern without its layout: unescaped whitespace and comments outside classes go."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":  # a ']' first in a class is literal
                out.append("[]")
                i += 2
                continue
        elif c == "#":
            i = pattern.find("\n", i)
            i = len(pattern) if i < 0 else i
            continue
        elif c.isspace():
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def js_source(rx: re.Pattern) -> str:
    """A Python expression's source as a JavaScript RegExp source (the flags are set by the rule)."""
    src = strip_verbose(rx.pattern) if rx.flags & re.VERBOSE else rx.pattern
    if "(?i:" in src:
        if not rx.flags & re.IGNORECASE:
            raise ValueError(f"scoped case-insensitivity in a case-sensitive expression: {src[:60]}")
        src = src.replace("(?i:", "(?:")  # the whole expression is case-insensitive already
    src = src.replace("(?P<", "(?<")
    for unsupported in ("(?P", "(?i", "(?x", "(?s", "\\A", "\\Z", "(?#"):
        if unsupported in src:
            raise ValueError(f"{unsupported!r} has no JavaScript equivalent: {src[:80]}")
    return src


def export_grammar() -> dict:
    from writer.check import document, figures
    from writer.check.analysis import CAVEAT_CLASSES, NOTE_CLASSES
    from writer.check.phrases import build_phrases
    from writer.check import sentences as nlp

    phrases = build_phrases()
    return {
        "figure": js_source(figures._FIGURE_RE),
        "hundred": js_source(figures._HUNDRED_RE),
        "index": js_source(figures._INDEX_RE),
        "point": js_source(figures._POINT_RE),
        "time": js_source(figures._TIME_RE),
        "boundary": js_source(nlp._BOUNDARY),
        "abbreviations": sorted(nlp.ABBREVIATIONS),
        "markers": {name: js_source(phrases.markers[name]) for name in RULE_CLASSES},
        "caveat": js_source(phrases.union(CAVEAT_CLASSES)),
        "note": js_source(phrases.union(NOTE_CLASSES)),
        "masks": [[js_source(rx), "s" if rx.flags & re.DOTALL else "", needs] for rx, needs in zip(document._MASKS, document._MASK_NEEDS)],
        "markup": js_source(document._MARKUP),
    }


# --- floors: a parser (or none) and one scan per block ------------------------------------------


class Scan:
    """The floors' work per block: is there a figure, and no caveat word? (writer's own expressions)."""

    def __init__(self):
        from writer.check.analysis import CAVEAT_CLASSES
        from writer.check.figures import _FIGURE_RE
        from writer.check.phrases import build_phrases

        self.figure = _FIGURE_RE
        self.caveat = build_phrases().union(CAVEAT_CLASSES)

    def __call__(self, text: str) -> int:
        return 1 if self.figure.search(text) and not self.caveat.search(text) else 0


def floor_markdown_it(scan: Scan, lean: bool) -> Callable[[list[Path]], int]:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    if lean:  # block parse only, as writer's check does (it blanks inline markup itself)
        md.disable(["inline", "text_join"], ignoreInvalid=True)

    def run(paths):
        return sum(scan(tok.content) for p in paths for tok in md.parse(p.read_text(encoding="utf-8")) if tok.type == "inline")

    return run


def floor_markdown_it_pyrs(scan: Scan) -> Callable[[list[Path]], int]:
    from markdown_it_pyrs import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    prose = {"heading", "paragraph", "th", "td"}

    def blocks(node, data: bytes):
        for child in node.children:
            inline = child.name in prose or (child.name == "list_item" and child.children and child.children[0].name not in ("paragraph", "bullet_list", "ordered_list"))
            if inline and child.children:
                yield data[child.children[0].srcmap[0]:child.children[-1].srcmap[1]].decode("utf-8")
            else:
                yield from blocks(child, data)

    def run(paths):
        hits = 0
        for p in paths:
            text = p.read_text(encoding="utf-8")
            hits += sum(scan(b) for b in blocks(md.tree(text), text.encode("utf-8")))
        return hits

    return run


def floor_pyromark(scan: Scan) -> Callable[[list[Path]], int]:
    import pyromark

    ends = {"Paragraph", "Item", "TableCell"}

    def run(paths):
        hits = 0
        for p in paths:
            parts: list[str] = []
            for ev in pyromark.events(p.read_text(encoding="utf-8")):
                if isinstance(ev, dict):
                    if "Text" in ev:
                        parts.append(ev["Text"])
                    elif "End" in ev and parts and (isinstance(ev["End"], dict) or ev["End"] in ends):  # {"Heading": level}
                        hits += scan("".join(parts))
                        parts = []
                elif ev == "SoftBreak":
                    parts.append("\n")
        return hits

    return run


def floor_split(scan: Scan) -> Callable[[list[Path]], int]:
    """No parser: every line is a block (the corpus writes one block per line, so the hits are the parsers')."""

    def run(paths):
        return sum(scan(line) for p in paths for line in p.read_text(encoding="utf-8").split("\n"))

    return run


# --- writer --------------------------------------------------------------------------------------


def writer_run() -> tuple[Callable[[], None], Callable[[list[Path]], list]]:
    """(prepare, run): prepare builds a fresh Checker and empties the per-process caches (untimed)."""
    from writer.check import Checker, document

    state: dict = {}

    def prepare():
        checker = Checker()
        checker.check_text("Warm-up.\n", path="<warm-up>")  # builds whatever the checker builds lazily
        if getattr(checker.phrases.frames, "memo", None):
            checker.phrases.frames.memo()  # the attribution frames' memo of sentences is per process too
        cache = getattr(document, "_MASKED", None)
        if isinstance(cache, dict):
            cache.clear()
        state["checker"] = checker

    def run(paths):
        return state["checker"].check_files(paths)

    return prepare, run


# --- textlint ------------------------------------------------------------------------------------


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
    (TEXTLINT_DIR / "grammar.json").write_text(json.dumps(export_grammar(), indent=1), encoding="utf-8")
    shutil.copy(TEXTLINT_SRC / "server.js", TEXTLINT_DIR / "server.js")
    return None


class TextlintServer:
    def __init__(self, listing: Path):
        env = {**os.environ, "WRITER_GRAMMAR": str(TEXTLINT_DIR / "grammar.json")}
        self.proc = subprocess.Popen(["node", str(TEXTLINT_DIR / "server.js"), str(RULE), str(listing)], cwd=TEXTLINT_DIR, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def lint(self, detail: bool = False) -> dict:
        self.proc.stdin.write(json.dumps({"detail": detail}) + "\n")
        self.proc.stdin.flush()
        answer = json.loads(self.proc.stdout.readline())
        if "error" in answer:
            raise RuntimeError(f"textlint failed: {answer['error'][:500]}")
        return answer

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


# --- agreement -----------------------------------------------------------------------------------


def agreement(writer_findings: list, textlint_found: list) -> dict:
    ours = {(str(f.path), f.line, f.column, f.code) for per_file in writer_findings for f in per_file if f.code in ("F001", "F002")}
    theirs = {(str(Path(p)), line, col, code) for p, line, col, code in textlint_found}
    both = ours & theirs
    union = ours | theirs
    return {
        "writer": len(ours), "textlint": len(theirs), "both": len(both),
        "only_writer": sorted(ours - theirs)[:5], "only_textlint": sorted(theirs - ours)[:5],
        "share": len(both) / len(union) if union else 1.0,
    }


def real_agreement(folder: Path, tmp: Path) -> dict | None:
    """Agreement on a folder of real articles (every *.md but README.md), or None when there is none."""
    paths = sorted(p for p in folder.glob("*.md") if p.name != "README.md") if folder.is_dir() else []
    if not paths:
        return None
    prepare, writer = writer_run()
    prepare()
    listing = tmp / "real.txt"
    listing.write_text("\n".join(map(str, paths)), encoding="utf-8")
    server = TextlintServer(listing)
    try:
        found = server.lint(detail=True)["found"]
    finally:
        server.close()
    return {**agreement(writer(paths), found), "files": len(paths)}


# --- the run -------------------------------------------------------------------------------------


def cpu_of_child(cmd: list[str], **kw) -> tuple[float, float, subprocess.CompletedProcess]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall, r


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--seed", type=int, default=20261118)
    ap.add_argument("--rounds", type=int, default=7, help="timed rounds, every contender once per round")
    ap.add_argument("--cli-rounds", type=int, default=3, help="cold command-line rounds (0: skip)")
    ap.add_argument("--write", type=Path, default=None)
    ap.add_argument("--real", type=Path, default=SHARED / "corpus",
                    help="a folder of real articles: agreement is measured on them too (skipped when absent)")
    args = ap.parse_args()

    reason = install_textlint()
    if reason is not None:
        print(f"textlint unavailable: {reason}", file=sys.stderr)
        return 2
    load_before = load()
    with tempfile.TemporaryDirectory(prefix="writer-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        paths = make_corpus(corpus, args.articles, args.seed)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
        n = len(paths)
        listing = Path(tmp) / "files.txt"
        listing.write_text("\n".join(map(str, paths)), encoding="utf-8")

        scan = Scan()
        prepare, writer = writer_run()
        local: dict[str, Callable[[list[Path]], object]] = {
            "writer check (F001, F002)": writer,
            "floor: markdown-it-py, full parse + scan": floor_markdown_it(scan, lean=False),
            "floor: markdown-it-py, block parse + scan": floor_markdown_it(scan, lean=True),
            "floor: markdown-it-pyrs (Rust) + scan": floor_markdown_it_pyrs(scan),
            "floor: pyromark (Rust) + scan": floor_pyromark(scan),
            "floor: split into lines (no parser) + scan": floor_split(scan),
        }
        textlint_name = "textlint + writer-fact-free.js (Node API)"
        server = TextlintServer(listing)
        try:
            # Warm-up: every contender once, untimed; writer's and textlint's findings compared.
            counts: dict[str, object] = {}
            prepare()
            writer_findings = writer(paths)
            counts[next(iter(local))] = sum(len(f) for f in writer_findings)
            for name, run in list(local.items())[1:]:
                counts[name] = run(paths)
            warm = server.lint(detail=True)
            counts[textlint_name] = warm["messages"]
            agree = agreement(writer_findings, warm["found"])

            names = [*local, textlint_name]
            cpu: dict[str, list[float]] = {k: [] for k in names}
            for r in range(args.rounds):
                order = names[r % len(names):] + names[:r % len(names)]
                for name in order:
                    if name == textlint_name:
                        cpu[name].append(server.lint()["cpu"])
                        continue
                    if name == names[0]:
                        prepare()
                    t0 = time.process_time()
                    local[name](paths)
                    cpu[name].append(time.process_time() - t0)
        finally:
            server.close()

        cli: dict[str, list[float]] = {"writer check -j 1 (command line)": [], "textlint (command line)": []}
        cli_counts: dict[str, object] = {}
        env = {**os.environ, "WRITER_GRAMMAR": str(TEXTLINT_DIR / "grammar.json")}
        bin_ = TEXTLINT_DIR / "node_modules" / ".bin" / "textlint"
        for r in range(args.cli_rounds):
            for name in (list(cli) if r % 2 == 0 else list(cli)[::-1]):
                if name.startswith("writer"):
                    c, _, res = cpu_of_child([sys.executable, "-m", "writer.cli", "check", str(corpus), "--format", "json", "-j", "1"])
                    try:
                        cli_counts[name] = json.loads(res.stdout)["summary"]["findings"]
                    except (ValueError, KeyError):
                        cli_counts[name] = f"error: {res.stderr[-200:]}"
                else:
                    c, _, res = cpu_of_child([str(bin_), "--rulesdir", str(RULE.parent), "--format", "json", *map(str, paths)], cwd=TEXTLINT_DIR, env=env)
                    try:
                        cli_counts[name] = sum(len(x["messages"]) for x in json.loads(res.stdout))
                    except ValueError:
                        cli_counts[name] = f"error: {res.stderr[-200:]}"
                cli[name].append(c)
        real = real_agreement(args.real, Path(tmp))
    load_after = load()

    def ratios(a: str, b: str, table=cpu) -> list[float]:
        return sorted(x / y for x, y in zip(table[a], table[b]))

    w = names[0]
    lines = [
        "## Speed: `writer check` vs textlint (same work) vs real floors",
        "",
        f"Command: `python bench/bench_check.py --articles {args.articles} --rounds {args.rounds} --cli-rounds {args.cli_rounds} "
        f"--write bench/results/check.md`; {n} generated articles, {words / n:.0f} words on average ({words:,} words), seed {args.seed}; "
        f"2-core machine ({platform.machine()}, Python {platform.python_version()}, Node {node_version()}); "
        f"load average (1, 5, 15 min) {load_before} before, {load_after} after: the machine is shared, so CPU time "
        "(user + system of the process doing the work) is the measure, not wall time.",
        "",
        f"Agreement of findings (file, line, column, rule) after the warm-up run: writer {agree['writer']}, textlint {agree['textlint']}, "
        f"both {agree['both']}: **{agree['share']:.1%}** of the union.",
    ]
    if agree["only_writer"] or agree["only_textlint"]:
        lines.append(f"First differences: writer only {agree['only_writer']}; textlint only {agree['only_textlint']}.")
    if real is not None:
        lines += ["", f"On {real['files']} real articles (`{args.real}`, not in the repository): writer {real['writer']}, "
                  f"textlint {real['textlint']}, both {real['both']}: **{real['share']:.1%}** of the union."]
        diffs = [*(("writer only", d) for d in real["only_writer"]), *(("textlint only", d) for d in real["only_textlint"])]
        lines += [f"  - {who}: `{Path(d[0]).name}:{d[1]}:{d[2]}` {d[3]}" for who, d in diffs]
    lines += [
        "",
        f"Warm, in process, {args.rounds} interleaved rounds (each contender once per round, rotating order):",
        "",
        "| contender | CPU s (median) | min-max | files/s by CPU | findings or blocks hit |",
        "|---|---|---|---|---|",
    ]
    for name in names:
        med = statistics.median(cpu[name])
        lines.append(f"| {name} | {med:.3f} | {min(cpu[name]):.3f}-{max(cpu[name]):.3f} | {n / med:.0f} | {counts[name]} |")
    lines.append("")
    tl = ratios(textlint_name, w)
    lines.append(f"- writer vs textlint, same work: textlint's CPU / writer's CPU per round, median **{statistics.median(tl):.2f}x** "
                 f"(range {tl[0]:.2f}-{tl[-1]:.2f}; target at least 3x).")
    for name in names[1:-1]:
        rr = ratios(w, name)
        lines.append(f"- writer / {name.removeprefix('floor: ')}: {statistics.median(rr):.2f}x (range {rr[0]:.2f}-{rr[-1]:.2f}).")
    tf = ratios(textlint_name, names[4])
    lines.append(f"- textlint / the pyromark floor: {statistics.median(tf):.2f}x.")
    if args.cli_rounds:
        a, b = list(cli)
        cr = sorted(y / x for x, y in zip(cli[a], cli[b]))
        lines += [
            "",
            f"Cold command lines, {args.cli_rounds} interleaved rounds, CPU of the child process (start-up included):",
            "",
            "| command | CPU s (median) | findings |",
            "|---|---|---|",
            *(f"| {k} | {statistics.median(v):.2f} | {cli_counts.get(k)} |" for k, v in cli.items()),
            "",
            f"- textlint CLI CPU / writer CLI CPU: median {statistics.median(cr):.2f}x (range {cr[0]:.2f}-{cr[-1]:.2f}).",
        ]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write:
        from bench.eval_seeds import update_section  # noqa: PLC0415

        update_section(args.write, "speed", report)
    return 0


def node_version() -> str:
    try:
        return subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


if __name__ == "__main__":
    raise SystemExit(main())
