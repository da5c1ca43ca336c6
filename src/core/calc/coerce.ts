/*
 * Turning what a spreadsheet passes (numbers, text, blanks, TRUE/FALSE, error values, ranges) into
 * numbers, by the rules in methodology.md: blanks count as 0 where a number is expected; text that is
 * not a number, TRUE/FALSE and error values are errors, never silently 0.
 */
import { CalcError, calcError } from "./types";

const EXCEL_ERROR_TEXT =
  /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA|FIELD!|BUSY!|CONNECT!|BLOCKED!|UNKNOWN!|PYTHON!|EXTERNAL!)$/i;
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Blank: an omitted argument or an empty cell. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** The Excel error an error value stands for (#DIV/0!, ...), or null when the value is not an error. */
export function excelErrorCode(value: unknown): string | null {
  if (typeof value === "string") return EXCEL_ERROR_TEXT.test(value.trim()) ? value.trim().toUpperCase() : null;
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    // CustomFunctions.Error objects and cell errors read from a file carry the code as text.
    const code = (value as { code?: unknown; errorType?: unknown }).code ?? (value as { errorType?: unknown }).errorType;
    if (typeof code === "string") return code.startsWith("#") ? code : `#${code}`;
    if (value instanceof Error) return "#VALUE!";
  }
  return null;
}

/**
 * A number written as text: "1200", "-5", "0.9", "3%", "1.5E3". Returns NaN when the text is not one.
 * A percentage is shifted in decimal (by the exponent), so "3%" is exactly the double of 0.03.
 */
export function parseNumberText(text: string): number {
  let body = text.trim();
  let exponentShift = 0;
  if (body.endsWith("%")) {
    body = body.slice(0, -1).trimEnd();
    exponentShift = -2;
  }
  if (!NUMBER_TEXT.test(body)) return NaN;
  if (exponentShift === 0) return Number(body);
  const e = body.search(/e/i);
  const mantissa = e < 0 ? body : body.slice(0, e);
  const exponent = e < 0 ? 0 : Number(body.slice(e + 1));
  return Number(`${mantissa}e${exponent + exponentShift}`);
}

/** How a value looks in a message: text in quotes, numbers as written. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return "blank";
  if (typeof value === "string") return value === "" ? "blank" : `"${value.length > 40 ? `${value.slice(0, 40)}...` : value}"`;
  if (typeof value === "number") return Number.isNaN(value) ? "not a number (NaN)" : String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (Array.isArray(value)) return "a range";
  const code = excelErrorCode(value);
  if (code) return `the error ${code}`;
  return "a value that is not a number";
}

/** A one-cell range passed where a single value is expected is that value. */
export function unwrapSingleCell(value: unknown): unknown {
  let current = value;
  for (let depth = 0; depth < 4 && Array.isArray(current) && current.length === 1; depth++) {
    const row: unknown = current[0];
    if (Array.isArray(row)) {
      if (row.length !== 1) return current;
      current = row[0];
    } else {
      current = row;
    }
  }
  return current;
}

/**
 * Why a text that looks like an amount is not one: a typed "£1,200", "1 200" or a typographic minus
 * would otherwise leave the user puzzled by "must be a number".
 */
function numberTextHint(text: string): string {
  const withPlainMinus = text.replace(/[\u2212\u2013\u2012\u2014]/g, "-");
  if (withPlainMinus !== text && Number.isFinite(parseNumberText(withPlainMinus))) {
    return " (type the minus sign as an ordinary hyphen -)";
  }
  const stripped = withPlainMinus.replace(/[£$€,\s\u00a0]/g, "");
  if (stripped !== withPlainMinus && Number.isFinite(parseNumberText(stripped))) {
    const minusNote = withPlainMinus !== text ? " and use an ordinary hyphen for the minus sign" : "";
    return ` (leave out £ signs, spaces and thousands separators${minusNote}: ${stripped})`;
  }
  return "";
}

/**
 * A single number argument. Blank gives `blankValue`. Returns the number, or a CalcError naming the
 * argument and what it accepts.
 */
export function coerceNumber(value: unknown, name: string, blankValue: number): number | CalcError {
  if (typeof value === "number") {
    if (Number.isFinite(value)) return value;
    return calcError(
      "#NUM!",
      `${name} must be a finite number, not ${Number.isNaN(value) ? "NaN" : value > 0 ? "infinity" : "minus infinity"}`,
    );
  }
  const single = Array.isArray(value) ? unwrapSingleCell(value) : value;
  if (single !== value) return coerceNumber(single, name, blankValue);
  if (isBlank(value)) return blankValue;
  if (typeof value === "string") {
    const code = excelErrorCode(value);
    if (code) return calcError("#VALUE!", `${name} is the error ${code}; fix that cell first`);
    const parsed = parseNumberText(value);
    if (Number.isFinite(parsed)) return parsed;
    if (!Number.isNaN(parsed)) return calcError("#NUM!", `${name} is too large: ${describe(value)}`);
    return calcError(
      "#VALUE!",
      `${name} must be a number (such as 1200000, 0.9 or 3%), not the text ${describe(value)}${numberTextHint(value)}`,
    );
  }
  if (typeof value === "boolean") {
    return calcError("#VALUE!", `${name} must be a number, not ${describe(value)}`);
  }
  if (Array.isArray(value)) {
    return calcError("#VALUE!", `${name} must be a single value, not a range of several cells`);
  }
  const code = excelErrorCode(value);
  if (code) return calcError("#VALUE!", `${name} is the error ${code}; fix that cell first`);
  return calcError("#VALUE!", `${name} must be a number, not ${describe(value)}`);
}

/**
 * The numbers of a summed argument: a number, a numeric text, blank, or a range (any nesting of
 * arrays). Blank cells count 0; text, TRUE/FALSE and error values inside a range are errors, because
 * Excel's SUM would skip them silently and a money total must not.
 */
export function collectSummands(value: unknown, name: string): number[] | CalcError {
  if (!Array.isArray(value)) {
    const single = coerceNumber(value, name, 0);
    return typeof single === "number" ? [single] : single;
  }
  const numbers: number[] = [];
  const problem = collectRange(value, name, numbers, 0);
  return problem ?? numbers;
}

const MAX_RANGE_DEPTH = 4;

function collectRange(range: unknown[], name: string, out: number[], depth: number): CalcError | null {
  if (depth >= MAX_RANGE_DEPTH) return calcError("#VALUE!", `${name} must be a number or a range of numbers`);
  for (let i = 0; i < range.length; i++) {
    const cell = range[i];
    if (typeof cell === "number") {
      if (!Number.isFinite(cell)) {
        return calcError(
          "#NUM!",
          `${name} holds ${Number.isNaN(cell) ? "a value that is not a number (NaN)" : "an infinite value"}; every cell must be a finite number or blank`,
        );
      }
      out.push(cell);
      continue;
    }
    if (Array.isArray(cell)) {
      const problem = collectRange(cell, name, out, depth + 1);
      if (problem) return problem;
      continue;
    }
    if (isBlank(cell)) continue;
    const code = excelErrorCode(cell);
    if (code) {
      return calcError("#VALUE!", `${name} holds the error ${code} in its range; fix that cell first (an error is never counted as 0)`);
    }
    if (typeof cell === "string") {
      return calcError(
        "#VALUE!",
        `${name} holds the text ${describe(cell)} in its range; every cell must be a number or blank (text is never counted as 0)`,
      );
    }
    return calcError("#VALUE!", `${name} holds ${describe(cell)} in its range; every cell must be a number or blank`);
  }
  return null;
}
