"""Committing a build: moving staged files into the site so that it is consistent at every instant.

Workers write new files to a private stage (``.writer/stage``); nothing
visible changes while events are published. The commit then runs in an order
in which the visible site (pages, index, feed) always matches the manifest,
wherever a run is killed:

1. a *journal* beside the manifest (``.writer/manifest.journal``): each file
   about to be replaced (its new hash) or deleted (absent), bound to the
   manifest on disk by the hash of its bytes; read with it, the manifest also
   vouches for those states (a few hundred bytes, where writing the previous
   manifest again with them, as writer did before, is 14 MB at 10,000 events);
2. staged article files renamed into place (each rename is atomic), then the
   index and the feed;
3. files of events gone from the fact base deleted (only bytes writer wrote);
4. the new manifest (the commit point: the journal, bound to the manifest
   before it, no longer applies), then the journal removed.

A re-run after a kill rebuilds whatever the manifest on disk does not vouch
for as current and converges to the bytes an uninterrupted run writes.

Writer's bookkeeping lives in ``OUT/.writer/`` (manifest, lock, caches,
stage, temporary files): deploy the output folder without it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from writer import __version__
from writer.atomic import atomic_write, empty_folder, sha256_bytes, sha256_file
from writer.publish.manifest import LEGACY_MANIFEST_NAME, MANIFEST_NAME, STATE_DIR, Entry, Manifest, journal_path, shard_manifest_path
from writer.publish.safety import inside
from writer.publish.shard import Shard


@dataclass(frozen=True)
class Layout:
    """Where one build (or one shard's build) keeps its state inside the output folder."""

    out: Path
    shard: Shard | None = None

    @property
    def state(self) -> Path:
        return self.out / STATE_DIR

    def _own(self, name: str) -> str:
        return f"{name}{self.shard.suffix}" if self.shard else name

    @property
    def manifest(self) -> Path:
        return shard_manifest_path(self.out, self.shard.k, self.shard.n) if self.shard else self.out / MANIFEST_NAME

    @property
    def journal(self) -> Path:
        return journal_path(self.manifest)

    @property
    def rejections(self) -> Path:
        return self.state / f"{self._own('rejections')}.json"

    @property
    def verified(self) -> Path:
        return self.state / f"{self._own('verified')}.json"

    @property
    def verified_articles(self) -> Path:
        """The articles' published files' stats and hashes, read and written by ``--verify`` runs only."""
        return self.state / f"{self._own('verified-articles')}.json"

    @property
    def stage(self) -> Path:
        return self.state / self._own("stage")

    @property
    def tmp(self) -> Path:
        return self.state / self._own("tmp")

    @property
    def workers(self) -> Path:
        """Where a run's local worker processes note their ids while they run (emptied with the temporary folder)."""
        return self.tmp / "workers"

    @property
    def lock_name(self) -> str:
        return f"shard{self.shard.suffix}" if self.shard else "build"

    def read_prior(self, hashes=None) -> Manifest:
        """The manifest of the last build: this shard's, else the whole site's (or the pre-0.2 one inside the site).
        ``hashes`` (a writer.publish.verify.Verifier): its stat cache vouches for a manifest's seal that writer
        wrote or checked, and remembers the one checked now."""
        found = Manifest.read(self.manifest, __version__, known_seal=hashes.known_seal(self.manifest) if hashes is not None else None)
        if found is not None and hashes is not None:
            hashes.read_manifest(self.manifest, found.read_stat, found.read_seal)
        if found is None and self.shard:
            found = Manifest.read(self.out / MANIFEST_NAME, __version__)
        if found is None:
            found = Manifest.read(self.out / LEGACY_MANIFEST_NAME, journal=False)  # in the deployed tree: a file beside it is the user's
        return found or Manifest()

    def write(self, path: Path, data: bytes) -> None:
        atomic_write(path, data, temp_dir=self.tmp)


def clean(layout: Layout) -> None:
    """Empty this build's stage and temporary folders (leftovers of a killed run; writer owns them wholly)."""
    empty_folder(layout.stage)
    empty_folder(layout.tmp)


@dataclass
class Change:
    """What a commit does: files staged (site-relative), files to delete with the hashes writer wrote."""

    staged: list[str]
    deletions: dict[str, set[str]]  # rel -> the hashes writer may have left there
    folders: list[str]  # event folders to remove when empty


def stage_site_file(layout: Layout, name: str, data: bytes) -> None:
    target = layout.stage / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def deletions_for(before: Manifest, after: Manifest, removed: list[Entry]) -> Change:
    """The files of ``removed`` entries and any file an entry listed before and lists no more."""
    deletions: dict[str, set[str]] = {}
    for old in removed:
        for rel, digest in old.files.items():
            deletions.setdefault(rel, set()).add(digest)
    for event_id in after.entries.replaced_since(before.entries):  # one carried over has the same files
        if event_id in before.entries:
            old, new = before.entries[event_id], after.entries[event_id]
            for rel in old.files.keys() - new.files.keys():
                deletions.setdefault(rel, set()).add(old.files[rel])
    for rel, nxt in before.pending.items():  # a killed run's half-done deletions and replacements
        if rel in deletions and nxt is not None:
            deletions[rel].add(nxt)
    return Change([], deletions, sorted(old.id for old in removed))


def commit(layout: Layout, before: Manifest, after: Manifest, change: Change, *, write_manifest: bool, hashes=None) -> bool:
    """Apply ``change`` in the safe order; returns whether the manifest was written. ``hashes``
    (a writer.publish.verify.Verifier) remembers each file put in place, so the next run need not read it."""
    # The hash of each staged file's bytes, taken when they were written.
    staged_hashes = {rel: after.listed(rel) or sha256_file(layout.stage / rel) for rel in change.staged}
    pending: dict[str, str | None] = {rel: digest for rel, digest in staged_hashes.items() if before.listed(rel) is not None}
    pending.update({rel: None for rel in change.deletions if before.listed(rel) is not None})
    if pending:
        write_journal(layout, before, pending)
    # Articles before the site files that link to them.
    for rel in _move_into_place(layout, change.staged):
        if hashes is not None:
            hashes.note(rel, staged_hashes[rel])
    for rel, digests in sorted(change.deletions.items()):
        remove_if_ours(layout.out, rel, digests)
    for folder in change.folders:
        try:
            (layout.out / folder).rmdir()  # only when empty: never a file writer did not write
        except OSError:
            pass
    wrote = bool(write_manifest or pending)
    if wrote:
        layout.write(layout.manifest, after.to_bytes(__version__))
        if hashes is not None:
            hashes.wrote_manifest(layout.manifest, after.written_seal)
        _remove(layout.journal)  # bound to the manifest just replaced: it no longer applies either way
    empty_folder(layout.stage)  # the event folders the renames emptied
    return wrote


def _move_into_place(layout: Layout, staged: list[str]):
    """Rename the staged files into the site, the events' folders first, then the site's own files; yields each
    file once it is in place. An event folder the site does not have yet moves in whole, one atomic rename for its
    files (a cold build of 10,000 events made, filled and emptied 10,000 folders, one directory operation each, the
    slowest part of its commit); an existing folder gets its staged files one by one."""
    out, stage = os.fspath(layout.out) + os.sep, os.fspath(layout.stage) + os.sep
    by_folder: dict[str, list[str]] = {}
    for rel in staged:
        by_folder.setdefault(rel.rpartition("/")[0], []).append(rel)
    own = by_folder.pop("", [])  # the index pages, feed and sitemap
    for folder, files in sorted(by_folder.items()):
        files.sort()
        names = [rel.rpartition("/")[2] for rel in files]
        if not os.path.lexists(out + folder) and sorted(os.listdir(stage + folder)) == names:
            os.replace(stage + folder, out + folder)
        else:
            os.makedirs(out + folder, exist_ok=True)
            for rel in files:
                os.replace(stage + rel, out + rel)
        yield from files
    for rel in sorted(own):
        os.replace(stage + rel, out + rel)
        yield rel


def write_journal(layout: Layout, before: Manifest, pending: dict[str, str | None]) -> None:
    """Say which files are about to change, before any does: a journal bound to the manifest on disk, or, when
    ``before`` was not read from this build's manifest file (a shard's first run over the site's manifest), the
    previous manifest written again in its place with the pending states in its head."""
    if before.origin == layout.manifest and before.raw is not None:
        layout.write(layout.journal, before.journal_bytes(pending))
    else:
        layout.write(layout.manifest, before.journal(pending).to_bytes(__version__))


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def remove_if_ours(out: Path, rel: str, digests: set[str]) -> bool:
    """Delete ``out/rel`` if it is inside ``out``, a plain file, and holds bytes writer wrote."""
    try:
        target = inside(out, rel)
        path = out / rel
        if path.is_symlink() or not path.is_file() or sha256_file(path) not in digests:
            return False
        os.unlink(target)
        return True
    except (OSError, ValueError):
        return False


def remove_legacy_manifest(out: Path) -> None:
    """The pre-0.2 manifest inside the deployed tree, once the new one is written (only if it is writer's)."""
    legacy = out / LEGACY_MANIFEST_NAME
    if not legacy.is_file():
        return
    try:
        Manifest.read(legacy, journal=False)
    except Exception:  # noqa: BLE001 - not a writer manifest: a user's file, left alone
        return
    legacy.unlink()


def site_bytes_changed(layout: Layout, name: str, data: bytes, before: Manifest) -> bool:
    """Whether the site file must be (re)written: new bytes, or missing on disk."""
    digest = sha256_bytes(data)
    target = layout.out / name
    if before.site_files.get(name) != digest or not target.is_file():
        return True
    return sha256_file(target) != digest
