// writer/check/suppressions.py: <!-- writer: disable... --> comments, what each silenced, and the
// S001 (names no rule) / S002 (silenced nothing) findings, with writer's exported expressions.
"use strict";
const { G, finditer } = require("./grammar");

const BLANKET = "*";

class Directive {
  constructor(line, column, kind, codes) { Object.assign(this, { line, column, kind, codes, used: new Set() }); }
  covers(code) { return this.codes.has(BLANKET) || [...this.codes].some((c) => code === c || code.startsWith(c)); }
}

function codesOf(text) {
  const found = new Set(Array.from(finditer("suppress_code", text), (m) => m[0].toUpperCase()));
  return found.size ? found : new Set([BLANKET]);
}

class Suppressions {
  constructor(source) {
    this.lines = new Map();
    this.ranges = [];
    this.directives = [];
    const lines = source.split("\n");
    const open = new Map();
    lines.forEach((text, k) => {
      const i = k + 1;
      for (const m of finditer("suppress", text)) {
        const kind = m.groups.kind.toLowerCase();
        const codes = codesOf(m.groups.codes);
        const d = new Directive(i, m.index, kind, codes);
        if (kind === "disable-line") this.at(i).push(d);
        else if (kind === "disable-next-line") {
          let j = i + 1;
          while (j <= lines.length && !lines[j - 1].trim()) j++;
          this.at(j).push(d);
        } else if (kind === "disable") {
          for (const c of codes) if (!open.has(c)) open.set(c, [i, d]);
        } else {
          const targets = codes.has(BLANKET) ? [...open.keys()] : [...codes].filter((c) => open.has(c));
          for (const c of targets) { const [start, opener] = open.get(c); open.delete(c); this.ranges.push([start, i, opener]); }
          continue;
        }
        this.directives.push(d);
      }
    });
    for (const [start, opener] of open.values()) this.ranges.push([start, lines.length, opener]);
  }
  at(line) {
    if (!this.lines.has(line)) this.lines.set(line, []);
    return this.lines.get(line);
  }
  suppressed(code, line) {
    let hit = false;
    for (const d of this.lines.get(line) || []) if (d.covers(code)) { d.used.add(code); hit = true; }
    for (const [a, b, d] of this.ranges) if (a <= line && line <= b && d.covers(code)) { d.used.add(code); hit = true; }
    return hit;
  }
  // findings(): [line, 0-based column, code, message] per directive.
  findings() {
    const known = G.rule_codes, ran = G.ran_free;
    const out = [];
    for (const d of this.directives) {
      const unknown = [...d.codes].filter((c) => c !== BLANKET && !known.some((k) => k.startsWith(c))).sort();
      let unused;
      if (d.codes.has(BLANKET)) unused = d.used.size ? [] : [BLANKET];
      else unused = [...d.codes].filter((c) => ![...d.used].some((u) => u === c || u.startsWith(c)) && ran.some((r) => r.startsWith(c))).sort();
      for (const [code, names] of [["S001", unknown], ["S002", unused]]) {
        if (!names.length) continue;
        const what = names.length === 1 && names[0] === BLANKET ? "every rule" : names.join(", ");
        out.push([d.line, d.column, code, code === "S001" ? `suppression names ${what}, which is no rule code` : `suppression of ${what} silenced nothing here`]);
      }
    }
    return out;
  }
}

module.exports = { Suppressions };
