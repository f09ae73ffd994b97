"""P007 unavailable-metric: a figure for a metric the desk marked unavailable."""

from writer.check.rules.base import Hit, Rule, RuleContext


def check(ctx: RuleContext):
    for fu, link in ctx.linked():
        if link.kind == "unavailable" and link.fact is not None:
            reason = f" ({link.fact.reason})" if link.fact.reason else ""
            yield Hit(fu, f"{fu.figure.text!r} is given for {link.fact.id!r}, which the fact file marks unavailable{reason}; say no reliable figure is available", link.fact.id)


RULE = Rule(
    code="P007",
    name="unavailable-metric",
    severity="error",
    mode="facts",
    summary="A number printed for a figure the fact file says is not available.",
    doc="""\
## What it does
Flags a figure whose words describe a fact with status `unavailable` (a known gap)
and whose value no other fact supports.

## Why it matters
The desk decided there is no reliable number; printing one fills the gap with a guess.

## Example
```markdown
Over the past 24 hours, 412,000 traders were liquidated.
```

## Use instead
```markdown
No reliable 24-hour count of liquidated traders is available.
```
""",
    check=check,
)
