import * as fs from "node:fs";
import * as path from "node:path";
import { writeChanges } from "../../../src/adapters/office/changes";
import { readXlsx } from "../../../src/adapters/xlsx/read/index";
import { compareReturns, type ReturnComparison } from "../../../src/core/review/compare";
import { changeRows } from "../../../src/core/review/compare-report";
import { recordsOfModel } from "../../../src/core/review/return-records";
import { createMockWorkbook, type MockWorkbookSpec } from "../../support/office-mock";

const FIXTURES = path.resolve(__dirname, "../../fixtures/compare");
async function records(file: string) {
  const read = await readXlsx(new Uint8Array(fs.readFileSync(path.join(FIXTURES, file))));
  if (!read.ok) throw new Error(read.reason);
  return recordsOfModel(read.model, file);
}

const EXISTING: MockWorkbookSpec = { sheets: [{ name: "Gains", cells: [["ID"]] }] };
let comparison: ReturnComparison;
beforeAll(async () => {
  comparison = compareReturns(await records("northmoor-q1.xlsx"), await records("northmoor-q2.xlsx"));
});

describe("writeChanges (Write changes to a sheet)", () => {
  test("adds a new sheet with the changes as a table, in two round trips, touching nothing else", async () => {
    const excel = createMockWorkbook(EXISTING);
    const result = await excel.run((context) => writeChanges(context, comparison));
    expect(result).toEqual({ ok: true, sheet: "VfM changes" });
    expect(excel.syncCount).toBe(2);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Gains", "VfM changes"]);
    expect(excel.tables.map((t) => t.name)).toEqual(["tblVfmChanges"]);
    const rows = changeRows(comparison).length;
    expect(excel.calls).toContain(`add table VfM changes!A6:G${6 + rows}`);
    const row = (r: number) => ["A", "B", "C", "D", "E", "F", "G"].map((c) => excel.cell("VfM changes", `${c}${r}`)?.value ?? null);
    expect(excel.cell("VfM changes", "A1")?.value).toBe("What changed since the last return");
    expect(excel.cell("VfM changes", "A2")?.value).toBe("Last return: northmoor-q1.xlsx (as at 31/07/2026)");
    expect(row(6)).toEqual(["Section", "ID", "Gain or item", "What changed", "Last return (£)", "This return (£)", "Movement (£)"]);
    expect(row(7)).toEqual(["In total", null, null, "Net gains", 12_030_000, 13_180_000, 1_150_000]);
    expect(row(11)).toEqual(["Restated", null, null, "Target", 38_249_887.5, 38_203_524, -46_363.5]);
    // Amounts are numbers in £; years and ratings are text that stays text.
    expect(excel.cell("VfM changes", "E7")?.numFmt).toBe("£#,##0.00;[Red]-£#,##0.00");
    const firstYear = changeRows(comparison).findIndex((r) => r.change === "First year of accrual") + 7;
    expect(row(firstYear).slice(4, 6)).toEqual(["2026-27", "2027-28"]);
    expect(excel.cell("VfM changes", `E${firstYear}`)?.numFmt).toBe("@");
    expect(excel.cell("Gains", "A1")).toEqual({ value: "ID" });
  });

  test("workbook text that looks like a formula is stored as that text", async () => {
    const evil: ReturnComparison = {
      ...comparison,
      added: [{ id: "=1+1", name: '=HYPERLINK("http://evil.example","x")', type: null, net: 1, riskAdjusted: 1, firstYear: null }],
    };
    const excel = createMockWorkbook(EXISTING);
    await writeChanges(excel.context, evil);
    for (const cell of excel.sheet("VfM changes").writtenCells().values()) {
      expect(cell?.formula).toBeUndefined();
      expect(cell?.interpretedAsDate).toBeUndefined();
    }
    const added = changeRows(evil).findIndex((r) => r.section === "Added") + 7;
    expect(excel.cell("VfM changes", `B${added}`)?.value).toBe("=1+1");
    expect(excel.cell("VfM changes", `C${added}`)?.value).toBe('=HYPERLINK("http://evil.example","x")');
  });

  test("no changes: the sheet says so, with the table headings", async () => {
    const same = compareReturns(await records("northmoor-q2.xlsx"), await records("northmoor-q2-relaid.xlsx"));
    const excel = createMockWorkbook(EXISTING);
    expect((await writeChanges(excel.context, same)).ok).toBe(true);
    expect(excel.cell("VfM changes", "A4")?.value).toMatch(/^No changes:/);
    expect(excel.calls).toContain("add table VfM changes!A6:G7");
  });

  test("a taken name gets a number; a protected structure is refused without a write", async () => {
    const excel = createMockWorkbook({
      sheets: [{ name: "VfM changes", cells: [["old"]] }],
      tables: [{ name: "tblVfmChanges", sheet: "VfM changes", address: "A1:A1" }],
    });
    expect(await writeChanges(excel.context, comparison)).toEqual({ ok: true, sheet: "VfM changes (2)" });
    expect(excel.tables.map((t) => t.name)).toEqual(["tblVfmChanges", "tblVfmChanges2"]);
    expect(excel.cell("VfM changes", "A1")).toEqual({ value: "old" });
    const locked = createMockWorkbook({ ...EXISTING, structureProtected: true });
    expect(await writeChanges(locked.context, comparison)).toMatchObject({ ok: false, reason: expect.stringContaining("protected") });
    expect(locked.writes).toEqual([]);
  });
});
