/** The settings form's text fields <-> the settings a check uses. Pure, so the rules are easy to test. */
import { isCalendarIsoDate } from "../core/workbook/iso-date";
import type { SettingsChoice } from "./source";
import { ragMappingText } from "../core/text/rag";

export interface SettingsForm {
  reportingDate: string;
  tolerance: string;
  ragMapping: string;
  /** Percentage, e.g. "50". */
  minimumCashableShare: string;
}

export type SettingsFormErrors = Partial<Record<keyof SettingsForm, string>>;

const numberText = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 6, useGrouping: false });

export function formatRagMapping(mapping: ReadonlyArray<readonly [string, number]> | undefined): string {
  if (!mapping || mapping.length === 0) return "";
  return ragMappingText(mapping, { between: " ", separator: ", ", maxFractionDigits: 6 });
}

export function settingsToForm(settings: SettingsChoice): SettingsForm {
  return {
    reportingDate: settings.reportingDate ?? "",
    tolerance: settings.tolerance === undefined ? "" : numberText.format(settings.tolerance),
    ragMapping: formatRagMapping(settings.ragMapping),
    minimumCashableShare: settings.minimumCashableShare === undefined ? "" : numberText.format(settings.minimumCashableShare * 100),
  };
}

function parseNumber(text: string): number | null {
  const cleaned = text.replace(/[,\s%£]/g, "");
  if (!/^-?\d*\.?\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** "Green 1, Amber 0.5, Red 0" (or "Green=100%; Amber=50%") -> pairs; null when any part cannot be read. */
export function parseRagMapping(text: string): Array<[string, number]> | null {
  const parts = text
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const pairs: Array<[string, number]> = [];
  for (const part of parts) {
    const m = /^([A-Za-z][A-Za-z -]*?)\s*[=:]?\s*(-?\d*\.?\d+)\s*(%?)$/.exec(part);
    if (!m) return null;
    const fraction = Number(m[2]) / (m[3] ? 100 : 1);
    if (!(fraction >= 0 && fraction <= 1)) return null;
    pairs.push([m[1].trim().toLowerCase(), fraction]);
  }
  return pairs.length ? pairs : null;
}

/** Blank fields keep the workbook's value; anything else must be valid or the form says why. */
export function parseSettingsForm(form: SettingsForm): { ok: true; choice: SettingsChoice } | { ok: false; errors: SettingsFormErrors } {
  const errors: SettingsFormErrors = {};
  const choice: SettingsChoice = {};
  const date = form.reportingDate.trim();
  if (date) {
    if (isCalendarIsoDate(date)) choice.reportingDate = date;
    else errors.reportingDate = "Enter a real date, for example 31/12/2009.";
  }
  const tolerance = form.tolerance.trim();
  if (tolerance) {
    const value = parseNumber(tolerance);
    if (value !== null && value >= 0) choice.tolerance = value;
    else errors.tolerance = "Enter an amount in pounds of 0 or more, for example 0.005 for half a penny.";
  }
  const rag = form.ragMapping.trim();
  if (rag) {
    const pairs = parseRagMapping(rag);
    if (pairs) choice.ragMapping = pairs;
    else errors.ragMapping = "Write each rating and its fraction between 0 and 1, for example: Green 1, Amber 0.5, Red 0.";
  }
  const share = form.minimumCashableShare.trim();
  if (share) {
    const value = parseNumber(share);
    if (value !== null && value >= 0 && value <= 100) choice.minimumCashableShare = value / 100;
    else errors.minimumCashableShare = "Enter a percentage from 0 to 100, for example 50.";
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, choice };
}
