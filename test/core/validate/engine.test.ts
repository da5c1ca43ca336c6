import {
  analyse,
  extractVfmData,
  getRule,
  PRINCIPLE_TITLES,
  PRINCIPLES,
  ruleDocPath,
  RULES,
  runRules,
  validateWorkbook,
  type Rule,
} from "../../../src/core/validate";
import { buildModel, f, sheet } from "../../support/model-builder";
import { clean, cleanWith, knownGain } from "./fixtures";
import { setCells } from "../../support/model-builder";

describe("the rule catalogue", () => {
  it("has unique ids of the form principle.name, each with its texts and examples", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^(i|ii|iii|iv|v|vi|vii|viii|ix|method)\.[a-z0-9-]+$/);
      expect(rule.id.split(".")[0]).toBe(rule.principle);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.why.length).toBeGreaterThan(30);
      expect(rule.fix.length).toBeGreaterThan(20);
      expect(rule.example.failing.length).toBeGreaterThan(5);
      if (rule.principle !== "method") expect(rule.why).toContain(`(${rule.principle})`);
    }
  });

  it("covers every principle", () => {
    for (const p of PRINCIPLES) expect(RULES.some((r) => r.principle === p)).toBe(true);
    expect(Object.keys(PRINCIPLE_TITLES).sort()).toEqual([...PRINCIPLES].sort());
  });

  it("finds rules and their documentation pages", () => {
    expect(getRule("iii.net-recomputes")!.severity).toBe("error");
    expect(getRule("nope")).toBeUndefined();
    expect(ruleDocPath("iii.net-recomputes")).toBe("docs/rules/iii.net-recomputes.md");
  });
});

describe("validateWorkbook", () => {
  it("gives the JSON shape of workbook.md", () => {
    const report = validateWorkbook(setCells(knownGain(), { "Gains!K2": f("I2-J2+30", 450) }), { file: "examples/force-a.xlsx" });
    expect(Object.keys(report)).toEqual(["file", "reportingDate", "summary", "findings"]);
    // workbook.md's shape, then why each principle that could not be checked was not ("notChecked", docs/cli.md).
    expect(Object.keys(report.summary)).toEqual(["errors", "warnings", "infos", "principles", "target", "notChecked"]);
    expect(Object.keys(report.summary.principles)).toEqual([...PRINCIPLES]);
    const finding = report.findings.find((x) => x.rule === "iii.net-recomputes")!;
    expect(finding).toEqual({
      principle: "iii",
      rule: "iii.net-recomputes",
      severity: "error",
      sheet: "Gains",
      cell: "K2",
      message: "Net gain £450 does not equal gross £500 - costs £80 (£420).",
      messageId: "differs",
      data: { net: "£450", gross: "£500", costs: "£80", expected: "£420" },
    });
    expect(Object.keys(finding)).toEqual(["principle", "rule", "severity", "sheet", "cell", "message", "messageId", "data"]);
    expect(report.summary.principles.iii).toBe("fail");
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it("derives principle status: fail on an error, warn on a warning, info changes nothing", () => {
    const report = validateWorkbook(cleanWith({ "Gains!H2": null, "Publication!D2": null }), { file: "t" });
    expect(report.summary.principles.ii).toBe("warn");
    expect(report.summary.principles.ix).toBe("pass");
    expect(report.summary.infos).toBeGreaterThanOrEqual(2);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.warnings).toBe(1);
  });

  it("sorts findings by principle, then sheet order, row and column", () => {
    const report = validateWorkbook(cleanWith({ "Gains!S3": null, "Gains!K4": 1, "Gains!K2": 2, "Baseline!D2": null, "Profile!D3": 1 }), {
      file: "t",
    });
    const order = report.findings.map((x) => `${x.principle} ${x.sheet}!${x.cell}`);
    const principles = report.findings.map((x) => PRINCIPLES.indexOf(x.principle));
    expect([...principles].sort((a, b) => a - b)).toEqual(principles);
    expect(order.indexOf("iii Gains!K2")).toBeLessThan(order.indexOf("iii Gains!K4"));
  });

  it("turns a rule that throws into one warning and still runs the others", () => {
    const broken: Rule = {
      ...getRule("iii.net-recomputes")!,
      check: () => {
        throw new Error("boom");
      },
    };
    const findings = runRules(analyse(clean(), { file: "t" }), [broken, getRule("method.progress")!]);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: "method.internal-error",
        severity: "warning",
        sheet: null,
        cell: null,
        message: expect.stringContaining("iii.net-recomputes could not be completed (boom)"),
      }),
      expect.objectContaining({ rule: "method.progress" }),
    ]);
  });

  it("reports progress against the target as methodology.md says: cashable, risk-adjusted, no service reductions", () => {
    const model = buildModel({
      sheets: [
        sheet("Settings", [
          ["Key", "Value"],
          ["Baseline year", "2007-08"],
          ["Target rate", "3%"],
          ["Target years", 3],
        ]),
        sheet("Baseline", [
          ["Line", "Amount"],
          ["Home Office group RDEL and police GRE", 15246],
        ]),
        sheet("Gains", [
          ["ID", "Type", "Gross gain", "Costs", "Net gain", "Deliverability", "Risk-adjusted gain", "Service impact"],
          ["G1", "Cashable", 1000, 100, 900, 0.9, 800, "None"],
          ["G2", "Non-cashable", 500, 0, 500, 1, 500, "None"],
          ["G3", "Cashable", 300, 0, 300, "Green", 300, "Service reduction"],
          ["G4", "Cashable", 400, 50, 350, "Amber", 150, "No reduction"],
        ]),
      ],
    });
    const data = extractVfmData(model, { file: "t", today: "2009-12-31" });
    expect(data.target!.value).toBe(1413.715842);
    expect(data.target!.riskAdjustedCashable).toBe(950);
    expect(data.target!.progress).toBeCloseTo(950 / 1413.715842, 12);
    expect(data.totals.serviceReductionNet).toBe(300);
    expect(data.gains.map((g) => g.serviceReduction)).toEqual([false, false, true, false]);
    const report = validateWorkbook(model, { file: "t", today: "2009-12-31" });
    expect(report.summary.target).toEqual(data.target);
  });

  it("uses the simple method of SR2004 when the Settings say so", () => {
    const model = buildModel({
      sheets: [
        sheet("Settings", [
          ["Key", "Value"],
          ["Baseline year", "2004-05"],
          ["Target rate", 0.025],
          ["Target method", "simple"],
        ]),
        sheet("Baseline", [
          ["Line", "Amount (£m)"],
          ["Local government", 86000],
        ]),
      ],
    });
    // Without a register the target is in the Settings unit (£).
    expect(extractVfmData(model, { file: "t" }).target!.value).toBe(6_450_000_000);
    const withGain = buildModel({
      sheets: [
        ...model.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => (r ?? []).map((c) => c?.value ?? null)) })),
        sheet("Gains", [
          ["ID", "Type", "Gross gain (£m)", "Costs (£m)", "Deliverability"],
          ["G1", "Cashable", 6450, 0, 1],
        ]),
      ],
    });
    const data = extractVfmData(withGain, { file: "t" });
    expect(data.target!.value).toBe(6450);
    expect(data.target!.progress).toBe(1);
  });
});
