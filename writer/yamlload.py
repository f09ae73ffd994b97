"""One way to read YAML writer does not need positions for: libyaml when it is there.

PyYAML's ``safe_load`` runs the pure-Python scanner; its C loader (``CSafeLoader``)
builds the same objects with the same constructors in about a tenth of the time,
which a cold ``writer draft`` or ``writer check`` pays on phrases.yaml, style.yaml
and every article's front matter. Should libyaml refuse something, the
pure-Python loader decides (and words the error as before). Fact files are read
by ``writer.factbase.yamlsource``, which also keeps line and column positions.
"""

from __future__ import annotations

import yaml

_CSafeLoader = getattr(yaml, "CSafeLoader", None)


def safe_load(text: str | bytes):
    """``yaml.safe_load(text)``, through libyaml when it is installed."""
    if _CSafeLoader is not None:
        try:
            return yaml.load(text, Loader=_CSafeLoader)  # noqa: S506 (a safe loader)
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)
