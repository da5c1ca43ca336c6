/**
 * Renders a TemplateSpec (the VfM template, or a filled example) as .xlsx bytes with exceljs, on the
 * Node side (`vfm template`, examples/generate.ts).
 *
 * What exceljs does not do is finished here on the zip it produces:
 * - charts and internal hyperlinks (write-drawings.ts);
 * - derived columns are declared as Excel "calculated columns" (calculatedColumnFormula in the table
 *   part), so Excel fills the formula into rows a user adds;
 * - the package is re-zipped with a fixed timestamp, so the same spec gives the same bytes.
 * Derived cells carry cached results computed by the core (VFM.NETGAIN semantics), so a reader that
 * does not recalculate, ours included, sees the values Excel would show.
 */
import ExcelJS from "exceljs";
import { unzipSync, zipSync, strFromU8, strToU8, type Zippable } from "fflate";
import { netGain } from "../../core/calc";
import { columnLetters, type CellValue } from "../../core/workbook/model";
import type { DerivedColumn, TemplateColumn, TemplateSheet, TemplateSpec, TemplateTable } from "../../core/template/types";
import { addChartsAndLinks, escapeXml, linkCells } from "./write-drawings";

export interface WriteXlsxOptions {
  /** Creation and modification time stored in the file's properties. Default: now. */
  created?: Date;
  /** Rows below the header that get input validation and formats when a table gives no inputRows. Default 200. */
  inputRows?: number;
  /** Author stored in the file's properties. Default "vfm". */
  creator?: string;
}

const DEFAULT_INPUT_ROWS = 200;
/** 1980-01-01, the earliest time a zip entry can carry; every entry gets it so output is reproducible. */
const ZIP_ENTRY_TIME = new Date(1980, 0, 1, 0, 0, 0);
const TABLE_STYLE = "TableStyleMedium2";
/** Excel's Hyperlink cell style: blue, underlined. */
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF0563C1" }, underline: true };

/**
 * "=[@[Gross gain]]-[@Costs]" as stored in a file: "tblGains[[#This Row],[Gross gain]]-tblGains[[#This Row],[Costs]]".
 * A column name's apostrophes are escaped with an apostrophe, as Excel writes them
 * ("Saving (£'000)" is [Saving (£''000)]): unescaped, Excel and LibreOffice read the reference as #NAME?.
 */
export function toFileFormula(formula: string, tableName: string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  const ref = (column: string): string => `${tableName}[[#This Row],[${column.replace(/'/g, "''")}]]`;
  return body
    .replace(/\[@\[([^\]]+)\]\]/g, (_m, column: string) => ref(column))
    .replace(/\[@([^[\]]+)\]/g, (_m, column: string) => ref(column));
}

/** The value Excel would calculate for a derived column of one row; null when it would show an error. */
export function derivedValue(derived: DerivedColumn, columns: readonly TemplateColumn[], row: readonly CellValue[]): number | null {
  const valueOf = (header: string): CellValue => {
    const index = columns.findIndex((c) => c.header === header);
    return index < 0 ? null : (row[index] ?? null);
  };
  const gross = valueOf(derived.gross);
  const costs = valueOf(derived.costs);
  // Excel's plain arithmetic counts a blank deliverability as 0; the cached value must say the same.
  const result = derived.kind === "net" ? netGain(gross, costs) : netGain(gross, costs, valueOf(derived.deliverability) ?? 0);
  return result.ok ? result.value : null;
}

/** Row (1-based) of a sheet's table header: below the title, the free lines and a blank row. */
export function tableHeaderRow(sheet: TemplateSheet): number {
  const above = (sheet.title !== undefined ? 1 : 0) + (sheet.lines?.length ?? 0);
  return above === 0 ? 1 : above + 2;
}

function tableCells(table: TemplateTable): Array<Array<ExcelJS.CellValue>> {
  const rows = table.rows.length > 0 ? table.rows : [table.columns.map(() => null)];
  return rows.map((row) =>
    table.columns.map((column, index): ExcelJS.CellValue => {
      if (column.formula) {
        const result = column.derived ? derivedValue(column.derived, table.columns, row) : null;
        const formula = toFileFormula(column.formula, table.name);
        return result === null ? { formula } : { formula, result };
      }
      const value = row[index];
      return value === undefined ? null : value;
    }),
  );
}

/** exceljs keeps range validations in `dataValidations`, which its type declarations leave out. */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation | { type: "any"; allowBlank: boolean }): void };
}

function addValidation(sheet: ExcelJS.Worksheet, column: TemplateColumn, range: string): void {
  const ws = sheet as unknown as RangeValidations;
  const prompt = column.help ? { showInputMessage: true, promptTitle: column.header.slice(0, 32), prompt: column.help.slice(0, 255) } : {};
  if (column.list) {
    ws.dataValidations.add(range, {
      type: "list",
      allowBlank: true,
      formulae: [`"${column.list.join(",")}"`],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: column.header.slice(0, 32),
      error: `Choose one of: ${column.list.join(", ")}.`,
      ...prompt,
    });
  } else if (column.between) {
    ws.dataValidations.add(range, {
      type: "decimal",
      operator: "between",
      allowBlank: true,
      formulae: [column.between.min, column.between.max],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: column.header.slice(0, 32),
      error: `Enter a number from ${column.between.min} to ${column.between.max} (a percentage from ${column.between.min * 100}% to ${column.between.max * 100}%).`,
      ...prompt,
    });
  } else if (column.date) {
    ws.dataValidations.add(range, {
      type: "date",
      operator: "greaterThan",
      allowBlank: true,
      formulae: [new Date(Date.UTC(1990, 0, 1))],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: column.header.slice(0, 32),
      error: "Enter a date, e.g. 30/06/2026.",
      ...prompt,
    });
  } else if (column.help) {
    ws.dataValidations.add(range, { type: "any", allowBlank: true, ...prompt });
  }
}

function renderSheet(wb: ExcelJS.Workbook, sheet: TemplateSheet, defaultInputRows: number): void {
  const headerRow = sheet.table ? tableHeaderRow(sheet) : 0;
  const ws = wb.addWorksheet(sheet.name, {
    views: headerRow > 0 ? [{ state: "frozen", xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }] : [],
  });
  let row = 1;
  if (sheet.title !== undefined) {
    const cell = ws.getCell(row, 1);
    cell.value = sheet.title;
    cell.font = { bold: true, size: 14 };
    row++;
  }
  const headings = new Set(sheet.headingLines ?? []);
  (sheet.lines ?? []).forEach((line, index) => {
    // Written as text: a line is never read as a formula, whatever it starts with.
    if (line !== "") {
      const cell = ws.getCell(row, 1);
      cell.value = line;
      if (headings.has(index)) cell.font = { bold: true, size: 12 };
    }
    row++;
  });
  if (!sheet.table) {
    ws.getColumn(1).width = 120;
    styleLinks(ws, sheet, 0);
    return;
  }
  const table = sheet.table;
  const cells = tableCells(table);
  ws.addTable({
    name: table.name,
    displayName: table.name,
    ref: `A${headerRow}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: table.columns.map((column) => ({ name: column.header, filterButton: true })),
    rows: cells,
  });

  const firstDataRow = headerRow + 1;
  const lastDataRow = headerRow + cells.length;
  const lastInputRow = headerRow + Math.max(cells.length, table.inputRows ?? defaultInputRows);
  table.columns.forEach((column, index) => {
    const letter = columnLetters(index);
    const wsColumn = ws.getColumn(index + 1);
    if (column.width) wsColumn.width = column.width;
    if (column.numFmt) {
      for (let r = firstDataRow; r <= lastInputRow; r++) {
        // Only existing table rows and the blank rows below get the format; the title row stays General.
        ws.getCell(r, index + 1).numFmt = column.numFmt;
      }
    }
    if (!column.formula) addValidation(ws, column, `${letter}${firstDataRow}:${letter}${lastInputRow}`);
    else if (column.help)
      addValidation(ws, { header: column.header, help: column.help }, `${letter}${firstDataRow}:${letter}${lastDataRow}`);
  });
  for (const format of table.cellFormats ?? []) {
    const index = table.columns.findIndex((c) => c.header === format.column);
    if (index >= 0) ws.getCell(firstDataRow + format.row, index + 1).numFmt = format.numFmt;
  }
  styleLinks(ws, sheet, headerRow);
}

function styleLinks(ws: ExcelJS.Worksheet, sheet: TemplateSheet, headerRow: number): void {
  for (const cell of linkCells(sheet, headerRow)) {
    // Replaces the cell's font: a link is never a heading.
    ws.getCell(cell.row, cell.column + 1).font = LINK_FONT;
  }
}

/** Adds <calculatedColumnFormula> to the derived columns of each table part. */
function addCalculatedColumns(files: Record<string, Uint8Array>, spec: TemplateSpec): void {
  const tables = new Map<string, TemplateTable>();
  for (const sheet of spec.sheets) if (sheet.table) tables.set(sheet.table.name.toLowerCase(), sheet.table);
  for (const path of Object.keys(files)) {
    if (!/^xl\/tables\/table\d+\.xml$/.test(path)) continue;
    let xml = strFromU8(files[path]);
    const name = /<table\b[^>]*\bname="([^"]+)"/.exec(xml)?.[1];
    const table = name ? tables.get(name.toLowerCase()) : undefined;
    if (!table) continue;
    // exceljs marks every table as having shown a totals row; these tables never have one.
    xml = xml.replace(/\btotalsRowShown="1"/, 'totalsRowShown="0"');
    for (const column of table.columns) {
      if (!column.formula) continue;
      const formula = escapeXml(toFileFormula(column.formula, table.name));
      const pattern = new RegExp(
        `(<tableColumn\\b[^>]*\\bname="${escapeXml(column.header).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*?)\\s*/>`,
      );
      xml = xml.replace(pattern, `$1><calculatedColumnFormula>${formula}</calculatedColumnFormula></tableColumn>`);
    }
    files[path] = strToU8(xml);
  }
}

/** Renders the spec as .xlsx bytes. */
export async function writeXlsx(spec: TemplateSpec, options: WriteXlsxOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const created = options.created ?? new Date();
  wb.creator = options.creator ?? "vfm";
  wb.lastModifiedBy = options.creator ?? "vfm";
  wb.created = created;
  wb.modified = created;
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of spec.sheets) renderSheet(wb, sheet, options.inputRows ?? DEFAULT_INPUT_ROWS);
  const written = new Uint8Array(await wb.xlsx.writeBuffer());
  const files = unzipSync(written);
  addCalculatedColumns(files, spec);
  addChartsAndLinks(files, spec, tableHeaderRow);
  const zippable: Zippable = {};
  // [Content_Types].xml first, as Office writes it; then a stable order.
  const paths = Object.keys(files).sort((a, b) =>
    a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  for (const path of paths) zippable[path] = [files[path], { level: 6, mtime: ZIP_ENTRY_TIME }];
  return zipSync(zippable);
}
