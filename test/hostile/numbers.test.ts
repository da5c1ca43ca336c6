/**
 * Extreme numbers and dates (issue #12 item 5) through the reader, the check and every format of
 * `vfm validate` (text, JSON, SARIF, CSV): sums beyond Excel's largest number and targets smaller
 * than half a penny are findings that say what is wrong, a date the calendar does not have is a
 * finding (never shifted), and no output shows NaN, Infinity or "∞". The generators are in ./generators.ts.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runValidate } from "../../src/cli/commands/validate";
import { formatMoney, formatPercent, formatCompactMoney } from "../../src/taskpane/format";
import { formatAmount, formatExact, formatPercent as formatCorePercent } from "../../src/core/validate/text";
import { memoryIO } from "../cli/io-support";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { checkModel } from "../../src/taskpane/check-model";
import * as gen from "./generators";

const NOT_A_NUMBER = /\bNaN\b|\bInfinity\b|∞/;
const FORMATS = ["text", "json", "sarif", "csv"] as const;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vfm-numbers-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Checked {
  outputs: Record<(typeof FORMATS)[number], string>;
  findings: Array<{ rule: string; sheet: string | null; cell: string | null; message: string; messageId: string }>;
  target: unknown;
}

/** The workbook through `vfm validate` in every format; asserts no output shows NaN, Infinity or ∞. */
async function check(name: string, bytes: Uint8Array): Promise<Checked> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const outputs = {} as Checked["outputs"];
  for (const format of FORMATS) {
    const io = memoryIO({ cwd: dir });
    const status = await runValidate(["--format", format, "--reporting-date", "2026-10-31", name], io);
    expect(status === 0 || status === 1).toBe(true);
    expect(io.out).not.toMatch(NOT_A_NUMBER);
    expect(io.err).not.toMatch(NOT_A_NUMBER);
    outputs[format] = io.out;
  }
  // One file's JSON is its report (several files' an array of them).
  const report = JSON.parse(outputs.json) as { findings: Checked["findings"]; summary: { target: unknown } };
  return { outputs, findings: report.findings, target: report.summary.target };
}

const ruleFindings = (c: Checked, rule: string) => c.findings.filter((f) => f.rule === rule);

describe("sums and targets a report cannot measure", () => {
  it("baseline lines of 1E+308: the sum is beyond Excel, said so, and the target does not silently disappear", async () => {
    const c = await check("overflow.xlsx", gen.extremeBaseline("1e308"));
    expect(ruleFindings(c, "method.target-not-measurable")).toEqual([
      expect.objectContaining({ sheet: "Baseline", cell: "C4:C9", messageId: "baselineOverflow" }),
    ]);
    expect(c.target).toBeNull();
    expect(c.outputs.text).toContain("target progress not known (the target cannot be measured: see method.target-not-measurable)");
  });

  it("baseline lines of 1E-300: a target of a fraction of a penny is a finding, never Infinity% progress", async () => {
    const c = await check("underflow.xlsx", gen.extremeBaseline("1e-300"));
    const [finding] = ruleFindings(c, "method.target-not-measurable");
    expect(finding).toMatchObject({ sheet: "Baseline", messageId: "targetUnderflow" });
    expect(finding.message).toMatch(/^A baseline of £6E-300 gives a target of £5\.564E-301 .*less than half a penny/);
    expect(ruleFindings(c, "method.progress")).toEqual([]);
    expect(ruleFindings(c, "method.on-track")).toEqual([]);
    expect(c.target).toBeNull();
  });

  it("gross gains of 1E+308: the register's sum overflows and is said to", async () => {
    const c = await check("gains-overflow.xlsx", gen.exampleWithGrossGains("1e308"));
    expect(ruleFindings(c, "method.target-not-measurable").map((f) => f.messageId)).toContain("registerOverflow");
    expect(ruleFindings(c, "method.target-not-measurable")[0]).toMatchObject({ sheet: "Gains", cell: "I4:I10" });
  });
});

describe("the pane's target panel", () => {
  it("says why the target cannot be measured, instead of asking for Settings the workbook has", async () => {
    const read = await readXlsx(gen.extremeBaseline("1e-300"));
    if (!read.ok) throw new Error(read.reason);
    const { data } = checkModel(read.model, { file: "underflow.xlsx" });
    expect(data.target).toBeNull();
    expect(data.targetNotMeasurable).toMatch(/^A baseline of £6E-300 gives a target of £5\.564E-301 .*less than half a penny/);
    expect(data.targetPath).toEqual([]);
  });
});

describe("dates the calendar does not have, or Excel cannot hold", () => {
  it("a milestone due 2026-02-31 is a finding that says so, not 3 March and not only a reader's note", async () => {
    const c = await check("feb31.xlsx", gen.exampleWithIsoDates("2026-02-31"));
    const found = ruleFindings(c, "method.impossible-date");
    expect(found.length).toBe(8);
    expect(found[0]).toMatchObject({ sheet: "Milestones", cell: "C4", messageId: "impossible" });
    expect(found[0].message).toContain('holds "2026-02-31", which is not a day the calendar has (February 2026 has 28 days)');
    expect(c.outputs.json).not.toContain("2026-03-03");
  });

  it("a milestone date beyond 9999 is a finding naming Excel's range", async () => {
    const c = await check("far.xlsx", gen.exampleWithIsoDates("+275760-09-14"));
    const [first] = ruleFindings(c, "method.impossible-date");
    expect(first).toMatchObject({ sheet: "Milestones", cell: "C4", messageId: "outOfRange" });
    expect(first.message).toContain("outside the dates Excel can hold (1 January 1900 to 31 December 9999)");
  });

  it("a Settings reporting date of 31/02/2026 is a finding that says the day does not exist", async () => {
    const c = await check("reporting.xlsx", gen.exampleWithReportingDateText("31/02/2026"));
    const [finding] = ruleFindings(c, "method.settings-readable");
    expect(finding).toMatchObject({ sheet: "Settings", cell: "B9" });
    expect(finding.message).toContain('"31/02/2026", a day the calendar does not have (February 2026 has 28 days)');
  });
});

describe("the formatters never print NaN, Infinity or ∞", () => {
  it.each([Number.NaN, Infinity, -Infinity])("core and pane formatters of %p", (value) => {
    for (const text of [
      formatAmount(value),
      formatExact(value),
      formatCorePercent(value),
      formatMoney(value, "£m"),
      formatPercent(value),
      formatCompactMoney(value, "£k"),
    ])
      expect(text).not.toMatch(NOT_A_NUMBER);
  });
});
