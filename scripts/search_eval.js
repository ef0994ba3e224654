/* Runs the site's own search code (assets/ra/ra-search.js) on the site's own index (assets/ra/search-<lang>.js) in
   node, exactly as the browser loads them, for the tests and `make bench` (scripts/search_quality.py).
   usage: node scripts/search_eval.js SITE_DIR LANG < request.json > answer.json
   request: {"queries": ["..."], "calls": [["stemId", "kata"], ["root", "$index", "kata"]]}
   answer:  {"queries": [{"q", "urls", "fixed", "closest"}], "calls": [result, ...]} */
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [site, lang] = process.argv.slice(2);
const sandbox = { window: {} };
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(path.join(site, "assets", "ra", "ra-search.js"), "utf8"), sandbox);
const indexFile = path.join(site, "assets", "ra", `search-${lang}.js`);
if (fs.existsSync(indexFile)) vm.runInContext(fs.readFileSync(indexFile, "utf8"), sandbox);
const S = sandbox.window.RuangAmanSearch;
const index = sandbox.window.RuangAmanIndex;
const request = JSON.parse(fs.readFileSync(0, "utf8"));

const queries = (request.queries || []).map((q) => {
  const found = S.find(index, q);
  const fixed = found.slots.filter((s) => s.fixed).map((s) => [s.words[0], s.fixed]);
  return { q, urls: found.results.map((r) => r.doc.u), fixed, closest: found.results.length ? [] : S.closest(index, q) };
});
const calls = (request.calls || []).map(([fn, ...args]) => S[fn](...args.map((a) => (a === "$index" ? index : a))));
process.stdout.write(JSON.stringify({ queries, calls }));
