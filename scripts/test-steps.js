#!/usr/bin/env node
"use strict";
/**
 * The steps of `npm test`, run side by side where they do not depend on each other, then jest.
 *
 * Each step is one single-threaded tool (tsc, ESLint, Prettier, knip, webpack), so run one after the
 * other they keep one core of a 2-core machine idle for two minutes. Here as many run at once as the
 * machine has cores; each step's output is held back and printed whole when it ends, with its time,
 * so the log reads as if they had run in turn. A step that fails stops the rest (and jest never
 * starts); the exit status is the failed step's. Jest runs last, in the foreground, once every step
 * has passed: it needs the production build (the browser tests) and the command build (the CLI tests).
 *
 *   node scripts/test-steps.js            every step, then jest
 *   node scripts/test-steps.js --list     the steps in the order they start, one a line
 */
const os = require("os");
const { spawn } = require("child_process");
const { formatElapsed } = require("./timed");

/**
 * The steps, longest first (as measured on a 2-core machine: see README "Tests"), so that the short
 * ones fill in at the end. `after` names steps that must have passed first.
 */
const STEPS = [
  { name: "lint:eslint", args: ["run", "-s", "lint:eslint"] },
  { name: "build", args: ["run", "-s", "build"] },
  { name: "typecheck", args: ["run", "-s", "typecheck"] },
  { name: "knip:gate", args: ["run", "-s", "knip:gate"] },
  { name: "build:cli", args: ["run", "-s", "build:cli"] },
  { name: "lint:format", args: ["run", "-s", "lint:format"] },
  { name: "check:manifest", args: ["run", "-s", "check:manifest"], after: ["build"] },
];
const JEST = { name: "jest", args: ["run", "-s", "test:unit"] };

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

/** How many steps run at once: one a core (at least one, and never more than there are steps). */
function concurrency(cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length) {
  return Math.max(1, Math.min(cores, STEPS.length));
}

/**
 * Runs `steps` (objects with name, args, optional after) at most `slots` at a time, starting the
 * first one in the list whose dependencies have passed. `start(step)` returns { done: Promise<{code,
 * output}>, stop() }. Resolves to { failed: step name or null, code, times: [{name, ms}] }.
 */
function runSteps(steps, slots, start, report = () => {}) {
  return new Promise((resolve) => {
    const waiting = [...steps];
    const running = new Map();
    const passed = new Set();
    const times = [];
    let failure = null;

    const finish = () => resolve({ failed: failure && failure.name, code: failure ? failure.code : 0, times });
    const next = () => {
      if (failure) {
        if (running.size === 0) finish();
        return;
      }
      while (running.size < slots) {
        const index = waiting.findIndex((step) => (step.after || []).every((name) => passed.has(name)));
        if (index < 0) break;
        const [step] = waiting.splice(index, 1);
        const began = Date.now();
        const handle = start(step);
        running.set(step.name, handle);
        handle.done.then(({ code, output }) => {
          running.delete(step.name);
          const ms = Date.now() - began;
          times.push({ name: step.name, ms });
          if (!failure) report(step, code, output, ms);
          if (code !== 0 && !failure) {
            failure = { name: step.name, code };
            for (const other of running.values()) other.stop();
          } else if (code === 0) passed.add(step.name);
          next();
        });
      }
      if (running.size === 0) {
        if (waiting.length > 0 && !failure) failure = { name: waiting[0].name, code: 1 };
        finish();
      }
    };
    next();
  });
}

/** The held steps still running, stopped on Ctrl+C (they run in process groups of their own). */
const live = new Set();

/** Starts `npm ARGS` (or the step's own command) with its output (stdout and stderr, in the order written) held back. */
function startHeld(step) {
  const child = spawn(step.command || NPM, step.args, {
    stdio: ["ignore", "pipe", "pipe"],
    shell: process.platform === "win32",
    // Its own process group, so that stopping it stops the tool npm started too.
    detached: process.platform !== "win32",
  });
  const chunks = [];
  child.stdout.on("data", (chunk) => chunks.push(chunk));
  child.stderr.on("data", (chunk) => chunks.push(chunk));
  const stop = (signal = "SIGTERM") => {
    try {
      if (process.platform === "win32") child.kill();
      else process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  live.add(stop);
  const done = new Promise((resolve) => {
    const end = (result) => {
      live.delete(stop);
      resolve(result);
    };
    child.on("error", (err) => end({ code: 1, output: `could not start npm: ${err.message}\n` }));
    child.on("close", (code, signal) =>
      end({ code: code === null ? 1 : code, output: Buffer.concat(chunks).toString("utf8") + (signal ? `(stopped by ${signal})\n` : "") }),
    );
  });
  return { done, stop };
}

function printStep(step, code, output, ms) {
  const text = output.endsWith("\n") || output === "" ? output : `${output}\n`;
  process.stdout.write(`\n> ${step.name}: ${code === 0 ? "passed" : `failed (exit status ${code})`} in ${formatElapsed(ms)}\n${text}`);
}

function runForeground(step) {
  return new Promise((resolve) => {
    const child = spawn(NPM, step.args, { stdio: "inherit", shell: process.platform === "win32" });
    const stop = (signal) => child.kill(signal);
    live.add(stop);
    child.on("error", () => resolve(1));
    child.on("exit", (code) => {
      live.delete(stop);
      resolve(code === null ? 1 : code);
    });
  });
}

async function main(argv) {
  if (argv.includes("--list")) {
    for (const step of [...STEPS, JEST]) process.stdout.write(`${step.name}\n`);
    return 0;
  }
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      for (const stop of live) stop(signal);
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  }
  const slots = concurrency();
  process.stdout.write(`Steps before jest, ${slots} at a time: ${STEPS.map((s) => s.name).join(", ")}\n`);
  const began = Date.now();
  const result = await runSteps(STEPS, slots, startHeld, printStep);
  const summary = result.times.map((t) => `${t.name} ${formatElapsed(t.ms)}`).join(", ");
  process.stdout.write(
    `\nSteps ${result.failed ? `failed at ${result.failed}` : "passed"} in ${formatElapsed(Date.now() - began)} (${summary})\n\n`,
  );
  if (result.failed) return result.code || 1;
  return runForeground(JEST);
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}

module.exports = { STEPS, JEST, concurrency, runSteps, startHeld };
