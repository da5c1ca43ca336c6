/**
 * The built Excel pane (dist/taskpane.html, exactly as Excel loads it) in Debian's chromium, with a
 * simulated Office host served as office.js (#11): the Office adapter tests' mock workbook
 * (test/support/office-mock.ts, on office-addin-mock) bundled for the page, holding an example
 * workbook. Proves that the pane boots through Office.onReady, checks the workbook it is given in the
 * round trips docs/pane.md documents, without writing, that Go to cell selects the finding's range on
 * its sheet, that Write report adds one new sheet and writes nowhere else, and that the custom
 * functions start in the same page. Keeps screenshots of both examples
 * at 320 px (Excel's narrowest pane) and 1000 px in test-artifacts/.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { mockSpecFromModel } from "../support/office-mock";
import type { SimulatedHost, SimulatedWorkbook } from "../support/office-host.browser";
import { OFFICE_JS_URL, buildSimulatedOfficeJs } from "../support/office-host";
import type { AssociatedFunction } from "../support/custom-functions-runtime";
import { startStaticServer } from "../support/static-server";
import type { StaticServer } from "../support/static-server";
import { DIST, ROOT, describeInBrowser, launchTestBrowser, saveArtifactPath, waitForResults } from "../support/browser";
import type { TestBrowser } from "../support/browser";

const { suite, missing } = describeInBrowser("the task pane bundle browser test", ["taskpane.html", "functions.json"]);

jest.setTimeout(120_000);

const EXAMPLES = ["northmoor-police", "northmoor-police-seeded"] as const;
type Example = (typeof EXAMPLES)[number];

/** The round trips docs/pane.md promises, read from its words so the two cannot drift apart. */
function documentedRoundTrips(): { check: number; goToCell: number } {
  const text = fs.readFileSync(path.join(ROOT, "docs", "pane.md"), "utf8").replace(/\s+/g, " ");
  const check = /\*\*Check workbook\*\* makes \*\*(\d+) round trips\*\* for a workbook of up to 40,000 used cells/.exec(text);
  const goTo = /\*\*Go to cell\*\* makes \*\*(\d+) round trips\*\*/.exec(text);
  if (!check || !goTo) throw new Error("docs/pane.md no longer states the pane's round trips (section 'Round trips to Excel')");
  return { check: Number(check[1]), goToCell: Number(goTo[1]) };
}

/** What the seeded example must show, and where each defect is. */
const SEEDED_DEFECTS = (
  JSON.parse(fs.readFileSync(path.join(ROOT, "examples", "seeded-defects.json"), "utf8")) as {
    defects: Array<{ rule: string; sheet: string; cell: string }>;
  }
).defects;

type HostWindow = { __vfmHost: SimulatedHost; __associated: AssociatedFunction[] };

suite("the built taskpane.html in a browser with a simulated Office host", () => {
  let server: StaticServer;
  let test_: TestBrowser;
  let officeJs: string;
  const workbooks = new Map<Example, SimulatedWorkbook>();
  const pageErrors: string[] = [];
  const roundTrips = documentedRoundTrips();

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`Cannot run the task pane bundle browser test: missing ${missing.join("; ")}.`);
    officeJs = await buildSimulatedOfficeJs();
    for (const example of EXAMPLES) {
      const read = await readXlsx(new Uint8Array(fs.readFileSync(path.join(ROOT, "examples", `${example}.xlsx`))));
      if (!read.ok) throw new Error(`examples/${example}.xlsx: ${read.reason}`);
      workbooks.set(example, { spec: mockSpecFromModel(read.model), url: `https://northmoor.sharepoint.example/finance/${example}.xlsx` });
    }
    server = await startStaticServer(DIST);
    test_ = await launchTestBrowser();
  });

  afterAll(async () => {
    await test_?.browser.close();
    await server?.close();
  });

  /** A new page holding the pane inside the simulated Excel, with `example` open; waits for the pane to draw. */
  async function openPane(example: Example, width = 1000): Promise<Page> {
    const page = await test_.context.newPage();
    page.on("pageerror", (error) => pageErrors.push(`${example}: ${error.message}`));
    await page.setViewportSize({ width, height: 900 });
    await page.addInitScript((workbook) => {
      (window as unknown as { __vfmWorkbook: SimulatedWorkbook }).__vfmWorkbook = workbook;
    }, workbooks.get(example)!);
    await page.route(OFFICE_JS_URL, (route) => route.fulfill({ contentType: "text/javascript", body: officeJs }));
    await page.goto(`${server.url}taskpane.html`);
    // The pane, or the one-line message start-excel.tsx shows when it cannot start (said, not timed out on).
    const checkButton = page.getByRole("button", { name: "Check workbook" });
    const cannotStart = page.locator("#root > p[role=alert]");
    await checkButton.or(cannotStart).first().waitFor({ timeout: 60_000 });
    if (await cannotStart.isVisible()) throw new Error(`The pane did not start: ${await cannotStart.innerText()}`);
    return page;
  }

  const host = (page: Page) =>
    page.evaluate(() => {
      const { workbook, readyCalls } = (window as unknown as HostWindow).__vfmHost;
      return {
        syncCount: workbook.syncCount,
        calls: [...workbook.calls],
        writes: workbook.writes.length,
        writeTargets: [...new Set(workbook.writes.map((write) => write.target))],
        sheets: workbook.sheets.map((sheet) => sheet.name),
        loads: workbook.loads.length,
        readyCalls,
      };
    });

  async function check(page: Page): Promise<void> {
    await page.getByRole("button", { name: "Check workbook" }).click();
    await waitForResults(page);
  }

  test("boots through Office.onReady, starts the custom functions in the same page, and reads nothing until asked", async () => {
    const page = await openPane("northmoor-police-seeded");
    try {
      expect(await page.locator("#root").innerText()).not.toMatch(/Loading VfM Checker|could not start|works only inside Excel/);
      const state = await host(page);
      expect(state.readyCalls).toBeGreaterThan(0);
      expect(state).toMatchObject({ syncCount: 0, loads: 0, writes: 0, calls: [] });
      const metadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as { functions: Array<{ id: string }> };
      const associated = await page.evaluate(() => (window as unknown as HostWindow).__associated);
      expect(associated.map((entry) => entry.id).sort()).toEqual(metadata.functions.map((fn) => fn.id).sort());
    } finally {
      await page.close();
    }
  });

  test("checks the faulty example in the documented round trips, writes nothing, and shows each seeded defect", async () => {
    const page = await openPane("northmoor-police-seeded");
    try {
      await check(page);
      expect(await host(page)).toMatchObject({ syncCount: roundTrips.check, writes: 0, calls: [] });
      expect(await page.getByTestId("summary").innerText()).toMatch(/\d+ errors?/);
      const shown = new Set(await page.locator("[data-rule]").evaluateAll((elements) => elements.map((e) => e.getAttribute("data-rule"))));
      expect(SEEDED_DEFECTS.map((defect) => defect.rule).filter((rule) => !shown.has(rule))).toEqual([]);

      // Go to cell activates the finding's sheet and selects its cell, in the documented round trips.
      let syncs = roundTrips.check;
      for (const defect of SEEDED_DEFECTS.filter((d) => d.rule === "ii.budget-line" || d.rule === "i.basis-stated")) {
        const before = (await host(page)).calls.length;
        await page
          .locator(`[data-rule="${defect.rule}"]`)
          .getByRole("button", { name: `Go to cell ${defect.sheet}!${defect.cell}` })
          .click();
        syncs += roundTrips.goToCell;
        await page.waitForFunction((count) => (window as unknown as HostWindow).__vfmHost.workbook.syncCount >= count, syncs);
        const state = await host(page);
        expect(state.calls.slice(before)).toEqual([`activate ${defect.sheet}`, `select ${defect.sheet}!${defect.cell}`]);
        expect(state).toMatchObject({ syncCount: syncs, writes: 0 });
      }
      expect(syncs).toBe(roundTrips.check + 2 * roundTrips.goToCell);
    } finally {
      await page.close();
    }
  });

  test("Write report, when asked, adds one new sheet with the findings and changes no other sheet", async () => {
    const page = await openPane("northmoor-police-seeded");
    try {
      await check(page);
      const sheetsBefore = (await host(page)).sheets;
      await page.getByRole("button", { name: "Write report" }).click();
      await page.getByText(/findings to the new sheet "VfM report"/).waitFor({ timeout: 30_000 });
      const state = await host(page);
      expect(state.sheets).toEqual([...sheetsBefore, "VfM report"]);
      expect(state.calls.filter((call) => call.startsWith("add sheet"))).toEqual(["add sheet VfM report"]);
      expect(state.writeTargets.length).toBeGreaterThan(0);
      expect(state.writeTargets.filter((target) => !/^'VfM report'!|^table (Table\d+|tblVfmReport)$/.test(target))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  for (const example of EXAMPLES) {
    for (const width of [320, 1000]) {
      test(`checks ${example} at ${width} px in the documented round trips, fits the width, and keeps a screenshot`, async () => {
        const page = await openPane(example, width);
        try {
          await check(page);
          expect((await host(page)).syncCount).toBe(roundTrips.check);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow).toBeLessThanOrEqual(0);
          await page.screenshot({ path: saveArtifactPath(`taskpane-${example}-${width}.png`), fullPage: true });
        } finally {
          await page.close();
        }
      });
    }
  }

  test("no request left the machine and the pane raised no script error", () => {
    expect(test_.foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
