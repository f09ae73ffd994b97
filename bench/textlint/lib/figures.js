// writer/check/figures.py: find_figures, step for step, with writer's exported expressions.
"use strict";
const { G, search, matchAt, finditer } = require("./grammar");

const KINDS = ["between", "mrange", "prange", "money", "suffixed", "percent", "ratio", "vague", "worded", "rate", "curword", "counted",
  "coins", "grouped"];
// Every named group of writer's figure expression this port reads or knows to ignore: a group added to
// figures.py is a form this port does not handle yet, so the rule refuses to load rather than miscount.
const KNOWN_GROUPS = new Set([...KINDS, "b_lo", "b_hi", "b_cur", "b_coins", "mr_neg", "mr_lo", "mr_lo_mag", "mr_hi_neg", "mr_hi", "mr_hi_mag", "pr_lo", "pr_hi",
  "m_num", "m_mag", "s_num", "s_mag", "p_neg", "p_num", "r_a", "r_b", "r_a2", "v_word", "v_mag", "v_dollars", "v_cur", "w_num", "w_mag",
  "w_dollars", "w_cur", "w_noun", "ra_num", "ra_per", "cw_num", "cw_cur", "c_num", "c_noun", "co_num", "co_unit", "g_num"]);
const unknown = G.figure_groups.filter((g) => !KNOWN_GROUPS.has(g));
if (unknown.length) throw new Error(`writer's figure expression has groups this port does not know: ${unknown.join(", ")} (port figures.py's _make)`);
const COINS_FULL = new RegExp(`^(?:${G.coins})$`);
// The three expressions figures.py writes inline (not module attributes, so not exported).
const TRAILING_IN_OF = /\s+(?:in|of)$/; // re.sub(r"\s+(?:in|of)$", "", text)
const BETWEEN_BEFORE = /(?<![\p{L}\p{N}_])between[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/iu; // _range_ends

function mag(word) {
  if (!word) return 1;
  const w = word.trim().toLowerCase();
  return G.mag_words[w] || G.mag_suffix[w] || 1;
}
const amount = (num, magWord) => parseFloat(num.replace(/,/g, "")) * mag(magWord);

function unitOf(text) {
  const t = text.toLowerCase();
  if (t.includes("%") || t.includes("percent") || t.includes("per cent") || t.includes("percentage point")) return "percent";
  if (t.includes("$") || t.includes("dollar") || t.includes("usd")) return "USD";
  return null;
}
const numIn = (text) => search("num", text)[0];
function magIn(text) {
  const m = search("mag_in", text);
  return m ? m[1] || m[2] : null;
}

const fig = (start, end, text, unit, lo, hi, point, qualifier = null) => ({ start, end, text, unit, lo, hi, point, qualifier, qstart: null });

// _make: null when the match is not a figure (writer's reasons kept).
function make(m) {
  const g = m.groups;
  const kind = KINDS.find((k) => g[k] !== undefined);
  const text = m[0].trimEnd().replace(TRAILING_IN_OF, "");
  const start = m.index;
  const end = start + text.length;
  const before = (n) => m.input.slice(Math.max(0, start - n), start).toLowerCase();
  switch (kind) {
    case "between": {
      let unit = unitOf(g.b_hi) || unitOf(g.b_lo) || unitOf(text);
      if (g.b_cur) unit = G.currency_words[g.b_cur.toLowerCase()];
      else if (g.b_coins) unit = "coins";
      const hiMag = magIn(g.b_hi);
      let hi = amount(numIn(g.b_hi), hiMag);
      let lo = amount(numIn(g.b_lo), magIn(g.b_lo) || hiMag);
      if (!magIn(g.b_lo) && lo > hi) lo = amount(numIn(g.b_lo)); // "between 675,000 and 1.13 million": the low end in full
      if ("-−".includes(g.b_lo[0])) lo = -lo;
      if ("-−".includes(g.b_hi[0])) hi = -hi;
      return fig(start, end, text, unit, lo, hi, false);
    }
    case "mrange": {
      if (before(5).endsWith("from ")) return null;
      const hiMag = g.mr_hi_mag;
      let lo = amount(g.mr_lo, g.mr_lo_mag || hiMag), hi = amount(g.mr_hi, hiMag);
      if (g.mr_neg) lo = -lo; // a range across zero: "-$1.2 million to $3.5 million"
      if (g.mr_hi_neg) hi = -hi;
      return hi < lo ? null : fig(start, end, text, "USD", lo, hi, false);
    }
    case "prange": {
      const lo = amount(g.pr_lo), hi = amount(g.pr_hi);
      return hi < lo ? null : fig(start, end, text, "percent", lo, hi, false);
    }
    case "money": {
      const v = amount(g.m_num, g.m_mag);
      return fig(start, end, text, "USD", v, v, true);
    }
    case "suffixed": {
      const v = amount(g.s_num, g.s_mag);
      return fig(start, end, text, "USD", v, v, true);
    }
    case "percent": {
      let v = amount(g.p_num);
      if (g.p_neg === "-" || g.p_neg === "−") v = -v;
      return fig(start, end, text, "percent", v, v, true);
    }
    case "ratio": {
      if (matchAt("time", text)) return null;
      const a = amount(g.r_a || g.r_a2);
      const b = parseFloat(g.r_b || "1");
      return b === 0 ? null : fig(start, end, text, "ratio", a / b, a / b, true);
    }
    case "vague": {
      const word = g.v_word.toLowerCase().split(/\s+/).filter(Boolean).join(" ");
      const mult = G.vague[word] || [1, 1];
      const m_ = G.mag_words[g.v_mag.toLowerCase()];
      const unit = g.v_dollars ? "USD" : g.v_cur ? G.currency_words[g.v_cur.toLowerCase()] : null; // "several billion yuan"
      if (mult[0] === 1 && mult[1] === 1) return fig(start, end, text, unit, m_, m_, true);
      return fig(start, end, text, unit, mult[0] * m_, mult[1] * m_, false, "vague");
    }
    case "worded": {
      const v = amount(g.w_num, g.w_mag);
      const noun = (g.w_noun || "").toLowerCase();
      let unit = g.w_dollars ? "USD" : noun && COINS_FULL.test(noun) ? "coins" : noun ? "count" : null;
      if (g.w_cur) unit = G.currency_words[g.w_cur.toLowerCase()];
      return fig(start, end, text, unit, v, v, true);
    }
    case "rate": { // "940 liquidations per minute"
      const v = amount(g.ra_num);
      return fig(start, end, text, "per_" + g.ra_per.toLowerCase(), v, v, true);
    }
    case "curword": { // "10,000 yuan"
      const v = amount(g.cw_num);
      return fig(start, end, text, G.currency_words[g.cw_cur.toLowerCase()], v, v, true);
    }
    case "counted":
    case "coins": {
      if (before(4) === "top ") return null;
      if (kind === "counted") {
        const v = amount(g.c_num);
        if (!g.c_num.includes(",") && !g.c_num.includes(".") && v >= 1900 && v <= 2100) return null;
        return fig(start, end, text, "count", v, v, true);
      }
      const v = amount(g.co_num);
      return fig(start, end, text, "coins", v, v, true);
    }
    case "grouped": {
      const v = amount(g.g_num);
      return fig(start, end, text, null, v, v, true);
    }
  }
  throw new Error(`figure kind ${kind} not ported`);
}

const overlaps = (s, e, spans) => spans.some(([a, b]) => a < e && s < b);

// find_figures' grammar matches: with sentences and writer's memo of figure-free sentences, sentence by
// sentence (Python's finditer(low, start, end): the text before a sentence stays visible, after it does not),
// a sentence the memo holds not scanned, one without a match added (writer/check/figures.py _grammar_matches;
// only where the block lower-cases to the same length and holds no dotless i or long s, as writer's lowered()).
function* grammarMatches(text, lower, sentences, figureFree) {
  if (!sentences || !figureFree || lower.length !== text.length || /[ıſ]/.test(text)) {
    yield* finditer("figure", text, true);
    return;
  }
  for (const [start, end] of sentences) {
    const words = lower.slice(start, end);
    if (figureFree.get(words) !== undefined) continue;
    let found = false;
    for (const m of finditer("figure", text.slice(0, end), true, start)) {
      found = true;
      yield m;
    }
    if (!found) figureFree.set(words, true);
  }
}

function findFigures(text, sentences = null, figureFree = null) {
  let found = [];
  const taken = [];
  const lower = text.toLowerCase();
  if (lower.includes("hundred")) {
    for (const m of finditer("hundred", text, true)) {
      const v = 100 * G.mag_words[m.groups.h_mag.toLowerCase()];
      const end = m.indices.groups.h[1];
      found.push(fig(m.index, end, text.slice(m.index, end), null, v, v, true));
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  for (const m of grammarMatches(text, lower, sentences, figureFree)) {
    if (overlaps(m.index, m.index + m[0].length, taken)) continue;
    const f = make(m);
    if (f !== null) found.push(f);
    else if (m.groups.mrange !== undefined) { // a move "from $X to $Y": two figures
      const [s, e] = m.indices.groups.mrange;
      const span = text.slice(s, e);
      for (const p of finditer("point", span)) {
        const v = amount(p.groups.m_num, p.groups.m_mag);
        found.push(fig(s + p.index, s + p.index + p[0].length, p[0], "USD", v, v, true));
      }
    }
  }
  if (lower.includes("index") || lower.includes("reading") || lower.includes("gauge") || lower.includes("score")) {
    for (const m of finditer("index", text, true)) {
      const [ns, ne] = m.indices.groups.num;
      if (overlaps(ns, ne, taken) || found.some((f) => f.start < ne && ns < f.end)) continue;
      const v = amount(m.groups.num);
      found.push(fig(ns, ne, m.groups.num, "index", v, v, true));
    }
  }
  if (lower.includes("half")) {
    for (const m of finditer("half", text)) {
      const v = G.mag_words[m.groups.mag.toLowerCase()] / 2;
      const end = m.index + m[0].length;
      found = found.filter((f) => !(m.index <= f.start && f.start < end));
      found.push(fig(m.index, end, m[0], m.groups.dollars ? "USD" : null, v, v, true));
    }
  }
  if (lower.includes("x") || text.includes("×")) {
    for (const m of finditer("multiple", text)) {
      const end = m.index + m[0].length;
      if (found.some((f) => f.start < end && m.index < f.end)) continue;
      const v = amount(m.groups.num);
      found.push(fig(m.index, end, m[0], "ratio", v, v, true));
    }
  }
  found.sort((a, b) => a.start - b.start);
  for (const f of found) {
    const from = Math.max(0, f.start - 30);
    const q = search("qualifier", text.slice(from, f.start));
    if (q && f.qualifier !== "vague") {
      f.qualifier = q.groups.approx !== undefined ? "approx" : q.groups.at_least !== undefined ? "at_least" : "at_most";
      f.qstart = from + q.index;
    }
  }
  return joinRanges(text, found);
}

// _join_ranges / _range_ends: two figures that are one range's ends.
function joinRanges(text, found) {
  const out = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i], b = found[i + 1];
    if (b && a.point && b.point && rangeEnds(text, a, b)) {
      const approx = a.qualifier === "approx";
      const f = fig(a.start, b.end, text.slice(a.start, b.end), b.unit || a.unit, a.lo, b.hi, false, approx ? "approx" : null);
      f.qstart = approx ? a.qstart : null;
      out.push(f);
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

function rangeEnds(text, a, b) {
  const between = text.slice(a.end, b.qstart !== null ? b.qstart : b.start);
  if (!matchAt("range_join", between) || (a.unit && b.unit && a.unit !== b.unit) || a.lo >= b.hi) return false;
  const aStart = a.qstart !== null ? a.qstart : a.start;
  const before = text.slice(Math.max(0, aStart - 40), aStart);
  if (between.trim().toLowerCase().startsWith("and")) return BETWEEN_BEFORE.test(before);
  if (search("from_before", before)) return search("range_open", before) !== null;
  return true;
}

module.exports = { findFigures };
