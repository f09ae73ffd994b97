"""The end of a text read from its end: what an expression anchored at ``$`` finds, without scanning from the start.

``re.search(r"(\\w+)\\W*$", text)`` tries every position of ``text`` from the left (each word is entered and
fails until the last), so its cost grows with what comes before the word; reading back from the end visits only
the word and the marks after it. tests/test_check_fast_paths.py holds each function here to its expression.
"""

from __future__ import annotations


def _word_char(c: str) -> bool:
    """Is ``c`` a word character as ``\\w`` reads one in a str pattern (alphanumeric or "_")?"""
    return c.isalnum() or c == "_"


def last_word(text: str, end: int) -> tuple[int, int] | None:
    """The span of the last word of ``text[:end]`` (group 1 of ``(\\w+)\\W*$`` searched there), or None: no word."""
    stop = end
    while stop > 0 and not _word_char(text[stop - 1]):
        stop -= 1
    if stop == 0:
        return None
    start = stop - 1
    while start > 0 and _word_char(text[start - 1]):
        start -= 1
    return start, stop


__all__ = ["last_word"]
