// textlint rule equivalent to `writer check`'s fact-free rules (F001 no-attribution,
// F002 unmarked-claim), for the speed comparison in bench/bench_check.py.
// Same figure grammar (the main forms, ported to JavaScript regular expressions),
// the same phrase lists (read from phrases.json, exported from writer/check/phrases.yaml
// by the benchmark), the same scope: sentence, earlier sentences of the paragraph,
// notes in the section that cover the run of figures.
"use strict";
const fs = require("fs");
const path = require("path");

const phrases = JSON.parse(fs.readFileSync(process.env.WRITER_PHRASES || path.join(__dirname, "..", "phrases.json"), "utf8"));
const alt = (list) => list.slice().sort((a, b) => b.length - a.length).map((p) => "(?:" + p + ")").join("|");
const rx = (list) => new RegExp("(?<![\\w-])(?:" + alt(list) + ")(?!\\w)", "i");
const CLASSES = {};
for (const name of ["attribution", "single_source", "rumor", "pending", "estimate", "claim", "note_backward", "note_forward", "note_label"]) {
  CLASSES[name] = rx(phrases[name] || ["(?!x)x"]);
}
const NUM = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
const MAGW = "hundred|thousand|million|billion|trillion";
const CUR = "(?:US\\$|\\$|USD\\s?)";
const FIGURE = new RegExp(
  "(?<![\\w$.,/+\\-])(?:" +
    `between\\s+${CUR}?(?:${NUM})(?:\\s?(?:${MAGW}))?%?\\s+and\\s+${CUR}?(?:${NUM})(?:\\s?(?:${MAGW}))?%?` +
    `|${CUR}(?:${NUM})(?:\\s?(?:${MAGW})|[kKmMbBtT]n?\\b)?\\s?(?:[-–—]|\\s+to\\s+)\\s?${CUR}?(?:${NUM})(?:\\s?(?:${MAGW})|[kKmMbBtT]n?\\b)?` +
    `|(?:${NUM})\\s?%?\\s?(?:[-–—]|\\s+to\\s+)\\s?(?:${NUM})\\s?(?:%|percent\\b)` +
    `|${CUR}(?:${NUM})(?:\\s?(?:${MAGW})\\b|(?:mn|mln|bn|tn|[kmbt])\\b)?` +
    `|(?:${NUM})(?:[KMB]|bn)\\b` +
    `|[-−+]?(?:${NUM})\\s?(?:%|percent\\b|per\\s?cent\\b)` +
    `|(?:${NUM})\\s?:\\s?\\d+(?:\\.\\d+)?(?![\\d:])` +
    `|(?:several\\s+hundred|a\\s+few\\s+hundred|several|a\\s+few|tens\\s+of|dozens\\s+of|hundreds\\s+of|a|one)\\s+(?:${MAGW})s?(?:\\s+(?:of\\s+)?dollars)?` +
    `|(?:${NUM})\\s?(?:${MAGW})\\b(?:\\s+(?:of\\s+)?dollars)?` +
    `|(?:${NUM})\\s+(?:\\w+\\s+)?(?:traders|accounts|users|investors|positions|wallets|orders|liquidations)\\b` +
    `|(?:${NUM})\\s?(?:coins|tokens|btc|eth)\\b` +
    `|\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?` +
    ")(?![\\w%]|[-–]\\w)",
  "gi"
);
const TIME = /^\d{1,2}:\d{2}$/;
const CAVEATS = ["attribution", "single_source", "rumor", "pending", "estimate"];

const BOUNDARY = /[.!?]+["”’')\]]*(?=\s+["“‘'(\[*]*[A-Z0-9$])/g;
const ABBREVIATIONS = new Set("u.s u.k e.g i.e approx est vs inc corp ltd no co gov sen rep jan feb mar apr jun jul aug sept sep oct nov dec mr mrs ms dr st etc fig al".split(" "));

function sentenceBounds(text) {
  // the same rule-based sentencizer as writer/nlp.py: abbreviations, decimals, closing quotes
  const out = [];
  let s = text.search(/\S/);
  if (s < 0) return out;
  let m;
  BOUNDARY.lastIndex = 0;
  while ((m = BOUNDARY.exec(text)) !== null) {
    const dot = m.index;
    const w = /([A-Za-z][A-Za-z.]*)$/.exec(text.slice(Math.max(s, dot - 12), dot));
    if (w && text[dot] === "." && ABBREVIATIONS.has(w[1].toLowerCase().replace(/\.+$/, ""))) continue;
    const end = dot + m[0].length;
    if (end > s) out.push([s, end]);
    s = end;
    while (s < text.length && /\s/.test(text[s])) s++;
  }
  if (s < text.length && text.slice(s).trim()) out.push([s, text.trimEnd().length]);
  return out;
}

function sentencesOf(text, offset) {
  const out = [];
  for (const [a, b] of sentenceBounds(text)) {
    const body = text.slice(a, b);
    const s = { text: body, start: offset + a, classes: new Set(), figures: [] };
    for (const name of Object.keys(CLASSES)) if (CLASSES[name].test(body)) s.classes.add(name);
    FIGURE.lastIndex = 0;
    let f;
    while ((f = FIGURE.exec(body)) !== null) {
      if (TIME.test(f[0])) continue;
      s.figures.push({ text: f[0], index: s.start + f.index });
    }
    out.push(s);
  }
  return out;
}

module.exports = function (context) {
  const { Syntax, RuleError, report, getSource, locator } = context;
  const blocks = []; // {node, section, sentences}
  let section = 0;
  function visit(node) {
    const text = getSource(node);
    blocks.push({ node, section, sentences: sentencesOf(text, 0) });
  }
  return {
    [Syntax.Header](node) { section += 1; visit(node); },
    [Syntax.Paragraph](node) { visit(node); },
    [Syntax.TableCell](node) { visit(node); },
    [Syntax.Document + ":exit"]() {
      const notes = new Map();
      blocks.forEach((b, bi) => b.sentences.forEach((s, si) => {
        const isNote = ["note_backward", "note_forward", "note_label"].some((n) => s.classes.has(n)) && CAVEATS.some((c) => s.classes.has(c));
        if (isNote) {
          if (!notes.has(b.section)) notes.set(b.section, []);
          notes.get(b.section).push({ bi, si, s, forward: s.classes.has("note_forward") && !s.classes.has("note_backward") });
        }
      }));
      blocks.forEach((b, bi) => b.sentences.forEach((s, si) => {
        if (!s.figures.length) return;
        const scope = new Set(s.classes);
        for (let k = 0; k < si; k++) for (const c of b.sentences[k].classes) scope.add(c);
        for (const n of notes.get(b.section) || []) {
          const after = n.bi > bi || (n.bi === bi && n.si > si);
          if ((after && !n.forward) || (!after && n.forward)) for (const c of n.s.classes) scope.add(c);
        }
        const attributed = CAVEATS.some((c) => scope.has(c));
        const next = b.sentences[si + 1];
        for (const f of s.figures) {
          if (!attributed) {
            report(b.node, new RuleError(`F001 '${f.text}' has no attribution or caveat in scope`, { padding: locator.range([f.index, f.index + f.text.length]) }));
          } else if (s.classes.has("claim") && !["rumor", "pending", "estimate"].some((c) => s.classes.has(c)) &&
                     !(next && !next.figures.length && ["rumor", "pending", "estimate"].some((c) => next.classes.has(c)))) {
            report(b.node, new RuleError(`F002 '${f.text}' is called a claim but not marked unverified`, { padding: locator.range([f.index, f.index + f.text.length]) }));
          }
        }
      }));
    },
  };
};
