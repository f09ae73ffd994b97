"""P011 unattributed-figure: a multi-source, official, disputed or unnamed-group figure with no source named in scope."""

from writer.check.rules.base import Hit, Rule, RuleContext
from writer.check.rules.f001_no_attribution import worked_example
from writer.factbase.vocabulary import Status

# An unnamed group ("public data", "several data service providers") is named by its own
# words: a figure printed without them has lost its only attribution.
STATUSES = (Status.MULTI_SOURCE, Status.OFFICIAL, Status.DISPUTED, Status.UNNAMED_GROUP)


def check(ctx: RuleContext):
    for fu, link in ctx.linked():
        s = link.support
        if s is None or link.kind != "supported" or s.status not in STATUSES or not s.sources or worked_example(fu):
            continue
        if ctx.fact_sources_named(fu, s.sources, s.status.value, s) or _own_words_of_speaker_named(ctx, fu, s.id, s.status):
            continue
        yield Hit(fu, f"{fu.figure.text!r} ({s.status.value.replace('_', ' ')}) names none of its sources ({ctx.names(s.sources)}) in scope", s.id)


def _own_words_of_speaker_named(ctx: RuleContext, fu, support_id: str, status: Status) -> bool:
    """A quote relayed by no one ("CZ, CEO of Binance, said: ...") has its speaker as its source: naming the
    speaker, however the sentence goes on, is naming the source (as P002 reads a single-source quote). So has an
    unnamed group's view an outlet relays ("desks are divided, some eyeing a run to $70,000"): the group
    is its origin, named by its own words, and the outlet only its reporter."""
    quote = ctx.quote(support_id)
    return quote is not None and (quote.source is None or status is Status.UNNAMED_GROUP) and ctx.speaker_named(fu, support_id)


RULE = Rule(
    code="P011",
    name="unattributed-figure",
    severity="warning",
    mode="facts",
    summary="A multi-source, official, disputed or unnamed-group figure printed without naming a source.",
    doc="""\
## What it does
Flags a figure from several agreeing sources, an official statement, a disputed
range or an unnamed group of sources ("public data") when no source is named in its
sentence, a covering note, or the sentence that opens its run (the nearest earlier
sentence of the paragraph naming a source, with no other attribution or caveat between;
not into a figure whose clause is hearsay with no one named, "is said to"). A source is named as
P008 reads it: "according to X", "X data show", the owner of a product's data
("X Futures data show"), "X, the only tracker to report it, said"; a role noun ("according to the
exchange") names the one venue of its kind named in the sentence or, failing that, earlier in the paragraph.
A quote relayed by no one has its speaker as its source: naming the speaker names it; so does an
unnamed group's view an outlet relays ("some desks eye a run to $70,000": the group's own words).
A number in the words that describe a figure (its subject: "for 200 accounts") is
attributed with that figure: naming the sources of the figure's value names its own.

## Why it matters
Even well-supported figures are attributed in news copy: "HTX's own figures show",
"according to CoinGlass and CoinAnk".

## Example
```markdown
ETH liquidations totalled $335 million over 24 hours.
```

## Use instead
```markdown
ETH liquidations totalled $335 million over 24 hours, according to CoinGlass and CoinAnk.
```
""",
    check=check,
)
