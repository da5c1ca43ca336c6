/**
 * On track or not: a return's quarterly actuals and its profile against the target path.
 *
 * The target path is VFM.TARGET for each year of the spending period (3%, 6.09%, 9.27% of the
 * baseline for CSR07), phased linearly within each year: the target due by the end of quarter q of
 * year k is TARGET(k - 1) + (TARGET(k) - TARGET(k - 1)) x q / 4. Quarterly Trajectory and Actual
 * figures are read as the gains delivered from the start of the spending period to the end of the
 * quarter (the way the pane's chart draws them against the path).
 *
 * Two measures, each a share of what the path asks for:
 * - to date: the latest quarter with an Actual, ended by the reporting date, against the path at
 *   that quarter's end;
 * - the plan: for each year of the period not yet over at the reporting date (the target year when
 *   all are), the risk-adjusted cashable gains the profile plans for that year against the target
 *   due by that year's end (the weakest year counts).
 * A measure at or above the on-track share (default 100%) is on track; at or above the at-risk share
 * (default 90%) at risk; below it off track. The judgement is the worse of the two. Both shares are
 * our judgement and the workbook's Settings override them ("On-track share", "At-risk share").
 *
 * Pure: figures in, judgement out; every comparison and sum on exact decimals.
 */
import { sumExact, target as targetCalc, type TargetMethod } from "../calc";
import { ExactDecimal, decimalToDouble, exactRescale, exactRescaleScaled, ratioToDouble, scaledIntegerOf } from "../calc/exact";
import type { Analysis } from "../validate/analysis";
import type { OnTrackJudgement as VerdictOnTrack } from "./verdict";
import { formatFinancialYearLabel, quarterEnd, quarterIndex, quarterLabel, type FinancialQuarter } from "../validate/dates";
import { formatMoney, formatPercent, numberOf, UNIT_FACTORS, type MoneyUnit } from "../validate/text";

export type OnTrackStatus = "on-track" | "at-risk" | "off-track";

export const ON_TRACK_WORDS: Readonly<Record<OnTrackStatus, string>> = {
  "on-track": "on track",
  "at-risk": "at risk",
  "off-track": "off track",
};

export interface OnTrackThresholds {
  /** Share of the path at or above which a measure is on track (default 1: all of it). */
  onTrackShare: number;
  /** Share at or above which a measure short of on track is at risk rather than off track (default 0.9). */
  atRiskShare: number;
}

export const DEFAULT_ON_TRACK_THRESHOLDS: OnTrackThresholds = { onTrackShare: 1, atRiskShare: 0.9 };

interface OnTrackQuarter {
  quarter: FinancialQuarter;
  trajectory: number | null;
  actual: number | null;
}

export interface OnTrackInput {
  /** Start year of the baseline financial year (2025 = 2025-26); the period starts the year after. */
  baselineYear: number;
  /** Years of the spending period. */
  targetYears: number;
  baselineTotal: number;
  rate: number;
  method: TargetMethod;
  /** ISO date: quarters ending after it are not yet due. */
  reportingDate: string;
  quarters: readonly OnTrackQuarter[];
  /**
   * Risk-adjusted cashable gains the plan counts on in each financial year (start year -> amount).
   * A year that is missing is taken as planning nothing, unless the map is empty (no profile):
   * then only the final year is judged, on `plannedInTargetYear`.
   */
  plannedByYear: ReadonlyMap<number, number>;
  /** The register's risk-adjusted cashable net gains (the figures for the target year). */
  plannedInTargetYear: number | null;
  thresholds?: OnTrackThresholds;
}

/** The cumulative target due by the end of one quarter of the period. */
export interface PathPoint {
  quarter: FinancialQuarter;
  label: string;
  quarterEnd: string;
  due: number;
}

export interface MeasureResult {
  status: OnTrackStatus;
  /** What was delivered or planned. */
  amount: number;
  /** What the path asks for at that point. */
  due: number;
  /** due - amount, when positive; 0 otherwise. */
  shortfall: number;
  /** amount / due (1 when nothing is due). */
  share: number;
}

interface ToDateResult extends MeasureResult {
  label: string;
  quarterEnd: string;
  /** The workbook's own Trajectory for that quarter, when it gives one. */
  trajectory: number | null;
}

interface PlanYearResult extends MeasureResult {
  /** Start year of the financial year. */
  year: number;
  label: string;
}

export interface OnTrackJudgement {
  status: OnTrackStatus;
  /** Which measure decided the status (the worse one; "to-date" on a tie). */
  decidedBy: "to-date" | "plan";
  thresholds: OnTrackThresholds;
  /** The final target (TARGET over the whole period). */
  target: number;
  /** The target due by the end of each year of the period. */
  yearTargets: Array<{ year: number; label: string; due: number }>;
  /** The whole path, quarter by quarter, from Q1 of the first year to Q4 of the target year. */
  path: PathPoint[];
  toDate: ToDateResult | null;
  /** One entry per year of the period still to come (only the target year when all are over, or there is no profile). */
  plan: PlanYearResult[];
  /** The weakest plan year. */
  weakestPlanYear: PlanYearResult | null;
}

const ORDER: Record<OnTrackStatus, number> = { "on-track": 0, "at-risk": 1, "off-track": 2 };

function toExact(value: number) {
  return new ExactDecimal(value);
}

/** amount against due, judged on exact decimals. */
export function judgeMeasure(amount: number, due: number, thresholds: OnTrackThresholds = DEFAULT_ON_TRACK_THRESHOLDS): MeasureResult {
  const a = toExact(amount);
  const d = toExact(due);
  const share = d.lte(0) ? 1 : ratioToDouble(a, d);
  let status: OnTrackStatus;
  if (d.lte(0) || a.gte(d.times(thresholds.onTrackShare))) status = "on-track";
  else if (a.gte(d.times(thresholds.atRiskShare))) status = "at-risk";
  else status = "off-track";
  const gap = d.minus(a);
  return { status, amount, due, shortfall: gap.gt(0) ? decimalToDouble(gap) : 0, share };
}

/** TARGET at the end of each year 1..years (exact core); null when the inputs give no target. */
function yearEndTargets(input: OnTrackInput): number[] | null {
  const out: number[] = [];
  for (let k = 1; k <= input.targetYears; k++) {
    const t = targetCalc(input.baselineTotal, input.rate, k, input.method);
    if (!t.ok) return null;
    out.push(t.value);
  }
  return out;
}

/** The target path, quarter by quarter, phased linearly within each year. */
export function targetPath(baselineYear: number, yearTargets: readonly number[]): PathPoint[] {
  const path: PathPoint[] = [];
  let previous = toExact(0);
  yearTargets.forEach((value, index) => {
    const end = toExact(value);
    const step = end.minus(previous);
    for (const q of [1, 2, 3, 4] as const) {
      const quarter: FinancialQuarter = { startYear: baselineYear + 1 + index, quarter: q };
      const due = q === 4 ? value : decimalToDouble(previous.plus(step.times(q).dividedBy(4)));
      path.push({ quarter, label: quarterLabel(quarter), quarterEnd: quarterEnd(quarter), due });
    }
    previous = end;
  });
  return path;
}

function worse(a: OnTrackStatus, b: OnTrackStatus): OnTrackStatus {
  return ORDER[a] >= ORDER[b] ? a : b;
}

/** The judgement, or null when the inputs give no target to judge against. */
export function judgeOnTrack(input: OnTrackInput): OnTrackJudgement | null {
  if (!(input.baselineTotal > 0) || input.targetYears < 1) return null;
  const targets = yearEndTargets(input);
  if (targets === null || !(targets[targets.length - 1] > 0)) return null;
  const thresholds = input.thresholds ?? DEFAULT_ON_TRACK_THRESHOLDS;
  const path = targetPath(input.baselineYear, targets);
  const pathByIndex = new Map(path.map((p) => [quarterIndex(p.quarter), p]));

  // To date: the latest quarter of the period, ended by the reporting date, with an Actual.
  let latest: { q: OnTrackQuarter; point: PathPoint } | null = null;
  for (const q of input.quarters) {
    if (q.actual === null) continue;
    const point = pathByIndex.get(quarterIndex(q.quarter));
    if (!point || point.quarterEnd > input.reportingDate) continue;
    if (!latest || quarterIndex(q.quarter) > quarterIndex(latest.q.quarter)) latest = { q, point };
  }
  const toDate: ToDateResult | null = latest
    ? {
        ...judgeMeasure(latest.q.actual!, latest.point.due, thresholds),
        label: latest.point.label,
        quarterEnd: latest.point.quarterEnd,
        trajectory: latest.q.trajectory,
      }
    : null;

  const yearTargets = targets.map((due, index) => {
    const year = input.baselineYear + 1 + index;
    return { year, label: formatFinancialYearLabel(year), due };
  });
  const plan: PlanYearResult[] = [];
  if (input.plannedByYear.size > 0) {
    // Years already over are judged by their actuals; the plan is judged for the years still to come.
    const open = yearTargets.filter(({ year }) => `${year + 1}-03-31` > input.reportingDate);
    const judged = open.length > 0 ? open : yearTargets.slice(-1);
    for (const { year, label, due } of judged)
      plan.push({ ...judgeMeasure(input.plannedByYear.get(year) ?? 0, due, thresholds), year, label });
  } else if (input.plannedInTargetYear !== null) {
    const last = yearTargets[yearTargets.length - 1];
    plan.push({ ...judgeMeasure(input.plannedInTargetYear, last.due, thresholds), year: last.year, label: last.label });
  }
  let weakestPlanYear: PlanYearResult | null = null;
  for (const year of plan) {
    if (
      !weakestPlanYear ||
      ORDER[year.status] > ORDER[weakestPlanYear.status] ||
      (year.status === weakestPlanYear.status && year.share < weakestPlanYear.share)
    ) {
      weakestPlanYear = year;
    }
  }
  if (!toDate && !weakestPlanYear) return null;
  const toDateStatus = toDate?.status ?? "on-track";
  const planStatus = weakestPlanYear?.status ?? "on-track";
  const status = worse(toDateStatus, planStatus);
  const decidedBy = !weakestPlanYear || (toDate && ORDER[toDateStatus] >= ORDER[planStatus]) ? "to-date" : "plan";
  return { status, decidedBy, thresholds, target: targets[targets.length - 1], yearTargets, path, toDate, plan, weakestPlanYear };
}

/**
 * A gain's planned amount for one year, risk-adjusted: a positive profile value is discounted in the
 * same proportion as the gain's own register figures (risk-adjusted / net, so the target year's value
 * is the register's risk-adjusted gain); a negative year (an investment) is a cost and is not
 * discounted, as VFM.NETGAIN never discounts costs.
 */
export function riskAdjustedProfileValue(value: number, net: number | null, riskAdjusted: number | null): number {
  if (value <= 0 || net === null || riskAdjusted === null || !(net > 0) || riskAdjusted === net) return value;
  return exactRescale(value, Math.max(0, riskAdjusted), net);
}

/**
 * riskAdjustedProfileValue for one gain's years, with the ratio's scaled integers found once per gain
 * rather than once per year; null when the gain's values are not discounted.
 */
function profileDiscount(net: number | null, riskAdjusted: number | null): { apply: (value: number) => number } | null {
  if (net === null || riskAdjusted === null || !(net > 0) || riskAdjusted === net) return null;
  const to = Math.max(0, riskAdjusted);
  const t = scaledIntegerOf(to);
  const f = scaledIntegerOf(net);
  return { apply: (value) => exactRescaleScaled(value, to, t?.m ?? 0, t?.s ?? -1, net, f?.m ?? 0, f?.s ?? -1) };
}

/** The on-track inputs an analysed workbook gives; null when it has no target to judge against. */
export function onTrackInputOf(analysis: Analysis): OnTrackInput | null {
  const { data } = analysis;
  const s = data.settings;
  // No measurable target (method.target-not-measurable says why): nothing to judge against.
  if (s.baselineYear === null || data.baselineTotal === null || !(data.baselineTotal > 0) || data.target === null) return null;
  const registerFactor = UNIT_FACTORS[data.unit];
  const toRegister = (value: number, unit: MoneyUnit | null | undefined) => {
    const factor = UNIT_FACTORS[unit ?? s.unit];
    return factor === registerFactor ? value : exactRescale(value, factor, registerFactor);
  };

  const quarterly = analysis.tables.get("quarterly");
  const quarters: OnTrackQuarter[] = [];
  for (const row of data.quarterly) {
    if (!row.quarter) continue;
    quarters.push({
      quarter: row.quarter,
      trajectory: row.trajectory === null ? null : toRegister(row.trajectory, quarterly?.units.get("trajectory")),
      actual: row.actual === null ? null : toRegister(row.actual, quarterly?.units.get("actual")),
    });
  }

  const plannedByYear = new Map<number, number>();
  const profile = analysis.tables.get("profile");
  if (profile && profile.yearColumns.size > 0) {
    // One pass over the cashable gains' profile rows (100,000 rows x 5 years on a large register),
    // with each year's column, unit and list looked up once rather than per cell.
    const years = [...profile.yearColumns.keys()];
    const columns = years.map((year) => profile.yearColumns.get(year)!);
    const units = columns.map((col) => profile.yearUnits.get(col));
    const perYear = years.map((): number[] => []);
    for (const gain of analysis.gains) {
      if (gain.type !== "cashable" || gain.serviceReduction || gain.idKey === null) continue;
      const r = analysis.profileRowById.get(gain.idKey);
      if (r === undefined) continue;
      const cells = profile.sheet.rows[r];
      if (cells === undefined) continue;
      const discount = profileDiscount(gain.recomputedNet ?? gain.net, gain.recomputedRiskAdjusted ?? gain.riskAdjusted);
      for (let k = 0; k < columns.length; k++) {
        const value = numberOf(cells[columns[k]]);
        if (value === null) continue;
        const amount = toRegister(value, units[k]);
        perYear[k].push(discount === null || amount <= 0 ? amount : discount.apply(amount));
      }
    }
    years.forEach((year, k) => plannedByYear.set(year, sumExact(perYear[k])));
  }

  return {
    baselineYear: s.baselineYear,
    targetYears: data.targetYears,
    baselineTotal: data.baselineTotal,
    rate: s.targetRate,
    method: s.targetMethod,
    reportingDate: data.reportingDate,
    quarters,
    plannedByYear,
    plannedInTargetYear: data.target ? data.target.riskAdjustedCashable : null,
    thresholds: { onTrackShare: s.onTrackShare, atRiskShare: s.atRiskShare },
  };
}

/**
 * Judgements already made, per analysis: the rule, the report's verdict and the pane all ask for it,
 * and on a 100,000-gain register reading the profile is a good part of the check. An analysis is not
 * changed once made, so its judgement is not either.
 */
const judgements = new WeakMap<Analysis, OnTrackJudgement | null>();

/** The on-track judgement of an analysed workbook (null when it gives no target or nothing to judge). */
export function onTrackOf(analysis: Analysis): OnTrackJudgement | null {
  const known = judgements.get(analysis);
  if (known !== undefined) return known;
  const input = onTrackInputOf(analysis);
  const judgement = input ? judgeOnTrack(input) : null;
  judgements.set(analysis, judgement);
  return judgement;
}

/** "Off track", "At risk", "On track". */
function onTrackHeading(status: OnTrackStatus): string {
  const word = ON_TRACK_WORDS[status];
  return `${word[0].toUpperCase()}${word.slice(1)}`;
}

/**
 * The judgement in one sentence, from the measure that decided it: "Off track: £2,050,000 delivered
 * by Q2 2026-27 against £6,180,000 due on the target path (33.2%), £4,130,000 short." `money`
 * formats an amount in the workbook's unit (the surfaces pass their own).
 */
export function onTrackSentence(judgement: OnTrackJudgement, money: (value: number) => string): string {
  const head = onTrackHeading(judgement.status);
  const short = (shortfall: number) => (shortfall > 0 ? `, ${money(shortfall)} short` : "");
  const t = judgement.toDate;
  const p = judgement.weakestPlanYear;
  if (t && (judgement.decidedBy === "to-date" || !p)) {
    return `${head}: ${money(t.amount)} delivered by ${t.label} against ${money(t.due)} due on the target path (${formatPercent(t.share)})${short(t.shortfall)}.`;
  }
  if (p)
    return `${head}: the plan counts on ${money(p.amount)} in ${p.label} against ${money(p.due)} due by that year's end (${formatPercent(p.share)})${short(p.shortfall)}.`;
  return `${head}.`;
}

/** The shortfall of the measure that decided the judgement (0 when on track). */
function decidingShortfall(judgement: OnTrackJudgement): number {
  const measure = judgement.decidedBy === "to-date" ? judgement.toDate : judgement.weakestPlanYear;
  return measure?.shortfall ?? 0;
}

/** The judgement as a return's verdict carries it (src/core/review/verdict.ts); null stays null. */
export function verdictOnTrack(judgement: OnTrackJudgement | null, unit: MoneyUnit): VerdictOnTrack | null {
  if (!judgement) return null;
  return {
    status: judgement.status,
    reason: onTrackSentence(judgement, (value) => formatMoney(value, unit)),
    shortfall: decidingShortfall(judgement),
  };
}
