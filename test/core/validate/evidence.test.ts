/**
 * Honest verdicts (#9 item 6): a principle whose evidence was not found reads "not-checked", with the
 * tables looked for, never "pass"; an error in the evidence that is there still reads "fail".
 */
import { validateWorkbook } from "../../../src/core/validate/index";
import { PRINCIPLES, type PrincipleKey, type ValidationReport } from "../../../src/core/validate/types";
import type { WorkbookModel } from "../../../src/core/workbook/model";
import { VFM_TEMPLATE } from "../../../src/core/template/spec";
import { readXlsx } from "../../../src/adapters/xlsx/read/index";
import { writeXlsx } from "../../../src/adapters/xlsx/write";
import { clean, cleanWith } from "./fixtures";

/** The model without the sheet (and its Excel table) named. */
function without(model: WorkbookModel, ...sheets: string[]): WorkbookModel {
  const gone = new Set(sheets.map((s) => s.toLowerCase()));
  model.sheets = model.sheets.filter((s) => !gone.has(s.name.toLowerCase()));
  model.tables = model.tables.filter((t) => !gone.has(t.sheet.toLowerCase()));
  return model;
}

const check = (model: WorkbookModel): ValidationReport => validateWorkbook(model, { file: "t.xlsx", reportingDate: "2009-12-31" });
const notCheckedOf = (report: ValidationReport) => PRINCIPLES.filter((p) => report.summary.principles[p] === "not-checked");

describe("principles whose evidence was not found", () => {
  it("the clean register has every principle checked, and an empty notChecked", () => {
    const report = check(clean());
    expect(notCheckedOf(report)).toEqual([]);
    expect(report.summary.notChecked).toEqual({});
  });

  it("a workbook without a Quarterly table reads (vi) not-checked, naming the table looked for, never pass", () => {
    const report = check(without(clean(), "Quarterly"));
    expect(report.summary.principles.vi).toBe("not-checked");
    expect(report.summary.notChecked).toEqual({
      vi: { tables: ["Quarterly"], reason: `No Quarterly table was found on the ${clean().sheets.length - 1} sheets looked at.` },
    });
    // The other principles are judged as before.
    expect(report.summary.principles.i).toBe("pass");
  });

  it("a missing table reported as an error makes the principle not-checked, not fail; the error still counts", () => {
    const report = check(without(clean(), "Comparatives"));
    const missing = report.findings.filter((f) => f.rule === "vii.measures-present");
    expect(missing).toEqual([expect.objectContaining({ severity: "error", messageId: "missingTable" })]);
    expect(report.summary.principles.vii).toBe("not-checked");
    expect(report.summary.notChecked?.vii?.tables).toEqual(["Comparatives"]);
    expect(report.summary.errors).toBe(1);
  });

  it("a principle's own missing-table finding beyond its first table counts too: no Milestones, (iv) not-checked", () => {
    const report = check(without(clean(), "Milestones"));
    expect(report.findings.some((f) => f.principle === "iv" && f.messageId === "missingTable")).toBe(true);
    expect(report.summary.principles.iv).toBe("not-checked");
    expect(report.summary.notChecked?.iv?.tables).toEqual(["Milestones"]);
  });

  it("an error found in the evidence that is there still reads fail, and then there is no notChecked entry", () => {
    const report = check(without(cleanWith({ "Profile!D3": "lots" }), "Milestones"));
    expect(report.findings.some((f) => f.principle === "iv" && f.severity === "error" && f.messageId !== "missingTable")).toBe(true);
    expect(report.summary.principles.iv).toBe("fail");
    expect(report.summary.notChecked?.iv).toBeUndefined();
  });

  it("without a register, every principle that reads the register is not-checked", () => {
    const report = check(without(clean(), "Gains"));
    for (const p of ["ii", "iii", "iv", "v", "viii", "method"] as PrincipleKey[]) {
      expect(report.summary.principles[p]).toBe("not-checked");
      expect(report.summary.notChecked?.[p]?.tables).toContain("Gains");
    }
  });

  it("the empty template (tables with headers and no records) has no principle checked, and none reads pass", async () => {
    const read = await readXlsx(await writeXlsx(VFM_TEMPLATE));
    if (!read.ok) throw new Error(read.reason);
    const report = check(read.model);
    expect(notCheckedOf(report)).toEqual([...PRINCIPLES]);
    expect(report.summary.notChecked?.iii?.reason).toBe("The Gains table on sheet Gains has no records.");
    expect(report.summary.notChecked?.iv?.tables).toEqual(["Gains", "Profile"]);
  });

  it("a workbook with no sheets at all has nothing checked", () => {
    const report = check({ sheets: [], tables: [], names: [], date1904: false });
    expect(notCheckedOf(report)).toEqual([...PRINCIPLES]);
  });
});
