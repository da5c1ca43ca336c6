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
import { DIST, describeInBrowser, launchTestBrowser, saveArtifactPath, waitForResults } from "../support/browser";
import type { TestBrowser } from "../support/browser";

const { suite, missing } = describeInBrowser("the first-use browser test", [
  "index.html",
  "examples/northmoor-police.xlsx",
  "examples/northmoor-police-seeded.xlsx",
]);

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

  const results = () => waitForResults(page);

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
    expect(await page.locator("[data-rule]").count()).toBeGreaterThan(5);
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

  describe("at 320 pixels, Excel's narrowest pane", () => {
    beforeAll(async () => {
      await page.setViewportSize({ width: 320, height: 900 });
      await page.goto(`${server.url}index.html?example=northmoor-police-seeded`);
      await results();
    });
    afterAll(() => page.setViewportSize({ width: 1100, height: 900 }));

    test("no figure breaks inside a number, in any table or panel", async () => {
      const broken = await page.evaluate(() => {
        const found: string[] = [];
        const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? "";
          for (const match of text.matchAll(/£?\d[\d,.]*\d(?:%|m|k|bn)?/g)) {
            const range = document.createRange();
            range.setStart(node, match.index!);
            range.setEnd(node, match.index! + match[0].length);
            const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (tops.size > 1) found.push(match[0]);
          }
        }
        return found;
      });
      expect(broken).toEqual([]);
    });

    test("table headers wrap between words, never inside one", async () => {
      const splitWords = await page.locator("main th").evaluateAll((cells) =>
        cells.flatMap((cell) => {
          const words: string[] = [];
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of (node.textContent ?? "").matchAll(/\S+/g)) {
              const range = document.createRange();
              range.setStart(node, match.index!);
              range.setEnd(node, match.index! + match[0].length);
              if (new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size > 1)
                words.push(match[0]);
            }
          }
          return words;
        }),
      );
      expect(splitWords).toEqual([]);
    });

    test("the chart's legend fits: every series named, none hidden behind '+N more'", async () => {
      const panel = page.getByTestId("target-panel");
      expect(await panel.getByText(/\+\d+ more/).count()).toBe(0);
      const legends = panel.getByRole("listbox", { name: "Legends" }).getByRole("option");
      expect(await legends.allTextContents()).toEqual(["Actual", "Planned", "Target by year end"]);
      for (const legend of await legends.all()) {
        expect(await legend.isVisible()).toBe(true);
        const box = (await legend.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(320);
      }
    });

    test("the chart shows the whole target path, quarters as 'Q1 2026-27' and money in £ in its tooltip and accessible text", async () => {
      const panel = page.getByTestId("target-panel");
      const ticks = await panel.locator("svg text").evaluateAll((texts) => texts.map((text) => text.textContent ?? ""));
      expect(ticks).toContain("Q1 2026-27");
      // The period runs to 2028-29, though only two quarters of 2026-27 are reported.
      expect(ticks).toContain("Q4 2028-29");
      expect(ticks.join(" ")).not.toMatch(/\d{2}\/\d{2}\/\d{4}|GMT|UTC/);
      const labels = await panel.locator("svg [aria-label]").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("aria-label") ?? ""));
      expect(labels).toContain("Q1 2026-27. Actual: £950,000.");
      expect(labels.join(" ")).not.toMatch(/\d{2}\/\d{2}\/\d{4}|, \d{4,}\./);
      // The tooltip of a point says the same.
      const point = panel.locator('svg [aria-label="Q1 2026-27. Actual: £950,000."]').first();
      await point.hover({ force: true });
      const tooltip = page.getByText("£950,000", { exact: true }).first();
      await tooltip.waitFor({ timeout: 10_000 });
      const callout = await page.locator("body").innerText();
      expect(callout).toContain("Q1 2026-27");
      expect(callout).not.toMatch(/06\/30\/2026|12:00:00 AM/);
    });

    test("series differ by more than colour: dashes and marker shapes", async () => {
      const panel = page.getByTestId("target-panel");
      const dashes = await panel
        .locator("svg [stroke-dasharray]")
        .evaluateAll((paths) => [...new Set(paths.map((p) => p.getAttribute("stroke-dasharray")))]);
      expect(dashes).toEqual(expect.arrayContaining(["6 3", "2 3"]));
      // A marker shape per series (circle, square, triangle), shown in the legend as well as on the points.
      const shapes = await panel
        .getByRole("listbox", { name: "Legends" })
        .getByRole("option")
        .evaluateAll((options) => options.map((option) => option.querySelector("path")?.getAttribute("d") ?? ""));
      expect(new Set(shapes).size).toBe(3);
    });

    test("a print stylesheet lays the findings and the target panel out for paper, without the controls", async () => {
      await page.emulateMedia({ media: "print" });
      try {
        expect(await page.getByRole("button", { name: "Check workbook" }).isVisible()).toBe(false);
        expect(await page.getByRole("button", { name: "Try the faulty example" }).isVisible()).toBe(false);
        expect(await page.getByRole("button", { name: "Go to cell" }).first().isVisible()).toBe(false);
        expect(await page.getByTestId("target-panel").isVisible()).toBe(true);
        expect(await page.locator("[data-rule]").first().isVisible()).toBe(true);
        expect(
          await page
            .locator("[data-rule]")
            .first()
            .evaluate((el) => getComputedStyle(el).breakInside),
        ).toBe("avoid");
        await page.pdf({ path: saveArtifactPath("northmoor-police-seeded-print.pdf"), format: "A4" });
        await page.screenshot({ path: saveArtifactPath("northmoor-police-seeded-print-320.png"), fullPage: true });
      } finally {
        await page.emulateMedia({ media: "screen" });
      }
    });
  });

  test("no request left the machine and the page raised no script error", () => {
    expect(test_.foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
