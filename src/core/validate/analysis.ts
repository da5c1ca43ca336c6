/**
 * The check as a straight pipeline, up to the rules: recognise (./recognise: sheets -> tables with
 * column roles and context, with the workbook's own Settings and corrections), read (./read: tables ->
 * typed records, baseline, gains, profile years, quarters, totals and target, each gain with its cells,
 * amounts converted exactly to the register's unit). The rules (./rules) check the Analysis and the
 * engine reports; the pane's target panel reads the same Analysis, so nothing is read twice.
 */
import { moneyEqual } from "../calc";
import type { WorkbookModel } from "../workbook/model";
import type { DiscoveredTable } from "./discovery";
import { recogniseWorkbook, type Recognition } from "./recognise";
import { readCorrections } from "./recognise/corrections";
import { findRagKey, type RagKey } from "./recognise/rag-key";
import { parseReference } from "./discovery";
import type { ColumnKey, TableKey } from "./schema";
import type { Settings, SettingsRead } from "./settings";
import { readSettings } from "./read/settings";
import type { TargetSummary } from "./types";
import type { MoneyUnit, NumberRead } from "./text";
import { computeTotals, targetSummary, type VfmTotals } from "./read/totals";
import { gainCellReader, readGains, registerUnits, type GainNumberKey, type GainRow, type ParsedGain } from "./read/gains";
import { readQuarters, type QuarterRow } from "./read/quarters";
import { readBaselineLines, readBaselineTotal, type BaselineLine } from "./read/baseline";
import { profileYears, readProfileRows } from "./read/profile";
import { resolvePeriod, type BaselineYearSource } from "./read/period";
import { tableFor } from "./read/record";

// The read stage's records, where the rules and surfaces have always imported them from.
export { idKey } from "./read/gains";
export type { GainNumberKey, GainRow, GainType, ParsedGain } from "./read/gains";
export type { QuarterRow } from "./read/quarters";
export type { VfmTotals } from "./read/totals";

export interface ValidateOptions {
  /** Shown in the report (a path or file name). */
  file: string;
  /** YYYY-MM-DD; overrides the Settings table. Default: Settings "Reporting date", else today. */
  reportingDate?: string;
  /** YYYY-MM-DD used as "today" (tests). */
  today?: string;
  /** Overrides applied on top of the Settings table. */
  settings?: Partial<Settings>;
  /** Longest the whole check may take, in ms (default 20,000); past it the check stops with CheckDeadlineExceeded. */
  deadlineMs?: number;
  /** The clock the deadline is measured on (tests); Date.now by default. */
  clock?: () => number;
}

export interface VfmData {
  /** Settings after defaults, overrides and what the workbook implies (baseline and target years). */
  settings: Settings;
  /** Unit of the register's amounts (the Gross gain header, else the Settings unit). */
  unit: MoneyUnit;
  reportingDate: string;
  /** Years of the spending period the target covers. */
  targetYears: number;
  baselineTotal: number | null;
  gains: GainRow[];
  quarterly: QuarterRow[];
  /** Financial-year start years of the profile columns, in order. */
  profileYears: number[];
  totals: VfmTotals;
  target: TargetSummary | null;
}

export interface Analysis {
  model: WorkbookModel;
  tables: Map<TableKey, DiscoveredTable>;
  /** What recognition found and rejected, the sheets it looked at, the corrections it applied. */
  recognition: Recognition;
  /** The workbook's own RAG weighting key, when its deliverability words were read through it. */
  ragKey: RagKey | null;
  settingsRead: SettingsRead;
  data: VfmData;
  gains: ParsedGain[];
  /** The Baseline table's lines (read/baseline.ts). */
  baselineLines: BaselineLine[];
  /** Normalised gain ID (trimmed, case-insensitive) -> the first gain with that ID. */
  gainById: Map<string, ParsedGain>;
  /** Normalised gain id -> 0-based profile row (the first). */
  profileRowById: Map<string, number>;
  /** Unit of each money column of the Gains table, when the header or Settings gives one. */
  gainUnits: Map<ColumnKey<"gains">, MoneyUnit>;
  /** What a gain's numeric cell holds (in the register's unit), read again for a message. */
  readGain(gain: ParsedGain, key: GainNumberKey): NumberRead;
  /** The register's unit over £ (1, 1000 or 1e6): divides £ settings (tolerance) into register units. */
  unitFactor: number;
  /** Tolerance in the register's unit. */
  tolerance: number;
  /** Where the baseline year came from (read/period.ts). */
  baselineYearSource: BaselineYearSource;
}

/** Today's date as YYYY-MM-DD in UTC (the check has no time zone). */
function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Compares money exactly only when a double comparison cannot decide (the hot path stays cheap). */
export function moneyClose(a: number, b: number, tolerance: number): boolean {
  const diff = Math.abs(a - b);
  const slack = (Math.abs(a) + Math.abs(b)) * 1e-12;
  if (diff < tolerance - slack) return true;
  if (diff > tolerance + slack) return false;
  return moneyEqual(a, b, tolerance);
}

function resolveReportingDate(options: ValidateOptions, settings: Settings, tables: ReadonlyMap<TableKey, DiscoveredTable>): string {
  if (options.reportingDate && ISO_DATE.test(options.reportingDate)) return options.reportingDate;
  if (settings.reportingDate) return settings.reportingDate;
  // A title block's "position at 30 September 2012" (or a sheet named "Q2 return 2012-13") dates the return.
  for (const key of ["quarterly", "gains", "summary"] as const) {
    const at = tables.get(key)?.context.positionAt;
    if (at) return at;
  }
  if (options.today && ISO_DATE.test(options.today)) return options.today;
  return todayIso();
}

/**
 * Recognition with the workbook's own Settings: a first pass finds the Settings table; when it holds
 * corrections or states the unit, a second pass recognises the other tables with them.
 */
function recogniseWithSettings(
  model: WorkbookModel,
  overrides?: Partial<Settings>,
): { recognition: Recognition; settingsRead: SettingsRead } {
  const first = recogniseWorkbook(model);
  const settingsTable = first.tables.get("settings");
  const settingsRead = readSettings(settingsTable, model.date1904, overrides);
  const keyCol = settingsTable?.columns.get("key");
  const valueCol = settingsTable?.columns.get("value");
  const corrections =
    settingsTable && keyCol !== undefined && valueCol !== undefined
      ? readCorrections({ sheet: settingsTable.sheet, rows: settingsTable.rows, keyCol, valueCol }, (text) => parseReference(text, model))
      : undefined;
  // A correction that cannot be read is a Settings problem like any other, reported where it is written.
  if (corrections) for (const p of corrections.problems) settingsRead.issues.push(p);
  const statedUnit = settingsRead.stated.has("unit") ? settingsRead.settings.unit : null;
  const needsSecondPass =
    (corrections && (corrections.tables.length > 0 || corrections.columns.length > 0 || corrections.problems.length > 0)) ||
    statedUnit !== null;
  if (!needsSecondPass) return { recognition: first, settingsRead };
  const known = new Map(settingsTable ? [["settings" as const, settingsTable]] : []);
  return { recognition: recogniseWorkbook(model, { corrections, statedUnit, known }), settingsRead };
}

/**
 * The check's pipeline up to the rules: recognise (sheets -> tables with column roles and context,
 * ./recognise), then read (tables -> typed records with the cells they came from, ./read), which the
 * rules check (./rules) and the engine reports (./engine).
 */
export function analyse(model: WorkbookModel, options: ValidateOptions): Analysis {
  const { recognition, settingsRead } = recogniseWithSettings(model, options.settings);
  const tables = recognition.tables;
  const settings: Settings = { ...settingsRead.settings };
  const reportingDate = resolveReportingDate(options, settings, tables);
  settings.reportingDate = reportingDate;
  // The workbook's own RAG key ("G 100%, A 50%, R 25%") stands unless the Settings table states a mapping.
  const ragKey = settingsRead.stated.has("ragMapping") ? null : findRagKey(model, [...tables.values()]);
  if (ragKey) settings.ragMapping = new Map([...settings.ragMapping, ...ragKey.mapping]);
  const baselineYearSource = resolvePeriod(settings, settingsRead.stated, tables, model.date1904);

  const gainsTable = tableFor(tables, "gains");
  const units = registerUnits(gainsTable, settings);
  const { gains, gainById } = readGains(gainsTable, settings, units, model.date1904);
  const profile = tables.get("profile");
  const totals = computeTotals(gains);
  const baselineTotal = readBaselineTotal(tables.get("baseline"), settings.baselineYear, settings.unit, units.unit, model.date1904);
  const data: VfmData = {
    settings,
    unit: units.unit,
    reportingDate,
    targetYears: settings.targetYears,
    baselineTotal,
    gains,
    quarterly: readQuarters(tableFor(tables, "quarterly"), model.date1904),
    profileYears: profileYears(profile),
    totals,
    target: targetSummary(baselineTotal, settings, settings.targetYears, totals, units.unit),
  };
  return {
    model,
    tables,
    recognition,
    ragKey,
    settingsRead,
    data,
    gains,
    baselineLines: readBaselineLines(tableFor(tables, "baseline"), model.date1904),
    gainById,
    profileRowById: readProfileRows(profile),
    gainUnits: units.gainUnits,
    readGain: gainCellReader(units),
    unitFactor: units.unitFactor,
    tolerance: units.tolerance,
    baselineYearSource,
  };
}
