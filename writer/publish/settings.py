"""Site-wide settings of a batch build (who the desk is, where the site lives).

They are part of every page (the JSON-LD author, the feed's links), so their
digest (with the check's configuration) is one of the inputs recorded per
article: changing the desk name rebuilds every page, as it must.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

# C0 and C1 control characters and DEL: not allowed in XML 1.0 (most of them) nor meaningful in a
# name or title; an operator's typo must not make the feed unreadable.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class SiteSettings:
    desk: str = "The liquidations desk"  # schema.org author and publisher, Atom author
    title: str = "Liquidation reports"  # index page and feed title
    base_url: str = ""  # absolute URL of the site root ("https://example.com/markets/"); empty: relative links only
    feed_size: int = 50  # newest entries in the Atom feed
    lang: str = "en"

    def __post_init__(self):
        for name in ("desk", "title", "base_url", "lang"):
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
        if self.base_url and not self.base_url.endswith("/"):
            object.__setattr__(self, "base_url", self.base_url + "/")
        if isinstance(self.feed_size, bool) or not isinstance(self.feed_size, int) or self.feed_size < 1:
            raise ValueError("feed_size must be at least 1")

    def as_dict(self) -> dict:
        return asdict(self)

    def url(self, relative: str) -> str:
        """An absolute URL when the site has a base URL, else the relative path."""
        return self.base_url + relative
