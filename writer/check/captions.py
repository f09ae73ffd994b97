"""Credit lines and chart captions: which prose a line of its own that credits a source covers.

Real desks print a chart with a caption beside the prose that discusses it. The chart is gone
from the text a check reads, so which prose the caption's credit reaches is settled by
bench/ANNOTATION.md, point 5 (tests/test_check_reading_captions.py):

- a credit alone on its line ("Source: CoinGlass", "(Data: Coinalyze)") covers the paragraph (or
  the list) right above it and the one right below it in its section, whatever their figures;
- a caption (a title and its credit, "Longs by venue | Source: CoinGlass", a bilingual title
  over "… / CoinGlass", a title line over a bare credit, "BTC liquidations from CoinGlass data",
  "Image: BTC liquidations via CoinGlass") covers them too, but only figures of its title's kind
  (writer/check/analysis.py ``Analysis.caption_for``: a chart of liquidations prices nothing, a
  price chart counts no liquidations); a title and a bare name ("<title> / CoinGlass") only the
  paragraph below, as bilingual desks print it over the prose that gives its figures; the prose
  below that says it reads the chart ("From the graph, …"), or that the prose above introduced
  with a colon and that gives no provenance of its own;
- prose that closes on its credit ("… $12 million. Source: X") is no line of its own: it covers
  its own paragraph only (``Analysis._closing_credit``), nothing below;
- a photo's credit ("Image source: X", "Photo: X") credits no prose.

A credit reaches one paragraph (or the one list it touches) on each side at most, never the
section: a figure two paragraphs away is not the chart's. The words are data (``captions``
and ``frames: labels`` in phrases.yaml); this module reads their form and places them
(``place_credits``), and the analysis (writer/check/analysis.py) counts a credit covering a
figure's block as a note covering it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from writer.check.lazyre import Deferred
from writer.check.phrasefile import phrase_section

# A caption is a line, not a paragraph of prose: past this many characters a block is prose.
CAPTION_CHARS = 240
# The credited name after the label: a source's name and a few words ("CryptoQuant on X"), no sentence.
NAME_CHARS = 60
# A credit may give the source's page instead ("Source: https://..."): an address up to this long.
URL_CHARS = 200
# ...and, with no label before it ("<title> / CoinGlass"), at most this many words.
NAME_WORDS = 4
# What ends a credit's label: "Source: X", "Source| X", "Source- X" (a dash before a space).
_LABEL_END = r"(?:[:|]|[-–—](?=\s))"
_LABEL_END_CHARS = ":|-–—"  # (a line holding none of them has no label end: a cheap test first)
# An embedded post's signature line: a dash, the author's name (may be absent), the account in parentheses or
# alone, then at most the post's date ("— Dana Reyes (@dreyes) March 3, 2026", "— @tapewatcher").
# (The dash may be written as its HTML entity, as a page's embed code has it: "&mdash; Dana Reyes (@dreyes)".)
_SIGNATURE = Deferred(globals(), r"^[\W_]{0,3}(?:[—–-]{1,2}|&[mn]dash;|&#821[12];)\s*(?P<name>[^()\n]{0,60}?)\s*\(?\s*(?P<handle>@\w{1,30})\s*\)?"
                        r"(?:\s+on\s+(?:X|Twitter|Telegram|Threads|Bluesky)\b)?(?:\s+(?:on\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|\d{4}-\d{2}-\d{2}))?"
                        r"[\s.)\]]*$")  # (compiled on first use: writer/check/lazyre.py)
# A figure's sign: a line holding one is prose or a caption's own figures, not a bare chart title.
_FIGURE_SIGN = Deferred(globals(), r"[$€£%]|\d\s*(?:million|billion|[mbk]\b)", re.IGNORECASE)
# Prose ends its last sentence with one of these; a chart's title line does not.
_PROSE_END = Deferred(globals(), r"[.!?…:;][\"'”’)\]]*\s*$")


@dataclass(frozen=True)
class CaptionWords:
    bare: re.Pattern  # "Source: X", "(Data: X)", "Image source: X"
    titled: re.Pattern  # "<title> | Source: X", "<title> / Source: X", "<title>| Source| X"
    named: re.Pattern  # "<title> / X" (X a source's name: ``_a_name``)
    pointer: re.Pattern  # "From the graph, ...", "As the chart shows, ..."
    intro: re.Pattern  # "Below is a table that shows ...": prose that introduces the chart below it
    picture: re.Pattern  # "Image source: X", "Photo: X": a photo's credit, which credits no prose
    titled_picture: re.Pattern  # "<title>. Image: X": a photo's credit label after a title
    mapped: re.Pattern  # a map of potential liquidations ("liquidation map", "heat map")
    charted: re.Pattern  # a picture's or a line's title that names data ("BTC liquidations", "heat map"): a chart's, not a photo's
    sourced: re.Pattern  # "<title> from X data", "<title>, via X": a chart's title and its source with no label
    separated: re.Pattern  # a space and a separator: what ``named`` needs somewhere in a line (a cheap test first)
    credited: re.Pattern  # a separator, a label and its colon: what ``titled`` needs somewhere in a line (the same)


@lru_cache(maxsize=1)
def caption_words() -> CaptionWords:
    section = phrase_section("captions")
    labels = sorted(set(phrase_section("frames")["labels"]), key=len, reverse=True)
    label = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in labels)
    sep = "|".join(section["separators"])
    # before a label, a comma separates too ("Funding rates by venue, Source: X"): a label names what follows it
    labelled_sep = "|".join([*section["separators"], ","])
    name = rf"(?P<name>https?://\S{{1,{URL_CHARS}}}?|[^:|.;]{{1,{NAME_CHARS}}}?)"  # a name, or the address of its page
    # A title: the shortest start of the line that holds a word character and lets the rest match. Written as "up to
    # the first word character, then as few more as will do" ("[^\w\n]*\w.*?"): the same titles, in the same order,
    # as ".*?\w.*?", which tried every pair of lengths (a 200-character line of prose with a colon took 20-30 ms,
    # a fifth of a drafted event's check). tests/test_check_fast_paths.py holds the two alike.
    title = r"(?P<title>[^\w\n]*\w.*?)"
    flags = re.IGNORECASE

    def lazy(pattern: str) -> re.Pattern:  # compiled on first use (writer/check/lazyre.py): most texts hold no caption
        return Deferred({}, pattern, flags)

    return CaptionWords(
        bare=lazy(rf"^\W*(?P<label>{label})\s*{_LABEL_END}\s*{name}[\s.)\]]*$"),
        titled=lazy(rf"^{title}\s*(?:{labelled_sep})\s*(?:{label})\s*{_LABEL_END}\s*{name}[\s.)\]]*$"),
        named=lazy(rf"^{title}\s+(?:{sep})\s*{name}[\s.)\]]*$"),
        picture=lazy(rf"^\W*(?:{'|'.join(section['pictures'])})\s*{_LABEL_END}"),
        titled_picture=lazy(rf"(?:{labelled_sep})\s*(?:{'|'.join(section['pictures'])})\s*{_LABEL_END}"),
        mapped=lazy(rf"(?<![\w-])(?:{'|'.join(section['mapped'])})(?![\w-])"),
        charted=lazy(rf"(?<![\w-])(?:{'|'.join(section['charted'])})(?![\w-])"),
        sourced=lazy(rf"^{title},?\s+(?:from|via|courtesy\s+of|according\s+to|per)\s+(?P<name>[^:|.;,]{{1,{NAME_CHARS}}}?)"
                     rf"(?:['’]s)?(?:\s+(?:data|figures|charts?|dashboards?|heat\s?maps?))?[\s.)\]*_]*$"),
        intro=lazy(rf"(?<![\w-])(?:{'|'.join(section['intros'])})(?![\w-])"),
        pointer=lazy(rf"(?<![\w-])(?:{'|'.join(section['pointers'])})(?![\w-])"),
        separated=lazy(rf"\s(?:{sep})"),
        credited=lazy(rf"(?:{labelled_sep})\s*(?:{label})\s*{_LABEL_END}"),
    )


def post_signature(text: str) -> str | None:
    """The author of an embedded social post when ``text`` (a block) ends with the post's signature line ("— Dana
    Reyes (@dreyes) March 3, 2026", "— @tapewatcher"), else None. An embed prints its author under the post, so
    the credit comes after the figures it covers."""
    last = text.rstrip().rsplit("\n", 1)[-1].strip()
    if len(last) > CAPTION_CHARS or "@" not in last:
        return None
    m = _SIGNATURE.match(last)
    return None if m is None else " ".join(x for x in (m.group("name").strip(), m.group("handle")) if x)


@lru_cache(maxsize=1)
def _post_pictures() -> re.Pattern:
    return re.compile("|".join(phrase_section("captions")["post_pictures"]))


def carries_picture(text: str) -> bool:
    """Does a block of an embedded post carry a picture (``captions: post_pictures``: "pic.twitter.com/...", a
    Markdown image)? Then the post signs a chart, and covers the prose right under it as a caption does."""
    return ("pic." in text or "![" in text) and _post_pictures().search(text) is not None


def credit_form(text: str, source_rx) -> tuple[str, str] | None:
    """("bare", "titled", "picture" or "post", the credited name) when ``text`` (a block) is a credit line, a caption or
    ends with an embedded post's signature, else None. A caption of several lines (a title over its translation) is
    read by its last line."""
    author = post_signature(text) if "@" in text else None
    if author is not None:
        return "post", author
    if len(text) > CAPTION_CHARS or not text.strip():
        return None
    last = text.rstrip().rsplit("\n", 1)[-1].strip()
    several = "\n" in text.strip()
    words = caption_words()
    # (What each form needs somewhere in the line is looked for first: most short paragraphs are prose, and
    # the titled and named forms try every way to end the title, a tenth of a fact-free check when run on
    # every one. The same answers: tests/test_check_fast_paths.py.)
    labelled = any(c in last for c in _LABEL_END_CHARS)  # the bare and titled forms' label end
    m = words.bare.match(last) if labelled else None
    if m:
        if words.picture.match(last):
            # "Image: BTC liquidations via CoinGlass": a chart's picture and its source, which credits as a caption does
            shown = sourced_chart(m.group("name").strip(), source_rx)
            return ("titled", shown) if shown is not None else ("picture", m.group("name").strip())
        name = m.group("name").strip()
        if " ".join(m.group("label").lower().split()) in _title_labels() and _title_like(name, source_rx):
            return None  # "Chart: Bitcoin liquidations by hour": a chart's title, no one credited
        return ("titled" if several else "bare"), name
    m = words.titled.match(last) if labelled and words.credited.search(last) else None
    if m and not _PROSE_END.search(m.group("title")):
        return "titled", m.group("name").strip()
    shown = None if several else sourced_chart(last, source_rx)
    if shown is not None:  # "Crypto short liquidations from IntoTheBlock data"
        return "titled", shown
    m = words.named.match(last) if words.separated.search(last) else None
    if m and not _PROSE_END.search(m.group("title")):
        name = m.group("name").strip()
        if _a_name(name, source_rx):
            return "titled", name
    shown = None if several else parenthesised_chart(last, source_rx)
    if shown is not None:  # "Bitcoin long liquidations jump as prices slide. (Glassnode)"
        return "titled", shown
    return None


def credits_above(text: str, source_rx, above) -> bool:
    """Does a caption (``text``, a title and its credit) credit the paragraph right above it (``above``: its sentences)?
    Yes for a chart's caption with a label ("BTC liquidations. Source: CoinGlass", "Longs by venue | Data: Velo") or a
    title that names data and its source ("BTC liquidations from CoinGlass data", "Image: BTC liquidations via
    CoinGlass"); not for a photo's credit after its title ("BTC/USD price chart. Image: X"), nor a title and a bare name
    ("4-hour data by venue / CoinGlass": what the prose below gives, as bilingual desks print it), nor a map of
    potential liquidations (``captions: mapped``) over realised figures: that map is not their chart."""
    last = text.rstrip().rsplit("\n", 1)[-1].strip()
    words = caption_words()
    if words.mapped.search(last) and not any(s.classes & _POTENTIAL for s in above):
        return False
    if words.credited.search(last):  # "<title> | Source: X"
        return not words.titled_picture.search(last)
    bare = words.bare.match(last) if any(c in last for c in _LABEL_END_CHARS) else None
    if bare is not None:  # a title line over a bare credit, or "Image: <a chart> via X"
        return not words.picture.match(last) or sourced_chart(bare.group("name").strip(), source_rx) is not None
    return sourced_chart(last, source_rx) is not None or parenthesised_chart(last, source_rx) is not None


def credits_below(text: str, source_rx, below) -> bool:
    """Does a caption (``text``) credit the paragraph right below it (``below``: its sentences)? As it credits the one
    above (``credits_above``), and also when it is a title and a bare name ("4-hour data by venue / CoinGlass"), which
    bilingual desks print over the prose that gives the chart's figures."""
    if credits_above(text, source_rx, below):
        return True
    last = text.rstrip().rsplit("\n", 1)[-1].strip()
    words = caption_words()
    m = words.named.match(last) if words.separated.search(last) else None
    if m is None or _PROSE_END.search(m.group("title")):
        return False
    name = m.group("name").strip()
    # (not a dateline: "[NEWS RELEASE – Porto, 4 May 2026]" names a place and a day, no source)
    return _a_name(name, source_rx) and not any(t.strip(",.]").isdigit() for t in name.split())


# The classes of prose that speaks of potential liquidations, which a liquidation map's caption may credit.
_POTENTIAL = frozenset({"estimate", "conditional"})


# A chart's title is a few words: past this many it is a sentence.
TITLE_WORDS = 12


def sourced_chart(line: str, source_rx) -> str | None:
    """The source a chart's title line names with no label ("Crypto short liquidations from IntoTheBlock data",
    "*Daily liquidations by venue, via CoinGlass*", the name of "Image: BTC liquidations via CoinGlass"), else None: a
    title of a few words that names data (``captions: charted``), no figure, no sentence's end, then "from", "via",
    "courtesy of", "according to" or "per" and a source's name."""
    line = line.strip().strip("*_ ")
    if _FIGURE_SIGN.search(line) or _PROSE_END.search(line):
        return None
    words = caption_words()
    m = words.sourced.match(line)
    if m is None or len(m.group("title").split()) > TITLE_WORDS or not words.charted.search(m.group("title")):
        return None
    name = m.group("name").strip()
    return name if _a_name(name, source_rx) else None


# A chart's title and its source's name alone in parentheses at the line's end: "BTC long liquidations jump. (Glassnode)".
_PARENTHESISED = Deferred(globals(), r"^(?P<title>[^()]+?)\s*\(\s*(?P<name>[^():]{1,%d}?)\s*\)[\s.]*$" % NAME_CHARS)


def parenthesised_chart(line: str, source_rx) -> str | None:
    """The source a chart's title line names alone in parentheses at its end ("Bitcoin's long liquidations surge as
    prices slide. (Glassnode)", as wire copy credits its charts), else None: a title of a few words that names data
    (``captions: charted``), no figure, then a source's name and nothing else in the parentheses."""
    line = line.strip().strip("*_ ")
    if not line.endswith((")", ").")) or _FIGURE_SIGN.search(line):
        return None
    m = _PARENTHESISED.match(line)
    if m is None or len(m.group("title").split()) > TITLE_WORDS or not caption_words().charted.search(m.group("title")):
        return None
    name = m.group("name").strip()
    return name if _a_name(name, source_rx) else None


def _a_name(name: str, source_rx) -> bool:
    """Is ``name`` (what follows a caption's separator with no label) a source's name: a registered one, or
    without a registry a few capitalised words that are not an asset or a common word ("CoinGlass",
    "Glassnode on X"; not "Bitcoin", not "longs and shorts")?"""
    if source_rx is not None and any(n.start() == 0 and n.end() == len(name) for n in source_rx.finditer(name)):
        return True
    tokens = name.split()
    return (0 < len(tokens) <= NAME_WORDS and tokens[0][:1].isupper() and tokens[0] not in _not_names()
            and all(t[:1].isupper() or t[:1].isdigit() or t in ("on", "via", "and", "&", "of") for t in tokens))


def _title_like(name: str, source_rx) -> bool:
    """Does what follows "Chart:" read as the chart's title, not its source: it opens with a small letter or a word
    the genre capitalises for other reasons ("Bitcoin liquidations by hour", "Longs by venue"), unless it opens with a
    registered name? ("CoinGlass data", "TradingView", an address: a source.)"""
    first = name.split()[0] if name.split() else ""
    if not first or name.lower().startswith("http"):
        return False
    if source_rx is not None and any(m.start() == 0 for m in source_rx.finditer(name)):
        return False
    return not first[:1].isupper() or first.strip(".,:;") in _not_names()


@lru_cache(maxsize=1)
def _title_labels() -> frozenset[str]:
    """Labels after which a chart's title may stand instead of its source ("Chart: Longs by venue")."""
    return frozenset(w.lower() for w in phrase_section("captions")["title_labels"])


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(phrase_section("frames")["not_names"])


def is_prose(text: str) -> bool:
    """Does a block read as prose (its last sentence ended), not a chart's title line?"""
    return bool(_PROSE_END.search(text))


def introduces_chart(text: str) -> bool:
    """Does a paragraph introduce the chart below it (a closing colon, "Below is a table that shows ...")?"""
    return text.rstrip().endswith(":") or bool(caption_words().intro.search(text))


def points_at_chart(text: str) -> bool:
    """Does a paragraph lean on the chart beside it ("From the graph, ...")?"""
    return bool(caption_words().pointer.search(text))


def place_credits(blocks, by_block: dict, source_rx, spelling: dict) -> tuple[dict, dict]:
    """Every credit line of an article placed (see the module's docstring): block index -> the credit
    sentence covering that block, and id(credit sentence) -> the source ids it names. ``blocks``: the
    article's blocks; ``by_block``: block index -> its sentences (``writer.check.analysis.Sentence``)."""
    out: dict = {}
    names: dict = {}

    def prose(index: int, section: int) -> bool:  # may a credit line next to this block credit it?
        b = blocks[index]
        return (b.kind == "paragraph" and b.section == section and bool(by_block.get(index))
                and (b.in_list or is_prose(b.text)) and credit_form(b.text, None) is None)

    def run(index: int) -> list[int]:
        return list_run(blocks, index)

    def credit(indices, line) -> None:
        for r in indices:
            out.setdefault(r, line)

    def name(line, text: str) -> None:
        names[id(line)] = {spelling[m.group(0).lower()] for m in (source_rx.finditer(text) if source_rx is not None else ())}

    for i, b in enumerate(blocks):
        own = by_block.get(i)
        if b.kind == "table_cell" and (i == 0 or blocks[i - 1].kind != "table_cell" or blocks[i - 1].section != b.section):
            for cell, line in header_credits(blocks, table_run(blocks, i), by_block).items():
                name(line, line.text)
                credit([cell], line)
            continue
        if b.kind == "heading" and own and b.role != "headline":
            credited = heading_credit(b.text, source_rx)
            if credited is not None:  # "## Liquidations by venue (Data: CoinGlass)": its section, down to the next heading as high
                name(own[-1], credited)
                credit(section_run(blocks, i), own[-1])
            continue
        if b.kind != "paragraph" or not own or (len(b.text) > CAPTION_CHARS and "@" not in b.text):
            continue
        form = credit_form(b.text, source_rx)
        if form is None:
            continue
        kind, credited = form
        line = own[-1]
        name(line, credited)
        if kind == "post":
            signed = post_run(blocks, i, by_block)
            credit(signed, line)
            if i + 1 < len(blocks) and prose(i + 1, b.section) and any(carries_picture(blocks[j].text) for j in signed):
                credit(run(i + 1), line)  # a post with its chart: the prose right under it reads that chart
            continue
        if b.in_list:  # a list's first or last item that only credits ("- Source: CoinGlass") credits the list
            first = i == 0 or not blocks[i - 1].in_list or blocks[i - 1].section != b.section
            last = i + 1 == len(blocks) or not blocks[i + 1].in_list or blocks[i + 1].section != b.section
            if kind == "bare" and (first or last):
                credit(run(i), line)
            continue
        credit([i], line)  # its own figures
        if kind == "picture":
            continue  # a photo's credit credits the photo
        if kind == "bare" and not b.in_quote and _closes_article(blocks, i, source_rx):
            # "Source: https://..." as the article's last line: the article's own source line, for its whole section
            credit([j for j in range(i) if blocks[j].section == b.section], line)
        if kind == "bare" and i + 1 < len(blocks) and blocks[i + 1].section == b.section and (
                blocks[i + 1].in_list or blocks[i + 1].kind == "table_cell"):
            credit(table_run(blocks, i + 1) if blocks[i + 1].kind == "table_cell" else run(i + 1), line)  # a list's or table's credit over it
        before = i - 1 if i > 0 and prose(i - 1, b.section) else None
        after = i + 1 if i + 1 < len(blocks) and prose(i + 1, b.section) else None
        if before is not None and (kind == "bare" or credits_above(b.text, source_rx, by_block[before])):
            # a credit under prose closes it (as a last-sentence credit does); so does a chart's labelled caption, which
            # desks set under the paragraph that gives the chart's figures ("Longs lost $88 million." then "BTC
            # liquidations. Source: CoinGlass")
            credit(run(before), line)
        introduced = before is not None and introduces_chart(by_block[before][-1].text)
        if after is None:
            continue
        # below it: the chart it signs is gone from the text, so a credit line covers the paragraph under it as the
        # one over it (bench/ANNOTATION.md, point 5), a caption too (only its kind of figure: Analysis.caption_for);
        # and the prose that says it reads the chart, or that the prose above introduced, with no provenance of its own
        below = run(after)
        alone = not any(x.figures for x in own)  # a line of its own, not prose closing on its credit ("... $12 million. Source: X")
        if (alone and (kind == "bare" or credits_below(b.text, source_rx, by_block[after]))) or points_at_chart(by_block[after][0].text) or (
                introduced and not any(s.has_caveat() for r in below for s in by_block.get(r, ()))):
            credit(below, line)
    return out, names


# A credit closing a heading in parentheses or brackets: "Liquidations by venue (Data: CoinGlass)", "Longs [source: Velo]".
_HEADING_CREDIT = re.compile(r"[(\[]\s*(?P<credit>[^()\[\]]{1,80}?)\s*[)\]]\s*$")


def heading_credit(text: str, source_rx) -> str | None:
    """The name a heading credits for its whole section, or None: a heading that is a credit line or a chart's
    title and its credit ("Data: CoinGlass", "Liquidations by venue | Source: CoinGlass"), or that closes with a
    labelled credit in parentheses ("Liquidations by venue (Data: CoinGlass)"); never a photo's credit."""
    if not any(c in text for c in _LABEL_END_CHARS):  # (every credit a heading may hold has a label: most headings have none)
        return None
    form = credit_form(text, source_rx)
    if form is not None and form[0] in ("bare", "titled"):
        return form[1]
    m = _HEADING_CREDIT.search(text) if text.rstrip().endswith((")", "]")) else None
    if m is not None:
        inner = credit_form(m.group("credit"), source_rx)
        if inner is not None and inner[0] == "bare":
            return inner[1]
    return None


# A column whose cells name each row's source ("| Venue | Longs | Source |").
_SOURCE_COLUMNS = frozenset({"source", "sources", "data source", "data", "via", "credit", "provider", "data provider"})


def header_credits(blocks, cells: list[int], by_block: dict) -> dict:
    """Which cells of a table (block indexes, in order) a source in its header row credits: a header cell that
    credits ("Longs, 24h (CoinGlass)", "Source: CoinGlass") covers its column; a "Source" column's cell covers
    its own row. Cell -> the crediting sentence. Rows are the cells of one line; a row with fewer cells than the
    header (an empty cell is no block) is not read by column."""
    rows: list[list[int]] = []
    for c in cells:
        if rows and blocks[rows[-1][0]].positions[0][0] == blocks[c].positions[0][0]:
            rows[-1].append(c)
        else:
            rows.append([c])
    if len(rows) < 2:
        return {}
    header, out = rows[0], {}
    for j, h in enumerate(header):
        own = by_block.get(h)
        if not own:
            continue
        text = blocks[h].text
        label = " ".join(text.lower().split()).strip(" :*_")
        by_row = label in _SOURCE_COLUMNS
        if not by_row and not (_may_credit(text) and (credit_form(text, None) is not None or own[-1].has_caveat())):
            continue
        for row in rows[1:]:
            if len(row) != len(header):
                continue
            line = by_block.get(row[j], [None])[-1] if by_row else own[-1]
            if line is None or (by_row and line.figures):
                continue
            for c in row if by_row else [row[j]]:
                out.setdefault(c, line)
    return out


def _may_credit(cell: str) -> bool:
    """Can a header cell hold a credit at all: a label, a bracket, or a capitalised word after its first ("Longs per
    CoinGlass")? Most header cells are one or two plain words ("Venue", "Open interest"): no phrase scan for them."""
    words = cell.split()
    return any(c in cell for c in ":|([") or any(w[:1].isupper() for w in words[1:])


def _closes_article(blocks, index: int, source_rx) -> bool:
    """Is the credit line at ``index`` the article's last block, but for other credit lines after it ("Source: X"
    then "Data: Y") and the titles of the charts it closes on ("Source: https://..." then "Total Liquidations" and
    "Liquidations by Coin", as auto-posted liquidation reports end)? Such a line is the article's own source line,
    not a chart's credit."""
    return all(credit_form(b.text, source_rx) is not None or _CHART_TITLE.fullmatch(b.text) for b in blocks[index + 1:])


# A chart's title standing alone after the article's source line: a few words, no figure, no sentence's end.
_CHART_TITLE = Deferred(globals(), r"\s*(?:(?![\d_])\w[\w’'&/-]*\s+){0,5}(?![\d_])\w[\w’'&/-]*\s*")


def section_run(blocks, index: int) -> list[int]:
    """A heading's section: the blocks after it down to the next heading of the same level or higher."""
    level = blocks[index].level
    out = []
    at = index + 1
    while at < len(blocks) and not (blocks[at].kind == "heading" and blocks[at].level <= level):
        out.append(at)
        at += 1
    return out


def table_run(blocks, index: int) -> list[int]:
    """Every cell of the table a cell belongs to (one section's consecutive cells)."""
    lo = hi = index
    section = blocks[index].section
    while lo > 0 and blocks[lo - 1].kind == "table_cell" and blocks[lo - 1].section == section:
        lo -= 1
    while hi + 1 < len(blocks) and blocks[hi + 1].kind == "table_cell" and blocks[hi + 1].section == section:
        hi += 1
    return list(range(lo, hi + 1))


def post_run(blocks, index: int, by_block: dict) -> list[int]:
    """What an embedded post's signature (block ``index``) credits: its own block (the post's text may share it), and
    the post above it: every block of the quote it closes, or, outside a quote, the one paragraph right before."""
    out = [index]
    section = blocks[index].section
    quoted = blocks[index].in_quote
    at = index - 1
    while at >= 0 and blocks[at].kind == "paragraph" and blocks[at].section == section and by_block.get(at):
        if post_signature(blocks[at].text) is not None or (quoted and not blocks[at].in_quote):
            break  # another post's signature (the post above is its own), or the prose before the quote
        out.append(at)
        if not quoted:
            break
        at -= 1
    return out


def list_run(blocks, index: int) -> list[int]:
    """The block, or every item of the list it belongs to (one section's consecutive list blocks)."""
    if not blocks[index].in_list:
        return [index]
    lo = hi = index
    section = blocks[index].section
    while lo > 0 and blocks[lo - 1].in_list and blocks[lo - 1].section == section:
        lo -= 1
    while hi + 1 < len(blocks) and blocks[hi + 1].in_list and blocks[hi + 1].section == section:
        hi += 1
    return list(range(lo, hi + 1))
