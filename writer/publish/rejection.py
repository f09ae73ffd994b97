"""Why an event was not published: one typed record, built here and nowhere else.

A rejection names the file, line and column to look at, a code (``facts``,
``draft``, a check code, ``duplicate-id``, ``internal``...) and a reason. The
batch report, the JSON output, the CLI's lines and the rejection cache all
read this one record; :func:`reject` is the only way to make one.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

# Rejections that say nothing about the inputs (a crashed worker, a file edited mid-run) are
# never cached: the next run tries the event again.
UNCACHED_CODES = frozenset({"internal", "changed"})


@dataclass(frozen=True)
class Rejection:
    event: str | None  # the event id when known
    file: str  # the file to look at (usually the fact file)
    line: int
    column: int
    code: str
    reason: str
    problems: tuple[str, ...] = ()  # every finding, located, when there are several
    source: str | None = None  # the fact file relative to the fact base root (the manifest key)
    kept_previous: bool = False  # the previously published version stays on the site
    # Where in a draft or an edited article the first finding is (check rejections only).
    fact: str | None = None
    article: str | None = None
    article_line: int | None = None
    article_column: int | None = None
    # The template that failed (draft rejections only).
    template: str | None = None
    template_line: int | None = None

    @property
    def cacheable(self) -> bool:
        return self.code not in UNCACHED_CODES

    def with_(self, **changes) -> "Rejection":
        return replace(self, **changes)

    def location(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"

    def as_dict(self) -> dict:
        """The JSON form (the report and the cache): the fields always present, then those that are set."""
        d = asdict(self)
        d["problems"] = list(self.problems)
        del d["source"]
        for name in ("fact", "article", "article_line", "article_column", "template", "template_line"):
            if d[name] is None:
                del d[name]
        return d

    @classmethod
    def from_dict(cls, d: object, *, source: str | None = None) -> "Rejection | None":
        """A cached rejection read back; None when it is not one (the cache is a hint, never trusted)."""
        if not isinstance(d, dict):
            return None
        known = {f.name: f for f in fields(cls)}
        values = {k: v for k, v in d.items() if k in known and k != "source"}
        try:
            values["problems"] = tuple(str(p) for p in values.get("problems", ()))
            rej = cls(**values, source=source)
        except TypeError:
            return None
        ints = (rej.line, rej.column)
        if not (isinstance(rej.file, str) and isinstance(rej.code, str) and isinstance(rej.reason, str)
                and all(isinstance(i, int) for i in ints) and (rej.event is None or isinstance(rej.event, str))):
            return None
        return rej


def reject(file: str, event: str | None, code: str, reason: str, *, line: int = 0, column: int = 0, problems=(),
           source: str | None = None, **where) -> Rejection:
    """The one constructor of rejections (``where``: fact/article/template positions)."""
    return Rejection(event, str(file), int(line or 0), int(column or 0), code, reason, tuple(problems), source, **where)

