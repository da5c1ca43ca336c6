/** Principle (vi): quarterly updates to the VfM Board. */
import { cellDateProblem, formatDate, quarterEnd, quarterFromIndex, quarterIndex, quarterLabel, quarterOfDate } from "../dates";
import { defineRule, PRINCIPLE_TITLES, type Rule, type RuleFinding } from "../rule";
import { quote } from "../text";
import { describeRead, runs } from "./helpers";

const WHY = `CSR07 principle (vi): "${PRINCIPLE_TITLES.vi}."`;

/**
 * Quarter indexes due by the reporting date: from Q1 of the year after the baseline year to the last
 * quarter ended, and no later than Q4 of the target year (the end of the spending period).
 */
function dueQuarters(baselineYear: number, targetYear: number | null, reportingDate: string): number[] {
  const first = quarterIndex({ startYear: baselineYear + 1, quarter: 1 });
  let last = quarterIndex(quarterOfDate(reportingDate));
  if (quarterEnd(quarterFromIndex(last)) > reportingDate) last--;
  if (targetYear !== null && targetYear > baselineYear) last = Math.min(last, quarterIndex({ startYear: targetYear, quarter: 4 }));
  const out: number[] = [];
  for (let q = first; q <= last; q++) out.push(q);
  return out;
}

export const quartersPresent = defineRule({
  id: "vi.quarters-present",
  principle: "vi",
  severity: "error",
  title: "A quarterly update for every quarter ended by the reporting date",
  checks:
    'The Quarterly table has a row for every financial-year quarter from Q1 of the year after the baseline year to the last quarter that ended on or before the reporting date (and no later than Q4 of the target year), and every Quarter label can be read ("Q1 2008-09", "2008-09 Q1", "Quarter 1 2008-09" or a date in the quarter).',
  why: `${WHY} The VfM Board is updated every quarter from the first quarter of the spending period; a missing quarter is a missed update.`,
  fix: 'Add a row to the Quarterly table for each quarter that has ended, labelled e.g. "Q1 2008-09" (or "2008-09 Q1", or the quarter-end date).',
  settings: ["baselineYear", "targetYear", "reportingDate"],
  judgement:
    "Updates are asked for up to the last quarter of the target year, when the spending period ends; a workbook checked after that is not asked for later quarters. Missing quarters one after another are reported as one finding.",
  example: {
    failing: "Reporting date 31/12/2009; Quarterly rows Q1 2008-09 to Q2 2009-10 (Q3 2009-10 missing).",
    passing: "Rows Q1 2008-09 to Q3 2009-10.",
  },
  messages: {
    unreadable: "The quarter {{label}} cannot be read: write e.g. Q1 2008-09, 2008-09 Q1 or the quarter-end date.",
    missing: "No update for {{quarter}} (ended {{ended}}).",
    missingRun: "No updates for {{first}} to {{last}} ({{count}} quarters; the last ended {{ended}}).",
  },
  check(ctx) {
    const baselineYear = ctx.settings.baselineYear;
    if (baselineYear === null) return [];
    const due = dueQuarters(baselineYear, ctx.settings.targetYear, ctx.reportingDate);
    const table = ctx.table("quarterly");
    if (due.length === 0 && !table) return [];
    if (!table)
      return [
        ctx.missingTable(
          "quarterly",
          `${due.length === 1 ? "1 quarterly update was" : `${due.length} quarterly updates were`} due by ${formatDate(ctx.reportingDate)}`,
        ),
      ];
    const col = ctx.requireColumn(table, "quarter", "each update must say which quarter it is for");
    if (col === undefined) return [];
    const out: RuleFinding[] = [];
    const seen = new Set<number>();
    for (const q of ctx.data.quarterly) {
      if (q.quarter) seen.add(quarterIndex(q.quarter));
      // A date no calendar has is method.impossible-date's finding, not a second one here.
      else if (cellDateProblem(ctx.cell(q, "quarter"), ctx.model.date1904)) continue;
      else out.push(ctx.atValue(q, "quarter", "unreadable", { label: quote(q.label || "(blank)") }));
    }
    // Quarters missing one after another are one finding, so a register years behind stays readable.
    for (const [from, to] of runs(due.filter((index) => !seen.has(index)))) {
      const first = quarterFromIndex(from);
      const last = quarterFromIndex(to);
      out.push(
        from === to
          ? ctx.atTable(table, "missing", { quarter: quarterLabel(first), ended: formatDate(quarterEnd(first)) })
          : ctx.atTable(table, "missingRun", {
              first: quarterLabel(first),
              last: quarterLabel(last),
              count: String(to - from + 1),
              ended: formatDate(quarterEnd(last)),
            }),
      );
    }
    return out;
  },
});

export const trajectoryActual = defineRule({
  id: "vi.trajectory-actual",
  principle: "vi",
  severity: "error",
  title: "Each quarter has its trajectory and, once ended, its actual",
  checks:
    "Every quarterly row has a Trajectory figure, and every row for a quarter that has ended by the reporting date has an Actual figure.",
  why: `${WHY} The Board compares the gains delivered with the trajectory planned; a quarter without both cannot show progress.`,
  fix: "Enter the planned cumulative gain (Trajectory) for every quarter and the Actual for every quarter that has ended.",
  settings: ["reportingDate"],
  example: { failing: "Q2 2009-10 (ended), Trajectory 800, Actual blank.", passing: "Q2 2009-10, Trajectory 800, Actual 760." },
  messages: {
    trajectory: "The trajectory for {{quarter}} is {{value}}.",
    actual: "The actual gain for {{quarter}} is {{value}}.",
  },
  check(ctx) {
    const table = ctx.table("quarterly");
    if (!table || ctx.data.quarterly.length === 0) return [];
    const out: RuleFinding[] = [];
    const tCol = ctx.requireColumn(table, "trajectory", "each quarter needs its planned gain");
    const aCol = ctx.requireColumn(table, "actual", "each ended quarter needs its actual gain");
    for (const q of ctx.data.quarterly) {
      const ended = q.quarterEnd !== null && q.quarterEnd <= ctx.reportingDate;
      const label = q.label || `on row ${q.row + 1}`;
      for (const [col, key, needed] of [
        [tCol, "trajectory", true],
        [aCol, "actual", ended],
      ] as const) {
        if (col === undefined || !needed) continue;
        const read = ctx.number(q, key);
        if (read.kind === "number" || read.kind === "error") continue;
        out.push(ctx.atValue(q, key, key, { quarter: label, value: describeRead(read) }));
      }
    }
    return out;
  },
});

const EVIDENCE = [
  ["budgetEvidence", "budget evidence", "noBudgetEvidence"],
  ["comparativeData", "comparative data", "noComparativeData"],
  ["milestones", "milestone status", "noMilestones"],
  ["risks", "risk review", "noRiskReview"],
] as const;

export const quarterEvidence = defineRule({
  id: "vi.quarter-evidence",
  principle: "vi",
  severity: "warning",
  title: "Each quarterly update cites budget evidence, comparative data, milestones and a risk review",
  checks:
    "Every quarterly row for a quarter that has ended by the reporting date fills in Budget evidence, Comparative data, Milestones and Risks.",
  why: `${WHY} The principle names what each update carries: the trajectory with budget evidence, comparative data, milestones and risk management.`,
  fix: "For each ended quarter, fill in Budget evidence, Comparative data, Milestones (their status) and Risks (the risk review), with a reference to the Board paper where they are.",
  settings: ["reportingDate"],
  example: { failing: "Q1 2009-10, Risks blank.", passing: 'Q1 2009-10, Risks "Risk register reviewed, Board paper 09/07".' },
  messages: {
    noBudgetEvidence: "The update for {{quarter}} cites no budget evidence.",
    noComparativeData: "The update for {{quarter}} cites no comparative data.",
    noMilestones: "The update for {{quarter}} cites no milestone status.",
    noRiskReview: "The update for {{quarter}} cites no risk review.",
  },
  check(ctx) {
    const table = ctx.table("quarterly");
    if (!table) return [];
    const ended = ctx.data.quarterly.filter((q) => q.quarterEnd !== null && q.quarterEnd <= ctx.reportingDate);
    if (ended.length === 0) return [];
    const out: RuleFinding[] = [];
    for (const [key, what, messageId] of EVIDENCE) {
      const col = ctx.requireColumn(table, key, `each quarterly update must cite its ${what}`);
      if (col === undefined) continue;
      for (const q of ended) {
        if (ctx.text(q, key) === "") out.push(ctx.atValue(q, key, messageId, { quarter: q.label }));
      }
    }
    return out;
  },
});

export const RULES_VI: readonly Rule[] = [quartersPresent, trajectoryActual, quarterEvidence];
