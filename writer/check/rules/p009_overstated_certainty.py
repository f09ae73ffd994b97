"""P009 overstated-certainty: "confirmed" or plural "sources" on a single-source figure."""

from writer.check.rules.base import Hit, Rule, RuleContext
from writer.factbase.vocabulary import Status


def check(ctx: RuleContext):
    phrases = ctx.analysis.phrases
    for fu, link in ctx.linked():
        s = link.support
        if s is None or link.kind != "supported" or s.status is not Status.SINGLE_SOURCE:
            continue
        word = phrases.overstated_in(fu.sentence.text)
        if word:
            yield Hit(fu, f"{word!r} overstates {fu.figure.text!r}: it comes from a single source ({ctx.names(s.sources)})", s.id)


RULE = Rule(
    code="P009",
    name="overstated-certainty",
    severity="error",
    mode="facts",
    summary='"Confirmed", or plural "sources", on a figure from one source.',
    doc="""\
## What it does
Flags "confirmed" (not negated) and plural attributions ("sources say", "multiple
data providers") in the sentence of a single-source figure.

## Why it matters
One dashboard is not confirmation; plural "sources" invents corroboration that does
not exist.

## Example
```markdown
Data providers confirmed $1.451 billion in liquidations.
```

## Use instead
```markdown
According to a single source, CoinAnk, liquidations reached $1.451 billion.
```
""",
    check=check,
)
