/**
 * Runs the validator on a workbook model and gathers what the pane shows. Both sources (Excel and
 * file) call this after reading, so the check is the same everywhere. The workbook is analysed once:
 * the findings and the target panel's figures come from the same analysis. Loaded on demand, so the
 * validator is not part of the pane's first download.
 */
import { inspectAnalysis } from "../core/validate/inspect";
import { analyse, PRINCIPLE_TITLES, RULES, ruleDocPath, runRules, startDeadline, summarise } from "../core/validate";
import type { Settings, VfmData } from "../core/validate";
import { createRuleCatalogue } from "../core/report/rule-info";
import { findShippedSeries, formatFinancialYear, SHIPPED_SERIES, target as targetCalc } from "../core/calc";
import type { DeflatorSeries } from "../core/calc";
import type { WorkbookModel } from "../core/workbook/model";
import type { CheckResult, RuleCatalogue, SettingsChoice } from "./source";
import type { PaneOnTrack, PaneVfmData } from "./vfm-data";
import { onTrackOf, onTrackSentence, type OnTrackJudgement } from "../core/review/on-track";
import { formatMoney } from "./format";

export interface CheckModelOptions {
  file: string;
  settings?: SettingsChoice;
  /** Anything the reader noticed (skipped parts, for instance), one line each. */
  readerNotes?: readonly string[];
}

export const CATALOGUE: RuleCatalogue = createRuleCatalogue(RULES, PRINCIPLE_TITLES, ruleDocPath);

/** The pane's settings choice in the validator's terms. */
export function settingsOverrides(choice: SettingsChoice | undefined): Partial<Settings> | undefined {
  if (!choice) return undefined;
  const overrides: Partial<Settings> = {};
  if (choice.reportingDate !== undefined) overrides.reportingDate = choice.reportingDate;
  if (choice.tolerance !== undefined) overrides.tolerance = choice.tolerance;
  if (choice.ragMapping !== undefined) overrides.ragMapping = new Map(choice.ragMapping);
  if (choice.minimumCashableShare !== undefined) overrides.minimumCashableShare = choice.minimumCashableShare;
  return overrides;
}

function isEmptyWorkbook(model: WorkbookModel): boolean {
  return model.sheets.every((sheet) =>
    sheet.rows.every((row) => !row || row.every((cell) => !cell || (cell.value === null && !cell.error && !cell.formula))),
  );
}

function targetYearOf(data: VfmData): number | null {
  const { targetYear, baselineYear } = data.settings;
  if (targetYear !== null) return targetYear;
  return baselineYear !== null ? baselineYear + data.targetYears : null;
}

function deflatorSeries(settings: Settings): DeflatorSeries {
  return (settings.deflatorSeries ? findShippedSeries(settings.deflatorSeries) : undefined) ?? SHIPPED_SERIES[0];
}

/**
 * Years the workbook's figures are priced in (the target year, the gains' price bases) that are
 * forecasts in the deflator series: anything re-expressed in or from those prices rests on a forecast.
 */
function forecastNotes(data: VfmData): string[] {
  const series = deflatorSeries(data.settings);
  const forecastYears = new Set(series.points.filter((p) => p.isForecast).map((p) => p.startYear));
  const notes: string[] = [];
  const targetYear = targetYearOf(data);
  if (targetYear !== null && forecastYears.has(targetYear)) {
    notes.push(
      `The target year ${formatFinancialYear(targetYear)} is a forecast year of the ${series.vintage} deflator series, so amounts re-expressed in its prices rest on a forecast.`,
    );
  }
  const priceBases = new Map<number, number>();
  for (const gain of data.gains) {
    if (gain.priceBase !== null && gain.priceBase !== targetYear && forecastYears.has(gain.priceBase)) {
      priceBases.set(gain.priceBase, (priceBases.get(gain.priceBase) ?? 0) + 1);
    }
  }
  for (const [year, count] of [...priceBases].sort((a, b) => a[0] - b[0])) {
    notes.push(
      `${count === 1 ? "One gain is" : `${count} gains are`} priced in ${formatFinancialYear(year)}, a forecast year of the same series.`,
    );
  }
  return notes;
}

/**
 * The target due by the end of each year of the spending period, keyed by the year's start year:
 * the year-by-year path to the final target (CSR07: 3%, 6.09%, 9.27%), from the same core call.
 */
function yearEndTargets(data: VfmData): Map<number, number> {
  const targets = new Map<number, number>();
  const { baselineYear, targetRate, targetMethod } = data.settings;
  if (data.target === null || data.baselineTotal === null || baselineYear === null) return targets;
  for (let year = 1; year <= data.targetYears; year++) {
    const due = targetCalc(data.baselineTotal, targetRate, year, targetMethod);
    if (due.ok) targets.set(baselineYear + year, due.value);
  }
  return targets;
}

function onTrackForPane(analysis: Parameters<typeof onTrackOf>[0], unit: string | null): PaneOnTrack | null {
  const judgement = onTrackOf(analysis);
  return judgement ? onTrackLine(judgement, unit) : null;
}

/** The pane's one line on the judgement: the measure that decided it, with its figures. */
export function onTrackLine(judgement: OnTrackJudgement, unit: string | null): PaneOnTrack {
  return { status: judgement.status, text: onTrackSentence(judgement, (value) => formatMoney(value, unit)) };
}

export function checkModel(model: WorkbookModel, options: CheckModelOptions): CheckResult {
  const deadline = startDeadline();
  const analysis = analyse(model, {
    file: options.file,
    reportingDate: options.settings?.reportingDate,
    settings: settingsOverrides(options.settings),
  });
  deadline.check();
  const report = summarise(runRules(analysis, RULES, deadline), analysis, options.file);
  const vfm = analysis.data;
  const targetYear = targetYearOf(vfm);
  const dueByYearEnd = yearEndTargets(vfm);
  const data: PaneVfmData = {
    unit: vfm.unit,
    targetYear: targetYear !== null ? formatFinancialYear(targetYear) : null,
    target: report.summary.target,
    targetNotMeasurable: report.findings.find((f) => f.rule === "method.target-not-measurable")?.message ?? null,
    quarters: vfm.quarterly.map((row) => ({
      label: row.label,
      quarterEnd: row.quarterEnd,
      trajectory: row.trajectory,
      actual: row.actual,
      targetByYearEnd: row.quarter ? (dueByYearEnd.get(row.quarter.startYear) ?? null) : null,
    })),
    targetPath: [...dueByYearEnd].map(([startYear, due]) => ({ startYear, due })),
    settings: {
      reportingDate: report.reportingDate,
      tolerance: vfm.settings.tolerance,
      ragMapping: [...vfm.settings.ragMapping.entries()],
      minimumCashableShare: vfm.settings.minimumCashableShare,
    },
    forecastNotes: forecastNotes(vfm),
    hasVfmTables: analysis.tables.size > 0,
    isEmpty: isEmptyWorkbook(model),
    protectedSheets: model.sheets.filter((sheet) => sheet.protected).map((sheet) => sheet.name),
    onTrack: onTrackForPane(analysis, vfm.unit),
  };
  return {
    report,
    data,
    model,
    catalogue: CATALOGUE,
    readerNotes: options.readerNotes ? [...options.readerNotes] : [],
    found: inspectAnalysis(analysis, options.file),
  };
}
