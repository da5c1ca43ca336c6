/**
 * "Compare with previous return": reads the previous return's .xlsx in the browser (our reader, as the
 * standalone page does), and compares it with the workbook just checked. Loaded on first use, as its
 * own chunk, so neither the reader nor the comparison is part of the pane's first download.
 */
import { compareReturns, type ReturnComparison } from "../core/review/compare";
import { describeComparison, type ComparisonDescription } from "../core/review/compare-report";
import { recordsOfModel, type ReturnRecords } from "../core/review/return-records";
import type { WorkbookModel } from "../core/workbook/model";

export interface PreviousReturn {
  fileName: string;
  bytes: Uint8Array;
}

export type CompareOutcome =
  { ok: true; comparison: ReturnComparison; description: ComparisonDescription } | { ok: false; reason: string } | { ok: "cancelled" };

export async function compareWithPrevious(
  previous: PreviousReturn,
  current: { model?: WorkbookModel; records?: () => Promise<ReturnRecords>; file: string },
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
  // The standalone page keeps the checked model in its worker, which gives the records instead.
  const currentRecords = current.model ? recordsOfModel(current.model, current.file) : current.records ? await current.records() : null;
  if (signal.aborted) return { ok: "cancelled" };
  if (!currentRecords) return { ok: false, reason: "Check the workbook again, then compare it with the previous return." };
  const comparison = compareReturns(last, currentRecords);
  return { ok: true, comparison, description: describeComparison(comparison, { unicode: true }) };
}
