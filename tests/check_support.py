"""Shared helpers for the fact-free check's pattern tests: one checker reading the bundled source registry, and the
(code, figure) of what F001 and F002 flag in a text set after a first paragraph of no figure (so the lede's rules stay
out)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

REGISTRY = Path(__file__).resolve().parents[1] / "factbase" / "sources.yaml"
LEDE = "Leveraged traders had a rough Tuesday.\n\n"


@lru_cache(maxsize=1)
def registry_checker():
    from writer.check import Checker
    from writer.check.config import CheckConfig

    return Checker(CheckConfig(sources=REGISTRY))


def fact_free_found(text: str) -> set[tuple[str, str]]:
    """(code, figure) of every F001 and F002 finding of ``text`` after the lede."""
    found = registry_checker().check_text(LEDE + text + "\n")
    return {(f.code, f.message.split("'")[1]) for f in found if f.code in ("F001", "F002")}


@lru_cache(maxsize=1)
def bare_checker():
    """A checker with no source registry, as the held-out sets are scored."""
    from writer.check import Checker

    return Checker()


def found_either_way(text: str, registry: bool) -> set[tuple[str, str]]:
    """``fact_free_found`` with the bundled registry (``registry``) or with none: the round-by-round pattern tests run
    each text both ways."""
    if registry:
        return fact_free_found(text)
    found = bare_checker().check_text(LEDE + text + "\n")
    return {(f.code, f.figure) for f in found if f.code in ("F001", "F002")}


def flagged_and_expected(text: str, findings, registry: bool) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """A must-flag case of the round-by-round pattern tests: (what was found, what was expected), to be equal.
    ``findings``: F001 figures, or (code, figure) pairs where another code (F002) is meant too; every F001 found counts,
    other codes only where expected."""
    expected = {f if isinstance(f, tuple) else ("F001", f) for f in findings}
    got = found_either_way(text, registry)
    return {f for f in got if f[0] == "F001"} | (got & expected), expected


def f001_figures(checker, text: str) -> list[str]:
    """The figures F001 flags in ``text``, in order (the ``checker`` fixture of tests/conftest.py)."""
    return [f.figure for f in checker.check_text(text) if f.code == "F001"]
