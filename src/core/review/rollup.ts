/**
 * Repeated findings rolled up: the same rule failing on many rows reads as one item with the count and
 * the rows or ranges ("3,000 findings: Every gain has a costs figure, at Gains!J2:J3001"), instead of
 * 3,000 lines. Used by the text report, the pane's findings list and the report sheet; JSON and SARIF
 * keep every location. Pure: findings in, items out, in the order of the findings.
 */
import { formatCellRef } from "../text/sheet-name";
import { a1Range, parseA1Range, type CellRect } from "../workbook/model";
import type { Finding, PrincipleKey, Severity } from "../validate/types";

/** A rule with at least this many findings in one report is shown as one rolled-up item. */
const ROLL_UP_FROM = 4;
/** Ranges named in a rolled-up item's one line before "and N more". */
const RANGES_SHOWN = 6;

export interface RolledUpFinding {
  rule: string;
  principle: PrincipleKey;
  severity: Severity;
  count: number;
  /** Every finding rolled up, in report order (the first is the example shown). */
  findings: Finding[];
  /**
   * Where, merged: consecutive cells of one column become one range, per sheet, in order of first
   * appearance. A finding about the whole workbook adds no range.
   */
  ranges: Array<{ sheet: string; cell: string }>;
}

export type ReportItem = { kind: "finding"; finding: Finding } | { kind: "rolled-up"; group: RolledUpFinding };

/** Merges the findings' cells: single cells down one column become runs; other ranges stay as they are. */
export function mergeLocations(findings: readonly Finding[]): Array<{ sheet: string; cell: string }> {
  // sheet -> column -> rows of single cells; the ranges that are not single cells, kept once each.
  const order: string[] = [];
  const bySheet = new Map<string, { singles: Map<number, number[]>; others: Map<string, CellRect> }>();
  for (const f of findings) {
    if (f.sheet === null || f.cell === null) continue;
    let entry = bySheet.get(f.sheet);
    if (!entry) {
      entry = { singles: new Map(), others: new Map() };
      bySheet.set(f.sheet, entry);
      order.push(f.sheet);
    }
    const rect = parseA1Range(f.cell);
    if (rect && rect.startRow === rect.endRow && rect.startCol === rect.endCol) {
      const rows = entry.singles.get(rect.startCol) ?? [];
      rows.push(rect.startRow);
      entry.singles.set(rect.startCol, rows);
    } else if (!entry.others.has(f.cell)) entry.others.set(f.cell, rect ?? { startRow: -1, endRow: -1, startCol: -1, endCol: -1 });
  }
  const out: Array<{ sheet: string; cell: string }> = [];
  for (const sheet of order) {
    const { singles, others } = bySheet.get(sheet)!;
    for (const [col, rows] of [...singles].sort((a, b) => a[0] - b[0])) {
      const sorted = [...new Set(rows)].sort((a, b) => a - b);
      let start = sorted[0];
      for (let i = 1; i <= sorted.length; i++) {
        if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
        out.push({ sheet, cell: a1Range({ startRow: start, endRow: sorted[i - 1], startCol: col, endCol: col }) });
        start = sorted[i];
      }
    }
    for (const cell of others.keys()) out.push({ sheet, cell });
  }
  return out;
}

/**
 * The report's findings as items: a rule with `from` or more findings becomes one rolled-up item at
 * the place of its first finding; the others stay as they are.
 */
export function rollUpFindings(findings: readonly Finding[], from = ROLL_UP_FROM): ReportItem[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.rule}|${f.severity}`;
    const list = byRule.get(key) ?? [];
    list.push(f);
    byRule.set(key, list);
  }
  const items: ReportItem[] = [];
  const placed = new Set<string>();
  for (const f of findings) {
    const key = `${f.rule}|${f.severity}`;
    const group = byRule.get(key)!;
    if (group.length < from) {
      items.push({ kind: "finding", finding: f });
      continue;
    }
    if (placed.has(key)) continue;
    placed.add(key);
    items.push({
      kind: "rolled-up",
      group: {
        rule: f.rule,
        principle: f.principle,
        severity: f.severity,
        count: group.length,
        findings: group,
        ranges: mergeLocations(group),
      },
    });
  }
  return items;
}

/**
 * "Gains!J2:J3001, 'My sheet'!B4 and 3 more ranges"; "the whole workbook" when there is none.
 * Without the sheet ("J2:J3001, J3005") for a place that names the sheet already.
 */
export function rangesText(group: RolledUpFinding, shown = RANGES_SHOWN, withSheet = true): string {
  if (group.ranges.length === 0) return "the whole workbook";
  const named = group.ranges.slice(0, shown).map((r) => (withSheet ? formatCellRef(r.sheet, r.cell) : r.cell));
  const rest = group.ranges.length - named.length;
  return rest > 0 ? `${named.join(", ")} and ${rest.toLocaleString("en-GB")} more range${rest === 1 ? "" : "s"}` : named.join(", ");
}

/** "3,000 findings: Every gain has a costs figure" (the rule's title, or its id when there is none). */
export function rolledUpHeadline(group: RolledUpFinding, title: string | undefined): string {
  return `${group.count.toLocaleString("en-GB")} findings: ${title ?? group.rule}`;
}
