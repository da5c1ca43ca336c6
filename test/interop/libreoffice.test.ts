/**
 * Cross-checks with LibreOffice Calc, a second program that reads and writes .xlsx, so that our writer
 * and our reader agreeing with each other cannot hide a mistake they share. LibreOffice is not needed
 * here: these tests read the files it made, committed under test/fixtures/libreoffice/ by
 * scripts/make-libreoffice-fixtures.sh (see docs/interop.md).
 *
 * - resaved/: LibreOffice's re-save of our two examples and of `vfm template` output (ours/ holds the
 *   exact files it was given), recalculated on load;
 * - authored/: a workbook written by hand as flat ODF and converted to .xlsx by LibreOffice, with
 *   designed defects;
 * - recalculated.json: every formula cell of ours/ as LibreOffice recalculated it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { readXlsx } from "../../src/adapters/xlsx/read/index";
import { discoverTables, validateWorkbook } from "../../src/core/validate/index";
import type { Finding, ValidationReport } from "../../src/core/validate/types";
import type { Cell, WorkbookModel } from "../../src/core/workbook/model";
import { a1, parseA1Range } from "../../src/core/workbook/model";

const FIXTURES = path.resolve(__dirname, "..", "fixtures", "libreoffice");
const REPORTING_DATE = "2026-10-31";
/** Half a penny: "agree to the penny". */
const PENNY_TOLERANCE = 0.005;

function fixture(...parts: string[]): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(FIXTURES, ...parts)));
}

async function readModel(...parts: string[]): Promise<WorkbookModel> {
  const file = parts[parts.length - 1];
  const read = await readXlsx(fixture(...parts), { fileName: file });
  if (!read.ok) throw new Error(`${parts.join("/")} could not be read: ${read.reason}`);
  expect({ file: parts.join("/"), warnings: read.warnings }).toEqual({ file: parts.join("/"), warnings: [] });
  return read.model;
}

function validate(model: WorkbookModel, file: string): ValidationReport {
  return validateWorkbook(model, { file, reportingDate: REPORTING_DATE });
}

/** The application a package says wrote it (docProps/app.xml). */
function writtenBy(bytes: Uint8Array): string {
  const app = unzipSync(bytes, { filter: (entry) => entry.name === "docProps/app.xml" })["docProps/app.xml"];
  return app ? (/<Application>([^<]*)<\/Application>/.exec(strFromU8(app))?.[1] ?? "") : "";
}

/**
 * The input rules (drop-down lists, number ranges, dates) of every worksheet part, as
 * "sheetN.xml sqref type formula1 formula2"; a rule with no type (a prompt only) is left out.
 */
function dataValidations(bytes: Uint8Array): string[] {
  const parts = unzipSync(bytes, { filter: (entry) => /^xl\/worksheets\/sheet\d+\.xml$/.test(entry.name) });
  const out: string[] = [];
  for (const [name, data] of Object.entries(parts)) {
    for (const match of strFromU8(data).matchAll(/<dataValidation\b([^>]*?)(?:\/>|>([\s\S]*?)<\/dataValidation>)/g)) {
      const attribute = (key: string): string => new RegExp(`\\b${key}="([^"]*)"`).exec(match[1])?.[1] ?? "";
      const type = attribute("type");
      if (type === "" || type === "none") continue;
      const formula = (n: 1 | 2): string => new RegExp(`<formula${n}>([^<]*)</formula${n}>`).exec(match[2] ?? "")?.[1] ?? "";
      // LibreOffice writes a one-cell range "K4:K4" as "K4", and a missing second formula as 0.
      const sqref = attribute("sqref").replace(/\b([A-Z]+\d+):\1\b/g, "$1");
      const second = type === "list" || attribute("operator") === "greaterThan" ? "" : formula(2);
      out.push(`${name.split("/").pop()} ${sqref} ${type} ${formula(1)} ${second}`.trim());
    }
  }
  return out.sort();
}

const where = (f: Pick<Finding, "rule" | "sheet" | "cell">): string => `${f.rule} ${f.sheet ?? "-"}!${f.cell ?? "-"}`;

/**
 * Every cell whose value, error or formula differs between two models, as "Sheet!A1 what: a -> b".
 * Number format codes are left out: LibreOffice writes its own spelling of the same format.
 */
function cellDifferences(ours: WorkbookModel, theirs: WorkbookModel): string[] {
  const out: string[] = [];
  const show = (cell: Cell | undefined, key: "value" | "error" | "formula"): string => JSON.stringify(cell?.[key] ?? null);
  for (const sheet of ours.sheets) {
    const other = theirs.sheets.find((s) => s.name === sheet.name);
    if (!other) {
      out.push(`${sheet.name}: missing`);
      continue;
    }
    const rowCount = Math.max(sheet.rows.length, other.rows.length);
    for (let r = 0; r < rowCount; r++) {
      const mine = sheet.rows[r] ?? [];
      const yours = other.rows[r] ?? [];
      for (let c = 0; c < Math.max(mine.length, yours.length); c++) {
        for (const key of ["value", "error", "formula"] as const) {
          const before = show(mine[c], key);
          const after = show(yours[c], key);
          if (before !== after) out.push(`${sheet.name}!${a1(r, c)} ${key}: ${before} -> ${after}`);
        }
      }
    }
  }
  return out;
}

interface Resave {
  file: string;
  /** Cell differences LibreOffice's re-save legitimately makes (explained beside each entry). */
  expectedDifferences: string[];
}

const RESAVES: Resave[] = [
  // Our writer stores the blank Reward cell of the council tax leaflet as empty text; LibreOffice
  // drops empty text, leaving the cell blank. The validator treats both as blank.
  { file: "northmoor-police.xlsx", expectedDifferences: ['Publication!D5 value: "" -> null'] },
  { file: "northmoor-police-seeded.xlsx", expectedDifferences: ['Publication!D5 value: "" -> null'] },
  { file: "vfm-template.xlsx", expectedDifferences: [] },
];

describe("LibreOffice's re-save of our workbooks", () => {
  const models = new Map<string, { ours: WorkbookModel; theirs: WorkbookModel }>();
  beforeAll(async () => {
    for (const { file } of RESAVES) models.set(file, { ours: await readModel("ours", file), theirs: await readModel("resaved", file) });
  });

  it.each(RESAVES.map((r) => [r.file]))("%s was really written by LibreOffice, from a file our writer made", (file) => {
    expect(writtenBy(fixture("resaved", file))).toMatch(/^LibreOffice\//);
    expect(writtenBy(fixture("ours", file))).not.toMatch(/LibreOffice/);
  });

  it.each(RESAVES.map((r) => [r.file]))("%s keeps every sheet and every Excel table", (file) => {
    const { ours, theirs } = models.get(file)!;
    expect(theirs.sheets.map((s) => [s.name, s.visibility])).toEqual(ours.sheets.map((s) => [s.name, s.visibility]));
    expect(theirs.tables).toEqual(ours.tables);
    expect(theirs.tables).toHaveLength(9);
    expect(theirs.date1904).toBe(false);
  });

  it.each(RESAVES.map((r) => [r.file, r.expectedDifferences]))(
    "%s reads back with the same values and formulas (structured references kept), apart from %j",
    (file, expected) => {
      const { ours, theirs } = models.get(file)!;
      expect(cellDifferences(ours, theirs)).toEqual(expected);
      // The derived columns keep Excel's structured references, not a rewrite into A1 references.
      const gains = theirs.sheets.find((s) => s.name === "Gains")!;
      expect(gains.rows[3]?.[10]?.formula).toBe("tblGains[[#This Row],[Gross gain]]-tblGains[[#This Row],[Costs]]");
    },
  );

  it.each(RESAVES.map((r) => [r.file]))("%s keeps every drop-down list, number range and date rule we declared", (file) => {
    const ours = dataValidations(fixture("ours", file));
    expect(ours.length).toBeGreaterThan(10);
    expect(dataValidations(fixture("resaved", file))).toEqual(ours);
  });

  it.each(RESAVES.map((r) => [r.file]))("%s gives exactly the findings our own file gives", (file) => {
    const { ours, theirs } = models.get(file)!;
    const mine = validate(ours, file);
    const yours = validate(theirs, file);
    expect(yours.findings).toEqual(mine.findings);
    expect(yours.summary).toEqual(mine.summary);
  });

  it("the clean example still has no errors and no warnings, and the same target progress", () => {
    const report = validate(models.get("northmoor-police.xlsx")!.theirs, "northmoor-police.xlsx");
    expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.warnings).toBe(0);
    expect(Object.values(report.summary.principles).every((status) => status === "pass")).toBe(true);
    expect(report.summary.target?.value).toBeCloseTo(412_000_000 * (1.03 ** 3 - 1), 2);
    expect(report.summary.target?.riskAdjustedCashable).toBeCloseTo(7_870_000, 2);
  });

  describe("the seeded example", () => {
    const listed: { defects: Array<{ principle: string; rule: string; sheet: string; cell: string }> } = JSON.parse(
      fs.readFileSync(path.join(FIXTURES, "ours", "seeded-defects.json"), "utf8"),
    );
    let report: ValidationReport;
    beforeAll(() => {
      report = validate(models.get("northmoor-police-seeded.xlsx")!.theirs, "northmoor-police-seeded.xlsx");
    });

    it.each(listed.defects.map((d) => [d.rule, d] as const))("still reports %s at its cell", (_rule, defect) => {
      const found = report.findings.filter((f) => f.rule === defect.rule);
      expect(found).toEqual([
        expect.objectContaining({ principle: defect.principle, rule: defect.rule, sheet: defect.sheet, cell: defect.cell }),
      ]);
    });

    it("reports nothing else (apart from information)", () => {
      const seeded = new Set(listed.defects.map(where));
      expect(report.findings.filter((f) => f.severity !== "info" && !seeded.has(where(f))).map(where)).toEqual([]);
      expect(listed.defects).toHaveLength(10);
    });
  });
});

describe("a VfM workbook authored independently in LibreOffice (Harbourside Borough Council)", () => {
  const expected: {
    reportingDate: string;
    findings: Array<{ principle: string; rule: string; severity: string; sheet: string; cell: string; defect: string }>;
  } = JSON.parse(fs.readFileSync(path.join(FIXTURES, "authored", "harbourside-council.expected.json"), "utf8"));
  let model: WorkbookModel;
  let report: ValidationReport;
  beforeAll(async () => {
    model = await readModel("authored", "harbourside-council.xlsx");
    report = validateWorkbook(model, { file: "harbourside-council.xlsx", reportingDate: expected.reportingDate });
  });

  it("is LibreOffice's own .xlsx: plain sheets, no Excel tables and no defined names", () => {
    expect(writtenBy(fixture("authored", "harbourside-council.xlsx"))).toMatch(/^LibreOffice\//);
    expect(model.tables).toEqual([]);
    expect(model.names).toEqual([]);
    expect(model.sheets.map((s) => s.name)).toEqual([
      "About",
      "Baseline",
      "Register",
      "Phasing",
      "Milestones",
      "Reinvestment plan",
      "Board updates",
      "Benchmarks",
      "Publication",
      "Settings",
    ]);
  });

  it("has every table found by its sheet name and the header row below its title", () => {
    const found = [...discoverTables(model).values()].map((t) => [t.key, t.source, t.sheet.name, t.headerRow + 1, t.rows.length]);
    expect(found.sort()).toEqual(
      [
        ["baseline", "sheet", "Baseline", 3, 5],
        ["gains", "sheet", "Register", 4, 6],
        ["profile", "sheet", "Phasing", 3, 6],
        ["milestones", "sheet", "Milestones", 3, 5],
        ["reinvestment", "sheet", "Reinvestment plan", 3, 3],
        ["quarterly", "sheet", "Board updates", 3, 2],
        ["comparatives", "sheet", "Benchmarks", 3, 4],
        ["publication", "sheet", "Publication", 3, 2],
        ["settings", "sheet", "Settings", 3, 6],
      ].sort(),
    );
  });

  it("holds the values LibreOffice calculated, including its error value", () => {
    const cell = (sheet: string, address: string): Cell | undefined => {
      const rect = parseA1Range(address)!;
      return model.sheets.find((s) => s.name === sheet)?.rows[rect.startRow]?.[rect.startCol];
    };
    // 640 x Green (1) - 90, typed; 300 x Amber (0.5) - 40 by a nested IF; the row above's costs.
    expect(cell("Register", "M6")).toEqual(expect.objectContaining({ value: 550 }));
    expect(cell("Register", "M6")?.formula).toBeUndefined();
    expect(cell("Register", "M9")?.value).toBe(110);
    expect(cell("Register", "K9")).toEqual(expect.objectContaining({ value: 40, formula: "I9-J8" }));
    expect(cell("Register", "M10")).toEqual(expect.objectContaining({ value: null, error: "#VALUE!" }));
    // A link to another sheet (H05's target year follows its wrong net saving) and a division that
    // does not come out exact.
    expect(cell("Phasing", "D8")).toEqual(expect.objectContaining({ value: 40, formula: "Register!K9" }));
    expect(cell("Benchmarks", "C6")?.value).toBeCloseTo(12_800_000 / 61_000, 10);
  });

  it("gives exactly the designed findings, each at its cell", () => {
    const actual = report.findings
      .filter((f) => f.severity !== "info")
      .map((f) => ({ principle: f.principle, rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell }));
    expect(actual).toEqual(expected.findings.map(({ defect: _defect, ...finding }) => finding));
    expect(expected.findings).toHaveLength(6);
  });

  it("works out the target from the £k baseline", () => {
    // 110,000 (£k) x (1.03^3 - 1)
    expect(report.summary.target?.value).toBeCloseTo(110_000 * (1.03 ** 3 - 1), 2);
    expect(report.findings.filter((f) => f.severity === "info").map(where)).toEqual([
      "method.progress Register!M5:M10",
      "method.on-track Phasing!B4:B9",
    ]);
    // Ahead of the path at Q1 2026-27 (870 of 825 due), but the plan for 2026-27 is far short of 3,300 (£k).
    expect(report.findings.find((f) => f.rule === "method.on-track")?.message).toMatch(
      /^Off track: actual gains of £870k by the end of Q1 2026-27 against £825k due .*against £3,300k due by that year's end/,
    );
  });
});

describe("LibreOffice's recalculation of our formulas", () => {
  const recalculated: {
    libreoffice: string;
    workbooks: Record<string, Array<{ sheet: string; cell: string; formula: string; value?: number; error?: string }>>;
  } = JSON.parse(fs.readFileSync(path.join(FIXTURES, "recalculated.json"), "utf8"));

  it("covers our three workbooks, recalculated by LibreOffice", () => {
    expect(Object.keys(recalculated.workbooks).sort()).toEqual([
      "northmoor-police-seeded.xlsx",
      "northmoor-police.xlsx",
      "vfm-template.xlsx",
    ]);
    expect(recalculated.libreoffice).toMatch(/^LibreOffice \d+\.\d+/);
  });

  it.each(Object.keys(recalculated.workbooks).map((file) => [file]))(
    "%s: every Net gain and Risk-adjusted gain our writer cached equals LibreOffice's to the penny",
    async (file) => {
      const model = await readModel("ours", file);
      const ourFormulaCells: string[] = [];
      for (const sheet of model.sheets) {
        sheet.rows.forEach((row, r) =>
          row?.forEach((cell, c) => cell?.formula !== undefined && ourFormulaCells.push(`${sheet.name}!${a1(r, c)}`)),
        );
      }
      const theirs = recalculated.workbooks[file];
      // LibreOffice recalculated every formula cell we wrote, and found no others.
      expect(theirs.map((c) => `${c.sheet}!${c.cell}`).sort()).toEqual(ourFormulaCells.sort());
      const gains = model.sheets.find((s) => s.name === "Gains")!;
      const header = gains.rows[2]!.map((cell) => cell?.value);
      const disagreements: string[] = [];
      for (const computed of theirs) {
        const rect = parseA1Range(computed.cell)!;
        const cached = model.sheets.find((s) => s.name === computed.sheet)?.rows[rect.startRow]?.[rect.startCol];
        expect(["Net gain", "Risk-adjusted gain"]).toContain(header[rect.startCol]);
        expect(computed.error).toBeUndefined();
        if (typeof cached?.value !== "number" || Math.abs(cached.value - computed.value!) > PENNY_TOLERANCE) {
          disagreements.push(
            `${computed.sheet}!${computed.cell}: ours ${JSON.stringify(cached?.value ?? null)}, LibreOffice ${computed.value}`,
          );
        }
      }
      expect(disagreements).toEqual([]);
    },
  );
});
