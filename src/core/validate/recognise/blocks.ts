/**
 * Recognise, step 1: the candidate blocks of a sheet. Every row is looked at once; a row with at least
 * two header words of any table (or a header word and two year headers) and no plain numbers starts a
 * block. Its header may continue one or two rows down (year sub-headers) or up (merged group cells).
 * The block then runs down until a run of blank rows, its total row, a note, another header, or rows of
 * another shape. Side-by-side blocks (a register and a small key beside it) split at two blank columns.
 */
import type { Cell, Sheet, TableDef, WorkbookModel } from "../../workbook/model";
import { cellText, isBlankCell, MATCH_TEXT_CAP, normaliseLabel } from "../text";
import { isYearHeaderCell, parseHeaderText, readHeader, type HeaderColumn } from "./headers";
import { HEADER_MAPS, SUMMARY_MARKERS } from "./vocabulary";

/** Blank rows in a row that end a block. */
const BLANK_RUN_ENDS_BLOCK = 3;
/** Rows a block's title block may reach above its header. */
export const TITLE_ROWS = 8;

type BlockEnd = "blank rows" | "total row" | "note" | "another header" | "different shape" | "end of sheet" | "end of range";

export interface Block {
  sheet: Sheet;
  /** 0-based rows of the header: top (a group row) to bottom (the row above the data). */
  headerTop: number;
  headerRow: number;
  startCol: number;
  endCol: number;
  header: HeaderColumn[];
  /** Last 0-based row of the block (data and total rows). */
  lastRow: number;
  endReason: BlockEnd;
  /** First 0-based row of the title block above the header (headerTop when there is none). */
  titleTop: number;
  /** True when the header or first column holds "Row Labels", "Grand Total" or "Sum of": a pivot or summary. */
  summaryMarked: boolean;
  /** The Excel table the block is, when it is one. */
  excelTable?: TableDef;
}

type Row = ReadonlyArray<Cell | undefined> | undefined;

/** Union of every table's header words, for the cheap "is this a header row" test. */
const ANY_HEADER_WORD: ReadonlySet<string> = new Set([...HEADER_MAPS.values()].flatMap((m) => [...m.keys()]));

function isHeaderWord(text: string, extra?: ReadonlySet<string>): boolean {
  const parsed = parseHeaderText(text);
  if (parsed.measure === "") return false;
  return ANY_HEADER_WORD.has(parsed.measure) || (extra?.has(parsed.measure) ?? false);
}

interface RowShape {
  /** Cells whose text is a header word (counted only in a row without plain numbers). */
  words: number;
  /** Year headers written as text ("2011/12") or, in `numericYears`, as numbers or dates. */
  years: number;
  numericYears: number;
  /** Text cells that are a unit alone ("£m", "£'000"): the header of an amount column. */
  units: number;
  plainNumbers: number;
  texts: number;
  nonBlank: number;
  first: number;
  last: number;
}

/**
 * What a row holds between two columns. Numbers are counted first; header words and years are looked
 * for only in a row without plain numbers (a data row of a long register costs one pass, no matching).
 */
function shapeOf(row: Row, from: number, to: number, date1904: boolean, extra?: ReadonlySet<string>): RowShape {
  const shape: RowShape = { words: 0, years: 0, numericYears: 0, units: 0, plainNumbers: 0, texts: 0, nonBlank: 0, first: -1, last: -1 };
  if (!row) return shape;
  const end = Math.min(to, row.length - 1);
  for (let c = from; c <= end; c++) {
    const cell = row[c];
    if (isBlankCell(cell)) continue;
    shape.nonBlank++;
    if (shape.first < 0) shape.first = c;
    shape.last = c;
    if (typeof cell!.value === "string") shape.texts++;
    else if (typeof cell!.value === "number") {
      if (isYearHeaderCell(cell, date1904)) shape.numericYears++;
      else shape.plainNumbers++;
    } else shape.plainNumbers++;
  }
  if (shape.plainNumbers > 1 || shape.texts === 0) return shape;
  for (let c = from; c <= end; c++) {
    const value = row[c]?.value;
    if (typeof value !== "string" || value.trim() === "" || value.length > MATCH_TEXT_CAP) continue;
    if (isYearHeaderCell(row[c], date1904)) shape.years++;
    else if (isHeaderWord(value, extra)) shape.words++;
    else if (isUnitOnly(value)) shape.units++;
  }
  return shape;
}

/** A row that can be (the bottom of) a header: header words, no plain numbers. */
function isHeaderShape(shape: RowShape, numericYearsCount = true): boolean {
  if (!numericYearsCount && (shape.plainNumbers > 0 || shape.numericYears > 0)) return false;
  const years = shape.years + (numericYearsCount ? shape.numericYears : 0);
  // One stray number among year headers (a serial typed without a date format) still leaves a header.
  if (shape.plainNumbers > 0 && !(shape.plainNumbers === 1 && years >= 2 && shape.words >= 1)) return false;
  // "Measure | £m": a header word over labels and a lone unit over their amounts is a header too.
  return shape.words >= 2 || (shape.words >= 1 && (years >= 1 || shape.units >= 1));
}

/** A cell that is a unit and nothing else ("£m", "£'000", "(£000)"). */
function isUnitOnly(text: string): boolean {
  const parsed = parseHeaderText(text);
  return parsed.measure === "" && parsed.year === null && parsed.unit !== null;
}

/**
 * A row under a header that continues it: year sub-headers, units or measure words, nothing else, and
 * sitting under a merged cell of the row above (a cell there blank) unless it is a row of years.
 */
function isContinuation(row: Row, above: Row, from: number, to: number, date1904: boolean, extra?: ReadonlySet<string>): boolean {
  const shape = shapeOf(row, from, to, date1904, extra);
  if (shape.nonBlank === 0 || shape.plainNumbers > 0) return false;
  if (shape.years + shape.numericYears < 2 && shape.words < 1) return false;
  if (shape.years + shape.numericYears < 2) {
    let underMerged = false;
    for (let c = from; c <= Math.min(to, (row?.length ?? 0) - 1); c++)
      if (!isBlankCell(row?.[c]) && isBlankCell(above?.[c])) underMerged = true;
    if (!underMerged) return false;
  }
  // Every text is a header word, a year or a unit: a data row of names is not a sub-header.
  if (!row) return false;
  for (let c = from; c <= Math.min(to, row.length - 1); c++) {
    const cell = row[c];
    if (isBlankCell(cell) || isYearHeaderCell(cell, date1904)) continue;
    const text = cellText(cell);
    const parsed = parseHeaderText(text);
    if (parsed.measure === "" || isHeaderWord(text, extra) || parsed.year !== null) continue;
    return false;
  }
  return true;
}

/** A row above a header holding merged group labels over it (not a one-cell title at the left). */
function isGroupRow(row: Row, from: number, to: number, date1904: boolean, extra?: ReadonlySet<string>): boolean {
  const shape = shapeOf(row, from, to, date1904, extra);
  if (shape.nonBlank === 0 || shape.plainNumbers > 0 || shape.years + shape.numericYears > 0) return false;
  if (shape.nonBlank >= 2) return true;
  if (shape.first === from) return false;
  const text = cellText(row?.[shape.first]);
  const parsed = parseHeaderText(text);
  return parsed.unit !== null || isHeaderWord(text, extra) || parsed.measure.split(" ").length <= 4;
}

/** Column segments of a header row, split at two or more blank columns. */
function segments(rows: readonly Row[], from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  let lastFilled = -1;
  for (let c = from; c <= to; c++) {
    const filled = rows.some((row) => !isBlankCell(row?.[c]));
    if (filled) {
      if (start < 0) start = c;
      else if (c - lastFilled > 2) {
        out.push([start, lastFilled]);
        start = c;
      }
      lastFilled = c;
    }
  }
  if (start >= 0) out.push([start, lastFilled]);
  return out;
}

/**
 * Segments that are blocks of their own: a segment whose header is not a header by itself (a lone
 * "£'000" over an amount column four columns to the right) belongs to the segment on its left.
 */
function joinedSegments(
  rows: readonly Row[],
  from: number,
  to: number,
  date1904: boolean,
  extra?: ReadonlySet<string>,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [start, end] of segments(rows, from, to)) {
    const standalone = rows.some((row) => isHeaderShape(shapeOf(row, start, end, date1904, extra)));
    if (!standalone && out.length > 0) out[out.length - 1][1] = end;
    else out.push([start, end]);
  }
  return out;
}

const TOTAL_LABEL = /^(grand\s+)?(sub[\s-]?)?totals?\b/i;

/** A row labelled "Total", "Totals", "Grand total", "Sub-total" in one of its first columns. */
function isTotalLabelRow(row: Row, from: number, to: number): boolean {
  if (!row) return false;
  const last = Math.min(to, row.length - 1, from + 3);
  for (let c = from; c <= last; c++) {
    const cell = row[c];
    if (isBlankCell(cell)) continue;
    return typeof cell!.value === "string" && TOTAL_LABEL.test(cell!.value.trim());
  }
  return false;
}

const NOTE_START = /^(notes?\b|source\b|sources\b|\*|†|nb\b|n\.b\.|published\b|key\b|\d{1,2}[.)]\s|\(\d{1,2}\)\s)/i;

function isNoteRow(row: Row, from: number, to: number, shape: RowShape): boolean {
  if (shape.nonBlank !== 1 || shape.texts !== 1) return false;
  const text = cellText(row?.[shape.first]);
  return text.length > 40 || NOTE_START.test(text);
}

/** Rows looked at when reading a block: a register of 100,000 rows is read, a sheet of 1,048,576 blanks is not walked. */
function lastRowOf(sheet: Sheet): number {
  return sheet.rows.length - 1;
}

function isSummaryMarked(header: readonly HeaderColumn[], sheet: Sheet, firstDataRow: number, lastRow: number, startCol: number): boolean {
  const marked = (text: string) => {
    const normal = normaliseLabel(text);
    return SUMMARY_MARKERS.some((m) => normal === m || normal.startsWith(`${m} `));
  };
  if (header.some((h) => marked(h.own) || marked(h.text))) return true;
  for (let r = firstDataRow; r <= Math.min(lastRow, firstDataRow + 200); r++) {
    const text = cellText(sheet.rows[r]?.[startCol]);
    if (text !== "" && marked(text)) return true;
  }
  return false;
}

/**
 * Where a block's data ends. Consecutive rows are its rows unless they are a note or another header; after
 * blank rows or a total row a row must fill half the block's header columns to continue it.
 */
function blockEnd(
  sheet: Sheet,
  headerRow: number,
  startCol: number,
  endCol: number,
  headerCount: number,
  limit: number,
  date1904: boolean,
  extra?: ReadonlySet<string>,
): { lastRow: number; reason: BlockEnd } {
  let lastRow = headerRow;
  let blanks = 0;
  let afterTotal = false;
  const end = Math.min(limit, lastRowOf(sheet));
  for (let r = headerRow + 1; r <= end; r++) {
    const row = sheet.rows[r];
    const shape = shapeOf(row, startCol, endCol, date1904, extra);
    if (shape.nonBlank === 0) {
      blanks++;
      if (blanks >= BLANK_RUN_ENDS_BLOCK) return { lastRow, reason: "blank rows" };
      continue;
    }
    if (isHeaderShape(shape, false) && shape.words >= 2) return { lastRow, reason: "another header" };
    if (isNoteRow(row, startCol, endCol, shape)) return { lastRow, reason: "note" };
    const full = shape.nonBlank * 2 >= Math.max(2, headerCount);
    if ((blanks > 0 || afterTotal) && !full) return { lastRow, reason: afterTotal ? "total row" : "different shape" };
    blanks = 0;
    lastRow = r;
    afterTotal = isTotalLabelRow(row, startCol, endCol);
    if (afterTotal && /^grand/i.test(cellText(row?.[shape.first]))) return { lastRow, reason: "total row" };
  }
  return { lastRow, reason: limit < lastRowOf(sheet) ? "end of range" : "end of sheet" };
}

export interface BlockScanOptions {
  date1904: boolean;
  /** The workbook's own extra header words (from its Settings), normalised. */
  extraWords?: ReadonlySet<string>;
  /** Rows to look at: the whole sheet by default. */
  fromRow?: number;
  toRow?: number;
  fromCol?: number;
  toCol?: number;
  /** The sheet's Excel tables: each is a block of its own bounds (header on its first row). */
  tables?: readonly TableDef[];
}

/** An Excel table as a block: its own header row (a group row above it joins the header), its own end. */
function tableBlock(sheet: Sheet, table: TableDef, date1904: boolean, extra?: ReadonlySet<string>): Block | null {
  const { range } = table;
  const headerRow = table.headerRowCount > 0 ? range.startRow : range.startRow - 1;
  let headerTop = headerRow;
  for (let k = 1; k <= 2 && headerTop - 1 >= 0 && table.headerRowCount > 0; k++) {
    if (!isGroupRow(sheet.rows[headerTop - 1], range.startCol, range.endCol, date1904, extra)) break;
    headerTop--;
  }
  const header = headerRow >= 0 ? readHeader(sheet.rows.slice(headerTop, headerRow + 1), range.startCol, range.endCol, date1904) : [];
  return {
    sheet,
    headerTop,
    headerRow,
    startCol: range.startCol,
    endCol: range.endCol,
    header,
    lastRow: range.endRow,
    endReason: "end of range",
    titleTop: Math.max(0, headerTop - TITLE_ROWS),
    summaryMarked: isSummaryMarked(header, sheet, headerRow + 1, range.endRow, range.startCol),
    excelTable: table,
  };
}

/** Every candidate block on a sheet, top to bottom. */
export function findBlocks(sheet: Sheet, options: BlockScanOptions): Block[] {
  const { date1904, extraWords } = options;
  const blocks: Block[] = [];
  const tableBlocks = (options.tables ?? []).map((t) => tableBlock(sheet, t, date1904, extraWords)).filter((b): b is Block => b !== null);
  const lastRow = Math.min(options.toRow ?? Number.MAX_SAFE_INTEGER, lastRowOf(sheet));
  let previousEnd = (options.fromRow ?? 0) - 1;
  for (let r = options.fromRow ?? 0; r <= lastRow; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const inTable = tableBlocks.find((b) => b.headerTop <= r && b.lastRow >= r && b.excelTable!.range.startRow <= r);
    if (inTable) {
      blocks.push(inTable);
      r = inTable.lastRow;
      previousEnd = r;
      continue;
    }
    const fromCol = options.fromCol ?? 0;
    const toCol = Math.min(options.toCol ?? Number.MAX_SAFE_INTEGER, row.length - 1);
    const shape = shapeOf(row, fromCol, toCol, date1904, extraWords);
    if (!isHeaderShape(shape)) continue;
    let headerRow = r;
    for (let k = 1; k <= 2 && headerRow + 1 <= lastRow; k++) {
      if (!isContinuation(sheet.rows[headerRow + 1], sheet.rows[headerRow], fromCol, toCol, date1904, extraWords)) break;
      headerRow++;
    }
    let headerTop = r;
    for (let k = 1; k <= 2 && headerTop - 1 > previousEnd; k++) {
      if (!isGroupRow(sheet.rows[headerTop - 1], shape.first, toCol, date1904, extraWords)) break;
      headerTop--;
    }
    const headerRows = sheet.rows.slice(headerTop, headerRow + 1);
    let furthest = headerRow;
    for (const [startCol, endCol] of joinedSegments(headerRows, fromCol, toCol, date1904, extraWords)) {
      const header = readHeader(headerRows, startCol, endCol, date1904);
      if (header.length < 2) continue;
      const end = blockEnd(sheet, headerRow, startCol, endCol, header.length, lastRow, date1904, extraWords);
      const titleTop = Math.max(previousEnd + 1, headerTop - TITLE_ROWS, 0);
      blocks.push({
        sheet,
        headerTop,
        headerRow,
        startCol,
        endCol,
        header,
        lastRow: end.lastRow,
        endReason: end.reason,
        titleTop,
        summaryMarked: isSummaryMarked(header, sheet, headerRow + 1, end.lastRow, startCol),
      });
      furthest = Math.max(furthest, end.lastRow);
    }
    previousEnd = furthest;
    r = furthest;
  }
  return blocks;
}

/** The blocks of every sheet of a workbook (hidden sheets too). */
export function findAllBlocks(model: WorkbookModel, extraWords?: ReadonlySet<string>): Block[] {
  return model.sheets.flatMap((sheet) => {
    const tables = model.tables.filter((t) => t.sheet.toLowerCase() === sheet.name.toLowerCase());
    const blocks = findBlocks(sheet, { date1904: model.date1904, extraWords, tables });
    // An Excel table whose rows the scan never reached (it starts inside another block) is still a block.
    for (const t of tables) {
      if (blocks.some((b) => b.excelTable === t)) continue;
      const block = tableBlock(sheet, t, model.date1904, extraWords);
      if (block) blocks.push(block);
    }
    return blocks;
  });
}
