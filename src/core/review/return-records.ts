/**
 * What `compare` needs of one analysed return, as plain records: its gains (with each one's yearly
 * profile), its quarters, its baseline and target. This is the only place compare.ts touches the
 * validator's Analysis, so when recognition and reading change shape only this adapter follows them.
 * Records never carry sheets, rows, columns or formats: two returns are compared on what they say,
 * never on where or how they say it.
 */
import { exactRescale } from "../calc/exact";
import { analyse, type Analysis } from "../validate/analysis";
import type { WorkbookModel } from "../workbook/model";
import { quarterIndex } from "../validate/dates";
import { sourceCell, sourceText } from "../validate/read/record";
import { cellText, normaliseWords, numberOf, UNIT_FACTORS, type MoneyUnit } from "../validate/text";

export interface GainRecord {
  /** The ID as written; null without one. */
  id: string | null;
  /** The initiative's name as written; null without one. */
  name: string | null;
  type: "cashable" | "non-cashable" | null;
  category: string | null;
  /** The programme or department it belongs to, as written; null without one. */
  workstream: string | null;
  /** Amounts in the return's unit; null when the workbook does not give one that can be read. */
  gross: number | null;
  costs: number | null;
  /** Net and risk-adjusted gains as the calculation core recomputes them (the workbook's own figure without inputs). */
  net: number | null;
  riskAdjusted: number | null;
  /** Fraction 0..1 after the workbook's RAG mapping. */
  deliverability: number | null;
  /** The RAG word as written ("Amber", "A"), when the cell holds a word rather than a number. */
  rag: string | null;
  serviceReduction: boolean;
  /** Financial-year start year -> net value in that year, in the return's unit (blank years are absent). */
  profile: ReadonlyMap<number, number>;
}

export interface QuarterRecord {
  /** "Q1 2026-27", or the label as written when it is not a quarter. */
  label: string;
  /** Financial-year quarter index (start year x 4 + quarter - 1); null when the label is not a quarter. */
  index: number | null;
  trajectory: number | null;
  actual: number | null;
}

export interface ReturnRecords {
  file: string;
  /** False when the workbook has no gains register the validator recognises (then `gains` is empty). */
  registerFound: boolean;
  reportingDate: string;
  unit: MoneyUnit;
  baselineYear: number | null;
  baselineTotal: number | null;
  targetYear: number | null;
  targetRate: number;
  targetMethod: "compound" | "simple";
  targetYears: number;
  /** VFM.TARGET in the return's unit; null when the workbook does not give enough for one. */
  target: number | null;
  gains: GainRecord[];
  quarters: QuarterRecord[];
}

/** A gain ID as compare matches it: trimmed, case-insensitive, inner spaces ignored ("g 01" = "G01"). */
export function gainIdKey(id: string): string {
  return id.trim().toLowerCase().replace(/\s+/g, "");
}

/** A gain name as compare matches it: words only, case and punctuation ignored. */
export function gainNameKey(name: string): string {
  return normaliseWords(name);
}

/** The records of an analysed return, in its own unit. */
export function returnRecords(analysis: Analysis, file: string): ReturnRecords {
  const data = analysis.data;
  const profileTable = analysis.tables.get("profile");
  const gains: GainRecord[] = analysis.gains.map((gain) => {
    const profile = new Map<number, number>();
    // An inline profile is the register's own per-year columns: the gain's row, with or without an ID.
    const row = !profileTable
      ? undefined
      : profileTable.source === "inline"
        ? gain.row
        : gain.idKey === null
          ? undefined
          : analysis.profileRowById.get(gain.idKey);
    if (profileTable && row !== undefined) {
      const cells = profileTable.sheet.rows[row] ?? [];
      for (const [year, col] of profileTable.yearColumns) {
        const value = numberOf(cells[col]);
        if (value === null) continue;
        const unit = profileTable.yearUnits.get(col) ?? data.settings.unit;
        profile.set(year, rescale(value, unit, data.unit));
      }
    }
    const ragCell = sourceCell(gain, "deliverability");
    const ragText = typeof ragCell?.value === "string" && numberOf(ragCell) === null ? cellText(ragCell) : "";
    const workstream = sourceText(gain, "workstream");
    return {
      id: gain.id,
      name: gain.initiative,
      type: gain.type,
      category: gain.category,
      workstream: workstream === "" ? null : workstream,
      gross: gain.gross,
      costs: gain.costs,
      net: gain.recomputedNet ?? gain.net,
      riskAdjusted: gain.recomputedRiskAdjusted ?? gain.riskAdjusted,
      deliverability: gain.deliverability,
      rag: ragText === "" ? null : ragText,
      serviceReduction: gain.serviceReduction,
      profile,
    };
  });
  // Quarterly figures in the register's unit, like every other amount (a header may state its own).
  const quarterUnits = analysis.tables.get("quarterly")?.units;
  const inRegisterUnit = (value: number | null, key: "trajectory" | "actual") =>
    value === null ? null : rescale(value, quarterUnits?.get(key) ?? data.settings.unit, data.unit);
  const quarters: QuarterRecord[] = data.quarterly.map((q) => ({
    label: q.label,
    index: q.quarter ? quarterIndex(q.quarter) : null,
    trajectory: inRegisterUnit(q.trajectory, "trajectory"),
    actual: inRegisterUnit(q.actual, "actual"),
  }));
  return {
    file,
    registerFound: analysis.tables.has("gains"),
    reportingDate: data.reportingDate,
    unit: data.unit,
    baselineYear: data.settings.baselineYear,
    baselineTotal: data.baselineTotal,
    targetYear: data.settings.targetYear,
    targetRate: data.settings.targetRate,
    targetMethod: data.settings.targetMethod,
    targetYears: data.targetYears,
    target: data.target?.value ?? null,
    gains,
    quarters,
  };
}

/** An amount from one unit to another, exactly (2.01 £m is 2,010 £k, not 2009.9999999999998). */
export function rescale(value: number, from: MoneyUnit, to: MoneyUnit): number {
  return from === to ? value : exactRescale(value, UNIT_FACTORS[from], UNIT_FACTORS[to]);
}

/** The records of a workbook model: analysed as the validator analyses it, then read as above. */
export function recordsOfModel(model: WorkbookModel, file: string): ReturnRecords {
  return returnRecords(analyse(model, { file }), file);
}
