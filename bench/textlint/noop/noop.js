// A textlint rule that visits every node and reports nothing: textlint's own cost (read, Markdown
// parse, tree walk) with no check, for bench/bench_check.py.
"use strict";
module.exports = function (context) {
  const { Syntax } = context;
  return { [Syntax.Document]() {} };
};
