// writer/check/figures.py: find_figures, step for step, with writer's exported expressions.
"use strict";
const { G, RX, search, matchAt, finditer, has, on } = require("./grammar");
const { readMultiples } = require("./multiples");

const KINDS = ["between", "mrange", "prange", "money", "suffixed", "percent", "ratio", "vague", "worded", "bps", "btc", "usd", "rate",
  "curword", "counted", "coins", "grouped"];
// Every named group of writer's figure expression this port reads or knows to ignore: a group added to
// figures.py is a form this port does not handle yet, so the rule refuses to load rather than miscount.
const KNOWN_GROUPS = new Set([...KINDS, "b_lo", "b_hi", "b_cur", "b_coins", "b_dur", "bp_num", "bt_num", "bt_mag", "u_num", "mr_neg", "mr_lo", "mr_lo_mag", "mr_hi_neg", "mr_hi", "mr_hi_mag", "pr_lo", "pr_hi",
  "m_neg", "m_num", "m_band", "m_mag", "m_plus", "s_num", "s_mag", "s_noun", "p_neg", "p_num", "r_a", "r_b", "r_a2", "v_word", "v_mag", "v_dollars", "v_cur", "w_num", "w_mag",
  "w_dollars", "w_cur", "w_noun", "ra_num", "ra_per", "cw_num", "cw_cur", "c_num", "c_noun", "co_num", "co_unit", "g_num"]);
const unknown = G.figure_groups.filter((g) => !KNOWN_GROUPS.has(g));
if (unknown.length) throw new Error(`writer's figure expression has groups this port does not know: ${unknown.join(", ")} (port figures.py's _make)`);
const COINS_FULL = new RegExp(`^(?:${G.coins})$`);
// The expression figures.py writes inline (not a module attribute, so not exported).
const TRAILING_IN_OF = /\s+(?:in|of)$/; // re.sub(r"\s+(?:in|of)$", "", text)
const NUM_FULL = new RegExp(`^(?:${RX.num_only.g.source})$`, RX.num_only.g.flags.replace("g", "")); // _NUM_ONLY.fullmatch
const WINDOW_QUALIFIERS = new Set(G.window_qualifiers);
const NOT_TICKERS = new Set(G.not_tickers);
const YEAR_FULL = new RegExp(`^(?:${RX.year.g.source})$`, RX.year.g.flags.replace("g", "")); // _YEAR_RE.fullmatch
const LATER = G.later || {}; // the reader's ninth-round readings writer has (bench/textlint/grammar.py later_switches)
const overlapsFound = (found, s, e) => found.some((f) => f.start < e && s < f.end); // _taken

function mag(word) {
  if (!word) return 1;
  let w = word.trim().toLowerCase();
  if (w.endsWith("s") && G.mag_words[w.slice(0, -1)]) w = w.slice(0, -1); // "$19 billions": a plural magnitude (round fifteen)
  return G.mag_words[w] || G.mag_suffix[w] || 1;
}
// _amount (dot-grouped thousands, "1.250.000", read as comma-grouped: figures.NUM).
const amount = (num, magWord) => parseFloat(((num.match(/\./g) || []).length > 1 ? num.replace(/\./g, ",") : num).replace(/,/g, "")) * mag(magWord);

function unitOf(text) {
  const t = text.toLowerCase();
  if (t.includes("%") || t.includes("percent") || t.includes("per cent") || t.includes("percentage point") || has("pc", t)) return "percent";
  const m = matchAt("prefix", t.replace(/^\++/, ""), 0);
  if (m !== null && on("currency_units")) return G.prefix_units[m[1]]; // "€80 million" ("between €80 million and €90 million")
  if (t.includes("$") || t.includes("dollar") || t.includes("usd")) return "USD";
  return null;
}
// prefix_unit: the unit of an amount written with its currency first ("USD" unless PREFIX_UNITS names the prefix).
function prefixUnit(text) {
  if (text[0] === "$" || !on("currency_units")) return "USD";
  const m = matchAt("prefix", text, 0);
  return m !== null ? G.prefix_units[m[1].toLowerCase()] : "USD";
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
      let times = 1;
      if (g.b_cur) unit = G.currency_words[g.b_cur.toLowerCase()];
      else if (g.b_coins) unit = "coins";
      else if (g.b_dur && !unit) [unit, times] = G.duration_units[g.b_dur.toLowerCase()]; // "between 653 and 1,050 days"
      const hiMag = magIn(g.b_hi);
      let hi = amount(numIn(g.b_hi), hiMag);
      let lo = amount(numIn(g.b_lo), magIn(g.b_lo) || hiMag);
      if (!magIn(g.b_lo) && lo > hi) lo = amount(numIn(g.b_lo)); // "between 675,000 and 1.13 million": the low end in full
      if ("-−".includes(g.b_lo[0])) lo = -lo;
      if ("-−".includes(g.b_hi[0])) hi = -hi;
      if (lo > hi) [lo, hi] = [hi, lo]; // "between 90% and 45%": the same range written high to low
      return fig(start, end, text, unit, lo * times, hi * times, false);
    }
    case "mrange": {
      if (before(5).endsWith("from ")) return null;
      if (text.includes(" to ") && !g.mr_neg && search("move_by", before(G.from_reach))) return null; // "fell by $225 billion to $3.08 trillion"
      const hiMag = g.mr_hi_mag;
      let lo = amount(g.mr_lo, g.mr_lo_mag || hiMag), hi = amount(g.mr_hi, hiMag);
      if (g.mr_neg) lo = -lo; // a range across zero: "-$1.2 million to $3.5 million"
      if (g.mr_hi_neg) hi = -hi;
      return hi < lo ? null : fig(start, end, text, prefixUnit(text), lo, hi, false);
    }
    case "prange": {
      const lo = amount(g.pr_lo), hi = amount(g.pr_hi);
      return hi < lo || percentMove(m) ? null : fig(start, end, text, "percent", lo, hi, false); // else two points: percentEnds
    }
    case "money": {
      if (LATER.spaced_letter && on("spaced_letter") && g.m_mag && /^\s[a-z]$/.test(g.m_mag)) { // _SPACED_LETTER: "$5 t"
        const cut = text.lastIndexOf(g.m_mag); // the amount alone, its letter left out
        const a = amount(g.m_num) * (g.m_neg ? -1 : 1);
        return fig(start, start + cut, text.slice(0, cut), prefixUnit(text), a, a, true);
      }
      let v = amount(g.m_num, (g.m_mag || "").replace(/^-+/, "")); // "$45-million"
      if (g.m_neg) v = -v; // a signed amount: "the basis fell to -$17"
      if (g.m_band && !g.m_mag) { // a band of prices: "the $70,000s" runs from $70,000 up to the next level
        const digits = g.m_num.replace(/,/g, "").split(".")[0];
        const step = 10 ** (digits.length - digits.replace(/0+$/, "").length);
        return fig(start, end, text, prefixUnit(text), v, v + step, false);
      }
      const unit = prefixUnit(text);
      if (g.m_plus === undefined) return fig(start, end, text, unit, v, v, true);
      const f = fig(start, end, text, unit, v, v, true, "at_least"); // "$500 million-plus": more than that
      f.qstart = end - 5;
      return f;
    }
    case "suffixed": {
      const v = amount(g.s_num, g.s_mag);
      const noun = (g.s_noun || "").toLowerCase(); // "120K traders": a count; "2.35 M BTC": coins (round fourteen)
      return fig(start, end, text, noun && COINS_FULL.test(noun) ? "coins" : noun ? "count" : "USD", v, v, true);
    }
    case "percent": {
      let v = amount(g.p_num);
      if (g.p_neg === "-" || g.p_neg === "−") v = -v;
      return fig(start, end, text, "percent", v, v, true);
    }
    case "ratio": {
      if (matchAt("time", text)) return null;
      if (g.r_a2 && !text.includes("-to-") && search("move_from", before(G.from_reach))) return null; // "from 46 to 1": a move
      const a = amount(g.r_a || g.r_a2);
      const b = parseFloat(g.r_b || "1");
      return b === 0 ? null : fig(start, end, text, "ratio", a / b, a / b, true);
    }
    case "vague": {
      const word = g.v_word.toLowerCase().split(/\s+/).filter(Boolean).join(" ");
      const mult = G.vague[word] || [1, 1];
      const m_ = G.mag_words[g.v_mag.toLowerCase()];
      const unit = g.v_dollars ? "USD" : g.v_cur ? G.currency_words[g.v_cur.toLowerCase()] : null; // "several billion yuan"
      if (mult[0] === mult[1]) return fig(start, end, text, unit, mult[0] * m_, mult[0] * m_, true); // "a billion", "a half billion"
      return fig(start, end, text, unit, mult[0] * m_, mult[1] * m_, false, "vague");
    }
    case "worded": {
      const v = amount(g.w_num, g.w_mag);
      const noun = (g.w_noun || "").toLowerCase();
      let unit = g.w_dollars ? "USD" : noun && COINS_FULL.test(noun) ? "coins" : noun ? "count" : null;
      if (g.w_cur) unit = G.currency_words[g.w_cur.toLowerCase()];
      return fig(start, end, text, unit, v, v, true);
    }
    case "bps": { // "14 bps": hundredths of a percentage point
      const v = amount(g.bp_num) / 100;
      return fig(start, end, text, "percent", v, v, true);
    }
    case "btc": { // "₿1,250"
      const v = amount(g.bt_num, g.bt_mag);
      return fig(start, end, text, "coins", v, v, true);
    }
    case "usd": { // "61,220,400 USD", "500 dollars"
      const v = amount(g.u_num);
      return fig(start, end, text, "USD", v, v, true);
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
        if (dayOfMonth(m.input, start, g.c_num, text)) return null; // "the March 3 liquidations": a date
        return fig(start, end, text, "count", v, v, true);
      }
      if (YEAR_FULL.test(g.co_num) && search("year_before", m.input, Math.max(0, start - 12), start)) return null; // "In 2024 BTC halved"
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

// _percent_move: a "prange" match that is a move's two ends ("from 20% to 35%"), not a range.
function percentMove(m) {
  const before = m.input.slice(Math.max(0, m.index - G.move_reach), m.index);
  return search("from_before", before) !== null && search("range_open", before) === null;
}

// _percent_ends: the two ends of a "prange" match that is no range, each a point (the first's sign may be left to the second).
function percentEnds(m) {
  const [ls, le] = m.indices.groups.pr_lo;
  const sign = matchAt("percent_sign", m.input, le);
  const loEnd = sign !== null ? le + sign[0].length : le;
  const [hs] = m.indices.groups.pr_hi;
  const he = m.indices.groups.prange[1];
  const lo = amount(m.groups.pr_lo), hi = amount(m.groups.pr_hi);
  const high = fig(hs, he, m.input.slice(hs, he), "percent", hi, hi, true);
  // a bare year as the low end is a date ("from 40.1% in late 2023 to 55.2%"), not an end
  if (sign === null && YEAR_FULL.test(m.groups.pr_lo) && search("year_before", m.input, Math.max(0, m.index - 12), m.index)) return [high];
  return [fig(ls, loEnd, m.input.slice(ls, loEnd), "percent", lo, lo, true), high];
}

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
  if (lower.includes("illion") || lower.includes("thousand") || lower.includes("hundred")) {
    for (const m of finditer("number_words", text)) { // "twenty-five million dollars"
      found.push(wordedNumber(m));
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  if (lower.includes("hundred")) {
    for (const m of finditer("hundred", text, true)) {
      if (overlaps(m.index, m.index + m[0].length, taken)) continue;
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
        found.push(fig(s + p.index, s + p.index + p[0].length, p[0], prefixUnit(p[0]), v, v, true));
      }
    } else if (m.groups.prange !== undefined) found.push(...percentEnds(m)); // "from 64% to 41%", "75%-15%": two figures
  }
  if (lower.includes("index") || lower.includes("reading") || lower.includes("gauge") || lower.includes("score")) {
    for (const m of finditer("index", text, true)) {
      const [ns, ne] = m.indices.groups.num;
      if (overlaps(ns, ne, taken) || found.some((f) => f.start < ne && ns < f.end)) continue;
      const v = amount(m.groups.num);
      found.push(fig(ns, ne, m.groups.num, "index", v, v, true));
    }
  }
  if (lower.includes("half") || (on("parts") && (lower.includes("quarter") || lower.includes("third")))) { // "half a billion", "a quarter of a billion"
    for (const m of finditer("half", text)) {
      if (!on("parts") && m.groups.part.toLowerCase() !== "half") continue;
      const v = G.mag_words[m.groups.mag.toLowerCase()] * G.part_of[m.groups.part.toLowerCase().split(/\s+/).join(" ")];
      const end = m.index + m[0].length;
      found = found.filter((f) => !(m.index <= f.start && f.start < end));
      found.push(fig(m.index, end, m[0], m.groups.dollars ? "USD" : null, v, v, true));
    }
  }
  if (lower.includes("x") || text.includes("×")) {
    for (const m of finditer("multiple", text)) {
      const end = m.index + m[0].length;
      if (found.some((f) => f.start < end && m.index < f.end)) continue;
      if (search("leverage_before", text, Math.max(0, m.index - 40), m.index)) continue; // "cut max leverage to 40x"
      const v = amount(m.groups.num);
      found.push(fig(m.index, end, m[0], "ratio", v, v, true));
    }
  }
  if (on("shares") && ["half", "third", "quarter", "fifth", "tenth"].some((w) => lower.includes(w))) found = shareWords(text, found);
  if ((lower.includes("x") || text.includes("×")) && on("position_leverage")) found = positionLeverage(text, found);
  if (on("extremes")) found = extremes(text, lower, found);
  if (on("multiples") && lower.length === text.length) found = multiples(text, lower, found); // (no offsets moved by lowering)
  if (lower.includes(" per ")) found = ratesInWords(text, lower, found); // (before the counts in words: "twelve trades per minute")
  if (on("count_words") && (lower.includes("dozen") || lower.includes("scores") || lower.includes("s of") || lower.includes("s in ")
      || lower.includes("s worth") || lower.includes("-dollar") || lower.includes("figure") || smallCountNeed(lower))) found = countWords(text, lower, found);
  if (has("digit_re", text)) {
    if (on("tickers")) found = readTickers(text, found);
    found = readInContext(text, found);
  }
  if (lower.includes("zero")) found = zeros(text, lower, found);
  if (on("records") && lower.includes("record")) found = records(text, lower, found); // after every number is read
  found.sort((a, b) => a.start - b.start);
  for (const f of found) {
    const from = Math.max(0, f.start - 30);
    const q = search("qualifier", text.slice(from, f.start));
    if (q && f.qualifier !== "vague") {
      f.qualifier = q.groups.approx !== undefined ? "approx" : q.groups.at_least !== undefined ? "at_least" : "at_most";
      f.qstart = from + q.index;
      if (f.qualifier === "approx") { // _bound_before: "at least around 10,000 yen" is the bound
        const b = search("qualifier", text.slice(from, f.qstart));
        if (b && b.groups.approx === undefined) {
          f.qualifier = b.groups.at_least !== undefined ? "at_least" : "at_most";
          f.qstart = from + b.index;
        }
      }
    }
  }
  return on("list_magnitude") ? shareMagnitude(text, joinRanges(text, found)) : joinRanges(text, found);
}

// _share_magnitude: a list of amounts whose magnitude is written once, after the last ("$41.2, $18.75 and $9.9 million"):
// the items before it that print none (a currency, no magnitude, a value below BARE_LIMIT) take its magnitude (their
// values are what a figure pointing back to one of them is matched by).
const endsInLetter = (t) => /\p{L}$/u.test(t);
function shareMagnitude(text, found) {
  if (found.length < 2 || !found.slice(1).some((f) => endsInLetter(f.text))) return found;
  for (let i = found.length - 1; i > 0; i--) {
    const last = found[i];
    const times = last.point && last.unit !== null && endsInLetter(last.text) ? mag(magIn(last.text)) : 1;
    if (times <= 1 || search("list_end", text.slice(found[i - 1].end, last.start)) === null) continue;
    let j = i;
    while (j > 0 && bareItem(found[j - 1], last, text.slice(found[j - 1].end, found[j].start))) j--;
    for (let k = j; k < i; k++) found[k] = { ...found[k], lo: found[k].lo * times, hi: found[k].hi * times };
  }
  return found;
}
const LIST_JOIN_FULL = new RegExp(`^(?:${RX.list_join.g.source})$`, RX.list_join.g.flags.replace("g", "")); // _LIST_JOIN.fullmatch
const bareItem = (item, last, between) => item.point && item.unit === last.unit && (item.qualifier === null || item.qualifier === last.qualifier)
  && item.lo > 0 && item.lo < G.bare_limit && !magIn(item.text) && !endsInLetter(item.text) && LIST_JOIN_FULL.test(between);

// _position_leverage: one position's leverage ("a 40x long", "a whale ... using 5x leverage"), not a venue's terms.
function positionLeverage(text, found) {
  for (const m of finditer("position_leverage", text)) {
    const end = m.index + m[0].length;
    if (overlapsFound(found, m.index, end)) continue;
    const before = text.slice(Math.max(0, m.index - 160), m.index);
    let from = 0;
    for (const e of finditer("clause_start", before)) from = e.index + e[0].length;
    if (on("reported_clause") && before.toLowerCase().includes("that")) { // a reported clause opens after "said that" (_reported_clause)
      for (const e of finditer("reported_clause", before)) from = Math.max(from, e.index + e[0].length);
    }
    const holder = before.slice(from);
    const one = search(m.groups.noun !== undefined ? "determiner_before" : "one_position_before", holder);
    if (one === null || search("venue_terms_before", holder)) continue;
    const v = amount(m.groups.num);
    found.push(fig(m.index, end, m[0], "ratio", v, v, true));
  }
  return found;
}

// _extremes: "a 5-year high", its span in days.
function extremes(text, lower, found) {
  if (lower.length !== text.length) return found;
  for (const m of finditer("extreme", lower)) {
    const n = search("span_number", lower, Math.max(0, m.index - 8), m.index);
    const end = m.index + m.groups.span.length;
    if (n === null || overlapsFound(found, n.index, end)) continue;
    const num = n.groups.num;
    const days = (/^\d/.test(num) ? parseFloat(num) : G.span_words[num]) * G.span_days[m.groups.span];
    found.push(fig(n.index, end, text.slice(n.index, end), "days", days, days, true));
  }
  return found;
}

// _multiples: multiples, ratios and shares in words (multiples.js) that no figure read overlaps; a range is vague.
function multiples(text, lower, found) {
  for (const [s, e, unit, lo, hi, point] of readMultiples(lower)) {
    if (!overlapsFound(found, s, e)) found.push(fig(s, e, text.slice(s, e), unit, lo, hi, point, point ? null : "vague"));
  }
  return found;
}

// _share_words: "more than half of the liquidations", "nearly a third": a share in words (unit "part").
function shareWords(text, found) {
  for (const m of finditer("share", text)) {
    if (found.some((f) => f.start <= m.index && m.index < f.end)) continue; // "half a billion"
    const before = text.slice(Math.max(0, m.index - G.share_reach), m.index);
    if (!search("share_hedged", before) && (search("share_place", before) || !matchAt("share_of", text, m.index + m[0].length))) continue;
    const v = G.share_parts[m.groups.part.toLowerCase().replace(/-/g, " ").split(/\s+/).filter(Boolean).join(" ")];
    found.push(fig(m.index, m.index + m[0].length, m[0], "part", v, v, true));
  }
  return found;
}

// _count_words: "hundreds of traders", "over a dozen funds", "millions of dollars", "a nine-figure loss".
function countWords(text, lower, found) {
  if (lower.length !== text.length) return found;
  const words = G.count_words_need.some((w) => lower.includes(w)); // a word every match holds (_COUNT_WORDS_NEED)
  for (const m of words ? finditer("count_words", lower) : []) {
    const end = m.index + m[0].length;
    if (overlapsFound(found, m.index, end)) continue;
    if (LATER.coverage && on("coverage") && search("coverage_before", lower, Math.max(0, m.index - G.coverage_reach), m.index)) continue; // a source's reach
    if (m.groups.dozen !== undefined) {
      found.push(fig(m.index, end, text.slice(m.index, end), "count", 12, 12, true));
      continue;
    }
    const word = m.groups.plural;
    const [lo, hi] = G.plural_count[word];
    const unit = m.groups.dollars !== undefined ? "USD" : m.groups.noun !== undefined ? "count" : null;
    if (unit === null && !G.money_plurals.includes(word)) continue; // "hundreds in losses"
    found.push(fig(m.index, end, text.slice(m.index, end), unit, lo, hi, false, "vague"));
  }
  for (const m of smallCountNeed(lower) ? finditer("small_count", lower) : []) { // "three liquidations", "four whales made"
    const end = m.index + m[0].length;
    if (overlapsFound(found, m.index, end)) continue;
    if (m.groups.actor !== undefined && actorsSpeak(lower, m.index, end)) continue; // "two traders said": speakers
    const n = G.units_words[m.groups.n];
    found.push(fig(m.index, end, text.slice(m.index, end), "count", n, n, true));
  }
  for (const m of finditer("size_class", lower)) {
    const end = m.index + m[0].length;
    if (overlapsFound(found, m.index, end)) continue;
    let lo, hi;
    if (m.groups.digits !== undefined) {
      const n = G.figure_digits[m.groups.digits];
      [lo, hi] = [10 ** (n - 1), 10 ** n - 1];
    } else {
      const mag = G.mag_words[m.groups.mag];
      [lo, hi] = m.groups.multi !== undefined ? [2 * mag, 999 * mag] : [mag, 9.99 * mag];
    }
    found.push(fig(m.index, end, text.slice(m.index, end), "USD", lo, hi, false, "vague"));
  }
  return found;
}

// The fourteenth round's small counts in words (figures._SMALL_COUNT_NEED, small_count_in, _actors_speak).
const smallCountNeed = (lower) => LATER.small_counts === true && on("small_counts") && G.small_count_need.some((n) => lower.includes(n));
const smallCountIn = (lower) => smallCountNeed(lower) && search("small_count", lower) !== null;
const actorsSpeak = (lower, start, end) => matchAt("actors_speak", lower, end) !== null || lower.slice(0, start).endsWith("according to ")
  || (on("actors_asked") && search("actors_asked", lower, Math.max(0, start - G.asked_reach), start) !== null); // round fifteen

// _rates_in_words: "one liquidation per second".
function ratesInWords(text, lower, found) {
  if (lower.length !== text.length) return found;
  for (const m of finditer("rate_words", lower)) {
    const end = m.index + m[0].length;
    if (overlapsFound(found, m.index, end)) continue;
    const n = G.rate_words[m.groups.n.split(/\s+/).filter(Boolean).join(" ")];
    found.push(fig(m.index, end, text.slice(m.index, end), "per_" + m.groups.per, n, n, true));
  }
  return found;
}

// _zeros: "prices fell to zero", "zero liquidations".
function zeros(text, lower, found) {
  if (lower.length !== text.length) return found;
  for (const m of finditer("zero", lower)) {
    const end = m.index + m[0].length;
    const counted = m.groups.noun !== undefined;
    if (overlapsFound(found, m.index, end) || !(counted || search("zero_before", lower, Math.max(0, m.index - G.zero_reach), m.index))) continue;
    found.push(fig(m.index, end, text.slice(m.index, end), counted ? "count" : null, 0, 0, true));
  }
  return found;
}

// _records: "liquidations hit a record", unless denied or beside the number it describes.
function records(text, lower, found) {
  if (lower.length !== text.length) return found;
  for (const m of finditer("record", lower)) {
    const end = m.index + m[0].length;
    if (overlapsFound(found, m.index, end) || search("record_denied", lower, Math.max(0, m.index - 40), m.index)) continue;
    let from = 0;
    for (const e of finditer("record_sentence_end", lower.slice(0, m.index))) from = e.index + e[0].length;
    const after = search("record_sentence_end", lower, end);
    if (overlapsFound(found, from, after !== null ? after.index : lower.length)) continue;
    found.push(fig(m.index, end, text.slice(m.index, end), "record", 0, 0, true, "vague"));
  }
  return found;
}

// _read_tickers: "1,200 HYPE", "2.5 million LIT tokens", "198.5 billion KRW".
function readTickers(text, found) {
  if (!has("capital", text)) return found;
  let out = found.slice();
  for (const m of finditer("ticker_amount", text)) {
    const { ticker, num, mag: magWord } = m.groups;
    if (NOT_TICKERS.has(ticker) || (!magWord && YEAR_FULL.test(num) && search("year_before", text, Math.max(0, m.index - 12), m.index))) continue;
    const end = m.index + m[0].length;
    if (!search("lower_re", text, Math.max(0, m.index - 40), Math.min(text.length, end + 40))) continue; // a headline in capitals
    const same = out.filter((f) => f.start < end && m.index < f.end);
    if (same.some((f) => f.start !== m.index || f.end > end || (f.unit !== null && !(f.unit === "USD" && !f.text.includes("$"))))) continue;
    const v = amount(num, magWord);
    const f = fig(m.index, end, m[0], G.currency_words[ticker.toLowerCase()] || "coins", v, v, true);
    out = out.filter((x) => !same.includes(x)).concat([f]);
  }
  return out;
}

// _worded_number: "twenty-five million dollars".
function wordedNumber(m) {
  const g = m.groups;
  const ones = (g.ones || "").toLowerCase();
  const word = (G.tens_words[(g.tens || "").toLowerCase()] || 0) + (G.units_words[(g.units || "").toLowerCase()] || 0)
    + (ones ? G.ones.indexOf(ones) + 1 : 0);
  const magnitude = G.mag_words[g.mag.toLowerCase()] * (g.hundred ? 100 : 1);
  const v = word * magnitude;
  return fig(m.index, m.index + m[0].length, m[0], g.dollars ? "USD" : g.noun ? "count" : null, v, v, true);
}

// _read_in_context: durations and bare amounts the grammar's own forms could not read (one scan of the
// numbers they left; a duration tried at each).
function readInContext(text, found) {
  const out = found.map((f) => (f.unit === null && f.point && NUM_FULL.test(f.text) ? bareAmount(text, f.start, f.text) || f : f));
  const spans = found.map((f) => [f.start, f.end]);
  let done = 0;
  for (const m of finditer("number", text)) {
    const end = m.index + m[0].length;
    if (m.index < done || overlaps(m.index, end, spans)) continue;
    const d = matchAt("duration", text, m.index, true);
    if (d !== null && !overlaps(d.index, d.index + d[0].length, spans)) {
      out.push(...duration(text, d));
      done = d.index + d[0].length;
    } else if ((m.index === 0 || text[m.index - 1] !== ":") && matchAt("bare_after", text, end)) { // not "08:30"'s minutes
      const f = bareAmount(text, m.index, m.groups.num);
      if (f !== null) out.push(f);
    }
  }
  return out;
}

// _before_qualifier: the words before ``at`` (LOOKBACK of them), without a qualifier right before it, and that qualifier.
function beforeQualifier(text, at) {
  const before = text.slice(Math.max(0, at - G.lookback), at);
  const q = search("qualifier", before.slice(-30));
  if (!q) return [before, null];
  const kind = q.groups.approx !== undefined ? "approx" : q.groups.at_least !== undefined ? "at_least" : "at_most";
  const cut = before.length > 30 ? before.length - 30 + q.index : q.index;
  return [before.slice(0, cut), q.groups[kind].toLowerCase()];
}

function duration(text, m) {
  const g = m.groups;
  const [unit, times] = G.duration_units[g.unit.toLowerCase()];
  if (g.lo_unit) {
    const [loUnit, loTimes] = G.duration_units[g.lo_unit.toLowerCase()];
    if (loUnit !== unit || loTimes !== times) return [];
  }
  const start = g.lo ? m.indices.groups.lo[0] : m.indices.groups.num[0];
  const [before, qualifier] = beforeQualifier(text, start);
  if (!durationIsFigure(text, m, before, qualifier)) return [];
  const end = m.index + m[0].length;
  const hi = amount(g.num) * times;
  if (!g.lo) return [fig(m.index, end, m[0], unit, hi, hi, true)];
  const lo = amount(g.lo) * times;
  if ((search("from_before", before) && !search("range_open", before)) || lo >= hi) { // a move, or a pair high to low
    const [ls, le] = [m.indices.groups.lo[0], m.indices.groups.lo_part[1]];
    const ns = m.indices.groups.num[0];
    return [fig(ls, le, text.slice(ls, le), unit, lo, lo, true), fig(ns, end, text.slice(ns, end), unit, hi, hi, true)];
  }
  return [fig(m.index, end, m[0], unit, lo, hi, false)];
}

const WINDOW_LIKE_NOUNS = new Set(G.window_like_nouns);
const REPORTING_WINDOW_HOURS = new Set(G.reporting_window_hours);

// _is_reporting_window: the duration is one of the windows liquidation reports count over (Python's float() of the
// number times the unit's hours; a unit with no hours, or a number float() refuses, is none).
function reportingWindow(m) {
  const unit = m.groups.unit.toLowerCase().replace(/s+$/, "");
  const num = m.groups.num;
  if (!Object.prototype.hasOwnProperty.call(G.hours_per, unit) || !/^\s*\d+(?:\.\d*)?\s*$/.test(num)) return false;
  return REPORTING_WINDOW_HOURS.has(Number(num) * G.hours_per[unit]);
}

function durationIsFigure(text, m, before, qualifier) {
  if (search("duration_lead", before)) return true;
  const noun = m.groups.sep === "-" ? matchAt("duration_noun", text, m.index + m[0].length) : null;
  if (noun !== null) { // "a 24-hour stretch": a reporting window named by a noun of time is a window, not a length measured
    return !(on("window_nouns") && WINDOW_LIKE_NOUNS.has(noun[0].trim().toLowerCase()) && reportingWindow(m));
  }
  const num = m.groups.num;
  if (num.includes(",") || num.includes(".")) return true;
  if (search("window_before", before) || WINDOW_QUALIFIERS.has(qualifier)) return false;
  return Boolean(qualifier || m.groups.lo);
}

// _day_of_month: a whole number up to 31 right after a month's name ("March 3 liquidations") or right before one.
function dayOfMonth(input, at, num, text) {
  if (!/^\d+$/.test(num) || parseInt(num, 10) < 1 || parseInt(num, 10) > G.days_in_month) return false;
  return matchAt("month_after", text) !== null || search("month_before", input, Math.max(0, at - G.month_reach), at) !== null;
}

// _bare_amount: the figure a bare number at ``at`` is in its sentence, or null.
function bareAmount(text, at, num) {
  const end = at + num.length;
  if (!num.includes(",") && !num.includes(".") && parseInt(num, 10) >= 1900 && parseInt(num, 10) <= 2100) return null; // a year
  if (!matchAt("amount_end", text, end)) return null;
  const [before] = beforeQualifier(text, at);
  const lead = search("amount_lead", before);
  if (lead === null) return null;
  const v = amount(num);
  if (lead.groups.avg !== undefined) return fig(at, end, num, null, v, v, true); // "an average of 0.4"
  const own = lead.groups.own;
  if (own) {
    const o = own.toLowerCase();
    return fig(at, end, num, o === "ratio" ? "ratio" : o === "reading" || o === "score" ? "index" : "count", v, v, true);
  }
  const clause = before.slice(0, lead.index);
  let from = 0;
  for (const e of finditer("sentence_end", clause)) from = e.index + e[0].length;
  const subject = clause.slice(from);
  const rests = lead.groups.at !== undefined && !search("puts_at", subject); // "funding ran at 0.0451": a reading's subject only
  if (rests && !search("rests_at", subject)) return null;
  const said = [...finditer("amount_subject", subject)];
  if (!said.length) return null;
  const last = said[said.length - 1].groups;
  const kind = last.count !== undefined ? "count" : last.any !== undefined ? "any" : last.rate !== undefined ? "rate" : last.index !== undefined ? "index" : "ratio";
  if (rests && !G.reading_subjects.includes(kind)) return null;
  return fig(at, end, num, kind === "any" ? null : kind === "rate" ? "percent" : kind, v, v, true);
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
  if (between.trim().toLowerCase().startsWith("and")) return search("between_before", before) !== null;
  if (search("from_before", before)) return search("range_open", before) !== null;
  if (between.trim().toLowerCase().startsWith("to") && a.lo >= 0 && search("move_by", before)) return false; // a change and the level reached
  return true;
}

module.exports = { findFigures, smallCountIn };
