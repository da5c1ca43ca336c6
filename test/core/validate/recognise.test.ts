/**
 * Recognition by content: the shapes real workbooks from forces and councils have (issue #9), each in
 * a small model: their own sheet names, title blocks, two- and three-row headers with merged group
 * cells, years and units inside header text, financial-year-end dates as year headers, per-year
 * columns inline in the register, several blocks on one sheet, summary and pivot blocks, hidden sheets.
 */
import { analyse, validateWorkbook } from "../../../src/core/validate";
import { parseHeaderText } from "../../../src/core/validate/recognise/headers";
import { recogniseWorkbook } from "../../../src/core/validate/recognise";
import { convertUnit, headerUnit, normaliseLabel } from "../../../src/core/validate/text";
import { buildModel, date, sheet, type CellInput } from "../../support/model-builder";

const run = (model: ReturnType<typeof buildModel>) => analyse(model, { file: "t.xlsx", today: "2012-12-31" });

/** A force's savings plan: title block, a two-row header with merged groups over years, C/NC and RAG. */
function savingsPlan(options: { title?: CellInput[][]; sheetName?: string; hidden?: boolean } = {}) {
  const title = options.title ?? [["Northshire Police"], ["Savings Plan 2011-15"], ["All figures in £'000"], []];
  const rows: CellInput[][] = [
    ...title,
    ["Ref", "Description", "C/NC", "RAG", "Gross saving", null, null, "One-off costs", null, null, "Net saving", null, null],
    [null, null, null, null, "2011/12", "2012/13", "2013/14", "2011/12", "2012/13", "2013/14", "2011/12", "2012/13", "2013/14"],
    ["S1", "Shared custody", "C", "G", 100, 200, 300, 50, 0, 0, 50, 200, 300],
    ["S2", "Fleet review", "NC", "A", 40, 80, 80, 0, 0, 0, 40, 80, 80],
    ["Total", null, null, null, 140, 280, 380, 50, 0, 0, 90, 280, 380],
  ];
  return sheet(options.sheetName ?? "Savings Plan 2011-15", rows, options.hidden ? { visibility: "hidden" } : {});
}

describe("headers as people write them", () => {
  it.each([
    ["Saving 2012/13 £", { measure: "saving", year: 2012, unit: "£" }],
    ["Net 2013-14", { measure: "net", year: 2013, unit: null }],
    ["Budget 2010/11 £'000", { measure: "budget", year: 2010, unit: "£k" }],
    ["2010-11 (£)", { measure: "", year: 2010, unit: "£" }],
    ["FY 2012/13", { measure: "", year: 2012, unit: null }],
    ["31/03/2013", { measure: "", year: 2012, unit: null }],
    ["Gross saving (£'000) 2011-2012", { measure: "gross saving", year: 2011, unit: "£k" }],
    ["Price base", { measure: "price base", year: null, unit: null }],
    ["FY", { measure: "fy", year: null, unit: null }],
  ])("%s", (text, expected) => {
    expect(parseHeaderText(text)).toEqual(expected);
  });

  it("drops brackets in one pass, unbalanced ones included, and caps the text it matches", () => {
    expect(normaliseLabel("Gross gain (£m) [note 1]")).toBe("gross gain");
    expect(normaliseLabel("Costs ((((((((")).toBe("costs");
    expect(normaliseLabel("Net ) gain")).toBe("net gain");
    const hostile = "(".repeat(32_767);
    expect(normaliseLabel(hostile)).toBe("");
    expect(headerUnit(`Net gain ${"(".repeat(32_000)}`)).toBeNull();
    expect(normaliseLabel(`ID${" x".repeat(20_000)}`).length).toBeLessThanOrEqual(256);
  });
});

describe("recognition by content", () => {
  it("finds a register under a title block by its two-row header with merged group cells", () => {
    const a = run(buildModel({ sheets: [savingsPlan()] }));
    const gains = a.tables.get("gains")!;
    expect(gains.source).toBe("content");
    expect({ top: gains.headerTop, row: gains.headerRow, rows: gains.rows, totals: gains.totalRows }).toEqual({
      top: 4,
      row: 5,
      rows: [6, 7],
      totals: [8],
    });
    expect(gains.columns.get("id")).toBe(0);
    expect(gains.columns.get("type")).toBe(2);
    expect(gains.columns.get("deliverability")).toBe(3);
    expect([...gains.measureYears.get("gross")!]).toEqual([
      [2011, 4],
      [2012, 5],
      [2013, 6],
    ]);
    expect(gains.headerColumns.find((h) => h.col === 10)!.text).toBe("Net saving / 2011/12");
    expect(a.data.gains.map((g) => g.type)).toEqual(["cashable", "non-cashable"]);
  });

  it("takes the unit from the title block ('All figures in £'000'), and the Settings Unit wins over it", () => {
    const a = run(buildModel({ sheets: [savingsPlan()] }));
    expect(a.tables.get("gains")!.context.unit).toBe("£k");
    expect(a.data.unit).toBe("£k");
    const stated = run(
      buildModel({
        sheets: [
          savingsPlan(),
          sheet("Settings", [
            ["Key", "Value"],
            ["Unit", "£"],
          ]),
        ],
      }),
    );
    expect(stated.data.unit).toBe("£");
    const inMillions = run(buildModel({ sheets: [savingsPlan({ title: [["Efficiency programme (£m)"], []] })] }));
    expect(inMillions.data.unit).toBe("£m");
  });

  it("an inline profile: the register's per-year net columns are its profile, the target year's column its figure", () => {
    const model = buildModel({
      sheets: [
        savingsPlan(),
        sheet("Settings", [
          ["Key", "Value"],
          ["Baseline year", "2010-11"],
          ["Target years", 2],
        ]),
      ],
    });
    const a = run(model);
    const profile = a.tables.get("profile")!;
    expect(profile.source).toBe("inline");
    expect([...profile.yearColumns]).toEqual([
      [2011, 10],
      [2012, 11],
      [2013, 12],
    ]);
    // Target year 2012-13: the register's gross, costs and net are the 2012/13 columns.
    expect(a.data.settings.targetYear).toBe(2012);
    expect(a.data.gains.map((g) => [g.gross, g.costs, g.net])).toEqual([
      [200, 0, 200],
      [80, 0, 80],
    ]);
    const report = validateWorkbook(model, { file: "t.xlsx", today: "2012-12-31" });
    expect(report.findings.filter((f) => f.rule.startsWith("iv.profile"))).toEqual([]);
    expect(report.findings.filter((f) => f.rule === "iii.net-recomputes")).toEqual([]);
  });

  it("reads financial-year-end dates (31/03/2013) as year headers", () => {
    const model = buildModel({
      sheets: [
        sheet("Phasing", [
          ["Ref", date("2012-03-31"), date("2013-03-31"), date("2014-03-31")],
          ["S1", 50, 200, 300],
        ]),
      ],
    });
    const profile = run(model).tables.get("profile")!;
    expect([...profile.yearColumns.keys()]).toEqual([2011, 2012, 2013]);
  });

  it("finds several blocks on one sheet: a register, its total, a target block, a quarterly tracker and notes", () => {
    const rows: CellInput[][] = [
      ["Efficiency Programme 2012-13"],
      [],
      ["Ref", "Initiative", "Cash / non-cash", "Gross saving £", "Costs £", "Net saving £", "Responsible officer"],
      ["E1", "Estates rationalisation", "Cashable", 500, 100, 400, "Head of estates"],
      ["E2", "Procurement", "Non-cashable", 300, 0, 300, "Head of finance"],
      ["Total", null, null, 800, 100, 700],
      [],
      ["Target", 650],
      [],
      [],
      [],
      ["Quarterly tracker"],
      ["Qtr", "Plan to date", "Achieved to date"],
      ["Q1 2012-13", 150, 120],
      ["Q2 2012-13", 300, 280],
      [],
      ["Note: figures are cumulative from 1 April 2012 and exclude one-off grant income."],
    ];
    const a = run(buildModel({ sheets: [sheet("Board monitoring", rows)] }));
    const gains = a.tables.get("gains")!;
    expect({ rows: gains.rows, totals: gains.totalRows, owner: gains.columns.get("owner") }).toEqual({
      rows: [3, 4],
      totals: [5],
      owner: 6,
    });
    const quarterly = a.tables.get("quarterly")!;
    expect({ sheet: quarterly.sheet.name, header: quarterly.headerRow, rows: quarterly.rows }).toEqual({
      sheet: "Board monitoring",
      header: 12,
      rows: [13, 14],
    });
    expect(a.data.quarterly.map((q) => [q.label, q.trajectory, q.actual])).toEqual([
      ["Q1 2012-13", 150, 120],
      ["Q2 2012-13", 300, 280],
    ]);
  });

  it("does not take an AES-style summary by service, or a pivot pasted as values, for the register", () => {
    const model = buildModel({
      sheets: [
        sheet("AES summary", [
          ["Annual efficiency statement"],
          ["Service", "Cashable", "Non-cashable", "Total"],
          ["Adult social care", 120, 30, 150],
          ["Children's services", "n/a", 20, 20],
          ["Total", 120, 50, 170],
        ]),
        sheet("Pivot", [
          ["Row Labels", "Sum of Gross saving", "Sum of Net saving"],
          ["Estates", 500, 400],
          ["Grand Total", 500, 400],
        ]),
      ],
    });
    const r = recogniseWorkbook(model);
    expect(r.tables.has("gains")).toBe(false);
    const report = validateWorkbook(model, { file: "t.xlsx", today: "2012-12-31" });
    expect(report.findings.filter((f) => f.rule === "ii.register-present")).toHaveLength(1);
  });

  it("looks at hidden sheets too, and says so", () => {
    const r = recogniseWorkbook(
      buildModel({ sheets: [sheet("Cover", [["Northshire Police"]]), savingsPlan({ sheetName: "Data", hidden: true })] }),
    );
    const gains = r.tables.get("gains")!;
    expect({ sheet: gains.sheet.name, hidden: gains.hidden }).toEqual({ sheet: "Data", hidden: true });
    expect(r.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Cover", "visible"],
      ["Data", "hidden"],
    ]);
  });

  it("reads a council action plan: Action, Responsible officer, Due by, Progress", () => {
    const model = buildModel({
      sheets: [
        sheet("VfM action plan", [
          ["Value for money action plan 2010-11"],
          ["Ref", "Action", "Responsible officer", "Due by", "Progress"],
          ["A1", "Review of leisure contract", "Head of leisure", date("2011-03-31"), "On track"],
        ]),
      ],
    });
    const milestones = run(model).tables.get("milestones")!;
    expect([...milestones.columns.entries()].sort()).toEqual(
      [
        ["due", 3],
        ["id", 0],
        ["milestone", 1],
        ["status", 4],
      ].sort(),
    );
  });

  it("reads the baseline year from a header such as 'Budget 2010/11 £'000'", () => {
    const model = buildModel({
      sheets: [
        sheet("Revenue budget 2010-11", [
          ["Service", "Budget 2010/11 £'000"],
          ["Policing", 12_000],
          ["Support", 3_000],
        ]),
      ],
    });
    const a = run(model);
    expect(a.tables.get("baseline")!.columns.get("amount")).toBe(1);
    expect(a.data.settings.baselineYear).toBe(2010);
    // In £k by its header; the total is in the register's unit (£ without a register).
    expect(a.data.baselineTotal).toBe(15_000_000);
  });
});

describe("the workbook's own codes", () => {
  const register = (extra: CellInput[][] = [], settings?: CellInput[][]) =>
    buildModel({
      sheets: [
        sheet("Efficiency plan", [
          ["Ref", "Initiative", "C/NC", "Gross £", "Costs £", "Net £", "G/A/R", "Risk adjusted £"],
          ["E1", "Estates", "C", 1000, 0, 1000, "G", 1000],
          ["E2", "Fleet", "NC", 400, 0, 400, "A", 200],
          ["E3", "Custody", "C", 800, 0, 800, "R", 200],
          [],
          [],
          [],
          ...extra,
        ]),
        ...(settings ? [sheet("Settings", settings)] : []),
      ],
    });
  const key: CellInput[][] = [["RAG weighting"], ["G", 1], ["A", 0.5], ["R", 0.25]];

  it("reads C/NC codes as Cashable and Non-cashable", () => {
    expect(run(register()).data.gains.map((g) => g.type)).toEqual(["cashable", "non-cashable", "cashable"]);
  });

  it("reads G/A/R letters through the RAG mapping instead of flagging every G", () => {
    const report = validateWorkbook(register(), { file: "t.xlsx", today: "2012-12-31" });
    expect(report.findings.filter((f) => f.rule === "viii.deliverability-present")).toEqual([]);
    expect(run(register()).data.gains.map((g) => g.deliverability)).toEqual([1, 0.5, 0]);
  });

  it("uses the workbook's own RAG weighting key (G 100%, A 50%, R 25%) for its risk-adjusted checks", () => {
    const a = run(register(key));
    expect(a.ragKey).toEqual(expect.objectContaining({ sheet: "Efficiency plan", cell: "A9:B11", text: "G 100%, A 50%, R 25%" }));
    expect(a.data.gains.map((g) => g.deliverability)).toEqual([1, 0.5, 0.25]);
    const report = validateWorkbook(register(key), { file: "t.xlsx", today: "2012-12-31" });
    expect(report.findings.filter((f) => f.rule === "viii.risk-adjusted-recomputes")).toEqual([]);
    // Without the key, E3's 200 is not Red x 800 under the default mapping (Red = 0).
    const without = validateWorkbook(register(), { file: "t.xlsx", today: "2012-12-31" });
    expect(without.findings.filter((f) => f.rule === "viii.risk-adjusted-recomputes").map((f) => f.cell)).toEqual(["H4"]);
  });

  it("reads a key written in one cell, and a RAG mapping in Settings wins over the workbook's key", () => {
    expect(run(register([["G 100%, A 50%, R 25%"]])).ragKey).toEqual(expect.objectContaining({ cell: "A8" }));
    // A label before a colon names the key ("Weighting: G 100%, A 60%, R 20%"); a sentence is not a key.
    expect(run(register([["Key: G 100%, A 50%, R 25%"]])).ragKey).toEqual(expect.objectContaining({ cell: "A8" }));
    expect(run(register([["Note: G means on track, A 50%"]])).ragKey).toBeNull();
    const stated = run(
      register(key, [
        ["Key", "Value"],
        ["RAG mapping", "Green=1; Amber=0.5; Red=0"],
      ]),
    );
    expect(stated.ragKey).toBeNull();
    expect(stated.data.gains.map((g) => g.deliverability)).toEqual([1, 0.5, 0]);
  });
});

describe("corrections kept in the workbook's Settings table", () => {
  const decoy = sheet("Notes", [
    ["Ref", "Initiative", "Gross saving", "Net saving"],
    ["X1", "Old plan", 1, 1],
  ]);
  const real = sheet("Savings Plan", [
    ["Savings plan"],
    ["Code", "Scheme name", "Kind of saving", "Gross saving", "Net saving"],
    ["S1", "Custody", "Cashable", 100, 100],
    ["S2", "Fleet", "Non-cashable", 50, 50],
  ]);

  it("'Table Gains' = a range, and 'Column Gains.Type' = the header as written, are used", () => {
    const settings = sheet("Settings", [
      ["Key", "Value"],
      ["Table Gains", "'Savings Plan'!A2:E4"],
      ["Column Gains.Type", "Kind of saving"],
      ["Column ID", "Code"],
    ]);
    const a = run(buildModel({ sheets: [decoy, real, settings] }));
    const gains = a.tables.get("gains")!;
    expect({ source: gains.source, sheet: gains.sheet.name, how: gains.how }).toEqual({
      source: "correction",
      sheet: "Savings Plan",
      how: "the correction in Settings!B2",
    });
    expect(gains.columns.get("type")).toBe(2);
    expect(gains.columns.get("id")).toBe(0);
    expect(a.data.gains.map((g) => [g.id, g.type])).toEqual([
      ["S1", "cashable"],
      ["S2", "non-cashable"],
    ]);
  });

  it("reads the one-cell form 'Gains = 'Savings Plan'!A2:E4' and 'Table Milestones = none'", () => {
    const settings = sheet("Settings", [["Key", "Value"], ["Gains = 'Savings Plan'!A2:E4"], ["Table Milestones", "none"]]);
    const a = run(buildModel({ sheets: [decoy, real, settings] }));
    expect(a.tables.get("gains")!.sheet.name).toBe("Savings Plan");
    expect(a.recognition.declaredAbsent.has("milestones")).toBe(true);
  });

  it("reports a correction it cannot use, at its cell", () => {
    const settings = sheet("Settings", [
      ["Key", "Value"],
      ["Table Gains", "'No such sheet'!A1:B2"],
      ["Column Gains.Colour", "Hue"],
    ]);
    const report = validateWorkbook(buildModel({ sheets: [real, settings] }), { file: "t.xlsx", today: "2012-12-31" });
    const problems = report.findings.filter((f) => f.sheet === "Settings").map((f) => [f.cell, f.message]);
    expect(problems).toEqual([
      ["B2", expect.stringContaining("is not a range on a sheet of this workbook")],
      ["B3", expect.stringContaining("names no column the check knows")],
    ]);
  });
});

describe("records inline and across blocks", () => {
  it("a three-row header: a band over merged groups over year sub-headers", () => {
    const model = buildModel({
      sheets: [
        sheet("Plan", [
          ["Ref", "Savings proposal", "C/NC", "Savings profile (£'000)", null, null, null, "G/A/R"],
          [null, null, null, "Gross saving", null, "Net saving", null, null],
          [null, null, null, "2011/12", "2012/13", "2011/12", "2012/13", null],
          ["W1", "Control room", "C", 100, 200, 50, 200, "G"],
        ]),
      ],
    });
    const gains = run(model).tables.get("gains")!;
    expect([...gains.measureYears.get("net")!]).toEqual([
      [2011, 5],
      [2012, 6],
    ]);
    expect(gains.units.get("gross")).toBe("£k");
    expect(gains.columns.get("deliverability")).toBe(7);
  });

  it("an action plan with due dates is its own milestone record; Qtr beside Period is one quarter", () => {
    const model = buildModel({
      sheets: [
        sheet("Action plan", [
          ["No.", "Action", "Cash / non-cash", "Due by", "Progress", "Savings 2014/15 (£)"],
          [1, "Re-tender waste contract", "Cash", date("2013-03-31"), "On track", 310000],
        ]),
        sheet("Monitoring", [
          ["Qtr", "Period", "Plan", "Actual"],
          ["Q1", "2012/13", 45000, 41500],
        ]),
      ],
    });
    const a = run(model);
    const milestones = a.tables.get("milestones")!;
    expect({ source: milestones.source, due: milestones.columns.get("due"), milestone: milestones.columns.get("milestone") }).toEqual({
      source: "inline",
      due: 3,
      milestone: 1,
    });
    expect(a.data.quarterly.map((q) => q.label)).toEqual(["Q1 2012-13"]);
  });

  it("the register's column headed like the baseline's lines names each gain's baseline line; a lone unit heads an amount", () => {
    const model = buildModel({
      sheets: [
        sheet("Budget", [
          ["Subjective heading", "Budget 2010/11 £'000"],
          ["Premises", 7960],
        ]),
        sheet("Plan", [
          ["Ref", "Savings proposal", "Subjective heading", "Gross saving", "Net saving"],
          ["W1", "Estates", "Premises", 100, 100],
          [],
          [],
          [],
          ["Reinvested in", "Plan", null, null, null, "£'000"],
          ["Neighbourhood teams", "Policing Plan", null, null, null, 100],
        ]),
      ],
    });
    const a = run(model);
    expect(a.tables.get("gains")!.columns.get("baselineLine")).toBe(2);
    const reinvestment = a.tables.get("reinvestment")!;
    expect({ amount: reinvestment.columns.get("amount"), unit: reinvestment.units.get("amount") }).toEqual({ amount: 5, unit: "£k" });
  });
});

describe("units converted exactly (#13)", () => {
  it("2.01 £m compares exactly with 2,010 £k", () => {
    expect(convertUnit(2.01, "£m", "£k")).toBe(2010);
    expect(2.01 * 1000).not.toBe(2010);
    const model = buildModel({
      sheets: [
        sheet("Baseline", [
          ["Line", "Amount (£m)"],
          ["Force budget", 2.01],
        ]),
        sheet("Gains", [
          ["ID", "Type", "Gross gain (£k)", "Costs (£k)", "Net gain (£m)"],
          ["G1", "Cashable", 2010, 0, 2.01],
        ]),
      ],
    });
    const a = run(model);
    expect(a.data.baselineTotal).toBe(2010);
    expect(a.data.gains[0].net).toBe(2010);
    expect(
      validateWorkbook(model, { file: "t.xlsx", today: "2012-12-31" }).findings.filter((f) => f.rule === "iii.net-recomputes"),
    ).toEqual([]);
  });
});

describe("a missing-table finding says where the check looked and what came nearest", () => {
  it("names the sheets looked at (hidden ones said so) and the nearest candidate with what it lacks", () => {
    const model = buildModel({
      sheets: [
        sheet("Savings Plan", [["Title"], ["Programme", "Gross saving", "Net saving", "Owner"], ["Estates", 100, 100, "Head of estates"]]),
        sheet("Lookups", [["x"]], { visibility: "hidden" }),
      ],
    });
    const report = validateWorkbook(model, { file: "t.xlsx", today: "2012-12-31" });
    const missing = report.findings.find((f) => f.rule === "ii.register-present")!;
    expect(missing.message).toContain(
      "The check looked at 2 sheets: 'Savings Plan', Lookups (hidden); the nearest, 'Savings Plan'!A2:D3, looks like the Gains table (4 of 19 columns) but has no ID or Initiative column.",
    );
    expect(missing.message).toContain('Or name its range in the Settings table (Key "Table Gains").');
  });

  it("baseline year stated once in the amount header or the title needs no Year column", () => {
    const model = buildModel({
      sheets: [
        sheet("Revenue budget 2010-11", [
          ["Service", "Budget £'000"],
          ["Policing", 12_000],
        ]),
      ],
    });
    const a = run(model);
    expect({ year: a.data.settings.baselineYear, source: a.baselineYearSource }).toEqual({ year: 2010, source: "header" });
    expect(validateWorkbook(model, { file: "t.xlsx", today: "2012-12-31" }).findings.filter((f) => f.rule === "i.baseline-year")).toEqual(
      [],
    );
  });

  it("links the register's column whose entries are baseline lines", () => {
    const model = buildModel({
      sheets: [
        sheet("Budget", [
          ["Service", "Budget 2010/11 £'000"],
          ["Premises", 7960],
          ["Transport", 4310],
        ]),
        sheet("Plan", [
          ["Ref", "Savings proposal", "Budget heading affected", "Gross saving"],
          ["W1", "Estates", "Premises", 100],
          ["W2", "Fleet", "Transport", 50],
        ]),
      ],
    });
    expect(run(model).tables.get("gains")!.columns.get("baselineLine")).toBe(2);
  });
});
