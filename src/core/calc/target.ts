import { coerceNumber, describe, isBlank, parseNumberText, unwrapSingleCell } from "./coerce";
import { exactCompoundTarget, exactSimpleTarget } from "./exact";
import { CalcResult, calcError, calcOk } from "./types";

/** Longest spending period TARGET accepts, in years (keeps exact arithmetic quick). */
const MAX_TARGET_YEARS = 100;

export type TargetMethod = "compound" | "simple";

function parseMethod(method: unknown): TargetMethod | null {
  if (method === null || method === undefined || method === "compound") return "compound";
  if (method === "simple") return "simple";
  const value = Array.isArray(method) ? unwrapSingleCell(method) : method;
  if (isBlank(value)) return "compound";
  if (typeof value !== "string") return null;
  const word = value.trim().toLowerCase();
  return word === "compound" || word === "simple" ? word : null;
}

/**
 * VFM.TARGET: the cumulative gain required by the end of year `years`.
 * compound (default, CSR07): baseline x ((1 + rate)^years - 1); simple (SR2004): baseline x rate x years.
 */
export function target(baseline: unknown, rate: unknown, years: unknown, method?: unknown): CalcResult {
  const base = coerceNumber(baseline, "baseline", 0);
  if (typeof base !== "number") return base;
  if (base < 0) return calcError("#NUM!", `baseline must not be negative (it is the spend gains are measured against), not ${base}`);

  const r = coerceNumber(rate, "rate", 0);
  if (typeof r !== "number") return r;
  if (r >= 1) {
    const meant = parseNumberText(`${r}%`);
    return calcError("#NUM!", `rate must be a fraction such as 3% or 0.03, not ${r} (if you meant ${r}%, type ${r}% or ${meant})`);
  }
  if (r < 0) return calcError("#NUM!", `rate must not be negative: give a fraction such as 3% or 0.03, not ${r}`);

  const n = coerceNumber(years, "years", 0);
  if (typeof n !== "number") return n;
  if (!Number.isInteger(n) || n < 0 || n > MAX_TARGET_YEARS) {
    return calcError("#NUM!", `years must be a whole number of years from 0 to ${MAX_TARGET_YEARS}, not ${n}`);
  }

  const how = parseMethod(method);
  if (how === null)
    return calcError("#VALUE!", `method must be "compound" or "simple" (or left out for compound), not ${describe(method)}`);

  const value = how === "compound" ? exactCompoundTarget(base, r, n) : exactSimpleTarget(base, r, n);
  return calcOk(value, false, null);
}
