/**
 * The text report of `vfm validate`: findings grouped by principle, each severity shown as a word and a
 * symbol (never colour alone), every finding pinned to sheet!cell, and a closing summary line per file.
 */
import { PRINCIPLES, type Finding, type PrincipleStatus, type Severity, type ValidationReport } from "../validate/types";
import { formatDate } from "../validate/dates";
import { formatCellRef } from "./location";
import { rangesText, rolledUpHeadline, rollUpFindings } from "../review/rollup";
import { terminalSafe } from "../text/terminal";
import { principleLabel, type RuleCatalogue } from "./rule-info";

export interface TextOptions {
  /** Use ✖ ⚠ ℹ ✔; otherwise x ! i ok (for terminals that are not UTF-8). Default true. */
  unicode?: boolean;
  /** ANSI colour on top of the words and symbols. Default false. */
  color?: boolean;
  /** Also print why each rule matters and where its documentation is. */
  verbose?: boolean;
  /** Print error findings only (the summary line still counts everything). */
  quiet?: boolean;
  /**
   * Files in which no VfM table was found: there a principle without findings is shown as "not
   * checked", not "pass", and the summary line says so.
   */
  noVfmTables?: ReadonlySet<string>;
}

const SYMBOLS = {
  unicode: { error: "✖", warning: "⚠", info: "ℹ", pass: "✔" },
  ascii: { error: "x", warning: "!", info: "i", pass: "ok" },
} as const;

const ANSI = { red: "\u001b[31m", yellow: "\u001b[33m", cyan: "\u001b[36m", green: "\u001b[32m", bold: "\u001b[1m", reset: "\u001b[0m" };
const SEVERITY_COLOUR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.cyan };
const STATUS_WORD: Record<PrincipleStatus, string> = { pass: "pass", warn: "warnings", fail: "fail" };
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function paint(text: string, colour: string, options: TextOptions): string {
  return options.color ? `${colour}${text}${ANSI.reset}` : text;
}

function symbols(options: TextOptions) {
  return options.unicode === false ? SYMBOLS.ascii : SYMBOLS.unicode;
}

/** "✖ error", "⚠ warning", "ℹ info", padded to one width. */
export function severityLabel(severity: Severity, options: TextOptions = {}): string {
  const label = `${symbols(options)[severity]} ${severity}`.padEnd(symbols(options).warning.length + 1 + "warning".length);
  return paint(label, SEVERITY_COLOUR[severity], options);
}

function statusLabel(status: PrincipleStatus, options: TextOptions, unchecked = false): string {
  const sym = symbols(options);
  if (status === "pass" && unchecked) return "- not checked (no VfM tables found)";
  if (status === "pass") return paint(`${sym.pass} pass`, ANSI.green, options);
  if (status === "warn") return paint(`${sym.warning} ${STATUS_WORD.warn}`, ANSI.yellow, options);
  return paint(`${sym.error} ${STATUS_WORD.fail}`, ANSI.red, options);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** The rule that says why a target could not be measured (an overflowing or underflowing sum). */
const TARGET_NOT_MEASURABLE = "method.target-not-measurable";

function formatAmount(value: number): string {
  return value.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** The closing line of a file's report, e.g. "f.xlsx: 1 error, 2 warnings, 0 info; 8 of 10 principles passed; ...". */
export function summaryLine(report: ValidationReport, noVfmTables = false): string {
  const { summary } = report;
  const statuses = PRINCIPLES.map((p) => summary.principles[p]);
  const passed = statuses.filter((s) => s === "pass").length;
  const parts = [
    `${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}, ${summary.infos} info`,
    noVfmTables
      ? `no VfM tables found, so ${passed} of ${PRINCIPLES.length} principles could not be checked`
      : `${passed} of ${PRINCIPLES.length} principles passed`,
  ];
  if (summary.target && Number.isFinite(summary.target.progress)) {
    const { value, riskAdjustedCashable, progress } = summary.target;
    const percent = (progress * 100).toLocaleString("en-GB", { maximumFractionDigits: 1 });
    parts.push(
      `target progress ${percent}% (risk-adjusted cashable net gains ${formatAmount(riskAdjustedCashable)} of target ${formatAmount(value)})`,
    );
  } else if (report.findings.some((f) => f.rule === TARGET_NOT_MEASURABLE)) {
    parts.push(`target progress not known (the target cannot be measured: see ${TARGET_NOT_MEASURABLE})`);
  } else {
    parts.push(
      "target progress not known (no target could be worked out: the workbook gives no baseline total to apply the target rate to)",
    );
  }
  return `${terminalSafe(report.file)}: ${parts.join("; ")}`;
}

function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}

/** The text report of one file, ending with its summary line and a newline. */
export function formatTextReport(report: ValidationReport, catalogue: RuleCatalogue, options: TextOptions = {}): string {
  const lines: string[] = [];
  // Everything from a workbook or a file name is made terminal safe: a sheet name cannot forge a line.
  lines.push(paint(terminalSafe(report.file), ANSI.bold, options) + ` (reporting date ${formatDate(report.reportingDate)})`);
  const indent = " ".repeat(4 + severityLabel("warning", { ...options, color: false }).length + 1);
  const noVfmTables = options.noVfmTables?.has(report.file) ?? false;
  for (const principle of PRINCIPLES) {
    const status = report.summary.principles[principle];
    const findings = report.findings
      .filter((f) => f.principle === principle)
      .filter((f) => !options.quiet || f.severity === "error")
      .sort(compareFindings);
    if (options.quiet && findings.length === 0) continue;
    lines.push(`  ${principleLabel(principle)} ${catalogue.principleTitle(principle)}: ${statusLabel(status, options, noVfmTables)}`);
    // The same rule failing on many rows is one item with the count and the ranges (src/core/review/rollup.ts).
    for (const item of rollUpFindings(findings)) {
      const finding = item.kind === "finding" ? item.finding : item.group.findings[0];
      const rule = catalogue.rule(finding.rule);
      if (item.kind === "finding") {
        const where = terminalSafe(formatCellRef(finding.sheet, finding.cell)) || "whole workbook";
        lines.push(`    ${severityLabel(finding.severity, options)} ${where}  ${terminalSafe(finding.message)}  [${finding.rule}]`);
      } else {
        const headline = rolledUpHeadline(item.group, rule?.title);
        lines.push(
          `    ${severityLabel(finding.severity, options)} ${terminalSafe(rangesText(item.group))}  ${headline}. The first: ${terminalSafe(finding.message)}  [${finding.rule}]`,
        );
      }
      if (rule) {
        lines.push(`${indent}How to fix: ${rule.fix}`);
        if (options.verbose) {
          lines.push(`${indent}Why it matters: ${rule.why}`);
          if (rule.judgement) lines.push(`${indent}Our judgement: ${rule.judgement}`);
          lines.push(`${indent}More: ${rule.docPath}`);
        }
      }
    }
  }
  lines.push(summaryLine(report, noVfmTables));
  return lines.join("\n") + "\n";
}

/** Text reports of several files, separated by a blank line. */
export function formatText(reports: readonly ValidationReport[], catalogue: RuleCatalogue, options: TextOptions = {}): string {
  return reports.map((report) => formatTextReport(report, catalogue, options)).join("\n");
}
