/**
 * Corrections the user keeps in the workbook's Settings table, so recognition can be put right where it
 * is wrong (docs/recognition.md):
 *   Key "Table Gains"            Value "'Savings Plan'!A6:X40"   the Gains table is that range
 *   Key "Gains = 'Savings Plan'!A6:X40" (one cell, Value blank)  the same
 *   Key "Table Milestones"       Value "none"                    the workbook has no Milestones table
 *   Key "Column Gains.Type"      Value "C/NC"                    the header "C/NC" is the Gains Type column
 *   Key "Column Type"            Value "C/NC"                    the same, for every table with a Type column
 * A correction that cannot be read is reported, never silently dropped.
 */
import type { CellRect, Sheet } from "../../workbook/model";
import { a1 } from "../../workbook/model";
import { TABLE_SPECS, type TableKey } from "../schema";
import { cellText, normaliseLabel, quote } from "../text";

interface TableCorrection {
  table: TableKey;
  /** Null for "none": the workbook deliberately has no such table. */
  target: { sheet: Sheet; rect: CellRect } | null;
  /** Where the correction is written, e.g. Settings!B12. */
  where: { sheet: string; cell: string };
  text: string;
}

interface ColumnCorrection {
  table: TableKey;
  key: string;
  /** The header as the workbook writes it, normalised. */
  header: string;
  where: { sheet: string; cell: string };
}

export interface Corrections {
  tables: TableCorrection[];
  columns: ColumnCorrection[];
  /** Corrections that could not be read, as messages with their cell. */
  problems: Array<{ sheet: string; cell: string; message: string }>;
}

export const NO_CORRECTIONS: Corrections = { tables: [], columns: [], problems: [] };

/** A table named by its label, a sheet synonym or its key: "Gains", "Register", "gains". */
function tableByName(name: string): TableKey | null {
  const wanted = normaliseLabel(name);
  for (const spec of TABLE_SPECS) {
    if ([spec.label, spec.key, ...spec.sheetSynonyms].some((n) => normaliseLabel(n) === wanted)) return spec.key;
  }
  return null;
}

/** "Gains.Type", "Gains Type", "Type" -> the columns meant. */
function columnsNamed(name: string): Array<{ table: TableKey; key: string }> {
  const dot = name.indexOf(".");
  const tablePart = dot >= 0 ? tableByName(name.slice(0, dot)) : null;
  const columnPart = normaliseLabel(dot >= 0 ? name.slice(dot + 1) : name);
  const out: Array<{ table: TableKey; key: string }> = [];
  for (const spec of TABLE_SPECS) {
    if (tablePart !== null && spec.key !== tablePart) continue;
    for (const column of spec.columns) {
      if (normaliseLabel(column.label) === columnPart || normaliseLabel(column.key) === columnPart)
        out.push({ table: spec.key, key: column.key });
    }
  }
  return out;
}

export type ReferenceParser = (text: string) => { sheet: Sheet; rect: CellRect } | null;

/** Reads the corrections from the Settings table's Key/Value rows. */
export function readCorrections(
  settings: { sheet: Sheet; rows: readonly number[]; keyCol: number; valueCol: number } | null,
  parseRef: ReferenceParser,
): Corrections {
  if (!settings) return NO_CORRECTIONS;
  const out: Corrections = { tables: [], columns: [], problems: [] };
  for (const r of settings.rows) {
    const cells = settings.sheet.rows[r];
    let keyText = cellText(cells?.[settings.keyCol]);
    let valueText = cellText(cells?.[settings.valueCol]);
    let where = { sheet: settings.sheet.name, cell: a1(r, settings.valueCol) };
    if (keyText === "") continue;
    const eq = keyText.indexOf("=");
    if (valueText === "" && eq > 0) {
      valueText = keyText.slice(eq + 1).trim();
      keyText = keyText.slice(0, eq).trim();
      where = { sheet: settings.sheet.name, cell: a1(r, settings.keyCol) };
    }
    const column = /^(?:column|header)\s+(.+)$/i.exec(keyText);
    if (column) {
      const targets = columnsNamed(column[1]);
      if (targets.length === 0)
        out.problems.push({
          ...where,
          message: `The correction ${quote(keyText)} names no column the check knows; write e.g. "Column Gains.Type".`,
        });
      else if (valueText === "")
        out.problems.push({
          ...where,
          message: `The correction ${quote(keyText)} gives no header; write the header as the workbook has it, e.g. C/NC.`,
        });
      else for (const t of targets) out.columns.push({ ...t, header: normaliseLabel(valueText), where });
      continue;
    }
    const tableWord = /^(?:table\s+)?(.+?)(?:\s+table)?$/i.exec(keyText)![1];
    const table = /^table\s|\stable$/i.test(keyText) || eq > 0 ? tableByName(tableWord) : null;
    if (table === null) continue;
    if (/^(none|n\/?a|not used)$/i.test(valueText)) {
      out.tables.push({ table, target: null, where, text: valueText });
      continue;
    }
    const target = parseRef(valueText);
    if (!target) {
      out.problems.push({
        ...where,
        message: `The correction ${quote(keyText)} = ${quote(valueText)} is not a range on a sheet of this workbook; write e.g. 'Savings Plan'!A6:X40.`,
      });
      continue;
    }
    out.tables.push({ table, target, where, text: valueText });
  }
  return out;
}

/** A workbook's own header words, from its column corrections: table -> normalised header -> key. */
export function correctionHeaders(corrections: Corrections): Map<TableKey, Map<string, string>> {
  const map = new Map<TableKey, Map<string, string>>();
  for (const c of corrections.columns) {
    let headers = map.get(c.table);
    if (!headers) map.set(c.table, (headers = new Map<string, string>()));
    headers.set(c.header, c.key);
  }
  return map;
}
