"""Are the published files still what writer wrote? (Noticing files edited or damaged on disk.)

An unchanged event is skipped only when its files on disk hold the bytes its
manifest entry vouches for. Hashing every published file on every run would
cost more than the rest of a no-change run, so each verified file's stat
(size, mtime, ctime, inode) is remembered in a cache under ``.writer/``, as
git does for its index: a file whose stat is unchanged since it was last
hashed is not read again. The cache is a hint only: unreadable means empty.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from writer.atomic import atomic_write, sha256_file

OK = "ok"
MISSING = "missing"


class Verifier:
    def __init__(self, out: Path, cache: Path, temp_dir: Path):
        self.base = os.fspath(out) + os.sep
        self.cache_path, self.temp_dir = cache, temp_dir
        self.known = _read(cache)
        self.seen: dict[str, list] = {}

    def digest(self, rel: str) -> str | None:
        """The file's sha256, None when it is missing or not a regular file."""
        try:
            st = os.stat(self.base + rel, follow_symlinks=False)
        except OSError:
            return None
        if not os.path.stat.S_ISREG(st.st_mode):
            return None
        key = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        cached = self.known.get(rel)
        if cached is not None and cached[:4] == key and isinstance(cached[4], str):
            digest = cached[4]
        else:
            try:
                digest = sha256_file(Path(self.base + rel))
            except OSError:
                return None
        self.seen[rel] = [*key, digest]
        return digest

    def entry(self, entry, pending: dict[str, str | None] | None = None):
        """OK, MISSING (some file is gone or half-updated by a killed run: publish again) or the files whose
        bytes differ from the entry's. ``pending``: a journal manifest's states in progress."""
        differ = []
        for rel, digest in entry.files.items():
            found = self.digest(rel)
            if found is None or (found != digest and pending and rel in pending):
                return MISSING
            if found != digest:
                differ.append(rel)
        return differ or OK

    def save(self) -> None:
        if self.seen != self.known:
            atomic_write(self.cache_path, (json.dumps(dict(sorted(self.seen.items())), separators=(",", ":")) + "\n").encode("utf-8"),
                         temp_dir=self.temp_dir)


def _read(path: Path) -> dict[str, list]:
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, list) and len(v) == 5}
