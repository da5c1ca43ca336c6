import { coerceNumber, collectSummands, describe, excelErrorCode, isBlank, parseNumberText, unwrapSingleCell } from "./coerce";
import { ExactValue, exactNetGain, exactSum } from "./exact";
import { CalcError, CalcResult, RagMapping, calcError, calcOk } from "./types";

/**
 * Our documented judgement for RAG-rated deliverability (overridable in the workbook's settings):
 * Green (fairly represents the gain) counts in full, Amber (some uncertainty) at half, Red (does not
 * represent, or significantly overstates, the gain) not at all.
 */
export const DEFAULT_RAG_MAPPING: RagMapping = new Map([
  ["green", 1],
  ["amber", 0.5],
  ["red", 0],
]);

function ragWords(mapping: RagMapping): string {
  const words = [...mapping.keys()].map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

function checkFraction(value: number, shown: unknown): number | CalcError {
  if (value >= 0 && value <= 1) return value;
  return calcError(
    "#NUM!",
    `deliverability must be between 0 and 1 (0% to 100%), not ${typeof shown === "string" ? shown.trim() : String(shown)}`,
  );
}

/** The deliverability fraction: blank is 1 (no discount); a number in [0, 1]; or a RAG word through the mapping. */
function coerceDeliverability(deliverability: unknown, mapping: RagMapping): number | CalcError {
  if (typeof deliverability === "number" && Number.isFinite(deliverability)) return checkFraction(deliverability, deliverability);
  const value = Array.isArray(deliverability) ? unwrapSingleCell(deliverability) : deliverability;
  if (isBlank(value)) return 1;
  if (typeof value === "string" && excelErrorCode(value) === null) {
    const word = value.trim().toLowerCase();
    const mapped = mapping.get(word);
    if (mapped !== undefined) {
      if (typeof mapped === "number" && mapped >= 0 && mapped <= 1) return mapped;
      return calcError(
        "#NUM!",
        `the RAG mapping gives ${value.trim()} the deliverability ${String(mapped)}, which is not between 0 and 1; correct the mapping in the workbook's settings`,
      );
    }
    const parsed = parseNumberText(value);
    if (Number.isFinite(parsed)) return checkFraction(parsed, value);
    return calcError(
      "#VALUE!",
      `deliverability must be a fraction from 0 to 1 (such as 90% or 0.9) or ${ragWords(mapping)}, not ${describe(value)}`,
    );
  }
  if (typeof value === "boolean") {
    return calcError(
      "#VALUE!",
      `deliverability must be a fraction from 0 to 1 (such as 90% or 0.9) or ${ragWords(mapping)}, not ${describe(value)}`,
    );
  }
  const number = coerceNumber(value, "deliverability", 1);
  if (typeof number !== "number") return number;
  return checkFraction(number, number);
}

function exactArgument(value: unknown, name: string): ExactValue | CalcError {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  // Excel passes a single cell or a typed value to a range parameter as [[value]]: read it as that value.
  const single = Array.isArray(value) ? unwrapSingleCell(value) : value;
  const numbers = collectSummands(single, name);
  if (!Array.isArray(numbers)) return numbers;
  return numbers.length === 1 ? numbers[0] : exactSum(numbers);
}

/**
 * VFM.NETGAIN: sum(gross) x deliverability - sum(costs). Deliverability discounts the gross gain, not
 * the costs: costs are incurred whether or not the gain materialises.
 */
export function netGain(gross: unknown, costs?: unknown, deliverability?: unknown, options?: { ragMapping?: RagMapping }): CalcResult {
  const g = exactArgument(gross, "gross");
  if (typeof g === "object" && "ok" in g) return g;
  const c = exactArgument(costs, "costs");
  if (typeof c === "object" && "ok" in c) return c;
  const d = coerceDeliverability(deliverability, options?.ragMapping ?? DEFAULT_RAG_MAPPING);
  if (typeof d !== "number") return d;
  return calcOk(exactNetGain(g, d, c), false, null);
}
