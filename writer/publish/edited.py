"""Edited articles: the Markdown an editor changed by hand, published instead of the machine draft.

An edited article lives in the articles folder (``writer batch --articles DIR``,
by default ``articles/`` beside the fact base), starts from
``writer draft EVENT -o DIR/ID.md``, and names its fact file in front matter
``facts:`` (relative to the article). That link, not the file name, decides
which event it is the article for. It is checked against the current facts on
every run whose inputs changed; publishing renders it with the site's article
page template, exactly as a draft's body would be.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path


from writer import __version__
from writer.errors import InputError, single_problem
from writer.publish.claimmap import claim_map_json

ARTICLES_DIR_NAME = "articles"  # the default articles folder, beside the fact base
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def default_articles_dir(factbase: Path) -> Path:
    """``articles/`` beside the fact base folder (beside the folder of a single fact file)."""
    folder = factbase if factbase.is_dir() else factbase.parent
    return folder.resolve().parent / ARTICLES_DIR_NAME


@dataclass(frozen=True)
class Found:
    """Edited articles by the real path of the fact file they name, and the files that could not be read."""

    by_fact_file: dict[str, Path]
    problems: list[tuple[Path, InputError]]
    duplicates: list[tuple[Path, Path]]  # (ignored article, the article kept for that event)


def find_articles(folder: Path | None) -> Found:
    """Every ``*.md`` under ``folder`` whose front matter names a fact file (others are not edits and are left alone)."""
    by_fact: dict[str, Path] = {}
    problems: list[tuple[Path, InputError]] = []
    duplicates: list[tuple[Path, Path]] = []
    if folder is None or not folder.is_dir():
        return Found(by_fact, problems, duplicates)
    # The check's readers only when there are articles (they import most of the check).
    from writer.check.checker import read_article_text
    from writer.check.document import split_front_matter

    for path in sorted(folder.rglob("*.md")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        try:
            front, _ = split_front_matter(read_article_text(path), str(path))
        except InputError as exc:
            problems.append((path, exc))
            continue
        except (RecursionError, ValueError, OverflowError) as exc:  # a YAML library's own limits, whatever its wording
            problems.append((path, single_problem(path, f"front matter cannot be read: {type(exc).__name__}", line=1, column=1, field="front matter")))
            continue
        facts = front.get("facts")
        if not facts:
            continue
        if not isinstance(facts, str):
            problems.append((path, single_problem(path, "front matter 'facts' must be the path of a fact file", line=2, column=1, field="facts")))
            continue
        key = os.path.realpath(path.parent / facts)
        if key in by_fact:
            duplicates.append((path, by_fact[key]))
            continue
        by_fact[key] = path
    return Found(by_fact, problems, duplicates)


@dataclass(frozen=True)
class Rendered:
    title: str
    body_html: str  # the article's HTML alone (the site's page template puts it in a page)
    claims_json: str
    summary: str


def render_edited(text: str, path: str, event, trace: list[dict]) -> Rendered:
    """The edited article's HTML and its claim map (the check's links)."""
    from markdown_it import MarkdownIt

    from writer.check.document import split_front_matter

    _, body = split_front_matter(text, path)
    md = MarkdownIt("commonmark", {"html": False})  # an editor's raw HTML is shown as text, never run
    tokens = md.parse(body)
    title = _first_inline(tokens, "heading_open", "h1")
    if not title:
        line = next((i for i, ln in enumerate(text.split("\n"), 1) if ln.strip() and ln.strip() != "---"), 1)
        raise single_problem(path, "an edited article needs a title: a first-level heading ('# ...')", line=line, column=1)
    paragraph = _first_inline(tokens, "paragraph_open", None)
    summary = _SENTENCE_END.split(paragraph, 1)[0] if paragraph else ""
    claims = {"event": event.id, "title": title, "edited": True, "writer": __version__,
              "figures": [{k: fig[k] for k in ("line", "column", "figure", "support", "status")} for fig in trace if fig.get("support")]}
    return Rendered(title, md.render(body), claim_map_json(claims), summary)


def _first_inline(tokens, opener: str, tag: str | None) -> str:
    for i, tok in enumerate(tokens):
        if tok.type == opener and (tag is None or tok.tag == tag) and i + 1 < len(tokens):
            inline = tokens[i + 1]
            words = (" " if child.type in ("softbreak", "hardbreak") else child.content for child in (inline.children or [])
                     if child.type in ("text", "code_inline", "softbreak", "hardbreak"))
            return "".join(words).strip()
    return ""
