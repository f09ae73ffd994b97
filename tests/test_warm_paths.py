"""A batch worker's warm paths (loading a fact file, drafting it) give what the plain code gives.

Each shortcut taken for a warm worker's CPU (bench/results/draft_facts.md measures what it saves)
is compared here with the plain computation it replaces, on the example and corpus events.
"""

from __future__ import annotations

import inspect
import shutil

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from draft_support import CORPUS, EVENTS, ROOT
from writer.draft import Drafter
from writer.draft import layer
from writer.errors import InputError
from writer.factbase.loader import load_event


def _plain_where(self) -> tuple[str, int]:
    """Render._where without its cache: the compiled template's frame, its line read from the frame."""
    frame = inspect.currentframe().f_back.f_back
    while frame is not None:
        tmpl = self.templates.get(frame.f_code.co_filename)
        if tmpl is not None:
            return tmpl.name or "", tmpl.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back
    return "", 0


@pytest.mark.parametrize("path", EVENTS + CORPUS, ids=[p.stem for p in EVENTS + CORPUS])
def test_template_lines_are_those_the_frames_give(path, monkeypatch):
    """The claim map's template and line of every figure, found through the cache by call offset, are the plain look-up's."""
    drafter = Drafter(run_check=False)
    event = load_event(path)
    fast = drafter.draft(event)
    monkeypatch.setattr(layer.Render, "_where", _plain_where)
    plain = drafter.draft(event)
    assert fast.to_json() == plain.to_json() and fast.markdown == plain.markdown
    assert all(f["template_line"] > 0 for f in fast.claims["figures"])


def test_an_edited_template_reports_its_new_lines(tmp_path):
    """A template edited while writer runs (a preview server) is compiled anew; its figures' lines are the new file's."""
    sections = tmp_path / "sections"
    sections.mkdir()
    source = ROOT / "templates" / "sections" / "figures.md.j2"
    shutil.copy(source, sections / "figures.md.j2")
    event = load_event(EVENTS[0])

    def lines() -> list[int]:
        draft = Drafter(tmp_path, run_check=False).draft(event)
        return [f["template_line"] for f in draft.claims["figures"] if f["template"] == "sections/figures.md.j2"]

    before = lines()
    assert before
    (sections / "figures.md.j2").write_text("{# one #}\n{# two #}\n{# three #}\n" + source.read_text(encoding="utf-8"), encoding="utf-8")
    assert lines() == [n + 3 for n in before]


# --- Markdown escaping kept per text --------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab_*[]<>`\\&#;.)1 2\n\t@")), max_size=30))
def test_kept_escapes_are_the_escapes(text):
    from writer.mdtext import md_escape

    for _ in range(2):  # the second answer comes from the cache
        assert md_escape(text) == md_escape.__wrapped__(text)
    assert md_escape("2024. A year") == "2024\\. A year" and md_escape("R&amp;D *x*") == "R&amp;amp;D \\*x\\*"


# --- the self-check, end to end ----------------------------------------------------------------------


@pytest.mark.parametrize("line, words", [("The desk saw ( ) nothing.", "empty parentheses"), ("Traders said so, according to.", "dangling"),
                                         ("It was None of that.", "'None'"), ("It rose 5 times.", "outside the provenance layer")])
def test_the_self_check_still_refuses_debris_a_template_writes(tmp_path, line, words):
    from writer.errors import DraftError

    sections = tmp_path / "sections"
    sections.mkdir()
    source = ROOT / "templates" / "sections" / "figures.md.j2"
    (sections / "figures.md.j2").write_text(source.read_text(encoding="utf-8") + f"\n\n{line}\n", encoding="utf-8")
    with pytest.raises(DraftError, match=words) as caught:
        Drafter(tmp_path, run_check=False).draft(load_event(EVENTS[0]))
    assert "figures.md.j2" in str(caught.value)


# --- fact files: whole numbers read without PyYAML's constructor dispatch -------------------------------


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.integers(min_value=0, max_value=10**15).map(str),
                 st.text(alphabet=st.sampled_from(list("0123456789_+-xob:")), min_size=1, max_size=12)))
@example("0x_")  # PyYAML resolves it as an int and then fails to construct it: a ValueError, not a YAMLError
def test_whole_numbers_read_as_pyyaml_reads_them(text):
    import yaml

    from writer.factbase.yamlsource import parse

    try:
        plain = yaml.safe_load(f"value: {text}\n")["value"]
    except yaml.YAMLError:
        return
    except ValueError:  # PyYAML's own constructor fails on what its resolver took for a number ("0x_"): a located problem here
        with pytest.raises(InputError, match=r"is not a number YAML can read"):
            parse(f"value: {text}\n", "x.yaml")
        return
    data, positions = parse(f"value: {text}\n", "x.yaml")
    assert data["value"] == plain and type(data["value"]) is type(plain)
    assert positions[("value",)] == (1, 1)


# --- writer's own templates: plain functions called without Context.call's marker look-ups ---------------


def _drafts_of(paths) -> list[tuple[str, str, str]]:
    drafter = Drafter(run_check=False)
    return [(d.markdown, d.to_json(), d.html) for d in (drafter.draft(load_event(p)) for p in paths)]


def test_drafts_with_the_plain_call_context_are_jinjas(monkeypatch):
    import jinja2.runtime

    from writer.draft import drafter as drafter_module

    assert drafter_module._Bundled.context_class is not jinja2.runtime.Context
    fast = _drafts_of(EVENTS + CORPUS)
    monkeypatch.setattr(drafter_module._Bundled, "context_class", jinja2.runtime.Context)
    assert _drafts_of(EVENTS + CORPUS) == fast


def test_the_plain_call_context_calls_as_jinja_does(monkeypatch):
    """Marked functions still get their context, environment or eval context; keyword arguments, methods,
    classes, builtins and a StopIteration behave as under Jinja2's own Context.call."""
    import jinja2

    class Obj:
        def m(self, x, *, y="m"):
            return f"{x}{y}"

        @jinja2.pass_environment
        def marked_method(self, env, x):
            return f"{x}:{type(env).__name__}"

    @jinja2.pass_context
    def with_context(ctx, x):
        return f"{x}:{ctx['who']}"

    @jinja2.pass_eval_context
    def with_eval(ev, x):
        return f"{x}:{ev.autoescape}"

    def plain(x, y="d"):
        return f"{x}{y}"

    def stop():
        raise StopIteration

    source = ("{{ with_context(1) }} {{ with_eval(2) }} {{ plain(3) }} {{ plain(4, y='k') }} {{ obj.m(5, y='z') }} "
              "{{ obj.marked_method(6) }} {{ dict(a=7)['a'] }} {{ range(3)|list }} {{ stop() is undefined }} "
              "{% macro mac(a) %}<{{ a }}>{% endmacro %}{{ mac(8) }} {% for i in [1] %}{{ plain(i) }}{% endfor %}")
    names = dict(who="w", with_context=with_context, with_eval=with_eval, plain=plain, obj=Obj(), stop=stop)
    bundled = Drafter(run_check=False).env
    got = bundled.from_string(source).render(**names)
    monkeypatch.setattr(type(bundled), "context_class", jinja2.runtime.Context)
    assert got == bundled.from_string(source).render(**names)
    assert got == "1:w 2:False 3d 4k 5z 6:_Bundled 7 [0, 1, 2] True <8> 1d"


def test_the_reading_rule_kept_per_type_answers_as_the_rule():
    """Attribute reads answered from the per-(type, name) table refuse and allow as the rule does, each time:
    two reference classes declaring different names, private names, code objects and str.format."""
    import jinja2

    from writer.draft import drafter as drafter_module
    from writer.draft.view import Ref

    class One(Ref):
        PUBLIC = frozenset({"shown"})

        def __init__(self):
            self.shown, self.hidden, self._secret = "a", "b", "s"

    class Two(Ref):
        PUBLIC = frozenset({"hidden"})

        def __init__(self):
            self.shown, self.hidden = "c", "d"

    env = Drafter(run_check=False).env
    names = dict(one=One(), two=Two(), text="x{0}", f=lambda: 1, ns={"k": "v"})
    allowed = ["{{ one.shown }}", "{{ two.hidden }}", "{{ ns.k }}", "{{ text.upper() }}"]
    refused = ["{{ one.hidden }}", "{{ two.shown }}", "{{ one._secret }}", "{{ text.format(1) }}", "{{ f.__globals__ }}", "{{ ns.__class__ }}"]
    for _ in range(2):  # the second time from the table
        assert [env.from_string(s).render(**names) for s in allowed] == ["a", "d", "v", "X{0}"]
        for source in refused:
            with pytest.raises(jinja2.exceptions.SecurityError):
                env.from_string(source).render(**names)
    for (kind, name), allowed_here in drafter_module._ALLOWED.items():
        if issubclass(kind, Ref):
            assert allowed_here == (name in kind.PUBLIC)
    for path in EVENTS + CORPUS[:3]:  # no reference handed to templates carries a PUBLIC of its own
        Drafter(run_check=False).draft(load_event(path))
    import gc

    assert not [o for o in gc.get_objects() if isinstance(o, Ref) and "PUBLIC" in vars(o)]


def test_wording_checks_passed_in_a_draft_are_skipped_only_for_the_same_reading(monkeypatch):
    """A figure whose kind, status, sources, scope and sentence match one already checked is not checked again;
    any other (here: the same sentence, a source it does not name; a banned word) is, and fails as before."""
    from dataclasses import replace

    from writer.draft.selfcheck import SelfCheck
    from writer.errors import DraftError

    calls = []
    real = SelfCheck.wording
    monkeypatch.setattr(SelfCheck, "wording", lambda self, *a: (calls.append((self, *a[:4])), real(self, *a))[1])
    Drafter(run_check=False).draft(load_event(EVENTS[1]))
    monkeypatch.setattr(SelfCheck, "wording", real)
    check, event, span, scope, ours = next(c for c in calls if c[2].fact.status.value == "single_source")
    passed: set = set()
    check.wording(event, span, scope, ours, passed)
    assert len(passed) == 1
    check.wording(event, span, scope, ours, passed)  # the same reading: skipped, nothing new kept
    assert len(passed) == 1
    unnamed = next(s for s in event.registry.sources if event.source_name(s) not in scope)
    other = replace(span, fact=replace(span.fact, sources=(unnamed,)))
    with pytest.raises(DraftError, match="is not named"):
        check.wording(event, other, scope, ours, passed)
    with pytest.raises(DraftError, match="is banned"):
        check.wording(event, span, scope, ours + " It was confirmed.", passed)


def test_drafts_in_a_shared_context_are_template_renders(monkeypatch, tmp_path):
    """The sections of a draft share one mapping of names: the drafts, and a failing template's message and line
    (the traceback rewritten as Template.render rewrites it), are those of each section rendered on its own."""
    from writer.errors import DraftError

    shared = _drafts_of(EVENTS + CORPUS)
    section = tmp_path / "sections"
    section.mkdir()
    (section / "figures.md.j2").write_text("## Heading\n\n{% set x = 1 %}Some text.\n\n{{ fig(ev.main.total) }} {{ ev.main.total._fact }}\n")

    def failure():
        with pytest.raises(DraftError) as err:
            Drafter(tmp_path, run_check=False).draft(load_event(EVENTS[1]))
        return str(err.value), err.value.line

    shared_failure = failure()
    from writer.draft import drafter as drafter_module

    monkeypatch.setattr(drafter_module.Drafter, "_render_shared", lambda self, tmpl, names: tmpl.render(names))
    assert _drafts_of(EVENTS + CORPUS) == shared
    assert failure() == shared_failure and shared_failure[1] == 5


# --- sentences: blocks and lines at their offsets, not found again ---------------------------------------


def _plain_split_sentences(section, block_base):
    """assemble.split_sentences as it was: each block and line found again in the text with str.find."""
    import re

    from writer.check.sentences import sentence_bounds
    from writer.draft.assemble import _BULLET, _TOKEN_START, Sentence
    from writer.draft.layer import TOKEN_RE

    out = []
    text = section.text
    pos = 0
    block = block_base
    for raw_block in re.split(r"\n\s*\n", text):
        start_block = text.find(raw_block, pos)
        pos = start_block + len(raw_block)
        offset = start_block
        for line in raw_block.split("\n"):
            lstart = text.find(line, offset)
            offset = lstart + len(line)
            m = _BULLET.match(line)
            if line.startswith("#"):
                body_start = lstart + len(line) - len(line.lstrip("# "))
            else:
                body_start = lstart + (m.end() if m else 0)
            body = text[body_start:lstart + len(line)]
            if not body.strip():
                continue
            if m and line.startswith(("- ", "* ")) and not line.startswith("-  "):
                block += 1
            bounds = [(0, len(body))] if line.startswith("#") else sentence_bounds(body, starts=_TOKEN_START)
            for a, b in bounds:
                s = Sentence(section.name, body_start + a, body_start + b, block)
                s.spans = [ord(t.group(1)) - 0xE100 for t in TOKEN_RE.finditer(body, a, b)]
                out.append(s)
        block += 1
    return out


def _section_texts() -> list[str]:
    """The tokenised section texts of every example and corpus draft."""
    from writer.draft import assemble

    texts: list[str] = []
    real = assemble.split_sentences

    def capture(section, block_base):
        texts.append(section.text)
        return real(section, block_base)

    assemble.split_sentences = capture
    try:
        drafter = Drafter(run_check=False)
        for path in EVENTS + CORPUS:
            drafter.draft(load_event(path))
    finally:
        assemble.split_sentences = real
    return texts


def test_sentences_of_every_draft_are_the_plain_splits():
    from writer.draft.assemble import Section, split_sentences

    texts = _section_texts()
    assert len(texts) > 100
    for text in texts:
        section = Section("s", "t.md.j2", text)
        assert split_sentences(section, 3) == _plain_split_sentences(section, 3)


SECTION_PIECES = ["## Heading", "# Title", "- ", "* ", "-  ", "- **Label** ", "\n", "\n\n", "\n  \n", " \n\t\n", "  ", "\t",
                  "Prices fell.", " It rose. ", "About 5.", "U.S. desks", "\ue000\ue100\ue001", "\ue000\ue101\ue001.", " A", "?", "\"Quote.\" "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SECTION_PIECES), max_size=14))
def test_sentences_of_any_text_are_the_plain_splits(pieces):
    from writer.draft.assemble import Section, split_sentences

    section = Section("s", "t.md.j2", "".join(pieces))
    assert split_sentences(section, 0) == _plain_split_sentences(section, 0)


# --- fact files: a scalar built first, its position written once ------------------------------------------


def _plain_build(node, at, positions, problems, path, reader, seen_anchors):
    """yamlsource._build as it was: every node's position set by setdefault, collections tested first."""
    import yaml

    from writer.factbase import yamlsource as ys

    positions.setdefault(at, (node.start_mark.line + 1, node.start_mark.column + 1))
    if node in seen_anchors:
        problems.append(ys._p(path, node, at, "YAML aliases (*name) are not allowed in fact files"))
        return None
    if isinstance(node, yaml.MappingNode):
        if node.tag != "tag:yaml.org,2002:map":
            problems.append(ys._p(path, node, at, f"YAML tag {node.tag!r} is not allowed"))
        seen_anchors.add(node)
        out: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(ys._p(path, key_node, at, "mapping keys must be plain words"))
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(ys._p(path, key_node, at, "YAML merge keys (<<) are not allowed in fact files"))
                continue
            key = key_node.value
            if key in out:
                problems.append(ys._p(path, key_node, at + (key,), f"duplicate key {key!r} (first at line {positions[at + (key,)][0]})"))
                continue
            key_at = at + (key,)
            positions[key_at] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = _plain_build(value_node, key_at, positions, problems, path, reader, seen_anchors)
        return out
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            problems.append(ys._p(path, node, at, f"YAML tag {node.tag!r} is not allowed"))
        seen_anchors.add(node)
        return [_plain_build(item, at + (i,), positions, problems, path, reader, seen_anchors) for i, item in enumerate(node.value)]
    if node.tag not in ys._PLAIN_TAGS:
        problems.append(ys._p(path, node, at, f"YAML tag {node.tag!r} is not allowed: fact files hold plain values only"))
        return None
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value
    if node.tag == "tag:yaml.org,2002:str":
        bad = ys.CONTROL_RE.search(node.value)
        if bad is not None:
            problems.append(ys._p(path, node, at, f"control character U+{ord(bad.group()):04X} in text: fact files hold printable text only "
                                                  "(remove it or write the character it stands for)"))
            return None
        return node.value
    if node.tag == "tag:yaml.org,2002:int":
        if len(node.value) > ys.MAX_INT_CHARS:
            problems.append(ys._p(path, node, at, f"a number of {len(node.value):,} characters is too large for a figure"))
            return None
        if ys._PLAIN_DECIMAL.fullmatch(node.value):
            return int(node.value)
    return reader.construct_object(node)


def _parsed(text: str):
    from writer.errors import InputError
    from writer.factbase.yamlsource import parse

    try:
        value, positions = parse(text, "f.yaml")
        return repr(value), sorted(positions.items(), key=repr)
    except InputError as exc:
        return [str(p) for p in exc.problems]


YAML_TEXTS = [p.read_bytes().decode("utf-8", errors="replace") for p in sorted(ROOT.glob("factbase/**/*.yaml")) + sorted(ROOT.glob("tests/**/*.yaml"))]
YAML_EXTRA = ["a: !!python/name:os.system x\n", "a: [1, !!binary aGk=, '\x07']\n", "? [a]\n: 1\n", "a: 1\na: 2\n", "<<: {a: 1}\n",
              "- " + "9" * 50 + "\n- 0x1F\n- 1_0\n- 2026-01-01\n- ~\n- .nan\n", "!!set {a: 1}\n", "a: !custom {b: [c, !!str 1]}\n",
              # control characters a double-quoted escape makes from clean text (the builder's per-file test must not pass them)
              'a: "bell\\a"\n', 'a: "x\\x07y"\n', 'a: "line\\Nnext"\n', 'a: ["\\u0085", "\\e"]\n', "a: back\\slash\nb: c\n", "a: 'raw\x0b'\n"]


def test_fact_files_build_as_the_plain_builder(monkeypatch):
    """Values, positions and problems of every fact file, fixture and corner text: the same through either builder."""
    from writer.factbase import yamlsource

    texts = YAML_TEXTS + YAML_EXTRA
    assert len(texts) > 80
    fast = [_parsed(t) for t in texts]
    monkeypatch.setattr(yamlsource, "_build", _plain_build)
    assert [_parsed(t) for t in texts] == fast
    assert any(isinstance(f, list) for f in fast[-len(YAML_EXTRA):])  # the corner texts are refused, with messages
    assert sum("control character" in "".join(f) for f in fast if isinstance(f, list)) >= 5  # escaped ones too


# --- the article page's <head>: rendered once for the bundled templates -------------------------------------------------


def _page_kw(event_id: str, status: str) -> dict:
    body = (f'<h1>Longs lose {event_id}</h1>\n<p>Longs lost <span class="figure" data-fact="t" data-status="{status}" data-sources="a" '
            f'title="A">$5 million</span>, A said.</p>')
    return dict(event_id=event_id, headline=f"Longs lose {event_id}", body_html=body, description="D", published="2026-12-01T09:00:00+00:00",
                modified="2026-12-02T09:00:00+00:00", sources=[{"name": "A & B", "identifier": "a"}])


def test_article_pages_with_the_kept_head_are_the_includes_pages(tmp_path):
    """The bundled article template prints ``head`` (kept per site: ``SitePages._article_head``); the same pages come from the
    plain version, an editor's copy that includes site/head.html.j2 in every page (run in the sandbox)."""
    from writer.publish.pages import SitePages
    from writer.publish.settings import SiteSettings

    site = tmp_path / "templates" / "site"
    shutil.copytree(ROOT / "templates" / "site", site)
    article = site / "article.html.j2"
    text = article.read_text(encoding="utf-8")
    assert "{{ head -}}\n" in text
    article.write_text(text.replace("{{ head -}}\n", '{% include "site/head.html.j2" %}\n'), encoding="utf-8")
    settings = SiteSettings(title="Desk <one>", base_url="https://example.org/news/")
    kept, plain = SitePages(settings), SitePages(settings, [tmp_path / "templates"])
    assert plain.sandboxed and not kept.sandboxed
    pages = [kept.article(**_page_kw(f"e-{i}", status)) for i, status in enumerate(("single_source", "disputed", "estimate", "single_source"))]
    assert pages == [plain.article(**_page_kw(f"e-{i}", status)) for i, status in enumerate(("single_source", "disputed", "estimate", "single_source"))]
    assert len(kept._heads) == 1 and len(set(pages)) == 4


def test_an_editors_head_is_rendered_for_each_page(tmp_path):
    """An editor's head may read the page's own names: it is never kept from one page to the next."""
    from writer.publish.pages import SitePages
    from writer.publish.settings import SiteSettings

    site = tmp_path / "templates" / "site"
    shutil.copytree(ROOT / "templates" / "site", site)
    head = site / "head.html.j2"
    head.write_text(head.read_text(encoding="utf-8") + '<meta name="story" content="{{ article.id }}">\n', encoding="utf-8")
    pages = SitePages(SiteSettings(), [tmp_path / "templates"])
    for event_id in ("e-1", "e-2"):
        assert f'<meta name="story" content="{event_id}">\n<title>' in pages.article(**_page_kw(event_id, "single_source"))
