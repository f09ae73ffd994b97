"""Check configuration: ``[check]`` in writer.toml, ``[tool.writer.check]`` in pyproject.toml, or defaults.

Keys (all optional)::

    [tool.writer.check]
    select = ["P", "F001"]          # codes or code prefixes; default: every rule
    ignore = ["P011"]
    fail-on = "warning"              # default: DEFAULT_FAIL_ON, the same gate as `writer batch`
    sources = "factbase/sources.yaml"  # registry used to recognise source names without a fact file
    [tool.writer.check.severity]
    P011 = "error"
    [tool.writer.check.extra-phrases]
    attribution = ["as tallied by"]
    rumor = ["whispers on"]
    [tool.writer.check.source-aliases]
    coinank = ["CoinAnk Pro"]

Discovery is per article, like ruff: in the article's folder, then each folder
above it, a ``writer.toml`` (or ``.writer.toml``), else a ``pyproject.toml`` that
has a ``[tool.writer]`` table. A ``pyproject.toml``
met on the way that is not UTF-8 or not valid TOML is an error naming it (it
might have held the configuration), never silently skipped. Every problem in a
configuration is reported at once, each with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from writer.check.findings import SEVERITIES
from writer.errors import InputError, Problem

CONFIG_NAME = "pyproject.toml"
# writer's own file (like ruff.toml): the same keys under [check]; it wins over a pyproject.toml beside it.
OWN_CONFIG_NAMES = ("writer.toml", ".writer.toml")
# `writer check` fails, and `writer batch` refuses to publish, at this severity unless configured:
# one gate, so an article that passes CI is never rejected at publish time.
DEFAULT_FAIL_ON = "warning"
_KEYS = ("select", "ignore", "fail-on", "sources", "severity", "extra-phrases", "source-aliases")
_EXTRA_CLASSES_BESIDE_MARKERS = ("approx", "at_least", "at_most")


@dataclass(frozen=True)
class CheckConfig:
    select: tuple[str, ...] | None = None  # None: every rule
    ignore: tuple[str, ...] = ()
    severities: dict[str, str] = field(default_factory=dict)
    extra_phrases: dict[str, list[str]] = field(default_factory=dict)
    source_aliases: dict[str, list[str]] = field(default_factory=dict)
    sources: Path | None = None
    fail_on: str = DEFAULT_FAIL_ON
    origin: str = ""  # the file the configuration came from

    def enabled(self, code: str) -> bool:
        if self.select is not None and not any(_matches(code, c) for c in self.select):
            return False
        return not any(_matches(code, c) for c in self.ignore)


def _matches(code: str, pattern: str) -> bool:
    p = pattern.strip().upper()
    return p == "ALL" or code == p or code.startswith(p)


def known_code_pattern(pattern: str) -> bool:
    """True when ``pattern`` ("ALL", a rule code or a code prefix) names at least one rule."""
    from writer.check.rules import RULES

    p = pattern.strip().upper()
    return p == "ALL" or any(code.startswith(p) for code in RULES) if p else False


# --- discovery -----------------------------------------------------------------------


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above ``start`` with a [tool.writer] table.

    Raises InputError for a pyproject.toml on the way that cannot be read as
    TOML (it may be the one meant to configure writer).
    """
    here = Path(start).resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        for own in OWN_CONFIG_NAMES:
            if (folder / own).is_file():
                return folder / own
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            data = _read_toml(candidate)
            tool = data.get("tool")
            if isinstance(tool, dict) and "writer" in tool:
                return candidate
            if "tool" in data and not isinstance(tool, dict):
                return candidate  # a writer config gone wrong is reported by load_config
    return None


class ConfigCache:
    """Configuration per article folder (discovery once per folder, loading once per file)."""

    def __init__(self) -> None:
        self._by_folder: dict[Path, Path | None] = {}
        self._loaded: dict[Path | None, CheckConfig] = {}

    def for_article(self, article: Path) -> CheckConfig:
        folder = Path(article).resolve().parent
        if folder not in self._by_folder:
            self._by_folder[folder] = find_pyproject(folder)
        found = self._by_folder[folder]
        if found not in self._loaded:
            self._loaded[found] = load_config(found) if found is not None else CheckConfig()
        return self._loaded[found]


# --- loading -----------------------------------------------------------------------------


def _read_toml(path: Path) -> dict:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError([Problem(str(path), 1, 1, "", f"cannot read: {exc.strerror or exc}")]) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError([Problem(str(path), line, column, "", "not UTF-8 text")]) from None
    import tomllib  # only when a configuration file is read (most checks and drafts read none)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, column = _decode_position(exc, text)
        reason = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)$", "", str(exc))
        raise InputError([Problem(str(path), line, column, "", f"not valid TOML: {reason}")]) from None


def _decode_position(exc: "tomllib.TOMLDecodeError", text: str) -> tuple[int, int]:
    """(line, column) of a TOML syntax error: the exception's own fields where Python has them (3.14+)."""
    line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    if line:
        return int(line), int(column or 1)
    m = re.search(r"at line (\d+), column (\d+)", str(exc))
    if m:
        return int(m.group(1)), int(m.group(2))
    return max(1, text.count("\n") + (0 if text.endswith("\n") else 1)), 1  # "at end of document"


class _Locator:
    """Line of a dotted TOML key in a file (tomllib keeps no positions).

    Reads table headers (``[a.b]``, ``[[a.b]]``) and ``key =`` lines, dotted and
    quoted keys included; a key not found falls back to its nearest located
    parent, then to line 1.
    """

    _HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
    _KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_\-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_\-]+|"[^"]*"|'[^']*'))*)\s*=""")

    def __init__(self, text: str):
        self.lines: dict[tuple[str, ...], int] = {}
        table: tuple[str, ...] = ()
        for n, raw in enumerate(text.splitlines(), start=1):
            header = self._HEADER.match(raw)
            if header:
                table = self._split(header.group(1))
                for i in range(1, len(table) + 1):  # [a.b.c] also defines a and a.b here, if not before
                    self.lines.setdefault(table[:i], n)
                continue
            key = self._KEY.match(raw)
            if key:
                full = table + self._split(key.group(1))
                for i in range(len(table) + 1, len(full) + 1):
                    self.lines.setdefault(full[:i], n)

    @staticmethod
    def _split(dotted: str) -> tuple[str, ...]:
        parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([A-Za-z0-9_\-]+)', dotted)
        return tuple(a or b or c for a, b, c in parts)

    def line(self, dotted: tuple[str, ...]) -> int:
        for i in range(len(dotted), 0, -1):
            if dotted[:i] in self.lines:
                return self.lines[dotted[:i]]
        return 1


def load_config(path: Path) -> CheckConfig:
    """Read ``[tool.writer.check]`` from ``path``; raise InputError naming every bad key with its line."""
    path = Path(path)
    if not path.is_file():
        raise InputError([Problem(str(path), 0, 0, "", "no such file" if not path.exists() else "not a regular file")])
    data = _read_toml(path)
    text = path.read_text(encoding="utf-8")
    loc = _Locator(text)
    problems: list[Problem] = []

    def bad(keys: tuple[str, ...], message: str) -> None:
        problems.append(Problem(str(path), loc.line(keys), 1, ".".join(keys), message))

    prefix = ("check",) if path.name in OWN_CONFIG_NAMES else ("tool", "writer", "check")
    table: object = data
    for i, part in enumerate(prefix):
        nxt = table.get(part, {})
        if not isinstance(nxt, dict):
            bad(prefix[: i + 1], f"expected a table, got {_kind(nxt)}")
            raise InputError(problems)
        table = nxt
    if prefix == ("check",):
        for key in sorted(set(data) - {"check"}):
            bad((key,), "unknown table; writer.toml holds [check]")
    config = _parse_table(table, path, lambda key, msg: bad((*prefix, *key), msg))
    if problems:
        raise InputError(problems)
    return config


def _kind(value: object) -> str:
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "an array", dict: "a table"}.get(type(value), type(value).__name__)


def _parse_table(table: dict, path: Path, bad) -> CheckConfig:
    for key in sorted(set(table) - set(_KEYS)):
        bad((key,), f"unknown key; allowed keys: {', '.join(sorted(_KEYS))}")
    severities = _severities(table, bad)
    fail_on = table.get("fail-on", DEFAULT_FAIL_ON)
    if fail_on not in SEVERITIES:
        bad(("fail-on",), f"expected one of {', '.join(SEVERITIES)}, got {fail_on!r}")
        fail_on = DEFAULT_FAIL_ON
    phrases = _extra_phrases(table, bad)
    aliases = _table_of_lists(table, "source-aliases", "source-id", bad)
    sources = table.get("sources")
    if sources is not None and not (isinstance(sources, str) and sources):
        bad(("sources",), f"expected the path of a sources.yaml, got {_kind(sources)}")
        sources = None
    return CheckConfig(
        select=_codes(table, "select", bad),
        ignore=_codes(table, "ignore", bad) or (),
        severities=severities,
        extra_phrases=phrases,
        source_aliases=aliases,
        sources=(path.parent / sources) if sources else None,
        fail_on=fail_on,
        origin=str(path),
    )


def _codes(table: dict, key: str, bad) -> tuple[str, ...] | None:
    """An array of rule codes or code prefixes (``select``, ``ignore``), upper-cased; None when absent or not an array."""
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        bad((key,), f"expected an array of rule codes, got {_kind(value)}")
        return None
    for v in value:
        if not known_code_pattern(v):
            bad((key,), f"unknown rule code or prefix {v!r} (see `writer rules`)")
    return tuple(v.strip().upper() for v in value)


def _table_of_lists(table: dict, key: str, what: str, bad) -> dict[str, list[str]]:
    """A table whose every value is an array of strings; the entries that are not are reported and left out."""
    value = table.get(key, {})
    if not isinstance(value, dict):
        bad((key,), f"expected a table of {what} = [strings], got {_kind(value)}")
        return {}
    out = {}
    for k, v in value.items():
        if not isinstance(v, list) or not all(isinstance(s, str) for s in v):
            bad((key, k), f"expected an array of strings, got {_kind(v)}")
        else:
            out[k] = list(v)
    return out


def _severities(table: dict, bad) -> dict[str, str]:
    """``severity``: CODE = error | warning | info, for known codes; the valid entries, codes upper-cased."""
    from writer.check.rules import RULES

    severities = table.get("severity", {})
    if not isinstance(severities, dict):
        bad(("severity",), f"expected a table of CODE = one of {', '.join(SEVERITIES)}, got {_kind(severities)}")
        return {}
    for code, sev in severities.items():
        if code.upper() not in RULES:
            bad(("severity", code), "unknown rule code (see `writer rules`)")
        if sev not in SEVERITIES:
            bad(("severity", code), f"expected one of {', '.join(SEVERITIES)}, got {sev!r}")
    return {k.upper(): v for k, v in severities.items() if v in SEVERITIES}


def _extra_phrases(table: dict, bad) -> dict[str, list[str]]:
    """``extra-phrases``: a desk's own phrases per known phrase class."""
    from writer.check.phrases import MARKER_CLASSES

    phrases = _table_of_lists(table, "extra-phrases", "class", bad)
    known_classes = (*MARKER_CLASSES, *_EXTRA_CLASSES_BESIDE_MARKERS)
    for k in sorted(phrases):
        if k not in known_classes:
            bad(("extra-phrases", k), f"unknown phrase class; known: {', '.join(known_classes)}")
            del phrases[k]
    return phrases

__all__ = ["CheckConfig", "ConfigCache", "DEFAULT_FAIL_ON", "find_pyproject", "known_code_pattern", "load_config"]
