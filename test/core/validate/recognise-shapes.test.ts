/**
 * Discovery of the baseline, comparatives and context shapes that real returns use beyond the template
 * (issue #9, second pass): a baseline on a sheet named for its year ("Baseline 2007-08", "GRE 2012-13")
 * whose line column names the service block or budget heading, a register column that names those
 * lines, "tbc" where an amount should be, benchmarking with "Category" as the kind of measure.
 */
import { analyse, validateWorkbook } from "../../../src/core/validate";
import { buildModel, sheet } from "../../support/model-builder";

const options = { file: "t.xlsx", today: "2013-12-31" };
const run = (model: ReturnType<typeof buildModel>) => analyse(model, options);

function programme(lineHeader: string, lines: readonly string[]) {
  return sheet("Efficiency Programme", [
    ["Severn Police"],
    ["Efficiency Programme 2013-16"],
    [],
    ["ID", "Project", "Cash/Non-cash", lineHeader, "Gross saving 2015/16 £", "Costs 2015/16 £", "G/A/R"],
    ["P1", "Estates", "Cashable", lines[0], 100000, 0, "G"],
    ["P2", "Fleet", "Cashable", lines[1], 50000, 5000, "A"],
  ]);
}

describe("a baseline on a sheet named for its year", () => {
  it("'GRE 2012-13' with 'Budget heading' and 'GRE 2012/13 £m' is the baseline, for 2012-13 in £m", () => {
    const model = buildModel({
      sheets: [
        programme("Budget heading", ["Premises", "Transport"]),
        sheet("GRE 2012-13", [
          ["Severn Police: gross revenue expenditure 2012-13 (original budget, cash)"],
          [],
          ["Budget heading", "GRE 2012/13 £m"],
          ["Premises", 9.88],
          ["Transport", 5.12],
          ["Total GRE", 15],
        ]),
      ],
    });
    const a = run(model);
    const baseline = a.tables.get("baseline")!;
    expect({ sheet: baseline.sheet.name, line: baseline.columns.get("line"), amount: baseline.columns.get("amount") }).toEqual({
      sheet: "GRE 2012-13",
      line: 0,
      amount: 1,
    });
    expect(baseline.units.get("amount")).toBe("£m");
    expect(a.data.settings.baselineYear).toBe(2012);
    expect(a.data.baselineTotal).toBe(15_000_000);
    // The register's "Budget heading" names the baseline's lines.
    expect(a.tables.get("gains")!.columns.get("baselineLine")).toBe(3);
    const rules = validateWorkbook(model, options).findings.map((f) => f.rule);
    expect(rules).not.toContain("i.baseline-present");
    expect(rules).not.toContain("i.gain-baseline-line");
  });

  it("'Baseline 2007-08' by 'Service block' with a lone-year amount header; 'tbc' is a finding, not a zero", () => {
    const model = buildModel({
      sheets: [
        programme("Service block", ["Culture", "Environment"]),
        sheet("Baseline 2007-08", [
          ["Thorn County Council"],
          ["Net revenue budget 2007/08 by service block (original budget)"],
          ["£'000, 2007/08 prices"],
          [],
          ["Service block", "2007/08 £'000", "Notes"],
          ["Culture", 14250],
          ["Environment", 31900],
          ["Corporate and cross-cutting", "tbc", "Awaiting restatement"],
          ["Total", 46150],
        ]),
      ],
    });
    const a = run(model);
    const baseline = a.tables.get("baseline")!;
    expect(baseline.sheet.name).toBe("Baseline 2007-08");
    expect(baseline.rows).toEqual([5, 6, 7]);
    expect(a.data.settings.baselineYear).toBe(2007);
    expect(a.tables.get("gains")!.columns.get("baselineLine")).toBe(3);
    const tbc = validateWorkbook(model, options).findings.filter((f) => f.rule === "i.baseline-amount-positive");
    expect(tbc).toHaveLength(1);
    expect(tbc[0]).toMatchObject({ sheet: "Baseline 2007-08", cell: "B8", messageId: "notNumber" });
  });
});

describe("benchmarking with 'Category' as the kind of measure", () => {
  it("reads Category as the Kind and 'Most similar forces' as the benchmark", () => {
    const model = buildModel({
      sheets: [
        sheet("Benchmarking", [
          ["Kings Constabulary: benchmarking 2011-12"],
          [],
          ["Measure", "Category", "Kings", "Most similar forces", "Net spend £", "Activity volume"],
          ["HQ costs per head (£)", "HQ cost", 12.9, 13.6],
          ["Crimes detected", "Output", 24_310, 23_050],
          ["Cost per crime investigated (£)", "Unit cost", 300, 296.5, 18_400_000, 61_250],
        ]),
      ],
    });
    const comparatives = run(model).tables.get("comparatives")!;
    expect({
      kind: comparatives.columns.get("kind"),
      benchmark: comparatives.columns.get("benchmark"),
      cost: comparatives.columns.get("cost"),
      output: comparatives.columns.get("output"),
    }).toEqual({ kind: 1, benchmark: 3, cost: 4, output: 5 });
    const findings = validateWorkbook(model, options).findings;
    expect(findings.map((f) => f.rule)).not.toContain("vii.measures-present");
    // The body's own column ("Kings" under "Kings Constabulary") is the value a unit cost is checked on.
    expect(findings.filter((f) => f.rule === "vii.unit-cost-recomputes").map((f) => f.cell)).toEqual(["C6"]);
  });
});

describe("the publication record kept as notes", () => {
  const register = (notes: string[][]) =>
    sheet("Board monitoring", [
      ["Quarter ending", "Plan to date", "Achieved to date"],
      ["Q1 2013/14", 190000, 172000],
      [],
      ["Publication"],
      ...notes,
    ]);

  it("dated 'Published in ...' notes are the publication record, the date read from the sentence", () => {
    const model = buildModel({
      sheets: [
        register([
          ["Published in the Force's Annual Report 2011-12 on 12/07/2012."],
          ["Publication: AES submitted to CLG on 15/07/2009 and published on the council's website on 30 July 2009."],
        ]),
      ],
    });
    const publication = run(model).tables.get("publication")!;
    expect({ source: publication.source, rows: publication.rows, col: publication.columns.get("published") }).toEqual({
      source: "notes",
      rows: [4, 5],
      col: 0,
    });
    const rules = validateWorkbook(model, options).findings.map((f) => f.rule);
    expect(rules).not.toContain("ix.publication-record");
  });

  it("a note that says where but not when is a finding at the note", () => {
    const model = buildModel({ sheets: [register([["Published in the Police and Crime Commissioner's Annual Report."]])] });
    const found = validateWorkbook(model, options).findings.filter((f) => f.rule === "ix.publication-record");
    expect(found.map((f) => ({ cell: f.cell, id: f.messageId }))).toEqual([{ cell: "A5", id: "noDate" }]);
  });

  it.each([
    "Net = saving less costs in the same year; figures will be published after the Board meets.",
    "This plan will be published in the Annual Report 2013-14.",
  ])("a footnote that does not record a publication is not a record: %s", (note) => {
    expect(run(buildModel({ sheets: [register([[note]])] })).tables.has("publication")).toBe(false);
  });
});

describe("basis and price base stated once in the baseline's title block", () => {
  const baseline = (title: string, header: string[], rows: unknown[][]) =>
    buildModel({
      sheets: [sheet("Revenue budget 2010-11", [[title], [], header, ...(rows as never[][])])],
    });
  const rulesOf = (model: ReturnType<typeof buildModel>) => validateWorkbook(model, options).findings.map((f) => f.rule);

  it("'original budget' and 'cash prices' above the table state every line's basis and price base", () => {
    const model = baseline(
      "Net revenue budget 2010/11 (original budget), £'000 at cash prices",
      ["Service", "Budget 2010/11"],
      [
        ["Policing", 1000],
        ["Support", 500],
      ],
    );
    const context = run(model).tables.get("baseline")!.context;
    expect({ basis: context.basis, priceBase: context.priceBase }).toEqual({ basis: "budget", priceBase: "cash" });
    expect(rulesOf(model)).not.toContain("i.basis-stated");
    expect(rulesOf(model)).not.toContain("i.price-base-stated");
  });

  it("without them the missing columns are still reported, and a blank cell in a Basis column too", () => {
    expect(rulesOf(baseline("Service spending 2010/11", ["Service", "Budget 2010/11"], [["Policing", 1000]]))).toEqual(
      expect.arrayContaining(["i.price-base-stated"]),
    );
    const blank = baseline(
      "Service spending 2010/11, cash prices",
      ["Service", "Amount", "Basis"],
      [
        ["Policing", 1000, "Budget"],
        ["Support", 500, null],
      ],
    );
    expect(
      validateWorkbook(blank, options)
        .findings.filter((f) => f.rule === "i.basis-stated")
        .map((f) => f.cell),
    ).toEqual(["C5"]);
  });
});

describe("a summary block under the register, headed by a unit alone", () => {
  const returnSheet = (label: string) =>
    sheet("Q2 return 2012-13", [
      ["Kings Constabulary"],
      ["£m, cash prices"],
      [],
      ["Ref", "Initiative", "Cashable / non-cashable", "Saving 2013/14 £m", "Costs 2013/14 £m", "Confidence", "Risk adjusted 2013/14 £m"],
      ["K1", "Custody", "Cashable", 1.4, 0, 1, 1.4],
      ["K2", "Fleet", "Cashable", 0.6, 0, 0.5, 0.3],
      ["Total", null, null, 2, 0, null, 1.7],
      [],
      ["Measure", null, "£m"],
      ["Risk adjusted savings 2013-14", null, 1.7],
      [label, null, 2],
      ["Progress against target", null, 0.25],
    ]);

  it("'Measure | £m' with a line about the target is the Summary; its net total against the target is reported", () => {
    const model = buildModel({ sheets: [returnSheet("Total savings reported against target")] });
    const summary = run(model).tables.get("summary")!;
    expect({ measure: summary.columns.get("measure"), value: summary.columns.get("value"), unit: summary.units.get("value") }).toEqual({
      measure: 0,
      value: 2,
      unit: "£m",
    });
    const found = validateWorkbook(model, options).findings.filter((f) => f.rule === "viii.total-risk-adjusted");
    expect(found.map((f) => ({ cell: f.cell, id: f.messageId }))).toEqual([{ cell: "C11", id: "summaryNotAdjusted" }]);
  });

  it("a Measure block with no line about a total or the target is not taken for the Summary", () => {
    const model = buildModel({
      sheets: [
        sheet("Notes", [
          ["Measure", "£m"],
          ["Police officer pay", 1.2],
        ]),
      ],
    });
    expect(run(model).tables.has("summary")).toBe(false);
  });
});

describe("a force's efficiency plan with the year in every money header, and a council action plan", () => {
  it("'Project no' is the ID; 'Subjective heading' names the base budget's line and the budget line; a labelled one-cell key weights G/A/R", () => {
    const model = buildModel({
      sheets: [
        sheet("Efficiency Plan 2014-17", [
          ["March Police"],
          ["All figures £000s"],
          ["Weighting: G 100%, A 60%, R 20%"],
          [],
          [
            "Project no",
            "Efficiency",
            "C/NC",
            "Subjective heading",
            "Gross 2016-17",
            "Costs 2016-17",
            "Net 2015-16",
            "Net 2016-17",
            "G/A/R",
          ],
          ["EP1", "Teams", "C", "Police officer pay", 2100, 0, 1450, 2100, "A"],
          ["EP2", "Fleet", "NC", "Transport", 160, 10, 140, 150, "R"],
        ]),
        sheet("Base budget 2013-14", [
          ["Base budget 2013/14 (original budget, cash prices)"],
          [],
          ["Subjective heading", "Base budget 2013/14 £000"],
          ["Police officer pay", 98_420],
          ["Transport", 4_215],
        ]),
      ],
    });
    const a = run(model);
    const gains = a.tables.get("gains")!;
    expect({
      id: gains.columns.get("id"),
      baselineLine: gains.columns.get("baselineLine"),
      budgetLine: gains.columns.get("budgetLine"),
    }).toEqual({
      id: 0,
      baselineLine: 3,
      budgetLine: 3,
    });
    expect(a.tables.get("profile")!.columns.get("id")).toBe(0);
    expect(a.ragKey).toMatchObject({ sheet: "Efficiency Plan 2014-17", cell: "A3" });
    expect(a.data.gains.map((g) => g.deliverability)).toEqual([0.6, 0.2]);
    const rules = validateWorkbook(model, options).findings.map((f) => f.rule);
    for (const rule of ["ii.gain-id", "ii.budget-line", "i.gain-baseline-line", "iv.profile-present"]) expect(rules).not.toContain(rule);
  });

  it("a register whose 'Re-invested in' column says where each gain goes needs no separate re-investment plan", () => {
    const model = buildModel({
      sheets: [
        sheet("VfM action plan", [
          [
            "Ref",
            "Action",
            "Cash / non-cash",
            "Saving £",
            "Cost to achieve £",
            "Net saving £",
            "Re-invested in",
            "Responsible officer",
            "Due by",
          ],
          ["F1", "Waste rounds", "Cash", 160_000, 30_000, 130_000, "Recycling promotion", "Head of Environment", "31/03/2011"],
        ]),
      ],
    });
    const rules = validateWorkbook(model, options).findings.map((f) => f.rule);
    expect(rules).not.toContain("v.reinvestment-plan-total");
    expect(run(model).tables.get("milestones")!.source).toBe("inline");
  });
});
