// textlint rule doing the same work as `writer check` without a fact file (F001 no-attribution,
// F002 unmarked-claim), for the comparison in bench/bench_check.py.
//
// Nothing here is a second copy of writer's grammar: the figure grammar, the phrase classes, the
// inline masks and the sentence boundary are exported from writer's own compiled expressions by
// the benchmark (bench/.textlint/grammar.json, see export_grammar in bench/bench_check.py). This
// file ports the logic around them, step for step:
//   writer/check/document.py   prose blocks (headings, paragraphs, table cells), inline markup blanked,
//                              a section per heading of level 2 or more;
//   writer/nlp.py              sentence_bounds;
//   writer/check/figures.py    find_figures (the forms _make rejects are rejected here too);
//   writer/check/analysis.py   a sentence's classes read on first use, notes, covering notes, the
//                              run's opening (carry) for F001;
//   writer/check/rules/f00[12] the two rules, one finding per figure.
// Not ported: suppression comments, front matter and source names (the benchmark's corpus has none,
// and writer runs there without a source registry).
"use strict";
const fs = require("fs");
const path = require("path");

const G = JSON.parse(fs.readFileSync(process.env.WRITER_GRAMMAR || path.join(__dirname, "..", "grammar.json"), "utf8"));
const FIGURE = new RegExp(G.figure, "gi");
const HUNDRED = new RegExp(G.hundred, "gid");
const INDEX = new RegExp(G.index, "gid");
const POINT = new RegExp(G.point, "gi");
const TIME = new RegExp(G.time);
const BOUNDARY = new RegExp(G.boundary, "g");
const ABBREVIATIONS = new Set(G.abbreviations);
const MARKERS = {};
for (const [name, src] of Object.entries(G.markers)) MARKERS[name] = new RegExp(src, "i");
const CAVEAT = new RegExp(G.caveat, "i");
const NOTE = new RegExp(G.note, "gi");
const MASKS = G.masks.map(([src, flags, needs]) => [new RegExp(src, "g" + flags), needs]);
const MARKUP = new RegExp(G.markup);
const DIGIT = /\d/;
const WORDY = /hundred|thousand|million|billion|trillion/i;
const CAVEAT_CLASSES = ["attribution", "single_source", "rumor", "pending", "estimate", "disagreement"];
const UNVERIFIED = ["rumor", "pending", "estimate"];
const KINDS = ["between", "mrange", "prange", "money", "suffixed", "percent", "ratio", "vague", "worded", "counted", "coins", "grouped"];
const MAG = { hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, tn: 1e12, t: 1e12 };

// --- document.py: masks -----------------------------------------------------------------------

const blank = (s) => (s.includes("\n") ? s.replace(/[^\n]/g, " ") : " ".repeat(s.length));

function maskInline(text) {
  if (!MARKUP.test(text)) return text;
  let out = text;
  for (const [rx, needs] of MASKS) {
    if (needs === null || out.includes(needs)) out = out.replace(rx, blank);
  }
  return out;
}

// --- nlp.py: sentence_bounds ------------------------------------------------------------------

const isSpace = (c) => /\s/.test(c);

function sentenceBounds(text) {
  const out = [];
  const end = text.length;
  let s = 0;
  while (s < end && isSpace(text[s])) s++;
  BOUNDARY.lastIndex = 0;
  let m;
  while ((m = BOUNDARY.exec(text)) !== null) {
    const dot = m.index;
    const w = /([A-Za-z][A-Za-z.]*)$/.exec(text.slice(Math.max(s, dot - 12), dot));
    if (w && text[dot] === "." && ABBREVIATIONS.has(w[1].toLowerCase().replace(/\.+$/, ""))) continue;
    const e = dot + m[0].length;
    if (e > s) out.push([s, e]);
    s = e;
    while (s < end && isSpace(text[s])) s++;
  }
  if (s < end && text.slice(s).trim()) out.push([s, text.trimEnd().length]);
  return out;
}

// --- figures.py: find_figures -------------------------------------------------------------------

function amount(num, mag) {
  const m = mag ? MAG[mag.trim().toLowerCase()] || 1 : 1;
  return parseFloat(num.replace(/,/g, "")) * m;
}

function make(m) {
  const g = m.groups;
  const kind = KINDS.find((k) => g[k] !== undefined);
  const text = m[0].trimEnd().replace(/\s+(?:in|of)$/, "");
  const before = (n) => m.input.slice(Math.max(0, m.index - n), m.index).toLowerCase();
  if (kind === "mrange") {
    if (before(5).endsWith("from ")) return "split";
    if (amount(g.mr_hi, g.mr_hi_mag) < amount(g.mr_lo, g.mr_lo_mag || g.mr_hi_mag)) return null;
  } else if (kind === "prange") {
    if (amount(g.pr_hi) < amount(g.pr_lo)) return null;
  } else if (kind === "ratio") {
    if (TIME.test(text)) return null;
    if (parseFloat(g.r_b || "1") === 0) return null;
  } else if (kind === "counted" || kind === "coins") {
    if (before(4) === "top ") return null;
    if (kind === "counted" && !/[,.]/.test(g.c_num)) {
      const v = parseFloat(g.c_num);
      if (v >= 1900 && v <= 2100) return null;
    }
  }
  return { start: m.index, end: m.index + text.length, text };
}

function findFigures(text) {
  const found = [];
  const taken = [];
  const lower = text.toLowerCase();
  if (lower.includes("hundred")) {
    HUNDRED.lastIndex = 0;
    for (const m of text.matchAll(HUNDRED)) {
      const [hs, he] = m.indices.groups.h;
      found.push({ start: hs, end: he, text: text.slice(hs, he) });
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  FIGURE.lastIndex = 0;
  for (const m of text.matchAll(FIGURE)) {
    const mEnd = m.index + m[0].length;
    if (taken.some(([s, e]) => s < mEnd && m.index < e)) continue;
    const fig = make(m);
    if (fig === "split") {
      const span = m.groups.mrange;
      POINT.lastIndex = 0;
      for (const p of span.matchAll(POINT)) found.push({ start: m.index + p.index, end: m.index + p.index + p[0].length, text: p[0] });
    } else if (fig !== null) {
      found.push(fig);
    }
  }
  if (/index|reading|gauge|score/.test(lower)) {
    INDEX.lastIndex = 0;
    for (const m of text.matchAll(INDEX)) {
      const [ns, ne] = m.indices.groups.num;
      if (taken.some(([s, e]) => s < ne && ns < e) || found.some((f) => f.start < ne && ns < f.end)) continue;
      found.push({ start: ns, end: ne, text: m.groups.num });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

// --- analysis.py: sentences read on first use ---------------------------------------------------

class Sentence {
  constructor(block, start, end, text) {
    Object.assign(this, { block, start, end, text, figures: [], index: -1, _classes: null, _note: undefined });
  }
  get classes() {
    if (this._classes === null) {
      this._classes = new Set();
      for (const [name, rx] of Object.entries(MARKERS)) if (rx.test(this.text)) this._classes.add(name);
    }
    return this._classes;
  }
  has(cls) {
    return this._classes !== null ? this._classes.has(cls) : MARKERS[cls].test(this.text);
  }
  hasCaveat() {
    return this._classes !== null ? CAVEAT_CLASSES.some((c) => this._classes.has(c)) : CAVEAT.test(this.text);
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

class Block {
  constructor(node, text, offset, section) {
    Object.assign(this, { node, text, offset, section, sentences: [], _notes: null, _caveatAt: undefined });
  }
  noteStarts() {
    if (this._notes === null) {
      NOTE.lastIndex = 0;
      this._notes = Array.from(this.text.matchAll(NOTE), (m) => m.index);
    }
    return this._notes;
  }
  firstCaveat() {
    if (this._caveatAt === undefined) {
      const m = CAVEAT.exec(this.text);
      this._caveatAt = m ? m.index : null;
    }
    return this._caveatAt;
  }
}

function analyse(blocks) {
  const sentences = [];
  const uses = [];
  const sections = new Map();
  for (const b of blocks) {
    const sents = sentenceBounds(b.text).map(([s, e]) => new Sentence(b, s, e, b.text.slice(s, e)));
    const figs = DIGIT.test(b.text) || WORDY.test(b.text) ? findFigures(b.text) : [];
    for (const f of figs) {
      const s = sents.find((x) => x.start <= f.start && f.start < x.end) || sents[sents.length - 1];
      if (!s) continue;
      const use = { figure: f, block: b, sentence: s };
      s.figures.push(use);
      uses.push(use);
    }
    for (const s of sents) {
      s.index = sentences.length;
      sentences.push(s);
    }
    b.sentences = sents;
    if (!sections.has(b.section)) sections.set(b.section, []);
    sections.get(b.section).push(...sents);
  }
  const notesOf = new Map();
  const sectionNotes = (section) => {
    if (!notesOf.has(section)) notesOf.set(section, (sections.get(section) || []).filter((s) => s.note !== null));
    return notesOf.get(section);
  };
  const coveringNotes = (u) =>
    sectionNotes(u.block.section).filter((s) => s !== u.sentence &&
      ((s.note === "backward" && s.index > u.sentence.index) || (s.note === "forward" && s.index < u.sentence.index)));
  return { uses, coveringNotes };
}

// --- the rules ----------------------------------------------------------------------------------

function f001(a, u) {
  const first = u.block.firstCaveat();
  if (first !== null && first < u.sentence.end) return false;
  return !a.coveringNotes(u).some((s) => CAVEAT_CLASSES.some((c) => s.classes.has(c)));
}

function f002(a, u) {
  if (!u.sentence.has("claim")) return false;
  const scope = new Set(u.sentence.classes);
  for (const s of a.coveringNotes(u)) for (const c of s.classes) scope.add(c);
  if (UNVERIFIED.some((c) => scope.has(c))) return false;
  const next = u.block.sentences.find((s) => s.start >= u.sentence.end);
  return !(next && !next.figures.length && UNVERIFIED.some((c) => next.classes.has(c)));
}

const HEADING_MARK = /^#{1,6}[ \t]+/;

module.exports = function (context) {
  const { Syntax, RuleError, report, getSource, locator } = context;
  const blocks = [];
  let section = 0;
  function visit(node, offset, raw) {
    if (!raw.trim()) return;
    blocks.push(new Block(node, maskInline(raw), offset, section));
  }
  return {
    [Syntax.Header](node) {
      if (node.depth >= 2) section += 1;
      const raw = getSource(node);
      const mark = HEADING_MARK.exec(raw);
      const offset = mark ? mark[0].length : 0;
      visit(node, offset, raw.slice(offset).replace(/[ \t]+#+[ \t]*$/, ""));
    },
    [Syntax.Paragraph](node) { visit(node, 0, getSource(node)); },
    [Syntax.TableCell](node) {
      const raw = getSource(node);
      const lead = raw.length - raw.trimStart().length;
      visit(node, lead, raw.trim());
    },
    [Syntax.Document + ":exit"]() {
      const a = analyse(blocks);
      for (const u of a.uses) {
        const f = u.figure;
        const padding = locator.range([u.block.offset + f.start, u.block.offset + f.end]);
        if (f001(a, u)) report(u.block.node, new RuleError(`F001 '${f.text}' has no attribution or caveat in scope`, { padding }));
        if (f002(a, u)) report(u.block.node, new RuleError(`F002 '${f.text}' is called a claim but not marked unverified`, { padding }));
      }
    },
  };
};
