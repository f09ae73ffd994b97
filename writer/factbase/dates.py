"""Dates as fact files give them, as records: no parsing here (that is ``timestamps``).

Kept apart from ``writer.factbase.timestamps`` so that code reading records (the
check's linking, drafting) does not import pydantic, which only parsing needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta


@dataclass(frozen=True)
class PartialDate:
    """A date as far as the report gives it: a year, a month, or a day without its year (and maybe a time)."""

    year: int | None
    month: int | None = None
    day: int | None = None
    clock: time | None = None  # with its zone; only with a day

    def isoformat(self) -> str:
        if self.year is not None:
            return f"{self.year:04d}" + (f"-{self.month:02d}" if self.month else "")
        text = f"--{self.month:02d}-{self.day:02d}"
        return text + ("T" + self.clock.isoformat()) if self.clock else text

    def days(self, years) -> list[tuple[date, date]]:
        """The spans of days this date may mean, for each of ``years`` when the report gives none."""
        if self.year is not None:
            if self.month is None:
                return [(date(self.year, 1, 1), date(self.year, 12, 31))]
            nxt = date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return [(date(self.year, self.month, 1), nxt - timedelta(days=1))]
        out = []
        for y in years:
            try:
                d = date(y, self.month, self.day)
            except ValueError:  # 29 February in a year that has none
                continue
            out.append((d, d))
        return out



def day_of(when: datetime | date | PartialDate | None) -> date | None:
    """The calendar day of a time (in its own zone), or the date itself; None when the report gives no full date."""
    if when is None or isinstance(when, PartialDate):
        return None
    return when.date() if isinstance(when, datetime) else when


def exact(when: datetime | date | PartialDate | None) -> datetime | None:
    """The time when it is known to the minute, else None (a date alone is not a time)."""
    return when if isinstance(when, datetime) else None


def partial_of(when: datetime | date | PartialDate | None) -> PartialDate | None:
    """The report's incomplete date, when that is all it gives."""
    return when if isinstance(when, PartialDate) else None
