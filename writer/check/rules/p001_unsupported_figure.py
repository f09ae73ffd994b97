"""P001 unsupported-figure: a figure no fact supports."""

from writer.check.linking import Support, value_match
from writer.check.rules.base import Hit, Rule, RuleContext
from writer.check.rules.f001_no_attribution import worked_example

# Units of a comparison between two figures, told in words (writer/check/figures.py, multiples.py): what each is called.
COMPARISONS = {"part": "share", "multiple": "multiple"}


def check(ctx: RuleContext):
    a = ctx.analysis
    for fu, link in ctx.linked():
        if link.kind != "unsupported" or worked_example(fu):
            continue  # a worked example's figures are made up: no fact holds them, none need
        if fu.figure.unit in COMPARISONS:
            # A share or multiple in words ("more than a third of the total", "twice Monday's") compares two
            # figures: no fact holds it, so what is asked is the attribution that says whose calculation or
            # whose figure it is.
            if not (a.caveat_in_scope(fu, carry=True) or a.scope_sources(fu, carry=True) or a.repeats_attributed(fu)):
                yield Hit(fu, f"{fu.figure.text!r} is a {COMPARISONS[fu.figure.unit]} in words with no attribution: say whose "
                              "calculation it is (\"by our calculation from ...\") or whose figure")
            continue
        yield Hit(fu, f"no fact in the fact file supports {fu.figure.text!r}{_intensity_note(ctx, fu.figure)}")


def _intensity_note(ctx: RuleContext, fig) -> str:
    """When a dollar figure has the value of a heat map's intensity reading (unit ``intensity``: the map's own scale),
    say so: the article printed a relative intensity as money."""
    if ctx.event is None or fig.unit != "USD":
        return ""
    for fact in ctx.event.facts.values():
        if fact.unit != "intensity":
            continue
        for obs in fact.observations:
            lo, hi = obs.range if obs.range is not None else (obs.value, obs.value)
            if lo is not None and value_match(fig, Support(fact.id, fact.unit, lo, hi, fact.status, (obs.source,), fact)) == "match":
                return f"; the fact {fact.id!r} is a heat-map intensity, not dollars: print it as the map's relative intensity"
    return ""


RULE = Rule(
    code="P001",
    name="unsupported-figure",
    severity="error",
    mode="facts",
    summary="A figure that no fact, context item or quote in the fact file supports.",
    doc="""\
## What it does
Looks up every figure of the article in the event's fact file, by unit and by value
within the rounding the text implies ("$1.45 billion" fits 1,451,000,000; "about
$1.5 billion" fits it too). It flags a figure that fits nothing: no fact, no price
level a fact is pinned to, no figure inside a context item or a quote. A share or multiple
in words ("more than a third of the total", "twice the previous day's", "longs tripled")
compares two figures and no fact holds it: it is flagged only when nothing in scope says
whose calculation or whose figure it is. A dollar figure with the value of a heat map's
intensity reading (unit `intensity`) is told so: the map's relative scale is not money.

## Why it matters
Every number a desk publishes must be traceable to a source. A figure that is not in
the fact base was typed in by hand, copied from a draft of another story, or invented.

## Example
```markdown
Separately, XRP liquidations reached $412 million, according to CoinAnk.
```
(the fact file has no XRP figure)

## Use instead
Add the figure, with its source, to the fact file, or delete it from the article.
""",
    check=check,
)
