/**
 * Numbers and dates a check cannot measure (issue #12): sums beyond the largest number Excel holds,
 * a target too large or smaller than half a penny, and dates that name no day Excel can hold. Each is
 * a finding that says what is wrong, so no report shows NaN, Infinity or "∞", and no date is shifted.
 */
import { cellDateProblem } from "../dates";
import type { DiscoveredTable } from "../discovery";
import { beyondExcel, measureTarget, type TargetProblem } from "../measurable";
import { defineRule, PRINCIPLE_TITLES, type Rule, type RuleContext, type RuleFinding } from "../rule";
import type { ColumnKey, TableKey } from "../schema";
import { formatPercent, quote } from "../text";
import type { VfmTotals } from "../analysis";

const WHY_METHOD = `${PRINCIPLE_TITLES.method}.`;

/** Excel's largest number as Excel writes it. */
const EXCEL_LARGEST = "9.99999999999999E+307";

/** The register totals each money column feeds. */
const REGISTER_TOTALS: ReadonlyArray<[key: "gross" | "net" | "riskAdjusted", totals: ReadonlyArray<keyof VfmTotals>]> = [
  ["gross", ["gross"]],
  ["net", ["net", "cashableNet", "nonCashableNet", "serviceReductionNet"]],
  ["riskAdjusted", ["riskAdjusted", "cashableRiskAdjusted"]],
];

function columnLabel(table: DiscoveredTable, key: ColumnKey): string {
  return quote(table.headers.get(key) ?? key);
}

function targetData(ctx: RuleContext): Record<string, string> {
  const s = ctx.settings;
  return {
    baseline: ctx.money(ctx.data.baselineTotal ?? 0),
    rate: formatPercent(s.targetRate),
    method: s.targetMethod,
    years: String(ctx.data.targetYears),
  };
}

export const targetNotMeasurable = defineRule({
  id: "method.target-not-measurable",
  principle: "method",
  severity: "error",
  title: "The target and the gains can be measured",
  checks:
    "The register's Gross, Net and Risk-adjusted gain columns and the Baseline amounts each add up to no more than the largest number Excel holds (9.99999999999999E+307); the target VFM.TARGET works out from the baseline is no larger than that and at least half a penny; and progress (risk-adjusted cashable net gains against the target) is a number.",
  why: `${WHY_METHOD} Progress is measured against VFM.TARGET of the baseline; a sum beyond what Excel can hold, or a target of a fraction of a penny, cannot be measured against, and would otherwise make the target disappear or progress read as infinite.`,
  fix: "Check the amounts the message names: a figure typed with a stray exponent (1E+308, 1E-300), or in the wrong unit (pounds in a £bn column), is the usual cause. Correct them and the target is worked out again.",
  judgement:
    "Half a penny is our smallest measurable target: below it every report would show a target of 0.00 and progress without bound.",
  settings: ["targetRate", "targetMethod", "targetYears", "unit"],
  example: {
    failing: "Baseline lines of 1E+308 each (their sum is beyond Excel), or of 1E-300 each (a target of a fraction of a penny).",
    passing: "Baseline lines of 412,000,000 in total, a target of 38,203,524.",
  },
  messages: {
    registerOverflow: `The Gains column {{column}} adds up to more than the largest number Excel holds (${EXCEL_LARGEST}), so the register's totals and progress cannot be measured. Check for a figure typed with a stray exponent or in the wrong unit.`,
    baselineOverflow: `The Baseline column {{column}} adds up to more than the largest number Excel holds (${EXCEL_LARGEST}), so no target can be worked out from it. Check for an amount typed with a stray exponent or in the wrong unit.`,
    targetOverflow: `The target worked out from a baseline of {{baseline}} ({{rate}} a year {{method}} over {{years}} years) is more than the largest number Excel holds (${EXCEL_LARGEST}), so progress cannot be measured against it.`,
    targetUnderflow:
      "A baseline of {{baseline}} gives a target of {{target}} ({{rate}} a year {{method}} over {{years}} years), less than half a penny, so progress cannot be measured against it. Check the Baseline column {{column}} and its unit.",
    targetZero:
      "A baseline of {{baseline}} gives a target of 0 ({{rate}} a year over {{years}} years), so progress cannot be measured as a share of it. Set the Target rate and Target years in the Settings.",
    progressOverflow:
      "Risk-adjusted cashable net gains of {{achieved}} against a target of {{target}} is a share too large to measure. Check the register's Risk-adjusted gain figures and their unit.",
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const gains = ctx.table("gains");
    if (gains) {
      for (const [key, totals] of REGISTER_TOTALS) {
        const col = gains.columns.get(key);
        if (col === undefined || !totals.some((t) => beyondExcel(ctx.data.totals[t]))) continue;
        out.push({
          sheet: gains.sheet.name,
          cell: ctx.columnRange(gains, col),
          messageId: "registerOverflow",
          data: { column: columnLabel(gains, key) },
        });
      }
    }
    const baselineTotal = ctx.data.baselineTotal;
    if (baselineTotal === null) return out;
    const s = ctx.settings;
    const achieved = ctx.data.totals.cashableRiskAdjusted;
    const measured = measureTarget({
      baselineTotal,
      rate: s.targetRate,
      years: ctx.data.targetYears,
      method: s.targetMethod,
      unit: ctx.data.unit,
      achieved,
    });
    if (!measured || measured.ok) return out;
    // The register's own overflow finding already says why progress cannot be measured.
    if (measured.problem.kind === "progressOverflow" && out.length > 0) return out;
    const baseline = ctx.table("baseline");
    const amountCol = baseline?.columns.get("amount");
    const where =
      baseline && amountCol !== undefined
        ? { sheet: baseline.sheet.name, cell: ctx.columnRange(baseline, amountCol) }
        : { sheet: null, cell: null };
    const column = baseline ? columnLabel(baseline, "amount") : quote("Amount");
    out.push({ ...where, ...problemFinding(ctx, measured.problem, column) });
    return out;
  },
});

function problemFinding(ctx: RuleContext, problem: TargetProblem, column: string): Pick<RuleFinding, "messageId" | "data"> {
  switch (problem.kind) {
    case "baselineOverflow":
      return { messageId: "baselineOverflow", data: { column } };
    case "targetOverflow":
      return { messageId: "targetOverflow", data: targetData(ctx) };
    case "targetUnderflow":
      return { messageId: "targetUnderflow", data: { ...targetData(ctx), target: ctx.money(problem.target), column } };
    case "targetZero": {
      const { baseline, rate, years } = targetData(ctx);
      return { messageId: "targetZero", data: { baseline, rate, years } };
    }
    case "progressOverflow":
      return {
        messageId: "progressOverflow",
        data: { achieved: ctx.money(ctx.data.totals.cashableRiskAdjusted), target: ctx.money(problem.target) },
      };
  }
}

/** The columns the checks read as dates. */
const DATE_COLUMNS: ReadonlyArray<{ [K in TableKey]: readonly [K, ColumnKey<K>] }[TableKey]> = [
  ["milestones", "due"],
  ["quarterly", "quarter"],
  ["quarterly", "boardDate"],
  ["gains", "riskReviewed"],
  ["publication", "published"],
];

export const impossibleDate = defineRule({
  id: "method.impossible-date",
  principle: "method",
  severity: "error",
  title: "Every date is a real day within Excel's dates",
  checks:
    "Every Milestones Due date, Quarterly Quarter and Board date, Gains Risk reviewed date and Publication Published date that is written as a date names a day the calendar has (not 31 February or month 13) between 1 January 1900 and 31 December 9999, the dates Excel can hold. The Settings Reporting date is held to the same by method.settings-readable.",
  why: `${WHY_METHOD} A date the calendar does not have is not read as any date (never shifted to another day), so the milestone, quarter, review or publication it dates is not counted; the mistake must be put right, not guessed at.`,
  fix: "Correct the date: type a real day (e.g. 28/02/2026, not 31/02/2026), or enter it as an Excel date so Excel refuses an impossible one.",
  example: {
    failing: 'Milestones: G1, Due "2026-02-31".',
    passing: "Milestones: G1, Due 28/02/2026.",
  },
  messages: {
    impossible:
      "{{table}} column {{column}} holds {{text}}, which is not a day the calendar has ({{reason}}), so it is not read as a date and what it dates is not counted. Correct the date.",
    outOfRange:
      "{{table}} column {{column}} holds {{text}}, which is {{reason}}, so it is not read as a date and what it dates is not counted. Correct the date.",
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const [key, columnKey] of DATE_COLUMNS) {
      const table = ctx.table(key);
      if (!table || !table.columns.has(columnKey)) continue;
      for (const row of ctx.records(key)) {
        const problem = cellDateProblem(ctx.cell(row, columnKey), ctx.model.date1904);
        if (!problem) continue;
        const data = { table: table.spec.label, column: columnLabel(table, columnKey), text: quote(problem.text), reason: problem.reason };
        out.push(ctx.atValue(row, columnKey, problem.kind, data));
      }
    }
    return out;
  },
});

export const RULES_MEASURABLE: readonly Rule[] = [targetNotMeasurable, impossibleDate];
