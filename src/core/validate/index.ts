/** The validator's public API: check a workbook model against the CSR07 principles. */
export {
  validateWorkbook,
  validateWorkbookWithContext,
  extractVfmData,
  getRule,
  ruleDocPath,
  runRules,
  summarise,
  INTERNAL_ERROR_RULE,
} from "./engine";
export { RULES } from "./rules";
export { CheckDeadlineExceeded, DEFAULT_CHECK_DEADLINE_MS, startDeadline } from "./deadline";
export type { Deadline } from "./deadline";
export { PRINCIPLE_TITLES, RuleContext } from "./rule";
export type { Rule, RuleFinding, RuleExample } from "./rule";
export { DEFAULT_SETTINGS, SETTING_DOCS } from "./settings";
export { parseRagMapping } from "./read/settings";
export type { Settings, SettingKey, SettingDoc } from "./settings";
export { analyse } from "./analysis";
export type { ValidateOptions, VfmData, GainRow, QuarterRow, VfmTotals, GainType, Analysis } from "./analysis";
export { discoverTables, normaliseTableName, HEADER_SEARCH_ROWS } from "./discovery";
export type { DiscoveredTable, DiscoveredTables, TableSource } from "./discovery";
export { TABLE_SPECS } from "./schema";
export type { TableKey, TableSpec, ColumnSpec, ColumnKey } from "./schema";
export type { MoneyUnit } from "./text";
export { PRINCIPLES } from "./types";
export type {
  Finding,
  PrincipleKey,
  PrincipleNotChecked,
  PrincipleStatus,
  Severity,
  TargetSummary,
  ValidationReport,
  ValidationSummary,
} from "./types";
