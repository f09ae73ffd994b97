"""Regular expressions compiled when first used, not when the check starts.

The check's phrase lists and attribution frames are a few hundred
expressions, some of several thousand characters; Python compiles a pattern
in time that grows with its length, and compiling all of them was a third of
a one-file ``writer check`` and of the check a cold ``writer draft`` runs
(bench/bench_cold_check.py, bench/bench_draft.py). Most texts need only some
of them: a short article never reaches the frames that read a name left of a
verb when it has no reporting verb, and a sentence without a figure asks few
questions at all. So each expression is kept as its source text and
compiled on first use, once; after that it is a plain ``re.Pattern`` in an
attribute or a mapping, at no cost per call.

The result is the same pattern eager compilation gives (``compile_all`` does
that; tests/test_cold_start.py holds both to the same answers).

A module's own constant patterns are deferred the same way (:class:`Deferred`)
when a draft's check never reaches them: the number words, amount leads and
range openers of writer/check/figures.py and the like are read only in some
articles' sentences, and compiling them at import was about 2% of a cold
``writer draft``'s instructions (bench/bench_draft_instructions.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping


class LazyPatterns:
    """A mixin: ``self._lazy(name, pattern, flags)`` makes ``self.name`` a pattern compiled on first access.

    ``pattern`` may also be a function of no arguments giving the source text, for
    sources that are themselves costly to build (phrase lists turned into alternations).
    After the first access the compiled pattern is an ordinary instance attribute.
    """

    def _lazy(self, name: str, pattern: str | Callable[[], str], flags: int = 0) -> None:
        self.__dict__.setdefault("_pending", {})[name] = (pattern, flags)

    def __getattr__(self, name: str):
        pending = self.__dict__.get("_pending", {})
        if name not in pending:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        pattern, flags = pending.pop(name)
        compiled = re.compile(pattern() if callable(pattern) else pattern, flags)
        object.__setattr__(self, name, compiled)  # later reads find the attribute itself
        return compiled

    def compile_all(self) -> None:
        """Compile every pattern not compiled yet (what eager compilation did at start)."""
        for name in list(self.__dict__.get("_pending", {})):
            getattr(self, name)


class LazyPatternMap(Mapping):
    """A read-only mapping of keys to patterns, each compiled the first time its key is read.

    ``build(key)`` gives the compiled pattern (or None) for a key; the keys are fixed at creation.
    """

    __slots__ = ("_keys", "_build", "_done")

    def __init__(self, keys, build: Callable[[str], re.Pattern | None]):
        self._keys = tuple(keys)
        self._build = build
        self._done: dict[str, re.Pattern | None] = {}

    def __getitem__(self, key: str) -> re.Pattern | None:
        try:
            return self._done[key]
        except KeyError:
            if key not in self._keys:
                raise
        compiled = self._done[key] = self._build(key)
        return compiled

    def get(self, key: str, default=None):
        if key in self._done:
            return self._done[key]
        return self[key] if key in self._keys else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def compile_all(self) -> None:
        for key in self._keys:
            self[key]


class Deferred:
    """A module's constant pattern, compiled the first time it is used::

        _HUNDRED_RE = Deferred(globals(), r"...", re.IGNORECASE)

    The first attribute read (``search``, ``finditer``, ``pattern``...) compiles it and rebinds
    every name of the module's namespace bound to it to the compiled pattern: from then on the
    module's own functions read a plain ``re.Pattern`` from their globals, at no cost per call.
    A reference taken before that (``from m import _X``, a default argument) keeps working
    through this object, which hands every attribute on to the compiled pattern.
    """

    __slots__ = ("_namespace", "_source", "_flags", "_compiled")

    def __init__(self, namespace: dict, pattern: str, flags: int = 0):
        self._namespace = namespace
        self._source = pattern
        self._flags = flags
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
            for name in [n for n, value in self._namespace.items() if value is self]:
                self._namespace[name] = self._compiled
        return self._compiled

    def __getattr__(self, name: str):
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"Deferred({self._source!r}, {self._flags!r})"


def compile_deferred(namespace: dict) -> None:
    """Compile every pattern still deferred in a module's namespace (what compiling at import did)."""
    for value in list(namespace.values()):
        if isinstance(value, Deferred):
            value.compiled()


__all__ = ["Deferred", "LazyPatternMap", "LazyPatterns", "compile_deferred"]
