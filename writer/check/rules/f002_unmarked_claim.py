"""F002 unmarked-claim: the text calls something a claim or projection but does not say it is unverified or an estimate."""

from writer.check.rules.base import Hit, Rule, RuleContext


def check(ctx: RuleContext):
    a = ctx.analysis
    for fu in a.figures:
        if not fu.sentence.has("claim") or _views_only(a, fu.sentence):
            continue
        if a.scope_classes(fu) & {"rumor", "pending", "estimate"}:
            continue
        # "X is circulating on X. It is unverified.": a figure-free caveat sentence right after the claim.
        following = a.next_in_block(fu.sentence)
        if following is not None and not following.figures and following.classes & {"rumor", "pending", "estimate"}:
            continue
        yield Hit(fu, f"the sentence calls {fu.figure.text!r} a claim or projection but does not say it is unverified, pending or an estimate")


def _views_only(a, sentence) -> bool:
    """Is every claim word of the sentence a view verb its holder says in the active ("Lee forecasts $150,000",
    "analysts predicted a drop to $80,000")? The frames read that as a source's view (writer/check/frames.py
    ``view_verbs``), so it is no claim in the desk's voice; "the forecast of $150,000", "was predicted" still are."""
    frames, text = a.phrases.frames, sentence.text
    return all(frames.holds_view(text, m.start(), m.end()) for m in a.phrases.markers["claim"].finditer(text))


RULE = Rule(
    code="F002",
    name="unmarked-claim",
    severity="warning",
    mode="free",
    summary="A claim or projection with a figure, without a rumour, pending or estimate marker.",
    doc="""\
## What it does
Without a fact file, flags a figure in a sentence that itself calls the statement a
claim, a forecast or a projection, when neither the sentence, nor the figure-free
sentence right after it, nor a covering note marks it unverified, pending verification,
a rumour or an estimate. A view verb in the active after its holder ("Lee forecasts
$150,000", "analysts predicted a drop") is the holder's view, as the attribution frames
read it, and no claim; "the forecast of $150,000", "Lee's forecast" and "was predicted"
are.

## Why it matters
"The claim that $7 billion sits at $93,000" repeats the number with the desk's voice;
the reader needs to know the claim is unverified.

## Example
```markdown
The claim that $7 billion in shorts sits at $93,000 spread quickly.
```

## Use instead
```markdown
The unverified claim that $7 billion in shorts sits at $93,000 spread quickly on X.
```
""",
    check=check,
)
