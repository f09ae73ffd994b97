"""Reading an article's prose blocks from a markdown-it-pyrs tree (an already-parsed document).

``document.read_blocks`` parses with markdown-it-py's pure-Python block pass:
about 1.4 ms of a drafted article's check. The batch already runs the Rust
port (markdown-it-pyrs) for HTML, whose ``tree()`` gives the same block
structure in about a sixth of that time. This module turns such a tree into
the same ``Block`` records ``read_blocks`` makes, for the shapes drafts and
most articles take: ATX headings, paragraphs, lists whose items' paragraphs
are one line, code, rules, top-level block quotes of paragraphs whose every
line opens with "> ", top-level tables without backslashes, and HTML comments
that fill whole lines (suppression comments: markdown-it-py reads such a line
as an HTML block, which ends a paragraph as a blank line does, so the line is
blanked before the tree is built). Anything else (other raw HTML lines, setext
headings, a list paragraph over several lines, carriage returns) returns None
and the caller reads the text the plain way: nothing is guessed.
tests/test_batch_tree_reader.py and tests/test_check_tree_shapes.py hold the
two readers to identical blocks and findings on drafts and on generated Markdown.
"""

from __future__ import annotations

import bisect
import re

from writer.check.lazyre import Deferred
from writer.check.document import Article, Block, _assign_roles, mask_inline, split_front_matter
from writer.check.suppressions import read_suppressions

# Block nodes the reader understands; any other block node means "read it the plain way".
_CONTAINERS = frozenset({"root", "bullet_list", "ordered_list", "list_item"})
_NO_PROSE = frozenset({"hr", "code_block", "fence"})
_BLOCKS = _CONTAINERS | _NO_PROSE | {"heading", "paragraph", "blockquote", "table"}
# A line markdown-it-py (html on) might read as raw HTML, or as a setext underline.
_HTML_LINE = Deferred(globals(), r"^[ \t]*<", re.MULTILINE)
# A whole-line HTML comment at column 0: an HTML block to markdown-it-py, the same as a blank
# line to the block structure the check reads (it ends a paragraph, a list, a quote, a table).
_COMMENT_LINE = Deferred(globals(), r"^<!--[^\n]*-->[ ]*$", re.MULTILINE)
# ...except before an indented line, right after it or after blank lines: after a blank line such a line
# continues a list item, after an HTML block (which ends the list) it does not.
_COMMENT_THEN_INDENT = Deferred(globals(), r"^<!--[^\n]*-->[ ]*\n(?:[ \t]*\n)*[ \t]", re.MULTILINE)
# A block quote line the reader maps straight to its content: "> " then text, or a bare ">".
_QUOTE_LINE = Deferred(globals(), r"> [^ \t]|>$")
_ATX = re.compile(r"[ ]{0,3}#")


class _Unsupported(Exception):
    """The tree holds a shape this reader does not handle: read the text the plain way."""


class _Lines:
    """Byte offsets (the tree's srcmap) to line numbers and text."""

    def __init__(self, body: str):
        self.data = body.encode("utf-8")
        self.text = body.split("\n")
        starts, pos = [0], self.data.find(b"\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = self.data.find(b"\n", pos + 1)
        self.starts = starts

    def line(self, byte: int) -> int:
        return bisect.bisect_right(self.starts, byte) - 1

    def rest_of_line(self, byte: int) -> str:
        end = self.data.find(b"\n", byte)
        return self.data[byte:end if end != -1 else len(self.data)].decode("utf-8")

    def slice(self, a: int, b: int) -> str:
        return self.data[a:b].decode("utf-8")


def read_blocks_tree(body: str, root, *, comments_blanked: bool = False) -> list[Block] | None:
    """Prose blocks of ``body`` from its markdown-it-pyrs tree ``root``; None when a shape is not handled.

    A body with whole-line HTML comments is read only from the tree of
    ``blank_comment_lines(body)`` (say so with ``comments_blanked``).
    """
    if "\r" in body or "\0" in body:
        return None
    if "<" in body and _HTML_LINE.search(body) and (not comments_blanked or _HTML_LINE.search(_COMMENT_LINE.sub("", body))
                                    or _COMMENT_THEN_INDENT.search(body)):
        return None  # raw HTML other than whole-line comments (or a tree built with them in)
    lines = _Lines(blank_comment_lines(body) if comments_blanked else body)
    blocks: list[Block] = []
    state = {"section": 0}
    try:
        _walk(root, lines, blocks, state, in_list=False)
    except (_Unsupported, UnicodeDecodeError):
        return None
    _assign_roles(blocks)
    return blocks


def read_article_tree(source: str, path: str, parse) -> Article | None:
    """The check's Article for ``source``, its body (front matter blanked) read from ``parse(body)``'s tree.

    None when ``parse`` gives no tree (markdown-it-pyrs missing) or the tree holds a shape this
    reader leaves to the plain one.
    """
    front, body = split_front_matter(source, path)
    root = parse(blank_comment_lines(body))
    blocks = read_blocks_tree(body, root, comments_blanked=True) if root is not None else None
    if blocks is None:
        return None
    return Article(path=path, source=source, front_matter=front, blocks=blocks, suppressions=read_suppressions(body))


def blank_comment_lines(body: str) -> str:
    """``body`` with whole-line HTML comments blanked (same length): what the tree is built from."""
    if "<!--" not in body:
        return body
    return _COMMENT_LINE.sub(lambda m: " " * len(m.group(0)), body)


def _walk(node, lines: _Lines, blocks: list[Block], state: dict, in_list: bool) -> None:
    inline: list = []
    for child in node.children:
        name = child.name
        if name not in _BLOCKS:
            if node.name == "list_item":  # a tight list item's paragraph: its inline nodes sit in the item
                inline.append(child)
                continue
            raise _Unsupported(name)
        if inline:
            _list_paragraph(inline, lines, blocks, state)
            inline = []
        if name in _NO_PROSE:
            continue
        if name == "blockquote":
            _quote(child, node, lines, blocks, state)
        elif name == "table":
            _table(child, node, lines, blocks, state)
        elif name in _CONTAINERS:
            _walk(child, lines, blocks, state, in_list or name == "list_item")
        elif name == "heading":
            _heading(child, lines, blocks, state, in_list)
        elif in_list:
            _list_paragraph(child.children, lines, blocks, state)
        else:
            _paragraph(child, lines, blocks, state)
    if inline:
        _list_paragraph(inline, lines, blocks, state)


def _heading(node, lines: _Lines, blocks: list[Block], state: dict, in_list: bool) -> None:
    start = node.srcmap[0]
    first = lines.line(start)
    if not _ATX.match(lines.rest_of_line(start)) or lines.line(node.srcmap[1] - 1) != first:
        raise _Unsupported("setext heading")
    content = lines.slice(node.children[0].srcmap[0], node.children[-1].srcmap[1]).strip() if node.children else ""
    if not content:
        return  # read_blocks skips an empty heading before counting it as a section
    level = int(node.meta["level"])
    if level >= 2:
        state["section"] += 1
    _add(blocks, "heading", content, first, lines, state, level=level, in_list=in_list)


def _paragraph(node, lines: _Lines, blocks: list[Block], state: dict) -> None:
    first, last = lines.line(node.srcmap[0]), lines.line(node.srcmap[1] - 1)
    content = "\n".join(lines.text[first:last + 1]).strip()
    _add(blocks, "paragraph", content, first, lines, state)


def _list_paragraph(inline: list, lines: _Lines, blocks: list[Block], state: dict) -> None:
    if not inline:
        return
    start = inline[0].srcmap[0]
    first = lines.line(start)
    if lines.line(inline[-1].srcmap[1] - 1) != first:
        raise _Unsupported("list paragraph over several lines")
    _add(blocks, "paragraph", lines.rest_of_line(start).strip(), first, lines, state, in_list=True)


def _quote(node, parent, lines: _Lines, blocks: list[Block], state: dict) -> None:
    """A top-level block quote of paragraphs, every line "> text" or ">": content is each line past "> "."""
    first, last = lines.line(node.srcmap[0]), lines.line(node.srcmap[1] - 1)
    if parent.name != "root" or not _set_apart(lines, first, last) or \
            not all(_QUOTE_LINE.match(lines.text[i]) for i in range(first, last + 1)):
        raise _Unsupported("block quote shape")
    for para in node.children:
        if para.name != "paragraph":
            raise _Unsupported(f"{para.name} in a block quote")
        a, b = lines.line(para.srcmap[0]), lines.line(para.srcmap[1] - 1)
        content = "\n".join(line[2:] for line in lines.text[a:b + 1]).strip()
        _add(blocks, "paragraph", content, a, lines, state, in_quote=True)


def _set_apart(lines: _Lines, first: int, last: int) -> bool:
    """A blank line (or the text's edge) on either side of lines first..last: where markdown-it-py
    and markdown-it-pyrs differ (which block may interrupt or lazily continue which) cannot arise."""
    return all(not lines.text[i].strip() for i in (first - 1, last + 1) if 0 <= i < len(lines.text))


def _table(node, parent, lines: _Lines, blocks: list[Block], state: dict) -> None:
    """A top-level table without backslashes (escaped pipes): a block per non-empty cell, in row order."""
    if parent.name != "root" or "\\" in lines.slice(*node.srcmap) or \
            not _set_apart(lines, lines.line(node.srcmap[0]), lines.line(node.srcmap[1] - 1)):
        raise _Unsupported("table shape")
    for part in node.children:
        for row in part.children:
            row_line = lines.line(row.srcmap[0])
            line_text, cursor = lines.text[row_line], 0
            for cell in row.children:
                if not cell.children:
                    continue
                content = lines.slice(*cell.srcmap).strip()
                if "\n" in content:
                    raise _Unsupported("table cell over several lines")
                if not content:
                    continue
                col = max(line_text.find(content, cursor), 0)
                cursor = col + len(content)
                blocks.append(Block(kind="table_cell", text=mask_inline(content), offsets=[0], positions=[(row_line + 1, col)],
                                    section=state["section"]))


def _add(blocks: list[Block], kind: str, content: str, first: int, lines: _Lines, state: dict, *, level: int = 0,
         in_list: bool = False, in_quote: bool = False) -> None:
    """A Block with the offsets and positions ``read_blocks`` computes (same line search)."""
    if not content.strip():
        return
    offsets, positions, pos = [], [], 0
    for i, part in enumerate(content.split("\n")):
        line_no = min(first + i, len(lines.text) - 1)
        col = lines.text[line_no].find(part) if part else 0
        offsets.append(pos)
        positions.append((line_no + 1, max(col, 0)))
        pos += len(part) + 1
    blocks.append(Block(kind=kind, text=mask_inline(content), offsets=offsets, positions=positions, section=state["section"],
                        level=level, in_list=in_list, in_quote=in_quote))
