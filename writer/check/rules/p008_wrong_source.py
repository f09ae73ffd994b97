"""P008 wrong-source: a named source that is not among the fact's sources."""

import re
from functools import lru_cache

from writer.check.lazyre import Deferred
from writer.check.linking import CLAUSE_BREAK, SUBJECT_WORDS
from writer.check.phrasefile import phrase_section
from writer.check.rules.base import Hit, Rule, RuleContext
from writer.mdtext import md_escape, names_within


def _specific(ctx: RuleContext, source_id: str) -> bool:
    """Generic spellings ("a single source", "social media", "public reports") name no one in particular."""
    registry = ctx.event.registry if ctx.event is not None else None
    if registry is None or source_id not in registry:
        return True
    return registry[source_id].kind.value not in ("desk", "social", "media", "research") or registry[source_id].name[:1].isupper()


def _group(ctx: RuleContext, source_id: str) -> bool:
    """An unnamed group of sources ("several data service providers")."""
    registry = ctx.event.registry if ctx.event is not None else None
    return registry is not None and source_id in registry and registry[source_id].group


def _speaker_ids(ctx: RuleContext, support_id: str) -> set[str]:
    quote = ctx.quote(support_id)
    if quote is None:
        return set()
    who = quote.speaker.casefold()
    # the speaker, and a source the speaker's role or channel names ("CZ, Binance's founder", "in a post on Binance Square")
    about = " ".join(x for x in (quote.role, quote.channel) if x).casefold()
    return {sid for sid, src in ctx.event.registry.sources.items()
            if any(who == n.casefold() or (about and names_within(n, about)) for n in src.names)}


# Where a figure's holder or venue stands when it is what the figure is about, not who reports it: opening the
# clause after the source ("On data from CoinGlass, Binance Futures saw ...": only a comma before it, the clause's
# own words after it, not a comma, a parenthesis or a list's "and" that would make it one more source), or inside
# the figure's description ("the number of users for Binance Futures", "the transfer linked to HTX"; what a count counts:
# "the number of OKX liquidation halts"; whose rate or what a probability is of: "the policy rate of the ECB", "the tariff
# rate on X imports", "the market-implied probability of a Binance listing"; templates/style.yaml names.attributed).
# (compiled on first use: most checks never reach a subject that holds a registered name; writer/check/lazyre.py)
_CLAUSE_OPENS = Deferred(globals(), r",\s*$")
_PREDICATE_FOLLOWS = Deferred(globals(), r"(?:['’]s?)?\s+(?!(?:and|or|&)\b)\w")
# ...or after the words that make it the positions' owner: "... of short DOGE positions held by Binance Futures" (the
# drafter's holder sentence, templates/sections/venues.md.j2), "a long owned by an OKX whale", "accounts belonging to".
_DESCRIBES = Deferred(globals(), r"\b(?:for|linked to|tied to|number of|(?:rate|probability) (?:of|on)|(?:held|owned|opened|controlled) by|belonging to)\s+$",
                      re.IGNORECASE)


# A passive after the holder ("an OKX whale is estimated at ..."): the holder is what is estimated, not who estimates.
_PASSIVE = Deferred(globals(), r"\s+(?:is|was|are|were|has\s+been|have\s+been|had\s+been)\s+\w+ed\b", re.IGNORECASE)


def _holders(facts) -> list[str]:
    """The words that name the figures' own subjects (a venue or holder: "Binance Futures", "an OKX whale")."""
    return [w for f in facts for w in (f.subject, f.label) if w]


def _named_as_holder(ctx: RuleContext, sentence, sid: str, holders: list[str]) -> bool:
    """Is every mention of ``sid`` inside a figure's own subject, used as the clause's subject after the source
    ("data from CoinGlass, Binance Futures rose ...") or in the figure's description ("... for Binance Futures")? Not when the subject is itself given as a source:
    "according to Binance Futures", "CoinGlass and Binance Futures, ...", "Binance Futures data show"."""
    text, frames = sentence.text, ctx.analysis.phrases.frames
    names = ctx.event.registry[sid].names
    spans = []
    for words in holders:
        if not any(names_within(n, words) for n in names):
            continue
        for spelled in {words, md_escape(words)}:
            for m in re.finditer(rf"(?<!\w){re.escape(spelled)}(?!\w)", text, re.IGNORECASE):
                opens = _CLAUSE_OPENS.search(text, 0, m.start()) and _PREDICATE_FOLLOWS.match(text, m.end())
                if (opens or _DESCRIBES.search(text, 0, m.start())) \
                        and not (frames is not None and frames.source_before(text, m.end()) and not _PASSIVE.match(text, m.end())):
                    spans.append(m.span())
    return bool(spans) and all(any(a <= start and end <= b for a, b in spans)
                               for start, end, named in sentence.named_at() if named == sid)


def _allowed(ctx: RuleContext, link) -> set[str]:
    """The names a figure's link lets its sentence or note give: its sources (and its equally good alternatives'),
    its fact's venues, and for a quote its speaker."""
    allowed = set(link.support.sources)
    for alt in link.alternatives:
        allowed |= set(alt.sources)
    fact = _fact_of(ctx, link.support)
    if fact is not None:
        allowed |= ({fact.venue} if fact.venue else set()) | set(fact.venues)  # "liquidations on Bybit and OKX"
        allowed |= set(fact.relays(fact.sources))  # the outlet that relayed a source's figure (``via``)
    if link.support.id.startswith("quote:"):
        allowed |= _speaker_ids(ctx, link.support.id)  # the speaker of a quote is named with it
    return allowed


def _fact_of(ctx: RuleContext, support):
    """The fact a support is of: its own, or for a figure of a fact's free-text note ("text:<id>") the fact the note is
    on, whose venue and holder the note's sentence may name as the fact's own sentence may."""
    if support.fact is not None or not support.id.startswith("text:") or ctx.event is None:
        return support.fact
    return ctx.event.facts.get(support.id.removeprefix("text:"))


def _worded(link, text: str) -> set[str]:
    """A source that gave only words beside the figure's number (``Fact.worded``), named in a sentence that gives its
    words ("CoinAnk gave no figure: “a similar sum”"): credited for what it said. Named for the number alone, it is
    not one of the number's sources."""
    fact = link.support.fact
    if fact is None or not fact.worded:
        return set()
    lower = text.casefold()
    return {sid for sid, words in fact.worded if words.strip().rstrip(".").casefold() in lower}


def _linked(ctx: RuleContext, fu):
    link = ctx.link(fu)
    if link is None or link.support is None or link.kind not in ("supported", "collapsed"):
        return None
    return link


# Where a claim is said to circulate, right before a registered name: "circulating on X", "spreading among Y users"
# (not "shares in X" or "the spread on X", which are a market's words).
_CIRCULATES = Deferred(globals(), r"\b(?:circulat\w*|spreading|making\s+the\s+rounds)\s+(?:on|in|across|among|through|via)\s+(?:the\s+)?$",
                       re.IGNORECASE)
_CIRCULATES_REACH = 40  # characters before a name looked at for those words


def _data_owners(ctx: RuleContext, sentence) -> set[str]:
    """Registered names the sentence gives as its figures' origin that the reading of attributions
    (``Sentence.attributed``, which reads a product's data owner, "Binance Futures data show ...") leaves out:
    where a claim circulates ("an unverified figure circulating on X")."""
    text, out = sentence.text, set()
    for start, end, sid in sentence.named_at():
        if sid in sentence.attributed or sid in out:
            continue
        if _CIRCULATES.search(text, max(0, start - _CIRCULATES_REACH), start):
            out.add(sid)
    return out


_RELAY_REACH = 30  # characters before a name looked at for the relay's words


@lru_cache(maxsize=1)
def _relay_words() -> tuple[re.Pattern, re.Pattern]:
    """A relay of another source's figures, around its name: "gathered by X and relayed by Decrypt", "Decrypt, citing X",
    "X data carried by Reuters" (phrases.yaml ``relays``: the words before "by" and after the name)."""
    words = phrase_section("relays")

    def alt(key: str) -> str:
        return "|".join(w.replace(" ", r"\s+") for w in words[key])

    return (re.compile(rf"\b(?:{alt('before')})\s+by\s+(?:the\s+)?$", re.IGNORECASE),
            re.compile(rf"(?:['’]s?)?\s*,?\s*(?:{alt('after')})\b", re.IGNORECASE))


def _relays(sentence, allowed: set[str]) -> set[str]:
    """Names the sentence gives only as the relay of a source it also names that a figure came from."""
    mentions = sentence.named_at()
    if not any(sid in allowed for _, _, sid in mentions):
        return set()
    text = sentence.text
    before, after = _relay_words()
    relayed, plain = set(), set()
    for start, end, sid in mentions:
        as_relay = before.search(text, max(0, start - _RELAY_REACH), start) or after.match(text, end)
        (relayed if as_relay else plain).add(sid)
    return relayed - plain - allowed


# A speaker's role before the firm it names: "Dana Reyes, head of research at Kaiko", "CZ, founder of Binance".
_ROLE_OF = Deferred(globals(), r",\s*(?:the\s+|a\s+|an\s+)?(?:[\w&.’'-]+\s+){1,5}?(?:of|at|with|from)\s+$", re.IGNORECASE)


def _affiliations(sentence, allowed: set[str]) -> set[str]:
    """Names the sentence gives only as the firm in the role of a speaker the figures came from ("Dana Reyes, head of
    research at Kaiko in a note argued ...": Kaiko employs the source, it is not a second one)."""
    mentions = sentence.named_at()
    text = sentence.text
    ends = {end for _, end, sid in mentions if sid in allowed}
    out, plain = set(), set()
    for start, _, sid in mentions:
        m = _ROLE_OF.search(text, max(0, start - _RELAY_REACH * 2), start)
        (out if m is not None and m.start() in ends else plain).add(sid)
    return out - plain - allowed


def _stray(ctx: RuleContext, sentence, named: set[str], allowed: set[str], facts: list) -> list[str]:
    """The names ``named`` in ``sentence`` that no figure it credits came from (a venue or holder the figure is
    about, opening its clause, is not its source; a relay of the source the sentence also names, ``_relays``)."""
    stray = named - allowed
    if stray:  # (the relay's and the role's words are read only for a name that would be stray)
        stray = stray - _relays(sentence, allowed) - _affiliations(sentence, allowed)
    stray = sorted(sid for sid in stray if _specific(ctx, sid))
    if stray and facts:
        holders = _holders(facts)
        stray = [sid for sid in stray if not (holders and _named_as_holder(ctx, sentence, sid, holders))]
    return stray


def check(ctx: RuleContext):
    notes: dict[int, tuple] = {}  # id(note) -> (note, the first figure it covers, allowed names, facts)
    for sentence in ctx.analysis.sentences:
        if not sentence.figures:  # figures first: most sentences hold none
            continue
        allowed: set[str] = set()
        links = []
        facts = []
        for fu in sentence.figures:
            link = _linked(ctx, fu)
            if link is None:
                continue
            links.append((fu, link))
            allowed |= _allowed(ctx, link) | _worded(link, sentence.text)
            if (fact := _fact_of(ctx, link.support)) is not None:
                facts.append(fact)
        if not links:
            continue
        for fu, link in links:
            for note in ctx.analysis.covering_notes(fu):
                if not note.figures:  # (a note with figures of its own is checked as a sentence)
                    seen = notes.setdefault(id(note), (note, fu, set(), []))
                    seen[2].update(_allowed(ctx, link))
                    if link.support.fact is not None:
                        seen[3].append(link.support.fact)
        named = (sentence.attributed | _data_owners(ctx, sentence)) if sentence.sources else set()
        if named:
            named -= _inside_own_words(sentence, [link.support for _, link in links])
        stray = _stray(ctx, sentence, named, allowed, facts) if named else []
        if stray:
            fu, link = links[0]
            yield Hit(fu, f"the sentence names {ctx.names(stray)}, which is not a source of {link.support.id!r} ({ctx.names(link.support.sources)})", link.support.id)
        elif named and len({link.support.sources for _, link in links}) > 1:
            yield from _clause_hits(ctx, sentence, named, links)
    for note, fu, allowed, facts in notes.values():
        # (an unnamed group in a note is mostly what it compares its source with: "providers differ in method")
        stray = _stray(ctx, note, {sid for sid in ctx.analysis.credited_by(note) if not _group(ctx, sid)}, allowed, facts)
        if stray:
            yield Hit(fu, f"a note covering {fu.figure.text!r} ({_quoted(note.text)}) names {ctx.names(stray)}, which is not a source of any "
                          f"figure it covers", _linked(ctx, fu).support.id)


def _clause_hits(ctx: RuleContext, sentence, named: set[str], links: list):
    """A sentence of figures from different sources, each clause with its own credit ("According to X, A, while Y
    reported B"; linking.CLAUSE_BREAK): a name credits the figures of its own clause, so two credits swapped are
    wrong sources though both names are the sentence's. A clause with no figure or no name is not judged."""
    text = sentence.text
    cuts = [0, *(x for m in CLAUSE_BREAK.finditer(text) for x in (m.start(), m.end())), len(text)]
    for a, b in zip(cuts[::2], cuts[1::2]):
        own = [(fu, link) for fu, link in links if a <= fu.figure.start - sentence.start < b]
        inside = _subject_spans(text[a:b], [link.support.fact for _, link in own if link.support.fact is not None])
        names = {sid for start, end, sid in sentence.named_at()
                 if a <= start < b and sid in named and not any(x <= start - a and end - a <= y for x, y in inside)}
        if not own or not names:
            continue
        allowed = set().union(*(_allowed(ctx, link) for _, link in own))
        facts = [link.support.fact for _, link in own if link.support.fact is not None]
        stray = _stray(ctx, sentence, names, allowed, facts)
        if stray:
            fu, link = own[0]
            yield Hit(fu, f"this clause names {ctx.names(stray)}, which is not a source of {link.support.id!r} "
                          f"({ctx.names(link.support.sources)}); the sentence's other clause has its own figure", link.support.id)


def _inside_own_words(sentence, supports) -> set[str]:
    """Names every mention of which lies inside words the fact file gives that the sentence repeats whole: a context
    item's, a quote's, a caveat's, a fact's note ("a Kaiko tally gave OKX $300 million more than the next venue", an
    item Decrypt reports; a caveat another outlet gives "..., so data from OKX understate the count"): part of what
    those words say, not the figure's credit."""
    text, spans = sentence.text, []
    for s in supports:
        for words in _own_words(s):
            spans += [m.span() for m in re.finditer(re.escape(words), text, re.IGNORECASE)]
    if not spans:
        return set()
    mentions: dict[str, list[tuple[int, int]]] = {}
    for start, end, sid in sentence.named_at():
        mentions.setdefault(sid, []).append((start, end))
    return {sid for sid, at in mentions.items() if all(any(a <= x and y <= b for a, b in spans) for x, y in at)}


def _own_words(support) -> list[str]:
    """The words of the fact file a support's sentence may repeat whole: an item's own (a context item's, a quote's,
    a caveat's, a note's figure's), and the note of the fact it is of."""
    out = []
    if support.id.startswith(("context:", "quote:", "caveat:", "text:")) and support.words:
        out.append(support.words)
    fact = support.fact
    if fact is not None:
        out.append(fact.note or "")
        # a describing phrase long enough to be the fact's own ("open interest in ether options on Deribit"); a short
        # one ("Binance Futures") is read where it stands (``_named_as_holder``): "according to Binance Futures" credits
        out += [w for w in (fact.subject, fact.label) if w and len(w.split()) >= SUBJECT_WORDS]
    return [w.strip().rstrip(".") for w in out if w.strip().rstrip(".")]


def _subject_spans(text: str, facts) -> list[tuple[int, int]]:
    """Where ``text`` repeats a fact's whole subject of ``SUBJECT_WORDS`` words or more ("a Hyperliquid trader who
    was long 40x on BTC"): a name inside it describes the holder, not who reports the figure."""
    spans = []
    for fact in facts:
        if fact.subject and len(fact.subject.split()) >= SUBJECT_WORDS:
            for spelled in {fact.subject, md_escape(fact.subject)}:
                spans += [m.span() for m in re.finditer(rf"(?<!\w){re.escape(spelled)}(?!\w)", text, re.IGNORECASE)]
    return spans


_NOTE_SHOWN = 60  # characters of a note quoted in a finding


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= _NOTE_SHOWN else text[:_NOTE_SHOWN - 1] + "…")


RULE = Rule(
    code="P008",
    name="wrong-source",
    severity="error",
    mode="facts",
    summary="A source is named for a figure that the source did not report.",
    doc="""\
## What it does
Flags a sentence that names a registry source (by name or alias) which is not among
the sources of any figure the sentence prints, whether as the credit ("according to X")
or as the owner of the data ("X data show", "X Futures data show"), or as where a claim
circulates ("an unverified figure circulating on X"); and a note that
credits the figures before it ("This information comes from X", "Source: X") naming a
source none of the figures it covers came from (an unnamed group a note mentions is not
read as its credit). In a sentence of figures from different sources whose clauses each carry
a credit ("According to X, A, while Y reported B"), a name credits its own clause's figures.
Not counted as sources: an exchange
named as the venue (or one of the venues) of the figure; a source named inside the
figure's own subject or label when that subject opens the clause after the source ("On data
from CoinGlass, Binance Futures saw $90 million liquidated": the venue, not a second source)
or follows the figure's "for", "linked to" or "tied to" ("the transfer linked to HTX";
"according to Binance Futures" or "CoinGlass and Binance Futures" still name it as one); and, for a quote's figure, the
speaker and a source the speaker's role or channel names ("CZ, Binance's founder, said
in a post on Binance Square ..."); and a name inside words the fact file gives that the sentence repeats whole:
a context item's, a quote's, a caveat's ("..., so data from OKX understate the count", a caveat another
outlet gives), a fact's note, or a describing phrase of three words or more (these are what the words say,
not the figure's credit; the venue and holder of a fact hold for the figures of its note too).

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
