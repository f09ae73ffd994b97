"""The fast Markdown renderer (markdown-it-pyrs) gives the reference renderer's HTML (markdown-it-py), byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_batch_support import make_factbase
from writer import markdown_html
from writer.draft import Drafter
from writer.factbase.loader import load_event, load_registry

ROOT = Path(__file__).resolve().parents[1]

EDGE_CASES = [
    "a <b>bold</b> <!-- comment --> <x-tag attr='1'>\n\n<div>block html</div>\n",  # raw HTML is escaped, never passed through
    "Tab\there & \"q\" 'a' \u00a0 \ue100\ue101 *e* _u_ **s** [l](http://x \"t\") ![i](y.png) <http://a.b> <me@x.org>\n",
    "1) one\n2) two\n\n- a\n\n  - nested\n- b\n\n> quote\n> more\n\n```js\ncode < & >\n```\n\n    indented\n",
    "line  \nhard break\\\nnext ~~strike~~ www.example.com https://a.b 3 < 4 > 2\n",
    "&amp; &copy; &#35; &bogus; [ref]\n\n[ref]: http://u \"title\"\n",
    "Title\n===\n\nSub\n---\n\n***\n\n# h1 #\n###### h6\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",  # tables are not part of CommonMark: a paragraph on both sides
    "windows\r\nline ends\r\n\r\nand a NUL \0 here\n",
    "$1.752 billion (about 94%) — according to CoinGlass; \\*not\\* emphasis, `code $5`\n",
]


def test_the_fast_renderer_is_in_use():
    assert markdown_html.renderer() is not markdown_html.render_plain


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases_render_alike(text):
    assert markdown_html.render(text) == markdown_html.render_plain(text)


def test_golden_drafts_render_alike():
    golden = sorted((ROOT / "tests" / "golden").glob("*.md"))
    assert golden
    for path in golden:
        text = path.read_text(encoding="utf-8")
        assert markdown_html.render(text) == markdown_html.render_plain(text), path.name


def _drafts(tmp_path):
    """Events whose drafts' HTML is compared: the repository's examples and generated ones of every shape."""
    make_factbase(tmp_path / "fb", 16, seed=11)
    generated = load_registry(tmp_path / "fb" / "sources.yaml")
    events = [load_event(p) for p in sorted((ROOT / "factbase" / "events").glob("*.yaml"))]
    events += [load_event(p, generated) for p in sorted((tmp_path / "fb" / "events").glob("*.yaml"))]
    return events


def test_article_pages_are_the_same_with_either_renderer(tmp_path, monkeypatch):
    """The drafted pages (the Markdown with figure placeholders rendered, then expanded) are identical."""
    drafter = Drafter(None, run_check=False)
    events = _drafts(tmp_path)
    fast = [drafter.draft(ev).html for ev in events]
    monkeypatch.setattr(markdown_html, "render", markdown_html.render_plain)
    plain = [drafter.draft(ev).html for ev in events]
    assert len(fast) >= 16 and fast == plain
