"""Safe YAML parsing that remembers where every key and value came from.

Fact files are parsed with PyYAML's C-accelerated *composer* (libyaml): we get
a node tree with line/column marks and build plain Python values ourselves, so
that (1) every validation error can name ``file:line:column``, (2) duplicate
keys are errors instead of silently overwriting each other, and (3) only the
plain YAML types exist: no tags, no anchors-with-merge tricks, nothing that can
construct an object. Batch builds parse thousands of files, which is why this
path uses libyaml; comment-preserving editing goes through ``roundtrip``.
"""

from __future__ import annotations

import errno
import re
import stat
from pathlib import Path

import yaml

from writer.errors import Problem, single_problem

try:  # libyaml is in PyYAML's wheels; the pure loader is the same grammar, only slower.
    _SafeLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _SafeLoader = yaml.SafeLoader

# Scalars' implicit tags, by text: libyaml hands every scalar to PyYAML's Python resolver, which
# tries its expressions (bool, int, float, null, timestamp) on it; an event repeats the same keys
# and words many times over (keeping the answers makes parsing a fact file about 1.1x faster,
# bench/bench_draft_paths.py). Bounded: fact files hold free text.
MAX_KEPT_TAGS = 8192
_TAGS: dict[str, str] = {}


class _Loader(_SafeLoader):
    """The safe loader, with the implicit tag of a plain scalar kept per text (the same answer:
    a plain scalar's tag is a function of its text alone while no path resolver is added)."""

    def resolve(self, kind, value, implicit):
        if kind is not yaml.ScalarNode or not implicit[0] or self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        tag = _TAGS.get(value)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(_TAGS) < MAX_KEPT_TAGS:
                _TAGS[value] = tag
        return tag


MAX_FILE_BYTES = 1_048_576  # 1 MiB: an event file is a few KB; a 50 MB "fact file" is a mistake or an attack.

MAX_DEPTH = 24  # nesting levels; an event file uses 6 (event > facts > fact > observations > observation > range)

# An integer longer than this is no figure (the largest allowed amount, 1e15, has 16
# digits); checked on the text, because Python refuses to read ints past 4,300 digits
# and float() overflows past 308.
MAX_INT_CHARS = 40

# C0 controls other than tab and line breaks, DEL and the C1 controls (U+0080-U+009F,
# including U+0085 NEL): they render as nothing or break HTML, XML feeds and terminals.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

Position = tuple[int, int]  # 1-based line, column
Path_ = tuple  # a path into the document: keys and list indices

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


class _ScalarReader(yaml.constructor.SafeConstructor):
    """PyYAML's own scalar rules (ints with underscores, floats, bools, nulls)."""


def check_readable(path: Path) -> int:
    """The size of a regular file at ``path``, or InputError saying what the path is instead.

    A missing file, a folder, a FIFO (reading would block), a device or a
    symlink loop each get their own message, located at 1:1 of the path given.
    """
    try:
        st = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise single_problem(path, "is a symbolic link loop: it never reaches a file", line=1, column=1) from None
        if exc.errno == errno.ENOENT:
            raise single_problem(path, "no such file" + (" (a symbolic link to a missing file)" if path.is_symlink() else ""), line=1, column=1) from None
        raise single_problem(path, f"cannot read file: {exc.strerror or exc}", line=1, column=1) from None
    except (RuntimeError, ValueError) as exc:  # older Pythons report some loops and bad names this way
        raise single_problem(path, f"cannot read file: {exc}", line=1, column=1) from None
    if stat.S_ISDIR(st.st_mode):
        raise single_problem(path, "is a folder, not a fact file (validate a folder with `writer facts validate`)", line=1, column=1)
    if stat.S_ISFIFO(st.st_mode):
        raise single_problem(path, "is a named pipe (FIFO), not a fact file: reading it could wait forever", line=1, column=1)
    if not stat.S_ISREG(st.st_mode):  # a device or a socket
        raise single_problem(path, "not a regular file", line=1, column=1)
    return st.st_size


def read_text(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read a user file as UTF-8 text, refusing oversized or undecodable files with a located message."""
    size = check_readable(path)
    if size > max_bytes:
        raise single_problem(path, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit for fact files", line=1, column=1)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise single_problem(path, f"cannot read file: {exc.strerror or exc}", line=1, column=1) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise single_problem(path, "file is not valid UTF-8 text", line=line, column=col) from None


def parse(text: str, path: str | Path) -> tuple[object, dict[Path_, Position]]:
    """Parse one YAML document into plain values plus a map from document path to position.

    Raises InputError (with line and column) for syntax errors, tabs, duplicate
    keys, tags, anchors/aliases, several documents or an empty file.
    """
    path = str(path)
    if not text.strip():
        raise single_problem(path, "file is empty: expected an event mapping", line=1, column=1)
    deep = too_deep(text)
    if deep is not None:
        raise single_problem(
            path, f"YAML nested more than {MAX_DEPTH} levels deep; an event file needs no more than 6", line=deep.line + 1, column=deep.column + 1
        )
    alias = _first_alias(text) if "*" in text else None
    if alias is not None:
        raise single_problem(
            path, "YAML aliases (*name) are not allowed in fact files: write the value out", line=alias.line + 1, column=alias.column + 1
        )
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or exc.context or "invalid YAML"
        if "\t" in text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else False:
            what += " (tabs cannot indent YAML: use spaces)"
        elif "mapping values are not allowed" in what:
            what += " (check this line's indentation against the keys above it, or quote a value that contains ': ')"
        elif "end of stream" in what:
            what += " (the file ends too early: is it cut off, or is a quote or bracket left open?)"
        raise single_problem(path, f"YAML syntax error: {what}", line=line, column=col) from None
    except yaml.YAMLError as exc:
        raise single_problem(path, f"YAML error: {exc}", line=1, column=1) from None
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        raise single_problem(path, "file holds no YAML document", line=1, column=1)
    if len(nodes) > 1:
        m = nodes[1].start_mark
        raise single_problem(path, "file holds more than one YAML document; one event per file", line=m.line + 1, column=m.column + 1)
    positions: dict[Path_, Position] = {}
    problems: list[Problem] = []
    value = _build(nodes[0], (), positions, problems, path, _ScalarReader(), set())
    if problems:
        from writer.errors import InputError

        raise InputError(problems)
    return value, positions


def too_deep(text: str):
    """The mark where nesting first exceeds MAX_DEPTH, or None.

    libyaml's composer and our builder both recurse once per level, so
    ``[[[[...]]]]`` a few hundred thousand deep would crash the process (a C
    stack overflow, not even a Python exception). The event parser does not
    recurse, so depth is measured on events first, but only when a cheap
    textual bound says it could be large: each level of nesting needs a flow
    bracket or at least one more leading space or indicator on some line.
    """
    leading = max((len(line) - len(line.lstrip(" -?")) for line in text.splitlines()), default=0)
    if text.count("[") + text.count("{") + leading <= MAX_DEPTH:
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        # Parsers may refuse deep nesting themselves (libyaml does, past 1,000 levels), with
        # wording of their own; whether the error is about depth is decided here, from the text.
        mark = exc.problem_mark or exc.context_mark
        if mark is not None and textual_depth(text, mark.line, mark.column) > MAX_DEPTH:
            return mark
        return None  # a syntax error: the composer reports it with its position
    except yaml.YAMLError:
        return None
    return None


def textual_depth(text: str, line: int, column: int) -> int:
    """An upper bound on the nesting depth at 0-based ``line``/``column``, read from the text alone.

    Counts the flow brackets still open before that point (quotes and comments are not
    skipped, which can only raise the bound) plus the block levels open on that line: the
    indentation stack of the lines above and the ``- `` / ``? `` indicators in front of it.
    Used only to tell a parser's own "too deep" refusal from a syntax error.
    """
    lines = text.splitlines()[: line + 1]
    flow = 0
    stack: list[int] = []
    for i, raw in enumerate(lines):
        upto = raw[:column] if i == line else raw
        flow += upto.count("[") + upto.count("{") - upto.count("]") - upto.count("}")
        body = raw.lstrip(" ")
        if not body or body.startswith("#"):
            continue
        indent = len(raw) - len(body)
        while stack and stack[-1] >= indent:
            stack.pop()
        stack.append(indent)
    current = lines[line] if line < len(lines) else ""
    indicators = len(current) - len(current.lstrip(" -?")) - (len(current) - len(current.lstrip(" ")))
    return max(flow, 0) + len(stack) + indicators


def _first_alias(text: str):
    """The mark of the first ``*alias`` in the text, or None.

    The composer hands back the *anchored* node for an alias, whose mark is
    the anchor's position; only the event stream knows where the alias itself
    was written, which is where the editor must look. A syntax error here is
    left for the composer to report.
    """
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                return event.start_mark
    except yaml.YAMLError:
        return None
    return None


def _build(node, at: Path_, positions, problems, path, reader, seen_anchors):
    if at not in positions:  # a mapping's value keeps its key's position, written before it
        positions[at] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if type(node) is yaml.ScalarNode:  # most nodes; never in seen_anchors, which holds collections
        return _scalar(node, at, problems, path, reader)
    if node in seen_anchors:
        problems.append(_p(path, node, at, "YAML aliases (*name) are not allowed in fact files"))
        return None
    if isinstance(node, yaml.MappingNode):
        if node.tag != "tag:yaml.org,2002:map":
            problems.append(_p(path, node, at, f"YAML tag {node.tag!r} is not allowed"))
        seen_anchors.add(node)
        out: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(_p(path, key_node, at, "mapping keys must be plain words"))
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(_p(path, key_node, at, "YAML merge keys (<<) are not allowed in fact files"))
                continue
            key = key_node.value
            if key in out:
                problems.append(_p(path, key_node, at + (key,), f"duplicate key {key!r} (first at line {positions[at + (key,)][0]})"))
                continue
            # A key's own position, set before its value's (which then keeps it), so "unknown key" points at the key.
            key_at = at + (key,)
            positions[key_at] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = _build(value_node, key_at, positions, problems, path, reader, seen_anchors)
        return out
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            problems.append(_p(path, node, at, f"YAML tag {node.tag!r} is not allowed"))
        seen_anchors.add(node)
        return [_build(item, at + (i,), positions, problems, path, reader, seen_anchors) for i, item in enumerate(node.value)]
    return _scalar(node, at, problems, path, reader)


def _scalar(node, at: Path_, problems, path, reader):
    """A scalar's plain value (None, with a problem, for a tag, a control character or an overlong number)."""
    tag = node.tag
    if tag == "tag:yaml.org,2002:str":  # the most common first
        bad = CONTROL_RE.search(node.value)
        if bad is not None:
            problems.append(_p(path, node, at, f"control character U+{ord(bad.group()):04X} in text: fact files hold printable text only (remove it or write the character it stands for)"))
            return None
        return node.value
    if tag not in _PLAIN_TAGS:
        problems.append(_p(path, node, at, f"YAML tag {tag!r} is not allowed: fact files hold plain values only"))
        return None
    if tag == "tag:yaml.org,2002:timestamp":
        return node.value  # keep the text; pydantic reads ISO 8601 and insists on a time zone
    if tag == "tag:yaml.org,2002:int":
        if len(node.value) > MAX_INT_CHARS:
            problems.append(_p(path, node, at, f"a number of {len(node.value):,} characters is too large for a figure"))
            return None
        if _PLAIN_DECIMAL.fullmatch(node.value):  # PyYAML's answer, without its constructor's dispatch
            return int(node.value)
    try:
        return reader.construct_object(node)
    except ValueError:  # PyYAML resolves "0x_" or "0b_" as a number its own constructor cannot read
        problems.append(_p(path, node, at, f"{node.value!r} is not a number YAML can read: write the figure in digits"))
        return None


# A whole number as YAML 1.1 reads it in decimal: no sign, underscore, base prefix or leading zero (octal).
_PLAIN_DECIMAL = re.compile(r"0|[1-9][0-9]*")


def _p(path, node, at, message) -> Problem:
    return Problem(path, node.start_mark.line + 1, node.start_mark.column + 1, dotted(at), message)


def dotted(at: Path_) -> str:
    """``('facts', 2, 'observations', 0, 'source')`` -> ``facts[2].observations[0].source``."""
    out = ""
    for part in at:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def locate(positions: dict[Path_, Position], at: Path_) -> Position:
    """The position of the deepest existing prefix of ``at`` (a missing key points at its parent)."""
    at = tuple(at)
    while at:
        if at in positions:
            return positions[at]
        at = at[:-1]
    return positions.get((), (1, 1))
