"""CLI commands for `writer check`, `writer rules` and `writer rule CODE` (parsing and printing only)."""

from __future__ import annotations

import glob
import json
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import click

from writer.cli_errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, report_problems, reporting_errors
from writer.errors import InputError, Problem

ARTICLE_SUFFIXES = (".md", ".markdown")
STDIN = "-"
FORMATS = ("text", "json", "sarif", "github")
# Files at or above this count are checked on every core by default (below it, starting workers costs more).
PARALLEL_FROM_FILES = 64


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def _markdown_under(folder: Path) -> list[Path]:
    return [q for q in sorted(folder.rglob("*")) if q.is_file() and q.suffix.lower() in ARTICLE_SUFFIXES]


def _article_paths(paths: tuple[str, ...]) -> tuple[list[Path], list[Problem]]:
    """Files, folders (recursively, Markdown only) and globs -> sorted unique files; and a problem per unmatched input."""
    found: list[Path] = []
    missing: list[Problem] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found.extend(_markdown_under(p))
        elif p.is_file():
            found.append(p)
        elif any(ch in raw for ch in "*?["):
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True))
            files = [m for m in matches if m.is_file()]
            for m in matches:
                if m.is_dir():
                    files.extend(_markdown_under(m))
            if not files:
                missing.append(Problem(raw, 0, 0, "", "no file matches this glob"))
            found.extend(files)
        else:
            missing.append(Problem(raw, 0, 0, "", "no such file or folder"))
    return list(dict.fromkeys(found)), missing


def use_color(choice: str, stream=None, environ=None) -> bool:
    """Colour on a terminal unless NO_COLOR is set (https://no-color.org); ``always``/``never`` override both."""
    if choice != "auto":
        return choice == "always"
    environ = os.environ if environ is None else environ
    stream = sys.stdout if stream is None else stream
    return not environ.get("NO_COLOR") and hasattr(stream, "isatty") and stream.isatty()


@dataclass
class _Options:
    fmt: str
    overrides: dict
    exit_zero: bool
    statistics: bool
    color: bool
    show_source: bool
    jobs: int


def _renderer(fmt: str, files: int = 0):
    """How input problems appear on stdout in machine formats (text prints them on stderr only)."""
    from writer.check.output import as_github, as_json, as_sarif

    return {
        "json": lambda problems: as_json([], files, problems),
        "sarif": lambda problems: as_sarif([], problems),
        "github": lambda problems: as_github([], problems),
    }.get(fmt)


@click.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option("--facts", "facts", type=click.Path(path_type=Path), help="Fact file for every article (default: each article's front matter `facts:`).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--select", help="Comma-separated rule codes or prefixes to run (default: all, or [tool.writer.check] select).")
@click.option("--ignore", help="Comma-separated rule codes or prefixes to skip.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None, help="Lowest severity that fails the run (default: warning, the level at which `writer batch` refuses to publish).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported (input errors still exit 2).")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of each finding (text format).")
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), help="pyproject.toml to read [tool.writer.check] from for every article (default: the nearest one to each article).")
@click.option("--sources", type=click.Path(path_type=Path, dir_okay=False), help="Source registry for recognising source names without a fact file.")
@click.option("--stdin-filename", type=click.Path(path_type=Path, dir_okay=False), help="With PATH '-': the name the article read from stdin goes by (findings, configuration, front matter `facts:`).")
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True, help="Colour text output (auto: on a terminal, unless NO_COLOR is set).")
@click.option("--show-source/--no-show-source", default=None, help="Show the offending line with a caret under the figure (default: on a terminal).")
@click.option("-j", "--jobs", type=int, default=0, show_default="all cores for 64+ files, else 1", help="Worker processes.")
def check(paths, facts, fmt, select, ignore, fail_on, exit_zero, statistics, config_path, sources, stdin_filename, color, show_source, jobs) -> None:
    """Check articles (files, folders, globs; '-' reads one article from stdin).

    Every figure is linked to the fact base. Configuration comes from the
    nearest pyproject.toml with [tool.writer] above each article. Exit 0 when
    clean, 1 when a finding is at or above --fail-on, 2 on a usage or input error.
    """
    overrides: dict = {}
    if select is not None:
        overrides["select"] = _codes(select)
    if ignore is not None:
        overrides["ignore"] = _codes(ignore) or ()
    if fail_on is not None:
        overrides["fail_on"] = fail_on
    if sources is not None:
        overrides["sources"] = sources
    from writer.check.config import known_code_pattern

    for pattern in (overrides.get("select") or ()) + overrides.get("ignore", ()):
        if not known_code_pattern(pattern):
            raise click.UsageError(f"unknown rule code or prefix {pattern!r} (see `writer rules`)")
    if STDIN in paths and len(paths) > 1:
        raise click.UsageError("'-' (stdin) cannot be combined with other paths")
    if stdin_filename is not None and STDIN not in paths:
        raise click.UsageError("--stdin-filename is for reading an article from stdin (PATH '-')")
    tty = sys.stdout.isatty()
    opts = _Options(fmt, overrides, exit_zero, statistics, use_color(color),
                    show_source if show_source is not None else tty, jobs)
    with reporting_errors(_renderer(fmt)):
        if paths == (STDIN,):
            _check_stdin(stdin_filename, facts, config_path, opts)
        else:
            _check_files(paths, facts, config_path, opts)


def _configs(config_path: Path | None, overrides: dict):
    """A function article -> CheckConfig: the given --config for all, else each article's nearest pyproject.toml."""
    from writer.check.config import ConfigCache, load_config

    if config_path is not None:
        fixed = replace(load_config(config_path), **overrides)
        return lambda article: fixed
    cache = ConfigCache()
    return lambda article: replace(cache.for_article(article), **overrides)


def _read_stdin() -> str:
    from writer.check.checker import MAX_ARTICLE_BYTES

    data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError([Problem(STDIN, 0, 0, "", f"larger than {MAX_ARTICLE_BYTES:,} bytes; not an article")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise InputError([Problem(STDIN, line, 0, "", "not UTF-8 text")]) from None


def _check_stdin(stdin_filename: Path | None, facts: Path | None, config_path: Path | None, opts: _Options) -> None:
    from writer.check import Checker

    name = str(stdin_filename) if stdin_filename is not None else STDIN
    text = _read_stdin()
    where = stdin_filename if stdin_filename is not None else Path.cwd() / "stdin.md"
    checker = Checker(_configs(config_path, opts.overrides)(where))
    event = checker.load_event(facts) if facts is not None else checker.event_for(text, stdin_filename or Path("stdin.md"))
    findings = checker.check_text(text, path=name, event=event)
    _print(findings, 1, [], {name: text}, opts)
    _exit(findings, [checker.config], opts)


def _check_files(paths: tuple[str, ...], facts: Path | None, config_path: Path | None, opts: _Options) -> None:
    from writer.check import Checker
    from writer.check.parallel import check_paths

    files, missing = _article_paths(paths)
    if missing:
        raise InputError(missing)
    if not files:
        raise InputError([Problem(p, 0, 0, "", "no Markdown articles (.md, .markdown) found here") for p in paths])
    config_of = _configs(config_path, opts.overrides)
    groups: dict[str, tuple] = {}  # config file -> (its configuration, its articles)
    for f in files:
        config = config_of(f)
        groups.setdefault(config.origin, (config, []))[1].append(f)
    findings, problems, configs = [], [], []
    for config, group in groups.values():
        checker = Checker(config)
        event = checker.load_event(facts) if facts is not None else None
        jobs = opts.jobs if opts.jobs > 0 else ((os.cpu_count() or 1) if len(group) >= PARALLEL_FROM_FILES else 1)
        found, bad = check_paths(checker, group, event_path=facts if event is not None else None, jobs=jobs)
        findings.extend(found)
        problems.extend(bad)
        configs.append(config)
    findings.sort()
    sources = _sources_for(findings) if opts.show_source and opts.fmt == "text" and not opts.statistics else None
    if problems:
        report_problems(sorted(problems))
    _print(findings, len(files), sorted(problems), sources, opts)
    if problems:
        sys.exit(EXIT_INPUT)
    _exit(findings, configs, opts)


def _sources_for(findings) -> dict[str, str]:
    out = {}
    for path in {f.path for f in findings}:
        try:
            out[path] = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    return out


def _print(findings, files: int, problems: list[Problem], sources, opts: _Options) -> None:
    from writer.check.output import as_github, as_json, as_sarif, as_text, statistics, text_summary

    if opts.fmt == "json":
        click.echo(as_json(findings, files, problems), nl=False)
    elif opts.fmt == "sarif":
        click.echo(as_sarif(findings, problems), nl=False)
    elif opts.fmt == "github":
        click.echo(as_github(findings, problems), nl=False)
    elif opts.statistics:
        click.echo(statistics(findings), nl=False)
        click.echo(text_summary(findings, files, unchecked=len({p.path for p in problems})))
    else:
        click.echo(as_text(findings, color=opts.color, sources=sources if opts.show_source else None), nl=False, color=opts.color)
        click.echo(text_summary(findings, files, unchecked=len({p.path for p in problems})))


def _exit(findings, configs, opts: _Options) -> None:
    from writer.check.findings import severity_rank

    if opts.exit_zero:
        sys.exit(EXIT_OK)
    threshold = min(severity_rank(c.fail_on) for c in configs)
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
    modes = {"facts": "fact file", "free": "no fact file", "any": "either"}
    for r in RULES.values():
        click.echo(f"{r.code}  {r.name:<{width}}  {r.severity:<7}  {modes[r.mode]:<12}  {r.summary}")


@click.command("rule")
@click.argument("code")
def rule(code: str) -> None:
    """Print one rule's documentation (what it does, why, example, use instead)."""
    from writer.check.rules import rule as lookup

    r = lookup(code)
    if r is None:
        raise click.UsageError(f"unknown rule {code!r} (see `writer rules`)")
    from writer.check.output import rule_markdown

    click.echo(rule_markdown(r, heading="#"), nl=False)


# `writer check`, `writer rules` and `writer rule CODE` are registered together.
check_commands = [check, rules, rule]
