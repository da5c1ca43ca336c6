/**
 * The workbook's Settings table (Key / Value rows), read and written in Excel so that settings stay
 * with the workbook and the command-line tool sees the same ones.
 *
 * The table is the one named "tblSettings" or "Settings" (any case), else a table on a sheet called
 * "Settings" whose headings include Key and Value. Writing changes only the Value cells of the keys
 * given, and adds a row (reusing a blank one first) for a key the table does not have yet. Without
 * a Settings table nothing is written and the answer says so; the pane then offers "Create VfM
 * workbook".
 */
import { isCalendarIsoDate } from "../../core/workbook/iso-date";
import type { CellValue } from "../../core/workbook/model";
import { sameName } from "./address";
import { describeOfficeError } from "./errors";
import { isList } from "./guards";
import type { RangeValue } from "./read";
import { literalText } from "./text";

/** A date setting, as an ISO date ("2010-03-31"): written as a real Excel date shown dd/mm/yyyy. */
interface SettingDate {
  date: string;
}

export type SettingValue = string | number | SettingDate;

/** How a date setting is shown: the same format the template's Settings table uses. */
const SETTING_DATE_FORMAT = "dd/mm/yyyy";

export type ReadSettingsResult =
  { ok: true; table: string; sheet: string; entries: Array<[key: string, value: CellValue]> } | { ok: false; reason: string };

export type WriteSettingsResult = { ok: true; table: string; updated: string[]; added: string[] } | { ok: false; reason: string };

export const NO_SETTINGS_TABLE =
  'This workbook has no Settings table (a table named "tblSettings" with Key and Value columns), so the settings cannot be kept with it. Create the VfM workbook first.';

const SETTINGS_TABLE_NAMES = ["tblSettings", "Settings"];
const SETTINGS_SHEET = "Settings";
const KEY_HEADERS = ["key", "setting", "name"];
const VALUE_HEADERS = ["value"];

interface SettingsTable {
  table: Excel.Table;
  sheet: string;
  protectedSheet: boolean;
  keyColumn: number;
  valueColumn: number;
  columnCount: number;
  /** Absolute 0-based position of the first data cell. */
  bodyTop: number;
  bodyLeft: number;
  body: RangeValue[][];
}

export async function readSettings(context: Excel.RequestContext): Promise<ReadSettingsResult> {
  try {
    const found = await locateSettingsTable(context);
    if (!found) return { ok: false, reason: NO_SETTINGS_TABLE };
    const entries: Array<[string, CellValue]> = [];
    for (const row of found.body) {
      const key = row[found.keyColumn];
      if (typeof key !== "string" && typeof key !== "number") continue;
      const text = String(key).trim();
      if (text === "") continue;
      entries.push([text, toCellValue(row[found.valueColumn])]);
    }
    return { ok: true, table: found.table.name, sheet: found.sheet, entries };
  } catch (error) {
    return { ok: false, reason: `Excel could not read the Settings table: ${describeOfficeError(error)}.` };
  }
}

export async function writeSettings(
  context: Excel.RequestContext,
  entries: ReadonlyArray<readonly [string, SettingValue]>,
): Promise<WriteSettingsResult> {
  const problem = entriesProblem(entries);
  if (problem) return { ok: false, reason: problem };
  let tableName = "Settings";
  try {
    // Excel's own DATE gives each date's serial number in the workbook's date system (1900 or 1904);
    // the requests ride on the table lookup's first round trip.
    const serials = new Map<string, Excel.FunctionResult<number>>();
    for (const [, value] of entries) {
      if (!isSettingDate(value) || serials.has(value.date)) continue;
      const [year, month, day] = value.date.split("-").map(Number);
      serials.set(value.date, context.workbook.functions.date(year, month, day).load("value"));
    }
    const found = await locateSettingsTable(context);
    if (!found) return { ok: false, reason: NO_SETTINGS_TABLE };
    tableName = found.table.name;
    const worksheet = found.table.worksheet;
    if (found.protectedSheet) {
      return {
        ok: false,
        reason: `The sheet "${found.sheet}" is protected, so the settings cannot be saved. Unprotect it (Review, then Unprotect Sheet) and try again.`,
      };
    }
    // The last value given for a key wins.
    const wanted = new Map<string, { key: string; value: SettingValue }>();
    for (const [key, value] of entries) wanted.set(normaliseKey(key), { key: key.trim(), value });
    const cellInput = (value: SettingValue): string | number => {
      if (!isSettingDate(value)) return typeof value === "number" ? value : literalText(value);
      const serial = serials.get(value.date)?.value;
      if (typeof serial !== "number" || !Number.isFinite(serial))
        throw new SettingProblem(`Excel could not turn ${value.date} into a date`);
      return serial;
    };
    /** Sets a Value cell, and shows a date as a date whatever the cell's format was. */
    const writeValue = (row: number, value: SettingValue): void => {
      const cell = worksheet.getRangeByIndexes(found.bodyTop + row, found.bodyLeft + found.valueColumn, 1, 1);
      cell.values = [[cellInput(value)]];
      if (isSettingDate(value)) cell.numberFormat = [[SETTING_DATE_FORMAT]];
    };

    const updated: string[] = [];
    const blankRows: number[] = [];
    const seen = new Set<string>();
    found.body.forEach((row, r) => {
      const key = row[found.keyColumn];
      const text = key === null || key === undefined ? "" : String(key);
      if (text.trim() === "") {
        if (row.every((cell) => cell === "" || cell === null)) blankRows.push(r);
        return;
      }
      const entry = wanted.get(normaliseKey(text));
      if (!entry) return;
      writeValue(r, entry.value);
      if (!seen.has(normaliseKey(text))) updated.push(entry.key);
      seen.add(normaliseKey(text));
    });

    const missing = [...wanted.entries()].filter(([normal]) => !seen.has(normal)).map(([, entry]) => entry);
    const added = missing.map((entry) => entry.key);
    // Blank rows first (a new table's single empty row), then new rows at the end of the table.
    while (missing.length > 0 && blankRows.length > 0) {
      const entry = missing.shift()!;
      const r = blankRows.shift()!;
      worksheet.getRangeByIndexes(found.bodyTop + r, found.bodyLeft + found.keyColumn, 1, 1).values = [[literalText(entry.key)]];
      writeValue(r, entry.value);
    }
    if (missing.length > 0) {
      const rows = missing.map((entry) => {
        const row: Array<string | number> = new Array<string | number>(found.columnCount).fill("");
        row[found.keyColumn] = literalText(entry.key);
        row[found.valueColumn] = cellInput(entry.value);
        return row;
      });
      found.table.rows.add(undefined, rows);
      // The new rows take the column's format; a date is shown as a date whatever that is.
      missing.forEach((entry, i) => {
        if (!isSettingDate(entry.value)) return;
        worksheet.getRangeByIndexes(found.bodyTop + found.body.length + i, found.bodyLeft + found.valueColumn, 1, 1).numberFormat = [
          [SETTING_DATE_FORMAT],
        ];
      });
    }
    await context.sync();
    return { ok: true, table: tableName, updated, added };
  } catch (error) {
    const why = error instanceof SettingProblem ? error.message : describeOfficeError(error);
    return { ok: false, reason: `Excel could not save the settings in "${tableName}": ${why}.` };
  }
}

/** Two round trips: the tables, then the candidate tables' headings, rows and sheet protection. */
async function locateSettingsTable(context: Excel.RequestContext): Promise<SettingsTable | null> {
  const tables = context.workbook.tables.load("items/name,items/showHeaders,items/worksheet/name");
  await context.sync();
  const byName = SETTINGS_TABLE_NAMES.flatMap((wanted) => tables.items.filter((t) => sameName(t.name, wanted)));
  const onSettingsSheet = tables.items.filter((t) => sameName(t.worksheet.name, SETTINGS_SHEET) && !byName.includes(t));
  const candidates = [...byName, ...onSettingsSheet].filter((t) => t.showHeaders);
  if (candidates.length === 0) return null;

  const queries = candidates.map((table) => ({
    table,
    header: table.getHeaderRowRange().load("values"),
    body: table.getDataBodyRange().load("values,rowIndex,columnIndex,columnCount"),
    protection: table.worksheet.protection.load("protected"),
  }));
  await context.sync();
  for (const query of queries) {
    const headings = (query.header.values[0] ?? []).map((h) => normaliseHeading(h));
    const keyColumn = headings.findIndex((h) => KEY_HEADERS.includes(h));
    const valueColumn = headings.findIndex((h) => VALUE_HEADERS.includes(h));
    if (keyColumn < 0 || valueColumn < 0) continue;
    return {
      table: query.table,
      sheet: query.table.worksheet.name,
      protectedSheet: query.protection.protected === true,
      keyColumn,
      valueColumn,
      columnCount: query.body.columnCount,
      bodyTop: query.body.rowIndex,
      bodyLeft: query.body.columnIndex,
      body: query.body.values as RangeValue[][],
    };
  }
  return null;
}

function entriesProblem(entries: ReadonlyArray<readonly [string, SettingValue]>): string | null {
  if (!isList(entries)) return "No settings were given to save.";
  for (const entry of entries) {
    if (!isList(entry) || typeof entry[0] !== "string" || entry[0].trim() === "") return "Every setting needs a name.";
    const value = entry[1];
    if (typeof value === "number" && !Number.isFinite(value)) return `The setting "${entry[0]}" must be a number Excel can hold.`;
    if (isSettingDate(value)) {
      if (!isCalendarIsoDate(value.date))
        return `The setting "${entry[0]}" must be a date written as YYYY-MM-DD, such as 2010-03-31, not "${value.date}".`;
      continue;
    }
    if (typeof value !== "number" && typeof value !== "string") return `The setting "${entry[0]}" must be a number, a date or text.`;
  }
  return null;
}

/** A problem with a value, described for the user. */
class SettingProblem extends Error {}

function isSettingDate(value: unknown): value is SettingDate {
  return typeof value === "object" && value !== null && typeof (value as SettingDate).date === "string";
}

function toCellValue(value: RangeValue | undefined): CellValue {
  return value === "" || value === undefined ? null : value;
}

/** "Reporting date", "reporting_date" and " Reporting  Date " are the same key. */
function normaliseKey(key: string): string {
  return key
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function normaliseHeading(heading: unknown): string {
  return typeof heading === "string" ? normaliseKey(heading.replace(/\([^)]*\)/g, "")) : "";
}
