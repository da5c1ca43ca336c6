/**
 * `vfm validate` over a batch, in process: one verdict per file in every format, the totals line,
 * CSV, and Ctrl+C stopping the batch with what was done so far reported.
 */
import * as path from "node:path";
import { runValidate } from "../../src/cli/commands/validate";
import { memoryIO, type MemoryIO } from "./io-support";

const ROOT = path.resolve(__dirname, "..", "..");
const CLEAN = "examples/northmoor-police.xlsx";
const SEEDED = "examples/northmoor-police-seeded.xlsx";
const MISSING = "examples/missing.xlsx";

async function validate(args: string[], io: MemoryIO = memoryIO({ cwd: ROOT })) {
  const status = await runValidate(args, io);
  return { status, out: io.out, err: io.err };
}

function parseCsv(text: string): string[][] {
  // The verdicts hold no quotes or line breaks here; the CSV writer's quoting is tested in test/core/review.
  return text
    .split("\r\n")
    .filter(Boolean)
    .map((line) => line.split(","));
}

describe("vfm validate FILE...: one verdict per file", () => {
  /** "4 errors, 6 warnings, 1 note" for a file, from its JSON report, so the text is checked against the same counts. */
  async function counts(file: string) {
    const { summary } = JSON.parse((await validate(["--format", "json", file])).out);
    const n = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
    return { summary, text: `${n(summary.errors, "error")}, ${n(summary.warnings, "warning")}, ${n(summary.infos, "note")}` };
  }

  test("text for several files: the reports, then one line per file (unreadable ones too), then the totals", async () => {
    const clean = await counts(CLEAN);
    const seeded = await counts(SEEDED);
    const run = await validate([CLEAN, MISSING, SEEDED]);
    expect(run.status).toBe(2);
    const lines = run.out.trimEnd().split("\n");
    const all = {
      errors: clean.summary.errors + seeded.summary.errors,
      warnings: clean.summary.warnings + seeded.summary.warnings,
      infos: clean.summary.infos + seeded.summary.infos,
    };
    expect(clean.summary.errors).toBe(0);
    expect(lines.slice(-4)).toEqual([
      `  ${clean.summary.warnings > 0 ? "warnings  " : "pass      "}  examples/northmoor-police.xlsx: ${clean.text}; target progress 20.6%; off track`,
      "  unreadable  examples/missing.xlsx: no such file",
      `  fail        examples/northmoor-police-seeded.xlsx: ${seeded.text}; failed (ii) (iii) (iv) (vii); target progress 20.6%; off track`,
      `3 files: 1 unreadable, 1 with errors, ${clean.summary.warnings > 0 ? "1 with warnings only, 0 without problems" : "0 with warnings only, 1 without problems"} ` +
        `(${all.errors} errors, ${all.warnings} warnings, ${all.infos} note${all.infos === 1 ? "" : "s"})`,
    ]);
    // The full reports are still there, before the overview.
    expect(run.out).toContain("(ii) Cashable gains identified in budget forecasts and auditable");
    expect(run.err).toBe("vfm: examples/missing.xlsx: no such file\n");
  });

  test("one file: its report ends with its own summary line, no totals", async () => {
    const run = await validate([SEEDED]);
    expect(run.out.trimEnd().split("\n").pop()).toMatch(/^examples\/northmoor-police-seeded\.xlsx: 4 errors/);
    expect(run.out).not.toMatch(/^1 file:/m);
  });

  test("--summary: only one line per file and the totals", async () => {
    const run = await validate(["--summary", CLEAN, SEEDED]);
    expect(run.status).toBe(1);
    const lines = run.out.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(
      /^2 files: 0 unreadable, 1 with errors, \d with warnings only, \d without problems \(\d+ errors, \d+ warnings, \d+ notes?\)$/,
    );
    const one = await validate(["--summary", SEEDED]);
    expect(one.out.trimEnd().split("\n")).toHaveLength(2);
  });

  test("--format csv: a header and one row per file given, in order, unreadable ones with their reason", async () => {
    const run = await validate(["--format", "csv", CLEAN, MISSING, SEEDED]);
    expect(run.status).toBe(2);
    const rows = parseCsv(run.out);
    expect(rows[0]).toEqual([
      "File",
      "Status",
      "Reason",
      "Reporting date",
      "Errors",
      "Warnings",
      "Notes",
      "Principles failed",
      "Principles not checked",
      "Target",
      "Risk-adjusted cashable gains",
      "Progress",
      "On track",
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      [CLEAN, "checked", ""],
      [MISSING, "unreadable", "no such file"],
      [SEEDED, "checked", ""],
    ]);
    const seeded = rows[3];
    const { summary } = JSON.parse((await validate(["--format", "json", SEEDED])).out);
    expect(seeded.slice(3, 9)).toEqual(["2026-10-31", `${summary.errors}`, `${summary.warnings}`, `${summary.infos}`, "ii iii iv vii", ""]);
    expect(seeded[12]).toBe("off-track");
    expect(Number(seeded[11])).toBeCloseTo(7870000 / Number(seeded[9]), 10);
    expect(Number(seeded[10])).toBe(7870000);
  });

  test("--format json: every file given, in order; the one not read as {file, status, reason}", async () => {
    const run = await validate(["--format", "json", MISSING, CLEAN]);
    const entries = JSON.parse(run.out);
    expect(entries[0]).toEqual({ file: MISSING, status: "unreadable", reason: "no such file" });
    expect(entries[1].summary.errors).toBe(0);
    const alone = JSON.parse((await validate(["--format", "json", MISSING])).out);
    expect(alone).toEqual({ file: MISSING, status: "unreadable", reason: "no such file" });
  });

  test("--format sarif for several files: every result located in its file, the unreadable one notified", async () => {
    const run = await validate(["--format", "sarif", CLEAN, MISSING, SEEDED]);
    const [sarifRun] = JSON.parse(run.out).runs;
    expect(sarifRun.artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual([CLEAN, SEEDED, MISSING]);
    const located = sarifRun.results.map(
      (r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string; index: number } } }> }) =>
        r.locations[0].physicalLocation.artifactLocation,
    );
    const seededJson = JSON.parse((await validate(["--format", "json", SEEDED])).out);
    expect(located.filter((l: { uri: string; index: number }) => l.uri === SEEDED && l.index === 1)).toHaveLength(
      seededJson.findings.length,
    );
    expect(sarifRun.invocations[0].executionSuccessful).toBe(false);
    expect(sarifRun.invocations[0].toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text)).toEqual([
      `${MISSING}: no such file`,
    ]);
  });

  test("--reporting-date is read as dd/mm/yyyy too", async () => {
    const run = await validate(["--format", "json", "--reporting-date", "31/01/2027", CLEAN]);
    expect(JSON.parse(run.out).reportingDate).toBe("2027-01-31");
  });
});

describe("Ctrl+C stops a batch", () => {
  test("the files done so far are reported, the rest listed as not checked, exit status 130", async () => {
    const io = memoryIO({ cwd: ROOT, stderrIsTTY: true });
    const stderr = io.stderr;
    io.stderr = (text) => {
      stderr(text);
      // Pressed while the second file is being read.
      if (text.includes("[2/3] reading")) io.interrupt();
    };
    const run = await validate(["--format", "json", CLEAN, SEEDED, CLEAN], io);
    expect(run.status).toBe(130);
    const entries = JSON.parse(run.out);
    expect(entries.map((e: { file: string }) => e.file)).toEqual([CLEAN, SEEDED, CLEAN]);
    expect(entries[0].summary.errors).toBe(0);
    expect(entries[1]).toEqual({
      file: SEEDED,
      status: "not-checked",
      reason: "not checked: the check was stopped (Ctrl+C) before this file",
    });
    expect(entries[2].status).toBe("not-checked");
    expect(run.err).toContain("vfm: stopped: 2 of 3 files not checked\n");
  });

  test("text: the totals count the files not checked", async () => {
    const io = memoryIO({ cwd: ROOT, stderrIsTTY: true });
    const stderr = io.stderr;
    io.stderr = (text) => {
      stderr(text);
      if (text.includes("[2/2] reading")) io.interrupt();
    };
    const run = await validate(["--summary", CLEAN, SEEDED], io);
    expect(run.status).toBe(130);
    expect(run.out).toContain(
      "  not checked  examples/northmoor-police-seeded.xlsx: not checked: the check was stopped (Ctrl+C) before this file\n",
    );
    expect(run.out.trimEnd().split("\n").pop()).toMatch(
      /^2 files: 0 unreadable, 0 with errors, \d with warnings only, \d without problems, 1 not checked \(stopped\) \(0 errors, /,
    );
  });

  test("the interrupt handler is released when the batch ends", async () => {
    const io = memoryIO({ cwd: ROOT });
    let subscribed = 0;
    const on = io.onInterrupt;
    io.onInterrupt = (handler) => {
      subscribed++;
      const off = on(handler);
      return () => {
        subscribed--;
        off();
      };
    };
    await validate([CLEAN], io);
    expect(subscribed).toBe(0);
  });
});
