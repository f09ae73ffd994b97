"""The fact base: provenance-tagged figures for one event per YAML file.

Public entry points: :func:`load_event`, :func:`load_factbase`,
:func:`load_registry` (``loader``), the resolved records in ``records`` and
the vocabulary in ``vocabulary``. Knows nothing of templates or the check.
"""

from writer.factbase.loader import find_registry, load_event, load_factbase, load_registry
from writer.factbase.records import Event, Fact, Quote, ContextItem, Source, SourceRegistry
from writer.factbase.vocabulary import Status

__all__ = [
    "ContextItem",
    "Event",
    "Fact",
    "Quote",
    "Source",
    "SourceRegistry",
    "Status",
    "find_registry",
    "load_event",
    "load_factbase",
    "load_registry",
]
