"""A finding: one rule's complaint about one figure, located to the character."""

from __future__ import annotations

from dataclasses import asdict, dataclass

SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int  # 1-based
    column: int  # 1-based
    end_line: int
    end_column: int  # 1-based, exclusive
    code: str
    name: str
    severity: str  # "error" | "warning" | "info"
    message: str
    figure: str | None = None
    fact: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)
