/**
 * The workbook model: plain data that the validator's rules read. Every source (an .xlsx file, the
 * workbook open in Excel) is turned into this shape by an adapter; no Office or file-library object
 * ever reaches the core. Sheet, table and name lookups go through arrays and Maps, never through
 * plain-object keys, so names such as "__proto__" or "constructor" are ordinary data.
 */

/** A cell's value as the workbook last calculated it. Dates are serial numbers (see `numFmt`). */
export type CellValue = number | string | boolean | null;

export interface Cell {
  /** Cached (last calculated) value. For an error cell this is null and `error` is set. */
  value: CellValue;
  /** Excel error value shown in the cell, e.g. "#REF!", "#DIV/0!", "#N/A". */
  error?: string;
  /** Formula text without the leading "=", when the cell holds a formula. */
  formula?: string;
  /** Number format code, e.g. "£#,##0.00" or "dd/mm/yyyy"; absent means General. */
  numFmt?: string;
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/** A 0-based, inclusive rectangle of cells on one sheet. */
export interface CellRect {
  startRow: number;
  startCol: number;
  endRow: number;
  endCol: number;
}

export interface Sheet {
  name: string;
  visibility: SheetVisibility;
  /** True when the sheet is protected (the pane cannot write to it). */
  protected?: boolean;
  /**
   * rows[r][c] with 0-based indexes (row 0 is Excel row 1, column 0 is column A). Sparse: a missing
   * row or cell is an empty cell.
   */
  rows: Array<Array<Cell | undefined> | undefined>;
}

/** An Excel table (ListObject). */
export interface TableDef {
  name: string;
  sheet: string;
  /** The whole table, header and totals rows included. */
  range: CellRect;
  /** Number of header rows (0 or 1). */
  headerRowCount: number;
  /** True when the table shows a totals row (its last row). */
  totalsRow: boolean;
}

/** A defined name. */
export interface DefinedName {
  name: string;
  /** Sheet name when the name is local to a sheet; null for workbook scope. */
  scope: string | null;
  /** What the name refers to, without a leading "=", e.g. "Gains!$A$1:$T$40" or "0.03". */
  formula: string;
  hidden?: boolean;
}

export interface WorkbookModel {
  sheets: Sheet[];
  tables: TableDef[];
  names: DefinedName[];
  /** Serial dates count from 1904-01-01 rather than 1899-12-30. */
  date1904: boolean;
}

export function getCell(sheet: Sheet, row: number, col: number): Cell | undefined {
  const cells = sheet.rows[row];
  return cells ? cells[col] : undefined;
}

export function findSheet(model: WorkbookModel, name: string): Sheet | undefined {
  const wanted = name.toLowerCase();
  return model.sheets.find((s) => s.name.toLowerCase() === wanted);
}

/** "A", "B", ..., "Z", "AA" for a 0-based column index. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 0-based column index for letters such as "A" or "AB"; -1 when they are not letters. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) return -1;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** A1 address of a 0-based cell, e.g. (6, 10) -> "K7". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A1 address of a rectangle, "K7" for one cell or "A1:T40". */
export function a1Range(rect: CellRect): string {
  const start = a1(rect.startRow, rect.startCol);
  if (rect.startRow === rect.endRow && rect.startCol === rect.endCol) return start;
  return `${start}:${a1(rect.endRow, rect.endCol)}`;
}

/** Parses "K7", "$K$7", "A1:T40" (no sheet part) into a 0-based rectangle; null when it is not one. */
export function parseA1Range(text: string): CellRect | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(text.trim());
  if (!m) return null;
  const startCol = columnIndex(m[1]);
  const startRow = Number(m[2]) - 1;
  const endCol = m[3] ? columnIndex(m[3]) : startCol;
  const endRow = m[4] ? Number(m[4]) - 1 : startRow;
  if (startRow < 0 || endRow < 0) return null;
  return {
    startRow: Math.min(startRow, endRow),
    startCol: Math.min(startCol, endCol),
    endRow: Math.max(startRow, endRow),
    endCol: Math.max(startCol, endCol),
  };
}
