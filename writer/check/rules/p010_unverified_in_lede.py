"""P010 unverified-in-lede: a rumoured figure in the headline or lede, a pending one in the headline."""

from writer.check.rules.base import Hit, Rule, RuleContext
from writer.factbase.vocabulary import Status


def check(ctx: RuleContext):
    for fu, link in ctx.linked():
        s = link.support
        if s is None or link.kind not in ("supported", "collapsed"):
            continue
        role = ctx.analysis.role(fu)
        if s.status is Status.RUMOR and role in ("headline", "lede"):
            yield Hit(fu, f"{fu.figure.text!r} is a rumour: it may not appear in the {role}", s.id)
        elif s.status is Status.PENDING_VERIFICATION and role == "headline":
            yield Hit(fu, f"{fu.figure.text!r} is pending verification: it may not appear in the headline", s.id)


RULE = Rule(
    code="P010",
    name="unverified-in-lede",
    severity="error",
    mode="facts",
    summary="A rumoured figure in the headline or lede, or a pending one in the headline.",
    doc="""\
## What it does
Flags a figure whose fact is a rumour when it appears in the headline (the leading
`#` heading) or the lede (the first paragraph), and a figure pending verification in
the headline, caveat or not.

## Why it matters
Readers who stop after the headline and lede take away their numbers as the story; a
caveat further down does not reach them.

## Example
```markdown
# $7 billion short wall looms over bitcoin
```

## Use instead
Lead with the sourced figures; report the rumour, with its caveat, in its own section.
""",
    check=check,
)
