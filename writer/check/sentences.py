"""The one sentence splitter: the check reads sentences with it, and so can drafting.

Rule-based for market-news prose: a sentence ends at ``.``, ``!`` or ``?``
(with closing quotes or brackets) before a capital, a digit, ``$`` or an
opening quote; never after a known abbreviation ("U.S.", "approx.") or inside
a decimal; a blank line (a Markdown block) always ends one.
"""

from __future__ import annotations

import re

# Abbreviations that end with a period but not a sentence.
ABBREVIATIONS = frozenset(
    "u.s u.k e.g i.e approx est vs inc corp ltd no co gov sen rep jan feb mar apr jun jul aug sept sep oct nov dec "
    "mr mrs ms dr st etc fig al".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[*]*[A-Z0-9$])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def sentence_bounds(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence (start, end) character offsets in ``text[start:end]``."""
    end = len(text) if end is None else end
    out = []
    s = start
    while s < end and text[s].isspace():
        s += 1
    for m in _BOUNDARY.finditer(text, start, end):
        dot = m.start()
        word = _WORD_BEFORE.search(text[max(s, dot - 12):dot])
        if word and text[dot] == "." and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
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
