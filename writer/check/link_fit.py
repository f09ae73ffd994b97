"""How well a figure's value fits a support, as evidence beside the words' cues (fact mode; ``linking.link`` asks).

Three readings, each a small rule over what the cue scores alone get wrong when two facts share a unit:

- ``echo_bonus``: a figure whose sentence repeats three of a context item's (or a note's) own words, and whose value
  is that item's figure to the printed digits ("prices rose 4.6% year over year in October" for an item saying
  "consumer prices rose 4.6% year over year in October") is the item's: its words count as the metric's noun and
  verb do for a fact, so a fact of the same unit the words fit loosely ("rose": a price change) is no contradiction.
- ``loose_fit_penalty``: a hedged figure ("around $0.725") that fits one support to its printed digits is that
  support, not a neighbour only the hedge's slack reaches ($0.74).
- ``bound_swap``: a bounded figure ("over 3%") that fits another asset's fact to its printed digits while the asset its
  words name reaches it only through the bound's open end is that other asset's figure, swapped (P012).
- ``open_end_swap``: the same for a side: a bounded figure linked to a fact of no side (or of the one side its words
  name) only through its open end, while its printed digits are another side's fact, is that fact with its side swapped.
- ``share_step_fits``: a bounded share in words ("more than a third") is told on the ladder of such words: a share that
  reaches the next step ("about half") would have been told as that step, so it is no value the bound was written for.
- ``names_other_metric``: words naming a metric of its own noun ("24-hour volume", "funding") describe no fact of
  another metric: a venue word alone does not make "a 3.2% dip in volume" a wrong value of a share on that venue.
"""

from __future__ import annotations

import re

from writer.check.figures import SHARE_STEPS

# What an echo of a context item's words adds to the item among the supports its value fits: a metric's noun and a
# verb of change (1 + 1 in ``linking._score``), so a fact the words describe only that well is no longer "much better".
ECHO_BONUS = 2.0
# How many of the item's own words the sentence must repeat: more than a verb and a unit word ("rose", "year"), which
# any sentence of a change may share with it; a long item's other clauses are about something else, so no more.
_ECHO_MIN = 3
# Words too common to tell one statement from another.
_STOP = frozenset("""a an the and or but of in on at to for by with from as into over under than that this these those
its it is was were are be been has have had will would could may might per about around some nearly almost more less
up down while after before during since""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")

# What a support loses when only a hedge's slack reaches it while another support fits the printed digits: as much as
# a side or asset named (2), so "around $0.725" is the zone pinned at $0.725 before a price of $0.74 the words name as
# well or a little better.
LOOSE_FIT_PENALTY = 2.0

# Metrics a reader names by a noun of their own ("volume", "funding", "open interest", "market cap", "inflows"):
# words naming one of them are about that metric. (Not the metrics whose cues are common verbs or side words.)
OWN_NOUN_METRICS = frozenset({"volume", "funding_rate", "open_interest", "open_interest_change", "market_cap",
                              "market_cap_change", "fund_flow", "sentiment_index"})


def _words(text: str) -> set[str]:
    """The content words of ``text``, lower-cased, a plural's "s" dropped ("prices" is "price")."""
    out = set()
    for w in _WORD.findall(text):
        w = w.lower().rstrip("'’")
        if w in _STOP or len(w) < 3:
            continue
        out.add(w[:-1] if w.endswith("s") and not w.endswith("ss") else w)
    return out


def exact_fit(fig, s) -> bool:
    """Does every value of the support (one value, or its sources' spread) lie within the figure's printed digits, no
    hedge's slack needed (or its mirror: "fell 3.4%" for a change of -3.4)?"""
    if fig.qualifier == "vague" or not fig.point:
        return False
    half = fig.precision * (1 + 1e-9)
    return any(max(abs(v - s.lo), abs(v - s.hi)) <= half for v in (fig.lo, -fig.lo))


def echo_bonus(fig, s, sentence_text: str) -> float:
    """``ECHO_BONUS`` when ``s`` is a context item's or note's figure (no fact of its own) the figure fits to its
    digits, and the sentence repeats ``_ECHO_MIN`` of the item's own words."""
    if s.fact is not None or s.words is None or not exact_fit(fig, s):
        return 0.0
    return ECHO_BONUS if len(_words(s.words) & _words(sentence_text)) >= _ECHO_MIN else 0.0


def loose_fit_penalty(fig, s, exact_elsewhere: bool) -> float:
    """``LOOSE_FIT_PENALTY`` for a support a hedged figure reaches only through its hedge's slack, when another
    support the value matches fits the printed digits (``exact_elsewhere``)."""
    if not exact_elsewhere or fig.qualifier != "approx" or not fig.point or not s.point or exact_fit(fig, s):
        return 0.0  # (a range held by the file, a dispute, is P005's to read)
    return LOOSE_FIT_PENALTY


def prefer_exact(fig, matched: list) -> list:
    """``matched`` (``linking.link``'s (score, support, how, words' score, conflicts)) with ``loose_fit_penalty``
    taken from the score and the words' score of each support only a hedge reaches."""
    if fig.qualifier != "approx" or not fig.point or not any(exact_fit(fig, m[1]) for m in matched):
        return matched
    out = []
    for score, s, how, words, conflicts in matched:
        cut = loose_fit_penalty(fig, s, True)
        out.append((score - cut, s, how, words - cut, conflicts))
    return out


def bound_swap(fig, best, fitting, named_assets: frozenset[str], sentence_assets: frozenset[str] = frozenset()):
    """The support a bounded figure ("over 3%", "under $2 million") fits to its printed digits when the fact its words
    name (``best``, of the one asset named) fits only through the bound's open end: another asset's fact of the same
    kind (metric, unit, side, window, venue, change), or None. ``fitting``: a function giving every support the value
    fits (asked only past the cheap tests). "Bitcoin gained over 3%" where bitcoin rose 5% and ether 3% is true of
    bitcoin only by the bound; the printed figure is ether's: an asset swapped (P012), not an understatement. Not when
    the sentence names that other asset too (``sentence_assets``): "ether rose 3% and bitcoin more than 3%" compares."""
    fact = best.fact
    if fig.qualifier not in ("at_least", "at_most") or fact is None or fact.asset is None or named_assets != {fact.asset} \
            or exact_fit(fig, best):
        return None
    same_kind = [s for s in fitting() if s.fact is not None and s.fact.asset not in (None, fact.asset, *sentence_assets)
                 and _kind(s.fact) == _kind(fact) and exact_fit(fig, s)]
    return same_kind[0] if len({s.id for s in same_kind}) == 1 else None


def open_end_swap(fig, best, fitting, sides: frozenset[str]):
    """The support a bounded figure ("over $156 million") fits to its printed digits on another side than the one its
    words name, when the fact it was linked to (``best``) names no side and is reached only through the bound's open end
    (the day's total above it): "short liquidations reached over $156 million" where longs came to $156 million and the
    total to $223 million is the longs' figure with its side swapped (P012), not a floor of the total. So too when
    ``best`` is of the one side the words name, and the bound is printed finely (``_SWAP_PRECISION``): "more than $209
    million of long bets" where longs came to $324 million and shorts to $209 million. None otherwise.
    ``fitting``: a function giving every support the value fits."""
    fact = best.fact
    if fig.qualifier not in ("at_least", "at_most") or not sides or fact is None or exact_fit(fig, best):
        return None
    if fact.side is not None and (fact.side not in sides or len(sides) > 1 or fig.precision > _SWAP_PRECISION * abs(fig.lo)):
        return None
    # a fact of the side the words name, reached through the open end ("more than $209 million of long bets" where
    # longs came to $324 million and shorts to $209 million): only the other side's fact of the very same kind counts
    same = (lambda f: f.metric == fact.metric) if fact.side is None else (lambda f: _kind_but_side(f) == _kind_but_side(fact))
    other = [s for s in fitting() if s.fact is not None and s.fact.side is not None and s.fact.side not in sides
             and exact_fit(fig, s) and same(s.fact)]
    return other[0] if len({s.id for s in other}) == 1 else None


# How finely a bound must be printed before its digits, fitting the other side's fact, outweigh the side its words name
# and the fact of that side it reaches: "more than 209 million" is that figure (a half-unit of 0.5 in 209), "more than $200
# million" (a half-unit of 50 in 200) is a round floor a writer may put under any larger amount.
_SWAP_PRECISION = 0.05


def _kind_but_side(fact) -> tuple:
    return fact.metric, fact.unit, fact.asset, fact.span, fact.venue, fact.change


def share_step_fits(fig, s) -> bool:
    """May a bounded share in words (unit "part": "more than a third", "less than half") be written for the support
    ``s``? Its value must stay short of the next step of the ladder (``SHARE_STEPS``) beyond the bound by more than the
    words' own rounding: "more than a third" is no way to tell about half (that is "about half"), nor "less than half"
    a quarter. Any other figure: True."""
    if fig.unit != "part" or fig.qualifier not in ("at_least", "at_most") or not fig.point:
        return True
    lo, hi = _share_value(s)
    if fig.qualifier == "at_least":
        step = next((v for v in SHARE_STEPS if v > fig.lo + fig.precision), None)
        return step is None or hi < step - fig.precision
    step = next((v for v in reversed(SHARE_STEPS) if v < fig.lo - fig.precision), None)
    return step is None or lo > step + fig.precision


def _share_value(s) -> tuple[float, float]:
    """The share a support holds: a percentage's reading in words ("nearly half" of 45%) is read at the percentage
    the fact gives, which its words only round (every word of "nearly half", "about half" reads as 50)."""
    fact = s.fact
    if fact is not None and fact.unit == "percent" and s.words is not None and s.words == fact.reading \
            and fact.bounds is not None:
        return fact.bounds
    return s.lo, s.hi


def _kind(fact) -> tuple:
    return fact.metric, fact.unit, fact.side, fact.span, fact.venue, fact.change


def names_other_metric(fact, metrics: frozenset[str]) -> bool:
    """Do the figure's words name a metric of its own noun (``OWN_NOUN_METRICS``) and not the fact's, nor one the
    fact is a change of or that is a change of it? Then they are about that metric, not this fact."""
    named = metrics & OWN_NOUN_METRICS
    if not named or fact is None:
        return False
    base = fact.metric.removesuffix("_change")
    return not (fact.metric in metrics or base in metrics or f"{base}_change" in metrics)


__all__ = ["ECHO_BONUS", "LOOSE_FIT_PENALTY", "OWN_NOUN_METRICS", "bound_swap", "echo_bonus", "exact_fit", "loose_fit_penalty",
           "names_other_metric", "open_end_swap", "prefer_exact", "share_step_fits"]
