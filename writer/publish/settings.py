"""Site-wide settings of a batch build (who the desk is, where the site lives, its clock).

They are part of every page (the JSON-LD author, the feed's links, every date
shown), so their digest (with the check's configuration) is one of the inputs
recorded per article: changing the desk name or its time zone rebuilds every
page, as it must. Bad values raise ValueError with a message for the user (the
CLI turns it into exit 2).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Schemes a canonical link, an Atom id and a sitemap <loc> may use: a site is served
# over the web, and anything else (javascript:, file:, a bare host) is a mistake.
WEB_SCHEMES = ("http", "https")

# C0 and C1 control characters and DEL: not allowed in XML 1.0 (most of them) nor meaningful in a
# name or title; an operator's typo must not make the feed unreadable.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class SiteSettings:
    desk: str = "The liquidations desk"  # byline, schema.org author and publisher, Atom author
    title: str = "Liquidation reports"  # index page and feed title
    base_url: str = ""  # absolute http(s) URL of the site root ("https://example.com/markets/"); empty: relative links only
    feed_size: int = 50  # newest entries in the Atom feed
    lang: str = "en"
    timezone: str = "UTC"  # IANA name of the desk's time zone: every date a reader sees is shown in it

    def __post_init__(self):
        for name in ("desk", "title", "base_url", "lang", "timezone"):
            value = getattr(self, name)
            if not isinstance(value, str):
                raise ValueError(f"{name} must be text")
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError(f"{name.replace('_', '-')} is not valid UTF-8 text") from None
            bad = _CONTROL.search(value)
            if bad:
                raise ValueError(f"{name.replace('_', '-')} contains the control character {bad.group()!r} (at position {bad.start() + 1}); use plain text")
        if not self.desk.strip() or not self.title.strip():
            raise ValueError("desk and title must not be empty")
        if self.base_url:
            object.__setattr__(self, "base_url", check_base_url(self.base_url))
        if isinstance(self.feed_size, bool) or not isinstance(self.feed_size, int) or self.feed_size < 1:
            raise ValueError("feed_size must be at least 1")
        check_timezone(self.timezone)

    def as_dict(self) -> dict:
        return asdict(self)

    def url(self, relative: str) -> str:
        """An absolute URL when the site has a base URL, else the relative path."""
        return self.base_url + relative

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def check_base_url(url: str) -> str:
    """``url`` as a site root (ending in ``/``), or ValueError when it is not an absolute http(s) URL."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc or parts.netloc.startswith("@"):
        raise ValueError(f"base URL {url!r} must be an absolute http:// or https:// URL with a host, such as https://news.example.com/markets/")
    if parts.query or parts.fragment:
        raise ValueError(f"base URL {url!r} must not have a query (?...) or a fragment (#...): it is the folder every page URL starts with")
    if any(c.isspace() for c in url.strip()):
        raise ValueError(f"base URL {url!r} must not contain spaces")
    text = url.strip()
    return text if text.endswith("/") else text + "/"


def check_timezone(name: str) -> None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"time zone {name!r} is not an IANA time zone name (such as UTC, Europe/London or Asia/Hong_Kong)") from None
