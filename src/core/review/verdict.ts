/**
 * One verdict per return, the same in every format and surface: whether the file was checked, what
 * failed and what could not be checked, and the target figures. The batch's totals count verdicts,
 * so "12 files: 5 unreadable, 7 with errors" always adds up to the files given.
 */
import { PRINCIPLES, type PrincipleKey, type ValidationReport } from "../validate/types";
import type { MoneyUnit } from "../validate/text";

/**
 * - checked: read and checked against the rules;
 * - not-vfm: read and checked, but no VfM table was found in it (not a VfM workbook, or laid out so
 *   that nothing was recognised);
 * - unreadable: the file could not be read, or could not be checked (the check failed or ran out of
 *   time); `reason` says which;
 * - not-checked: the batch was stopped (Ctrl+C) before this file was reached.
 */
export type VerdictStatus = "checked" | "not-vfm" | "unreadable" | "not-checked";

/** The on-track judgement of a return against its target path (worked out by the review module). */
export interface OnTrackJudgement {
  status: "on-track" | "at-risk" | "off-track";
  /** One line with the figures, e.g. "7,870,000 of 9,300,000 due by 31/10/2026". */
  reason: string;
  /** How far the measure that decided the judgement (the latest actual, or the weakest plan year) falls short of the target path, in the workbook's unit; 0 when it does not. */
  shortfall: number;
}

/** What became of one file: the input of a verdict. */
export type ReturnOutcome =
  | {
      file: string;
      status: "checked";
      report: ValidationReport;
      vfmTablesFound: boolean;
      onTrack?: OnTrackJudgement | null;
      /** The workbook's money unit, for amounts in text; "£" when absent. */
      unit?: MoneyUnit;
    }
  | { file: string; status: "unreadable" | "not-checked"; reason: string };

export interface ReturnVerdict {
  file: string;
  status: VerdictStatus;
  /** Why the file was not checked (one line); null when it was. */
  reason: string | null;
  /** ISO date the check was made against; null when the file was not checked. */
  reportingDate: string | null;
  errors: number;
  warnings: number;
  infos: number;
  /** Principles with an error finding, in the order (i) to (ix), method. */
  principlesFailed: PrincipleKey[];
  /** Principles whose evidence was not found, so they could not be checked. */
  principlesNotChecked: PrincipleKey[];
  /** VFM.TARGET for the workbook, in its unit; null when it cannot be worked out or the file was not checked. */
  target: number | null;
  /** Risk-adjusted cashable net gains counted against the target. */
  riskAdjustedCashable: number | null;
  /** riskAdjustedCashable / target. */
  progress: number | null;
  /** Absent until the on-track judgement has been made for this return. */
  onTrack?: OnTrackJudgement;
}

function notCheckedPrinciples(report: ValidationReport, vfmTablesFound: boolean): PrincipleKey[] {
  return PRINCIPLES.filter((p) => {
    const status = report.summary.principles[p];
    // The engine says "not-checked" itself; a report from older JSON without any VfM table had nothing to pass either.
    return status === "not-checked" || (!vfmTablesFound && status === "pass");
  });
}

export function verdictOf(outcome: ReturnOutcome): ReturnVerdict {
  if (outcome.status !== "checked") {
    return {
      file: outcome.file,
      status: outcome.status,
      reason: outcome.reason,
      reportingDate: null,
      errors: 0,
      warnings: 0,
      infos: 0,
      principlesFailed: [],
      principlesNotChecked: [...PRINCIPLES],
      target: null,
      riskAdjustedCashable: null,
      progress: null,
    };
  }
  const { report, vfmTablesFound } = outcome;
  const { summary } = report;
  return {
    file: outcome.file,
    status: vfmTablesFound ? "checked" : "not-vfm",
    reason: null,
    reportingDate: report.reportingDate,
    errors: summary.errors,
    warnings: summary.warnings,
    infos: summary.infos,
    principlesFailed: PRINCIPLES.filter((p) => summary.principles[p] === "fail"),
    principlesNotChecked: notCheckedPrinciples(report, vfmTablesFound),
    target: summary.target?.value ?? null,
    riskAdjustedCashable: summary.target?.riskAdjustedCashable ?? null,
    progress: summary.target?.progress ?? null,
    ...(outcome.onTrack ? { onTrack: outcome.onTrack } : {}),
  };
}

export interface BatchTotals {
  files: number;
  unreadable: number;
  /** Stopped before it was reached. */
  notChecked: number;
  notVfm: number;
  /** Checked VfM workbooks with at least one error finding. */
  withErrors: number;
  /** Checked VfM workbooks with warnings and no errors. */
  withWarningsOnly: number;
  /** Checked VfM workbooks with neither errors nor warnings. */
  clean: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Each file falls in exactly one of unreadable, not checked, not a VfM workbook, with errors, with warnings only, clean. */
export function batchTotals(verdicts: readonly ReturnVerdict[]): BatchTotals {
  const totals: BatchTotals = {
    files: verdicts.length,
    unreadable: 0,
    notChecked: 0,
    notVfm: 0,
    withErrors: 0,
    withWarningsOnly: 0,
    clean: 0,
    errors: 0,
    warnings: 0,
    infos: 0,
  };
  for (const v of verdicts) {
    totals.errors += v.errors;
    totals.warnings += v.warnings;
    totals.infos += v.infos;
    if (v.status === "unreadable") totals.unreadable++;
    else if (v.status === "not-checked") totals.notChecked++;
    else if (v.status === "not-vfm") totals.notVfm++;
    else if (v.errors > 0) totals.withErrors++;
    else if (v.warnings > 0) totals.withWarningsOnly++;
    else totals.clean++;
  }
  return totals;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/**
 * "12 files: 5 unreadable, 7 with errors, 0 with warnings only, 0 without problems (31 errors, 40 warnings, 2 notes)".
 * Categories that apply only to some batches (not VfM workbooks, stopped) are shown when they occur.
 */
export function totalsLine(totals: BatchTotals): string {
  const parts = [`${totals.unreadable.toLocaleString("en-GB")} unreadable`];
  if (totals.notVfm > 0) parts.push(`${count(totals.notVfm, "not a VfM workbook", "not VfM workbooks")}`);
  parts.push(
    `${totals.withErrors.toLocaleString("en-GB")} with errors`,
    `${totals.withWarningsOnly.toLocaleString("en-GB")} with warnings only`,
    `${totals.clean.toLocaleString("en-GB")} without problems`,
  );
  if (totals.notChecked > 0) parts.push(`${totals.notChecked.toLocaleString("en-GB")} not checked (stopped)`);
  const findings = `${count(totals.errors, "error")}, ${count(totals.warnings, "warning")}, ${count(totals.infos, "note")}`;
  return `${count(totals.files, "file")}: ${parts.join(", ")} (${findings})`;
}

/** The word for a verdict at the start of its line: pass, warnings, fail, not VfM, unreadable, not checked. */
export function verdictWord(v: ReturnVerdict): string {
  if (v.status === "unreadable") return "unreadable";
  if (v.status === "not-checked") return "not checked";
  if (v.status === "not-vfm") return "not VfM";
  return v.errors > 0 ? "fail" : v.warnings > 0 ? "warnings" : "pass";
}

const principleList = (keys: readonly PrincipleKey[]) => keys.map((p) => `(${p})`).join(" ");

function percent(fraction: number): string | null {
  return Number.isFinite(fraction) ? `${(fraction * 100).toLocaleString("en-GB", { maximumFractionDigits: 1 })}%` : null;
}

/**
 * A return in one line, after its file name: "4 errors, 6 warnings, 1 note; failed (ii) (iii); target
 * progress 20.6%", or the reason it was not checked.
 */
export function verdictDetail(v: ReturnVerdict): string {
  if (v.status === "unreadable" || v.status === "not-checked") return v.reason ?? "";
  const parts = [`${count(v.errors, "error")}, ${count(v.warnings, "warning")}, ${count(v.infos, "note")}`];
  if (v.status === "not-vfm") parts.unshift("no VfM tables found");
  if (v.principlesFailed.length > 0) parts.push(`failed ${principleList(v.principlesFailed)}`);
  if (v.principlesNotChecked.length > 0 && v.status !== "not-vfm") parts.push(`not checked ${principleList(v.principlesNotChecked)}`);
  const progress = v.progress === null ? null : percent(v.progress);
  if (progress !== null) parts.push(`target progress ${progress}`);
  if (v.onTrack) parts.push(v.onTrack.status.replace("-", " "));
  return parts.join("; ");
}
