"""The one sentence splitter: the check reads sentences with it, and so can drafting.

Rule-based for market-news prose: a sentence ends at ``.``, ``!`` or ``?``
(with closing quotes or brackets) before a capital, a digit, ``$``, a handle's ``@``, a
ticker that opens in lower case ("stETH", "vBNB", "cbBTC") or an opening quote; never after
a known abbreviation ("U.S.", "approx.") or inside a decimal; a blank line (a Markdown block)
always ends one.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Abbreviations that end with a period but not a sentence.
ABBREVIATIONS = frozenset(
    "u.s u.k e.g i.e approx est vs inc corp ltd no co gov sen rep jan feb mar apr jun jul aug sept sep oct nov dec "
    "mr mrs ms dr st etc fig al".split()
)
_STARTS = "A-Z0-9$@"  # what a new sentence may start with (after opening quotes or brackets; "@" a social handle)
# ... and a word of a few small letters before a capital: a ticker written so ("stETH", "wBTC", "jitoSOL"), whose
# sentence opens in lower case (read as the sentence before it, its window and asset were taken for this one's)
_LOWER_TICKER = "[a-z]{1,4}[A-Z]"
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@lru_cache(maxsize=8)
def _boundary(starts: str) -> re.Pattern:
    return re.compile(rf"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[*]*(?:[{_STARTS}{starts}]|{_LOWER_TICKER}))")


def sentence_bounds(text: str, start: int = 0, end: int | None = None, *, starts: str = "") -> list[tuple[int, int]]:
    """Sentence (start, end) character offsets in ``text[start:end]``.

    ``starts`` adds characters a sentence may begin with (a regex class body): drafting
    splits text in which figures are still private-use placeholder characters.
    """
    end = len(text) if end is None else end
    boundary = _boundary(starts)
    out = []
    s = start
    while s < end and text[s].isspace():
        s += 1
    for m in boundary.finditer(text, start, end):
        dot = m.start()
        if text[dot] == ".":
            word = _WORD_BEFORE.search(text[max(s, dot - 12):dot])
            if word and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
                continue
        if m.end() > s:
            out.append((s, m.end()))
        s = m.end()
        while s < end and text[s].isspace():
            s += 1
    if s < end and text[s:end].strip():
        out.append((s, len(text[:end].rstrip())))
    return out


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (blank lines end sentences too)."""
    out = []
    pos = 0
    for chunk in text.split("\n\n"):
        out += [chunk[a:b] for a, b in sentence_bounds(chunk)]
        pos += len(chunk) + 2
    return out


__all__ = ["ABBREVIATIONS", "sentence_bounds", "split_sentences"]
