/**
 * Dates without time zones: ISO "YYYY-MM-DD" strings and Excel serial numbers, plus financial-year
 * quarters (April to March; Q1 = April-June). Pure arithmetic on UTC days so the result never depends
 * on the machine's time zone.
 */
import type { Cell } from "../workbook/model";
import { parseFinancialYear } from "../calc";
import { financialYearLabel } from "../text/financial-year";
import { LAST_SERIAL_1900, serialToIso } from "../workbook/iso-date";

export { isoToSerial, serialToIso } from "../workbook/iso-date";

function isoFromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function validIso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, m - 1, d);
  const iso = isoFromUtc(ms);
  return Number(iso.slice(8, 10)) === d ? iso : null;
}

const MONTHS = new Map<string, number>(
  ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map((m, i) => [m, i + 1]),
);

/** "2009-12-31", "31/12/2009" (UK order), "31-12-2009", "31 December 2009", "31 Dec 2009" -> ISO; else null. */
export function parseDateText(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) return validIso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return validIso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,})\.?,?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.get(m[2].slice(0, 3).toLowerCase());
    return month ? validIso(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}

/** Largest serial Excel accepts (9999-12-31). */
const MAX_SERIAL = LAST_SERIAL_1900;

/** A cell holding a date: a serial number (any number in Excel's date range) or date text. */
export function readDate(cell: Cell | undefined, date1904: boolean): string | null {
  if (!cell || cell.error) return null;
  const v = cell.value;
  if (typeof v === "number") return v >= 1 && v <= MAX_SERIAL ? serialToIso(v, date1904) : null;
  if (typeof v === "string") return parseDateText(v);
  return null;
}

/** ISO date minus whole calendar months, clamped to the month's last day (31 May minus 3 months = 28/29 Feb). */
export function minusMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 - months;
  const d = Number(iso.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return isoFromUtc(Date.UTC(year, month, Math.min(d, lastDay)));
}

/** Financial-year quarter: Q1 April-June of startYear ... Q4 January-March of startYear + 1. */
export interface FinancialQuarter {
  startYear: number;
  quarter: 1 | 2 | 3 | 4;
}

export function quarterIndex(q: FinancialQuarter): number {
  return q.startYear * 4 + (q.quarter - 1);
}

export function quarterFromIndex(index: number): FinancialQuarter {
  return { startYear: Math.floor(index / 4), quarter: ((index % 4) + 1) as 1 | 2 | 3 | 4 };
}

const QUARTER_END_MONTH_DAY = ["06-30", "09-30", "12-31", "03-31"];

export function quarterEnd(q: FinancialQuarter): string {
  const year = q.quarter === 4 ? q.startYear + 1 : q.startYear;
  return `${year}-${QUARTER_END_MONTH_DAY[q.quarter - 1]}`;
}

export function quarterOfDate(iso: string): FinancialQuarter {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  if (month <= 3) return { startYear: year - 1, quarter: 4 };
  return { startYear: year, quarter: (Math.floor((month - 4) / 3) + 1) as 1 | 2 | 3 | 4 };
}

export const formatFinancialYearLabel = financialYearLabel;

export function quarterLabel(q: FinancialQuarter): string {
  return `Q${q.quarter} ${formatFinancialYearLabel(q.startYear)}`;
}

/**
 * A financial year written as text or a bare start year: "2008-09", "2008/09", "2008-2009", "FY2008-09",
 * "FY 2008/09" or 2008. Delegates to the calculation core's parseFinancialYear (the same reading as
 * VFM.DEFLATE) after dropping an "FY" prefix; numbers other than a plausible start year are not years
 * here (a date serial in a header is not a year column).
 */
export function financialYearOf(value: unknown): number | null {
  if (typeof value === "number") {
    return Number.isInteger(value) && value >= 1900 && value <= 2200 ? value : null;
  }
  if (typeof value !== "string") return null;
  const t = value.trim().replace(/^fy\s*/i, "");
  if (!/^\d{4}(\s*[-/\u2013]\s*\d{2,4})?$/.test(t)) return null;
  const parsed = parseFinancialYear(t.replace(/\s+/g, "").replace("\u2013", "-"));
  return parsed.ok ? parsed.startYear : null;
}

/** A number format that shows a date: d, m or y outside quoted text, escapes and [..] sections. */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[dmy]/i.test(numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ""));
}

/**
 * The financial year a cell states: as financialYearOf, and also a date cell, which Excel makes of a
 * typed "2007-08" (1 August 2007): the financial year holding that date.
 */
export function financialYearOfCell(cell: Cell | undefined, date1904: boolean): number | null {
  if (!cell || cell.error) return null;
  const v = cell.value;
  // A bare year (2008) is a number too; only a date-formatted serial beyond any year number is a date.
  if (typeof v === "number" && v > 2200 && isDateFormat(cell.numFmt)) {
    const iso = readDate(cell, date1904);
    return iso === null ? null : quarterOfDate(iso).startYear;
  }
  return financialYearOf(typeof v === "string" ? v.replace(/\s*prices?$/i, "") : v);
}

/**
 * A quarter label: "Q1 2008-09", "2008-09 Q1", "Q1 FY2008/09", "2008/09 Q1", "Quarter 1 2008-09", or a date inside the
 * quarter (normally its quarter-end date), as a serial or date text.
 */
export function parseQuarter(cell: Cell | undefined, date1904: boolean): FinancialQuarter | null {
  if (!cell || cell.error) return null;
  const v = cell.value;
  if (typeof v === "number") {
    const iso = readDate(cell, date1904);
    return iso ? quarterOfDate(iso) : null;
  }
  if (typeof v !== "string") return null;
  const t = v.trim();
  let m = /^q(?:uarter)?\s*([1-4])\s*[,:-]?\s*(.+)$/i.exec(t);
  if (!m) {
    const after = /^(.+?)\s*[,:-]?\s*q(?:uarter)?\s*([1-4])$/i.exec(t);
    if (after) m = [after[0], after[2], after[1]] as unknown as RegExpExecArray;
  }
  if (m) {
    if (!/[-/\u2013]/.test(m[2])) return null;
    const startYear = financialYearOf(m[2]);
    if (startYear === null) return null;
    return { startYear, quarter: Number(m[1]) as 1 | 2 | 3 | 4 };
  }
  const iso = parseDateText(t);
  return iso ? quarterOfDate(iso) : null;
}

/** ISO date as a British reader writes it: "2009-12-31" -> "31/12/2009". */
export function formatDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Why a cell that is written as a date names no day Excel can hold. */
export interface DateProblem {
  kind: "impossible" | "outOfRange";
  /** The date as the cell shows it. */
  text: string;
  /** What is wrong with it, e.g. "February 2026 has 28 days" or "there is no month 13". */
  reason: string;
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const OUT_OF_RANGE = "outside the dates Excel can hold (1 January 1900 to 31 December 9999)";

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Year, month and day of text written as a date (any number of year digits, any day or month number). */
function dateParts(text: string): { y: number; m: number; d: number } | null {
  const t = text.trim();
  let m = /^([+-]?\d{4,6})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4,6})$/.exec(t);
  if (m) return { y: Number(m[3]), m: Number(m[2]), d: Number(m[1]) };
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,})\.?,?\s+(\d{4,6})$/.exec(t);
  const month = m ? MONTHS.get(m[2].slice(0, 3).toLowerCase()) : undefined;
  return m && month ? { y: Number(m[3]), m: month, d: Number(m[1]) } : null;
}

/**
 * Text written as a date that names no day Excel can hold: a day the calendar does not have
 * ("2026-02-31", "31/04/2026", "0/1/2026") or a year outside 1900-9999 ("+275760-09-14"); null for
 * a real date and for text that is not written as a date at all. Never shifts the date: 31 February
 * is reported, not read as 3 March.
 */
export function dateTextProblem(text: string): DateProblem | null {
  const parts = dateParts(text);
  if (!parts) return null;
  const { y, m, d } = parts;
  const shown = text.trim();
  if (y < 1900 || y > 9999) return { kind: "outOfRange", text: shown, reason: OUT_OF_RANGE };
  if (m < 1 || m > 12) return { kind: "impossible", text: shown, reason: `there is no month ${m}` };
  if (d < 1) return { kind: "impossible", text: shown, reason: `there is no day ${d}` };
  const days = daysInMonth(y, m);
  if (d > days) return { kind: "impossible", text: shown, reason: `${MONTH_NAMES[m - 1]} ${y} has ${days} days` };
  return null;
}

/**
 * The problem of a cell that should hold a date: date text as dateTextProblem, or a date-formatted
 * number Excel cannot show as a date (before 1 January 1900, after 31 December 9999, or the
 * 29 February 1900 that the 1900 date system counts but the calendar does not have).
 */
export function cellDateProblem(cell: Cell | undefined, date1904: boolean): DateProblem | null {
  if (!cell || cell.error) return null;
  const v = cell.value;
  if (typeof v === "string") return dateTextProblem(v);
  if (typeof v !== "number" || !isDateFormat(cell.numFmt) || serialToIso(v, date1904) !== null) return null;
  if (!date1904 && Math.floor(v) === 60) return { kind: "impossible", text: "29/02/1900", reason: "February 1900 has 28 days" };
  return { kind: "outOfRange", text: String(v), reason: `${OUT_OF_RANGE}, as a date serial number` };
}

/** "a day the calendar does not have (February 2026 has 28 days)" or "outside the dates Excel can hold (...)". */
export function describeDateProblem(problem: DateProblem): string {
  return problem.kind === "impossible" ? `a day the calendar does not have (${problem.reason})` : problem.reason;
}
