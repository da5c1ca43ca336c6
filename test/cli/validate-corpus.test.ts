/**
 * `vfm validate` over every workbook of the real-world corpus (test/corpus): the real ones (not VfM
 * workbooks) are read and checked, so missing tables are findings, never a crash or an internal error;
 * each broken one is refused alone with a one-line reason and exit status 2; proto-names.xlsx is
 * read normally.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { ValidationReport } from "../../src/core/validate/types";
import { CORPUS, ensureCliBuilt, vfm } from "./validate-support";

const xlsxIn = (folder: string) =>
  fs
    .readdirSync(path.join(CORPUS, folder))
    .filter((name) => name.toLowerCase().endsWith(".xlsx"))
    .map((name) => path.join(CORPUS, folder, name));

describe("vfm validate on the real-world corpus", () => {
  beforeAll(() => ensureCliBuilt());

  it("checks every real workbook: findings about the missing VfM tables, no crash and no internal error", () => {
    const files = [...xlsxIn("euses-custodes"), ...xlsxIn("mhclg-returns")];
    expect(files.length).toBeGreaterThanOrEqual(70);
    const run = vfm(["validate", "--format", "json", "--reporting-date", "2009-12-31", ...files]);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 1, stderr: "" });
    const reports = JSON.parse(run.stdout) as ValidationReport[];
    expect(reports.map((r) => r.file)).toEqual(files);
    for (const report of reports) {
      const rules = report.findings.map((f) => f.rule);
      expect({ file: report.file, internal: rules.filter((r) => r === "method.internal-error") }).toEqual({
        file: report.file,
        internal: [],
      });
      expect(rules).toEqual(expect.arrayContaining(["i.baseline-present", "ii.register-present"]));
      for (const finding of report.findings) expect(finding.message).not.toMatch(/undefined|NaN|\[object /);
    }
  });

  it("says in text that a real workbook without VfM tables was not checked, rather than passed", () => {
    const file = xlsxIn("mhclg-returns")[0];
    const run = vfm(["validate", "--reporting-date", "2009-12-31", file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("(iii) Cashable gains should be net of cost: - not checked (no VfM tables found)");
    expect(run.stdout).not.toMatch(/: (✔|ok) pass/);
    expect(run.stdout).toContain("no VfM tables found, so none of the 9 principles and the method rules could be checked");
    expect(run.stdout).not.toMatch(/of 10 principles|\d+ infos?\b/);
  });

  const broken = xlsxIn("broken").filter((file) => path.basename(file) !== "proto-names.xlsx");
  for (const file of broken) {
    it(`refuses broken/${path.basename(file)} with one line and exit status 2`, () => {
      const run = vfm(["validate", "--format", "json", file]);
      expect(run.status).toBe(2);
      const lines = run.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^vfm: .+: \S/);
      // The JSON holds the file given, with the same reason.
      expect(JSON.parse(run.stdout)).toEqual({ file, status: "unreadable", reason: lines[0].slice(`vfm: ${file}: `.length) });
    });
  }

  it("reads proto-names.xlsx normally", () => {
    const run = vfm(["validate", "--format", "json", path.join(CORPUS, "broken", "proto-names.xlsx")]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as ValidationReport;
    expect(report.findings.some((f) => f.rule === "method.internal-error")).toBe(false);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
