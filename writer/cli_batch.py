"""`writer batch`: parse options, run writer.publish, print progress and the report.

Exit codes: 0 everything published or unchanged, 1 some event rejected,
2 usage or input error (bad option, no fact files, damaged manifest, templates
that do not compile), 130 stopped by SIGINT (Ctrl-C) and 143 by SIGTERM (workers
stopped, nothing committed: writer.publish.interrupt).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from writer.cli_errors import reporting_errors
from writer.errors import WriterError


def _shard(ctx, param, value):
    if value is None:
        return None
    from writer.publish import Shard

    try:
        return Shard.parse(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


class _Progress:
    """A bar on a terminal; in CI (no TTY) a plain line every tenth of the work and one per rejection."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.tty = sys.stderr.isatty()
        self.bar = None
        self.next_line = 0

    def __call__(self, done: int, total: int, outcome) -> None:
        if not self.enabled:
            return
        if self.tty:
            if self.bar is None:
                self.bar = click.progressbar(length=total, label="publishing", file=sys.stderr, show_pos=True)
                self.bar.__enter__()
            self.bar.update(1)
            if outcome.rejection is not None:
                self.bar.render_finish()
                click.echo(_rejection_line(outcome.rejection), err=True)
            if done == total:
                self.bar.__exit__(None, None, None)
            return
        if outcome.rejection is not None:
            click.echo(_rejection_line(outcome.rejection), err=True)
        if done >= self.next_line or done == total:
            click.echo(f"batch: {done}/{total} events processed", err=True)
            self.next_line = done + max(1, total // 10)


def _rejection_line(r) -> str:
    tail = " (previous version kept)" if r.kept_previous else ""
    return f"{r.location()}: {r.code}: rejected {r.event or '(unknown id)'}: {r.reason}{tail}"


def _damaged_line(out: Path, rel: str) -> str:
    return f"{out / rel}: differs from what writer published (edited or damaged on disk); left as it is, run with --force to restore it"


def _text_report(report, merged: bool) -> str:
    lines = [_rejection_line(r) for r in report.rejected] + [_damaged_line(Path(report.out), rel) for rel in report.damaged]
    events = f"{len(report.unchanged)} event{'s' if len(report.unchanged) != 1 else ''} unchanged"
    if report.nothing_built and not report.rejected and not report.damaged:
        lines.append(f"nothing to do: {events}, site up to date")
    elif report.nothing_built and not report.rejected:
        lines.append(f"nothing rebuilt: {events}; {len(report.damaged)} published file{'s differ' if len(report.damaged) != 1 else ' differs'} from the manifest")
    else:
        what = "merged" if merged else "published"
        lines.append(
            f"{len(report.published)} {what}, {len(report.unchanged)} unchanged, {len(report.rejected)} rejected"
            + (f", {len(report.removed)} removed" if report.removed else "")
            + (f"; wrote {', '.join(report.site_written)}" if report.site_written else "; site files unchanged")
            + f" in {report.seconds:.2f} s"
        )
        if report.corrected:
            lines.append(f"correction notes added to {', '.join(report.corrected)}")
        kept = [r for r in report.rejected if r.kept_previous]
        if kept:
            lines.append(f"{len(kept)} rejected event{'s' if len(kept) != 1 else ''} keep their previously published version")
    return "\n".join(lines)


@click.command("batch")
@click.argument("paths", nargs=-1, metavar="FACTBASE | SHARD_DIR...", type=click.Path(path_type=Path))
@click.option("--out", "-o", required=True, type=click.Path(file_okay=False, path_type=Path), help="Site folder to write (created if missing).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where events are published: processes on this machine, or a Dask cluster (pip install 'writer[dask]').")
@click.option("--scheduler", metavar="ADDRESS", default=None, help="Dask scheduler address (tcp://HOST:8786); default with --executor dask: a local cluster of --jobs workers.")
@click.option("--shard", callback=_shard, metavar="K/N", help="Build only shard K of N (a stable hash of the event id); join with --merge.")
@click.option("--merge", is_flag=True, help="Join shard outputs (in --out and in PATHS folders) into one index, feed and manifest.")
@click.option("--force", is_flag=True, help="Rebuild every event even when its inputs are unchanged.")
@click.option("--verify", is_flag=True,
              help="Check every published file against the manifest (by stat, hashing what changed): report edited ones, publish missing ones again. "
                   "Without it, unchanged events' files are trusted as the last run left them.")
@click.option("--templates", "templates_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), help="Template folder (default: the bundled house templates).")
@click.option("--articles", "articles_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of edited articles, published instead of drafts after the check (default: articles/ beside FACTBASE, if any).")
@click.option("--sources", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Source registry for every event (default: the nearest sources.yaml).")
@click.option("--desk", default=None, help="Desk name: the articles' author and publisher.")
@click.option("--title", "site_title", default=None, help="Site title (index page and feed).")
@click.option("--base-url", default=None, help="Absolute http(s) URL of the site root, for canonical links, feed ids and sitemap.xml.")
@click.option("--timezone", "timezone", default=None, metavar="ZONE", help="The desk's IANA time zone: dates on pages are shown in it (default UTC).")
@click.option("--feed-size", type=click.IntRange(min=1), default=None, help="Entries in the Atom feed (default 50).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Report format.")
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
def batch(paths, out, jobs, executor, scheduler, shard, merge, force, verify, templates_dir, articles_dir, sources, desk, site_title, base_url, timezone,
          feed_size, fmt, quiet) -> None:
    """Publish every event under FACTBASE as a checked static site in --out.

    Per event: an HTML page with schema.org NewsArticle JSON-LD, the Markdown and
    the JSON claim map; plus index.html (newest first) and feed.xml (Atom). Only
    events whose inputs changed are rebuilt; an event that fails its check is not
    published and is reported with file, line and code. An edited article (in
    --articles, started with `writer draft EVENT -o articles/ID.md`) is published
    instead of the draft while it agrees with the facts. Writer's bookkeeping
    (manifest, lock, caches) is in --out/.writer/: deploy the folder without it.

    A republish that changes a printed figure adds a dated correction note (the date:
    SOURCE_DATE_EPOCH when set, else now). With --merge, PATHS are shard output
    folders (besides --out itself).
    """
    from writer.publish import BatchOptions, build_site, merge_shards

    settings, given = _site_settings(desk, site_title, base_url, timezone, feed_size)
    if merge:
        if shard or force or verify or jobs or articles_dir or executor != "local" or scheduler:
            raise click.UsageError("--merge joins finished shards; it takes no --shard, --force, --verify, --jobs, --articles, --executor or --scheduler")
        run = lambda: merge_shards(out, list(paths), settings if given else None, templates_dir)  # noqa: E731
    else:
        _check_build_arguments(paths, executor, scheduler)
        options = BatchOptions(out=out, jobs=jobs, shard=shard, force=force, templates_dir=templates_dir, settings=settings, registry=sources,
                               articles=articles_dir, executor=executor, scheduler=scheduler, verify=verify, one_shot=True)
        progress = _Progress(enabled=not quiet)
        run = lambda: build_site(paths[0], options, progress=progress)  # noqa: E731
    from writer.publish.interrupt import signals_stop_the_run

    with reporting_errors(), signals_stop_the_run():  # the CLI's one path from library errors to messages and exit codes
        report = run()
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(_text_report(report, merge))
    sys.exit(report.exit_code)


def _site_settings(desk, site_title, base_url, timezone, feed_size):
    """The site's settings from the options given (the defaults for the rest) and whether any was given."""
    from writer.publish import SiteSettings

    defaults = SiteSettings()
    given = any(v is not None for v in (desk, site_title, base_url, timezone, feed_size))
    try:
        settings = SiteSettings(
            desk=desk if desk is not None else defaults.desk,
            title=site_title if site_title is not None else defaults.title,
            base_url=base_url if base_url is not None else defaults.base_url,
            feed_size=feed_size if feed_size is not None else defaults.feed_size,
            timezone=timezone if timezone is not None else defaults.timezone,
        )
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    return settings, given


def _check_build_arguments(paths, executor, scheduler) -> None:
    """A build takes one fact base; --scheduler only with --executor dask, and a scheduler that answers."""
    if scheduler and executor != "dask":
        raise click.UsageError("--scheduler needs --executor dask")
    if scheduler:
        from writer.publish.executors import check_scheduler

        try:
            check_scheduler(scheduler)  # before anything is written
        except WriterError as exc:
            raise click.UsageError(str(exc)) from None
    if len(paths) != 1:
        raise click.UsageError("give exactly one FACTBASE (a folder of event files, or one event file)")
