"""Writing output files so that a reader (or a killed run) never sees half of one.

Every file is written to a temporary file and then renamed over the target
with ``os.replace``, which is atomic on POSIX and Windows when both names are
on the same file system. Batch publishing keeps its temporary files in a
folder it owns (``OUT/.writer/tmp``, inside the output folder, so on its file
system) and empties that folder at the start of a run: it never deletes a file
by the look of its name, so a user's file that happens to be named like a
temporary file is never touched. A single write elsewhere (``writer draft -o``)
uses a hidden name beside the target, created exclusively (never over an
existing file) and removed again if the write fails.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
from pathlib import Path

_TEMP_MARK = ".writer-tmp-"
_counter = itertools.count()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def _exclusive_temp(folder: Path, stem: str):
    """A new temporary file in ``folder`` (opened for writing), never one that exists already."""
    while True:
        tmp = folder / f".{stem}{_TEMP_MARK}{os.getpid()}-{next(_counter)}.tmp"
        try:
            return tmp, open(tmp, "xb")
        except FileExistsError:
            continue


def atomic_write(path: Path, data: bytes, *, temp_dir: Path | None = None) -> None:
    """Write ``data`` to ``path`` via a temporary file and one rename.

    ``temp_dir`` (on the same file system) holds the temporary file; by default
    it is created beside ``path``.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(temp_dir) if temp_dir is not None else path.parent
    folder.mkdir(parents=True, exist_ok=True)
    tmp, fh = _exclusive_temp(folder, path.name)
    try:
        with fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise


def empty_folder(folder: Path) -> None:
    """Remove everything in a folder writer owns entirely (its temporary or staging folder), keeping the folder."""
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            try:
                os.unlink(entry.path)
            except OSError:
                pass
