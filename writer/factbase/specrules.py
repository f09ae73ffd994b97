"""The fact-file rules that go beyond one field's type: the single place they are written.

The pydantic models (writer/factbase/spec.py) run them as their validators, and the
plain reading of a fact file (writer/factbase/plainspec.py, no pydantic) runs the same
functions on its own objects. Each rule reads attributes only, so both kinds of object
serve. A rule raises ``ValueError`` for a problem placed where the validator runs (the
field, or the whole item for a model-level rule), or :class:`Located` for a problem
placed at a given field of the item; the models turn the latter into pydantic's error
at that place (spec.py ``_checked``).

No pydantic here: importing this module is part of a cold ``writer draft``.
"""

from __future__ import annotations

import re
from datetime import datetime

from writer.factbase.dates import PartialDate, day_of
from writer.factbase.nearest import close_matches
from writer.factbase.vocabulary import (
    AVERAGE_METRICS,
    AVERAGE_PER,
    AVERAGE_UNITS,
    CHANGE_METRICS,
    CURRENCIES,
    FLOW_CHANGES,
    METRICS,
    PERCENT_OF_WHOLE,
    COUNT_MAGNITUDES,
    RESERVED_EVENT_IDS,
    SIGNED_METRICS,
    SUBJECT_METRICS,
    UNIT_ALTERNATIVES,
    HedgeKind,
    Status,
    Unit,
    compound_hedge,
    contract_assets,
    contract_names_asset,
    money_units,
)

# A ticker as the market writes it: capitals and digits (BTC, 1000PEPE), with the lower-case letters some carry
# (stETH, vBNB, wBTC); at least one capital, so a ticker typed in lower case ("btc") is caught, not taken for a coin.
# (No look-ahead: pydantic's regex engine has none; the length, 2 to 12, is ASSET_LENGTH.)
ASSET_PATTERN = r"^[a-z0-9]*[A-Z][A-Za-z0-9]*$"
ASSET_LENGTH = (2, 12)
ASSET_RE = re.compile(rf"^(?=[A-Za-z0-9]{{{ASSET_LENGTH[0]},{ASSET_LENGTH[1]}}}$)" + ASSET_PATTERN[1:])  # the plain reading: both at once
# A report ranks a figure among a handful of coins or venues; a place beyond this is a typo.
MAX_RANK = 1000
# How far a quote's relay can be trusted (QuoteSpec.status).
QUOTE_STATUSES = (Status.SINGLE_SOURCE, Status.OFFICIAL, Status.UNNAMED_GROUP, Status.PENDING_VERIFICATION, Status.RUMOR)


class Located(Exception):
    """A problem found by a model-level rule, to be placed at ``loc`` inside the item (not at the whole item)."""

    def __init__(self, message: str, *loc):
        super().__init__(message)
        self.message = message
        self.loc = loc


def shown(v: float) -> str:
    """A number as the editor typed it, not in scientific notation (1.9e+08)."""
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"


def ordered(pair, what: str):
    if pair is not None and pair[0] > pair[1]:
        raise ValueError(f"{what} is reversed: low {shown(pair[0])} is above high {shown(pair[1])}; write [low, high]")
    return pair


def has_number(o) -> bool:
    """An observation (or revision) gives a number: a value, a range or a magnitude."""
    return o.value is not None or o.range is not None or o.magnitude is not None


# --- sources -----------------------------------------------------------------


def recognisable(v):
    # The check finds a source by its name in an article's words; a name of punctuation alone
    # ("*", "_") is markup there, never a name, so figures attributed to it could never pass.
    for name in [v] if isinstance(v, str) else v:
        if not any(c.isalnum() for c in name):
            raise ValueError(f"{name!r} has no letter or digit: an article cannot name a source by it; give the name readers see")
    return v


# --- observations and revisions --------------------------------------------------


def one_reading(obj) -> None:
    """A reported figure is exactly one of: a value, a range, a vague magnitude (and may add a reading). A value may
    carry the words the report gives with it ("hundreds of millions of dollars, $310 million"): `value` and
    `magnitude` together, the words holding the number."""
    given = [k for k in ("value", "range", "magnitude") if getattr(obj, k) is not None]
    if given == ["value", "magnitude"]:
        lo, hi = obj.magnitude.interval
        if not lo <= abs(obj.value) < hi:
            raise Located(f"the words {obj.magnitude.words!r} ({shown(lo)} to {shown(hi)}) do not hold the value {shown(obj.value)}: "
                          "give the words the report prints beside this number, or record them as their own figure", "magnitude")
        given = ["value"]
    if len(given) > 1:
        raise ValueError(f"give one of `value`, `range` or `magnitude`, not {' and '.join(f'`{k}`' for k in given)}")
    if isinstance(obj.hedge, tuple) and obj.range is None:
        if obj.value is None or None in obj.hedge:
            raise ValueError("a pair of hedges [low, high] belongs to a `range`; give one word for a `value` "
                             "(or two it carries together, such as [as_much_as, approximately])")
        try:
            compound_hedge(*obj.hedge)  # "as much as approximately": a floor or ceiling and an approximation
        except ValueError as exc:
            raise Located(str(exc), "hedge") from None
    if obj.hedge is not None and obj.magnitude is not None and obj.value is None:
        raise ValueError("a `magnitude` is already vague: it takes no `hedge`")


def revision_shape(r) -> None:
    one_reading(r)
    if r.value is None and r.range is None and r.magnitude is None:
        raise ValueError("a revision needs the earlier `value`, `range` or `magnitude`")


def observation_shape(o) -> None:
    if o.value is not None and o.range is not None:
        raise ValueError("give either `value` or `range`, not both")
    one_reading(o)
    if o.spread and o.range is None:
        raise ValueError("`spread: true` needs the `range` the group's members span")
    if o.revisions and o.as_of is None:
        raise ValueError("an observation with `revisions` needs its own `as_of`, so the change can be dated")


# --- facts -----------------------------------------------------------------


def known_metric(v: str) -> str:
    if v not in METRICS:
        close = close_matches(v.casefold(), METRICS)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ValueError(f"unknown metric {v!r}{hint}; known metrics: {', '.join(METRICS)}")
    return v


def unit_fits_metric(v: Unit, metric: str | None) -> Unit:
    """``metric``: the figure's metric when it is valid (it is declared before `unit`), else None."""
    if v is Unit.CURRENCY and metric in METRICS and money_units(METRICS[metric][0]):
        return v
    if metric in METRICS and v not in METRICS[metric][0]:
        allowed, meaning = METRICS[metric]
        raise ValueError(f"unit {v.value!r} does not fit metric {metric!r} (expected {' or '.join(u.value for u in allowed)}; "
                         f"{metric} is {meaning}){_unit_hint(v, metric)}")
    return v


def _unit_hint(v: Unit, metric: str) -> str:
    """Which metrics take ``v`` in the place of ``metric``: its own family by name (open_interest ->
    open_interest_change, open_interest_share) and vocabulary.UNIT_ALTERNATIVES (dominance -> the shares)."""
    stem = metric.removesuffix("_change").removesuffix("_share")
    family = [m for m in METRICS if m != metric and m.removesuffix("_change").removesuffix("_share") == stem]
    fits = [m for m in dict.fromkeys([*family, *UNIT_ALTERNATIVES.get(metric, ())]) if v in METRICS[m][0]]
    if not fits:
        return ""
    return f"; for a figure in {v.value}, use metric {' or '.join(repr(m) for m in fits)}"


def known_currency(v: str | None) -> str | None:
    if v is None:
        return v
    if v.upper() == "USD":
        raise ValueError("a dollar amount is `unit: USD` with no `currency`")
    if v not in CURRENCIES:
        by_word = {w.casefold(): c for c, w in CURRENCIES.items()}
        close = [c for c in CURRENCIES if c == v.upper()] or [by_word[w] for w in close_matches(v.casefold(), by_word)]
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ValueError(f"unknown currency {v!r}{hint}; known currencies: {', '.join(CURRENCIES)}")
    return v


def _check_floor_hedges(f) -> None:
    """A sampled feed's floor (`lower_bound: true`, printed "at least") cannot also be a value its source capped
    ("up to", "at most"): the two say the figure lies on opposite sides of the number."""
    if not f.lower_bound:
        return
    for i, o in enumerate(f.observations):
        words = o.hedge if isinstance(o.hedge, (tuple, list)) else (o.hedge,)
        if o.range is None and any(w is not None and w.kind is HedgeKind.CEILING for w in words):
            raise Located(f"observation {i} caps its value ({' '.join(w.words for w in words if w is not None)!r}) but the "
                          "fact is a floor (`lower_bound: true`): drop one of them", "lower_bound")


def _check_span(f) -> None:
    """A figure covers one span of time: a window (with the source's bound word on it), a running total or a calendar year."""
    if f.window_hedge is not None and f.window is None:
        raise Located("`window_hedge` is the source's word on the figure's `window` ('in less than 24 hours'); give the `window` "
                      "too (24h)", "window_hedge")
    given = [k for k in ("window", "to_date", "year") if getattr(f, k) is not None]
    if len(given) > 1:
        raise Located(f"a figure covers one span of time: give one of `window` (a length: 24h), `to_date` (so far this year) or `year` "
                      f"(2021), not {' and '.join(f'`{k}`' for k in given)}", given[1])


def fact_shape(f) -> None:
    if f.unit is Unit.COINS and not (f.asset or f.assets):
        raise ValueError("unit 'coins' needs `asset` to say which coin")
    if f.metric in SUBJECT_METRICS and not f.subject and not f.label:
        raise Located(f"a {f.metric} says what it is of: add `subject` (e.g. 'the wait for a new all-time high')", "metric")
    if f.unit is Unit.CURRENCY and f.currency is None:
        raise Located("unit 'currency' needs `currency` to say which one (e.g. KRW)", "unit")
    if f.currency is not None and f.unit is not Unit.CURRENCY:
        raise Located(f"`currency` is for `unit: currency`, not unit {f.unit.value!r}", "currency")
    if f.asset and f.assets:
        raise ValueError("give `asset` (one) or `assets` (several), not both")
    if f.venue and f.venues:
        raise ValueError("give `venue` (one) or `venues` (several), not both")
    if f.contract and f.asset and not contract_names_asset(f.contract, f.asset):
        # An article prints the contract beside the figure: a contract of another coin gives the figure that coin.
        raise Located(f"contract {f.contract!r} trades {contract_assets(f.contract)[-1]}, not the figure's asset "
                      f"{f.asset}: give the figure's own contract, or the contract's coin as `asset`", "contract")
    for i, o in enumerate(f.observations):
        if o.magnitude in COUNT_MAGNITUDES and f.unit is not Unit.COUNT:
            raise Located(f"{o.magnitude.words!r} counts things ('{o.magnitude.words} of traders'): it is for `unit: count`, not "
                          f"{f.unit.value!r} (for money give a scale: hundreds_of_millions, several_million)", "observations", i, "magnitude")
        if o.magnitude is not None and f.unit is Unit.PERCENT:
            # the scales start at "several thousand", and no reader (nor the check) takes "tens of millions" for a percent
            raise Located(f"{o.magnitude.words!r} is a scale of an amount or a count ('{o.magnitude.words} of dollars'), not of a "
                          "percent: give the percent the source prints as `value`, or its span as `range`", "observations", i, "magnitude")
    if f.each and not (f.venues or f.assets):
        raise Located("`each: true` says the figure holds for each of several venues or assets: give them as `venues` or "
                      "`assets` (for one, `venue` or `asset` alone says it)", "each")
    _check_change(f)
    _check_per(f)
    _check_whole(f)
    _check_floor_hedges(f)
    _check_span(f)
    if f.level_hedge is not None and f.price_level is None and f.price_band is None:
        raise Located("`level_hedge` is the source's word on a `price_level` or `price_band`; this figure has neither", "level_hedge")
    if f.share_of is not None and f.unit is not Unit.PERCENT:
        raise Located(f"`share_of` says what a percentage is a share of; this figure is in {f.unit.value!r}", "share_of")
    if f.from_fact is not None and f.to_fact is None:
        # a change that names only its end is common ("fell 5% to $90,000"); one that names only its start is not told
        raise Located("a change that names where it started needs where it ended too: give `to_fact` (a change that "
                      "names only its end level gives `to_fact` alone)", "from_fact")
    if f.to_fact is not None:
        if f.metric not in CHANGE_METRICS:
            key = "from_fact" if f.from_fact is not None else "to_fact"
            raise Located(f"`from_fact`/`to_fact` link a change ({', '.join(sorted(CHANGE_METRICS))}) to its ends, not metric {f.metric!r}", key)
        if f.from_fact == f.to_fact:
            raise Located("a change runs between two different figures: `from_fact` and `to_fact` are the same", "to_fact")
    if f.status is Status.UNAVAILABLE:
        if any(has_number(o) for o in f.observations):
            raise ValueError("status 'unavailable' cannot carry a value: remove the observations' values or change the status")
    elif not f.observations:
        raise ValueError("a figure needs at least one observation (or `status: unavailable` with a `reason`)")
    else:
        for i, o in enumerate(f.observations):
            if f.unit is Unit.NONE:
                if has_number(o):
                    raise Located(f"observation {i} gives a number, but unit 'none' is for statements without one; pick the metric's numeric unit", "observations", i)
            elif not has_number(o) and o.reading is None:
                raise Located(f"observation {i} has neither `value`, `range`, `magnitude` nor `reading`", "observations", i)


def _check_per(f) -> None:
    if f.per is None:
        return
    if f.per not in AVERAGE_PER:
        close = close_matches(f.per.casefold().removeprefix("per ").rstrip("s"), AVERAGE_PER)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise Located(f"unknown `per` {f.per!r}{hint}; an average is per {', '.join(AVERAGE_PER)}", "per")
    if f.unit.value not in AVERAGE_UNITS:
        raise Located(f"`per` is for an average amount or count; this figure is in {f.unit.value!r}", "per")
    if f.metric not in AVERAGE_METRICS:
        raise Located(f"`per` is for amounts over a window ({', '.join(sorted(AVERAGE_METRICS))}), not for metric {f.metric!r}", "per")
    if f.per in ("day", "hour") and f.window is None:
        raise Located(f"an average per {f.per} needs the `window` it is taken over (e.g. 7d)", "per")


def _check_whole(f) -> None:
    """A share or a probability lies between 0 and 100 (vocabulary.PERCENT_OF_WHOLE)."""
    if f.metric not in PERCENT_OF_WHOLE:
        return
    for i, o in enumerate(f.observations):
        for where, v in _amounts(o):
            if not 0 <= v <= 100:
                raise Located(f"observation {i} gives {shown(v)}%, but {f.metric.replace('_', ' ')} is a part of a whole, "
                              "0 to 100 (a change is a *_change metric)", "observations", i, *where)


def _check_change(f) -> None:
    if f.change is not None:
        if f.metric not in CHANGE_METRICS:
            raise Located(f"`change` is for changes and flows ({', '.join(sorted(CHANGE_METRICS))}), not for metric {f.metric!r}", "change")
        if (f.change in FLOW_CHANGES) != (f.metric == "fund_flow"):
            allowed = "inflow or outflow" if f.metric == "fund_flow" else "rise or fall"
            raise Located(f"change {f.change.value!r} does not fit metric {f.metric!r} (expected {allowed})", "change")
    signed = f.metric in SIGNED_METRICS and f.change is None
    if signed:
        return
    for i, o in enumerate(f.observations):
        for where, v in _amounts(o):
            if v < 0:
                why = (
                    "with `change` set the amount is positive and the direction is in `change`"
                    if f.change is not None
                    else f"{f.metric.replace('_', ' ')} cannot be negative"
                    + ("; for a fall write a positive amount and `change: fall`" if f.metric in CHANGE_METRICS else "")
                )
                raise Located(f"observation {i} has the negative amount {shown(v)}: {why}", "observations", i, *where)


def _amounts(o) -> list[tuple[tuple, float]]:
    """Every amount of an observation and its revisions, with where it is written."""
    out = [(("value",), o.value)] if o.value is not None else []
    out += [(("range",), v) for v in o.range or ()]
    for k, r in enumerate(o.revisions):
        out += [(("revisions", k, "value"), r.value)] if r.value is not None else []
        out += [(("revisions", k, "range"), v) for v in r.range or ()]
    return out


# --- quotes, periods, events -------------------------------------------------------


def status_of_words(v: Status | None) -> Status | None:
    # A quote is one speaker's words, relayed by at most one source: how far the relay can be
    # trusted, not a model's estimate, two sources' disagreement or a missing figure.
    if v is not None and v not in QUOTE_STATUSES:
        raise ValueError(f"status {v.value!r} does not fit a quote (one speaker's words, relayed by at most one source); "
                         f"use one of {', '.join(s.value for s in QUOTE_STATUSES)}, or leave it out")
    return v


def full_date(v):
    if isinstance(v, PartialDate):
        raise ValueError(f"a period needs full dates; {v.isoformat()} leaves part out (give the report's own date in `as_of`, or leave `period` out)")
    return v


def period_ordered(p) -> None:
    both_times = isinstance(p.start, datetime) and isinstance(p.end, datetime)
    if (p.start > p.end) if both_times else (day_of(p.start) > day_of(p.end)):
        raise ValueError("period start is after its end")


def not_reserved(v: str) -> str:
    if v in RESERVED_EVENT_IDS:
        raise ValueError(f"event id {v!r} is reserved: it names one of the site's own files or a device ({', '.join(sorted(RESERVED_EVENT_IDS))})")
    return v
