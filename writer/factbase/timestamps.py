"""Times in fact files: ISO 8601 with a time zone, or a date alone when the report gives no time.

A number is never a time here: pydantic would read ``as_of: 20261117`` as a
Unix timestamp (1970-08-23), which is never what an editor meant. A date
without a time (``2026-11-17``) is kept as a :class:`datetime.date`, so nothing
downstream can mistake it for midnight; a date-time without a time zone is
refused, because the same wall-clock time is hours apart in Asia and Europe.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Union

from pydantic import AwareDatetime, PlainValidator, TypeAdapter, ValidationError, WithJsonSchema

DATE_ONLY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# What the JSON Schema enforces (editors see a red line for a missing zone before writer runs).
TIMESTAMP_PATTERN = r"^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2}))?$"
ZONE_HINT = "write ISO 8601 with a time zone, e.g. 2026-11-18T10:00:00+08:00, or a date alone (2026-11-18) when the report gives no time"

_AWARE = TypeAdapter(AwareDatetime)


def parse_when(raw: object) -> datetime | date:
    """A fact-file time: an aware datetime, or a date when only the day is known."""
    if isinstance(raw, bool) or isinstance(raw, (int, float)):
        raise ValueError(f"{raw!r} is a number, not a time ({ZONE_HINT}); a number would be read as seconds since 1970")
    if isinstance(raw, datetime):
        text = raw.isoformat()
    elif isinstance(raw, date):
        return raw
    elif isinstance(raw, str):
        text = raw.strip()
    elif raw is None:
        raise ValueError(f"is empty: fill in a time ({ZONE_HINT})")
    else:
        raise ValueError(f"expected a time ({ZONE_HINT})")
    if DATE_ONLY_RE.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a date: {exc}") from None
    try:
        return _AWARE.validate_python(text)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        message = err["msg"].removeprefix("Input ")
        if err["type"] == "timezone_aware":
            raise ValueError(f"{text!r} has no time zone ({ZONE_HINT})") from None
        raise ValueError(f"{text!r} is not a valid time: {message} ({ZONE_HINT})") from None


When = Annotated[
    Union[datetime, date],
    PlainValidator(parse_when),
    WithJsonSchema({"type": "string", "pattern": TIMESTAMP_PATTERN, "description": ZONE_HINT}),
]


def day_of(when: datetime | date | None) -> date | None:
    """The calendar day of a time (in its own zone), or the date itself."""
    if when is None:
        return None
    return when.date() if isinstance(when, datetime) else when


def exact(when: datetime | date | None) -> datetime | None:
    """The time when it is known to the minute, else None (a date alone is not a time)."""
    return when if isinstance(when, datetime) else None
