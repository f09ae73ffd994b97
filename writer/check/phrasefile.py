"""Reading ``phrases.yaml``, the check's phrase lists: all of it, or one top-level section.

Kept apart from ``writer.check.phrases`` (which compiles the lists and imports the
attribution frames) so that drafting, which needs only the qualifier words a
hedge may be written with, reads them without loading the check: for a draft
with ``--no-check`` of an event with a bound ("over", "up to"), parsing the whole
file and importing the check's modules was about 4% of its instructions
(bench/results/cold_draft.md).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from writer.yamlload import safe_load


def _text() -> str:
    return resources.files("writer.check").joinpath("phrases.yaml").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def default_phrases() -> dict:
    """Every list of phrases.yaml (what the check compiles)."""
    return safe_load(_text())


@lru_cache(maxsize=8)
def phrase_section(name: str):
    """One top-level section of phrases.yaml, the same value ``default_phrases()[name]`` gives
    (None when there is no such section), parsed on its own: the section runs from its
    ``name:`` line at the first column to the next line holding a key there."""
    lines = _text().splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith(f"{name}:")), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in ("", " ", "\t", "#", "\n", "\r")), len(lines))
    return safe_load("".join(lines[start:end]))[name]


__all__ = ["default_phrases", "phrase_section"]
