/**
 * The standalone page's file source and the shared check, on the real example workbooks: the reader,
 * the validator and the pane's figures together, without a browser.
 */
import * as fs from "fs";
import * as path from "path";
import { createFileSource, createNoFileSource } from "../../src/standalone/file-source";
import { checkModel } from "../../src/taskpane/check-model";
import { settingsEntries } from "../../src/taskpane/excel-operations";
import { readXlsx } from "../../src/adapters/xlsx/read";
import type { CheckOutcome, CheckProgress } from "../../src/taskpane/source";

const EXAMPLES = path.resolve(__dirname, "../../examples");
const EXAMPLE = path.join(EXAMPLES, "northmoor-police.xlsx");
const SEEDED = path.join(EXAMPLES, "northmoor-police-seeded.xlsx");
const haveExamples = fs.existsSync(EXAMPLE) && fs.existsSync(SEEDED);
const withExamples = haveExamples ? describe : describe.skip;
if (!haveExamples) console.warn("Skipping the example-workbook tests: run `npm run examples` to make examples/*.xlsx.");

function bytes(file: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(file));
}

function done(outcome: CheckOutcome) {
  if (outcome.status !== "done") throw new Error(`expected a finished check, got ${JSON.stringify(outcome)}`);
  return outcome.result;
}

withExamples("the file source on the example workbooks", () => {
  test("checks the example, reporting progress, and shows its cells around a finding", async () => {
    const progress: CheckProgress[] = [];
    const source = createFileSource({ fileName: "northmoor-police.xlsx", load: async () => bytes(EXAMPLE) });
    const result = done(await source.check({ signal: new AbortController().signal, onProgress: (p) => progress.push(p) }));
    expect(result.report.file).toBe("northmoor-police.xlsx");
    expect(Object.keys(result.report.summary.principles)).toHaveLength(10);
    expect(result.data.hasVfmTables).toBe(true);
    expect(result.data.isEmpty).toBe(false);
    expect(result.data.target).not.toBeNull();
    expect(result.data.quarters.length).toBeGreaterThan(0);
    // Baseline £412m at 3% compound: 3% is due by the end of 2026-27, the first year after the baseline.
    expect(result.data.quarters.map((q) => [q.label, q.targetByYearEnd])).toEqual([
      ["Q1 2026-27", 12_360_000],
      ["Q2 2026-27", 12_360_000],
    ]);
    // The example is off track: £2,050,000 by Q2 2026-27 against 2/4 of the first year's £12,360,000.
    expect(result.data.onTrack).toEqual({
      status: "off-track",
      text: "Off track: £2,050,000 delivered by Q2 2026-27 against £6,180,000 due on the target path (33.2%), £4,130,000 short.",
    });
    // The whole target path, for the chart: every year of the period, reported or not (3%, 6.09%, 9.2727%).
    expect(result.data.targetPath).toEqual([
      { startYear: 2026, due: 12_360_000 },
      { startYear: 2027, due: 25_090_800 },
      { startYear: 2028, due: 38_203_524 },
    ]);
    expect(progress[0].phase).toBe("reading");
    expect(progress[progress.length - 1].phase).toBe("checking");

    const goTo = await source.goToCell("Gains", "C5");
    expect(goTo.kind).toBe("preview");
    if (goTo.kind !== "preview") return;
    expect(goTo.preview.sheet).toBe("Gains");
    expect(goTo.preview.highlighted.flat().filter(Boolean)).toHaveLength(1);
    expect(goTo.preview.values.flat().some((text) => text !== "")).toBe(true);
  });

  test("finds every seeded defect, with the rule texts the pane shows", async () => {
    const defects: Array<{ rule: string; sheet: string }> = JSON.parse(
      fs.readFileSync(path.join(EXAMPLES, "seeded-defects.json"), "utf8"),
    ).defects;
    const source = createFileSource({ fileName: "seeded.xlsx", load: async () => bytes(SEEDED) });
    const result = done(await source.check({ signal: new AbortController().signal, onProgress: () => undefined }));
    const rules = new Set(result.report.findings.map((f) => f.rule));
    expect(defects.map((d) => d.rule).filter((rule) => !rules.has(rule))).toEqual([]);
    for (const finding of result.report.findings) {
      const text = result.catalogue.rule(finding.rule);
      expect(text?.why).toBeTruthy();
      expect(text?.fix).toBeTruthy();
      expect(text?.docPath).toBe(`docs/rules/${finding.rule}.md`);
    }
    expect(result.catalogue.principleTitle("i")).toMatch(/baseline/i);
  });

  test("settings chosen in the pane change the check", async () => {
    const read = await readXlsx(bytes(EXAMPLE));
    if (!read.ok) throw new Error(read.reason);
    const asIs = checkModel(read.model, { file: "x.xlsx" });
    const later = checkModel(read.model, { file: "x.xlsx", settings: { reportingDate: "2030-03-31", minimumCashableShare: 0.99 } });
    expect(later.report.reportingDate).toBe("2030-03-31");
    expect(later.data.settings.minimumCashableShare).toBe(0.99);
    expect(later.report.findings.length).toBeGreaterThan(asIs.report.findings.length);
  });

  test("a check cancelled before reading ends as cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    const source = createFileSource({ fileName: "x.xlsx", load: async () => bytes(EXAMPLE) });
    expect(await source.check({ signal: controller.signal, onProgress: () => undefined })).toEqual({ status: "cancelled" });
  });
});

describe("the file source on files it cannot check", () => {
  test("a file that is not a workbook gives the reader's one-line reason", async () => {
    const source = createFileSource({ fileName: "notes.xlsx", load: async () => new TextEncoder().encode("just some text, not a zip") });
    const outcome = await source.check({ signal: new AbortController().signal, onProgress: () => undefined });
    expect(outcome.status).toBe("refused");
    if (outcome.status === "refused") {
      expect(outcome.reason.length).toBeGreaterThan(10);
      expect(outcome.reason).not.toMatch(/\n/);
    }
  });

  test("a file that cannot be loaded is refused with one line", async () => {
    const source = createFileSource({
      fileName: "gone.xlsx",
      load: async () => Promise.reject(new Error("The example workbook could not be loaded (the server answered 404).")),
    });
    expect(await source.check({ signal: new AbortController().signal, onProgress: () => undefined })).toEqual({
      status: "refused",
      reason: "The example workbook could not be loaded (the server answered 404).",
    });
  });

  test("before any file is opened, a check says how to open one", async () => {
    const outcome = await createNoFileSource().check({ signal: new AbortController().signal, onProgress: () => undefined });
    expect(outcome.status).toBe("refused");
    if (outcome.status === "refused") expect(outcome.reason).toMatch(/Open workbook/);
  });

  test("an empty workbook model is recognised as empty, with no VfM table", () => {
    const result = checkModel(
      { sheets: [{ name: "Sheet1", visibility: "visible", rows: [] }], tables: [], names: [], date1904: false },
      { file: "empty.xlsx" },
    );
    expect(result.data.isEmpty).toBe(true);
    expect(result.data.hasVfmTables).toBe(false);
    expect(result.report.summary.principles).toBeDefined();
  });

  test("a protected sheet is listed", () => {
    const result = checkModel(
      {
        sheets: [
          {
            name: "Settings",
            visibility: "visible",
            protected: true,
            rows: [
              [{ value: "Key" }, { value: "Value" }],
              [{ value: "Target rate" }, { value: 0.03 }],
            ],
          },
        ],
        tables: [],
        names: [],
        date1904: false,
      },
      { file: "p.xlsx" },
    );
    expect(result.data.protectedSheets).toEqual(["Settings"]);
    expect(result.data.isEmpty).toBe(false);
  });
});

describe("settings written to Excel's Settings table", () => {
  test("use the Keys the validator reads", () => {
    expect(
      settingsEntries({
        reportingDate: "2009-12-31",
        tolerance: 0.01,
        ragMapping: [
          ["green", 1],
          ["amber", 0.5],
          ["red", 0],
        ],
        minimumCashableShare: 0.5,
      }),
    ).toEqual([
      ["Reporting date", { date: "2009-12-31" }],
      ["Tolerance", 0.01],
      ["RAG mapping", "Green=1; Amber=0.5; Red=0"],
      ["Minimum cashable share", 0.5],
    ]);
    expect(settingsEntries({})).toEqual([]);
  });
});
