"""Multiples and ratios told in words: "twice the previous day's total", "liquidations doubled", "three times as
many longs as shorts", "a fivefold jump", "by a factor of four", "longs outnumbered shorts three to one", "nine in
ten liquidations", "double-digit losses".

A desk that writes "long liquidations tripled" compares two amounts someone counted: the comparison is a figure
the reader is owed a source for, as much as "+200%" is. Each reading gives the offsets of the words, a unit and
the range of values the words allow; ``writer.check.figures`` makes them figures:

- unit ``"multiple"``: how many times one amount is another ("twice": 2, "several times": 2 to 9). No fact holds
  a multiple, so fact mode asks only for its attribution, as for a share in words (rules/p001);
- unit ``"ratio"``: "three to one", the word form of the grammar's "3-to-1";
- unit ``"part"``: "nine in ten", a share (as "nine-tenths" would be: ``figures._share_words``);
- unit ``"percent"``: "double-digit losses" (10-99%); with a magnitude ("double-digit millions") no unit.

What is not read: leverage ("10x", "50x leverage": digits, ``figures._MULTIPLE_RE``), how often something
happened ("twice this week", "three times in a month", "tested twice"), idioms ("doubled down", "doubles as",
"the reason is twofold:"), a move "from three to one", and "one to one". Pure Python, read on lowered text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from writer.check.lazyre import Deferred

_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
                 "a hundred": 100, "one hundred": 100, "hundred": 100, "a thousand": 1000, "one thousand": 1000,
                 "thousand": 1000}
_UNIT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
               "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
               "eighteen": 18, "nineteen": 19}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = "|".join(sorted(_UNIT_WORDS, key=len, reverse=True))
_TENS = "|".join(_TENS_WORDS)
_ONES = "one|two|three|four|five|six|seven|eight|nine"  # after a tens word: "twenty-five"
_NUMBER_WORDS = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)).replace(" ", r"\s+")
_VERB_TIMES = {"doubl": 2, "twice": 2, "tripl": 3, "treb": 3, "quadrupl": 4}
_VAGUE_TIMES = (2, 9)  # "several times the daily average": the range "several" allows (figures._VAGUE)
_PRECISION = 0.5  # a multiple in words is a round one: "three times" says 2.5 to 3.5

# After a determiner, a stretch of time says how often, not how much: "twice this week", "three times a day".
_TIME = r"(?:time|day|week|month|year|session|hour|minute|morning|afternoon|evening|night|weekend|quarter)s?\b(?!['’])"
# What follows a multiple that compares: "as much/many as", a determiner or possessive ("twice the total",
# "double that", "three times Monday's"), or a comparative ("four times higher", "five times more").
_COMPARED = (rf"(?:as\s+(?:much|many|likely)\b|as\s+[a-z]+(?:\s+[a-z]+)?\s+as\b"
             rf"|(?:the|that|this|those|these|its|their|his|her|our|what|a|an|last|yesterday['’]s)\b(?!\s+{_TIME})"
             rf"|[a-z0-9][\w.-]*['’]s?\s"
             rf"|(?:more|higher|larger|bigger|greater|heavier|smaller|lower|less|fewer|over|above|below|faster)\b)")
# After a verb of multiple, words that make it an idiom ("doubled down", "doubles as", "doubled over in pain"): "over"
# only when no span follows ("doubled over the month" is a move).
_NOT_A_MOVE = r"\s+(?:down|up|as|back)\b|\s+over\b(?!\s+(?:the|a|an|this|that|last|past|\d))"
# Each reading: the words every one of its matches holds, and its expression.
_READINGS = (
    (("twice", "doubl", "tripl", "trebl", "quadrupl", "halved", "half"), Deferred(globals(), (
        r"(?<![\w$.,-])(?:"
        # "twice the previous day's total", "double that", "triple its average"
        rf"(?P<adverb>twice|double|triple|treble|quadruple)\s+(?={_COMPARED})"
        # "liquidations doubled", "tripling from Monday", "could double", "doubled over the month" (not "doubled down",
        # "doubles as", "doubled over in pain": "over" is a span only before one)
        rf"|(?P<verb>doubl|tripl|trebl|quadrupl)(?:ed|es|ing)\b(?!{_NOT_A_MOVE})"
        r"|\b(?:to|could|would|might|may|will|can|did|nearly|almost)\s+(?:[a-z]+ly\s+)?(?P<bare>double|triple|quadruple)\b"
        rf"(?!{_NOT_A_MOVE})"
        # "open interest halved", "fell by half", "cut in half" (not "in half an hour", "by half a point"; not bitcoin's
        # "halving", an event of its protocol)
        r"|(?P<halved>halved)\b|(?:\bby|\bin)\s+(?P<half>half)\b(?!\s+(?:an?|the|of)\b|[-\s]+(?:hour|day|year|point))"
        r")"))),
    # "three times as many longs as shorts", "10 times the daily average", "several times higher"
    (("times",), Deferred(globals(), rf"(?<![\w$.,-])(?P<times>(?:(?P<t_num>{_NUMBER_WORDS}|\d+(?:\.\d+)?)|(?P<t_vague>several))"
                                     rf"\s+times)\s+(?={_COMPARED})")),
    # "a fivefold jump", "rose 10-fold"
    (("fold",), Deferred(globals(), rf"(?<![\w$.,-])(?P<fold>(?P<f_num>{_NUMBER_WORDS}|\d+(?:\.\d+)?)[-\s]?fold)\b(?!\s*[:—])")),
    # "by a factor of four"
    (("factor",), Deferred(globals(), rf"(?<![\w$.,-])(?P<factor>(?:by\s+)?a\s+factor\s+of\s+(?P<fa_num>{_NUMBER_WORDS}|\d+(?:\.\d+)?))\b")),
    # "three to one", "a two-to-one split" (not "from three to one": a move)
    (("to one", "to-one"), Deferred(globals(), rf"(?<![\w$.,-])(?<!from\s)(?P<ratio>(?P<r_num>{_NUMBER_WORDS})(?:-to-|\s+to\s+)one)\b(?!-\w)")),
    # "nine in ten liquidations", "four out of five traders"
    (("out of", "in every", "in two", "in three", "in four", "in five", "in six", "in seven", "in eight", "in nine", "in ten",
      "in twenty", "in a hundred"), Deferred(globals(),
        r"(?<![\w$.,-])(?P<share>(?P<s_a>one|two|three|four|five|six|seven|eight|nine)\s+(?:out\s+of|in)\s+(?:every\s+)?"
        r"(?P<s_b>two|three|four|five|six|seven|eight|nine|ten|twenty|a\s+hundred))\b(?!\s+" + _TIME + ")")),
    # "fell four percent", "a twenty-five per cent drop", "down 4 pct": a percentage in words, or as wires abbreviate it
    (("percent", "per cent", "pct"), Deferred(globals(),
        rf"(?<![\w$.,-])(?P<pct>(?:(?P<pc_tens>{_TENS})(?:[-\s](?P<pc_ones>{_ONES}))?|(?P<pc_units>{_UNITS})"
        r"|(?P<pc_num>\d+(?:\.\d+)?(?=\s?pct)))\s?(?:percent|per\s?cent|percentage\s+points?|pct))\b")),
    # "double-digit losses", "triple-digit millions"
    (("digit",), Deferred(globals(), r"(?<![\w$.,-])(?P<digits>(?P<d_word>single|double|triple)[-\s]digits?)\b"
                                     r"(?P<d_mag>\s+(?:millions|billions|thousands))?")),
)
_DIGIT_PLACES = {"single": (1, 9), "double": (10, 99), "triple": (100, 999)}
_DIGIT_MAGS = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
_COPULA_BEFORE = re.compile(r"\b(?:is|was|are|were)\s+$")  # "the reason is twofold": an aside, not a multiple


def _number(word: str) -> float:
    w = " ".join(word.split())
    return float(_WORD_NUMBERS[w]) if w in _WORD_NUMBERS else float(w)


# Every reading's words as one expression of literals (the engine skips to their first letters in C), and which
# reading each belongs to. An expression opening with a lookbehind or a class of common letters is tried at most
# places of a paragraph: each reading's own is run only in a window around its words (``_BEFORE``, ``_AFTER``:
# the most a match reaches before them, "one thousand times", and the most its lookahead reads after, "as many
# longs as").
_READING_OF = {w: i for i, (words, _) in enumerate(_READINGS) for w in words}
# (written by first letter: one alternative per letter, each tried only where its letter stands; every match is one
# of _READING_OF's words once its spaces are made one: tests/test_check_reading_multiples.py)
_KEYS = re.compile(r"t(?:wice|imes|ripl|rebl|o(?:\s+|-)one)|d(?:oubl|igit)|ha(?:lved|lf)|quadrupl|f(?:old|actor)|out\s+of"
                   r"|in\s+(?:every|two|three|four|five|six|seven|eight|nine|ten|twenty|a\s+hundred)|p(?:ercent|er\s+cent|ct)")
_BEFORE, _AFTER = 40, 80


def gated(lower: str) -> bool:
    """Can a multiple, ratio or share in words stand in ``lower`` (a lowered text)?"""
    return _KEYS.search(lower) is not None


def read_multiples(lower: str) -> Iterator[tuple[int, int, str, float, float, bool, float]]:
    """(start, end, unit, low, high, point, precision) of every multiple, ratio or share in words in ``lower`` (a
    lowered text), in the order of their words; callers keep only those no figure already read overlaps."""
    done: dict[int, int] = {}  # reading -> where its last match ends
    for k in _KEYS.finditer(lower):
        i = _READING_OF[" ".join(k.group(0).split())]
        for m in _READINGS[i][1].finditer(lower, max(0, k.start() - _BEFORE), min(len(lower), k.end() + _AFTER)):
            if done.get(i, -1) <= m.start() <= k.start() < m.end():
                done[i] = m.end()
                yield from _read((m,), lower)


def _read(matches, lower: str) -> Iterator[tuple[int, int, str, float, float, bool, float]]:
    for m in matches:
        g = m.groupdict().get
        start, end = m.start(), m.end()
        if g("adverb") or g("verb") or g("bare"):
            word = g("adverb") or g("verb") or g("bare")
            v = float(next(n for stem, n in _VERB_TIMES.items() if word.startswith(stem)))
            at = m.start("bare") if g("bare") else start
            yield at, m.end("adverb") if g("adverb") else end, "multiple", v, v, True, 0.0
        elif g("halved") or g("half"):
            yield m.start("half") if g("half") else start, end, "multiple", 0.5, 0.5, True, 0.0
        elif g("times"):
            if g("t_vague"):
                yield start, m.end("times"), "multiple", *map(float, _VAGUE_TIMES), False, 0.0
            else:
                v = _number(g("t_num"))
                yield start, m.end("times"), "multiple", v, v, True, _PRECISION
        elif g("fold"):
            if g("f_num").startswith("two") and _COPULA_BEFORE.search(lower, max(0, start - 12), start):
                continue
            v = _number(g("f_num"))
            yield start, end, "multiple", v, v, True, _PRECISION
        elif g("factor"):
            v = _number(g("fa_num"))
            yield start, end, "multiple", v, v, True, _PRECISION
        elif g("ratio"):
            v = _number(g("r_num"))
            yield start, end, "ratio", v, v, True, _PRECISION
        elif g("share"):
            a, b = _number(g("s_a") if g("s_a") != "one" else "1"), _number(g("s_b"))
            if a < b:
                v = 100 * a / b
                yield start, end, "part", v, v, True, 100 * _PRECISION / b
        elif g("pct"):
            if g("pc_num"):
                v = float(g("pc_num"))
                yield start, end, "percent", v, v, True, 0.5 * 10.0 ** -len(g("pc_num").partition(".")[2])
                continue
            v = float(_TENS_WORDS.get(g("pc_tens") or "", 0) + _UNIT_WORDS.get(g("pc_units") or g("pc_ones") or "", 0))
            yield start, end, "percent", v, v, True, _PRECISION
        else:
            lo, hi = _DIGIT_PLACES[g("d_word")]
            mag = _DIGIT_MAGS.get((g("d_mag") or "").strip())
            if mag:
                yield start, end, None, lo * mag, hi * mag, False, 0.0
            else:
                yield start, end, "percent", float(lo), float(hi), False, 0.0
