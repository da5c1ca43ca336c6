#!/usr/bin/env node
/**
 * How many times one Settings parameter crosses a module boundary on its way through a check
 * (issue #13's "29 hops"): `node scripts/measure-hops.js [BUILD_DIR] [WORKBOOK] [SETTING_LABEL]`
 * (defaults: build, examples/northmoor-police.xlsx, "Reporting date"). BUILD_DIR is the output of
 * `npm run build:cli` (src/core and src/adapters/xlsx compiled to CommonJS), so the same script
 * measures any commit that has that build.
 *
 * How: the workbook is read, then every function exported by a module under BUILD_DIR/core is
 * wrapped. The parameter's value is taken from the Settings sheet row whose label is SETTING_LABEL,
 * and so are the forms a check turns it into: a wrapped call that is given a value carrying the
 * parameter (the value itself, or a cell or small record holding it) and returns a string or number
 * makes that result carry it too. Each wrapped call given such a value is one step of the path; it is
 * a hop when the calling module (from the stack) is not the called one. Prints the hops, the modules
 * in the order the path visits them, and each step.
 */
const fs = require("fs");
const path = require("path");

const buildDir = path.resolve(process.argv[2] ?? "build");
const workbook = path.resolve(process.argv[3] ?? "examples/northmoor-police.xlsx");
const label = (process.argv[4] ?? "Reporting date").toLowerCase();

const coreDir = path.join(buildDir, "core") + path.sep;
const moduleName = (file) => path.relative(buildDir, file).replace(/\.js$/, "");

/** Values that carry the parameter. Small whole numbers and booleans are too common to follow. */
const carried = new Set();
const follows = (value) => (typeof value === "string" && value.trim() !== "") || (typeof value === "number" && Math.abs(value) >= 100);
function carries(value, depth = 0) {
  if (carried.has(value)) return true;
  if (depth > 0 || value === null || typeof value !== "object" || Array.isArray(value) || value instanceof Map) return false;
  const keys = Object.keys(value);
  // A cell or a small record (a patch, a parse result); not the Settings or the analysis, which hold everything.
  return keys.length <= 6 && keys.some((k) => carries(value[k], depth + 1));
}

function callerModule() {
  const frames = (new Error().stack ?? "").split("\n").slice(1);
  for (const frame of frames) {
    const match = /\(?([^()\s]+\.js):\d+:\d+\)?$/.exec(frame.trim());
    if (!match || match[1] === __filename) continue;
    return match[1].startsWith(buildDir) ? moduleName(match[1]) : path.basename(match[1]);
  }
  return "?";
}

const steps = [];
function wrap(exportsObject, file) {
  const callee = moduleName(file);
  for (const key of Object.keys(exportsObject)) {
    const descriptor = Object.getOwnPropertyDescriptor(exportsObject, key);
    const fn = descriptor?.value;
    if (!descriptor?.writable || typeof fn !== "function" || /^class\b/.test(Function.prototype.toString.call(fn))) continue;
    exportsObject[key] = function traced(...args) {
      const carrying = args.some((a) => carries(a));
      if (carrying) steps.push({ from: callerModule(), to: callee, name: key });
      const result = fn.apply(this, args);
      if (carrying && follows(result)) carried.add(result);
      return result;
    };
  }
}

async function main() {
  const { readXlsx } = require(path.join(buildDir, "adapters/xlsx/read"));
  const validate = require(path.join(buildDir, "core/validate"));
  const read = await readXlsx(new Uint8Array(fs.readFileSync(workbook)));
  if (!read.ok) throw new Error(read.reason);
  const settings = read.model.sheets.find((s) => /^settings$/i.test(s.name));
  const row = settings?.rows.find((r) => r?.some((c) => typeof c?.value === "string" && c.value.trim().toLowerCase() === label));
  const cell = row?.find((c, i) => i > row.findIndex((x) => typeof x?.value === "string" && x.value.trim().toLowerCase() === label) && c);
  if (!cell) throw new Error(`no "${label}" row on the Settings sheet of ${workbook}`);
  carried.add(cell.value);
  for (const [file, loaded] of Object.entries(require.cache)) if (file.startsWith(coreDir)) wrap(loaded.exports, file);
  const report = validate.validateWorkbook(read.model, { file: path.basename(workbook) });
  const hops = steps.filter((s) => s.from !== s.to);
  const visited = [];
  for (const s of steps) for (const m of [s.from, s.to]) if (visited[visited.length - 1] !== m) visited.push(m);
  console.log(
    `${label} (${JSON.stringify(cell.value)}) through one check of ${path.basename(workbook)} (${report.findings.length} findings):`,
  );
  const distinct = new Set(hops.map((s) => `${s.from} -> ${s.to}.${s.name}`));
  console.log(
    `${hops.length} hops between modules in ${steps.length} calls (${distinct.size} distinct); ${new Set(visited).size} modules; ${visited.length - 1} changes of module along the path`,
  );
  console.log(`path: ${visited.join(" -> ")}`);
  for (const s of steps) console.log(`  ${s.from === s.to ? " " : "*"} ${s.from} -> ${s.to}.${s.name}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
