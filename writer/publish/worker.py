"""Publishing one event: load, draft, check, render, write. Runs inside each worker process.

Each worker builds one Drafter and one Checker when it starts (compiling
templates and building the spaCy pipeline are the expensive parts) and then
publishes many events with them. Every failure of one event, expected or not,
becomes a rejection naming the file, line and code, so one bad event never
stops the others; the worker writes the event's files itself (atomically) and
sends back only hashes and index metadata, which keeps the traffic between
processes small.
"""

from __future__ import annotations

import os
import traceback
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from writer.atomic import sha256_bytes, sha256_file
from writer.errors import DraftError, InputError, WriterError
from writer.publish.claimmap import claim_map_json
from writer.publish.corrections import corrections_for, modified_with, printed_figures_of_draft, printed_figures_of_trace
from writer.publish.manifest import PAGE_NAME, Entry, Inputs, claims_name, event_file, markdown_name
from writer.publish.rejection import Rejection, reject
from writer.publish.safety import unsafe_id_reason
from writer.publish.settings import SiteSettings

# The gate is at least this strict, whatever the check's own fail-on says: a draft is
# meant to have no findings at all, so a warning on one is a reason not to publish it.
GATE_AT_MOST = "warning"


@dataclass(frozen=True)
class Task:
    path: str  # the fact file, as found under the fact base (used in messages)
    source: str  # the fact file relative to the fact base root (the manifest key)
    registry: str  # the source registry it resolves against
    event_id: str | None  # the id read ahead of time (sharding, duplicates); must match
    prior: Entry | None = None  # the version already published (its files, printed figures, corrections)
    article: str | None = None  # an edited article to publish instead of a machine draft
    article_digest: str = ""


@dataclass(frozen=True)
class Outcome:
    source: str
    path: str
    event_id: str | None
    entry: Entry | None = None  # set when published
    rejection: Rejection | None = None  # set when rejected
    staged: tuple[str, ...] = ()  # files written to the stage (those whose bytes differ from the site's)


def task_rejection(task: Task, event_id: str | None, code: str, reason: str, **kw) -> Rejection:
    kw.setdefault("source", task.source)
    return reject(kw.pop("path", None) or task.path, event_id, code, reason, **kw)


def make_drafter(templates_dir: Path | None):
    """The drafter without its own round-trip check: publishing runs the check itself, once, as the gate."""
    from writer.draft import Drafter

    return Drafter(templates_dir, run_check=False)


def make_checker(config=None):
    from writer.check import Checker

    return Checker(config)


def check_config():
    """The check's configuration as `writer check` finds it (the nearest pyproject.toml with [tool.writer]).

    A configuration file writer cannot read is an input error naming that file (exit 2).
    """
    from writer.check import CheckConfig, find_pyproject, load_config

    start = Path.cwd()
    try:
        found = find_pyproject(start)
        return load_config(found) if found else CheckConfig()
    except WriterError:
        raise
    except (Exception, RecursionError) as exc:  # a library's error on a file that is not what it should be
        from writer.errors import single_problem

        where = _nearest_pyproject(start) or start
        raise single_problem(where, f"cannot read the check's configuration ([tool.writer]): {type(exc).__name__}: {exc}") from None


def _nearest_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / "pyproject.toml").is_file():
            return folder / "pyproject.toml"
    return None


def gate_rank(config) -> int:
    """Findings at or above this severity rank keep an article from being published."""
    from writer.check.findings import severity_rank

    return min(severity_rank(config.fail_on), severity_rank(GATE_AT_MOST))


def inputs_digest(settings: SiteSettings, config, facts_root: str = "") -> str:
    """Site settings, the check's configuration and the fact base's name (``facts_root``): each decides what a
    published page is (or whether it is)."""
    import hashlib
    import json
    from dataclasses import asdict

    check = {k: v for k, v in asdict(config).items() if k != "origin"}
    text = json.dumps({"site": settings.as_dict(), "check": check, "facts": facts_root}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def facts_root_name(root: Path) -> str:
    """The fact base folder's own name (``root``: the folder the manifest names fact files from).

    A published article names its fact file from the folder that holds the fact base
    (``factbase/events/ID.yaml``), so ``writer check site/`` run where ``writer batch factbase/`` runs
    finds it, and no page depends on where the site or the fact base are on disk: a site moved
    or copied, alone or with its fact base, republishes nothing. Renaming the fact base folder changes
    every page's name for its fact file, so the name is an input of every page (``inputs_digest``)."""
    return os.path.basename(os.path.abspath(root))


def facts_name(facts_root: str, source: str) -> str:
    """How a published article names its fact file (``source``: relative to the fact base; see ``facts_root_name``)."""
    return f"{facts_root}/{source}" if facts_root else source


@dataclass
class _Article:
    """What gets published for an event: a machine draft or an edited article, rendered."""

    title: str
    markdown: str
    body_html: str  # the article alone; the site's page template puts it in a page
    claims_json: str
    summary: str
    figures: dict[str, str]
    citations: list[dict]


class Publisher:
    """Publishes events with one Drafter and one Checker (built once per process).

    Files are written to ``stage`` (a private folder mirroring the site); the
    build's commit step moves them into the site, in an order that keeps the
    visible site consistent at every instant.
    """

    def __init__(self, out: Path, stage: Path, settings: SiteSettings, drafter, checker, now: datetime, *, config_digest: str | None = None,
                 pages=None, writer_id: str | None = None, facts_root: str = ""):
        """``writer_id``: writer's version and code as the build found them (writer.publish.identity; None: read here).
        ``facts_root``: the fact base folder's name, which articles name their fact file from (``facts_root_name``)."""
        self.out, self.stage = Path(out), Path(stage)
        if writer_id is None:
            from writer.publish.identity import writer_identity

            writer_id = writer_identity()
        self.writer_id = writer_id
        self.settings = settings
        self.now = now
        self.drafter, self.checker = drafter, checker
        self.gate = gate_rank(checker.config)
        self.facts_root = facts_root
        self.config_digest = config_digest or inputs_digest(settings, checker.config, facts_root)
        self.registries: dict[str, object] = {}
        if pages is None:
            from writer.publish.pages import SitePages  # jinja2 and babel: only where pages are built

            pages = SitePages(settings, drafter.dirs)
        self.pages = pages  # writer.publish.pages.SitePages for these settings and templates

    @property
    def templates_digest(self) -> str:
        return self.drafter.templates_digest

    def registry(self, path: str):
        reg = self.registries.get(path)
        if reg is None:
            from writer.factbase.loader import load_registry

            reg = self.registries[path] = load_registry(path)
        return reg

    def publish(self, task: Task) -> Outcome:
        try:
            return self._publish(task)
        except Exception as exc:  # isolation: a bug on one event must not stop the batch
            where = traceback.extract_tb(exc.__traceback__)[-1]
            reason = f"internal error {type(exc).__name__}: {exc} (at {Path(where.filename).name}:{where.lineno})"
            return Outcome(task.source, task.path, task.event_id, rejection=task_rejection(task, task.event_id, "internal", reason))

    def _publish(self, task: Task) -> Outcome:
        def rejected(rej: Rejection) -> Outcome:
            return Outcome(task.source, task.path, rej.event, rejection=rej)

        from writer.factbase.loader import load_event  # the loader (and pydantic, for a file the plain reader passes on): only in a process that publishes

        try:
            event = load_event(task.path, self.registry(task.registry))
        except InputError as exc:
            first = exc.problems[0]
            return rejected(task_rejection(task, task.event_id, "facts", f"{first.field + ': ' if first.field else ''}{first.message}",
                                           line=first.line, column=first.column, path=first.path, problems=[str(p) for p in exc.problems]))
        unsafe = unsafe_id_reason(event.id)
        if unsafe:
            return rejected(task_rejection(task, task.event_id, "unsafe-id", unsafe, line=1, column=1))
        if event.as_of is None:  # a fact file may record a report that gives no time; a page needs one
            return rejected(task_rejection(task, task.event_id, "facts", undated_reason(event), line=top_level_line(task.path, "as_of"), column=1))
        if task.event_id is not None and event.id != task.event_id:
            return rejected(task_rejection(task, event.id, "changed", f"the event id changed from {task.event_id!r} to {event.id!r} while the batch was running; run again"))

        made = self._edited(task, event) if task.article else self._drafted(task, event)
        if isinstance(made, Rejection):
            return rejected(made)

        published, modified = event_dates(event)
        corrections = corrections_for(task.prior, made.figures, event, self.now)
        modified = modified_with(modified, corrections)
        page = self.pages.article(event_id=event.id, headline=made.title, body_html=made.body_html, description=made.summary,
                                  published=published, modified=modified, sources=made.citations, corrections=corrections)
        files = {
            event_file(event.id, PAGE_NAME): page.encode("utf-8"),
            event_file(event.id, markdown_name(event.id)): made.markdown.encode("utf-8"),
            event_file(event.id, claims_name(event.id)): made.claims_json.encode("utf-8"),
        }
        hashes = {rel: sha256_bytes(data) for rel, data in files.items()}
        staged = self._stage(files, hashes)
        inputs = Inputs(event.digest, self.registry(task.registry).digest, self.pages.digest_with(self.templates_digest), self.writer_id,
                        self.config_digest, task.article_digest)
        entry = Entry(event.id, task.source, inputs, made.title, published, modified, made.summary, hashes, made.figures, corrections,
                      edited=task.article is not None)
        return Outcome(task.source, task.path, event.id, entry=entry, staged=staged)

    def _stage(self, files: dict[str, bytes], hashes: dict[str, str]) -> tuple[str, ...]:
        """Write each of an event's files (all in its folder) to the stage unless the site already holds exactly
        these bytes; the files written."""
        staged: list[str] = []
        for rel, data in files.items():
            target = self.out / rel
            try:
                if target.is_file() and sha256_file(target) == hashes[rel]:
                    continue
            except OSError:
                pass
            path = self.stage / rel
            if not staged:
                path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            staged.append(rel)
        return tuple(staged)

    def _blocking(self, text: str, path: str, event):
        from writer.check.findings import severity_rank

        return [f for f in check_article(self.checker, text, path, event) if severity_rank(f.severity) >= self.gate]

    def _drafted(self, task: Task, event) -> "_Article | Rejection":
        try:
            draft = self.drafter.draft(event, facts_path=facts_name(self.facts_root, task.source))
        except DraftError as exc:
            return task_rejection(task, event.id, "draft", str(exc), template=exc.template, template_line=exc.line)
        except WriterError as exc:
            return task_rejection(task, event.id, "draft", str(exc))

        # The gate: an article that fails the check is never written.
        article = event_file(event.id, markdown_name(event.id))
        blocking = self._blocking(draft.markdown, article, event)
        if blocking:
            f = blocking[0]
            fact = event.all_facts().get(f.fact) if f.fact else None
            return task_rejection(task, event.id, f.code, f"{f.name}: {f.message}" + (f" ({f.figure!r})" if f.figure else "") + f" [draft line {f.line}, column {f.column}]",
                                  line=fact.line if fact else 0, problems=[f"{article}:{x.line}:{x.column}: {x.code} {x.message}" for x in blocking],
                                  fact=f.fact, article=article, article_line=f.line, article_column=f.column)
        return _Article(draft.title, draft.markdown, draft.body_html, claim_map_json(draft.claims), summary_of(draft), printed_figures_of_draft(draft.claims),
                        citations(draft, event))

    def _edited(self, task: Task, event) -> "_Article | Rejection":
        """An edited article, checked against the current facts; any finding at the gate rejects it (never a fallback draft)."""
        from writer.check.checker import read_article_text
        from writer.publish.edited import render_edited

        path = task.article
        try:
            text = read_article_text(path)
        except InputError as exc:
            first = exc.problems[0]
            return task_rejection(task, event.id, "article", first.message, path=path, line=first.line, column=first.column)
        blocking = self._blocking(text, path, event)
        if blocking:
            f = blocking[0]
            return task_rejection(task, event.id, f.code, f"edited article no longer agrees with the facts: {f.name}: {f.message}" + (f" ({f.figure!r})" if f.figure else ""),
                                  path=path, line=f.line, column=f.column, problems=[f"{path}:{x.line}:{x.column}: {x.code} {x.message}" for x in blocking],
                                  fact=f.fact, article=path, article_line=f.line, article_column=f.column)
        trace = self.checker.trace(text, path=path, event=event)
        try:
            rendered = render_edited(text, path, event, trace)
        except InputError as exc:
            first = exc.problems[0]
            return task_rejection(task, event.id, "article", first.message, path=path, line=first.line, column=first.column)
        cites = citations_of_sources(event, [s for fig in trace if fig.get("support") for s in _fact_sources(event, fig["support"])])
        return _Article(rendered.title, text, rendered.body_html, rendered.claims_json, rendered.summary, printed_figures_of_trace(trace), cites)


# What an editor adds to publish an event whose report gave no time (an ISO 8601 instant with its zone).
AS_OF_EXAMPLE = "2026-11-21T16:00:00+08:00"


def undated_reason(event) -> str:
    """Why an event without a time cannot be published, and what to add (it still validates, drafts and checks)."""
    if event.as_of_date is not None:
        known = f"only the day ({event.as_of_date.isoformat()}) is known"
        example = f"{event.as_of_date.isoformat()}T16:00:00+08:00"
    else:
        known, example = "it is null or missing", AS_OF_EXAMPLE
    return (f"as_of: {known}, and a page needs the time it was reported (its date line, feed entry and JSON-LD); "
            f"add it with its time zone, e.g. as_of: '{example}', to publish this event")


def top_level_line(path: str, key: str) -> int:
    """The 1-based line of ``key:`` at the top level of a YAML file (1 when it is not there or unreadable)."""
    try:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if line.startswith(f"{key}:"):
                    return number
    except (OSError, UnicodeDecodeError):
        pass
    return 1


def check_article(checker, text: str, path: str, event) -> list:
    """The check's findings on ``text``, its Markdown read once: through markdown-it-pyrs's tree when
    that reader handles its shapes, else the plain way (writer.check.document.read_article; same blocks,
    so same findings: tests/test_batch_tree_reader.py). A very large text goes through ``check_text``,
    which pauses the garbage collector while it works."""
    if len(text) >= checker.GC_PAUSE_FROM:
        return checker.check_text(text, path=path, event=event)
    from writer.check.document import read_article

    return checker.check_article(read_article(text, path), event=event)


def event_dates(event) -> tuple[str, str]:
    """datePublished is the event's as-of time; dateModified the latest dated item in it (never earlier)."""
    dated = [event.as_of]
    for fact in event.facts.values():
        dated.extend(o.as_of for o in fact.observations if o.as_of is not None)
    dated.extend(c.as_of for c in event.context if c.as_of is not None)
    dated.extend(q.as_of for q in event.quotes if q.as_of is not None)
    latest = max(dated, key=lambda d: d.timestamp())
    return event.as_of.isoformat(), (latest if latest.timestamp() > event.as_of.timestamp() else event.as_of).isoformat()


def summary_of(draft) -> str:
    """The first sentence of the article body (the lede), for the index and the feed."""
    claims = draft.claims if isinstance(draft.claims, dict) else {}
    for sentence in claims.get("sentences", []) or []:
        text = sentence.get("text") if isinstance(sentence, dict) else None
        if text and sentence.get("section") not in ("headline", "title"):
            return text
    return ""


def citations(draft, event) -> list[dict]:
    """One schema.org citation per source the article's figures, context and quotes rely on, in first-use order."""
    ids: list[str] = []
    claims = draft.claims if isinstance(draft.claims, dict) else {}
    for figure in claims.get("figures", []) or []:
        ids.extend(figure.get("sources", []) if isinstance(figure, dict) else [])
    return citations_of_sources(event, ids)


def _fact_sources(event, fact_id: str) -> tuple[str, ...]:
    fact = event.all_facts().get(fact_id)
    return fact.sources if fact is not None else ()


def citations_of_sources(event, ids: list[str]) -> list[dict]:
    """Citations for the source ids (all the event's sources when none), then the quotes' sources."""
    ids = list(ids)
    if not ids:
        for fact in event.all_facts().values():
            ids.extend(fact.sources)
        for c in event.context:
            ids.extend(c.sources)
    for q in event.quotes:
        if q.source:
            ids.append(q.source)
    out = []
    for source_id in dict.fromkeys(ids):
        if source_id not in event.registry:
            continue
        source = event.registry[source_id]
        item = {"name": source.name, "identifier": source.id}
        if source.url:
            item["url"] = source.url
        out.append(item)
    return out
