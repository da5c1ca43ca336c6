/** Read stage: the Baseline's lines as records, its year and its total in the register's unit. */
import { sumExact } from "../../calc";
import { financialYearOfCell } from "../dates";
import type { DiscoveredTable } from "../discovery";
import type { ColumnKey } from "../schema";
import { cellText, convertUnit, readNumber, type MoneyUnit, type NumberRead } from "../text";
import { sourceCell, tableSource, type SheetRecord } from "./record";

/** One line of baseline spend; its other values (basis, price base, notes) are read through the record. */
export interface BaselineLine extends SheetRecord<ColumnKey<"baseline">> {
  /** The line's name as written; null when blank or without a Line column. */
  line: string | null;
  /** Its amount as the cell holds it, in the Amount column's own unit (blank without an Amount column). */
  amount: NumberRead;
  /** The financial year of its Year cell; null when blank, unreadable or without a Year column. */
  year: number | null;
}

/** Every line of the Baseline table as a record. */
export function readBaselineLines(table: DiscoveredTable<"baseline"> | undefined, date1904: boolean): BaselineLine[] {
  if (!table) return [];
  const source = tableSource(table);
  return table.rows.map((row) => {
    const record = { sheet: table.sheet.name, row, source };
    const line = cellText(sourceCell(record, "line"));
    return {
      ...record,
      line: line === "" ? null : line,
      amount: readNumber(sourceCell(record, "amount")),
      year: financialYearOfCell(sourceCell(record, "year"), date1904),
    };
  });
}

/** The one financial year every Baseline line is for (its Year column, else its amount header or title); null when not one. */
export function baselineYearFromTable(table: DiscoveredTable | undefined, date1904: boolean): number | null {
  const yearCol = table?.columns.get("year");
  if (table && yearCol === undefined) {
    // "Budget 2010/11 £'000": the amount column's header states the year; else the title ("Revenue budget 2010-11").
    const amountCol = table.columns.get("amount");
    return table.headerColumns.find((h) => h.col === amountCol)?.year ?? table.context.year;
  }
  if (!table || yearCol === undefined) return null;
  let year: number | null = null;
  for (const r of table.rows) {
    const y = financialYearOfCell(table.sheet.rows[r]?.[yearCol], date1904);
    if (y === null) continue;
    if (year !== null && y !== year) return null;
    year = y;
  }
  return year;
}

/** Baseline total (lines of the baseline year, or with no year), in the register's unit; null without an amount. */
export function readBaselineTotal(
  table: DiscoveredTable | undefined,
  baselineYear: number | null,
  defaultUnit: MoneyUnit,
  unit: MoneyUnit,
  date1904: boolean,
): number | null {
  const amountCol = table?.columns.get("amount");
  if (!table || amountCol === undefined) return null;
  const amountUnit = table.units.get("amount") ?? defaultUnit;
  const yearCol = table.columns.get("year");
  const amounts: number[] = [];
  for (const r of table.rows) {
    const cells = table.sheet.rows[r] ?? [];
    if (yearCol !== undefined && baselineYear !== null) {
      const y = financialYearOfCell(cells[yearCol], date1904);
      if (y !== null && y !== baselineYear) continue;
    }
    const read = readNumber(cells[amountCol]);
    if (read.kind === "number") amounts.push(convertUnit(read.value, amountUnit, unit));
  }
  return amounts.length > 0 ? sumExact(amounts) : null;
}
