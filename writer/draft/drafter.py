"""Drafter: one event in, one checked article out (Markdown, HTML, claim map).

A Drafter compiles the templates and loads the style once, so a batch worker
drafts thousands of events with one. Templates come from the user's
``--templates`` folder first and the bundled set second (a pelican-style
theme override): an editor can replace one section without copying the rest.
"""

from __future__ import annotations

import json
import re
import types
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import yaml
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from writer import __version__
from writer.bytecode import bytecode_cache
from writer.draft.assemble import Section, expand_html, expand_markdown, resolve
from writer.draft.layer import Render, Span
from writer.draft.selfcheck import SelfCheck
from writer.draft.window_names import tell_twin_windows
from writer.draft.style import load_style
from writer.draft.view import Ref, TemplateMisuse, build_view
from writer.errors import DraftError, single_problem
from writer.factbase.records import Event
# Which files make the templates, and their digest, live apart (no Jinja2): a batch hashes them on every run.
from writer.templatefiles import default_templates_dir, template_dirs, templates_digest  # noqa: F401
from writer.yamlload import safe_load

STYLE_FILE, LAYOUTS_FILE, SECTIONS_FILE, PAGE_FILE = "style.yaml", "layouts.yaml", "sections.yaml", "page.html.j2"


def _readable(obj, name: str) -> bool:
    """The rule that keeps numbers out of templates: on a reference only its declared flags are
    readable; no name starting with "_" anywhere, and nothing of a function, class, frame or generator
    (a function's ``__self__`` or a generator's ``gi_frame`` leads back to the facts)."""
    if isinstance(obj, Ref):
        return name in obj.PUBLIC
    return not (name.startswith("_") or isinstance(obj, _CODE_TYPES))


# Objects whose attributes reach code and its variables (Jinja2's sandbox guards the same kinds).
_CODE_TYPES = (types.FunctionType, types.MethodType, types.BuiltinFunctionType, type, types.CodeType, types.FrameType,
               types.TracebackType, types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType)


def _refused(env: jinja2.Environment, obj, name: str) -> jinja2.Undefined:
    return env.undefined(f"access to attribute {name!r} of {type(obj).__name__!r} object is unsafe.", name=name, obj=obj, exc=SecurityError)


class _Sandbox(SandboxedEnvironment):
    """For an editor's templates (``--templates``): the sandbox, narrowed by the same rule as writer's own."""

    def is_safe_attribute(self, obj, attr, value):
        return _readable(obj, attr) and super().is_safe_attribute(obj, attr, value)


class _PlainCallContext(jinja2.runtime.Context):
    """Jinja2's context, calling a plain Python function or bound method (the layer's functions) without
    asking it twice for a ``jinja_pass_arg`` marker: ``Context.call`` looks the marker up on the callee and
    on its ``__call__`` (two failed attribute look-ups on each of about 130 calls a draft; drafting 1.031x
    fewer instructions without them, bench/results/draft_facts.md). A function's marker
    (``jinja2.pass_context`` and its kin) lives in its ``__dict__``, and a ``__call__`` method-wrapper never
    holds one, so the answer is the same; any other callee (a macro, a builtin, a class, a marked function)
    goes through ``Context.call``. tests/test_warm_paths.py holds drafts to the plain context's."""

    @jinja2.utils.internalcode
    def call(__self, __obj, *args, **kwargs):  # noqa: N805 (Jinja2's own signature: a template may pass "self")
        func = __obj.__func__ if type(__obj) is types.MethodType else __obj
        if type(func) is not types.FunctionType or "jinja_pass_arg" in func.__dict__:
            return super().call(__obj, *args, **kwargs)
        kwargs.pop("_block_vars", None)
        kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.environment.undefined("value was undefined because a callable raised a StopIteration exception")


class _Bundled(jinja2.Environment):
    """For writer's own templates: no sandbox (its checks on every attribute read and call cost about
    8% of drafting, bench/bench_draft_paths.py; the bundled templates are writer's code), but the same rule on what a template
    may read (``_readable``), applied to every attribute and item it reads as the sandbox applies it. A
    string's ``format`` and ``format_map`` are refused too: a format string's fields (``{0._fact}``) would
    read attributes past this rule.
    tests/test_draft_fast_paths.py drafts every example and corpus event both ways and compares the bytes."""

    context_class = _PlainCallContext

    def getattr(self, obj, attribute: str):
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            try:
                return obj[attribute]
            except (TypeError, LookupError):
                return self.undefined(obj=obj, name=attribute)
        key = (type(obj), attribute)
        allowed = _ALLOWED.get(key)
        if allowed is None:
            allowed = _readable(obj, attribute) and not (attribute in _FORMAT_METHODS and isinstance(obj, str))
            if len(_ALLOWED) < _MAX_ALLOWED:
                _ALLOWED[key] = allowed
        if allowed:
            return value
        return _refused(self, obj, attribute)

    def getitem(self, obj, argument):
        try:
            return obj[argument]
        except (TypeError, LookupError):
            if isinstance(argument, str):
                return self.getattr(obj, argument)
        return self.undefined(obj=obj, name=argument)


_FORMAT_METHODS = frozenset({"format", "format_map"})


def _release(context: jinja2.runtime.Context) -> None:
    """Empty a rendered section's context, which nothing reads after its render. A template's macro is kept in
    its context's names and holds that context (a cycle): left alone, it keeps the draft's references, spans
    and pieces (about 900 objects a draft) for the garbage collector to find and walk, where reference counting
    frees them as soon as the draft is done with (bench/results/batch_gc.md)."""
    context.vars.clear()
    context.exported_vars.clear()

# The reading rule's answer per (type, attribute): it depends on the object's type alone (a reference's PUBLIC
# is its class's, isinstance tests are of the type), and the rule's tests cost about three times a dict look-up
# on the ~380 attribute reads of a draft. tests/test_warm_paths.py holds the kept answers to the rule. Bounded:
# the bundled templates read a few hundred names.
_ALLOWED: dict[tuple[type, str], bool] = {}
_MAX_ALLOWED = 4096


@dataclass
class Draft:
    event_id: str
    title: str
    markdown: str
    claims: dict
    skipped: list[tuple[str, str]] = field(default_factory=list)
    render_html: object = field(default=None, repr=False, compare=False)
    _html: str | None = field(default=None, repr=False, compare=False)
    render_body: object = field(default=None, repr=False, compare=False)
    _body: str | None = field(default=None, repr=False, compare=False)

    @property
    def html(self) -> str:
        """The standalone HTML page, rendered on first use (a third of drafting time; many callers need only Markdown)."""
        if self._html is None:
            self._html = self.render_html(self.body_html)
        return self._html

    @property
    def body_html(self) -> str:
        """The article's HTML alone (what goes inside a page's <article>), for pages built around it (batch publishing)."""
        if self._body is None:
            self._body = self.render_body()
        return self._body

    def to_json(self) -> str:
        return json.dumps(self.claims, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


class Drafter:
    def __init__(self, templates_dir: Path | str | None = None, *, checker=None, run_check: bool = True, sandboxed: bool | None = None):
        """``checker``: a ``writer.check.Checker`` to reuse; without one, a Checker is built on the
        first draft (spaCy is imported then, not before). ``run_check=False`` leaves only the
        draft's own self-check (for callers that run the check themselves, like batch workers).
        ``sandboxed``: run the templates in Jinja2's sandbox; by default only when an editor's
        ``templates_dir`` is given (writer's own templates run without it, under the same rule)."""
        self.dirs = template_dirs(templates_dir)
        self.sandboxed = bool(templates_dir) if sandboxed is None else sandboxed
        self.style = load_style(self._find(STYLE_FILE))
        self.layouts = self._yaml(LAYOUTS_FILE)
        self.section_specs = self._yaml(SECTIONS_FILE)
        cache = bytecode_cache(self.sandboxed)
        env_class = _Sandbox if self.sandboxed else _Bundled
        self.env = env_class(
            loader=jinja2.FileSystemLoader([str(d) for d in self.dirs]),
            bytecode_cache=cache,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            autoescape=False,
        )
        self.page_env = env_class(loader=jinja2.FileSystemLoader([str(d) for d in self.dirs]), bytecode_cache=cache,
                                 undefined=jinja2.StrictUndefined, autoescape=True)
        self.templates: dict[str, jinja2.Template] = {}
        self.by_filename: dict[str, jinja2.Template] = {}
        self.sources: dict[str, str] = {}
        for name, spec in self.section_specs.items():
            tname = spec["template"]
            try:
                tmpl = self.env.get_template(tname)
            except jinja2.TemplateSyntaxError as exc:
                raise single_problem(exc.filename or tname, f"template syntax error: {exc.message}", line=exc.lineno or 0) from None
            except jinja2.TemplateNotFound:
                raise single_problem(self._find(SECTIONS_FILE), f"section {name!r}: template {tname!r} not found", field=name) from None
            self.templates[name] = tmpl
            self.by_filename[tmpl.filename] = tmpl
            self.sources[tname] = Path(tmpl.filename).read_text(encoding="utf-8")
        for shape, order in self.layouts.items():
            unknown = [s for s in order if s not in self.section_specs]
            if unknown:
                raise single_problem(self._find(LAYOUTS_FILE), f"layout {shape!r} names unknown section(s): {', '.join(unknown)}", field=shape)
        # The globals every section template sees: the environment's (get_template is given none of its own).
        self.globals = dict(self.env.make_globals(None))
        self.page = self.page_env.get_template(PAGE_FILE)
        self.templates_digest = self._digest()
        self.selfcheck = SelfCheck(self.style, self.sources)
        self._checker = checker
        self._run_check = run_check

    # -- set-up -----------------------------------------------------------------------

    def _find(self, name: str) -> Path:
        for d in self.dirs:
            if (d / name).is_file():
                return d / name
        raise single_problem(self.dirs[0] / name, f"{name} not found in the templates folder(s)")

    def _yaml(self, name: str) -> dict:
        path = self._find(name)
        try:
            data = safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise single_problem(path, f"cannot read YAML: {exc}") from None
        if not isinstance(data, dict):
            raise single_problem(path, "expected a mapping")
        return data

    def _digest(self) -> str:
        return templates_digest(self.dirs)

    @property
    def checker(self):
        if self._checker is None and self._run_check:
            from writer.check import Checker

            # The component without spaCy's Language around it: the same findings,
            # without spaCy's import (longer than a draft's whole cold-start budget).
            self._checker = Checker(spacy_pipeline=False)
        return self._checker

    # -- drafting ------------------------------------------------------------------------

    def _needs(self, view, spec: dict) -> str | None:
        """None when the section can be written, else the reason it is skipped."""
        def truthy(path: str) -> bool:
            obj = view
            for part in path.split("."):
                obj = getattr(obj, part)
            return bool(obj)
        for path in spec.get("needs", []):
            if not truthy(path):
                return spec.get("reason", f"no {path}")
        any_of = spec.get("needs_any", [])
        if any_of and not any(truthy(p) for p in any_of):
            return spec.get("reason", "none of " + ", ".join(any_of))
        return None

    def _render_shared(self, tmpl: jinja2.Template, names: dict) -> str:
        """``tmpl.render(names)`` in a context over ``names`` itself: what every section's template sees (the
        globals, ``ev`` and ``render.functions()``), made once per draft (Jinja2's ``new_context(shared=True)``;
        ``Template.render`` copies the ~40 names twice for each section). A render never writes to it (a
        template's own ``set`` goes to its context's ``vars``). tests/test_warm_paths.py holds it to ``render``."""
        context = tmpl.new_context(names, shared=True)
        try:
            return self.env.concat(tmpl.root_render_func(context))
        except Exception:
            self.env.handle_exception()  # as Template.render: the traceback rewritten to the template's lines
        finally:
            _release(context)

    def _render(self, name: str, render: Render, names: dict) -> str:
        """One section's template rendered (``names``: see _render_shared)."""
        tmpl = self.templates[name]
        render.section = name
        try:
            return self._render_shared(tmpl, names)
        except (TemplateMisuse, jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError) as exc:
            import traceback  # only a failing template needs it

            line = 0
            for frame, lineno in traceback.walk_tb(exc.__traceback__):
                if frame.f_code.co_filename == tmpl.filename:
                    line = lineno
            message = exc.message if isinstance(exc, jinja2.TemplateError) and exc.message else str(exc)
            if isinstance(exc, jinja2.UndefinedError) and "Ref object" in message:
                message += " (templates see no numbers: print figures with fig(), words about them with what()/window()/src())"
            if isinstance(exc, SecurityError):
                message = f"unsafe access in a template: {message}"
            raise DraftError(message, template=tmpl.name, line=line, event=render.event.id) from None

    def draft(self, event: Event, *, facts_path: str | None = None) -> Draft:
        view = build_view(event, self.style.thresholds)
        layout = self.layouts.get(view.shape) or self.layouts[next(iter(self.layouts))]
        spans: list[Span] = []
        render = Render(event, self.style, spans, {}, self.by_filename)
        names = dict(self.globals, ev=view, **render.functions())  # as Template.render builds it, once per draft
        sections: list[Section] = []
        skipped: list[tuple[str, str]] = []
        folded: set[str] = set()
        for name in layout:
            spec = self.section_specs[name]
            reason = self._needs(view, spec)
            if reason:
                skipped.append((name, reason))
                continue
            text = _tidy(self._render(name, render, names))
            body = "\n".join(line for line in text.split("\n") if not line.startswith("#"))
            if not body.strip():
                if spec.get("required"):
                    raise DraftError("required section rendered empty", template=spec["template"], event=event.id)
                skipped.append((name, spec.get("empty_reason", "nothing to say for this event")))
                continue
            if name == "headline":
                text = "# " + " ".join(text.split())
            elif _folds(spec, sections, self.section_specs, body, folded):
                text = body.strip("\n")  # one sentence under a heading of its own: a paragraph of the section before
                folded.add(name)
            sections.append(Section(name, spec["template"], text))

        tell_twin_windows(sections, render, view.twin_windows)  # beside the figures, once every section is written
        resolved, sentences = resolve(sections, spans, render, self.style.scope)
        self.selfcheck.run(event, sections, spans, resolved, sentences)

        facts_value = facts_path if facts_path is not None else event.path
        front = (
            "---\n"
            f"event: {event.id}\n"
            f"facts: {json.dumps(facts_value, ensure_ascii=False)}\n"
            f"writer: {__version__}\n"
            f"templates: {self.templates_digest}\n"
            "---\n\n"
        )
        doc, bases = _join(sections)
        expanded = expand_markdown(doc, resolved, base=len(front))
        markdown = front + expanded.text + "\n"
        headline_section = next((s for s in sections if s.name == "headline"), None)
        title = ""
        if headline_section is not None:
            hb = bases["headline"]
            start = expanded.map(hb + 2)
            title = _unescape_md(markdown[start:expanded.map(hb + len(headline_section.text))])

        def render_body() -> str:
            from writer.markdown_html import render as markdown_to_html

            return expand_html(markdown_to_html(doc), resolved, spans, render.src_names)

        def render_html(body_html: str) -> str:  # given the body, not the draft: a closure over the draft would be a cycle
            page = self.page.render(title=title, body=jinja2.utils.markupsafe.Markup(body_html), event=event.id,
                                    writer_version=__version__, templates=self.templates_digest, lang="en")
            return page if page.endswith("\n") else page + "\n"

        claims = self._claims(view.shape, event, markdown, expanded, sections, bases, sentences, spans, resolved, skipped, title, facts_value)
        draft = Draft(event.id, title, markdown, claims, skipped, render_html, render_body=render_body)
        if self._run_check and self.checker is not None:
            self._round_trip(draft, event, spans, expanded, sections, bases)
        return draft

    def _round_trip(self, draft: Draft, event: Event, spans, expanded, sections, bases) -> None:
        findings = self.checker.check_text(draft.markdown, path=f"<draft of {event.id}>", event=event)
        if not findings:
            return
        first = findings[0]
        lines = draft.markdown.split("\n")
        offset = sum(len(x) + 1 for x in lines[: first.line - 1]) + max(first.column - 1, 0)
        template, line = "", 0
        for idx, (a, b) in expanded.span_ranges.items():
            if a <= offset < b or (a <= offset <= b and spans[idx].kind == "fig"):
                template, line = spans[idx].template, spans[idx].line
                break
        if not template:
            for sec in sections:
                start = expanded.map(bases[sec.name])
                end = expanded.map(bases[sec.name] + len(sec.text))
                if start <= offset <= end:
                    template = sec.template
                    break
        more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
        raise DraftError(
            f"the provenance check rejects the draft: {first.code} {first.message} at line {first.line}, column {first.column}{more}",
            template=template, line=line, event=event.id,
        )

    @staticmethod
    def _covering_lead(idx, span, sentences, sent_index, spans, expanded, markdown) -> str | None:
        """The lead-in that attributes this figure in its sentence, when it has no caveat of its own."""
        i = sent_index.get(idx)
        return None if i is None else Drafter._lead_text(sentences[i], span, spans, expanded, markdown)

    @staticmethod
    def _lead_text(sentence, span, spans, expanded, markdown) -> str | None:
        """The text of the lead-in in ``sentence`` that names this figure's fact, if any."""
        for j in sentence.spans:
            if spans[j].kind == "lead" and span.keys[0] in spans[j].keys and j in expanded.span_ranges:
                a, b = expanded.span_ranges[j]
                return markdown[a:b].strip().rstrip(",")
        return None

    @staticmethod
    def _run_attribution(idx, span, sentences, spans, expanded, markdown, resolved) -> str | None:
        """For a figure covered by its run's opening: the lead-in or caveat that opens the run."""
        opening = resolved.run_from.get(idx)
        if opening is None:
            return None
        lead = Drafter._lead_text(sentences[opening], span, spans, expanded, markdown)
        if lead is not None:
            return lead
        for j in sentences[opening].spans:
            if spans[j].kind == "fig" and spans[j].keys == span.keys and j in expanded.caveat_ranges:
                return _strip_parens(markdown[slice(*expanded.caveat_ranges[j])])
        return None

    def _claims(self, shape, event, markdown, expanded, sections, bases, sentences, spans, resolved, skipped, title, facts_value) -> dict:
        sent_index: dict[int, int] = {}
        sent_out = []
        for i, s in enumerate(sentences):
            base = bases[s.section]
            a, b = expanded.map(base + s.start), expanded.map(base + s.end)
            for idx in s.spans:
                sent_index[idx] = i
            sent_out.append({"section": s.section, "start": a, "end": b, "text": markdown[a:b], "figures": s.spans})
        figures = []
        number: dict[int, int] = {}
        starts = _line_starts(markdown)
        for idx, span in enumerate(spans):
            if span.kind != "fig" or idx not in expanded.figure_ranges:
                continue
            a, b = expanded.figure_ranges[idx]
            cav = expanded.caveat_ranges.get(idx)
            number[idx] = len(figures)
            line = bisect_right(starts, a)  # the lines starting at or before the figure
            figures.append({
                "fact": span.fact.id,
                "status": span.status,
                "sources": list(span.sources),
                "source_names": [event.source_name(s) for s in span.sources],
                "derived_from": list(span.fact.derived_from),
                "role": span.pieces[0].role,
                "text": markdown[a:b],
                "start": a,
                "end": b,
                "line": line,
                "column": a - starts[line - 1] + 1,
                "caveat": _strip_parens(markdown[cav[0]:cav[1]]) if cav else None,
                "attribution": self._covering_lead(idx, span, sentences, sent_index, spans, expanded, markdown)
                or (_strip_parens(markdown[slice(*expanded.caveat_ranges[resolved.carrier[idx]])]) if idx in resolved.carrier else None)
                or self._run_attribution(idx, span, sentences, spans, expanded, markdown, resolved),
                "run_opening": resolved.run_from.get(idx),
                "section": span.section,
                "sentence": sent_index.get(idx),
                "template": span.template,
                "template_line": span.line,
            })
        for s in sent_out:  # its figures by their number in the claim map (``number`` holds figures only)
            s["figures"] = [number[i] for i in s["figures"] if i in number]
        sec_out = []
        for sec in sections:
            a, b = expanded.map(bases[sec.name]), expanded.map(bases[sec.name] + len(sec.text))
            heading = next((ln.lstrip("# ").strip() for ln in markdown[a:b].split("\n") if ln.startswith("#")), "")
            sec_out.append({"id": sec.name, "heading": heading, "template": sec.template, "start": a, "end": b})
        printed = {f["fact"] for f in figures} | {spans[i].fact.id for i in range(len(spans)) if spans[i].kind == "gap"}
        return {
            "event": event.id,
            "title": title,
            "facts": facts_value,
            "writer": __version__,
            "templates": self.templates_digest,
            "shape": shape,
            "offsets": "characters of the Markdown output, front matter included",
            "sections": sec_out,
            "skipped": [{"section": n, "reason": r} for n, r in skipped],
            "sentences": sent_out,
            "figures": figures,
            "unprinted_facts": sorted(f for f in event.all_facts() if f not in printed),
        }


def _line_starts(text: str) -> list[int]:
    """The offset at which each line of ``text`` starts."""
    starts = [0]
    end = text.find("\n")
    while end >= 0:
        starts.append(end + 1)
        end = text.find("\n", end + 1)
    return starts


# The end of a sentence in a section's rendered text (figures are still tokens there, so no decimal point ends one).
_SENTENCE_END = re.compile(r"[.!?][”’\")]*(?=\s|$)")


def _folds(spec: dict, sections: list, specs: dict, body: str, folded: set) -> bool:
    """A section of one sentence whose spec says ``fold`` goes under the heading of the section before it, when that
    one says ``holds_folded`` (a heading general enough for any figure: "How big the liquidations were") and prints
    its heading, or was itself folded under such a heading (sections.yaml): a heading over a single sentence is not
    how a desk lays out a story, and an asset's figure under "The biggest individual losses" is not either."""
    if not spec.get("fold") or not sections:
        return False
    before = sections[-1]
    if not (before.name in folded or (specs.get(before.name, {}).get("holds_folded") and before.text.lstrip().startswith("#"))):
        return False
    text = body.strip()
    return "\n\n" not in text and len(_SENTENCE_END.findall(text)) == 1


def _tidy(text: str) -> str:
    """Normalise template whitespace: one line per paragraph, heading or bullet; bullets of one list
    together; one blank line between every other pair of blocks."""
    logical: list[str] = []
    for raw in text.replace("\r", "").split("\n\n"):
        first = True
        for line in raw.split("\n"):
            stripped = " ".join(line.split())
            if not stripped:
                continue
            if stripped.startswith(("#", "- ", "---")) or first:
                logical.append(stripped)
            else:
                logical[-1] += " " + stripped
            first = False
        logical.append("")
    out: list[str] = []
    for line in (x for x in logical if x):
        if out and not (line.startswith("- ") and out[-1].startswith("- ")):
            out.append("")
        out.append(line)
    return "\n".join(out)


def _join(sections: list[Section]) -> tuple[str, dict[str, int]]:
    bases, parts, pos = {}, [], 0
    for sec in sections:
        bases[sec.name] = pos
        parts.append(sec.text)
        pos += len(sec.text) + 2
    return "\n\n".join(parts), bases


def _strip_parens(text: str) -> str:
    return text.strip().removeprefix("(").removesuffix(")")


def _unescape_md(text: str) -> str:
    return re.sub(r"\\([\\`*_\[\]{}()<>#+!|~.])", r"\1", text)


__all__ = ["Drafter", "Draft", "default_templates_dir"]
