"""Linking figures to facts: by unit and value within the rounding the text implies,
then by the words around the figure (side, asset, window, venue, metric).

Everything an article may print is a *support*: a fact's value or range, the
price level or band a pressure-zone fact is pinned to, and figures inside a
context item's text or a quote's words (supported by that item, with its
status and sources). A figure that matches no support by value is either a
contradiction (its words clearly name a fact whose value differs), a figure
for a metric the desk marked unavailable, or unsupported.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from writer.check.analysis import FigureUse
from writer.check.figures import Figure, find_figures
from writer.check.phrases import PhraseSet
from writer.factbase.records import Event, Fact
from writer.factbase.vocabulary import Status

_UNIT_OK = {
    None: {"USD", "count", "coins", "index", "ratio"},
    "USD": {"USD"},
    "percent": {"percent"},
    "count": {"count"},
    "coins": {"coins"},
    "ratio": {"ratio"},
}


@dataclass(frozen=True)
class Support:
    id: str  # fact id, or "context:<id>" / "quote:<id>"
    unit: str
    lo: float
    hi: float
    status: Status
    sources: tuple[str, ...]
    fact: Fact | None = None
    anchor: bool = False  # a price level a fact is pinned to, not the fact's own value
    point: bool = True

    @property
    def disputed(self) -> bool:
        return self.status is Status.DISPUTED and not self.point


@dataclass
class Link:
    kind: str  # "supported", "collapsed", "contradicts", "unavailable", "unsupported"
    support: Support | None = None
    fact: Fact | None = None  # the fact named by a contradiction or an unavailable metric
    alternatives: list[Support] = field(default_factory=list)  # equally good supports


def supports_of(event: Event, qualifiers: dict) -> tuple[list[Support], list[Fact]]:
    """Every figure the event allows an article to print, and its unavailable facts."""
    out: list[Support] = []
    unavailable: list[Fact] = []
    for fact in event.all_facts().values():
        if fact.status is Status.UNAVAILABLE or fact.bounds is None:
            unavailable.append(fact)
            continue
        lo, hi = fact.bounds
        out.append(Support(fact.id, fact.unit, lo, hi, fact.status, fact.sources, fact, point=(fact.range is None)))
        if fact.price_level is not None:
            out.append(Support(fact.id, "USD", fact.price_level, fact.price_level, fact.status, fact.sources, fact, anchor=True))
        if fact.price_band is not None:
            a, b = fact.price_band
            out.append(Support(fact.id, "USD", a, b, fact.status, fact.sources, fact, anchor=True, point=False))
            out.append(Support(fact.id, "USD", a, a, fact.status, fact.sources, fact, anchor=True))
            out.append(Support(fact.id, "USD", b, b, fact.status, fact.sources, fact, anchor=True))
    for item in event.context:
        for fig in find_figures(item.text, qualifiers):
            out.append(_from_text(f"context:{item.id}", fig, item.status, item.sources))
    for quote in event.quotes:
        for fig in find_figures(quote.words, qualifiers):
            out.append(_from_text(f"quote:{quote.id}", fig, quote.status, (quote.source,) if quote.source else ()))
    return out, unavailable


def _from_text(sid: str, fig: Figure, status: Status, sources) -> Support:
    return Support(sid, fig.unit or "USD", fig.lo, fig.hi, status, tuple(sources), None, point=fig.point)


def _unit_ok(fig: Figure, unit: str) -> bool:
    return unit in _UNIT_OK.get(fig.unit, set()) or (fig.unit is None and unit not in ("percent",))


def value_match(fig: Figure, s: Support) -> str | None:
    """'match' when the text could have been written from the support, 'collapsed' when a
    point was written for a disputed range, None otherwise."""
    if s.hi < 0 <= fig.lo:  # "fell 3.4%" prints the magnitude of a -3.4 change
        s = Support(s.id, s.unit, -s.hi, -s.lo, s.status, s.sources, s.fact, s.anchor, s.point)
    flo, fhi = fig.interval()
    if fig.qualifier == "vague":
        return "match" if flo <= s.hi and s.lo <= fhi else None
    tol = fig.precision
    if fig.qualifier == "approx":
        tol += max(abs(fig.lo), abs(fig.hi)) * 0.025
    if fig.point:
        if fig.qualifier in ("at_least", "at_most"):
            return "match" if flo <= s.hi and s.lo <= fhi else None
        if s.lo == s.hi:
            return "match" if abs(s.lo - fig.lo) <= tol + 1e-9 * max(1.0, abs(s.lo)) else None
        if s.lo - tol <= fig.lo <= s.hi + tol:
            return "collapsed" if s.disputed or s.status is Status.DISPUTED else "match"
        return None
    # the text gives a range
    if s.lo == s.hi:
        return "match" if fig.lo - tol <= s.lo <= fig.hi + tol else None
    ok = abs(fig.lo - s.lo) <= tol + 1e-9 * abs(s.lo) and abs(fig.hi - s.hi) <= tol + 1e-9 * abs(s.hi)
    return "match" if ok else None


@dataclass(frozen=True)
class Cues:
    sides: frozenset[str]
    assets: frozenset[str]
    windows: frozenset[str]
    venues: frozenset[str]
    metrics: frozenset[str]
    total: bool


def _found(table: dict, text: str) -> frozenset[str]:
    return frozenset(k for k, rx in table.items() if rx is not None and rx.search(text))


def cues_for(fu: FigureUse, phrases: PhraseSet, venue_rx, spelling: dict[str, str], block_text: str) -> Cues:
    local = fu.left + " " + fu.right
    sides = _found(phrases.side_cues, fu.left) or _found(phrases.side_cues, fu.right)
    assets = _found(phrases.asset_cues, local) or _found(phrases.asset_cues, fu.sentence.text)
    if fu.figure.asset:
        assets = assets | {fu.figure.asset}
    windows = _found(phrases.window_cues, local) or _found(phrases.window_cues, fu.sentence.text) or _found(phrases.window_cues, block_text)
    venues = frozenset(spelling[m.group(0).lower()] for m in venue_rx.finditer(fu.sentence.text)) if venue_rx else frozenset()
    metrics = _found(phrases.metric_cues, local)
    total = bool(phrases.total_cue and phrases.total_cue.search(local))
    return Cues(sides, assets, windows, venues, metrics, total)


def _norm_window(w: str | None) -> str | None:
    return {"1h": "60m", "1d": "24h", "7d": "1w"}.get(w, w) if w else w


def context_score(s: Support, cues: Cues, sentence_classes: set[str], named: frozenset[str] = frozenset()) -> tuple[float, int]:
    """(score, conflicts): how well the words around a figure describe a support."""
    score, conflicts = 0.0, 0
    if named and set(s.sources) & named:
        score += 2
    fact = s.fact
    if fact is not None:
        if cues.sides:
            if fact.side in cues.sides:
                score += 2
            elif fact.side is not None:
                conflicts += 1
            else:
                score -= 1
        if cues.assets:
            if fact.asset in cues.assets:
                score += 2
            elif fact.asset is not None:
                conflicts += 1
            elif not cues.total:
                score -= 1
        if cues.windows and fact.window:
            if _norm_window(fact.window) in cues.windows:
                score += 1
            else:
                conflicts += 1
        if fact.venue:
            score += 2 if fact.venue in cues.venues else -1
        if cues.total and fact.side is None and fact.asset is None and fact.venue is None:
            score += 1
        if fact.metric in cues.metrics or (s.anchor and "price_level" in cues.metrics):
            score += 1
    if s.status is Status.ESTIMATE and "estimate" in sentence_classes:
        score += 1
    if s.status in (Status.RUMOR, Status.PENDING_VERIFICATION) and sentence_classes & {"rumor", "pending", "claim"}:
        score += 1
    return score, conflicts


def link(fu: FigureUse, supports: list[Support], unavailable: list[Fact], cues: Cues, classes: set[str] | None = None) -> Link:
    fig = fu.figure
    classes = fu.sentence.classes if classes is None else classes
    named = frozenset(fu.sentence.sources)
    quoted = _inside_quotes(fu.sentence.text, fu.figure.start - fu.sentence.start)
    matched: list[tuple[float, Support, str]] = []
    for s in supports:
        if not _unit_ok(fig, s.unit):
            continue
        how = value_match(fig, s)
        if how is None:
            continue
        score, conflicts = context_score(s, cues, classes, named)
        if quoted and s.id.startswith(("quote:", "context:")):
            score += 3  # a figure inside quotation marks is the quoted words' figure
        matched.append((score - 3 * conflicts, s, how))
    if matched:
        best = max(m[0] for m in matched)
        top = [m for m in matched if m[0] == best]
        # Prefer a true match to a collapsed range when both fit equally well.
        top.sort(key=lambda m: (m[2] != "match", m[1].anchor))
        kind = "supported" if top[0][2] == "match" else "collapsed"
        return Link(kind, top[0][1], top[0][1].fact, [m[1] for m in top[1:]])
    # No value fits: whose figure do the words describe?
    described: list[tuple[float, object]] = []
    for fact in unavailable:
        if fig.unit is not None and fact.unit != fig.unit:
            continue
        score, conflicts = context_score(Support(fact.id, fact.unit, math.nan, math.nan, fact.status, fact.sources, fact), cues, classes, named)
        if conflicts == 0 and score >= 2:
            described.append((score + 0.5, fact))
    for s in supports:
        if s.fact is None or s.anchor or not _unit_ok(fig, s.unit) or fig.qualifier == "vague":
            continue
        score, conflicts = context_score(s, cues, classes, named)
        if conflicts == 0 and score >= 2:
            described.append((score, s))
    if described:
        best = max(d[0] for d in described)
        top = [d[1] for d in described if d[0] == best]
        if len({(t.id if isinstance(t, Support) else t.id) for t in top}) == 1:
            t = top[0]
            if isinstance(t, Support):
                return Link("contradicts", t, t.fact)
            return Link("unavailable", None, t)
    return Link("unsupported")


_OPEN, _CLOSE = "“‘", "”’"


def _inside_quotes(text: str, offset: int) -> bool:
    before = text[:max(offset, 0)]
    curly = sum(before.count(c) for c in _OPEN) - sum(before.count(c) for c in _CLOSE)
    return curly > 0 or before.count('"') % 2 == 1
