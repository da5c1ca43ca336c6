import { insertTemplate, columnWidthInPoints, templateSheetLayout, DEFAULT_INPUT_ROWS } from "../../../src/adapters/office/template";
import { VFM_TEMPLATE } from "../../../src/core/template/spec";
import type { TemplateSpec } from "../../../src/core/template/types";
import { createMockWorkbook, type MockWorkbookSpec } from "../../support/office-mock";

const SPEC: TemplateSpec = {
  sheets: [
    {
      name: "Instructions",
      title: "How to use this workbook",
      lines: ["Getting started", "- Enter each gain on the Gains sheet", "2008-09 is the baseline year", "Keep evidence"],
      headingLines: [0],
    },
    {
      name: "Gains",
      title: "Gains register",
      table: {
        name: "tblGains",
        columns: [
          { header: "ID", help: "A unique reference for the gain, e.g. G001.", width: 8 },
          { header: "Type", list: ["Cashable", "Non-cashable"] },
          { header: "Gross gain (£)", numFmt: "£#,##0.00", width: 14 },
          { header: "Costs (£)", numFmt: "£#,##0.00" },
          { header: "Net gain (£)", numFmt: "£#,##0.00", formula: "=[@[Gross gain (£)]]-[@[Costs (£)]]", help: "Worked out for you." },
          { header: "Year", numFmt: "@" },
          { header: "Deliverability", numFmt: "0%", between: { min: 0, max: 1 } },
          { header: "Reviewed", numFmt: "dd/mm/yyyy", date: true },
        ],
        rows: [
          ["G001", "Cashable", 500, 80, null, "2008-09", 0.8, 39600],
          ["G002", "Non-cashable", 120.5, 0, null, "2009-10", 1, null],
        ],
        inputRows: 10,
      },
    },
    {
      name: "Settings",
      table: {
        name: "tblSettings",
        columns: [{ header: "Key" }, { header: "Value" }],
        rows: [
          ["Target rate", 0.03],
          ["Reporting date", "2009-12-31"],
        ],
        cellFormats: [{ row: 0, column: "Value", numFmt: "0.0%" }],
      },
    },
    {
      name: "Milestones",
      table: {
        name: "tblMilestones",
        columns: [{ header: "ID" }, { header: "Milestone" }, { header: "Due", numFmt: "dd/mm/yyyy" }],
        rows: [],
      },
    },
  ],
};

const EXISTING: MockWorkbookSpec = { sheets: [{ name: "Sheet1", cells: [["my own work"]] }] };

describe("insertTemplate", () => {
  test("creates every sheet and table in one final sync after one check of the names", async () => {
    const excel = createMockWorkbook(EXISTING);
    const result = await excel.run((context) => insertTemplate(context, SPEC));
    expect(result).toEqual({ ok: true, created: ["Instructions", "Gains", "Settings", "Milestones"] });
    expect(excel.syncCount).toBe(2);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1", "Instructions", "Gains", "Settings", "Milestones"]);
    expect(excel.tables.map((t) => [t.name, t.sheet.name])).toEqual([
      ["tblGains", "Gains"],
      ["tblSettings", "Settings"],
      ["tblMilestones", "Milestones"],
    ]);
    expect(excel.calls).toContain("activate Instructions");
    expect(excel.cell("Sheet1", "A1")).toEqual({ value: "my own work" }); // untouched
  });

  test("titles, lines and values stay exactly the text given", async () => {
    const excel = createMockWorkbook(EXISTING);
    await insertTemplate(excel.context, SPEC);
    expect(excel.cell("Instructions", "A1")?.value).toBe("How to use this workbook");
    expect(excel.cell("Instructions", "A2")).toEqual({ value: "Getting started" }); // lines start below the title
    const line = excel.cell("Instructions", "A3");
    expect(line).toMatchObject({ value: "- Enter each gain on the Gains sheet" });
    expect(line?.formula).toBeUndefined(); // Excel would read "- Enter" as a formula without the quote prefix
    expect(excel.cell("Instructions", "A4")).toMatchObject({ value: "2008-09 is the baseline year" });
    expect(excel.cell("Instructions", "A5")).toEqual({ value: "Keep evidence" }); // plain words need no prefix
    expect(excel.cell("Settings", "B3")).toMatchObject({ value: "2009-12-31" }); // not turned into a date
    expect(excel.cell("Settings", "B3")?.interpretedAsDate).toBeUndefined();
    expect(excel.cell("Settings", "B2")).toEqual({ value: 0.03, numFmt: "0.0%" }); // a per-cell format
    const bold = excel.writes.filter((w) => w.property === "bold" && w.target.startsWith("Instructions")).map((w) => w.target);
    expect(bold).toEqual(["Instructions!A1.format.font", "Instructions!A2.format.font"]); // title and heading line
    expect(excel.writes).toContainEqual({
      target: "Instructions!column A.format",
      property: "columnWidth",
      value: columnWidthInPoints(120),
    });
  });

  test("the table: layout, headers, rows, formats, formulas, lists, help and widths", async () => {
    const excel = createMockWorkbook(EXISTING);
    await insertTemplate(excel.context, SPEC);
    expect(excel.calls).toContain("add table Gains!A3:H5"); // title in A1, table from A3
    expect(excel.calls).toContain("add table Settings!A1:B3"); // no title: table from A1
    expect(excel.calls).toContain("add table Milestones!A1:C2"); // an empty table keeps one blank row
    expect(["A3", "B3", "C3", "D3", "E3", "F3", "G3", "H3"].map((a) => excel.cell("Gains", a)?.value)).toEqual([
      "ID",
      "Type",
      "Gross gain (£)",
      "Costs (£)",
      "Net gain (£)",
      "Year",
      "Deliverability",
      "Reviewed",
    ]);
    expect(excel.calls).toContain("freeze 3 rows of Gains");
    expect(excel.writes).toContainEqual({ target: "table tblGains", property: "style", value: "TableStyleMedium2" });
    expect(excel.cell("Gains", "A4")).toMatchObject({ value: "G001" });
    expect(excel.cell("Gains", "C4")).toEqual({ value: 500, numFmt: "£#,##0.00" });
    expect(excel.cell("Gains", "E4")).toMatchObject({ formula: "[@[Gross gain (£)]]-[@[Costs (£)]]", numFmt: "£#,##0.00" });
    expect(excel.cell("Gains", "E5")?.formula).toBe("[@[Gross gain (£)]]-[@[Costs (£)]]");
    expect(excel.cell("Gains", "F4")).toMatchObject({ value: "2008-09", numFmt: "@" });
    expect(excel.cell("Gains", "C13")).toMatchObject({ numFmt: "£#,##0.00" }); // input rows below the table get the format
    expect(excel.cell("Gains", "C14")).toBeUndefined(); // inputRows: 10
    expect(excel.cell("Milestones", "C2")).toMatchObject({ numFmt: "dd/mm/yyyy" });
    expect(excel.cell("Milestones", `C${1 + DEFAULT_INPUT_ROWS}`)).toMatchObject({ numFmt: "dd/mm/yyyy" });

    const rules = excel.writes.filter((w) => w.property === "rule").map((w) => [w.target, w.value]);
    expect(rules).toEqual([
      ["Gains!B4:B13.dataValidation", { list: { inCellDropDown: true, source: "Cashable,Non-cashable" } }],
      ["Gains!G4:G13.dataValidation", { decimal: { formula1: 0, formula2: 1, operator: "Between" } }],
      ["Gains!H4:H13.dataValidation", { date: { formula1: "1990-01-01", operator: "GreaterThan" } }],
    ]);
    expect(excel.writes).toContainEqual({
      target: "Gains!B4:B13.dataValidation",
      property: "errorAlert",
      value: { showAlert: true, style: "Stop", title: "Type", message: "Choose one of: Cashable, Non-cashable." },
    });
    const prompts = excel.writes.filter((w) => w.property === "prompt").map((w) => w.target);
    // On the header cell and on the cells typed into; a derived column's only on its rows.
    expect(prompts).toEqual([
      "Gains!A3.dataValidation",
      "Gains!A4:A13.dataValidation",
      "Gains!E3.dataValidation",
      "Gains!E4:E5.dataValidation",
    ]);
    expect(excel.writes.find((w) => w.property === "prompt")?.value).toEqual({
      showPrompt: true,
      title: "ID",
      message: "A unique reference for the gain, e.g. G001.",
    });
    const widths = excel.writes.filter((w) => w.property === "columnWidth" && w.target.startsWith("Gains")).map((w) => [w.target, w.value]);
    expect(widths).toEqual([
      ["Gains!column A.format", columnWidthInPoints(8)],
      ["Gains!column C.format", columnWidthInPoints(14)],
    ]);
    expect(excel.writes.filter((w) => w.property === "name").map((w) => w.value)).toEqual(["tblGains", "tblSettings", "tblMilestones"]);
  });

  test("refuses when a sheet name is taken (any case) and queues nothing at all", async () => {
    const excel = createMockWorkbook({ sheets: [{ name: "gains", cells: [["precious"]] }, { name: "SETTINGS" }] });
    const result = await insertTemplate(excel.context, SPEC);
    expect(result).toMatchObject({ ok: false, takenNames: ["gains", "SETTINGS"] });
    if (!result.ok) expect(result.reason).toContain('sheets called "gains" and "SETTINGS"');
    expect(excel.syncCount).toBe(1);
    expect(excel.writes).toEqual([]);
    expect(excel.calls).toEqual([]);
    expect(excel.sheets.map((s) => s.name)).toEqual(["gains", "SETTINGS"]);
    expect(excel.cell("gains", "A1")).toEqual({ value: "precious" });
  });

  test("refuses when a table name, or a defined name, is taken", async () => {
    const excel = createMockWorkbook({
      sheets: [{ name: "Data", cells: [["a"], [1]] }],
      tables: [{ name: "TBLGAINS", sheet: "Data", address: "A1:A2" }],
      names: [{ name: "tblSettings", formula: "=Data!$A$1" }],
    });
    const result = await insertTemplate(excel.context, SPEC);
    expect(result).toMatchObject({ ok: false, takenNames: ["TBLGAINS", "tblSettings"] });
    if (!result.ok) expect(result.reason).toContain('tables or names called "TBLGAINS" and "tblSettings"');
    expect(excel.writes).toEqual([]);
    expect(excel.calls).toEqual([]);
  });

  test("refuses a workbook whose structure is protected", async () => {
    const excel = createMockWorkbook({ ...EXISTING, structureProtected: true });
    const result = await insertTemplate(excel.context, SPEC);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("structure is protected") });
    expect(excel.calls).toEqual([]);
  });

  test("refuses a faulty description before asking Excel anything", async () => {
    const excel = createMockWorkbook(EXISTING);
    const twice: TemplateSpec = { sheets: [{ name: "Gains" }, { name: "GAINS" }] };
    expect(await insertTemplate(excel.context, twice)).toMatchObject({ ok: false, reason: expect.stringContaining("twice") });
    const comma: TemplateSpec = { sheets: [{ name: "X", table: { name: "tblX", columns: [{ header: "A", list: ["a,b"] }], rows: [] } }] };
    expect(await insertTemplate(excel.context, comma)).toMatchObject({ ok: false, reason: expect.stringContaining("comma") });
    const badName: TemplateSpec = { sheets: [{ name: "Bad/name" }] };
    expect(await insertTemplate(excel.context, badName)).toMatchObject({ ok: false, reason: expect.stringContaining("does not allow") });
    expect(excel.syncCount).toBe(0);
  });

  test("the product's own VfM workbook goes in whole, in two round trips, and reads back with all its tables", async () => {
    const excel = createMockWorkbook(EXISTING);
    const result = await insertTemplate(excel.context, VFM_TEMPLATE);
    expect(result).toEqual({ ok: true, created: VFM_TEMPLATE.sheets.map((s) => s.name) });
    expect(excel.syncCount).toBe(2);
    const tables = VFM_TEMPLATE.sheets.flatMap((s) => (s.table ? [s.table.name] : []));
    expect(excel.tables.map((t) => t.name)).toEqual(tables);
    for (const cell of [...excel.sheets.flatMap((s) => [...s.writtenCells().values()])]) {
      expect(cell?.interpretedAsDate).toBeUndefined(); // no label became a date
      expect(cell?.error).toBeUndefined();
      if (cell?.formula !== undefined) expect(cell.formula).toMatch(/\[@?\[?/); // only the derived columns' structured references
    }
  });

  test("an Excel failure becomes a reason", async () => {
    const excel = createMockWorkbook(EXISTING);
    excel.beforeSync = (n) => {
      if (n === 2) throw new Error("This operation is not permitted in the current mode");
    };
    const result = await insertTemplate(excel.context, SPEC);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("not permitted"), takenNames: [] });
  });
});

describe("templateSheetLayout", () => {
  test("title in A1, lines below it, a blank row, then the table (as the .xlsx writer)", () => {
    expect(templateSheetLayout({ name: "a", title: "T" })).toEqual({ titleRow: 0, firstLineRow: 1, tableRow: 2 });
    expect(templateSheetLayout({ name: "a" })).toEqual({ titleRow: null, firstLineRow: 0, tableRow: 0 });
    expect(templateSheetLayout({ name: "a", title: "T", lines: ["x", "y"] })).toEqual({ titleRow: 0, firstLineRow: 1, tableRow: 4 });
    expect(templateSheetLayout({ name: "a", lines: ["x"] })).toEqual({ titleRow: null, firstLineRow: 0, tableRow: 2 });
  });
});
