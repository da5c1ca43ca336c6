/**
 * A small builder for in-memory WorkbookModels, for tests: sheets from arrays of rows (plain values,
 * formulas, number formats, error values), Excel tables, defined names, and helpers to change one
 * cell of a built model. Plain values become cells; `null`/`undefined` leave a cell empty.
 */
import type { Cell, CellValue, DefinedName, Sheet, SheetVisibility, TableDef, WorkbookModel } from "../../src/core/workbook/model";
import { a1, parseA1Range } from "../../src/core/workbook/model";

export type CellInput = CellValue | Cell | undefined;

/** A formula cell with its cached value: f("I2-J2", 420). */
export function f(formula: string, value: CellValue = null, numFmt?: string): Cell {
  const cell: Cell = { value, formula: formula.replace(/^=/, "") };
  if (numFmt) cell.numFmt = numFmt;
  return cell;
}

/** A cell showing an Excel error, optionally from a formula: err("#REF!", "I2-#REF!"). */
export function err(code: string, formula?: string): Cell {
  const cell: Cell = { value: null, error: code };
  if (formula) cell.formula = formula.replace(/^=/, "");
  return cell;
}

/** A number with a number format: fmt(0.8, "0%"). */
export function fmt(value: number, numFmt: string): Cell {
  return { value, numFmt };
}

/** Excel serial (1900 date system) of an ISO date. */
export function serial(iso: string, date1904 = false): number {
  const ms = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return Math.round((ms - epoch) / 86_400_000);
}

/** A date cell: the serial number formatted dd/mm/yyyy. */
export function date(iso: string, date1904 = false): Cell {
  return { value: serial(iso, date1904), numFmt: "dd/mm/yyyy" };
}

function toCell(input: CellInput): Cell | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === "object") return { ...input };
  return { value: input };
}

export interface SheetInput {
  name: string;
  rows: CellInput[][];
  /** Top-left cell of `rows` (default A1), e.g. "B3" to put a table below a title. */
  at?: string;
  visibility?: SheetVisibility;
}

export interface TableInput {
  name: string;
  sheet: string;
  /** The whole table, header (and totals row) included, e.g. "A1:S5". */
  ref: string;
  headerRowCount?: number;
  totalsRow?: boolean;
}

interface NameInput {
  name: string;
  formula: string;
  scope?: string | null;
  hidden?: boolean;
}

export interface ModelInput {
  sheets: SheetInput[];
  tables?: TableInput[];
  names?: NameInput[];
  date1904?: boolean;
}

export function sheet(name: string, rows: CellInput[][], options: { at?: string; visibility?: SheetVisibility } = {}): SheetInput {
  return { name, rows, ...options };
}

function buildSheet(input: SheetInput): Sheet {
  const origin = parseA1Range(input.at ?? "A1");
  if (!origin) throw new Error(`bad origin ${input.at}`);
  const rows: Sheet["rows"] = [];
  input.rows.forEach((row, r) => {
    const cells: Array<Cell | undefined> = [];
    row.forEach((value, c) => {
      cells[origin.startCol + c] = toCell(value);
    });
    rows[origin.startRow + r] = cells;
  });
  return { name: input.name, visibility: input.visibility ?? "visible", rows };
}

export function buildModel(input: ModelInput): WorkbookModel {
  const tables: TableDef[] = (input.tables ?? []).map((t) => {
    const range = parseA1Range(t.ref);
    if (!range) throw new Error(`bad table range ${t.ref}`);
    return { name: t.name, sheet: t.sheet, range, headerRowCount: t.headerRowCount ?? 1, totalsRow: t.totalsRow ?? false };
  });
  const names: DefinedName[] = (input.names ?? []).map((n) => ({
    name: n.name,
    formula: n.formula,
    scope: n.scope ?? null,
    ...(n.hidden ? { hidden: true } : {}),
  }));
  return { sheets: input.sheets.map(buildSheet), tables, names, date1904: input.date1904 ?? false };
}

/** The Excel table covering a sheet input's rows exactly (header row first). */
export function tableOver(input: SheetInput, name: string, options: { totalsRow?: boolean } = {}): TableInput {
  const origin = parseA1Range(input.at ?? "A1")!;
  const width = Math.max(...input.rows.map((r) => r.length));
  const ref = `${a1(origin.startRow, origin.startCol)}:${a1(origin.startRow + input.rows.length - 1, origin.startCol + width - 1)}`;
  return { name, sheet: input.name, ref, totalsRow: options.totalsRow ?? false };
}

function sheetOf(model: WorkbookModel, name: string): Sheet {
  const found = model.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function splitRef(ref: string): { sheet: string; cell: string } {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) throw new Error(`write the reference as Sheet!A1, not ${ref}`);
  return { sheet: ref.slice(0, bang).replace(/^'|'$/g, ""), cell: ref.slice(bang + 1) };
}

/** Sets one cell ("Gains!K2") of a built model; `undefined`/`null` clears it. Returns the model. */
function setCell(model: WorkbookModel, ref: string, input: CellInput): WorkbookModel {
  const { sheet: name, cell } = splitRef(ref);
  const rect = parseA1Range(cell);
  if (!rect) throw new Error(`bad cell ${cell}`);
  const target = sheetOf(model, name);
  const row = (target.rows[rect.startRow] ??= []);
  row[rect.startCol] = toCell(input);
  return model;
}

/** Sets several cells at once: setCells(model, { "Gains!K2": 450, "Gains!J2": null }). */
export function setCells(model: WorkbookModel, cells: Record<string, CellInput>): WorkbookModel {
  for (const [ref, value] of Object.entries(cells)) setCell(model, ref, value);
  return model;
}

/** Removes a sheet and any Excel table on it. */
export function removeSheet(model: WorkbookModel, name: string): WorkbookModel {
  model.sheets = model.sheets.filter((s) => s.name !== name);
  model.tables = model.tables.filter((t) => t.sheet !== name);
  return model;
}

/** Deletes a whole row of a sheet (later rows move up) and shrinks tables on it. 1-based row number. */
export function deleteRow(model: WorkbookModel, sheetName: string, rowNumber: number): WorkbookModel {
  const target = sheetOf(model, sheetName);
  target.rows.splice(rowNumber - 1, 1);
  for (const t of model.tables) {
    if (t.sheet === sheetName && t.range.endRow >= rowNumber - 1) t.range = { ...t.range, endRow: t.range.endRow - 1 };
  }
  return model;
}
