import { readSettings, writeSettings, NO_SETTINGS_TABLE } from "../../../src/adapters/office/settings";
import { readOpenWorkbook } from "../../../src/adapters/office/read";
import { validateWorkbook } from "../../../src/core/validate";
import { insertTemplate } from "../../../src/adapters/office/template";
import { VFM_TEMPLATE } from "../../../src/core/template/spec";
import { createMockWorkbook, type MockWorkbookSpec } from "../../support/office-mock";

const SPEC: MockWorkbookSpec = {
  sheets: [
    { name: "Gains", cells: [["ID"], ["G1"]] },
    {
      name: "Settings",
      origin: "B2",
      cells: [
        ["Key", "Value", "Notes"],
        ["Target rate", 0.03, "CSR07"],
        ["Reporting date", { value: 40178, numFmt: "dd/mm/yyyy" }, "year end"],
        ["Tolerance", 0.005, ""],
      ],
    },
  ],
  tables: [
    { name: "tblGains", sheet: "Gains", address: "A1:A2" },
    { name: "tblSettings", sheet: "Settings", address: "B2:D5" },
  ],
};

describe("readSettings", () => {
  test("reads the Key/Value rows of tblSettings", async () => {
    const excel = createMockWorkbook(SPEC);
    const result = await excel.run((context) => readSettings(context));
    expect(result).toEqual({
      ok: true,
      table: "tblSettings",
      sheet: "Settings",
      entries: [
        ["Target rate", 0.03],
        ["Reporting date", 40178],
        ["Tolerance", 0.005],
      ],
    });
    expect(excel.syncCount).toBe(2);
    expect(excel.writes).toEqual([]);
  });

  test("finds a Key/Value table on a sheet called Settings whatever the table is called", async () => {
    const excel = createMockWorkbook({ ...SPEC, tables: [{ name: "Table7", sheet: "Settings", address: "B2:D5" }] });
    const result = await readSettings(excel.context);
    expect(result).toMatchObject({ ok: true, table: "Table7" });
  });

  test("says so when there is no Settings table", async () => {
    const excel = createMockWorkbook({ sheets: SPEC.sheets, tables: [{ name: "tblGains", sheet: "Gains", address: "A1:A2" }] });
    expect(await readSettings(excel.context)).toEqual({ ok: false, reason: NO_SETTINGS_TABLE });
  });
});

describe("writeSettings", () => {
  test("changes only the Value cells of the keys given, and adds missing keys as new rows", async () => {
    const excel = createMockWorkbook(SPEC);
    const result = await excel.run((context) =>
      writeSettings(context, [
        ["reporting DATE", "2010-03-31"],
        ["Tolerance", 0.01],
        ["RAG mapping", "green 1; amber 0.5; red 0"],
        ["Minimum cashable share", 0.6],
      ]),
    );
    expect(result).toEqual({
      ok: true,
      table: "tblSettings",
      updated: ["reporting DATE", "Tolerance"],
      added: ["RAG mapping", "Minimum cashable share"],
    });
    expect(excel.syncCount).toBe(3);
    const cellWrites = excel.writes.filter((w) => w.target.startsWith("Settings!")).map((w) => w.target);
    expect(cellWrites).toEqual(["Settings!C4", "Settings!C5"]); // Value cells only: not the keys, not the notes
    expect(excel.cell("Settings", "C4")).toMatchObject({ value: "2010-03-31", numFmt: "dd/mm/yyyy" }); // text, not a date
    expect(excel.cell("Settings", "C4")?.interpretedAsDate).toBeUndefined();
    expect(excel.cell("Settings", "C5")).toEqual({ value: 0.01 });
    expect(excel.cell("Settings", "C3")).toEqual({ value: 0.03 });
    expect(excel.cell("Settings", "D3")).toEqual({ value: "CSR07" });
    expect(excel.calls).toEqual(["add rows to tblSettings"]);
    expect(excel.cell("Settings", "B6")).toMatchObject({ value: "RAG mapping" });
    expect(excel.cell("Settings", "C6")).toMatchObject({ value: "green 1; amber 0.5; red 0" });
    expect(excel.cell("Settings", "B7")).toMatchObject({ value: "Minimum cashable share" });
    expect(excel.cell("Settings", "C7")).toEqual({ value: 0.6 });
    expect(excel.table("tblSettings").rect.endRow).toBe(6);
    // The CLI reads what the pane wrote.
    const again = await readSettings(excel.context);
    expect(again).toMatchObject({ ok: true });
    if (again.ok) expect(again.entries).toContainEqual(["RAG mapping", "green 1; amber 0.5; red 0"]);
  });

  test("fills a new table's blank row before adding rows", async () => {
    const excel = createMockWorkbook({
      sheets: [
        {
          name: "Settings",
          cells: [
            ["Key", "Value"],
            ["", ""],
          ],
        },
      ],
      tables: [{ name: "tblSettings", sheet: "Settings", address: "A1:B2" }],
    });
    const result = await writeSettings(excel.context, [["Tolerance", 0.005]]);
    expect(result).toMatchObject({ ok: true, added: ["Tolerance"] });
    expect(excel.cell("Settings", "A2")).toEqual({ value: "Tolerance" });
    expect(excel.cell("Settings", "B2")).toEqual({ value: 0.005 });
    expect(excel.calls).toEqual([]);
  });

  test("works on the Settings table of the VfM workbook the pane creates", async () => {
    const excel = createMockWorkbook({ sheets: [{ name: "Sheet1" }] });
    expect((await insertTemplate(excel.context, VFM_TEMPLATE)).ok).toBe(true);
    const before = await readSettings(excel.context);
    expect(before).toMatchObject({ ok: true, table: "tblSettings" });
    const written = excel.writes.length;
    const result = await writeSettings(excel.context, [["Tolerance", 0.01]]);
    expect(result).toEqual({ ok: true, table: "tblSettings", updated: ["Tolerance"], added: [] });
    expect(excel.writes.length).toBe(written + 1); // the one Value cell
    const after = await readSettings(excel.context);
    expect(after.ok && after.entries.find(([key]) => key === "Tolerance")?.[1]).toBe(0.01);
  });

  test("refuses without a Settings table, on a protected sheet, and for bad values", async () => {
    const none = createMockWorkbook({ sheets: [{ name: "Gains" }] });
    expect(await writeSettings(none.context, [["Tolerance", 1]])).toEqual({ ok: false, reason: NO_SETTINGS_TABLE });
    const locked = createMockWorkbook({ ...SPEC, sheets: [SPEC.sheets[0], { ...SPEC.sheets[1], protected: true }] });
    expect(await writeSettings(locked.context, [["Tolerance", 1]])).toMatchObject({
      ok: false,
      reason: expect.stringContaining("protected"),
    });
    expect(locked.writes).toEqual([]);
    const excel = createMockWorkbook(SPEC);
    expect(await writeSettings(excel.context, [["Tolerance", Number.NaN]])).toMatchObject({ ok: false });
    expect(await writeSettings(excel.context, [["", 1]])).toMatchObject({ ok: false });
    expect(excel.syncCount).toBe(0);
  });
});

describe("writeSettings with a date", () => {
  test("writes a real Excel date, shown dd/mm/yyyy, in the same three round trips", async () => {
    const excel = createMockWorkbook(SPEC);
    const result = await excel.run((context) => writeSettings(context, [["Reporting date", { date: "2010-03-31" }]]));
    expect(result).toEqual({ ok: true, table: "tblSettings", updated: ["Reporting date"], added: [] });
    expect(excel.syncCount).toBe(3);
    expect(excel.cell("Settings", "C4")).toMatchObject({ value: 40268, numFmt: "dd/mm/yyyy" }); // DATE(2010,3,31)
    const model = await readOpenWorkbook(excel.context);
    expect(validateWorkbook(model, { file: "x.xlsx" }).reportingDate).toBe("2010-03-31");
  });

  test("uses the workbook's own date system", async () => {
    const excel = createMockWorkbook({ ...SPEC, date1904: true });
    await writeSettings(excel.context, [["Reporting date", { date: "2010-03-31" }]]);
    expect(excel.cell("Settings", "C4")).toMatchObject({ value: 38806, numFmt: "dd/mm/yyyy" });
    const model = await readOpenWorkbook(excel.context);
    expect(validateWorkbook(model, { file: "mac.xlsx" }).reportingDate).toBe("2010-03-31");
  });

  test("a date for a key the table lacks goes in a new row, formatted as a date", async () => {
    const excel = createMockWorkbook({
      ...SPEC,
      sheets: SPEC.sheets.map((sheet) =>
        sheet.name === "Settings" ? { ...sheet, cells: sheet.cells!.filter((row) => row[0] !== "Reporting date") } : sheet,
      ),
      tables: [
        { name: "tblGains", sheet: "Gains", address: "A1:A2" },
        { name: "tblSettings", sheet: "Settings", address: "B2:D4" },
      ],
    });
    const result = await writeSettings(excel.context, [["Reporting date", { date: "2009-12-31" }]]);
    expect(result).toEqual({ ok: true, table: "tblSettings", updated: [], added: ["Reporting date"] });
    expect(excel.cell("Settings", "B5")).toMatchObject({ value: "Reporting date" });
    expect(excel.cell("Settings", "C5")).toMatchObject({ value: 40178, numFmt: "dd/mm/yyyy" });
  });

  test("refuses a date that is not a calendar date, writing nothing", async () => {
    const excel = createMockWorkbook(SPEC);
    const result = await writeSettings(excel.context, [["Reporting date", { date: "2010-02-30" }]]);
    expect(result).toEqual({
      ok: false,
      reason: 'The setting "Reporting date" must be a date written as YYYY-MM-DD, such as 2010-03-31, not "2010-02-30".',
    });
    expect(excel.writes).toEqual([]);
    expect(excel.syncCount).toBe(0);
  });
});
