/**
 * End to end: the built standalone page reads and checks in a Web Worker (src/standalone/check-worker.ts),
 * in Debian's chromium. The results it shows equal those of the same page checking on its own thread
 * (Worker taken away before the page loads, so it takes the in-page path), and Cancel stops even a
 * check stuck in one long synchronous step: the page stays responsive, the worker is ended, and the
 * next check starts a fresh one. Needs `npm run build` and /usr/bin/chromium (skipped outside CI
 * without them, failing in CI).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page, Worker } from "playwright-core";
import { describeInBrowser, launchTestBrowser, ROOT, waitUntil, type TestBrowser } from "../support/browser";
import { startStaticServer, type StaticServer } from "../support/static-server";
import { sharedFormulaBomb } from "../hostile/generators";

const SEEDED = path.join(ROOT, "examples", "northmoor-police-seeded.xlsx");
const { suite } = describeInBrowser("the standalone page's check worker", ["index.html"]);

jest.setTimeout(180_000);

/** What the results show: each tile's text and each finding's rule and text, in order. */
async function shownResults(page: Page): Promise<{ tiles: string[]; findings: string[]; summary: string }> {
  await page.getByTestId("summary").waitFor({ timeout: 90_000 });
  const tiles = await page
    .locator("[data-principle]")
    .evaluateAll((elements) => elements.map((e) => `${e.getAttribute("data-principle")}: ${(e as HTMLElement).innerText}`));
  const findings = await page
    .locator("[data-rule]")
    .evaluateAll((elements) => elements.map((e) => `${e.getAttribute("data-rule")}: ${(e as HTMLElement).innerText}`));
  return { tiles, findings, summary: await page.getByTestId("summary").innerText() };
}

suite("the standalone page's check worker", () => {
  let server: StaticServer;
  let testBrowser: TestBrowser;
  const pageErrors: string[] = [];
  let bombFile: string;

  beforeAll(async () => {
    server = await startStaticServer(path.join(ROOT, "dist"));
    testBrowser = await launchTestBrowser();
    bombFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vfm-worker-")), "formula-bomb.xlsx");
    fs.writeFileSync(bombFile, sharedFormulaBomb());
  });

  afterAll(async () => {
    await testBrowser?.browser.close();
    await server?.close();
    if (bombFile) fs.rmSync(path.dirname(bombFile), { recursive: true, force: true });
  });

  async function newPage(withWorker: boolean): Promise<{ page: Page; workers: Worker[] }> {
    const page = await testBrowser.context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    if (!withWorker) {
      await page.addInitScript(() => {
        delete (window as { Worker?: unknown }).Worker;
      });
    }
    const workers: Worker[] = [];
    page.on("worker", (worker) => workers.push(worker));
    await page.goto(`${server.url}index.html`);
    return { page, workers };
  }

  test("the worker's results equal the page's own-thread check of the same workbook", async () => {
    const inWorker = await newPage(true);
    await inWorker.page.getByLabel("Open workbook", { exact: true }).setInputFiles(SEEDED);
    const fromWorker = await shownResults(inWorker.page);
    expect(inWorker.workers.map((w) => path.basename(new URL(w.url()).pathname))).toEqual([expect.stringMatching(/^check-worker\./)]);

    const inPage = await newPage(false);
    await inPage.page.getByLabel("Open workbook", { exact: true }).setInputFiles(SEEDED);
    const onThread = await shownResults(inPage.page);
    expect(inPage.workers).toEqual([]);

    expect(fromWorker.tiles).toHaveLength(10);
    expect(fromWorker.findings.length).toBeGreaterThan(5);
    expect(fromWorker).toEqual(onThread);

    // Go to cell is answered by the worker, which kept the workbook.
    await inWorker.page.getByRole("button", { name: "Go to cell" }).first().click();
    await inWorker.page.getByTestId("cell-view").waitFor();
    expect(await inWorker.page.getByTestId("cell-view").locator('[data-target="true"]').count()).toBeGreaterThan(0);
    await inWorker.page.close();
    await inPage.page.close();
  });

  test("Cancel stops a check stuck in a long step at once, and the next check starts a fresh worker", async () => {
    const { page, workers } = await newPage(true);
    await page.getByLabel("Open workbook", { exact: true }).setInputFiles(bombFile);
    await page.getByTestId("check-progress").waitFor();
    await waitUntil(() => workers.length === 1, "the check worker to start");
    const closed = new Promise<void>((resolve) => workers[0].once("close", () => resolve()));
    // The page answers while the worker expands the formulas: a click on Cancel is handled now,
    // not after the check (which would then end in "could not be checked", not "cancelled").
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByTestId("notice").waitFor();
    expect(await page.getByTestId("notice").innerText()).toMatch(/Check cancelled/);
    await closed;
    expect(await page.getByTestId("check-progress").count()).toBe(0);

    await page.getByLabel("Open workbook", { exact: true }).setInputFiles(SEEDED);
    const results = await shownResults(page);
    expect(results.tiles).toHaveLength(10);
    expect(workers).toHaveLength(2);
    expect(await page.getByTestId("notice").count()).toBe(0);
    await page.close();
  });

  test("opened with ?example=, the page starts the worker at once and leaves the reader and the validator to it", async () => {
    const page = await testBrowser.context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const workers: Worker[] = [];
    page.on("worker", (worker) => workers.push(worker));
    await page.goto(`${server.url}index.html?example=northmoor-police`);
    expect((await shownResults(page)).tiles).toHaveLength(10);
    expect(workers).toHaveLength(1);
    // The page's own thread fetched the worker's script, never the reader's or the validator's chunk.
    const fetched = await page.evaluate(() =>
      performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname.split("/").pop() ?? ""),
    );
    expect(fetched).toContainEqual(expect.stringMatching(/^check-worker\./));
    expect(fetched.filter((name) => /^(xlsx-reader|check)\./.test(name))).toEqual([]);
    await page.close();
  });

  test("no script error on the page", () => {
    expect(pageErrors).toEqual([]);
    expect(testBrowser.foreignRequests).toEqual([]);
  });
});
