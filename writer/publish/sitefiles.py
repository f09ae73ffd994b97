"""The files that describe the whole site: index page, Atom feed and (with a base URL) sitemap.

They are built from the manifest's entries alone, never by re-drafting: the feed
takes each article's content from its published page (between the markers the
article template puts around the body), so rebuilding them after one changed
article reads a few dozen pages, not 10,000 fact files.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from writer.publish.feed import atom_feed
from writer.publish.pages import SitePages, article_content, newest_first
from writer.publish.safety import inside, unsafe_id_reason
from writer.publish.settings import SiteSettings
from writer.publish.sitemap import SITEMAP_NAME, sitemap

INDEX_NAME, FEED_NAME = "index.html", "feed.xml"


def site_file_names(settings: SiteSettings) -> tuple[str, ...]:
    """The site files a build with ``settings`` writes (a sitemap needs absolute URLs: only with a base URL)."""
    return (INDEX_NAME, FEED_NAME, SITEMAP_NAME) if settings.base_url else (INDEX_NAME, FEED_NAME)


def render_site_files(roots: Sequence[Path], entries, pages: SitePages) -> dict[str, bytes]:
    """Name -> bytes of every site file, for the manifest's ``entries``; article pages are read from the
    first of ``roots`` that holds them (a build's stage, then the site)."""
    settings = pages.settings
    ordered = newest_first(entries)
    files = {
        INDEX_NAME: pages.index(ordered).encode("utf-8"),
        FEED_NAME: atom_feed(ordered, settings, content=lambda e: published_content(roots, e.id)),
    }
    if settings.base_url:
        files[SITEMAP_NAME] = sitemap(ordered, settings)
    return files


def published_content(roots: Sequence[Path], event_id: str) -> str | None:
    """The body of the article page of ``event_id`` (None when no root holds a readable page with the markers)."""
    if unsafe_id_reason(event_id):
        return None
    for root in roots:
        try:
            page = inside(Path(root), f"{event_id}/index.html").read_text(encoding="utf-8")
        except (OSError, ValueError, UnicodeDecodeError):
            continue
        return article_content(page)
    return None
