/**
 * Read stage: where a record's values came from. Every record keeps its sheet name, its 0-based row
 * and one pointer to its table's source: the sheet and the 0-based column of each of its values,
 * shared by every record of the table. So each value has its cell (sheet + row + column) at the cost
 * of one pointer a record, not one object a value, and 100,000 gains cost no more than before. The A1
 * address, the text a cell shows and what it holds are made on demand, for the values a rule reports.
 * Rules reach cells only through their records (ctx.atValue, ctx.text, ctx.number, ctx.cell), never by
 * indexing a sheet's rows (test/architecture.test.ts keeps it so).
 */
import { a1, getCell, type Cell, type Sheet } from "../../workbook/model";
import type { DiscoveredTable } from "../discovery";
import type { ColumnKey, TableKey } from "../schema";
import { cellText, readNumber, type NumberRead } from "../text";

/** Where a table's records came from: its sheet, and the column of each value (a column key or a profile's year). */
export interface RecordSource<K extends string | number = string | number> {
  readonly sheet: Sheet;
  /** 0-based sheet column of each value the table has; a value whose column the table lacks is absent. */
  readonly columns: ReadonlyMap<K, number>;
}

/** A record read from one row of a table: every typed record (a gain, a quarter, a baseline line) is one. */
export interface SheetRecord<K extends string | number = string | number> {
  /** The sheet's name, as findings name it. */
  sheet: string;
  /** 0-based sheet row (row 0 is Excel row 1). */
  row: number;
  /** The table's source, shared by all its records: the cell of each value is (sheet, row, source.columns.get(key)). */
  readonly source: RecordSource<K>;
}

/** One cell: a sheet's name and a 0-based row and column (its A1 address is `addressOf`). */
export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** The table recognised under `key`, typed by it (recognition stores each table under its own key). */
export function tableFor<K extends TableKey>(tables: ReadonlyMap<TableKey, DiscoveredTable>, key: K): DiscoveredTable<K> | undefined {
  return tables.get(key) as DiscoveredTable<K> | undefined;
}

/** The source every record of a table shares: its sheet and its recognised columns. */
export function tableSource<K extends TableKey>(table: DiscoveredTable<K>): RecordSource<ColumnKey<K>> {
  return { sheet: table.sheet, columns: table.columns };
}

/** What a table's record values are keyed by: its column keys, and for a profile also its financial years (2010 for 2010-11). */
export type RecordKey<K extends TableKey> = K extends "profile" ? ColumnKey<"profile"> | number : ColumnKey<K>;

/**
 * A table's data rows as plain records, each value's cell found through the record (ctx.text,
 * ctx.number, ctx.cell, ctx.atValue); a profile's year columns are values keyed by their year.
 * Made on demand, for tables whose values the rules read only where they look (ctx.records).
 */
export function readRows<K extends TableKey>(table: DiscoveredTable<K> | undefined): Array<SheetRecord<RecordKey<K>>> {
  return table ? recordsAt(table, table.rows) : [];
}

/** A table's total rows ("Total", "Grand total") as records, for the rules that check a reported total. */
export function readTotalRows<K extends TableKey>(table: DiscoveredTable<K> | undefined): Array<SheetRecord<RecordKey<K>>> {
  return table ? recordsAt(table, table.totalRows) : [];
}

/** A table's header row as a record, so a header cell (e.g. a profile's year heading) is read like a value. */
export function readHeaderRow<K extends TableKey>(table: DiscoveredTable<K>): SheetRecord<RecordKey<K>> {
  return recordsAt(table, [Math.max(0, table.headerRow)])[0];
}

function recordsAt<K extends TableKey>(table: DiscoveredTable<K>, rows: readonly number[]): Array<SheetRecord<RecordKey<K>>> {
  const columns: ReadonlyMap<string | number, number> =
    table.yearColumns.size > 0 ? new Map<string | number, number>([...table.columns, ...table.yearColumns]) : table.columns;
  const source = { sheet: table.sheet, columns } as RecordSource<RecordKey<K>>;
  return rows.map((row) => ({ sheet: table.sheet.name, row, source }));
}

/** The cell a record's value came from; undefined when its table has no such column. */
export function valueCell<K extends string | number>(record: SheetRecord<K>, key: K): CellRef | undefined {
  const col = record.source.columns.get(key);
  return col === undefined ? undefined : { sheet: record.sheet, row: record.row, col };
}

/** "K7": the A1 address of a cell, made when a finding needs it. */
export function addressOf(ref: CellRef): string {
  return a1(ref.row, ref.col);
}

/** What the cell of a record's value holds (its value, formula, error, number format); undefined when empty or absent. */
export function sourceCell<K extends string | number>(record: SheetRecord<K>, key: K): Cell | undefined {
  const col = record.source.columns.get(key);
  return col === undefined ? undefined : getCell(record.source.sheet, record.row, col);
}

/** The text the cell of a record's value shows, trimmed ("" when blank or absent). */
export function sourceText<K extends string | number>(record: SheetRecord<K>, key: K): string {
  return cellText(sourceCell(record, key));
}

/** What the cell of a record's value holds as a number, in the cell's own unit: a number, blank, text or an error. */
export function sourceNumber<K extends string | number>(record: SheetRecord<K>, key: K): NumberRead {
  return readNumber(sourceCell(record, key));
}

/** A cell showing an Excel error value, e.g. #REF!. */
export interface ErrorCell extends CellRef {
  readonly error: string;
}

/**
 * Every cell of a table, in any column of its range (recognised or not), on its data and total rows,
 * that shows an error value, row by row: the one read of cells no record holds.
 */
export function readErrorCells(table: DiscoveredTable): ErrorCell[] {
  const out: ErrorCell[] = [];
  const rows = [...table.rows, ...table.totalRows].sort((a, b) => a - b);
  for (const row of rows) {
    const cells = table.sheet.rows[row];
    if (!cells) continue;
    const last = Math.min(table.endCol, cells.length - 1);
    for (let col = table.startCol; col <= last; col++) {
      const error = cells[col]?.error;
      if (error) out.push({ sheet: table.sheet.name, row, col, error });
    }
  }
  return out;
}
