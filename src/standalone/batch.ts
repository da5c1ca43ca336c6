/**
 * Several returns at once (the standalone page's roll-up): each file is read and reduced to its row
 * of the consolidation (core/review/consolidate.ts, the rows `vfm consolidate` makes), one after the
 * other in a check worker of its own, so the page stays responsive and Stop ends the worker at once.
 * A file that cannot be read or checked is a row with its reason; the files not reached when the
 * user stops are rows "not checked". The totals are then consolidate()'s, on the page (cheap).
 * Without Worker (jsdom, very old browsers) each file is read and checked on the page's thread.
 */
import { consolidatedReturnOfModel, unreadableReturn, type ConsolidatedReturn } from "../core/review/consolidate";
import { errorText } from "../core/text/errors";
import { CheckWorkerClient } from "./worker-client";

export interface ReturnFile {
  /** The name shown and reported: the file's path within a chosen folder, else its name. */
  name: string;
  load: (signal: AbortSignal) => Promise<Uint8Array>;
}

export interface BatchProgress {
  /** Files finished so far. */
  done: number;
  total: number;
  /** The file being read and checked now. */
  current: string | null;
}

export const STOPPED_REASON = "Not checked: the check was stopped before this file was done.";

export interface CheckReturnsOptions {
  signal: AbortSignal;
  onProgress: (progress: BatchProgress) => void;
  /** Each finished row as it comes, in order. */
  onReturn?: (row: ConsolidatedReturn, index: number) => void;
}

/** The worker of the roll-up: separate from the single-file check's, whose workbook (for Go to cell) it would otherwise replace. */
let batchClient: CheckWorkerClient | null = null;

async function rowInWorker(client: CheckWorkerClient, file: ReturnFile, signal: AbortSignal): Promise<ConsolidatedReturn> {
  const bytes = await file.load(signal);
  const buffer = (
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer
  ) as ArrayBuffer;
  const reply = await client.request((id) => ({ type: "consolidate", id, fileName: file.name, bytes: buffer }), [buffer], { signal });
  if (signal.aborted) return unreadableReturn(file.name, STOPPED_REASON, "not-checked");
  if (reply.type === "return") return reply.row;
  return unreadableReturn(file.name, reply.type === "refused" ? reply.reason : "The checker gave an answer the page did not expect.");
}

async function rowInPage(file: ReturnFile, signal: AbortSignal): Promise<ConsolidatedReturn> {
  const { readXlsx } = await import(/* webpackChunkName: "xlsx-reader" */ "../adapters/xlsx/read");
  const read = await readXlsx(await file.load(signal), { fileName: file.name, signal });
  if (signal.aborted) return unreadableReturn(file.name, STOPPED_REASON, "not-checked");
  if (!read.ok) return unreadableReturn(file.name, read.reason);
  // Let the page draw the progress before the synchronous check.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return consolidatedReturnOfModel(read.model, { file: file.name });
}

/** One row per file, in the order given. */
export async function checkReturns(
  files: readonly ReturnFile[],
  { signal, onProgress, onReturn }: CheckReturnsOptions,
): Promise<ConsolidatedReturn[]> {
  const client = typeof Worker === "function" ? (batchClient ??= new CheckWorkerClient()) : null;
  const rows: ConsolidatedReturn[] = [];
  for (const [index, file] of files.entries()) {
    if (signal.aborted) break;
    onProgress({ done: index, total: files.length, current: file.name });
    let row: ConsolidatedReturn;
    try {
      row = client ? await rowInWorker(client, file, signal) : await rowInPage(file, signal);
    } catch (error) {
      row = signal.aborted
        ? unreadableReturn(file.name, STOPPED_REASON, "not-checked")
        : unreadableReturn(file.name, errorText(error) || "This file could not be read.");
    }
    rows.push(row);
    onReturn?.(row, index);
  }
  const done = rows.length;
  for (const file of files.slice(done)) rows.push(unreadableReturn(file.name, STOPPED_REASON, "not-checked"));
  onProgress({ done, total: files.length, current: null });
  return rows;
}
