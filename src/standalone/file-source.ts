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
import { createRuleCatalogue } from "../core/report/rule-info";
import { CheckWorkerClient } from "./worker-client";
import { blobBytes } from "../taskpane/blob-bytes";

export interface FileSourceOptions {
  /** Shown to the user, e.g. "northmoor-police.xlsx". */
  fileName: string;
  /** Produces the file's bytes; called once per check. */
  load: (signal: AbortSignal) => Promise<Uint8Array>;
}

const loadReader = () => import(/* webpackChunkName: "xlsx-reader" */ "../adapters/xlsx/read");
const loadCheck = () => import(/* webpackChunkName: "check" */ "../taskpane/check-model");

/**
 * Gets the checker ready, for a page that knows it will check a file at once (?example=): starts the
 * check worker, which fetches the reader and the validator itself while the page renders; only
 * without workers are they loaded on this thread. (Loading them here too would spend the page's
 * thread on code the worker runs.)
 */
export function preloadChecker(): void {
  if (typeof Worker === "function") {
    (sharedClient ??= new CheckWorkerClient()).warmUp();
    return;
  }
  void loadReader().catch(() => undefined);
  void loadCheck().catch(() => undefined);
}

/** Lets the browser paint the progress bar before a long synchronous step. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function createFileSource(options: FileSourceOptions): WorkbookSource {
  // In a browser the file is read and checked in a worker, so the page never freezes; without
  // workers (the tests' jsdom, very old browsers) on this thread, in steps.
  return typeof Worker === "function" ? createWorkerFileSource(options) : createInPageFileSource(options);
}

/** One check worker for the page: it holds the last workbook checked (for Go to cell), so opening another file replaces it. */
let sharedClient: CheckWorkerClient | null = null;

function createWorkerFileSource({ fileName, load }: FileSourceOptions): WorkbookSource {
  const client = (sharedClient ??= new CheckWorkerClient());
  let checkedId: number | null = null;

  const check = async ({ signal, onProgress, settings }: CheckRequest): Promise<CheckOutcome> => {
    onProgress({ phase: "reading", fraction: null });
    checkedId = null;
    try {
      const bytes = await load(signal);
      if (signal.aborted) return { status: "cancelled" };
      // Transfer a copy when the bytes are a view of a larger buffer (the page keeps nothing).
      const buffer = (
        bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer
      ) as ArrayBuffer;
      const reply = await client.request((id) => ({ type: "check", id, fileName, bytes: buffer, settings }), [buffer], {
        signal,
        onProgress: (message) => onProgress(message.progress),
      });
      if (signal.aborted) return { status: "cancelled" };
      if (reply.type === "refused") return { status: "refused", reason: reply.reason };
      if (reply.type !== "done") return { status: "refused", reason: "The checker gave an answer the page did not expect." };
      checkedId = reply.id;
      const { rules, principleTitles, docPaths } = reply.catalogue;
      const catalogue = createRuleCatalogue(rules, principleTitles, (id) => docPaths[id] ?? "");
      const id = reply.id;
      const records = async () => {
        const answer = await client.request((requestId) => ({ type: "records", id: requestId, modelId: id }), []);
        if (answer.type !== "records" || !answer.records)
          throw new Error("Check the workbook again, then compare it with the previous return.");
        return answer.records;
      };
      return { status: "done", result: { report: reply.report, data: reply.data, catalogue, readerNotes: reply.readerNotes, records } };
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return { status: "cancelled" };
      return { status: "refused", reason: errorLine(error) };
    }
  };

  const goToCell = async (sheet: string, address: string): Promise<GoToOutcome> => {
    const id = checkedId;
    if (id === null) return { kind: "failed", reason: "Check the workbook first, then go to a cell." };
    const reply = await client.request((requestId) => ({ type: "preview", id: requestId, modelId: id, sheet, address }), []);
    if (reply.type !== "preview" || !reply.preview) return { kind: "failed", reason: "Check the workbook again, then go to a cell." };
    return { kind: "preview", preview: reply.preview };
  };

  return { kind: "file", label: fileName, check, goToCell };
}

function createInPageFileSource({ fileName, load }: FileSourceOptions): WorkbookSource {
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

  // Synchronous: the model is already here (the promise is the source's interface, for the worker's sake).
  const goToCell = (sheet: string, address: string): Promise<GoToOutcome> =>
    Promise.resolve(
      lastModel
        ? { kind: "preview", preview: buildCellPreview(lastModel, sheet, address) }
        : { kind: "failed", reason: "Check the workbook first, then go to a cell." },
    );

  return { kind: "file", label: fileName, check, goToCell };
}

export const NO_FILE_YET = "Open a workbook first: choose Open workbook, drop an .xlsx file on this page, or try one of the examples.";

/**
 * A source with no workbook behind it: a check is refused at once with `reason`, and so is Go to
 * cell (with `goToReason`). `unavailable` disables Check workbook and says why beside it.
 */
export function createNothingToCheckSource({
  reason,
  goToReason = reason,
  unavailable,
}: {
  reason: string;
  goToReason?: string;
  unavailable?: string;
}): WorkbookSource {
  return {
    kind: "file",
    label: "No workbook open yet",
    ...(unavailable === undefined ? {} : { unavailable }),
    check: () => Promise.resolve({ status: "refused", reason }),
    goToCell: () => Promise.resolve({ kind: "failed", reason: goToReason }),
  };
}

/** The source before any file is opened: nothing to check yet, and a check says how to open one. */
export function createNoFileSource(): WorkbookSource {
  return createNothingToCheckSource({ reason: NO_FILE_YET, goToReason: "Open a workbook first.", unavailable: NO_FILE_YET });
}

/**
 * Opened from the disk (file://), a page may not fetch the files beside it, so the examples cannot
 * load; said in words a newcomer can act on, instead of the browser's "Failed to fetch".
 */
export const SERVE_THE_PAGE =
  "This page was opened from a file on your disk (file://), and browsers do not let such a page load the example workbooks beside it. Serve it instead: run npm start in the project folder and open the address it prints (http://localhost:3000/index.html), or serve the dist folder with any web server (for example python3 -m http.server -d dist). Opening your own workbook with Open workbook works either way.";

/** Whether a page address is a file on disk rather than served. */
function isFilePage(href: string): boolean {
  return href.startsWith("file:");
}

/** Bytes of a File chosen or dropped by the user. */
export async function fileBytes(file: Blob, signal: AbortSignal): Promise<Uint8Array> {
  const bytes = await blobBytes(file);
  if (signal.aborted) throw new DOMException("Cancelled", "AbortError");
  return bytes;
}

/** Bytes of a same-origin URL (the bundled example). `pageHref`: the page's own address. */
export async function fetchBytes(
  url: string,
  signal: AbortSignal,
  pageHref: string = globalThis.location?.href ?? "",
): Promise<Uint8Array> {
  if (isFilePage(pageHref)) throw new Error(SERVE_THE_PAGE);
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: "same-origin" });
  } catch (error) {
    if (signal.aborted) throw error;
    // fetch says only "Failed to fetch": the server that sent the page is gone (an npm start stopped, say).
    throw new Error("The example workbook could not be loaded: the server this page came from did not answer. Is it still running?");
  }
  if (!response.ok) throw new Error(`The example workbook could not be loaded (the server answered ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}
