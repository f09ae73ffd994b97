"""P004 estimate-as-realised: an estimate of potential liquidations stated as if it happened."""

from writer.check.lazyre import Deferred
from writer.check.linking import own_clause
from writer.check.rules.base import Hit, Rule, RuleContext
from writer.factbase.vocabulary import Status


# A modal of possibility in the figure's own clause ("the ratio may recover to a range closer to 1:1", "shorts could
# face $698 million above $85,000"): the figure is told as what could happen, not as what happened. ("May" the month
# is capitalised; the modal inside a sentence is not.)
_POSSIBLE = Deferred(globals(), r"\b(?:[Cc]ould|[Mm]ight|[Ww]ould|may)\b")
# A condition's own clause ("Unless ether holds $2,900 this week, the fund expects ...", "If bitcoin loses $90,000,
# ..."): the figure is the threshold of what would follow, not an amount that happened; whose view it is, the main
# clause says (its subject, named anywhere in the sentence).
_CONDITION = Deferred(globals(), r"^[\W_]*(?:[Uu]nless|[Ii]f|[Uu]ntil|[Ss]hould|[Pp]rovided)\b")


def check(ctx: RuleContext):
    for fu, link in ctx.linked():
        s = link.support
        if s is None or s.status is not Status.ESTIMATE or link.kind not in ("supported", "collapsed") or ctx.names_only(fu, s):
            continue
        a = ctx.analysis
        clause = own_clause(fu)
        condition = _CONDITION.match(clause) is not None
        if not {"estimate", "conditional"} & a.scope_classes(fu) and not _POSSIBLE.search(clause) and not condition:
            yield Hit(fu, f"{fu.figure.text!r} is an estimate ({ctx.names(s.sources)}) but is stated as realised; say it is an estimate of potential liquidations", s.id)
        elif not (set(s.sources) & (a.scope_sources(fu) | (fu.sentence.sources if condition else set()))) and not a.basis_in_scope(fu) \
                and not ctx.described_figure_named(fu, s):  # a count in the subject is the estimate's whose its figure names
            yield Hit(fu, f"{fu.figure.text!r} is called an estimate but not whose or from what ({ctx.names(s.sources)}); name the model or source", s.id)


RULE = Rule(
    code="P004",
    name="estimate-as-realised",
    severity="error",
    mode="facts",
    summary="An estimate (heat map, model, extrapolation) stated as a realised amount.",
    doc="""\
## What it does
Flags a figure whose fact is an estimate when neither its sentence nor a covering note
says it is an estimate, potential, projected or extrapolated (a modal in the figure's own
clause says so too: "could face", "may recover to", and so does a condition whose clause holds the figure:
"Unless ether holds $2,900 this week, ...", whose holder the sentence may name anywhere), or says so without saying whose
estimate or from what (a named source, a heat map, a model).
A number in a fact's describing words (its subject: "for 200 accounts") in a sentence that prints none of
that fact's figures names which figure is meant and is not held to this wording (a revision note); in a sentence
that prints one, it is the estimate that figure's credit names, wherever the credit stands ("Volume for two funds
rose $10,000 (an estimate by X)").

## Why it matters
"$698 million of shorts would be liquidated above $85,000" is a model's guess about
the future; "$698 million of shorts were liquidated" is a claim about the past.

## Example
```markdown
Shorts face $698 million in liquidations above $85,000.
```

## Use instead
```markdown
CoinAnk's heat map puts potential short liquidations above $85,000 at an estimated $698 million.
```
""",
    check=check,
)
