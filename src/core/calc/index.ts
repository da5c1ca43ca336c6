/*
 * The calculation core: VFM.TARGET, VFM.NETGAIN and VFM.DEFLATE, exact decimal arithmetic on money,
 * financial years and the shipped deflator series. Pure: no Office, React or Node.
 * Errors are returned as values ({ ok: false, kind, message }), never thrown.
 */
export type { CalcResult, RagMapping } from "./types";
export type { DeflatorSeries } from "../deflators";
export { SHIPPED_SERIES, HMT_2026_03 } from "../deflators";
export { target } from "./target";
export type { TargetMethod } from "./target";
export { netGain, DEFAULT_RAG_MAPPING } from "./netgain";
export { deflate, seriesFromRows, findShippedSeries } from "./deflate";
export { parseFinancialYear, formatFinancialYear } from "./years";
export { sumExact, moneyEqual } from "./exact";
export { formatPlainDecimal } from "./format";
export { parseNumberText } from "./coerce";
export { FUNCTION_DOCS } from "./docs";
export type { FunctionDoc } from "./docs";
