/**
 * The pane's Excel source, end to end through the Office adapter on a mocked workbook: check, go to
 * cell, create the template, save settings. `Excel.run` is the mock's.
 */
import { createMockWorkbook, type MockWorkbook, type MockWorkbookSpec } from "../support/office-mock";
import { createExcelSource } from "../../src/taskpane/excel-source";
import type { CheckProgress } from "../../src/taskpane/source";

const SPEC: MockWorkbookSpec = {
  sheets: [
    {
      name: "Settings",
      cells: [
        ["Key", "Value"],
        ["Target rate", 0.03],
        ["Baseline year", "2007-08"],
      ],
    },
    {
      name: "Gains",
      cells: [
        ["ID", "Initiative", "Type", "Gross gain", "Costs", "Net gain"],
        ["G01", "Shared back office", "Cashable", 500, 80, 450],
      ],
    },
  ],
  tables: [{ name: "tblSettings", sheet: "Settings", address: "A1:B3" }],
};

function useExcel(spec: MockWorkbookSpec): MockWorkbook {
  const excel = createMockWorkbook(spec);
  (globalThis as unknown as { Excel: unknown }).Excel = { run: excel.run };
  return excel;
}

afterEach(() => {
  delete (globalThis as unknown as { Excel?: unknown }).Excel;
});

describe("the Excel source", () => {
  test("checks the open workbook read-only, with progress, and finds what the validator finds", async () => {
    const excel = useExcel(SPEC);
    const progress: CheckProgress[] = [];
    const outcome = await createExcelSource().check({ signal: new AbortController().signal, onProgress: (p) => progress.push(p) });
    expect(outcome.status).toBe("done");
    if (outcome.status !== "done") return;
    expect(outcome.result.report.findings.some((f) => f.rule === "iii.net-recomputes" && f.sheet === "Gains")).toBe(true);
    expect(outcome.result.data.hasVfmTables).toBe(true);
    expect(excel.writes).toEqual([]);
    expect(progress.some((p) => p.phase === "reading" && p.fraction !== null)).toBe(true);
    expect(progress[progress.length - 1].phase).toBe("checking");
  });

  test("a cancelled check ends as cancelled", async () => {
    useExcel(SPEC);
    const controller = new AbortController();
    controller.abort();
    expect(await createExcelSource().check({ signal: controller.signal, onProgress: () => undefined })).toEqual({ status: "cancelled" });
  });

  test("Go to cell selects the finding's range", async () => {
    const excel = useExcel(SPEC);
    expect(await createExcelSource().goToCell("Gains", "F2")).toEqual({ kind: "selected" });
    expect(excel.calls).toEqual(["activate Gains", "select Gains!F2"]);
    const missing = await createExcelSource().goToCell("Profile", "A1");
    expect(missing.kind).toBe("failed");
  });

  test("Create VfM workbook refuses names already taken, and says which", async () => {
    const excel = useExcel(SPEC);
    const outcome = await createExcelSource().createTemplate!();
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.takenSheets).toEqual(expect.arrayContaining(["Settings", "Gains"]));
      expect(outcome.reason).toMatch(/Gains/);
    }
    expect(excel.calls.filter((call) => call.startsWith("add sheet"))).toEqual([]);
  });

  test("Create VfM workbook fills an empty workbook", async () => {
    useExcel({ sheets: [{ name: "Sheet1" }] });
    const outcome = await createExcelSource().createTemplate!();
    expect(outcome).toEqual({ ok: true, message: expect.stringMatching(/^Added the sheets .*Gains.*Settings/) });
  });

  test("settings are saved in the Settings table; a protected sheet refuses them with a reason", async () => {
    const excel = useExcel(SPEC);
    expect(await createExcelSource().saveSettings!({ reportingDate: "2009-12-31", minimumCashableShare: 0.6 })).toEqual({
      ok: true,
      message: "Saved in the workbook's Settings table.",
    });
    expect(excel.writes.length).toBeGreaterThan(0);

    useExcel({ ...SPEC, sheets: SPEC.sheets.map((s) => (s.name === "Settings" ? { ...s, protected: true } : s)) });
    const refused = await createExcelSource().saveSettings!({ tolerance: 0.01 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toMatch(/protected/);
  });
});
