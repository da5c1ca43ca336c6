/**
 * A RuleTester in the manner of typescript-eslint's: each rule gets valid models (no finding from
 * that rule) and invalid ones (exactly the listed findings: rule id, severity, sheet and cell).
 */
import { analyse, runRules, type Rule, type ValidateOptions } from "../../../src/core/validate";
import type { Severity } from "../../../src/core/validate/types";
import type { WorkbookModel } from "../../../src/core/workbook/model";

export interface ExpectedFinding {
  rule?: string;
  severity?: Severity;
  sheet: string | null;
  cell: string | null;
  /** A part of the message, or a pattern it must match. */
  message?: string | RegExp;
}

export interface ValidCase {
  name: string;
  model: WorkbookModel;
  options?: Partial<ValidateOptions>;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

export function findingsOf(rule: Rule, model: WorkbookModel, options: Partial<ValidateOptions> = {}) {
  return runRules(analyse(model, { file: "test.xlsx", ...options }), [rule]);
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    if (cases.valid.length === 0 || cases.invalid.length === 0) throw new Error(`${rule.id} needs valid and invalid cases`);
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(findingsOf(rule, c.model, c.options)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = findingsOf(rule, c.model, c.options);
        expect(found.map((f) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell }))).toEqual(
          c.errors.map((e) => ({ rule: e.rule ?? rule.id, severity: e.severity ?? rule.severity, sheet: e.sheet, cell: e.cell })),
        );
        c.errors.forEach((e, i) => {
          if (e.message instanceof RegExp) expect(found[i].message).toMatch(e.message);
          else if (typeof e.message === "string") expect(found[i].message).toContain(e.message);
        });
      });
    }
  });
}
