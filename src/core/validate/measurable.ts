/**
 * Whether the target, and progress against it, can be measured at all: a baseline or register sum
 * beyond the largest number Excel holds, a target too large for Excel, or a target smaller than half
 * a penny (1e-300 baseline lines) would otherwise give Infinity, NaN or "∞%" in every report. The
 * analysis keeps a target only when it is measurable; method.target-not-measurable says why not.
 */
import { target as targetCalc, type TargetMethod } from "../calc";
import { UNIT_FACTORS, type MoneyUnit } from "./text";

/** The largest number Excel holds in a cell (9.99999999999999E+307); a sum beyond it cannot be shown or checked. */
const EXCEL_LARGEST_NUMBER = 9.99999999999999e307;

/** Half a penny, in pounds: the smallest target a report can show as at least 0.01. */
const HALF_PENNY = 0.005;

export function beyondExcel(value: number): boolean {
  return !(Math.abs(value) <= EXCEL_LARGEST_NUMBER);
}

export type TargetProblem =
  | { kind: "baselineOverflow" }
  | { kind: "targetOverflow" }
  | { kind: "targetUnderflow"; target: number }
  | { kind: "targetZero" }
  | { kind: "progressOverflow"; target: number };

export type MeasuredTarget = { ok: true; value: number; progress: number } | { ok: false; problem: TargetProblem };

export interface TargetInputs {
  baselineTotal: number;
  rate: number;
  years: number;
  method: TargetMethod;
  /** The register's unit: a target of less than half a penny in it cannot be measured against. */
  unit: MoneyUnit;
  /** Risk-adjusted cashable net gains, measured against the target. */
  achieved: number;
}

/**
 * The target and progress against it, or why they cannot be measured; null when there is no positive
 * baseline total to work from (or the Settings give no target: their own findings say why).
 */
export function measureTarget(input: TargetInputs): MeasuredTarget | null {
  const { baselineTotal } = input;
  if (Number.isNaN(baselineTotal)) return { ok: false, problem: { kind: "baselineOverflow" } };
  if (!(baselineTotal > 0)) return null;
  if (beyondExcel(baselineTotal)) return { ok: false, problem: { kind: "baselineOverflow" } };
  const t = targetCalc(baselineTotal, input.rate, input.years, input.method);
  if (!t.ok) {
    if (t.kind !== "#NUM!") return null;
    if (/too large/.test(t.message)) return { ok: false, problem: { kind: "targetOverflow" } };
    if (/too small/.test(t.message)) return { ok: false, problem: { kind: "targetUnderflow", target: 0 } };
    return null;
  }
  if (beyondExcel(t.value)) return { ok: false, problem: { kind: "targetOverflow" } };
  if (t.value === 0) {
    // A positive baseline gives a zero target only at a 0% rate or 0 years, or when the product underflows.
    return { ok: false, problem: input.rate > 0 && input.years > 0 ? { kind: "targetUnderflow", target: 0 } : { kind: "targetZero" } };
  }
  if (t.value * UNIT_FACTORS[input.unit] < HALF_PENNY) return { ok: false, problem: { kind: "targetUnderflow", target: t.value } };
  const progress = input.achieved / t.value;
  if (!Number.isFinite(progress) || beyondExcel(input.achieved))
    return { ok: false, problem: { kind: "progressOverflow", target: t.value } };
  return { ok: true, value: t.value, progress };
}
