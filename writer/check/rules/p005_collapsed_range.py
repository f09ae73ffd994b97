"""P005 collapsed-range: a disputed figure printed as one point, or a sampled feed's floor printed as an exact value."""

from writer.check.rules.base import Hit, Rule, RuleContext
from writer.check.rules.p006_contradicts_fact import _fmt, _num  # one way to print a fact's value in a message


def _dropped_floors(ctx: RuleContext):
    """A fact the fact base marks ``lower_bound`` (a sampled feed shows only a floor: DESIGN §2, "print 'at least'")
    printed as an exact value: "Binance liquidated $120.2 million" for a stream that shows at least that much. Its
    price level or band, and words of the fact (anchors), are not it. (A source's own "over" in its text is its
    wording, which outlets drop in headlines; the structural floor of a sampled feed is not.)"""
    for fu, link in ctx.linked():
        s = link.support
        if link.kind != "supported" or s is None or s.anchor or s.average or not fu.figure.point or fu.figure.qualifier == "vague":
            continue
        fact = s.fact
        if fact is not None and fact.lower_bound and not fact.is_derived and fu.figure.qualifier != "at_least":
            yield Hit(fu, f"the fact base holds this figure as a floor ({ctx.names(s.sources)}: at least {_num(s.lo)}); print "
                          f"'at least', not {fu.figure.text!r}", s.id)


def _other_side_printed(ctx: RuleContext, fu, fact) -> bool:
    """Does the paragraph print another source's own figure of the same disputed fact, whatever that figure is linked to
    ("..., whose guess runs from $4 billion to $5 billion, well above the $1.6 billion on the dashboard": the guess repeats a quote's
    words and links to the quote)? Then the point is one side of a disagreement told with its other side."""
    if fact is None or fact.status.value != "disputed":
        return False
    own = [o.bounds for o in fact.observations if o.has_number]
    value = fu.figure.value
    others = [(lo, hi) for lo, hi in own if not lo <= value <= hi]
    for other, _ in ctx.linked():
        if other is fu or other.block_index != fu.block_index or other.figure.unit != fu.figure.unit:
            continue
        lo, hi = other.figure.interval()
        if any(lo <= b and a <= hi for a, b in others):
            return True
    return False


def check(ctx: RuleContext):
    yield from _dropped_floors(ctx)
    collapsed = [(fu, link) for fu, link in ctx.linked() if link.kind == "collapsed" and link.support is not None]
    for fu, link in collapsed:
        # Both ends printed in the same paragraph, each as its source's figure ("X's own data show
        # $2.1 billion ... a modest $333 million attributed to Y") is the disagreement told in full.
        if any(other is not fu and other.block_index == fu.block_index and olink.support.id == link.support.id
               and other.figure.value != fu.figure.value for other, olink in collapsed):
            continue
        if _other_side_printed(ctx, fu, link.support.fact):
            continue
        if link.kind == "collapsed" and link.support is not None:
            s = link.support
            why = "sources disagree on this figure" if s.status.value == "disputed" else "the fact base holds this figure as a range"
            yield Hit(fu, f"{why} ({ctx.names(s.sources)}: {_fmt(s.lo, s.hi)}); print the range with both ends, not {fu.figure.text!r}", s.id)


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
same range too (each source's figure given: the disagreement is told). A value the fact
base marks `lower_bound` (a sampled feed shows only a floor) is a half-open range:
printed without "at least" (or "over", "more than") it is collapsed too.

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
