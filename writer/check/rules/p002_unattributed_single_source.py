"""P002 unattributed-single-source: a single-source figure with no attribution in scope."""

from writer.check.rules.base import Hit, Rule, RuleContext
from writer.check.rules.f001_no_attribution import worked_example
from writer.factbase.vocabulary import Status


def check(ctx: RuleContext):
    for fu, link in ctx.linked():
        s = link.support
        if link.kind != "supported" or s is None or s.status is not Status.SINGLE_SOURCE or worked_example(fu):
            continue  # (a worked example about a made-up trader states no figure of the event: bench/ANNOTATION.md 10)
        a = ctx.analysis
        named = ctx.fact_sources_named(fu, s.sources, s.status.value, s)
        if not named and s.id.startswith("quote:"):
            named = ctx.speaker_named(fu, s.id)  # a quote's words are attributed by naming its speaker
        if not named:
            # A section note that says "single source" counts when the section names the source.
            named = any("single_source" in n.classes for n in a.section_notes(fu)) and bool(set(s.sources) & a.section_sources(fu))
        if not named:
            yield Hit(fu, f"{fu.figure.text!r} comes from a single source ({ctx.names(s.sources)}) but no attribution names it in this sentence or a note covering it", s.id)


RULE = Rule(
    code="P002",
    name="unattributed-single-source",
    severity="error",
    mode="facts",
    summary="A single-source figure printed without naming its source in scope.",
    doc="""\
## What it does
Flags a figure whose fact has exactly one source when neither its sentence, nor the
run of sentences a paragraph opens with that source, nor a note covering the figure
("the above figures come from a single source") names the source as its source
(a run does not reach a figure whose clause is hearsay with no one named: "is said to";
a hedge in another clause of its sentence does not stop it). A source
the registry only describes ("market data", "an unnamed source") is named by any
description of a source in scope ("according to a single source"), a generic one too
("one unnamed aggregator put the total at ...", unnamed data told as its source: "..., data showed").
A number in the words that describe a figure (its subject: "for 300 accounts") is
attributed with that figure's value. A data provider after "on" ("$X on CoinGlass") is
named as the figure's source (an exchange there is its venue); so is the source a credit
that points back stands for: "the same data show", "on both dashboards" (the last credit
of the section), "the tracker also logged" (the last tracker named in the section).
A figure in a worked example about a made-up trader ("For example, if a trader opens a
$10,000 position at 10x, ...") states nothing about the event and is not asked for one
(F001's reading; P001 and P011 skip it too). (Naming it without saying it is the only one is P013.)

## Why it matters
A single dashboard's number can be wrong by a wide margin; the reader must be told
where it comes from so they can weigh it.

## Example
```markdown
Long liquidations reached $1.361 billion in 24 hours.
```

## Use instead
```markdown
Long liquidations reached $1.361 billion in 24 hours, according to a single source, CoinAnk.
```
""",
    check=check,
)
