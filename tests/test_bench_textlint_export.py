"""The textlint port's grammar export (bench/textlint/grammar.py) reads writer's own expressions and constants by
name: a reading renamed or removed in writer/check breaks the comparison in bench/bench_check.py. This test says so
in the suite, where the bench would only say so when run (and with node installed). No node here: the export and
its translation to JavaScript are Python."""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench" / "textlint"))

import grammar  # noqa: E402  (bench/textlint/grammar.py)


def test_every_expression_the_port_reads_is_exported_and_translated():
    exported = grammar.export()
    assert set(exported["regex"]) == set(grammar.expressions())
    assert all(r["source"] for r in exported["regex"].values())
    json.dumps(exported)  # the rule reads it as JSON


def test_the_port_knows_every_fact_free_rule():
    exported = grammar.export()
    assert set(exported["ran_free"]) <= {"F001", "F002", "S001", "S002"}, "a fact-free rule the port lacks: port it"


def test_the_eighth_rounds_readings_are_exported():
    # what the port's later readings read: a note over the piece, hearsay by clause, compound modifiers, currencies
    exported = grammar.export()
    assert "note_article" in exported["rule_classes"]
    assert {"hearsay_cut", "adverb_only", "frame.compound", "frame.generic", "prefix", "pc", "heading_credit"} <= set(exported["regex"])
    assert exported["prefix_units"]["€"] == "EUR"
    assert "source" in exported["source_columns"]


def test_the_eleventh_rounds_readings_are_exported():
    # a credit in the sentence after, a release note, "it" with a verb of speech, a chart's sourced title (its agentless
    # hearsay, read as no attribution, is gone since round fourteen: see the next test)
    exported = grammar.export()
    assert {"credit_after", "release_note", "frame.left_it", "figure_sign", "caption.sourced",
            "marker.conditional"} <= set(exported["regex"])
    assert "note" in exported["it_verbs"] and "show" not in exported["it_verbs"]
    assert exported["potential_classes"] == ["conditional", "estimate"]


def test_round_fourteens_hearsay_credit_is_exported():
    # hearsay with no one named credits its part of the sentence to an unnamed source: the hedges (carry: hearsay) and the
    # part's cut are exported, the switch is on, and no reading of the old "no attribution" hedge is left
    exported = grammar.export()
    assert {"carry.hearsay", "part_cut"} <= set(exported["regex"])
    assert exported["later"]["hearsay_credited"] and "nameless_hearsay" not in exported["regex"]


def test_the_twelfth_rounds_readings_are_exported():
    # a dash's credit, a report's findings, data pointing back, a quotation after a fronted clause, a chart's source in
    # parentheses, and the frames' guards on a reporting verb (a valuing verb's value, a possessive, a participle, "via")
    exported = grammar.export()
    assert {"f001.dash_credit", "f001.findings_heading", "f001.findings_release", "f001.named_opening", "f001.quote_only_open",
            "f001.quote_only_verbs", "anaphor", "caption.parenthesised", "frame.possessive_before", "frame.participle_to",
            "frame.value_at", "frame.via_venue"} <= set(exported["regex"])
    assert {"put", "puts", "placed", "pegged"} <= set(exported["valuing_verbs"]) and "said" not in exported["valuing_verbs"]
    assert exported["value_reach"] > 0 and exported["findings_not_names"]


def test_round_13bs_readings_are_exported():
    # a free relative's credit, described speakers, a verb's noun before "of", a post's picture, "that" as a conjunction,
    # guillemets as quotation marks, and the figure groups of a signed amount and a band of prices
    exported = grammar.export()
    for name in ("f001.free_relative", "f001.same_event", "f001.relative_end", "described_speaker", "frame.of_after",
                 "caption.post_pictures", "conjunction_that"):
        assert exported["regex"][name]["source"] != "(?!x)x", f"{name}: writer has it, the export reads it as absent"
    assert "«" in exported["quote_openers"] and "»" in exported["quote_closers"]
    assert exported["of_verbs"] and "share" not in exported["of_verbs"]
    assert {"m_neg", "m_band"} <= set(exported["figure_groups"])
    assert exported["vague"]["a half"] == [0.5, 0.5] or exported["vague"]["a half"] == (0.5, 0.5)
    later = exported["later"]
    assert all(later[k] for k in ("guillemets", "post_picture", "free_relative", "described_speakers", "of_noun"))
