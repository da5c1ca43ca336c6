import { createRuleCatalogue, type RuleCatalogue } from "../../../src/core/report/index";
import { PRINCIPLES, type PrincipleKey, type ValidationReport } from "../../../src/core/validate/types";

const titles = Object.fromEntries(PRINCIPLES.map((p) => [p, `Principle ${p} title`])) as Record<PrincipleKey, string>;

export const CATALOGUE: RuleCatalogue = createRuleCatalogue(
  [
    {
      id: "iii.net-recomputes",
      principle: "iii",
      severity: "error",
      title: "Net gain recomputes",
      why: "Principle (iii) says gains are net of cost.",
      fix: "Make Net gain a formula: Gross gain - Costs.",
    },
    {
      id: "iv.milestones",
      principle: "iv",
      severity: "warning",
      title: "Material gains have milestones",
      why: "Principle (iv) asks for milestones.",
      fix: "Add a dated milestone.",
      judgement: "Materiality is our judgement.",
    },
    {
      id: "ix.recognition",
      principle: "ix",
      severity: "info",
      title: "Recognition recorded",
      why: "Principle (ix): rewarded.",
      fix: "Note the reward.",
    },
  ],
  titles,
  (id) => `docs/rules/${id}.md`,
);

export function report(overrides: Partial<ValidationReport> = {}): ValidationReport {
  const principles = Object.fromEntries(PRINCIPLES.map((p) => [p, "pass"])) as Record<PrincipleKey, "pass" | "warn" | "fail">;
  principles.iii = "fail";
  principles.iv = "warn";
  return {
    file: "returns/force a.xlsx",
    reportingDate: "2026-10-31",
    summary: { errors: 1, warnings: 1, infos: 1, principles, target: { value: 1413.72, riskAdjustedCashable: 1102.4, progress: 0.7798 } },
    findings: [
      {
        principle: "iii",
        rule: "iii.net-recomputes",
        severity: "error",
        sheet: "Gains",
        cell: "K7",
        message: "Net gain 450 does not equal gross 500 - costs 80 (420).",
      },
      {
        principle: "iv",
        rule: "iv.milestones",
        severity: "warning",
        sheet: "My gains",
        cell: "A4:A9",
        message: "Gain G1 has no dated milestone.",
      },
      { principle: "ix", rule: "ix.recognition", severity: "info", sheet: null, cell: null, message: "No recognition is recorded." },
    ],
    ...overrides,
  };
}
