/**
 * Small text helpers the whole product shares (one helper for each job): terminal-safe and one-line
 * text, sheet names in references, financial-year labels, RAG mappings as text, and what was thrown.
 * Pure: imports nothing.
 */
export { ELLIPSIS, hasUnsafeCharacters, oneLine, terminalSafe } from "./terminal";
export { formatCellRef, quoteSheetName, sheetNeedsQuotes } from "./sheet-name";
export { financialYearLabel } from "./financial-year";
export { ragMappingText } from "./rag";
export { errorText, isAbortError } from "./errors";
