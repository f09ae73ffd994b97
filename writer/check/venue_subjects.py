"""An exchange as the subject of the verb whose object is a figure: "OKX shows $2.4 million in liquidations",
"According to CoinGlass, Bybit recorded $3.1 million": the exchange is where the figure happened (its venue).

"shows" is also a reporting verb ("CoinGlass data shows"), so an exchange before it reads as the sentence's credit;
linking reads such an exchange as the publisher of its own figures only (``linking._publishers``), and a fact of that
venue whose source is an aggregator lost the venue its words name. Here the exchange stands right before the verb and
the verb right before the figure (a hedge word may come between: "has about $3 million"): the verb's object is the
figure, so the exchange is that figure's place, whoever publishes it. The verbs are phrases.yaml ``linking:
venue_verbs``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from writer.check.phrasefile import phrase_section

# Between the verb and the figure: up to two short words (an adverb, an article), no clause mark.
_BETWEEN = r"(?:\s+[a-z]+){0,2}"


@lru_cache(maxsize=1)
def _verb_then_figure() -> re.Pattern:
    """A possessive or nothing, an optional adverb, one of the venue verbs, then only a few words to the figure."""
    verbs = "|".join(phrase_section("linking")["venue_verbs"])
    return re.compile(rf"(?:['’]s)?\s+(?:[a-z]+ly\s+)?(?:{verbs}){_BETWEEN}\s*$", re.IGNORECASE)


def venue_subjects(fu, exchanges: frozenset[str]) -> frozenset[str]:
    """The registered exchanges of ``exchanges`` that stand right before a venue verb whose object is the figure."""
    if not exchanges:
        return frozenset()
    sentence = fu.sentence
    fig = fu.figure
    at = (fig.qualifier_start if fig.qualifier_start is not None else fig.start) - sentence.start
    text = sentence.text
    out = set()
    for start, end, sid in sentence.named_at():
        if sid in exchanges and end <= at and _verb_then_figure().match(text, end, at):
            out.add(sid)
    return frozenset(out)


__all__ = ["venue_subjects"]
