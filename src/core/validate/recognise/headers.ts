/**
 * Headers as people write them: one label per column from a one-, two- or three-row header (a merged
 * group cell such as "Net saving (£'000)" over year sub-headers "2011/12", "2012/13" applies to every
 * column under it), with the measure, financial year and unit split out of the text ("Saving 2012/13 £",
 * "Budget 2010/11 £'000", a financial-year-end date 31/03/2013). Every pattern here is linear in the
 * text and the text is capped (MATCH_TEXT_CAP), so a hostile header costs no more than a short one.
 */
import type { Cell } from "../../workbook/model";
import { financialYearOf, financialYearOfCell, parseDateText, quarterOfDate } from "../dates";
import { boundedCache, headerUnit, isBlankCell, MATCH_TEXT_CAP, normaliseLabel, type MoneyUnit } from "../text";

/** One column's header, read. */
export interface HeaderColumn {
  col: number;
  /** The header as written, the parts of a multi-row header joined by " / " ("Net saving (£'000) / 2011/12"). */
  text: string;
  /** The bottom header cell's own text (a sub-header such as "2011/12"). */
  own: string;
  /** Normalised measure words without the year and unit ("net saving"). */
  measure: string;
  /** The bottom cell's measure alone, for a column that sits under a group it does not belong to. */
  ownMeasure: string;
  /** Each header part's measure, bottom row first ("" parts left out): looked up one by one. */
  partMeasures: string[];
  /** Financial-year start year the header names, or null. */
  year: number | null;
  unit: MoneyUnit | null;
}

export interface ParsedHeaderText {
  measure: string;
  year: number | null;
  unit: MoneyUnit | null;
}

/** "2012/13", "2013-14", "FY2011-12", "2012-2013": the first financial year in a text, linear scan. */
const FY_IN_TEXT = /(?:^|[^\d])(?:fy\s?)?((?:19|20)\d\d\s?[-/\u2013]\s?(?:\d\d\d\d|\d\d))(?!\d)/i;
/** A date in a header: 31/03/2013, 31-03-13 is not read (two-digit years are ambiguous). */
const DATE_IN_TEXT = /(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}\s[a-z]{3,9}\s\d{4})/i;

const PARSE_CACHE = boundedCache<ParsedHeaderText>();

/** Splits a header's text into its measure words, financial year and unit. */
export function parseHeaderText(text: string): ParsedHeaderText {
  const capped = text.length > MATCH_TEXT_CAP ? text.slice(0, MATCH_TEXT_CAP) : text;
  const cached = PARSE_CACHE.get(capped);
  if (cached) return cached;
  let rest = capped;
  let year: number | null = null;
  const date = DATE_IN_TEXT.exec(rest);
  const iso = date ? parseDateText(date[1]) : null;
  if (date && iso) {
    year = quarterOfDate(iso).startYear;
    rest = rest.slice(0, date.index) + " " + rest.slice(date.index + date[0].length);
  } else {
    const fy = FY_IN_TEXT.exec(rest);
    const parsed = fy ? financialYearOf(fy[1].replace(/\s/g, "")) : null;
    if (fy && parsed !== null) {
      year = parsed;
      const start = fy.index + fy[0].indexOf(fy[1]);
      rest = rest.slice(0, start) + " " + rest.slice(start + fy[1].length);
    } else {
      const bare = financialYearOf(rest.trim().replace(/^fy\s*/i, ""));
      if (bare !== null) {
        year = bare;
        rest = "";
      }
    }
  }
  const unit = headerUnit(capped);
  const words = normaliseLabel(rest);
  // "FY 2012/13" leaves "fy" once the year is taken out; "FY" alone is a header word (a year column).
  const measure = year !== null ? words.replace(/^fy\b\s*|\s*\bfy$/g, "").trim() : words;
  const result = { measure, year, unit };
  PARSE_CACHE.set(capped, result);
  return result;
}

/** A header cell's text; a year typed as a number or an Excel date stays its cell (see headerYearOfCell). */
function headerText(cell: Cell | undefined): string {
  if (!cell || cell.error) return "";
  const v = cell.value;
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return String(v);
  return "";
}

/** The financial year a numeric header cell states: a bare year (2011) or a date (31/03/2013 -> 2012-13). */
function headerYearOfCell(cell: Cell | undefined, date1904: boolean): number | null {
  if (!cell || typeof cell.value !== "number") return null;
  return financialYearOfCell(cell, date1904);
}

/** True when a header cell is a year: "2011/12", 2011, a date, "FY 2012-13" (nothing else). */
export function isYearHeaderCell(cell: Cell | undefined, date1904: boolean): boolean {
  if (!cell || cell.error) return false;
  if (typeof cell.value === "number") return headerYearOfCell(cell, date1904) !== null;
  if (typeof cell.value !== "string") return false;
  const parsed = parseHeaderText(cell.value);
  return parsed.year !== null && parsed.measure === "";
}

type Row = ReadonlyArray<Cell | undefined> | undefined;

/**
 * The group label each column sits under: a non-blank cell and the blank cells to its right (a merged
 * cell), for as long as a row below has a header there.
 */
function spreadGroups(row: Row, startCol: number, endCol: number, below: readonly Row[]): string[] {
  const labels: string[] = [];
  let current = "";
  for (let c = startCol; c <= endCol; c++) {
    const own = headerText(row?.[c]);
    if (own !== "") current = own;
    else if (below.every((r) => isBlankCell(r?.[c]))) current = "";
    labels[c - startCol] = own !== "" ? own : current;
  }
  return labels;
}

/**
 * Reads a header of `rows` (top to bottom, one to three rows) into one label per column from startCol
 * to endCol. Group rows spread each label right over the blank cells after it while the row below has a
 * header there (a merged cell); the bottom row's own cell is kept as `own`.
 */
export function readHeader(rows: readonly Row[], startCol: number, endCol: number, date1904: boolean): HeaderColumn[] {
  const bottom = rows[rows.length - 1];
  const groups = rows.slice(0, -1).map((row, i) => spreadGroups(row, startCol, endCol, rows.slice(i + 1)));
  const columns: HeaderColumn[] = [];
  for (let c = startCol; c <= endCol; c++) {
    const cell = bottom?.[c];
    const own = headerText(cell);
    const groupParts = groups.map((g) => g[c - startCol]).filter((p, i, all) => p !== "" && all.indexOf(p) === i);
    const parts = own !== "" && !groupParts.includes(own) ? [...groupParts, own] : groupParts;
    if (parts.length === 0) continue;
    const text = parts.join(" / ");
    const whole = parseHeaderText(parts.join(" "));
    const ownParsed = parseHeaderText(own);
    const numericYear = headerYearOfCell(cell, date1904);
    const year = numericYear ?? whole.year;
    // A numeric bottom cell that is not a year (a data row read as a header) is not a header.
    if (typeof cell?.value === "number" && numericYear === null && groups.length === 0) continue;
    columns.push({
      col: c,
      text,
      own,
      measure: numericYear !== null ? parseHeaderText(groupParts.join(" ")).measure : whole.measure,
      ownMeasure: numericYear !== null ? "" : ownParsed.measure,
      partMeasures: [...parts]
        .reverse()
        .map((p) => parseHeaderText(p).measure)
        .filter((m, i, all) => m !== "" && all.indexOf(m) === i),
      year,
      unit: whole.unit,
    });
  }
  return columns;
}
