/**
 * The text report of `vfm validate`: findings grouped by principle, each severity shown as a word and a
 * symbol (never colour alone), every finding pinned to sheet!cell, and a closing summary line per file.
 */
import { PRINCIPLES, type Finding, type PrincipleKey, type PrincipleStatus, type Severity, type ValidationReport } from "../validate/types";
import { formatMoney, type MoneyUnit } from "../validate/text";
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
  /** Files in which no VfM table was found at all: the summary line says so. */
  noVfmTables?: ReadonlySet<string>;
  /** Each file's money unit (£, £k, £m, £bn), for the amounts in its summary line; "£" when not given. */
  units?: ReadonlyMap<string, MoneyUnit>;
}

/**
 * One word per severity in everything people read, the same as the pane: error, warning, note. JSON
 * keeps workbook.md's "info" and SARIF its "note".
 */
const SEVERITY_WORD: Record<Severity, string> = { error: "error", warning: "warning", info: "note" };

const SYMBOLS = {
  unicode: { error: "✖", warning: "⚠", info: "ℹ", pass: "✔" },
  ascii: { error: "x", warning: "!", info: "i", pass: "ok" },
} as const;

const ANSI = { red: "\u001b[31m", yellow: "\u001b[33m", cyan: "\u001b[36m", green: "\u001b[32m", bold: "\u001b[1m", reset: "\u001b[0m" };
const SEVERITY_COLOUR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.cyan };
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function paint(text: string, colour: string, options: TextOptions): string {
  return options.color ? `${colour}${text}${ANSI.reset}` : text;
}

function symbols(options: TextOptions) {
  return options.unicode === false ? SYMBOLS.ascii : SYMBOLS.unicode;
}

/** "✖ error", "⚠ warning", "ℹ note", padded to one width. */
export function severityLabel(severity: Severity, options: TextOptions = {}): string {
  const label = `${symbols(options)[severity]} ${SEVERITY_WORD[severity]}`.padEnd(symbols(options).warning.length + 1 + "warning".length);
  return paint(label, SEVERITY_COLOUR[severity], options);
}

/** A principle's status after its title; "not checked" says why (the tables looked for). */
function statusLabel(status: PrincipleStatus, options: TextOptions, why: string | undefined): string {
  const sym = symbols(options);
  if (status === "not-checked") return `- not checked${why ? ` (${why.replace(/\.$/, "")})` : ""}`;
  if (status === "pass") return paint(`${sym.pass} pass`, ANSI.green, options);
  if (status === "warn") return paint(`${sym.warning} warnings`, ANSI.yellow, options);
  return paint(`${sym.error} fail`, ANSI.red, options);
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString("en-GB")} ${word}${count === 1 ? "" : "s"}`;
}

/** The rule that says why a target could not be measured (an overflowing or underflowing sum). */
const TARGET_NOT_MEASURABLE = "method.target-not-measurable";

/** "1 error, 2 warnings, 1 note". */
function findingCounts(summary: Pick<ValidationReport["summary"], "errors" | "warnings" | "infos">): string {
  return `${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}, ${plural(summary.infos, SEVERITY_WORD.info)}`;
}

const PRINCIPLES_AND_METHOD = `${PRINCIPLES.filter((p) => p !== "method").length} principles and the method rules`;

const keyList = (keys: readonly PrincipleKey[]) => keys.map(principleLabel).join(" ");

/**
 * "9 principles and the method rules: failed (ii) (iii); warnings (ix); not checked (vi) (vii);
 * passed (i) (iv) (v) (viii) (method)", or "...: all passed".
 */
function principlesLine(statuses: Readonly<Record<PrincipleKey, PrincipleStatus>>, noVfmTables = false): string {
  if (noVfmTables) return `no VfM tables found, so none of the ${PRINCIPLES_AND_METHOD} could be checked`;
  const with_ = (status: PrincipleStatus) => PRINCIPLES.filter((p) => statuses[p] === status);
  if (with_("pass").length === PRINCIPLES.length) return `${PRINCIPLES_AND_METHOD}: all passed`;
  const groups: Array<[string, PrincipleKey[]]> = [
    ["failed", with_("fail")],
    ["warnings", with_("warn")],
    ["not checked", with_("not-checked")],
    ["passed", with_("pass")],
  ];
  const parts = groups.filter(([, keys]) => keys.length > 0).map(([word, keys]) => `${word} ${keyList(keys)}`);
  return `${PRINCIPLES_AND_METHOD}: ${parts.join("; ")}`;
}

/**
 * The closing line of a file's report, e.g. "f.xlsx: 1 error, 2 warnings, 1 note; 9 principles and
 * the method rules: failed (iii); ...; target progress 78% (risk-adjusted cashable net gains
 * £1,102.4m of target £1,413.72m)". Money carries £ and the workbook's unit.
 */
export function summaryLine(report: ValidationReport, noVfmTables = false, unit: MoneyUnit = "£"): string {
  const { summary } = report;
  const parts = [findingCounts(summary), principlesLine(summary.principles, noVfmTables)];
  if (summary.target && Number.isFinite(summary.target.progress)) {
    const { value, riskAdjustedCashable, progress } = summary.target;
    const percent = (progress * 100).toLocaleString("en-GB", { maximumFractionDigits: 1 });
    parts.push(
      `target progress ${percent}% (risk-adjusted cashable net gains ${formatMoney(riskAdjustedCashable, unit)} of target ${formatMoney(value, unit)})`,
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
function formatTextReport(report: ValidationReport, catalogue: RuleCatalogue, options: TextOptions = {}): string {
  const lines: string[] = [];
  // Everything from a workbook or a file name is made terminal safe: a sheet name cannot forge a line.
  lines.push(paint(terminalSafe(report.file), ANSI.bold, options) + ` (reporting date ${formatDate(report.reportingDate)})`);
  const indent = " ".repeat(4 + severityLabel("warning", { ...options, color: false }).length + 1);
  const noVfmTables = options.noVfmTables?.has(report.file) ?? false;
  for (const principle of PRINCIPLES) {
    const reported = report.summary.principles[principle];
    // A report from before the "not-checked" status, of a workbook with no VfM table, had nothing to pass.
    const status = noVfmTables && reported === "pass" ? "not-checked" : reported;
    const findings = report.findings
      .filter((f) => f.principle === principle)
      .filter((f) => !options.quiet || f.severity === "error")
      .sort(compareFindings);
    if (options.quiet && findings.length === 0) continue;
    const why = noVfmTables ? "no VfM tables found" : report.summary.notChecked?.[principle]?.reason;
    lines.push(`  ${principleLabel(principle)} ${catalogue.principleTitle(principle)}: ${statusLabel(status, options, why)}`);
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
  lines.push(summaryLine(report, noVfmTables, options.units?.get(report.file)));
  return lines.join("\n") + "\n";
}

/** Text reports of several files, separated by a blank line. */
export function formatText(reports: readonly ValidationReport[], catalogue: RuleCatalogue, options: TextOptions = {}): string {
  return reports.map((report) => formatTextReport(report, catalogue, options)).join("\n");
}
