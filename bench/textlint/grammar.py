"""writer's fact-free check vocabulary and expressions, exported for the textlint port.

``export()`` reads every expression and constant the fact-free rules (F001,
F002) read from writer's own modules, at bench time, and writes them as JSON
(``bench/.textlint/grammar.json``): the JavaScript rule holds the logic around
them, never a second copy of a phrase list, a figure form or a frame. Each
expression goes through ``js_regex.to_js``; ``self_check`` then runs every one
of them in Node on real sentences and compares the matches with Python's.

    python bench/textlint/grammar.py [--out FILE] [--check DIR ...]   # export, then self-check on DIR's *.md
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from js_regex import to_js  # noqa: E402

# The marker classes the fact-free rules read (writer/check/analysis.py and rules/f00[12]).
RULE_CLASSES = ("attribution", "single_source", "rumor", "pending", "estimate", "disagreement", "claim",
                "note_backward", "note_run", "note_forward", "note_label", "note_article")
# Classes the port reads when writer has them (the reader's ninth-round readings, on its branch until merged): a worked
# example about a made-up trader states no figure of the event (F001).
LATER_CLASSES = ("example",)


def rule_classes() -> tuple[str, ...]:
    from writer.check.phrases import MARKER_CLASSES

    return RULE_CLASSES + tuple(c for c in LATER_CLASSES if c in MARKER_CLASSES)
# captions.CaptionWords fields the port reads (every one of them: a field added there fails the export).
CAPTION_KEYS = ("bare", "titled", "named", "pointer", "intro", "picture", "separated", "credited", "titled_picture", "mapped",
                "charted", "sourced")
# Frames attributes (writer/check/frames.py) the port reads, under the keys the rule uses.
FRAME_KEYS = {"_verb": "verb", "_left_strong": "left_strong", "_left_weak": "left_weak", "_left_name": "left_name",
              "_that": "that", "_agent": "agent", "_speech": "speech", "_prep": "prep", "_noun": "noun",
              "_noun_right": "noun_right", "_noun_left": "noun_left", "_comes": "comes", "_source": "source",
              "_name": "name", "_label": "source_label", "label": "name_label", "differ": "differ",
              "_compound": "compound", "_compound_word": "compound_word", "_generic": "generic",
              "_comparison": "comparison", "_credited_source": "credited_source", "_left_it": "left_it"}


def expressions(phrases=None) -> dict[str, re.Pattern]:
    """Every compiled expression the port needs, by the name the rule uses."""
    from writer.check import (analysis, captions, described_groups, document, figures, frames, labels, multiples, nlp, sentences,
                              suppressions)
    from writer.check.phrases import build_phrases

    phrases = phrases or build_phrases()
    q = phrases.qualifiers
    out = {
        # figures.py
        "figure": figures._FIGURE_RE, "hundred": figures._HUNDRED_RE, "index": figures._INDEX_RE,
        "half": figures._HALF_RE, "multiple": figures._MULTIPLE_RE, "time": figures._TIME_RE,
        "point": figures._POINT_RE, "range_join": figures._RANGE_JOIN, "range_open": figures._RANGE_OPEN,
        "from_before": figures._FROM_BEFORE, "num": figures._NUM_RE, "mag_in": figures._MAG_IN_RE,
        "between_before": figures._BETWEEN_BEFORE, "leverage_before": figures._LEVERAGE_BEFORE,
        "number_words": figures._NUMBER_WORDS_RE,
        # figures.py's later readings: a move's two ends, a year before a coin word, one position's leverage,
        # a high or low against a span, amounts written with a ticker
        "move_by": figures._MOVE_BY, "move_from": figures._MOVE_FROM, "year": figures._YEAR_RE, "year_before": figures._YEAR_BEFORE,
        "month_before": figures._MONTH_BEFORE, "month_after": figures._MONTH_AFTER,
        "position_leverage": figures._POSITION_LEVERAGE, "determiner_before": figures._DETERMINER_BEFORE,
        "one_position_before": figures._ONE_POSITION_BEFORE, "clause_start": figures._CLAUSE_START,
        "venue_terms_before": figures._VENUE_TERMS_BEFORE, "extreme": figures._EXTREME_RE, "span_number": figures._SPAN_NUMBER,
        "ticker_amount": figures._TICKER_AMOUNT, "lower_re": figures._LOWER_RE, "capital": figures._CAPITAL,
        # counts and amounts in words, money by its size class, a record claimed with no number
        "count_words": figures._COUNT_WORDS_RE, "size_class": figures._SIZE_CLASS_RE, "record": figures._RECORD_RE,
        "record_denied": figures._RECORD_DENIED, "share": figures._SHARE_RE, "share_hedged": figures._SHARE_HEDGED,
        "share_place": figures._SHARE_PLACE, "share_of": figures._SHARE_OF,
        # figures.py's reading in context (_read_in_context): durations and bare amounts
        "digit_re": figures._DIGIT_RE, "num_only": figures._NUM_ONLY, "duration": figures._DURATION_RE,
        "number": figures._NUMBER_RE, "bare_after": figures._BARE_AFTER,
        "duration_lead": figures._DURATION_LEAD, "duration_noun": figures._DURATION_NOUN,
        "window_before": figures._WINDOW_BEFORE, "amount_lead": figures._AMOUNT_LEAD,
        "puts_at": figures._PUTS_AT, "amount_end": figures._AMOUNT_END, "amount_subject": figures._AMOUNT_SUBJECT,
        "sentence_end": figures._SENTENCE_END, "record_sentence_end": figures._RECORD_SENTENCE_END,
        # a move between two percentages, a reading's verbs of rest, rates in words, zero
        "percent_sign": figures._PERCENT_SIGN, "rests_at": figures._RESTS_AT, "rate_words": figures._RATE_WORDS_RE,
        "zero": figures._ZERO_RE, "zero_before": figures._ZERO_BEFORE,
        **later_expressions(),
        # currencies before the amount and "16pc" (the eighth round), a speaker's reported clause ("said that")
        "prefix": figures._PREFIX, "pc": figures._PC, "reported_clause": figures._reported_clause(),
        "qualifier": figures._qualifier_re(tuple(q.get("approx", ())), tuple(q.get("at_least", ())), tuple(q.get("at_most", ()))),
        # sentences.py
        "boundary": sentences._boundary(""), "word_before": sentences._WORD_BEFORE,
        # document.py
        "markup": document._MARKUP,
        # nlp.py: which block texts are searched for figures at all
        "digit": nlp._DIGIT, "wordy": nlp._WORDY,
        # analysis.py
        "paren": analysis._PAREN, "back_before": analysis._BACK_BEFORE, "the_before": analysis._THE_BEFORE,
        "back_after": analysis._BACK_AFTER, "clause_end": analysis._CLAUSE_END, "credit": analysis._CREDIT,
        "points_below": analysis._POINTS_BELOW, "hearsay_cut": analysis._HEARSAY_CUT, "adverb_only": analysis._ADVERB_ONLY,
        "part_cut": getattr(analysis, "_PART_CUT", _NEVER),
        "group_lead": described_groups.group_lead() if hasattr(described_groups, "group_lead") else _NEVER,
        # multiples.py: multiples, ratios and shares in words (its gate, each reading's expression)
        "multiples.keys": multiples._KEYS, "multiples.copula_before": multiples._COPULA_BEFORE,
        **{f"multiples.r{i}": rx for i, (_, rx) in enumerate(multiples._READINGS)},
        **{f"carry.{k}": rx for k, rx in analysis._carry_words().items()},
        # captions.py (credit lines and chart captions)
        **{f"caption.{k}": getattr(captions.caption_words(), k) for k in CAPTION_KEYS}, "prose_end": captions._PROSE_END,
        "chart_title": getattr(captions, "_CHART_TITLE", _NEVER), "figure_sign": captions._FIGURE_SIGN,
        "heading_credit": captions._HEADING_CREDIT,
        # frames.py: a source named alone in parentheses; a name and its data (a list's introduction)
        "frame.paren_name": phrases.frames._paren_name, "frame.name_before": frames._NAME_BEFORE, "frame.ticker": frames._TICKER,
        "frame.name_data_any": phrases.frames._name_data_any, "frame.not_name_others": phrases.frames._not_name_others or re.compile("(?!x)x"),
        "word": frames._WORD, "frame.label_any": phrases.frames._label_any, "frame.after_name": phrases.frames._after_name,
        "frame.strong_after": phrases.frames._strong_after,
        # labels.py (which "Name:" openings credit a source), captions.py's embedded post signatures
        "brand": labels._BRAND, "signature": captions._SIGNATURE,
        # phrases.py
        "note": phrases.union(analysis.NOTE_CLASSES), "note_run": phrases.union(analysis._NOTE_RUN),
        "data_noun": phrases.data_noun,
        # suppressions.py
        "suppress": suppressions._SUPPRESS_RE, "suppress_code": suppressions._CODE_RE,
    }
    for i, rx in enumerate(document._MASKS):
        out[f"mask{i}"] = rx
    for name in (*rule_classes(), *sorted(captions._POTENTIAL)):
        out[f"marker.{name}"] = phrases.markers[name]
    for attr, key in FRAME_KEYS.items():
        out[f"frame.{key}"] = getattr(phrases.frames, attr)
    return out


_NEVER = re.compile("(?!x)x")


def later_expressions() -> dict[str, re.Pattern]:
    """The reader's ninth-round expressions, when writer has them (each switch in ``export``: ``later``): a source's
    coverage before a count ("which tracks dozens of venues"), what the whole piece rests on, a clause of market context
    after a credit, hearsay that names reports ("reportedly")."""
    from writer.check import figures
    from writer.check.rules import f001_no_attribution as f001

    out = {"coverage_before": getattr(figures, "_COVERAGE_BEFORE", _NEVER),
           "story_basis": f001._story_basis_rx() if hasattr(f001, "_story_basis_rx") else _NEVER,
           "context_clause": getattr(f001, "_CONTEXT_CLAUSE", _NEVER),
           "clause_cut": getattr(f001, "_CLAUSE_CUT", _NEVER),
           # the tenth round's: a price move after a credit with no comma, a worked example's own clause, a speaker
           # introduced in the paragraph before a lone quotation
           "bare_context_clause": getattr(f001, "_BARE_CONTEXT_CLAUSE", _NEVER),
           "setup_end": getattr(f001, "_SETUP_END", _NEVER), "person": getattr(f001, "_PERSON", _NEVER)}
    if hasattr(f001, "_example_rx"):
        out["example_open"], out["example_anchor"] = f001._example_rx()
    # the eleventh round's: a sentence that only credits the one before it, an issuer's release note (its agentless
    # hearsay read as no attribution is gone since round fourteen: hearsay is an unnamed source, ``hearsay_credited``)
    out["credit_after"] = f001._credit_after_rx()
    out["release_note"] = f001._release_note_rx()
    out["speaker_noun"] = f001._speaker_words()[1] if hasattr(f001, "_speaker_words") else _NEVER
    words = f001._carry_words() if hasattr(f001, "_carry_words") else {}
    out.update({f"f001.{k}": words.get(k, _NEVER) for k in ("liquidations", "context", "price_move")})
    out.update(twelfth_round_expressions())
    out.update(thirteenth_round_expressions())
    out.update(fourteenth_round_expressions())
    return out


def fourteenth_round_expressions() -> dict[str, re.Pattern]:
    """The fourteenth round's: a small count in words ("three liquidations", "four whales made"), and what makes a
    count of the market's actors speakers, not a figure ("two traders said")."""
    from writer.check import figures

    small = hasattr(figures, "_actors_speak_rx")
    return {"small_count": figures._SMALL_COUNT_RE if small else _NEVER,
            "actors_speak": figures._actors_speak_rx() if small else _NEVER,
            # the fifteenth round's: the people a writer asked ("we spoke with two traders")
            "actors_asked": figures._actors_asked_rx() if hasattr(figures, "_actors_asked_rx") else _NEVER}


def thirteenth_round_expressions() -> dict[str, re.Pattern]:
    """The thirteenth round's: a rumour told as the cause of a move, and where its phrase ends; round 13b's: a credit
    told as a free relative (where it starts, "in" before it, where its noun phrase ends), a described group of people
    speaking, a verb's form before "of", a post's picture, and "that" as a conjunction after a figure's pointer back."""
    from writer.check import analysis, captions, figures, frames
    from writer.check.rules import f001_no_attribution as f001

    out = {"rumour_cause": _NEVER, "rumour_phrase_end": _NEVER}
    if _has_module("writer.check.rumour_causes"):
        from writer.check import rumour_causes

        out.update({"rumour_cause": rumour_causes._cause_rx(), "rumour_phrase_end": rumour_causes._PHRASE_END})
    free = hasattr(f001, "_relative_only_credit")
    out["f001.free_relative"] = f001._free_relative_rx() if free else _NEVER
    out["f001.same_event"] = f001._SAME_EVENT if free else _NEVER
    out["f001.relative_end"] = f001._RELATIVE_END if free else _NEVER
    if _has_module("writer.check.described_speakers"):
        from writer.check import described_speakers

        out["described_speaker"] = described_speakers._speaker_rx()
    else:
        out["described_speaker"] = _NEVER
    out["frame.of_after"] = getattr(frames, "_OF_AFTER", _NEVER)
    out["caption.post_pictures"] = captions._post_pictures() if hasattr(captions, "_post_pictures") else _NEVER
    out["conjunction_that"] = getattr(analysis, "_CONJUNCTION_THAT", _NEVER)
    # a list's magnitude written once, after its last amount ("$41.2, $18.75 and $9.9 million")
    out["list_join"] = getattr(figures, "_LIST_JOIN", _NEVER)
    out["list_end"] = getattr(figures, "_LIST_END", _NEVER)
    return out


def twelfth_round_expressions() -> dict[str, re.Pattern]:
    """The twelfth round's: a speaker's quotation after a fronted clause of time, a report's findings under their
    heading, a quotation credited after a dash, data pointing back at an earlier credit, a chart's title with its source
    in parentheses, and the frames' guards on a reporting verb (a possessive before it, a participle's "to" after it, a
    valuing verb's value, "via" a venue)."""
    from writer.check import anaphora, captions, frames
    from writer.check.phrases import build_phrases
    from writer.check.rules import f001_no_attribution as f001

    out = {}
    out["f001.quote_only_open"], out["f001.quote_only_verbs"] = f001._quote_only_rx()
    out["f001.findings_heading"], out["f001.findings_release"] = f001._findings_rx()
    out["f001.named_opening"], out["f001.dash_credit"] = f001._NAMED_OPENING, f001._DASH_CREDIT
    out["anaphor"] = anaphora._anaphor()
    out["caption.parenthesised"] = captions._PARENTHESISED
    out["frame.possessive_before"], out["frame.participle_to"] = frames._POSSESSIVE_BEFORE, frames._PARTICIPLE_TO
    out["frame.value_at"], out["frame.via_venue"] = frames._VALUE_AT, build_phrases().frames._via_venue
    out["frame.trade_object"] = frames._TRADE_OBJECT  # (a valuing verb's object that is a trade's size: "placed a $40 million short at")
    return out


def later_switches() -> dict[str, bool]:
    from writer.check import analysis, captions, figures
    from writer.check.rules import f001_no_attribution as f001

    return {"coverage": hasattr(figures, "_COVERAGE_BEFORE"), "story_basis": hasattr(f001, "_story_basis"),
            "context_after_credit": hasattr(f001, "_context_after_credit"),
            # round fourteen's: hearsay with no one named credits its part of the sentence to an unnamed source
            "hearsay_credited": hasattr(analysis.Analysis, "hearsay_credited"),
            "bare_context_clause": hasattr(f001, "_BARE_CONTEXT_CLAUSE"), "worked_example": hasattr(f001, "_worked_example"),
            "speaker_intro": hasattr(f001, "_names_speaker"), "closes_on_credit": hasattr(analysis.Analysis, "_closes_on_credit"),
            # the thirteenth round's: a credit line covers the paragraph below it, a point-back credit opens a run, a
            # rumour told as a move's cause hedges the rumour only
            "credit_below": hasattr(captions, "credits_below"), "points_back_run": hasattr(analysis.Analysis, "_untitled"),
            "rumour_causes": _has_module("writer.check.rumour_causes"),
            # round 13b's (all ported to lib/analysis.js: guillemets as quotation marks, a credit carrying to market
            # context only from market context, a post's picture, a record's span, a free relative's credit, described
            # speakers, a verb's noun before "of")
            "guillemets": hasattr(f001, "_OPENERS"), "context_kind": hasattr(analysis.Analysis, "_gives_context"),
            "post_picture": hasattr(captions, "carries_picture"), "record_span": hasattr(f001, "_record_span"),
            "free_relative": hasattr(f001, "_relative_only_credit"),
            "described_speakers": _has_module("writer.check.described_speakers"), "of_noun": _has_of_verbs(),
            # the fourteenth round's: small counts in words, the market's actors among them unless they speak
            "small_counts": hasattr(figures, "_actors_speak_rx"),
            # the fifteenth round's: a run interrupted by figures of another kind does not carry on after them
            "run_interrupted": hasattr(analysis.Analysis, "run_interrupted"),
            "actors_asked": hasattr(figures, "_actors_asked_rx"), "spaced_letter": hasattr(figures, "_SPACED_LETTER")}


def _has_of_verbs() -> bool:
    from writer.check.phrasefile import phrase_section

    return "of_verbs" in phrase_section("frames")


def _has_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def export(*, ascii_words: bool = False) -> dict:
    """The JSON the rule reads: expressions (JavaScript source and flags) and constants."""
    import dataclasses

    from writer.check import analysis, captions, document, figures, labels, multiples, nlp, sentences
    from writer.check.frames import Frames
    from writer.check.phrases import KeyFinder, build_phrases
    from writer.check.rules import RULES
    from writer.check.rules import f001_no_attribution as f001

    phrases = build_phrases()
    fields = {f.name for f in dataclasses.fields(captions.CaptionWords)}
    if fields != set(CAPTION_KEYS):
        raise SystemExit(f"captions.CaptionWords has fields the port does not read: {sorted(fields - set(CAPTION_KEYS))}")
    return {
        "rule_codes": sorted(RULES), "ran_free": sorted(c for c, r in RULES.items() if r.mode in ("free", "any")),
        "regex": {name: to_js(rx, ascii_words=ascii_words) for name, rx in expressions(phrases).items()},
        "mask_needs": list(document._MASK_NEEDS),
        "abbreviations": sorted(sentences.ABBREVIATIONS),
        "mag_words": figures._MAG_WORDS, "mag_suffix": figures._MAG_SUFFIX,
        "figure_groups": sorted(figures._FIGURE_RE.groupindex), "currency_words": figures.CURRENCY_WORDS, "vague": figures._VAGUE, "coins": figures.COINS,
        "caveat_classes": sorted(analysis.CAVEAT_CLASSES), "note_classes": sorted(analysis.NOTE_CLASSES),
        "run_opening": sorted(analysis.RUN_OPENING), "rule_classes": list(rule_classes()),
        "label_reach": analysis._LABEL_REACH,
        "strong_verbs": sorted(phrases.frames.strong), "view_forms": sorted(getattr(phrases.frames, "views", ())), "window": Frames.WINDOW, "month_reach": figures._MONTH_REACH, "days_in_month": figures._DAYS_IN_MONTH, "first_kept": Frames.FIRST_KEPT,
        "memo_size": nlp.FigureComponent.MEMO_SIZE, "classes_kept": KeyFinder.CACHE_SIZE,
        "figure_free_kept": figures.FIGURE_FREE_KEPT,
        "tens_words": figures._TENS_WORDS, "units_words": figures._UNITS_WORDS, "ones": figures._ONES.split("|"), "duration_units": figures.DURATION_UNITS,
        "window_qualifiers": sorted(figures._WINDOW_QUALIFIERS), "lookback": figures._LOOKBACK,
        "not_tickers": sorted(figures._NOT_TICKERS), "span_days": figures._SPAN_DAYS, "span_words": figures._SPAN_WORDS,
        "part_of": figures._PART_OF, "from_reach": figures._FROM_REACH, "move_reach": figures._MOVE_REACH,
        "reading_subjects": list(figures._READING_SUBJECTS), "rate_words": figures._RATE_WORDS, "zero_reach": figures._ZERO_REACH, "plural_count": figures._PLURAL_COUNT,
        "money_plurals": sorted(figures._MONEY_PLURALS), "figure_digits": figures._FIGURE_DIGITS,
        "count_words_need": list(figures._COUNT_WORDS_NEED), "small_count_need": list(getattr(figures, "_SMALL_COUNT_NEED", ())),
        "carry_kinds": sorted(analysis._carry_words()), "kickers": sorted(labels._kickers()),
        "attribution_reach": labels.ATTRIBUTION_REACH, "dialogue_turns": labels.DIALOGUE_TURNS,
        "share_parts": figures._SHARE_PARTS, "share_reach": figures._SHARE_REACH, "title_labels": sorted(captions._title_labels()), "after_name_reach": Frames.AFTER_NAME_REACH,
        "opening_marks": analysis._OPENING_MARKS, "comparisons": sorted(getattr(analysis, "_COMPARISONS", ())), "prefix_units": figures.PREFIX_UNITS,
        "compound_reach": Frames.COMPOUND_REACH,
        # the reader's ninth-round readings, when writer has them (else the port reads as before): a counting verb's past
        # makes any name before it a source, a credit line closing the article covers its section, a speaker's quotation
        # goes on past its credit and into the next paragraph
        "tallied": sorted(getattr(phrases.frames, "tallied", ())), "closes_article": hasattr(captions, "_closes_article"),
        "quote_goes_on": hasattr(f001, "_goes_on_from"), "later": later_switches(),
        # round 13b's: the marks that open and close a quotation (guillemets with curly quotes), the reporting verbs that
        # take "of" ("warned of")
        "quote_openers": getattr(f001, "_OPENERS", f001._OPENING), "quote_closers": getattr(f001, "_CLOSERS", f001._CLOSING),
        "of_verbs": sorted(getattr(phrases.frames, "of_verbs", ())), "bare_limit": getattr(figures, "_BARE_LIMIT", 0), "asked_reach": getattr(figures, "_ASKED_REACH", 0),
        "coverage_reach": getattr(figures, "_COVERAGE_REACH", 0), "source_columns": sorted(captions._SOURCE_COLUMNS), "quote_reach": f001.QUOTE_REACH,
        "not_name_words": sorted(phrases.frames._not_name_words),
        "speaker_not_names": sorted(f001._speaker_words()[0]) if hasattr(f001, "_speaker_words") else [],
        "caption_chars": captions.CAPTION_CHARS, "name_words": captions.NAME_WORDS, "label_end_chars": captions._LABEL_END_CHARS,
        "caption_not_names": sorted(captions._not_names()),
        "title_words": captions.TITLE_WORDS, "potential_classes": sorted(captions._POTENTIAL),
        "it_verbs": sorted(phrases.frames.it_verbs),
        # the twelfth round's: verbs that report only with a value after them, and how far that value may stand; the
        # capitalised words no publisher's name is (a report's findings)
        "valuing_verbs": sorted(phrases.frames.valuing), "value_reach": Frames.VALUE_REACH,
        "findings_not_names": sorted(f001._not_names()),
        # a reporting window named by a noun of time ("a 24-hour stretch"): the nouns, the windows reports count over (in
        # hours), and hours per unit
        "window_like_nouns": sorted(figures._WINDOW_LIKE_NOUNS), "reporting_window_hours": sorted(figures._REPORTING_WINDOW_HOURS),
        "hours_per": figures._HOURS_PER,
        "multiples": {"reading_of": multiples._READING_OF, "verb_times": list(multiples._VERB_TIMES.items()),
                      "vague_times": list(multiples._VAGUE_TIMES), "word_numbers": multiples._WORD_NUMBERS,
                      "unit_words": multiples._UNIT_WORDS, "tens_words": multiples._TENS_WORDS,
                      "digit_places": multiples._DIGIT_PLACES, "digit_mags": multiples._DIGIT_MAGS,
                      "before": multiples._BEFORE, "after": multiples._AFTER, "readings": len(multiples._READINGS)},
        "ascii_words": ascii_words,
    }


# --- self-check: the same matches in Node -------------------------------------------------------

_CHECK_JS = r"""
const fs = require("fs");
const [grammarPath, textsPath] = process.argv.slice(2);
const G = JSON.parse(fs.readFileSync(grammarPath, "utf8"));
const texts = JSON.parse(fs.readFileSync(textsPath, "utf8"));
const out = {};
for (const [name, r] of Object.entries(G.regex)) {
  const rx = new RegExp(r.source, "g" + r.flags);
  out[name] = texts.map((t) => Array.from(t.matchAll(rx), (m) => [m.index, m.index + m[0].length]));
}
process.stdout.write(JSON.stringify(out));
"""


def _utf16(text: str, i: int) -> int:
    return len(text[:i].encode("utf-16-le")) // 2


def sample_texts(folders: list[Path], extra: list[str] = (), files: list[Path] = ()) -> list[str]:
    """Sentence-sized pieces of ``files`` and every *.md under ``folders``, as written and lower-cased (not upper-cased:
    an all-capitals sentence sends the frames' ``differ`` expression into exponential backtracking, in
    Python as in Node: every word is a capitalised name)."""
    pieces: list[str] = list(extra)
    for p in [*files, *(q for folder in folders for q in sorted(folder.rglob("*.md")))]:
        for block in p.read_text(encoding="utf-8").split("\n\n"):
            pieces += [s for s in re.split(r"(?<=[.!?])\s+", block) if s.strip()]
    out = []
    for s in dict.fromkeys(pieces):
        out += [s, s.lower()]
    return out


def self_check(grammar_path: Path, texts: list[str], node: str = "node") -> list[str]:
    """Expressions whose matches in Node differ from Python's on ``texts`` (empty: they agree)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        tp = Path(tmp) / "texts.json"
        tp.write_text(json.dumps(texts), encoding="utf-8")
        js = Path(tmp) / "check.js"
        js.write_text(_CHECK_JS, encoding="utf-8")
        r = subprocess.run([node, str(js), str(grammar_path), str(tp)], capture_output=True, text=True)
    if r.returncode != 0:
        return [f"node failed: {r.stderr.strip()[:500]}"]
    theirs = json.loads(r.stdout)
    problems = []
    for name, rx in expressions().items():
        for t, spans in zip(texts, theirs[name]):
            ours = [[_utf16(t, m.start()), _utf16(t, m.end())] for m in rx.finditer(t)]
            if ours != spans:
                problems.append(f"{name}: {t[:70]!r}: python {ours[:4]} node {spans[:4]}")
                break
    return problems


OWN_SAMPLES = [  # sentences of our own covering the forms and frames (the corpus folders add real prose)
    "According to CoinGlass, longs lost $300 million.", "SOURCE: CoinGlass", "CoinGlass: longs hit $1.2bn",
    "CoinGlass and CoinAnk differ on the total of 1.45B.", "Lookonchain noted that whales sold 5,000 BTC.",
    "as reported by K33 Research, about 40% fell", "Data from CoinAnk shows $1 billion.", "The figures, said Ben Zhou, were large.",
    "In CoinGlass's data, shorts fell 3.5 percent", "Bitcoin: $90,000", "the figure comes from Hyblock Capital",
    "Between $150 million and $190 million were wiped; the long/short ratio hit 2:1 at 08:30.",
    "Prices ranged from $828 million to $974 million, or several hundred million dollars, half a billion.",
    "A 40x jump versus 100x leverage; the Fear & Greed Index stood at 27 after 2026 traders.",
    "Über-Händler in Zürich verloren 3 Millionen Euro — 5 % weniger.", "Café owners said 12 000 coins.",
    # the eighth round's forms: currencies, "pc", compound modifiers, dated citations, clause-level hearsay, headings' credits
    "Velo-tracked longs lost €80 million, HK$12 million and USDT 4 million, 16pc more (CoinGlass, March 3).",
    "Funding stood at 0.01%, a fund is said to be behind the move; reportedly, it sold.", "Longs by venue (Data: CoinAnk)",
    "A trader claimed that 20x leverage is a bet.", "Unless otherwise noted, all figures in this article come from Kaiko.",
    # the tenth round's second wave: passive hearsay, a holder's view, a date before a counted noun, unnamed data
    "Binance is said to have lost $40 million; Kraken was estimated to hold 2,000 BTC.", "Lee forecasts $150,000 by June.",
    "The March 3 liquidations and the 12 September wallets came after 3 liquidations.", "Market metrics point to a recovery.",
    # the twelfth round's: a dash's credit, a report's release and its findings, data pointing back, a quotation after a
    # fronted clause, a chart's source in parentheses, valuing verbs, possessives, participles, "via" a venue
    "“Longs lost $80 million in an hour.” - Dana Reyes, a trader at Northwind", "Key findings", "**Highlights:**",
    "Velo released its monthly derivatives report on Monday.", "The same data shows shorts gave up $40 million.",
    "These data also suggest a floor.", "Once the desk wrapped up its $9 million buyback, its founder posted “done” to fans.",
    "Forced closures by venue rise as funding flips. (CoinAnk)", "Mira Holt placed a $90 million long at 25x on Tuesday.",
    "CoinAnk pegs the day's long losses near $120 million.", "OKX's share rose; losses linked to the exploit grew.",
    "A 40x long was opened via the decentralised platform Hyperliquid, not via the exchange's data.",
    "Mira Holt placed a $120 million long on OKX at $91,200; shorts fell by 9: 30 am over a 24-hour stretch.",
    # round 13b's: signed amounts, a band of prices, a fraction of a magnitude, a free relative's credit, described
    # speakers, a verb's noun before "of", a post's picture, "that" as a conjunction, guillemets
    "The basis fell to -$17 and −$12 as ether held the $2,000s, the mid-$80,000s and a half billion in longs.",
    "Solana bounced after what the desk described as a $40 million flush, in what Velo called its worst week.",
    "Most options traders expect a retest; a growing share of funds warned of a squeeze; pic.twitter.com/Ab12Cd",
    "The flush was so large that $75 million vanished; «Longs lost $9 million,» said Mika Lund.",
]


def main() -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / ".textlint" / "grammar.json")
    ap.add_argument("--check", type=Path, nargs="*", default=[], help="folders of *.md whose sentences the self-check uses")
    ap.add_argument("--ascii-words", action="store_true", help="JavaScript's ASCII \\w, \\b, \\d, \\s (not Python's)")
    args = ap.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(export(ascii_words=args.ascii_words), indent=1, ensure_ascii=False), encoding="utf-8")
    texts = sample_texts(args.check, OWN_SAMPLES)
    problems = self_check(args.out, texts)
    print("\n".join(problems) or f"{len(expressions())} expressions match alike in Python and Node on {len(texts)} texts")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
