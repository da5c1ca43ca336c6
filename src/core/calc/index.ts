/*
 * The calculation core: VFM.TARGET, VFM.NETGAIN and VFM.DEFLATE, exact decimal arithmetic on money,
 * financial years and the shipped deflator series. Pure: no Office, React or Node.
 * Errors are returned as values ({ ok: false, kind, message }), never thrown.
 */
export type { CalcErrorKind, CalcError, CalcOk, CalcResult, RagMapping } from "./types";
export { isCalcError } from "./types";
export type { DeflatorPoint, DeflatorSeries } from "../deflators";
export { SHIPPED_SERIES, HMT_2026_03 } from "../deflators";
export { target, MAX_TARGET_YEARS } from "./target";
export type { TargetMethod } from "./target";
export { netGain, DEFAULT_RAG_MAPPING, coerceDeliverability } from "./netgain";
export { deflate, seriesFromRows, findShippedSeries, RANGE_SERIES_ID } from "./deflate";
export type { SeriesRowsOptions } from "./deflate";
export { parseFinancialYear, formatFinancialYear, LAST_BARE_YEAR } from "./years";
export { sumExact, moneyEqual } from "./exact";
export { formatPlainDecimal } from "./format";
export { parseNumberText } from "./coerce";
export { FUNCTION_DOCS, functionDocByCommand } from "./docs";
export type { FunctionDoc, FunctionId, ParameterDoc } from "./docs";
