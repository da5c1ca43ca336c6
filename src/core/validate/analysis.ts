/**
 * One pass over the discovered tables that reads every gain, profile, quarter and baseline line into
 * plain records (amounts converted to the register's unit), recomputes net and risk-adjusted gains with
 * the calculation core, and works out the target. The rules and the pane's target panel both read this,
 * so nothing is parsed or computed twice.
 */
import { moneyEqual, netGain, sumExact, target as targetCalc } from "../calc";
import type { Cell, WorkbookModel } from "../workbook/model";
import { financialYearOf, financialYearOfCell, parseQuarter, quarterEnd, quarterLabel, type FinancialQuarter } from "./dates";
import type { DiscoveredTable } from "./discovery";
import { recogniseWorkbook, type Recognition } from "./recognise";
import { readCorrections } from "./recognise/corrections";
import { RAG_CODES, TYPE_CODES } from "./recognise/vocabulary";
import { findRagKey, type RagKey } from "./recognise/rag-key";
import { parseReference } from "./discovery";
import type { ColumnKey, TableKey } from "./schema";
import { readSettings, type Settings, type SettingsRead } from "./settings";
import type { TargetSummary } from "./types";
import {
  cellText,
  convertUnit,
  isBlankCell,
  normaliseLabel,
  normaliseWords,
  numberOf,
  readNumber,
  UNIT_FACTORS,
  type MoneyUnit,
  type NumberRead,
} from "./text";

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

export type GainType = "cashable" | "non-cashable";

export interface GainRow {
  sheet: string;
  /** 0-based sheet row. */
  row: number;
  id: string | null;
  initiative: string | null;
  type: GainType | null;
  category: string | null;
  /** Amounts in the register's unit; null when the cell is blank or not a number. */
  gross: number | null;
  costs: number | null;
  net: number | null;
  /** Fraction 0..1 after the RAG mapping; null when blank or not readable. */
  deliverability: number | null;
  riskAdjusted: number | null;
  /** gross - costs by the calculation core; null when gross or costs cannot be read. */
  recomputedNet: number | null;
  /** NETGAIN(gross, costs, deliverability) by the calculation core. */
  recomputedRiskAdjusted: number | null;
  /** Flagged as a service reduction (never counts). */
  serviceReduction: boolean;
  /** Start year of the gain's stated price base, when readable. */
  priceBase: number | null;
}

/** A gain as the rules see it: also its row's cells and its normalised ID (for lookups). */
export interface ParsedGain extends GainRow {
  /** Trimmed, lower-case ID (the key of gainById); null without an ID. */
  idKey: string | null;
  /** The row's cells, for the rules' messages (read lazily, only for rows that fail). */
  cells: ReadonlyArray<Cell | undefined>;
}

export type GainNumberKey = "gross" | "costs" | "net" | "riskAdjusted" | "deliverability";

export interface QuarterRow {
  sheet: string;
  row: number;
  label: string;
  quarter: FinancialQuarter | null;
  /** ISO date the quarter ends; null when the label cannot be read. */
  quarterEnd: string | null;
  trajectory: number | null;
  actual: number | null;
}

export interface VfmTotals {
  gross: number;
  net: number;
  riskAdjusted: number;
  cashableNet: number;
  cashableRiskAdjusted: number;
  nonCashableNet: number;
  /** Net gains flagged as service reductions (excluded from every other total). */
  serviceReductionNet: number;
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
  /**
   * Where the baseline year came from: the Settings, the Baseline lines' Year column, or the Baseline's
   * amount header or title ("Budget 2010/11 £'000", "Revenue budget 2010-11"), stated once for every line.
   */
  baselineYearSource: "settings" | "baseline" | "header" | null;
}

export function idKey(text: string): string {
  return text.trim().toLowerCase();
}

/** Today's date as YYYY-MM-DD in UTC (the check has no time zone). */
function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const TYPE_CACHE = new Map<string, GainType | null>();
export function parseGainType(text: string): GainType | null {
  let type = TYPE_CACHE.get(text);
  if (type === undefined) {
    type = TYPE_CODES.get(normaliseLabel(text).replace(/\s+/g, "")) ?? null;
    if (TYPE_CACHE.size < 1000) TYPE_CACHE.set(text, type);
  }
  return type;
}

const NEGATED =
  /^(no|not|none|nil|n a|na)\b|\b(no|not|without|nor)\s+(a\s+)?(any\s+)?(service\s+)?(reduction|reduced|cut|cuts|withdrawal|deterioration|lower)/;
const SERVICE_CUT =
  /\b(service\s+(reduction|reduced|cut|cuts|withdrawn|withdrawal|ceased|stopped|closed|closure|lowered)|reduc(ed|tion\s+in|tion\s+of)\s+(the\s+)?service|cut\s+(in|to)\s+(the\s+)?service|lower(ed)?\s+(service\s+)?standards?|withdraw(n|al)?\s+(of\s+)?(the\s+)?service|reduced\s+(opening|hours|frequency|cover|standard))\b/;

const SERVICE_CACHE = new Map<string, boolean>();
/** True when a Service impact text flags the gain as a cut in service (e.g. "Service reduction", "Yes"). */
export function isServiceReduction(text: string): boolean {
  let flagged = SERVICE_CACHE.get(text);
  if (flagged === undefined) {
    const normal = normaliseWords(text);
    flagged = normal !== "" && !NEGATED.test(normal) && SERVICE_CUT.test(normal);
    if (SERVICE_CACHE.size < 1000) SERVICE_CACHE.set(text, flagged);
  }
  return flagged;
}

function convert(read: NumberRead, from: MoneyUnit, to: MoneyUnit): NumberRead {
  return read.kind === "number" && from !== to ? { kind: "number", value: convertUnit(read.value, from, to) } : read;
}

/** Reads a deliverability cell: a fraction 0..1, a percentage, or a RAG word through the mapping. */
export function readDeliverability(cell: Cell | undefined, settings: Settings): number | null {
  if (!cell || cell.error) return null;
  const v = cell.value;
  if (typeof v === "number") return v >= 0 && v <= 1 ? v : null;
  if (typeof v !== "string") return null;
  const n = numberOf(cell);
  if (n !== null) return n >= 0 && n <= 1 ? n : null;
  const word = v.trim().toLowerCase();
  // G/A/R letters stand for the mapping's words unless the mapping names the letters itself.
  const mapped = settings.ragMapping.get(word) ?? settings.ragMapping.get(RAG_CODES.get(word) ?? "");
  return mapped === undefined ? null : mapped;
}

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

function baselineYearFromTable(table: DiscoveredTable | undefined, date1904: boolean): number | null {
  const yearCol = table?.columns.get("year");
  if (table && yearCol === undefined) {
    // "Budget 2010/11 £'000": the amount column's header states the year; else the title ("Revenue budget 2010-11").
    const amountCol = table.columns.get("amount");
    return table.headerColumns.find((h) => h.col === amountCol)?.year ?? table.context.year;
  }
  if (!table || yearCol === undefined) return null;
  let year: number | null = null;
  for (const r of table.rows) {
    const y = financialYearOfCell(table.sheet.rows[r]?.[yearCol], date1904);
    if (y === null) continue;
    if (year !== null && y !== year) return null;
    year = y;
  }
  return year;
}

/**
 * Recognition with the workbook's own Settings: a first pass finds the Settings table; when it holds
 * corrections or states the unit, a second pass recognises the other tables with them.
 */
export function recogniseWithSettings(
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
 * Per-year money columns ("Net saving 2012/13") stand for the register's figure in the target year
 * (the baseline's in the baseline year); the latest year up to it when the target year has no column.
 */
function chooseYearColumns(table: DiscoveredTable | undefined, year: number | null, fallback: "first" | "last"): void {
  if (!table) return;
  for (const [key, years] of table.measureYears) {
    if (table.columns.has(key) || years.size === 0) continue;
    const sorted = [...years].sort((a, b) => a[0] - b[0]);
    const chosen =
      (year !== null ? years.get(year) : undefined) ??
      (year !== null ? sorted.filter(([y]) => y <= year).pop()?.[1] : undefined) ??
      sorted[fallback === "first" ? 0 : sorted.length - 1][1];
    const header = table.headerColumns.find((h) => h.col === chosen);
    table.columns.set(key, chosen);
    table.headers.set(key, header?.text ?? key);
    table.units.set(key, header?.unit ?? null);
  }
}

export function analyse(model: WorkbookModel, options: ValidateOptions): Analysis {
  const { recognition, settingsRead } = recogniseWithSettings(model, options.settings);
  const tables = recognition.tables;
  const settings: Settings = { ...settingsRead.settings };
  const reportingDate = resolveReportingDate(options, settings, tables);
  settings.reportingDate = reportingDate;

  let baselineYearSource: Analysis["baselineYearSource"] = settings.baselineYear !== null ? "settings" : null;
  // The workbook's own RAG key ("G 100%, A 50%, R 25%") stands unless the Settings table states a mapping.
  const ragKey = settingsRead.stated.has("ragMapping") ? null : findRagKey(model, [...tables.values()]);
  if (ragKey) settings.ragMapping = new Map([...settings.ragMapping, ...ragKey.mapping]);
  chooseYearColumns(tables.get("baseline"), settings.baselineYear, "first");
  if (settings.baselineYear === null) {
    const baselineTable = tables.get("baseline");
    settings.baselineYear = baselineYearFromTable(baselineTable, model.date1904);
    if (settings.baselineYear !== null) baselineYearSource = baselineTable?.columns.has("year") ? "baseline" : "header";
  }
  let targetYears = settings.targetYears;
  if (!settingsRead.stated.has("targetYears") && settings.targetYear !== null && settings.baselineYear !== null) {
    const span = settings.targetYear - settings.baselineYear;
    if (span >= 1) targetYears = span;
  }
  settings.targetYears = targetYears;
  if (settings.targetYear === null && settings.baselineYear !== null) settings.targetYear = settings.baselineYear + targetYears;
  chooseYearColumns(tables.get("gains"), settings.targetYear, "last");

  // Units: the register's unit is the Gross gain header's, else the Settings unit.
  const gainsTable = tables.get("gains");
  const gainUnits = new Map<ColumnKey<"gains">, MoneyUnit>();
  for (const key of ["gross", "costs", "net", "riskAdjusted"] as const) {
    gainUnits.set(key, gainsTable?.units.get(key) ?? settings.unit);
  }
  const unit = gainUnits.get("gross")!;
  const unitFactor = UNIT_FACTORS[unit];
  const tolerance = convertUnit(settings.tolerance, "£", unit);
  const toRegister = (key: ColumnKey<"gains">) => {
    const from = gainUnits.get(key)!;
    return (value: number) => convertUnit(value, from, unit);
  };

  const gains: ParsedGain[] = [];
  const gainById = new Map<string, ParsedGain>();
  if (gainsTable) {
    const c = gainsTable.columns;
    const col = (key: ColumnKey<"gains">) => c.get(key) ?? -1;
    const [idC, initC, typeC, catC, grossC, costsC, netC, delC, raC, svcC, pbC] = (
      [
        "id",
        "initiative",
        "type",
        "category",
        "gross",
        "costs",
        "net",
        "deliverability",
        "riskAdjusted",
        "serviceImpact",
        "priceBase",
      ] as const
    ).map(col);
    const [fGross, fCosts, fNet, fRa] = (["gross", "costs", "net", "riskAdjusted"] as const).map(toRegister);
    const serviceHeaderIsFlag = svcC >= 0 && normaliseLabel(gainsTable.headers.get("serviceImpact") ?? "") === "service reduction";
    const priceCache = new Map<string, number | null>();
    const ragMapping = settings.ragMapping;
    for (const r of gainsTable.rows) {
      const cells = gainsTable.sheet.rows[r] ?? [];
      const idText = idC >= 0 ? cellText(cells[idC]) : "";
      const typeText = typeC >= 0 ? cellText(cells[typeC]) : "";
      const grossCell = grossC >= 0 ? cells[grossC] : undefined;
      const costsCell = costsC >= 0 ? cells[costsC] : undefined;
      const netRaw = netC >= 0 ? numberOf(cells[netC]) : null;
      const raRaw = raC >= 0 ? numberOf(cells[raC]) : null;
      const grossRaw = numberOf(grossCell);
      const costsRaw = numberOf(costsCell);
      const gross = grossRaw === null ? null : fGross(grossRaw);
      const costs = costsRaw === null ? null : fCosts(costsRaw);
      const delCell = delC >= 0 ? cells[delC] : undefined;
      const deliverability = readDeliverability(delCell, settings);
      let serviceReduction = false;
      if (svcC >= 0) {
        const svcCell = cells[svcC];
        if (serviceHeaderIsFlag && (svcCell?.value === true || /^(yes|y|true)$/i.test(cellText(svcCell)))) serviceReduction = true;
        else {
          const text = cellText(svcCell);
          serviceReduction = text !== "" && isServiceReduction(text);
        }
      }
      let priceBase: number | null = null;
      if (pbC >= 0) {
        const pbValue = cells[pbC]?.value;
        if (typeof pbValue === "number") priceBase = financialYearOfCell(cells[pbC], model.date1904);
        else if (typeof pbValue === "string" && pbValue.trim() !== "") {
          const cached = priceCache.get(pbValue);
          if (cached !== undefined) priceBase = cached;
          else {
            priceBase = financialYearOf(pbValue.replace(/\s*prices?$/i, ""));
            if (priceCache.size < 1000) priceCache.set(pbValue, priceBase);
          }
        }
      }
      let recomputedNet: number | null = null;
      let recomputedRiskAdjusted: number | null = null;
      const costsValue = costs !== null ? costs : isBlankCell(costsCell) && !costsCell?.error ? 0 : null;
      if (gross !== null && costsValue !== null) {
        const n = netGain(gross, costsValue);
        if (n.ok) recomputedNet = n.value;
        if (deliverability !== null) {
          if (deliverability === 1) recomputedRiskAdjusted = recomputedNet;
          else {
            const ra = netGain(gross, costsValue, deliverability, { ragMapping });
            if (ra.ok) recomputedRiskAdjusted = ra.value;
          }
        }
      }
      const key = idText === "" ? null : idKey(idText);
      const gain: ParsedGain = {
        sheet: gainsTable.sheet.name,
        row: r,
        id: idText === "" ? null : idText,
        initiative: initC >= 0 ? cellText(cells[initC]) || null : null,
        type: typeText === "" ? null : parseGainType(typeText),
        category: catC >= 0 ? cellText(cells[catC]) || null : null,
        gross,
        costs,
        net: netRaw === null ? null : fNet(netRaw),
        deliverability,
        riskAdjusted: raRaw === null ? null : fRa(raRaw),
        recomputedNet,
        recomputedRiskAdjusted,
        serviceReduction,
        priceBase,
        idKey: key,
        cells,
      };
      gains.push(gain);
      if (key !== null) {
        if (!gainById.has(key)) gainById.set(key, gain);
      }
    }
  }

  const gainCols = new Map<GainNumberKey, number>();
  const gainColumnUnits = new Map<GainNumberKey, MoneyUnit>();
  for (const key of ["gross", "costs", "net", "riskAdjusted", "deliverability"] as const) {
    const col = gainsTable?.columns.get(key);
    if (col !== undefined) gainCols.set(key, col);
    gainColumnUnits.set(key, key === "deliverability" ? unit : gainUnits.get(key)!);
  }
  const readGain = (gain: ParsedGain, key: GainNumberKey): NumberRead => {
    const col = gainCols.get(key);
    return convert(readNumber(col === undefined ? undefined : gain.cells[col]), gainColumnUnits.get(key)!, unit);
  };

  const profileRowById = new Map<string, number>();
  const profile = tables.get("profile");
  const profileIdCol = profile?.columns.get("id");
  if (profile && profileIdCol !== undefined) {
    for (const r of profile.rows) {
      const text = cellText(profile.sheet.rows[r]?.[profileIdCol]);
      if (text === "") continue;
      const key = idKey(text);
      if (!profileRowById.has(key)) profileRowById.set(key, r);
    }
  }

  const quarterly: QuarterRow[] = [];
  const quarterTable = tables.get("quarterly");
  if (quarterTable) {
    const c = quarterTable.columns;
    const qC = c.get("quarter");
    const tC = c.get("trajectory");
    const aC = c.get("actual");
    // "Qtr" Q1 beside "Period" 2012/13: the quarter's year is in a column of its own.
    const yearC = quarterTable.headerColumns.find((h) => h.col !== qC && QUARTER_YEAR_HEADERS.has(h.measure))?.col;
    for (const r of quarterTable.rows) {
      const cells = quarterTable.sheet.rows[r] ?? [];
      const qCell = qC === undefined ? undefined : cells[qC];
      const quarter = parseQuarter(qCell, model.date1904) ?? quarterWithYearColumn(qCell, cells, yearC, model.date1904);
      const label = quarter ? quarterLabel(quarter) : cellText(qCell);
      quarterly.push({
        sheet: quarterTable.sheet.name,
        row: r,
        label,
        quarter,
        quarterEnd: quarter ? quarterEnd(quarter) : null,
        trajectory: tC === undefined ? null : numberOf(cells[tC]),
        actual: aC === undefined ? null : numberOf(cells[aC]),
      });
    }
  }

  const totals = computeTotals(gains);

  // Baseline total (lines of the baseline year, or with no year), in the register's unit.
  let baselineTotal: number | null = null;
  const baseline = tables.get("baseline");
  const amountCol = baseline?.columns.get("amount");
  if (baseline && amountCol !== undefined) {
    const amountUnit = baseline.units.get("amount") ?? settings.unit;
    const yearCol = baseline.columns.get("year");
    const amounts: number[] = [];
    for (const r of baseline.rows) {
      const cells = baseline.sheet.rows[r] ?? [];
      if (yearCol !== undefined && settings.baselineYear !== null) {
        const y = financialYearOfCell(cells[yearCol], model.date1904);
        if (y !== null && y !== settings.baselineYear) continue;
      }
      const read = readNumber(cells[amountCol]);
      if (read.kind === "number") amounts.push(convertUnit(read.value, amountUnit, unit));
    }
    if (amounts.length > 0) baselineTotal = sumExact(amounts);
  }

  let targetSummary: TargetSummary | null = null;
  if (baselineTotal !== null && baselineTotal > 0) {
    const t = targetCalc(baselineTotal, settings.targetRate, targetYears, settings.targetMethod);
    if (t.ok && t.value > 0) {
      targetSummary = {
        value: t.value,
        riskAdjustedCashable: totals.cashableRiskAdjusted,
        progress: totals.cashableRiskAdjusted / t.value,
      };
    }
  }

  const profileYears = profile ? [...profile.yearColumns.keys()] : [];
  const data: VfmData = {
    settings,
    unit,
    reportingDate,
    targetYears,
    baselineTotal,
    gains,
    quarterly,
    profileYears,
    totals,
    target: targetSummary,
  };
  return {
    model,
    tables,
    recognition,
    ragKey,
    settingsRead,
    data,
    gains,
    gainById,
    profileRowById,
    gainUnits,
    readGain,
    unitFactor,
    tolerance,
    baselineYearSource,
  };
}

const QUARTER_YEAR_HEADERS = new Set(["period", "year", "financial year", "fy", "quarter", "qtr"]);

/** A quarter written "Q1" with its financial year in another column ("2012/13"). */
function quarterWithYearColumn(
  qCell: Cell | undefined,
  cells: ReadonlyArray<Cell | undefined>,
  yearC: number | undefined,
  date1904: boolean,
): FinancialQuarter | null {
  if (yearC === undefined) return null;
  const q = cellText(qCell);
  const year = financialYearOfCell(cells[yearC], date1904);
  if (!/^q(?:uarter|tr)?\s*[1-4]$/i.test(q) || year === null) return null;
  return { startYear: year, quarter: Number(q.slice(-1)) as 1 | 2 | 3 | 4 };
}

/** Totals of the register; service reductions never count, risk-adjusted figures are recomputed ones. */
function computeTotals(gains: readonly ParsedGain[]): VfmTotals {
  const gross: number[] = [];
  const net: number[] = [];
  const risk: number[] = [];
  const cashNet: number[] = [];
  const cashRisk: number[] = [];
  const nonCashNet: number[] = [];
  const cuts: number[] = [];
  for (const g of gains) {
    const n = g.recomputedNet ?? g.net;
    const ra = g.recomputedRiskAdjusted ?? g.riskAdjusted;
    if (g.serviceReduction) {
      if (n !== null) cuts.push(n);
      continue;
    }
    if (g.gross !== null) gross.push(g.gross);
    if (n !== null) net.push(n);
    if (ra !== null) risk.push(ra);
    if (g.type === "cashable") {
      if (n !== null) cashNet.push(n);
      if (ra !== null) cashRisk.push(ra);
    } else if (g.type === "non-cashable" && n !== null) nonCashNet.push(n);
  }
  return {
    gross: sumExact(gross),
    net: sumExact(net),
    riskAdjusted: sumExact(risk),
    cashableNet: sumExact(cashNet),
    cashableRiskAdjusted: sumExact(cashRisk),
    nonCashableNet: sumExact(nonCashNet),
    serviceReductionNet: sumExact(cuts),
  };
}
