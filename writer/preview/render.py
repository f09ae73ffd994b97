"""The preview page: one self-contained HTML file (styles and script inline, no network request).

The article's Markdown is rendered with markdown-it-py after each figure's
span has been fenced with private-use sentinels; the sentinels then become
``<span class="fig" data-fact data-status tabindex="0">`` elements. Raw HTML in
the article is escaped (markdown-it's ``html`` option off) and HTML comments
(suppressions) are dropped, so an article cannot inject markup into its own
preview. Every value from a fact file goes through Jinja2's autoescaping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from writer.preview.model import UNLINKED, UNSUPPORTED, Mark, PreviewData
from writer.yamlload import safe_load

# Private-use characters fence each figure through the Markdown renderer: they are
# plain text to markdown-it, never produced by it, and removed from the input first.
_OPEN, _MID, _CLOSE = "\ue000", "\ue001", "\ue002"
_SENTINELS = re.compile("[\ue000\ue001\ue002]")
_FENCED = re.compile(f"{_OPEN}(\\d+){_MID}")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_FRONT_MATTER = re.compile(r"\A---\r?\n.*?^(?:---|\.\.\.)[ \t]*\r?$", re.DOTALL | re.MULTILINE)


@dataclass(frozen=True)
class StatusKey:
    """How one status looks: a text badge and a line style beside the colour, so colour is never the only cue."""

    status: str
    badge: str
    label: str
    meaning: str
    tint: str = ""


LEGEND_FILE = "site/legend.yaml"  # the published pages' marks and words: one place for both
# Two states only a checked article has (a published page never shows either).
PREVIEW_KEYS = (
    StatusKey(UNSUPPORTED, "✗", "Not supported", "no fact supports this figure, or it contradicts its fact.", "#fde2e2"),
    StatusKey(UNLINKED, "?", "Not linked", "checked without a fact file, so nothing to link to.", "#ffffff"),
)


class Legend:
    """The marks of ``templates/site/legend.yaml`` (or the user's override) plus the preview's own two."""

    def __init__(self, templates_dir: Path | None = None):
        from writer.draft.drafter import default_templates_dir

        folders = [d for d in (templates_dir, default_templates_dir()) if d is not None]
        path = next((Path(d) / LEGEND_FILE for d in folders if (Path(d) / LEGEND_FILE).is_file()), None)
        data = safe_load(path.read_text(encoding="utf-8")) if path is not None else {}
        statuses = (data or {}).get("statuses") or {}
        self.keys = {str(k): StatusKey(str(k), str(v["mark"]), str(v["label"]), str(v["text"]), str(v.get("tint", "")))
                     for k, v in statuses.items()}
        for k in PREVIEW_KEYS:
            self.keys[k.status] = k

    def __call__(self, status: str) -> StatusKey:
        """A status without an entry (a newer vocabulary) still gets a badge: its own name."""
        return self.keys.get(status) or StatusKey(status, status[:2].upper(), status.replace("_", " "), status.replace("_", " "))

    def order(self, status: str) -> int:
        return list(self.keys).index(status) if status in self.keys else len(self.keys)


def _fence(markdown: str, marks: list[Mark]) -> str:
    """The Markdown with each mark's span wrapped in sentinels (marks in order, never overlapping)."""
    text = _SENTINELS.sub("\ufffd", markdown)
    out, pos = [], 0
    for i, m in sorted(enumerate(marks), key=lambda im: im[1].start):
        if m.start < pos or m.end <= m.start:
            continue  # overlapping or empty: left unmarked rather than mis-nested
        out.append(text[pos:m.start])
        out.append(f"{_OPEN}{i}{_MID}{text[m.start:m.end]}{_CLOSE}")
        pos = m.end
    out.append(text[pos:])
    return "".join(out)


def article_html(data: PreviewData, legend: Legend | None = None) -> str:
    """The article body as HTML with every figure a focusable, described element."""
    fenced = _fence(data.markdown, data.marks)
    fenced = _FRONT_MATTER.sub(lambda m: "\n" * m.group(0).count("\n"), fenced, count=1)
    fenced = _COMMENT.sub("", fenced)
    html = MarkdownIt("commonmark", {"html": False}).enable("table").render(fenced)
    legend = legend or Legend(data.templates_dir)

    def open_span(m: re.Match) -> str:
        i = int(m.group(1))
        mark = data.marks[i]
        key = (legend or Legend(data.templates_dir))(mark.status)
        attrs = {
            "class": "fig" + (" has-findings" if mark.findings else ""),
            "id": f"fig-{i}",
            "data-fact": mark.fact,
            "data-status": mark.status,
            "data-badge": key.badge,
            "data-detail": f"detail-{i}",
            "tabindex": "0",
            "aria-describedby": f"detail-{i}",
        }
        return "<span " + " ".join(f'{k}="{escape(v)}"' for k, v in attrs.items()) + ">"

    html = _FENCED.sub(open_span, html)
    return html.replace(_CLOSE, "</span>")


_TINT = re.compile(r"#[0-9A-Fa-f]{3,8}")  # a legend's tint goes into CSS: a hex colour and nothing else


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("writer.preview", "."),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.tests["match_tint"] = lambda value: bool(_TINT.fullmatch(value or ""))
    return env


def _asset(name: str) -> str:
    return resources.files("writer.preview").joinpath(name).read_text(encoding="utf-8")


def render_page(data: PreviewData) -> str:
    """The whole preview page; same data, same bytes."""
    figure_of = {}
    for i, m in enumerate(data.marks):
        for f in m.findings:
            figure_of[id(f)] = i
    findings = [{"finding": f, "figure": figure_of.get(id(f))} for f in data.findings]
    key = Legend(data.templates_dir)
    used = sorted({m.status for m in data.marks}, key=key.order)
    legend = [key(s) for s in used]
    counts = {s: sum(1 for m in data.marks if m.status == s) for s in used}
    return _env().get_template("page.html.j2").render(
        data=data,
        body=Markup(article_html(data, key)),
        marks=list(enumerate(data.marks)),
        findings=findings,
        legend=legend,
        counts=counts,
        key=key,
        style=Markup(_asset("preview.css")),
        script=Markup(_asset("preview.js")),
    )


__all__ = ["Legend", "StatusKey", "article_html", "render_page"]
