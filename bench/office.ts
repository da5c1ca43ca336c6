/**
 * Office adapter round trips, counted on the office-addin-mock workbook the tests use: a workbook
 * the size of the example (10 sheets of 50 rows) and a large one of 1,000,000 cells, well beyond
 * Excel on the web's 5 MB request limit. The mock refuses any response above 5 MB, as Excel does.
 */
import { performance } from "perf_hooks";
import { readOpenWorkbook, DEFAULT_MAX_CELLS_PER_REQUEST } from "../src/adapters/office/read";
import type { WorkbookModel } from "../src/core/workbook/model";
import { createMockWorkbook, registerLikeWorkbook } from "../test/support/office-mock";

export interface OfficeBenchResult {
  syncsSmall: number;
  syncsLarge: number;
  largeCells: number;
  /** Cells asked for in one request. */
  maxCellsPerRequest: number;
  /** Largest response of the large read, in bytes (Excel on the web refuses above 5,000,000). */
  largestResponseBytes: number;
  /** Time to read the large workbook from the mock (conversion cost; no real Excel involved). */
  largeReadMs: number;
}

function cellCount(model: WorkbookModel): number {
  let n = 0;
  for (const sheet of model.sheets) for (const row of sheet.rows) if (row) for (const cell of row) if (cell) n++;
  return n;
}

export async function runOfficeBench(): Promise<OfficeBenchResult> {
  const small = createMockWorkbook(registerLikeWorkbook(10, 50, 20));
  await readOpenWorkbook(small.context);

  const sheets = 10;
  const rows = 10_000;
  const columns = 10;
  const largeCells = sheets * rows * columns;
  const large = createMockWorkbook(registerLikeWorkbook(sheets, rows, columns));
  const start = performance.now();
  const model = await readOpenWorkbook(large.context);
  const largeReadMs = Math.round(performance.now() - start);
  if (cellCount(model) !== largeCells) throw new Error(`office bench: read ${cellCount(model)} cells, expected ${largeCells}`);

  return {
    syncsSmall: small.syncCount,
    syncsLarge: large.syncCount,
    largeCells,
    maxCellsPerRequest: DEFAULT_MAX_CELLS_PER_REQUEST,
    largestResponseBytes: large.largestResponseBytes,
    largeReadMs,
  };
}
