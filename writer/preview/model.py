"""What a preview shows: the article's Markdown, where each figure sits, what backs it, what the check says.

Two ways in, one result (:class:`PreviewData`):

* an **event** (a fact file): drafted with the house templates; each figure's
  place and fact come from the draft's claim map, which the drafter wrote as
  it printed the figure;
* an **article** (Markdown, drafted or edited by hand): the check reads its
  figures and links each to the event named by its front matter (or
  ``--facts``); a figure no fact supports is marked ``unsupported``.

Nothing here produces HTML (see :mod:`writer.preview.render`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from writer.errors import DraftError
from writer.factbase.records import Event, Fact

EVENT_SUFFIXES = (".yaml", ".yml")
UNSUPPORTED = "unsupported"  # an edited article's figure that no fact supports (or contradicts its fact)
UNLINKED = "unlinked"  # checked without a fact file: nothing to link to
COMPARED = "compared"  # a share in words worked out from two figures ("more than a third of the total"): no fact holds it


@dataclass
class Observation:
    source: str
    value: str
    as_of: str
    note: str = ""


@dataclass
class Backing:
    """One fact as the popup shows it."""

    id: str
    status: str
    value: str  # "1,451,000,000 USD", "150,000,000 .. 190,000,000 USD", "at least ..."
    window: str
    sources: list[str]
    observations: list[Observation] = field(default_factory=list)
    derived_from: list[Backing] = field(default_factory=list)
    derivation: str = ""
    reason: str = ""


@dataclass
class Mark:
    """One figure in the article: its character span and what backs it."""

    start: int  # offsets in the Markdown text, front matter included
    end: int
    text: str
    status: str  # a Status value, UNSUPPORTED, UNLINKED or COMPARED
    fact: str = ""  # fact id ("" when nothing supports it)
    link: str = ""  # the check's link kind for an article ("supported", "collapsed", ...); "drafted" for a draft
    backing: Backing | None = None
    attribution: str = ""
    findings: list = field(default_factory=list)


@dataclass
class PreviewData:
    title: str
    source_path: str  # the event or article previewed
    kind: str  # "draft" or "article"
    markdown: str
    marks: list[Mark]
    findings: list  # writer.check.Finding, sorted
    skipped: list[tuple[str, str]]  # (section, reason)
    facts_path: str = ""
    notes: list[str] = field(default_factory=list)
    watched: list[Path] = field(default_factory=list)  # files whose change re-renders the preview
    templates_dir: Path | None = None  # the user's templates (the legend's marks may be overridden there)


# --- the facts -----------------------------------------------------------------------


def _number(v: float) -> str:
    from babel.numbers import format_decimal

    return format_decimal(v, locale="en_US")


def _amount(value: float | None, rng, unit: str, lower_bound: bool = False) -> str:
    if rng is not None and value is None:
        text = f"{_number(rng[0])} to {_number(rng[1])}"
    elif value is not None:
        text = _number(value)
    else:
        return "no figure"
    return ("at least " if lower_bound else "") + f"{text} {unit}".strip()


def _when(dt) -> str:
    return dt.isoformat() if dt is not None else "time not given"


def backing(event: Event, fact: Fact, depth: int = 0) -> Backing:
    """The popup's view of one fact (derived facts with their inputs, one level deep)."""
    b = Backing(
        id=fact.id,
        status=fact.status.value,
        value=_amount(fact.value, fact.range, fact.unit, fact.lower_bound),
        window=fact.window or "",
        sources=[event.source_name(s) for s in fact.sources],
        observations=[Observation(event.source_name(o.source), _amount(o.value, o.range, fact.unit), _when(o.as_of), o.note or "")
                      for o in fact.observations],
        derivation=fact.derivation or "",
        reason=fact.reason or "",
    )
    if depth == 0:
        facts = event.all_facts()
        b.derived_from = [backing(event, facts[i], 1) for i in fact.derived_from if i in facts]
    return b


def _support_backing(event: Event | None, support_id: str, status: str) -> Backing | None:
    """A fact's backing; context items and quotes (``context:x``, ``quote:x``) get their sources and status."""
    if event is None or not support_id:
        return None
    facts = event.all_facts()
    if support_id in facts:
        return backing(event, facts[support_id])
    kind, _, item_id = support_id.partition(":")
    for item in (*event.context, *event.quotes):
        if item.id == item_id:
            sources = list(getattr(item, "sources", ()) or ([item.source] if getattr(item, "source", None) else []))
            return Backing(id=support_id, status=status or item.status.value, value=f"a {kind} item", window="",
                           sources=[event.source_name(s) for s in sources],
                           observations=[Observation(event.source_name(s), "", _when(item.as_of)) for s in sources])
    return None


# --- the two ways in ---------------------------------------------------------------------


def is_event_file(path: Path) -> bool:
    return path.suffix.lower() in EVENT_SUFFIXES


def from_event(path: Path, *, templates_dir: Path | None = None, sources: Path | None = None, config=None,
               output: Path | None = None) -> PreviewData:
    """Draft the event and mark every figure from the claim map."""
    from writer.check import Checker
    from writer.draft import Drafter
    from writer.factbase.loader import load_event, load_registry

    event = load_event(path, load_registry(sources) if sources else None)
    facts_path = os.path.relpath(path.resolve(), output.resolve().parent) if output else str(path)
    draft = Drafter(templates_dir, run_check=False).draft(event, facts_path=Path(facts_path).as_posix())
    marks = []
    for fig in draft.claims["figures"]:
        marks.append(Mark(fig["start"], fig["end"], fig["text"], fig["status"], fig["fact"], "drafted",
                          _support_backing(event, fig["fact"], fig["status"]), fig.get("attribution") or fig.get("caveat") or ""))
    findings = Checker(config, spacy_pipeline=False).check_text(draft.markdown, path=str(path), event=event)
    data = PreviewData(draft.title, str(path), "draft", draft.markdown, marks, findings, list(draft.skipped), facts_path=str(path),
                       templates_dir=templates_dir)
    data.watched = [path, *_registry_files(event), *_template_files(templates_dir)]
    _attach(data)
    return data


def from_article(path: Path, *, text: str | None = None, facts: Path | None = None, templates_dir: Path | None = None,
                 config=None) -> PreviewData:
    """Check the article and mark every figure the check read, linked to its event when there is one."""
    from writer.check import Checker
    from writer.check.checker import read_article_text
    from writer.check.document import split_front_matter

    text = read_article_text(path) if text is None else text
    checker = Checker(config, spacy_pipeline=False)  # the same findings without spaCy's import (see Checker._chunks)
    event = checker.load_event(facts) if facts is not None else checker.event_for(text, path)
    starts = _line_starts(text)
    marks = []
    for t in checker.trace(text, path=str(path), event=event):
        a = starts[t["line"] - 1] + t["column"] - 1
        b = starts[t["end_line"] - 1] + t["end_column"] - 1
        kind = t["link"] or ""
        if event is None:
            status = UNLINKED
        elif kind in ("supported", "collapsed") and t["status"]:
            status = t["status"]
        elif t["unit"] == "part":
            status = COMPARED  # the check asks it only whose calculation it is (rules/p001)
        else:
            status = UNSUPPORTED
        support = t["support"] or ""
        marks.append(Mark(a, b, text[a:b], status, support, kind,
                          _support_backing(event, support, t["status"] or "")))
    findings = checker.check_text(text, path=str(path), event=event)
    front, _ = split_front_matter(text, str(path))
    title = str(front.get("title") or _first_heading(text) or path.name)
    data = PreviewData(title, str(path), "article", text, marks, findings, [], facts_path=os.path.normpath(event.path) if event else "",
                       templates_dir=templates_dir)
    data.watched = [path, *([Path(event.path)] if event is not None else []), *_registry_files(event), *_template_files(templates_dir)]
    if config is not None and config.origin:
        data.watched.append(Path(config.origin))
    if event is None:
        data.notes.append("No fact file: the article's front matter names none and --facts was not given, so figures are not linked to facts; only the rules that need no fact file ran.")
    else:
        data.skipped, note = _skipped_by_draft(event, templates_dir)
        if note:
            data.notes.append(note)
    _attach(data)
    return data


def _skipped_by_draft(event: Event, templates_dir: Path | None) -> tuple[list[tuple[str, str]], str]:
    """The sections the house draft of this event leaves out, and why (an edited article may still cover them)."""
    from writer.draft import Drafter

    try:
        return list(Drafter(templates_dir, run_check=False).draft(event).skipped), ""
    except DraftError as exc:
        return [], f"The event could not be drafted to list skipped sections: {exc}"


def _attach(data: PreviewData) -> None:
    """Give each mark the findings that point into it."""
    starts = _line_starts(data.markdown)
    for f in data.findings:
        if not f.line:
            continue
        at = starts[min(f.line, len(starts)) - 1] + f.column - 1
        for m in data.marks:
            if m.start <= at < max(m.end, m.start + 1):
                m.findings.append(f)
                break


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def _first_heading(text: str) -> str:
    for line in text.split("\n"):
        if line.startswith("# "):
            return line[2:].strip()
    return ""


def _registry_files(event: Event | None) -> list[Path]:
    return [Path(event.registry.path)] if event is not None and event.registry.path else []


def _template_files(templates_dir: Path | None) -> list[Path]:
    """Every file of the user's template folder, and of the bundled set (an edited house template counts too)."""
    from writer.draft.drafter import default_templates_dir

    out = []
    for folder in (templates_dir, default_templates_dir()):
        if folder is not None and Path(folder).is_dir():
            out.extend(p for p in sorted(Path(folder).rglob("*")) if p.is_file() and p.suffix in (".j2", ".yaml", ".html", ".css"))
    return out


__all__ = ["Backing", "COMPARED", "Mark", "Observation", "PreviewData", "UNLINKED", "UNSUPPORTED", "from_article", "from_event", "is_event_file"]
