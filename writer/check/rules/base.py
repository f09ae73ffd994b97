"""What a rule is: a code, a kebab-case name, a severity, docs, and a check function.

Rules are one small module each (like proselint's checks and ruff's rules)
and read a shared, precomputed context: the analysed article and, in fact
mode, each figure's link to the fact base. A rule only decides; it never
formats output or looks at configuration.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from writer.check import described_groups, described_sources
from writer.check.analysis import Analysis, FigureUse
from writer.check.linking import Link
from writer.check.phrases import as_read
from writer.check.scope import RUN_STATUSES
from writer.factbase.records import Event, Fact
from writer.mdtext import names_within


# The supports that carry an item's own words (writer/check/linking.py ``Support.words``), not a fact's.
_ITEM_PREFIXES = ("context:", "caveat:", "quote:")


@dataclass(frozen=True)
class Hit:
    use: FigureUse
    message: str
    fact: str | None = None


@dataclass
class RuleContext:
    analysis: Analysis
    event: Event | None
    links: dict[int, Link] = field(default_factory=dict)  # id(FigureUse) -> Link
    source_names: dict[str, str] = field(default_factory=dict)  # source id -> display name

    def link(self, fu: FigureUse) -> Link | None:
        return self.links.get(id(fu))

    def linked(self) -> Iterator[tuple[FigureUse, Link]]:
        for fu in self.analysis.figures:
            lk = self.links.get(id(fu))
            if lk is not None:
                yield fu, lk

    def names_only(self, fu: FigureUse, support) -> bool:
        """Is the figure a number in a fact's naming words (its subject or label: a pinned support) in a sentence
        that prints none of that fact's own figures? It names which figure is meant ("For the loss linked to 200
        accounts, X first published a lower figure"), it states none: the wording a status asks of a stated figure
        (P003, P004, P013) is not asked of it; its attribution still is."""
        if support is None or not support.anchor or support.words is None or support.fact is None \
                or support.words not in (support.fact.subject, support.fact.label):
            return False  # a reading ("nearly half") is the figure's value in words: it states it
        for other in fu.sentence.figures:
            lk = self.links.get(id(other)) if other is not fu else None
            s = lk.support if lk is not None else None
            if s is not None and s.fact is not None and s.fact.id == support.fact.id and not s.anchor:
                return False
        return True

    def names(self, source_ids) -> str:
        return ", ".join(self.source_names.get(s, s) for s in source_ids)

    def quote(self, support_id: str):
        """The quote a support names ("quote:<id>"), or None."""
        if self.event is None:
            return None
        return next((q for q in self.event.quotes if f"quote:{q.id}" == support_id), None)

    def speaker_named(self, fu: FigureUse, support_id: str) -> bool:
        """Does the figure's sentence name the speaker of the quote ``support_id``, or of another quote
        holding the same words (two speakers citing one figure)? A quote's words are attributed so."""
        if self.event is None:
            return False
        quotes = [q for q in self.event.quotes if f"quote:{q.id}" == support_id or fu.figure.text in q.words]
        if any(names_within(as_read(q.speaker), fu.sentence.text) for q in quotes):  # whole words: "CZ" is not in "CZK"
            return True
        # a registered speaker named by any of its names ("Zhou said" for Ben Zhou), in scope as a source: the
        # sentence, or the opening of its run ("Zhou said the gauge must clear 50%. A drop to 20% would ...")
        speakers = {sid for q in quotes for sid, src in self.event.registry.sources.items() if q.speaker in src.names}
        return bool(speakers) and not speakers.isdisjoint(self.analysis.scope_sources(fu, run=True))

    def fact_sources_named(self, fu: FigureUse, sources, status: str, support=None) -> bool:
        """Is one of ``sources`` named as a source in the figure's sentence, a note covering it, for a
        status in RUN_STATUSES the sentence opening its run (``Analysis.run_opening``), or (house rule)
        a figure it refers back to? With ``support``: a number in the words that describe a figure (its
        subject or label: "for 200 accounts") is attributed with that figure when the sentence names the
        sources of the figure's own value, there or in the sentence just before it ("a transfer of 10,000
        USDT, on figures from X. The transfer involved 200 accounts.")."""
        fact = getattr(support, "fact", None)
        if fact is not None and fact.relayed:  # the outlet that relayed a source's figure (``via``) credits it as a relay does: "..., Decrypt reported"
            sources = (*sources, *fact.relays(fact.sources))
        run = status in RUN_STATUSES
        named = self.analysis.scope_sources(fu, run=run)
        if set(sources) & named or (named and self._described_only(sources) and self._described_only(named)):
            return True
        earlier = self.analysis.repeats_attributed(fu)  # the house rule for a figure that refers back
        if earlier is not None and set(sources) & self.analysis.scope_sources(earlier, carry=True):
            return True
        if self._named_without_name(fu, sources, run):
            return True
        return support is not None and (self.described_figure_named(fu, support, run) or self._same_words_named(fu, support, run))

    def _described_only(self, sources) -> bool:
        """Are all ``sources`` descriptions, not names ("an unnamed source", "market data": the registry's
        ``described``)? A figure whose sources have no name is credited by any description of its source in
        scope ("according to a single source" for market data): no name could be given."""
        registry = self.event.registry if self.event is not None else None
        return registry is not None and all(sid in registry and registry[sid].is_described for sid in sources)

    def _named_without_name(self, fu: FigureUse, sources, run: bool) -> bool:
        """Is the figure's source given without its name (writer/check/described_sources.py)? A source the registry
        only describes, by a generic singular description in scope ("one unnamed aggregator put ..."); or the one
        venue of a role noun in the figure's sentence ("..., the exchange's records show"), when it is a source."""
        registry = self.event.registry if self.event is not None else None
        if registry is None or not sources:
            return False
        phrases = self.analysis.phrases
        if self._described_only(sources) and not any(registry[sid].group for sid in sources):
            scope = [fu.sentence, *self._description_opening(fu, run), *self.analysis.covering_notes(fu)]
            if any(described_sources.describes_a_source(s.text, phrases) or described_sources.credits_unnamed_data(s, phrases)
                   for s in scope):
                return True
        if all(sid in registry and registry[sid].group for sid in sources):  # "mainstream reports put ..." (a group's figure)
            kinds = frozenset(registry[sid].kind.value for sid in sources)
            if any(described_groups.describes_groups(s.text, kinds, phrases) for s in (fu.sentence, *self.analysis.covering_notes(fu))):
                return True
        pairs = described_groups.credited_pairs(fu.sentence.text, phrases)
        if pairs and self._pair_named(fu, pairs, sources, registry):
            return True
        roles = described_sources.credited_roles(fu.sentence.text, phrases)
        if not roles:
            return False
        named = [fu.sentence.sources, *(s.sources for s in reversed(self.analysis.carried(fu)))]
        kinds = {sid: src.kind.value for sid, src in registry.sources.items()}
        for role in roles:
            venue = described_sources.role_venue(role, named, kinds)
            if venue is None and not any(named):
                # none named in its paragraph: the nearest earlier paragraph of its section that names any source
                # ("CoinGlass data show ... . The tracker counted ..."), if it names one of the role's kinds
                earlier = next((names for block in self.analysis.earlier_blocks(fu)
                                if (names := set().union(*(s.sources for s in block)))), None)
                venue = described_sources.role_venue(role, [set(), earlier], kinds) if earlier else None
            if venue in sources:
                return True
        return False

    def _pair_named(self, fu: FigureUse, pairs, sources, registry) -> bool:
        """Does a plural role noun of the sentence ("the two providers") stand for a pair holding one of ``sources``?"""
        named = [fu.sentence.sources, *(s.sources for s in reversed(self.analysis.carried(fu))),
                 *(set().union(*(s.sources for s in block)) for block in self.analysis.earlier_blocks(fu))]
        kinds = {sid: src.kind.value for sid, src in registry.sources.items()}
        return any(set(described_groups.pair_of(k, named, kinds)) & set(sources) for k in pairs)

    def _description_opening(self, fu: FigureUse, run: bool) -> list:
        """For a status that runs (RUN_STATUSES), the sentence that may open the figure's run with a description: the
        nearest earlier caveated sentence of its paragraph, when the figure's own sentence has no caveat of its own
        ("One unnamed dashboard tracked the move. It put the total at $X.")."""
        if not run or fu.sentence.has_caveat() or self.analysis.hearsay(fu):  # (no run reaches hearsay)
            return []
        return next(([s] for s in reversed(self.analysis.carried(fu)) if s.has_caveat()), [])

    def _same_words_named(self, fu: FigureUse, support, run: bool) -> bool:
        """Is another figure of the same item's words, repeated whole in the sentence, credited ("exchanges report at
        most one order per second, so the count runs 40% low (according to X)": a credit after the item's last figure
        is the whole item's, though a parenthesis after a later figure reaches back to no other figure)? Only a
        context item's, a caveat's or a quote's words: the sentence prints one item of the fact file, whose credit
        it gives once."""
        words = (support.words or "").strip().rstrip(".")
        if not words or not support.id.startswith(_ITEM_PREFIXES) or len(fu.sentence.figures) < 2:
            return False
        s = fu.sentence
        spans = [m.span() for m in re.finditer(re.escape(words), s.text, re.IGNORECASE)]
        inside = next(((a, b) for a, b in spans if a <= fu.figure.start - s.start and fu.figure.end - s.start <= b), None)
        if inside is None:
            return False
        for other in s.figures:
            lk = self.links.get(id(other)) if other is not fu else None
            if lk is None or lk.support is None or lk.support.id != support.id:
                continue
            if inside[0] <= other.figure.start - s.start and other.figure.end - s.start <= inside[1] \
                    and set(support.sources) & self.analysis.scope_sources(other, run=run):
                return True
        return False

    def described_figure_named(self, fu: FigureUse, support, run: bool = False) -> bool:
        """Is ``fu`` a number in a fact's describing words ("volume for two funds") whose fact's own figure, in its
        sentence or the one just before, has the support's sources in its scope? The describing words are credited
        with that figure, wherever its credit stands ("..., rose $10,000 (an estimate by X)": the parenthesis after
        the figure credits the words before it too)."""
        if not (support.anchor and support.words is not None and support.fact is not None):
            return False  # only a fact's describing words; a zone's price level is a figure of its own
        before = self.analysis.carried(fu)[-1:]
        for other in [*fu.sentence.figures, *(f for sentence in before for f in sentence.figures)]:
            lk = self.links.get(id(other))
            s = lk.support if lk is not None else None
            if other is not fu and s is not None and s.fact is support.fact and not s.anchor \
                    and set(support.sources) & self.analysis.scope_sources(other, run=run):
                return True
        return False


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str  # "error" | "warning" | "info"
    mode: str  # "facts" (needs a fact file), "free" (runs without one), "any"
    summary: str
    doc: str  # what it does / why it matters / example / use instead (Markdown)
    check: Callable[[RuleContext], Iterator[Hit]]


def fact_id(fact: Fact | None, support_id: str | None = None) -> str | None:
    return fact.id if fact is not None else support_id
