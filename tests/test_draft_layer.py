"""The provenance layer cannot be bypassed, and fact-file text cannot inject markup."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from draft_support import ROOT, event_from_yaml
from writer.draft import Drafter
from writer.draft.style import choose
from writer.errors import DraftError
from writer.factbase.loader import load_registry

EVENT = """
id: layer-test
as_of: 2026-11-17T09:00:00+08:00
windows: [24h]
facts:
  - id: total_24h
    metric: liquidations
    unit: USD
    window: 24h
    observations: [{source: coinank, value: 1451000000}]
  - id: long_24h
    metric: liquidations
    unit: USD
    window: 24h
    side: long
    observations: [{source: coinank, value: 1361000000}]
  - id: short_24h
    metric: liquidations
    unit: USD
    window: 24h
    side: short
    observations: [{source: coinank, value: 90000000}]
  - id: wall
    metric: position_concentration
    unit: USD
    asset: BTC
    side: short
    price_band: [92000, 94000]
    observations: [{source: x-posts, value: 7B}]
"""


def event(text: str = EVENT, registry=None):
    return event_from_yaml(text, "layer-test.yaml", registry)


def override(tmp_path: Path, name: str, body: str) -> Path:
    """A user templates folder overriding one section (the rest come from the bundled set)."""
    (tmp_path / "sections").mkdir(exist_ok=True)
    (tmp_path / "sections" / name).write_text(body, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "body, words, line",
    [
        ("## Heading\n\nThe total was {{ ev.main.total }}.\n", "printed directly", 3),
        ("## Heading\n\nThe total was {{ ev.main.total.value }}.\n", "value", 3),
        ("## Heading\n\nThe total was {{ ev.main.total._fact.value }}.\n", "_fact", 3),
        ("## Heading\n\nSome text.\n\nThe total was about $1.45 billion over {{ window(ev.main.total) }}.\n", "outside the provenance layer", 5),
        ("## Heading\n\n{{ undefined_name }}\n", "undefined_name", 3),
        ("## Heading\n\n{{ ev.main.total.__class__.__mro__ }}\n", "__class__", 3),
    ],
)
def test_figures_printed_around_the_layer_fail_with_template_and_line(tmp_path, body, words, line):
    drafter = Drafter(override(tmp_path, "figures.md.j2", body), run_check=False)
    with pytest.raises(DraftError) as err:
        drafter.draft(event())
    assert "sections/figures.md.j2" in str(err.value)
    assert words in str(err.value)
    assert err.value.line == line


def test_literal_number_names_the_template_line(tmp_path):
    body = "## Heading\n\nA first paragraph.\n\nLongs lost 94% of it.\n"
    with pytest.raises(DraftError) as err:
        Drafter(override(tmp_path, "figures.md.j2", body), run_check=False).draft(event())
    assert err.value.template == "sections/figures.md.j2" and err.value.line == 5


def test_rumour_refused_in_headline(tmp_path):
    body = "Shorts stacked at {{ fig(ev.unverified[0]) }}\n"
    with pytest.raises(DraftError) as err:
        Drafter(override(tmp_path, "headline.md.j2", body), run_check=False).draft(event())
    assert "rumor" in str(err.value) and "headline" in str(err.value) and err.value.line == 1


def test_missing_caveat_is_added_by_the_machinery(tmp_path):
    body = "## Heading\n\nThe total came to {{ fig(ev.main.total) }} and longs to {{ fig(ev.main.long) }}.\n"
    draft = Drafter(override(tmp_path, "figures.md.j2", body), run_check=False).draft(event())
    line = next(x for x in draft.markdown.split("\n") if x.startswith("The total came"))
    # One caveat for the run of two CoinAnk figures, not one per clause.
    assert line.count("CoinAnk") == 1 and "single-source" in line or "single source" in line


def test_covered_figure_without_its_wording_fails_the_self_check(tmp_path):
    body = "## Heading\n\nThe total came to {{ fig(ev.main.total, covered=True) }}.\n"
    with pytest.raises(DraftError) as err:
        Drafter(override(tmp_path, "figures.md.j2", body), run_check=False).draft(event())
    assert "total_24h" in str(err.value) and err.value.line == 3


def test_banned_word_for_single_source(tmp_path):
    body = "## Heading\n\nSeveral sources put the total at {{ fig(ev.main.total) }}.\n"
    with pytest.raises(DraftError) as err:
        Drafter(override(tmp_path, "figures.md.j2", body), run_check=False).draft(event())
    assert "banned" in str(err.value)


def test_rumour_in_body_carries_its_caveat():
    draft = Drafter(run_check=False).draft(event())
    fig = next(f for f in draft.claims["figures"] if f["fact"] == "wall")
    sentence = draft.claims["sentences"][fig["sentence"]]["text"]
    assert "unverified" in sentence or "rumour" in sentence
    assert "posts on X" in sentence


def test_hostile_source_names_are_escaped(tmp_path):
    reg = (ROOT / "factbase" / "sources.yaml").read_text(encoding="utf-8")
    reg = reg.replace("name: CoinAnk", "name: '[x](javascript:alert(1)) <script>alert(2)</script> *bold*'")
    (tmp_path / "sources.yaml").write_text(reg, encoding="utf-8")
    registry = load_registry(tmp_path / "sources.yaml")
    draft = Drafter(run_check=False).draft(event(registry=registry))
    assert "[x](javascript" not in draft.markdown and "\\[x\\](javascript" in draft.markdown
    assert "<script>" not in draft.markdown and "\\<script\\>" in draft.markdown
    assert "<script" not in draft.html and "&lt;script&gt;" in draft.html
    assert 'href="javascript' not in draft.html
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").render(draft.markdown)
    assert "<a " not in rendered and "<script" not in rendered and "<em>bold</em>" not in rendered


def test_templates_override_one_section_and_change_the_digest(tmp_path):
    base = Drafter(run_check=False)
    body = (base.dirs[-1] / "sections" / "outlook.md.j2").read_text(encoding="utf-8").replace("What to watch next", "Looking ahead")
    custom = Drafter(override(tmp_path, "outlook.md.j2", body), run_check=False)
    assert custom.templates_digest != base.templates_digest
    assert isinstance(custom.draft(event()).markdown, str)


def test_variants_are_stable_and_spread():
    assert choose("event-a", "slot", 3) == choose("event-a", "slot", 3)
    picks = {choose(f"event-{i}", "slot", 3) for i in range(30)}
    assert picks == {0, 1, 2}


def test_skipped_sections_are_reported():
    draft = Drafter(run_check=False).draft(event())
    skipped = dict(draft.skipped)
    assert "zones" in skipped and "assets" in skipped
    assert {s["section"] for s in draft.claims["skipped"]} == set(skipped)
    assert "## Pressure zones" not in draft.markdown


def test_bad_style_file_is_an_input_error(tmp_path):
    from writer.errors import InputError

    shutil.copy(ROOT / "templates" / "style.yaml", tmp_path / "style.yaml")
    text = (tmp_path / "style.yaml").read_text(encoding="utf-8").replace('"(according to a single source, {sources})"', '"(one of 2 sources, {sources})"', 1)
    (tmp_path / "style.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        Drafter(tmp_path, run_check=False)
    assert "digits" in str(err.value) and "style.yaml" in str(err.value)


def test_no_side_split_means_no_claims_about_sides():
    text = """
id: total-only
as_of: 2026-11-17T09:00:00+08:00
windows: [24h]
facts:
  - id: tot
    metric: liquidations
    unit: USD
    window: 24h
    observations: [{source: coinglass, value: 250M}]
  - id: acc
    metric: liquidated_accounts
    unit: count
    window: 24h
    observations: [{source: coinglass, value: 120345}]
"""
    draft = Drafter(run_check=False).draft(event(text))
    body = draft.markdown.split("---\n", 2)[2].lower()
    assert dict(draft.skipped)["analysis"] == "no market-wide long or short liquidation figures to analyse"
    for claim in ("both sides", r"\blongs\b", r"\bshorts\b", "side splits", "squeeze", "washout"):
        assert not re.search(claim, body), claim
    assert "about 120,000 accounts" in body


def test_rounding_is_house_style_data(tmp_path):
    shutil.copy(ROOT / "templates" / "style.yaml", tmp_path / "style.yaml")
    text = (tmp_path / "style.yaml").read_text(encoding="utf-8").replace("significant_figures: 3", "significant_figures: 2")
    (tmp_path / "style.yaml").write_text(text, encoding="utf-8")
    three = Drafter(run_check=False).draft(event()).claims["figures"]
    two = Drafter(tmp_path, run_check=False).draft(event()).claims["figures"]
    # $1.451 billion is given to four figures, one more than the house's three: printed as given (layer.AS_GIVEN_EXTRA)
    assert next(f["text"] for f in three if f["fact"] == "total_24h") == "$1.451 billion"
    assert next(f["text"] for f in two if f["fact"] == "total_24h") == "about $1.5 billion"


def test_unverified_context_refused_in_lede(tmp_path):
    text = EVENT + """
context:
  - id: chatter
    kind: sentiment
    status: rumor
    text: traders say a fund caused the drop
    sources: [x-posts]
"""
    body = "Markets fell. {{ ctx(ev.unverified_context[0]) }}.\n"
    with pytest.raises(DraftError) as err:
        Drafter(override(tmp_path, "lede.md.j2", body), run_check=False).draft(event(text))
    assert "rumor" in str(err.value) and "lede" in str(err.value)


def test_a_lead_covers_only_figures_with_its_sources(tmp_path):
    text = EVENT.replace("side: short\n    observations: [{source: coinank, value: 90000000}]", "side: short\n    observations: [{source: coinglass, value: 90000000}]")
    body = "## Heading\n\n{{ lead(ev.main.total, ev.main.long, ev.main.short) }} the total was {{ fig(ev.main.total) }}, longs {{ fig(ev.main.long) }} and shorts {{ fig(ev.main.short) }}.\n"
    draft = Drafter(override(tmp_path, "figures.md.j2", body), run_check=False).draft(event(text))
    line = next(x for x in draft.markdown.split("\n") if "the total was" in x)
    assert line.startswith("According to a single source, CoinAnk,") or "CoinAnk" in line.split("the total")[0]
    short = next(f for f in draft.claims["figures"] if f["fact"] == "short_24h" and f["section"] == "figures")
    assert short["caveat"] and "CoinGlass" in short["caveat"]
