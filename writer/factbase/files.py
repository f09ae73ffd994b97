"""Which files make a fact base: event files and the source registry they resolve against.

Kept apart from the loader (pydantic, the validation models) so that tools
that only list or hash fact files, such as a batch deciding that nothing
changed, do not pay for importing what loading them needs.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

REGISTRY_NAME = "sources.yaml"
EVENT_SUFFIXES = (".yaml", ".yml")


def find_registry(event_path: str | Path) -> Path | None:
    """The nearest ``sources.yaml`` in the event's folder or up to two folders above it."""
    folder = Path(event_path).resolve().parent
    for candidate in (folder, folder.parent, folder.parent.parent):
        if (candidate / REGISTRY_NAME).is_file():
            return candidate / REGISTRY_NAME
    return None


def event_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders into event files (``*.yaml``/``*.yml``, never ``sources.yaml``), sorted."""
    return [Path(p) for p in event_file_names(paths)]


def event_file_names(paths: Iterable[str | Path]) -> list[str]:
    """:func:`event_files` as strings, in the same order (Path order: folder by folder, name by name).

    A batch lists 10,000 fact files on every run: walking with ``os.scandir`` and
    sorting strings costs a fraction of ``rglob`` and sorting Path objects.
    """
    out: list[str] = []
    for p in map(os.fspath, paths):
        if os.path.isdir(p):
            out.extend(_walk(p))
        else:
            out.append(os.fspath(Path(p)))  # the spelling Path gives (no trailing separator, no "./")
    return sorted(dict.fromkeys(out), key=_path_key)


def _walk(folder: str) -> list[str]:
    found: list[str] = []
    stack = [os.fspath(Path(folder))]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    if entry.is_dir():
                        if not entry.is_symlink():  # as rglob: a link to a folder is not walked into
                            stack.append(entry.path)
                    elif _is_event_name(entry.name) and entry.is_file():
                        found.append(entry.path)
        except OSError:
            continue
    return found


def _is_event_name(name: str) -> bool:
    # Path.suffix's rule: a name that only starts with a dot (".yaml") has no suffix.
    return name.endswith(EVENT_SUFFIXES) and name not in EVENT_SUFFIXES and name != REGISTRY_NAME


def _path_key(path: str) -> str:
    """Path's own order: part by part (``a/x`` before ``a-b/x``, which plain string order reverses).

    The separator becomes NUL, which no file name holds and which sorts before every other character: comparing
    two such strings is comparing their parts in turn, a part before any longer one it begins. One string per path,
    not a list of its parts: sorting 10,000 fact files took 55 CPU-ms with lists, 6 with these (a re-run's listing)."""
    return path.replace(os.sep, "\0")
