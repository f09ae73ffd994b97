"""CLI command `writer draft` (parsing and printing only; the work is in writer.draft)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from writer.cli_errors import reporting_errors
from writer.collector import paused as collector_paused

FORMATS = ("md", "html", "json")


@click.command("draft")
@click.argument("event", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True, help="Markdown with front matter, a standalone HTML page, or the JSON claim map.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here (atomically) instead of stdout.")
@click.option("--templates", "templates_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), help="Folder of templates overriding the bundled ones (style.yaml, layouts.yaml, sections/*.j2).")
@click.option("--sources", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Source registry (default: the nearest sources.yaml).")
@click.option("--check/--no-check", "run_check", default=True, show_default=True, help="Also run the provenance check (writer check) on the draft before returning it.")
def draft(event: Path, fmt: str, output: Path | None, templates_dir: Path | None, sources: Path | None, run_check: bool) -> None:
    """Draft an article from one EVENT fact file.

    Every figure is printed with the attribution and caveat its provenance
    requires; sections whose facts are missing are skipped and listed on
    stderr. Exit 0 on success, 1 when the draft fails its own check, 2 for
    bad input (nothing is written).
    """
    # No collection while one event is loaded and drafted: many objects, few cycles; they live
    # until the command exits, so they are frozen rather than walked when collection resumes
    # (writer.collector).
    with reporting_errors(), collector_paused(freeze=True):
        from writer.draft import Drafter
        from writer.factbase.loader import load_event, load_registry

        loaded = load_event(event, load_registry(sources) if sources else None)
        drafter = Drafter(templates_dir, run_check=run_check)
        facts_path = os.path.relpath(event.resolve(), output.resolve().parent) if output else str(event)
        result = drafter.draft(loaded, facts_path=Path(facts_path).as_posix())
    for section, reason in result.skipped:
        what = f"caveat {section.removeprefix('caveat:')!r}" if section.startswith("caveat:") else f"section {section!r}"
        click.echo(f"skipped {what}: {reason}", err=True)
    # Only the format asked for is built: the HTML page is rendered on first use, a third of a draft.
    text = {"md": lambda: result.markdown, "html": lambda: result.html, "json": result.to_json}[fmt]()
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from writer.atomic import atomic_write  # the same temp-then-rename write as batch publishing

    with reporting_errors():
        atomic_write(output, text.encode("utf-8"))
