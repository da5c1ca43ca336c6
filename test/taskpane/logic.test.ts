import { buildCellPreview, cellText } from "../../src/taskpane/cell-preview";
import { parseRagMapping, parseSettingsForm, settingsToForm } from "../../src/taskpane/settings-form";
import { ruleDocUrl } from "../../src/taskpane/rule-docs";
import { formatCompactMoney, formatMoney, formatPercent } from "../../src/taskpane/format";
import type { Cell, WorkbookModel } from "../../src/core/workbook/model";

function grid(rows: Array<Array<Cell["value"]>>): WorkbookModel {
  return {
    sheets: [{ name: "Gains", visibility: "visible", rows: rows.map((row) => row.map((value) => ({ value }))) }],
    tables: [],
    names: [],
    date1904: false,
  };
}

describe("the cell view around a finding", () => {
  const model = grid(Array.from({ length: 12 }, (_, r) => Array.from({ length: 12 }, (_, c) => `${r + 1}:${c + 1}`)));

  test("shows two rows and columns either side, the cell highlighted", () => {
    const preview = buildCellPreview(model, "gains", "E6");
    expect(preview.sheet).toBe("Gains");
    expect(preview.columns).toEqual(["C", "D", "E", "F", "G"]);
    expect(preview.rows).toEqual([4, 5, 6, 7, 8]);
    expect(preview.values[2][2]).toBe("6:5");
    expect(preview.highlighted.flat().filter(Boolean)).toHaveLength(1);
    expect(preview.highlighted[2][2]).toBe(true);
    expect(preview.note).toBeUndefined();
  });

  test("stops at the sheet's top-left edge", () => {
    const preview = buildCellPreview(model, "Gains", "A1");
    expect(preview.columns).toEqual(["A", "B", "C"]);
    expect(preview.rows).toEqual([1, 2, 3]);
    expect(preview.highlighted[0][0]).toBe(true);
  });

  test("shows the corner of a large range and says so", () => {
    const preview = buildCellPreview(model, "Gains", "A1:T40");
    expect(preview.columns.length).toBeLessThanOrEqual(6);
    expect(preview.rows.length).toBeLessThanOrEqual(9);
    expect(preview.highlighted.flat().every(Boolean)).toBe(true);
    expect(preview.note).toMatch(/top-left corner of A1:T40/);
  });

  test("explains a missing sheet or an address it cannot read", () => {
    expect(buildCellPreview(model, "Profile", "A1").note).toBe('The workbook has no sheet called "Profile".');
    expect(buildCellPreview(model, "Gains", "Total").note).toMatch(/not a cell address/);
  });

  test("writes dates, errors and booleans as Excel shows them", () => {
    expect(cellText({ value: 40178, numFmt: "dd/mm/yyyy" }, false)).toBe("31/12/2009");
    expect(cellText({ value: 1413.715842, numFmt: "#,##0.00" }, false)).toBe("1,413.715842");
    expect(cellText({ value: null, error: "#REF!" }, false)).toBe("#REF!");
    expect(cellText({ value: true }, false)).toBe("TRUE");
    expect(cellText({ value: "x".repeat(40) }, false)).toHaveLength(24);
  });
});

describe("the settings form", () => {
  test("reads each field and leaves blank ones to the workbook", () => {
    const parsed = parseSettingsForm({
      reportingDate: "2009-12-31",
      tolerance: "0.005",
      ragMapping: "Green 1, Amber 50%, Red 0",
      minimumCashableShare: "",
    });
    expect(parsed).toEqual({
      ok: true,
      choice: {
        reportingDate: "2009-12-31",
        tolerance: 0.005,
        ragMapping: [
          ["green", 1],
          ["amber", 0.5],
          ["red", 0],
        ],
      },
    });
  });

  test("refuses what it cannot read, saying how to write it", () => {
    const parsed = parseSettingsForm({ reportingDate: "2009-02-30", tolerance: "-1", ragMapping: "Green 2", minimumCashableShare: "150" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(["minimumCashableShare", "ragMapping", "reportingDate", "tolerance"]);
    expect(parsed.errors.ragMapping).toMatch(/Green 1, Amber 0.5, Red 0/);
  });

  test("round-trips the workbook's settings", () => {
    const settings = {
      reportingDate: "2010-03-31",
      tolerance: 0.01,
      ragMapping: [
        ["green", 0.9],
        ["amber", 0.5],
        ["red", 0],
      ] as Array<[string, number]>,
      minimumCashableShare: 0.5,
    };
    const form = settingsToForm(settings);
    expect(form).toEqual({
      reportingDate: "2010-03-31",
      tolerance: "0.01",
      ragMapping: "Green 0.9, Amber 0.5, Red 0",
      minimumCashableShare: "50",
    });
    expect(parseSettingsForm(form)).toEqual({ ok: true, choice: settings });
    expect(parseRagMapping("Green=1; Amber=0.5")).toEqual([
      ["green", 1],
      ["amber", 0.5],
    ]);
  });
});

describe("links and figures", () => {
  test("a rule's documentation is a same-origin page next to the app, rendered to HTML at build time", () => {
    expect(ruleDocUrl("docs/rules/iii.net-recomputes.md")).toBe("./docs/rules/iii.net-recomputes.html");
    expect(ruleDocUrl("iv.profile-present")).toBe("./docs/rules/iv.profile-present.html");
  });

  test("money and percentages read as a UK finance team writes them", () => {
    expect(formatMoney(1413.715842, "£m")).toBe("£1,413.72m");
    expect(formatMoney(-250, "£")).toBe("-£250");
    expect(formatMoney(6450, null)).toBe("6,450");
    expect(formatPercent(0.7798)).toBe("78%");
    expect(formatMoney(6.45, "£bn")).toBe("£6.45bn");
  });

  test("chart axis labels are short, in pounds whatever the register's unit", () => {
    expect(formatCompactMoney(38_203_524, "£")).toBe("£38.2m");
    expect(formatCompactMoney(950, "£k")).toBe("£950k");
    expect(formatCompactMoney(1413.72, "£m")).toBe("£1.4bn");
    expect(formatCompactMoney(6.45, "£bn")).toBe("£6.5bn");
    expect(formatCompactMoney(-250, null)).toBe("-£250");
  });
});
