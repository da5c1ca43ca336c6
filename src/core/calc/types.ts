/** Excel error kinds the calculations can return. */
export type CalcErrorKind = "#VALUE!" | "#NUM!" | "#N/A";

/** A calculation that could not be done: the Excel error and a one-line message for the user. */
export interface CalcError {
  ok: false;
  kind: CalcErrorKind;
  message: string;
}

export interface CalcOk {
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

export function isCalcError(value: unknown): value is CalcError {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;
}

/** A result value; -0 becomes 0 and a value beyond the largest double becomes #NUM!. */
export function calcOk(value: number, usesForecast: boolean, series: string | null): CalcResult {
  if (!Number.isFinite(value)) {
    return calcError("#NUM!", "the result is too large for Excel (beyond about 1.8E+308); check the inputs");
  }
  return { ok: true, value: value === 0 ? 0 : value, usesForecast, series };
}
