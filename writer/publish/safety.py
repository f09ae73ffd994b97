"""Keeping every file batch writes inside the output folder.

An event id becomes a folder name and part of a URL. The fact-file schema
already restricts ids, but batch publishing is where a bad id would do harm
(``../../etc``, an absolute path, a dot-folder, a name a file system treats
specially), so the rule is enforced again here, at the point of use, rather
than trusted from an earlier layer. Names that collide with the site's own
files are refused for the same reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

# Lower-case letters, digits and single dashes inside; nothing a shell, a URL or
# a file system treats specially. Mirrors EVENT_ID_RE but is checked on its own.
_SAFE_ID_TEXT = r"[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?"
_SAFE_ID = re.compile(_SAFE_ID_TEXT)
RESERVED_NAMES = frozenset({"index", "feed", "manifest", "con", "prn", "aux", "nul"})


def unsafe_id_reason(event_id: object) -> str | None:
    """Why ``event_id`` cannot name an output folder, or None when it can."""
    if not isinstance(event_id, str) or not event_id:
        return "event id is missing or not text"
    if "/" in event_id or "\\" in event_id or ".." in event_id or event_id.startswith((".", "~")):
        return f"event id {event_id!r} would escape the output folder"
    if not _SAFE_ID.fullmatch(event_id):  # fullmatch: "$" alone would let a final newline through
        return f"event id {event_id!r} has characters not allowed in an output folder name (use a-z, 0-9 and inner dashes, at most 100)"
    if event_id in RESERVED_NAMES:
        return f"event id {event_id!r} is reserved for the site's own files"
    return None


# Many ids, one per line, each a safe id: one pass of the engine instead of one call per id (a manifest holds 10,000).
_SAFE_ID_LINES = re.compile(rf"(?:{_SAFE_ID_TEXT}\n)*")


def all_safe_ids(ids: Iterable[str]) -> bool:
    """Whether every one of ``ids`` names an output folder (``unsafe_id_reason`` is None for each), checked at once."""
    ids = list(ids)
    if not ids:
        return True
    lines = "\n".join(ids) + "\n"
    # As many line ends as ids: no id holds one of its own (which would pass as two safe ids).
    return lines.count("\n") == len(ids) and _SAFE_ID_LINES.fullmatch(lines) is not None and RESERVED_NAMES.isdisjoint(ids)


def inside(root: Path, relative: str) -> Path:
    """``root / relative`` after checking the result stays inside ``root`` (raises ValueError otherwise)."""
    target = (root / relative).resolve()
    base = root.resolve()
    if target != base and base not in target.parents:
        raise ValueError(f"{relative!r} resolves outside {root}")
    return target
