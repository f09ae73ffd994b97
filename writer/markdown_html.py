"""Markdown to HTML for drafts and published pages: one renderer, CommonMark with raw HTML off.

The batch renders every article's HTML, and markdown-it-py's pure-Python
parse and render cost about 1.8 ms of the ~15 ms a published event takes on
these machines; markdown-it-pyrs (the same project family's Rust port) gives
the same HTML in about a twentieth of the time. It is asked for exactly the
rules markdown-it-py's "commonmark" preset runs with ``html`` off (its own
"commonmark" preset would pass raw HTML through). ``render_plain`` is the
reference: tests/test_markdown_html.py holds the two to byte-identical output
on the golden drafts, on drafts of generated events and on edge cases, and it
is what runs should markdown-it-pyrs be missing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

# markdown-it-pyrs rule names: markdown-it-py's "commonmark" preset, minus html_block and html_inline.
COMMONMARK_RULES = (
    "blockquote", "code", "fence", "heading", "hr", "lheading", "list", "paragraph", "reference",
    "autolink", "backticks", "emphasis", "entity", "escape", "image", "link", "newline",
)


@lru_cache(maxsize=1)
def _plain():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def render_plain(text: str) -> str:
    """markdown-it-py, pure Python: the reference output."""
    return _plain().render(text)


@lru_cache(maxsize=1)
def renderer() -> Callable[[str], str]:
    """The fast renderer when markdown-it-pyrs is installed, else the reference one (same output)."""
    try:
        from markdown_it_pyrs import MarkdownIt
    except ImportError:
        return render_plain
    return MarkdownIt("zero").enable_many(list(COMMONMARK_RULES)).render


def render(text: str) -> str:
    """HTML of a Markdown text (CommonMark; raw HTML is escaped, never passed through)."""
    return renderer()(text)


# The check's block parser is markdown-it-py's "commonmark" preset plus tables (writer/check/document.py).
CHECK_TREE_RULES = (*COMMONMARK_RULES, "table")


@lru_cache(maxsize=1)
def _tree_parser():
    try:
        from markdown_it_pyrs import MarkdownIt
    except ImportError:
        return None
    return MarkdownIt("zero").enable_many(list(CHECK_TREE_RULES))


def parse_tree(text: str):
    """markdown-it-pyrs's tree of ``text`` with the check's block rules, or None without markdown-it-pyrs."""
    parser = _tree_parser()
    return parser.tree(text) if parser is not None else None
