/**
 * The standalone page's check worker, driven in Node through its message handler: what it sends the
 * page for a workbook equals the main-thread check (readXlsx then checkModel, as the in-page path and
 * the Excel pane do), survives the structured clone postMessage makes, and answers Go to cell and
 * Compare only for the workbook it last checked.
 */
import * as fs from "fs";
import * as path from "path";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { CATALOGUE, checkModel } from "../../src/taskpane/check-model";
import { buildCellPreview } from "../../src/taskpane/cell-preview";
import { recordsOfModel } from "../../src/core/review/return-records";
import { createRuleCatalogue } from "../../src/core/report/rule-info";
import { createWorkerHandler } from "../../src/standalone/worker-handler";
import type { FromWorker, ToWorker } from "../../src/standalone/worker-protocol";
import { corpusWorkbooks } from "../support/corpus";

const EXAMPLES = path.resolve(__dirname, "../../examples");
const WORKBOOKS = [path.join(EXAMPLES, "northmoor-police.xlsx"), path.join(EXAMPLES, "northmoor-police-seeded.xlsx")];

function bytesOf(file: string): ArrayBuffer {
  const data = fs.readFileSync(file);
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

/** A handler with everything it posts recorded, as a page would receive it (structured-cloned). */
function worker() {
  const posted: FromWorker[] = [];
  const handle = createWorkerHandler((message) => posted.push(structuredClone(message)));
  const send = async (message: ToWorker) => {
    const from = posted.length;
    await handle(structuredClone(message));
    return posted.slice(from);
  };
  return { send };
}

function last(messages: FromWorker[]): FromWorker {
  const message = messages[messages.length - 1];
  if (!message) throw new Error("the worker answered nothing");
  return message;
}

describe("the check worker's answer equals the main-thread check", () => {
  test.each(WORKBOOKS.map((file) => [path.basename(file), file]))("%s", async (name, file) => {
    const { send } = worker();
    const messages = await send({ type: "check", id: 7, fileName: name, bytes: bytesOf(file), settings: { reportingDate: "2026-09-30" } });
    const reply = last(messages);
    if (reply.type !== "done") throw new Error(`expected done, got ${JSON.stringify(reply)}`);

    const read = await readXlsx(new Uint8Array(bytesOf(file)), { fileName: name });
    if (!read.ok) throw new Error(read.reason);
    const inPage = checkModel(read.model, { file: name, settings: { reportingDate: "2026-09-30" }, readerNotes: read.warnings });
    expect(reply.id).toBe(7);
    expect(reply.report).toEqual(inPage.report);
    expect(reply.data).toEqual(inPage.data);
    expect(reply.readerNotes).toEqual(inPage.readerNotes);
    expect(reply.report.findings.length).toBeGreaterThan(0);

    // The catalogue rebuilt from the worker's data answers as the page's own would.
    const rebuilt = createRuleCatalogue(reply.catalogue.rules, reply.catalogue.principleTitles, (id) => reply.catalogue.docPaths[id] ?? "");
    for (const rule of CATALOGUE.rules) expect(rebuilt.rule(rule.id)).toEqual(CATALOGUE.rule(rule.id));
    expect(rebuilt.principleTitle("iii")).toBe(CATALOGUE.principleTitle("iii"));

    // Progress: reading (with fractions), then checking, each for this check.
    const progress = messages.filter((m) => m.type === "progress");
    expect(progress.every((m) => m.id === 7)).toBe(true);
    expect(progress[0]).toMatchObject({ progress: { phase: "reading" } });
    expect(progress[progress.length - 1]).toMatchObject({ progress: { phase: "checking", fraction: null } });

    // Go to cell and Compare come from the model the worker kept.
    const finding = reply.report.findings.find((f) => f.sheet && f.cell);
    if (finding?.sheet && finding.cell) {
      const preview = last(await send({ type: "preview", id: 8, modelId: 7, sheet: finding.sheet, address: finding.cell }));
      expect(preview).toEqual({ type: "preview", id: 8, preview: buildCellPreview(read.model, finding.sheet, finding.cell) });
    }
    const records = last(await send({ type: "records", id: 9, modelId: 7 }));
    expect(records).toEqual({ type: "records", id: 9, records: structuredClone(recordsOfModel(read.model, name)) });
  });
});

describe("the check worker on what it cannot check", () => {
  test("a broken workbook is refused with the reader's reason, and Go to cell then has nothing", async () => {
    const broken = corpusWorkbooks("broken");
    expect(broken.length).toBeGreaterThan(0);
    const { send } = worker();
    for (const [index, file] of broken.entries()) {
      const reply = last(await send({ type: "check", id: index + 1, fileName: path.basename(file), bytes: bytesOf(file) }));
      const read = await readXlsx(new Uint8Array(bytesOf(file)), { fileName: path.basename(file) });
      if (read.ok) {
        expect(reply.type).toBe("done");
      } else {
        expect(reply).toEqual({ type: "refused", id: index + 1, reason: read.reason });
        expect(last(await send({ type: "preview", id: 100 + index, modelId: index + 1, sheet: "Gains", address: "A1" }))).toEqual({
          type: "preview",
          id: 100 + index,
          preview: null,
        });
      }
    }
  });

  test("bytes that are not a workbook at all are refused with one line", async () => {
    const { send } = worker();
    const reply = last(await send({ type: "check", id: 1, fileName: "notes.xlsx", bytes: new TextEncoder().encode("not a zip").buffer }));
    expect(reply.type).toBe("refused");
    if (reply.type === "refused") expect(reply.reason).toMatch(/^[^\n]{10,}$/);
  });

  test("Go to cell and Compare answer only for the workbook checked last", async () => {
    const { send } = worker();
    await send({ type: "check", id: 1, fileName: "a.xlsx", bytes: bytesOf(WORKBOOKS[0]) });
    await send({ type: "check", id: 2, fileName: "b.xlsx", bytes: bytesOf(WORKBOOKS[1]) });
    expect(last(await send({ type: "records", id: 3, modelId: 1 }))).toEqual({ type: "records", id: 3, records: null });
    expect(last(await send({ type: "preview", id: 4, modelId: 1, sheet: "Gains", address: "A1" }))).toEqual({
      type: "preview",
      id: 4,
      preview: null,
    });
    const current = last(await send({ type: "records", id: 5, modelId: 2 }));
    expect(current.type === "records" && current.records?.registerFound).toBe(true);
  });
});
