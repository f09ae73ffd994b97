"""Planning a build: which events to publish, which are unchanged, which are rejected before any work.

Two steps. :func:`scan` hashes every fact file (and edited article) without
parsing anything, reading only those whose stat changed since they were last
hashed; :func:`decide` compares those hashes, with
the templates digest, writer's version and code and the settings, against the previous
manifest. Staleness is decided from content hashes only, never timestamps. An
unchanged event whose published files were edited or damaged on disk is
noticed here (see :mod:`writer.publish.verify`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from writer.atomic import sha256_bytes, sha256_file
from writer.factbase.files import REGISTRY_NAME, find_registry
from writer.publish.edited import Found
from writer.publish.manifest import Brief, Entries, Entry, Inputs, Manifest
from writer.publish.rejection import Rejection, reject
from writer.publish.verify import Verifier
from writer.publish.worker import Task


@dataclass
class Item:
    """One fact file found in the fact base, hashed, with what was published from it before."""

    path: str  # the fact file as listed (Path's spelling)
    source: str  # relative to the fact base root, POSIX separators
    digest: str
    registry: Path
    registry_digest: str
    event_id: str | None
    prior: Brief | None  # what was published from this fact file before (the entry itself: ``prior_entry``)
    article: Path | None = None  # the edited article for this event, if there is one
    article_digest: str = ""
    inputs: Inputs | None = None
    published: Entries | None = None  # the previous manifest's entries, where ``prior`` is

    @property
    def prior_entry(self) -> Entry | None:
        return self.published[self.prior.id] if self.prior is not None and self.published is not None else None

    def task(self) -> Task:
        return Task(self.path, self.source, str(self.registry), self.event_id, self.prior_entry,
                    str(self.article) if self.article else None, self.article_digest)


@dataclass
class Scan:
    items: list[Item] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


@dataclass
class Plan:
    prior: Manifest
    todo: list[Item] = field(default_factory=list)
    unchanged: list[Item] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)  # decided without publishing (duplicates, cached)
    damaged: list[str] = field(default_factory=list)  # published files whose bytes differ from the manifest (not repaired)
    items: dict[str, Item] = field(default_factory=dict)  # by source, every item in this build's scope


# --- reading ahead ----------------------------------------------------------------

_ID_LINE = re.compile(rb"^id:[ \t]*(['\"]?)([^'\"\s#]+)\1[ \t]*(?:#.*)?$", re.MULTILINE)


def quick_id(data: bytes) -> str | None:
    """The event id of a fact file without validating it (for sharding and duplicate ids).

    A top-level ``id:`` line is read with a regular expression; anything
    unusual falls back to a YAML parse. The worker checks the full load agrees.
    """
    m = _ID_LINE.search(data)
    if m:
        return m.group(2).decode("utf-8", "replace")
    import yaml  # only for the unusual file: a re-run never needs the YAML library

    from writer.yamlload import safe_load

    try:
        doc = safe_load(data)
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError):
        return None
    value = doc.get("id") if isinstance(doc, dict) else None
    return value if isinstance(value, str) else None


class _Registries:
    """The registry file and its hash for each folder of fact files (looked up once per folder)."""

    def __init__(self, override: Path | None):
        self.override = override
        self.by_folder: dict[str, tuple[Path, str] | None] = {}
        self.hashes: dict[Path, str] = {}

    def for_file(self, path: str) -> tuple[Path, str] | None:
        # A string key, the path up to its last separator (a key only: find_registry reads the path itself): hashing
        # 10,000 Paths, or os.path.dirname's Python-level steps, cost more than the lookup saves.
        folder = path.rpartition(os.sep)[0]
        if folder not in self.by_folder:
            reg = self.override if self.override is not None else find_registry(path)
            if reg is None:
                self.by_folder[folder] = None
            else:
                if reg not in self.hashes:
                    self.hashes[reg] = sha256_file(reg)
                self.by_folder[folder] = (reg, self.hashes[reg])
        return self.by_folder[folder]


def scan(files: list[str], root: Path, prior: Manifest, registry: Path | None, articles: Found, in_scope, hashes: Verifier) -> Scan:
    """Hash every fact file (read only when its stat changed since it was last hashed: ``hashes``);
    ``in_scope(key)`` says whether this build (shard) holds an event."""
    out = Scan()
    prior_by_source = prior.entries.source_ids()
    registries = _Registries(registry)
    prefix = os.fspath(root) + os.sep
    for path in files:
        source = (path[len(prefix):] if path.startswith(prefix) else path).replace(os.sep, "/")
        try:
            digest, data = hashes.fact_digest(path)
            if digest is None:
                raise OSError(0, "not a regular file")
        except OSError as exc:
            rej = reject(path, None, "facts", f"cannot read file: {exc.strerror or exc}", source=source)
            if in_scope(source):
                out.rejections.append(rej)
            continue
        prior_id = prior_by_source.get(source)
        entry = prior.entries.brief(prior_id) if prior_id is not None else None
        if entry is not None and entry.inputs.fact_file == digest:
            event_id = entry.id
        else:
            event_id = quick_id(data if data is not None else _read(path))
        if not in_scope(event_id or source):
            continue
        reg = registries.for_file(path)
        if reg is None:
            out.rejections.append(reject(path, event_id, "facts", f"no {REGISTRY_NAME} found beside the event or in the folders above it", source=source))
            continue
        item = Item(path, source, digest, reg[0], reg[1], event_id, entry, published=prior.entries)
        article = articles.by_fact_file.get(os.path.realpath(path)) if articles.by_fact_file else None
        if article is not None:
            try:
                item.article, item.article_digest = article, sha256_file(article)
            except OSError as exc:
                out.rejections.append(reject(article, event_id, "article", f"cannot read the edited article: {exc.strerror or exc}", source=source))
                continue
        out.items.append(item)
    return out


def _read(path: str) -> bytes:
    """A fact file's bytes (its hash came from the cache, but its id is wanted: no prior entry names it)."""
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:
        return b""


def decide(found: Scan, prior: Manifest, templates_digest: str, writer_id: str, config_digest: str, *, force: bool, cached: dict[str, Rejection],
           verify) -> Plan:
    """Sort the scanned items into unchanged, to publish and rejected.

    ``cached``: last run's rejections by source, with their inputs digest; an
    item rejected before from these very inputs is rejected again without work
    (drafting and checking are deterministic). ``verify(entry)`` tells whether
    an unchanged entry's files are on disk as published: "ok", "missing" (they
    are published again) or a list of the files whose bytes differ (``entry``: the item's Brief).
    """
    plan = Plan(prior, rejections=list(found.rejections))
    first_with_id: dict[str, Item] = {}
    for it in found.items:
        plan.items[it.source] = it
        # Two files claiming one id would write into one folder: the first (in path order) wins.
        if it.event_id is not None and it.event_id in first_with_id:
            other = first_with_id[it.event_id]
            plan.rejections.append(reject(it.path, it.event_id, "duplicate-id", f"event id {it.event_id!r} is already used by {other.path}",
                                          line=1, column=1, source=it.source))
            continue
        if it.event_id is not None:
            first_with_id[it.event_id] = it
        it.inputs = Inputs(it.digest, it.registry_digest, templates_digest, writer_id, config_digest, it.article_digest)
        if not force and it.prior is not None and it.prior.inputs == it.inputs:
            state = verify(it.prior)
            if state == "ok" or isinstance(state, list):
                if isinstance(state, list):
                    plan.damaged.extend(state)
                plan.unchanged.append(it)
                continue
        hit = cached.get(it.source)
        if not force and hit is not None and hit[0] == inputs_key(it.inputs):
            plan.rejections.append(hit[1])
            continue
        plan.todo.append(it)
    return plan


def inputs_key(inputs: Inputs) -> str:
    """The inputs as one string (the rejection cache's key)."""
    return sha256_bytes(repr(sorted(inputs.as_dict().items())).encode("utf-8"))
