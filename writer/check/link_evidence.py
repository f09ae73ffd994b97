"""Evidence a figure's link weighs besides its words' cues (fact mode).

Two readings, each a rule of evidence over what ``linking.link`` chose from the words around a figure:

- (a value match credited in its sentence outweighing the words' cues is linking's own: ``linking._credited_match``)
- a figure in the linked fact's own words (``in_fact_words``): "one trader who was 40x long ... lost $9.6
  million" prints "40x", which the fact of the $9.6 million holds in its subject ("long 40x"); the words of
  another figure's fact in the same sentence support it, as the subject's figures are pinned to their fact. Where
  two facts hold the same words ("200 accounts" the subject of both), the fact whose value the sentence prints is
  the one its words describe, whichever the words' cues picked.
- the start of a move (``starts_move``, ``earlier_value``): in "fell to 27 from 41" or "rose from 41 to 57", the
  figure after "from" is where the move began, not the fact's value now: it is never a contradiction of the fact
  the move's end is linked to (or that its words describe). When that fact's words (its note, an observation's
  note, a describing field) hold it, it is supported; otherwise it is a figure the fact file does not hold (P001).
  The one reading of a move's start: ``linking.link`` asks it when the words describe the fact (a matching end),
  ``revise`` when the end itself contradicts the fact (a wrong end).
"""

from __future__ import annotations

import re

# The fact's fields of words a figure may stand in (as ``linking._WORDS_FIELDS``), and each observation's note.
_FACT_WORDS = ("subject", "label", "coverage", "share_of", "reading", "note")
# "from" right before a figure: the start of a move ("fell to 27 from 41", "climbed from 41").
_FROM_BEFORE = re.compile(r"(?<![\w-])from\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?$", re.IGNORECASE)
# "to" right before the figure before: the move's end ("fell to 27 from 41").
_TO_BEFORE = re.compile(r"(?<![\w-])to\s*$", re.IGNORECASE)
# A verb or adverb of movement in the sentence: the figures after "from" and "to" are a move's ends.
_MOVE = re.compile(r"(?<![\w-])(?:f[ae]ll|falls|falling|dropp?(?:ed|s|ing)?|slid(?:e|es|ing)?|sank|sinks?|sinking|dipp?(?:ed|s|ing)?|"
                   r"declin(?:ed|es|ing|e)|slump(?:ed|s|ing)?|tumbl(?:ed|es|ing|e)|plung(?:ed|es|ing|e)|"
                   r"r[io]se|rises|rising|climb(?:ed|s|ing)?|jump(?:ed|s|ing)?|surg(?:ed|es|ing|e)|soar(?:ed|s|ing)?|"
                   r"gain(?:ed|s|ing)?|increas(?:ed|es|ing|e)|decreas(?:ed|es|ing|e)|mov(?:ed|es|ing|e)|swung|swings?|"
                   r"down|up|lower|higher)(?![\w-])", re.IGNORECASE)


def fact_words(fact) -> list[str]:
    """The fact's own words that may hold a figure: its describing fields and its observations' notes."""
    out = [getattr(fact, name) for name in _FACT_WORDS if getattr(fact, name, None)]
    out += [o.note for o in getattr(fact, "observations", ()) if getattr(o, "note", None)]
    return out


def holds(words: str, figure_text: str) -> bool:
    """Does ``words`` print ``figure_text`` as a token of its own ("long 40x" holds "40x"; "$410" does not hold "41")?"""
    text = " ".join(figure_text.split())
    if not text:
        return False
    return re.search(rf"(?<![\w.,]){re.escape(text)}(?![\w]|[.,]\d)", " ".join(words.split()), re.IGNORECASE) is not None


def revise(links: dict, analysis, support_type, link_type) -> None:
    """Read a figure's link again with the evidence of its sentence's other links (``in_fact_words``,
    ``move_start``). ``links``: id(figure use) -> Link, changed in place; ``support_type`` and ``link_type``:
    ``linking.Support`` and ``linking.Link`` (passed in: this module is imported by linking's callers)."""
    for fu in analysis.figures:
        lk = links.get(id(fu))
        if lk is None or len(fu.sentence.figures) < 2 or not (lk.kind in ("unsupported", "contradicts") or _in_words(lk)):
            continue
        others = [links.get(id(o)) for o in fu.sentence.figures if o is not fu]
        facts = [o.support.fact for o in others if o is not None and o.kind == "supported" and o.support is not None
                 and o.support.fact is not None and not _in_words(o)]
        if lk.kind == "supported":
            # words two facts share ("200 accounts" the subject of a loss and of a flow): the one whose value the
            # sentence prints is the one it describes ("a loss of $8 million hits 200 accounts")
            if not any(f.id == lk.support.fact.id for f in facts):
                new = _in_fact_words(fu, facts, support_type, link_type)
                if new is not None:
                    links[id(fu)] = new
            continue
        if lk.kind == "contradicts":
            # the move's end may be the fact's value or a wrong one ("slid to 33 from 41"): either way, its fact's
            ends = facts + [o.fact for o in others if o is not None and o.kind == "contradicts" and o.fact is not None]
            new = _move_start(fu, lk, ends, support_type, link_type)
        else:
            new = _in_fact_words(fu, facts, support_type, link_type)
        if new is not None:
            links[id(fu)] = new


def _in_words(lk) -> bool:
    """Is the link a figure read in a fact's describing words (its subject, label...: a pinned support)?"""
    s = lk.support
    return lk.kind == "supported" and s is not None and s.anchor and s.words is not None and s.fact is not None


def _pinned(fu, fact, words: str, support_type, link_type):
    fig = fu.figure
    s = support_type(fact.id, fig.unit or fact.unit, fig.lo, fig.hi, fact.status, fact.sources, fact, anchor=True,
                     point=fig.point, words=words)
    return link_type("supported", s, fact)


def _in_fact_words(fu, facts, support_type, link_type):
    """An unsupported figure that the words of another figure's fact in its sentence print."""
    for fact in facts:
        for words in fact_words(fact):
            if holds(words, fu.figure.text):
                return _pinned(fu, fact, words, support_type, link_type)
    return None


def _move_start(fu, lk, facts, support_type, link_type):
    """A contradiction read on the start of a move whose end is the same fact's value (or a wrong value of it)."""
    fact = lk.fact
    if fact is None or not any(f is fact or f.id == fact.id for f in facts) or not starts_move(fu):
        return None
    return earlier_value(fu, fact, support_type, link_type)


def starts_move(fu) -> bool:
    """Is the figure where a move told in its sentence started: right after "from", with the figure before it right
    after "to" ("the index fell to 27 from 41") or a word of movement in the sentence ("rose from 41 to 57")?"""
    if not _FROM_BEFORE.search(fu.left):
        return False
    figures = fu.sentence.figures
    i = next((k for k, other in enumerate(figures) if other is fu), 0)
    return (i > 0 and _TO_BEFORE.search(figures[i - 1].left) is not None) or _MOVE.search(fu.sentence.text) is not None


def earlier_value(fu, fact, support_type, link_type):
    """A move's start for ``fact`` (the fact of the move's end): supported, pinned to the fact, when the fact's words
    print it ("down from 41 a day earlier" in an observation's note); otherwise a figure the facts do not hold (P001),
    never a wrong value of the fact."""
    if fact is not None:
        for words in fact_words(fact):
            if holds(words, fu.figure.text):
                return _pinned(fu, fact, words, support_type, link_type)
    return link_type("unsupported")


__all__ = ["earlier_value", "fact_words", "holds", "revise", "starts_move"]
