/**
 * The Settings table: Key / Value pairs that tune the check. Every key has a documented default, so a
 * workbook without a Settings table is still checked (and a finding says the defaults were used).
 */
import { DEFAULT_RAG_MAPPING, type RagMapping } from "../calc";
import type { Cell } from "../workbook/model";
import { a1 } from "../workbook/model";
import { cellDateProblem, describeDateProblem, financialYearOfCell, readDate } from "./dates";
import type { DiscoveredTable } from "./discovery";
import { cellText, normaliseLabel, parseNumberText, parseUnit, quote, readNumber, type MoneyUnit } from "./text";

export interface Settings {
  /** Annual efficiency rate as a fraction (0.03 = 3%). */
  targetRate: number;
  targetMethod: "compound" | "simple";
  /** Years of the spending period the target covers. */
  targetYears: number;
  /** Start year of the baseline financial year (2007 = 2007-08). */
  baselineYear: number | null;
  /** Start year of the financial year the target falls due in; null = baseline year + target years. */
  targetYear: number | null;
  /** ISO date the check is made against; null = today. */
  reportingDate: string | null;
  /** Deflator series id or name for VFM.DEFLATE; null = the shipped default series. */
  deflatorSeries: string | null;
  ragMapping: RagMapping;
  /** Largest difference, in £, treated as equal when a figure is recomputed. */
  tolerance: number;
  /** Gains of at least this gross amount, in £, need a dated milestone. */
  materiality: number;
  /** Smallest share of total net gains that must be cashable (SR2004: one half). */
  minimumCashableShare: number;
  /** Unit of amounts whose header states none. */
  unit: MoneyUnit;
  /** On track: delivered or planned gains at least this share of the target path (1 = all of it). */
  onTrackShare: number;
  /** At risk rather than off track: at least this share of the path (below it, off track). */
  atRiskShare: number;
}

export const DEFAULT_SETTINGS: Settings = {
  targetRate: 0.03,
  targetMethod: "compound",
  targetYears: 3,
  baselineYear: null,
  targetYear: null,
  reportingDate: null,
  deflatorSeries: null,
  ragMapping: DEFAULT_RAG_MAPPING,
  tolerance: 0.005,
  materiality: 1_000_000,
  minimumCashableShare: 0.5,
  unit: "£",
  onTrackShare: 1,
  atRiskShare: 0.9,
};

export type SettingKey = keyof Settings;

/** What each Settings key means, its default and why: the rule docs print this table. */
export interface SettingDoc {
  key: SettingKey;
  /** The Key to write in the Settings table. */
  name: string;
  aliases: readonly string[];
  defaultText: string;
  why: string;
}

export const SETTING_DOCS: readonly SettingDoc[] = [
  {
    key: "targetRate",
    name: "Target rate",
    aliases: ["Rate", "Annual rate", "Efficiency rate"],
    defaultText: "3%",
    why: "CSR07: the Home Office target was 3% a year, compounded. Write 3% or 0.03 (a bare 3 is refused).",
  },
  {
    key: "targetMethod",
    name: "Target method",
    aliases: ["Method"],
    defaultText: "compound",
    why: "CSR07 compounds the annual rate (3%, 6.09%, 9.27%); SR2004 councils used simple (2.5% x 3 years).",
  },
  {
    key: "targetYears",
    name: "Target years",
    aliases: ["Years", "Spending period years"],
    defaultText: "3 (or target year minus baseline year when both are given)",
    why: "A spending review period is three years.",
  },
  {
    key: "baselineYear",
    name: "Baseline year",
    aliases: [],
    defaultText: "the year on the Baseline lines when they all agree; otherwise none",
    why: "Principle (i): the baseline must be quantified for a stated year; quarters are due from the year after it.",
  },
  {
    key: "targetYear",
    name: "Target year",
    aliases: [],
    defaultText: "baseline year + target years",
    why: "The year the target falls due; the register's money columns and the profile are compared in it.",
  },
  {
    key: "reportingDate",
    name: "Reporting date",
    aliases: ["As at", "As at date", "Report date"],
    defaultText: "today (the command line's --reporting-date overrides it)",
    why: "Quarters ended and risk reviews are judged against it.",
  },
  {
    key: "deflatorSeries",
    name: "Deflator series",
    aliases: ["Deflators", "Deflator"],
    defaultText: "HM Treasury GDP deflators shipped with the add-in",
    why: "Names the series VFM.DEFLATE uses when prices are re-expressed.",
  },
  {
    key: "ragMapping",
    name: "RAG mapping",
    aliases: ["RAG", "Green", "Amber", "Red"],
    defaultText: "Green=1; Amber=0.5; Red=0",
    why: 'Our judgement: a Green claim counts in full, Amber half, Red not at all. Write e.g. "Green=0.9; Amber=0.5; Red=0" or use three keys Green, Amber and Red.',
  },
  {
    key: "tolerance",
    name: "Tolerance",
    aliases: [],
    defaultText: "£0.005 (half a penny)",
    why: "Recomputed figures within half a penny of the workbook's are treated as equal (rounding to the penny).",
  },
  {
    key: "materiality",
    name: "Materiality",
    aliases: ["Materiality threshold"],
    defaultText: "£1,000,000",
    why: 'Our judgement from principle (iv), "Milestones and profiles underpin delivery of £m gains": gains of £1m or more need a dated milestone.',
  },
  {
    key: "minimumCashableShare",
    name: "Minimum cashable share",
    aliases: ["Cashable share"],
    defaultText: "50%",
    why: "SR2004: at least half of each authority's gains had to be cashable.",
  },
  {
    key: "unit",
    name: "Unit",
    aliases: ["Units", "Amounts in"],
    defaultText: "£",
    why: "The unit of amounts whose column header does not state one (£, £k, £m or £bn).",
  },
  {
    key: "onTrackShare",
    name: "On-track share",
    aliases: ["On track share", "On track threshold"],
    defaultText: "100%",
    why: "Our judgement: a return is on track when its actual gains to date, and its plan for every year of the period, reach at least this share of the target path.",
  },
  {
    key: "atRiskShare",
    name: "At-risk share",
    aliases: ["At risk share", "At risk threshold", "Off track below"],
    defaultText: "90%",
    why: "Our judgement: short of on track but at least this share of the target path is at risk; below it, off track.",
  },
];

const KEY_LOOKUP: ReadonlyMap<string, SettingKey | "green" | "amber" | "red"> = (() => {
  const map = new Map<string, SettingKey | "green" | "amber" | "red">();
  for (const doc of SETTING_DOCS) {
    for (const name of [doc.name, ...doc.aliases]) {
      const normal = normaliseLabel(name);
      if (normal === "green" || normal === "amber" || normal === "red") continue;
      map.set(normal, doc.key);
    }
  }
  for (const word of ["green", "amber", "red"] as const) {
    map.set(word, word);
    map.set(`rag ${word}`, word);
    map.set(`${word} deliverability`, word);
  }
  return map;
})();

export interface SettingIssue {
  sheet: string;
  cell: string;
  message: string;
}

export interface SettingsRead {
  settings: Settings;
  /** Keys the workbook set (a default was not used). */
  stated: Set<SettingKey>;
  issues: SettingIssue[];
  /** Key -> where its value is, for findings that point at a setting. */
  locations: Map<SettingKey, { sheet: string; cell: string }>;
}

function parseRate(cell: Cell | undefined): number | string {
  const read = readNumber(cell);
  if (read.kind !== "number") return "is not a number";
  if (read.value < 0) return `is ${read.value}, which is negative`;
  if (read.value >= 1)
    return `is ${read.value}, which looks like ${read.value}% typed as a whole number: write ${read.value}% or ${read.value / 100}`;
  return read.value;
}

function parseFraction(cell: Cell | undefined): number | string {
  const read = readNumber(cell);
  if (read.kind !== "number") return "is not a number";
  if (read.value < 0 || read.value > 1) return `is ${read.value}, which is not a fraction between 0 and 1 (such as 50% or 0.5)`;
  return read.value;
}

function parseMoney(cell: Cell | undefined): number | string {
  const read = readNumber(cell);
  if (read.kind !== "number" || read.value < 0) return "is not an amount of £0 or more";
  return read.value;
}

/** "Green=1; Amber=0.5; Red=0" (also ",", new lines, ":" or spaces) -> mapping; a message when it cannot be read. */
export function parseRagMapping(text: string): RagMapping | string {
  const map = new Map<string, number>();
  for (const part of text.split(/[;,\n]+/)) {
    const piece = part.trim();
    if (piece === "") continue;
    const m = /^([A-Za-z][A-Za-z -]*?)\s*[=:]?\s*(-?[\d.]+%?)$/.exec(piece);
    if (!m) return `cannot read "${piece}"; write it as Green=1; Amber=0.5; Red=0`;
    const value = parseNumberText(m[2]);
    if (value === null || value < 0 || value > 1) return `${m[1]} must be a fraction between 0 and 1, not ${m[2]}`;
    map.set(m[1].trim().toLowerCase(), value);
  }
  if (map.size === 0) return "is empty; write it as Green=1; Amber=0.5; Red=0";
  return map;
}

/** The default a setting falls back to, as the docs state it, without its explanation in brackets. */
function defaultFor(key: SettingKey | "green" | "amber" | "red"): string {
  if (key === "green" || key === "amber" || key === "red") return `${key[0].toUpperCase()}${key.slice(1)}=${DEFAULT_RAG_MAPPING.get(key)}`;
  const doc = SETTING_DOCS.find((d) => d.key === key)!;
  return doc.defaultText.replace(/\s*\(.*\)$/, "");
}

export function readSettings(table: DiscoveredTable | undefined, date1904: boolean, overrides?: Partial<Settings>): SettingsRead {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const stated = new Set<SettingKey>();
  const issues: SettingIssue[] = [];
  const locations = new Map<SettingKey, { sheet: string; cell: string }>();
  let rag: Map<string, number> | null = null;

  if (table) {
    const keyCol = table.columns.get("key");
    const valueCol = table.columns.get("value");
    if (keyCol !== undefined && valueCol !== undefined) {
      for (const r of table.rows) {
        const cells = table.sheet.rows[r];
        const keyText = cellText(cells?.[keyCol]);
        if (keyText === "") continue;
        const key = KEY_LOOKUP.get(normaliseLabel(keyText));
        if (key === undefined) continue;
        const cell = cells?.[valueCol];
        const where = { sheet: table.sheet.name, cell: a1(r, valueCol) };
        const problem = (message: string) =>
          issues.push({ ...where, message: `Setting ${quote(keyText)} ${message}; the default (${defaultFor(key)}) was used instead.` });
        const text = cellText(cell);
        if (text === "" && key !== "reportingDate") continue;
        if (key === "green" || key === "amber" || key === "red") {
          const value = parseFraction(cell);
          if (typeof value === "string") problem(value);
          else {
            rag ??= new Map(DEFAULT_RAG_MAPPING);
            rag.set(key, value);
            locations.set("ragMapping", where);
          }
          continue;
        }
        locations.set(key, where);
        switch (key) {
          case "targetRate": {
            const value = parseRate(cell);
            if (typeof value === "string") problem(value);
            else settings.targetRate = value;
            break;
          }
          case "targetMethod": {
            const method = text.toLowerCase();
            if (method === "compound" || method === "simple") settings.targetMethod = method;
            else problem(`is ${quote(text)}; use compound or simple`);
            break;
          }
          case "targetYears": {
            const read = readNumber(cell);
            if (read.kind === "number" && Number.isInteger(read.value) && read.value >= 1 && read.value <= 50)
              settings.targetYears = read.value;
            else problem(`is ${quote(text)}; use a whole number of years such as 3`);
            break;
          }
          case "baselineYear":
          case "targetYear": {
            const year = financialYearOfCell(cell, date1904);
            if (year === null) problem(`is ${quote(text)}; write a financial year such as 2007-08`);
            else settings[key] = year;
            break;
          }
          case "reportingDate": {
            if (text === "") continue;
            const iso = readDate(cell, date1904);
            const impossible = iso === null ? cellDateProblem(cell, date1904) : null;
            if (impossible) problem(`is ${quote(text)}, ${describeDateProblem(impossible)}; write a date such as 31/12/2009`);
            else if (iso === null) problem(`is ${quote(text)}; write a date such as 31/12/2009`);
            else settings.reportingDate = iso;
            break;
          }
          case "deflatorSeries":
            settings.deflatorSeries = text;
            break;
          case "ragMapping": {
            const mapping = parseRagMapping(text);
            if (typeof mapping === "string") problem(mapping);
            else rag = new Map([...(rag ?? DEFAULT_RAG_MAPPING), ...mapping]);
            break;
          }
          case "tolerance":
          case "materiality": {
            const value = parseMoney(cell);
            if (typeof value === "string") problem(value);
            else settings[key] = value;
            break;
          }
          case "minimumCashableShare":
          case "onTrackShare":
          case "atRiskShare": {
            const value = parseFraction(cell);
            if (typeof value === "string") problem(value);
            else settings[key] = value;
            break;
          }
          case "unit": {
            const unit = parseUnit(text);
            if (unit === null) problem(`is ${quote(text)}; use £, £k, £m or £bn`);
            else settings.unit = unit;
            break;
          }
        }
        if (!issues.length || issues[issues.length - 1].cell !== where.cell) stated.add(key);
      }
    }
  }
  if (rag) {
    settings.ragMapping = rag;
    stated.add("ragMapping");
  }
  if (overrides) {
    // Only known keys are copied, so an override object can never reach the prototype.
    for (const doc of SETTING_DOCS) {
      if (!Object.prototype.hasOwnProperty.call(overrides, doc.key)) continue;
      const value = overrides[doc.key];
      if (value === undefined) continue;
      (settings as unknown as Record<string, unknown>)[doc.key] = value;
      stated.add(doc.key);
    }
  }
  return { settings, stated, issues, locations };
}
