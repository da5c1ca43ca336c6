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
