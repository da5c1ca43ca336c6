/** The figures the pane shows beside the findings: the target panel, the settings form, the workbook's state. */
import type { TargetSummary } from "../core/validate/types";
import type { SettingsChoice } from "./source";
import type { OnTrackStatus } from "../core/review/on-track";

/** The on-track judgement as the pane states it: its status and one sentence with the deciding figures. */
export interface PaneOnTrack {
  status: OnTrackStatus;
  /** e.g. "Off track: £2,050,000 delivered by Q2 2026-27 against £6,180,000 due on the target path (33.2%), £4,130,000 short." */
  text: string;
}

export interface QuarterPoint {
  /** As the workbook writes it, e.g. "Q1 2008-09". */
  label: string;
  /** ISO date of the quarter's last day, when known. */
  quarterEnd: string | null;
  /** Planned cumulative gain at the quarter's end. */
  trajectory: number | null;
  actual: number | null;
  /**
   * The cumulative target due by the end of the financial year this quarter falls in (VFM.TARGET
   * for that year of the spending period: 3%, 6.09%, 9.27% of the baseline for CSR07); null outside
   * the spending period or when the target or the quarter's year is not known.
   */
  targetByYearEnd: number | null;
}

/** The cumulative target due by the end of one financial year of the spending period. */
export interface TargetYear {
  /** The year it starts in, e.g. 2026 for 2026-27. */
  startYear: number;
  /** VFM.TARGET for this year of the period, in the register's unit. */
  due: number;
}

export interface PaneVfmData {
  /** Money unit of the register, e.g. "£m"; null when the workbook does not say. */
  unit: string | null;
  /** "2010-11", when the workbook states enough to know it. */
  targetYear: string | null;
  target: TargetSummary | null;
  /** Why the target cannot be measured (method.target-not-measurable's message), when that is why target is null. */
  targetNotMeasurable?: string | null;
  quarters: QuarterPoint[];
  /**
   * The whole target path: every year of the spending period with the target due by its end (CSR07:
   * 3%, 6.09%, 9.27%), whether or not any quarter of it has been reported yet; empty when the
   * baseline year or the target is not known.
   */
  targetPath: TargetYear[];
  /** The settings as the workbook holds them (after any choice made in the pane). */
  settings: SettingsChoice;
  /** One line per figure that rests on a forecast year of the deflator series. */
  forecastNotes: string[];
  /** False when no VfM table (register, baseline, settings, ...) was found at all. */
  hasVfmTables: boolean;
  /** True when the workbook holds no values at all. */
  isEmpty: boolean;
  /** Sheets the pane cannot write to. */
  protectedSheets: string[];
  /** On track, at risk or off track against the target path; null or absent when there is no target to judge against. */
  onTrack?: PaneOnTrack | null;
}
