"""The site manifest: what was published, from which inputs, with which content hashes.

It is the memory of incremental builds (an event is rebuilt only when one of
its recorded inputs changed), the list of files writer owns (so writer never
deletes a file it did not write), and what the index and feed are built from
(so a run that rebuilds one article does not re-draft the other 9,999 to list
them). It holds no timestamps of the run and no job or shard details, so the
same inputs always give the same bytes whatever the job count or sharding.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from writer.errors import single_problem

MANIFEST_NAME = "manifest.json"
STATE_DIR = ".writer"  # shard manifests live here, out of the published tree
FORMAT = 1


@dataclass(frozen=True)
class Inputs:
    """Everything an article's bytes depend on; any change means a rebuild."""

    fact_file: str  # sha256 of the fact file's bytes
    registry: str  # sha256 of the source registry's bytes
    templates: str  # the drafter's digest of templates and house style
    writer: str  # writer's version
    settings: str  # sha256 of the site settings (desk, title, base URL...) and the check's configuration

    def as_dict(self) -> dict:
        return {"fact_file": self.fact_file, "registry": self.registry, "templates": self.templates, "writer": self.writer, "settings": self.settings}


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
    files: dict[str, str]  # site-relative path -> sha256

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "inputs": self.inputs.as_dict(),
            "title": self.title,
            "published": self.published,
            "modified": self.modified,
            "summary": self.summary,
            "files": dict(sorted(self.files.items())),
        }

    @classmethod
    def from_dict(cls, event_id: str, d: dict) -> "Entry":
        return cls(event_id, d["source"], Inputs(**d["inputs"]), d["title"], d["published"], d["modified"], d.get("summary", ""), dict(d["files"]))


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def _obj(items, indent: str) -> str:
    body = f",\n{indent} ".join(f"{json.dumps(k, ensure_ascii=False)}: {v}" for k, v in items)
    return "{\n" + indent + " " + body + "\n" + indent + "}" if body else "{}"


def _file_lines(entry: Entry) -> list[tuple[str, str]]:
    eid = json.dumps(entry.id)
    return [(path, f'{{"sha256": "{digest}", "event": {eid}}}') for path, digest in entry.files.items()]


@dataclass
class Manifest:
    entries: dict[str, Entry] = field(default_factory=dict)
    site_files: dict[str, str] = field(default_factory=dict)  # index.html, feed.xml -> sha256
    settings: dict = field(default_factory=dict)
    # Entries serialised ahead of time: id -> (the Entry, its JSON, its file lines). Used
    # only while the manifest still holds that very Entry object.
    _staged: dict[str, tuple[Entry, str, list[tuple[str, str]]]] = field(default_factory=dict, repr=False, compare=False)

    def by_source(self) -> dict[str, Entry]:
        return {e.source: e for e in self.entries.values()}

    def prepare(self, entries) -> None:
        """Serialise ``entries`` now, so that a later ``to_bytes`` holding them is quick."""
        for e in entries:
            staged = self._staged.get(e.id)
            if staged is None or staged[0] is not e:
                self._staged[e.id] = (e, _dumps(e.as_dict()), _file_lines(e))

    def adopt(self, other: "Manifest") -> None:
        self._staged = other._staged

    def _serialised(self, event_id: str) -> tuple[str, list[tuple[str, str]]]:
        entry = self.entries[event_id]
        staged = self._staged.get(event_id)
        if staged is not None and staged[0] is entry:
            return staged[1], staged[2]
        return _dumps(entry.as_dict()), _file_lines(entry)

    def to_bytes(self, writer_version: str) -> bytes:
        """One line per event and per file: diffable, and every json.dumps stays on the C encoder
        (``indent=`` would switch the whole document to the pure-Python one, ten times slower)."""
        ids = sorted(self.entries)
        files: list[tuple[str, str]] = []
        events_items = []
        for event_id in ids:
            text, lines = self._serialised(event_id)
            events_items.append((event_id, text))
            files.extend(lines)
        files.extend((path, f'{{"sha256": "{digest}", "event": null}}') for path, digest in self.site_files.items())
        files.sort()
        events = _obj(events_items, " ")
        top = [("format", _dumps(FORMAT)), ("generator", _dumps({"name": "writer", "version": writer_version})),
               ("settings", _dumps(self.settings)), ("events", events), ("files", _obj(files, " "))]
        return (_obj(top, "") + "\n").encode("utf-8")

    @classmethod
    def read(cls, path: Path) -> "Manifest | None":
        """The manifest at ``path``, or None when there is none yet. A damaged one is an input error."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            data = json.loads(raw)
            if data.get("format") != FORMAT:
                raise ValueError(f"unknown manifest format {data.get('format')!r}")
            entries = {k: Entry.from_dict(k, v) for k, v in data["events"].items()}
            site = {p: f["sha256"] for p, f in data["files"].items() if f.get("event") is None}
            return cls(entries, site, data.get("settings", {}))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise single_problem(path, f"not a writer manifest ({exc}); move it away or pass a fresh --out folder") from None


def shard_manifest_path(out: Path, k: int, n: int) -> Path:
    return out / STATE_DIR / f"shard-{k}-of-{n}.json"
