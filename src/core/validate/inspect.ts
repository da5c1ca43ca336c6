/**
 * What the check understood of a workbook, for `vfm inspect` and the pane's "What the check found"
 * panel: each table found (sheet, range, how it was recognised and how sure), each column with its
 * header as written, its role and unit, the context from the title block, the candidates rejected and
 * why, the tables not found with the nearest candidate, the sheets looked at (hidden ones said so) and
 * the workbook's own RAG key. Plain data; inspect-format.ts writes it as text or JSON.
 */
import type { SheetVisibility, WorkbookModel } from "../workbook/model";
import { a1Range, columnLetters } from "../workbook/model";
import { analyse, type Analysis, type ValidateOptions } from "./analysis";
import { formatFinancialYearLabel } from "./dates";
import type { Confidence, DiscoveredTable, TableSource } from "./discovery";
import type { RejectedCandidate } from "./recognise";
import { TABLE_SPECS, type TableKey } from "./schema";
import type { MoneyUnit } from "./text";

interface InspectedColumn {
  /** Column letters, e.g. "E". */
  column: string;
  /** The header as written (the parts of a multi-row header joined by " / "). */
  header: string;
  /** What the check reads it as ("Gross gain", "Gross gain 2012-13", "Profile 2012-13"); null when unused. */
  role: string | null;
  unit: MoneyUnit | null;
}

export interface InspectedTable {
  table: TableKey;
  label: string;
  sheet: string;
  hidden: boolean;
  /** A1 range, header rows included. */
  range: string;
  source: TableSource;
  /** How it was recognised, in words. */
  how: string;
  confidence: Confidence;
  /** Recognised columns over the table's columns, 0..1. */
  coverage: number;
  rows: number;
  totalRows: number;
  columns: InspectedColumn[];
  /** The table's columns that were not found, by label. */
  missing: string[];
  context: { unit: MoneyUnit | null; priceBase: string | null; basis: string | null; positionAt: string | null };
}

export interface Inspection {
  file: string;
  sheets: Array<{ name: string; visibility: SheetVisibility; blocks: number }>;
  tables: InspectedTable[];
  notFound: Array<{ table: TableKey; label: string; declaredAbsent: boolean; nearest: RejectedCandidate | null }>;
  rejected: RejectedCandidate[];
  ragKey: { sheet: string; cell: string; text: string } | null;
  /** The unit the register's amounts are read in, and the reporting date the check used. */
  unit: MoneyUnit;
  reportingDate: string;
  corrections: number;
}

function roleOf(table: DiscoveredTable, col: number): string | null {
  const labelOf = (key: string) => table.spec.columns.find((s) => s.key === key)?.label ?? key;
  for (const [key, years] of table.measureYears) {
    for (const [year, c] of years) {
      if (c !== col) continue;
      const figure = table.columns.get(key) === col ? " (the figure checked)" : "";
      return `${labelOf(key)} ${formatFinancialYearLabel(year)}${figure}`;
    }
  }
  for (const [key, c] of table.columns) if (c === col) return labelOf(key);
  for (const [year, c] of table.yearColumns)
    if (c === col) return `${table.key === "profile" ? "Profile" : "Year"} ${formatFinancialYearLabel(year)}`;
  return null;
}

function inspectTable(table: DiscoveredTable, analysis: Analysis): InspectedTable {
  // A register that is also its own profile or milestone record shows those columns' roles too.
  const inline = table.key === "gains" ? [...analysis.tables.values()].filter((t) => t.source === "inline" && t.sheet === table.sheet) : [];
  const columns: InspectedColumn[] = table.headerColumns.map((h) => {
    const own = roleOf(table, h.col);
    const shared =
      inline.map((t) => (roleOf(t, h.col) === null ? null : `${t.spec.label} ${roleOf(t, h.col)}`)).find((r) => r !== null) ?? null;
    const role = own ?? shared;
    return { column: columnLetters(h.col), header: h.text, role, unit: h.unit };
  });
  const found = new Set([...table.columns.keys(), ...table.measureYears.keys()]);
  const missing = table.spec.columns.filter((c) => !found.has(c.key)).map((c) => c.label);
  if (table.key === "profile" && table.yearColumns.size === 0) missing.push("financial-year columns");
  const top = Math.max(0, table.headerTop);
  const { context } = table;
  return {
    table: table.key,
    label: table.spec.label,
    sheet: table.sheet.name,
    hidden: table.hidden,
    range: a1Range({ startRow: top, endRow: Math.max(top, table.endRow), startCol: table.startCol, endCol: Math.min(table.endCol, 16383) }),
    source: table.source,
    how: table.how,
    confidence: table.confidence,
    coverage: Math.round(table.coverage * 100) / 100,
    rows: table.rows.length,
    totalRows: table.totalRows.length,
    columns: table.source === "inline" ? columns.filter((c) => c.role !== null) : columns,
    missing,
    context: {
      unit: context.unit,
      priceBase:
        context.priceBase === null ? null : context.priceBase === "cash" ? "cash" : `${formatFinancialYearLabel(context.priceBase)} prices`,
      basis: context.basis,
      positionAt: context.positionAt,
    },
  };
}

/** Inspects an analysed workbook. */
export function inspectAnalysis(analysis: Analysis, file: string): Inspection {
  const { recognition } = analysis;
  const order = new Map(TABLE_SPECS.map((s, i) => [s.key, i]));
  const tables = [...analysis.tables.values()].sort((a, b) => order.get(a.key)! - order.get(b.key)!).map((t) => inspectTable(t, analysis));
  const notFound = TABLE_SPECS.filter((s) => !analysis.tables.has(s.key)).map((s) => ({
    table: s.key,
    label: s.label,
    declaredAbsent: recognition.declaredAbsent.has(s.key),
    nearest: recognition.nearest.get(s.key) ?? null,
  }));
  const ragKey = analysis.ragKey ? { sheet: analysis.ragKey.sheet, cell: analysis.ragKey.cell, text: analysis.ragKey.text } : null;
  return {
    file,
    sheets: recognition.sheets,
    tables,
    notFound,
    rejected: recognition.rejected,
    ragKey,
    unit: analysis.data.unit,
    reportingDate: analysis.data.reportingDate,
    corrections: recognition.corrections.tables.length + recognition.corrections.columns.length,
  };
}

/** What the check found in a workbook. */
export function inspectWorkbook(model: WorkbookModel, options: ValidateOptions): Inspection {
  return inspectAnalysis(analyse(model, options), options.file);
}
