/**
 * Read stage: the Gains register's rows as typed records. Each gain keeps its sheet, row and the table's
 * source (./record.ts: the column of each value), so every value has its cell; amounts are converted exactly to the register's unit, deliverability
 * through the RAG mapping, and net and risk-adjusted gains recomputed by the calculation core.
 */
import { netGain } from "../../calc";
import type { Cell } from "../../workbook/model";
import { financialYearOf, financialYearOfCell } from "../dates";
import type { DiscoveredTable } from "../discovery";
import { RAG_CODES, TYPE_CODES } from "../recognise/vocabulary";
import type { ColumnKey } from "../schema";
import type { Settings } from "../settings";
import { sourceCell, tableSource, type SheetRecord } from "./record";
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
} from "../text";

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

/**
 * A gain as the rules see it: a record (./record.ts) whose every value has its cell, read on demand
 * for the rules' messages (only for rows that fail), and its normalised ID (for lookups).
 */
export interface ParsedGain extends GainRow, SheetRecord<ColumnKey<"gains">> {
  /** Trimmed, lower-case ID (the key of gainById); null without an ID. */
  idKey: string | null;
}

export type GainNumberKey = "gross" | "costs" | "net" | "riskAdjusted" | "deliverability";

type MoneyKey = "gross" | "costs" | "net" | "riskAdjusted";
const MONEY_KEYS: readonly MoneyKey[] = ["gross", "costs", "net", "riskAdjusted"];

/** The register's units: each money column's, and the one every amount is converted to. */
export interface RegisterUnits {
  /** Unit of each money column of the Gains table, when the header or Settings gives one. */
  gainUnits: Map<ColumnKey<"gains">, MoneyUnit>;
  /** Unit of the register's amounts (the Gross gain header, else the Settings unit). */
  unit: MoneyUnit;
  /** The register's unit over £ (1, 1000 or 1e6): divides £ settings (tolerance) into register units. */
  unitFactor: number;
  /** Tolerance in the register's unit. */
  tolerance: number;
}

/** Units: the register's unit is the Gross gain header's, else the Settings unit. */
export function registerUnits(table: DiscoveredTable | undefined, settings: Settings): RegisterUnits {
  const gainUnits = new Map<ColumnKey<"gains">, MoneyUnit>();
  for (const key of MONEY_KEYS) gainUnits.set(key, table?.units.get(key) ?? settings.unit);
  const unit = gainUnits.get("gross")!;
  return { gainUnits, unit, unitFactor: UNIT_FACTORS[unit], tolerance: convertUnit(settings.tolerance, "£", unit) };
}

export function idKey(text: string): string {
  return text.trim().toLowerCase();
}

const TYPE_CACHE = new Map<string, GainType | null>();
function parseGainType(text: string): GainType | null {
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
function isServiceReduction(text: string): boolean {
  let flagged = SERVICE_CACHE.get(text);
  if (flagged === undefined) {
    const normal = normaliseWords(text);
    flagged = normal !== "" && !NEGATED.test(normal) && SERVICE_CUT.test(normal);
    if (SERVICE_CACHE.size < 1000) SERVICE_CACHE.set(text, flagged);
  }
  return flagged;
}

/** Reads a deliverability cell: a fraction 0..1, a percentage, or a RAG word through the mapping. */
function readDeliverability(cell: Cell | undefined, settings: Settings): number | null {
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

/** The Gains columns a gain is read from (-1 when the table has none). */
type GainColumns = Record<"id" | "initiative" | "type" | "category" | MoneyKey | "deliverability" | "serviceImpact" | "priceBase", number>;

function gainColumns(table: DiscoveredTable): GainColumns {
  const col = (key: ColumnKey<"gains">) => table.columns.get(key) ?? -1;
  return {
    id: col("id"),
    initiative: col("initiative"),
    type: col("type"),
    category: col("category"),
    gross: col("gross"),
    costs: col("costs"),
    net: col("net"),
    deliverability: col("deliverability"),
    riskAdjusted: col("riskAdjusted"),
    serviceImpact: col("serviceImpact"),
    priceBase: col("priceBase"),
  };
}

/** A Service impact cell: a flag under a "Service reduction" header (Yes/TRUE), else words that say a service is cut. */
function readServiceReduction(cell: Cell | undefined, headerIsFlag: boolean): boolean {
  if (headerIsFlag && (cell?.value === true || /^(yes|y|true)$/i.test(cellText(cell)))) return true;
  const text = cellText(cell);
  return text !== "" && isServiceReduction(text);
}

/** A Price base cell: a date or year number, or text such as "2007-08 prices". */
function readPriceBase(cell: Cell | undefined, date1904: boolean, cache: Map<string, number | null>): number | null {
  const value = cell?.value;
  if (typeof value === "number") return financialYearOfCell(cell, date1904);
  if (typeof value !== "string" || value.trim() === "") return null;
  const cached = cache.get(value);
  if (cached !== undefined) return cached;
  const year = financialYearOf(value.replace(/\s*prices?$/i, ""));
  if (cache.size < 1000) cache.set(value, year);
  return year;
}

/** Net and risk-adjusted gains by the calculation core; a blank (not error) costs cell counts as 0. */
function recompute(
  gross: number | null,
  costs: number | null,
  costsCell: Cell | undefined,
  deliverability: number | null,
  settings: Settings,
): { recomputedNet: number | null; recomputedRiskAdjusted: number | null } {
  let recomputedNet: number | null = null;
  let recomputedRiskAdjusted: number | null = null;
  const costsValue = costs !== null ? costs : isBlankCell(costsCell) && !costsCell?.error ? 0 : null;
  if (gross !== null && costsValue !== null) {
    const n = netGain(gross, costsValue);
    if (n.ok) recomputedNet = n.value;
    if (deliverability !== null) {
      if (deliverability === 1) recomputedRiskAdjusted = recomputedNet;
      else {
        const ra = netGain(gross, costsValue, deliverability, { ragMapping: settings.ragMapping });
        if (ra.ok) recomputedRiskAdjusted = ra.value;
      }
    }
  }
  return { recomputedNet, recomputedRiskAdjusted };
}

export interface GainsRead {
  gains: ParsedGain[];
  /** Normalised gain ID (trimmed, case-insensitive) -> the first gain with that ID. */
  gainById: Map<string, ParsedGain>;
}

/** Every row of the Gains table as a ParsedGain, amounts in the register's unit. */
export function readGains(
  table: DiscoveredTable<"gains"> | undefined,
  settings: Settings,
  units: RegisterUnits,
  date1904: boolean,
): GainsRead {
  const gains: ParsedGain[] = [];
  const gainById = new Map<string, ParsedGain>();
  if (!table) return { gains, gainById };
  const c = gainColumns(table);
  // Each money column's unit looked up once, not per cell (100,000 rows x 4 amounts on a large register).
  const unitOf = {
    gross: units.gainUnits.get("gross")!,
    costs: units.gainUnits.get("costs")!,
    net: units.gainUnits.get("net")!,
    riskAdjusted: units.gainUnits.get("riskAdjusted")!,
  };
  const toRegister = (key: MoneyKey, raw: number | null) => (raw === null ? null : convertUnit(raw, unitOf[key], units.unit));
  const serviceHeaderIsFlag = c.serviceImpact >= 0 && normaliseLabel(table.headers.get("serviceImpact") ?? "") === "service reduction";
  const priceCache = new Map<string, number | null>();
  const source = tableSource(table);
  for (const r of table.rows) {
    const cells = table.sheet.rows[r] ?? [];
    const at = (col: number) => (col >= 0 ? cells[col] : undefined);
    const idText = cellText(at(c.id));
    const typeText = cellText(at(c.type));
    const costsCell = at(c.costs);
    const gross = toRegister("gross", numberOf(at(c.gross)));
    const costs = toRegister("costs", numberOf(costsCell));
    const deliverability = readDeliverability(at(c.deliverability), settings);
    const key = idText === "" ? null : idKey(idText);
    // Named, not spread into the literal: a spread makes every one of 100,000 gains take V8's slow object path.
    const { recomputedNet, recomputedRiskAdjusted } = recompute(gross, costs, costsCell, deliverability, settings);
    const gain: ParsedGain = {
      sheet: table.sheet.name,
      row: r,
      id: idText === "" ? null : idText,
      initiative: cellText(at(c.initiative)) || null,
      type: typeText === "" ? null : parseGainType(typeText),
      category: cellText(at(c.category)) || null,
      gross,
      costs,
      net: toRegister("net", numberOf(at(c.net))),
      deliverability,
      riskAdjusted: toRegister("riskAdjusted", numberOf(at(c.riskAdjusted))),
      recomputedNet,
      recomputedRiskAdjusted,
      serviceReduction: c.serviceImpact >= 0 && readServiceReduction(cells[c.serviceImpact], serviceHeaderIsFlag),
      priceBase: c.priceBase >= 0 ? readPriceBase(cells[c.priceBase], date1904, priceCache) : null,
      idKey: key,
      source,
    };
    gains.push(gain);
    if (key !== null && !gainById.has(key)) gainById.set(key, gain);
  }
  return { gains, gainById };
}

/** What a gain's numeric cell holds (in the register's unit), read again for a message. */
export function gainCellReader(units: RegisterUnits): (gain: ParsedGain, key: GainNumberKey) => NumberRead {
  const from = new Map<GainNumberKey, MoneyUnit>();
  for (const key of ["gross", "costs", "net", "riskAdjusted", "deliverability"] as const) {
    from.set(key, key === "deliverability" ? units.unit : units.gainUnits.get(key)!);
  }
  return (gain, key) => {
    const read = readNumber(sourceCell(gain, key));
    const unit = from.get(key)!;
    return read.kind === "number" && unit !== units.unit ? { kind: "number", value: convertUnit(read.value, unit, units.unit) } : read;
  };
}
