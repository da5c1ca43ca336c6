/**
 * The command as a process, where only a process can tell: a full disk and a closed pipe are exit
 * status 2 with one line (never a stack trace or exit status 1), only regular files are read (no
 * device, FIFO or folder, and a size cap), and Ctrl+C stops a batch with what was done reported.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ensureCliBuilt, ROOT, vfm } from "./validate-support";

const BIN = path.join(ROOT, "bin", "vfm.js");
const SEEDED = "examples/northmoor-police-seeded.xlsx";
const CLEAN = "examples/northmoor-police.xlsx";
const onLinux = process.platform === "linux" ? test : test.skip;

function expectOneLine(stderr: string, pattern: RegExp) {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(stderr.trimEnd()).toMatch(pattern);
}

describe("vfm as a process", () => {
  let dir: string;
  beforeAll(() => {
    ensureCliBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vfm-process-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  onLinux("> /dev/full: exit status 2 and one line, for a report and for a calculation", () => {
    for (const args of [
      ["validate", SEEDED],
      ["validate", "--format", "json", CLEAN],
      ["target", "15246", "3%", "3"],
    ]) {
      const full = fs.openSync("/dev/full", "w");
      try {
        const run = spawnSync(process.execPath, [BIN, ...args], {
          cwd: ROOT,
          stdio: ["ignore", full, "pipe"],
          encoding: "utf8",
          timeout: 60_000,
        });
        expect({ args, status: run.status }).toEqual({ args, status: 2 });
        expectOneLine(run.stderr, /^vfm: cannot write the output: the disk is full \(no space left on device\)$/);
      } finally {
        fs.closeSync(full);
      }
    }
  });

  test("a reader that closes the pipe early (| head -c1): exit status 2 and one line", async () => {
    const child = spawn(process.execPath, [BIN, "validate", "--format", "sarif", SEEDED, SEEDED, SEEDED, SEEDED], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    // The reader goes away before the report is written (as `head -c1` does once it has its byte).
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    expect(status).toBe(2);
    expectOneLine(stderr, /^vfm: cannot write the output: the program reading it stopped before the end \(closed pipe\)$/);
  });

  test("a write that succeeds is not a failure", () => {
    const run = vfm(["target", "15246", "3%", "3"]);
    expect(run).toEqual({ status: 0, stdout: "1413.715842\n", stderr: "" });
  });

  onLinux("--series reads regular files only: /dev/zero, /dev/urandom, a FIFO and a folder are refused at once, in one line", () => {
    const fifo = path.join(dir, "series.fifo");
    spawnSync("mkfifo", [fifo]);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    for (const file of ["/dev/zero", "/dev/urandom", fifo]) {
      const run = vfm(["deflate", "1", "2008-09", "2010-11", "--series", file]);
      expect({ file, status: run.status, stdout: run.stdout }).toEqual({ file, status: 2, stdout: "" });
      expectOneLine(
        run.stderr,
        new RegExp(
          `^vfm deflate: cannot read ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: this is not a regular file \\(a device, pipe or socket\\)$`,
        ),
      );
    }
    const folder = vfm(["deflate", "1", "2008-09", "2010-11", "--series", dir]);
    expect(folder.status).toBe(2);
    expectOneLine(folder.stderr, /: this is a folder, not a file$/);
  });

  test("--series has a size cap of 1 MB", () => {
    const big = path.join(dir, "big.csv");
    fs.writeFileSync(big, "year,index\n" + "2008-09,50\n".repeat(110_000));
    const run = vfm(["deflate", "1", "2008-09", "2010-11", "--series", big]);
    expect(run.status).toBe(2);
    expectOneLine(run.stderr, /the file is 1\.\d MB, larger than the 1 MB limit for a deflator series/);
  });

  onLinux("validate reads regular files only: a FIFO and devices are that file's result, the others are checked", () => {
    const fifo = path.join(dir, "return.fifo");
    spawnSync("mkfifo", [fifo]);
    const run = vfm(["validate", "--format", "json", "/dev/zero", fifo, CLEAN, "/dev/urandom"]);
    expect(run.status).toBe(2);
    const entries = JSON.parse(run.stdout);
    expect(entries.map((e: { status?: string }) => e.status ?? "checked")).toEqual(["unreadable", "unreadable", "checked", "unreadable"]);
    expect(entries[1].reason).toBe("this is not a regular file (a device, pipe or socket)");
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(3);
  });

  onLinux(
    "Ctrl+C stops a batch: the files done are reported, the rest not checked, exit status 130",
    async () => {
      const files = Array.from({ length: 60 }, () => CLEAN);
      const child = spawn(process.execPath, [BIN, "validate", "--format", "json", "--progress", ...files], {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => {
        stderr += chunk;
        if (stderr.includes("[3/60] reading") && !child.killed) child.kill("SIGINT");
      });
      const status = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
      expect(status).toBe(130);
      const entries = JSON.parse(stdout) as Array<{ status?: string }>;
      expect(entries).toHaveLength(60);
      const done = entries.filter((e) => e.status === undefined).length;
      expect(done).toBeGreaterThanOrEqual(2);
      expect(done).toBeLessThan(60);
      expect(entries.slice(done).every((e) => e.status === "not-checked")).toBe(true);
      expect(stderr).toContain(`vfm: stopped: ${60 - done} of 60 files not checked\n`);
    },
    120_000,
  );

  onLinux("file names and file contents are printed with their control characters visible; JSON keeps them exact", () => {
    const hostile = "Q2\u001b[2J\u001b]52;c;SGk=\u0007\r\n(ii) ok: \u2714 pass\u202e";
    const copy = path.join(dir, `${hostile}.xlsx`);
    fs.copyFileSync(path.join(ROOT, CLEAN), copy);
    const missing = path.join(dir, `${hostile}-missing.xlsx`);
    const unsafe = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/;
    const text = vfm(["validate", copy, missing]);
    expect(text.status).toBe(2);
    expect(text.stdout).not.toMatch(unsafe);
    expect(text.stderr).not.toMatch(unsafe);
    expect(text.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(text.stderr).toContain("Q2\\x1b[2J\\x1b]52;c;SGk=\\x07\\r\\n(ii) ok: \u2714 pass\\u202e-missing.xlsx: no such file");
    const json = vfm(["validate", "--format", "json", copy, missing]);
    expect(JSON.parse(json.stdout).map((e: { file: string }) => e.file)).toEqual([copy, missing]);

    const series = path.join(dir, `${hostile}.csv`);
    fs.writeFileSync(series, "year,index\n2008-09,50\n2009-10,\u001b[2J\u001b]8;;http://x\u0007\n");
    const calc = vfm(["deflate", "3", "2008-09", "2009-10", "--series", series]);
    expect(calc.status).toBe(2);
    expect(calc.stderr).not.toMatch(unsafe);
    expect(calc.stderr).toContain('is "\\x1b[2J\\x1b]8;;http://x\\x07"');
  });
});
