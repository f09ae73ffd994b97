"""`writer facts migrate`: rewrite fact files whose meaning a registry change moved.

Each migration is one small function over the comment-keeping document of
``roundtrip`` (comments, key order and quoting survive), returning what it
changed. Nothing is written unless the rewritten text loads without a problem,
so a file is either migrated whole or left as it was.

Migrations so far:

- **unnamed groups** (registry entries with ``group: true``, such as
  ``research-institutions`` since the fact model learned unnamed groups): an
  explicit ``status: single_source`` on a figure, context statement or quote
  whose source is such a group becomes ``unnamed_group``; so does
  ``status: multi_source`` when fewer than two *named* sources remain. The
  figure's meaning does not change: the registry now says what the file
  already held, a group of sources nobody named.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from writer.errors import InputError, Problem
from writer.factbase.loader import event_files, event_from_text, nearest_registry
from writer.factbase.records import SourceRegistry
from writer.factbase.roundtrip import dump_document, load_document
from writer.factbase.yamlsource import read_text
from writer.factbase.vocabulary import Status


@dataclass(frozen=True)
class Change:
    """One rewritten field, for the report."""

    line: int  # 1-based line of the field in the original file
    field: str  # dotted field path, as in validation messages
    old: str
    new: str
    reason: str


def _sources_of(item, section: str) -> list[str]:
    if section == "facts":
        return [o.get("source") for o in item.get("observations") or [] if isinstance(o, dict)]
    if section == "context":
        return list(item.get("sources") or [])
    return [item.get("source")]


def _group_status(status: str, sources: list[str], registry: SourceRegistry) -> tuple[str, str] | None:
    """The status an element should carry now, with the reason, or None when it is still right."""
    groups = [s for s in sources if s in registry and registry[s].group]
    if not groups:
        return None
    named = {s for s in sources if s not in groups}
    if status == Status.SINGLE_SOURCE.value:
        return Status.UNNAMED_GROUP.value, f"{', '.join(groups)} is an unnamed group of sources"
    if status == Status.MULTI_SOURCE.value and len(named) < 2:
        return Status.UNNAMED_GROUP.value, f"{', '.join(groups)} is an unnamed group, so fewer than two named sources remain"
    return None


def unnamed_groups(doc, registry: SourceRegistry) -> list[Change]:
    changes = []
    for section in ("facts", "context", "quotes"):
        for i, item in enumerate(doc.get(section) or []):
            if not isinstance(item, dict) or not isinstance(item.get("status"), str):
                continue
            new = _group_status(item["status"], _sources_of(item, section), registry)
            if new is None:
                continue
            line = item.lc.key("status")[0] + 1
            changes.append(Change(line, f"{section}[{i}].status", item["status"], new[0], new[1]))
            item["status"] = new[0]
    return changes


MIGRATIONS = (unnamed_groups,)


def migrate_text(text: str, path: str | Path, registry: SourceRegistry) -> tuple[str, list[Change]]:
    """The migrated text of one fact file and what changed.

    Raises InputError (every problem, located) when the migrated file still does
    not load: the caller then writes nothing.
    """
    doc = load_document(text, path)
    changes = [c for migration in MIGRATIONS for c in migration(doc, registry)] if isinstance(doc, dict) else []
    new_text = dump_document(doc) if changes else text
    event_from_text(new_text, str(path), registry)
    return new_text, changes


@dataclass(frozen=True)
class Migrated:
    path: Path
    text: str  # the file's new text (the old text when nothing changed)
    changes: list[Change]


def migrate_files(paths, registry: SourceRegistry | None = None) -> list[Migrated]:
    """Migrate every event file under ``paths`` in memory; nothing is written here.

    Raises InputError with every problem of every file when any file would
    still not load after migration, so the caller writes all files or none.
    """
    files = event_files(paths)
    if not files:
        raise InputError([Problem(str(p), 1, 1, "", "no event files found here") for p in paths])
    done, problems = [], []
    for path in files:
        try:
            reg = registry or nearest_registry(path)
            text, changes = migrate_text(read_text(path), path, reg)
        except InputError as exc:
            problems += exc.problems
            continue
        done.append(Migrated(path, text, changes))
    if problems:
        raise InputError(problems)
    return done
