// textlint's Node API behind a line protocol, for bench/bench_check.py: one linter built once, then
// each request empties the rule's per-process caches (as the benchmark empties writer's, untimed)
// and lints every file of a list, timed by this process's CPU (user + system, all threads).
//
//   node server.js RULE   then, per line on stdin:  {"files": "LIST_FILE", "detail": true|false, "skip": [reading, ...]}
//   answers one JSON line: {"cpu": s, "wall": s, "files": n, "messages": n,
//                           "found": [[file, line, column, code], ...]}   (with "detail")
// "found" columns count code points, as Python's do (textlint's count UTF-16 units).
"use strict";
const fs = require("fs");
const readline = require("readline");
const { createLinter } = require("textlint");
const { TextlintKernelDescriptor } = require("@textlint/kernel");
const markdown = require("@textlint/textlint-plugin-markdown");

const rule = require(process.argv[2]);
const descriptor = new TextlintKernelDescriptor({
  rules: [{ ruleId: "writer-fact-free", rule }],
  plugins: [{ pluginId: "markdown", plugin: markdown.default || markdown }],
  filterRules: [],
});
const linter = createLinter({ descriptor });

function codePointColumn(file, line, column) {
  const text = fs.readFileSync(file, "utf8").split("\n")[line - 1] || "";
  return Array.from(text.slice(0, column - 1)).length + 1;
}

// Requests are served one at a time, in order (lines that arrive together must not lint concurrently).
let queue = Promise.resolve();
const rl = readline.createInterface({ input: process.stdin });
rl.on("line", (line) => { queue = queue.then(() => serve(line)); });

async function serve(line) {
  const request = JSON.parse(line);
  try {
    const files = fs.readFileSync(request.files, "utf8").split("\n").filter(Boolean);
    if (rule.skip) rule.skip(request.skip || []); // readings the port skips (an untimed check only)
    if (rule.reset) rule.reset();
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const results = await linter.lintFiles(files);
    const t1 = process.hrtime.bigint();
    const cpu = process.cpuUsage(cpu0);
    const answer = {
      cpu: (cpu.user + cpu.system) / 1e6,
      wall: Number(t1 - t0) / 1e9,
      files: results.length,
      messages: results.reduce((a, r) => a + r.messages.length, 0),
    };
    if (request.detail) {
      answer.readings = rule.READINGS || [];
      answer.found = results.flatMap((r) => r.messages.map((m) =>
        [r.filePath, m.line, codePointColumn(r.filePath, m.line, m.column), m.message.slice(0, 4), m.message]));
    }
    process.stdout.write(JSON.stringify(answer) + "\n");
  } catch (e) {
    process.stdout.write(JSON.stringify({ error: String(e && e.stack ? e.stack : e) }) + "\n");
  }
}
