"""A section template renders only the wording it chooses (issue 15).

``['a ' ~ asset_name(f), 'b ' ~ asset_name(f)][pick('slot', 2)]`` evaluates every entry before indexing, so
each alternative's layer calls make tokens (and walk the stack for their template line) that never reach the
page. The bundled templates choose with ``{% if pick('slot', 2) == 0 %}...{% else %}...{% endif %}`` wherever
an alternative prints through the layer. The one exception is ``ours()``: it counts the phrasings it has given
(``Render.phrase`` and ``Render.ours_named`` move the variant counters), so an alternative that calls it is
still rendered, and choosing lazily there would change the wording of later derived figures.
"""

from __future__ import annotations

import jinja2
import pytest
from jinja2 import nodes

from draft_support import ROOT, drafter
from writer.factbase.loader import load_factbase

SECTIONS = sorted((ROOT / "templates" / "sections").glob("*.md.j2"))
# layer functions an unchosen alternative may still call: ours() moves the variant counters (see above)
EAGER_ALLOWED = frozenset({"ours"})


def _layer_names() -> frozenset[str]:
    from writer.draft.layer import Render

    class Named:  # Render.functions reads each name off its instance: here only the names are wanted
        def __getattr__(self, name):
            return None

    return frozenset(Render.functions(Named())) - {"pick", "say", "same", "agree"}


def _eager_sites(source: str) -> list[tuple[int, list[str]]]:
    """(line, layer functions called) of each list-then-index whose entries print through the layer."""
    found = []
    for item in jinja2.Environment(extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"]).parse(source).find_all(nodes.Getitem):
        if not isinstance(item.node, (nodes.List, nodes.Tuple)):
            continue
        called = {c.node.name for entry in item.node.items for c in entry.find_all(nodes.Call) if isinstance(c.node, nodes.Name)}
        printing = sorted(called & _layer_names())
        if printing and not called & EAGER_ALLOWED:
            found.append((item.lineno, printing))
    return found


def test_the_layer_names_are_read():
    assert {"fig", "src", "asset_name", "ours", "window"} <= _layer_names()


def test_an_indexed_list_that_prints_through_the_layer_is_found():
    eager = "{{ ['For ' ~ asset_name(f) ~ '.', 'Then ' ~ fig(f) ~ '.'][pick('x', 2)] }}"
    lazy = "{% if pick('x', 2) == 0 %}For {{ asset_name(f) }}.{% else %}Then {{ fig(f) }}.{% endif %}"
    plain = "{{ ['For all.', 'Then some.'][pick('x', 2)] }}"
    assert _eager_sites(eager) == [(1, ["asset_name", "fig"])]
    assert _eager_sites(lazy) == [] and _eager_sites(plain) == []


@pytest.mark.parametrize("path", SECTIONS, ids=[p.name for p in SECTIONS])
def test_bundled_sections_render_only_the_chosen_alternative(path):
    assert _eager_sites(path.read_text(encoding="utf-8")) == []


def test_every_token_reaches_a_sentence_but_those_of_ours_alternatives(tmp_path, monkeypatch):
    """On generated events: a token made and never printed comes from a line whose alternatives call ours()."""
    import subprocess
    import sys

    import writer.draft.drafter as drafting

    subprocess.run([sys.executable, str(ROOT / "bench" / "make_factbase.py"), "60", str(tmp_path)], check=True, capture_output=True)
    events, problems = load_factbase([tmp_path])
    assert not problems
    unused: set[tuple[str, int]] = set()
    made = 0
    resolve = drafting.resolve

    def spying(sections, spans, render, scope):
        nonlocal made
        out = resolve(sections, spans, render, scope)
        printed = {i for s in out[1] for i in s.spans}
        made += len(spans)
        unused.update((span.template, span.line) for i, span in enumerate(spans) if i not in printed)
        return out

    monkeypatch.setattr(drafting, "resolve", spying)
    d = drafter()
    for event in events:
        d.draft(event)
    assert made > 0
    lines = {p.name: p.read_text(encoding="utf-8").splitlines() for p in SECTIONS}
    for template, line in sorted(unused):
        assert "ours(" in lines[template.removeprefix("sections/")][line - 1], f"{template}:{line} makes a token it never prints"
