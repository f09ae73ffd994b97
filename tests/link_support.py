"""Shared helpers for the fact-mode linking tests: one checker, small events, and what each figure links to."""

from __future__ import annotations

from functools import lru_cache

from draft_support import event_from_yaml


@lru_cache(maxsize=1)
def checker():
    from writer.check import Checker

    return Checker(spacy_pipeline=False)


def event(body: str, eid: str = "case"):
    """A small event of ``body``'s facts, with an id and an as_of."""
    return event_from_yaml(f"id: {eid}\nas_of: 2026-12-01T12:00:00+00:00\n{body}", f"{eid}.yaml")


def codes(ev, text: str) -> set[str]:
    """The finding codes of ``text`` checked against ``ev`` (front matter naming the event)."""
    return {f.code for f in checker().check_text("---\nevent: case\n---\n\n" + text + "\n", event=ev)}


def links_of(ev, text: str) -> list[tuple[str, str | None, str | None]]:
    """(figure text, linked support id or None, link kind) for each figure of ``text``, in order."""
    return [(fu.figure.text, lk.support.id if lk and lk.support else None, lk.kind if lk else None)
            for fu, lk, _ in checker().links(text, event=ev)]
