"""The house style file: caveat phrasings, banned words, thresholds, as data.

Editors change wording in ``style.yaml`` without touching code; this module
only loads it, checks its shape (a typo'd key is an error naming the file),
and chooses variants deterministically: the choice is a function of the event
id and the slot name through sha256, never of ``hash()`` (salted per process)
or of time, so one event always reads the same on every machine.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from writer.errors import single_problem
from writer.yamlload import safe_load

STATUS_KEYS = ("multi_source", "official", "single_source", "disputed", "estimate", "estimate_potential",
               "pending_verification", "rumor", "derived")
# How far an attribution reaches: its sentence; the whole paragraph (or bullet); or, with "run",
# the next sentences of its paragraph that give figures of the same source and status.
SCOPES = ("sentence", "paragraph", "run")
REQUIRED_TOP = ("caveats", "leads", "required", "banned", "phrases", "thresholds", "gap", "names")


def choose(seed: str, slot: str, n: int) -> int:
    """Index of the variant for ``slot`` in the event ``seed`` (stable across runs and machines)."""
    if n <= 1:
        return 0
    digest = hashlib.sha256(f"{seed}\x1f{slot}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % n


@dataclass(frozen=True)
class Style:
    caveats: dict[str, list[str]]  # inline, after a figure: "(according to a single source, {sources})"
    headline_caveats: dict[str, list[str]]
    context_caveats: dict[str, list[str]]
    leads: dict[str, list[str]]  # sentence-level: "according to a single source, {sources},"
    headline_leads: dict[str, list[str]]  # a headline's closing attribution, by status; the others use ``leads``
    required: dict[str, list[re.Pattern]]
    required_in_headline: dict[str, list[re.Pattern]]  # a headline's own, by status (the rest from ``required``)
    banned: dict[str, list[re.Pattern]]
    phrases: dict[str, list[str]]
    thresholds: dict
    gap: list[str]
    names: dict[str, dict[str, str]]
    scope: str  # one of SCOPES: how far a lead or caveat covers a run of figures
    path: str
    significant_figures: int = 3  # newsroom rounding of amounts, counts and ratios

    def variant(self, table: dict[str, list[str]], key: str, seed: str, slot: str) -> str:
        options = table[key]
        return options[choose(seed, slot, len(options))]


def _patterns(raw: dict, path: Path, key: str) -> dict[str, list[re.Pattern]]:
    out = {}
    for status, pats in (raw or {}).items():
        try:
            out[status] = [re.compile(p, re.IGNORECASE) for p in pats]
        except re.error as exc:
            raise single_problem(path, f"bad regular expression: {exc}", field=f"{key}.{status}") from None
    return out


def load_style(path: Path) -> Style:
    try:
        text = path.read_text(encoding="utf-8")
        data = safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise single_problem(path, f"cannot read the style file: {exc}") from None
    if not isinstance(data, dict):
        raise single_problem(path, "the style file must be a mapping")
    missing = [k for k in REQUIRED_TOP if k not in data]
    if missing:
        raise single_problem(path, f"missing key(s): {', '.join(missing)}")
    for table in ("caveats", "leads"):
        absent = [s for s in STATUS_KEYS if not data[table].get(s)]
        if absent:
            raise single_problem(path, f"no phrasing for status(es) {', '.join(absent)}", field=table)
    for table in ("caveats", "headline_caveats", "context_caveats", "leads", "headline_leads", "phrases"):
        for key, options in (data.get(table) or {}).items():
            if isinstance(options, str):
                data[table][key] = [options]
            elif not isinstance(options, list) or not options or not all(isinstance(o, str) for o in options):
                raise single_problem(path, "expected a phrase or a non-empty list of phrases", field=f"{table}.{key}")
            if any(re.search(r"\d", o) for o in data[table][key]):
                raise single_problem(path, "phrases may not contain digits: numbers only come from the fact base", field=f"{table}.{key}")
    openers = (data.get("names") or {}).get("paraphrase_openers", [])
    if not isinstance(openers, list) or not all(isinstance(w, str) and w.strip() for w in openers):
        raise single_problem(path, "expected a list of words (quote on, no, yes and off: YAML reads them as true or false)",
                             field="names.paraphrase_openers")
    scope = data.get("attribution_scope", "sentence")
    if scope not in SCOPES:
        raise single_problem(path, "attribution_scope must be one of " + ", ".join(repr(x) for x in SCOPES), field="attribution_scope")
    rounding = data.get("rounding") or {}
    figs = rounding.get("significant_figures", 3)
    if not isinstance(figs, int) or not 1 <= figs <= 6:
        raise single_problem(path, "significant_figures must be a whole number from 1 to 6", field="rounding.significant_figures")
    return Style(
        caveats=data["caveats"],
        headline_caveats=data.get("headline_caveats") or data["caveats"],
        context_caveats=data.get("context_caveats") or data["caveats"],
        leads=data["leads"],
        headline_leads=data.get("headline_leads") or {},
        required=_patterns(data["required"], path, "required"),
        required_in_headline=_patterns(data.get("required_in_headline") or {}, path, "required_in_headline"),
        banned=_patterns(data["banned"], path, "banned"),
        phrases=data["phrases"],
        thresholds=data["thresholds"] or {},
        gap=[data["gap"]] if isinstance(data["gap"], str) else list(data["gap"]),
        names=data["names"] or {},
        scope=scope,
        path=str(path),
        significant_figures=figs,
    )
