/**
 * The roll-up across returns (`vfm consolidate`, the standalone page's several-files view): one row per
 * return and the totals against a stated overall target, for a VfM Board or a Home Office reviewer who
 * receives 43 returns at once.
 *
 * Every amount is in pounds (£), whatever unit each return is kept in (a return in £m and one in £'000
 * add up exactly), and every sum is on exact decimals (the calculation core's sumExact), so the totals
 * are right to the penny. Each return is read once: its verdict (verdict.ts), its on-track judgement
 * (on-track.ts) and its records (return-records.ts, compare's) all come from one analysis.
 *
 * Per return:
 * - planned: the risk-adjusted cashable gains its profile plans for each financial year (on-track.ts's
 *   plannedByYear, rounded to the penny); without a profile, the register's risk-adjusted cashable gains in the target year;
 * - achieved: for each financial year, the latest quarterly Actual reported in it by the reporting date
 *   (the quarterly figures are cumulative over the period, as on-track.ts reads them), so the year's
 *   figure is the level of gains reached by the latest quarter reported in that year;
 * - gains by workstream and by category: risk-adjusted net gains, cashable and non-cashable apart,
 *   service reductions left out (they never count).
 *
 * Pure: workbook models or checked results in, plain records out. No I/O.
 */
import { sumExact, target as targetCalc, type TargetMethod } from "../calc";
import { ExactDecimal, decimalToDouble, ratioToDouble } from "../calc/exact";
import type { Analysis, ValidateOptions } from "../validate/analysis";
import { validateWorkbookWithContext } from "../validate/engine";
import { formatFinancialYearLabel, quarterEnd, quarterFromIndex, quarterLabel } from "../validate/dates";
import { cellText, convertUnit, formatPercent, normaliseLabel, type MoneyUnit } from "../validate/text";
import { PRINCIPLES, type Finding, type PrincipleKey } from "../validate/types";
import type { WorkbookModel } from "../workbook/model";
import {
  DEFAULT_ON_TRACK_THRESHOLDS,
  judgeMeasure,
  onTrackInputOf,
  targetPath,
  verdictOnTrack,
  type OnTrackJudgement,
  type OnTrackStatus,
} from "./on-track";
import { money } from "./compare-report";
import { returnRecords, type ReturnRecords } from "./return-records";
import { batchTotals, verdictOf, type BatchTotals, type ReturnVerdict, type VerdictStatus } from "./verdict";

/** An amount for one financial year (start year 2026 = 2026-27). */
interface YearAmount {
  year: number;
  /** "2026-27". */
  label: string;
  amount: number;
}

/** The latest quarterly Actual reported in one financial year. */
interface AchievedYear extends YearAmount {
  /** The quarter it was reported for, "Q2 2026-27". */
  quarter: string;
}

/** One point of a quarterly series: the cumulative amount at the end of a quarter. */
interface QuarterAmount {
  /** Financial-year quarter index (start year x 4 + quarter - 1), for matching quarters across returns. */
  index: number;
  /** "Q1 2026-27". */
  label: string;
  /** ISO date the quarter ends. */
  quarterEnd: string;
  amount: number;
}

/** Risk-adjusted net gains of one workstream or category. */
export interface GroupAmount {
  /** As first written; "(none given)" for gains that do not say. */
  name: string;
  gains: number;
  cashable: number;
  nonCashable: number;
  /** Gains whose type (cashable or not) cannot be read. */
  unclassified: number;
}

export const NONE_GIVEN = "(none given)";

/** One return's row in the roll-up. Amounts in £. */
export interface ConsolidatedReturn {
  file: string;
  /** The body the return is from: its Settings "Body" (or Organisation, Force, Authority, Council), else the file name. */
  body: string;
  status: VerdictStatus;
  /** Why it was not checked (one line); null when it was. */
  reason: string | null;
  verdict: ReturnVerdict;
  /** The unit the return is kept in (its amounts here are all in £); null when it was not checked. */
  unit: MoneyUnit | null;
  reportingDate: string | null;
  baselineYear: number | null;
  baseline: number | null;
  targetYear: number | null;
  targetYears: number | null;
  targetRate: number | null;
  targetMethod: TargetMethod | null;
  target: number | null;
  /** The register's risk-adjusted cashable net gains (what counts against the target). */
  riskAdjustedCashable: number | null;
  /** riskAdjustedCashable / target. */
  progress: number | null;
  planned: YearAmount[];
  achieved: AchievedYear[];
  /** The latest Actual reported by the reporting date (cumulative), null when none. */
  achievedToDate: QuarterAmount | null;
  onTrack: { status: OnTrackStatus; reason: string; shortfall: number } | null;
  /** Error findings per principle (all ten keys). */
  errorsByPrinciple: Record<PrincipleKey, number>;
  /** The return's target path, quarter by quarter (empty without a target). */
  path: QuarterAmount[];
  /** The return's own quarterly Trajectory and Actual figures. */
  trajectory: QuarterAmount[];
  actuals: QuarterAmount[];
  byWorkstream: GroupAmount[];
  byCategory: GroupAmount[];
  /** Every finding, as the validator reports it (the board pack's findings sheet and page section). */
  findings: Finding[];
}

/** What the reviewer states the whole set of returns should reach. */
export type OverallTargetSpec =
  | { kind: "amount"; amount: number }
  | {
      kind: "rate";
      /** A fraction: 0.03 for 3% a year. */
      rate: number;
      /** The baseline the rate applies to, in £ (the police service's GRE, £12.6bn). */
      baseline: number;
      /** Years of the spending period; default: the returns' own (the most common), else 3. */
      years?: number;
      /** Default: compound, as CSR07 and VFM.TARGET. */
      method?: TargetMethod;
    };

export interface OverallTarget {
  spec: OverallTargetSpec;
  /** The overall target, in £. */
  amount: number;
  /** For a rate: the years and method used, and the target due by each year's end. */
  years: number | null;
  method: TargetMethod | null;
  yearTargets: YearAmount[];
  /** For a rate, with the returns' baseline year known: the overall path by quarter. */
  path: QuarterAmount[];
  /** "3% a year, compound, over 3 years on a baseline of £12,600,000,000: £1,168,360,200". */
  description: string;
}

interface OverallResult {
  target: OverallTarget;
  /** The returns' risk-adjusted cashable gains against it. */
  riskAdjustedCashable: number;
  progress: number;
  /** What the returns fall short of the target by (0 when they reach it). */
  shortfall: number;
  /** The plan against the target, judged as a return's plan is (on-track.ts's shares). */
  status: OnTrackStatus;
  /** The returns' own targets added up, against the overall target. */
  returnTargets: number;
  /** For a rate: the returns' baselines added up, as a share of the stated baseline. */
  baselineCovered: number | null;
  /** For a path: the latest quarter every return with actuals has reported, the sum of their actuals and what the overall path asks for then. */
  toDate: { quarter: string; amount: number; due: number; share: number; status: OnTrackStatus; returns: number } | null;
}

interface ConsolidationTotals extends BatchTotals {
  /** Returns counted in the amounts below: checked VfM workbooks. */
  counted: number;
  onTrack: number;
  atRisk: number;
  offTrack: number;
  /** Checked returns without an on-track judgement (no target or nothing to judge). */
  notJudged: number;
  baseline: number;
  target: number;
  riskAdjustedCashable: number;
  /** riskAdjustedCashable / target; null without a target. */
  progress: number | null;
  planned: YearAmount[];
  /** Each year: the sum of the returns' achieved figures for that year (returns that reported in it). */
  achieved: Array<YearAmount & { returns: number }>;
  /** Sum of the returns' target paths, by quarter. */
  path: QuarterAmount[];
  trajectory: Array<QuarterAmount & { returns: number }>;
  actuals: Array<QuarterAmount & { returns: number }>;
  errorsByPrinciple: Record<PrincipleKey, number>;
  /** Returns with at least one error under each principle. */
  returnsFailing: Record<PrincipleKey, number>;
  byWorkstream: GroupAmount[];
  byCategory: GroupAmount[];
}

export interface Consolidation {
  returns: ConsolidatedReturn[];
  totals: ConsolidationTotals;
  /** Null when no overall target was stated. */
  overall: OverallResult | null;
}

const inPounds = (value: number, unit: MoneyUnit) => convertUnit(value, unit, "£");

/**
 * A profile year's risk-adjusted amount (value x risk-adjusted / net) rarely ends at the penny: each
 * return's planned figure is rounded to the penny (half up, on the exact decimal), so the rows add up
 * to the totals exactly.
 */
export function toPenny(value: number): number {
  return decimalToDouble(new ExactDecimal(value).toDecimalPlaces(2, ExactDecimal.ROUND_HALF_UP));
}
const yearAmount = (year: number, amount: number): YearAmount => ({ year, label: formatFinancialYearLabel(year), amount });

function quarterAmount(index: number, amount: number): QuarterAmount {
  const quarter = quarterFromIndex(index);
  return { index, label: quarterLabel(quarter), quarterEnd: quarterEnd(quarter), amount };
}

function zeroByPrinciple(): Record<PrincipleKey, number> {
  return Object.fromEntries(PRINCIPLES.map((p) => [p, 0])) as Record<PrincipleKey, number>;
}

const BODY_KEYS = new Set([
  "body",
  "body name",
  "organisation",
  "organization",
  "force",
  "police force",
  "authority",
  "council",
  "name of body",
]);

/** "returns/Northmoor Police.xlsx" -> "Northmoor Police". */
export function fileBody(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.xlsx$/i, "") || base;
}

/** The body's name from the Settings table, when the workbook states one. */
function statedBody(analysis: Analysis): string | null {
  const settings = analysis.tables.get("settings");
  const keyCol = settings?.columns.get("key");
  const valueCol = settings?.columns.get("value");
  if (!settings || keyCol === undefined || valueCol === undefined) return null;
  for (const r of settings.rows) {
    const cells = settings.sheet.rows[r] ?? [];
    if (!BODY_KEYS.has(normaliseLabel(cellText(cells[keyCol])))) continue;
    const value = cellText(cells[valueCol]).trim();
    if (value !== "") return value.length > 120 ? value.slice(0, 120) : value;
  }
  return null;
}

/** Group key: trimmed, case and inner spacing ignored. */
const groupKey = (name: string | null) => (name === null || name.trim() === "" ? "" : name.trim().toLowerCase().replace(/\s+/g, " "));

interface GroupParts {
  name: string;
  gains: number;
  cashable: number[];
  nonCashable: number[];
  unclassified: number[];
}

/** Adds gains (or other groups) into groups by name, keeping the first spelling and the order of first appearance. */
class Groups {
  private readonly parts = new Map<string, GroupParts>();

  add(name: string | null, gains: number, type: "cashable" | "non-cashable" | "unclassified", amount: number): void {
    const key = groupKey(name);
    let part = this.parts.get(key);
    if (!part) {
      part = { name: key === "" ? NONE_GIVEN : name!.trim(), gains: 0, cashable: [], nonCashable: [], unclassified: [] };
      this.parts.set(key, part);
    }
    part.gains += gains;
    (type === "cashable" ? part.cashable : type === "non-cashable" ? part.nonCashable : part.unclassified).push(amount);
  }

  addGroup(group: GroupAmount): void {
    this.add(group.name === NONE_GIVEN ? null : group.name, group.gains, "cashable", group.cashable);
    this.add(group.name === NONE_GIVEN ? null : group.name, 0, "non-cashable", group.nonCashable);
    this.add(group.name === NONE_GIVEN ? null : group.name, 0, "unclassified", group.unclassified);
  }

  /** Each sum to the penny: a register's cached gains carry binary noise (Excel caches 2.01 - 0.2 as 1.8099999999999998). */
  list(): GroupAmount[] {
    return [...this.parts.values()].map((p) => ({
      name: p.name,
      gains: p.gains,
      cashable: toPenny(sumExact(p.cashable)),
      nonCashable: toPenny(sumExact(p.nonCashable)),
      unclassified: toPenny(sumExact(p.unclassified)),
    }));
  }
}

function gainGroups(records: ReturnRecords, field: "workstream" | "category"): GroupAmount[] {
  const groups = new Groups();
  for (const gain of records.gains) {
    if (gain.serviceReduction) continue;
    const amount = gain.riskAdjusted === null ? 0 : inPounds(gain.riskAdjusted, records.unit);
    groups.add(gain[field], 1, gain.type ?? "unclassified", amount);
  }
  return groups.list();
}

/** The latest Actual in each financial year, and overall, among quarters ended by the reporting date. */
function achievedOf(records: ReturnRecords): { achieved: AchievedYear[]; toDate: QuarterAmount | null; actuals: QuarterAmount[] } {
  const latestByYear = new Map<number, { index: number; amount: number }>();
  const actuals: QuarterAmount[] = [];
  let toDate: QuarterAmount | null = null;
  for (const q of records.quarters) {
    if (q.index === null || q.actual === null) continue;
    const point = quarterAmount(q.index, inPounds(q.actual, records.unit));
    if (point.quarterEnd > records.reportingDate) continue;
    actuals.push(point);
    const year = Math.floor(q.index / 4);
    const seen = latestByYear.get(year);
    if (!seen || q.index > seen.index) latestByYear.set(year, { index: q.index, amount: point.amount });
    if (!toDate || q.index > toDate.index) toDate = point;
  }
  const achieved = [...latestByYear]
    .sort((a, b) => a[0] - b[0])
    .map(([year, { index, amount }]) => ({ ...yearAmount(year, amount), quarter: quarterLabel(quarterFromIndex(index)) }));
  return { achieved, toDate, actuals: actuals.sort((a, b) => a.index - b.index) };
}

/** What `validateWorkbookWithContext` gives for one checked workbook. */
export type CheckedWorkbook = ReturnType<typeof validateWorkbookWithContext>;

/** A return's row from its checked result (the one analysis gives the verdict, the judgement and the records). */
export function consolidatedReturnOf(file: string, checked: CheckedWorkbook): ConsolidatedReturn {
  const { analysis, report, unit } = checked;
  const onTrack = verdictOnTrack(checked.onTrack, unit);
  const verdict = verdictOf({ file, status: "checked", report, vfmTablesFound: checked.vfmTablesFound, onTrack });
  const records = returnRecords(analysis, file);
  const judgement: OnTrackJudgement | null = checked.onTrack;
  const input = onTrackInputOf(analysis);
  const money = (value: number | null) => (value === null ? null : inPounds(value, unit));

  let planned: YearAmount[] = [...(input?.plannedByYear ?? new Map<number, number>())]
    .sort((a, b) => a[0] - b[0])
    .map(([year, amount]) => yearAmount(year, toPenny(inPounds(amount, unit))));
  if (planned.length === 0 && records.targetYear !== null && verdict.riskAdjustedCashable !== null)
    planned = [yearAmount(records.targetYear, inPounds(verdict.riskAdjustedCashable, unit))];
  const { achieved, toDate, actuals } = achievedOf(records);

  const errorsByPrinciple = zeroByPrinciple();
  for (const f of report.findings) if (f.severity === "error") errorsByPrinciple[f.principle]++;

  const trajectory: QuarterAmount[] = [];
  for (const q of records.quarters)
    if (q.index !== null && q.trajectory !== null) trajectory.push(quarterAmount(q.index, inPounds(q.trajectory, unit)));

  return {
    file,
    body: statedBody(analysis) ?? fileBody(file),
    status: verdict.status,
    reason: null,
    verdict,
    unit,
    reportingDate: report.reportingDate,
    baselineYear: records.baselineYear,
    baseline: money(records.baselineTotal),
    targetYear: records.targetYear,
    targetYears: records.targetYears,
    targetRate: records.targetRate,
    targetMethod: records.targetMethod,
    target: money(verdict.target),
    riskAdjustedCashable: money(verdict.riskAdjustedCashable),
    progress: verdict.progress,
    planned,
    achieved,
    achievedToDate: toDate,
    onTrack: onTrack ? { ...onTrack, shortfall: inPounds(onTrack.shortfall, unit) } : null,
    errorsByPrinciple,
    path: (judgement?.path ?? []).map((p) => ({
      ...quarterAmount(p.quarter.startYear * 4 + p.quarter.quarter - 1, inPounds(p.due, unit)),
    })),
    trajectory: trajectory.sort((a, b) => a.index - b.index),
    actuals,
    byWorkstream: gainGroups(records, "workstream"),
    byCategory: gainGroups(records, "category"),
    findings: report.findings,
  };
}

/** A return's row from its workbook: checked as `vfm validate` checks it, analysed once. */
export function consolidatedReturnOfModel(model: WorkbookModel, options: ValidateOptions): ConsolidatedReturn {
  return consolidatedReturnOf(options.file, validateWorkbookWithContext(model, options));
}

/** The row of a file that could not be read or checked (or was not reached): it is listed, with its reason, and adds nothing. */
export function unreadableReturn(file: string, reason: string, status: "unreadable" | "not-checked" = "unreadable"): ConsolidatedReturn {
  const verdict = verdictOf({ file, status, reason });
  return {
    file,
    body: fileBody(file),
    status,
    reason,
    verdict,
    unit: null,
    reportingDate: null,
    baselineYear: null,
    baseline: null,
    targetYear: null,
    targetYears: null,
    targetRate: null,
    targetMethod: null,
    target: null,
    riskAdjustedCashable: null,
    progress: null,
    planned: [],
    achieved: [],
    achievedToDate: null,
    onTrack: null,
    errorsByPrinciple: zeroByPrinciple(),
    path: [],
    trajectory: [],
    actuals: [],
    byWorkstream: [],
    byCategory: [],
    findings: [],
  };
}

/** Sums amounts keyed by year or quarter index, in key order, counting the contributors. */
function sumByKey<T extends { amount: number }>(lists: ReadonlyArray<readonly T[]>, keyOf: (item: T) => number) {
  const byKey = new Map<number, { item: T; amounts: number[] }>();
  for (const list of lists)
    for (const item of list) {
      const key = keyOf(item);
      const entry = byKey.get(key) ?? { item, amounts: [] };
      entry.amounts.push(item.amount);
      byKey.set(key, entry);
    }
  return [...byKey]
    .sort((a, b) => a[0] - b[0])
    .map(([, { item, amounts }]) => ({ ...item, amount: sumExact(amounts), returns: amounts.length }));
}

const share = (amount: number, of: number) => ratioToDouble(new ExactDecimal(amount), new ExactDecimal(of));

function mostCommon(values: ReadonlyArray<number | null>): number | null {
  const counts = new Map<number, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  for (const [value, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && value < best)) best = value;
  return best;
}

/** "£1,168,360,200", "-£1.50": an amount in £, never rounded. */
export function pounds(value: number): string {
  return money(value, "£");
}

/** The overall target from its statement, with the returns' own period and baseline year as defaults. */
export function resolveOverallTarget(spec: OverallTargetSpec, returns: readonly ConsolidatedReturn[]): OverallTarget | { error: string } {
  if (spec.kind === "amount") {
    if (!(spec.amount > 0) || !Number.isFinite(spec.amount))
      return { error: `the overall target must be an amount above £0, not ${spec.amount}` };
    return {
      spec,
      amount: spec.amount,
      years: null,
      method: null,
      yearTargets: [],
      path: [],
      description: `${pounds(spec.amount)} (stated)`,
    };
  }
  const counted = returns.filter((r) => r.status === "checked");
  const years = spec.years ?? mostCommon(counted.map((r) => r.targetYears)) ?? 3;
  const method = spec.method ?? "compound";
  const yearTargets: YearAmount[] = [];
  const baselineYear = mostCommon(counted.map((r) => r.baselineYear));
  for (let k = 1; k <= years; k++) {
    const t = targetCalc(spec.baseline, spec.rate, k, method);
    if (!t.ok) return { error: t.message };
    yearTargets.push(yearAmount((baselineYear ?? 0) + k, t.value));
  }
  const amount = yearTargets[yearTargets.length - 1]?.amount ?? 0;
  if (!(amount > 0)) return { error: "the overall target works out at £0: give a rate above 0% and a baseline above £0" };
  const path =
    baselineYear === null
      ? []
      : targetPath(
          baselineYear,
          yearTargets.map((y) => y.amount),
        ).map((p) => quarterAmount(p.quarter.startYear * 4 + p.quarter.quarter - 1, p.due));
  const rate = formatPercent(spec.rate);
  const period = baselineYear === null ? "" : ` (${yearTargets[0].label} to ${yearTargets[yearTargets.length - 1].label})`;
  return {
    spec,
    amount,
    years,
    method,
    yearTargets: baselineYear === null ? [] : yearTargets,
    path,
    description: `${rate} a year, ${method}, over ${years} year${years === 1 ? "" : "s"}${period} on a baseline of ${pounds(spec.baseline)}: ${pounds(amount)}`,
  };
}

function overallResult(target: OverallTarget, returns: readonly ConsolidatedReturn[], totals: ConsolidationTotals): OverallResult {
  const measure = judgeMeasure(totals.riskAdjustedCashable, target.amount, DEFAULT_ON_TRACK_THRESHOLDS);
  let toDate: OverallResult["toDate"] = null;
  const reporting = returns.filter((r) => r.achievedToDate !== null);
  if (target.path.length > 0 && reporting.length > 0) {
    // The latest quarter every reporting return has reached, and each one's Actual at or before it.
    const common = Math.min(...reporting.map((r) => r.achievedToDate!.index));
    const point = target.path.find((p) => p.index === common);
    if (point) {
      const amounts = reporting.map((r) => [...r.actuals].reverse().find((a) => a.index <= common)?.amount ?? 0);
      const amount = sumExact(amounts);
      const judged = judgeMeasure(amount, point.amount, DEFAULT_ON_TRACK_THRESHOLDS);
      toDate = { quarter: point.label, amount, due: point.amount, share: judged.share, status: judged.status, returns: reporting.length };
    }
  }
  const status: OnTrackStatus =
    toDate &&
    toDate.status !== "on-track" &&
    (measure.status === "on-track" || (toDate.status === "off-track" && measure.status === "at-risk"))
      ? toDate.status
      : measure.status;
  return {
    target,
    riskAdjustedCashable: totals.riskAdjustedCashable,
    progress: measure.share,
    shortfall: measure.shortfall,
    status,
    returnTargets: totals.target,
    baselineCovered: target.spec.kind === "rate" && target.spec.baseline > 0 ? share(totals.baseline, target.spec.baseline) : null,
    toDate,
  };
}

function totalsOf(returns: readonly ConsolidatedReturn[]): ConsolidationTotals {
  const counted = returns.filter((r) => r.status === "checked");
  const amounts = (pick: (r: ConsolidatedReturn) => number | null) => sumExact(counted.map(pick).filter((v): v is number => v !== null));
  const errorsByPrinciple = zeroByPrinciple();
  const returnsFailing = zeroByPrinciple();
  for (const r of counted)
    for (const p of PRINCIPLES) {
      errorsByPrinciple[p] += r.errorsByPrinciple[p];
      if (r.errorsByPrinciple[p] > 0) returnsFailing[p]++;
    }
  const workstreams = new Groups();
  const categories = new Groups();
  for (const r of counted) {
    for (const g of r.byWorkstream) workstreams.addGroup(g);
    for (const g of r.byCategory) categories.addGroup(g);
  }
  const judged = (status: OnTrackStatus) => counted.filter((r) => r.onTrack?.status === status).length;
  const target = amounts((r) => r.target);
  const riskAdjustedCashable = amounts((r) => r.riskAdjustedCashable);
  const byYear = (y: YearAmount) => y.year;
  const byQuarter = (q: QuarterAmount) => q.index;
  return {
    ...batchTotals(returns.map((r) => r.verdict)),
    counted: counted.length,
    onTrack: judged("on-track"),
    atRisk: judged("at-risk"),
    offTrack: judged("off-track"),
    notJudged: counted.filter((r) => r.onTrack === null).length,
    baseline: amounts((r) => r.baseline),
    target,
    riskAdjustedCashable,
    progress: target > 0 ? share(riskAdjustedCashable, target) : null,
    planned: sumByKey(
      counted.map((r) => r.planned),
      byYear,
    ).map(({ year, label, amount }) => ({ year, label, amount })),
    achieved: sumByKey(
      counted.map((r) => r.achieved),
      byYear,
    ).map(({ year, label, amount, returns: n }) => ({ year, label, amount, returns: n })),
    path: sumByKey(
      counted.map((r) => r.path),
      byQuarter,
    ).map(({ index, label, quarterEnd: end, amount }) => ({ index, label, quarterEnd: end, amount })),
    trajectory: sumByKey(
      counted.map((r) => r.trajectory),
      byQuarter,
    ),
    actuals: sumByKey(
      counted.map((r) => r.actuals),
      byQuarter,
    ),
    errorsByPrinciple,
    returnsFailing,
    byWorkstream: workstreams.list(),
    byCategory: categories.list(),
  };
}

/**
 * The roll-up: the returns in the order given, their totals, and the totals against the overall
 * target when one is stated. Only checked VfM workbooks add to the amounts; every file is a row.
 */
export function consolidate(returns: readonly ConsolidatedReturn[], overall: OverallTarget | null = null): Consolidation {
  const totals = totalsOf(returns);
  return { returns: [...returns], totals, overall: overall ? overallResult(overall, returns, totals) : null };
}

const AMOUNT_TEXT = /^(-?)£?\s*(\d[\d,]*(?:\.\d+)?|\.\d+)\s*(k|m|bn|b|thousand|million|billion)?$/i;
const MULTIPLIERS: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9 };

/** "£12.6bn", "12,600,000,000", "378m", "450k" -> pounds, exactly; null for anything else. */
export function parseAmountText(text: string): number | null {
  const match = AMOUNT_TEXT.exec(text.trim().replace(/^£\s*-/, "-"));
  if (!match || (match[2].includes(",") && !/^\d{1,3}(,\d{3})*(\.\d+)?$/.test(match[2]))) return null;
  const value = new ExactDecimal(match[2].replace(/,/g, "")).times(match[3] ? MULTIPLIERS[match[3].toLowerCase()] : 1);
  const result = decimalToDouble(match[1] === "-" ? value.negated() : value);
  return Number.isFinite(result) ? result : null;
}

/** "3%", "0.03" -> 0.03; null for anything else or a rate outside [0, 1). */
export function parseRateText(text: string): number | null {
  const t = text.trim();
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(t);
  const fraction = /^(0?\.\d+|0)$/.exec(t);
  const value = percent ? decimalToDouble(new ExactDecimal(percent[1]).dividedBy(100)) : fraction ? Number(fraction[1]) : null;
  return value !== null && value >= 0 && value < 1 ? value : null;
}
