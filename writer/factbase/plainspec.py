"""Reading a plainly written, valid fact file without pydantic: the fast path of a cold ``writer draft``.

pydantic's import, its models' classes and their validators are about a sixth of the
instructions of a cold ``writer draft`` (bench/results/cold_draft.md), spent to tell a valid
file from an invalid one and to say, for an invalid one, what is wrong where. This module
reads a file written the plain way editors write them (each value of the type its field
declares: text for text, a number or "1.2B" for an amount, true/false for a flag, a known
word for a status) into the same values the models give, and runs the same rules
(writer/factbase/specrules.py). Whenever it cannot vouch for the input it answers None and
the loader validates with the pydantic models (writer/factbase/spec.py) as before: a
misspelt key, a missing field, a value pydantic would coerce ("yes" for a flag, "0.5" for a
tolerance), an unusual time format, any rule that fails. So every problem an editor sees
comes from the one validating path, worded and placed as before; this path only ever
accepts, and only what the models accept, with the same values.

The field tables below mirror the models' declarations; tests/test_cold_plainspec.py holds
them to the models (names, required fields, defaults) and both readings to the same values
on every fact file in the repository and on mutated ones, where the models refuse what this
path must not accept.
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from types import SimpleNamespace

from writer.factbase import specrules as rules
from writer.factbase.numbers import parse_amount
from writer.factbase.specrules import ASSET_RE, MAX_RANK
from writer.factbase.timestamps import parse_when
from writer.factbase.vocabulary import (EVENT_ID_RE, FIRST_YEAR, ID_RE, LAST_YEAR, WINDOW_RE, Change, Direction, Hedge, Magnitude, Side, SourceKind,
                                        Status, ToDate, Unit)


class Unsure(Exception):
    """This path does not vouch for the input: the pydantic models read it."""


REQUIRED = object()  # a field without a default
EMPTY = object()  # a field whose default is a fresh empty list


# --- values -----------------------------------------------------------------------
# Each reader takes the value as YAML gave it and returns the model's value, or raises.

# What pydantic's str_strip_whitespace and Python's str.strip agree to strip (both strip more, not alike).
_PLAIN_SPACE = " \t\n\r"


def text(pattern: re.Pattern | None = None, min_length: int = 0):
    def read(v):
        if type(v) is not str:
            raise Unsure
        stripped = v.strip(_PLAIN_SPACE)
        if stripped != stripped.strip() or len(stripped) < min_length or (pattern is not None and not pattern.search(stripped)):
            raise Unsure
        return stripped
    return read


def amount(v) -> float:
    if type(v) not in (int, float, str):
        raise Unsure
    return parse_amount(v)  # a ValueError: the models word it


def number(lo: float, hi: float):
    def read(v):
        if type(v) not in (int, float) or not math.isfinite(v) or not lo <= v <= hi:
            raise Unsure
        return float(v)
    return read


def whole(lo: int, hi: int):
    def read(v):
        if type(v) is not int or not lo <= v <= hi:
            raise Unsure
        return v
    return read


def flag(v) -> bool:
    if type(v) is not bool:
        raise Unsure
    return v


def word(enum):
    members = enum._value2member_map_

    def read(v):
        if type(v) is not str or v not in members:
            raise Unsure
        return members[v]
    return read


def one_of(*values: str):
    def read(v):
        if type(v) is not str or v not in values:
            raise Unsure
        return v
    return read


def optional(reader):
    def read(v):
        return None if v is None else reader(v)
    return read


def listed(reader, min_length: int = 0):
    def read(v):
        if type(v) is not list or len(v) < min_length:
            raise Unsure
        return [reader(x) for x in v]
    return read


def pair(reader):
    def read(v):
        if type(v) not in (list, tuple) or len(v) != 2:
            raise Unsure
        return (reader(v[0]), reader(v[1]))
    return read


_hedge = word(Hedge)
_hedge_pair = pair(optional(_hedge))


def hedge_or_pair(v):
    """One word, or two (a range's ends, or words a value carries together): pydantic's union reads a word as a word."""
    return _hedge(v) if type(v) is str else _hedge_pair(v)


# A zoned date and time as editors write it; any other form (lower-case t, a space, fractions of a
# second, a zone without its colon) is left to pydantic's reading.
_ZONED = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:Z|[+-][0-9]{2}:[0-9]{2})")


def _aware(text: str) -> datetime:
    if not _ZONED.fullmatch(text):
        raise Unsure
    moment = datetime.fromisoformat(text)
    if moment.second == 60 or moment.utcoffset() is None:  # (fromisoformat refuses a 60th second; kept plain)
        raise Unsure
    return moment


def when(v):
    if type(v) not in (str, int):
        raise Unsure
    return parse_when(v, aware=_aware)


# --- the models' fields, in their order -------------------------------------------------


_id = text(ID_RE)
_source_ref = text(min_length=1)
_asset = text(ASSET_RE)
_window = text(WINDOW_RE)
_str = text()
_opt_str = optional(text())
_opt_when = optional(when)


class Model:
    """One model's fields (name -> (reader, default)), its field rules (name -> rule, run on a value
    given in the file) and its model rules (run on the whole item)."""

    def __init__(self, fields: dict, field_rules: dict | None = None, rules_after: tuple = ()):
        self.fields, self.field_rules, self.rules_after = fields, field_rules or {}, rules_after
        # Read once per model, not per item: an item gives a few of its model's fields (a fact about 6 of 30).
        self.readers = {name: reader for name, (reader, _) in fields.items()}
        self.required = frozenset(name for name, (_, default) in fields.items() if default is REQUIRED)
        self.defaults = {name: default for name, (_, default) in fields.items() if default is not REQUIRED and default is not EMPTY}
        self.empty = tuple(name for name, (_, default) in fields.items() if default is EMPTY)

    def __call__(self, v) -> SimpleNamespace:
        if type(v) is not dict or not self.required <= v.keys():
            raise Unsure  # (a missing field is the models' to report)
        readers = self.readers
        values = dict(self.defaults)
        for name in self.empty:
            values[name] = []
        for name, given in v.items():
            if type(name) is not str or name not in readers:
                raise Unsure  # (an unknown key is the models' to report, with a suggestion)
            values[name] = readers[name](given)
        # Every given value is read before any rule runs, so a rule reading another field (a fact's unit
        # against its metric) sees it read; the outcome (the values, or Unsure) does not depend on the order.
        for name, rule in self.field_rules.items():
            if name in v:
                rule(values[name], values)
        item = SimpleNamespace(**values)
        for rule in self.rules_after:
            rule(item)
        return item


SOURCE = Model(
    {
        "id": (_id, REQUIRED),
        "name": (text(min_length=1), REQUIRED),
        "kind": (word(SourceKind), REQUIRED),
        "aliases": (listed(_str), EMPTY),
        "url": (_opt_str, None),
        "group": (flag, False),
        "described": (optional(flag), None),
    },
    {"name": lambda v, _: rules.recognisable(v), "aliases": lambda v, _: rules.recognisable(v)},
)
REGISTRY = Model({"sources": (listed(SOURCE, min_length=1), REQUIRED)})

_range = optional(pair(amount))
_ordered_range = {"range": lambda v, _: rules.ordered(v, "range")}

REVISION = Model(
    {
        "value": (optional(amount), None),
        "range": (_range, None),
        "magnitude": (optional(word(Magnitude)), None),
        "hedge": (optional(hedge_or_pair), None),
        "as_of": (when, REQUIRED),
        "note": (_opt_str, None),
    },
    _ordered_range,
    (rules.revision_shape,),
)
OBSERVATION = Model(
    {
        "source": (_source_ref, REQUIRED),
        "value": (optional(amount), None),
        "range": (_range, None),
        "magnitude": (optional(word(Magnitude)), None),
        "hedge": (optional(hedge_or_pair), None),
        "reading": (optional(text(min_length=1)), None),
        "via": (optional(_source_ref), None),
        "unnamed_credit": (optional(_source_ref), None),
        "spread": (flag, False),
        "as_of": (_opt_when, None),
        "as_of_approximate": (flag, False),
        "note": (_opt_str, None),
        "url": (_opt_str, None),
        "revisions": (listed(REVISION), EMPTY),
    },
    _ordered_range,
    (rules.observation_shape,),
)
AVERAGE = Model({
    "value": (amount, REQUIRED),
    "hedge": (optional(_hedge), None),
    "source": (optional(_source_ref), None),
    "note": (_opt_str, None),
})
FACT = Model(
    {
        "id": (_id, REQUIRED),
        "metric": (_str, REQUIRED),
        "unit": (word(Unit), REQUIRED),
        "currency": (_opt_str, None),
        "label": (_opt_str, None),
        "side": (optional(word(Side)), None),
        "asset": (optional(_asset), None),
        "assets": (optional(listed(_asset, min_length=2)), None),
        "venue": (_opt_str, None),
        "venues": (optional(listed(_source_ref, min_length=2)), None),
        "each": (flag, False),
        "contract": (_opt_str, None),
        "subject": (_opt_str, None),
        "direction": (optional(word(Direction)), None),
        "change": (optional(word(Change)), None),
        "price_level": (optional(amount), None),
        "price_band": (optional(pair(amount)), None),
        "level_hedge": (optional(_hedge), None),
        "window": (optional(_window), None),
        "window_hedge": (optional(_hedge), None),
        "to_date": (optional(word(ToDate)), None),
        "year": (optional(whole(FIRST_YEAR, LAST_YEAR)), None),
        "coverage": (_opt_str, None),
        "lower_bound": (flag, False),
        "status": (optional(word(Status)), None),
        "tolerance": (optional(number(0, 1)), None),
        "observations": (listed(OBSERVATION), EMPTY),
        "reason": (_opt_str, None),
        "average": (optional(AVERAGE), None),
        "per": (_opt_str, None),
        "rank": (optional(whole(1, MAX_RANK)), None),
        "share_of": (optional(text(min_length=1)), None),
        "from_fact": (optional(_id), None),
        "to_fact": (optional(_id), None),
        "note": (_opt_str, None),
    },
    {
        "price_band": lambda v, _: rules.ordered(v, "price_band"),
        "metric": lambda v, _: rules.known_metric(v),
        "unit": lambda v, values: rules.unit_fits_metric(v, values["metric"]),  # (metric is read first, and valid)
        "currency": lambda v, _: rules.known_currency(v),
    },
    (rules.fact_shape,),
)
CONTEXT = Model({
    "id": (_id, REQUIRED),
    "kind": (one_of("macro", "market", "policy", "exchange_status", "historical", "onchain", "sentiment", "technology", "other"), "market"),
    "text": (text(min_length=1), REQUIRED),
    "sources": (listed(_source_ref), EMPTY),
    "status": (optional(word(Status)), None),
    "window": (optional(_window), None),
    "as_of": (_opt_when, None),
    "as_of_approximate": (flag, False),
})
QUOTE = Model(
    {
        "id": (_id, REQUIRED),
        "speaker": (text(min_length=1), REQUIRED),
        "role": (_opt_str, None),
        "channel": (_opt_str, None),
        "words": (text(min_length=1), REQUIRED),
        "paraphrase": (flag, False),
        "source": (optional(_source_ref), None),
        "status": (optional(word(Status)), None),
        "as_of": (_opt_when, None),
        "as_of_approximate": (flag, False),
    },
    {"status": lambda v, _: rules.status_of_words(v)},
)
CAVEAT = Model({
    "id": (_id, REQUIRED),
    "text": (text(min_length=1), REQUIRED),
    "sources": (listed(_source_ref), EMPTY),
})
PERIOD = Model(
    {"start": (when, REQUIRED), "end": (when, REQUIRED)},
    {"start": lambda v, _: rules.full_date(v), "end": lambda v, _: rules.full_date(v)},
    (rules.period_ordered,),
)
EVENT = Model(
    {
        "id": (text(EVENT_ID_RE), REQUIRED),
        "title": (_opt_str, None),
        "as_of": (_opt_when, REQUIRED),
        "as_of_approximate": (flag, False),
        "period": (optional(PERIOD), None),
        "windows": (listed(_window), EMPTY),
        "shape": (optional(one_of("long_washout", "short_squeeze", "two_sided", "data_discrepancy", "single_venue")), None),
        "tolerance": (number(0, 1), 0.02),
        "facts": (listed(FACT), EMPTY),
        "context": (listed(CONTEXT), EMPTY),
        "quotes": (listed(QUOTE), EMPTY),
        "caveats": (listed(CAVEAT), EMPTY),
        "note": (_opt_str, None),
    },
    {"id": lambda v, _: rules.not_reserved(v)},
)

# The model of each table, by the pydantic model's name (tests/test_cold_plainspec.py).
MODELS = {
    "SourceSpec": SOURCE, "RegistrySpec": REGISTRY, "RevisionSpec": REVISION, "ObservationSpec": OBSERVATION,
    "AverageSpec": AVERAGE, "FactSpec": FACT, "ContextSpec": CONTEXT, "QuoteSpec": QUOTE, "CaveatSpec": CAVEAT,
    "PeriodSpec": PERIOD, "EventSpec": EVENT,
}


def read(model: Model, data) -> SimpleNamespace | None:
    """The file's content read as ``model`` (EVENT, REGISTRY), or None when the pydantic models must read it."""
    try:
        return model(data)
    except Exception:  # noqa: BLE001 - whatever this path cannot read, the models read and word
        return None
