/** Cell references written the way Excel writes them. */

const CELL_LIKE = /^[A-Za-z]{1,3}\d+$/;
const R1C1_LIKE = /^[Rr]\d*([Cc]\d*)?$|^[Cc]\d*$/;

/** True when Excel would put the sheet name in single quotes in a reference. */
export function sheetNeedsQuotes(sheet: string): boolean {
  if (!/^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(sheet)) return true;
  return CELL_LIKE.test(sheet) || R1C1_LIKE.test(sheet) || /^(true|false)$/i.test(sheet);
}

/** "Gains!K7", "'My sheet'!B4", "'Bob''s'!A1"; the sheet alone when there is no cell; "" for neither. */
export function formatCellRef(sheet: string | null, cell: string | null): string {
  if (sheet === null) return "";
  const name = sheetNeedsQuotes(sheet) ? `'${sheet.replace(/'/g, "''")}'` : sheet;
  return cell === null ? name : `${name}!${cell}`;
}

/** 1-based row and column numbers of an A1 cell or range, for locations that count lines. */
export function cellRegion(cell: string): { startRow: number; startColumn: number; endRow: number; endColumn: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(cell.trim());
  if (!m) return null;
  const col = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const startColumn = col(m[1]);
  const startRow = Number(m[2]);
  const endColumn = m[3] ? col(m[3]) : startColumn;
  const endRow = m[4] ? Number(m[4]) : startRow;
  return {
    startRow: Math.min(startRow, endRow),
    startColumn: Math.min(startColumn, endColumn),
    endRow: Math.max(startRow, endRow),
    endColumn: Math.max(startColumn, endColumn),
  };
}
