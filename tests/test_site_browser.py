"""A built site looked at in a real browser (headless Debian chromium, see tests/browser.py).

The bundled example fact base is published once, served over HTTP from a local
port (as a reader's browser would get it: ``../`` opens the index), and the
index and an article page are loaded: no console errors, no failed request, the
legend and every status mark visible, and the links back work. Screenshots are
saved as test artifacts (tests/artifacts/ or $WRITER_TEST_ARTIFACTS).
"""

from __future__ import annotations

import functools
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from writer.publish import BatchOptions, SiteSettings, build_site
from writer.publish.manifest import Correction
from writer.publish.pages import SitePages

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = SiteSettings(desk="Hong Kong markets desk", base_url="https://news.example.com/markets/", timezone="Asia/Hong_Kong")
WORDS_DATE = re.compile(r"^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}, \d\d:\d\d \S+$")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest's output clean
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The example fact base published with a desk time zone and base URL, served on 127.0.0.1."""
    out = tmp_path_factory.mktemp("browser") / "site"
    report = build_site(ROOT / "factbase" / "events", BatchOptions(out=out, jobs=1, settings=SETTINGS))
    assert report.rejected == [] and len(report.published) >= 3
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield out, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _most_marked_article(out: Path) -> str:
    """The article whose page uses the most different status marks."""
    def kinds(page: Path) -> int:
        return len(set(re.findall(r'class="(?:figure|gap)"[^>]*?data-status="([a-z_]+)"', page.read_text())))
    return max(sorted(out.glob("*/index.html")), key=kinds).parent.name


def _marks(page) -> list[dict]:
    """Every figure and gap on the page with its status, the mark drawn after it and whether it is visible."""
    return page.evaluate("""() => [...document.querySelectorAll('article .figure, article .gap')].map(el => {
        const after = getComputedStyle(el, '::after');
        const box = el.getBoundingClientRect();
        return {status: el.dataset.status, mark: after.content, display: after.display,
                visible: box.width > 0 && box.height > 0 && getComputedStyle(el).visibility === 'visible'};
    })""")


def test_index_page_in_a_real_browser(browser, served):
    out, url = served
    visit = browser.open(url)
    page = visit.page
    assert visit.errors == []
    items = page.locator("ul.articles > li")
    assert items.count() == len(list(out.glob("*/index.html")))
    first = items.first
    assert first.is_visible()
    assert WORDS_DATE.match(first.locator("time").first.inner_text()), first.locator("time").first.inner_text()
    assert "Hong Kong markets desk" in page.locator("p.meta").first.inner_text()
    assert page.get_by_role("link", name="Atom feed").first.is_visible()
    visit.screenshot("index")
    # An article title leads to its page, whose "All reports" link leads back.
    first.locator("h2 a").click()
    page.wait_for_load_state("load")
    assert page.locator("article h1").is_visible()
    page.get_by_role("link", name="All reports").first.click()
    page.wait_for_load_state("load")
    assert page.locator("ul.articles").is_visible()
    assert visit.errors == []


def test_article_page_shows_the_legend_and_every_status_mark(browser, served):
    out, url = served
    event_id = _most_marked_article(out)
    visit = browser.open(f"{url}{event_id}/")
    page = visit.page
    assert visit.errors == []
    assert page.locator("article h1").is_visible()
    meta = page.locator("article p.meta").inner_text()
    assert "By Hong Kong markets desk" in meta
    assert WORDS_DATE.match(page.locator("article p.meta time").first.inner_text())

    legend = page.locator("#legend")
    assert legend.is_visible()
    shown = {m.get_attribute("data-mark"): m.inner_text() for m in legend.locator(".mark").all()}
    assert all(legend.locator(f'.mark[data-mark="{s}"]').is_visible() for s in shown)

    marks = _marks(page)
    assert len(marks) >= 5
    statuses = {m["status"] for m in marks}
    assert len(statuses) >= 3, statuses
    assert statuses == set(shown), "the legend lists exactly the statuses marked on the page"
    for m in marks:
        assert m["visible"], m
        # A real character is drawn after the figure (not only a colour), and it is the legend's mark.
        assert m["display"] != "none" and m["mark"] == f'"{shown[m["status"]]}"', m
    assert len(set(shown.values())) == len(shown), "two statuses share a mark"

    sources = page.locator("section.sources a[rel=external]")
    assert sources.count() >= 1 and all(a.get_attribute("href").startswith("https://") for a in sources.all())
    visit.screenshot("article")
    visit.screenshot("article-top", full_page=False)
    legend.scroll_into_view_if_needed()
    visit.screenshot("legend", full_page=False)


def test_every_status_has_a_distinct_visible_mark_and_corrections_show(browser, tmp_path):
    """A page with a figure of every status (and a derived one) and two corrections, as the template renders it."""
    pages = SitePages(SiteSettings(timezone="Europe/London"))
    statuses = [*pages.legend, "derived_single_source"]
    body = "<h1>All the marks</h1>\n<p>" + " ".join(
        f'<span class="{"gap" if s == "unavailable" else "figure"}" data-fact="f{i}" data-status="{s}">${i + 1} million</span>'
        for i, s in enumerate(statuses)) + "</p>"
    html = pages.article(event_id="every-mark", headline="All the marks", body_html=body, description="Every status.",
                         published="2026-12-01T09:00:00+00:00", modified="2026-12-03T14:05:00+00:00", sources=[],
                         corrections=[Correction("2026-12-02T08:00:00+00:00", "longs", "the long total", "$1 million", "$2 million", "after a revision"),
                                      Correction("2026-12-03T14:05:00+00:00", "total", "the total", "$3 million", "$4 million", "after the source revised its data")])
    (tmp_path / "every-mark").mkdir()
    (tmp_path / "every-mark" / "index.html").write_text(html, encoding="utf-8")
    visit = browser.open(tmp_path / "every-mark" / "index.html")
    assert visit.errors == []
    marks = _marks(visit.page)
    assert [m["status"] for m in marks] == statuses
    drawn = [m["mark"] for m in marks]
    assert all(m["visible"] and m["mark"] not in ("none", '""') for m in marks), marks
    assert len(set(drawn)) == len(drawn), drawn
    fixes = visit.page.locator("#corrections li")
    assert fixes.count() == 2 and fixes.first.is_visible()
    assert fixes.last.inner_text().startswith("Updated 3 December 2026, 14:05 UTC:")
    visit.screenshot("all-marks")
