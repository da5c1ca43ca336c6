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
