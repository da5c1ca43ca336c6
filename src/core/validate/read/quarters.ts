/** Read stage: the Quarterly table's updates as records (quarter, its end date, trajectory and actual, each with its cell). */
import type { Cell } from "../../workbook/model";
import { financialYearOfCell, parseQuarter, quarterEnd, quarterLabel, type FinancialQuarter } from "../dates";
import type { DiscoveredTable } from "../discovery";
import type { ColumnKey } from "../schema";
import { cellText, numberOf } from "../text";
import { tableSource, type SheetRecord } from "./record";

export interface QuarterRow extends SheetRecord<ColumnKey<"quarterly">> {
  label: string;
  quarter: FinancialQuarter | null;
  /** ISO date the quarter ends; null when the label cannot be read. */
  quarterEnd: string | null;
  trajectory: number | null;
  actual: number | null;
}

const QUARTER_YEAR_HEADERS = new Set(["period", "year", "financial year", "fy", "quarter", "qtr"]);

/** A quarter written "Q1" with its financial year in another column ("2012/13"). */
function quarterWithYearColumn(
  qCell: Cell | undefined,
  cells: ReadonlyArray<Cell | undefined>,
  yearC: number | undefined,
  date1904: boolean,
): FinancialQuarter | null {
  if (yearC === undefined) return null;
  const q = cellText(qCell);
  const year = financialYearOfCell(cells[yearC], date1904);
  if (!/^q(?:uarter|tr)?\s*[1-4]$/i.test(q) || year === null) return null;
  return { startYear: year, quarter: Number(q.slice(-1)) as 1 | 2 | 3 | 4 };
}

export function readQuarters(table: DiscoveredTable<"quarterly"> | undefined, date1904: boolean): QuarterRow[] {
  const quarterly: QuarterRow[] = [];
  if (!table) return quarterly;
  const c = table.columns;
  const qC = c.get("quarter");
  const tC = c.get("trajectory");
  const aC = c.get("actual");
  // "Qtr" Q1 beside "Period" 2012/13: the quarter's year is in a column of its own.
  const yearC = table.headerColumns.find((h) => h.col !== qC && QUARTER_YEAR_HEADERS.has(h.measure))?.col;
  const source = tableSource(table);
  for (const r of table.rows) {
    const cells = table.sheet.rows[r] ?? [];
    const qCell = qC === undefined ? undefined : cells[qC];
    const quarter = parseQuarter(qCell, date1904) ?? quarterWithYearColumn(qCell, cells, yearC, date1904);
    quarterly.push({
      sheet: table.sheet.name,
      row: r,
      source,
      label: quarter ? quarterLabel(quarter) : cellText(qCell),
      quarter,
      quarterEnd: quarter ? quarterEnd(quarter) : null,
      trajectory: tC === undefined ? null : numberOf(cells[tC]),
      actual: aC === undefined ? null : numberOf(cells[aC]),
    });
  }
  return quarterly;
}
