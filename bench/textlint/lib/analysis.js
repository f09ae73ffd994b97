// writer/check/frames.py (Frames.first), phrases.py (classes_in, has_caveat, framed), analysis.py
// (sentences, figure uses, notes, a paragraph's run opening, figures that refer back, credits of lists and
// tables, back-pointing notes, carry stopping at market context and at hearsay), captions.py (credit lines,
// chart captions, embedded posts' signatures) and labels.py (which "Name:" openings credit a source), step for step.
// Source names are not ported: writer's fact-free check runs without a source registry here, so a
// sentence names no registered source and scope_sources is always empty.
"use strict";
const { G, RX, search, matchAt, finditer, has, fullAt, Memo, on } = require("./grammar");
const { findFigures, smallCountIn } = require("./figures");
const { gated } = require("./multiples");

const CAVEAT = new Set(G.caveat_classes);
const RUN_OPENING = new Set(G.run_opening);
const STRONG = new Set(G.strong_verbs);
const UNVERIFIED = ["rumor", "pending", "estimate"];
const intersects = (set, names) => { for (const n of names) if (set.has(n)) return true; return false; };
const OPENING_MARKS = new Set(G.opening_marks);
const NOT_NAME_WORDS = new Set(G.not_name_words);
const CAPTION_NOT_NAMES = new Set(G.caption_not_names);
const KICKERS = new Set(G.kickers);
const TITLE_LABELS = new Set(G.title_labels);
const SOURCE_COLUMNS = new Set(G.source_columns);
const LATER = G.later || {}; // the reader's ninth-round readings writer has (bench/textlint/grammar.py later_switches)
const TALLIED = new Set(G.tallied || []); // a counting verb's past: any name before it is a source (when writer has it)
const EXAMPLES = (G.rule_classes || []).includes("example"); // a worked example states no figure (when writer has it)
const IT_VERBS = new Set(G.it_verbs); // "it" speaks with these verbs only ("It noted that ...", not "it showed")
const POTENTIAL = G.potential_classes; // prose of potential liquidations, which a liquidation map's caption may credit
const BRAND_FULL = new RegExp(`^(?:${RX.brand.g.source})$`, RX.brand.g.flags.replace("g", ""));
const TICKER_FULL = new RegExp(`^(?:${RX["frame.ticker"].g.source})$`, RX["frame.ticker"].g.flags.replace("g", ""));

// Per-process caches writer keeps (emptied by reset() before every timed round, as the benchmark
// empties writer's): the frames' memo (lru_cache of FIRST_KEPT), the marker-class finder's cache,
// the figure component's memo of (sentences, figures) per block text and of figure-free sentences, the
// masked-text memo.
const memo = {
  first: new Memo(G.first_kept, true),
  markers: new Memo(G.classes_kept),
  chunks: new Memo(G.memo_size),
  figureFree: new Memo(G.figure_free_kept), // the figure component's memo of figure-free sentences
  masked: new Memo(8192), // document.py's _MASKED bound (a literal there, not exported)
};
function reset() { for (const m of Object.values(memo)) m.clear(); }

// --- frames.py: Frames.first -------------------------------------------------------------------

const OF_VERBS = new Set(G.of_verbs || []); // "warned of": a reporting verb before "of" (frames: of_verbs)
const VALUING = new Set(G.valuing_verbs); // "put", "peg", "place": a report only with a value after them

// _by_verb's guards (the twelfth round's): a verb's form after a possessive is a noun ("BTC's share rose"), before "to" a
// participle ("losses linked to"), and a valuing verb with no value in its clause a trade ("he placed a $90 million long").
function notReporting(text, m) {
  const end = m.index + m[0].length;
  if (on("possessive_verb") && search("frame.possessive_before", text, 0, m.index) !== null) return true;
  if (on("participle_to") && matchAt("frame.participle_to", text, end) !== null) return true;
  // round 13b's: a verb's form before "of" is its noun ("a rising share of longs"), but for the verbs that take "of"
  if (LATER.of_noun && on("of_noun") && matchAt("frame.of_after", text, end) !== null && !OF_VERBS.has(m[0].toLowerCase())) return true;
  return on("valuing") && VALUING.has(m[0].toLowerCase()) && !valued(text, end);
}

// _valued: a valuing verb puts its object at a value ("put the total at $300 million"): "at" (or "near", ...) in its
// clause within VALUE_REACH characters, its object no trade's size ("placed a $40 million short at $3,100").
function valued(text, at) {
  return matchAt("frame.trade_object", text, at) === null
    && matchAt("frame.value_at", text.slice(0, Math.min(text.length, at + G.value_reach)), at) !== null;
}

function byVerb(text) {
  for (const m of finditer("frame.verb", text)) {
    if (notReporting(text, m)) continue;
    const lo = Math.max(0, m.index - G.window);
    const strong = STRONG.has(m[0].toLowerCase());
    let left = search(strong ? "frame.left_strong" : "frame.left_weak", text, lo, m.index);
    if (left === null && on("it_speaks") && IT_VERBS.has(m[0].toLowerCase())) left = search("frame.left_it", text, lo, m.index);
    if (left === null && !strong && (matchAt("frame.that", text, m.index + m[0].length) || (on("tallied") && TALLIED.has(m[0].toLowerCase())))) {
      left = search("frame.left_name", text, lo, m.index);
    }
    if (left !== null) return left.index;
  }
  return null;
}

function after(keyword, text, what = "frame.source") {
  for (const m of finditer(keyword, text)) {
    if (keyword === "frame.prep" && viaVenue(text, m)) continue; // where the trade ran: "a 40x long via the trading platform X"
    if (matchAt(what, text, m.index + m[0].length)) return m.index;
  }
  return null;
}

// _via_venue_at: the preposition is "via" before a venue's role noun ("via the trading platform X"), no source.
const viaVenue = (text, m) => on("via_venue") && text.slice(m.index, m.index + 3).toLowerCase() === "via"
  && matchAt("frame.via_venue", text, m.index + m[0].length) !== null;

function byNoun(text) {
  for (const m of finditer("frame.noun", text)) {
    if (matchAt("frame.noun_right", text, m.index + m[0].length)) return m.index;
    const left = search("frame.noun_left", text, Math.max(0, m.index - G.window), m.index);
    if (left !== null) return left.index;
  }
  return null;
}

// _in_parens: a source named alone in parentheses closing a clause ("... over the day (CoinGlass)."), not a ticker.
function inParens(text) {
  for (const m of finditer("frame.paren_name", text, true)) {
    const dated = text.slice(m.indices[1][1], m.index + m[0].length).includes(","); // "(Kaiko, 2026)": a citation wherever it stands
    if (TICKER_FULL.test(m[1]) || (!dated && search("frame.name_before", text, 0, m.index)) || !matchAt("frame.source", text, m.indices[1][0])) continue;
    return m.index;
  }
  return null;
}

// _compound_at: a source named as a compound modifier ("Velo-tracked", "a CoinGlass-compiled tally", "exchange-reported
// figures"): the word before the hyphen is a name (no not-a-name word) or a generic source, not an adverb ("widely-reported").
function compoundAt(text) {
  for (const m of finditer("frame.compound", text)) {
    const w = search("frame.compound_word", text, Math.max(0, m.index - G.compound_reach), m.index);
    if (w === null || w[0].toLowerCase().endsWith("ly")) continue;
    if (matchAt("frame.name", text, w.index) !== null || fullAt("frame.generic", text, w.index, m.index)) return w.index;
  }
  return null;
}

// _not_name_at: does a not-a-name word start at ``at``?
function notNameAt(text, at) {
  const w = matchAt("word", text, at);
  if (w !== null && NOT_NAME_WORDS.has(w[0])) return true;
  return matchAt("frame.not_name_others", text, at) !== null;
}

// names_data: a name and its data, no verb ("CoinGlass data for the past day:"), the name guarded (_leftmost).
function namesData(text) {
  let m = search("frame.name_data_any", text);
  while (m !== null && notNameAt(text, m.index)) m = search("frame.name_data_any", text, m.index + 1);
  return m !== null;
}

// keyword_ends: where the keywords of frames that put the source after them end ("per ", "tracked by ", "said ").
function keywordEnds(text) {
  const out = [];
  for (const k of ["frame.prep", "frame.agent", "frame.speech", "frame.comes"]) {
    for (const m of finditer(k, text)) if (!(k === "frame.prep" && viaVenue(text, m))) out.push(m.index + m[0].length);
  }
  return out;
}

// source_before: the words after a name make it a source (its data, a tally, a reporting verb).
function sourceBefore(text, at) {
  return matchAt("frame.after_name", text.slice(0, at + G.after_name_reach), at) !== null || matchAt("frame.strong_after", text, at) !== null;
}

// --- labels.py: which "Name:" openings credit a source (no registry here: a registered name is never one) --------

function labelName(text) { // Frames.label_name
  const m = matchAt("frame.label_any", text, 0, true);
  return m === null || notNameAt(text, m.indices[1][0]) ? null : m[1];
}

const stripChars = (s, chars) => { let a = 0, b = s.length; while (a < b && chars.includes(s[a])) a++; while (b > a && chars.includes(s[b - 1])) b--; return s.slice(a, b); };
const brandShaped = (name) => name.split(/\s+/u).filter(Boolean).some((w) => BRAND_FULL.test(stripChars(w, ".,'’")));
const escapeRx = (s) => s.replace(/[\\^$.*+?()[\]{}|\/]/g, "\\$&");

function namedAsSource(name, blocks, skip) {
  const rx = new RegExp(`(?<![\\p{L}\\p{N}_@])${escapeRx(name)}(?![\\p{L}\\p{N}_])`, "giu");
  for (const b of blocks) {
    if (b.index === skip) continue;
    const found = Array.from(b.text.matchAll(rx));
    if (!found.length) continue;
    const ends = Array.from(finditer("marker.attribution", b.text), (m) => m.index + m[0].length).concat(keywordEnds(b.text));
    for (const m of found) {
      if (ends.some((e) => m.index - e >= 0 && m.index - e <= G.attribution_reach)) return true;
      if (sourceBefore(b.text, m.index + m[0].length)) return true;
    }
  }
  return false;
}

// _Reader._dialogue: do several paragraphs open with a "Name:" label (a transcript's turns)? Once per article.
function dialogue(blocks) {
  if (blocks._dialogue === undefined) {
    const turns = blocks.filter((b) => !b.inList && b.kind !== "heading" && b.text.slice(0, G.label_reach).includes(":")
      && labelName(b.text.slice(0, G.label_reach)) !== null).length;
    blocks._dialogue = on("dialogue") && turns >= G.dialogue_turns;
  }
  return blocks._dialogue;
}

// _Reader.label_credits: does the "Name:" label opening a block's first sentence name a source? (once per block)
function labelCredits(block, text) {
  if (block._labelCredits === undefined) {
    const name = labelName(text);
    block._labelCredits = name === null || !on("label_credits") || brandShaped(name)
      || ((block.kind === "heading" || !dialogue(block.all)) && !name.trim().includes(" ") && !KICKERS.has(name.trim().toLowerCase()))
      || namedAsSource(name, block.all, block.index);
  }
  return block._labelCredits;
}

// described_speakers.speaker_at (round 13b): a described group of people speaking ("Most traders expect ...").
function describedSpeakerAt(text) {
  const m = search("described_speaker", text);
  return m === null ? null : m.index;
}

function firstFrame(text) {
  let at = memo.first.get(text);
  if (at !== undefined) return at;
  const found = [byVerb(text), after("frame.agent", text), after("frame.speech", text, "frame.name"), after("frame.prep", text),
    byNoun(text), after("frame.comes", text, "frame.name"), on("in_parens") ? inParens(text) : null,
    on("compound") && text.includes("-") ? compoundAt(text) : null, after("frame.comparison", text, "frame.credited_source"),
    LATER.described_speakers && on("described_speakers") ? describedSpeakerAt(text) : null].filter((x) => x !== null);
  const label = search("frame.source_label", text);
  if (label) found.push(label.index);
  at = found.length ? Math.min(...found) : null;
  memo.first.set(text, at);
  return at;
}

// --- phrases.py -----------------------------------------------------------------------------------

function attributionAt(text, label) {
  const at = firstFrame(text);
  const m = label ? matchAt("frame.name_label", text, 0) : null;
  return m ? m.index : at;
}
const differs = (text) => has("frame.differ", text);
const framed = (text, label) => attributionAt(text, label) !== null || differs(text);
const speaksOfData = (text) => has("data_noun", text) || has("frame.source_label", text);

// analysis.py _unnamed_credit: a figure-free sentence whose only caveat is a credit to data of no one named ("Market
// metrics point to a recovery."; the port names no registered source, so sources are never there).
function unnamedCredit(s) {
  const caveats = [...s.classes].filter((c) => CAVEAT.has(c));
  if (caveats.length !== 1 || caveats[0] !== "attribution") return false;
  const at = firstFrame(s.text);
  const subject = at === null ? null : matchAt("frame.generic", s.text, at);
  return subject !== null && speaksOfData(subject[0]);
}
// analysis.py _may_open: a figure, or data spoken of with a credit someone is named for.
const mayOpen = (s) => s.figures.length > 0 || (speaksOfData(s.text) && !unnamedCredit(s));

// KeyFinder.found: the marker classes present in a text, memoised per text (writer asks it for
// has(), has_caveat() and classes_in alike).
function markersIn(text) {
  let found = memo.markers.get(text);
  if (found === undefined) {
    found = new Set(G.rule_classes.filter((c) => has(`marker.${c}`, text)));
    memo.markers.set(text, found);
  }
  return found;
}

function classesIn(text, label) {
  const found = new Set(markersIn(text));
  if (!found.has("attribution") && attributionAt(text, label) !== null) found.add("attribution");
  if (!found.has("disagreement") && differs(text)) found.add("disagreement");
  return found;
}

// --- sentences.py: sentence_bounds ------------------------------------------------------------------

const ABBREVIATIONS = new Set(G.abbreviations);
const isSpace = (c) => /\s/u.test(c);

function sentenceBounds(text) {
  const out = [];
  const end = text.length;
  let s = 0;
  while (s < end && isSpace(text[s])) s++;
  for (const m of finditer("boundary", text)) {
    const dot = m.index;
    const w = search("word_before", text.slice(Math.max(s, dot - 12), dot));
    if (w && text[dot] === "." && ABBREVIATIONS.has(w[1].toLowerCase().replace(/\.+$/, ""))) continue;
    const e = dot + m[0].length;
    if (e > s) out.push([s, e]);
    s = e;
    while (s < end && isSpace(text[s])) s++;
  }
  if (s < end && text.slice(s).trim()) out.push([s, text.trimEnd().length]);
  return out;
}

// FigureComponent.chunks: (sentences, figures) per block text, remembered.
function segment(text) {
  let hit = memo.chunks.get(text);
  if (hit === undefined) {
    const bounds = sentenceBounds(text);
    const figures = has("digit", text) || has("wordy", text) || (on("multiples") && gated(text.toLowerCase())) || smallCountIn(text.toLowerCase())
      ? findFigures(text, bounds, memo.figureFree) : [];
    hit = [bounds, figures];
    memo.chunks.set(text, hit);
  }
  return hit;
}

// --- analysis.py -----------------------------------------------------------------------------------

class Sentence {
  constructor(block, start, end, text, labelBase) {
    Object.assign(this, { block, start, end, text, labelBase, figures: [], index: -1, pos: -1, _classes: null, _note: undefined });
  }
  get labelOk() { return this.labelBase && labelCredits(this.block, this.text); }
  get classes() {
    if (this._classes === null) this._classes = classesIn(this.text, this.labelOk);
    return this._classes;
  }
  has(cls) { return this._classes !== null ? this._classes.has(cls) : markersIn(this.text).has(cls); }
  hasCaveat() { // (kept: asked once or twice per figure, and of each sentence of a run before it)
    if (this._caveat === undefined) this._caveat = this.readCaveat();
    return this._caveat;
  }
  readCaveat() {
    if (this._classes !== null) return intersects(this._classes, CAVEAT);
    return intersects(markersIn(this.text), CAVEAT) || framed(this.text, this.labelOk);
  }
  get note() {
    if (this._note === undefined) {
      const starts = this.block.noteStarts();
      if (!starts.some((p) => this.start <= p && p < this.end) || !this.hasCaveat()) this._note = null;
      else {
        const c = this.classes;
        if (c.has("note_article") && on("note_article")) this._note = "article"; // "All data in this article comes from X."
        else if (c.has("note_forward") && !c.has("note_backward")) this._note = "forward";
        else if (c.has("note_run") && !c.has("note_backward") && !c.has("note_label")) {
          this._note = on("note_run") && (!on("note_opens") || this.opensWithRunNote()) ? "run" : null;
        }
        else this._note = "backward";
      }
    }
    return this._note;
  }
  // _opens_with(note_run): a back-pointing note is the sentence's subject ("The data are from X."), not a clause in it.
  opensWithRunNote() {
    for (const m of finditer("note_run", this.text)) {
      let opens = true;
      for (const ch of this.text.slice(0, m.index)) if (!OPENING_MARKS.has(ch)) { opens = false; break; }
      if (opens) return true;
    }
    return false;
  }
  // phrases.yaml carry: does the sentence hold words of liquidation data, of market context? (once each)
  words(kind) {
    const key = `_${kind}`;
    if (this[key] === undefined) this[key] = has(`carry.${kind}`, this.text.toLowerCase());
    return this[key];
  }
  get contextOnly() { return !this.words("liquidations") && (this.words("context") || (G.carry_kinds.includes("price_move") && this.words("price_move"))); }
  get forecast() { return G.carry_kinds.includes("forecast") && this.words("forecast"); }
  get liquidationsOnly() { return this.words("liquidations") && !this.words("context"); }
  // _gives_context (round 13b): the sentence speaks of market context; only such a credit carries to market context
  get givesContext() { return this.words("context") || (G.carry_kinds.includes("price_move") && this.words("price_move")); }
  // _hearsay_clauses: (start, end, whole) of each clause holding a hearsay hedge; whole when the clause is the hedge alone
  // (the sentence's adverb: "Reportedly, ..."), which then hedges every clause. Once per sentence.
  hearsayClauses() {
    if (this._hearsayClauses === undefined) {
      const text = this.text;
      const marks = Array.from(finditer("hearsay_cut", text), (c) => [c.index, c.index + c[0].length]);
      this._hearsayClauses = [];
      for (const m of finditer("carry.hearsay", text.toLowerCase())) {
        const end = m.index + m[0].length;
        let a = 0, b = text.length;
        for (const [cs, ce] of marks) {
          if (ce <= m.index && ce > a) a = ce;
          if (cs >= end && cs < b) b = cs;
        }
        this._hearsayClauses.push([a, b, matchAt("adverb_only", text.slice(a, m.index) + text.slice(end, b), 0) !== null]);
      }
    }
    return this._hearsayClauses;
  }
}

// Analysis.hearsay: is the figure hedged with no one named ("reportedly", "is said to"), in a sentence with no caveat of its
// own? The hedge governs its own clause ("Funding stood at 0.01%, a fund is said to be behind the move" says who moved).
function hearsay(u) {
  const s = u.sentence;
  if (!on("hearsay") || !s.words("hearsay") || s.hasCaveat()) return false;
  if (!on("hearsay_clauses")) return true;
  const at = u.figure.start - s.start;
  return s.hearsayClauses().some(([a, b, whole]) => whole || (a <= at && at < b));
}

// --- captions.py: credit lines and chart captions -------------------------------------------------

const isUpper = (c) => c !== "" && c === c.toUpperCase() && c !== c.toLowerCase();
const isProse = (text) => has("prose_end", text);
const introducesChart = (text) => text.trimEnd().endsWith(":") || has("caption.intro", text);
const pointsAtChart = (text) => has("caption.pointer", text);

// _a_name without a registry: a few capitalised words that are not an asset or a common word.
function aName(name) {
  const tokens = name.split(/\s+/u).filter(Boolean);
  return tokens.length > 0 && tokens.length <= G.name_words && isUpper(tokens[0][0]) && !CAPTION_NOT_NAMES.has(tokens[0])
    && tokens.every((t) => isUpper(t[0]) || /^\p{Nd}/u.test(t) || ["on", "via", "and", "&", "of"].includes(t));
}

// credit_form: ["bare" | "titled" | "picture", name] when a block is a credit line or a caption, else null.
// post_signature: the author when a block ends with an embedded post's signature line ("— Name (@handle) date").
function postSignature(text) {
  const lines = text.trimEnd().split("\n");
  const last = lines[lines.length - 1].trim();
  if (last.length > G.caption_chars || !last.includes("@")) return null;
  const m = matchAt("signature", last, 0);
  return m === null ? null : [m.groups.name.trim(), m.groups.handle].filter(Boolean).join(" ");
}

// post_run: a signature credits its own block and the post above it (the quote it closes, or the paragraph before).
function postRun(blocks, index) {
  const out = [index];
  const section = blocks[index].section;
  const quoted = blocks[index].inQuote;
  for (let at = index - 1; at >= 0 && blocks[at].kind === "paragraph" && blocks[at].section === section && blocks[at].sentences.length; at--) {
    if (postSignature(blocks[at].text) !== null || (quoted && !blocks[at].inQuote)) break; // another post's, or the prose before the quote
    out.push(at);
    if (!quoted) break;
  }
  return out;
}

// carries_picture: does a block of an embedded post carry a picture ("pic.twitter.com/...", a Markdown image)?
const carriesPicture = (text) => (text.includes("pic.") || text.includes("![")) && has("caption.post_pictures", text);

function creditForm(text) {
  const author = on("posts") && text.includes("@") ? postSignature(text) : null;
  if (author !== null) return ["post", author];
  if (text.length > G.caption_chars || !text.trim()) return null;
  const lines = text.trimEnd().split("\n");
  const last = lines[lines.length - 1].trim();
  const several = text.trim().includes("\n");
  const labelled = [...G.label_end_chars].some((c) => last.includes(c));
  let m = labelled ? matchAt("caption.bare", last, 0) : null;
  if (m) {
    if (matchAt("caption.picture", last, 0)) { // "Image: BTC liquidations via X": a chart's picture and its source, a caption
      const shown = on("caption_above") ? sourcedChart(m.groups.name.trim()) : null;
      return shown !== null ? ["titled", shown] : ["picture", m.groups.name.trim()];
    }
    const name = m.groups.name.trim();
    if (on("title_labels") && TITLE_LABELS.has(m.groups.label.toLowerCase().split(/\s+/).filter(Boolean).join(" ")) && titleLike(name)) return null;
    return [several ? "titled" : "bare", name];
  }
  m = labelled && has("caption.credited", last) ? matchAt("caption.titled", last, 0) : null;
  if (m && !isProse(m.groups.title)) return ["titled", m.groups.name.trim()];
  const shown = several || !on("caption_above") ? null : sourcedChart(last);
  if (shown !== null) return ["titled", shown]; // "Crypto short liquidations from X data"
  m = has("caption.separated", last) ? matchAt("caption.named", last, 0) : null;
  if (m && !isProse(m.groups.title) && aName(m.groups.name.trim())) return ["titled", m.groups.name.trim()];
  const inParens = several || !on("parenthesised_chart") ? null : parenthesisedChart(last);
  if (inParens !== null) return ["titled", inParens]; // "Long liquidations jump as prices slide. (X)"
  return null;
}

// parenthesised_chart: the source a chart's title line names alone in parentheses at its end ("Long liquidations jump as
// prices slide. (X)"): a title of a few words that names data (captions: charted), no figure, a name and nothing else.
function parenthesisedChart(line) {
  line = stripChars(line.trim(), ["*", "_", " "]);
  if (!(line.endsWith(")") || line.endsWith(").")) || has("figure_sign", line)) return null;
  const m = matchAt("caption.parenthesised", line, 0);
  if (m === null || m.groups.title.split(/\s+/u).filter(Boolean).length > G.title_words || !has("caption.charted", m.groups.title)) return null;
  const name = m.groups.name.trim();
  return aName(name) ? name : null;
}

// sourced_chart: the source a chart's title line names with no label ("Daily liquidations by venue, via X"): a title of a
// few words that names data (captions: charted), no figure, no sentence's end, then "from", "via", ... and a name.
function sourcedChart(line) {
  line = stripChars(line.trim(), ["*", "_", " "]);
  if (has("figure_sign", line) || isProse(line)) return null;
  const m = matchAt("caption.sourced", line, 0);
  if (m === null || m.groups.title.split(/\s+/u).filter(Boolean).length > G.title_words || !has("caption.charted", m.groups.title)) return null;
  const name = m.groups.name.trim();
  return aName(name) ? name : null;
}

// credits_above: does a caption (a title and its credit) credit the paragraph right above it (its sentences)? A chart's
// labelled caption or a title naming data and its source; not a photo's credit after a title, a title and a bare name,
// nor a map of potential liquidations (captions: mapped) over realised figures.
function creditsAbove(text, above) {
  const lines = text.trimEnd().split("\n");
  const last = lines[lines.length - 1].trim();
  if (has("caption.mapped", last) && !above.some((s) => POTENTIAL.some((c) => has(`marker.${c}`, s.text)))) return false;
  if (has("caption.credited", last)) return !has("caption.titled_picture", last);
  const bare = [...G.label_end_chars].some((c) => last.includes(c)) ? matchAt("caption.bare", last, 0) : null;
  if (bare !== null) return matchAt("caption.picture", last, 0) === null || sourcedChart(bare.groups.name.trim()) !== null;
  return sourcedChart(last) !== null || (on("parenthesised_chart") && parenthesisedChart(last) !== null);
}

// credits_below: as credits_above, and also a title and a bare name ("<title> / X"), which desks print over its prose.
function creditsBelow(text, below) {
  if (creditsAbove(text, below)) return true;
  const lines = text.trimEnd().split("\n");
  const last = lines[lines.length - 1].trim();
  const m = has("caption.separated", last) ? matchAt("caption.named", last, 0) : null;
  if (m === null || isProse(m.groups.title)) return false;
  const name = m.groups.name.trim();
  // (not a dateline: "[NEWS RELEASE – City, 4 May 2026]" names a place and a day, no source)
  return aName(name) && !name.split(/\s+/u).filter(Boolean).some((t) => /^\d+$/u.test(stripChars(t, [",", ".", "]"])));
}

// _title_like (no registry): what follows "Chart:" reads as the chart's title, not its source.
function titleLike(name) {
  const words = name.split(/\s+/u).filter(Boolean);
  const first = words.length ? words[0] : "";
  if (!first || name.toLowerCase().startsWith("http")) return false;
  return !isUpper(first[0]) || CAPTION_NOT_NAMES.has(stripChars(first, ".,:;"));
}

// list_run: the block, or every item of the list it belongs to.
function listRun(blocks, index) {
  if (!blocks[index].inList) return [index];
  let lo = index, hi = index;
  const section = blocks[index].section;
  while (lo > 0 && blocks[lo - 1].inList && blocks[lo - 1].section === section) lo--;
  while (hi + 1 < blocks.length && blocks[hi + 1].inList && blocks[hi + 1].section === section) hi++;
  const out = [];
  for (let i = lo; i <= hi; i++) out.push(i);
  return out;
}

// table_run: every cell of the table a cell belongs to (one section's consecutive cells).
function tableRun(blocks, index) {
  let lo = index, hi = index;
  const section = blocks[index].section;
  while (lo > 0 && blocks[lo - 1].kind === "table_cell" && blocks[lo - 1].section === section) lo--;
  while (hi + 1 < blocks.length && blocks[hi + 1].kind === "table_cell" && blocks[hi + 1].section === section) hi++;
  const out = [];
  for (let i = lo; i <= hi; i++) out.push(i);
  return out;
}

// section_run: a heading's section, the blocks after it down to the next heading of the same level or higher.
function sectionRun(blocks, index) {
  const level = blocks[index].level;
  const out = [];
  for (let at = index + 1; at < blocks.length && !(blocks[at].kind === "heading" && blocks[at].level <= level); at++) out.push(at);
  return out;
}

// heading_credit: the name a heading credits for its whole section ("Data: X", "<title> | Source: X", "<title> (Data: X)").
function headingCredit(text) {
  if (![...G.label_end_chars].some((c) => text.includes(c))) return null;
  const form = creditForm(text);
  if (form !== null && (form[0] === "bare" || form[0] === "titled")) return form[1];
  const trimmed = text.trimEnd();
  const m = trimmed.endsWith(")") || trimmed.endsWith("]") ? search("heading_credit", text) : null;
  if (m !== null) {
    const inner = creditForm(m.groups.credit);
    if (inner !== null && inner[0] === "bare") return inner[1];
  }
  return null;
}

// _may_credit: a header cell with a label, a bracket, or a capitalised word after its first.
function mayCredit(cell) {
  const words = cell.split(/\s+/u).filter(Boolean);
  return [":", "|", "(", "["].some((c) => cell.includes(c)) || words.slice(1).some((w) => isUpper(w[0]));
}

// header_credits: the cells of a table (block indexes, in order) its header row credits: a crediting header cell covers its
// column, a "Source" column's cell its own row. Cell -> the crediting sentence.
function headerCredits(blocks, cells) {
  const rows = [];
  for (const c of cells) {
    if (rows.length && blocks[rows[rows.length - 1][0]].positions[0][0] === blocks[c].positions[0][0]) rows[rows.length - 1].push(c);
    else rows.push([c]);
  }
  const out = new Map();
  if (rows.length < 2) return out;
  const header = rows[0];
  header.forEach((h, j) => {
    const own = blocks[h].sentences;
    if (!own.length) return;
    const text = blocks[h].text;
    const label = stripChars(text.toLowerCase().split(/\s+/u).filter(Boolean).join(" "), " :*_");
    const byRow = SOURCE_COLUMNS.has(label);
    if (!byRow && !(mayCredit(text) && (creditForm(text) !== null || own[own.length - 1].hasCaveat()))) return;
    for (const row of rows.slice(1)) {
      if (row.length !== header.length) continue;
      const ss = blocks[row[j]].sentences;
      const line = byRow ? (ss.length ? ss[ss.length - 1] : null) : own[own.length - 1];
      if (line === null || (byRow && line.figures.length)) continue;
      for (const c of byRow ? row : [row[j]]) if (!out.has(c)) out.set(c, line);
    }
  });
  return out;
}

// place_credits: block index -> the credit line covering it.
function placeCredits(blocks) {
  const out = new Map();
  const credit = (indices, line) => { for (const r of indices) if (!out.has(r)) out.set(r, line); };
  const prose = (index, section) => {
    const b = blocks[index];
    return b.kind === "paragraph" && b.section === section && b.sentences.length > 0 && (b.inList || isProse(b.text)) && creditForm(b.text) === null;
  };
  blocks.forEach((b, i) => {
    const own = b.sentences;
    if (b.kind === "table_cell" && (i === 0 || blocks[i - 1].kind !== "table_cell" || blocks[i - 1].section !== b.section)) {
      if (on("header_credits")) for (const [cell, line] of headerCredits(blocks, tableRun(blocks, i))) credit([cell], line);
      return;
    }
    if (b.kind === "heading" && own.length && b.role !== "headline") {
      const credited = on("heading_credits") ? headingCredit(b.text) : null;
      if (credited !== null) credit(sectionRun(blocks, i), own[own.length - 1]); // "## Longs by venue (Data: X)": its section
      return;
    }
    if (b.kind !== "paragraph" || !own.length || (b.text.length > G.caption_chars && !b.text.includes("@"))) return;
    const form = creditForm(b.text);
    if (form === null) return;
    const [kind] = form;
    const line = own[own.length - 1];
    if (kind === "post") { // an embedded post's signature credits the post above it
      const signed = postRun(blocks, i);
      credit(signed, line);
      // round 13b: a post with its chart (captions.carries_picture): the prose right under it reads that chart
      if (LATER.post_picture && on("post_picture") && i + 1 < blocks.length && prose(i + 1, b.section)
          && signed.some((j) => carriesPicture(blocks[j].text))) credit(listRun(blocks, i + 1), line);
      return;
    }
    if (b.inList) { // a list's first or last item that only credits credits the list
      const first = on("list_first_credit") && (i === 0 || !blocks[i - 1].inList || blocks[i - 1].section !== b.section);
      const last = i + 1 === blocks.length || !blocks[i + 1].inList || blocks[i + 1].section !== b.section;
      if (kind === "bare" && (first || last)) credit(listRun(blocks, i), line);
      return;
    }
    credit([i], line);
    if (kind === "picture") return; // a photo's credit credits the photo
    if (G.closes_article && on("closes_article") && kind === "bare" && !b.inQuote && blocks.slice(i + 1).every((x) => creditForm(x.text) !== null || fullAt("chart_title", x.text, 0, x.text.length))) {
      const section = [];
      for (let j = 0; j < i; j++) if (blocks[j].section === b.section) section.push(j);
      credit(section, line); // "Source: X" as the article's last line: the article's own source line, for its whole section
    }
    if (on("credit_above") && kind === "bare" && i + 1 < blocks.length && blocks[i + 1].section === b.section
        && (blocks[i + 1].inList || blocks[i + 1].kind === "table_cell")) { // a list's or table's credit over it
      credit(blocks[i + 1].kind === "table_cell" ? tableRun(blocks, i + 1) : listRun(blocks, i + 1), line);
    }
    const before = i > 0 && prose(i - 1, b.section) ? i - 1 : null;
    const after = i + 1 < blocks.length && prose(i + 1, b.section) ? i + 1 : null;
    // a credit under prose closes it; so does a chart's labelled caption under the paragraph of its figures
    if (before !== null && (kind === "bare" || (on("caption_above") && creditsAbove(b.text, blocks[before].sentences)))) {
      credit(listRun(blocks, before), line);
    }
    const bs = before !== null ? blocks[before].sentences : null;
    const introduced = bs !== null && introducesChart(bs[bs.length - 1].text);
    if (after === null) return;
    const below = listRun(blocks, after);
    const alone = !own.some((x) => x.figures.length); // a line of its own, not prose closing on its credit
    if ((LATER.credit_below && on("credit_below") && alone && (kind === "bare" || creditsBelow(b.text, blocks[after].sentences)))
        || pointsAtChart(blocks[after].sentences[0].text)
        || (introduced && !below.some((r) => blocks[r].sentences.some((s) => s.hasCaveat())))) credit(below, line);
  });
  return out;
}

function noteStarts() {
  if (this._notes === undefined) this._notes = Array.from(finditer("note", this.text), (m) => m.index);
  return this._notes;
}

function localContext(text, f, prevEnd, nextStart, sentStart, sentEnd) {
  const left = text.slice(Math.max(prevEnd, sentStart), f.qstart !== null ? f.qstart : f.start);
  let right = text.slice(f.end, Math.min(nextStart, sentEnd)).replace(RX.paren.g, (p) => " ".repeat(p.length));
  const m = search("clause_end", right);
  if (m) right = right.slice(0, m.index);
  return [left, right];
}

class Analysis {
  constructor(blocks) {
    this.blocks = blocks;
    this.sentences = [];
    this.uses = [];
    this.sections = new Map();
    this.byValue = new Map();
    this.notes = new Map();
    this.findings = new Map(); // section -> is it a report's findings (f001 _report_findings)
    for (const b of blocks) {
      b.noteStarts = noteStarts;
      b.all = blocks;
      const labelOk = !b.inList;
      const [bounds, figs] = segment(b.text);
      const sents = bounds.map(([s, e]) => new Sentence(b, s, e, b.text.slice(s, e), labelOk && s < G.label_reach && !b.text.slice(0, s).trim()));
      let at = 0;
      figs.forEach((f, i) => {
        while (at < sents.length - 1 && f.start >= sents[at].end) at++;
        let s = sents.length && sents[at].start <= f.start && f.start < sents[at].end ? sents[at] : null;
        if (s === null) s = sents.find((x) => x.start <= f.start && f.start < x.end) || sents[sents.length - 1] || null;
        if (s === null) return;
        const prevEnd = i > 0 ? figs[i - 1].end : 0;
        const nextStart = i + 1 < figs.length ? figs[i + 1].start : b.text.length;
        const [left, right] = localContext(b.text, f, prevEnd, nextStart, s.start, s.end);
        const u = { figure: f, block: b, sentence: s, left, right };
        s.figures.push(u);
        this.uses.push(u);
        const key = `${f.unit}|${f.lo}|${f.hi}`;
        if (!this.byValue.has(key)) this.byValue.set(key, []);
        this.byValue.get(key).push(u);
      });
      sents.forEach((s, i) => { s.index = this.sentences.length; s.pos = i; this.sentences.push(s); });
      b.sentences = sents;
      if (!this.sections.has(b.section)) this.sections.set(b.section, []);
      this.sections.get(b.section).push(...sents);
    }
  }

  notesCovering(s) {
    if (s._covering === undefined) {
      const own = s.index;
      const out = this.sectionNotes(s.block.section).filter((n) => n !== s && (n.note === "article" ||
        (n.note === "backward" && n.index > own) || (n.note === "forward" && n.index < own) || (n.note === "run" && n.index > own && this.inRun(n, s))));
      const credit = on("closing_credit") ? this.closingCredit(s.block) : null;
      if (credit !== null && credit !== s && !out.includes(credit) && credit.pos > s.pos) out.push(credit);
      const lead = on("list_credit") ? this.listCredit(s.block.index) : null;
      if (lead !== null && !out.includes(lead)) out.push(lead);
      const caption = this.captionFor(s);
      if (caption !== null && caption !== s && !out.includes(caption)) out.push(caption);
      s._covering = out;
    }
    return s._covering;
  }

  // _in_run: a back-pointing note covers its own paragraph's earlier sentences, or, opening its paragraph, the one before.
  inRun(note, s) {
    if (s.block === note.block) return true;
    const before = note.block.index - 1;
    return note.pos === 0 && before >= 0 && this.blocks[before].section === note.block.section && listRun(this.blocks, before).includes(s.block.index);
  }

  // _closing_credit: a paragraph's last sentence when it only credits a source ("... in all. Source: CoinGlass").
  closingCredit(b) {
    if (b._closing === undefined) {
      const ss = b.sentences;
      const last = ss.length > 1 ? ss[ss.length - 1] : null;
      b._closing = last !== null && !last.figures.length && has("frame.source_label", last.text) && matchAt("credit", last.text, 0) ? last : null;
    }
    return b._closing;
  }

  // _list_credit: the sentence ending in a colon that introduces a list or table (or, for those, one saying they are
  // below: "X's figures by venue are below."), a credit line right after a table, and what a speaker's colon
  // introduces: a block quote, or the one paragraph right after "X wrote:".
  listCredit(bi) {
    const block = this.blocks[bi];
    if (block._listCredit !== undefined) return block._listCredit;
    block._listCredit = null;
    const table = block.kind === "table_cell";
    const said = on("said_credit") && !(block.inList || table) && block.kind === "paragraph";
    if (!(block.inList || table || said)) return null;
    const blocks = this.blocks;
    const member = (b) => said ? block.inQuote && b.inQuote && b.section === block.section
      : b.section === block.section && (table ? b.kind === "table_cell" : b.inList);
    let first = bi;
    while (first > 0 && member(blocks[first - 1])) first--;
    const before = first > 0 && blocks[first - 1].section === block.section ? blocks[first - 1].sentences : [];
    if (said && before.length && (blocks[first - 1].kind !== "paragraph" || blocks[first - 1].inQuote)) return null;
    const lead = before[before.length - 1];
    if (before.length && !blocks[first - 1].inList && (lead.text.trimEnd().endsWith(":") || (!said && on("points_below") && has("points_below", lead.text)))
        && (lead.hasCaveat() || (!said && namesData(lead.text)) || (!said && on("group_lead") && matchAt("group_lead", lead.text, 0) !== null))) {
      block._listCredit = lead;
      return lead;
    }
    if (table) {
      let last = bi;
      while (last + 1 < blocks.length && member(blocks[last + 1])) last++;
      const after = last + 1 < blocks.length && blocks[last + 1].section === block.section ? blocks[last + 1].sentences : [];
      if (after.length === 1 && !after[0].figures.length && has("frame.source_label", after[0].text) && matchAt("credit", after[0].text, 0)) {
        block._listCredit = after[0];
      }
    }
    return block._listCredit;
  }

  // _story_basis: [block, start] of the first sentence that says what the whole piece rests on, with an attribution, or
  // that says the piece is an issuer's release (release_notes; its own sentence too).
  basis() {
    if (this._basis === undefined) {
      this._basis = null;
      for (const x of this.sentences) {
        if (has("story_basis", x.text) && x.hasCaveat()) { this._basis = [x.block.index, x.start]; break; }
        if (on("release_notes") && matchAt("release_note", x.text, 0) !== null) { this._basis = [x.block.index, x.start - 1]; break; }
      }
    }
    return this._basis;
  }

  captionCredit(bi) {
    if (this.captions === undefined) this.captions = on("captions") ? placeCredits(this.blocks) : new Map();
    return this.captions.get(bi) || null;
  }

  // caption_for: the caption covering the sentence's block, unless the sentence is market context and the caption's chart
  // one of liquidations (its title too: "BTC liquidations. Source: X").
  captionFor(s) {
    const caption = this.captionCredit(s.block.index);
    if (caption === null || caption === s || !on("caption_for")) return caption;
    const lines = caption.block.sentences;
    const liquidations = lines.some((x) => x.words("liquidations"));
    if (!LATER.credit_below) { // (before the thirteenth round: market context under a chart of liquidations only)
      return s.contextOnly && liquidations && !lines.some((x) => x.words("context")) ? null : caption;
    }
    // a credit line with no title covers any figure; a caption only figures of its title's kind (a price chart counts
    // no liquidations)
    const form = creditForm(caption.block.text);
    // round 13b: an embedded post's signature covers the post's own text whatever its kind (_signs_post); under it, a
    // post with a picture covers prose of the kind its text speaks of (_post_form)
    const post = LATER.post_picture && form !== null && form[0] === "post";
    if ((form !== null && form[0] === "bare") || (post && s.block.index <= caption.block.index) || !(s.contextOnly || s.liquidationsOnly)) {
      return caption;
    }
    const above = post && caption.block.index > 0 ? this.blocks[caption.block.index - 1].sentences : [];
    const all = above.length ? [...above, ...lines] : lines;
    const liquidated = above.length ? all.some((x) => x.words("liquidations")) : liquidations;
    const context = all.some((x) => x.words("context") || x.words("price_move"));
    // (round 13b: a caption's title of a third kind, neither liquidations nor prices, counts no liquidations either)
    let other = s.contextOnly ? liquidated && !context : LATER.post_picture ? !liquidated : context && !liquidated;
    if (s.contextOnly && post) other = !context;
    return other ? null : caption;
  }

  // covered_from_outside: a note covering the figure, its list's or table's credit, or its paragraph's chart caption.
  coveredFromOutside(u) {
    return this.coveringNotes(u).some((n) => intersects(n.classes, CAVEAT)) || (on("list_credit") && this.listCredit(u.block.index) !== null)
      || this.captionFor(u.sentence) !== null;
  }

  sectionNotes(section) {
    if (!this.notes.has(section)) this.notes.set(section, (this.sections.get(section) || []).filter((s) => s.note !== null));
    return this.notes.get(section);
  }

  coveringNotes(u) { return this.notesCovering(u.sentence); }

  scopeClasses(u) {
    const classes = new Set(u.sentence.classes);
    for (const s of this.coveringNotes(u)) for (const c of s.classes) classes.add(c);
    return classes;
  }

  // _first_caveat: where the first sentence of a block that opens an attributed run starts.
  firstCaveat(b) {
    if (b._caveatAt === undefined) {
      b._caveatAt = null;
      for (const s of b.sentences) {
        if (s.hasCaveat() && mayOpen(s) && (intersects(s.classes, RUN_OPENING) || differs(s.text))) {
          b._caveatAt = s.start;
          break;
        }
      }
    }
    return b._caveatAt;
  }

  caveatInScope(u) { // carry=True
    const first = this.firstCaveat(u.block);
    const s = u.sentence;
    if (first !== null && first < s.end
        && (first >= s.start || (!hearsay(u) && (!on("context_carry") || this.kindCarried(u))))) return true;
    return this.coveredFromOutside(u);
  }

  // _kind_carried: market context alone or a forecast is carried by its own caveat, or an earlier opening not foreign to it
  // (_foreign: context after liquidations alone; a forecast after anything but a forecast).
  kindCarried(u) {
    const s = u.sentence;
    if (s.hasCaveat()) return true;
    if (!(s.contextOnly || s.forecast)) return !(LATER.run_interrupted && on("run_interrupted") && interruptions(u.block)[s.pos]);
    return u.block.sentences.slice(0, s.pos).some((o) => mayOpen(o) && o.hasCaveat()
      && (intersects(o.classes, RUN_OPENING) || differs(o.text)) && !foreign(s, o));
  }

  // _refers_back: a pointer back before the figure ("that $X"), not "that" as a conjunction ("so large that $X", "found
  // that $X": _CONJUNCTION_THAT), or "the" before it and a noun of a figure after it
  refersBack(u) {
    if (has("back_before", u.left)) return !(u.left.trimEnd().toLowerCase().endsWith("that") && has("conjunction_that", u.left));
    return has("the_before", u.left) && matchAt("back_after", u.right, 0) !== null;
  }

  repeatsAttributed(u) {
    if (u.block.role === "headline" || !this.refersBack(u)) return null;
    const f = u.figure;
    for (const e of this.byValue.get(`${f.unit}|${f.lo}|${f.hi}`) || []) {
      if (e.block.index >= u.block.index) break;
      if (e.block.role === "headline" || e.block.section !== u.block.section) continue;
      if (this.caveatInScope(e)) return e;
    }
    return null;
  }
}

// Analysis._interruptions (round fifteen): per sentence of a block, was the run in force before it interrupted by a
// sentence of figures (not only comparisons: _COMPARISONS) of a kind its opening does not carry to, with no caveat?
const COMPARISONS = new Set(G.comparisons || []);
function interruptions(b) {
  if (b._interruptions === undefined) {
    const got = [];
    let opener = null, broken = false;
    for (const s of b.sentences) {
      got.push(broken);
      if (s.hasCaveat()) {
        if (mayOpen(s) && (intersects(s.classes, RUN_OPENING) || differs(s.text))) { opener = s; broken = false; }
      } else if (opener !== null && s.figures.some((v) => !COMPARISONS.has(v.figure.unit)) && foreign(s, opener)) broken = true;
    }
    b._interruptions = got;
  }
  return b._interruptions;
}

const foreign = (s, o) => (s.contextOnly && ((LATER.context_kind && on("context_kind") ? !o.givesContext : o.liquidationsOnly)
  || (LATER.closes_on_credit && on("closes_on_credit") && closesOnCredit(o)))) || (s.forecast && !o.forecast);

// _record_span (round 13b): the span of a high or low ("a 14-month high") is a time window, no figure to attribute
const RECORD_AFTER = /^\s+(?:high|low|peak|record|bottom|top)s?\b/i;
const recordSpan = (u) => u.figure.unit === "days" && RECORD_AFTER.test(u.sentence.text.slice(u.figure.end - u.sentence.start));

// _closes_on_credit: the sentence's credit told after its last figure ("..., X reported.").
function closesOnCredit(o) {
  if (!o.figures.length) return false;
  if (o._closesOnCredit === undefined) {
    const tail = o.text.slice(o.figures[o.figures.length - 1].figure.end - o.start);
    o._closesOnCredit = has("marker.attribution", tail) || firstFrame(tail) !== null;
  }
  return o._closesOnCredit;
}

// rules/f001_no_attribution.py
function f001(a, u) {
  if (LATER.story_basis && on("story_basis") && a.basis() !== null && afterBasis(u, a.basis())) return false; // "we base this story on X"
  if (EXAMPLES && on("examples") && (LATER.worked_example && on("worked_example") ? workedExample(u) : u.sentence.classes.has("example"))) return false; // a worked example about a made-up trader
  if (LATER.record_span && on("record_span") && recordSpan(u)) return false; // "a 14-month high": a span, no figure
  if (LATER.context_after_credit && on("context_after_credit") && contextAfterCredit(a, u)) return true; // a price told after a credit
  if (on("quote_only") && quoteOnlyCredit(a, u)) return true; // a speaker's quotation credits no fronted clause's figure
  if (LATER.free_relative && on("free_relative") && relativeOnlyCredit(a, u)) return true; // "after what X described as ..."
  if (LATER.rumour_causes && on("rumour_causes") && movedByRumour(a, u)) return true; // a rumour told as a move's cause
  return !a.caveatInScope(u) && a.repeatsAttributed(u) === null && !(on("quotes") && (G.quote_goes_on && on("quotes_go_on") ? quoteCreditedOn(a, u) : quoteCredited(u)))
    && !(on("dash_credit") && dashCredited(u)) && !(LATER.hearsay_credited && on("hearsay_credited") && hearsayCredited(u)) && !(on("credit_after") && creditAfter(u))
    && !(on("report_findings") && reportFindings(a, u)) && !(on("points_back") && pointsBack(a, u));
}

// _quote_only_credit: the sentence's only credit is a speaker's verb introducing a quotation, the figure told before it
// in a fronted clause of time ("Once the desk wrapped up its $X buyback, its founder posted “...”"): the sentence, the
// verb and its quotation blanked, holds no caveat, no earlier sentence of the paragraph opens a credited run, and
// nothing covers it from outside.
function quoteOnlyCredit(a, u) {
  const s = u.sentence, text = s.text;
  if (!s.hasCaveat() || (!text.includes("“") && !text.includes('"'))) return false;
  if (matchAt("f001.quote_only_open", text, 0) === null) return false;
  const at = u.figure.start - s.start;
  let said = null;
  for (const m of finditer("f001.quote_only_verbs", text)) if (m.index > at) { said = m; break; }
  if (said === null || openAfter(text.slice(0, at), false)) return false;
  const saidEnd = said.index + said[0].length;
  const close = text.indexOf(text[saidEnd - 1] === "“" ? "”" : '"', saidEnd);
  const end = close < 0 ? text.length : close + 1;
  const blanked = text.slice(0, said.index) + " ".repeat(end - said.index) + text.slice(end);
  if (intersects(classesIn(blanked, false), CAVEAT) || framed(blanked, false)) return false;
  if (u.block.sentences.slice(0, s.pos).some((o) => o.hasCaveat() && mayOpen(o))) return false;
  return !a.coveredFromOutside(u);
}

// _dash_credited: the figure is inside a quotation whose closing mark is followed, to the end of its paragraph, by a dash
// and the speaker's name ("“... $X.” - Dana Reyes, a trader at Northwind"), not a word no one's name is.
function dashCredited(u) {
  const text = u.block.text.trimEnd();
  if (!openAfter(text.slice(0, u.figure.start), false)) return false;
  const closes = [...quoteMarks()[1], '"'].map((mark) => text.indexOf(mark, u.figure.end)).filter((i) => i >= 0);
  if (!closes.length) return false;
  const m = matchAt("f001.dash_credit", text, Math.min(...closes) + 1);
  return m !== null && !G.speaker_not_names.includes(m.groups.who.split(/\s+/u).filter(Boolean)[0]);
}

// _report_findings: the figure's section is headed as a report's findings ("### Key findings") and a sentence before that
// heading, opening on a capitalised name, says it released the report (once per section).
const NOT_PUBLISHERS = new Set(G.findings_not_names);
function reportFindings(a, u) {
  const section = u.block.section;
  if (!a.findings.has(section)) a.findings.set(section, findingsSection(a, section));
  return a.findings.get(section);
}
function findingsSection(a, section) {
  const head = a.blocks.findIndex((b) => b.kind === "heading" && b.section === section);
  if (head < 0 || matchAt("f001.findings_heading", a.blocks[head].text, 0) === null) return false;
  for (const s of a.sentences) {
    if (s.block.index >= head) return false;
    const m = search("f001.findings_release", s.text);
    const before = m === null ? [] : s.text.slice(0, m.index).split(/\s+/u).filter(Boolean);
    if (before.length > 0 && matchAt("f001.named_opening", s.text, 0) !== null
        && !NOT_PUBLISHERS.has(stripChars(before[0], "*_\"“,"))) return true;  // (no word before the verb: no publisher named first)
  }
  return false;
}

// _points_back: the figure's sentence credits it to the data of an earlier credit of its section ("The same data shows"),
// whoever that credit names (anaphora.points_back), and is no hearsay.
function pointsBack(a, u) {
  if (hearsay(u)) return false;
  if (sentencePointsBack(a, u.sentence)) return true;
  // ...or an earlier sentence of its paragraph does, opening a run as any credit does (not to a figure of another kind)
  return LATER.points_back_run && on("points_back_run")
    && u.block.sentences.slice(0, u.sentence.pos).some((o) => sentencePointsBack(a, o) && !foreign(u.sentence, o));
}
function sentencePointsBack(a, sentence) {
  if (!has("anaphor", sentence.text)) return false;
  const members = a.sections.get(sentence.block.section) || [];
  const at = members.indexOf(sentence);
  return members.slice(0, Math.max(at, 0)).some((s) => s.hasCaveat() && s.classes.has("attribution"));
}

// rumour_causes.moved_by_rumour: the figure is outside a rumour told as the cause of a move ("After the ETF rumour, ether
// jumped to $X"), in a sentence whose only caveat is that rumour: the causes blanked, the sentence holds no caveat, no
// earlier sentence of the paragraph opens a credited run, and nothing covers it from outside.
function movedByRumour(a, u) {
  const s = u.sentence, text = s.text;
  if (!s.classes.has("rumor")) return false;
  const spans = [];
  for (const m of finditer("rumour_cause", text)) {
    const end = search("rumour_phrase_end", text, m.index + m[0].length);
    spans.push([m.index, end === null ? text.length : end.index]);
  }
  const at = u.figure.start - s.start;
  if (!spans.length || spans.some(([lo, hi]) => lo <= at && at < hi)) return false;
  let blanked = text;
  for (const [lo, hi] of spans) blanked = blanked.slice(0, lo) + " ".repeat(hi - lo) + blanked.slice(hi);
  if (intersects(classesIn(blanked, false), CAVEAT) || framed(blanked, false)) return false;
  if (u.block.sentences.slice(0, s.pos).some((o) => o.hasCaveat() && mayOpen(o))) return false;
  return !a.coveredFromOutside(u);
}

// _relative_only_credit (round 13b): the sentence's only credit is a free relative ("..., after what X described as a $900
// drop"), not after "in" (the clause's own event), the figure outside the noun phrase it names (up to a comma, a semicolon
// or a dash): those phrases blanked, the sentence holds no caveat, no earlier sentence of the paragraph opens a credited
// run, and nothing covers it from outside.
function relativeOnlyCredit(a, u) {
  const s = u.sentence, text = s.text;
  if (!s.hasCaveat() || !text.toLowerCase().includes("what")) return false;
  const spans = [];
  for (const m of finditer("f001.free_relative", text)) {
    if (search("f001.same_event", text.slice(0, m.index)) !== null) continue; // "..., in what X called its sharpest flush"
    const end = search("f001.relative_end", text, m.index + m[0].length);
    spans.push([m.index, end === null ? text.length : end.index]);
  }
  const at = u.figure.start - s.start;
  if (!spans.length || spans.some(([lo, hi]) => lo <= at && at < hi)) return false;
  let blanked = text;
  for (const [lo, hi] of spans) blanked = blanked.slice(0, lo) + " ".repeat(hi - lo) + blanked.slice(hi);
  if (intersects(classesIn(blanked, false), CAVEAT) || framed(blanked, false)) return false;
  if (u.block.sentences.slice(0, s.pos).some((o) => o.hasCaveat() && mayOpen(o))) return false;
  return !a.coveredFromOutside(u);
}

// _credit_after: the sentence right after the figure's, in its block, only credits it ("That is according to X.", "[3]"):
// no figure, an attribution, a credit_after phrase at its opening.
function creditAfter(u) {
  const after = u.block.sentences[u.sentence.pos + 1];
  if (after === undefined || after.figures.length || !after.hasCaveat()) return false;
  return matchAt("credit_after", after.text, 0) !== null;
}
const afterBasis = (u, [block, start]) => u.block.index > block || (u.block.index === block && u.sentence.start > start);

// _context_after_credit: a clause of market context (", as bitcoin trades below $36,000") after its sentence's credit of
// liquidation data is not covered by that credit (unless it has a credit of its own or a note covers the sentence).
function contextAfterCredit(a, u) {
  const s = u.sentence;
  const at = u.figure.start - s.start;
  let cut = null;
  for (const m of finditer("context_clause", s.text.slice(0, at))) cut = m;
  if (LATER.bare_context_clause && on("bare_context_clause")) {
    for (const m of finditer("bare_context_clause", s.text.slice(0, at))) {
      if ((cut === null || m.index > cut.index) && matchAt("f001.price_move", s.text, m.index + m[0].length) !== null) cut = m;
    }
  }
  if (cut === null || a.coveringNotes(u).length) return false;
  const before = s.text.slice(0, cut.index), rest = s.text.slice(cut.index);
  const context = has("f001.context", rest) || has("f001.price_move", rest);
  if (!(context && !has("f001.liquidations", rest) && has("f001.liquidations", before))) return false;
  return intersects(classesIn(before, false), CAVEAT) && !intersects(classesIn(rest, false), CAVEAT);
}

// _worked_example: the example's opening in the figure's clause (up to a semicolon or a dash), its set-up (to the next
// comma) holding a figure, and no anchor to the event's days in the clause.
function workedExample(u) {
  const s = u.sentence;
  if (!s.classes.has("example")) return false;
  const text = s.text, at = u.figure.start - s.start;
  let lo = 0;
  for (const m of finditer("clause_cut", text)) if (m.index + m[0].length <= at) lo = Math.max(lo, m.index + m[0].length);
  const cut = search("clause_cut", text, at);
  const hi = cut !== null ? cut.index : text.length;
  const m = search("example_open", text, lo, hi);
  if (m === null || search("example_anchor", text, lo, hi) !== null) return false;
  const a = m.index + m[0].length;
  const end = search("setup_end", text, a, hi);
  const b = end !== null ? end.index : hi;
  return s.figures.some((o) => { const p = o.figure.start - s.start; return a <= p && p < b; });
}

// Analysis.hearsay_credited (round fourteen): the figure's part of its sentence (cut at a semicolon or a dash, save two
// dashes around an aside) holds a hearsay hedge with no one named ("reportedly", "is said to", "allegedly"): an unnamed
// source (bench/ANNOTATION.md point 7).
function hearsayCredited(u) {
  const s = u.sentence;
  if (!s.words("hearsay")) return false;
  const text = s.text, at = u.figure.start - s.start;
  const cuts = Array.from(finditer("part_cut", text)), kept = [];
  for (let i = 0; i < cuts.length; i++) {
    if (!cuts[i][0].includes(";") && i + 1 < cuts.length && !cuts[i + 1][0].includes(";")) { i++; continue; } // an aside
    kept.push(cuts[i]);
  }
  let lo = 0, hi = text.length;
  for (const m of kept) {
    const end = m.index + m[0].length;
    if (end <= at && end > lo) lo = end;
    if (m.index >= at && m.index < hi) hi = m.index;
  }
  return search("carry.hearsay", text.toLowerCase(), lo, hi) !== null;
}

// The ninth round's _quote_credited: the quotation is left open and a later sentence closes and credits it, or it is the
// speaker's quotation going on after its credit: it opened in a sentence that credits it ("Reyes said: “...") or right after
// a credited quotation closed, however many sentences ago, or it goes on from the paragraph before (_goes_on_from).
function quoteCreditedOn(a, u) {
  const s = u.sentence;
  const before = u.block.sentences.slice(0, s.pos);
  if (!quoted(s.text) && !before.some((x) => quoted(x.text))) return false;
  let [wasOpen, openedAt] = opening(before);
  if (!wasOpen && opensWithMark(s.text)) openedAt = before.length; // the figure's own sentence opens the quotation
  if (openedAt !== null && (wasOpen || openedAt === before.length)) {
    if (creditedOpening(before, openedAt) || (openedAt === 0 && goesOnFrom(a, u.block.index))) return true;
  }
  if (!openAfter(s.text, wasOpen)) return false;
  let later = s;
  for (let i = 0; i < G.quote_reach; i++) {
    let step = later.block.sentences[later.pos + 1];
    let text = step !== undefined ? step.text : null;
    if (step === undefined) { // a quotation left open at a paragraph's end goes on where the next reopens it
      step = on("quotes_reopened") ? reopened(a, later) : null;
      if (step === null) return false;
      text = lstripChars(step.text, "*_ ").slice(1); // (past the mark that reopens it)
    }
    later = step;
    if (!openAfter(text, true)) return later.hasCaveat();
  }
  return false;
}

// _reopened: the first sentence of the paragraph after ``last``'s (same section) when it opens with a quotation mark.
function reopened(a, last) {
  const blocks = a.blocks;
  const nxt = last.block.index + 1;
  if (nxt >= blocks.length || blocks[nxt].section !== last.block.section || blocks[nxt].kind !== "paragraph") return null;
  const first = blocks[nxt].sentences;
  if (!first || !first.length) return null;
  return opensWithMark(first[0].text) ? first[0] : null;
}
const lstripChars = (s, chars) => { let a = 0; while (a < s.length && chars.includes(s[a])) a++; return s.slice(a); };

// [open at the end, the sentence where the quotation last opened] over sentences
function opening(sentences) {
  let wasOpen = false, openedAt = null;
  sentences.forEach((x, i) => {
    const now = openAfter(x.text, wasOpen);
    if (now && !wasOpen) openedAt = i;
    wasOpen = now;
  });
  return [wasOpen, openedAt];
}

// _goes_on_from: does the paragraph before (same section) end in a speaker's credited quotation this one goes on with?
function goesOnFrom(a, bi) {
  const blocks = a.blocks;
  if (bi === 0 || blocks[bi - 1].section !== blocks[bi].section) return false;
  const prior = blocks[bi - 1].sentences;
  if (!prior.length) return false;
  if (LATER.speaker_intro && on("speaker_intro") && !prior.some((x) => quotedAny(x.text))) { // a speaker introduced, the quotation given next
    const last = prior[prior.length - 1];
    return (namesSpeaker(last.text) || (on("speech_colon") && speechColon(last))) && onlyQuotation(blocks[bi].text);
  }
  const [wasOpen, openedAt] = opening(prior);
  if (!wasOpen) {
    const last = prior[prior.length - 1];
    return closesAny(last.text) && last.hasCaveat();
  }
  return openedAt !== null && creditedOpening(prior, openedAt);
}

// _speech_colon: the sentence introduces what follows as someone's words, a colon after its reporting frame ("She wrote:").
const speechColon = (s) => s.text.trimEnd().endsWith(":") && s.hasCaveat();

// _credited_opening: the quotation's opening sentence credits it before the quote ("Reyes said: “..."), or the sentence
// before it closed a credited quotation.
function creditedOpening(before, openedAt) {
  if (openedAt < before.length) {
    const first = before[openedAt];
    const marks = [...[...quoteMarks()[0]].map((m) => first.text.indexOf(m)), first.text.indexOf('"')].filter((i) => i >= 0);
    const mark = marks.length ? Math.min(...marks) : -1;
    const lead = first.text.slice(0, mark).trimEnd();
    if (mark > 0 && first.hasCaveat() && (lead.endsWith(":") || lead.endsWith(","))) return true;
  }
  if (openedAt === 0) return false;
  const prior = before[openedAt - 1];
  return closesAny(prior.text) && prior.hasCaveat();
}

// _open_after: is a quotation still open after ``text``, given whether one was open before it (curly quotes, or straight
// double quotes counted in pairs)?
function openAfter(text, wasOpen) {
  const [opens, closes] = quoteMarks();
  for (const ch of text) {
    if (opens.includes(ch)) wasOpen = true;
    else if (closes.includes(ch)) wasOpen = false;
    else if (ch === '"') wasOpen = !wasOpen;
  }
  return wasOpen;
}
// round 13b's _OPENERS, _CLOSERS: guillemets open and close a quotation as curly quotes do (switch "guillemets")
const quoteMarks = () => (LATER.guillemets && on("guillemets") ? [G.quote_openers, G.quote_closers] : ["“", "”"]);
const opensAny = (text) => text.includes('"') || [...quoteMarks()[0]].some((m) => text.includes(m)); // _opens_any
const closesAny = (text) => text.includes('"') || [...quoteMarks()[1]].some((m) => text.includes(m)); // _closes_any
const opensWithMark = (text) => { // _opens_with_mark: the text opens (past emphasis and spaces) with a quotation mark
  const first = lstripChars(text, "*_ ").slice(0, 1);
  return first === '"' || (first !== "" && quoteMarks()[0].includes(first));
};
const quoted = opensAny;
const quotedAny = (text) => opensAny(text) || closesAny(text);

// _names_speaker: a person's name (two capitalised words, neither a not-a-name word) or a speaking role.
function namesSpeaker(text) {
  for (const m of finditer("person", text)) {
    if (!G.speaker_not_names.includes(m[1]) && !G.speaker_not_names.includes(m[2])) return true;
  }
  return has("speaker_noun", text);
}

// _only_quotation: the paragraph opens with a quotation mark and the quotation closes only at its very end, or never.
function onlyQuotation(text) {
  const body = stripChars(text.trim(), ["*", "_"]).trim();
  if (!opensWithMark(body)) return false;
  const rest = stripRight(body.slice(1), ".");
  const [opens, closes] = quoteMarks();
  const close = body[0] === '"' ? '"' : closes[opens.indexOf(body[0])];
  const inner = rest.endsWith(close) ? rest.slice(0, -1) : rest;
  return !quotedAny(inner);
}
const stripRight = (s, ch) => { let b = s.length; while (b > 0 && s[b - 1] === ch) b--; return s.slice(0, b); };

// _quote_credited: is the figure's sentence inside a quotation left open at its end, which a later sentence of its
// paragraph closes and credits ("..., ” Reyes added.")? Or a quotation going on after its speaker's credit?
function quoteCredited(u) {
  const s = u.sentence;
  const before = u.block.sentences.slice(0, s.pos);
  if (!quoted(s.text) && !before.some((x) => quoted(x.text))) return false;
  let wasOpen = false;
  for (const x of before) wasOpen = openAfter(x.text, wasOpen);
  const lead = stripChars(s.text, "*_ ".split("")).slice(0, 1);
  const last = before[before.length - 1];
  if (!wasOpen && before.length && (lead === "“" || lead === '"') && (last.text.includes("”") || last.text.includes('"')) && last.hasCaveat()) {
    return true;
  }
  if (!openAfter(s.text, wasOpen)) return false;
  let later = s;
  for (let i = 0; i < G.quote_reach; i++) {
    later = u.block.sentences[later.pos + 1];
    if (later === undefined) return false;
    if (!openAfter(later.text, true)) return later.hasCaveat(); // the quotation closes here: its credit follows the closing mark
  }
  return false;
}

// frames.py Frames.holds_view: a view verb in the active after its holder ("Lee forecasts $150,000").
const VIEWS = new Set(G.view_forms || []);
function holdsView(text, at, end) {
  const m = matchAt("frame.verb", text, at);
  if (m === null || at + m[0].length !== end || !VIEWS.has(m[0].toLowerCase())) return false;
  return search("frame.left_strong", text, Math.max(0, at - G.window), at) !== null;
}

// rules/f002_unmarked_claim.py _views_only: every claim word of the sentence is a view its holder says.
function viewsOnly(text) {
  if (!VIEWS.size) return false;
  for (const m of finditer("marker.claim", text)) if (!holdsView(text, m.index, m.index + m[0].length)) return false;
  return true;
}

// rules/f002_unmarked_claim.py
function f002(a, u) {
  if (!u.sentence.has("claim") || viewsOnly(u.sentence.text)) return false;
  if (intersects(a.scopeClasses(u), UNVERIFIED)) return false;
  const next = u.block.sentences.find((s) => s.start >= u.sentence.end);
  return !(next && !next.figures.length && intersects(next.classes, UNVERIFIED));
}

module.exports = { Analysis, f001, f002, reset, memo };
