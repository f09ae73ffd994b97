"""CLI commands `writer facts ...` (parsing and printing only; the work is in writer.factbase)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from writer.cli_errors import EXIT_FINDINGS, reporting_errors
from writer.errors import InputError, Problem, single_problem


def _dump_json(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False)


@click.group()
def facts() -> None:
    """Write, validate and inspect fact files."""


@facts.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--sources", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Source registry (default: the nearest sources.yaml).")
def facts_validate(paths: tuple[Path, ...], sources: Path | None) -> None:
    """Check fact files (files or folders): every problem in every file, in one run. Exit 0 when all are valid, 2 otherwise."""
    from writer.factbase.loader import event_files, load_factbase, load_registry

    with reporting_errors():
        registry = load_registry(sources) if sources else None
        files = event_files(paths)
        if not files:
            raise InputError([Problem(str(p), 0, 0, "", "no event files found here") for p in paths])
        events, problems = load_factbase(paths, registry)
        if problems:
            raise InputError(problems)
    click.echo(f"{len(events)} event file{'s' if len(events) != 1 else ''} valid")


def _load_one(event: Path, sources: Path | None):
    from writer.factbase.loader import load_event, load_registry

    with reporting_errors():
        return load_event(event, load_registry(sources) if sources else None)


@facts.command("show")
@click.argument("event", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--sources", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Source registry (default: the nearest sources.yaml).")
def facts_show(event: Path, fmt: str, sources: Path | None) -> None:
    """Show every figure of EVENT with its status, value or range, hedge, qualifiers and sources."""
    from writer.factbase.export import event_record, facts_table

    loaded = _load_one(event, sources)
    click.echo(_dump_json(event_record(loaded)) if fmt == "json" else facts_table(loaded))


@facts.command("schema")
@click.option("--registry", is_flag=True, help="Print the schema of sources.yaml instead of an event file.")
def facts_schema(registry: bool) -> None:
    """Print the JSON Schema of an event file (for editor completion and validation)."""
    from writer.factbase.schema import event_schema, registry_schema

    click.echo(_dump_json(registry_schema() if registry else event_schema()))


@facts.command("migrate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--sources", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Source registry (default: the nearest sources.yaml).")
@click.option("--check", "check_only", is_flag=True, help="Write nothing; exit 1 when a file would change.")
def facts_migrate(paths: tuple[Path, ...], sources: Path | None, check_only: bool) -> None:
    """Rewrite fact files (files or folders) whose meaning a registry change moved, keeping their comments.

    Every change is listed (file:line: field: old -> new, and why). Nothing is
    written unless every file loads after its migration (exit 2 with every
    problem otherwise); files are replaced atomically. Exit 0 when done or
    nothing needed changing; with --check, exit 1 when something would change.
    """
    from writer.atomic import atomic_write
    from writer.factbase.loader import load_registry
    from writer.factbase.migrate import migrate_files

    with reporting_errors():
        migrated = migrate_files(paths, load_registry(sources) if sources else None)
        changed = [m for m in migrated if m.changes]
        for m in changed:
            for c in m.changes:
                click.echo(f"{m.path}:{c.line}: {c.field}: {c.old} -> {c.new} ({c.reason})")
            if not check_only:
                atomic_write(m.path, m.text.encode("utf-8"))
    verb = "would change" if check_only else "changed"
    click.echo(f"{len(changed)} of {len(migrated)} event file{'s' if len(migrated) != 1 else ''} {verb}", err=True)
    if check_only and changed:
        sys.exit(EXIT_FINDINGS)


@facts.command("new")
@click.argument("event_id")
@click.option("--from", "from_event", type=click.Path(path_type=Path), help="Start from this event's shape (its values, times and notes emptied).")
@click.option("--dir", "folder", type=click.Path(file_okay=False, path_type=Path), help="Folder for the new file (default: factbase/events if it exists, else here).")
def facts_new(event_id: str, from_event: Path | None, folder: Path | None) -> None:
    """Write EVENT_ID.yaml: a commented skeleton with the schema line for the YAML language server.

    Never overwrites a file. The schema file (event.schema.json) is written
    beside sources.yaml when it is missing.
    """
    from writer.factbase.loader import find_registry
    from writer.factbase.skeleton import blank, check_new_id, create_new, from_event as shaped, schema_ref, write_schema_if_missing

    with reporting_errors():
        check_new_id(event_id)
        if folder is None:
            folder = Path("factbase/events") if Path("factbase/events").is_dir() else Path(".")
        if not folder.is_dir():
            raise single_problem(folder, "no such folder")
        target = folder / f"{event_id}.yaml"
        registry = find_registry(target)
        ref, schema = schema_ref(target, registry.parent if registry else None)
        text = shaped(event_id, from_event, ref) if from_event is not None else blank(event_id, ref, target.name)
        create_new(target, text)
        if write_schema_if_missing(schema):
            click.echo(f"wrote {schema} (the JSON Schema the first line points at)", err=True)
    click.echo(str(target))
