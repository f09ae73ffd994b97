"""writer's attribution frames (writer/check/frames.py) exported for the textlint port.

The frames are case-insensitive expressions with case-sensitive parts
(``(?-i:...)``: a source name is capitalised), a modifier Node 20's RegExp
lacks. ``case_fold`` rewrites such a pattern for a case-*sensitive* RegExp:
every letter outside the ``(?-i:...)`` groups matches both cases (``a`` ->
``[aA]``, classes gain the other case), letters inside them stay as they are.
The port would then compile them without the ``i`` flag and get the same matches
(`python bench/textlint/frames_grammar.py` checks that in Python). Not wired in yet:
the JavaScript rule still ports the check of commit a92bc35 (see BENCHMARKS.md); bringing it
to the current check needs the frames (Frames.first and classes_in) and the newer
analysis.py steps (runs opened only by data talk, labels, repeated figures) ported too.
"""

from __future__ import annotations

import re

_ESCAPE_LETTERS = set("wWdDsSbBnrtfvAZ")


def _other(c: str) -> str:
    return c.swapcase() if c.isalpha() and c.swapcase() != c and len(c.swapcase()) == 1 else ""


def _fold_class(body: str) -> str:
    """A character class's body with the other case of each letter and letter range added."""
    out, extra, i = [], [], 0
    if body.startswith("^"):
        out.append("^")
        i = 1
    while i < len(body):
        c = body[i]
        if c == "\\":
            out.append(body[i:i + 2])
            i += 2
            continue
        if i + 2 < len(body) and body[i + 1] == "-" and body[i + 2] != "]":
            lo, hi = c, body[i + 2]
            out.append(body[i:i + 3])
            if lo.isalpha() and hi.isalpha() and _other(lo) and _other(hi):
                extra.append(f"{_other(lo)}-{_other(hi)}")
            i += 3
            continue
        out.append(c)
        if _other(c):
            extra.append(_other(c))
        i += 1
    return "".join(out) + "".join(extra)


def case_fold(src: str) -> str:
    """``src`` (compiled with re.IGNORECASE, possibly with ``(?-i:...)`` groups) for a case-sensitive JS RegExp."""
    out: list[str] = []
    stack: list[bool] = []  # case-insensitivity outside each open group
    ci, i = True, 0
    while i < len(src):
        c = src[i]
        if c == "\\":
            nxt = src[i + 1:i + 2]
            if ci and _other(nxt) and nxt not in _ESCAPE_LETTERS:
                out.append(f"[{nxt}{_other(nxt)}]")
            else:
                out.append(src[i:i + 2])
            i += 2
            continue
        if c == "[":
            j = i + 1
            if src[j:j + 1] == "^":
                j += 1
            if src[j:j + 1] == "]":
                j += 1
            while src[j] != "]":
                j += 2 if src[j] == "\\" else 1
            body = src[i + 1:j]
            out.append("[" + (_fold_class(body) if ci else body) + "]")
            i = j + 1
            continue
        if c == "(":
            stack.append(ci)
            if src.startswith("(?-i:", i):
                ci = False
                out.append("(?:")
                i += 5
                continue
            if src.startswith("(?P<", i):
                out.append("(?<")
                i += 4
                continue
            m = re.match(r"\(\?(?:<[=!]|[:=!]|<[A-Za-z_]\w*>)?", src[i:])
            out.append(m.group(0))
            i += len(m.group(0))
            continue
        if c == ")":
            ci = stack.pop()
            out.append(c)
            i += 1
            continue
        if c == "{":  # a quantifier: digits and a comma, no letters to fold
            j = src.index("}", i)
            out.append(src[i:j + 1])
            i = j + 1
            continue
        out.append(f"[{c}{_other(c)}]" if ci and _other(c) else c)
        i += 1
    return "".join(out)


# The Frames attributes exported (keyword and context expressions), and the keys of two that would
# clash once their underscore goes.
NAMES = ("_verb", "_left_strong", "_left_weak", "_left_name", "_that", "_agent", "_speech", "_prep", "_noun", "_noun_right",
         "_noun_left", "_comes", "_source", "_name", "_label", "label", "differ")
KEYS = {"_label": "source_label", "label": "name_label"}


def frames_grammar() -> dict:
    """The compiled frames of the default phrases, as case-sensitive JS sources (flags in "flags")."""
    from writer.check.phrases import build_phrases

    frames = build_phrases().frames
    out = {}
    for name in NAMES:
        rx: re.Pattern = getattr(frames, name)
        assert rx.flags & re.IGNORECASE and not rx.flags & re.VERBOSE, name
        out[KEYS.get(name, name.lstrip("_"))] = {"source": case_fold(rx.pattern), "multiline": bool(rx.flags & re.MULTILINE)}
    return {"patterns": out, "strong": sorted(frames.strong), "window": frames.WINDOW}


def self_check(sentences: list[str]) -> list[str]:
    """Differences between each frame and its folded form (compiled case-sensitively in Python) on
    ``sentences`` and their lower-, upper- and swapped-case forms; empty when they agree."""
    from writer.check.phrases import build_phrases

    frames = build_phrases().frames
    exported = frames_grammar()["patterns"]
    out = []
    for name in NAMES:
        key = KEYS.get(name, name.lstrip("_"))
        d, original = exported[key], getattr(frames, name)
        folded = re.compile(re.sub(r"\(\?<(?![=!])", "(?P<", d["source"]), re.MULTILINE if d["multiline"] else 0)
        for s in (v for x in sentences for v in (x, x.lower(), x.upper(), x.swapcase())):
            a = [m.span() for m in original.finditer(s)]
            b = [m.span() for m in folded.finditer(s)]
            if a != b:
                out.append(f"{key}: {s[:60]!r}: {a} != {b}")
    return out


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2]))
    SAMPLES = ["According to CoinGlass, longs lost $300 million.", "SOURCE: CoinGlass", "CoinGlass: longs hit",
               "CoinGlass and CoinAnk differ on the total", "Lookonchain noted that whales sold", "as reported by K33 Research",
               "Data from CoinAnk shows $1 billion.", "The figures, said Ben Zhou, were large.", "In CoinGlass's data, shorts fell",
               "Bitcoin: $90,000", "the figure comes from Hyblock Capital"]
    problems = self_check(SAMPLES)
    print("\n".join(problems) or f"the folded frames agree with writer's on {len(SAMPLES) * 4} sentences")
    raise SystemExit(1 if problems else 0)
