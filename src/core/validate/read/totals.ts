/** Read stage, last step: the register's totals and the target they are measured against. */
import { sumExact } from "../../calc";
import { measureTarget } from "../measurable";
import type { MoneyUnit } from "../text";
import type { Settings } from "../settings";
import type { TargetSummary } from "../types";
import type { ParsedGain } from "./gains";

export interface VfmTotals {
  gross: number;
  net: number;
  riskAdjusted: number;
  cashableNet: number;
  cashableRiskAdjusted: number;
  nonCashableNet: number;
  /** Net gains flagged as service reductions (excluded from every other total). */
  serviceReductionNet: number;
}

/** Totals of the register; service reductions never count, risk-adjusted figures are recomputed ones. */
export function computeTotals(gains: readonly ParsedGain[]): VfmTotals {
  const gross: number[] = [];
  const net: number[] = [];
  const risk: number[] = [];
  const cashNet: number[] = [];
  const cashRisk: number[] = [];
  const nonCashNet: number[] = [];
  const cuts: number[] = [];
  for (const g of gains) {
    const n = g.recomputedNet ?? g.net;
    const ra = g.recomputedRiskAdjusted ?? g.riskAdjusted;
    if (g.serviceReduction) {
      if (n !== null) cuts.push(n);
      continue;
    }
    if (g.gross !== null) gross.push(g.gross);
    if (n !== null) net.push(n);
    if (ra !== null) risk.push(ra);
    if (g.type === "cashable") {
      if (n !== null) cashNet.push(n);
      if (ra !== null) cashRisk.push(ra);
    } else if (g.type === "non-cashable" && n !== null) nonCashNet.push(n);
  }
  return {
    gross: sumExact(gross),
    net: sumExact(net),
    riskAdjusted: sumExact(risk),
    cashableNet: sumExact(cashNet),
    cashableRiskAdjusted: sumExact(cashRisk),
    nonCashableNet: sumExact(nonCashNet),
    serviceReductionNet: sumExact(cuts),
  };
}

/**
 * VFM.TARGET on the baseline total and the register's progress towards it; null without a positive
 * baseline and a measurable target (method.target-not-measurable says why a target is not measurable).
 */
export function targetSummary(
  baselineTotal: number | null,
  settings: Settings,
  targetYears: number,
  totals: VfmTotals,
  unit: MoneyUnit,
): TargetSummary | null {
  if (baselineTotal === null) return null;
  const achieved = totals.cashableRiskAdjusted;
  const t = measureTarget({ baselineTotal, rate: settings.targetRate, years: targetYears, method: settings.targetMethod, unit, achieved });
  return t?.ok ? { value: t.value, riskAdjustedCashable: achieved, progress: t.progress } : null;
}
