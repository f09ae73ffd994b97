"""A rumour told as the cause of a move: "On rumours that a fund sold out, ether fell 9% to $2,400".

The rumour word ("rumour", "rumoured") is a caveat (phrases.yaml ``rumor``): it hedges what the rumour says. After a
causal preposition (phrases.yaml ``rumour_causes: openings``) the rumour is what set a move off, and the move's figures
are told as the writer's own: "BTC jumped from $61,200 to $64,800 after the ETF rumour" hedges the rumour, not the jump.
The phrase runs from the preposition to the first comma, semicolon or dash (a fronted cause: "Because of that
rumour that X would buy, ...") or, with none, to the sentence's end (a cause told last: "... on rumours that a fund lost
$85 million", whose own figure stays hedged).
"""

from __future__ import annotations

import re
from functools import lru_cache

from writer.check.phrasefile import phrase_section

# What may stand between the preposition and the rumour word: an article and a few words ("after the ETF rumour",
# "on fresh rumours", "because of a listing rumour").
_BEFORE_RUMOUR = r"(?:(?:the|a|an|fresh|new|renewed|unconfirmed)\s+)?(?:[\w’'-]+\s+){0,3}?"
# Where a fronted cause ends: a comma, a semicolon or a dash before a space.
_PHRASE_END = re.compile(r"[,;]\s|\s[—–-]\s|—")


@lru_cache(maxsize=1)
def _cause_rx() -> re.Pattern:
    openings = "|".join(phrase_section("rumour_causes")["openings"])
    return re.compile(rf"(?<![\w-])(?:{openings})\s+{_BEFORE_RUMOUR}rumou?r(?:s|ed)?(?![\w-])", re.IGNORECASE)


def cause_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of each rumour told as a cause, from its preposition to the end of its phrase."""
    out = []
    for m in _cause_rx().finditer(text):
        end = _PHRASE_END.search(text, m.end())
        out.append((m.start(), end.start() if end else len(text)))
    return out


def moved_by_rumour(a, fu) -> bool:
    """Is the figure (``fu``, of analysis ``a``) outside a rumour told as the cause of a move, in a sentence whose only
    caveat is that rumour ("After the ETF rumour, BTC jumped from $61,200 to $64,800")? Its sentence, the causes
    blanked, holds no attribution or caveat, no earlier sentence of its paragraph opens a credited run, and no note,
    list credit or caption covers it (as F001 reads a quotation's verb: ``_quote_only_credit``)."""
    from writer.check.analysis import credited_outside  # (the analysis imports the rules' context: imported when asked)

    s = fu.sentence
    if not s.has("rumor"):
        return False
    spans = cause_spans(s.text)
    at = fu.figure.start - s.start
    if not spans or any(lo <= at < hi for lo, hi in spans):
        return False  # (the rumour's own words stay hedged: "... on rumours that a fund lost $85 million")
    if credited_outside(a.phrases, s.text, spans) or s.attributed:
        return False
    if any(o.has_caveat() and a._may_open(o) for o in a.carried(fu)):
        return False
    return not a.covered_from_outside(fu)


__all__ = ["cause_spans", "moved_by_rumour"]
