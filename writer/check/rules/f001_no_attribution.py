"""F001 no-attribution: a figure with no attribution or caveat at all (no fact file needed)."""

from writer.check.rules.base import Hit, Rule, RuleContext

# A quotation of several sentences is credited once, after it closes ("“... $88 million in an hour. That is a lot,”
# Reyes added."): at most this many sentences after the figure's are read for the close.
QUOTE_REACH = 4
_OPENING, _CLOSING = "“", "”"


def check(ctx: RuleContext):
    a = ctx.analysis
    for fu in a.figures:
        if a.caveat_in_scope(fu, carry=True):
            continue
        if a.scope_sources(fu, carry=True):
            continue
        if a.repeats_attributed(fu):
            continue
        if _quote_credited(a, fu):
            continue
        yield Hit(fu, f"{fu.figure.text!r} has no attribution or caveat in its sentence, its paragraph's opening run or a note covering it")


def _open_after(text: str, was_open: bool) -> bool:
    """Is a quotation still open after ``text``, given whether one was open before it (curly quotes, or straight
    double quotes counted in pairs)?"""
    for ch in text:
        if ch == _OPENING:
            was_open = True
        elif ch == _CLOSING:
            was_open = False
        elif ch == '"':
            was_open = not was_open
    return was_open


def _quote_credited(a, fu) -> bool:
    """Is the figure's sentence inside a quotation left open at its end, which a later sentence of its paragraph
    closes and credits ("..., ” Reyes added.")? The speaker named after the quote is the source of all of it."""
    sentence = fu.sentence
    if _OPENING not in sentence.text and '"' not in sentence.text and not any(
            _OPENING in s.text or '"' in s.text for s in a.carried(fu)):
        return False  # (no quotation mark in the paragraph so far: most sentences)
    before = a.carried(fu)
    was_open = False
    for s in before:
        was_open = _open_after(s.text, was_open)
    # the speaker's quotation goes on after its credit: "“It was fast,” Reyes said. “Longs lost $88 million ...”"
    if (not was_open and before and sentence.text.lstrip("*_ ")[:1] in (_OPENING, '"')
            and any(c in before[-1].text for c in (_CLOSING, '"')) and before[-1].has_caveat()):
        return True
    if not _open_after(sentence.text, was_open):
        return False
    later = sentence
    for _ in range(QUOTE_REACH):
        later = a.next_in_block(later)
        if later is None:
            return False
        if not _open_after(later.text, True):  # the quotation closes here: its credit follows the closing mark
            return later.has_caveat()
    return False


RULE = Rule(
    code="F001",
    name="no-attribution",
    severity="error",
    mode="free",
    summary="A figure with no attribution or caveat anywhere in scope (runs without a fact file).",
    doc="""\
## What it does
Without a fact file, checks that every figure has some attribution or caveat: in its
sentence ("according to", "data from CoinGlass show", "..., the data shows", "heat maps
suggest", "unverified"), in an earlier sentence of its paragraph that opens the run (not
from a sentence about liquidations alone to one about market context alone: the desk that
counted the liquidations did not price the market), in a note covering it ("the above
figures come from a single source"; "Those figures are CoinGlass's." covers the run right
before it), or in a credit line beside it ("Source: CoinGlass" right under its paragraph;
a chart's caption above prose that says it reads the chart, "From the graph, ...").
"An estimated $400 million ... wiped out" and "would be liquidated if ..." hedge or
condition a figure without saying where it comes from. House rule for a repeated figure:
every paragraph attributes its own figures, except a figure that refers back to one
already attributed earlier in the same section ("this $427 million", "the same 94%",
"the $1.45 billion total"); a bare repeat is attributed again, and the headline neither
is covered nor covers this way.

What is no attribution: hearsay with no one named ("reportedly", "allegedly", "is said
to"; an earlier attribution of the paragraph does not carry to it either), a chart nobody
credits ("the chart shows", "as seen above"), and a "Name:" label that is a summary
marker or a speaker's turn ("Bottom Line:", "Host:", a transcript's names) rather than a
source (a registered or brand-shaped name, or one the article credits elsewhere). What
is: an embedded post's signature under it ("— Name (@handle) date"), a numbered reference
("... by the close [3]."), a speaker's colon over the quote or paragraph it introduces
("X wrote:"), an attributed sentence that says the list or table is below, a quotation of several
sentences credited after it closes ("“... That is a lot,” Reyes added."), unnamed data as the
subject ("The data shows ...", "Figures show ...": an unnamed source; not "Current data
indicates"), a data firm's own first-person note ("our data shows", "we counted"), a source as
a compound modifier ("Velo-tracked", "a CoinGlass-compiled tally"), a source cited with a date
("(CoinMarketCap, 2025)"), and a credit over a section, list or table (a heading "## Longs by
venue (Data: CoinGlass)", a "Source: X" line right above a list or table or opening a list, a
table header naming its source). Vague amounts
and counts in words are figures too ("millions of dollars", "hundreds of traders", "over a
dozen funds", "a nine-figure loss", "a record"), and so are multiples, ratios and shares in
words ("twice Monday's total", "longs tripled", "three to one", "nine in ten", "four
percent", "double-digit losses").

## Why it matters
A bare number in market news reads as established fact. Most hand-written errors
are exactly this: a figure whose source was lost in editing.

## Example
```markdown
Longs lost about $1.752 billion in the past 24 hours.
```

## Use instead
```markdown
Longs lost about $1.752 billion in the past 24 hours, according to CoinGlass.
```
""",
    check=check,
)
