/**
 * Messages between the standalone page and its check worker (check-worker.ts). The page sends the
 * file's bytes (transferred, not copied) and gets back only what it shows: the report, the pane's
 * figures, the reader's notes and the rule texts. The workbook model stays in the worker, where
 * "Go to cell" asks for the cells around a finding: copying a large model back would itself block
 * the page.
 */
import type { PrincipleKey } from "../core/validate/types";
import type { RuleInfo } from "../core/report/rule-info";
import type { ReturnRecords } from "../core/review/return-records";
import type { ConsolidatedReturn } from "../core/review/consolidate";
import type { ValidationReport } from "../core/validate/types";
import type { CellPreview, CheckProgress, SettingsChoice } from "../taskpane/source";
import type { PaneVfmData } from "../taskpane/vfm-data";

export type ToWorker =
  | { type: "check"; id: number; fileName: string; bytes: ArrayBuffer; settings?: SettingsChoice }
  /** `modelId`: the id of the check whose workbook is meant. */
  | { type: "preview"; id: number; modelId: number; sheet: string; address: string }
  | { type: "records"; id: number; modelId: number }
  /** One return of several (the roll-up): read, checked and reduced to its row; no model is kept. */
  | { type: "consolidate"; id: number; fileName: string; bytes: ArrayBuffer };

/** The rule catalogue as data (a catalogue's functions cannot cross to the page). */
export interface CatalogueData {
  rules: RuleInfo[];
  principleTitles: Record<PrincipleKey, string>;
  docPaths: Record<string, string>;
}

export type FromWorker =
  | { type: "progress"; id: number; progress: CheckProgress }
  | {
      type: "done";
      id: number;
      report: ValidationReport;
      data: PaneVfmData;
      readerNotes: string[];
      catalogue: CatalogueData;
    }
  | { type: "refused"; id: number; reason: string }
  | { type: "preview"; id: number; preview: CellPreview | null }
  | { type: "records"; id: number; records: ReturnRecords | null }
  | { type: "return"; id: number; row: ConsolidatedReturn };
