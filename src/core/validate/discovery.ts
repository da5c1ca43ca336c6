/**
 * Finds the logical tables of a VfM workbook, in the order workbook.md gives: an Excel table with the
 * table's name (case-insensitive, optional "tbl" prefix), then a defined name, then a sheet with that
 * name or a synonym. On a found range or sheet the header row is the first row (of the first 50) that
 * holds at least two recognised column headers. Discovery runs once per check; the rules then read
 * rows through the column maps it builds.
 */
import type { Cell, CellRect, Sheet, WorkbookModel } from "../workbook/model";
import { parseA1Range } from "../workbook/model";
import { financialYearOf, financialYearOfCell } from "./dates";
import { TABLE_SPECS, type TableKey, type TableSpec } from "./schema";
import { headerUnit, isBlankCell, normaliseLabel, type MoneyUnit } from "./text";

/** Rows searched for a header row below the top of a sheet or range. */
export const HEADER_SEARCH_ROWS = 50;

export type TableSource = "table" | "name" | "sheet";

export interface DiscoveredTable {
  key: TableKey;
  spec: TableSpec;
  /** How it was found, and the Excel table, defined name or sheet name that matched. */
  source: TableSource;
  sourceName: string;
  sheet: Sheet;
  /** 0-based header row; -1 for a Settings sheet of bare key/value pairs without headers. */
  headerRow: number;
  startCol: number;
  endCol: number;
  /** Last 0-based row the table may use (its range end, or the sheet's last row). */
  endRow: number;
  /** Column key -> 0-based sheet column, for recognised headers (the first match wins). */
  columns: Map<string, number>;
  /** Column key -> the header text as written. */
  headers: Map<string, string>;
  /** Column key -> unit stated in the header (null when the header states none). */
  units: Map<string, MoneyUnit | null>;
  /** Profile only: financial-year start year -> 0-based column, in column order. */
  yearColumns: Map<number, number>;
  /** Column -> unit for the year columns of a profile. */
  yearUnits: Map<number, MoneyUnit | null>;
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

function namesFor(spec: TableSpec): Set<string> {
  return new Set([spec.label, ...spec.sheetSynonyms].map(normaliseTableName));
}

/** Normalised header -> column key, per table; built once. */
const HEADER_MAPS: ReadonlyMap<TableKey, ReadonlyMap<string, string>> = new Map(
  TABLE_SPECS.map((spec) => {
    const map = new Map<string, string>();
    for (const column of spec.columns) {
      for (const name of [column.label, ...column.synonyms]) {
        const normal = normaliseLabel(name);
        if (!map.has(normal)) map.set(normal, column.key);
      }
    }
    return [spec.key, map];
  }),
);

interface HeaderMatch {
  columns: Map<string, number>;
  headers: Map<string, string>;
  units: Map<string, MoneyUnit | null>;
  yearColumns: Map<number, number>;
  yearUnits: Map<number, MoneyUnit | null>;
  recognised: number;
}

const EMPTY_MATCH = (): HeaderMatch => ({
  columns: new Map(),
  headers: new Map(),
  units: new Map(),
  yearColumns: new Map(),
  yearUnits: new Map(),
  recognised: 0,
});

/**
 * A profile year header: "2008-09" and the like, or a date cell that Excel made of a typed "2008-09"
 * (1 September 2008), read as the financial year holding that date.
 */
function profileYear(cell: Cell, date1904: boolean): number | null {
  const raw = cell.value;
  if (typeof raw !== "string") return financialYearOfCell(cell, date1904);
  return financialYearOf(raw.replace(/\([^)]*\)|\[[^\]]*\]/g, "").trim());
}

function matchHeaderRow(
  spec: TableSpec,
  cells: Array<Cell | undefined> | undefined,
  startCol: number,
  endCol: number,
  date1904: boolean,
): HeaderMatch {
  const result = EMPTY_MATCH();
  if (!cells) return result;
  const map = HEADER_MAPS.get(spec.key)!;
  const last = Math.min(endCol, cells.length - 1);
  for (let c = startCol; c <= last; c++) {
    const cell = cells[c];
    if (!cell || cell.error) continue;
    const raw = cell.value;
    if (spec.key === "profile") {
      const year = profileYear(cell, date1904);
      if (year !== null && !result.yearColumns.has(year)) {
        result.yearColumns.set(year, c);
        result.yearUnits.set(c, typeof raw === "string" ? headerUnit(raw) : null);
        result.recognised++;
        continue;
      }
    }
    if (typeof raw !== "string") continue;
    const key = map.get(normaliseLabel(raw));
    if (key !== undefined && !result.columns.has(key)) {
      result.columns.set(key, c);
      result.headers.set(key, raw.trim());
      result.units.set(key, headerUnit(raw));
      result.recognised++;
    }
  }
  return result;
}

function findHeaderRow(
  spec: TableSpec,
  sheet: Sheet,
  rect: CellRect,
  date1904: boolean,
): { row: number; match: HeaderMatch } | null {
  const last = Math.min(rect.endRow, rect.startRow + HEADER_SEARCH_ROWS - 1, sheet.rows.length - 1);
  for (let r = rect.startRow; r <= last; r++) {
    const match = matchHeaderRow(spec, sheet.rows[r], rect.startCol, rect.endCol, date1904);
    if (match.recognised >= 2) return { row: r, match };
  }
  return null;
}

const TOTAL_LABEL = /^(grand\s+)?totals?\b/i;

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

function fillRows(table: DiscoveredTable, excelTotalsRow: number | null): void {
  const dataColumns = [...new Set([...table.columns.values(), ...table.yearColumns.values()])];
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

function build(
  spec: TableSpec,
  source: TableSource,
  sourceName: string,
  sheet: Sheet,
  rect: CellRect,
  header: { row: number; match: HeaderMatch },
): DiscoveredTable {
  return {
    key: spec.key,
    spec,
    source,
    sourceName,
    sheet,
    headerRow: header.row,
    startCol: rect.startCol,
    endCol: rect.endCol,
    endRow: rect.endRow,
    columns: header.match.columns,
    headers: header.match.headers,
    units: header.match.units,
    yearColumns: header.match.yearColumns,
    yearUnits: header.match.yearUnits,
    rows: [],
    totalRows: [],
  };
}


function widestColumn(sheet: Sheet, fromRow: number, toRow: number): number {
  let width = 0;
  for (let r = fromRow; r <= toRow; r++) width = Math.max(width, sheet.rows[r]?.length ?? 0);
  return Math.max(0, width - 1);
}

/** A Settings sheet of bare key/value pairs: keys in its first used column, values in the next. */
function headerlessSettings(spec: TableSpec, sheet: Sheet, rect: CellRect): DiscoveredTable | null {
  const last = Math.min(rect.endRow, sheet.rows.length - 1);
  let firstCol = Number.POSITIVE_INFINITY;
  for (let r = rect.startRow; r <= last; r++) {
    const cells = sheet.rows[r];
    if (!cells) continue;
    for (let c = rect.startCol; c < Math.min(cells.length, firstCol); c++) {
      if (!isBlankCell(cells[c])) {
        firstCol = c;
        break;
      }
    }
  }
  if (!Number.isFinite(firstCol)) return null;
  const match = EMPTY_MATCH();
  match.columns.set("key", firstCol);
  match.columns.set("value", firstCol + 1);
  const table = build(spec, "sheet", sheet.name, sheet, { ...rect, startCol: firstCol }, { row: rect.startRow - 1, match });
  return table;
}

function discoverOne(spec: TableSpec, model: WorkbookModel): DiscoveredTable | null {
  const names = namesFor(spec);
  for (const excelTable of model.tables) {
    if (!names.has(normaliseTableName(excelTable.name))) continue;
    const sheet = sheetByName(model, excelTable.sheet);
    if (!sheet) continue;
    const rect = excelTable.range;
    const dataEnd = excelTable.totalsRow ? rect.endRow - 1 : rect.endRow;
    const header =
      excelTable.headerRowCount > 0
        ? { row: rect.startRow, match: matchHeaderRow(spec, sheet.rows[rect.startRow], rect.startCol, rect.endCol, model.date1904) }
        : findHeaderRow(spec, sheet, { ...rect, endRow: dataEnd }, model.date1904);
    const found = build(spec, "table", excelTable.name, sheet, rect, header ?? { row: rect.startRow - 1, match: EMPTY_MATCH() });
    fillRows(found, excelTable.totalsRow ? rect.endRow : null);
    return found;
  }
  // A defined name without a header row (often one cell, such as a named baseline total) is not the
  // table: a sheet of that name is tried first, and the name is used only when nothing else is found.
  let headerlessName: DiscoveredTable | null = null;
  for (const name of model.names) {
    if (!names.has(normaliseTableName(name.name))) continue;
    const ref = parseReference(name.formula, model);
    if (!ref) continue;
    const header = findHeaderRow(spec, ref.sheet, ref.rect, model.date1904);
    if (!header && spec.key !== "settings") {
      headerlessName ??= build(spec, "name", name.name, ref.sheet, ref.rect, { row: ref.rect.startRow - 1, match: EMPTY_MATCH() });
      continue;
    }
    const found = header ? build(spec, "name", name.name, ref.sheet, ref.rect, header) : headerlessSettings(spec, ref.sheet, ref.rect);
    if (!found) continue;
    fillRows(found, null);
    return found;
  }
  for (const sheet of model.sheets) {
    if (!names.has(normaliseTableName(sheet.name))) continue;
    const whole: CellRect = {
      startRow: 0,
      endRow: Math.max(0, sheet.rows.length - 1),
      startCol: 0,
      endCol: widestColumn(sheet, 0, Math.min(sheet.rows.length - 1, HEADER_SEARCH_ROWS)),
    };
    const header = findHeaderRow(spec, sheet, whole, model.date1904);
    if (!header) {
      const settings = spec.key === "settings" ? headerlessSettings(spec, sheet, whole) : null;
      if (settings) {
        fillRows(settings, null);
        return settings;
      }
      continue;
    }
    // An Excel table under another name holding this header row bounds the data.
    const holder = model.tables.find(
      (t) =>
        t.sheet.toLowerCase() === sheet.name.toLowerCase() &&
        t.range.startRow <= header.row &&
        t.range.endRow >= header.row,
    );
    const rect = holder ? { ...holder.range, startRow: header.row } : { ...whole, endCol: Number.MAX_SAFE_INTEGER };
    const found = build(spec, "sheet", sheet.name, sheet, rect, header);
    fillRows(found, holder?.totalsRow ? holder.range.endRow : null);
    return found;
  }
  if (headerlessName) fillRows(headerlessName, null);
  return headerlessName;
}

export function discoverTables(model: WorkbookModel): Map<TableKey, DiscoveredTable> {
  const found = new Map<TableKey, DiscoveredTable>();
  for (const spec of TABLE_SPECS) {
    const table = discoverOne(spec, model);
    if (table) found.set(spec.key, table);
  }
  return found;
}
