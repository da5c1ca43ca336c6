/** Report formatters: pure functions of ValidationReport and the rules' metadata. */
export { formatJson } from "./json";
export { formatText, formatTextReport, severityLabel, summaryLine, type TextOptions } from "./text";
export { toSarif, pathToUri, ruleName, SARIF_SCHEMA, type SarifLog, type SarifOptions, type SarifTool, type UnreadableFile } from "./sarif";
export { formatCellRef, sheetNeedsQuotes, cellRegion } from "./location";
export { createRuleCatalogue, principleLabel, type RuleCatalogue, type RuleInfo, type RuleText } from "./rule-info";
