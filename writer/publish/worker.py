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
from pathlib import Path

from writer import __version__
from writer.errors import DraftError, InputError, WriterError
from writer.factbase.loader import load_event, load_registry
from writer.atomic import atomic_write, remove_stale_temps, sha256_bytes
from writer.publish.manifest import Entry, Inputs
from writer.publish.pages import SitePages
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
    prior_files: dict[str, str] | None  # the files of the version already published, to skip identical rewrites


@dataclass(frozen=True)
class Outcome:
    source: str
    path: str
    event_id: str | None
    entry: Entry | None = None  # set when published
    rejection: dict | None = None  # set when rejected
    written: int = 0  # files actually rewritten (identical ones are left alone)


def rejection(task: Task, event_id: str | None, code: str, reason: str, *, line: int = 0, column: int = 0, path: str | None = None, problems=()) -> dict:
    return {
        "event": event_id,
        "file": path or task.path,
        "line": line,
        "column": column,
        "code": code,
        "reason": reason,
        "problems": list(problems),
    }


def make_drafter(templates_dir: Path | None):
    """The drafter without its own round-trip check: publishing runs the check itself, once, as the gate."""
    from writer.draft import Drafter

    return Drafter(templates_dir, run_check=False)


def make_checker(config=None):
    from writer.check import Checker

    return Checker(config)


def check_config():
    """The check's configuration as `writer check` finds it (the nearest pyproject.toml with [tool.writer])."""
    from writer.check import CheckConfig, find_pyproject, load_config

    found = find_pyproject(Path.cwd())
    return load_config(found) if found else CheckConfig()


def gate_rank(config) -> int:
    """Findings at or above this severity rank keep an article from being published."""
    from writer.check.findings import severity_rank

    return min(severity_rank(config.fail_on), severity_rank(GATE_AT_MOST))


def inputs_digest(settings: SiteSettings, config) -> str:
    """Site settings and the check's configuration: both decide what a published page is (or whether it is)."""
    import hashlib
    import json
    from dataclasses import asdict

    check = {k: v for k, v in asdict(config).items() if k != "origin"}
    text = json.dumps({"site": settings.as_dict(), "check": check}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Publisher:
    """Publishes events with one Drafter and one Checker (built once per process)."""

    def __init__(self, out: Path, settings: SiteSettings, drafter, checker, *, config_digest: str | None = None):
        self.out = Path(out)
        self.settings = settings
        self.drafter, self.checker = drafter, checker
        self.gate = gate_rank(checker.config)
        self.config_digest = config_digest or inputs_digest(settings, checker.config)
        self.registries: dict[str, object] = {}
        self.pages = SitePages(settings, drafter.dirs)

    @property
    def templates_digest(self) -> str:
        """Drafting templates and site page templates: either changing means the page changes."""
        return self.pages.digest_with(self.drafter.templates_digest)

    def registry(self, path: str):
        reg = self.registries.get(path)
        if reg is None:
            reg = self.registries[path] = load_registry(path)
        return reg

    def publish(self, task: Task) -> Outcome:
        try:
            return self._publish(task)
        except Exception as exc:  # isolation: a bug on one event must not stop the batch
            where = traceback.extract_tb(exc.__traceback__)[-1]
            reason = f"internal error {type(exc).__name__}: {exc} (at {Path(where.filename).name}:{where.lineno})"
            return Outcome(task.source, task.path, task.event_id, rejection=rejection(task, task.event_id, "internal", reason))

    def _publish(self, task: Task) -> Outcome:
        def reject(code, reason, *, event_id=task.event_id, **kw):
            return Outcome(task.source, task.path, event_id, rejection=rejection(task, event_id, code, reason, **kw))

        try:
            event = load_event(task.path, self.registry(task.registry))
        except InputError as exc:
            first = exc.problems[0]
            return reject("facts", f"{first.field + ': ' if first.field else ''}{first.message}", line=first.line, column=first.column,
                          path=first.path, problems=[str(p) for p in exc.problems])
        unsafe = unsafe_id_reason(event.id)
        if unsafe:
            return reject("unsafe-id", unsafe, line=1, column=1)
        if task.event_id is not None and event.id != task.event_id:
            return reject("changed", f"the event id changed from {task.event_id!r} to {event.id!r} while the batch was running; run again", event_id=event.id)

        folder = self.out / event.id
        md_name = f"{event.id}.md"
        facts_rel = os.path.relpath(os.path.abspath(task.path), os.path.abspath(folder)).replace(os.sep, "/")
        try:
            draft = self.drafter.draft(event, facts_path=facts_rel)
        except DraftError as exc:
            out = reject("draft", str(exc), event_id=event.id)
            out.rejection.update(template=exc.template, template_line=exc.line)
            return out
        except WriterError as exc:
            return reject("draft", str(exc), event_id=event.id)

        # The gate: an article that fails the check is never written.
        article = f"{event.id}/{md_name}"
        from writer.check.findings import severity_rank

        blocking = [f for f in self.checker.check_text(draft.markdown, path=article, event=event) if severity_rank(f.severity) >= self.gate]
        if blocking:
            f = blocking[0]
            fact = event.all_facts().get(f.fact) if f.fact else None
            out = reject(f.code, f"{f.name}: {f.message}" + (f" ({f.figure!r})" if f.figure else "") + f" [draft line {f.line}, column {f.column}]",
                         line=fact.line if fact else 0, problems=[f"{article}:{x.line}:{x.column}: {x.code} {x.message}" for x in blocking],
                         event_id=event.id)
            out.rejection.update(fact=f.fact, article=article, article_line=f.line, article_column=f.column)
            return out

        published, modified = event_dates(event)
        summary = summary_of(draft)
        page = self.pages.article(event_id=event.id, headline=draft.title, body_html=draft.body_html, description=summary,
                                  published=published, modified=modified, sources=citations(draft, event))
        files = {
            f"{event.id}/index.html": page.encode("utf-8"),
            f"{event.id}/{md_name}": draft.markdown.encode("utf-8"),
            f"{event.id}/{event.id}.json": draft.to_json().encode("utf-8"),
        }
        hashes = {rel: sha256_bytes(data) for rel, data in files.items()}
        written = 0
        remove_stale_temps(folder)
        prior = task.prior_files or {}
        for rel, data in files.items():
            target = self.out / rel
            if prior.get(rel) == hashes[rel] and target.is_file():
                continue
            atomic_write(target, data)
            written += 1
        inputs = Inputs(event.digest, self.registry(task.registry).digest, self.templates_digest, __version__, self.config_digest)
        entry = Entry(event.id, task.source, inputs, draft.title, published, modified, summary, hashes)
        return Outcome(task.source, task.path, event.id, entry=entry, written=written)


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
