"""A new event file to fill in: ``writer facts new ID [--from EVENT]``.

The skeleton is commented YAML that an editor completes by hand, with the
schema line the YAML language server reads for completion. It is invalid
until its figures are filled in (an empty `value:` is refused with a located
message), so a forgotten skeleton can never be published as if it were data.
``--from`` keeps the shape of an existing event (its figures' metrics, units
and qualifiers, its sources) and empties every reported value, time and
note, keeping the editor's comments.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from writer.errors import single_problem
from writer.factbase.roundtrip import dump_document, load_document
from writer.factbase.schema import event_schema
from writer.factbase.vocabulary import EVENT_ID_RE, METRICS, RESERVED_EVENT_IDS, Hedge, Magnitude, Status, Unit
from writer.factbase.yamlsource import read_text

SCHEMA_NAME = "event.schema.json"

_DERIVED_STATUSES = {"multi_source", "single_source", "unnamed_group", "disputed", "official"}

# What an observation reports; emptied when a skeleton is made from an existing event.
_REPORTED = ("value", "range", "magnitude", "hedge", "reading", "via", "spread", "as_of", "as_of_approximate", "note", "url", "revisions")

_BLANK = """\
# yaml-language-server: $schema={schema}
# A new event. Fill in every figure with who reported it, as the report gives it:
# nothing invented, a comment wherever a choice was a judgement call.
# `writer facts validate {name}` lists every problem at once.
id: {id}
title:  # a working title for the desk
# When the figures were reported: ISO 8601 with a time zone (2026-11-18T10:00:00+08:00),
# a date alone when the report gives no time, as much as it gives (--07-24 for a day
# without its year, 2025-07, 2025), or null when it gives no date at all.
as_of: null
period:  # the event's time span, or remove it
  start: null
  end: null
windows: [24h]

facts:
  - id: total_24h
    # metric: one of {metrics}
    metric: liquidations
    # unit: one of {units}
    # (`unit: currency` with `currency: KRW` for an amount in won, yen, ...)
    unit: USD
    window: 24h
    # side: long | short; asset: BTC; venue: a source id; contract: BTC-USDT
    # rank: 2 ("the second spot"); share_of: what a percentage is a share of;
    # from_fact/to_fact: the two figures a change runs between
    # status is derived from the observations; write it only to downgrade
    # (one of {statuses})
    observations:
      - source:  # an id from sources.yaml
        # value: 1.451B, or range: [low, high], or magnitude: one of {magnitudes}
        # hedge: the source's own word, one of {hedges}
        # (two on one value in the report's order: [as_much_as, approximately])
        # via: the id of the outlet that relayed this source's figure ("cited by Bloomberg")
        # reading: the words of a source that gave no number (credited for its words only)
        value:
        as_of:

context: []   # - {{id, kind, text, sources: [...]}}: claims without a figure
quotes: []    # - {{id, speaker, role, channel, words, source}}; `paraphrase: true` for a view in the desk's words
caveats: []   # - {{id, text, sources}}: a caveat the whole article must carry
"""


def check_new_id(event_id: str) -> None:
    if not EVENT_ID_RE.match(event_id) or event_id in RESERVED_EVENT_IDS:
        raise single_problem(
            event_id, "not a usable event id: lower-case letters, digits and dashes, not one of " + ", ".join(sorted(RESERVED_EVENT_IDS)), line=1, column=1
        )


def blank(event_id: str, schema_ref: str, file_name: str) -> str:
    """The commented skeleton of a new event."""
    return _BLANK.format(
        schema=schema_ref,
        name=file_name,
        id=event_id,
        metrics=", ".join(METRICS),
        units=", ".join(u.value for u in Unit),
        statuses=", ".join(s.value for s in Status),
        magnitudes=", ".join(m.value for m in Magnitude),
        hedges=", ".join(h.value for h in Hedge),
    )


def from_event(event_id: str, source: Path, schema_ref: str) -> str:
    """An existing event's shape with every reported value emptied (comments kept)."""
    doc = load_document(read_text(source), source)
    if not hasattr(doc, "get"):
        raise single_problem(source, "the file must hold one mapping of keys (id, as_of, facts, ...)", line=1, column=1)
    doc["id"] = event_id
    for key in ("title", "note"):
        if key in doc:
            doc[key] = None
    doc["as_of"] = None
    doc.pop("as_of_approximate", None)
    if isinstance(doc.get("period"), dict):
        doc["period"]["start"] = None
        doc["period"]["end"] = None
    for fact in doc.get("facts") or []:
        if not hasattr(fact, "get"):
            continue
        for key in ("average", "reason", "note", "price_level", "price_band"):
            fact.pop(key, None)
        if fact.get("status") in _DERIVED_STATUSES:  # derived from the new observations, not carried over
            fact.pop("status")
        for obs in fact.get("observations") or []:
            if hasattr(obs, "get"):
                for key in _REPORTED:
                    obs.pop(key, None)
                obs["value"] = None
    for key in ("context", "quotes", "caveats"):
        if key in doc:
            doc[key] = []
    text = dump_document(doc)
    lines = [line for line in text.splitlines() if not line.startswith("# yaml-language-server:")]
    header = f"# yaml-language-server: $schema={schema_ref}\n# Made from {source.name}: every reported value, time and note emptied; fill them in from the new report.\n"
    return header + "\n".join(lines) + "\n"


def schema_ref(target: Path, registry_dir: Path | None) -> tuple[str, Path]:
    """The relative path the new file's schema line uses, and where the schema file lives."""
    folder = registry_dir if registry_dir is not None else target.parent
    schema = folder / SCHEMA_NAME
    return Path(os.path.relpath(schema, target.parent)).as_posix(), schema


def write_schema_if_missing(schema: Path) -> bool:
    if schema.exists():
        return False
    create_new(schema, json.dumps(event_schema(), indent=2, ensure_ascii=False) + "\n")
    return True


def create_new(target: Path, text: str) -> None:
    """Write a new file, never replacing one: a temporary file linked to the name (fails if it exists)."""
    if target.exists() or target.is_symlink():
        raise single_problem(target, "already exists: `writer facts new` never overwrites a file (choose another id or remove it)", line=1, column=1)
    fd, tmp = tempfile.mkstemp(prefix=".writer-new-", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.link(tmp, target)
    except FileExistsError:
        raise single_problem(target, "already exists: `writer facts new` never overwrites a file", line=1, column=1) from None
    finally:
        os.unlink(tmp)
