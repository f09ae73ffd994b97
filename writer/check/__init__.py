"""The provenance check (``writer check``): a linter that links every figure in an article to the fact base.

Public API (the contract drafting and publishing rely on)::

    from writer.check import Checker, Finding, CheckConfig
    checker = Checker(config)            # reused across texts; spaCy is not loaded
    checker.check_text(text, path=..., event=...)
    checker.check_file(path, event=None) # fact file from front matter `facts:`
"""

from __future__ import annotations

import importlib

# Loaded on first use (PEP 562), so that importing a leaf module such as
# writer.check.sentences (drafting's sentence splitter) does not load the whole
# checker: `writer draft --no-check` and a batch's main process stay light.
_EXPORTS = {
    "Checker": "writer.check.checker",
    "CheckConfig": "writer.check.config",
    "find_pyproject": "writer.check.config",
    "load_config": "writer.check.config",
    "Finding": "writer.check.findings",
}

__all__ = ["Checker", "CheckConfig", "Finding", "find_pyproject", "load_config"]


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'writer.check' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value
