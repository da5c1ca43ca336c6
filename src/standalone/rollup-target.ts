/**
 * The overall target of the standalone page's roll-up, as the reviewer chooses it: none (the
 * returns' own targets added up), an amount, or a rate a year on a baseline with the years and the
 * method, the same choices as `vfm consolidate --overall-target` / `--target-rate --baseline
 * --years --method`, parsed by the same core helper (core/review/overall-target.ts) and worked out by
 * the same resolveOverallTarget and consolidate().
 */
import type { TargetMethod } from "../core/calc";
import { consolidate, resolveOverallTarget, type ConsolidatedReturn, type Consolidation } from "../core/review/consolidate";
import { parseOverallTarget, type OverallTargetNames, type OverallTargetParts } from "../core/review/overall-target";

export type TargetMode = "none" | "amount" | "rate";

/** What the reviewer typed and chose, kept as typed (so the form shows it again). */
export interface TargetChoice {
  mode: TargetMode;
  amount: string;
  rate: string;
  baseline: string;
  /** Blank: the returns' own spending period, else 3. */
  years: string;
  method: TargetMethod;
}

export const NO_TARGET: TargetChoice = { mode: "none", amount: "", rate: "", baseline: "", years: "", method: "compound" };

/** The page's names for the parts, in its messages: its fields' labels. */
export const PAGE_TARGET_NAMES: OverallTargetNames = {
  amount: "Overall target",
  rate: "Rate a year",
  baseline: "Baseline",
  years: "Years",
  method: "Method",
  askRate: "a rate a year (e.g. 3%)",
  askBaseline: "a baseline (e.g. 12.6bn)",
  askBoth: "a rate a year and a baseline",
};

export interface RollUp {
  consolidation: Consolidation;
  /** Why the chosen target could not be used (the roll-up is then without one); `part` names the field. */
  problem: { part: keyof OverallTargetParts | null; message: string } | null;
}

/** The roll-up of these rows against the chosen target, as `vfm consolidate` rolls them up. */
export function rollUp(rows: readonly ConsolidatedReturn[], choice: TargetChoice): RollUp {
  if (choice.mode === "none") return { consolidation: consolidate(rows), problem: null };
  const texts =
    choice.mode === "amount"
      ? { amount: choice.amount }
      : { rate: choice.rate, baseline: choice.baseline, years: choice.years, method: choice.method };
  const parsed = parseOverallTarget(texts, PAGE_TARGET_NAMES);
  if (!parsed.ok) return { consolidation: consolidate(rows), problem: { part: parsed.part, message: parsed.message } };
  if (parsed.spec === null) {
    const message =
      choice.mode === "amount" ? "Give the overall target, e.g. 1.17bn." : "Give a rate a year (e.g. 3%) and a baseline (e.g. 12.6bn).";
    return { consolidation: consolidate(rows), problem: { part: choice.mode === "amount" ? "amount" : "rate", message } };
  }
  const overall = resolveOverallTarget(parsed.spec, rows);
  if ("error" in overall) {
    const message = overall.error.charAt(0).toUpperCase() + overall.error.slice(1) + ".";
    return { consolidation: consolidate(rows), problem: { part: null, message } };
  }
  return { consolidation: consolidate(rows, overall), problem: null };
}
