"""The figure grammar: every way market-news prose writes a number worth checking.

A figure is normalised to a value (or a range), a unit, a qualifier
("approx", "at_least", "at_most", "vague") and the rounding the text implies,
so linking can ask "could this text have been written from that fact?"
rather than compare strings. The grammar is deliberately strict about what
is *not* a figure (years, dates, windows, times, names with digits such as
Nikkei 225 or H200, tickers such as BTC-USDT, ordinals): a bare number is a
figure only when a currency, percent sign, magnitude word or counted noun
says so, or when digit grouping makes it a price ("96,000").

Pure Python on purpose: the spaCy component in ``writer.check.nlp`` calls it, and so
can anything that holds plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from writer.check.casefold import lower_grammar, lower_pattern, lowered
from writer.check.lazyre import Deferred
from writer.check.multiples import read_multiples

_MAG_WORDS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
              "lakh": 1e5, "crore": 1e7}  # (Indian outlets: "1.5 lakh traders", "₹800 crore")
_MAG_SUFFIX = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "bil": 1e9, "b": 1e9, "tn": 1e12, "t": 1e12}
# Currencies a desk writes out after a magnitude ("2.4 trillion won"): never dollars.
CURRENCY_WORDS = {"won": "KRW", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "euro": "EUR", "euros": "EUR",
                  "pounds": "GBP", "rupees": "INR", "rubles": "RUB", "roubles": "RUB",
                  "usdt": "USDT", "usdc": "USDC",  # a notional quoted in a stablecoin ("80.6 million USDT")
                  # the ISO code after the amount, as translated Asian-market reports write it ("198.5 billion KRW")
                  "krw": "KRW", "jpy": "JPY", "cny": "CNY", "rmb": "CNY", "eur": "EUR", "gbp": "GBP", "inr": "INR", "rub": "RUB"}
_VAGUE = {
    # multiplier range of the magnitude: "several million" = 3-9 million, "tens of billions" = 10-99 billion.
    "several": (2, 9), "a few": (2, 5), "few": (2, 5), "a couple of": (2, 3), "tens of": (10, 99),
    "dozens of": (24, 99), "hundreds of": (100, 999), "several hundred": (200, 900), "a few hundred": (200, 500),
    "several tens of": (30, 90), "a": (1, 1), "one": (1, 1), "a single": (1, 1),
    "a couple hundred": (200, 300), "a couple of hundred": (200, 300),
    # a fraction of the magnitude, exact as "a billion" is: "a half billion", "half a million", "a quarter billion"
    "a half": (0.5, 0.5), "half a": (0.5, 0.5), "a quarter": (0.25, 0.25), "a quarter of a": (0.25, 0.25),
}

# Thousands grouped by commas, or by dots when there are two groups or more ("$150.000.000", as outlets
# writing in continental style print it; one dot group, "150.000", stays a decimal).
NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|[1-9]\d{0,2}(?:\.\d{3}){2,}(?![.\d])|\d+(?:\.\d+)?"
# NUM after its first digit: an expression written "\d(?<![...]\d)(?:NUM_TAIL)" (its first digit first, the lookbehind
# checked after it) finds what "(?=\d)(?<![...])(?:NUM)" finds, and the engine skips to the next digit in C instead
# of trying the expression at every character (tests/test_check_regex_filters.py).
NUM_TAIL = r"\d{0,2}(?:,\d{3})+(?:\.\d+)?|(?<=[1-9])\d{0,2}(?:\.\d{3}){2,}(?![.\d])|\d*(?:\.\d+)?"
MAGW = r"hundred|thousand|million|billion|trillion|lakh|crore"
# ...and other currencies before the amount: "€80 million", "£70m", "¥12 billion", "₩120 billion", "HK$88 million",
# "USDT 1.2 billion", "₹800 crore", "₦2 trillion" (a desk quoting a stablecoin notional or a local currency:
# ``PREFIX_UNITS`` names each). "A$" is read
# as dollars: it is as often the article before an amount whose space was lost ("The biggest? A$201 million long").
CUR = r"(?:US\$[ ]?|\$[ ]?|USD\s?|(?:HK|NZ|[ACRS])\$[ ]?|[€£¥₩₹₦][ ]?|(?:USDT|USDC|EUR|GBP|JPY|KRW)[ ])"
# The currency a prefix names (lower-cased, no space); anything else of CUR is dollars.
PREFIX_UNITS = {"€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY", "jpy": "JPY", "₩": "KRW", "krw": "KRW",
                "₹": "INR", "₦": "NGN",  # Indian and Nigerian desks: "₹800 crore", "₦2 trillion"
                "hk$": "HKD", "nz$": "NZD", "c$": "CAD", "s$": "SGD", "r$": "BRL", "usdt": "USDT", "usdc": "USDC"}
_PREFIX = Deferred(globals(), r"[-−]?((?:hk|nz|[crs])\$|[€£¥₩₹₦]|usdt|usdc|eur|gbp|jpy|krw)", re.IGNORECASE)


# "16pc", "between 30pc and 80pc": percent as the British and Gulf press abbreviate it (joined to its number).
_PC = Deferred(globals(), r"\dpc\b")


def prefix_unit(text: str) -> str:
    """The unit of an amount written with its currency first: "USD" unless ``PREFIX_UNITS`` names the prefix."""
    if text[:1] == "$":  # (nearly every amount of the genre: no expression to run)
        return "USD"
    m = _PREFIX.match(text)
    return PREFIX_UNITS[m.group(1).lower()] if m is not None else "USD"
COUNTED = (
    r"traders|accounts|users|investors|positions|wallets|addresses|orders|people|participants|holders|"
    r"liquidation orders|liquidations|trades|whales"
)
COINS = r"coins|tokens|bitcoins?|btc|eth|ether|xrp|sol|doge|bnb"
# Dollars in words after an amount: "dollars", "US dollars", "U.S. dollars" (translated reports write the country).
DOLLARS = r"(?:U\.?S\.?\s+)?dollars"
# The currency words above, longest first, as one alternation for the grammar.
CUR_WORDS = "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))

# A duration's word and what it is in a fact's units: a week is seven days (no fact unit is weeks).
DURATION_UNITS = {"minute": ("minutes", 1), "hour": ("hours", 1), "day": ("days", 1), "week": ("days", 7)}
DURATION_WORDS = "|".join(DURATION_UNITS)  # the words of the grammar's durations, singular

# One alternation, most specific first; named groups say which form matched.
# "from 46 to 1", "from about 622,000 to 1": a move's start, with at most one word of hedge between
_MOVE_FROM = re.compile(r"\bfrom\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
# "fell by $225 billion to $3.08 trillion", "shed $2,000 to $87,000": a change in one direction, then the level
# reached. Not after a verb with no direction: "moved by -0.5% to +0.5%" (how drafts print a signed range of
# change) is one range; nor when the first end is signed (see the callers).
_MOVE_BY = Deferred(globals(), r"\b(?:fell|dropped|slid|sank|plunged|tumbled|declined|rose|climbed|jumped|gained|added|lost|shed|"
                      r"evaporated|shrank|grew|increased|decreased)(?:\s+by)?\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
_FROM_REACH = 24  # characters before a figure where "from" and one hedge word ("from approximately ") stand
_FIGURE_SOURCE = (
    rf"""
    (?:(?<![\w$.,/+\-])|(?=\$)(?:(?<=\bmid-)|(?<=\blow-)|(?<=\bhigh-)|(?<=\bupper-)|(?<=\blower-)))  # (a price band: "the mid-$86,000 range"; "$" first, see below)
    (?=[$₿€£¥₩₹₦\d\-−+]|US|between|several|a\s|one\s|half\s|tens|dozens|hundreds|(?:HK|NZ|[ACRS])\$|(?:EUR|GBP|JPY|KRW)\s)  # cheap first-character filter
    (?:
      (?P<between>between\s+(?P<b_lo>[-−+]?(?:{CUR})?(?:{NUM})(?:\s?(?:{MAGW})|[kKmMbBtT]n?\b)?(?:%|pc\b)?)\s+and\s+(?P<b_hi>[-−+]?(?:{CUR})?(?:{NUM})(?:\s?(?:{MAGW})|[kKmMbBtT]n?\b)?(?:\s?%|pc\b|\s(?:percent|per\s?cent))?)(?:\s+(?:of\s+)?{DOLLARS}|\s+(?P<b_cur>{CUR_WORDS})\b|\s+(?P<b_coins>{COINS})\b|\s+(?P<b_dur>{DURATION_WORDS})s?\b)?)
    | (?P<mrange>(?P<mr_neg>[-−])?{CUR}(?P<mr_lo>{NUM})(?P<mr_lo_mag>\s?(?:{MAGW})|(?i:mn|bn|tn|[kmbt])\b)?\s?(?:[-–—]|\s+to\s+(?P<mr_hi_neg>[-−])?)\s?(?:{CUR})?(?P<mr_hi>{NUM})(?P<mr_hi_mag>\s?(?:{MAGW})|(?i:mn|bn|tn|[kmbt])\b)?)
    | (?P<prange>(?P<pr_lo>{NUM})\s?(?:%|pc\b)?\s?(?:[-–—]|\s+to\s+)\s?(?P<pr_hi>{NUM})\s?(?:%|pc\b|percent\b|per\s?cent\b))
    | (?P<money>(?P<m_neg>[-−])?{CUR}(?P<m_num>{NUM})(?P<m_band>(?<=0)s)?(?P<m_mag>[\s-]?(?:{MAGW})s?\b|\s?(?i:mln|bln|bil|mn|bn|tn)\b|\s?(?i:[kmbt])\b)?(?P<m_plus>-plus\b)?)
    | (?P<suffixed>(?P<s_num>{NUM})(?P<s_mag>[KMB]|bn|(?<=\.\d)\s[KMB]|(?<=\.\d\d)\s[KMB])\b(?:\s+(?:dollars|USD)|\s+(?P<s_noun>{COUNTED}|{COINS})\b)?)
    | (?P<percent>(?P<p_neg>[-−+])?(?P<p_num>{NUM})(?:\s?(?:%|percent\b|per\s?cent\b|percentage\s+points?\b)|pc\b))
    | (?P<ratio>(?P<r_a>{NUM})\s?:\s?(?P<r_b>\d+(?:\.\d+)?)(?![\d:])(?!(?:(?<=:\d\d)|(?<=:\s\d\d))\s*(?:hours?|hrs|UTC|GMT|[AaPp]\.?[Mm]\b\.?)(?!\w))|(?P<r_a2>{NUM})(?:-to-|\s+to\s+)1(?![\d:%]|[.,]\d|\s*(?:{MAGW}|percent)))
    | (?P<vague>(?P<v_word>several\s+hundred|a\s+few\s+hundred|a\s+half|half\s+a|a\s+quarter(?:\s+of\s+a)?|a\s+couple(?:\s+of)?\s+hundred|several\s+tens\s+of|several|a\s+few|a\s+couple\s+of|tens\s+of|dozens\s+of|hundreds\s+of|a\s+single|a|one)\s+(?P<v_mag>hundred|thousand|million|billion|trillion)s?(?:[-\s]level)?(?:(?P<v_dollars>\s+(?:of\s+)?{DOLLARS}|\s+USD)|\s+(?:of\s+)?(?P<v_cur>{CUR_WORDS})\b(?!['’]))?)
    | (?P<worded>(?P<w_num>{NUM})\s?(?P<w_mag>{MAGW})\b(?:(?P<w_dollars>\s+(?:of\s+)?(?:{DOLLARS}|USD))|\s+(?P<w_cur>{CUR_WORDS})\b|\s+(?P<w_noun>{COUNTED}|{COINS})\b)?)
    | (?P<bps>(?P<bp_num>{NUM})\s?(?:bps|bp|basis\s+points?)\b)
    | (?P<btc>₿\s?(?P<bt_num>{NUM})(?P<bt_mag>\s?(?:{MAGW})\b|(?i:[kmb])\b)?)
    | (?P<usd>(?P<u_num>{NUM})\s?(?:USD|{DOLLARS})\b)
    | (?P<rate>(?P<ra_num>{NUM})\s+(?:[a-z]+\s+)?per\s+(?P<ra_per>second|minute|hour|day)\b)
    | (?P<curword>(?P<cw_num>{NUM})\s+(?P<cw_cur>{CUR_WORDS})\b)
    | (?P<counted>(?P<c_num>{NUM})\s+(?:(?!(?:hours?|minutes?|days?|weeks?|months?|years?|seconds?|largest|biggest|smallest|top|first|last|most|least)\b)\w+\s+)?(?P<c_noun>{COUNTED})\b)
    | (?P<coins>(?P<co_num>{NUM})\s?(?P<co_unit>{COINS})\b)
    | (?P<grouped>(?P<g_num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?))(?!\s+(?:{DURATION_WORDS})s?\b)  # a duration: _read_in_context
    )
    (?![\w%]|[-–]\w|[.,]\d)
    """
)


# (The price band's "$" is asked before its five lookbehinds: the engine tries the grammar at every character, and
# at most of them, inside a word, the first lookbehind fails; asked first, the one-character "$" turns them away
# before the five are tried. Zero-width tests at one place answer the same in any order: the same matches, and the
# grammar's scans about 1.8x faster. tests/test_check_regex_filters.py holds it to the head as first written.)
_FIGURE_FOLDED = re.compile(lower_grammar(_FIGURE_SOURCE), re.VERBOSE)  # about 1.25x faster; see casefold


def _figure_re() -> re.Pattern:
    """The grammar as written (IGNORECASE), for a text the folded twin cannot read ("ſ", "İ"): compiled
    on first use, so a process whose texts all fold (nearly every one) does not compile it."""
    rx = globals().get("_FIGURE_RE")
    if rx is None:
        rx = globals()["_FIGURE_RE"] = re.compile(_FIGURE_SOURCE, re.VERBOSE | re.IGNORECASE)
    return rx


def __getattr__(name: str):
    """``figures._FIGURE_RE`` (benchmarks, tests, the textlint port's export) compiles it (PEP 562)."""
    if name == "_FIGURE_RE":
        return _figure_re()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
# The expressions made ``Deferred`` below are compiled on first use (writer/check/lazyre.py): the
# sentences of a draft never reach them, other articles' do; the rest are read in nearly every check.
# A time of day ("08:30") or a bare hyphenated compound is never a ratio.
_TIME_RE = re.compile(r"^\d{1,2}:\d{2}$")
# "hundred" alone is only a figure in "hundred billion" / "a hundred million".
_HUNDRED_RE = Deferred(globals(), r"(?<![\w$])(?<!several )(?<!few )(?<!couple )(?<!couple of )(?P<h>(?:a\s+|one\s+)?hundred[-\s]+(?P<h_mag>thousand|million|billion|trillion))(?:[-\s]level)?\b", re.IGNORECASE)


# A magnitude counted in words: "two hundred thousand traders", "three million dollars", "forty-five
# billion". (One, a, several, tens of...: the vague forms above; "a hundred million": _HUNDRED_RE.)
_UNITS_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
                "eighteen": 18, "nineteen": 19}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ONES = "one|two|three|four|five|six|seven|eight|nine"  # after a tens word: "twenty-five"


def _number_words(first: str, usd: str) -> str:
    """The expression, opening with the words' first letters (``first``), so the engine fails most
    positions on one comparison: it runs on nearly every paragraph of the genre, which names millions."""
    return (rf"(?={first})(?<![\w-])(?:(?P<tens>{'|'.join(_TENS_WORDS)})(?:[-\s](?P<ones>{_ONES}))?|(?P<units>{'|'.join(sorted(_UNITS_WORDS, key=len, reverse=True))}))"
            rf"\s+(?:(?P<hundred>hundred)\s+)?(?P<mag>{MAGW})\b"
            rf"(?:(?P<dollars>\s+(?:of\s+)?(?:dollars|{usd}))|\s+(?P<noun>{COUNTED})\b)?")


_NUMBER_WORDS_RE = Deferred(globals(), _number_words("[efnstEFNST]", "USD"), re.IGNORECASE)
# Its case-sensitive twin for the lowered text: the same matches where lowering keeps every offset, ~2x faster.
_NUMBER_WORDS_LOWER = Deferred(globals(), _number_words("[efnst]", "usd"))


def _word_starts(words) -> str:
    """Where one of ``words`` (lower-case) starts a word, not after a hyphen: the words grouped by their first
    letter, each letter followed by the lookbehind (one character further back) and its words' rests. Opening
    with literal letters, the expression lets the engine skip to those letters in C (with the lookbehind first,
    it tried every character)."""
    rests: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        rests.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(f"{c}(?<![\\w-].)(?:{'|'.join(r)})" for c, r in rests.items())


# Where a number word can start: every match of _NUMBER_WORDS_LOWER starts at one of these, and two of them never
# overlap (each is letters after a non-letter), so trying the twin only there finds its matches (_number_words_lower).
_NUMBER_WORD_STARTS = Deferred(globals(), _word_starts([*_TENS_WORDS, *_UNITS_WORDS]))


def _number_words_lower(low: str):
    """``_NUMBER_WORDS_LOWER.finditer(low)``, the twin tried only where a number word starts: most paragraphs of
    the genre name millions, few count them in words (tests/test_check_regex_filters.py). (Asking first whether the
    text holds one of the 27 words anywhere cost as much as the scan: "ten" is inside many words.)"""
    return _tried_where_words_start(_NUMBER_WORD_STARTS, _NUMBER_WORDS_LOWER, low)


def _holds_any(low: str, words) -> bool:
    """Does ``low`` hold one of ``words`` anywhere (inside other words too)? A string search per word, in C: what an
    expression tried where the words start needs before it can match at all (worth asking first for a few words that
    few texts hold). (A loop, not ``any`` over a generator: asked of every paragraph for several lists.)"""
    for w in words:
        if w in low:
            return True
    return False


def _tried_where_words_start(starts: re.Pattern, rx: re.Pattern, low: str):
    """``rx.finditer(low)`` for an ``rx`` whose every match starts where ``starts`` (``_word_starts``) matches:
    ``rx`` tried only there, not at every character."""
    end = 0
    for at in starts.finditer(low):
        if at.start() >= end:
            m = rx.match(low, at.start())
            if m is not None:
                end = m.end()
                yield m

# "half a billion (dollars)": half the magnitude, a round figure.
# ...and "a quarter of a billion", "three quarters of a million": that part of the magnitude.
_PART_OF = {"half": 0.5, "a quarter of": 0.25, "one quarter of": 0.25, "three quarters of": 0.75, "three-quarters of": 0.75,
            "a third of": 1 / 3, "one third of": 1 / 3, "two thirds of": 2 / 3, "two-thirds of": 2 / 3}
_HALF_RE = re.compile(r"(?<![\w$])(?P<part>half|(?:a|one)\s+quarter\s+of|three[-\s]quarters\s+of|(?:a|one)\s+third\s+of|two[-\s]thirds\s+of)"
                      r"\s+a\s+(?P<mag>million|billion|trillion)(?P<dollars>\s+(?:of\s+)?dollars|\s+USD)?\b", re.IGNORECASE)
# A share in words: "more than half of the liquidations", "two-thirds of all longs", "less than a tenth,
# so ...". A figure as much as "94%" is: someone worked it out, and the reader is owed whose count it
# rests on ("by our calculation from CoinGlass's figures"). Its unit is "part" (percent of a whole the
# words name), which no fact holds: fact mode asks only for its attribution (rules/p001). Read only
# where the words are a quantity: after a bound or hedge word ("more than a third", "nearly half"),
# or before "of" and a noun that is not a stretch of time ("a quarter of an hour", "the first half of
# 2024", "the other half of the story" are not shares; "half a billion" is _HALF_RE's).
_SHARE_PARTS = {"half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "a quarter": 25.0, "one quarter": 25.0,
                "a fifth": 20.0, "one fifth": 20.0, "a tenth": 10.0, "one tenth": 10.0, "two thirds": 200 / 3,
                "three quarters": 75.0}
_SHARE_PRECISION = 2.5  # points either side: "a third" says 33%, not 33.33%
# The ladder of shares in words, smallest first (fact mode's linking reads a bound on one against the next step:
# writer/check/link_fit.py ``share_step_fits``).
SHARE_STEPS = tuple(sorted(set(_SHARE_PARTS.values())))
_SHARE_RE = Deferred(globals(),
    r"(?<![\w$-])(?P<part>half|(?:a|one)\s+(?:third|quarter|fifth|tenth)|one-(?:third|quarter|fifth|tenth)|two[-\s]thirds|three[-\s]quarters)\b"
    r"(?!\s+(?:of\s+)?an?\s+(?:million|billion|trillion|hour|minute|day|week|month|year)\b)", re.IGNORECASE)
# a bound or hedge word right before the share: "more than half", "nearly a third"
_SHARE_HEDGED = Deferred(globals(), r"\b(?:(?:more|less|fewer)\s+than|over|under|nearly|almost|about|around|roughly|"
                                    r"close\s+to|at\s+least|at\s+most|just\s+(?:over|under))\s+$", re.IGNORECASE)
# a place in a sequence or a remainder, not a share: "the first half of", "the other half of"
_SHARE_PLACE = Deferred(globals(), r"\b(?:first|second|third|fourth|final|last|latter|former|other|back|front|top|bottom)\s+$",
                        re.IGNORECASE)
# "of" and what follows: a stretch of time ("a quarter of an hour", "half of 2024") is no share
_SHARE_OF = Deferred(globals(), r"\s+of\s+(?!(?:the\s+|this\s+|that\s+|its\s+|an?\s+)?(?:year|month|week|day|hour|minute|"
                                r"session|decade|century|quarter|period|window|time|way|story)s?\b(?!['’])|\d{4}\b)", re.IGNORECASE)
_SHARE_REACH = 16  # characters before a share where its bound or hedge word ("just under ") stands


def _share_words(text: str, found: list[Figure], base: int) -> list[Figure]:
    """``found`` with the shares in words of ``text`` (see the comment on _SHARE_PARTS), each a figure of unit "part"."""
    for m in _SHARE_RE.finditer(text):
        if any(f.start - base <= m.start() < f.end - base for f in found):
            continue  # "half a billion" (_HALF_RE's)
        before = text[max(0, m.start() - _SHARE_REACH):m.start()]
        if not _SHARE_HEDGED.search(before) and (_SHARE_PLACE.search(before) or not _SHARE_OF.match(text, m.end())):
            continue
        v = _SHARE_PARTS[" ".join(m.group("part").lower().replace("-", " ").split())]
        found.append(Figure(base + m.start(), base + m.end(), m.group(0), "part", v, v, True, _SHARE_PRECISION))
    return found


# A high or low against a span ("a 5-year high", "a three-month low"): a comparison a desk takes from
# someone, with its span in days (a year as 365, a month as 30). "The 50-day moving average" and "the
# 10-year bond" name an indicator and an instrument, not a comparison: only before high/low and the like.
# ("its weakest quarter in six years" stays prose: annotators do not count it.)
_SPAN_DAYS = {"year": 365, "month": 30, "week": 7, "day": 1}
_SPAN_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
               "eleven": 11, "twelve": 12}
# (scanned from the span's word, on the lowered text: a literal first word lets the engine skip ahead)
_EXTREME_RE = re.compile(r"(?P<span>year|month|week|day)\s+(?:high|low|peak|record|bottom|top)s?\b")
_SPAN_NUMBER = Deferred(globals(), r"(?<![\w$.,-])(?P<num>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[-\s]$")
# A multiple: "a 40x jump", "3× the daily average"; leverage ("100x leverage", "long 40x", "a 40x long") is
# not read here: one position's leverage is read apart (``_POSITION_LEVERAGE``), any other is no figure.
_MULTIPLE_RE = re.compile(rf"(?P<num>\d(?<![\w$.,]\d)(?<!long \d)(?<!short \d)(?<!at \d)(?:{NUM_TAIL}))\s?[x×](?![\w])(?!\s*(?:(?:bullish|bearish)\s+)?(?:leverage|leveraged|levered|margin|long|longs|short|shorts|position|positions)\b)", re.IGNORECASE)
_LEVERAGE_BEFORE = Deferred(globals(), r"\b(?:leverage[sd]?|margin)\b[^.;]*$", re.IGNORECASE)
# ...but one position's leverage is a figure: a tracker reports it and desks attribute it ("opened a 40x
# long, Lookonchain said"; "a 5x leveraged short position"; "a whale ... using 40x leverage"). A venue's
# terms ("max leverage of 50x", "up to 100x leverage", "leverage limits of 40x") and leverage in general
# ("traders using 2x leverage", "he was long 25x") stay none: no tracker reports them about a position.
# (Written digit first, as _MULTIPLE_RE: the engine skips to the next digit in C; tests/test_check_regex_filters.py.)
_POSITION_LEVERAGE = Deferred(globals(), rf"(?P<num>\d(?<![\w$.,]\d)(?:{NUM_TAIL}))\s?[x×](?![\w])(?=\s+(?:(?P<noun>(?:(?:bullish|bearish|leveraged|"
                                          rf"levered|isolated|cross)\s+){{0,2}}(?:long|short|position|bet|trade|whale|trader|wallet)\b)"
                                          rf"|leverage\b))", re.IGNORECASE)
# "a 40x long", "the whale's 25x short", "a massive 5x leveraged short": a determiner at most three words before.
_DETERMINER_BEFORE = Deferred(globals(), r"(?:\b(?:a|an|the|its|his|her|their|this|that|one)|['’]s)\s+(?:[\w$.,'’-]+\s+){0,3}$", re.IGNORECASE)
# "a whale ... using 40x leverage": one holder or position named earlier in the sentence.
_ONE_POSITION_BEFORE = Deferred(globals(), r"\b(?:a|an|the|its|his|her|their|this|that|one)\s+(?:[\w$.,'’-]+\s+){0,4}?"
                                           r"(?:long|short|position|bet|trade|whale|trader|wallet|address|account|investor)\b", re.IGNORECASE)
# Where the words that may name the position start: after a sentence's or clause's end, a colon, or a quotation
# mark (a quote is read as its own words, as the fact base holds them: "... said: “10x leverage is a bet”").
_CLAUSE_START = Deferred(globals(), r"[.;:!?](?=\s)|[\"“”«»]")
# A venue's terms right before it: "max leverage to", "up to", "limits of", "caps leverage at".
_VENUE_TERMS_BEFORE = Deferred(globals(), r"\b(?:max(?:imum)?|up\s+to|limits?|caps?|capped|ceiling|offer(?:s|ing|ed)?|allow(?:s|ing|ed)?|support(?:s|ing|ed)?)\b[^.;]{0,25}$", re.IGNORECASE)
# Two figures that are the ends of one range: what stands between them, and what may stand before the first.
# A duration's word may follow each end ("67,400 hours to 70,900 hours": the check reads no unit in it).
_RANGE_JOIN = re.compile(rf"^\s*(?:(?:{DURATION_WORDS})s?\s+)?(?:[-–—]|to|to\s+(?:even|as\s+(?:much|many|high)\s+as|about|around|roughly|nearly|approximately|some|perhaps)|and(?:\s+(?:about|around|roughly|nearly|approximately|some))?)\s*$", re.IGNORECASE)
_END_FIRST_JOIN = re.compile(r"^\s*from\s*$", re.IGNORECASE)  # a move told end first: "to 13.5% from 10%"


def joins_ends(between: str) -> bool:
    """Is ``between``, the text between two figures, only the word joining one range's or one move's two ends ("to",
    "and", a dash, "to about", "from" for a move told end first)? The same joining words ``_range_ends`` reads."""
    return _RANGE_JOIN.match(between) is not None or _END_FIRST_JOIN.match(between) is not None


_RANGE_OPEN = Deferred(globals(), r"(?:\bbetween(?:\s+the)?|\b(?:range[sd]?|ranging|vari(?:es|ed)|vary(?:ing)?|run(?:s|ning)?|ran|anywhere|estimated|estimates?|somewhere)\s+from|\bfrom\s+(?:about|around|roughly|approximately|some))\s*(?:(?:about|around|roughly|nearly|approximately|some|over|more\s+than)\s+)?$", re.IGNORECASE)
_BETWEEN_BEFORE = Deferred(globals(), r"\bbetween(?:\s+the)?\s*$", re.IGNORECASE)  # "between the $52,400 and $53,000 marks"
_FROM_BEFORE = Deferred(globals(), r"\bfrom\s+(?:\S+\s+)?$", re.IGNORECASE)

# An index reading: "the Fear & Greed Index stood at 27", "a reading of 12" (not a ticker's digits: "is 1INCH").
_INDEX_RE = re.compile(
    r"\b(?:index|reading|gauge|score)\b[^.;:\d\n]{0,30}?\b(?:at|of|to|was|is|hit|reached|read|reads|registered|printed)\s+(?P<num>\d{1,3}(?:\.\d+)?)(?![\d,.]?\d)(?![A-Za-z_])(?!\s*(?:%|percent|hours?|minutes?|days?|weeks?|months?|years?))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Figure:
    """One figure as the text writes it, normalised. (Frozen: figures are shared by the check's memos.)"""

    start: int  # character offsets of the figure (qualifier excluded) in the text scanned
    end: int
    text: str
    unit: str | None  # "USD", "percent", "count", "coins", "ratio", or None when the text does not say
    lo: float
    hi: float
    point: bool  # a single value rather than a range
    precision: float  # half the place value of the last significant digit written
    qualifier: str | None = None  # "approx", "at_least", "at_most", "vague"
    qualifier_text: str | None = None
    qualifier_start: int | None = None
    asset: str | None = None  # for coin amounts ("5,000 BTC")

    def moved(self, by: int) -> Figure:
        """The same figure with its offsets moved (a plain constructor call: ``dataclasses.replace``
        introspects the fields each time, and every figure of every article is moved once or twice)."""
        return Figure(self.start + by, self.end + by, self.text, self.unit, self.lo, self.hi, self.point, self.precision,
                      self.qualifier, self.qualifier_text, None if self.qualifier_start is None else self.qualifier_start + by,
                      self.asset)

    @property
    def value(self) -> float:
        return (self.lo + self.hi) / 2

    def interval(self) -> tuple[float, float]:
        """Every true value the text is compatible with (rounding and bound words included)."""
        lo, hi = self.lo - self.precision, self.hi + self.precision
        if self.qualifier == "approx":
            slack = max(abs(self.lo), abs(self.hi)) * 0.025
            lo, hi = lo - slack, hi + slack
        elif self.qualifier == "at_least":
            hi = float("inf")
        elif self.qualifier == "at_most":
            lo = float("-inf")
        return lo, hi


def _num(text: str) -> float:
    return float(text.replace(",", ""))  # correctly rounded, as float(Decimal(...)) is


@lru_cache(maxsize=4096)  # (a pure function of the digits; articles repeat their numbers' shapes: "1.2", "500")
def _half_unit(text: str) -> float:
    """Half the place value of the last significant digit: '1.451' -> 0.0005, '90' -> 5, '96,000' -> 500.

    Read from a decimal literal ("5e-4"), correctly rounded: the same float as Decimal(5).scaleb(-4)
    gives, without Decimal's cost (every figure of every article comes through here)."""
    digits = text.replace(",", "")
    if "." in digits:
        decimals = len(digits.split(".")[1])
        return float(f"5e{-decimals - 1}")
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    return float(f"5e{zeros - 1}")


def _mag(word: str | None) -> float:
    if not word:
        return 1.0
    w = word.strip().lower()
    if w[-1:] == "s" and w[:-1] in _MAG_WORDS:  # "$19 billions", "₹5 crores": a plural magnitude is the same magnitude
        w = w[:-1]
    return _MAG_WORDS.get(w) or _MAG_SUFFIX.get(w, 1.0)


def _amount(num: str, mag: str | None) -> tuple[float, float]:
    """(value, precision) of a number with an optional magnitude word or suffix."""
    m = _mag(mag)
    if num.count(".") > 1:  # dot-grouped thousands (NUM)
        num = num.replace(".", ",")
    return _num(num) * m, _half_unit(num) * m


def _unit_of(text: str) -> str | None:
    t = text.lower()
    if "%" in t or "percent" in t or "per cent" in t or "percentage point" in t or _PC.search(t):
        return "percent"
    m = _PREFIX.match(t.lstrip("+"))
    if m is not None:  # "€80 million" ("between €80 million and €90 million")
        return PREFIX_UNITS[m.group(1)]
    if "$" in t or "dollar" in t or "usd" in t:
        return "USD"
    return None


_TRAILING_IN_OF = Deferred(globals(), r"\s+(?:in|of)$")


def _make(m: re.Match, base: int, source: str | None = None) -> Figure | None:
    """The figure of a grammar match; ``source``: the text as written when ``m`` was found in its
    lower-cased twin (``_FIGURE_FOLDED``: every group read here is lower-cased or digits anyway)."""
    kind = m.lastgroup
    g = m.group
    text = (m.group(0) if source is None else source[m.start():m.end()]).rstrip()
    # a trailing "in"/"of" joined onto money ("$683 million in") is context, not figure.
    if text[-2:].lower() in ("in", "of"):
        text = _TRAILING_IN_OF.sub("", text)
    start, end = base + m.start(), base + m.start() + len(text)
    make = _MAKERS.get(kind)
    return make(m, g, text, start, end, source) if make is not None else None


def _make_between(m: re.Match, g, text: str, start: int, end: int, source: str | None) -> Figure | None:
    lo_t, hi_t = g("b_lo"), g("b_hi")
    times = 1
    unit = _unit_of(hi_t) or _unit_of(lo_t) or _unit_of(text)
    if g("b_cur"):
        unit = CURRENCY_WORDS[g("b_cur").lower()]
    elif g("b_coins"):
        unit = "coins"
    elif g("b_dur") and not unit:  # "between 653 and 1,050 days": a duration's two ends
        unit, times = DURATION_UNITS[g("b_dur").lower()]
    hi_mag = _mag_in(hi_t)
    hi, hp = _amount(_num_in(hi_t), hi_mag)
    lo, lp = _amount(_num_in(lo_t), _mag_in(lo_t) or hi_mag)
    if not _mag_in(lo_t) and lo > hi:  # "between 675,000 and 1.13 million": the low end is written in full
        lo, lp = _amount(_num_in(lo_t), None)
    lo, hi = (-lo if lo_t[:1] in "-−" else lo), (-hi if hi_t[:1] in "-−" else hi)  # "between -53% and -21%"
    lo, hi = min(lo, hi), max(lo, hi)  # "between 90% and 45%": the same range written high to low
    return Figure(start, end, text, unit, lo * times, hi * times, False, max(lp, hp) * times)


def _make_mrange(m: re.Match, g, text: str, start: int, end: int, source: str | None) -> Figure | None:
    if m.string[max(0, m.start() - 5):m.start()].lower().endswith("from "):
        return None  # "from $90,000 to $96,000" is a move between two points; see find_figures
    if " to " in text and not g("mr_neg") and _MOVE_BY.search(m.string[max(0, m.start() - _FROM_REACH):m.start()]):
        return None  # "fell by $225 billion to $3.08 trillion": a change and the level it reached
    hi_mag = g("mr_hi_mag")
    lo, lp = _amount(g("mr_lo"), g("mr_lo_mag") or hi_mag)
    hi, hp = _amount(g("mr_hi"), hi_mag)
    lo, hi = (-lo if g("mr_neg") else lo), (-hi if g("mr_hi_neg") else hi)  # a range across zero: "-$1.2 million to $3.5 million"
    if hi < lo:
        return None
    return Figure(start, end, text, prefix_unit(text), lo, hi, False, max(lp, hp))


def _make_prange(m: re.Match, g, text: str, start: int, end: int, source: str | None) -> Figure | None:
    lo, lp = _amount(g("pr_lo"), None)
    hi, hp = _amount(g("pr_hi"), None)
    if hi < lo or _percent_move(m):
        return None  # two points: _percent_ends (see find_figures)
    return Figure(start, end, text, "percent", lo, hi, False, max(lp, hp))


# A magnitude letter set apart by a space is a price widget's capital ("$25.28 B", "$1.68 T"); a small letter there
# begins a word or a unit of its own ("$5 t" of a commodity, "$3 m" of cable): no magnitude (joined, "$5m", it is one).
_SPACED_LETTER = re.compile(r"\s[a-z]")


def _make_money(m: re.Match, g, text: str, start: int, end: int, source: str | None) -> Figure | None:
    if g("m_mag") and _SPACED_LETTER.fullmatch(source[m.start("m_mag"):m.end("m_mag")] if source is not None else g("m_mag")):
        cut = m.start("m_mag") - m.start()  # the amount alone, its letter left out
        v, p = _amount(g("m_num"), None)
        return Figure(start, start + cut, text[:cut], prefix_unit(text), -v if g("m_neg") else v, -v if g("m_neg") else v, True, p)
    v, p = _amount(g("m_num"), (g("m_mag") or "").lstrip("-"))
    if g("m_neg"):  # a signed amount: "the basis fell to -$17", "a basis of −$12"
        v = -v
    if g("m_band") and not g("m_mag"):  # a band of prices: "the $70,000s" runs from $70,000 up to $80,000
        digits = g("m_num").replace(",", "").split(".")[0]
        step = 10 ** (len(digits) - len(digits.rstrip("0")))
        return Figure(start, end, text, prefix_unit(text), v, v + step, False, 0.0)
    unit = prefix_unit(text)
    if g("m_plus"):  # "$500 million-plus": more than that
        return Figure(start, end, text, unit, v, v, True, p, "at_least", text[-5:], end - 5)
    return Figure(start, end, text, unit, v, v, True, p)


def _make_suffixed(m: re.Match, g, text: str, start: int, end: int, source: str | None) -> Figure | None:
    v, p = _amount(g("s_num"), g("s_mag"))
    # "1.45B" in this genre is money, unless it counts what follows ("100K traders", "2.35 M BTC": coins)
    noun = (g("s_noun") or "").lower()
    if noun and re.fullmatch(COINS, noun) is not None:
        return Figure(start, end, text, "coins", v, v, True, p, asset=_coin_asset(noun))
    return Figure(start, end, text, "count" if noun else "USD", v, v, True, p)


def _make_percent(m: re.Match, g, text: str, start: int, end: int, source: str | None) -> Figure | None:
    v, p = _amount(g("p_num"), None)
    if g("p_neg") in ("-", "−"):
        v = -v
    return Figure(start, end, text, "percent", v, v, True, p)


_TO_BEFORE = re.compile(r"\bto\s+$", re.IGNORECASE)  # "the ratio jumped to 3 to 1": the level reached is the ratio


def _make_ratio(m: re.Match, g, text: str, start: int, end: int, source: str | None) -> Figure | None:
    if _TIME_RE.match(text):
        return None
    if g("r_a2") and "-to-" not in text and (_MOVE_FROM.search(before := m.string[max(0, m.start() - _FROM_REACH):m.start()])
                                             or _MOVE_BY.search(before) and not _TO_BEFORE.search(before)):
        # "fell 45, from 46 to 1", "from about 622,000 to 1": a move between two counts, not a ratio; so is a change
        # and the level it reached ("the number of users fell by 2 to 1")
        return None
    a, p = _amount(g("r_a") or g("r_a2"), None)
    b = float(g("r_b") or 1)
    if b == 0:
        return None
    return Figure(start, end, text, "ratio", a / b, a / b, True, p / b)


def _make_vague(m: re.Match, g, text: str, start: int, end: int, source: str | None) -> Figure | None:
    word = " ".join(g("v_word").lower().split())
    mult = _VAGUE.get(word, (1, 1))
    mag = _MAG_WORDS[g("v_mag").lower()]
    unit = "USD" if g("v_dollars") else CURRENCY_WORDS[g("v_cur").lower()] if g("v_cur") else None  # "several billion yuan"
    if mult[0] == mult[1]:  # "a billion", "a half billion": one value
        return Figure(start, end, text, unit, mult[0] * mag, mult[0] * mag, True, mult[0] * mag * 0.5)
    return Figure(start, end, text, unit, mult[0] * mag, mult[1] * mag, False, 0.0, qualifier="vague")


def _make_worded(m: re.Match, g, text: str, start: int, end: int, source: str | None) -> Figure | None:
    v, p = _amount(g("w_num"), g("w_mag"))
    noun = (g("w_noun") or "").lower()
    coins = bool(noun) and re.fullmatch(COINS, noun) is not None
    unit = "USD" if g("w_dollars") else ("coins" if coins else ("count" if noun else None))
    if g("w_cur"):
        unit = CURRENCY_WORDS[g("w_cur").lower()]
    return Figure(start, end, text, unit, v, v, True, p, asset=_coin_asset(noun) if coins else None)


def _make_bps(m: re.Match, g, text: str, start: int, end: int, source: str | None) -> Figure | None:
    # "14 bps", "14 basis points": hundredths of a percentage point
    v, p = _amount(g("bp_num"), None)
    return Figure(start, end, text, "percent", v / 100, v / 100, True, p / 100)


def _make_btc(m: re.Match, g, text: str, start: int, end: int, source: str | None) -> Figure | None:
    # "₿1,250": bitcoins
    v, p = _amount(g("bt_num"), g("bt_mag"))
    return Figure(start, end, text, "coins", v, v, True, p, asset="BTC")


def _make_usd(m: re.Match, g, text: str, start: int, end: int, source: str | None) -> Figure | None:
    # "61,220,400 USD", "500 dollars"
    v, p = _amount(g("u_num"), None)
    return Figure(start, end, text, "USD", v, v, True, p)


def _make_rate(m: re.Match, g, text: str, start: int, end: int, source: str | None) -> Figure | None:
    # "2 per second", "940 liquidations per minute": a fact's `unit: per_minute`
    v, p = _amount(g("ra_num"), None)
    return Figure(start, end, text, "per_" + g("ra_per").lower(), v, v, True, p)


def _make_curword(m: re.Match, g, text: str, start: int, end: int, source: str | None) -> Figure | None:
    # "10,000 yuan"
    v, p = _amount(g("cw_num"), None)
    return Figure(start, end, text, CURRENCY_WORDS[g("cw_cur").lower()], v, v, True, p)


def _make_counted(m: re.Match, g, text: str, start: int, end: int, source: str | None) -> Figure | None:
    if m.string[max(0, m.start() - 4):m.start()].lower() == "top ":
        return None  # "the top 10 coins" is a rank, not a count
    v, p = _amount(g("c_num"), None)
    if "," not in g("c_num") and "." not in g("c_num") and 1900 <= v <= 2100:
        return None  # "2026 traders" is far likelier a year than a head count
    if _day_of_month(m.string if source is None else source, m.start(), g("c_num"), text):
        return None  # "the March 3 liquidations", "the 3 March liquidations": a date, not three of them
    return Figure(start, end, text, "count", v, v, True, p)


def _make_coins(m: re.Match, g, text: str, start: int, end: int, source: str | None) -> Figure | None:
    if m.string[max(0, m.start() - 4):m.start()].lower() == "top ":
        return None  # "the top 10 coins" is a rank, not a count
    v, p = _amount(g("co_num"), None)
    if _YEAR_RE.fullmatch(g("co_num")) and _YEAR_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
        return None  # "In 2024 BTC halved": a year before a ticker, not 2,024 coins ("moved 2000 ETH" is coins)
    return Figure(start, end, text, "coins", v, v, True, p, asset=_coin_asset(g("co_unit")))


def _make_grouped(m: re.Match, g, text: str, start: int, end: int, source: str | None) -> Figure | None:
    v, p = _amount(g("g_num"), None)
    return Figure(start, end, text, None, v, v, True, p)


# One reader per kind of grammar match (the named group that matched: ``m.lastgroup``).
_MAKERS = {
    "between": _make_between,
    "mrange": _make_mrange,
    "prange": _make_prange,
    "money": _make_money,
    "suffixed": _make_suffixed,
    "percent": _make_percent,
    "ratio": _make_ratio,
    "vague": _make_vague,
    "worded": _make_worded,
    "bps": _make_bps,
    "btc": _make_btc,
    "usd": _make_usd,
    "rate": _make_rate,
    "curword": _make_curword,
    "counted": _make_counted,
    "coins": _make_coins,
    "grouped": _make_grouped,
}


# A move between two percentages ("fell from 64% to 41%", "rose from 20 to 35 percent") or a pair written high to low
# ("75%-15%") is two points, as a move between two sums of money is (find_figures_simple): only a pair read low to high,
# not after "from" (unless a word of spread stands before it: "ranged from 20% to 70%"), is one range. The first
# end's sign may be left to the second ("from 60 to 45%").
_PERCENT_SIGN = Deferred(globals(), r"\s?(?:%|pc\b)")
_MOVE_REACH = 40  # characters before a pair searched for "from" and a word of spread


def _percent_move(m: re.Match) -> bool:
    """Is the ``prange`` match ``m`` a move's two ends ("from 20% to 35%") rather than a range?"""
    before = m.string[max(0, m.start() - _MOVE_REACH):m.start()]
    return _FROM_BEFORE.search(before) is not None and _RANGE_OPEN.search(before) is None


def _percent_ends(m: re.Match, text: str, base: int) -> list[Figure]:
    """The two ends of a ``prange`` match that is no range (``_percent_move``, or written high to low), each a point; a
    bare year as the low end is a date, not an end."""
    sign = _PERCENT_SIGN.match(text, m.end("pr_lo"))
    out = []
    ends = (("pr_lo", m.start("pr_lo"), sign.end() if sign else m.end("pr_lo")), ("pr_hi", m.start("pr_hi"), m.end("prange")))
    if sign is None and _YEAR_RE.fullmatch(m.group("pr_lo")) and _YEAR_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        ends = ends[1:]  # "from 40.1% in late 2023 to 55.2%": a year, then the move's end, not a percentage of 2,023
    for grp, s, e in ends:
        v, p = _amount(m.group(grp), None)
        out.append(Figure(base + s, base + e, text[s:e], "percent", v, v, True, p))
    return out


def _coin_asset(word: str) -> str | None:
    """The asset a coin word of the grammar names ("bitcoins": BTC, "ether": ETH; "tokens": none)."""
    w = word.lower()
    asset = {"bitcoin": "BTC", "bitcoins": "BTC", "btc": "BTC", "eth": "ETH", "ether": "ETH"}.get(w)
    return asset or (w.upper() if w in ("xrp", "sol", "doge", "bnb") else None)


_NUM_RE = Deferred(globals(), NUM)
_DIGIT_RE = re.compile(r"\d")
_MAG_IN_RE = Deferred(globals(), rf"(?i:({MAGW}))|(?<=\d)\s?([kKmMbBtT]n?)\b")


def _num_in(text: str) -> str:
    return _NUM_RE.search(text).group(0)


def _mag_in(text: str) -> str | None:
    m = _MAG_IN_RE.search(text)
    return (m.group(1) or m.group(2)) if m else None


@lru_cache(maxsize=8)
def _qualifier_re(approx: tuple[str, ...], at_least: tuple[str, ...], at_most: tuple[str, ...]) -> re.Pattern:
    def alt(words):
        return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))

    # The lookahead names the words' first characters, so the three alternatives are not tried at every
    # character of the text before a figure (the same matches, faster: tests/test_check_regex_filters.py).
    # (Not when a table is empty or holds an empty word: its group then matches the empty string anywhere.)
    words = (*approx, *at_least, *at_most)
    usable = approx and at_least and at_most and all(words)
    chars = sorted({"\\" + w[0] if w[0] in "\\]^-[" else w[0] for w in words}) if usable else ()  # (escaped as JavaScript reads them too)
    first = f"(?=[{''.join(chars)}])" if usable else ""
    return re.compile(
        rf"{first}(?:(?<![\w])(?P<approx>{alt(approx)})|(?<![\w])(?P<at_least>{alt(at_least)})|(?<![\w])(?P<at_most>{alt(at_most)}))\s*$",
        re.IGNORECASE,
    )


DEFAULT_QUALIFIERS = {
    "approx": ("about", "approximately", "around", "roughly", "nearly", "almost", "close to", "~"),
    "at_least": ("over", "more than", "exceeding", "at least"),
    "at_most": ("under", "less than", "at most", "up to"),
}


# --- Figures read in context: numbers whose unit the sentence gives, not the number's neighbour.

# "847 days", "0.6 hours", "an 847-day wait", and a range "653 to 1,050 days" / "675 days to 711 days".
_DURATION_RE = re.compile(
    rf"(?=\d)(?<![\w$.,/#+\-−])(?:(?P<lo_part>(?P<lo>{NUM})(?:\s+(?P<lo_unit>{DURATION_WORDS})s?)?)\s*(?:[-–—]|\s+to\s+)\s*)?"
    rf"(?P<num>{NUM})(?P<sep>\s+|-)(?P<unit>{DURATION_WORDS})s?\b(?![-–]\w)",
    re.IGNORECASE,
)
# Most durations in the genre are windows ("over 24 hours", "a 24-hour window", "in the past 7 days"),
# not figures. One is a figure where the text measures it: after a verb of measure ("lasted 847 days",
# "is estimated at 12 hours"), as a noun's length ("an 847-day wait"), a number no window is written
# with ("1,000 days", "0.6 hours"), or, unless a window's preposition stands before it, hedged
# ("nearly 900 days") or a range.
_DURATION_LEAD = re.compile(
    r"\b(?:last(?:ed|s|ing)|span(?:s|ned|ning)|took|takes|taking|stood\s+at|stands?\s+at|came\s+to|comes?\s+to|at"
    r"|(?:wait|streak|drought|hiatus|lull|stretch|span|gap|run)\s+of)\s*$",
    re.IGNORECASE,
)
_DURATION_NOUN = Deferred(globals(), r"\s+(?:(?:losing|winning)\s+)?(?:wait|streak|drought|hiatus|lull|absence|stretch|gap)\b", re.IGNORECASE)
_WINDOW_BEFORE = re.compile(r"\b(?:in|within|over|during|for|past|last|next|previous|the|of|a|an|per|every|each|after|before|since|than|into|by)\s*$", re.IGNORECASE)
# Their case-sensitive twins for the lowered words (writer/check/casefold.py: the same answer, 2-3x faster; None
# when a pattern cannot be folded). Asked at every number a duration word follows.
_DURATION_LEAD_FOLDED, _WINDOW_BEFORE_FOLDED = (Deferred(globals(), p) if p is not None else None
                                                for p in (lower_pattern(_DURATION_LEAD.pattern), lower_pattern(_WINDOW_BEFORE.pattern)))
# Qualifiers that are also a window's preposition ("over 24 hours", "up to 12 hours"): no hedge on a duration.
_WINDOW_QUALIFIERS = frozenset({"over", "under", "up to", "topping", "just over", "just under"})

# A bare number after a verb of amount ("numbered approximately 277", "came to about 10", "stood at
# 305", "fell 2, from 3 to 1") in a sentence whose subject says what it counts ("traders liquidated",
# "the number of users", "liquidation orders"), reads, or is the ratio of: a count, an index
# reading or a ratio. Without such a subject a bare number stays no figure (years, list numbers,
# versions, times of day, names with digits never follow these verbs with such a subject).
# Every number the grammar's forms left (one scan for both readings; a duration is tried at each).
# (Written with its first digit first, the lookbehind checked after it, and NUM's alternatives without that digit:
# the engine then skips to the next digit in C instead of trying the expression at every character; the same
# matches as ``(?=\d)(?<![\w$.,/#+\-−])(?P<num>{NUM})``, tests/test_check_regex_filters.py.)
_NUMBER_RE = re.compile(rf"(?P<num>\d(?<![\w$.,/#+\-−]\d)(?:{NUM_TAIL}))")
# ...and what makes one a bare number: nothing glued to it ("1INCH", "3am", "94%", "40x", "24-hour", "08:30").
_BARE_AFTER = Deferred(globals(), r"(?![\w%]|[.,:]\d|\s*(?:[x×%]|percent\b|per\s?cent\b)|[-–]\w)")
_AMOUNT_LEAD = Deferred(globals(),
    r"(?:\b(?:number(?:ed|s|ing)?|(?:came|comes?|coming)\s+to|st(?:oo|a)d\s+at|stands\s+at|standing\s+at"
    r"|total(?:l?ed|s|l?ing)?|reach(?:ed|es)?|hit|hits|amount(?:ed|s|ing)?\s+to|put\s+at|estimated\s+at|pegged\s+at"
    r"|(?:rose|rises|risen|fell|falls|fallen|dropped|drops|climbed|jumped|grew|increased|decreased|declined|slipped|surged)(?:\s+(?:by|to))?"
    r"|was|were|is|are|(?P<at>at)|a\s+total\s+of|from)|\bfrom\s+\S+\s+to"
    r"|\b(?P<own>ratio|reading|score|count|tally|headcount)\s+of"
    # "an average of (as much as) 0.0004 per trader": an average's number, whatever it counts
    r"|\b(?P<avg>average\s+of|averag(?:ed|es|ing)|mean\s+of))\s*$",
    re.IGNORECASE,
)
# "at" names an amount only after a verb that puts one there ("puts the number of users at 305",
# "estimated at"); "traders who bought at 96,000" is a price.
_PUTS_AT = Deferred(globals(), r"\b(?:st(?:oo|a)d|stands|standing|puts?|putting|places?|placed|pegs?|pegged|estimates?|estimated|sees?|seen)\b", re.IGNORECASE)
# ...and verbs that say where a reading rests ("funding ran at 0.0451", "the gauge sat at 31", "the ratio held at 2.3"):
# only when the subject is a rate, a reading or a ratio ("traders who held at 96,000 were..." is a price, no count).
_RESTS_AT = Deferred(globals(), r"\b(?:r[au]n|runs|running|s[ai]t|sits|sitting|h[eo]ld|holds|holding|hover(?:ed|s|ing)?|stay(?:ed|s|ing)?"
                                r"|remain(?:ed|s|ing)?|settl(?:ed|es|ing)|print(?:ed|s|ing)?|(?:came|comes|coming)\s+in"
                                # ...or a level said in a word before it: "funding is relatively high, at 0.05"
                                r"|(?:is|are|was|were|been)\s+(?:\w+\s+)?(?:high|higher|low|lower|elevated|steady|flat|positive|negative"
                                r"|hot|subdued|muted|stable|unchanged))\b", re.IGNORECASE)
_READING_SUBJECTS = ("rate", "index", "ratio")  # the subjects a verb of _RESTS_AT puts a number to
# What may follow the number: the clause ends, or a preposition or conjunction goes on ("... 277 over the day").
_AMOUNT_END = Deferred(globals(),
    r"(?:\s*(?:$|[.,;:)!?—(])|\s+(?:over|in|during|across|on|from|according|per|as|by|with|and|or|to|after|before|since"
    r"|this|that|which|while|at|out|of|among|against|versus|vs|than|for|when|amid|following|near|around|until|was|were|is|are"
    r"|through|throughout|overnight|today|yesterday)\b)",
    re.IGNORECASE,
)
_AMOUNT_SUBJECT = Deferred(globals(),
    rf"\b(?:(?P<count>(?:number|count|tally|headcount)\s+of|{COUNTED})|(?P<index>index|reading|gauge|score"
    rf"|fear\s*(?:and|&)\s*greed|extreme\s+(?:fear|greed))|(?P<ratio>ratio)"
    # a rate printed with no unit ("funding ran at 0.0451", "the borrow rate was 0.02"): a percentage, as every rate of the
    # genre is (funding, borrowing, policy rates), printed without its sign
    # ("rate cuts", "rate hikes" are events counted, not a rate: "the number of rate cuts stood at 3")
    rf"|(?P<rate>funding|rates?(?!\s+(?:cuts?|hikes?|rises?|increases?|decisions?|moves?)\b))"
    # a figure known by its label ("figure #3 came to 100", "the weekend total stood at 48"): its unit unsaid
    rf"|(?P<any>figures?|totals?|sums?|amounts?|values?|tall(?:y|ies))(?:\s+#\d+)?)\b",
    re.IGNORECASE,
)
_NUM_ONLY = Deferred(globals(), NUM)
_SENTENCE_END = Deferred(globals(), r"[.!?][\"”’)]*\s|;|\n")
_LOOKBACK = 200  # characters before a number searched for its sentence's subject
_LEAD_REACH = 48  # characters before a number (and its qualifier) searched for the verb leading to it


def _read_in_context(text: str, found: list[Figure], qre: re.Pattern, base: int) -> list[Figure]:
    """``found`` with what the grammar's own forms could not read (see the expressions above): durations,
    bare amounts, and a grouped number's unit where its subject says it ("climbed to 58,310": a count)."""
    out = [(_bare_amount(text, f.start - base, f.text, qre, base) or f) if f.unit is None and f.point and _NUM_ONLY.fullmatch(f.text) else f
           for f in found]
    spans = [(f.start - base, f.end - base) for f in found]
    done = 0  # where the last duration read ends
    for m in _NUMBER_RE.finditer(text):
        if m.start() < done or _overlaps(spans, m.start(), m.end()):
            continue
        d = _DURATION_RE.match(text, m.start())
        if d is not None and not _overlaps(spans, d.start(), d.end()):
            out += _duration(text, d, qre, base)
            done = d.end()
        elif m.start() == 0 or text[m.start() - 1] != ":":  # (not the minutes of "08:30")
            if _BARE_AFTER.match(text, m.end()):
                fig = _bare_amount(text, m.start(), m.group("num"), qre, base)
                if fig is not None:
                    out.append(fig)
    return out


# An amount of a coin the grammar's word list does not know, by its ticker: "1,200 HYPE", "2.5 million
# LIT tokens", "500k XRP", "120,000 $ETH" (a cashtag), or an ISO currency code ("198.5 billion KRW").
# A ticker is written in capitals, so this is read on the text as written (the grammar is case-folded).
_TICKER_AMOUNT = re.compile(
    rf"(?P<num>\d(?<![\w$.,/#+\-−]\d)(?:{NUM_TAIL}))(?P<mag>\s?(?i:{MAGW})\b|(?i:bn|mn|[kmb])\b)?"
    r"\s+\$?(?P<ticker>[A-Z][A-Z0-9]{1,9})\b(?![-/.]\w|['’])(?:\s+(?i:tokens|coins)\b)?")
# Capitals after a number that are no coin: time zones, the genre's abbreviations, units.
_NOT_TICKERS = frozenset(
    "UTC GMT ET EST EDT CT CST PT PST PDT CET CEST BST KST JST HKT SGT IST AM PM USD US USA UK EU AI ATH ATL TVL OI "
    "ETF ETFS CEX CEXS DEX DEXS API CEO CFO CTO SEC CFTC FOMC CPI PPI GDP NFT NFTS DAO KYC PNL ROI APR APY LTV ADL HLP "
    "LP BPS BP GW MW TWH GB TB MB KB TPS HRS HR MIN MINS SEC DAYS PERP PERPS OTC ICO IPO".split())
_LOWER_RE = Deferred(globals(), r"[a-z]")
_CAPITAL = re.compile(r"[A-Z]")
# A day of a month before a counted noun: "the March 3 liquidations", "the Oct. 10 wallets", "the 3 March liquidations"
# (a date names which ones, it counts none). Months capitalised, as a date writes them ("may 3" is no date).
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?"
          r"|Nov(?:ember)?|Dec(?:ember)?)")
_MONTH_BEFORE = Deferred(globals(), rf"\b{_MONTH}\.?\s+$")
_MONTH_AFTER = Deferred(globals(), rf"\d{{1,2}}\s+{_MONTH}\s")
_MONTH_REACH = 12  # characters before a day in which its month is read ("September. ")
_DAYS_IN_MONTH = 31


def _day_of_month(string: str, at: int, num: str, text: str) -> bool:
    """Is the number at ``at`` (``num``, opening the counted figure ``text``) a day of a month: a whole number up to
    31 right after a month's name ("March 3 liquidations") or right before one ("3 March liquidations")?"""
    if not num.isdigit() or not 1 <= int(num) <= _DAYS_IN_MONTH:
        return False
    return bool(_MONTH_AFTER.match(text)) or bool(_MONTH_BEFORE.search(string, max(0, at - _MONTH_REACH), at))


_YEAR_RE = Deferred(globals(), r"(?:19|20)\d\d")
_YEAR_BEFORE = Deferred(globals(), r"\b(?:in|since|during|until|till|before|after|of|early|late|mid|through)[\s-]+$", re.IGNORECASE)


def _read_tickers(text: str, found: list[Figure], base: int) -> list[Figure]:
    """``found`` with amounts written with a ticker (``_TICKER_AMOUNT``): such a figure replaces the grammar's
    reading of the same number when that had no unit, or took a bare suffix for dollars ("500k")."""
    if not _CAPITAL.search(text):  # (a ticker opens with one)
        return found
    out = list(found)
    for m in _TICKER_AMOUNT.finditer(text):
        ticker = m.group("ticker")
        if ticker in _NOT_TICKERS or (not m.group("mag") and _YEAR_RE.fullmatch(m.group("num"))
                                      and _YEAR_BEFORE.search(text, max(0, m.start() - 12), m.start())):
            continue
        if not _LOWER_RE.search(text, max(0, m.start() - 40), m.end() + 40):
            continue  # a headline in capitals ("LONGS LOSE 1.2 BILLION AS ..."): no ticker can be told from a word
        start, end = base + m.start(), base + m.end()
        same = [f for f in out if f.start < end and start < f.end]
        if any(f.start != start or f.end > end or (f.unit is not None and not (f.unit == "USD" and "$" not in f.text)) for f in same):
            continue  # the grammar read a unit the number has ("194 BTC", "$90,000 ETH"): kept
        code = CURRENCY_WORDS.get(ticker.lower())
        v, p = _amount(m.group("num"), m.group("mag"))
        fig = Figure(start, end, text[m.start():m.end()], code or "coins", v, v, True, p, asset=None if code else _ticker_asset(ticker))
        out = [f for f in out if f not in same] + [fig]
    return out


def _ticker_asset(ticker: str) -> str:
    return {"XBT": "BTC"}.get(ticker, ticker)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _before_qualifier(text: str, at: int, qre: re.Pattern) -> tuple[str, str | None]:
    """The clause's words before position ``at``, without a qualifier right before it, and that qualifier."""
    before = text[max(0, at - _LOOKBACK):at]
    qm = qre.search(before[-30:])
    if qm:
        return before[:len(before) - 30 + qm.start()] if len(before) > 30 else before[:qm.start()], qm.group(qm.lastgroup).lower()
    return before, None


def _duration(text: str, m: re.Match, qre: re.Pattern, base: int) -> list[Figure]:
    unit, times = DURATION_UNITS[m.group("unit").lower()]
    lo_unit = m.group("lo_unit")
    if lo_unit and DURATION_UNITS[lo_unit.lower()] != (unit, times):
        return []
    start = m.start("lo") if m.group("lo") else m.start("num")
    before, qualifier = _before_qualifier(text, start, qre)
    if not _duration_is_figure(text, m, before, qualifier):
        return []
    hi, hp = _amount(m.group("num"), None)
    if not m.group("lo"):
        return [Figure(base + m.start(), base + m.end(), m.group(0), unit, hi * times, hi * times, True, hp * times)]
    lo, lp = _amount(m.group("lo"), None)
    if (_FROM_BEFORE.search(before) and not _RANGE_OPEN.search(before)) or lo >= hi:  # a move, or a pair high to low
        # ("fell from 2,400 days to 3,100 days", "900-300 days"): two points, as for every unit (_percent_ends)
        lo_end = m.end("lo_part")
        return [Figure(base + m.start("lo"), base + lo_end, text[m.start("lo"):lo_end], unit, lo * times, lo * times, True, lp * times),
                Figure(base + m.start("num"), base + m.end(), text[m.start("num"):m.end()], unit, hi * times, hi * times, True, hp * times)]
    return [Figure(base + m.start(), base + m.end(), m.group(0), unit, lo * times, hi * times, False, max(lp, hp) * times)]


def _ends_with(plain: re.Pattern, folded: re.Pattern | None, before: str, low: str | None, tail: int) -> bool:
    """``plain.search(before, tail)`` found something: asked of ``folded`` and ``low`` (``before`` lowered) when both are there."""
    if folded is not None and low is not None:
        return folded.search(low, tail) is not None
    return plain.search(before, tail) is not None


# Nouns of time that a reporting window may be written with ("during a brutal 24-hour stretch"), and the windows
# liquidation reports count over, in hours: an hour, four, twelve, a day, two, three, a week, thirty days.
_WINDOW_LIKE_NOUNS = frozenset({"stretch", "span"})
_REPORTING_WINDOW_HOURS = frozenset({1, 4, 12, 24, 48, 72, 168, 720})
_HOURS_PER = {"minute": 1 / 60, "hour": 1, "day": 24, "week": 168}


def _is_reporting_window(m: re.Match) -> bool:
    unit = m.group("unit").lower().rstrip("s")
    try:
        hours = float(m.group("num")) * _HOURS_PER[unit]
    except (KeyError, ValueError):
        return False
    return hours in _REPORTING_WINDOW_HOURS


def _duration_is_figure(text: str, m: re.Match, before: str, qualifier: str | None) -> bool:
    tail = len(before) - _LEAD_REACH if len(before) > _LEAD_REACH else 0  # (the words sought end ``before``)
    low = lowered(before)
    if _ends_with(_DURATION_LEAD, _DURATION_LEAD_FOLDED, before, low, tail):
        return True
    noun = _DURATION_NOUN.match(text, m.end()) if m.group("sep") == "-" else None
    if noun is not None:
        # "a 24-hour stretch", "a seven-day span": a reporting window named by a noun of time is a window, not a length
        # measured; "an 847-day stretch" is one no report counts over, so it stays a figure
        return not (noun.group(0).strip().lower() in _WINDOW_LIKE_NOUNS and _is_reporting_window(m))
    num = m.group("num")
    if "," in num or "." in num:
        return True  # no window is written "1,000 days" or "0.6 hours"
    if _ends_with(_WINDOW_BEFORE, _WINDOW_BEFORE_FOLDED, before, low, tail) or qualifier in _WINDOW_QUALIFIERS:
        return False
    return bool(qualifier or m.group("lo"))


def _bare_amount(text: str, at: int, num: str, qre: re.Pattern, base: int) -> Figure | None:
    """The figure a bare number at ``at`` is in its sentence (see _AMOUNT_LEAD), or None."""
    end = at + len(num)
    if "," not in num and "." not in num and 1900 <= int(num) <= 2100:
        return None  # a year
    if not _AMOUNT_END.match(text, end):
        return None  # a noun follows: "3 exchanges", "2 UTC", "3 times"
    before, _ = _before_qualifier(text, at, qre)
    tail = len(before) - _LEAD_REACH if len(before) > _LEAD_REACH else 0
    lead = _AMOUNT_LEAD.search(before, tail)  # (the lead words end the text: only its tail is searched)
    if lead is None:
        return None
    if lead.group("avg"):
        v, p = _amount(num, None)
        return Figure(base + at, base + end, num, None, v, v, True, p)
    own = lead.group("own")
    if own:  # "a ratio of 1.41", "a headcount of 58,310": the noun is right before its number
        unit = "ratio" if own.lower() == "ratio" else "index" if own.lower() in ("reading", "score") else "count"
        v, p = _amount(num, None)
        return Figure(base + at, base + end, num, unit, v, v, True, p)
    clause = before[:lead.start()]
    ends = list(_SENTENCE_END.finditer(clause))
    subject = clause[ends[-1].end():] if ends else clause
    rests = lead.group("at") is not None and _PUTS_AT.search(subject) is None
    if rests and _RESTS_AT.search(subject) is None:
        return None
    said = list(_AMOUNT_SUBJECT.finditer(subject))
    if not said or (rests and said[-1].lastgroup not in _READING_SUBJECTS):
        return None
    unit = "count" if said[-1].group("count") else None if said[-1].group("any") else "percent" if said[-1].group("rate") else said[-1].lastgroup
    v, p = _amount(num, None)
    return Figure(base + at, base + end, num, unit, v, v, True, p)


def _qualifiers_of(q: dict[str, tuple[str, ...]]) -> tuple[re.Pattern, int, tuple[str, ...] | None]:
    """``_qualifier_re`` of a qualifier table, its longest word and its words' endings (``_qualifier_ends``), looked up
    by the table's identity: the check passes the same table for every block, and building the cache key (three
    tuples hashed) cost more than the lookup."""
    kept = _QUALIFIERS_KEPT.get(id(q))
    if kept is None or kept[0] is not q:
        if len(_QUALIFIERS_KEPT) >= 8:
            _QUALIFIERS_KEPT.clear()
        words = (tuple(q.get("approx", ())), tuple(q.get("at_least", ())), tuple(q.get("at_most", ())))
        every = [w for ws in words for w in ws]
        kept = _QUALIFIERS_KEPT[id(q)] = (q, _qualifier_re(*words), max(map(len, every), default=0), _qualifier_ends(every))
    return kept[1], kept[2], kept[3]


def _qualifier_ends(words: list[str]) -> tuple[str, ...] | None:
    """The words lower-cased, for asking whether the words before a figure, spaces stripped, end with one of them
    (``_may_be_qualified``), or None when that cannot tell: a word that is empty, ends with a space (the stripping
    would take it) or is not ASCII (IGNORECASE may read it otherwise than ``lower()``)."""
    if not words or not all(w and w.isascii() and not w[-1].isspace() for w in words):
        return None
    return tuple(w.lower() for w in words)


def _may_be_qualified(stripped: str, ends: tuple[str, ...] | None) -> bool:
    """May a qualifier word stand right before a figure whose words before it, spaces stripped, are ``stripped``?
    The expression ends ``\\s*$`` and no word ends with a space, so its word is what ``stripped`` ends with, in the
    case ``lowered`` folds to (tests/test_check_fast_paths.py holds it to the plain search)."""
    if ends is None:
        return True
    low = lowered(stripped)
    return low is None or low.endswith(ends)


# id(table) -> (the table, held so its id is not reused; its expression; its longest word; its words' endings)
_QUALIFIERS_KEPT: dict[int, tuple[dict, re.Pattern, int, tuple[str, ...] | None]] = {}


def _taken(found: list, start: int, end: int, base: int) -> bool:
    """Does a figure already read overlap ``start:end`` (offsets in the text scanned)?"""
    return any(f.start - base < end and start < f.end - base for f in found)


def _extremes(text: str, lower: str, found: list, base: int) -> list:
    """"a 5-year high": the span of the comparison, in days (``_EXTREME_RE``); ``lower``: the text lowered,
    with the same offsets (``lowered``), or ``text.lower()``."""
    if len(lower) != len(text):
        return found  # (a text whose lowering moves offsets: no span is read in it)
    for m in _EXTREME_RE.finditer(lower):
        n = _SPAN_NUMBER.search(lower, max(0, m.start() - 8), m.start())
        if n is None or _taken(found, n.start("num"), m.end("span"), base):
            continue
        start, end, num, span = n.start("num"), m.end("span"), n.group("num"), m.group("span")
        days = (float(num) if num[0].isdigit() else _SPAN_WORDS[num]) * _SPAN_DAYS[span]
        found.append(Figure(base + start, base + end, text[start:end], "days", days, days, True, _SPAN_DAYS[span] / 2))
    return found


# Counts and amounts told in words with no number: "hundreds of traders", "dozens of wallets", "over a dozen funds",
# "millions of dollars", "billions in longs". A desk takes them from someone as it takes a digit, so they are
# figures (vague ones: the range each word allows, as ``_VAGUE`` gives for "tens of millions"). A plural magnitude
# counts what follows: dollars, a plural noun ("of traders"), or money ("millions in losses", "billions worth").
# Not "hundreds of millions" (read above), nor "dozens of times", "thousands of years": no count of anything held.
_PLURAL_COUNT = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (100, 999), "thousands": (1e3, 999e3),
                 "millions": (1e6, 999e6), "billions": (1e9, 999e9), "trillions": (1e12, 999e12)}
_NOT_COUNTED = r"times|ways|reasons|years|months|weeks|days|hours|minutes|seconds|miles|kilometres|kilometers|pages|words|percent"
_COUNTED_NOUN = (rf"(?!(?:the|them|these|those|their|its|his|her|our|your|my|an?|other|such)\b)(?:[a-z][a-z-]*\s+)?"
                 rf"(?!(?:{_NOT_COUNTED})\b)[a-z]+s\b")
_COUNT_WORDS_RE = Deferred(globals(),
    rf"(?<![\w-])(?:(?P<dozen>a\s+dozen)\s+(?P<d_noun>{_COUNTED_NOUN})"
    rf"|(?P<plural>{'|'.join(_PLURAL_COUNT)})(?:(?P<dollars>\s+(?:of\s+)?(?:{DOLLARS}|usd)\b)|\s+of\s+(?P<noun>{_COUNTED_NOUN})"
    rf"|(?=\s+(?:in|worth|off)\s)))")
# What a source covers, told in its description: "CoinGlass, which tracks dozens of venues", "a tracker covering
# hundreds of markets": the source's reach, not a claim about the event (a count after these is not read).
_COVERAGE_BEFORE = re.compile(r"\b(?:tracks|tracking|covers|covering|monitors|monitoring|aggregates|aggregating|spans|spanning|"
                              r"follows|following|pulls\s+data\s+from|pulling\s+data\s+from|draws\s+on|drawing\s+on)\s+"
                              r"(?:data\s+(?:from|on|across)\s+)?(?:(?:over|more\s+than|some|roughly|about|nearly)\s+)?$")
_COVERAGE_REACH = 40  # characters before a count where its coverage verb stands
_MONEY_PLURALS = frozenset({"millions", "billions", "trillions"})
# A small count in words of what an event is made of: "eight liquidations in a row", "three separate accounts", "two
# wallets" (both held-out annotators count them as figures); not one that points back ("the other two accounts",
# "its three wallets"). Only these nouns and the market's actors below: "four exchanges" are the venues a story
# visits, "three reasons" nothing of the event.
_SMALL_COUNT_NOUNS = r"accounts|wallets|positions|liquidations|trades|orders|addresses"
# The market's actors counted in words: "four whales made $47.5M", "three traders were liquidated", "five funds sold"
# tell how many took part in the event (annotators count them). Not when the count speaks ("two traders said", "three
# investors, who asked not to be named, expect": speakers, ``_actors_speak``), nor points back ("the two whales").
_ACTOR_NOUNS = r"whales|traders|funds|investors|users|market\s+makers|holders|buyers|sellers|borrowers|speculators"
_ACTOR_NEED = ("whales", "traders", "funds", "investors", "users", "makers", "holders", "buyers", "sellers", "borrowers",
               "speculators")
_SMALL_COUNT_NEED = (*_SMALL_COUNT_NOUNS.split("|"), *_ACTOR_NEED)  # (a text with none of the nouns is not scanned)
# What may stand between counted actors and their verb of speech: a relative clause ("who asked not to be named")
# or an aside between commas, at most this many characters.
_ACTOR_ASIDE = 80


@lru_cache(maxsize=1)
def _actors_speak_rx() -> re.Pattern:
    """After counted actors: a verb of speech or of a view (phrases.yaml ``described_speakers: verbs``, its
    ``between`` words before it), maybe after an aside or a "who" clause: "two traders said", "three funds, in
    letters to clients, warned", "two investors who spoke to us expect", "four whales told". The active voice only."""
    from writer.check.frames import _alt, _voiced_alt  # (frames imports this module: asked when first used)
    from writer.check.phrasefile import phrase_section

    from writer.check.frames import verb_forms

    words, frames = phrase_section("described_speakers"), phrase_section("frames")
    # (an aside: between commas, a "who" clause, or a short phrase of place: "two traders on the venue said")
    aside = (rf"(?:\s*,[^,.;:]{{1,{_ACTOR_ASIDE}}},|\s+who\b[^,.;:]{{0,{_ACTOR_ASIDE}}}?"
             rf"|\s+(?:for|on|at|in|of|from|with)\s+[\w.-]+(?:\s+[\w.-]+)?)?")
    gap = rf"(?:(?:{_alt(words['between'])})\s+){{0,2}}"
    # ...or told of in the passive of a reporting verb or a view ("two funds are estimated at", "three whales were
    # reported to"): what someone says of them, not what they did (phrases.yaml frames: strong_verbs, view_verbs)
    told = _alt(verb_forms(v)[2] for v in (*words["verbs"], *frames["strong_verbs"], *frames["view_verbs"]))
    return re.compile(rf"{aside}\s+{gap}(?:{_voiced_alt(words['verbs'])}|(?:is|are|was|were|be|been)\s+{gap}(?:{told}))(?![\w-])")


# How far before counted actors the verb that asked them may stand ("spoke with at least two traders").
_ASKED_REACH = 40


@lru_cache(maxsize=1)
def _actors_asked_rx() -> re.Pattern:
    """Right before counted actors: a verb whose object they are as the people asked (phrases.yaml ``described_speakers:
    asked``: "we spoke with two traders", "the desk polled five funds", "interviewed at least three investors")."""
    from writer.check.frames import _alt  # (frames imports this module: asked when first used)
    from writer.check.phrasefile import phrase_section

    asked = phrase_section("described_speakers").get("asked", ())
    return re.compile(rf"(?<![\w-])(?:{_alt(asked)})\s+(?:(?:at\s+least|more\s+than|nearly|about|some)\s+)?$")


def _actors_speak(lower: str, start: int, end: int) -> bool:
    """Do the actors counted in ``lower[start:end]`` speak (``_actors_speak_rx``), are they a source ("according
    to two traders") or the people a writer asked (``_actors_asked_rx``)?"""
    return (_actors_speak_rx().match(lower, end) is not None or lower.endswith("according to ", 0, start)
            or _actors_asked_rx().search(lower, max(0, start - _ASKED_REACH), start) is not None)


def small_count_in(lower: str) -> bool:
    """Does the lowered text hold a small count in words (``_SMALL_COUNT_RE``)? What lets a text with no digit and no
    magnitude word be read for figures (writer/check/nlp.py)."""
    return any(n in lower for n in _SMALL_COUNT_NEED) and next(_small_counts(lower), None) is not None


def _small_counts(lower: str):
    """``_SMALL_COUNT_RE.finditer(lower)``, tried only where a count word starts (``_SMALL_COUNT_STARTS``): its nine
    lookbehinds are not tried at every word (tests/test_check_regex_filters.py)."""
    return _tried_where_words_start(_SMALL_COUNT_STARTS, _SMALL_COUNT_RE, lower) if _holds_any(lower, _UNITS_WORDS) else iter(())


_SMALL_COUNT_RE = re.compile(rf"(?<![\w-])(?<!the )(?<!other )(?<!these )(?<!those )(?<!its )(?<!his )(?<!her )(?<!their )(?P<n>{'|'.join(sorted(_UNITS_WORDS, key=len, reverse=True))})\s+(?:[a-z]+\s+)?"
                             rf"(?:{_SMALL_COUNT_NOUNS}|(?P<actor>{_ACTOR_NOUNS}))\b")
# Where a small count can start (``_small_counts``): its every match opens with one of these words.
_SMALL_COUNT_STARTS = Deferred(globals(), _word_starts(_UNITS_WORDS))
# Money told by its size class: "a billion-dollar liquidation", "multimillion-dollar positions", "a nine-figure
# loss" (a sum with nine digits). Vague: the range the words allow.
_SIZE_CLASS_RE = re.compile(r"(?<![\w-])(?<!\d\s)(?:(?P<multi>multi-?)?(?P<mag>million|billion|trillion)-dollar"
                            r"|(?P<digits>six|seven|eight|nine|ten|eleven|twelve)[-\s]figure)\b")
_FIGURE_DIGITS = {"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
# Words every size class holds (a text with neither is not scanned).
_SIZE_CLASS_NEED = ("-dollar", "figure")
# Where a size class can start (``_tried_where_words_start``): its every match opens with one of these words.
_SIZE_CLASS_STARTS = Deferred(globals(), _word_starts(["multi", "million", "billion", "trillion", *_FIGURE_DIGITS]))
# A word every match of _COUNT_WORDS_RE holds ("a dozen", or a plural magnitude): a paragraph with none is not scanned.
_COUNT_WORDS_NEED = ("dozen", *_PLURAL_COUNT)
# A record claimed with no number: "liquidations hit a record", "set a new record high", "climbed to a fresh record".
# A claim of size a desk takes from someone (unit "record", no value: no fact's figure is one). Not "a record of
# trades" (a log), not before the figure it qualifies ("a record $19 billion": that figure is read), not denied
# ("not a record", "may not set a record", "no record").
_RECORD_RE = Deferred(globals(), r"(?<![\w-])(?:a|an)\s+(?:(?:new|fresh|all-time)\s+){0,2}record(?:[-\s](?:high|low|level|amount|total|tally|sum|peak))?s?\b"
                        r"(?!\s+(?:of|for\s+the\s+first)\b|\s*[-–]?\s*(?:us)?[$₿\d])")
_RECORD_SENTENCE_END = Deferred(globals(), r"[.!?](?=\s|$)")  # a record's sentence (not _SENTENCE_END: a clause's)
_RECORD_DENIED = Deferred(globals(), r"\b(?:not|no|never|nor|n['’]t|hardly|without)\b(?:\s+[\w'’-]+){0,3}\s+$")


def _count_words(text: str, lower: str, found: list, base: int) -> list:
    """Counts and amounts in words with no number (``_COUNT_WORDS_RE``); ``lower``: the text lowered, with the same
    offsets, or ``text.lower()`` (a text whose lowering moves offsets is not read)."""
    if len(lower) != len(text):
        return found
    for m in (_COUNT_WORDS_RE.finditer(lower) if any(w in lower for w in _COUNT_WORDS_NEED) else ()):
        if _taken(found, m.start(), m.end(), base):
            continue
        if _COVERAGE_BEFORE.search(lower, max(0, m.start() - _COVERAGE_REACH), m.start()):
            continue  # "CoinGlass, which tracks dozens of venues": the source's reach
        if m.group("dozen"):
            found.append(Figure(base + m.start(), base + m.end(), text[m.start():m.end()], "count", 12, 12, True, 0.5))
            continue
        word = m.group("plural")
        lo, hi = _PLURAL_COUNT[word]
        unit = "USD" if m.group("dollars") else "count" if m.group("noun") else None
        if unit is None and word not in _MONEY_PLURALS:
            continue  # "hundreds in losses" names no magnitude of money
        found.append(Figure(base + m.start(), base + m.end(), text[m.start():m.end()], unit, lo, hi, False, 0.0, qualifier="vague"))
    for m in (_small_counts(lower) if any(n in lower for n in _SMALL_COUNT_NEED) else ()):
        if _taken(found, m.start(), m.end(), base):
            continue
        if m.group("actor") and _actors_speak(lower, m.start(), m.end()):
            continue  # "two traders said": speakers, not a count of the event
        n = float(_UNITS_WORDS[m.group("n")])
        found.append(Figure(base + m.start(), base + m.end(), text[m.start():m.end()], "count", n, n, True, 0.5))
    for m in (_tried_where_words_start(_SIZE_CLASS_STARTS, _SIZE_CLASS_RE, lower) if _holds_any(lower, _SIZE_CLASS_NEED) else ()):
        if _taken(found, m.start(), m.end(), base):
            continue
        if m.group("digits"):
            n = _FIGURE_DIGITS[m.group("digits")]
            lo, hi = 10.0 ** (n - 1), 10.0 ** n - 1
        else:
            mag = _MAG_WORDS[m.group("mag")]
            lo, hi = (2 * mag, 999 * mag) if m.group("multi") else (mag, 9.99 * mag)  # "a billion-dollar X": one to ten billion
        found.append(Figure(base + m.start(), base + m.end(), text[m.start():m.end()], "USD", lo, hi, False, 0.0, qualifier="vague"))
    return found


def _records(text: str, lower: str, found: list, base: int) -> list:
    """A record claimed with no number (``_RECORD_RE``), unless denied just before; ``lower`` as in ``_count_words``."""
    if len(lower) != len(text):
        return found
    for m in _RECORD_RE.finditer(lower):
        if _taken(found, m.start(), m.end(), base) or _RECORD_DENIED.search(lower, max(0, m.start() - 40), m.start()):
            continue
        # a number in its sentence is what the record describes ("the 312 sign-ups were a record"): that one is read
        ends = [e.end() for e in _RECORD_SENTENCE_END.finditer(lower, 0, m.start())]
        after = _RECORD_SENTENCE_END.search(lower, m.end())
        if _taken(found, ends[-1] if ends else 0, after.start() if after else len(lower), base):
            continue
        found.append(Figure(base + m.start(), base + m.end(), text[m.start():m.end()], "record", 0.0, 0.0, True, 0.0,
                            qualifier="vague"))
    return found


# A rate counted in words: "one liquidation per second", "twelve trades per minute" (the grammar's ``rate`` form, its
# number in words): a fact's ``unit: per_second``. Not "a fee per day" (no number), nor "one per cent".
_RATE_WORDS = {**{"one": 1, "a single": 1}, **_UNITS_WORDS, **_TENS_WORDS}
_RATE_WORDS_RE = Deferred(globals(), rf"(?<![\w-])(?P<n>{'|'.join(sorted(_RATE_WORDS, key=len, reverse=True))})\s+(?:[a-z]+\s+)?"
                                     r"per\s+(?P<per>second|minute|hour|day)\b")


def _rates_in_words(text: str, lower: str, found: list, base: int) -> list:
    """Rates whose number is a word (``_RATE_WORDS_RE``); ``lower`` as in ``_count_words``."""
    if len(lower) != len(text):
        return found
    for m in _RATE_WORDS_RE.finditer(lower):
        if not _taken(found, m.start(), m.end(), base):
            n = float(_RATE_WORDS[" ".join(m.group("n").split())])
            found.append(Figure(base + m.start(), base + m.end(), text[m.start():m.end()], "per_" + m.group("per"), n, n, True, 0.5))
    return found


# Zero as a figure: "prices fell to zero", "funding held near zero", "zero liquidations" (a fact of value 0: a
# rumour of prices at nothing is checked as any figure is). Only where the sentence gives it as an amount: after a word
# of level or nearness, or before a counted noun. Not "zero-sum", "zero-day" (compounds), "ground zero", "zero fees
# policy" or "zero tolerance" (no amount of anything the event holds), nor the idiom "could go to zero" ("went to zero":
# became worthless, a verdict rather than a level read from a source).
_ZERO_RE = Deferred(globals(), rf"(?<![\w-])zero\b(?![-‐]\w)(?P<noun>\s+(?:{COUNTED}))?")
_ZERO_BEFORE = Deferred(globals(), r"\b(?:near|nearly|close\s+to|around|about|almost|approximately|roughly|effectively|essentially|"
                                   r"virtually|practically|(?<!\bgo )(?<!goes )(?<!going )(?<!gone )(?<!went )to|at|toward|towards|below|above|under|over|was|were|is|are|hit|hits|reached)\s+$")
_ZERO_REACH = 16  # characters before "zero" where its word of level or nearness stands


def _zeros(text: str, lower: str, found: list, base: int) -> list:
    """Zero as a figure (``_ZERO_RE``), unit unsaid (a count before a counted noun); ``lower`` as in ``_count_words``."""
    if len(lower) != len(text):
        return found
    for m in _ZERO_RE.finditer(lower):
        counted = m.group("noun") is not None
        if _taken(found, m.start(), m.end(), base) or not (counted or _ZERO_BEFORE.search(lower, max(0, m.start() - _ZERO_REACH), m.start())):
            continue
        found.append(Figure(base + m.start(), base + m.end(), text[m.start():m.end()], "count" if counted else None, 0.0, 0.0, True, 0.0))
    return found


def _multiples(text: str, lower: str, found: list, base: int) -> list:
    """Multiples, ratios and shares in words (writer/check/multiples.py) that no figure read overlaps."""
    for start, end, unit, lo, hi, point, precision in read_multiples(lower):
        if not _taken(found, start, end, base):
            found.append(Figure(base + start, base + end, text[start:end], unit, lo, hi, point, precision,
                                None if point else "vague"))
    return found


@lru_cache(maxsize=1)
def _reported_clause() -> re.Pattern:
    """A reporting verb and "that" ("a trader said that", "she argues that"): the words after it are the words
    reported, as a quote's are (``_CLAUSE_START``), so the speaker is not the holder of a position they mention
    ("A trader said that 10x leverage is a bet": leverage in general, read as the fact base holds the paraphrase),
    also where the verb's place or channel stands before "that" ("said on X that", "wrote in a Telegram post that",
    ``_CHANNEL``). The verbs are phrases.yaml's ``frames: strong_verbs``, every form (writer/check/frames.py ``verb_forms``)."""
    from writer.check.frames import verb_forms
    from writer.check.phrasefile import phrase_section

    forms = sorted({f for lemma in phrase_section("frames")["strong_verbs"] for f in verb_forms(lemma)}, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(re.escape(f) for f in forms)}){_CHANNEL}\s+that\b", re.IGNORECASE)


# Where or how something was said, between a reporting verb and its "that": a preposition and up to four words, no
# clause break ("on X", "in a Telegram post", "during a livestream"); optional.
_CHANNEL = r"(?:\s+(?:on|in|at|via|during|through|over)\s+[^\s.;:!?,]+(?:\s+[^\s.;:!?,]+){0,3}?)?"


def _position_leverage(text: str, found: list, base: int) -> list:
    """One position's leverage read as a figure (a multiple: unit "ratio"), see ``_POSITION_LEVERAGE``."""
    for m in _POSITION_LEVERAGE.finditer(text):
        if _taken(found, m.start(), m.end(), base):
            continue
        before = text[max(0, m.start() - 160):m.start()]
        ends = [e.end() for e in _CLAUSE_START.finditer(before)]
        if "that" in before.lower():  # (a reported clause opens after "said that": most sentences hold no "that")
            ends = sorted(ends + [e.end() for e in _reported_clause().finditer(before)])
        holder = before[ends[-1] if ends else 0:]  # this sentence's (or clause's) words before it
        one = _DETERMINER_BEFORE.search(holder) if m.group("noun") else _ONE_POSITION_BEFORE.search(holder)
        if one is None or _VENUE_TERMS_BEFORE.search(holder):
            continue
        v, p = _amount(m.group("num"), None)
        found.append(Figure(base + m.start(), base + m.end(), m.group(0), "ratio", v, v, True, p))
    return found


def find_figures(text: str, qualifiers: dict[str, tuple[str, ...]] | None = None, base: int = 0, *,
                 sentences=None, figure_free: set[str] | None = None) -> list[Figure]:
    """Every figure in ``text``, in order, with its approximation or bound word kept apart.

    ``sentences`` (``sentence_bounds(text)``) with ``figure_free`` (the caller's memo, a set): the grammar
    is scanned sentence by sentence, and a sentence whose text the memo holds is not scanned (one with no
    match is added to it). No grammar match crosses a sentence boundary (one never holds a sentence's end
    mark followed by a space) and every sentence follows a space or the text's start, so a sentence's matches
    depend on its own words only; articles repeat their figure-free sentences (drafts of one template, the
    bench's generated prose). tests/test_check_regex_filters.py holds it to the scan of the whole text."""
    qre, reach, ends = _qualifiers_of(qualifiers or DEFAULT_QUALIFIERS)
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []
    low = lowered(text)  # the grammar is scanned case-folded when that gives the same matches
    lower = text.lower() if low is None else low
    if "illion" in lower or "thousand" in lower or "hundred" in lower:
        for m in (_number_words_lower(low) if low is not None else _NUMBER_WORDS_RE.finditer(text)):
            found.append(_worded_number(m, text, base))
            taken.append((m.start(), m.end()))
    for m in (_HUNDRED_RE.finditer(text) if "hundred" in lower else ()):
        if taken and any(s < m.end() and m.start() < e for s, e in taken):
            continue
        mag = _MAG_WORDS[m.group("h_mag").lower()]
        end = m.end("h")
        found.append(Figure(base + m.start(), base + end, text[m.start():end], None, 100 * mag, 100 * mag, True, 50 * mag))
        taken.append((m.start(), m.end()))
    for m in _grammar_matches(text, low, sentences, figure_free):
        if taken and any(s < m.end() and m.start() < e for s, e in taken):
            continue
        fig = _make(m, base, text)
        if fig is None:
            if m.lastgroup == "mrange":  # a move "from $X to $Y": two figures
                found.extend(find_figures_simple(text[m.start("mrange"):m.end("mrange")], base + m.start("mrange")))
            elif m.lastgroup == "prange":  # "from 64% to 41%", "75%-15%": two figures
                found.extend(_percent_ends(m, text, base))
            continue
        found.append(fig)
    indexy = "index" in lower or "reading" in lower or "gauge" in lower or "score" in lower
    for m in (_index_readings(text, low) if indexy else ()):
        if any(s < m.end("num") and m.start("num") < e for s, e in taken) or any(f.start - base < m.end("num") and m.start("num") < f.end - base for f in found):
            continue
        v, p = _amount(m.group("num"), None)
        found.append(Figure(base + m.start("num"), base + m.end("num"), m.group("num"), "index", v, v, True, p))
    for m in (_HALF_RE.finditer(text) if "half" in lower or "quarter" in lower or "third" in lower else ()):
        part = _PART_OF[" ".join(m.group("part").lower().split())]
        mag = _MAG_WORDS[m.group("mag").lower()]
        found = [f for f in found if not (m.start() <= f.start - base < m.end())]  # "a billion" inside it
        found.append(Figure(base + m.start(), base + m.end(), m.group(0), "USD" if m.group("dollars") else None,
                            mag * part, mag * part, True, mag * 0.05))
    if "half" in lower or "third" in lower or "quarter" in lower or "fifth" in lower or "tenth" in lower:
        found = _share_words(text, found, base)
    for m in (_MULTIPLE_RE.finditer(text) if "x" in lower or "×" in text else ()):
        if any(f.start - base < m.end() and m.start() < f.end - base for f in found):
            continue
        if _LEVERAGE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "cut max leverage to 40x", "leverage ranging from 13x to 19x": a position's terms
        if m.group(0).endswith(" X") and _day_of_month(text, m.start(), m.group("num"), m.group(0)):
            continue  # "in a Dec. 19 X post": a day of a month, then the platform X, no multiple
        v, p = _amount(m.group("num"), None)
        found.append(Figure(base + m.start(), base + m.end(), m.group(0), "ratio", v, v, True, p))
    if "x" in lower or "×" in text:
        found = _position_leverage(text, found, base)
    found = _extremes(text, lower, found, base)
    if len(lower) == len(text):  # (a text whose lowering moves offsets: no multiple in words is read)
        found = _multiples(text, lower, found, base)
    if " per " in lower:  # (before the counts in words: "twelve trades per minute" is a rate, not twelve trades)
        found = _rates_in_words(text, lower, found, base)
    if "dozen" in lower or "scores" in lower or "s of" in lower or "s in " in lower or "s worth" in lower or "-dollar" in lower \
            or "figure" in lower or any(n in lower for n in _SMALL_COUNT_NEED):
        found = _count_words(text, lower, found, base)
    if _DIGIT_RE.search(text):
        found = _read_tickers(text, found, base)
        found = _read_in_context(text, found, qre, base)
    if "zero" in lower:
        found = _zeros(text, lower, found, base)
    if "record" in lower:  # (after every number is read: a record beside a number describes it)
        found = _records(text, lower, found, base)
    found.sort(key=lambda f: f.start)
    out = []
    for fig in found:
        local = fig.start - base
        before = text[max(0, local - 30):local]
        # A qualifier (one of the table's words, as long as written) ends where only spaces are left before the
        # figure: no match starts before the longest word's length back from there (searched from there: the
        # same match, half the places tried; the lookbehind still sees the text before).
        stripped = before.rstrip()
        qm = qre.search(before, max(0, len(stripped) - reach)) \
            if fig.qualifier != "vague" and _may_be_qualified(stripped, ends) else None
        if qm is None and fig.qualifier != "vague" and fig.point and "the " in before.lower():
            qm = _named_reference_bound(before, qre, reach, ends)
        if qm:
            kind, at = qm.lastgroup, qm.start()
            if kind == "approx":  # "at least around 10,000 yen": a bound on an approximate figure is that bound
                bound = _bound_before(before, at, qre, reach, ends)
                if bound is not None:
                    kind, at = bound.lastgroup, bound.start()
            qstart = fig.start - (len(before) - at)
            fig = Figure(fig.start, fig.end, fig.text, fig.unit, fig.lo, fig.hi, fig.point, fig.precision,
                         kind, before[at:qm.end()].rstrip() if at != qm.start() else qm.group(kind), qstart, fig.asset)
        out.append(fig)
    return _share_magnitude(text, _join_ranges(text, out, base), base)


# A list of amounts whose magnitude is written once, after the last: "$41.2, $18.75 and $9.9 million", "$3.1 and $2.2
# billion". Between two items only a comma, "and" or "or", the last joined by "and" or "or"; an item before the last prints
# a currency, no magnitude and a value below a thousand (an amount a writer gives with its magnitude word: "$95,000, $3.1
# million" is two amounts).
_LIST_JOIN = Deferred(globals(), r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+)", re.IGNORECASE)
_LIST_END = Deferred(globals(), r"\b(?:and|or)\s*$", re.IGNORECASE)
_BARE_LIMIT = 1000.0


def _share_magnitude(text: str, found: list[Figure], base: int) -> list[Figure]:
    """``found`` with the magnitude of a list's last amount carried back to the items before it that print none."""
    if len(found) < 2 or not any(f.text[-1:].isalpha() for f in found[1:]):  # (a magnitude closes its figure's text)
        return found
    out = list(found)
    for i in range(len(out) - 1, 0, -1):
        last = out[i]
        mag = _mag_in(last.text) if last.point and last.unit is not None and last.text[-1:].isalpha() else None
        times = _mag(mag)
        if times <= 1.0 or not _LIST_END.search(text[out[i - 1].end - base:last.start - base]):
            continue  # a list closes on "and" or "or" before its last item: "$2.10, $3 million in longs" is two amounts
        j = i
        while j > 0 and _bare_item(out[j - 1], last, text[out[j - 1].end - base:out[j].start - base]):
            j -= 1
        for k in range(j, i):
            f = out[k]
            out[k] = Figure(f.start, f.end, f.text, f.unit, f.lo * times, f.hi * times, f.point, f.precision * times,
                            f.qualifier, f.qualifier_text, f.qualifier_start, f.asset)
    return out


def _bare_item(item: Figure, last: Figure, between: str) -> bool:
    """Is ``item`` an amount of ``last``'s list that prints no magnitude of its own (``_share_magnitude``)?"""
    return (item.point and item.unit == last.unit and item.qualifier in (None, last.qualifier) and 0 < item.lo < _BARE_LIMIT
            and _mag_in(item.text) is None and not item.text[-1:].isalpha() and _LIST_JOIN.fullmatch(between) is not None)


# A figure named as what was reported, after a bound: "well above the reported $2 billion", "more than the official 40%".
_NAMED_REFERENCE = Deferred(globals(), r"\b(?:the|an?)\s+(?:reported|official|published|stated|quoted|headline|initial|widely[\s-]cited)\s+$",
                            re.IGNORECASE)


def _named_reference_bound(before: str, qre: re.Pattern, reach: int, ends: tuple[str, ...] | None) -> re.Match | None:
    """A floor or ceiling word before "the reported" (or "the official", ...) right before a figure, or None: the bound
    is the writer's on the real value, the figure the report's ("the real total is far larger than the reported $2
    billion": the real total is at least $2 billion)."""
    m = _NAMED_REFERENCE.search(before)
    if m is None:
        return None
    head = before[:m.start()]
    stripped = head.rstrip()
    if not _may_be_qualified(stripped, ends):
        return None
    bound = qre.search(head, max(0, len(stripped) - reach))
    return bound if bound is not None and bound.lastgroup in ("at_least", "at_most") else None


def _bound_before(before: str, at: int, qre: re.Pattern, reach: int, ends: tuple[str, ...] | None) -> re.Match | None:
    """A floor or ceiling word right before an approximation word that starts at ``at`` ("at least around", "up to
    about"), or None: the bound is what the figure is held to, the approximation only softens its number (the fact
    base's own reading of two words on one value, ``vocabulary.CompoundHedge``)."""
    head = before[:at]
    stripped = head.rstrip()
    if not _may_be_qualified(stripped, ends):
        return None
    m = qre.search(head, max(0, len(stripped) - reach))
    return m if m is not None and m.lastgroup in ("at_least", "at_most") else None


_INDEX_WORDS = ("index", "reading", "gauge", "score")  # every match of _INDEX_RE opens with one of them


def _index_readings(text: str, low: str | None):
    """``_INDEX_RE.finditer(text)``, tried only where one of ``_INDEX_WORDS`` stands in ``low`` (``text`` lowered with
    the same offsets, or None: the plain scan): the expression, case-insensitive and opening with a word boundary,
    was tried at every character of every paragraph that names a reading (tests/test_check_regex_filters.py)."""
    if low is None:
        yield from _INDEX_RE.finditer(text)
        return
    end = 0
    for at in sorted(i for word in _INDEX_WORDS for i in _places(low, word)):
        if at >= end:
            m = _INDEX_RE.match(text, at)
            if m is not None:
                end = m.end()
                yield m


def _places(text: str, word: str):
    """Where ``word`` stands in ``text`` (overlapping places too), left to right."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def _worded_number(m: re.Match, text: str, base: int) -> Figure:
    """A figure from _NUMBER_WORDS_RE: the words' number times its magnitude, a round figure."""
    ones = (m.group("ones") or "").lower()
    word = (_TENS_WORDS.get((m.group("tens") or "").lower(), 0) + _UNITS_WORDS.get((m.group("units") or "").lower(), 0)
            + (_ONES.split("|").index(ones) + 1 if ones else 0))
    mag = _MAG_WORDS[m.group("mag").lower()] * (100 if m.group("hundred") else 1)
    unit = "USD" if m.group("dollars") else "count" if m.group("noun") else None
    v = word * mag
    return Figure(base + m.start(), base + m.end(), text[m.start():m.end()], unit, v, v, True, mag * 0.5)


FIGURE_FREE_KEPT = 8192  # figure-free sentences a memo holds before it is emptied (a bound, not a tuning knob)


def _grammar_matches(text: str, low: str | None, sentences, figure_free: set[str] | None):
    """The figure grammar's matches in ``text`` (see ``find_figures``), case-folded when ``low`` is given."""
    if low is None or sentences is None or figure_free is None:
        yield from (_FIGURE_FOLDED.finditer(low) if low is not None else _figure_re().finditer(text))
        return
    for start, end in sentences:
        words = low[start:end]
        if words in figure_free:
            continue
        found = False
        for m in _FIGURE_FOLDED.finditer(low, start, end):
            found = True
            yield m
        if not found:
            if len(figure_free) >= FIGURE_FREE_KEPT:
                figure_free.clear()
            figure_free.add(words)


_END_BOUNDS = ("at_least", "at_most")  # a floor's or a ceiling's words before one end of a range
_OUTWARD = 2  # a bound rounded outward may lie a full unit of its last digit off: twice the half unit of rounding


def _join_ranges(text: str, found: list[Figure], base: int) -> list[Figure]:
    """Two figures that are one range's ends, whatever stands between them: "between approximately
    $150 million and $190 million", "ranged from $828 million to $974 million", "200,000 to even
    430,000 traders". A move ("fell from $96,000 to $90,000") stays two points: after "from", the
    pair is a range only behind a word of spread (range, vary, anywhere, estimated...)."""
    out: list[Figure] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None and a.point and b.point and _range_ends(text, a, b, base):
            approx = a.qualifier == "approx"  # "between approximately $150 million and $190 million"
            # An end under its own bound word ("under $1.23457 million to more than $2.34567 million") is the source's
            # bound rounded outward (drafting's layer._hedged), up to a full unit of its last digit: held to that unit.
            precision = max(f.precision * (_OUTWARD if f.qualifier in _END_BOUNDS else 1) for f in (a, b))
            out.append(Figure(a.start, b.end, text[a.start - base:b.end - base], b.unit or a.unit, a.lo, b.hi, False,
                              precision, "approx" if approx else None,
                              a.qualifier_text if approx else None, a.qualifier_start if approx else None, b.asset or a.asset))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _range_ends(text: str, a: Figure, b: Figure, base: int) -> bool:
    between = text[a.end - base:(b.qualifier_start if b.qualifier_start is not None else b.start) - base]
    if not _RANGE_JOIN.match(between) or (a.unit and b.unit and a.unit != b.unit) or a.lo >= b.hi:
        return False
    before = text[max(0, (a.qualifier_start if a.qualifier_start is not None else a.start) - base - 40):
                  (a.qualifier_start if a.qualifier_start is not None else a.start) - base]
    if between.strip().lower().startswith("and"):
        return bool(_BETWEEN_BEFORE.search(before))
    if _FROM_BEFORE.search(before):
        return bool(_RANGE_OPEN.search(before))
    if between.strip().lower().startswith("to") and a.lo >= 0 and _MOVE_BY.search(before):
        return False  # "fell by $225 billion to $3.08 trillion": a change and the level reached
    return True


_POINT_RE = Deferred(globals(), rf"{CUR}(?P<m_num>{NUM})(?P<m_mag>\s?(?:{MAGW})\b|(?i:mn|mln|bn|tn|[kmbt])\b)?", re.IGNORECASE)


def find_figures_simple(text: str, base: int) -> list[Figure]:
    """Money points only (the two ends of a "from ... to ..." move)."""
    out = []
    for m in _POINT_RE.finditer(text):
        v, p = _amount(m.group("m_num"), m.group("m_mag"))
        out.append(Figure(base + m.start(), base + m.end(), m.group(0), prefix_unit(m.group(0)), v, v, True, p))
    return out
