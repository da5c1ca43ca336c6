/**
 * "Compare with previous return": reads the previous return's .xlsx in the browser (our reader, as the
 * standalone page does), and compares it with the workbook just checked. Loaded on first use, as its
 * own chunk, so neither the reader nor the comparison is part of the pane's first download.
 */
import { compareReturns, type ReturnComparison } from "../core/review/compare";
import { describeComparison, type ComparisonDescription } from "../core/review/compare-report";
import { recordsOfModel } from "../core/review/return-records";
import type { WorkbookModel } from "../core/workbook/model";

export interface PreviousReturn {
  fileName: string;
  bytes: Uint8Array;
}

export type CompareOutcome =
  { ok: true; comparison: ReturnComparison; description: ComparisonDescription } | { ok: false; reason: string } | { ok: "cancelled" };

export async function compareWithPrevious(
  previous: PreviousReturn,
  current: { model: WorkbookModel; file: string },
  signal: AbortSignal,
): Promise<CompareOutcome> {
  // The reader's own chunk, the one the standalone page uses: the Excel pane fetches it only here.
  const { readXlsx } = await import(/* webpackChunkName: "xlsx-reader" */ "../adapters/xlsx/read");
  const read = await readXlsx(previous.bytes, { fileName: previous.fileName, signal });
  if (signal.aborted) return { ok: "cancelled" };
  if (!read.ok) return { ok: false, reason: `${previous.fileName} could not be read: ${read.reason}` };
  const last = recordsOfModel(read.model, previous.fileName);
  if (!last.registerFound)
    return {
      ok: false,
      reason: `No gains register was found in ${previous.fileName}, so there is nothing to compare with. Choose the previous quarter's return.`,
    };
  const comparison = compareReturns(last, recordsOfModel(current.model, current.file));
  return { ok: true, comparison, description: describeComparison(comparison, { unicode: true }) };
}
