/**
 * Number formats and dates as stored in SpreadsheetML.
 *
 * Built-in number formats (ids 0-49) are not written into styles.xml; Excel knows them. Ids whose
 * display follows the computer's regional settings (currency 5-8, 42, 44; short date 14; date-time
 * 22) are given as Excel shows them with UK settings, which is what our users see: "£" and
 * day/month/year. Ids 23-36 exist only in East Asian regional settings and read as General.
 */
import { serialFromUtc } from "../../../core/workbook/iso-date";
const BUILT_IN_FORMATS: ReadonlyMap<number, string> = new Map([
  [1, "0"],
  [2, "0.00"],
  [3, "#,##0"],
  [4, "#,##0.00"],
  [5, '"£"#,##0;\\-"£"#,##0'],
  [6, '"£"#,##0;[Red]\\-"£"#,##0'],
  [7, '"£"#,##0.00;\\-"£"#,##0.00'],
  [8, '"£"#,##0.00;[Red]\\-"£"#,##0.00'],
  [9, "0%"],
  [10, "0.00%"],
  [11, "0.00E+00"],
  [12, "# ?/?"],
  [13, "# ??/??"],
  [14, "dd/mm/yyyy"],
  [15, "d-mmm-yy"],
  [16, "d-mmm"],
  [17, "mmm-yy"],
  [18, "h:mm AM/PM"],
  [19, "h:mm:ss AM/PM"],
  [20, "h:mm"],
  [21, "h:mm:ss"],
  [22, "dd/mm/yyyy hh:mm"],
  [37, "#,##0 ;(#,##0)"],
  [38, "#,##0 ;[Red](#,##0)"],
  [39, "#,##0.00;(#,##0.00)"],
  [40, "#,##0.00;[Red](#,##0.00)"],
  [41, '_-* #,##0_-;\\-* #,##0_-;_-* "-"_-;_-@_-'],
  [42, '_-"£"* #,##0_-;\\-"£"* #,##0_-;_-"£"* "-"_-;_-@_-'],
  [43, '_-* #,##0.00_-;\\-* #,##0.00_-;_-* "-"??_-;_-@_-'],
  [44, '_-"£"* #,##0.00_-;\\-"£"* #,##0.00_-;_-"£"* "-"??_-;_-@_-'],
  [45, "mm:ss"],
  [46, "[h]:mm:ss"],
  [47, "mm:ss.0"],
  [48, "##0.0E+0"],
  [49, "@"],
]);

/** The format code for a numFmtId; undefined for General (id 0) and unknown ids. */
export function formatCodeFor(id: number, custom: ReadonlyMap<number, string>): string | undefined {
  const code = custom.get(id) ?? BUILT_IN_FORMATS.get(id);
  if (code === undefined || code === "" || code.toLowerCase() === "general") return undefined;
  return code;
}

const ISO_DATE = /^([+-]?\d{4,})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** Why a cell of type "d" could not be a date, for the reader's warning. */
export type IsoDateProblem = "not-iso" | "not-a-calendar-date" | "out-of-range";

/**
 * A cell of type "d" (ISO 8601 text) as the serial number Excel would store, or what is wrong with
 * it. In the 1900 system Excel counts the non-existent 29 February 1900, so serials before 1 March
 * 1900 are one lower than a plain day count. What can be wrong: a day the calendar does not have
 * ("2026-02-31" is never shifted to 3 March), or a date outside Excel's range (1 January 1900, or
 * 1904 in that date system, to 31 December 9999).
 */
export function checkIsoDate(text: string, date1904: boolean): number | IsoDateProblem {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return "not-iso";
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return "not-a-calendar-date";
  if (year < (date1904 ? 1904 : 1900) || year > 9999) return "out-of-range";
  const utc = Date.UTC(year, month - 1, day);
  if (new Date(utc).getUTCDate() !== day) return "not-a-calendar-date";
  const days = serialFromUtc(utc, date1904);
  const seconds = (Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0)) * 60 + Number(m[6] ?? 0) + Number(m[7] ?? 0);
  return days + seconds / 86_400;
}

/** The serial of a t="d" cell's ISO text; null for text that is not a date Excel can hold. */
export function isoToSerial(text: string, date1904: boolean): number | null {
  const checked = checkIsoDate(text, date1904);
  return typeof checked === "number" ? checked : null;
}
