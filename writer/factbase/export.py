"""Views of a loaded event for people and programs: the JSON of ``writer facts show`` and a text table.

Both list every figure (typed and derived) with its status, value or range,
qualifiers and source *names*, so an editor sees at a glance what an article
may say and how strongly.
"""

from __future__ import annotations

from writer.factbase.records import Event, Fact, HedgeSpec, Observation


def hedge_text(hedge: HedgeSpec) -> str | list | None:
    """A hedge as the editor wrote it: ``over``, or ``[over, null]`` for the ends of a range."""
    if hedge is None:
        return None
    if isinstance(hedge, tuple):
        return [h.value if h is not None else None for h in hedge]
    return hedge.value


def _when(o) -> str | None:
    """The time as the report gives it: to the minute, the day, or less ("--07-24", "2025")."""
    for when in (o.as_of, getattr(o, "as_of_date", None), getattr(o, "as_of_partial", None)):
        if when is not None:
            return when.isoformat()
    return None


def observation_record(event: Event, o: Observation) -> dict:
    return {
        "source": event.source_name(o.source),
        "value": o.value,
        "range": list(o.range) if o.range else None,
        "magnitude": o.magnitude.value if o.magnitude else None,
        "hedge": hedge_text(o.hedge),
        "reading": o.reading,
        "words": o.words.value if o.words else None,
        "via": event.source_name(o.via) if o.via else None,
        "unnamed_credit": event.source_name(o.unnamed_credit) if o.unnamed_credit else None,
        "spread": o.spread,
        "as_of": _when(o),
        "as_of_approximate": o.as_of_approximate,
        "note": o.note,
        "revisions": [
            {"value": r.value, "range": list(r.range) if r.range else None, "magnitude": r.magnitude.value if r.magnitude else None,
             "hedge": hedge_text(r.hedge), "as_of": _when(r), "note": r.note}
            for r in o.revisions
        ],
    }


def fact_record(event: Event, fact: Fact) -> dict:
    """The JSON shape documented for ``writer facts show --format json``: null where a field does not apply."""
    return {
        "id": fact.id,
        "metric": fact.metric,
        "status": fact.status.value,
        "value": fact.value,
        "range": list(fact.range) if fact.range else None,
        "magnitude": fact.magnitude.value if fact.magnitude else None,
        "hedge": hedge_text(fact.hedge),
        "reading": fact.reading,
        "unit": fact.unit,
        "window": fact.window,
        "window_hedge": fact.window_hedge.value if fact.window_hedge else None,
        "to_date": fact.to_date.value if fact.to_date else None,
        "year": fact.year,
        "side": fact.side,
        "asset": fact.asset,
        "assets": list(fact.assets) or None,
        "venue": event.source_name(fact.venue) if fact.venue else None,
        "venues": [event.source_name(v) for v in fact.venues] or None,
        "each": fact.each,
        "contract": fact.contract,
        "subject": fact.subject,
        "direction": fact.direction,
        "change": fact.change,
        "price_level": fact.price_level,
        "price_band": list(fact.price_band) if fact.price_band else None,
        "level_hedge": fact.level_hedge.value if fact.level_hedge else None,
        "coverage": fact.coverage,
        "lower_bound": fact.lower_bound,
        "label": fact.label,
        "average": {"value": fact.average[0], "hedge": hedge_text(fact.average[1]), "source": event.source_name(fact.average[2]) if fact.average[2] else None}
        if fact.average else None,
        "per": fact.per,
        "sources": [event.source_name(s) for s in fact.sources],
        "worded": [{"source": event.source_name(s), "reading": words} for s, words in fact.worded] or None,
        "observations": [observation_record(event, o) for o in fact.observations],
        "rank": fact.rank,
        "share_of": fact.share_of,
        "from_fact": fact.from_fact,
        "to_fact": fact.to_fact,
        "derived_from": list(fact.derived_from) if fact.derived_from else None,
        "reason": fact.reason,
        "note": fact.note,
        "line": fact.line,
    }


def event_record(event: Event) -> dict:
    return {
        "event": event.id,
        "path": event.path,
        "as_of": _when(event),
        "as_of_approximate": event.as_of_approximate,
        "facts": [fact_record(event, f) for f in event.all_facts().values()],
        "context": [
            {"id": c.id, "kind": c.kind, "status": c.status.value, "text": c.text, "sources": [event.source_name(s) for s in c.sources], "window": c.window,
             "as_of": _when(c)}
            for c in event.context
        ],
        "quotes": [
            {"id": q.id, "speaker": q.speaker, "words": q.words, "paraphrase": q.paraphrase, "status": q.status.value,
             "source": event.source_name(q.source) if q.source else None, "as_of": _when(q)}
            for q in event.quotes
        ],
        "caveats": [{"id": c.id, "text": c.text, "sources": [event.source_name(s) for s in c.sources]} for c in event.caveats],
        "skipped_derivations": list(event.derivation_notes),
    }


def _num(v: float) -> str:
    return f"{v:,.4g}" if abs(v) < 1000 else f"{v:,.0f}"


def _hedge_words(hedge) -> tuple[str, str]:
    if hedge is None:
        return ("", "")
    if isinstance(hedge, tuple):
        return tuple(h.words + " " if h is not None else "" for h in hedge)
    return (hedge.words + " ", "")


def _value_text(fact: Fact) -> str:
    low, high = _hedge_words(fact.hedge)
    if fact.magnitude is not None:
        text = fact.magnitude.words
    elif fact.range is not None and fact.value is None:
        text = f"{low}{_num(fact.range[0])} .. {high}{_num(fact.range[1])}"
    elif fact.value is not None:
        text = f"{low}{_num(fact.value)}"
    elif fact.reading:
        return f'"{fact.reading}"'
    else:
        return "-"
    if fact.change:
        text = f"{fact.change} {text}"
    if fact.reading:
        text += f' "{fact.reading}"'
    return ("≥ " if fact.lower_bound else "") + text


def _span_text(f: Fact) -> str:
    """The table's window column: "24h", "less_than 24h", "to date (year)", "year 2021", or "-"."""
    if f.to_date is not None:
        return f"to date ({f.to_date.value})"
    if f.year is not None:
        return f"year {f.year}"
    if f.window and f.window_hedge is not None:
        return f"{f.window_hedge.value} {f.window}"
    return f.window or "-"


def _qualifiers(event: Event, f: Fact) -> list[str]:
    quals = [q for q in (f.side, f.asset, "+".join(f.assets), f.venue and event.source_name(f.venue),
                         "+".join(event.source_name(v) for v in f.venues), f.contract, f.direction) if q]
    if f.each:
        quals.append("each one")
    if f.subject:
        quals.append(f"subject: {f.subject}")
    if f.coverage:
        quals.append(f"coverage: {f.coverage}")
    level = f"{f.level_hedge.words} " if f.level_hedge else ""
    if f.price_level is not None:
        quals.append(f"@{level}{_num(f.price_level)}")
    if f.price_band is not None:
        quals.append(f"@{level}{_num(f.price_band[0])}-{_num(f.price_band[1])}")
    relays = f.relays()
    if relays:
        quals.append("via " + ", ".join(event.source_name(r) for r in relays))
    unnamed = list(dict.fromkeys(o.unnamed_credit for o in f.observations if o.unnamed_credit))
    if unnamed:
        quals.append("also credited as " + ", ".join(event.source_name(u) for u in unnamed))
    if f.worded:
        quals.append("words only: " + ", ".join(f"{event.source_name(s)} ({words})" for s, words in f.worded))
    if f.average is not None:
        quals.append(f"average {_hedge_words(f.average[1])[0]}{_num(f.average[0])}")
    if f.per is not None:
        quals.append(f"average per {f.per}")
    if f.rank is not None:
        quals.append(f"rank {f.rank}")
    if f.share_of:
        quals.append(f"share of: {f.share_of}")
    if f.from_fact:
        quals.append(f"from {f.from_fact} to {f.to_fact}")
    revised = sum(len(o.revisions) for o in f.observations)
    if revised:
        quals.append(f"revised {revised}x")
    if f.derived_from:
        quals.append("from " + "+".join(f.derived_from))
    return quals


def facts_table(event: Event) -> str:
    """A fixed-width table, one row per figure, for terminals."""
    header = ("id", "status", "value", "unit", "window", "qualifiers", "sources")
    rows = [header]
    for f in event.all_facts().values():
        quals = _qualifiers(event, f)
        rows.append((f.id, f.status.value, _value_text(f), f.unit, _span_text(f), "; ".join(quals) or "-", ", ".join(event.source_name(s) for s in f.sources) or "-"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    extra = [f"context  {c.id}: {c.text} [{c.status.value}; {', '.join(event.source_name(s) for s in c.sources) or 'no source'}]" for c in event.context]
    extra += [
        f"quote    {q.id}: {q.speaker}: " + (f"(paraphrase) {q.words}" if q.paraphrase else f"“{q.words}”") + f" [{q.status.value}]"
        for q in event.quotes
    ]
    extra += [f"caveat   {c.id}: {c.text}" + (f" [{', '.join(event.source_name(s) for s in c.sources)}]" if c.sources else "") for c in event.caveats]
    extra += [f"note     derivation skipped: {n}" for n in event.derivation_notes]
    return "\n".join(lines + ([""] + extra if extra else []))
