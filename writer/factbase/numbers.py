"""Reading numbers editors type into fact files.

A fact file may say ``value: 1361000000`` or ``value: "1.361B"`` or
``value: "$80.58 million"``. What it may not do is smuggle a qualifier into a
value (``"about 1.4B"``, ``">200k"``): approximation and bounds are provenance
(``lower_bound``) or writer's own rounding, never part of the number. Anything
that is not unambiguously a number is rejected with a message saying why.
"""

from __future__ import annotations

import math
import re

from writer.factbase.vocabulary import MAX_AMOUNT

_MAGNITUDES = {
    "": 1,
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mm": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "t": 1e12,
    "tn": 1e12,
    "trillion": 1e12,
}

_AMOUNT_RE = re.compile(
    r"^\s*(?P<sign>-)?\s*(?P<cur>\$|usd\s*)?(?P<num>[0-9][0-9,_]*(?:\.[0-9]+)?|\.[0-9]+)\s*(?P<mag>[a-z]*)\s*(?P<pct>%)?\s*$",
    re.IGNORECASE,
)


def parse_amount(raw: object) -> float:
    """Return the number a fact-file value stands for, or raise ValueError saying why not."""
    if isinstance(raw, bool):
        raise ValueError("expected a number, got a true/false value")
    if isinstance(raw, int):
        if abs(raw) > MAX_AMOUNT:  # compared as an integer: float() of a 400-digit number overflows
            raise ValueError(f"{_digits(raw)} is too large for a figure (the limit is {MAX_AMOUNT:,.0f}); is a digit repeated?")
        value = float(raw)
    elif isinstance(raw, float):
        value = raw
    elif isinstance(raw, str):
        m = _AMOUNT_RE.match(raw)
        if not m:
            raise ValueError(
                f"cannot read {raw!r} as a number: write digits with an optional magnitude "
                "(1361000000, \"1.361B\", \"$80.58 million\"); words such as 'about' or 'over' "
                "belong in `lower_bound` or are added by writer"
            )
        mag = m.group("mag").lower()
        if mag not in _MAGNITUDES:
            raise ValueError(f"cannot read {raw!r}: unknown magnitude {m.group('mag')!r} (use k, M, B, T or thousand/million/billion)")
        num = m.group("num").replace(",", "").replace("_", "")
        if len(num.split(".")[0]) > _MAX_DIGITS:
            raise ValueError(f"{raw[:40]!r}{'...' if len(raw) > 40 else ''} is too large for a figure (the limit is {MAX_AMOUNT:,.0f})")
        value = float(num) * _MAGNITUDES[mag] * (-1 if m.group("sign") else 1)
        # Keep the decimal digits the editor typed ("1.361B" -> 1361000000.0, not 1360999999.9999998).
        value = float(f"{value:.12g}")
    else:
        raise ValueError(f"expected a number, got {type(raw).__name__}")
    if not math.isfinite(value):
        raise ValueError("expected a finite number")
    if abs(value) > MAX_AMOUNT:
        raise ValueError(f"{value:,.0f} is too large for a figure (the limit is {MAX_AMOUNT:,.0f}); is a digit repeated or a magnitude doubled?")
    return value


_MAX_DIGITS = 20  # integer digits read before the limit check; more is never a figure


def _digits(n: int) -> str:
    """A huge integer shown by its size, not its 4,000 digits."""
    text = str(abs(n)) if n.bit_length() < 200 else None
    return f"{text[:20]}..." if text and len(text) > 24 else (text or f"a number of about {int(n.bit_length() * 0.30103)} digits")
