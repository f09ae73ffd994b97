"""The fact base: provenance-tagged figures for one event per YAML file.

Public entry points: :func:`load_event`, :func:`load_factbase`,
:func:`load_registry` (``loader``), the resolved records in ``records`` and
the vocabulary in ``vocabulary``. Knows nothing of templates or the check.
"""


# Names are imported on first use (PEP 562): ``writer check`` without a fact file reads
# the vocabulary only, and the loader's validation models cost a third of its cold start.
_WHERE = {
    "find_registry": "loader", "load_event": "loader", "load_factbase": "loader", "load_registry": "loader",
    "Event": "records", "Fact": "records", "Quote": "records", "ContextItem": "records", "Source": "records",
    "SourceRegistry": "records", "Status": "vocabulary",
}


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'writer.factbase' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"writer.factbase.{_WHERE[name]}"), name)
    globals()[name] = value
    return value


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
