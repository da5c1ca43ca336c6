/**
 * End to end: "Compare with previous return" on the built standalone page (dist/index.html) in Debian's
 * chromium: the example opened from the address, its previous return chosen, and the changes shown,
 * with the reader and the comparison fetched as lazy chunks and nothing leaving 127.0.0.1. Needs
 * `npm run build` first and /usr/bin/chromium; in CI a missing one fails the test, elsewhere the test
 * is skipped with a message.
 */
import * as fs from "fs";
import * as path from "path";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { startStaticServer, type StaticServer } from "../support/static-server";

const ROOT = path.resolve(__dirname, "../..");
const DIST = process.env.VFM_DIST ? path.resolve(process.env.VFM_DIST) : path.join(ROOT, "dist");
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
const PREVIOUS = path.join(ROOT, "examples", "northmoor-police-q1.xlsx");

const missing = [
  fs.existsSync(path.join(DIST, "index.html")) ? null : "dist/index.html (run `npm run build` first)",
  fs.existsSync(CHROMIUM) ? null : `${CHROMIUM} (apt-get install -y chromium)`,
].filter((item): item is string => item !== null);
const inCI = Boolean(process.env.CI);
if (missing.length > 0 && !inCI) console.warn(`Skipping the compare end-to-end test: missing ${missing.join("; ")}.`);
const suite = missing.length > 0 && !inCI ? describe.skip : describe;

jest.setTimeout(120_000);

suite("Compare with previous return, on the standalone page in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const foreign: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`Cannot run the compare end-to-end test: missing ${missing.join("; ")}.`);
    server = await startStaticServer(DIST);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1") return route.continue();
      foreign.push(url.href);
      return route.abort("blockedbyclient");
    });
    page = await context.newPage();
    page.on("pageerror", (error) => errors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("the example, compared with its Q1 return: the changes, grouped", async () => {
    await page.goto(new URL("index.html?example=northmoor-police", server.url).href);
    await page.getByRole("heading", { name: "Compare with previous return" }).waitFor({ timeout: 60_000 });
    const chunks: string[] = [];
    page.on("request", (request) => chunks.push(new URL(request.url()).pathname));
    await page.getByTestId("compare-file").setInputFiles(PREVIOUS);
    const changes = page.getByTestId("compare-changes");
    await changes.waitFor({ timeout: 60_000 });
    const text = await changes.innerText();
    expect(text).toContain("What changed: northmoor-police-q1.xlsx (as at 31/07/2026) → northmoor-police.xlsx (as at 31/10/2026)");
    expect(text).toContain("Gains added (1)");
    expect(text).toContain("G05 Digital case files: officer time released to patrol: £800,000 moved to later years");
    expect(text).toContain("Q1 2026-27 actual: £900,000 → £950,000 (+£50,000)");
    // The comparison came in its own chunk; outside Excel there is no sheet to write to.
    expect(chunks.some((p) => /\/compare\.[0-9a-f]+\.js$/.test(p))).toBe(true);
    expect(await page.getByRole("button", { name: "Write changes to a sheet" }).count()).toBe(0);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});
