/**
 * What the formatters and the pane need to know about the rules: the validator's rule metadata,
 * passed in as one RuleCatalogue (the one meaning of the word in this code base).
 */
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
  /** The rule's message templates by id, with {{placeholders}} (SARIF's messageStrings). */
  messages?: Readonly<Record<string, string>>;
}

/** A rule's metadata with where its documentation is. */
interface RuleText extends RuleInfo {
  /** Documentation address or path, e.g. "docs/rules/iii.net-recomputes.md". */
  docPath: string;
}

/** The rules a report can name, their principles' titles and their documentation. */
export interface RuleCatalogue {
  /** Every rule, in the order the docs list them. */
  readonly rules: readonly RuleInfo[];
  /** Title of a principle, e.g. i: "The baseline should be clearly quantified". */
  principleTitle(key: PrincipleKey): string;
  /** One rule's metadata and documentation; undefined for an id the catalogue does not hold. */
  rule(id: string): RuleText | undefined;
  /** Documentation address or path of a rule, e.g. "docs/rules/iii.net-recomputes.md". */
  docPath(ruleId: string): string;
}

/** A catalogue over a list of rules. */
export function createRuleCatalogue(
  rules: readonly RuleInfo[],
  principleTitles: Readonly<Record<PrincipleKey, string>>,
  docPath: (ruleId: string) => string,
): RuleCatalogue {
  const byId = new Map(rules.map((rule) => [rule.id, rule] as const));
  return {
    rules,
    principleTitle: (key) => principleTitles[key],
    rule(id) {
      const rule = byId.get(id);
      return (
        rule && {
          id: rule.id,
          principle: rule.principle,
          severity: rule.severity,
          title: rule.title,
          why: rule.why,
          fix: rule.fix,
          judgement: rule.judgement,
          messages: rule.messages,
          docPath: docPath(rule.id),
        }
      );
    },
    docPath,
  };
}

/** "(iii)" for a principle, "(method)" for the cross-cutting rules: the keys of the JSON report. */
export function principleLabel(principle: PrincipleKey): string {
  return `(${principle})`;
}
