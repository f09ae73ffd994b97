"""Times in fact files: ISO 8601 with a time zone, or a date alone when the report gives no time.

A report may also give less than a date: a day without its year ("on July 24",
``--07-24``, ISO 8601's form for a month and day with the year left out, with a
time after it when the report gives one: ``--07-24T15:00Z``), a month (``2025-07``)
or a year alone (``2025``). Such a time is a :class:`PartialDate`, kept as written;
it is never completed with a guessed year, so it is neither a time nor a day
downstream (``exact`` and ``day_of`` give None) and an event dated so is not
published.

A number is never a time here: pydantic would read ``as_of: 20261117`` as a
Unix timestamp (1970-08-23), which is never what an editor meant. A date
without a time (``2026-11-17``) is kept as a :class:`datetime.date`, so nothing
downstream can mistake it for midnight; a date-time without a time zone is
refused, because the same wall-clock time is hours apart in Asia and Europe.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from functools import cache

# The records and their helpers live in writer.factbase.dates (no pydantic, so a fact-free
# `writer check` never imports it); re-exported here for the loader and the spec.
from writer.factbase.dates import PartialDate, day_of, exact, partial_of  # noqa: F401

DATE_ONLY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ZONE = r"(?:[Zz]|[+-]\d{2}:?\d{2})"
_NUMBER_RE = re.compile(r"^[+-]?\d+(?:\.\d*)?(?:[eE][+-]?\d+)?$")
YEAR_RE = re.compile(r"^(\d{4})$")
YEAR_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
MONTH_DAY_RE = re.compile(r"^--(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2}))?(" + _ZONE + r"))?$")
# What the JSON Schema enforces (editors see a red line for a missing zone before writer runs).
TIMESTAMP_PATTERN = (
    r"^(\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?" + _ZONE + r")?"
    r"|\d{4}(-\d{2})?|--\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2})?" + _ZONE + r")?)$"
)
ZONE_HINT = "write ISO 8601 with a time zone, e.g. 2026-11-18T10:00:00+08:00, or a date alone (2026-11-18) when the report gives no time"
PARTIAL_HINT = "when the report gives less than a date: --07-24 (a day without its year), 2025-07 (a month) or 2025 (a year)"
# Years a bare number may stand for: anything else (20261117) is a typo, never a time.
YEARS = range(1970, 2101)
_LEAP_YEAR = 2000  # a day without its year may be 29 February


def _partial(text: str, aware: Callable[[str], datetime]) -> PartialDate | None:
    """A year, a month or a day without its year, checked to be a real one; None for any other text."""
    if m := YEAR_RE.match(text):
        year = int(m.group(1))
        if year not in YEARS:
            raise ValueError(f"{text!r} is not a plausible year ({YEARS.start}-{YEARS.stop - 1})")
        return PartialDate(year)
    if m := YEAR_MONTH_RE.match(text):
        year, month = int(m.group(1)), int(m.group(2))
        if year not in YEARS or not 1 <= month <= 12:
            raise ValueError(f"{text!r} is not a month: write YYYY-MM, e.g. 2025-07")
        return PartialDate(year, month)
    if m := MONTH_DAY_RE.match(text):
        month, day = int(m.group(1)), int(m.group(2))
        try:
            date(_LEAP_YEAR, month, day)
        except ValueError:
            raise ValueError(f"{text!r} is not a day of the year: write --MM-DD, e.g. --07-24") from None
        clock = None
        if m.group(3):
            stamp = aware(f"{_LEAP_YEAR}-{month:02d}-{day:02d}T{m.group(3)}:{m.group(4)}:{m.group(5) or '00'}{m.group(6)}")
            clock = stamp.timetz()
        return PartialDate(None, month, day, clock)
    return None


@cache
def aware_validator():
    """pydantic's ``AwareDatetime``: its core schema's validator, built directly because a ``TypeAdapter``
    would run pydantic's schema generation (and plugin discovery), about 15 ms of a cold `writer draft`
    for the same rules and the same errors (tests/test_cold_start.py). Built on first use: the plain
    reading of a valid fact file (writer/factbase/plainspec.py) reads its times without pydantic."""
    from pydantic_core import SchemaValidator, core_schema

    return SchemaValidator(core_schema.datetime_schema(tz_constraint="aware"))


def _pydantic_aware(text: str) -> datetime:
    return aware_validator().validate_python(text)


def parse_when(raw: object, aware: Callable[[str], datetime] = _pydantic_aware) -> datetime | date | PartialDate:
    """A fact-file time: an aware datetime, a date when only the day is known, or as much of a date as the report gives.

    ``aware`` reads a date and time with its zone (pydantic's reading; its ``ValidationError`` is worded here).
    """
    if isinstance(raw, int) and not isinstance(raw, bool) and raw in YEARS:
        return PartialDate(raw)  # `as_of: 2025`: YAML reads a year alone as a number
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
    partial = _partial(text, aware)
    if partial is not None:
        return partial
    if _NUMBER_RE.match(text):  # pydantic would read "0" or "1700000000" as seconds since 1970
        raise ValueError(f"{text!r} is a number, not a time ({ZONE_HINT}); a number would be read as seconds since 1970")
    if text.startswith("--"):
        raise ValueError(f"{text!r} is not a day without its year: write --MM-DD, or --MM-DDThh:mm with a time zone (--07-24T15:00Z)")
    try:
        return aware(text)
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        from pydantic_core import ValidationError

        if not isinstance(exc, ValidationError):
            raise
        err = exc.errors(include_url=False)[0]
        message = err["msg"].removeprefix("Input ")
        if err["type"] == "timezone_aware":
            raise ValueError(f"{text!r} has no time zone ({ZONE_HINT})") from None
        raise ValueError(f"{text!r} is not a valid time: {message} ({ZONE_HINT}; {PARTIAL_HINT})") from None

