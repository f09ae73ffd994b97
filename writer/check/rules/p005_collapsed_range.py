"""P005 collapsed-range: a disputed figure printed as one point."""

from writer.check.rules.base import Hit, Rule, RuleContext


def check(ctx: RuleContext):
    collapsed = [(fu, link) for fu, link in ctx.linked() if link.kind == "collapsed" and link.support is not None]
    for fu, link in collapsed:
        # Both ends printed in the same paragraph, each as its source's figure ("X's own data show
        # $2.1 billion ... a modest $333 million attributed to Y") is the disagreement told in full.
        if any(other is not fu and other.block_index == fu.block_index and olink.support.id == link.support.id
               and other.figure.value != fu.figure.value for other, olink in collapsed):
            continue
        if link.kind == "collapsed" and link.support is not None:
            s = link.support
            why = "sources disagree on this figure" if s.status.value == "disputed" else "the fact base holds this figure as a range"
            yield Hit(fu, f"{why} ({ctx.names(s.sources)}: {s.lo:,.0f} to {s.hi:,.0f}); print the range with both ends, not {fu.figure.text!r}", s.id)


RULE = Rule(
    code="P005",
    name="collapsed-range",
    severity="error",
    mode="facts",
    summary="A disputed or ranged figure collapsed to a single value.",
    doc="""\
## What it does
Flags a single value printed for a fact the fact base holds as a range (sources that
disagree beyond the tolerance, a ranged estimate, a price band), when the value lies
inside (or at one end of) the range, unless the paragraph prints another value of the
same range too (each source's figure given: the disagreement is told).

## Why it matters
Picking one provider's number hides the disagreement; the reader cannot tell the
figure is contested.

## Example
```markdown
Liquidations totalled $190 million, according to CoinGlass and CoinAnk.
```

## Use instead
```markdown
Liquidations totalled between $150 million and $190 million; CoinGlass and CoinAnk differ.
```
""",
    check=check,
)
