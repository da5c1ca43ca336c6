/**
 * The inspection as text (for a person at a terminal: every workbook string made terminal-safe) and
 * as JSON (exact). `vfm inspect` and the tests use both.
 */
import { oneLine, quoteSheetName } from "../text";
import { formatDate } from "./dates";
import type { Inspection, InspectedTable } from "./inspect";

const CONFIDENCE_WORD = { high: "sure", medium: "fairly sure", low: "unsure" } as const;

function safe(text: string, maxLength = 80): string {
  return oneLine(text, { maxLength });
}

function where(sheet: string, range: string): string {
  return `${safe(quoteSheetName(sheet), 60)}!${range}`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

function tableLines(t: InspectedTable): string[] {
  const lines: string[] = [];
  const counts = `${t.rows} ${t.rows === 1 ? "row" : "rows"}${t.totalRows > 0 ? `, ${t.totalRows} total ${t.totalRows === 1 ? "row" : "rows"}` : ""}`;
  lines.push(`  ${t.label}: ${where(t.sheet, t.range)}${t.hidden ? " (hidden sheet)" : ""}, ${counts}`);
  lines.push(`    found by ${safe(t.how, 120)} (${CONFIDENCE_WORD[t.confidence]})`);
  const context = [
    t.context.unit ? `unit ${t.context.unit}` : null,
    t.context.priceBase ? `${t.context.priceBase === "cash" ? "cash prices" : t.context.priceBase}` : null,
    t.context.basis ? `basis ${t.context.basis}` : null,
    t.context.positionAt ? `position at ${formatDate(t.context.positionAt)}` : null,
  ].filter((x): x is string => x !== null);
  if (context.length > 0) lines.push(`    title block: ${context.join(", ")}`);
  const width = Math.min(40, Math.max(8, ...t.columns.map((c) => safe(c.header, 90).length + 2)));
  for (const c of t.columns) {
    const header = pad(`"${safe(c.header, 90)}"`, width);
    const role = c.role ?? "(not used)";
    lines.push(`    ${pad(c.column, 3)} ${header} ${role}${c.unit ? ` (${c.unit})` : ""}`);
  }
  if (t.missing.length > 0) lines.push(`    not found: ${t.missing.join(", ")}`);
  return lines;
}

/** The inspection as lines of text. */
export function formatInspectionText(inspection: Inspection): string {
  const lines: string[] = [];
  lines.push(`${safe(inspection.file, 200)}: what the check found`);
  const sheets = inspection.sheets.map((s) => `${safe(quoteSheetName(s.name), 60)}${s.visibility === "visible" ? "" : " (hidden)"}`);
  lines.push(`Sheets looked at (${sheets.length}): ${sheets.join(", ") || "none"}`);
  lines.push(`Amounts read in ${inspection.unit}; reporting date ${formatDate(inspection.reportingDate)}`);
  if (inspection.corrections > 0) lines.push(`Corrections from the Settings table: ${inspection.corrections}`);
  lines.push("");
  lines.push(inspection.tables.length === 0 ? "Tables found: none" : `Tables found (${inspection.tables.length}):`);
  for (const t of inspection.tables) lines.push(...tableLines(t));
  if (inspection.ragKey) {
    lines.push("");
    lines.push(
      `RAG weighting key: ${where(inspection.ragKey.sheet, inspection.ragKey.cell)} (${safe(inspection.ragKey.text)}), used for deliverability`,
    );
  }
  if (inspection.notFound.length > 0) {
    lines.push("");
    lines.push(`Not found (${inspection.notFound.length}):`);
    for (const n of inspection.notFound) {
      if (n.declaredAbsent) lines.push(`  ${n.label}: none, as the Settings table says`);
      else if (n.nearest) {
        const what = n.nearest.lacks.length > 0 ? `has ${n.nearest.lacks.join(" and ")}` : safe(n.nearest.reason, 120);
        lines.push(
          `  ${n.label}: nearest ${where(n.nearest.sheet, n.nearest.range)} (${n.nearest.matched} of ${n.nearest.total} columns), but it ${what}`,
        );
      } else lines.push(`  ${n.label}: no block with its headers`);
    }
  }
  const rejected = inspection.rejected.filter((r) => !inspection.notFound.some((n) => n.nearest === r));
  if (rejected.length > 0) {
    lines.push("");
    lines.push(`Other candidates not taken (${rejected.length}):`);
    for (const r of rejected.slice(0, 40)) {
      lines.push(
        `  ${where(r.sheet, r.range)} as ${labelOf(inspection, r.table)} (${r.matched} of ${r.total} columns): ${safe(r.reason, 160)}`,
      );
    }
    if (rejected.length > 40) lines.push(`  and ${rejected.length - 40} more (see --format json)`);
  }
  return lines.join("\n") + "\n";
}

function labelOf(inspection: Inspection, key: string): string {
  return inspection.tables.find((t) => t.table === key)?.label ?? inspection.notFound.find((n) => n.table === key)?.label ?? key;
}

/** The inspection as JSON: one object per file, exact text. */
export function formatInspectionJson(inspections: readonly Inspection[]): string {
  return JSON.stringify(inspections.length === 1 ? inspections[0] : inspections, null, 2) + "\n";
}
