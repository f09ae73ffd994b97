"""CLI commands for `writer batch` (parsing and printing only; the work is in writer.batch)."""

from __future__ import annotations

import click


@click.command("batch")
def batch() -> None:  # noqa: D401
    """Not built yet (placeholder replaced by the batch issue)."""
    raise click.UsageError("writer batch is not built yet")
