"""Reading articles: prose only, exact positions, front matter, suppression comments."""

from __future__ import annotations

import pytest

from writer.check import Checker
from writer.check.document import read_article
from writer.errors import InputError


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def test_positions_point_at_the_figure_in_every_block_kind(checker):
    text = (
        "---\ntitle: x\n---\n\n# Title with $5 million\n\n"
        "Para with **bold** and $6 million.\n\n"
        "- **Label:** item with $7 million\n\n"
        "> quoted $8 million\n\n"
        "| a | b |\n|---|---|\n| $9 million | 10% |\n"
    )
    findings = checker.check_text(text)
    lines = text.split("\n")
    assert [f.figure for f in findings] == ["$5 million", "$6 million", "$7 million", "$8 million", "$9 million", "10%"]
    for f in findings:
        assert lines[f.line - 1][f.column - 1:f.end_column - 1] == f.figure
        assert f.code == "F001"


def test_code_html_comments_and_front_matter_are_not_prose(checker):
    text = (
        "---\nfigure: $1 billion\n---\n\n"
        "Inline `$2 billion` code and <span data-x=\"$3 billion\">text</span> html. <!-- $4 billion -->\n\n"
        "```\n$5 billion in a fence\n```\n\n    $6 billion indented code\n\n"
        "<div>\n$7 billion in an HTML block\n</div>\n\n"
        "[a link](https://example.com/$8billion) and ![img](x.png)\n"
    )
    assert checker.check_text(text) == []


def test_suppression_next_line_and_block(checker):
    text = (
        "<!-- writer: disable-next-line F001 -->\nA bare $1 million.\n\n"
        "A bare $2 million.\n\n"
        "<!-- writer: disable F001 -->\n\nA bare $3 million.\n\n<!-- writer: enable F001 -->\n\n"
        "A bare $4 million.\n\n"
        "<!-- writer: disable-next-line P001 -->\nA bare $5 million.\n"
    )
    got = [f.figure for f in checker.check_text(text)]
    assert got == ["$2 million", "$4 million", "$5 million"]


def test_bad_front_matter_is_an_input_error_with_line():
    with pytest.raises(InputError) as exc:
        read_article("---\nfacts: [unclosed\n---\nText.\n", "a.md")
    p = exc.value.problems[0]
    assert p.path == "a.md" and p.line >= 2 and "front matter" in p.message


def test_unclosed_front_matter():
    with pytest.raises(InputError) as exc:
        read_article("---\nfacts: x.yaml\nText.\n", "a.md")
    assert "never closed" in exc.value.problems[0].message


def test_headline_and_lede_roles():
    a = read_article("# Head\n\nLede para.\n\n## Section\n\nBody.\n")
    assert [b.role for b in a.blocks] == ["headline", "lede", "body", "body"]
