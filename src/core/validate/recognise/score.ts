/**
 * Recognise, step 2: a block scored against one table. Each header column is looked up in the table's
 * vocabulary (its measure words, then its own cell's words); a column naming a financial year is a
 * per-year column of the measure it names ("Net saving 2012/13" is the Net gain of 2012-13) or, with no
 * measure, a profile year. The score weighs words only this table uses double; a block is a table only
 * when it has the columns that make one (a register needs a reference or name and a money column).
 */
import { TABLE_SPEC_BY_KEY, type TableKey } from "../schema";
import { cellText, normaliseLabel } from "../text";
import type { Block } from "./blocks";
import type { HeaderColumn } from "./headers";
import { YEAR_MEASURE_WORDS } from "./vocabulary";

export interface Candidate {
  table: TableKey;
  block: Block;
  /** Column key -> header column (the first match wins). */
  columns: Map<string, HeaderColumn>;
  /** Money column key -> financial year -> header column ("Gross 2011/12", "Net saving / 2012/13"). */
  measureYears: Map<string, Map<number, HeaderColumn>>;
  /** Year header columns with no measure of their own (profile years). */
  bareYears: Map<number, HeaderColumn>;
  score: number;
  /** Matched columns over the table's columns (0..1). */
  coverage: number;
  /** Why the block cannot be this table ("has no Type column"); empty when it can. */
  lacks: string[];
}

export interface Vocabulary {
  maps: ReadonlyMap<TableKey, ReadonlyMap<string, string>>;
  spread: ReadonlyMap<string, number>;
}

const MONEY_KEYS: Partial<Record<TableKey, readonly string[]>> = {
  gains: ["gross", "costs", "net", "riskAdjusted"],
  baseline: ["amount"],
  reinvestment: ["amount"],
  quarterly: ["trajectory", "actual"],
  comparatives: ["cost", "value"],
};

function lookup(map: ReadonlyMap<string, string>, measure: string): string | undefined {
  if (measure === "") return undefined;
  return map.get(measure);
}

/** The money key a per-year column names in a table: its words, or a year measure word ("Saving 2012/13"). */
function yearMeasureKey(table: TableKey, map: ReadonlyMap<string, string>, column: HeaderColumn): string | null {
  const money = MONEY_KEYS[table] ?? [];
  // A baseline's "2011-12 (£)" column is its amount for that year.
  if (table === "baseline" && column.partMeasures.length === 0) return "amount";
  for (const measure of measuresOf(column)) {
    const key = lookup(map, measure);
    if (key !== undefined && money.includes(key)) return key;
    const word = YEAR_MEASURE_WORDS[measure];
    if (word !== undefined) {
      if (money.includes(word)) return word;
      if (money.length > 0) return money[0];
    }
  }
  return null;
}

/** The measures to look a column up by: the whole label, its own cell, then each group above it. */
function measuresOf(column: HeaderColumn): string[] {
  return [column.measure, column.ownMeasure, ...column.partMeasures];
}

/** A column headed by a unit alone ("£'000") is the amount of a table that has one money column. */
const UNIT_ONLY_KEY: Partial<Record<TableKey, string>> = { baseline: "amount", reinvestment: "amount", summary: "value" };

function labelOf(table: TableKey, key: string): string {
  return TABLE_SPEC_BY_KEY.get(table)?.columns.find((c) => c.key === key)?.label ?? key;
}

/** What a block lacks to be the table, for the content path (clues by name accept any two columns). */
function lacksFor(c: Candidate): string[] {
  const has = (key: string) => c.columns.has(key) || (c.measureYears.get(key)?.size ?? 0) > 0;
  const need = (keys: readonly string[], what?: string): string[] =>
    keys.some(has) ? [] : [what ?? `no ${keys.map((k) => labelOf(c.table, k)).join(" or ")} column`];
  const years = c.bareYears.size + Math.max(0, ...[...c.measureYears.values()].map((m) => m.size));
  switch (c.table) {
    case "gains": {
      const out = [
        ...need(["id", "initiative"]),
        ...need(["gross", "costs", "net", "riskAdjusted"], "no money column (Gross gain, Costs or Net gain)"),
      ];
      const typed = c.block.header.filter((h) => /^(non )?cashable$/.test(h.measure)).length;
      if (typed >= 2) out.push("Cashable and Non-cashable are columns (a summary by type, not a register)");
      if (c.block.summaryMarked) out.push("it is a pivot or summary (Row Labels, Grand Total)");
      return out;
    }
    case "profile":
      return [...need(["id"]), ...(years >= 2 ? [] : ["fewer than two financial-year columns"])];
    case "baseline":
      return [
        ...need(["line"]),
        ...need(["amount"]),
        ...(c.block.summaryMarked ? ["it is a pivot or summary (Row Labels, Grand Total)"] : []),
      ];
    case "milestones":
      return [...need(["milestone"]), ...need(["due"])];
    case "reinvestment":
      return [...need(["destination"]), ...need(["amount"])];
    case "quarterly":
      return [...need(["quarter"]), ...need(["trajectory", "actual"])];
    case "comparatives":
      return [...need(["measure"]), ...need(["kind", "unit", "cost", "output", "benchmark"])];
    case "publication":
      return [...need(["report"]), ...need(["published"])];
    case "summary":
      return [...need(["measure"]), ...need(["value"]), ...(reportsAgainstTarget(c) ? [] : ["no line about a total or the target"])];
    case "settings":
      return ["found only by its sheet, table or defined name"];
  }
}

/** A summary block by content: one of its lines reports a total, the target or progress against it. */
const SUMMARY_LINE = /\b(totals?|target|progress)\b/;
const SUMMARY_ROWS_READ = 30;

function reportsAgainstTarget(c: Candidate): boolean {
  const col = c.columns.get("measure")?.col;
  if (col === undefined) return false;
  const { sheet, headerRow, lastRow } = c.block;
  for (let r = headerRow + 1; r <= Math.min(lastRow, headerRow + SUMMARY_ROWS_READ); r++) {
    if (SUMMARY_LINE.test(normaliseLabel(cellText(sheet.rows[r]?.[col])))) return true;
  }
  return false;
}

/** Scores a block as one table. */
export function scoreBlock(block: Block, table: TableKey, vocabulary: Vocabulary): Candidate {
  const map = vocabulary.maps.get(table)!;
  const candidate: Candidate = {
    table,
    block,
    columns: new Map(),
    measureYears: new Map(),
    bareYears: new Map(),
    score: 0,
    coverage: 0,
    lacks: [],
  };
  let score = 0;
  const weigh = (measure: string) => ((vocabulary.spread.get(measure) ?? 1) === 1 ? 2 : 1);
  const profileMeasure = new Map<number, string>();
  for (const column of block.header) {
    if (column.year !== null && table === "profile") {
      // A profile's year columns hold net values: prefer "Net 2011/12" over "Gross 2011/12" over a bare year.
      const word =
        measuresOf(column)
          .map((m) => YEAR_MEASURE_WORDS[m])
          .find((w) => w !== undefined) ?? (column.measure === "" || column.partMeasures.length === 0 ? "bare" : null);
      const rank = (w: string | undefined) => (w === "net" ? 3 : w === "bare" ? 2 : w === "gross" ? 1 : 0);
      if (word !== null && rank(word) > rank(profileMeasure.get(column.year))) {
        candidate.bareYears.set(column.year, column);
        profileMeasure.set(column.year, word);
      }
      continue;
    }
    if (column.year !== null) {
      const key = yearMeasureKey(table, map, column);
      if (key !== null) {
        let years = candidate.measureYears.get(key);
        if (!years) candidate.measureYears.set(key, (years = new Map<number, HeaderColumn>()));
        if (!years.has(column.year)) years.set(column.year, column);
        continue;
      }
      if (column.measure === "" || column.ownMeasure === "" || column.partMeasures.length === 0) {
        if (!candidate.bareYears.has(column.year)) candidate.bareYears.set(column.year, column);
        continue;
      }
    }
    const unitOnly = column.year === null && column.measure === "" && column.unit !== null ? UNIT_ONLY_KEY[table] : undefined;
    if (unitOnly !== undefined && !candidate.columns.has(unitOnly)) {
      candidate.columns.set(unitOnly, column);
      score += 1;
      continue;
    }
    for (const measure of measuresOf(column)) {
      const key = lookup(map, measure);
      if (key === undefined) continue;
      if (!candidate.columns.has(key)) {
        candidate.columns.set(key, column);
        score += weigh(measure);
      }
      break;
    }
  }
  for (const [key, years] of candidate.measureYears) {
    if (years.size > 0 && !candidate.columns.has(key)) score += 2;
  }
  if (table === "profile" || table === "gains") score += Math.min(candidate.bareYears.size, 3) * (table === "profile" ? 1 : 0.5);
  const spec = TABLE_SPEC_BY_KEY.get(table)!;
  const matched =
    new Set([...candidate.columns.keys(), ...candidate.measureYears.keys()]).size +
    (table === "profile" && candidate.bareYears.size > 0 ? 1 : 0);
  candidate.coverage = Math.min(1, matched / Math.max(1, spec.columns.length + (table === "profile" ? 1 : 0)));
  candidate.score = score;
  candidate.lacks = lacksFor(candidate);
  return candidate;
}
