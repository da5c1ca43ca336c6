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

export function isoFromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function utcFromIso(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
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
export function isDateFormat(numFmt: string | undefined): boolean {
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
