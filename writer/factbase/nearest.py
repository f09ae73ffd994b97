"""The closest spellings to a misspelt word, for error messages ("did you mean ...?").

difflib is imported here when a message needs it: a valid file never does, and its
import is about 2 CPU-ms of every cold ``writer draft`` (bench/bench_draft.py).
"""

from __future__ import annotations

from collections.abc import Iterable

CUTOFF = 0.6  # difflib's default similarity: below it a word is not offered as a suggestion


def close_matches(word: str, choices: Iterable[str], *, n: int = 1, cutoff: float = CUTOFF) -> list[str]:
    """``difflib.get_close_matches(word, choices, n, cutoff)``: the best ``n`` choices, best first."""
    import difflib

    return difflib.get_close_matches(word, list(choices), n=n, cutoff=cutoff)
