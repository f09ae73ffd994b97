"""Inline suppression comments, and what became of each one.

Forms (HTML comments, so they never show in the rendered article)::

    <!-- writer: disable-next-line P002 -->     the next non-blank line
    <!-- writer: disable-line P002 -->          the line the comment is on
    <!-- writer: disable P004 --> ... <!-- writer: enable P004 -->   a block (to the end if never enabled)

Codes are rule codes or prefixes (``P``, ``P00``), separated by spaces or commas.
A comment with no code at all is the *blanket* form: it silences every rule on
its line or block. It is allowed (like a bare ``# noqa``) but reported like any
other suppression when it silences nothing.

Each directive records which findings it silenced, so the check can report
(like ruff's RUF100) a code that is not a rule (S001) and a suppression that
silenced nothing (S002).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from writer.check.lazyre import Deferred

BLANKET = "*"

_SUPPRESS_RE = Deferred(globals(), 
    r"<!--\s*writer:\s*(?P<kind>disable-next-line|disable-line|disable|enable)\b(?P<codes>[^>]*?)\s*-->",
    re.IGNORECASE,
)
_CODE_RE = Deferred(globals(), r"[A-Za-z]+\d*")


@dataclass(eq=False)
class Directive:
    """One suppression comment: where it is, what it names, what it silenced."""

    line: int
    column: int  # 1-based
    end_column: int  # 1-based, exclusive
    kind: str
    codes: frozenset[str]  # upper-case codes or prefixes, or {BLANKET}
    used: set[str] = field(default_factory=set)  # codes of the findings it silenced

    def covers(self, code: str) -> bool:
        return BLANKET in self.codes or any(code == c or code.startswith(c) for c in self.codes)


@dataclass
class Suppressions:
    """Directives by the lines they silence."""

    lines: dict[int, list[Directive]] = field(default_factory=dict)
    ranges: list[tuple[int, int, Directive]] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)

    def suppressed(self, code: str, line: int) -> bool:
        """True when a directive silences ``code`` on ``line``; the directive remembers it was used."""
        hit = False
        for d in self.lines.get(line, ()):
            if d.covers(code):
                d.used.add(code)
                hit = True
        for a, b, d in self.ranges:
            if a <= line <= b and d.covers(code):
                d.used.add(code)
                hit = True
        return hit


def _codes(text: str) -> frozenset[str]:
    found = frozenset(c.upper() for c in _CODE_RE.findall(text))
    return found or frozenset({BLANKET})


def read_suppressions(source: str) -> Suppressions:
    sup = Suppressions()
    if "<!--" not in source:  # every directive is a comment: most articles hold none
        return sup
    lines = source.split("\n")
    open_blocks: dict[str, tuple[int, Directive]] = {}
    for i, text in enumerate(lines, start=1):
        for m in (_SUPPRESS_RE.finditer(text) if "<!--" in text else ()):
            kind, codes = m.group("kind").lower(), _codes(m.group("codes"))
            d = Directive(i, m.start() + 1, m.end() + 1, kind, codes)
            if kind == "disable-line":
                sup.lines.setdefault(i, []).append(d)
            elif kind == "disable-next-line":
                j = i + 1
                while j <= len(lines) and not lines[j - 1].strip():
                    j += 1
                sup.lines.setdefault(j, []).append(d)
            elif kind == "disable":
                for c in codes:
                    open_blocks.setdefault(c, (i, d))
            else:  # enable: closes blocks, silences nothing itself
                targets = list(open_blocks) if BLANKET in codes else [c for c in codes if c in open_blocks]
                for c in targets:
                    start, opener = open_blocks.pop(c)
                    sup.ranges.append((start, i, opener))
                continue
            sup.directives.append(d)
    for c, (start, opener) in open_blocks.items():
        sup.ranges.append((start, len(lines), opener))
    return sup


def unknown_codes(d: Directive, known: set[str]) -> list[str]:
    """Codes of a directive that name no rule (neither a code nor a prefix of one)."""
    return sorted(c for c in d.codes if c != BLANKET and not any(k.startswith(c) for k in known))


def unused_codes(d: Directive, ran: set[str]) -> list[str]:
    """Codes of a directive that silenced nothing, among rules that ran (a rule that did not run proves nothing)."""
    if BLANKET in d.codes:
        return [] if d.used else [BLANKET]
    return sorted(c for c in d.codes if not any(u == c or u.startswith(c) for u in d.used)
                  and any(r.startswith(c) for r in ran))


def findings(path: str, sup: Suppressions, config, ran: set[str]) -> list:
    """S001 (a code that names no rule) and S002 (a suppression that silenced nothing), when enabled."""
    from writer.check.findings import Finding
    from writer.check.rules import RULES

    out = []
    for d in sup.directives:
        for code, names in (("S001", unknown_codes(d, set(RULES))), ("S002", unused_codes(d, ran))):
            if not names or not config.enabled(code):
                continue
            rule = RULES[code]
            what = "every rule" if names == [BLANKET] else ", ".join(names)
            message = (f"suppression names {what}, which is no rule code (see `writer rules`)" if code == "S001"
                       else f"suppression of {what} silenced nothing here")
            out.append(Finding(path, d.line, d.column, d.line, d.end_column, code, rule.name,
                               config.severities.get(code, rule.severity), message))
    return out


__all__ = ["BLANKET", "findings", "Directive", "Suppressions", "read_suppressions", "unknown_codes", "unused_codes"]
