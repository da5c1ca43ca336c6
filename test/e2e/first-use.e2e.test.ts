/**
 * What a newcomer meets on the built standalone page (#11), in Debian's chromium: both examples by
 * button and by address, the faulty one with findings and Go to cell, Check workbook disabled until
 * there is a workbook, and the page opened from disk (file://) explaining how to serve it. Keeps
 * screenshots of both examples at 320 px (Excel's narrowest pane) and 1000 px in test-artifacts/.
 */
import * as path from "path";
import type { Page } from "playwright-core";
import { startStaticServer } from "../support/static-server";
import type { StaticServer } from "../support/static-server";
import { DIST, describeInBrowser, launchTestBrowser, saveArtifactPath } from "../support/browser";
import type { TestBrowser } from "../support/browser";

const { suite, missing } = describeInBrowser("the first-use browser test", ["index.html", "examples/northmoor-police.xlsx", "examples/northmoor-police-seeded.xlsx"]);

jest.setTimeout(120_000);

suite("first use of the standalone page", () => {
  let server: StaticServer;
  let test_: TestBrowser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`Cannot run the first-use browser test: missing ${missing.join("; ")}.`);
    server = await startStaticServer(DIST);
    test_ = await launchTestBrowser();
    page = await test_.context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await test_?.browser.close();
    await server?.close();
  });

  async function results(): Promise<void> {
    await page.getByTestId("summary").waitFor({ timeout: 60_000 });
    const panel = page.getByTestId("target-panel");
    await panel.getByText("Loading the chart").waitFor({ state: "detached", timeout: 30_000 });
    await panel.locator("svg").first().waitFor({ timeout: 30_000 });
  }

  test("before a workbook is opened, Check workbook is disabled and says why", async () => {
    await page.goto(`${server.url}index.html`);
    const check = page.getByRole("button", { name: "Check workbook" });
    await check.waitFor();
    expect(await check.isDisabled()).toBe(true);
    expect(await page.getByTestId("check-unavailable").innerText()).toMatch(/^Open a workbook first/);
    expect(await check.getAttribute("aria-describedby")).toBe("vfm-check-unavailable");
  });

  test("the faulty example opens from its address, with errors and Go to cell", async () => {
    await page.goto(`${server.url}index.html?example=northmoor-police-seeded`);
    await results();
    expect(await page.getByTestId("summary").innerText()).toMatch(/\d+ errors?/);
    const goTo = page.getByRole("button", { name: "Go to cell" }).first();
    await goTo.click();
    const view = page.getByTestId("cell-view");
    await view.waitFor();
    expect(await view.locator('[data-target="true"]').count()).toBeGreaterThan(0);
  });

  test("both examples open by button", async () => {
    await page.goto(`${server.url}index.html`);
    await page.getByRole("button", { name: "Try the faulty example" }).click();
    await results();
    expect(await page.locator("header").innerText()).toContain("northmoor-police-seeded.xlsx");
    expect(await page.locator('[data-rule]').count()).toBeGreaterThan(5);
    await page.getByRole("button", { name: "Try the clean example" }).click();
    await page.locator("header").getByText("northmoor-police.xlsx", { exact: true }).waitFor();
    await results();
    expect(await page.getByTestId("summary").innerText()).toMatch(/\b0 errors\b/);
  });

  test("opened from disk (file://), the examples explain how to serve the page instead of 'Failed to fetch'", async () => {
    const local = await test_.context.newPage();
    try {
      await local.goto(`file://${path.join(DIST, "index.html")}`);
      await local.getByRole("button", { name: "Try the clean example" }).click();
      const notice = local.getByTestId("notice");
      await notice.waitFor({ timeout: 30_000 });
      const text = await notice.innerText();
      expect(text).toMatch(/opened from a file on your disk/);
      expect(text).toMatch(/npm start/);
      expect(text).not.toMatch(/Failed to fetch/);
    } finally {
      await local.close();
    }
  });

  for (const example of ["northmoor-police", "northmoor-police-seeded"]) {
    for (const width of [320, 1000]) {
      test(`screenshot: ${example} at ${width} px`, async () => {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${server.url}index.html?example=${example}`);
        await results();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await page.screenshot({ path: saveArtifactPath(`${example}-${width}.png`), fullPage: true });
      });
    }
  }

  test("no request left the machine and the page raised no script error", () => {
    expect(test_.foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
