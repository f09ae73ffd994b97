"""The batch reads each article for the check from markdown-it-pyrs's tree (writer/check/document_tree.py).

The plain reader (markdown-it-py's block pass, writer/check/document.py) is the
reference: on every draft the tree reader must give the very same blocks, and
the batch's check the very same findings, clean drafts and mutated ones alike.
On any other Markdown it must give the same blocks or decline (None), never
different ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from test_batch_support import make_factbase
from test_mutations import EVENTS, mutants_for
from writer.check import Checker
from writer.check.document import read_article_plain, read_blocks, split_front_matter
from writer.check.document_tree import read_article_tree, read_blocks_tree
from writer.factbase.loader import load_event, load_registry
from writer.markdown_html import parse_tree

pytest.importorskip("markdown_it_pyrs")
ROOT = Path(__file__).resolve().parents[1]
GOLDEN = sorted((ROOT / "tests" / "golden").rglob("*.md"))


def tree_blocks(body: str):
    return read_blocks_tree(body, parse_tree(body))


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    """(markdown, event) for the example events and 30 generated ones."""
    from writer.draft import Drafter

    drafter = Drafter(None, run_check=False)
    fb = tmp_path_factory.mktemp("fb")
    make_factbase(fb, 30, seed=7)
    registry = load_registry(fb / "sources.yaml")
    out = [(drafter.draft(e).markdown, e) for e in (load_event(p) for p in EVENTS)]
    out += [(drafter.draft(e).markdown, e) for e in (load_event(p, registry) for p in sorted((fb / "events").glob("*.yaml")))]
    return out


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem)
def test_golden_drafts_read_the_same_through_the_tree(path):
    _, body = split_front_matter(path.read_text(encoding="utf-8"), str(path))
    blocks = tree_blocks(body)
    assert blocks is not None, "a draft's shapes must take the tree path (or the batch loses its speed-up)"
    assert blocks == read_blocks(body)


def test_drafts_give_the_same_findings_both_ways(drafts):
    from writer.draft import Drafter
    from writer.publish.worker import check_article  # the batch's check path

    checker = Checker()

    def check(text, path, event):
        return check_article(checker, text, path, event)

    found = 0
    for markdown, event in drafts:
        assert read_article_tree(markdown, "a.md", parse_tree).blocks == read_article_plain(markdown, "a.md").blocks
        assert check(markdown, "a.md", event) == checker.check_article(read_article_plain(markdown, "a.md"), event=event)
    for path in EVENTS:  # mutated drafts: findings, not only their absence, must agree
        event = load_event(path)
        markdown = next(m for m, e in drafts if e.id == event.id)
        mutants, _ = mutants_for(path, markdown, Drafter(None, run_check=False).draft(event).claims, event)
        for m in mutants[:12]:
            plain = checker.check_article(read_article_plain(m.text, "a.md"), event=event)
            assert check(m.text, "a.md", event) == plain, m.description
            found += len(plain)
    assert found > 20  # the comparison covered real findings


@pytest.mark.parametrize("text", [
    "# T\n\n> quoted $5 million\n",
    "| a | b |\n|---|---|\n| $5 | 6 |\n",
    "Title\n=====\n\nText $5.\n",
    "<div>raw</div>\n\nText.\n",
    "- an item\n  over two lines\n",
    "Text\r\nwith CR\r\n",
])
def test_shapes_left_to_the_plain_reader(text):
    assert tree_blocks(text) is None


_LINES = st.sampled_from([
    "# Head $5 million", "## Section", "### ", "Plain text of 5,000 BTC.", "  indented 3%", "    code line",
    "- item $1 billion", "* star item", "1. ordered 10%", "  - nested item", "", "", "---", "***", "```", "~~~",
    "text with *emphasis* and `code`", "[link](http://x.y) and ![img](a.png)", "a \\* escaped", "trailing #",
    "# closed heading ##", "- ", "> quote", "| a | b |", "<b>html</b>", "Setext", "===", "é € unicode — dash",
    "[ref]: http://example.com", "   # three-space heading", "+ plus item", "2) paren item", "text  ",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINES, max_size=14))
def test_tree_reader_agrees_or_declines_on_any_markdown(lines):
    body = "\n".join(lines) + "\n"
    blocks = tree_blocks(body)
    if blocks is not None:
        assert blocks == read_blocks(body)
