import { generateRegisterModel } from "./register-generator";
import { validateWorkbook } from "../../src/core/validate";

describe("generateRegisterModel", () => {
  it.each([1, 7, 250])("builds a clean register of %i gains (no errors, no warnings)", (gains) => {
    const report = validateWorkbook(generateRegisterModel(gains), { file: "generated.xlsx" });
    const problems = report.findings.filter((f) => f.severity !== "info");
    expect(problems).toEqual([]);
    expect(report.reportingDate).toBe("2009-12-31");
  });

  it("is deterministic", () => {
    expect(generateRegisterModel(30)).toEqual(generateRegisterModel(30));
  });

  it("reports progress against the CSR07 target", () => {
    const report = validateWorkbook(generateRegisterModel(50), { file: "generated.xlsx" });
    expect(report.summary.target).not.toBeNull();
    expect(report.summary.target!.value).toBeGreaterThan(0);
    expect(report.summary.principles).toEqual({
      i: "pass",
      ii: "pass",
      iii: "pass",
      iv: "pass",
      v: "pass",
      vi: "pass",
      vii: "pass",
      viii: "pass",
      ix: "pass",
      method: "pass",
    });
  });
});
