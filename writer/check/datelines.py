"""A wire dateline opening a paragraph: "SINGAPORE (Decrypt) –", "NEW YORK, Nov 20 (Outlet) -".

The name in its parentheses is the outlet that filed the story (a byline), not the source of the figures after it:
a name alone in parentheses otherwise reads as a credit ("... $90 million (CoinGlass)."; writer/check/analysis.py
``attributive``). The city is written in capitals, as wires print it, which no sentence's opening words are; a date may
follow it after a comma; a dash closes the dateline.
"""

from __future__ import annotations

import re

_CITY = r"(?-i:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})"
_DATE = r"(?:\s*,\s*[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,?\s+\d{4})?)?"
_DATELINE = re.compile(rf"^\s*{_CITY}{_DATE}\s*\(([^()]{{1,60}})\)\s*[–—-]")


def byline_end(text: str) -> int:
    """Where the outlet's parenthesis of a dateline opening ``text`` ends (0 when ``text`` opens with none): a
    parenthesis before it is the byline's."""
    if "(" not in text[:120]:
        return 0
    m = _DATELINE.match(text)
    return m.end(1) + 1 if m else 0


__all__ = ["byline_end"]
