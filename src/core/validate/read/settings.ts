/**
 * Read stage: the Settings table's Key / Value rows as Settings, each value parsed by its key's reader,
 * with where it was written (for findings) and a one-line issue for a value that cannot be read (the
 * default is used instead, and said so).
 */
import { DEFAULT_RAG_MAPPING, type RagMapping } from "../../calc";
import type { Cell } from "../../workbook/model";
import { a1 } from "../../workbook/model";
import { cellDateProblem, describeDateProblem, financialYearOfCell, readDate } from "../dates";
import type { DiscoveredTable } from "../discovery";
import { DEFAULT_SETTINGS, SETTING_DOCS, type SettingIssue, type SettingKey, type Settings, type SettingsRead } from "../settings";
import { cellText, normaliseLabel, parseNumberText, parseUnit, quote, readNumber } from "../text";

type RagWord = "green" | "amber" | "red";

const KEY_LOOKUP: ReadonlyMap<string, SettingKey | RagWord> = (() => {
  const map = new Map<string, SettingKey | RagWord>();
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
function defaultFor(key: SettingKey | RagWord): string {
  if (key === "green" || key === "amber" || key === "red") return `${key[0].toUpperCase()}${key.slice(1)}=${DEFAULT_RAG_MAPPING.get(key)}`;
  const doc = SETTING_DOCS.find((d) => d.key === key)!;
  return doc.defaultText.replace(/\s*\(.*\)$/, "");
}

/** A setting's value read from its cell: the Settings fields it sets, or (a string) why it cannot be read. */
type SettingValue = Partial<Settings> | string;

/** Reads one setting's value (a blank cell never reaches here); ragMapping is merged by the caller. */
function readSettingValue(key: SettingKey, cell: Cell | undefined, text: string, date1904: boolean): SettingValue {
  switch (key) {
    case "targetRate":
    case "tolerance":
    case "materiality":
    case "minimumCashableShare":
    case "onTrackShare":
    case "atRiskShare": {
      const value =
        key === "targetRate" ? parseRate(cell) : key === "tolerance" || key === "materiality" ? parseMoney(cell) : parseFraction(cell);
      return typeof value === "string" ? value : { [key]: value };
    }
    case "targetMethod": {
      const method = text.toLowerCase();
      return method === "compound" || method === "simple" ? { targetMethod: method } : `is ${quote(text)}; use compound or simple`;
    }
    case "targetYears": {
      const read = readNumber(cell);
      return read.kind === "number" && Number.isInteger(read.value) && read.value >= 1 && read.value <= 50
        ? { targetYears: read.value }
        : `is ${quote(text)}; use a whole number of years such as 3`;
    }
    case "baselineYear":
    case "targetYear": {
      const year = financialYearOfCell(cell, date1904);
      return year === null ? `is ${quote(text)}; write a financial year such as 2007-08` : { [key]: year };
    }
    case "reportingDate": {
      const iso = readDate(cell, date1904);
      if (iso !== null) return { reportingDate: iso };
      const impossible = cellDateProblem(cell, date1904);
      return impossible
        ? `is ${quote(text)}, ${describeDateProblem(impossible)}; write a date such as 31/12/2009`
        : `is ${quote(text)}; write a date such as 31/12/2009`;
    }
    case "deflatorSeries":
      return { deflatorSeries: text };
    case "ragMapping": {
      const mapping = parseRagMapping(text);
      return typeof mapping === "string" ? mapping : { ragMapping: mapping };
    }
    case "unit": {
      const unit = parseUnit(text);
      return unit === null ? `is ${quote(text)}; use £, £k, £m or £bn` : { unit };
    }
  }
}

/** Copies the caller's overrides on top (only known keys, so an override object can never reach the prototype). */
function applyOverrides(settings: Settings, stated: Set<SettingKey>, overrides: Partial<Settings>): void {
  for (const doc of SETTING_DOCS) {
    if (!Object.prototype.hasOwnProperty.call(overrides, doc.key)) continue;
    const value = overrides[doc.key];
    if (value === undefined) continue;
    (settings as unknown as Record<string, unknown>)[doc.key] = value;
    stated.add(doc.key);
  }
}

export function readSettings(table: DiscoveredTable | undefined, date1904: boolean, overrides?: Partial<Settings>): SettingsRead {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const stated = new Set<SettingKey>();
  const issues: SettingIssue[] = [];
  const locations = new Map<SettingKey, { sheet: string; cell: string }>();
  let rag: Map<string, number> | null = null;
  const keyCol = table?.columns.get("key");
  const valueCol = table?.columns.get("value");
  for (const r of table && keyCol !== undefined && valueCol !== undefined ? table.rows : []) {
    const cells = table!.sheet.rows[r];
    const keyText = cellText(cells?.[keyCol!]);
    if (keyText === "") continue;
    const key = KEY_LOOKUP.get(normaliseLabel(keyText));
    if (key === undefined) continue;
    const cell = cells?.[valueCol!];
    const where = { sheet: table!.sheet.name, cell: a1(r, valueCol!) };
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
    if (text === "") continue; // a blank Reporting date: today (or the title block's date) is used
    const value = readSettingValue(key, cell, text, date1904);
    if (typeof value === "string") {
      problem(value);
      continue;
    }
    if (value.ragMapping) rag = new Map([...(rag ?? DEFAULT_RAG_MAPPING), ...value.ragMapping]);
    else Object.assign(settings, value);
    stated.add(key);
  }
  if (rag) {
    settings.ragMapping = rag;
    stated.add("ragMapping");
  }
  if (overrides) applyOverrides(settings, stated, overrides);
  return { settings, stated, issues, locations };
}
