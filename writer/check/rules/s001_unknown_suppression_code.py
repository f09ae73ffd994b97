"""S001 unknown-suppression-code: a suppression comment naming a code that is no rule."""

from writer.check.rules.base import Rule


def check(ctx):
    """Suppression comments are not figures: the checker emits S001 after the other rules
    (``writer.check.suppressions.findings``), once it knows what each comment silenced."""
    return iter(())


RULE = Rule(
    code="S001",
    name="unknown-suppression-code",
    severity="warning",
    mode="any",
    summary="A suppression comment names a code that is no rule.",
    doc="""\
## What it does
Flags a `<!-- writer: disable... -->` comment that names a code (or prefix) matching
no rule, such as a misspelt `P01` or `P0022`.

## Why it matters
A misspelt code silences nothing: the finding it was meant to silence is still
reported, and the comment misleads the next reader into thinking it was reviewed.

## Example
```markdown
<!-- writer: disable-next-line P0002 -->
Long liquidations reached $1.36 billion.
```

## Use instead
```markdown
<!-- writer: disable-next-line P002 -->
Long liquidations reached $1.36 billion.
```
""",
    check=check,
)
