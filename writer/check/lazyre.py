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


__all__ = ["LazyPatternMap", "LazyPatterns"]
