/**
 * A mock of the Excel workbook object graph for the Office adapter's tests and benchmark, built from
 * a compact description (sheets with cells, tables, names).
 *
 * Objects that carry properties — worksheets, ranges, tables, named items, protection — are
 * office-addin-mock `OfficeMockObject`s, so its load/sync rules hold: a property is readable only
 * after it was named in `load()` AND `context.sync()` ran; before that it reads as an error string
 * (which then fails the model comparison). Every `load` is also logged, and `load()` without
 * arguments throws.
 *
 * office-addin-mock cannot model three things, so small typed fakes stand in for them:
 *  - collections (`items` loaded with "items/name,..."): MockCollection forwards the item paths
 *    to each item's OfficeMockObject and only exposes `items` after a sync;
 *  - methods with arguments that return different objects (getRangeByIndexes, getRange,
 *    getUsedRangeOrNullObject, getItemOrNullObject, add): plain functions that build new mock
 *    objects from the workbook state;
 *  - writes (values, formulas, numberFormat, format.*, dataValidation.*, table.name): a Proxy
 *    records each assignment and applies it to the state the way Excel reads typed input (a leading
 *    apostrophe makes text, "=..." and "-1+2" make formulas, "2008-09" a date, unless the cell is
 *    formatted as Text "@").
 * The context's `sync` counts round trips, and refuses a round trip whose cell data would exceed
 * Excel on the web's 5 MB response limit (code "ResponsePayloadSizeLimitExceeded"), as Excel does.
 */
import { OfficeMockObject } from "office-addin-mock";
import {
  a1Range,
  columnLetters,
  parseA1Range,
  type Cell,
  type CellRect,
  type CellValue,
  type DefinedName,
  type Sheet,
  type TableDef,
  type WorkbookModel,
} from "../../src/core/workbook/model";

export interface MockCell {
  value?: CellValue;
  /** Formula without "=". */
  formula?: string;
  numFmt?: string;
  /** Error shown in the cell, e.g. "#REF!". */
  error?: string;
  /** Text typed with a leading apostrophe. */
  quotePrefix?: boolean;
  /** Set when a write was read by "Excel" as a date. */
  interpretedAsDate?: boolean;
}

/** A cell in a description: a bare value, or the full form. */
export type MockCellSpec = CellValue | MockCell | undefined;

export type MockVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface MockNameSpec {
  name: string;
  /** As Excel gives it, with the leading "=". */
  formula: string;
  type?: string;
  visible?: boolean;
}

export interface MockSheetSpec {
  name: string;
  visibility?: MockVisibility;
  protected?: boolean;
  /** Top-left cell of the used range, e.g. "B3"; default A1. */
  origin?: string;
  /** Rows of cells from the origin. */
  cells?: ReadonlyArray<ReadonlyArray<MockCellSpec>>;
  /** Cells made on demand (large sheets), from the origin: rows x columns. */
  generated?: { rows: number; columns: number; cell: (row: number, col: number) => MockCellSpec };
  /** Names local to this sheet. */
  names?: readonly MockNameSpec[];
}

interface MockTableSpec {
  name: string;
  sheet: string;
  /** Whole table including header and totals rows, e.g. "A3:T40". */
  address: string;
  showHeaders?: boolean;
  showTotals?: boolean;
}

export interface MockWorkbookSpec {
  sheets: readonly MockSheetSpec[];
  tables?: readonly MockTableSpec[];
  names?: readonly MockNameSpec[];
  structureProtected?: boolean;
  /** The workbook uses the 1904 date system (Excel's DATE answers in it). Default false. */
  date1904?: boolean;
  /** Largest response a round trip may carry; default 5,000,000 bytes (Excel on the web). */
  payloadLimitBytes?: number;
}

export interface MockWrite {
  /** "Sheet!A1:B2", "Sheet!A1:B2.format.font", "table tblGains", ... */
  target: string;
  property: string;
  value: unknown;
}

const EXCEL_WEB_PAYLOAD_LIMIT = 5_000_000;
const NOT_LOADED = "Error, property was not loaded";
const NOT_SYNCED = "Error, context.sync() was not called";
const DATA_PROPERTIES = ["values", "formulas", "numberFormat", "valueTypes"] as const;

// office-addin-mock keeps its internals private in its typings; the mock reaches them deliberately.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- those internals have no public type to name
type AnyMock = OfficeMockObject & Record<string, any>;
/** The private parts of an OfficeMockObject that instrumenting it needs. */
interface MockInternals {
  setValue(key: string, value: unknown): void;
  _properties: Map<string, MockInternals>;
  _isObject?: boolean;
}

function normaliseCell(spec: MockCellSpec): MockCell | undefined {
  if (spec === undefined) return undefined;
  if (spec === null || typeof spec !== "object") return { value: spec };
  return spec;
}

function isEmptyCell(cell: MockCell | undefined): boolean {
  return (
    !cell ||
    (cell.formula === undefined && cell.error === undefined && (cell.value === null || cell.value === undefined || cell.value === ""))
  );
}

/** One sheet's cells: a described (or generated) block plus whatever was written since. */
export class MockSheetState {
  name: string;
  readonly visibility: MockVisibility;
  readonly protected: boolean;
  readonly names: MockNameSpec[];
  private readonly base: {
    top: number;
    left: number;
    rows: number;
    columns: number;
    cell: (row: number, col: number) => MockCellSpec;
  } | null;
  private readonly written = new Map<string, MockCell | undefined>();

  constructor(spec: MockSheetSpec) {
    this.name = spec.name;
    this.visibility = spec.visibility ?? "Visible";
    this.protected = spec.protected ?? false;
    this.names = [...(spec.names ?? [])];
    const origin = parseA1Range(spec.origin ?? "A1");
    if (!origin) throw new Error(`mock: bad origin ${spec.origin}`);
    if (spec.generated) {
      this.base = { top: origin.startRow, left: origin.startCol, ...spec.generated };
    } else if (spec.cells && spec.cells.length > 0) {
      const cells = spec.cells;
      const columns = Math.max(...cells.map((row) => row.length));
      this.base = { top: origin.startRow, left: origin.startCol, rows: cells.length, columns, cell: (r, c) => cells[r]?.[c] };
    } else {
      this.base = null;
    }
  }

  cellAt(row: number, col: number): MockCell | undefined {
    const key = `${row},${col}`;
    if (this.written.has(key)) return this.written.get(key);
    const b = this.base;
    if (!b || row < b.top || col < b.left || row >= b.top + b.rows || col >= b.left + b.columns) return undefined;
    return normaliseCell(b.cell(row - b.top, col - b.left));
  }

  setCell(row: number, col: number, cell: MockCell | undefined): void {
    this.written.set(`${row},${col}`, cell);
  }

  /** The used range counting values and formulas only (getUsedRangeOrNullObject(true)). */
  usedRect(): CellRect | null {
    let rect: CellRect | null = this.base
      ? {
          startRow: this.base.top,
          startCol: this.base.left,
          endRow: this.base.top + this.base.rows - 1,
          endCol: this.base.left + this.base.columns - 1,
        }
      : null;
    for (const [key, cell] of this.written) {
      if (isEmptyCell(cell)) continue;
      const [row, col] = key.split(",").map(Number);
      rect = rect
        ? {
            startRow: Math.min(rect.startRow, row),
            startCol: Math.min(rect.startCol, col),
            endRow: Math.max(rect.endRow, row),
            endCol: Math.max(rect.endCol, col),
          }
        : { startRow: row, startCol: col, endRow: row, endCol: col };
    }
    return rect;
  }

  /** Every written cell, for assertions: A1 address -> cell. */
  writtenCells(): Map<string, MockCell | undefined> {
    const out = new Map<string, MockCell | undefined>();
    for (const [key, cell] of this.written) {
      const [row, col] = key.split(",").map(Number);
      out.set(a1Range({ startRow: row, startCol: col, endRow: row, endCol: col }), cell);
    }
    return out;
  }
}

export interface MockTableState {
  name: string;
  sheet: MockSheetState;
  rect: CellRect;
  showHeaders: boolean;
  showTotals: boolean;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Excel's four views of a cell, as `range.values` etc. return them. */
function excelViews(cell: MockCell | undefined): { value: unknown; formula: unknown; format: string; type: string } {
  if (!cell) return { value: "", formula: "", format: "General", type: "Empty" };
  const format = cell.numFmt ?? "General";
  if (cell.error !== undefined)
    return { value: cell.error, formula: cell.formula !== undefined ? `=${cell.formula}` : cell.error, format, type: "Error" };
  const value = cell.value ?? "";
  // Like Excel, `formulas` drops the quote prefix: text "=x" stored as text reads back as "=x".
  const formula = cell.formula !== undefined ? `=${cell.formula}` : value;
  const type = value === "" ? "Empty" : typeof value === "number" ? "Double" : typeof value === "boolean" ? "Boolean" : "String";
  return { value, formula, format, type };
}

const ERROR_LITERALS = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!)$/;
const NUMBER_INPUT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i;
const DATE_INPUTS = [/^\d{4}-\d{1,2}(-\d{1,2})?$/, /^\d{1,2}[/-]\d{1,2}([/-]\d{2,4})?$/, /^[A-Za-z]{3,9}[- ]\d{1,4}$/];

/** How Excel reads a value written through `values` or `formulas` into a cell with `numFmt`. */
export function excelInput(raw: unknown, numFmt: string | undefined): MockCell | null {
  if (raw === null || raw === undefined) return null; // null leaves the cell as it is
  const withFormat = (cell: MockCell): MockCell => (numFmt !== undefined ? { ...cell, numFmt } : cell);
  if (typeof raw === "number" || typeof raw === "boolean") return withFormat({ value: raw });
  const text = String(raw);
  if (text === "") return withFormat({ value: null });
  if (text.startsWith("'")) return withFormat({ value: text.slice(1), quotePrefix: true });
  if (numFmt === "@") return withFormat({ value: text });
  if (text.startsWith("=")) return withFormat({ value: null, formula: text.slice(1) });
  if (NUMBER_INPUT.test(text)) {
    const percent = text.endsWith("%");
    const n = Number(percent ? text.slice(0, -1) : text);
    return withFormat({ value: percent ? n / 100 : n });
  }
  if (/^[+\-@]/.test(text)) return withFormat({ value: null, formula: text.startsWith("@") ? text.slice(1) : text });
  if (/^(true|false)$/i.test(text)) return withFormat({ value: text.toLowerCase() === "true" });
  if (ERROR_LITERALS.test(text)) return withFormat({ value: null, error: text });
  if (DATE_INPUTS.some((pattern) => pattern.test(text))) return withFormat({ value: 39_000, interpretedAsDate: true });
  return withFormat({ value: text });
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** A collection such as worksheets or tables: `items` exists only after load("items/...") and a sync. */
export class MockCollection<T extends object> {
  private synced: T[] | null = null;
  private pending: T[] | null = null;

  constructor(
    private readonly env: MockWorkbook,
    private readonly label: string,
    private readonly source: () => T[],
  ) {}

  load(properties?: string | string[]): this {
    if (properties === undefined) throw new Error(`${this.label}.load() without arguments would load every property; name them.`);
    const text = Array.isArray(properties) ? properties.join(",") : properties;
    this.env.loads.push(`${this.label}: ${text}`);
    const itemPaths = text
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== "")
      .map((p) => {
        if (!p.startsWith("items/")) throw new Error(`${this.label}: the mock loads collection items only ("items/..."), not "${p}".`);
        return p.slice("items/".length);
      });
    const items = this.source();
    for (const item of items) (item as AnyMock).load(itemPaths.join(","));
    this.pending = items;
    this.env.pendingCollection(this);
    return this;
  }

  get items(): T[] {
    if (!this.synced) throw new Error(`${this.label}.items was read before load("items/...") and context.sync().`);
    return this.synced;
  }

  /** Called by the mock's sync. */
  commit(): void {
    if (this.pending) this.synced = this.pending;
    this.pending = null;
  }

  discard(): void {
    this.pending = null;
  }
}

export class MockWorkbook {
  readonly context: Excel.RequestContext;
  /** Round trips so far. */
  syncCount = 0;
  /** Every load: "label: properties". */
  readonly loads: string[] = [];
  /** Method calls that add, activate or select: "add sheet X", "activate X", "select X!A1", ... */
  readonly calls: string[] = [];
  /** Every property assignment (a write). */
  readonly writes: MockWrite[] = [];
  /** Bytes of cell data each round trip returned. */
  readonly responseBytes: number[] = [];
  /** Runs at the start of each sync with its number (1-based); may throw, e.g. to simulate a failure. */
  beforeSync: ((syncNumber: number) => void) | null = null;
  payloadLimitBytes: number;
  structureProtected: boolean;

  readonly sheets: MockSheetState[];
  readonly tables: MockTableState[];
  readonly names: MockNameSpec[];

  private readonly sheetMocks = new Map<MockSheetState, AnyMock>();
  private readonly tableMocks = new Map<MockTableState, AnyMock>();
  private readonly toSync = new Set<AnyMock>();
  private readonly collectionsToCommit = new Set<MockCollection<object>>();
  private pendingBytes = 0;
  private readonly pendingErrors: Error[] = [];
  private readonly workbookNameMocks: AnyMock[];
  private readonly protectionMock: AnyMock;

  constructor(spec: MockWorkbookSpec) {
    this.payloadLimitBytes = spec.payloadLimitBytes ?? EXCEL_WEB_PAYLOAD_LIMIT;
    this.structureProtected = spec.structureProtected ?? false;
    this.sheets = spec.sheets.map((s) => new MockSheetState(s));
    this.names = [...(spec.names ?? [])];
    this.tables = (spec.tables ?? []).map((t) => {
      const sheet = this.sheets.find((s) => s.name === t.sheet);
      const rect = parseA1Range(t.address);
      if (!sheet || !rect) throw new Error(`mock: table ${t.name} refers to ${t.sheet}!${t.address}`);
      return { name: t.name, sheet, rect, showHeaders: t.showHeaders ?? true, showTotals: t.showTotals ?? false };
    });
    this.workbookNameMocks = this.names.map((n) => this.nameMock(n, "names"));
    this.protectionMock = this.mock("workbook.protection", { protected: this.structureProtected });

    const worksheets = Object.assign(new MockCollection<AnyMock>(this, "worksheets", () => this.sheets.map((s) => this.sheetMock(s))), {
      add: (name: string) => this.addSheet(name),
      getItemOrNullObject: (name: string) => {
        const state = this.sheets.find((s) => sameName(s.name, name));
        if (state) return this.sheetMock(state);
        const nullSheet = this.mock(`worksheet ${name} (null object)`, { name: "", visibility: "" });
        nullSheet.isNullObject = true;
        return nullSheet;
      },
    });
    const tables = Object.assign(new MockCollection<AnyMock>(this, "tables", () => this.tables.map((t) => this.tableMock(t))), {
      add: (address: string, hasHeaders: boolean) => {
        const bang = address.lastIndexOf("!");
        const sheetName = address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
        const sheet = this.sheets.find((s) => sameName(s.name, sheetName));
        if (!sheet) throw new Error(`mock: no sheet for table address ${address}`);
        return this.addTable(sheet, address.slice(bang + 1), hasHeaders);
      },
    });
    const names = new MockCollection<AnyMock>(this, "names", () => this.workbookNameMocks);
    const date1904 = spec.date1904 ?? false;
    const functions = {
      // Excel's DATE in the workbook's date system; only what the adapter's probe needs.
      date: (year: number, month: number, day: number) => {
        const serial =
          (Date.UTC(year, month - 1, day) - Date.UTC(date1904 ? 1904 : 1899, date1904 ? 0 : 11, date1904 ? 1 : 30)) / 86_400_000;
        return this.mock(`functions.date(${year},${month},${day})`, { value: serial });
      },
    };
    const workbook = { worksheets, tables, names, protection: this.protectionMock, functions };
    this.context = { workbook, sync: () => this.sync() } as unknown as Excel.RequestContext;
  }

  /** The batch function a pane passes around: `(cb) => Excel.run(cb)` in Excel. */
  run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(this.context);

  sheet(name: string): MockSheetState {
    const found = this.sheets.find((s) => sameName(s.name, name));
    if (!found) throw new Error(`mock: no sheet ${name}`);
    return found;
  }

  /** The cell at an A1 address of a sheet, after any writes. */
  cell(sheet: string, address: string): MockCell | undefined {
    const rect = parseA1Range(address);
    if (!rect) throw new Error(`mock: bad address ${address}`);
    return this.sheet(sheet).cellAt(rect.startRow, rect.startCol);
  }

  table(name: string): MockTableState {
    const found = this.tables.find((t) => sameName(t.name, name));
    if (!found) throw new Error(`mock: no table ${name}`);
    return found;
  }

  /** Largest round-trip response of cell data, in bytes. */
  get largestResponseBytes(): number {
    return this.responseBytes.reduce((a, b) => Math.max(a, b), 0);
  }

  pendingCollection(collection: MockCollection<object>): void {
    this.collectionsToCommit.add(collection);
  }

  private async sync(): Promise<void> {
    this.syncCount++;
    try {
      this.beforeSync?.(this.syncCount);
      const error = this.pendingErrors.shift();
      if (error) {
        this.pendingErrors.length = 0;
        throw error;
      }
      if (this.pendingBytes > this.payloadLimitBytes) {
        throw Object.assign(new Error("The response payload size has exceeded the limit. Please refer to the documentation."), {
          code: "ResponsePayloadSizeLimitExceeded",
        });
      }
    } catch (error) {
      // A refused request returns nothing: what was loaded stays unread.
      for (const collection of this.collectionsToCommit) collection.discard();
      this.collectionsToCommit.clear();
      this.toSync.clear();
      this.pendingBytes = 0;
      throw error;
    }
    this.responseBytes.push(this.pendingBytes);
    this.pendingBytes = 0;
    for (const object of this.toSync) void object.sync();
    this.toSync.clear();
    for (const collection of this.collectionsToCommit) collection.commit();
    this.collectionsToCommit.clear();
    // office-addin-mock finishes its sync in promise callbacks; let them all run.
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** An OfficeMockObject whose loads (and its children's) are logged and synced by this workbook. */
  private mock(label: string, data: Record<string, unknown>, lazy?: () => Record<string, unknown>, resultFor?: () => unknown): AnyMock {
    const object = new OfficeMockObject(data as never) as AnyMock;
    this.instrument(object, label, lazy, resultFor);
    return object;
  }

  private instrument(object: AnyMock, label: string, lazy?: () => Record<string, unknown>, resultFor?: () => unknown): void {
    const original = OfficeMockObject.prototype.load;
    let lazyData: Record<string, unknown> | null = null;
    (object as unknown as Record<string, unknown>).load = (properties?: string | string[]): unknown => {
      if (properties === undefined) throw new Error(`${label}.load() without arguments would load every property; name them.`);
      const text = Array.isArray(properties) ? properties.join(",") : properties;
      this.loads.push(`${label}: ${text}`);
      const wanted = text.split(",").map((p) => p.trim());
      const wantsData = wanted.filter((p) => (DATA_PROPERTIES as readonly string[]).includes(p));
      if (lazy && wantsData.length > 0) {
        // Cell data is made when first asked for, so a 1,000,000-cell sheet costs only what is read.
        if (!lazyData) {
          lazyData = lazy();
          for (const [key, value] of Object.entries(lazyData)) (object as unknown as MockInternals).setValue(key, value);
        }
        for (const key of wantsData) this.pendingBytes += JSON.stringify(lazyData[key]).length;
      }
      original.call(object, text);
      this.toSync.add(object);
      return resultFor ? resultFor() : object;
    };
    const children = (object as unknown as MockInternals)._properties;
    for (const [key, child] of children) if (child._isObject) this.instrument(child as unknown as AnyMock, `${label}.${key}`);
  }

  private sheetMock(state: MockSheetState): AnyMock {
    const existing = this.sheetMocks.get(state);
    if (existing) return existing;
    const sheet = this.mock(`worksheet ${state.name}`, {
      name: state.name,
      visibility: state.visibility,
      protection: { protected: state.protected },
    });
    sheet.isNullObject = false;
    this.addSheetMethods(sheet, state);
    sheet.activate = () => this.calls.push(`activate ${state.name}`);
    sheet.freezePanes = { freezeRows: (count: number) => this.calls.push(`freeze ${count} rows of ${state.name}`) };
    sheet.names = new MockCollection<AnyMock>(this, `worksheet ${state.name}.names`, () =>
      state.names.map((n) => this.nameMock(n, `${state.name}.names`)),
    );
    sheet.tables = Object.assign(
      new MockCollection<AnyMock>(this, `worksheet ${state.name}.tables`, () =>
        this.tables.filter((t) => t.sheet === state).map((t) => this.tableMock(t)),
      ),
      {
        add: (source: unknown, hasHeaders: boolean) => {
          const target = (source as { mockTarget?: { state: MockSheetState; rect: CellRect } } | null)?.mockTarget;
          if (typeof source === "string" || !target) {
            // Excel would put a table given an address without a sheet name on the ACTIVE sheet.
            throw new Error("mock: pass worksheet.tables.add a Range of that worksheet, not an address");
          }
          if (target.state !== state) throw new Error("mock: the table's range is on another sheet");
          return this.addTable(state, a1Range(target.rect), hasHeaders);
        },
      },
    );
    this.sheetMocks.set(state, sheet);
    return sheet;
  }

  /** The range-making methods a worksheet (and a table's `worksheet`) offers. */
  private addSheetMethods(target: AnyMock, state: MockSheetState): void {
    target.getRangeByIndexes = (row: number, col: number, rows: number, columns: number) => {
      if (rows < 1 || columns < 1) throw new Error("mock: getRangeByIndexes needs at least one row and one column");
      return this.rangeMock(state, { startRow: row, startCol: col, endRow: row + rows - 1, endCol: col + columns - 1 });
    };
    target.getRange = (address: string) => {
      const rect = parseA1Range(address);
      if (!rect) throw new Error(`mock: getRange("${address}") is not an A1 address`);
      return this.rangeMock(state, rect);
    };
    target.getUsedRangeOrNullObject = (valuesOnly?: boolean) => {
      if (valuesOnly !== true) throw new Error("mock: the reader should ask for the used range of values only");
      const rect = state.usedRect();
      if (rect) return this.rangeMock(state, rect);
      const nullRange = this.mock(`${state.name} used range (null object)`, { address: "", rowCount: 0, columnCount: 0 });
      nullRange.isNullObject = true;
      return nullRange;
    };
  }

  private rangeMock(state: MockSheetState, rect: CellRect): AnyMock {
    const address = `${quoteSheet(state.name)}!${a1Range(rect)}`;
    const rows = rect.endRow - rect.startRow + 1;
    const columns = rect.endCol - rect.startCol + 1;
    const lazy = (): Record<string, unknown> => {
      const values: unknown[][] = [];
      const formulas: unknown[][] = [];
      const numberFormat: string[][] = [];
      const valueTypes: string[][] = [];
      for (let r = 0; r < rows; r++) {
        const v: unknown[] = [];
        const f: unknown[] = [];
        const n: string[] = [];
        const t: string[] = [];
        for (let c = 0; c < columns; c++) {
          const views = excelViews(state.cellAt(rect.startRow + r, rect.startCol + c));
          v.push(views.value);
          f.push(views.formula);
          n.push(views.format);
          t.push(views.type);
        }
        values.push(v);
        formulas.push(f);
        numberFormat.push(n);
        valueTypes.push(t);
      }
      return { values, formulas, numberFormat, valueTypes };
    };
    let proxy: AnyMock | null = null;
    const range = this.mock(
      address,
      { address, rowCount: rows, columnCount: columns, rowIndex: rect.startRow, columnIndex: rect.startCol },
      lazy,
      () => proxy,
    );
    range.isNullObject = false;
    range.mockTarget = { state, rect };
    range.select = () => this.calls.push(`select ${address}`);
    range.getEntireColumn = () => ({
      format: this.recorder(`${quoteSheet(state.name)}!column ${a1Range(rect).replace(/\d+/g, "")}.format`),
    });
    range.format = this.recorder(`${address}.format`, { font: this.recorder(`${address}.format.font`) });
    range.dataValidation = this.recorder(`${address}.dataValidation`);
    proxy = new Proxy(range, {
      set: (target, property, value) => {
        if (
          value !== NOT_LOADED &&
          value !== NOT_SYNCED &&
          (property === "values" || property === "formulas" || property === "numberFormat")
        ) {
          this.writes.push({ target: address, property, value });
          this.writeCells(state, rect, property, value);
        }
        return Reflect.set(target, property, value);
      },
    });
    return proxy;
  }

  private writeCells(state: MockSheetState, rect: CellRect, property: "values" | "formulas" | "numberFormat", grid: unknown): void {
    const rows = rect.endRow - rect.startRow + 1;
    const columns = rect.endCol - rect.startCol + 1;
    if (!Array.isArray(grid) || grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== columns)) {
      throw new Error("The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    }
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const row = rect.startRow + r;
        const col = rect.startCol + c;
        const current = state.cellAt(row, col);
        const input = (grid as unknown[][])[r][c];
        if (property === "numberFormat") {
          const numFmt = input === "General" || input === null ? undefined : String(input);
          const next: MockCell = { ...(current ?? { value: null }) };
          if (numFmt === undefined) delete next.numFmt;
          else next.numFmt = numFmt;
          state.setCell(row, col, next);
        } else {
          const next = excelInput(input, current?.numFmt);
          if (next) state.setCell(row, col, next);
        }
      }
    }
  }

  /** A plain object that logs every assignment (format, data validation): nothing ever loads them. */
  private recorder(label: string, children: Record<string, unknown> = {}): Record<string, unknown> {
    const target: Record<string, unknown> = { ...children, autofitColumns: () => this.calls.push(`autofit ${label}`) };
    return new Proxy(target, {
      set: (object, property, value) => {
        this.writes.push({ target: label, property: String(property), value });
        object[property as string] = value;
        return true;
      },
    });
  }

  private nameMock(spec: MockNameSpec, label: string): AnyMock {
    return this.mock(`${label} ${spec.name}`, {
      name: spec.name,
      type: spec.type ?? "Range",
      formula: spec.formula,
      visible: spec.visible ?? true,
    });
  }

  private tableMock(state: MockTableState): AnyMock {
    const existing = this.tableMocks.get(state);
    if (existing) return existing;
    const label = `table ${state.name}`;
    const table = this.mock(label, {
      name: state.name,
      showHeaders: state.showHeaders,
      showTotals: state.showTotals,
      worksheet: { name: state.sheet.name, protection: { protected: state.sheet.protected } },
    });
    this.addSheetMethods(table.worksheet, state.sheet);
    const body = (): CellRect => ({
      ...state.rect,
      startRow: state.rect.startRow + (state.showHeaders ? 1 : 0),
      endRow: state.rect.endRow - (state.showTotals ? 1 : 0),
    });
    table.getRange = () => this.rangeMock(state.sheet, state.rect);
    table.getHeaderRowRange = () => this.rangeMock(state.sheet, { ...state.rect, endRow: state.rect.startRow });
    table.getDataBodyRange = () => this.rangeMock(state.sheet, body());
    table.rows = {
      add: (index: number | undefined, values: unknown[][]) => {
        if (index !== undefined && index !== null) throw new Error("mock: rows.add supports appending only");
        if (state.showTotals) throw new Error("mock: rows.add below a totals row is not modelled");
        this.calls.push(`add rows to ${state.name}`);
        const start = state.rect.endRow + 1;
        const rect = { startRow: start, startCol: state.rect.startCol, endRow: start + values.length - 1, endCol: state.rect.endCol };
        this.writes.push({ target: `table ${state.name} new rows`, property: "values", value: values });
        this.writeCells(state.sheet, rect, "values", values);
        state.rect = { ...state.rect, endRow: rect.endRow };
      },
    };
    const proxy = new Proxy(table, {
      set: (target, property, value) => {
        if (property === "style" && value !== NOT_LOADED && value !== NOT_SYNCED)
          this.writes.push({ target: `table ${state.name}`, property: "style", value });
        if (property === "name" && value !== NOT_LOADED && value !== NOT_SYNCED) {
          this.writes.push({ target: `table ${state.name}`, property: "name", value });
          const clash =
            this.tables.some((t) => t !== state && sameName(t.name, String(value))) ||
            this.names.some((n) => sameName(n.name, String(value)));
          if (clash)
            this.pendingErrors.push(
              Object.assign(new Error(`A table or name called ${String(value)} already exists.`), { code: "InvalidArgument" }),
            );
          else state.name = String(value);
        }
        return Reflect.set(target, property, value);
      },
    });
    this.tableMocks.set(state, proxy);
    return proxy;
  }

  private addSheet(name: string): AnyMock {
    this.calls.push(`add sheet ${name}`);
    const state = new MockSheetState({ name });
    if (this.sheets.some((s) => sameName(s.name, name))) {
      this.pendingErrors.push(Object.assign(new Error(`A sheet called ${name} already exists.`), { code: "ItemAlreadyExists" }));
      return this.sheetMock(state); // detached: never joins the workbook
    }
    this.sheets.push(state);
    return this.sheetMock(state);
  }

  private addTable(sheet: MockSheetState, address: string, hasHeaders: boolean): AnyMock {
    const rect = parseA1Range(address);
    if (!rect) throw new Error(`mock: tables.add("${address}") is not an A1 address`);
    if (!hasHeaders) throw new Error("mock: the adapter should create tables from a header row");
    this.calls.push(`add table ${sheet.name}!${a1Range(rect)}`);
    const state: MockTableState = { name: `Table${this.tables.length + 1}`, sheet, rect, showHeaders: true, showTotals: false };
    this.tables.push(state);
    return this.tableMock(state);
  }
}

export function createMockWorkbook(spec: MockWorkbookSpec): MockWorkbook {
  return new MockWorkbook(spec);
}

/**
 * The model a correct reader must produce for a description, worked out from the description
 * itself (not from Excel's views of it), as the oracle for the adapter's tests and benchmark.
 */
export function expectedModel(spec: MockWorkbookSpec): WorkbookModel {
  const visibility = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" } as const;
  const sheets: Sheet[] = spec.sheets.map((s) => {
    const state = new MockSheetState(s);
    const sheet: Sheet = { name: s.name, visibility: visibility[s.visibility ?? "Visible"], rows: [] };
    if (s.protected) sheet.protected = true;
    const rect = state.usedRect();
    if (rect) {
      for (let r = rect.startRow; r <= rect.endRow; r++) {
        for (let c = rect.startCol; c <= rect.endCol; c++) {
          const mockCell = state.cellAt(r, c);
          if (isEmptyCell(mockCell) || !mockCell) continue;
          const cell: Cell = { value: mockCell.error !== undefined ? null : mockCell.value === "" ? null : (mockCell.value ?? null) };
          if (mockCell.error !== undefined) cell.error = mockCell.error;
          if (mockCell.formula !== undefined) cell.formula = mockCell.formula;
          if (mockCell.numFmt !== undefined && mockCell.numFmt !== "General") cell.numFmt = mockCell.numFmt;
          (sheet.rows[r] ??= [])[c] = cell;
        }
      }
    }
    return sheet;
  });
  const tables: TableDef[] = (spec.tables ?? []).map((t) => ({
    name: t.name,
    sheet: t.sheet,
    range: parseA1Range(t.address) as CellRect,
    headerRowCount: t.showHeaders === false ? 0 : 1,
    totalsRow: t.showTotals ?? false,
  }));
  const toName = (n: MockNameSpec, scope: string | null): DefinedName => {
    const name: DefinedName = { name: n.name, scope, formula: n.formula.replace(/^=/, "") };
    if (n.visible === false) name.hidden = true;
    return name;
  };
  const names: DefinedName[] = [
    ...(spec.names ?? []).map((n) => toName(n, null)),
    ...spec.sheets.flatMap((s) => (s.names ?? []).map((n) => toName(n, s.name))),
  ];
  return { sheets, tables, names, date1904: spec.date1904 ?? false };
}

/** A VfM-like workbook: `sheetCount` sheets of `rows` rows x `columns` columns (IDs, text, money, formulas). */
export function registerLikeWorkbook(sheetCount: number, rows: number, columns: number): MockWorkbookSpec {
  const sheets: MockSheetSpec[] = [];
  for (let s = 0; s < sheetCount; s++) {
    sheets.push({
      name: s === 0 ? "Gains" : `Sheet ${s + 1}`,
      generated: {
        rows,
        columns,
        cell: (r, c) => {
          if (r === 0) return c === 0 ? "ID" : `Column ${c}`;
          if (c === 0) return `G${String(r).padStart(5, "0")}`;
          if (c === 1) return `Initiative number ${r} on sheet ${s + 1}`;
          if (c === columns - 1 && columns > 3) return { value: r * 10, formula: `C${r + 1}-D${r + 1}`, numFmt: "£#,##0.00" };
          return { value: Math.round(r * c * 13.7) / 100, numFmt: "£#,##0.00" };
        },
      },
    });
  }
  return { sheets, tables: [{ name: "tblGains", sheet: "Gains", address: `A1:${columnLetters(columns - 1)}${rows}` }] };
}

/**
 * The mock's description of a workbook already read into the model (e.g. an example .xlsx read by the
 * .xlsx reader), so the simulated Excel holds exactly that workbook: the inverse of `expectedModel`.
 * Plain data only (no generated sheets), so it can be sent to a page as JSON.
 */
export function mockSpecFromModel(model: WorkbookModel): MockWorkbookSpec {
  const visibility = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;
  const toNameSpec = (n: DefinedName): MockNameSpec => ({ name: n.name, formula: `=${n.formula}`, visible: !n.hidden });
  const sheets = model.sheets.map((sheet): MockSheetSpec => {
    const base: MockSheetSpec = {
      name: sheet.name,
      visibility: visibility[sheet.visibility],
      protected: sheet.protected ?? false,
      names: model.names.filter((n) => n.scope === sheet.name).map(toNameSpec),
    };
    let rect: CellRect | null = null;
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell) return;
        rect = rect
          ? {
              startRow: Math.min(rect.startRow, r),
              startCol: Math.min(rect.startCol, c),
              endRow: Math.max(rect.endRow, r),
              endCol: Math.max(rect.endCol, c),
            }
          : { startRow: r, startCol: c, endRow: r, endCol: c };
      }),
    );
    if (!rect) return base;
    const used: CellRect = rect;
    const cells: MockCellSpec[][] = [];
    for (let r = used.startRow; r <= used.endRow; r++) {
      const row: MockCellSpec[] = [];
      for (let c = used.startCol; c <= used.endCol; c++) {
        const cell = sheet.rows[r]?.[c];
        if (!cell) {
          row.push(null);
          continue;
        }
        const mockCell: MockCell = cell.error !== undefined ? { value: null, error: cell.error } : { value: cell.value };
        if (cell.formula !== undefined) mockCell.formula = cell.formula;
        if (cell.numFmt !== undefined) mockCell.numFmt = cell.numFmt;
        row.push(mockCell);
      }
      cells.push(row);
    }
    return { ...base, origin: a1Range({ ...used, endRow: used.startRow, endCol: used.startCol }), cells };
  });
  return {
    sheets,
    tables: model.tables.map((t) => ({
      name: t.name,
      sheet: t.sheet,
      address: a1Range(t.range),
      showHeaders: t.headerRowCount > 0,
      showTotals: t.totalsRow,
    })),
    names: model.names.filter((n) => n.scope === null).map(toNameSpec),
    date1904: model.date1904,
  };
}
