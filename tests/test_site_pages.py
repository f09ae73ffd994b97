"""Pages a reader can trust: dates in words in the desk's time zone, byline, links back,
the legend of provenance marks, linked sources, corrections, meta description and
OpenGraph, a sitemap, feed entries with the article, template overrides, and a
base URL that must be an absolute http(s) URL.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

from test_batch_support import make_factbase, tree
from writer.cli import main
from writer.publish import BatchOptions, SiteSettings, build_site
from writer.publish.manifest import Correction
from writer.publish.pages import CONTENT_START, SitePages, article_content, indented_json
from writer.publish.settings import check_base_url

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ROOT = Path(__file__).resolve().parents[1]
BASE = "https://news.example.com/markets/"
SETTINGS = SiteSettings(desk="Asia <desk> & co", base_url=BASE, timezone="Asia/Hong_Kong")


class _Page(HTMLParser):
    """The parts of a page these tests read: meta tags, links, <time> elements and their text."""

    def __init__(self, html: str):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: list[dict] = []
        self.times: list[tuple[str, str]] = []
        self._time: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and "content" in a:
            self.meta[a.get("name") or a.get("property")] = a["content"]
        elif tag in ("a", "link"):
            self.links.append(a)
        elif tag == "time":
            self._time = a["datetime"]
            self.times.append((a["datetime"], ""))

    def handle_data(self, data):
        if self._time is not None:
            self.times[-1] = (self._time, self.times[-1][1] + data)

    def handle_endtag(self, tag):
        if tag == "time":
            self._time = None

    def hrefs(self) -> set[str]:
        return {a["href"] for a in self.links if "href" in a}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    make_factbase(root / "fb", 4)
    report = build_site(root / "fb" / "events", BatchOptions(out=root / "out", jobs=1, settings=SETTINGS))
    assert report.rejected == [] and len(report.published) == 4
    return root


def _json_ld(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


# --- dates and times in words ---------------------------------------------------------


@pytest.mark.parametrize(("zone", "iso", "words"), [
    ("UTC", "2026-12-03T22:05:00+08:00", "3 December 2026, 14:05 UTC"),
    ("Asia/Hong_Kong", "2026-12-03T14:05:00+00:00", "3 December 2026, 22:05 UTC+8"),
    ("Asia/Kolkata", "2026-12-03T14:05:00+00:00", "3 December 2026, 19:35 UTC+5:30"),
    ("America/New_York", "2026-12-03T14:05:00+00:00", "3 December 2026, 09:05 EST"),
    ("America/New_York", "2026-07-01T02:30:00+00:00", "30 June 2026, 22:30 EDT"),
    ("Europe/London", "2026-07-01T12:00:00+00:00", "1 July 2026, 13:00 UTC+1"),
])
def test_dates_are_words_in_the_desks_time_zone(zone, iso, words):
    pages = SitePages(SiteSettings(timezone=zone))
    assert pages.when(iso) == words
    assert pages.day(iso) == words.split(",")[0]


def test_pages_show_dates_in_words_with_the_machine_date_beside_them(site):
    html = next((site / "out").glob("*/index.html")).read_text()
    data = _json_ld(html)
    page = _Page(html)
    published = [text for iso, text in page.times if iso == data["datePublished"]]
    assert published == [SitePages(SETTINGS).when(data["datePublished"])]
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d UTC\+8", published[0])
    index = _Page((site / "out" / "index.html").read_text())
    assert index.times and all(re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d UTC\+8", t) for _, t in index.times)
    assert "+00:00" not in "".join(t for _, t in index.times)


# --- the article page -------------------------------------------------------------------


def test_article_page_has_byline_links_back_meta_description_and_opengraph(site):
    for path in sorted((site / "out").glob("*/index.html")):
        html = path.read_text()
        data = _json_ld(html)
        page = _Page(html)
        event_id = path.parent.name
        assert "By Asia &lt;desk&gt; &amp; co" in html and "<desk>" not in html
        assert {"../", "../feed.xml", f"{event_id}.json", f"{event_id}.md"} <= page.hrefs()
        assert page.meta["description"] == data["description"] and len(data["description"]) > 20
        assert page.meta["og:title"] == data["headline"]
        assert page.meta["og:type"] == "article"
        assert page.meta["og:description"] == data["description"]
        assert page.meta["og:url"] == f"{BASE}{event_id}/" == data["url"]
        assert {"rel": "canonical", "href": f"{BASE}{event_id}/"} in page.links
        assert page.meta["article:published_time"] == data["datePublished"]
        assert page.meta["article:modified_time"] == data["dateModified"]


def test_sources_are_linked_to_their_registry_url_and_only_web_urls_become_links():
    html = SitePages(SiteSettings()).article(
        event_id="e", headline="H", body_html="<h1>H</h1>\n<p>Body.</p>", description="D",
        published="2026-12-01T09:00:00+00:00", modified="2026-12-01T09:00:00+00:00",
        sources=[{"name": "CoinGlass", "identifier": "coinglass", "url": "https://www.coinglass.com"},
                 {"name": "Evil", "identifier": "evil", "url": "javascript:alert(1)"},
                 {"name": "<Unlinked>", "identifier": "plain"}])
    sources = html[html.index('<section class="sources"'):]
    assert '<a href="https://www.coinglass.com" rel="external">CoinGlass</a>' in sources
    assert "javascript:" not in html and "<li>Evil</li>" in sources
    assert "<li>&lt;Unlinked&gt;</li>" in sources
    assert [c.get("url") for c in _json_ld(html)["citation"]] == ["https://www.coinglass.com", None, None]


def test_the_legend_lists_exactly_the_statuses_marked_on_the_page_in_legend_order():
    pages = SitePages(SiteSettings())
    body = ('<h1>Total at <span class="figure" data-fact="t" data-status="single_source">$1 million</span></h1>\n'
            '<p><span class="gap" data-fact="g" data-status="unavailable">No figure.</span> '
            '<span class="figure" data-fact="r" data-status="rumor">$7 billion</span> '
            '<span class="attribution" data-status="estimate">by an estimate</span> '
            '<span class="figure" data-fact="s" data-status="derived_single_source">91%</span></p>')
    legend = pages.legend_for(body)
    assert [i.status for i in legend] == ["single_source", "derived_single_source", "rumor", "unavailable"]
    assert [i.mark for i in legend] == ["S", "CS", "R", "N"]
    html = pages.article(event_id="e", headline="Total", body_html=body, description="D", published="2026-12-01T09:00:00+00:00",
                         modified="2026-12-01T09:00:00+00:00", sources=[])
    shown = re.findall(r'<span class="mark" data-mark="([a-z_]+)">', html)
    assert shown == [i.status for i in legend]
    # The headline keeps its figure (and mark) and sits above the byline; the body follows without it.
    assert html.index("<h1>Total at <span class=\"figure\"") < html.index('class="byline"') < html.index(CONTENT_START)
    assert "<h1>" not in article_content(html)


def test_every_provenance_status_has_its_own_mark_in_the_bundled_legend():
    from writer.factbase.vocabulary import Status

    legend = SitePages(SiteSettings()).legend
    assert set(legend) == {s.value for s in Status}
    assert len({i.mark for i in legend.values()}) == len(legend)


def test_corrections_are_dated_notes_in_the_page_and_in_the_json_ld():
    pages = SitePages(SiteSettings(timezone="Asia/Hong_Kong"))
    fixes = [Correction("2026-12-03T14:05:00+00:00", "total_24h", "the 24-hour total", "about $1.45 billion", "$1.52 billion", "after CoinGlass revised its data")]
    html = pages.article(event_id="e", headline="H", body_html="<p>B</p>", description="D", published="2026-12-01T09:00:00+00:00",
                         modified="2026-12-03T14:05:00+00:00", sources=[], corrections=fixes)
    note = re.search(r'<section class="corrections".*?</section>', html, re.S).group(0)
    text = "the 24-hour total was revised from about $1.45 billion to $1.52 billion, after CoinGlass revised its data."
    assert ('<li class="correction" data-date="2026-12-03T14:05:00+00:00">Updated <time datetime="2026-12-03T14:05:00+00:00">'
            f"3 December 2026, 22:05 UTC+8</time>: {text}</li>") in note
    data = _json_ld(html)
    assert data["dateModified"] == "2026-12-03T14:05:00+00:00"
    assert data["correction"] == [{"@type": "CorrectionComment", "datePublished": "2026-12-03T14:05:00+00:00",
                                   "text": f"Updated 3 December 2026, 22:05 UTC+8: {text}"}]
    assert 'class="modified" datetime="2026-12-03T14:05:00+00:00"' in html

    plain = pages.article(event_id="e", headline="H", body_html="<p>B</p>", description="D", published="2026-12-01T09:00:00+00:00",
                          modified="2026-12-01T09:00:00+00:00", sources=[])
    assert '<section class="corrections"' not in plain and "Updated" not in plain and "correction" not in _json_ld(plain)


# --- site files -------------------------------------------------------------------------


def test_sitemap_lists_every_article_with_its_last_modification(site):
    manifest = json.loads((site / "out" / ".writer" / "manifest.json").read_text())
    root = ET.fromstring((site / "out" / "sitemap.xml").read_bytes())
    urls = {u.find(f"{SITEMAP}loc").text: u.find(f"{SITEMAP}lastmod").text for u in root.findall(f"{SITEMAP}url")}
    expected = {f"{BASE}{event_id}/": entry["modified"] for event_id, entry in manifest["events"].items()}
    assert {k: v for k, v in urls.items() if k != BASE} == expected
    assert urls[BASE] == max(expected.values(), key=datetime.fromisoformat)
    assert "sitemap.xml" in manifest["site"]


def test_no_sitemap_without_a_base_url_and_dropping_the_base_url_removes_it(site, tmp_path):
    shutil.copytree(site / "fb", tmp_path / "fb")
    shutil.copytree(site / "out", tmp_path / "out")
    report = build_site(tmp_path / "fb" / "events", BatchOptions(out=tmp_path / "out", jobs=1))
    assert report.rejected == [] and len(report.published) == 4  # the settings changed: every page is rebuilt
    assert not (tmp_path / "out" / "sitemap.xml").exists()
    manifest = json.loads((tmp_path / "out" / ".writer" / "manifest.json").read_text())
    assert "sitemap.xml" not in manifest["site"]
    html = next((tmp_path / "out").glob("*/index.html")).read_text()
    assert 'rel="canonical"' not in html and "og:url" not in html


def test_feed_entries_carry_the_article_body(site):
    root = ET.fromstring((site / "out" / "feed.xml").read_bytes())
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 4
    for e in entries:
        href = e.find(f"{ATOM}link").get("href")
        content = e.find(f"{ATOM}content")
        assert content.get("type") == "html"
        page = (site / "out" / href / "index.html").read_text()
        assert content.text == article_content(page)
        assert '<span class="figure"' in content.text and "<p>" in content.text
        assert "site-header" not in content.text and "<h1>" not in content.text


def test_site_files_are_byte_identical_across_builds(site, tmp_path):
    shutil.copytree(site / "fb", tmp_path / "fb")  # the same relative paths: the Markdown names its fact file relatively
    build_site(tmp_path / "fb" / "events", BatchOptions(out=tmp_path / "out", jobs=2, settings=SETTINGS))
    assert tree(tmp_path / "out") == tree(site / "out")


# --- templates ---------------------------------------------------------------------------


def test_templates_override_the_index_and_the_article_legend(site, tmp_path):
    custom = tmp_path / "templates" / "site"
    custom.mkdir(parents=True)
    (custom / "index.html.j2").write_text(
        "<!DOCTYPE html><html lang=\"{{ site.lang }}\"><head><title>{{ site.title }}</title></head><body>"
        "<h1>Desk front page</h1>{% for e in entries %}<p><a href=\"{{ e.href }}\">{{ e.title }}</a> {{ e.published|day }}</p>{% endfor %}"
        "</body></html>\n", encoding="utf-8")
    legend = (ROOT / "templates" / "site" / "legend.yaml").read_text()
    (custom / "legend.yaml").write_text(legend.replace('mark: "S"', 'mark: "1"'), encoding="utf-8")
    out = tmp_path / "out"
    shutil.copytree(site / "out", out)
    report = build_site(site / "fb" / "events", BatchOptions(out=out, jobs=1, settings=SETTINGS, templates_dir=tmp_path / "templates"))
    assert sorted(report.published) == sorted(json.loads((site / "out" / ".writer" / "manifest.json").read_text())["events"]), "a template change rebuilds every page"
    index = (out / "index.html").read_text()
    assert "<h1>Desk front page</h1>" in index and index.count("<p><a href=") == 4
    article = next(out.glob("*/index.html")).read_text()
    assert '::after { content: "1"; }' in article
    assert '<span class="mark" data-mark="single_source">1</span>' in article


def test_bundled_page_templates_run_without_the_sandbox_and_give_the_sandboxes_bytes(site, tmp_path):
    from writer.publish.manifest import Manifest
    from writer.publish.pages import IndexPage

    shutil.copytree(ROOT / "templates" / "site", tmp_path / "templates" / "site")  # an editor's folder: the sandbox
    plain, boxed = SitePages(SETTINGS), SitePages(SETTINGS, [tmp_path / "templates"])
    assert not plain.sandboxed and boxed.sandboxed and plain.digest == boxed.digest
    entries = list(Manifest.read(site / "out" / ".writer" / "manifest.json").entries.values())
    fixes = (Correction("2026-12-03T14:05:00+00:00", "total_24h", "the 24-hour total", "about $1.45 billion", "$1.52 <billion>", "CoinGlass & co revised"),)
    sources = [{"name": "Coin<Glass>", "identifier": "coinglass", "url": "https://www.coinglass.com/?a=1&b=2"}, {"name": "Desk \"notes\""}]
    for e in entries:
        body = article_content((site / "out" / e.id / "index.html").read_text(encoding="utf-8"))
        for corrections in ((), fixes):
            kw = dict(event_id=e.id, headline=e.title, body_html=body, description=e.summary, published=e.published, modified=e.modified,
                      sources=sources, corrections=corrections)
            assert plain.article(**kw) == boxed.article(**kw)
    assert plain.index(entries, IndexPage(1, len(entries))) == boxed.index(entries, IndexPage(1, len(entries)))
    # The sandbox is really there for an editor's templates: reading a private attribute is refused.
    with pytest.raises(Exception, match="__class__|unsafe"):
        boxed.env.from_string("{{ site.__class__.__mro__ }}").render(site=SETTINGS)


def test_a_broken_site_template_stops_the_run_with_exit_2_before_writing(tmp_path):
    make_factbase(tmp_path / "fb", 2)
    (tmp_path / "t" / "site").mkdir(parents=True)
    (tmp_path / "t" / "site" / "article.html.j2").write_text("{% for x in %}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "fb" / "events"), "--out", str(tmp_path / "out"), "--templates", str(tmp_path / "t"), "-q"])
    assert result.exit_code == 2, result.output
    assert "article.html.j2" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists() or tree(tmp_path / "out") == {}


def test_a_legend_with_two_statuses_sharing_a_mark_is_refused(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "legend.yaml").write_text(
        "statuses:\n  rumor: {mark: R, label: Rumour, text: t}\n  estimate: {mark: R, label: Estimate, text: t}\n"
        "derived: {mark: C, label: computed, text: t}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="share a mark"):
        SitePages(SiteSettings(), [tmp_path])


# --- settings ----------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["news.example.com", "javascript:alert(1)", "ftp://news.example.com/", "https://", "//news.example.com/",
                                 "https://news.example.com/?page=1", "https://news.example.com/#top", "file:///var/www/"])
def test_a_base_url_that_is_not_an_absolute_http_url_exits_2_and_writes_nothing(url, tmp_path):
    make_factbase(tmp_path / "fb", 1)
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "fb" / "events"), "--out", str(tmp_path / "out"), "--base-url", url, "-q"])
    assert result.exit_code == 2, result.output
    assert "base URL" in result.output and "http" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("url", "root"), [("https://news.example.com", "https://news.example.com/"),
                                           ("http://localhost:8000/site", "http://localhost:8000/site/"),
                                           ("HTTPS://News.Example.com/markets/", "HTTPS://News.Example.com/markets/")])
def test_absolute_http_base_urls_are_accepted_as_folder_roots(url, root):
    assert check_base_url(url) == root
    assert SiteSettings(base_url=url).url("a/") == root + "a/"


def test_an_unknown_time_zone_exits_2(tmp_path):
    make_factbase(tmp_path / "fb", 1)
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "fb" / "events"), "--out", str(tmp_path / "out"), "--timezone", "Mars/Olympus", "-q"])
    assert result.exit_code == 2 and "time zone 'Mars/Olympus'" in result.output
    assert not (tmp_path / "out").exists()


_JSON_LEAVES = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_JSON_VALUES = st.recursive(_JSON_LEAVES, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4), max_leaves=30)
# what json.dumps reads but indented_json hands back to it: tuples, keys that are not str, subclasses of the leaves
_OTHER_VALUES = st.tuples(st.integers(), st.text()) | st.dictionaries(st.integers() | st.booleans() | st.none(), st.text(), max_size=3) \
    | st.builds(lambda v: {"nested": [v]}, st.tuples(st.text()))


@settings(max_examples=300, deadline=None)
@given(_JSON_VALUES | _OTHER_VALUES)
@example({"@context": "https://schema.org", "citation": [{"@type": "CreativeWork", "name": "Ün <b>&"}], "empty": {}, "none": []})
@example(float("nan"))
def test_indented_json_is_json_dumps_with_indent_one(value):
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=1)
