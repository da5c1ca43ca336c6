#!/usr/bin/env node
// `npm run bench [-- --json]`: builds what the benchmark measures (the bundles, the bench itself),
// sending build output to stderr so that `npm run -s bench -- --json` prints only the JSON object.
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

const root = path.resolve(__dirname, "..");
function step(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: ["ignore", 2, 2] });
  if (result.status !== 0) {
    process.stderr.write(`bench: \`${command} ${args.join(" ")}\` failed\n`);
    process.exit(result.status || 1);
  }
}
step("npm", ["run", "-s", "build"]);
// The vfm command itself, which the consolidate figure runs end to end.
step("npm", ["run", "-s", "build:cli"]);
step(path.join(root, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.bench.json"]);
const run = spawnSync(process.execPath, [path.join(root, "build-bench", "bench", "run.js"), ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});
process.exit(run.status === null ? 1 : run.status);
