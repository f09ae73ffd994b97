"""Merging imported figures into an event file's round-trip document.

Each figure is one fact the importer owns, found again by its id. Four
outcomes per figure: *added* (new id); *unchanged* (same reading again: a
re-import changes nothing); *revised* (a longer capture of the same feed, or a
newer export, with a new value: the observation takes it and keeps the earlier
reading under ``revisions``, so publishing can say what changed); *updated*
(the same value read again later: only its time, note and qualifiers move).
Anything else (the id held by a fact this feed did not write, a shorter or
unrelated capture, an export that is not newer) is refused rather than guessed at.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.timestamp import TimeStamp
from ruamel.yaml.tokens import CommentToken

from writer.importers.feeds import Feed
from writer.importers.figures import Figure, parse_capture

# Fact keys the importer writes, in the order the house files use.
QUALIFIERS = ("metric", "unit", "window", "side", "asset", "venue", "contract", "coverage", "lower_bound", "status", "note")


class MergeConflict(ValueError):
    """A figure cannot be merged without overwriting something the importer does not own."""

    def __init__(self, fact_id: str, message: str, line: int = 0):
        super().__init__(message)
        self.fact_id, self.line = fact_id, line  # line: 1-based line of the fact in the event file, 0 if unknown


@dataclass(frozen=True)
class Change:
    fact_id: str
    kind: str  # "added", "unchanged", "updated" (same value, later reading) or "revised" (new value, earlier one kept)
    detail: str = ""


def merge(doc: CommentedMap, figures: list[Figure], feed: Feed) -> list[Change]:
    """Merge ``figures`` into ``doc`` in place and say what happened to each."""
    facts = doc.get("facts")
    if facts is None:
        facts = doc["facts"] = CommentedSeq()
    if not isinstance(facts, list):
        raise MergeConflict("", "the event file's `facts` is not a list")
    by_id = {f.get("id"): f for f in facts if isinstance(f, dict)}
    changes = []
    for figure in figures:
        existing = by_id.get(figure.id)
        if existing is None:
            _append(facts, _fact_map(figure, feed))
            changes.append(Change(figure.id, "added"))
        else:
            changes.append(_update(existing, figure, feed))
    return changes


# --- new facts ------------------------------------------------------------------------


def _qualifiers(figure: Figure) -> dict:
    """The fact keys a figure sets (unset and false ones are left out, as an editor would)."""
    return {k: getattr(figure, k) for k in QUALIFIERS if getattr(figure, k) not in (None, False)}


def _fact_map(figure: Figure, feed: Feed) -> CommentedMap:
    fact = CommentedMap()
    fact["id"] = figure.id
    fact.update(_qualifiers(figure))
    fact["observations"] = CommentedSeq([_observation(figure, feed)])
    return fact


def _observation(figure: Figure, feed: Feed) -> CommentedMap:
    obs = CommentedMap()
    obs["source"] = feed.source
    obs["value"] = yaml_number(figure.value)
    if figure.as_of is not None:
        obs["as_of"] = yaml_time(figure.as_of)
    if figure.obs_note:
        obs["note"] = figure.obs_note
    return obs


def yaml_number(value: Decimal) -> int | float:
    """A decimal as a YAML number: an integer when whole, else the shortest float that reads back the same digits."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)  # at most 2 decimals (cents) on at most ~15 digits: exact to print


def yaml_time(t: datetime) -> TimeStamp:
    """A time as the house files write it (``2026-11-21T07:00:00+00:00``), unquoted."""
    t = t.astimezone(timezone.utc)
    stamp = TimeStamp(t.year, t.month, t.day, t.hour, t.minute, t.second, tzinfo=timezone(timedelta(0), "+00:00"))
    stamp._yaml["t"] = True  # ruamel's own flag for the 'T' separator (public attribute of its TimeStamp)
    return stamp


def _append(facts: CommentedSeq, fact: CommentedMap) -> None:
    """Append a fact, moving the lines that closed the list (a blank line, a comment) to after the new item.

    ruamel keeps those lines in the comment token of the last scalar before them,
    together with that scalar's own end-of-line comment; the end-of-line part stays
    where it is, the rest moves.
    """
    if facts:
        trailing = _split_trailing(facts)
        facts.append(fact)
        if trailing is not None:
            _put_trailing(fact, trailing)
    else:
        facts.append(fact)


def _split_trailing(node):
    """Detach the lines after the last scalar under ``node``: returns a token for them, or None."""
    holder, index = _last_comment_slot(node)
    if holder is None:
        return None
    token = holder[index]
    own_line, newline, rest = token.value.partition("\n")
    if not newline or not rest:
        return None  # only an end-of-line comment: nothing closes the list
    holder[index] = CommentToken(own_line + "\n", token.start_mark, None) if own_line.strip() else None
    return CommentToken("\n" + rest, token.start_mark, None)


def _last_comment_slot(node):
    """(list, index) of the comment token after the last scalar under ``node``, or (None, 0)."""
    if isinstance(node, CommentedMap) and node:
        key = list(node.keys())[-1]
        child = node[key]
        if isinstance(child, (CommentedMap, CommentedSeq)) and child:
            return _last_comment_slot(child)
        entry = node.ca.items.get(key)
        if entry and len(entry) > 2 and entry[2] is not None:
            return entry, 2
    if isinstance(node, CommentedSeq) and node:
        child = node[-1]
        if isinstance(child, (CommentedMap, CommentedSeq)) and child:
            return _last_comment_slot(child)
        entry = node.ca.items.get(len(node) - 1)
        if entry and entry[0] is not None:
            return entry, 0
    return None, 0


def _put_trailing(node, token) -> None:
    if isinstance(node, CommentedMap):
        key = list(node.keys())[-1]
        child = node[key]
        if isinstance(child, (CommentedMap, CommentedSeq)) and child:
            return _put_trailing(child, token)
        entry = node.ca.items.setdefault(key, [None, None, None, None])
        entry[2] = token
    elif isinstance(node, CommentedSeq):
        child = node[-1]
        if isinstance(child, (CommentedMap, CommentedSeq)):
            return _put_trailing(child, token)
        node.ca.items.setdefault(len(node) - 1, [None, None])[0] = token


# --- facts the importer wrote before ----------------------------------------------------


def _update(fact: CommentedMap, figure: Figure, feed: Feed) -> Change:
    observations = fact.get("observations") or []
    mine = [o for o in observations if isinstance(o, dict) and o.get("source") == feed.source]
    if fact.get("metric") != figure.metric or not mine:
        raise MergeConflict(figure.id, f"fact {figure.id!r} already exists and was not written by `writer import {feed.name}`; rename it or remove it before importing", _line(fact))
    obs = mine[0]
    current = {k: fact[k] for k in QUALIFIERS if k in fact}
    if _same_reading(obs, figure) and current == _qualifiers(figure):
        return Change(figure.id, "unchanged")
    before = obs.get("value")
    same_value = _as_decimal(before) == figure.value
    if not (same_value and _as_time(obs.get("as_of")) == _figure_time(figure)):  # a new reading, not new wording for the same one
        try:
            _check_supersedes(obs, figure, feed)
        except MergeConflict as exc:
            raise MergeConflict(exc.fact_id, str(exc), _line(fact)) from None
    if same_value:
        _reread(obs, figure)  # the same figure, seen again in a longer capture: no revision to record
    else:
        _revise(obs, figure)
    desired = _qualifiers(figure)
    for key in QUALIFIERS:
        if key in desired and key in fact:
            fact[key] = desired[key]  # an existing key keeps its place
        elif key in desired:
            fact.insert(list(fact.keys()).index("observations"), key, desired[key])
        else:
            fact.pop(key, None)
    if same_value:
        return Change(figure.id, "updated", "same value, read again in a longer capture")
    return Change(figure.id, "revised", f"{before} -> {yaml_number(figure.value)}")


def _line(node) -> int:
    """The 1-based line where ruamel read ``node`` (0 when it was not read from the file)."""
    lc = getattr(node, "lc", None)
    return lc.line + 1 if lc is not None and lc.line is not None else 0


def _same_reading(obs, figure: Figure) -> bool:
    return (
        _as_decimal(obs.get("value")) == figure.value
        and _as_time(obs.get("as_of")) == _figure_time(figure)
        and (obs.get("note") or None) == figure.obs_note
    )


def _figure_time(figure: Figure) -> datetime | None:
    return figure.as_of.astimezone(timezone.utc).replace(microsecond=0) if figure.as_of else None


def _check_supersedes(obs, figure: Figure, feed: Feed) -> None:
    if figure.capture is not None:
        earlier = parse_capture(obs.get("note"))
        if earlier is None:
            raise MergeConflict(figure.id, f"fact {figure.id!r}: its {feed.name} observation names no capture, so the importer cannot tell whether this capture supersedes it")
        if not figure.capture.supersedes(earlier):
            raise MergeConflict(
                figure.id,
                f"fact {figure.id!r}: this capture ({figure.capture.describe()}) is not a longer capture holding the one imported before "
                f"({earlier.describe()}) and running past its end; only such a capture of the same feed replaces an earlier one",
            )
        return
    old, new = _as_time(obs.get("as_of")), figure.as_of
    if old is None or new is None:
        raise MergeConflict(figure.id, f"fact {figure.id!r}: a revision is dated, and the earlier or the new {feed.name} reading has no time; give the export's time (--as-of, or `time` in the file)")
    if new <= old:
        raise MergeConflict(figure.id, f"fact {figure.id!r}: this export ({new.isoformat()}) is not newer than the one imported before ({old.isoformat()})")


def _reread(obs: CommentedMap, figure: Figure) -> None:
    """The same value confirmed later: move the reading's time and note, keep everything else."""
    if figure.as_of is not None:
        obs["as_of"] = yaml_time(figure.as_of)
    if figure.obs_note:
        obs["note"] = figure.obs_note


def _revise(obs: CommentedMap, figure: Figure) -> None:
    """Keep the earlier reading under ``revisions`` (oldest first) and put the new one in its place."""
    earlier = CommentedMap()
    earlier["value"] = obs.get("value")
    if obs.get("as_of") is not None:
        earlier["as_of"] = obs["as_of"]
    if obs.get("note"):
        earlier["note"] = obs["note"]
    revisions = obs.get("revisions")
    if revisions is None:
        revisions = CommentedSeq()
    revisions.append(earlier)
    obs.pop("revisions", None)
    obs["value"] = yaml_number(figure.value)
    if figure.as_of is not None:
        obs["as_of"] = yaml_time(figure.as_of)
    if figure.obs_note:
        obs["note"] = figure.obs_note
    obs["revisions"] = revisions  # last, after the reading it qualifies


def _as_decimal(v) -> Decimal | None:
    if v is None or isinstance(v, bool):
        return None
    return Decimal(str(v))


def _as_time(v) -> datetime | None:
    if isinstance(v, datetime):
        return (v if v.tzinfo else v.replace(tzinfo=timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)
    if isinstance(v, str):
        try:
            return datetime.fromisoformat(v).astimezone(timezone.utc)
        except ValueError:
            return None
    return None
