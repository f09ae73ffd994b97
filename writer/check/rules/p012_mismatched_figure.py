"""P012 mismatched-figure: the value fits a fact, but the words around it name another side, asset, window, venue or metric."""

from writer.check.rules.base import Hit, Rule, RuleContext


def check(ctx: RuleContext):
    for fu, link in ctx.linked():
        if link.mismatch and link.support is not None:
            s = link.support
            fact = s.fact
            venue = fact.venue or " and ".join(fact.venues) or None  # several venues counted together: all of them
            said = {"side": fact.side, "asset": fact.asset, "window": fact.window, "venue": venue, "metric": fact.metric,
                    "counting": "for each one on its own" if fact.each else "counted together"}
            what = ", ".join(f"{k} {said[k]}" for k in link.mismatch)
            yield Hit(fu, f"{fu.figure.text!r} is the value of {s.id!r} ({what}), but the sentence gives it another {' and '.join(link.mismatch)}", s.id)


RULE = Rule(
    code="P012",
    name="mismatched-figure",
    severity="error",
    mode="facts",
    summary="A figure whose value matches a fact while its side, asset, window or venue contradicts that fact.",
    doc="""\
## What it does
Flags a figure whose value fits a fact of the fact file while the words of its own
clause name a different side (long/short), asset, time window or exchange than that
fact, and no other fact with that value agrees with the words. A figure naming two
assets ("BTC and ETH liquidations") is not one asset's figure. When the value is the
figure of the source the sentence credits while the words name the metric of another
fact ("the largest single liquidation was $9.6 million, Lookonchain said", where
Lookonchain's $9.6 million is a trader's loss), the metric is the mismatch. A bounded
figure ("over 3%", "less than 2%") that another asset's fact of the same kind fits to its
printed digits, while the asset its words name reaches it only through the bound's open
end, is that other asset's figure ("bitcoin gained over 3%" where ether rose 3% and
bitcoin 5%), unless the sentence names that other asset too. A fact counting several
venues together is contradicted by an exchange that is none of them ("on Binance" for
liquidations on Bybit and OKX). An exchange named only inside the fact's own subject,
which the sentence repeats, is who held the positions, not where they were liquidated
("liquidated on Bitfinex for Binance Futures"); an exchange that is both the fact's source
and its venue is its venue when the sentence names it twice, once for each.

## Why it matters
Swapping longs for shorts, bitcoin for ether, or 24 hours for one hour keeps the number
right and the story wrong; a value check alone cannot see it.

## Example
```markdown
According to a single source, CoinAnk, short liquidations reached $1.361 billion in 24 hours.
```
(the $1.361 billion fact is the long side)

## Use instead
```markdown
According to a single source, CoinAnk, long liquidations reached $1.361 billion in 24 hours.
```
""",
    check=check,
)
