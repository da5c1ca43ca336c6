/** What the formatters need to know about the rules: the validator's rule metadata, passed in. */
import type { PrincipleKey, Severity } from "../validate/types";

export interface RuleInfo {
  id: string;
  principle: PrincipleKey;
  severity: Severity;
  /** Short title, e.g. "Net gain recomputes as gross less costs". */
  title: string;
  /** Why this matters, quoting the principle. */
  why: string;
  /** How to fix it. */
  fix: string;
  /** Set when the rule is a judgement of ours rather than the regime's wording. */
  judgement?: string;
}

export interface RuleCatalogue {
  rules: readonly RuleInfo[];
  /** Title of each principle, e.g. i: "The baseline should be clearly quantified". */
  principleTitles: Readonly<Record<PrincipleKey, string>>;
  /** Documentation address or path of a rule, e.g. "docs/rules/iii.net-recomputes.md". */
  docPath(ruleId: string): string;
}

export function ruleById(catalogue: RuleCatalogue, id: string): RuleInfo | undefined {
  return catalogue.rules.find((rule) => rule.id === id);
}

/** "(iii)" for a principle, "(method)" for the cross-cutting rules: the keys of the JSON report. */
export function principleLabel(principle: PrincipleKey): string {
  return `(${principle})`;
}
