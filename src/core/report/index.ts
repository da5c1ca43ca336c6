/** Report formatters: pure functions of ValidationReport and the rules' metadata. */
export { formatJson } from "./json";
export { formatText, severityLabel, summaryLine, type TextOptions } from "./text";
export { toSarif, pathToUri, ruleName, type SarifTool } from "./sarif";
export { formatCellRef } from "./location";
export { createRuleCatalogue, type RuleCatalogue } from "./rule-info";
