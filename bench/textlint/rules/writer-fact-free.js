// textlint rule doing the work of `writer check` without a fact file: F001 no-attribution, F002
// unmarked-claim, and the suppression comments with S001/S002, for the comparison in bench/bench_check.py.
//
// Nothing here is a second copy of writer's vocabulary: every expression and constant (figure
// forms, phrase classes, attribution frames, masks, sentence boundary, abbreviations) is exported
// from writer's own modules at bench time (bench/textlint/grammar.py -> bench/.textlint/grammar.json,
// checked in Node against Python before use). The logic around them is ported step for step:
//   ../lib/document.js   writer/check/document.py (prose blocks on textlint's AST, masks, positions)
//   ../lib/figures.js    writer/check/figures.py (find_figures)
//   ../lib/analysis.js   writer/check/frames.py, phrases.py, sentences.py, analysis.py, captions.py, rules/f00[12]
//   ../lib/suppressions.js  writer/check/suppressions.py (S001, S002)
// Not ported: source names (writer runs without a source registry here) and front matter's `facts:`
// (that is fact mode: the comparison is of the fact-free check).
"use strict";
const { G, READINGS, OFF } = require("../lib/grammar");
const { Reader } = require("../lib/document");
const { Analysis, f001, f002, reset, memo } = require("../lib/analysis");
const { Suppressions } = require("../lib/suppressions");

const RULES = [
  ["F001", f001, "has no attribution or caveat in scope"],
  ["F002", f002, "is called a claim but not marked unverified"],
];

// A fact-free rule added to writer is one this port lacks: refuse to load rather than under-report.
const PORTED = new Set([...RULES.map(([code]) => code), "S001", "S002"]);
const missing = G.ran_free.filter((code) => !PORTED.has(code));
if (missing.length) throw new Error(`writer runs fact-free rules this port lacks: ${missing.join(", ")}`);

function rule(context) {
  const { Syntax, RuleError, report, getSource, locator } = context;
  let reader = null;
  let doc = null;
  return {
    [Syntax.Document](node) {
      doc = node;
      reader = new Reader(getSource(node).split("\n"), memo.masked);
    },
    [Syntax.List]() { reader.lists += 1; },
    [Syntax.List + ":exit"]() { reader.lists -= 1; },
    [Syntax.BlockQuote]() { reader.quotes += 1; },
    [Syntax.BlockQuote + ":exit"]() { reader.quotes -= 1; },
    [Syntax.Header](node) { reader.heading(node); },
    [Syntax.Paragraph](node) { reader.paragraph(node); },
    [Syntax.TableCell](node) { reader.cell(node, getSource(node)); },
    [Syntax.Document + ":exit"]() {
      const source = getSource(doc);
      const lineStart = [0];
      for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) lineStart.push(i + 1);
      const at = (b, offset) => { const [line, col] = b.position(offset); return lineStart[line - 1] + col - 1; };
      const a = new Analysis(reader.finish());
      const sup = new Suppressions(source);
      for (const [code, test, says] of RULES) { // writer's rule order: what each suppression silenced is then the same
        for (const u of a.uses) {
          if (!test(a, u)) continue;
          const [line] = u.block.position(u.figure.start);
          if (sup.suppressed(code, line)) continue;
          const padding = locator.range([at(u.block, u.figure.start), at(u.block, u.figure.end)]);
          report(doc, new RuleError(`${code} '${u.figure.text}' ${says}`, { padding }));
        }
      }
      for (const [line, col, code, message] of sup.findings()) {
        report(doc, new RuleError(`${code} ${message}`, { padding: locator.range([lineStart[line - 1] + col, lineStart[line - 1] + col + 1]) }));
      }
    },
  };
}

module.exports = rule;
module.exports.reset = reset; // empties the per-process caches (the benchmark does so before every round, for both sides)
// Readings to skip in the next lint (none when timed): bench/bench_check.py checks that skipping any one changes findings.
module.exports.skip = (names) => {
  const unknown = names.filter((n) => !READINGS.includes(n));
  if (unknown.length) throw new Error(`no such reading in the port: ${unknown.join(", ")}`);
  OFF.clear();
  for (const n of names) OFF.add(n);
};
module.exports.READINGS = READINGS;
