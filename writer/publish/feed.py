"""The Atom feed (RFC 4287) of the newest articles.

Built with the standard library's ElementTree: the feed is a few dozen
elements, and ElementTree escapes text and attributes correctly, which is all
a feed writer must get right. Ids are stable URIs (the article URL when the
site has a base URL, else a name-based UUID), so a feed reader never sees an
old article as new after a rebuild.

Each entry carries the article itself (``<content type="html">``, the body of the
published page) besides its one-sentence summary, so a feed reader shows the whole
story with its attributions; ``<updated>`` is the article's last modification
(it moves when a correction changes a printed figure).
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import datetime

from writer.publish.manifest import newest_first
from writer.publish.settings import SiteSettings

ATOM_NS = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM_NS)


def _tag(name: str) -> str:
    return f"{{{ATOM_NS}}}{name}"


def _sub(parent, name: str, text: str | None = None, **attrs) -> ET.Element:
    el = ET.SubElement(parent, _tag(name), attrs)
    if text is not None:
        el.text = text
    return el


def _urn(*parts: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "writer:" + ":".join(parts)))


def entry_id(event_id: str, settings: SiteSettings) -> str:
    return settings.url(f"{event_id}/") if settings.base_url else _urn(settings.desk, event_id)


def atom_feed(entries, settings: SiteSettings, content: Callable[[object], str | None] | None = None) -> bytes:
    """The feed of the ``settings.feed_size`` newest entries; ``updated`` is the latest modification among them.

    ``content(entry)`` gives an entry's article HTML (None: summary only).
    """
    chosen = newest_first(entries)[: settings.feed_size]
    feed = ET.Element(_tag("feed"))
    if settings.base_url:
        feed.set("{http://www.w3.org/XML/1998/namespace}base", settings.base_url)
    _sub(feed, "id", settings.url("feed.xml") if settings.base_url else _urn(settings.desk, "feed"))
    _sub(feed, "title", settings.title)
    _sub(feed, "updated", max((e.modified for e in chosen), default="1970-01-01T00:00:00+00:00", key=_instant))
    author = _sub(feed, "author")
    _sub(author, "name", settings.desk)
    _sub(feed, "link", rel="self", href="feed.xml")
    _sub(feed, "link", rel="alternate", href="./")
    _sub(feed, "generator", "writer")
    for e in chosen:
        entry = _sub(feed, "entry")
        _sub(entry, "id", entry_id(e.id, settings))
        _sub(entry, "title", e.title)
        _sub(entry, "published", e.published)
        _sub(entry, "updated", e.modified)
        _sub(entry, "link", rel="alternate", type="text/html", href=f"{e.id}/")
        if e.summary:
            _sub(entry, "summary", e.summary)
        html = content(e) if content is not None else None
        if html:
            _sub(entry, "content", html, type="html")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _instant(iso: str) -> float:
    return datetime.fromisoformat(iso).timestamp()
