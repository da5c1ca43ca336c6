/**
 * Pane benchmark: time from navigation of dist/index.html?example=northmoor-police to the first
 * principle tile or finding in the page, in headless chromium. The page records the moment itself
 * (a MutationObserver installed before any script runs, timed with performance.now(), whose zero is
 * the start of navigation), so the figure does not include the test driver's polling.
 *
 * Needs `npm run build` and /usr/bin/chromium. Part of `npm run bench`.
 */
import * as fs from "fs";
import * as path from "path";
import { chromium } from "playwright-core";
import { startStaticServer } from "../test/support/static-server";
import { repositoryRoot } from "../test/support/repository-root";

export const DIST = path.join(repositoryRoot(), "dist");
import { CHROMIUM, CHROMIUM_ARGS } from "../test/support/chromium";
export { CHROMIUM, CHROMIUM_ARGS };
/** Navigations measured; the median is reported. The first load of a fresh browser is one of them. */
const RUNS = 5;

declare global {
  interface Window {
    __vfmFirstFindingsMs?: number;
  }
}

export async function runPaneBench(): Promise<{ firstFindingsMs: number }> {
  if (!fs.existsSync(path.join(DIST, "index.html"))) throw new Error("dist/index.html is missing: run `npm run build` first.");
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with apt-get install -y chromium.`);
  const server = await startStaticServer(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    // Nothing but the local server: the figure must not depend on the network.
    await context.route("**/*", (route) => (new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort()));
    await context.addInitScript(() => {
      const seen = () => document.querySelector("[data-principle], [data-rule]") !== null;
      const observer = new MutationObserver(() => {
        if (window.__vfmFirstFindingsMs === undefined && seen()) {
          window.__vfmFirstFindingsMs = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await context.newPage();
      await page.goto(`${server.url}index.html?example=northmoor-police`);
      await page.waitForFunction(() => window.__vfmFirstFindingsMs !== undefined, undefined, { timeout: 60_000 });
      times.push(await page.evaluate(() => window.__vfmFirstFindingsMs as number));
      await page.close();
    }
    times.sort((a, b) => a - b);
    return { firstFindingsMs: Math.round(times[Math.floor(times.length / 2)]) };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (require.main === module) {
  runPaneBench().then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(`pane bench: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
