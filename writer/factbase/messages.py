"""Schema problems in writer's own voice: what is wrong, where, and what was probably meant.

pydantic reports a problem with its own wording ("Input should be a valid
list"); every message an editor reads comes from here instead, so fact-file
problems speak with one voice and carry a suggestion wherever one can be
made (a misspelt key, metric, unit, status or hedge).
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from writer.errors import Problem
from writer.factbase.nearest import close_matches
from writer.factbase.spec import ASSET_PATTERN
from writer.factbase.vocabulary import EVENT_ID_RE, ID_RE, WINDOW_RE
from writer.factbase.yamlsource import dotted, locate

# Suggestions cost a fuzzy match against every allowed key; a file with thousands of
# unknown keys is not a typo, so past this many only the first ones get a suggestion
# and validation stays linear with a small constant (bench/bench_unknown_keys.py).
MAX_SUGGESTIONS = 50


def problem_from_pydantic(err: dict, positions, path: str, model: type[BaseModel], *, suggest_keys: bool = True) -> Problem:
    loc = tuple(err["loc"])
    line, col = locate(positions, loc)
    kind = err["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _allowed_keys(model, loc[:-1])
        hint = close_matches(key, allowed) if suggest_keys else []
        message = f"unknown key {key!r}" + (f" (did you mean {hint[0]!r}?)" if hint else f"; allowed keys: {', '.join(allowed)}")
    elif kind == "missing":
        message = f"required field {loc[-1]!r} is missing"
    elif kind == "model_type" or kind == "dict_type":
        if loc:
            message = "expected a mapping of keys to values"
        else:
            message = f"the file must hold one mapping of keys ({', '.join(list(model.model_fields)[:3])}, ...), not a {_yaml_kind(err.get('input'))}"
    elif kind == "string_pattern_mismatch":
        pattern = (err.get("ctx") or {}).get("pattern", "")
        message = f"{err.get('input')!r} is not valid here: " + _PATTERN_HINTS.get(pattern, f"it must match {pattern}")
    elif kind == "enum":
        message = _enum_message(loc, err)
    elif err.get("input", "") is None and kind.endswith(("_type", "_parsing")):
        message = "is empty: fill it in"
    else:
        message = _PLAIN_MESSAGES[kind](err) if kind in _PLAIN_MESSAGES else err["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
        message = re.sub(r"^Input should be ", "expected ", message)
    if loc and loc[-1] == "tolerance" and kind != "extra_forbidden":
        message += " (a tolerance is a fraction: 0.02 means 2%)"
    return Problem(path, line, col, dotted(loc), message)


def _got(err) -> str:
    value = err.get("input")
    shown = repr(value) if not isinstance(value, (dict, list)) else ("a mapping" if isinstance(value, dict) else "a list")
    return f"got {shown}"


# pydantic's wording for common type errors, in writer's voice (what to write, and what was found).
_PLAIN_MESSAGES = {
    "list_type": lambda e: f"expected a list (one `- item` per line, or [a, b]), {_got(e)}",
    "tuple_type": lambda e: f"expected a pair [low, high], {_got(e)}",
    "too_short": lambda e: f"expected at least {(e.get('ctx') or {}).get('min_length', 1)} item(s)" if isinstance(e.get("input"), list) else "must not be empty",
    "too_long": lambda e: f"expected at most {(e.get('ctx') or {}).get('max_length')} items",
    "string_too_short": lambda e: "must not be empty",
    "string_type": lambda e: f"expected text, {_got(e)}",
    "bool_type": lambda e: f"expected true or false, {_got(e)}",
    "bool_parsing": lambda e: f"expected true or false, {_got(e)}",
    "float_type": lambda e: f"expected a number, {_got(e)}",
    "float_parsing": lambda e: f"expected a number, {_got(e)}",
    "greater_than_equal": lambda e: f"must be at least {(e.get('ctx') or {}).get('ge')}, {_got(e)}",
    "less_than_equal": lambda e: f"must be at most {(e.get('ctx') or {}).get('le')}, {_got(e)}",
    "literal_error": lambda e: f"{e.get('input')!r} is not one of {(e.get('ctx') or {}).get('expected', '')}",
    "union_tag_invalid": lambda e: f"{e.get('input')!r} is not allowed here",
}


def _enum_message(loc: tuple, err: dict) -> str:
    """``unknown unit 'usd' (did you mean 'USD'?)``: the field's name, the word, a suggestion, the choices."""
    field = str(next((p for p in reversed(loc) if isinstance(p, str)), "value"))
    expected = (err.get("ctx") or {}).get("expected", "")
    choices = re.findall(r"'([^']*)'", expected)
    word = err.get("input")
    hint = suggest(str(word), choices) if isinstance(word, str) else None
    if hint is None and isinstance(word, str):
        hint = _SYNONYMS.get(field, {}).get(word.casefold().strip())
    noun = {"hedge": "hedge", "magnitude": "magnitude", "change": "change", "status": "status", "unit": "unit",
            "side": "side", "direction": "direction", "kind": "kind"}.get(field, field.replace("_", " "))
    return f"unknown {noun} {word!r}" + (f" (did you mean {hint!r}?)" if hint else "") + f"; one of: {', '.join(choices)}"


# Words editors write for a unit or a status that the vocabulary spells differently.
_SYNONYMS = {
    "unit": {"dollars": "USD", "dollar": "USD", "usd": "USD", "$": "USD", "%": "percent", "pct": "percent", "percentage": "percent",
             "traders": "count", "accounts": "count", "people": "count", "points": "index", "btc": "coins", "eth": "coins"},
    "status": {"confirmed": "multi_source", "single": "single_source", "unconfirmed": "pending_verification", "rumour": "rumor",
               "estimated": "estimate", "group": "unnamed_group", "unknown": "unavailable"},
}


def suggest(word: str, choices) -> str | None:
    """The closest choice to a misspelt word, case-insensitively (``usd`` -> ``USD``)."""
    folded = {c.casefold(): c for c in choices}
    if word.casefold() in folded:
        return folded[word.casefold()]
    close = close_matches(word.casefold(), folded)
    return folded[close[0]] if close else None


_PATTERN_HINTS = {
    EVENT_ID_RE.pattern: "an event id uses lower-case letters, digits and dashes (it becomes a file name and a URL)",
    ID_RE.pattern: "an id uses lower-case letters, digits, '_' and '-' (at most 80)",
    WINDOW_RE.pattern: "a window is a number and m, h, d, w or mo, such as 60m, 12h, 24h, 1d",
    ASSET_PATTERN: "an asset is a ticker as the market writes it, with at least one capital: BTC, ETH, stETH, vBNB, 1000PEPE (2 to 12 letters and digits)",
}


def _yaml_kind(value: object) -> str:
    return {list: "list", str: "single value", type(None): "null value"}.get(type(value), type(value).__name__)


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names allowed at ``loc`` inside ``model`` (for 'did you mean' hints)."""
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(str(part))
        if field is None:
            return []
        current = _model_in(field.annotation)
        if current is None:
            return []
    return list(current.model_fields)


def _model_in(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None
