"""The README is a user's guide that stays true: generated references and the tour's real output are current."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def _generator():
    spec = importlib.util.spec_from_file_location("docs_generate", ROOT / "docs" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _generator()
HINT = "out of date: run `python docs/generate.py` and review the diff"


def test_the_two_first_commands_stay_first():
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"^    (python3 -m venv .*)$", text, flags=re.MULTILINE)
    assert blocks[0].endswith("writer facts validate factbase/ && writer draft factbase/events/2026-11-17-btc-long-washout-coinank.yaml")
    assert blocks[1].endswith("pip install -c constraints.txt -e '.[test]' && pytest")
    assert text.index(blocks[1]) < text.index("## A five-minute tour") < text.index("## Commands")


def test_rules_reference_matches_the_rule_docs():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == GEN.rules_reference(), HINT


def test_rules_reference_has_every_rule_and_its_sections():
    from writer.check.rules import RULES

    text = GEN.rules_reference()
    for code, rule in RULES.items():
        entry = text.split(f"\n## {code} {rule.name}\n", 1)[1].split("\n## ", 1)[0]
        for heading in ("### What it does", "### Why it matters", "### Example", "### Use instead"):
            assert heading in entry, (code, heading)


def test_fact_file_reference_matches_the_schema():
    assert (ROOT / "docs" / "fact-file.md").read_text(encoding="utf-8") == GEN.fact_file_reference(), HINT


def test_fact_file_reference_names_every_schema_field():
    from writer.factbase.schema import event_schema

    schema = event_schema()
    text = GEN.fact_file_reference()
    for name in schema["properties"]:
        assert f"| `{name}` |" in text
    for spec in schema["$defs"].values():
        for name in spec.get("properties", {}):
            assert f"| `{name}` |" in text


def test_tour_output_is_what_the_commands_print_now():
    """Runs every command of the tour in a fresh copy of factbase/ and compares (timings masked)."""
    readme = README.read_text(encoding="utf-8")
    fresh = GEN.run_tour(readme)
    assert GEN._mask(fresh) == GEN._mask(readme), HINT
    tour = readme.split("<!-- tour:start -->", 1)[1].split("<!-- tour:end -->", 1)[0]
    commands = [line[2:].split()[0] for line in tour.split("\n") if line.startswith("$ ")]
    shown = {line[2:].split()[1] for line in tour.split("\n") if line.startswith("$ writer ")}
    assert {"facts", "draft", "check", "preview", "batch"} <= shown and "writer" in commands
    assert "$ writer facts new " in tour  # the tour starts an event as an editor would


def test_tour_masking_only_hides_timings():
    assert GEN._mask("wrote index.html in 29.20 s") == "wrote index.html in N.NN s"
    assert GEN._mask("$1.45 billion") == "$1.45 billion"


def test_shell_completion_is_documented():
    text = README.read_text(encoding="utf-8")
    assert "_WRITER_COMPLETE=bash_source writer" in text and "_WRITER_COMPLETE=zsh_source writer" in text


def test_documented_completion_command_works():
    import os
    import subprocess
    import sys

    env = {**os.environ, "_WRITER_COMPLETE": "bash_source"}
    r = subprocess.run([str(Path(sys.executable).parent / "writer")], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "_writer_completion()" in r.stdout


def test_tour_masking_hides_the_templates_hash_only_in_front_matter():
    assert GEN._mask("---\ntemplates: 6586ae39d5a223cf\n---") == "---\ntemplates: HASH\n---"
    assert GEN._mask("the templates: 6586ae39d5a223cf") == "the templates: 6586ae39d5a223cf"
