"""CLI commands for `writer draft` (parsing and printing only; the work is in writer.draft)."""

from __future__ import annotations

import click


@click.command("draft")
def draft() -> None:
    """Not built yet (placeholder replaced by the draft issue)."""
    raise click.UsageError("writer draft is not built yet")
