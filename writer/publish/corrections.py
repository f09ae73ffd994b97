"""Corrections: when a republish changes a figure an article printed, the page says so.

Publishing remembers, per article, the figures it printed (fact id -> the text
as printed, from the draft's claim map or, for an edited article, from the
check's trace). A republish compares them: every printed figure whose text
changed becomes a dated :class:`Correction` that says what changed and why.
Corrections accumulate (a page keeps its whole history) and move the
article's ``dateModified`` and its feed entry's ``<updated>``. A rebuild that
prints the same figures adds none, so it changes no date and no byte.

The date is the moment of the republish (``SOURCE_DATE_EPOCH`` when set, for
reproducible builds and tests); it is recorded in the manifest, so later
rebuilds repeat it rather than compute it again.
"""

from __future__ import annotations

from datetime import datetime

from writer.publish.manifest import Correction

# Window names the fact schema uses, in words for a reader.
_WINDOW_WORDS = {"1h": "one-hour", "4h": "four-hour", "12h": "12-hour", "24h": "24-hour", "7d": "seven-day"}


def printed_figures_of_draft(claims: dict) -> dict[str, str]:
    """Fact id -> the text a draft printed for it (its first use as a value)."""
    out: dict[str, str] = {}
    for figure in claims.get("figures", []) or []:
        if isinstance(figure, dict) and figure.get("role", "value") == "value" and figure.get("fact") and figure.get("text"):
            out.setdefault(str(figure["fact"]), str(figure["text"]))
    return out


def printed_figures_of_trace(trace: list[dict]) -> dict[str, str]:
    """Fact id -> the text an edited article printed for it (the check's links)."""
    out: dict[str, str] = {}
    for figure in trace:
        if figure.get("link") and figure.get("support") and figure.get("figure"):
            out.setdefault(str(figure["support"]), str(figure["figure"]))
    return out


def describe(fact) -> str:
    """What a figure is, in words ("the 24-hour long BTC liquidations")."""
    if getattr(fact, "label", None):
        return fact.label
    words = [_WINDOW_WORDS.get(fact.window or "", fact.window or "")]
    words += [fact.side or "", fact.asset or "", fact.venue or "", (fact.metric or "figure").replace("_", " ")]
    return "the " + " ".join(w for w in words if w)


def reason_for(fact, registry) -> str:
    """Why the figure changed, from the facts: the newest observation's note, else its sources."""
    dated = [o for o in fact.observations if o.as_of is not None]
    newest = max(dated, key=lambda o: o.as_of.timestamp()) if dated else (fact.observations[-1] if fact.observations else None)
    if newest is not None and newest.note:
        return newest.note.strip().rstrip(".")
    names = [registry[s].name if s in registry else s for s in dict.fromkeys(fact.sources)]
    if not names:
        return "after a revision of the underlying data"
    return "according to the latest data from " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1])


def corrections_for(prior, figures: dict[str, str], event, now: datetime) -> tuple[Correction, ...]:
    """The article's corrections: ``prior``'s, plus one per printed figure whose text changed."""
    if prior is None:
        return ()
    found = []
    facts = event.all_facts()
    for fact_id, before in sorted(prior.figures.items()):
        after = figures.get(fact_id)
        if after is None or after == before or fact_id not in facts:
            continue
        fact = facts[fact_id]
        found.append(Correction(now.isoformat(timespec="seconds"), fact_id, describe(fact), before, after, reason_for(fact, event.registry)))
    return tuple(prior.corrections) + tuple(found)


def modified_with(modified: str, corrections: tuple[Correction, ...]) -> str:
    """``dateModified``: the event's own latest date, or the newest correction when later."""
    latest = modified
    for c in corrections:
        if datetime.fromisoformat(c.date).timestamp() > datetime.fromisoformat(latest).timestamp():
            latest = c.date
    return latest


def note_text(c: Correction, when: str) -> str:
    """The one wording of a correction note; ``when`` is the date in words, in the desk's style."""
    return f"Updated {when}: {c.label} was revised from {c.before} to {c.after}, {c.reason}."
