// writer/check/frames.py (Frames.first), phrases.py (classes_in, has_caveat, framed) and analysis.py
// (sentences, figure uses, notes, a paragraph's run opening, figures that refer back), step for step.
// Source names are not ported: writer's fact-free check runs without a source registry here, so a
// sentence names no registered source and scope_sources is always empty.
"use strict";
const { G, RX, search, matchAt, finditer, has, Memo } = require("./grammar");
const { findFigures } = require("./figures");

const CAVEAT = new Set(G.caveat_classes);
const RUN_OPENING = new Set(G.run_opening);
const STRONG = new Set(G.strong_verbs);
const UNVERIFIED = ["rumor", "pending", "estimate"];
const intersects = (set, names) => { for (const n of names) if (set.has(n)) return true; return false; };

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

function byVerb(text) {
  for (const m of finditer("frame.verb", text)) {
    const lo = Math.max(0, m.index - G.window);
    const strong = STRONG.has(m[0].toLowerCase());
    let left = search(strong ? "frame.left_strong" : "frame.left_weak", text, lo, m.index);
    if (left === null && !strong && matchAt("frame.that", text, m.index + m[0].length)) left = search("frame.left_name", text, lo, m.index);
    if (left !== null) return left.index;
  }
  return null;
}

function after(keyword, text, what = "frame.source") {
  for (const m of finditer(keyword, text)) if (matchAt(what, text, m.index + m[0].length)) return m.index;
  return null;
}

function byNoun(text) {
  for (const m of finditer("frame.noun", text)) {
    if (matchAt("frame.noun_right", text, m.index + m[0].length)) return m.index;
    const left = search("frame.noun_left", text, Math.max(0, m.index - G.window), m.index);
    if (left !== null) return left.index;
  }
  return null;
}

function firstFrame(text) {
  let at = memo.first.get(text);
  if (at !== undefined) return at;
  const found = [byVerb(text), after("frame.agent", text), after("frame.speech", text, "frame.name"), after("frame.prep", text),
    byNoun(text), after("frame.comes", text, "frame.name")].filter((x) => x !== null);
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
    const figures = has("digit", text) || has("wordy", text) ? findFigures(text, bounds, memo.figureFree) : [];
    hit = [bounds, figures];
    memo.chunks.set(text, hit);
  }
  return hit;
}

// --- analysis.py -----------------------------------------------------------------------------------

class Sentence {
  constructor(block, start, end, text, labelOk) {
    Object.assign(this, { block, start, end, text, labelOk, figures: [], index: -1, pos: -1, _classes: null, _note: undefined });
  }
  get classes() {
    if (this._classes === null) this._classes = classesIn(this.text, this.labelOk);
    return this._classes;
  }
  has(cls) { return this._classes !== null ? this._classes.has(cls) : markersIn(this.text).has(cls); }
  hasCaveat() {
    if (this._classes !== null) return intersects(this._classes, CAVEAT);
    return intersects(markersIn(this.text), CAVEAT) || framed(this.text, this.labelOk);
  }
  get note() {
    if (this._note === undefined) {
      const starts = this.block.noteStarts();
      if (!starts.some((p) => this.start <= p && p < this.end) || !this.hasCaveat()) this._note = null;
      else this._note = this.classes.has("note_forward") && !this.classes.has("note_backward") ? "forward" : "backward";
    }
    return this._note;
  }
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
    for (const b of blocks) {
      b.noteStarts = noteStarts;
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

  sectionNotes(section) {
    if (!this.notes.has(section)) this.notes.set(section, (this.sections.get(section) || []).filter((s) => s.note !== null));
    return this.notes.get(section);
  }

  coveringNotes(u) {
    const own = u.sentence.index;
    return this.sectionNotes(u.block.section).filter((s) => s !== u.sentence &&
      ((s.note === "backward" && s.index > own) || (s.note === "forward" && s.index < own)));
  }

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
        if (s.hasCaveat() && (s.figures.length || speaksOfData(s.text)) && (intersects(s.classes, RUN_OPENING) || differs(s.text))) {
          b._caveatAt = s.start;
          break;
        }
      }
    }
    return b._caveatAt;
  }

  caveatInScope(u) { // carry=True
    const first = this.firstCaveat(u.block);
    if (first !== null && first < u.sentence.end) return true;
    return this.coveringNotes(u).some((s) => intersects(s.classes, CAVEAT));
  }

  refersBack(u) {
    return has("back_before", u.left) || (has("the_before", u.left) && matchAt("back_after", u.right, 0) !== null);
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

// rules/f001_no_attribution.py
function f001(a, u) {
  return !a.caveatInScope(u) && a.repeatsAttributed(u) === null;
}

// rules/f002_unmarked_claim.py
function f002(a, u) {
  if (!u.sentence.has("claim")) return false;
  if (intersects(a.scopeClasses(u), UNVERIFIED)) return false;
  const next = u.block.sentences.find((s) => s.start >= u.sentence.end);
  return !(next && !next.figures.length && intersects(next.classes, UNVERIFIED));
}

module.exports = { Analysis, f001, f002, reset, memo };
