#!/usr/bin/env node
"use strict";
// The command is compiled by `npm run build:cli` (run automatically by `npm ci` / `npm install`).
let cli;
try {
  cli = require("../build/cli/main.js");
} catch {
  process.stderr.write("vfm: the command is not built yet; run `npm run build:cli` (or `npm ci`) first.\n");
  process.exit(2);
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`vfm: internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
