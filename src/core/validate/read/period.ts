/**
 * Read stage, first step: the spending period (baseline year, target year, years the target covers)
 * from the Settings and what the workbook implies, and which of a table's per-year columns
 * ("Net saving 2012/13") stands for its figure.
 */
import type { DiscoveredTable } from "../discovery";
import type { TableKey } from "../schema";
import type { Settings, SettingsRead } from "../settings";
import { baselineYearFromTable } from "./baseline";

/**
 * Where the baseline year came from: the Settings, the Baseline lines' Year column, or the Baseline's
 * amount header or title ("Budget 2010/11 £'000", "Revenue budget 2010-11"), stated once for every line.
 */
export type BaselineYearSource = "settings" | "baseline" | "header" | null;

/**
 * Per-year money columns ("Net saving 2012/13") stand for the register's figure in the target year
 * (the baseline's in the baseline year); the latest year up to it when the target year has no column.
 */
function chooseYearColumns(table: DiscoveredTable | undefined, year: number | null, fallback: "first" | "last"): void {
  if (!table) return;
  for (const [key, years] of table.measureYears) {
    if (table.columns.has(key) || years.size === 0) continue;
    const sorted = [...years].sort((a, b) => a[0] - b[0]);
    const chosen =
      (year !== null ? years.get(year) : undefined) ??
      (year !== null ? sorted.filter(([y]) => y <= year).pop()?.[1] : undefined) ??
      sorted[fallback === "first" ? 0 : sorted.length - 1][1];
    const header = table.headerColumns.find((h) => h.col === chosen);
    table.columns.set(key, chosen);
    table.headers.set(key, header?.text ?? key);
    table.units.set(key, header?.unit ?? null);
  }
}

/**
 * Fills in `settings` (the check's own copy) with the baseline year, the years the target covers and
 * the target year, and picks the Baseline's and the register's per-year columns for those years.
 */
export function resolvePeriod(
  settings: Settings,
  stated: SettingsRead["stated"],
  tables: ReadonlyMap<TableKey, DiscoveredTable>,
  date1904: boolean,
): BaselineYearSource {
  let source: BaselineYearSource = settings.baselineYear !== null ? "settings" : null;
  const baseline = tables.get("baseline");
  chooseYearColumns(baseline, settings.baselineYear, "first");
  if (settings.baselineYear === null) {
    settings.baselineYear = baselineYearFromTable(baseline, date1904);
    if (settings.baselineYear !== null) source = baseline?.columns.has("year") ? "baseline" : "header";
  }
  if (!stated.has("targetYears") && settings.targetYear !== null && settings.baselineYear !== null) {
    const span = settings.targetYear - settings.baselineYear;
    if (span >= 1) settings.targetYears = span;
  }
  if (settings.targetYear === null && settings.baselineYear !== null) settings.targetYear = settings.baselineYear + settings.targetYears;
  chooseYearColumns(tables.get("gains"), settings.targetYear, "last");
  return source;
}
