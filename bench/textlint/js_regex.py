"""Python regular expressions rewritten for JavaScript's RegExp (Node 20), same matches.

The textlint port (``rules/writer-fact-free.js``) must read with writer's own
expressions, not copies, so the benchmark exports them (``grammar.py``). A
Python ``str`` pattern and a JavaScript one written alike do not match alike:

- ``\\w``, ``\\d``, ``\\s`` and ``\\b`` are Unicode-aware in Python and ASCII in
  JavaScript: they become ``[\\p{L}\\p{N}_]``, ``\\p{Nd}``, Python's own set of
  whitespace characters, and a look-around boundary on that word class;
- ``$`` (not multi-line) also matches before a final newline in Python, ``.``
  excludes only ``\\n``;
- Node 20 has no scoped modifiers: ``(?-i:...)`` inside a case-insensitive
  expression (a source name is capitalised) is written out by *case folding*
  (``a`` -> ``[aA]`` outside the scoped group, letters inside it kept), and the
  expression is compiled without the ``i`` flag;
- ``(?P<name>`` / ``(?P=name)`` become ``(?<name>`` / ``\\k<name>``, verbose
  layout and comments go, and the ``u`` flag's stricter escapes are respected.

``to_js`` raises on any construct it does not translate, so an expression added
to writer later fails the export loudly instead of matching differently; and
``grammar.py`` compares every exported expression's matches in Node with
Python's on real sentences before the benchmark uses them.
"""

from __future__ import annotations

import re
import sys

WORD = r"\p{L}\p{N}_"  # Python's \w on str: str.isalnum() or "_"
_PY_SPACE = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
_JS_SYNTAX = set("^$\\.*+?()[]{}|/")
_LETTER_ESCAPES = {"n": "\\n", "t": "\\t", "r": "\\r", "f": "\\f", "v": "\\v"}


def _space_class_body() -> str:
    return "".join(f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\u{{{ord(c):x}}}" for c in _PY_SPACE)


SPACE = _space_class_body()


def strip_verbose(pattern: str) -> str:
    """A re.VERBOSE pattern without its layout: unescaped whitespace and comments outside classes go."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":  # a ']' first in a class is literal
                out.append("[]")
                i += 2
                continue
        elif c == "#":
            i = pattern.find("\n", i)
            i = len(pattern) if i < 0 else i
            continue
        elif c.isspace():
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _other(c: str) -> str:
    s = c.swapcase()
    return s if c.isalpha() and s != c and len(s) == 1 else ""


class _Translator:
    def __init__(self, src: str, flags: int, fold: bool, ascii_words: bool):
        self.src, self.flags, self.fold, self.ascii = src, flags, fold, ascii_words
        self.out: list[str] = []

    # the classes Python's escapes stand for
    def word(self, negate: bool = False) -> str:
        if self.ascii:
            return "\\W" if negate else "\\w"
        return f"[^{WORD}]" if negate else f"[{WORD}]"

    def boundary(self, negate: bool) -> str:
        if self.ascii:
            return "\\B" if negate else "\\b"
        w = f"[{WORD}]"
        if negate:
            return f"(?:(?<={w})(?={w})|(?<!{w})(?!{w}))"
        return f"(?:(?<={w})(?!{w})|(?<!{w})(?={w}))"

    def escape_outside(self, c: str, ci: bool) -> str:
        if c in "wW":
            return self.word(c == "W")
        if c == "d":
            return "\\d" if self.ascii else "\\p{Nd}"
        if c == "D":
            return "\\D" if self.ascii else "\\P{Nd}"
        if c == "s":
            return "\\s" if self.ascii else f"[{SPACE}]"
        if c == "S":
            return "\\S" if self.ascii else f"[^{SPACE}]"
        if c in "bB":
            return self.boundary(c == "B")
        if c == "A":
            return "(?<![\\s\\S])"
        if c == "Z":
            return "(?![\\s\\S])"
        if c in _LETTER_ESCAPES:
            return _LETTER_ESCAPES[c]
        if c.isdigit():
            return "\\" + c  # a back-reference
        if c.isalnum():
            raise ValueError(f"escape \\{c} not translated")
        return ("\\" + c) if c in _JS_SYNTAX else c

    def escape_in_class(self, c: str) -> str:
        if c == "w":
            return "\\w" if self.ascii else WORD
        if c == "d":
            return "\\d" if self.ascii else "\\p{Nd}"
        if c == "s":
            return "\\s" if self.ascii else SPACE
        if c in _LETTER_ESCAPES:
            return _LETTER_ESCAPES[c]
        if c == "b":
            return "\\x08"
        if c.isalnum():
            raise ValueError(f"escape \\{c} in a character class not translated")
        return ("\\" + c) if c in _JS_SYNTAX or c == "-" else c

    def char_class(self, i: int, ci: bool) -> int:
        """Translate the class opening at ``i``; returns the index after it."""
        if self.src.startswith("[\\W_]", i):  # non-word characters or "_": everything but letters and digits
            self.out.append("[^A-Za-z0-9]" if self.ascii else "[^\\p{L}\\p{N}]")
            return i + len("[\\W_]")
        j = i + 1
        neg = self.src[j:j + 1] == "^"
        if neg:
            j += 1
        items: list[str] = []
        extra: list[str] = []
        first = True
        while True:
            if j >= len(self.src):
                raise ValueError("unterminated character class")
            c = self.src[j]
            if c == "]" and not first:
                break
            first = False
            if c == "\\":
                items.append(self.escape_in_class(self.src[j + 1]))
                j += 2
                continue
            if j + 2 < len(self.src) and self.src[j + 1] == "-" and self.src[j + 2] != "]":
                lo, hi = c, self.src[j + 2]
                if hi == "\\":
                    raise ValueError("range to an escape not translated")
                items.append(f"{self._lit_in_class(lo)}-{self._lit_in_class(hi)}")
                if ci and self.fold and _other(lo) and _other(hi):
                    extra.append(f"{_other(lo)}-{_other(hi)}")
                j += 3
                continue
            items.append(self._lit_in_class(c))
            if ci and self.fold and _other(c):
                extra.append(_other(c))
            j += 1
        self.out.append("[" + ("^" if neg else "") + "".join(items + extra) + "]")
        return j + 1

    @staticmethod
    def _lit_in_class(c: str) -> str:
        return ("\\" + c) if c in "[]\\^-" else c

    def run(self) -> str:
        src, i = self.src, 0
        ci = bool(self.flags & re.IGNORECASE)
        stack: list[bool] = []
        multiline = bool(self.flags & re.MULTILINE)
        dotall = bool(self.flags & re.DOTALL)
        while i < len(src):
            c = src[i]
            if c == "\\":
                self.out.append(self.escape_outside(src[i + 1], ci))
                i += 2
                continue
            if c == "[":
                i = self.char_class(i, ci)
                continue
            if c == "(":
                stack.append(ci)
                if src.startswith("(?#", i):
                    stack.pop()
                    i = src.index(")", i) + 1
                    continue
                m = re.match(r"\(\?(-?)i:", src[i:])
                if m:
                    ci = not m.group(1)
                    self.out.append("(?:")
                    i += len(m.group(0))
                    continue
                if src.startswith("(?P<", i):
                    self.out.append("(?<")
                    i += 4
                    continue
                if src.startswith("(?P=", i):
                    stack.pop()
                    j = src.index(")", i)
                    self.out.append(f"\\k<{src[i + 4:j]}>")
                    i = j + 1
                    continue
                m = re.match(r"\((?:\?(?:<[=!]|[:=!]))?", src[i:])
                if src.startswith("(?", i) and m.group(0) == "(":
                    raise ValueError(f"group {src[i:i + 6]!r} not translated")
                self.out.append(m.group(0))
                i += len(m.group(0))
                continue
            if c == ")":
                ci = stack.pop()
                self.out.append(c)
                i += 1
                continue
            if c == "{":
                m = re.match(r"\{(\d*)(,(\d*))?\}", src[i:])
                if m and (m.group(1) or m.group(3)):
                    lo = m.group(1) or "0"
                    self.out.append("{" + lo + (("," + m.group(3)) if m.group(2) else "") + "}")
                    i += len(m.group(0))
                else:
                    self.out.append("\\{")
                    i += 1
                continue
            if c in "}]":
                self.out.append("\\" + c)
                i += 1
                continue
            if c == ".":
                self.out.append("[\\s\\S]" if dotall else "[^\\n]")
                i += 1
                continue
            if c == "$":  # (not a lookahead for "no character": Node reads one as true inside an astral character)
                self.out.append("$" if multiline else "(?=\\n?$)")
                i += 1
                continue
            if c == "^":
                self.out.append("^")  # (the JavaScript expression has the m flag exactly when the Python one is MULTILINE)
                i += 1
                continue
            if ci and self.fold and _other(c):
                self.out.append(f"[{c}{_other(c)}]")
            elif c == "/":
                self.out.append("\\/")
            else:
                self.out.append(c)
            i += 1
        if stack:
            raise ValueError("unbalanced parentheses")
        return "".join(self.out)


def to_js(rx: re.Pattern, *, ascii_words: bool = False) -> dict:
    """``{"source", "flags"}`` of a JavaScript RegExp matching what ``rx`` matches (flags without g/y/d)."""
    src = strip_verbose(rx.pattern) if rx.flags & re.VERBOSE else rx.pattern
    ci = bool(rx.flags & re.IGNORECASE)
    scoped = re.findall(r"\(\?(-?)i:", src)
    fold = any(bool(not minus) != ci for minus in scoped)  # a scoped modifier that changes something
    body = _Translator(src, rx.flags, fold, ascii_words).run()
    flags = "u" + ("i" if ci and not fold else "") + ("m" if rx.flags & re.MULTILINE else "")
    return {"source": body, "flags": flags}


__all__ = ["to_js", "strip_verbose", "WORD", "SPACE"]
