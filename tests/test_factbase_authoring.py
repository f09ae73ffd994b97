"""Authoring an editor can do alone (issue 9 item 2) and fact-file findings of issue 8 (items 3 and 7).

Every problem in one run, located (never 0:0), in writer's own voice, with a
suggestion; `writer facts new`; the JSON Schema editors complete against.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from writer.cli import main
from writer.errors import InputError
from writer.factbase.loader import event_from_text, load_event, load_registry
from writer.factbase.schema import event_schema

ROOT = Path(__file__).resolve().parent.parent
BROKEN = ROOT / "tests" / "broken"
REGISTRY = load_registry(BROKEN / "sources.yaml")
KINDS = ROOT / "factbase" / "kinds" / "2026-11-24-every-kind.yaml"

THREE = """\
id: three-problems
as_of: 2026-11-17T09:00:00+08:00
windows: [24h]
facts:
  - id: total_24h
    metric: liquidation
    unit: USD
    window: 24h
    observations:
      - source: CoinGlass
        value: 1.4B
  - id: long_24h
    metric: liquidations
    unit: USD
    sied: long
    observations:
      - source: coinank
        value: 1.2B
"""


def run(*args: str, **kw):
    return CliRunner().invoke(main, list(args), **kw)


def validate_text(tmp_path: Path, text: str, name: str = "case.yaml"):
    shutil.copy(BROKEN / "sources.yaml", tmp_path / "sources.yaml")
    (tmp_path / name).write_text(text, encoding="utf-8")
    return run("facts", "validate", str(tmp_path / name))


def problems(text: str) -> list:
    with pytest.raises(InputError) as info:
        event_from_text(text, "case.yaml", REGISTRY)
    return info.value.problems


# --- every problem in one run, each located with a suggestion ---------------------------


def test_misspelt_metric_key_and_source_are_reported_together(tmp_path):
    result = validate_text(tmp_path, THREE)
    assert result.exit_code == 2 and "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert lines[-1] == "3 problems found"
    path = str(tmp_path / "case.yaml")
    assert lines[0].startswith(f"{path}:6:5: facts[0].metric: unknown metric 'liquidation' (did you mean 'liquidations'?)")
    assert lines[1] == f"{path}:10:9: facts[0].observations[0].source: unknown source 'CoinGlass': not in sources.yaml (did you mean 'coinglass'?)"
    assert lines[2] == f"{path}:15:5: facts[1].sied: unknown key 'sied' (did you mean 'side'?)"


def test_schema_problems_and_cross_checks_come_together():
    dup = "  - id: dup\n    metric: liquidations\n    unit: USD\n    observations:\n      - source: coinank\n        value: 1M\n"
    text = THREE.replace("as_of: 2026-11-17T09:00:00+08:00", "as_of: 2026-11-17T09:00:00") + dup + dup
    found = problems(text)
    fields = [p.field for p in found]
    assert "as_of" in fields  # a top-level schema problem ...
    assert "facts[3].id" in fields  # ... does not hide the duplicate id found by the cross-checks
    assert "facts[0].observations[0].source" in fields


@pytest.mark.parametrize("word, field, hint", [("dollars", "unit", "USD"), ("usd", "unit", "USD"), ("confirmed", "status", "multi_source"),
                                               ("lon", "side", "long"), ("abuot", "hedge", "about")])
def test_misspelt_words_get_a_suggestion_in_writers_voice(word, field, hint):
    body = {"unit": f"    unit: {word}\n", "status": f"    unit: USD\n    status: {word}\n", "side": f"    unit: USD\n    side: {word}\n", "hedge": "    unit: USD\n"}[field]
    hedge = f"        hedge: {word}\n" if field == "hedge" else ""
    text = f"id: case\nas_of: 2026-11-17T09:00:00+08:00\nfacts:\n  - id: t\n    metric: liquidations\n{body}    observations:\n      - source: coinglass\n        value: 1M\n{hedge}"
    found = problems(text)
    assert f"(did you mean {hint!r}?)" in found[0].message
    assert "Input should" not in found[0].message


def test_a_source_written_by_its_alias_points_to_its_id():
    text = "id: case\nas_of: 2026-11-17T09:00:00+08:00\nfacts:\n  - id: t\n    metric: market_cap\n    unit: USD\n    observations:\n      - source: CMC\n        value: 1T\n"
    assert "(did you mean 'coinmarketcap'?)" in problems(text)[0].message


def test_type_errors_speak_writers_voice():
    text = "id: case\nas_of: 2026-11-17T09:00:00+08:00\nfacts: {a: 1}\n"
    message = problems(text)[0].message
    assert message.startswith("expected a list") and "Input should" not in message


@pytest.mark.parametrize("text", ["", "# only a comment\n", "- a\n- b\n", "id: [\n"])
def test_file_level_problems_are_never_at_0_0(text):
    found = problems(text) if text.strip() and not text.startswith("#") else None
    if found is None:
        with pytest.raises(InputError) as info:
            event_from_text(text, "case.yaml", REGISTRY)
        found = info.value.problems
    assert all(p.line >= 1 and p.column >= 1 for p in found)


# --- paths that are not fact files (issue 8 item 3) ------------------------------------------


@pytest.fixture
def odd_paths(tmp_path):
    shutil.copy(BROKEN / "sources.yaml", tmp_path / "sources.yaml")
    (tmp_path / "loop-a.yaml").symlink_to(tmp_path / "loop-b.yaml")
    (tmp_path / "loop-b.yaml").symlink_to(tmp_path / "loop-a.yaml")
    (tmp_path / "folder.yaml").mkdir()
    os.mkfifo(tmp_path / "pipe.yaml")
    return tmp_path


@pytest.mark.parametrize("name, phrase", [("loop-a.yaml", "symbolic link loop"), ("missing.yaml", "no such file"),
                                          ("folder.yaml", "is a folder"), ("pipe.yaml", "named pipe (FIFO)")])
def test_facts_paths_that_are_not_files_say_what_they_are(odd_paths, name, phrase):
    path = odd_paths / name
    with pytest.raises(InputError) as info:
        load_event(path)
    assert phrase in info.value.problems[0].message and "sources.yaml" not in info.value.problems[0].message
    assert (info.value.problems[0].line, info.value.problems[0].column) == (1, 1)
    (odd_paths / "a.md").write_text("Liquidations reached $1 million.\n", encoding="utf-8")
    result = run("check", str(odd_paths / "a.md"), "--facts", str(path))
    assert result.exit_code == 2 and "Traceback" not in result.output and phrase in result.stderr


# --- bad values that used to pass or crash (issue 8 items 3 and 7) ----------------------------

HEAD = "id: case\nas_of: 2026-11-17T09:00:00+08:00\nperiod:\n  start: 2026-11-16T09:00:00+08:00\n  end: 2026-11-17T09:00:00+08:00\nfacts:\n"


def one_fact(value: str, *, window: str = "24h") -> str:
    return HEAD + f"  - id: t\n    metric: liquidations\n    unit: USD\n    window: {window}\n    observations:\n      - source: coinglass\n        value: {value}\n"


@pytest.mark.parametrize("digits", [310, 400, 4300, 5000])
def test_integers_of_hundreds_or_thousands_of_digits_are_refused_with_a_location(digits):
    found = problems(one_fact("9" * digits))
    assert found[0].field == "facts[0].observations[0].value" and found[0].line == 13
    assert "too large" in found[0].message


@pytest.mark.parametrize("value", ["1e40", "1.0e+40", '"1e40"', "10000000000000000"])
def test_values_beyond_any_market_are_refused_before_drafting(value):
    found = problems(one_fact(value))
    assert found[0].field == "facts[0].observations[0].value"
    assert "too large" in found[0].message or "cannot read" in found[0].message


def test_a_window_of_endless_digits_is_refused():
    found = problems(one_fact("1M", window="9" * 400 + "h"))
    assert found[0].field == "facts[0].window" and "a window is a number" in found[0].message


def test_an_integer_as_of_is_not_read_as_unix_time():
    found = problems(HEAD.replace("as_of: 2026-11-17T09:00:00+08:00", "as_of: 20261117") + one_fact("1M")[len(HEAD):])
    assert found[0].field == "as_of" and "a number, not a time" in found[0].message


def test_an_event_as_of_outside_its_period_is_refused():
    text = HEAD.replace("as_of: 2026-11-17T09:00:00+08:00", "as_of: 2026-11-19T09:00:00+08:00") + one_fact("1M")[len(HEAD):]
    found = problems(text)
    assert found[0].field == "as_of" and "outside the event period" in found[0].message


@pytest.mark.parametrize("event_id", ["index", "feed", "manifest", "con", "nul"])
def test_ids_batch_refuses_are_refused_by_validate(event_id):
    found = problems(one_fact("1M").replace("id: case", f"id: {event_id}", 1))
    assert found[0].field == "id" and "reserved" in found[0].message


@pytest.mark.parametrize("escape, code", [("\\x01", "U+0001"), ("\\e", "U+001B"), ("\\N", "U+0085"), ("\\x7f", "U+007F")])
def test_control_characters_in_fact_file_text_are_refused_where_they_are(escape, code):
    text = one_fact("1M").replace("  - id: t\n", f'  - id: t\n    label: "BTC{escape} liquidations"\n')
    found = problems(text)
    assert found[0].field == "facts[0].label" and found[0].line == 8 and code in found[0].message


def test_a_negative_liquidation_is_refused_in_every_spelling():
    for value in ("-80580000", "-80.58M"):
        found = problems(one_fact(value))
        assert found[0].field == "facts[0].observations[0].value" and found[0].line == 13 and "cannot be negative" in found[0].message, value


# --- writer facts new --------------------------------------------------------------------------


def test_facts_new_writes_a_commented_skeleton_and_never_overwrites(tmp_path, monkeypatch):
    events = tmp_path / "factbase" / "events"
    events.mkdir(parents=True)
    shutil.copy(ROOT / "factbase" / "sources.yaml", tmp_path / "factbase" / "sources.yaml")
    monkeypatch.chdir(tmp_path)
    if True:
        result = run("facts", "new", "2026-12-01-flush")
        assert result.exit_code == 0, result.output
        path = events / "2026-12-01-flush.yaml"
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=../event.schema.json\n")
        assert json.loads((tmp_path / "factbase" / "event.schema.json").read_text()) == json.loads(json.dumps(event_schema()))
        again = run("facts", "new", "2026-12-01-flush")
        assert again.exit_code == 2 and "already exists" in again.stderr
        assert path.read_text(encoding="utf-8") == text  # untouched
        # The skeleton is refused until filled in, with located messages.
        check = run("facts", "validate", str(path))
        assert check.exit_code == 2 and ":0:0" not in check.stderr and "is empty: fill" in check.stderr


def test_facts_new_from_an_event_keeps_its_shape_and_comments_and_empties_values(tmp_path):
    (tmp_path / "events").mkdir()
    shutil.copy(ROOT / "factbase" / "sources.yaml", tmp_path / "sources.yaml")
    source = ROOT / "factbase" / "events" / "2026-11-20-disputed-totals.yaml"
    result = run("facts", "new", "2026-12-02-next", "--from", str(source), "--dir", str(tmp_path / "events"))
    assert result.exit_code == 0, result.output
    text = (tmp_path / "events" / "2026-12-02-next.yaml").read_text(encoding="utf-8")
    assert "id: 2026-12-02-next" in text and "# --- the disputed total" in text
    assert "190M" not in text and "status: disputed" not in text and "metric: largest_single_liquidation" in text


def test_facts_new_refuses_a_reserved_id(tmp_path):
    result = run("facts", "new", "index", "--dir", str(tmp_path))
    assert result.exit_code == 2 and "not a usable event id" in result.stderr and not list(tmp_path.iterdir())


# --- the JSON Schema ------------------------------------------------------------------------------


def test_the_json_schema_enumerates_the_vocabulary_and_enforces_times():
    schema = event_schema()
    fact = schema["$defs"]["FactSpec"]["properties"]
    assert "liquidations" in fact["metric"]["enum"] and "dominance" in fact["metric"]["enum"]
    validator = jsonschema.Draft202012Validator(schema)
    good = {"id": "x", "as_of": "2026-11-17T09:00:00+08:00", "facts": [{"id": "t", "metric": "liquidations", "unit": "USD",
                                                                       "observations": [{"source": "coinglass", "value": 1}]}]}
    assert not list(validator.iter_errors(good))
    for path, bad in [(("as_of",), "2026-11-17T09:00:00"), (("as_of",), "20261117"), (("facts", 0, "metric"), "liquidation"),
                      (("facts", 0, "unit"), "dollars"), (("facts", 0, "side"), "lon")]:
        doc = json.loads(json.dumps(good))
        target = doc
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = bad
        assert list(validator.iter_errors(doc)), path


def test_the_json_schema_allows_a_quote_only_the_statuses_validation_allows():
    from writer.factbase.spec import QUOTE_STATUSES

    validator = jsonschema.Draft202012Validator(event_schema())

    def with_quote_status(status):
        return {"id": "x", "as_of": "2026-11-17T09:00:00+08:00",
                "quotes": [{"id": "q", "speaker": "a trader", "words": "too much leverage", "status": status}]}

    for status in QUOTE_STATUSES:
        assert not list(validator.iter_errors(with_quote_status(status.value))), status
    for refused in ("estimate", "disputed", "multi_source", "unavailable"):
        assert list(validator.iter_errors(with_quote_status(refused))), refused
        with pytest.raises(InputError):
            event_from_text(f"id: x\nas_of: 2026-11-17T09:00:00+08:00\nquotes:\n  - {{id: q, speaker: a trader, words: too much leverage, status: {refused}}}\n",
                            "x.yaml", REGISTRY)


def test_the_committed_schema_file_is_current():
    committed = json.loads((ROOT / "factbase" / "event.schema.json").read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(event_schema())), "run: writer facts schema > factbase/event.schema.json"


def test_every_example_validates_against_the_json_schema():
    from writer.factbase.yamlsource import parse

    validator = jsonschema.Draft202012Validator(event_schema())
    for path in sorted((ROOT / "factbase").rglob("*.yaml")):
        if path.name == "sources.yaml":
            continue
        data, _ = parse(path.read_text(encoding="utf-8"), path)  # timestamps stay text, as an editor's server sees them
        errors = [e.message for e in validator.iter_errors(data)]
        assert not errors, (path.name, errors[:3])


# --- writer facts show -------------------------------------------------------------------------


def test_show_lists_every_qualifier_including_subject_and_the_new_kinds():
    table = run("facts", "show", str(KINDS))
    assert table.exit_code == 0, table.output
    out = table.stdout
    for piece in ("subject: U.S. spot bitcoin ETFs", "over 200,000 .. as much as 230,000", "several million", "BTC+ETH",
                  "revised 1x", '"the vast majority"', "average close to 170,000,000", "(paraphrase)", "caveat   platforms_differ", "unnamed_group"):
        assert piece in out, piece
    data = json.loads(run("facts", "show", str(KINDS), "--format", "json").stdout)
    facts = {f["id"]: f for f in data["facts"]}
    assert facts["etf_outflow"]["subject"] == "U.S. spot bitcoin ETFs" and facts["etf_outflow"]["change"] == "outflow"
    assert facts["accounts_24h"]["hedge"] == ["over", "as_much_as"]
    assert facts["binance_24h"]["observations"][0]["revisions"][0]["value"] == 58.9e6
