/**
 * Context read from where people write it: a table's title block (the rows above its header) and its
 * sheet's name state the unit ("All figures in £'000", "£m"), the price base ("cash prices", "2010-11
 * prices"), the basis ("original budget", "outturn") and the position date ("position at 30 September
 * 2012", "as at 31/12/2012"). The Settings table, where it states the same, wins (see analysis).
 */
import type { Sheet } from "../../workbook/model";
import { financialYearOf, parseDateText, quarterEnd } from "../dates";
import { cellText, MATCH_TEXT_CAP, parseUnit, type MoneyUnit } from "../text";
import { BASIS_WORDS } from "./vocabulary";

export interface TableContext {
  unit: MoneyUnit | null;
  /** "cash" or the start year of a stated price base ("2010-11 prices" -> 2010). */
  priceBase: "cash" | number | null;
  basis: string | null;
  /** ISO date of a "position at" / "as at" line, or the quarter end a sheet name such as "Q2 return 2012-13" implies. */
  positionAt: string | null;
  /** The financial year the title block or sheet name names ("Revenue budget 2010-11" -> 2010). */
  year: number | null;
  /** Where each came from: "'Savings Plan'!A3". */
  sources: Partial<Record<"unit" | "priceBase" | "basis" | "positionAt", string>>;
}

export const EMPTY_CONTEXT: TableContext = { unit: null, priceBase: null, basis: null, positionAt: null, year: null, sources: {} };

/** "£'000", "£000s", "£k", "£m", "£ millions", "£ thousands", "thousands of pounds" inside a title line. */
const UNIT_IN_TEXT =
  /(£\s?(?:'?000'?s?|k\b|m\b|mn\b|bn\b|millions?\b|thousands?\b|billions?\b)|\bthousands? of pounds\b|\bmillions? of pounds\b|\bin pounds\b|\bin £(?!\s?[a-z0-9']))/i;
const PRICES = /\b(cash|outturn|nominal|real terms|constant)\s+prices\b|\b((?:19|20)\d\d\s?[-/]\s?\d{2,4})\s+prices\b/i;
const POSITION = /\b(?:position|as)\s+at\s+(?:the\s+)?(?:end\s+of\s+)?(.{4,30})$/i;
const MONTH_DAY = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})(?:\s+(\d{4}))?/i;
const QUARTER_NAME = /\bq([1-4])\b.*?((?:19|20)\d\d\s?[-/]\s?\d{2,4})|((?:19|20)\d\d\s?[-/]\s?\d{2,4}).*?\bq([1-4])\b/i;

function unitOfText(text: string): MoneyUnit | null {
  // "£, cash prices", "£ unless stated": a title line that starts with a bare £.
  if (/^£(?:\s*[,;]|\s+(?:unless|except|cash|real)\b|\s*$)/i.test(text.trim())) return "£";
  const m = UNIT_IN_TEXT.exec(text);
  if (!m) return null;
  const raw = m[1].toLowerCase();
  if (raw.includes("thousand")) return "£k";
  if (raw.includes("million")) return "£m";
  if (raw.includes("pounds") || raw.startsWith("in")) return "£";
  return parseUnit(raw.replace(/s$/, ""));
}

function positionOf(text: string, fallbackYear: number | null): string | null {
  const m = POSITION.exec(text);
  if (!m) return null;
  const rest = m[1].trim().replace(/[.;,]$/, "");
  const direct = parseDateText(rest);
  if (direct) return direct;
  const md = MONTH_DAY.exec(rest);
  if (!md) return null;
  const year = md[3] ? Number(md[3]) : null;
  if (year === null && fallbackYear === null) return null;
  const monthText = md[2].slice(0, 3).toLowerCase();
  const month = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].indexOf(monthText) + 1;
  if (month === 0) return null;
  // Without a year, "30 September" in a 2012-13 return is 30/09/2012; "31 March" is 31/03/2013.
  const y = year ?? (month <= 3 ? fallbackYear! + 1 : fallbackYear!);
  return parseDateText(`${md[1]}/${month}/${y}`);
}

/** The financial year a title or sheet name mentions ("Q2 return 2012-13" -> 2012). */
function yearMentioned(text: string): number | null {
  const m = /((?:19|20)\d\d\s?[-/]\s?\d{2,4})/.exec(text);
  return m ? financialYearOf(m[1].replace(/\s/g, "")) : null;
}

/** The context of a table from its sheet's name and the title rows above its header. */
export function readContext(sheet: Sheet, titleTop: number, headerTop: number, startCol: number): TableContext {
  const context: TableContext = { unit: null, priceBase: null, basis: null, positionAt: null, year: null, sources: {} };
  const lines: Array<{ text: string; where: string }> = [];
  for (let r = titleTop; r < headerTop; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = 0; c < Math.min(row.length, startCol + 12); c++) {
      const text = cellText(row[c]);
      if (text !== "" && typeof row[c]?.value === "string") lines.push({ text: text.slice(0, MATCH_TEXT_CAP), where: `${r}:${c}` });
    }
  }
  lines.push({ text: sheet.name.slice(0, MATCH_TEXT_CAP), where: "sheet" });
  const year = lines.map((l) => yearMentioned(l.text)).find((y) => y !== null) ?? null;
  context.year = year;
  for (const { text, where } of lines) {
    const lower = text.toLowerCase();
    if (context.unit === null) {
      const unit = unitOfText(text);
      if (unit !== null) {
        context.unit = unit;
        context.sources.unit = where;
      }
    }
    if (context.priceBase === null) {
      const m = PRICES.exec(text);
      if (m) {
        context.priceBase = m[2] ? financialYearOf(m[2].replace(/\s/g, "")) : "cash";
        context.sources.priceBase = where;
      }
    }
    if (context.basis === null) {
      const found = BASIS_WORDS.find(([word]) => new RegExp(`\\b${word}\\b`).test(lower));
      if (found && where !== "sheet") {
        context.basis = found[1];
        context.sources.basis = where;
      }
    }
    if (context.positionAt === null) {
      const iso = positionOf(text, year);
      if (iso) {
        context.positionAt = iso;
        context.sources.positionAt = where;
      } else if (where === "sheet") {
        const q = QUARTER_NAME.exec(text);
        const fy = q ? financialYearOf((q[2] ?? q[3]).replace(/\s/g, "")) : null;
        if (q && fy !== null) {
          context.positionAt = quarterEnd({ startYear: fy, quarter: Number(q[1] ?? q[4]) as 1 | 2 | 3 | 4 });
          context.sources.positionAt = where;
        }
      }
    }
  }
  return context;
}
