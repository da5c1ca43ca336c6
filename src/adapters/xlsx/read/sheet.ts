/**
 * The worksheet reader: the hot path. One SheetHandler turns a worksheet part's XML events into
 * sparse rows of Cell objects. It allocates nothing per cell beyond the Cell itself (text is kept in
 * fields, addresses are parsed by hand), and styled-but-empty cells are not stored: a missing cell
 * in the model already means an empty one.
 *
 * Memory (a 100,000-gain register is about 3 million cells): text kept in the model is an own copy,
 * never a view into the sheet's XML, and each distinct text is kept once (see text-pool.ts); a
 * cell is made with all its fields in one object literal, so they sit inside the object rather
 * than in a separate property store; and each row's array is cut to its length once the row ends.
 */
import type { Cell, CellValue } from "../../../core/workbook/model";
import { a1 } from "../../../core/workbook/model";
import { ReadFailure, quoteForMessage } from "./failure";
import { checkIsoDate } from "./formats";
import type { CompiledFormula } from "./formula";
import { compileFormula, shiftFormula, stripFutureFunctionPrefixes } from "./formula";
import type { TextPool } from "./text-pool";
import { ownCopy } from "./text-pool";
import type { Attributes, XmlHandler } from "./xml";
import { decodeOoxmlEscapes, xmlBoolean } from "./xml";

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32_767;

/** Texts of a column looked up in the pool before judging whether its text repeats. */
const TEXT_SAMPLE = 256;

const CAPTURE_NONE = 0;
const CAPTURE_VALUE = 1;
const CAPTURE_FORMULA = 2;
const CAPTURE_INLINE = 3;

/** Shared by every sheet of one workbook: the cell cap is for the whole workbook. */
export interface SheetContext {
  sharedStrings: readonly string[];
  formatsByStyle: ReadonlyArray<string | undefined>;
  date1904: boolean;
  cellCount: number;
  maxCells: number;
  /** Characters of formula text made by expanding shared formulas so far, and the cap on them. */
  formulaChars: number;
  maxFormulaChars: number;
  /** The workbook's distinct cell texts, each held once. */
  text: TextPool;
  warn(message: string): void;
}

interface SharedMaster {
  row: number;
  col: number;
  text: string;
  compiled: CompiledFormula | null;
}

interface PendingShared {
  cell: Cell;
  row: number;
  col: number;
  id: string;
}

export class SheetHandler implements XmlHandler {
  readonly rows: Array<Array<Cell | undefined> | undefined> = [];
  isProtected = false;

  private rowIndex = -1;
  private nextCol = 0;
  private cellRow = 0;
  private cellCol = 0;
  private cellType: string | undefined;
  private cellStyle: string | undefined;
  private capture = CAPTURE_NONE;
  private valueText = "";
  private hasValue = false;
  private formulaText = "";
  private hasFormula = false;
  private formulaType: string | undefined;
  private sharedId: string | undefined;
  private inInline = false;
  private inlineText = "";
  private hasInline = false;
  private phoneticDepth = 0;
  private readonly masters = new Map<string, SharedMaster>();
  private readonly pending: PendingShared[] = [];
  private warnedOffGrid = false;
  private lastStyle: string | undefined;
  private textCut = false;
  private inCell = false;
  private lastStyleFormat: string | undefined;
  /** Per column: texts looked up in the workbook's text pool, and how many were found there. */
  private readonly textLookups: number[] = [];
  private readonly textFound: number[] = [];
  /** The row whose array may still be longer than its cells (cut to length when the row ends). */
  private openRow = -1;
  private readonly badDates = new Map<"not-a-calendar-date" | "out-of-range", { count: number; cell: string; text: string }>();

  constructor(
    private readonly sheetName: string,
    private readonly context: SheetContext,
  ) {}

  open(name: string, attributes: Attributes): void {
    switch (name) {
      case "c":
        this.startCell(attributes);
        break;
      case "v":
        // <v>, <f> and <is> count only inside a cell (extensions after sheetData reuse "f").
        if (!this.inCell) break;
        this.capture = CAPTURE_VALUE;
        this.hasValue = true;
        break;
      case "row": {
        const r = attributes.r;
        const number = r !== undefined ? parseInt(r, 10) : NaN;
        this.rowIndex = Number.isFinite(number) ? number - 1 : this.rowIndex + 1;
        this.nextCol = 0;
        break;
      }
      case "f":
        if (!this.inCell) break;
        this.capture = CAPTURE_FORMULA;
        this.hasFormula = true;
        this.formulaType = attributes.t;
        this.sharedId = attributes.si;
        break;
      case "is":
        if (!this.inCell) break;
        this.inInline = true;
        this.hasInline = true;
        break;
      case "t":
        if (this.inInline && this.phoneticDepth === 0) this.capture = CAPTURE_INLINE;
        break;
      case "rPh":
        this.phoneticDepth++;
        break;
      case "sheetProtection":
        this.isProtected = xmlBoolean(attributes.sheet, false);
        break;
    }
  }

  text(text: string): void {
    switch (this.capture) {
      case CAPTURE_VALUE:
        this.valueText = this.append(this.valueText, text);
        break;
      case CAPTURE_FORMULA:
        this.formulaText = this.append(this.formulaText, text);
        break;
      case CAPTURE_INLINE:
        this.inlineText = this.append(this.inlineText, text);
        break;
    }
  }

  /** Excel holds at most 32,767 characters in a cell; longer text (a hostile file) is cut there. */
  private append(sofar: string, more: string): string {
    const room = MAX_CELL_TEXT - sofar.length;
    if (more.length <= room) return sofar === "" ? more : sofar + more;
    this.textCut = true;
    return room > 0 ? sofar + more.slice(0, room) : sofar;
  }

  close(name: string): void {
    switch (name) {
      case "c":
        this.finishCell();
        break;
      case "row":
        this.trimRow();
        break;
      case "v":
      case "f":
      case "t":
        this.capture = CAPTURE_NONE;
        break;
      case "is":
        this.inInline = false;
        break;
      case "rPh":
        this.phoneticDepth--;
        break;
    }
  }

  /** After the sheet: fills in dependents whose shared-formula master came later in the file (rare, but legal), and warns of bad dates. */
  finish(): void {
    this.trimRow();
    this.warnBadDates();
    for (const item of this.pending) {
      const master = this.masters.get(item.id);
      if (master) {
        const { cell, row, col } = item;
        const formula = this.shiftMaster(master, row, col);
        // A new cell rather than a field added to the old one (see makeCell); unless a later cell
        // at the same address has replaced it.
        const cells = this.rows[row];
        if (cells !== undefined && cells[col] === cell) cells[col] = makeCell(cell.value, cell.error, formula, cell.numFmt);
      } else
        this.context.warn(
          `Sheet "${this.sheetName}": a shared formula at ${a1(item.row, item.col)} has no master formula; only its value was read.`,
        );
    }
    this.pending.length = 0;
  }

  private startCell(attributes: Attributes): void {
    const ref = attributes.r;
    if (ref === undefined || !this.parseAddress(ref)) {
      this.cellRow = this.rowIndex;
      this.cellCol = this.nextCol;
    }
    this.nextCol = this.cellCol + 1;
    this.cellType = attributes.t;
    this.cellStyle = attributes.s;
    this.valueText = "";
    this.hasValue = false;
    this.formulaText = "";
    this.hasFormula = false;
    this.formulaType = undefined;
    this.sharedId = undefined;
    this.inlineText = "";
    this.hasInline = false;
    this.capture = CAPTURE_NONE;
    this.textCut = false;
    this.inCell = true;
  }

  /** "AB12" -> cellCol 27, cellRow 11, without allocating. False when it is not an address. */
  private parseAddress(ref: string): boolean {
    let col = 0;
    let at = 0;
    const length = ref.length;
    while (at < length) {
      const code = ref.charCodeAt(at) | 0x20;
      if (code < 97 || code > 122) break;
      col = col * 26 + (code - 96);
      at++;
    }
    if (at === 0 || at === length) return false;
    let row = 0;
    for (; at < length; at++) {
      const digit = ref.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) return false;
      row = row * 10 + digit;
    }
    this.cellCol = col - 1;
    this.cellRow = row - 1;
    return true;
  }

  private finishCell(): void {
    this.inCell = false;
    const row = this.cellRow;
    const col = this.cellCol;
    if (this.textCut) {
      this.context.warn(
        `Sheet "${this.sheetName}": cell ${a1(row, col)} holds more text than Excel allows; only the first 32,767 characters were read.`,
      );
    }
    let value: CellValue = null;
    let error: string | undefined;
    const text = this.valueText;
    switch (this.cellType) {
      case undefined:
      case "n":
        if (this.hasValue && text !== "") {
          const number = +text;
          if (Number.isFinite(number)) value = number;
          else value = text;
        }
        break;
      case "s":
        if (this.hasValue && text !== "") {
          const found = this.context.sharedStrings[+text];
          if (found !== undefined) value = found;
          else this.context.warn(`Sheet "${this.sheetName}": cell ${a1(row, col)} refers to a missing shared text; it was read as empty.`);
        }
        break;
      case "str":
        if (this.hasValue) value = this.keepText(decodeOoxmlEscapes(text), col);
        break;
      case "inlineStr":
        if (this.hasInline) value = this.keepText(decodeOoxmlEscapes(this.inlineText), col);
        else if (this.hasValue) value = this.keepText(decodeOoxmlEscapes(text), col);
        break;
      case "b":
        if (this.hasValue) value = text === "1" || text.toLowerCase() === "true";
        break;
      case "e":
        if (this.hasValue) error = this.context.text.own(text.trim() || "#N/A");
        break;
      case "d":
        if (this.hasValue && text !== "") value = this.isoDate(text, row, col);
        break;
      default:
        if (this.hasValue) value = this.keepText(text, col);
    }

    let formula: string | undefined;
    let pendingId: string | undefined;
    if (this.hasFormula && this.formulaType !== "dataTable") {
      const formulaText = this.formulaText;
      if (this.formulaType === "shared" && this.sharedId !== undefined) {
        if (formulaText !== "") {
          formula = ownCopy(cleanFormula(formulaText));
          this.masters.set(this.sharedId, { row, col, text: formula, compiled: null });
        } else {
          const master = this.masters.get(this.sharedId);
          if (master) formula = this.shiftMaster(master, row, col);
          else pendingId = this.sharedId;
        }
      } else if (formulaText !== "") {
        formula = ownCopy(cleanFormula(formulaText));
      }
    }

    if (value === null && error === undefined && formula === undefined && pendingId === undefined) return;
    if (!(row >= 0 && col >= 0 && row < MAX_ROWS && col < MAX_COLS)) {
      if (!this.warnedOffGrid) {
        this.context.warn(`Sheet "${this.sheetName}": some cells lie outside Excel's grid and were left out.`);
        this.warnedOffGrid = true;
      }
      return;
    }
    const context = this.context;
    if (++context.cellCount > context.maxCells) {
      throw new ReadFailure(
        `This workbook has more than ${context.maxCells.toLocaleString("en-GB")} cells with content, which is beyond the safe limit. If it is genuine, split it into smaller workbooks.`,
        true,
      );
    }

    let numFmt: string | undefined;
    const style = this.cellStyle;
    if (style !== undefined) {
      // Neighbouring cells mostly share a style: remember the last lookup.
      if (style !== this.lastStyle) {
        this.lastStyle = style;
        this.lastStyleFormat = context.formatsByStyle[+style];
      }
      numFmt = this.lastStyleFormat;
    }
    const cell = makeCell(value, error, formula, numFmt);
    if (pendingId !== undefined) this.pending.push({ cell, row, col, id: pendingId });

    if (row !== this.openRow) {
      this.trimRow();
      this.openRow = row;
    }
    let cells = this.rows[row];
    if (cells === undefined) {
      cells = [];
      this.rows[row] = cells;
    }
    cells[col] = cell;
  }

  /**
   * Cell text as the model keeps it: an own copy, shared with equal text through the pool in
   * columns where text repeats. A column whose text seldom repeats (descriptions, references)
   * stops looking in the pool after a sample: a lookup that misses costs more than the copy.
   */
  private keepText(text: string, col: number): string {
    const lookups = this.textLookups[col] ?? 0;
    const found = this.textFound[col] ?? 0;
    if (lookups >= TEXT_SAMPLE && found * 4 < lookups) return ownCopy(text);
    this.textLookups[col] = lookups + 1;
    const pool = this.context.text;
    const known = pool.find(text);
    if (known === undefined) return pool.add(text);
    this.textFound[col] = found + 1;
    return known;
  }

  /**
   * An array grows its store by half again plus 16 slots as cells are added, so a 19-cell row
   * would hold 41 slots: once the row's cells are in, it is replaced by a copy of its own length.
   */
  private trimRow(): void {
    const row = this.openRow;
    if (row < 0) return;
    this.openRow = -1;
    const cells = this.rows[row];
    if (cells !== undefined) this.rows[row] = cells.slice();
  }

  /**
   * A dependent's own formula. Each one is a new string the size of the master (unless nothing
   * moves, when all share the master's text), so a long master with many dependents, a few KB in
   * the file, could expand to gigabytes: the characters made are counted against a cap.
   */
  /** A t="d" cell: its serial, or (a day that does not exist, a date Excel cannot hold) its text, noted for a warning. */
  private isoDate(text: string, row: number, col: number): CellValue {
    const checked = checkIsoDate(text, this.context.date1904);
    if (typeof checked === "number") return checked;
    if (checked !== "not-iso") {
      const seen = this.badDates.get(checked);
      if (seen) seen.count++;
      else this.badDates.set(checked, { count: 1, cell: a1(row, col), text });
    }
    return this.context.text.own(text);
  }

  /** One warning per kind of bad date on the sheet: how many cells, and the first. */
  private warnBadDates(): void {
    for (const [problem, { count, cell, text }] of this.badDates) {
      const why =
        problem === "out-of-range"
          ? `outside the dates Excel can hold (${this.context.date1904 ? "1 January 1904" : "1 January 1900"} to 31 December 9999)`
          : "a day the calendar does not have";
      const which =
        count === 1 ? `cell ${cell} holds` : `${count.toLocaleString("en-GB")} cells hold dates like this one; cell ${cell} holds`;
      this.context.warn(`Sheet "${this.sheetName}": ${which} the date ${quoteForMessage(text, 40)}, ${why}; read as text, not as a date.`);
    }
    this.badDates.clear();
  }

  private shiftMaster(master: SharedMaster, row: number, col: number): string {
    master.compiled ??= compileFormula(master.text);
    const compiled = master.compiled;
    if (!compiled.constant && (row !== master.row || col !== master.col)) {
      const context = this.context;
      context.formulaChars += compiled.text.length;
      if (context.formulaChars > context.maxFormulaChars) {
        throw new ReadFailure(
          `This workbook's shared formulas expand to more than ${context.maxFormulaChars.toLocaleString("en-GB")} characters of formulas, which is beyond the safe limit (sheet "${this.sheetName}", from cell ${a1(master.row, master.col)}). If it is genuine, split it into smaller workbooks.`,
          true,
        );
      }
    }
    return shiftFormula(compiled, row - master.row, col - master.col);
  }
}

/**
 * A cell with every field it has set in one object literal: a field added after the object is made
 * goes into a separate property store, which costs a cell about 40 bytes more.
 */
function makeCell(value: CellValue, error: string | undefined, formula: string | undefined, numFmt: string | undefined): Cell {
  if (error === undefined) {
    if (formula === undefined) return numFmt === undefined ? { value } : { value, numFmt };
    return numFmt === undefined ? { value, formula } : { value, formula, numFmt };
  }
  if (formula === undefined) return numFmt === undefined ? { value, error } : { value, error, numFmt };
  return numFmt === undefined ? { value, error, formula } : { value, error, formula, numFmt };
}

function cleanFormula(text: string): string {
  return stripFutureFunctionPrefixes(decodeOoxmlEscapes(text));
}
