"""P006 contradicts-fact: a value that differs from its fact beyond rounding."""

from writer.check.rules.base import Hit, Rule, RuleContext


def _num(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 1000 else f"{x:g}"


def _fmt(lo: float, hi: float) -> str:
    return _num(lo) if lo == hi else f"{_num(lo)} to {_num(hi)}"


def check(ctx: RuleContext):
    for fu, link in ctx.linked():
        if link.kind == "contradicts" and link.support is not None:
            s = link.support
            yield Hit(fu, f"{fu.figure.text!r} contradicts fact {s.id!r} ({_fmt(s.lo, s.hi)} {s.unit}) beyond the rounding the text implies", s.id)


RULE = Rule(
    code="P006",
    name="contradicts-fact",
    severity="error",
    mode="facts",
    summary="A figure whose words name a fact but whose value differs beyond rounding.",
    doc="""\
## What it does
When a figure matches no fact by value, but its words (side, asset, window, venue,
metric) clearly describe one fact, the figure contradicts that fact.

## Why it matters
A typo or a stale number ("$1.651 billion" for $1.451 billion) is the most common
error an edit introduces, and the easiest to miss by eye.

## Example
```markdown
Total liquidations in the past 24 hours reached $1.951 billion, according to CoinAnk.
```

## Use instead
The value of the fact, rounded no further than its digits allow: "$1.451 billion" or
"about $1.45 billion".
""",
    check=check,
)
