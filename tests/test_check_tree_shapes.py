"""The tree reader's block quotes, tables and whole-line HTML comments (writer/check/document_tree.py).

The plain reader (markdown-it-py's block pass) is the reference: where the tree
reader reads these shapes it must give the very same blocks, and otherwise
decline (None).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from writer.check.document import read_article_plain, read_blocks
from writer.check.document_tree import blank_comment_lines, read_article_tree, read_blocks_tree
from writer.markdown_html import parse_tree

pytest.importorskip("markdown_it_pyrs")


def tree_blocks(body: str):
    return read_blocks_tree(body, parse_tree(blank_comment_lines(body)), comments_blanked=True)


@pytest.mark.parametrize("text", [
    "# T\n\n> quoted $5 million\n> and a second line of 3%\n\nAfter.\n",
    "> one\n>\n> two paragraphs, *marked* $4 billion\n",
    "| a | b |\n|---|---|\n| $5 | 6 |\n",
    "Intro.\n\n| Venue | Longs |\n|:--|--:|\n| `Bin` | **$5 m** |\n|  | x |\n| same | same |\n\nAfter.\n",
    "<!-- writer: disable-next-line F001 -->\nText of $5 million.\n",
    "- item one\n<!-- writer: disable F002 -->\n- item two of 4%\n",
    "Para\n<!-- note -->\nnext para\n",
])
def test_shapes_read_the_same_through_the_tree(text):
    blocks = tree_blocks(text)
    assert blocks is not None, "this shape must take the tree path"
    assert blocks == read_blocks(text)
    assert read_article_tree(text, "a.md", parse_tree).blocks == read_article_plain(text, "a.md").blocks


@pytest.mark.parametrize("text", [
    "> - a list in a quote\n",
    "> lazy line\ncontinued without marker\n",
    ">  two spaces after the marker\n",
    "- item\n  > quote in a list\n",
    "| a | b |\n|---|---|\n| x \\| y | 6 |\n",
    "<!-- open comment\nover two lines -->\n",
    "<div>raw</div>\n\nText.\n",
    "1. item\n<!-- c -->\n    indented: code after the comment, the item's text after a blank line\n",
    "- item of $2\n<!-- c -->\n\n    indented after a blank line too: code after the comment, the item's second paragraph without it\n",
])
def test_other_shapes_left_to_the_plain_reader(text):
    assert tree_blocks(text) is None


def test_a_tree_built_with_the_comments_in_is_declined():
    text = "<!-- writer: disable-next-line F001 -->\nText of $5 million.\n"
    assert read_blocks_tree(text, parse_tree(text)) is None


_LINES = st.sampled_from([
    "# Head $5 million", "## Section", "Plain text of 5,000 BTC.", "- item $1 billion", "  - nested item", "", "", "",
    "> quote of $3", "> *marked* quote", ">", ">  spaced", "> - quoted item", "> # quoted head",
    "| a | b |", "|---|---|", "|:-|-:|", "| $5 m | `x` |", "| | y |", "a | b", "| one |", "| a \\| b | c |",
    "<!-- writer: disable-next-line F001 -->", "<!-- c -->  ", "<!-- open", "-->", "<b>html</b>", "    code line",
    "text with *emphasis* and `code`", "---", "===", "```", "1. ordered 10%", "é € unicode — dash",
])


@settings(max_examples=600, deadline=None)
@given(st.lists(_LINES, max_size=14))
def test_tree_reader_agrees_or_declines_on_quotes_tables_comments(lines):
    body = "\n".join(lines) + "\n"
    blocks = tree_blocks(body)
    if blocks is not None:
        assert blocks == read_blocks(body)
