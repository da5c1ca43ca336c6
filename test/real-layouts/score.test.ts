/**
 * Recall and error precision of the validator on workbooks (issue #9, Tests). The scorer itself is
 * tested first on made-up findings, so a figure it prints can be trusted; then the template-shaped
 * workbooks (the Northmoor examples, Harbourside authored in LibreOffice) must keep scoring fully:
 * no error on the clean example, every seeded defect found, no false error.
 * `npm run score:layouts` prints the same figures for the real-layout corpus.
 */
import type { Finding, ValidationReport } from "../../src/core/validate/types";
import { PRINCIPLES } from "../../src/core/validate/types";
import { formatScore, matches, scoreReport, scoreTemplateShaped, totalScore, type FixtureExpectation } from "../support/real-layouts";

const finding = (rule: string, sheet: string | null, cell: string | null, severity: Finding["severity"] = "error"): Finding => ({
  principle: rule.split(".")[0] as Finding["principle"],
  rule,
  severity,
  sheet,
  cell,
  message: "m",
});

const report = (findings: Finding[], statuses: Partial<Record<string, string>> = {}): ValidationReport =>
  ({
    file: "x.xlsx",
    reportingDate: "2012-09-30",
    summary: {
      errors: 0,
      warnings: 0,
      infos: 0,
      principles: Object.fromEntries(PRINCIPLES.map((p) => [p, statuses[p] ?? "pass"])),
      target: null,
    },
    findings,
  }) as unknown as ValidationReport;

const expectation = (over: Partial<FixtureExpectation>): FixtureExpectation => ({
  file: "x.xlsx",
  body: "b",
  program: "exceljs",
  reportingDate: "2012-09-30",
  shapes: [],
  defects: [],
  tolerated: [],
  mustNot: [],
  principles: { notPass: [], notChecked: [] },
  ...over,
});

describe("the scorer", () => {
  it("matches a finding by rule, sheet (any case) and an overlapping cell or range", () => {
    const want = { rule: "iii.net-recomputes", sheet: "Savings Plan", range: "H10:S10", why: "w" };
    expect(matches(finding("iii.net-recomputes", "savings plan", "R10"), want)).toBe(true);
    expect(matches(finding("iii.net-recomputes", "Savings Plan", "A9:Z10"), want)).toBe(true);
    expect(matches(finding("iii.net-recomputes", "Savings Plan", "R11"), want)).toBe(false);
    expect(matches(finding("iii.costs-present", "Savings Plan", "R10"), want)).toBe(false);
    expect(matches(finding("iii.net-recomputes", "Phasing", "R10"), want)).toBe(false);
    expect(matches(finding("iii.net-recomputes", null, null), want)).toBe(false);
    // No sheet given: anywhere, a missing-table finding included; a severity given must agree.
    expect(matches(finding("ix.publication-record", null, null, "warning"), { rule: "ix.publication-record", why: "w" })).toBe(true);
    expect(
      matches(finding("ix.publication-record", null, null, "warning"), { rule: "ix.publication-record", severity: "error", why: "w" }),
    ).toBe(false);
  });

  it("counts recall over seeded defects and precision over error findings, leaving tolerated consequences out", () => {
    const e = expectation({
      defects: [
        { rule: "iii.net-recomputes", sheet: "S", range: "R10", why: "w" },
        { rule: "ii.budget-line", sheet: "S", range: "E12", why: "w" },
        { rule: "viii.risk-reviewed", sheet: "S", range: "Z11", why: "w" },
      ],
      tolerated: [{ rule: "v.reinvestment-plan-total", why: "w" }],
      mustNot: [{ rule: "ii.register-present", why: "the register is there" }],
      principles: { notPass: ["iii", "ii", "viii"], notChecked: ["vii"] },
    });
    const score = scoreReport(
      e,
      report(
        [
          finding("iii.net-recomputes", "S", "R10"),
          finding("viii.risk-reviewed", "S", "Z11", "warning"),
          finding("v.reinvestment-plan-total", "S", "H40:H42"),
          finding("ii.register-present", null, null),
          finding("iv.ongoing", "S", "S14", "warning"),
        ],
        { iii: "fail", ii: "pass", viii: "warn", vii: "pass" },
      ),
    );
    expect(score).toEqual(expect.objectContaining({ expected: 3, found: 2, errors: 2, rightErrors: 1, toleratedErrors: 1 }));
    expect(score.misses).toEqual(["ii.budget-line S!E12: w"]);
    expect(score.falseErrors).toEqual(["ii.register-present (error) -!-: m"]);
    expect(score.verdictProblems).toEqual([
      "must not report ii.register-present (error) -!-: the register is there",
      'principle (ii) reads "pass" but carries a seeded defect',
      'principle (vii) reads "pass" but its evidence is not in the workbook ("not-checked" expected)',
    ]);
    const total = totalScore([score, scoreReport(expectation({}), report([]))]);
    expect(total).toEqual(expect.objectContaining({ recall: 2 / 3, precision: 1 / 2, verdictProblems: 3 }));
    expect(formatScore(total)).toContain("overall  recall 2/3 = 66.7%; error precision 1/2 = 50.0%; verdict problems 3");
  });
});

describe("the template-shaped workbooks through the scorer", () => {
  it("keep working: every seeded defect found, no false error, no error on the clean example", async () => {
    const score = await scoreTemplateShaped();
    console.log(`Template-shaped workbooks\n${formatScore(score)}`);
    expect(score.fixtures.map((f) => f.file)).toEqual([
      "northmoor-police.xlsx",
      "northmoor-police-seeded.xlsx",
      "harbourside-council.xlsx",
    ]);
    expect(score.fixtures.flatMap((f) => [...f.misses, ...f.falseErrors, ...f.verdictProblems])).toEqual([]);
    expect(score.fixtures[0].report?.summary.errors).toBe(0);
    expect(score.expected).toBe(16);
    expect(score.recall).toBe(1);
    expect(score.precision).toBe(1);
  });
});
