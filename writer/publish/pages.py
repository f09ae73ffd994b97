"""The site's HTML: the article page around a draft, with its JSON-LD, and the index page.

The draft's own HTML is the article; publishing adds only what belongs to a
site (schema.org NewsArticle metadata for search engines and aggregators, the
feed link, the canonical URL). Values are escaped for their context: JSON-LD
is JSON inside a <script> element, so ``<`` is written as ``\\u003c`` and no
headline or source name can close the element.
"""

from __future__ import annotations

import json
import re
from datetime import datetime

from jinja2 import Environment

from writer.publish.settings import SiteSettings

_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


def news_article(*, event_id: str, headline: str, published: str, modified: str, description: str,
                 citations: list[dict], settings: SiteSettings, corrections=()) -> dict:
    """schema.org NewsArticle for one article. ``citations``: [{"name", "url"?}] for each source used."""
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
        data["correction"] = [{"@type": "CorrectionComment", "datePublished": c.date, "text": correction_text(c)} for c in corrections]
    if settings.base_url:
        data["url"] = settings.url(f"{event_id}/")
        data["mainEntityOfPage"] = data["url"]
    return data


def json_ld_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def correction_text(c) -> str:
    """A correction note in words (the wording is in writer.publish.corrections; the date style is the site's)."""
    from writer.publish.corrections import note_text, plain_date

    return note_text(c, plain_date(c.date))


_BODY_OPEN = re.compile(r"<body[^>]*>\n?", re.IGNORECASE)


def corrections_block(corrections) -> str:
    """The dated correction notes, newest first, at the top of the page."""
    from html import escape

    notes = "".join(f'<p class="correction" data-date="{escape(c.date)}">{escape(correction_text(c))}</p>\n' for c in reversed(corrections))
    return f'<aside class="corrections" role="note" aria-label="Corrections">\n{notes}</aside>\n'


def article_page(draft_html: str, json_ld: dict, settings: SiteSettings, *, corrections=()) -> str:
    """The draft's standalone page with the site's head elements added before ``</head>`` (and corrections atop the body)."""
    if corrections:
        body = _BODY_OPEN.search(draft_html)
        if body is not None:
            draft_html = draft_html[: body.end()] + corrections_block(corrections) + draft_html[body.end():]
    head = [json_ld_script(json_ld), '<link rel="alternate" type="application/atom+xml" href="../feed.xml" title="feed">']
    if settings.base_url:
        head.append(f'<link rel="canonical" href="{_attr(json_ld["url"])}">')
    block = "\n".join(head) + "\n"
    match = _HEAD_END.search(draft_html)
    if match is None:
        raise ValueError("the draft's HTML has no </head>: cannot add the JSON-LD block")
    return draft_html[: match.start()] + block + draft_html[match.start():]


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


_ENV = Environment(autoescape=True, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
_INDEX = _ENV.from_string("""<!DOCTYPE html>
<html lang="{{ settings.lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ settings.title }}</title>
<link rel="alternate" type="application/atom+xml" href="feed.xml" title="{{ settings.title }}">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}li{margin:.6rem 0}time{color:#555;font-size:.9em;display:block}</style>
</head>
<body>
<h1>{{ settings.title }}</h1>
<p>{{ entries|length }} article{{ "" if entries|length == 1 else "s" }}, newest first. Published by {{ settings.desk }}. <a href="feed.xml">Atom feed</a>.</p>
<ol class="articles">
{% for e in entries %}
<li><a href="{{ e.id }}/">{{ e.title }}</a><time datetime="{{ e.published }}">{{ e.published }}</time>{% if e.summary %}<span class="summary">{{ e.summary }}</span>{% endif %}</li>
{% endfor %}
</ol>
</body>
</html>
""")


def newest_first(entries):
    """Entries ordered by publication time (newest first), ties broken by id for a stable order."""
    return sorted(entries, key=lambda e: (-datetime.fromisoformat(e.published).timestamp(), e.id))


def index_page(entries, settings: SiteSettings) -> str:
    return _INDEX.render(entries=entries, settings=settings)
