import { ReadFailure } from "./failure";

/**
 * Keeps a long read polite and bounded: between chunks the reader calls `checkpoint()`, which stops
 * the read once the time limit has passed, and every few tens of milliseconds hands control back to
 * the event loop so that, in the browser, the page stays responsive, a Cancel button's AbortSignal
 * is seen and the progress bar moves. Uses only setTimeout and Date (Node and browser alike).
 */
export class Pace {
  private readonly started = Date.now();
  private lastYield = this.started;
  private done = 0;

  constructor(
    private readonly timeoutMs: number,
    private readonly signal: AbortSignal | undefined,
    private readonly onProgress: ((fraction: number) => void) | undefined,
    /** Total amount of work (compressed bytes of the parts to read); progress is `done / total`. */
    private total = 1,
  ) {}

  setTotal(total: number): void {
    this.total = Math.max(1, total);
  }

  /** Records `amount` units of work done (compressed bytes consumed). */
  advance(amount: number): void {
    this.done += amount;
  }

  /** Throws when cancelled or out of time; does not yield. Cheap enough to call per chunk. */
  check(): void {
    if (this.signal?.aborted) throw new ReadFailure("Reading this workbook was cancelled.", true);
    if (Date.now() - this.started > this.timeoutMs) {
      const seconds = Math.round(this.timeoutMs / 1000);
      throw new ReadFailure(
        `Reading this workbook took longer than ${seconds} seconds, the safe limit, so it was stopped. If it is genuine, split it into smaller workbooks.`,
        true,
      );
    }
  }

  /** check(), and yield to the event loop when the last yield was a while ago. */
  async checkpoint(): Promise<void> {
    this.check();
    const now = Date.now();
    if (now - this.lastYield < 40) return;
    this.report();
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    this.lastYield = Date.now();
    this.check();
  }

  report(fraction?: number): void {
    if (!this.onProgress) return;
    const value = fraction ?? Math.min(1, this.done / this.total);
    try {
      this.onProgress(value);
    } catch {
      // A failing progress callback must not break the read.
    }
  }
}
