"""Check configuration: ``[tool.writer.check]`` in pyproject.toml, or defaults.

Keys (all optional)::

    [tool.writer.check]
    select = ["P", "F001"]          # codes or code prefixes; default: every rule
    ignore = ["P011"]
    fail-on = "warning"              # default "error"
    sources = "factbase/sources.yaml"  # registry used to recognise source names without a fact file
    [tool.writer.check.severity]
    P011 = "error"
    [tool.writer.check.extra-phrases]
    attribution = ["as tallied by"]
    rumor = ["whispers on"]
    [tool.writer.check.source-aliases]
    coinank = ["CoinAnk Pro"]
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from writer.check.findings import SEVERITIES
from writer.errors import single_problem

_KEYS = {"select", "ignore", "fail-on", "sources", "severity", "extra-phrases", "source-aliases"}


@dataclass(frozen=True)
class CheckConfig:
    select: tuple[str, ...] | None = None  # None: every rule
    ignore: tuple[str, ...] = ()
    severities: dict[str, str] = field(default_factory=dict)
    extra_phrases: dict[str, list[str]] = field(default_factory=dict)
    source_aliases: dict[str, list[str]] = field(default_factory=dict)
    sources: Path | None = None
    fail_on: str = "error"
    origin: str = ""  # the file the configuration came from

    def enabled(self, code: str) -> bool:
        if self.select is not None and not any(_matches(code, c) for c in self.select):
            return False
        return not any(_matches(code, c) for c in self.ignore)


def _matches(code: str, pattern: str) -> bool:
    p = pattern.strip().upper()
    return p == "ALL" or code == p or code.startswith(p)


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above ``start`` that has a [tool.writer] table."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
                continue
            if "writer" in data.get("tool", {}):
                return candidate
    return None


def load_config(path: Path) -> CheckConfig:
    """Read ``[tool.writer.check]`` from ``path``; raise InputError naming the bad key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise single_problem(path, f"not valid TOML: {exc}") from None
    table = data.get("tool", {}).get("writer", {}).get("check", {})
    where = "tool.writer.check"

    def bad(key: str, message: str):
        return single_problem(path, message, field=f"{where}.{key}")

    unknown = set(table) - _KEYS
    if unknown:
        raise bad(sorted(unknown)[0], f"unknown key; allowed keys: {', '.join(sorted(_KEYS))}")

    def codes(key: str) -> tuple[str, ...] | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad(key, "expected a list of rule codes")
        return tuple(v.upper() for v in value)

    severities = table.get("severity", {})
    if not isinstance(severities, dict) or any(v not in SEVERITIES for v in severities.values()):
        raise bad("severity", f"expected a table of CODE = one of {', '.join(SEVERITIES)}")
    fail_on = table.get("fail-on", "error")
    if fail_on not in SEVERITIES:
        raise bad("fail-on", f"expected one of {', '.join(SEVERITIES)}")
    phrases = table.get("extra-phrases", {})
    if not isinstance(phrases, dict) or not all(isinstance(v, list) for v in phrases.values()):
        raise bad("extra-phrases", "expected a table of class = [phrases]")
    from writer.check.phrases import MARKER_CLASSES

    for k in phrases:
        if k not in (*MARKER_CLASSES, "approx", "at_least", "at_most"):
            raise bad(f"extra-phrases.{k}", f"unknown phrase class; known: {', '.join(MARKER_CLASSES)}, approx, at_least, at_most")
    aliases = table.get("source-aliases", {})
    if not isinstance(aliases, dict) or not all(isinstance(v, list) for v in aliases.values()):
        raise bad("source-aliases", "expected a table of source-id = [names]")
    sources = table.get("sources")
    return CheckConfig(
        select=codes("select"),
        ignore=codes("ignore") or (),
        severities={k.upper(): v for k, v in severities.items()},
        extra_phrases={k: [str(p) for p in v] for k, v in phrases.items()},
        source_aliases={k: [str(n) for n in v] for k, v in aliases.items()},
        sources=(path.parent / sources) if sources else None,
        fail_on=fail_on,
        origin=str(path),
    )
