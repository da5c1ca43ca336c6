/** Excel error kinds the calculations can return. */
export type CalcErrorKind = "#VALUE!" | "#NUM!" | "#N/A";

/** A calculation that could not be done: the Excel error and a one-line message for the user. */
export interface CalcError {
  ok: false;
  kind: CalcErrorKind;
  message: string;
}

interface CalcOk {
  ok: true;
  value: number;
  /** True when the result rests on a forecast (not outturn) year of the deflator series. */
  usesForecast: boolean;
  /** The deflator series used (its id), or null when none was. */
  series: string | null;
}

export type CalcResult = CalcOk | CalcError;

/** A RAG word (lower case) and the deliverability fraction it stands for. */
export type RagMapping = ReadonlyMap<string, number>;

export function calcError(kind: CalcErrorKind, message: string): CalcError {
  return { ok: false, kind, message };
}

/** Smallest positive number Excel holds (2.2250738585072E-308); a result nearer 0 underflows. */
const SMALLEST_EXCEL_NUMBER = 2.2250738585072014e-308;

/** A result value; -0 becomes 0, and a value beyond the largest double or nearer 0 than Excel holds becomes #NUM!. */
export function calcOk(value: number, usesForecast: boolean, series: string | null): CalcResult {
  if (!Number.isFinite(value)) {
    return calcError("#NUM!", "the result is too large for Excel (beyond about 1.8E+308); check the inputs");
  }
  if (value !== 0 && Math.abs(value) < SMALLEST_EXCEL_NUMBER) {
    return calcError("#NUM!", "the result is too small for Excel (nearer 0 than about 2.2E-308); check the inputs");
  }
  return { ok: true, value: value === 0 ? 0 : value, usesForecast, series };
}
