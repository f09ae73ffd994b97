"""The provenance check (``writer check``): a linter that links every figure in an article to the fact base.

Public API (the contract drafting and publishing rely on)::

    from writer.check import Checker, Finding, CheckConfig
    checker = Checker(config)            # reused across texts; spaCy is not loaded
    checker.check_text(text, path=..., event=...)
    checker.check_file(path, event=None) # fact file from front matter `facts:`
"""

from writer.check.checker import Checker
from writer.check.config import CheckConfig, find_pyproject, load_config
from writer.check.findings import Finding

__all__ = ["Checker", "CheckConfig", "Finding", "find_pyproject", "load_config"]
