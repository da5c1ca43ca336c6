/** Read stage: the Baseline's year and its total in the register's unit. */
import { sumExact } from "../../calc";
import { financialYearOfCell } from "../dates";
import type { DiscoveredTable } from "../discovery";
import { convertUnit, readNumber, type MoneyUnit } from "../text";

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
