/**
 * End to end: the board pack page of `vfm consolidate --format html`, made from the consolidate
 * fixtures and opened as a file in Debian's chromium: parsed by a browser, every return a row with its
 * figures, each row's findings one click away, the charts drawn as SVG with their titles, axe finds no
 * serious or critical violation, nothing is fetched, and it prints (A4 landscape). Needs
 * /usr/bin/chromium (no build); in CI a missing one fails the test, elsewhere it is skipped.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { main } from "../../src/cli/main";
import type { KnownTotals } from "../fixtures/consolidate/generate";
import { memoryIO } from "../cli/io-support";
import { describeInBrowser, launchTestBrowser, ROOT, saveArtifactPath, type TestBrowser } from "../support/browser";

const FIXTURES = path.join(ROOT, "test", "fixtures", "consolidate");
const known: KnownTotals = JSON.parse(fs.readFileSync(path.join(FIXTURES, "known-totals.json"), "utf8"));

jest.setTimeout(120_000);

const { suite } = describeInBrowser("the board pack page test", []);

suite("vfm consolidate --format html, in Chromium", () => {
  let tmp: string;
  let browser: TestBrowser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vfm-board-pack-"));
    const io = memoryIO({ cwd: FIXTURES, env: { LANG: "en_GB.UTF-8" } });
    const status = await main(["consolidate", ...known.files, "--target-rate", "3%", "--baseline", "12.6bn", "--format", "html"], io);
    expect(status).toBe(2);
    const file = path.join(tmp, "board-pack.html");
    fs.writeFileSync(file, io.out);
    browser = await launchTestBrowser({ width: 1280, height: 900 });
    page = await browser.context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await browser?.browser.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("one row per return, the unreadable file with its reason, and the totals to the penny", async () => {
    const rows = page.locator("section[aria-labelledby='returns'] tbody tr");
    expect(await rows.count()).toBe(known.returns.length + 1);
    const bodies = await rows.locator("th").allInnerTexts();
    expect(bodies.map((b) => b.split("\n")[0])).toEqual([...known.returns.map((r) => r.body), "Total (3 of 4 counted)"]);
    const eastmoor = await rows.nth(1).locator("td").allInnerTexts();
    expect(eastmoor.slice(0, 6)).toEqual(["fail", "£373,600,000", "£34,642,807.20", "£8,770,000.09", "25.3%", "off track"]);
    const total = await rows.nth(4).locator("td").allInnerTexts();
    expect(total.slice(1, 4)).toEqual(["£991,600,000", "£91,948,093.20", "£23,910,000.09"]);
    expect(await rows.nth(3).locator("td").first().innerText()).toBe("unreadable");
    expect(await rows.nth(3).getByRole("link").getAttribute("href")).toBe("#h-unreadable");
    expect(await page.locator("#h-unreadable + ul").innerText()).toBe(
      "not-a-workbook.xlsx: This is not an Excel workbook (.xlsx): it is a text file.",
    );
    expect(await page.locator("section[aria-labelledby='h-overall']").innerText()).toContain("£1,168,360,200");
  });

  test("each return's findings are one click away", async () => {
    await page.getByRole("link", { name: /finding.* for Eastmoor Police/ }).click();
    expect(new URL(page.url()).hash).toBe("#return-2");
    const section = page.locator("#return-2");
    expect(await section.locator("h3").innerText()).toBe("2. Eastmoor Police");
    expect(await section.innerText()).toContain("v.reinvestment-plan-total");
    await section.getByRole("link", { name: "Back to the returns" }).click();
    expect(new URL(page.url()).hash).toBe("#returns");
  });

  test("the total trajectory and the gains by workstream and category are SVG charts with titles and their figures in tables", async () => {
    const charts = page.locator("svg[role='img']");
    expect(await charts.count()).toBe(3);
    const titles = await charts.evaluateAll((svgs) => svgs.map((svg) => svg.querySelector("title")?.textContent));
    expect(titles).toEqual(["Total trajectory", "Gains by workstream", "Gains by category"]);
    const trajectory = await page.locator("section[aria-labelledby='h-trajectory'] tbody tr").first().locator("td").allInnerTexts();
    // Q1 2026-27: the returns' paths 412m, 373.6m and 206m x 3% / 4; 12.6bn x 3% / 4; Trajectory 900,000 + 1,000,000 + 800,000.
    expect(trajectory).toEqual(["£7,437,000", "£94,500,000", "£2,700,000", "£2,650,000.50", "3"]);
  });

  test("axe finds no serious or critical violation", async () => {
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(", ")})`,
      );
    expect(serious).toEqual([]);
  });

  test("it prints: A4 landscape, tables not clipped by their scroll boxes", async () => {
    await page.emulateMedia({ media: "print" });
    const overflow = await page
      .locator(".scroll")
      .first()
      .evaluate((el) => getComputedStyle(el).overflowX);
    expect(overflow).toBe("visible");
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    fs.writeFileSync(saveArtifactPath("board-pack.pdf"), pdf);
    await page.emulateMedia({ media: "screen" });
  });

  test("nothing left the machine and the page raised no error", () => {
    expect(browser.foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
