"""Comment-preserving load and dump of fact files, for commands that edit them.

Loading for reading goes through ``yamlsource`` (libyaml, positions, fast).
A command whose job is to *modify* a fact file (none exists yet: a future
``writer facts add`` or an importer that appends observations) must not throw
away the editor's comments, key order or quoting, so it goes through here:
ruamel.yaml's round-trip mode keeps all three. Only such a command may write a
user's file; everything else treats fact files as read-only.

The house layout (two-space mappings, list dashes indented under their key,
as in ``factbase/events/*.yaml``) is set explicitly so that loading and
dumping an untouched file gives back the same text.
"""

from __future__ import annotations

import io
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from writer.errors import single_problem
from writer.factbase.yamlsource import MAX_DEPTH, too_deep


def _yaml() -> YAML:
    # A fresh instance per call: ruamel's YAML objects are not safe to share
    # between threads, and batch runs may edit files in parallel.
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never re-wrap an editor's long lines
    yaml.allow_duplicate_keys = False
    return yaml


def load_document(text: str, path: str | Path = "<text>"):
    """Parse one YAML document into ruamel's commented mapping (comments and order kept).

    Raises InputError with the line and column of a syntax error.
    """
    deep = too_deep(text)
    if deep is not None:  # ruamel recurses per level: refuse before it overflows
        raise single_problem(path, f"YAML nested more than {MAX_DEPTH} levels deep", line=deep.line + 1, column=deep.column + 1)
    try:
        return _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise single_problem(path, f"YAML syntax error: {exc.problem or exc.context or 'invalid YAML'}", line=line, column=col) from None
    except YAMLError as exc:
        raise single_problem(path, f"YAML error: {exc}", line=1, column=1) from None


def dump_document(doc) -> str:
    """The text of a document loaded with :func:`load_document`, comments included."""
    out = io.StringIO()
    _yaml().dump(doc, out)
    return out.getvalue()
