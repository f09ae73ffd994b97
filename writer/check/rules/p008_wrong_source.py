"""P008 wrong-source: a named source that is not among the fact's sources."""

from writer.check.rules.base import Hit, Rule, RuleContext
from writer.mdtext import names_within


def _specific(ctx: RuleContext, source_id: str) -> bool:
    """Generic spellings ("a single source", "social media", "public reports") name no one in particular."""
    registry = ctx.event.registry if ctx.event is not None else None
    if registry is None or source_id not in registry:
        return True
    return registry[source_id].kind.value not in ("desk", "social", "media", "research") or registry[source_id].name[:1].isupper()


def _speaker_ids(ctx: RuleContext, support_id: str) -> set[str]:
    quote = ctx.quote(support_id)
    if quote is None:
        return set()
    who = quote.speaker.casefold()
    # the speaker, and a source the speaker's role or channel names ("CZ, Binance's founder", "in a post on Binance Square")
    about = " ".join(x for x in (quote.role, quote.channel) if x).casefold()
    return {sid for sid, src in ctx.event.registry.sources.items()
            if any(who == n.casefold() or (about and names_within(n, about)) for n in src.names)}


def check(ctx: RuleContext):
    for sentence in ctx.analysis.sentences:
        if not sentence.figures or not sentence.attributed:  # figures first: most sentences hold none
            continue
        allowed: set[str] = set()
        links = []
        for fu in sentence.figures:
            link = ctx.link(fu)
            if link is None or link.support is None or link.kind not in ("supported", "collapsed"):
                continue
            links.append((fu, link))
            allowed |= set(link.support.sources)
            for alt in link.alternatives:
                allowed |= set(alt.sources)
            fact = link.support.fact
            if fact is not None:
                allowed |= ({fact.venue} if fact.venue else set()) | set(fact.venues)  # "liquidations on Bybit and OKX"
            if link.support.id.startswith("quote:"):
                allowed |= _speaker_ids(ctx, link.support.id)  # the speaker of a quote is named with it
        if not links:
            continue
        stray = sorted(sid for sid in sentence.attributed - allowed if _specific(ctx, sid))
        if stray:
            fu, link = links[0]
            yield Hit(fu, f"the sentence names {ctx.names(stray)}, which is not a source of {link.support.id!r} ({ctx.names(link.support.sources)})", link.support.id)


RULE = Rule(
    code="P008",
    name="wrong-source",
    severity="error",
    mode="facts",
    summary="A source is named for a figure that the source did not report.",
    doc="""\
## What it does
Flags a sentence that names a registry source (by name or alias) which is not among
the sources of any figure the sentence prints. Not counted as sources: an exchange
named as the venue (or one of the venues) of the figure, and, for a quote's figure, the
speaker and a source the speaker's role or channel names ("CZ, Binance's founder, said
in a post on Binance Square ...").

## Why it matters
Misattribution is worse than no attribution: the named provider can deny the figure,
and the real source loses its credit.

## Example
```markdown
According to CoinGlass, liquidations reached $1.451 billion.
```
(the fact's only source is CoinAnk)

## Use instead
```markdown
According to a single source, CoinAnk, liquidations reached $1.451 billion.
```
""",
    check=check,
)
