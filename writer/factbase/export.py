"""Views of a loaded event for people and programs: the JSON of ``writer facts show`` and a text table.

Both list every figure (typed and derived) with its status, value or range,
qualifiers and source *names*, so an editor sees at a glance what an article
may say and how strongly.
"""

from __future__ import annotations

from writer.factbase.records import Event, Fact


def fact_record(event: Event, fact: Fact) -> dict:
    """The JSON shape documented for ``writer facts show --format json``: null where a field does not apply."""
    return {
        "id": fact.id,
        "metric": fact.metric,
        "status": fact.status.value,
        "value": fact.value,
        "range": list(fact.range) if fact.range else None,
        "unit": fact.unit,
        "window": fact.window,
        "side": fact.side,
        "asset": fact.asset,
        "venue": event.source_name(fact.venue) if fact.venue else None,
        "contract": fact.contract,
        "direction": fact.direction,
        "price_level": fact.price_level,
        "price_band": list(fact.price_band) if fact.price_band else None,
        "coverage": fact.coverage,
        "lower_bound": fact.lower_bound,
        "sources": [event.source_name(s) for s in fact.sources],
        "derived_from": list(fact.derived_from) if fact.derived_from else None,
        "reason": fact.reason,
        "line": fact.line,
    }


def event_record(event: Event) -> dict:
    return {
        "event": event.id,
        "path": event.path,
        "as_of": event.as_of.isoformat(),
        "facts": [fact_record(event, f) for f in event.all_facts().values()],
        "context": [
            {"id": c.id, "kind": c.kind, "status": c.status.value, "text": c.text, "sources": [event.source_name(s) for s in c.sources]}
            for c in event.context
        ],
        "quotes": [
            {"id": q.id, "speaker": q.speaker, "words": q.words, "status": q.status.value, "source": event.source_name(q.source) if q.source else None}
            for q in event.quotes
        ],
        "skipped_derivations": list(event.derivation_notes),
    }


def _num(v: float) -> str:
    return f"{v:,.4g}" if abs(v) < 1000 else f"{v:,.0f}"


def _value_text(fact: Fact) -> str:
    if fact.range is not None and fact.value is None:
        text = f"{_num(fact.range[0])} .. {_num(fact.range[1])}"
    elif fact.value is not None:
        text = _num(fact.value)
    else:
        return "-"
    return ("≥ " if fact.lower_bound else "") + text


def facts_table(event: Event) -> str:
    """A fixed-width table, one row per figure, for terminals."""
    header = ("id", "status", "value", "unit", "window", "qualifiers", "sources")
    rows = [header]
    for f in event.all_facts().values():
        quals = [q for q in (f.side, f.asset, f.venue and event.source_name(f.venue), f.contract, f.direction) if q]
        if f.price_level is not None:
            quals.append(f"@{_num(f.price_level)}")
        if f.price_band is not None:
            quals.append(f"@{_num(f.price_band[0])}-{_num(f.price_band[1])}")
        if f.derived_from:
            quals.append("from " + "+".join(f.derived_from))
        rows.append((f.id, f.status.value, _value_text(f), f.unit, f.window or "-", " ".join(quals) or "-", ", ".join(event.source_name(s) for s in f.sources) or "-"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    extra = [f"context  {c.id}: {c.text} [{c.status.value}; {', '.join(event.source_name(s) for s in c.sources) or 'no source'}]" for c in event.context]
    extra += [f"quote    {q.id}: {q.speaker}: “{q.words}” [{q.status.value}]" for q in event.quotes]
    extra += [f"note     derivation skipped: {n}" for n in event.derivation_notes]
    return "\n".join(lines + ([""] + extra if extra else []))
