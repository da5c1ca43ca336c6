/** Read stage: the Profile table's rows by gain, and its financial years. */
import type { DiscoveredTable } from "../discovery";
import { cellText } from "../text";
import { idKey } from "./gains";

/** Normalised gain id -> 0-based profile row (the first). */
export function readProfileRows(table: DiscoveredTable | undefined): Map<string, number> {
  const profileRowById = new Map<string, number>();
  const idCol = table?.columns.get("id");
  if (!table || idCol === undefined) return profileRowById;
  for (const r of table.rows) {
    const text = cellText(table.sheet.rows[r]?.[idCol]);
    if (text === "") continue;
    const key = idKey(text);
    if (!profileRowById.has(key)) profileRowById.set(key, r);
  }
  return profileRowById;
}

/** Financial-year start years of the profile columns, in order. */
export function profileYears(table: DiscoveredTable | undefined): number[] {
  return table ? [...table.yearColumns.keys()] : [];
}
