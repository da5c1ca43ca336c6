#!/usr/bin/env node
"use strict";
/**
 * Runs a command and ends with one line saying how long it took, so that `npm test` reports its own
 * duration (the README promises under 5 minutes on a 2-core machine). The command's exit status is
 * passed through.
 *
 *   node scripts/timed.js LABEL COMMAND [ARGS...]    e.g. node scripts/timed.js "npm test" npm run -s test:steps
 */
const { spawn } = require("child_process");

/** "2 min 05 s" or "48.3 s". */
function formatElapsed(ms) {
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
}

function main(argv) {
  const [label, command, ...args] = argv;
  if (!label || !command) {
    process.stderr.write("usage: node scripts/timed.js LABEL COMMAND [ARGS...]\n");
    process.exit(2);
  }
  const started = Date.now();
  // A shell on Windows, where npm is npm.cmd.
  const child = spawn(command, args, { stdio: "inherit", shell: process.platform === "win32" });
  const finish = (code, detail) => {
    const outcome = code === 0 ? "passed" : `failed (${detail})`;
    process.stdout.write(`\n${label}: ${outcome} in ${formatElapsed(Date.now() - started)}\n`);
    process.exit(code === 0 ? 0 : code || 1);
  };
  child.on("error", (err) => finish(1, `could not start ${command}: ${err.message}`));
  child.on("exit", (code, signal) => finish(code === null ? 1 : code, signal ? `stopped by ${signal}` : `exit status ${code}`));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { formatElapsed };
