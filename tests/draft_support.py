"""Shared helpers for the drafting tests: the example events and one Drafter per session."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVENTS = sorted((ROOT / "factbase" / "events").glob("*.yaml"))
CORPUS = sorted((ROOT / "factbase" / "corpus").glob("*.yaml"))  # fact files of real articles


@lru_cache(maxsize=1)
def drafter():
    from writer.draft import Drafter

    return Drafter(run_check=False)


@lru_cache(maxsize=None)
def example(name: str):
    from writer.factbase.loader import load_event

    event = load_event(ROOT / "factbase" / "events" / name)
    return event, drafter().draft(event, facts_path=f"factbase/events/{name}")


@lru_cache(maxsize=None)
def drafted(path: Path):
    """Any event file of the repository, drafted (facts path relative to the repository root)."""
    from writer.factbase.loader import load_event

    event = load_event(path)
    return event, drafter().draft(event, facts_path=path.relative_to(ROOT).as_posix())
