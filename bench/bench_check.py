r"""Speed of `writer check` (fact-free rules) against textlint doing the same work, and against real floors.

One corpus: N generated market-news articles of about 850 words (deterministic
seed: headings, paragraphs, bullet lists with notes, some tables and quotes, a
suppression comment now and then), written to a temporary folder. Every
contender reads the same files:

- writer: ``Checker().check_files`` in this process (every rule of a check without a fact
  file: F001, F002, S001, S002: markdown-it-pyrs's tree where writer's tree reader handles the
  shapes, markdown-it-py otherwise); and the same check reading every article with markdown-it-py;
- textlint with ``bench/textlint/rules/writer-fact-free.js``: the same rules ported step for step,
  reading writer's own expressions and constants (exported by ``bench/textlint/grammar.py`` to
  ``bench/.textlint/grammar.json`` at every run, so the two cannot drift, and checked in Node
  against Python first), in a persistent Node process (``bench/textlint/server.js``); and a
  variant with JavaScript's ASCII ``\w``/``\b``/``\d``/``\s`` (not equal work: it shows what
  reading Unicode the way Python does costs the port);
- floors, one regular-expression scan per prose block (a figure and no caveat word), after
  markdown-it-py (the full parse, and the block-only parse writer's reference reader uses), after a Rust CommonMark
  parser (markdown-it-pyrs, pyromark), and after a plain split into lines (no parser at all).

Agreement of findings (file, line, column, code) is measured per code on the generated corpus
and on the ``--extra`` folders (../shared's corpus and seeds when present, the repository's
goldens and check fixtures), each disagreement listed.

How it is timed: every contender runs once untimed (imports done, code warm, textlint's
linter built), then ``--rounds`` rounds run every contender once each, in an order that
rotates every round, timed by the CPU time (user + system) of the process doing the work
(wall time beside it). Before each timed run writer gets a fresh Checker with its
per-process caches emptied, and textlint's rule empties its own same caches (untimed,
both). Ratios are taken within a round, then the median over rounds is reported. The
command lines (a cold start each: `writer check -j 1` against the `textlint` CLI) are timed
the same way, interleaved, by the CPU time of the child process.

    python bench/bench_check.py [--articles 500] [--rounds 7] [--cli-rounds 3] [--out bench/results]

writes bench/results/textlint.md and bench/results/floor.md. Needs ``pip install -r
bench/requirements.txt`` (pyromark) and node/npm: textlint (pinned in
``bench/textlint/package.json``) is installed into ``bench/.textlint/`` from npm's local
cache (``npm install --offline``: no network while benchmarking).
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
sys.path.insert(0, str(ROOT / "bench"))
import exercises  # noqa: E402  (bench/exercises.py: every fact-free reading and the corpus block that exercises it)
TEXTLINT_DIR = ROOT / "bench" / ".textlint"
TEXTLINT_SRC = ROOT / "bench" / "textlint"
RULE = TEXTLINT_SRC / "rules" / "writer-fact-free.js"
NOOP = TEXTLINT_SRC / "noop" / "noop.js"  # a rule that does nothing: textlint's own read, parse and walk
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


def table(rng: random.Random) -> list[str]:
    rows = ["| Venue | Longs | Shorts |", "|---|---|---|"]
    rows += [f"| {v} | {money(rng)} | {money(rng)} |" for v in rng.sample(VENUES, 3)]
    return [*rows, "", f"Figures in the table above are from {rng.choice(SOURCES)}." if rng.random() < 0.5 else rng.choice(FILLER), ""]


def reading(rng: random.Random) -> list[str]:
    """Blocks that exercise the check's later readings (each may or may not credit a figure): credit lines under
    a paragraph, a list or a table, chart captions above prose, photo credits, back-pointing notes opening their
    sentence or not, one position's leverage against a venue's terms, an attribution of liquidations that stops
    at a sentence of market context, and the figure forms read since (parts of a magnitude, spans, tickers);
    the eighth round's: multiples, ratios and shares in words, numbered references, a speaker's colon over a quote
    or the next paragraph, a list or table said to be below, "X data:" labels, a source named by its role, an
    inverted "reported X" and an event credited after it."""
    src, venue = rng.choice(SOURCES), rng.choice(VENUES)
    asset, ticker = rng.choice(ASSETS)
    bare = f"Shorts on {venue} lost {money(rng)} while longs gave up {money(rng)}."
    kind = rng.randrange(24 + NINTH_KINDS)
    if kind >= 24:
        return ninth_round(rng, kind - 24)
    if kind == 0:  # a credit line alone under its paragraph (or a photo's credit, which credits nothing)
        label = rng.choice(["Source:", "Data:", "(Source:", "Image source:", "Photo:"])
        return [f"{rng.choice(FILLER)} {bare}", "", f"{label} {src}{')' if label.startswith('(') else ''}", ""]
    if kind == 1:  # a closing credit inside the paragraph (past a caption's length, or it reads as a titled caption)
        return [f"{rng.choice(FILLER)} {bare} The combined tally came to {money(rng)}. {rng.choice(FILLER)} Source: {src}", ""]
    if kind == 2:  # a chart's caption, then prose that reads the chart or only follows it
        lead = rng.choice(["From the chart, ", "As the chart shows, ", "", "Meanwhile, "])
        intro = ["Here is how the day's forced closures split by venue:", ""] if rng.random() < 0.4 else []
        return [*intro, f"Liquidations by venue, past 24 hours {rng.choice(['|', '/', '·'])} Source: {src}", "",
                f"{lead}{bare[0].lower() if lead else bare[0]}{bare[1:]}", ""]
    if kind == 3:  # a list closed by its credit item, or introduced by a name and its data
        items = [f"- {asset.capitalize()} longs: {money(rng)}", f"- {venue} shorts: {money(rng)}"]
        if rng.random() < 0.5:
            return [*items, f"- Source: {src}", ""]
        return [f"{src} data for the past day:", "", *items, ""]
    if kind == 4:  # a table with a credit line right after it
        return [*table(rng)[:-2], "", f"Source: {src}", ""]
    if kind == 5:  # a back-pointing note opening its sentence covers the run before it; inside a clause it does not
        note = rng.choice([f"Those figures are {src}'s.", f"The data are from {src}.", f"This information comes from {src}.",
                           f"All data via {src}."])
        if rng.random() < 0.5:
            return [f"{bare} {note}", ""]
        return [f"{asset.capitalize()} crossed {money(rng)} early in the session.", "",
                f"Liquidations reached {money(rng)}, according to the data from {src}.", ""]
    if kind == 6:  # a back-pointing note opening the next paragraph
        return [bare, "", f"{rng.choice(['Those figures are', 'The numbers were pulled from'])} {src}{chr(39) + 's' if rng.random() < 0.5 else ''}.", ""]
    if kind == 7:  # one position's leverage (a figure) against a venue's terms and leverage in general (none)
        lev = rng.choice([5, 10, 20, 25, 40, 50])
        return [rng.choice([f"A whale opened a {lev}x long on {ticker} worth {money(rng)}.",
                            f"One trader using {lev}x leverage lost {money(rng)} on {venue}, {src} said.",
                            f"{venue} offers up to {lev}x leverage on {ticker} pairs.",
                            f"The wallet's {lev}x short was closed at a loss."]), ""]
    if kind == 8:  # an attribution of liquidations does not carry to market context
        return [f"According to {src}, liquidations reached {money(rng)} in a day. {asset.capitalize()} traded at "
                f"{money(rng)} as the move stalled. {rng.choice(['Longs', 'Shorts'])} took {money(rng)} of it.", ""]
    if kind == 9:  # a source named alone in parentheses, and a part of a magnitude
        return [f"Long liquidations passed {rng.choice(['a quarter of a billion', 'half a billion', 'three quarters of a million'])} "
                f"dollars over the day{f' ({src})' if rng.random() < 0.5 else ''}.", ""]
    if kind == 10:  # a span's high or low, an average, a year before a coin word
        return [f"Funding hit a {rng.randint(2, 9)}-year high while the wallet's losses came to an average of "
                f"{rng.randint(2, 9)}.{rng.randint(1, 9)} per trader. In {rng.randint(2019, 2024)} BTC halved.", ""]
    if kind == 12:  # an agentless hedge: an earlier attribution does not carry to it
        hedge = rng.choice(["reportedly lost", "is said to have lost", "was believed to hold"])
        return [f"According to {src}, liquidations reached {money(rng)} in a day. A whale on {venue} {hedge} {money(rng)}.", ""]
    if kind == 13:  # a "Name:" opening: a source's label, a kicker, a summary marker or a speaker's turn
        label = rng.choice([f"{src}:", "Bottom Line:", "Host:", "Dana Whitfield:", "Analysis:", "Kaiko:"])
        heading = rng.random() < 0.4
        named = f" Analysts cited {label[:-1]} data." if rng.random() < 0.3 else ""
        return [f"{'## ' if heading else ''}{label} longs lost {money(rng)} over the day.{'' if heading else named}", ""]
    if kind == 14:  # an embedded post and its signature line, in a quote or after a paragraph
        sign = rng.choice(["— Dana Reyes (@dreyes) March 3, 2026", "— @tapewatcher", "— Ana Ruiz (@anaruiz)"])
        if rng.random() < 0.5:
            return [f"> Longs just lost {money(rng)} on {venue}.", ">", f"> {sign}", ""]
        return [f"Shorts on {venue} lost {money(rng)} in an hour.", "", sign, ""]
    if kind == 15:  # counts and amounts in words, money by its size class, a record, a suffixed count
        return [rng.choice(["Hundreds of traders were liquidated as a nine-figure loss hit one fund.",
                            f"Liquidations on {venue} hit a fresh record. Billions in longs unwound.",
                            f"Over a dozen funds took multimillion-dollar losses, while {rng.randint(2, 900)}K traders were flushed.",
                            f"It was not a record, but thousands of accounts closed and {money(rng)} went with them."]), ""]
    if kind == 16:  # a transcript's turns (a dialogue: its one-word names credit nothing) or a lone flash
        if rng.random() < 0.5:
            return [f"Maria: longs lost {money(rng)} over the day.", "", f"Tomas: shorts gave up {money(rng)} of it.", ""]
        return [f"Kaiko: longs lost {money(rng)} over the day.", ""]
    if kind == 17:  # a share in words
        return [rng.choice([f"Nearly a third of the liquidations hit {venue}.", "More than half of the longs closed before noon.",
                            f"Two-thirds of the forced orders on {venue} were longs, {src} said.",
                            "In the first half of the session, traders added margin."]), ""]
    if kind == 18:  # "Chart:" over a chart's title (no one credited) or over its source, then prose that reads it
        title = rng.choice(["longs by venue", "Bitcoin liquidations by hour", src])
        return [f"Chart: {title}", "", f"From the chart, {bare[0].lower()}{bare[1:]}", ""]
    if kind == 19:  # multiples, ratios and shares in words (and how often something happened, which is none)
        return [rng.choice([f"Long liquidations on {venue} doubled from the day before.", f"Shorts gave up twice what longs did, {src} said.",
                            "Longs outnumbered shorts three to one by the close.", f"Nine in ten of the forced orders on {venue} were longs.",
                            f"Open interest on {venue} slid four percent.", "Several funds booked double-digit losses.",
                            f"Volume on {venue} rose fivefold, {src} data show.", "The price tested the level twice this week.",
                            "The lesson is twofold: size down and keep margin free."]), ""]
    if kind == 20:  # a numbered reference credits its sentence; a bracket that is no reference does not
        return [f"Liquidations reached {money(rng)} over the day{rng.choice([' [2]', ' [14]', '', ' [sic]'])}. {rng.choice(FILLER)}", ""]
    if kind == 21:  # a speaker's colon over a quote or the paragraph after it; a colon no one speaks through
        lead = rng.choice([f"{src} analyst Dana Reyes wrote:", f"In a note to clients, {src} said:", "Here is how the day went:"])
        line = f"Longs lost {money(rng)} on {venue} as the bid thinned."
        return [lead, "", f"> {line}" if rng.random() < 0.5 else line, ""]
    if kind == 22:  # a list or table said to be below, by a source or by no one
        lead = rng.choice([f"{src}'s figures by venue are below.", f"{src}'s breakdown follows.", "The split by venue is below."])
        if rng.random() < 0.5:
            return [lead, "", f"- {venue}: {money(rng)}", f"- {rng.choice(VENUES)}: {money(rng)}", ""]
        return [lead, "", *table(rng)[:-2], ""]
    if kind == 23:  # a name and its data as a label, a source by its role, an inverted report, the event credited after it
        return [rng.choice([f"{src} data: longs lost {money(rng)} over the day.", f"Longs lost {money(rng)}, the exchange's data showed.",
                            f"Longs lost {money(rng)} overnight, reported {src}.", f"The loss, flagged by {src}, came to {money(rng)}.",
                            f"Velo's tally: shorts lost {money(rng)}."]), ""]
    return [f"Traders moved {rng.randint(2, 900)} HYPE, {rng.randint(2, 900)},{rng.randint(100, 999)} SUI and {rng.randint(2, 90)} million LIT tokens "
            f"as prices fell by {money(rng)} to {money(rng)}.", ""]


NINTH_KINDS = 14  # blocks of ninth_round's readings (kinds 24-37 of ``reading``)


def ninth_round(rng: random.Random, kind: int) -> list[str]:
    """Blocks that exercise the readings the check gained in its eighth round (each may or may not credit a figure):
    a note over the whole piece, a heading's credit over its section, a credit line above a list or table or opening
    a list, a table header's source (a header cell, a "Source" column), a quotation of several sentences credited
    after it closes, a source as a compound modifier, a source cited in parentheses with a date, unnamed data as the
    subject and first-person notes, a data provider's title before a weak verb, currencies other than the dollar and
    "pc" percentages, a hearsay hedge governing its own clause, a reported clause's leverage, figures cited below."""
    src, venue = rng.choice(SOURCES), rng.choice(VENUES)
    asset, ticker = rng.choice(ASSETS)
    bare = f"Shorts on {venue} lost {money(rng)} while longs gave up {money(rng)}."
    if kind == 0:  # a note over the whole piece covers its section both ways (a plain back-pointing note does not)
        note = rng.choice([f"All figures in this article come from {src}.", f"Unless otherwise noted, the numbers are {src}'s.",
                           f"Data throughout this report is from {src}.", f"All the data are from {src}."])
        return [note, "", bare, ""] if rng.random() < 0.5 else [bare, "", note, ""]
    if kind == 1:  # a heading's credit covers its section down to the next heading as high (a photo's credits nothing)
        head = rng.choice([f"### Longs by venue (Data: {src})", f"### Source: {src}", f"### Liquidations by hour | Source: {src}",
                           f"### Longs by venue (Photo: {src})", "### Longs by venue (past day)"])
        return [head, "", bare, "", f"{asset.capitalize()} longs gave up {money(rng)} as well.", ""]
    if kind == 2:  # a credit line right above a list or a table credits it
        items = [f"- {venue} longs: {money(rng)}", f"- {rng.choice(VENUES)} shorts: {money(rng)}"]
        label = rng.choice(["Source:", "Data:", "Photo:"])
        return [f"{label} {src}", "", *(items if rng.random() < 0.5 else table(rng)[:-2]), ""]
    if kind == 3:  # a list whose first item only credits credits the list
        return [f"- {rng.choice(['Source:', 'Data:'])} {src}", f"- {venue} longs: {money(rng)}", f"- {asset.capitalize()} shorts: {money(rng)}", ""]
    if kind == 4:  # a table header naming its source: a header cell covers its column, a Source column its row
        if rng.random() < 0.5:
            rows = ["| Venue | Longs | Source |", "|---|---|---|"]
            rows += [f"| {v} | {money(rng)} | {rng.choice([s, ''])} |" for v, s in zip(rng.sample(VENUES, 3), rng.sample(SOURCES, 3))]
        else:
            rows = [f"| Venue | Longs per {src} | Shorts |", "|---|---|---|"]
            rows += [f"| {v} | {money(rng)} | {money(rng)} |" for v in rng.sample(VENUES, 3)]
        return [*rows, ""]
    if kind == 5:  # a quotation of several sentences, credited after it closes; or going on after its credit
        who = rng.choice(["Dana Reyes", "Tomas Ivers", "Mira Holt"])
        if rng.random() < 0.5:
            return [f"“Longs lost {money(rng)} in an hour. Nobody had margin for it,” {who} {rng.choice(['said', 'added', 'told us'])}.", ""]
        return [f"“It was quick,” {who} said. “Shorts then gave up {money(rng)} before noon.”", ""]
    if kind == 6:  # a source as a compound modifier (not an adverb's)
        return [rng.choice([f"{src}-tracked liquidations came to {money(rng)} over the day.", f"Longs lost {money(rng)} in {src}-compiled totals.",
                            f"Exchange-reported losses came to {money(rng)}.", f"Widely-reported losses reached {money(rng)}.",
                            f"{asset.capitalize()}-based funds lost {money(rng)}."]), ""]
    if kind == 7:  # a source cited in parentheses with the date of what it published
        date = rng.choice(["2025", "March 3", "3 March 2026", "Feb. 11, 2026"])
        return [f"Long liquidations passed {money(rng)} over the day ({src}, {date}).", ""]
    if kind == 8:  # unnamed data as the subject, data cited by a preposition, a first-person note, data of a kind
        return [rng.choice([f"The data shows longs lost {money(rng)} in an hour.", f"Longs lost {money(rng)}, the figures show.",
                            f"Going by the figures, shorts lost {money(rng)}.", f"Our data shows {money(rng)} of longs closed.",
                            f"We counted {rng.randint(2, 90)},{rng.randint(100, 999)} liquidated accounts.",
                            f"On-chain data shows {money(rng)} left {venue}.", f"Current data indicates longs lost {money(rng)}.",
                            f"Per {src} data, shorts lost {money(rng)}."]), ""]
    if kind == 9:  # a data provider's title makes a name a source before a verb a market also takes (a venue's does not)
        return [rng.choice([f"The liquidation tracker {src} logged {money(rng)} of long closures.",
                            f"Data provider {src} recorded {money(rng)} in shorts.",
                            f"Exchange {venue} recorded {money(rng)} in forced closures."]), ""]
    if kind == 10:  # money in other currencies, percent as "pc"; one refers back to a dollar figure of the same number
        n = rng.randint(20, 900)
        cur = rng.choice(["€", "£", "¥", "₩", "HK$", "USDT ", "EUR "])
        if rng.random() < 0.4:  # (a figure that refers back to one of another currency is a figure of its own)
            return [f"According to {src}, longs lost ${n} million.", "", f"That {cur}{n} million was the day's largest.", ""]
        return [rng.choice([f"Shorts on {venue} lost {cur}{n} million as funding flipped.",
                            f"Open interest on {venue} slid {rng.randint(2, 30)}pc in a day.",
                            f"Longs on {venue} lost between {cur}{n} million and {cur}{n + 40} million."]), ""]
    if kind == 11:  # a hearsay hedge governs its own clause, not the sentence (unless set off as the sentence's adverb)
        return [f"According to {src}, liquidations reached {money(rng)} in a day. " + rng.choice([
            f"Funding stood at 0.0{rng.randint(1, 9)}%, a fund is said to be behind the move.",
            f"Reportedly, a whale lost {money(rng)} on {venue}.",
            f"Longs gave up {money(rng)}, and a fund reportedly sold {money(rng)} of {ticker}."]), ""]
    if kind == 12:  # a speaker's reported clause: the leverage is no position of theirs (no claim's figure either)
        lev = rng.choice([10, 20, 50])
        return [rng.choice([f"A trader claimed that {lev}x leverage is a bet on a quiet market.",
                            f"A trader opened a {lev}x long on {ticker}, and said so."]), ""]
    # kind 13: figures said to be cited below, then the figures
    return [f"The figures cited below are from {src}.", "", bare, ""]


def article(rng: random.Random, target_words: int = 720) -> str:
    parts = [f"# Liquidations hit {money(rng)} as leveraged {rng.choice(['longs', 'shorts'])} are flushed out", ""]
    lede = " ".join([rng.choice(FILLER), figure_sentence(rng), rng.choice(FILLER)])
    parts += [lede, ""]
    words = len(" ".join(parts).split())
    while words < target_words:
        parts += [f"## {rng.choice(HEADINGS)}", ""]
        kind = rng.random()
        if kind < 0.15:
            parts += table(rng)
        elif kind < 0.25:
            parts += [f"> {figure_sentence(rng)}", f"> {rng.choice(FILLER)}", ""]
        elif kind < 0.3:
            parts += [f"<!-- writer: disable-next-line {rng.choice(['F001', 'F002', 'F'])} -->", figure_sentence(rng), ""]
        if rng.random() < 0.5:
            for _ in range(rng.randint(3, 5)):
                label = rng.choice(["Total", "Sides", "Share", "Venues", "Assets", "Zones", "Claims"])
                item = f"- **{label}:** {figure_sentence(rng)} {rng.choice(FILLER)}"
                parts.append(item)
            parts.append("")
            if rng.random() < 0.4:
                parts += [f"- **Data caveat:** The above figures come from a single source, {rng.choice(SOURCES)}.", ""]
        if rng.random() < 0.5:
            parts += reading(rng)
        for _ in range(rng.randint(1, 3)):
            para = " ".join(rng.choice(FILLER) if rng.random() < 0.6 else figure_sentence(rng) for _ in range(rng.randint(3, 6)))
            parts += [para, ""]
        words = len(" ".join(parts).split())
    return "\n".join(parts).rstrip() + "\n"


def closing_section(rng: random.Random) -> list[str]:
    """A last section of the ninth round's readings (each may or may not credit a figure), from its own generator so
    the articles before it stay as they were: a counting verb's past after any name, a worked example about a made-up
    trader, a speaker's quotation going on past its credit and into the next paragraph, a price band, a source's data
    dated before its verb, what the piece is based on, a price told after a credit, "reportedly", a source's coverage,
    and a credit line that closes the article (its section's) or only its paragraph."""
    src, venue = rng.choice(SOURCES), rng.choice(VENUES)
    who = rng.choice(["Dana Reyes", "Tomas Ivers", "Mira Holt"])
    lines = [f"## {rng.choice(HEADINGS)}", ""]
    for _ in range(rng.randint(2, 3)):
        lines += [rng.choice([
            f"{rng.choice([src, 'Velo', 'Kaiko'])} {rng.choice(['counted', 'tallied'])} {rng.randint(2, 90)},{rng.randint(100, 999)} liquidated wallets over the day.",
            f"For example, if a trader opens a {money(rng)} long at {rng.choice([5, 10, 20])}x, a {rng.randint(2, 12)}% drop ends it.",
            f"{who} said: “Longs lost {money(rng)} in an hour. Shorts then gave up {money(rng)}.”",
            f"“It was fast,” {who} said. “Longs lost {money(rng)} on {venue}.”\n\n“Then shorts gave up {money(rng)} more.”",
            f"Bitcoin held the mid-${rng.randint(60, 110)},000 range while longs lost {money(rng)}.",
            f"{src} data on {rng.choice(['April 19', '3 March', 'Friday'])} shows longs lost {money(rng)}.",
            f"Longs on {venue} lost {money(rng)} over the day.",
            f"This piece is based on data from {src}.",
            f"Longs lost {money(rng)}, per {src}, as ether slid to ${rng.randint(2, 4)},{rng.randint(100, 999)}.",
            f"A fund on {venue} reportedly lost {money(rng)} overnight.",
            f"{src}, which tracks dozens of venues, saw shorts lose {money(rng)}."]), ""]
    return lines + [f"Source: {src}", ""] if rng.random() < 0.5 else lines


def make_corpus(folder: Path, n: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        p = folder / f"article-{i:04d}.md"
        text = article(rng)
        # every fact-free reading of writer's, a few rows of bench/exercises.py's table per article (their own generator)
        text = text + "\n" + "\n".join(exercises.exercise_sections(seed, i, HEADINGS)).rstrip() + "\n"
        own = random.Random(seed * 100_003 + i)  # (its own generator: the articles above stay as they were)
        if own.random() < 0.5:
            text = text + "\n" + "\n".join(closing_section(own)).rstrip() + "\n"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


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
    prose = {"heading", "paragraph", "tcell"}

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
            for ev in pyromark.events(p.read_text(encoding="utf-8"), options=pyromark.Options.ENABLE_TABLES):
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
    """No parser: every line is a block (the corpus writes one block per line, except a table row, which
    is one line here and one block per cell for the parsers)."""

    def run(paths):
        return sum(scan(line) for p in paths for line in p.read_text(encoding="utf-8").split("\n"))

    return run


# --- writer --------------------------------------------------------------------------------------


def writer_run() -> tuple[Callable[[], None], Callable[[list[Path]], list], Callable[[list[Path]], list]]:
    """(prepare, run, run_plain): prepare builds a fresh Checker and empties the per-process caches
    (untimed); run is ``check_files`` (blocks from markdown-it-pyrs's tree where that reader handles
    the shapes, else markdown-it-py: writer/check/document.py); run_plain reads every article with
    markdown-it-py's block parse (``read_article_plain``, the reference reader; same findings)."""
    from writer.check import Checker, checker as checker_mod, document

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

    def run_plain(paths):
        default = checker_mod.read_article
        checker_mod.read_article = document.read_article_plain
        try:
            return state["checker"].check_files(paths)
        finally:
            checker_mod.read_article = default

    return prepare, run, run_plain


def fact_free(paths: list[Path]) -> dict[tuple, str]:
    """writer's fact-free findings (every rule that runs without a fact file), by (path, line, column, code)."""
    from writer.check import Checker

    items = [(p.read_text(encoding="utf-8"), str(p), None) for p in paths]
    return {(str(p), f.line, f.column, f.code): f.message
            for p, found in zip(paths, Checker().check_texts(items)) for f in found}


# --- textlint ------------------------------------------------------------------------------------


def install_textlint() -> str | None:
    """textlint (pinned in bench/textlint/package.json) in bench/.textlint, from npm's local cache
    only (no network while benchmarking); returns a reason when it cannot be had."""
    if shutil.which("npm") is None or shutil.which("node") is None:
        return "node/npm not installed"
    TEXTLINT_DIR.mkdir(parents=True, exist_ok=True)
    shutil.copy(TEXTLINT_SRC / "package.json", TEXTLINT_DIR / "package.json")
    if not (TEXTLINT_DIR / "node_modules" / ".bin" / "textlint").exists():
        r = subprocess.run(["npm", "install", "--offline", "--no-audit", "--no-fund", "--loglevel=error"], cwd=TEXTLINT_DIR,
                           capture_output=True, text=True)
        if r.returncode != 0:
            return (f"`npm install --offline` in {TEXTLINT_DIR} failed (textlint is not in npm's cache; run `npm install` "
                    f"there once with the registry reachable): {r.stderr.strip()[:300]}")
    return None


def export_grammar(name: str, sample: list[str], *, ascii_words: bool = False) -> Path:
    """writer's expressions and constants as JSON for the rule, checked in Node against Python on ``sample``."""
    sys.path.insert(0, str(TEXTLINT_SRC))
    import grammar  # bench/textlint/grammar.py

    path = TEXTLINT_DIR / name
    path.write_text(json.dumps(grammar.export(ascii_words=ascii_words), ensure_ascii=False), encoding="utf-8")
    if not ascii_words:
        problems = grammar.self_check(path, sample)
        if problems:
            raise SystemExit("exported expressions match differently in Node:\n" + "\n".join(problems[:20]))
    return path


class TextlintServer:
    def __init__(self, grammar_path: Path, rule: Path = RULE):
        env = {**os.environ, "WRITER_GRAMMAR": str(grammar_path), "NODE_PATH": str(TEXTLINT_DIR / "node_modules")}
        self.proc = subprocess.Popen(["node", str(TEXTLINT_SRC / "server.js"), str(rule)], cwd=TEXTLINT_DIR, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def lint(self, listing: Path, detail: bool = False, skip: list[str] = ()) -> dict:
        """Lint the files listed; ``skip``: readings the port leaves out for this request (never when timed)."""
        self.proc.stdin.write(json.dumps({"files": str(listing), "detail": detail, "skip": list(skip)}) + "\n")
        self.proc.stdin.flush()
        answer = json.loads(self.proc.stdout.readline())
        if "error" in answer:
            raise RuntimeError(f"textlint failed: {answer['error'][:500]}")
        return answer

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


# --- agreement -----------------------------------------------------------------------------------


def agreement(ours: dict[tuple, str], found: list) -> dict:
    """Per finding code: writer's, textlint's and the shared findings (same file, line, column, code)."""
    theirs = {(str(Path(p)), line, col, code): msg for p, line, col, code, msg in found}
    codes = sorted({k[3] for k in ours} | {k[3] for k in theirs})
    per_code = {}
    for code in codes:
        a = {k for k in ours if k[3] == code}
        b = {k for k in theirs if k[3] == code}
        per_code[code] = {"writer": len(a), "textlint": len(b), "both": len(a & b)}
    only_w = sorted(set(ours) - set(theirs))
    only_t = sorted(set(theirs) - set(ours))
    union = set(ours) | set(theirs)
    return {"per_code": per_code, "share": len(set(ours) & set(theirs)) / len(union) if union else 1.0,
            "writer_only": [(k, ours[k]) for k in only_w], "textlint_only": [(k, theirs[k]) for k in only_t]}


def corpus_paths(folder: Path) -> list[Path]:
    return sorted(p.resolve() for p in folder.rglob("*.md") if p.name != "README.md") if folder.is_dir() else []


READINGS_ARTICLES = 150  # articles the check that each reading is exercised runs on (skipping one must change findings)


def write_diffs(path: Path, agreements: dict[str, dict]) -> None:
    """Every disagreement of each corpus, with the line of the article it is on (read before the corpus is deleted)."""
    out = []
    for corpus, ag in agreements.items():
        for who, diffs in (("writer only", ag["writer_only"]), ("textlint only", ag["textlint_only"])):
            for (file, line, col, code), msg in diffs:
                lines = Path(file).read_text(encoding="utf-8").split("\n")
                text = lines[line - 1] if 0 < line <= len(lines) else ""
                out.append(f"{corpus}\t{who}\t{Path(file).name}:{line}:{col}\t{code}\t{msg[:100]}\n    {text}")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


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


def node_version() -> str:
    try:
        return subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


WRITER = "writer check (F001, F002, S001, S002)"
WRITER_PLAIN = "writer check, every article read by markdown-it-py's block parse (the reference reader)"
TEXTLINT = "textlint + writer-fact-free.js (Node API)"
TEXTLINT_NOOP = "textlint + a rule that does nothing (its read, parse and walk only)"
TEXTLINT_ASCII = "textlint + writer-fact-free.js, JavaScript's ASCII \\w \\b \\d \\s (not equal work)"
FLOORS = {
    "floor: markdown-it-py, full parse + scan": lambda scan: floor_markdown_it(scan, lean=False),
    "floor: markdown-it-py, block parse + scan": lambda scan: floor_markdown_it(scan, lean=True),
    "floor: markdown-it-pyrs (Rust) + scan": floor_markdown_it_pyrs,
    "floor: pyromark (Rust) + scan": floor_pyromark,
    "floor: split into lines (no parser) + scan": floor_split,
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--seed", type=int, default=20261118)
    ap.add_argument("--rounds", type=int, default=7, help="timed rounds, every contender once per round (0: agreement only)")
    ap.add_argument("--cli-rounds", type=int, default=3, help="cold command-line rounds (0: skip)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results",
                    help="folder for textlint.md (agreement, speed) and floor.md (floors); '-' prints only")
    ap.add_argument("--extra", type=Path, nargs="*",
                    default=[SHARED / "corpus", SHARED / "seeds", ROOT / "tests" / "golden", ROOT / "tests" / "fixtures" / "check",
                             TEXTLINT_SRC / "shapes", ROOT / "docs"],
                    help="folders of real or hand-written articles: agreement only (a missing folder is skipped)")
    ap.add_argument("--no-readings", action="store_true",
                    help="skip the check that the corpus exercises each of the port's readings (one lint per reading: minutes on a loaded machine)")
    ap.add_argument("--diffs", type=Path, default=None,
                    help="write every disagreement (each corpus) with its source line to this file, to read them by reading")
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
        extras = {folder: corpus_paths(folder) for folder in args.extra}
        extras = {k: v for k, v in extras.items() if v}

        sys.path.insert(0, str(TEXTLINT_SRC))
        import grammar  # noqa: E402

        sample = grammar.sample_texts(list(extras), grammar.OWN_SAMPLES, files=paths[:20])
        exact = export_grammar("grammar.json", sample)
        ascii_ = export_grammar("grammar-ascii.json", sample, ascii_words=True)

        scan = Scan()
        prepare, writer, writer_plain = writer_run()
        local: dict[str, Callable[[list[Path]], object]] = {WRITER: writer, WRITER_PLAIN: writer_plain,
                                                          **{k: make(scan) for k, make in FLOORS.items()}}
        servers = {TEXTLINT: TextlintServer(exact), TEXTLINT_ASCII: TextlintServer(ascii_), TEXTLINT_NOOP: TextlintServer(exact, NOOP)}
        try:
            # Warm-up: every contender once, untimed; findings compared (writer's against each other too).
            counts: dict[str, object] = {}
            prepare()
            findings = writer(paths)
            counts[WRITER] = sum(len(f) for f in findings)
            prepare()
            plain_findings = writer_plain(paths)
            counts[WRITER_PLAIN] = sum(len(f) for f in plain_findings)
            same_plain = [[(f.line, f.column, f.code) for f in x] for x in findings] == [[(f.line, f.column, f.code) for f in x] for x in plain_findings]
            for name in FLOORS:
                counts[name] = local[name](paths)
            ours = {(str(p), f.line, f.column, f.code): f.message for p, found in zip(paths, findings) for f in found}
            agree: dict[str, dict] = {}
            for name, server in servers.items():
                warm = server.lint(listing, detail=True)
                counts[name] = warm["messages"]
                if name != TEXTLINT_NOOP:
                    agree[name] = agreement(ours, warm["found"])
            # Does the generated corpus exercise each of the port's readings? Skipping one must change findings:
            # else the agreement above could not tell when writer's version of that reading drifts from the port's.
            # (on the first READINGS_ARTICLES articles: one lint per reading of the whole corpus was a third of the run)
            few = paths[:READINGS_ARTICLES]
            few_listing = Path(tmp) / "few.txt"
            few_listing.write_text("\n".join(map(str, few)), encoding="utf-8")
            names = set(map(str, few))
            few_ours = {k: v for k, v in ours.items() if k[0] in names}
            readings = [] if args.no_readings else servers[TEXTLINT].lint(few_listing, detail=True)["readings"]
            exercised = {}
            for reading in readings:
                ag = agreement(few_ours, servers[TEXTLINT].lint(few_listing, detail=True, skip=[reading])["found"])
                exercised[reading] = len(ag["writer_only"]) + len(ag["textlint_only"])
            extra_agree = {}
            for folder, fpaths in extras.items():
                lst = Path(tmp) / f"extra-{len(extra_agree)}.txt"
                lst.write_text("\n".join(map(str, fpaths)), encoding="utf-8")
                extra_agree[folder] = (len(fpaths), agreement(fact_free(fpaths), servers[TEXTLINT].lint(lst, detail=True)["found"]))
            if args.diffs is not None:
                write_diffs(args.diffs, {"generated": agree[TEXTLINT], **{str(k): v for k, (_, v) in extra_agree.items()}})

            names = [WRITER, TEXTLINT, WRITER_PLAIN, *FLOORS, TEXTLINT_ASCII, TEXTLINT_NOOP]
            cpu: dict[str, list[float]] = {k: [] for k in names}
            wall: dict[str, list[float]] = {k: [] for k in names}
            loads: list[float] = []
            for r in range(args.rounds):
                loads.append(os.getloadavg()[0])
                order = names[r % len(names):] + names[:r % len(names)]
                for name in order:
                    if name in servers:
                        answer = servers[name].lint(listing)  # the rule's caches are emptied first, untimed
                        cpu[name].append(answer["cpu"])
                        wall[name].append(answer["wall"])
                        continue
                    if name in (WRITER, WRITER_PLAIN):
                        prepare()
                    t0, w0 = time.process_time(), time.perf_counter()
                    local[name](paths)
                    cpu[name].append(time.process_time() - t0)
                    wall[name].append(time.perf_counter() - w0)
        finally:
            for server in servers.values():
                server.close()

        cli: dict[str, list[float]] = {"writer check -j 1 (command line)": [], "textlint (command line)": []}
        cli_counts: dict[str, object] = {}
        env = {**os.environ, "WRITER_GRAMMAR": str(exact)}
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
                    c, _, res = cpu_of_child([str(bin_), "--rulesdir", str(RULE.parent), "--format", "json", *map(str, paths)],
                                             cwd=TEXTLINT_DIR, env=env)
                    try:
                        cli_counts[name] = sum(len(x["messages"]) for x in json.loads(res.stdout))
                    except ValueError:
                        cli_counts[name] = f"error: {res.stderr[-200:]}"
                cli[name].append(c)
    load_after = load()

    ctx = {"args": args, "n": n, "words": words, "load_before": load_before, "load_after": load_after, "loads": loads,
           "names": names, "cpu": cpu, "wall": wall, "counts": counts, "agree": agree, "extra_agree": extra_agree,
           "exercised": exercised,
           "same_plain": same_plain, "cli": cli, "cli_counts": cli_counts}
    textlint_md, floor_md = report_textlint(ctx), report_floor(ctx) if args.rounds else ""
    print(textlint_md)
    print(floor_md)
    if str(args.out) != "-":
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "textlint.md").write_text(textlint_md, encoding="utf-8")
        if args.rounds:
            (args.out / "floor.md").write_text(floor_md, encoding="utf-8")
    return 0


# --- the reports ---------------------------------------------------------------------------------


def _ratios(table: dict, a: str, b: str) -> list[float]:
    return sorted(x / y for x, y in zip(table[a], table[b]))


def _header(ctx: dict, title: str) -> list[str]:
    a = ctx["args"]
    return [
        f"# {title}",
        "",
        f"Written by `python bench/bench_check.py` (this run: `--articles {a.articles} --rounds {a.rounds} --cli-rounds {a.cli_rounds}`): "
        f"{ctx['n']} generated articles, {ctx['words'] / ctx['n']:.0f} words on average ({ctx['words']:,} words), seed {a.seed}; "
        f"2-core machine ({platform.machine()}, Python {platform.python_version()}, Node {node_version()}), shared with other "
        f"sessions: load average (1, 5, 15 min) {ctx['load_before']} before, {ctx['load_after']} after, 1-min load at the start "
        f"of each round {', '.join(f'{x:.1f}' for x in ctx['loads'])}. CPU time (user + system of the process doing the work) "
        "is the measure; wall time is shown beside it.",
        "",
        "How it is timed: every contender runs once untimed (imports done, code warm, textlint's linter built; the warm-up's "
        "findings are the ones compared), then each of the rounds runs every contender once, in an order that rotates every "
        "round. Before each timed run, writer gets a fresh Checker with its per-process caches emptied and textlint's rule "
        "empties the same caches of its own (untimed, both). Ratios are taken within a round; the median over rounds is reported.",
        "",
    ]


def _speed_table(ctx: dict, names: list[str]) -> list[str]:
    n, cpu, wall = ctx["n"], ctx["cpu"], ctx["wall"]
    lines = ["| contender | CPU s (median) | min-max | wall s (median) | files/s by CPU | findings or blocks hit |", "|---|---|---|---|---|---|"]
    for name in names:
        med = statistics.median(cpu[name])
        lines.append(f"| {name} | {med:.3f} | {min(cpu[name]):.3f}-{max(cpu[name]):.3f} | {statistics.median(wall[name]):.3f} | "
                     f"{n / med:.0f} | {ctx['counts'][name]} |")
    return lines


def _agreement_lines(label: str, ag: dict, examples: int = 3) -> list[str]:
    lines = [f"{label}: **{ag['share']:.1%}** of the union of findings (same file, line, column, code).", "",
             "| code | writer | textlint | both |", "|---|---|---|---|"]
    lines += [f"| {code} | {c['writer']} | {c['textlint']} | {c['both']} |" for code, c in ag["per_code"].items()]
    for who, diffs in (("writer only", ag["writer_only"]), ("textlint only", ag["textlint_only"])):
        if diffs:
            lines.append("")
            lines.append(f"{who}, {len(diffs)} (first {min(examples, len(diffs))}):")
            lines += [f"- `{Path(k[0]).name}:{k[1]}:{k[2]}` {k[3]}: {msg[:120]}" for k, msg in diffs[:examples]]
    return lines + [""]


def report_textlint(ctx: dict) -> str:
    cpu, names = ctx["cpu"], ctx["names"]
    lines = _header(ctx, "writer check against textlint doing the same work")
    lines += ["## Agreement of findings", "",
              "textlint's rule (`bench/textlint/rules/writer-fact-free.js` and `bench/textlint/lib/`) ports the fact-free check "
              "step for step and reads writer's own expressions and constants, exported at bench time "
              "(`bench/textlint/grammar.py`) and checked in Node against Python on the corpora's sentences before use. "
              "writer runs every rule it runs without a fact file (F001, F002, S001, S002).", ""]
    lines += [f"The generated articles hold every row of `bench/exercises.py` ({len(exercises.ROWS)} rows, {exercises.PER_ARTICLE} per article, "
              "each under a heading of its own): a block of our own wording for each reading of writer's fact-free check "
              "(`bench/results/textlint_readings.md`), so that the agreement measures every one of them.", ""]
    lines += _agreement_lines(f"Generated corpus ({ctx['n']} articles)", ctx["agree"][TEXTLINT])
    idle = [r for r, n in ctx["exercised"].items() if not n]
    if not ctx["exercised"]:
        lines += ["Whether the corpus exercises each of the port's readings was not checked in this run (`--no-readings`).", ""]
    lines += [] if not ctx["exercised"] else [f"Does the generated corpus exercise the port's later readings? The port is run once more without each (untimed, on the "
              f"first {min(ctx['n'], READINGS_ARTICLES)} articles); "
              "the findings that then differ from writer's are what the agreement above would show if writer's version of that "
              "reading drifted from the port's (or was dropped). "
              + (f"**Not exercised: {', '.join(idle)}** (a drift there would go unseen)." if idle else "Every one is exercised."), "",
              "| reading skipped by the port | findings that differ from writer's |", "|---|---|",
              *(f"| {r} | {n} |" for r, n in ctx["exercised"].items()), ""]
    for folder, (count, ag) in ctx["extra_agree"].items():
        where = folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder
        lines += _agreement_lines(f"`{where}` ({count} articles, fact-free)", ag)
    lines += ["Disagreement classes that no corpus here exercises, known from the port's design (each would show above as a "
              "listed difference):", "",
              "- source names: writer checks without a source registry here, so no sentence names a registered source; with "
              "`[tool.writer.check] sources` or `source-aliases` set, writer would also accept a named source the port does not "
              "know (F001 would then differ: writer fewer);",
              "- fact mode (`facts:` in front matter, P rules): not ported, and the agreement checks the fact-free rules only;",
              "- credit names: a credit line's or caption's source, without a registry, is named by capitalised words only "
              "(captions.py `_a_name`), as the port reads it; with a registry writer would also accept registered names there;",
              "- Markdown shapes on which markdown-it (writer) and micromark (textlint) build different blocks: none found in "
              "`bench/textlint/shapes` (setext and list headings, nested lists and quotes, lazy lines, tabs, CRLF, front matter, "
              "inline markup, footnotes, tables with escaped pipes, Unicode), the goldens, fixtures or `docs/`;",
              "- text offsets count UTF-16 units in JavaScript and code points in Python: columns are converted when reported, "
              "but writer's 12-character look-back for an abbreviation before a period and the 30- and 40-character look-backs "
              "for qualifiers and ranges would reach one character less per astral character (an emoji) inside them;",
              "- an all-capitals sentence: writer's `differ` frame backtracks exponentially on it in Python and in Node alike "
              "(a 140-character sentence took 24 s in Python), so both are slow there rather than different.", ""]
    asc = ctx["agree"][TEXTLINT_ASCII]
    lines += [f"With JavaScript's ASCII `\\w`, `\\b`, `\\d`, `\\s` instead of Python's Unicode classes (a variant timed below, "
              f"not equal work): {asc['share']:.1%} on the generated corpus.", ""]
    if not ctx["args"].rounds:  # agreement only
        return "\n".join([*lines, "No timed rounds (`--rounds 0`): agreement only."]) + "\n"
    lines += ["## Speed, warm, in process", ""]
    lines += _speed_table(ctx, [WRITER, TEXTLINT, TEXTLINT_ASCII, TEXTLINT_NOOP])
    tl = _ratios(cpu, TEXTLINT, WRITER)
    tn = _ratios(cpu, TEXTLINT_NOOP, WRITER)
    share = sorted(x / y for x, y in zip(cpu[TEXTLINT_NOOP], cpu[TEXTLINT]))
    tw = _ratios(ctx["wall"], TEXTLINT, WRITER)
    ta = _ratios(cpu, TEXTLINT_ASCII, WRITER)
    lines += ["",
              f"- **writer's throughput / textlint's, same work, by CPU: {statistics.median(tl):.2f}x** (median of {len(tl)} rounds, "
              f"range {tl[0]:.2f}-{tl[-1]:.2f}; target at least 3x: {'met' if statistics.median(tl) >= 3 else 'not met'}). By wall time: "
              f"{statistics.median(tw):.2f}x.",
              f"- Against the ASCII-class variant of the rule: {statistics.median(ta):.2f}x by CPU (range {ta[0]:.2f}-{ta[-1]:.2f}).",
              f"- textlint with a rule that does nothing costs {statistics.median(share):.0%} of textlint with the port (median per round): "
              f"its Markdown parse and tree walk. Against that alone writer's throughput is {statistics.median(tn):.2f}x "
              f"(range {tn[0]:.2f}-{tn[-1]:.2f}): the most any port of the check could leave writer ahead by.",
              ]
    if ctx["args"].cli_rounds:
        cli = ctx["cli"]
        a, b = list(cli)
        cr = sorted(y / x for x, y in zip(cli[a], cli[b]))
        lines += ["", f"## Cold command lines ({ctx['args'].cli_rounds} interleaved rounds, CPU of the child process, start-up included)", "",
                  "| command | CPU s (median) | findings |", "|---|---|---|",
                  *(f"| {k} | {statistics.median(v):.2f} | {ctx['cli_counts'].get(k)} |" for k, v in cli.items()), "",
                  f"- textlint CLI CPU / writer CLI CPU: median {statistics.median(cr):.2f}x (range {cr[0]:.2f}-{cr[-1]:.2f})."]
    return "\n".join(lines) + "\n"


def report_floor(ctx: dict) -> str:
    cpu = ctx["cpu"]
    floors = list(FLOORS)
    lines = _header(ctx, "writer check against real floors")
    lines += ["A floor does less than the check on purpose: one Markdown parse (or none) and one scan per prose block with writer's "
              "own figure expression and caveat phrases (is there a figure and no caveat word?), no sentences, scope or rules. "
              "The same run as `bench/results/textlint.md`.", ""]
    lines += _speed_table(ctx, [WRITER, WRITER_PLAIN, *floors, TEXTLINT])
    lines += ["", f"writer's findings with every article read by markdown-it-py are {'identical to' if ctx['same_plain'] else '**not** identical to'} "
              "its default read's (markdown-it-pyrs's tree where its reader handles the shapes).", "", "How far writer is from each floor (writer's CPU / the floor's, median of per-round ratios):", ""]
    for name in [WRITER_PLAIN, *floors]:
        rr = _ratios(cpu, WRITER, name)
        lines.append(f"- writer / {name.removeprefix('floor: ')}: **{statistics.median(rr):.2f}x** (range {rr[0]:.2f}-{rr[-1]:.2f}).")
    tf = _ratios(cpu, TEXTLINT, "floor: pyromark (Rust) + scan")
    lines.append(f"- textlint (same work as writer) / the pyromark floor: {statistics.median(tf):.2f}x.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
