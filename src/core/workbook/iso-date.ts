/**
 * An ISO date as the pane and the Office adapter take it from the user: "YYYY-MM-DD" naming a real
 * calendar day. Imports nothing, so the pane's first download does not grow by the date arithmetic.
 */
export function isCalendarIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/*
 * Excel date serial numbers <-> ISO dates, in both of Excel's date systems. In the 1900 system serial
 * 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was (serial 60), so serials from 61
 * on are one day more than a plain count from 31 December 1899. In the 1904 system (old Mac
 * workbooks) serial 0 is 1904-01-01. Pure arithmetic on UTC days: the machine's time zone never
 * changes the result.
 */
const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** 9999-12-31, the last day Excel shows, in the 1900 system; 1,462 days fewer in the 1904 system. */
export const LAST_SERIAL_1900 = 2_958_465;
const DAYS_1900_TO_1904 = 1_462;
/** Excel's non-existent 29 February 1900. */
const PHANTOM_LEAP_DAY = 60;

/** The serial of a UTC midnight (whole days; a fraction of a day is the caller's). */
export function serialFromUtc(ms: number, date1904: boolean): number {
  const days = Math.round((ms - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY);
  return !date1904 && days < PHANTOM_LEAP_DAY + 1 ? days - 1 : days;
}

/** "2009-12-31" -> 40178 (1900 system) or 38716 (1904 system); NaN for text that is not YYYY-MM-DD. */
export function isoToSerial(iso: string, date1904 = false): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return Number.NaN;
  return serialFromUtc(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])), date1904);
}

/** Registers hold few distinct dates; remembering them keeps 100,000 rows from making 100,000 Dates. */
const ISO_OF_SERIAL = new Map<number, string | null>();

/**
 * The ISO date of a serial (its time of day dropped); null outside Excel's dates (before serial 1 in
 * the 1900 system or 0 in the 1904 system, after 9999-12-31, not a finite number) and for serial 60
 * of the 1900 system, the 29 February 1900 that Excel counts but the calendar does not have.
 */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  const first = date1904 ? 0 : 1;
  const last = date1904 ? LAST_SERIAL_1900 - DAYS_1900_TO_1904 : LAST_SERIAL_1900;
  if (day < first || day > last || (!date1904 && day === PHANTOM_LEAP_DAY)) return null;
  const key = date1904 ? -1 - day : day;
  let iso = ISO_OF_SERIAL.get(key);
  if (iso === undefined) {
    const days = !date1904 && day < PHANTOM_LEAP_DAY ? day + 1 : day;
    iso = new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + days * MS_PER_DAY).toISOString().slice(0, 10);
    if (ISO_OF_SERIAL.size < 10_000) ISO_OF_SERIAL.set(key, iso);
  }
  return iso;
}
