// writer/check/multiples.py: multiples, ratios and shares in words ("twice the total", "longs tripled", "three to
// one", "nine in ten", "four percent", "double-digit losses"), step for step, with writer's exported expressions
// (multiples.keys, multiples.r0 ... and the constants under G.multiples).
"use strict";
const { G, search, finditer } = require("./grammar");

const MX = G.multiples;
if (Object.keys(G.regex).filter((k) => /^multiples\.r\d+$/.test(k)).length !== MX.readings || MX.readings !== 8) {
  throw new Error(`writer's multiples.py has ${MX.readings} readings; this port reads 8 (port multiples.py's _read)`);
}
const words = (s) => s.split(/\s+/).filter(Boolean).join(" "); // " ".join(s.split())

// _number: a number word ("a hundred") or digits.
function number(word) {
  const w = words(word);
  return MX.word_numbers[w] !== undefined ? MX.word_numbers[w] : parseFloat(w);
}

// gated: can a multiple, ratio or share in words stand in ``lower``?
const gated = (lower) => search("multiples.keys", lower) !== null;

// read_multiples: [start, end, unit, lo, hi, point] of each reading in ``lower`` (a lowered text), in their words' order.
function* readMultiples(lower) {
  const done = new Map(); // reading -> where its last match ends
  for (const k of finditer("multiples.keys", lower)) {
    const i = MX.reading_of[words(k[0])];
    const kEnd = k.index + k[0].length;
    const to = Math.min(lower.length, kEnd + MX.after);
    const within = to < lower.length ? lower.slice(0, to) : lower; // Python's endpos
    for (const m of finditer(`multiples.r${i}`, within, true, Math.max(0, k.index - MX.before))) {
      const end = m.index + m[0].length;
      if ((done.has(i) ? done.get(i) : -1) <= m.index && m.index <= k.index && k.index < end) {
        done.set(i, end);
        yield* read(m, lower);
      }
    }
  }
}

function* read(m, lower) {
  const g = m.groups;
  const at = (name) => m.indices.groups[name];
  const start = m.index;
  const end = start + m[0].length;
  if (g.adverb || g.verb || g.bare) {
    const word = g.adverb || g.verb || g.bare;
    const v = MX.verb_times.find(([stem]) => word.startsWith(stem))[1];
    yield [g.bare ? at("bare")[0] : start, g.adverb ? at("adverb")[1] : end, "multiple", v, v, true];
  } else if (g.halved || g.half) {
    yield [g.half ? at("half")[0] : start, end, "multiple", 0.5, 0.5, true];
  } else if (g.times) {
    if (g.t_vague) yield [start, at("times")[1], "multiple", MX.vague_times[0], MX.vague_times[1], false];
    else {
      const v = number(g.t_num);
      yield [start, at("times")[1], "multiple", v, v, true];
    }
  } else if (g.fold) {
    if (g.f_num.startsWith("two") && search("multiples.copula_before", lower, Math.max(0, start - 12), start) !== null) return;
    const v = number(g.f_num);
    yield [start, end, "multiple", v, v, true];
  } else if (g.factor) {
    const v = number(g.fa_num);
    yield [start, end, "multiple", v, v, true];
  } else if (g.ratio) {
    const v = number(g.r_num);
    yield [start, end, "ratio", v, v, true];
  } else if (g.share) {
    const a = number(g.s_a !== "one" ? g.s_a : "1");
    const b = number(g.s_b);
    if (a < b) yield [start, end, "part", (100 * a) / b, (100 * a) / b, true];
  } else if (g.pct) {
    if (g.pc_num) {
      const v = parseFloat(g.pc_num);
      yield [start, end, "percent", v, v, true];
      return;
    }
    const v = (MX.tens_words[g.pc_tens || ""] || 0) + (MX.unit_words[g.pc_units || g.pc_ones || ""] || 0);
    yield [start, end, "percent", v, v, true];
  } else {
    const [lo, hi] = MX.digit_places[g.d_word];
    const mag = MX.digit_mags[(g.d_mag || "").trim()];
    if (mag) yield [start, end, null, lo * mag, hi * mag, false];
    else yield [start, end, "percent", lo, hi, false];
  }
}

module.exports = { gated, readMultiples };
