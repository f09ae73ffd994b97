"""The files that describe the whole site: index pages, Atom feed and (with a base URL) sitemap.

The index lists INDEX_PAGE_SIZE articles a page, newest first: ``index.html``,
then ``index-2.html``, ``index-3.html``... beside it (flat, so every link on
every page is the same relative link), each linking to its neighbours. At
10,000 articles one index page was 3.8 MB, too much for a reader's first page.

They are built from the manifest's entries alone, never by re-drafting: the feed
takes each article's content from its published page (between the markers the
article template puts around the body), so rebuilding them after one changed
article reads a few dozen pages, not 10,000 fact files.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from writer.publish.manifest import PAGE_NAME, Entries, event_file, newest_first
from writer.publish.safety import inside, unsafe_id_reason
from writer.publish.settings import SiteSettings

INDEX_NAME, FEED_NAME, SITEMAP_NAME = "index.html", "feed.xml", "sitemap.xml"
# Articles per index page: about 40 KB of HTML (a headline, a date line and a lede each),
# a page a phone loads at once; 10,000 articles make 100 pages.
INDEX_PAGE_SIZE = 100


def index_page_name(number: int) -> str:
    """The file of index page ``number`` (1-based): the first is index.html."""
    return INDEX_NAME if number == 1 else f"index-{number}.html"


def index_page_count(articles: int) -> int:
    """Pages the index needs for ``articles`` (one page, empty, for none)."""
    return max(1, -(-articles // INDEX_PAGE_SIZE))


def site_file_names(settings: SiteSettings, articles: int) -> tuple[str, ...]:
    """The site files a build with ``settings`` writes for ``articles`` articles (a sitemap needs absolute URLs: only with a base URL)."""
    pages = tuple(index_page_name(n) for n in range(1, index_page_count(articles) + 1))
    return (*pages, FEED_NAME, SITEMAP_NAME) if settings.base_url else (*pages, FEED_NAME)


def render_site_files(roots: Sequence[Path], entries, pages, keep: Collection[str] = ()) -> dict[str, bytes]:
    """Name -> bytes of every site file, for the manifest's ``entries`` (its Entries, or any entries); article
    pages are read from the first of ``roots`` that holds them (a build's stage, then the site). Files named
    in ``keep`` are not rendered (the caller knows their bytes would not change: :func:`unchanged_site_files`),
    and the entries they alone list are never built. ``pages``: a writer.publish.pages.SitePages."""
    from writer.publish.pages import IndexPage

    entries = as_entries(entries)
    settings = pages.settings
    ordered = newest_first(entries.briefs())
    count = index_page_count(len(ordered))
    hrefs = ("./", *(index_page_name(n) for n in range(2, count + 1)))
    files = {
        index_page_name(n): pages.index([entries[b.id] for b in ordered[(n - 1) * INDEX_PAGE_SIZE:n * INDEX_PAGE_SIZE]],
                                        IndexPage(n, len(ordered), hrefs)).encode("utf-8")
        for n in range(1, count + 1) if index_page_name(n) not in keep
    }
    # The feed and the sitemap (and xml.etree) imported only when one is written: a re-run that changes one
    # article on a later index page writes neither.
    if FEED_NAME not in keep:
        from writer.publish.feed import atom_feed

        newest = [entries[b.id] for b in ordered[:settings.feed_size]]
        files[FEED_NAME] = atom_feed(newest, settings, content=lambda e: published_content(roots, e.id))
    if settings.base_url and SITEMAP_NAME not in keep:
        from writer.publish.sitemap import sitemap

        files[SITEMAP_NAME] = sitemap(ordered, settings)  # ids and dates: the briefs hold them
    return files


def as_entries(entries) -> Entries:
    """``entries`` as an Entries mapping (a manifest's, or one made of any entries)."""
    return entries if isinstance(entries, Entries) else Entries({e.id: e for e in entries})


def unchanged_site_files(before, after, settings: SiteSettings) -> set[str]:
    """The site files whose bytes cannot differ between the entries ``before`` and ``after`` (rendered with the
    same settings and templates, which the caller checks): every index page listing the same articles with
    the same titles, summaries and dates, out of the same total; the feed, when its newest entries are the
    same (their pages too: an entry holds its files' hashes); the sitemap, when every id and date is. An
    entry carried unchanged from ``before`` to ``after`` is the same without being built."""
    before, after = as_entries(before), as_entries(after)
    replaced = after.replaced_since(before)
    if before.keys() == after.keys() and all(before.brief(i).published == after.brief(i).published for i in replaced):
        return _unchanged_in_place(before, after, replaced, settings)
    return _unchanged_by_order(before, after, settings)


def _unchanged_in_place(before: Entries, after: Entries, replaced: list[str], settings: SiteSettings) -> set[str]:
    """``unchanged_site_files`` when both hold the same events with the same publication times: every article keeps
    its place in the order, so only the files listing a replaced entry can differ (a re-run of one event of 10,000
    looks at that one, where comparing the two orders entry by entry took 30-45 CPU-ms)."""
    names = {index_page_name(n) for n in range(1, index_page_count(len(before)) + 1)} | {FEED_NAME, SITEMAP_NAME}
    at = {b.id: n for n, b in enumerate(newest_first(before.briefs()))} if replaced else {}  # places in the order
    for event_id in replaced:
        old, new = before[event_id], after[event_id]
        if _listed(old) != _listed(new):
            names.discard(index_page_name(at[event_id] // INDEX_PAGE_SIZE + 1))
        if at[event_id] < settings.feed_size and old != new:
            names.discard(FEED_NAME)
        if old.modified != new.modified:
            names.discard(SITEMAP_NAME)
    return names


def _unchanged_by_order(before: Entries, after: Entries, settings: SiteSettings) -> set[str]:
    """``unchanged_site_files`` for any two sets of entries: both ordered newest first and compared place by place."""
    old, new = newest_first(before.briefs()), newest_first(after.briefs())

    def alike(a, b, view) -> bool:
        return a.id == b.id and (after.same(b.id, before) or view(before[a.id]) == view(after[b.id]))

    same = set()
    if len(old) == len(new):
        for n in range(1, index_page_count(len(new)) + 1):
            cut = slice((n - 1) * INDEX_PAGE_SIZE, n * INDEX_PAGE_SIZE)
            if all(alike(a, b, _listed) for a, b in zip(old[cut], new[cut])):
                same.add(index_page_name(n))
    feed_old, feed_new = old[: settings.feed_size], new[: settings.feed_size]
    if len(feed_old) == len(feed_new) and all(alike(a, b, lambda e: e) for a, b in zip(feed_old, feed_new)):
        same.add(FEED_NAME)
    if [(e.id, e.modified) for e in old] == [(e.id, e.modified) for e in new]:
        same.add(SITEMAP_NAME)
    return same


def _listed(entry) -> tuple:
    """What an index page shows of an entry (SitePages.index)."""
    return entry.id, entry.title, entry.summary, entry.published, entry.modified


def published_content(roots: Sequence[Path], event_id: str) -> str | None:
    """The body of the article page of ``event_id`` (None when no root holds a readable page with the markers)."""
    from writer.publish.pages import article_content

    if unsafe_id_reason(event_id):
        return None
    for root in roots:
        try:
            page = inside(Path(root), event_file(event_id, PAGE_NAME)).read_text(encoding="utf-8")
        except (OSError, ValueError, UnicodeDecodeError):
            continue
        return article_content(page)
    return None
