import { selectCell } from "../../../src/adapters/office/navigate";
import { createMockWorkbook, type MockWorkbookSpec } from "../../support/office-mock";

const SPEC: MockWorkbookSpec = {
  sheets: [
    { name: "Instructions", cells: [["Read me"]] },
    { name: "Gains register", cells: [["ID"]] },
    { name: "Working", visibility: "Hidden", cells: [[1]] },
    { name: "Macro data", visibility: "VeryHidden", cells: [[1]] },
  ],
};

describe("selectCell", () => {
  test("activates the finding's sheet and selects its range there", async () => {
    const excel = createMockWorkbook(SPEC);
    const result = await excel.run((context) => selectCell(context, "Gains register", "K7"));
    expect(result).toEqual({ ok: true });
    expect(excel.calls).toEqual(["activate Gains register", "select 'Gains register'!K7"]);
    expect(excel.writes).toEqual([]);
  });

  test("selects a whole range, written without $ signs", async () => {
    const excel = createMockWorkbook(SPEC);
    expect(await selectCell(excel.context, "Instructions", "$A$1:$T$40")).toEqual({ ok: true });
    expect(excel.calls).toEqual(["activate Instructions", "select Instructions!A1:T40"]);
  });

  test("refuses a hidden sheet with a reason, and selects nothing", async () => {
    const excel = createMockWorkbook(SPEC);
    const result = await selectCell(excel.context, "Working", "A1");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/"Working" is hidden.*Unhide/);
    expect(excel.calls).toEqual([]);
  });

  test("refuses a very hidden sheet with a reason", async () => {
    const excel = createMockWorkbook(SPEC);
    const result = await selectCell(excel.context, "Macro data", "A1");
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("very hidden") });
    expect(excel.calls).toEqual([]);
  });

  test("refuses a sheet that no longer exists", async () => {
    const excel = createMockWorkbook(SPEC);
    const result = await selectCell(excel.context, "Gains", "A1");
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('no sheet called "Gains"') });
    expect(excel.calls).toEqual([]);
  });

  test("refuses an address that is not a cell reference without asking Excel", async () => {
    const excel = createMockWorkbook(SPEC);
    const result = await selectCell(excel.context, "Instructions", "Sheet2!A1");
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("not a cell address") });
    expect(excel.syncCount).toBe(0);
  });

  test("a failure inside Excel becomes a reason, not a crash", async () => {
    const excel = createMockWorkbook(SPEC);
    excel.beforeSync = (n) => {
      if (n === 2) throw Object.assign(new Error("The current selection is invalid for this operation."), { code: "InvalidSelection" });
    };
    const result = await selectCell(excel.context, "Instructions", "B2");
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("The current selection is invalid") });
  });
});
