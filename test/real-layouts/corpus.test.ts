/**
 * The real-layout fixtures are internally consistent: every formula's cached value (what a reader
 * that does not recalculate, ours included, sees) equals what LibreOffice Calc calculates for it.
 * recalculated.json was made by scripts/make-real-layout-fixtures.sh from copies of the committed
 * files whose cached results had been overwritten, so its values are LibreOffice's own.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { readXlsx } from "../../src/adapters/xlsx/read/index";
import { getRule } from "../../src/core/validate/index";
import { a1, parseA1Range } from "../../src/core/workbook/model";
import { REAL_LAYOUTS_DIR, loadCorpus } from "../support/real-layouts";

interface Recalculated {
  libreoffice: string;
  workbooks: Record<string, Array<{ sheet: string; cell: string; formula: string; value?: number; text?: string; error?: string }>>;
}

const recalculated: Recalculated = JSON.parse(fs.readFileSync(path.join(REAL_LAYOUTS_DIR, "recalculated.json"), "utf8"));
const corpus = loadCorpus();
/** Half a penny in the fixture's own unit, or one part in 10^12 for large amounts. */
const close = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(0.005, Math.abs(b) * 1e-12);

describe("the real-layout corpus", () => {
  it("has every fixture LibreOffice recalculated, and nothing else", () => {
    const files = fs
      .readdirSync(REAL_LAYOUTS_DIR)
      .filter((f) => f.endsWith(".xlsx"))
      .sort();
    expect(corpus.fixtures.map((f) => f.file).sort()).toEqual(files);
    expect(Object.keys(recalculated.workbooks).sort()).toEqual(files);
    expect(recalculated.libreoffice).toMatch(/^LibreOffice \d+\.\d+/);
  });

  it("is at least 6 fixtures from at least 2 programs, with at least 12 seeded defects over at least 6 principles and a clean variant", () => {
    expect(corpus.fixtures.length).toBeGreaterThanOrEqual(6);
    expect(new Set(corpus.fixtures.map((f) => f.program)).size).toBeGreaterThanOrEqual(2);
    const defects = corpus.fixtures.flatMap((f) => f.defects);
    expect(defects.length).toBeGreaterThanOrEqual(12);
    expect(new Set(defects.map((d) => d.rule.split(".")[0])).size).toBeGreaterThanOrEqual(6);
    expect(corpus.fixtures.some((f) => f.defects.length === 0)).toBe(true);
  });

  it.each(corpus.fixtures.map((f) => [f.file, f] as const))(
    "%s: every expectation names a rule that exists, a sheet of the workbook and a range that parses",
    async (file, fixture) => {
      const read = await readXlsx(new Uint8Array(fs.readFileSync(path.join(REAL_LAYOUTS_DIR, file))), { fileName: file });
      if (!read.ok) throw new Error(`${file}: ${read.reason}`);
      const sheets = new Set(read.model.sheets.map((s) => s.name));
      const problems: string[] = [];
      for (const e of [...fixture.defects, ...fixture.tolerated, ...fixture.mustNot]) {
        if (!getRule(e.rule)) problems.push(`unknown rule ${e.rule}`);
        if (e.sheet !== undefined && !sheets.has(e.sheet)) problems.push(`no sheet ${e.sheet}`);
        if (e.range !== undefined && (e.sheet === undefined || parseA1Range(e.range) === null)) problems.push(`bad range ${e.range}`);
      }
      expect(problems).toEqual([]);
      expect(fixture.reportingDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    },
  );

  it.each(corpus.fixtures.map((f) => [f.file, f.program] as const))("%s was written by %s", (file, program) => {
    const app = unzipSync(new Uint8Array(fs.readFileSync(path.join(REAL_LAYOUTS_DIR, file))), {
      filter: (e) => e.name === "docProps/app.xml",
    })["docProps/app.xml"];
    const application = app ? (/<Application>([^<]*)<\/Application>/.exec(strFromU8(app))?.[1] ?? "") : "";
    // exceljs and our writer (which renders through exceljs) both say "Microsoft Excel".
    if (program.startsWith("LibreOffice")) expect(application).toMatch(/^LibreOffice\//);
    else expect(application).not.toMatch(/LibreOffice/);
  });

  it.each(corpus.fixtures.map((f) => [f.file]))("%s: every cached formula value equals LibreOffice's recalculation", async (file) => {
    const read = await readXlsx(new Uint8Array(fs.readFileSync(path.join(REAL_LAYOUTS_DIR, file))), { fileName: file });
    if (!read.ok) throw new Error(`${file}: ${read.reason}`);
    const ours: string[] = [];
    for (const sheet of read.model.sheets)
      sheet.rows.forEach((row, r) => row?.forEach((cell, c) => cell?.formula !== undefined && ours.push(`${sheet.name}!${a1(r, c)}`)));
    const theirs = recalculated.workbooks[file];
    expect(theirs.map((c) => `${c.sheet}!${c.cell}`).sort()).toEqual(ours.sort());
    const disagreements: string[] = [];
    for (const computed of theirs) {
      const rect = parseA1Range(computed.cell)!;
      const cached = read.model.sheets.find((s) => s.name === computed.sheet)?.rows[rect.startRow]?.[rect.startCol];
      const shown = JSON.stringify(cached?.error ?? cached?.value ?? null);
      if (computed.error !== undefined) {
        if (cached?.error !== computed.error)
          disagreements.push(`${computed.sheet}!${computed.cell}: cached ${shown}, LibreOffice ${computed.error}`);
      } else if (computed.value !== undefined) {
        if (typeof cached?.value !== "number" || !close(cached.value, computed.value))
          disagreements.push(`${computed.sheet}!${computed.cell} =${computed.formula}: cached ${shown}, LibreOffice ${computed.value}`);
      } else if (cached?.value !== computed.text)
        disagreements.push(`${computed.sheet}!${computed.cell}: cached ${shown}, LibreOffice "${computed.text}"`);
    }
    expect(disagreements).toEqual([]);
    // The corpus is of real formulas, not typed numbers: every fixture carries dozens.
    expect(theirs.length).toBeGreaterThanOrEqual(15);
  });
});
