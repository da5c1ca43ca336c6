/**
 * End to end: the built standalone page given several returns at once (chosen together, or a
 * folder) shows the roll-up across them (src/standalone/BatchView.tsx on core/review/consolidate.ts),
 * with progress while it reads and Stop. The figures it shows are those consolidate() gives in Node
 * for the same files; an unreadable file is listed with the reader's reason. An overall target
 * typed on the page gives the judgement consolidate() gives with the same target; opening one return
 * and coming Back to roll-up keeps both; several files dropped on the page (a synthesised drop with a
 * DataTransfer of Files, as Chromium makes for a real one) are rolled up too. Needs `npm run build`
 * and /usr/bin/chromium (skipped outside CI without them, failing in CI).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page, Worker } from "playwright-core";
import { describeInBrowser, launchTestBrowser, ROOT, waitUntil, saveArtifactPath, type TestBrowser } from "../support/browser";
import { startStaticServer, type StaticServer } from "../support/static-server";
import { corpusFile } from "../support/corpus";
import { sharedFormulaBomb } from "../hostile/generators";
import { readXlsx } from "../../src/adapters/xlsx/read";
import {
  consolidate,
  consolidatedReturnOfModel,
  pounds,
  resolveOverallTarget,
  unreadableReturn,
  type Consolidation,
  type OverallTargetSpec,
} from "../../src/core/review/consolidate";
import { overallLines } from "../../src/core/review/consolidate-report";
import { totalsLine } from "../../src/core/review/verdict";

const EXAMPLES = ["northmoor-police.xlsx", "northmoor-police-seeded.xlsx", "northmoor-police-q1.xlsx"].map((name) =>
  path.join(ROOT, "examples", name),
);
const UNREADABLE = corpusFile("broken", "truncated.xlsx");
const { suite } = describeInBrowser("the standalone page's roll-up", ["index.html"]);

jest.setTimeout(180_000);

/** What consolidate() gives for these files in Node, named as the page names them. */
async function expected(files: Array<{ file: string; name: string }>, target?: OverallTargetSpec): Promise<Consolidation> {
  const rows = [];
  for (const { file, name } of files) {
    const read = await readXlsx(new Uint8Array(fs.readFileSync(file)), { fileName: name });
    rows.push(read.ok ? consolidatedReturnOfModel(read.model, { file: name }) : unreadableReturn(name, read.reason));
  }
  const overall = target ? resolveOverallTarget(target, rows) : null;
  if (overall && "error" in overall) throw new Error(overall.error);
  return consolidate(rows, overall);
}

suite("the standalone page's roll-up", () => {
  let server: StaticServer;
  let testBrowser: TestBrowser;
  let workDir: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startStaticServer(path.join(ROOT, "dist"));
    testBrowser = await launchTestBrowser();
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), "vfm-batch-"));
  });

  afterAll(async () => {
    await testBrowser?.browser.close();
    await server?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  async function newPage(): Promise<{ page: Page; workers: Worker[] }> {
    const page = await testBrowser.context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const workers: Worker[] = [];
    page.on("worker", (worker) => workers.push(worker));
    await page.goto(`${server.url}index.html`);
    return { page, workers };
  }

  const figures = async (page: Page) =>
    Object.fromEntries(
      await page
        .getByTestId("batch-figures")
        .locator("dt")
        .evaluateAll((terms) => terms.map((dt) => [dt.textContent ?? "", dt.nextElementSibling?.textContent ?? ""])),
    ) as Record<string, string>;

  test("several files chosen together: progress, then the roll-up consolidate() gives, the unreadable file with its reason", async () => {
    const { page } = await newPage();
    const files = [...EXAMPLES, UNREADABLE];
    await page.getByLabel("Open workbook", { exact: true }).setInputFiles(files);
    await page.getByTestId("batch-progress").waitFor();
    expect(await page.getByTestId("batch-progress").innerText()).toMatch(/Checked \d of 4 returns/);
    await page.getByTestId("batch-totals").waitFor({ timeout: 120_000 });

    const want = await expected(files.map((file) => ({ file, name: path.basename(file) })));
    expect(await page.getByTestId("batch-totals").innerText()).toBe(`${totalsLine(want.totals)}.`);
    expect(want.totals.unreadable).toBe(1);
    expect(want.totals.counted).toBe(3);
    const shown = await figures(page);
    expect(shown["Returns counted in the amounts"]).toBe("3");
    expect(shown["Targets added up (VFM.TARGET)"]).toBe(pounds(want.totals.target));
    expect(shown["Risk-adjusted cashable gains"]).toBe(pounds(want.totals.riskAdjustedCashable));
    expect(shown["Baselines added up"]).toBe(pounds(want.totals.baseline));

    // One row per file, in the order chosen, with the verdict vfm validate gives.
    const rows = page.getByTestId("batch-returns").locator("tbody tr");
    expect(await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-return"), tr.getAttribute("data-verdict")]))).toEqual([
      ["northmoor-police.xlsx", "pass"],
      ["northmoor-police-seeded.xlsx", "fail"],
      ["northmoor-police-q1.xlsx", expect.any(String)],
      ["truncated.xlsx", "unreadable"],
    ]);
    const reason = want.returns[3].reason ?? "";
    expect(reason.length).toBeGreaterThan(10);
    expect(await page.getByTestId("batch-unreadable").innerText()).toContain(`truncated.xlsx: ${reason}`);

    await page.screenshot({ path: saveArtifactPath("standalone-rollup.png"), fullPage: true });

    // An overall target as `vfm consolidate --target-rate 3% --baseline 12.6bn` takes it: the same judgement and lines.
    const form = page.getByTestId("overall-target-form");
    await form.getByText("A rate a year on a baseline").click();
    await form.getByLabel("Rate a year", { exact: true }).fill("3%");
    await form.getByLabel("Baseline (£)", { exact: true }).fill("12.6bn");
    await form.getByRole("button", { name: "Apply" }).click();
    const withTarget = await expected(
      files.map((file) => ({ file, name: path.basename(file) })),
      { kind: "rate", rate: 0.03, baseline: 12.6e9 },
    );
    const overallText = async () => (await page.getByTestId("batch-overall").innerText()).replace(/\s+/g, " ");
    await page.getByTestId("batch-overall").waitFor();
    const overallShown = await overallText();
    expect(overallShown).toContain(`The returns together are ${withTarget.overall!.status.replace("-", " ")} against the overall target.`);
    for (const line of overallLines(withTarget)) expect(overallShown).toContain(line);
    await page.screenshot({ path: saveArtifactPath("standalone-rollup-target.png"), fullPage: true });

    // A checked return opens on its own in the pane; Back to roll-up shows the same roll-up and target, nothing checked again.
    await page.getByRole("button", { name: "Open northmoor-police-seeded.xlsx on its own" }).click();
    await page.getByTestId("summary").waitFor({ timeout: 60_000 });
    expect(await page.locator("[data-principle]").count()).toBe(10);
    expect(await page.getByTestId("batch").count()).toBe(0);
    await page.getByRole("button", { name: "Back to roll-up (4 returns)" }).click();
    await page.getByTestId("batch-overall").waitFor();
    expect(await page.getByTestId("batch-progress").count()).toBe(0);
    expect(await page.getByTestId("batch-totals").innerText()).toBe(`${totalsLine(want.totals)}.`);
    expect(await overallText()).toBe(overallShown);
    expect(await page.getByLabel("Baseline (£)", { exact: true }).inputValue()).toBe("12.6bn");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      "Open northmoor-police-seeded.xlsx on its own",
    );
    await page.close();
  });

  test("a folder: its workbooks rolled up, named by their path in it, other files left out", async () => {
    const folder = path.join(workDir, "returns");
    fs.mkdirSync(path.join(folder, "north"), { recursive: true });
    fs.copyFileSync(EXAMPLES[0], path.join(folder, "north", "northmoor.xlsx"));
    fs.copyFileSync(EXAMPLES[1], path.join(folder, "seeded.xlsx"));
    fs.writeFileSync(path.join(folder, "covering letter.txt"), "Please find our return attached.");
    const { page } = await newPage();
    await page.locator("#open-folder").setInputFiles(folder);
    await page.getByTestId("batch-totals").waitFor({ timeout: 120_000 });
    const names = await page
      .getByTestId("batch-returns")
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-return")));
    expect([...names].sort()).toEqual(["returns/north/northmoor.xlsx", "returns/seeded.xlsx"]);
    expect(await page.getByTestId("batch-totals").innerText()).toMatch(/^2 files: 0 unreadable/);
    await page.close();
  });

  test("Stop ends the worker at once; the returns not done are listed as not checked", async () => {
    const bomb = path.join(workDir, "formula-bomb.xlsx");
    fs.writeFileSync(bomb, sharedFormulaBomb());
    const { page, workers } = await newPage();
    await page.getByLabel("Open workbook", { exact: true }).setInputFiles([EXAMPLES[0], bomb, EXAMPLES[1]]);
    await page
      .getByTestId("batch-progress")
      .getByText(/Now reading and checking formula-bomb\.xlsx/)
      .waitFor({ timeout: 60_000 });
    await waitUntil(() => workers.length === 1, "the roll-up's worker to start");
    const closed = new Promise<void>((resolve) => workers[0].once("close", () => resolve()));
    await page.getByRole("button", { name: "Stop" }).click();
    await page.getByTestId("batch-totals").waitFor();
    await closed;
    expect(await page.getByTestId("batch-totals").innerText()).toMatch(/^Stopped\. 3 files: .*2 not checked \(stopped\)/);
    expect(
      await page
        .getByTestId("batch-returns")
        .locator("tbody tr")
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-verdict"))),
    ).toEqual(["pass", "not checked", "not checked"]);
    await page.close();
  });

  test("several files dropped on the page: the overlay while dragging, then the roll-up, a dropped non-workbook listed as unreadable", async () => {
    const { page } = await newPage();
    const dropped = [
      { name: "northmoor-police-seeded.xlsx", base64: fs.readFileSync(EXAMPLES[1]).toString("base64") },
      { name: "covering letter.txt", base64: Buffer.from("Please find our return attached.").toString("base64") },
      { name: "northmoor-police.xlsx", base64: fs.readFileSync(EXAMPLES[0]).toString("base64") },
    ];
    // The DataTransfer a drop of files from the desktop carries: its types hold "Files".
    const transfer = await page.evaluateHandle((files) => {
      const data = new DataTransfer();
      for (const { name, base64 } of files) data.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
      return data;
    }, dropped);
    const fire = (type: string) =>
      page.evaluate(
        ([type, dataTransfer]) => document.body.dispatchEvent(new DragEvent(type, { dataTransfer, bubbles: true, cancelable: true })),
        [type, transfer] as const,
      );
    await fire("dragenter");
    await fire("dragover");
    await page.getByText("Drop one workbook to check it, or several to roll them up").waitFor();
    await fire("drop");
    await page.getByTestId("batch-totals").waitFor({ timeout: 120_000 });
    expect(await page.getByText("Drop one workbook to check it, or several to roll them up").count()).toBe(0);

    const names = dropped.map((d) => d.name);
    expect(
      await page
        .getByTestId("batch-returns")
        .locator("tbody tr")
        .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-return"), tr.getAttribute("data-verdict")])),
    ).toEqual([
      [names[0], "fail"],
      [names[1], "unreadable"],
      [names[2], "pass"],
    ]);
    const letter = path.join(workDir, "covering letter.txt");
    fs.writeFileSync(letter, "Please find our return attached.");
    const want = await expected([
      { file: EXAMPLES[1], name: names[0] },
      { file: letter, name: names[1] },
      { file: EXAMPLES[0], name: names[2] },
    ]);
    expect(await page.getByTestId("batch-totals").innerText()).toBe(`${totalsLine(want.totals)}.`);
    expect(await page.getByTestId("batch-unreadable").innerText()).toContain(`covering letter.txt: ${want.returns[1].reason}`);
    await page.close();
  });

  test("no script error on the page, and nothing left 127.0.0.1", () => {
    expect(pageErrors).toEqual([]);
    expect(testBrowser.foreignRequests).toEqual([]);
  });
});
