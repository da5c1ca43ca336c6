/**
 * Standalone page responsiveness: the longest main-thread task (Long Tasks API: PerformanceObserver
 * "longtask", Chromium's tasks over 50 ms) while the built page (dist/index.html) reads and checks a
 * large workbook chosen with "Open workbook", from the moment the file is chosen until the results
 * are shown, and separately until they have been drawn (the page idle for a second). The page reads
 * and checks in a Web Worker, so the goal is no task over 200 ms for a 20 MB workbook; the same page
 * with Worker taken away (it then reads and checks on its own thread, in steps) is measured beside it.
 *
 * Needs `npm run build` and /usr/bin/chromium. Part of `npm run bench`; on its own:
 * node build-bench/bench/page-longtask.js WORKBOOK.xlsx
 */
import * as fs from "fs";
import * as path from "path";
import { chromium } from "playwright-core";
import { startStaticServer } from "../test/support/static-server";
import { CHROMIUM, CHROMIUM_ARGS, DIST } from "./pane";

export interface LongTaskFigure {
  fileMB: number;
  /** Whether the page had Web Workers (false: Worker removed, so it checked on its own thread). */
  worker: boolean;
  /** Longest main-thread task between choosing the file and the results shown, in ms (0: none over 50 ms). */
  longestTaskMs: number;
  /** Main-thread tasks over 50 ms in that time. */
  longTasks: number;
  /** Longest main-thread task from choosing the file until the results are drawn and the page is idle, in ms. */
  longestWithRenderingMs: number;
  /** Choosing the file to the results shown (or the notice saying why there are none), in ms. */
  checkMs: number;
  /** "results", or the notice the page showed instead (the check's 20 s limit, say). */
  outcome: string;
}

declare global {
  interface Window {
    __vfmLongTasks?: Array<{ start: number; duration: number }>;
  }
}

/** Waits for the results or a notice saying why there are none (a refused file is not a figure). */
const RESULTS = "[data-principle], [data-rule], [data-testid='notice']";

export async function runLongTaskBench(workbook: string, options: { worker?: boolean; timeoutMs?: number } = {}): Promise<LongTaskFigure> {
  const worker = options.worker ?? true;
  if (!fs.existsSync(path.join(DIST, "index.html"))) throw new Error("dist/index.html is missing: run `npm run build` first.");
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with apt-get install -y chromium.`);
  const server = await startStaticServer(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    await context.route("**/*", (route) => (new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort()));
    await context.addInitScript((keepWorker: boolean) => {
      if (!keepWorker) delete (window as { Worker?: unknown }).Worker;
      window.__vfmLongTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__vfmLongTasks?.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: "longtask", buffered: true });
    }, worker);
    const page = await context.newPage();
    await page.goto(`${server.url}index.html`);
    await page.getByLabel("Open workbook", { exact: true }).waitFor();
    // Let start-up settle, so its own tasks are not counted.
    await page.waitForTimeout(1000);
    const chosenAt = await page.evaluate(() => performance.now());
    await page.getByLabel("Open workbook", { exact: true }).setInputFiles(workbook);
    await page.waitForSelector(RESULTS, { timeout: options.timeoutMs ?? 600_000 });
    const shownAt = await page.evaluate(() => performance.now());
    const notice =
      (await page.getByTestId("notice").count()) > 0 ? (await page.getByTestId("notice").innerText()).replace(/\s+/g, " ") : null;
    // With the worker, a refusal is no figure; without it, the longest task up to the refusal is.
    if (notice !== null && worker) throw new Error(`the page did not check ${path.basename(workbook)}: ${notice}`);
    // Drawing the results: wait until a second passes with no new long task.
    for (let seen = -1; ;) {
      await page.waitForTimeout(1000);
      const count = await page.evaluate(() => window.__vfmLongTasks?.length ?? 0);
      if (count === seen) break;
      seen = count;
    }
    const tasks = await page.evaluate((from) => (window.__vfmLongTasks ?? []).filter((t) => t.start + t.duration >= from), chosenAt);
    const during = tasks.filter((t) => t.start <= shownAt);
    const longest = (list: typeof tasks) => Math.round(Math.max(0, ...list.map((t) => t.duration)));
    return {
      fileMB: Math.round((fs.statSync(workbook).size / (1024 * 1024)) * 10) / 10,
      worker,
      longestTaskMs: longest(during),
      longTasks: during.length,
      longestWithRenderingMs: longest(tasks),
      checkMs: Math.round(shownAt - chosenAt),
      outcome: notice ?? "results",
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: node build-bench/bench/page-longtask.js WORKBOOK.xlsx [--no-worker]");
    process.exit(2);
  }
  runLongTaskBench(file, { worker: !process.argv.includes("--no-worker") }).then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(`page bench: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
