"""The site manifest: what was published, from which inputs, with which content hashes.

It is the memory of incremental builds (an event is rebuilt only when one of
its recorded inputs changed), the list of files writer owns (so writer never
deletes a file it did not write), and what the index and feed are built from
(so a run that rebuilds one article does not re-draft the other 9,999 to list
them). It holds no timestamps of the run and no job or shard details, so the
same inputs always give the same bytes whatever the job count or sharding.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

from writer.errors import single_problem
from writer.publish.safety import all_safe_ids, unsafe_id_reason

STATE_DIR = ".writer"  # writer's bookkeeping (manifests, lock, caches, staged files): never deployed
MANIFEST_NAME = f"{STATE_DIR}/manifest.json"  # relative to the output folder
LEGACY_MANIFEST_NAME = "manifest.json"  # where writer before 0.2 kept it, inside the deployed tree
SITE_FILES = ("index.html", "feed.xml", "sitemap.xml")  # every site file writer may write (the sitemap only with a base URL)
# The index's later pages (writer.publish.sitefiles): index-2.html, index-3.html, ... (no event id holds a dot).
INDEX_PAGE_FILE = re.compile(r"index-[1-9][0-9]{0,8}\.html")
# An event's published files, inside its folder ``ID/`` (one place for their names: the worker writes them,
# the page links the other two, the manifest names them by these, the feed reads the page).
PAGE_NAME = "index.html"


def markdown_name(event_id: str) -> str:
    return f"{event_id}.md"


def claims_name(event_id: str) -> str:
    return f"{event_id}.json"


def event_file(event_id: str, name: str) -> str:
    """The site-relative path of an event's file ``name`` (``ID/NAME``)."""
    return f"{event_id}/{name}"


FORMAT = 4
JOURNAL_FORMAT = 1
JOURNAL_SUFFIX = ".journal"  # beside its manifest: .writer/manifest.journal, .writer/shard-1-of-2.journal
# 1: no printed figures, corrections or edited-article digest yet; 2: every file listed twice; 3: no plan index
# (format 4 adds it, see PLAN; a format-3 manifest is read whole once and written as format 4).
READABLE_FORMATS = (1, 2, 3, 4)


def is_site_file(rel: str) -> bool:
    """Whether ``rel`` is one of the site's own files (index pages, feed, sitemap), not an article's."""
    return rel in SITE_FILES or INDEX_PAGE_FILE.fullmatch(rel) is not None


class Inputs(NamedTuple):
    """Everything an article's bytes depend on; any change means a rebuild (a named tuple: a re-run
    reads 10,000 of them from the manifest's lines, and a frozen dataclass is slower to make)."""

    fact_file: str  # sha256 of the fact file's bytes
    registry: str  # sha256 of the source registry's bytes
    templates: str  # the drafter's digest of templates and house style
    writer: str  # writer's version and the digest of its code and data (writer.publish.identity), e.g. "0.1.0+3f2a..."
    settings: str  # sha256 of the site settings (desk, title, base URL...) and the check's configuration
    article: str = ""  # sha256 of the edited article published instead of the draft ("" for a machine draft)

    def as_dict(self) -> dict:
        d = {"fact_file": self.fact_file, "registry": self.registry, "templates": self.templates, "writer": self.writer, "settings": self.settings}
        if self.article:
            d["article"] = self.article
        return d


@dataclass(frozen=True)
class Correction:
    """A printed figure that changed in a republish: when, what it read before and after, and why."""

    date: str  # ISO 8601 with offset, the moment of the republish
    fact: str
    label: str  # what the figure is, in words ("the 24-hour total")
    before: str  # as printed before
    after: str  # as printed now
    reason: str  # why, from the facts ("CoinGlass revised its data")

    def as_dict(self) -> dict:
        return {"date": self.date, "fact": self.fact, "label": self.label, "before": self.before, "after": self.after, "reason": self.reason}


@dataclass(frozen=True)
class Entry:
    """One published event: where it came from, what it produced, and what the index shows."""

    id: str
    source: str  # fact file path, relative to the fact base root, POSIX separators
    inputs: Inputs
    title: str
    published: str  # ISO 8601 with offset
    modified: str
    summary: str
    files: dict[str, str]  # site-relative path (always ``ID/NAME``) -> sha256
    figures: dict[str, str] = field(default_factory=dict)  # fact id -> the figure as the article printed it
    corrections: tuple[Correction, ...] = ()  # oldest first
    edited: bool = False  # an edited article, not a machine draft

    def as_dict(self) -> dict:
        """The manifest's record: files by their name inside the event's folder (``ID/`` is implied)."""
        cut = len(self.id) + 1
        d = {
            "source": self.source,
            "inputs": self.inputs.as_dict(),
            "title": self.title,
            "published": self.published,
            "modified": self.modified,
            "summary": self.summary,
            "files": {rel[cut:]: digest for rel, digest in sorted(self.files.items())},
            "figures": dict(sorted(self.figures.items())),
        }
        if self.corrections:
            d["corrections"] = [c.as_dict() for c in self.corrections]
        if self.edited:
            d["edited"] = True
        return d

    @classmethod
    def from_dict(cls, event_id: str, d: dict, *, names_in_folder: bool = True) -> "Entry":
        """The entry of a manifest record; ``names_in_folder=False`` for formats 1 and 2 (files by site-relative path)."""
        figures = d.get("figures", {})
        if not isinstance(figures, dict) or not set(map(type, figures.values())) <= {str}:  # JSON keys are always text
            raise ValueError(f"event {event_id!r}: figures must map fact ids to text")
        files = d["files"]
        if not isinstance(files, dict):
            raise ValueError(f"event {event_id!r}: files must be an object")
        if names_in_folder:
            own = (markdown_name(event_id), claims_name(event_id), PAGE_NAME)  # the names writer gives (valid: the id is)
            files = {event_file(event_id, name if name in own else _file_name(name, event_id)): digest for name, digest in files.items()}
            _digests(files.values())
        else:
            for rel, digest in files.items():
                check_owned_path(rel, event_id)
                _digest(digest)
        corrections = tuple(Correction(**c) for c in d.get("corrections", ()))
        entry = cls(event_id, d["source"], Inputs(**d["inputs"]), d["title"], d["published"], d["modified"], d.get("summary", ""),
                    files if names_in_folder else dict(files), figures, corrections, bool(d.get("edited", False)))
        for name in ("source", "title", "published", "modified", "summary"):
            if not isinstance(getattr(entry, name), str):
                raise ValueError(f"event {event_id!r}: {name} is not text")
        return entry


class Brief(NamedTuple):
    """What planning and the index's order need of an entry, read from its manifest line without building it
    (a named tuple: 10,000 of them are made on every re-run, three times quicker than a frozen dataclass)."""

    id: str
    source: str
    inputs: Inputs
    published: str
    modified: str

    @classmethod
    def of(cls, entry: Entry) -> "Brief":
        return cls(entry.id, entry.source, entry.inputs, entry.published, entry.modified)


class _Stored:
    """An entry as its line in a sealed manifest's bytes (``body[start:end]``, ``  "ID": {...}``, no comma), its
    JSON from ``at``, and its brief from the plan index: built (and checked) when first asked for; written back as
    the bytes read."""

    __slots__ = ("body", "start", "end", "at", "entry", "brief")

    def __init__(self, body: bytes, start: int, end: int, at: int, brief: Brief):
        self.body, self.start, self.end, self.at, self.entry, self.brief = body, start, end, at, None, brief

    @property
    def json(self) -> str:
        return self.body[self.start + self.at:self.end].decode("utf-8")

    def build(self, event_id: str, where: Path | None) -> Entry:
        if self.entry is None:
            try:
                self.entry = Entry.from_dict(event_id, json.loads(self.json))
            except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
                raise single_problem(where or MANIFEST_NAME, f"not a writer manifest ({exc}); move it away or pass a fresh --out folder") from None
        return self.entry


class Entries(Mapping):
    """Event id -> Entry. An entry read from a sealed manifest (see ``Manifest.read``) stays its line until
    asked for: a re-run of 10,000 events builds the handful it publishes, lists on a changed index page or
    deletes, compares the others by their brief (source, inputs, dates), and writes their lines back as read."""

    def __init__(self, items: Mapping | None = None, where: Path | None = None):
        self._items: dict[str, Entry | _Stored] = dict(items._items if isinstance(items, Entries) else (items or {}))
        self.where = where
        self._json: dict[str, tuple[Entry, str]] = {}  # entries serialised, kept for a second to_bytes of these entries

    def __getitem__(self, event_id: str) -> Entry:
        item = self._items[event_id]
        return item if isinstance(item, Entry) else item.build(event_id, self.where)

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, event_id) -> bool:
        return event_id in self._items

    def keys(self):
        return self._items.keys()

    def item(self, event_id: str):
        """The entry as held (an Entry, or its stored line), to carry into another manifest without building it."""
        return self._items[event_id]

    def brief(self, event_id: str) -> Brief:
        item = self._items[event_id]
        return Brief.of(item) if isinstance(item, Entry) else item.brief

    def briefs(self) -> list[Brief]:
        return [self.brief(event_id) for event_id in self._items]

    def source_ids(self) -> dict[str, str]:
        """Fact file (relative source) -> event id, for every entry."""
        return {self.brief(event_id).source: event_id for event_id in self._items}

    def same(self, event_id: str, other: "Entries") -> bool:
        """Whether ``other`` holds this very entry for ``event_id`` (carried over, not rebuilt): nothing about it changed."""
        mine, theirs = self._items.get(event_id), other._items.get(event_id)
        return mine is not None and mine is theirs

    def replaced_since(self, other: "Entries") -> list[str]:
        """The ids whose entry is not the very one ``other`` holds (replaced, or new): what changed since ``other``."""
        theirs = other._items
        return [event_id for event_id, item in self._items.items() if theirs.get(event_id) is not item]

    def files_of(self, rel: str) -> str | None:
        """The digest the entry owning ``rel`` (``ID/NAME``) lists for it, None when none does."""
        owner = rel.split("/", 1)[0]
        return self[owner].files.get(rel) if owner in self._items else None

    def line(self, event_id: str) -> bytes:
        """The entry's line in the manifest (``  "ID": {...}``, UTF-8): the bytes read when it was read and not replaced, else serialised."""
        item = self._items[event_id]
        if isinstance(item, _Stored):
            return item.body[item.start:item.end]
        done = self._json.get(event_id)
        if done is None or done[0] is not item:
            # ids are safe folder names: JSON needs no escapes in them
            done = self._json[event_id] = (item, f'{EVENT_INDENT}"{event_id}": {_dumps(item.as_dict())}'.encode("utf-8"))
        return done[1]

    def body(self, ids: list[str]) -> tuple[bytes, list[int]]:
        """The event lines of ``ids`` (in that order) joined as a manifest holds them, and each line's length in bytes.
        Lines read from one file and still next to each other there are copied as one run (a re-run of 10,000
        events copies a few runs of the 14 MB it read, not 10,000 lines)."""
        runs: list[bytes] = []
        lengths: list[int] = []
        source, first, last = None, 0, 0  # the run being gathered: body[first:last] of the file read
        for event_id in ids:
            item = self._items[event_id]
            if isinstance(item, _Stored):
                lengths.append(item.end - item.start)
                if item.body is source and item.start == last + len(LINE_END):
                    last = item.end
                    continue
                if source is not None:
                    runs.append(memoryview(source)[first:last])
                source, first, last = item.body, item.start, item.end
                continue
            if source is not None:
                runs.append(memoryview(source)[first:last])
                source = None
            line = self.line(event_id)
            lengths.append(len(line))
            runs.append(line)
        if source is not None:
            runs.append(memoryview(source)[first:last])
        return LINE_END.join(runs), lengths


def _dumps(value) -> str:
    # Compact separators: the C encoder either way, and a tenth fewer bytes to read back.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _key(name: str) -> str:
    return json.dumps(name, ensure_ascii=False)


EVENTS_LINE = ' "events": {'  # the line after which formats 3 and 4 put one event a line
EVENT_INDENT = "  "
LINE_END = b",\n"  # between two event lines
EVENTS_END = "\n }\n}\n"  # after the last event's line
# The head's sha256 of everything after its own line (the plan index, the event lines), as written: a manifest
# that still hashes to it is the file this writer wrote, so its entries are built only when asked for (a re-run
# checks none of 10,000 it does not use). Any other (edited, damaged, written before the seal) is read and
# checked whole, as it always was.
SEAL = "events_sha256"
EVENTS_MARKER = ("\n" + EVENTS_LINE + "\n").encode("utf-8")
# A journal bound to a sealed manifest names it by the sha256 of its head, which holds the seal of the rest.
HEAD_BINDING = "head:"
# The plan index, the line after the seal: what planning and the index pages' order need of every entry (id,
# source, inputs, dates: a Brief), as columns, with each event line's length in bytes. A re-run reads it with
# one json.loads instead of reading 10,000 lines, and never splits the event lines apart: each stays bytes of
# the file read until it is built, and unchanged runs of them are written back as one copy. The inputs every
# entry shares (registry, templates, writer, settings) are listed once (``inputs``), each entry naming its
# tuple by position (``inputs_of``).
PLAN = "plan"
PLAN_COLUMNS = ("ids", "sources", "fact_files", "inputs_of", "published", "modified", "lengths")


def _seal_span(raw: bytes) -> tuple[int, int] | None:
    """Where a sealed manifest's sealed part starts (after the seal's line) and where its event lines' marker is;
    None when the file is not laid out so."""
    start = raw.find(EVENTS_MARKER)  # no JSON line before it can hold it: a line break inside JSON text is escaped
    if start < 0 or not raw.endswith(EVENTS_END.encode("utf-8")):
        return None
    seal_line = raw.rfind(f"\n {_key(SEAL)}: ".encode("utf-8"), 0, start)
    sealed_from = raw.find(b"\n", seal_line + 1) + 1
    if seal_line < 0 or not 0 < sealed_from <= start:
        return None
    return sealed_from, start


def _seal_holds(raw: bytes, span: tuple[int, int]) -> bool:
    """Whether the sealed part hashes to the seal its head's line holds."""
    line = raw[raw.rfind(b"\n", 0, span[0] - 1) + 1:span[0]].decode("utf-8", "replace").strip().rstrip(",")
    try:
        seal = json.loads("{" + line + "}").get(SEAL)
    except ValueError:
        return False
    return seal == hashlib.sha256(memoryview(raw)[span[0]:]).hexdigest()


@dataclass
class Manifest:
    entries: Entries = field(default_factory=Entries)  # a plain dict of id -> Entry is taken too
    site_files: dict[str, str] = field(default_factory=dict)  # index.html, feed.xml -> sha256
    settings: dict = field(default_factory=dict)
    # A journal manifest (written just before files change on disk) says, per file about to
    # change, the hash it is about to get (or None: about to be deleted). Either state is
    # then one this manifest vouches for, so a run killed mid-update leaves a consistent site.
    pending: dict[str, str | None] = field(default_factory=dict)
    site_templates: str = ""  # digest of the page templates the site files were rendered with (SitePages.digest)
    generated_by: str | None = field(default=None, repr=False, compare=False)  # the writer version that wrote it (read in the current format)
    sealed: bool = field(default=False, repr=False, compare=False)  # read as lines under a seal that held (see ``read``)
    origin: Path | None = field(default=None, repr=False, compare=False)  # the file it was read from
    raw: bytes | None = field(default=None, repr=False, compare=False)  # that file's bytes as read (a journal is bound to them)
    read_seal: str | None = field(default=None, repr=False, compare=False)  # the seal it was read under (``sealed``)
    read_stat: os.stat_result | None = field(default=None, repr=False, compare=False)  # that file's stat, taken as it was read
    written_seal: str | None = field(default=None, repr=False, compare=False)  # the seal of the bytes ``to_bytes`` made last

    @property
    def needs_seal(self) -> bool:
        """Read whole although it lists events (written before the seal, or edited): the next run writes it sealed."""
        return bool(self.entries) and not self.sealed

    def __post_init__(self) -> None:
        if not isinstance(self.entries, Entries):
            self.entries = Entries(self.entries)

    def listed(self, rel: str) -> str | None:
        """The hash this manifest lists for ``rel`` (an article's file or a site file), None when it lists none."""
        return self.site_files.get(rel) if is_site_file(rel) else self.entries.files_of(rel)

    def accepts(self, rel: str, digest: str | None) -> bool:
        """Whether a file at ``rel`` with ``digest`` (None: absent) is a state this manifest vouches for."""
        return digest == self.listed(rel) or (rel in self.pending and self.pending[rel] == digest)

    def journal(self, pending: dict[str, str | None]) -> "Manifest":
        """This manifest, also vouching for the changes in ``pending`` (rel -> new hash, None: deleted)."""
        return Manifest(self.entries, self.site_files, self.settings, dict(pending), self.site_templates)

    def journal_bytes(self, pending: dict[str, str | None]) -> bytes:
        """The journal file for the changes in ``pending``, bound to this manifest's file as read (see ``read``):
        what the whole journal manifest (``journal(pending).to_bytes``) says, in a few hundred bytes."""
        if self.raw is None:
            raise ValueError("a journal is bound to a manifest read from its file")
        doc = {"format": JOURNAL_FORMAT, "manifest": self.binding(), "pending": dict(sorted(pending.items()))}
        return (_dumps(doc) + "\n").encode("utf-8")  # compact: the C encoder (a full republish names 30,000 files)

    def binding(self) -> str:
        """What a journal names this manifest's file by (see ``read``): the sha256 of its head, through the seal of
        everything after it, when that seal holds (checked on reading, or here), so a commit does not hash the
        14 MB of a 10,000-event manifest again to bind its journal; else the sha256 of the whole file."""
        raw = self.raw if self.raw is not None else b""
        span = _seal_span(raw)
        if span is not None and (self.sealed or _seal_holds(raw, span)):
            return HEAD_BINDING + hashlib.sha256(memoryview(raw)[:span[0]]).hexdigest()
        return hashlib.sha256(raw).hexdigest()

    def to_bytes(self, writer_version: str) -> bytes:
        """One line per event, after the plan index: diffable, quick to write again, and every json.dumps stays on
        the C encoder (``indent=`` would switch the whole document to the pure-Python one, ten times slower). An
        entry read from a line and not replaced is written back as the bytes read."""
        top = [("format", _dumps(FORMAT)), ("generator", _dumps({"name": "writer", "version": writer_version})),
               ("settings", _dumps(self.settings)), ("site_templates", _dumps(self.site_templates)),
               ("site", _dumps(dict(sorted(self.site_files.items())))), ("pending", _dumps(dict(sorted(self.pending.items()))))]
        ids = sorted(self.entries)
        if not ids:
            return ("{\n" + "".join(f" {_key(k)}: {v},\n" for k, v in top) + ' "events": {}\n}\n').encode("utf-8")
        body, lengths = self.entries.body(ids)
        # One join of the whole file (14 MB at 10,000 events): each extra concatenation would copy it again.
        sealed = [f" {_key(PLAN)}: {_dumps(_plan_index(self.entries, ids, lengths))},\n{EVENTS_LINE}\n".encode("utf-8"), body,
                  EVENTS_END.encode("utf-8")]
        seal = hashlib.sha256()
        for part in sealed:
            seal.update(part)
        self.written_seal = seal.hexdigest()
        top.append((SEAL, _dumps(self.written_seal)))
        head = "{\n" + "".join(f" {_key(k)}: {v},\n" for k, v in top)
        return b"".join((head.encode("utf-8"), *sealed))

    @classmethod
    def read(cls, path: Path, writer_version: str | None = None, *, journal: bool = True, known_seal=None) -> "Manifest | None":
        """The manifest at ``path``, or None when there is none yet.

        A damaged one, or one that is not writer's, is an input error: nothing in it is
        trusted, and no path it lists may point outside the folder it describes.
        ``writer_version``: the running writer's. A manifest it wrote and sealed (its plan index and
        lines hash to the head's ``events_sha256``) keeps each entry as its line until asked for;
        building an entry checks it as a whole read does.

        ``journal``: also read the journal beside it (:func:`journal_path`), which a commit writes
        before it changes files on disk: when it names this very file (its ``binding``), its pending
        changes are this manifest's (a run was killed before it wrote the next manifest). A journal
        naming another file is left over from a commit that finished, and is ignored.

        ``known_seal(stat)``: the seal this file had when writer wrote it, if its stat is still the one taken
        then (writer.publish.verify.Verifier.known_seal), so its 14 MB need not be hashed again; None: hashed.
        """
        try:
            with open(path, "rb") as fh:
                st = os.fstat(fh.fileno())
                raw = fh.read()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise single_problem(path, f"cannot read the manifest: {exc.strerror or exc}") from None
        trusted = known_seal(st) if known_seal is not None else None
        try:
            manifest = cls._read_sealed(raw, path, writer_version, trusted) if writer_version is not None else None
            if manifest is None:
                manifest = cls._parse(json.loads(raw.decode("utf-8")))
                manifest.entries.where = path
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise single_problem(path, f"not a writer manifest ({exc}); move it away or pass a fresh --out folder") from None
        manifest.origin, manifest.raw, manifest.read_stat = path, raw, st
        if journal:
            manifest._read_journal(journal_path(path))
        return manifest

    def _read_journal(self, path: Path) -> None:
        """Add the pending changes of the journal at ``path`` when it is bound to this manifest's bytes."""
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:
            raise single_problem(path, f"cannot read the journal: {exc.strerror or exc}") from None
        try:
            doc = json.loads(data.decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != JOURNAL_FORMAT or not isinstance(doc.get("pending"), dict):
                raise ValueError("not a journal of this format")
            if doc.get("manifest") != self.binding():
                return  # the journal of an earlier manifest: the commit it guarded wrote this one
            _check_pending(doc["pending"], self.site_files, self.entries)
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise single_problem(path, f"not a writer journal ({exc}); move it away or pass a fresh --out folder") from None
        self.pending.update(doc["pending"])

    @classmethod
    def _read_sealed(cls, raw: bytes, path: Path, writer_version: str, trusted: str | None = None) -> "Manifest | None":
        """The manifest with its entries as lines, when the file is one this writer version wrote and
        sealed and the seal holds; None otherwise (the caller reads and checks the whole file).
        ``trusted``: the seal the file is known to hold to (its stat unchanged since writer wrote it)."""
        span = _seal_span(raw)
        if span is None:
            return None
        sealed_from, start = span
        try:
            head = json.loads(raw[:start].decode("utf-8") + '\n "events": {}\n}')
        except ValueError:
            return None
        generator = head.get("generator") if isinstance(head, dict) else None
        if (not isinstance(generator, dict) or head.get("format") != FORMAT or generator.get("version") != writer_version
                or not isinstance(head.get(SEAL), str) or not (head[SEAL] == trusted or head[SEAL] == hashlib.sha256(memoryview(raw)[sealed_from:]).hexdigest())):
            return None
        stored = _stored_entries(head.get(PLAN), raw, start + len(EVENTS_MARKER), len(raw) - len(EVENTS_END))
        if stored is None:
            return None  # not as this writer writes it: read it whole (which says what is wrong)
        manifest = cls._parse(head, Entries(stored, path))
        manifest.generated_by, manifest.sealed, manifest.read_seal = writer_version, True, head[SEAL]
        return manifest

    @classmethod
    def _parse(cls, data, entries: Entries | None = None) -> "Manifest":
        """``entries``: the events already read as lines (a sealed manifest), instead of ``data["events"]``."""
        if not isinstance(data, dict) or data.get("format") not in READABLE_FORMATS:
            raise ValueError(f"unknown manifest format {data.get('format') if isinstance(data, dict) else None!r}")
        parse = cls._parse_v3 if data["format"] >= 3 else cls._parse_v2  # 4: 3 with the plan index (read whole, it is not needed)
        manifest = parse(data, entries) if entries is not None else parse(data)
        settings = data.get("settings", {})
        if not isinstance(settings, dict):
            raise ValueError("settings must be an object")
        manifest.settings = settings
        generator = data.get("generator")
        # Lines can be written back as read only when they are this format's, by this writer version.
        manifest.generated_by = generator.get("version") if isinstance(generator, dict) and data["format"] == FORMAT else None
        return manifest

    @classmethod
    def _parse_v3(cls, data: dict, stored: Entries | None = None) -> "Manifest":
        events, site, pending = data["events"], data["site"], data["pending"]
        if not isinstance(events, dict) or not isinstance(site, dict) or not isinstance(pending, dict):
            raise ValueError("events, site and pending must be objects")
        if stored is not None:
            entries = stored
        else:
            built = {}
            for event_id, d in events.items():
                reason = unsafe_id_reason(event_id)
                if reason:
                    raise ValueError(reason)
                built[event_id] = Entry.from_dict(event_id, d)
            entries = Entries(built)
        for rel, digest in site.items():
            if not is_site_file(rel):
                raise ValueError(f"{rel!r} is not one of the site's own files")
            _digest(digest)
        _check_pending(pending, site, entries)
        templates = data.get("site_templates", "")
        if not isinstance(templates, str):
            raise ValueError("site_templates must be text")
        return cls(entries, dict(site), {}, dict(pending), templates)

    @classmethod
    def _parse_v2(cls, data: dict) -> "Manifest":
        """Formats 1 and 2: every file listed in the event and again in ``files`` (with ``next`` in a journal)."""
        events, files = data["events"], data["files"]
        if not isinstance(events, dict) or not isinstance(files, dict):
            raise ValueError("events and files must be objects")
        entries = {}
        for event_id, d in events.items():
            reason = unsafe_id_reason(event_id)
            if reason:
                raise ValueError(reason)
            entries[event_id] = Entry.from_dict(event_id, d, names_in_folder=False)
        site: dict[str, str] = {}
        pending: dict[str, str | None] = {}
        for rel, f in files.items():
            if f.get("event") is None:
                if not is_site_file(rel):
                    raise ValueError(f"{rel!r} is not one of the site's own files")
                site[rel] = _digest(f["sha256"])
            elif f["event"] not in entries or rel not in entries[f["event"]].files:
                raise ValueError(f"{rel!r} belongs to no listed event")
            if "next" in f:
                pending[rel] = None if f["next"] is None else _digest(f["next"])
        return cls(entries, site, {}, pending)


def _check_pending(pending: dict, site: dict, entries: Entries) -> None:
    """Raise ValueError unless every pending file is one the manifest lists, with a digest or None (deleted)."""
    for rel, nxt in pending.items():
        owner = rel.split("/")[0]
        if rel not in site and (owner not in entries or rel not in entries[owner].files):
            raise ValueError(f"{rel!r} is pending but listed nowhere")
        if nxt is not None:
            _digest(nxt)


def _plan_index(entries: Entries, ids: list[str], lengths: list[int]) -> dict:
    """The plan index of ``entries`` (see PLAN) for their lines in the order of ``ids``, ``lengths`` bytes each."""
    briefs = [entries.brief(event_id) for event_id in ids]
    shared: dict[tuple, int] = {}
    inputs_of = [shared.setdefault(b.inputs[1:], len(shared)) for b in briefs]
    return {"ids": ids, "sources": [b.source for b in briefs], "fact_files": [b.inputs.fact_file for b in briefs],
            "inputs": [list(t) for t in shared], "inputs_of": inputs_of, "published": [b.published for b in briefs],
            "modified": [b.modified for b in briefs], "lengths": lengths}


def _all_text(values: list) -> bool:
    return set(map(type, values)) <= {str}


def _stored_entries(plan, raw: bytes, start: int, end: int) -> dict[str, "_Stored"] | None:
    """The entries of the event lines in ``raw[start:end]``, each with its brief from the plan index; None when the
    index does not describe those lines as this writer writes them (the caller then reads the file whole)."""
    if not isinstance(plan, dict):
        return None
    columns, shared = [plan.get(name) for name in PLAN_COLUMNS], plan.get("inputs")
    if not all(isinstance(c, list) for c in columns) or not isinstance(shared, list):
        return None
    ids, sources, fact_files, inputs_of, published, modified, lengths = columns
    n = len(ids)
    if not n or any(len(c) != n for c in columns) or not all(_all_text(c) for c in (ids, sources, fact_files, published, modified)):
        return None
    if not all(isinstance(t, list) and len(t) == len(Inputs._fields) - 1 and _all_text(t) for t in shared):
        return None
    if set(map(type, lengths)) != {int} or set(map(type, inputs_of)) != {int} or min(inputs_of) < 0 or max(inputs_of) >= len(shared):
        return None
    if min(lengths) < 0 or sum(lengths) + len(LINE_END) * (n - 1) != end - start or len(set(ids)) != n or not all_safe_ids(ids):
        return None
    starts = list(accumulate((length + len(LINE_END) for length in lengths[:-1]), initial=start))
    prefixes = [f'{EVENT_INDENT}"{event_id}": '.encode("ascii") for event_id in ids]  # safe ids are ASCII
    # Outside JSON text a '"' is never escaped and the lines' JSON is written without spaces, so ``  "ID": `` is found
    # only where a line starts: every line where the index puts it, and the lengths summing to the body's, is every line.
    if not all(map(raw.startswith, prefixes, starts)):
        return None
    # Named tuples by their documented ``_make``: 10,000 briefs in half the time keyword construction takes (6.7 against 15.5 ms).
    shared_inputs = [tuple(t) for t in shared]
    briefs = [Brief._make((event_id, source, Inputs._make((fact_file, *shared_inputs[k])), pub, mod))
              for event_id, source, fact_file, k, pub, mod in zip(ids, sources, fact_files, inputs_of, published, modified)]
    return {brief.id: _Stored(raw, at, at + length, len(prefix), brief) for brief, at, length, prefix in zip(briefs, starts, lengths, prefixes)}


_SHA256 = re.compile(r"[0-9a-f]{64}")
_SHA256_RUN = re.compile(r"[0-9a-f]*")  # digests joined, each already known to be 64 characters long
# A published file's name inside its event's folder: no folders, no dot-names, nothing a file system treats specially.
_FILE_NAME = re.compile(r"[^/\\\x00-\x1f.][^/\\\x00-\x1f]*")


def _digests(values) -> None:
    """Raise ValueError unless every value is a sha256 digest (one expression for them all: a manifest holds 30,000)."""
    if values and not (set(map(len, values)) == {64} and _SHA256_RUN.fullmatch("".join(values))):
        raise ValueError(f"one of {sorted(values)!r} is not a sha256 digest")


def _digest(value) -> str:
    if not (isinstance(value, str) and _SHA256.fullmatch(value)):
        raise ValueError(f"{value!r} is not a sha256 digest")
    return value


def _file_name(name: object, event_id: str) -> str:
    if not (isinstance(name, str) and _FILE_NAME.fullmatch(name)):
        raise ValueError(f"file name {name!r} is not a file in the folder of event {event_id!r}")
    return name


def check_owned_path(rel: object, event_id: str) -> None:
    """A file an entry lists must be a plain file in the event's own folder (``ID/NAME``, no dot-names)."""
    if not isinstance(rel, str):
        raise ValueError(f"file path {rel!r} is not text")
    parts = rel.split("/")
    if len(parts) != 2 or parts[0] != event_id or not parts[1] or parts[1].startswith(".") or "\\" in rel or "\x00" in rel:
        raise ValueError(f"file path {rel!r} is not a file in the folder of event {event_id!r}")


def newest_first(entries):
    """Entries ordered by publication time (newest first), ties broken by id for a stable order."""
    return sorted(entries, key=lambda e: (-_instant(e.published), e.id))


@lru_cache(maxsize=1 << 16)
def _instant(iso: str) -> float:
    """Seconds since 1970 of an ISO 8601 time (kept: a re-run orders 10,000 entries three times, before and after)."""
    return datetime.fromisoformat(iso).timestamp()


def journal_path(manifest: Path) -> Path:
    """Where the journal of the manifest at ``manifest`` is kept: beside it (``manifest.journal``)."""
    return manifest.with_suffix(JOURNAL_SUFFIX)


def manifest_path(out: Path) -> Path:
    return out / MANIFEST_NAME


def shard_manifest_path(out: Path, k: int, n: int) -> Path:
    return out / STATE_DIR / f"shard-{k}-of-{n}.json"
