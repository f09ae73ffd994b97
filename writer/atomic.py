"""Writing output files so that a reader (or a killed run) never sees half of one.

Every file is written to a hidden temporary name in its own folder and then
renamed over the target with ``os.replace``, which is atomic on POSIX and
Windows when both names are on the same file system (hence the same folder,
never /tmp). A run killed with SIGKILL can leave such temporary files behind;
they are dot-files ending in ``.tmp`` (never served as pages) and carry a
marker so :func:`remove_stale_temps` deletes only files writer itself created.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
from pathlib import Path

_TEMP_MARK = ".writer-tmp-"
_TEMP_RE = re.compile(r"^\..+\.writer-tmp-\d+-\d+\.tmp$")
_counter = itertools.count()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and one rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}{_TEMP_MARK}{os.getpid()}-{next(_counter)}.tmp"
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise


def is_temp_name(name: str) -> bool:
    return bool(_TEMP_RE.match(name))


def remove_stale_temps(folder: Path, targets: tuple[str, ...] | None = None) -> int:
    """Delete writer's own leftover temporary files in ``folder`` (not recursive); return how many.

    With ``targets``, only the temporary files of those file names (a shard run
    must not touch another shard's file being written in the same folder).
    """
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if entry.is_file(follow_symlinks=False) and is_temp_name(entry.name) and (
            targets is None or entry.name[1:].split(_TEMP_MARK)[0] in targets
        ):
            try:
                os.unlink(entry.path)
                removed += 1
            except OSError:
                pass
    return removed
