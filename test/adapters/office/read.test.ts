import {
  readOpenWorkbook,
  isAbortError,
  DEFAULT_MAX_CELLS_PER_REQUEST,
  LOADED_PROPERTIES,
  toCell,
} from "../../../src/adapters/office/read";
import { validateWorkbook } from "../../../src/core/validate";
import { createMockWorkbook, expectedModel, registerLikeWorkbook, type MockWorkbookSpec } from "../../support/office-mock";

const ODD_SHEET = "My 'odd' sheet";

/** A small workbook with every shape the reader must convert. */
const SMALL: MockWorkbookSpec = {
  sheets: [
    {
      name: "Gains",
      origin: "B3", // used range starts at B3: positions must be offset
      cells: [
        ["ID", "Gross gain", "Costs", "Net gain", "Start"],
        [
          "G1",
          { value: 500, numFmt: "£#,##0.00" },
          80,
          { value: 420, formula: "C4-D4", numFmt: "£#,##0.00" },
          { value: 39538, numFmt: "dd/mm/yyyy" },
        ],
        ["G2", { value: 100, numFmt: "General" }, undefined, { error: "#REF!", formula: "C5-#REF!" }, true],
        [{ value: '=HYPERLINK("x")', quotePrefix: true }, null, "", { error: "#DIV/0!" }, { value: "", formula: 'IF(1,"",0)' }],
      ],
      names: [{ name: "LocalRate", formula: "=Gains!$C$4" }],
    },
    { name: "Hidden sheet", visibility: "Hidden", cells: [["x"]] },
    {
      name: "Secret",
      visibility: "VeryHidden",
      protected: true,
      cells: [
        [1, 2],
        [3, 4],
      ],
    },
    { name: "Empty" },
    {
      name: ODD_SHEET,
      origin: "C10",
      cells: [
        ["Key", "Value"],
        ["tolerance", 0.005],
      ],
    },
    { name: "__proto__", cells: [["constructor", "toString"]] },
  ],
  tables: [
    { name: "tblGains", sheet: "Gains", address: "B3:F6" },
    { name: "Settings", sheet: ODD_SHEET, address: "C10:D11", showTotals: false },
    { name: "constructor", sheet: "__proto__", address: "A1:B1", showHeaders: false },
  ],
  names: [
    { name: "TargetRate", formula: "=0.03" },
    { name: "__proto__", formula: "=Gains!$B$3:$F$6", visible: false },
  ],
};

describe("readOpenWorkbook", () => {
  test("a small workbook is read in three round trips into the expected model", async () => {
    const excel = createMockWorkbook(SMALL);
    const model = await excel.run((context) => readOpenWorkbook(context));
    expect(excel.syncCount).toBe(3);
    expect(model).toEqual(expectedModel(SMALL));
  });

  test("cells, errors, formulas and formats convert as the model defines them", async () => {
    const excel = createMockWorkbook(SMALL);
    const model = await readOpenWorkbook(excel.context);
    const gains = model.sheets[0];
    expect(gains.rows[0]).toBeUndefined(); // rows above the used range stay empty
    expect(gains.rows[2]?.[0]).toBeUndefined(); // column A is left of the used range
    expect(gains.rows[2]?.[1]).toEqual({ value: "ID" });
    expect(gains.rows[3]?.[2]).toEqual({ value: 500, numFmt: "£#,##0.00" });
    expect(gains.rows[3]?.[4]).toEqual({ value: 420, formula: "C4-D4", numFmt: "£#,##0.00" });
    expect(gains.rows[3]?.[5]).toEqual({ value: 39538, numFmt: "dd/mm/yyyy" }); // dates stay serial numbers
    expect(gains.rows[4]?.[2]).toEqual({ value: 100 }); // "General" is no format
    expect(gains.rows[4]?.[3]).toBeUndefined();
    expect(gains.rows[4]?.[4]).toEqual({ value: null, error: "#REF!", formula: "C5-#REF!" });
    expect(gains.rows[4]?.[5]).toEqual({ value: true });
    // Text that looks like a formula but was stored as text is not a formula.
    expect(gains.rows[5]?.[1]).toEqual({ value: '=HYPERLINK("x")' });
    expect(gains.rows[5]?.[4]).toEqual({ value: null, error: "#DIV/0!" });
    expect(gains.rows[5]?.[5]).toEqual({ value: null, formula: 'IF(1,"",0)' });
  });

  test("visibility, protection, odd names, tables and defined names", async () => {
    const excel = createMockWorkbook(SMALL);
    const model = await readOpenWorkbook(excel.context);
    expect(model.sheets.map((s) => [s.name, s.visibility, s.protected ?? false])).toEqual([
      ["Gains", "visible", false],
      ["Hidden sheet", "hidden", false],
      ["Secret", "veryHidden", true],
      ["Empty", "visible", false],
      [ODD_SHEET, "visible", false],
      ["__proto__", "visible", false],
    ]);
    expect(model.sheets[3].rows).toEqual([]);
    expect(model.tables).toEqual([
      { name: "tblGains", sheet: "Gains", range: { startRow: 2, startCol: 1, endRow: 5, endCol: 5 }, headerRowCount: 1, totalsRow: false },
      {
        name: "Settings",
        sheet: ODD_SHEET,
        range: { startRow: 9, startCol: 2, endRow: 10, endCol: 3 },
        headerRowCount: 1,
        totalsRow: false,
      },
      {
        name: "constructor",
        sheet: "__proto__",
        range: { startRow: 0, startCol: 0, endRow: 0, endCol: 1 },
        headerRowCount: 0,
        totalsRow: false,
      },
    ]);
    expect(model.names).toEqual([
      { name: "TargetRate", scope: null, formula: "0.03" },
      { name: "__proto__", scope: null, formula: "Gains!$B$3:$F$6", hidden: true },
      { name: "LocalRate", scope: "Gains", formula: "Gains!$C$4" },
    ]);
    expect(Object.getPrototypeOf(model.sheets[5])).toBe(Object.prototype);
  });

  test("loads only named properties, and is strictly read-only", async () => {
    const excel = createMockWorkbook(SMALL);
    await readOpenWorkbook(excel.context);
    const allowed = new Set<string>(Object.values(LOADED_PROPERTIES));
    // Collections pass "items/..." on to each item; strip that to compare.
    const itemLoads = new Set([...allowed].filter((p) => p.startsWith("items/")).map((p) => p.replace(/items\//g, "")));
    for (const entry of excel.loads) {
      const properties = entry.slice(entry.indexOf(": ") + 2);
      expect(allowed.has(properties) || itemLoads.has(properties)).toBe(true);
    }
    expect(excel.loads.some((entry) => entry.endsWith(`: ${LOADED_PROPERTIES.cells}`))).toBe(true);
    expect(excel.writes).toEqual([]);
    expect(excel.calls).toEqual([]); // no activate, no select, nothing added
  });

  test("tells a workbook in the 1904 date system by asking Excel's DATE, within the same round trips", async () => {
    const usual = await readOpenWorkbook(createMockWorkbook(SMALL).context);
    expect(usual.date1904).toBe(false);
    // A reporting date typed as 31/12/2009 is serial 40178 in the 1900 system and 38716 in the 1904 system.
    const spec: MockWorkbookSpec = {
      date1904: true,
      sheets: [
        {
          name: "Settings",
          cells: [
            ["Key", "Value"],
            ["Reporting date", { value: 38716, numFmt: "dd/mm/yyyy" }],
          ],
        },
      ],
    };
    const excel = createMockWorkbook(spec);
    const model = await readOpenWorkbook(excel.context);
    expect(excel.syncCount).toBe(3);
    expect(model.date1904).toBe(true);
    expect(excel.loads).toContain(`functions.date(2000,1,1): ${LOADED_PROPERTIES.dateProbe}`);
    expect(validateWorkbook(model, { file: "mac.xlsx" }).reportingDate).toBe("2009-12-31");
    expect(validateWorkbook({ ...model, date1904: false }, { file: "mac.xlsx" }).reportingDate).toBe("2005-12-30");
  });

  test("a workbook of many sheets still takes three round trips (no sync per sheet)", async () => {
    const spec: MockWorkbookSpec = {
      sheets: Array.from({ length: 40 }, (_, i) => ({
        name: `S${i}`,
        cells: [
          ["a", i],
          ["b", i * 2],
        ],
      })),
    };
    const excel = createMockWorkbook(spec);
    const model = await readOpenWorkbook(excel.context);
    expect(excel.syncCount).toBe(3);
    expect(model).toEqual(expectedModel(spec));
  });

  test("a large workbook is read in blocks: syncs = 2 + ceil(cells / block), blocks join exactly", async () => {
    const spec = registerLikeWorkbook(4, 5000, 10); // 200,000 cells across 4 sheets
    const cells = 4 * 5000 * 10;
    const block = 7_001; // does not divide a row or a sheet: blocks start mid-row and span sheets
    const excel = createMockWorkbook(spec);
    const model = await readOpenWorkbook(excel.context, { maxCellsPerRequest: block });
    expect(excel.syncCount).toBe(2 + Math.ceil(cells / block));
    expect(model).toEqual(expectedModel(spec));
  });

  test("the default block keeps every response under Excel on the web's 5 MB limit", async () => {
    const spec = registerLikeWorkbook(2, 30_000, 5); // 300,000 cells
    const excel = createMockWorkbook(spec);
    await readOpenWorkbook(excel.context);
    expect(excel.syncCount).toBe(2 + Math.ceil(300_000 / DEFAULT_MAX_CELLS_PER_REQUEST));
    expect(excel.largestResponseBytes).toBeLessThan(5_000_000);
  });

  test("when Excel refuses a response as too large, the reader asks for half as much and still reads everything", async () => {
    const longText = "x".repeat(400);
    const spec: MockWorkbookSpec = {
      sheets: [{ name: "Notes", generated: { rows: 2000, columns: 10, cell: (r, c) => `${r}.${c} ${longText}` } }],
    };
    const excel = createMockWorkbook({ ...spec, payloadLimitBytes: 2_000_000 });
    const model = await readOpenWorkbook(excel.context, { maxCellsPerRequest: 20_000 });
    expect(model).toEqual(expectedModel(spec));
    expect(excel.largestResponseBytes).toBeLessThanOrEqual(2_000_000);
    // 20,000 cells (~16 MB) is refused, then 10,000, then 5,000 and 2,500 (~2 MB) too; 1,250 fits.
    expect(excel.syncCount).toBe(2 + 4 + Math.ceil(20_000 / 1_250));
  });

  test("progress rises after every round trip and ends at 1", async () => {
    const excel = createMockWorkbook(registerLikeWorkbook(2, 1000, 10));
    const seen: number[] = [];
    await readOpenWorkbook(excel.context, { maxCellsPerRequest: 5000, onProgress: (f) => seen.push(f) });
    expect(seen.length).toBe(excel.syncCount + 1);
    expect(seen[seen.length - 1]).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
  });

  test("cancelling stops before the next round trip with an error the pane recognises", async () => {
    const excel = createMockWorkbook(registerLikeWorkbook(2, 1000, 10));
    const controller = new AbortController();
    excel.beforeSync = (n) => {
      if (n === 4) controller.abort();
    };
    const reading = readOpenWorkbook(excel.context, { signal: controller.signal, maxCellsPerRequest: 2000 });
    await expect(reading).rejects.toMatchObject({ name: "AbortError" });
    const error = await reading.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(excel.syncCount).toBe(4); // the fifth round trip never started
  });

  test("an already-cancelled signal makes no round trip at all", async () => {
    const excel = createMockWorkbook(SMALL);
    const controller = new AbortController();
    controller.abort();
    await expect(readOpenWorkbook(excel.context, { signal: controller.signal })).rejects.toMatchObject({ name: "AbortError" });
    expect(excel.syncCount).toBe(0);
  });

  test("a used area too large to check in Excel is refused before any cell is read", async () => {
    const excel = createMockWorkbook({ sheets: [{ name: "Stray", generated: { rows: 1_048_576, columns: 16, cell: () => 1 } }] });
    await expect(readOpenWorkbook(excel.context)).rejects.toThrow(/16,777,216 cells.*standalone page/);
    expect(excel.syncCount).toBe(2);
  });

  test("a bad block size is refused with a clear message", async () => {
    const excel = createMockWorkbook(SMALL);
    await expect(readOpenWorkbook(excel.context, { maxCellsPerRequest: 0 })).rejects.toThrow("maxCellsPerRequest");
  });

  test("an Excel failure becomes one line for the user", async () => {
    const excel = createMockWorkbook(SMALL);
    excel.beforeSync = (n) => {
      if (n === 2) throw Object.assign(new Error("RichApi.Error: busy"), { code: "InvalidOperationInCellEditMode" });
    };
    await expect(readOpenWorkbook(excel.context)).rejects.toThrow(
      /^Excel is busy editing a cell\. Press Enter or Esc in the sheet, then try again\.$/,
    );
  });

  test("isAbortError tells a cancellation from a failure", () => {
    expect(isAbortError(new Error("boom"))).toBe(false);
    expect(isAbortError(Object.assign(new Error("x"), { name: "AbortError" }))).toBe(true);
    expect(isAbortError(null)).toBe(false);
  });
});

describe("toCell", () => {
  test("an empty cell without a formula is no cell", () => {
    expect(toCell("", "", "General", "Empty")).toBeUndefined();
    expect(toCell("", "", "£#,##0", "Empty")).toBeUndefined();
  });
  test("a text constant that begins with = is text, a formula is a formula", () => {
    expect(toCell("=1+2", "=1+2", "@", "String")).toEqual({ value: "=1+2", numFmt: "@" });
    expect(toCell(3, "=1+2", "General", "Double")).toEqual({ value: 3, formula: "1+2" });
  });
});
