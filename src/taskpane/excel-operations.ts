/**
 * The Excel source's operations: each one is an Excel.run batch around the Office adapter. Loaded on
 * first use, so the validator, the template and the adapter stay out of the pane's first download.
 */
import { readOpenWorkbook } from "../adapters/office/read";
import { selectCell } from "../adapters/office/navigate";
import { insertTemplate } from "../adapters/office/template";
import { writeReport } from "../adapters/office/report";
import { writeChanges } from "../adapters/office/changes";
import type { ReturnComparison } from "../core/review/compare";
import { writeSettings } from "../adapters/office/settings";
import type { SettingValue } from "../adapters/office/settings";
import { describeOfficeError } from "../adapters/office/errors";
import { isAbortError } from "../core/text/errors";
import { ragMappingText } from "../core/text/rag";
import { VFM_TEMPLATE } from "../core/template/spec";
import type { ValidationReport } from "../core/validate/types";
import { checkModel } from "./check-model";
import type { CheckOutcome, CheckRequest, GoToOutcome, RuleCatalogue, SettingsChoice, WriteOutcome } from "./source";

/** The open workbook's file name, for the report; Excel does not always know one (a new, unsaved book). */
function workbookFileName(): string {
  const url = typeof Office !== "undefined" ? Office.context?.document?.url : undefined;
  if (!url) return "Open workbook";
  const last = url.split(/[\\/]/).pop() ?? url;
  try {
    return decodeURIComponent(last) || "Open workbook";
  } catch {
    return last || "Open workbook";
  }
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function checkOpenWorkbook({ signal, onProgress, settings }: CheckRequest): Promise<CheckOutcome> {
  try {
    const model = await Excel.run((context) =>
      readOpenWorkbook(context, { signal, onProgress: (fraction) => onProgress({ phase: "reading", fraction }) }),
    );
    if (signal.aborted) return { status: "cancelled" };
    onProgress({ phase: "checking", fraction: null });
    await nextFrame();
    if (signal.aborted) return { status: "cancelled" };
    return { status: "done", result: checkModel(model, { file: workbookFileName(), settings }) };
  } catch (error) {
    if (signal.aborted || isAbortError(error)) return { status: "cancelled" };
    return { status: "refused", reason: `Excel could not read the workbook: ${describeOfficeError(error)}.` };
  }
}

export async function goToCell(sheet: string, address: string): Promise<GoToOutcome> {
  try {
    const outcome = await Excel.run((context) => selectCell(context, sheet, address));
    return outcome.ok ? { kind: "selected" } : { kind: "failed", reason: outcome.reason };
  } catch (error) {
    return { kind: "failed", reason: `Excel could not go to ${address}: ${describeOfficeError(error)}.` };
  }
}

export async function createTemplate(): Promise<WriteOutcome> {
  try {
    const outcome = await Excel.run((context) => insertTemplate(context, VFM_TEMPLATE));
    if (outcome.ok) {
      return {
        ok: true,
        message: `Added the sheets ${outcome.created.join(", ")}. Fill in the Baseline, Gains and Settings sheets, then select Check workbook.`,
      };
    }
    return { ok: false, reason: outcome.reason, takenSheets: outcome.takenNames };
  } catch (error) {
    return { ok: false, reason: `Excel could not add the sheets: ${describeOfficeError(error)}.` };
  }
}

export async function writeFindingsReport(report: ValidationReport, catalogue: RuleCatalogue): Promise<WriteOutcome> {
  try {
    const outcome = await Excel.run((context) => writeReport(context, report, { ruleText: (id: string) => catalogue.rule(id) }));
    if (outcome.ok) return { ok: true, message: `Wrote ${report.findings.length} findings to the new sheet "${outcome.sheet}".` };
    return { ok: false, reason: outcome.reason };
  } catch (error) {
    return { ok: false, reason: `Excel could not write the report: ${describeOfficeError(error)}.` };
  }
}

export async function writeChangesSheet(comparison: ReturnComparison): Promise<WriteOutcome> {
  try {
    const outcome = await Excel.run((context) => writeChanges(context, comparison));
    if (outcome.ok) return { ok: true, message: `Wrote the changes since ${comparison.last.file} to the new sheet "${outcome.sheet}".` };
    return { ok: false, reason: outcome.reason };
  } catch (error) {
    return { ok: false, reason: `Excel could not write the changes: ${describeOfficeError(error)}.` };
  }
}

/** The pane's settings as Settings-table rows, with the Keys the validator reads. */
export function settingsEntries(choice: SettingsChoice): Array<[string, SettingValue]> {
  const entries: Array<[string, SettingValue]> = [];
  if (choice.reportingDate !== undefined) entries.push(["Reporting date", { date: choice.reportingDate }]);
  if (choice.tolerance !== undefined) entries.push(["Tolerance", choice.tolerance]);
  if (choice.ragMapping !== undefined) {
    entries.push(["RAG mapping", ragMappingText(choice.ragMapping)]);
  }
  if (choice.minimumCashableShare !== undefined) entries.push(["Minimum cashable share", choice.minimumCashableShare]);
  return entries;
}

export async function saveSettings(choice: SettingsChoice): Promise<WriteOutcome> {
  const entries = settingsEntries(choice);
  if (entries.length === 0) return { ok: true, message: "Nothing to save: every setting was left blank." };
  try {
    const outcome = await Excel.run((context) => writeSettings(context, entries));
    if (outcome.ok) return { ok: true, message: "Saved in the workbook's Settings table." };
    return { ok: false, reason: outcome.reason };
  } catch (error) {
    return { ok: false, reason: `Excel could not save the settings: ${describeOfficeError(error)}.` };
  }
}
