"""The Checker: read an article, find its figures, link them, run the rules.

One Checker is reused across thousands of texts. The check reads no token,
so spaCy is not loaded (it cost 0.7 s of a 0.94 s one-file check and changed
no finding); ``spacy_pipeline=True`` runs the same component inside a spaCy
pipeline, through ``nlp.pipe``, for whoever wants that (same findings). With an
event (given, or named by the article's ``facts:`` front matter) the
provenance rules run; without one, the fact-free rules do.
"""

from __future__ import annotations

import bisect
from pathlib import Path

from writer.check import link_evidence
from writer.check.analysis import Analysis, analyse
from writer.check.config import CheckConfig
from writer.check.credit_places import kinds_of
from writer.check.document import Article, read_article
from writer.check.findings import Finding
from writer.check.linking import Link, Support, cues_for, event_asset_pattern, link, supports_of
from writer.check.phrases import build_phrases, source_pattern
from writer.check.rules import RULES, RuleContext
from writer.check.support_index import SupportIndex
from writer.check.suppressions import findings as suppression_findings
from writer.collector import paused as collector_paused
from writer.errors import single_problem
from writer.factbase.records import Event, SourceRegistry

MAX_ARTICLE_BYTES = 5_000_000


class Checker:
    """Reusable provenance checker (see the module docstring)."""

    GC_PAUSE_FROM = 500_000  # characters checked at once from which the cyclic collector is paused (see check_texts)
    SUPPORTS_KEPT = 64  # events whose fact index is kept between calls (drafting checks one event at a time)
    # Score each figure only against the supports its value could fit (SupportIndex: linear in the
    # number of facts); False scores every pair, the plain version tests compare the index against.
    link_by_index = True
    # ...for fact bases with at least this many supports: below it the plain scan is cheaper (a drafted
    # event of ~50 facts checked 7-10% slower through the index; at 125 extra facts they are even).
    index_from = 128
    SOURCES_KEPT = 8  # registries' source expressions kept (a bound: a batch checks against one registry)
    # Texts whose windows are kept (cues_for's ``kept``): a figure's own words, its sentence's and its block's.
    # Kept across articles: drafts of one template repeat a figure's words around other values (about half
    # of the texts a batch of drafted events asks). A bound, not a tuning knob.
    WINDOWS_KEPT = 8192

    def __init__(self, config: CheckConfig | None = None, *, spacy_pipeline: bool = False):
        self.config = config or CheckConfig()
        self.spacy_pipeline = spacy_pipeline
        self._component = None
        try:
            self.phrases = build_phrases(self.config.extra_phrases)
        except ValueError as exc:
            raise single_problem(self.config.origin or "<config>", str(exc), field="tool.writer.check.extra-phrases") from None
        self._nlp = None
        self._events: dict[str, Event] = {}
        self._supports: dict[int, tuple] = {}
        self._sources: dict[tuple, tuple] = {}  # a registry's spellings -> (expression, spelling -> source id)
        self._windows: dict[str, frozenset[str]] = {}  # text -> the windows it names (cues_for's memo)
        self._default_registry: SourceRegistry | None = None
        if self.config.sources is not None:
            from writer.factbase.loader import load_registry

            self._default_registry = load_registry(self.config.sources)
        self.rules = [r for code, r in RULES.items() if self.config.enabled(code)]

    # --- the pipeline -------------------------------------------------------------

    @property
    def nlp(self):
        if self._nlp is None:
            from writer.check.nlp import build_pipeline

            self._nlp = build_pipeline(self.config.extra_phrases, sent_starts=False, tokens=False, doc_offsets=False)
        return self._nlp

    def _chunks(self, texts: list[str]):
        """Per text, the ``writer_figures`` component's (sentences, figures) per chunk.

        The component runs without a Language around it by default: the check
        reads no token, so the results are identical to the spaCy pipeline's
        (``spacy_pipeline=True``), and a one-file check does not pay spaCy's
        import, which alone was three times the rest of the check.
        """
        from writer.check.nlp import CHUNKS_KEY, FigureComponent

        if self.spacy_pipeline:
            return [doc.user_data[CHUNKS_KEY] for doc in self.nlp.pipe(texts, batch_size=64)]
        if self._component is None:
            self._component = FigureComponent(None, phrase_spans=False, figure_spans=False, sent_starts=False,
                                              doc_offsets=False, phrases=self.phrases)
        return [self._component.chunks(t) for t in texts]

    def _segment(self, articles: list[Article]) -> list[tuple[list, list]]:
        """(sentence boundaries, figures) per block of every article: one Doc per article, one nlp.pipe.

        The blocks are joined with blank lines, which the component splits on: when
        that gives back the blocks (always, unless a block's own text holds a blank
        line), its per-chunk records are the per-block ones, offsets and all.
        """
        from writer.check.nlp import join_chunks

        texts, starts = [], []
        for a in articles:
            offsets, pos = [], 0
            for b in a.blocks:
                offsets.append(pos)
                pos += len(b.text) + 2
            starts.append(offsets)
            texts.append("\n\n".join(b.text for b in a.blocks))
        out = []
        for a, offsets, text, chunks in zip(articles, starts, texts, self._chunks(texts)):
            n = len(a.blocks)
            if n == 0:
                out.append(([], []))
                continue
            if len(chunks) == n and text.split("\n\n") == [b.text for b in a.blocks]:
                out.append(([list(c[0]) for c in chunks], [list(c[1]) for c in chunks]))
                continue
            doc_sentences, doc_figures = join_chunks(text, chunks)
            sents: list[list] = [[] for _ in range(n)]
            figs: list[list] = [[] for _ in range(n)]
            for s, e in doc_sentences:
                i = bisect.bisect_right(offsets, s) - 1
                sents[i].append((s - offsets[i], e - offsets[i]))
            for f in doc_figures:
                i = bisect.bisect_right(offsets, f.start) - 1
                figs[i].append(f.moved(-offsets[i]))
            out.append((sents, figs))
        return out

    # --- public API ----------------------------------------------------------------

    def check_text(self, text: str, *, path: str = "<string>", event: Event | None = None) -> list[Finding]:
        """Findings for one Markdown text (front matter is read but ``facts:`` is not followed)."""
        return self.check_texts([(text, path, event)])[0]

    def check_texts(self, items: list[tuple[str, str, Event | None]]) -> list[list[Finding]]:
        """Findings for many texts at once: [(text, path, event), ...]."""
        if sum(len(text) for text, _, _ in items) < self.GC_PAUSE_FROM:
            return self._check_texts(items)
        # A large article makes hundreds of thousands of objects, none of them in a cycle; the
        # cyclic collector walking them again and again made a 100,000-word table 1.3x slower per
        # word than a 10,000-word one (bench/bench_check_scale.py). Paused, the time is linear.
        with collector_paused():
            return self._check_texts(items)

    def _check_texts(self, items: list[tuple[str, str, Event | None]]) -> list[list[Finding]]:
        articles = [read_article(text, path) for text, path, _ in items]
        segmented = self._segment(articles)
        return [self._check(a, seg, ev) for a, seg, (_, _, ev) in zip(articles, segmented, items)]

    def check_article(self, article: Article, *, event: Event | None = None) -> list[Finding]:
        """Findings for an article already read by the caller (writer/check/document_tree.py: the batch's Rust parse)."""
        return self._check(article, self._segment([article])[0], event)

    def check_file(self, path: str | Path, *, event: Event | None = None) -> list[Finding]:
        """Findings for one file; the fact file comes from front matter ``facts:`` when ``event`` is None."""
        return self.check_files([path], event=event)[0]

    def check_files(self, paths: list[str | Path], *, event: Event | None = None) -> list[list[Finding]]:
        items = []
        for p in paths:
            text = read_article_text(p)
            ev = event
            if ev is None:
                ev = self.event_for(text, p)
            items.append((text, str(p), ev))
        return self.check_texts(items)

    def event_for(self, text: str, path: str | Path) -> Event | None:
        """The event named by the article's front matter ``facts:`` (relative to the article), if any."""
        from writer.check.document import split_front_matter

        front, _ = split_front_matter(text, str(path))
        facts = front.get("facts")
        if not facts:
            return None
        if not isinstance(facts, str):
            raise single_problem(path, "front matter 'facts' must be the path of a fact file", line=2, column=1, field="facts")
        target = Path(facts)
        if not target.is_absolute():
            beside = Path(path).parent / target
            # Relative to the article (the contract); a draft printed to stdout carries the path
            # as typed on the command line, relative to where it was run: accept that too.
            target = beside if beside.is_file() or not target.is_file() else target
        if not target.is_file():
            raise single_problem(path, f"front matter 'facts' points to {facts!r}, which does not exist (looked for {target})", line=_fm_line(text, "facts"), column=1, field="facts")
        return self.load_event(target)

    def load_event(self, path: str | Path) -> Event:
        from writer.factbase.loader import load_event
        from writer.factbase.yamlsource import check_readable

        check_readable(Path(path))  # a symlink loop, a folder or a FIFO is named before resolve() meets it
        key = str(Path(path).resolve())
        if key not in self._events:
            self._events[key] = load_event(path)
        return self._events[key]

    # --- the work ---------------------------------------------------------------------

    def _source_rx(self, registry: SourceRegistry | None):
        # Kept by what the expression is built from, every source's spellings in the registry's order (the
        # first source to claim a spelling owns it): a registry's digest or path would not do, as one built in
        # code has neither and one changed in place keeps the old digest. (A few microseconds a check.)
        key = tuple((sid, src.names) for sid, src in registry.sources.items()) if registry is not None else ()
        if key not in self._sources:
            if len(self._sources) >= self.SOURCES_KEPT:
                self._sources.clear()
            names: dict[str, list[str]] = {}
            if registry is not None:
                for sid, src in registry.sources.items():
                    names[sid] = list(src.names)
            for sid, extra in self.config.source_aliases.items():
                names.setdefault(sid, []).extend(extra)
            self._sources[key] = source_pattern(names)
        return self._sources[key]

    def links(self, text: str, *, path: str = "<string>", event: Event | None = None) -> list[tuple]:
        """(figure use, link or None, the analysis) for every figure the check reads in ``text``."""
        article = read_article(text, path)
        sentences, figures = self._segment([article])[0]
        registry = event.registry if event is not None else self._default_registry
        source_rx, spelling = self._source_rx(registry)
        analysis = analyse(article, sentences, figures, self.phrases, source_rx, spelling, kinds_of(registry))
        ctx = RuleContext(analysis, event)
        if event is not None:
            self._link_all(ctx, analysis, event, source_rx, spelling)
        return [(fu, ctx.link(fu), analysis) for fu in analysis.figures]

    def trace(self, text: str, *, path: str = "<string>", event: Event | None = None) -> list[dict]:
        """Every figure the check read, with its link (for ``--explain``-style reports and evaluation)."""
        out = []
        for fu, lk, analysis in self.links(text, path=path, event=event):
            f = fu.figure
            out.append({
                "line": fu.line, "column": fu.column, "end_line": fu.end_line, "end_column": fu.end_column, "figure": f.text, "unit": f.unit, "low": f.lo, "high": f.hi,
                "qualifier": f.qualifier, "sentence": fu.sentence.text,
                "in_scope": sorted(analysis.scope_classes(fu, carry=True)), "sources_named": sorted(analysis.scope_sources(fu)),
                "link": lk.kind if lk else None, "support": lk.support.id if lk and lk.support else (lk.fact.id if lk and lk.fact else None),
                "status": lk.support.status.value if lk and lk.support else None,
            })
        return out

    def _check(self, article: Article, segmented, event: Event | None) -> list[Finding]:
        sentences, figures = segmented
        registry = event.registry if event is not None else self._default_registry
        source_rx, spelling = self._source_rx(registry)
        analysis = analyse(article, sentences, figures, self.phrases, source_rx, spelling, kinds_of(registry))
        names = {sid: s.name for sid, s in registry.sources.items()} if registry is not None else {}
        ctx = RuleContext(analysis, event, source_names=names)
        mode = "facts" if event is not None else "free"
        if event is not None:
            self._link_all(ctx, analysis, event, source_rx, spelling)
        out: list[Finding] = []
        ran: set[str] = set()
        for rule in self.rules:
            if rule.mode not in (mode, "any"):
                continue
            ran.add(rule.code)
            severity = self.config.severities.get(rule.code, rule.severity)
            for hit in rule.check(ctx):
                fu = hit.use
                if article.suppressions.suppressed(rule.code, fu.line):
                    continue
                out.append(Finding(article.path, fu.line, fu.column, fu.end_line, fu.end_column, rule.code, rule.name,
                                   severity, hit.message, fu.figure.text, hit.fact))
        out.extend(suppression_findings(article.path, article.suppressions, self.config, ran))
        analysis.release()  # freed now by reference counting, not by the cyclic collector (Analysis.release)
        return sorted(set(out), key=_order)

    def _link_all(self, ctx: RuleContext, analysis: Analysis, event: Event, source_rx, spelling) -> None:
        # Keyed by identity and holding the event itself, so an id cannot be reused
        # by another event while its entry lives; bounded, because a batch worker
        # checks thousands of events and needs only the one in hand.
        key = id(event)
        entry = self._supports.get(key)
        if entry is None or entry[0] is not event:
            if len(self._supports) >= self.SUPPORTS_KEPT:
                self._supports.clear()
            supports, unavailable = supports_of(event, self.phrases.qualifiers)
            index = SupportIndex(supports) if len(supports) >= self.index_from else None
            entry = self._supports[key] = (event, supports, unavailable, index, event_asset_pattern(event, self.phrases))
        _, supports, unavailable, index, tickers = entry
        exchanges = frozenset(sid for sid, s in event.registry.sources.items() if s.kind.value == "exchange")
        use = index if self.link_by_index else None
        windows = self._windows  # the windows each text names (cues_for's memo, kept across articles)
        if len(windows) >= self.WINDOWS_KEPT:
            windows.clear()
        for fu in analysis.figures:
            cues = cues_for(fu, self.phrases, source_rx, spelling, analysis.article.blocks[fu.block_index].text, exchanges, tickers,
                            windows)
            # a figure left to its run's opening is linked with the source named there, as a reader reads it
            opening = analysis.run_opening(fu)
            named = frozenset(fu.sentence.sources) | opening.attributed if opening is not None else None
            ctx.links[id(fu)] = link(fu, supports, unavailable, cues, analysis.scope_classes(fu), use, named)
        link_evidence.revise(ctx.links, analysis, Support, Link)  # "40x" in its fact's subject, a move's start


def _order(f: Finding) -> tuple:
    """Findings in file order (the dataclass's own ordering, as one tuple: comparing dataclasses
    field by field was a fifth of the time on an article with 100,000 findings)."""
    return (f.path, f.line, f.column, f.end_line, f.end_column, f.code, f.name, f.severity, f.message, f.figure or "", f.fact or "")


def read_article_text(path: str | Path) -> str:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise single_problem(p, "no such file") from None
    except IsADirectoryError:
        raise single_problem(p, "is a folder, not an article") from None
    except OSError as exc:
        raise single_problem(p, f"cannot read: {exc.strerror}") from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise single_problem(p, f"larger than {MAX_ARTICLE_BYTES:,} bytes; not an article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise single_problem(p, "not UTF-8 text", line=line, column=exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1) from None


def _fm_line(text: str, key: str) -> int:
    for i, line in enumerate(text.split("\n"), start=1):
        if line.startswith(f"{key}:"):
            return i
    return 1


__all__ = ["Checker", "read_article_text"]
