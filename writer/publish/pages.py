"""The site's HTML pages (article and index), rendered from template files.

Every page comes from a template in ``templates/site/`` (``article.html.j2``,
``index.html.j2``), looked up in the ``--templates`` folder first and the bundled
set second, like the section templates: an editor restyles the site by copying
one file. Templates from an editor's folder run in Jinja2's sandbox; the bundled
ones, which are writer's own code, run without it (the sandbox checks every
attribute a template reads: about half of rendering a page), and give the same
bytes either way (tests/test_site_pages.py). Both autoescape and treat undefined
names as errors. What each template receives is listed in ``templates/README.md``.

What a reader needs in order to trust a page is computed here, once, so that no
template can get it wrong: dates and times in words in the desk's time zone
(babel), the legend of the provenance marks used on the page (from
``templates/site/legend.yaml``), the sources with their registry URLs (web links
only), corrections, and schema.org NewsArticle JSON-LD. JSON-LD is JSON inside a
<script> element, so ``<``, ``>`` and ``&`` are written as ``\\u003c``... and no
headline or source name can close the element.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import yaml
from babel.dates import format_date, format_datetime
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from writer.bytecode import bytecode_cache
from writer.publish.corrections import note_text
from writer.publish.manifest import Correction, claims_name, markdown_name, newest_first  # noqa: F401 (newest_first: re-exported)
from writer.publish.settings import WEB_SCHEMES, SiteSettings
from writer.publish.sitetemplates import SITE_DIR, default_templates_dir, digest_with, files_digest, site_template_dirs
from writer.yamlload import safe_load

ARTICLE_TEMPLATE = "site/article.html.j2"
INDEX_TEMPLATE = "site/index.html.j2"
HEAD_TEMPLATE = "site/head.html.j2"
LEGEND_FILE = "site/legend.yaml"
# The article template wraps the article's body in these comments; the feed takes
# each entry's content from between them in the published page (so a rebuild of
# the feed never re-drafts anything). A body cannot contain them: the Markdown
# renderer escapes raw HTML, comments included.
CONTENT_START = "<!-- writer:content -->"
CONTENT_END = "<!-- /writer:content -->"
# British news style ("3 December 2026, 14:05 UTC"): day first, month in words (babel, in the
# site's language), then the 24-hour clock and the zone.
DATE_PATTERN = "d MMMM y"
DERIVED_PREFIX = "derived_"
# Babel gives "EST" for New York but "Eastern Standard Time" in some locales: beyond
# this length a zone is written as its offset instead, which every reader can read.
MAX_ZONE_ABBREVIATION = 5
_MARKED = re.compile(r'<span class="(?:figure|gap)"[^>]*?\sdata-status="([a-z_]+)"')
_LEADING_H1 = re.compile(r"\A\s*<h1>(.*?)</h1>\s*", re.S)  # the draft's headline, shown above the byline
_CSS_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}")  # tints go into a style sheet: nothing but a hex colour


@dataclass(frozen=True)
class LegendItem:
    status: str
    mark: str
    label: str
    text: str
    tint: str


class SitePages:
    """Renders the article and index pages for one site (one set of settings and templates).

    ``template_dirs``: folders searched in order (a user's ``--templates`` folder,
    then the bundled one, which is always searched last). Raises jinja2 errors
    (TemplateSyntaxError, TemplateNotFound) and ValueError for a bad legend file when
    built, so a broken template stops a run before anything is written.
    """

    HEADS_KEPT = 8  # a bound: one site's article pages share one head

    def __init__(self, settings: SiteSettings, template_dirs: Sequence[Path | str] = ()):
        self.settings = settings
        self._days: dict = {}
        self._zones: dict = {}
        dirs = site_template_dirs(template_dirs)
        self.digest = files_digest(dirs)
        self.sandboxed = editor_site_templates(dirs)
        self.env = (SandboxedEnvironment if self.sandboxed else jinja2.Environment)(
            loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
            bytecode_cache=bytecode_cache(self.sandboxed),  # writer.bytecode: sandboxed and plain code kept apart
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(when=self.when, day=self.day, css_string=css_string)
        self.legend, self.derived = _load_legend(next(d / LEGEND_FILE for d in dirs if (d / LEGEND_FILE).is_file()))
        self.article_template = self.env.get_template(ARTICLE_TEMPLATE)
        self.head_template = self.env.get_template(HEAD_TEMPLATE)
        self._heads: dict[tuple, Markup] = {}  # the bundled head of an article page, by what it reads (_article_head)
        self.index_template = self.env.get_template(INDEX_TEMPLATE)

    def digest_with(self, templates_digest: str) -> str:
        """One digest of the drafting templates' (``templates_digest``) and these page templates."""
        return digest_with(templates_digest, self.digest)

    # -- dates in words -------------------------------------------------------------

    def _local(self, iso: str) -> datetime:
        return datetime.fromisoformat(iso).astimezone(self.settings.zone)

    def when(self, iso: str) -> str:
        """``2026-12-03T22:05:00+08:00`` -> ``3 December 2026, 14:05 UTC`` in the desk's time zone."""
        return self._words(self._local(iso))

    def _words(self, local: datetime) -> str:
        return f"{self._date_words(local.date())}, {local.hour:02d}:{local.minute:02d} {self._zone(local)}"

    def day(self, iso: str) -> str:
        """The date alone, in words, in the desk's time zone (``3 December 2026``)."""
        return self._date_words(self._local(iso).date())

    # An index of 10,000 articles shows 10,000 dates: babel formats each day and each zone
    # once (most share them) instead of once per date shown (about 0.1 ms each).
    def _date_words(self, day) -> str:
        words = self._days.get(day)
        if words is None:
            words = self._days[day] = format_date(day, DATE_PATTERN, locale=self.settings.lang)
        return words

    def _zone(self, local: datetime) -> str:
        key = (local.tzname(), local.utcoffset())  # the same abbreviation and offset: the same label
        label = self._zones.get(key)
        if label is None:
            label = self._zones[key] = zone_label(local, self.settings.lang)
        return label

    # -- the legend -------------------------------------------------------------------

    def legend_for(self, body_html: str) -> list[LegendItem]:
        """The legend entries for the statuses marked in ``body_html``, in legend order."""
        used = set(_MARKED.findall(body_html))
        order = list(self.legend)
        items = [self.item(s) for s in used]
        return sorted(items, key=lambda i: (order.index(base_status(i.status)) if base_status(i.status) in order else len(order),
                                            i.status.startswith(DERIVED_PREFIX), i.status))

    def item(self, status: str) -> LegendItem:
        """The legend entry of one status (a derived status combines the derived mark with its base's)."""
        if status in self.legend:
            return self.legend[status]
        base = self.legend.get(base_status(status))
        if status.startswith(DERIVED_PREFIX) and base is not None:
            d = self.derived
            return LegendItem(status, d["mark"] + base.mark, f"{base.label}, {d['label']}", d["text"], base.tint)
        return LegendItem(status, "?", status.replace("_", " "), "a status this site's legend does not describe yet.", "#eeeeee")

    def marks(self) -> list[LegendItem]:
        """Every status's entry, derived ones included (for the page's style sheet)."""
        plain = list(self.legend.values())
        return plain + [self.item(DERIVED_PREFIX + s) for s in self.legend]

    # -- pages -----------------------------------------------------------------------

    def article(self, *, event_id: str, headline: str, body_html: str, description: str, published: str, modified: str,
                sources: Sequence[Mapping], corrections: Sequence[Correction] = ()) -> str:
        """The article page.

        ``sources``: [{"name", "identifier", "url"?}] for each source the article relies on, in
        first-use order (they become links and the JSON-LD citations).
        ``corrections``: the article's corrections, oldest first; each is shown as a dated note
        ("Updated 3 December 2026, 14:05 UTC: the total was revised from ...", worded by
        writer.publish.corrections, dated in the desk's time zone) and carried in the JSON-LD
        as a CorrectionComment. ``modified`` is the page's dateModified.
        """
        s = self.settings
        legend = self.legend_for(body_html)
        headline_html, body_html = split_headline(body_html, headline)
        fixes = [self._correction(c) for c in corrections]
        cited = [_source(x) for x in sources]
        json_ld = news_article(event_id=event_id, headline=headline, published=published, modified=modified, description=description,
                               citations=[{k: v for k, v in c.items() if v} for c in cited], settings=s, corrections=fixes)
        article = {
            "id": event_id,
            "headline": headline,
            "headline_html": headline_html,
            "description": description,
            "published": published,
            "modified": modified,
            "updated": _later(modified, published),
            "url": s.url(f"{event_id}/") if s.base_url else "",
            "body": Markup(CONTENT_START + "\n" + body_html.strip("\n") + "\n" + CONTENT_END),
            "sources": cited,
            "corrections": fixes,
            "legend": legend,
            "markdown_href": markdown_name(event_id),
            "claims_href": claims_name(event_id),
        }
        links = {"index": "../", "feed": "../feed.xml", "legend": "#legend"}
        names = {"site": s, "article": article, "links": links, "marks": self.marks(), "json_ld": Markup(json_ld_script(json_ld))}
        page = self.article_template.render(names, head=self._article_head(names))
        return page if page.endswith("\n") else page + "\n"

    def _article_head(self, names: dict) -> Markup:
        """``site/head.html.j2`` rendered for an article page with its names (``head`` in ``article.html.j2``, as an include of it
        would render it). The bundled head reads only the site's feed link, its title and the status marks, which every
        article page shares: it is rendered once per set of those (a third of building a page: 36 lines of marks, each
        escaped) and kept. An editor's head (``--templates``) may read anything: rendered for every page.
        tests/test_site_pages.py holds pages to the include's."""
        if self.sandboxed:
            return Markup(self.head_template.render(names))
        key = (names["links"]["feed"], names["site"].title, tuple(names["marks"]))
        head = self._heads.get(key)
        if head is None:
            if len(self._heads) >= self.HEADS_KEPT:
                self._heads.clear()
            head = self._heads[key] = Markup(self.head_template.render(names))
        return head

    def _listed(self, e) -> dict:
        """One index entry, its dates already in words: an index can list 10,000 articles, and words
        computed here rather than by a filter call in the sandbox cost a quarter of the time."""
        published, modified = self._local(e.published), self._local(e.modified)
        updated = modified > published
        return {"id": e.id, "href": f"{e.id}/", "title": e.title, "summary": e.summary, "published": e.published, "modified": e.modified,
                "published_words": self._words(published), "modified_words": self._words(modified) if updated else "", "updated": updated}

    def _correction(self, c: Correction) -> dict:
        """A correction for the page: its note, and the note cut around its date (which the page marks up as a <time>)."""
        words = self.when(c.date)
        note = note_text(c, words)
        lead, _, rest = note.partition(words)
        return {"when": c.date, "words": words, "text": note, "lead": lead, "rest": rest}

    def index(self, entries: Iterable, paging: "IndexPage | None" = None) -> str:
        """An index page: ``entries`` (this page's, newest first) each with id, title, summary,
        published and modified; ``paging`` says which page of how many (one page by default)."""
        s = self.settings
        listed = [self._listed(e) for e in entries]
        paging = paging or IndexPage(total=len(listed))
        n, hrefs = paging.number, paging.hrefs
        links = {"index": hrefs[0], "feed": "feed.xml", "newer": hrefs[n - 2] if n > 1 else "", "older": hrefs[n] if n < len(hrefs) else ""}
        pages = {"number": n, "count": len(hrefs), "total": paging.total,
                 "all": [{"number": i, "href": h, "current": i == n} for i, h in enumerate(hrefs, 1)]}
        url = s.url("" if n == 1 else hrefs[n - 1]) if s.base_url else ""
        page = self.index_template.render(site=s, entries=listed, links=links, url=url, paging=pages,
                                          description=f"{s.title}: news on crypto-market liquidations from {s.desk}, every figure with its source.")
        return page if page.endswith("\n") else page + "\n"


@dataclass(frozen=True)
class IndexPage:
    """Which index page is rendered: its number (1-based), the articles in all, and every page's
    link (index pages sit side by side, so a link is the same from any of them)."""

    number: int = 1
    total: int = 0
    hrefs: tuple[str, ...] = ("./",)


def editor_site_templates(dirs: Sequence[Path]) -> bool:
    """Whether any folder but the bundled one holds page templates (they then run in the sandbox)."""
    bundled = default_templates_dir()
    return any((Path(d) / SITE_DIR).is_dir() for d in dirs if Path(d) != bundled)


def split_headline(body_html: str, headline: str) -> tuple[Markup, str]:
    """The body's leading <h1> (with its figure marks) and the rest; without one, the escaped ``headline``."""
    m = _LEADING_H1.match(body_html)
    if m is None:
        return Markup.escape(headline), body_html
    return Markup(m.group(1)), body_html[m.end():]


def zone_label(local: datetime, lang: str) -> str:
    """The time zone as readers write it: the locale's abbreviation when it has one (UTC, EST), else the offset (UTC+8)."""
    short = format_datetime(local, "z", locale=lang)
    if short.isalpha() and len(short) <= MAX_ZONE_ABBREVIATION:
        return short
    minutes = int(local.utcoffset().total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign, minutes = ("+" if minutes > 0 else "-"), abs(minutes)
    return f"UTC{sign}{minutes // 60}" + (f":{minutes % 60:02d}" if minutes % 60 else "")


def base_status(status: str) -> str:
    return status[len(DERIVED_PREFIX):] if status.startswith(DERIVED_PREFIX) else status


def css_string(text: str) -> Markup:
    """``text`` as a quoted CSS string, every character but letters, digits and spaces escaped (it cannot end the <style>)."""
    return Markup('"' + "".join(c if c.isascii() and (c.isalnum() or c == " ") else f"\\{ord(c):06x}" for c in str(text)) + '"')


def web_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL (safe as a link), else None."""
    if not url:
        return None
    parts = urlsplit(url)
    return url if parts.scheme.lower() in WEB_SCHEMES and parts.netloc and not any(c.isspace() for c in url) else None


def _source(x: Mapping) -> dict:
    return {"name": str(x["name"]), "identifier": str(x.get("identifier") or ""), "url": web_url(x.get("url"))}


def _later(a: str, b: str) -> bool:
    return datetime.fromisoformat(a).timestamp() > datetime.fromisoformat(b).timestamp()


def _load_legend(path: Path) -> tuple[dict[str, LegendItem], dict]:
    try:
        data = safe_load(path.read_text(encoding="utf-8"))
        statuses = data["statuses"]
        legend = {str(k): LegendItem(str(k), str(v["mark"]), str(v["label"]), str(v["text"]), str(v.get("tint", "#eeeeee")))
                  for k, v in statuses.items()}
        derived = {k: str(data["derived"][k]) for k in ("mark", "label", "text")}
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{path}: cannot read the legend (statuses: {{status: {{mark, label, text}}}}, derived: {{mark, label, text}}): {exc}") from None
    bad = [i.status for i in legend.values() if not _CSS_COLOUR.fullmatch(i.tint)]
    if bad:
        raise ValueError(f"{path}: tint of {', '.join(bad)} must be a hex colour such as #fdf3dc")
    marks = [i.mark for i in legend.values()]
    if len(set(marks)) != len(marks):
        raise ValueError(f"{path}: two statuses share a mark; each status needs its own so readers can tell them apart")
    return legend, derived


def news_article(*, event_id: str, headline: str, published: str, modified: str, description: str,
                 citations: list[dict], settings: SiteSettings, corrections: Sequence[Mapping] = ()) -> dict:
    """schema.org NewsArticle for one article. ``citations``: [{"name", "url"?}] for each source used;
    ``corrections``: [{"when": ISO date, "text": the note}]."""
    desk = {"@type": "Organization", "name": settings.desk}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "identifier": event_id,
        "headline": headline,
        "description": description,
        "datePublished": published,
        "dateModified": modified,
        "inLanguage": settings.lang,
        "author": desk,
        "publisher": desk,
        "citation": [{"@type": "CreativeWork", **c} for c in citations],
    }
    if corrections:
        data["correction"] = [{"@type": "CorrectionComment", "datePublished": c["when"], "text": c["text"]} for c in corrections]
    if settings.base_url:
        data["url"] = settings.url(f"{event_id}/")
        data["mainEntityOfPage"] = data["url"]
    return data


def json_ld_script(data: dict) -> str:
    text = indented_json(data)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>'


# The values indented_json lays out itself; anything else (a subclass, another type) goes to json.dumps whole.
_JSON_LEAVES = (str, int, float, bool, type(None))
_LEAF = json.JSONEncoder(ensure_ascii=False).encode  # one encoder: json.dumps builds one per call
_WORDS = {True: "true", False: "false", None: "null"}


def indented_json(value) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=1)``, byte for byte, without json's pure-Python encoder.

    With ``indent`` json runs that encoder, whose closures refer to one another: a cycle per call, left for
    the garbage collector, and about 40 microseconds a page. Dicts with str keys, lists and plain leaves are
    laid out here as that encoder lays them out (each string by json's own C escaper); any other value is
    handed to it unchanged. tests/test_site_pages.py holds the two equal on generated values."""
    if not _plain_json(value):
        return json.dumps(value, ensure_ascii=False, indent=1)
    return _indented(value, "\n")


def _plain_json(value) -> bool:
    kind = type(value)
    if kind is dict:
        return all(type(k) is str and _plain_json(v) for k, v in value.items())
    if kind is list:
        return all(_plain_json(v) for v in value)
    return kind in _JSON_LEAVES


def _indented(value, newline: str) -> str:
    """``value`` (checked by _plain_json) laid out one item a line, one space deeper per level; ``newline``: a line
    break and the current level's indentation."""
    kind = type(value)
    if kind is str:
        return _LEAF(value)
    if kind is dict or kind is list:
        if not value:
            return "{}" if kind is dict else "[]"
        inner = newline + " "
        if kind is dict:
            items = [_LEAF(k) + ": " + _indented(v, inner) for k, v in value.items()]
            return "{" + inner + ("," + inner).join(items) + newline + "}"
        return "[" + inner + ("," + inner).join([_indented(v, inner) for v in value]) + newline + "]"
    if kind is bool or value is None:
        return _WORDS[value]
    return _LEAF(value)


def article_content(page_html: str) -> str | None:
    """The article body of a published page (between the content markers), or None when the template has none."""
    start = page_html.find(CONTENT_START)
    end = page_html.find(CONTENT_END, start + len(CONTENT_START)) if start >= 0 else -1
    if start < 0 or end < 0:
        return None
    return page_html[start + len(CONTENT_START):end].strip("\n")
