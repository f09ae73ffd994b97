"""Shared helpers for the drafting tests: the example events, events from fact-file text and one Drafter per session."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVENTS = sorted((ROOT / "factbase" / "events").glob("*.yaml"))
CORPUS = sorted((ROOT / "factbase" / "corpus").glob("*.yaml"))  # fact files of real articles


@lru_cache(maxsize=1)
def repo_registry():
    """The repository's source registry (factbase/sources.yaml), loaded once."""
    from writer.factbase.loader import load_registry

    return load_registry(ROOT / "factbase" / "sources.yaml")


def event_from_yaml(text: str, name: str, registry=None):
    """An event from a fact file's text, named ``name`` in messages, against the repository's registry
    (or the one given)."""
    from writer.factbase.loader import event_from_text

    return event_from_text(text, name, registry if registry is not None else repo_registry())


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


@lru_cache(maxsize=1)
def checked_drafter():
    """One Drafter with the provenance check's round trip (every draft it returns passed the check)."""
    from writer.draft import Drafter

    return Drafter()
