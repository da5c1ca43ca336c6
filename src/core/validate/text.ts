/**
 * Text helpers shared by discovery and the rules: header normalisation, amount units, lenient number
 * and percentage reading. Pure functions; callers normalise once per header or per distinct value,
 * never per cell in a hot loop.
 */
import { exactRescale } from "../calc/exact";
import type { Cell } from "../workbook/model";

export type MoneyUnit = "£" | "£k" | "£m" | "£bn";

export const UNIT_FACTORS: Readonly<Record<MoneyUnit, number>> = { "£": 1, "£k": 1000, "£m": 1_000_000, "£bn": 1_000_000_000 };

/**
 * An amount in one unit re-expressed in another through the exact core: 2.01 £m is exactly 2,010 £k
 * (a double multiplication would give 2009.9999999999998).
 */
export function convertUnit(value: number, from: MoneyUnit, to: MoneyUnit): number {
  return from === to ? value : exactRescale(value, UNIT_FACTORS[from], UNIT_FACTORS[to]);
}

/** Longest cell text header and label matching looks at: a header is a few words, never a paragraph. */
export const MATCH_TEXT_CAP = 256;

/** A bounded cache keyed by cell text, so each distinct header or label is matched once per process. */
export function boundedCache<V>(limit = 5000): { get(key: string): V | undefined; set(key: string, value: V): void } {
  const map = new Map<string, V>();
  return {
    get: (key) => map.get(key),
    set: (key, value) => {
      if (map.size >= limit) map.clear();
      map.set(key, value);
    },
  };
}

/**
 * Drops bracketed parts ("(£m)", "[note]") in one left-to-right pass (linear time on any input,
 * unbalanced brackets included: an unclosed bracket drops the rest of the text).
 */
function withoutBrackets(text: string, replacement = " "): string {
  let out = "";
  let depth = 0;
  for (const ch of text) {
    if (ch === "(" || ch === "[") {
      if (depth === 0) out += replacement;
      depth++;
    } else if ((ch === ")" || ch === "]") && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

/** The contents of each top-level bracket, in one pass: "Gross (£m, 2010-11 prices)" -> ["£m, 2010-11 prices"]. */
function bracketContents(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(" || ch === "[") {
      if (depth > 0) current += ch;
      depth++;
    } else if ((ch === ")" || ch === "]") && depth > 0) {
      depth--;
      if (depth === 0) {
        parts.push(current);
        current = "";
      } else current += ch;
    } else if (depth > 0) current += ch;
  }
  return parts;
}

const LABEL_CACHE = boundedCache<string>();

/**
 * Lower-case, drop bracketed parts ("(£m)", "[note]"), turn punctuation into spaces and collapse
 * spaces: "Gross gain (£m)" -> "gross gain", "Risk-adjusted  gain" -> "risk adjusted gain". Linear in
 * the text (no backtracking pattern), capped at MATCH_TEXT_CAP characters, cached per distinct text.
 */
export function normaliseLabel(text: string): string {
  const capped = text.length > MATCH_TEXT_CAP ? text.slice(0, MATCH_TEXT_CAP) : text;
  const cached = LABEL_CACHE.get(capped);
  if (cached !== undefined) return cached;
  const result = withoutBrackets(capped.toLowerCase())
    .replace(/£\s*(?:millions?|thousands?|billions?|000s?|'000s?|mn|bn|m|k|b)?(?![a-z])/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  LABEL_CACHE.set(capped, result);
  return result;
}

/**
 * Lower-case words of free text (a line name, a note, a label), punctuation turned into spaces. Unlike
 * normaliseLabel it keeps what is in brackets: "Car parks (net of fees income)" still says "income".
 */
export function normaliseWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const UNIT_CACHE = boundedCache<MoneyUnit | null>();

/** The unit a header states in brackets or as a suffix: "Gross (£k)", "Net gain £m", "Costs (£'000)". */
export function headerUnit(text: string): MoneyUnit | null {
  const capped = text.length > MATCH_TEXT_CAP ? text.slice(0, MATCH_TEXT_CAP) : text;
  const cached = UNIT_CACHE.get(capped);
  if (cached !== undefined) return cached;
  const unit = unitOfHeader(capped.toLowerCase());
  UNIT_CACHE.set(capped, unit);
  return unit;
}

function unitOfHeader(lower: string): MoneyUnit | null {
  // A bracket may hold more than the unit: "(£m, 2010-11 prices)", "(2010-11 prices; £k)".
  for (const bracket of bracketContents(lower)) {
    for (const part of bracket.split(/[,;]/)) {
      const trimmed = part.trim();
      const unit = trimmed.startsWith("£") ? parseUnit(trimmed) : null;
      if (unit !== null) return unit;
    }
  }
  const pound = lower.lastIndexOf("£");
  if (pound < 0) return null;
  const suffix = lower.slice(pound).trimEnd();
  return /^£\s*[a-z0-9']*$/.test(suffix) ? parseUnit(suffix) : null;
}

/** "£", "£k", "£000", "£'000", "£m", "£ million", "£bn", "thousands", "millions", "billions", "pounds" -> unit. */
export function parseUnit(text: string): MoneyUnit | null {
  const t = text.toLowerCase().replace(/[\s']/g, "");
  if (t === "£" || t === "pounds" || t === "gbp" || t === "£s") return "£";
  if (t === "£k" || t === "£000" || t === "£000s" || t === "k" || t === "thousands" || t === "£thousands" || t === "£thousand") return "£k";
  if (t === "£m" || t === "£million" || t === "£millions" || t === "m" || t === "millions" || t === "£mn") return "£m";
  // Departmental returns (HM Treasury, the Home Office group) are often in £bn.
  if (t === "£bn" || t === "£billion" || t === "£billions" || t === "bn" || t === "billions" || t === "£b") return "£bn";
  return null;
}

/** Text of a cell as the user sees it, trimmed; "" for blank, errors and booleans print as text. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return "";
  if (cell.error) return cell.error;
  const v = cell.value;
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v.trim() : String(v);
}

export function isBlankCell(cell: Cell | undefined): boolean {
  if (!cell || cell.error) return !cell;
  const v = cell.value;
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** What a numeric cell holds. Numeric text ("1,200", "£500", "(80)") is read as its number. */
export type NumberRead =
  { kind: "number"; value: number } | { kind: "blank" } | { kind: "text"; text: string } | { kind: "error"; error: string };

const BLANK: NumberRead = { kind: "blank" };

export function readNumber(cell: Cell | undefined): NumberRead {
  if (!cell) return BLANK;
  if (cell.error) return { kind: "error", error: cell.error };
  const v = cell.value;
  if (typeof v === "number") return Number.isFinite(v) ? { kind: "number", value: v } : { kind: "text", text: String(v) };
  if (v === null || v === undefined) return BLANK;
  if (typeof v === "boolean") return { kind: "text", text: v ? "TRUE" : "FALSE" };
  const text = v.trim();
  if (text === "") return BLANK;
  const parsed = parseNumberText(text);
  return parsed === null ? { kind: "text", text } : { kind: "number", value: parsed };
}

/** The number a cell holds (numeric text read as its number), without allocating; null otherwise. */
export function numberOf(cell: Cell | undefined): number | null {
  if (!cell || cell.error) return null;
  const v = cell.value;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const text = v.trim();
  return text === "" ? null : parseNumberText(text);
}

/** "1,200", "£1,200.50", "-80", "(80)", "12%" -> number; anything else null. */
export function parseNumberText(text: string): number | null {
  let t = text.trim().replace(/,/g, "").replace(/^£/, "").replace(/^-£/, "-");
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(t);
  if (bracketed) {
    negative = true;
    t = bracketed[1].replace(/^£/, "");
  }
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  let n = Number(t);
  if (!Number.isFinite(n)) return null;
  if (percent) n = n / 100;
  return negative ? -n : n;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * What a message shows for a figure that is not a number (NaN) or beyond every number (Infinity):
 * never "NaN", "Infinity" or "∞". The rules report such figures as findings; this is the backstop.
 */
const NOT_MEASURABLE = "(too large or small to measure)";

/** Formats a number with at most `maxDecimals` decimals (trailing zeros dropped), thousands separated. */
function formatWith(value: number, maxDecimals: number): string {
  if (!Number.isFinite(value)) return NOT_MEASURABLE;
  if (Math.abs(value) >= 1e21) return String(value).replace("e+", "E+");
  const fixed = Math.abs(value).toFixed(maxDecimals);
  const [whole, fraction = ""] = fixed.split(".");
  const trimmed = fraction.replace(/0+$/, "");
  const text = groupThousands(whole) + (trimmed ? `.${trimmed}` : "");
  return (value < 0 && /[1-9]/.test(fixed) ? "-" : "") + text;
}

/** Formats an amount for a message: whole numbers as they are, otherwise 2 decimals; thousands separated. */
export function formatAmount(value: number): string {
  if (Number.isInteger(value)) return formatWith(value, 0);
  const rounded = formatWith(value, 2);
  return /\.\d$/.test(rounded) ? `${rounded}0` : rounded;
}

/**
 * How many decimals formatMoney shows: "report" at most 2 (summary lines), "exact" as many as a
 * recomputation message needs to show a difference (up to 4, or 6 below 1), at least 2 when not whole,
 * and Excel's E notation for an amount too large or too small for plain digits (£1E+308, £1E-300).
 */
export type MoneyPrecision = "report" | "exact";

/**
 * "£2,050,000", "£1,234k", "£5.69m", "-£1.5m": an amount with £ and the workbook's unit, for text
 * people read (the report's summary lines and every amount inside a rule message, through ctx.money).
 */
export function formatMoney(value: number, unit: MoneyUnit, precision: MoneyPrecision = "report"): string {
  if (!Number.isFinite(value)) return formatAmount(value);
  const size = Math.abs(value);
  const digits =
    precision === "report" ? formatAmount(size) : size !== 0 && (size < 1e-6 || size >= 1e15) ? scientific(size) : formatExact(size);
  const text = `£${/\.\d$/.test(digits) ? `${digits}0` : digits}${unit.slice(1)}`;
  return value < 0 && /[1-9]/.test(digits) ? `-${text}` : text;
}

/** 1E+308, 1.235E-300: a figure beyond plain digits as Excel writes it, to 4 significant digits. */
function scientific(size: number): string {
  return String(Number(size.toPrecision(4))).replace("e", "E");
}

/** Formats a figure in a recomputation message with enough decimals to show the difference (up to 6). */
export function formatExact(value: number): string {
  if (Number.isInteger(value)) return formatWith(value, 0);
  return formatWith(value, Math.abs(value) < 1 ? 6 : 4);
}

export function formatPercent(fraction: number): string {
  const pct = Math.round(fraction * 1000) / 10;
  return Number.isFinite(pct) ? `${pct}%` : NOT_MEASURABLE;
}

/** Quotes user text in a message, shortened so one finding stays one line. */
export function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return `"${oneLine.length > 60 ? oneLine.slice(0, 57) + "..." : oneLine}"`;
}
