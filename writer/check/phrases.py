"""The phrase lists (``phrases.yaml``) compiled once, with the desk's additions.

The lists are data so an editor can teach the check a new attribution
formula without touching code; this module only merges the defaults with the
``[tool.writer.check]`` additions and compiles each class into one regular
expression (one pass per sentence per class, whatever the list's length).
Each expression is compiled the first time a text needs it
(writer/check/lazyre.py): what a short article never asks is never compiled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from writer.check.casefold import FoldedScan, lower_pattern, lowered
from writer.check.frames import Frames, data_noun_pattern, frames_pattern
from writer.check.lazyre import Deferred, LazyPatternMap, LazyPatterns
from writer.check.phrasefile import default_phrases

MARKER_CLASSES = (
    "attribution", "single_source", "rumor", "pending", "estimate", "claim", "disagreement",
    "note_backward", "note_run", "note_forward", "note_label", "note_article", "overstated", "conditional",
    "example",
)


def _alternation(patterns, *, fold: bool = False) -> str:
    """``patterns`` longest first; ``fold``: each then lower-cased (``lower_pattern``), in the original's
    order, so the same alternative wins."""
    return "|".join(f"(?:{lower_pattern(p) if fold else p})" for p in sorted(set(patterns), key=lambda p: (-len(p), p)))


def _compile(patterns, flags: int = re.IGNORECASE, *, fold: bool = False, scan: bool = False) -> re.Pattern | None:
    """One class's expression; ``fold``: its case-sensitive twin for lowered text (writer/check/casefold.py;
    the caller has checked that each pattern can be lower-cased); ``scan``: that twin written headed
    (``_headed``) when it can be, for an expression scanned over whole texts (it compiles slower: not for
    one tried at a given place). Kept per process (``_compiled``)."""
    return _compiled(tuple(patterns), flags, fold, scan) if patterns else None


# Expressions kept per process, by their patterns: a new Checker (a test, a benchmark's round, a desk's second
# configuration) asks for the same classes again, and writing an expression out (``_headed``, ``_spread``) costs
# more than re's own cache saves. A bound well above the classes, cue tables and unions one configuration compiles.
COMPILED_KEPT = 512


@lru_cache(maxsize=COMPILED_KEPT)
def _compiled(patterns: tuple[str, ...], flags: int, fold: bool, scan: bool) -> re.Pattern | None:
    """``_compile``'s expression, built afresh."""
    if not patterns:
        return None
    if fold and scan and not flags & re.IGNORECASE:
        headed = _headed([lower_pattern(p) for p in sorted(set(patterns), key=lambda p: (-len(p), p))])  # _alternation's order
        if headed is not None:
            return re.compile(rf"(?:{headed})(?![\w])", flags)
    heads = [lower_pattern(p) for p in patterns] if fold else patterns
    return re.compile(rf"(?<![\w-]){_filter_of(heads)}(?:{_alternation(patterns, fold=fold)})(?![\w])", flags)


def _headed(patterns: list[str]) -> str | None:
    r"""``(?<![\w-])(?:patterns)``, alternatives tried in this order, written so that the engine can skip to
    the characters a match starts with: each pattern is spread (``_spread``) and split (``_split_head``), and
    the expression is an alternation of its literal first characters, each followed by the lookbehind (one
    character further back) and its patterns' rests in their order. Python's engine scans for an expression's
    first characters in C only when it opens with literals or a class; opening with a lookbehind, it tried
    the whole expression at every character of every text. Patterns with different first characters never
    match at one place, so the first pattern to match at each place is the same: the same matches.
    None when some pattern does not open with a literal character. Case-sensitive expressions only
    (under IGNORECASE the engine does not skip by literals). tests/test_check_regex_filters.py."""
    groups: dict[str, list[str]] = {}
    for p in patterns:
        for x in _spread(p):
            pairs = _head_split(x)
            if pairs is None:
                return None
            for head, rest in pairs:
                groups.setdefault(head, []).append(rest)
    parts = []
    for head, rests in groups.items():
        body = "|".join(f"(?:{r})" for r in rests)
        parts.append(f"{head}(?<![\\w-].)(?:{body})")
    return "|".join(parts)


def _dispatch(patterns) -> str:
    """An alternation of ``patterns`` for asking *whether* (and where) some pattern matches: the order of
    alternatives, hence which one wins, is not kept. Each pattern's leading group is written out over its
    alternatives (``_spread``) and the results are grouped by their literal first character, written once in
    front of the group's rests: Python's engine passes over an alternative that opens with a literal character
    on one comparison, where a group behind a lookahead (``_lookahead_dispatch``, kept for the patterns that
    open otherwise) is entered; at each word start a table's scan tried every group's lookahead, and the
    scans were a tenth of a fact-free check. tests/test_check_regex_filters.py holds the two to the same
    positions."""
    heads: dict[str, list[str]] = {}
    others: list[str] = []
    for p in sorted({x for p in patterns for x in _spread(p)}):
        split = _split_head(p)
        if split is None:
            others.append(p)
        else:
            heads.setdefault(split[0], []).append(split[1])
    parts = [f"{head}(?:{_alternation(rests)})" for head, rests in sorted(heads.items())]
    return "|".join(parts + ([_lookahead_dispatch(others)] if others else []))


def _lookahead_dispatch(patterns) -> str:
    """An alternation of ``patterns`` grouped by the characters they can start with, each group
    behind its own one-character lookahead (same use as ``_dispatch``)."""
    groups: dict[str, list[str]] = {}
    for p in sorted(set(patterns)):
        groups.setdefault(_filter_of([p]), []).append(p)
    return "|".join(f"{head}(?:{_alternation(members)})" for head, members in sorted(groups.items()))


# How much a leading group may repeat of what follows it when written out over its alternatives: each
# copy is compiled, and past this the compile costs more than the scan gains (a cold check compiles it).
_SPREAD_LIMIT = 400
_NO_SPREAD = re.compile(r"\\[1-9]|\(\?P")  # a back reference or a named group cannot be copied


def _spread(pattern: str, depth: int = 0) -> list[str]:
    """Patterns whose union matches where ``pattern`` does: top-level alternatives apart, and a leading
    ``(?:A|B)`` not repeated by a quantifier written out as ``A...`` and ``B...`` (within ``_SPREAD_LIMIT``)."""
    if depth > 3 or _NO_SPREAD.search(pattern):
        return [pattern]
    alternatives = _top_level_alternatives(pattern)
    if len(alternatives) > 1:
        return [x for alt in alternatives for x in _spread(alt, depth + 1)]
    if not pattern.startswith("(?:"):
        return [pattern]
    close = _closing_paren(pattern, 0)
    if close is None:
        return [pattern]
    after = pattern[close + 1:close + 3]
    optional = after[:1] == "?" and after[1:2] not in ("?", "+")  # greedy: the group is tried first, then without it
    if not optional and after[:1] in ("?", "*", "+", "{"):
        return [pattern]
    inner, rest = _top_level_alternatives(pattern[3:close]), pattern[close + 1 + optional:]
    if len(rest) * (len(inner) - 1 + optional) > _SPREAD_LIMIT:
        return [pattern]
    return [x for alt in inner for x in _spread(alt + rest, depth + 1)] + (_spread(rest, depth + 1) if optional else [])


def _head_split(pattern: str, depth: int = 0) -> list[tuple[str, str]] | None:
    """``pattern`` as (first character, rest) pairs, one per first character, each rest trying the pattern's
    ways in their order: ``_split_head``, or for a leading group too long to spread (``_spread``), its
    alternatives split and grouped by first character, what follows the group written once per character
    ("(?:came|comes|derived) from X" is "c(?:(?:ame)|(?:omes))from X" and "d(?:(?:erived))from X"). None
    when some way does not open with a literal character."""
    split = _split_head(pattern)
    if split is not None:
        return [split]
    if depth > 3 or not pattern.startswith("(?:") or len(_top_level_alternatives(pattern)) != 1 or _NO_SPREAD.search(pattern):
        return None
    close = _closing_paren(pattern, 0)
    if close is None:
        return None
    after = pattern[close + 1:close + 3]
    optional = after[:1] == "?" and after[1:2] not in ("?", "+")
    if not optional and after[:1] in ("?", "*", "+", "{"):
        return None
    rest = pattern[close + 1 + optional:]
    by_head: dict[str, list[str]] = {}
    for alt in _top_level_alternatives(pattern[3:close]):
        pairs = _head_split(alt, depth + 1)
        if pairs is None:
            return None
        for head, tail in pairs:
            by_head.setdefault(head, []).append(tail)
    out = [(head, "(?:" + "|".join(f"(?:{t})" for t in tails) + ")" + rest) for head, tails in by_head.items()]
    if optional:  # the group skipped: what follows it, tried after every way through the group
        skipped = _head_split(rest, depth + 1)
        if skipped is None:
            return None
        out += skipped
    return out


def _split_head(pattern: str) -> tuple[str, str] | None:
    """(its first character, the rest) when ``pattern`` is one alternative opening with a literal
    character that no quantifier follows, else None."""
    if len(_top_level_alternatives(pattern)) != 1:
        return None
    if pattern.startswith("\\") and len(pattern) > 1 and not pattern[1].isalnum():
        head, rest = pattern[:2], pattern[2:]
    elif pattern[:1].isalnum() or (pattern[:1] and pattern[:1] in " '%&,-:@#/\""):
        head, rest = pattern[:1], pattern[1:]
    else:
        return None
    return None if rest[:1] in ("?", "*", "+", "{") else (head, rest)


_OPTIONAL = ("?", "*", "{")  # a quantifier after an item that can repeat it zero times


@lru_cache(maxsize=256)  # union() builds its expressions on every article
def _first_char_filter(alternation: str) -> str:
    """A lookahead for the characters a match can start with, or "" when that cannot be told.

    The engine tries every alternative of a long list at every word start; one
    character class in front turns most word starts away at once. The class is
    read from the expression's text: each alternative must open with a literal
    character (or a group whose alternatives all do) that no quantifier makes
    optional; anything else gets no filter, so matches are never lost.
    """
    first = _first_chars(alternation)
    if not first:
        return ""
    return "(?=[" + "".join(sorted(first)) + "])"


def _filter_of(patterns) -> str:
    """``_first_char_filter(_alternation(patterns))``, from each pattern's own first characters.

    The alternation's first characters are the union of its members' (each sits in its own
    group), and a pattern joins several alternations (its class, the classes' union, the
    one-scan finder and its dispatch groups): read once per pattern, not once per alternation,
    this was about a fifteenth of a cold draft's check. tests/test_cold_start.py holds the two equal.
    """
    chars: set[str] = set()
    for p in patterns:
        first = _pattern_first_chars(p)
        if first is None:
            return ""
        chars |= first
    return "(?=[" + "".join(sorted(chars)) + "])" if chars else ""


@lru_cache(maxsize=None)  # one entry per phrase pattern: a few hundred short strings
def _pattern_first_chars(pattern: str) -> frozenset[str] | None:
    first = _first_chars(pattern)
    return frozenset(first) if first else None


def _first_chars(expr: str) -> set[str] | None:
    """The characters every match of ``expr`` starts with (escaped for a class), or None: unknown."""
    out: set[str] = set()
    for alt in _top_level_alternatives(expr):
        got = _leading_char(alt)
        if got is None:
            return None
        out |= got
    return out or None


def _top_level_alternatives(expr: str) -> list[str]:
    parts, depth, start, i = [], 0, 0, 0
    while i < len(expr):
        c = expr[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # skip a character class whole: | and ( mean themselves inside it
            j = expr.find("]", i + 2)
            i = (j if j >= 0 else len(expr) - 1) + 1
            continue
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            parts.append(expr[start:i])
            start = i + 1
        i += 1
    parts.append(expr[start:])
    return parts


def _leading_char(alt: str) -> set[str] | None:
    if not alt:
        return None
    if alt.startswith("(?:"):
        close = _closing_paren(alt, 0)
        inner = None if close is None else _first_chars(alt[3:close])
        if inner is None or alt[close + 1:close + 2] == "{":
            return None
        if alt[close + 1:close + 2] not in ("?", "*"):
            return inner
        rest = _leading_char(alt[close + 2:].removeprefix("?"))  # an optional group: what follows can start too
        return None if rest is None else inner | rest
    if alt.startswith("\\") and len(alt) > 1 and not alt[1].isalnum():
        head, rest = re.escape(alt[1]), alt[2:]
    elif alt[:1].isalnum() or alt[:1] in " '%&,-:@#/\"":
        head, rest = re.escape(alt[0]), alt[1:]
    else:
        return None
    return None if rest[:1] in _OPTIONAL else {head}


def _closing_paren(expr: str, at: int) -> int | None:
    depth, i = 0, at
    while i < len(expr):
        c = expr[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            j = expr.find("]", i + 2)
            i = (j if j >= 0 else len(expr) - 1) + 1
            continue
        depth += (c == "(") - (c == ")")
        if depth == 0:
            return i
        i += 1
    return None


def _headed_union(patterns: list[str]) -> str | None:
    r"""``KeyFinder._union`` of lowered patterns written headed: an alternation of the literal characters matches start
    with, each followed by the lookbehind one character further back and, in a lookahead, its patterns' rests (their
    order does not matter: only where some pattern matches is asked), so the engine skips in C to the characters a
    match can start with. Each match is that one character, at the place ``_union`` finds (zero-width) there: a
    match is never longer than one character, so no later place is passed over. None when some pattern does not open
    with a literal character (``_head_split``). For the marker classes' table (222 patterns written out) the scan is
    about 2.3x faster; on the small cue tables it is not, and they keep ``_union``. tests/test_check_fast_paths.py
    holds the two to the same places."""
    groups: dict[str, list[str]] = {}
    for p in sorted({x for p in patterns for x in _spread(p)}):
        pairs = _head_split(p)
        if pairs is None:
            return None
        for head, rest in pairs:
            groups.setdefault(head, []).append(rest)
    return "|".join(f"{head}(?<![\\w-].)(?=(?:{'|'.join(f'(?:{r})' for r in rests)})(?![\\w]))" for head, rests in groups.items())


# ``_headed_union`` kept per process by its patterns (one entry per headed table: the marker classes, with or without a
# desk's additions): writing the markers' union out cost about 7 ms for every new Checker.
_headed_union_kept = lru_cache(maxsize=8)(_headed_union)


def headed_search(patterns) -> str | None:
    r"""For a question asked of many texts, "does ``(?<![\w-])(?:patterns)`` (IGNORECASE) occur in it?": the same
    expression lower-cased and written headed (``_headed``), for the text's lowered form (``lowered``), so the engine
    skips in C to the characters a match can start with instead of trying the lookbehind and the alternation at every
    character. None when a pattern cannot be lowered (``lower_pattern``) or does not open with a literal character.
    tests/test_check_fast_paths.py holds the two to the same answers."""
    folded = [lower_pattern(p) for p in patterns]
    return None if any(p is None for p in folded) else _headed(folded)


class KeyFinder(LazyPatterns):
    """Which keys of a phrase table occur in a text, in one scan instead of one search per key.

    Linking asks each cue table (sides, assets, windows, metrics...) of several
    texts per figure, and searching every key's expression in turn was a third
    of the check's time. The union of all keys, inside a lookahead so that
    overlapping and same-start matches are all seen, finds in one pass every
    position where *some* key matches; only those few positions are then tried
    against the keys still missing (anchored, lookbehind included). The result
    is exactly the keys whose own expression ``search`` would find. Results are
    remembered per text: the same sentence and block are asked about once per
    figure they hold. A key's own expression is compiled the first time it is
    needed, the union once ``UNION_FROM`` texts have been read: the first texts
    are searched key by key, since compiling the union (as long as every key's
    expression together) costs more than its one scan saves over one article.
    """

    CACHE_SIZE = 4096
    # Texts read key by key before the union is built. One article asks each table about 10-40
    # texts (a cold `writer draft`, a one-file `writer check`), which then never compile the unions:
    # about a twentieth of a cold draft's instructions. Key by key costs 0-80 us more a text than
    # the union's scan, about the unions' compiling (11 ms) over 4-6 articles, so a batch worker
    # or a long article switches to the union early (bench/bench_draft.py; tests/test_cold_start.py
    # holds both ways to the same keys).
    UNION_FROM = 64

    def __init__(self, table: dict[str, list[str] | tuple[str, ...]], *, headed: bool = False):
        """``headed``: the union scanned over lowered text written headed (``_headed_union``), for a table where that was
        measured to pay (the marker classes)."""
        self._table = {k: words for k, words in table.items() if words}
        self.keys = list(self._table)
        self._compiled: dict[str, re.Pattern] = {}  # key -> its own expression, compiled on first use
        self._compiled_lc: dict[str, re.Pattern] = {}  # the same, lower-cased, for lowered text
        self._scanned_lc: dict[str, re.Pattern] = {}  # the same, written headed for whole-text scans (``folded_pattern``)
        self._folded: dict[str, list[str]] | None | bool = False  # the table lower-cased (None: cannot be; False: not yet)
        self.folding = True  # False: scan with the IGNORECASE expressions only (the plain version, for tests)
        every = [p for words in self._table.values() for p in words]
        self._lazy("_positions", lambda: self._union(every), re.IGNORECASE)  # (never read for an empty table)
        folded = lambda: [p for words in self._folded_table().values() for p in words]  # noqa: E731 (only read when the table folds)
        self._lazy("_positions_lc", (lambda: _headed_union_kept(tuple(folded())) or self._union(folded())) if headed else (lambda: self._union(folded())), 0)
        self._cache: dict[str, frozenset[str]] = {}
        self._read = 0  # texts read so far (not counting those answered from the cache)
        self._by_char: dict[str, list[str]] | None = None  # first character -> keys, for the union's positions

    @staticmethod
    def _union(every: list[str]) -> str:
        # (not ``_headed``: a table's first characters are most letters, so the engine has little to skip)
        return rf"(?<![\w-]){_filter_of(every)}(?=(?:{_dispatch(every)})(?![\w]))"

    def _folded_table(self) -> dict[str, list[str]] | None:
        """Every key's patterns lower-cased for a case-sensitive scan of lowered text (writer/check/casefold.py:
        the same matches, 2-3x faster), or None when some pattern cannot be."""
        if self._folded is False:
            folded = {k: [lower_pattern(p) for p in words] for k, words in self._table.items()}
            self._folded = None if any(p is None for words in folded.values() for p in words) else folded
        return self._folded

    def _keys_by_first_char(self, table: dict[str, list[str]]) -> dict[str, list[str]]:
        """Character -> the keys whose expression can match at a position holding it (each key's
        expression opens with a lookahead for its first characters: ``_filter_of``), in key order.
        A character not in the map stands for the keys whose first characters cannot be told."""
        first = {k: [_pattern_first_chars(p) for p in words] for k, words in table.items()}
        anywhere = [k for k in self.keys if any(f is None for f in first[k])]
        chars = {c[-1] for fs in first.values() for f in fs if f is not None for c in f}  # "\\$" is "$"
        by_char = {c: [k for k in self.keys if k in anywhere or any(c in {x[-1] for x in f} for f in first[k])] for c in chars}
        by_char[""] = anywhere
        return by_char

    def _key_pattern(self, key: str, *, folded: bool) -> re.Pattern:
        if folded:
            return _compile(self._table[key], 0, fold=True)
        return _compile(self._table[key])

    def phrases_found(self, key: str, text: str) -> int:
        """How many of ``key``'s own phrases ``text`` holds: what tells apart two keys ``found`` gives alike ("share" names
        both shares; "share of trading volume" names the volume's with one phrase more). Asked for ties only."""
        return sum(1 for p in self._table.get(key, ()) if _compile((p,)).search(text))

    def folded_pattern(self, key: str) -> re.Pattern | None:
        """``key``'s own expression as a case-sensitive twin for lowered text (the same matches as
        its IGNORECASE expression on the text itself), or None when the table cannot be folded.
        Once the finder has read ``UNION_FROM`` texts (a batch, a long article), written headed (``_compile``'s
        ``scan``) for scanning whole texts (``marker_ends``): opening with its lookbehind, the expression is tried
        at every character, and the attribution class's scans were among the check's costliest (1.7x faster
        headed, bench/results/speed_round15.md). Before, the twin the finder reads key by key is used: writing the
        attribution class headed costs about as much as compiling it twice, which a one-file check would pay."""
        if key not in self._table or self._folded_table() is None:
            return None
        if self._read <= self.UNION_FROM:
            rx = self._compiled_lc.get(key)
            if rx is None:
                rx = self._compiled_lc[key] = self._key_pattern(key, folded=True)
            return rx
        rx = self._scanned_lc.get(key)
        if rx is None:
            rx = self._scanned_lc[key] = _compile(self._table[key], 0, fold=True, scan=True)
        return rx

    def _key_by_key(self, text: str) -> set[str]:
        """The keys whose own expression ``search`` finds in ``text`` (on the lowered text, case-sensitively,
        when that gives the same matches: the expressions the union's positions are tried against)."""
        low = lowered(text) if self.folding else None
        folded = low is not None and self._folded_table() is not None
        compiled, scanned = (self._compiled_lc, low) if folded else (self._compiled, text)
        out = set()
        for key in self.keys:
            rx = compiled.get(key)
            if rx is None:
                rx = compiled[key] = self._key_pattern(key, folded=folded)
            if rx.search(scanned):
                out.add(key)
        return out

    def found(self, text: str) -> frozenset[str]:
        hit = self._cache.get(text)
        if hit is not None:
            return hit
        out: set[str] = set()
        self._read += 1
        if self.keys and self._read <= self.UNION_FROM:
            out = self._key_by_key(text)
        elif self.keys:  # (not ``self._positions``: reading it compiles the IGNORECASE union)
            low = lowered(text) if self.folding else None
            table = self._folded_table() if low is not None else None
            if table is not None:  # lowered: only the keys that can start with the character there are tried
                if self._by_char is None:
                    self._by_char = self._keys_by_first_char(table)
                positions, compiled, scanned, by_char = self._positions_lc, self._compiled_lc, low, self._by_char
            else:
                positions, compiled, scanned, by_char = self._positions, self._compiled, text, None
            every, anywhere = self.keys, by_char[""] if by_char else None
            for m in positions.finditer(scanned):
                at = m.start()
                for key in (every if by_char is None else by_char.get(scanned[at], anywhere)):
                    if key in out:
                        continue
                    rx = compiled.get(key)
                    if rx is None:
                        rx = compiled[key] = self._key_pattern(key, folded=by_char is not None)
                    if rx.match(scanned, at):
                        out.add(key)
                if len(out) == len(every):
                    break
        result = frozenset(out)
        if len(self._cache) >= self.CACHE_SIZE:
            self._cache.clear()
        self._cache[text] = result
        return result


@dataclass(frozen=True)
class PhraseSet:
    """Compiled marker classes, qualifier words and linking cues."""

    markers: LazyPatternMap  # class -> pattern (None for an empty class), compiled when first read
    negation: re.Pattern
    qualifiers: dict[str, tuple[str, ...]]
    total_cue: re.Pattern
    raw: dict[str, tuple[str, ...]] | None = None  # the patterns of each class, for combined expressions
    marker_finder: KeyFinder | None = None  # every marker class in one scan (classes_in)
    cue_finders: dict[str, KeyFinder] | None = None  # "side", "asset", "window", "metric", "direction", "change"
    frames: Frames | None = None  # every attribution frame (writer/check/frames.py)
    data_noun: re.Pattern | None = None  # "data", "figures", "statistics"... (what a run's opening talks about)
    counting: dict[str, re.Pattern] | None = None  # "each" / "together": how the words count several venues or assets
    _folded_unions: dict = field(default_factory=dict, compare=False, repr=False)  # classes -> folded union or None
    _starts: dict = field(default_factory=dict, compare=False, repr=False)  # (classes, text) -> union_starts' answer

    # Texts whose ``union_starts`` are kept (a bound: more than the distinct blocks of many drafts). A batch asks
    # each block of every article for its note words, and drafts of one template share most blocks.
    STARTS_KEPT = 4096

    @property
    def differ_frame(self) -> re.Pattern | None:
        """Named sources that differ ("CoinGlass and CoinAnk differ")."""
        return self.frames.differ if self.frames else None

    def has_frame(self, text: str, *, label: bool = False) -> bool:
        """Is there an attribution frame in ``text`` (``label``: "Name:" at its start counts)?"""
        if label and self.frames and self.frames.label_at(text) is not None:
            return True
        return bool(self.frames) and self.frames.framed(text)

    def marker_ends(self, cls: str, text: str) -> list[int]:
        """Where the matches of marker class ``cls`` end in ``text``, left to right (as
        ``markers[cls].finditer`` gives them), scanned case-folded when that gives the same matches."""
        low = lowered(text)
        finder = self.marker_finder
        folded = finder.folded_pattern(cls) if low is not None and finder is not None and finder.folding else None
        if folded is not None:
            return [m.end() for m in folded.finditer(low)]
        plain = self.markers.get(cls)
        return [] if plain is None else [m.end() for m in plain.finditer(text)]

    def cues(self, table: str, text: str) -> frozenset[str]:
        """Keys of one cue table found in ``text`` (same result as searching each key's expression)."""
        return self.cue_finders[table].found(text)

    def union(self, classes) -> re.Pattern:
        """One expression for several classes (one lookbehind, one alternation: faster than OR-ing them)."""
        patterns = self._class_patterns(classes)
        return _compile(patterns) if patterns else re.compile("(?!x)x")

    def _class_patterns(self, classes) -> list[str]:
        return [p for c in sorted(classes) for p in (self.raw or {}).get(c, ())]

    def union_starts(self, classes: frozenset[str], text: str) -> list[int]:
        """Where ``union(classes)`` matches in ``text``, left to right: scanned case-folded when that gives the
        same matches (writer/check/casefold.py; the alternatives keep their order, so the same one wins).
        Kept per (classes, text), across articles (``STARTS_KEPT``)."""
        got = self._starts.get((classes, text))
        if got is None:
            if len(self._starts) >= self.STARTS_KEPT:
                self._starts.clear()
            got = self._starts[(classes, text)] = tuple(self._union_starts(classes, text))
        return list(got)

    def _union_starts(self, classes: frozenset[str], text: str) -> list[int]:
        """``union_starts`` read afresh."""
        if classes not in self._folded_unions:
            patterns = self._class_patterns(classes)
            foldable = patterns and all(lower_pattern(p) is not None for p in patterns)
            self._folded_unions[classes] = _compile(patterns, 0, fold=True, scan=True) if foldable else None
        folded = self._folded_unions[classes]
        low = lowered(text) if folded is not None else None
        if low is None:
            return [m.start() for m in self.union(classes).finditer(text)]
        return [m.start() for m in folded.finditer(low)]

    def speaks_of_data(self, text: str) -> bool:
        """Does ``text`` talk about data ("data", "figures", a "Source:" label)? Only such a sentence
        (or one with a figure) opens a run of figures its attribution covers."""
        if self.data_noun is None:
            return True
        if self.frames is not None:  # the same nouns: scanned case-folded there
            return self.frames.mentions_data(text) or self.frames.labelled(text)
        return bool(self.data_noun.search(text))

    def differs(self, text: str) -> bool:
        """Do named sources differ in ``text`` ("CoinGlass and CoinAnk differ")? Same answer as
        ``differ_frame.search``, the frame's verb searched first."""
        return bool(self.frames and self.frames.differs(text))

    def framed(self, text: str, *, label: bool = False) -> bool:
        """Does an attribution frame, or named sources that differ, occur in ``text``?"""
        return self.has_frame(text, label=label) or self.differs(text)

    def classes_in(self, text: str, *, label: bool = False) -> set[str]:
        """Every marker class present in ``text`` (``confirmed`` only when not negated); an attribution
        frame adds ``attribution``."""
        found = set(self.marker_finder.found(text))
        if "attribution" not in found and self.has_frame(text, label=label):
            found.add("attribution")
        if "disagreement" not in found and self.differs(text):
            found.add("disagreement")
        if "overstated" in found and not self.overstated_in(text):
            found.discard("overstated")  # "not confirmed", "other sources"
        return found

    def overstated_in(self, text: str) -> str | None:
        """The first overstated word of ``text`` (as written) that is neither negated ("not confirmed") nor
        "other sources"; the class scanned case-folded when that gives the same matches (``marker_ends``)."""
        low = lowered(text)
        finder = self.marker_finder
        folded = finder.folded_pattern("overstated") if low is not None and finder is not None and finder.folding else None
        for m in (folded.finditer(low) if folded is not None else self.markers["overstated"].finditer(text)):
            word = text[m.start():m.end()]
            if word.lower() == "confirmed":
                before = text[max(0, m.start() - 24):m.start()]
                if self.negation.search(before) or "n't" in before or "n’t" in before:
                    continue
            if _OTHER_SOURCES.search(text[max(0, m.start() - 12):m.end()]):  # (a slice: its \b reads no letter before it)
                continue
            return word
        return None


_OTHER_SOURCES = Deferred(globals(), r"\bother (?:data )?sources\b", re.IGNORECASE)  # not an overstatement: "confirmed by other sources"


def build_phrases(extra: dict[str, list[str]] | None = None) -> PhraseSet:
    """The default lists plus ``extra`` (class -> more patterns; plain phrases are fine)."""
    data = default_phrases()
    extra = extra or {}
    unknown = set(extra) - set(MARKER_CLASSES) - {"approx", "at_least", "at_most"}
    if unknown:
        raise ValueError(f"unknown phrase class(es) {sorted(unknown)}; known: {', '.join(MARKER_CLASSES)}, approx, at_least, at_most")
    for name, items in [*((n, data.get(n, [])) for n in (*MARKER_CLASSES, "negation")), *data["frames"].items()]:
        bad = [p for p in items if not isinstance(p, str)]
        if bad:
            raise ValueError(f"phrases.yaml: class {name!r} has entries that are not strings: {bad!r} (quote entries holding ': ')")
    for name, items in extra.items():
        if not isinstance(items, list) or not all(isinstance(p, str) for p in items):
            raise ValueError(f"extra phrases for {name!r} must be a list of strings")
        for p in items:
            try:
                re.compile(p)
            except re.error as exc:
                raise ValueError(f"extra phrase {p!r} for {name!r} is not a valid regular expression: {exc}") from None
    markers = LazyPatternMap(MARKER_CLASSES, lambda name: _compile([*data.get(name, []), *extra.get(name, [])]))
    negation = re.compile(rf"(?<!\w)(?:{_alternation(data['negation'])})(?!\w)", re.IGNORECASE)
    quals = {k: tuple(v) + tuple(extra.get(k, [])) for k, v in data["qualifiers"].items()}
    cues = data["cues"]
    frames = frames_pattern(data["frames"])
    raw = {name: (*data.get(name, []), *extra.get(name, [])) for name in MARKER_CLASSES}
    return PhraseSet(
        markers=markers,
        negation=negation,
        qualifiers=quals,
        total_cue=_compile(cues["total"]),
        raw=raw,
        marker_finder=KeyFinder(raw, headed=True),
        cue_finders={table: KeyFinder(cues[table]) for table in ("side", "asset", "window", "metric", "direction", "change")},
        frames=frames,
        data_noun=data_noun_pattern(data["frames"]),
        counting={k: _compile(v) for k, v in cues.get("counting", {}).items()},
    )


def as_read(name: str) -> str:
    """A source name as the check reads it in a draft: escaped for Markdown, inline markup blanked."""
    from writer.check.document import mask_inline
    from writer.mdtext import md_escape

    return mask_inline(md_escape(name)).strip()


def source_pattern(names: dict[str, list[str]]) -> tuple[re.Pattern | None, dict[str, str]]:
    """One regex over every source spelling, and the lower-cased spelling -> source id map."""
    spelling: dict[str, str] = {}
    for sid, words in names.items():
        for w in words:
            if w and len(w) >= 2:
                spelling.setdefault(w.lower(), sid)
                # A name holding Markdown specials ("*Star* Data", "A&B [Research]") reaches the
                # prose escaped by the drafter and then blanked by the inline mask: match that form too.
                shown = as_read(w)
                if shown != w and len(shown) >= 2:
                    spelling.setdefault(shown.lower(), sid)
    if not spelling:
        return None, {}
    alt = "|".join(re.escape(w) for w in sorted(spelling, key=len, reverse=True))
    # Case-sensitive for short all-caps names ("X", "CZ", "OKX") would be better, but a
    # source at the start of a sentence is capitalised either way; ids stay case-insensitive.
    return FoldedScan(rf"(?<![\w-]){_first_char_filter(alt)}(?:{alt})(?![\w-])"), spelling

