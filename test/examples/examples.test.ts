import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readXlsx } from "../../src/adapters/xlsx/read/index";
import { validateWorkbook } from "../../src/core/validate/index";
import type { ValidationReport } from "../../src/core/validate/types";
import { generateExamples, DEFECT_RECIPES } from "../../examples/generate";

const EXAMPLES = path.resolve(__dirname, "..", "..", "examples");

interface SeededDefect {
  principle: string;
  rule: string;
  sheet: string;
  cell: string;
  defect: string;
}

async function check(file: string): Promise<ValidationReport> {
  const read = await readXlsx(new Uint8Array(fs.readFileSync(path.join(EXAMPLES, file))), { fileName: file });
  if (!read.ok) throw new Error(`${file}: ${read.reason}`);
  expect(read.warnings).toEqual([]);
  return validateWorkbook(read.model, { file });
}

describe("the Northmoor Police examples", () => {
  it("the clean example has no errors and no warnings, and states its target progress", async () => {
    const report = await check("northmoor-police.xlsx");
    expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.warnings).toBe(0);
    expect(report.reportingDate).toBe("2026-10-31");
    expect(Object.values(report.summary.principles).every((s) => s === "pass")).toBe(true);
    expect(report.summary.target).not.toBeNull();
    expect(report.summary.target!.value).toBeCloseTo(412_000_000 * (1.03 ** 3 - 1), 2);
  });

  describe("the seeded example", () => {
    const listed: { workbook: string; defects: SeededDefect[] } = JSON.parse(
      fs.readFileSync(path.join(EXAMPLES, "seeded-defects.json"), "utf8"),
    );
    let report: ValidationReport;
    beforeAll(async () => {
      report = await check(listed.workbook);
    });

    it("lists exactly one defect per principle", () => {
      expect(listed.defects.map((d) => d.principle)).toEqual(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "method"]);
    });

    it.each(listed.defects.map((d) => [d.rule, d] as const))("reports %s at its cell", (_rule, defect) => {
      const found = report.findings.filter((f) => f.rule === defect.rule);
      expect(found).toEqual([
        expect.objectContaining({ principle: defect.principle, rule: defect.rule, sheet: defect.sheet, cell: defect.cell }),
      ]);
    });

    it("reports nothing but the seeded defects (apart from information)", () => {
      const expected = new Set(listed.defects.map((d) => `${d.rule}|${d.sheet}!${d.cell}`));
      const others = report.findings.filter((f) => f.severity !== "info" && !expected.has(`${f.rule}|${f.sheet}!${f.cell}`));
      expect(others).toEqual([]);
      expect(report.summary.errors).toBe(report.findings.filter((f) => f.severity === "error").length);
      expect(report.summary.errors).toBeGreaterThan(0);
    });
  });

  it("are what the generator writes today (run `npm run examples` after changing it)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vfm-examples-"));
    try {
      const written = await generateExamples(dir);
      for (const file of written) {
        const fresh = fs.readFileSync(file);
        const committed = fs.readFileSync(path.join(EXAMPLES, path.basename(file)));
        expect({ file: path.basename(file), same: fresh.equals(committed) }).toEqual({ file: path.basename(file), same: true });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(DEFECT_RECIPES).toHaveLength(10);
  });
});
