"""Findings rendered for people and tools: text, JSON, SARIF 2.1.0, GitHub annotations.

These return strings; only the CLI prints them. Output is deterministic
(findings sorted by path, line, column, code; JSON keys in a fixed order) so
CI logs and SARIF uploads diff cleanly between runs.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from writer import __version__
from writer.check.findings import Finding
from writer.check.rules import RULES

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
INFO_URI = "https://github.com/writer-desk/writer"


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


def as_text(findings: list[Finding]) -> str:
    return "".join(f"{f.path}:{f.line}:{f.column}: {f.code} {f.name} {f.message}\n" for f in findings)


def text_summary(findings: list[Finding], files: int) -> str:
    s = summary(findings, files)
    if not findings:
        return f"All checks passed ({files} file{'s' if files != 1 else ''})."
    parts = [f"{s['errors']} error{'s' if s['errors'] != 1 else ''}", f"{s['warnings']} warning{'s' if s['warnings'] != 1 else ''}"]
    if s["info"]:
        parts.append(f"{s['info']} info")
    return f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} in {files} file{'s' if files != 1 else ''} ({', '.join(parts)})."


def as_json(findings: list[Finding], files: int) -> str:
    return json.dumps({"findings": [f.to_dict() for f in findings], "summary": summary(findings, files)}, indent=2, ensure_ascii=False) + "\n"


def _uri(path: str) -> str:
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_uri()
    return p.as_posix()


def as_sarif(findings: list[Finding]) -> str:
    codes = list(RULES)
    rules = [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": r.summary},
            "help": {"text": r.doc, "markdown": r.doc},
            "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
            "properties": {"tags": ["provenance", "fact-mode" if r.mode == "facts" else "fact-free"]},
        }
        for r in RULES.values()
    ]
    results = []
    for f in findings:
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
        results.append(result)
    doc = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "writer", "version": __version__, "informationUri": INFO_URI, "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def as_github(findings: list[Finding]) -> str:
    level = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for f in findings:
        props = f"file={_gh_prop(f.path)},line={f.line},col={f.column},endLine={f.end_line},endColumn={f.end_column},title={_gh_prop(f.code + ' ' + f.name)}"
        lines.append(f"::{level[f.severity]} {props}::{_gh_data(f.message)}\n")
    return "".join(lines)
