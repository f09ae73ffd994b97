"""CLI command `writer preview` (parsing and printing only; the work is in writer.preview)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from writer.cli_errors import reporting_errors
from writer.errors import WriterError


@click.command("preview")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="EVENT|ARTICLE")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the page here (atomically) instead of stdout.")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser (written to a temporary file without -o).")
@click.option("--watch", is_flag=True, help="Keep running and re-render when the fact file, the article, the registry or a template changes (needs -o).")
@click.option("--facts", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Fact file for an ARTICLE (default: its front matter `facts:`).")
@click.option("--templates", "templates_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), help="Folder of templates overriding the bundled ones.")
@click.option("--sources", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Source registry (default: the nearest sources.yaml).")
def preview(path: Path, output: Path | None, open_browser: bool, watch: bool, facts: Path | None, templates_dir: Path | None, sources: Path | None) -> None:
    """Show an article with the provenance of every figure, as one self-contained HTML page.

    EVENT (a fact file) is drafted first; ARTICLE (Markdown, drafted or edited)
    is checked against its fact file. Every figure is marked by status; hovering
    or focusing it shows its fact, value or range, window, every observation with
    its source and time, and what a derived figure was computed from. A side
    panel lists the check's findings and the skipped sections. Exit 0, or 2 for
    bad input.
    """
    from writer.atomic import atomic_write
    from writer.check.config import ConfigCache
    from writer.preview import preview_html

    if watch and output is None:
        raise click.UsageError("--watch re-renders a file: give it with -o FILE")
    temporary = open_browser and output is None
    if temporary:
        handle, name = tempfile.mkstemp(prefix="writer-preview-", suffix=".html")
        os.close(handle)
        output = Path(name)

    def render() -> list[Path]:
        config = ConfigCache().for_article(path)
        html, watched = preview_html(path, facts=facts, templates_dir=templates_dir, sources=sources, config=config, output=output)
        if output is None:
            sys.stdout.write(html)
            sys.stdout.flush()
        else:
            atomic_write(output, html.encode("utf-8"))
        return [*watched, *([facts] if facts else []), *([sources] if sources else [])]

    try:
        with reporting_errors():
            watched = render()
    except SystemExit:
        if temporary:  # nothing half-made is left behind
            output.unlink(missing_ok=True)
        raise
    if output is not None:
        click.echo(f"wrote {output}", err=True)
    if open_browser:
        import webbrowser

        webbrowser.open(output.resolve().as_uri())
    if not watch:
        return
    _watch(render, watched, output)


def _watch(render, watched: list[Path], output: Path) -> None:
    from writer.preview.watch import watch as poll

    def again() -> list[Path]:
        try:
            files = render()
        except (WriterError, OSError) as exc:
            click.echo(f"not re-rendered: {exc}", err=True)
            return watched
        click.echo(f"re-rendered {output}", err=True)
        return files

    click.echo(f"watching {len(watched)} files; Ctrl-C to stop", err=True)
    try:
        poll(again, watched, on_change=lambda changed: click.echo("changed: " + ", ".join(map(str, changed)), err=True))
    except KeyboardInterrupt:
        return


__all__ = ["preview"]
