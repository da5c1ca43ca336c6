/*
 * Financial years (April to March), named by the calendar year they start in.
 *
 * Accepted forms: "2008-09", "2008/09", "2008-2009", "2008/2009" (an en dash works too), a bare start
 * year 2008 (as a number or text), or an Excel date, which means the financial year containing it.
 * Numbers from 1900 to 3000 are start years; numbers above 3000 are Excel date serial numbers (3001 is
 * 19 March 1908 in the usual 1900 date system), up to 2958465 (31 December 9999).
 */
import { describe, excelErrorCode, unwrapSingleCell } from "./coerce";
import { CalcError, calcError } from "./types";
import { financialYearLabel } from "../text/financial-year";
import { serialToIso } from "../workbook/iso-date";

const FIRST_BARE_YEAR = 1900;
/** Numbers above this are Excel date serial numbers, not years. */
const LAST_BARE_YEAR = 3000;
const LAST_EXCEL_SERIAL = 2958465;
const ACCEPTED_FORMS = `"2008-09", "2008/09", "2008-2009", 2008 or a date`;

/** 2008 -> "2008-09" (the one label helper, under the calculation core's name). */
export const formatFinancialYear = financialYearLabel;

/** The financial year containing an Excel date serial number. */
function financialYearOfSerial(serial: number, date1904: boolean): number {
  // The phantom 29 February 1900 (serial 60) falls in 1899-00, as the days either side of it do.
  const iso = serialToIso(serial, date1904) ?? "1900-02-28";
  const year = Number(iso.slice(0, 4));
  return Number(iso.slice(5, 7)) >= 4 ? year : year - 1;
}

function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

function fourDigits(text: string, start: number): number {
  let value = 0;
  for (let i = start; i < start + 4; i++) {
    const d = digit(text, i);
    if (d < 0) return -1;
    value = value * 10 + d;
  }
  return value;
}

function isSeparator(code: number): boolean {
  return code === 45 /* - */ || code === 47 /* / */ || code === 0x2013; /* en dash */
}

/**
 * The start year written in `text`, -1 when the text is not a financial year, or -2 when it has the
 * right shape but the second year does not follow the first.
 */
function startYearOfText(raw: string): number {
  const text = raw.length > 0 && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) ? raw.trim() : raw;
  const start = fourDigits(text, 0);
  if (start < 0) return -1;
  if (text.length === 4) return start;
  if (!isSeparator(text.charCodeAt(4))) return -1;
  if (text.length === 7) {
    const d1 = digit(text, 5);
    const d2 = digit(text, 6);
    if (d1 < 0 || d2 < 0) return -1;
    return d1 * 10 + d2 === (start + 1) % 100 ? start : -2;
  }
  if (text.length === 9) {
    const end = fourDigits(text, 5);
    if (end < 0) return -1;
    return end === start + 1 ? start : -2;
  }
  return -1;
}

/** Internal form used by DEFLATE: names the argument in the message. */
export function parseYearArgument(input: unknown, name: string, date1904: boolean): number | CalcError {
  if (typeof input === "number") {
    if (Number.isInteger(input) && input >= FIRST_BARE_YEAR && input <= LAST_BARE_YEAR) return input;
    if (input > LAST_BARE_YEAR && input < LAST_EXCEL_SERIAL + 1) return financialYearOfSerial(input, date1904);
    return calcError("#VALUE!", `${name} must be a financial year such as ${ACCEPTED_FORMS}, not ${describe(input)}`);
  }
  if (typeof input === "string") {
    const start = startYearOfText(input);
    if (start >= FIRST_BARE_YEAR && start <= LAST_BARE_YEAR) return start;
    if (start === -2) {
      return calcError(
        "#VALUE!",
        `${name} ${describe(input)} is not a financial year: the second year must be the year after the first, as in ${ACCEPTED_FORMS}`,
      );
    }
    const code = excelErrorCode(input);
    if (code) return calcError("#VALUE!", `${name} is the error ${code}; fix that cell first`);
    return calcError("#VALUE!", `${name} must be a financial year such as ${ACCEPTED_FORMS}, not ${describe(input)}`);
  }
  if (Array.isArray(input)) {
    const single = unwrapSingleCell(input);
    if (single !== input) return parseYearArgument(single, name, date1904);
    return calcError("#VALUE!", `${name} must be a single financial year, not a range of several cells`);
  }
  if (input === null || input === undefined) {
    return calcError("#VALUE!", `${name} is missing: give a financial year such as ${ACCEPTED_FORMS}`);
  }
  const code = excelErrorCode(input);
  if (code) return calcError("#VALUE!", `${name} is the error ${code}; fix that cell first`);
  return calcError("#VALUE!", `${name} must be a financial year such as ${ACCEPTED_FORMS}, not ${describe(input)}`);
}

/** Reads a financial year in any accepted form; the start year, or #VALUE! naming the accepted forms. */
export function parseFinancialYear(input: unknown, options?: { date1904?: boolean }): { ok: true; startYear: number } | CalcError {
  const parsed = parseYearArgument(input, "the year", options?.date1904 === true);
  return typeof parsed === "number" ? { ok: true, startYear: parsed } : parsed;
}
