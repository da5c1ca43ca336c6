/**
 * Debian's chromium for the browser tests (playwright-core; an npm browser download fails here), with
 * every request to a host other than the local test server refused and recorded, so a page that
 * reached the network fails its test. Without chromium or a build, suites are skipped with a message,
 * except in CI (`CI` set), where they fail.
 */
import * as fs from "fs";
import * as path from "path";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page } from "playwright-core";

import { CHROMIUM, CHROMIUM_ARGS } from "./chromium";
export { CHROMIUM, CHROMIUM_ARGS };
export const ROOT = path.resolve(__dirname, "..", "..");
/** The built pages; VFM_DIST points elsewhere (a build made outside the repository). */
export const DIST = process.env.VFM_DIST ? path.resolve(process.env.VFM_DIST) : path.join(ROOT, "dist");
/** Screenshots and other things a person looks at after a run (git-ignored). */
export const ARTIFACTS = path.join(ROOT, "test-artifacts");

/**
 * `describe`, or `describe.skip` with a warning naming what is missing (the built files given, or
 * chromium) outside CI. In CI nothing is skipped: the suite runs and fails on what is missing.
 */
export function describeInBrowser(what: string, builtFiles: string[]): { suite: jest.Describe; missing: string[] } {
  const missing = [
    ...builtFiles.filter((file) => !fs.existsSync(path.join(DIST, file))).map((file) => `dist/${file} (run \`npm run build\` first)`),
    fs.existsSync(CHROMIUM) ? null : `${CHROMIUM} (apt-get install -y chromium)`,
  ].filter((item): item is string => item !== null);
  const skip = missing.length > 0 && !process.env.CI;
  if (skip) console.warn(`Skipping ${what}: missing ${missing.join("; ")}.`);
  return { suite: skip ? describe.skip : describe, missing };
}

export interface TestBrowser {
  browser: Browser;
  context: BrowserContext;
  /** Requests the pages tried to send to another host (refused). */
  foreignRequests: string[];
}

/** Chromium with one context whose pages may reach only 127.0.0.1 (and file: URLs). */
export async function launchTestBrowser(viewport = { width: 1100, height: 900 }): Promise<TestBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport });
  const foreignRequests: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.protocol === "file:") return route.continue();
    foreignRequests.push(url.href);
    return route.abort("blockedbyclient");
  });
  return { browser, context, foreignRequests };
}

export function saveArtifactPath(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/** Waits for a finished check on the pane or the page: the summary, and the target panel's chart drawn. */
export async function waitForResults(page: Page): Promise<void> {
  await page.getByTestId("summary").waitFor({ timeout: 60_000 });
  const panel = page.getByTestId("target-panel");
  await panel.getByText("Loading the chart").waitFor({ state: "detached", timeout: 30_000 });
  await panel.locator("svg").first().waitFor({ timeout: 30_000 });
}

/** Waits (up to `timeoutMs`) for a condition on something the test records, such as the workers a page started. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  for (const started = Date.now(); !condition();) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
