/**
 * The standalone page's workbook source: an .xlsx file the user opened (or the bundled example),
 * read in the browser. The reader and the validator load on first use as separate chunks, so the
 * page appears before they download; nothing is sent anywhere.
 */
import type { WorkbookModel } from "../core/workbook/model";
import type { CheckOutcome, CheckRequest, GoToOutcome, WorkbookSource } from "../taskpane/source";
import { errorLine } from "../taskpane/source";
import { isAbortError } from "../core/text/errors";
import { buildCellPreview } from "../taskpane/cell-preview";

export interface FileSourceOptions {
  /** Shown to the user, e.g. "northmoor-police.xlsx". */
  fileName: string;
  /** Produces the file's bytes; called once per check. */
  load: (signal: AbortSignal) => Promise<Uint8Array>;
}

const loadReader = () => import(/* webpackChunkName: "xlsx-reader" */ "../adapters/xlsx/read");
const loadCheck = () => import(/* webpackChunkName: "check" */ "../taskpane/check-model");

/** Starts downloading the reader and the validator, for a page that knows it will check a file at once. */
export function preloadChecker(): void {
  void loadReader().catch(() => undefined);
  void loadCheck().catch(() => undefined);
}

/** Lets the browser paint the progress bar before a long synchronous step. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function createFileSource({ fileName, load }: FileSourceOptions): WorkbookSource {
  let lastModel: WorkbookModel | null = null;

  const check = async ({ signal, onProgress, settings }: CheckRequest): Promise<CheckOutcome> => {
    onProgress({ phase: "reading", fraction: null });
    try {
      const [bytes, reader, engine] = await Promise.all([load(signal), loadReader(), loadCheck()]);
      if (signal.aborted) return { status: "cancelled" };
      const read = await reader.readXlsx(bytes, {
        signal,
        fileName,
        onProgress: (fraction: number) => onProgress({ phase: "reading", fraction }),
      });
      if (signal.aborted) return { status: "cancelled" };
      if (!read.ok) return { status: "refused", reason: read.reason };
      onProgress({ phase: "checking", fraction: null });
      await nextFrame();
      if (signal.aborted) return { status: "cancelled" };
      const result = engine.checkModel(read.model, { file: fileName, settings, readerNotes: read.warnings });
      lastModel = read.model;
      return { status: "done", result };
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return { status: "cancelled" };
      return { status: "refused", reason: errorLine(error) };
    }
  };

  const goToCell = async (sheet: string, address: string): Promise<GoToOutcome> => {
    if (!lastModel) return { kind: "failed", reason: "Check the workbook first, then go to a cell." };
    return { kind: "preview", preview: buildCellPreview(lastModel, sheet, address) };
  };

  return { kind: "file", label: fileName, check, goToCell };
}

/** The source before any file is opened: a check says how to open one. */
export function createNoFileSource(): WorkbookSource {
  return {
    kind: "file",
    label: "No workbook open yet",
    check: async () => ({
      status: "refused",
      reason: "Open a workbook first: choose Open workbook, drop an .xlsx file on this page, or select Try the example.",
    }),
    goToCell: async () => ({ kind: "failed", reason: "Open a workbook first." }),
  };
}

/** Bytes of a File chosen or dropped by the user. */
export async function fileBytes(file: Blob, signal: AbortSignal): Promise<Uint8Array> {
  const buffer = await file.arrayBuffer();
  if (signal.aborted) throw new DOMException("Cancelled", "AbortError");
  return new Uint8Array(buffer);
}

/** Bytes of a same-origin URL (the bundled example). */
export async function fetchBytes(url: string, signal: AbortSignal): Promise<Uint8Array> {
  const response = await fetch(url, { signal, credentials: "same-origin" });
  if (!response.ok) throw new Error(`The example workbook could not be loaded (the server answered ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}
