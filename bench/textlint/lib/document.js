// writer/check/document.py on textlint's Markdown AST: prose blocks (headings, paragraphs, list and
// quote paragraphs, table cells) with writer's block text (markdown-it's inline content, inline markup
// blanked), the same line/column mapping, sections and the headline role.
"use strict";
const { G, has, RX } = require("./grammar");

const MASKS = Object.keys(G.regex).filter((k) => /^mask\d+$/.test(k)).sort((a, b) => a.slice(4) - b.slice(4))
  .map((k, i) => [RX[k].g, G.mask_needs[i]]);
const blankOut = (s) => (s.includes("\n") ? s.replace(/[^\n]/g, " ") : " ".repeat(s.length));

// mask_inline, with writer's memo of masked texts (emptied when full).
function maskInline(text, memo) {
  if (!has("markup", text)) return text;
  let masked = memo.get(text);
  if (masked === undefined) {
    masked = text;
    for (const [rx, needs] of MASKS) {
      if (needs === null || masked.includes(needs)) masked = masked.replace(rx, blankOut);
    }
    memo.set(text, masked);
  }
  return masked;
}

const HEADING_MARK = /^[ ]{0,3}#{1,6}(?:[ \t]+|$)/;
const CLOSING_HASHES = /(?:^|[ \t]+)#+[ \t]*$/;
const QUOTE_PREFIX = /^(?:[ ]{0,3}>[ \t]?)+/;

class Block {
  constructor(kind, text, offsets, positions, section, level, inList, inQuote) {
    Object.assign(this, { kind, text, offsets, positions, section, level, inList, inQuote, role: "body", sentences: [], index: -1 });
  }
  // 1-based (line, column) of a text offset (Block.position)
  position(offset) {
    let i = 0;
    while (i + 1 < this.offsets.length && this.offsets[i + 1] <= offset) i++;
    const [line, col] = this.positions[i];
    return [line, col + (offset - this.offsets[i]) + 1];
  }
}

// Collects blocks while textlint walks the tree (enter/exit of lists and quotes).
class Reader {
  constructor(lines, maskMemo) {
    Object.assign(this, { lines, maskMemo, blocks: [], section: 0, lists: 0, quotes: 0, rowCursor: new Map() });
  }

  add(kind, content, first, level = 0) {
    if (!content.trim()) return;
    if (kind === "heading" && level >= 2) this.section += 1;
    const offsets = [], positions = [];
    let pos = 0;
    for (const [i, part] of content.split("\n").entries()) {
      const lineNo = Math.min(first + i, this.lines.length - 1);
      const col = part ? this.lines[lineNo].indexOf(part) : 0;
      offsets.push(pos);
      positions.push([lineNo + 1, Math.max(col, 0)]);
      pos += part.length + 1;
    }
    this.blocks.push(new Block(kind, maskInline(content, this.maskMemo), offsets, positions, this.section,
      kind === "heading" ? level : 0, this.lists > 0, this.quotes > 0));
  }

  heading(node) {
    const first = node.loc.start.line - 1, last = node.loc.end.line - 1;
    const line = this.lines[first].slice(node.loc.start.column); // a heading may open a list item
    let content;
    if (HEADING_MARK.test(line)) {
      content = line.replace(HEADING_MARK, "").replace(CLOSING_HASHES, "").trim();
    } else { // setext: the text lines above the underline
      content = this.lines.slice(first, last).map((l, i) => (i ? l.replace(/^[ \t]+/, "") : l)).join("\n").trim();
    }
    this.add("heading", content, first, node.depth);
  }

  // markdown-it's paragraph content: the lines, container markers and the container's indent removed.
  paragraph(node) {
    const s = node.loc.start, e = node.loc.end;
    const parts = [];
    for (let ln = s.line - 1; ln <= e.line - 1; ln++) {
      let line = this.lines[ln];
      if (ln === e.line - 1) line = line.slice(0, e.column);
      if (ln === s.line - 1) line = line.slice(s.column);
      else {
        if (this.quotes) line = line.replace(QUOTE_PREFIX, "");
        if (this.lists) line = line.replace(new RegExp(`^[ \\t]{0,${s.column}}`), "");
      }
      parts.push(line);
    }
    this.add("paragraph", parts.join("\n").trim(), s.line - 1);
  }

  cell(node, raw) {
    const content = raw.replace(/^[ \t]*\|/, "").replace(/(?<!\\)\|[ \t]*$/, "").trim();
    if (!content) return;
    const first = node.loc.start.line - 1;
    const line = this.lines[first];
    const cursor = this.rowCursor.get(first) || 0;
    const col = Math.max(line.indexOf(content, cursor), 0);
    this.rowCursor.set(first, col + content.length);
    this.blocks.push(new Block("table_cell", maskInline(content, this.maskMemo), [0], [[first + 1, col]], this.section, 0,
      this.lists > 0, this.quotes > 0));
  }

  // _assign_roles: the headline is a leading level-1 heading.
  finish() {
    for (const b of this.blocks) {
      if (b.kind === "heading" && b.level === 1) { b.role = "headline"; break; }
      if (b.kind !== "heading") break;
    }
    this.blocks.forEach((b, i) => { b.index = i; });
    return this.blocks;
  }
}

module.exports = { Reader, maskInline };
