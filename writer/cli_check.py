"""CLI commands for `writer check`, `writer rules` and `writer rule CODE` (parsing and printing only)."""

from __future__ import annotations

import glob
import json
import os
import sys
from pathlib import Path

import click

from writer.errors import InputError, Problem

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
ARTICLE_SUFFIXES = (".md", ".markdown")


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def _article_paths(paths: tuple[str, ...]) -> tuple[list[Path], list[str]]:
    """Files, folders (recursively, Markdown only) and globs -> sorted unique files; and unmatched inputs."""
    found: list[Path] = []
    missing: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found.extend(q for q in sorted(p.rglob("*")) if q.is_file() and q.suffix.lower() in ARTICLE_SUFFIXES)
        elif p.is_file():
            found.append(p)
        elif any(ch in raw for ch in "*?["):
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True))
            files = [m for m in matches if m.is_file()]
            for m in matches:
                if m.is_dir():
                    files.extend(q for q in sorted(m.rglob("*")) if q.is_file() and q.suffix.lower() in ARTICLE_SUFFIXES)
            if not files:
                missing.append(raw)
            found.extend(files)
        else:
            missing.append(raw)
    return list(dict.fromkeys(found)), missing


def _print_input_error(exc: InputError) -> None:
    click.echo(str(exc), err=True)


@click.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option("--facts", "facts", type=click.Path(path_type=Path), help="Fact file for every article (default: each article's front matter `facts:`).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github"]), default="text", show_default=True)
@click.option("--select", help="Comma-separated rule codes or prefixes to run (default: all, or [tool.writer.check] select).")
@click.option("--ignore", help="Comma-separated rule codes or prefixes to skip.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None, help="Lowest severity that fails the run (default: error).")
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), help="pyproject.toml to read [tool.writer.check] from (default: the nearest one).")
@click.option("--sources", type=click.Path(path_type=Path, dir_okay=False), help="Source registry for recognising source names without a fact file.")
@click.option("-j", "--jobs", type=int, default=0, show_default="all cores for 64+ files, else 1", help="Worker processes.")
def check(paths, facts, fmt, select, ignore, fail_on, config_path, sources, jobs) -> None:
    """Check articles (files, folders, globs): every figure linked to the fact base.

    Exit 0 when clean, 1 when a finding is at or above --fail-on, 2 on a usage or input error.
    """
    from dataclasses import replace

    from writer.check import Checker, CheckConfig, find_pyproject, load_config
    from writer.check.findings import severity_rank
    from writer.check.output import as_github, as_json, as_sarif, as_text, text_summary

    try:
        if config_path is not None:
            if not config_path.is_file():
                raise InputError([Problem(str(config_path), 0, 0, "", "no such file")])
            config = load_config(config_path)
        else:
            found = find_pyproject(Path.cwd())
            config = load_config(found) if found else CheckConfig()
        overrides = {}
        if select is not None:
            overrides["select"] = _codes(select)
        if ignore is not None:
            overrides["ignore"] = _codes(ignore) or ()
        if fail_on is not None:
            overrides["fail_on"] = fail_on
        if sources is not None:
            overrides["sources"] = sources
        config = replace(config, **overrides)
        from writer.check.rules import RULES

        for pattern in (config.select or ()) + config.ignore:
            if pattern != "ALL" and not any(code.startswith(pattern) for code in RULES):
                raise click.UsageError(f"unknown rule code or prefix {pattern!r} (see `writer rules`)")
        checker = Checker(config)
        event = checker.load_event(facts) if facts is not None else None
    except InputError as exc:
        _print_input_error(exc)
        sys.exit(EXIT_INPUT)

    files, missing = _article_paths(paths)
    for m in missing:
        click.echo(f"{m}: no such file, folder or matching glob", err=True)
    if missing or not files:
        if not files and not missing:
            click.echo("no Markdown articles found in " + ", ".join(paths), err=True)
        sys.exit(EXIT_INPUT)

    from writer.check.parallel import check_paths

    if jobs <= 0:
        jobs = (os.cpu_count() or 1) if len(files) >= 64 else 1
    findings, problems = check_paths(checker, files, event_path=facts if event is not None else None, jobs=jobs)
    bad_input = bool(problems)
    if problems:
        _print_input_error(InputError(problems))
    if fmt == "json":
        click.echo(as_json(findings, len(files)), nl=False)
    elif fmt == "sarif":
        click.echo(as_sarif(findings), nl=False)
    elif fmt == "github":
        click.echo(as_github(findings), nl=False)
    else:
        click.echo(as_text(findings), nl=False)
        click.echo(text_summary(findings, len(files)))
    if bad_input:
        sys.exit(EXIT_INPUT)
    threshold = severity_rank(config.fail_on)
    sys.exit(EXIT_FINDINGS if any(severity_rank(f.severity) >= threshold for f in findings) else EXIT_OK)


@click.command("rules")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def rules(fmt: str) -> None:
    """List every check rule: code, name, severity, mode, summary."""
    from writer.check.rules import RULES

    if fmt == "json":
        data = [{"code": r.code, "name": r.name, "severity": r.severity, "mode": r.mode, "summary": r.summary} for r in RULES.values()]
        click.echo(json.dumps(data, indent=2))
        return
    width = max(len(r.name) for r in RULES.values())
    for r in RULES.values():
        mode = "fact file" if r.mode == "facts" else "no fact file"
        click.echo(f"{r.code}  {r.name:<{width}}  {r.severity:<7}  {mode:<12}  {r.summary}")


@click.command("rule")
@click.argument("code")
def rule(code: str) -> None:
    """Print one rule's documentation (what it does, why, example, use instead)."""
    from writer.check.rules import rule as lookup

    r = lookup(code)
    if r is None:
        raise click.UsageError(f"unknown rule {code!r} (see `writer rules`)")
    mode = "needs a fact file" if r.mode == "facts" else "runs without a fact file"
    click.echo(f"# {r.code} {r.name}\n\nSeverity: {r.severity}; {mode}.\n\n{r.summary}\n\n{r.doc}", nl=False)


# `writer check`, `writer rules` and `writer rule CODE` are registered together.
check_commands = [check, rules, rule]
