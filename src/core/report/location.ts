/** Cell references written the way Excel writes them. */

export { formatCellRef } from "../text/sheet-name";

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
