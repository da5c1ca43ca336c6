/**
 * "Write report": on the user's request only, adds a NEW sheet holding the findings as a table. It
 * never changes an existing sheet: the sheet is "VfM report", or "VfM report (2)" and so on when
 * that name is taken.
 *
 * Text safety, in two layers: every cell the report writes is first formatted as Text ("@"), so
 * Excel stores what follows as text (no formulas, numbers or dates are made from it); and text that
 * starts like a formula (= + - @, tab, carriage return, line feed) or with an apostrophe also gets
 * Excel's quote prefix (see text.ts). A finding message "=HYPERLINK(...)" or "-1+2" is therefore
 * stored, shown and read back as exactly that text.
 *
 * Round trips: one to read the names in use, then the rows in blocks of about 4 MB of text (Excel on
 * the web refuses a request above 5 MB; a usual report is one block), then one to make the table.
 */
import type { Finding, Severity, ValidationReport } from "../../core/validate/types";
import { rangesText, rolledUpHeadline, rollUpFindings, type ReportItem } from "../../core/review/rollup";
import { sheetNameProblem } from "./address";
import { describeOfficeError } from "./errors";
import { claimNewSheet, queueInBlocks } from "./new-sheet";
import { columnWidthInPoints } from "./template";
import { formulaSafeText } from "./text";

type RuleTextLookup = (ruleId: string) => { why: string; fix: string; title?: string } | undefined;

export interface WriteReportOptions {
  /** Name for the new sheet; default "VfM report". A taken name gets " (2)", " (3)", ... */
  sheetName?: string;
  /** Why the rule matters and how to fix it, for the report's last columns. */
  ruleText?: RuleTextLookup;
}

export type WriteReportResult = { ok: true; sheet: string } | { ok: false; reason: string };

const DEFAULT_REPORT_SHEET = "VfM report";
const REPORT_TABLE_NAME = "tblVfmReport";

const COLUMNS: ReadonlyArray<{ header: string; width: number; wrap?: boolean }> = [
  { header: "Principle", width: 10 },
  { header: "Severity", width: 10 },
  { header: "Sheet", width: 16 },
  { header: "Cell", width: 10 },
  { header: "Finding", width: 60, wrap: true },
  { header: "Why it matters", width: 50, wrap: true },
  { header: "How to fix", width: 50, wrap: true },
  { header: "Rule", width: 24 },
];

const SEVERITY_LABEL: ReadonlyMap<Severity, string> = new Map([
  ["error", "Error"],
  ["warning", "Warning"],
  ["info", "Note"],
]);

/** Rows of the sheet above the table: title, workbook, summary, blank. */
const TABLE_ROW = 4;
/** JSON punctuation and the "@" format of each cell, on top of its text (counted twice for escapes). */
const BYTES_PER_CELL_OVERHEAD = 16;
const EXCEL_MAX_ROWS = 1_048_576;

export async function writeReport(
  context: Excel.RequestContext,
  report: ValidationReport,
  options: WriteReportOptions = {},
): Promise<WriteReportResult> {
  const baseName = options.sheetName ?? DEFAULT_REPORT_SHEET;
  const nameProblem = sheetNameProblem(baseName);
  if (nameProblem) return { ok: false, reason: nameProblem };
  // The same rule failing on many rows is one row with the count and the ranges (src/core/review/rollup.ts).
  const findings = rollUpFindings(Array.isArray(report?.findings) ? report.findings : []);
  if (TABLE_ROW + 1 + findings.length > EXCEL_MAX_ROWS) {
    return {
      ok: false,
      reason: `There are ${findings.length.toLocaleString("en-GB")} findings (repeated ones rolled up), more than one Excel sheet can hold.`,
    };
  }

  let sheetName = baseName;
  try {
    const claim = await claimNewSheet(context, baseName, REPORT_TABLE_NAME, "the report sheet cannot be added");
    if (!claim.ok) return claim;
    const { worksheet, tableName } = claim;
    sheetName = claim.sheetName;
    const bodyRows = Math.max(1, findings.length);
    const width = COLUMNS.length;
    // Text format before any value, on every cell the report writes (the rows' with their block).
    worksheet.getRangeByIndexes(0, 0, TABLE_ROW + 1, width).numberFormat = grid(TABLE_ROW + 1, width, "@");
    if (findings.length === 0) worksheet.getRangeByIndexes(TABLE_ROW + 1, 0, 1, width).numberFormat = grid(1, width, "@");
    const heading = worksheet.getRangeByIndexes(0, 0, 3, 1);
    heading.values = headingLines(report).map((line) => [formulaSafeText(line)]);
    worksheet.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
    worksheet.getRangeByIndexes(TABLE_ROW, 0, 1, width).values = [COLUMNS.map((c) => formulaSafeText(c.header))];

    // The findings, in blocks that keep each request under the size Excel on the web accepts.
    const rows = findings.map((item) => findingRow(item, options.ruleText));
    const rowBytes = (row: string[]): number => row.reduce((sum, text) => sum + text.length * 2 + BYTES_PER_CELL_OVERHEAD, 0);
    await queueInBlocks(context, rows, rowBytes, (start, block) => {
      const target = worksheet.getRangeByIndexes(TABLE_ROW + 1 + start, 0, block.length, width);
      target.numberFormat = grid(block.length, width, "@");
      target.values = block;
    });

    // A Range, not an address: given an address without a sheet, Excel puts the table on the active sheet.
    const table = worksheet.tables.add(worksheet.getRangeByIndexes(TABLE_ROW, 0, bodyRows + 1, width), true);
    table.name = tableName;
    COLUMNS.forEach((column, i) => {
      const whole = worksheet.getRangeByIndexes(0, i, 1, 1).getEntireColumn();
      whole.format.columnWidth = columnWidthInPoints(column.width);
      if (column.wrap) worksheet.getRangeByIndexes(TABLE_ROW + 1, i, bodyRows, 1).format.wrapText = true;
    });
    worksheet.activate();
    await context.sync();
    return { ok: true, sheet: sheetName };
  } catch (error) {
    return { ok: false, reason: `Excel could not finish the report sheet "${sheetName}": ${describeOfficeError(error)}.` };
  }
}

function headingLines(report: ValidationReport): string[] {
  const summary = report.summary;
  const counts = summary
    ? `${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}, ${plural(summary.infos, "note")}.`
    : `${plural(report.findings.length, "finding")}.`;
  const file = typeof report.file === "string" && report.file !== "" ? report.file : "this workbook";
  return [
    "Value for money check",
    `Workbook: ${file}`,
    report.findings.length === 0
      ? `Checked as at ${report.reportingDate}: no findings.`
      : `Checked as at ${report.reportingDate}: ${counts}`,
  ];
}

function findingRow(item: ReportItem, ruleText: RuleTextLookup | undefined): string[] {
  const finding: Finding = item.kind === "finding" ? item.finding : item.group.findings[0];
  const text = ruleText?.(finding.rule);
  let sheet = finding.sheet ?? "";
  let cell = finding.cell ?? "";
  let message = String(finding.message ?? "");
  if (item.kind === "rolled-up") {
    const sheets = new Set(item.group.ranges.map((r) => r.sheet));
    // One sheet: its ranges in the Cell column; several: each range with its sheet.
    sheet = sheets.size === 1 ? [...sheets][0] : "";
    cell = rangesText(item.group, undefined, sheets.size !== 1);
    message = `${rolledUpHeadline(item.group, text?.title)}. The first: ${message}`;
  }
  return [
    finding.principle === "method" ? "Method" : `(${finding.principle})`,
    SEVERITY_LABEL.get(finding.severity) ?? String(finding.severity),
    sheet,
    cell,
    message,
    text?.why ?? "",
    text?.fix ?? "",
    finding.rule,
  ].map(formulaSafeText);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function grid(rows: number, columns: number, value: string): string[][] {
  return Array.from({ length: rows }, () => new Array<string>(columns).fill(value));
}
