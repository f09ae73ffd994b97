"""CLI commands for `writer check` (parsing and printing only; the work is in writer.check)."""

from __future__ import annotations

import click


@click.command("check")
def check() -> None:
    """Not built yet (placeholder replaced by the check issue)."""
    raise click.UsageError("writer check is not built yet")


# `writer check`, `writer rules` and `writer rule CODE` are registered together.
check_commands = [check]
