/** The report sheet rolls repeated findings up into one row with the count and the ranges. */
import { writeReport } from "../../../src/adapters/office/report";
import type { Finding, ValidationReport } from "../../../src/core/validate/types";
import { createMockWorkbook } from "../../support/office-mock";

const costs = (row: number): Finding => ({
  principle: "iii",
  rule: "iii.costs-present",
  severity: "error",
  sheet: "Gains",
  cell: `J${row}`,
  message: `Gain on row ${row} has no costs figure.`,
});

function report(findings: Finding[]): ValidationReport {
  return {
    file: "big.xlsx",
    reportingDate: "2009-12-31",
    summary: {
      errors: findings.length,
      warnings: 0,
      infos: 0,
      principles: {
        i: "pass",
        ii: "pass",
        iii: "fail",
        iv: "pass",
        v: "pass",
        vi: "pass",
        vii: "pass",
        viii: "pass",
        ix: "pass",
        method: "pass",
      },
      target: null,
    },
    findings,
  };
}

test("3,000 findings of one rule are one row: count, title, ranges and the first message", async () => {
  const findings = Array.from({ length: 3000 }, (_, i) => costs(i + 2));
  findings.push({ ...costs(5000), sheet: "Other sheet", cell: "B2" });
  const excel = createMockWorkbook({ sheets: [{ name: "Gains", cells: [["ID"]] }] });
  const ruleText = () => ({ title: "Every gain has a costs figure", why: "Why.", fix: "Fix." });
  const result = await excel.run((context) => writeReport(context, report(findings), { ruleText }));
  expect(result).toEqual({ ok: true, sheet: "VfM report" });
  const row = (r: number) => ["A", "B", "C", "D", "E", "H"].map((c) => excel.cell("VfM report", `${c}${r}`)?.value ?? null);
  expect(row(6)).toEqual([
    "(iii)",
    "Error",
    null,
    "Gains!J2:J3001, 'Other sheet'!B2",
    "3,001 findings: Every gain has a costs figure. The first: Gain on row 2 has no costs figure.",
    "iii.costs-present",
  ]);
  expect(excel.cell("VfM report", "A7")?.value ?? null).toBeNull();
  // The heading still counts every finding.
  expect(excel.cell("VfM report", "A3")?.value).toBe("Checked as at 2009-12-31: 3001 errors, 0 warnings, 0 notes.");
});

test("on one sheet the Sheet column names it and the Cell column holds the ranges", async () => {
  const excel = createMockWorkbook({ sheets: [{ name: "Gains", cells: [["ID"]] }] });
  await excel.run((context) => writeReport(context, report([costs(2), costs(3), costs(4), costs(8)])));
  expect(["C", "D", "E"].map((c) => excel.cell("VfM report", `${c}6`)?.value)).toEqual([
    "Gains",
    "J2:J4, J8",
    "4 findings: iii.costs-present. The first: Gain on row 2 has no costs figure.",
  ]);
});
