/** `vfm target|netgain|deflate` run as a real process: values, --json and each exit status. */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "../..");
const built = path.join(root, "build/cli/commands/calc.js");

function newestSource(): number {
  let newest = 0;
  for (const dir of ["src/cli", "src/core/calc", "src/core/deflators"]) {
    for (const entry of fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith(".ts"))
        newest = Math.max(newest, fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
    }
  }
  return newest;
}

beforeAll(() => {
  // The test command builds the CLI first; build it here too when it is missing or older than the source.
  if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < newestSource()) {
    try {
      execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"], {
        cwd: root,
        stdio: "pipe",
      });
    } catch {
      // A type error elsewhere still emits JavaScript; the tests below say whether the command works.
    }
  }
}, 120000);

function vfm(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, "bin/vfm.js"), ...args], { cwd: root, encoding: "utf8" });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

test("npx vfm target 15246 3% 3 prints 1413.715842", () => {
  expect(vfm("target", "15246", "3%", "3")).toEqual({ code: 0, out: "1413.715842\n", err: "" });
});

test("values and --json", () => {
  expect(vfm("target", "1", "3%", "3").out).toBe("0.092727\n");
  expect(vfm("netgain", "{250000}", "40000", "90%").out).toBe("185000\n");
  expect(JSON.parse(vfm("deflate", "1", "2004-05", "2024-25", "--json").out)).toEqual({
    value: 100 / 59.7172,
    usesForecast: false,
    series: "HMT-2026-03",
  });
});

test("exit 1 for a function error, with the Excel error and message on one line of stderr", () => {
  const result = vfm("target", "15246", "3", "3");
  expect(result.code).toBe(1);
  expect(result.out).toBe("");
  expect(result.err).toBe("#NUM! rate must be a fraction such as 3% or 0.03, not 3 (if you meant 3%, type 3% or 0.03)\n");
});

test("exit 2 for a usage error, with the usage on stderr", () => {
  const result = vfm("deflate", "1");
  expect(result.code).toBe(2);
  expect(result.out).toBe("");
  expect(result.err).toMatch(/Usage: vfm deflate AMOUNT FROM_YEAR TO_YEAR/);
});

test("vfm FUNCTION --help", () => {
  const result = vfm("netgain", "--help");
  expect(result.code).toBe(0);
  expect(result.out).toMatch(/^Usage: vfm netgain GROSS \[COSTS\] \[DELIVERABILITY\]/);
});
