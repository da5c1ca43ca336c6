/**
 * What every writer that adds a sheet does first (the findings report, the changes sheet, the
 * template): one round trip reads the names in use (sheets, tables, workbook-level defined names)
 * and the workbook's structure protection, and a protected structure is refused before anything is
 * queued. The report and the changes sheet then claim a free sheet name and table name; the template
 * refuses taken names instead (it must keep its names). Rows are queued in blocks under Excel on the
 * web's request limit.
 */
import { sameName } from "./address";

export interface NamesInUse {
  worksheets: Excel.WorksheetCollection;
  sheetNames: string[];
  /** Table names and workbook-level defined names: Excel keeps them in one namespace. */
  tableNames: string[];
}

export interface NewSheet {
  worksheet: Excel.Worksheet;
  sheetName: string;
  tableName: string;
}

export type Refusal = { ok: false; reason: string };

/**
 * One round trip: the names in use, or a refusal when the workbook's structure is protected.
 * `blocked` finishes the refusal's first sentence, e.g. "the report sheet cannot be added".
 */
export async function readNamesInUse(context: Excel.RequestContext, blocked: string): Promise<({ ok: true } & NamesInUse) | Refusal> {
  const worksheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  const names = context.workbook.names.load("items/name");
  const protection = context.workbook.protection.load("protected");
  await context.sync();
  if (protection.protected) {
    return {
      ok: false,
      reason: `The workbook's structure is protected, so ${blocked}. Unprotect it (Review, then Protect Workbook) and try again.`,
    };
  }
  return {
    ok: true,
    worksheets,
    sheetNames: worksheets.items.map((w) => w.name),
    tableNames: [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)],
  };
}

/**
 * One round trip, then a new sheet queued under `baseName` (or "baseName (2)", ...) with a free table
 * name from `tableBase` (or "tableBase2", ...) for it; never an existing sheet.
 */
export async function claimNewSheet(
  context: Excel.RequestContext,
  baseName: string,
  tableBase: string,
  blocked: string,
): Promise<({ ok: true } & NewSheet) | Refusal> {
  const inUse = await readNamesInUse(context, blocked);
  if (!inUse.ok) return inUse;
  const sheetName = freeSheetName(baseName, inUse.sheetNames);
  const tableName = freeTableName(inUse.tableNames, tableBase);
  return { ok: true, worksheet: inUse.worksheets.add(sheetName), sheetName, tableName };
}

/** "VfM report", else "VfM report (2)", "VfM report (3)", ... within Excel's 31 characters. */
export function freeSheetName(base: string, existing: readonly string[]): string {
  const taken = (name: string): boolean => existing.some((e) => sameName(e, name));
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken(candidate)) return candidate;
  }
}

/** `base`, else `base2`, `base3`, ... (table and defined names share one namespace). */
export function freeTableName(existing: readonly string[], base: string): string {
  const taken = (name: string): boolean => existing.some((e) => sameName(e, name));
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}${n}`)) return `${base}${n}`;
}

/** Request size a writer aims under, in bytes (Excel on the web refuses a request above 5 MB). */
const WRITE_BUDGET_BYTES = 4_000_000;

/**
 * Queues `rows` in blocks of about 4 MB as `bytesOf` counts them, each block by `write(start, block)`.
 * Every block but the last is sent with a sync of its own; the last is left for the caller's final
 * sync, so a usual sheet (one block) costs no round trip here.
 */
export async function queueInBlocks<Row>(
  context: Excel.RequestContext,
  rows: readonly Row[],
  bytesOf: (row: Row) => number,
  write: (start: number, block: Row[]) => void,
): Promise<void> {
  let start = 0;
  while (start < rows.length) {
    const block: Row[] = [];
    let bytes = 0;
    while (start + block.length < rows.length && (block.length === 0 || bytes < WRITE_BUDGET_BYTES)) {
      const row = rows[start + block.length];
      bytes += bytesOf(row);
      block.push(row);
    }
    write(start, block);
    start += block.length;
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per block keeps each under Excel on the web's 5 MB limit; the loop is the point
    if (start < rows.length) await context.sync();
  }
}
