/**
 * Where the pane's workbook comes from. The Excel source reads the workbook open in Excel through
 * the Office adapter; the file source reads an .xlsx the user opened in the standalone page. The
 * components only ever see this interface, so they run (and are tested) the same way in both.
 */
import type { Inspection } from "../core/validate/inspect";
import type { ValidationReport } from "../core/validate/types";
import type { WorkbookModel } from "../core/workbook/model";
import type { ReturnRecords } from "../core/review/return-records";
import type { PaneVfmData } from "./vfm-data";
import { errorText, oneLine } from "../core/text";

export type SourceKind = "excel" | "file";

export interface CheckProgress {
  phase: "reading" | "checking";
  /** 0..1 when the reader knows how far it is; null while it cannot tell. */
  fraction: number | null;
}

/** Principle titles and rule texts, shipped with the check so the pane's first load stays small. */
export type { RuleCatalogue } from "../core/report/rule-info";
import type { RuleCatalogue } from "../core/report/rule-info";
import type { ReturnComparison } from "../core/review/compare";

/** Settings the user changed in the pane. Absent fields keep the workbook's own value. */
export interface SettingsChoice {
  /** ISO date YYYY-MM-DD. */
  reportingDate?: string;
  /** Money tolerance in pounds, e.g. 0.005 for half a penny. */
  tolerance?: number;
  /** Lower-case RAG word -> fraction, e.g. green 1, amber 0.5, red 0. */
  ragMapping?: ReadonlyArray<readonly [string, number]>;
  /** Fraction 0..1. */
  minimumCashableShare?: number;
}

export interface CheckResult {
  report: ValidationReport;
  data: PaneVfmData;
  /**
   * The workbook as read. Absent when the check ran in the standalone page's worker, where the model
   * stays (copying it back would block the page); ask the source (goToCell) instead.
   */
  model?: WorkbookModel;
  /** Where the model stayed in a worker: the checked workbook's records for Compare, computed there on request. */
  records?: () => Promise<ReturnRecords>;
  catalogue: RuleCatalogue;
  /** Anything the reader noticed while reading the file, one line each. */
  readerNotes: string[];
  /** What the check found: tables, columns, rejected candidates (the pane's "What the check found"). */
  found?: Inspection;
}

export type CheckOutcome =
  | { status: "done"; result: CheckResult }
  /** The workbook could not be read; `reason` is one line for the user. */
  | { status: "refused"; reason: string }
  | { status: "cancelled" };

export interface CheckRequest {
  signal: AbortSignal;
  onProgress: (progress: CheckProgress) => void;
  /** Settings chosen in the pane that apply to this check. */
  settings?: SettingsChoice;
}

/** A small grid of the cells around a finding, for pages that cannot select the cell in Excel. */
export interface CellPreview {
  sheet: string;
  /** The address as the finding gave it, e.g. "K7" or "A1:T40". */
  address: string;
  /** Column letters shown, left to right. */
  columns: string[];
  /** Excel row numbers shown, top to bottom. */
  rows: number[];
  /** Display text, values[rowIndex][columnIndex]. */
  values: string[][];
  /** Which shown cells belong to the finding's address. */
  highlighted: boolean[][];
  /** Set when the address lies outside the sheet's used cells or the sheet is missing. */
  note?: string;
}

export type GoToOutcome = { kind: "selected" } | { kind: "preview"; preview: CellPreview } | { kind: "failed"; reason: string };

export type WriteOutcome =
  | { ok: true; message: string }
  /** `takenSheets` lists sheet names that stopped the write (the template never overwrites). */
  | { ok: false; reason: string; takenSheets?: string[] };

export interface WorkbookSource {
  kind: SourceKind;
  /** Name shown to the user, e.g. the file name. */
  label: string;
  /**
   * Set while there is nothing to check (the standalone page before a workbook is opened): why, in
   * one line. Check workbook is then disabled and shows this beside it.
   */
  unavailable?: string;
  check(request: CheckRequest): Promise<CheckOutcome>;
  goToCell(sheet: string, address: string): Promise<GoToOutcome>;
  /** Only where the source can write (Excel). */
  createTemplate?(): Promise<WriteOutcome>;
  writeReport?(report: ValidationReport, catalogue: RuleCatalogue): Promise<WriteOutcome>;
  /** Adds a sheet with what changed since the previous return (Excel only, when the user asks). */
  writeChanges?(comparison: ReturnComparison): Promise<WriteOutcome>;
  /** Keeps the settings with the workbook. Sources that cannot write apply them to the next check only. */
  saveSettings?(settings: SettingsChoice): Promise<WriteOutcome>;
}

/** One line for the user from anything thrown: its message's first line, terminal safe. */
export function errorLine(error: unknown): string {
  return oneLine(errorText(error).split(/\r?\n/)[0]) || "Something went wrong that the pane could not describe.";
}
