"""Reading an article: front matter, prose blocks with source positions, suppressions.

markdown-it-py gives the block structure and line numbers; only prose is kept
(headings, paragraphs, list items, blockquotes, table cells), never code,
front matter or HTML. Inline markup that is not words (code spans, HTML,
link targets, emphasis markers) is blanked with spaces rather than removed,
so a character offset in a block's text maps straight back to a line and
column in the file: that is what lets a finding point at the figure itself.

``read_article`` first asks markdown-it-pyrs (the Rust port,
writer/check/document_tree.py), which reads the shapes drafts and most
articles take into the very same blocks without markdown-it-py's import (a
fifth of a one-file ``writer check``'s start); ``read_article_plain`` is the
reference it is tested against, and what runs for any other shape.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from writer.check.lazyre import Deferred
from writer.check.suppressions import Suppressions, read_suppressions
from writer.errors import single_problem
from writer.yamlload import safe_load


@dataclass
class Block:
    """One run of prose: a heading, a paragraph, a list item's paragraph, a table cell."""

    kind: str  # "heading", "paragraph", "table_cell"
    text: str  # inline content with non-prose markup blanked out (same length as the source)
    offsets: list[int]  # text offset where each content line starts
    positions: list[tuple[int, int]]  # (1-based line, 0-based column) in the file of each content line's start
    section: int  # index of the section (0 before the first heading below the title)
    level: int = 0  # heading level
    in_list: bool = False
    in_quote: bool = False
    role: str = "body"  # "headline", "lede" or "body"

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of a character offset in ``text``."""
        if len(self.offsets) == 1:  # a one-line block (most): no search
            line, col = self.positions[0]
            return line, col + (offset - self.offsets[0]) + 1
        i = bisect.bisect_right(self.offsets, offset) - 1
        line, col = self.positions[max(i, 0)]
        return line, col + (offset - self.offsets[max(i, 0)]) + 1


@dataclass
class Article:
    path: str
    source: str
    front_matter: dict
    blocks: list[Block]
    suppressions: Suppressions = field(default=None)  # type: ignore[assignment]


# --- front matter -------------------------------------------------------------------

_FM_END = re.compile(r"^(?:---|\.\.\.)\s*$", re.MULTILINE)


def split_front_matter(source: str, path: str) -> tuple[dict, str]:
    """(front matter, body with the front matter's lines blanked so line numbers hold)."""
    if not (source.startswith("---\n") or source.startswith("---\r\n")):
        return {}, source
    end = _FM_END.search(source, 4)
    if end is None:
        raise single_problem(path, "front matter opened with '---' is never closed", line=1, column=1, field="front matter")
    raw = source[4:end.start()]
    try:
        data = safe_load(raw) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark else 1
        col = (mark.column + 1) if mark else 1
        raise single_problem(path, f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}", line=line, column=col, field="front matter") from None
    if not isinstance(data, dict):
        raise single_problem(path, "front matter must be a mapping of keys to values", line=2, column=1, field="front matter")
    n_lines = source.count("\n", 0, end.end())
    blank = "\n" * n_lines
    return data, blank + source[end.end():]




# Suppression comments live in writer.check.suppressions (re-exported here for older imports).


# --- prose blocks --------------------------------------------------------------------

# Inline markup that is not prose: blanked to spaces (offsets are kept).
_MASKS = [
    re.compile(r"<!--.*?-->", re.DOTALL),
    re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL),  # code spans
    re.compile(r"<[A-Za-z/!][^<>\n]*>"),  # inline HTML and autolinks
    re.compile(r"(?<=\])\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)"),  # link / image destinations
    re.compile(r"(?<=\])\[[^\]]*\]"),  # reference labels
    # emphasis markers, link brackets (the lookahead: their first characters, so the alternatives are
    # not tried at every character: 4-6x faster, same matches: tests/test_check_regex_filters.py); not the
    # brackets of a numbered reference ("... in risk management [2]."), which cites a source (phrases.yaml)
    re.compile(r"(?=[*_~!\[\]])(?:\*+|(?<!\w)_+|_+(?!\w)|~~|!?\[(?!\d\d?\])|(?<!\[\d)(?<!\[\d\d)\])"),
    re.compile(r"\\(?=[!-/:-@\[-`{-~])"),  # backslash escapes
]


_MARKUP = re.compile(r"[<`\[\]*_~\\]")


# A character each mask needs to match at all: masks whose character is absent are skipped.
_MASK_NEEDS = ("<!--", "`", "<", "](", "][", None, "\\")


def _blank(m: re.Match) -> str:
    found = m.group(0)
    return re.sub(r"[^\n]", " ", found) if "\n" in found else " " * len(found)


def mask_inline(text: str) -> str:
    if not _MARKUP.search(text):
        return text  # plain prose: nothing to blank
    masked = _MASKED.get(text)
    if masked is None:
        masked = text
        for rx, needs in zip(_MASKS, _MASK_NEEDS):
            if needs is None or needs in masked:
                masked = rx.sub(_blank, masked)
        if len(_MASKED) >= 8192:
            _MASKED.clear()
        _MASKED[text] = masked
    return masked


# Masked inline content by content: drafted articles share most of their paragraphs.
_MASKED: dict[str, str] = {}


@lru_cache(maxsize=32)
def _parser(unused: frozenset[str] = frozenset()):
    from markdown_it import MarkdownIt  # imported on first use: most articles are read through markdown-it-pyrs

    # Inline parsing is left out: the check reads inline content itself (mask_inline),
    # and markdown-it-py's inline pass costs as much again as the block pass.
    return MarkdownIt("commonmark").enable("table").disable(["inline", "text_join", *sorted(unused)], ignoreInvalid=True)


# Block rules that cannot fire on a text, each with a test that is cheap and errs only towards
# "may fire": a rule left out is one that would have answered "no" on every line. markdown-it
# tries every enabled rule on every line, and again as a paragraph terminator, so leaving out
# the impossible ones gives the same tokens in about two thirds of the time.
_HR_LINE = Deferred(globals(), r"[-*_][ \t]*[-*_][ \t]*[-*_][ \t]*$", re.MULTILINE)
_UNDERLINE = Deferred(globals(), r"^[ \t>]*(?:=+|-+)[ \t]*$", re.MULTILINE)
_CANNOT_FIRE = (
    ("fence", lambda s: "```" not in s and "~~~" not in s),
    ("blockquote", lambda s: ">" not in s),
    ("html_block", lambda s: "<" not in s),
    ("reference", lambda s: "[" not in s),
    ("table", lambda s: "|" not in s),  # a table's header row holds a pipe
    ("code", lambda s: "    " not in s and "\t" not in s),  # indented code needs four columns of indent
    ("hr", lambda s: not _HR_LINE.search(s)),
    ("lheading", lambda s: not _UNDERLINE.search(s)),
)


def _parser_for(body: str):
    if "\r" in body or "\0" in body:  # markdown-it normalises these first: keep every rule
        return _parser()
    return _parser(frozenset(name for name, cannot in _CANNOT_FIRE if cannot(body)))


def read_blocks(body: str) -> list[Block]:
    """Prose blocks of a Markdown body, in document order, with headline / lede roles."""
    tokens = _parser_for(body).parse(body)
    src_lines = body.split("\n")
    blocks: list[Block] = []
    section = 0
    stack: list[str] = []
    heading_level = 0
    row_cursor: dict[int, int] = {}
    for tok in tokens:
        if tok.nesting == 1:
            stack.append(tok.type)
            if tok.type == "heading_open":
                heading_level = int(tok.tag[1])
            continue
        if tok.nesting == -1:
            if stack:
                stack.pop()
            continue
        if tok.type != "inline" or tok.map is None:
            continue
        parent = stack[-1] if stack else ""
        if parent == "heading_open":
            kind = "heading"
        elif parent in ("td_open", "th_open"):
            kind = "table_cell"
        elif parent == "paragraph_open":
            kind = "paragraph"
        else:
            continue
        content = tok.content
        if not content.strip():
            continue
        first = tok.map[0]
        offsets, positions = [], []
        pos = 0
        if kind == "table_cell":
            line_text = src_lines[first]
            cursor = row_cursor.get(first, 0)
            col = line_text.find(content, cursor)
            col = max(col, 0)
            row_cursor[first] = col + len(content)
            offsets, positions = [0], [(first + 1, col)]
        else:
            for i, part in enumerate(content.split("\n")):
                line_no = min(first + i, len(src_lines) - 1)
                line_text = src_lines[line_no]
                col = line_text.find(part) if part else 0
                offsets.append(pos)
                positions.append((line_no + 1, max(col, 0)))
                pos += len(part) + 1
        if kind == "heading" and heading_level >= 2:
            section += 1
        blocks.append(
            Block(
                kind=kind,
                text=mask_inline(content),
                offsets=offsets,
                positions=positions,
                section=section,
                level=heading_level if kind == "heading" else 0,
                in_list="list_item_open" in stack,
                in_quote="blockquote_open" in stack,
            )
        )
    _assign_roles(blocks)
    return blocks


def _assign_roles(blocks: list[Block]) -> None:
    """The headline is a leading level-1 heading; the lede is the first body paragraph."""
    for b in blocks:
        if b.kind == "heading" and b.level == 1:
            b.role = "headline"
            break
        if b.kind != "heading":
            break
    for b in blocks:
        if b.kind == "paragraph" and not b.in_list and not b.in_quote:
            b.role = "lede"
            break
        if b.kind == "heading" and b.level >= 2:
            break


def read_article(source: str, path: str = "<string>") -> Article:
    """The article's front matter, prose blocks and suppressions: through markdown-it-pyrs's tree
    when that reader handles the article's shapes, else through :func:`read_article_plain`."""
    from writer.check.document_tree import read_article_tree
    from writer.markdown_html import parse_tree

    return read_article_tree(source, path, parse_tree) or read_article_plain(source, path)


def read_article_plain(source: str, path: str = "<string>") -> Article:
    """The article read with markdown-it-py's block pass (the reference reader)."""
    front, body = split_front_matter(source, path)
    return Article(path=path, source=source, front_matter=front, blocks=read_blocks(body), suppressions=read_suppressions(body))
