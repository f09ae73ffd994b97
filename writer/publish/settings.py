"""Site-wide settings of a batch build (who the desk is, where the site lives).

They are part of every page (the JSON-LD author, the feed's links), so their
digest (with the check's configuration) is one of the inputs recorded per
article: changing the desk name rebuilds every page, as it must.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class SiteSettings:
    desk: str = "The liquidations desk"  # schema.org author and publisher, Atom author
    title: str = "Liquidation reports"  # index page and feed title
    base_url: str = ""  # absolute URL of the site root ("https://example.com/markets/"); empty: relative links only
    feed_size: int = 50  # newest entries in the Atom feed
    lang: str = "en"

    def __post_init__(self):
        if self.base_url and not self.base_url.endswith("/"):
            object.__setattr__(self, "base_url", self.base_url + "/")
        if self.feed_size < 1:
            raise ValueError("feed_size must be at least 1")

    def as_dict(self) -> dict:
        return asdict(self)

    def url(self, relative: str) -> str:
        """An absolute URL when the site has a base URL, else the relative path."""
        return self.base_url + relative
