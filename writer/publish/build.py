"""A batch build in four named steps: clean, plan, build, commit.

- **clean**: empty this build's stage and temporary folders (a killed run's leftovers);
- **plan**: read and hash every fact file and edited article, compare with the
  manifest, and decide what to publish (:mod:`writer.publish.plan`);
- **build**: publish the events that changed, in this process or across
  processes (:mod:`writer.publish.pool`); each writes its files to the stage;
- **commit**: move staged files into the site, write the index, feed and
  manifest, delete what is gone, in an order that keeps the visible site
  consistent with its manifest at every instant (:mod:`writer.publish.commit`).

Staleness is decided from content hashes only (fact file bytes, registry
bytes, edited article bytes, templates digest, writer's version and code
(:mod:`writer.publish.identity`), site settings), never timestamps; a file whose stat (size, ctime, inode) is what
it was when last hashed is not read again (:mod:`writer.publish.verify`), so a
run with nothing changed stats the fact files, compares their hashes with the
manifest's entries (read as lines, :class:`writer.publish.manifest.Entries`),
and stops. Unchanged events' published files are trusted as the last run left
them; ``BatchOptions.verify`` (``--verify``) checks every one.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from writer import __version__
from writer.atomic import empty_folder, sha256_bytes, sha256_file
from writer.errors import InputError, Interrupted, Problem, single_problem
from writer.factbase.files import event_file_names
from writer.collector import paused as collector_paused
from writer.publish.commit import Change, Layout, clean, commit, deletions_for, remove_legacy_manifest, stage_site_file
from writer.publish.edited import default_articles_dir, find_articles
from writer.publish.identity import writer_identity
from writer.publish.interrupt import uninterrupted
from writer.publish.lock import build_lock
from writer.publish.manifest import MANIFEST_NAME, STATE_DIR, Entries, Entry, Manifest, is_site_file
from writer.publish.plan import Plan, decide, inputs_key, quick_id, scan
from writer.publish.pool import IN_PROCESS_UP_TO, LocalExecutor, Progress, PublishSetup, default_jobs, pipeline_part
from writer.publish.rejection import Rejection, reject
from writer.publish.settings import SiteSettings
from writer.publish.shard import Shard, shard_of
from writer.publish.sitefiles import render_site_files, site_file_names, unchanged_site_files
from writer.publish.sitetemplates import digest_with, files_digest, site_template_dirs
from writer.publish.verify import OK, Verifier
from writer.publish.worker import Outcome, check_config, facts_root_name, inputs_digest

__all__ = ["BatchOptions", "BatchReport", "Shard", "build_site", "default_jobs", "merge_shards", "quick_id", "shard_of"]


@dataclass
class BatchOptions:
    out: Path
    jobs: int | None = None  # None: all cores
    shard: Shard | None = None
    force: bool = False
    templates_dir: Path | None = None
    settings: SiteSettings = field(default_factory=SiteSettings)
    registry: Path | None = None  # one registry for every event (default: the nearest sources.yaml)
    articles: Path | None = None  # edited articles (default: articles/ beside the fact base, when it exists)
    now: datetime | None = None  # the moment of this run, for correction dates (default: SOURCE_DATE_EPOCH, else the clock)
    executor: str = "local"  # where events are published: "local" processes or "dask" (writer.publish.executors)
    scheduler: str | None = None  # a Dask scheduler's address (default: a local Dask cluster of `jobs` workers)
    verify: bool = False  # check every published file of the unchanged events against the manifest (else only those a killed run left pending)
    # The process ends after this build (the command line): what the build makes while the collector is paused
    # (the manifest's 10,000 lines and briefs, the plan, a re-run's imports) lives until the end, so it is frozen
    # (writer.collector.paused) rather than walked by the collection that resuming starts (about 40 of a one-changed
    # re-run's CPU-ms; bench/results/batch_rerun_freeze.md). A library caller keeps the default: it is all collectable.
    one_shot: bool = False


@dataclass
class BatchReport:
    published: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)  # published files whose bytes differ from the manifest (left as they are)
    corrected: list[str] = field(default_factory=list)  # events republished with a new correction note
    site_written: list[str] = field(default_factory=list)  # index.html, feed.xml, the manifest when (re)written
    files_written: int = 0
    seconds: float = 0.0
    shard: str | None = None
    out: str = ""

    @property
    def exit_code(self) -> int:
        return 1 if self.rejected or self.damaged else 0

    @property
    def nothing_built(self) -> bool:
        return not (self.published or self.removed or self.site_written)

    def as_dict(self) -> dict:
        return {
            "published": self.published,
            "unchanged": self.unchanged,
            "rejected": [r.as_dict() for r in self.rejected],
            "removed": self.removed,
            "damaged": self.damaged,
            "corrected": self.corrected,
            "site_files_written": self.site_written,
            "files_written": self.files_written,
            "shard": self.shard,
            "out": self.out,
            "seconds": round(self.seconds, 3),
        }


def run_moment(given: datetime | None = None) -> datetime:
    """When this run happens: ``given``, else ``SOURCE_DATE_EPOCH`` (reproducible builds), else the clock (UTC, whole seconds)."""
    if given is not None:
        return given
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise single_problem("SOURCE_DATE_EPOCH", f"must be a whole number of seconds since 1970, not {epoch!r}") from None
    return datetime.now(timezone.utc).replace(microsecond=0)


# --- the build ----------------------------------------------------------------------


def build_site(factbase: Path, options: BatchOptions, *, progress: Progress | None = None) -> BatchReport:
    """Build (or bring up to date) the site for every event under ``factbase`` into ``options.out``.

    Raises InputError (exit 2) for problems that stop the whole run: no fact
    files, an unreadable manifest, templates that do not compile, another
    build running on the same folder. Problems with one event become
    rejections in the report.
    """
    started = time.perf_counter()
    factbase, out = Path(factbase), Path(options.out)
    if not factbase.exists():
        raise single_problem(factbase, "no such file or folder")
    if not (factbase.is_dir() or factbase.is_file()):
        raise single_problem(factbase, "not a folder of fact files nor a fact file (a device, a FIFO or a socket?)")
    if options.registry is not None and not Path(options.registry).is_file():
        raise single_problem(options.registry, "the source registry is not a regular file")
    out.mkdir(parents=True, exist_ok=True)
    layout = Layout(out, options.shard)
    with build_lock(layout.state, layout.lock_name):
        with collector_paused(freeze=options.one_shot):  # 10,000 names and stats, the check's configuration: no garbage
            clean(layout)
            files = event_file_names([factbase])
            if not files:
                raise single_problem(factbase, "no event files (*.yaml) found")
            config = check_config()
            stats: dict[str, os.stat_result] = {}
            verifier = Verifier(layout.out, layout.verified, layout.tmp, stats, articles=layout.verified_articles if options.verify else None)
            writer_id = writer_identity(verifier)  # writer's version and code: an input of every page
            pages = SiteRenderer(options.settings, options.templates_dir, writer_id)
            facts_root = facts_root_name(factbase if factbase.is_dir() else factbase.parent)
            setup = PublishSetup(out, layout.stage, options.settings, options.templates_dir, config, run_moment(options.now), writer_id, facts_root)
            executor = LocalExecutor(setup, options.jobs or default_jobs(), likely=_likely_changed(files, layout.manifest, stats),
                                     kind=options.executor, scheduler=options.scheduler, pages=pages.compiled, freeze=options.one_shot,
                                     notes=layout.workers)
        try:
            report = _build(factbase, files, options, layout, executor, pages, inputs_digest(options.settings, config, facts_root),
                            progress, verifier)
        except BaseException as exc:
            _stop(executor, layout, exc)
            raise
    report.seconds = time.perf_counter() - started
    return report


def _stop(executor: LocalExecutor | None, layout: Layout, exc: BaseException) -> None:
    """A build that did not finish (an error, a signal: writer.publish.interrupt): its workers stopped at once,
    mid-event, and what they staged removed. Unless the signal came during the commit (which it lets
    finish), nothing of this run is in the site."""
    if executor is not None:
        executor.close(abandon=True)
    clean(layout)
    if isinstance(exc, Interrupted):
        exc.outcome = ("the commit it arrived during was finished: the site is this run's, complete" if exc.committed else
                       "worker processes stopped, nothing committed: the site is as the last run left it")


class SiteRenderer:
    """The site's settings and page templates: their digest at once (an input of every article), the
    compiled pages (Jinja2, babel) only when something is rendered. ``rendered_with``: the digest of
    what the site's own files (index pages, feed, sitemap) are rendered with, the page templates and
    writer's code (``writer_id``), kept in the manifest: a change to either renders them again."""

    def __init__(self, settings: SiteSettings, templates_dir: Path | None, writer_id: str):
        self.settings = settings
        self.dirs = [templates_dir] if templates_dir else []
        self.digest = files_digest(site_template_dirs(self.dirs))
        self.writer_id = writer_id
        self.rendered_with = digest_with(writer_id, self.digest)
        self._pages = None

    def digest_with(self, templates_digest: str) -> str:
        return digest_with(templates_digest, self.digest)

    def compiled(self):
        """The page renderer (writer.publish.pages.SitePages); a page template that does not compile is an input error (exit 2)."""
        if self._pages is None:
            from writer.publish.pages import SitePages

            self._pages = pipeline_part(SitePages, self.settings, self.dirs)
        return self._pages


def _build(factbase: Path, files: list[str], options: BatchOptions, layout: Layout, executor: LocalExecutor, pages: SiteRenderer,
           config_digest: str, progress: Progress | None, verifier: Verifier) -> BatchReport:
    with collector_paused(freeze=options.one_shot):
        prior = layout.read_prior(verifier)
        plan = _plan(factbase, files, options, prior, executor, pages, config_digest, verifier, layout)
    if plan.todo:
        with collector_paused(freeze=options.one_shot):
            pages.compiled()  # a broken page template stops the run before any work
    outcomes = executor.run([it.task() for it in plan.todo], progress)
    if executor.started_early and not plan.todo and layout.manifest.is_file():
        # The mtime hint was wrong (files touched, not changed): refresh the manifest's
        # time so the next run does not start workers for nothing again.
        os.utime(layout.manifest)
    # The commit, and the workers' ends after it: a signal now takes effect once the site is whole (writer.publish.interrupt).
    with uninterrupted():
        with collector_paused(freeze=options.one_shot):
            report = _commit(plan, outcomes, options, layout, pages, verifier)
            verifier.save()
        executor.close()
        empty_folder(layout.workers)
    return report


def _plan(factbase: Path, files: list[str], options: BatchOptions, prior: Manifest, executor: LocalExecutor, pages: SiteRenderer,
          config_digest: str, verifier: Verifier, layout: Layout) -> Plan:
    """Scan the fact base and the edited articles, then decide what to publish."""
    shard = options.shard
    if options.articles is not None and not options.articles.is_dir():
        raise single_problem(options.articles, "--articles must be a folder of edited articles")
    articles = find_articles(options.articles if options.articles is not None else default_articles_dir(factbase))
    found = scan(files, factbase if factbase.is_dir() else factbase.parent, prior, options.registry, articles,
                 shard.holds if shard else (lambda key: True), verifier)
    found.rejections.extend(_article_rejections(articles, None if shard else files))
    # The templates digest (drafting's and the site pages') is an input even when nothing changed
    # (a warm worker reports drafting's once it has started, after the hashing above).
    return decide(found, prior, pages.digest_with(executor.templates_digest()), pages.writer_id, config_digest, force=options.force,
                  cached=_read_rejections(layout.rejections), verify=_published_files_check(prior, verifier, options.verify))


def _published_files_check(prior: Manifest, verifier: Verifier, every: bool):
    """How an unchanged event's published files are checked (see writer.publish.verify.Verifier.entry).

    The files of an event the manifest vouches for are trusted to be as the last run left them (writer
    owns the output folder; a one-changed re-run of 10,000 events stats none of their 30,000 files),
    except those a killed run left pending, which are always checked. ``every`` (``--verify``) checks
    them all, by stat and hash, and reports a file edited or removed since (damaged: exit 1; missing:
    published again)."""
    pending_events = {rel.split("/")[0] for rel in prior.pending}

    def check(brief):
        if not every and brief.id not in pending_events:
            return OK
        return verifier.entry(prior.entries[brief.id], prior.pending)

    return check


def _commit(plan: Plan, outcomes: list[Outcome], options: BatchOptions, layout: Layout, pages: SiteRenderer,
            hashes: Verifier) -> BatchReport:
    """The new manifest from the plan and the outcomes, its files moved into the site (see writer.publish.commit)."""
    shard, prior = options.shard, plan.prior
    report = BatchReport(shard=str(shard) if shard else None, out=str(layout.out), damaged=sorted(plan.damaged))
    entries, staged_files = _assemble(plan, outcomes, layout.out, report)
    before = _scoped(prior, shard)
    removed = [before.entries[event_id] for event_id in sorted(before.entries.keys() - entries.keys())]
    report.removed = sorted(old.id for old in removed)
    manifest = Manifest(entries, {}, options.settings.as_dict(), site_templates=pages.rendered_with)
    change = deletions_for(before, manifest, removed)
    change.staged = staged_files
    changed = bool(report.published or report.removed) or prior.settings != options.settings.as_dict()
    if shard:
        write = changed or not layout.manifest.is_file() or set(entries) != set(prior.entries) or bool(before.pending) or prior.needs_seal
    else:
        write = _stage_site(layout, manifest, before, pages, report, hashes, changed=changed, force=options.force) or bool(before.pending) or prior.needs_seal
        change.staged += [name for name in report.site_written if is_site_file(name)]
        _drop_site_files(before, manifest, change)
    if commit(layout, before, manifest, change, write_manifest=write, hashes=hashes):
        report.site_written.append(MANIFEST_NAME if not shard else str(layout.manifest.relative_to(layout.out)))
    if not shard:
        remove_legacy_manifest(layout.out)
    _write_rejections(layout, report.rejected, plan)
    return report


def _scoped(prior: Manifest, shard: Shard | None) -> Manifest:
    """The part of the previous manifest this build answers for (a shard's events only)."""
    if shard is None:
        return prior
    entries = Entries({k: prior.entries.item(k) for k in prior.entries if shard.holds(k)}, prior.entries.where)
    pending = {rel: nxt for rel, nxt in prior.pending.items() if rel.split("/")[0] in entries}
    return Manifest(entries, {}, prior.settings, pending, origin=prior.origin, raw=prior.raw, sealed=prior.sealed)  # a journal binds to the file read


def _assemble(plan: Plan, outcomes: list[Outcome], out: Path, report: BatchReport) -> tuple[Entries, list[str]]:
    """The new manifest's entries and the staged files; rejections keep a previous version when it is intact.
    Unchanged entries are carried over as held (a line read is written back, never built)."""
    held = plan.prior.entries
    items = {it.prior.id: held.item(it.prior.id) for it in plan.unchanged}  # Entry or stored line
    report.unchanged = sorted(items)
    staged: list[str] = []
    rejections = list(plan.rejections)
    for oc in outcomes:
        if oc.entry is not None:
            items[oc.entry.id] = oc.entry
            report.published.append(oc.entry.id)
            report.files_written += len(oc.staged)
            staged.extend(oc.staged)
            prior = plan.items[oc.source].prior_entry if oc.source in plan.items else None
            if prior is not None and len(oc.entry.corrections) > len(prior.corrections):
                report.corrected.append(oc.entry.id)
        elif oc.rejection is not None:
            rejections.append(oc.rejection)
    prior_by_source = held.source_ids() if rejections else {}
    for rej in rejections:
        previous_id = prior_by_source.get(rej.source) if rej.source else None
        previous = held[previous_id] if previous_id is not None else None
        keep = previous is not None and previous.id not in items and _files_present(out, previous)
        if keep:
            items[previous.id] = held.item(previous.id)
        report.rejected.append(rej.with_(kept_previous=keep))
    report.published.sort()
    report.corrected.sort()
    report.rejected.sort(key=lambda r: (r.file, r.event or ""))
    return Entries(items, held.where), staged


def _article_rejections(articles, files: list[str] | None) -> list[Rejection]:
    """Edited articles that cannot be read, that name an event another article already has, or (``files``:
    the whole fact base, not a shard) that name a fact file the fact base does not hold."""
    out = []
    if files is not None and articles.by_fact_file:
        known = {os.path.realpath(f) for f in files}
        for fact_file, path in sorted(articles.by_fact_file.items()):
            if fact_file not in known:
                out.append(reject(path, None, "article", f"its front matter 'facts' names {fact_file}, which is not an event file of this fact base",
                                  line=2, column=1))
    for path, exc in articles.problems:
        first = exc.problems[0]
        out.append(reject(path, None, "article", first.message, line=first.line, column=first.column))
    for path, kept in articles.duplicates:
        out.append(reject(path, None, "duplicate-article", f"names the same fact file as {kept}, which is the article published for it", line=1, column=1))
    return out


def _stage_site(layout: Layout, manifest: Manifest, before: Manifest, pages: SiteRenderer, report: BatchReport, hashes: Verifier | None = None, *,
                changed: bool, force: bool = False) -> bool:
    """Stage the index, feed and sitemap when they change (or are missing); note them when edited on disk. Returns whether the manifest must be written."""
    on_disk = hashes.digest if hashes is not None else (lambda name: _digest_or_none(layout.out / name))
    names = site_file_names(pages.settings, len(manifest.entries))
    nothing_new = not changed and not force and not before.pending and before.entries.keys() == manifest.entries.keys() and layout.manifest.is_file()
    if nothing_new and all(name in before.site_files for name in names):
        found = {name: on_disk(name) for name in names}
        if all(digest is not None for digest in found.values()):
            manifest.site_files.update(before.site_files)
            for name in names:
                if found[name] != before.site_files[name]:
                    report.damaged.append(name)
                    if force:
                        return _stage_site(layout, manifest, before, pages, report, hashes, changed=True)
            return False
    keep = _kept_site_files(before, manifest, pages, names, on_disk) if not force else set()
    manifest.site_files.update((name, before.site_files[name]) for name in keep)
    # The feed takes each article's content from its page: a page built in this run is still in the stage.
    site = render_site_files([layout.stage, layout.out], manifest.entries, pages.compiled(), keep)
    for name, data in site.items():
        digest = sha256_bytes(data)
        manifest.site_files[name] = digest
        if before.site_files.get(name) != digest or on_disk(name) != digest:
            stage_site_file(layout, name, data)
            report.site_written.append(name)
    if report.site_written or not layout.manifest.is_file():
        return True
    return sha256_file(layout.manifest) != sha256_bytes(manifest.to_bytes(__version__))


def _kept_site_files(before: Manifest, after: Manifest, pages: SiteRenderer, names, on_disk) -> set[str]:
    """Site files the last run wrote that would come out the same now, and are on disk as it wrote them:
    one changed article rewrites its index page (and the feed, when it is among the newest), not all 100."""
    same_context = (before.site_templates == pages.rendered_with and before.generated_by == __version__ and not before.pending
                    and before.settings == pages.settings.as_dict())
    if not same_context:
        return set()
    same = unchanged_site_files(before.entries, after.entries, pages.settings)
    return {name for name in names if name in same and name in before.site_files and on_disk(name) == before.site_files[name]}


def _digest_or_none(path: Path) -> str | None:
    try:
        return sha256_file(path) if path.is_file() else None
    except OSError:
        return None


def _drop_site_files(before: Manifest, after: Manifest, change: Change) -> None:
    """Delete site files the new site no longer has (the sitemap, once the base URL is dropped)."""
    for name in before.site_files.keys() - after.site_files.keys():
        change.deletions.setdefault(name, set()).add(before.site_files[name])


def _read_rejections(path: Path) -> dict[str, tuple[str, Rejection]]:
    """The last run's rejections by fact file, with the inputs they came from (a cache: unreadable means empty)."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return {}
    out = {}
    for source, item in (data.items() if isinstance(data, dict) else ()):
        rej = Rejection.from_dict(item.get("rejection") if isinstance(item, dict) else None, source=source)
        if rej is not None and isinstance(item.get("inputs"), str):
            out[source] = (item["inputs"], rej)
    return out


def _write_rejections(layout: Layout, rejected: list[Rejection], plan: Plan) -> None:
    cache = {}
    for rej in rejected:
        item = plan.items.get(rej.source) if rej.source else None
        if item is not None and item.inputs is not None and rej.cacheable:
            cache[rej.source] = {"inputs": inputs_key(item.inputs), "rejection": rej.with_(kept_previous=False).as_dict()}
    path = layout.rejections
    data = (json.dumps(dict(sorted(cache.items())), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if (not cache and not path.exists()) or (path.is_file() and path.read_bytes() == data):
        return
    layout.write(path, data)


def _files_present(out: Path, entry: Entry) -> bool:
    base = os.fspath(out) + os.sep
    return all(os.path.isfile(base + rel) for rel in entry.files)


def _likely_changed(files: list[str], manifest: Path, stats: dict[str, os.stat_result]) -> int:
    """How many fact files look changed since the last run (modified after its manifest), counted
    up to one more than a run published in this process; a hint for starting workers early, never
    what decides a rebuild. The stats taken are put in ``stats`` (the plan's hashing uses them)."""
    try:
        stamp = manifest.stat().st_mtime_ns
    except OSError:
        return len(files)
    newer = 0
    for f in files:
        try:
            st = stats[f] = os.stat(f)
        except OSError:
            newer += 1
        else:
            newer += st.st_mtime_ns >= stamp
        if newer > IN_PROCESS_UP_TO:
            break
    return newer


# --- joining shards -----------------------------------------------------------------


def merge_shards(out: Path, shard_dirs: list[Path], settings: SiteSettings | None = None, templates_dir: Path | None = None) -> BatchReport:
    """Join the outputs of ``--shard K/N`` runs into one site: article files, index, feed and manifest.

    Shard outputs may already be in ``out`` (shards run against one shared
    folder) or in separate folders (a CI matrix's artifacts), whose article
    files are copied in after their hashes are verified. Every shard 1..N must
    be present; a missing shard is an input error, never a silently partial site.
    ``settings`` default to the ones the shards were built with; ``templates_dir`` (the
    shards' ``--templates``) holds the site's page templates when they are not the bundled ones.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with build_lock(out / STATE_DIR, "build"):
        try:
            return _merge_shards(out, shard_dirs, settings, templates_dir)
        except BaseException as exc:
            _stop(None, Layout(out), exc)
            raise


def _merge_shards(out: Path, shard_dirs: list[Path], settings: SiteSettings | None, templates_dir: Path | None) -> BatchReport:
    started = time.perf_counter()
    layout = Layout(out)
    clean(layout)
    report = BatchReport(out=str(out))
    found = _shard_manifests(out, shard_dirs)
    n = _complete_shard_count(out, shard_dirs, found)
    if settings is None:
        # The shards' own settings (they must agree, which the loop below checks).
        first = found[min(found)][1].settings
        try:
            settings = SiteSettings(**first)
        except (TypeError, ValueError):
            raise single_problem(out, f"shard manifests hold unreadable site settings: {first!r}") from None
    problems: list[Problem] = []
    entries: dict[str, Entry] = {}
    staged: list[str] = []
    for (k, _), (folder, manifest) in sorted(found.items()):
        if manifest.settings != settings.as_dict():
            problems.append(Problem(str(folder / STATE_DIR / f"shard-{k}-of-{n}.json"), 0, 0, "",
                                    f"shard {k}/{n} was built with other site settings ({manifest.settings}); merge with the same --desk, --title, --base-url, --timezone and --feed-size"))
            continue
        for entry in manifest.entries.values():
            if entry.id in entries:
                problems.append(Problem(str(folder / STATE_DIR), 0, 0, "", f"event {entry.id!r} appears in two shards"))
                continue
            entries[entry.id] = entry
            if folder != out:
                staged += _stage_copies(folder, layout, entry, problems)
    if problems:
        raise InputError(problems)
    before = layout.read_prior()
    removed = [old for old in before.entries.values() if old.id not in entries]
    report.removed = sorted(old.id for old in removed)
    report.published = sorted(e for e in entries if before.entries.get(e) != entries[e])
    report.unchanged = sorted(e for e in entries if before.entries.get(e) == entries[e])
    report.files_written = len(staged)
    site = SiteRenderer(settings, templates_dir, writer_identity())  # rare: every file read, no stat cache
    manifest = Manifest(entries, {}, settings.as_dict(), site_templates=site.rendered_with)
    change = deletions_for(before, manifest, removed)
    change.staged = staged
    changed = bool(report.published or report.removed) or before.settings != settings.as_dict()
    write = _stage_site(layout, manifest, before, site, report, changed=changed) or bool(before.pending)
    change.staged += [name for name in report.site_written if is_site_file(name)]
    _drop_site_files(before, manifest, change)
    with uninterrupted():
        if commit(layout, before, manifest, change, write_manifest=write):
            report.site_written.append(MANIFEST_NAME)
        remove_legacy_manifest(out)
    report.seconds = time.perf_counter() - started
    return report


_SHARD_FILE = re.compile(r"shard-(\d+)-of-(\d+)\.json")


def _shard_manifests(out: Path, shard_dirs: list[Path]) -> dict[tuple[int, int], tuple[Path, Manifest]]:
    """Every shard manifest in ``out`` and the shard folders (one in ``out`` wins over a copy elsewhere)."""
    found: dict[tuple[int, int], tuple[Path, Manifest]] = {}
    for folder in dict.fromkeys([out, *map(Path, shard_dirs)]):
        state = folder / STATE_DIR
        if not state.is_dir():
            continue
        for p in sorted(state.glob("shard-*-of-*.json")):
            m = _SHARD_FILE.fullmatch(p.name)
            if m:
                key = (int(m.group(1)), int(m.group(2)))
                manifest = Manifest.read(p)
                if manifest is not None and (key not in found or folder == out):
                    found[key] = (folder, manifest)
    return found


def _complete_shard_count(out: Path, shard_dirs: list[Path], found) -> int:
    if not found:
        raise single_problem(out, f"no shard manifests ({STATE_DIR}/shard-K-of-N.json) found in {', '.join(map(str, [out, *shard_dirs]))}")
    counts = {n for _, n in found}
    if len(counts) != 1:
        raise single_problem(out, f"shard manifests from different shard counts: {', '.join(f'{k}/{n}' for k, n in sorted(found))}")
    n = counts.pop()
    missing = [k for k in range(1, n + 1) if (k, n) not in found]
    if missing:
        raise single_problem(out, f"missing shard{'s' if len(missing) > 1 else ''} {', '.join(f'{k}/{n}' for k in missing)}: run them before merging")
    return n


def _stage_copies(src: Path, layout: Layout, entry: Entry, problems: list[Problem]) -> list[str]:
    """Stage the files of a shard built in another folder, each checked against its manifest's hash."""
    staged = []
    for rel, digest in entry.files.items():
        source, target = src / rel, layout.out / rel
        try:
            data = source.read_bytes()
        except OSError as exc:
            problems.append(Problem(str(source), 0, 0, "", f"cannot read shard output: {exc.strerror or exc}"))
            continue
        if sha256_bytes(data) != digest:
            problems.append(Problem(str(source), 0, 0, "", "shard output does not match its manifest's hash (edited or half-copied?)"))
            continue
        if target.is_file() and sha256_file(target) == digest:
            continue
        stage_site_file(layout, rel, data)
        staged.append(rel)
    return staged
