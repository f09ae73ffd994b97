"""What an editor expects of every example draft: depth, no debris, provenance visible in every output."""

from __future__ import annotations

import html
import json
import re

import pytest

from draft_support import EVENTS, example

IDS = [p.stem for p in EVENTS]


def body_of(markdown: str) -> str:
    return markdown.split("---\n", 2)[2]


def sentences_of(text: str) -> list[str]:
    prose = "\n".join(line.lstrip("-# ").split(":** ", 1)[-1] for line in text.split("\n"))
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", prose) if len(s.strip()) > 20]


@pytest.mark.parametrize("path", EVENTS, ids=IDS)
def test_depth_and_no_debris(path):
    _, draft = example(path.name)
    body = body_of(draft.markdown)
    assert len(re.findall(r"^## ", body, re.M)) >= 5
    assert len(body.split()) >= 600
    for debris in (r"\bNone\b", r"\bnan\b", r"\{\{", r"\(\s*\)", r"according to\s*[.,;:)]", r"\s[,.;:]\s"):
        assert not re.search(debris, body), debris
    sents = sentences_of(body)
    repeated = {s for s in sents if sents.count(s) > 1}
    assert not repeated, repeated


@pytest.mark.parametrize("path", EVENTS, ids=IDS)
def test_front_matter_and_title(path):
    event, draft = example(path.name)
    head = draft.markdown.split("---\n")[1]
    assert f"event: {event.id}\n" in head
    assert f'facts: "factbase/events/{path.name}"\n' in head
    assert re.search(r"^writer: \S+$", head, re.M) and re.search(r"^templates: [0-9a-f]{16}$", head, re.M)
    assert draft.title and f"# {draft.title}" in draft.markdown.replace("\\", "")


@pytest.mark.parametrize("path", EVENTS, ids=IDS)
def test_claim_offsets_point_at_the_figures(path):
    event, draft = example(path.name)
    claims = json.loads(draft.to_json())
    assert claims["figures"], "no figures in the claim map"
    for fig in claims["figures"]:
        assert draft.markdown[fig["start"]:fig["end"]] == fig["text"]
        fact = event.fact(fig["fact"])
        assert fig["status"] == fact.status.value and fig["sources"] == list(fact.sources)
        sentence = claims["sentences"][fig["sentence"]]
        assert sentence["start"] <= fig["start"] < fig["end"] <= sentence["end"]
        wording = fig["caveat"] or fig["attribution"]
        home = sentence
        if fig["run_opening"] is not None:  # attributed once for its run: by an earlier sentence of its paragraph
            home = claims["sentences"][fig["run_opening"]]
            assert fig["run_opening"] < fig["sentence"] and home["section"] == sentence["section"]
            assert "\n" not in draft.markdown[home["start"]:sentence["start"]], fig
        if fig["section"] not in ("headline", "lede") or wording is not None:
            assert wording and wording in home["text"], fig
    for sec in claims["sections"]:
        assert draft.markdown[sec["start"]:sec["end"]].strip()


@pytest.mark.parametrize("path", EVENTS, ids=IDS)
def test_html_wraps_every_figure_with_provenance(path):
    _, draft = example(path.name)
    spans = re.findall(r'<span class="figure" data-fact="([^"]+)" data-status="([^"]+)" data-sources="([^"]*)"', draft.html)
    assert len(spans) == len(draft.claims["figures"])
    assert [s[0] for s in spans] == [html.escape(f["fact"]) for f in draft.claims["figures"]]
    assert draft.html.startswith("<!DOCTYPE html>") and "<script" not in draft.html


@pytest.mark.parametrize("path", EVENTS, ids=IDS)
def test_nothing_unverified_in_headline_or_lede(path):
    _, draft = example(path.name)
    for fig in draft.claims["figures"]:
        if fig["section"] in ("headline", "lede"):
            assert fig["status"] not in ("rumor", "pending_verification", "estimate", "unavailable")


@pytest.mark.parametrize("path", EVENTS, ids=IDS)
def test_every_typed_figure_a_reader_needs_is_printed(path):
    event, draft = example(path.name)
    unprinted = [f for f in draft.claims["unprinted_facts"] if f in event.facts]
    assert not unprinted, unprinted


def test_deterministic_and_different_across_events():
    from writer.draft import Drafter
    from writer.factbase.loader import load_event

    a, b = Drafter(run_check=False), Drafter(run_check=False)
    event = load_event(EVENTS[0])
    assert a.draft(event).markdown == b.draft(event).markdown
    assert a.draft(event).to_json() == b.draft(event).to_json()
    ledes = {example(p.name)[1].markdown.split("\n\n")[2] for p in EVENTS}
    assert len(ledes) == len(EVENTS)


@pytest.mark.parametrize("path", EVENTS, ids=IDS)
def test_house_paragraphs_are_not_swallowed_by_lists(path):
    _, draft = example(path.name)
    for line in draft.markdown.split("\n"):
        if line.startswith("- "):
            for opener in ("Providers rarely", "Where a figure is missing", "Claims like these", "These figures are estimates", "Single venues matter", "With clusters on both sides"):
                assert opener not in line, line[:120]


@pytest.mark.parametrize("path", EVENTS, ids=IDS)
def test_html_is_balanced_and_carries_the_text(path):
    from html.parser import HTMLParser

    _, draft = example(path.name)

    class Balance(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack, self.errors, self.text = [], [], []

        def handle_starttag(self, tag, attrs):
            if tag not in ("meta", "br", "hr", "link"):
                self.stack.append(tag)

        def handle_startendtag(self, tag, attrs):
            pass

        def handle_endtag(self, tag):
            if not self.stack or self.stack.pop() != tag:
                self.errors.append(tag)

        def handle_data(self, data):
            self.text.append(data)

    parser = Balance()
    parser.feed(draft.html)
    assert not parser.errors and not parser.stack
    text = " ".join("".join(parser.text).split())
    for fig in draft.claims["figures"]:
        assert fig["text"].replace("\\", "") in text
