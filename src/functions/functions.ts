/*
 * Excel custom functions VFM.TARGET, VFM.NETGAIN and VFM.DEFLATE (namespace VFM from the manifest).
 *
 * Thin wrappers over the calculation core: every calculation, coercion and message lives in
 * src/core/calc. The descriptions below are the ones in src/core/calc/docs.ts, word for word (a test
 * checks); custom-functions-metadata reads them into functions.json at build time, and the webpack
 * plugin appends the CustomFunctions.associate calls, so this file has none.
 *
 * Error values inside a range: Excel normally returns the error itself without calling the function;
 * where it does pass one in (as a CustomFunctions.Error-like object with a code, or as text such as
 * "#DIV/0!"), the core reports it as #VALUE! with a message, never as 0.
 */
import { CalcResult, deflate, netGain, target } from "../core/calc";

/** The parts of the Office custom functions runtime these functions use (a global in Excel). */
interface CustomFunctionsRuntime {
  Error: new (code: string, message?: string) => unknown;
  ErrorCode: { invalidValue: string; invalidNumber: string; notAvailable: string };
  associate(id: string, implementation: unknown): void;
}
declare const CustomFunctions: CustomFunctionsRuntime;

/** The result for Excel: the number, or a thrown CustomFunctions.Error carrying the core's message. */
function toExcel(result: CalcResult): number {
  if (result.ok) return result.value;
  const code =
    result.kind === "#NUM!"
      ? CustomFunctions.ErrorCode.invalidNumber
      : result.kind === "#N/A"
        ? CustomFunctions.ErrorCode.notAvailable
        : CustomFunctions.ErrorCode.invalidValue;
  throw new CustomFunctions.Error(code, result.message);
}

/** The core never throws; this guards against the unforeseen so Excel still gets a clear error. */
function guarded(calculate: () => CalcResult): number {
  let result: CalcResult;
  try {
    result = calculate();
  } catch (unexpected) {
    const detail = unexpected instanceof Error ? unexpected.message : String(unexpected);
    result = { ok: false, kind: "#VALUE!", message: `the calculation could not be done (${detail}); please report this` };
  }
  return toExcel(result);
}

/**
 * Cumulative efficiency gain required by the end of a year of the spending period: baseline x ((1 + rate)^years - 1) compounded, or baseline x rate x years simple.
 * @customfunction TARGET
 * @param baseline Baseline spend the gains are measured against, in pounds (or £m, £000: the result is in the same unit). Must not be negative.
 * @param rate Gain required each year as a fraction: 3% or 0.03. A rate of 1 or more is an error (a typed 3 probably means 3%).
 * @param years Years of the spending period elapsed: a whole number from 0 to 100 (3 for the end of a three-year period).
 * @param method "compound" (the default; CSR07) or "simple" (SR2004, baseline x rate x years).
 * @returns The cumulative gain required, in the unit of the baseline.
 */
export function vfmTarget(baseline: unknown, rate: unknown, years: unknown, method?: unknown): number {
  return guarded(() => target(baseline, rate, years, method));
}

/**
 * Net efficiency gain, risk-adjusted: sum(gross) x deliverability - sum(costs). Deliverability discounts the gross gain, not the costs, which are incurred whatever happens.
 * @customfunction NETGAIN
 * @param gross Gross gain: a number or a range, summed. Blank cells count 0; text or an error in the range is an error.
 * @param costs Up-front and ongoing costs of achieving the gain: a number or a range, summed. Default 0.
 * @param deliverability Likelihood the gain is realised: a fraction from 0 to 1 (such as 90%), or Green (1), Amber (0.5) or Red (0). Default 1.
 * @returns The risk-adjusted net gain.
 */
export function vfmNetGain(gross: unknown[][], costs?: unknown[][], deliverability?: unknown): number {
  return guarded(() => netGain(gross, costs, deliverability));
}

/**
 * Re-expresses an amount in the prices of one financial year in the prices of another: amount x D(to_year) / D(from_year). Default series: HM Treasury GDP deflators, March 2026; years after 2024-25 are forecasts.
 * @customfunction DEFLATE
 * @param amount Amount in the prices of from_year.
 * @param from_year Financial year the amount is priced in: "2008-09", "2008/09", "2008-2009", 2008 or a date within it.
 * @param to_year Financial year whose prices you want, in the same forms as from_year.
 * @param deflators Optional price index: a two-column range (financial year, index) or the name of a shipped series. Default HMT-2026-03.
 * @returns The amount in the prices of to_year.
 */
export function vfmDeflate(amount: unknown, from_year: unknown, to_year: unknown, deflators?: unknown[][]): number {
  return guarded(() => deflate(amount, from_year, to_year, deflators));
}
