"""The plain reading of fact files (writer/factbase/plainspec.py) against the pydantic models it stands in for.

The plain path may only ever accept what the models accept, with the same values; anything else
it leaves to the models, which word every problem. Held here: its tables against the models'
declarations, both readings on every fact file in the repository, on generated events across
the schema's corners, and on mutated files (where the models refuse, the plain path must not
accept), and the loader's problems with and without it.
"""

from __future__ import annotations

import copy
import random
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from writer.errors import InputError
from writer.factbase import plainspec, spec
from writer.factbase.loader import event_from_text, load_registry
from writer.factbase.yamlsource import parse

ROOT = Path(__file__).resolve().parent.parent
FACT_FILES = sorted(p for p in (ROOT / "factbase").rglob("*.yaml"))
EVENT_FILES = [p for p in FACT_FILES if p.name != "sources.yaml"]
REGISTRY_FILES = [p for p in FACT_FILES if p.name == "sources.yaml"]


def _pydantic(name: str, data):
    try:
        return getattr(spec, name).model_validate(data)
    except ValueError:  # pydantic's ValidationError
        return None


def _differences(plain, model, at: str = "") -> list[str]:
    """Where the plain reading's value differs from the model's, in value or in type (a time's zone object aside)."""
    if isinstance(model, BaseModel):
        out = []
        for name in type(model).model_fields:
            out += _differences(getattr(plain, name), getattr(model, name), f"{at}.{name}")
        return out
    if isinstance(model, (list, tuple)):
        if type(plain) is not type(model) or len(plain) != len(model):
            return [f"{at}: {plain!r} != {model!r}"]
        return [d for i, (p, m) in enumerate(zip(plain, model)) for d in _differences(p, m, f"{at}[{i}]")]
    if isinstance(model, datetime):  # pydantic's zone is its own class; the instant and the offset must agree
        same = isinstance(plain, datetime) and plain == model and plain.utcoffset() == model.utcoffset() and plain.isoformat() == model.isoformat()
        return [] if same else [f"{at}: {plain!r} != {model!r}"]
    if type(plain) is not type(model) or plain != model:
        return [f"{at}: {plain!r} ({type(plain).__name__}) != {model!r} ({type(model).__name__})"]
    return []


def _both(name: str, data) -> tuple[object, object]:
    return plainspec.read(plainspec.MODELS[name], copy.deepcopy(data)), _pydantic(name, copy.deepcopy(data))


def _data(path: Path):
    return parse(path.read_text(encoding="utf-8"), str(path))[0]


# --- the tables mirror the models -------------------------------------------------------


@pytest.mark.parametrize("name", sorted(plainspec.MODELS))
def test_each_table_has_the_models_fields_in_order_with_its_defaults(name):
    model, table = getattr(spec, name), plainspec.MODELS[name]
    assert list(table.fields) == list(model.model_fields)
    for field, (_, default) in table.fields.items():
        info = model.model_fields[field]
        if info.is_required():
            assert default is plainspec.REQUIRED, field
        elif info.default_factory is not None:
            assert default is plainspec.EMPTY and info.default_factory() == [], field
        else:
            assert info.default is not PydanticUndefined and default == info.default and type(default) is type(info.default), field


def test_every_model_of_the_schema_has_a_table():
    models = {n for n, v in vars(spec).items() if isinstance(v, type) and issubclass(v, BaseModel) and v.__module__ == spec.__name__ and not n.startswith("_")}
    assert models == set(plainspec.MODELS)


# --- the same values on real files -------------------------------------------------------


@pytest.mark.parametrize("path", EVENT_FILES + REGISTRY_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_fact_file_in_the_repository_reads_plainly_as_the_models_read_it(path):
    name = "RegistrySpec" if path.name == "sources.yaml" else "EventSpec"
    plain, model = _both(name, _data(path))
    assert model is not None
    assert plain is not None, "a plainly written valid file left to pydantic: the fast path no longer serves it"
    assert _differences(plain, model) == []


def _without_plain_path(monkeypatch):
    monkeypatch.setattr(plainspec, "read", lambda model, data: None)


@pytest.mark.parametrize("path", EVENT_FILES[::3], ids=lambda p: p.name)
def test_an_event_loads_to_the_same_record_either_way(path, monkeypatch):
    registry = load_registry(next(p / "sources.yaml" for p in path.parents if (p / "sources.yaml").is_file()))
    text = path.read_text(encoding="utf-8")
    fast = event_from_text(text, str(path), registry)
    _without_plain_path(monkeypatch)
    assert event_from_text(text, str(path), registry) == fast


# --- mutated files: what the models refuse, the plain path never accepts ---------------------------

ODD_VALUES = [None, True, False, 0, 1, -5, 0.5, 1e30, float("nan"), "", " ", "x", "yes", "0.5", "1.2B", "about 5", "BTC", "btc",
              "24h", "25 h", "long", "Long", " long", "coinglass", "2026-11-17", "2026-11-17T08:00:00Z", "2026-11-17 08:00:00+08:00",
              "2026-11-17T08:00:00", "--07-24", "2025", 2025, "single_source", "rumor", "unavailable", "about", "over",
              ["over", None], ["about", "about"], ["as_much_as", "approximately"], [1, 2], [2, 1], [], ["a"], {}, {"x": 1}]


def _paths(node, at=()):
    """Every (path, value) inside a document: mapping keys and list items."""
    yield at, node
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, at + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, at + (i,))


def _mutate(doc, rng: random.Random):
    doc = copy.deepcopy(doc)
    places = [(at, v) for at, v in _paths(doc) if at]
    at, _ = rng.choice(places)
    parent = doc
    for step in at[:-1]:
        parent = parent[step]
    key = at[-1]
    how = rng.randrange(4)
    if how == 0 and isinstance(parent, dict):
        del parent[key]  # a required field missing, or an optional one back to its default
    elif how == 1 and isinstance(parent, dict):
        parent[key + "s" if isinstance(key, str) else "extra"] = parent[key]  # a misspelt key
    else:
        parent[key] = copy.deepcopy(rng.choice(ODD_VALUES))
    return doc


@pytest.mark.parametrize("path", EVENT_FILES, ids=lambda p: p.name)
def test_a_mutated_file_is_accepted_plainly_only_when_the_models_accept_it_with_the_same_values(path):
    rng = random.Random(path.name)
    original = _data(path)
    accepted = refused = 0
    for _ in range(120):
        doc = _mutate(original, rng)
        plain, model = _both("EventSpec", doc)
        if model is None:
            refused += 1
            assert plain is None, f"the plain path accepted what the models refuse: {doc!r}"
        elif plain is not None:
            accepted += 1
            assert _differences(plain, model) == [], doc
    assert refused > 20 and accepted > 3  # both sides of the property were exercised


@pytest.mark.parametrize("path", EVENT_FILES[:4], ids=lambda p: p.name)
def test_a_refused_files_problems_are_the_same_with_or_without_the_plain_path(path, monkeypatch):
    registry = load_registry(next(p / "sources.yaml" for p in path.parents if (p / "sources.yaml").is_file()))
    rng = random.Random(f"problems {path.name}")
    original = _data(path)
    texts = [yaml.safe_dump(_mutate(original, rng), sort_keys=False, allow_unicode=True) for _ in range(25)]

    def problems() -> list[str]:
        out = []
        for text in texts:
            try:
                event_from_text(text, "mutated.yaml", registry)
                out.append("ok")
            except InputError as exc:
                out.append(str(exc))
        return out

    fast = problems()
    _without_plain_path(monkeypatch)
    assert problems() == fast
    assert sum(p != "ok" for p in fast) > 5


# --- generated events across the schema's corners ----------------------------------------------


def test_generated_corner_events_read_plainly_as_the_models_read_them():
    from test_draft_any_event import GENERATED_TEXT
    from test_draft_any_event_corners import corner_events

    seen = {"plain": 0}

    @settings(max_examples=60, deadline=None)
    @given(corner_events())
    def check(event):
        data = parse(GENERATED_TEXT[event.id], "generated.yaml")[0]
        plain, model = _both("EventSpec", data)
        assert model is not None
        if plain is not None:
            seen["plain"] += 1
            assert _differences(plain, model) == []

    check()
    assert seen["plain"] > 30  # the generator's valid events mostly take the plain path


# --- times --------------------------------------------------------------------------------

TIMES = [
    "2026-11-17T08:00:00Z", "2026-11-17T08:00:00+08:00", "2026-11-17T08:00:00-05:30", "2026-11-17T23:59:59+14:00",
    "2026-11-17T08:00:00+00:00", "2026-11-17T08:00:00-00:00", "2026-11-17 08:00:00-0530", "2026-11-17t08:00z",
    "2026-11-17T08:00:00.123456+00:00", "2026-11-17T08:00", "2026-11-17T25:00:00Z", "2026-02-30T08:00:00Z",
    "2026-11-17T08:00:00+24:00", "2026-11-17T08:00:60Z", "2026-11-17T08:00:00+08", "2024-02-29T00:00:00Z", "2026-11-17",
    "--07-24T15:00:00Z", "--07-24", "2025-07", "2025", 2025, 20261117, "1700000000", "", "now",
]


@pytest.mark.parametrize("raw", TIMES, ids=str)
def test_a_time_read_plainly_is_the_time_pydantic_reads_or_left_to_it(raw):
    from writer.factbase.timestamps import parse_when

    try:
        model = parse_when(raw)
    except ValueError:
        model = None
    try:
        plain = plainspec.when(raw)
    except Exception:  # noqa: BLE001 - left to the models
        plain = None
    if model is None:
        assert plain is None
    elif plain is not None:
        assert _differences(plain, model) == [] and type(plain) is type(model)
    if isinstance(raw, str) and len(raw) == 25 and raw[10] == "T" and model is not None:
        assert plain is not None  # the form editors write is read plainly
    assert isinstance(model, (datetime, date, type(None))) or hasattr(model, "year")
