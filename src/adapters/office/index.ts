/** The Office.js adapter: the open workbook <-> the validator's model, and the pane's writes. */
export { readOpenWorkbook, DEFAULT_MAX_CELLS_PER_REQUEST, type OfficeReadOptions } from "./read";
export { isAbortError, describeOfficeError } from "./errors";
export { selectCell, type SelectResult } from "./navigate";
export { insertTemplate, type InsertTemplateResult } from "./template";
export { writeReport, type WriteReportOptions, type WriteReportResult } from "./report";
export {
  readSettings,
  writeSettings,
  NO_SETTINGS_TABLE,
  type SettingValue,
  type ReadSettingsResult,
  type WriteSettingsResult,
} from "./settings";
