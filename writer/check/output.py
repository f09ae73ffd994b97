"""Findings rendered for people and tools: text, JSON, SARIF 2.1.0, GitHub annotations.

These return strings; only the CLI prints them. Output is deterministic
(findings sorted by path, line, column, code; JSON keys in a fixed order) so
CI logs and SARIF uploads diff cleanly between runs. Input errors (a missing
file, a broken configuration) are rendered in each machine format too: a SARIF
run with ``executionSuccessful: false`` and a tool execution notification per
problem, an ``::error`` annotation, or an ``errors`` list in JSON.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from writer import __version__
from writer.check.findings import Finding
from writer.check.rules import RULES
from writer.errors import Problem

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
INFO_URI = "https://github.com/writer-desk/writer"
RULES_REFERENCE = "docs/rules.md"  # generated from the rule docs (docs/generate.py); helpUri points into it

# A source line longer than this is cut to the figure and this many characters either side.
EXCERPT_WIDTH, EXCERPT_CONTEXT = 100, 40

# ANSI styles for a terminal (never written when colour is off).
_STYLE = {"path": "1", "code": "1;31", "error": "31", "warning": "33", "info": "36", "caret": "1;31", "dim": "2"}


def rule_anchor(code: str) -> str:
    """The anchor of a rule's heading (``## P002 unattributed-single-source``) in the rules reference."""
    r = RULES[code]
    return f"{r.code}-{r.name}".lower()


def help_uri(code: str) -> str:
    return f"{INFO_URI}/blob/main/{RULES_REFERENCE}#{rule_anchor(code)}"


def rule_markdown(r, heading: str = "##") -> str:
    """One rule's reference entry (``writer rule CODE`` and the generated rules reference share it)."""
    mode = {"facts": "needs a fact file", "free": "runs without a fact file", "any": "runs with or without a fact file"}[r.mode]
    doc = r.doc
    if heading != "#":  # the rule's own sections go one level below its heading
        doc = ("\n" + doc).replace("\n## ", "\n" + heading + "# ")[1:]
    return f"{heading} {r.code} {r.name}\n\nSeverity: {r.severity}; {mode}.\n\n{r.summary}\n\n{doc}"


def summary(findings: list[Finding], files: int) -> dict:
    sev = Counter(f.severity for f in findings)
    return {
        "files": files,
        "findings": len(findings),
        "errors": sev.get("error", 0),
        "warnings": sev.get("warning", 0),
        "info": sev.get("info", 0),
        "by_code": dict(sorted(Counter(f.code for f in findings).items())),
    }


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_STYLE[style]}m{text}\x1b[0m" if color else text


def as_text(findings: list[Finding], *, color: bool = False, sources: dict[str, str] | None = None) -> str:
    """``path:line:col: CODE name message``; with ``sources`` (path -> text), the offending line and a caret under the figure."""
    out = []
    for f in findings:
        where = _paint(f"{f.path}:{f.line}:{f.column}:", "path", color)
        out.append(f"{where} {_paint(f.code, 'code', color)} {f.name} {f.message}\n")
        text = (sources or {}).get(f.path)
        if text is not None:
            out.append(_excerpt(text, f, color))
    return "".join(out)


def _excerpt(text: str, f: Finding, color: bool) -> str:
    lines = text.split("\n")
    if not 1 <= f.line <= len(lines):
        return ""
    line = lines[f.line - 1].rstrip("\r").expandtabs(1)
    width = max(1, (f.end_column - f.column) if f.end_line == f.line else len(line) - f.column + 1)
    start = f.column - 1
    if len(line) > EXCERPT_WIDTH:  # a paragraph is one long line: show the figure with some words around it
        a = max(0, start - EXCERPT_CONTEXT)
        b = min(len(line), start + width + EXCERPT_CONTEXT)
        line = ("…" if a else "") + line[a:b] + ("…" if b < len(line) else "")
        start = start - a + (1 if a else 0)
    gutter = f"{f.line} | "
    pad = " " * (len(gutter) - 2) + "| "
    caret = " " * start + "^" * width
    return f"{_paint(gutter, 'dim', color)}{line}\n{_paint(pad, 'dim', color)}{_paint(caret, 'caret', color)}\n\n"


def text_summary(findings: list[Finding], files: int, unchecked: int = 0) -> str:
    s = summary(findings, files)
    if unchecked:
        found = f"{len(findings)} finding{'s' if len(findings) != 1 else ''}"
        return f"{unchecked} of {files} file{'s' if files != 1 else ''} could not be checked (see above); {found} in the others."
    if not findings:
        return f"All checks passed ({files} file{'s' if files != 1 else ''})."
    parts = [f"{s['errors']} error{'s' if s['errors'] != 1 else ''}", f"{s['warnings']} warning{'s' if s['warnings'] != 1 else ''}"]
    if s["info"]:
        parts.append(f"{s['info']} info")
    return f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} in {files} file{'s' if files != 1 else ''} ({', '.join(parts)})."


def statistics(findings: list[Finding]) -> str:
    """Count per rule, most frequent first (like ``ruff --statistics``)."""
    counts = Counter(f.code for f in findings)
    if not counts:
        return ""
    width = max(len(str(n)) for n in counts.values())
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return "".join(f"{n:>{width}}  {code}  {RULES[code].name if code in RULES else ''}\n" for code, n in rows)


def _problem_dict(p: Problem) -> dict:
    return {"path": p.path, "line": p.line, "column": p.column, "field": p.field, "message": p.message}


def as_json(findings: list[Finding], files: int, problems: list[Problem] = ()) -> str:
    doc = {"findings": [f.to_dict() for f in findings], "summary": summary(findings, files)}
    if problems:
        doc["errors"] = [_problem_dict(p) for p in problems]
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _uri(path: str) -> str:
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_uri()
    return p.as_posix()


def _sarif_rules() -> list[dict]:
    return [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": r.summary},
            "helpUri": help_uri(r.code),
            "help": {"text": r.doc, "markdown": r.doc},
            "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
            "properties": {"tags": ["provenance", {"facts": "fact-mode", "free": "fact-free"}.get(r.mode, "any-mode")]},
        }
        for r in RULES.values()
    ]


def _sarif_result(f: Finding, codes: list[str]) -> dict:
    result = {
        "ruleId": f.code,
        "ruleIndex": codes.index(f.code) if f.code in codes else -1,
        "level": _SARIF_LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(f.path)},
                    "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column},
                }
            }
        ],
        "partialFingerprints": {"figure/v1": f"{f.code}:{f.figure or ''}:{f.fact or ''}"},
    }
    if result["ruleIndex"] < 0:
        del result["ruleIndex"]
    return result


def _sarif_notification(p: Problem) -> dict:
    note: dict = {"level": "error", "message": {"text": f"{p.field}: {p.message}" if p.field else p.message}}
    if p.path:
        region = {"startLine": p.line, "startColumn": max(p.column, 1)} if p.line > 0 else None
        physical: dict = {"artifactLocation": {"uri": _uri(p.path)}}
        if region:
            physical["region"] = region
        note["locations"] = [{"physicalLocation": physical}]
    return note


def as_sarif(findings: list[Finding], problems: list[Problem] = ()) -> str:
    codes = list(RULES)
    run: dict = {
        "tool": {"driver": {"name": "writer", "version": __version__, "informationUri": INFO_URI, "rules": _sarif_rules()}},
        "invocations": [{"executionSuccessful": not problems}],
        "columnKind": "unicodeCodePoints",
        "results": [_sarif_result(f, codes) for f in findings],
    }
    if problems:
        run["invocations"][0]["toolExecutionNotifications"] = [_sarif_notification(p) for p in problems]
    doc = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def as_github(findings: list[Finding], problems: list[Problem] = ()) -> str:
    level = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for p in problems:
        props = [f"file={_gh_prop(p.path)}"] if p.path else []
        if p.line > 0:
            props.append(f"line={p.line}")
            if p.column > 0:
                props.append(f"col={p.column}")
        props.append(f"title={_gh_prop('writer: input error')}")
        message = f"{p.field}: {p.message}" if p.field else p.message
        lines.append(f"::error {','.join(props)}::{_gh_data(message)}\n")
    for f in findings:
        props = f"file={_gh_prop(f.path)},line={f.line},col={f.column},endLine={f.end_line},endColumn={f.end_column},title={_gh_prop(f.code + ' ' + f.name)}"
        lines.append(f"::{level[f.severity]} {props}::{_gh_data(f.message)}\n")
    return "".join(lines)
