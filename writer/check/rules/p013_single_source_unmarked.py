"""P013 single-source-unmarked: a single-source figure whose source is named but not said to be the only one."""

from writer.check.rules.base import Hit, Rule, RuleContext
from writer.factbase.vocabulary import Status


def check(ctx: RuleContext):
    a = ctx.analysis
    for fu, link in ctx.linked():
        s = link.support
        if link.kind != "supported" or s is None or s.status is not Status.SINGLE_SOURCE or s.id.startswith("quote:"):
            continue  # a quote needs its speaker (P002), not "single source"
        if ctx.names_only(fu, s):
            continue  # a subject's number naming which figure is meant: it states nothing
        if not ctx.fact_sources_named(fu, s.sources, s.status.value, s) or a.single_source_in_scope(fu):
            continue
        yield Hit(fu, f"{fu.figure.text!r} is attributed to {ctx.names(s.sources)} but not said to come from a single source", s.id)


RULE = Rule(
    code="P013",
    name="single-source-unmarked",
    severity="info",
    mode="facts",
    summary="A single-source figure attributed to its source without saying it is the only one (house style).",
    doc="""\
## What it does
Flags a figure whose fact has exactly one source when the article names that source
but nothing in scope says it is the only one ("single-source data", "according to a
single source"). In scope: the figure's sentence, a note covering it, or the sentence
that opens its run in the paragraph ("According to a single source, CoinAnk, longs lost
$1.361 billion. Shorts lost $90 million." marks both figures).
A number in a fact's describing words (its subject: "for 200 accounts") in a sentence that prints none of
that fact's figures names which figure is meant and is not held to this wording (a revision note).

## Why it matters
House style: a reader weighs one dashboard's number differently from a figure several
providers agree on. Most outlets do not say so, which is why this is `info`, apart from
P002 (a single-source figure with no attribution at all).

## Example
```markdown
Long liquidations reached $1.361 billion in 24 hours, according to CoinAnk.
```

## Use instead
```markdown
Long liquidations reached $1.361 billion in 24 hours, according to a single source, CoinAnk.
```
""",
    check=check,
)
