"""The site index in pages: index.html, index-2.html, ... each listing INDEX_PAGE_SIZE articles.

The page size is made small here (the build renders site files in its own
process) so a dozen events give three pages.
"""

from __future__ import annotations

import json
import re

import pytest

from test_batch_support import make_factbase, move_price_level, tree
from writer.publish import BatchOptions, SiteSettings, build_site, sitefiles
from writer.publish.manifest import Manifest, is_site_file
from writer.publish.pages import newest_first

N, SIZE = 12, 5
LISTED = re.compile(r'<h2><a href="([^"]+)/">')


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(sitefiles, "INDEX_PAGE_SIZE", SIZE)


@pytest.fixture
def built(tmp_path, small_pages):
    make_factbase(tmp_path / "fb", N)
    report = build_site(tmp_path / "fb" / "events", BatchOptions(out=tmp_path / "site", jobs=1))
    assert report.rejected == []
    return tmp_path


def pages_of(site) -> list[str]:
    return sorted((p.name for p in site.glob("index*.html")), key=lambda n: int(re.sub(r"\D", "", n) or 1))


def test_index_is_split_into_linked_pages_listing_every_article_once_newest_first(built):
    site = built / "site"
    assert pages_of(site) == ["index.html", "index-2.html", "index-3.html"]
    listed, html = [], {}
    for name in pages_of(site):
        html[name] = (site / name).read_text(encoding="utf-8")
        on_page = LISTED.findall(html[name])
        assert 1 <= len(on_page) <= SIZE
        listed += on_page
    manifest = json.loads((site / ".writer" / "manifest.json").read_text())
    assert sorted(listed) == sorted(manifest["events"]) and len(listed) == N
    # One order across the pages: the site's newest-first order, cut into pages.
    assert listed == [e.id for e in newest_first(Manifest.read(site / ".writer" / "manifest.json").entries.values())]
    # Neighbours are linked both ways, and every page names the total and its place.
    assert 'rel="next" href="index-2.html"' in html["index.html"] and 'rel="prev"' not in html["index.html"]
    assert 'rel="prev" href="./"' in html["index-2.html"] and 'rel="next" href="index-3.html"' in html["index-2.html"]
    assert 'rel="prev" href="index-2.html"' in html["index-3.html"] and 'rel="next"' not in html["index-3.html"]
    assert all(f"{N} reports" in h and f"page {i} of 3" in h for i, h in enumerate(html.values(), 1))
    # The manifest owns each page (a later run may replace or delete them).
    assert set(pages_of(site)) <= set(manifest["site"])


def test_pages_are_deterministic_and_the_feed_does_not_depend_on_them(built, monkeypatch):
    again = built / "again"
    build_site(built / "fb" / "events", BatchOptions(out=again, jobs=2))
    assert tree(again) == tree(built / "site")
    monkeypatch.setattr(sitefiles, "INDEX_PAGE_SIZE", 1000)
    one_page = built / "one"
    build_site(built / "fb" / "events", BatchOptions(out=one_page, jobs=1))
    assert pages_of(one_page) == ["index.html"]
    assert (one_page / "feed.xml").read_bytes() == (built / "site" / "feed.xml").read_bytes()
    assert sorted(LISTED.findall((one_page / "index.html").read_text())) == sorted(
        e for name in pages_of(built / "site") for e in LISTED.findall((built / "site" / name).read_text()))


def test_a_page_no_longer_needed_is_deleted_with_its_manifest_line(built):
    events = sorted((built / "fb" / "events").glob("*.yaml"))
    for path in events[: N - SIZE - 1]:  # leave SIZE + 1 events: two pages
        path.unlink()
    report = build_site(built / "fb" / "events", BatchOptions(out=built / "site", jobs=1))
    assert report.rejected == [] and len(report.removed) == N - SIZE - 1
    assert pages_of(built / "site") == ["index.html", "index-2.html"]
    manifest = Manifest.read(built / "site" / ".writer" / "manifest.json")
    assert "index-3.html" not in manifest.site_files and "index-2.html" in manifest.site_files
    assert 'rel="next"' not in (built / "site" / "index-2.html").read_text()


def test_one_changed_event_rewrites_only_the_page_that_lists_it(built):
    import yaml

    site = built / "site"
    before = tree(site)
    event_id = LISTED.findall((site / "index-3.html").read_text())[0]
    source = built / "fb" / "events" / f"{event_id}.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    for fact in data["facts"]:  # a larger total and long side: the lede's figure changes, the date does not
        if fact["id"] in ("total_24h", "long_24h"):
            for obs in fact["observations"]:
                obs["value"] += 100_000_000
    source.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    report = build_site(built / "fb" / "events", BatchOptions(out=site, jobs=1))
    assert report.published == [event_id] and report.rejected == []
    after = tree(site)
    assert after["index-3.html"] != before["index-3.html"]  # its summary changed
    assert after["index.html"] == before["index.html"] and after["index-2.html"] == before["index-2.html"]
    assert {n for n in report.site_written if n.startswith("index")} == {"index-3.html"}


@pytest.mark.parametrize("name, ok", [("index-2.html", True), ("index-120.html", True), ("index-0.html", False), ("index-02.html", False),
                                      ("index-.html", False), ("index-2.htm", False), ("feed.xml", True), ("other.html", False)])
def test_only_writer_s_own_page_names_are_site_files(name, ok):
    assert is_site_file(name) is ok


def test_settings_without_pages_render_one_page(small_pages):
    assert sitefiles.site_file_names(SiteSettings(), 0) == ("index.html", "feed.xml")
    assert sitefiles.site_file_names(SiteSettings(), SIZE + 1) == ("index.html", "index-2.html", "feed.xml")
    assert sitefiles.index_page_count(SIZE * 3) == 3


def _full_render(site):
    """Every site file rendered afresh from the manifest on disk (no page kept from an earlier run)."""
    from writer.publish.pages import SitePages

    manifest = Manifest.read(site / ".writer" / "manifest.json")
    return sitefiles.render_site_files([site], manifest.entries.values(), SitePages(SiteSettings(**manifest.settings)))


@pytest.mark.parametrize("move", [False, True])
def test_site_files_kept_from_the_last_run_equal_a_full_render(built, move):
    """A re-run renders only the index pages (and feed) whose articles changed; the files it keeps must be
    exactly what rendering them all would give, also when an article moves to another page."""
    site = built / "site"
    event_id = LISTED.findall((site / "index-3.html").read_text())[0]
    source = built / "fb" / "events" / f"{event_id}.yaml"
    text = source.read_text(encoding="utf-8")
    if move:  # every time in the file a year and a half later: the newest article, listed first on page 1
        day = re.search(r"as_of: '(\d{4})-", text).group(1)
        text = text.replace(f"'{day}-", f"'{int(day) + 2}-")
    source.write_text(text, encoding="utf-8")
    move_price_level(source)
    report = build_site(built / "fb" / "events", BatchOptions(out=site, jobs=1))
    assert report.published == [event_id] and report.rejected == []
    written = {n for n in report.site_written if n.startswith("index")}
    assert written == ({"index.html", "index-2.html", "index-3.html"} if move else {"index-3.html"})
    fresh = _full_render(site)
    assert set(fresh) == {n for n in tree(site) if is_site_file(n)}
    for name, data in fresh.items():
        assert (site / name).read_bytes() == data, name


def _replaced(entries, event_id, **changes):
    """``entries`` (a manifest's Entries) with the entry of ``event_id`` replaced by a copy with ``changes``."""
    from dataclasses import replace

    from writer.publish.manifest import Entries

    items = {k: entries.item(k) for k in entries}
    items[event_id] = replace(entries[event_id], **changes)
    return Entries(items)


def test_site_files_unchanged_in_place_agree_with_comparing_the_orders(built):
    """The quick path (same events, same publication times: only the files listing a replaced entry can differ)
    gives what comparing the two orders place by place gives, for each kind of change."""
    from writer import __version__

    before = Manifest.read(built / "site" / ".writer" / "manifest.json", __version__).entries
    order = [b.id for b in newest_first(before.briefs())]
    settings = SiteSettings(feed_size=3, base_url="https://example.org/")
    newest, middle = order[0], order[SIZE + 1]
    cases = [
        _replaced(before, middle, summary="Another lede."),  # its page (index-2.html) only
        _replaced(before, newest, files={**before[newest].files}),  # equal entry, not the same object: nothing
        _replaced(before, newest, files={k: "0" * 64 for k in before[newest].files}),  # in the feed: its page hash changed
        _replaced(before, middle, modified="2031-01-01T00:00:00+00:00"),  # page (dates shown) and sitemap
        _replaced(before, order[-1], title="Another title"),  # the last page
        before,  # nothing replaced
    ]
    answers = []
    for after in cases:
        replaced = after.replaced_since(before)
        assert len(replaced) <= 1
        fast = sitefiles._unchanged_in_place(before, after, replaced, settings)
        assert fast == sitefiles._unchanged_by_order(before, after, settings)
        assert fast == sitefiles.unchanged_site_files(before, after, settings)
        answers.append(fast)
    every = set(sitefiles.site_file_names(settings, N))
    assert [every - a for a in answers] == [{"index-2.html"}, set(), {"feed.xml"}, {"index-2.html", "sitemap.xml"}, {"index-3.html"}, set()]
