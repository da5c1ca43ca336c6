/**
 * The page's side of a check worker (check-worker.ts), started on first use. Requests carry an id;
 * the worker's progress messages go to the request's `onProgress`, its last word resolves the
 * request. Aborting a request's signal ends the worker at once, whatever it was doing (even a long
 * synchronous step), and answers everything waiting with "Cancelled."; the next request starts a
 * fresh worker.
 */
import type { FromWorker, ToWorker } from "./worker-protocol";

export interface WorkerRequestOptions {
  signal?: AbortSignal;
  onProgress?: (message: Extract<FromWorker, { type: "progress" }>) => void;
}

const CANCELLED = "Cancelled.";

export class CheckWorkerClient {
  private worker: Worker | null = null;
  private starting: Promise<Worker> | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, (message: FromWorker) => void>();

  private async get(): Promise<Worker> {
    if (this.worker) return this.worker;
    this.starting ??= import(/* webpackChunkName: "start-worker" */ "./start-worker").then(({ startCheckWorker }) => {
      const worker = startCheckWorker();
      worker.onmessage = (event: MessageEvent<FromWorker>) => this.waiting.get(event.data.id)?.(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.end(event.message || "The checker stopped unexpectedly.");
      };
      this.worker = worker;
      return worker;
    });
    try {
      return await this.starting;
    } finally {
      this.starting = null;
    }
  }

  /** Ends the worker and answers everything still waiting with `reason`. */
  private end(reason: string): void {
    this.worker?.terminate();
    this.worker = null;
    for (const [id, answer] of [...this.waiting]) answer({ type: "refused", id, reason });
  }

  /** Starts the worker now, without a request: a page that knows it will check at once overlaps its start with its own. */
  warmUp(): void {
    void this.get().catch(() => undefined);
  }

  /** Ends the worker now; what was waiting is answered "Cancelled.". */
  cancel(): void {
    this.end(CANCELLED);
  }

  /** Sends a request and waits for the worker's last word on it. */
  async request(
    make: (id: number) => ToWorker,
    transfer: Transferable[],
    { signal, onProgress }: WorkerRequestOptions = {},
  ): Promise<FromWorker> {
    const id = this.nextId++;
    if (signal?.aborted) return { type: "refused", id, reason: CANCELLED };
    const worker = await this.get();
    if (signal?.aborted) return { type: "refused", id, reason: CANCELLED };
    const message = make(id);
    return new Promise<FromWorker>((resolve) => {
      const onAbort = () => this.cancel();
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiting.set(id, (reply) => {
        if (reply.type === "progress") {
          onProgress?.(reply);
          return;
        }
        this.waiting.delete(id);
        signal?.removeEventListener("abort", onAbort);
        resolve(reply);
      });
      worker.postMessage(message, transfer);
    });
  }
}
