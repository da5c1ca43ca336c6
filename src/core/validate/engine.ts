/**
 * The rule engine: discovery and parsing once (analyse), then every rule's check, each guarded so a
 * rule that throws becomes one warning instead of stopping the check. Findings are sorted by principle,
 * then sheet order, row and column; the summary counts them and derives each principle's status.
 */
import type { WorkbookModel } from "../workbook/model";
import { parseA1Range } from "../workbook/model";
import { analyse, type Analysis, type ValidateOptions, type VfmData } from "./analysis";
import { evidenceGaps, MISSING_TABLE } from "./evidence";
import { NO_DEADLINE, startDeadline, type Deadline } from "./deadline";
import { RuleContext, ruleMessages, type Rule, type RuleFinding } from "./rule";
import { MessageError, renderMessage } from "./messages";
import { RULES } from "./rules";
import { onTrackOf, type OnTrackJudgement } from "../review/on-track";
import type { MoneyUnit } from "./text";
import {
  PRINCIPLES,
  type Finding,
  type PrincipleKey,
  type PrincipleNotChecked,
  type PrincipleStatus,
  type ValidationReport,
} from "./types";

export const INTERNAL_ERROR_RULE = "method.internal-error";

const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

export function getRule(id: string): Rule | undefined {
  return RULES_BY_ID.get(id);
}

/** Repository path of a rule's documentation page, e.g. "docs/rules/iii.net-recomputes.md". */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** The finding as reported: the rule's metadata and its message filled in from the data. */
function toFinding(rule: Rule, f: RuleFinding): Finding {
  const template = ruleMessages(rule)[f.messageId];
  if (template === undefined) throw new MessageError(`${rule.id} has no message "${f.messageId}"`);
  return {
    principle: rule.principle,
    rule: rule.id,
    severity: rule.severity,
    sheet: f.sheet,
    cell: f.sheet === null ? null : f.cell,
    message: renderMessage(template, f.data, `${rule.id} message "${f.messageId}"`),
    messageId: f.messageId,
    data: { ...f.data },
  };
}

function runRule(rule: Rule, ctx: RuleContext): Finding[] {
  try {
    const returned = rule.check(ctx);
    // What the rule reported through the context (requireColumn, report) comes first, then what it returned.
    return [...ctx.takeReported(), ...returned].map((f) => toFinding(rule, f));
  } catch (error) {
    ctx.takeReported(); // a failed rule's partial findings are dropped, as its return value is
    const reason = error instanceof Error ? error.message : String(error);
    return [
      toFinding(RULES_BY_ID.get(INTERNAL_ERROR_RULE)!, { sheet: null, cell: null, messageId: "failed", data: { rule: rule.id, reason } }),
    ];
  }
}

const PRINCIPLE_ORDER = new Map<PrincipleKey, number>(PRINCIPLES.map((p, i) => [p, i]));
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortFindings(findings: Finding[], model: WorkbookModel): Finding[] {
  const sheetOrder = new Map<string, number>(model.sheets.map((s, i) => [s.name, i]));
  const keyed = findings.map((f, index) => {
    const rect = f.cell ? parseA1Range(f.cell.split(":")[0]) : null;
    return {
      f,
      index,
      p: PRINCIPLE_ORDER.get(f.principle)!,
      s: f.sheet === null ? -1 : (sheetOrder.get(f.sheet) ?? sheetOrder.size),
      r: rect ? rect.startRow : -1,
      c: rect ? rect.startCol : -1,
    };
  });
  keyed.sort(
    (a, b) =>
      a.p - b.p || a.s - b.s || a.r - b.r || a.c - b.c || SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.index - b.index,
  );
  return keyed.map((k) => k.f);
}

/**
 * Runs the given rules (all of them by default) over an analysed workbook. The deadline is looked at
 * before each rule, outside the guard that turns a rule's own failure into a finding: running out of
 * time stops the whole check.
 */
export function runRules(analysis: Analysis, rules: readonly Rule[] = RULES, deadline: Deadline = NO_DEADLINE): Finding[] {
  const ctx = new RuleContext(analysis);
  const findings: Finding[] = [];
  for (const rule of rules) {
    deadline.check();
    for (const f of runRule(rule, ctx)) findings.push(f);
  }
  deadline.check();
  return sortFindings(findings, analysis.model);
}

/**
 * Counts the findings and gives each principle its status (src/core/validate/evidence.ts):
 * "not-checked" when the tables it checks are missing or empty; else "fail" on an error finding
 * (other than a missing table); else "not-checked" when a further table it needs is missing; else
 * "warn" on a warning; else "pass".
 */
export function summarise(
  findings: readonly Finding[],
  analysis: Pick<Analysis, "data" | "tables" | "recognition">,
  file: string,
): ValidationReport {
  const { gaps, nothingChecked } = evidenceGaps(analysis, findings);
  const principles = Object.fromEntries(PRINCIPLES.map((p) => [p, gaps[p] ? "not-checked" : "pass"])) as Record<
    PrincipleKey,
    PrincipleStatus
  >;
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    const decided = nothingChecked.has(f.principle);
    if (f.severity === "error") {
      errors++;
      // A missing table is evidence not found, not an error found in the evidence.
      if (!decided && f.messageId !== MISSING_TABLE) principles[f.principle] = "fail";
    } else if (f.severity === "warning") {
      warnings++;
      if (principles[f.principle] === "pass") principles[f.principle] = "warn";
    } else infos++;
  }
  const notChecked: Partial<Record<PrincipleKey, PrincipleNotChecked>> = {};
  for (const p of PRINCIPLES) if (principles[p] === "not-checked") notChecked[p] = gaps[p];
  return {
    file,
    reportingDate: analysis.data.reportingDate,
    summary: { errors, warnings, infos, principles, target: analysis.data.target, notChecked },
    findings: [...findings],
  };
}

/** Checks a workbook against the nine CSR07 measurement principles and the method rules. */
export function validateWorkbook(model: WorkbookModel, options: ValidateOptions): ValidationReport {
  return validateWorkbookWithContext(model, options).report;
}

/**
 * The report and whether any VfM table was found at all (surfaces then say "no VfM tables found";
 * every principle reads "not-checked" in the report itself).
 */
export function validateWorkbookWithContext(
  model: WorkbookModel,
  options: ValidateOptions,
): { report: ValidationReport; vfmTablesFound: boolean; onTrack: OnTrackJudgement | null; unit: MoneyUnit; analysis: Analysis } {
  // Throws CheckDeadlineExceeded (a one-line message) past options.deadlineMs, 20 s by default.
  const deadline = startDeadline(options);
  const analysis = analyse(model, options);
  deadline.check();
  return {
    report: summarise(runRules(analysis, RULES, deadline), analysis, options.file),
    vfmTablesFound: analysis.tables.size > 0,
    // On track or not against the target path (src/core/review/on-track.ts), for the return's verdict.
    onTrack: onTrackOf(analysis),
    unit: analysis.data.unit,
    // For a caller that reads the return's records too (vfm consolidate), so it is analysed once.
    analysis,
  };
}

/** The parsed VfM data (after discovery) for the pane's target panel; nothing is computed twice. */
export function extractVfmData(model: WorkbookModel, options: ValidateOptions): VfmData {
  return analyse(model, options).data;
}
