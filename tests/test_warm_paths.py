"""A batch worker's warm paths (loading a fact file, drafting it) give what the plain code gives.

Each shortcut taken for a warm worker's CPU (bench/results/draft_facts.md measures what it saves)
is compared here with the plain computation it replaces, on the example and corpus events.
"""

from __future__ import annotations

import inspect
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from draft_support import CORPUS, EVENTS, ROOT
from writer.draft import Drafter
from writer.draft import layer
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
def test_whole_numbers_read_as_pyyaml_reads_them(text):
    import yaml

    from writer.factbase.yamlsource import parse

    try:
        plain = yaml.safe_load(f"value: {text}\n")["value"]
    except yaml.YAMLError:
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
