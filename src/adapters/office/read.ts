/**
 * Reads the workbook open in Excel into the validator's model, strictly read-only (no writes, no
 * selection changes), in a bounded number of round trips:
 *
 *   1. sheets (name, visibility), tables (name, header/totals flags, sheet), workbook-scope names;
 *   2. for every sheet at once: used range (address, size), protection, sheet-scope names; for every
 *      table at once: its whole range's address;
 *   3+. cell data (values, formulas, number formats, value types) for every sheet, streamed in
 *      row-major order across sheets and cut into requests of at most `maxCellsPerRequest` cells.
 *
 * So a workbook whose cells fit one request takes 3 syncs, and a larger one takes
 * 2 + ceil(cells / maxCellsPerRequest): the count grows with size, never with the number of sheets.
 * No sync ever happens inside a loop over sheets, tables or names; loops only queue requests.
 */
import type { Cell, DefinedName, Sheet, SheetVisibility, TableDef, WorkbookModel } from "../../core/workbook/model";
import { parseSheetAddress } from "./address";
import { OfficeReadAbortedError, describeOfficeError, isAbortError, isPayloadLimitError } from "./errors";

export { isAbortError } from "./errors";

export interface OfficeReadOptions {
  signal?: AbortSignal;
  /** Called with 0..1 after each round trip; ends with 1. */
  onProgress?: (fraction: number) => void;
  /** Largest number of cells read in one request; default DEFAULT_MAX_CELLS_PER_REQUEST. */
  maxCellsPerRequest?: number;
}

/**
 * Excel on the web refuses a request or response above 5 MB. Reading four properties per cell
 * (values, formulas, numberFormat, valueTypes) costs, as JSON, about 10 bytes for a blank cell and
 * 40-80 for a typical figure or label with its format; we budget 100 bytes a cell and keep a
 * megabyte of headroom: 4,000,000 / 100 = 40,000 cells a request. A sheet full of long text can
 * still go over; Excel then refuses the request (nothing is read) and the reader halves its block
 * size and asks again.
 */
const ESTIMATED_BYTES_PER_CELL = 100;
const REQUEST_BUDGET_BYTES = 4_000_000;
export const DEFAULT_MAX_CELLS_PER_REQUEST = REQUEST_BUDGET_BYTES / ESTIMATED_BYTES_PER_CELL;

/** Above this many cells (about 1 GB of responses) checking inside Excel is not practical. */
const MAX_CELLS_IN_EXCEL = 10_000_000;

/** The properties loaded in each round trip, by name; never `load()` without arguments. */
export const LOADED_PROPERTIES = {
  worksheets: "items/name,items/visibility",
  tables: "items/name,items/showHeaders,items/showTotals,items/worksheet/name",
  names: "items/name,items/type,items/formula,items/visible",
  usedRange: "address,rowCount,columnCount",
  protection: "protected",
  tableRange: "address",
  cells: "values,formulas,numberFormat,valueTypes",
  dateProbe: "value",
} as const;

/** DATE(2000,1,1) in the 1904 date system (36526 in the usual 1900 system). */
const SERIAL_2000_IN_1904_SYSTEM = 35064;

/** One sheet's used range, as the data round trips see it. */
interface SheetPlan {
  worksheet: Excel.Worksheet;
  model: Sheet;
  /** Absolute 0-based position of the used range's top-left cell. */
  top: number;
  left: number;
  rowCount: number;
  columnCount: number;
  cellCount: number;
}

/** A rectangle of one sheet's used range (relative to its top-left) read in one request. */
interface Piece {
  plan: SheetPlan;
  row: number;
  col: number;
  rowCount: number;
  columnCount: number;
}

/** Where the next request starts: sheet index and how many of that sheet's cells are already read. */
interface Cursor {
  sheet: number;
  offset: number;
}

const VISIBILITY: ReadonlyMap<unknown, SheetVisibility> = new Map([
  ["Visible", "visible"],
  ["Hidden", "hidden"],
  ["VeryHidden", "veryHidden"],
]);

/**
 * Reads the open workbook. Rejects with an AbortError (see `isAbortError`) when `signal` fires, and
 * otherwise with an Error whose message is one sentence for the user (Excel's own failures in plain
 * words where we know them, e.g. a cell being edited).
 */
export async function readOpenWorkbook(context: Excel.RequestContext, options: OfficeReadOptions = {}): Promise<WorkbookModel> {
  try {
    return await readWorkbook(context, options);
  } catch (error) {
    if (isAbortError(error) || error instanceof ReadProblem || error instanceof RangeError) throw error;
    // The pane puts this after its own "Excel could not read the workbook:".
    throw new Error(`${describeOfficeError(error)}.`, { cause: error });
  }
}

/** A problem the reader itself describes for the user; passed on as it is. */
class ReadProblem extends Error {}

async function readWorkbook(context: Excel.RequestContext, options: OfficeReadOptions): Promise<WorkbookModel> {
  const { signal, onProgress } = options;
  let blockCells = blockSize(options.maxCellsPerRequest);
  const sync = async (): Promise<void> => {
    if (signal?.aborted) throw new OfficeReadAbortedError();
    await context.sync();
  };
  const report = (fraction: number): void => onProgress?.(Math.min(1, Math.max(0, fraction)));

  // Round trip 1: what the workbook holds.
  const worksheets = context.workbook.worksheets.load(LOADED_PROPERTIES.worksheets);
  const tables = context.workbook.tables.load(LOADED_PROPERTIES.tables);
  const workbookNames = context.workbook.names.load(LOADED_PROPERTIES.names);
  // Office.js does not expose the workbook's date system (File > Options "Use 1904 date system"), but
  // Excel's own DATE function answers in it, evaluated without touching any cell.
  const dateProbe = context.workbook.functions.date(2000, 1, 1).load(LOADED_PROPERTIES.dateProbe);
  await sync();
  report(0.02);

  // Round trip 2: every sheet's used range, protection and local names; every table's range.
  const sheetQueries = worksheets.items.map((worksheet) => ({
    worksheet,
    usedRange: worksheet.getUsedRangeOrNullObject(true).load(LOADED_PROPERTIES.usedRange),
    protection: worksheet.protection.load(LOADED_PROPERTIES.protection),
    names: worksheet.names.load(LOADED_PROPERTIES.names),
  }));
  const tableQueries = tables.items.map((table) => ({ table, range: table.getRange().load(LOADED_PROPERTIES.tableRange) }));
  await sync();
  report(0.05);

  const sheets: Sheet[] = [];
  const plans: SheetPlan[] = [];
  const names: DefinedName[] = workbookNames.items.map((item) => toDefinedName(item, null));
  for (const query of sheetQueries) {
    const name = query.worksheet.name;
    const model: Sheet = { name, visibility: VISIBILITY.get(query.worksheet.visibility) ?? "visible", rows: [] };
    if (query.protection.protected === true) model.protected = true;
    sheets.push(model);
    for (const item of query.names.items) names.push(toDefinedName(item, name));
    const used = query.usedRange;
    if (used.isNullObject || used.rowCount === 0 || used.columnCount === 0) continue;
    const where = parseSheetAddress(used.address);
    if (!where) throw new ReadProblem(`Excel described the used area of sheet "${name}" as "${used.address}", which could not be read.`);
    const cellCount = used.rowCount * used.columnCount;
    plans.push({
      worksheet: query.worksheet,
      model,
      top: where.rect.startRow,
      left: where.rect.startCol,
      rowCount: used.rowCount,
      columnCount: used.columnCount,
      cellCount,
    });
  }
  const tableDefs: TableDef[] = tableQueries.map(({ table, range }) => {
    const where = parseSheetAddress(range.address);
    if (!where) throw new ReadProblem(`Excel described table "${table.name}" as "${range.address}", which could not be read.`);
    return {
      name: table.name,
      sheet: table.worksheet.name,
      range: where.rect,
      headerRowCount: table.showHeaders ? 1 : 0,
      totalsRow: table.showTotals === true,
    };
  });

  const totalCells = plans.reduce((sum, plan) => sum + plan.cellCount, 0);
  if (totalCells > MAX_CELLS_IN_EXCEL) {
    throw new ReadProblem(
      `The workbook's sheets span ${totalCells.toLocaleString("en-GB")} cells, more than can be checked inside Excel (${MAX_CELLS_IN_EXCEL.toLocaleString("en-GB")}). Clear unused cells far from the data, or check the saved file with the standalone page.`,
    );
  }

  // Round trips 3 and on: the cells, several blocks queued per request.
  let cursor: Cursor = { sheet: 0, offset: 0 };
  let cellsRead = 0;
  while (cursor.sheet < plans.length) {
    const batch = takeBatch(plans, cursor, blockCells);
    const queued = batch.pieces.map((piece) => ({
      piece,
      range: piece.plan.worksheet
        .getRangeByIndexes(piece.plan.top + piece.row, piece.plan.left + piece.col, piece.rowCount, piece.columnCount)
        .load(LOADED_PROPERTIES.cells),
    }));
    try {
      await sync();
    } catch (error) {
      if (isPayloadLimitError(error) && blockCells > 1) {
        // Excel read nothing; ask again for half as much at a time.
        blockCells = Math.max(1, Math.floor(blockCells / 2));
        continue;
      }
      throw error;
    }
    for (const { piece, range } of queued) storeBlock(piece, range);
    cursor = batch.next;
    cellsRead += batch.cells;
    report(0.05 + (0.95 * cellsRead) / totalCells);
  }
  report(1);

  return { sheets, tables: tableDefs, names, date1904: usesDate1904(dateProbe) };
}

/** True only when Excel's DATE answered as the 1904 system does; anything else is the usual 1900 system. */
function usesDate1904(probe: Excel.FunctionResult<number>): boolean {
  return probe.value === SERIAL_2000_IN_1904_SYSTEM;
}

function blockSize(requested: number | undefined): number {
  if (requested === undefined) return DEFAULT_MAX_CELLS_PER_REQUEST;
  if (!Number.isFinite(requested) || requested < 1) throw new RangeError("maxCellsPerRequest must be a whole number of cells, at least 1.");
  return Math.floor(requested);
}

/**
 * The next request: `budget` cells taken in row-major order from the cursor on, across sheets. A
 * sheet's share is at most three rectangles: the rest of a part-read row, whole rows, and the start
 * of a row. So every request but the last holds exactly `budget` cells.
 */
function takeBatch(plans: readonly SheetPlan[], start: Cursor, budget: number): { pieces: Piece[]; next: Cursor; cells: number } {
  const pieces: Piece[] = [];
  let { sheet, offset } = start;
  let left = budget;
  while (left > 0 && sheet < plans.length) {
    const plan = plans[sheet];
    const take = Math.min(left, plan.cellCount - offset);
    pieces.push(...rectanglesFor(plan, offset, take));
    offset += take;
    left -= take;
    if (offset === plan.cellCount) {
      sheet++;
      offset = 0;
    }
  }
  return { pieces, next: { sheet, offset }, cells: budget - left };
}

/** Cells [offset, offset + count) of a sheet's used range in row-major order, as rectangles. */
function rectanglesFor(plan: SheetPlan, offset: number, count: number): Piece[] {
  const width = plan.columnCount;
  const pieces: Piece[] = [];
  let row = Math.floor(offset / width);
  let col = offset % width;
  let remaining = count;
  if (col > 0) {
    const n = Math.min(remaining, width - col);
    pieces.push({ plan, row, col, rowCount: 1, columnCount: n });
    remaining -= n;
    col += n;
    if (col === width) {
      row++;
      col = 0;
    }
  }
  const wholeRows = Math.floor(remaining / width);
  if (wholeRows > 0) {
    pieces.push({ plan, row, col: 0, rowCount: wholeRows, columnCount: width });
    row += wholeRows;
    remaining -= wholeRows * width;
  }
  if (remaining > 0) pieces.push({ plan, row, col: 0, rowCount: 1, columnCount: remaining });
  return pieces;
}

function storeBlock(piece: Piece, range: Excel.Range): void {
  const values = range.values as RangeValue[][];
  const { formulas, numberFormat, valueTypes } = range;
  const sheetName = piece.plan.model.name;
  for (const grid of [values, formulas, numberFormat, valueTypes]) {
    if (!Array.isArray(grid) || grid.length !== piece.rowCount) {
      throw new ReadProblem(`Excel did not return the cells of sheet "${sheetName}" as expected.`);
    }
  }
  const rows = piece.plan.model.rows;
  const top = piece.plan.top + piece.row;
  const left = piece.plan.left + piece.col;
  for (let r = 0; r < piece.rowCount; r++) {
    const valueRow = values[r];
    const formulaRow = formulas[r];
    const formatRow = numberFormat[r];
    const typeRow = valueTypes[r];
    let target = rows[top + r];
    for (let c = 0; c < piece.columnCount; c++) {
      const cell = toCell(valueRow[c], formulaRow[c], formatRow[c], typeRow[c]);
      if (!cell) continue;
      if (!target) {
        target = [];
        rows[top + r] = target;
      }
      target[left + c] = cell;
    }
  }
}

/** One cell of the model from Excel's four views of it; undefined for an empty cell. */
/** What Range.values holds, as Office.js documents it: text, a number or a boolean (an error as its text). */
export type RangeValue = string | number | boolean;

export function toCell(value: RangeValue | null | undefined, formula: unknown, format: unknown, type: unknown): Cell | undefined {
  // `formulas` returns text constants as they are, even "=x" stored as text (quote prefix), so a
  // formula is text starting with "=" that differs from the cell's value.
  const hasFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
  const numFmt = typeof format === "string" && format !== "" && format !== "General" ? format : undefined;
  if (type === "Empty" && !hasFormula) return undefined;
  const cell: Cell = { value: null };
  if (type === "Error") {
    cell.error = String(value);
  } else if (typeof value === "number" || typeof value === "boolean") {
    cell.value = value;
  } else if (typeof value === "string") {
    cell.value = value === "" && type === "Empty" ? null : value;
  }
  if (hasFormula) cell.formula = formula.slice(1);
  if (numFmt !== undefined) cell.numFmt = numFmt;
  return cell;
}

function toDefinedName(item: Excel.NamedItem, scope: string | null): DefinedName {
  const formula = typeof item.formula === "string" ? item.formula : String(item.formula ?? "");
  const name: DefinedName = { name: item.name, scope, formula: formula.startsWith("=") ? formula.slice(1) : formula };
  if (item.visible === false) name.hidden = true;
  return name;
}
