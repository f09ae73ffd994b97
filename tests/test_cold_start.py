"""Cold start: what a one-file check and a draft import, and the lazily compiled check against the eager one.

The timings live in bench/ (bench_cold_check.py, bench_draft.py); these tests hold the
structure those figures rest on: a module that does no work on a path is not imported
there, and compiling an expression on first use gives the same answers as compiling
every expression at start.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from writer.check.analysis import CAVEAT_CLASSES
from writer.check.document import read_article, read_article_plain, split_front_matter
from writer.check.frames import Frames
from writer.check.lazyre import Deferred, LazyPatternMap, LazyPatterns, compile_deferred
from writer.check.phrases import MARKER_CLASSES, _alternation, _compile, _filter_of, _first_char_filter, build_phrases, default_phrases

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "factbase" / "events" / "2026-11-17-btc-long-washout-coinank.yaml"
ARTICLES = sorted((ROOT / "tests" / "golden").rglob("*.md")) + sorted((ROOT / "tests" / "fixtures").rglob("*.md"))

# Modules that do no work on the paths below; each costs a noticeable part of a cold start.
NEVER = ("spacy", "writer.publish", "writer.preview", "writer.importers", "multiprocessing")
# A fact-free check reads no fact file and renders no template.
NOT_IN_A_FACT_FREE_CHECK = ("pydantic", "jinja2", "markdown_it", "writer.factbase.loader", "writer.draft", "tomllib")
# Drafts take the shapes markdown-it-pyrs's reader handles, so markdown-it-py is not needed to check them.
# A Markdown draft renders no HTML page (html: its escaping), and a valid file needs no suggestions
# (difflib) nor a failing template's traceback; a plainly written valid fact file is read without
# pydantic (writer/factbase/plainspec.py).
NOT_IN_A_DRAFT = ("markdown_it", "html", "difflib", "traceback", "pydantic")

ARTICLE = """\
# Longs take the hit as bitcoin slides

Traders lost about $412 million to liquidations over 24 hours, according to CoinGlass.
Long positions made up $350 million of that, the data shows.
"""


def imported_by(argv: list[str], tmp_path: Path) -> set[str]:
    """Every module a fresh ``writer ARGV`` process has imported when it exits."""
    code = (
        "import atexit, sys\n"
        "out = sys.argv[1]\n"
        "atexit.register(lambda: print('\\n'.join(sys.modules), file=open(out, 'w')))\n"
        "from writer.cli import main\n"
        "sys.argv = ['writer', *sys.argv[2:]]\n"
        "main()\n"
    )
    out = tmp_path / "modules.txt"
    proc = subprocess.run([sys.executable, "-c", code, str(out), *argv], capture_output=True, text=True, cwd=tmp_path)
    assert "Traceback" not in proc.stderr, proc.stderr
    return set(out.read_text().split())


def loaded(modules: set[str], name: str) -> bool:
    return name in modules or any(m.startswith(name + ".") for m in modules)


def test_a_fact_free_check_imports_no_heavy_module(tmp_path):
    article = tmp_path / "a.md"
    article.write_text(ARTICLE, encoding="utf-8")
    modules = imported_by(["check", str(article)], tmp_path)
    assert "writer.check.checker" in modules  # the check ran
    heavy = [m for m in NEVER + NOT_IN_A_FACT_FREE_CHECK if loaded(modules, m)]
    assert heavy == [], f"a one-file fact-free check now imports {heavy}: import them where they are used (bench/bench_cold_check.py)"


@pytest.mark.parametrize("flags", [[], ["--no-check"]], ids=["checked", "no-check"])
def test_a_draft_imports_no_heavy_module(tmp_path, flags):
    modules = imported_by(["draft", str(EXAMPLE), *flags], tmp_path)
    assert "writer.draft.drafter" in modules
    assert ("writer.check.checker" in modules) == (flags == [])
    heavy = [m for m in NEVER + NOT_IN_A_DRAFT if loaded(modules, m)]
    # markdown-it-py here means the draft took a shape writer/check/document_tree.py leaves to the plain reader.
    assert heavy == [], f"`writer draft` now imports {heavy} (bench/bench_draft.py --cold-only)"


def test_the_heavy_module_test_sees_an_import(tmp_path):
    """A fact file the plain reading leaves to the models (a time written with a space, which pydantic
    reads) is drafted through pydantic: the helper sees it arrive (so an empty list above means something)."""
    event = tmp_path / EXAMPLE.name
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "as_of: 2026-11-17T09:00:00+08:00\n" in text
    event.write_text(text.replace("as_of: 2026-11-17T09:00:00+08:00\n", "as_of: '2026-11-17 09:00:00+08:00'\n", 1), encoding="utf-8")
    (tmp_path / "sources.yaml").write_bytes((EXAMPLE.parent.parent / "sources.yaml").read_bytes())
    modules = imported_by(["draft", str(event), "--no-check"], tmp_path)
    assert loaded(modules, "pydantic") and "writer.draft.drafter" in modules


# --- compiled on first use == compiled at start -------------------------------------------------


def sentences() -> list[str]:
    """Every sentence-sized piece of the golden drafts and check fixtures, plus a few of our own."""
    out = [
        "CoinGlass and CoinAnk differ on the total.",
        "CoinGlass: longs lost $300 million.",
        "Source: CoinAnk. Longs lost $1 billion, said Lee.",
        "The figure comes from on-chain data tracked by Arkham.",
        "In CoinGlass's own data the total was not confirmed.",
        "Bitcoin posted a gain; these figures suggest a squeeze.",
    ]
    for path in ARTICLES:
        _, body = split_front_matter(path.read_text(encoding="utf-8"), str(path))
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n", body) if s.strip()]
    return out


class _Eager(Frames):
    def __init__(self, vocab):
        super().__init__(vocab)
        self.compile_all()


def test_lazy_frames_answer_as_eager_ones():
    vocab = default_phrases()["frames"]
    lazy, eager = Frames(vocab), _Eager(vocab)
    assert eager._pending == {} and lazy._pending  # one compiled everything, the other nothing yet
    texts = sentences()
    assert len(texts) > 200
    for t in texts:
        assert lazy.first(t) == eager.first(t), t
        assert lazy.keyword_ends(t) == eager.keyword_ends(t), t
        assert bool(lazy.differ.search(t)) == bool(eager.differ.search(t)), t
        assert bool(lazy.label.match(t)) == bool(eager.label.match(t)), t
    lazy.compile_all()
    for name in ("_verb", "_left_strong", "_noun_right", "label", "differ"):
        assert getattr(lazy, name).pattern == getattr(eager, name).pattern


def test_a_short_text_leaves_most_frames_uncompiled():
    frames = Frames(default_phrases()["frames"])
    total = len(frames._pending)
    frames.first("Prices were calm.")  # no reporting verb, preposition, data noun or label
    assert "_left_strong" in frames._pending and "differ" in frames._pending
    assert len(frames._pending) > total // 2


def test_lazy_pattern_helpers():
    class Two(LazyPatterns):
        def __init__(self):
            self._lazy("a", r"a+")
            self._lazy("b", lambda: "b" * 2, re.IGNORECASE)

    two = Two()
    assert "a" not in two.__dict__
    assert two.a.match("aaa").group(0) == "aaa" and two.__dict__["a"] is two.a
    assert two.b.flags & re.IGNORECASE and two.b.pattern == "bb"
    with pytest.raises(AttributeError):
        two.c
    built = []
    table = LazyPatternMap(["x", "y"], lambda k: built.append(k) or re.compile(k))
    assert table.get("x").pattern == "x" and table.get("z") is None and built == ["x"]
    assert list(table) == ["x", "y"] and len(table) == 2 and dict(table.items())["y"].pattern == "y"


def test_a_deferred_pattern_compiles_on_first_use_and_hands_its_module_the_pattern():
    namespace: dict = {}
    namespace["_A"] = namespace["_SAME"] = deferred = Deferred(namespace, r"(?P<w>a+)b", re.IGNORECASE)
    held = namespace["_A"]  # a reference taken before the first use (``from m import _A``)
    assert deferred._compiled is None  # nothing compiled yet
    assert held.search("xAAb").group("w") == "AA"
    compiled = re.compile(r"(?P<w>a+)b", re.IGNORECASE)
    assert namespace["_A"] == compiled and namespace["_SAME"] == compiled  # the module's names now hold the pattern
    assert type(namespace["_A"]) is re.Pattern
    assert held.pattern == compiled.pattern and held.flags == compiled.flags and held.groupindex == compiled.groupindex
    assert [m.span() for m in held.finditer("ab aab")] == [m.span() for m in compiled.finditer("ab aab")]
    with pytest.raises(AttributeError):
        held.no_such_method


# The check's modules whose constant expressions are deferred (a draft's sentences never read them).
DEFERRING = ("analysis", "captions", "document", "document_tree", "figures", "frames", "linking", "suppressions")


def _deferred_in(module) -> dict[str, Deferred]:
    return {name: value for name, value in vars(module).items() if isinstance(value, Deferred)}


def test_deferred_check_expressions_give_the_findings_eager_ones_give():
    """The same findings on every golden and fixture article, with the check's deferred expressions
    compiled at start (as before) and left to compile on first use (in a fresh process each)."""
    code = (
        "import importlib, json, sys\n"
        "from pathlib import Path\n"
        "from writer.check.lazyre import compile_deferred\n"
        f"mods = [importlib.import_module('writer.check.' + m) for m in {DEFERRING!r}]\n"
        "if sys.argv[1] == 'eager':\n"
        "    [compile_deferred(vars(m)) for m in mods]\n"
        "from writer.check import Checker\n"
        "checker = Checker(spacy_pipeline=False)\n"
        "out = {p: [(f.code, f.line, f.column, f.message) for f in checker.check_text(Path(p).read_text(encoding='utf-8'), path=p)]\n"
        "       for p in sys.argv[2:]}\n"
        "print(json.dumps(out))\n"
    )
    paths = [str(p) for p in ARTICLES]
    runs = {mode: subprocess.run([sys.executable, "-c", code, mode, *paths], capture_output=True, text=True, cwd=ROOT)
            for mode in ("eager", "deferred")}
    for proc in runs.values():
        assert proc.returncode == 0, proc.stderr
    assert runs["eager"].stdout == runs["deferred"].stdout
    assert '"F0' in runs["eager"].stdout or '"P0' in runs["eager"].stdout  # some article has findings to compare


def test_every_deferred_check_expression_compiles_to_what_re_compile_gives():
    import importlib

    for name in DEFERRING:
        module = importlib.import_module(f"writer.check.{name}")
        for attr, deferred in _deferred_in(module).items():
            assert deferred.compiled() == re.compile(deferred._source, deferred._flags), (name, attr)
        compile_deferred(vars(module))
        assert not _deferred_in(module)


def test_each_phrase_section_read_alone_is_that_section_of_the_whole_file():
    from writer.check.phrasefile import phrase_section

    whole = default_phrases()
    assert len(whole) > 10
    for name, value in whole.items():
        assert phrase_section(name) == value, name
    assert phrase_section("no_such_section") is None


def test_draftings_bound_words_do_not_load_the_check():
    code = ("import sys\n"
            "from writer.draft.layer import _bound_words\n"
            "words = _bound_words()\n"
            "assert 'at least' in words and 'up to' in words, sorted(words)\n"
            "print(sorted(m for m in sys.modules if m.startswith('writer.check')))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "writer.check.phrases'" not in proc.stdout and "writer.check.frames" not in proc.stdout, proc.stdout


def test_marker_finder_answers_as_each_class_and_the_caveat_union():
    """Sentence.has and has_caveat ask the one-scan finder instead of each class's and the union's own search."""
    phrases = build_phrases()
    union = _compile([p for c in sorted(CAVEAT_CLASSES) for p in phrases.raw[c]])
    hits = 0
    for t in sentences():
        found = phrases.marker_finder.found(t)
        for cls in MARKER_CLASSES:
            rx = phrases.markers[cls]
            assert (cls in found) == bool(rx is not None and rx.search(t)), (cls, t)
        assert bool(found & CAVEAT_CLASSES) == bool(union.search(t)), t
        hits += bool(found & CAVEAT_CLASSES)
    assert hits > 50


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_read_article_gives_the_plain_readers_article(path):
    text = path.read_text(encoding="utf-8")
    fast, plain = read_article(text, str(path)), read_article_plain(text, str(path))
    assert (fast.front_matter, fast.blocks) == (plain.front_matter, plain.blocks)


def test_first_character_filters_read_per_pattern_equal_the_alternations():
    """_filter_of (each pattern read once) gives the filter the whole alternation's reading gave."""
    data = default_phrases()
    lists = [data[c] for c in MARKER_CLASSES if data.get(c)]
    lists += [words for table in data["cues"].values() for words in (table.values() if isinstance(table, dict) else [table])]
    every = [p for words in lists for p in words]
    lists += [every] + [[p] for p in every]
    filtered = 0
    for patterns in lists:
        assert _filter_of(patterns) == _first_char_filter(_alternation(patterns)), patterns[:3]
        filtered += _filter_of(patterns) != ""
    assert filtered > len(lists) // 2  # most lists do get a filter


# --- the aware-datetime validator built from pydantic's core schema, against pydantic's TypeAdapter ---

TIMES = [
    "2026-11-17T08:00:00Z", "2026-11-17T08:00:00+08:00", "2026-11-17 08:00:00-0530", "2026-11-17t08:00z",
    "2026-11-17T08:00:00.123456+00:00", "2026-11-17T08:00", "2026-11-17T25:00:00Z", "2026-02-30T08:00:00Z",
    "2026-11-17T08:00:00+24:00", "17/11/2026 08:00 UTC", "", "now", "2026-11-17T08:00:00+08", "1700000000",
]


@pytest.mark.parametrize("text", TIMES)
def test_the_core_aware_validator_answers_as_pydantics_type_adapter(text):
    from pydantic import AwareDatetime, TypeAdapter, ValidationError

    from writer.factbase.timestamps import aware_validator

    def outcome(validate):
        try:
            return ("ok", validate(text))
        except ValidationError as exc:
            return ("error", [(e["type"], e["msg"]) for e in exc.errors(include_url=False)])

    assert outcome(aware_validator().validate_python) == outcome(TypeAdapter(AwareDatetime).validate_python)


def test_parse_when_refuses_a_time_without_zone_and_keeps_a_zoned_one():
    from datetime import timedelta

    from writer.factbase.timestamps import parse_when

    when = parse_when("2026-11-17T08:00:00+08:00")
    assert when.utcoffset() == timedelta(hours=8) and when.hour == 8
    with pytest.raises(ValueError, match="has no time zone"):
        parse_when("2026-11-17T08:00:00")


def _every_phrase_pattern(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [p for v in node.values() for p in _every_phrase_pattern(v)]
    if isinstance(node, list):
        return [p for v in node for p in _every_phrase_pattern(v)]
    return []


def test_lower_pattern_without_capitals_is_the_letter_by_letter_reading():
    """The shortcut for a pattern with no capital (most phrases) answers what reading it letter by letter does."""
    from writer.check.casefold import _lower_letters, lower_pattern

    patterns = _every_phrase_pattern(default_phrases()) + [r"\bA[a-z]", r"[^]A]", r"(?:US)?\$", "x\\", r"[]a]\W"]
    assert len(patterns) > 500
    safe = [p for p in patterns if lower_pattern(p) is not None]
    assert len(safe) > 400
    assert [lower_pattern(p) for p in safe] == [_lower_letters(p) for p in safe]


def _finder_texts() -> list[str]:
    """Sentences of the golden and fixture articles, and strings of phrase words in odd cases."""
    import random

    out = [s for path in ARTICLES for block in path.read_text(encoding="utf-8").split("\n\n")
           for s in re.split(r"(?<=[.!?])\s+", block) if s.strip()]
    words = sorted({w for p in _every_phrase_pattern(default_phrases()) for w in re.findall(r"[A-Za-z][a-z’'-]+", p)})
    rng = random.Random(10)
    for _ in range(400):
        picked = [rng.choice(words) for _ in range(rng.randrange(2, 16))]
        out.append(" ".join(w.upper() if rng.random() < 0.2 else w.capitalize() if rng.random() < 0.2 else w for w in picked))
    return out


def test_a_key_finder_reads_key_by_key_then_by_its_union_with_the_same_keys():
    """The first texts are searched key by key (no union compiled), later ones through the union;
    both give the keys whose own IGNORECASE expression finds a match."""
    texts = _finder_texts()
    assert len(texts) > 1000
    key_by_key, by_union = build_phrases(), build_phrases()
    finders = [(key_by_key.marker_finder, by_union.marker_finder)]
    finders += [(key_by_key.cue_finders[t], by_union.cue_finders[t]) for t in key_by_key.cue_finders]
    found = 0
    for direct, union in finders:
        direct.UNION_FROM, union.UNION_FROM = len(texts) + 1, 0
        own = {k: _compile(direct._table[k]) for k in direct.keys}
        for t in texts:
            expected = {k for k, rx in own.items() if rx.search(t)}
            assert direct.found(t) == expected == union.found(t), t
            found += len(expected)
        assert "_positions_lc" in direct.__dict__["_pending"]  # never compiled on the key-by-key side
    assert found > 1000


def test_a_one_article_check_compiles_no_union():
    from writer.check import Checker

    text = ARTICLES[0].read_text(encoding="utf-8")  # a golden draft
    checker = Checker()
    checker.check_text(text, path="a.md")
    finders = [checker.phrases.marker_finder, *checker.phrases.cue_finders.values()]
    assert any(f._read for f in finders)
    assert all(f._read <= f.UNION_FROM and "_positions_lc" in f.__dict__["_pending"] for f in finders)


def test_a_check_of_prose_with_no_caption_compiles_no_caption_expression():
    """A caption's expressions are compiled when a short block might be a caption, not for every check: a text
    of long paragraphs leaves them uncompiled, and a credit line then compiles the ones it needs. Run in a fresh
    interpreter, since any earlier test in this process may have compiled them."""
    code = """
from writer.check import Checker
from writer.check.captions import caption_words, credit_form
words = caption_words()
fields = ("bare", "titled", "named", "picture", "intro", "pointer", "separated", "credited")
assert all(getattr(words, f)._compiled is None for f in fields), "compiled before any check"
long_prose = " ".join(["Traders lost about $412 million to liquidations over 24 hours, according to CoinGlass."] * 4)
Checker(spacy_pipeline=False).check_text(f"# Longs take the hit\\n\\n{long_prose}\\n", path="a.md")
assert all(getattr(words, f)._compiled is None for f in fields), "compiled by prose with no caption"
assert credit_form("Source: CoinGlass", None) == ("bare", "CoinGlass")
assert words.bare._compiled is not None and words.bare._compiled.pattern == words.bare.pattern
print("ok")
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr


def test_the_fact_models_default_factories_are_python_functions():
    """pydantic reads each default factory's signature when it builds a validator; a builtin's
    (``list``) is parsed from text by Python's tokenizer, a few CPU-ms of every cold draft."""
    import inspect

    from pydantic import BaseModel

    from writer.factbase import spec

    models = [m for m in vars(spec).values() if inspect.isclass(m) and issubclass(m, BaseModel) and m is not BaseModel]
    factories = {(m.__name__, name): f.default_factory for m in models for name, f in m.model_fields.items() if f.default_factory}
    assert len(factories) >= 10
    assert [k for k, f in factories.items() if not inspect.isfunction(f)] == []
    assert all(f() == [] for f in factories.values())


# --- the collector around a short command --------------------------------------------------------


def test_the_console_script_skips_the_collectors_last_pass(monkeypatch):
    import gc
    import tomllib

    from writer import cli

    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)  # run() sets it (the test below)

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["writer"] == "writer.cli:run"
    argv, sys.argv = sys.argv, ["writer", "--version"]
    try:
        with pytest.raises(SystemExit) as exit_:
            cli.run()
        assert exit_.value.code == 0 and gc.get_freeze_count() > 0  # everything alive was set aside
    finally:
        sys.argv = argv
        gc.unfreeze()


@pytest.mark.parametrize("own", [None, "logfire"])
def test_the_console_script_looks_for_no_pydantic_plugin_unless_told(monkeypatch, own):
    from writer import cli

    if own is None:
        monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    else:
        monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", own)
    monkeypatch.setattr(sys, "argv", ["writer", "--version"])
    try:
        with pytest.raises(SystemExit):
            cli.run()
    finally:
        import gc

        gc.unfreeze()
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == (own or "__all__")


def test_a_draft_pauses_the_collector_and_switches_it_back_on(monkeypatch):
    import gc

    from click.testing import CliRunner

    from writer.cli import main
    from writer.draft import Drafter

    seen = []
    real = Drafter.draft
    monkeypatch.setattr(Drafter, "draft", lambda self, *a, **k: seen.append(gc.isenabled()) or real(self, *a, **k))
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    try:
        result = CliRunner().invoke(main, ["draft", str(EXAMPLE), "--no-check"])
        assert result.exit_code == 0, result.output
        assert seen == [False] and gc.isenabled()
        assert gc.get_freeze_count() > frozen  # what the draft built is set aside, not walked on resuming
    finally:
        gc.unfreeze()


class _Node:
    """An object the cyclic collector tracks."""


@pytest.mark.parametrize("freeze", [False, True])
def test_resuming_the_collector_walks_what_the_pause_made_unless_frozen(freeze):
    import gc

    from writer.collector import paused

    walked = []

    def watch(phase, info):
        if phase == "stop":
            walked.append(info["generation"])

    gc.collect()
    frozen = gc.get_freeze_count()
    made = []
    gc.callbacks.append(watch)
    try:
        with paused(freeze=freeze):
            made += [_Node() for _ in range(50_000)]
            assert not gc.isenabled()
        assert gc.isenabled()
        more = [_Node() for _ in range(10)]  # the first allocations after the pause
        if freeze:
            assert gc.get_freeze_count() - frozen >= len(made) and gc.get_count()[0] < 100 and walked == []
        else:
            assert gc.get_freeze_count() == frozen and walked  # a collection over the young objects, at once
        del more
    finally:
        gc.callbacks.remove(watch)
        gc.unfreeze()
