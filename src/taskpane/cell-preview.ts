/**
 * The cells around a finding, for the standalone page where "Go to cell" cannot select the cell in
 * Excel: a few rows and columns either side of the address, the address itself highlighted.
 */
import { a1, columnLetters, findSheet, getCell, parseA1Range } from "../core/workbook/model";
import type { Cell, WorkbookModel } from "../core/workbook/model";
import type { CellPreview } from "./source";
import { serialToIso } from "../core/workbook/iso-date";

/** Rows and columns shown either side of the address. */
const MARGIN = 2;
/** At most this many rows and columns, so a range such as A1:T40 shows its corner, not the sheet. */
const MAX_ROWS = 9;
const MAX_COLUMNS = 6;
const MAX_TEXT = 24;

const numberText = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 6 });

function looksLikeDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const withoutLiterals = numFmt.replace(/"[^"]*"|\\./g, "").replace(/\[[^\]]*\]/g, "");
  return /(d{1,4}|y{2,4}|m{3,5})/i.test(withoutLiterals) && !/[#0?]/.test(withoutLiterals);
}

/** A date serial as dd/mm/yyyy, as a UK user reads it; null when it is not one of Excel's dates. */
function serialToUkDate(serial: number, date1904: boolean): string | null {
  const iso = serialToIso(serial, date1904);
  return iso === null ? null : `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

export function cellText(cell: Cell | undefined, date1904: boolean): string {
  if (!cell) return "";
  if (cell.error) return cell.error;
  const value = cell.value;
  let text: string;
  if (value === null) text = "";
  else if (typeof value === "boolean") text = value ? "TRUE" : "FALSE";
  else if (typeof value === "number")
    text = (looksLikeDateFormat(cell.numFmt) && serialToUkDate(value, date1904)) || numberText.format(value);
  else text = value;
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

export function buildCellPreview(model: WorkbookModel, sheetName: string, address: string): CellPreview {
  const sheet = findSheet(model, sheetName);
  const rect = parseA1Range(address);
  const empty: CellPreview = { sheet: sheetName, address, columns: [], rows: [], values: [], highlighted: [] };
  if (!sheet) return { ...empty, note: `The workbook has no sheet called "${sheetName}".` };
  if (!rect) return { ...empty, sheet: sheet.name, note: `"${address}" is not a cell address the page can show.` };

  const firstRow = Math.max(0, rect.startRow - MARGIN);
  const lastRow = Math.min(firstRow + MAX_ROWS - 1, rect.endRow + MARGIN);
  const firstCol = Math.max(0, rect.startCol - MARGIN);
  const lastCol = Math.min(firstCol + MAX_COLUMNS - 1, rect.endCol + MARGIN);

  const columns: string[] = [];
  for (let c = firstCol; c <= lastCol; c++) columns.push(columnLetters(c));
  const rows: number[] = [];
  const values: string[][] = [];
  const highlighted: boolean[][] = [];
  let anyValue = false;
  for (let r = firstRow; r <= lastRow; r++) {
    rows.push(r + 1);
    const rowValues: string[] = [];
    const rowMarks: boolean[] = [];
    for (let c = firstCol; c <= lastCol; c++) {
      const text = cellText(getCell(sheet, r, c), model.date1904);
      if (text !== "") anyValue = true;
      rowValues.push(text);
      rowMarks.push(r >= rect.startRow && r <= rect.endRow && c >= rect.startCol && c <= rect.endCol);
    }
    values.push(rowValues);
    highlighted.push(rowMarks);
  }
  const truncated = lastRow < rect.endRow || lastCol < rect.endCol;
  const note = truncated
    ? `Showing the top-left corner of ${address}, from ${a1(rect.startRow, rect.startCol)}.`
    : anyValue
      ? undefined
      : "These cells are empty.";
  return { sheet: sheet.name, address, columns, rows, values, highlighted, note };
}
