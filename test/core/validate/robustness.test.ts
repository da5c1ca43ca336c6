/** No input makes a rule throw: random cells in a complete register never produce an internal error. */
import fc from "fast-check";
import { PRINCIPLES, validateWorkbook } from "../../../src/core/validate";
import type { Cell } from "../../../src/core/workbook/model";
import { clean } from "./fixtures";

const SHEETS = ["Settings", "Baseline", "Gains", "Profile", "Milestones", "Reinvestment", "Quarterly", "Comparatives", "Publication"];

const cellArb: fc.Arbitrary<Cell | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.double({ noNaN: false }).map((value) => ({ value })),
  fc.integer({ min: -3_000_000, max: 3_000_000 }).map((value) => ({ value })),
  fc
    .constantFrom(
      "",
      " ",
      "Total",
      "Green",
      "Amber",
      "50%",
      "£1,200",
      "(80)",
      "Q1 2008-09",
      "2008/09",
      "__proto__",
      "constructor",
      "Service reduction",
      "31/12/2009",
      "3",
      "Cashable",
    )
    .map((value) => ({ value })),
  fc.string().map((value) => ({ value })),
  fc.boolean().map((value) => ({ value })),
  fc.constantFrom("#REF!", "#DIV/0!", "#N/A", "#VALUE!").map((error) => ({ value: null, error })),
  fc.record({ value: fc.integer(), formula: fc.constantFrom("VFM.DEFLATE(1,2,3)", "A1+B1") }),
);

const editArb = fc.record({
  sheet: fc.constantFrom(...SHEETS),
  row: fc.integer({ min: 0, max: 14 }),
  col: fc.integer({ min: 0, max: 20 }),
  cell: cellArb,
});

describe("robustness", () => {
  it("never turns random cells (headers included) into a crash or an internal error", () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 12 }), (edits) => {
        const model = clean();
        for (const e of edits) {
          const sheet = model.sheets.find((s) => s.name === e.sheet)!;
          (sheet.rows[e.row] ??= [])[e.col] = e.cell;
        }
        const report = validateWorkbook(model, { file: "fuzz.xlsx" });
        expect(report.findings.filter((f) => f.rule === "method.internal-error")).toEqual([]);
        for (const f of report.findings) {
          expect(PRINCIPLES).toContain(f.principle);
          expect(f.message).not.toMatch(/undefined|NaN|\[object/);
          expect(f.sheet === null ? f.cell === null : typeof f.cell === "string").toBe(true);
        }
        const t = report.summary.target;
        if (t) expect(Number.isFinite(t.value) && Number.isFinite(t.progress)).toBe(true);
      }),
      { numRuns: 150, seed: 20071231 },
    );
  });
});
