"""Which "Name: ..." openings credit a source.

A headline or a news flash may open with its source and a colon ("CoinGlass: $873M liquidated as
bitcoin slides"). The same shape opens many lines that name no source at all:

- a summary marker or a kicker ("Bottom Line: ...", "Market Wrap: ...", "Bet Gone Wrong: ..."),
- a speaker's turn in an interview or a podcast transcript ("Host: ...", "Maria Lopez: ...").

Such a label says who speaks or what the paragraph is, not where its figures come from, so it is
read as a source only when the article gives a reason to: the name is a registered source (the
registry the check runs with), it is shaped like a data brand (a capital inside the word,
"CoinGlass", "CryptoQuant"; a digit, "K33"; an X handle, "@lookonchain"), or the article names it
as a source somewhere else ("according to Lookonchain", "Lookonchain data show"); in a heading or a lone news-flash
paragraph (not a transcript's turns), a one-word name that is not a kicker or a speaker's role ("Kaiko: ...", not
"Analysis: ..." or "Host: ...").
"""

from __future__ import annotations

import re
from functools import lru_cache

from writer.check.phrasefile import phrase_section

# A word shaped like a brand or an account, never like a plain English word or a person's name:
# a capital after a small letter ("CoinGlass"; not a surname's "McGlone"), letters with digits ("K33"), an X handle.
_BRAND = re.compile(r"(?:(?!Ma?c[A-Z])[A-Za-z]*[a-z][A-Z]\w*|\w*[A-Za-z]\d\w*|\w*\d[A-Za-z]\w*|@\w+)")
# How close after an attribution word a name must start to be what it attributes (as in
# writer/check/analysis.py ``attributive``).
ATTRIBUTION_REACH = 45


def brand_shaped(name: str) -> bool:
    """Is one word of ``name`` shaped like a brand or an account ("CoinGlass", "K33 Research", "@whale_alert")?"""
    return any(_BRAND.fullmatch(word.strip(".,'’")) for word in name.split())


def registered(name: str, source_rx) -> bool:
    """Is ``name`` as a whole a spelling of a registered source?"""
    return source_rx is not None and any(m.start() == 0 and m.end() == len(name) for m in source_rx.finditer(name))


def named_as_source(name: str, texts, skip: int, phrases) -> bool:
    """Does a block other than ``skip`` name ``name`` as a source: right after an attribution word or frame
    ("according to X", "per X", "tracked by X"), or before its data or a reporting verb ("X data show",
    "X reported")?"""
    rx = re.compile(rf"(?<![\w@]){re.escape(name)}(?!\w)", re.IGNORECASE)
    frames = phrases.frames
    for i, text in enumerate(texts):
        if i == skip:
            continue
        found = list(rx.finditer(text))
        if not found:
            continue
        ends = phrases.marker_ends("attribution", text) + (frames.keyword_ends(text) if frames is not None else [])
        for m in found:
            if any(0 <= m.start() - e <= ATTRIBUTION_REACH for e in ends):
                return True
            if frames is not None and frames.source_before(text, m.end()):
                return True
    return False


def label_credits(name: str, *, source_rx, texts, block: int, phrases, lone: bool = False) -> bool:
    """May the label ``name`` opening block ``block`` be read as the source of that block's figures? ``lone``: the
    label opens a heading, or the only labelled paragraph of an article (no dialogue: a transcript's turns open
    paragraph after paragraph); then a one-word name that is no kicker or role ("Kaiko: ..." but not "Analysis:
    ...", "Host: ...": phrases.yaml ``kickers``) credits its line too."""
    if brand_shaped(name) or registered(name, source_rx):
        return True
    if lone and " " not in name.strip() and name.strip().lower() not in _kickers():
        return True
    return named_as_source(name, texts, block, phrases)


DIALOGUE_TURNS = 2  # paragraphs opening with a "Name:" label that make an article a dialogue (a transcript)


@lru_cache(maxsize=1)
def _kickers() -> frozenset[str]:
    return frozenset(w.lower() for w in phrase_section("kickers"))


__all__ = ["DIALOGUE_TURNS", "brand_shaped", "label_credits", "named_as_source", "registered"]
