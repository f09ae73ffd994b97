"""Content hashes without re-reading unchanged files: the fact files, and the published files on disk.

A run decides from content hashes (a fact file's bytes, a published file's
bytes), but hashing 10,000 fact files and 30,000 published files on every run
would cost more than the rest of a re-run. So each hashed file's stat (size,
ctime, inode) is remembered with its hash in a cache under ``.writer/``, as
git does for its index: a file whose stat is unchanged since it was hashed is
not read again. Any write, and any change of its mtime, changes a file's ctime
(which no program can set back), so an edited file is always hashed again.

One race remains: a file written twice within one tick of the file system's
clock keeps its stat. A hash is therefore remembered only for a file whose
ctime was already ``RACY_MARGIN_NS`` old when it was read (git calls
the others "racily clean"); the files writer itself has just published are
remembered with the hash of the bytes it wrote (``note``). The cache is a hint
only: unreadable means empty, and nothing in it names a file to open: it is
looked up by the paths a run has already chosen.

Two files: ``verified.json`` (fact files, writer's own code and data files
(:mod:`writer.publish.identity`), the site's own files: index pages, feed,
sitemap, and the folders of the import path with the versions of the libraries
that shape a page found there), which every run reads and writes, and ``articles`` (the
articles' published files), which only a run that checks them (``--verify``)
reads and writes, so an ordinary re-run does not carry 30,000 stats it does not
use. A file published since that cache was written has another stat, and is
hashed once by the next ``--verify``.
"""

from __future__ import annotations

import json
import os
import stat as stat_module
import time
from pathlib import Path

from writer.atomic import atomic_write, sha256_bytes, sha256_file
from writer.publish.manifest import is_site_file

OK = "ok"
MISSING = "missing"
# Coarse file-system clocks tick every few milliseconds, network ones may run a little apart
# from this machine's: a file changed in the last two seconds is hashed again next time.
RACY_MARGIN_NS = 2_000_000_000
# The cache file's parts: published files by site-relative path, fact files and writer's own files by absolute path,
# the import path's folders by place and name (writer.publish.identity.library_versions), manifests by absolute
# path with their seal (writer.publish.manifest: the seal of their event lines, which a read need not hash again).
SITE, FACTS, CODE, LIBRARIES, MANIFESTS = "site", "facts", "code", "libraries", "manifests"
PARTS = (SITE, FACTS, CODE, LIBRARIES, MANIFESTS)
KEY = 3  # a cache item: the stat key (size, ctime, inode), then the hash


class Verifier:
    def __init__(self, out: Path, cache: Path, temp_dir: Path, stats: dict[str, os.stat_result] | None = None, articles: Path | None = None):
        """``stats``: fact files' stats this run already took (by path), used once instead of a second ``os.stat``.
        ``articles``: the articles' cache, when this run checks the articles' published files."""
        self.base = os.fspath(out) + os.sep
        self.cache_path, self.temp_dir, self.articles_path = cache, temp_dir, articles
        self.read = {cache: _read(cache)}  # each cache file as read, so that save rewrites only one that changed
        if articles is not None:
            self.read[articles] = _read(articles)
        own = self.read[cache]
        self.known = {**own, SITE: {**self.read[articles][SITE], **own[SITE]}} if articles is not None else own
        self.seen: dict[str, dict[str, list]] = {part: {} for part in PARTS}
        self.stats = stats if stats is not None else {}

    def digest(self, rel: str) -> str | None:
        """A published file's sha256, None when it is missing or not a regular file."""
        return self._hash(SITE, rel, self.base + rel)

    def fact_digest(self, path: str) -> tuple[str | None, bytes | None]:
        """A fact file's sha256 and, when it had to be read, its bytes; (None, None) when it is not a regular file.
        Raises OSError when it cannot be read."""
        st = self.stats.pop(path, None) or os.stat(path)
        if not stat_module.S_ISREG(st.st_mode):  # a FIFO would block the read forever; a device is no fact file
            return None, None
        return self._input_digest(FACTS, path, st)

    def code_digest(self, path: str, st: os.stat_result) -> str:
        """The sha256 of one of writer's own files (``st``: its stat, taken by the caller's listing).
        Raises OSError when it cannot be read."""
        return self._input_digest(CODE, path, st)[0]

    def libraries(self, folders: list[str], read) -> str:
        """What ``read()`` returns (the versions of the libraries a page depends on), remembered with the stat of every
        folder of the import path (``folders``, in order): installing, upgrading or removing a distribution adds or
        removes an entry in the folder that holds it, which changes that folder's ctime, so while every stat is what it
        was, the versions are too and ``read`` (importlib.metadata: tens of CPU-ms) is not called."""
        names = [f"{i}:{folder}" for i, folder in enumerate(folders)]
        keys = [_folder_key(folder) for folder in folders]
        known = self.known[LIBRARIES]
        found = {known.get(name, [None] * (KEY + 1))[KEY] for name in names}
        if len(known) == len(names) and len(found) == 1 and None not in found and all(known[n][:KEY] == k for n, k in zip(names, keys)):
            self.seen[LIBRARIES] = dict(known)
            return found.pop()
        started = time.time_ns()
        versions = read()
        self.seen[LIBRARIES] = {}
        if all(key[1] < started - RACY_MARGIN_NS for key in keys):  # a folder changed just now is looked at again next time
            self.seen[LIBRARIES] = {name: [*key, versions] for name, key in zip(names, keys)}
        return versions

    def known_seal(self, path: Path):
        """For :meth:`writer.publish.manifest.Manifest.read`: the seal of the manifest at ``path`` if the stat given is
        the one remembered with it (writer wrote it, or read it under a seal that held, and nothing changed it since)."""
        name = os.fspath(path)

        def seal(st: os.stat_result) -> str | None:
            cached = self.known[MANIFESTS].get(name)
            return cached[KEY] if cached is not None and cached[:KEY] == _key(st) else None

        return seal

    def read_manifest(self, path: Path, st: os.stat_result | None, seal: str | None) -> None:
        """A manifest read under a seal that held (``seal``; None: not sealed): remembered with the stat it was read
        with, unless that is racily recent (as for a fact file)."""
        if seal is None or st is None:
            return
        name, key = os.fspath(path), _key(st)
        cached = self.known[MANIFESTS].get(name)
        if cached is not None and cached[:KEY] == key and cached[KEY] == seal:
            self.seen[MANIFESTS][name] = cached  # vouched for already (written by writer, or checked before)
        else:
            self._remember(MANIFESTS, name, key, seal, time.time_ns())

    def wrote_manifest(self, path: Path, seal: str | None) -> None:
        """A manifest writer has just written with this seal: remembered now (as ``note`` does a published file)."""
        try:
            st = os.stat(path)
        except OSError:
            return
        if seal is not None:
            self.seen[MANIFESTS][os.fspath(path)] = [*_key(st), seal]

    def _input_digest(self, part: str, path: str, st: os.stat_result) -> tuple[str, bytes | None]:
        key = _key(st)
        cached = self.known[part].get(path)
        if cached is not None and cached[:KEY] == key:
            self.seen[part][path] = cached
            return cached[KEY], None
        started = time.time_ns()
        with open(path, "rb") as fh:
            data = fh.read()
        digest = sha256_bytes(data)
        self._remember(part, path, key, digest, started)
        return digest, data

    def _hash(self, part: str, name: str, path: str) -> str | None:
        try:
            st = os.stat(path, follow_symlinks=False)
        except OSError:
            return None
        if not stat_module.S_ISREG(st.st_mode):
            return None
        key = _key(st)
        cached = self.known[part].get(name)
        if cached is not None and cached[:KEY] == key:
            self.seen[part][name] = cached
            return cached[KEY]
        started = time.time_ns()
        try:
            digest = sha256_file(Path(path))
        except OSError:
            return None
        self._remember(part, name, key, digest, started)
        return digest

    def _remember(self, part: str, name: str, key: list, digest: str, started: int) -> None:
        if key[1] < started - RACY_MARGIN_NS:
            self.seen[part][name] = [*key, digest]

    def note(self, rel: str, digest: str) -> None:
        """A file writer has just published with these bytes: remember its stat now, so the next run need not read it
        (an article's file only in a run that keeps the articles' cache: another would drop it in ``save``, after a
        stat for nothing, 30,000 of them in a cold build of 10,000 events)."""
        if self.articles_path is None and not is_site_file(rel):
            return
        try:
            st = os.stat(self.base + rel, follow_symlinks=False)
        except OSError:
            return
        if stat_module.S_ISREG(st.st_mode):
            self.seen[SITE][rel] = [*_key(st), digest]

    def forget(self, rel: str) -> None:
        self.seen[SITE].pop(rel, None)

    def entry(self, entry, pending: dict[str, str | None] | None = None):
        """OK, MISSING (some file is gone or half-updated by a killed run: publish again) or the files whose
        bytes differ from the entry's. ``pending``: the states in progress a killed run's journal vouches for."""
        differ = []
        for rel, digest in entry.files.items():
            found = self.digest(rel)
            if found is None or (found != digest and pending and rel in pending):
                return MISSING
            if found != digest:
                differ.append(rel)
        return differ or OK

    def save(self) -> None:
        own = {rel: v for rel, v in self.seen[SITE].items() if is_site_file(rel)}
        _write(self.cache_path, {**self.seen, SITE: own}, self.read[self.cache_path], self.temp_dir)
        if self.articles_path is not None:
            articles = {**{part: {} for part in PARTS}, SITE: {rel: v for rel, v in self.seen[SITE].items() if rel not in own}}
            _write(self.articles_path, articles, self.read[self.articles_path], self.temp_dir)


def _write(path: Path, parts: dict[str, dict[str, list]], known, temp_dir: Path) -> None:
    """Write a cache file unless it holds ``parts`` already (``known``: what was read from it)."""
    if all(parts[part] == known[part] for part in parts):
        return
    data = {part: dict(sorted(parts[part].items())) for part in PARTS}
    atomic_write(path, (json.dumps(data, separators=(",", ":")) + "\n").encode("utf-8"), temp_dir=temp_dir)


def _key(st: os.stat_result) -> list:
    return [st.st_size, st.st_ctime_ns, st.st_ino]


def _folder_key(folder: str) -> list:
    """A folder of the import path's stat key; one that is missing (or not readable) has a key of its own."""
    try:
        return _key(os.stat(folder or os.curdir))
    except OSError:
        return [-1, -1, -1]


def _read(path: Path) -> dict[str, dict[str, list]]:
    empty: dict[str, dict[str, list]] = {part: {} for part in PARTS}
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return empty
    if not isinstance(data, dict):
        return empty
    for part in PARTS:
        items = data.get(part)
        if isinstance(items, dict):
            empty[part] = {k: v for k, v in items.items() if isinstance(v, list) and len(v) == KEY + 1 and isinstance(v[KEY], str)}
    return empty
