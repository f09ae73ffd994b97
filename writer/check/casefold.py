"""Case-insensitive scans run as case-sensitive ones on lower-cased text: the same matches, faster.

Python's engine skips an alternative of an alternation on its first character
only when that character is compared case-sensitively; under ``re.IGNORECASE``
it enters every alternative at every position. The check's keyword lists
(reporting verbs, data nouns, the phrase classes, the linking cues) are long
alternations scanned over every sentence, so a scan of ``text.lower()`` with
the pattern's letters lower-cased and no IGNORECASE is 2-3x faster.

It gives the same matches at the same offsets when:

- the text keeps one character per character when lower-cased (``"İ"`` becomes
  two) and holds neither ``"ı"`` nor ``"ſ"`` (IGNORECASE matches them to ``i``
  and ``s``; ``lower()`` leaves them apart): :func:`lowered` answers None otherwise;
- the pattern's letters are ASCII (other characters have no case), it sets no inline
  flag, names no group or character and has no capital inside a character class
  (``[A-z]`` is not ``[a-z]``): :func:`lower_pattern` answers None otherwise.

The lowered text is for finding offsets: a match's own text is then lower-cased, so a
caller that needs the words as written slices the original text.

``\\w``, ``\\s`` and ``\\b`` read the same on a lower-cased character, and only "İ", "ı" and "ſ"
match an ASCII letter under IGNORECASE that ``lower()`` does not give (both checked over every
code point by tests/test_check_casefold.py, which also holds both scans to the same answers).
"""

from __future__ import annotations

import re
from functools import lru_cache

from writer.check.lazyre import LazyPatterns

_APART = ("ı", "ſ")  # IGNORECASE matches these to "i" and "s"; lower() keeps them as they are
# Inline flags, named groups, conditionals, and escapes that spell a character by number or name ("\x41" is "A").
_UNSAFE = re.compile(r"\(\?[aiLmsux-]|\(\?P|\(\?\(|\\[NxuU0-9]")


def lowered(text: str) -> str | None:
    """``text.lower()`` when every offset keeps its character and IGNORECASE would read it the same, else None."""
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and any(c in text for c in _APART)):
        return None
    return low


@lru_cache(maxsize=4096)  # (a pattern's answer never changes: each new Checker asks again of a few hundred phrases)
def lower_pattern(pattern: str) -> str | None:
    """``pattern`` (meant for IGNORECASE) with its literal letters lower-cased, for a case-sensitive scan of
    lowered text; None when that could change what it matches (see the module's docstring)."""
    if _UNSAFE.search(pattern) or not (pattern.isascii() or all(c.isascii() or c.lower() == c == c.upper() for c in pattern)):
        return None  # (a character beyond ASCII is fine when it has no case: "’", "–")
    if pattern.isascii() and pattern == pattern.lower():
        return pattern  # no capital anywhere, escapes and classes included: nothing to lower (most phrases)
    return _lower_letters(pattern)


def _lower_letters(pattern: str) -> str | None:
    """``lower_pattern`` read character by character: escapes kept, a capital in a class refused."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])  # an escape keeps its letter: \W is not \w
            i += 2
            continue
        if in_class:
            if c.isupper():
                return None
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                out.append("[^")
                i += 2
                if pattern[i:i + 1] == "]":  # "[^]...]": a first "]" is a member
                    out.append("]")
                    i += 1
                continue
            if pattern[i + 1:i + 2] == "]":
                out.append("[]")
                i += 2
                continue
        out.append(c.lower())
        i += 1
    return "".join(out)


def lower_grammar(pattern: str) -> str:
    """The figure grammar's case-sensitive twin for lower-cased text: every letter lower-cased but those
    of escapes and group names, and the ``(?i:...)`` groups plain (``lower_pattern`` refuses both: the
    grammar, written for IGNORECASE with no range of capitals, needs neither refusal). Scanned
    over ``lowered(text)`` it gives the matches IGNORECASE gives over the text (about 1.25x faster: the
    engine passes over an alternative on its first character only when it compares it case-sensitively);
    tests/test_check_regex_filters.py holds the two to the same matches."""
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif pattern.startswith("(?P<", i):
            close = pattern.index(">", i)
            out.append(pattern[i:close + 1])
            i = close + 1
        elif pattern.startswith("(?i:", i):
            out.append("(?:")
            i += 4
        else:
            out.append(pattern[i].lower())
            i += 1
    return "".join(out)


class FoldedScan(LazyPatterns):
    """An IGNORECASE pattern whose ``finditer`` runs case-folded when that gives the same matches
    (see the module's docstring): the same offsets, but a match's text is then lower-cased, so only for
    readers of offsets and lower-cased words (source names: ``spelling[m.group(0).lower()]``).
    Each of the two is compiled on first use: most texts need only the folded one."""

    def __init__(self, pattern: str):
        self.pattern = pattern
        self._lazy("plain", pattern, re.IGNORECASE)
        self._folded: re.Pattern | None | bool = False  # compiled on first use; None: cannot be folded

    def finditer(self, text: str):
        low = lowered(text)
        if low is not None:
            if self._folded is False:
                folded = lower_pattern(self.pattern)
                self._folded = None if folded is None else re.compile(folded)
            if self._folded is not None:
                return self._folded.finditer(low)
        return self.plain.finditer(text)


__all__ = ["FoldedScan", "lower_grammar", "lower_pattern", "lowered"]
