/**
 * A RuleTester in the manner of typescript-eslint's: each rule gets valid models (no finding from
 * that rule) and invalid ones (exactly the listed findings: rule id, severity, sheet, cell, message
 * id and data). It refuses a message id the rule does not declare, data that leaves a placeholder
 * unfilled (or fills one the message does not have), and two cases with the same name or the same
 * workbook and options.
 */
import { analyse, runRules, type Rule, type ValidateOptions } from "../../../src/core/validate";
import { ruleMessages } from "../../../src/core/validate/rule";
import { placeholders } from "../../../src/core/validate/messages";
import type { Severity } from "../../../src/core/validate/types";
import type { WorkbookModel } from "../../../src/core/workbook/model";

export interface ExpectedFinding {
  rule?: string;
  severity?: Severity;
  sheet: string | null;
  cell: string | null;
  /** One of the rule's message ids (or the context's missingTable / missingColumn). */
  messageId: string;
  /** The values of the message's placeholders, exactly ({} when it has none). */
  data: Record<string, string>;
  /** Also a part of the rendered message, or a pattern it must match. */
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

function findingsOf(rule: Rule, model: WorkbookModel, options: Partial<ValidateOptions> = {}) {
  return runRules(analyse(model, { file: "test.xlsx", ...options }), [rule]);
}

/** Why an expected finding cannot be right for the rule, or null. */
export function expectedFindingProblem(rule: Rule, expected: ExpectedFinding): string | null {
  const owner = expected.rule ?? rule.id;
  if (owner !== rule.id) return null; // another rule's finding (e.g. method.internal-error) is checked by its own tests
  const template = ruleMessages(rule)[expected.messageId];
  if (template === undefined) return `${rule.id} has no message "${expected.messageId}" (it has ${Object.keys(rule.messages).join(", ")})`;
  const wanted = placeholders(template);
  const given = Object.keys(expected.data);
  const unfilled = wanted.filter((name) => !given.includes(name));
  const unknown = given.filter((name) => !wanted.includes(name));
  if (unfilled.length) return `${rule.id} message "${expected.messageId}" leaves {{${unfilled.join("}}, {{")}}} unfilled`;
  if (unknown.length) return `${rule.id} message "${expected.messageId}" has no placeholder {{${unknown.join("}}, {{")}}}`;
  return null;
}

/** Why the cases cannot all be run, or null: a repeated name, or the same workbook and options twice. */
export function duplicateCaseProblem(cases: readonly ValidCase[]): string | null {
  const names = new Set<string>();
  const inputs = new Map<string, string>();
  for (const c of cases) {
    if (names.has(c.name)) return `two cases are named "${c.name}"`;
    names.add(c.name);
    const input = JSON.stringify([c.model, c.options ?? {}]);
    const earlier = inputs.get(input);
    if (earlier !== undefined) return `cases "${earlier}" and "${c.name}" check the same workbook with the same options`;
    inputs.set(input, c.name);
  }
  return null;
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    if (cases.valid.length === 0 || cases.invalid.length === 0) throw new Error(`${rule.id} needs valid and invalid cases`);
    const duplicate = duplicateCaseProblem([...cases.valid, ...cases.invalid]);
    if (duplicate) throw new Error(`${rule.id}: ${duplicate}`);
    for (const c of cases.invalid) {
      for (const e of c.errors) {
        const problem = expectedFindingProblem(rule, e);
        if (problem) throw new Error(`${rule.id}, case "${c.name}": ${problem}`);
      }
    }
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(findingsOf(rule, c.model, c.options)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = findingsOf(rule, c.model, c.options);
        expect(
          found.map((f) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, messageId: f.messageId, data: f.data })),
        ).toEqual(
          c.errors.map((e) => ({
            rule: e.rule ?? rule.id,
            severity: e.severity ?? rule.severity,
            sheet: e.sheet,
            cell: e.cell,
            messageId: e.messageId,
            data: e.data,
          })),
        );
        for (const f of found) expect(f.message).not.toMatch(/\{\{|\}\}/);
        c.errors.forEach((e, i) => {
          if (e.message instanceof RegExp) expect(found[i].message).toMatch(e.message);
          else if (typeof e.message === "string") expect(found[i].message).toContain(e.message);
        });
      });
    }
  });
}
