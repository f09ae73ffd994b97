"""The ``writer`` command line: parse arguments, call the library, print.

Nothing here decides anything about facts, articles or provenance; it maps
library results to output and library errors to exit codes:
0 success, 1 findings or rejected events, 2 usage or input error.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from writer import __version__
from writer.cli_errors import reporting_errors
from writer.errors import InputError, Problem


def _dump_json(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="writer")
def main() -> None:
    """Editorial assistant for crypto-market news desks.

    Every figure in the fact base carries its provenance; drafts and checks
    make sure no article prints a number with more certainty than its source allows.
    """


# --- writer facts -----------------------------------------------------------


@main.group()
def facts() -> None:
    """Validate and inspect fact files."""


@facts.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--sources", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Source registry (default: the nearest sources.yaml).")
def facts_validate(paths: tuple[Path, ...], sources: Path | None) -> None:
    """Check fact files (files or folders). Exit 0 when all are valid, 2 otherwise."""
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
    """Show every figure of EVENT with its status, value or range, qualifiers and sources."""
    from writer.factbase.export import event_record, facts_table

    loaded = _load_one(event, sources)
    click.echo(_dump_json(event_record(loaded)) if fmt == "json" else facts_table(loaded))


@facts.command("schema")
@click.option("--registry", is_flag=True, help="Print the schema of sources.yaml instead of an event file.")
def facts_schema(registry: bool) -> None:
    """Print the JSON Schema of an event file (for editor completion and validation)."""
    from writer.factbase.schema import event_schema, registry_schema

    click.echo(_dump_json(registry_schema() if registry else event_schema()))


# The other commands live one module each so they can grow without crowding this file.
from writer.cli_batch import batch  # noqa: E402
from writer.cli_check import check_commands  # noqa: E402
from writer.cli_draft import draft  # noqa: E402
from writer.cli_preview import preview  # noqa: E402

main.add_command(draft)
main.add_command(preview)
main.add_command(batch)
for _command in check_commands:
    main.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    main()
