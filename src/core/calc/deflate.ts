import { SHIPPED_SERIES } from "../deflators";
import type { DeflatorPoint, DeflatorSeries } from "../deflators";
import { coerceNumber, describe, excelErrorCode, isBlank, parseNumberText, unwrapSingleCell } from "./coerce";
import { exactRescaleScaled, scaledIntegerOf } from "./exact";
import { CalcError, CalcResult, calcError, calcOk } from "./types";
import { formatFinancialYear, parseYearArgument } from "./years";

/** A series laid out for lookup by start year. */
interface PreparedSeries {
  /** What the result reports as its series. */
  id: string;
  /** How messages name it. */
  label: string;
  first: number;
  last: number;
  /** index[startYear - first]; NaN for a year the series does not give. */
  index: Float64Array;
  /** Each index as a scaled integer (index = scaled / 10^scale); scale -1 when it needs the slow path. */
  scaled: Float64Array;
  scale: Int8Array;
  forecast: Uint8Array;
}

/** Label used for a series given as a worksheet range. */
const RANGE_SERIES_ID = "range";

function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function prepare(points: ReadonlyArray<DeflatorPoint>, id: string, label: string): PreparedSeries | CalcError {
  if (points.length === 0) return calcError("#VALUE!", `${label} has no years`);
  let first = Infinity;
  let last = -Infinity;
  for (const point of points) {
    if (!Number.isInteger(point.startYear) || !(typeof point.index === "number" && point.index > 0 && Number.isFinite(point.index))) {
      return calcError("#VALUE!", `${label} has a year without a positive index`);
    }
    first = Math.min(first, point.startYear);
    last = Math.max(last, point.startYear);
  }
  if (last - first > 10000) return calcError("#VALUE!", `${label} spans more than 10,000 years`);
  const index = new Float64Array(last - first + 1).fill(NaN);
  const forecast = new Uint8Array(last - first + 1);
  const scaled = new Float64Array(last - first + 1);
  const scale = new Int8Array(last - first + 1).fill(-1);
  for (const point of points) {
    const slot = point.startYear - first;
    if (!Number.isNaN(index[slot]))
      return calcError("#VALUE!", `${label} gives ${formatFinancialYear(point.startYear)} twice; give each financial year once`);
    index[slot] = point.index;
    forecast[slot] = point.isForecast ? 1 : 0;
    const fast = scaledIntegerOf(point.index);
    if (fast) {
      scaled[slot] = fast.m;
      scale[slot] = fast.s;
    }
  }
  return { id, label, first, last, index, scaled, scale, forecast };
}

const preparedCache = new WeakMap<DeflatorSeries, PreparedSeries | CalcError>();

function prepareSeries(series: DeflatorSeries): PreparedSeries | CalcError {
  let prepared = preparedCache.get(series);
  if (prepared === undefined) {
    prepared = prepare(series.points, series.id, `the series ${series.id}`);
    preparedCache.set(series, prepared);
  }
  return prepared;
}

function shippedNames(): string {
  return SHIPPED_SERIES.map((series) => series.id).join(", ");
}

/** A shipped series by its id or title (case, spaces and punctuation ignored); undefined when none matches. */
export function findShippedSeries(name: string): DeflatorSeries | undefined {
  const wanted = normaliseName(name);
  return SHIPPED_SERIES.find((series) => normaliseName(series.id) === wanted || normaliseName(series.title) === wanted);
}

function parseForecastFlag(cell: unknown): boolean | null {
  if (isBlank(cell) || cell === false || cell === 0) return false;
  if (cell === true || cell === 1) return true;
  if (typeof cell === "string") {
    const word = cell.trim().toLowerCase();
    if (["false", "no", "n", "outturn", "0"].includes(word)) return false;
    if (["true", "yes", "y", "forecast", "projection", "1"].includes(word)) return true;
  }
  return null;
}

export interface SeriesRowsOptions {
  /** Names the source in messages: "deflators", a file name. */
  label?: string;
  /** Skip a first row of column headings (default true, for worksheet ranges). */
  skipHeadings?: boolean;
  /** Number of the first row in messages (a CSV file's data starts on line 2). */
  firstRowNumber?: number;
  /** "row" or "line". */
  rowWord?: string;
}

/**
 * A deflator series from rows of (financial year, index[, is forecast]), as a worksheet range or a CSV
 * file gives them. Blank rows, and years without an index, are skipped; a first row of column headings
 * is skipped unless told not to.
 */
export function seriesFromRows(rows: readonly unknown[], id: string, options: SeriesRowsOptions = {}): DeflatorSeries | CalcError {
  const label = options.label ?? "deflators";
  const rowWord = options.rowWord ?? "row";
  const firstRowNumber = options.firstRowNumber ?? 1;
  const points: DeflatorPoint[] = [];
  const rowOfYear = new Map<number, number>();
  let sawData = options.skipHeadings === false;
  for (let r = 0; r < rows.length; r++) {
    const row = Array.isArray(rows[r]) ? (rows[r] as unknown[]) : [rows[r]];
    if (row.every((cell) => isBlank(cell))) continue;
    const rowNumber = r + firstRowNumber;
    if (row.length < 2 || row.length > 3) {
      return calcError(
        "#VALUE!",
        `${label} must have two columns (financial year, index) and optionally a third (forecast TRUE/FALSE); ${rowWord} ${rowNumber} has ${row.length}`,
      );
    }
    const [yearCell, indexCell, forecastCell] = row;
    const year = parseYearArgument(yearCell, "year", false);
    if (!sawData && typeof year !== "number" && typeof indexCell === "string" && !Number.isFinite(parseNumberText(indexCell))) {
      sawData = true; // column headings
      continue;
    }
    sawData = true;
    if (typeof year !== "number") {
      return calcError(
        "#VALUE!",
        `${label} ${rowWord} ${rowNumber}: ${describe(yearCell)} is not a financial year such as "2008-09" or 2008`,
      );
    }
    // A year listed without an index is a year the series does not give (using it is #N/A).
    if (isBlank(indexCell)) continue;
    const index = coerceNumber(indexCell, "index", NaN);
    if (typeof index !== "number" || Number.isNaN(index)) {
      const code = excelErrorCode(indexCell);
      return calcError(
        "#VALUE!",
        `${label} ${rowWord} ${rowNumber}: the index for ${formatFinancialYear(year)} is ${code ? `the error ${code}` : describe(indexCell)}; every index must be a positive number`,
      );
    }
    if (!(index > 0)) {
      return calcError(
        "#NUM!",
        `${label} ${rowWord} ${rowNumber}: the index for ${formatFinancialYear(year)} is ${index}; every index must be a positive number`,
      );
    }
    const isForecast = parseForecastFlag(forecastCell);
    if (isForecast === null) {
      return calcError(
        "#VALUE!",
        `${label} ${rowWord} ${rowNumber}: the forecast column must be TRUE or FALSE, not ${describe(forecastCell)}`,
      );
    }
    const earlier = rowOfYear.get(year);
    if (earlier !== undefined) {
      return calcError(
        "#VALUE!",
        `${label} gives ${formatFinancialYear(year)} twice (${rowWord}s ${earlier} and ${rowNumber}); give each financial year once`,
      );
    }
    rowOfYear.set(year, rowNumber);
    points.push({ startYear: year, index, isForecast });
  }
  if (points.length === 0) return calcError("#VALUE!", `${label} has no rows of financial year and index`);
  return { id, title: label, vintage: "supplied by the user", points };
}

let defaultSeries: PreparedSeries | CalcError | null = null;

function resolveSeries(deflators: unknown): PreparedSeries | CalcError {
  if (deflators === undefined || deflators === null) return (defaultSeries ??= prepareSeries(SHIPPED_SERIES[0]));
  const value = Array.isArray(deflators) ? unwrapSingleCell(deflators) : deflators;
  if (isBlank(value)) return prepareSeries(SHIPPED_SERIES[0]);
  if (typeof value === "string") {
    const code = excelErrorCode(value);
    if (code) return calcError("#VALUE!", `deflators is the error ${code}; fix that cell first`);
    const shipped = findShippedSeries(value);
    if (shipped) return prepareSeries(shipped);
    return calcError(
      "#VALUE!",
      `deflators must be a two-column range (financial year, index) or the name of a shipped series (${shippedNames()}), not ${describe(value)}`,
    );
  }
  if (Array.isArray(value)) {
    const series = seriesFromRows(value, RANGE_SERIES_ID);
    if ("ok" in series) return series;
    return prepare(series.points, RANGE_SERIES_ID, "the deflators range");
  }
  if (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as DeflatorSeries).points) &&
    typeof (value as DeflatorSeries).id === "string"
  ) {
    return prepareSeries(value as DeflatorSeries);
  }
  return calcError(
    "#VALUE!",
    `deflators must be a two-column range (financial year, index) or the name of a shipped series (${shippedNames()}), not ${describe(value)}`,
  );
}

function missingYear(series: PreparedSeries, year: number): CalcError {
  return calcError(
    "#N/A",
    `${series.label} has no index for ${formatFinancialYear(year)}; it covers ${formatFinancialYear(series.first)} to ${formatFinancialYear(series.last)}`,
  );
}

/**
 * VFM.DEFLATE: `amount` in the prices of `fromYear`, re-expressed in the prices of `toYear`:
 * amount x D(toYear) / D(fromYear).
 */
export function deflate(
  amount: unknown,
  fromYear: unknown,
  toYear: unknown,
  deflators?: unknown,
  options?: { date1904?: boolean },
): CalcResult {
  const value = coerceNumber(amount, "amount", 0);
  if (typeof value !== "number") return value;
  const date1904 = options?.date1904 === true;
  const from = parseYearArgument(fromYear, "from_year", date1904);
  if (typeof from !== "number") return from;
  const to = parseYearArgument(toYear, "to_year", date1904);
  if (typeof to !== "number") return to;
  const series = resolveSeries(deflators);
  if ("ok" in series) return series;

  const fromSlot = from - series.first;
  const toSlot = to - series.first;
  const fromIndex = fromSlot >= 0 && fromSlot < series.index.length ? series.index[fromSlot] : NaN;
  if (Number.isNaN(fromIndex)) return missingYear(series, from);
  const toIndex = toSlot >= 0 && toSlot < series.index.length ? series.index[toSlot] : NaN;
  if (Number.isNaN(toIndex)) return missingYear(series, to);

  const usesForecast = series.forecast[fromSlot] === 1 || series.forecast[toSlot] === 1;
  const result = exactRescaleScaled(
    value,
    toIndex,
    series.scaled[toSlot],
    series.scale[toSlot],
    fromIndex,
    series.scaled[fromSlot],
    series.scale[fromSlot],
  );
  return calcOk(result, usesForecast, series.id);
}
