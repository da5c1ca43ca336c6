/**
 * Which principles could be checked: a principle whose evidence was not found is "not-checked", never
 * "pass" (docs/spec/workbook.md). Evidence is missing when a table the principle's rules read was not
 * recognised, or was found with no records (an empty template), or when one of the principle's own
 * rules reported a table missing. The reason names the tables looked for.
 */
import type { Recognition } from "./recognise";
import type { DiscoveredTable } from "./discovery";
import { tableSpec, type TableKey } from "./schema";
import { quoteSheetName } from "../text";
import { PRINCIPLES, type Finding, type PrincipleKey, type PrincipleNotChecked } from "./types";

/**
 * The tables without whose records none of a principle's rules has anything to check (workbook.md's
 * "needed by", first table). Tables a principle reads besides these (the Milestones of (iv), the
 * Reinvestment plan of (v)) are reported missing by its rules, which also makes it not-checked.
 */
const PRINCIPLE_EVIDENCE: Readonly<Record<PrincipleKey, readonly TableKey[]>> = {
  i: ["baseline"],
  ii: ["gains"],
  iii: ["gains"],
  iv: ["gains", "profile"],
  v: ["gains"],
  vi: ["quarterly"],
  vii: ["comparatives"],
  viii: ["gains"],
  ix: ["publication"],
  method: ["gains"],
};

/** A missing-table finding's message id (the rule context's, src/core/validate/messages.ts). */
export const MISSING_TABLE = "missingTable";

export interface EvidenceSource {
  tables: ReadonlyMap<TableKey, DiscoveredTable>;
  recognition: Pick<Recognition, "sheets" | "declaredAbsent">;
}

function sheetsLooked(source: EvidenceSource): string {
  const n = source.recognition.sheets.length;
  return n === 1 ? "on the 1 sheet looked at" : `on the ${n.toLocaleString("en-GB")} sheets looked at`;
}

/** Why one table gives no evidence, or null when it has records. */
function tableGap(source: EvidenceSource, key: TableKey): string | null {
  const label = tableSpec(key).label;
  const table = source.tables.get(key);
  if (table) return table.rows.length > 0 ? null : `the ${label} table on sheet ${quoteSheetName(table.sheet.name)} has no records`;
  if (source.recognition.declaredAbsent.has(key)) return `the Settings table says the workbook has no ${label} table`;
  return `no ${label} table was found ${sheetsLooked(source)}`;
}

const sentence = (parts: readonly string[]) => {
  const text = parts.join("; ");
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
};

/** What could not be checked, principle by principle. */
export interface EvidenceGaps {
  /** Each principle with evidence missing: the tables looked for and why. */
  gaps: Partial<Record<PrincipleKey, PrincipleNotChecked>>;
  /**
   * Principles whose first tables (PRINCIPLE_EVIDENCE) are missing or empty: nothing of theirs was
   * checked, so they read "not-checked" whatever was reported about the empty tables ("The Gains
   * table has no gains"). The others in `gaps` lack a further table and read "fail" on an error.
   */
  nothingChecked: ReadonlySet<PrincipleKey>;
}

/**
 * The principles that could not be checked, each with the tables looked for and why. `findings` are
 * the check's: a principle's own missing-table finding (its Milestones, its Reinvestment plan) counts.
 */
export function evidenceGaps(source: EvidenceSource, findings: readonly Finding[]): EvidenceGaps {
  const reasons = new Map<PrincipleKey, Map<string, string>>();
  const add = (principle: PrincipleKey, label: string, why: string) => {
    const entry = reasons.get(principle) ?? new Map<string, string>();
    if (!entry.has(label)) entry.set(label, why);
    reasons.set(principle, entry);
  };
  const nothingChecked = new Set<PrincipleKey>();
  for (const principle of PRINCIPLES) {
    for (const key of PRINCIPLE_EVIDENCE[principle]) {
      const why = tableGap(source, key);
      if (why === null) continue;
      add(principle, tableSpec(key).label, why);
      nothingChecked.add(principle);
    }
  }
  for (const f of findings) {
    if (f.messageId !== MISSING_TABLE) continue;
    const label = f.data?.table ?? "";
    if (label) add(f.principle, label, `no ${label} table was found ${sheetsLooked(source)}`);
  }
  const gaps: Partial<Record<PrincipleKey, PrincipleNotChecked>> = {};
  for (const principle of PRINCIPLES) {
    const entry = reasons.get(principle);
    if (entry) gaps[principle] = { tables: [...entry.keys()], reason: sentence([...entry.values()]) };
  }
  return { gaps, nothingChecked };
}
