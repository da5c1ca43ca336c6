/** One year of a deflator series: the financial year starting in April of startYear. */
export interface DeflatorPoint {
  startYear: number;
  index: number;
  isForecast: boolean;
}

/** A price index by financial year (for example HM Treasury's GDP deflators). */
export interface DeflatorSeries {
  /** Short name a user types, e.g. "HMT-2026-03". */
  id: string;
  title: string;
  /** When the series was published, e.g. "March 2026". */
  vintage: string;
  points: ReadonlyArray<DeflatorPoint>;
}
