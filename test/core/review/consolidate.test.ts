import * as fs from "node:fs";
import * as path from "node:path";
import { readXlsx } from "../../../src/adapters/xlsx/read/index";
import {
  consolidate,
  consolidatedReturnOfModel,
  fileBody,
  NONE_GIVEN,
  parseAmountText,
  parseRateText,
  resolveOverallTarget,
  toPenny,
  unreadableReturn,
  type ConsolidatedReturn,
  type OverallTarget,
} from "../../../src/core/review/consolidate";
import type { WorkbookModel } from "../../../src/core/workbook/model";
import { boardPackHtml, escapeHtml } from "../../../src/core/review/consolidate-html";
import { boardPackWorkbookSpec, findingsSheetNames } from "../../../src/core/review/consolidate-report";
import { buildModel, sheet } from "../../support/model-builder";

const EXAMPLES = path.resolve(__dirname, "../../../examples");

async function model(file: string): Promise<WorkbookModel> {
  const read = await readXlsx(new Uint8Array(fs.readFileSync(path.join(EXAMPLES, file))), { fileName: file });
  if (!read.ok) throw new Error(`${file}: ${read.reason}`);
  return read.model;
}

function target(t: OverallTarget | { error: string }): OverallTarget {
  if ("error" in t) throw new Error(t.error);
  return t;
}

/** A small register in £m with a Settings Body, built in memory: amounts with decimals in £m add up exactly in £. */
function millionsReturn(): WorkbookModel {
  return buildModel({
    sheets: [
      sheet("Baseline", [
        ["Line", "Year", "Amount"],
        ["Gross revenue expenditure", "2025-26", 100.01],
      ]),
      sheet("Gains", [
        ["ID", "Initiative", "Workstream", "Type", "Category", "Gross gain", "Costs", "Net gain", "Deliverability", "Risk-adjusted gain"],
        ["A1", "Shared fleet", "fleet", "Cashable", "Efficiency", 2.01, 0.2, 1.81, 1, 1.81],
        ["A2", "Estates", " Estates ", "Cashable", "Economy", 1.1, 0, 1.1, 0.5, 0.55],
        ["A3", "Case files", "", "Non-cashable", "Efficiency", 0.3, 0, 0.3, 1, 0.3],
      ]),
      sheet("Quarterly", [
        ["Quarter", "Trajectory", "Actual"],
        ["Q1 2026-27", 0.5, 0.45],
        ["Q2 2026-27", 1, 0.95],
      ]),
      sheet("Settings", [
        ["Key", "Value"],
        ["Body", "Ashcombe Borough Council"],
        ["Unit", "£m"],
        ["Baseline year", "2025-26"],
        ["Reporting date", "2026-10-31"],
      ]),
    ],
  });
}

describe("consolidate: one row per return and the totals, in £, on exact decimals", () => {
  let q2: ConsolidatedReturn;
  let q1: ConsolidatedReturn;
  let millions: ConsolidatedReturn;
  beforeAll(async () => {
    q2 = consolidatedReturnOfModel(await model("northmoor-police.xlsx"), { file: "returns/northmoor-police.xlsx" });
    q1 = consolidatedReturnOfModel(await model("northmoor-police-q1.xlsx"), { file: "northmoor-police-q1.xlsx" });
    millions = consolidatedReturnOfModel(millionsReturn(), { file: "ashcombe.xlsx" });
  });

  it("gives the bundled example's row: target, gains, progress, on track, planned and achieved by year", () => {
    expect(q2).toMatchObject({
      body: "northmoor-police",
      status: "checked",
      unit: "£",
      baselineYear: 2025,
      baseline: 412_000_000,
      target: 38_203_524,
      riskAdjustedCashable: 7_870_000,
      targetYears: 3,
      reportingDate: "2026-10-31",
      achievedToDate: { label: "Q2 2026-27", amount: 2_050_000 },
      onTrack: { status: "off-track", shortfall: 4_130_000 },
    });
    expect(q2.progress).toBeCloseTo(7_870_000 / 38_203_524, 12);
    expect(q2.planned.map((y) => [y.label, y.amount])).toEqual([
      ["2026-27", -2_233_673.47],
      ["2027-28", 5_410_204.08],
      ["2028-29", 7_870_000],
    ]);
    expect(q2.achieved).toEqual([{ year: 2026, label: "2026-27", amount: 2_050_000, quarter: "Q2 2026-27" }]);
    expect(q2.path).toHaveLength(12);
    expect(q2.path[11]).toMatchObject({ label: "Q4 2028-29", amount: 38_203_524 });
    expect(q2.byCategory).toEqual([
      { name: "Efficiency", gains: 3, cashable: 3_650_000, nonCashable: 1_700_000, unclassified: 0 },
      { name: "Economy", gains: 4, cashable: 4_220_000, nonCashable: 0, unclassified: 0 },
    ]);
    expect(Object.values(q2.errorsByPrinciple).every((n) => n === 0)).toBe(true);
  });

  it("converts a return kept in £m to £ exactly, reads its Body and groups workstreams whatever their case and spacing", () => {
    expect(millions).toMatchObject({
      body: "Ashcombe Borough Council",
      unit: "£m",
      baseline: 100_010_000,
      riskAdjustedCashable: 2_360_000,
      achievedToDate: { label: "Q2 2026-27", amount: 950_000 },
    });
    expect(millions.byWorkstream).toEqual([
      { name: "fleet", gains: 1, cashable: 1_810_000, nonCashable: 0, unclassified: 0 },
      { name: "Estates", gains: 1, cashable: 550_000, nonCashable: 0, unclassified: 0 },
      { name: NONE_GIVEN, gains: 1, cashable: 0, nonCashable: 300_000, unclassified: 0 },
    ]);
  });

  it("adds the returns up to the penny, counts an unreadable file as a row that adds nothing", () => {
    const broken = unreadableReturn("broken.xlsx", "is not an .xlsx workbook (not a zip file)");
    const c = consolidate([q2, q1, millions, broken]);
    expect(c.returns.map((r) => r.status)).toEqual(["checked", "checked", "checked", "unreadable"]);
    expect(c.returns[3]).toMatchObject({ body: "broken", reason: "is not an .xlsx workbook (not a zip file)", target: null });
    const t = c.totals;
    expect(t).toMatchObject({ files: 4, unreadable: 1, counted: 3, offTrack: 3, onTrack: 0 });
    // 412,000,000 + 412,500,000 + 100,010,000.
    expect(t.baseline).toBe(924_510_000);
    // 7,870,000 + 7,905,000 + 2,360,000.
    expect(t.riskAdjustedCashable).toBe(18_135_000);
    // 38,203,524 + 38,249,887.5 + 100,010,000 x 0.092727.
    expect(t.target).toBe(38_203_524 + 38_249_887.5 + 9_273_627.27);
    expect(t.planned.find((y) => y.label === "2026-27")!.amount).toBe(toPenny(-2_233_673.47 + q1.planned[0].amount));
    expect(t.achieved).toEqual([{ year: 2026, label: "2026-27", amount: 2_050_000 + 900_000 + 950_000, returns: 3 }]);
    expect(t.actuals.map((q) => [q.label, q.amount, q.returns])).toEqual([
      ["Q1 2026-27", 950_000 + 900_000 + 450_000, 3],
      ["Q2 2026-27", 2_050_000 + 950_000, 2],
    ]);
    expect(t.byCategory.find((g) => g.name === "Efficiency")).toEqual({
      name: "Efficiency",
      // Q1 had no G07 (overtime, Efficiency): 2 Efficiency gains there.
      gains: 3 + 2 + 2,
      cashable: 3_650_000 + q1.byCategory.find((g) => g.name === "Efficiency")!.cashable + 1_810_000,
      nonCashable: 1_700_000 + 1_700_000 + 300_000,
      unclassified: 0,
    });
  });

  it("states the overall target as 3% a year on the police service's £12.6bn GRE, over the returns' own period", () => {
    const rows = [q2, q1, millions];
    const overall = target(resolveOverallTarget({ kind: "rate", rate: 0.03, baseline: 12_600_000_000 }, rows));
    // 12.6bn x (1.03^3 - 1) = 12.6bn x 0.092727.
    expect(overall.amount).toBe(1_168_360_200);
    expect(overall.yearTargets.map((y) => [y.label, y.amount])).toEqual([
      ["2026-27", 378_000_000],
      ["2027-28", 767_340_000],
      ["2028-29", 1_168_360_200],
    ]);
    expect(overall.description).toBe(
      "3% a year, compound, over 3 years (2026-27 to 2028-29) on a baseline of £12,600,000,000: £1,168,360,200",
    );
    const c = consolidate(rows, overall);
    expect(c.overall).toMatchObject({
      riskAdjustedCashable: 18_135_000,
      shortfall: 1_168_360_200 - 18_135_000,
      status: "off-track",
      returnTargets: c.totals.target,
      // Q1 2026-27 is the latest quarter all three reported: 950,000 + 900,000 + 450,000 against 94,500,000.
      toDate: { quarter: "Q1 2026-27", amount: 2_300_000, due: 94_500_000, returns: 3, status: "off-track" },
    });
    expect(c.overall!.baselineCovered).toBeCloseTo(924_510_000 / 12_600_000_000, 12);
  });

  it("takes an overall target as an amount, and refuses one that is not above £0", () => {
    expect(target(resolveOverallTarget({ kind: "amount", amount: 18_135_000 }, [])).description).toBe("£18,135,000 (stated)");
    const c = consolidate([q2, q1, millions], target(resolveOverallTarget({ kind: "amount", amount: 18_135_000 }, [])));
    expect(c.overall).toMatchObject({ progress: 1, shortfall: 0, status: "on-track", toDate: null });
    expect(resolveOverallTarget({ kind: "amount", amount: 0 }, [])).toHaveProperty("error");
    expect(resolveOverallTarget({ kind: "rate", rate: 0, baseline: 1e9 }, [])).toHaveProperty("error");
  });

  it("reads amounts and rates as a reviewer writes them", () => {
    expect(parseAmountText("£12.6bn")).toBe(12_600_000_000);
    expect(parseAmountText("12,600,000,000")).toBe(12_600_000_000);
    expect(parseAmountText("378m")).toBe(378_000_000);
    expect(parseAmountText("450k")).toBe(450_000);
    expect(parseAmountText("1.17 billion")).toBe(1_170_000_000);
    expect(parseAmountText("0.1m")).toBe(100_000);
    expect(parseAmountText("12,60,000")).toBeNull();
    expect(parseAmountText("twelve")).toBeNull();
    expect(parseAmountText("")).toBeNull();
    expect(parseRateText("3%")).toBe(0.03);
    expect(parseRateText("0.03")).toBe(0.03);
    expect(parseRateText("2.5%")).toBe(0.025);
    expect(parseRateText("3")).toBeNull();
    expect(parseRateText("150%")).toBeNull();
  });

  it("names a body after its file when the workbook does not say", () => {
    expect(fileBody("returns/Northmoor Police.xlsx")).toBe("Northmoor Police");
    expect(fileBody("C:\\returns\\eastmoor.XLSX")).toBe("eastmoor");
  });

  it("escapes everything a workbook or a file name brings into the page, and keeps sheet names Excel accepts", () => {
    const hostile = unreadableReturn("<img src=x onerror=alert(1)>.xlsx", 'reason <script>alert("x")</script>\u0007');
    const html = boardPackHtml(consolidate([q2, hostile]));
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(escapeHtml("a\u0000b & 'c'")).toBe("a\ufffdb &amp; &#39;c&#39;");
    const named = { ...q2, body: "Eastmoor [Police]: a/b*c?'" + "x".repeat(40) };
    const names = findingsSheetNames([named, named]);
    // Excel refuses [ ] : * ? / \ and an apostrophe at either end; an inner one is allowed.
    expect(names[0]).toBe("1 Eastmoor Police a b c 'xxxxxx");
    expect(names.every((n) => n.length <= 31 && !/[[\]:*?/\\]/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(2);
    expect(boardPackWorkbookSpec(consolidate([q2, hostile])).sheets.map((sh) => sh.name)).toEqual([
      "Summary",
      "By year",
      "Trajectory",
      "Workstreams",
      "Categories",
      "1 northmoor-police",
    ]);
  });

  it("board pack workbook: a chart for each of trajectory, workstreams and categories, and links both ways between Summary and findings", () => {
    const hostile = unreadableReturn("broken.xlsx", "not a zip file");
    const spec = boardPackWorkbookSpec(consolidate([q2, hostile, millions]));
    const sheet = (name: string) => spec.sheets.find((sh) => sh.name === name)!;
    // No overall target: the trajectory chart has no overall target path.
    expect(sheet("Trajectory").charts!.map((c) => [c.kind, c.series.map((sr) => sr.name ?? sr.column)])).toEqual([
      ["line", ["Returns' target path", "Planned (trajectory)", "Achieved (actual)"]],
    ]);
    // Ashcombe's case-files gain gives no type-less amount: two series, stacked.
    expect(sheet("Workstreams").charts!.map((c) => [c.kind, c.stacked, c.categories, c.series.map((sr) => sr.column)])).toEqual([
      ["bar", true, "Workstream", ["Cashable", "Non-cashable"]],
    ]);
    expect(sheet("Categories").charts).toHaveLength(1);
    const summary = sheet("Summary");
    expect(summary.links!.filter((l) => "row" in l.from)).toEqual([
      { from: { row: 0, column: "Findings" }, to: { sheet: "1 northmoor-police" } },
      { from: { row: 2, column: "Findings" }, to: { sheet: "3 Ashcombe Borough Council" } },
    ]);
    expect(
      summary.links!.filter((l) => "line" in l.from).map((l) => [summary.lines![(l.from as { line: number }).line], l.to.sheet]),
    ).toEqual([
      ["Chart: the total trajectory by quarter, planned and achieved against the target path (Trajectory sheet).", "Trajectory"],
      ["Chart: risk-adjusted net gains by workstream (Workstreams sheet).", "Workstreams"],
      ["Chart: risk-adjusted net gains by category (Categories sheet).", "Categories"],
    ]);
    expect(sheet("3 Ashcombe Borough Council").links).toEqual([{ from: { line: 0 }, to: { sheet: "Summary", row: 2 } }]);
    expect(sheet("3 Ashcombe Borough Council").lines![0]).toBe("Back to the Summary");
  });

  it("board pack workbook: no chart where there is nothing to plot", () => {
    const spec = boardPackWorkbookSpec(consolidate([unreadableReturn("broken.xlsx", "not a zip file")]));
    expect(spec.sheets.flatMap((sh) => sh.charts ?? [])).toEqual([]);
    expect(spec.sheets.flatMap((sh) => sh.links ?? [])).toEqual([]);
  });
});
