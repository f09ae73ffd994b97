"""Drafting: one event's fact base to a publishable article whose caveats come from provenance.

``Drafter`` compiles the section templates and the house style once;
``Drafter.draft(event)`` returns a ``Draft`` (Markdown, HTML, claim map) that
has passed the self-check, and the provenance check when it is installed.
"""

from writer.draft.drafter import Draft, Drafter

__all__ = ["Draft", "Drafter"]
