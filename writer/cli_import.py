"""CLI command `writer import` (parsing and printing only; the work is in writer.importers)."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from writer.cli_errors import reporting_errors

FORMATS = ("binance", "bybit", "okx", "coinglass")


def _as_of(ctx, param, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        t = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO 8601 time (2026-11-21T07:30:00+00:00)") from None
    if t.tzinfo is None:
        raise click.BadParameter(f"{value!r} has no time zone (add +00:00 or Z)")
    return t


def _window(ctx, param, value: str | None) -> str | None:
    from writer.factbase.vocabulary import WINDOW_RE

    if value is not None and not WINDOW_RE.match(value):
        raise click.BadParameter(f"{value!r} is not a window (60m, 4h, 24h, 1d)")
    return value


@click.command("import")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(FORMATS))
@click.argument("capture", metavar="FILE", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--event", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path), help="The event fact file to add the figures to.")
@click.option("--dry-run", is_flag=True, help="Print the changes as a unified diff and write nothing.")
@click.option("--window", callback=_window, help="The window the figures stand for (default: the capture's own span; for CoinGlass exchange lists, the export's range).")
@click.option("--as-of", "as_of", callback=_as_of, help="When a CoinGlass export was taken, if the file does not say (ISO 8601 with a time zone).")
@click.option("--sources", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Source registry (default: the nearest sources.yaml).")
def import_command(fmt: str, capture: Path, event: Path, dry_run: bool, window: str | None, as_of: datetime | None, sources: Path | None) -> None:
    """Add the figures of a liquidation feed capture or an aggregator export to EVENT.

    FORMAT is binance (forceOrder stream), bybit (allLiquidation topic), okx
    (liquidation-orders) or coinglass (coin list or exchange list, JSON).
    Sampled feeds give floors and are marked so. Re-importing the same file
    changes nothing; a longer capture of the same feed revises the earlier
    figures. Exit 0 on success, 2 for bad input (nothing is written).
    """
    with reporting_errors():  # the CLI's one path from library errors to messages and exit codes
        from writer.factbase.loader import load_registry
        from writer.importers.run import import_file, write

        registry = load_registry(sources) if sources else None
        result = import_file(fmt, capture, event, registry=registry, window=window, as_of=as_of)
        if not dry_run:
            write(result)
    if dry_run:
        sys.stdout.write(result.diff())
    for note in result.skipped:
        click.echo(f"left out {note}", err=True)
    counts = {kind: sum(c.kind == kind for c in result.changes) for kind in ("added", "revised", "updated", "unchanged")}
    verb = "would change" if dry_run else "changed"
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n)
    click.echo(f"{event}: {summary}" + (f" ({verb})" if result.changed else " (nothing to change)"), err=True)
