"""F001 no-attribution: a figure with no attribution or caveat at all (no fact file needed)."""

from writer.check.rules.base import Hit, Rule, RuleContext


def check(ctx: RuleContext):
    a = ctx.analysis
    for fu in a.figures:
        if a.caveat_in_scope(fu, carry=True):
            continue
        if a.scope_sources(fu, carry=True):
            continue
        if a.repeats_attributed(fu):
            continue
        yield Hit(fu, f"{fu.figure.text!r} has no attribution or caveat in its sentence, its paragraph's opening run or a note covering it")


RULE = Rule(
    code="F001",
    name="no-attribution",
    severity="error",
    mode="free",
    summary="A figure with no attribution or caveat anywhere in scope (runs without a fact file).",
    doc="""\
## What it does
Without a fact file, checks that every figure has some attribution or caveat: in its
sentence ("according to", "data from CoinGlass show", "..., the data shows", "heat maps
suggest", "unverified"), in an earlier sentence of its paragraph that opens the run (not
from a sentence about liquidations alone to one about market context alone: the desk that
counted the liquidations did not price the market), in a note covering it ("the above
figures come from a single source"; "Those figures are CoinGlass's." covers the run right
before it), or in a credit line beside it ("Source: CoinGlass" right under its paragraph;
a chart's caption above prose that says it reads the chart, "From the graph, ...").
"An estimated $400 million ... wiped out" and "would be liquidated if ..." hedge or
condition a figure without saying where it comes from. House rule for a repeated figure:
every paragraph attributes its own figures, except a figure that refers back to one
already attributed earlier in the same section ("this $427 million", "the same 94%",
"the $1.45 billion total"); a bare repeat is attributed again, and the headline neither
is covered nor covers this way.

What is no attribution: hearsay with no one named ("reportedly", "allegedly", "is said
to"; an earlier attribution of the paragraph does not carry to it either), a chart nobody
credits ("the chart shows", "as seen above"), and a "Name:" label that is a summary
marker or a speaker's turn ("Bottom Line:", "Host:", a transcript's names) rather than a
source (a registered or brand-shaped name, or one the article credits elsewhere). What
is: an embedded post's signature under it ("— Name (@handle) date"), a numbered reference
("... by the close [3]."), a speaker's colon over the quote or paragraph it introduces
("X wrote:"), and an attributed sentence that says the list or table is below. Vague amounts
and counts in words are figures too ("millions of dollars", "hundreds of traders", "over a
dozen funds", "a nine-figure loss", "a record"), and so are multiples, ratios and shares in
words ("twice Monday's total", "longs tripled", "three to one", "nine in ten", "four
percent", "double-digit losses").

## Why it matters
A bare number in market news reads as established fact. Most hand-written errors
are exactly this: a figure whose source was lost in editing.

## Example
```markdown
Longs lost about $1.752 billion in the past 24 hours.
```

## Use instead
```markdown
Longs lost about $1.752 billion in the past 24 hours, according to CoinGlass.
```
""",
    check=check,
)
