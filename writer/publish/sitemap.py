"""``sitemap.xml`` (sitemaps.org protocol 0.9): every article URL with its last modification.

A sitemap lists absolute URLs only, so it is written only for a site with a base
URL (``--base-url``); without one there is nothing valid to put in it. ``lastmod``
is each article's dateModified (W3C datetime, with its offset), so a corrected
article is re-crawled and an untouched one is not.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime

from writer.publish.manifest import newest_first
from writer.publish.settings import SiteSettings

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap(entries, settings: SiteSettings) -> bytes:
    """The sitemap of the index and every article (newest first); needs ``settings.base_url``."""
    if not settings.base_url:
        raise ValueError("a sitemap needs the site's absolute base URL")
    ordered = newest_first(entries)
    root = ET.Element("urlset", xmlns=SITEMAP_NS)
    _url(root, settings.url(""), max((e.modified for e in ordered), default=None, key=_instant))
    for e in ordered:
        _url(root, settings.url(f"{e.id}/"), e.modified)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _url(root: ET.Element, loc: str, lastmod: str | None) -> None:
    url = ET.SubElement(root, "url")
    ET.SubElement(url, "loc").text = loc
    if lastmod:
        ET.SubElement(url, "lastmod").text = lastmod


def _instant(iso: str) -> float:
    return datetime.fromisoformat(iso).timestamp()
