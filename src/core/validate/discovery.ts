/**
 * The tables the check found, as the rules read them: each table's sheet, header row, column map and
 * data rows, plus how it was recognised and how sure (for `vfm inspect`). Recognition itself is the
 * pipeline's first stage (./recognise): corrections saved in the Settings table, Excel tables and
 * defined names with the table's name, then every block of every sheet scored by its headers.
 */
import type { Cell, CellRect, Sheet, WorkbookModel } from "../workbook/model";
import { parseA1Range } from "../workbook/model";
import type { HeaderColumn } from "./recognise/headers";
import type { TableContext } from "./recognise/context";
import type { ColumnKey, TableKey, TableSpec } from "./schema";
import { isBlankCell, type MoneyUnit } from "./text";
import { recogniseWorkbook } from "./recognise";

/** Rows searched for a header row below the top of a sheet or range (kept for callers; blocks are found anywhere). */
export const HEADER_SEARCH_ROWS = 50;

/**
 * How a table was found: an Excel table or defined name with its name, a sheet with its name, its
 * headers alone ("content"), the user's correction in the Settings table, or the register's own
 * per-year columns ("inline", a profile), or notes that record a publication ("notes": "Published in ...").
 */
export type TableSource = "table" | "name" | "sheet" | "content" | "correction" | "inline" | "notes";

export type Confidence = "high" | "medium" | "low";

/**
 * A found table. `DiscoveredTable<"gains">` (what RuleContext.table("gains") returns) takes only the
 * Gains table's column keys; a plain DiscoveredTable takes any table's.
 */
export interface DiscoveredTable<K extends TableKey = TableKey> {
  key: K;
  spec: TableSpec<K, ColumnKey<K>>;
  /** How it was found, and the Excel table, defined name or sheet name that matched. */
  source: TableSource;
  sourceName: string;
  /** How it was recognised, in words ("its headers: 12 of 19 columns"). */
  how: string;
  confidence: Confidence;
  /** Recognised columns over the table's columns, 0..1. */
  coverage: number;
  sheet: Sheet;
  /** The sheet is hidden (or very hidden). */
  hidden: boolean;
  /** 0-based first header row (a merged group row above the column headers); headerRow when one row. */
  headerTop: number;
  /** 0-based header row; -1 for a Settings sheet of bare key/value pairs without headers. */
  headerRow: number;
  startCol: number;
  endCol: number;
  /** Last 0-based row the table may use (its range end, or where its block ends). */
  endRow: number;
  /** Column key -> 0-based sheet column, for recognised headers (the first match wins). */
  columns: Map<ColumnKey<K>, number>;
  /** Column key -> the header text as written. */
  headers: Map<ColumnKey<K>, string>;
  /** Column key -> unit stated in the header or the title block (null when neither states one). */
  units: Map<ColumnKey<K>, MoneyUnit | null>;
  /** Profile only: financial-year start year -> 0-based column, in column order. */
  yearColumns: Map<number, number>;
  /** Column -> unit for the year columns of a profile. */
  yearUnits: Map<number, MoneyUnit | null>;
  /** Money column key -> financial year -> column, for per-year columns ("Net saving 2012/13"). */
  measureYears: Map<ColumnKey<K>, Map<number, number>>;
  /** Every header column as read (multi-row headers combined), with its unit. */
  headerColumns: HeaderColumn[];
  /** Unit, price base, basis and position date from the title block and sheet name. */
  context: TableContext;
  /** 0-based rows holding data (blank rows and total rows skipped), in order. */
  rows: number[];
  /** 0-based rows labelled as totals ("Total", "Totals", "Grand total") or an Excel totals row. */
  totalRows: number[];
}

export type DiscoveredTables = ReadonlyMap<TableKey, DiscoveredTable>;

/** Lower-case letters and digits only, without a leading "tbl": "tbl_Gains" and "GAINS" -> "gains". */
export function normaliseTableName(name: string): string {
  const compact = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  return compact.startsWith("tbl") && compact.length > 3 ? compact.slice(3) : compact;
}

const TOTAL_LABEL = /^(grand\s+)?(sub[\s-]?)?totals?\b/i;

function isTotalRow(cells: Array<Cell | undefined> | undefined, table: DiscoveredTable): boolean {
  if (!cells) return false;
  const idCol = table.columns.get("id");
  const last = Math.min(table.endCol, cells.length - 1, table.startCol + 3);
  for (let c = table.startCol; c <= last; c++) {
    const cell = cells[c];
    if (isBlankCell(cell)) continue;
    const value = cell!.value;
    if (typeof value !== "string" || !TOTAL_LABEL.test(value.trim())) return false;
    if (idCol === undefined || idCol === c) return true;
    return isBlankCell(cells[idCol]);
  }
  return false;
}

/** Blank in every recognised column (a note in an unrecognised column does not make a row). */
/**
 * A row is blank when nothing has been entered in it: every recognised column is empty, or holds
 * only a formula whose result is empty or 0. A template's spare table rows carry the derived
 * columns' formulas (Net gain = Gross - Costs = 0) before anyone types a gain; they are not gains.
 */
function isBlankRow(cells: Array<Cell | undefined> | undefined, dataColumns: number[]): boolean {
  if (!cells) return true;
  for (const c of dataColumns) {
    const cell = cells[c];
    if (!cell) continue;
    if (cell.error) return false;
    if (isBlankCell(cell)) continue;
    if (cell.formula !== undefined && (cell.value === 0 || cell.value === "" || cell.value === null)) continue;
    return false;
  }
  return true;
}

export function fillRows(table: DiscoveredTable, excelTotalsRow: number | null): void {
  const perYear = [...table.measureYears.values()].flatMap((years) => [...years.values()]);
  const dataColumns = [...new Set([...table.columns.values(), ...table.yearColumns.values(), ...perYear])];
  const sheetRows = table.sheet.rows;
  const last = Math.min(table.endRow, sheetRows.length - 1);
  for (let r = table.headerRow + 1; r <= last; r++) {
    const cells = sheetRows[r];
    if (r === excelTotalsRow) {
      table.totalRows.push(r);
      continue;
    }
    if (isBlankRow(cells, dataColumns)) continue;
    if (isTotalRow(cells, table)) table.totalRows.push(r);
    else table.rows.push(r);
  }
}

function sheetByName(model: WorkbookModel, name: string): Sheet | undefined {
  const wanted = name.toLowerCase();
  return model.sheets.find((s) => s.name.toLowerCase() === wanted);
}

/** "Gains!$A$1:$T$40", "'My sheet'!A3:T100", "Gains!$A:$T" -> sheet and rectangle; null otherwise. */
export function parseReference(formula: string, model: WorkbookModel): { sheet: Sheet; rect: CellRect } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!'"]+))!(.+)$/.exec(formula.trim().replace(/^=/, ""));
  if (!m) return null;
  const sheetName = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const sheet = sheetByName(model, sheetName);
  if (!sheet) return null;
  const ref = m[3].trim();
  const columns = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(ref);
  if (columns) {
    const rect = parseA1Range(`${columns[1]}1:${columns[2]}1`);
    if (!rect) return null;
    return { sheet, rect: { ...rect, startRow: 0, endRow: Math.max(0, sheet.rows.length - 1) } };
  }
  const rect = parseA1Range(ref);
  return rect ? { sheet, rect } : null;
}

/** The tables of a workbook (recognition without the Settings-driven corrections; analyse applies those). */
export function discoverTables(model: WorkbookModel): Map<TableKey, DiscoveredTable> {
  return recogniseWorkbook(model).tables;
}
