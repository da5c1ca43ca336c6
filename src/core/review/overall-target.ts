/**
 * The overall target of a roll-up as a reviewer states it, parsed in one place for every surface:
 * `vfm consolidate --overall-target 1.17bn` (or `--target-rate 3% --baseline 12.6bn [--years N
 * --method compound|simple]`) and the standalone page's roll-up take the same texts, with the same
 * rules and the same messages. Each surface names the parts its own way (`--target-rate` on the
 * command line, "the rate a year" on the page); resolveOverallTarget (consolidate.ts) then works the
 * amount out against the returns.
 */
import type { TargetMethod } from "../calc";
import { parseAmountText, parseRateText, type OverallTargetSpec } from "./consolidate";

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** An amount in £ above 0, written as a reviewer writes one: 1.17bn, 378m, 450k, 12,600,000,000. */
export function parseTargetAmount(text: string): Parsed<number> {
  const value = parseAmountText(text);
  return value !== null && value > 0
    ? { ok: true, value }
    : { ok: false, message: `'${text}' is not an amount in £: write it like 1.17bn, 378m, 450k or 12,600,000,000` };
}

/** A rate a year above 0: 3% or 0.03. */
export function parseTargetRate(text: string): Parsed<number> {
  const rate = parseRateText(text);
  return rate !== null && rate > 0
    ? { ok: true, value: rate }
    : { ok: false, message: `'${text}' is not a rate a year: write it like 3% or 0.03` };
}

/** Years of the spending period: a whole number from 1 to 100. */
export function parseTargetYears(text: string): Parsed<number> {
  return /^\d{1,3}$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 100
    ? { ok: true, value: Number(text) }
    : { ok: false, message: `'${text}' is not a whole number of years from 1 to 100` };
}

export const TARGET_METHODS: readonly TargetMethod[] = ["compound", "simple"];

export function parseTargetMethod(text: string): Parsed<TargetMethod> {
  const method = TARGET_METHODS.find((m) => m === text.trim().toLowerCase());
  return method ? { ok: true, value: method } : { ok: false, message: `'${text}' is not one of ${TARGET_METHODS.join(", ")}` };
}

/** The parts of the statement, each already parsed; absent when not given. */
export interface OverallTargetParts {
  amount?: number;
  rate?: number;
  baseline?: number;
  years?: number;
  method?: TargetMethod;
}

/** How a surface names each part, and how it asks for the rate and the baseline, in its messages. */
export interface OverallTargetNames {
  amount: string;
  rate: string;
  baseline: string;
  years: string;
  method: string;
  /** "--target-rate RATE (e.g. --target-rate 3%)" */
  askRate: string;
  /** "--baseline AMOUNT (e.g. --baseline 12.6bn)" */
  askBaseline: string;
  /** "--target-rate RATE --baseline AMOUNT" */
  askBoth: string;
}

/** The command line's names: the options of `vfm consolidate`. */
export const COMMAND_LINE_TARGET_NAMES: OverallTargetNames = {
  amount: "--overall-target",
  rate: "--target-rate",
  baseline: "--baseline",
  years: "--years",
  method: "--method",
  askRate: "--target-rate RATE (e.g. --target-rate 3%)",
  askBaseline: "--baseline AMOUNT (e.g. --baseline 12.6bn)",
  askBoth: "--target-rate RATE --baseline AMOUNT",
};

/**
 * The overall target the parts state: an amount, or a rate on a baseline (with years and method if
 * given); null when nothing is stated; `{ error }` when the parts do not go together.
 */
export function overallTargetSpec(
  parts: OverallTargetParts,
  names: OverallTargetNames = COMMAND_LINE_TARGET_NAMES,
): OverallTargetSpec | null | { error: string } {
  const { amount, rate, baseline, years, method } = parts;
  const n = names;
  if (amount !== undefined) {
    if (rate !== undefined || baseline !== undefined) return { error: `give ${n.amount} or ${n.rate} with ${n.baseline}, not both` };
    if (years !== undefined || method !== undefined) return { error: `${n.years} and ${n.method} go with ${n.rate}, not ${n.amount}` };
    return { kind: "amount", amount };
  }
  if (rate !== undefined || baseline !== undefined) {
    if (rate === undefined) return { error: `${n.baseline} goes with ${n.askRate}` };
    if (baseline === undefined) return { error: `${n.rate} needs ${n.askBaseline}` };
    return { kind: "rate", rate, baseline, ...(years !== undefined ? { years } : {}), ...(method ? { method } : {}) };
  }
  if (years !== undefined || method !== undefined) return { error: `${n.years} and ${n.method} go with ${n.askBoth}` };
  return null;
}

/** The statement as typed: blank or absent parts are not given. */
export type OverallTargetTexts = Partial<Record<keyof OverallTargetParts, string>>;

const PARSERS: { [K in keyof OverallTargetParts]-?: (text: string) => Parsed<NonNullable<OverallTargetParts[K]>> } = {
  amount: parseTargetAmount,
  rate: parseTargetRate,
  baseline: parseTargetAmount,
  years: parseTargetYears,
  method: parseTargetMethod,
};

/**
 * The overall target from the texts typed for it: each part parsed as the command line parses its
 * option, then put together as overallTargetSpec does. A problem names the part it is in (`part`
 * null: the parts do not go together).
 */
export function parseOverallTarget(
  texts: OverallTargetTexts,
  names: OverallTargetNames = COMMAND_LINE_TARGET_NAMES,
): { ok: true; spec: OverallTargetSpec | null } | { ok: false; part: keyof OverallTargetParts | null; message: string } {
  const parts: Record<string, unknown> = {};
  for (const key of Object.keys(PARSERS) as Array<keyof OverallTargetParts>) {
    const text = texts[key]?.trim();
    if (!text) continue;
    const parsed = PARSERS[key](text);
    if (!parsed.ok) return { ok: false, part: key, message: `${names[key]}: ${parsed.message}` };
    parts[key] = parsed.value;
  }
  const spec = overallTargetSpec(parts, names);
  if (spec !== null && "error" in spec) return { ok: false, part: null, message: spec.error };
  return { ok: true, spec };
}
