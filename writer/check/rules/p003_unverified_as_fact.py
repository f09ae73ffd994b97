"""P003 unverified-as-fact: a pending or rumoured figure stated as fact."""

from writer.check.rules.base import Hit, Rule, RuleContext
from writer.factbase.vocabulary import Status

NEEDS = {Status.RUMOR: ("rumor", "an unverified claim or rumour"), Status.PENDING_VERIFICATION: ("pending", "pending verification")}


def check(ctx: RuleContext):
    for fu, link in ctx.linked():
        s = link.support
        if s is None or s.status not in NEEDS or link.kind not in ("supported", "collapsed") or ctx.names_only(fu, s):
            continue
        marker, words = NEEDS[s.status]
        a = ctx.analysis
        if _told_unverified(a, fu, s, marker):
            if s.status is Status.RUMOR and s.sources and not (set(s.sources) & _circulates_with(a, fu)) and not a.circulation_in_scope(fu):
                yield Hit(fu, f"{fu.figure.text!r} is a rumour: say where it circulates ({ctx.names(s.sources)})", s.id)
            continue
        yield Hit(fu, f"{fu.figure.text!r} is {s.status.value.replace('_', ' ')} but the text states it as fact; say it is {words}", s.id)


def _told_unverified(a, fu, s, marker: str) -> bool:
    """Does the text tell the figure as unverified? Its status's own words in scope; for a rumour also a claim said to
    circulate ("the claim ... is spreading across social feeds"), a claim told as its own source's ("The trader
    alleged that ...", "Forum users speculated that ..."), or hearsay with no one named in the figure's clause ("reportedly",
    "is said to", "was exposed as"): the reader is told someone else has it, not that the desk does."""
    classes = a.scope_classes(fu)
    if marker in classes:
        return True
    if s.status is not Status.RUMOR:
        return False
    if "claim" in classes and (a.circulation_in_scope(fu) or set(s.sources) & a.scope_sources(fu)):
        return True
    return a.hearsay(fu)


def _circulates_with(a, fu) -> set[str]:
    """The sources the figure's scope names as its origin, and any the sentence names at all: a rumour's group or
    platform named in it in any role ("forum users speculated", "posts on X") says where it circulates."""
    return a.scope_sources(fu) | fu.sentence.sources


RULE = Rule(
    code="P003",
    name="unverified-as-fact",
    severity="error",
    mode="facts",
    summary="A rumoured or pending-verification figure stated as fact.",
    doc="""\
## What it does
Flags a figure whose fact is a rumour (social media, community claims) or pending
verification when its sentence, or a note covering it, does not say so ("an unverified
claim circulating on X", "pending verification"; a rumour is also told as one when the
text calls it a claim and says where it circulates: "the claim has spread on social
media", or gives it as its own source's claim: "forum users speculated that ..."; and hearsay with
no one named in the figure's clause tells it as unverified: "reportedly", "is said to", "was exposed
as"); and a rumour that does not say where it circulates (a source of the rumour named anywhere in
its sentence says so).
A number in a fact's describing words (its subject: "for 200 accounts") in a sentence that prints none of
that fact's figures names which figure is meant and is not held to this wording (a revision note).

## Why it matters
Stated plainly, a rumour reads as a reported fact: the desk then vouches for a number
nobody has checked.

## Example
```markdown
About $7 billion in short positions sits between $92,000 and $94,000.
```

## Use instead
```markdown
An unverified claim circulating on X puts about $7 billion in short positions between $92,000 and $94,000.
```
""",
    check=check,
)
