// writer's expressions and constants, as exported by bench/textlint/grammar.py (bench/.textlint/grammar.json).
// Each expression is compiled three ways: "g" to iterate or search from a position, "y" to match at
// a position (Python's pattern.match(text, pos)), and plain for a test.
"use strict";
const fs = require("fs");
const path = require("path");

const FILE = process.env.WRITER_GRAMMAR || path.join(__dirname, "..", "..", ".textlint", "grammar.json");
const G = JSON.parse(fs.readFileSync(FILE, "utf8"));

const RX = {};
for (const [name, r] of Object.entries(G.regex)) {
  RX[name] = {
    g: new RegExp(r.source, "g" + r.flags),
    y: new RegExp(r.source, "y" + r.flags),
    d: new RegExp(r.source, "gd" + r.flags), // with group indices, for figures
    yd: new RegExp(r.source, "yd" + r.flags),
  };
}

// Python's rx.search(text, pos, endpos): characters before pos stay visible to look-behinds, those
// from endpos on do not exist.
function search(name, text, pos = 0, endpos = text.length) {
  const rx = RX[name].g;
  rx.lastIndex = pos;
  return rx.exec(endpos < text.length ? text.slice(0, endpos) : text);
}

// Python's rx.match(text, pos) (with group indices when asked).
function matchAt(name, text, pos = 0, indices = false) {
  const rx = indices ? RX[name].yd : RX[name].y;
  rx.lastIndex = pos;
  return rx.exec(text);
}

// Python's rx.finditer(text, pos) (with group indices when asked).
function* finditer(name, text, indices = false, pos = 0) {
  const rx = indices ? RX[name].d : RX[name].g;
  rx.lastIndex = pos;
  let m;
  while ((m = rx.exec(text)) !== null) {
    if (m[0] === "") rx.lastIndex += text.codePointAt(m.index) > 0xffff ? 2 : 1;
    const next = rx.lastIndex;
    yield m;
    rx.lastIndex = next;
  }
}

const has = (name, text) => search(name, text) !== null;

// Python's rx.fullmatch(text, pos, endpos): a match from pos that ends at endpos exactly.
const FULL = {};
function fullAt(name, text, pos, endpos) {
  if (FULL[name] === undefined) FULL[name] = new RegExp(`(?:${RX[name].y.source})$`, RX[name].y.flags);
  const rx = FULL[name];
  rx.lastIndex = pos;
  return rx.exec(text.slice(0, endpos)) !== null;
}

// A bounded memo (writer's caches: a dict emptied when full, or an LRU where writer uses lru_cache).
class Memo {
  constructor(size, lru = false) { Object.assign(this, { size, lru, map: new Map() }); }
  get(key) {
    const v = this.map.get(key);
    if (v !== undefined && this.lru) { this.map.delete(key); this.map.set(key, v); }
    return v;
  }
  set(key, value) {
    if (this.map.size >= this.size) {
      if (this.lru) this.map.delete(this.map.keys().next().value);
      else this.map.clear();
    }
    this.map.set(key, value);
  }
  clear() { this.map.clear(); }
}

// Readings the port skips for one request (bench/bench_check.py's check that the generated corpus exercises each
// reading: skipping one must change findings, or the agreement could not tell when it drifts). Empty when timed.
const READINGS = ["captions", "closing_credit", "list_credit", "note_run", "note_opens", "context_carry", "in_parens",
  "position_leverage", "parts", "extremes", "tickers", "count_words", "records", "hearsay", "label_credits", "posts", "shares", "dialogue", "title_labels",
  "multiples", "said_credit", "points_below",
  // the eighth round's: a note over the whole piece, hearsay by clause, a source as a compound modifier, a heading's credit
  // over its section, a table header's credits, a list's first item that credits, a credit line above a list or table,
  // a quotation credited after it closes, currencies other than the dollar, a speaker's reported clause
  "note_article", "hearsay_clauses", "compound", "heading_credits", "header_credits", "list_first_credit", "credit_above",
  "quotes", "currency_units", "reported_clause",
  // the eleventh round's: "it" with a verb of speech, a list's lead-in opening on sources described, a caption crediting
  // the paragraph above it, market context under a chart of liquidations, agentless hearsay, a credit in the sentence
  // after (or a citation marker after the full stop), an issuer's release note, a quotation reopened in the next paragraph
  "it_speaks", "group_lead", "caption_above", "caption_for", "credit_after", "release_notes", "quotes_reopened",
  // the twelfth round's: a quotation credited after a dash, a report's findings under their heading, data pointing back at
  // an earlier credit, a speaker's quotation that does not credit a fronted clause, a quotation after a colon whoever
  // speaks, a chart's title with its source in parentheses; the frames' guards on a reporting verb (a valuing verb's
  // value, a possessive before it, a participle's "to" after it) and "via" a venue
  "dash_credit", "report_findings", "points_back", "quote_only", "speech_colon", "parenthesised_chart",
  "valuing", "possessive_verb", "participle_to", "via_venue", "window_nouns",
  // the thirteenth round's: a list's magnitude written once carries back to its bare items (figures._share_magnitude);
  // credit_below, points_back_run, rumour_causes and round 13b's come with the later readings below
  "list_magnitude",
  // the reader's ninth-round readings, read only when writer has them (bench/textlint/grammar.py exports their switches)
  ...((G.tallied || []).length ? ["tallied"] : []), ...(G.closes_article ? ["closes_article"] : []),
  ...((G.rule_classes || []).includes("example") ? ["examples"] : []), ...(G.quote_goes_on ? ["quotes_go_on"] : []),
  ...Object.entries(G.later || {}).filter(([, v]) => v).map(([k]) => k)];
const OFF = new Set();
const on = (reading) => OFF.size === 0 || !OFF.has(reading);

module.exports = { G, RX, search, matchAt, finditer, has, fullAt, Memo, READINGS, OFF, on };
