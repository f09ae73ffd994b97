"""S002 unused-suppression: a suppression comment that silenced nothing."""

from writer.check.rules.base import Rule


def check(ctx):
    """Emitted by the checker after the other rules (``writer.check.suppressions.findings``):
    whether a comment silenced anything is known only once every rule has run."""
    return iter(())


RULE = Rule(
    code="S002",
    name="unused-suppression",
    severity="info",
    mode="any",
    summary="A suppression comment that silenced no finding.",
    doc="""\
## What it does
Reports a suppression comment (`disable-next-line`, `disable-line`, or a
`disable` ... `enable` block) none of whose codes silenced a finding, among the
rules that ran (a `P` code is not reported when the article was checked without
a fact file, since `P` rules did not run). The blanket form, a comment naming no
code, silences every rule and is reported when it silenced nothing at all.

## Why it matters
An article edited since the comment was written may no longer need it; a stale
suppression would silently hide a new mistake on that line later.

## Example
```markdown
<!-- writer: disable-next-line F001 -->
Long liquidations reached $1.36 billion, according to a single source, CoinAnk.
```

## Use instead
```markdown
Long liquidations reached $1.36 billion, according to a single source, CoinAnk.
```
""",
    check=check,
)
