"""bench/exercises.py, the table of writer's fact-free readings and the corpus blocks of our own wording that exercise
them (bench/bench_check.py puts them in its generated corpus, so the textlint port's agreement measures each): writer
gives each block the findings its row says, and a reading writer gains (a phrases.yaml section or key, a function of
the fact-free rules or of captions.py, a method of analysis.Analysis) fails here until the table has a row for it, the
port reads it and the agreement is measured again. No node here: the port's side is the bench's."""

import inspect
import random
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import exercises  # noqa: E402  (bench/exercises.py)

from writer.check import Checker, analysis, captions  # noqa: E402
from writer.check.phrasefile import phrase_section  # noqa: E402
from writer.check.rules import f001_no_attribution as f001, f002_unmarked_claim as f002  # noqa: E402

KEYED_SECTIONS = ("frames", "captions", "carry")  # sections whose every key is a reading of its own


def writer_names() -> set[str]:
    """Every name of writer's check the table must account for."""
    text = (ROOT / "writer" / "check" / "phrases.yaml").read_text(encoding="utf-8")
    names = set()
    for section in re.findall(r"^([a-z_]+):", text, re.MULTILINE):
        names.add(f"phrases.yaml {section}")
        if section in KEYED_SECTIONS:
            names |= {f"phrases.yaml {section}: {key}" for key in phrase_section(section)}
    for prefix, module in (("f001", f001), ("f002", f002), ("captions", captions)):
        names |= {f"{prefix}.{n}" for n, o in vars(module).items() if inspect.isfunction(o) and o.__module__ == module.__name__}
    names |= {f"analysis.Analysis.{n}" for n, o in vars(analysis.Analysis).items()
              if not n.startswith("__") and (inspect.isfunction(o) or isinstance(o, property))}
    return names


def test_every_reading_of_writer_has_a_corpus_block():
    missing = sorted(writer_names() - exercises.named() - set(exercises.NOT_READINGS))
    assert not missing, ("writer reads these with no row in bench/exercises.py, so no sentence of bench_check.py's corpus "
                         f"exercises them and the textlint port may lack them unseen: add a row, port it, rerun the bench: {missing}")


def test_the_table_names_only_what_writer_has():
    checked = ("phrases.yaml ", "f001.", "f002.", "captions.", "analysis.Analysis.")
    stale = sorted(n for n in exercises.named() | set(exercises.NOT_READINGS) if n.startswith(checked) and n not in writer_names())
    assert not stale, f"bench/exercises.py names what writer no longer has: {stale}"


@pytest.fixture(scope="module")
def checker():
    return Checker()


@pytest.mark.parametrize("row", exercises.ROWS, ids=lambda r: r.reading)
def test_writer_gives_each_block_its_rows_findings(checker, row):
    text = "\n".join(exercises.block(row, random.Random(1))) + "\n"
    found = Counter(f.code for f in checker.check_text(text, path="exercise.md"))
    assert dict(found) == row.expect, text


def test_every_switch_is_one_the_port_has():
    port = (ROOT / "bench" / "textlint" / "lib" / "grammar.js").read_text(encoding="utf-8")
    sys.path.insert(0, str(ROOT / "bench" / "textlint"))
    import grammar  # bench/textlint/grammar.py: the later readings' switches

    known = set(re.findall(r'"([a-z_]+)"', port)) | set(grammar.later_switches())
    assert {r.switch for r in exercises.ROWS if r.switch} <= known


def test_the_generated_corpus_holds_every_row_several_times():
    seen = Counter()
    for i in range(200):  # bench_check.py's articles for the agreement bench/results/textlint.md reports
        text = "\n".join(exercises.exercise_sections(20261118, i, ["Heading"]))
        seen.update(r.reading for r in exercises.ROWS if r.lines[0].split("{")[0] and r.lines[0].split("{")[0] in text)
    assert set(seen) == {r.reading for r in exercises.ROWS if r.lines[0].split("{")[0]}
    assert min(seen.values()) >= 5
