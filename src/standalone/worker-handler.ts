/**
 * What the standalone page's check worker does with each message (check-worker.ts wires it to the
 * worker's `self`; tests call it directly, in Node). It reads an .xlsx and checks it with the same
 * checkModel the in-page path and the Excel pane use, and keeps the last workbook it read, for "Go to
 * cell" and Compare: the model stays here, because copying a large model back would itself block the page.
 * For the roll-up over several returns it reduces each file to its consolidated row (consolidate.ts).
 */
import { CATALOGUE, checkModel } from "../taskpane/check-model";
import { buildCellPreview } from "../taskpane/cell-preview";
import { errorText } from "../core/text/errors";
import { recordsOfModel } from "../core/review/return-records";
import { consolidatedReturnOfModel, unreadableReturn, type ConsolidatedReturn } from "../core/review/consolidate";
import { PRINCIPLES } from "../core/validate/types";
import type { WorkbookModel } from "../core/workbook/model";
import type { CatalogueData, FromWorker, ToWorker } from "./worker-protocol";

let catalogue: CatalogueData | null = null;

/** The rule catalogue as plain data: the rules themselves hold functions, which cannot cross to the page. */
function catalogueData(): CatalogueData {
  catalogue ??= {
    rules: CATALOGUE.rules.map(({ id, principle, severity, title, why, fix, judgement, messages }) => ({
      id,
      principle,
      severity,
      title,
      why,
      fix,
      judgement,
      messages,
    })),
    principleTitles: Object.fromEntries(PRINCIPLES.map((key) => [key, CATALOGUE.principleTitle(key)])) as CatalogueData["principleTitles"],
    docPaths: Object.fromEntries(CATALOGUE.rules.map((rule) => [rule.id, CATALOGUE.docPath(rule.id)])),
  };
  return catalogue;
}

/** A handler for one worker: `post` sends a message to the page. */
export function createWorkerHandler(post: (message: FromWorker) => void): (message: ToWorker) => Promise<void> {
  let lastModel: { id: number; model: WorkbookModel; fileName: string } | null = null;

  async function check(message: Extract<ToWorker, { type: "check" }>): Promise<FromWorker> {
    const { id, fileName, settings } = message;
    lastModel = null;
    // The reader's own chunk (the one the page's other uses share), fetched inside the worker.
    const { readXlsx } = await import(/* webpackChunkName: "xlsx-reader" */ "../adapters/xlsx/read");
    const read = await readXlsx(new Uint8Array(message.bytes), {
      fileName,
      onProgress: (fraction) => post({ type: "progress", id, progress: { phase: "reading", fraction } }),
    });
    if (!read.ok) return { type: "refused", id, reason: read.reason };
    post({ type: "progress", id, progress: { phase: "checking", fraction: null } });
    const { report, data, readerNotes } = checkModel(read.model, { file: fileName, settings, readerNotes: read.warnings });
    lastModel = { id, model: read.model, fileName };
    return { type: "done", id, report, data, readerNotes, catalogue: catalogueData() };
  }

  /** A return's row for the roll-up: as `vfm consolidate` makes it; a file it cannot read or check is a row with the reason. */
  async function consolidateOne(message: Extract<ToWorker, { type: "consolidate" }>): Promise<ConsolidatedReturn> {
    const { fileName } = message;
    try {
      const { readXlsx } = await import(/* webpackChunkName: "xlsx-reader" */ "../adapters/xlsx/read");
      const read = await readXlsx(new Uint8Array(message.bytes), { fileName });
      if (!read.ok) return unreadableReturn(fileName, read.reason);
      return consolidatedReturnOfModel(read.model, { file: fileName });
    } catch (error) {
      return unreadableReturn(fileName, errorText(error) || "This workbook could not be checked.");
    }
  }

  const modelFor = (modelId: number) => (lastModel && lastModel.id === modelId ? lastModel : null);

  return async (message) => {
    if (message.type === "check") {
      let reply: FromWorker;
      try {
        reply = await check(message);
      } catch (error) {
        reply = { type: "refused", id: message.id, reason: errorText(error) || "This workbook could not be checked." };
      }
      post(reply);
    } else if (message.type === "consolidate") {
      post({ type: "return", id: message.id, row: await consolidateOne(message) });
    } else if (message.type === "records") {
      const found = modelFor(message.modelId);
      post({ type: "records", id: message.id, records: found ? recordsOfModel(found.model, found.fileName) : null });
    } else if (message.type === "preview") {
      const found = modelFor(message.modelId);
      post({ type: "preview", id: message.id, preview: found ? buildCellPreview(found.model, message.sheet, message.address) : null });
    }
  };
}
