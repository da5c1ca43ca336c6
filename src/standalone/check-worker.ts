/**
 * The standalone page's check worker: reads an .xlsx and checks it off the page's thread, so the
 * page stays responsive (and its Cancel button works) however large or hostile the file. What it
 * does with each message is worker-handler.ts. Cancelling ends the worker (the page starts a new
 * one), which stops even a long synchronous step at once.
 */
import { createWorkerHandler } from "./worker-handler";
import type { FromWorker, ToWorker } from "./worker-protocol";

interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = createWorkerHandler((message) => scope.postMessage(message));
scope.onmessage = (event) => void handle(event.data);
// Every request reads a workbook: fetch the reader's chunk now, while the page is still sending the first one.
void import(/* webpackChunkName: "xlsx-reader" */ "../adapters/xlsx/read").catch(() => undefined);
