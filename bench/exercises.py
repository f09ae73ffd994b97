"""Every fact-free reading of writer's check, and the corpus block of our own wording that exercises it.

``ROWS`` is the table: a reading's name, where writer reads it (module, function, phrases.yaml section), the switch the
textlint port skips it by (``READINGS`` in bench/textlint/lib/grammar.js; None for what the port cannot do without:
frames, markers, figures' base forms), the block (Markdown lines; ``{m1}``, ``{m2}`` are dollar amounts, ``{src}`` a
source, ``{venue}`` an exchange, drawn per article) and the findings writer gives on the block alone (F001, F002, S001,
S002 counts): a must-flag or must-pass expectation that fails when writer's reading changes.

bench/bench_check.py puts these blocks into its generated corpus (``exercise_sections``: every article gets a few, each
under a heading of its own, so that every row lands in several articles), which is how the agreement with the textlint
port measures each reading, new ones included. tests/test_bench_exercises.py fails when writer gains a reading this
table does not name (a phrases.yaml section, a function of the fact-free rules or of captions.py): such a reading has
no corpus sentence, so the port could lack it and the agreement would still read 100%.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Row:
    reading: str
    where: str  # writer's module.function and phrases.yaml sections (the names tests/test_bench_exercises.py looks for)
    switch: str | None  # the port's READINGS name (None: core, no switch)
    lines: tuple[str, ...]
    expect: dict = field(default_factory=dict)  # code -> count on the block alone

    @property
    def whole(self) -> bool:
        """Does the block cover every figure after it in the article (what the piece rests on, a release note)? It then
        goes last among its article's rows, so that it masks none of them."""
        return self.switch in WHOLE_PIECE


def row(reading, where, switch, lines, **expect) -> Row:
    return Row(reading, where, switch, tuple(lines), {k: v for k, v in expect.items() if v})


WHOLE_PIECE = ("story_basis", "release_notes")
BARE = "Shorts on {venue} lost {m1} while longs gave up {m2}."

ROWS: tuple[Row, ...] = (
    # --- what is a figure (figures.py, multiples.py; a bare figure is flagged) ---
    row("bare figure", "figures.find_figures", None, [BARE], F001=2),
    row("range", "figures._join_ranges", None, ["Longs lost between {m1} and {m2} on {venue}."], F001=1),
    row("part of a magnitude", "figures._HALF_RE", "parts", ["Long losses passed half a billion dollars over the day."], F001=1),
    # (a record's span asks no source since round 13b, f001._record_span: the span exercised as the figure that lets a
    # credited sentence open its paragraph's run)
    row("span extremes", "figures._EXTREME_RE", "extremes",
        ["According to {src}, funding on {venue} hit a 4-year high. Longs lost {m1} in the flush that followed."]),
    row("ticker amounts", "figures._TICKER_AMOUNT", "tickers", ["A desk moved 7,400 SUI to {venue} before the drop."], F001=1),
    row("counts in words", "figures._COUNT_WORDS_RE", "count_words", ["Hundreds of accounts were closed by the engine."], F001=1),
    row("small counts in words", "figures._SMALL_COUNT_RE; figures._actors_speak_rx", "small_counts",
        ["Four whales on {venue} made a fortune in the squeeze, and eight liquidations followed. Two traders said the move was fast."],
        F001=2),
    # (round fifteen: the people a writer asked are no count of the event; those who were liquidated are)
    row("the people asked are no count", "figures._actors_asked_rx; phrases.yaml described_speakers (its asked list)", "actors_asked",
        ["We spoke with two traders on {venue} after the flush. The desk polled five funds, and three traders were liquidated."],
        F001=1),
    # (round fifteen: a spaced small letter is no magnitude, a plural magnitude is one)
    row("a spaced small letter, a plural magnitude", "figures._SPACED_LETTER; figures._mag", "spaced_letter",
        # (the small letter left out, the figure pointing back matches the credited one: it is covered)
        ["Longs on {venue} lost $19 billions over the week.", "", "According to {src}, a desk sold $5 t of ether there.", "",
         "That $5 was the day's largest sale."], F001=1),
    row("records", "figures._RECORD_RE", "records", ["Forced selling on {venue} set a fresh record."], F001=1),
    row("shares in words", "figures._SHARE_RE", "shares", ["Nearly a third of the forced orders landed on {venue}."], F001=1),
    row("multiples in words", "multiples._READINGS", "multiples", ["Long closures on {venue} tripled from the day before."], F001=1),
    row("other currencies and pc", "figures._PREFIX; figures._PC", "currency_units",
        ["According to {src}, longs lost $62 million.", "", "That €62 million was the day's largest, as open interest slid 9pc."], F001=2),
    row("one position's leverage", "figures._POSITION_LEVERAGE", "position_leverage",
        ["A whale opened a 25x long on SOL worth {m1}."], F001=2),
    # --- attribution in the sentence (phrases.yaml markers, frames.py) ---
    row("attribution marker", "phrases.yaml attribution", None, ["According to {src}, longs lost {m1} over the day."]),
    row("reporting verb", "frames.Frames._by_verb; phrases.yaml frames: strong_verbs", None, ["{src} said longs lost {m1} over the day."]),
    row("agent of a passive", "frames.Frames._after(_agent); phrases.yaml frames: agent_verbs", None,
        ["Longs lost {m1} overnight, as tracked by {src}."]),
    row("a preposition before the source", "phrases.yaml frames: prepositions", None, ["Going by {src}'s figures, shorts lost {m1}."]),
    row("an aside between a source and its verb", "phrases.yaml frames: asides", None,
        ["{src}, for its part, counted {m1} in long closures."]),
    row("an inverted report", "phrases.yaml frames: inverted_verbs", None, ["Longs lost {m1} overnight, writes {src}."]),
    row("in line with a source", "phrases.yaml frames: comparison_prepositions", None,
        ["Long closures came to {m1}, in line with {src}'s tally."]),
    row("a data provider's title before a weak verb", "phrases.yaml frames: weak_verbs, publisher_nouns", None,
        ["Data provider {src} recorded {m1} in short closures."]),
    row("a venue's role with a weak verb", "phrases.yaml frames: venue_nouns, source_nouns", None,
        ["The platform recorded {m1} in forced closures."], F001=1),
    row("a generic speaker's employer", "frames (speaker, _POST_MODIFIER); phrases.yaml frames: source_nouns", None,
        ["Analysts at the bank forecast $150,000 for bitcoin by June."]),
    row("it with a verb of speech", "frames.Frames._left_it; phrases.yaml frames: it_verbs", "it_speaks",
        ["It added that shorts gave up {m1} before the European open."]),
    row("it with another verb", "frames.Frames._left_it", "it_speaks", ["It showed shorts giving up {m1} before noon."], F001=1),
    row("source alone in parentheses", "frames.Frames._in_parens", "in_parens", ["Long liquidations passed {m1} over the day ({src})."]),
    row("source as a compound modifier", "frames.Frames._compound_at; phrases.yaml frames: compound_participles", "compound", ["{src}-tracked liquidations came to {m1} on the day."]),
    row("unnamed data as subject", "frames (generic data subject); phrases.yaml frames: data_nouns, data_modifiers", None, ["The data shows longs lost {m1} within the hour."]),
    row("a counting verb after a name", "phrases.yaml frames: tallying_verbs", "tallied", ["Velo tallied 12,400 liquidated wallets over the day."]),
    row("a source's coverage before its verb", "figures._COVERAGE_BEFORE", "coverage",
        ["{src}, which tracks dozens of venues, saw shorts lose {m1}."], F001=1),
    row("single source", "phrases.yaml single_source", None, ["Longs lost {m1}, a figure from a single source."]),
    row("rumour", "phrases.yaml rumor", None, ["Unconfirmed posts say a desk lost {m1} on {venue}."]),
    row("pending", "phrases.yaml pending", None, ["Shorts lost {m1}, a tally still awaiting confirmation."]),
    row("estimate", "phrases.yaml estimate", None, ["An estimated {m1} in longs sits below the current price."], F001=1),
    row("disagreement", "phrases.yaml disagreement; phrases.yaml frames: differ_verbs", None, ["{src} and CoinAnk differ on the day's total of {m1}."]),
    row("name label", "labels.py; phrases.yaml frames: not_names", "label_credits", ["{src}: longs lost {m1} over the day."]),
    row("kicker label", "labels.py; phrases.yaml kickers", "label_credits", ["Bottom Line: longs lost {m1} over the day."], F001=1),
    row("dialogue turns", "labels.DIALOGUE_TURNS", "dialogue",
        ["Maria: longs lost {m1} over the day.", "", "Tomas: shorts gave up {m2} of it.", "", "Maria: that was the bulk of it."], F001=2),
    # --- a paragraph's run, carry and what stops it (analysis.py) ---
    row("run opening carries", "analysis.Analysis._first_caveat; analysis.Analysis.run_opening; analysis.Analysis._opens_run; "
        "analysis.Analysis.caveat_in_scope", None,
        ["According to {src}, liquidations reached {m1} in a day. Longs took {m2} of it."]),
    row("market context not carried", "analysis.Analysis._kind_carried; analysis.Analysis._context_only; analysis.Analysis._foreign; "
        "analysis.Analysis._liquidations_only; phrases.yaml carry: context, liquidations", "context_carry",
        ["According to {src}, liquidations reached {m1} in a day. Bitcoin traded at $91,200 as the move stalled."], F001=1),
    row("credit told after its figures does not carry", "analysis.Analysis._closes_on_credit", "closes_on_credit",
        ["Longs lost {m1} as prices fell, {src} reported. Ether changed hands at $2,940 by noon."], F001=1),
    row("forecast not carried", "analysis.Analysis._forecast; phrases.yaml carry: forecast", None,
        ["According to {src}, longs lost {m1}. Bitcoin is expected to reach $99,000 by March."], F001=1),
    # (round fifteen: after the prices the run is over; a comparison of the run's own figures, "a 3-to-1 split", is not)
    row("a run interrupted by another kind of figure", "analysis.Analysis.run_interrupted; analysis.Analysis._interruptions; "
        "analysis.Analysis._gives_measures", "run_interrupted",
        ["According to {src}, longs lost {m1} in a day, a 3-to-1 split. Shorts gave up {m2}. The market's value fell $90 billion "
         "as bitcoin slid. Ether longs lost $48 million on {venue}."], F001=2),
    # (the hedge credits its own part of the sentence since round fourteen, ``hearsay_credited``: the carry it stops shows
    # where a hedge set off as the sentence's adverb reaches past a semicolon)
    row("hearsay stops carry", "analysis.Analysis.hearsay; phrases.yaml carry: hearsay", "hearsay",
        ["According to {src}, liquidations reached {m1} in a day. Reportedly, a fund on {venue} sold early; it lost {m2}."], F001=1, F002=1),
    row("hearsay by clause", "analysis.Analysis._hearsay_clauses", "hearsay_clauses",
        # (a semicolon between: since round fourteen a hedge credits its part of the sentence, comma clauses and all)
        ["According to {src}, liquidations reached {m1}. Longs took {m2} of it; a desk is said to be behind the move."], F002=1),
    row("unnamed credit does not carry", "analysis.Analysis._unnamed_credit; analysis.Analysis._may_open", None,
        ["Market metrics point to a recovery. Longs lost {m1} on {venue}."], F001=1),
    row("figure that refers back", "analysis.Analysis.repeats_attributed", None,
        ["According to {src}, longs lost {m1}.", "", "That {m1} was the day's largest loss."]),
    # --- notes (phrases.yaml note_*) ---
    row("note over the run", "phrases.yaml note_run; analysis.Analysis.notes_covering; analysis.Analysis.covering_notes", "note_run", [f"{BARE} Those figures are {{src}}'s."]),
    row("note inside a clause", "analysis.Sentence.note (opens with); analysis.Analysis._in_run", "note_opens",
        ["Longs lost {m1}, and some of the data are from {src}."], F001=0),
    row("note over the section above", "phrases.yaml note_backward; phrases.yaml note_label", None,
        [BARE, "", "- **Data caveat:** The above figures come from a single source, {src}."]),
    row("note forward", "phrases.yaml note_forward", None, [f"The following figures come from {{src}}. {BARE}"]),
    row("note over the article", "phrases.yaml note_article", "note_article", ["All figures in this article come from {src}.", "", BARE]),
    # --- credit lines, lists, tables, captions (captions.py, analysis.py) ---
    row("closing credit of a paragraph", "analysis.Analysis._closing_credit", "closing_credit",
        [f"{BARE} The combined tally came to a large sum for a quiet week, as traders noted afterwards. Source: {{src}}"]),
    row("credit line under a paragraph", "captions.credit_form; captions.place_credits; analysis.Analysis._caption_credit; "
        "phrases.yaml frames: labels", "captions", [BARE, "", "Source: {src}"]),
    row("photo credit credits nothing", "captions.credit_form (picture); phrases.yaml captions: pictures", "captions", [BARE, "", "Photo: {src}"], F001=2),
    row("list lead-in with a colon", "analysis.Analysis._list_credit", "list_credit",
        ["{src} counted these losses by venue:", "", "- {venue} longs: {m1}", "- Bybit shorts: {m2}"]),
    row("a name and its data as lead-in", "frames.Frames.names_data; phrases.yaml frames: after_name_nouns", "list_credit", ["{src} data for the past day:", "", "- {venue} longs: {m1}"]),
    row("a plural description of sources as lead-in", "described_groups.group_lead; phrases.yaml linking (descriptions)", "group_lead",
        ["Several trackers agree on the shape of the day:", "", "- {venue} longs: {m1}", "- Bybit shorts: {m2}"]),
    row("a list said to be below", "analysis._POINTS_BELOW", "points_below", ["{src}'s figures by venue are below.", "", "- {venue}: {m1}"]),
    row("a speaker's colon", "analysis.Analysis._list_credit (said)", "said_credit",
        ["In a note to clients, {src} said:", "", "> Longs lost {m1} on {venue} as the bid thinned."]),
    row("list credit item last", "captions.list_run", "captions", ["- {venue} longs: {m1}", "- Bybit shorts: {m2}", "- Source: {src}"]),
    row("list credit item first", "captions.place_credits (first item)", "list_first_credit",
        ["- Data: {src}", "- {venue} longs: {m1}", "- Bybit shorts: {m2}"]),
    row("credit line above a list", "captions.place_credits (above)", "credit_above", ["Source: {src}", "", "- {venue} longs: {m1}"]),
    row("credit line under a table", "analysis.Analysis._list_credit (table); captions.table_run", "list_credit",
        ["| Venue | Longs |", "|---|---|", "| {venue} | {m1} |", "", "Source: {src}"]),
    row("table header's source column", "captions.header_credits; captions._may_credit", "header_credits",
        ["| Venue | Longs | Source |", "|---|---|---|", "| {venue} | {m1} | {src} |", "| Bybit | {m2} | |"], F001=1),
    row("heading's credit", "captions.heading_credit; captions.section_run", "heading_credits", ["### Longs by venue (Data: {src})", "", BARE]),
    row("embedded post's signature", "captions.post_signature; captions.post_run", "posts",
        ["> Longs just lost {m1} on {venue}.", ">", "> — Dana Reyes (@dreyes) March 3, 2026"]),
    row("chart caption read by the prose below", "captions.points_at_chart; phrases.yaml captions: pointers, separators", "captions",
        ["Liquidations by venue, past 24 hours | Source: {src}", "", f"As the chart shows, {BARE[0].lower()}{BARE[1:]}"]),
    row("chart introduced with a colon", "captions.introduces_chart; phrases.yaml captions: intros", "captions",
        ["Here is how the day's forced closures split:", "", "Liquidations by venue, past 24 hours | Source: {src}", "", BARE]),
    row("a chart's title is no credit", "captions._title_like; phrases.yaml captions: title_labels", "title_labels",
        ["Chart: Bitcoin liquidations by hour", "", f"From the chart, {BARE[0].lower()}{BARE[1:]}"], F001=2),
    row("a caption credits the paragraph above", "captions.credits_above", "caption_above",
        [BARE, "", "Liquidations by venue, past day | Source: {src}"]),
    row("a chart title with its source and no label", "captions.sourced_chart; phrases.yaml captions: charted", "caption_above",
        [BARE, "", "Daily long liquidations by venue, via {src}"]),
    row("a picture of a chart with its source", "captions.credit_form (sourced picture)", "caption_above",
        [BARE, "", "Image: BTC liquidations via {src}"]),
    row("a photo's credit after a title", "phrases.yaml captions: pictures (titled_picture)", "caption_above",
        [BARE, "", "Traders at a desk in Seoul | Image: {src}"], F001=2),
    row("a liquidation map over realised figures", "phrases.yaml captions: mapped", "caption_above",
        [BARE, "", "BTC liquidation heat map | Source: {src}"], F001=2),
    row("a liquidation map over potential liquidations", "captions.credits_above (_POTENTIAL); phrases.yaml conditional", "caption_above",
        ["If bitcoin falls below $80,000, {m1} in longs would be liquidated.", "", "BTC liquidation heat map | Source: {src}"]),
    row("a credit line closing the article", "captions._closes_article", "closes_article",
        [BARE, "", "Longs on {venue} lost {m2} by the close.", "", "Source: {src}"]),
    row("market context under a chart of liquidations", "analysis.Analysis.caption_for; analysis.Analysis.covered_from_outside",
        "caption_for",
        ["Bitcoin changed hands at $88,400 by the close.", "", "BTC liquidations by venue | Source: {src}"], F001=1),
    # --- quotations (rules/f001 _quote_credited) ---
    row("quotation credited after it closes", "f001._quote_credited; f001._open_after; analysis.Analysis.carried", "quotes",
        ["“Longs lost {m1} in an hour. Nobody had margin for it,” Mira Holt said."]),
    row("quotation going on after its credit", "f001._credited_opening; f001._quotation_state", "quotes_go_on",
        ["“It was quick,” Tomas Ivers said. “Shorts then gave up {m1} before noon.”"]),
    row("a speaker introduced, the quotation next", "f001._goes_on_from; f001._names_speaker; f001._only_quotation; f001._quoted",
        "speaker_intro", ["Mira Holt, who trades from Lisbon, was blunt about the session.", "", "“Longs lost {m1} in an hour.”"]),
    row("quotation split over paragraphs", "f001._reopened", "quotes_reopened",
        ["“Longs lost {m1} in the first hour.", "", "“Shorts gave up {m2} after that,” said Tomas Ivers."]),
    # --- the rule's own readings (rules/f001_no_attribution.py) ---
    row("what the piece rests on", "f001._story_basis; f001._tells_basis; phrases.yaml story_basis", "story_basis",
        ["This piece is based on data from {src}.", "", BARE]),
    row("a worked example", "f001._worked_example; phrases.yaml example, example_anchors", "worked_example",
        ["For example, if a trader opens a {m1} long at 10x, a 10% drop ends it."]),
    row("a worked example tied to the event's days", "f001._worked_example (anchors); phrases.yaml example_anchors", "worked_example",
        ["For example, if you had bought at $74,000 on Monday, you would be down $12,000 now."], F001=2),
    row("market context after a credit", "f001._context_after_credit", "context_after_credit",
        ["Longs lost {m1}, per {src}, as ether slid to $2,450."], F001=1),
    row("market context after a credit, no comma", "f001._context_after_credit (bare clause); phrases.yaml carry: price_move", "bare_context_clause",
        ["Per {src}, liquidations hit {m1} as bitcoin fell to $84,300."], F001=1),
    row("hearsay credits an unnamed source", "analysis.Analysis.hearsay_credited; phrases.yaml carry: hearsay", "hearsay_credited",
        ["A fund on {venue} reportedly lost {m1} overnight, and a market maker is said to have lost {m2}."], F002=2),
    row("hearsay's part of the sentence", "analysis._sentence_part (two dashes around an aside cut nothing)", "hearsay_credited",
        ["Longs on {venue} lost {m1} — most of it within the hour — and a desk allegedly shed {m2}."], F002=2),
    row("hearsay stops at a semicolon", "analysis._sentence_part (a semicolon ends the hedge's part)", "hearsay_credited",
        ["Shorts lost {m1}; a fund on {venue} is said to have bought the lows."], F001=1, F002=1),
    row("a credit in the sentence after", "f001._credit_after; phrases.yaml credit_after; analysis.Analysis.next_in_block", "credit_after",
        ["Longs lost {m1} over the day. That is according to {src}."]),
    row("a citation marker after the full stop", "phrases.yaml credit_after (marker)", "credit_after",
        ["Bitcoin slid to $83,900 before noon. [4]"]),
    row("a speaker's reported clause", "figures._reported_clause", "reported_clause",
        ["A trader claimed that 20x leverage is a bet on a quiet market."]),
    row("an issuer's release", "phrases.yaml release_notes", "release_notes",
        ["[NEWS RELEASE – Porto, 4 May 2026]", "", "The exchange set aside {m1} for a user protection fund."]),
    # --- the twelfth round's (rules/f001, captions.py, frames.py, anaphora.py) ---
    row("a quotation credited after a dash", "f001._dash_credited", "dash_credit",
        ["“Longs lost {m1} in an hour and nobody had margin for it.” - Dana Reyes, a trader at Northwind"]),
    row("a report's findings under their heading", "f001._report_findings; f001._findings_section; phrases.yaml report_findings",
        "report_findings", ["{src} released its monthly derivatives report on Monday.", "", "### Key findings", "",
                            "- Longs lost {m1} over the month.", "- Shorts gave up {m2}."]),
    row("data pointing back at an earlier credit", "f001._points_back; phrases.yaml source_anaphors (anaphora.points_back)",
        "points_back", ["According to {src}, longs lost {m1} over the day.", "", "The same data shows shorts gave up {m2} by noon."]),
    row("a speaker's quotation does not credit a fronted clause", "f001._quote_only_credit; phrases.yaml quote_only", "quote_only",
        ["Once the desk wrapped up its {m1} buyback, its founder posted “we are done here” to his followers."], F001=1),
    row("a quotation after a colon, whoever speaks", "f001._speech_colon", "speech_colon",
        ["- Traders on {venue} went quiet.", "- Asked about the flush, one desk head wrote:", "", "“Longs lost {m1} in an hour.”"]),
    row("a chart's title with its source in parentheses", "captions.parenthesised_chart", "parenthesised_chart",
        [BARE, "", "Forced closures by venue rise as funding flips. ({src})"]),
    row("a valuing verb reports only with its value", "phrases.yaml frames: valuing_verbs (frames.Frames._valued, _TRADE_OBJECT)",
        "valuing", ["Mira Holt placed a {m1} long on {venue} at $91,200 before the drop.", "",
                    "{src} put the day's long losses at {m2}."], F001=2),
    row("a verb's form after a possessive is a noun", "frames._POSSESSIVE_BEFORE", "possessive_verb",
        ["{venue}'s share rose to {m1} of the day's closures."], F001=1),
    row("a participle before 'to' names no source", "frames._PARTICIPLE_TO", "participle_to",
        ["Losses linked to the exploit reached {m1}."], F001=1),
    row("a reporting window named by a noun of time", "figures._is_reporting_window; figures._WINDOW_LIKE_NOUNS", "window_nouns",
        ["Shorts lost {m1} over a brutal 24-hour stretch, ending an 847-day stretch of calm."], F001=2),
    row("a clock time with a spaced colon is no ratio", "figures._FIGURE_RE (ratio)", None,
        ["Shorts gave up {m1} on {venue} by 9: 30 am."], F001=1),
    row("'via' a venue is where a trade ran", "frames.Frames._via_venue_at", "via_venue",
        ["A 40x long worth {m1} was opened via the trading platform {venue}."], F001=2),
    # --- the thirteenth round's (captions.py, analysis.py, frames.py, rules/f001, rumour_causes.py) ---
    row("a credit line covers the paragraph below", "captions.credits_below; captions.place_credits (below)", "credit_below",
        ["Source: {src}", "", BARE]),
    row("a caption of prices counts no liquidations", "analysis.Analysis.caption_for (price chart)", "caption_for",
        ["Ether price, hourly candles | Source: {src}", "", BARE], F001=2),
    row("a credit line with no title covers any figure", "analysis.Analysis._untitled", "caption_for",
        ["Bitcoin changed hands at $88,400 by the close.", "", "Source: {src}"]),
    row("a price level is market context", "phrases.yaml carry: context (levels)", "context_carry",
        ["Per {src}, longs lost {m1} on {venue}. Resistance at $0.48 held all week."], F001=1),
    row("where a speaker said it, between name and verb", "phrases.yaml frames: speech_media", None,
        ["Mira Holt in a post noted that longs lost {m1} on {venue}."]),
    row("a point-back credit opens a run", "f001._points_back (run)", "points_back_run",
        ["According to {src}, longs lost {m1} over the day.", "",
         "The same data shows shorts gave up {m2} by noon. Those closures cost {venue} traders $44 million more."]),
    row("a rumour told as a move's cause", "phrases.yaml rumour_causes (rumour_causes.moved_by_rumour)", "rumour_causes",
        ["After the listing rumour, ether jumped from $2,900 to $3,300 on {venue}."], F001=2),
    # --- round 13b (rules/f001, analysis.py, captions.py, frames.py, figures.py, described_speakers.py) ---
    row("guillemets open and close a quotation", "f001._opens_any; f001._closes_any; f001._opens_with_mark", "guillemets",
        ["«Longs lost {m1} on {venue} in an hour. Funding flipped twice,» said trader Mika Lund."]),
    row("a credit carries to prices only from prices", "analysis.Analysis._gives_context", "context_kind",
        ["Per {src}, its skew gauge stood at 38% on Friday. Ether traded at $2,640 on {venue} that evening."], F001=1),
    row("a post's own text, whatever its kind", "analysis.Analysis._signs_post; analysis.Analysis._post_form", "caption_for",
        ["Longs got crushed this week: {m1} on {venue} alone.", "", "— Mika Lund (@mikalund) May 3, 2026"]),
    row("a post with a picture covers the prose under it", "captions.carries_picture; phrases.yaml captions: post_pictures",
        "post_picture", ["Top venues by long liquidations this week. pic.twitter.com/Zx81Qa", "",
                         "— Mika Lund (@mikalund) May 3, 2026", "", BARE]),
    row("a record's span asks no source", "f001._record_span", "record_span",
        ["Ether hit a 14-month high on {venue} on Friday."]),
    row("a free relative credits its own noun phrase", "f001._relative_only_credit; phrases.yaml free_relative_verbs",
        "free_relative", ["Solana recovered to $142 on {venue}, after what {src} described as a {m1} flush."], F001=1),
    row("described people speaking", "phrases.yaml described_speakers", "described_speakers",
        ["Most options traders expect longs to lose {m1} more on {venue}."]),
    # (round fifteen: "point out" among the described speakers' verbs, "analytics" among the frames' data nouns)
    row("described people pointing out, unnamed analytics", "phrases.yaml described_speakers (point out); "
        "phrases.yaml frames: data_nouns (analytics)", "described_speakers",
        ["Others pointed out that longs lost {m1} on {venue}. On-chain analytics reveal a whale's account fell to {m2}."]),
    row("a verb's form before 'of' is its noun", "phrases.yaml frames: of_verbs", "of_noun",
        ["- **Vault risk:** Growing share of vaults on {venue} within 7% of their limit."], F001=1),
    # (round 13's fact-mode reading that reaches the fact-free check: the values a figure pointing back is matched by)
    row("a list's magnitude written once", "figures._share_magnitude", "list_magnitude",
        ["According to {src}, longs lost $41.2, $18.75 and $9.9 million on three venues.", "",
         "That $41.2 million was the largest of the day's losses."]),
    # --- round fourteen (figures.py) ---
    row("a magnitude after a space, 'Bil', coins after a suffix", "figures._FIGURE_SOURCE (money, suffixed)", None,
        ["Longs on {venue} lost $41 K and $2.5 B while 2.35 M BTC and $13 Bil. moved."], F001=4),
    # --- F002 (rules/f002_unmarked_claim.py) ---
    row("claim unmarked", "phrases.yaml claim", None, ["A claim spread that {m1} in shorts sits near $97,000."], F001=2, F002=2),
    row("claim marked unverified", "f002 (scope classes); analysis.Analysis.scope_classes", None, ["An unverified claim puts {m1} in shorts near $97,000."]),
    row("a holder's view", "f002._views_only; phrases.yaml frames: view_verbs", None, ["Dana Reyes forecasts $150,000 by June."]),
    # --- suppressions (suppressions.py) ---
    row("unknown suppression code", "suppressions._CODE_RE", None, ["<!-- writer: disable-next-line F099 -->", BARE], F001=2, S001=1),
    row("unused suppression", "suppressions (S002)", None, ["<!-- writer: disable-next-line F001 -->", "According to {src}, longs lost {m1}."],
        S002=1),
)

# Names in writer's check that are no reading of their own (helpers, guards, expression builders) or belong to fact mode
# or to a source registry, which the fact-free comparison runs without. tests/test_bench_exercises.py enumerates
# phrases.yaml's sections (and the keys of frames, captions and carry), the functions of rules/f001 and f002 and of
# captions.py and the methods of analysis.Analysis: a name neither here nor in a row's ``where`` fails it.
NOT_READINGS = {
    "phrases.yaml overstated": "fact mode (P009)",
    "phrases.yaml negation": "fact mode (a negated 'confirmed', P009)",
    "phrases.yaml qualifiers": "a figure's qualifier: fact mode's bounds (F001 reads the figure either way)",
    "phrases.yaml cues": "fact mode (linking cues)",
    "phrases.yaml relays": "fact mode (a relay named beside the source is no wrong source, P008)",
    "phrases.yaml described_sources": "a source the registry describes (needs a registry)",
    "phrases.yaml kickers": "read with a name label (the kicker row names labels.py)",
    "f001.check": "the rule itself",
    "f001.worked_example": "the name _worked_example (exercised by its rows) is given to fact mode's P001, P002, P011",
    "f002.check": "the rule itself",
    "captions._a_name": "a guard of every caption form",
    "captions.is_prose": "a guard of every caption form",
    "analysis.Analysis.role": "a block's role (headline), read by every rule",
    "analysis.Analysis.block": "an accessor",
    "analysis.Analysis._find_captions": "builds what _caption_credit reads",
    "analysis.Analysis._find_list_credit": "builds what _list_credit reads",
    "analysis.Analysis.earlier_blocks": "fact mode (sources named before)",
    "analysis.Analysis._prefix_classes": "a memo of what run_opening reads",
    "analysis.Analysis._prefix_named": "fact mode (sources named in a run)",
    "analysis.Analysis._openers": "a memo of what run_opening reads",
    "analysis.Analysis._words": "reads phrases.yaml carry for every carry row",
    "analysis.Analysis.scope_sources": "needs a registry",
    "analysis.Analysis.credited_by": "needs a registry",
    "analysis.Analysis.own_attributed": "needs a registry",
    "analysis.Analysis.basis_in_scope": "fact mode (P004)",
    "analysis.Analysis.circulation_in_scope": "fact mode (P003)",
    "analysis.Analysis.section_notes": "fact mode (P002, P013)",
    "analysis.Analysis._section_notes": "a memo of the section's notes",
    "analysis.Analysis.single_source_in_scope": "fact mode (P002, P013)",
    "analysis.Analysis.section_sources": "needs a registry",
    "analysis.Analysis.release": "lets go of the analysis after the rules ran",
}

SOURCES = ["CoinGlass", "CoinAnk", "Hyblock Capital", "Arkham", "Lookonchain"]
VENUES = ["Binance", "OKX", "Bybit", "HTX", "Hyperliquid"]
PER_ARTICLE = 4  # rows per generated article (200 articles put every row in five or more while the table holds at most 160 rows)


def block(r: Row, rng: random.Random) -> list[str]:
    """The row's lines with a source, a venue and two amounts drawn from ``rng`` (the same amount wherever {m1} recurs)."""
    m1, m2 = (f"${rng.randint(11, 980)} million" for _ in range(2))
    fill = {"m1": m1, "m2": m2, "src": rng.choice(SOURCES), "venue": rng.choice(VENUES)}
    return [line.format(**fill) for line in r.lines]


def exercise_sections(seed: int, i: int, headings: list[str]) -> list[str]:
    """Article ``i``'s exercise sections: rows ``i * PER_ARTICLE`` onwards (cyclically; one that covers the whole piece
    after it last), each under a heading of its own, from a generator of their own (so the rest of the article stays as
    it was)."""
    rng = random.Random(seed * 7919 + i)
    out = []
    rows = sorted((ROWS[(i * PER_ARTICLE + k) % len(ROWS)] for k in range(PER_ARTICLE)), key=lambda r: r.whole)
    for r in rows:
        out += [f"## {rng.choice(headings)}", "", *block(r, rng), ""]
    return out


def named() -> set[str]:
    """The names the rows' ``where`` give (a parenthesis is a comment; "phrases.yaml frames: a, b" names the section and
    each key; "phrases.yaml a, b" names two sections)."""
    out = set()
    for r in ROWS:
        for part in r.where.split(";"):
            part = re.sub(r"\s*\([^)]*\)", "", part).strip()
            if not part.startswith("phrases.yaml "):
                out.add(part)
                continue
            head, _, keys = part.partition(":")
            sections = [x.strip() for x in head.removeprefix("phrases.yaml ").split(",")]
            out |= {f"phrases.yaml {x}" for x in sections}
            if keys:
                out |= {f"phrases.yaml {sections[0]}: {k.strip()}" for k in keys.split(",")}
    return out


def markdown() -> str:
    """The table as Markdown (bench/results/textlint_readings.md)."""
    lines = ["| reading | where writer reads it | port switch | corpus block (one line per block line) | writer on it |",
             "|---|---|---|---|---|"]
    for r in ROWS:
        text = " / ".join(x for x in r.lines if x).replace("|", "\\|")
        found = ", ".join(f"{k} {v}" for k, v in sorted(r.expect.items())) or "none"
        lines.append(f"| {r.reading} | {r.where} | {r.switch or '-'} | {text} | {found} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
