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


class ScratchEvent:
    """A fact file of a test's own, held through the whole path: loaded (or refused with its problems), drafted with
    the check's round trip, and each drafted figure mapped to the facts the check links it to."""

    def __init__(self, head: str, name: str):
        self.head, self.name = head, name

    def load(self, body: str):
        return event_from_yaml(self.head + body, self.name)

    def draft(self, body: str) -> str:
        from draft_support import checked_drafter

        return checked_drafter().draft(self.load(body)).markdown

    def links(self, body: str) -> dict[str, set[str]]:
        """Each printed figure of the draft of ``body`` -> the facts the check links it to."""
        from draft_support import checked_drafter

        event = self.load(body)
        md = checked_drafter().draft(event).markdown
        out: dict[str, set[str]] = {}
        for fu, lk, _ in checker().links(md.split("---", 2)[2], event=event):
            out.setdefault(fu.figure.text, set()).add(lk.support.id if lk and lk.support else None)
        return out

    def refused(self, body: str):
        """The problems a load of ``body`` is refused with (fails the test when it loads)."""
        import pytest

        from writer.errors import InputError

        with pytest.raises(InputError) as caught:
            self.load(body)
        return caught.value.problems

    def line_of(self, body: str, needle: str) -> int:
        return next(i for i, line in enumerate((self.head + body).splitlines(), 1) if needle in line)
