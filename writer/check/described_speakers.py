"""Speakers given by a description of people, not a name: "traders expect", "many investors think", "others
pointing to", "some are calling for" (bench/ANNOTATION.md, point 9: a view given to a named or described speaker is
the speaker's, ``quote_attributed``).

The genre's people are also its market: "traders lost $40 million", "investors added $500 million of longs" say what
they did, not what they said. So a described group is a speaker only with a verb of speech or of a view
(phrases.yaml ``described_speakers: verbs``), in the active voice ("traders are expected to" is the agentless hedge,
no one named), in any of its forms: finite ("traders argue"), after an auxiliary ("some are calling for") or as a
participle after the group ("others pointing to a deeper slide"). Read as an attribution frame (writer/check/frames.py
``Frames.framed``); it names no source, as "analysts said" names none.
"""

from __future__ import annotations

import re
from functools import lru_cache

from writer.check.phrasefile import phrase_section


@lru_cache(maxsize=1)
def _speaker_rx() -> re.Pattern:
    """A plural group with any form of the verb but the -s one ("those forecasts" is a noun after a determiner, no
    group forecasting), a singular one with any but the base ("a trader expects")."""
    from writer.check.frames import _alt, verb_forms, _NOT_PASSIVE  # (frames imports this module: asked when first used)

    words = phrase_section("described_speakers")
    gap = _alt(words["between"])

    def voiced(skip: int) -> str:  # (the -ing form after "are"; any other not after a form of "be": no passive)
        forms = [f for lemma in words["verbs"] for i, f in enumerate(verb_forms(lemma)) if i != skip]
        ing = [f for f in forms if f.split(" ")[0].endswith("ing")]
        return rf"(?:{_alt(ing)}|{_NOT_PASSIVE}(?:{_alt(f for f in forms if f not in ing)}))"

    plural = rf"(?:{_alt(words['groups'])})\s+(?:(?:{gap})\s+){{0,2}}{voiced(1)}"
    singular = rf"(?:{_alt(words['one'])})\s+(?:(?:{gap})\s+){{0,2}}{voiced(0)}"
    return re.compile(rf"(?<![\w-])(?:{plural}|{singular})(?![\w-])", re.IGNORECASE)


def speaker_at(text: str) -> int | None:
    """Where a described group of people speaking starts in ``text`` ("Most traders expect ..."), or None."""
    m = _speaker_rx().search(text)
    return None if m is None else m.start()


__all__ = ["speaker_at"]
