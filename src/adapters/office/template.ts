/**
 * "Create VfM workbook": adds the template's sheets and tables to the open workbook.
 *
 * Two round trips. The first reads the names already in use (sheets, tables, defined names) and the
 * workbook's structure protection; if any name the template needs is taken, nothing at all is
 * queued and the answer lists the taken names. Otherwise every sheet, title, line, table, header,
 * row, number format, validation rule (list, number range, date), input message, width and column
 * formula is queued and sent in one final sync. Existing sheets are never overwritten, renamed or
 * moved. Office.js lets Excel calculate derived columns, so `TemplateColumn.derived` is not needed.
 */
import type { CellValue } from "../../core/workbook/model";
import type { TemplateColumn, TemplateSheet, TemplateSpec, TemplateTable } from "../../core/template/types";
import { sameName, sheetNameProblem, tableNameProblem } from "./address";
import { describeOfficeError } from "./errors";
import { isList } from "./guards";
import { readNamesInUse } from "./new-sheet";
import { literalText } from "./text";

export type InsertTemplateResult = { ok: true; created: string[] } | { ok: false; reason: string; takenNames: string[] };

/** Where things go on a template sheet (0-based rows). */
export interface TemplateSheetLayout {
  titleRow: number | null;
  firstLineRow: number;
  /** Header row of the table; data rows follow it. */
  tableRow: number;
}

/**
 * Title in A1, the lines straight below it, then a blank row and the table: A3 under a title alone,
 * A1 on a sheet with neither. The .xlsx writer (src/adapters/xlsx/write.ts) lays sheets out the same way.
 */
export function templateSheetLayout(sheet: TemplateSheet): TemplateSheetLayout {
  const titleRow = sheet.title !== undefined ? 0 : null;
  const firstLineRow = titleRow === null ? 0 : 1;
  const above = firstLineRow + (sheet.lines?.length ?? 0);
  return { titleRow, firstLineRow, tableRow: above === 0 ? 0 : above + 1 };
}

/**
 * Excel measures a column's width in characters of the default font but the API sets it in points:
 * a width of w characters is w * 7 + 5 pixels in Calibri 11, and a pixel is 0.75 points.
 */
export function columnWidthInPoints(characters: number): number {
  return (characters * 7 + 5) * 0.75;
}

/** Rows below a table's header that get its input formats and validation when the table names none (as the .xlsx writer). */
export const DEFAULT_INPUT_ROWS = 200;
const TABLE_STYLE = "TableStyleMedium2";
/** Width of column A on a sheet of text lines only (the Instructions), in characters. */
const TEXT_SHEET_WIDTH = 120;
/** Dates before this are typing mistakes in a VfM workbook (as the .xlsx writer's rule). */
const EARLIEST_DATE = "1990-01-01";

/** Excel limits on a data validation input message. */
const PROMPT_TITLE_LIMIT = 32;
const PROMPT_MESSAGE_LIMIT = 255;
/** Excel limit on a list written inline as the validation source. */
const LIST_SOURCE_LIMIT = 255;

export async function insertTemplate(context: Excel.RequestContext, spec: TemplateSpec): Promise<InsertTemplateResult> {
  const problem = templateProblem(spec);
  if (problem) return { ok: false, reason: problem, takenNames: [] };
  try {
    const inUse = await readNamesInUse(context, "no sheets can be added");
    if (!inUse.ok) return { ...inUse, takenNames: [] };
    const { worksheets, sheetNames, tableNames } = inUse;
    // A table name must differ from every other table and from every workbook-level defined name.
    const takenSheets = spec.sheets.flatMap((s) => sheetNames.filter((existing) => sameName(existing, s.name)));
    const takenTables = spec.sheets.flatMap((s) => (s.table ? tableNames.filter((existing) => sameName(existing, s.table!.name)) : []));
    if (takenSheets.length > 0 || takenTables.length > 0) {
      return { ok: false, reason: takenReason(takenSheets, takenTables), takenNames: [...takenSheets, ...takenTables] };
    }

    const created: Excel.Worksheet[] = [];
    for (const sheet of spec.sheets) created.push(queueSheet(worksheets, sheet));
    if (created.length > 0) created[0].activate();
    await context.sync();
    return { ok: true, created: spec.sheets.map((s) => s.name) };
  } catch (error) {
    return {
      ok: false,
      reason: `Excel could not create the VfM workbook: ${describeOfficeError(error)}. If some of its sheets were added, delete them before trying again.`,
      takenNames: [],
    };
  }
}

function takenReason(sheets: string[], tables: string[]): string {
  const parts: string[] = [];
  if (sheets.length > 0) parts.push(`${sheets.length === 1 ? "a sheet" : "sheets"} called ${quotedList(sheets)}`);
  if (tables.length > 0) parts.push(`${tables.length === 1 ? "a table or name" : "tables or names"} called ${quotedList(tables)}`);
  return `This workbook already has ${parts.join(" and ")}. Nothing was added: rename or remove ${sheets.length + tables.length === 1 ? "it" : "them"}, or create the VfM workbook in a new, empty workbook.`;
}

function quotedList(items: readonly string[]): string {
  const quoted = items.map((s) => `"${s}"`);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/** Problems in the description itself, found before Excel is asked anything. */
function templateProblem(spec: TemplateSpec): string | null {
  if (!spec || !isList(spec.sheets) || spec.sheets.length === 0) return "The VfM workbook description has no sheets.";
  const seenSheets: string[] = [];
  const seenTables: string[] = [];
  for (const sheet of spec.sheets) {
    const sheetProblem = sheetNameProblem(sheet.name);
    if (sheetProblem) return sheetProblem;
    if (seenSheets.some((s) => sameName(s, sheet.name))) return `The VfM workbook description names the sheet "${sheet.name}" twice.`;
    seenSheets.push(sheet.name);
    const table = sheet.table;
    if (!table) continue;
    const nameProblem = tableNameProblem(table.name);
    if (nameProblem) return nameProblem;
    if (seenTables.some((t) => sameName(t, table.name))) return `The VfM workbook description names the table "${table.name}" twice.`;
    seenTables.push(table.name);
    if (table.columns.length === 0) return `The table "${table.name}" has no columns.`;
    const headers: string[] = [];
    for (const column of table.columns) {
      if (column.header.trim() === "") return `A column of the table "${table.name}" has no heading.`;
      if (headers.some((h) => sameName(h, column.header))) return `The table "${table.name}" has two columns headed "${column.header}".`;
      headers.push(column.header);
      if (column.list) {
        if (column.list.some((item: string) => item.includes(",")))
          return `The list for "${column.header}" has an entry with a comma, which an Excel drop-down list cannot hold.`;
        if (column.list.join(",").length > LIST_SOURCE_LIMIT)
          return `The list for "${column.header}" is longer than Excel's limit of ${LIST_SOURCE_LIMIT} characters.`;
      }
    }
  }
  return null;
}

function queueSheet(worksheets: Excel.WorksheetCollection, spec: TemplateSheet): Excel.Worksheet {
  const worksheet = worksheets.add(spec.name);
  const layout = templateSheetLayout(spec);
  if (spec.title !== undefined && layout.titleRow !== null) {
    const title = worksheet.getRangeByIndexes(layout.titleRow, 0, 1, 1);
    title.values = [[literalText(spec.title)]];
    title.format.font.bold = true;
    title.format.font.size = 14;
  }
  const lines = spec.lines ?? [];
  if (lines.length > 0) {
    worksheet.getRangeByIndexes(layout.firstLineRow, 0, lines.length, 1).values = lines.map((line) => [literalText(line)]);
    for (const index of spec.headingLines ?? []) {
      if (index < 0 || index >= lines.length) continue;
      const heading = worksheet.getRangeByIndexes(layout.firstLineRow + index, 0, 1, 1);
      heading.format.font.bold = true;
      heading.format.font.size = 12;
    }
  }
  if (spec.table) {
    queueTable(worksheet, spec.table, layout.tableRow);
    // Keep the headings in view while scrolling the rows.
    worksheet.freezePanes.freezeRows(layout.tableRow + 1);
  } else {
    worksheet.getRangeByIndexes(0, 0, 1, 1).getEntireColumn().format.columnWidth = columnWidthInPoints(TEXT_SHEET_WIDTH);
  }
  return worksheet;
}

function queueTable(worksheet: Excel.Worksheet, spec: TemplateTable, headerRow: number): void {
  const columns = spec.columns;
  const width = columns.length;
  // An Excel table always has at least one data row; an empty template table gets one blank row.
  const dataRows = Math.max(1, spec.rows.length);
  // Rows typed under the table later get the same formats and checks.
  const inputRows = Math.max(dataRows, spec.inputRows ?? DEFAULT_INPUT_ROWS);
  const bodyTop = headerRow + 1;

  worksheet.getRangeByIndexes(headerRow, 0, 1, width).values = [columns.map((c) => literalText(c.header))];
  // Formats first, so the values below are shown (and, for a Text column, kept) as intended.
  columns.forEach((column, i) => {
    if (column.numFmt !== undefined) worksheet.getRangeByIndexes(bodyTop, i, inputRows, 1).numberFormat = fill(inputRows, column.numFmt);
  });
  for (const format of spec.cellFormats ?? []) {
    const i = columns.findIndex((c) => c.header === format.column);
    if (i >= 0 && format.row >= 0) worksheet.getRangeByIndexes(bodyTop + format.row, i, 1, 1).numberFormat = [[format.numFmt]];
  }
  if (spec.rows.length > 0) {
    worksheet.getRangeByIndexes(bodyTop, 0, spec.rows.length, width).values = spec.rows.map((row) =>
      columns.map((column, i) => (column.formula !== undefined ? "" : inputValue(row[i]))),
    );
  }
  // A Range, not an address: given an address without a sheet, Excel puts the table on the active sheet.
  const table = worksheet.tables.add(worksheet.getRangeByIndexes(headerRow, 0, dataRows + 1, width), true);
  table.name = spec.name;
  table.style = TABLE_STYLE;
  columns.forEach((column, i) => queueColumnDetails(worksheet, column, i, headerRow, column.formula !== undefined ? dataRows : inputRows));
}

/**
 * A column's derived formula, its validation rule (drop-down list, number range or date) with an
 * error alert, its input message and its width. `rows` is how many rows below the header get them.
 */
function queueColumnDetails(worksheet: Excel.Worksheet, column: TemplateColumn, index: number, headerRow: number, rows: number): void {
  const body = (): Excel.Range => worksheet.getRangeByIndexes(headerRow + 1, index, rows, 1);
  const title = column.header.slice(0, PROMPT_TITLE_LIMIT);
  if (column.formula !== undefined) {
    const formula = column.formula.startsWith("=") ? column.formula : `=${column.formula}`;
    // The same structured-reference formula in every row makes it the table's calculated column.
    body().formulas = fill(rows, formula);
  } else {
    const rule = validationRule(column);
    if (rule) {
      const validation = body().dataValidation;
      validation.rule = rule.rule;
      validation.errorAlert = { showAlert: true, style: "Stop", title, message: rule.error };
    }
  }
  if (column.help !== undefined && column.help.trim() !== "") {
    const prompt = { showPrompt: true, title, message: column.help.slice(0, PROMPT_MESSAGE_LIMIT) };
    worksheet.getRangeByIndexes(headerRow, index, 1, 1).dataValidation.prompt = prompt;
    body().dataValidation.prompt = prompt;
  }
  if (column.width !== undefined && column.width > 0) {
    worksheet.getRangeByIndexes(0, index, 1, 1).getEntireColumn().format.columnWidth = columnWidthInPoints(column.width);
  }
}

/** The data-validation rule of an input column and the message shown when an entry breaks it. */
function validationRule(column: TemplateColumn): { rule: Excel.DataValidationRule; error: string } | null {
  if (column.list && column.list.length > 0) {
    return { rule: { list: { inCellDropDown: true, source: column.list.join(",") } }, error: `Choose one of: ${column.list.join(", ")}.` };
  }
  if (column.between) {
    const { min, max } = column.between;
    return {
      rule: { decimal: { formula1: min, formula2: max, operator: "Between" } },
      error: `Enter a number from ${min} to ${max} (a percentage from ${min * 100}% to ${max * 100}%).`,
    };
  }
  if (column.date) {
    return { rule: { date: { formula1: EARLIEST_DATE, operator: "GreaterThan" } }, error: "Enter a date, e.g. 30/06/2026." };
  }
  return null;
}

function inputValue(value: CellValue | undefined): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return literalText(value);
  return value;
}

function fill<T>(rows: number, value: T): T[][] {
  return Array.from({ length: rows }, () => [value]);
}
