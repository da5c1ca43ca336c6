import { analyse, discoverTables, normaliseTableName, validateWorkbook } from "../../../src/core/validate";
import type { WorkbookModel } from "../../../src/core/workbook/model";
import { buildModel, date, f, sheet, tableOver } from "../../support/model-builder";
import { clean, plain } from "./fixtures";

const GAIN_HEADERS = ["ID", "Initiative", "Type", "Gross gain", "Costs", "Net gain", "Deliverability", "Risk-adjusted gain"];
const gainRow = (id: string, gross: number, costs: number, d: number, r: number) => [
  id,
  `Initiative ${id}`,
  "Cashable",
  gross,
  costs,
  f(`D${r}-E${r}`, gross - costs),
  d,
  f(`VFM.NETGAIN(D${r},E${r},G${r})`, gross * d - costs),
];

function only(model: WorkbookModel) {
  return analyse(model, { file: "t.xlsx", today: "2009-12-31" });
}

describe("table discovery", () => {
  it("finds a header row below a title and blank rows", () => {
    const model = buildModel({
      sheets: [
        sheet("Gains", [
          ["Register of efficiency gains 2008-11"],
          [],
          ["Prepared by the finance team"],
          GAIN_HEADERS,
          gainRow("G1", 500, 80, 0.8, 5),
        ]),
      ],
    });
    const gains = only(model).tables.get("gains")!;
    expect(gains.source).toBe("sheet");
    expect(gains.headerRow).toBe(3);
    expect(gains.rows).toEqual([4]);
    expect(gains.columns.get("net")).toBe(5);
    const report = validateWorkbook(model, { file: "t.xlsx", today: "2009-12-31" });
    const net = report.findings.filter((x) => x.rule === "iii.net-recomputes");
    expect(net).toEqual([]);
  });

  it("reports a finding at the right cell below a title", () => {
    const row = gainRow("G1", 500, 80, 0.8, 5);
    row[5] = f("D5-E5+30", 450);
    const model = buildModel({ sheets: [sheet("Gains", [["Register"], [], [], GAIN_HEADERS, row])] });
    const report = validateWorkbook(model, { file: "t.xlsx", today: "2009-12-31" });
    expect(report.findings.filter((x) => x.rule === "iii.net-recomputes")).toEqual([
      {
        principle: "iii",
        rule: "iii.net-recomputes",
        severity: "error",
        sheet: "Gains",
        cell: "F5",
        message: "Net gain £450 does not equal gross £500 - costs £80 (£420).",
        messageId: "differs",
        data: { net: "£450", gross: "£500", costs: "£80", expected: "£420" },
      },
    ]);
  });

  it("skips spare table rows that hold only the derived columns' formulas (a fresh template)", () => {
    const spare = ["", "", "", null, null, f("D3-E3", 0), null, f("D3*G3-E3", 0)];
    const model = buildModel({ sheets: [sheet("Gains", [GAIN_HEADERS, gainRow("G1", 500, 80, 0.8, 2), spare])] });
    expect(only(model).tables.get("gains")!.rows).toEqual([1]);
    const typedButZero = ["G2", "Initiative G2", "Cashable", 0, 0, f("D3-E3", 0), 1, f("D3*G3-E3", 0)];
    const withZeroGain = buildModel({ sheets: [sheet("Gains", [GAIN_HEADERS, gainRow("G1", 500, 80, 0.8, 2), typedButZero])] });
    expect(only(withZeroGain).tables.get("gains")!.rows).toEqual([1, 2]);
  });

  it("checks plain sheets without Excel tables like tables", () => {
    const report = validateWorkbook(plain(), { file: "t.xlsx" });
    expect(report.summary.errors).toBe(0);
    expect(report.summary.warnings).toBe(0);
  });

  it("finds an Excel table named tblGains on a sheet with another name, and stops at its end", () => {
    const data = sheet("Data", [GAIN_HEADERS, gainRow("G1", 500, 80, 0.8, 2), ["Notes below the table"], ["x", "y", "z"]]);
    const table = { ...tableOver(data, "tblGains"), ref: "A1:H2" };
    const gains = only(buildModel({ sheets: [data], tables: [table] })).tables.get("gains")!;
    expect(gains.source).toBe("table");
    expect(gains.sheet.name).toBe("Data");
    expect(gains.rows).toEqual([1]);
  });

  it("prefers an Excel table over a sheet named Gains", () => {
    const decoy = sheet("Gains", [["Nothing here"]]);
    const data = sheet("Data", [GAIN_HEADERS, gainRow("G1", 500, 80, 0.8, 2)]);
    const found = only(buildModel({ sheets: [decoy, data], tables: [tableOver(data, "TBL_GAINS")] })).tables.get("gains")!;
    expect(found.sheet.name).toBe("Data");
  });

  it("finds a defined name", () => {
    const data = sheet("My data", [GAIN_HEADERS, gainRow("G1", 500, 80, 0.8, 6), gainRow("G2", 300, 0, 1, 7)], { at: "B5" });
    const model = buildModel({ sheets: [data], names: [{ name: "Gains", formula: "'My data'!$B$5:$I$7" }] });
    const gains = only(model).tables.get("gains")!;
    expect(gains.source).toBe("name");
    expect(gains.headerRow).toBe(4);
    expect(gains.rows).toEqual([5, 6]);
    expect(gains.columns.get("id")).toBe(1);
  });

  it("matches synonyms, case, punctuation and units in brackets", () => {
    const headers = ["REF", "Name", "Cashable / Non-cashable", "Saving (£)", "Implementation cost", "Net", "Confidence %", "Weighted gain"];
    const model = buildModel({ sheets: [sheet("Efficiencies", [headers, gainRow("G1", 500, 80, 0.8, 2)])] });
    const gains = only(model).tables.get("gains")!;
    expect([...gains.columns.keys()].sort()).toEqual(
      ["costs", "deliverability", "gross", "id", "initiative", "net", "riskAdjusted", "type"].sort(),
    );
  });

  it("reads £k and £m headers and converts amounts to the register's unit", () => {
    const headers = ["ID", "Type", "Gross gain (£k)", "Costs (£k)", "Net gain (£k)", "Deliverability", "Risk-adjusted gain (£k)"];
    const model = buildModel({
      sheets: [
        sheet("Settings", [
          ["Key", "Value"],
          ["Baseline year", "2007-08"],
          ["Target rate", 0.03],
        ]),
        sheet("Baseline", [
          ["Line", "Amount (£m)"],
          ["Force budget", 15.246],
        ]),
        sheet("Gains", [headers, ["G1", "Cashable", 500, 80, 420, 0.8, 320]]),
      ],
    });
    const data = only(model).data;
    expect(data.unit).toBe("£k");
    expect(data.baselineTotal).toBe(15246);
    expect(data.target!.value).toBeCloseTo(1413.715842, 6);
    expect(data.target!.riskAdjustedCashable).toBe(320);
    const report = validateWorkbook(model, { file: "t.xlsx", today: "2009-12-31" });
    expect(report.findings.find((x) => x.rule === "method.mixed-units")).toEqual(
      expect.objectContaining({ sheet: "Baseline", cell: "B1", message: expect.stringContaining("is in £m but the register is in £k") }),
    );
  });

  it("reads £bn headers: a departmental baseline in £bn against a register in £m", () => {
    const headers = ["ID", "Type", "Gross gain (£m)", "Costs (£m)", "Net gain (£m)", "Deliverability", "Risk-adjusted gain (£m)"];
    const model = buildModel({
      sheets: [
        sheet("Settings", [
          ["Key", "Value"],
          ["Baseline year", "2007-08"],
          ["Target rate", 0.03],
        ]),
        sheet("Baseline", [
          ["Line", "Amount (£ billion)"],
          ["Home Office group", 15.246],
        ]),
        sheet("Gains", [headers, ["G1", "Cashable", 500, 80, 420, 0.8, 320]]),
      ],
    });
    const data = only(model).data;
    expect(data.unit).toBe("£m");
    expect(data.baselineTotal).toBe(15246);
    expect(data.target!.value).toBeCloseTo(1413.715842, 6);
    const bnRegister = buildModel({
      sheets: [
        sheet("Gains", [
          ["ID", "Gross gain £bn", "Costs (£bn)"],
          ["G1", 1.2, 0.1],
        ]),
      ],
    });
    expect(only(bnRegister).data.unit).toBe("£bn");
  });

  it("reads profile years written 2008/09, FY2009-10, 2010-2011 and a bare 2011", () => {
    const model = buildModel({
      sheets: [
        sheet("Phasing", [
          ["ID", "2008/09", "FY2009-10", "2010-2011 (£)", 2011],
          ["G1", -80, 200, 420, 420],
        ]),
      ],
    });
    const profile = only(model).tables.get("profile")!;
    expect([...profile.yearColumns]).toEqual([
      [2008, 1],
      [2009, 2],
      [2010, 3],
      [2011, 4],
    ]);
  });

  it("reads profile years that Excel turned into dates (2008-09 typed in a cell becomes 1 Sep 2008)", () => {
    const model = buildModel({
      sheets: [
        sheet("Profile", [
          ["ID", date("2008-09-01"), date("2009-10-01"), date("2010-11-01"), "2011-12", 39692],
          ["G1", -80, 200, 420, 420, 1],
        ]),
      ],
    });
    expect([...only(model).tables.get("profile")!.yearColumns]).toEqual([
      [2008, 1],
      [2009, 2],
      [2010, 3],
      [2011, 4],
    ]);
  });

  it("passes over a defined name that holds no table (a one-cell Baseline total) and finds the sheet", () => {
    const model = buildModel({
      sheets: [
        sheet("Baseline", [
          ["Line", "Amount"],
          ["Police pay", 1000],
          ["Custody", 200],
        ]),
        sheet("Summary", [["Baseline total", 1200]]),
      ],
      names: [{ name: "Baseline", formula: "Summary!$B$1" }],
    });
    const baseline = only(model).tables.get("baseline")!;
    expect({ source: baseline.source, sheet: baseline.sheet.name, rows: baseline.rows }).toEqual({
      source: "sheet",
      sheet: "Baseline",
      rows: [1, 2],
    });
  });

  it("keeps a defined name without recognised headers when nothing else is found, so the missing columns are reported", () => {
    const model = buildModel({
      sheets: [
        sheet("Data", [
          ["Cost centre", "Budget"],
          ["CC1", 100],
        ]),
      ],
      names: [{ name: "Gains", formula: "Data!$A$1:$B$2" }],
    });
    const gains = only(model).tables.get("gains")!;
    expect(gains.source).toBe("name");
  });

  it("treats __proto__, constructor and toString as ordinary names", () => {
    const model = buildModel({
      sheets: [
        sheet("__proto__", [
          ["__proto__", "constructor"],
          ["toString", "valueOf"],
        ]),
        sheet("Gains", [
          [...GAIN_HEADERS, "__proto__", "constructor"],
          [...gainRow("__proto__", 500, 80, 0.8, 2), "hasOwnProperty", "prototype"],
        ]),
      ],
      names: [{ name: "constructor", formula: "__proto__!$A$1:$B$2" }],
    });
    const report = validateWorkbook(model, { file: "proto.xlsx", today: "2009-12-31" });
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(only(model).data.gains[0].id).toBe("__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("skips blank rows and treats labelled total rows as totals", () => {
    const model = buildModel({
      sheets: [
        sheet("Gains", [
          GAIN_HEADERS,
          gainRow("G1", 500, 80, 0.8, 2),
          [],
          [null, null],
          gainRow("G2", 100, 0, 1, 5),
          ["Totals", null, null, 600, 80, 520, null, 420],
        ]),
      ],
    });
    const gains = only(model).tables.get("gains")!;
    expect(gains.rows).toEqual([1, 4]);
    expect(gains.totalRows).toEqual([5]);
  });

  it("finds every table of the clean register by its Excel table", () => {
    const tables = discoverTables(clean());
    expect([...tables.keys()].sort()).toEqual(
      ["baseline", "comparatives", "gains", "milestones", "profile", "publication", "quarterly", "reinvestment", "settings"].sort(),
    );
    for (const t of tables.values()) expect(t.source).toBe("table");
  });

  it("normalises table names", () => {
    expect(normaliseTableName("tblGains")).toBe("gains");
    expect(normaliseTableName("TBL_Quarterly_Report")).toBe("quarterlyreport");
    expect(normaliseTableName("tbl")).toBe("tbl");
  });
});

describe("workbooks that are not VfM registers", () => {
  it("an empty model gives findings, not a crash", () => {
    const report = validateWorkbook({ sheets: [], tables: [], names: [], date1904: false }, { file: "empty.xlsx", today: "2009-12-31" });
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(report.findings.every((x) => x.sheet === null && x.cell === null)).toBe(true);
    expect(report.findings.map((x) => x.rule)).toEqual(
      expect.arrayContaining(["i.baseline-present", "ii.register-present", "vii.measures-present", "ix.publication-record"]),
    );
    expect(report.summary.target).toBeNull();
  });

  it("a workbook without VfM tables gives findings, not a crash", () => {
    const model = buildModel({
      sheets: [
        sheet("Budget", [
          ["Cost centre", "2009-10", "2010-11"],
          ["CC1", 100, 200],
          [null, "#N/A"],
        ]),
        sheet("Sheet2", []),
      ],
    });
    const report = validateWorkbook(model, { file: "budget.xlsx", today: "2009-12-31" });
    expect(report.summary.principles.i).toBe("fail");
    expect(report.findings.some((x) => x.rule === "method.internal-error")).toBe(false);
  });
});
