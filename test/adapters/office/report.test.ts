import { writeReport } from "../../../src/adapters/office/report";
import { freeSheetName } from "../../../src/adapters/office/new-sheet";
import { formulaSafeText, literalText } from "../../../src/adapters/office/text";
import type { Finding, ValidationReport } from "../../../src/core/validate/types";
import { createMockWorkbook, excelInput, type MockWorkbookSpec } from "../../support/office-mock";

function report(findings: Finding[]): ValidationReport {
  const count = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;
  return {
    file: "force-a.xlsx",
    reportingDate: "2009-12-31",
    summary: {
      errors: count("error"),
      warnings: count("warning"),
      infos: count("info"),
      principles: {
        i: "pass",
        ii: "pass",
        iii: "fail",
        iv: "pass",
        v: "pass",
        vi: "pass",
        vii: "pass",
        viii: "pass",
        ix: "warn",
        method: "pass",
      },
      target: null,
    },
    findings,
  };
}

const FINDINGS: Finding[] = [
  {
    principle: "iii",
    rule: "iii.net-recomputes",
    severity: "error",
    sheet: "Gains",
    cell: "K7",
    message: '=HYPERLINK("http://evil.example","click")',
  },
  { principle: "ix", rule: "ix.published", severity: "warning", sheet: null, cell: null, message: "-1+2" },
  { principle: "method", rule: "method.tolerance", severity: "info", sheet: "Settings", cell: "B4", message: "@SUM(A1)" },
  { principle: "i", rule: "i.baseline", severity: "error", sheet: "Baseline", cell: "A1:C3", message: "2008-09 baseline is missing" },
];

const EXISTING: MockWorkbookSpec = { sheets: [{ name: "Gains", cells: [["ID"]] }] };
const ruleText = (id: string) =>
  id === "iii.net-recomputes"
    ? { why: "+ A wrong net gain overstates progress.", fix: "Recompute net gain as gross minus costs." }
    : undefined;

describe("writeReport", () => {
  test("adds a new sheet with the findings as a table, in two round trips", async () => {
    const excel = createMockWorkbook(EXISTING);
    const result = await excel.run((context) => writeReport(context, report(FINDINGS), { ruleText }));
    expect(result).toEqual({ ok: true, sheet: "VfM report" });
    expect(excel.syncCount).toBe(2);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Gains", "VfM report"]);
    expect(excel.tables.map((t) => t.name)).toEqual(["tblVfmReport"]);
    expect(excel.calls).toContain("add table VfM report!A5:H9");
    const row = (r: number) => ["A", "B", "C", "D", "E", "F", "G", "H"].map((c) => excel.cell("VfM report", `${c}${r}`)?.value ?? null);
    expect(row(5)).toEqual(["Principle", "Severity", "Sheet", "Cell", "Finding", "Why it matters", "How to fix", "Rule"]);
    expect(row(6)).toEqual([
      "(iii)",
      "Error",
      "Gains",
      "K7",
      '=HYPERLINK("http://evil.example","click")',
      "+ A wrong net gain overstates progress.",
      "Recompute net gain as gross minus costs.",
      "iii.net-recomputes",
    ]);
    expect(row(7).slice(0, 5)).toEqual(["(ix)", "Warning", null, null, "-1+2"]);
    expect(row(8)[0]).toBe("Method");
    expect(excel.cell("VfM report", "A1")?.value).toBe("Value for money check");
    expect(excel.cell("VfM report", "A3")?.value).toBe("Checked as at 2009-12-31: 2 errors, 1 warning, 1 note.");
    expect(excel.cell("Gains", "A1")).toEqual({ value: "ID" }); // the existing sheet is untouched
  });

  test("every text is stored as text: no cell becomes a formula, number or date", async () => {
    const excel = createMockWorkbook(EXISTING);
    await writeReport(excel.context, report(FINDINGS), { ruleText });
    const written = [...excel.sheet("VfM report").writtenCells().values()];
    expect(written.length).toBeGreaterThan(40);
    for (const cell of written) {
      expect(cell?.formula).toBeUndefined();
      expect(cell?.error).toBeUndefined();
      expect(cell?.interpretedAsDate).toBeUndefined();
      expect(typeof cell?.value === "string" || cell?.value === null).toBe(true);
      expect(cell?.numFmt).toBe("@");
    }
    expect(excel.cell("VfM report", "E9")?.value).toBe("2008-09 baseline is missing");
    // The text format is set before the values of the same cells.
    const firstFormat = excel.writes.findIndex((w) => w.property === "numberFormat" && w.target === "'VfM report'!A6:H9");
    const firstValues = excel.writes.findIndex((w) => w.property === "values" && w.target === "'VfM report'!A6:H9");
    expect(firstFormat).toBeGreaterThanOrEqual(0);
    expect(firstFormat).toBeLessThan(firstValues);
  });

  test("a taken sheet name gets a number; a taken table name too", async () => {
    const excel = createMockWorkbook({
      sheets: [
        { name: "vfm REPORT", cells: [["old"]] },
        { name: "VfM report (2)", cells: [["older"]] },
      ],
      tables: [{ name: "tblVfmReport", sheet: "vfm REPORT", address: "A1:A1" }],
    });
    const result = await writeReport(excel.context, report(FINDINGS));
    expect(result).toEqual({ ok: true, sheet: "VfM report (3)" });
    expect(excel.tables.map((t) => t.name)).toEqual(["tblVfmReport", "tblVfmReport2"]);
    expect(excel.cell("vfm REPORT", "A1")).toEqual({ value: "old" });
  });

  test("no findings: the sheet says so and still has the table headings", async () => {
    const excel = createMockWorkbook(EXISTING);
    const result = await writeReport(excel.context, report([]));
    expect(result.ok).toBe(true);
    expect(excel.cell("VfM report", "A3")?.value).toBe("Checked as at 2009-12-31: no findings.");
    expect(excel.calls).toContain("add table VfM report!A5:H6");
  });

  test("refuses a bad sheet name and a protected workbook structure", async () => {
    const excel = createMockWorkbook({ ...EXISTING, structureProtected: true });
    expect(await writeReport(excel.context, report(FINDINGS), { sheetName: "a:b" })).toMatchObject({ ok: false });
    expect(await writeReport(excel.context, report(FINDINGS))).toMatchObject({ ok: false, reason: expect.stringContaining("protected") });
    expect(excel.calls).toEqual([]);
    expect(excel.writes).toEqual([]);
  });

  test("a very long report is written in blocks that stay under the request limit", async () => {
    const long = "x".repeat(2000);
    // A rule of its own for each, so that none is rolled up into one row.
    const many: Finding[] = Array.from({ length: 1500 }, (_, i) => ({
      principle: "iii",
      rule: `iii.r${i}`,
      severity: "error",
      sheet: "Gains",
      cell: `A${i + 1}`,
      message: `${i} ${long}`,
    }));
    const excel = createMockWorkbook(EXISTING);
    const result = await writeReport(excel.context, report(many));
    expect(result.ok).toBe(true);
    const blocks = excel.writes.filter((w) => w.property === "values" && /!A\d+:H\d+$/.test(w.target) && w.target !== "'VfM report'!A5:H5");
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks) expect(JSON.stringify(block.value).length).toBeLessThan(5_000_000);
    expect(excel.syncCount).toBe(1 + blocks.length);
    expect(excel.cell("VfM report", "E1505")?.value).toBe(`1499 ${long}`);
  });
});

describe("text safety helpers, against the mock's model of Excel's input rules", () => {
  const dangerous = [
    '=HYPERLINK("x")',
    "-1+2",
    "+1",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "'quoted",
    "2008-09",
    "TRUE",
    "#N/A",
    "50%",
    "1/2",
    "Sep-08",
    "0.03",
  ];
  test.each(dangerous)("literalText keeps %j as that exact text in a General cell", (text) => {
    const cell = excelInput(literalText(text), undefined);
    expect(cell).toMatchObject({ value: text });
    expect(cell?.formula).toBeUndefined();
  });
  test.each(dangerous)("formulaSafeText keeps %j as that exact text in a Text cell", (text) => {
    const cell = excelInput(formulaSafeText(text), "@");
    expect(cell).toMatchObject({ value: text });
    expect(cell?.formula).toBeUndefined();
  });
  test("plain words are written as they are", () => {
    expect(literalText("Gains register")).toBe("Gains register");
    expect(formulaSafeText("Net gain 450 does not equal 420")).toBe("Net gain 450 does not equal 420");
  });
});

describe("freeSheetName", () => {
  test("keeps within Excel's 31 characters", () => {
    const base = "A very long report sheet name!!";
    expect(base.length).toBe(31);
    expect(freeSheetName(base, [base])).toBe("A very long report sheet na (2)");
  });
});
